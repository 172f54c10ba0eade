/* SPDX-License-Identifier: ISC */
/* store_steps.c: the steps of the later migrations (store_schema.c runs
 * them in order): each document's kind (schema 10), the criteria's
 * rules (13), a task's links and the letter's dates (15), a task's
 * person (16). */
#include <stdlib.h>
#include <string.h>

#include "dockind.h"
#include "i18n.h"
#include "store_impl.h"
#include "util.h"

/* Schema 15: task.links, plan_letter.deadline and until; a database
 * already holding them (its user_version set back by hand) keeps them. */
static int
add_column(struct store *s, const char *table, const char *column,
    const char *type, char **err)
{
	char *q = xasprintf("SELECT count(*) FROM pragma_table_info('%s')"
	    " WHERE name = '%s'", table, column), *alter;
	long has;
	int rc;

	rc = store_pragma_int(s, q, &has, err);
	free(q);
	if (rc != 0 || has > 0)
		return rc;
	alter = xasprintf("ALTER TABLE %s ADD COLUMN %s %s", table, column,
	    type);
	rc = store_exec(s, alter, err);
	free(alter);
	return rc;
}

int
store_step_links(struct store *s, char **err)
{
	if (add_column(s, "task", "links", "TEXT", err) != 0 ||
	    add_column(s, "plan_letter", "deadline", "TEXT", err) != 0)
		return -1;
	return add_column(s, "plan_letter", "until", "TEXT", err);
}

/* Schema 10: each document's kind from its number (dockind.h), kept
 * by name ("Kế hoạch"); NULL when the number names none. */
static bool
read_numbered(sqlite3_stmt *st, void *elem, void *arg)
{
	struct evidence *e = elem;

	(void)arg;
	e->id = (long)sqlite3_column_int64(st, 0);
	e->number = col_str(st, 1);
	return true;
}

int
store_step_document_kind(struct store *s, char **err)
{
	struct evidence *v;
	sqlite3_stmt *st;
	enum doc_kind k;
	size_t n, i;
	int rc;

	v = store_list(s, "SELECT id, number FROM document"
	    " WHERE number IS NOT NULL", 0, 0, sizeof *v, read_numbered,
	    evidence_clear, &n, &rc, err);
	if (rc != 0)
		return -1;
	st = store_prepare(s, "UPDATE document SET kind = ?2 WHERE id = ?1",
	    err);
	for (i = 0; st != NULL && rc == 0 && i < n; i++) {
		if ((k = dockind_of_number(v[i].number)) == DOC_NONE)
			continue;
		sqlite3_bind_int64(st, 1, v[i].id);
		bind_text(st, 2, dockind_name(k));
		if ((rc = store_step(s, st, err)) >= 0)
			rc = 0;
		sqlite3_reset(st);
	}
	if (st == NULL)
		rc = -1;
	sqlite3_finalize(st);
	evidence_free(v, n);
	return rc;
}

/* 12 → 13: criterion.scored, whether a task carries the criterion's
 * deduction (store_scored_mark), read with the scores from an index of
 * their own; the rules of the plans already imported, read from their
 * criteria's comments.  A database already holding the column (its
 * user_version set back by hand) keeps it. */
int
store_step_crit_rules(struct store *s, char **err)
{
	long has;

	if (store_pragma_int(s, "SELECT count(*) FROM"
	    " pragma_table_info('criterion') WHERE name = 'scored'", &has,
	    err) != 0)
		return -1;
	if (has == 0 && store_exec(s, "ALTER TABLE criterion ADD COLUMN"
	    " scored INTEGER NOT NULL DEFAULT 0", err) != 0)
		return -1;
	if (store_exec(s, "CREATE INDEX IF NOT EXISTS criterion_score"
	    " ON criterion(plan_id, code, standard, appraised, has, scored)",
	    err) != 0 || store_scored_mark(s, 0, err) != 0)
		return -1;
	return store_rules_from_comments(s, 0, err);
}

/* Schema 15: task.person, the name (as `people` spells it) of the
 * person answering for the task within its role, NULL for none;
 * task.person_source 'hand' once a person set or cleared it (then an
 * import leaves it), NULL when the import read it from the assignment
 * text; the history kind "person".  A database already holding the
 * columns (its user_version set back by hand) keeps its values. */
/* 16 → 17 (issue 21): a meeting's attendance (model.h, enum
 * meeting_field), added only where absent. */
int
store_step_meeting(struct store *s, char **err)
{
	size_t i;

	for (i = 0; i < MF_COUNT; i++)
		if (add_column(s, "meeting", store_meeting_columns[i], "TEXT",
		    err) != 0)
			return -1;
	return 0;
}

int
store_step_person(struct store *s, char **err)
{
	long has;

	if (add_column(s, "task", "person", "TEXT", err) != 0 ||
	    add_column(s, "task", "person_source", "TEXT", err) != 0)
		return -1;
	if (store_pragma_int(s, "SELECT count(*) FROM sqlite_master"
	    " WHERE name = 'history' AND sql LIKE '%''person''%'", &has,
	    err) != 0)
		return -1;
	if (has > 0)
		return 0;
	return store_exec(s, HISTORY_COPY13(" OR kind = 'person'"), err);
}
