/* SPDX-License-Identifier: ISC */
/* store_register.c: the evidence register and recorded meetings (schema
 * 5), with the history reads the minutes need.  Like store_change.c,
 * every write is one transaction (or a savepoint of the caller's) and
 * writes a history row with its user. */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "date.h"
#include "i18n.h"
#include "store.h"
#include "store_impl.h"
#include "text.h"
#include "util.h"

bool
store_blank(const char *s)
{
	while (s != NULL && (*s == ' ' || *s == '\t'))
		s++;
	return s == NULL || *s == '\0';
}

int
store_bump_task(struct store *s, long task_id, char **err)
{
	sqlite3_stmt *st = store_sq(s, SQ_BUMP, err);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	if (store_run(s, st, err) != 0)
		return -1;
	if (sqlite3_changes(s->db) == 0)
		return fail(err, _("task %ld not found"), task_id);
	return 0;
}

int
store_removal_end(struct store *s, const char *sql, long id, long task_id,
    const char *user, const char *kind, const char *what, char **err)
{
	int rc = store_run_id(s, sql, id, err);

	if (rc == 0)
		rc = store_bump_task(s, task_id, err);
	if (rc == 0)
		rc = store_add_history(s, task_id, user, kind, what, NULL,
		    NULL, err);
	return store_end(s, rc, err);
}

/* --- evidence --------------------------------------------------------- */


char *
evidence_describe(const struct evidence *e)
{
	struct buf b = { 0 };

	if (!store_blank(e->number))
		buf_adds(&b, e->number);
	if (!store_blank(e->day))
		buf_addf(&b, "%s%s", b.len ? " " : "", e->day);
	if (!store_blank(e->summary))
		buf_addf(&b, "%s%s", b.len ? ": " : "", e->summary);
	if (b.len == 0 && !store_blank(e->file))
		buf_adds(&b, e->file);
	return b.data != NULL ? b.data : xstrdup("");
}

static int
evidence_insert(struct store *s, long task_id, const struct evidence *e,
    bool incomplete, const char *user, long *id, char **err)
{
	sqlite3_stmt *st;
	int rc;

	st = store_prepare(s, "INSERT INTO evidence (task_id, number, day,"
	    " issuer, summary, signed, file, incomplete, user, at, clock)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, " NOW ", " CLOCK ")",
	    err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	bind_text(st, 2, store_blank(e->number) ? NULL : e->number);
	bind_text(st, 3, store_blank(e->day) ? NULL : e->day);
	bind_text(st, 4, store_blank(e->issuer) ? NULL : e->issuer);
	bind_text(st, 5, store_blank(e->summary) ? NULL : e->summary);
	sqlite3_bind_int(st, 6, e->is_signed);
	bind_text(st, 7, store_blank(e->file) ? NULL : e->file);
	sqlite3_bind_int(st, 8, incomplete);
	bind_text(st, 9, user != NULL ? user : current_user());
	rc = store_run(s, st, err);
	if (rc == 0 && id != NULL)
		*id = (long)sqlite3_last_insert_rowid(s->db);
	return rc;
}

int
store_evidence_summary(struct store *s, long task_id, const char *summary,
    const char *user, char **err)
{
	struct evidence e = { 0 };

	e.summary = (char *)summary;
	return evidence_insert(s, task_id, &e, true, user, NULL, err);
}

static int
evidence_add(struct store *s, long task_id, const struct evidence *e,
    const char *user, long *id, char **err)
{
	char *what;
	int rc;

	if (store_blank(e->number) || store_blank(e->day))
		return fail(err, "%s", _("a document needs its number and "
		    "date"));
	if (store_begin(s, err) != 0)
		return -1;
	what = evidence_describe(e);
	rc = store_bump_task(s, task_id, err);
	if (rc == 0)
		rc = evidence_insert(s, task_id, e, false, user, id, err);
	if (rc == 0)
		rc = store_add_history(s, task_id, user, "evidence", NULL, what,
		    NULL, err);
	free(what);
	return store_end(s, rc, err);
}

/* A document's texts through the input rule (text.h), named by the
 * options that give them. */
int
store_evidence_add(struct store *s, long task_id, const struct evidence *e,
    const char *user, long *id, char **err)
{
	struct evidence c = *e;
	char *t[5] = { NULL };
	size_t i;
	int rc = -1;

	if (text_field("--number", e->number, false, &t[0], err) == 0 &&
	    text_field("--date", e->day, false, &t[1], err) == 0 &&
	    text_field("--issuer", e->issuer, false, &t[2], err) == 0 &&
	    text_field("--summary", e->summary, false, &t[3], err) == 0 &&
	    text_field("--file", e->file, false, &t[4], err) == 0) {
		c.number = t[0];
		c.day = t[1];
		c.issuer = t[2];
		c.summary = t[3];
		c.file = t[4];
		rc = evidence_add(s, task_id, &c, user, id, err);
	}
	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		free(t[i]);
	return rc;
}

#define EVIDENCE_COLUMNS \
	"e.id, e.task_id, e.number, e.day, e.issuer, e.summary, e.signed," \
	" e.file, e.incomplete, e.user, datetime(e.at, 'localtime')," \
	" t.code, t.role, t.title"

static bool
read_evidence(sqlite3_stmt *st, void *elem, void *arg)
{
	struct evidence *e = elem;

	(void)arg;
	e->id = (long)sqlite3_column_int64(st, 0);
	e->task_id = (long)sqlite3_column_int64(st, 1);
	e->number = col_str(st, 2);
	e->day = col_str(st, 3);
	e->issuer = col_str(st, 4);
	e->summary = col_str(st, 5);
	e->is_signed = sqlite3_column_int(st, 6) != 0;
	e->file = col_str(st, 7);
	e->incomplete = sqlite3_column_int(st, 8) != 0;
	e->user = col_str(st, 9);
	e->at = col_str(st, 10);
	e->code = col_str(st, 11);
	e->role = col_str(st, 12);
	e->title = col_str(st, 13);
	return true;
}



int
store_evidence_list(struct store *s, long plan_id, long task_id,
    struct evidence **out, size_t *n, char **err)
{
	int rc;

	*out = store_list(s, "SELECT " EVIDENCE_COLUMNS " FROM evidence e"
	    " JOIN task t ON t.id = e.task_id WHERE t.plan_id = ?1"
	    " AND (?2 = 0 OR e.task_id = ?2) AND e.removed = 0"
	    " ORDER BY t.code IS NULL, t.code COLLATE pbcode, t.id, e.id",
	    plan_id, task_id, sizeof **out, read_evidence, evidence_clear, n,
	    &rc, err);
	return rc;
}

int
store_evidence_remove(struct store *s, long plan_id, long id,
    const char *user, char **err)
{
	struct evidence e = { 0 };
	sqlite3_stmt *st;
	char *what;
	int rc;

	if (store_begin(s, err) != 0)
		return -1;
	st = store_prepare(s, "SELECT " EVIDENCE_COLUMNS " FROM evidence e"
	    " JOIN task t ON t.id = e.task_id WHERE t.plan_id = ?1"
	    " AND e.id = ?2 AND e.removed = 0", err);
	if (st == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, id);
	rc = store_row(s, st, read_evidence, &e, NULL, err);
	if (rc < 0)
		goto fail;
	if (rc == 1) {
		store_rollback(s);
		return 1;
	}
	what = evidence_describe(&e);
	rc = store_removal_end(s, "UPDATE evidence SET removed = 1"
	    " WHERE id = ?1", id, e.task_id, user, "evidence", what, err);
	free(what);
	evidence_clear(&e);
	return rc;
fail:
	store_rollback(s);
	return -1;
}

/* --- meetings --------------------------------------------------------- */


static bool
read_meeting(sqlite3_stmt *st, void *elem, void *arg)
{
	struct meeting *m = elem;

	(void)arg;
	m->id = (long)sqlite3_column_int64(st, 0);
	m->at = col_str(st, 1);
	m->chair = col_str(st, 2);
	m->user = col_str(st, 3);
	return true;
}

int
store_meeting_last(struct store *s, long plan_id, const char *before,
    struct meeting *out, char **err)
{
	sqlite3_stmt *st;

	memset(out, 0, sizeof *out);
	st = store_prepare(s, "SELECT id, at, chair, user FROM meeting"
	    " WHERE plan_id = ?1 AND (?2 IS NULL OR at < ?2)"
	    " ORDER BY at DESC, id DESC LIMIT 1", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, before);
	return store_row(s, st, read_meeting, out, NULL, err);
}

int
store_meetings_last(struct store *s, long plan_id, struct meeting *last,
    struct meeting *before, char **err)
{
	int rc = store_meeting_last(s, plan_id, NULL, last, err);

	memset(before, 0, sizeof *before);
	if (rc == 0)
		rc = store_meeting_last(s, plan_id, last->at, before, err);
	if (rc < 0) {
		meeting_clear(last);
		return -1;
	}
	return 0;
}

static int
meeting_record(struct store *s, long plan_id, const char *chair,
    const char *user, char **err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_begin(s, err) != 0)
		return -1;
	st = store_prepare(s, "INSERT INTO meeting (plan_id, at, chair, user,"
	    " clock) VALUES (?1, " NOW ", ?2, ?3, " CLOCK ")", err);
	rc = st == NULL ? -1 : 0;
	if (rc == 0) {
		sqlite3_bind_int64(st, 1, plan_id);
		bind_text(st, 2, chair);
		bind_text(st, 3, user != NULL ? user : current_user());
		rc = store_run(s, st, err);
	}
	return store_end(s, rc, err);
}

int
store_meeting_record(struct store *s, long plan_id, const char *chair,
    const char *user, char **err)
{
	char *c;
	int rc;

	if (text_field("--chair", chair, false, &c, err) != 0)
		return -1;
	rc = meeting_record(s, plan_id, c, user, err);
	free(c);
	return rc;
}

/* --- history for the minutes ------------------------------------------ */

int
store_changes_after(struct store *s, long plan_id, const char *after,
    const char *until, const char *since, int flags,
    struct change **out, size_t *n, char **err)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	st = store_prepare(s, "SELECT h.id, datetime(h.at, 'localtime'),"
	    " h.user, h.kind, h.old, h.new, t.id,"
	    " CASE WHEN ?6 THEN NULL ELSE t.code END,"
	    " CASE WHEN ?6 THEN NULL ELSE t.role END,"
	    " CASE WHEN ?6 THEN NULL ELSE t.title END"
	    " FROM history h JOIN task t ON t.id = h.task_id"
	    " WHERE t.plan_id = ?1"
	    " AND (?2 IS NULL OR h.at > ?2)"
	    " AND (?3 IS NULL OR date(h.at, 'localtime') >= ?3)"
	    " AND (?4 = 0 OR (" BY_PERSON("h") "))"
	    " AND (?5 IS NULL OR h.at <= ?5)"
	    " AND (?6 = 0 OR h.kind IN ('status', 'due', 'undo', 'note'))"
	    " ORDER BY h.at, h.id", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, after);
	bind_text(st, 3, since);
	sqlite3_bind_int(st, 4, (flags & CHANGES_PEOPLE) != 0);
	bind_text(st, 5, until);
	sqlite3_bind_int(st, 6, (flags & CHANGES_LEAN) != 0);
	return store_changes_read(s, st, out, n, err);
}

static int
long_cmp(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

/* The distinct tasks of store_changes_after(..., CHANGES_PEOPLE), from
 * the rows people wrote alone (history_person, schema 6): the board's
 * "changed since the last meeting" on every start, which must not read
 * the import's row for each task.  The first term is the index's range:
 * the window's start, or a day before since (no local time is a day
 * from UTC), or all; the exact window follows. */
int
store_changed_tasks(struct store *s, long plan_id, const char *after,
    const char *until, const char *since, long **out, size_t *n,
    char **err)
{
	sqlite3_stmt *st;
	long *v = NULL;
	size_t cnt = 0, i, j;
	int rc = -1;

	*out = NULL;
	*n = 0;
	/* No DISTINCT or ORDER BY: SQLite would walk history_task in
	 * task order instead, every row of it. */
	st = store_prepare(s, "SELECT h.task_id"
	    " FROM history h CROSS JOIN task t ON t.id = h.task_id"
	    " WHERE" BY_PERSON("h")
	    " AND h.at >= coalesce(?2, date(?3, '-1 day'), '')"
	    " AND t.plan_id = ?1"
	    " AND (?2 IS NULL OR h.at > ?2)"
	    " AND (?3 IS NULL OR date(h.at, 'localtime') >= ?3)"
	    " AND (?4 IS NULL OR h.at <= ?4)", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, after);
	bind_text(st, 3, since);
	bind_text(st, 4, until);
	v = store_rows(s, st, sizeof *v, store_read_long, NULL, NULL, &cnt,
	    &rc, err);
	if (rc < 0)
		return -1;
	xqsort(v, cnt, sizeof *v, long_cmp);
	for (i = j = 0; i < cnt; i++)
		if (j == 0 || v[j - 1] != v[i])
			v[j++] = v[i];
	*out = v;
	*n = j;
	return 0;
}
