/* SPDX-License-Identifier: ISC */
/* actions_figures.c: F, a period's figures b/a for the current card's
 * criterion (a ratio or a plan: score.h), asked in the footer — the
 * month (MM/YYYY or YYYY-MM), b, a — and recorded by core_figures_add,
 * the use case `parboard figures` calls. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "actions_impl.h"
#include "boardui.h"
#include "core.h"
#include "i18n.h"
#include "perm.h"
#include "score.h"
#include "text.h"
#include "util.h"

/* The criterion of t, when its kind takes figures; else NULL, said. */
static const char *
figures_code(struct board *b, const struct task *t)
{
	struct crit_rule r;
	char *err = NULL;
	bool ok;

	if (t->code == NULL || *t->code == '\0') {
		board_message(b, true, "%s", _("This task has no criterion: "
		    "no figures to record"));
		return NULL;
	}
	if (store_rule_get(b->s, b->data.plan.id, t->code, &r, &err) < 0) {
		board_message(b, true, "%s", err);
		free(err);
		return NULL;
	}
	ok = crit_kind_takes_figures(r.kind);
	if (!ok)
		board_message(b, true, _("%s is scored by %s, not by figures"),
		    t->code, crit_kind_label(r.kind));
	crit_rule_clear(&r);
	return ok ? t->code : NULL;
}

/* A whole number typed at a prompt (spaces around allowed). */
static bool
whole(const char *s, long *out)
{
	char *end;

	s = text_skip_space(s);
	if (*s < '0' || *s > '9')
		return false;
	*out = strtol(s, &end, 10);
	return *text_skip_space(end) == '\0' && *out <= 999999999;
}

/* The three answers, asked in turn: false when cancelled or bad (said). */
static bool
ask(struct board *b, const char *code, char month[8], long *num,
    long *den)
{
	char *label, *m = NULL, *nb = NULL, *na = NULL;
	bool ok = false;

	label = xasprintf(_("%s: figures for the month (MM/YYYY): "), code);
	m = prompt_line(b, label, NULL, false);
	free(label);
	if (m != NULL && *text_skip_space(m) != '\0' &&
	    (nb = prompt_line(b, _("b, the files (or tasks) done: "), NULL,
	    false)) != NULL && *nb != '\0')
		na = prompt_line(b, _("a, all the files (or tasks due): "),
		    NULL, false);
	if (na == NULL || *na == '\0')
		board_message(b, false, "%s", _("Cancelled"));
	else if (!figure_month_parse(text_skip_space(m), month))
		board_message(b, true, _("Invalid month: %s (MM/YYYY)"), m);
	else if (!whole(nb, num) || !whole(na, den))
		board_message(b, true, _("Invalid figures: %s/%s (whole "
		    "numbers)"), nb, na);
	else
		ok = true;
	free(m);
	free(nb);
	free(na);
	return ok;
}

/* F: the figures of a month for the card's criterion. */
void
actions_figures(struct board *b)
{
	struct core_figures in = { 0 };
	struct task *t;
	char month[8], *code, *err = NULL;
	bool replaced;
	int rc;

	if ((t = actions_target_may(b, PERM_STATUS)) == NULL ||
	    figures_code(b, t) == NULL)
		return;
	code = xstrdup(t->code);
	if (!ask(b, code, month, &in.num, &in.den)) {
		free(code);
		return;
	}
	in.from = in.to = month;
	rc = core_figures_add(b->s, perm_self(), &b->data.plan, code, &in,
	    &replaced, &err);
	if (rc != CORE_OK)
		actions_not_written(b, rc, err);
	else
		board_message(b, false, replaced ? _("%s: figures for %.2s/%.4s "
		    "corrected: %ld/%ld") : _("%s: figures for %.2s/%.4s "
		    "recorded: %ld/%ld"), code, month + 5, month, in.num,
		    in.den);
	free(err);
	free(code);
	board_reload(b);
}
