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
#include "words.h"
#include "output.h"
#include "targets.h"
#include "text.h"
#include "title.h"
#include "util.h"

/* --- the model ------------------------------------------------------------ */

enum section {
	SEC_DONE,		/* done since the last meeting */
	SEC_DOING,		/* in progress, with the latest note */
	SEC_BLOCKED,		/* blocked, with the reason */
	SEC_OVERDUE,		/* overdue, days late; missed periods */
	SEC_SOON,		/* due within the warning window */
	SEC_COUNT
};

static const char *const section_title[SEC_COUNT] = {
	N_("Done since the last meeting"), N_("In progress"),
	N_("Blocked"), N_("Overdue"), N_("Due soon"),
};

enum bucket {
	B_DONE_ON_TIME, B_DONE_LATE, B_OPEN_ON_TIME, B_OVERDUE, B_COUNT
};

static const char *const bucket_title[B_COUNT] = {
	N_("Done on time"), N_("Done late"), N_("Not done, within deadline"),
	N_("Not done, overdue"),
};

struct item {
	enum section sec;
	const char *role;
	size_t rank, seq;	/* the role's place in roles[], the order made */
	char *name, *detail;
};

struct model {
	const struct plan *p;
	const struct config *c;
	char day[16], since[64];
	const char *chair;
	char *chair_own;	/* the account's person, when chair */
	char *commune;		/* the setting, else from the plan's title */
	char *heading;		/* report_plan_heading */
	struct plan_score sc;
	score backed;
	char *lost;		/* "3.11.1 (1,00), 1.5.1 (1,00)", or "" */
	char *gain;		/* still to win, "1.5.4 (+1,50), …", or NULL */
	size_t bucket[B_COUNT];
	size_t doing, blocked;	/* of B_OPEN_ON_TIME, as listed */
	struct item *items;
	size_t n, cap;
	const char **roles;	/* with at least one task, in column order */
	size_t nroles;
};

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

struct sources {
	struct task *t;
	size_t nt;
	struct change *h;
	size_t nh;
	struct net_change *net;
	size_t nnet;
	struct tick *k;
	size_t nk;
	struct fact *f;
	struct scoreview sv;	/* the three numbers, what proves each
				 * criterion */
	const struct crit_facts *cf;
	size_t ncf;
};

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

/* The run of items of role r and section k, from *pos on. */
static size_t
model_run(const struct model *m, size_t r, int k, size_t *pos)
{
	size_t start = *pos;

	while (*pos < m->n && m->items[*pos].rank == r &&
	    (int)m->items[*pos].sec == k)
		(*pos)++;
	return *pos - start;
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

/* --- writing ---------------------------------------------------------------- */

static const char *
role_name(const struct config *c, const char *id)
{
	const struct role *r = config_role(c, id);

	return r != NULL && r->name != NULL ? r->name : id;
}

/* The header fields, label and value. */
#define HEAD_FIELDS 5
static void
head_fields(const struct model *m, const char **label, const char **value)
{
	label[0] = _("Plan");
	value[0] = m->heading;
	label[1] = _("Commune");
	value[1] = m->commune != NULL ? m->commune : "-";
	label[2] = _("As of");
	value[2] = m->day;
	label[3] = _("Chair");
	value[3] = m->chair;
	label[4] = _("Changes since");
	value[4] = m->since;
}

static void
score_text(const struct model *m, char a[32], char now[32], char pr[32],
    char bk[32])
{
	char dec = i18n_decimal();

	text_format_score(m->sc.appraised, dec, a, 32);
	text_format_score(m->sc.now, dec, now, 32);
	text_format_score(m->sc.reachable, dec, pr, 32);
	text_format_score(m->backed, dec, bk, 32);
}

/* Done / total of a role, for its bar. */
static void
role_counts(const struct sources *x, const char *role, size_t *done,
    size_t *total)
{
	size_t i;

	*done = *total = 0;
	for (i = 0; i < x->nt; i++)
		if (strcmp(x->t[i].role, role) == 0) {
			(*total)++;
			*done += x->t[i].status == STATUS_DONE;
		}
}

/* The tracker's buckets: a table in markdown, fields elsewhere. */
static void
write_buckets(struct doc *d, const struct model *m)
{
	struct doc_col col[2] = {
		{ _("Bucket"), DOC_LEFT, 0, 0 }, { _("Tasks"), DOC_FIGURE, 0, 0 },
	};
	const char *cell[2];
	char num[96];
	size_t k;

	if (d->fmt == FORMAT_MARKDOWN)
		doc_table_begin(d, col, 2);
	else
		doc_fields_begin(d, 1, true);
	for (k = 0; k < B_COUNT; k++) {
		/* Which of them the lists below show. */
		if (k == B_OPEN_ON_TIME && m->doing + m->blocked > 0)
			snprintf(num, sizeof num, _("%zu (%zu in progress, "
			    "%zu blocked)"), m->bucket[k], m->doing,
			    m->blocked);
		else
			snprintf(num, sizeof num, "%zu", m->bucket[k]);
		cell[0] = _(bucket_title[k]);
		cell[1] = num;
		if (d->fmt == FORMAT_MARKDOWN)
			doc_row(d, cell);
		else
			doc_field(d, cell[0], num);
	}
	if (d->fmt == FORMAT_MARKDOWN)
		doc_table_end(d);
	else
		doc_fields_end(d);
}

/* The score: the gauge and fields (the page's table has always been
 * written without line breaks at its ends, so html keeps its own). */
static void
write_score(struct doc *d, const struct model *m)
{
	char a[32], now[32], pr[32], bk[32], *backed, *nowb, *lost = NULL;
	const char *label[5], *value[5];
	size_t n = 0, i;

	score_text(m, a, now, pr, bk);
	doc_heading(d, 2, _("Score"));
	doc_gauge(d, m->sc.now, 0, 100000, now);
	backed = xasprintf(_("%s backed by evidence"), bk);
	nowb = xasprintf("%s (%s)", now, backed);
	if (m->lost != NULL && *m->lost != '\0')
		lost = xasprintf(_("%s — an explanation is needed"), m->lost);
	label[n] = _("Appraised");
	value[n++] = a;
	label[n] = _("Now");
	value[n++] = nowb;
	label[n] = _("Reachable this year (appraised criteria)");
	value[n++] = pr;
	if (lost != NULL) {
		label[n] = _("Cannot be won back this year");
		value[n++] = lost;
	}
	if (m->gain != NULL) {
		label[n] = _("Still to win, the most first");
		value[n++] = m->gain;
	}
	if (d->fmt == FORMAT_HTML) {
		buf_adds(&d->b, "<table>");
		for (i = 0; i < n; i++) {
			buf_addf(&d->b, "%s<tr><th>%s</th><td%s>", i > 0 ?
			    "\n" : "", label[i], i < 3 ? " class=\"n\"" : "");
			out_html(&d->b, value[i]);
			buf_adds(&d->b, "</td></tr>");
		}
		buf_adds(&d->b, "</table>\n");
	} else {
		doc_fields_begin(d, 1, true);
		for (i = 0; i < n; i++)
			doc_field(d, label[i], value[i]);
		doc_fields_end(d);
	}
	free(lost);
	free(nowb);
	free(backed);
}

/* The minutes in text, markdown or html, through doc.h. */
static void
write_doc(struct doc *d, const struct model *m, const struct sources *x)
{
	const char *label[HEAD_FIELDS], *value[HEAD_FIELDS];
	size_t r, k, i, first, done, total, pos = 0;
	bool left = false;

	head_fields(m, label, value);
	doc_heading(d, 1, _("Minutes of the weekly administrative reform "
	    "meeting"));
	doc_fields_begin(d, 0, false);
	for (k = 0; k < HEAD_FIELDS; k++)
		doc_field(d, label[k], value[k]);
	doc_fields_end(d);
	write_score(d, m);
	doc_heading(d, 2, _("Tasks by tracker bucket"));
	write_buckets(d, m);
	if (d->fmt == FORMAT_HTML) {
		doc_heading(d, 2, _("Progress by role"));
		for (r = 0; r < m->nroles; r++) {
			role_counts(x, m->roles[r], &done, &total);
			doc_bar(d, m->roles[r], done, total);
		}
	}
	/* No heading over nothing; the end says so once. */
	for (r = 0; r < m->nroles; r++) {
		if (pos == m->n || m->items[pos].rank != r) {
			left = true;
			continue;
		}
		doc_heading_begin(d, 2);
		doc_text(d, m->roles[r]);
		doc_plain(d, " — ");
		doc_text(d, role_name(m->c, m->roles[r]));
		doc_heading_end(d);
		for (k = 0; k < SEC_COUNT; k++) {
			first = pos;
			if (model_run(m, r, (int)k, &pos) == 0) {
				left = true;
				continue;
			}
			doc_heading(d, 3, _(section_title[k]));
			doc_list_begin(d, 2, false);
			for (i = first; i < pos; i++) {
				doc_item_begin(d);
				doc_text(d, m->items[i].name);
				doc_plain(d, ": ");
				doc_text(d, m->items[i].detail);
				doc_item_end(d);
			}
			doc_list_end(d);
		}
	}
	if (left) {
		if (d->fmt != FORMAT_HTML)
			buf_addc(&d->b, '\n');
		doc_meta(d, _("Nothing else to report: a role or a section "
		    "without tasks is left out."));
	}
}

/* One row of the spreadsheet: section, role, task, detail. */
static void
csv_row(struct doc *d, const char *a, const char *b, const char *c,
    const char *e)
{
	const char *cell[4];

	cell[0] = a;
	cell[1] = b;
	cell[2] = c;
	cell[3] = e;
	doc_row(d, cell);
}

static void
write_csv(struct doc *d, const struct model *m)
{
	const char *label[HEAD_FIELDS], *value[HEAD_FIELDS];
	char a[32], now[32], pr[32], bk[32], num[24];
	struct doc_col col[4] = {
		{ _("Section"), DOC_LEFT, 0, 0 }, { _("Role"), DOC_LEFT, 0, 0 },
		{ _("Task"), DOC_LEFT, 0, 0 }, { _("Detail"), DOC_LEFT, 0, 0 },
	};
	size_t k, i;

	head_fields(m, label, value);
	score_text(m, a, now, pr, bk);
	doc_table_begin(d, col, 4);
	for (k = 0; k < HEAD_FIELDS; k++)
		csv_row(d, label[k], "", "", value[k]);
	csv_row(d, _("Appraised"), "", "", a);
	csv_row(d, _("Now"), "", "", now);
	csv_row(d, _("Evidence-backed"), "", "", bk);
	csv_row(d, _("Reachable this year (appraised criteria)"), "", "", pr);
	csv_row(d, _("Cannot be won back this year"), "", "", m->lost);
	csv_row(d, _("Still to win, the most first"), "", "",
	    m->gain != NULL ? m->gain : "");
	for (k = 0; k < B_COUNT; k++) {
		snprintf(num, sizeof num, "%zu", m->bucket[k]);
		csv_row(d, _(bucket_title[k]), "", "", num);
	}
	for (i = 0; i < m->n; i++)
		csv_row(d, _(section_title[m->items[i].sec]),
		    m->items[i].role, m->items[i].name, m->items[i].detail);
	doc_table_end(d);
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
	if (sources_load(s, p, &w, &x, err) != 0)
		goto out;
	model_build(&m, &x);
	model_sort(&m);
	doc_begin(&d, o->fmt, out, _("Minutes of the weekly administrative "
	    "reform meeting"));
	if (o->fmt == FORMAT_CSV)
		write_csv(&d, &m);
	else
		write_doc(&d, &m, &x);
	doc_end(&d);
	rc = 0;
	if (o->record && o->since == NULL)
		rc = store_meeting_record(s, p->id, m.chair, NULL, err);
out:
	model_free(&m);
	sources_free(&x);
	meeting_window_clear(&w);
	return rc;
}
