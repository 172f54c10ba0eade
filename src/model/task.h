/* SPDX-License-Identifier: ISC */
/* task.h: what a task is and the rules about it — statuses and their
 * labels, struct task, the overdue rule and the points rule.  Pure: no
 * SQL, no I/O; the store persists tasks, the board and the report apply
 * these rules to the tasks they hold. */
#ifndef PARBOARD_TASK_H
#define PARBOARD_TASK_H

#include <stdbool.h>
#include <stddef.h>

#include "text.h"

enum status {
	STATUS_TODO,
	STATUS_DOING,
	STATUS_DONE,
	STATUS_BLOCKED,
	STATUS_COUNT
};
const char *status_name(enum status s);		/* "todo" */
/* The label in the user's language: "To do", "Chưa thực hiện". */
const char *status_label(enum status s);
/* Accepts the name ("doing"), the English label, the label in the user's
 * language or the Vietnamese one, folded. */
bool status_parse(const char *s, enum status *out);
/* The status stored under name s ("doing"); STATUS_TODO when unknown. */
enum status status_from_name(const char *s);

/* Where a task came from, and where its due date (stored as the names
 * "appendix", "default", ...). */
enum origin {
	ORIGIN_APPENDIX,
	ORIGIN_DIRECTIVE,
	ORIGIN_MANUAL,
};
enum due_source {
	DUE_DEFAULT,		/* the configuration's default deadline */
	DUE_ROLE,		/* the role's deadline */
	DUE_CRITERION,		/* an override for the criterion */
	DUE_DIRECTIVE,		/* the directive's own "due" column */
	DUE_TASK,		/* set by hand for this task */
	DUE_LETTER,		/* the letter's own words ("đến cuối năm") */
};
const char *origin_name(enum origin o);
enum origin origin_from_name(const char *s);	/* ORIGIN_MANUAL when
						 * unknown */
const char *due_source_name(enum due_source d);
enum due_source due_source_from_name(const char *s);	/* DUE_DEFAULT when
							 * unknown */

struct task {
	long id;
	long version;		/* bumped by every change */
	char *key, *code, *role, *support, *title;
	enum origin origin;
	enum status status;
	char *due;
	enum due_source due_source;
	bool has_points;
	score points;
	char *target, *every;
	char *links;		/* other criteria it serves, "3.12.1,3.12.2",
				 * or NULL */
	/* From the task's criterion (when it has one in the plan). */
	char *crit_title, *comment, *assignee;
	score standard, self, appraised, deduction;
	unsigned has;		/* HAS_* bits of the criterion */
	int nnotes, nevidence;
	char *role_source;	/* NULL: the owner comes from the import;
				 * "hand": a person reassigned the task */
	char *person;		/* who answers for it within its role, as
				 * `people` names them (people.h), or NULL */
	/* The facts of its schedule, which the store adds on reading
	 * (targets.h target_schedule): for a recurring target, the past
	 * periods that fell short ("10/2023: 2/3 bài", "" none), the end
	 * of the current period and whether its count is met; for a
	 * continuing task, the day of its last change ("" unknown). */
	char missed[48];
	char period_end[11];
	bool period_met;
	char updated[11];
	long seq;		/* the change counter at its last write */
	/* Non-NULL: every text above lives in this one block (the board's
	 * snapshot, store_tasks_lean), and task_clear frees only it. */
	char *pool;
};

void task_clear(struct task *t);
void tasks_free(struct task *t, size_t n);

/* The three kinds of task: one-off (a due date), continuing ("thường
 * xuyên": no due date) and recurring target (a count every month,
 * quarter or year, each period due at its end; its due date is the end
 * of its span). */
enum task_kind {
	TASK_ONE_OFF,
	TASK_CONTINUING,
	TASK_RECURRING,
};
enum task_kind task_kind(const struct task *t);

/* Late, and not done: a one-off task past its due date (before
 * today()); a recurring target when a past period fell short (missed);
 * a continuing task never.  The rule of the --overdue filter (the
 * store's SQL only narrows to the tasks that may be late), of the
 * board's header and of the report and the minutes. */
bool task_overdue(const struct task *t);

/* Due within warn_days days from today (today included) and not done:
 * a one-off task by its due date, a recurring target by the end of its
 * current period while its count is short; a continuing task never.
 * The board's ~ mark and the minutes' "due soon". */
bool task_due_soon(const struct task *t, int warn_days);

/* The next date it is due by: a one-off task's due date, the end of a
 * recurring target's current period (NULL when none), NULL for a
 * continuing task. */
const char *task_next_due(const struct task *t);

/* A continuing task in words: "Ongoing · updated 12 days ago" (from
 * updated; "Ongoing" when unknown); brief (a card, whose heading says
 * "ongoing"): "updated 12 days ago", NULL when unknown.  Malloc'd. */
char *task_ongoing_words(const struct task *t, bool brief);

/* The order of cards (and of store_tasks, whose SQL TASK_ORDER spells
 * the same; tests/unit/test_store.c holds them together): due date
 * first (none last), the most points, the criterion code in version
 * order (none last), then the id. */
int task_order_cmp(const struct task *a, const struct task *b);

#endif
