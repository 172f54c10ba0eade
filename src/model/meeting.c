/* SPDX-License-Identifier: ISC */
/* meeting.c: "since the last meeting" — the window of the weekly review
 * and the net change of each task in it (see meeting.h).  Pure: the
 * callers read the meetings and the history rows from the store. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "meeting.h"
#include "text.h"
#include "util.h"

/* --- the window ----------------------------------------------------------- */

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
meeting_window_clear(struct meeting_window *w)
{
	free(w->after);
	free(w->until);
	meeting_clear(&w->meeting);
	memset(w, 0, sizeof *w);
}

static void
meeting_copy(struct meeting *to, const struct meeting *from)
{
	int i;

	to->id = from->id;
	to->at = dup_or_null(from->at);
	to->chair = dup_or_null(from->chair);
	to->user = dup_or_null(from->user);
	for (i = 0; i < MF_COUNT; i++)
		to->f[i] = dup_or_null(from->f[i]);
}

void
meeting_window(const char *since, const struct meeting *last,
    const struct meeting *before, struct meeting_window *w)
{
	char day[11];

	memset(w, 0, sizeof *w);
	if (since != NULL) {
		snprintf(w->since, sizeof w->since, "%s", since);
		return;
	}
	if (last == NULL || last->id == 0) {
		date_add(today(), -7, w->since);
		return;
	}
	meeting_copy(&w->meeting, last);
	/* Stored in UTC, held on a local day: just after local midnight
	 * east of Greenwich is the day before in UTC. */
	date_local_day(w->meeting.at, day);
	if (strcmp(day, today()) != 0) {
		w->after = xstrdup(w->meeting.at);
		return;
	}
	/* Held today: these minutes are that meeting's. */
	w->held_today = true;
	w->until = xstrdup(w->meeting.at);
	if (before != NULL && before->id != 0)
		w->after = xstrdup(before->at);
	else
		date_add(day, -7, w->since);
}

bool
meeting_same_day(const char *at1, const char *at2)
{
	char d1[11], d2[11];

	if (at1 == NULL || at2 == NULL)
		return false;
	date_local_day(at1, d1);
	date_local_day(at2, d2);
	return strcmp(d1, d2) == 0;
}

void
meeting_window_board(struct meeting_window *w)
{
	if (!w->held_today)
		return;
	free(w->after);
	w->after = xstrdup(w->meeting.at);
	free(w->until);
	w->until = NULL;
	w->since[0] = '\0';
}

/* --- net changes ---------------------------------------------------------- */

static bool
is_status(const char *v)
{
	enum status st;

	return v != NULL && status_parse(v, &st) &&
	    strcmp(status_name(st), v) == 0;
}

static bool
is_date(const char *v)
{
	char iso[11];

	return v != NULL && strlen(v) == 10 && date_parse(v, iso);
}

enum history_kind
history_field(const struct history *h)
{
	if (h->kind == HK_STATUS || h->kind == HK_DUE)
		return h->kind;
	if (h->kind != HK_UNDO)
		return HK_COUNT;
	if (is_status(h->old) || is_status(h->new))
		return HK_STATUS;
	if (is_date(h->old) || is_date(h->new))
		return HK_DUE;
	return HK_COUNT;
}

static int
change_task_cmp(const void *a, const void *b)
{
	const struct change *x = *(const struct change *const *)a;
	const struct change *y = *(const struct change *const *)b;

	if (x->task_id != y->task_id)
		return x->task_id < y->task_id ? -1 : 1;
	return x->h.id < y->h.id ? -1 : x->h.id > y->h.id;
}

/* Fold one task's rows (oldest first) into its net change. */
static void
net_fold(struct net_change *n, const struct change *const *r, size_t m)
{
	const char *sf = NULL, *st = NULL, *df = NULL, *dt = NULL;
	const char *su = NULL, *sa = NULL;
	bool sseen = false, dseen = false;
	size_t i;
	enum history_kind f;

	memset(n, 0, sizeof *n);
	n->task_id = r[0]->task_id;
	n->code = dup_or_null(r[0]->code);
	n->role = dup_or_null(r[0]->role);
	n->title = dup_or_null(r[0]->title);
	n->user = dup_or_null(r[m - 1]->h.user);
	n->at = dup_or_null(r[m - 1]->h.at);
	for (i = 0; i < m; i++) {
		f = history_field(&r[i]->h);
		if (f == HK_STATUS) {
			if (!sseen)
				sf = r[i]->h.old;
			sseen = true;
			st = r[i]->h.new;
			su = r[i]->h.user;
			sa = r[i]->h.at;
		} else if (f == HK_DUE) {
			if (!dseen)
				df = r[i]->h.old;
			dseen = true;
			dt = r[i]->h.new;
		} else if (r[i]->h.kind == HK_NOTE)
			n->notes++;
		else if (r[i]->h.kind == HK_EVIDENCE)
			n->evidence += r[i]->h.new != NULL ? 1 : -1;
		else if (r[i]->h.kind == HK_TICK)
			n->ticks += r[i]->h.new != NULL ? 1 : -1;
	}
	if (sseen && !(sf != NULL && st != NULL && strcmp(sf, st) == 0)) {
		n->status_from = dup_or_null(sf);
		n->status_to = dup_or_null(st);
		n->status_user = dup_or_null(su);
		n->status_at = dup_or_null(sa);
	}
	if (dseen && !(df != NULL && dt != NULL && strcmp(df, dt) == 0) &&
	    !(df == NULL && dt == NULL)) {
		n->due_from = dup_or_null(df);
		n->due_to = dup_or_null(dt);
	}
}

static int
net_cmp(const void *a, const void *b)
{
	const struct net_change *x = a, *y = b;
	int c;

	if ((x->code == NULL) != (y->code == NULL))
		return x->code == NULL ? 1 : -1;
	if (x->code != NULL && (c = text_code_cmp(x->code, y->code)) != 0)
		return c;
	return x->task_id < y->task_id ? -1 : x->task_id > y->task_id;
}

void
net_changes(const struct change *c, size_t nc, struct net_change **out,
    size_t *n)
{
	const struct change **r;
	struct net_change *v;
	size_t i, j, m = 0;

	r = xcalloc(nc + 1, sizeof *r);
	for (i = 0; i < nc; i++)
		r[i] = &c[i];
	xqsort(r, nc, sizeof *r, change_task_cmp);
	v = xcalloc(nc + 1, sizeof *v);
	for (i = 0; i < nc; i = j) {
		for (j = i; j < nc && r[j]->task_id == r[i]->task_id; j++)
			;
		net_fold(&v[m++], &r[i], j - i);
	}
	xqsort(v, m, sizeof *v, net_cmp);
	free(r);
	*out = v;
	*n = m;
}

void
net_changes_free(struct net_change *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].code);
		free(v[i].role);
		free(v[i].title);
		free(v[i].user);
		free(v[i].at);
		free(v[i].status_from);
		free(v[i].status_to);
		free(v[i].status_user);
		free(v[i].status_at);
		free(v[i].due_from);
		free(v[i].due_to);
	}
	free(v);
}

