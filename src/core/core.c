/* SPDX-License-Identifier: ISC */
/* core.c: the use cases of core.h, each one check of the rules and one
 * write to the store (one transaction). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "date.h"
#include "i18n.h"
#include "targets.h"
#include "text.h"
#include "util.h"

/* core_may, and for PERM_TICK the task's target in *tg. */
static int
may_target(struct store *s, const struct perm *p, long task_id,
    enum perm_action a, struct target *tg, char **err)
{
	struct task t;
	int rc;

	if (a != PERM_TICK && (p == NULL || p->open || p->admin))
		return CORE_OK;
	if ((rc = store_task_get(s, task_id, &t, err)) != 0)
		return rc < 0 ? CORE_ERROR :
		    fail(err, _("no task #%ld"), task_id);
	rc = perm_check(p, a, t.role, t.support, err) != 0 ? CORE_REFUSED :
	    CORE_OK;
	if (rc == CORE_OK && a == PERM_TICK &&
	    (!target_parse(t.target, t.every, tg) || tg->count == 0))
		rc = CORE_NO_TARGET;
	task_clear(&t);
	return rc;
}

/* A task the user added by hand (its "created" row is theirs). */
static bool
own_manual(struct store *s, long task_id)
{
	struct task t;
	char *who = NULL, *e = NULL;
	bool own;

	if (store_task_get(s, task_id, &t, &e) != 0) {
		free(e);
		return false;
	}
	own = t.origin == ORIGIN_MANUAL &&
	    store_task_creator(s, task_id, &who, &e) == 0 && who != NULL &&
	    strcmp(who, current_user()) == 0;
	free(who);
	free(e);
	task_clear(&t);
	return own;
}

int
core_may(struct store *s, const struct perm *p, long task_id,
    enum perm_action a, char **err)
{
	struct target tg;
	int rc = may_target(s, p, task_id, a, &tg, err);

	/* Whoever added a task by hand may change its date. */
	if (rc == CORE_REFUSED && a == PERM_DUE && own_manual(s, task_id)) {
		free(*err);
		*err = NULL;
		rc = CORE_OK;
	}
	return rc;
}

int
core_may_add(const struct perm *p, const char *role, char **err)
{
	return perm_check(p, PERM_ADD, role, NULL, err) != 0 ? CORE_REFUSED :
	    CORE_OK;
}

/* A status or due date: the store's guarded write for the board, the
 * plain one for the command line. */
static int
set_field(struct store *s, long task_id, const char *kind,
    const char *value, const struct core_opts *o, struct core_result *r,
    char **err)
{
	static const struct core_opts none;
	long row = -1;
	int rc;

	if (o == NULL)
		o = &none;
	if (o->guard)
		rc = store_task_set_field(s, task_id, o->shown, kind, value,
		    o->note, current_user(), &row, err);
	else
		rc = store_task_set(s, task_id, -1, kind, value, o->note,
		    current_user(), err);
	if (r != NULL)
		r->row = row;
	return rc;
}

static void
missing_free(struct core_missing *m)
{
	if (m == NULL)
		return;
	free(m->code);
	checklist_clear(&m->list);
	proof_clear(&m->proof);
	free(m);
}

void
core_result_clear(struct core_result *r)
{
	if (r != NULL) {
		missing_free(r->missing);
		r->missing = NULL;
	}
}

/* The criterion code of plan_id proved, else its facts in *m. */
static int
crit_proved(struct store *s, long plan_id, const char *code,
    struct core_missing *m, char **err)
{
	struct crit_facts *f;
	size_t n;

	if (store_proof_facts(s, plan_id, code, &f, &n, err) != 0)
		return CORE_ERROR;
	if (n == 1) {
		proof_compute(&f->list, f->docs, f->ndocs,
		    (const char *const *)f->days, f->ndays, &m->proof);
		if (!m->proof.proved) {
			m->code = f->code;
			f->code = NULL;
			m->list = f->list;
			memset(&f->list, 0, sizeof f->list);
		} else
			proof_clear(&m->proof);
	}
	crit_facts_free(f, n);
	return CORE_OK;
}

/* The task's own counted target met in the period that holds today. */
static int
own_target(struct store *s, long plan_id, const struct task *t,
    struct core_missing *m, char **err)
{
	struct tick *v;
	char from[11], to[11];
	size_t n, i;

	if (!target_parse(t->target, t->every, &m->own) ||
	    m->own.count == 0) {
		m->own.count = 0;
		return CORE_OK;
	}
	if (store_ticks(s, plan_id, t->id, &v, &n, err) != 0)
		return CORE_ERROR;
	target_untick_period(&m->own, today(), from, to);
	for (i = 0; i < n; i++)
		if (strcmp(v[i].day, from) >= 0 && strcmp(v[i].day, to) <= 0)
			m->own_done++;
	ticks_free(v, n);
	if (m->own_done >= m->own.count)
		m->own.count = 0;
	return CORE_OK;
}

/* Done only when proved (proof.h) and the task's own target met. */
static int
need_proof(struct store *s, long task_id, struct core_result *r,
    char **err)
{
	struct core_missing *m = xcalloc(1, sizeof *m);
	struct task t;
	long plan_id;
	int rc;

	if (store_task_get(s, task_id, &t, err) != 0) {
		free(m);
		return CORE_ERROR;
	}
	plan_id = store_task_plan(s, task_id, err);
	rc = plan_id < 0 ? CORE_ERROR : t.code == NULL ? CORE_OK :
	    crit_proved(s, plan_id, t.code, m, err);
	if (rc == CORE_OK)
		rc = own_target(s, plan_id, &t, m, err);
	task_clear(&t);
	if (rc == CORE_OK && (m->code != NULL || m->own.count > 0)) {
		rc = CORE_UNPROVED;
		if (r != NULL) {
			r->missing = m;
			m = NULL;
		}
	}
	missing_free(m);
	return rc;
}

/* Set done with a giải trình: the status row keeps it. */
static int
set_explained(struct store *s, long task_id, const struct core_opts *o,
    struct core_result *r, char **err)
{
	char *x = NULL;
	long since;
	int rc = -1;

	if (text_field("--explain", o->explain, false, &x, err) != 0 ||
	    store_begin(s, err) != 0) {
		free(x);
		return CORE_ERROR;
	}
	since = store_task_status_row(s, task_id, err);
	if (since >= 0 &&
	    (rc = set_field(s, task_id, "status", "done", o, r, err)) == 0)
		rc = store_task_set_explain(s, task_id, since, x, err);
	free(x);
	if (rc != 0) {
		store_rollback(s);
		return rc;
	}
	return store_commit(s, err) != 0 ? CORE_ERROR : CORE_OK;
}

int
core_set_status(struct store *s, const struct perm *p, long task_id,
    enum status st, const struct core_opts *o, struct core_result *r,
    char **err)
{
	bool explained = o != NULL && o->explain != NULL &&
	    o->explain[strspn(o->explain, " \t\r\n")] != '\0';
	int rc = CORE_OK;

	if (st == STATUS_DONE && !explained)
		rc = need_proof(s, task_id, r, err);
	if (rc == CORE_OK)
		rc = core_may(s, p, task_id, PERM_STATUS, err);
	if (rc == CORE_OK && st == STATUS_DONE && explained)
		return set_explained(s, task_id, o, r, err);
	if (rc == CORE_OK)
		rc = set_field(s, task_id, "status", status_name(st), o, r,
		    err);
	return rc;
}

int
core_set_due(struct store *s, const struct perm *p, long task_id,
    const char *day, const struct core_opts *o, struct core_result *r,
    char **err)
{
	int rc = core_may(s, p, task_id, PERM_DUE, err);

	return rc != CORE_OK ? rc :
	    set_field(s, task_id, "due", day, o, r, err);
}

int
core_schedule_parse(const char *when, const char *every, const char *target,
    char day[11], struct schedule *out, char **err)
{
	struct target tg;
	char *f;
	bool ongoing;

	memset(out, 0, sizeof *out);
	if (when == NULL || *when == '\0')
		return fail(err, "%s", _("a due date or \"ongoing\" is needed"));
	f = text_fold(when);
	ongoing = strcmp(f, "ongoing") == 0 || strcmp(f, "thuong xuyen") == 0;
	free(f);
	if (!ongoing && !date_parse(when, day))
		return fail(err, _("%s: not a date (dd/mm/yyyy or YYYY-MM-DD) "
		    "nor \"ongoing\""), when);
	out->due = ongoing ? NULL : day;
	if ((every == NULL) != (target == NULL))
		return fail(err, "%s", _("--every and --target go together"));
	if (every != NULL && (!target_parse(target, every, &tg) ||
	    tg.count == 0 || tg.every == PERIOD_ONCE))
		return fail(err, _("%s every %s: not a target (a count such "
		    "as \"3\" or \"3 bài\", every month, quarter or year)"),
		    target, every);
	out->target = target;
	out->every = every;
	return CORE_OK;
}

int
core_schedule(struct store *s, const struct perm *p, long task_id,
    const struct schedule *sc, const struct core_opts *o,
    struct core_result *r, char **err)
{
	struct schedule w = *sc;
	long row = -1;
	int rc = core_may(s, p, task_id, PERM_DUE, err);

	if (rc != CORE_OK)
		return rc;
	if (o != NULL && o->guard) {
		w.guard = true;
		w.shown = o->shown;
	}
	rc = store_task_schedule(s, task_id, &w, current_user(), &row, err);
	if (r != NULL)
		r->row = row;
	return rc;
}

int
core_note(struct store *s, const struct perm *p, long task_id,
    const char *kind, const char *text, char **err)
{
	int rc = core_may(s, p, task_id, strcmp(kind, "evidence") == 0 ?
	    PERM_EVIDENCE : PERM_NOTE, err);

	return rc != CORE_OK ? rc :
	    store_task_note(s, task_id, kind, text, current_user(), err);
}

int
core_move(struct store *s, const struct perm *p, long task_id,
    long version, const char *role, struct core_result *r, char **err)
{
	int rc = core_may(s, p, task_id, PERM_REASSIGN, err);

	return rc != CORE_OK ? rc : store_task_reassign(s, task_id, version,
	    role, current_user(), r != NULL ? &r->row : NULL, err);
}

void
core_new_task_due(const struct config *c, const char *role,
    const char *plan_due, char out[11])
{
	enum due_source from;
	const char *due = config_due(c, role, NULL, &from);

	/* The letter's deadline before the settings' default. */
	if (from == DUE_DEFAULT && plan_due != NULL)
		due = plan_due;

	if (due != NULL && strcmp(due, today()) >= 0)
		snprintf(out, 11, "%s", due);
	else
		date_add(today(), c->new_task_days, out);
}

int
core_set_person(struct store *s, const struct perm *p,
    const struct config *c, long task_id, long version, const char *name,
    struct core_result *r, char **err)
{
	const struct member *m = NULL;
	struct task t;
	int rc;

	if ((rc = store_task_get(s, task_id, &t, err)) != 0)
		return rc < 0 ? CORE_ERROR :
		    fail(err, _("no task #%ld"), task_id);
	if (perm_check(p, PERM_PERSON, t.role, t.support, err) != 0)
		rc = CORE_REFUSED;
	else if (name != NULL && ((m = config_person(c, name)) == NULL ||
	    !config_member_has_role(m, t.role)))
		rc = fail(err, _("\"%s\" is not one of the people of role %s "
		    "(people in the configuration)"), name, t.role);
	task_clear(&t);
	if (rc != 0)
		return rc;
	return store_task_person(s, task_id, version, m != NULL ? m->name :
	    NULL, current_user(), r != NULL ? &r->row : NULL, err);
}

int
core_task_add(struct store *s, const struct perm *p,
    const struct config *c, long plan_id, const char *role,
    const char *title, const struct schedule *sc, struct core_result *r,
    char **err)
{
	const char *due;
	long id = -1;
	int rc;

	if (core_may_add(p, role, err) != CORE_OK)
		return CORE_REFUSED;
	due = sc != NULL ? sc->due : config_due(c, role, NULL, NULL);
	rc = store_task_add(s, plan_id, role, NULL, title, due,
	    current_user(), &id, err);
	if (r != NULL)
		r->id = id;
	return rc;
}

int
core_tick(struct store *s, const struct perm *p, long task_id,
    const char *day, const char *note, char **err)
{
	int rc = core_may(s, p, task_id, PERM_TICK, err);

	return rc != CORE_OK ? rc :
	    store_tick_add(s, task_id, day, note, current_user(), err);
}

int
core_untick(struct store *s, const struct perm *p, long task_id,
    struct core_result *r, char **err)
{
	struct target tg;
	char from[11], to[11], day[11];
	int rc = may_target(s, p, task_id, PERM_TICK, &tg, err);

	if (rc != CORE_OK)
		return rc;
	target_untick_period(&tg, today(), from, to);
	rc = store_tick_remove(s, task_id, from, to, current_user(), day,
	    err);
	if (rc == 0 && r != NULL)
		memcpy(r->day, day, sizeof r->day);
	return rc < 0 ? CORE_ERROR : rc > 0 ? CORE_NONE : CORE_OK;
}

bool
core_doc_parse(const char *spec, struct core_doc *d)
{
	const char *at;
	char *end;

	memset(d, 0, sizeof *d);
	if (spec[0] == '#') {
		d->id = strtol(spec + 1, &end, 10);
		return spec[1] >= '0' && spec[1] <= '9' && *end == '\0' &&
		    d->id > 0;
	}
	if ((at = strrchr(spec, '@')) != NULL &&
	    !date_parse(at + 1, d->day))
		return false;
	d->number = xstrndup(spec, at != NULL ? (size_t)(at - spec) :
	    strlen(spec));
	return d->number[0] != '\0';
}

void
core_doc_clear(struct core_doc *d)
{
	free(d->number);
	d->number = NULL;
}

int
core_evidence_find(struct store *s, long plan_id,
    const struct core_doc *d, long *doc, long **ids, size_t *n,
    char **err)
{
	long *v;
	size_t m;
	int rc;

	*ids = NULL;
	*n = 0;
	*doc = 0;
	if (d->id > 0) {
		if ((rc = store_evidence_exists(s, plan_id, d->id, err)) < 0)
			return CORE_ERROR;
		*doc = rc > 0 ? d->id : 0;
		return rc > 0 ? CORE_OK : CORE_NONE;
	}
	if (store_evidence_find(s, plan_id, d->number, d->day[0] ? d->day :
	    NULL, &v, &m, err) != 0)
		return CORE_ERROR;
	if (m == 1)
		*doc = v[0];
	if (m <= 1) {
		free(v);
		return m == 1 ? CORE_OK : CORE_NONE;
	}
	*ids = v;
	*n = m;
	return CORE_AMBIGUOUS;
}

/* PERM_EVIDENCE on each of tasks[0..n). */
static int
may_each(struct store *s, const struct perm *p, const long *tasks,
    size_t n, char **err)
{
	size_t i;
	int rc = CORE_OK;

	for (i = 0; rc == CORE_OK && i < n; i++)
		rc = core_may(s, p, tasks[i], PERM_EVIDENCE, err);
	return rc;
}

int
core_evidence_add(struct store *s, const struct perm *p,
    const long *tasks, size_t n, const struct evidence *e,
    struct core_result *r, char **err)
{
	struct evidence k = *e;
	long id = 0;
	int rc = may_each(s, p, tasks, n, err);

	if (rc != CORE_OK)
		return rc;
	if (k.kind == DOC_NONE)
		k.kind = dockind_of_number(k.number);
	rc = store_evidence_add(s, tasks, n, &k, current_user(), &id, err);
	if (r != NULL)
		r->id = id;
	return rc == STORE_DUPLICATE ? CORE_DUPLICATE :
	    rc != 0 ? CORE_ERROR : CORE_OK;
}

int
core_evidence_link(struct store *s, const struct perm *p,
    long plan_id, long doc, const long *tasks, size_t n, long item,
    struct core_result *r, char **err)
{
	size_t i;
	int rc = may_each(s, p, tasks, n, err);

	if (rc != CORE_OK || store_begin(s, err) != 0)
		return rc != CORE_OK ? rc : CORE_ERROR;
	for (i = 0; rc == CORE_OK && i < n; i++)
		rc = store_evidence_link(s, plan_id, doc, tasks[i], item,
		    current_user(), err);
	if (rc != 0) {
		store_rollback(s);
		if (rc == 1 && r != NULL)
			r->id = tasks[i - 1];
		return rc == 1 ? CORE_NONE : CORE_ERROR;
	}
	return store_commit(s, err) != 0 ? CORE_ERROR : CORE_OK;
}

int
core_evidence_unlink(struct store *s, const struct perm *p,
    long plan_id, long doc, long task_id, char **err)
{
	int rc = core_may(s, p, task_id, PERM_EVIDENCE, err);

	if (rc != CORE_OK)
		return rc;
	rc = store_evidence_unlink(s, plan_id, doc, task_id, current_user(),
	    err);
	return rc < 0 ? CORE_ERROR : rc > 0 ? CORE_NONE : CORE_OK;
}

int
core_evidence_remove(struct store *s, const struct perm *p,
    long plan_id, long doc, char **err)
{
	long *tasks;
	size_t n;
	int rc;

	if (store_evidence_tasks(s, plan_id, doc, &tasks, &n, err) != 0)
		return CORE_ERROR;
	rc = may_each(s, p, tasks, n, err);
	free(tasks);
	if (rc != CORE_OK)
		return rc;
	rc = store_evidence_remove(s, plan_id, doc, current_user(), err);
	return rc < 0 ? CORE_ERROR : rc > 0 ? CORE_NONE : CORE_OK;
}

int
core_criterion_set(struct store *s, const struct perm *p, long plan_id,
    const char *code, const char *const *require, size_t nrequire,
    long count, const char *unit, char **err)
{
	struct checklist old, c = { 0 };
	long task = 0;
	size_t i;
	int rc;

	if ((rc = store_checklist_get(s, plan_id, code, NULL, &task, &old,
	    err)) != 0)
		return rc < 0 ? CORE_ERROR : CORE_NONE;
	if (task == 0)
		rc = fail(err, _("criterion %s has no task of its own (it lost "
		    "no points): nothing to prove"), code);
	if (rc == 0)
		rc = core_may(s, p, task, PERM_STATUS, err);
	for (i = 0; i < nrequire; i++)
		checklist_add(&c, require[i]);
	c.count = count;
	c.unit = xstrdup(unit != NULL ? unit : old.unit != NULL ? old.unit :
	    "");
	memcpy(c.from, old.from, sizeof c.from);
	memcpy(c.to, old.to, sizeof c.to);
	if (rc == CORE_OK)
		rc = store_checklist_set(s, plan_id, code, task, &c,
		    nrequire > 0, count >= 0, current_user(), err);
	checklist_clear(&c);
	checklist_clear(&old);
	return rc;
}

int
core_undo(struct store *s, const struct perm *p, long plan_id, long row,
    char **err)
{
	int rc;

	(void)p;	/* the store undoes only current_user()'s rows */
	rc = store_undo_row(s, plan_id, row, current_user(), err);
	return rc < 0 ? CORE_ERROR : rc > 0 ? CORE_NONE : CORE_OK;
}
