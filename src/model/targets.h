/* SPDX-License-Identifier: ISC */
/* targets.h: counted and recurring targets.  A directive's target ("3
 * bài") and period ("tháng") become a count, a unit and a period; the
 * occurrences a person records (ticks) are counted per period.  Pure: no
 * SQL, no I/O. */
#ifndef PARBOARD_TARGETS_H
#define PARBOARD_TARGETS_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

enum period {
	PERIOD_ONCE,		/* by the due date */
	PERIOD_MONTH,
	PERIOD_QUARTER,
	PERIOD_YEAR,
};

struct target {
	int count;		/* 0: the task has no counted target */
	char unit[32];		/* "bài", "cuộc"... ("" when none) */
	enum period every;
};

/* Parse target ("3 bài", "01 cuộc", "3") and every ("tháng", "hằng
 * tháng", "mỗi tháng", "quý", "năm", empty: once).  Both empty: *out has
 * count 0 and true.  False (and count 0) for text that is not understood
 * ("6 tháng" as a period, "nhiều bài"). */
bool target_parse(const char *target, const char *every, struct target *out);

/* The period of kind k that holds day: its first and last days. */
void target_period(enum period k, const char *day, char from[11],
    char to[11]);
/* Where untick looks for the occurrence to retract: the period of tg
 * that holds day; for a target once (by the due date), every day up to
 * the period's end. */
void target_untick_period(const struct target *tg, const char *day,
    char from[11], char to[11]);
/* How a period is named: "11/2023", "Q4/2023", "2023". */
void target_period_label(enum period k, const char *from, char *buf,
    size_t n);

/* The periods a task's target runs through, from start (the month of the
 * plan's letter or import) to end (the plan's year end, or the directive's
 * own due date when earlier), up to the one that holds today: the count
 * of ticks in each and whether it ended below the target (missed). */
struct target_period {
	char from[11], to[11];
	int done;
	bool missed, current;
};
size_t target_periods(const struct target *tg, const char *start,
    const char *end, const char *today, const struct tick *ticks,
    size_t nticks, struct target_period **out);

/* Where a plan's recurring targets start (the month of its letter, else
 * of its import) and end (YYYY-MM-DD). */
void target_span(const struct plan *p, const struct task *t,
    char start[11], char end[11]);

/* "11/2023: 2/3 bài, due 30/11" for the current period of a recurring
 * target, "2/3 bài" for a target once (buf of 64 bytes); "" when the
 * task has no counted target. */
void target_progress(const struct target *tg, const struct target_period *v,
    size_t n, char *buf, size_t len);

/* A period's count in words: "10/2023: 2/3 bài". */
void target_period_words(const struct target *tg,
    const struct target_period *v, char *buf, size_t len);

/* The schedule facts of t (task.h: missed, period_end, period_met) from
 * its own ticks k and the plan's span; nothing for a task that is not a
 * recurring target. */
void target_schedule(struct task *t, const struct plan *p,
    const struct tick *k, size_t nk);

#endif
