/* SPDX-License-Identifier: ISC */
/* store_impl.h: what the store's files share, and nothing else
 * includes.
 *
 * store.c owns the transactions and the statement cache; store_open.c
 * opens and closes the database; store_schema.c the schema and
 * migrations; store_import.c the import writes (plans, criteria, tasks,
 * findings); store_query.c the reads; store_change.c the changes a user
 * asks for; store_register.c the evidence register and meetings;
 * store_tick.c the occurrences of counted targets; store_lock.c the wait
 * for a busy database; store_backup.c backup and check.  The reads and
 * writes call one way:
 * tick → change → register → query → store.c (and schema, import),
 * never back.
 *
 * Statements used in loops or on every board refresh are prepared once
 * and kept in struct store (enum sq, texts in store.c); each use resets
 * them before and after, so none keeps a read transaction open between
 * calls. */
#ifndef PARBOARD_STORE_IMPL_H
#define PARBOARD_STORE_IMPL_H

#include <stdbool.h>

#include <sqlite3.h>

#include "store.h"
#include "util.h"

/* SQLite's clock, the format of every timestamp column: the schema's
 * defaults (never used by our own writes). */
#define SCHEMA_NOW "strftime('%Y-%m-%d %H:%M:%S','now')"
/* What our writes stamp: pb_now() (store.c, date.h now_utc), the clock
 * in UTC, or with --today the pinned day at the clock's time of day. */
#define NOW "pb_now()"
/* Stored beside NOW in every row that says when something happened
 * (history, meeting, evidence, tick): with --today the clock's own
 * time, else NULL (store.c pb_clock, date.h now_clock_utc). */
#define CLOCK "pb_clock()"

/* The columns of struct task, shared by store_tasks and store_task_get. */
#define TASK_COLUMNS \
	"t.id, t.version, t.tkey, t.code, t.role, t.support_roles," \
	" t.title," \
	" t.origin, t.status, t.due, t.due_source, t.points, t.target," \
	" t.every, c.title, c.comment, c.assignee, c.standard, c.self," \
	" c.appraised, c.deduction, c.has," \
	" coalesce(hc.notes, 0), coalesce(he.evidence, 0), t.role_source," \
	" t.seq, t.person, t.links"
/* The links of documents to tasks, neither removed (schema 10), as
 * l and d: what a task's document count counts. */
#define LIVE_LINKS \
	" FROM document_link l JOIN document d ON d.id = l.document" \
	" WHERE l.removed = 0 AND d.removed = 0"
/* Notes and evidence counted in one pass over history, not two
 * correlated subqueries a row: a third of store_tasks' time with 10 000
 * tasks. */
#define TASK_COUNTS \
	" LEFT JOIN (SELECT task_id, sum(kind = 'note') AS notes," \
	"  0 AS evidence FROM history" \
	"  WHERE kind = 'note' GROUP BY task_id) hc" \
	" ON hc.task_id = t.id" \
	" LEFT JOIN (SELECT l.task_id, count(*) AS evidence" LIVE_LINKS \
	"  GROUP BY l.task_id) he ON he.task_id = t.id"
#define TASK_FROM \
	" FROM task t LEFT JOIN criterion c" \
	" ON c.plan_id = t.plan_id AND c.code = t.code" TASK_COUNTS
/* A history row of alias h is a person's change: not a task's creation,
 * not what an import changed.  (Schema 6's index history_person has the
 * same condition, so that store_changed_tasks can use it.) */
#define BY_PERSON(h) \
	" " h ".kind <> 'created' AND " h ".old_source IS NOT 'import'"
/* ?1 plan, ?2 role, ?3 status name, ?4 overdue flag, ?5 today, ?6 user,
 * ?7 person.  ?4 keeps the tasks that may be late (past their date, or
 * a recurring target); store_tasks keeps those task_overdue says are. */
#define TASK_FILTER \
	" WHERE t.plan_id = ?1" \
	" AND (?2 IS NULL OR t.role = ?2)" \
	" AND (?3 IS NULL OR t.status = ?3)" \
	" AND (?4 = 0 OR (t.status <> 'done' AND (t.due < ?5" \
	"  OR (t.target IS NOT NULL AND t.every IS NOT NULL))))" \
	" AND (?6 IS NULL OR EXISTS (SELECT 1 FROM history u" \
	"  WHERE u.task_id = t.id AND u.user = ?6 AND" BY_PERSON("u") "))" \
	" AND (?7 IS NULL OR t.person = ?7)"
/* The schedule facts of tasks just read (task.h: a recurring target's
 * missed periods, a continuing task's last change); store_tick.c. */
int store_schedules(struct store *s, long plan_id, struct task *v, size_t n,
    char **err);

/* task.h task_order_cmp in SQL; test_store.c test_rules_agree holds the
 * two (and TASK_FILTER's ?4 with task_overdue) together. */
#define TASK_ORDER \
	" ORDER BY t.due IS NULL, t.due, t.points IS NULL, t.points DESC," \
	" t.code IS NULL, t.code COLLATE pbcode, t.id"

/* The cached statements; their texts are sq_text[] in store.c. */
enum sq {
	SQ_DATA_VERSION,
	SQ_PLAN_UPSERT,
	SQ_PLAN_ENSURE,
	SQ_CRIT_DELETE,
	SQ_CRIT_INSERT,
	SQ_TASK_UPDATE_SPEC,
	SQ_TASK_BY_KEY,
	SQ_TASK_INSERT_SPEC,
	SQ_HISTORY_INSERT,
	SQ_FINDING_DELETE,
	SQ_FINDING_INSERT,
	SQ_CHECKLIST_CLEAR_ITEMS,
	SQ_CHECKLIST_CLEAR_TARGET,
	SQ_CHECKLIST_ADD_ITEM,
	SQ_CHECKLIST_ADD_TARGET,
	SQ_TASKS,
	SQ_TASK_GET,
	SQ_TASK_CURRENT,
	SQ_SET_STATUS,
	SQ_SET_DUE,
	SQ_SET_ROLE,
	SQ_SET_TITLE,
	SQ_BUMP,
	SQ_SEQ,
	SQ_TASKS_SINCE,
	SQ_COUNT
};

struct store {
	sqlite3 *db;
	char *path;
	bool readonly;
	int depth;		/* store_begin nesting */
	sqlite3_stmt *st[SQ_COUNT];
	long long busy_since;	/* ms clock when the current wait began */
	long busy_ms;		/* how long a writer waits (BUSY_WAIT_MS) */
	int shm_fd;		/* the -shm file, to ask who holds the write
				 * lock (store.c lock_holder), or -1 */
	char *ro_why;		/* read-only by the caller's choice
				 * (store_set_readonly), or NULL */
	char *ro_told;		/* why it opened read-only, as the caller
				 * told (store_set_readonly_why), or NULL */
	char *backup_dir;	/* daily copies (store_backup_daily) or NULL */
	int backup_keep;
	bool backup_done;	/* today's copy exists or was tried */
	char *backup_error;	/* why today's copy failed, or NULL */
	void (*backup_warn)(void *, const char *);	/* told at once */
	void *backup_warn_arg;
};

/* Errors and statements (store.c).  store_dberr sets *err from the
 * connection's last error and returns -1; store_sq returns a cached
 * statement, reset and with no bindings; store_prepare a one-off one (the
 * caller finalizes it); store_step returns SQLITE_ROW or SQLITE_DONE, or
 * -1 with *err (statement reset); store_run steps a statement that returns
 * no rows, then resets it (a cached one) or finalizes it (a one-off). */
int store_dberr(struct store *s, char **err);
sqlite3_stmt *store_sq(struct store *s, enum sq which, char **err);
sqlite3_stmt *store_prepare(struct store *s, const char *sql, char **err);
int store_step(struct store *s, sqlite3_stmt *st, char **err);
int store_run(struct store *s, sqlite3_stmt *st, char **err);
/* Constant SQL (schema, transaction control), never user values. */
int store_exec(struct store *s, const char *sql, char **err);
/* The end of a write begun with store_begin: committed when rc is 0,
 * else rolled back and -1 (*err set by what failed). */
int store_end(struct store *s, int rc, char **err);
/* The integer of a one-row statement (a pragma) in *out. */
int store_pragma_int(struct store *s, const char *sql, long *out,
    char **err);
/* One integer from sql (?1 an integer, ?2 text), -1 on error
 * (store_query.c). */
long store_long(struct store *s, const char *sql, long a, const char *b,
    char **err);
/* An error about the database file: "PATH: what", the what in the
 * user's language (fmt comes through _()). */
int store_fail_in(char **err, const char *path, const char *fmt, ...)
    PB_PRINTF(3, 4);

/* Reads one row of st into elem (zeroed); false leaves the row out. */
typedef bool store_row_fn(sqlite3_stmt *st, void *elem, void *arg);
/* Every row of st (bound by the caller) into a new array of elements of
 * size bytes, each read by row(st, elem, arg); then st is reset (a cached
 * statement) or finalized (a one-off).  The array (NULL: no rows), with
 * its length in *n; *rc 0, or -1 with *err: then the rows read so far
 * are freed (model.h model_free_each; clear NULL: they hold nothing to
 * free), NULL returned and *n 0. */
void *store_rows(struct store *s, sqlite3_stmt *st, size_t size,
    store_row_fn *row, void *arg, model_clear_fn *clear, size_t *n,
    int *rc, char **err);

/* store_rows on a one-off statement of sql, ?1 a and ?2 b (when it has
 * a ?2); *rc -1 with *err when sql cannot be prepared. */
void *store_list(struct store *s, const char *sql, long a, long b,
    size_t size, store_row_fn *row, model_clear_fn *clear, size_t *n,
    int *rc, char **err);
/* The first row of st (bound by the caller) read by row(st, elem, arg),
 * then st reset or finalized as store_rows does: 0 a row was read, 1
 * none, -1 with *err. */
int store_row(struct store *s, sqlite3_stmt *st, store_row_fn *row,
    void *elem, void *arg, char **err);
/* A row reader: column 0 into the long at elem. */
bool store_read_long(sqlite3_stmt *st, void *elem, void *arg);
/* sql (a one-off write, ?1 an id) run for id: 0, or -1 with *err. */
int store_run_id(struct store *s, const char *sql, long id, char **err);
/* The integer of a cached one-row statement without parameters, -1
 * when it cannot be read (no error message: the board polls them). */
long store_sq_long(struct store *s, enum sq which);

/* The lock (store_lock.c): the error naming who holds the write lock;
 * SQLite's busy handler (arg the store); the wait of stores opened now
 * (store_set_busy_wait). */
int store_fail_locked(struct store *s, char **err);
int store_busy_wait(void *arg, int count);
long store_busy_ms(void);

/* Bring the schema from version (its user_version, just read) to the
 * newest, one step per version (store_schema.c). */
int store_migrate(struct store *s, long version, char **err);


/* A history row for task_id (user NULL: the Unix account), at now. */
int store_add_history(struct store *s, long task_id, const char *user,
    const char *kind, const char *old, const char *new,
    const char *old_source, char **err);

/* Whether s is NULL or only blanks and tabs (store_register.c). */
bool store_blank(const char *s);
/* A task's version bumped, or "task N not found" (store_register.c). */
int store_bump_task(struct store *s, long task_id, char **err);

/* Ends a removal the caller began (store_begin): row id marked removed
 * by sql (?1 the id), the task's version bumped and a history row of
 * kind with old what written, then committed; else rolled back, -1
 * with *err (store_register.c). */
int store_removal_end(struct store *s, const char *sql, long id,
    long task_id, const char *user, const char *kind, const char *what,
    char **err);

/* An incomplete evidence document with only a summary (the board's
 * free-text evidence line), inside the caller's transaction
 * (store_register.c). */
int store_evidence_summary(struct store *s, long task_id,
    const char *summary, const char *user, char **err);

/* criterion_rule's columns, in this order. */
#define STORE_RULE_COLS "kind, threshold, snapshot, num, den, late," \
	" plan_name, expect, by_hand"
/* The criterion_rule columns from i (store_score.c) into r. */
void store_rule_read(sqlite3_stmt *st, int i, struct crit_rule *r);
/* The figures' sums and latest snapshot (figure_sum), a query of
 * store_proof_facts (?1 plan, ?2 code or NULL), and its row st into g. */
extern const char store_figures_sum_sql[];
void store_figures_read(sqlite3_stmt *st, struct crit_figures *g);

/* Column i, a day (YYYY-MM-DD) or NULL, into out ("" for NULL). */
void store_col_day(sqlite3_stmt *st, int i, char out[11]);

/* A document's kind as the store keeps it: its name (dockind_name). */
enum doc_kind store_kind_of_name(const char *name);

static inline void
bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

static inline char *
col_str(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);

	return v == NULL ? NULL : xstrdup((const char *)v);
}

/* Read a statement's rows as changes (history columns 0-5, then the
 * task's id, code, role and title) and finalize it. */
int store_changes_read(struct store *s, sqlite3_stmt *st,
    struct change **out, size_t *n, char **err);

/* The same with the columns and indexes of schema 13 (clock, explain):
 * migrations 12 → 13 and 15 → 16. */
#define HISTORY_COPY13(kinds) \
	"CREATE TABLE history2 (" \
	" id INTEGER PRIMARY KEY," \
	" task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE," \
	" at TEXT NOT NULL DEFAULT (" SCHEMA_NOW ")," \
	" user TEXT NOT NULL," \
	" kind TEXT NOT NULL CHECK (kind = 'created' OR kind = 'status'" \
	"  OR kind = 'due' OR kind = 'note' OR kind = 'evidence'" \
	"  OR kind = 'title' OR kind = 'undo' OR kind = 'role'" \
	"  OR kind = 'merge' OR kind = 'tick' OR kind = 'checklist'" \
	"  OR kind = 'rule' OR kind = 'figures'" kinds ")," \
	" old TEXT, new TEXT," \
	" old_source TEXT," \
	" undone INTEGER NOT NULL DEFAULT 0," \
	" clock TEXT, explain TEXT);" \
	"INSERT INTO history2 (id, task_id, at, user, kind, old, new," \
	" old_source, undone, clock, explain) SELECT id, task_id, at, user," \
	" kind, old, new, old_source, undone, clock, explain FROM history;" \
	"DROP TABLE history;" \
	"ALTER TABLE history2 RENAME TO history;" \
	"CREATE INDEX history_task ON history(task_id);" \
	"CREATE INDEX history_user ON history(user, kind);" \
	"CREATE INDEX history_at ON history(at);" \
	"CREATE INDEX history_note ON history(task_id) WHERE kind = 'note';" \
	"CREATE INDEX history_person ON history(at)" \
	" WHERE kind <> 'created' AND old_source IS NOT 'import';" \
	"CREATE INDEX history_explain ON history(task_id)" \
	" WHERE explain IS NOT NULL;"

/* A plan's since (model.h): its letter's date, else its import's, in a
 * query FROM plan. */
#define PLAN_SINCE \
	"coalesce((SELECT l.day FROM plan_letter l" \
	" WHERE l.plan_id = plan.id), plan.imported_at)"

/* The steps of the later migrations (store_steps.c). */
int store_step_document_kind(struct store *s, char **err);
int store_step_crit_rules(struct store *s, char **err);
int store_step_links(struct store *s, char **err);
int store_step_person(struct store *s, char **err);
int store_step_meeting(struct store *s, char **err);
/* The meeting table's columns of enum meeting_field (model.h). */
extern const char *const store_meeting_columns[MF_COUNT];

#endif
