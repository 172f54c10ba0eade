/* SPDX-License-Identifier: ISC */
/* store.c: the SQLite database — transactions, errors, the statement
 * cache and the helpers every statement goes through.  Opening and
 * closing are in store_open.c, the schema and its migrations in
 * store_schema.c, the wait for a busy database in store_lock.c, the
 * import writes in store_import.c, the reads in store_query.c, the
 * changes a user makes in store_change.c, the register in
 * store_register.c, backup and check in store_backup.c; what they share
 * is in store_impl.h.
 *
 * The only module that speaks SQL.  Every value reaches SQLite through a
 * bound parameter of a prepared statement; the few statements built with
 * snprintf carry only our own integers (PRAGMA user_version = N).
 *
 * Transactions nest: the outermost store_begin is BEGIN IMMEDIATE (the
 * write lock is taken up front, so two writers queue on the busy timeout
 * instead of failing half way), inner ones are savepoints.  Each writing
 * function wraps itself in store_begin/store_commit, so it is atomic on
 * its own and part of the caller's transaction when there is one. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "store.h"
#include "store_impl.h"
#include "util.h"

/* The person a derived task gets: the file's (?13), none when a person
 * moved the task to a role other than the file's owner (?4). */
#define SPEC_PERSON \
	"(CASE WHEN role_source = 'hand' AND role IS NOT ?4 THEN NULL" \
	" ELSE ?13 END)"

static const char *const sq_text[SQ_COUNT] = {
	[SQ_DATA_VERSION] = "PRAGMA data_version",
	[SQ_PLAN_UPSERT] =
	    "INSERT INTO plan (name, source, has_total, total_standard,"
	    " total_self, total_appraised, total_deduction, imported_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, " NOW ")"
	    " ON CONFLICT (name) DO UPDATE SET source = excluded.source,"
	    " has_total = excluded.has_total,"
	    " total_standard = excluded.total_standard,"
	    " total_self = excluded.total_self,"
	    " total_appraised = excluded.total_appraised,"
	    " total_deduction = excluded.total_deduction,"
	    " imported_at = excluded.imported_at"
	    " RETURNING id",
	/* A directives file names a plan but brings no criteria. */
	[SQ_PLAN_ENSURE] =
	    "INSERT INTO plan (name, source) VALUES (?1, ?2)"
	    " ON CONFLICT (name) DO UPDATE SET imported_at = " NOW
	    " RETURNING id",
	[SQ_CRIT_DELETE] = "DELETE FROM criterion WHERE plan_id = ?1",
	/* A code listed twice keeps its first row; derive reports it. */
	[SQ_CRIT_INSERT] =
	    "INSERT INTO criterion (plan_id, code, title, standard, self,"
	    " appraised, deduction, has, comment, assignee, line)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
	    " ON CONFLICT (plan_id, code) DO NOTHING",
	/* Changes a known task only when something differs, so
	 * sqlite3_changes() tells whether it was updated.  A deadline set by
	 * hand (due_source 'task'), an owner set by hand (role_source
	 * 'hand') and a person set or cleared by hand (person_source
	 * 'hand') survive; the person the file names is its owner's, so
	 * a task moved by hand to another role gets none. */
	[SQ_TASK_UPDATE_SPEC] =
	    "UPDATE task SET code = ?3,"
	    " role = CASE WHEN role_source = 'hand' THEN role ELSE ?4 END,"
	    " support_roles = ?5, title = ?6,"
	    " points = ?7, target = ?8, every = ?9, links = ?14,"
	    " due = CASE WHEN due_source = 'task' THEN due ELSE ?10 END,"
	    " due_source = CASE WHEN due_source = 'task' THEN due_source"
	    "  ELSE ?11 END,"
	    " person = CASE WHEN person_source = 'hand' THEN person"
	    "  ELSE " SPEC_PERSON " END,"
	    " version = version + 1"
	    " WHERE plan_id = ?1 AND tkey = ?2 AND (code IS NOT ?3"
	    " OR (role_source IS NOT 'hand' AND role IS NOT ?4)"
	    " OR support_roles IS NOT ?5 OR title IS NOT ?6"
	    " OR points IS NOT ?7 OR target IS NOT ?8 OR every IS NOT ?9"
	    " OR links IS NOT ?14"
	    " OR (due_source IS NOT 'task'"
	    "  AND (due IS NOT ?10 OR due_source IS NOT ?11))"
	    " OR (person_source IS NOT 'hand'"
	    "  AND person IS NOT " SPEC_PERSON "))",
	[SQ_TASK_BY_KEY] =
	    "SELECT id, role, role_source FROM task"
	    " WHERE plan_id = ?1 AND tkey = ?2",
	[SQ_TASK_INSERT_SPEC] =
	    "INSERT INTO task (plan_id, tkey, code, role, support_roles,"
	    " title,"
	    " origin, status, due, due_source, points, target, every,"
	    " person, created_at, version, links)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?12, 'todo', ?10, ?11, ?7, ?8,"
	    " ?9, ?13, " NOW ", 1, ?14)"
	    " ON CONFLICT (plan_id, tkey) DO NOTHING",
	[SQ_HISTORY_INSERT] =
	    "INSERT INTO history (task_id, at, user, kind, old, new,"
	    " old_source, clock) VALUES (?1, " NOW ", ?2, ?3, ?4, ?5, ?6,"
	    " " CLOCK ")",
	[SQ_FINDING_DELETE] =
	    "DELETE FROM finding WHERE plan_id = ?1 AND file IS ?2",
	[SQ_FINDING_INSERT] =
	    "INSERT INTO finding (plan_id, file, line, code, message, kind,"
	    " a, b, t1, t2) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	/* A criterion's derived checklist (store_import.c save_checklist):
	 * what a person set stays. */
	[SQ_CHECKLIST_CLEAR_ITEMS] =
	    "DELETE FROM checklist_item WHERE plan_id = ?1 AND code = ?2"
	    " AND NOT EXISTS (SELECT 1 FROM checklist_item h"
	    " WHERE h.plan_id = ?1 AND h.code = ?2 AND h.by_hand = 1)",
	[SQ_CHECKLIST_CLEAR_TARGET] =
	    "DELETE FROM checklist_target WHERE plan_id = ?1 AND code = ?2"
	    " AND by_hand = 0",
	[SQ_CHECKLIST_ADD_ITEM] =
	    "INSERT INTO checklist_item (plan_id, code, n, text, kinds)"
	    " SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1"
	    " FROM checklist_item h WHERE h.plan_id = ?1 AND h.code = ?2"
	    " AND h.by_hand = 1)",
	[SQ_CHECKLIST_ADD_TARGET] =
	    "INSERT OR IGNORE INTO checklist_target (plan_id, code, count,"
	    " unit, day_from, day_to) VALUES (?1, ?2, ?3, ?4,"
	    " nullif(?5, ''), nullif(?6, ''))",
	[SQ_TASKS] = "SELECT " TASK_COLUMNS TASK_FROM TASK_FILTER TASK_ORDER,
	[SQ_TASK_GET] = "SELECT " TASK_COLUMNS TASK_FROM " WHERE t.id = ?1",
	[SQ_TASK_CURRENT] =
	    "SELECT version, status, due, due_source, title, role,"
	    " role_source FROM task WHERE id = ?1",
	[SQ_SET_STATUS] =
	    "UPDATE task SET status = ?2, version = version + 1"
	    " WHERE id = ?1",
	[SQ_SET_DUE] =
	    "UPDATE task SET due = ?2, due_source = ?3,"
	    " version = version + 1 WHERE id = ?1",
	[SQ_SET_ROLE] =
	    "UPDATE task SET role = ?2, role_source = ?3,"
	    " version = version + 1 WHERE id = ?1",
	[SQ_SET_TITLE] =
	    "UPDATE task SET title = ?2, version = version + 1"
	    " WHERE id = ?1",
	[SQ_BUMP] = "UPDATE task SET version = version + 1 WHERE id = ?1",
	[SQ_SEQ] = "SELECT seq FROM counter WHERE id = 1",
	[SQ_TASKS_SINCE] = "SELECT " TASK_COLUMNS
	    " FROM task t LEFT JOIN criterion c"
	    " ON c.plan_id = t.plan_id AND c.code = t.code"
	    " LEFT JOIN (SELECT task_id, sum(kind = 'note') AS notes,"
	    "  sum(kind = 'evidence') AS evidence FROM history"
	    "  WHERE (kind = 'note' OR kind = 'evidence') AND task_id IN"
	    "  (SELECT id FROM task WHERE plan_id = ?1 AND seq > ?2)"
	    "  GROUP BY task_id) hc ON hc.task_id = t.id"
	    " LEFT JOIN (SELECT l.task_id, count(*) AS evidence" LIVE_LINKS
	    "  AND l.task_id IN"
	    "  (SELECT id FROM task WHERE plan_id = ?1 AND seq > ?2)"
	    "  GROUP BY l.task_id) he ON he.task_id = t.id"
	    " WHERE t.plan_id = ?1 AND t.seq > ?2 ORDER BY t.id",
};

/* --- errors and statement helpers ------------------------------------ */

/* An error about the database file: "PATH: what", the what in the
 * user's language (fmt comes through _()). */
int
store_fail_in(char **err, const char *path, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail_at(err, path, fmt, ap);
	va_end(ap);
	return -1;
}

/* The message for the connection's last error, named after the file. */
int
store_dberr(struct store *s, char **err)
{
	int rc = sqlite3_extended_errcode(s->db);

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return store_fail_locked(s, err);
	case SQLITE_READONLY:
		return store_fail_in(err, s->path, _("database is read-only"));
	case SQLITE_NOTADB:
		return store_fail_in(err, s->path, _("not a parboard database "
		    "(%s)"), sqlite3_errmsg(s->db));
	}
	if (rc == SQLITE_CANTOPEN && s->readonly)
		return store_fail_in(err, s->path, _("database is read-only"));
	return fail(err, "%s: %s", s->path, sqlite3_errmsg(s->db));
}

/* Run constant SQL (schema, transaction control): never user values. */
int
store_exec(struct store *s, const char *sql, char **err)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_dberr(s, err);
	return 0;
}

/* A cached statement, reset and with no bindings. */
sqlite3_stmt *
store_sq(struct store *s, enum sq which, char **err)
{
	sqlite3_stmt *st = s->st[which];

	if (st == NULL) {
		if (sqlite3_prepare_v3(s->db, sq_text[which], -1,
		    SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
			store_dberr(s, err);
			return NULL;
		}
		s->st[which] = st;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

/* A one-off statement (finalize it). */
sqlite3_stmt *
store_prepare(struct store *s, const char *sql, char **err)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		store_dberr(s, err);
		return NULL;
	}
	return st;
}

/* Step: SQLITE_ROW or SQLITE_DONE, or -1 with *err (statement reset). */
int
store_step(struct store *s, sqlite3_stmt *st, char **err)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	store_dberr(s, err);
	sqlite3_reset(st);
	return -1;
}

/* Reset a cached statement, finalize a one-off one. */
static void
release(struct store *s, sqlite3_stmt *st)
{
	int i;

	for (i = 0; i < SQ_COUNT && s->st[i] != st; i++)
		;
	if (i < SQ_COUNT)
		sqlite3_reset(st);
	else
		sqlite3_finalize(st);
}

void *
store_rows(struct store *s, sqlite3_stmt *st, size_t size,
    store_row_fn *row, void *arg, model_clear_fn *clear, size_t *n,
    int *rc, char **err)
{
	char *v = NULL, *e;
	size_t cap = 0;
	int step;

	*n = 0;
	while ((step = store_step(s, st, err)) == SQLITE_ROW) {
		v = xgrow(v, &cap, *n + 1, size);
		e = v + *n * size;
		memset(e, 0, size);
		if (row(st, e, arg))
			(*n)++;
	}
	release(s, st);
	*rc = step < 0 ? -1 : 0;
	if (step >= 0)
		return v;
	if (clear != NULL)
		model_free_each(v, *n, size, clear);
	else
		free(v);
	*n = 0;
	return NULL;
}

void *
store_list(struct store *s, const char *sql, long a, long b, size_t size,
    store_row_fn *row, model_clear_fn *clear, size_t *n, int *rc,
    char **err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);

	*n = 0;
	*rc = -1;
	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, a);
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_int64(st, 2, b);
	return store_rows(s, st, size, row, NULL, clear, n, rc, err);
}

int
store_row(struct store *s, sqlite3_stmt *st, store_row_fn *row,
    void *elem, void *arg, char **err)
{
	int rc = store_step(s, st, err);

	if (rc == SQLITE_ROW)
		row(st, elem, arg);
	release(s, st);
	if (rc < 0)
		return -1;
	return rc == SQLITE_ROW ? 0 : 1;
}

bool
store_read_long(sqlite3_stmt *st, void *elem, void *arg)
{
	(void)arg;
	*(long *)elem = (long)sqlite3_column_int64(st, 0);
	return true;
}

int
store_run_id(struct store *s, const char *sql, long id, char **err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = store_run(s, st, err);
	return rc;
}

/* Step a statement that returns no rows, then reset or finalize it. */
int
store_run(struct store *s, sqlite3_stmt *st, char **err)
{
	int rc = store_step(s, st, err);

	release(s, st);
	return rc < 0 ? -1 : 0;
}

int
store_pragma_int(struct store *s, const char *sql, long *out, char **err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);

	if (st == NULL)
		return -1;
	return store_row(s, st, store_read_long, out, NULL, err) < 0 ? -1 : 0;
}

void
store_cache_small(struct store *s)
{
	/* Not fatal: the default cache only costs memory. */
	sqlite3_exec(s->db, "PRAGMA cache_size = -" STORE_SMALL_CACHE_KB, NULL,
	    NULL, NULL);
}

bool
store_readonly(const struct store *s)
{
	return s->readonly;
}

/* --- transactions ---------------------------------------------------- */

void
store_set_readonly(struct store *s, const char *why)
{
	s->readonly = true;
	free(s->ro_why);
	s->ro_why = xstrdup(why);
}

void
store_set_readonly_why(struct store *s, const char *why)
{
	free(s->ro_told);
	s->ro_told = why != NULL ? xstrdup(why) : NULL;
}

int
store_begin(struct store *s, char **err)
{
	if (s->ro_why != NULL)
		return store_fail_in(err, s->path, _("database is read-only: %s"),
		    s->ro_why);
	if (s->readonly)
		return store_fail_in(err, s->path, _("database is read-only"));
	if (s->depth == 0)
		store_backup_daily(s);
	if (store_exec(s, s->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT pb",
	    err) != 0)
		return -1;
	s->depth++;
	return 0;
}

int
store_commit(struct store *s, char **err)
{
	if (s->depth == 0)
		return 0;
	if (s->depth > 1) {
		if (store_exec(s, "RELEASE pb", err) != 0)
			return -1;
		s->depth--;
		return 0;
	}
	if (store_exec(s, "COMMIT", err) != 0) {
		store_rollback(s);
		return -1;
	}
	s->depth = 0;
	return 0;
}

int
store_end(struct store *s, int rc, char **err)
{
	if (rc == 0)
		return store_commit(s, err);
	store_rollback(s);
	return -1;
}

void
store_rollback(struct store *s)
{
	if (s->depth == 0)
		return;
	if (s->depth > 1)
		sqlite3_exec(s->db, "ROLLBACK TO pb; RELEASE pb", NULL, NULL,
		    NULL);
	else if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->depth--;
}

char *
store_readonly_why(const struct store *s)
{
	if (s->ro_why != NULL)
		return xstrdup(s->ro_why);
	return s->readonly && s->ro_told != NULL ? xstrdup(s->ro_told) :
	    NULL;
}

long
store_sq_long(struct store *s, enum sq which)
{
	sqlite3_stmt *st = store_sq(s, which, NULL);
	long v = -1;

	if (st == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return v;
}

long
store_data_version(struct store *s)
{
	return store_sq_long(s, SQ_DATA_VERSION);
}
