/* SPDX-License-Identifier: ISC */
/* letter.c: the details of the letter an appendix comes with (letter.h).
 *
 * Each line is stripped of its markup (HTML through text_strip_markup,
 * markdown's '*' and '#' here) and folded (text_fold) to find the layout
 * words whatever their case and tone marks; the values are taken from
 * the stripped line as written, in sentence case when the letter wrote
 * them in capitals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "letter.h"
#include "title.h"
#include "util.h"

struct line {
	char *s;	/* stripped, NFC, trimmed; "" for a blank line */
	char *f;	/* folded */
};

struct lines {
	struct line *l;
	size_t n;
};

static bool
starts(const char *f, const char *word)
{
	size_t n = strlen(word);

	return strncmp(f, word, n) == 0 && (f[n] == '\0' || f[n] == ' ' ||
	    f[n] == ':' || word[n - 1] == ' ' || word[n - 1] == '.' ||
	    word[n - 1] == ':');
}

/* Trim white space and the punctuation that ends an item (";", ",",
 * ".") from s, in place. */
static char *
trim(char *s, bool punct)
{
	char *p = (char *)text_skip_space(s);
	size_t n = strlen(p);

	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' ||
	    (punct && (p[n - 1] == ';' || p[n - 1] == ',' ||
	    p[n - 1] == '.'))))
		n--;
	memmove(s, p, n);
	s[n] = '\0';
	return s;
}

static char *
strip_line(const char *raw, size_t n)
{
	char *r = xstrndup(raw, n), *plain, *nfc, *w, *p;

	plain = text_strip_markup(r);
	free(r);
	for (w = p = plain; *p != '\0'; p++)
		if (*p != '*' && *p != '`' && *p != '\n')
			*w++ = *p;
	*w = '\0';
	p = plain;
	while (*p == '#')
		p++;
	memmove(plain, p, strlen(p) + 1);
	nfc = text_nfc(plain);
	free(plain);
	return trim(nfc, false);
}

/* A letter's head and signature are found in this many lines; a file
 * without a tab (a CSV export) is not read whole.  Its body is read to
 * the table whatever its length (letter_lines). */
#define LETTER_MAX_LINES 2000

/* The lines before the first holding a tab (the table), at most max. */
static void
lines_read(const char *data, size_t len, size_t max, struct lines *out)
{
	size_t cap = 0, start = 0, end;

	out->l = NULL;
	out->n = 0;
	while (start < len && out->n < max) {
		const char *nl = memchr(data + start, '\n', len - start);

		end = nl ? (size_t)(nl - data) : len;
		if (memchr(data + start, '\t', end - start) != NULL)
			break;
		out->l = xgrow(out->l, &cap, out->n + 1, sizeof *out->l);
		out->l[out->n].s = strip_line(data + start, end - start);
		out->l[out->n].f = text_fold(out->l[out->n].s);
		out->n++;
		start = end + 1;
	}
}

static void
lines_free(struct lines *ls)
{
	size_t i;

	for (i = 0; i < ls->n; i++) {
		free(ls->l[i].s);
		free(ls->l[i].f);
	}
	free(ls->l);
}

/* What follows the first ':' of s, trimmed; NULL when nothing. */
static char *
after_colon(const char *s)
{
	const char *c = strchr(s, ':');
	char *v;

	if (c == NULL)
		return NULL;
	v = trim(xstrdup(c + 1), true);
	if (*v == '\0') {
		free(v);
		return NULL;
	}
	return v;
}

/* The index of the first line from `from` whose fold starts with one of
 * words (NULL-terminated), or ls->n. */
static size_t
find(const struct lines *ls, size_t from, const char *const *words)
{
	size_t i, k;

	for (i = from; i < ls->n; i++)
		for (k = 0; words[k] != NULL; k++)
			if (starts(ls->l[i].f, words[k]))
				return i;
	return ls->n;
}

/* The level words before a place's name ("xã Hiền Thành"). */
static const char *const levels[] = { "xa", "phuong", "thi tran",
    "huyen", "quan", "thi xa", "thanh pho", "tinh", NULL };

/* Where in s (already lower case) the name after the first level word
 * starts; NULL when none. */
static const char *
place_name(const char *s)
{
	const char *p = s;
	size_t k;

	while (p != NULL && *p != '\0') {
		char *f = text_fold(p);

		for (k = 0; levels[k] != NULL; k++)
			if (starts(f, levels[k]) && f[strlen(levels[k])] == ' ')
				break;
		if (levels[k] != NULL) {
			free(f);
			p = strchr(p, ' ') + 1;
			if (strchr(levels[k], ' ') != NULL)
				p = strchr(p, ' ') + 1;
			return p;
		}
		free(f);
		p = strchr(p, ' ');
		if (p != NULL)
			p++;
	}
	return NULL;
}

/* A body written in capitals in sentence case, the place after its level
 * word in title case: "ỦY BAN NHÂN DÂN XÃ HIỀN THÀNH" → "Ủy ban nhân dân
 * xã Hiền Thành", "UBND HUYỆN VĨNH LINH" → "UBND huyện Vĩnh Linh". */
static char *
body_case(const char *s)
{
	static const char *const abbr[] = { "UBND", "HĐND", "MTTQ", "CCHC",
	    "TM.", "KT.", "Q.", "TL.", "TUQ.", NULL };
	char *up = title_upper(s), *low, *out, *name;
	const char *sp;
	size_t k;

	if (strcmp(up, s) != 0) {
		free(up);
		return xstrdup(s);
	}
	free(up);
	low = title_sentence(s);
	for (k = 0; abbr[k] != NULL; k++) {
		char *a = title_sentence(abbr[k]), *b = title_lower(abbr[k]);
		char *p = strncmp(low, a, strlen(a)) == 0 ? low : strstr(low, b);

		if (p != NULL && strlen(a) == strlen(abbr[k]) &&
		    strlen(b) == strlen(abbr[k]) && (p == low || p[-1] == ' '))
			memcpy(p, abbr[k], strlen(a));
		free(a);
		free(b);
	}
	sp = place_name(low);
	if (sp == NULL || *sp == '\0')
		return low;
	name = title_case(sp);
	out = xasprintf("%.*s%s", (int)(sp - low), low, name);
	free(name);
	free(low);
	return out;
}

/* The issuer: the lines above "Số:" (not the national motto), the last
 * one joined to the one before when it starts with a level word ("XÃ
 * HIỀN THÀNH"); a line left above is the parent body. */
static void
read_issuer(const struct lines *ls, size_t num, struct letter *l)
{
	const struct line *b[3];
	size_t nb = 0, i = num, k;
	bool joined = false;
	char *s;

	while (i-- > 0 && nb < 3) {
		const struct line *x = &ls->l[i];

		if (*x->s == '\0' || starts(x->f, "cong hoa") ||
		    starts(x->f, "doc lap"))
			continue;
		b[nb++] = x;
	}
	if (nb == 0)
		return;
	for (k = 0; nb >= 2 && levels[k] != NULL; k++)
		joined = joined || starts(b[0]->f, levels[k]);
	if (joined) {
		s = xasprintf("%s %s", b[1]->s, b[0]->s);
		if (nb == 3)
			l->parent = body_case(b[2]->s);
	} else {
		s = xstrdup(b[0]->s);
		if (nb >= 2)
			l->parent = body_case(b[1]->s);
	}
	l->issuer = body_case(s);
	free(s);
}

static void
read_number(const struct lines *ls, struct letter *l, size_t *at)
{
	static const char *const words[] = { "so:", "so :", NULL };
	char *v, *w, *p;

	*at = find(ls, 0, words);
	if (*at == ls->n || (v = after_colon(ls->l[*at].s)) == NULL)
		return;
	for (w = p = v; *p != '\0'; p++)
		if (*p != ' ')
			*w++ = *p;
	*w = '\0';
	l->number = v;
	read_issuer(ls, *at, l);
}

/* "Hiền Thành, ngày 06 tháng 9 năm 2023" */
static void
read_day(const struct lines *ls, struct letter *l)
{
	size_t i;
	int d, m, y;
	long at;

	for (i = 0; i < ls->n; i++) {
		const char *comma;

		at = text_find_word(ls->l[i].f, "ngay");
		if (at < 0 || sscanf(ls->l[i].f + at, "ngay %d thang %d nam %d",
		    &d, &m, &y) != 3 || d < 1 || d > 31 || m < 1 || m > 12 ||
		    y < 1945 || y > 9999)
			continue;
		l->day = xasprintf("%04d-%02d-%02d", y, m, d);
		comma = strchr(ls->l[i].f, ',');
		if (comma != NULL && comma - ls->l[i].f < at) {
			l->place = xstrndup(ls->l[i].s,
			    (size_t)(strchr(ls->l[i].s, ',') - ls->l[i].s));
			trim(l->place, false);
		}
		return;
	}
}

/* The item of a list line ("- Cán bộ, công chức xã;"), NULL when the
 * line is no item. */
static char *
item(const char *s)
{
	static const char *const marks[] = { "- ", "+ ", "• ", "– ", NULL };
	size_t k;

	for (k = 0; marks[k] != NULL; k++)
		if (strncmp(s, marks[k], strlen(marks[k])) == 0)
			return trim(xstrdup(s + strlen(marks[k])), true);
	return NULL;
}

/* A recipient's report-back mark, cut from name. */
static bool
report_mark(char *name)
{
	static const char *const marks[] = { "(bc)", "(b/c)", "(de bao cao)",
	    NULL };
	char *open = strrchr(name, '('), *f;
	bool found = false;
	size_t k;

	if (open == NULL)
		return false;
	f = text_fold(open);
	for (k = 0; marks[k] != NULL && !found; k++)
		found = strncmp(f, marks[k], strlen(marks[k])) == 0;
	free(f);
	if (found) {
		*open = '\0';
		trim(name, true);
	}
	return found;
}

/* The first item of a list on the line under its heading: marked, or
 * bare but ending in ';' as Word's documents write it ("Cán bộ, công
 * chức xã;", then "- Bộ phận …" on the next lines). */
static char *
first_item(const char *s)
{
	size_t n = strlen(s);
	char *v = item(s);

	if (v == NULL && n > 0 && s[n - 1] == ';')
		v = trim(xstrdup(s), true);
	return v;
}

/* The list after "Kính gửi:" (cc false) or "Nơi nhận:" (cc true). */
static void
read_list(const struct lines *ls, const char *word, bool cc,
    struct letter *l)
{
	const char *const words[] = { word, NULL };
	size_t i = find(ls, 0, words);
	char *v;
	bool bare;

	if (i == ls->n)
		return;
	v = after_colon(ls->l[i].s);
	bare = v == NULL;
	for (;;) {
		if (v != NULL && *v != '\0') {
			bool r = cc && report_mark(v);

			if (cc)
				letter_add_cc(l, v, r);
			else
				letter_add_to(l, v);
		}
		free(v);
		while (++i < ls->n && *ls->l[i].s == '\0')
			;
		if (i == ls->n || (v = bare ? first_item(ls->l[i].s) :
		    item(ls->l[i].s)) == NULL)
			break;
		bare = false;
	}
}

/* "Căn cứ Thông báo số 285/TB-HĐTĐ …," and the "Căn cứ" lines right
 * after it, without the words "Căn cứ". */
static void
read_grounds(const struct lines *ls, size_t from, struct letter *l)
{
	static const char *const words[] = { "can cu ", NULL };
	size_t i = find(ls, from, words);
	struct buf b = { 0 };

	while (i < ls->n && starts(ls->l[i].f, "can cu ")) {
		const char *p = strchr(ls->l[i].s, ' ');
		char *g;

		p = p != NULL ? strchr(p + 1, ' ') : NULL;
		g = trim(xstrdup(p != NULL ? p : ""), true);
		if (*g != '\0') {
			if (b.len > 0)
				buf_adds(&b, "; ");
			buf_adds(&b, g);
		}
		free(g);
		while (++i < ls->n && *ls->l[i].s == '\0')
			;
	}
	if (b.len > 0)
		l->grounds = buf_take(&b);
	buf_free(&b);
}

/* "… đạt 69,82, xếp thứ 4/18 xã, thị trấn." and the period around it. */
static void
read_result(const struct lines *ls, struct letter *l)
{
	size_t i;

	for (i = 0; i < ls->n; i++) {
		const char *f = ls->l[i].f;
		long at = text_find_word(f, "xep thu"), dat;
		int r, of;
		char num[32];
		size_t n = 0;

		if (at < 0 || sscanf(f + at, "xep thu %d/%d", &r, &of) != 2 ||
		    r < 1 || of < r)
			continue;
		l->rank = xasprintf("%d/%d", r, of);
		for (dat = at; dat >= 0; dat--)
			if (strncmp(f + dat, "dat ", 4) == 0 &&
			    (dat == 0 || f[dat - 1] == ' '))
				break;
		if (dat >= 0) {
			const char *p = f + dat + 4;

			while (n + 1 < sizeof num && ((p[n] >= '0' &&
			    p[n] <= '9') || p[n] == ',' || p[n] == '.'))
				num[n] = p[n], n++;
			while (n > 0 && (num[n - 1] == ',' || num[n - 1] == '.'))
				n--;
			num[n] = '\0';
			l->has_result = n > 0 && text_parse_score(num,
			    &l->result);
		}
		l->period = title_period(ls->l[i].s);
		return;
	}
}

/* A signer's title as the letter writes it ("CHỦ TỊCH", "PHÓ CHỦ
 * TỊCH"); NULL when fold is none. */
static char *
title_of(const struct line *x)
{
	static const char *const titles[] = { "chu tich", "pho chu tich",
	    "giam doc", "pho giam doc", "truong phong", "pho truong phong",
	    "chanh van phong", "truong ban", "pho truong ban", "bi thu",
	    "pho bi thu", NULL };
	char *t, *rest;
	size_t k;

	for (k = 0; titles[k] != NULL; k++)
		if (strcmp(x->f, titles[k]) == 0)
			break;
	if (titles[k] == NULL)
		return NULL;
	t = title_sentence(x->s);
	if (strncmp(x->f, "pho ", 4) == 0 && (rest = strchr(t, ' ')) != NULL) {
		char *up = title_sentence(rest + 1);

		rest[1] = '\0';
		rest = xasprintf("%s%s", t, up);
		free(up);
		free(t);
		t = rest;
	}
	return t;
}

/* "TM. ỦY BAN NHÂN DÂN" → "TM. Ủy ban nhân dân". */
static char *
authority_of(const char *s)
{
	const char *sp = strchr(s, ' ');
	char *rest, *out;

	if (sp == NULL)
		return xstrdup(s);
	rest = body_case(sp + 1);
	out = xasprintf("%.*s %s", (int)(sp - s), s, rest);
	free(rest);
	return out;
}

/* The signer's name: the next line that is no "(Đã ký)", seal or the
 * appendix's title, in title case when written in capitals. */
static void
read_name(const struct lines *ls, size_t i, struct letter *l)
{
	char *up;

	while (++i < ls->n && (*ls->l[i].s == '\0' || *ls->l[i].s == '(' ||
	    starts(ls->l[i].f, "da ky")))
		;
	if (i == ls->n || starts(ls->l[i].f, "phu luc") ||
	    strpbrk(ls->l[i].s, "0123456789:") != NULL ||
	    strlen(ls->l[i].s) > 64)
		return;
	up = title_upper(ls->l[i].s);
	l->signer = strcmp(up, ls->l[i].s) == 0 ? title_case(ls->l[i].s) :
	    xstrdup(ls->l[i].s);
	free(up);
}

/* "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" / "Lê Đức Kiên", or the title
 * alone with no authority; "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH". */
static void
read_signer(const struct lines *ls, size_t from, struct letter *l)
{
	static const char *const words[] = { "tm. ", "kt. ", "q. ", "tl. ",
	    "tuq. ", NULL };
	size_t i = find(ls, from, words);

	if (i < ls->n) {
		l->authority = authority_of(ls->l[i].s);
		while (++i < ls->n && *ls->l[i].s == '\0')
			;
		if (i == ls->n || (l->title = title_of(&ls->l[i])) == NULL)
			return;
	} else {
		for (i = from; i < ls->n; i++)
			if ((l->title = title_of(&ls->l[i])) != NULL)
				break;
		if (i == ls->n)
			return;
	}
	read_name(ls, i, l);
}

struct letter *
letter_from_text(const char *data, size_t len)
{
	static const char *const kinh_gui[] = { "kinh gui", NULL };
	struct letter *l = letter_new();
	struct lines ls;
	size_t num, body;

	lines_read(data, len, LETTER_MAX_LINES, &ls);
	read_number(&ls, l, &num);
	read_day(&ls, l);
	read_list(&ls, "kinh gui", false, l);
	read_list(&ls, "noi nhan", true, l);
	body = find(&ls, 0, kinh_gui);
	if (body == ls.n)
		body = num < ls.n ? num : 0;
	{
		static const char *const subj[] = { "v/v", "ve viec", NULL };
		size_t i = find(&ls, 0, subj);

		if (i < ls.n)
			l->subject = trim(xstrdup(ls.l[i].s), false);
	}
	read_grounds(&ls, body, l);
	read_result(&ls, l);
	read_signer(&ls, body, l);
	lines_free(&ls);
	if (l->number == NULL && l->subject == NULL && l->nto == 0) {
		letter_free(l);
		return NULL;
	}
	return l;
}

char **
letter_lines(const char *data, size_t len, size_t max, size_t *n,
    char ***folded)
{
	struct lines ls;
	char **v;
	size_t i;

	lines_read(data, len, max, &ls);
	v = xcalloc(ls.n + 1, sizeof *v);
	*folded = xcalloc(ls.n + 1, sizeof **folded);
	for (i = 0; i < ls.n; i++) {
		v[i] = ls.l[i].s;
		(*folded)[i] = ls.l[i].f;
	}
	free(ls.l);
	*n = ls.n;
	return v;
}

struct letter *
letter_new(void)
{
	return xcalloc(1, sizeof(struct letter));
}

void
letter_free(struct letter *l)
{
	size_t i;

	if (l == NULL)
		return;
	free(l->number);
	free(l->day);
	free(l->place);
	free(l->parent);
	free(l->issuer);
	free(l->subject);
	free(l->authority);
	free(l->title);
	free(l->signer);
	free(l->grounds);
	free(l->period);
	free(l->rank);
	free(l->deadline);
	free(l->until);
	for (i = 0; i < l->nto; i++)
		free(l->to[i]);
	free(l->to);
	for (i = 0; i < l->ncc; i++)
		free(l->cc[i].name);
	free(l->cc);
	free(l);
}

void
letter_add_to(struct letter *l, const char *name)
{
	l->to = xrealloc(l->to, (l->nto + 1) * sizeof *l->to);
	l->to[l->nto++] = xstrdup(name);
}

void
letter_add_cc(struct letter *l, const char *name, bool report)
{
	l->cc = xrealloc(l->cc, (l->ncc + 1) * sizeof *l->cc);
	l->cc[l->ncc].name = xstrdup(name);
	l->cc[l->ncc].report = report;
	l->ncc++;
}

char *
letter_issuer_short(const struct letter *l)
{
	static const char *const longs[] = { "uy ban nhan dan ",
	    "hoi dong nhan dan ", NULL };
	static const char *const shorts[] = { "UBND ", "HĐND ", NULL };
	const char *p;
	size_t k;
	char *f;

	if (l->issuer == NULL)
		return NULL;
	f = text_fold(l->issuer);
	for (k = 0; longs[k] != NULL; k++)
		if (strncmp(f, longs[k], strlen(longs[k])) == 0)
			break;
	free(f);
	if (longs[k] == NULL)
		return xstrdup(l->issuer);
	/* The same four words in the issuer as written. */
	p = l->issuer;
	for (size_t w = 0; w < 4 && p != NULL; w++) {
		p = strchr(p, ' ');
		if (p != NULL)
			p++;
	}
	return xasprintf("%s%s", shorts[k], p != NULL ? p : "");
}
