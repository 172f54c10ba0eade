/* SPDX-License-Identifier: ISC */
/* output.h: the cell writers shared by the human outputs (minutes, the
 * evidence register, reports): every data field goes through text_safe,
 * and then through the format's own escaping.
 *
 *   csv       for spreadsheets: a UTF-8 byte order mark (Excel on Windows
 *             garbles Vietnamese without it), RFC 4180 quoting, and a text
 *             cell that starts with = + - @ tab or CR prefixed with ' so
 *             that a spreadsheet never runs it as a formula (OWASP CSV
 *             injection); a number such as -0,5 stays a number.
 *   markdown  a table cell with | and line breaks escaped.
 *   html      &, <, >, " and ' escaped; links only http, https, file.
 *   json      a JSON string. */
#ifndef PARBOARD_OUTPUT_H
#define PARBOARD_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "util.h"

/* The byte order mark at the start of a CSV file. */
void out_csv_bom(FILE *out);
/* One CSV cell followed by ',' or, when last, "\r\n". */
void out_csv_cell(FILE *out, const char *s, bool last);
/* A cell of a Markdown table (sanitised, | and newlines escaped). */
void out_md_cell(struct buf *b, const char *s);
/* Sanitised and HTML-escaped (newlines become <br>). */
void out_html(struct buf *b, const char *s);
/* A link's target when it is http, https or file, else NULL. */
bool out_link_ok(const char *s);
/* A JSON string with its quotes (raw data, escaped for JSON). */
void out_json_str(struct buf *b, const char *s);
/* Sanitised text (multiline keeps newlines). */
void out_safe(struct buf *b, const char *s, bool multiline);

#endif
