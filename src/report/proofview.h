/* SPDX-License-Identifier: ISC */
/* proofview.h: a criterion's proof (proof.h) in words, for the command
 * line, the board and the reports: what a task set done lacks, and the
 * card's few characters. */
#ifndef PARBOARD_PROOFVIEW_H
#define PARBOARD_PROOFVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "core.h"
#include "model.h"
#include "proof.h"
#include "report.h"
#include "store.h"

/* What m says is missing, in the user's language: "1.7: missing A, B,
 * C; 1/2 diễn đàn/đối thoại held"; then the task's own target when it
 * is short.  Malloc'd; the texts as stored (print them through out_*). */
char *proofview_missing(const struct core_missing *m);

/* The card's proof state: "TLKC 1/3 · 1/2 cuộc" (the items filled of
 * the checklist's, the occurrences of the target); brief: the items'
 * part alone ("TLKC 1/3"). */
void proofview_short(const struct checklist *c, const struct proof *p,
    bool brief, char *buf, size_t n);

/* report --evidence's lines on f's proof, in fmt (text, markdown or
 * html): each required item with the document that fills it (found
 * among byid[0..n), sorted by id) or "open", the counted target, the
 * giải trình. */
void proofview_section(struct buf *b, const struct crit_facts *f,
    const struct proof *p, const struct evidence *const *byid, size_t n,
    enum format fmt);
/* The order of byid. */
int proofview_id_cmp(const void *a, const void *b);

/* Whether criterion code is proved, from the plan's facts v[0..n) (a
 * code without facts, no criterion of the plan: false). */
bool proofview_proved(const struct crit_facts *v, size_t n,
    const char *code);

/* The proof of f (proof_clear it). */
void proofview_compute(const struct crit_facts *f, struct proof *out);

#endif
