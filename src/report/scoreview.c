/* SPDX-License-Identifier: ISC */
/* scoreview.c: the plan's three numbers for every output
 * (scoreview.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "proofview.h"
#include "scoreview.h"
#include "text.h"
#include "util.h"

struct loss {
	score points;
	size_t i;
};

/* The most points first (lost, or still to win), then the facts' code
 * order. */
static int
loss_cmp(const void *a, const void *b)
{
	const struct loss *x = a, *y = b;

	if (x->points != y->points)
		return x->points > y->points ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static void
lost_sort(struct scoreview *v)
{
	struct loss *l = xcalloc(v->n + 1, sizeof *l);
	size_t i, k = 0;

	for (i = 0; i < v->n; i++)
		if (v->facts[i].scored && v->crit[i].lost) {
			l[k].points = v->crit[i].standard -
			    v->crit[i].appraised;
			l[k++].i = i;
		}
	xqsort(l, k, sizeof *l, loss_cmp);
	v->lost = xcalloc(k + 1, sizeof *v->lost);
	for (i = 0; i < k; i++)
		v->lost[i] = l[i].i;
	v->nlost = k;
	free(l);
}

static const struct crit_facts *order_facts;

static int
order_cmp(const void *a, const void *b)
{
	return text_code_cmp(order_facts[*(const size_t *)a].code,
	    order_facts[*(const size_t *)b].code);
}

const size_t *
scoreview_order(struct scoreview *v, size_t *n)
{
	size_t i;

	if (v->order != NULL) {
		*n = v->norder;
		return v->order;
	}
	v->order = xcalloc(v->n + 1, sizeof *v->order);
	for (i = 0; i < v->n; i++)
		if (v->facts[i].scored)
			v->order[v->norder++] = i;
	order_facts = v->facts;
	xqsort(v->order, v->norder, sizeof *v->order, order_cmp);
	order_facts = NULL;
	*n = v->norder;
	return v->order;
}

void
scoreview_compute(const struct plan *p, const struct crit_facts *f,
    const struct proof *proofs, size_t n, struct scoreview *out)
{
	struct crit_score_in in;
	struct proof own;
	size_t i;

	memset(out, 0, sizeof *out);
	plan_period_from_title(p->name, atoi(today()), &out->period);
	plan_score_start(&out->total, p->total_appraised);
	out->facts = f;
	out->n = n;
	out->crit = xcalloc(n + 1, sizeof *out->crit);
	for (i = 0; i < n; i++) {
		if (!f[i].scored)
			continue;
		if (proofs == NULL)
			proofview_compute(&f[i], &own);
		memset(&in, 0, sizeof in);
		in.standard = f[i].standard;
		in.appraised = f[i].appraised;
		in.rule = &f[i].rule;
		in.figs = &f[i].figs;
		in.proof = proofs != NULL ? &proofs[i] : &own;
		in.period = &out->period;
		crit_score_compute(&in, &out->crit[i]);
		plan_score_add(&out->total, &out->crit[i]);
		if (proofs == NULL)
			proof_clear(&own);
	}
	lost_sort(out);
}

int
scoreview_load(struct store *s, const struct plan *p,
    struct scoreview *out, char **err)
{
	struct crit_facts *f;
	size_t n;

	memset(out, 0, sizeof *out);
	if (store_proof_facts(s, p->id, NULL, &f, &n, err) != 0)
		return -1;
	scoreview_compute(p, f, NULL, n, out);
	out->own = f;
	return 0;
}

void
scoreview_free(struct scoreview *v)
{
	if (v->own != NULL)
		crit_facts_free(v->own, v->n);
	free(v->crit);
	free(v->lost);
	free(v->order);
	memset(v, 0, sizeof *v);
}

/* The facts of criterion code, or NULL. */
static const struct crit_facts *
facts_of(const struct scoreview *v, const char *code)
{
	if (code == NULL || v->facts == NULL)
		return NULL;
	return crit_facts_find(v->facts, v->n, code);
}

const struct crit_score *
scoreview_get(const struct scoreview *v, const char *code)
{
	const struct crit_facts *f = facts_of(v, code);

	return f != NULL && f->scored ? &v->crit[f - v->facts] : NULL;
}

const struct crit_rule *
scoreview_rule(const struct scoreview *v, const char *code)
{
	const struct crit_facts *f = facts_of(v, code);

	return f != NULL ? &f->rule : NULL;
}

void
scoreview_fmt(score x, char buf[32])
{
	text_format_score(x, i18n_decimal(), buf, 32);
}

char *
scoreview_lost_words(const struct scoreview *v, bool points, size_t max)
{
	struct buf b = { 0 };
	const struct crit_score *c;
	char s[32];
	size_t i;

	for (i = 0; i < v->nlost && i < max; i++) {
		c = &v->crit[v->lost[i]];
		buf_adds(&b, i > 0 ? ", " : "");
		buf_adds(&b, v->facts[v->lost[i]].code);
		if (points) {
			scoreview_fmt(c->standard - c->appraised, s);
			buf_addf(&b, " (%s)", s);
		}
	}
	if (i < v->nlost)
		buf_addf(&b, "%s+%zu", i > 0 ? " " : "", v->nlost - i);
	return buf_take(&b);
}

char *
scoreview_gain_words(const struct scoreview *v, size_t max)
{
	struct loss *l = xcalloc(v->n + 1, sizeof *l);
	struct buf b = { 0 };
	const struct crit_score *c;
	size_t i, k = 0;
	char s[32];
	int pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < v->n; i++) {
			c = &v->crit[i];
			if (!v->facts[i].scored || c->reachable <= c->now ||
			    c->assumed != (pass == 1))
				continue;
			/* The assumed ones after all the others. */
			l[k].points = (c->reachable - c->now) -
			    (pass == 1 ? 1000 * SCORE_UNIT : 0);
			l[k++].i = i;
		}
	xqsort(l, k, sizeof *l, loss_cmp);
	for (i = 0; i < k && i < max; i++) {
		c = &v->crit[l[i].i];
		scoreview_fmt(c->reachable - c->now, s);
		buf_addf(&b, "%s%s (+%s%s)", i > 0 ? ", " : "",
		    v->facts[l[i].i].code, s, c->assumed ? "?" : "");
	}
	if (i < k)
		buf_addf(&b, "%s+%zu", i > 0 ? " " : "", k - i);
	free(l);
	return k > 0 ? buf_take(&b) : NULL;
}

/* x, and its gain over the appraised points when it differs: "0,73
 * (+0,09)", "0,00 (−1,00)". */
static void
gain_fmt(score x, score appraised, char buf[32])
{
	char d[32];

	scoreview_fmt(x, buf);
	if (x == appraised)
		return;
	scoreview_fmt(x > appraised ? x - appraised : appraised - x, d);
	snprintf(buf + strlen(buf), 32 - strlen(buf), " (%s%s)",
	    x > appraised ? "+" : "−", d);
}

char *
scoreview_crit_words(const struct crit_score *c)
{
	char a[32], n[32], r[32];

	scoreview_fmt(c->appraised, a);
	gain_fmt(c->now, c->appraised, n);
	gain_fmt(c->reachable, c->appraised, r);
	return xasprintf(_("Appraised %s · now %s · reachable %s"), a, n, r);
}

/* "408/637 = 0,64". */
static void
ratio_words(struct buf *b, long num, long den)
{
	char r[32];

	scoreview_fmt(score_ratio(SCORE_UNIT, num, den), r);
	buf_addf(b, "%ld/%ld = %s", num, den, r);
}

char *
scoreview_figures_words(const struct crit_score *c)
{
	struct buf b = { 0 };

	if (!c->has_year && !c->has_best)
		return NULL;
	if (c->has_year) {
		buf_adds(&b, _("the year so far"));
		buf_adds(&b, " ");
		ratio_words(&b, c->year_num, c->year_den);
	}
	if (c->has_best) {
		buf_adds(&b, b.len > 0 ? " · " : "");
		buf_adds(&b, _("best case"));
		buf_adds(&b, " ");
		ratio_words(&b, c->best_num, c->best_den);
	}
	return buf_take(&b);
}

char *
scoreview_rule_words(const struct crit_rule *r)
{
	char t[32];

	switch (r->kind) {
	case CK_THRESHOLD:
		return xasprintf(_("%s %s"), crit_kind_label(r->kind),
		    crit_threshold_text(r->threshold, i18n_decimal(), t,
		    sizeof t));
	case CK_PLAN:
		if (r->plan_name != NULL && r->has_den)
			return xasprintf(_("%s: %s, %ld tasks"),
			    crit_kind_label(r->kind), r->plan_name, r->den);
		if (r->plan_name != NULL)
			return xasprintf(_("%s: %s"), crit_kind_label(r->kind),
			    r->plan_name);
		break;
	case CK_LATE:
		return xasprintf(_("%s: %ld"), crit_kind_label(r->kind),
		    r->late);
	case CK_RATIO:
		if (r->snapshot)
			return xasprintf(_("%s, year to date"),
			    crit_kind_label(r->kind));
		break;
	default:
		break;
	}
	return xstrdup(crit_kind_label(r->kind));
}

size_t
scoreview_crit_lines(const struct scoreview *v, const char *code,
    char *lines[4])
{
	const struct crit_score *c = scoreview_get(v, code);
	size_t n = 0;

	if (c == NULL)
		return 0;
	lines[n++] = scoreview_crit_words(c);
	if ((lines[n] = scoreview_figures_words(c)) != NULL)
		n++;
	if (c->lost)
		lines[n++] = xstrdup(_("cannot be won back this year — an "
		    "explanation is needed"));
	if (c->assumed)
		lines[n++] = xasprintf("(%s)", _("assumed: the appraised "
		    "figures are unknown"));
	return n;
}
