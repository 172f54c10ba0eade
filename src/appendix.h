/* SPDX-License-Identifier: ISC */
/* appendix.h: read the appraisal appendix (the whole directive document,
 * a bare TSV table or a CSV export) or a directives table into plain rows.
 *
 * Nothing here knows roles or tasks: it only turns a file into criteria
 * (or directives) with their source lines, verbatim numbers parsed to
 * fixed-point scores and markup reduced to plain NFC text. */
#ifndef PARBOARD_APPENDIX_H
#define PARBOARD_APPENDIX_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

#include "text.h"

/* Which score cells a row had (an empty cell is not zero). */
enum {
	HAS_STANDARD = 1 << 0,
	HAS_SELF = 1 << 1,
	HAS_APPRAISED = 1 << 2,
	HAS_DEDUCTION = 1 << 3,
};

/* Text fields other than code are never NULL: an empty cell is "". */
struct criterion {
	char *code;		/* "3.12.1", "II", "1", "a" as the document
				 * numbers the row ("II.1" when it repeats a
				 * number); NULL on the total row */
	char *path;		/* the row's place in the tree, parents
				 * first: "3.12.1", "II.1.a"; NULL on the
				 * total row */
	char *title;		/* plain text, NFC; "Tổng điểm" on the total
				 * row when its title cell is empty */
	score standard, self, appraised;
	score deduction;	/* as the council listed it, sign kept: -0,5 */
	unsigned has;		/* HAS_* bits */
	char *comment;		/* Ý kiến hội đồng thẩm định, plain text */
	char *assignee;		/* Người thực hiện chính, plain text */
	int line;		/* first source line of the row (a row split
				 * by a page break continues on later lines) */
};

/* One row of a directives table (role, criterion, task, due, target,
 * every).  Empty cells are NULL. */
struct directive {
	char *role;		/* role id or text naming a role */
	char *code;		/* criterion code or NULL */
	char *task;
	char *due;		/* YYYY-MM-DD (parsed and checked) or NULL */
	char *target;		/* chỉ tiêu, free text: "3 bài" */
	char *every;		/* chu kỳ, free text: "tháng" */
	int line;
};

enum appendix_kind {
	APPENDIX_CRITERIA,
	APPENDIX_DIRECTIVES,
};

struct appendix {
	char *file;		/* path as given */
	enum appendix_kind kind;
	char *title;		/* appendix title above the table, NFC,
				 * one line; NULL when the file has none */
	struct criterion *rows;	/* criteria in file order, total excluded */
	size_t nrows;
	bool has_total;		/* a "Tổng điểm" row was present */
	struct criterion total;
	struct directive *dirs;
	size_t ndirs;
	char *taken;		/* Word or Excel file: which table or sheet
				 * was read ("table 3", "sheet Phụ lục"), in
				 * the user's language; NULL for text */
	size_t ntables;		/* tables or sheets in that file */
	bool sheet;		/* taken is a sheet */
};

/* Longest line, cell and most rows accepted (util.h LIMIT_*); a file
 * over LIMIT_FILE is refused by appendix_read before it is read. */
#define APPENDIX_MAX_LINE LIMIT_LINE
#define APPENDIX_MAX_CELL LIMIT_CELL
#define APPENDIX_MAX_ROWS LIMIT_ROWS
#define APPENDIX_MAX_LINES (5 * LIMIT_ROWS)
/* Each score lies within ±APPENDIX_MAX_SCORE points. */
#define APPENDIX_MAX_SCORE 1000

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
void appendix_col_name(size_t col, char out[8]);


/* Parse data[0..len) read from file.  The format is told from the
 * content: a CSV header line (commas, optional UTF-8 BOM, RFC 4180 via
 * libcsv), otherwise tab-separated lines, searched for the header row
 * (the whole directive document is accepted as is).  Columns are found by
 * their normalised header text, in any order.  On error returns -1 with
 * *err = "FILE:LINE: what" (unknown column set, bad number, invalid UTF-8,
 * empty file, binary input, over-long line, truncated row, ...). */
int appendix_parse(const char *file, const char *data, size_t len,
    struct appendix **out, char **err);

/* Parse the first of g[0..n) holding a recognised header: the same
 * columns, numbering and rows as a text table.  Errors are "FILE: table
 * N, row R: what" or "FILE: sheet NAME, row R, column C: what". */
int appendix_parse_grids(const char *file, const struct grid *g, size_t n,
    struct appendix **out, char **err);

/* Columns of the appendix, for appendix_add_words. */
enum {
	APPENDIX_COL_CODE, APPENDIX_COL_TITLE, APPENDIX_COL_STANDARD,
	APPENDIX_COL_SELF, APPENDIX_COL_APPRAISED, APPENDIX_COL_DEDUCTION,
	APPENDIX_COL_COMMENT, APPENDIX_COL_ASSIGNEE, APPENDIX_NCOLUMNS
};

/* The configuration's names of the columns: "code", "title", "standard",
 * "self", "appraised", "deduction", "comment", "assignee"; -1 if none. */
int appendix_column_id(const char *name);

/* Another header wording for column col (folded here), used by every
 * later parse besides the built-in ones; NULL clears the added words. */
void appendix_add_words(int col, const char *words);

/* Read and parse a file. */
int appendix_read(const char *file, struct appendix **out, char **err);

void appendix_free(struct appendix *a);

#endif
