/* SPDX-License-Identifier: ISC */
/* cli_figures.c: `parboard figures CODE`, the figures b/a recorded for
 * a ratio or plan criterion since the appraisal (score.h), listed, or
 * recorded with --period or --from/--to, --num and --den, --snapshot
 * and --expect (core_figures_add). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_impl.h"
#include "core.h"
#include "date.h"
#include "i18n.h"
#include "output.h"
#include "perm.h"
#include "score.h"
#include "scoreview.h"

void
cli_print(struct buf *b, bool text)
{
	char *safe;

	if (b->data == NULL)
		return;
	if (!text) {
		fputs(b->data, stdout);
		return;
	}
	/* Text from the data never reaches the terminal raw. */
	safe = text_safe(b->data, true);
	fputs(safe, stdout);
	free(safe);
}

char *
cli_figure_words(const struct figure *f)
{
	char *m, *w;

	if (strcmp(f->from, f->to) == 0)
		m = xasprintf("%.2s/%.4s", f->from + 5, f->from);
	else
		m = xasprintf("%.2s/%.4s–%.2s/%.4s", f->from + 5, f->from,
		    f->to + 5, f->to);
	if (f->snapshot) {
		w = xasprintf(_("%s (year to date)"), m);
		free(m);
		m = w;
	}
	w = xasprintf("%s: %ld/%ld", m, f->num, f->den);
	free(m);
	return w;
}

/* The rows as a table within 80 columns. */
static void
print_text(struct buf *b, const char *code, const struct figure *v,
    size_t n)
{
	char r[32], day[11], d[16], *m, *c;
	size_t i;

	if (n == 0) {
		buf_addf(b, _("%s: no figures recorded\n"), code);
		return;
	}
	text_pad(b, _("Period"), 28);
	buf_addf(b, " %7s %7s %5s  ", "b", "a", "b/a");
	text_pad(b, _("Recorded by"), 16);
	buf_addf(b, " %s\n", _("On"));
	for (i = 0; i < n; i++) {
		m = cli_figure_words(&v[i]);
		if ((c = strrchr(m, ':')) != NULL)
			*c = '\0';
		text_pad(b, m, 28);
		free(m);
		text_format_score(score_ratio(SCORE_UNIT, v[i].num, v[i].den),
		    i18n_decimal(), r, sizeof r);
		buf_addf(b, " %7ld %7ld %5s  ", v[i].num, v[i].den, r);
		text_pad(b, v[i].user != NULL ? v[i].user : "", 16);
		snprintf(day, sizeof day, "%.10s", v[i].at != NULL ? v[i].at :
		    "");
		buf_addf(b, " %s\n", i18n_date(day, d, sizeof d));
	}
}

/* tsv: from, to, b, a, snapshot (0 or 1), user, at; json: an array of
 * {"from", "to", "num", "den", "snapshot", "user", "at"}. */
static void
print_data(struct buf *b, enum format fmt, const struct figure *v,
    size_t n)
{
	char num[48];
	size_t i;

	if (fmt == FORMAT_JSON)
		buf_addc(b, '[');
	for (i = 0; i < n; i++) {
		if (fmt == FORMAT_TSV) {
			out_tsv_cell(b, v[i].from, false);
			out_tsv_cell(b, v[i].to, false);
			snprintf(num, sizeof num, "%ld\t%ld\t%d", v[i].num,
			    v[i].den, v[i].snapshot);
			buf_adds(b, num);
			buf_addc(b, '\t');
			out_tsv_cell(b, v[i].user, false);
			out_tsv_cell(b, v[i].at, true);
			continue;
		}
		buf_adds(b, i > 0 ? ", {\"from\": " : "{\"from\": ");
		out_json_str(b, v[i].from);
		buf_adds(b, ", \"to\": ");
		out_json_str(b, v[i].to);
		buf_addf(b, ", \"num\": %ld, \"den\": %ld, \"snapshot\": %s, "
		    "\"user\": ", v[i].num, v[i].den, v[i].snapshot ? "true" :
		    "false");
		out_json_str(b, v[i].user);
		buf_adds(b, ", \"at\": ");
		out_json_str(b, v[i].at);
		buf_addc(b, '}');
	}
	if (fmt == FORMAT_JSON)
		buf_adds(b, "]\n");
}

/* The criterion's three numbers (scoreview.h), when it is scored:
 * "Score: Appraised 0,00 · now 0,00 · reachable 0,00" and its notes. */
int
cli_score_lines(struct buf *b, struct store *s, const struct plan *p,
    const char *code, char **err)
{
	struct scoreview sv;
	char *lines[4];
	size_t n, i;

	if (scoreview_load(s, p, &sv, err) != 0)
		return -1;
	n = scoreview_crit_lines(&sv, code, lines);
	for (i = 0; i < n; i++) {
		buf_addf(b, i == 0 ? _("Score: %s\n") : "  %s\n", lines[i]);
		free(lines[i]);
	}
	scoreview_free(&sv);
	return 0;
}

static int
show(struct store *s, const struct plan *p, const char *code,
    enum format fmt, char **err)
{
	struct checklist c;
	struct figure *v;
	struct buf b = { 0 };
	size_t n;
	int rc = store_checklist_get(s, p->id, code, NULL, NULL, &c, err);

	if (rc != 0)
		return rc < 0 ? -1 : fail(err, _("no criterion %s in plan "
		    "\"%s\""), code, p->name);
	checklist_clear(&c);
	if (store_figures_list(s, p->id, code, &v, &n, err) != 0)
		return -1;
	if (fmt == FORMAT_TEXT) {
		print_text(&b, code, v, n);
		rc = cli_score_lines(&b, s, p, code, err);
	} else
		print_data(&b, fmt, v, n);
	if (rc == 0)
		cli_print(&b, fmt == FORMAT_TEXT);
	buf_free(&b);
	model_free_each(v, n, sizeof *v, figure_clear);
	return rc;
}

/* A whole number from 0 to 999 999 999 into *out; false when s is none
 * (a sign, a decimal, text). */
static bool
whole_arg(const char *s, long *out)
{
	size_t n = strspn(s, "0123456789");

	if (n == 0 || n > 9 || s[n] != '\0')
		return false;
	*out = atol(s);
	return true;
}

/* A month option into out; -1, else the usage error's status. */
static int
month_arg(const char *opt, const char *s, char out[8])
{
	if (figure_month_parse(s, out))
		return -1;
	return cli_usage_error(_("%s: bad month '%s' (YYYY-MM or MM/YYYY)"),
	    opt, s);
}

/* The options into in (months in m1, m2): -1 to go on, else the usage
 * error's status. */
static int
figures_args(const struct options *o, struct core_figures *in,
    char m1[8], char m2[8])
{
	bool range = o->from != NULL || o->to != NULL;
	int rc;

	if (o->period != NULL && range)
		return cli_usage_error("%s", _("figures: --period or --from "
		    "and --to, not both"));
	if (range && (o->from == NULL || o->to == NULL))
		return cli_usage_error("%s", _("figures: --from and --to go "
		    "together"));
	if ((o->period != NULL || range) != (o->num != NULL || o->den !=
	    NULL) || (o->num != NULL) != (o->den != NULL))
		return cli_usage_error("%s", _("figures: give the period "
		    "(--period, or --from and --to) with --num and --den"));
	if (o->snapshot && o->period == NULL)
		return cli_usage_error("%s", _("figures: --snapshot takes "
		    "--period (year-to-date at that month)"));
	if ((o->period != NULL && (rc = month_arg("--period", o->period,
	    m1)) >= 0) || (range && ((rc = month_arg("--from", o->from,
	    m1)) >= 0 || (rc = month_arg("--to", o->to, m2)) >= 0)))
		return rc;
	if (o->period != NULL)
		memcpy(m2, m1, 8);
	if ((o->period != NULL || range) && strcmp(m1, m2) > 0)
		return cli_usage_error(_("figures: --from %s is after --to %s"),
		    o->from, o->to);
	if (o->num != NULL && (!whole_arg(o->num, &in->num) ||
	    !whole_arg(o->den, &in->den)))
		return cli_usage_error(_("figures: bad number in --num %s "
		    "--den %s (whole numbers, 0 or more)"), o->num, o->den);
	if (o->expect != NULL && !whole_arg(o->expect, &in->expect))
		return cli_usage_error(_("--expect: bad number '%s' (a whole "
		    "number)"), o->expect);
	in->from = o->period != NULL || range ? m1 : NULL;
	in->to = m2;
	in->snapshot = o->snapshot;
	in->has_expect = o->expect != NULL;
	return -1;
}

int
cli_figures(const struct config *c, const struct options *o,
    const char *cmd, int argc, char **argv)
{
	struct core_figures in = { 0 };
	enum format fmt = FORMAT_TEXT;
	char m1[8] = "", m2[8] = "", *err = NULL, *w;
	struct store *s;
	struct plan p = { 0 };
	bool set, replaced;
	int rc;

	if (argc != 1)
		return cli_usage_error("%s", _("figures: expected CODE"));
	if (!cli_format(o->format, false, &fmt) || fmt == FORMAT_CSV)
		return cli_usage_error(_("figures: unknown format '%s' "
		    "(text, tsv or json)"), o->format);
	if ((rc = figures_args(o, &in, m1, m2)) >= 0)
		return rc;
	set = in.from != NULL || in.has_expect;
	if (set && o->format != NULL)
		return cli_usage_error("%s", _("figures: --format goes with "
		    "the listing, not with recording"));
	if (set && (rc = cli_need_person(cmd)) != 0)
		return rc;
	if (cli_open_task(c, o, NULL, &s, &p, NULL, &err) != 0)
		return cli_runtime_error(err);
	if (!set)
		return cli_close_plan(s, &p, show(s, &p, argv[0], fmt, &err),
		    err);
	rc = core_figures_add(s, perm_self(), &p, argv[0], &in, &replaced,
	    &err);
	if (rc == CORE_NONE)
		rc = fail(&err, _("no criterion %s in plan \"%s\""), argv[0],
		    p.name);
	if (rc == 0 && in.from != NULL) {
		struct figure f = { .num = in.num, .den = in.den };

		snprintf(f.from, sizeof f.from, "%s", in.from);
		snprintf(f.to, sizeof f.to, "%s", in.to);
		w = cli_figure_words(&f);
		printf(replaced ? _("%s: corrected %s\n") :
		    _("%s: recorded %s\n"), argv[0], w);
		free(w);
	}
	if (rc == 0)
		rc = show(s, &p, argv[0], FORMAT_TEXT, &err);
	return cli_close_plan(s, &p, rc, err);
}
