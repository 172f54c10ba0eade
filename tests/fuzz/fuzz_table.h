/* SPDX-License-Identifier: ISC */
/*
 * fuzz_table.h: a libFuzzer target that parses its input below a fixed
 * header line, so that the fuzzer spends its time in one parser (the CSV
 * reader, the directives table) rather than in finding the header.
 * Included by fuzz_csv.c and fuzz_directives.c after FUZZ_HEADER and
 * FUZZ_FILE are defined.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "appendix.h"
#include "config.h"
#include "derive.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len);

static struct config *fuzz_config;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const char header[] = FUZZ_HEADER;
	static const char *const codes[] = { "1.1", "1.5.1", "3.12.1", NULL };
	struct appendix *a;
	struct derivation d = { 0 };
	char *buf, *err = NULL;
	size_t n = sizeof header - 1;

	if (fuzz_config == NULL)
		fuzz_config = config_default();
	buf = malloc(n + len + 1);
	if (buf == NULL)
		return 0;
	memcpy(buf, header, n);
	if (len > 0)
		memcpy(buf + n, data, len);
	if (appendix_parse(FUZZ_FILE, buf, n + len, &a, &err) != 0) {
		free(err);
		free(buf);
		return 0;
	}
	if (a->kind == APPENDIX_CRITERIA)
		derive_criteria(fuzz_config, a, &d);
	else
		derive_directives(fuzz_config, a, codes, &d);
	derivation_free(&d);
	appendix_free(a);
	free(buf);
	return 0;
}
