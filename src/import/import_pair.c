/* SPDX-License-Identifier: ISC */
/* import_pair.c: what a corrected file no longer gives, and which
 * stored task a reworded, reassigned or corrected directive continues.
 *
 * Directive tasks are of two kinds, told apart by their keys: those the
 * letter's body gives ("L:CODE/words") and those a directives table
 * gives ("D:CODE/words").  A body is the whole set of its instructions:
 * what it no longer gives is said.  A table corrects or adds: a row with
 * a body task's role and criterion (or its words) continues that task
 * under the row's key, and the body's tasks a table does not mention are
 * not said; a body task a table has corrected is not added again. */
#include <stdlib.h>
#include <string.h>

#include "derive.h"
#include "i18n.h"
#include "output.h"
#include "text.h"
#include "util.h"
#include "import_impl.h"
/* A warning about the file: on standard error, or with the dry run's
 * report.  line 0: the file as a whole. */
static void
warn(const struct import_opts *o, const char *file, int line, char *msg)
{
	FILE *f = o->dry_run ? o->out : o->warn;
	char *name = import_safe(file);

	out_printf(f, "%s%s", o->dry_run ? "" : "parboard: ", name);
	if (line > 0)
		out_printf(f, ":%d", line);
	out_printf(f, ": ");
	out_printf(f, _("warning: %s\n"), msg);
	free(name);
	free(msg);
}

/* The folded words of a directive's key "D:CODE/words#2". */
static char *
key_words(const char *key, const char *code)
{
	const char *w = key + 2 + strlen(code != NULL ? code : "");
	size_t n;

	if (strncmp(key, "D:", 2) != 0 || *w != '/')
		w = strchr(key, '/') != NULL ? strchr(key, '/') : key;
	n = strlen(++w);
	while (n > 0 && w[n - 1] >= '0' && w[n - 1] <= '9')
		n--;
	if (n == 0 || w[n - 1] != '#')
		n = strlen(w);
	else
		n--;
	return xstrndup(w, n);
}

static int
key_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
prefixed(const char *key, const char *prefix)
{
	return strncmp(key, prefix, strlen(prefix)) == 0;
}

void
import_gone_free(struct gone *g)
{
	tasks_free(g->stored, g->nstored);
	free(g->old);
	free(g->new);
	free(g->paired);
	free(g->quiet);
	free(g->skip);
}

/* A body task a table has corrected: a stored table task of the same
 * role and criterion, or of the same criterion and alike words. */
static bool
corrected(const struct gone *g, const struct task_spec *t)
{
	char *w = key_words(t->key, t->code), *v;
	size_t i, num, den;
	bool yes = false;

	for (i = 0; i < g->nstored && !yes; i++) {
		const struct task *o = &g->stored[i];

		if (!prefixed(o->key, "D:") || strcmp(o->code ? o->code : "",
		    t->code ? t->code : "") != 0)
			continue;
		if (t->code != NULL && strcmp(o->role, t->role) == 0) {
			yes = true;
			break;
		}
		v = key_words(o->key, o->code);
		derive_words_alike(w, v, &num, &den);
		free(v);
		yes = den > 0 && num * DERIVE_ALIKE_DEN >= den *
		    DERIVE_ALIKE_NUM;
	}
	free(w);
	return yes;
}

int
import_gone_find(struct store *s, long plan_id, enum origin origin,
    const char *prefix, const struct derivation *d, struct gone *g,
    char **err)
{
	char **given = xcalloc(d->ntasks + 1, sizeof *given), **known;
	size_t i;

	memset(g, 0, sizeof *g);
	g->skip = xcalloc(d->ntasks + 1, sizeof *g->skip);
	if (s == NULL || plan_id == 0) {
		free(given);
		return 0;
	}
	if (store_task_keys(s, plan_id, origin_name(origin), &g->stored,
	    &g->nstored, err) != 0) {
		free(given);
		return -1;
	}
	known = xcalloc(g->nstored + 1, sizeof *known);
	g->old = xcalloc(g->nstored + 1, sizeof *g->old);
	g->new = xcalloc(d->ntasks + 1, sizeof *g->new);
	g->paired = xcalloc(g->nstored + 1, sizeof *g->paired);
	g->quiet = xcalloc(g->nstored + 1, sizeof *g->quiet);
	for (i = 0; i < d->ntasks; i++)
		given[i] = d->tasks[i].key;
	for (i = 0; i < g->nstored; i++)
		known[i] = g->stored[i].key;
	xqsort(given, d->ntasks, sizeof *given, key_cmp);
	xqsort(known, g->nstored, sizeof *known, key_cmp);
	for (i = 0; i < g->nstored; i++) {
		const char *k = g->stored[i].key;

		if (xbsearch(&k, given, d->ntasks, sizeof *given,
		    key_cmp) != NULL)
			continue;
		if (prefix == NULL || prefixed(k, prefix))
			g->old[g->nold++] = i;
		else if (strcmp(prefix, "D:") == 0 && prefixed(k, "L:")) {
			g->quiet[i] = true;
			g->old[g->nold++] = i;
		}
	}
	for (i = 0; i < d->ntasks; i++) {
		if (xbsearch(&d->tasks[i].key, known, g->nstored,
		    sizeof *known, key_cmp) != NULL)
			continue;
		if (prefix != NULL && strcmp(prefix, "L:") == 0 &&
		    corrected(g, &d->tasks[i]))
			g->skip[i] = true;
		else
			g->new[g->nnew++] = i;
	}
	free(given);
	free(known);
	return 0;
}

/* More pairs than this are not weighed (a whole other table). */
#define PAIR_MAX 1000000

/* Say one tie: the new directive becomes a new task. */
static void
say_tie(const struct import_opts *o, const char *file,
    const struct derivation *d, const struct gone *g,
    const struct derive_pair *p, const size_t *ni, const size_t *oi,
    size_t i)
{
	const struct task_spec *t = &d->tasks[g->new[ni[i]]];
	const struct task *a = &g->stored[g->old[oi[p[i].near]]];
	char *nw = import_safe(t->title), *aw = import_safe(a->title), *bw;

	if (p[i].tie_old >= 0) {
		const struct task *b =
		    &g->stored[g->old[oi[p[i].tie_old]]];

		bw = import_safe(b->title);
		warn(o, file, t->line, xasprintf(_("directive \"%s\" is as "
		    "close to task %ld (\"%s\") as to task %ld (\"%s\"): it "
		    "becomes a new task; give it its status by hand"), nw,
		    a->id, aw, b->id, bw));
		free(bw);
	} else
		warn(o, file, t->line, xasprintf(_("directive \"%s\" and "
		    "the one on line %d are as close to task %ld (\"%s\"): "
		    "each becomes a new task; give them their status by "
		    "hand"), nw, d->tasks[g->new[ni[p[i].tie_new]]].line, a->id,
		    aw));
	free(nw);
	free(aw);
}

/* Say one pairing and, unless dry, rekey the old task; den 0: paired
 * by role and criterion. */
static int
pair_one(struct store *s, const struct import_opts *o, const char *file,
    const struct task_spec *t, struct task *old, size_t num, size_t den,
    char **err)
{
	char *nw, *ow;
	size_t pct = den > 0 ? (100 * num + den / 2) / den : 100;

	/* A table that repeats the body's words: the same task, unsaid. */
	if (prefixed(old->key, "L:") && strcmp(old->title, t->title) == 0)
		return o->dry_run ? 0 : store_task_rekey(s, old->id, t->key,
		    t->title, err);
	nw = import_safe(t->title);
	ow = import_safe(old->title);
	if (den == 0)
		out_printf(o->out, o->dry_run ? _("%s:%d: directive \"%s\" "
		    "would correct task %ld (\"%s\"; the same role and "
		    "criterion), keeping its status, notes and history\n") :
		    _("%s:%d: directive \"%s\" corrects task %ld (\"%s\"; "
		    "the same role and criterion), keeping its status, notes "
		    "and history\n"), file, t->line, nw, old->id, ow);
	else
		out_printf(o->out, o->dry_run ? _("%s:%d: directive \"%s\" "
		    "would continue task %ld (\"%s\"; %zu%% of the words "
		    "alike), keeping its status, notes and history\n") :
		    _("%s:%d: directive \"%s\" continues task %ld (\"%s\"; "
		    "%zu%% of the words alike), keeping its status, notes and "
		    "history\n"), file, t->line, nw, old->id, ow, pct);
	free(nw);
	free(ow);
	if (o->dry_run)
		return 0;
	return store_task_rekey(s, old->id, t->key, t->title, err);
}

/* A table row with a body task's role and criterion continues it (the
 * only such task the file does not give); with body false, a task an
 * earlier table gave as well (a body task that table corrected). */
static int
pair_by_role(struct store *s, const struct import_opts *o,
    const char *file, const struct derivation *d, struct gone *g,
    bool *done, bool body, char **err)
{
	size_t i, j, hit, n;
	int rc = 0;

	for (i = 0; i < g->nnew && rc == 0; i++) {
		const struct task_spec *t = &d->tasks[g->new[i]];

		if (done[i] || t->code == NULL || !prefixed(t->key, "D:"))
			continue;
		for (j = n = 0, hit = 0; j < g->nold; j++) {
			const struct task *a = &g->stored[g->old[j]];

			if (!g->paired[g->old[j]] &&
			    (!body || g->quiet[g->old[j]]) &&
			    a->code != NULL && strcmp(a->code, t->code) == 0 &&
			    strcmp(a->role, t->role) == 0) {
				hit = j;
				n++;
			}
		}
		if (n != 1)
			continue;
		done[i] = true;
		g->paired[g->old[hit]] = true;
		rc = pair_one(s, o, file, t, &g->stored[g->old[hit]], 0, 0,
		    err);
	}
	return rc;
}

/* A reworded or reassigned directive: the task the file no longer gives
 * with the same criterion and the most alike words continues. */
int
import_pair_directives(struct store *s, const struct import_opts *o,
    const char *file, const struct derivation *d, struct gone *g,
    char **err)
{
	struct derive_words *nw, *ow;
	struct derive_pair *p;
	size_t i, nn = 0, no = 0, *ni, *oi;
	bool *done;
	int rc;

	if (g->nold == 0 || g->nnew == 0 || g->nold * g->nnew > PAIR_MAX)
		return 0;
	done = xcalloc(g->nnew, sizeof *done);
	rc = pair_by_role(s, o, file, d, g, done, true, err);
	nw = xcalloc(g->nnew, sizeof *nw);
	ow = xcalloc(g->nold, sizeof *ow);
	ni = xcalloc(g->nnew, sizeof *ni);
	oi = xcalloc(g->nold, sizeof *oi);
	p = xcalloc(g->nnew, sizeof *p);
	for (i = 0; i < g->nnew; i++) {
		const struct task_spec *t = &d->tasks[g->new[i]];

		if (done[i])
			continue;
		ni[nn] = i;
		nw[nn].code = t->code != NULL ? t->code : "";
		nw[nn++].words = key_words(t->key, t->code);
	}
	for (i = 0; i < g->nold; i++) {
		const struct task *t = &g->stored[g->old[i]];

		if (g->paired[g->old[i]])
			continue;
		oi[no] = i;
		ow[no].code = t->code != NULL ? t->code : "";
		ow[no++].words = key_words(t->key, t->code);
	}
	derive_pair_directives(nw, nn, ow, no, p);
	for (i = 0; i < nn && rc == 0; i++) {
		done[ni[i]] = p[i].old >= 0 || p[i].near >= 0;
		if (p[i].old >= 0) {
			g->paired[g->old[oi[p[i].old]]] = true;
			rc = pair_one(s, o, file, &d->tasks[g->new[ni[i]]],
			    &g->stored[g->old[oi[p[i].old]]], p[i].num,
			    p[i].den, err);
		} else if (p[i].near >= 0)
			say_tie(o, file, d, g, p, ni, oi, i);
	}
	/* Words unlike any: the one task of its role and criterion. */
	if (rc == 0)
		rc = pair_by_role(s, o, file, d, g, done, false, err);
	for (i = 0; i < nn; i++)
		free((char *)nw[i].words);
	for (i = 0; i < no; i++)
		free((char *)ow[i].words);
	free(nw);
	free(ow);
	free(ni);
	free(oi);
	free(p);
	free(done);
	return rc;
}

/* Tasks of the plan that the file no longer gives (a criterion
 * reassigned or no longer deducted, a directive dropped or reworded
 * beyond recognition): kept, never deleted, but said. */
void
import_warn_gone(const struct import_opts *o, const char *file, enum origin origin,
    const struct gone *g)
{
	const struct task *t;
	char *w;
	size_t i;

	for (i = 0; i < g->nold; i++) {
		if (g->paired[g->old[i]] || g->quiet[g->old[i]])
			continue;
		t = &g->stored[g->old[i]];
		if (origin == ORIGIN_APPENDIX) {
			warn(o, file, 0, xasprintf(_("task %ld (%s/%s) is no "
			    "longer given by this file; kept with its status "
			    "and history"), t->id, t->code ? t->code : "-",
			    t->role));
			continue;
		}
		w = import_safe(t->title);
		warn(o, file, 0, xasprintf(_("directive task %ld (%s/%s: "
		    "\"%s\") is no longer given by this file; kept with its "
		    "status and history"), t->id, t->code ? t->code : "-",
		    t->role, w));
		free(w);
	}
}

