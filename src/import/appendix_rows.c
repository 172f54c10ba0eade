/* SPDX-License-Identifier: ISC */
/* appendix_rows.c: the records below a header joined into rows (a record
 * whose code cell is empty continues the row above), the appendix's
 * criteria numbered and placed in their tree, and the directives. */
#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "appendix.h"
#include "date.h"
#include "i18n.h"
#include "util.h"
#include "appendix_impl.h"

/* A row of the appendix while continuation lines may still extend it. */
struct prow {
	char *cell[NCOL];
	int cell_line[NCOL];	/* where each cell's text started */
	int line;
	bool short_row;		/* its last line had fewer cells than the
				 * header: a cut-off file */
};

bool
apx_is_score_col(int c)
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
		if (amap[c] < 0 || *(t = apx_cell_at(rec, amap[c])) == '\0')
			continue;
		if (p->cell[c] == NULL || p->cell[c][0] == '\0') {
			free(p->cell[c]);
			p->cell[c] = xstrdup(t);
			p->cell_line[c] = rec->line;
		} else if (apx_is_score_col(c)) {
			return apx_fail_rec(err, r, rec->line, amap[c],
			    _("continuation line gives %s again (the row "
			    "above on line %d has it)"), apx_col_names[c],
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
		if (!apx_is_space(*s))
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
				return apx_fail_rec(err, r, p->line, amap[col],
				    _("truncated row: missing %s"),
				    apx_col_names[col]);
			return apx_fail_rec(err, r, p->line, amap[col],
			    _("missing %s"), apx_col_names[col]);
		}
		if (!text_parse_score(t, dst[k]))
			return apx_fail_rec(err, r, p->cell_line[col],
			    amap[col], _("bad number '%s' in column %s"), t,
			    apx_col_names[col]);
		/* Bounded scores: 200 000 rows of them cannot overflow
		 * a sum (score is 64-bit thousandths). */
		if (*dst[k] > limit || *dst[k] < -limit)
			return apx_fail_rec(err, r, p->cell_line[col],
			    amap[col], _("score %s in column %s is out of "
			    "range (-%lld to %lld)"), t, apx_col_names[col],
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

void
apx_criterion_free(struct criterion *c)
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

/* The record of the table at *i or after it, blank ones skipped; NULL
 * at the end or at the prose after the table. */
static const struct record *
next_row(const struct reader *r, size_t *i)
{
	while (*i < r->nrecs && apx_record_blank(&r->recs[*i]))
		(*i)++;
	if (*i >= r->nrecs || !r->recs[*i].tabbed)
		return NULL;
	return &r->recs[*i];
}

/* The rows below header h, a row continued by the records whose code
 * cell is empty; *rows (of *n) is set even on failure, to be freed. */
static int
collect_rows(struct reader *r, size_t h, const int *amap,
    struct prow **rows, size_t *n, char **err)
{
	size_t cap = 0, i, hcells = r->recs[h].ncells;
	const struct record *rec;
	struct prow *p;
	int k;

	for (i = h + 1; (rec = next_row(r, &i)) != NULL; i++) {
		if (*apx_cell_at(rec, amap[COL_CODE]) == '\0') {
			if (*n == 0)
				return apx_fail_rec(err, r, rec->line, -1,
				    _("continuation line with no row above "
				    "it"));
			if (merge_row(r, &(*rows)[*n - 1], rec, amap, hcells,
			    err) != 0)
				return -1;
			continue;
		}
		*rows = xgrow(*rows, &cap, *n + 1, sizeof **rows);
		p = &(*rows)[(*n)++];
		memset(p, 0, sizeof *p);
		p->line = rec->line;
		p->short_row = rec->ncells < hcells;
		for (k = 0; k < NCOL; k++) {
			if (amap[k] < 0)
				continue;
			p->cell[k] = xstrdup(apx_cell_at(rec, amap[k]));
			p->cell_line[k] = rec->line;
		}
	}
	if (*n == 0)
		return apx_fail_rec(err, r, r->recs[h].line, -1,
		    _("header but no rows below it (truncated file?)"));
	return 0;
}

/* The criteria of rows (n of them) into a, the total row apart. */
static int
place_rows(struct reader *r, const int *amap, struct prow *rows,
    size_t n, struct appendix *a, char **err)
{
	struct prow *p;
	struct criterion c;
	int total_line = 0;
	size_t i;
	char *f;

	a->rows = xcalloc(n, sizeof *a->rows);
	for (i = 0; i < n; i++) {
		p = &rows[i];
		f = text_fold(p->cell[COL_CODE]);
		if (make_criterion(r, amap, p, i == n - 1,
		    apx_starts_word(f, "tong"), &c, err) != 0) {
			free(f);
			return -1;
		}
		if (apx_starts_word(f, "tong")) {
			free(f);
			if (a->has_total) {
				apx_criterion_free(&c);
				return apx_fail_rec(err, r, p->line, -1,
				    _("a second total row (the first is on "
				    "line %d)"), total_line);
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
	return 0;
}

int
apx_build_criteria(struct reader *r, size_t h, const int *amap,
    struct appendix *a, char **err)
{
	struct prow *rows = NULL;
	size_t n = 0, i;
	int k, rc = -1;

	if (collect_rows(r, h, amap, &rows, &n, err) == 0 &&
	    place_rows(r, amap, rows, n, a, err) == 0) {
		number_rows(a);
		rc = 0;
	}
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
		if (apx_record_blank(&r->recs[i]))
			continue;
		return !r->recs[i].tabbed;
	}
	return true;
}

static char *
cell_or_null(const struct record *rec, int col)
{
	const char *t = apx_cell_at(rec, col);

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

/* A due cell that names a continuing duty: "thường xuyên", "ongoing". */
static bool
due_ongoing(const char *t)
{
	char *f = text_fold(t);
	bool yes = strcmp(f, "thuong xuyen") == 0 || strcmp(f, "ongoing") == 0;

	free(f);
	return yes;
}

int
apx_build_directives(struct reader *r, size_t h, const int *dmap,
    struct appendix *a, char **err)
{
	static const int req[] = { DCOL_ROLE, DCOL_TASK };
	size_t i, cap = 0, hcells = r->recs[h].ncells;
	const struct record *rec;
	struct directive *d;
	const char *t;
	char iso[11];
	int k;
	bool ongoing;

	for (i = h + 1; (rec = next_row(r, &i)) != NULL; i++) {
		for (k = 0; k < 2; k++) {
			if (*apx_cell_at(rec, dmap[req[k]]) != '\0')
				continue;
			if (rec->ncells < hcells && last_in_table(r, i))
				return apx_fail_rec(err, r, rec->line,
				    dmap[req[k]], _("truncated row: missing "
				    "%s"), apx_dcol_names[req[k]]);
			return apx_fail_rec(err, r, rec->line, dmap[req[k]],
			    _("missing %s"), apx_dcol_names[req[k]]);
		}
		t = apx_cell_at(rec, dmap[DCOL_DUE]);
		ongoing = due_ongoing(t);
		if (*t != '\0' && !ongoing && !date_parse(t, iso) &&
		    !excel_date(r, t, iso))
			return apx_fail_rec(err, r, rec->line, dmap[DCOL_DUE],
			    _("bad date '%s' in column %s"), t,
			    apx_dcol_names[DCOL_DUE]);
		a->dirs = xgrow(a->dirs, &cap, a->ndirs + 1, sizeof *a->dirs);
		d = &a->dirs[a->ndirs++];
		memset(d, 0, sizeof *d);
		d->line = rec->line;
		d->role = cell_or_null(rec, dmap[DCOL_ROLE]);
		d->task = cell_or_null(rec, dmap[DCOL_TASK]);
		d->target = cell_or_null(rec, dmap[DCOL_TARGET]);
		d->every = cell_or_null(rec, dmap[DCOL_EVERY]);
		d->due = *t != '\0' && !ongoing ? xstrdup(iso) : NULL;
		d->ongoing = ongoing;
		t = apx_cell_at(rec, dmap[DCOL_CODE]);
		d->code = *t != '\0' ? strip_spaces(t) : NULL;
	}
	if (a->ndirs == 0)
		return apx_fail_rec(err, r, r->recs[h].line, -1, _("header but "
		    "no rows below it (truncated file?)"));
	return 0;
}
