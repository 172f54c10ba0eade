/* SPDX-License-Identifier: ISC */
/* store_change.c: the changes a user makes to a task (status, due date,
 * role, title, notes, tasks added by hand, the board's field writes and
 * undo).  Every write is one transaction, or a savepoint of the
 * caller's, and writes a history row with its user. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "date.h"
#include "i18n.h"
#include "store.h"
#include "store_impl.h"
#include "util.h"

static bool
str_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Current values of a task inside a write transaction. */
struct current {
	long version;
	char *status, *due, *due_source, *title, *role, *role_source;
};

static void
current_clear(struct current *c)
{
	free(c->status);
	free(c->due);
	free(c->due_source);
	free(c->title);
	free(c->role);
	free(c->role_source);
}

static bool
read_current_row(sqlite3_stmt *st, void *elem, void *arg)
{
	struct current *c = elem;

	(void)arg;
	c->version = (long)sqlite3_column_int64(st, 0);
	c->status = col_str(st, 1);
	c->due = col_str(st, 2);
	c->due_source = col_str(st, 3);
	c->title = col_str(st, 4);
	c->role = col_str(st, 5);
	c->role_source = col_str(st, 6);
	return true;
}

/* 0 found, 1 not found (with *err), -1 error. */
static int
read_current(struct store *s, long task_id, struct current *c, char **err)
{
	sqlite3_stmt *st = store_sq(s, SQ_TASK_CURRENT, err);
	int rc;

	memset(c, 0, sizeof *c);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	rc = store_row(s, st, read_current_row, c, NULL, err);
	if (rc == 1)
		fail(err, _("task %ld not found"), task_id);
	return rc;
}

static int
bump(struct store *s, long task_id, char **err)
{
	sqlite3_stmt *st = store_sq(s, SQ_BUMP, err);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	return store_run(s, st, err);
}

/* Write one field; sets the values and the history row's old value. */
static int
set_field(struct store *s, long task_id, const char *kind, const char *v,
    const char *source, char **err)
{
	sqlite3_stmt *st;
	enum sq which = SQ_SET_TITLE;

	if (strcmp(kind, "status") == 0)
		which = SQ_SET_STATUS;
	else if (strcmp(kind, "due") == 0)
		which = SQ_SET_DUE;
	else if (strcmp(kind, "role") == 0)
		which = SQ_SET_ROLE;
	if ((st = store_sq(s, which, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	bind_text(st, 2, v);
	if (which == SQ_SET_DUE || which == SQ_SET_ROLE)
		bind_text(st, 3, source);	/* due_source, role_source */
	return store_run(s, st, err);
}

static bool
blank(const char *s)
{
	while (s != NULL && isspace((unsigned char)*s))
		s++;
	return s == NULL || *s == '\0';
}

/* The version check of every write: STORE_CONFLICT (and the transaction
 * rolled back) when the task changed since the caller read it. */
static int
check_version(long task_id, long expected,
    const struct current *c, char **err)
{
	if (expected < 0 || c->version == expected)
		return 0;
	fail(err, _("task %ld was changed by someone else"), task_id);
	return STORE_CONFLICT;
}

static int
task_set(struct store *s, long task_id, long expected_version,
    const char *kind, const char *value, const char *note,
    const char *user, char **err)
{
	struct current c;
	enum status stv;
	char iso[11];
	const char *v, *old = NULL;
	bool changed;
	int rc;

	if (kind == NULL || value == NULL)
		return fail(err, "%s", _("nothing to change"));
	if (strcmp(kind, "status") == 0) {
		if (!status_parse(value, &stv))
			return fail(err, _("%s: not a status (todo, doing, "
			    "done, blocked)"), value);
		v = status_name(stv);
	} else if (strcmp(kind, "due") == 0) {
		if (!date_parse(value, iso))
			return fail(err, _("%s: not a date (dd/mm/yyyy or "
			    "YYYY-MM-DD)"), value);
		v = iso;
	} else if (strcmp(kind, "title") == 0) {
		if (blank(value))
			return fail(err, "%s", _("a task needs a title"));
		v = value;
	} else
		return fail(err, _("%s: cannot change this (status, due, "
		    "title)"), kind);
	if (user == NULL)
		user = current_user();

	if (store_begin(s, err) != 0)
		return -1;
	if ((rc = read_current(s, task_id, &c, err)) != 0)
		goto fail;
	if (check_version(task_id, expected_version, &c, err) != 0) {
		current_clear(&c);
		store_rollback(s);
		return STORE_CONFLICT;
	}
	if (strcmp(kind, "status") == 0)
		old = c.status;
	else if (strcmp(kind, "due") == 0)
		old = c.due;
	else
		old = c.title;
	/* Setting the same deadline by hand still pins it against
	 * re-import, so that is a change too. */
	changed = !str_eq(old, v) || (strcmp(kind, "due") == 0 &&
	    !str_eq(c.due_source, "task"));
	if (changed && (set_field(s, task_id, kind, v, "task", err) != 0 ||
	    store_add_history(s, task_id, user, kind, old, v,
	    strcmp(kind, "due") == 0 ? c.due_source : NULL, err) != 0))
		goto fail;
	if (!blank(note)) {
		if (store_add_history(s, task_id, user, "note", NULL, note, NULL,
		    err) != 0)
			goto fail;
		if (!changed && bump(s, task_id, err) != 0)
			goto fail;
	}
	current_clear(&c);
	return store_commit(s, err);
fail:
	current_clear(&c);
	store_rollback(s);
	return -1;
}

int
store_task_set(struct store *s, long task_id, long expected_version,
    const char *kind, const char *value, const char *note,
    const char *user, char **err)
{
	char *v = NULL, *n = NULL;
	int rc = -1;

	/* The value is parsed (a status, a date) or a title. */
	if (text_field(kind != NULL ? kind : "", value, false, &v, err) == 0 &&
	    text_field("--note", note, true, &n, err) == 0)
		rc = task_set(s, task_id, expected_version, kind, v, n, user,
		    err);
	free(v);
	free(n);
	return rc;
}

/* A role id as configured: one word of letters, digits, '-' and '_'. */
static bool
role_id_ok(const char *r)
{
	if (r == NULL || *r == '\0')
		return false;
	for (; *r != '\0'; r++)
		if (!isalnum((unsigned char)*r) && *r != '-' && *r != '_')
			return false;
	return true;
}

int
store_task_reassign(struct store *s, long task_id, long version,
    const char *role, const char *user, long *row, char **err)
{
	struct current c;
	bool changed;
	int rc;

	if (row != NULL)
		*row = -1;

	if (!role_id_ok(role))
		return fail(err, _("%s: not a role id"), role != NULL ? role :
		    "");
	if (user == NULL)
		user = current_user();
	if (store_begin(s, err) != 0)
		return -1;
	if ((rc = read_current(s, task_id, &c, err)) != 0)
		goto fail;
	if ((rc = check_version(task_id, version, &c, err)) != 0)
		goto fail;
	/* The same owner confirmed by hand pins it against re-import too,
	 * like a deadline. */
	changed = !str_eq(c.role, role) || !str_eq(c.role_source, "hand");
	if (changed && (set_field(s, task_id, "role", role, "hand", err) != 0 ||
	    store_add_history(s, task_id, user, "role", c.role, role,
	    c.role_source, err) != 0)) {
		rc = -1;
		goto fail;
	}
	if (changed && row != NULL)
		*row = (long)sqlite3_last_insert_rowid(s->db);
	current_clear(&c);
	return store_commit(s, err);
fail:
	current_clear(&c);
	store_rollback(s);
	return rc < 0 ? rc : -1;
}

static int
task_note(struct store *s, long task_id, const char *kind,
    const char *text, const char *user, char **err)
{
	if (kind == NULL || (strcmp(kind, "note") != 0 &&
	    strcmp(kind, "evidence") != 0))
		return fail(err, _("%s: not a note kind (note, evidence)"),
		    kind != NULL ? kind : "(null)");
	if (blank(text))
		return fail(err, "%s", strcmp(kind, "note") == 0 ?
		    _("empty note") : _("empty evidence"));
	if (store_begin(s, err) != 0)
		return -1;
	if (bump(s, task_id, err) != 0)
		goto fail;
	if (sqlite3_changes(s->db) == 0) {
		fail(err, _("task %ld not found"), task_id);
		goto fail;
	}
	if (store_add_history(s, task_id, user, kind, NULL, text, NULL, err) != 0)
		goto fail;
	/* A free-text evidence line is a document with only its summary. */
	if (strcmp(kind, "evidence") == 0 &&
	    store_evidence_summary(s, task_id, text, user, err) != 0)
		goto fail;
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

int
store_task_note(struct store *s, long task_id, const char *kind,
    const char *text, const char *user, char **err)
{
	char *t = NULL;
	int rc = -1;

	if (text_field("--note", text, true, &t, err) == 0)
		rc = task_note(s, task_id, kind, t, user, err);
	free(t);
	return rc;
}

static int
task_add(struct store *s, long plan_id, const char *role,
    const char *code, const char *title, const char *due,
    const char *user, long *task_id, char **err)
{
	sqlite3_stmt *st;
	char iso[11];
	long id;

	if (blank(role))
		return fail(err, "%s", _("a task needs a role"));
	if (blank(title))
		return fail(err, "%s", _("a task needs a title"));
	if (due != NULL && *due != '\0' && !date_parse(due, iso))
		return fail(err, _("%s: not a date (dd/mm/yyyy or "
		    "YYYY-MM-DD)"), due);
	if (store_begin(s, err) != 0)
		return -1;
	/* The key only has to be unique and never collide with derived
	 * keys ("A:", "D:"): "M:" and random hex, fixed to the id below. */
	st = store_prepare(s, "INSERT INTO task (plan_id, tkey, code, role, title,"
	    " origin, status, due, due_source, created_at, version)"
	    " VALUES (?1, 'M:' || lower(hex(randomblob(8))), ?2, ?3, ?4,"
	    " 'manual', 'todo', ?5, CASE WHEN ?5 IS NULL THEN NULL"
	    " ELSE 'task' END, " NOW ", 1)", err);
	if (st == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, blank(code) ? NULL : code);
	bind_text(st, 3, role);
	bind_text(st, 4, title);
	bind_text(st, 5, due != NULL && *due != '\0' ? iso : NULL);
	if (store_run(s, st, err) != 0)
		goto fail;
	id = (long)sqlite3_last_insert_rowid(s->db);
	if (store_add_history(s, id, user, "created", NULL, "manual", NULL,
	    err) != 0)
		goto fail;
	if (store_commit(s, err) != 0)
		return -1;
	if (task_id != NULL)
		*task_id = id;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

int
store_task_add(struct store *s, long plan_id, const char *role,
    const char *code, const char *title, const char *due,
    const char *user, long *task_id, char **err)
{
	char *t;
	int rc;

	if (text_field("title", title, false, &t, err) != 0)
		return -1;
	rc = task_add(s, plan_id, role, code, t, due, user, task_id, err);
	free(t);
	return rc;
}

/* A history row undo_row reverts. */
struct undone {
	long id, task_id;
	char *kind, *old, *new, *old_source;
};

static bool
read_undone(sqlite3_stmt *st, void *elem, void *arg)
{
	struct undone *u = elem;

	(void)arg;
	u->id = (long)sqlite3_column_int64(st, 0);
	u->task_id = (long)sqlite3_column_int64(st, 1);
	u->kind = col_str(st, 2);
	u->old = col_str(st, 3);
	u->new = col_str(st, 4);
	u->old_source = col_str(st, 5);
	return true;
}

/* History row `row`, when it is a status, due or role change of user in
 * the plan that is not undone yet, is reverted, if the task still holds
 * the value that change wrote: undoing over
 * someone else's later change would silently lose theirs.  What an import
 * changed is never undone. */
static int
undo_row(struct store *s, long plan_id, const char *user, long row,
    char **err)
{
	sqlite3_stmt *st;
	struct undone u = { 0 };
	struct current c = { 0 };
	const char *now;
	int rc;

	if (user == NULL)
		user = current_user();
	if (store_begin(s, err) != 0)
		return -1;
	st = store_prepare(s, "SELECT h.id, h.task_id, h.kind, h.old, h.new,"
	    " h.old_source"
	    " FROM history h JOIN task t ON t.id = h.task_id"
	    " WHERE t.plan_id = ?1 AND h.user = ?2"
	    " AND h.kind IN ('status', 'due', 'role') AND h.undone = 0"
	    " AND" BY_PERSON("h")
	    " AND h.id = ?3", err);
	if (st == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, user);
	sqlite3_bind_int64(st, 3, row);
	rc = store_row(s, st, read_undone, &u, NULL, err);
	if (rc < 0)
		goto fail;
	if (rc == 1) {
		store_rollback(s);
		return 1;
	}
	if (read_current(s, u.task_id, &c, err) != 0)
		goto fail;
	now = strcmp(u.kind, "status") == 0 ? c.status :
	    strcmp(u.kind, "role") == 0 ? c.role : c.due;
	if (!str_eq(now, u.new)) {
		fail(err, _("task %ld changed since; nothing undone"),
		    u.task_id);
		goto fail;
	}
	if (set_field(s, u.task_id, u.kind, u.old, u.old_source, err) != 0 ||
	    store_add_history(s, u.task_id, user, "undo", u.new, u.old, NULL,
	    err) != 0)
		goto fail;
	rc = store_run_id(s, "UPDATE history SET undone = 1 WHERE id = ?1",
	    u.id, err);
	if (rc != 0 || store_commit(s, err) != 0)
		goto fail;
	rc = 0;
	goto out;
fail:
	store_rollback(s);
	rc = -1;
out:
	current_clear(&c);
	free(u.kind);
	free(u.old);
	free(u.new);
	free(u.old_source);
	return rc;
}

int
store_task_set_field(struct store *s, long task_id, const char *shown,
    const char *kind, const char *value, const char *note,
    const char *user, long *row, char **err)
{
	struct current c;
	long last;

	*row = -1;
	if (kind == NULL || (strcmp(kind, "status") != 0 &&
	    strcmp(kind, "due") != 0))
		return fail(err, _("%s: cannot change this (status, due, "
		    "title)"), kind != NULL ? kind : "(null)");
	if (store_begin(s, err) != 0)
		return -1;
	if (read_current(s, task_id, &c, err) != 0)
		goto fail;
	if (!str_eq(strcmp(kind, "status") == 0 ? c.status : c.due, shown)) {
		fail(err, _("task %ld was changed by someone else"),
		    task_id);
		current_clear(&c);
		store_rollback(s);
		return STORE_CONFLICT;
	}
	current_clear(&c);
	last = store_long(s, "SELECT coalesce(max(id), 0) FROM history", 0,
	    NULL, err);
	if (last < 0 || store_task_set(s, task_id, -1, kind, value, note,
	    user, err) != 0)
		goto fail;
	/* The new value's row; none when the task already held it. */
	*row = store_long(s, "SELECT coalesce(max(id), -1) FROM history"
	    " WHERE task_id = ?1 AND kind = ?2", task_id, kind, err);
	if (*row <= last)
		*row = -1;
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

int
store_undo_row(struct store *s, long plan_id, long row, const char *user,
    char **err)
{
	if (row <= 0)
		return 1;
	return undo_row(s, plan_id, user, row, err);
}

/* --- corrected files ------------------------------------------------- */

int
store_task_rekey(struct store *s, long task_id, const char *key,
    const char *title, char **err)
{
	struct task t;
	sqlite3_stmt *st;
	int rc;

	if (store_task_get(s, task_id, &t, err) != 0)
		return -1;
	st = store_prepare(s, "UPDATE task SET tkey = ?2, title = ?3,"
	    " version = version + 1 WHERE id = ?1", err);
	rc = st == NULL ? -1 : 0;
	if (rc == 0) {
		sqlite3_bind_int64(st, 1, task_id);
		bind_text(st, 2, key);
		bind_text(st, 3, title);
		rc = store_run(s, st, err);
	}
	if (rc == 0 && strcmp(t.title, title) != 0)
		rc = store_add_history(s, task_id, NULL, "title", t.title,
		    title, "import", err);
	task_clear(&t);
	return rc;
}

/* --- the person of a task -------------------------------------------- */

struct person_now {
	long version;
	char *person, *source;
};

static bool
read_person_now(sqlite3_stmt *st, void *elem, void *arg)
{
	struct person_now *c = elem;

	c->version = (long)sqlite3_column_int64(st, 0);
	c->person = col_str(st, 1);
	c->source = col_str(st, 2);
	(void)arg;
	return true;
}

/* Write the person and the history row; *row its id. */
static int
person_write(struct store *s, long task_id, const struct person_now *c,
    const char *person, const char *user, long *row, char **err)
{
	sqlite3_stmt *st = store_prepare(s, "UPDATE task SET person = ?2,"
	    " person_source = 'hand', version = version + 1 WHERE id = ?1",
	    err);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	bind_text(st, 2, person);
	if (store_run(s, st, err) != 0 || store_add_history(s, task_id,
	    user, "person", c->person, person, c->source, err) != 0)
		return -1;
	if (row != NULL)
		*row = (long)sqlite3_last_insert_rowid(s->db);
	return 0;
}

int
store_task_person(struct store *s, long task_id, long version,
    const char *person, const char *user, long *row, char **err)
{
	struct person_now c = { 0 };
	sqlite3_stmt *st;
	int rc;

	if (row != NULL)
		*row = -1;
	if (store_begin(s, err) != 0)
		return -1;
	if ((st = store_prepare(s, "SELECT version, person, person_source"
	    " FROM task WHERE id = ?1", err)) == NULL) {
		store_rollback(s);
		return -1;
	}
	sqlite3_bind_int64(st, 1, task_id);
	rc = store_row(s, st, read_person_now, &c, NULL, err);
	if (rc == 1)
		rc = fail(err, _("task %ld not found"), task_id);
	else if (rc == 0 && version >= 0 && c.version != version) {
		fail(err, _("task %ld was changed by someone else"), task_id);
		rc = STORE_CONFLICT;
	}
	/* The same person confirmed by hand pins it against re-import,
	 * like an owner. */
	if (rc == 0 && (!str_eq(c.person, person) ||
	    !str_eq(c.source, "hand")))
		rc = person_write(s, task_id, &c, person, user != NULL ? user :
		    current_user(), row, err);
	free(c.person);
	free(c.source);
	if (rc != 0) {
		store_rollback(s);
		return rc;
	}
	return store_commit(s, err);
}

/* --- a task's schedule ------------------------------------------------ */

int
store_task_schedule(struct store *s, long task_id, const struct schedule *sc,
    const char *user, long *row, char **err)
{
	struct current c;
	sqlite3_stmt *st;
	int rc;

	*row = -1;
	if (store_begin(s, err) != 0)
		return -1;
	if ((rc = read_current(s, task_id, &c, err)) == 0 && sc->guard &&
	    !str_eq(c.due, sc->shown)) {
		fail(err, _("task %ld was changed by someone else"), task_id);
		current_clear(&c);
		store_rollback(s);
		return STORE_CONFLICT;
	}
	st = rc != 0 ? NULL : store_prepare(s, "UPDATE task SET due = ?2,"
	    " due_source = 'task',"
	    " target = CASE WHEN ?5 THEN ?3 ELSE target END,"
	    " every = CASE WHEN ?5 THEN ?4 ELSE every END,"
	    " version = version + 1 WHERE id = ?1", err);
	if (st != NULL) {
		sqlite3_bind_int64(st, 1, task_id);
		bind_text(st, 2, sc->due);
		bind_text(st, 3, sc->target);
		bind_text(st, 4, sc->every);
		sqlite3_bind_int(st, 5, sc->target != NULL ||
		    sc->every != NULL);
		rc = store_run(s, st, err);	/* finalizes st */
	} else
		rc = -1;
	if (rc == 0)
		rc = store_add_history(s, task_id, user != NULL ? user :
		    current_user(), "due", c.due, sc->due, c.due_source, err);
	if (rc == 0)
		*row = (long)sqlite3_last_insert_rowid(s->db);
	current_clear(&c);
	return store_end(s, rc, err);
}

int
store_task_creator(struct store *s, long task_id, char **user, char **err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT user FROM history"
	    " WHERE task_id = ?1 AND kind = 'created' ORDER BY id LIMIT 1",
	    err);
	int rc;

	*user = NULL;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	rc = store_step(s, st, err);
	if (rc == SQLITE_ROW)
		*user = col_str(st, 0);
	sqlite3_finalize(st);
	return rc < 0 ? -1 : 0;
}
