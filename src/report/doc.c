/* SPDX-License-Identifier: ISC */
/* doc.c: the document writer (see doc.h). */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "html.h"
#include "i18n.h"
#include "output.h"
#include "text.h"

/* Writes the blank line a heading owes, in text and markdown. */
static void
flush(struct doc *d)
{
	if (d->blank)
		buf_addc(&d->b, '\n');
	d->blank = false;
}

void
doc_begin(struct doc *d, enum format fmt, FILE *out, const char *title)
{
	memset(d, 0, sizeof *d);
	d->fmt = fmt;
	d->out = out;
	if (fmt == FORMAT_CSV)
		out_csv_bom(out);
	else if (fmt == FORMAT_HTML)
		html_begin(&d->b, title);
}

void
doc_part_begin(struct doc *d, enum format fmt)
{
	memset(d, 0, sizeof *d);
	d->fmt = fmt;
}

void
doc_part_end(struct doc *d, struct buf *b)
{
	flush(d);
	if (d->b.data != NULL)
		buf_adds(b, d->b.data);
	buf_free(&d->b);
}

void
doc_end(struct doc *d)
{
	flush(d);
	if (d->fmt == FORMAT_HTML)
		html_end(&d->b);
	if (d->b.data != NULL)
		fputs(d->b.data, d->out);
	buf_free(&d->b);
}

void
doc_text(struct doc *d, const char *s)
{
	flush(d);
	if (d->fmt == FORMAT_HTML)
		out_html(&d->b, s);
	else if (d->fmt == FORMAT_MARKDOWN)
		out_md_cell(&d->b, s);
	else if (d->fmt == FORMAT_TEXT)
		out_safe(&d->b, s, false);
}

void
doc_plain(struct doc *d, const char *s)
{
	flush(d);
	if (d->fmt != FORMAT_CSV)
		buf_adds(&d->b, s);
}

void
doc_heading_begin(struct doc *d, int level)
{
	static const char *const hashes[] = { "", "# ", "## ", "### " };

	d->level = level < 1 ? 1 : level > 3 ? 3 : level;
	if (d->fmt == FORMAT_HTML)
		buf_addf(&d->b, "<h%d>", d->level);
	else if (d->fmt == FORMAT_TEXT && d->level == 3) {
		d->blank = false;
		buf_adds(&d->b, "  ");
	} else if (d->fmt != FORMAT_CSV) {
		flush(d);
		if (d->b.len > 0 && (d->b.len < 2 ||
		    strcmp(d->b.data + d->b.len - 2, "\n\n") != 0))
			buf_addc(&d->b, '\n');
		buf_adds(&d->b, d->fmt == FORMAT_MARKDOWN ?
		    hashes[d->level] : "");
	}
}

void
doc_heading_end(struct doc *d)
{
	if (d->fmt == FORMAT_HTML)
		buf_addf(&d->b, "</h%d>\n", d->level);
	else if (d->fmt != FORMAT_CSV) {
		buf_addc(&d->b, '\n');
		d->blank = !(d->fmt == FORMAT_TEXT && d->level == 3);
	}
}

void
doc_heading(struct doc *d, int level, const char *s)
{
	doc_heading_begin(d, level);
	doc_text(d, s);
	doc_heading_end(d);
}

void
doc_meta(struct doc *d, const char *s)
{
	if (d->fmt == FORMAT_CSV)
		return;
	flush(d);
	buf_adds(&d->b, d->fmt == FORMAT_HTML ? "<p class=\"meta\">" : "");
	doc_text(d, s);
	buf_adds(&d->b, d->fmt == FORMAT_HTML ? "</p>\n" : "\n");
	d->blank = d->fmt != FORMAT_HTML;
}

void
doc_emphasis(struct doc *d, const char *s)
{
	if (d->fmt == FORMAT_HTML)
		buf_adds(&d->b, "<strong>");
	else if (d->fmt == FORMAT_MARKDOWN)
		buf_adds(&d->b, "**");
	doc_text(d, s);
	if (d->fmt == FORMAT_HTML)
		buf_adds(&d->b, "</strong>");
	else if (d->fmt == FORMAT_MARKDOWN)
		buf_adds(&d->b, "**");
}

void
doc_gauge(struct doc *d, score value, score lo, score hi, const char *label)
{
	if (d->fmt == FORMAT_HTML)
		html_gauge(&d->b, value, lo, hi, label);
}

void
doc_bar(struct doc *d, const char *label, size_t done, size_t total)
{
	if (d->fmt == FORMAT_HTML)
		html_bar(&d->b, label, done, total);
}

/* --- lists ------------------------------------------------------------- */

void
doc_list_begin(struct doc *d, int depth, bool eager)
{
	d->depth = depth;
	d->items = 0;
	d->eager = eager;
	if (eager && d->fmt == FORMAT_HTML)
		buf_adds(&d->b, "<ul>\n");
}

void
doc_item_begin(struct doc *d)
{
	int k;

	flush(d);
	if (d->fmt == FORMAT_HTML)
		buf_adds(&d->b, d->items == 0 && !d->eager ? "<ul>\n<li>" :
		    "<li>");
	else if (d->fmt == FORMAT_MARKDOWN)
		buf_adds(&d->b, "- ");
	else if (d->fmt == FORMAT_TEXT)
		for (k = 0; k < d->depth; k++)
			buf_adds(&d->b, "  ");
	d->items++;
}

void
doc_item_end(struct doc *d)
{
	if (d->fmt == FORMAT_HTML)
		buf_adds(&d->b, "</li>\n");
	else if (d->fmt != FORMAT_CSV)
		buf_addc(&d->b, '\n');
}

void
doc_item(struct doc *d, const char *s)
{
	doc_item_begin(d);
	doc_text(d, s);
	doc_item_end(d);
}

void
doc_list_end(struct doc *d)
{
	int k;

	if (d->fmt == FORMAT_CSV)
		return;
	flush(d);
	if (d->items > 0) {
		buf_adds(&d->b, d->fmt == FORMAT_HTML ? "</ul>\n" : "");
		return;
	}
	if (d->fmt == FORMAT_HTML) {
		buf_addf(&d->b, "<p class=\"none\">%s</p>\n", _("(none)"));
		return;
	}
	if (d->fmt == FORMAT_TEXT)
		for (k = 0; k < d->depth; k++)
			buf_adds(&d->b, "  ");
	buf_addf(&d->b, "%s\n", _("(none)"));
}

void
doc_fields_begin(struct doc *d, int depth, bool figures)
{
	doc_list_begin(d, depth, false);
	d->eager = figures;
	if (d->fmt == FORMAT_HTML)
		buf_adds(&d->b, "<table>\n");
}

void
doc_field(struct doc *d, const char *label, const char *value)
{
	if (d->fmt == FORMAT_HTML) {
		buf_adds(&d->b, "<tr><th>");
		out_html(&d->b, label);
		buf_addf(&d->b, "</th><td%s>", d->eager ? " class=\"n\"" : "");
		out_html(&d->b, value);
		buf_adds(&d->b, "</td></tr>\n");
		return;
	}
	doc_item_begin(d);
	doc_plain(d, label);
	doc_plain(d, ": ");
	doc_text(d, value);
	doc_item_end(d);
}

void
doc_fields_end(struct doc *d)
{
	if (d->fmt == FORMAT_HTML)
		buf_adds(&d->b, "</table>\n");
}

void
doc_lines_begin(struct doc *d)
{
	d->items = 0;
	if (d->fmt == FORMAT_HTML)
		buf_adds(&d->b, "<p>");
}

void
doc_line(struct doc *d, const char *s)
{
	if (d->fmt == FORMAT_CSV)
		return;
	flush(d);
	if (d->fmt == FORMAT_HTML)
		buf_adds(&d->b, d->items > 0 ? "<br>" : "");
	else if (d->fmt == FORMAT_MARKDOWN)
		buf_adds(&d->b, "- ");
	doc_text(d, s);
	buf_addc(&d->b, '\n');
	d->items++;
}

void
doc_lines_end(struct doc *d)
{
	if (d->fmt == FORMAT_HTML)
		buf_adds(&d->b, "</p>\n");
}

/* --- tables ------------------------------------------------------------ */

/* One row in markdown or html (head: the headings). */
static void
row_marked(struct doc *d, const char *const *cell, bool head)
{
	const char *tag = head ? "th" : "td";
	size_t k;

	if (d->fmt == FORMAT_HTML)
		buf_adds(&d->b, "<tr>");
	for (k = 0; k < d->ncol; k++) {
		if (d->fmt == FORMAT_MARKDOWN) {
			buf_adds(&d->b, "| ");
			out_md_cell(&d->b, cell[k]);
			buf_addc(&d->b, ' ');
			continue;
		}
		buf_addf(&d->b, "<%s%s>", tag, d->col[k].align != DOC_LEFT ?
		    " class=\"n\"" : "");
		out_html(&d->b, cell[k]);
		buf_addf(&d->b, "</%s>", tag);
	}
	buf_adds(&d->b, d->fmt == FORMAT_HTML ? "</tr>\n" : "|\n");
}

void
doc_table_begin(struct doc *d, const struct doc_col *col, size_t n)
{
	const char **head = xcalloc(n + 1, sizeof *head);
	size_t k;

	flush(d);
	d->col = col;
	d->ncol = n;
	d->ncell = 0;
	d->cell = NULL;
	for (k = 0; k < n; k++)
		head[k] = col[k].head;
	if (d->fmt == FORMAT_HTML)
		buf_adds(&d->b, "<table>\n");
	doc_row(d, head);
	free(head);
	if (d->fmt != FORMAT_MARKDOWN)
		return;
	for (k = 0; k < n; k++)
		buf_adds(&d->b, col[k].align == DOC_LEFT ? "|---" : "|---:");
	buf_adds(&d->b, "|\n");
}

void
doc_row(struct doc *d, const char *const *cell)
{
	size_t k;

	switch (d->fmt) {
	case FORMAT_CSV:
		for (k = 0; k < d->ncol; k++)
			out_csv_cell(d->out, cell[k], k + 1 == d->ncol);
		break;
	case FORMAT_MARKDOWN:
	case FORMAT_HTML:
		row_marked(d, cell, d->ncell == 0);
		d->ncell += d->ncol;
		break;
	case FORMAT_TEXT:
		d->cell = xrealloc(d->cell, (d->ncell + d->ncol) *
		    sizeof *d->cell);
		for (k = 0; k < d->ncol; k++)
			d->cell[d->ncell++] = text_safe(cell[k], false);
		break;
	default:
		break;
	}
}

/* The text table, every column as wide as its widest cell. */
static void
table_text(struct doc *d)
{
	int *w = xcalloc(d->ncol + 1, sizeof *w), n;
	const char *s;
	size_t i, k;

	for (k = 0; k < d->ncol; k++)
		w[k] = d->col[k].width;
	for (i = 0; i < d->ncell; i++) {
		n = text_width(d->cell[i]);
		if (n > w[i % d->ncol])
			w[i % d->ncol] = n;
	}
	for (i = 0; i < d->ncell; i++) {
		k = i % d->ncol;
		s = d->cell[i];
		if (k + 1 == d->ncol) {
			buf_adds(&d->b, s);
			buf_addc(&d->b, '\n');
			continue;
		}
		if (d->col[k].align == DOC_RIGHT)
			for (n = text_width(s); n < w[k]; n++)
				buf_addc(&d->b, ' ');
		if (d->col[k].align == DOC_RIGHT)
			buf_adds(&d->b, s);
		else
			text_pad(&d->b, s, w[k]);
		for (n = 0; n < (d->col[k].gap > 0 ? d->col[k].gap : 1); n++)
			buf_addc(&d->b, ' ');
	}
	free(w);
}

void
doc_table_end(struct doc *d)
{
	size_t i;

	if (d->fmt == FORMAT_TEXT)
		table_text(d);
	else if (d->fmt == FORMAT_HTML)
		buf_adds(&d->b, "</table>\n");
	for (i = 0; i < d->ncell && d->cell != NULL; i++)
		free(d->cell[i]);
	free(d->cell);
	d->cell = NULL;
	d->ncell = 0;
	d->col = NULL;
}
