/* SPDX-License-Identifier: ISC */
/* ooxml_main.c: parboard-office FILE, the reader of Word and Excel files
 * that parboard runs when it imports one (office.h).  It writes the
 * file's tables, or why they could not be read, to standard output in
 * grid.h's format, and exits 0; 2 on a usage or write error. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "i18n.h"
#include "ooxml.h"

int
main(int argc, char **argv)
{
	struct grid *g;
	char *err = NULL;
	size_t n;
	int rc;

	i18n_init();
	if (argc != 2) {
		fprintf(stderr, "usage: parboard-office FILE\n");
		return 2;
	}
	if (ooxml_grids(argv[1], &g, &n, &err) != 0) {
		rc = grid_write_error(stdout, err != NULL ? err : argv[1]);
		free(err);
	} else {
		rc = grid_write(stdout, g, n);
		grids_free(g, n);
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		rc = -1;
	if (rc != 0) {
		perror("parboard-office: standard output");
		return 2;
	}
	return 0;
}
