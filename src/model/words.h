/* SPDX-License-Identifier: ISC */
/* words.h: the model in the user's language — the one place that turns
 * the store's facts (history rows, changes, net changes, origins) into
 * sentences.  Every result is malloc'd unless said otherwise. */
#ifndef PARBOARD_WORDS_H
#define PARBOARD_WORDS_H

#include "letter.h"
#include "meeting.h"
#include "model.h"

/* Where a task came from ("appendix", "directive", "manual") in the
 * user's language (static). */
const char *words_origin(enum origin o);
/* Where a task's due date came from: "by role", "default", ... */
const char *words_due_source(enum due_source d);
/* A task's name in a list: "1.5.3", told apart from an appendix task of
 * the same code when the directive's ("1.5.3 (directive)"); without a
 * code "#12 title", or "#12" when title is NULL (the line goes on with
 * it). */
char *words_task_name(const char *code, long id, const char *title,
    bool directive);
/* A status name ("doing") by its label; "-" for NULL (static). */
const char *words_status(const char *name);

/* The task view's line: "10/09/2023 08:15 an: status To do → Done". */
char *words_history(const struct history *h);
/* The report's line: "10/09/2023 08:15 an 1.7/CA status: To do → In
 * progress"; a task without a code is named by its number and title. */
char *words_change(const struct change *c);
/* "1.5.3: To do → Done; 1 note". */
char *words_net_change(const struct net_change *c);
/* What one change of this board did, as its undo offers it back: task
 * (a code or "#12") and the field's old and new values as stored, for
 * HK_STATUS "1.7: Done → In progress", HK_DUE "1.7: due date 01/02/2024
 * → -", HK_ROLE "1.7: role VH-XH → CA". */
char *words_undo(const char *task, enum history_kind kind, const char *old,
    const char *new);

/* The details of a plan's letter, a field a line ("Number: 103/UBND"),
 * the fields it does not say left out; dates as the language writes
 * them. */
char *words_letter(const struct letter *l);
/* A report's heading from the letter: "Implementing letter No. 103/UBND
 * of 06/09/2023 of UBND xã Hiền Thành", then ": " and the subject when
 * known.  NULL without a number. */
char *words_letter_heading(const struct letter *l);

#endif
