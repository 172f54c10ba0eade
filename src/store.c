/* store.c: the SQLite database — schema, migrations, queries, history.
 *
 * The only module that speaks SQL.  Every value reaches SQLite through a
 * bound parameter of a prepared statement; the few statements built with
 * snprintf carry only our own integers (PRAGMA user_version = N).
 *
 * Statements used in loops or on every board refresh are prepared once
 * and kept in struct store (enum sq); each use resets them before and
 * after, so none keeps a read transaction open between calls.
 *
 * Transactions nest: the outermost store_begin is BEGIN IMMEDIATE (the
 * write lock is taken up front, so two writers queue on the busy timeout
 * instead of failing half way), inner ones are savepoints.  Each writing
 * function wraps itself in store_begin/store_commit, so it is atomic on
 * its own and part of the caller's transaction when there is one.
 *
 * Representation choices (beyond the schema in store.h):
 *   task.support   a JSON array of role ids ('["VP-TK","TP-HT"]'), so
 *                  json_object() can embed it; the C API speaks the
 *                  comma form "VP-TK,TP-HT".
 *   task.status    the status name (CHECK constraint).
 *   history.undone 1 once store_undo reverted the row; the "undo" row
 *                  has old = the value replaced, new = the value restored.
 *   history.old_source  for "due" rows, due_source before the change, so
 *                  undo restores it as well.
 *   finding.file   the file a finding came from (re-importing one file
 *                  replaces only its findings). */
#include "config.h"
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store.h"
#include "util.h"

#define NOW "strftime('%Y-%m-%d %H:%M:%S','now')"

/* Schema steps: migrations[v] takes user_version v to v + 1.  A version 2
 * adds its ALTER TABLE/CREATE statements as the next element. */
static const char *const migrations[] = {
	/* 0 → 1 */
	"CREATE TABLE plan ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL UNIQUE,"
	" source TEXT,"
	" has_total INTEGER NOT NULL DEFAULT 0,"
	" total_standard INTEGER, total_self INTEGER,"
	" total_appraised INTEGER, total_deduction INTEGER,"
	" imported_at TEXT NOT NULL DEFAULT (" NOW "));"
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
	" origin TEXT NOT NULL"
	"  CHECK (origin IN ('appendix', 'directive', 'manual')),"
	" status TEXT NOT NULL DEFAULT 'todo'"
	"  CHECK (status IN ('todo', 'doing', 'done', 'blocked')),"
	" due TEXT, due_source TEXT, points INTEGER, target TEXT, every TEXT,"
	" created_at TEXT NOT NULL DEFAULT (" NOW "),"
	" version INTEGER NOT NULL DEFAULT 1,"
	" UNIQUE (plan_id, tkey));"
	"CREATE INDEX task_plan_role ON task(plan_id, role);"
	"CREATE INDEX task_plan_code ON task(plan_id, code);"
	"CREATE TABLE history ("
	" id INTEGER PRIMARY KEY,"
	" task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
	" at TEXT NOT NULL DEFAULT (" NOW "),"
	" user TEXT NOT NULL,"
	" kind TEXT NOT NULL CHECK (kind IN ('created', 'status', 'due',"
	"  'note', 'evidence', 'title', 'undo')),"
	" old TEXT, new TEXT,"
	" old_source TEXT,"
	" undone INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX history_task ON history(task_id);"
	"CREATE INDEX history_user ON history(user, kind);"
	"CREATE TABLE finding ("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" file TEXT, line INTEGER, code TEXT, message TEXT NOT NULL);"
	"CREATE INDEX finding_plan ON finding(plan_id, file);",
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

/* The columns of struct task, shared by store_tasks and store_task_get. */
#define TASK_COLUMNS \
	"t.id, t.version, t.tkey, t.code, t.role, t.support, t.title," \
	" t.origin, t.status, t.due, t.due_source, t.points, t.target," \
	" t.every, c.title, c.comment, c.assignee, c.standard, c.self," \
	" c.appraised, c.deduction, c.has," \
	" (SELECT count(*) FROM history h" \
	"  WHERE h.task_id = t.id AND h.kind = 'note')," \
	" (SELECT count(*) FROM history h" \
	"  WHERE h.task_id = t.id AND h.kind = 'evidence')"
#define TASK_FROM \
	" FROM task t LEFT JOIN criterion c" \
	" ON c.plan_id = t.plan_id AND c.code = t.code"
/* ?1 plan, ?2 role, ?3 status name, ?4 overdue flag, ?5 today, ?6 user. */
#define TASK_FILTER \
	" WHERE t.plan_id = ?1" \
	" AND (?2 IS NULL OR t.role = ?2)" \
	" AND (?3 IS NULL OR t.status = ?3)" \
	" AND (?4 = 0 OR (t.due < ?5 AND t.status <> 'done'))" \
	" AND (?6 IS NULL OR EXISTS (SELECT 1 FROM history u" \
	"  WHERE u.task_id = t.id AND u.user = ?6 AND u.kind <> 'created'))"
#define TASK_ORDER \
	" ORDER BY t.due IS NULL, t.due, t.points IS NULL, t.points DESC," \
	" t.code IS NULL, t.code COLLATE pbcode, t.id"

enum sq {
	SQ_DATA_VERSION,
	SQ_PLAN_UPSERT,
	SQ_PLAN_ENSURE,
	SQ_CRIT_DELETE,
	SQ_CRIT_INSERT,
	SQ_TASK_UPDATE_SPEC,
	SQ_TASK_INSERT_SPEC,
	SQ_HISTORY_INSERT,
	SQ_FINDING_DELETE,
	SQ_FINDING_INSERT,
	SQ_TASKS,
	SQ_TASK_GET,
	SQ_TASK_CURRENT,
	SQ_SET_STATUS,
	SQ_SET_DUE,
	SQ_SET_TITLE,
	SQ_BUMP,
	SQ_COUNT
};

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
	 * hand (due_source 'task') survives. */
	[SQ_TASK_UPDATE_SPEC] =
	    "UPDATE task SET code = ?3, role = ?4, support = ?5, title = ?6,"
	    " points = ?7, target = ?8, every = ?9,"
	    " due = CASE WHEN due_source = 'task' THEN due ELSE ?10 END,"
	    " due_source = CASE WHEN due_source = 'task' THEN due_source"
	    "  ELSE ?11 END,"
	    " version = version + 1"
	    " WHERE plan_id = ?1 AND tkey = ?2 AND (code IS NOT ?3"
	    " OR role IS NOT ?4 OR support IS NOT ?5 OR title IS NOT ?6"
	    " OR points IS NOT ?7 OR target IS NOT ?8 OR every IS NOT ?9"
	    " OR (due_source IS NOT 'task'"
	    "  AND (due IS NOT ?10 OR due_source IS NOT ?11)))",
	[SQ_TASK_INSERT_SPEC] =
	    "INSERT INTO task (plan_id, tkey, code, role, support, title,"
	    " origin, status, due, due_source, points, target, every,"
	    " created_at, version)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'todo', ?8, ?9, ?10, ?11,"
	    " ?12, " NOW ", 1)"
	    " ON CONFLICT (plan_id, tkey) DO NOTHING",
	[SQ_HISTORY_INSERT] =
	    "INSERT INTO history (task_id, at, user, kind, old, new,"
	    " old_source) VALUES (?1, " NOW ", ?2, ?3, ?4, ?5, ?6)",
	[SQ_FINDING_DELETE] =
	    "DELETE FROM finding WHERE plan_id = ?1 AND file IS ?2",
	[SQ_FINDING_INSERT] =
	    "INSERT INTO finding (plan_id, file, line, code, message)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)",
	[SQ_TASKS] = "SELECT " TASK_COLUMNS TASK_FROM TASK_FILTER TASK_ORDER,
	[SQ_TASK_GET] = "SELECT " TASK_COLUMNS TASK_FROM " WHERE t.id = ?1",
	[SQ_TASK_CURRENT] =
	    "SELECT version, status, due, due_source, title"
	    " FROM task WHERE id = ?1",
	[SQ_SET_STATUS] =
	    "UPDATE task SET status = ?2, version = version + 1"
	    " WHERE id = ?1",
	[SQ_SET_DUE] =
	    "UPDATE task SET due = ?2, due_source = ?3,"
	    " version = version + 1 WHERE id = ?1",
	[SQ_SET_TITLE] =
	    "UPDATE task SET title = ?2, version = version + 1"
	    " WHERE id = ?1",
	[SQ_BUMP] = "UPDATE task SET version = version + 1 WHERE id = ?1",
};

struct store {
	sqlite3 *db;
	char *path;
	bool readonly;
	int depth;		/* store_begin nesting */
	sqlite3_stmt *st[SQ_COUNT];
};

/* --- statuses -------------------------------------------------------- */

static const char *const status_names[STATUS_COUNT] = {
	"todo", "doing", "done", "blocked",
};
static const char *const status_labels[STATUS_COUNT] = {
	"Chưa làm", "Đang làm", "Hoàn thành", "Vướng mắc",
};

const char *
status_name(enum status st)
{
	return (unsigned)st < STATUS_COUNT ? status_names[st] : "todo";
}

const char *
status_label(enum status st)
{
	return (unsigned)st < STATUS_COUNT ? status_labels[st] : "?";
}

bool
status_parse(const char *s, enum status *out)
{
	char *f, *g;
	bool found = false;
	int i;

	if (s == NULL)
		return false;
	f = text_fold(s);
	for (i = 0; i < STATUS_COUNT && !found; i++) {
		g = text_fold(status_labels[i]);
		if (strcmp(f, status_names[i]) == 0 || strcmp(f, g) == 0) {
			*out = (enum status)i;
			found = true;
		}
		free(g);
	}
	free(f);
	return found;
}

static enum status
status_from_name(const char *s)
{
	int i;

	for (i = 0; s != NULL && i < STATUS_COUNT; i++)
		if (strcmp(s, status_names[i]) == 0)
			return (enum status)i;
	return STATUS_TODO;
}

/* --- errors and statement helpers ------------------------------------ */

/* The message for the connection's last error, named after the file. */
static int
dberr(struct store *s, char **err)
{
	int rc = sqlite3_extended_errcode(s->db);

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return fail(err, "%s: database is locked (another parboard is "
		    "writing); try again", s->path);
	case SQLITE_READONLY:
		return fail(err, "%s: database is read-only", s->path);
	case SQLITE_NOTADB:
		return fail(err, "%s: not a parboard database (%s)", s->path,
		    sqlite3_errmsg(s->db));
	}
	if (rc == SQLITE_CANTOPEN && s->readonly)
		return fail(err, "%s: database is read-only", s->path);
	return fail(err, "%s: %s", s->path, sqlite3_errmsg(s->db));
}

/* Run constant SQL (schema, transaction control): never user values. */
static int
exec(struct store *s, const char *sql, char **err)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return dberr(s, err);
	return 0;
}

/* A cached statement, reset and with no bindings. */
static sqlite3_stmt *
sq(struct store *s, enum sq which, char **err)
{
	sqlite3_stmt *st = s->st[which];

	if (st == NULL) {
		if (sqlite3_prepare_v3(s->db, sq_text[which], -1,
		    SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
			dberr(s, err);
			return NULL;
		}
		s->st[which] = st;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

/* A one-off statement (finalize it). */
static sqlite3_stmt *
prepare(struct store *s, const char *sql, char **err)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		dberr(s, err);
		return NULL;
	}
	return st;
}

/* Step: SQLITE_ROW or SQLITE_DONE, or -1 with *err (statement reset). */
static int
step(struct store *s, sqlite3_stmt *st, char **err)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	dberr(s, err);
	sqlite3_reset(st);
	return -1;
}

/* Step a statement that returns no rows, then reset it. */
static int
run(struct store *s, sqlite3_stmt *st, char **err)
{
	int rc = step(s, st, err);

	sqlite3_reset(st);
	return rc < 0 ? -1 : 0;
}

static void
bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

static void
bind_score(sqlite3_stmt *st, int i, bool has, score v)
{
	if (has)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

static char *
col_str(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);

	return v == NULL ? NULL : xstrdup((const char *)v);
}

static bool
str_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* --- support: comma form in C, JSON array in the database ------------ */

static char *
support_json(const char *csv)
{
	struct buf b = { 0 };
	const char *p = csv, *e;
	bool first = true;

	buf_addc(&b, '[');
	while (p != NULL && *p != '\0') {
		while (*p == ',' || isspace((unsigned char)*p))
			p++;
		for (e = p; *e != '\0' && *e != ','; e++)
			;
		while (e > p && isspace((unsigned char)e[-1]))
			e--;
		if (e > p) {
			buf_adds(&b, first ? "\"" : ",\"");
			for (; p < e; p++) {
				if (*p == '"' || *p == '\\')
					buf_addc(&b, '\\');
				if ((unsigned char)*p < 0x20)
					buf_addf(&b, "\\u%04x", *p);
				else
					buf_addc(&b, *p);
			}
			buf_addc(&b, '"');
			first = false;
		}
		while (*p != '\0' && *p != ',')
			p++;
	}
	buf_addc(&b, ']');
	return buf_take(&b);
}

static int
hexval(char c)
{
	return isdigit((unsigned char)c) ? c - '0' :
	    tolower((unsigned char)c) - 'a' + 10;
}

/* The JSON array written by support_json back to "A,B". */
static char *
support_csv(const char *json)
{
	struct buf b = { 0 };
	const char *p;
	bool in = false;

	for (p = json; p != NULL && *p != '\0'; p++) {
		if (!in) {
			if (*p == '"') {
				if (b.len > 0)
					buf_addc(&b, ',');
				in = true;
			}
			continue;
		}
		if (*p == '"') {
			in = false;
		} else if (*p == '\\' && p[1] != '\0') {
			/* Only what support_json writes: \" \\ \u00XX. */
			p++;
			if (*p == 'u' && p[1] != '\0' && p[2] != '\0' &&
			    isxdigit((unsigned char)p[3]) &&
			    isxdigit((unsigned char)p[4])) {
				buf_addc(&b, (char)(hexval(p[3]) * 16 +
				    hexval(p[4])));
				p += 4;
			} else
				buf_addc(&b, *p);
		} else
			buf_addc(&b, *p);
	}
	return buf_take(&b);
}

/* --- criterion codes sort as numbers: 1.9 before 1.10 ---------------- */

static int
code_collate(void *arg, int na, const void *va, int nb, const void *vb)
{
	const unsigned char *a = va, *b = vb, *ea = a + na, *eb = b + nb;
	unsigned long x, y;

	(void)arg;
	while (a < ea && b < eb) {
		if (isdigit(*a) && isdigit(*b)) {
			for (x = 0; a < ea && isdigit(*a); a++)
				x = x * 10 + (unsigned long)(*a - '0');
			for (y = 0; b < eb && isdigit(*b); b++)
				y = y * 10 + (unsigned long)(*b - '0');
			if (x != y)
				return x < y ? -1 : 1;
			continue;
		}
		if (*a != *b)
			return *a < *b ? -1 : 1;
		a++;
		b++;
	}
	return (a < ea) - (b < eb);
}

/* --- opening and migrating ------------------------------------------- */

static int
pragma_int(struct store *s, const char *sql, long *out, char **err)
{
	sqlite3_stmt *st = prepare(s, sql, err);
	int rc;

	if (st == NULL)
		return -1;
	rc = step(s, st, err);
	if (rc == SQLITE_ROW)
		*out = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc < 0 ? -1 : 0;
}

/* Bring the schema to SCHEMA_VERSION, one step per version. */
static int
migrate(struct store *s, char **err)
{
	long version, ntables;
	char sql[64];

	if (pragma_int(s, "PRAGMA user_version", &version, err) != 0)
		return -1;
	if (version == SCHEMA_VERSION)
		return 0;
	if (version > SCHEMA_VERSION)
		return fail(err, "%s: database schema %ld is newer than this "
		    "parboard (%d); upgrade parboard", s->path, version,
		    SCHEMA_VERSION);
	if (s->readonly)
		return fail(err, "%s: database is read-only (and needs %s)",
		    s->path, version == 0 ? "creating" : "upgrading");
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
			fail(err, "%s: not a parboard database (it has "
			    "other tables)", s->path);
			goto fail;
		}
	}
	for (; version < SCHEMA_VERSION; version++) {
		if (exec(s, migrations[version], err) != 0)
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
	ok = access(slash != NULL ? dir : ".", W_OK) == 0;
	free(dir);
	return ok;
}

int
store_open(const char *path, bool create, struct store **out, char **err)
{
	struct store *s;
	struct stat sb;
	long version;
	int flags;

	*out = NULL;
	if (stat(path, &sb) != 0) {
		if (errno != ENOENT)
			return fail(err, "%s: %s", path, strerror(errno));
		if (!create)
			return fail(err, "%s: no such database (import an "
			    "appendix first: parboard import FILE)", path);
		if (make_parent_dirs(path, err) != 0)
			return -1;
	} else if (S_ISDIR(sb.st_mode))
		return fail(err, "%s: is a directory, not a database", path);

	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	/* Without write access to the file or to its directory (where the
	 * WAL and shared-memory files live) open for reading only. */
	s->readonly = access(path, F_OK) == 0 &&
	    (access(path, W_OK) != 0 || !dir_writable(path));
	flags = s->readonly ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK &&
	    !s->readonly && access(path, F_OK) == 0) {
		sqlite3_close(s->db);
		s->db = NULL;
		s->readonly = true;
		sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READONLY, NULL);
	}
	if (s->db == NULL || sqlite3_errcode(s->db) != SQLITE_OK) {
		if (s->db == NULL)
			fail(err, "%s: cannot open database", path);
		else
			dberr(s, err);
		store_close(s);
		return -1;
	}
	if (sqlite3_db_readonly(s->db, "main") == 1)
		s->readonly = true;
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, 5000);
	sqlite3_create_collation_v2(s->db, "pbcode", SQLITE_UTF8, NULL,
	    code_collate, NULL);

	/* The first read tells a file that is not SQLite at all. */
	if (pragma_int(s, "PRAGMA user_version", &version, err) != 0 ||
	    exec(s, "PRAGMA foreign_keys = ON", err) != 0) {
		store_close(s);
		return -1;
	}
	/* Read-only media cannot switch journal mode: not fatal. */
	if (!s->readonly)
		sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL, NULL,
		    NULL);
	if (migrate(s, err) != 0) {
		store_close(s);
		return -1;
	}
	*out = s;
	return 0;
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
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

bool
store_readonly(const struct store *s)
{
	return s->readonly;
}

/* --- transactions ---------------------------------------------------- */

int
store_begin(struct store *s, char **err)
{
	if (s->readonly)
		return fail(err, "%s: database is read-only", s->path);
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

long
store_data_version(struct store *s)
{
	sqlite3_stmt *st = sq(s, SQ_DATA_VERSION, NULL);
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

	if ((st = sq(s, SQ_CRIT_DELETE, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	if (run(s, st, err) != 0)
		return -1;
	if ((st = sq(s, SQ_CRIT_INSERT, err)) == NULL)
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
		if (run(s, st, err) != 0)
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
		if ((st = sq(s, SQ_PLAN_ENSURE, err)) == NULL)
			goto fail;
		bind_text(st, 1, name);
		bind_text(st, 2, a->file);
	} else {
		if ((st = sq(s, SQ_PLAN_UPSERT, err)) == NULL)
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
	if ((rc = step(s, st, err)) < 0)
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

static int
add_history(struct store *s, long task_id, const char *user,
    const char *kind, const char *old, const char *new,
    const char *old_source, char **err)
{
	sqlite3_stmt *st = sq(s, SQ_HISTORY_INSERT, err);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	bind_text(st, 2, user != NULL ? user : current_user());
	bind_text(st, 3, kind);
	bind_text(st, 4, old);
	bind_text(st, 5, new);
	bind_text(st, 6, old_source);
	return run(s, st, err);
}

/* One derived task: update it if known and different, else insert it.
 * *what: 0 unchanged, 1 added, 2 updated. */
static int
save_spec(struct store *s, long plan_id, const struct task_spec *t,
    int *what, char **err)
{
	sqlite3_stmt *st;
	char *support = support_json(t->support);
	const char *code = t->code != NULL && *t->code != '\0' ? t->code :
	    NULL;
	long id;

	*what = 0;
	if ((st = sq(s, SQ_TASK_UPDATE_SPEC, err)) == NULL)
		goto fail;
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
	if (run(s, st, err) != 0)
		goto fail;
	if (sqlite3_changes(s->db) > 0) {
		*what = 2;
		free(support);
		return 0;
	}
	if ((st = sq(s, SQ_TASK_INSERT_SPEC, err)) == NULL)
		goto fail;
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
	if (run(s, st, err) != 0)
		goto fail;
	free(support);
	if (sqlite3_changes(s->db) == 0)
		return 0;	/* known and unchanged */
	id = (long)sqlite3_last_insert_rowid(s->db);
	*what = 1;
	return add_history(s, id, NULL, "created", NULL,
	    origin_name(t->origin), NULL, err);
fail:
	free(support);
	return -1;
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
	if ((st = sq(s, SQ_FINDING_DELETE, err)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, file);
	if (run(s, st, err) != 0)
		goto fail;
	if ((st = sq(s, SQ_FINDING_INSERT, err)) == NULL)
		goto fail;
	for (i = 0; i < d->nfindings; i++) {
		f = &d->findings[i];
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, plan_id);
		bind_text(st, 2, file);
		sqlite3_bind_int(st, 3, f->line);
		bind_text(st, 4, f->code);
		bind_text(st, 5, f->message != NULL ? f->message : "");
		if (run(s, st, err) != 0)
			goto fail;
	}
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

/* --- reading --------------------------------------------------------- */

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
	    " ORDER BY imported_at DESC, id DESC LIMIT 1");
	st = prepare(s, sql, err);
	free(sql);
	if (st == NULL)
		return -1;
	bind_text(st, 1, name);
	rc = step(s, st, err);
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

void
plan_clear(struct plan *p)
{
	free(p->name);
	free(p->source);
	free(p->imported_at);
	memset(p, 0, sizeof *p);
}

/* Column 0 of every row as a NULL-terminated list (empty on error). */
static char **
strv_query(struct store *s, const char *sql, long plan_id,
    char *(*fmt)(sqlite3_stmt *))
{
	sqlite3_stmt *st = prepare(s, sql, NULL);
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

static void
bind_filter(sqlite3_stmt *st, long plan_id, const struct filter *f)
{
	sqlite3_bind_int64(st, 1, plan_id);
	if (f == NULL) {
		sqlite3_bind_int(st, 4, 0);
		return;
	}
	bind_text(st, 2, f->role);
	bind_text(st, 3, f->status >= 0 && f->status < STATUS_COUNT ?
	    status_name((enum status)f->status) : NULL);
	sqlite3_bind_int(st, 4, f->overdue);
	bind_text(st, 5, today());
	bind_text(st, 6, f->user);
}

/* A row of TASK_COLUMNS into t. */
static void
read_task(sqlite3_stmt *st, struct task *t)
{
	char *support;

	memset(t, 0, sizeof *t);
	t->id = (long)sqlite3_column_int64(st, 0);
	t->version = (long)sqlite3_column_int64(st, 1);
	t->key = col_str(st, 2);
	t->code = col_str(st, 3);
	t->role = col_str(st, 4);
	support = col_str(st, 5);
	t->support = support_csv(support);
	free(support);
	t->title = col_str(st, 6);
	t->origin = col_str(st, 7);
	t->status = status_from_name((const char *)sqlite3_column_text(st,
	    8));
	t->due = col_str(st, 9);
	t->due_source = col_str(st, 10);
	t->has_points = sqlite3_column_type(st, 11) != SQLITE_NULL;
	t->points = sqlite3_column_int64(st, 11);
	t->target = col_str(st, 12);
	t->every = col_str(st, 13);
	t->crit_title = col_str(st, 14);
	t->comment = col_str(st, 15);
	t->assignee = col_str(st, 16);
	t->standard = sqlite3_column_int64(st, 17);
	t->self = sqlite3_column_int64(st, 18);
	t->appraised = sqlite3_column_int64(st, 19);
	t->deduction = sqlite3_column_int64(st, 20);
	t->has = (unsigned)sqlite3_column_int(st, 21);
	t->nnotes = sqlite3_column_int(st, 22);
	t->nevidence = sqlite3_column_int(st, 23);
}

int
store_tasks(struct store *s, long plan_id, const struct filter *f,
    struct task **out, size_t *n, char **err)
{
	sqlite3_stmt *st = sq(s, SQ_TASKS, err);
	struct task *v = NULL;
	size_t cnt = 0, cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	bind_filter(st, plan_id, f);
	while ((rc = step(s, st, err)) == SQLITE_ROW) {
		v = xgrow(v, &cap, cnt + 1, sizeof *v);
		read_task(st, &v[cnt++]);
	}
	sqlite3_reset(st);
	if (rc < 0) {
		tasks_free(v, cnt);
		return -1;
	}
	*out = v;
	*n = cnt;
	return 0;
}

int
store_task_get(struct store *s, long task_id, struct task *out, char **err)
{
	sqlite3_stmt *st = sq(s, SQ_TASK_GET, err);
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	rc = step(s, st, err);
	if (rc == SQLITE_ROW)
		read_task(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return fail(err, "task %ld not found", task_id);
	return rc < 0 ? -1 : 0;
}

void
task_clear(struct task *t)
{
	free(t->key);
	free(t->code);
	free(t->role);
	free(t->support);
	free(t->title);
	free(t->origin);
	free(t->due);
	free(t->due_source);
	free(t->target);
	free(t->every);
	free(t->crit_title);
	free(t->comment);
	free(t->assignee);
	memset(t, 0, sizeof *t);
}

void
tasks_free(struct task *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		task_clear(&t[i]);
	free(t);
}

int
store_task_find(struct store *s, long plan_id, const char *spec,
    long *task_id, char **err)
{
	sqlite3_stmt *st;
	const char *slash, *p;
	char *code;
	int rc;

	for (p = spec; isdigit((unsigned char)*p); p++)
		;
	if (p > spec && *p == '\0' && p - spec < 18) {
		st = prepare(s, "SELECT id FROM task WHERE id = ?1"
		    " AND plan_id = ?2", err);
		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, strtoll(spec, NULL, 10));
	} else {
		if ((slash = strrchr(spec, '/')) == NULL || slash == spec ||
		    slash[1] == '\0')
			return 1;
		st = prepare(s, "SELECT id FROM task WHERE plan_id = ?2"
		    " AND code = ?1 AND role = ?3 COLLATE NOCASE"
		    " ORDER BY origin <> 'appendix', id LIMIT 1", err);
		if (st == NULL)
			return -1;
		code = xstrndup(spec, (size_t)(slash - spec));
		bind_text(st, 1, code);
		free(code);
		bind_text(st, 3, slash + 1);
	}
	sqlite3_bind_int64(st, 2, plan_id);
	rc = step(s, st, err);
	if (rc == SQLITE_ROW)
		*task_id = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;
	return rc == SQLITE_ROW ? 0 : 1;
}

static void
read_history(sqlite3_stmt *st, int i, struct history *h)
{
	h->id = (long)sqlite3_column_int64(st, i);
	h->at = col_str(st, i + 1);
	h->user = col_str(st, i + 2);
	h->kind = col_str(st, i + 3);
	h->old = col_str(st, i + 4);
	h->new = col_str(st, i + 5);
}

static void
history_clear(struct history *h)
{
	free(h->at);
	free(h->user);
	free(h->kind);
	free(h->old);
	free(h->new);
}

int
store_history(struct store *s, long task_id, struct history **out,
    size_t *n, char **err)
{
	sqlite3_stmt *st;
	struct history *v = NULL;
	size_t cnt = 0, cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	st = prepare(s, "SELECT id, at, user, kind, old, new FROM history"
	    " WHERE task_id = ?1 ORDER BY id", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	while ((rc = step(s, st, err)) == SQLITE_ROW) {
		v = xgrow(v, &cap, cnt + 1, sizeof *v);
		read_history(st, 0, &v[cnt++]);
	}
	sqlite3_finalize(st);
	if (rc < 0) {
		history_free(v, cnt);
		return -1;
	}
	*out = v;
	*n = cnt;
	return 0;
}

void
history_free(struct history *h, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		history_clear(&h[i]);
	free(h);
}

int
store_changes(struct store *s, long plan_id, const char *since,
    struct change **out, size_t *n, char **err)
{
	sqlite3_stmt *st;
	struct change *v = NULL, *c;
	size_t cnt = 0, cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	st = prepare(s, "SELECT h.id, h.at, h.user, h.kind, h.old, h.new,"
	    " t.id, t.code, t.role, t.title"
	    " FROM history h JOIN task t ON t.id = h.task_id"
	    " WHERE t.plan_id = ?1 AND (?2 IS NULL OR h.at >= ?2)"
	    " ORDER BY h.at, h.id", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, since);
	while ((rc = step(s, st, err)) == SQLITE_ROW) {
		v = xgrow(v, &cap, cnt + 1, sizeof *v);
		c = &v[cnt++];
		read_history(st, 0, &c->h);
		c->task_id = (long)sqlite3_column_int64(st, 6);
		c->code = col_str(st, 7);
		c->role = col_str(st, 8);
		c->title = col_str(st, 9);
	}
	sqlite3_finalize(st);
	if (rc < 0) {
		changes_free(v, cnt);
		return -1;
	}
	*out = v;
	*n = cnt;
	return 0;
}

void
changes_free(struct change *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		history_clear(&c[i].h);
		free(c[i].code);
		free(c[i].role);
		free(c[i].title);
	}
	free(c);
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

char **
store_findings(struct store *s, long plan_id)
{
	return strv_query(s, "SELECT file, line, message FROM finding"
	    " WHERE plan_id = ?1 ORDER BY file, line, id", plan_id,
	    fmt_finding);
}

/* Points belong to criteria (DESIGN.md): every appendix task of a
 * criterion carries the criterion's standard - appraised, so a criterion
 * counts once (max, not sum, should derive ever give it two owners), and
 * it is recovered when every task linked to its code is done, whatever
 * their origin. */
int
store_points(struct store *s, long plan_id, score *recovered,
    score *at_stake, char **err)
{
	sqlite3_stmt *st;
	int rc;

	st = prepare(s, "WITH crit AS (SELECT code, max(points) AS pts"
	    "  FROM task WHERE plan_id = ?1 AND code IS NOT NULL"
	    "  AND points IS NOT NULL GROUP BY code)"
	    " SELECT coalesce(sum(pts), 0),"
	    "  coalesce(sum(CASE WHEN NOT EXISTS (SELECT 1 FROM task o"
	    "   WHERE o.plan_id = ?1 AND o.code = crit.code"
	    "   AND o.status <> 'done') THEN pts END), 0)"
	    " FROM crit", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	rc = step(s, st, err);
	if (rc == SQLITE_ROW) {
		if (at_stake != NULL)
			*at_stake = sqlite3_column_int64(st, 0);
		if (recovered != NULL)
			*recovered = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc < 0 ? -1 : 0;
}

/* --- changes --------------------------------------------------------- */

/* Current values of a task inside a write transaction. */
struct current {
	long version;
	char *status, *due, *due_source, *title;
};

static void
current_clear(struct current *c)
{
	free(c->status);
	free(c->due);
	free(c->due_source);
	free(c->title);
}

/* 0 found, 1 not found (with *err), -1 error. */
static int
read_current(struct store *s, long task_id, struct current *c, char **err)
{
	sqlite3_stmt *st = sq(s, SQ_TASK_CURRENT, err);
	int rc;

	memset(c, 0, sizeof *c);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	rc = step(s, st, err);
	if (rc == SQLITE_ROW) {
		c->version = (long)sqlite3_column_int64(st, 0);
		c->status = col_str(st, 1);
		c->due = col_str(st, 2);
		c->due_source = col_str(st, 3);
		c->title = col_str(st, 4);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE) {
		fail(err, "task %ld not found", task_id);
		return 1;
	}
	return rc < 0 ? -1 : 0;
}

static int
bump(struct store *s, long task_id, char **err)
{
	sqlite3_stmt *st = sq(s, SQ_BUMP, err);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	return run(s, st, err);
}

/* Write one field; sets the values and the history row's old value. */
static int
set_field(struct store *s, long task_id, const char *kind, const char *v,
    const char *due_source, char **err)
{
	sqlite3_stmt *st;
	enum sq which = SQ_SET_TITLE;

	if (strcmp(kind, "status") == 0)
		which = SQ_SET_STATUS;
	else if (strcmp(kind, "due") == 0)
		which = SQ_SET_DUE;
	if ((st = sq(s, which, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	bind_text(st, 2, v);
	if (which == SQ_SET_DUE)
		bind_text(st, 3, due_source);
	return run(s, st, err);
}

static bool
blank(const char *s)
{
	while (s != NULL && isspace((unsigned char)*s))
		s++;
	return s == NULL || *s == '\0';
}

int
store_task_set(struct store *s, long task_id, long expected_version,
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
		return fail(err, "nothing to change");
	if (strcmp(kind, "status") == 0) {
		if (!status_parse(value, &stv))
			return fail(err, "%s: not a status (todo, doing, "
			    "done, blocked)", value);
		v = status_name(stv);
	} else if (strcmp(kind, "due") == 0) {
		if (!text_parse_date(value, iso))
			return fail(err, "%s: not a date (dd/mm/yyyy or "
			    "YYYY-MM-DD)", value);
		v = iso;
	} else if (strcmp(kind, "title") == 0) {
		if (blank(value))
			return fail(err, "a task needs a title");
		v = value;
	} else
		return fail(err, "%s: cannot change this (status, due, "
		    "title)", kind);
	if (user == NULL)
		user = current_user();

	if (store_begin(s, err) != 0)
		return -1;
	if ((rc = read_current(s, task_id, &c, err)) != 0)
		goto fail;
	if (expected_version >= 0 && c.version != expected_version) {
		fail(err, "task %ld was changed by someone else; reloaded",
		    task_id);
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
	    add_history(s, task_id, user, kind, old, v,
	    strcmp(kind, "due") == 0 ? c.due_source : NULL, err) != 0))
		goto fail;
	if (!blank(note)) {
		if (add_history(s, task_id, user, "note", NULL, note, NULL,
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
store_task_note(struct store *s, long task_id, const char *kind,
    const char *text, const char *user, char **err)
{
	if (kind == NULL || (strcmp(kind, "note") != 0 &&
	    strcmp(kind, "evidence") != 0))
		return fail(err, "%s: not a note kind (note, evidence)",
		    kind != NULL ? kind : "(null)");
	if (blank(text))
		return fail(err, "empty %s", kind);
	if (store_begin(s, err) != 0)
		return -1;
	if (bump(s, task_id, err) != 0)
		goto fail;
	if (sqlite3_changes(s->db) == 0) {
		fail(err, "task %ld not found", task_id);
		goto fail;
	}
	if (add_history(s, task_id, user, kind, NULL, text, NULL, err) != 0)
		goto fail;
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

int
store_task_add(struct store *s, long plan_id, const char *role,
    const char *code, const char *title, const char *due,
    const char *user, long *task_id, char **err)
{
	sqlite3_stmt *st;
	char iso[11];
	long id;

	if (blank(role))
		return fail(err, "a task needs a role");
	if (blank(title))
		return fail(err, "a task needs a title");
	if (due != NULL && *due != '\0' && !text_parse_date(due, iso))
		return fail(err, "%s: not a date (dd/mm/yyyy or YYYY-MM-DD)",
		    due);
	if (store_begin(s, err) != 0)
		return -1;
	/* The key only has to be unique and never collide with derived
	 * keys ("A:", "D:"): "M:" and random hex, fixed to the id below. */
	st = prepare(s, "INSERT INTO task (plan_id, tkey, code, role, title,"
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
	if (step(s, st, err) < 0) {
		sqlite3_finalize(st);
		goto fail;
	}
	sqlite3_finalize(st);
	id = (long)sqlite3_last_insert_rowid(s->db);
	if (add_history(s, id, user, "created", NULL, "manual", NULL,
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

/* The newest status or due change of user in the plan that is not undone
 * yet is reverted, if the task still holds the value that change wrote:
 * undoing over someone else's later change would silently lose theirs. */
int
store_undo(struct store *s, long plan_id, const char *user, char **what,
    char **err)
{
	sqlite3_stmt *st;
	long hid, task_id;
	char *kind = NULL, *old = NULL, *new = NULL, *old_source = NULL;
	char *code = NULL, *role = NULL;
	struct current c = { 0 };
	const char *now;
	int rc;

	if (what != NULL)
		*what = NULL;
	if (user == NULL)
		user = current_user();
	if (store_begin(s, err) != 0)
		return -1;
	st = prepare(s, "SELECT h.id, h.task_id, h.kind, h.old, h.new,"
	    " h.old_source, t.code, t.role"
	    " FROM history h JOIN task t ON t.id = h.task_id"
	    " WHERE t.plan_id = ?1 AND h.user = ?2"
	    " AND h.kind IN ('status', 'due') AND h.undone = 0"
	    " ORDER BY h.id DESC LIMIT 1", err);
	if (st == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, user);
	rc = step(s, st, err);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc < 0)
			goto fail;
		store_rollback(s);
		return 1;
	}
	hid = (long)sqlite3_column_int64(st, 0);
	task_id = (long)sqlite3_column_int64(st, 1);
	kind = col_str(st, 2);
	old = col_str(st, 3);
	new = col_str(st, 4);
	old_source = col_str(st, 5);
	code = col_str(st, 6);
	role = col_str(st, 7);
	sqlite3_finalize(st);

	if (read_current(s, task_id, &c, err) != 0)
		goto fail;
	now = strcmp(kind, "status") == 0 ? c.status : c.due;
	if (!str_eq(now, new)) {
		fail(err, "task %ld changed since; nothing undone", task_id);
		goto fail;
	}
	if (set_field(s, task_id, kind, old, old_source, err) != 0 ||
	    add_history(s, task_id, user, "undo", new, old, NULL, err) != 0)
		goto fail;
	st = prepare(s, "UPDATE history SET undone = 1 WHERE id = ?1", err);
	if (st == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, hid);
	rc = run(s, st, err);
	sqlite3_finalize(st);
	if (rc != 0 || store_commit(s, err) != 0)
		goto fail;
	if (what != NULL)
		*what = xasprintf("task %ld (%s/%s): %s %s → %s", task_id,
		    code != NULL ? code : "-", role, kind,
		    new != NULL ? new : "-", old != NULL ? old : "-");
	rc = 0;
	goto out;
fail:
	store_rollback(s);
	rc = -1;
out:
	current_clear(&c);
	free(kind);
	free(old);
	free(new);
	free(old_source);
	free(code);
	free(role);
	return rc;
}

/* --- JSON through SQLite's own functions ----------------------------- */

int
store_tasks_json(struct store *s, long plan_id, const struct filter *f,
    FILE *out, char **err)
{
	sqlite3_stmt *st;
	int rc;

	/* json(o): a JSON value loses its subtype across the subquery. */
	st = prepare(s, "SELECT json_group_array(json(o)) FROM"
	    " (SELECT json_object("
	    "  'id', t.id, 'code', t.code, 'role', t.role,"
	    "  'support', json(t.support), 'title', t.title,"
	    "  'status', t.status,"
	    "  'status_label', CASE t.status WHEN 'todo' THEN ?7"
	    "   WHEN 'doing' THEN ?8 WHEN 'done' THEN ?9 ELSE ?10 END,"
	    "  'due', t.due, 'due_source', t.due_source,"
	    "  'points', t.points / 1000.0, 'origin', t.origin,"
	    "  'target', t.target, 'every', t.every,"
	    "  'notes', (SELECT count(*) FROM history h"
	    "   WHERE h.task_id = t.id AND h.kind = 'note'),"
	    "  'evidence', (SELECT count(*) FROM history h"
	    "   WHERE h.task_id = t.id AND h.kind = 'evidence')) AS o"
	    " FROM task t" TASK_FILTER TASK_ORDER ")", err);
	if (st == NULL)
		return -1;
	bind_filter(st, plan_id, f);
	bind_text(st, 7, status_label(STATUS_TODO));
	bind_text(st, 8, status_label(STATUS_DOING));
	bind_text(st, 9, status_label(STATUS_DONE));
	bind_text(st, 10, status_label(STATUS_BLOCKED));
	rc = step(s, st, err);
	if (rc == SQLITE_ROW) {
		fputs((const char *)sqlite3_column_text(st, 0), out);
		fputc('\n', out);
	}
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;
	if (ferror(out))
		return fail(err, "writing JSON: %s", strerror(errno));
	return 0;
}
