/* SPDX-License-Identifier: ISC */
/* ooxml.c: Word and Excel files, zip archive to tables of plain cells.
 *
 * Only the helper program parboard-office links this (and libzip and
 * libxml2): see office.h.
 *
 * A .docx is word/document.xml (paragraphs and tables, in order) with
 * word/numbering.xml for automatic numbering; a .xlsx is xl/workbook.xml
 * (the sheets, in order) with xl/_rels/workbook.xml.rels (where each
 * sheet is), xl/sharedStrings.xml and one part per sheet.  Small parts
 * are read as trees; sheets and shared strings, which grow with the
 * table, are streamed.  Every part is size-checked before it is
 * inflated, and refused when it declares a document type: OOXML never
 * does, and an entity bomb needs one.  The parser itself says whether a
 * part declares one (so that any encoding is seen), in its prolog, before
 * a declaration inside is read.
 *
 * What the tables hold is counted as it is stored (struct grid_count,
 * grid.h): a cell, a row, a table, a shared string, a merge; a merged
 * cell once for each cell it covers, checked before the cells are made. */
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

#define XML_OPTS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
	XML_PARSE_NOCDATA)
/* Excel's last row. */
#define XLSX_MAX_ROW 1048576

struct archive {
	const char *file;
	zip_t *z;
	size_t inflated;	/* bytes of the parts inflated so far */
	struct grid_count count;	/* what the tables hold so far */
	long merged;		/* cells covered by merges so far */
};

static bool
is_xlsx(const char *file)
{
	size_t n = strlen(file);

	return n > 5 && strcasecmp(file + n - 5, ".xlsx") == 0;
}

static int
arc_open(struct archive *a, const char *file, char **err)
{
	zip_error_t ze;
	int code = 0;

	a->file = file;
	a->z = zip_open(file, ZIP_RDONLY | ZIP_CHECKCONS, &code);
	if (a->z != NULL)
		return 0;
	if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS ||
	    code == ZIP_ER_NOENT || code == ZIP_ER_OPEN || code == ZIP_ER_READ) {
		zip_error_init_with_code(&ze, code);
		if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS)
			fail(err, "%s: %s", file, _("not a Word or Excel file, "
			    "or a damaged one (the zip archive cannot be "
			    "read)"));
		else
			fail(err, "%s: %s", file, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return -1;
	}
	zip_error_init_with_code(&ze, code);
	fail(err, "%s: %s: %s", file, _("damaged archive"),
	    zip_error_strerror(&ze));
	zip_error_fini(&ze);
	return -1;
}

/* The prolog check: a push parser with no handler but these, fed until
 * the root element starts or a document type is declared. */
struct prolog {
	xmlParserCtxt *ctxt;
	bool doctype, root;
};

static void
prolog_doctype(void *ctx, const xmlChar *name, const xmlChar *id,
    const xmlChar *sys)
{
	struct prolog *p = ctx;

	(void)name;
	(void)id;
	(void)sys;
	p->doctype = true;
	xmlStopParser(p->ctxt);
}

static void
prolog_root(void *ctx, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nattr, int ndef,
    const xmlChar **attrs)
{
	struct prolog *p = ctx;

	(void)local, (void)prefix, (void)uri, (void)nns, (void)ns;
	(void)nattr, (void)ndef, (void)attrs;
	p->root = true;
	xmlStopParser(p->ctxt);
}

static void
prolog_quiet(void *ctx, xmlError *e)
{
	(void)ctx;
	(void)e;
}

/* 1 when the part d[0..n) declares a document type, in whatever
 * encoding it is written; -1 when no root element starts (the prolog
 * cannot be read); else 0. */
static int
has_doctype(const char *d, size_t n)
{
	xmlSAXHandler sax;
	struct prolog p = { 0 };
	size_t off, chunk = 4096;

	memset(&sax, 0, sizeof sax);
	sax.initialized = XML_SAX2_MAGIC;
	sax.internalSubset = prolog_doctype;
	sax.externalSubset = prolog_doctype;
	sax.startElementNs = prolog_root;
	sax.serror = prolog_quiet;
	p.ctxt = xmlCreatePushParserCtxt(&sax, &p, d, n < 4 ? (int)n : 4,
	    NULL);
	if (p.ctxt == NULL)
		return -1;
	xmlCtxtUseOptions(p.ctxt, XML_OPTS);
	for (off = n < 4 ? n : 4; !p.doctype && !p.root; off += chunk) {
		if (off >= n) {
			xmlParseChunk(p.ctxt, NULL, 0, 1);
			break;
		}
		if (xmlParseChunk(p.ctxt, d + off, (int)(n - off < chunk ?
		    n - off : chunk), 0) != 0)
			break;
	}
	xmlFreeParserCtxt(p.ctxt);
	return p.doctype ? 1 : p.root ? 0 : -1;
}

/* Inflate one part, within the limits.  A missing optional part gives 0
 * with *data NULL. */
static int
arc_part(struct archive *a, const char *name, bool optional, size_t max,
    char **data, size_t *len, char **err)
{
	zip_stat_t st;
	zip_file_t *f;
	zip_int64_t n;
	char *d, extra;
	int doctype;

	*data = NULL;
	*len = 0;
	zip_stat_init(&st);
	if (zip_stat(a->z, name, 0, &st) != 0) {
		if (optional)
			return 0;
		return fail(err, "%s: %s", a->file, _("not a Word or Excel "
		    "file: a part is missing from the archive"));
	}
	if (!(st.valid & ZIP_STAT_SIZE) || st.size > (zip_uint64_t)max)
		return fail(err, _("%s: part %s is too large (more than %ld "
		    "bytes once uncompressed)"), a->file, name, (long)max);
	if (st.size > (zip_uint64_t)(OOXML_MAX_TOTAL - a->inflated))
		return fail(err, _("%s: its parts hold more than %ld bytes "
		    "once uncompressed"), a->file, OOXML_MAX_TOTAL);
	a->inflated += (size_t)st.size;
	if ((st.valid & ZIP_STAT_COMP_SIZE) && st.size > (zip_uint64_t)
	    OOXML_RATIO_FLOOR && st.size / (st.comp_size + 1) >
	    OOXML_MAX_RATIO)
		return fail(err, _("%s: part %s expands more than %d times "
		    "(a zip bomb?)"), a->file, name, OOXML_MAX_RATIO);
	if ((f = zip_fopen(a->z, name, 0)) == NULL)
		return fail(err, "%s: %s: %s", a->file, _("damaged archive"),
		    zip_strerror(a->z));
	d = xmalloc((size_t)st.size + 1);
	n = zip_fread(f, d, st.size);
	if (n < 0 || (zip_uint64_t)n != st.size ||
	    zip_fread(f, &extra, 1) != 0) {
		fail(err, "%s: %s: %s", a->file, _("damaged archive"),
		    zip_file_strerror(f));
		zip_fclose(f);
		free(d);
		return -1;
	}
	if (zip_fclose(f) != 0) {
		free(d);
		return fail(err, "%s: %s: %s", a->file, _("damaged archive"),
		    name);
	}
	d[n] = '\0';
	if ((doctype = has_doctype(d, (size_t)n)) != 0) {
		free(d);
		if (doctype < 0)
			return fail(err, _("%s: part %s is not well-formed "
			    "XML"), a->file, name);
		return fail(err, _("%s: part %s declares a document type or "
		    "entities, which Word and Excel never write; refused"),
		    a->file, name);
	}
	*data = d;
	*len = (size_t)n;
	return 0;
}

static xmlDoc *
arc_tree(struct archive *a, const char *name, bool optional, char **err)
{
	xmlDoc *doc;
	char *d;
	size_t n;

	if (arc_part(a, name, optional, OOXML_MAX_TREE, &d, &n, err) != 0 ||
	    d == NULL)
		return NULL;
	doc = xmlReadMemory(d, (int)n, name, NULL, XML_OPTS);
	free(d);
	if (doc == NULL)
		fail(err, _("%s: part %s is not well-formed XML"), a->file,
		    name);
	return doc;
}

static bool
is_el(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

static xmlNode *
child(const xmlNode *n, const char *name)
{
	xmlNode *c;

	for (c = n ? n->children : NULL; c != NULL; c = c->next)
		if (is_el(c, name))
			return c;
	return NULL;
}

/* An attribute by local name, whatever its namespace ("w:val"). */
static const char *
attr(const xmlNode *n, const char *name)
{
	xmlAttr *p;

	if (n == NULL)
		return NULL;
	for (p = n->properties; p != NULL; p = p->next)
		if (strcmp((const char *)p->name, name) == 0 &&
		    p->children != NULL && p->children->content != NULL)
			return (const char *)p->children->content;
	return NULL;
}

/* A number as atoi reads it, but held within an int. */
static int
int_of(const char *v)
{
	long l = strtol(v, NULL, 10);

	return l > INT_MAX ? INT_MAX : l < INT_MIN ? INT_MIN : (int)l;
}

static int
attr_int(const xmlNode *n, const char *name, int dflt)
{
	const char *v = attr(n, name);

	return v != NULL ? int_of(v) : dflt;
}

/* A new last row of g, within the limits. */
static int
push_row(struct archive *a, struct grid *g, size_t *cap, int row,
    char **err)
{
	struct grid_row *r;

	if (grid_check_rows(g, g->nrows + 1, a->file, err) != 0 ||
	    grid_count(&a->count, 1, 0, a->file, err) != 0)
		return -1;
	g->rows = xgrow(g->rows, cap, g->nrows + 1, sizeof *g->rows);
	r = &g->rows[g->nrows++];
	memset(r, 0, sizeof *r);
	r->row = row;
	return 0;
}

/* Set cell col (0-based) of r, a row of g, widening the row with empty
 * cells; -1 when that passes a limit. */
static int
row_set(struct archive *a, const struct grid *g, struct grid_row *r,
    size_t col, const char *text, unsigned span, char **err)
{
	size_t k, len = strlen(text);

	if (grid_check_cell(g, r->row, col, len, a->file, err) != 0 ||
	    grid_count(&a->count, col >= r->ncells ? (long)(col + 1 -
	    r->ncells) : 0, len, a->file, err) != 0)
		return -1;
	if (col >= r->ncells) {
		r->cells = xrealloc(r->cells, (col + 1) * sizeof *r->cells);
		r->span = xrealloc(r->span, col + 1);
		for (k = r->ncells; k <= col; k++) {
			r->cells[k] = xstrdup("");
			r->span[k] = SPAN_NONE;
		}
		r->ncells = col + 1;
	}
	free(r->cells[col]);
	r->cells[col] = xstrndup(text, len);
	r->span[col] = (unsigned char)span;
	return 0;
}

/* Word ------------------------------------------------------------------ */

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
		if (is_el(n, "num") && attr_int(n, "numId", -1) == numid)
			absid = attr_int(child(n, "abstractNumId"), "val", -1);
	for (n = root->children; n != NULL && abs == NULL; n = n->next)
		if (is_el(n, "abstractNum") &&
		    attr_int(n, "abstractNumId", -2) == absid)
			abs = n;
	for (l = abs ? abs->children : NULL; l != NULL; l = l->next)
		if (is_el(l, "lvl") && attr_int(l, "ilvl", -1) == ilvl)
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
	const char *fmt = attr(child(l, "numFmt"), "val"), *t, *p;
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
		ns->lists[i].val[ilvl] = attr_int(child(l, "start"), "val", 1);
	ns->lists[i].started[ilvl] = true;
	for (k = ilvl + 1; k < 9; k++)
		ns->lists[i].started[k] = false;
	t = attr(child(l, "lvlText"), "val");
	for (p = t ? t : "%1."; *p != '\0'; p++) {
		if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
			k = p[1] - '1';
			ll = num_level(ns, numid, k);
			if (!num_format(&b, attr(child(ll, "numFmt"), "val"),
			    ns->lists[i].started[k] ? ns->lists[i].val[k] :
			    attr_int(child(ll, "start"), "val", 1))) {
				*what = attr(child(ll, "numFmt"), "val");
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
		if (is_el(c, "t")) {
			t = xmlNodeGetContent(c);
			if (t != NULL)
				buf_adds(b, (const char *)t);
			xmlFree(t);
		} else if (is_el(c, "tab"))
			buf_addc(b, ' ');
		else if (is_el(c, "br") || is_el(c, "cr"))
			buf_addc(b, '\n');
		else if (!is_el(c, "pPr") && !is_el(c, "rPr") &&
		    !is_el(c, "del") && !is_el(c, "instrText"))
			para_runs(c, b);
	}
}

/* A paragraph's text with its number; *autonum set to the format name
 * when Word numbers it in a way not computed. */
static char *
para_text(const xmlNode *p, struct numstate *ns, const char **autonum)
{
	xmlNode *np = child(child(p, "pPr"), "numPr");
	struct buf b = { 0 };
	char *label = NULL;
	const char *what;
	int numid = attr_int(child(np, "numId"), "val", 0);

	if (np != NULL && numid > 0) {
		label = num_label(ns, numid,
		    attr_int(child(np, "ilvl"), "val", 0), &what);
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
		if (is_el(c, "p")) {
			t = para_text(c, ns, autonum);
			if (b->len > 0)
				buf_addc(b, '\n');
			buf_adds(b, t);
			free(t);
		} else if (c->type == XML_ELEMENT_NODE && !is_el(c, "tcPr"))
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

	v = attr_int(child(child(tr, "trPr"), "gridBefore"), "val", 0);
	col = v > 0 ? (size_t)v : 0;
	for (tc = tr->children; tc != NULL && rc == 0; tc = tc->next) {
		if (!is_el(tc, "tc"))
			continue;
		pr = child(tc, "tcPr");
		v = attr_int(child(pr, "gridSpan"), "val", 1);
		span = v > 1 ? (size_t)v : 1;
		if (col >= OOXML_MAX_COLS || span > OOXML_MAX_COLS - col)
			break;
		vm = child(pr, "vMerge");
		val = attr(vm, "val");
		autonum = NULL;
		if (vm != NULL && (val == NULL || strcmp(val, "continue") == 0))
			rc = row_set(a, g, r, col, above != NULL &&
			    col < above->ncells ? above->cells[col] : "",
			    SPAN_DOWN, err);
		else {
			cell_text(tc, ns, &b, &autonum);
			t = buf_take(&b);
			rc = row_set(a, g, r, col, autonum ? autonum : t,
			    autonum ? SPAN_AUTONUM : SPAN_NONE, err);
			free(t);
		}
		for (k = 1; k < span && rc == 0; k++)
			rc = row_set(a, g, r, col + k, r->cells[col],
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
		if (!is_el(tr, "tr"))
			continue;
		if (push_row(a, g, &cap, ++rowno, err) != 0 ||
		    docx_row(a, tr, ns, g, err) != 0)
			return -1;
	}
	return 0;
}

/* The body's tables in order; each gets the last paragraph above it. */
static int
docx_body(struct archive *a, const xmlNode *n, struct numstate *ns,
    struct grid **g, size_t *ng, size_t *cap, char **last, char **err)
{
	const xmlNode *c;
	const char *autonum;
	char *t;

	for (c = n->children; c != NULL; c = c->next) {
		if (is_el(c, "p")) {
			autonum = NULL;
			t = para_text(c, ns, &autonum);
			if (t[0] != '\0') {
				free(*last);
				*last = t;
			} else
				free(t);
		} else if (is_el(c, "tbl")) {
			if (grid_count(&a->count, 1, 0, a->file, err) != 0)
				return -1;
			*g = xgrow(*g, cap, *ng + 1, sizeof **g);
			memset(&(*g)[*ng], 0, sizeof **g);
			(*g)[*ng].number = (int)*ng + 1;
			(*g)[*ng].title = *last;
			*last = NULL;
			if (docx_table(a, c, ns, &(*g)[(*ng)++], err) != 0)
				return -1;
		} else if ((is_el(c, "sdt") || is_el(c, "sdtContent") ||
		    is_el(c, "customXml")) &&
		    docx_body(a, c, ns, g, ng, cap, last, err) != 0)
			return -1;
	}
	return 0;
}

static int
docx_grids(struct archive *a, struct grid **out, size_t *n, char **err)
{
	struct numstate ns = { 0 };
	xmlDoc *doc;
	xmlNode *body;
	size_t cap = 0;
	char *last = NULL;
	int rc = 0;

	if ((doc = arc_tree(a, "word/document.xml", false, err)) == NULL)
		return -1;
	ns.doc = arc_tree(a, "word/numbering.xml", true, err);
	if (ns.doc == NULL && *err != NULL) {
		xmlFreeDoc(doc);
		return -1;
	}
	body = child(xmlDocGetRootElement(doc), "body");
	if (body != NULL)
		rc = docx_body(a, body, &ns, out, n, &cap, &last, err);
	free(last);
	free(ns.lists);
	if (ns.doc != NULL)
		xmlFreeDoc(ns.doc);
	xmlFreeDoc(doc);
	return rc;
}

/* Excel ----------------------------------------------------------------- */

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
	if ((wb = arc_tree(a, "xl/workbook.xml", false, err)) == NULL)
		return -1;
	if ((rels = arc_tree(a, "xl/_rels/workbook.xml.rels", false,
	    err)) == NULL) {
		xmlFreeDoc(wb);
		return -1;
	}
	s = child(child(xmlDocGetRootElement(wb), "sheets"), "sheet");
	for (; s != NULL; s = s->next) {
		if (!is_el(s, "sheet") || (id = attr(s, "id")) == NULL)
			continue;
		if (*n == OOXML_MAX_SHEETS) {
			fail(err, _("%s: more than %d sheets"), a->file,
			    OOXML_MAX_SHEETS);
			break;
		}
		target = NULL;
		for (r = xmlDocGetRootElement(rels)->children; r != NULL;
		    r = r->next)
			if (is_el(r, "Relationship") && attr(r, "Id") &&
			    strcmp(attr(r, "Id"), id) == 0)
				target = attr(r, "Target");
		if (target == NULL)
			continue;
		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		(*out)[*n].name = xstrdup(attr(s, "name") ? attr(s, "name") :
		    "");
		(*out)[(*n)++].path = target[0] == '/' ? xstrdup(target + 1) :
		    xasprintf("xl/%s", target);
		if (same_part(a, *out, *n, err) != 0)
			break;
	}
	xmlFreeDoc(rels);
	xmlFreeDoc(wb);
	return *err != NULL ? -1 : 0;
}

static xmlTextReader *
arc_reader(struct archive *a, const char *name, bool optional, char **data,
    char **err)
{
	xmlTextReader *x;
	size_t n;

	if (arc_part(a, name, optional, OOXML_MAX_PART, data, &n, err) != 0 ||
	    *data == NULL)
		return NULL;
	x = xmlReaderForMemory(*data, (int)n, name, NULL, XML_OPTS);
	if (x == NULL) {
		free(*data);
		*data = NULL;
		fail(err, _("%s: part %s is not well-formed XML"), a->file,
		    name);
	}
	return x;
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
	if ((x = arc_reader(a, part, true, &data, err)) == NULL)
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
			appendix_col_name(c->col, colname);
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
	rc = t[0] != '\0' ? row_set(c->a, c->g, r, c->col, t, SPAN_NONE,
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
		row = s ? int_of(s) : (c->g->nrows > 0 ?
		    c->g->rows[c->g->nrows - 1].row + 1 : 1);
		xmlFree(s);
		if (row < 1 || row > XLSX_MAX_ROW)
			return fail(err, _("%s: sheet %s: row %d is not a row "
			    "of a worksheet"), c->a->file, c->g->name, row);
		c->row = row;
		if (push_row(c->a, c->g, &c->rowcap, row, err) != 0)
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
			appendix_col_name(col, colname);
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
			if (row_set(a, g, r, col, text, col == m->c1 ?
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
	if ((x = arc_reader(a, sr->path, false, &data, err)) == NULL)
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

static int
xlsx_grids(struct archive *a, struct grid **out, size_t *n, char **err)
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

int
ooxml_grids(const char *file, struct grid **out, size_t *n, char **err)
{
	struct archive a = { 0 };
	char *e = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	rc = arc_open(&a, file, &e);
	if (rc == 0) {
		if (is_xlsx(file))
			rc = xlsx_grids(&a, out, n, &e);
		else
			rc = docx_grids(&a, out, n, &e);
		zip_discard(a.z);
	}
	if (err != NULL)
		*err = e;
	else
		free(e);
	if (rc != 0) {
		grids_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}
