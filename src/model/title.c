/* SPDX-License-Identifier: ISC */
/* title.c: the commune and the period an appraisal's title names.
 *
 * The appendix title is all capitals ("PHỤ LỤC KẾT QUẢ ĐÁNH GIÁ CCHC XÃ
 * HIỀN THÀNH 6 THÁNG ĐẦU NĂM 2023 VÀ ..."); the board's header wants
 * "Xã Hiền Thành" and "6 tháng đầu năm 2023" in sentence case, which PuTTY
 * shows without clipping stacked marks.  Pure text work, no curses. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>
#include <unistr.h>

#include "text.h"
#include "title.h"
#include "util.h"

/* Lower (how 0), title (1) or upper (2) case of UTF-8 text. */
static char *
u8_conv(const char *s, int how)
{
	size_t n = 0;
	uint8_t *r;
	char *out;

	if (how == 0)
		r = u8_tolower((const uint8_t *)s, strlen(s), NULL, UNINORM_NFC,
		    NULL, &n);
	else if (how == 1)
		r = u8_totitle((const uint8_t *)s, strlen(s), NULL, UNINORM_NFC,
		    NULL, &n);
	else
		r = u8_toupper((const uint8_t *)s, strlen(s), NULL, UNINORM_NFC,
		    NULL, &n);
	if (r == NULL)
		return xstrdup(s);
	out = xstrndup((const char *)r, n);
	free(r);
	return out;
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Sentence case: s with its first letter in upper case. */
static char *
upper_first(const char *s)
{
	int first = u8_mblen((const uint8_t *)s, strlen(s));
	char *c, *up, *out;

	if (first <= 0)
		return xstrdup(s);
	c = xstrndup(s, (size_t)first);
	up = u8_conv(c, 2);
	out = xasprintf("%s%s", up, s + first);
	free(c);
	free(up);
	return out;
}

/* The words of a title: runs of characters other than spaces and
 * punctuation (a title may say "NĂM 2023," or "(XÃ AN BÌNH)"). */
struct word {
	const char *s;
	size_t len;
};

static size_t
title_words(const char *lower, struct word **out)
{
	static const char seps[] = " \t,;:()[]\"'/";
	struct word *w = NULL;
	size_t n = 0, cap = 0, len;
	const char *p = lower;

	for (;;) {
		p += strspn(p, seps);
		if (*p == '\0')
			break;
		len = strcspn(p, seps);
		w = xgrow(w, &cap, n + 1, sizeof *w);
		w[n].s = p;
		w[n].len = len;
		n++;
		p += len;
	}
	*out = w;
	return n;
}

static bool
word_is(const struct word *w, const char *s)
{
	return w->len == strlen(s) && strncmp(w->s, s, w->len) == 0;
}

static bool
word_number(const struct word *w)
{
	size_t i;

	for (i = 0; i < w->len; i++)
		if (!is_digit(w->s[i]))
			return false;
	return w->len > 0;
}

static bool
word_roman(const struct word *w)
{
	return word_is(w, "i") || word_is(w, "ii") || word_is(w, "iii") ||
	    word_is(w, "iv") || (word_number(w) && w->len == 1);
}

/* Where a period starts at word i ("6 tháng đầu năm 2023", "cả năm
 * 2023", "quý iii năm 2023", "năm 2023"): the number of words it takes,
 * 0 when none starts there. */
static size_t
period_at(const struct word *w, size_t n, size_t i)
{
	size_t j;

	if (word_number(&w[i]) && i + 1 < n && word_is(&w[i + 1], "tháng")) {
		/* "6 tháng [đầu|cuối] năm 2023" */
		for (j = i + 2; j + 1 < n && j <= i + 4; j++)
			if (word_is(&w[j], "năm") && word_number(&w[j + 1]))
				return j + 2 - i;
		return 0;
	}
	if (word_is(&w[i], "cả") && i + 2 < n && word_is(&w[i + 1], "năm") &&
	    word_number(&w[i + 2]))
		return 3;
	if (word_is(&w[i], "quý") && i + 3 < n && word_roman(&w[i + 1]) &&
	    word_is(&w[i + 2], "năm") && word_number(&w[i + 3]))
		return 4;
	if (word_is(&w[i], "năm") && i + 1 < n && word_number(&w[i + 1]))
		return 2;
	return 0;
}

/* The first period of a title's words: *len words from the returned
 * index, or n when the title names none. */
static size_t
period_find(const struct word *w, size_t n, size_t *len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((*len = period_at(w, n, i)) > 0)
			return i;
	*len = 0;
	return n;
}

/* The period of a plan title, in sentence case: "... XÃ HIỀN THÀNH 6
 * THÁNG ĐẦU NĂM 2023 VÀ ..." gives "6 tháng đầu năm 2023", "CẢ NĂM 2023"
 * "Cả năm 2023", "QUÝ III NĂM 2023" "Quý III năm 2023", "NĂM 2024"
 * "Năm 2024".  NULL when the title names none. */
static char *
period_of(const char *lower)
{
	struct word *w;
	struct buf out = { 0 };
	size_t n = title_words(lower, &w), start, len, i;
	char *up, *rest;

	start = period_find(w, n, &len);
	/* The mid-year appraisal: "năm 2023 (giữa năm)", "giữa năm 2023". */
	if (len == 2 && word_is(&w[start], "năm") &&
	    ((start + 3 < n && word_is(&w[start + 2], "giữa") &&
	    word_is(&w[start + 3], "năm")) ||
	    (start > 0 && word_is(&w[start - 1], "giữa")))) {
		up = xasprintf("6 tháng đầu năm %.*s", (int)w[start + 1].len,
		    w[start + 1].s);
		free(w);
		return up;
	}
	for (i = start; i < start + len; i++) {
		if (out.len > 0)
			buf_addc(&out, ' ');
		if (i == start + 1 && word_is(&w[start], "quý")) {
			rest = xstrndup(w[i].s, w[i].len);
			up = u8_conv(rest, 2);	/* the quarter: III */
			buf_adds(&out, up);
			free(up);
			free(rest);
		} else {
			buf_add(&out, w[i].s, w[i].len);
		}
	}
	free(w);
	if (out.len == 0)
		return NULL;
	up = upper_first(out.data);
	buf_free(&out);
	return up;
}

/* The commune of a plan title: "xã hiền thành 6 tháng" gives "Xã Hiền
 * Thành": "xã", "phường" or "thị trấn" and the words of its name, up to
 * the period, a number or a linking word (title case, a name). */
static char *
commune_of(const char *lower)
{
	static const char *const stops[] = {
		"năm", "tháng", "quý", "cả", "và", "về", "của", "trong",
		"giai", "-", "–", "—", NULL,
	};
	struct word *w;
	size_t n = title_words(lower, &w), i, k, end, plen, pstart, nwords;
	char *raw, *name, *kind, *out = NULL;

	pstart = period_find(w, n, &plen);
	for (i = 0; i < n; i++) {
		if (word_is(&w[i], "xã") || word_is(&w[i], "phường"))
			k = 1;
		else if (word_is(&w[i], "thị") && i + 1 < n &&
		    word_is(&w[i + 1], "trấn"))
			k = 2;
		else
			continue;
		for (end = i + k, nwords = 0; end < n && end != pstart &&
		    nwords < 4 && !is_digit(*w[end].s); end++, nwords++) {
			size_t j;

			for (j = 0; stops[j] != NULL; j++)
				if (word_is(&w[end], stops[j]))
					break;
			if (stops[j] != NULL)
				break;
		}
		if (nwords == 0)
			continue;
		/* "Thị trấn Gio Linh": the kind in sentence case, the
		 * name in title case. */
		raw = xstrndup(w[i + k].s, (size_t)(w[end - 1].s +
		    w[end - 1].len - w[i + k].s));
		name = u8_conv(raw, 1);
		free(raw);
		raw = xstrndup(w[i].s, (size_t)(w[i + k - 1].s +
		    w[i + k - 1].len - w[i].s));
		kind = upper_first(raw);
		out = xasprintf("%s %s", kind, name);
		free(raw);
		free(kind);
		free(name);
		break;
	}
	free(w);
	return out;
}

/* of(title in lower case), title NULL read as "". */
static char *
on_lower(const char *title, char *(*of)(const char *))
{
	char *lower = u8_conv(title != NULL ? title : "", 0);
	char *v = of(lower);

	free(lower);
	return v;
}

char *
title_period(const char *title)
{
	return on_lower(title, period_of);
}

char *
title_commune(const char *title)
{
	return on_lower(title, commune_of);
}

char *
title_sentence(const char *s)
{
	char *low = u8_conv(s, 0), *out = upper_first(low);

	free(low);
	return out;
}

char *
title_upper(const char *s)
{
	return u8_conv(s, 2);
}

char *
title_case(const char *s)
{
	return u8_conv(s, 1);
}

char *
title_lower(const char *s)
{
	return u8_conv(s, 0);
}
