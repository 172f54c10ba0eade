/* SPDX-License-Identifier: ISC */
/* store_register.c: the evidence register and recorded meetings (schema
 * 5), with the history reads the minutes need.  Like store_change.c,
 * every write is one transaction (or a savepoint of the caller's) and
 * writes a history row with its user. */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "date.h"
#include "dockind.h"
#include "i18n.h"
#include "meeting.h"
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

enum doc_kind
store_kind_of_name(const char *name)
{
	int k;

	if (name == NULL)
		return DOC_NONE;
	for (k = DOC_NONE + 1; k < DOC_NKINDS; k++)
		if (strcmp(name, dockind_name((enum doc_kind)k)) == 0)
			return (enum doc_kind)k;
	return dockind_parse(name);
}

/* A document of task_id's plan, its id in *id. */
static int
doc_insert(struct store *s, long task_id, const struct evidence *e,
    bool incomplete, const char *user, long *id, char **err)
{
	sqlite3_stmt *st;
	int rc;

	st = store_prepare(s, "INSERT INTO document (plan_id, number, day,"
	    " issuer, summary, signed, file, kind, incomplete, user, at,"
	    " clock) SELECT plan_id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
	    " " NOW ", " CLOCK " FROM task WHERE id = ?1", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	bind_text(st, 2, store_blank(e->number) ? NULL : e->number);
	bind_text(st, 3, store_blank(e->day) ? NULL : e->day);
	bind_text(st, 4, store_blank(e->issuer) ? NULL : e->issuer);
	bind_text(st, 5, store_blank(e->summary) ? NULL : e->summary);
	sqlite3_bind_int(st, 6, e->is_signed);
	bind_text(st, 7, store_blank(e->file) ? NULL : e->file);
	bind_text(st, 8, e->kind != DOC_NONE ? dockind_name(e->kind) : NULL);
	sqlite3_bind_int(st, 9, incomplete);
	bind_text(st, 10, user != NULL ? user : current_user());
	rc = store_run(s, st, err);
	if (rc == 0 && sqlite3_changes(s->db) == 0)
		rc = fail(err, _("task %ld not found"), task_id);
	if (rc == 0)
		*id = (long)sqlite3_last_insert_rowid(s->db);
	return rc;
}

/* Document doc linked to task_id (item 0 for none; the caller bumps
 * the task): 1 when it is linked already. */
static int
link_insert(struct store *s, long doc, long task_id, long item,
    const char *user, char **err)
{
	sqlite3_stmt *st;

	st = store_prepare(s, "INSERT OR IGNORE INTO document_link (document,"
	    " task_id, item, user, at, clock) VALUES (?1, ?2, ?3, ?4, " NOW
	    ", " CLOCK ")", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, doc);
	sqlite3_bind_int64(st, 2, task_id);
	if (item > 0)
		sqlite3_bind_int64(st, 3, item);
	bind_text(st, 4, user != NULL ? user : current_user());
	if (store_run(s, st, err) != 0)
		return -1;
	return sqlite3_changes(s->db) == 0 ? 1 : 0;
}

int
store_evidence_summary(struct store *s, long task_id, const char *summary,
    const char *user, char **err)
{
	struct evidence e = { 0 };
	long id;

	e.summary = (char *)summary;
	if (doc_insert(s, task_id, &e, true, user, &id, err) != 0)
		return -1;
	return link_insert(s, id, task_id, 0, user, err) < 0 ? -1 : 0;
}

/* The live document of task_id's plan numbered number on day: its id,
 * 0 when none. */
static int
doc_same(struct store *s, long task_id, const struct evidence *e,
    long *id, char **err)
{
	sqlite3_stmt *st;
	int rc;

	*id = 0;
	st = store_prepare(s, "SELECT id FROM document WHERE plan_id ="
	    " (SELECT plan_id FROM task WHERE id = ?1) AND removed = 0"
	    " AND number = ?2 COLLATE NOCASE AND day = ?3", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	bind_text(st, 2, e->number);
	bind_text(st, 3, e->day);
	rc = store_row(s, st, store_read_long, id, NULL, err);
	return rc < 0 ? -1 : 0;
}

/* The end of a write about document e: 1 (nothing to do) rolled back
 * and returned, else as store_end; e cleared. */
static int
doc_write_end(struct store *s, struct evidence *e, int rc, char **err)
{
	evidence_clear(e);
	if (rc == 1) {
		store_rollback(s);
		return 1;
	}
	return store_end(s, rc, err);
}

/* Task task_id bumped and a history row "evidence" (old, new) on it. */
static int
doc_history(struct store *s, long task_id, const char *user,
    const char *old, const char *new, char **err)
{
	int rc = store_bump_task(s, task_id, err);

	return rc != 0 ? rc : store_add_history(s, task_id, user,
	    "evidence", old, new, NULL, err);
}

static int
evidence_add(struct store *s, const long *tasks, size_t n,
    const struct evidence *e, const char *user, long *id, char **err)
{
	char *what;
	size_t i;
	int rc;

	if (store_blank(e->number) || store_blank(e->day))
		return fail(err, "%s", _("a document needs its number and "
		    "date"));
	if (n == 0)
		return fail(err, "%s", _("a document needs a task"));
	if (store_begin(s, err) != 0)
		return -1;
	rc = doc_same(s, tasks[0], e, id, err);
	if (rc == 0 && *id != 0) {
		store_rollback(s);
		return STORE_DUPLICATE;
	}
	if (rc == 0)
		rc = doc_insert(s, tasks[0], e, false, user, id, err);
	what = evidence_describe(e);
	for (i = 0; rc == 0 && i < n; i++) {
		rc = link_insert(s, *id, tasks[i], e->item, user, err);
		if (rc == 0)
			rc = doc_history(s, tasks[i], user, NULL, what, err);
		else if (rc == 1)
			rc = 0;		/* a task named twice: linked once */
	}
	free(what);
	return store_end(s, rc, err);
}

/* A document's texts through the input rule (text.h), named by the
 * options that give them. */
int
store_evidence_add(struct store *s, const long *tasks, size_t n,
    const struct evidence *e, const char *user, long *id, char **err)
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
		rc = evidence_add(s, tasks, n, &c, user, id, err);
	}
	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		free(t[i]);
	return rc;
}

/* A document with one of its live links (none: task_id 0 and the
 * task's columns NULL), as l, d and t. */
#define EVIDENCE_COLUMNS \
	"d.id, l.task_id, d.number, d.day, d.issuer, d.summary, d.signed," \
	" d.file, d.incomplete, d.user, datetime(d.at, 'localtime')," \
	" t.code, t.role, t.title, d.kind, l.item"
#define EVIDENCE_FROM \
	" FROM document d LEFT JOIN document_link l ON l.document = d.id" \
	" AND l.removed = 0 LEFT JOIN task t ON t.id = l.task_id"

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
	e->kind = store_kind_of_name((const char *)sqlite3_column_text(st, 14));
	e->item = (long)sqlite3_column_int64(st, 15);
	return true;
}

int
store_evidence_list(struct store *s, long plan_id, long task_id,
    struct evidence **out, size_t *n, char **err)
{
	int rc;

	/* One task's through its links (document_link_task), not a walk
	 * of the plan's register. */
	*out = store_list(s, task_id == 0 ?
	    "SELECT " EVIDENCE_COLUMNS EVIDENCE_FROM
	    " WHERE d.plan_id = ?1 AND ?2 = 0 AND d.removed = 0"
	    " ORDER BY t.code IS NULL, t.code COLLATE pbcode, t.id, d.id" :
	    "SELECT " EVIDENCE_COLUMNS " FROM document_link l"
	    " JOIN document d ON d.id = l.document"
	    " JOIN task t ON t.id = l.task_id"
	    " WHERE d.plan_id = ?1 AND l.task_id = ?2 AND l.removed = 0"
	    " AND d.removed = 0 ORDER BY d.id",
	    plan_id, task_id, sizeof **out, read_evidence, evidence_clear, n,
	    &rc, err);
	return rc;
}

int
store_evidence_find(struct store *s, long plan_id, const char *number,
    const char *day, long **ids, size_t *n, char **err)
{
	sqlite3_stmt *st;
	int rc;

	st = store_prepare(s, "SELECT id FROM document WHERE plan_id = ?1"
	    " AND removed = 0 AND number = ?2 COLLATE NOCASE"
	    " AND (?3 IS NULL OR day = ?3) ORDER BY day, id", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, number);
	bind_text(st, 3, day);
	*ids = store_rows(s, st, sizeof **ids, store_read_long, NULL, NULL, n,
	    &rc, err);
	return rc;
}

int
store_evidence_exists(struct store *s, long plan_id, long id, char **err)
{
	long *v;
	size_t n;
	int rc;

	v = store_list(s, "SELECT id FROM document WHERE plan_id = ?1"
	    " AND id = ?2 AND removed = 0", plan_id, id, sizeof *v,
	    store_read_long, NULL, &n, &rc, err);
	free(v);
	return rc < 0 ? -1 : n > 0;
}

int
store_evidence_tasks(struct store *s, long plan_id, long doc,
    long **tasks, size_t *n, char **err)
{
	int rc;

	*tasks = store_list(s, "SELECT l.task_id FROM document_link l"
	    " JOIN document d ON d.id = l.document WHERE d.plan_id = ?1"
	    " AND d.id = ?2 AND d.removed = 0 AND l.removed = 0"
	    " ORDER BY l.task_id", plan_id, doc, sizeof **tasks,
	    store_read_long, NULL, n, &rc, err);
	return rc;
}

/* Document id of plan_id (not removed) into *e; 1 when there is none. */
static int
doc_get(struct store *s, long plan_id, long id, struct evidence *e,
    char **err)
{
	sqlite3_stmt *st;

	memset(e, 0, sizeof *e);
	st = store_prepare(s, "SELECT " EVIDENCE_COLUMNS EVIDENCE_FROM
	    " WHERE d.plan_id = ?1 AND d.id = ?2 AND d.removed = 0"
	    " LIMIT 1", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, id);
	return store_row(s, st, read_evidence, e, NULL, err);
}

int
store_evidence_link(struct store *s, long plan_id, long doc, long task_id,
    long item, const char *user, char **err)
{
	struct evidence e;
	char *what;
	int rc;

	if (store_begin(s, err) != 0)
		return -1;
	if ((rc = doc_get(s, plan_id, doc, &e, err)) == 0) {
		what = evidence_describe(&e);
		rc = link_insert(s, doc, task_id, item, user, err);
		if (rc == 0)
			rc = doc_history(s, task_id, user, NULL, what, err);
		free(what);
	}
	return doc_write_end(s, &e, rc, err);
}

int
store_evidence_unlink(struct store *s, long plan_id, long doc,
    long task_id, const char *user, char **err)
{
	struct evidence e;
	sqlite3_stmt *st = NULL;
	char *what = NULL;
	int rc;

	if (store_begin(s, err) != 0)
		return -1;
	if ((rc = doc_get(s, plan_id, doc, &e, err)) == 0 &&
	    (st = store_prepare(s, "UPDATE document_link SET removed = 1"
	    " WHERE document = ?1 AND task_id = ?2 AND removed = 0",
	    err)) == NULL)
		rc = -1;
	if (rc == 0) {
		sqlite3_bind_int64(st, 1, doc);
		sqlite3_bind_int64(st, 2, task_id);
		rc = store_run(s, st, err);
	}
	if (rc == 0 && sqlite3_changes(s->db) == 0)
		rc = 1;
	what = rc == 0 ? evidence_describe(&e) : NULL;
	if (rc == 0)
		rc = doc_history(s, task_id, user, what, NULL, err);
	free(what);
	return doc_write_end(s, &e, rc, err);
}

int
store_evidence_remove(struct store *s, long plan_id, long id,
    const char *user, char **err)
{
	struct evidence e;
	long *tasks = NULL;
	size_t n = 0, i;
	char *what = NULL;
	int rc;

	if (store_begin(s, err) != 0)
		return -1;
	rc = doc_get(s, plan_id, id, &e, err);
	if (rc == 0)
		rc = store_evidence_tasks(s, plan_id, id, &tasks, &n, err);
	if (rc == 0)
		rc = store_run_id(s, "UPDATE document SET removed = 1"
		    " WHERE id = ?1", id, err);
	what = rc == 0 ? evidence_describe(&e) : NULL;
	for (i = 0; rc == 0 && i < n; i++)
		rc = doc_history(s, tasks[i], user, what, NULL, err);
	free(what);
	free(tasks);
	return doc_write_end(s, &e, rc, err);
}

/* --- meetings --------------------------------------------------------- */

const char *const store_meeting_columns[MF_COUNT] = {
	"place", "secretary", "present", "absent", "start", "end_at",
	"number",
};

static bool
read_meeting(sqlite3_stmt *st, void *elem, void *arg)
{
	struct meeting *m = elem;
	int i;

	(void)arg;
	m->id = (long)sqlite3_column_int64(st, 0);
	m->at = col_str(st, 1);
	m->chair = col_str(st, 2);
	m->user = col_str(st, 3);
	for (i = 0; i < MF_COUNT; i++)
		m->f[i] = col_str(st, 4 + i);
	return true;
}

int
store_meeting_last(struct store *s, long plan_id, const char *before,
    struct meeting *out, char **err)
{
	sqlite3_stmt *st;

	memset(out, 0, sizeof *out);
	st = store_prepare(s, "SELECT id, at, chair, user, place, secretary,"
	    " present, absent, start, end_at, number FROM meeting"
	    " WHERE plan_id = ?1 AND (?2 IS NULL OR at < ?2)"
	    " ORDER BY at DESC, id DESC LIMIT 1", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, before);
	return store_row(s, st, read_meeting, out, NULL, err);
}

/* The last meeting and the last one on an earlier local day: rows a
 * second --record of the same day once added are not a window's start. */
int
store_meetings_last(struct store *s, long plan_id, struct meeting *last,
    struct meeting *before, char **err)
{
	int rc = store_meeting_last(s, plan_id, NULL, last, err);
	char *at;

	memset(before, 0, sizeof *before);
	if (rc == 0)
		rc = store_meeting_last(s, plan_id, last->at, before, err);
	while (rc == 0 && meeting_same_day(last->at, before->at)) {
		at = before->at;
		before->at = NULL;
		meeting_clear(before);
		rc = store_meeting_last(s, plan_id, at, before, err);
		free(at);
	}
	if (rc < 0) {
		meeting_clear(last);
		return -1;
	}
	return 0;
}

/* One meeting per sitting: a meeting already recorded today (the local
 * day) is updated, its chair when one is given, its time kept, so that
 * its minutes read the same whenever reprinted; else a new one. */
static int
meeting_record(struct store *s, long plan_id, const char *chair,
    char *const f[MF_COUNT], const char *user, char **err)
{
	struct meeting last;
	sqlite3_stmt *st;
	char day[11];
	int rc, i;

	if (store_begin(s, err) != 0)
		return -1;
	rc = store_meeting_last(s, plan_id, NULL, &last, err);
	if (rc == 0)
		date_local_day(last.at, day);
	if (rc == 0 && strcmp(day, today()) == 0) {
		st = store_prepare(s, "UPDATE meeting SET"
		    " chair = coalesce(?2, chair),"
		    " place = coalesce(?4, place),"
		    " secretary = coalesce(?5, secretary),"
		    " present = coalesce(?6, present),"
		    " absent = coalesce(?7, absent),"
		    " start = coalesce(?8, start),"
		    " end_at = coalesce(?9, end_at),"
		    " number = coalesce(?10, number) WHERE id = ?1", err);
		if (st != NULL)
			sqlite3_bind_int64(st, 1, last.id);
	} else if (rc >= 0) {
		st = store_prepare(s, "INSERT INTO meeting (plan_id, at, chair,"
		    " user, place, secretary, present, absent, start, end_at,"
		    " number, clock) VALUES (?1, " NOW ", ?2, ?3, ?4, ?5, ?6,"
		    " ?7, ?8, ?9, ?10, " CLOCK ")", err);
		if (st != NULL) {
			sqlite3_bind_int64(st, 1, plan_id);
			bind_text(st, 3, user != NULL ? user : current_user());
		}
	} else
		st = NULL;
	meeting_clear(&last);
	rc = st == NULL ? -1 : 0;
	if (rc == 0) {
		bind_text(st, 2, chair);
		for (i = 0; i < MF_COUNT; i++)
			bind_text(st, 4 + i, f[i]);
		rc = store_run(s, st, err);
	}
	return store_end(s, rc, err);
}

int
store_meeting_record(struct store *s, long plan_id, const char *chair,
    const char *const f[MF_COUNT], const char *user, char **err)
{
	static const char *const opt[MF_COUNT] = {
		"--place", "--secretary", "--present", "--absent", "--start",
		"--end", "--number",
	};
	char *c, *v[MF_COUNT] = { NULL };
	int rc = text_field("--chair", chair, false, &c, err), i;

	for (i = 0; rc == 0 && i < MF_COUNT; i++)
		rc = text_field(opt[i], f != NULL ? f[i] : NULL, false, &v[i],
		    err);
	if (rc == 0)
		rc = meeting_record(s, plan_id, c, v, user, err);
	free(c);
	for (i = 0; i < MF_COUNT; i++)
		free(v[i]);
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
