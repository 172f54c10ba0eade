/* SPDX-License-Identifier: ISC */
/* ooxml.h: Word (.docx) and Excel (.xlsx) files as tables of cells.
 *
 * An OOXML file is a zip archive of XML parts: libzip opens it, libxml2
 * reads the parts (no network, no DTD, no entities: a part that declares
 * a document type is refused), with limits on every part's size and
 * compression ratio against zip bombs.  Each table of the document, or
 * each sheet of the workbook, becomes a struct grid (grid.h), which
 * the appendix reader searches for its header like any other table.
 * The tables are held to grid.h's limits as they are read, merged cells
 * counted once for each cell they cover.
 *
 * Only parboard-office (ooxml_main.c) links this: see office.h. */
#ifndef PARBOARD_OOXML_H
#define PARBOARD_OOXML_H

#include <stddef.h>

#include "grid.h"

/* Largest uncompressed part read (streamed), the largest one read as a
 * tree (whose nodes take several times its size), the most bytes all
 * parts together may inflate to, and the largest compression ratio
 * accepted for a part over OOXML_RATIO_FLOOR bytes. */
#define OOXML_MAX_PART (64L * 1024 * 1024)
#define OOXML_MAX_TREE (8L * 1024 * 1024)
#define OOXML_MAX_TOTAL (128L * 1024 * 1024)
#define OOXML_MAX_RATIO 200
#define OOXML_RATIO_FLOOR (1024L * 1024)
/* Widest table or sheet read, in columns; most sheets in a workbook. */
#define OOXML_MAX_COLS 256
#define OOXML_MAX_SHEETS 256

/* The tables of a .docx or the sheets of a .xlsx (told by the name's
 * ending), in order; *text the document's paragraphs, one a line, with
 * the cells of its layout tables (of at most two columns: the heading,
 * the signature) as lines, the left column first, or NULL for a .xlsx.
 * The text counts against the tables' limits.  On error returns -1 with
 * *err = "FILE: what" or "FILE: sheet NAME, row R, column C: what". */
int ooxml_grids(const char *file, struct grid **out, size_t *n,
    char **text, char **err);

#endif
