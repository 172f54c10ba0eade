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

#include "appraisal.h"
#include "grid.h"
#include "text.h"
#include "util.h"

/* Longest line, cell and most rows accepted (util.h LIMIT_*); a file
 * over LIMIT_FILE is refused by appendix_read before it is read. */
#define APPENDIX_MAX_LINE LIMIT_LINE
#define APPENDIX_MAX_CELL LIMIT_CELL
#define APPENDIX_MAX_ROWS LIMIT_ROWS
#define APPENDIX_MAX_LINES (5 * LIMIT_ROWS)
/* Each score lies within ±APPENDIX_MAX_SCORE points. */
#define APPENDIX_MAX_SCORE 1000

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

/* Another header wording for column col (folded here), used by every
 * later parse besides the built-in ones; NULL clears the added words. */
void appendix_add_words(int col, const char *words);

/* Read and parse a file. */
int appendix_read(const char *file, struct appendix **out, char **err);

void appendix_free(struct appendix *a);

#endif
