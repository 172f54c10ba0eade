/* SPDX-License-Identifier: ISC */
/* store_import.c: the import writes (plans, criteria, tasks, findings)
 * and the plan reads.  Each write is one transaction, or a savepoint of
 * the caller's. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store.h"
#include "store_impl.h"
#include "util.h"

static void
bind_score(sqlite3_stmt *st, int i, bool has, score v)
{
	if (has)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* --- support: the comma form, normalised ------------------------------- */

/* "TP-HT, VH-XH," as it is stored: "TP-HT,VH-XH" (each role trimmed,
 * empty ones dropped). */
static char *
support_norm(const char *csv)
{
	struct buf b = { 0 };
	const char *p = csv, *e;

	while (p != NULL && *p != '\0') {
		while (*p == ',' || isspace((unsigned char)*p))
			p++;
		for (e = p; *e != '\0' && *e != ','; e++)
			;
		while (e > p && isspace((unsigned char)e[-1]))
			e--;
		if (e > p) {
			if (b.len > 0)
				buf_addc(&b, ',');
			buf_add(&b, p, (size_t)(e - p));
		}
		while (*p != '\0' && *p != ',')
			p++;
	}
	return buf_take(&b);
}

static int
save_criteria(struct store *s, long plan_id, const struct appendix *a,
    char **err)
{
	const struct criterion *c;
	sqlite3_stmt *st;
	size_t i;

	if ((st = store_sq(s, SQ_CRIT_DELETE, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	if (store_run(s, st, err) != 0)
		return -1;
	if ((st = store_sq(s, SQ_CRIT_INSERT, err)) == NULL)
		return -1;
	for (i = 0; i < a->nrows; i++) {
		c = &a->rows[i];
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, plan_id);
		bind_text(st, 2, c->code);
		bind_text(st, 3, c->title != NULL ? c->title : "");
		bind_score(st, 4, c->has & HAS_STANDARD, c->standard);
		bind_score(st, 5, c->has & HAS_SELF, c->self);
		bind_score(st, 6, c->has & HAS_APPRAISED, c->appraised);
		bind_score(st, 7, c->has & HAS_DEDUCTION, c->deduction);
		sqlite3_bind_int(st, 8, (int)c->has);
		bind_text(st, 9, c->comment);
		bind_text(st, 10, c->assignee);
		sqlite3_bind_int(st, 11, c->line);
		if (store_run(s, st, err) != 0)
			return -1;
	}
	return 0;
}

int
store_plan_save(struct store *s, const char *name, const struct appendix *a,
    long *plan_id, char **err)
{
	const struct criterion *t = &a->total;
	bool tot = a->has_total;
	sqlite3_stmt *st;
	int rc;

	if (store_begin(s, err) != 0)
		return -1;
	if (a->kind == APPENDIX_DIRECTIVES) {
		if ((st = store_sq(s, SQ_PLAN_ENSURE, err)) == NULL)
			goto fail;
		bind_text(st, 1, name);
		bind_text(st, 2, a->file);
	} else {
		if ((st = store_sq(s, SQ_PLAN_UPSERT, err)) == NULL)
			goto fail;
		bind_text(st, 1, name);
		bind_text(st, 2, a->file);
		sqlite3_bind_int(st, 3, tot);
		bind_score(st, 4, tot && (t->has & HAS_STANDARD), t->standard);
		bind_score(st, 5, tot && (t->has & HAS_SELF), t->self);
		bind_score(st, 6, tot && (t->has & HAS_APPRAISED),
		    t->appraised);
		bind_score(st, 7, tot && (t->has & HAS_DEDUCTION),
		    t->deduction);
	}
	if ((rc = store_step(s, st, err)) < 0)
		goto fail;
	*plan_id = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (a->kind != APPENDIX_DIRECTIVES &&
	    (save_criteria(s, *plan_id, a, err) != 0 ||
	    store_rules_from_comments(s, *plan_id, err) != 0))
		goto fail;
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

int
store_add_history(struct store *s, long task_id, const char *user,
    const char *kind, const char *old, const char *new,
    const char *old_source, char **err)
{
	sqlite3_stmt *st = store_sq(s, SQ_HISTORY_INSERT, err);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	bind_text(st, 2, user != NULL ? user : current_user());
	bind_text(st, 3, kind);
	bind_text(st, 4, old);
	bind_text(st, 5, new);
	bind_text(st, 6, old_source);
	return store_run(s, st, err);
}

/* The task known by key in the plan: *id (0 when none), its owner and
 * whether a person set it. */
static int
spec_known(struct store *s, long plan_id, const char *key, long *id,
    char **role, bool *hand, char **err)
{
	sqlite3_stmt *st = store_sq(s, SQ_TASK_BY_KEY, err);
	const char *src;
	int rc;

	*id = 0;
	*role = NULL;
	*hand = false;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, key);
	if ((rc = store_step(s, st, err)) == SQLITE_ROW) {
		*id = (long)sqlite3_column_int64(st, 0);
		*role = col_str(st, 1);
		src = (const char *)sqlite3_column_text(st, 2);
		*hand = src != NULL && strcmp(src, "hand") == 0;
	}
	sqlite3_reset(st);
	return rc < 0 ? -1 : 0;
}

/* ?1 to ?11, ?13 and ?14 of SQ_TASK_UPDATE_SPEC and SQ_TASK_INSERT_SPEC:
 * the plan, then the task's key, code, owner, support, title, points,
 * target, every, due and its source; its person; its links. */
static void
bind_spec(sqlite3_stmt *st, long plan_id, const struct task_spec *t,
    const char *code, const char *support)
{
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, t->key);
	bind_text(st, 3, code);
	bind_text(st, 4, t->role);
	bind_text(st, 5, support);
	bind_text(st, 6, t->title != NULL ? t->title : "");
	bind_score(st, 7, t->has_points, t->points);
	bind_text(st, 8, t->target);
	bind_text(st, 9, t->every);
	bind_text(st, 10, t->due);
	bind_text(st, 11, due_source_name(t->due_source));
	bind_text(st, 13, t->person);
	bind_text(st, 14, t->links);
}

/* Update a known task's texts from t; *changed tells whether anything
 * differed.  An owner changed by the file (not pinned by hand) gets a
 * "role" history row marked old_source "import". */
static int
spec_update(struct store *s, long plan_id, long id, const char *old_role,
    bool hand, const struct task_spec *t, const char *code,
    const char *support, bool *changed, char **err)
{
	sqlite3_stmt *st;

	if ((st = store_sq(s, SQ_TASK_UPDATE_SPEC, err)) == NULL)
		return -1;
	bind_spec(st, plan_id, t, code, support);
	if (store_run(s, st, err) != 0)
		return -1;
	*changed = sqlite3_changes(s->db) > 0;
	if (hand || old_role == NULL || strcmp(old_role, t->role) == 0)
		return 0;
	return store_add_history(s, id, NULL, "role", old_role, t->role,
	    "import", err);
}

static int
spec_insert(struct store *s, long plan_id, const struct task_spec *t,
    const char *code, const char *support, char **err)
{
	sqlite3_stmt *st;
	long id;

	if ((st = store_sq(s, SQ_TASK_INSERT_SPEC, err)) == NULL)
		return -1;
	bind_spec(st, plan_id, t, code, support);
	bind_text(st, 12, origin_name(t->origin));
	if (store_run(s, st, err) != 0)
		return -1;
	id = (long)sqlite3_last_insert_rowid(s->db);
	return store_add_history(s, id, NULL, "created", NULL,
	    origin_name(t->origin), NULL, err);
}

/* A criterion's checklist as its comment requires it (checklist.h), in
 * place of what was derived before; what a person set stays.  The one
 * item of a comment that names no document is not kept: no item reads
 * as it (store_checklist_get, store_proof_facts). */
static int
save_checklist(struct store *s, long plan_id, const char *code,
    const struct checklist *c, char **err)
{
	static const enum sq sql[] = {
		SQ_CHECKLIST_CLEAR_ITEMS, SQ_CHECKLIST_CLEAR_TARGET,
		SQ_CHECKLIST_ADD_ITEM, SQ_CHECKLIST_ADD_TARGET,
	};
	sqlite3_stmt *st;
	size_t i, k, n;
	int rc = 0;

	for (k = 0; k < 4 && rc == 0; k++) {
		if ((st = store_sq(s, sql[k], err)) == NULL)
			return -1;
		n = k < 2 ? 1 : k == 2 ? (checklist_is_any(c) ? 0 :
		    c->nitems) : c->count > 0;
		for (i = 0; i < n && rc == 0; i++) {
			sqlite3_bind_int64(st, 1, plan_id);
			bind_text(st, 2, code);
			if (k == 2) {
				sqlite3_bind_int64(st, 3, (sqlite3_int64)i + 1);
				bind_text(st, 4, c->items[i].text);
				sqlite3_bind_int64(st, 5, c->items[i].kinds);
			} else if (k == 3) {
				sqlite3_bind_int64(st, 3, c->count);
				bind_text(st, 4, c->unit);
				bind_text(st, 5, c->from);
				bind_text(st, 6, c->to);
			}
			rc = store_run(s, st, err);
		}
	}
	return rc;
}

/* One derived task: update it if known and different, else insert it.
 * *what: 0 unchanged, 1 added, 2 updated. */
static int
save_spec(struct store *s, long plan_id, const struct task_spec *t,
    int *what, char **err)
{
	char *support = support_norm(t->support), *role = NULL;
	const char *code = t->code != NULL && *t->code != '\0' ? t->code :
	    NULL;
	bool hand, changed = false;
	long id;
	int rc;

	*what = 0;
	rc = spec_known(s, plan_id, t->key, &id, &role, &hand, err);
	if (rc == 0 && id != 0) {
		rc = spec_update(s, plan_id, id, role, hand, t, code, support,
		    &changed, err);
		*what = changed ? 2 : 0;
	} else if (rc == 0) {
		rc = spec_insert(s, plan_id, t, code, support, err);
		*what = 1;
	}
	if (rc == 0 && t->checklist != NULL && code != NULL)
		rc = save_checklist(s, plan_id, code, t->checklist, err);
	free(support);
	free(role);
	return rc;
}

int
store_tasks_save(struct store *s, long plan_id, const struct derivation *d,
    size_t *added, size_t *updated, char **err)
{
	size_t i, nadd = 0, nupd = 0;
	int what;

	if (store_begin(s, err) != 0)
		return -1;
	for (i = 0; i < d->ntasks; i++) {
		if (save_spec(s, plan_id, &d->tasks[i], &what, err) != 0) {
			store_rollback(s);
			return -1;
		}
		nadd += what == 1;
		nupd += what == 2;
	}
	if (store_scored_mark(s, plan_id, err) != 0) {
		store_rollback(s);
		return -1;
	}
	if (store_commit(s, err) != 0)
		return -1;
	if (added != NULL)
		*added = nadd;
	if (updated != NULL)
		*updated = nupd;
	return 0;
}

int
store_findings_save(struct store *s, long plan_id, const char *file,
    const struct derivation *d, char **err)
{
	const struct finding *f;
	sqlite3_stmt *st;
	size_t i;

	if (store_begin(s, err) != 0)
		return -1;
	if ((st = store_sq(s, SQ_FINDING_DELETE, err)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, plan_id);
	bind_text(st, 2, file);
	if (store_run(s, st, err) != 0)
		goto fail;
	if ((st = store_sq(s, SQ_FINDING_INSERT, err)) == NULL)
		goto fail;
	for (i = 0; i < d->nfindings; i++) {
		f = &d->findings[i];
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, plan_id);
		bind_text(st, 2, file);
		sqlite3_bind_int(st, 3, f->line);
		bind_text(st, 4, f->code);
		bind_text(st, 5, f->message != NULL ? f->message : "");
		bind_text(st, 6, finding_kind_name(f->kind));
		sqlite3_bind_int64(st, 7, f->a);
		sqlite3_bind_int64(st, 8, f->b);
		bind_text(st, 9, f->t1);
		bind_text(st, 10, f->t2);
		if (store_run(s, st, err) != 0)
			goto fail;
	}
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

/* --- reading plans and findings -------------------------------------- */

static bool
read_plan(sqlite3_stmt *st, void *elem, void *arg)
{
	struct plan *p = elem;

	(void)arg;
	p->id = (long)sqlite3_column_int64(st, 0);
	p->name = col_str(st, 1);
	p->source = col_str(st, 2);
	p->has_total = sqlite3_column_int(st, 3) != 0;
	p->total_standard = sqlite3_column_int64(st, 4);
	p->total_self = sqlite3_column_int64(st, 5);
	p->total_appraised = sqlite3_column_int64(st, 6);
	p->total_deduction = sqlite3_column_int64(st, 7);
	p->imported_at = col_str(st, 8);
	p->since = col_str(st, 9);
	return true;
}

int
store_plan_get(struct store *s, const char *name, struct plan *out,
    char **err)
{
	static const char cols[] = "SELECT id, name, source, has_total,"
	    " total_standard, total_self, total_appraised, total_deduction,"
	    " imported_at, " PLAN_SINCE " FROM plan";
	sqlite3_stmt *st;
	char *sql;

	memset(out, 0, sizeof *out);
	sql = xasprintf("%s%s", cols, name != NULL ? " WHERE name = ?1" :
	    " ORDER BY id DESC LIMIT 1");
	st = store_prepare(s, sql, err);
	free(sql);
	if (st == NULL)
		return -1;
	bind_text(st, 1, name);
	return store_row(s, st, read_plan, out, NULL, err);
}

static bool
read_str(sqlite3_stmt *st, void *elem, void *arg)
{
	(void)arg;
	*(char **)elem = col_str(st, 0);
	return true;
}

static void
clear_str(void *elem)
{
	free(*(char **)elem);
}

/* NULL-terminated, empty on error. */
char **
store_plan_codes(struct store *s, long plan_id)
{
	char **v;
	size_t n;
	int rc;

	v = store_list(s, "SELECT code FROM criterion WHERE plan_id = ?1"
	    " AND code IS NOT NULL ORDER BY line, id", plan_id, 0, sizeof *v,
	    read_str, clear_str, &n, &rc, NULL);
	v = xrealloc(v, (n + 1) * sizeof *v);
	v[n] = NULL;
	return v;
}

void
strv_free(char **v)
{
	char **p;

	for (p = v; p != NULL && *p != NULL; p++)
		free(*p);
	free(v);
}
