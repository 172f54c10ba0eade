/* SPDX-License-Identifier: ISC */
/* output.c: format escaping for the human outputs (see output.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "text.h"

void
out_csv_bom(FILE *out)
{
	fputs("\xef\xbb\xbf", out);
}

/* "-0,5", "+1", "12", "3.25": a number, not a formula. */
static bool
looks_number(const char *s)
{
	size_t digits = 0, marks = 0;

	if (*s == '-' || *s == '+')
		s++;
	for (; *s != '\0'; s++) {
		if (isdigit((unsigned char)*s))
			digits++;
		else if ((*s == ',' || *s == '.') && marks++ == 0)
			continue;
		else
			return false;
	}
	return digits > 0;
}

void
out_csv_cell(FILE *out, const char *s, bool last)
{
	char *safe;
	const char *p;
	bool guard;

	if (s == NULL)
		s = "";
	guard = strchr("=+-@\t\r", *s) != NULL && *s != '\0' &&
	    !looks_number(s);
	safe = text_safe(s, true);
	if (guard || strpbrk(safe, ",\"\r\n;") != NULL || *safe == ' ') {
		fputc('"', out);
		if (guard)
			fputc('\'', out);
		for (p = safe; *p != '\0'; p++) {
			if (*p == '"')
				fputc('"', out);
			fputc(*p, out);
		}
		fputc('"', out);
	} else
		fputs(safe, out);
	fputs(last ? "\r\n" : ",", out);
	free(safe);
}

void
out_safe(struct buf *b, const char *s, bool multiline)
{
	char *safe = text_safe(s != NULL ? s : "", multiline);

	buf_adds(b, safe);
	free(safe);
}

void
out_md_cell(struct buf *b, const char *s)
{
	char *safe = text_safe(s != NULL ? s : "", true);
	const char *p;

	for (p = safe; *p != '\0'; p++) {
		if (*p == '|')
			buf_adds(b, "\\|");
		else if (*p == '\n')
			buf_adds(b, "<br>");
		else if (*p == '\\' || *p == '*' || *p == '_' || *p == '`' ||
		    *p == '<' || *p == '[')
			buf_addf(b, "\\%c", *p);
		else
			buf_addc(b, *p);
	}
	free(safe);
}

void
out_html(struct buf *b, const char *s)
{
	char *safe = text_safe(s != NULL ? s : "", true);
	const char *p;

	for (p = safe; *p != '\0'; p++) {
		switch (*p) {
		case '&':
			buf_adds(b, "&amp;");
			break;
		case '<':
			buf_adds(b, "&lt;");
			break;
		case '>':
			buf_adds(b, "&gt;");
			break;
		case '"':
			buf_adds(b, "&quot;");
			break;
		case '\'':
			buf_adds(b, "&#39;");
			break;
		case '\n':
			buf_adds(b, "<br>");
			break;
		default:
			buf_addc(b, *p);
		}
	}
	free(safe);
}

bool
out_link_ok(const char *s)
{
	return s != NULL && (strncmp(s, "http://", 7) == 0 ||
	    strncmp(s, "https://", 8) == 0 || strncmp(s, "file:", 5) == 0);
}

void
out_json_str(struct buf *b, const char *s)
{
	const unsigned char *p;

	if (s == NULL) {
		buf_adds(b, "null");
		return;
	}
	buf_addc(b, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			buf_addf(b, "\\%c", *p);
		else if (*p == '\n')
			buf_adds(b, "\\n");
		else if (*p < 0x20 || *p == 0x7f)
			buf_addf(b, "\\u%04x", *p);
		else
			buf_addc(b, (char)*p);
	}
	buf_addc(b, '"');
}
