/* SPDX-License-Identifier: ISC */
/* store_open.c: opening the database and closing it — the checks before
 * SQLite sees the file, the connection (read-only when it must be), the
 * functions and collation our SQL uses, the journal, the migrations —
 * and store_close.  The statements, errors and transactions are in
 * store.c. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "date.h"
#include "filemode.h"
#include "i18n.h"
#include "store.h"
#include "store_impl.h"
#include "text.h"
#include "util.h"

/* --- criterion codes sort as numbers: 1.9 before 1.10 ---------------- */

/* The pbcode collation: criterion codes in their natural order. */
static int
code_collate(void *arg, int na, const void *va, int nb, const void *vb)
{
	(void)arg;
	return text_code_cmpn(va, (size_t)na, vb, (size_t)nb);
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

/* Two integers of a row into the longs at elem. */
static bool
read_counts(sqlite3_stmt *st, void *elem, void *arg)
{
	long *v = elem;

	(void)arg;
	v[0] = (long)sqlite3_column_int64(st, 0);
	v[1] = (long)sqlite3_column_int64(st, 1);
	return true;
}

/* Before anything is written: a database with tables but not ours (no
 * plan and task tables, or tables and no schema version) is another
 * program's, and is left exactly as it is. */
static int
check_ours(struct store *s, long version, char **err)
{
	sqlite3_stmt *st;
	long count[2] = { 0, 0 };	/* tables, and ours of them */

	/* One read of the table list for both counts. */
	st = store_prepare(s, "SELECT count(*), coalesce(sum(name = 'plan'"
	    " OR name = 'task'), 0) FROM sqlite_master WHERE type = 'table'",
	    err);
	if (st == NULL || store_row(s, st, read_counts, count, NULL, err) < 0)
		return -1;
	if (count[0] > 0 && (version == 0 || count[1] != 2))
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

/* A store for path, not yet connected: read-only without write access
 * to the file or to its directory (where the WAL and shared-memory
 * files live). */
static struct store *
store_new(const char *path)
{
	struct store *s = xcalloc(1, sizeof *s);

	s->path = xstrdup(path);
	s->shm_fd = -1;
	s->busy_ms = store_busy_ms();
	s->readonly = access(path, F_OK) == 0 &&
	    (faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0 ||
	    !dir_writable(path));
	return s;
}

/* Open the connection, for reading only when writing fails on a file
 * that exists. */
static int
db_connect(struct store *s, bool create, char **err)
{
	int flags;

	/* One thread uses a connection: without its mutex, every
	 * sqlite3_step() and sqlite3_column_*() skips a lock and an
	 * unlock (a tenth of reading 10 000 tasks). */
	flags = SQLITE_OPEN_NOMUTEX | (s->readonly ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0));
	if (sqlite3_open_v2(s->path, &s->db, flags, NULL) != SQLITE_OK &&
	    !s->readonly && access(s->path, F_OK) == 0) {
		sqlite3_close(s->db);
		s->db = NULL;
		s->readonly = true;
		sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_NOMUTEX, NULL);
	}
	if (s->db == NULL)
		return store_fail_in(err, s->path, _("cannot open database"));
	if (sqlite3_errcode(s->db) != SQLITE_OK)
		return store_dberr(s, err);
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
	return 0;
}

/* The schema version in *version, once the file is known to be SQLite
 * and ours; foreign keys on. */
static int
db_check(struct store *s, long *version, char **err)
{
	int code;

	/* The first read tells a file that is not SQLite at all. */
	if (s->readonly && store_pragma_int(s, "PRAGMA user_version", version,
	    NULL) != 0) {
		code = sqlite3_errcode(s->db) & 0xff;
		if (code == SQLITE_CANTOPEN || code == SQLITE_READONLY)
			reopen_immutable(s);
	}
	if (store_pragma_int(s, "PRAGMA user_version", version, err) != 0 ||
	    check_ours(s, *version, err) != 0 ||
	    store_exec(s, "PRAGMA foreign_keys = ON", err) != 0)
		return -1;
	return 0;
}

/* The journal of a writable database.  Read-only media cannot switch
 * journal mode: not fatal.  In WAL, FULL syncs the log on every commit:
 * a change acknowledged is a change kept, even through a power cut. */
static void
db_journal(struct store *s)
{
	if (s->readonly)
		return;
	sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
	sqlite3_exec(s->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
	/* With the log kept (PERSIST_WAL, db_connect), a size limit makes
	 * the last connection's checkpoint empty it: the next start has
	 * no old log to scan.  4 MB is about the log of SQLite's
	 * 1000-page automatic checkpoint. */
	sqlite3_exec(s->db, "PRAGMA journal_size_limit = 4194304", NULL,
	    NULL, NULL);
}

static int
store_open_path(const char *path, bool create, struct store **out,
    char **err)
{
	struct store *s;
	long version;

	if (check_path(path, create, err) != 0)
		return -1;
	s = store_new(path);
	if (db_connect(s, create, err) != 0 ||
	    db_check(s, &version, err) != 0) {
		store_close(s);
		return -1;
	}
	db_journal(s);
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
