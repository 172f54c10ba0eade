/* SPDX-License-Identifier: ISC */
/* actions_impl.h: what the key actions' files share — actions.c (the
 * dispatcher, moving, undo, and the helpers below), actions_status.c
 * (status, blocked, role), actions_form.c (the keys that ask for
 * text) and actions_figures.c (a period's figures).  Private to them. */
#ifndef PARBOARD_ACTIONS_IMPL_H
#define PARBOARD_ACTIONS_IMPL_H

#include <stdbool.h>

#include "boardui.h"
#include "perm.h"

/* actions.c */
/* The task an action works on: the open one, else the selected card;
 * NULL (said) when none. */
struct task *actions_target(struct board *b);
/* A key that changes something: refused (said) on a --view board and on
 * a read-only database. */
bool actions_writable(struct board *b);
/* The task a change key works on, when the board may write and the
 * user may do a to it (core_may, before anything is asked); NULL, said,
 * otherwise. */
struct task *actions_target_may(struct board *b, enum perm_action a);
/* A use case that wrote nothing (rc, err): said in its own words, else
 * the store's reason. */
void actions_not_written(struct board *b, int rc, const char *err);
/* A task in a message: its code, or "#id" (never a cut-off title). */
char *actions_task_label(const struct task *t);
/* A one-key change of kind "status" or "due" to value (with a note): it
 * carries the field's value as the card showed it, and the store
 * refuses when that field moved meanwhile; a done without the proof
 * its criterion requires asks for a giải trình (explain, when not NULL,
 * is the one given). */
void actions_write_set(struct board *b, struct task *t, const char *kind,
    const char *value, const char *note, const char *explain);
/* Remember history row row (what it did in words, taken) for `u`. */
void actions_undo_push(struct board *b, long row, char *what);

/* actions_status.c */
void actions_status(struct board *b);
void actions_status_back(struct board *b);
void actions_status_pick(struct board *b);
void actions_move_role(struct board *b);
void actions_person(struct board *b);
void actions_block(struct board *b);

/* actions_form.c */
void actions_evidence(struct board *b);
void actions_tick(struct board *b, bool add);
void actions_note(struct board *b, const char *kind);
void actions_due(struct board *b);
void actions_add(struct board *b);

/* actions_figures.c */
void actions_figures(struct board *b);

#endif
