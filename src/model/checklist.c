/* SPDX-License-Identifier: ISC */
/* checklist.c: a criterion's checklist read from its council comment
 * (the rules are in checklist.h).  The comment is cut into tokens, words
 * and punctuation, each word folded once (text_fold), so that phrases
 * are matched case and tone marks aside while the items keep the
 * comment's own bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checklist.h"
#include "date.h"
#include "text.h"
#include "util.h"

_Static_assert(DOC_NKINDS <= 32, "a kind is a bit of an unsigned");

struct tok {
	const char *p;		/* in the comment */
	size_t n;
	char punct;		/* the punctuation mark, or 0 for a word */
	char *fold;		/* a word folded; NULL for punctuation */
};

struct toks {
	struct tok *v;
	size_t n;
};

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Punctuation that cuts phrases, and the line break that ends a list
 * (a paragraph or list item of the comment's markup); a comma or full
 * stop between digits ("0,22", "1.4") is part of its word. */
static bool
is_punct(const char *s, const char *p)
{
	if (*p == '\0' || strchr(",;.:()\n", *p) == NULL)
		return false;
	if ((*p == ',' || *p == '.') && p > s && is_digit(p[-1]) &&
	    is_digit(p[1]))
		return false;
	return true;
}

static bool
is_space(const char *p)
{
	return *p == ' ' || *p == '\t' || *p == '\r' ||
	    (p[0] == '\xC2' && p[1] == '\xA0');
}

static void
tokenize(const char *s, struct toks *t)
{
	const char *p = s, *start;
	size_t cap = 0;
	struct tok *k;

	t->v = NULL;
	t->n = 0;
	while (*p != '\0') {
		if (is_space(p)) {
			p += *p == '\xC2' ? 2 : 1;
			continue;
		}
		t->v = xgrow(t->v, &cap, t->n + 1, sizeof *t->v);
		k = &t->v[t->n++];
		memset(k, 0, sizeof *k);
		k->p = p;
		if (is_punct(s, p)) {
			k->punct = *p++;
			k->n = 1;
			continue;
		}
		for (start = p; *p != '\0' && !is_space(p) && !is_punct(s, p);
		    p++)
			;
		k->n = (size_t)(p - start);
		start = xstrndup(start, k->n);
		k->fold = text_fold(start);
		free((char *)start);
	}
}

static void
toks_free(struct toks *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].fold);
	free(t->v);
}

/* Whether the words (NULL-terminated, folded) stand at token i. */
static bool
words_at(const struct toks *t, size_t i, const char *const *w)
{
	for (; *w != NULL; w++, i++)
		if (i >= t->n || t->v[i].fold == NULL ||
		    strcmp(t->v[i].fold, *w) != 0)
			return false;
	return true;
}

static size_t
nwords(const char *const *w)
{
	size_t n = 0;

	while (w[n] != NULL)
		n++;
	return n;
}

/* Token i as a number of up to four digits; -1 when it is not one. */
static long
number_at(const struct toks *t, size_t i)
{
	size_t k;

	if (i >= t->n || t->v[i].fold == NULL || t->v[i].n > 4)
		return -1;
	for (k = 0; k < t->v[i].n; k++)
		if (!is_digit(t->v[i].p[k]))
			return -1;
	return atol(t->v[i].fold);
}

static bool
punct_at(const struct toks *t, size_t i, const char *marks)
{
	return i < t->n && t->v[i].punct != 0 &&
	    strchr(marks, t->v[i].punct) != NULL;
}

/* --- items ----------------------------------------------------------------- */

unsigned
checklist_kinds(const char *text)
{
	const char *p = text;
	unsigned kinds = CHECKLIST_ANY;
	enum doc_kind k;

	for (;;) {
		if ((k = dockind_of_text(p, NULL)) != DOC_NONE)
			kinds |= CHECKLIST_KIND(k);
		if ((p = strchr(p, '/')) == NULL)
			return kinds;
		p++;
	}
}

/* Whether c already has an item that reads as text does. */
static bool
has_item(const struct checklist *c, const char *text)
{
	char *f = text_fold(text), *g;
	bool same = false;
	size_t i;

	for (i = 0; i < c->nitems && !same; i++) {
		g = text_fold(c->items[i].text);
		same = strcmp(f, g) == 0;
		free(g);
	}
	free(f);
	return same;
}

static void
add_item(struct checklist *c, char *text)
{
	struct checklist_item *it;

	if (*text == '\0' || has_item(c, text)) {
		free(text);
		return;
	}
	c->items = xrealloc(c->items, (c->nitems + 1) * sizeof *c->items);
	it = &c->items[c->nitems++];
	it->text = text;
	it->kinds = checklist_kinds(text);
}

void
checklist_add(struct checklist *c, const char *text)
{
	add_item(c, xstrdup(text));
}

void
checklist_add_any(struct checklist *c)
{
	c->items = xrealloc(c->items, (c->nitems + 1) * sizeof *c->items);
	c->items[c->nitems].text = xstrdup(CHECKLIST_ANY_TEXT);
	c->items[c->nitems++].kinds = CHECKLIST_ANY;
}

/* The bytes of tokens a..b (inclusive). */
static char *
span(const struct toks *t, size_t a, size_t b)
{
	return xstrndup(t->v[a].p, (size_t)(t->v[b].p + t->v[b].n -
	    t->v[a].p));
}

/* A "Tài liệu kiểm chứng:" list from token i to the sentence's or the
 * line's end; the token there. */
static size_t
take_list(const struct toks *t, size_t i, struct checklist *c)
{
	size_t first = SIZE_MAX, last = 0, j;
	char *piece;

	while (i < t->n && !punct_at(t, i, ".\n")) {
		for (j = i; j < t->n && !punct_at(t, j, ",;.\n"); j++)
			;
		if (j > i) {
			piece = span(t, i, j - 1);
			if (first != SIZE_MAX &&
			    dockind_of_text(piece, NULL) == DOC_NONE) {
				last = j - 1;	/* continues the item */
			} else {
				if (first != SIZE_MAX)
					add_item(c, span(t, first, last));
				first = i;
				last = j - 1;
			}
			free(piece);
		}
		i = j < t->n && !punct_at(t, j, ".\n") ? j + 1 : j;
	}
	if (first != SIZE_MAX)
		add_item(c, span(t, first, last));
	return i;
}

/* "Bổ sung D" at token i (D's first token): D up to the next
 * punctuation, an item when it begins with a head word. */
static void
take_named(const struct toks *t, size_t i, struct checklist *c)
{
	size_t j;
	char *d;

	for (j = i; j < t->n && t->v[j].fold != NULL; j++)
		;
	if (j == i)
		return;
	d = span(t, i, j - 1);
	if (dockind_of_text(d, NULL) != DOC_NONE)
		add_item(c, d);
	else
		free(d);
}

/* --- the counted target ----------------------------------------------------- */

/* Words that start a new phrase after a unit ("02 diễn đàn trực tiếp
 * hoặc trực tuyến giữa …"), folded. */
static const char *const unit_stops[] = {
	"truc", "hoac", "va", "ve", "giua", "cua", "trong", "tai", "cho",
	"theo", "tro", "moi", "voi", "tren", "de", "nham", "duoc", "da",
	"tu", "den", "thuoc", "nhu", "la", NULL,
};

static bool
is_unit_stop(const char *fold)
{
	size_t i;

	for (i = 0; unit_stops[i] != NULL; i++)
		if (strcmp(fold, unit_stops[i]) == 0)
			return true;
	return false;
}

/* The unit after the number at token i. */
static char *
take_unit(const struct toks *t, size_t i)
{
	size_t j = i + 1;

	while (j < t->n && j < i + 5 && t->v[j].fold != NULL &&
	    !is_unit_stop(t->v[j].fold))
		j++;
	return j > i + 1 ? span(t, i + 1, j - 1) : xstrdup("");
}

/* The sentence around token i: [*a, *b). */
static void
sentence(const struct toks *t, size_t i, size_t *a, size_t *b)
{
	*a = i;
	while (*a > 0 && !punct_at(t, *a - 1, "."))
		(*a)--;
	*b = i;
	while (*b < t->n && !punct_at(t, *b, "."))
		(*b)++;
}

/* The period the sentence [a, b) names into c (months m1..m2 of the year
 * it names, else of year). */
static void
take_period(const struct toks *t, size_t a, size_t b, int year,
    struct checklist *c)
{
	static const char *const half[] = { "thang", NULL };
	static const char *const whole[][4] = {
		{ "den", "cuoi", "nam", NULL }, { "trong", "nam", NULL },
		{ "ca", "nam", NULL },
	};
	int m1 = 0, m2 = 0;
	long y;
	size_t i, k;

	for (i = a; i < b && m1 == 0; i++) {
		if (number_at(t, i) == 6 && words_at(t, i + 1, half) &&
		    i + 3 < b && t->v[i + 3].fold != NULL &&
		    strcmp(t->v[i + 3].fold, "nam") == 0 &&
		    t->v[i + 2].fold != NULL) {
			if (strcmp(t->v[i + 2].fold, "dau") == 0)
				m1 = 1, m2 = 6;
			else if (strcmp(t->v[i + 2].fold, "cuoi") == 0)
				m1 = 7, m2 = 12;
		}
		for (k = 0; k < 3 && m1 == 0; k++)
			if (words_at(t, i, whole[k]))
				m1 = 1, m2 = 12;
	}
	for (i = a; i + 1 < b; i++)
		if (t->v[i].fold != NULL && strcmp(t->v[i].fold, "nam") == 0 &&
		    t->v[i + 1].n == 4 && (y = number_at(t, i + 1)) >= 1900)
			year = (int)y;
	if (m1 == 0 || year <= 0)
		return;
	date_iso(c->from, year, m1, 1);
	date_iso(c->to, year, m2, date_month_days(year, m2));
}

/* "ít nhất NN", "tối thiểu NN", "từ NN … trở lên" at token i: the
 * counted target. */
static bool
take_target(const struct toks *t, size_t i, int year, struct checklist *c)
{
	static const char *const least[][3] = {
		{ "it", "nhat", NULL }, { "toi", "thieu", NULL },
	};
	static const char *const from[] = { "tu", NULL };
	static const char *const up[] = { "tro", "len", NULL };
	size_t k, at = 0, a, b, j;
	long n;

	for (k = 0; k < 2 && at == 0; k++)
		if (words_at(t, i, least[k]) && number_at(t, i + 2) > 0)
			at = i + 2;
	if (at == 0 && words_at(t, i, from) && number_at(t, i + 1) > 0) {
		for (j = i + 2; j < t->n && t->v[j].punct == 0 &&
		    !words_at(t, j, up); j++)
			;
		if (j < t->n && words_at(t, j, up))
			at = i + 1;
	}
	if (at == 0)
		return false;
	n = number_at(t, at);
	c->count = n;
	c->unit = take_unit(t, at);
	sentence(t, at, &a, &b);
	take_period(t, a, b, year, c);
	return true;
}

/* --- the comment ---------------------------------------------------------- */

void
checklist_from_comment(const char *comment, int year,
    struct checklist *out)
{
	static const char *const tlkc[] = { "tai", "lieu", "kiem", "chung",
	    NULL };
	static const char *const abbr[] = { "tlkc", NULL };
	static const char *const named[][3] = {
		{ "bo", "sung", NULL }, { "chua", "co", NULL },
	};
	struct toks t;
	size_t i, k;

	memset(out, 0, sizeof *out);
	tokenize(comment != NULL ? comment : "", &t);
	for (i = 0; i < t.n; i++) {
		if (words_at(&t, i, tlkc) && punct_at(&t, i + 4, ":")) {
			i = take_list(&t, i + 5, out);
			continue;
		}
		if (words_at(&t, i, abbr) && punct_at(&t, i + 1, ":")) {
			i = take_list(&t, i + 2, out);
			continue;
		}
		for (k = 0; k < 2; k++)
			if (words_at(&t, i, named[k]))
				take_named(&t, i + nwords(named[k]), out);
		if (out->count == 0)
			take_target(&t, i, year, out);
	}
	if (out->nitems == 0)
		checklist_add_any(out);
	toks_free(&t);
}

/* --- words ------------------------------------------------------------------ */

static void
add_abbr(struct buf *b, enum doc_kind k, const char *sep)
{
	const char *a = dockind_abbr(k);

	if (b->len > 0)
		buf_adds(b, sep);
	buf_adds(b, *a != '\0' ? a : dockind_name(k));
}

char *
checklist_kinds_abbr(const struct checklist_item *it, const char *sep)
{
	struct buf b = { 0 };
	unsigned left = it->kinds;
	const char *p = it->text;
	enum doc_kind k;
	int i;

	/* In the text's order first; then any its words do not name. */
	for (;;) {
		k = dockind_of_text(p, NULL);
		if (k != DOC_NONE && (left & CHECKLIST_KIND(k)) != 0) {
			add_abbr(&b, k, sep);
			left &= ~CHECKLIST_KIND(k);
		}
		if ((p = strchr(p, '/')) == NULL)
			break;
		p++;
	}
	for (i = DOC_NONE + 1; i < DOC_NKINDS; i++)
		if ((left & CHECKLIST_KIND(i)) != 0)
			add_abbr(&b, (enum doc_kind)i, sep);
	return buf_take(&b);
}

char *
checklist_describe(const struct checklist *c)
{
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < c->nitems; i++)
		buf_addf(&b, "%s%s", i > 0 ? "; " : "", c->items[i].text);
	if (c->count > 0)
		buf_addf(&b, " | %ld %s", c->count, c->unit != NULL ?
		    c->unit : "");
	return buf_take(&b);
}

int
checklist_year_of(const char *text)
{
	const char *p;
	int year = 0;

	for (p = text; p != NULL && *p != '\0'; p++)
		if ((p == text || !is_digit(p[-1])) && is_digit(p[0]) &&
		    is_digit(p[1]) && is_digit(p[2]) && is_digit(p[3]) &&
		    !is_digit(p[4]) && (p[0] == '1' || p[0] == '2'))
			year = atoi(p);
	return year;
}

bool
checklist_is_any(const struct checklist *c)
{
	return c->nitems == 1 && c->items[0].kinds == CHECKLIST_ANY &&
	    strcmp(c->items[0].text, CHECKLIST_ANY_TEXT) == 0;
}

void
checklist_clear(struct checklist *c)
{
	size_t i;

	for (i = 0; i < c->nitems; i++)
		free(c->items[i].text);
	free(c->items);
	free(c->unit);
	memset(c, 0, sizeof *c);
}
