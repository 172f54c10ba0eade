/* SPDX-License-Identifier: ISC */
/* store_backup.c: the checkpoint, the copies (store_backup, the daily
 * ones) and the check of a database (store_check). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "date.h"
#include "i18n.h"
#include "store.h"
#include "store_impl.h"
#include "text.h"
#include "util.h"

/* --- backup and check ------------------------------------------------ */

int
store_checkpoint(struct store *s, char **err)
{
	return store_exec(s, "PRAGMA wal_checkpoint(TRUNCATE)", err);
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
		rc = store_fail_in(err, dest, _("already exists; give a new "
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

/* A row of a checking pragma other than "ok": damage, with the row's
 * columns. */
static bool
read_damage(sqlite3_stmt *st, void *elem, void *arg)
{
	struct store_problem *p = elem;
	const char *c = (const char *)sqlite3_column_text(st, 0);
	int i, ncols = sqlite3_column_count(st);

	(void)arg;
	if (ncols == 1 && c != NULL && strcmp(c, "ok") == 0)
		return false;
	p->kind = STORE_PROBLEM_DAMAGE;
	p->ncols = (size_t)ncols;
	p->cols = xcalloc((size_t)ncols, sizeof *p->cols);
	for (i = 0; i < ncols; i++)
		p->cols[i] = col_str(st, i);
	return true;
}

/* One of the council's own findings. */
static bool
read_finding(sqlite3_stmt *st, void *elem, void *arg)
{
	struct store_problem *p = elem;

	(void)arg;
	p->kind = STORE_PROBLEM_FINDING;
	p->file = col_str(st, 0);
	p->finding.line = sqlite3_column_int(st, 1);
	p->finding.message = col_str(st, 2);
	p->finding.code = col_str(st, 3);
	p->finding.kind = finding_kind_from_name((const char *)
	    sqlite3_column_text(st, 4));
	p->finding.a = sqlite3_column_int64(st, 5);
	p->finding.b = sqlite3_column_int64(st, 6);
	p->finding.t1 = col_str(st, 7);
	p->finding.t2 = col_str(st, 8);
	return true;
}

/* A row dated with --today on another day than the clock's. */
static bool
read_pinned(sqlite3_stmt *st, void *elem, void *arg)
{
	struct store_problem *p = elem;

	(void)arg;
	p->kind = STORE_PROBLEM_PINNED;
	p->table = (enum store_row_table)(sqlite3_column_int(st, 0) & 3);
	p->id = (long)sqlite3_column_int64(st, 1);
	p->dated = col_str(st, 2);
	p->written = col_str(st, 3);
	return true;
}

static void
problem_clear(void *elem)
{
	struct store_problem *p = elem;
	size_t j;

	for (j = 0; j < p->ncols; j++)
		free(p->cols[j]);
	free(p->cols);
	free(p->file);
	finding_clear(&p->finding);
	free(p->dated);
	free(p->written);
}

/* The problems of sql, each read by row, after the n of *v. */
static int
check_add(struct store *s, const char *sql, store_row_fn *row,
    struct store_problem **v, size_t *n, size_t *cap, char **err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	struct store_problem *w;
	size_t m;
	int rc = -1;

	if (st == NULL)
		return -1;
	w = store_rows(s, st, sizeof *w, row, NULL, problem_clear, &m, &rc,
	    err);
	*v = xgrow(*v, cap, *n + m + 1, sizeof **v);
	if (m > 0)
		memcpy(*v + *n, w, m * sizeof *w);
	*n += m;
	free(w);
	return rc;
}

/* Rows dated with --today on another day than the clock's (schema 7's
 * clock column) are no damage, but an auditor must see them: what, its
 * id, the day it claims and when it was written. */
#define PINNED(n, t) "SELECT " n ", id, datetime(at, 'localtime')," \
	" datetime(clock, 'localtime') FROM " t " WHERE clock IS NOT NULL" \
	" AND date(at, 'localtime') <> date(clock, 'localtime')"

int
store_check(struct store *s, struct store_problem **out, size_t *n,
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
	struct store_problem *v = NULL;
	size_t i, cap = 0;
	int rc = 0;

	*out = NULL;
	*n = 0;
	for (i = 0; rc == 0 && i < sizeof checks / sizeof checks[0]; i++)
		rc = check_add(s, checks[i], read_damage, &v, n, &cap, err);
	/* The council's own findings (its appendix disagreeing with
	 * itself) are no damage. */
	if (rc == 0)
		rc = check_add(s, "SELECT file, line, message, code, kind, a,"
		    " b, t1, t2 FROM finding ORDER BY plan_id, file, line, id", read_finding, &v, n,
		    &cap, err);
	if (rc == 0)
		rc = check_add(s, PINNED("0", "history") " UNION ALL "
		    PINNED("1", "meeting") " UNION ALL "
		    PINNED("2", "document") " UNION ALL "
		    PINNED("3", "tick") " ORDER BY 4", read_pinned, &v, n,
		    &cap, err);
	if (rc != 0) {
		store_problems_free(v, *n);
		*n = 0;
		return -1;
	}
	*out = v;
	return 0;
}

void
store_problems_free(struct store_problem *v, size_t n)
{
	model_free_each(v, n, sizeof *v, problem_clear);
}
