/* SPDX-License-Identifier: ISC */
/* grid.h: tables of cells (struct grid) through a pipe, from
 * parboard-office to parboard (office.h).
 *
 * The stream is text with counted strings, so that any cell text passes
 * unchanged:
 *
 *   "parboard-grids 1\n", then per table "G\n" number sheet nrows name
 *   title, then per row: row ncells, then per cell: span text; then,
 *   from a Word file, "T\n" text: the document's text, one paragraph or
 *   layout table cell a line (ooxml.h), where the letter is read; at
 *   the end "E\n".  Or, instead of the tables, "X\n" message: the file
 *   could not be read, and why.
 *
 * A number is written in decimal and a newline; a string as its length,
 * ':', its bytes and a newline, or "-\n" for none. */
#ifndef PARBOARD_GRID_H
#define PARBOARD_GRID_H

#include <stddef.h>
#include <stdio.h>

#include "util.h"

/* How an office reader filled a cell that it did not hold itself. */
enum {
	SPAN_NONE,		/* the cell's own text */
	SPAN_DOWN,		/* vertically merged: the text of the cell above */
	SPAN_RIGHT,		/* horizontally merged: the text on its left */
	SPAN_AUTONUM,		/* Word numbered it in a way not computed: the
				 * text is the numbering format's name */
};

/* One row of a table read from a Word or Excel file: plain text cells
 * (paragraphs joined by newlines), cell k in column k + 1. */
struct grid_row {
	char **cells;
	unsigned char *span;	/* SPAN_* of each cell */
	size_t ncells;
	int row;		/* 1-based row of the table or sheet */
};

struct grid {
	char *name;		/* sheet name, or NULL for the N-th table */
	int number;		/* 1-based table or sheet number */
	bool sheet;		/* errors name sheet, row and column */
	char *title;		/* document paragraph above the table, or
				 * NULL */
	struct grid_row *rows;
	size_t nrows;
};

void grids_free(struct grid *g, size_t n);

/* A sheet's column letters: 0 → "A", 27 → "AB". */
void grid_col_name(size_t col, char out[8]);

/* What the tables of one file may hold (issue 16): each at most
 * LIMIT_ROWS rows, a cell at most LIMIT_CELL bytes and all cells
 * together at most LIMIT_FILE bytes of text, as text input may; and at
 * most GRID_MAX_PIECES pieces (tables, rows and cells), so that empty
 * cells cannot fill the memory either.  A merged cell counts once for
 * every cell it covers.  parboard-office refuses a file beyond them as
 * it reads it, and grid_read refuses a stream beyond them. */
#define GRID_MAX_PIECES (10L * LIMIT_ROWS)
/* The longest stream within those limits: the text, and for each piece
 * at most a few numbers and a length in decimal. */
#define GRID_MAX_STREAM ((size_t)LIMIT_FILE + 32 * (size_t)GRID_MAX_PIECES)

/* What has been counted so far. */
struct grid_count {
	long pieces;
	size_t text;
};

/* Count n more pieces holding len bytes of text: -1 with *err = "FILE:
 * what" when that passes GRID_MAX_PIECES or LIMIT_FILE. */
int grid_count(struct grid_count *c, long n, size_t len, const char *file,
    char **err);

/* -1 with *err = "FILE: sheet S: what" or "FILE: table N, row R, column
 * C: what" when g would get more than LIMIT_ROWS rows with nrows, or
 * when a cell of len bytes in column col (0-based) of row row is over
 * LIMIT_CELL. */
int grid_check_rows(const struct grid *g, size_t nrows, const char *file,
    char **err);
int grid_check_cell(const struct grid *g, int row, size_t col, size_t len,
    const char *file, char **err);

/* Write g[0..n) and text (when not NULL), or the error message, to f.
 * -1 on a write error. */
int grid_write(FILE *f, const struct grid *g, size_t n, const char *text);
int grid_write_error(FILE *f, const char *msg);

/* Read a stream of len bytes, read by the helper from file.  0 with the
 * tables in *out and the text in *text (NULL when none); 1 with the
 * helper's message in *msg (the file is bad) or the limit that the
 * tables and text pass ("FILE: what"); -1 when the stream itself is
 * malformed. */
int grid_read(const char *file, const char *data, size_t len,
    struct grid **out, size_t *n, char **text, char **msg);

#endif
