/* SPDX-License-Identifier: ISC */
/* office.h: Word (.docx) and Excel (.xlsx) files as tables of cells.
 *
 * An OOXML file is a zip archive of XML parts: libzip opens it, libxml2
 * reads the parts (no network, no DTD, no entities: a part that declares
 * a document type is refused), with limits on every part's size and
 * compression ratio against zip bombs.  Each table of the document, or
 * each sheet of the workbook, becomes a struct grid (appendix.h), which
 * the appendix reader searches for its header like any other table. */
#ifndef PARBOARD_OFFICE_H
#define PARBOARD_OFFICE_H

#include <stdbool.h>
#include <stddef.h>

#include "appendix.h"

/* Largest uncompressed part read, and the largest compression ratio
 * accepted for a part over OFFICE_RATIO_FLOOR bytes. */
#define OFFICE_MAX_PART (64L * 1024 * 1024)
#define OFFICE_MAX_RATIO 200
#define OFFICE_RATIO_FLOOR (1024L * 1024)
/* Widest table or sheet read, in columns. */
#define OFFICE_MAX_COLS 256

/* True when the file name ends in .docx or .xlsx (any case). */
bool office_is_office(const char *file);

/* The tables of a .docx or the sheets of a .xlsx, in order.  On error
 * returns -1 with *err = "FILE: what" or "FILE: sheet NAME, row R, column
 * C: what". */
int office_grids(const char *file, struct grid **out, size_t *n,
    char **err);

/* Read file and parse the appendix (or directives table) it holds:
 * office_grids, then appendix_parse_grids. */
int office_read(const char *file, struct appendix **out, char **err);

#endif
