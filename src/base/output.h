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
 *   json      a JSON string, exact: a control character (C0, DEL, C1),
 *             a bidirectional control, U+2028 and U+2029 escaped as
 *             \uXXXX; only a byte that is not UTF-8 (old data) is lost,
 *             as \ufffd.
 *   tsv       exact and one line a row: tab, line feed, carriage return
 *             and backslash as \t \n \r \\; any other C0 control, DEL
 *             or byte that is not UTF-8 as \xHH; a C1 or bidirectional
 *             control as \uXXXX.
 * Messages for people that quote data are written whole through
 * text_safe (out_printf). */
#ifndef PARBOARD_OUTPUT_H
#define PARBOARD_OUTPUT_H

#include <stdarg.h>
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
/* One tsv cell (NULL is empty) followed by a tab or, when last, "\n". */
void out_tsv_cell(struct buf *b, const char *s, bool last);
/* printf to f, the whole text through text_safe (multiline): a message
 * or a line that names files, plans or titles. */
void out_printf(FILE *f, const char *fmt, ...) PB_PRINTF(2, 3);
/* The same with a va_list; not multiline: line feeds become spaces. */
void out_vprintf(FILE *f, bool multiline, const char *fmt, va_list ap);
/* Sanitised text (multiline keeps newlines). */
void out_safe(struct buf *b, const char *s, bool multiline);

#endif
