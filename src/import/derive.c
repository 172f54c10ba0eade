/* SPDX-License-Identifier: ISC */
/* derive.c: criteria and directives → tasks and consistency findings.
 *
 * A criterion is deducted when its appraised score is below its standard
 * or its listed deduction is not zero.  Only deducted leaves (no deducted
 * sub-criterion in the table) become tasks, so a parent's points are never
 * counted twice.  The council's figures are kept verbatim; where they do
 * not add up, a finding says so and nothing is "fixed".
 *
 * Pairing a corrected file's rows and plan with the stored ones is in
 * derive_pair.c. */

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "derive.h"
#include "i18n.h"
#include "targets.h"
#include "title.h"
#include "util.h"

/* A finding of kind k with its figures (finding.h), and its words. */
static void
add_finding(struct derivation *d, size_t *cap, int line, const char *code,
    enum finding_kind k, score a, score b, const char *t1, const char *t2)
{
	struct finding *f;

	d->findings = xgrow(d->findings, cap, d->nfindings + 1,
	    sizeof *d->findings);
	f = &d->findings[d->nfindings++];
	memset(f, 0, sizeof *f);
	f->line = line;
	f->code = code ? xstrdup(code) : NULL;
	f->kind = k;
	f->a = a;
	f->b = b;
	f->t1 = t1 ? xstrdup(t1) : NULL;
	f->t2 = t2 ? xstrdup(t2) : NULL;
	f->message = finding_text(f);
}

static struct task_spec *
add_task(struct derivation *d, size_t *cap)
{
	struct task_spec *t;

	d->tasks = xgrow(d->tasks, cap, d->ntasks + 1, sizeof *d->tasks);
	t = &d->tasks[d->ntasks++];
	memset(t, 0, sizeof *t);
	return t;
}

/* Earliest position of any of the role's patterns in folded text, or -1. */
static long
role_position(const struct role *r, const char *folded)
{
	long best = -1, at;
	size_t i;

	for (i = 0; i < r->npatterns; i++) {
		at = text_find_word(folded, r->patterns[i]);
		if (at >= 0 && (best < 0 || at < best))
			best = at;
	}
	return best;
}

void
derive_match_roles(const struct config *c, const char *text,
    const char **owner, char **support)
{
	char *folded = text_fold(text ? text : "");
	long *pos = xcalloc(c->nroles, sizeof *pos);
	const char *common = ROLE_COMMON, *unassigned = ROLE_UNASSIGNED;
	struct buf b = { 0 };
	size_t i, first = c->nroles, n;
	long at;

	for (i = 0; i < c->nroles; i++) {
		pos[i] = -1;
		if (c->roles[i].common) {
			common = c->roles[i].id;
			continue;
		}
		if (c->roles[i].unassigned) {
			unassigned = c->roles[i].id;
			continue;
		}
		pos[i] = role_position(&c->roles[i], folded);
		if (pos[i] >= 0 && (first == c->nroles || pos[i] < pos[first]))
			first = i;
	}
	if (first < c->nroles) {
		*owner = c->roles[first].id;
		/* Supporting roles in the order the text names them. */
		for (n = 0; n < c->nroles; n++) {
			size_t next = c->nroles;

			for (i = 0; i < c->nroles; i++) {
				if (i == first || pos[i] < 0)
					continue;
				if (next == c->nroles || pos[i] < pos[next])
					next = i;
			}
			if (next == c->nroles)
				break;
			if (b.len > 0)
				buf_addc(&b, ',');
			buf_adds(&b, c->roles[next].id);
			pos[next] = -1;
		}
	} else {
		*owner = unassigned;
		for (i = 0; i < c->nroles; i++) {
			if (!c->roles[i].common)
				continue;
			at = role_position(&c->roles[i], folded);
			if (at >= 0)
				*owner = common;
		}
	}
	*support = buf_take(&b);
	free(pos);
	free(folded);
}

static bool
is_deducted(const struct criterion *r)
{
	if ((r->has & (HAS_STANDARD | HAS_APPRAISED)) ==
	    (HAS_STANDARD | HAS_APPRAISED) && r->appraised < r->standard)
		return true;
	return (r->has & HAS_DEDUCTION) && r->deduction != 0;
}

/* True when child's code is below parent's ("3.12.1" under "3.12"). */
static bool
is_below(const char *parent, const char *child)
{
	size_t n = strlen(parent);

	return strncmp(parent, child, n) == 0 && child[n] == '.';
}

/* A row's place in the tree of codes: its path ("II.1" for a "1" under
 * field II), the code itself in the seed's 1.1.3 form. */
static const char *
tree_code(const struct criterion *r)
{
	return r->path != NULL ? r->path : r->code;
}

static const struct appendix *sort_a;

static int
index_cmp(const void *x, const void *y)
{
	const struct criterion *a = &sort_a->rows[*(const size_t *)x];
	const struct criterion *b = &sort_a->rows[*(const size_t *)y];

	/* Hierarchical: a criterion's descendants follow it. */
	return text_code_cmp(tree_code(a), tree_code(b));
}

/* What the tree of codes tells about each row. */
struct shape {
	bool has_deducted_below;	/* not a leaf for task purposes */
	size_t nchildren;		/* direct children in the table */
	score children_listed;		/* sum of their |listed deduction| */
};

static struct shape *
table_shape(const struct appendix *a)
{
	struct shape *sh = xcalloc(a->nrows, sizeof *sh);
	size_t *ix = xcalloc(a->nrows, sizeof *ix), n = 0, i, j;

	for (i = 0; i < a->nrows; i++)
		if (a->rows[i].code != NULL)
			ix[n++] = i;
	sort_a = a;
	xqsort(ix, n, sizeof *ix, index_cmp);
	for (i = 0; i < n; i++) {
		const struct criterion *p = &a->rows[ix[i]];
		const char *direct = NULL;

		for (j = i + 1; j < n && is_below(tree_code(p),
		    tree_code(&a->rows[ix[j]])); j++) {
			const struct criterion *d = &a->rows[ix[j]];

			if (is_deducted(d))
				sh[ix[i]].has_deducted_below = true;
			if (direct != NULL && is_below(direct, tree_code(d)))
				continue;
			direct = tree_code(d);
			sh[ix[i]].nchildren++;
			if (d->has & HAS_DEDUCTION)
				sh[ix[i]].children_listed +=
				    d->deduction < 0 ? -d->deduction :
				    d->deduction;
		}
	}
	free(ix);
	return sh;
}

static score
score_abs(score v)
{
	return v < 0 ? -v : v;
}

static void
check_listed(const struct criterion *r, struct derivation *d, size_t *cap)
{
	score computed;

	if ((r->has & (HAS_STANDARD | HAS_APPRAISED | HAS_DEDUCTION)) !=
	    (HAS_STANDARD | HAS_APPRAISED | HAS_DEDUCTION))
		return;
	computed = r->standard - r->appraised;
	if (score_abs(r->deduction) == computed)
		return;
	add_finding(d, cap, r->line, r->code, FINDING_LISTED, r->deduction,
	    computed, NULL, NULL);
}

/* Scores no appraisal can give: negative, or appraised above standard. */
static void
check_range(const struct criterion *r, struct derivation *d, size_t *cap)
{
	static const unsigned bits[] = {
		HAS_STANDARD, HAS_SELF, HAS_APPRAISED
	};
	static const enum finding_kind kinds[] = {
		FINDING_NEG_STANDARD, FINDING_NEG_SELF, FINDING_NEG_APPRAISED
	};
	const score v[] = { r->standard, r->self, r->appraised };
	size_t i;

	for (i = 0; i < 3; i++)
		if ((r->has & bits[i]) && v[i] < 0)
			add_finding(d, cap, r->line, r->code, kinds[i], v[i],
			    0, NULL, NULL);
	if ((r->has & (HAS_STANDARD | HAS_APPRAISED)) ==
	    (HAS_STANDARD | HAS_APPRAISED) && r->appraised > r->standard)
		add_finding(d, cap, r->line, r->code, FINDING_ABOVE,
		    r->appraised, r->standard, NULL, NULL);
}

static void
check_children(const struct criterion *r, const struct shape *sh,
    struct derivation *d, size_t *cap)
{
	if (r->code == NULL || !(r->has & HAS_DEDUCTION) ||
	    sh->nchildren == 0 ||
	    sh->children_listed == score_abs(r->deduction))
		return;
	add_finding(d, cap, r->line, r->code, FINDING_CHILDREN,
	    -score_abs(r->deduction), -sh->children_listed, NULL, NULL);
}

static void
check_total(const struct appendix *a, score task_sum, struct derivation *d,
    size_t *cap)
{
	const struct criterion *t = &a->total;

	if (!a->has_total)
		return;
	if ((t->has & (HAS_SELF | HAS_APPRAISED | HAS_DEDUCTION)) ==
	    (HAS_SELF | HAS_APPRAISED | HAS_DEDUCTION) &&
	    score_abs(t->deduction) != t->self - t->appraised)
		add_finding(d, cap, t->line, NULL, FINDING_TOTAL_SELF,
		    score_abs(t->deduction), t->self - t->appraised, NULL,
		    NULL);
	if ((t->has & HAS_DEDUCTION) && task_sum != score_abs(t->deduction))
		add_finding(d, cap, t->line, NULL, FINDING_TOTAL_SUM,
		    score_abs(t->deduction), task_sum, NULL, NULL);
}

/* Assignment texts repeat from row to row ("Giao cho Công chức chuyên môn
 * ở bộ phận tiếp nhận..."): remember the last few matches, since folding
 * is the costly part of matching. */
struct match_cache {
	struct {
		const char *text;
		const char *owner;
		char *support;
	} e[16];
	size_t n, next;
};

static void
cached_match(const struct config *c, struct match_cache *mc,
    const char *text, const char **owner, char **support)
{
	size_t i;

	if (text == NULL)
		text = "";
	for (i = 0; i < mc->n; i++)
		if (strcmp(mc->e[i].text, text) == 0) {
			*owner = mc->e[i].owner;
			*support = xstrdup(mc->e[i].support);
			return;
		}
	derive_match_roles(c, text, owner, support);
	i = mc->next;
	mc->next = (mc->next + 1) % 16;
	if (mc->n < 16)
		mc->n++;
	else
		free(mc->e[i].support);
	mc->e[i].text = text;
	mc->e[i].owner = *owner;
	mc->e[i].support = xstrdup(*support);
}

static void
match_cache_free(struct match_cache *mc)
{
	size_t i;

	for (i = 0; i < mc->n; i++)
		free(mc->e[i].support);
}

void
derive_criteria(const struct config *c, const struct appendix *a,
    struct derivation *out)
{
	struct match_cache mc = { 0 };
	size_t tcap = out->ntasks, fcap = out->nfindings, i;
	struct shape *sh = table_shape(a);
	score listed_sum = 0;
	char *period = title_period(a->title);
	int year = checklist_year_of(period);

	free(period);

	for (i = 0; i < a->nrows; i++) {
		const struct criterion *r = &a->rows[i];
		struct task_spec *t;
		const char *owner;

		check_range(r, out, &fcap);
		check_listed(r, out, &fcap);
		check_children(r, &sh[i], out, &fcap);
		if (r->code == NULL || !is_deducted(r) ||
		    sh[i].has_deducted_below)
			continue;
		if (r->has & HAS_DEDUCTION)
			listed_sum += score_abs(r->deduction);
		t = add_task(out, &tcap);
		cached_match(c, &mc, r->assignee, &owner, &t->support);
		t->role = xstrdup(owner);
		t->person = config_person_named(c, owner, r->assignee);
		t->code = xstrdup(r->code);
		/* Known by its criterion alone: the owner is an attribute
		 * that a re-import or a person may change. */
		t->key = xasprintf("A:%s", r->code);
		t->title = xstrdup(r->title ? r->title : "");
		t->origin = ORIGIN_APPENDIX;
		if ((r->has & (HAS_STANDARD | HAS_APPRAISED)) ==
		    (HAS_STANDARD | HAS_APPRAISED) &&
		    r->appraised <= r->standard && r->appraised >= 0) {
			t->has_points = true;
			t->points = r->standard - r->appraised;
		}
		t->due = xstrdup(config_due(c, owner, r->code,
		    &t->due_source));
		/* The letter's own deadline before the settings' default. */
		if (t->due_source == DUE_DEFAULT && a->letter != NULL &&
		    a->letter->deadline != NULL) {
			free(t->due);
			t->due = xstrdup(a->letter->deadline);
			t->due_source = DUE_LETTER;
		}
		t->line = r->line;
		t->checklist = xmalloc(sizeof *t->checklist);
		checklist_from_comment(r->comment, year, t->checklist);
	}
	check_total(a, listed_sum, out, &fcap);
	match_cache_free(&mc);
	free(sh);
}

static bool
code_known(const char *const *known, const char *code)
{
	if (known == NULL)
		return true;
	for (; *known != NULL; known++)
		if (strcmp(*known, code) == 0)
			return true;
	return false;
}

/* A role cell names a role by its id, or by text matched like an
 * assignment. */
static const char *
directive_role(const struct config *c, const char *cell, char **support)
{
	const char *owner;
	size_t i;

	for (i = 0; i < c->nroles; i++)
		if (strcasecmp(c->roles[i].id, cell) == 0) {
			*support = xstrdup("");
			return c->roles[i].id;
		}
	derive_match_roles(c, cell, &owner, support);
	return owner;
}

/* "3.13.3, 3.12.1,3.12.2": the first code into t->code, the others
 * into t->links ("3.12.1,3.12.2"); each unknown one is a finding. */
static void
directive_codes(struct task_spec *t, const char *codes,
    const char *const *known_codes, struct derivation *out, size_t *fcap,
    int line)
{
	char *copy, *p, *save = NULL, *w;
	struct buf links = { 0 };

	if (codes == NULL)
		return;
	copy = xstrdup(codes);
	for (p = strtok_r(copy, ",;", &save); p != NULL;
	    p = strtok_r(NULL, ",;", &save)) {
		w = xstrdup(text_skip_space(p));
		w[strcspn(w, " \t")] = '\0';
		if (*w == '\0' || (t->code != NULL &&
		    strcmp(t->code, w) == 0)) {
			free(w);
			continue;
		}
		if (!code_known(known_codes, w))
			add_finding(out, fcap, line, w, FINDING_CODE, 0, 0,
			    NULL, NULL);
		if (t->code == NULL)
			t->code = w;
		else {
			buf_addf(&links, "%s%s", links.len > 0 ? "," : "", w);
			free(w);
		}
	}
	free(copy);
	t->links = links.len > 0 ? buf_take(&links) : NULL;
	buf_free(&links);
}

void
derive_directives(const struct config *c, const struct appendix *a,
    const char *const *known_codes, struct derivation *out)
{
	derive_directive_rows(c, a->dirs, a->ndirs, "D:", DUE_DIRECTIVE,
	    known_codes, out);
}

static const struct task_spec *rank_tasks;

static int
rank_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int r = strcmp(rank_tasks[x].key, rank_tasks[y].key);

	return r != 0 ? r : x < y ? -1 : x > y;
}

/* A row repeated word for word is told apart by its rank: "#2", "#3"
 * after the first (tasks from first on; sorted, not compared pairwise,
 * for a long letter's thousands). */
static void
rank_repeated(struct derivation *out, size_t first)
{
	size_t n = out->ntasks - first, *ix = xcalloc(n + 1, sizeof *ix);
	size_t *rank = xcalloc(n + 1, sizeof *rank), i;
	char *dup;

	for (i = 0; i < n; i++)
		ix[i] = first + i;
	rank_tasks = out->tasks;
	xqsort(ix, n, sizeof *ix, rank_cmp);
	for (i = 1; i < n; i++)
		if (strcmp(out->tasks[ix[i]].key,
		    out->tasks[ix[i - 1]].key) == 0)
			rank[i] = rank[i - 1] + 1;
	for (i = 0; i < n; i++) {
		if (rank[i] == 0)
			continue;
		dup = xasprintf("%s#%zu", out->tasks[ix[i]].key, rank[i] + 1);
		free(out->tasks[ix[i]].key);
		out->tasks[ix[i]].key = dup;
	}
	free(rank);
	free(ix);
}

void
derive_directive_rows(const struct config *c, const struct directive *rows,
    size_t nrows, const char *prefix, enum due_source source,
    const char *const *known_codes, struct derivation *out)
{
	size_t tcap = out->ntasks, fcap = out->nfindings, i;
	size_t first = out->ntasks;

	for (i = 0; i < nrows; i++) {
		const struct directive *r = &rows[i];
		struct task_spec *t = add_task(out, &tcap);
		struct target tg;
		const char *owner;
		char *words;

		owner = directive_role(c, r->role ? r->role : "", &t->support);
		t->role = xstrdup(owner);
		directive_codes(t, r->code, known_codes, out, &fcap, r->line);
		/* Keyed by what the directive says, not where it stands nor
		 * whom it names: rows inserted or moved in a corrected table,
		 * or given to another role, keep their status.  A row
		 * repeated word for word is told apart by its rank. */
		words = text_fold(r->task ? r->task : "");
		t->key = xasprintf("%s%s/%s", prefix, t->code ? t->code : "",
		    words);
		free(words);
		t->title = xstrdup(r->task ? r->task : "");
		t->origin = ORIGIN_DIRECTIVE;
		if (r->ongoing)
			t->due_source = source;
		else if (r->due != NULL) {
			t->due = xstrdup(r->due);
			t->due_source = source;
		} else
			t->due = xstrdup(config_due(c, owner, r->code,
			    &t->due_source));
		t->target = r->target ? xstrdup(r->target) : NULL;
		t->every = r->every ? xstrdup(r->every) : NULL;
		t->line = r->line;
		/* Issue 8: a target that is not a count and a period is kept
		 * as text, and said. */
		if (!target_parse(r->target, r->every, &tg))
			add_finding(out, &fcap, r->line, r->code,
			    FINDING_TARGET, 0, 0, r->target, r->every);
		if (strcmp(owner, ROLE_UNASSIGNED) == 0 ||
		    (config_role(c, owner) != NULL &&
		    config_role(c, owner)->unassigned))
			add_finding(out, &fcap, r->line, r->code,
			    FINDING_ROLE, 0, 0, r->role, NULL);
	}
	rank_repeated(out, first);
}

void
derivation_free(struct derivation *d)
{
	size_t i;

	for (i = 0; i < d->ntasks; i++) {
		struct task_spec *t = &d->tasks[i];

		free(t->key);
		free(t->code);
		free(t->links);
		free(t->role);
		free(t->support);
		free(t->title);
		free(t->due);
		free(t->target);
		free(t->every);
		free(t->person);
		if (t->checklist != NULL)
			checklist_clear(t->checklist);
		free(t->checklist);
	}
	for (i = 0; i < d->nfindings; i++)
		finding_clear(&d->findings[i]);
	free(d->tasks);
	free(d->findings);
	memset(d, 0, sizeof *d);
}
