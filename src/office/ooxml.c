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
 * cell once for each cell it covers, checked before the cells are made.
 *
 * This file holds the archive, its parts and the XML helpers; the Word
 * tables are read in ooxml_docx.c, the Excel sheets in ooxml_xlsx.c. */
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

xmlDoc *
ox_arc_tree(struct archive *a, const char *name, bool optional, char **err)
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

bool
ox_is_el(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

xmlNode *
ox_child(const xmlNode *n, const char *name)
{
	xmlNode *c;

	for (c = n ? n->children : NULL; c != NULL; c = c->next)
		if (ox_is_el(c, name))
			return c;
	return NULL;
}

/* An attribute by local name, whatever its namespace ("w:val"). */
const char *
ox_attr(const xmlNode *n, const char *name)
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
int
ox_int_of(const char *v)
{
	long l = strtol(v, NULL, 10);

	return l > INT_MAX ? INT_MAX : l < INT_MIN ? INT_MIN : (int)l;
}

int
ox_attr_int(const xmlNode *n, const char *name, int dflt)
{
	const char *v = ox_attr(n, name);

	return v != NULL ? ox_int_of(v) : dflt;
}

/* A new last row of g, within the limits. */
int
ox_push_row(struct archive *a, struct grid *g, size_t *cap, int row,
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
int
ox_row_set(struct archive *a, const struct grid *g, struct grid_row *r,
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

xmlTextReader *
ox_arc_reader(struct archive *a, const char *name, bool optional, char **data,
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

int
ooxml_grids(const char *file, struct grid **out, size_t *n, char **text,
    char **err)
{
	struct archive a = { 0 };
	char *e = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	*text = NULL;
	rc = arc_open(&a, file, &e);
	if (rc == 0) {
		if (is_xlsx(file))
			rc = ox_xlsx_grids(&a, out, n, &e);
		else
			rc = ox_docx_grids(&a, out, n, &e);
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
		buf_free(&a.text);
	} else if (a.text.data != NULL)
		*text = buf_take(&a.text);
	return rc;
}
