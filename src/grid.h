/* SPDX-License-Identifier: ISC */
/* grid.h: tables of cells (struct grid, appendix.h) through a pipe, from
 * parboard-office to parboard (office.h).
 *
 * The stream is text with counted strings, so that any cell text passes
 * unchanged:
 *
 *   "parboard-grids 1\n", then per table "G\n" number sheet nrows name
 *   title, then per row: row ncells, then per cell: span text; at the
 *   end "E\n".  Or, instead of the tables, "X\n" message: the file could
 *   not be read, and why.
 *
 * A number is written in decimal and a newline; a string as its length,
 * ':', its bytes and a newline, or "-\n" for none. */
#ifndef PARBOARD_GRID_H
#define PARBOARD_GRID_H

#include <stddef.h>
#include <stdio.h>

#include "appendix.h"

/* Write g[0..n), or the error message, to f.  -1 on a write error. */
int grid_write(FILE *f, const struct grid *g, size_t n);
int grid_write_error(FILE *f, const char *msg);

/* Read a stream of len bytes.  0 with the tables in *out; 1 with the
 * helper's message in *msg (the file is bad); -1 when the stream itself
 * is malformed. */
int grid_read(const char *data, size_t len, struct grid **out, size_t *n,
    char **msg);

#endif
