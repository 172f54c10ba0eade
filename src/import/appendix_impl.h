/* SPDX-License-Identifier: ISC */
/* appendix_impl.h: the appendix reader's insides, shared by appendix.c
 * (the entry points and errors), appendix_records.c (bytes to records),
 * appendix_columns.c (headers and columns) and appendix_rows.c (records
 * to criteria and directives).  Nothing else includes this. */
#ifndef PARBOARD_APPENDIX_IMPL_H
#define PARBOARD_APPENDIX_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "appendix.h"
#include "util.h"

/* One physical line of the input. */
struct line {
	const char *s;		/* content, without the line end */
	size_t n;
	size_t full;		/* length with the line end (fed to libcsv) */
};

/* The cells of one TSV line or one CSV row. */
struct record {
	char **cells;		/* plain NFC text, never NULL */
	size_t ncells;
	int line;		/* first physical line */
	bool tabbed;		/* a TSV line with a tab; every CSV row */
};

struct reader {
	const char *file;
	const struct grid *grid;	/* Word or Excel tables, or NULL */
	size_t *starts;		/* grid: first record of each table, and
				 * nrecs after the last */
	struct line *lines;
	size_t nlines, linecap;
	struct record *recs;
	size_t nrecs, reccap;
	long bigcell;		/* line of the first cell over the limit */
};

enum {
	COL_CODE, COL_TITLE, COL_STANDARD, COL_SELF, COL_APPRAISED,
	COL_DEDUCTION, COL_COMMENT, COL_ASSIGNEE, NCOL
};

enum {
	DCOL_ROLE, DCOL_CODE, DCOL_TASK, DCOL_DUE, DCOL_TARGET, DCOL_EVERY,
	NDCOL
};

/* appendix.c: errors and places. */
/* An error at a place in the file: "FILE:LINE: what", where the place
 * is a format and the what a message in the user's language (fmt comes
 * through _()).  err may be NULL: only -1 is returned then. */
int apx_fail_at(char **, const char *, long, const char *, ...)
    PB_PRINTF(4, 5);
/* An error at a record of r: "FILE:LINE: what" in a text file, "FILE:
 * table N, row R: what" or "FILE: sheet NAME, row R, column C: what" in
 * a Word or Excel file (col: the record's cell, or -1). */
int apx_fail_rec(char **, const struct reader *, long, int, const char *,
    ...) PB_PRINTF(5, 6);
/* Where a record is, in a Word or Excel table. */
char *apx_grid_place(const struct grid *g, long row, int col);

/* appendix_records.c: bytes to records. */
bool apx_is_space(char c);
/* Nothing but white space in s[0, n). */
bool apx_is_blank(const char *s, size_t n);
/* Cell col of rec, "" when the record has no such cell (col -1 too). */
const char *apx_cell_at(const struct record *rec, int col);
/* Every cell of rec is empty. */
bool apx_record_blank(const struct record *rec);
void apx_free_records(struct reader *r);
/* Refuse binary data and broken UTF-8 before looking for a table. */
int apx_check_bytes(const char *file, const char *data, size_t len, char eol,
    char **err);
/* Cut the input into physical lines: LF or CRLF, or CR alone when the
 * file has no LF at all.  A CR inside a line is left for clean_cell. */
int apx_split_lines(struct reader *r, const char *data, size_t len, char eol,
    char **err);
/* Each line as a record of its tab-separated cells. */
void apx_tsv_records(struct reader *r);
/* Parse lines [from, to) as CSV into r's records. */
int apx_csv_records(struct reader *r, size_t from, size_t to, char **err);
/* The cells of a Word or Excel table as records, one per row. */
void apx_grid_records(struct reader *r, const struct grid *g);
/* Merged cells below the header, as the table means them: a row whose
 * code cell continues the one above continues that row (its other
 * merged cells too); otherwise a vertically merged text cell repeats
 * above's text, but a number is never counted twice, nor does a title
 * spread into the columns on its right. */
int apx_grid_spans(struct reader *r, const struct grid *g, size_t first,
    size_t h, const int *amap, char **err);

/* appendix_columns.c: headers and columns. */
/* Names used in messages: the document's own spelling, and the
 * directives table's. */
extern const char *const apx_col_names[NCOL];
extern const char *const apx_dcol_names[NDCOL];
/* f starts with word and the word ends there ("han" is not "hang"). */
bool apx_starts_word(const char *f, const char *word);
/* Is rec a header row, and of which table?  "tiêu chí" names both the
 * appendix's title column and the directives' criterion column, so the
 * kind is told by the whole set: an appendix has STT or score columns. */
int apx_classify(const struct record *rec, int *amap, int *dmap);
/* A title from the text gathered in b (taken): spaces squeezed, in NFC;
 * NULL when nothing is left. */
char *apx_title_of(struct buf *b);
/* The appendix heading is the paragraph right above the header, in
 * markdown: "**PHỤ LỤC …  \nVÀ BIỆN PHÁP KHẮC PHỤC**" → one line. */
char *apx_heading_above(const struct reader *r, size_t h);
/* A CSV export starts with its header line: commas, no tabs. */
bool apx_csv_header_first(struct reader *r, size_t first);
/* The first required column (req, nreq of them) that map lacks, as an
 * error at line; 0 when none is missing. */
int apx_missing_column(const struct reader *r, int line, const int *map,
    const int *req, size_t nreq, const char *const *names, char **err);
/* No table header anywhere: say what was seen.  A text file names its
 * closest row; a Word or Excel file names the likeliest header row of
 * each table (ntables records ranges in starts[]). */
int apx_no_header(const struct reader *r, size_t ntables, char **err);

/* appendix_rows.c: records to rows. */
/* c is one of the four score columns. */
bool apx_is_score_col(int c);
void apx_criterion_free(struct criterion *c);
/* The appendix below header h (columns amap) into a. */
int apx_build_criteria(struct reader *r, size_t h, const int *amap,
    struct appendix *a, char **err);
/* The directives below header h (columns dmap) into a. */
int apx_build_directives(struct reader *r, size_t h, const int *dmap,
    struct appendix *a, char **err);

#endif
