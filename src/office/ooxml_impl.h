/* SPDX-License-Identifier: ISC */
/* ooxml_impl.h: the Word and Excel reader's insides, shared by ooxml.c
 * (the archive, its parts and the XML helpers), ooxml_docx.c and
 * ooxml_xlsx.c.  Only parboard-office builds these. */
#ifndef PARBOARD_OOXML_IMPL_H
#define PARBOARD_OOXML_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <zip.h>
#include "grid.h"
#include "util.h"

#define XML_OPTS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
	XML_PARSE_NOCDATA)

struct archive {
	const char *file;
	zip_t *z;
	size_t inflated;	/* bytes of the parts inflated so far */
	struct grid_count count;	/* what the tables hold so far */
	long merged;		/* cells covered by merges so far */
	struct buf text;	/* a Word document's text (grid.h's "T") */
};

/* ooxml.c: the archive's parts and the XML helpers. */
/* Part name of a's archive as a tree, size-checked and refused when it
 * declares a document type; NULL with *err unless optional and absent. */
xmlDoc *ox_arc_tree(struct archive *a, const char *name, bool optional,
    char **err);
/* The same part streamed: *data holds its bytes until the reader is
 * freed. */
xmlTextReader *ox_arc_reader(struct archive *a, const char *name,
    bool optional, char **data, char **err);
/* n is an element of that local name. */
bool ox_is_el(const xmlNode *n, const char *name);
/* n's first child element of that local name, or NULL. */
xmlNode *ox_child(const xmlNode *n, const char *name);
/* An attribute by local name, whatever its namespace ("w:val"). */
const char *ox_attr(const xmlNode *n, const char *name);
/* A number as atoi reads it, but held within an int. */
int ox_int_of(const char *v);
/* Attribute name of n as a number, dflt when n or it is missing. */
int ox_attr_int(const xmlNode *n, const char *name, int dflt);
/* A new last row of g, within the limits. */
int ox_push_row(struct archive *a, struct grid *g, size_t *cap, int row,
    char **err);
/* Set cell col (0-based) of r, a row of g, widening the row with empty
 * cells; -1 when that passes a limit. */
int ox_row_set(struct archive *a, const struct grid *g, struct grid_row *r,
    size_t col, const char *text, unsigned span, char **err);

/* ooxml_docx.c: the tables of a Word document, its text in a->text. */
int ox_docx_grids(struct archive *a, struct grid **out, size_t *n, char **err);

/* ooxml_xlsx.c: the sheets of an Excel workbook. */
int ox_xlsx_grids(struct archive *a, struct grid **out, size_t *n, char **err);

#endif
