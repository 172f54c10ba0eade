/* SPDX-License-Identifier: ISC */
/* doc.h: one writer for the documents people read (report, minutes, the
 * evidence register), in text, markdown, html or csv; a Word back end
 * comes next.  The caller says what it writes (a heading, a list, a
 * table) and the writer renders it in the format:
 *
 *   text      for a terminal: data through text_safe, tables aligned by
 *             display width (text_pad, text_width).
 *   markdown  data through out_md_cell; tables with a rule row.
 *   html      a page from html_begin to html_end, data through out_html.
 *   csv       the byte order mark, then only the tables (out_csv_cell);
 *             every other part is left out.
 *
 * Everything but csv is gathered in memory and written by doc_end. */
#ifndef PARBOARD_DOC_H
#define PARBOARD_DOC_H

#include <stdbool.h>
#include <stdio.h>

#include "report.h"
#include "text.h"
#include "util.h"

enum doc_align {
	DOC_LEFT,
	DOC_RIGHT,	/* right-aligned in every format */
	DOC_FIGURE,	/* right in markdown and html, left in text */
};

struct doc_col {
	const char *head;	/* the column's heading (data, escaped) */
	enum doc_align align;
	int width;		/* text: at least this many columns */
	int gap;		/* text: spaces after it (0: one) */
};

struct doc {
	enum format fmt;
	FILE *out;
	struct buf b;
	/* A blank line owed after a heading or the meta line (text and
	 * markdown): written before whatever comes next, unless that is a
	 * text sub-heading. */
	bool blank;
	/* The open list: its depth, items so far, and whether its html
	 * <ul> is written before the first item (even when none comes). */
	int depth;
	size_t items;
	bool eager;
	int level;	/* of the open heading */
	/* The open table; in text its cells wait for doc_table_end. */
	const struct doc_col *col;
	size_t ncol, ncell;
	char **cell;
};

/* Starts a document in fmt written to out: csv's byte order mark, or the
 * html page's head with title. */
void doc_begin(struct doc *d, enum format fmt, FILE *out, const char *title);
/* Ends the page and writes what was gathered to out. */
void doc_end(struct doc *d);
/* A part of a page another writer holds (report --evidence's proof of a
 * criterion, the task view's): like doc_begin without the page's head;
 * doc_part_end appends what was gathered to b. */
void doc_part_begin(struct doc *d, enum format fmt);
void doc_part_end(struct doc *d, struct buf *b);

/* A heading of level 1 (the title), 2 or 3, with a blank line before
 * and after; in text, level 3 is indented by two columns and has no
 * blank lines around it. */
void doc_heading(struct doc *d, int level, const char *s);
/* The same in parts: begin, doc_text and doc_plain, end. */
void doc_heading_begin(struct doc *d, int level);
void doc_heading_end(struct doc *d);
/* A line under the title: the date it was computed for... */
void doc_meta(struct doc *d, const char *s);
/* Data in the text flow, escaped for the format. */
void doc_text(struct doc *d, const char *s);
/* The program's own words (a label, a separator), as they are. */
void doc_plain(struct doc *d, const char *s);

/* A list of items, text indented by 2 * depth columns; an empty list
 * says "(none)".  eager: html opens <ul> even for an empty list (the
 * progress report's page has always done so). */
void doc_list_begin(struct doc *d, int depth, bool eager);
void doc_item_begin(struct doc *d);
void doc_item_end(struct doc *d);
void doc_item(struct doc *d, const char *s);
void doc_list_end(struct doc *d);

/* "Label: value" pairs: list items in text (indented by 2 * depth) and
 * markdown, a table with the labels as row headings in html (figures:
 * the values right-aligned).  The label is the program's own words. */
void doc_fields_begin(struct doc *d, int depth, bool figures);
void doc_field(struct doc *d, const char *label, const char *value);
void doc_fields_end(struct doc *d);

/* Short lines that go together (the scores): bare lines in text, a list
 * in markdown, one paragraph with line breaks in html. */
void doc_lines_begin(struct doc *d);
void doc_line(struct doc *d, const char *s);
void doc_lines_end(struct doc *d);

/* A table of n columns (kept by the caller until doc_table_end): text
 * columns one space apart unless they say, the last one not padded. */
void doc_table_begin(struct doc *d, const struct doc_col *col, size_t n);
/* A row of the table's n cells. */
void doc_row(struct doc *d, const char *const *cell);
void doc_table_end(struct doc *d);

/* Strong text: bold in markdown, the flag class in html. */
void doc_emphasis(struct doc *d, const char *s);

/* The page's drawings (html.h), left out of the other formats: a gauge
 * of value between lo and hi, and a bar of done out of total. */
void doc_gauge(struct doc *d, score value, score lo, score hi,
    const char *label);
void doc_bar(struct doc *d, const char *label, size_t done, size_t total);

#endif
