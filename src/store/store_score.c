/* SPDX-License-Identifier: ISC */
/* store_score.c: what scores a plan's criteria (score.h) — each
 * criterion's rule (criterion_rule, schema 13), read from its comment
 * at import and kept when a person set it, and the figures recorded
 * after the appraisal (figure). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store.h"
#include "store_impl.h"
#include "util.h"


/* Columns i.. of st (STORE_RULE_COLS) into r; a NULL kind: document. */
void
store_rule_read(sqlite3_stmt *st, int i, struct crit_rule *r)
{
	memset(r, 0, sizeof *r);
	r->kind = crit_kind_from_name((const char *)sqlite3_column_text(st,
	    i));
	r->threshold = sqlite3_column_int64(st, i + 1);
	r->snapshot = sqlite3_column_int(st, i + 2) != 0;
	r->has_num = sqlite3_column_type(st, i + 3) != SQLITE_NULL;
	r->num = (long)sqlite3_column_int64(st, i + 3);
	r->has_den = sqlite3_column_type(st, i + 4) != SQLITE_NULL;
	r->den = (long)sqlite3_column_int64(st, i + 4);
	r->late = (long)sqlite3_column_int64(st, i + 5);
	r->plan_name = col_str(st, i + 6);
	r->has_expect = sqlite3_column_type(st, i + 7) != SQLITE_NULL;
	r->expect = (long)sqlite3_column_int64(st, i + 7);
	r->by_hand = sqlite3_column_int(st, i + 8) != 0;
}

/* r bound to ?3..?11 (STORE_RULE_COLS; a statement may use fewer: a
 * parameter it lacks is not bound). */
static void
rule_bind(sqlite3_stmt *st, const struct crit_rule *r)
{
	bind_text(st, 3, crit_kind_name(r->kind));
	if (r->kind == CK_THRESHOLD)
		sqlite3_bind_int64(st, 4, r->threshold);
	sqlite3_bind_int(st, 5, r->snapshot);
	if (r->has_num)
		sqlite3_bind_int64(st, 6, r->num);
	if (r->has_den)
		sqlite3_bind_int64(st, 7, r->den);
	if (r->late > 0)
		sqlite3_bind_int64(st, 8, r->late);
	bind_text(st, 9, r->plan_name);
	if (r->has_expect)
		sqlite3_bind_int64(st, 10, r->expect);
	sqlite3_bind_int(st, 11, r->by_hand);
}

/* Saved as the comment says: an import's rule, which leaves one a person
 * set (by_hand) and the expected volume. */
static const char rule_import_sql[] =
    "INSERT INTO criterion_rule (plan_id, code, " STORE_RULE_COLS ")"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
    " ON CONFLICT (plan_id, code) DO UPDATE SET kind = excluded.kind,"
    " threshold = excluded.threshold, snapshot = excluded.snapshot,"
    " num = excluded.num, den = excluded.den, late = excluded.late,"
    " plan_name = excluded.plan_name WHERE by_hand = 0";
/* Saved as a person set it: every column. */
static const char rule_hand_sql[] =
    "INSERT OR REPLACE INTO criterion_rule (plan_id, code, " STORE_RULE_COLS ")"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

/* An import's document rule: no row (the default), or the row an
 * earlier import left made a document's. */
static const char rule_import_document_sql[] =
    "UPDATE criterion_rule SET kind = ?3, threshold = ?4, snapshot = ?5,"
    " num = ?6, den = ?7, late = ?8, plan_name = ?9"
    " WHERE plan_id = ?1 AND code = ?2 AND by_hand = 0 AND ?10 IS ?10"
    " AND ?11 IS ?11";

int
store_rule_save(struct store *s, long plan_id, const char *code,
    const struct crit_rule *r, char **err)
{
	sqlite3_stmt *st = store_prepare(s, r->by_hand ? rule_hand_sql :
	    r->kind == CK_DOCUMENT && !r->has_num && !r->has_den ?
	    rule_import_document_sql : rule_import_sql, err);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, code);
	rule_bind(st, r);
	return store_run(s, st, err);
}

int
store_rule_get(struct store *s, long plan_id, const char *code,
    struct crit_rule *out, char **err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT " STORE_RULE_COLS
	    " FROM criterion_rule WHERE plan_id = ?1 AND code = ?2", err);
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, code);
	if ((rc = store_step(s, st, err)) == SQLITE_ROW)
		store_rule_read(st, 0, out);
	sqlite3_finalize(st);
	return rc < 0 ? -1 : rc == SQLITE_ROW ? 0 : 1;
}

/* One criterion's title and comment, for the rule they say. */
struct said {
	long plan_id;
	char *code, *title, *comment;
};

static void
said_clear(void *elem)
{
	struct said *w = elem;

	free(w->code);
	free(w->title);
	free(w->comment);
}

static bool
read_said(sqlite3_stmt *st, void *elem, void *arg)
{
	struct said *w = elem;

	(void)arg;
	w->plan_id = (long)sqlite3_column_int64(st, 0);
	w->code = col_str(st, 1);
	w->title = col_str(st, 2);
	w->comment = col_str(st, 3);
	return true;
}

int
store_scored_mark(struct store *s, long plan_id, char **err)
{
	sqlite3_stmt *st = store_prepare(s, "UPDATE criterion SET scored ="
	    " EXISTS (SELECT 1 FROM task t WHERE t.plan_id = criterion.plan_id"
	    " AND t.code = criterion.code AND t.points IS NOT NULL)"
	    " WHERE ?1 = 0 OR plan_id = ?1", err);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	return store_run(s, st, err);
}

int
store_rules_from_comments(struct store *s, long plan_id, char **err)
{
	struct said *v;
	struct crit_rule r;
	size_t n, i;
	int rc;

	v = store_list(s, "SELECT c.plan_id, c.code, c.title, c.comment"
	    " FROM criterion c WHERE c.code IS NOT NULL"
	    " AND (?1 = 0 OR c.plan_id = ?1)", plan_id, 0, sizeof *v,
	    read_said, said_clear, &n, &rc, err);
	for (i = 0; rc == 0 && i < n; i++) {
		crit_rule_from_comment(v[i].title, v[i].comment, &r);
		rc = store_rule_save(s, v[i].plan_id, v[i].code, &r, err);
		crit_rule_clear(&r);
	}
	model_free_each(v, n, sizeof *v, said_clear);
	return rc;
}

/* The figures of the plan's criteria as figure_sum keeps them (?1 the
 * plan, ?2 the code or NULL, column 0 the code). */
const char store_figures_sum_sql[] =
    "SELECT code, n, num, den, months, last, snap_num, snap_den"
    " FROM figure_sum WHERE plan_id = ?1 AND (?2 IS NULL OR code = ?2)";

void
store_figures_read(sqlite3_stmt *st, struct crit_figures *g)
{
	const char *m = (const char *)sqlite3_column_text(st, 5);
	size_t len = m != NULL ? strnlen(m, sizeof g->last - 1) : 0;

	g->n = (size_t)sqlite3_column_int64(st, 1);
	g->num = (long)sqlite3_column_int64(st, 2);
	g->den = (long)sqlite3_column_int64(st, 3);
	g->months = sqlite3_column_int(st, 4);
	g->has_snapshot = m != NULL;
	memcpy(g->last, m != NULL ? m : "", len);
	g->last[len] = '\0';
	g->snap_num = (long)sqlite3_column_int64(st, 6);
	g->snap_den = (long)sqlite3_column_int64(st, 7);
}

static bool
read_figure(sqlite3_stmt *st, void *elem, void *arg)
{
	struct figure *f = elem;
	const char *v;

	(void)arg;
	f->id = (long)sqlite3_column_int64(st, 0);
	v = (const char *)sqlite3_column_text(st, 1);
	snprintf(f->from, sizeof f->from, "%s", v != NULL ? v : "");
	v = (const char *)sqlite3_column_text(st, 2);
	snprintf(f->to, sizeof f->to, "%s", v != NULL ? v : "");
	f->num = (long)sqlite3_column_int64(st, 3);
	f->den = (long)sqlite3_column_int64(st, 4);
	f->snapshot = sqlite3_column_int(st, 5) != 0;
	f->user = col_str(st, 6);
	f->at = col_str(st, 7);
	return true;
}

int
store_figures_list(struct store *s, long plan_id, const char *code,
    struct figure **out, size_t *n, char **err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT id, month_from,"
	    " month_to, num, den, snapshot, user, at FROM figure"
	    " WHERE plan_id = ?1 AND code = ?2 AND removed = 0"
	    " ORDER BY month_from, month_to, id", err);
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, code);
	*out = store_rows(s, st, sizeof **out, read_figure, NULL,
	    figure_clear, n, &rc, err);
	return rc;
}

int
store_rule_change(struct store *s, long plan_id, const char *code,
    long task_id, const struct crit_rule *r, const char *was,
    const char *is, const char *user, char **err)
{
	int rc;

	if (store_begin(s, err) != 0)
		return -1;
	rc = store_rule_save(s, plan_id, code, r, err);
	if (rc == 0)
		rc = store_add_history(s, task_id, user, "rule", was, is, NULL,
		    err);
	return store_end(s, rc, err);
}

int
store_figures_record(struct store *s, long plan_id, const char *code,
    long task_id, const struct figure *f, long replace, const char *was,
    const char *user, char **err)
{
	sqlite3_stmt *st;
	char *is = figure_describe(f);
	int rc;

	if (store_begin(s, err) != 0) {
		free(is);
		return -1;
	}
	rc = replace > 0 ? store_run_id(s, "UPDATE figure SET removed = 1"
	    " WHERE id = ?1", replace, err) : 0;
	if (rc == 0 && (st = store_prepare(s, "INSERT INTO figure (plan_id,"
	    " code, month_from, month_to, num, den, snapshot, user, at,"
	    " clock) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, " NOW ", "
	    CLOCK ")", err)) == NULL)
		rc = -1;
	if (rc == 0) {
		sqlite3_bind_int64(st, 1, plan_id);
		bind_text(st, 2, code);
		bind_text(st, 3, f->from);
		bind_text(st, 4, f->to);
		sqlite3_bind_int64(st, 5, f->num);
		sqlite3_bind_int64(st, 6, f->den);
		sqlite3_bind_int(st, 7, f->snapshot);
		bind_text(st, 8, user != NULL ? user : current_user());
		rc = store_run(s, st, err);
	}
	if (rc == 0)
		rc = store_add_history(s, task_id, user, "figures", was, is,
		    NULL, err);
	free(is);
	return store_end(s, rc, err);
}
