/* SPDX-License-Identifier: ISC */
/* text.c: UTF-8 text as parboard needs it.
 *
 * libunistring does the Unicode work (normalisation, case folding,
 * character classes, widths); this file only decides how parboard uses
 * it: the folded matching key, column arithmetic for the terminal, the
 * fixed-point scores, criterion codes and text a person typed.  The
 * appendix's cell markup is in text_markup.c. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unilbrk.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

/* Encoding name for uc_width: "UTF-8" makes East Asian ambiguous
 * characters narrow, as wcwidth does in a UTF-8 locale. */
#define WIDTH_ENCODING "UTF-8"

#define ELLIPSIS "\xe2\x80\xa6"	/* U+2026, one column */

/* ---- validation and normalisation ------------------------------------ */

bool
text_utf8_valid(const char *s, size_t n, size_t *bad)
{
	const uint8_t *p = u8_check((const uint8_t *)s, n);

	if (p == NULL)
		return true;
	if (bad != NULL)
		*bad = (size_t)(p - (const uint8_t *)s);
	return false;
}

/* A valid copy of s: every byte that does not start a well-formed
 * sequence becomes U+FFFD, so libunistring never sees bad input. */
static char *
sanitize(const char *s)
{
	size_t n = strlen(s), off;
	struct buf b = { 0 };

	if (text_utf8_valid(s, n, &off))
		return xstrdup(s);
	while (n > 0) {
		if (text_utf8_valid(s, n, &off)) {
			buf_add(&b, s, n);
			break;
		}
		buf_add(&b, s, off);
		buf_adds(&b, "\xef\xbf\xbd");
		s += off + 1;
		n -= off + 1;
	}
	return buf_take(&b);
}

/* NUL-terminated copy of a libunistring result of length n. */
static char *
terminate(uint8_t *r, size_t n)
{
	char *s = xstrndup((const char *)r, n);

	free(r);
	return s;
}

char *
text_upper(const char *s)
{
	char *v = sanitize(s);
	uint8_t *u;
	size_t n;

	u = u8_toupper((const uint8_t *)v, strlen(v), "vi", UNINORM_NFC,
	    NULL, &n);
	free(v);
	return u != NULL ? terminate(u, n) : xstrdup("");
}

/* A cheap sufficient test for NFC, because u8_normalize dominates an
 * import's time: text with no combining mark, made only of Latin
 * (below U+0300), Latin Extended Additional (the precomposed Vietnamese
 * letters, U+1E00-U+1EFF) and general punctuation other than the spaces
 * U+2000-U+200F, is its own NFC.  Anything else takes the real path. */
static bool
already_nfc(const char *s)
{
	const uint8_t *p = (const uint8_t *)s;
	ucs4_t uc;
	int n;

	while (*p != '\0') {
		if (*p < 0x80) {
			p++;
			continue;
		}
		n = u8_strmbtouc(&uc, p);
		if (n <= 0)
			return false;
		if (!(uc < 0x300 || (uc >= 0x1e00 && uc <= 0x1eff) ||
		    (uc >= 0x2010 && uc <= 0x205e)))
			return false;
		p += n;
	}
	return true;
}

char *
text_nfc(const char *s)
{
	char *v = sanitize(s);
	size_t n;
	uint8_t *r;

	if (already_nfc(v))
		return v;
	r = u8_normalize(UNINORM_NFC, (const uint8_t *)v, strlen(v), NULL, &n);
	if (r == NULL)		/* only on out of memory */
		return v;
	free(v);
	return terminate(r, n);
}

/* ---- folding and matching -------------------------------------------- */

static bool
is_dash(ucs4_t uc)
{
	return uc == '-' || (uc >= 0x2010 && uc <= 0x2015) || uc == 0x2212 ||
	    uc == 0xfe58 || uc == 0xfe63 || uc == 0xff0d;
}

static bool
is_space(ucs4_t uc)
{
	return uc_is_property_white_space(uc);
}

char *
text_fold(const char *s)
{
	char *v = sanitize(s);
	struct buf b = { 0 };
	const uint8_t *p, *end;
	uint8_t *f;
	size_t n;
	ucs4_t uc;
	int len;
	bool space = false;

	/* Case folding with NFD output gives the decomposed, folded string
	 * in one pass; the marks are then simply skipped. */
	f = u8_casefold((const uint8_t *)v, strlen(v), NULL, UNINORM_NFD,
	    NULL, &n);
	free(v);
	if (f == NULL)
		return xstrdup("");
	for (p = f, end = f + n; p < end; p += len) {
		len = u8_mbtouc(&uc, p, (size_t)(end - p));
		/* Marks, and invisible format characters (soft hyphen,
		 * zero-width space, BOM) that pasted text carries. */
		if (uc_is_general_category(uc, UC_CATEGORY_M) ||
		    uc_is_general_category(uc, UC_CATEGORY_Cf))
			continue;
		if (is_space(uc)) {
			space = true;
			continue;
		}
		/* A dash always stands alone between single spaces, so
		 * "hoá–Xã", "hoá – Xã" and "HÓA - XÃ" give the same key. */
		if (is_dash(uc)) {
			if (b.len > 0)
				buf_addc(&b, ' ');
			buf_addc(&b, '-');
			space = true;
			continue;
		}
		if (space && b.len > 0)
			buf_addc(&b, ' ');
		space = false;
		if (uc == 0x0111 || uc == 0x0110)	/* đ has no decomposition */
			buf_addc(&b, 'd');
		else
			buf_add(&b, (const char *)p, (size_t)len);
	}
	free(f);
	return buf_take(&b);
}

/* A byte that continues a word: ASCII letters and digits, and any byte of
 * a multibyte character (folded text is mostly ASCII, so what is left
 * above 0x7f is a letter of some other script). */
static bool
word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

long
text_find_word(const char *folded_hay, const char *folded_needle)
{
	size_t n = strlen(folded_needle);
	const char *p = folded_hay;

	if (n == 0)
		return -1;
	while ((p = strstr(p, folded_needle)) != NULL) {
		if ((p == folded_hay || !word_byte((unsigned char)p[-1])) &&
		    !word_byte((unsigned char)p[n]))
			return (long)(p - folded_hay);
		p++;
	}
	return -1;
}

bool
text_contains(const char *hay, const char *needle)
{
	char *h = text_fold(hay), *n = text_fold(needle);
	bool found = strstr(h, n) != NULL;

	free(h);
	free(n);
	return found;
}

/* ---- display width --------------------------------------------------- */

/* Width of one character: control characters and invalid bytes that
 * uc_width calls -1 take no column. */
static int
char_width(ucs4_t uc)
{
	int w = uc_width(uc, WIDTH_ENCODING);

	return w < 0 ? 0 : w;
}

/* Length in bytes of the character at p (at least 1, even on bad input). */
static int
char_at(const char *p, size_t n, ucs4_t *uc)
{
	int len = u8_mbtouc(uc, (const uint8_t *)p, n);

	return len < 1 ? 1 : len;
}

static bool
is_bidi_control(ucs4_t uc)
{
	return (uc >= 0x202a && uc <= 0x202e) || (uc >= 0x2066 &&
	    uc <= 0x2069) || uc == 0x200e || uc == 0x200f || uc == 0x061c;
}

/* Whether valid UTF-8 s has nothing text_safe replaces: no C0 or C1
 * control, DEL or bidirectional control (U+061C D8 9C, U+200E-U+200F
 * E2 80 8E-8F, U+202A-U+202E E2 80 AA-AE, U+2066-U+2069 E2 81 A6-A9).
 * Most text has none, and is then returned as it is. */
static bool
safe_as_is(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		if (*p < 0x80) {
			if (*p < 0x20 || *p == 0x7f)
				return false;
			continue;
		}
		if ((p[0] == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0) ||
		    (p[0] == 0xd8 && p[1] == 0x9c))
			return false;
		if (p[0] == 0xe2 && ((p[1] == 0x80 && (p[2] == 0x8e ||
		    p[2] == 0x8f || (p[2] >= 0xaa && p[2] <= 0xae))) ||
		    (p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)))
			return false;
	}
	return true;
}

char *
text_safe(const char *s, bool multiline)
{
	char *n = text_nfc(s != NULL ? s : "");
	struct buf b = { 0 };
	size_t len, at = 0;
	int cl;
	ucs4_t uc;

	if (safe_as_is(n))
		return n;
	len = strlen(n);
	buf_add(&b, "", 0);
	while (at < len) {
		cl = char_at(n + at, len - at, &uc);
		if (uc == '\r' && at + 1 < len && n[at + 1] == '\n') {
			at++;
			continue;
		}
		if (uc == '\n')
			buf_addc(&b, multiline ? '\n' : ' ');
		else if (uc == '\t')
			buf_addc(&b, ' ');
		else if (uc < 0x20)
			buf_addf(&b, "^%c", (char)(uc + '@'));
		else if (uc == 0x7f)
			buf_adds(&b, "^?");
		else if (uc >= 0x80 && uc < 0xa0)
			buf_addf(&b, "<%02X>", (unsigned)uc);
		else if (is_bidi_control(uc))
			buf_addf(&b, "<U+%04X>", (unsigned)uc);
		else
			buf_add(&b, n + at, (size_t)cl);
		at += (size_t)cl;
	}
	free(n);
	return buf_take(&b);
}

/* A character that sticks to the one before it: combining marks, and the
 * other zero-width joiners and selectors that uc_width gives 0 columns. */
static bool
attaches(ucs4_t uc)
{
	return uc_is_general_category(uc, UC_CATEGORY_M) ||
	    (uc >= 0x20 && uc_width(uc, WIDTH_ENCODING) == 0);
}

int
text_char_width(unsigned int uc)
{
	return char_width((ucs4_t)uc);
}

bool
text_char_attaches(unsigned int uc)
{
	return attaches((ucs4_t)uc);
}

/* u8_strwidth counts a control character as no column and an invalid
 * byte (read as U+FFFD) as one, as char_width does. */
int
text_width(const char *s)
{
	return u8_strwidth((const uint8_t *)s, WIDTH_ENCODING);
}

/* Where u8_width_linebreaks ends the first line of s at width columns
 * (UAX #14: after a space, a hyphen, a slash...), and that line's length
 * without its trailing spaces in *end. */
static size_t
first_break(const char *s, size_t len, int width, size_t *end)
{
	char *p = xmalloc(len + 1);
	size_t i;

	u8_width_linebreaks((const uint8_t *)s, len, width, 0, 0, NULL,
	    WIDTH_ENCODING, p);
	for (i = 1; i < len; i++)
		if (p[i] == UC_BREAK_POSSIBLE || p[i] == UC_BREAK_MANDATORY)
			break;
	free(p);
	for (*end = i; *end > 0 && s[*end - 1] == ' '; (*end)--)
		;
	return i;
}

size_t
text_wrap_first(const char *s, int width, const char **next)
{
	size_t len = strlen(s), i, end, n, spaces;
	ucs4_t uc;

	if (width < 1)
		width = 1;
	/* libunistring counts the spaces a line ends with: a line of
	 * exactly width columns needs room for them.  Only the columns up
	 * to there decide the first line: a long paragraph is not read
	 * again for every line. */
	spaces = strspn(s + text_fit(s, width, NULL), " ");
	if (spaces == 0)
		spaces = 1;
	n = text_fit(s, width + (int)spaces + 1, NULL);
	if (n == len && text_width(s) <= width) {
		*next = s + len;
		return len;
	}
	/* A line that then ends without a space may be too wide: ask
	 * again at width. */
	i = first_break(s, n, width + (int)spaces, &end);
	if (u8_width((const uint8_t *)s, end, WIDTH_ENCODING) > width)
		i = first_break(s, n, width, &end);
	if (end == 0 || u8_width((const uint8_t *)s, end,
	    WIDTH_ENCODING) > width) {
		/* A word wider than the line is cut where the line ends
		 * (at least one character, with its marks). */
		end = text_fit(s, width, NULL);
		if (end == 0)
			end = (size_t)char_at(s, len, &uc);
		while (end < len && ((unsigned char)s[end] & 0xc0) == 0x80)
			end++;
		i = end;
	}
	*next = s + i;
	return end;
}

size_t
text_fit(const char *s, int maxw, int *width)
{
	size_t n = strlen(s), at = 0, end;
	int w = 0, cw, len;
	ucs4_t uc;

	while (at < n) {
		/* One cluster: a character and the marks that follow it. */
		len = char_at(s + at, n - at, &uc);
		cw = char_width(uc);
		end = at + (size_t)len;
		while (end < n) {
			len = char_at(s + end, n - end, &uc);
			if (!attaches(uc))
				break;
			cw += char_width(uc);
			end += (size_t)len;
		}
		if (w + cw > maxw)
			break;
		w += cw;
		at = end;
	}
	if (width != NULL)
		*width = w;
	return at;
}

char *
text_ellipsize(const char *s, int maxw)
{
	size_t n;

	if (maxw <= 0)
		return xstrdup("");
	n = text_fit(s, maxw, NULL);
	if (s[n] == '\0')
		return xstrdup(s);
	n = text_fit(s, maxw - 1, NULL);
	return xasprintf("%.*s%s", (int)n, s, ELLIPSIS);
}

void
text_pad(struct buf *out, const char *s, int w)
{
	size_t n;
	int got;

	if (w <= 0)
		return;
	n = text_fit(s, w, &got);
	if (s[n] != '\0') {
		n = text_fit(s, w - 1, &got);
		buf_add(out, s, n);
		buf_adds(out, ELLIPSIS);
		got++;
	} else
		buf_add(out, s, n);
	for (; got < w; got++)
		buf_addc(out, ' ');
}

/* ---- scores ---------------------------------------------------------- */

const char *
text_skip_space(const char *p)
{
	for (;;) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		else if ((unsigned char)p[0] == 0xc2 &&
		    (unsigned char)p[1] == 0xa0)
			p += 2;
		else
			return p;
	}
}

/* Length of a minus sign at p: '-', U+2212 or an en dash; 0 if none. */
static size_t
minus_at(const char *p)
{
	if (*p == '-')
		return 1;
	if (strncmp(p, "\xe2\x88\x92", 3) == 0 ||
	    strncmp(p, "\xe2\x80\x93", 3) == 0)
		return 3;
	return 0;
}

bool
text_parse_score(const char *s, score *out)
{
	const char *p = text_skip_space(s);
	unsigned long long whole = 0;
	int frac = 0, digits = 0, scale;
	bool neg = false;
	size_t m;

	if ((m = minus_at(p)) > 0) {
		neg = true;
		p = text_skip_space(p + m);
	} else if (*p == '+')
		p = text_skip_space(p + 1);
	if (*p < '0' || *p > '9')
		return false;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (++digits > 15)	/* far beyond any score; no overflow */
			return false;
		whole = whole * 10 + (unsigned)(*p - '0');
	}
	if (*p == ',' || *p == '.') {
		p++;
		for (digits = 0, scale = 100; *p >= '0' && *p <= '9'; p++) {
			if (++digits > 3)
				return false;
			frac += (*p - '0') * scale;
			scale /= 10;
		}
		if (digits == 0)
			return false;
	}
	if (*text_skip_space(p) != '\0')
		return false;
	*out = (score)(whole * SCORE_UNIT) + frac;
	if (neg)
		*out = -*out;
	return true;
}

void
text_format_score(score v, char decimal, char *buf, size_t n)
{
	unsigned long long a = v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v;
	unsigned long long whole = a / SCORE_UNIT;
	unsigned frac = (unsigned)(a % SCORE_UNIT);
	const char *sign = v < 0 ? "-" : "";

	if (n == 0)
		return;
	if (frac % 10 != 0)
		snprintf(buf, n, "%s%llu%c%03u", sign, whole, decimal, frac);
	else
		snprintf(buf, n, "%s%llu%c%02u", sign, whole, decimal,
		    frac / 10);
}

/* ---- criterion codes ------------------------------------------------- */

int
text_code_cmpn(const char *a, size_t na, const char *b, size_t nb)
{
	const unsigned char *x = (const unsigned char *)a, *ex = x + na;
	const unsigned char *y = (const unsigned char *)b, *ey = y + nb;
	unsigned long u, v;

	while (x < ex && y < ey) {
		if (isdigit(*x) && isdigit(*y)) {
			for (u = 0; x < ex && isdigit(*x); x++)
				u = u * 10 + (unsigned long)(*x - '0');
			for (v = 0; y < ey && isdigit(*y); y++)
				v = v * 10 + (unsigned long)(*y - '0');
			if (u != v)
				return u < v ? -1 : 1;
			continue;
		}
		if (*x != *y)
			return *x < *y ? -1 : 1;
		x++;
		y++;
	}
	return (x < ex) - (y < ey);
}

int
text_code_cmp(const char *a, const char *b)
{
	return text_code_cmpn(a, strlen(a), b, strlen(b));
}

/* ---- text a person typed ---------------------------------------------- */

/* The bidirectional controls are the ones text_safe shows as
 * placeholders: one list. */
bool
text_char_refused(unsigned int uc)
{
	return uc < 0x20 || (uc >= 0x7f && uc < 0xa0) || is_bidi_control(uc);
}

int
text_field(const char *name, const char *in, bool multiline, char **out,
    char **err)
{
	struct buf b = { 0 };
	const uint8_t *p, *end;
	size_t n, bad;
	ucs4_t uc;
	int len;

	*out = NULL;
	if (in == NULL)
		return 0;
	n = strlen(in);
	if (!text_utf8_valid(in, n, &bad))
		return fail(err, _("%s: not valid UTF-8 (byte %zu)"), name,
		    bad + 1);
	buf_add(&b, "", 0);
	for (p = (const uint8_t *)in, end = p + n; p < end; p += len) {
		len = u8_mbtouc(&uc, p, (size_t)(end - p));
		if (uc == '\t')
			buf_addc(&b, ' ');
		else if (multiline && uc == '\r' && p + 1 < end &&
		    p[1] == '\n')
			continue;
		else if (multiline && uc == '\n')
			buf_addc(&b, '\n');
		else if (uc == '\n' || uc == '\r') {
			buf_free(&b);
			return fail(err, _("%s: a line break is not allowed "
			    "here"), name);
		} else if (text_char_refused(uc)) {
			buf_free(&b);
			return fail(err, _("%s: control character U+%04X is "
			    "not allowed"), name, (unsigned)uc);
		} else
			buf_add(&b, (const char *)p, (size_t)len);
	}
	*out = text_nfc(b.data);
	buf_free(&b);
	return 0;
}

void
text_printable(char *dst, size_t n, const char *src)
{
	size_t i;

	if (n == 0)
		return;
	for (i = 0; i + 1 < n && src[i] != '\0'; i++)
		dst[i] = src[i] >= 0x20 && src[i] < 0x7f ? src[i] : '?';
	dst[i] = '\0';
}

void
text_blank_controls(char *s, bool keep_newlines)
{
	unsigned char *p = (unsigned char *)s;
	ucs4_t uc;
	int len;

	for (; *p != '\0'; p += len) {
		len = u8_strmbtouc(&uc, p);
		if (len <= 0) {
			len = 1;	/* not UTF-8: text_nfc's to replace */
			continue;
		}
		/* Each byte a space keeps the length. */
		if (text_char_refused(uc) && !(keep_newlines && uc == '\n'))
			memset(p, ' ', (size_t)len);
	}
}
