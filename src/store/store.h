/* SPDX-License-Identifier: ISC */
/* store.h: the SQLite database — the only module that speaks SQL.
 *
 * The store only persists: what a task is and the rules about it
 * (statuses, overdue, points) are task.h's, included here so that callers
 * of the store see them.
 *
 * Schema (PRAGMA user_version 10):
 *   plan(id, name UNIQUE, source, has_total, total_standard, total_self,
 *        total_appraised, total_deduction, imported_at)
 *   criterion(id, plan_id, code, title, standard, self, appraised,
 *        deduction, has, comment, assignee, line; UNIQUE(plan_id, code))
 *   task(id, plan_id, tkey, code, role, support_roles, title, origin,
 *        status, due, due_source, points, target, every, created_at,
 *        version, role_source, seq; UNIQUE(plan_id, tkey))
 *        tkey: "A:CODE" (appendix), "D:CODE/folded words" (directive),
 *        "M:…" (manual); the owner role is not part of it (schema 3)
 *   history(id, task_id, at, user, kind, old, new)
 *        kind: created, status, due, note, evidence, title, undo,
 *        role, merge
 *   finding(id, plan_id, line, code, message, kind, a, b, t1, t2)
 *   counter(id = 1, seq): the change counter (schema 4), kept by
 *        triggers on task inserts and version bumps
 *   document(id, plan_id, number, day, issuer, summary, signed, file,
 *        kind, incomplete, user, at, clock, removed; UNIQUE(plan_id,
 *        number COLLATE NOCASE, day) among those not removed)
 *   document_link(id, document, task_id, item, user, at, clock,
 *        removed; UNIQUE(document, task_id) among those not removed):
 *        the register of schema 10, one document linked to many tasks
 *        (it replaces schema 5's evidence, kept but no longer used)
 * Beyond that sketch: task.support_roles holds the supporting roles in
 * the comma form of struct task ("VP-TK,TP-HT"; schema 8), task.support
 * their JSON array up to schema 7 (no longer written); history.undone
 * marks rows store_undo_row reverted and history.old_source keeps a
 * "due" row's previous due_source; finding.file names the file a
 * finding came from, finding.kind its kind (finding.h, by name; schema
 * 9) with the figures a, b and texts t1, t2.  checklist_item(plan_id,
 * code, n, text, kinds, by_hand) and checklist_target(plan_id, code,
 * count, unit, day_from, day_to, by_hand) hold each criterion's
 * checklist (checklist.h; schema 11), with the history kind "checklist".
 * history, meeting, document, document_link and tick have a clock
 * column (schema 7): the clock's own time (UTC) when --today pinned the
 * day the row is dated, else NULL.
 * Scores are stored as integers in thousandths (text.h `score`); NULL when
 * the cell was empty.  WAL, foreign keys on, busy wait 10 s.  Every
 * function that writes runs in one transaction (its own, or the caller's
 * store_begin/store_commit around several calls: nested calls become
 * savepoints, so a failed inner write undoes only itself). */
#ifndef PARBOARD_STORE_H
#define PARBOARD_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "appraisal.h"
#include "checklist.h"
#include "finding.h"
#include "model.h"
#include "proof.h"
#include "score.h"
#include "task.h"
#include "text.h"

struct store;

/* Result of a write that checks the task's version (see store_task_set). */
#define STORE_CONFLICT (-2)



struct filter {
	const char *role;	/* role id or NULL */
	int status;		/* enum status or -1 */
	bool overdue;		/* due < today() and not done */
	const char *user;	/* only tasks this user changed (any history
				 * row but "created"), or NULL */
	const char *person;	/* only this person's tasks (task.person),
				 * or NULL */
};

/* Open (creating when create is true, with its directory) and migrate. */
int store_open(const char *path, bool create, struct store **out, char **err);
void store_close(struct store *s);
bool store_readonly(const struct store *s);
/* Why the database is read-only, when it can be told: the caller's
 * reason (store_set_readonly, store_set_readonly_why), or NULL;
 * malloc'd. */
char *store_readonly_why(const struct store *s);
/* Why a store that opened read-only is so, as the caller can tell ("you
 * are not in group parboard"); the store only knows that it is.  Writes
 * are still refused with the plain "database is read-only". */
void store_set_readonly_why(struct store *s, const char *why);
/* Make an open store read-only, saying why (the board shows it, writes
 * are refused with it). */
void store_set_readonly(struct store *s, const char *why);
/* How long (ms) stores opened from now on wait for another writer's
 * lock before giving up (10 000; a test build shortens it, never the
 * setgid install: its caller's choice). */
void store_set_busy_wait(long ms);
/* Another parboard upgraded the schema past what this one knows. */
bool store_schema_newer(struct store *s);

int store_begin(struct store *s, char **err);	/* BEGIN IMMEDIATE */
int store_commit(struct store *s, char **err);
void store_rollback(struct store *s);

/* A consistent copy of the database into the new file dest (refused
 * when dest exists), with SQLite's online backup API: boards may keep
 * writing meanwhile. */
int store_backup(struct store *s, const char *dest, char **err);
/* Write the WAL back into the database file (a new database before it
 * is moved into place). */
int store_checkpoint(struct store *s, char **err);
/* Daily copies: the first write of each day (store_begin) first copies
 * the database into dir/NAME-YYYY-MM-DD.db and keeps the newest keep
 * ones.  dir NULL or keep 0: none. */
void store_set_backup(struct store *s, const char *dir, int keep);
/* Make today's copy now if it is still to be made (the setgid install,
 * before it gives its group up: the backup folder is the group's). */
void store_backup_daily(struct store *s);
/* Why today's copy could not be made ("DEST: reason"), or NULL; fn, when
 * set, is called with it as soon as the copy fails (NULL: not called). */
const char *store_backup_error(const struct store *s);
void store_on_backup_error(struct store *s,
    void (*fn)(void *arg, const char *why), void *arg);
/* What store_check finds: damage (a row of PRAGMA integrity_check or
 * foreign_key_check, or of the store's own consistency checks, as its
 * columns), or what is no damage but an auditor must see: a finding (the
 * council's appendix disagreeing with itself) or a row dated with --today
 * on another day than the clock's. */
enum store_problem_kind {
	STORE_PROBLEM_DAMAGE,
	STORE_PROBLEM_FINDING,
	STORE_PROBLEM_PINNED,
};
/* The table of a dated row. */
enum store_row_table {
	STORE_ROW_HISTORY,
	STORE_ROW_MEETING,
	STORE_ROW_DOCUMENT,	/* the evidence register */
	STORE_ROW_OCCURRENCE,	/* a tick of a counted target */
};
struct store_problem {
	enum store_problem_kind kind;
	char **cols;		/* DAMAGE: the row's columns (NULL: SQL NULL) */
	size_t ncols;
	char *file;		/* FINDING: the file (NULL: unknown) and */
	struct finding finding;	/* the finding (line 0: none) */
	enum store_row_table table;	/* PINNED: the row, the day it */
	long id;			/* claims and when it was */
	char *dated, *written;		/* written (local time) */
};
/* Every problem of the database, damage first, in *out (free with
 * store_problems_free); -1 with *err when the check cannot run. */
int store_check(struct store *s, struct store_problem **out, size_t *n,
    char **err);
void store_problems_free(struct store_problem *v, size_t n);

/* PRAGMA data_version: changes when another connection commits. */
long store_data_version(struct store *s);

/* --- import (callers wrap these in store_begin/store_commit) --- */

/* Create or update the plan named name from a criteria appendix:
 * criteria replaced by the file's, totals updated.  *plan_id set. */
int store_plan_save(struct store *s, const char *name,
    const struct appendix *a, long *plan_id, char **err);
/* Insert new tasks, update texts (title, support, points, code) and the
 * owner role of known ones by key; status, due date and owner set by
 * hand, notes and history are kept.  Each new task gets a "created"
 * history row, each owner the file changes a "role" row (old_source
 * "import", not counted as the importer's change by filter.user).
 * *added / *updated count. */
int store_tasks_save(struct store *s, long plan_id,
    const struct derivation *d, size_t *added, size_t *updated,
    char **err);
/* Replace the plan's findings of one file with d's. */
int store_findings_save(struct store *s, long plan_id, const char *file,
    const struct derivation *d, char **err);

/* --- reading --- */

/* name NULL: the newest plan, the one created last (re-importing an older
 * plan does not make it the newest).  Returns 1 when there is none. */
int store_plan_get(struct store *s, const char *name, struct plan *out,
    char **err);
/* The details of the letter the plan came with (letter.h): replaced
 * whole by save; get gives 1 (and *out NULL) when none is known. */
int store_letter_save(struct store *s, long plan_id,
    const struct letter *l, char **err);
int store_letter_get(struct store *s, long plan_id, struct letter **out,
    char **err);
/* NULL-terminated list of the plan's criterion codes (for directives). */
char **store_plan_codes(struct store *s, long plan_id);
void strv_free(char **v);

int store_tasks(struct store *s, long plan_id, const struct filter *f,
    struct task **out, size_t *n, char **err);
int store_task_get(struct store *s, long task_id, struct task *out,
    char **err);

/* The change counter (counter.seq): every write to a task bumps it and
 * stamps the task with it (task.seq).  -1 on error. */
long store_seq(struct store *s);
/* The plan's tasks written after seq (task.seq > seq), by id, with the
 * counter they were read at in *now (may be NULL): a board that keeps
 * *now reloads only what changed.  Deleted tasks are not reported (only
 * a migration deletes). */
int store_tasks_changed_since(struct store *s, long plan_id, long seq,
    struct task **out, size_t *n, long *now, char **err);

/* The notes and evidence of a plan's tasks (undone ones left out), for
 * the board's search. */
struct task_text {
	long task_id;
	char *text;
};
int store_task_texts(struct store *s, long plan_id, struct task_text **out,
    size_t *n, char **err);
void task_texts_free(struct task_text *v, size_t n);

/* Just id, key, code, role and title of the plan's tasks of one origin
 * ("appendix", ...): cheap enough to run on every import. */
int store_task_keys(struct store *s, long plan_id, const char *origin,
    struct task **out, size_t *n, char **err);
/* A corrected directive: the task continues under a new key and title
 * (status, notes and history kept; a "title" history row, old_source
 * "import", says old → new).  The caller holds the transaction. */
int store_task_rekey(struct store *s, long task_id, const char *key,
    const char *title, char **err);
/* Every plan with its criteria (codes and appraised scores), oldest
 * first: which plan does a file without a known title correct? */
int store_plans_criteria(struct store *s, struct plan_criteria **out,
    size_t *n, char **err);
void plans_criteria_free(struct plan_criteria *v, size_t n);

/* TASK as "12" (id) or "CODE/ROLE" ("1.7/CA"; when several tasks share
 * it, the appendix one).  Returns 1 when not found. */
int store_task_find(struct store *s, long plan_id, const char *spec,
    long *task_id, char **err);

int store_history(struct store *s, long task_id, struct history **out,
    size_t *n, char **err);

/* History rows of the plan's tasks at or after since (YYYY-MM-DD, may
 * be NULL), oldest first, with the task they belong to. */
int store_changes(struct store *s, long plan_id, const char *since,
    struct change **out, size_t *n, char **err);

/* --- changes: one transaction each, a history row with user --- */

/* Change a task field: kind "status" (value a status name) or "due"
 * (YYYY-MM-DD; due_source becomes "task").  expected_version >= 0 makes
 * the write fail with STORE_CONFLICT if the task changed meanwhile.
 * note (may be NULL) is stored as a note history row in the same
 * transaction. */
int store_task_set(struct store *s, long task_id, long expected_version,
    const char *kind, const char *value, const char *note,
    const char *user, char **err);
/* Reassign a task to role (a role id): the owner becomes sticky (a later
 * import leaves it, like a due date set by hand) and a "role" history row
 * (old role → new) is written, its id in *row (for store_undo_row; -1
 * when nothing changed; row may be NULL).  version >= 0 makes the write
 * fail with STORE_CONFLICT if the task changed meanwhile. */
int store_task_reassign(struct store *s, long task_id, long version,
    const char *role, const char *user, long *row, char **err);
/* The person answering for a task within its role (a name of `people`,
 * or NULL for none), set by hand: it becomes sticky (a later import
 * leaves it) and a "person" history row (old → new) is written, its id
 * in *row (-1 when nothing changed; row may be NULL).  version >= 0
 * makes the write fail with STORE_CONFLICT if the task changed. */
int store_task_person(struct store *s, long task_id, long version,
    const char *person, const char *user, long *row, char **err);
/* Append a note or evidence line (kind "note" or "evidence"). */
int store_task_note(struct store *s, long task_id, const char *kind,
    const char *text, const char *user, char **err);
/* A task added by hand (origin manual) in role's column. */
int store_task_add(struct store *s, long plan_id, const char *role,
    const char *code, const char *title, const char *due,
    const char *user, long *task_id, char **err);
/* A task's schedule (task.h's three kinds): due the day (YYYY-MM-DD)
 * or NULL for a continuing task; target and every the recurring
 * target's ("3 bài", "month"), both NULL to keep the task's.  With guard,
 * the due date the caller showed (shown, NULL for none) must still be
 * the task's, else STORE_CONFLICT. */
struct schedule {
	const char *due, *target, *every;
	bool guard;
	const char *shown;
};
/* Write sc in one transaction with a history row of kind "due" (old and
 * new due date; *row its id); due_source becomes "task". */
int store_task_schedule(struct store *s, long task_id,
    const struct schedule *sc, const char *user, long *row, char **err);
/* The account that created task_id (its "created" history row), NULL
 * when none is recorded. */
int store_task_creator(struct store *s, long task_id, char **user,
    char **err);

/* The board's one-key changes: like store_task_set (kind "status" or
 * "due"), but checked against the field's value the board showed (a
 * status name, a YYYY-MM-DD date or NULL): STORE_CONFLICT when that
 * field moved meanwhile, whatever else changed (a note does not block a
 * status change).  *row is the history row written (for
 * store_undo_row), -1 when the task already held value. */
int store_task_set_field(struct store *s, long task_id, const char *shown,
    const char *kind, const char *value, const char *note,
    const char *user, long *row, char **err);
/* Undo one history row (a status, due or role change this board made,
 * not by an import): restores the old value (and its source) and records
 * an "undo" row.  Returns 1 when it is not an undoable row of user any
 * more.  Refuses (-1, "task N changed since; nothing undone") when the
 * task no longer holds the value that change wrote. */
int store_undo_row(struct store *s, long plan_id, long row,
    const char *user, char **err);

/* --- the evidence register, meetings, counted targets (issue 8;
 * store_register.c) --- */

/* "158/BC-UBND 2023-09-20: summary", the history's words for e. */
char *evidence_describe(const struct evidence *e);
/* Register e (its kind, e->item the links' checklist item or 0) in the
 * plan of tasks[0] and link it to tasks[0..n) (a history row "evidence"
 * on each names it), the id in *id.  STORE_DUPLICATE, nothing written,
 * when the plan holds a document of that number (case aside) and date:
 * its id in *id. */
#define STORE_DUPLICATE 2
int store_evidence_add(struct store *s, const long *tasks, size_t n,
    const struct evidence *e, const char *user, long *id, char **err);
/* The plan's documents (task_id 0) or one task's, a row per live link
 * (a document without one: a row with task_id 0), by task then id. */
int store_evidence_list(struct store *s, long plan_id, long task_id,
    struct evidence **out, size_t *n, char **err);
/* The ids of the plan's documents numbered number (case aside) and, when
 * day (YYYY-MM-DD) is not NULL, dated day: by date, then id. */
int store_evidence_find(struct store *s, long plan_id, const char *number,
    const char *day, long **ids, size_t *n, char **err);
/* 1 when plan_id holds document id (not removed), else 0; -1. */
int store_evidence_exists(struct store *s, long plan_id, long id,
    char **err);
/* The tasks document doc of plan_id is linked to (none when there is no
 * such document), by id. */
int store_evidence_tasks(struct store *s, long plan_id, long doc,
    long **tasks, size_t *n, char **err);
/* Link document doc of plan_id to task_id (item as in
 * store_evidence_add; a history row "evidence" on the task names it).
 * Returns 1 when the plan has no such document or it is linked there
 * already. */
int store_evidence_link(struct store *s, long plan_id, long doc,
    long task_id, long item, const char *user, char **err);
/* The link of doc to task_id removed (kept, marked removed; a history
 * row "evidence" with old = the document).  1 when there is none. */
int store_evidence_unlink(struct store *s, long plan_id, long doc,
    long task_id, const char *user, char **err);
/* Remove a document (kept, marked removed; a history row "evidence" with
 * old = what it was on each linked task).  Returns 1 when the plan has no
 * such document. */
int store_evidence_remove(struct store *s, long plan_id, long id,
    const char *user, char **err);

/* The plan's last meeting (before the UTC timestamp before, when not
 * NULL); 1 when there is none. */
int store_meeting_last(struct store *s, long plan_id, const char *before,
    struct meeting *out, char **err);
/* The plan's last meeting and the one before it (id 0: none), for
 * meeting_window (meeting.h). */
int store_meetings_last(struct store *s, long plan_id, struct meeting *last,
    struct meeting *before, char **err);
/* Records the plan's meeting now, or updates today's (one per sitting):
 * the chair and the fields of f (enum meeting_field; f or a field NULL:
 * not given, kept) after text_field's check. */
int store_meeting_record(struct store *s, long plan_id, const char *chair,
    const char *const f[MF_COUNT], const char *user, char **err);

/* History rows of the plan, oldest first: those written after the UTC
 * timestamp after and up to until (either may be NULL), on or after the
 * local date since (may be NULL).  CHANGES_PEOPLE leaves out imports
 * ("created" rows and owners an import set); CHANGES_LEAN reads only the
 * status, due, undo and note rows, without the task's code, role and
 * title (the whole history of a plan, cheaply). */
#define CHANGES_PEOPLE 1
#define CHANGES_LEAN 2
int store_changes_after(struct store *s, long plan_id, const char *after,
    const char *until, const char *since, int flags,
    struct change **out, size_t *n, char **err);
/* The ids of the tasks store_changes_after(..., CHANGES_PEOPLE) has rows
 * of, ascending, without reading those rows (*out malloc'd). */
int store_changed_tasks(struct store *s, long plan_id, const char *after,
    const char *until, const char *since, long **out, size_t *n,
    char **err);

/* Record an occurrence on day (YYYY-MM-DD, not after today()); the first
 * occurrence moves a task to do to in progress. */
int store_tick_add(struct store *s, long task_id, const char *day,
    const char *note, const char *user, char **err);
/* Retract the latest occurrence dated from..to (inclusive); its day in
 * day_out.  Returns 1 when there is none. */
int store_tick_remove(struct store *s, long task_id, const char *from,
    const char *to, const char *user, char day_out[11], char **err);
/* The plan's occurrences (task_id 0) or one task's, by task and day. */
int store_ticks(struct store *s, long plan_id, long task_id,
    struct tick **out, size_t *n, char **err);

/* A page cache of STORE_SMALL_CACHE_KB (SQLite's default is 2 MB) for
 * a process that stays open and reads a plan whole once: the board, one
 * per person logged in on the commune's server.  Reading 10 000 tasks
 * would otherwise fill the default cache with pages read once; what
 * the board reads again is a few pages, and the OS caches the file. */
#define STORE_SMALL_CACHE_KB "256"
void store_cache_small(struct store *s);

/* The database file's path as opened (the board watches it and its
 * -wal file for other writers). */
const char *store_path(const struct store *s);

/* The board's snapshot: the plan's tasks in id order, without the
 * texts it reads only when a task is opened (key, origin, due_source,
 * comment, assignee are NULL; crit_title is "" when the task's
 * criterion is in the plan, else NULL; no scores).  Each task's texts
 * are one block (task.h pool). */
int store_tasks_lean(struct store *s, long plan_id, struct task **out,
    size_t *n, char **err);
/* fn(arg, task id, text) for each of a plan's tasks with a criterion:
 * its title, comment and assignment, a line each (the board's search;
 * the texts are not kept, so they cost no memory). */
int store_task_crit_each(struct store *s, long plan_id,
    void (*fn)(void *, long, const char *), void *arg, char **err);

/* --- a criterion's checklist (issue 18; store_checklist.c) --- */

/* The plan's criterion code: its title in *title and its appendix task
 * in *task_id (0: none; either may be NULL), its checklist and counted
 * target in *out (checklist_clear; without items, the one item of any
 * document).  1 when the plan has no such criterion. */
int store_checklist_get(struct store *s, long plan_id, const char *code,
    char **title, long *task_id, struct checklist *out, char **err);
/* Set by a person: c's items in place of the criterion's (when items),
 * c's count, unit and period in place of its target (when target); an
 * import then leaves them.  A history row "checklist" on task_id says
 * old → new (checklist_describe).  One transaction. */
int store_checklist_set(struct store *s, long plan_id, const char *code,
    long task_id, const struct checklist *c, bool items, bool target,
    const char *user, char **err);

/* --- what proves a criterion (issue 18; store_proof.c) --- */

/* The facts proof_compute needs for one criterion of a plan: its
 * checklist (one any-document item when it has none), the documents linked to its tasks (in the order of their
 * dates), the days of its tasks' occurrences, and the giải trình of the
 * last of its tasks set done without proof (NULL: none). */
struct crit_facts {
	char *code;
	/* Its scores and rule (score.h), the figures recorded since the
	 * appraisal; scored: it has standard and appraised points and a
	 * task that carries them (its deduction counts in the plan's). */
	score standard, appraised;
	unsigned has;
	bool scored;
	struct crit_rule rule;
	struct crit_figures figs;
	struct checklist list;
	struct proof_doc *docs;
	size_t ndocs;
	char **days;
	size_t ndays;
	char *explain;
};
/* Those of the plan's criteria (in code order; *out NULL when none), or
 * of criterion code alone (when not NULL), in eight queries. */
int store_proof_facts(struct store *s, long plan_id, const char *code,
    struct crit_facts **out, size_t *n, char **err);
/* The criterion code's among v[0..n), or NULL. */
const struct crit_facts *crit_facts_find(const struct crit_facts *v,
    size_t n, const char *code);
void crit_facts_free(struct crit_facts *v, size_t n);
/* The giải trình of the status row that set task_id done last (NULL:
 * none; malloc'd in *out). */
int store_task_explain(struct store *s, long task_id, char **out,
    char **err);
/* text as the giải trình of task_id's last status row, when it is newer
 * than row since (the caller's transaction). */
int store_task_set_explain(struct store *s, long task_id, long since,
    const char *text, char **err);
/* --- what scores a criterion (issue 19; store_score.c) --- */

/* A criterion's rule: r->by_hand saves it as a person set it (every
 * column); else as an import read it, leaving a rule set by hand and
 * the expected volume.  In the caller's transaction, or its own. */
int store_rule_save(struct store *s, long plan_id, const char *code,
    const struct crit_rule *r, char **err);
/* The rule of the plan's criterion code into out (crit_rule_clear): 0,
 * or 1 when it has none (out is a document's). */
int store_rule_get(struct store *s, long plan_id, const char *code,
    struct crit_rule *out, char **err);
/* criterion.scored of the plan's criteria (plan_id 0: every plan's):
 * whether a task carries the criterion's deduction (its points); an
 * import marks them once its tasks are saved. */
int store_scored_mark(struct store *s, long plan_id, char **err);
/* The rules the plan's criteria's comments say (crit_rule_from_comment)
 * saved as an import's (plan_id 0: every plan's). */
int store_rules_from_comments(struct store *s, long plan_id, char **err);
/* A rule set by hand (r->by_hand) saved, with a history row "rule" on
 * task_id (the criterion's appendix task) from was to is
 * (crit_rule_describe), in one transaction. */
int store_rule_change(struct store *s, long plan_id, const char *code,
    long task_id, const struct crit_rule *r, const char *was,
    const char *is, const char *user, char **err);
/* The figures recorded for the plan's criterion code (not removed),
 * by month, into a new array (figure_clear each; NULL: none). */
int store_figures_list(struct store *s, long plan_id, const char *code,
    struct figure **out, size_t *n, char **err);
/* The row f (its id ignored) recorded for the plan's criterion code, the
 * row replace (0: none; was its figure_describe) kept but marked
 * removed, a history row "figures" on task_id, in one transaction (the
 * caller's when it began one). */
int store_figures_record(struct store *s, long plan_id, const char *code,
    long task_id, const struct figure *f, long replace, const char *was,
    const char *user, char **err);

/* The plan of task_id, -1 on error. */
long store_task_plan(struct store *s, long task_id, char **err);
/* The id of task_id's last status row, 0 when none. */
long store_task_status_row(struct store *s, long task_id, char **err);

#endif
