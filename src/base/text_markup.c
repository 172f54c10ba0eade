/* SPDX-License-Identifier: ISC */
/* text_markup.c: the appendix's cell markup made plain text — white
 * space squeezed, known HTML tags turned into line breaks and list items
 * or dropped, entities decoded, inline math kept verbatim (text.h
 * text_squeeze, text_strip_markup).  The rest of the text rules are in
 * text.c. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unistr.h>

#include "text.h"
#include "util.h"

/* Squeeze white space; blank lines are dropped, or kept (at most one in a
 * row) when keep_blank is set. */
static char *
squeeze(const char *s, bool keep_blank)
{
	struct buf b = { 0 };
	int newlines = 0;	/* pending line breaks */
	bool space = false;	/* pending space inside a line */

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\v' ||
		    *s == '\f') {
			space = true;
			continue;
		}
		if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0) {
			s++;	/* no-break space */
			space = true;
			continue;
		}
		if (*s == '\n') {
			newlines++;
			space = false;
			continue;
		}
		if (b.len > 0) {
			if (newlines > 1 && keep_blank)
				buf_adds(&b, "\n\n");
			else if (newlines > 0)
				buf_addc(&b, '\n');
			else if (space)
				buf_addc(&b, ' ');
		}
		newlines = 0;
		space = false;
		buf_addc(&b, *s);
	}
	return buf_take(&b);
}

char *
text_squeeze(const char *s)
{
	return squeeze(s, true);
}

/* Tags the appendix uses; anything else that looks like "<x" is text
 * (the inline math "$b/a=164/739=0,22<0,7$" must survive). */
static const char *const known_tags[] = {
	"a", "b", "blockquote", "br", "center", "code", "div", "em", "font",
	"h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre",
	"s", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody",
	"td", "th", "thead", "tr", "u", "ul", NULL
};

enum tag_kind { TAG_DROP, TAG_BREAK, TAG_ITEM };

/* If p starts a known tag, return its length in bytes and its kind. */
static size_t
parse_tag(const char *p, enum tag_kind *kind)
{
	const char *q = p + 1, *name, *close;
	size_t len, i;
	bool closing = false;

	if (*q == '/') {
		closing = true;
		q++;
	}
	name = q;
	while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
	    (*q >= '0' && *q <= '9' && q > name))
		q++;
	len = (size_t)(q - name);
	if (len == 0 || (*q != '>' && *q != ' ' && *q != '\t' && *q != '\n' &&
	    *q != '/'))
		return 0;
	if ((close = strchr(q, '>')) == NULL)
		return 0;
	for (i = 0; known_tags[i] != NULL; i++) {
		if (strlen(known_tags[i]) == len &&
		    strncasecmp(known_tags[i], name, len) == 0)
			break;
	}
	if (known_tags[i] == NULL)
		return 0;
	*kind = TAG_DROP;
	if (len == 2 && strncasecmp(name, "li", 2) == 0 && !closing)
		*kind = TAG_ITEM;
	else if ((len == 1 && strncasecmp(name, "p", 1) == 0) ||
	    (len == 2 && (strncasecmp(name, "br", 2) == 0 ||
	    strncasecmp(name, "li", 2) == 0 || strncasecmp(name, "ul", 2) == 0 ||
	    strncasecmp(name, "ol", 2) == 0 || strncasecmp(name, "tr", 2) == 0 ||
	    strncasecmp(name, "hr", 2) == 0)) ||
	    (len == 3 && strncasecmp(name, "div", 3) == 0))
		*kind = TAG_BREAK;
	return (size_t)(close - p) + 1;
}

/* Decode the entity at p ("&amp;", "&#39;", "&#x2013;") into out; returns
 * its length or 0 when p does not start one. */
static size_t
parse_entity(const char *p, struct buf *out)
{
	static const struct {
		const char *name, *text;
	} names[] = {
		{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
		{ "&quot;", "\"" }, { "&apos;", "'" }, { "&nbsp;", " " },
		{ "&ndash;", "\xe2\x80\x93" }, { "&mdash;", "\xe2\x80\x94" },
		{ NULL, NULL }
	};
	const char *q;
	char *end;
	unsigned long cp;
	uint8_t u[6];
	size_t i;
	int n;
	bool hex;

	for (i = 0; names[i].name != NULL; i++) {
		if (strncmp(p, names[i].name, strlen(names[i].name)) == 0) {
			buf_adds(out, names[i].text);
			return strlen(names[i].name);
		}
	}
	if (p[1] != '#')
		return 0;
	q = p + 2;
	hex = *q == 'x' || *q == 'X';
	if (hex)
		q++;
	/* strtoul would also take spaces and a sign: insist on a digit. */
	if (!(hex ? isxdigit((unsigned char)*q) : isdigit((unsigned char)*q)))
		return 0;
	cp = strtoul(q, &end, hex ? 16 : 10);
	/* A control character (C0, DEL, C1: &#27; &#155;) is not decoded:
	 * the entity stays as text, so markup never makes one. */
	if (*end != ';' || cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	n = u8_uctomb(u, (ucs4_t)cp, (int)sizeof u);
	if (n <= 0)
		return 0;
	buf_add(out, (const char *)u, (size_t)n);
	return (size_t)(end - p) + 1;
}

/* Remove a list marker the writer typed into an item ("- ", "– ", "• ") so
 * the item does not read "• - text". */
static const char *
skip_marker(const char *p)
{
	const char *q = p;

	while (*q == ' ' || *q == '\t' || *q == '\n')
		q++;
	if (*q == '-' || *q == '*' || *q == '+')
		q++;
	else if (strncmp(q, "\xe2\x80\x93", 3) == 0 ||
	    strncmp(q, "\xe2\x80\x94", 3) == 0 ||
	    strncmp(q, "\xe2\x80\xa2", 3) == 0)
		q += 3;
	else
		return p;
	if (*q != ' ' && *q != '\t')
		return p;
	return q;
}

char *
text_strip_markup(const char *s)
{
	struct buf b = { 0 };
	const char *p = s, *close;
	enum tag_kind kind;
	size_t n;
	char *r;

	while (*p != '\0') {
		if (*p == '$' && p[1] != '\0' && p[1] != '$' && p[1] != ' ' &&
		    (close = strchr(p + 1, '$')) != NULL && close[-1] != ' ') {
			/* Inline math: the content verbatim, no tags in it. */
			buf_add(&b, p + 1, (size_t)(close - p - 1));
			p = close + 1;
			continue;
		}
		if (*p == '<' && (n = parse_tag(p, &kind)) > 0) {
			p += n;
			if (kind == TAG_ITEM) {
				buf_adds(&b, "\n\xe2\x80\xa2 ");
				p = skip_marker(p);
			} else if (kind == TAG_BREAK)
				buf_addc(&b, '\n');
			continue;
		}
		if (*p == '&' && (n = parse_entity(p, &b)) > 0) {
			p += n;
			continue;
		}
		buf_addc(&b, *p++);
	}
	r = squeeze(b.data != NULL ? b.data : "", false);
	buf_free(&b);
	return r;
}
