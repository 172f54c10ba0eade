/* SPDX-License-Identifier: ISC */
/* store_tick.c: the occurrences of counted targets (schema 5): ticked,
 * unticked and read.  The first occurrence starts the work, through
 * store_change.c's status change; like it, every write is one
 * transaction (or a savepoint of the caller's) with a history row. */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "date.h"
#include "i18n.h"
#include "store.h"
#include "store_impl.h"
#include "targets.h"
#include "util.h"

/* The first occurrence starts the work: to do becomes in progress. */
static int
tick_start(struct store *s, long task_id, const char *user, char **err)
{
	struct task t;
	int rc;

	if (store_task_get(s, task_id, &t, err) != 0)
		return -1;
	rc = 0;
	if (t.status == STATUS_TODO)
		rc = store_task_set(s, task_id, -1, "status",
		    status_name(STATUS_DOING), NULL, user, err);
	task_clear(&t);
	return rc;
}

static int
tick_add(struct store *s, long task_id, const char *day,
    const char *note, const char *user, char **err)
{
	sqlite3_stmt *st;
	char shown[16];
	int rc;

	if (strcmp(day, today()) > 0)
		return fail(err, _("%s is in the future"),
		    i18n_date(day, shown, sizeof shown));
	if (store_begin(s, err) != 0)
		return -1;
	rc = store_bump_task(s, task_id, err);
	st = rc == 0 ? store_prepare(s, "INSERT INTO tick (task_id, day, note,"
	    " user, at, clock) VALUES (?1, ?2, ?3, ?4, " NOW ", " CLOCK ")",
	    err) : NULL;
	if (st != NULL) {
		sqlite3_bind_int64(st, 1, task_id);
		bind_text(st, 2, day);
		bind_text(st, 3, store_blank(note) ? NULL : note);
		bind_text(st, 4, user != NULL ? user : current_user());
		rc = store_run(s, st, err);
	} else
		rc = -1;
	if (rc == 0)
		rc = store_add_history(s, task_id, user, "tick", NULL, day,
		    NULL, err);
	if (rc == 0)
		rc = tick_start(s, task_id, user, err);
	return store_end(s, rc, err);
}

int
store_tick_add(struct store *s, long task_id, const char *day,
    const char *note, const char *user, char **err)
{
	char *n;
	int rc;

	if (text_field("--note", note, true, &n, err) != 0)
		return -1;
	rc = tick_add(s, task_id, day, n, user, err);
	free(n);
	return rc;
}

/* A tick's id into the long at elem, its day into arg (11 bytes). */
static bool
read_id_day(sqlite3_stmt *st, void *elem, void *arg)
{
	store_read_long(st, elem, NULL);
	snprintf(arg, 11, "%s", (const char *)sqlite3_column_text(st, 1));
	return true;
}

int
store_tick_remove(struct store *s, long task_id, const char *from,
    const char *to, const char *user, char day_out[11], char **err)
{
	sqlite3_stmt *st;
	long id = 0;
	int rc;

	if (store_begin(s, err) != 0)
		return -1;
	st = store_prepare(s, "SELECT id, day FROM tick WHERE task_id = ?1"
	    " AND removed = 0 AND day >= ?2 AND day <= ?3"
	    " ORDER BY day DESC, id DESC LIMIT 1", err);
	if (st == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, task_id);
	bind_text(st, 2, from);
	bind_text(st, 3, to);
	rc = store_row(s, st, read_id_day, &id, day_out, err);
	if (rc < 0)
		goto fail;
	if (rc == 1) {
		store_rollback(s);
		return 1;
	}
	return store_removal_end(s, "UPDATE tick SET removed = 1"
	    " WHERE id = ?1", id, task_id, user, "tick", day_out, err);
fail:
	store_rollback(s);
	return -1;
}

static bool
read_tick(sqlite3_stmt *st, void *elem, void *arg)
{
	struct tick *k = elem;

	(void)arg;
	k->id = (long)sqlite3_column_int64(st, 0);
	k->task_id = (long)sqlite3_column_int64(st, 1);
	k->day = col_str(st, 2);
	k->note = col_str(st, 3);
	k->user = col_str(st, 4);
	return true;
}

int
store_ticks(struct store *s, long plan_id, long task_id, struct tick **out,
    size_t *n, char **err)
{
	int rc;

	/* A plan's: a walk of tick_task, already in the order asked for,
	 * with a look at each tick's task (not a seek into tick for each
	 * of the plan's tasks, most of which have none). */
	*out = store_list(s, task_id == 0 ?
	    "SELECT k.id, k.task_id, k.day, k.note, k.user"
	    " FROM tick k CROSS JOIN task t ON t.id = k.task_id"
	    " WHERE t.plan_id = ?1 AND k.removed = 0"
	    " ORDER BY k.task_id, k.day, k.id" :
	    "SELECT k.id, k.task_id, k.day, k.note, k.user"
	    " FROM tick k JOIN task t ON t.id = k.task_id"
	    " WHERE t.plan_id = ?1 AND k.task_id = ?2"
	    " AND k.removed = 0 ORDER BY k.task_id, k.day, k.id", plan_id,
	    task_id, sizeof **out, read_tick, tick_clear, n, &rc, err);
	return rc;
}

/* --- the schedules of tasks read ------------------------------------- */

/* Where the plan's recurring targets start (struct plan's since). */
static char *
plan_since(struct store *s, long plan_id, char **err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT " PLAN_SINCE " FROM plan"
	    " WHERE id = ?1", err);
	char *at = NULL;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, plan_id);
	if (store_step(s, st, err) == SQLITE_ROW)
		at = col_str(st, 0);
	sqlite3_finalize(st);
	return at;
}

static int
recurring_fill(struct store *s, long plan_id, struct task *v, size_t n,
    char **err)
{
	struct plan p = { .id = plan_id };
	struct tick *k;
	size_t nk, i, lo, c;

	if (store_ticks(s, plan_id, 0, &k, &nk, err) != 0)
		return -1;
	p.since = plan_since(s, plan_id, err);
	for (i = 0; i < n; i++) {
		if (task_kind(&v[i]) != TASK_RECURRING)
			continue;
		c = ticks_of_task(k, nk, v[i].id, &lo);
		target_schedule(&v[i], &p, k != NULL ? k + lo : NULL, c);
	}
	free(p.since);
	ticks_free(k, nk);
	return 0;
}

/* Tasks by id, through an array of pointers (store_tasks' order is the
 * cards'). */
static int
task_ptr_cmp(const void *a, const void *b)
{
	const struct task *x = *(struct task *const *)a;
	const struct task *y = *(struct task *const *)b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* The day of each continuing task's last history row: one read of the
 * plan's, through the history_task index. */
static int
continuing_fill(struct store *s, long plan_id, struct task *v, size_t n,
    char **err)
{
	sqlite3_stmt *st;
	struct task **ix, key, *kp = &key, **hit;
	size_t i, m = 0;
	int rc;

	ix = xcalloc(n + 1, sizeof *ix);
	for (i = 0; i < n; i++)
		if (task_kind(&v[i]) == TASK_CONTINUING)
			ix[m++] = &v[i];
	if (m == 0 || (st = store_prepare(s, "SELECT h.task_id, max(h.at)"
	    " FROM task t JOIN history h ON h.task_id = t.id"
	    " WHERE t.plan_id = ?1 AND t.due IS NULL GROUP BY t.id", err)) ==
	    NULL) {
		free(ix);
		return m == 0 ? 0 : -1;
	}
	qsort(ix, m, sizeof *ix, task_ptr_cmp);
	sqlite3_bind_int64(st, 1, plan_id);
	while ((rc = store_step(s, st, err)) == SQLITE_ROW) {
		key.id = (long)sqlite3_column_int64(st, 0);
		hit = xbsearch(&kp, ix, m, sizeof *ix, task_ptr_cmp);
		if (hit != NULL && sqlite3_column_type(st, 1) != SQLITE_NULL &&
		    !date_local_day((const char *)sqlite3_column_text(st, 1),
		    (*hit)->updated))
			(*hit)->updated[0] = '\0';
	}
	sqlite3_finalize(st);
	free(ix);
	return rc < 0 ? -1 : 0;
}

int
store_schedules(struct store *s, long plan_id, struct task *v, size_t n,
    char **err)
{
	size_t i, nrec = 0;

	for (i = 0; i < n; i++)
		if (task_kind(&v[i]) == TASK_RECURRING)
			nrec++;
	if (nrec > 0 && recurring_fill(s, plan_id, v, n, err) != 0)
		return -1;
	return continuing_fill(s, plan_id, v, n, err);
}
