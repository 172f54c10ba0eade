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
