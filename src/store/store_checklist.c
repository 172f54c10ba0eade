/* SPDX-License-Identifier: ISC */
/* store_checklist.c: a criterion's checklist and counted target
 * (checklist.h; tables checklist_item and checklist_target, schema 10),
 * read, and set by hand.  The import's write is store_import.c's. */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "store.h"
#include "store_impl.h"
#include "text.h"
#include "util.h"

void
store_col_day(sqlite3_stmt *st, int i, char out[11])
{
	const char *v = (const char *)sqlite3_column_text(st, i);

	snprintf(out, 11, "%s", v != NULL ? v : "");
}

static int
read_items(struct store *s, long plan_id, const char *code,
    struct checklist *c, char **err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT text, kinds, by_hand"
	    " FROM checklist_item WHERE plan_id = ?1 AND code = ?2"
	    " ORDER BY n", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, code);
	while ((rc = store_step(s, st, err)) == SQLITE_ROW) {
		c->items = xrealloc(c->items, (c->nitems + 1) *
		    sizeof *c->items);
		c->items[c->nitems].text = col_str(st, 0);
		c->items[c->nitems++].kinds =
		    (unsigned)sqlite3_column_int64(st, 1);
		c->items_by_hand |= sqlite3_column_int(st, 2) != 0;
	}
	sqlite3_finalize(st);
	return rc < 0 ? -1 : 0;
}

static int
read_target(struct store *s, long plan_id, const char *code,
    struct checklist *c, char **err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT count, unit, day_from,"
	    " day_to, by_hand FROM checklist_target"
	    " WHERE plan_id = ?1 AND code = ?2", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, code);
	if ((rc = store_step(s, st, err)) == SQLITE_ROW) {
		c->count = (long)sqlite3_column_int64(st, 0);
		c->unit = col_str(st, 1);
		store_col_day(st, 2, c->from);
		store_col_day(st, 3, c->to);
		c->target_by_hand = sqlite3_column_int(st, 4) != 0;
	}
	sqlite3_finalize(st);
	return rc < 0 ? -1 : 0;
}

int
store_checklist_get(struct store *s, long plan_id, const char *code,
    char **title, long *task_id, struct checklist *out, char **err)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	st = store_prepare(s, "SELECT c.title, coalesce(t.id, 0)"
	    " FROM criterion c LEFT JOIN task t ON t.plan_id = c.plan_id"
	    " AND t.tkey = 'A:' || c.code"
	    " WHERE c.plan_id = ?1 AND c.code = ?2", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, code);
	if ((rc = store_step(s, st, err)) == SQLITE_ROW) {
		if (title != NULL)
			*title = col_str(st, 0);
		if (task_id != NULL)
			*task_id = (long)sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc < 0 ? -1 : 1;
	/* No item: the one of a comment that names no document. */
	rc = read_items(s, plan_id, code, out, err);
	if (rc == 0 && out->nitems == 0)
		checklist_add_any(out);
	if (rc != 0 || read_target(s, plan_id, code, out, err) != 0) {
		checklist_clear(out);
		if (title != NULL) {
			free(*title);
			*title = NULL;
		}
		return -1;
	}
	return 0;
}

/* The items of c, by hand, in place of the criterion's. */
static int
set_items(struct store *s, long plan_id, const char *code,
    const struct checklist *c, char **err)
{
	sqlite3_stmt *st;
	char *t;
	size_t i;
	int rc = 0;

	st = store_prepare(s, "DELETE FROM checklist_item"
	    " WHERE plan_id = ?1 AND code = ?2", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, code);
	rc = store_run(s, st, err);	/* finalizes st */
	if (rc != 0 || (st = store_prepare(s, "INSERT INTO checklist_item"
	    " (plan_id, code, n, text, kinds, by_hand)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, 1)", err)) == NULL)
		return -1;
	for (i = 0; i < c->nitems && rc == 0; i++) {
		if ((rc = text_field("--require", c->items[i].text, false, &t,
		    err)) != 0)
			break;
		sqlite3_bind_int64(st, 1, plan_id);
		bind_text(st, 2, code);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)i + 1);
		bind_text(st, 4, t);
		sqlite3_bind_int64(st, 5, c->items[i].kinds);
		rc = store_step(s, st, err) < 0 ? -1 : 0;
		sqlite3_reset(st);
		free(t);
	}
	sqlite3_finalize(st);
	return rc;
}

/* The target of c, by hand, in place of the criterion's. */
static int
set_target(struct store *s, long plan_id, const char *code,
    const struct checklist *c, char **err)
{
	sqlite3_stmt *st = store_prepare(s, "INSERT OR REPLACE INTO"
	    " checklist_target (plan_id, code, count, unit, day_from, day_to,"
	    " by_hand) VALUES (?1, ?2, ?3, ?4, nullif(?5, ''),"
	    " nullif(?6, ''), 1)", err);
	char *unit = NULL;
	int rc;

	if (st == NULL)
		return -1;
	if ((rc = text_field("--unit", c->unit, false, &unit, err)) != 0) {
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, code);
	sqlite3_bind_int64(st, 3, c->count);
	bind_text(st, 4, unit);
	bind_text(st, 5, c->from);
	bind_text(st, 6, c->to);
	rc = store_run(s, st, err);	/* finalizes st */
	free(unit);
	return rc;
}

int
store_checklist_set(struct store *s, long plan_id, const char *code,
    long task_id, const struct checklist *c, bool items, bool target,
    const char *user, char **err)
{
	struct checklist old, now;
	char *was = NULL, *is = NULL;
	int rc;

	if (store_begin(s, err) != 0)
		return -1;
	rc = store_checklist_get(s, plan_id, code, NULL, NULL, &old, err);
	if (rc > 0)
		rc = fail(err, _("no criterion %s"), code);
	if (rc == 0 && items)
		rc = set_items(s, plan_id, code, c, err);
	if (rc == 0 && target)
		rc = set_target(s, plan_id, code, c, err);
	if (rc == 0)
		rc = store_checklist_get(s, plan_id, code, NULL, NULL, &now,
		    err);
	if (rc == 0) {
		was = checklist_describe(&old);
		is = checklist_describe(&now);
		checklist_clear(&now);
		rc = store_add_history(s, task_id, user, "checklist", was, is,
		    NULL, err);
	}
	checklist_clear(&old);
	free(was);
	free(is);
	if (rc != 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, err);
}
