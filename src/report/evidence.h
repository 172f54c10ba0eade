/* SPDX-License-Identifier: ISC */
/* evidence.h: the evidence register as people read it — the documents
 * of a plan or a task (`parboard evidence list`), the remediation report
 * criterion by criterion (`parboard report --evidence`), and the rules:
 * which done tasks need a document, how much of the score "now" is backed
 * by one. */
#ifndef PARBOARD_EVIDENCE_H
#define PARBOARD_EVIDENCE_H

#include <stdbool.h>
#include <stdio.h>

#include "config.h"
#include "report.h"
#include "scoreview.h"
#include "store.h"

/* The points the score now gains on the appraised by documents: the
 * criteria of kind document or count whose proof (proof.h: every item
 * of the checklist filled, the counted target met) gives their standard
 * points (scoreview.h): the score's "backed by evidence". */
score evidence_backed(const struct scoreview *v);

/* One document in words, for text and the report: "158/BC-UBND,
 * 20/09/2023, UBND xã: summary (digitally signed) <file>", its data
 * through out_safe. */
void evidence_doc_words(struct buf *b, const struct evidence *e);

/* `evidence list`: text, tsv, csv or json. */
int evidence_print(struct store *s, const struct plan *p, long task_id,
    enum format fmt, FILE *out, char **err);

/* `report --evidence`: text, markdown, html or csv. */
int evidence_report(struct store *s, const struct config *c,
    const struct plan *p, enum format fmt, FILE *out, char **err);

#endif
