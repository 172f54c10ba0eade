/* SPDX-License-Identifier: ISC */
/* store_proof.c: the facts that prove a plan's criteria (store.h's
 * struct crit_facts) in a query per kind of fact, not per task, and the
 * giải trình kept on a status row (schema 12). */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store.h"
#include "store_impl.h"
#include "util.h"

/* The criteria, then their items, targets, documents, occurrences and
 * giải trình; each ?1 the plan, ?2 the code or NULL, column 0 the code.
 * The documents, occurrences and giải trình are read from their own
 * rows first (CROSS JOIN: SQLite keeps that order), not by a search in
 * them for every task of the plan: a plan has many more tasks than
 * links, ticks or explanations. */
static const char *const facts_sql[] = {
	"SELECT code, standard, appraised, has, scored FROM criterion"
	" WHERE plan_id = ?1 AND code IS NOT NULL"
	" AND (?2 IS NULL OR code = ?2) ORDER BY code",
	"SELECT code, text, kinds FROM checklist_item WHERE plan_id = ?1"
	" AND (?2 IS NULL OR code = ?2) ORDER BY code, n",
	"SELECT code, count, unit, day_from, day_to FROM checklist_target"
	" WHERE plan_id = ?1 AND (?2 IS NULL OR code = ?2)",
	"SELECT t.code, d.id, d.kind, coalesce(l.item, 0)"
	" FROM document_link l CROSS JOIN document d ON d.id = l.document"
	" CROSS JOIN task t ON t.id = l.task_id"
	" WHERE l.removed = 0 AND d.removed = 0 AND t.plan_id = ?1"
	" AND t.code IS NOT NULL AND (?2 IS NULL OR t.code = ?2)"
	" ORDER BY t.code, d.day, d.id, l.id",
	"SELECT t.code, k.day FROM tick k CROSS JOIN task t"
	" ON t.id = k.task_id"
	" WHERE k.removed = 0 AND t.plan_id = ?1 AND t.code IS NOT NULL"
	" AND (?2 IS NULL OR t.code = ?2) ORDER BY t.code, k.day",
	"SELECT t.code, h.explain FROM history h INDEXED BY history_explain"
	" CROSS JOIN task t ON t.id = h.task_id"
	" WHERE t.plan_id = ?1 AND t.code IS NOT NULL"
	" AND (?2 IS NULL OR t.code = ?2) AND t.status = 'done'"
	" AND h.kind = 'status' AND h.new = 'done' AND h.undone = 0"
	" AND h.explain IS NOT NULL ORDER BY h.id",
	store_figures_sum_sql,
	"SELECT code, " STORE_RULE_COLS " FROM criterion_rule"
	" WHERE plan_id = ?1 AND (?2 IS NULL OR code = ?2)",
};

static int
facts_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct crit_facts *)elem)->code);
}

const struct crit_facts *
crit_facts_find(const struct crit_facts *v, size_t n, const char *code)
{
	return code == NULL || n == 0 ? NULL :
	    bsearch(code, v, n, sizeof *v, facts_cmp);
}

/* Row st of query q into f. */
static void
take_row(int q, sqlite3_stmt *st, struct crit_facts *f)
{
	struct checklist *c = &f->list;

	if (q == 1) {
		c->items = xrealloc(c->items, (c->nitems + 1) *
		    sizeof *c->items);
		c->items[c->nitems].text = col_str(st, 1);
		c->items[c->nitems++].kinds =
		    (unsigned)sqlite3_column_int64(st, 2);
	} else if (q == 2) {
		c->count = (long)sqlite3_column_int64(st, 1);
		c->unit = col_str(st, 2);
		store_col_day(st, 3, c->from);
		store_col_day(st, 4, c->to);
	} else if (q == 3) {
		f->docs = xrealloc(f->docs, (f->ndocs + 1) * sizeof *f->docs);
		f->docs[f->ndocs].id = (long)sqlite3_column_int64(st, 1);
		f->docs[f->ndocs].kind = store_kind_of_name(
		    (const char *)sqlite3_column_text(st, 2));
		f->docs[f->ndocs++].item = (long)sqlite3_column_int64(st, 3);
	} else if (q == 4) {
		f->days = xrealloc(f->days, (f->ndays + 1) * sizeof *f->days);
		f->days[f->ndays++] = col_str(st, 1);
	} else if (q == 5) {
		free(f->explain);
		f->explain = col_str(st, 1);
	} else if (q == 6)
		store_figures_read(st, &f->figs);
	else
		store_rule_read(st, 1, &f->rule);
}

/* The criterion code's among v[0..n) (in code order), or NULL.  Most
 * queries come in code order too: the search walks on from *at, the
 * last one found, and searches all of v only for a code out of that
 * order or not in v. */
static struct crit_facts *
facts_next(struct crit_facts *v, size_t n, const char *code, size_t *at)
{
	const struct crit_facts *f;
	int c = -1;

	if (code == NULL)
		return NULL;
	while (*at < n && (c = strcmp(v[*at].code, code)) < 0)
		++*at;
	if (*at < n && c == 0)
		return &v[*at];
	if ((f = crit_facts_find(v, n, code)) == NULL)
		return NULL;
	*at = (size_t)(f - v);
	return &v[*at];
}

/* Row st of the criteria's query (the first) into f. */
static void
take_criterion(sqlite3_stmt *st, struct crit_facts *f)
{
	f->code = col_str(st, 0);
	f->standard = sqlite3_column_int64(st, 1);
	f->appraised = sqlite3_column_int64(st, 2);
	f->has = (unsigned)sqlite3_column_int(st, 3);
	f->scored = sqlite3_column_int(st, 4) != 0 &&
	    (f->has & (HAS_STANDARD | HAS_APPRAISED)) ==
	    (HAS_STANDARD | HAS_APPRAISED);
}

static int
run_query(struct store *s, int q, long plan_id, const char *code,
    struct crit_facts **v, size_t *n, char **err)
{
	sqlite3_stmt *st = store_prepare(s, facts_sql[q], err);
	struct crit_facts *f;
	const char *c;
	size_t at = 0, cap = 0;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, code);
	while ((rc = store_step(s, st, err)) == SQLITE_ROW) {
		c = (const char *)sqlite3_column_text(st, 0);
		if (q == 0) {
			*v = xgrow(*v, &cap, *n + 1, sizeof **v);
			memset(&(*v)[*n], 0, sizeof **v);
			take_criterion(st, &(*v)[(*n)++]);
		} else if ((f = facts_next(*v, *n, c, &at)) != NULL)
			take_row(q, st, f);
	}
	sqlite3_finalize(st);
	return rc < 0 ? -1 : 0;
}

int
store_proof_facts(struct store *s, long plan_id, const char *code,
    struct crit_facts **out, size_t *n, char **err)
{
	size_t q;

	*out = NULL;
	*n = 0;
	for (q = 0; q < sizeof facts_sql / sizeof facts_sql[0]; q++)
		if (run_query(s, (int)q, plan_id, code, out, n, err) != 0) {
			crit_facts_free(*out, *n);
			*out = NULL;
			*n = 0;
			return -1;
		}
	/* A criterion without a checklist (none derived, none set) needs
	 * a document, as one whose comment names none. */
	for (q = 0; q < *n; q++)
		if ((*out)[q].list.nitems == 0)
			checklist_add_any(&(*out)[q].list);
	return 0;
}

void
crit_facts_free(struct crit_facts *v, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		free(v[i].code);
		checklist_clear(&v[i].list);
		free(v[i].docs);
		for (j = 0; j < v[i].ndays; j++)
			free(v[i].days[j]);
		free(v[i].days);
		free(v[i].explain);
		crit_rule_clear(&v[i].rule);
	}
	free(v);
}

long
store_task_status_row(struct store *s, long task_id, char **err)
{
	return store_long(s, "SELECT coalesce(max(id), 0) FROM history"
	    " WHERE task_id = ?1 AND kind = 'status'", task_id, NULL, err);
}

int
store_task_set_explain(struct store *s, long task_id, long since,
    const char *text, char **err)
{
	sqlite3_stmt *st = store_prepare(s, "UPDATE history SET explain = ?3"
	    " WHERE id = (SELECT max(id) FROM history WHERE task_id = ?1"
	    " AND kind = 'status') AND id > ?2", err);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	sqlite3_bind_int64(st, 2, since);
	bind_text(st, 3, text);
	return store_run(s, st, err);
}

int
store_task_explain(struct store *s, long task_id, char **out, char **err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT h.explain FROM history h"
	    " JOIN task t ON t.id = h.task_id WHERE h.task_id = ?1"
	    " AND t.status = 'done' AND h.kind = 'status' AND h.new = 'done'"
	    " AND h.undone = 0 ORDER BY h.id DESC LIMIT 1", err);
	int rc;

	*out = NULL;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	if ((rc = store_step(s, st, err)) == SQLITE_ROW)
		*out = col_str(st, 0);
	sqlite3_finalize(st);
	return rc < 0 ? -1 : 0;
}

long
store_task_plan(struct store *s, long task_id, char **err)
{
	return store_long(s, "SELECT plan_id FROM task WHERE id = ?1",
	    task_id, NULL, err);
}
