/* SPDX-License-Identifier: ISC */
/* manpage.c: see manpage.h. */
#include <string.h>

#include "manpage.h"

/* Source lines are broken at a space past this many bytes. */
#define MANPAGE_WRAP 70

void
manpage_text(FILE *out, const char *text)
{
	const char *p;
	size_t col = 0;
	int font = 0;

	for (p = text; *p != '\0'; p++) {
		if (*p == ' ' && (p[1] == ' ' || p[1] == '\0' ||
		    col >= MANPAGE_WRAP)) {
			/* A sentence ends, or the line is long enough. */
			while (p[1] == ' ')
				p++;
			if (p[1] != '\0')
				fputc('\n', out);
			col = 0;
			continue;
		}
		if (col == 0 && (*p == '.' || *p == '\''))
			col += (size_t)fprintf(out, "\\&");
		if ((*p == 'B' || *p == 'I') && p[1] == '<' && !font &&
		    strchr(p, '>') != NULL) {
			font = *p++;
			col += (size_t)fprintf(out, "\\f%c", font);
		} else if (*p == '>' && font) {
			font = 0;
			col += (size_t)fprintf(out, "\\fR");
		} else if (*p == '-' && font) {
			col += (size_t)fprintf(out, "\\-");
		} else {
			fputc(*p, out);
			col++;
		}
	}
	fputc('\n', out);
}
