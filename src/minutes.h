/* SPDX-License-Identifier: ISC */
/* minutes.h: the minutes of the weekly review meeting (Biên bản họp giao
 * ban CCHC) and "since the last meeting" — the window the board marks and
 * the net change of each task in it.
 *
 * Since the last meeting means after the last meeting `minutes --record`
 * recorded, else the seven days before today.  On the day a meeting was
 * recorded the minutes are that meeting's (the window before it), so
 * printing the text and then the HTML shows the same content. */
#ifndef PARBOARD_MINUTES_H
#define PARBOARD_MINUTES_H

#include <stdbool.h>
#include <stdio.h>

#include "config.h"
#include "report.h"
#include "store.h"

struct minutes_window {
	char *after, *until;	/* UTC timestamps or NULL */
	char since[11];		/* local date, or "" */
	struct meeting meeting;	/* the meeting the window starts at or,
				 * when held today, ends at (id 0: none) */
	bool held_today;
};
/* The window "since the last meeting"; since (YYYY-MM-DD, may be NULL)
 * overrides it (--since). */
int minutes_window(struct store *s, long plan_id, const char *since,
    struct minutes_window *w, char **err);
void minutes_window_clear(struct minutes_window *w);

/* What a person changed on one task in the window, net: the status and
 * due date at its start and end (NULL when unchanged), and how many notes,
 * documents and occurrences were added; who changed it last and when. */
struct net_change {
	long task_id;
	char *code, *role, *title;
	char *user, *at;
	char *status_from, *status_to;
	char *status_user, *status_at;	/* who changed the status last */
	char *due_from, *due_to;
	int notes, evidence, ticks;
};
int minutes_net(struct store *s, long plan_id,
    const struct minutes_window *w, struct net_change **out, size_t *n,
    char **err);
void net_changes_free(struct net_change *v, size_t n);
/* The ids of the tasks minutes_net lists, ascending (*ids malloc'd),
 * without reading their rows: the board marks them. */
int minutes_changed(struct store *s, long plan_id,
    const struct minutes_window *w, long **ids, size_t *n, char **err);
/* "1.5.3: To do → Done; 1 note" in the user's language (malloc'd). */
char *net_change_text(const struct net_change *c);

struct minutes_opts {
	const char *since;	/* --since, ISO, or NULL */
	const char *chair;	/* --chair or NULL */
	bool record;
	enum format fmt;	/* text, markdown, html or csv */
};
int minutes_print(struct store *s, const struct config *c,
    const struct plan *p, const struct minutes_opts *o, FILE *out,
    char **err);

#endif
