/* SPDX-License-Identifier: ISC */
/* derive_pair.c: corrected files — old and new rows paired by their
 * words (directives) and a file's criteria weighed against each plan's
 * (the plan a title-less file corrects). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "derive.h"
#include "i18n.h"
#include "targets.h"
#include "util.h"

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80;
}

/* The distinct words of a folded text, sorted. */
static char **
word_set(const char *s, size_t *n)
{
	char **v = NULL;
	size_t cap = 0, k = 0, i, len;

	while (*s != '\0') {
		while (*s != '\0' && !word_byte((unsigned char)*s))
			s++;
		for (len = 0; word_byte((unsigned char)s[len]); len++)
			;
		if (len == 0)
			break;
		v = xgrow(v, &cap, k + 1, sizeof *v);
		v[k++] = xstrndup(s, len);
		s += len;
	}
	if (k > 0)
		xqsort(v, k, sizeof *v, str_cmp);
	for (i = 0, *n = 0; i < k; i++) {
		if (*n > 0 && strcmp(v[*n - 1], v[i]) == 0)
			free(v[i]);
		else
			v[(*n)++] = v[i];
	}
	return v;
}

static void
words_free(char **v, size_t n)
{
	while (n > 0)
		free(v[--n]);
	free(v);
}

void
derive_wordset(const char *folded, struct derive_wordset *out)
{
	out->w = word_set(folded, &out->n);
}

void
derive_wordset_free(struct derive_wordset *s)
{
	words_free(s->w, s->n);
	s->w = NULL;
	s->n = 0;
}

void
derive_sets_alike(const struct derive_wordset *a,
    const struct derive_wordset *b, size_t *num, size_t *den)
{
	size_t i = 0, j = 0, both = 0;
	int r;

	while (i < a->n && j < b->n) {
		r = strcmp(a->w[i], b->w[j]);
		both += r == 0;
		i += r <= 0;
		j += r >= 0;
	}
	*num = 2 * both;
	*den = a->n + b->n;
}

void
derive_words_alike(const char *a, const char *b, size_t *num, size_t *den)
{
	struct derive_wordset wa, wb;

	derive_wordset(a, &wa);
	derive_wordset(b, &wb);
	derive_sets_alike(&wa, &wb, num, den);
	derive_wordset_free(&wa);
	derive_wordset_free(&wb);
}

/* a/b against c/d: <0, 0, >0. */
static int
frac_cmp(size_t a, size_t b, size_t c, size_t d)
{
	unsigned long long x = (unsigned long long)a * d;
	unsigned long long y = (unsigned long long)c * b;

	return x < y ? -1 : x > y;
}

struct alike {
	size_t num, den;
	bool ok;		/* same criterion and above the threshold */
};

static struct alike *
alike_table(const struct derive_words *new, size_t nnew,
    const struct derive_words *old, size_t nold)
{
	struct alike *t = xcalloc(nnew * nold + 1, sizeof *t), *p;
	size_t i, j;

	for (i = 0; i < nnew; i++)
		for (j = 0; j < nold; j++) {
			p = &t[i * nold + j];
			if (strcmp(new[i].code, old[j].code) != 0)
				continue;
			derive_words_alike(new[i].words, old[j].words,
			    &p->num, &p->den);
			p->ok = p->num > 0 && frac_cmp(p->num, p->den,
			    DERIVE_ALIKE_NUM, DERIVE_ALIKE_DEN) >= 0;
		}
	return t;
}

/* The most alike pair among the unused, or false. */
static bool
alike_best(const struct alike *t, size_t nnew, size_t nold,
    const bool *used_new, const bool *used_old, size_t *bi, size_t *bj)
{
	const struct alike *p, *best = NULL;
	size_t i, j;

	for (i = 0; i < nnew; i++)
		for (j = 0; j < nold && !used_new[i]; j++) {
			p = &t[i * nold + j];
			if (!p->ok || used_old[j])
				continue;
			if (best == NULL || frac_cmp(p->num, p->den,
			    best->num, best->den) > 0) {
				best = p;
				*bi = i;
				*bj = j;
			}
		}
	return best != NULL;
}

/* Old tasks other than j as alike to new i as j is: a tie. */
static bool
tie_olds(const struct alike *t, size_t nold, size_t i, size_t j,
    bool *used_old, struct derive_pair *o)
{
	const struct alike *b = &t[i * nold + j], *p;
	bool tie = false;
	size_t k;

	for (k = 0; k < nold; k++) {
		p = &t[i * nold + k];
		if (k != j && !used_old[k] && p->ok &&
		    frac_cmp(p->num, p->den, b->num, b->den) == 0) {
			o->tie_old = (long)k;
			used_old[k] = tie = true;
		}
	}
	return tie;
}

/* New directives other than i as alike to old j as i is: a tie. */
static bool
tie_news(const struct alike *t, size_t nnew, size_t nold, size_t i,
    size_t j, bool *used_new, struct derive_pair *out)
{
	const struct alike *b = &t[i * nold + j], *p;
	bool tie = false;
	size_t k;

	for (k = 0; k < nnew; k++) {
		p = &t[k * nold + j];
		if (k != i && !used_new[k] && p->ok &&
		    frac_cmp(p->num, p->den, b->num, b->den) == 0) {
			out[k].tie_new = (long)i;
			out[k].near = (long)j;
			out[k].num = p->num;
			out[k].den = p->den;
			if (out[i].tie_new < 0)
				out[i].tie_new = (long)k;
			used_new[k] = tie = true;
		}
	}
	return tie;
}

void
derive_pair_directives(const struct derive_words *new, size_t nnew,
    const struct derive_words *old, size_t nold, struct derive_pair *out)
{
	struct alike *t = alike_table(new, nnew, old, nold);
	bool *used_new = xcalloc(nnew + 1, 1), *used_old = xcalloc(nold + 1, 1);
	size_t i, j;
	bool tie;

	for (i = 0; i < nnew; i++) {
		memset(&out[i], 0, sizeof out[i]);
		out[i].old = out[i].tie_old = out[i].tie_new = out[i].near = -1;
	}
	while (alike_best(t, nnew, nold, used_new, used_old, &i, &j)) {
		out[i].num = t[i * nold + j].num;
		out[i].den = t[i * nold + j].den;
		tie = tie_olds(t, nold, i, j, used_old, &out[i]);
		tie = tie_news(t, nnew, nold, i, j, used_new, out) || tie;
		if (tie)
			out[i].near = (long)j;
		else
			out[i].old = (long)j;
		used_new[i] = used_old[j] = true;
	}
	free(t);
	free(used_new);
	free(used_old);
}

static int
code_ptr_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void
derive_plan_likeness(const struct appendix *a, const struct plan_criteria *p,
    struct plan_likeness *out)
{
	const char **codes = xcalloc(p->n + 1, sizeof *codes);
	const char **fc = xcalloc(a->nrows + 1, sizeof *fc);
	size_t i, k;

	memset(out, 0, sizeof *out);
	for (i = 0; i < p->n; i++)
		codes[i] = p->codes[i];
	xqsort(codes, p->n, sizeof *codes, code_ptr_cmp);
	out->plan_codes = p->n;
	for (i = 0, k = 0; i < a->nrows; i++)
		if (a->rows[i].code != NULL)
			fc[k++] = a->rows[i].code;
	xqsort(fc, k, sizeof *fc, code_ptr_cmp);
	for (i = 0; i < k; i++) {
		if (i > 0 && strcmp(fc[i], fc[i - 1]) == 0)
			continue;
		out->file_codes++;
		if (xbsearch(&fc[i], codes, p->n, sizeof *codes,
		    code_ptr_cmp) != NULL)
			out->shared++;
	}
	/* Equal appraised scores, row by row (codes are unique in a file). */
	for (i = 0; i < a->nrows; i++) {
		const struct criterion *c = &a->rows[i];

		if (c->code == NULL)
			continue;
		for (k = 0; k < p->n; k++)
			if (strcmp(p->codes[k], c->code) == 0)
				break;
		if (k == p->n)
			continue;
		if ((c->has & HAS_APPRAISED) ? p->has_appraised[k] &&
		    p->appraised[k] == c->appraised : !p->has_appraised[k])
			out->equal++;
	}
	free(codes);
	free(fc);
}

bool
derive_plan_agrees(const struct plan_likeness *l)
{
	return l->shared > 0 && l->shared == l->file_codes &&
	    l->shared == l->plan_codes &&
	    l->equal * 100 >= l->shared * DERIVE_AGREE_PERCENT;
}

bool
derive_plan_close(const struct plan_likeness *l)
{
	return l->shared > 0 && l->shared * 2 >= l->file_codes;
}

char *
derive_name_fold(const char *name)
{
	char *f = text_fold(name != NULL ? name : ""), *r, *w;
	bool space = true;

	for (r = w = f; *r != '\0'; r++) {
		if (*r == ' ' || *r == '\t' || *r == '\n') {
			if (!space)
				*w++ = ' ';
			space = true;
		} else {
			*w++ = *r;
			space = false;
		}
	}
	if (w > f && w[-1] == ' ')
		w--;
	*w = '\0';
	return f;
}
