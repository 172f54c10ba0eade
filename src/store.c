/* SPDX-License-Identifier: ISC */
/* store.c: the SQLite database — opening, schema, migrations,
 * transactions, the statement cache, and the import writes (plans,
 * criteria, tasks, findings), with the plan and finding reads.
 * Reading tasks and changing them lives in store_query.c.
 *
 * The only module that speaks SQL.  Every value reaches SQLite through a
 * bound parameter of a prepared statement; the few statements built with
 * snprintf carry only our own integers (PRAGMA user_version = N).
 *
 * Transactions nest: the outermost store_begin is BEGIN IMMEDIATE (the
 * write lock is taken up front, so two writers queue on the busy timeout
 * instead of failing half way), inner ones are savepoints.  Each writing
 * function wraps itself in store_begin/store_commit, so it is atomic on
 * its own and part of the caller's transaction when there is one.
 *
 * Representation choices (beyond the schema in store.h):
 *   task.support_roles  the supporting role ids in comma form
 *                  ("VP-TK,TP-HT", "" for none; schema 8); task.support,
 *                  their JSON array up to schema 7, is no longer written.
 *   task.status    the status name (CHECK constraint).
 *   history.undone 1 once store_undo_row reverted the row; the "undo" row
 *                  has old = the value replaced, new = the value restored.
 *   history.old_source  for "due" rows, due_source before the change,
 *                  for "role" rows by a person, role_source before it
 *                  (NULL or 'hand'), so undo restores it as well; 'import'
 *                  marks a change the import made.
 *   finding.file   the file a finding came from (re-importing one file
 *                  replaces only its findings). */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "date.h"
#include "i18n.h"
#include "priv.h"
#include "store.h"
#include "text.h"
#include "store_impl.h"
#include "util.h"

/* Schema steps: migrations[v] takes user_version v to v + 1.  A next
 * version adds its ALTER TABLE/CREATE statements as the next element.
 * Migrations only add (tables, columns, indices, rows): a board of the
 * version before, still open while the package is upgraded, keeps
 * working until it sees the newer user_version and stops with "parboard
 * was upgraded; restart it" (store_schema_newer).
 *
 * CHECK constraints spell a set of values as an OR chain, not IN (...):
 * SQLite codes a CHECK's IN list as an ephemeral table built afresh for
 * every row written, a fifth of the time of a large import.  Databases
 * made with the IN form hold the same constraint and need no migration. */
static int rekey(struct store *, char **);
static int support_roles(struct store *, char **);

static const struct migration {
	const char *sql;
	int (*fn)(struct store *, char **);	/* after sql, or NULL */
} migrations[] = {
	/* 0 → 1 */
	{ 
	"CREATE TABLE plan ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL UNIQUE,"
	" source TEXT,"
	" has_total INTEGER NOT NULL DEFAULT 0,"
	" total_standard INTEGER, total_self INTEGER,"
	" total_appraised INTEGER, total_deduction INTEGER,"
	" imported_at TEXT NOT NULL DEFAULT (" SCHEMA_NOW "));"
	"CREATE TABLE criterion ("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" code TEXT, title TEXT NOT NULL DEFAULT '',"
	" standard INTEGER, self INTEGER, appraised INTEGER,"
	" deduction INTEGER, has INTEGER NOT NULL DEFAULT 0,"
	" comment TEXT, assignee TEXT, line INTEGER,"
	" UNIQUE (plan_id, code));"
	"CREATE TABLE task ("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" tkey TEXT NOT NULL, code TEXT, role TEXT NOT NULL,"
	" support TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(support)),"
	" title TEXT NOT NULL,"
	" origin TEXT NOT NULL CHECK (origin = 'appendix'"
	"  OR origin = 'directive' OR origin = 'manual'),"
	" status TEXT NOT NULL DEFAULT 'todo' CHECK (status = 'todo'"
	"  OR status = 'doing' OR status = 'done' OR status = 'blocked'),"
	" due TEXT, due_source TEXT, points INTEGER, target TEXT, every TEXT,"
	" created_at TEXT NOT NULL DEFAULT (" SCHEMA_NOW "),"
	" version INTEGER NOT NULL DEFAULT 1,"
	" UNIQUE (plan_id, tkey));"
	"CREATE INDEX task_plan_role ON task(plan_id, role);"
	"CREATE INDEX task_plan_code ON task(plan_id, code);"
	"CREATE TABLE history ("
	" id INTEGER PRIMARY KEY,"
	" task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
	" at TEXT NOT NULL DEFAULT (" SCHEMA_NOW "),"
	" user TEXT NOT NULL,"
	" kind TEXT NOT NULL CHECK (kind = 'created' OR kind = 'status'"
	"  OR kind = 'due' OR kind = 'note' OR kind = 'evidence'"
	"  OR kind = 'title' OR kind = 'undo'),"
	" old TEXT, new TEXT,"
	" old_source TEXT,"
	" undone INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX history_task ON history(task_id);"
	"CREATE INDEX history_user ON history(user, kind);"
	"CREATE TABLE finding ("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" file TEXT, line INTEGER, code TEXT, message TEXT NOT NULL);"
	"CREATE INDEX finding_plan ON finding(plan_id, file);", NULL },
	/* 1 → 2: the owner role's source (NULL from the import, 'hand' once
	 * a person reassigned the task: then the import leaves it), and the
	 * history kinds "role" (a reassignment) and "merge" (two tasks made
	 * one); SQLite changes a CHECK only by copying the table. */
	{ "ALTER TABLE task ADD COLUMN role_source TEXT;"
	"CREATE TABLE history2 ("
	" id INTEGER PRIMARY KEY,"
	" task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
	" at TEXT NOT NULL DEFAULT (" SCHEMA_NOW "),"
	" user TEXT NOT NULL,"
	" kind TEXT NOT NULL CHECK (kind = 'created' OR kind = 'status'"
	"  OR kind = 'due' OR kind = 'note' OR kind = 'evidence'"
	"  OR kind = 'title' OR kind = 'undo' OR kind = 'role'"
	"  OR kind = 'merge'),"
	" old TEXT, new TEXT,"
	" old_source TEXT,"
	" undone INTEGER NOT NULL DEFAULT 0);"
	"INSERT INTO history2 (id, task_id, at, user, kind, old, new,"
	" old_source, undone) SELECT id, task_id, at, user, kind, old, new,"
	" old_source, undone FROM history;"
	"DROP TABLE history;"
	"ALTER TABLE history2 RENAME TO history;"
	"CREATE INDEX history_task ON history(task_id);"
	"CREATE INDEX history_user ON history(user, kind);", NULL },
	/* 2 → 3: task keys without the owner role (rekey below). */
	{ "", rekey },
	/* 3 → 4: a change counter, so that a board reloads only what
	 * changed.  counter.seq counts task writes; task.seq is its value at
	 * the task's last write.  Every write bumps task.version (or inserts
	 * the task), so triggers keep both without the writers knowing. */
	{ "CREATE TABLE counter (id INTEGER PRIMARY KEY CHECK (id = 1),"
	" seq INTEGER NOT NULL);"
	"INSERT INTO counter (id, seq) VALUES (1, 0);"
	"ALTER TABLE task ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;"
	"CREATE INDEX task_plan_seq ON task(plan_id, seq);"
	"CREATE TRIGGER task_seq_insert AFTER INSERT ON task BEGIN"
	" UPDATE counter SET seq = seq + 1 WHERE id = 1;"
	" UPDATE task SET seq = (SELECT seq FROM counter WHERE id = 1)"
	"  WHERE id = NEW.id;"
	" END;"
	"CREATE TRIGGER task_seq_update AFTER UPDATE OF version, tkey ON task"
	" BEGIN"
	" UPDATE counter SET seq = seq + 1 WHERE id = 1;"
	" UPDATE task SET seq = (SELECT seq FROM counter WHERE id = 1)"
	"  WHERE id = NEW.id;"
	" END;", NULL },
	/* 4 → 5 (issue 8): the evidence register (documents that prove a
	 * task; the free-text evidence lines of history kept as incomplete
	 * summaries), recorded meetings, the occurrences of counted targets
	 * (tick) and the history kind "tick"; SQLite changes a CHECK only by
	 * copying the table. */
	{ "CREATE TABLE evidence ("
	" id INTEGER PRIMARY KEY,"
	" task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
	" number TEXT, day TEXT, issuer TEXT, summary TEXT,"
	" signed INTEGER NOT NULL DEFAULT 0, file TEXT,"
	" incomplete INTEGER NOT NULL DEFAULT 0,"
	" user TEXT NOT NULL,"
	" at TEXT NOT NULL DEFAULT (" SCHEMA_NOW "),"
	" removed INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX evidence_task ON evidence(task_id);"
	"INSERT INTO evidence (task_id, summary, incomplete, user, at)"
	" SELECT task_id, new, 1, user, at FROM history"
	" WHERE kind = 'evidence' AND undone = 0 AND new IS NOT NULL"
	" ORDER BY id;"
	"CREATE TABLE meeting ("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" at TEXT NOT NULL, chair TEXT, user TEXT NOT NULL);"
	"CREATE INDEX meeting_plan ON meeting(plan_id, at);"
	"CREATE TABLE tick ("
	" id INTEGER PRIMARY KEY,"
	" task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
	" day TEXT NOT NULL, note TEXT, user TEXT NOT NULL,"
	" at TEXT NOT NULL DEFAULT (" SCHEMA_NOW "),"
	" removed INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX tick_task ON tick(task_id, day);"
	"CREATE TABLE history2 ("
	" id INTEGER PRIMARY KEY,"
	" task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
	" at TEXT NOT NULL DEFAULT (" SCHEMA_NOW "),"
	" user TEXT NOT NULL,"
	" kind TEXT NOT NULL CHECK (kind = 'created' OR kind = 'status'"
	"  OR kind = 'due' OR kind = 'note' OR kind = 'evidence'"
	"  OR kind = 'title' OR kind = 'undo' OR kind = 'role'"
	"  OR kind = 'merge' OR kind = 'tick'),"
	" old TEXT, new TEXT,"
	" old_source TEXT,"
	" undone INTEGER NOT NULL DEFAULT 0);"
	"INSERT INTO history2 (id, task_id, at, user, kind, old, new,"
	" old_source, undone) SELECT id, task_id, at, user, kind, old, new,"
	" old_source, undone FROM history;"
	"DROP TABLE history;"
	"ALTER TABLE history2 RENAME TO history;"
	"CREATE INDEX history_task ON history(task_id);"
	"CREATE INDEX history_user ON history(user, kind);"
	"CREATE INDEX history_at ON history(at);", NULL },
	/* 5 → 6: what the board reads on every start without the import's
	 * rows (one per task): the notes (counted on each card) and the rows
	 * people wrote, by time (the tasks changed since the last meeting).
	 * The WHERE clauses are the ones store_tasks_lean and
	 * store_changed_tasks spell, so SQLite picks these indexes. */
	{ "CREATE INDEX history_note ON history(task_id) WHERE kind = 'note';"
	"CREATE INDEX history_person ON history(at)"
	" WHERE kind <> 'created' AND old_source IS NOT 'import';", NULL },
	/* 6 → 7 (issue 16): a row written with --today keeps the clock's
	 * own time (UTC) beside its pinned day; NULL when the day is the
	 * clock's (and in rows written before). */
	{ "ALTER TABLE history ADD COLUMN clock TEXT;"
	"ALTER TABLE meeting ADD COLUMN clock TEXT;"
	"ALTER TABLE evidence ADD COLUMN clock TEXT;"
	"ALTER TABLE tick ADD COLUMN clock TEXT;", NULL },
	/* 7 → 8 (issue 17): the supporting roles as the comma form the
	 * program speaks ("VP-TK,TP-HT"), not a JSON array to convert on
	 * every read and write.  support keeps its JSON (its CHECK stays
	 * true) for a board of schema 7 still open; nothing writes it
	 * any more. */
	{ "", support_roles },
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))
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
	    "INSERT INTO finding (plan_id, file, line, code, message)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)",
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

static int fail_in(char **, const char *, const char *, ...)
    PB_PRINTF(3, 4);

/* An error about the database file: "PATH: what", the what in the
 * user's language (fmt comes through _()). */
static int
fail_in(char **err, const char *path, const char *fmt, ...)
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

/* Who holds the lock we waited for.  In WAL mode SQLite takes its
 * write lock as a POSIX lock on byte 120 of the -shm file (sqlite's
 * os_unix.c: UNIX_SHM_BASE 120 + WAL_WRITE_LOCK 0; a checkpoint's lock
 * is the next byte), so the kernel can tell the holder's pid (F_GETLK).
 * 0 when nobody can be named. */
#define SHM_WRITE_LOCK 120
#define SHM_CKPT_LOCK 121
static pid_t
lock_holder(const struct store *s)
{
	static const off_t bytes[] = { SHM_WRITE_LOCK, SHM_CKPT_LOCK };
	struct flock fl;
	size_t i;

	for (i = 0; s->shm_fd >= 0 && i < sizeof bytes / sizeof bytes[0];
	    i++) {
		memset(&fl, 0, sizeof fl);
		fl.l_type = F_WRLCK;
		fl.l_whence = SEEK_SET;
		fl.l_start = bytes[i];
		fl.l_len = 1;
		if (fcntl(s->shm_fd, F_GETLK, &fl) == 0 &&
		    fl.l_type != F_UNLCK && fl.l_pid > 0)
			return fl.l_pid;
	}
	return 0;
}

/* The account a process runs for: its real uid (/proc/PID/status; the
 * directory of a setgid process belongs to root), or NULL. */
static char *
process_account(pid_t pid)
{
	char path[64], line[256];
	struct passwd *pw;
	unsigned long uid;
	FILE *f;
	bool found = false;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if ((f = fopen(path, "re")) == NULL)
		return NULL;
	while (!found && fgets(line, sizeof line, f) != NULL)
		found = sscanf(line, "Uid: %lu", &uid) == 1;
	fclose(f);
	if (!found)
		return NULL;
	pw = getpwuid((uid_t)uid);
	return pw != NULL ? xstrdup(pw->pw_name) : xasprintf("%lu", uid);
}

/* "locked by lan (process 4242)": the holder named, so that the
 * administrator can end it (parboard(1) SECURITY). */
static int
fail_locked(struct store *s, char **err)
{
	pid_t pid = lock_holder(s);
	char *who;
	int rc;

	if (pid == 0)
		return fail_in(err, s->path, _("the database is locked, and "
		    "the process that holds it cannot be found; try again, "
		    "or see SECURITY in parboard(1)"));
	if ((who = process_account(pid)) == NULL)
		return fail_in(err, s->path, _("the database is locked by "
		    "process %ld (its account cannot be read); try again "
		    "when it has finished, or see SECURITY in parboard(1)"),
		    (long)pid);
	rc = fail_in(err, s->path, _("the database is locked by %s "
	    "(process %ld); try again when it has finished, or see "
	    "SECURITY in parboard(1)"), who, (long)pid);
	free(who);
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
		return fail_locked(s, err);
	case SQLITE_READONLY:
		return fail_in(err, s->path, _("database is read-only"));
	case SQLITE_NOTADB:
		return fail_in(err, s->path, _("not a parboard database "
		    "(%s)"), sqlite3_errmsg(s->db));
	}
	if (rc == SQLITE_CANTOPEN && s->readonly)
		return fail_in(err, s->path, _("database is read-only"));
	return fail(err, "%s: %s", s->path, sqlite3_errmsg(s->db));
}

/* Run constant SQL (schema, transaction control): never user values. */
static int
exec(struct store *s, const char *sql, char **err)
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

/* Step a statement that returns no rows, then reset it. */
int
store_run(struct store *s, sqlite3_stmt *st, char **err)
{
	int rc = store_step(s, st, err);

	sqlite3_reset(st);
	return rc < 0 ? -1 : 0;
}

static void
bind_score(sqlite3_stmt *st, int i, bool has, score v)
{
	if (has)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* --- support: the comma form, normalised ------------------------------- */

/* "TP-HT, VH-XH," as it is stored: "TP-HT,VH-XH" (each role trimmed,
 * empty ones dropped). */
static char *
support_norm(const char *csv)
{
	struct buf b = { 0 };
	const char *p = csv, *e;

	while (p != NULL && *p != '\0') {
		while (*p == ',' || isspace((unsigned char)*p))
			p++;
		for (e = p; *e != '\0' && *e != ','; e++)
			;
		while (e > p && isspace((unsigned char)e[-1]))
			e--;
		if (e > p) {
			if (b.len > 0)
				buf_addc(&b, ',');
			buf_add(&b, p, (size_t)(e - p));
		}
		while (*p != '\0' && *p != ',')
			p++;
	}
	return buf_take(&b);
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

static int
pragma_int(struct store *s, const char *sql, long *out, char **err)
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

/* --- re-keying: task keys without the owner role (schema 3) ---------- */

/* An old derived key without its owner: "A:1.7/CA" → "A:1.7",
 * "D:1.7/CA/to chuc doi thoai" → "D:1.7/to chuc doi thoai" (a "#2"
 * suffix stays).  NULL for keys of another form (manual tasks). */
static char *
key_without_role(const char *key)
{
	const char *slash, *rest;

	if (strncmp(key, "A:", 2) == 0) {
		if ((slash = strrchr(key, '/')) == NULL)
			return NULL;
		return xstrndup(key, (size_t)(slash - key));
	}
	if (strncmp(key, "D:", 2) != 0 ||
	    (slash = strchr(key + 2, '/')) == NULL ||
	    (rest = strchr(slash + 1, '/')) == NULL)
		return NULL;
	return xasprintf("%.*s%s", (int)(slash - key), key, rest);
}

struct rekeyed {
	long id, plan_id;
	long last;		/* newest history row a person wrote */
	char *key;		/* the new key */
	char *code, *role;
};

/* By plan and new key, the task a person changed last first (then the
 * newest task: it holds the owner of the latest import). */
static int
rekeyed_cmp(const void *a, const void *b)
{
	const struct rekeyed *x = a, *y = b;
	int r;

	if (x->plan_id != y->plan_id)
		return x->plan_id < y->plan_id ? -1 : 1;
	if ((r = strcmp(x->key, y->key)) != 0)
		return r;
	if (x->last != y->last)
		return x->last > y->last ? -1 : 1;
	return x->id > y->id ? -1 : x->id < y->id;
}

static int
rekey_load(struct store *s, struct rekeyed **out, size_t *n, char **err)
{
	sqlite3_stmt *st;
	struct rekeyed *v = NULL;
	size_t cnt = 0, cap = 0;
	char *key;
	int rc;

	st = store_prepare(s, "SELECT t.id, t.plan_id, t.tkey, t.code, t.role,"
	    " (SELECT coalesce(max(h.id), 0) FROM history h"
	    "  WHERE h.task_id = t.id AND" BY_PERSON("h") ")"
	    " FROM task t WHERE t.origin <> 'manual'", err);
	if (st == NULL)
		return -1;
	while ((rc = store_step(s, st, err)) == SQLITE_ROW) {
		key = key_without_role((const char *)sqlite3_column_text(st,
		    2));
		if (key == NULL)
			continue;
		v = xgrow(v, &cap, cnt + 1, sizeof *v);
		v[cnt].id = (long)sqlite3_column_int64(st, 0);
		v[cnt].plan_id = (long)sqlite3_column_int64(st, 1);
		v[cnt].key = key;
		v[cnt].code = col_str(st, 3);
		v[cnt].role = col_str(st, 4);
		v[cnt++].last = (long)sqlite3_column_int64(st, 5);
	}
	sqlite3_finalize(st);
	*out = v;
	*n = cnt;
	return rc < 0 ? -1 : 0;
}

/* Fold task from into task into: its history and notes move, the task
 * goes, and into's history says so ("merge": old "#12 (1.7/CA)"). */
static int
rekey_merge(struct store *s, const struct rekeyed *from,
    const struct rekeyed *into, char **err)
{
	sqlite3_stmt *st;
	char *what;
	int rc;

	st = store_prepare(s, "UPDATE history SET task_id = ?2"
	    " WHERE task_id = ?1", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, from->id);
	sqlite3_bind_int64(st, 2, into->id);
	rc = store_run(s, st, err);
	sqlite3_finalize(st);
	if (rc != 0)
		return -1;
	st = store_prepare(s, "DELETE FROM task WHERE id = ?1", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, from->id);
	rc = store_run(s, st, err);
	sqlite3_finalize(st);
	if (rc != 0)
		return -1;
	/* A migration step names only the columns of its own schema
	 * (store_add_history writes schema 7's clock). */
	st = store_prepare(s, "INSERT INTO history (task_id, at, user, kind,"
	    " old) VALUES (?1, " NOW ", ?2, 'merge', ?3)", err);
	if (st == NULL)
		return -1;
	what = xasprintf("#%ld (%s/%s)", from->id, from->code != NULL ?
	    from->code : "-", from->role != NULL ? from->role : "-");
	sqlite3_bind_int64(st, 1, into->id);
	bind_text(st, 2, current_user());
	bind_text(st, 3, what);
	rc = store_run(s, st, err);
	sqlite3_finalize(st);
	free(what);
	return rc;
}

static int
rekey_set(struct store *s, const struct rekeyed *t, char **err)
{
	sqlite3_stmt *st = store_prepare(s, "UPDATE task SET tkey = ?2"
	    " WHERE id = ?1", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, t->id);
	bind_text(st, 2, t->key);
	rc = store_run(s, st, err);
	sqlite3_finalize(st);
	return rc;
}

/* Derived tasks were keyed with their owner role, so a reassignment
 * forked them.  Re-key them by plan and criterion (and words); where two
 * old tasks meet on one new key, keep the one a person changed last and
 * fold the other into it: nothing a person wrote is lost. */
static int
rekey(struct store *s, char **err)
{
	struct rekeyed *v;
	size_t n, i, j;
	int rc;

	if (rekey_load(s, &v, &n, err) != 0)
		return -1;
	xqsort(v, n, sizeof *v, rekeyed_cmp);
	/* Old keys out of the way first: no UNIQUE clash midway. */
	rc = exec(s, "UPDATE task SET tkey = '~' || id || '~' || tkey"
	    " WHERE origin <> 'manual'", err);
	for (i = 0; rc == 0 && i < n; i = j) {
		rc = rekey_set(s, &v[i], err);
		for (j = i + 1; rc == 0 && j < n && v[j].plan_id ==
		    v[i].plan_id && strcmp(v[j].key, v[i].key) == 0; j++)
			rc = rekey_merge(s, &v[j], &v[i], err);
		if (rc != 0)
			break;
	}
	/* Keys of a form we do not know get theirs back. */
	if (rc == 0)
		rc = exec(s, "UPDATE task SET tkey = substr(tkey,"
		    " instr(substr(tkey, 2), '~') + 2) WHERE tkey LIKE '~%'",
		    err);
	for (i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].code);
		free(v[i].role);
	}
	free(v);
	return rc;
}

/* Schema 8: task.support_roles, filled from task.support's JSON array.
 * A database already holding the column (its user_version set back by
 * hand) keeps its values. */
static int
support_roles(struct store *s, char **err)
{
	long has;

	if (pragma_int(s, "SELECT count(*) FROM pragma_table_info('task')"
	    " WHERE name = 'support_roles'", &has, err) != 0)
		return -1;
	if (has > 0)
		return 0;
	return exec(s, "ALTER TABLE task ADD COLUMN support_roles TEXT"
	    " NOT NULL DEFAULT '';"
	    "UPDATE task SET support_roles = coalesce((SELECT"
	    " group_concat(value, ',') FROM json_each(task.support)), '');",
	    err);
}

/* Bring the schema from version (its user_version, just read) to
 * SCHEMA_VERSION, one step per version. */
static int
migrate(struct store *s, long version, char **err)
{
	long ntables;
	char sql[64];

	if (version == SCHEMA_VERSION)
		return 0;
	if (version > SCHEMA_VERSION)
		return fail_in(err, s->path, _("database schema %ld is newer "
		    "than this parboard (%d); upgrade parboard"), version,
		    SCHEMA_VERSION);
	if (s->readonly && version == 0)
		return fail_in(err, s->path, _("database is read-only (and "
		    "needs creating)"));
	if (s->readonly)
		return fail_in(err, s->path, _("database is read-only (and "
		    "needs upgrading)"));
	if (store_begin(s, err) != 0)
		return -1;
	/* Another process may have migrated while we waited for the lock. */
	if (pragma_int(s, "PRAGMA user_version", &version, err) != 0)
		goto fail;
	if (version == 0) {
		if (pragma_int(s, "SELECT count(*) FROM sqlite_master",
		    &ntables, err) != 0)
			goto fail;
		if (ntables != 0) {
			fail_in(err, s->path, _("not a parboard database "
			    "(it has other tables)"));
			goto fail;
		}
	}
	for (; version < SCHEMA_VERSION; version++) {
		if (exec(s, migrations[version].sql, err) != 0)
			goto fail;
		if (migrations[version].fn != NULL &&
		    migrations[version].fn(s, err) != 0)
			goto fail;
		snprintf(sql, sizeof sql, "PRAGMA user_version = %ld",
		    version + 1);
		if (exec(s, sql, err) != 0)
			goto fail;
	}
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
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

static long long
clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* SQLite's busy handler: wait for the writer ahead of us with a growing,
 * jittered sleep (1 ms doubling up to 50 ms) for up to BUSY_WAIT_MS
 * (twice the old 5 s timeout), so ten writers and ten boards queue
 * instead of failing.  Returning 0 gives up (the caller then says who
 * holds the lock).  The test build shortens the wait
 * (store_set_busy_wait), never the setgid install. */
#define BUSY_WAIT_MS 10000
static long busy_wait_ms = BUSY_WAIT_MS;

void
store_set_busy_wait(long ms)
{
	if (!priv_elevated() && ms >= 0)
		busy_wait_ms = ms;
}

static int
busy_wait(void *arg, int count)
{
	struct store *s = arg;
	long long now = clock_ms();
	long us;

	if (count == 0)
		s->busy_since = now;
	if (now - s->busy_since > s->busy_ms)
		return 0;
	us = count < 6 ? 1000L << count : 50000L;
	us += (long)(rand() % 1000) * us / 2000;
	usleep((useconds_t)us);
	return 1;
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
	sqlite3_busy_handler(s->db, busy_wait, s);
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
		return fail_in(err, s->path, _("not a parboard database "
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
			return fail_in(err, path, _("no such database "
			    "(import an appendix first: parboard import "
			    "FILE)"));
		if (make_parent_dirs(path, err) != 0 ||
		    priv_db_create(path, err) != 0)
			return -1;
		return 0;
	}
	if (S_ISDIR(sb.st_mode))
		return fail_in(err, path, _("is a directory, not a "
		    "database"));
	if (!S_ISREG(sb.st_mode))
		return fail_in(err, path, _("not a regular file (a pipe, a "
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
	s->busy_ms = busy_wait_ms;
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
			fail_in(err, path, _("cannot open database"));
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
	if (s->readonly && pragma_int(s, "PRAGMA user_version", &version,
	    NULL) != 0 && ((sqlite3_errcode(s->db) & 0xff) ==
	    SQLITE_CANTOPEN || (sqlite3_errcode(s->db) & 0xff) ==
	    SQLITE_READONLY))
		reopen_immutable(s);
	if (pragma_int(s, "PRAGMA user_version", &version, err) != 0 ||
	    check_ours(s, version, err) != 0 ||
	    exec(s, "PRAGMA foreign_keys = ON", err) != 0) {
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
	if (migrate(s, version, err) != 0) {
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

int
store_begin(struct store *s, char **err)
{
	if (s->ro_why != NULL)
		return fail_in(err, s->path, _("database is read-only: %s"),
		    s->ro_why);
	if (s->readonly)
		return fail_in(err, s->path, _("database is read-only"));
	if (s->depth == 0)
		store_backup_daily(s);
	if (exec(s, s->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT pb",
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
		if (exec(s, "RELEASE pb", err) != 0)
			return -1;
		s->depth--;
		return 0;
	}
	if (exec(s, "COMMIT", err) != 0) {
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

bool
store_schema_newer(struct store *s)
{
	long version;

	return pragma_int(s, "PRAGMA user_version", &version, NULL) == 0 &&
	    version > SCHEMA_VERSION;
}


char *
store_readonly_why(const struct store *s)
{
	if (s->ro_why != NULL)
		return xstrdup(s->ro_why);
	return s->readonly ? priv_readonly_why(s->path) : NULL;
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

/* --- import ---------------------------------------------------------- */

static int
save_criteria(struct store *s, long plan_id, const struct appendix *a,
    char **err)
{
	const struct criterion *c;
	sqlite3_stmt *st;
	size_t i;

	if ((st = store_sq(s, SQ_CRIT_DELETE, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	if (store_run(s, st, err) != 0)
		return -1;
	if ((st = store_sq(s, SQ_CRIT_INSERT, err)) == NULL)
		return -1;
	for (i = 0; i < a->nrows; i++) {
		c = &a->rows[i];
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, plan_id);
		bind_text(st, 2, c->code);
		bind_text(st, 3, c->title != NULL ? c->title : "");
		bind_score(st, 4, c->has & HAS_STANDARD, c->standard);
		bind_score(st, 5, c->has & HAS_SELF, c->self);
		bind_score(st, 6, c->has & HAS_APPRAISED, c->appraised);
		bind_score(st, 7, c->has & HAS_DEDUCTION, c->deduction);
		sqlite3_bind_int(st, 8, (int)c->has);
		bind_text(st, 9, c->comment);
		bind_text(st, 10, c->assignee);
		sqlite3_bind_int(st, 11, c->line);
		if (store_run(s, st, err) != 0)
			return -1;
	}
	return 0;
}

int
store_plan_save(struct store *s, const char *name, const struct appendix *a,
    long *plan_id, char **err)
{
	const struct criterion *t = &a->total;
	bool tot = a->has_total;
	sqlite3_stmt *st;
	int rc;

	if (store_begin(s, err) != 0)
		return -1;
	if (a->kind == APPENDIX_DIRECTIVES) {
		if ((st = store_sq(s, SQ_PLAN_ENSURE, err)) == NULL)
			goto fail;
		bind_text(st, 1, name);
		bind_text(st, 2, a->file);
	} else {
		if ((st = store_sq(s, SQ_PLAN_UPSERT, err)) == NULL)
			goto fail;
		bind_text(st, 1, name);
		bind_text(st, 2, a->file);
		sqlite3_bind_int(st, 3, tot);
		bind_score(st, 4, tot && (t->has & HAS_STANDARD), t->standard);
		bind_score(st, 5, tot && (t->has & HAS_SELF), t->self);
		bind_score(st, 6, tot && (t->has & HAS_APPRAISED),
		    t->appraised);
		bind_score(st, 7, tot && (t->has & HAS_DEDUCTION),
		    t->deduction);
	}
	if ((rc = store_step(s, st, err)) < 0)
		goto fail;
	*plan_id = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (a->kind != APPENDIX_DIRECTIVES &&
	    save_criteria(s, *plan_id, a, err) != 0)
		goto fail;
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

int
store_add_history(struct store *s, long task_id, const char *user,
    const char *kind, const char *old, const char *new,
    const char *old_source, char **err)
{
	sqlite3_stmt *st = store_sq(s, SQ_HISTORY_INSERT, err);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	bind_text(st, 2, user != NULL ? user : current_user());
	bind_text(st, 3, kind);
	bind_text(st, 4, old);
	bind_text(st, 5, new);
	bind_text(st, 6, old_source);
	return store_run(s, st, err);
}

/* The task known by key in the plan: *id (0 when none), its owner and
 * whether a person set it. */
static int
spec_known(struct store *s, long plan_id, const char *key, long *id,
    char **role, bool *hand, char **err)
{
	sqlite3_stmt *st = store_sq(s, SQ_TASK_BY_KEY, err);
	const char *src;
	int rc;

	*id = 0;
	*role = NULL;
	*hand = false;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, key);
	if ((rc = store_step(s, st, err)) == SQLITE_ROW) {
		*id = (long)sqlite3_column_int64(st, 0);
		*role = col_str(st, 1);
		src = (const char *)sqlite3_column_text(st, 2);
		*hand = src != NULL && strcmp(src, "hand") == 0;
	}
	sqlite3_reset(st);
	return rc < 0 ? -1 : 0;
}

/* Update a known task's texts from t; *changed tells whether anything
 * differed.  An owner changed by the file (not pinned by hand) gets a
 * "role" history row marked old_source "import". */
static int
spec_update(struct store *s, long plan_id, long id, const char *old_role,
    bool hand, const struct task_spec *t, const char *code,
    const char *support, bool *changed, char **err)
{
	sqlite3_stmt *st;

	if ((st = store_sq(s, SQ_TASK_UPDATE_SPEC, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, t->key);
	bind_text(st, 3, code);
	bind_text(st, 4, t->role);
	bind_text(st, 5, support);
	bind_text(st, 6, t->title != NULL ? t->title : "");
	bind_score(st, 7, t->has_points, t->points);
	bind_text(st, 8, t->target);
	bind_text(st, 9, t->every);
	bind_text(st, 10, t->due);
	bind_text(st, 11, t->due_source);
	if (store_run(s, st, err) != 0)
		return -1;
	*changed = sqlite3_changes(s->db) > 0;
	if (hand || old_role == NULL || strcmp(old_role, t->role) == 0)
		return 0;
	return store_add_history(s, id, NULL, "role", old_role, t->role,
	    "import", err);
}

static int
spec_insert(struct store *s, long plan_id, const struct task_spec *t,
    const char *code, const char *support, char **err)
{
	sqlite3_stmt *st;
	long id;

	if ((st = store_sq(s, SQ_TASK_INSERT_SPEC, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, t->key);
	bind_text(st, 3, code);
	bind_text(st, 4, t->role);
	bind_text(st, 5, support);
	bind_text(st, 6, t->title != NULL ? t->title : "");
	bind_text(st, 7, origin_name(t->origin));
	bind_text(st, 8, t->due);
	bind_text(st, 9, t->due_source);
	bind_score(st, 10, t->has_points, t->points);
	bind_text(st, 11, t->target);
	bind_text(st, 12, t->every);
	if (store_run(s, st, err) != 0)
		return -1;
	id = (long)sqlite3_last_insert_rowid(s->db);
	return store_add_history(s, id, NULL, "created", NULL,
	    origin_name(t->origin), NULL, err);
}

/* One derived task: update it if known and different, else insert it.
 * *what: 0 unchanged, 1 added, 2 updated. */
static int
save_spec(struct store *s, long plan_id, const struct task_spec *t,
    int *what, char **err)
{
	char *support = support_norm(t->support), *role = NULL;
	const char *code = t->code != NULL && *t->code != '\0' ? t->code :
	    NULL;
	bool hand, changed = false;
	long id;
	int rc;

	*what = 0;
	rc = spec_known(s, plan_id, t->key, &id, &role, &hand, err);
	if (rc == 0 && id != 0) {
		rc = spec_update(s, plan_id, id, role, hand, t, code, support,
		    &changed, err);
		*what = changed ? 2 : 0;
	} else if (rc == 0) {
		rc = spec_insert(s, plan_id, t, code, support, err);
		*what = 1;
	}
	free(support);
	free(role);
	return rc;
}

int
store_tasks_save(struct store *s, long plan_id, const struct derivation *d,
    size_t *added, size_t *updated, char **err)
{
	size_t i, nadd = 0, nupd = 0;
	int what;

	if (store_begin(s, err) != 0)
		return -1;
	for (i = 0; i < d->ntasks; i++) {
		if (save_spec(s, plan_id, &d->tasks[i], &what, err) != 0) {
			store_rollback(s);
			return -1;
		}
		nadd += what == 1;
		nupd += what == 2;
	}
	if (store_commit(s, err) != 0)
		return -1;
	if (added != NULL)
		*added = nadd;
	if (updated != NULL)
		*updated = nupd;
	return 0;
}

int
store_findings_save(struct store *s, long plan_id, const char *file,
    const struct derivation *d, char **err)
{
	const struct finding *f;
	sqlite3_stmt *st;
	size_t i;

	if (store_begin(s, err) != 0)
		return -1;
	if ((st = store_sq(s, SQ_FINDING_DELETE, err)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, file);
	if (store_run(s, st, err) != 0)
		goto fail;
	if ((st = store_sq(s, SQ_FINDING_INSERT, err)) == NULL)
		goto fail;
	for (i = 0; i < d->nfindings; i++) {
		f = &d->findings[i];
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, plan_id);
		bind_text(st, 2, file);
		sqlite3_bind_int(st, 3, f->line);
		bind_text(st, 4, f->code);
		bind_text(st, 5, f->message != NULL ? f->message : "");
		if (store_run(s, st, err) != 0)
			goto fail;
	}
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

/* --- reading plans and findings -------------------------------------- */

int
store_plan_get(struct store *s, const char *name, struct plan *out,
    char **err)
{
	static const char cols[] = "SELECT id, name, source, has_total,"
	    " total_standard, total_self, total_appraised, total_deduction,"
	    " imported_at FROM plan";
	sqlite3_stmt *st;
	char *sql;
	int rc;

	memset(out, 0, sizeof *out);
	sql = xasprintf("%s%s", cols, name != NULL ? " WHERE name = ?1" :
	    " ORDER BY id DESC LIMIT 1");
	st = store_prepare(s, sql, err);
	free(sql);
	if (st == NULL)
		return -1;
	bind_text(st, 1, name);
	rc = store_step(s, st, err);
	if (rc == SQLITE_ROW) {
		out->id = (long)sqlite3_column_int64(st, 0);
		out->name = col_str(st, 1);
		out->source = col_str(st, 2);
		out->has_total = sqlite3_column_int(st, 3) != 0;
		out->total_standard = sqlite3_column_int64(st, 4);
		out->total_self = sqlite3_column_int64(st, 5);
		out->total_appraised = sqlite3_column_int64(st, 6);
		out->total_deduction = sqlite3_column_int64(st, 7);
		out->imported_at = col_str(st, 8);
	}
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;
	return rc == SQLITE_ROW ? 0 : 1;
}


/* Column 0 of every row as a NULL-terminated list (empty on error). */
static char **
strv_query(struct store *s, const char *sql, long plan_id,
    char *(*fmt)(sqlite3_stmt *))
{
	sqlite3_stmt *st = store_prepare(s, sql, NULL);
	char **v = NULL;
	size_t n = 0, cap = 0;

	if (st != NULL) {
		sqlite3_bind_int64(st, 1, plan_id);
		while (sqlite3_step(st) == SQLITE_ROW) {
			v = xgrow(v, &cap, n + 2, sizeof *v);
			v[n++] = fmt(st);
		}
		sqlite3_finalize(st);
	}
	v = xgrow(v, &cap, n + 1, sizeof *v);
	v[n] = NULL;
	return v;
}

static char *
fmt_first(sqlite3_stmt *st)
{
	return col_str(st, 0);
}

char **
store_plan_codes(struct store *s, long plan_id)
{
	return strv_query(s, "SELECT code FROM criterion WHERE plan_id = ?1"
	    " AND code IS NOT NULL ORDER BY line, id", plan_id, fmt_first);
}

void
strv_free(char **v)
{
	char **p;

	for (p = v; p != NULL && *p != NULL; p++)
		free(*p);
	free(v);
}

static char *
fmt_finding(sqlite3_stmt *st)
{
	const char *file = (const char *)sqlite3_column_text(st, 0);
	const char *msg = (const char *)sqlite3_column_text(st, 2);
	int line = sqlite3_column_int(st, 1);

	if (file == NULL)
		file = "-";
	if (msg == NULL)
		msg = "";
	if (line > 0)
		return xasprintf("%s:%d: %s", file, line, msg);
	return xasprintf("%s: %s", file, msg);
}

/* --- backup and check ------------------------------------------------ */

int
store_checkpoint(struct store *s, char **err)
{
	return exec(s, "PRAGMA wal_checkpoint(TRUNCATE)", err);
}

/* A consistent image of the open database in memory, with SQLite's
 * online backup API (boards may keep writing meanwhile): *data, *len,
 * to sqlite3_free.  Its header says rollback journal, not WAL (file
 * format bytes 18 and 19), so that the copy opens anywhere alone. */
static int
snapshot(struct store *s, unsigned char **data, sqlite3_int64 *len,
    char **err)
{
	sqlite3_backup *bk;
	sqlite3 *mem = NULL;
	int rc;

	*data = NULL;
	rc = sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		bk = sqlite3_backup_init(mem, "main", s->db, "main");
		if (bk == NULL)
			rc = sqlite3_errcode(mem);
		else {
			while ((rc = sqlite3_backup_step(bk, -1)) ==
			    SQLITE_BUSY || rc == SQLITE_LOCKED)
				usleep(20000);
			sqlite3_backup_finish(bk);
			rc = rc == SQLITE_DONE ? sqlite3_errcode(mem) : rc;
		}
	}
	if (rc == SQLITE_OK &&
	    (*data = sqlite3_serialize(mem, "main", len, 0)) == NULL)
		rc = SQLITE_NOMEM;
	if (rc != SQLITE_OK)
		fail(err, "%s", mem ? sqlite3_errmsg(mem) : sqlite3_errstr(rc));
	else if (*len > 19)
		(*data)[18] = (*data)[19] = 1;
	sqlite3_close(mem);
	return rc == SQLITE_OK ? 0 : -1;
}

/* Write len bytes into a file of dir that has no name (O_TMPFILE), then
 * give it the name dest, which must not exist: a copy killed half-way
 * leaves nothing behind.  Where the file system has no O_TMPFILE, a
 * named temporary file removed on failure. */
static int
write_new(const char *dest, const unsigned char *data, size_t len)
{
	char *dir = xstrdup(dest), *slash = strrchr(dir, '/'), *tmp = NULL;
	char proc[64];
	size_t off = 0;
	ssize_t n;
	int fd, rc = 0, saved;

	if (slash != NULL)
		*(slash == dir ? slash + 1 : slash) = '\0';
	fd = open(slash != NULL ? dir : ".", O_TMPFILE | O_WRONLY | O_CLOEXEC,
	    0600);
	if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR ||
	    errno == EINVAL)) {
		tmp = xasprintf("%s.XXXXXX", dest);
		fd = mkstemp(tmp);
	}
	free(dir);
	if (fd < 0) {
		free(tmp);
		return -1;
	}
	while (rc == 0 && off < len) {
		n = write(fd, data + off, len - off);
		if (n > 0)
			off += (size_t)n;
		else if (n < 0 && errno != EINTR)
			rc = -1;
	}
	if (rc == 0)
		rc = fsync(fd);
	if (rc == 0 && tmp != NULL)
		rc = link(tmp, dest);
	else if (rc == 0) {
		snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
		rc = linkat(AT_FDCWD, proc, AT_FDCWD, dest,
		    AT_SYMLINK_FOLLOW);
	}
	saved = errno;
	close(fd);
	if (tmp != NULL)
		unlink(tmp);
	free(tmp);
	errno = saved;
	return rc;
}

/* Copy the open database into the new file dest: a snapshot (above)
 * written under no name, then linked into place only if dest does not
 * exist. */
int
store_backup(struct store *s, const char *dest, char **err)
{
	unsigned char *data;
	sqlite3_int64 len;
	int rc, saved;

	if (access(dest, F_OK) == 0) {
		rc = fail_in(err, dest, _("already exists; give a new "
		    "file name"));
		errno = EEXIST;
		return rc;
	}
	if (snapshot(s, &data, &len, err) != 0)
		return -1;
	rc = write_new(dest, data, (size_t)len);
	saved = errno;
	if (rc != 0)
		rc = fail(err, "%s: %s", dest, strerror(saved));
	sqlite3_free(data);
	errno = saved;		/* EEXIST: dest appeared meanwhile */
	return rc;
}

void
store_set_backup(struct store *s, const char *dir, int keep)
{
	free(s->backup_dir);
	s->backup_dir = dir != NULL && keep > 0 ? xstrdup(dir) : NULL;
	s->backup_keep = keep;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Remove the oldest daily copies of base in dir beyond keep (their names
 * end in the date, so they sort by it). */
static void
backup_prune(const char *dir, const char *base, int keep)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL, *p;
	size_t n = 0, cap = 0, i, len = strlen(base);

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL)
		if (strncmp(e->d_name, base, len) == 0 &&
		    e->d_name[len] == '-' && strlen(e->d_name + len) == 14 &&
		    strcmp(e->d_name + len + 11, ".db") == 0) {
			v = xgrow(v, &cap, n + 1, sizeof *v);
			v[n++] = xstrdup(e->d_name);
		}
	closedir(d);
	xqsort(v, n, sizeof *v, name_cmp);
	for (i = 0; i < n; i++) {
		if (n - i > (size_t)keep) {
			p = xasprintf("%s/%s", dir, v[i]);
			unlink(p);
			free(p);
		}
		free(v[i]);
	}
	free(v);
}

/* Today's copy of the database, as it was, into dir/BASE-YYYY-MM-DD.db,
 * keeping the newest keep copies: made once a day, by the first write
 * (store_begin) or earlier (store_backup_daily).  A copy that cannot be
 * made does not stop the write; store_backup_error says why. */
void
store_backup_daily(struct store *s)
{
	const char *slash = strrchr(s->path, '/');
	const char *base = slash ? slash + 1 : s->path;
	char *dest, *stem, *err = NULL;

	if (s->backup_dir == NULL || s->backup_done || s->readonly)
		return;
	s->backup_done = true;
	stem = xstrdup(base);
	if (strlen(stem) > 3 && strcmp(stem + strlen(stem) - 3, ".db") == 0)
		stem[strlen(stem) - 3] = '\0';
	dest = xasprintf("%s/%s-%s.db", s->backup_dir, stem, today());
	if (access(dest, F_OK) != 0) {
		if (make_parent_dirs(dest, &err) == 0 &&
		    store_backup(s, dest, &err) == 0)
			backup_prune(s->backup_dir, stem, s->backup_keep);
		else if (errno == EEXIST) {	/* another one made it */
			free(err);
			err = NULL;
		}
		free(s->backup_error);
		s->backup_error = err;
		if (err != NULL && s->backup_warn != NULL)
			s->backup_warn(s->backup_warn_arg, err);
	}
	free(dest);
	free(stem);
}

const char *
store_backup_error(const struct store *s)
{
	return s->backup_error;
}

void
store_on_backup_error(struct store *s, void (*fn)(void *, const char *),
    void *arg)
{
	s->backup_warn = fn;
	s->backup_warn_arg = arg;
}

/* Rows of a checking pragma other than "ok", each a line of damage. */
static int
check_rows(struct store *s, const char *sql, FILE *out, long *damage,
    char **err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	const char *v;
	char *safe;
	int rc, i;

	if (st == NULL)
		return -1;
	while ((rc = store_step(s, st, err)) == SQLITE_ROW) {
		v = (const char *)sqlite3_column_text(st, 0);
		if (sqlite3_column_count(st) == 1 && v != NULL &&
		    strcmp(v, "ok") == 0)
			continue;
		fprintf(out, "%s: ", s->path);
		fputs(_("damage: "), out);
		for (i = 0; i < sqlite3_column_count(st); i++) {
			v = (const char *)sqlite3_column_text(st, i);
			safe = text_safe(v ? v : "NULL", false);
			fprintf(out, "%s%s", i ? " " : "", safe);
			free(safe);
		}
		fputc('\n', out);
		(*damage)++;
	}
	sqlite3_finalize(st);
	return rc < 0 ? -1 : 0;
}

/* Rows dated with --today on another day than the clock's (schema 7's
 * clock column): no damage, but an auditor must see them.  One warning
 * line each: what, its id, the day it claims and when it was written. */
static int
check_pinned(struct store *s, FILE *out, long *warnings, char **err)
{
	static const char *const what[] = {
		N_("history row"), N_("meeting"), N_("document"),
		N_("occurrence"),
	};
	sqlite3_stmt *st;
	int rc, i;

#define PINNED(n, t) "SELECT " n ", id, datetime(at, 'localtime')," \
	" datetime(clock, 'localtime') FROM " t " WHERE clock IS NOT NULL" \
	" AND date(at, 'localtime') <> date(clock, 'localtime')"
	st = store_prepare(s, PINNED("0", "history") " UNION ALL "
	    PINNED("1", "meeting") " UNION ALL " PINNED("2", "evidence")
	    " UNION ALL " PINNED("3", "tick") " ORDER BY 4", err);
#undef PINNED
	if (st == NULL)
		return -1;
	while ((rc = store_step(s, st, err)) == SQLITE_ROW) {
		i = sqlite3_column_int(st, 0);
		fputs(_("warning: "), out);
		fprintf(out, _("%s %lld is dated %s but was written %s "
		    "(--today)\n"), _(what[i & 3]),
		    (long long)sqlite3_column_int64(st, 1),
		    (const char *)sqlite3_column_text(st, 2),
		    (const char *)sqlite3_column_text(st, 3));
		(*warnings)++;
	}
	sqlite3_finalize(st);
	return rc < 0 ? -1 : 0;
}

int
store_check(struct store *s, FILE *out, long *damage, long *warnings,
    char **err)
{
	static const char *const checks[] = {
		"PRAGMA integrity_check",
		"PRAGMA foreign_key_check",
		/* The change counter is never behind a task's stamp. */
		"SELECT 'counter ' || (SELECT seq FROM counter) ||"
		" ' is behind task ' || id || ' (seq ' || seq || ')'"
		" FROM task WHERE seq > (SELECT seq FROM counter)",
		"SELECT 'counter row missing' WHERE (SELECT count(*)"
		" FROM counter) <> 1",
		"SELECT 'task ' || id || ': support is not a JSON array'"
		" FROM task WHERE NOT json_valid(support)"
		" OR json_type(support) <> 'array'",
		"SELECT 'task ' || id || ': unknown status ' || status"
		" FROM task WHERE status NOT IN"
		" ('todo', 'doing', 'done', 'blocked')",
	};
	char **f, **q, *safe;
	size_t i;

	*damage = *warnings = 0;
	for (i = 0; i < sizeof checks / sizeof checks[0]; i++)
		if (check_rows(s, checks[i], out, damage, err) != 0)
			return -1;
	/* The council's own findings (its appendix disagreeing with
	 * itself) are no damage: warnings. */
	f = strv_query(s, "SELECT file, line, message FROM finding"
	    " ORDER BY plan_id, file, line, id", 0, fmt_finding);
	for (q = f; *q != NULL; q++) {
		safe = text_safe(*q, false);
		fputs(_("warning: "), out);
		fprintf(out, "%s\n", safe);
		free(safe);
		(*warnings)++;
	}
	strv_free(f);
	return check_pinned(s, out, warnings, err);
}
