/* SPDX-License-Identifier: ISC */
/* score.h: how a criterion is scored — its kind and rule, the figures a
 * ratio needs, and its three numbers: appraised, now and reachable by
 * the end of the plan's year (DESIGN.md, "Points belong to criteria").
 * Pure: no SQL, no I/O.  The import reads a rule from the council's
 * comment (crit_rule_from_comment), a person corrects it (parboard
 * criterion --kind), the store keeps it with the figures recorded month
 * by month (parboard figures), and every output asks crit_score_compute.
 *
 * The kinds and their rules (std the standard points, ap the appraised):
 *   document   the checklist of required documents is complete
 *              (proof.h): std, else ap.
 *   count      at least N events (the checklist's target): std, else ap.
 *   plan       m of n tasks of a named plan due so far: std × m/n.
 *   threshold  b/a at or above t: std, else 0.
 *   ratio      proportional: std × b/a.
 *   late       points lost per late task: not recoverable in the year.
 *   survey     scored by others (a survey), not by the commune.
 * A criterion's points count as recovered only when its rule is met,
 * never because its tasks are done.
 *
 * The year's b/a: ratios of files add the appraised half's b and a and
 * the months recorded since; ratios of services (snapshot) and plans
 * take the latest year-to-date figures.  Reachable is the best case:
 * every month of the year without recorded figures is filled at the
 * appraised half's monthly volume (or the volume --expect gives) with
 * every file counted in b; where the appraised figures are unknown the
 * full points count as reachable, as an assumption.  Points of a ratio
 * are rounded to the hundredth, as the council writes them (0,64). */
#ifndef PARBOARD_SCORE_H
#define PARBOARD_SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "proof.h"
#include "text.h"

enum crit_kind {
	CK_DOCUMENT,
	CK_COUNT,
	CK_PLAN,
	CK_THRESHOLD,
	CK_RATIO,
	CK_LATE,
	CK_SURVEY,
	CK_NKINDS
};
/* "document", "count", "plan", "threshold", "ratio", "late", "survey". */
const char *crit_kind_name(enum crit_kind k);
/* The kind in the user's language: "tỷ lệ đạt ngưỡng". */
const char *crit_kind_label(enum crit_kind k);
/* A name, or a label in English or Vietnamese, case and tone marks
 * aside; false when none. */
bool crit_kind_parse(const char *s, enum crit_kind *out);
/* The kind stored under name s; CK_DOCUMENT when unknown. */
enum crit_kind crit_kind_from_name(const char *s);

/* A criterion's rule.  num and den are the appraised half's b and a
 * (a plan: den its tasks, num those done when the council said). */
struct crit_rule {
	enum crit_kind kind;
	score threshold;	/* CK_THRESHOLD: t × SCORE_UNIT (0,7 → 700) */
	bool snapshot;		/* figures are year-to-date: the latest
				 * counts (ratios of services, plans) */
	bool has_num, has_den;	/* num, den known */
	long num, den;
	long late;		/* CK_LATE: the late tasks the council
				 * counted; 0 when it said none */
	char *plan_name;	/* CK_PLAN: "Kế hoạch số 30/KH-UBND", or NULL */
	bool has_expect;	/* figures --expect: a month's volume (a
				 * snapshot's: the year's a) in place of
				 * the appraised half's */
	long expect;
	bool by_hand;		/* set by a person: an import leaves it */
};
void crit_rule_clear(struct crit_rule *r);
void crit_rule_copy(struct crit_rule *dst, const struct crit_rule *src);
/* The rule in one line, as the history keeps it: the kind's name, then
 * what it holds, " · " between ("threshold 0,7 · 164/739", "plan 30/30
 * · snapshot", "late 2").  Never NULL; free it. */
char *crit_rule_describe(const struct crit_rule *r);
/* A threshold as people write it, "0,7", "0.7" or "70%", into *out
 * (× SCORE_UNIT); false unless above 0 and at most 1. */
bool crit_threshold_parse(const char *s, score *out);
/* t (× SCORE_UNIT) as few decimals as it needs: "0,7", "1"; buf holds
 * 32 bytes at least.  Returns buf. */
const char *crit_threshold_text(score t, char decimal, char *buf,
    size_t n);
/* Whether the kind is scored on figures (plan, threshold, ratio). */
bool crit_kind_takes_figures(enum crit_kind k);

/* The rule a criterion's title and council comment say, into out
 * (cleared first); document when they say nothing:
 *   "b/a=164/739=0,22<0,7 nên đạt 0 điểm"  threshold 0,7, 164/739;
 *   "b/a=408/637=0,64"                      ratio, 408/637;
 *   a title "Tỷ lệ …" without figures        ratio, figures unknown;
 *   "Tỷ lệ … có phát sinh …" (services)      snapshot;
 *   "Tổng số nhiệm vụ … là 30 nhiệm vụ"     plan of 30 (named by the
 *       "Kế hoạch số …" the comment cites, else by the title's);
 *   "có 02 nhiệm vụ được giao hoàn thành chậm"  late, 2;
 *   "điều tra xã hội học", "khảo sát" in the title  survey. */
void crit_rule_from_comment(const char *title, const char *comment,
    struct crit_rule *out);

/* The plan's period: its year and the months the appraisal covered
 * (first..last, 1..12), read from its title ("6 THÁNG ĐẦU NĂM 2023":
 * 2023, 1..6; "6 tháng cuối năm": 7..12; "năm 2023" alone: 1..12).
 * known: the title said; else year is fallback_year, months 1..6. */
struct plan_period {
	int year, first, last;
	bool known;
};
void plan_period_from_title(const char *title, int fallback_year,
    struct plan_period *out);
/* Whether month ("YYYY-MM") falls in the plan's year after the
 * appraised months. */
bool plan_period_after(const struct plan_period *p, const char *month);
/* Whether month falls in the plan's year. */
bool plan_period_in_year(const struct plan_period *p, const char *month);

/* One row of figures: b and a for the months from..to (YYYY-MM), or a
 * year-to-date snapshot at month to. */
struct figure {
	long id;
	char from[8], to[8];
	long num, den;
	bool snapshot;
	char *user, *at;
};
void figure_clear(void *elem);
/* The months from..to cover (1 for one month). */
int figure_months(const char *from, const char *to);
/* A month as a person types it, "2023-07", "07/2023" or "7/2023", into
 * out as "2023-07"; false when it is none (or month 0, 13). */
bool figure_month_parse(const char *s, char out[8]);
/* The row as the history keeps it: "2023-07..2023-12 500/600", a
 * snapshot "2023-10 snapshot 7/9".  Never NULL; free it. */
char *figure_describe(const struct figure *f);

/* What the figures recorded for a criterion add up to. */
struct crit_figures {
	size_t n;		/* rows */
	long num, den;		/* month rows: sums */
	int months;		/* month rows: the months they cover */
	bool has_snapshot;
	char last[8];		/* the latest snapshot's month */
	long snap_num, snap_den;
};

struct crit_score {
	score standard, appraised, now, reachable;
	bool lost;		/* reachable no better than appraised, short
				 * of the standard: cannot be won back this
				 * year, needs a giải trình */
	bool assumed;		/* reachable assumes what is unknown (the
				 * appraised figures) */
	bool has_year;		/* year_num/year_den: the year's b/a so far */
	long year_num, year_den;
	bool has_best;		/* best_num/best_den: the best case */
	long best_num, best_den;
};

struct crit_score_in {
	score standard, appraised;
	const struct crit_rule *rule;
	const struct crit_figures *figs;	/* may be NULL: none */
	const struct proof *proof;	/* document, count; may be NULL */
	const struct plan_period *period;
};
void crit_score_compute(const struct crit_score_in *in,
    struct crit_score *out);

/* std × num/den rounded to the hundredth (0 when den is 0). */
score score_ratio(score std, long num, long den);

/* A plan's totals: appraised (the plan's total), now and reachable add
 * each scored criterion's gain over its appraised points; all_fixed is
 * the appraised total plus every deduction (the old "if every deduction
 * were fixed", never the year's projection); lost sums the deductions
 * that cannot be won back this year, over nlost criteria. */
struct plan_score {
	score appraised, now, reachable, all_fixed, lost;
	size_t nlost, nassumed;
};
void plan_score_start(struct plan_score *p, score appraised);
void plan_score_add(struct plan_score *p, const struct crit_score *c);

#endif
