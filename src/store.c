/* SPDX-License-Identifier: ISC */
/* store.c: the SQLite database — opening, transactions, errors and the
 * statement cache.  The schema and its migrations are in store_schema.c,
 * the wait for a busy database in store_lock.c, the import writes in
 * store_import.c, the reads in store_query.c, the changes a user makes
 * in store_change.c, the register in store_register.c, backup and check
 * in store_backup.c; what they share is in store_impl.h.
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
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "date.h"
#include "filemode.h"
#include "i18n.h"
#include "store.h"
#include "text.h"
#include "store_impl.h"
#include "util.h"

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
	 * hand (due_source 'task') and an owner set by hand (role_source
	 * 'hand') survive. */
	[SQ_TASK_UPDATE_SPEC] =
	    "UPDATE task SET code = ?3,"
	    " role = CASE WHEN role_source = 'hand' THEN role ELSE ?4 END,"
	    " support_roles = ?5, title = ?6,"
	    " points = ?7, target = ?8, every = ?9,"
	    " due = CASE WHEN due_source = 'task' THEN due ELSE ?10 END,"
	    " due_source = CASE WHEN due_source = 'task' THEN due_source"
	    "  ELSE ?11 END,"
	    " version = version + 1"
	    " WHERE plan_id = ?1 AND tkey = ?2 AND (code IS NOT ?3"
	    " OR (role_source IS NOT 'hand' AND role IS NOT ?4)"
	    " OR support_roles IS NOT ?5 OR title IS NOT ?6"
	    " OR points IS NOT ?7 OR target IS NOT ?8 OR every IS NOT ?9"
	    " OR (due_source IS NOT 'task'"
	    "  AND (due IS NOT ?10 OR due_source IS NOT ?11)))",
	[SQ_TASK_BY_KEY] =
	    "SELECT id, role, role_source FROM task"
	    " WHERE plan_id = ?1 AND tkey = ?2",
	[SQ_TASK_INSERT_SPEC] =
	    "INSERT INTO task (plan_id, tkey, code, role, support_roles,"
	    " title,"
	    " origin, status, due, due_source, points, target, every,"
	    " created_at, version)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'todo', ?8, ?9, ?10, ?11,"
	    " ?12, " NOW ", 1)"
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
	    " LEFT JOIN (SELECT task_id, count(*) AS evidence FROM evidence"
	    "  WHERE removed = 0 AND task_id IN"
	    "  (SELECT id FROM task WHERE plan_id = ?1 AND seq > ?2)"
	    "  GROUP BY task_id) he ON he.task_id = t.id"
	    " WHERE t.plan_id = ?1 AND t.seq > ?2 ORDER BY t.id",
};

/* --- errors and statement helpers ------------------------------------ */

/* An error about the database file: "PATH: what", the what in the
 * user's language (fmt comes through _()). */
int
store_fail_in(char **err, const char *path, const char *fmt, ...)
{
	va_list ap;
	char *what;
	int rc;

	if (err == NULL)
		return -1;
	va_start(ap, fmt);
	what = xvasprintf(fmt, ap);
	va_end(ap);
	rc = fail(err, "%s: %s", path, what);
	free(what);
	return rc;
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

void *
store_rows(struct store *s, sqlite3_stmt *st, size_t size,
    store_row_fn *row, void *arg, size_t *n, int *rc, char **err)
{
	char *v = NULL, *e;
	size_t cap = 0;
	int i, step;

	*n = 0;
	while ((step = store_step(s, st, err)) == SQLITE_ROW) {
		v = xgrow(v, &cap, *n + 1, size);
		e = v + *n * size;
		memset(e, 0, size);
		if (row(st, e, arg))
			(*n)++;
	}
	for (i = 0; i < SQ_COUNT && s->st[i] != st; i++)
		;
	if (i < SQ_COUNT)
		sqlite3_reset(st);
	else
		sqlite3_finalize(st);
	*rc = step < 0 ? -1 : 0;
	return v;
}

/* Step a statement that returns no rows, then reset it. */
int
store_run(struct store *s, sqlite3_stmt *st, char **err)
{
	int rc = store_step(s, st, err);

	sqlite3_reset(st);
	return rc < 0 ? -1 : 0;
}

/* --- criterion codes sort as numbers: 1.9 before 1.10 ---------------- */

/* The pbcode collation: criterion codes in their natural order. */
static int
code_collate(void *arg, int na, const void *va, int nb, const void *vb)
{
	(void)arg;
	return text_code_cmpn(va, (size_t)na, vb, (size_t)nb);
}

/* --- opening and migrating ------------------------------------------- */

int
store_pragma_int(struct store *s, const char *sql, long *out, char **err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	int rc;

	if (st == NULL)
		return -1;
	rc = store_step(s, st, err);
	if (rc == SQLITE_ROW)
		*out = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc < 0 ? -1 : 0;
}

static bool
dir_writable(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	bool ok;

	if (slash == dir)
		slash[1] = '\0';
	else if (slash != NULL)
		*slash = '\0';
	/* The effective ids: a setgid parboard writes with its group. */
	ok = faccessat(AT_FDCWD, slash != NULL ? dir : ".", W_OK,
	    AT_EACCESS) == 0;
	free(dir);
	return ok;
}

/* pb_now(): the timestamp of a write (date.h now_utc). */
static void
sql_now(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char buf[32];

	(void)argc;
	(void)argv;
	now_utc(buf, sizeof buf);
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

/* pb_clock(): the clock's time beside a pinned day, else NULL (util.h
 * now_clock_utc). */
static void
sql_clock(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char buf[32];

	(void)argc;
	(void)argv;
	if (now_clock_utc(buf, sizeof buf))
		sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
}

/* What every connection needs before its first statement. */
static void
db_setup(struct store *s)
{
	sqlite3_create_function(s->db, "pb_now", 0, SQLITE_UTF8, NULL,
	    sql_now, NULL, NULL);
	sqlite3_create_function(s->db, "pb_clock", 0, SQLITE_UTF8, NULL,
	    sql_clock, NULL, NULL);
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_handler(s->db, store_busy_wait, s);
	sqlite3_create_collation_v2(s->db, "pbcode", SQLITE_UTF8, NULL,
	    code_collate, NULL);
}

/* A WAL database in a directory we cannot write cannot create its
 * shared-memory file, so SQLite cannot even read it.  Read it as an
 * immutable file instead: a snapshot, which is what a reader without
 * write access can have. */
static void
reopen_immutable(struct store *s)
{
	struct buf uri = { 0 };
	const char *p;

	buf_adds(&uri, "file:");
	for (p = s->path; *p != '\0'; p++)
		if (*p == '%' || *p == '?' || *p == '#')
			buf_addf(&uri, "%%%02X", (unsigned char)*p);
		else
			buf_addc(&uri, *p);
	buf_adds(&uri, "?immutable=1");
	sqlite3_close(s->db);
	s->db = NULL;
	sqlite3_open_v2(uri.data, &s->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	if (s->db != NULL)
		db_setup(s);
	buf_free(&uri);
}

/* Before anything is written: a database with tables but not ours (no
 * plan and task tables, or tables and no schema version) is another
 * program's, and is left exactly as it is. */
static int
check_ours(struct store *s, long version, char **err)
{
	sqlite3_stmt *st;
	long ntables = 0, ours = 0;
	int rc;

	/* One read of the table list for both counts. */
	st = store_prepare(s, "SELECT count(*), coalesce(sum(name = 'plan'"
	    " OR name = 'task'), 0) FROM sqlite_master WHERE type = 'table'",
	    err);
	if (st == NULL)
		return -1;
	rc = store_step(s, st, err);
	if (rc == SQLITE_ROW) {
		ntables = (long)sqlite3_column_int64(st, 0);
		ours = (long)sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;
	if (ntables > 0 && (version == 0 || ours != 2))
		return store_fail_in(err, s->path, _("not a parboard database "
		    "(it has other tables); left untouched"));
	return 0;
}

/* Only a regular file (or none yet) can be a database: a FIFO would
 * block the open, a device would be written to. */
static int
check_path(const char *path, bool create, char **err)
{
	struct stat sb;

	if (stat(path, &sb) != 0) {
		if (errno != ENOENT)
			return fail(err, "%s: %s", path, strerror(errno));
		if (!create)
			return store_fail_in(err, path, _("no such database "
			    "(import an appendix first: parboard import "
			    "FILE)"));
		if (make_parent_dirs(path, err) != 0 ||
		    filemode_create(path, err) != 0)
			return -1;
		return 0;
	}
	if (S_ISDIR(sb.st_mode))
		return store_fail_in(err, path, _("is a directory, not a "
		    "database"));
	if (!S_ISREG(sb.st_mode))
		return store_fail_in(err, path, _("not a regular file (a pipe, a "
		    "device or a socket), not a database"));
	return 0;
}

/* The -shm file opened once more, for lock_holder: opened here, while
 * a setgid parboard still has its group (the file is the group's), and
 * closed only after sqlite3_close (store_close), since closing any fd
 * of a file drops every POSIX lock the process holds on it, SQLite's
 * own included. */
static void
shm_open_fd(struct store *s)
{
	char *shm;

	if (s->readonly)
		return;
	shm = xasprintf("%s-shm", s->path);
	s->shm_fd = open(shm, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY);
	free(shm);
}

static int
store_open_path(const char *path, bool create, struct store **out,
    char **err)
{
	struct store *s;
	long version;
	int flags;

	if (check_path(path, create, err) != 0)
		return -1;
	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	s->shm_fd = -1;
	s->busy_ms = store_busy_ms();
	/* Without write access to the file or to its directory (where the
	 * WAL and shared-memory files live) open for reading only. */
	s->readonly = access(path, F_OK) == 0 &&
	    (faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0 ||
	    !dir_writable(path));
	/* One thread uses a connection: without its mutex, every
	 * sqlite3_step() and sqlite3_column_*() skips a lock and an
	 * unlock (a tenth of reading 10 000 tasks). */
	flags = SQLITE_OPEN_NOMUTEX | (s->readonly ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0));
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK &&
	    !s->readonly && access(path, F_OK) == 0) {
		sqlite3_close(s->db);
		s->db = NULL;
		s->readonly = true;
		sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_NOMUTEX, NULL);
	}
	if (s->db == NULL || sqlite3_errcode(s->db) != SQLITE_OK) {
		if (s->db == NULL)
			store_fail_in(err, path, _("cannot open database"));
		else
			store_dberr(s, err);
		store_close(s);
		return -1;
	}
	if (sqlite3_db_readonly(s->db, "main") == 1)
		s->readonly = true;
	db_setup(s);
	/* Keep the -wal and -shm files when the last connection closes
	 * (the log emptied by the checkpoint, the database whole): SQLite
	 * would otherwise delete them, and every start create, size and
	 * recover them again (0.4 ms of the seed board's first paint on a
	 * 2-core VM).  The reads below open both (creating them if need
	 * be), so the setgid install can give its group up once
	 * store_open returns (priv.h). */
	if (!s->readonly) {
		int one = 1;

		sqlite3_file_control(s->db, "main", SQLITE_FCNTL_PERSIST_WAL,
		    &one);
	}

	/* The first read tells a file that is not SQLite at all. */
	if (s->readonly && store_pragma_int(s, "PRAGMA user_version", &version,
	    NULL) != 0 && ((sqlite3_errcode(s->db) & 0xff) ==
	    SQLITE_CANTOPEN || (sqlite3_errcode(s->db) & 0xff) ==
	    SQLITE_READONLY))
		reopen_immutable(s);
	if (store_pragma_int(s, "PRAGMA user_version", &version, err) != 0 ||
	    check_ours(s, version, err) != 0 ||
	    store_exec(s, "PRAGMA foreign_keys = ON", err) != 0) {
		store_close(s);
		return -1;
	}
	/* Read-only media cannot switch journal mode: not fatal.  In WAL,
	 * FULL syncs the log on every commit: a change acknowledged is a
	 * change kept, even through a power cut. */
	if (!s->readonly) {
		sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL, NULL,
		    NULL);
		sqlite3_exec(s->db, "PRAGMA synchronous = FULL", NULL, NULL,
		    NULL);
		/* With the log kept (PERSIST_WAL above), a size limit
		 * makes the last connection's checkpoint empty it: the
		 * next start has no old log to scan.  4 MB is about the
		 * log of SQLite's 1000-page automatic checkpoint. */
		sqlite3_exec(s->db, "PRAGMA journal_size_limit = 4194304",
		    NULL, NULL, NULL);
	}
	shm_open_fd(s);		/* before migrate, which may wait */
	if (store_migrate(s, version, err) != 0) {
		store_close(s);
		return -1;
	}
	*out = s;
	return 0;
}

int
store_open(const char *path, bool create, struct store **out, char **err)
{
	char *expanded;
	int rc;

	*out = NULL;
	if (path_expand_user(path, &expanded, err) != 0)
		return -1;
	rc = store_open_path(expanded, create, out, err);
	free(expanded);
	return rc;
}

void
store_close(struct store *s)
{
	int i;

	if (s == NULL)
		return;
	if (s->depth > 0) {
		s->depth = 1;
		store_rollback(s);
	}
	for (i = 0; i < SQ_COUNT; i++)
		sqlite3_finalize(s->st[i]);
	/* Empty the log into the database file before closing.  SQLite's
	 * own checkpoint at the last close first stat()s the database
	 * path and skips it when it cannot: the setgid install, whose
	 * user may no longer search the 2770 directory, would keep every
	 * change in the -wal file alone.  This one works on the open
	 * files; it does not wait (another connection reading or writing
	 * just leaves the rest to whoever closes last). */
	if (s->db != NULL && !s->readonly) {
		sqlite3_busy_handler(s->db, NULL, NULL);
		sqlite3_wal_checkpoint_v2(s->db, NULL,
		    SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	}
	sqlite3_close(s->db);
	if (s->shm_fd >= 0)	/* after SQLite's locks are gone */
		close(s->shm_fd);
	free(s->ro_why);
	free(s->ro_told);
	free(s->backup_dir);
	free(s->backup_error);
	free(s->path);
	free(s);
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
store_data_version(struct store *s)
{
	sqlite3_stmt *st = store_sq(s, SQ_DATA_VERSION, NULL);
	long v = -1;

	if (st == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return v;
}
