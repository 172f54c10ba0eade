/* SPDX-License-Identifier: ISC */
/*
 * fuzz_config: libFuzzer target for the configuration loader: the input
 * is written to a temporary parboard.conf (libconfig reads files; its
 * @include is resolved beside it, in an empty directory) and loaded as
 * `parboard -c FILE` loads it, then the board's own checks of the bind
 * and colours settings run on it.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "board.h"
#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len);

static char fuzz_dir[] = "/tmp/parboard-fuzz-config.XXXXXX";
static char fuzz_path[sizeof fuzz_dir + 16];

static void
fuzz_cleanup(void)
{
	unlink(fuzz_path);
	rmdir(fuzz_dir);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct config *c;
	char *err = NULL;
	FILE *f;

	if (fuzz_path[0] == '\0') {
		if (mkdtemp(fuzz_dir) == NULL)
			abort();
		snprintf(fuzz_path, sizeof fuzz_path, "%s/parboard.conf",
		    fuzz_dir);
		atexit(fuzz_cleanup);
	}
	f = fopen(fuzz_path, "wb");
	if (f == NULL)
		abort();
	if (len > 0 && fwrite(data, 1, len, f) != len)
		abort();
	if (fclose(f) != 0)
		abort();
	if (config_load(fuzz_path, &c, &err) != 0) {
		free(err);
		return 0;
	}
	if (board_config_check(c, &err) != 0)
		free(err);
	config_free(c);
	return 0;
}
