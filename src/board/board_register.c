/* SPDX-License-Identifier: ISC */
/* board_register.c: what issue 8 adds to the board's snapshot — the
 * tasks a person changed since the last meeting (marked on their cards,
 * counted in the header, listed by `c`), the occurrences of counted
 * targets (the card's "2/3 bài · 11/2023", the task view's periods). */
#include <stdlib.h>
#include <string.h>

#include "boardui.h"
#include "date.h"
#include "i18n.h"
#include "meeting.h"
#include "proofview.h"
#include "words.h"
#include "targets.h"
#include "text.h"
#include "util.h"

static int
id_cmp(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

void
board_register_free(struct board *b)
{
	size_t n;

	free(b->data.changed);
	b->data.changed = NULL;
	b->data.nchanged = 0;
	ticks_free(b->data.ticks, b->data.nticks);
	b->data.ticks = NULL;
	b->data.nticks = 0;
	scoreview_free(&b->data.sv);
	for (n = 0; n < b->data.nfacts; n++)
		proof_clear(&b->data.proofs[n]);
	free(b->data.proofs);
	crit_facts_free(b->data.facts, b->data.nfacts);
	b->data.facts = NULL;
	b->data.proofs = NULL;
	b->data.nfacts = 0;
}

/* Every criterion's proof and three numbers, in the queries of
 * store_proof_facts for the plan. */
static int
load_proofs(struct board *b, char **err)
{
	size_t i;

	if (store_proof_facts(b->s, b->data.plan.id, NULL, &b->data.facts,
	    &b->data.nfacts, err) != 0)
		return -1;
	b->data.proofs = xcalloc(b->data.nfacts + 1, sizeof *b->data.proofs);
	for (i = 0; i < b->data.nfacts; i++)
		proofview_compute(&b->data.facts[i], &b->data.proofs[i]);
	scoreview_compute(&b->data.plan, b->data.facts, b->data.proofs,
	    b->data.nfacts, &b->data.sv);
	return 0;
}

const struct crit_facts *
board_crit_proof(const struct board *b, const char *code,
    const struct proof **p)
{
	const struct crit_facts *f = crit_facts_find(b->data.facts,
	    b->data.nfacts, code);

	*p = f != NULL ? &b->data.proofs[f - b->data.facts] : NULL;
	return f;
}

/* Since the last meeting, for the board: on a meeting's day, from that
 * meeting on (the minutes print the window before it). */
static int
board_window(struct board *b, struct meeting_window *w, char **err)
{
	struct meeting last, before;

	if (store_meetings_last(b->s, b->data.plan.id, &last, &before,
	    err) != 0)
		return -1;
	meeting_window(NULL, &last, &before, w);
	meeting_clear(&last);
	meeting_clear(&before);
	meeting_window_board(w);
	return 0;
}

int
board_load_register(struct board *b, char **err)
{
	struct meeting_window w;
	long *ids;
	size_t n;
	int rc;

	if (board_window(b, &w, err) != 0)
		return -1;
	rc = store_changed_tasks(b->s, b->data.plan.id, w.after, w.until,
	    w.since[0] ? w.since : NULL, &ids, &n, err);
	meeting_window_clear(&w);
	if (rc != 0)
		return -1;
	board_register_free(b);
	b->data.changed = ids;	/* ascending, for board_task_changed */
	b->data.nchanged = n;
	if (load_proofs(b, err) != 0)
		return -1;
	return store_ticks(b->s, b->data.plan.id, 0, &b->data.ticks,
	    &b->data.nticks, err);
}

bool
board_task_changed(const struct board *b, long id)
{
	return b->data.nchanged > 0 &&
	    xbsearch(&id, b->data.changed, b->data.nchanged,
		sizeof *b->data.changed, id_cmp) != NULL;
}

void
board_task_progress(const struct board *b, const struct task *t, char *buf,
    char ***periods, size_t *nperiods)
{
	struct target tg;
	struct target_period *v;
	char start[11], end[11], label[16];
	size_t lo = 0, k, n, i;

	buf[0] = '\0';
	if (periods != NULL) {
		*periods = NULL;
		*nperiods = 0;
	}
	if (!target_parse(t->target, t->every, &tg) || tg.count == 0)
		return;
	k = ticks_of_task(b->data.ticks, b->data.nticks, t->id, &lo);
	target_span(&b->data.plan, t, start, end);
	n = target_periods(&tg, start, end, today(),
	    b->data.ticks != NULL ? b->data.ticks + lo : NULL, k, &v);
	target_progress(&tg, v, n, buf, 64);
	if (periods != NULL) {
		*periods = xcalloc(n + 1, sizeof **periods);
		for (i = 0; i < n; i++) {
			target_period_label(tg.every, v[i].from, label,
			    sizeof label);
			(*periods)[i] = xasprintf("%s: %d/%d%s%s%s%s", label,
			    v[i].done, tg.count, tg.unit[0] ? " " : "",
			    tg.unit, v[i].missed ? " — " : "",
			    v[i].missed ? _("below target") : "");
		}
		*nperiods = n;
	}
	free(v);
}

char **
board_changes_lines(struct board *b, int width, size_t *n)
{
	struct meeting_window w;
	struct net_change *v;
	struct change *c = NULL;
	char **lines, *err = NULL, day[16], d[11], since[64];
	size_t nv = 0, nc = 0, i, k = 0;

	(void)width;
	memset(&w, 0, sizeof w);
	if (board_window(b, &w, &err) != 0 ||
	    store_changes_after(b->s, b->data.plan.id, w.after, w.until,
	    w.since[0] ? w.since : NULL, CHANGES_PEOPLE, &c, &nc,
	    &err) != 0) {
		meeting_window_clear(&w);
		lines = xcalloc(2, sizeof *lines);
		lines[0] = xasprintf(_("Cannot read the changes: %s"),
		    err ? err : "?");
		*n = 1;
		free(err);
		return lines;
	}
	net_changes(c, nc, &v, &nv);
	changes_free(c, nc);
	if (w.after != NULL) {
		date_local_day(w.after, d);
		snprintf(since, sizeof since, _("the meeting of %s"),
		    i18n_date(d, day, sizeof day));
	} else
		snprintf(since, sizeof since, "%s", i18n_date(w.since, day,
		    sizeof day));
	lines = xcalloc(nv + 4, sizeof *lines);
	lines[k++] = xasprintf("\x01%s %s", _("Changes since"), since);
	lines[k++] = xstrdup("");
	for (i = 0; i < nv; i++) {
		char *what = words_net_change(&v[i]);

		snprintf(d, sizeof d, "%.10s", v[i].at ? v[i].at : "");
		lines[k++] = xasprintf("%s · %s · %s · %s", i18n_date(d, day,
		    sizeof day), v[i].user ? v[i].user : "?",
		    v[i].role ? v[i].role : "?", what);
		free(what);
	}
	if (nv == 0)
		lines[k++] = xstrdup(_("(none)"));
	*n = k;
	net_changes_free(v, nv);
	meeting_window_clear(&w);
	return lines;
}
