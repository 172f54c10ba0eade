/* SPDX-License-Identifier: ISC */
/* proof.h: whether a criterion is proved — the one rule behind "done"
 * (core), the card, the task view, report --evidence and the score's
 * "có tài liệu".  Given the criterion's checklist (checklist.h), the
 * documents linked to its tasks and the days of their occurrences
 * (ticks), it says which document fills which item, which items are
 * still open, the count in the target's period against the target, and
 * whether all is there.  Pure: no SQL, no I/O.
 *
 * Filling: a link naming an item (--item N) fills that item; then each
 * other document, in the order given, fills the first open item whose
 * kinds include its kind; an item of any kind (CHECKLIST_ANY) takes any
 * document.  A document linked to several tasks of the criterion counts
 * once (by its id). */
#ifndef PARBOARD_PROOF_H
#define PARBOARD_PROOF_H

#include <stdbool.h>
#include <stddef.h>

#include "checklist.h"
#include "dockind.h"

/* A document linked to one of the criterion's tasks. */
struct proof_doc {
	long id;		/* the document */
	enum doc_kind kind;
	long item;		/* the item the link names (from 1), or 0 */
};

struct proof {
	size_t nitems;
	long *fill;		/* per item: the index in docs of the document
				 * that fills it, or -1 when open */
	size_t nopen;
	long count, target;	/* occurrences in the period; the target
				 * (0: none) */
	bool proved;		/* every item filled and count >= target */
};

/* The proof of c from docs[0..ndocs) and the occurrences' days
 * days[0..ndays) (YYYY-MM-DD), those in c's period counted (all when c
 * names none).  out is cleared first (proof_clear). */
void proof_compute(const struct checklist *c, const struct proof_doc *docs,
    size_t ndocs, const char *const *days, size_t ndays, struct proof *out);

void proof_clear(struct proof *p);

#endif
