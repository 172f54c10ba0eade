/* SPDX-License-Identifier: ISC */
/* appendix.c: the appraisal appendix and directives tables, bytes to rows.
 *
 * Input comes in three shapes: the whole directive document (prose, then a
 * tab-separated table with inline HTML), a bare TSV table, or a CSV export.
 * All three are first cut into records — the cells of one TSV line or of
 * one CSV row, each already reduced to plain NFC text and tagged with its
 * first physical line — and one table reader then finds the header, maps
 * the columns by their folded header text and builds rows.  Page breaks in
 * the real document split rows, so a record whose code cell is empty
 * continues the row above it, cell by cell. */
#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "appendix.h"
#include "date.h"
#include "i18n.h"
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

/* Names used in messages: the document's own spelling. */
static const char *const col_names[NCOL] = {
	"STT", "LĨNH VỰC / TIÊU CHÍ", "ĐIỂM CHUẨN", "ĐIỂM TỰ ĐÁNH GIÁ",
	"ĐIỂM THẨM ĐỊNH", "ĐIỂM TRỪ", "Ý KIẾN HỘI ĐỒNG THẨM ĐỊNH",
	"Người thực hiện chính",
};

static const char *const dcol_names[NDCOL] = {
	"role", "criterion", "task", "due", "target", "every",
};

/* Folded header words of a directives table, English or Vietnamese. */
static const struct {
	int col;
	const char *word;
} dcol_words[] = {
	{ DCOL_ROLE, "role" }, { DCOL_ROLE, "vai tro" },
	{ DCOL_CODE, "criterion" }, { DCOL_CODE, "tieu chi" },
	{ DCOL_TASK, "task" }, { DCOL_TASK, "nhiem vu" },
	{ DCOL_DUE, "due" }, { DCOL_DUE, "han" },
	{ DCOL_TARGET, "target" }, { DCOL_TARGET, "chi tieu" },
	{ DCOL_EVERY, "every" }, { DCOL_EVERY, "chu ky" },
};

/* An error at a place in the file: "FILE:LINE: what", where the place
 * is a format and the what a message in the user's language (fmt comes
 * through _()).  err may be NULL: only -1 is returned then. */
static int fail_at(char **, const char *, long, const char *, ...)
    PB_PRINTF(4, 5);

static int
fail_at(char **err, const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	char *what;
	int rc;

	if (err == NULL)
		return -1;
	va_start(ap, fmt);
	what = xvasprintf(fmt, ap);
	va_end(ap);
	rc = fail(err, "%s:%ld: %s", file, line, what);
	free(what);
	return rc;
}

void
grids_free(struct grid *g, size_t n)
{
	size_t i, j, k;

	for (i = 0; i < n; i++) {
		for (j = 0; j < g[i].nrows; j++) {
			for (k = 0; k < g[i].rows[j].ncells; k++)
				free(g[i].rows[j].cells[k]);
			free(g[i].rows[j].cells);
			free(g[i].rows[j].span);
		}
		free(g[i].rows);
		free(g[i].name);
		free(g[i].title);
	}
	free(g);
}

void
appendix_col_name(size_t col, char out[8])
{
	char tmp[8];
	size_t n = 0, i;

	col++;
	while (col > 0 && n < 7) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

/* Where a record is, in a Word or Excel table. */
static char *
grid_place(const struct grid *g, long row, int col)
{
	char letters[8];

	if (!g->sheet)
		return xasprintf(_("table %d, row %ld"), g->number, row);
	if (col < 0)
		return xasprintf(_("sheet %s, row %ld"), g->name, row);
	appendix_col_name((size_t)col, letters);
	return xasprintf(_("sheet %s, row %ld, column %s"), g->name, row,
	    letters);
}

/* An error at a record of r: "FILE:LINE: what" in a text file, "FILE:
 * table N, row R: what" or "FILE: sheet NAME, row R, column C: what" in
 * a Word or Excel file (col: the record's cell, or -1). */
static int fail_rec(char **, const struct reader *, long, int, const char *,
    ...) PB_PRINTF(5, 6);

static int
fail_rec(char **err, const struct reader *r, long line, int col,
    const char *fmt, ...)
{
	va_list ap;
	char *what, *place;
	int rc;

	if (err == NULL)
		return -1;
	va_start(ap, fmt);
	what = xvasprintf(fmt, ap);
	va_end(ap);
	if (r->grid == NULL)
		rc = fail(err, "%s:%ld: %s", r->file, line, what);
	else {
		place = grid_place(r->grid, line, col);
		rc = fail(err, "%s: %s: %s", r->file, place, what);
		free(place);
	}
	free(what);
	return rc;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
	    c == '\v';
}

static bool
is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!is_space(s[i]))
			return false;
	}
	return true;
}

/* f starts with word and the word ends there ("han" is not "hang"). */
static bool
starts_word(const char *f, const char *word)
{
	size_t n = strlen(word);
	char c;

	if (strncmp(f, word, n) != 0)
		return false;
	c = f[n];
	return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	    (unsigned char)c >= 0x80);
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

static const char *
cell_at(const struct record *rec, int col)
{
	if (col < 0 || (size_t)col >= rec->ncells)
		return "";
	return rec->cells[col];
}

static bool
record_blank(const struct record *rec)
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

static void
free_records(struct reader *r)
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
static int
check_bytes(const char *file, const char *data, size_t len, char eol,
    char **err)
{
	size_t i, nctrl = 0, first = len, bad;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)data[i];

		if (c == '\0')
			return fail_at(err, file, line_at(data, i, eol),
			    _("binary data"));
		if ((c < 0x20 && !is_space((char)c)) || c == 0x7f) {
			if (nctrl++ == 0)
				first = i;
		}
	}
	/* A stray escape in a text file is tolerated (it becomes a
	 * space); a file full of them is not text. */
	if (nctrl >= 4 && nctrl * 100 > len)
		return fail_at(err, file, line_at(data, first, eol),
		    _("binary data"));
	if (!text_utf8_valid(data, len, &bad))
		return fail_at(err, file, line_at(data, bad, eol),
		    _("invalid UTF-8"));
	return 0;
}

/* Cut the input into physical lines: LF or CRLF, or CR alone when the
 * file has no LF at all.  A CR inside a line is left for clean_cell. */
static int
split_lines(struct reader *r, const char *data, size_t len, char eol,
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
			return fail_at(err, r->file, (long)r->nlines,
			    _("too many lines (more than %d)"),
			    APPENDIX_MAX_LINES);
		if (l->n > APPENDIX_MAX_LINE)
			return fail_at(err, r->file, (long)r->nlines,
			    _("line too long (more than %d bytes)"),
			    APPENDIX_MAX_LINE);
		p += l->full;
	}
	return 0;
}

static void
tsv_records(struct reader *r)
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
static int
csv_records(struct reader *r, size_t from, size_t to, char **err)
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
			x.boundary = is_blank(l->s, l->n);
		}
		if (csv_parse(&p, l->s, l->full, csv_field, csv_row, &x) !=
		    l->full) {
			rc = fail_at(err, r->file, (long)i + 1, "%s",
			    csv_what(csv_error(&p)));
			break;
		}
	}
	if (rc == 0 && csv_fini(&p, csv_field, csv_row, &x) != 0)
		rc = fail_at(err, r->file, x.start, _("CSV: quoted field "
		    "not closed (truncated file?)"));
	for (k = 0; k < x.ncells; k++)
		free(x.cells[k]);
	free(x.cells);
	csv_free(&p);
	return rc;
}

/* Header wordings of each appendix column, folded: columns are found by
 * meaning.  A header cell takes the column whose wording starts first in
 * it, the longer wording on a tie: the seed's "ĐIỂM TRỪ SO VỚI ĐIỂM THẨM
 * ĐỊNH VÀ ĐIỂM CHUẨN" names two other columns after its own. */
static const struct {
	int col;
	const char *word;
} acol_words[] = {
	{ COL_CODE, "stt" }, { COL_CODE, "tt" }, { COL_CODE, "so tt" },
	{ COL_CODE, "so thu tu" },
	{ COL_TITLE, "linh vuc" }, { COL_TITLE, "tieu chi" },
	{ COL_TITLE, "noi dung" },
	{ COL_STANDARD, "diem chuan" }, { COL_STANDARD, "diem toi da" },
	{ COL_STANDARD, "thang diem" },
	{ COL_SELF, "diem tu danh gia" }, { COL_SELF, "diem tu cham" },
	{ COL_APPRAISED, "diem tham dinh" },
	{ COL_APPRAISED, "ket qua tham dinh" },
	{ COL_DEDUCTION, "diem tru" }, { COL_DEDUCTION, "diem bi tru" },
	{ COL_COMMENT, "y kien" }, { COL_COMMENT, "ly do tru diem" },
	{ COL_COMMENT, "nhan xet" },
	{ COL_ASSIGNEE, "nguoi thuc hien" },
	{ COL_ASSIGNEE, "nguoi chiu trach nhiem" },
	{ COL_ASSIGNEE, "don vi chiu trach nhiem" },
	{ COL_ASSIGNEE, "chiu trach nhiem" },
	{ COL_ASSIGNEE, "bo phan thuc hien" },
};

/* Wordings added by the configuration (`columns`), folded. */
static char **added_words[NCOL];

static const char *const col_ids[NCOL] = {
	"code", "title", "standard", "self", "appraised", "deduction",
	"comment", "assignee",
};

int
appendix_column_id(const char *name)
{
	int k;

	for (k = 0; k < NCOL; k++)
		if (strcmp(name, col_ids[k]) == 0)
			return k;
	return -1;
}

void
appendix_add_words(int col, const char *words)
{
	size_t n = 0;
	int k;

	if (words == NULL) {
		for (k = 0; k < NCOL; k++) {
			for (n = 0; added_words[k] != NULL &&
			    added_words[k][n] != NULL; n++)
				free(added_words[k][n]);
			free(added_words[k]);
			added_words[k] = NULL;
		}
		return;
	}
	if (col < 0 || col >= NCOL)
		return;
	while (added_words[col] != NULL && added_words[col][n] != NULL)
		n++;
	added_words[col] = xrealloc(added_words[col],
	    (n + 2) * sizeof *added_words[col]);
	added_words[col][n] = text_fold(words);
	added_words[col][n + 1] = NULL;
}

/* Better match so far: earlier in the header, or as early and longer. */
static void
consider(const char *f, int col, const char *word, long *pos, size_t *len,
    int *best)
{
	long p = word[0] != '\0' ? text_find_word(f, word) : -1;

	if (p < 0 || (*best >= 0 && (p > *pos || (p == *pos &&
	    strlen(word) <= *len))))
		return;
	*pos = p;
	*len = strlen(word);
	*best = col;
}

static int
appendix_column(const char *f)
{
	size_t i, len = 0;
	long pos = -1;
	int best = -1, k;

	for (i = 0; i < sizeof acol_words / sizeof acol_words[0]; i++)
		consider(f, acol_words[i].col, acol_words[i].word, &pos, &len,
		    &best);
	for (k = 0; k < NCOL; k++)
		for (i = 0; added_words[k] != NULL && added_words[k][i] != NULL;
		    i++)
			consider(f, k, added_words[k][i], &pos, &len, &best);
	return best;
}

static int
directive_column(const char *f)
{
	size_t i;

	for (i = 0; i < sizeof dcol_words / sizeof dcol_words[0]; i++) {
		if (starts_word(f, dcol_words[i].word))
			return dcol_words[i].col;
	}
	return -1;
}

/* Is rec a header row, and of which table?  "tiêu chí" names both the
 * appendix's title column and the directives' criterion column, so the
 * kind is told by the whole set: an appendix has STT or score columns. */
static int
classify(const struct record *rec, int *amap, int *dmap)
{
	size_t i;
	int k, acount = 0, dcount = 0;
	char *f;

	for (k = 0; k < NCOL; k++)
		amap[k] = -1;
	for (k = 0; k < NDCOL; k++)
		dmap[k] = -1;
	for (i = 0; i < rec->ncells; i++) {
		f = text_fold(rec->cells[i]);
		if ((k = appendix_column(f)) >= 0 && amap[k] < 0) {
			amap[k] = (int)i;
			acount++;
		}
		if ((k = directive_column(f)) >= 0 && dmap[k] < 0) {
			dmap[k] = (int)i;
			dcount++;
		}
		free(f);
	}
	if (acount >= 2 && (amap[COL_CODE] >= 0 || amap[COL_STANDARD] >= 0 ||
	    amap[COL_SELF] >= 0 || amap[COL_APPRAISED] >= 0 ||
	    amap[COL_DEDUCTION] >= 0))
		return APPENDIX_CRITERIA;
	if (dcount >= 2 && (dmap[DCOL_ROLE] >= 0 || dmap[DCOL_TASK] >= 0))
		return APPENDIX_DIRECTIVES;
	return -1;
}

/* One line of a markdown heading as plain text: "#### **3.1 …:**" →
 * "3.1 …:"; the trailing two-space line break goes with the squeeze. */
static char *
heading_line(const struct line *l)
{
	char *raw = xmalloc(l->n + 1), *plain, *s, *e, *out;
	size_t i, j = 0;

	for (i = 0; i < l->n; i++) {
		if (l->s[i] == '*' && i + 1 < l->n && l->s[i + 1] == '*')
			i++;	/* bold */
		else
			raw[j++] = (unsigned char)l->s[i] < 0x20 ? ' ' :
			    l->s[i];
	}
	raw[j] = '\0';
	plain = text_strip_markup(raw);
	text_blank_controls(plain, true);
	for (s = plain; *s == '#' || *s == ' ' || *s == '*' || *s == '_'; s++)
		;
	e = s + strlen(s);
	while (e > s && (e[-1] == '*' || e[-1] == '_' || e[-1] == ' '))
		e--;
	out = xstrndup(s, (size_t)(e - s));
	free(raw);
	free(plain);
	return out;
}

/* The appendix heading is the paragraph right above the header, in
 * markdown: "**PHỤ LỤC …  \nVÀ BIỆN PHÁP KHẮC PHỤC**" → one line. */
static char *
heading_above(const struct reader *r, size_t h)
{
	struct buf b = { 0 };
	size_t i = h, last;
	char *t, *joined, *nfc;

	while (i > 0 && is_blank(r->lines[i - 1].s, r->lines[i - 1].n))
		i--;
	last = i;
	while (i > 0 && !is_blank(r->lines[i - 1].s, r->lines[i - 1].n))
		i--;
	for (; i < last; i++) {
		t = heading_line(&r->lines[i]);
		if (t[0] != '\0') {
			if (b.len > 0)
				buf_addc(&b, ' ');
			buf_adds(&b, t);
		}
		free(t);
	}
	joined = buf_take(&b);
	t = text_squeeze(joined);
	nfc = text_nfc(t);
	free(joined);
	free(t);
	if (nfc[0] == '\0') {
		free(nfc);
		return NULL;
	}
	return nfc;
}

/* A row of the appendix while continuation lines may still extend it. */
struct prow {
	char *cell[NCOL];
	int cell_line[NCOL];	/* where each cell's text started */
	int line;
	bool short_row;		/* its last line had fewer cells than the
				 * header: a cut-off file */
};

static bool
is_score_col(int c)
{
	return c == COL_STANDARD || c == COL_SELF || c == COL_APPRAISED ||
	    c == COL_DEDUCTION;
}

static int
merge_row(const struct reader *r, struct prow *p, const struct record *rec,
    const int *amap, size_t hcells, char **err)
{
	const char *t;
	char *joined;
	int c;

	for (c = 0; c < NCOL; c++) {
		if (amap[c] < 0 || *(t = cell_at(rec, amap[c])) == '\0')
			continue;
		if (p->cell[c] == NULL || p->cell[c][0] == '\0') {
			free(p->cell[c]);
			p->cell[c] = xstrdup(t);
			p->cell_line[c] = rec->line;
		} else if (is_score_col(c)) {
			return fail_rec(err, r, rec->line, amap[c],
			    _("continuation line gives %s again (the row "
			    "above on line %d has it)"), col_names[c],
			    p->line);
		} else {
			joined = xasprintf("%s %s", p->cell[c], t);
			free(p->cell[c]);
			p->cell[c] = joined;
		}
	}
	p->short_row = rec->ncells < hcells;
	return 0;
}

static char *
strip_spaces(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *o = out;

	for (; *s != '\0'; s++) {
		if (!is_space(*s))
			*o++ = *s;
	}
	*o = '\0';
	return out;
}

/* A criterion from a row; total: the total row, whose scores are the
 * sums of up to APPENDIX_MAX_ROWS bounded ones. */
static int
make_criterion(const struct reader *r, const int *amap, struct prow *p,
    bool last, bool total, struct criterion *c, char **err)
{
	static const int cols[] = {
		COL_STANDARD, COL_SELF, COL_APPRAISED, COL_DEDUCTION
	};
	static const unsigned bits[] = {
		HAS_STANDARD, HAS_SELF, HAS_APPRAISED, HAS_DEDUCTION
	};
	score *dst[] = { &c->standard, &c->self, &c->appraised,
	    &c->deduction };
	score limit = (score)APPENDIX_MAX_SCORE * SCORE_UNIT *
	    (total ? APPENDIX_MAX_ROWS : 1);
	size_t k;
	const char *t;
	int col;

	memset(c, 0, sizeof *c);
	c->line = p->line;
	for (k = 0; k < sizeof cols / sizeof cols[0]; k++) {
		col = cols[k];
		t = p->cell[col];
		if (t == NULL || *t == '\0') {
			if (col != COL_STANDARD && col != COL_APPRAISED)
				continue;
			if (last && p->short_row)
				return fail_rec(err, r, p->line, amap[col],
				    _("truncated row: missing %s"),
				    col_names[col]);
			return fail_rec(err, r, p->line, amap[col],
			    _("missing %s"), col_names[col]);
		}
		if (!text_parse_score(t, dst[k]))
			return fail_rec(err, r, p->cell_line[col], amap[col],
			    _("bad number '%s' in column %s"), t,
			    col_names[col]);
		/* Bounded scores: 200 000 rows of them cannot overflow
		 * a sum (score is 64-bit thousandths). */
		if (*dst[k] > limit || *dst[k] < -limit)
			return fail_rec(err, r, p->cell_line[col], amap[col],
			    _("score %s in column %s is out of range "
			    "(-%lld to %lld)"), t, col_names[col],
			    limit / SCORE_UNIT, limit / SCORE_UNIT);
		c->has |= bits[k];
	}
	c->title = xstrdup(p->cell[COL_TITLE] ? p->cell[COL_TITLE] : "");
	c->comment = xstrdup(p->cell[COL_COMMENT] ? p->cell[COL_COMMENT] :
	    "");
	c->assignee = xstrdup(p->cell[COL_ASSIGNEE] ?
	    p->cell[COL_ASSIGNEE] : "");
	return 0;
}

static void
criterion_free(struct criterion *c)
{
	free(c->code);
	free(c->path);
	free(c->title);
	free(c->comment);
	free(c->assignee);
}

/* Numbering forms ------------------------------------------------------ */

enum level {
	LEVEL_PART,		/* A, B: parts above the fields */
	LEVEL_FIELD,		/* I, II, IV: fields */
	LEVEL_NUMBER,		/* 1, 1.1, 1.1.3: criteria */
	LEVEL_LETTER,		/* a, b: under a criterion */
	LEVEL_OTHER,		/* anything else, taken as it is */
};

/* The code cell without spaces and the "." or ")" that ends a number:
 * "I." → "I", "1." → "1", "a)" → "a", "1. 1. 3" → "1.1.3". */
static char *
code_of(const char *cell)
{
	char *c = strip_spaces(cell);
	size_t n = strlen(c);

	while (n > 1 && (c[n - 1] == '.' || c[n - 1] == ')'))
		c[--n] = '\0';
	if (n > 1 && c[0] == '(' && c[n - 1] != ')')
		memmove(c, c + 1, n--);
	return c;
}

static bool
is_roman(const char *s)
{
	static const char *const r[] = { "I", "II", "III", "IV", "V", "VI",
	    "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
	    "XVII", "XVIII", "XIX", "XX" };
	size_t i;

	for (i = 0; i < sizeof r / sizeof r[0]; i++)
		if (strcmp(s, r[i]) == 0)
			return true;
	return false;
}

static enum level
level_of(const char *code)
{
	const char *p = code;
	bool digit = false;

	if (is_roman(code))
		return LEVEL_FIELD;
	if (code[0] >= 'A' && code[0] <= 'Z' && code[1] == '\0')
		return LEVEL_PART;
	if (((code[0] >= 'a' && code[0] <= 'z') && code[1] == '\0') ||
	    strcmp(code, "đ") == 0)
		return LEVEL_LETTER;
	for (; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9')
			digit = true;
		else if (*p != '.' || !digit || p[1] == '.' || p[1] == '\0')
			return LEVEL_OTHER;
		else
			digit = false;
	}
	return digit ? LEVEL_NUMBER : LEVEL_OTHER;
}

static const struct criterion *code_rows;

static int
code_index_cmp(const void *x, const void *y)
{
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	int r = strcmp(code_rows[i].code, code_rows[j].code);

	return r != 0 ? r : (i > j) - (i < j);
}

/* A code the document gives to rows in different places becomes their
 * paths: "1" under I and "1" under II are "I.1" and "II.1". */
static void
uniquify_codes(struct appendix *a)
{
	size_t *ix = xcalloc(a->nrows + 1, sizeof *ix), i, j, k;
	bool differ;

	for (i = 0; i < a->nrows; i++)
		ix[i] = i;
	code_rows = a->rows;
	xqsort(ix, a->nrows, sizeof *ix, code_index_cmp);
	for (i = 0; i < a->nrows; i = j) {
		differ = false;
		for (j = i + 1; j < a->nrows && strcmp(a->rows[ix[j]].code,
		    a->rows[ix[i]].code) == 0; j++)
			differ = differ || strcmp(a->rows[ix[j]].path,
			    a->rows[ix[i]].path) != 0;
		for (k = i; differ && k < j; k++) {
			free(a->rows[ix[k]].code);
			a->rows[ix[k]].code = xstrdup(a->rows[ix[k]].path);
		}
	}
	free(ix);
}

static char *
path_under(const char *parent, const char *code)
{
	return parent != NULL ? xasprintf("%s.%s", parent, code) :
	    xstrdup(code);
}

/* Each row's path in the tree, from the numbering forms in document
 * order: a field's criteria are under it, letters under the criterion
 * above; the seed's 1.1.3 form is its own path.  Then a code the
 * document repeats ("1" under I and under II) becomes its path. */
static void
number_rows(struct appendix *a)
{
	const char *part = NULL, *field = NULL, *number = NULL;
	struct criterion *c;
	size_t i;

	for (i = 0; i < a->nrows; i++) {
		c = &a->rows[i];
		switch (level_of(c->code)) {
		case LEVEL_PART:
			c->path = xstrdup(c->code);
			part = c->path;
			field = number = NULL;
			break;
		case LEVEL_FIELD:
			c->path = path_under(part, c->code);
			field = c->path;
			number = NULL;
			break;
		case LEVEL_NUMBER:
			c->path = path_under(field ? field : part, c->code);
			number = c->path;
			break;
		case LEVEL_LETTER:
			c->path = path_under(number ? number : field ? field :
			    part, c->code);
			break;
		case LEVEL_OTHER:
			c->path = xstrdup(c->code);
			break;
		}
	}
	uniquify_codes(a);
}

static int
build_criteria(struct reader *r, size_t h, const int *amap,
    struct appendix *a, char **err)
{
	struct prow *rows = NULL, *p;
	size_t n = 0, cap = 0, i, hcells = r->recs[h].ncells;
	const struct record *rec;
	struct criterion c;
	char *f;
	int k, rc = -1, total_line = 0;

	for (i = h + 1; i < r->nrecs; i++) {
		rec = &r->recs[i];
		if (record_blank(rec))
			continue;
		if (!rec->tabbed)
			break;	/* prose after the table */
		if (*cell_at(rec, amap[COL_CODE]) == '\0') {
			if (n == 0) {
				fail_rec(err, r, rec->line, -1,
				    _("continuation line with no row above "
				    "it"));
				goto out;
			}
			if (merge_row(r, &rows[n - 1], rec, amap, hcells,
			    err) != 0)
				goto out;
			continue;
		}
		rows = xgrow(rows, &cap, n + 1, sizeof *rows);
		p = &rows[n++];
		memset(p, 0, sizeof *p);
		p->line = rec->line;
		p->short_row = rec->ncells < hcells;
		for (k = 0; k < NCOL; k++) {
			if (amap[k] < 0)
				continue;
			p->cell[k] = xstrdup(cell_at(rec, amap[k]));
			p->cell_line[k] = rec->line;
		}
	}
	if (n == 0) {
		fail_rec(err, r, r->recs[h].line, -1, _("header but no rows "
		    "below it (truncated file?)"));
		goto out;
	}
	a->rows = xcalloc(n, sizeof *a->rows);
	for (i = 0; i < n; i++) {
		p = &rows[i];
		f = text_fold(p->cell[COL_CODE]);
		if (make_criterion(r, amap, p, i == n - 1,
		    starts_word(f, "tong"), &c, err) != 0) {
			free(f);
			goto out;
		}
		if (starts_word(f, "tong")) {
			free(f);
			if (a->has_total) {
				criterion_free(&c);
				fail_rec(err, r, p->line, -1, _("a second "
				    "total row (the first is on line %d)"),
				    total_line);
				goto out;
			}
			if (c.title[0] == '\0') {
				free(c.title);
				c.title = xstrdup(p->cell[COL_CODE]);
			}
			a->total = c;
			a->has_total = true;
			total_line = p->line;
			continue;
		}
		free(f);
		c.code = code_of(p->cell[COL_CODE]);
		a->rows[a->nrows++] = c;
	}
	number_rows(a);
	rc = 0;
out:
	for (i = 0; i < n; i++) {
		for (k = 0; k < NCOL; k++)
			free(rows[i].cell[k]);
	}
	free(rows);
	return rc;
}

/* Nothing but blank lines or prose follows record i. */
static bool
last_in_table(const struct reader *r, size_t i)
{
	for (i++; i < r->nrecs; i++) {
		if (record_blank(&r->recs[i]))
			continue;
		return !r->recs[i].tabbed;
	}
	return true;
}

static char *
cell_or_null(const struct record *rec, int col)
{
	const char *t = cell_at(rec, col);

	return *t == '\0' ? NULL : xstrdup(t);
}

/* A due date as Excel stores it, a serial day number (45230 is
 * 2023-10-31), written YYYY-MM-DD; false for anything else. */
static bool
excel_date(const struct reader *r, const char *t, char iso[11])
{
	long days;
	int y, m, d;
	char *end;

	if (r->grid == NULL || !r->grid->sheet)
		return false;
	days = strtol(t, &end, 10);
	if (end == t || (*end != '\0' && strcmp(end, ".0") != 0) ||
	    days < 1 || days > 2958465)
		return false;
	/* Days since 1899-12-30; 1970-01-01 is day 25569. */
	date_civil_from_days(days - 25569, &y, &m, &d);
	date_iso(iso, y, m, d);
	return true;
}

static int
build_directives(struct reader *r, size_t h, const int *dmap,
    struct appendix *a, char **err)
{
	static const int req[] = { DCOL_ROLE, DCOL_TASK };
	size_t i, cap = 0, hcells = r->recs[h].ncells;
	const struct record *rec;
	struct directive *d;
	const char *t;
	char iso[11];
	int k;

	for (i = h + 1; i < r->nrecs; i++) {
		rec = &r->recs[i];
		if (record_blank(rec))
			continue;
		if (!rec->tabbed)
			break;
		for (k = 0; k < 2; k++) {
			if (*cell_at(rec, dmap[req[k]]) != '\0')
				continue;
			if (rec->ncells < hcells && last_in_table(r, i))
				return fail_rec(err, r, rec->line,
				    dmap[req[k]], _("truncated row: missing "
				    "%s"), dcol_names[req[k]]);
			return fail_rec(err, r, rec->line, dmap[req[k]],
			    _("missing %s"), dcol_names[req[k]]);
		}
		t = cell_at(rec, dmap[DCOL_DUE]);
		if (*t != '\0' && !date_parse(t, iso) &&
		    !excel_date(r, t, iso))
			return fail_rec(err, r, rec->line, dmap[DCOL_DUE],
			    _("bad date '%s' in column %s"), t,
			    dcol_names[DCOL_DUE]);
		a->dirs = xgrow(a->dirs, &cap, a->ndirs + 1, sizeof *a->dirs);
		d = &a->dirs[a->ndirs++];
		memset(d, 0, sizeof *d);
		d->line = rec->line;
		d->role = cell_or_null(rec, dmap[DCOL_ROLE]);
		d->task = cell_or_null(rec, dmap[DCOL_TASK]);
		d->target = cell_or_null(rec, dmap[DCOL_TARGET]);
		d->every = cell_or_null(rec, dmap[DCOL_EVERY]);
		d->due = *t != '\0' ? xstrdup(iso) : NULL;
		t = cell_at(rec, dmap[DCOL_CODE]);
		d->code = *t != '\0' ? strip_spaces(t) : NULL;
	}
	if (a->ndirs == 0)
		return fail_rec(err, r, r->recs[h].line, -1, _("header but "
		    "no rows below it (truncated file?)"));
	return 0;
}

/* A CSV export starts with its header line: commas, no tabs. */
static bool
csv_header_first(struct reader *r, size_t first)
{
	struct reader probe = { .file = r->file, .lines = r->lines,
	    .nlines = r->nlines };
	const struct line *l;
	int amap[NCOL], dmap[NDCOL];
	bool yes = false;

	if (first >= r->nlines)
		return false;
	l = &r->lines[first];
	if (memchr(l->s, '\t', l->n) != NULL || memchr(l->s, ',', l->n) ==
	    NULL)
		return false;
	if (csv_records(&probe, first, first + 1, NULL) == 0 &&
	    probe.nrecs > 0)
		yes = classify(&probe.recs[0], amap, dmap) >= 0;
	free_records(&probe);
	return yes;
}

static int
missing_column(const struct reader *r, int line, const int *map,
    const int *req, size_t nreq, const char *const *names, char **err)
{
	size_t i;

	for (i = 0; i < nreq; i++) {
		if (map[req[i]] < 0)
			return fail_rec(err, r, line, -1,
			    _("missing column %s"), names[req[i]]);
	}
	return 0;
}

/* Header rows of a table, and what the closest one lacks. */
static size_t
closest_header(const struct reader *r, size_t from, size_t to, int *nfound)
{
	int amap[NCOL], dmap[NDCOL], k, n;
	size_t i, best = to;

	*nfound = 0;
	for (i = from; i < to; i++) {
		if (!r->recs[i].tabbed || record_blank(&r->recs[i]))
			continue;
		classify(&r->recs[i], amap, dmap);
		for (n = 0, k = 0; k < NCOL; k++)
			n += amap[k] >= 0;
		if (best == to || n > *nfound) {
			best = i;
			*nfound = n;
		}
	}
	return best;
}

/* A header row as the message shows it: "A | B | C", shortened. */
static void
add_header_text(struct buf *b, const struct record *rec)
{
	char *t, *safe;
	size_t i, start = b->len;

	buf_addc(b, '"');
	for (i = 0; i < rec->ncells; i++) {
		if (rec->cells[i][0] == '\0')
			continue;
		if (b->len > start + 1)
			buf_adds(b, " | ");
		t = text_squeeze(rec->cells[i]);
		safe = text_safe(t, false);
		buf_adds(b, safe);
		free(safe);
		free(t);
	}
	if (b->len > start + 120) {
		b->len = start + 117;
		while (b->len > start && ((unsigned char)b->data[b->len] &
		    0xc0) == 0x80)
			b->len--;
		buf_adds(b, "...");
	}
	buf_addc(b, '"');
}

static void
add_missing_columns(struct buf *b, const struct record *rec)
{
	int amap[NCOL], dmap[NDCOL], k, n = 0;

	classify(rec, amap, dmap);
	for (k = 0; k < NCOL; k++) {
		if (amap[k] >= 0)
			continue;
		buf_adds(b, n++ > 0 ? ", " : "");
		buf_adds(b, col_names[k]);
	}
}

/* No table header anywhere: say what was seen.  A text file names its
 * closest row; a Word or Excel file names the likeliest header row of
 * each table (ntables records ranges in starts[]). */
static int
no_header(const struct reader *r, size_t ntables, char **err)
{
	struct buf b = { 0 };
	size_t best, t, from, to, overall = r->nrecs, seen = 0;
	int n, bestn = -1, rc;
	char *place;

	buf_addf(&b, _("no appendix or directives header found (expected "
	    "columns %s or %s)"), "STT, ĐIỂM CHUẨN, ĐIỂM THẨM ĐỊNH, ...",
	    "role, criterion, task, ...");
	for (t = 0; t < ntables; t++) {
		from = r->grid ? (size_t)r->starts[t] : 0;
		to = r->grid ? (size_t)r->starts[t + 1] : r->nrecs;
		best = closest_header(r, from, to, &n);
		if (best == to)
			continue;
		buf_adds(&b, seen++ == 0 ? _("; header rows seen: ") : "; ");
		if (r->grid != NULL) {
			place = grid_place(&r->grid[t], r->recs[best].line,
			    -1);
			buf_adds(&b, place);
			free(place);
		} else
			buf_addf(&b, _("line %d"), r->recs[best].line);
		buf_adds(&b, ": ");
		add_header_text(&b, &r->recs[best]);
		if (n > bestn) {
			bestn = n;
			overall = best;
		}
	}
	if (overall < r->nrecs) {
		buf_adds(&b, _("; columns not found: "));
		add_missing_columns(&b, &r->recs[overall]);
	}
	if (r->grid == NULL)
		rc = fail(err, "%s:1: %s", r->file, b.data);
	else
		rc = fail(err, "%s: %s", r->file, b.data);
	buf_free(&b);
	return rc;
}

static int read_rows(struct reader *, size_t, int, const int *,
    const int *, struct appendix *, char **);

static int
parse_table(struct reader *r, const char *data, size_t len, char eol,
    struct appendix *a, char **err)
{
	int amap[NCOL], dmap[NDCOL], kind = -1;
	size_t first, h;
	bool csv;

	if (split_lines(r, data, len, eol, err) != 0)
		return -1;
	for (first = 0; first < r->nlines; first++) {
		if (!is_blank(r->lines[first].s, r->lines[first].n))
			break;
	}
	csv = csv_header_first(r, first);
	if (csv) {
		if (csv_records(r, 0, r->nlines, err) != 0)
			return -1;
	} else
		tsv_records(r);
	if (r->bigcell != 0)
		return fail_at(err, r->file, r->bigcell, _("cell too long (more "
		    "than %d bytes)"), APPENDIX_MAX_CELL);
	if (r->nrecs > APPENDIX_MAX_ROWS)
		return fail_at(err, r->file, r->recs[APPENDIX_MAX_ROWS].line,
		    _("too many rows (more than %d)"), APPENDIX_MAX_ROWS);
	for (h = 0; h < r->nrecs; h++) {
		if (!r->recs[h].tabbed)
			continue;
		if ((kind = classify(&r->recs[h], amap, dmap)) >= 0)
			break;
	}
	if (kind < 0)
		return no_header(r, 1, err);
	a->kind = kind;
	if (!csv)
		a->title = heading_above(r, (size_t)r->recs[h].line - 1);
	return read_rows(r, h, kind, amap, dmap, a, err);
}

/* The rows below header h, of a table of the given kind. */
static int
read_rows(struct reader *r, size_t h, int kind, const int *amap,
    const int *dmap, struct appendix *a, char **err)
{
	static const int areq[] = {
		COL_CODE, COL_TITLE, COL_STANDARD, COL_APPRAISED
	};
	static const int dreq[] = { DCOL_ROLE, DCOL_TASK };

	if (kind == APPENDIX_CRITERIA) {
		if (missing_column(r, r->recs[h].line, amap, areq,
		    sizeof areq / sizeof areq[0], col_names, err) != 0)
			return -1;
		return build_criteria(r, h, amap, a, err);
	}
	if (missing_column(r, r->recs[h].line, dmap, dreq,
	    sizeof dreq / sizeof dreq[0], dcol_names, err) != 0)
		return -1;
	return build_directives(r, h, dmap, a, err);
}

int
appendix_parse(const char *file, const char *data, size_t len,
    struct appendix **out, char **err)
{
	struct reader r = { .file = file };
	struct appendix *a;
	char eol = '\n';
	int rc;

	*out = NULL;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (is_blank(data, len))
		return fail_at(err, file, 1, _("empty file"));
	if (memchr(data, '\n', len) == NULL && memchr(data, '\r', len) != NULL)
		eol = '\r';
	if (check_bytes(file, data, len, eol, err) != 0)
		return -1;
	a = xcalloc(1, sizeof *a);
	a->file = xstrdup(file);
	rc = parse_table(&r, data, len, eol, a, err);
	free_records(&r);
	free(r.lines);
	if (rc != 0) {
		appendix_free(a);
		return -1;
	}
	*out = a;
	return 0;
}

/* The cells of a Word or Excel table as records, one per row. */
static void
grid_records(struct reader *r, const struct grid *g)
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
static int
grid_spans(struct reader *r, const struct grid *g, size_t first, size_t h,
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
				if (amap[c] == (int)k && (is_score_col(c) ||
				    c == COL_CODE))
					number = true;
			if (gr->span[k] == SPAN_AUTONUM && (int)k == code)
				return fail_rec(err, r, rec->line, code,
				    _("column %s is numbered automatically by "
				    "Word (format \"%s\"), which parboard "
				    "cannot compute: type the numbers in, or "
				    "turn the list into text in Word"),
				    col_names[COL_CODE], gr->cells[k]);
			if (gr->span[k] == SPAN_RIGHT ||
			    gr->span[k] == SPAN_AUTONUM ||
			    (gr->span[k] == SPAN_DOWN && (down || number)))
				rec->cells[k][0] = '\0';
		}
	}
	return 0;
}

/* A sheet's title: the rows right above its header, or the paragraph
 * above a document's table. */
static char *
grid_title(const struct reader *r, const struct grid *g, size_t first,
    size_t h)
{
	struct buf b = { 0 };
	size_t i = h, last, k;
	char *joined, *t, *nfc;

	while (i > 0 && record_blank(&r->recs[first + i - 1]))
		i--;
	last = i;
	while (i > 0 && !record_blank(&r->recs[first + i - 1]))
		i--;
	for (; i < last; i++)
		for (k = 0; k < r->recs[first + i].ncells; k++) {
			if (g->rows[i].span[k] != SPAN_NONE ||
			    r->recs[first + i].cells[k][0] == '\0')
				continue;
			if (b.len > 0)
				buf_addc(&b, ' ');
			buf_adds(&b, r->recs[first + i].cells[k]);
		}
	if (b.len == 0 && g->title != NULL)
		buf_adds(&b, g->title);
	for (k = 0; k < b.len; k++)
		if (b.data[k] == '\n')
			b.data[k] = ' ';
	joined = buf_take(&b);
	t = text_squeeze(joined);
	nfc = text_nfc(t);
	free(joined);
	free(t);
	if (nfc[0] == '\0') {
		free(nfc);
		return NULL;
	}
	return nfc;
}

static int
parse_grids(struct reader *r, const struct grid *g, size_t n,
    struct appendix *a, char **err)
{
	int amap[NCOL], dmap[NDCOL], kind = -1;
	struct reader sub;
	size_t t, h = 0;

	r->starts = xcalloc(n + 1, sizeof *r->starts);
	for (t = 0; t < n; t++) {
		r->starts[t] = r->nrecs;
		grid_records(r, &g[t]);
	}
	r->starts[n] = r->nrecs;
	for (t = 0; t < n && kind < 0; t++)
		for (h = r->starts[t]; h < r->starts[t + 1]; h++)
			if ((kind = classify(&r->recs[h], amap, dmap)) >= 0)
				break;
	r->grid = g;
	if (kind < 0)
		return no_header(r, n, err);
	t--;
	r->grid = &g[t];
	a->kind = kind;
	a->ntables = n;
	a->sheet = g[t].sheet;
	a->taken = g[t].sheet ? xasprintf(_("sheet %s"), g[t].name) :
	    xasprintf(_("table %d"), g[t].number);
	a->title = grid_title(r, &g[t], r->starts[t], h - r->starts[t]);
	if (kind == APPENDIX_CRITERIA && grid_spans(r, &g[t], r->starts[t],
	    h - r->starts[t], amap, err) != 0)
		return -1;
	/* The chosen table alone: rows below it are not this table's. */
	sub = *r;
	sub.recs = r->recs + r->starts[t];
	sub.nrecs = r->starts[t + 1] - r->starts[t];
	return read_rows(&sub, h - r->starts[t], kind, amap, dmap, a, err);
}

int
appendix_parse_grids(const char *file, const struct grid *g, size_t n,
    struct appendix **out, char **err)
{
	struct reader r = { .file = file };
	struct appendix *a;
	int rc;

	*out = NULL;
	a = xcalloc(1, sizeof *a);
	a->file = xstrdup(file);
	rc = parse_grids(&r, g, n, a, err);
	free_records(&r);
	free(r.starts);
	if (rc != 0) {
		appendix_free(a);
		return -1;
	}
	*out = a;
	return 0;
}

int
appendix_read(const char *file, struct appendix **out, char **err)
{
	char *data;
	size_t len;
	int rc;

	*out = NULL;
	if (read_file(file, LIMIT_FILE, &data, &len, err) != 0)
		return -1;
	rc = appendix_parse(file, data, len, out, err);
	free(data);
	return rc;
}

void
appendix_free(struct appendix *a)
{
	size_t i;

	if (a == NULL)
		return;
	for (i = 0; i < a->nrows; i++)
		criterion_free(&a->rows[i]);
	free(a->rows);
	if (a->has_total)
		criterion_free(&a->total);
	for (i = 0; i < a->ndirs; i++) {
		free(a->dirs[i].role);
		free(a->dirs[i].code);
		free(a->dirs[i].task);
		free(a->dirs[i].due);
		free(a->dirs[i].target);
		free(a->dirs[i].every);
	}
	free(a->dirs);
	free(a->title);
	free(a->taken);
	free(a->file);
	free(a);
}
