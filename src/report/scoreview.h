/* SPDX-License-Identifier: ISC */
/* scoreview.h: the plan's three numbers (score.h) as every output shows
 * them — the board's header and task view, report, report --evidence,
 * the minutes and list --format json: each scored criterion's appraised,
 * now and reachable points, the plan's totals, the criteria that cannot
 * be won back this year.  One path: the facts of the plan's criteria
 * (store_proof_facts), their proofs, the plan's period from its name. */
#ifndef PARBOARD_SCOREVIEW_H
#define PARBOARD_SCOREVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "proof.h"
#include "score.h"
#include "store.h"

struct scoreview {
	struct plan_score total;
	struct plan_period period;
	const struct crit_facts *facts;	/* the criteria, in code order */
	struct crit_score *crit;	/* crit[i]: facts[i]'s, when scored */
	size_t n;
	size_t *lost;		/* indexes of the lost criteria, the largest
				 * loss first, then in code order */
	size_t nlost;
	size_t *order;		/* scoreview_order's, NULL until asked */
	size_t norder;
	struct crit_facts *own;	/* facts scoreview_load read (freed) */
};

/* The numbers of plan p's criteria f[0..n) with their proofs (NULL:
 * computed here); f stays the caller's and must outlive out. */
void scoreview_compute(const struct plan *p, const struct crit_facts *f,
    const struct proof *proofs, size_t n, struct scoreview *out);
/* The same from the store: the facts are read and kept in out. */
int scoreview_load(struct store *s, const struct plan *p,
    struct scoreview *out, char **err);
void scoreview_free(struct scoreview *v);

/* The indexes of the scored criteria in the order of their codes (1.5.4
 * before 1.7, 3.5.2 before 3.11.1), *n of them; sorted when first
 * asked (the board never asks), kept in v. */
const size_t *scoreview_order(struct scoreview *v, size_t *n);

/* The numbers of criterion code, or NULL when it is not scored. */
const struct crit_score *scoreview_get(const struct scoreview *v,
    const char *code);
/* The rule of criterion code, or NULL. */
const struct crit_rule *scoreview_rule(const struct scoreview *v,
    const char *code);

/* The lost criteria by code, "3.11.1, 1.5.1", or with the points each
 * loses, "3.11.1 (1,00), 1.5.1 (1,00)"; only the first max (the rest
 * as "+N"; SCOREVIEW_ALL: all).  Malloc'd; "" when none. */
#define SCOREVIEW_ALL ((size_t)-1)
char *scoreview_lost_words(const struct scoreview *v, bool points,
    size_t max);

/* Where the effort pays: the criteria with points still to win by
 * their rule (reachable above now), the most first, "1.5.4 (+1,50),
 * 1.4.2 (+1,00), …", those assumed last and marked "?" ("3.12.1
 * (+1,00?)"); the first max, "+N" for the rest.  NULL when none;
 * malloc'd. */
char *scoreview_gain_words(const struct scoreview *v, size_t max);

/* A score in the user's language: "69,82". */
void scoreview_fmt(score x, char buf[32]);

/* c's appraised, now and reachable in one line: "Appraised 0,64 · now
 * 0,64 · reachable 0,82"; malloc'd. */
char *scoreview_crit_words(const struct crit_score *c);
/* How a criterion is scored, in words: its kind and what its rule
 * holds ("threshold ratio 0,7", "plan completion: Kế hoạch số
 * 30/KH-UBND, 9 tasks", "late tasks: 2", "proportional ratio,
 * year to date"); malloc'd. */
char *scoreview_rule_words(const struct crit_rule *r);
/* What the task view and `criterion CODE` say of criterion code's
 * score, a line each (c's numbers, its figures, whether it is lost or
 * assumed) into lines[0..4); how many.  Each malloc'd; none when code
 * is not scored. */
size_t scoreview_crit_lines(const struct scoreview *v, const char *code,
    char *lines[4]);
/* The year's b/a so far and the best case where known: "year so far
 * 408/637 = 0,64 · best case 1045/1274 = 0,82"; NULL when neither. */
char *scoreview_figures_words(const struct crit_score *c);

#endif
