/* SPDX-License-Identifier: ISC */
/* store_query.c: reading tasks, their history and the plan's points,
 * the words of notes and evidence, and the lean reads of the board.  The
 * changes a user makes are in store_change.c; what the store's files
 * share is in store_impl.h. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "date.h"
#include "i18n.h"
#include "store.h"
#include "store_impl.h"
#include "text.h"
#include "util.h"

/* --- reading tasks --------------------------------------------------- */

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
	bind_text(st, 7, f->person);
}

/* A row of TASK_COLUMNS into t. */
static bool
read_task(sqlite3_stmt *st, void *elem, void *arg)
{
	struct task *t = elem;

	memset(t, 0, sizeof *t);
	t->id = (long)sqlite3_column_int64(st, 0);
	t->version = (long)sqlite3_column_int64(st, 1);
	t->key = col_str(st, 2);
	t->code = col_str(st, 3);
	t->role = col_str(st, 4);
	t->support = col_str(st, 5);
	t->title = col_str(st, 6);
	t->origin = origin_from_name(
	    (const char *)sqlite3_column_text(st, 7));
	t->status = status_from_name((const char *)sqlite3_column_text(st,
	    8));
	t->due = col_str(st, 9);
	t->due_source = due_source_from_name(
	    (const char *)sqlite3_column_text(st, 10));
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
	t->role_source = col_str(st, 24);
	t->seq = (long)sqlite3_column_int64(st, 25);
	t->person = col_str(st, 26);
	t->links = col_str(st, 27);
	(void)arg;
	return true;
}

/* The end of a read of tasks: on error (rc < 0) none. */
static void
clear_task(void *elem)
{
	task_clear(elem);
}

/* The rule of --overdue is task_overdue's: the SQL's ?4 only narrows. */
static void
keep_overdue(struct task *v, size_t *n)
{
	size_t i, k = 0;

	for (i = 0; i < *n; i++) {
		if (task_overdue(&v[i]))
			v[k++] = v[i];
		else
			task_clear(&v[i]);
	}
	*n = k;
}

int
store_tasks(struct store *s, long plan_id, const struct filter *f,
    struct task **out, size_t *n, char **err)
{
	sqlite3_stmt *st = store_sq(s, SQ_TASKS, err);
	int rc = -1;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	bind_filter(st, plan_id, f);
	*out = store_rows(s, st, sizeof **out, read_task, NULL, clear_task, n,
	    &rc, err);
	if (rc == 0 && store_schedules(s, plan_id, *out, *n, err) != 0)
		rc = -1;
	if (rc == 0 && f != NULL && f->overdue)
		keep_overdue(*out, n);
	if (rc != 0) {
		tasks_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

long
store_seq(struct store *s)
{
	return store_sq_long(s, SQ_SEQ);
}

int
store_tasks_changed_since(struct store *s, long plan_id, long seq,
    struct task **out, size_t *n, long *now, char **err)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	/* One read transaction: the counter and the rows agree. */
	if (sqlite3_exec(s->db, s->depth == 0 ? "BEGIN" : "SAVEPOINT rd",
	    NULL, NULL, NULL) != SQLITE_OK)
		return store_dberr(s, err);
	if (now != NULL)
		*now = store_seq(s);
	if ((st = store_sq(s, SQ_TASKS_SINCE, err)) == NULL) {
		rc = -1;
		goto out;
	}
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, seq);
	*out = store_rows(s, st, sizeof **out, read_task, NULL, clear_task, n,
	    &rc, err);
	if (rc == 0 && store_schedules(s, plan_id, *out, *n, err) != 0)
		rc = -1;
out:
	sqlite3_exec(s->db, s->depth == 0 ? "COMMIT" : "RELEASE rd", NULL,
	    NULL, NULL);
	return rc;
}

int
store_task_get(struct store *s, long task_id, struct task *out, char **err)
{
	sqlite3_stmt *st = store_sq(s, SQ_TASK_GET, err);
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	rc = store_row(s, st, read_task, out, NULL, err);
	if (rc == 1)
		return fail(err, _("task %ld not found"), task_id);
	if (rc == 0 && store_schedules(s, store_long(s, "SELECT plan_id"
	    " FROM task WHERE id = ?1", task_id, NULL, err), out, 1,
	    err) != 0) {
		task_clear(out);
		return -1;
	}
	return rc;
}

static bool
read_task_key(sqlite3_stmt *st, void *elem, void *arg)
{
	struct task *t = elem;

	(void)arg;
	t->id = (long)sqlite3_column_int64(st, 0);
	t->key = col_str(st, 1);
	t->code = col_str(st, 2);
	t->role = col_str(st, 3);
	t->title = col_str(st, 4);
	return true;
}

int
store_task_keys(struct store *s, long plan_id, const char *origin,
    struct task **out, size_t *n, char **err)
{
	sqlite3_stmt *st;
	int rc = -1;

	*out = NULL;
	*n = 0;
	st = store_prepare(s, "SELECT id, tkey, code, role, title FROM task"
	    " WHERE plan_id = ?1 AND origin = ?2 ORDER BY id", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, origin);
	*out = store_rows(s, st, sizeof **out, read_task_key, NULL, clear_task,
	    n, &rc, err);
	return rc;
}

int
store_task_find(struct store *s, long plan_id, const char *spec,
    long *task_id, char **err)
{
	sqlite3_stmt *st;
	const char *slash, *p;
	char *code;

	for (p = spec; isdigit((unsigned char)*p); p++)
		;
	if (p > spec && *p == '\0' && p - spec < 18) {
		st = store_prepare(s, "SELECT id FROM task WHERE id = ?1"
		    " AND plan_id = ?2", err);
		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, strtoll(spec, NULL, 10));
	} else {
		if ((slash = strrchr(spec, '/')) == NULL || slash == spec ||
		    slash[1] == '\0')
			return 1;
		st = store_prepare(s, "SELECT id FROM task WHERE plan_id = ?2"
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
	return store_row(s, st, store_read_long, task_id, NULL, err);
}

static void
read_history(sqlite3_stmt *st, int i, struct history *h)
{
	h->id = (long)sqlite3_column_int64(st, i);
	h->at = col_str(st, i + 1);
	h->user = col_str(st, i + 2);
	if (!history_kind_parse((const char *)sqlite3_column_text(st, i + 3),
	    &h->kind))
		h->kind = HK_COUNT;	/* the schema's CHECK rules it out */
	h->old = col_str(st, i + 4);
	h->new = col_str(st, i + 5);
	h->clock = NULL;
}

/* A row of store_history: read_history's columns, then the clock. */
static bool
read_history_row(sqlite3_stmt *st, void *elem, void *arg)
{
	struct history *h = elem;

	(void)arg;
	read_history(st, 0, h);
	h->clock = col_str(st, 6);
	return true;
}

int
store_history(struct store *s, long task_id, struct history **out,
    size_t *n, char **err)
{
	int rc;

	/* Stored in UTC, shown in the reader's local time (TZ). */
	*out = store_list(s, "SELECT id, datetime(at, 'localtime'), user,"
	    " kind, old, new, datetime(clock, 'localtime') FROM history"
	    " WHERE task_id = ?1 ORDER BY id", task_id, 0, sizeof **out,
	    read_history_row, history_clear, n, &rc, err);
	return rc;
}

int
store_changes(struct store *s, long plan_id, const char *since,
    struct change **out, size_t *n, char **err)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	/* since is a local date, like every date the user types. */
	st = store_prepare(s, "SELECT h.id, datetime(h.at, 'localtime'),"
	    " h.user, h.kind, h.old, h.new, t.id, t.code, t.role, t.title"
	    " FROM history h JOIN task t ON t.id = h.task_id"
	    " WHERE t.plan_id = ?1"
	    " AND (?2 IS NULL OR date(h.at, 'localtime') >= ?2)"
	    " ORDER BY h.at, h.id", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, since);
	return store_changes_read(s, st, out, n, err);
}

static bool
read_change(sqlite3_stmt *st, void *elem, void *arg)
{
	struct change *c = elem;

	(void)arg;
	read_history(st, 0, &c->h);
	c->task_id = (long)sqlite3_column_int64(st, 6);
	c->code = col_str(st, 7);
	c->role = col_str(st, 8);
	c->title = col_str(st, 9);
	return true;
}

int
store_changes_read(struct store *s, sqlite3_stmt *st, struct change **out,
    size_t *n, char **err)
{
	int rc = -1;

	*out = store_rows(s, st, sizeof **out, read_change, NULL, change_clear,
	    n, &rc, err);
	return rc;
}

/* --- changes --------------------------------------------------------- */

/* --- the words of notes and evidence, for the board's search --------- */

static void
clear_text(void *elem)
{
	struct task_text *t = elem;

	free(t->text);
}

static bool
read_text(sqlite3_stmt *st, void *elem, void *arg)
{
	struct task_text *t = elem;

	(void)arg;
	t->task_id = (long)sqlite3_column_int64(st, 0);
	t->text = col_str(st, 1);
	return true;
}

int
store_task_texts(struct store *s, long plan_id, struct task_text **out,
    size_t *n, char **err)
{
	int rc;

	*out = store_list(s, "SELECT h.task_id, h.new FROM history h"
	    " JOIN task t ON t.id = h.task_id WHERE t.plan_id = ?1"
	    " AND h.kind IN ('note', 'evidence') AND h.undone = 0"
	    " AND h.new IS NOT NULL", plan_id, 0, sizeof **out, read_text,
	    clear_text, n, &rc, err);
	return rc;
}

void
task_texts_free(struct task_text *v, size_t n)
{
	model_free_each(v, n, sizeof *v, clear_text);
}

/* One integer from sql (?1 an integer, ?2 text), -1 on error. */
long
store_long(struct store *s, const char *sql, long a, const char *b,
    char **err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	long v = -1;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, a);
	bind_text(st, 2, b);
	store_row(s, st, store_read_long, &v, NULL, err);
	return v;
}

static struct plan_criteria *
plan_criteria_add(struct plan_criteria **v, size_t *n, size_t *cap,
    sqlite3_stmt *st)
{
	long id = (long)sqlite3_column_int64(st, 0);
	struct plan_criteria *p;

	if (*n > 0 && (*v)[*n - 1].id == id)
		return &(*v)[*n - 1];
	*v = xgrow(*v, cap, *n + 1, sizeof **v);
	p = &(*v)[(*n)++];
	memset(p, 0, sizeof *p);
	p->id = id;
	p->name = col_str(st, 1);
	return p;
}

int
store_plans_criteria(struct store *s, struct plan_criteria **out,
    size_t *n, char **err)
{
	struct plan_criteria *v = NULL, *p;
	size_t cnt = 0, cap = 0, k;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	st = store_prepare(s, "SELECT p.id, p.name, c.code, c.appraised"
	    " FROM plan p LEFT JOIN criterion c ON c.plan_id = p.id"
	    " AND c.code IS NOT NULL ORDER BY p.id, c.line, c.id", err);
	if (st == NULL)
		return -1;
	while ((rc = store_step(s, st, err)) == SQLITE_ROW) {
		p = plan_criteria_add(&v, &cnt, &cap, st);
		if (sqlite3_column_type(st, 2) == SQLITE_NULL)
			continue;
		k = p->n++;
		p->codes = xrealloc(p->codes, p->n * sizeof *p->codes);
		p->appraised = xrealloc(p->appraised,
		    p->n * sizeof *p->appraised);
		p->has_appraised = xrealloc(p->has_appraised,
		    p->n * sizeof *p->has_appraised);
		p->codes[k] = col_str(st, 2);
		p->has_appraised[k] = sqlite3_column_type(st, 3) !=
		    SQLITE_NULL;
		p->appraised[k] = sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	if (rc < 0) {
		plans_criteria_free(v, cnt);
		return -1;
	}
	*out = v;
	*n = cnt;
	return 0;
}

void
plans_criteria_free(struct plan_criteria *v, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < v[i].n; k++)
			free(v[i].codes[k]);
		free(v[i].codes);
		free(v[i].appraised);
		free(v[i].has_appraised);
		free(v[i].name);
	}
	free(v);
}

const char *
store_path(const struct store *s)
{
	return s->path;
}

/* --- the board's snapshot -------------------------------------------- */

/* The lean read of a plan's tasks is a scan of the task table, and what
 * the full read joins per row (criterion, note and evidence counts) is
 * read once and merged here: the tasks come in id order, the counts in
 * task order, the criterion codes into a hash set.  A join costs a seek
 * per row, most of the board's start with 10 000 tasks. */
#define LEAN_TEXTS 11	/* code role support title due target every
			 * role_source person crit_title links */

struct codes;
static bool codes_has(const struct codes *c, const char *code);

/* One row of the lean query into t, its texts copied into one block;
 * crit_title "" when codes has its code. */
static void
read_task_lean(sqlite3_stmt *st, struct task *t, const struct codes *codes)
{
	static const int col[LEAN_TEXTS] = { 2, 3, 4, 5, 7, 9, 10, 11, 13,
	    -2, 14 };
	char **field[LEAN_TEXTS] = { &t->code, &t->role, &t->support,
	    &t->title, &t->due, &t->target, &t->every, &t->role_source,
	    &t->person, &t->crit_title, &t->links };
	const char *v[LEAN_TEXTS];
	size_t len[LEAN_TEXTS], total = 0;
	char *p;
	int i;

	memset(t, 0, sizeof *t);
	t->id = (long)sqlite3_column_int64(st, 0);
	t->version = (long)sqlite3_column_int64(st, 1);
	t->status = status_from_name((const char *)sqlite3_column_text(st,
	    6));
	t->has_points = sqlite3_column_type(st, 8) != SQLITE_NULL;
	t->points = sqlite3_column_int64(st, 8);
	t->seq = (long)sqlite3_column_int64(st, 12);
	for (i = 0; i < LEAN_TEXTS; i++) {
		if (col[i] == -2)	/* after the code, v[0] */
			v[i] = codes_has(codes, v[0]) ? "" : NULL;
		else
			v[i] = (const char *)sqlite3_column_text(st, col[i]);
		len[i] = v[i] != NULL ? strlen(v[i]) + 1 : 0;
		total += len[i];
	}
	p = t->pool = xmalloc(total);
	for (i = 0; i < LEAN_TEXTS; i++) {
		if (v[i] == NULL)
			continue;
		memcpy(p, v[i], len[i]);
		*field[i] = p;
		p += len[i];
	}
}

/* The plan's criterion codes in one block, and a hash set of them
 * (open addressing, at most half full): a look-up per task. */
struct codes {
	char **slot;
	size_t mask;
	struct buf text;
};

static size_t
code_hash(const char *c)
{
	size_t h = 2166136261u;		/* FNV-1a */

	for (; *c != '\0'; c++)
		h = (h ^ (unsigned char)*c) * 16777619u;
	return h;
}

static int
codes_read(struct store *s, long plan_id, struct codes *c, char **err)
{
	sqlite3_stmt *st;
	size_t *at = NULL, cap = 0, n = 0, size = 16, i, h;
	char *code;
	int rc;

	memset(c, 0, sizeof *c);
	st = store_prepare(s, "SELECT code FROM criterion WHERE plan_id = ?1"
	    " AND code IS NOT NULL", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	while ((rc = store_step(s, st, err)) == SQLITE_ROW) {
		at = xgrow(at, &cap, n + 1, sizeof *at);
		at[n++] = c->text.len;
		buf_add(&c->text, (const char *)sqlite3_column_text(st, 0),
		    (size_t)sqlite3_column_bytes(st, 0) + 1);
	}
	sqlite3_finalize(st);
	if (rc < 0) {
		free(at);
		buf_free(&c->text);
		return -1;
	}
	while (size < 2 * n)
		size *= 2;
	c->slot = xcalloc(size, sizeof *c->slot);
	c->mask = size - 1;
	for (i = 0; i < n; i++) {
		code = c->text.data + at[i];
		for (h = code_hash(code) & c->mask; c->slot[h] != NULL;
		    h = (h + 1) & c->mask)
			;
		c->slot[h] = code;
	}
	free(at);
	return 0;
}

static bool
codes_has(const struct codes *c, const char *code)
{
	size_t h;

	if (code == NULL)
		return false;
	for (h = code_hash(code) & c->mask; c->slot[h] != NULL;
	    h = (h + 1) & c->mask)
		if (strcmp(c->slot[h], code) == 0)
			return true;
	return false;
}

static void
codes_free(struct codes *c)
{
	free(c->slot);
	buf_free(&c->text);
}

/* Rows (task id, count) in task order into the tasks v (id order):
 * nnotes (which 0) or nevidence (1). */
static int
counts_merge(struct store *s, const char *sql, int which, struct task *v,
    size_t n, char **err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	size_t i = 0;
	long id;
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = store_step(s, st, err)) == SQLITE_ROW) {
		id = (long)sqlite3_column_int64(st, 0);
		while (i < n && v[i].id < id)
			i++;
		if (i == n)
			break;
		if (v[i].id != id)
			continue;
		if (which == 0)
			v[i].nnotes = sqlite3_column_int(st, 1);
		else
			v[i].nevidence = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc < 0 ? -1 : 0;
}

int
store_tasks_lean(struct store *s, long plan_id, struct task **out,
    size_t *n, char **err)
{
	sqlite3_stmt *st;
	struct task *v;
	struct codes codes;
	size_t cnt = 0, cap;
	long total;
	int rc;

	*out = NULL;
	*n = 0;
	/* Its reads see one state of the database, as one query did. */
	if (sqlite3_exec(s->db, "SAVEPOINT lean", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return store_dberr(s, err);
	/* The array is made once, to size: growing it by doubling would
	 * hold two copies at the peak.  The tasks of every plan are
	 * counted (SQLite counts a whole table by its pages, not its
	 * rows); pages beyond the plan's are never touched, and given
	 * back below. */
	total = store_long(s, "SELECT count(*) FROM task", 0, NULL, err);
	if (total < 0 || codes_read(s, plan_id, &codes, err) != 0) {
		sqlite3_exec(s->db, "RELEASE lean", NULL, NULL, NULL);
		return -1;
	}
	cap = (size_t)total;
	v = xcalloc(cap + 1, sizeof *v);
	/* A scan of the table in id order (+: not through the plan index,
	 * which would look every row up again): a database holds few
	 * plans. */
	st = store_prepare(s, "SELECT id, version, code, role, support_roles,"
	    " title, status, due, points, target, every, role_source, seq,"
	    " person, links FROM task WHERE +plan_id = ?1 ORDER BY id", err);
	if (st == NULL) {
		sqlite3_exec(s->db, "RELEASE lean", NULL, NULL, NULL);
		codes_free(&codes);
		free(v);
		return -1;
	}
	sqlite3_bind_int64(st, 1, plan_id);
	while ((rc = store_step(s, st, err)) == SQLITE_ROW) {
		v = xgrow(v, &cap, cnt + 1, sizeof *v);
		read_task_lean(st, &v[cnt++], &codes);
	}
	sqlite3_finalize(st);
	codes_free(&codes);
	/* Counted over every plan (a task of another plan finds no match),
	 * the notes through their partial index (schema 6). */
	if (rc >= 0)
		rc = counts_merge(s, "SELECT task_id, count(*) FROM history"
		    " WHERE kind = 'note' GROUP BY task_id ORDER BY task_id", 0,
		    v, cnt, err);
	if (rc >= 0)
		rc = counts_merge(s, "SELECT l.task_id, count(*)" LIVE_LINKS
		    " GROUP BY l.task_id ORDER BY l.task_id", 1,
		    v, cnt, err);
	if (rc >= 0)
		rc = store_schedules(s, plan_id, v, cnt, err);
	sqlite3_exec(s->db, "RELEASE lean", NULL, NULL, NULL);
	if (rc < 0) {
		tasks_free(v, cnt);
		return -1;
	}
	if (cnt < cap)
		v = xrealloc(v, (cnt + 1) * sizeof *v);
	*out = v;
	*n = cnt;
	return 0;
}

int
store_task_crit_each(struct store *s, long plan_id,
    void (*fn)(void *, long, const char *), void *arg, char **err)
{
	sqlite3_stmt *st;
	int rc;

	st = store_prepare(s, "SELECT t.id, coalesce(c.title, '') || char(10)"
	    " || coalesce(c.comment, '') || char(10) ||"
	    " coalesce(c.assignee, '') FROM task t JOIN criterion c"
	    " ON c.plan_id = t.plan_id AND c.code = t.code"
	    " WHERE +t.plan_id = ?1", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	while ((rc = store_step(s, st, err)) == SQLITE_ROW)
		fn(arg, (long)sqlite3_column_int64(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	return rc < 0 ? -1 : 0;
}

