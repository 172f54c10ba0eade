/* SPDX-License-Identifier: ISC */
/* report.h: `parboard list` and `parboard report` output. */
#ifndef PARBOARD_REPORT_H
#define PARBOARD_REPORT_H

#include <stdio.h>

#include "config.h"
#include "store.h"

enum format {
	FORMAT_TEXT,
	FORMAT_TSV,
	FORMAT_CSV,
	FORMAT_JSON,
	FORMAT_MARKDOWN,
	FORMAT_HTML,
};
/* Returns false for an unknown name. */
bool format_parse(const char *s, enum format *out);


/* The task list: text (aligned by display width), tsv, csv or json. */
int report_list(struct store *s, const struct config *c,
    const struct plan *p, const struct filter *f, enum format fmt,
    FILE *out, char **err);

/* The progress report: score, points recovered, tasks per role and
 * status, overdue tasks, and changes since `since` (may be NULL):
 * text, markdown or csv. */
int report_progress(struct store *s, const struct config *c,
    const struct plan *p, const char *since, enum format fmt, FILE *out,
    char **err);

/* The heading of a report on plan p: the letter it came with
 * (words_letter_heading: "Implementing letter No. 103/UBND of …") when
 * it is known, else the plan's name.  Malloc'd. */
char *report_plan_heading(struct store *s, const struct plan *p);

#endif
