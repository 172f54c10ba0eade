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
#include "store.h"

/* The points of the recovered criteria (every task done, see
 * tasks_points) that are proved (proof.h: every item of the checklist
 * filled, the counted target met), of plan_id's tasks t[0..n), in *out:
 * the score's "backed by evidence" (có tài liệu). */
int evidence_backed(struct store *s, long plan_id, const struct task *t,
    size_t n, score *out, char **err);

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
