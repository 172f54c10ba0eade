/* SPDX-License-Identifier: ISC */
/* core.h: the use cases that change a plan — a task's status, due date,
 * role, a note, an occurrence (tick, untick), a document (evidence add,
 * link, unlink, remove), a new task, undo — shared by the command line and the board.
 * Each applies the rules once: who may (perm.h), done only when
 * proved (proof.h) or explained, where untick looks
 * (target_untick_period); a criterion's checklist by hand
 * (core_criterion_set).  They return facts (a CORE_ code, what was
 * written in struct core_result, why not in *err) and never print: the
 * caller says it in its own words. */
#ifndef PARBOARD_CORE_H
#define PARBOARD_CORE_H

#include <stdbool.h>

#include "config.h"
#include "model.h"
#include "perm.h"
#include "proof.h"
#include "score.h"
#include "store.h"
#include "targets.h"
#include "task.h"

enum {
	CORE_OK = 0,
	CORE_ERROR = -1,	/* *err says what */
	CORE_CONFLICT = STORE_CONFLICT,	/* the field moved meanwhile */
	CORE_REFUSED = -3,	/* not permitted; *err says who may */
	CORE_NONE = 1,		/* nothing to act on: no occurrence in the
				 * period, no such document, undone already */
	CORE_UNPROVED = 2,	/* done without the proof its criterion
				 * requires, or below its own target, and
				 * without a giải trình (r->missing) */
	CORE_NO_TARGET = 3,	/* tick: the task has no counted target */
	CORE_DUPLICATE = 4,	/* evidence add: the plan holds a document
				 * of that number and date (r->id) */
	CORE_AMBIGUOUS = 5,	/* DOC names several documents */
};

/* DOC, a document as people name it: its number ("12/BB-UBND"), its
 * number and date ("12/BB-UBND@29/09/2023": numbers restart each year)
 * or its id ("#7"). */
struct core_doc {
	long id;		/* #id, else 0 */
	char *number;		/* else the number */
	char day[11];		/* and its date (YYYY-MM-DD), or "" */
};
/* spec as DOC into d (core_doc_clear it); false when it is none (an
 * empty number, "#" without a number, a bad date). */
bool core_doc_parse(const char *spec, struct core_doc *d);
void core_doc_clear(struct core_doc *d);

struct core_opts {
	const char *note;	/* a note written with the change, or NULL */
	/* Done without the proof: the giải trình, kept on the status row
	 * (stored text, text_field's rule); NULL or blank: none. */
	const char *explain;
	/* The board's one-key change: the field's value as the card showed
	 * it (status name, YYYY-MM-DD or NULL); the write is refused
	 * (CORE_CONFLICT) when that field moved meanwhile. */
	bool guard;
	const char *shown;
};

/* What a task set done lacks (CORE_UNPROVED). */
struct core_missing {
	char *code;		/* its criterion, NULL when none is short */
	struct checklist list;	/* the criterion's checklist */
	struct proof proof;	/* and its proof (proof.h) */
	struct target own;	/* the task's own counted target (count 0:
				 * none, or met) */
	long own_done;		/* its occurrences in the current period */
};

struct core_result {
	long row;		/* history row written, for core_undo; -1 */
	long id;		/* the new task or document */
	char day[11];		/* untick: the day retracted */
	struct core_missing *missing;	/* CORE_UNPROVED; core_result_clear */
};
void core_result_clear(struct core_result *r);

/* Whether p may do a to task_id (CORE_REFUSED, CORE_ERROR for no such
 * task); for PERM_TICK also whether the task counts (CORE_NO_TARGET);
 * PERM_DUE also for whoever added the task by hand.
 * Every use case starts with it; the board asks it before a prompt, so
 * nobody types what would be refused. */
int core_may(struct store *s, const struct perm *p, long task_id,
    enum perm_action a, char **err);

/* Whether p may add a task to role's column (PERM_ADD). */
int core_may_add(const struct perm *p, const char *role, char **err);

/* The task to status st (PERM_STATUS).  Done needs its criterion proved
 * (proof.h: every item of its checklist filled by a document linked to
 * one of its tasks, its counted target met by the occurrences of all its
 * tasks in the target's period) and the task's own counted target met in
 * the current period, unless o->explain gives a giải trình, kept with the
 * change; else CORE_UNPROVED, what is missing in r->missing (when r is
 * not NULL), nothing written.  o may be NULL. */
int core_set_status(struct store *s, const struct perm *p, long task_id,
    enum status st, const struct core_opts *o, struct core_result *r,
    char **err);
/* The task's due date to day (YYYY-MM-DD; PERM_DUE). */
int core_set_due(struct store *s, const struct perm *p, long task_id,
    const char *day, const struct core_opts *o, struct core_result *r,
    char **err);
/* A schedule as people write it: when a date (dd/mm/yyyy or YYYY-MM-DD)
 * or "ongoing" ("thường xuyên"); every "month", "quarter", "year" (or
 * their Vietnamese words) and target "3" or "3 bài", both or neither
 * (NULL).  The texts of *out point into when, every and target, or
 * into day (11 bytes).  CORE_ERROR with *err for what is not one (a
 * usage error). */
int core_schedule_parse(const char *when, const char *every,
    const char *target, char day[11], struct schedule *out, char **err);
/* The task's schedule to sc (store.h): the one-off, continuing or
 * recurring kind (task.h).  Who may: as core_may's PERM_DUE.  o->guard and o->shown guard the due date
 * as the board showed it; r->row the history row. */
int core_schedule(struct store *s, const struct perm *p, long task_id,
    const struct schedule *sc, const struct core_opts *o,
    struct core_result *r, char **err);
/* A note (kind "note", PERM_NOTE) or evidence line ("evidence",
 * PERM_EVIDENCE). */
int core_note(struct store *s, const struct perm *p, long task_id,
    const char *kind, const char *text, char **err);
/* The task to role's column (PERM_REASSIGN); version >= 0 guards it. */
int core_move(struct store *s, const struct perm *p, long task_id,
    long version, const char *role, struct core_result *r, char **err);
/* The person answering for the task within its role (PERM_PERSON):
 * name, one of c's people of the task's role as people.h reads them
 * (case and marks aside), or NULL to name nobody; either way kept
 * against a re-import.  version >= 0 guards it; r->row the history
 * row. */
int core_set_person(struct store *s, const struct perm *p,
    const struct config *c, long task_id, long version, const char *name,
    struct core_result *r, char **err);
/* A task by hand in role's column (PERM_ADD), due as sc says (its due
 * date, NULL for a continuing task; a target is set afterwards with
 * core_schedule) or, sc NULL, as c says; r->id. */
int core_task_add(struct store *s, const struct perm *p,
    const struct config *c, long plan_id, const char *role,
    const char *title, const struct schedule *sc, struct core_result *r,
    char **err);
/* The due date offered for a new task of role (YYYY-MM-DD): the
 * deadline (config_due's for the role, else plan_due, the plan's letter's
 * deadline, when not NULL, else the default) while it is still ahead of
 * today, else new_task_days from today. */
void core_new_task_due(const struct config *c, const char *role,
    const char *plan_due, char out[11]);

/* An occurrence on day (PERM_TICK). */
int core_tick(struct store *s, const struct perm *p, long task_id,
    const char *day, const char *note, char **err);
/* Retract the latest occurrence of the period that holds today;
 * CORE_NONE when there is none, else its day in r->day. */
int core_untick(struct store *s, const struct perm *p, long task_id,
    struct core_result *r, char **err);

/* Document e registered and linked to tasks[0..n) of one plan
 * (PERM_EVIDENCE on each), in one transaction; its kind, unless e gives
 * one, read from its number (dockind_of_number); r->id the document.
 * CORE_DUPLICATE, nothing written, when the plan holds one of that
 * number and date: r->id is that one. */
int core_evidence_add(struct store *s, const struct perm *p,
    const long *tasks, size_t n, const struct evidence *e,
    struct core_result *r, char **err);
/* The document of plan_id that d names, in *doc: CORE_NONE when none,
 * CORE_AMBIGUOUS when a number names several (their ids in *ids, *n;
 * free them), else *ids NULL. */
int core_evidence_find(struct store *s, long plan_id,
    const struct core_doc *d, long *doc, long **ids, size_t *n,
    char **err);
/* Document doc of plan_id linked to tasks[0..n) (PERM_EVIDENCE on
 * each), item the checklist item the links name (0: none), in one
 * transaction.  CORE_NONE, nothing written, when it is linked to one of
 * them already: that task in r->id. */
int core_evidence_link(struct store *s, const struct perm *p,
    long plan_id, long doc, const long *tasks, size_t n, long item,
    struct core_result *r, char **err);
/* The link of doc to task_id removed (PERM_EVIDENCE on the task);
 * CORE_NONE when there is none. */
int core_evidence_unlink(struct store *s, const struct perm *p,
    long plan_id, long doc, long task_id, char **err);
/* Document doc of plan_id removed (PERM_EVIDENCE on each task it is
 * linked to); CORE_NONE when the plan has no such document. */
int core_evidence_remove(struct store *s, const struct perm *p,
    long plan_id, long doc, char **err);

/* The plan's criterion code gets, by hand, the required documents
 * require[0..nrequire) (when nrequire > 0; each item's kinds from its
 * head words, checklist.h) and the counted target count (when count >=
 * 0; 0: none) in unit (NULL: the unit it had), counted in the period it
 * had.  Whoever may change the status of the criterion's appendix task
 * may (PERM_STATUS); a history row "checklist" on that task.  CORE_NONE
 * when the plan has no such criterion; an error when it has no task. */
int core_criterion_set(struct store *s, const struct perm *p, long plan_id,
    const char *code, const char *const *require, size_t nrequire,
    long count, const char *unit, char **err);

/* The plan's criterion code gets, by hand, the scoring rule kind
 * (score.h); threshold (× SCORE_UNIT, 0: keep the rule's) for
 * CK_THRESHOLD, which needs one.  The figures the import read are
 * kept.  PERM_STATUS on the criterion's appendix task, where a history
 * row "rule" says old → new.  CORE_NONE when there is no such
 * criterion. */
int core_rule_set(struct store *s, const struct perm *p, long plan_id,
    const char *code, enum crit_kind kind, score threshold, char **err);

/* A period's figures for core_figures_add. */
struct core_figures {
	const char *from, *to;	/* YYYY-MM; from NULL: no row (--expect) */
	long num, den;		/* b, a */
	bool snapshot;		/* --snapshot: year-to-date at to */
	bool has_expect;	/* --expect: a month's volume (a snapshot's:
				 * the year's a) for the best case */
	long expect;
};
/* Record in's figures for the plan's criterion code: refused
 * (CORE_ERROR, nothing written) for a kind scored without figures, a
 * period outside the plan's year (plan_period_from_title on its name)
 * or, for month rows, inside the appraised months, a range overlapping
 * recorded ones, b > a, a <= 0.  The row is year-to-date when the rule
 * is (plans always); --snapshot makes the rule so while it has no
 * month rows.  The same period again replaces the row (*replaced; the
 * old one kept, removed).  One transaction, history "figures" (and
 * "rule" when the rule moved) on the criterion's appendix task;
 * CORE_NONE when there is no such criterion. */
int core_figures_add(struct store *s, const struct perm *p,
    const struct plan *pl, const char *code, const struct core_figures *in,
    bool *replaced, char **err);

/* Revert history row (one this user wrote: a status, due or role);
 * CORE_NONE when it is undone already. */
int core_undo(struct store *s, const struct perm *p, long plan_id,
    long row, char **err);

#endif
