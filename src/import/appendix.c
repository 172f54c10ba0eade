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
 * continues the row above it, cell by cell.
 *
 * This file holds the entry points and the errors; the steps are in
 * appendix_records.c, appendix_columns.c and appendix_rows.c. */
#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "appendix.h"
#include "body.h"
#include "i18n.h"
#include "util.h"
#include "appendix_impl.h"

int
apx_fail_at(char **err, const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	char *place = xasprintf("%s:%ld", file, line);

	va_start(ap, fmt);
	vfail_at(err, place, fmt, ap);
	va_end(ap);
	free(place);
	return -1;
}

/* Where a record is, in a Word or Excel table. */
char *
apx_grid_place(const struct grid *g, long row, int col)
{
	char letters[8];

	if (!g->sheet)
		return xasprintf(_("table %d, row %ld"), g->number, row);
	if (col < 0)
		return xasprintf(_("sheet %s, row %ld"), g->name, row);
	grid_col_name((size_t)col, letters);
	return xasprintf(_("sheet %s, row %ld, column %s"), g->name, row,
	    letters);
}

int
apx_fail_rec(char **err, const struct reader *r, long line, int col,
    const char *fmt, ...)
{
	va_list ap;
	char *where, *place;

	if (r->grid == NULL)
		place = xasprintf("%s:%ld", r->file, line);
	else {
		where = apx_grid_place(r->grid, line, col);
		place = xasprintf("%s: %s", r->file, where);
		free(where);
	}
	va_start(ap, fmt);
	vfail_at(err, place, fmt, ap);
	va_end(ap);
	free(place);
	return -1;
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

	if (apx_split_lines(r, data, len, eol, err) != 0)
		return -1;
	for (first = 0; first < r->nlines; first++) {
		if (!apx_is_blank(r->lines[first].s, r->lines[first].n))
			break;
	}
	csv = apx_csv_header_first(r, first);
	if (csv) {
		if (apx_csv_records(r, 0, r->nlines, err) != 0)
			return -1;
	} else
		apx_tsv_records(r);
	if (r->bigcell != 0)
		return apx_fail_at(err, r->file, r->bigcell,
		    _("cell too long (more than %d bytes)"),
		    APPENDIX_MAX_CELL);
	if (r->nrecs > APPENDIX_MAX_ROWS)
		return apx_fail_at(err, r->file,
		    r->recs[APPENDIX_MAX_ROWS].line,
		    _("too many rows (more than %d)"), APPENDIX_MAX_ROWS);
	for (h = 0; h < r->nrecs; h++) {
		if (!r->recs[h].tabbed)
			continue;
		if ((kind = apx_classify(&r->recs[h], amap, dmap)) >= 0)
			break;
	}
	if (kind < 0)
		return apx_no_header(r, 1, err);
	a->kind = kind;
	if (!csv)
		a->title = apx_heading_above(r, (size_t)r->recs[h].line - 1);
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
		if (apx_missing_column(r, r->recs[h].line, amap, areq,
		    sizeof areq / sizeof areq[0], apx_col_names, err) != 0)
			return -1;
		return apx_build_criteria(r, h, amap, a, err);
	}
	if (apx_missing_column(r, r->recs[h].line, dmap, dreq,
	    sizeof dreq / sizeof dreq[0], apx_dcol_names, err) != 0)
		return -1;
	return apx_build_directives(r, h, dmap, a, err);
}

/* Hand a over in *out, or free it when rc says the reading failed. */
static int
hand_over(struct appendix *a, int rc, struct appendix **out)
{
	if (rc != 0) {
		appendix_free(a);
		return -1;
	}
	*out = a;
	return 0;
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
	if (apx_is_blank(data, len))
		return apx_fail_at(err, file, 1, _("empty file"));
	if (memchr(data, '\n', len) == NULL && memchr(data, '\r', len) != NULL)
		eol = '\r';
	if (apx_check_bytes(file, data, len, eol, err) != 0)
		return -1;
	a = xcalloc(1, sizeof *a);
	a->file = xstrdup(file);
	rc = parse_table(&r, data, len, eol, a, err);
	apx_free_records(&r);
	free(r.lines);
	return hand_over(a, rc, out);
}

/* A sheet's title: the rows right above its header, or the paragraph
 * above a document's table. */
static char *
grid_title(const struct reader *r, const struct grid *g, size_t first,
    size_t h)
{
	struct buf b = { 0 };
	size_t i = h, last, k;
	while (i > 0 && apx_record_blank(&r->recs[first + i - 1]))
		i--;
	last = i;
	while (i > 0 && !apx_record_blank(&r->recs[first + i - 1]))
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
	return apx_title_of(&b);
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
		apx_grid_records(r, &g[t]);
	}
	r->starts[n] = r->nrecs;
	for (t = 0; t < n && kind < 0; t++)
		for (h = r->starts[t]; h < r->starts[t + 1]; h++)
			if ((kind = apx_classify(&r->recs[h], amap, dmap)) >= 0)
				break;
	r->grid = g;
	if (kind < 0)
		return apx_no_header(r, n, err);
	t--;
	r->grid = &g[t];
	a->kind = kind;
	a->ntables = n;
	a->sheet = g[t].sheet;
	a->taken = g[t].sheet ? xasprintf(_("sheet %s"), g[t].name) :
	    xasprintf(_("table %d"), g[t].number);
	a->title = grid_title(r, &g[t], r->starts[t], h - r->starts[t]);
	if (kind == APPENDIX_CRITERIA && apx_grid_spans(r, &g[t], r->starts[t],
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
	apx_free_records(&r);
	free(r.starts);
	return hand_over(a, rc, out);
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
	if (rc == 0 && (*out)->kind == APPENDIX_CRITERIA) {
		(*out)->letter = letter_from_text(data, len);
		(*out)->head = data;
		data = NULL;
	}
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
		apx_criterion_free(&a->rows[i]);
	free(a->rows);
	if (a->has_total)
		apx_criterion_free(&a->total);
	body_free(a->dirs, a->ndirs);
	free(a->title);
	letter_free(a->letter);
	free(a->head);
	body_free(a->body, a->nbody);
	free(a->taken);
	free(a->file);
	free(a);
}
