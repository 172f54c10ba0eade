/* SPDX-License-Identifier: ISC */
/* appendix_records.c: the input cut into records — the lines of a text
 * or TSV file, the rows of a CSV export (libcsv), the rows of a Word or
 * Excel table — each cell reduced to plain NFC text. */
#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "appendix.h"
#include "i18n.h"
#include "util.h"
#include "appendix_impl.h"

bool
apx_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
	    c == '\v';
}

bool
apx_is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!apx_is_space(s[i]))
			return false;
	}
	return true;
}

/* Plain NFC text of a raw cell.  Control characters must never reach a
 * terminal, so they become spaces; CSV cells keep their line breaks. */
static char *
clean_cell(const char *s, size_t n, bool keep_newlines)
{
	char *raw = xmalloc(n + 1), *plain, *nfc;
	size_t i, j = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (keep_newlines && c == '\r') {
			if (i + 1 < n && s[i + 1] == '\n')
				continue;
			c = '\n';
		}
		if ((c < 0x20 && !(keep_newlines && c == '\n')) || c == 0x7f)
			c = ' ';
		raw[j++] = (char)c;
	}
	raw[j] = '\0';
	plain = text_strip_markup(raw);
	/* Decoded markup may have made a control character: filter again. */
	text_blank_controls(plain, true);
	nfc = text_nfc(plain);
	free(raw);
	free(plain);
	return nfc;
}

const char *
apx_cell_at(const struct record *rec, int col)
{
	if (col < 0 || (size_t)col >= rec->ncells)
		return "";
	return rec->cells[col];
}

bool
apx_record_blank(const struct record *rec)
{
	size_t i;

	for (i = 0; i < rec->ncells; i++) {
		if (rec->cells[i][0] != '\0')
			return false;
	}
	return true;
}

static void
push_record(struct reader *r, char **cells, size_t ncells, int line,
    bool tabbed)
{
	struct record *rec;

	r->recs = xgrow(r->recs, &r->reccap, r->nrecs + 1, sizeof *r->recs);
	rec = &r->recs[r->nrecs++];
	rec->cells = cells;
	rec->ncells = ncells;
	rec->line = line;
	rec->tabbed = tabbed;
}

void
apx_free_records(struct reader *r)
{
	size_t i, j;

	for (i = 0; i < r->nrecs; i++) {
		for (j = 0; j < r->recs[i].ncells; j++)
			free(r->recs[i].cells[j]);
		free(r->recs[i].cells);
	}
	free(r->recs);
	r->recs = NULL;
	r->nrecs = r->reccap = 0;
}

/* Line number of byte off: files from old Macs end lines with CR alone. */
static int
line_at(const char *data, size_t off, char eol)
{
	int line = 1;
	size_t i;

	for (i = 0; i < off; i++) {
		if (data[i] == eol)
			line++;
	}
	return line;
}

/* Refuse binary data and broken UTF-8 before looking for a table. */
int
apx_check_bytes(const char *file, const char *data, size_t len, char eol,
    char **err)
{
	size_t i, nctrl = 0, first = len, bad;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)data[i];

		if (c == '\0')
			return apx_fail_at(err, file, line_at(data, i, eol),
			    _("binary data"));
		if ((c < 0x20 && !apx_is_space((char)c)) || c == 0x7f) {
			if (nctrl++ == 0)
				first = i;
		}
	}
	/* A stray escape in a text file is tolerated (it becomes a
	 * space); a file full of them is not text. */
	if (nctrl >= 4 && nctrl * 100 > len)
		return apx_fail_at(err, file, line_at(data, first, eol),
		    _("binary data"));
	if (!text_utf8_valid(data, len, &bad))
		return apx_fail_at(err, file, line_at(data, bad, eol),
		    _("invalid UTF-8"));
	return 0;
}

/* Cut the input into physical lines: LF or CRLF, or CR alone when the
 * file has no LF at all.  A CR inside a line is left for clean_cell. */
int
apx_split_lines(struct reader *r, const char *data, size_t len, char eol,
    char **err)
{
	const char *p = data, *end = data + len, *nl;
	struct line *l;

	while (p < end) {
		nl = memchr(p, eol, (size_t)(end - p));
		r->lines = xgrow(r->lines, &r->linecap, r->nlines + 1,
		    sizeof *r->lines);
		l = &r->lines[r->nlines++];
		l->s = p;
		l->n = (size_t)((nl ? nl : end) - p);
		l->full = nl ? l->n + 1 : l->n;
		if (eol == '\n' && l->n > 0 && p[l->n - 1] == '\r')
			l->n--;
		if (r->nlines > APPENDIX_MAX_LINES)
			return apx_fail_at(err, r->file, (long)r->nlines,
			    _("too many lines (more than %d)"),
			    APPENDIX_MAX_LINES);
		if (l->n > APPENDIX_MAX_LINE)
			return apx_fail_at(err, r->file, (long)r->nlines,
			    _("line too long (more than %d bytes)"),
			    APPENDIX_MAX_LINE);
		p += l->full;
	}
	return 0;
}

void
apx_tsv_records(struct reader *r)
{
	size_t i, k, ncells;
	const char *s, *tab, *end;
	char **cells;

	for (i = 0; i < r->nlines; i++) {
		s = r->lines[i].s;
		end = s + r->lines[i].n;
		ncells = 1;
		for (tab = s; (tab = memchr(tab, '\t', (size_t)(end - tab)));
		    tab++)
			ncells++;
		cells = xcalloc(ncells, sizeof *cells);
		for (k = 0; k < ncells; k++) {
			tab = memchr(s, '\t', (size_t)(end - s));
			if (tab == NULL)
				tab = end;
			if (tab - s > APPENDIX_MAX_CELL && r->bigcell == 0)
				r->bigcell = (long)i + 1;
			cells[k] = clean_cell(s, (size_t)(tab - s), false);
			s = tab + 1;
		}
		push_record(r, cells, ncells, (int)i + 1, ncells > 1);
	}
}

/* libcsv reports fields and rows, not positions, so lines are fed one at
 * a time and a row starts on the first non-blank line fed after the
 * previous row ended. */
struct csv_ctx {
	struct reader *r;
	char **cells;
	size_t ncells, cap;
	int start;
	bool boundary;
};

static void
csv_field(void *s, size_t n, void *data)
{
	struct csv_ctx *x = data;

	x->cells = xgrow(x->cells, &x->cap, x->ncells + 1, sizeof *x->cells);
	if (n > APPENDIX_MAX_CELL && x->r->bigcell == 0)
		x->r->bigcell = x->start;
	x->cells[x->ncells++] = clean_cell(s ? s : "", s ? n : 0, true);
}

static void
csv_row(int c, void *data)
{
	struct csv_ctx *x = data;

	push_record(x->r, x->cells, x->ncells, x->start, true);
	x->cells = NULL;
	x->ncells = x->cap = 0;
	x->boundary = true;
}

/* What went wrong, for libcsv's error codes. */
static const char *
csv_what(int e)
{
	switch (e) {
	case CSV_EPARSE:
		return _("CSV: a quote inside an unquoted field or after a "
		    "closing quote");
	case CSV_ENOMEM:
		return _("CSV: out of memory");
	case CSV_ETOOBIG:
		return _("CSV: field too big");
	}
	return _("CSV: cannot read the file");
}

/* Parse lines [from, to) as CSV into r's records. */
int
apx_csv_records(struct reader *r, size_t from, size_t to, char **err)
{
	struct csv_parser p;
	struct csv_ctx x = { .r = r, .boundary = true };
	const struct line *l;
	size_t i, k;
	int rc = 0;

	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return fail(err, "%s: %s", r->file,
		    _("cannot start the CSV parser"));
	for (i = from; i < to; i++) {
		l = &r->lines[i];
		if (x.boundary) {
			x.start = (int)i + 1;
			x.boundary = apx_is_blank(l->s, l->n);
		}
		if (csv_parse(&p, l->s, l->full, csv_field, csv_row, &x) !=
		    l->full) {
			rc = apx_fail_at(err, r->file, (long)i + 1, "%s",
			    csv_what(csv_error(&p)));
			break;
		}
	}
	if (rc == 0 && csv_fini(&p, csv_field, csv_row, &x) != 0)
		rc = apx_fail_at(err, r->file, x.start, _("CSV: quoted field "
		    "not closed (truncated file?)"));
	for (k = 0; k < x.ncells; k++)
		free(x.cells[k]);
	free(x.cells);
	csv_free(&p);
	return rc;
}

/* The cells of a Word or Excel table as records, one per row. */
void
apx_grid_records(struct reader *r, const struct grid *g)
{
	const struct grid_row *gr;
	char **cells;
	size_t i, k;

	for (i = 0; i < g->nrows; i++) {
		gr = &g->rows[i];
		cells = xcalloc(gr->ncells + 1, sizeof *cells);
		for (k = 0; k < gr->ncells; k++)
			cells[k] = clean_cell(gr->cells[k],
			    strlen(gr->cells[k]), true);
		push_record(r, cells, gr->ncells, gr->row, true);
	}
}

/* Merged cells below the header, as the table means them: a row whose
 * code cell continues the one above continues that row (its other
 * merged cells too); otherwise a vertically merged text cell repeats
 * above's text, but a number is never counted twice, nor does a title
 * spread into the columns on its right. */
int
apx_grid_spans(struct reader *r, const struct grid *g, size_t first, size_t h,
    const int *amap, char **err)
{
	const struct grid_row *gr;
	struct record *rec;
	size_t i, k;
	bool down, number;
	int c, code = amap[COL_CODE];

	for (i = h + 1; i < g->nrows; i++) {
		gr = &g->rows[i];
		rec = &r->recs[first + i];
		down = code >= 0 && (size_t)code < gr->ncells &&
		    gr->span[code] == SPAN_DOWN;
		for (k = 0; k < gr->ncells; k++) {
			number = false;
			for (c = 0; c < NCOL; c++)
				if (amap[c] == (int)k && (apx_is_score_col(c) ||
				    c == COL_CODE))
					number = true;
			if (gr->span[k] == SPAN_AUTONUM && (int)k == code)
				return apx_fail_rec(err, r, rec->line, code,
				    _("column %s is numbered automatically by "
				    "Word (format \"%s\"), which parboard "
				    "cannot compute: type the numbers in, or "
				    "turn the list into text in Word"),
				    apx_col_names[COL_CODE], gr->cells[k]);
			if (gr->span[k] == SPAN_RIGHT ||
			    gr->span[k] == SPAN_AUTONUM ||
			    (gr->span[k] == SPAN_DOWN && (down || number)))
				rec->cells[k][0] = '\0';
		}
	}
	return 0;
}
