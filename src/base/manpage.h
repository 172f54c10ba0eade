/* SPDX-License-Identifier: ISC */
/* manpage.h: man page source from the texts of parboard's tables (the
 * options, cli_table.def; the settings, confread.c).  A text is written
 * in po4a's notation, so that the man pages' translators read the same:
 * B<bold>, I<italic>, roff escapes (\[u00E3], \(lq) kept, two spaces
 * between sentences. */
#ifndef PARBOARD_MANPAGE_H
#define PARBOARD_MANPAGE_H

#include <stdio.h>

/* text as roff lines: B<x> as \fBx\fR, I<x> as \fIx\fR, a hyphen inside
 * them as \-, a sentence per line (lines wrapped at spaces), a line never
 * starting with a control character.  Ends with a newline. */
void manpage_text(FILE *out, const char *text);

#endif
