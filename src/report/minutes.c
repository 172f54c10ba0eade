/* SPDX-License-Identifier: ISC */
/* minutes.c: the minutes of the weekly review meeting and the net
 * changes since the last meeting (see minutes.h).
 *
 * The minutes are built once as a model (header, score, tracker buckets,
 * per-role items) and then written in the chosen format; every data field
 * goes through output.h (text_safe, then the format's escaping). */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "doc.h"
#include "evidence.h"
#include "proofview.h"
#include "scoreview.h"
#include "i18n.h"
#include "meeting.h"
#include "minutes.h"
#include "minutes_parts.h"
#include "words.h"
#include "output.h"
#include "targets.h"
#include "text.h"
#include "title.h"
#include "util.h"

/* --- the model ------------------------------------------------------------ */

/* What the whole history says of each task: when it was last made done,
 * the due date in force then, the latest note. */
struct fact {
	long id;
	const struct task *t;
	const char *done_at;	/* local "YYYY-MM-DD HH:MM:SS" or NULL */
	const char *due_then;	/* due in force when done */
	bool due_moved;		/* a due row after done_at was seen */
	const char *note;
};

static int
fact_cmp(const void *a, const void *b)
{
	const struct fact *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

static struct fact *
fact_find(struct fact *f, size_t n, long id)
{
	struct fact key = { 0 };

	key.id = id;
	return xbsearch(&key, f, n, sizeof *f, fact_cmp);
}

/* One pass over the history, oldest first. */
static void
facts_scan(struct fact *f, size_t nf, const struct change *c, size_t nc)
{
	struct fact *x;
	size_t i;
	enum history_kind k;

	for (i = 0; i < nc; i++) {
		if ((x = fact_find(f, nf, c[i].task_id)) == NULL)
			continue;
		k = history_field(&c[i].h);
		if (k == HK_STATUS && c[i].h.new != NULL &&
		    strcmp(c[i].h.new, "done") == 0) {
			x->done_at = c[i].h.at;
			x->due_moved = false;
		} else if (k == HK_DUE && x->done_at != NULL && !x->due_moved) {
			x->due_then = c[i].h.old;
			x->due_moved = true;
		} else if (c[i].h.kind == HK_NOTE)
			x->note = c[i].h.new;
	}
}

/* An open task's line: its name, then its title and detail. */
static void
add_item(struct model *m, enum section sec, const struct task *t,
    char *detail)
{
	struct item *it;

	m->items = xgrow(m->items, &m->cap, m->n + 1, sizeof *m->items);
	it = &m->items[m->n++];
	it->sec = sec;
	it->role = t->role;
	it->name = words_task_name(t->code, t->id, NULL,
	    t->origin == ORIGIN_DIRECTIVE);
	it->detail = detail;
}

static bool
done_late(const struct task *t, const struct fact *f)
{
	const char *due = t->due;
	char day[11];

	if (f == NULL || f->done_at == NULL)
		return false;
	if (f->due_moved)
		due = f->due_then;
	if (due == NULL)
		return false;
	snprintf(day, sizeof day, "%.10s", f->done_at);
	return strcmp(day, due) > 0;
}

/* The one section an open task is listed in (SEC_COUNT: none): late
 * wins over blocked and in progress, which win over due soon. */
static enum section
open_section(const struct model *m, const struct task *t)
{
	if (t->status == STATUS_DONE)
		return SEC_COUNT;
	if (task_overdue(t))
		return SEC_OVERDUE;
	if (t->status == STATUS_BLOCKED)
		return SEC_BLOCKED;
	if (t->status == STATUS_DOING)
		return SEC_DOING;
	return task_due_soon(t, m->c->warn_days) ? SEC_SOON : SEC_COUNT;
}

/* The trackers' buckets, by the section the task is listed in, so that
 * the counts agree with the lists. */
static void
tally(struct model *m, const struct task *t, const struct fact *f,
    enum section sec)
{
	if (t->status == STATUS_DONE)
		m->bucket[done_late(t, f) ? B_DONE_LATE : B_DONE_ON_TIME]++;
	else if (sec == SEC_OVERDUE)
		m->bucket[B_OVERDUE]++;
	else {
		m->bucket[B_OPEN_ON_TIME]++;
		m->doing += sec == SEC_DOING;
		m->blocked += sec == SEC_BLOCKED;
	}
}

/* How late: the periods that fell short, or the due date and days. */
static void
late_words(struct buf *b, const struct task *t)
{
	char due[16], *days;
	long late;

	if (task_kind(t) == TASK_RECURRING) {
		buf_addf(b, " — %s, %s", t->missed, _("below target"));
		return;
	}
	late = date_days_between(t->due, today());
	days = xasprintf(ngettext("%ld day late", "%ld days late",
	    (unsigned long)late), late);
	buf_addf(b, " — %s %s, %s", _("due"), i18n_date(t->due, due,
	    sizeof due), days);
	free(days);
}

/* The task's one line: its title, and what its section adds; a late
 * task says whether it is in progress or blocked. */
static void
open_items(struct model *m, const struct task *t, const struct fact *f,
    const char *progress, enum section sec)
{
	struct buf b = { 0 };
	char due[16];

	if (sec == SEC_COUNT)
		return;
	buf_adds(&b, t->title);
	if (sec == SEC_OVERDUE && t->status != STATUS_TODO)
		buf_addf(&b, " — %s", status_label(t->status));
	if (t->status == STATUS_BLOCKED)
		buf_addf(&b, " — %s", f && f->note ? f->note :
		    _("no reason given"));
	else {
		if (*progress)
			buf_addf(&b, " — %s", progress);
		if (t->status == STATUS_DOING && f && f->note)
			buf_addf(&b, " — %s", f->note);
	}
	if (sec == SEC_OVERDUE)
		late_words(&b, t);
	else if (sec == SEC_SOON || (task_kind(t) != TASK_RECURRING &&
	    task_due_soon(t, m->c->warn_days))) {
		buf_adds(&b, " — ");
		if (sec != SEC_SOON)
			buf_addf(&b, "%s ", _("due"));
		buf_adds(&b, i18n_date(task_next_due(t), due, sizeof due));
	}
	add_item(m, sec, t, buf_take(&b));
}

/* What a task's line adds to its title (64 bytes): a counted target's
 * count for the current period ("11/2023: 2/3 bài, due 30/11"), a
 * continuing task's last change ("Ongoing · updated 12 days ago"). */
static void
progress_of(struct model *m, const struct task *t, const struct tick *k,
    size_t nk, char *progress)
{
	struct target tg;
	struct target_period *v;
	char start[11], end[11], *w;
	size_t n;

	progress[0] = '\0';
	if (task_kind(t) == TASK_CONTINUING) {
		w = task_ongoing_words(t, false);
		snprintf(progress, 64, "%s", w);
		free(w);
		return;
	}
	if (!target_parse(t->target, t->every, &tg) || tg.count == 0)
		return;
	target_span(m->p, t, start, end);
	n = target_periods(&tg, start, end, today(), k, nk, &v);
	target_progress(&tg, v, n, progress, 64);
	free(v);
}

static void
done_items(struct model *m, const struct net_change *v, size_t n,
    struct fact *f, size_t nf, const struct crit_facts *cf, size_t ncf)
{
	struct item *it;
	struct fact *x;
	char day[16], d[11], *who;
	size_t i;
	bool bare;

	for (i = 0; i < n; i++) {
		if (v[i].status_to == NULL || strcmp(v[i].status_to, "done"))
			continue;
		x = fact_find(f, nf, v[i].task_id);
		/* Done, its criterion not proved (proof.h). */
		bare = x != NULL && x->t->code != NULL &&
		    x->t->crit_title != NULL &&
		    !proofview_proved(cf, ncf, x->t->code);
		snprintf(d, sizeof d, "%.10s", v[i].status_at);
		m->items = xgrow(m->items, &m->cap, m->n + 1,
		    sizeof *m->items);
		it = &m->items[m->n++];
		it->sec = SEC_DONE;
		it->role = v[i].role;
		it->name = words_task_name(v[i].code, v[i].task_id,
		    v[i].title, x != NULL && x->t->origin == ORIGIN_DIRECTIVE);
		who = config_actor_name(m->c, v[i].status_user, NULL);
		it->detail = xasprintf("%s → %s (%s, %s)%s%s",
		    words_status(v[i].status_from), words_status(v[i].status_to),
		    who, i18n_date(d, day, sizeof day),
		    bare ? " — " : "", bare ? _("no document") : "");
		free(who);
	}
}

/* Roles with tasks, in column order (unknown roles after). */
static void
model_roles(struct model *m, const struct task *t, size_t n)
{
	const struct config *c = m->c;
	size_t i, k;

	m->roles = xcalloc(c->nroles + n + 1, sizeof *m->roles);
	for (k = 0; k < c->nroles; k++)
		for (i = 0; i < n; i++)
			if (strcmp(t[i].role, c->roles[k].id) == 0) {
				m->roles[m->nroles++] = c->roles[k].id;
				break;
			}
	for (i = 0; i < n; i++) {
		for (k = 0; k < m->nroles; k++)
			if (strcmp(m->roles[k], t[i].role) == 0)
				break;
		if (k == m->nroles)
			m->roles[m->nroles++] = t[i].role;
	}
}

static void
sources_free(struct sources *x)
{
	tasks_free(x->t, x->nt);
	changes_free(x->h, x->nh);
	net_changes_free(x->net, x->nnet);
	ticks_free(x->k, x->nk);
	free(x->f);
	scoreview_free(&x->sv);
}

static int
sources_load(struct store *s, const struct plan *p,
    const struct meeting_window *w, struct sources *x, char **err)
{
	struct change *c;
	size_t i, nc;

	memset(x, 0, sizeof *x);
	if (store_tasks(s, p->id, NULL, &x->t, &x->nt, err) != 0 ||
	    store_changes_after(s, p->id, NULL, NULL, NULL, CHANGES_LEAN,
	    &x->h, &x->nh, err) != 0 ||
	    store_changes_after(s, p->id, w->after, w->until,
	    w->since[0] ? w->since : NULL, CHANGES_PEOPLE, &c, &nc, err) != 0)
		return -1;
	net_changes(c, nc, &x->net, &x->nnet);
	changes_free(c, nc);
	if (store_ticks(s, p->id, 0, &x->k, &x->nk, err) != 0 ||
	    scoreview_load(s, p, &x->sv, err) != 0)
		return -1;
	x->cf = x->sv.facts;
	x->ncf = x->sv.n;
	x->f = xcalloc(x->nt + 1, sizeof *x->f);
	for (i = 0; i < x->nt; i++) {
		x->f[i].id = x->t[i].id;
		x->f[i].t = &x->t[i];
	}
	xqsort(x->f, x->nt, sizeof *x->f, fact_cmp);
	facts_scan(x->f, x->nt, x->h, x->nh);
	return 0;
}

static void
model_build(struct model *m, const struct sources *x)
{
	const struct task *t;
	struct fact *f;
	char progress[64];
	size_t i, first;
	size_t nk;
	enum section sec;

	m->sc = x->sv.total;
	m->backed = evidence_backed(&x->sv);
	m->lost = scoreview_lost_words(&x->sv, true, SCOREVIEW_ALL);
	m->gain = scoreview_gain_words(&x->sv, SCOREVIEW_ALL);
	model_roles(m, x->t, x->nt);
	done_items(m, x->net, x->nnet, x->f, x->nt, x->cf, x->ncf);
	for (i = 0; i < x->nt; i++) {
		t = &x->t[i];
		f = fact_find(x->f, x->nt, t->id);
		nk = ticks_of_task(x->k, x->nk, t->id, &first);
		progress_of(m, t, x->k != NULL ? x->k + first : NULL, nk,
		    progress);
		sec = open_section(m, t);
		open_items(m, t, f, progress, sec);
		tally(m, t, f, sec);
	}
}

static int
item_cmp(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->sec != y->sec)
		return x->sec < y->sec ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Items by role, then section, then the order they were made: each
 * heading's items are one run, found by walking once. */
static void
model_sort(struct model *m)
{
	size_t i, r;

	for (i = 0; i < m->n; i++) {
		for (r = 0; r < m->nroles; r++)
			if (strcmp(m->roles[r], m->items[i].role) == 0)
				break;
		m->items[i].rank = r;
		m->items[i].seq = i;
	}
	xqsort(m->items, m->n, sizeof *m->items, item_cmp);
}

static void
model_free(struct model *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		free(m->items[i].name);
		free(m->items[i].detail);
	}
	free(m->items);
	free(m->roles);
	free(m->commune);
	free(m->chair_own);
	free(m->heading);
	free(m->lost);
	free(m->gain);
}

/* Names as given (each one or several separated by commas) joined by
 * ", ", each a configured person's name where one matches; NULL for
 * none. */
static char *
names_joined(const struct config *c, const char *const *v, size_t n)
{
	const struct member *who;
	struct buf b = { 0 };
	char *one, *tok, *save, *end;
	size_t i;

	for (i = 0; i < n; i++) {
		one = xstrdup(v[i]);
		for (tok = strtok_r(one, ",", &save); tok != NULL;
		    tok = strtok_r(NULL, ",", &save)) {
			tok = (char *)text_skip_space(tok);
			end = tok + strlen(tok);
			while (end > tok && (end[-1] == ' ' || end[-1] == '\t'))
				*--end = '\0';
			if (*tok == '\0')
				continue;
			who = config_person(c, tok);
			if (b.len > 0)
				buf_adds(&b, ", ");
			buf_adds(&b, who != NULL ? who->name : tok);
		}
		free(one);
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* The fields --record gives (enum meeting_field), names as configured;
 * own[] holds the lists made. */
static void
given_fields(const struct config *c, const struct minutes_opts *o,
    const char **f, char *own[2])
{
	const struct member *sec;

	memcpy(f, o->f, sizeof o->f);
	if (f[MF_SECRETARY] != NULL &&
	    (sec = config_person(c, f[MF_SECRETARY])) != NULL)
		f[MF_SECRETARY] = sec->name;
	f[MF_PRESENT] = own[0] = names_joined(c, o->present, o->npresent);
	f[MF_ABSENT] = own[1] = names_joined(c, o->absent, o->nabsent);
}

/* The record's form when the minutes are a recorded meeting's (with
 * --record, or today's reprinted): today's fields, those given over
 * them.  0 and m->form NULL when they are not. */
static int
form_setup(struct minutes_form *fm, struct store *s, struct model *m,
    const struct minutes_opts *o, const struct meeting_window *w,
    const char *const *given, char **err)
{
	bool held = w->held_today && o->since == NULL;
	size_t i;

	if (o->fmt == FORMAT_CSV || (!held && !(o->record && o->since ==
	    NULL)))
		return 0;
	for (i = 0; i < MF_COUNT; i++)
		fm->f[i] = given[i] != NULL ? given[i] :
		    held ? w->meeting.f[i] : NULL;
	fm->chair = m->chair;
	if (minutes_form_load(fm, s, m->c, m->p, err) != 0)
		return -1;
	m->form = fm;
	return 0;
}

/* "the meeting of 20/09/2023" or "20/09/2023" (seven days before). */
static void
since_text(const struct meeting_window *w, char *buf, size_t n)
{
	char day[16], iso[11];

	if (w->after != NULL) {
		date_local_day(w->after, iso);
		snprintf(buf, n, _("the meeting of %s"),
		    i18n_date(iso, day, sizeof day));
	} else
		snprintf(buf, n, "%s", i18n_date(w->since, day, sizeof day));
}

int
minutes_print(struct store *s, const struct config *c, const struct plan *p,
    const struct minutes_opts *o, FILE *out, char **err)
{
	struct meeting_window w;
	struct meeting last = { 0 }, before = { 0 };
	struct sources x;
	struct model m;
	struct doc d;
	struct minutes_form form = { 0 };
	const char *given[MF_COUNT];
	char *own[2];
	int rc = -1;

	if (o->fmt != FORMAT_TEXT && o->fmt != FORMAT_MARKDOWN &&
	    o->fmt != FORMAT_HTML && o->fmt != FORMAT_CSV)
		return fail(err, "%s", _("minutes: format must be text, "
		    "markdown, html or csv"));
	if (o->since == NULL && store_meetings_last(s, p->id, &last, &before,
	    err) != 0)
		return -1;
	meeting_window(o->since, &last, &before, &w);
	meeting_clear(&last);
	meeting_clear(&before);
	given_fields(c, o, given, own);
	memset(&m, 0, sizeof m);
	m.p = p;
	m.c = c;
	m.heading = report_plan_heading(s, p);
	/* The same commune as the board's header. */
	m.commune = c->commune != NULL && *c->commune != '\0' ?
	    xstrdup(c->commune) : title_commune(p->name != NULL ? p->name : "");
	i18n_date(today(), m.day, sizeof m.day);
	since_text(&w, m.since, sizeof m.since);
	m.chair = o->chair;
	if (m.chair == NULL && w.held_today && o->since == NULL)
		m.chair = w.meeting.chair;
	if (m.chair == NULL && c->chair != NULL)
		m.chair = c->chair;
	if (m.chair == NULL)
		m.chair = m.chair_own = config_actor_name(c, current_user(),
		    NULL);
	if (sources_load(s, p, &w, &x, err) != 0 ||
	    form_setup(&form, s, &m, o, &w, given, err) != 0)
		goto out;
	model_build(&m, &x);
	model_sort(&m);
	doc_begin(&d, o->fmt, out, _("Minutes of the weekly administrative "
	    "reform meeting"));
	if (o->fmt == FORMAT_CSV)
		minutes_write_csv(&d, &m);
	else
		minutes_write_doc(&d, &m, &x);
	doc_end(&d);
	rc = 0;
	if (o->record && o->since == NULL)
		rc = store_meeting_record(s, p->id, m.chair, given, NULL,
		    err);
out:
	minutes_form_free(&form);
	free(own[0]);
	free(own[1]);
	model_free(&m);
	sources_free(&x);
	meeting_window_clear(&w);
	return rc;
}
