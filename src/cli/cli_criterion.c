/* SPDX-License-Identifier: ISC */
/* cli_criterion.c: `parboard criterion CODE`, a criterion's checklist of
 * required documents and its counted target (checklist.h), shown, or set
 * with --require, --count and --unit (core_criterion_set). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist.h"
#include "cli_impl.h"
#include "core.h"
#include "i18n.h"
#include "output.h"
#include "perm.h"

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
 * null}. */
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
		buf_adds(b, "null}\n");
		return;
	}
	buf_addf(b, "{\"count\": %ld, \"unit\": ", c->count);
	out_json_str(b, c->unit);
	buf_adds(b, ", \"from\": ");
	out_json_str(b, c->from[0] != '\0' ? c->from : NULL);
	buf_adds(b, ", \"to\": ");
	out_json_str(b, c->to[0] != '\0' ? c->to : NULL);
	buf_addf(b, ", \"by_hand\": %s}}\n", c->target_by_hand ? "true" :
	    "false");
}

static int
show(struct store *s, const struct plan *p, const char *code,
    enum format fmt, char **err)
{
	struct checklist c;
	struct buf b = { 0 };
	char *title = NULL, *safe;
	int rc;

	if ((rc = store_checklist_get(s, p->id, code, &title, NULL, &c,
	    err)) != 0)
		return rc < 0 ? -1 : fail(err, _("no criterion %s in plan "
		    "\"%s\""), code, p->name);
	if (fmt == FORMAT_TSV)
		print_tsv(&b, &c);
	else if (fmt == FORMAT_JSON)
		print_json(&b, code, title, &c);
	else
		print_text(&b, code, title, &c);
	if (fmt == FORMAT_TEXT) {
		/* Text from the data never reaches the terminal raw. */
		safe = text_safe(b.data, true);
		fputs(safe, stdout);
		free(safe);
	} else
		fputs(b.data, stdout);
	buf_free(&b);
	free(title);
	checklist_clear(&c);
	return 0;
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

int
cli_criterion(const struct config *c, const struct options *o,
    const char *cmd, int argc, char **argv)
{
	enum format fmt = FORMAT_TEXT;
	bool set = o->nrequire > 0 || o->count != NULL || o->unit != NULL;
	struct store *s;
	struct plan p = { 0 };
	char *err = NULL;
	long count = -1;
	size_t i;
	int rc;

	if (argc != 1)
		return cli_usage_error("%s", _("criterion: expected CODE"));
	if (!cli_format(o->format, false, &fmt) || fmt == FORMAT_CSV)
		return cli_usage_error(_("criterion: unknown format '%s' "
		    "(text, tsv or json)"), o->format);
	if (set && o->format != NULL)
		return cli_usage_error("%s", _("criterion: --format shows a "
		    "checklist; it does not go with --require, --count or "
		    "--unit"));
	if (o->count != NULL && (count = count_arg(o->count)) < 0)
		return cli_usage_error(_("--count: bad number '%s' (a whole "
		    "number from 0 to 9999)"), o->count);
	if (o->unit != NULL && o->count == NULL)
		return cli_usage_error("%s", _("criterion: --unit goes with "
		    "--count"));
	for (i = 0; i < o->nrequire; i++)
		if (*text_skip_space(o->require[i]) == '\0')
			return cli_usage_error("%s", _("--require: empty "
			    "text"));
	if (set && (rc = cli_need_person(cmd)) != 0)
		return rc;
	if (cli_open_task(c, o, NULL, &s, &p, NULL, &err) != 0)
		return cli_runtime_error(err);
	if (!set) {
		rc = show(s, &p, argv[0], fmt, &err);
		return cli_close_plan(s, &p, rc, err);
	}
	rc = core_criterion_set(s, perm_self(), p.id, argv[0],
	    (const char *const *)o->require, o->nrequire, count, o->unit,
	    &err);
	if (rc == CORE_NONE)
		rc = fail(&err, _("no criterion %s in plan \"%s\""), argv[0],
		    p.name);
	if (rc == 0)
		rc = show(s, &p, argv[0], FORMAT_TEXT, &err);
	return cli_close_plan(s, &p, rc, err);
}
