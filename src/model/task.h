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
	/* From the task's criterion (when it has one in the plan). */
	char *crit_title, *comment, *assignee;
	score standard, self, appraised, deduction;
	unsigned has;		/* HAS_* bits of the criterion */
	int nnotes, nevidence;
	char *role_source;	/* NULL: the owner comes from the import;
				 * "hand": a person reassigned the task */
	long seq;		/* the change counter at its last write */
	/* Non-NULL: every text above lives in this one block (the board's
	 * snapshot, store_tasks_lean), and task_clear frees only it. */
	char *pool;
};

void task_clear(struct task *t);
void tasks_free(struct task *t, size_t n);

/* Past its due date (before today()) and not done: the rule of the
 * --overdue filter, for tasks already in hand (board, report). */
bool task_overdue(const struct task *t);

/* Due within warn_days days from today (today included) and not done:
 * the board's ~ mark and the minutes' "due soon". */
bool task_due_soon(const struct task *t, int warn_days);

/* The order of cards (and of store_tasks, whose SQL TASK_ORDER spells
 * the same; tests/unit/test_store.c holds them together): due date
 * first (none last), the most points, the criterion code in version
 * order (none last), then the id. */
int task_order_cmp(const struct task *a, const struct task *b);

/* The points rule for the tasks of one criterion, fed one task at a
 * time (zero it first): at stake, the largest points of its tasks;
 * recovered when every one is done (proved or not: proof.h says). */
struct crit_points {
	size_t n;
	bool has, done;
	score max;
};
void crit_points_add(struct crit_points *p, const struct task *t);
score crit_points_stake(const struct crit_points *p);
score crit_points_recovered(const struct crit_points *p);

/* Points of a task list (a plan's, as store_tasks gives it): a
 * criterion's points (the largest of its tasks') are at stake when it has
 * tasks, and recovered when every task linked to it, of any origin, is
 * done.  A directive shares its criterion's points and never adds any.
 * Pure: the board and the report count from tasks they already hold. */
void tasks_points(const struct task *t, size_t n, score *recovered,
    score *at_stake);

/* The plan's score from its appraised total and its tasks: now counts
 * what is recovered (every task of a criterion done), projected what
 * would be once every task is done.  For the seed with 1.5.3 done:
 * appraised 69,82, recovered 0,50 of at_stake 10,77, now 70,32,
 * projected 80,59. */
struct tasks_score {
	score appraised, recovered, at_stake, now, projected;
};
void tasks_score(score appraised, const struct task *t, size_t n,
    struct tasks_score *out);

#endif
