/* SPDX-License-Identifier: ISC */
/* ooxml_xlsx.c: an Excel workbook's sheets, in order: the workbook and
 * its relations name the parts, the shared strings and each sheet are
 * streamed, and merged cells are spread as the sheet means them. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include "grid.h"
#include "i18n.h"
#include "ooxml.h"
#include "util.h"
#include "ooxml_impl.h"

/* Excel's last row. */
#define XLSX_MAX_ROW 1048576

struct sheetref {
	char *name, *path;
};

/* "B12" → column 1 (0-based) and row 12; false when malformed. */
static bool
cell_ref(const char *s, size_t *col, int *row)
{
	size_t c = 0;
	long r = 0;

	if (s == NULL || !(*s >= 'A' && *s <= 'Z'))
		return false;
	for (; *s >= 'A' && *s <= 'Z'; s++) {
		c = c * 26 + (size_t)(*s - 'A' + 1);
		if (c > 16384)
			return false;
	}
	for (; *s >= '0' && *s <= '9'; s++) {
		r = r * 10 + (*s - '0');
		if (r > 1048576)
			return false;
	}
	if (*s != '\0' || c == 0 || r == 0)
		return false;
	*col = c - 1;
	*row = (int)r;
	return true;
}

static void
sheetrefs_free(struct sheetref *sr, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(sr[i].name);
		free(sr[i].path);
	}
	free(sr);
}

/* A workbook whose last sheet is the part of an earlier one (each would
 * be read again): refused. */
static int
same_part(struct archive *a, const struct sheetref *sr, size_t n,
    char **err)
{
	size_t i;

	for (i = 0; i + 1 < n; i++)
		if (strcmp(sr[i].path, sr[n - 1].path) == 0)
			return fail(err, _("%s: sheets %s and %s are the same "
			    "part %s; refused"), a->file, sr[i].name,
			    sr[n - 1].name, sr[n - 1].path);
	return 0;
}

static int
xlsx_sheets(struct archive *a, struct sheetref **out, size_t *n, char **err)
{
	xmlDoc *wb, *rels;
	xmlNode *s, *r;
	const char *id, *target;
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	if ((wb = ox_arc_tree(a, "xl/workbook.xml", false, err)) == NULL)
		return -1;
	if ((rels = ox_arc_tree(a, "xl/_rels/workbook.xml.rels", false,
	    err)) == NULL) {
		xmlFreeDoc(wb);
		return -1;
	}
	s = ox_child(ox_child(xmlDocGetRootElement(wb), "sheets"), "sheet");
	for (; s != NULL; s = s->next) {
		if (!ox_is_el(s, "sheet") || (id = ox_attr(s, "id")) == NULL)
			continue;
		if (*n == OOXML_MAX_SHEETS) {
			fail(err, _("%s: more than %d sheets"), a->file,
			    OOXML_MAX_SHEETS);
			break;
		}
		target = NULL;
		for (r = xmlDocGetRootElement(rels)->children; r != NULL;
		    r = r->next)
			if (ox_is_el(r, "Relationship") && ox_attr(r, "Id") &&
			    strcmp(ox_attr(r, "Id"), id) == 0)
				target = ox_attr(r, "Target");
		if (target == NULL)
			continue;
		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		(*out)[*n].name = xstrdup(ox_attr(s, "name") ?
		    ox_attr(s, "name") : "");
		(*out)[(*n)++].path = target[0] == '/' ? xstrdup(target + 1) :
		    xasprintf("xl/%s", target);
		if (same_part(a, *out, *n, err) != 0)
			break;
	}
	xmlFreeDoc(rels);
	xmlFreeDoc(wb);
	return *err != NULL ? -1 : 0;
}

static bool
at(xmlTextReader *x, int type, const char *name)
{
	return xmlTextReaderNodeType(x) == type &&
	    strcmp((const char *)xmlTextReaderConstLocalName(x), name) == 0;
}

static bool
text_node(xmlTextReader *x)
{
	int t = xmlTextReaderNodeType(x);

	return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
	    t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
	    t == XML_READER_TYPE_WHITESPACE;
}

static int
read_end(struct archive *a, const char *part, int rc, char **err)
{
	if (rc < 0)
		return fail(err, _("%s: part %s is not well-formed XML"),
		    a->file, part);
	return 0;
}

/* The shared strings: each <si>'s <t> texts, phonetic runs left out. */
static int
xlsx_strings(struct archive *a, char ***out, size_t *n, char **err)
{
	static const char part[] = "xl/sharedStrings.xml";
	xmlTextReader *x;
	struct buf b = { 0 };
	size_t cap = 0;
	char *data = NULL;
	int rc, in_t = 0, in_rph = 0;

	*out = NULL;
	*n = 0;
	if ((x = ox_arc_reader(a, part, true, &data, err)) == NULL)
		return data == NULL && *err != NULL ? -1 : 0;
	while ((rc = xmlTextReaderRead(x)) == 1) {
		if (at(x, XML_READER_TYPE_ELEMENT, "si"))
			b.len = 0;
		else if (at(x, XML_READER_TYPE_ELEMENT, "rPh") &&
		    !xmlTextReaderIsEmptyElement(x))
			in_rph = 1;
		else if (at(x, XML_READER_TYPE_END_ELEMENT, "rPh"))
			in_rph = 0;
		else if (at(x, XML_READER_TYPE_ELEMENT, "t"))
			in_t = !xmlTextReaderIsEmptyElement(x);
		else if (at(x, XML_READER_TYPE_END_ELEMENT, "t"))
			in_t = 0;
		else if (in_t && !in_rph && text_node(x))
			buf_adds(&b, (const char *)xmlTextReaderConstValue(x));
		else if (at(x, XML_READER_TYPE_END_ELEMENT, "si") ||
		    (at(x, XML_READER_TYPE_ELEMENT, "si") &&
		    xmlTextReaderIsEmptyElement(x))) {
			if (grid_count(&a->count, 1, b.len, a->file,
			    err) != 0)
				break;
			*out = xgrow(*out, &cap, *n + 1, sizeof **out);
			(*out)[(*n)++] = xstrndup(b.data ? b.data : "", b.len);
		}
	}
	xmlFreeTextReader(x);
	free(data);
	buf_free(&b);
	if (rc == 1)
		return -1;
	return read_end(a, part, rc, err);
}

/* A number as stored ("0.69999999999999996") as a person reads it. */
static char *
number_text(const char *v)
{
	char *end;
	double d = strtod(v, &end);

	if (end == v || *end != '\0')
		return xstrdup(v);
	return xasprintf("%.12g", d);
}

struct sheetctx {
	struct archive *a;
	struct grid *g;
	char **strings;
	size_t nstrings, rowcap;
	size_t col, next;		/* this cell's column, the next one's */
	int row;
	char type[16];
	struct buf v;
	bool in_v, in_is_t, have;
};

/* Store the cell just read. */
static int
sheet_cell(struct sheetctx *c, char **err)
{
	struct grid_row *r;
	char *t, colname[8];
	unsigned long k;
	int rc;

	if (!c->have)
		return 0;
	if (strcmp(c->type, "s") == 0) {
		k = strtoul(c->v.data ? c->v.data : "", &t, 10);
		if (c->v.len == 0 || *t != '\0' || k >= c->nstrings) {
			grid_col_name(c->col, colname);
			return fail(err, _("%s: sheet %s, row %d, column %s: "
			    "shared string %s does not exist"), c->a->file,
			    c->g->name, c->row, colname,
			    c->v.data ? c->v.data : "?");
		}
		t = xstrdup(c->strings[k]);
	} else if (c->type[0] == '\0' || strcmp(c->type, "n") == 0)
		t = number_text(c->v.data ? c->v.data : "");
	else
		t = xstrndup(c->v.data ? c->v.data : "", c->v.len);
	r = &c->g->rows[c->g->nrows - 1];
	rc = t[0] != '\0' ? ox_row_set(c->a, c->g, r, c->col, t, SPAN_NONE,
	    err) : 0;
	free(t);
	return rc;
}

static int
sheet_element(struct sheetctx *c, xmlTextReader *x, char **err)
{
	char *s, colname[8];
	size_t col;
	int row;

	if (at(x, XML_READER_TYPE_ELEMENT, "row")) {
		s = (char *)xmlTextReaderGetAttribute(x, BAD_CAST "r");
		row = s ? ox_int_of(s) : (c->g->nrows > 0 ?
		    c->g->rows[c->g->nrows - 1].row + 1 : 1);
		xmlFree(s);
		if (row < 1 || row > XLSX_MAX_ROW)
			return fail(err, _("%s: sheet %s: row %d is not a row "
			    "of a worksheet"), c->a->file, c->g->name, row);
		c->row = row;
		if (ox_push_row(c->a, c->g, &c->rowcap, row, err) != 0)
			return -1;
		c->col = c->next = 0;
		return 0;
	}
	if (at(x, XML_READER_TYPE_ELEMENT, "c") && c->g->nrows > 0) {
		s = (char *)xmlTextReaderGetAttribute(x, BAD_CAST "r");
		if (s == NULL)
			col = c->next;
		else if (!cell_ref(s, &col, &row)) {
			fail(err, _("%s: sheet %s, row %d: bad cell reference "
			    "'%s'"), c->a->file, c->g->name, c->row, s);
			xmlFree(s);
			return -1;
		}
		xmlFree(s);
		if (col >= OOXML_MAX_COLS) {
			grid_col_name(col, colname);
			return fail(err, _("%s: sheet %s, row %d, column %s: "
			    "more than %d columns"), c->a->file, c->g->name,
			    c->row, colname, OOXML_MAX_COLS);
		}
		c->col = col;
		c->next = col + 1;
		s = (char *)xmlTextReaderGetAttribute(x, BAD_CAST "t");
		snprintf(c->type, sizeof c->type, "%s", s ? s : "");
		xmlFree(s);
		c->v.len = 0;
		c->have = !xmlTextReaderIsEmptyElement(x);
		return 0;
	}
	return 0;
}

/* A merged range "A5:A7": columns c1..c2, rows r1..r2. */
struct merge {
	size_t c1, c2;
	int r1, r2;
};

/* Read a merged range; false when malformed or of one cell (nothing to
 * fill).  Columns beyond the widest read are left out. */
static bool
merge_ref(const char *ref, struct merge *m)
{
	char a[16], b[16];
	const char *colon = strchr(ref, ':');

	if (colon == NULL || (size_t)(colon - ref) >= sizeof a ||
	    strlen(colon + 1) >= sizeof b)
		return false;
	memcpy(a, ref, (size_t)(colon - ref));
	a[colon - ref] = '\0';
	strcpy(b, colon + 1);
	if (!cell_ref(a, &m->c1, &m->r1) || !cell_ref(b, &m->c2, &m->r2) ||
	    m->c2 < m->c1 || m->r2 < m->r1 || m->c1 >= OOXML_MAX_COLS)
		return false;
	if (m->c2 >= OOXML_MAX_COLS)
		m->c2 = OOXML_MAX_COLS - 1;
	return m->c2 > m->c1 || m->r2 > m->r1;
}

static int
row_cmp(const void *x, const void *y)
{
	const struct grid_row *a = x, *b = y;

	return (a->row > b->row) - (a->row < b->row);
}

/* The first row of g numbered row or more (g's rows in order). */
static size_t
row_at(const struct grid *g, int row)
{
	size_t lo = 0, hi = g->nrows, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (g->rows[mid].row < row)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Rows in the order of their numbers, as Excel shows them and as
 * row_at needs them (Excel writes them in order; two rows of one number,
 * which it never writes, come in either order). */
static void
sort_rows(struct grid *g)
{
	size_t i;

	for (i = 1; i < g->nrows; i++)
		if (g->rows[i].row < g->rows[i - 1].row) {
			xqsort(g->rows, g->nrows, sizeof *g->rows, row_cmp);
			return;
		}
}

/* Fill a merged range as the reader sees it: the top left cell's text in
 * every cell it covers, counted before a cell is made. */
static int
sheet_merge(struct archive *a, struct grid *g, const struct merge *m,
    char **err)
{
	size_t lo = row_at(g, m->r1), hi = row_at(g, m->r2 + 1), i, col;
	long cover = (long)(hi - lo) * (long)(m->c2 - m->c1 + 1);
	const char *text = NULL;
	struct grid_row *r;

	if (cover > GRID_MAX_PIECES - a->merged)
		return grid_count(&a->count, GRID_MAX_PIECES + 1, 0, a->file,
		    err);
	a->merged += cover;
	for (i = lo; i < hi; i++) {
		r = &g->rows[i];
		if (r->row == m->r1)
			text = m->c1 < r->ncells ? r->cells[m->c1] : "";
		if (text == NULL)
			continue;
		for (col = m->c1; col <= m->c2; col++) {
			if (r->row == m->r1 && col == m->c1)
				continue;
			if (ox_row_set(a, g, r, col, text, col == m->c1 ?
			    SPAN_DOWN : SPAN_RIGHT, err) != 0)
				return -1;
		}
		if (r->row == m->r1 && m->c1 < r->ncells)
			text = r->cells[m->c1];
	}
	return 0;
}

static int
xlsx_sheet(struct archive *a, const struct sheetref *sr, char **strings,
    size_t nstrings, struct grid *g, char **err)
{
	struct sheetctx c = { .a = a, .g = g, .strings = strings,
	    .nstrings = nstrings };
	xmlTextReader *x;
	struct merge *merges = NULL, m;
	char *data = NULL, *s;
	size_t nmerges = 0, mcap = 0, i;
	int rc;

	g->sheet = true;
	g->name = xstrdup(sr->name);
	if ((x = ox_arc_reader(a, sr->path, false, &data, err)) == NULL)
		return -1;
	while ((rc = xmlTextReaderRead(x)) == 1) {
		if (at(x, XML_READER_TYPE_ELEMENT, "v") ||
		    (at(x, XML_READER_TYPE_ELEMENT, "t") && c.have))
			c.in_v = !xmlTextReaderIsEmptyElement(x);
		else if (at(x, XML_READER_TYPE_END_ELEMENT, "v") ||
		    at(x, XML_READER_TYPE_END_ELEMENT, "t"))
			c.in_v = false;
		else if (c.in_v && text_node(x))
			buf_adds(&c.v, (const char *)xmlTextReaderConstValue(x));
		else if (at(x, XML_READER_TYPE_END_ELEMENT, "c")) {
			if (sheet_cell(&c, err) != 0)
				break;
			c.have = false;
		} else if (at(x, XML_READER_TYPE_ELEMENT, "mergeCell")) {
			s = (char *)xmlTextReaderGetAttribute(x,
			    BAD_CAST "ref");
			if (s != NULL && merge_ref(s, &m)) {
				merges = xgrow(merges, &mcap, nmerges + 1,
				    sizeof *merges);
				merges[nmerges++] = m;
			}
			xmlFree(s);
			if (grid_count(&a->count, 1, 0, a->file, err) != 0)
				break;
		} else if (sheet_element(&c, x, err) != 0)
			break;
	}
	xmlFreeTextReader(x);
	free(data);
	buf_free(&c.v);
	if (rc == 1) {
		free(merges);
		return -1;
	}
	sort_rows(g);
	for (i = 0; i < nmerges && rc == 0; i++)
		if (sheet_merge(a, g, &merges[i], err) != 0)
			rc = 1;
	free(merges);
	return rc == 1 ? -1 : read_end(a, sr->path, rc, err);
}

int
ox_xlsx_grids(struct archive *a, struct grid **out, size_t *n, char **err)
{
	struct sheetref *sr;
	char **strings;
	size_t nsr, ns, i;
	int rc = 0;

	if (xlsx_sheets(a, &sr, &nsr, err) != 0) {
		sheetrefs_free(sr, nsr);
		return -1;
	}
	if (xlsx_strings(a, &strings, &ns, err) != 0)
		rc = -1;
	*out = xcalloc(nsr + 1, sizeof **out);
	for (i = 0; i < nsr && rc == 0; i++) {
		(*out)[i].number = (int)i + 1;
		*n = i + 1;
		rc = xlsx_sheet(a, &sr[i], strings, ns, &(*out)[i], err);
	}
	sheetrefs_free(sr, nsr);
	for (i = 0; i < ns; i++)
		free(strings[i]);
	free(strings);
	return rc;
}
