/* SPDX-License-Identifier: ISC */
/* office.h: importing Word (.docx) and Excel (.xlsx) files.
 *
 * Reading them needs libzip and libxml2, which bring libcrypto, ICU and
 * the C++ library with them: linked into parboard they cost every start
 * of the board about 2 ms and 4 MB, for a reader used at import only.
 * So a separate program, parboard-office (ooxml_main.c, installed in
 * PKGLIBEXECDIR), reads the file and writes its tables to a pipe in
 * grid.h's format; office_read runs it and parses the tables here.  A
 * damaged or hostile file is also parsed in a process of its own, with
 * the user's rights only (priv.h gives the group up before import).
 *
 * The program in the build tree runs the helper beside it, so that
 * src/parboard imports before `make install`; $PARBOARD_OFFICE names
 * another one (ignored when running with privilege).
 *
 * A hostile file cannot exhaust the server (issue 16): the helper holds
 * its tables to grid.h's limits (those of text input), limits its own
 * address space to OFFICE_MAX_MEMORY_MB and its processor time to
 * OFFICE_MAX_SECONDS, and office_read stops it after OFFICE_MAX_SECONDS
 * of wall-clock time. */
#ifndef PARBOARD_OFFICE_H
#define PARBOARD_OFFICE_H

#include <stdbool.h>

#include "grid.h"

#define OFFICE_MAX_SECONDS 10
#define OFFICE_MAX_MEMORY_MB 256
/* The helper's exit status when its memory ran out. */
#define OFFICE_EXIT_MEMORY 3

/* True when the file name ends in .docx or .xlsx (any case). */
bool office_is_office(const char *file);

/* Read the tables (or sheets) of file with parboard-office into
 * *out[0..*n) (free with grids_free), and a Word document's text, one
 * paragraph a line, into *text (NULL for a workbook; free it).  On
 * error returns -1 with *err = "FILE: what". */
int office_read(const char *file, struct grid **out, size_t *n,
    char **text, char **err);

#endif
