/* SPDX-License-Identifier: ISC */
/* body.c: the letter's body → directive rows (body.h). */
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "body.h"
#include "date.h"
#include "derive.h"
#include "instruction.h"
#include "schedule.h"
#include "text.h"
#include "util.h"

/* An instruction as read: its role's words, its text, where it starts
 * and the criterion a quote before it names (or NULL). */
struct item {
	const char *role;
	char *text;
	int line;
	const char *quoted;
};

struct reading {
	const struct config *c;
	const struct appendix *a;
	char **titles;		/* the criteria's titles, instruction_fold'ed */
	struct derive_wordset *comments;	/* their comments' words */
	int year;
	char *role;		/* the current heading's words, or NULL */
	char **roles;		/* every heading's words, owned */
	size_t nroles;
	struct buf quote;	/* a quote being read */
	bool in_quote;
	const char *quoted;	/* the criterion the last quote names */
	struct item *items;
	size_t nitems, cap;
	struct directive *out;
	size_t nout, ocap;
};

/* A leaf criterion (a task's): no other row's path below it. */
static bool
leaf(const struct appendix *a, size_t i)
{
	size_t k, n;

	if (a->rows[i].code == NULL || a->rows[i].path == NULL)
		return false;
	n = strlen(a->rows[i].path);
	for (k = 0; k < a->nrows; k++)
		if (k != i && a->rows[k].path != NULL &&
		    strncmp(a->rows[k].path, a->rows[i].path, n) == 0 &&
		    a->rows[k].path[n] == '.')
			return false;
	return true;
}

/* "1. ", "3.1 ", "II. " at the start of s: its length, or 0. */
static size_t
label(const char *s)
{
	const char *p = s;

	if (*p >= '0' && *p <= '9') {
		while ((*p >= '0' && *p <= '9') || (*p == '.' && p[1] >= '0' &&
		    p[1] <= '9'))
			p++;
	} else
		while (*p == 'I' || *p == 'V' || *p == 'X' || *p == 'i' ||
		    *p == 'v' || *p == 'x')
			p++;
	if (p == s)
		return 0;
	if (*p == '.' || *p == ')')
		p++;
	if (*p != ' ')
		return 0;
	return (size_t)(text_skip_space(p) - s);
}

/* A heading that names addressees (s, folded f): the words naming
 * them (malloc'd), or NULL. */
static char *
heading(const struct reading *r, const char *s, const char *f)
{
	size_t at = label(s), n;
	const char *owner, *w = s + at;
	char *support, *who;
	bool to;

	n = strlen(w);
	if (n == 0 || n > 160 || w[n - 1] == '.' || w[n - 1] == ';' ||
	    w[n - 1] == ',')
		return NULL;
	to = strncmp(f + label(f), "doi voi ", 8) == 0;
	if (at == 0 && !(to && w[n - 1] == ':'))
		return NULL;
	/* "Đối với …", "ĐỐI VỚI …", "Doi voi …": two words skipped. */
	for (n = 0; to && n < 2; n++) {
		w += strcspn(w, " ");
		w = text_skip_space(w);
	}
	who = xstrdup(w);
	n = strlen(who);
	while (n > 0 && (who[n - 1] == ':' || who[n - 1] == ' '))
		who[--n] = '\0';
	derive_match_roles(r->c, who, &owner, &support);
	free(support);
	if (!to && strcmp(owner, ROLE_UNASSIGNED) == 0) {
		free(who);
		return NULL;
	}
	return who;
}

/* The paragraph (folded) that closes the instructions. */
static bool
closing(const char *f)
{
	return strncmp(f, "tren day", 8) == 0 ||
	    strncmp(f, "noi nhan", 8) == 0 || strncmp(f, "tm.", 3) == 0 ||
	    strncmp(f, "kt.", 3) == 0 || text_find_word(f, "phu luc") >= 0;
}

/* The criterion whose council comment a quote (folded) repeats (the
 * most alike, at least half its words), or NULL. */
static const char *
quoted_code(const struct reading *r, const char *q)
{
	const char *best = NULL;
	size_t i, num, den, bn = 0, bd = 1;
	struct derive_wordset qs;

	derive_wordset(q, &qs);
	for (i = 0; i < r->a->nrows; i++) {
		if (r->comments[i].n == 0)
			continue;
		derive_sets_alike(&qs, &r->comments[i], &num, &den);
		if (den > 0 && 2 * num >= den && num * bd > bn * den) {
			bn = num;
			bd = den;
			best = r->a->rows[i].code;
		}
	}
	derive_wordset_free(&qs);
	return best;
}

static bool
opens_quote(const char *s)
{
	return strncmp(s, "“", strlen("“")) == 0 || *s == '"' ||
	    strncmp(s, "‘", strlen("‘")) == 0;
}

static bool
closes_quote(const char *s, bool first)
{
	size_t n = strlen(s);

	if (strstr(s, "”") != NULL || strstr(s, "’") != NULL)
		return true;
	return n > 0 && s[n - 1] == '"' && !(first && n == 1);
}

/* Parentheses opened and not closed: the paragraph goes on. */
static bool
open_paren(const char *s)
{
	int depth = 0;

	for (; *s != '\0'; s++)
		depth += *s == '(' ? 1 : *s == ')' ? -1 : 0;
	return depth > 0;
}

/* A bullet's mark: "- ", "+ ", "• ", "– ". */
static const char *
unbullet(const char *s)
{
	static const char *const marks[] = { "- ", "+ ", "• ", "– ", "* ",
	    NULL };
	size_t k;

	for (k = 0; marks[k] != NULL; k++)
		if (strncmp(s, marks[k], strlen(marks[k])) == 0)
			return text_skip_space(s + strlen(marks[k]));
	return s;
}

static void
add_item(struct reading *r, const char *text, int line)
{
	struct item *it;

	if (r->nitems > 0 && open_paren(r->items[r->nitems - 1].text)) {
		it = &r->items[r->nitems - 1];
		char *j = xasprintf("%s %s", it->text, text);

		free(it->text);
		it->text = j;
		return;
	}
	r->items = xgrow(r->items, &r->cap, r->nitems + 1, sizeof *r->items);
	it = &r->items[r->nitems++];
	it->role = r->role;
	it->text = xstrdup(text);
	it->line = line;
	it->quoted = r->quoted;
	r->quoted = NULL;
}

/* One line of the body (s, folded f); false once the instructions are
 * over. */
static bool
read_line(struct reading *r, const char *s, const char *f, int line)
{
	char *who;

	if (r->in_quote || (r->role != NULL && opens_quote(s))) {
		bool first = !r->in_quote;

		buf_addf(&r->quote, "%s%s", r->in_quote ? " " : "", f);
		r->in_quote = !closes_quote(first ? s + 1 : s, first);
		if (!r->in_quote) {
			r->quoted = quoted_code(r, r->quote.data);
			r->quote.len = 0;
		}
		return true;
	}
	if (r->role != NULL && closing(f))
		return false;
	if ((who = heading(r, s, f)) != NULL) {
		r->roles = xrealloc(r->roles, (r->nroles + 1) *
		    sizeof *r->roles);
		r->roles[r->nroles++] = who;
		r->role = who;
		r->quoted = NULL;
		return true;
	}
	if (r->role != NULL)
		add_item(r, unbullet(s), line);
	return true;
}

/* The sentences of s: offsets where each begins (". " before a capital
 * letter), at most max; returns how many. */
static size_t
sentences(const char *s, size_t *at, size_t max)
{
	size_t n = 0, i;
	ucs4_t uc;

	at[n++] = 0;
	for (i = 0; s[i] != '\0' && n < max; i++) {
		if (s[i] != '.' || s[i + 1] != ' ')
			continue;
		if (u8_mbtouc(&uc, (const uint8_t *)s + i + 2,
		    strlen(s + i + 2)) > 0 && uc_is_upper(uc))
			at[n++] = i + 2;
	}
	return n;
}

static char *
trimmed(const char *s, size_t len)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return xstrndup(s, len);
}

/* Emit one instruction (text, folded f, both taken): its links, its
 * schedule. */
static void
emit(struct reading *r, const struct item *it, char *text, char *f,
    bool first)
{
	struct directive *d;
	struct schedule sc;
	struct buf codes = { 0 };
	size_t order[16], k, got;
	char *x = instruction_expand(f);

	if (first && it->quoted != NULL)
		buf_adds(&codes, it->quoted);
	got = instruction_links_folded(x, (const char *const *)r->titles,
	    r->a->nrows, order, 16);
	free(x);
	for (k = 0; k < got; k++) {
		const char *code = r->a->rows[order[k]].code;

		if (first && it->quoted != NULL &&
		    strcmp(it->quoted, code) == 0)
			continue;
		buf_addf(&codes, "%s%s", codes.len > 0 ? "," : "", code);
	}
	schedule_from_folded(f, r->year, &sc);
	free(f);
	r->out = xgrow(r->out, &r->ocap, r->nout + 1, sizeof *r->out);
	d = &r->out[r->nout++];
	memset(d, 0, sizeof *d);
	d->role = xstrdup(it->role);
	d->code = codes.len > 0 ? buf_take(&codes) : NULL;
	buf_free(&codes);
	d->task = text;
	d->line = it->line;
	d->ongoing = sc.kind == SCHED_ONGOING;
	if (sc.due[0] != '\0')
		d->due = xstrdup(sc.due);
	d->target = sc.target[0] != '\0' ? xstrdup(sc.target) : NULL;
	d->every = sc.every[0] != '\0' ? xstrdup(sc.every) : NULL;
}

/* An item into instructions: a sentence with a deadline of its own in a
 * longer paragraph stands alone, the rest stays together.  Each
 * sentence is folded once. */
static void
split(struct reading *r, const struct item *it)
{
	size_t at[32], n = sentences(it->text, at, 32), i, own = n;
	struct buf rest = { 0 }, restf = { 0 };
	char *s[32], *f[32], due[11];

	for (i = 0; i < n; i++) {
		size_t end = i + 1 < n ? at[i + 1] : strlen(it->text);

		s[i] = trimmed(it->text + at[i], end - at[i]);
		f[i] = text_fold(s[i]);
		if (own == n && n > 1 && schedule_due_folded(f[i], r->year,
		    due))
			own = i;
	}
	for (i = 0; i < n; i++) {
		if (i == own)
			continue;
		buf_addf(&rest, "%s%s", rest.len > 0 ? " " : "", s[i]);
		buf_addf(&restf, "%s%s", restf.len > 0 ? " " : "", f[i]);
		free(s[i]);
		free(f[i]);
	}
	emit(r, it, buf_take(&rest), buf_take(&restf), true);
	if (own < n)
		emit(r, it, s[own], f[own], false);
	buf_free(&rest);
	buf_free(&restf);
}

static int
letter_year(const struct letter *l)
{
	char now[11];

	if (l != NULL && l->day != NULL)
		return atoi(l->day);
	today_real(now);
	return atoi(now);
}

/* The letter's own dates: until from its subject, the deadline from the
 * closing paragraphs (lines from `from`). */
static void
letter_dates(struct reading *r, struct letter *l, char **lines, size_t n,
    size_t from)
{
	char due[11];
	size_t i;

	if (l == NULL)
		return;
	if (l->subject != NULL && schedule_due_phrase(l->subject, r->year,
	    due))
		l->until = xstrdup(due);
	for (i = from; i < n && l->deadline == NULL; i++) {
		char *f = text_fold(lines[i]);
		bool end = strncmp(f, "noi nhan", 8) == 0;

		free(f);
		if (end)
			break;
		if (strstr(lines[i], "/") != NULL &&
		    schedule_due_phrase(lines[i], r->year, due))
			l->deadline = xstrdup(due);
	}
}

void
body_read(const struct config *c, const char *data, size_t len,
    size_t max, const struct appendix *a, struct letter *l,
    struct directive **out, size_t *n)
{
	struct reading r = { .c = c, .a = a };
	size_t nl = 0, i, k;
	char **folded, **lines = letter_lines(data, len, max, &nl, &folded);

	r.year = letter_year(l);
	r.titles = xcalloc(a->nrows + 1, sizeof *r.titles);
	r.comments = xcalloc(a->nrows + 1, sizeof *r.comments);
	for (i = 0; i < a->nrows; i++) {
		bool lf = leaf(a, i);

		r.titles[i] = lf ? instruction_fold(a->rows[i].title) :
		    xstrdup("");
		if (lf) {
			char *f = text_fold(a->rows[i].comment);

			derive_wordset(f, &r.comments[i]);
			free(f);
		}
	}
	for (i = 0; i < nl; i++)
		if (lines[i][0] != '\0' && !read_line(&r, lines[i], folded[i],
		    (int)i + 1))
			break;
	letter_dates(&r, l, lines, nl, i);
	for (k = 0; k < r.nitems; k++) {
		split(&r, &r.items[k]);
		free(r.items[k].text);
	}
	/* A one-off without a date of its own runs to the letter's end. */
	for (k = 0; k < r.nout; k++)
		if (!r.out[k].ongoing && r.out[k].due == NULL && l != NULL &&
		    l->until != NULL)
			r.out[k].due = xstrdup(l->until);
	for (i = 0; i < nl; i++) {
		free(lines[i]);
		free(folded[i]);
	}
	free(lines);
	free(folded);
	for (i = 0; i < a->nrows; i++) {
		free(r.titles[i]);
		derive_wordset_free(&r.comments[i]);
	}
	free(r.titles);
	free(r.comments);
	for (i = 0; i < r.nroles; i++)
		free(r.roles[i]);
	free(r.roles);
	free(r.items);
	buf_free(&r.quote);
	*out = r.out;
	*n = r.nout;
}

void
body_free(struct directive *d, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(d[i].role);
		free(d[i].code);
		free(d[i].task);
		free(d[i].due);
		free(d[i].target);
		free(d[i].every);
	}
	free(d);
}
