/* SPDX-License-Identifier: ISC */
/* store_letter.c: the details of the letter a plan came with (letter.h),
 * in plan_letter and plan_letter_name (schemas 14 and 15). */
#include <stdlib.h>
#include <string.h>

#include "store_impl.h"

static const char letter_cols[] = "number, day, place, parent, issuer,"
    " subject, authority, title, signer, grounds, period, rank, deadline,"
    " until, result";

static int
save_names(struct store *s, long plan_id, const struct letter *l,
    char **err)
{
	sqlite3_stmt *st = store_prepare(s, "INSERT INTO plan_letter_name"
	    " (plan_id, list, pos, name, report) VALUES (?1, ?2, ?3, ?4, ?5)",
	    err);
	size_t i;
	int rc = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	for (i = 0; i < l->nto + l->ncc && rc == 0; i++) {
		bool cc = i >= l->nto;

		sqlite3_bind_int(st, 2, cc);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)i);
		bind_text(st, 4, cc ? l->cc[i - l->nto].name : l->to[i]);
		sqlite3_bind_int(st, 5, cc && l->cc[i - l->nto].report);
		if (store_step(s, st, err) < 0)
			rc = -1;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

int
store_letter_save(struct store *s, long plan_id, const struct letter *l,
    char **err)
{
	const char *v[] = { l->number, l->day, l->place, l->parent,
	    l->issuer, l->subject, l->authority, l->title, l->signer,
	    l->grounds, l->period, l->rank, l->deadline, l->until };
	sqlite3_stmt *st;
	char *sql;
	int i;

	if (store_run_id(s, "DELETE FROM plan_letter WHERE plan_id = ?1",
	    plan_id, err) != 0)
		return -1;
	sql = xasprintf("INSERT INTO plan_letter (plan_id, %s) VALUES (?1,"
	    " ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
	    letter_cols);
	st = store_prepare(s, sql, err);
	free(sql);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	for (i = 0; i < 14; i++)
		bind_text(st, i + 2, v[i]);
	if (l->has_result)
		sqlite3_bind_int64(st, 16, l->result);
	if (store_run(s, st, err) != 0)
		return -1;
	return save_names(s, plan_id, l, err);
}

static int
read_names(struct store *s, long plan_id, struct letter *l, char **err)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT list, name, report FROM"
	    " plan_letter_name WHERE plan_id = ?1 ORDER BY list, pos", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	while ((rc = store_step(s, st, err)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 1);

		if (sqlite3_column_int(st, 0) == 0)
			letter_add_to(l, name);
		else
			letter_add_cc(l, name, sqlite3_column_int(st, 2) != 0);
	}
	sqlite3_finalize(st);
	return rc < 0 ? -1 : 0;
}

int
store_letter_get(struct store *s, long plan_id, struct letter **out,
    char **err)
{
	char *sql = xasprintf("SELECT %s FROM plan_letter WHERE plan_id = ?1",
	    letter_cols);
	sqlite3_stmt *st = store_prepare(s, sql, err);
	struct letter *l;
	char **v[14];
	int rc, i;

	free(sql);
	*out = NULL;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	if ((rc = store_step(s, st, err)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc < 0 ? -1 : 1;
	}
	l = letter_new();
	v[0] = &l->number, v[1] = &l->day, v[2] = &l->place;
	v[3] = &l->parent, v[4] = &l->issuer, v[5] = &l->subject;
	v[6] = &l->authority, v[7] = &l->title, v[8] = &l->signer;
	v[9] = &l->grounds, v[10] = &l->period, v[11] = &l->rank;
	v[12] = &l->deadline, v[13] = &l->until;
	for (i = 0; i < 14; i++)
		*v[i] = col_str(st, i);
	l->has_result = sqlite3_column_type(st, 14) != SQLITE_NULL;
	l->result = sqlite3_column_int64(st, 14);
	sqlite3_finalize(st);
	if (read_names(s, plan_id, l, err) != 0) {
		letter_free(l);
		return -1;
	}
	*out = l;
	return 0;
}
