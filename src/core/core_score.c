/* SPDX-License-Identifier: ISC */
/* core_score.c: the use cases of a criterion's score (score.h) — its
 * rule corrected by hand (core_rule_set) and the figures recorded month
 * by month (core_figures_add), shared by the command line and the
 * board.  Each checks everything before it writes, then writes in one
 * transaction with its history row on the criterion's appendix task. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "date.h"
#include "i18n.h"
#include "score.h"
#include "util.h"

/* The criterion's appendix task into *task and its rule into r, if p
 * may change it (PERM_STATUS, as its checklist). */
static int
criterion_open(struct store *s, const struct perm *p, long plan_id,
    const char *code, long *task, struct crit_rule *r, char **err)
{
	struct checklist c;
	int rc;

	memset(r, 0, sizeof *r);
	*task = 0;
	if ((rc = store_checklist_get(s, plan_id, code, NULL, task, &c,
	    err)) != 0)
		return rc < 0 ? CORE_ERROR : CORE_NONE;
	checklist_clear(&c);
	if (*task == 0)
		return fail(err, _("criterion %s has no task of its own (it "
		    "lost no points): nothing to score"), code);
	if ((rc = core_may(s, p, *task, PERM_STATUS, err)) != CORE_OK)
		return rc;
	rc = store_rule_get(s, plan_id, code, r, err);
	return rc < 0 ? CORE_ERROR : CORE_OK;
}

/* The end of a use case that began its transaction before it read what
 * it checks: committed when rc is CORE_OK, else rolled back; rc. */
static int
finish(struct store *s, int rc, char **err)
{
	if (rc != CORE_OK) {
		store_rollback(s);
		return rc;
	}
	return store_commit(s, err) != 0 ? CORE_ERROR : CORE_OK;
}

static int rule_set(struct store *, const struct perm *, long,
    const char *, enum crit_kind, score, char **);

int
core_rule_set(struct store *s, const struct perm *p, long plan_id,
    const char *code, enum crit_kind kind, score threshold, char **err)
{
	if (store_begin(s, err) != 0)
		return CORE_ERROR;
	return finish(s, rule_set(s, p, plan_id, code, kind, threshold,
	    err), err);
}

static int
rule_set(struct store *s, const struct perm *p, long plan_id,
    const char *code, enum crit_kind kind, score threshold, char **err)
{
	struct crit_rule r;
	char *was, *is;
	long task;
	int rc;

	if ((rc = criterion_open(s, p, plan_id, code, &task, &r, err)) !=
	    CORE_OK)
		return rc;
	was = crit_rule_describe(&r);
	r.kind = kind;
	if (threshold > 0)
		r.threshold = threshold;
	if (kind == CK_THRESHOLD && r.threshold <= 0)
		rc = fail(err, _("criterion %s has no threshold: give one "
		    "with --threshold (0,7 or 70%%)"), code);
	r.by_hand = true;
	is = crit_rule_describe(&r);
	if (rc == CORE_OK && store_rule_change(s, plan_id, code, task, &r,
	    was, is, current_user(), err) != 0)
		rc = CORE_ERROR;
	free(was);
	free(is);
	crit_rule_clear(&r);
	return rc;
}

/* "07/2023", "07/2023–12/2023": the months of f as people write them. */
static char *
months_text(const struct figure *f)
{
	if (strcmp(f->from, f->to) == 0)
		return xasprintf("%.2s/%.4s", f->from + 5, f->from);
	return xasprintf("%.2s/%.4s–%.2s/%.4s", f->from + 5, f->from,
	    f->to + 5, f->to);
}

/* What in f the rule and the plan's period rule out (CORE_ERROR). */
static int
figure_check(const char *code, const struct crit_rule *r,
    const struct plan *pl, const struct figure *f, char **err)
{
	struct plan_period pp;
	char *m;
	int rc;

	if (f->num < 0 || f->den <= 0 || f->num > f->den)
		return fail(err, _("figures %ld/%ld: b must be from 0 to a, "
		    "and a more than 0"), f->num, f->den);
	if (figure_months(f->from, f->to) <= 0)
		return fail(err, _("the period %s..%s ends before it starts"),
		    f->from, f->to);
	plan_period_from_title(pl->name, atoi(today()), &pp);
	if (!plan_period_in_year(&pp, f->from) ||
	    !plan_period_in_year(&pp, f->to)) {
		m = months_text(f);
		rc = fail(err, _("%s is outside the plan's year %d"), m,
		    pp.year);
		free(m);
		return rc;
	}
	/* A year-to-date figure inside the appraised months would stand
	 * for the appraisal's own b/a: refused as a month's is. */
	if (plan_period_after(&pp, f->from))
		return CORE_OK;
	m = months_text(f);
	if (r->has_num && r->has_den)
		rc = fail(err, _("%s: %s is in the appraised months "
		    "%02d–%02d/%d, already in the appraisal's b/a = %ld/%ld"),
		    code, m, pp.first, pp.last, pp.year, r->num, r->den);
	else
		rc = fail(err, _("%s: %s is in the appraised months "
		    "%02d–%02d/%d"), code, m, pp.first, pp.last, pp.year);
	free(m);
	return rc;
}

/* The row f replaces (*replace, its words in *was), or what it overlaps
 * (CORE_ERROR naming the months); month rows beside a snapshot, or the
 * reverse, are refused (*months: whether month rows exist). */
static int
figure_place(const struct figure *v, size_t n, const struct figure *f,
    long *replace, char **was, char **err)
{
	struct buf b = { 0 };
	char *m;
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		if (v[i].snapshot != f->snapshot)
			return fail(err, "%s", f->snapshot ? _("its figures "
			    "are recorded month by month; a year-to-date "
			    "figure (--snapshot) cannot join them") :
			    _("its figures are year-to-date (--snapshot)"));
		if (strcmp(v[i].from, f->from) == 0 &&
		    strcmp(v[i].to, f->to) == 0) {
			*replace = v[i].id;
			*was = figure_describe(&v[i]);
		} else if (!f->snapshot && strcmp(v[i].from, f->to) <= 0 &&
		    strcmp(f->from, v[i].to) <= 0) {
			m = months_text(&v[i]);
			buf_addf(&b, "%s%s", b.len > 0 ? ", " : "", m);
			free(m);
		}
	}
	if (b.len == 0)
		return CORE_OK;
	m = months_text(f);
	rc = fail(err, _("%s overlaps the figures recorded for %s; "
	    "record that period exactly to correct it"), m, b.data);
	free(m);
	buf_free(&b);
	return rc;
}

/* The rule after in: year-to-date when --snapshot asks and no month
 * is recorded yet; the expected volume.  *changed: it moved. */
static int
rule_update(const char *code, struct crit_rule *r,
    const struct core_figures *in, size_t nrows, bool *changed,
    char **err)
{
	*changed = false;
	if (in->snapshot && !r->snapshot && r->kind != CK_PLAN) {
		if (nrows > 0)
			return fail(err, _("%s: its figures are recorded month "
			    "by month; --snapshot would mix year-to-date "
			    "figures with them"), code);
		r->snapshot = *changed = true;
	}
	if (in->has_expect && in->expect <= 0)
		return fail(err, _("--expect: %ld is not a volume (more "
		    "than 0)"), in->expect);
	if (in->has_expect && (!r->has_expect || r->expect != in->expect)) {
		r->has_expect = *changed = true;
		r->expect = in->expect;
	}
	r->by_hand = r->by_hand || *changed;
	return CORE_OK;
}

/* Writes what core_figures_add decided, in one transaction. */
static int
figures_write(struct store *s, const struct plan *pl, const char *code,
    long task, const char *was_rule, const struct crit_rule *r,
    const struct figure *f, long replace, const char *was, char **err)
{
	char *is = NULL;
	int rc = 0;

	if (store_begin(s, err) != 0)
		return CORE_ERROR;
	if (was_rule != NULL) {
		is = crit_rule_describe(r);
		rc = store_rule_change(s, pl->id, code, task, r, was_rule, is,
		    current_user(), err);
		free(is);
	}
	if (rc == 0 && f != NULL)
		rc = store_figures_record(s, pl->id, code, task, f, replace,
		    was, current_user(), err);
	if (rc != 0) {
		store_rollback(s);
		return CORE_ERROR;
	}
	return store_commit(s, err) != 0 ? CORE_ERROR : CORE_OK;
}

static int figures_add(struct store *, const struct perm *,
    const struct plan *, const char *, const struct core_figures *,
    bool *, char **);

/* What it checks is read in the transaction that writes: another board
 * cannot record an overlapping period in between. */
int
core_figures_add(struct store *s, const struct perm *p,
    const struct plan *pl, const char *code, const struct core_figures *in,
    bool *replaced, char **err)
{
	*replaced = false;
	if (store_begin(s, err) != 0)
		return CORE_ERROR;
	return finish(s, figures_add(s, p, pl, code, in, replaced, err), err);
}

static int
figures_add(struct store *s, const struct perm *p,
    const struct plan *pl, const char *code, const struct core_figures *in,
    bool *replaced, char **err)
{
	struct crit_rule r;
	struct figure f = { 0 }, *v = NULL;
	char *was = NULL, *was_rule;
	long task, replace = 0;
	size_t n = 0;
	bool changed = false;
	int rc;

	*replaced = false;
	if ((rc = criterion_open(s, p, pl->id, code, &task, &r, err)) !=
	    CORE_OK)
		return rc;
	was_rule = crit_rule_describe(&r);
	if (!crit_kind_takes_figures(r.kind))
		rc = fail(err, _("%s is scored by %s, not by figures; set its "
		    "kind with parboard criterion %s --kind ratio"), code,
		    crit_kind_label(r.kind), code);
	if (rc == CORE_OK && store_figures_list(s, pl->id, code, &v, &n,
	    err) != 0)
		rc = CORE_ERROR;
	if (rc == CORE_OK)
		rc = rule_update(code, &r, in, n, &changed, err);
	if (rc == CORE_OK && in->from != NULL) {
		snprintf(f.from, sizeof f.from, "%s", in->from);
		snprintf(f.to, sizeof f.to, "%s", in->to);
		f.num = in->num;
		f.den = in->den;
		f.snapshot = r.snapshot || r.kind == CK_PLAN;
		if (f.snapshot && strcmp(f.from, f.to) != 0)
			rc = fail(err, "%s", _("year-to-date figures are "
			    "at one month: give it with --period"));
		if (rc == CORE_OK)
			rc = figure_check(code, &r, pl, &f, err);
		if (rc == CORE_OK)
			rc = figure_place(v, n, &f, &replace, &was, err);
	}
	if (rc == CORE_OK)
		rc = figures_write(s, pl, code, task, changed ? was_rule :
		    NULL, &r, in->from != NULL ? &f : NULL, replace, was,
		    err);
	*replaced = rc == CORE_OK && replace > 0;
	model_free_each(v, n, sizeof *v, figure_clear);
	crit_rule_clear(&r);
	free(was_rule);
	free(was);
	return rc;
}
