/* SPDX-License-Identifier: ISC */
/* cli_criterion.c: `parboard criterion CODE`, a criterion's checklist of
 * required documents and its counted target (checklist.h) and how it is
 * scored (score.h), shown, or set with --require, --count and --unit
 * (core_criterion_set), --kind and --threshold (core_rule_set). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist.h"
#include "cli_impl.h"
#include "core.h"
#include "date.h"
#include "i18n.h"
#include "output.h"
#include "perm.h"
#include "score.h"

static void
print_text(struct buf *b, const char *code, const char *title,
    const struct checklist *c)
{
	char d1[11], d2[11], *k;
	size_t i;

	buf_addf(b, "%s  %s\n", code, title);
	buf_addf(b, "%s\n", c->items_by_hand ? _("Supporting documents "
	    "required (set by hand):") : _("Supporting documents required:"));
	if (c->nitems == 0)
		buf_addf(b, "  %s\n", _("none"));
	for (i = 0; i < c->nitems; i++) {
		k = checklist_kinds_abbr(&c->items[i], "/");
		buf_addf(b, "  %zu. %s  [%s]\n", i + 1, c->items[i].text,
		    *k != '\0' ? k : _("any document"));
		free(k);
	}
	buf_adds(b, c->target_by_hand ? _("Counted target (set by hand): ") :
	    _("Counted target: "));
	if (c->count <= 0)
		buf_adds(b, _("none"));
	else if (c->from[0] != '\0' && c->to[0] != '\0')
		buf_addf(b, _("%ld %s, from %s to %s"), c->count, c->unit ?
		    c->unit : "", i18n_date(c->from, d1, sizeof d1),
		    i18n_date(c->to, d2, sizeof d2));
	else
		buf_addf(b, "%ld %s", c->count, c->unit ? c->unit : "");
	buf_addc(b, '\n');
}

/* tsv: "item", n, text, kinds (abbreviations, comma-separated; empty
 * for any document), by hand (0 or 1); then "target", count, unit,
 * from, to (YYYY-MM-DD or empty), by hand. */
static void
print_tsv(struct buf *b, const struct checklist *c)
{
	char n[32], *k;
	size_t i;

	for (i = 0; i < c->nitems; i++) {
		k = checklist_kinds_abbr(&c->items[i], ",");
		snprintf(n, sizeof n, "%zu", i + 1);
		out_tsv_cell(b, "item", false);
		out_tsv_cell(b, n, false);
		out_tsv_cell(b, c->items[i].text, false);
		out_tsv_cell(b, k, false);
		out_tsv_cell(b, c->items_by_hand ? "1" : "0", true);
		free(k);
	}
	snprintf(n, sizeof n, "%ld", c->count);
	out_tsv_cell(b, "target", false);
	out_tsv_cell(b, n, false);
	out_tsv_cell(b, c->unit, false);
	out_tsv_cell(b, c->from, false);
	out_tsv_cell(b, c->to, false);
	out_tsv_cell(b, c->target_by_hand ? "1" : "0", true);
}

/* json: {"code", "title", "items": [{"n", "text", "kinds": [...],
 * "by_hand"}], "target": {"count", "unit", "from", "to", "by_hand"} or
 * null, then the rule (print_rule_json)}. */
static void
print_json(struct buf *b, const char *code, const char *title,
    const struct checklist *c)
{
	char *k, *p, *q;
	size_t i;

	buf_adds(b, "{\"code\": ");
	out_json_str(b, code);
	buf_adds(b, ", \"title\": ");
	out_json_str(b, title);
	buf_adds(b, ", \"items\": [");
	for (i = 0; i < c->nitems; i++) {
		buf_addf(b, "%s{\"n\": %zu, \"text\": ", i ? ", " : "", i + 1);
		out_json_str(b, c->items[i].text);
		buf_adds(b, ", \"kinds\": [");
		/* The abbreviations hold no comma. */
		k = checklist_kinds_abbr(&c->items[i], ",");
		for (p = *k != '\0' ? k : NULL; p != NULL; p = q) {
			if ((q = strchr(p, ',')) != NULL)
				*q++ = '\0';
			out_json_str(b, p);
			if (q != NULL)
				buf_adds(b, ", ");
		}
		free(k);
		buf_addf(b, "], \"by_hand\": %s}", c->items_by_hand ? "true" :
		    "false");
	}
	buf_adds(b, "], \"target\": ");
	if (c->count <= 0) {
		buf_adds(b, "null");
		return;
	}
	buf_addf(b, "{\"count\": %ld, \"unit\": ", c->count);
	out_json_str(b, c->unit);
	buf_adds(b, ", \"from\": ");
	out_json_str(b, c->from[0] != '\0' ? c->from : NULL);
	buf_adds(b, ", \"to\": ");
	out_json_str(b, c->to[0] != '\0' ? c->to : NULL);
	buf_addf(b, ", \"by_hand\": %s}", c->target_by_hand ? "true" :
	    "false");
}

/* "first half of 2023": the months the appraisal covered. */
static char *
period_words(const struct plan_period *pp)
{
	if (pp->first == 1 && pp->last == 6)
		return xasprintf(_("first half of %d"), pp->year);
	if (pp->first == 7 && pp->last == 12)
		return xasprintf(_("second half of %d"), pp->year);
	if (pp->first == 1 && pp->last == 12)
		return xasprintf(_("year %d"), pp->year);
	return xasprintf("%02d–%02d/%d", pp->first, pp->last, pp->year);
}

/* How the criterion is scored, and the figures recorded since. */
static void
print_rule_text(struct buf *b, const struct crit_rule *r,
    const struct plan_period *pp, const struct figure *v, size_t n)
{
	char t[32], *w;
	size_t i;

	buf_addf(b, r->by_hand ? _("Scored as: %s (set by hand)\n") :
	    _("Scored as: %s\n"), crit_kind_label(r->kind));
	if (r->kind == CK_THRESHOLD)
		buf_addf(b, _("Threshold: %s\n"), crit_threshold_text(
		    r->threshold, i18n_decimal(), t, sizeof t));
	if (r->has_num && r->has_den) {
		w = period_words(pp);
		buf_addf(b, _("Appraised figures: b/a = %ld/%ld (%s)\n"),
		    r->num, r->den, w);
		free(w);
	} else if (r->kind == CK_PLAN && r->has_den)
		buf_addf(b, _("Tasks of the plan: %ld\n"), r->den);
	if (r->kind == CK_PLAN && r->plan_name != NULL)
		buf_addf(b, _("Plan: %s\n"), r->plan_name);
	if (r->kind == CK_LATE)
		buf_addf(b, _("Late tasks counted: %ld\n"), r->late);
	if (r->has_expect)
		buf_addf(b, _("Expected volume: %ld\n"), r->expect);
	if (!crit_kind_takes_figures(r->kind) && n == 0)
		return;
	buf_adds(b, _("Figures recorded:"));
	if (n == 0)
		buf_addf(b, " %s", _("none"));
	for (i = 0; i < n; i++) {
		w = cli_figure_words(&v[i]);
		buf_addf(b, "\n  %s", w);
		free(w);
	}
	buf_addc(b, '\n');
}

/* tsv: "rule", kind, threshold (0.7; empty unless a threshold), b, a
 * (empty when unknown), snapshot, late, plan, expect, by hand. */
static void
print_rule_tsv(struct buf *b, const struct crit_rule *r)
{
	char t[32] = "", num[24] = "", den[24] = "", late[24], ex[24] = "";

	if (r->kind == CK_THRESHOLD)
		crit_threshold_text(r->threshold, '.', t, sizeof t);
	if (r->has_num)
		snprintf(num, sizeof num, "%ld", r->num);
	if (r->has_den)
		snprintf(den, sizeof den, "%ld", r->den);
	snprintf(late, sizeof late, "%ld", r->late);
	if (r->has_expect)
		snprintf(ex, sizeof ex, "%ld", r->expect);
	out_tsv_cell(b, "rule", false);
	out_tsv_cell(b, crit_kind_name(r->kind), false);
	out_tsv_cell(b, t, false);
	out_tsv_cell(b, num, false);
	out_tsv_cell(b, den, false);
	out_tsv_cell(b, r->snapshot ? "1" : "0", false);
	out_tsv_cell(b, late, false);
	out_tsv_cell(b, r->plan_name, false);
	out_tsv_cell(b, ex, false);
	out_tsv_cell(b, r->by_hand ? "1" : "0", true);
}

/* json, after the target: "kind", "threshold" (a number or null), "num",
 * "den" (null when unknown), "snapshot", "late", "plan", "expect",
 * "rule_by_hand". */
static void
print_rule_json(struct buf *b, const struct crit_rule *r)
{
	char t[32];

	buf_adds(b, ", \"kind\": ");
	out_json_str(b, crit_kind_name(r->kind));
	buf_addf(b, ", \"threshold\": %s", r->kind == CK_THRESHOLD ?
	    crit_threshold_text(r->threshold, '.', t, sizeof t) : "null");
	if (r->has_num)
		buf_addf(b, ", \"num\": %ld", r->num);
	else
		buf_adds(b, ", \"num\": null");
	if (r->has_den)
		buf_addf(b, ", \"den\": %ld", r->den);
	else
		buf_adds(b, ", \"den\": null");
	buf_addf(b, ", \"snapshot\": %s, \"late\": %ld, \"plan\": ",
	    r->snapshot ? "true" : "false", r->late);
	out_json_str(b, r->plan_name);
	if (r->has_expect)
		buf_addf(b, ", \"expect\": %ld", r->expect);
	else
		buf_adds(b, ", \"expect\": null");
	buf_addf(b, ", \"rule_by_hand\": %s}\n", r->by_hand ? "true" :
	    "false");
}

static int
show(struct store *s, const struct plan *p, const char *code,
    enum format fmt, char **err)
{
	struct checklist c;
	struct crit_rule r;
	struct plan_period pp;
	struct figure *v = NULL;
	struct buf b = { 0 };
	char *title = NULL;
	size_t n = 0;
	int rc;

	if ((rc = store_checklist_get(s, p->id, code, &title, NULL, &c,
	    err)) != 0)
		return rc < 0 ? -1 : fail(err, _("no criterion %s in plan "
		    "\"%s\""), code, p->name);
	if ((rc = store_rule_get(s, p->id, code, &r, err)) >= 0)
		rc = store_figures_list(s, p->id, code, &v, &n, err);
	plan_period_from_title(p->name, atoi(today()), &pp);
	if (rc == 0 && fmt == FORMAT_TSV) {
		print_tsv(&b, &c);
		print_rule_tsv(&b, &r);
	} else if (rc == 0 && fmt == FORMAT_JSON) {
		print_json(&b, code, title, &c);
		print_rule_json(&b, &r);
	} else if (rc == 0) {
		print_text(&b, code, title, &c);
		print_rule_text(&b, &r, &pp, v, n);
		rc = cli_score_lines(&b, s, p, code, err);
	}
	if (rc == 0)
		cli_print(&b, fmt == FORMAT_TEXT);
	buf_free(&b);
	free(title);
	checklist_clear(&c);
	crit_rule_clear(&r);
	model_free_each(v, n, sizeof *v, figure_clear);
	return rc;
}

/* --count: a whole number from 0 (no target) to 9999; -1 when bad. */
static long
count_arg(const char *s)
{
	char *end;
	long n;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	n = strtol(s, &end, 10);
	return *end != '\0' || n > 9999 ? -1 : n;
}

/* --kind, --threshold: the kind into *k and the threshold into *t (0:
 * none); -1 to go on, else the usage error's status. */
static int
rule_args(const struct options *o, enum crit_kind *k, score *t)
{
	*t = 0;
	if (o->kind != NULL && !crit_kind_parse(o->kind, k))
		return cli_usage_error(_("--kind: unknown kind '%s' (document, "
		    "count, plan, threshold, ratio, late or survey)"),
		    o->kind);
	if (o->threshold == NULL)
		return -1;
	if (o->kind == NULL || *k != CK_THRESHOLD)
		return cli_usage_error("%s", _("--threshold goes with --kind "
		    "threshold"));
	if (!crit_threshold_parse(o->threshold, t))
		return cli_usage_error(_("--threshold: bad threshold '%s' "
		    "(0,7, 0.7 or 70%%)"), o->threshold);
	return -1;
}

/* --kind threshold without --threshold on a criterion that has none:
 * a usage error (its status), else -1. */
static int
threshold_needed(struct store *s, const struct plan *p, const char *code,
    enum crit_kind k, score t)
{
	struct crit_rule r;
	char *err = NULL;
	int rc;

	if (k != CK_THRESHOLD || t > 0)
		return -1;
	rc = store_rule_get(s, p->id, code, &r, &err);
	free(err);
	rc = rc == 0 && r.kind == CK_THRESHOLD && r.threshold > 0 ? -1 :
	    cli_usage_error(_("criterion %s has no threshold: give one with "
	    "--threshold (0,7 or 70%%)"), code);
	crit_rule_clear(&r);
	return rc;
}

/* Checks what criterion was given: -1 to go on, else the exit status. */
static int
criterion_args(const struct options *o, bool set, long *count)
{
	size_t i;

	if (set && o->format != NULL)
		return cli_usage_error("%s", _("criterion: --format shows a "
		    "checklist; it does not go with --require, --count, "
		    "--unit or --kind"));
	if (o->count != NULL && (*count = count_arg(o->count)) < 0)
		return cli_usage_error(_("--count: bad number '%s' (a whole "
		    "number from 0 to 9999)"), o->count);
	if (o->unit != NULL && o->count == NULL)
		return cli_usage_error("%s", _("criterion: --unit goes with "
		    "--count"));
	for (i = 0; i < o->nrequire; i++)
		if (*text_skip_space(o->require[i]) == '\0')
			return cli_usage_error("%s", _("--require: empty "
			    "text"));
	return -1;
}

int
cli_criterion(const struct config *c, const struct options *o,
    const char *cmd, int argc, char **argv)
{
	enum format fmt = FORMAT_TEXT;
	bool list = o->nrequire > 0 || o->count != NULL || o->unit != NULL;
	bool set = list || o->kind != NULL || o->threshold != NULL;
	enum crit_kind k = CK_DOCUMENT;
	struct store *s;
	struct plan p = { 0 };
	char *err = NULL;
	long count = -1;
	score t;
	int rc;

	if (argc != 1)
		return cli_usage_error("%s", _("criterion: expected CODE"));
	if (!cli_format(o->format, false, &fmt) || fmt == FORMAT_CSV)
		return cli_usage_error(_("criterion: unknown format '%s' "
		    "(text, tsv or json)"), o->format);
	if ((rc = criterion_args(o, set, &count)) >= 0 ||
	    (rc = rule_args(o, &k, &t)) >= 0)
		return rc;
	if (set && (rc = cli_need_person(cmd)) != 0)
		return rc;
	if (cli_open_task(c, o, NULL, &s, &p, NULL, &err) != 0)
		return cli_runtime_error(err);
	if (!set) {
		rc = show(s, &p, argv[0], fmt, &err);
		return cli_close_plan(s, &p, rc, err);
	}
	if (o->kind != NULL && (rc = threshold_needed(s, &p, argv[0], k,
	    t)) >= 0) {
		cli_close_plan(s, &p, 0, NULL);
		return rc;
	}
	rc = store_begin(s, &err) != 0 ? CORE_ERROR : CORE_OK;
	if (rc == CORE_OK && list)
		rc = core_criterion_set(s, perm_self(), p.id, argv[0],
		    (const char *const *)o->require, o->nrequire, count,
		    o->unit, &err);
	if (rc == CORE_OK && o->kind != NULL)
		rc = core_rule_set(s, perm_self(), p.id, argv[0], k, t, &err);
	if (rc == CORE_OK && store_commit(s, &err) != 0)
		rc = CORE_ERROR;
	else if (rc != CORE_OK)
		store_rollback(s);
	if (rc == CORE_NONE)
		rc = fail(&err, _("no criterion %s in plan \"%s\""), argv[0],
		    p.name);
	if (rc == 0)
		rc = show(s, &p, argv[0], FORMAT_TEXT, &err);
	return cli_close_plan(s, &p, rc, err);
}
