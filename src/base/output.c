/* SPDX-License-Identifier: ISC */
/* output.c: format escaping for the human outputs (see output.h). */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

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

/* The character at p (at most n bytes): its length, or 0 when p does not
 * start well-formed UTF-8 (*uc is then the byte). */
static size_t
char_at(const char *p, size_t n, unsigned int *uc)
{
	ucs4_t c;
	int len = u8_mbtoucr(&c, (const uint8_t *)p, n);

	if (len <= 0) {
		*uc = (unsigned char)*p;
		return 0;
	}
	*uc = c;
	return (size_t)len;
}

void
out_json_str(struct buf *b, const char *s)
{
	size_t n, len;
	unsigned int uc;

	if (s == NULL) {
		buf_adds(b, "null");
		return;
	}
	buf_addc(b, '"');
	for (n = strlen(s); n > 0; s += len, n -= len) {
		len = char_at(s, n, &uc);
		if (len == 0) {
			/* Not UTF-8: a JSON string cannot hold it. */
			buf_adds(b, "\\ufffd");
			len = 1;
		} else if (uc == '"' || uc == '\\')
			buf_addf(b, "\\%c", (char)uc);
		else if (uc == '\n')
			buf_adds(b, "\\n");
		else if (text_char_refused(uc) || uc == 0x2028 || uc == 0x2029)
			buf_addf(b, "\\u%04x", uc);
		else
			buf_add(b, s, len);
	}
	buf_addc(b, '"');
}

/* A byte of a tsv cell: tab, line feed, carriage return and backslash
 * by name, any other C0 control, DEL or byte that is not UTF-8 as \xHH. */
static void
tsv_byte(struct buf *b, unsigned char c)
{
	switch (c) {
	case '\t':
		buf_adds(b, "\\t");
		break;
	case '\n':
		buf_adds(b, "\\n");
		break;
	case '\r':
		buf_adds(b, "\\r");
		break;
	case '\\':
		buf_adds(b, "\\\\");
		break;
	default:
		if (c < 0x20 || c >= 0x7f)
			buf_addf(b, "\\x%02x", c);
		else
			buf_addc(b, (char)c);
	}
}

void
out_tsv_cell(struct buf *b, const char *s, bool last)
{
	size_t n, len;
	unsigned int uc;

	for (n = s != NULL ? strlen(s) : 0; n > 0; s += len, n -= len) {
		len = char_at(s, n, &uc);
		if (len == 0 || uc < 0x80) {
			tsv_byte(b, (unsigned char)*s);
			len = 1;
		} else if (text_char_refused(uc))
			buf_addf(b, "\\u%04x", uc);
		else
			buf_add(b, s, len);
	}
	buf_addc(b, last ? '\n' : '\t');
}

void
out_vprintf(FILE *f, bool multiline, const char *fmt, va_list ap)
{
	char *s = xvasprintf(fmt, ap), *safe = text_safe(s, multiline);

	fputs(safe, f);
	free(safe);
	free(s);
}

void
out_printf(FILE *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	out_vprintf(f, true, fmt, ap);
	va_end(ap);
}
