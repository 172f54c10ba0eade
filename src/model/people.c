/* SPDX-License-Identifier: ISC */
/* people.c: which of a role's people an assignment text names (see
 * people.h).  A title is folded and cut into words; a word is the
 * role's (it names the role) or shared (every title of the role has
 * it), else distinctive.  Runs of distinctive words not broken by
 * punctuation are the person's phrases ("hdnd va ubnd"); a text
 * names the person when it holds one whole, at word boundaries.  A
 * stray "và" or "thi" is not a phrase, so it names nobody. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "people.h"
#include "text.h"
#include "util.h"

/* A word of a folded text: its letters and whether punctuation (a
 * dash, ";", ",") comes before it. */
struct word {
	char *w;
	bool cut;
};

struct words {
	struct word *v;
	size_t n, cap;
};

static bool
is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* The words of s, folded. */
static void
words_read(const char *s, struct words *out)
{
	char *f = text_fold(s != NULL ? s : "");
	const char *p = f, *start;
	bool cut = false;

	memset(out, 0, sizeof *out);
	while (*p != '\0') {
		if (!is_letter((unsigned char)*p)) {
			if (*p != ' ')
				cut = true;
			p++;
			continue;
		}
		for (start = p; is_letter((unsigned char)*p); p++)
			;
		out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
		out->v[out->n].w = xstrndup(start, (size_t)(p - start));
		out->v[out->n++].cut = cut;
		cut = false;
	}
	free(f);
}

static void
words_free(struct words *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		free(w->v[i].w);
	free(w->v);
}

static bool
words_has(const struct words *w, const char *word)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (strcmp(w->v[i].w, word) == 0)
			return true;
	return false;
}

/* Whether word is no person's own: the role's, or in every title. */
static bool
is_common(const char *word, const struct words *role,
    const struct words *titles, size_t n)
{
	size_t i;

	if (words_has(role, word))
		return true;
	if (n < 2)
		return false;
	for (i = 0; i < n; i++)
		if (!words_has(&titles[i], word))
			return false;
	return true;
}

/* Whether the folded text holds one of title k's phrases. */
static bool
names(const char *folded, size_t k, const struct words *role,
    const struct words *titles, size_t n)
{
	const struct words *t = &titles[k];
	struct buf phrase = { 0 };
	bool found = false;
	size_t i;

	for (i = 0; i <= t->n && !found; i++) {
		bool end = i == t->n || t->v[i].cut ||
		    is_common(t->v[i].w, role, titles, n);

		if (end && phrase.len > 0) {
			char *p = buf_take(&phrase);

			found = text_find_word(folded, p) >= 0;
			free(p);
		}
		if (i == t->n || is_common(t->v[i].w, role, titles, n))
			continue;
		if (phrase.len > 0)
			buf_addc(&phrase, ' ');
		buf_adds(&phrase, t->v[i].w);
	}
	buf_free(&phrase);
	return found;
}

int
people_named(const char *text, const char *const *titles, size_t n,
    const char *const *role_words, size_t nwords)
{
	struct words role = { 0 }, *t, one;
	char *folded;
	size_t i, k;
	int who = -1;

	if (text == NULL || n == 0)
		return -1;
	for (i = 0; i < nwords; i++) {
		words_read(role_words[i], &one);
		for (k = 0; k < one.n; k++) {
			role.v = xgrow(role.v, &role.cap, role.n + 1,
			    sizeof *role.v);
			role.v[role.n++] = one.v[k];
		}
		free(one.v);
	}
	t = xcalloc(n, sizeof *t);
	for (i = 0; i < n; i++)
		words_read(titles[i], &t[i]);
	folded = text_fold(text);
	for (i = 0; i < n && who != -2; i++)
		if (t[i].n > 0 && names(folded, i, &role, t, n))
			who = who == -1 ? (int)i : -2;
	free(folded);
	for (i = 0; i < n; i++)
		words_free(&t[i]);
	free(t);
	words_free(&role);
	return who < 0 ? -1 : who;
}
