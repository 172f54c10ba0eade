/* SPDX-License-Identifier: ISC */
/* ooxml_docx.c: a Word document's tables, in order, each cell's
 * paragraphs as plain text with their automatic numbering
 * (word/numbering.xml) written out as Word shows it. */
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

/* Word's automatic numbering: counters per list, formats per level. */
struct numstate {
	xmlDoc *doc;		/* numbering.xml or NULL */
	struct {
		int id;
		int val[9];
		bool started[9];
	} *lists;
	size_t nlists, cap;
};

static xmlNode *
num_level(const struct numstate *ns, int numid, int ilvl)
{
	xmlNode *root, *n, *abs = NULL, *l;
	int absid = -1;

	if (ns->doc == NULL || (root = xmlDocGetRootElement(ns->doc)) == NULL)
		return NULL;
	for (n = root->children; n != NULL; n = n->next)
		if (ox_is_el(n, "num") && ox_attr_int(n, "numId", -1) == numid)
			absid = ox_attr_int(ox_child(n, "abstractNumId"),
			    "val", -1);
	for (n = root->children; n != NULL && abs == NULL; n = n->next)
		if (ox_is_el(n, "abstractNum") &&
		    ox_attr_int(n, "abstractNumId", -2) == absid)
			abs = n;
	for (l = abs ? abs->children : NULL; l != NULL; l = l->next)
		if (ox_is_el(l, "lvl") && ox_attr_int(l, "ilvl", -1) == ilvl)
			return l;
	return NULL;
}

static void
roman(struct buf *b, int v, bool upper)
{
	static const int val[] = { 1000, 900, 500, 400, 100, 90, 50, 40, 10,
	    9, 5, 4, 1 };
	static const char *const sym[] = { "M", "CM", "D", "CD", "C", "XC",
	    "L", "XL", "X", "IX", "V", "IV", "I" };
	size_t i;
	const char *s;

	for (i = 0; i < 13 && v > 0 && v < 4000; i++)
		for (; v >= val[i]; v -= val[i])
			for (s = sym[i]; *s != '\0'; s++)
				buf_addc(b, upper ? *s : (char)(*s + 32));
}

/* One counter in the level's format; false when the format is not one
 * computed here. */
static bool
num_format(struct buf *b, const char *fmt, int v)
{
	if (fmt == NULL || strcmp(fmt, "decimal") == 0)
		buf_addf(b, "%d", v);
	else if (strcmp(fmt, "decimalZero") == 0)
		buf_addf(b, "%02d", v);
	else if (strcmp(fmt, "upperRoman") == 0 ||
	    strcmp(fmt, "lowerRoman") == 0)
		roman(b, v, fmt[0] == 'u');
	else if ((strcmp(fmt, "upperLetter") == 0 ||
	    strcmp(fmt, "lowerLetter") == 0) && v >= 1 && v <= 26)
		buf_addc(b, (char)((fmt[0] == 'u' ? 'A' : 'a') + v - 1));
	else
		return false;
	return true;
}

/* The label Word shows for a numbered paragraph, or NULL with *what the
 * format it cannot compute. */
static char *
num_label(struct numstate *ns, int numid, int ilvl, const char **what)
{
	xmlNode *l = num_level(ns, numid, ilvl), *ll;
	struct buf b = { 0 };
	const char *fmt = ox_attr(ox_child(l, "numFmt"), "val"), *t, *p;
	size_t i;
	int k;

	*what = fmt != NULL ? fmt : "unknown";
	if (l == NULL || ilvl < 0 || ilvl > 8)
		return NULL;
	if (fmt != NULL && strcmp(fmt, "bullet") == 0)
		return xstrdup("-");
	if (fmt != NULL && strcmp(fmt, "none") == 0)
		return xstrdup("");
	for (i = 0; i < ns->nlists && ns->lists[i].id != numid; i++)
		;
	if (i == ns->nlists) {
		ns->lists = xgrow(ns->lists, &ns->cap, i + 1,
		    sizeof *ns->lists);
		memset(&ns->lists[i], 0, sizeof ns->lists[i]);
		ns->lists[i].id = numid;
		ns->nlists++;
	}
	if (ns->lists[i].started[ilvl] && ns->lists[i].val[ilvl] < INT_MAX)
		ns->lists[i].val[ilvl]++;
	else
		ns->lists[i].val[ilvl] = ox_attr_int(ox_child(l, "start"),
		    "val", 1);
	ns->lists[i].started[ilvl] = true;
	for (k = ilvl + 1; k < 9; k++)
		ns->lists[i].started[k] = false;
	t = ox_attr(ox_child(l, "lvlText"), "val");
	for (p = t ? t : "%1."; *p != '\0'; p++) {
		if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
			k = p[1] - '1';
			ll = num_level(ns, numid, k);
			if (!num_format(&b,
			    ox_attr(ox_child(ll, "numFmt"), "val"),
			    ns->lists[i].started[k] ? ns->lists[i].val[k] :
			    ox_attr_int(ox_child(ll, "start"), "val", 1))) {
				*what = ox_attr(ox_child(ll, "numFmt"), "val");
				buf_free(&b);
				return NULL;
			}
			p++;
		} else
			buf_addc(&b, *p);
	}
	return buf_take(&b);
}

/* The runs of a paragraph: text, tabs as spaces, breaks as newlines. */
static void
para_runs(const xmlNode *n, struct buf *b)
{
	const xmlNode *c;
	xmlChar *t;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (ox_is_el(c, "t")) {
			t = xmlNodeGetContent(c);
			if (t != NULL)
				buf_adds(b, (const char *)t);
			xmlFree(t);
		} else if (ox_is_el(c, "tab"))
			buf_addc(b, ' ');
		else if (ox_is_el(c, "br") || ox_is_el(c, "cr"))
			buf_addc(b, '\n');
		else if (!ox_is_el(c, "pPr") && !ox_is_el(c, "rPr") &&
		    !ox_is_el(c, "del") && !ox_is_el(c, "instrText"))
			para_runs(c, b);
	}
}

/* A paragraph's text with its number; *autonum set to the format name
 * when Word numbers it in a way not computed. */
static char *
para_text(const xmlNode *p, struct numstate *ns, const char **autonum)
{
	xmlNode *np = ox_child(ox_child(p, "pPr"), "numPr");
	struct buf b = { 0 };
	char *label = NULL;
	const char *what;
	int numid = ox_attr_int(ox_child(np, "numId"), "val", 0);

	if (np != NULL && numid > 0) {
		label = num_label(ns, numid,
		    ox_attr_int(ox_child(np, "ilvl"), "val", 0), &what);
		if (label == NULL)
			*autonum = what;
	}
	para_runs(p, &b);
	if (label != NULL && label[0] != '\0') {
		char *text = buf_take(&b);

		buf_adds(&b, label);
		if (text[0] != '\0')
			buf_addc(&b, ' ');
		buf_adds(&b, text);
		free(text);
	}
	free(label);
	return buf_take(&b);
}

/* A cell's paragraphs (and those of tables nested in it), one a line. */
static void
cell_text(const xmlNode *n, struct numstate *ns, struct buf *b,
    const char **autonum)
{
	const xmlNode *c;
	char *t;

	for (c = n->children; c != NULL; c = c->next) {
		if (ox_is_el(c, "p")) {
			t = para_text(c, ns, autonum);
			if (b->len > 0)
				buf_addc(b, '\n');
			buf_adds(b, t);
			free(t);
		} else if (c->type == XML_ELEMENT_NODE && !ox_is_el(c, "tcPr"))
			cell_text(c, ns, b, autonum);
	}
}

/* One row of a Word table into r, the last row of g. */
static int
docx_row(struct archive *a, const xmlNode *tr, struct numstate *ns,
    struct grid *g, char **err)
{
	struct grid_row *r = &g->rows[g->nrows - 1];
	const struct grid_row *above = g->nrows > 1 ? r - 1 : NULL;
	const xmlNode *tc, *pr, *vm;
	struct buf b = { 0 };
	const char *autonum, *val;
	size_t col, k, span;
	int rc = 0, v;
	char *t;

	v = ox_attr_int(ox_child(ox_child(tr, "trPr"), "gridBefore"), "val", 0);
	col = v > 0 ? (size_t)v : 0;
	for (tc = tr->children; tc != NULL && rc == 0; tc = tc->next) {
		if (!ox_is_el(tc, "tc"))
			continue;
		pr = ox_child(tc, "tcPr");
		v = ox_attr_int(ox_child(pr, "gridSpan"), "val", 1);
		span = v > 1 ? (size_t)v : 1;
		if (col >= OOXML_MAX_COLS || span > OOXML_MAX_COLS - col)
			break;
		vm = ox_child(pr, "vMerge");
		val = ox_attr(vm, "val");
		autonum = NULL;
		if (vm != NULL && (val == NULL || strcmp(val, "continue") == 0))
			rc = ox_row_set(a, g, r, col, above != NULL &&
			    col < above->ncells ? above->cells[col] : "",
			    SPAN_DOWN, err);
		else {
			cell_text(tc, ns, &b, &autonum);
			t = buf_take(&b);
			rc = ox_row_set(a, g, r, col, autonum ? autonum : t,
			    autonum ? SPAN_AUTONUM : SPAN_NONE, err);
			free(t);
		}
		for (k = 1; k < span && rc == 0; k++)
			rc = ox_row_set(a, g, r, col + k, r->cells[col],
			    SPAN_RIGHT, err);
		col += span;
	}
	buf_free(&b);
	return rc;
}

static int
docx_table(struct archive *a, const xmlNode *tbl, struct numstate *ns,
    struct grid *g, char **err)
{
	const xmlNode *tr;
	size_t cap = 0;
	int rowno = 0;

	for (tr = tbl->children; tr != NULL; tr = tr->next) {
		if (!ox_is_el(tr, "tr"))
			continue;
		if (ox_push_row(a, g, &cap, ++rowno, err) != 0 ||
		    docx_row(a, tr, ns, g, err) != 0)
			return -1;
	}
	return 0;
}

/* One line of the document's text, counted as a piece of the tables. */
static int
text_line(struct archive *a, const char *t, char **err)
{
	if (grid_count(&a->count, 1, strlen(t), a->file, err) != 0)
		return -1;
	buf_adds(&a->text, t);
	buf_addc(&a->text, '\n');
	return 0;
}

/* A layout table's cells (at most two a row, as the heading or the
 * signature is laid out) as lines, the left column before the right;
 * nothing of a table of data. */
static int
text_table(struct archive *a, const struct grid *g, char **err)
{
	size_t i, col, ncols = 0;

	for (i = 0; i < g->nrows; i++)
		if (g->rows[i].ncells > ncols)
			ncols = g->rows[i].ncells;
	if (ncols > 2)
		return 0;
	for (col = 0; col < ncols; col++)
		for (i = 0; i < g->nrows; i++)
			if (col < g->rows[i].ncells &&
			    g->rows[i].span[col] == SPAN_NONE &&
			    text_line(a, g->rows[i].cells[col], err) != 0)
				return -1;
	return 0;
}

/* The body's tables in order; each gets the last paragraph above it.
 * The paragraphs and layout tables also go to a->text. */
static int
docx_body(struct archive *a, const xmlNode *n, struct numstate *ns,
    struct grid **g, size_t *ng, size_t *cap, char **last, char **err)
{
	const xmlNode *c;
	const char *autonum;
	char *t;

	for (c = n->children; c != NULL; c = c->next) {
		if (ox_is_el(c, "p")) {
			autonum = NULL;
			t = para_text(c, ns, &autonum);
			if (text_line(a, t, err) != 0) {
				free(t);
				return -1;
			}
			if (t[0] != '\0') {
				free(*last);
				*last = t;
			} else
				free(t);
		} else if (ox_is_el(c, "tbl")) {
			if (grid_count(&a->count, 1, 0, a->file, err) != 0)
				return -1;
			*g = xgrow(*g, cap, *ng + 1, sizeof **g);
			memset(&(*g)[*ng], 0, sizeof **g);
			(*g)[*ng].number = (int)*ng + 1;
			(*g)[*ng].title = *last;
			*last = NULL;
			if (docx_table(a, c, ns, &(*g)[(*ng)++], err) != 0 ||
			    text_table(a, &(*g)[*ng - 1], err) != 0)
				return -1;
		} else if ((ox_is_el(c, "sdt") || ox_is_el(c, "sdtContent") ||
		    ox_is_el(c, "customXml")) &&
		    docx_body(a, c, ns, g, ng, cap, last, err) != 0)
			return -1;
	}
	return 0;
}

int
ox_docx_grids(struct archive *a, struct grid **out, size_t *n, char **err)
{
	struct numstate ns = { 0 };
	xmlDoc *doc;
	xmlNode *body;
	size_t cap = 0;
	char *last = NULL;
	int rc = 0;

	if ((doc = ox_arc_tree(a, "word/document.xml", false, err)) == NULL)
		return -1;
	ns.doc = ox_arc_tree(a, "word/numbering.xml", true, err);
	if (ns.doc == NULL && *err != NULL) {
		xmlFreeDoc(doc);
		return -1;
	}
	body = ox_child(xmlDocGetRootElement(doc), "body");
	if (body != NULL)
		rc = docx_body(a, body, &ns, out, n, &cap, &last, err);
	free(last);
	free(ns.lists);
	if (ns.doc != NULL)
		xmlFreeDoc(ns.doc);
	xmlFreeDoc(doc);
	return rc;
}
