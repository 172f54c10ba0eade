/* SPDX-License-Identifier: ISC */
/* meeting.h: "since the last meeting" — the window the minutes cover and
 * the board marks, and the net change of each task in it.  Pure: the
 * callers read the meetings (store_meetings_last) and the history rows
 * (store_changes_after, CHANGES_PEOPLE) and hand them here.
 *
 * Since the last meeting means after the last meeting `minutes --record`
 * recorded, else the seven days before today.  On the day a meeting was
 * recorded the minutes are that meeting's (the window before it), so
 * printing the text and then the HTML shows the same content; the board
 * shows the changes from that meeting on (meeting_window_board). */
#ifndef PARBOARD_MEETING_H
#define PARBOARD_MEETING_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

struct meeting_window {
	char *after, *until;	/* UTC timestamps or NULL */
	char since[11];		/* local date, or "" */
	struct meeting meeting;	/* the meeting the window starts at or,
				 * when held today, ends at (id 0: none) */
	bool held_today;
};
/* The window from the plan's last meeting and the one before it (id 0
 * or NULL: none; both copied); since (YYYY-MM-DD, may be NULL) overrides
 * it (--since). */
void meeting_window(const char *since, const struct meeting *last,
    const struct meeting *before, struct meeting_window *w);
/* One meeting per sitting: whether two meetings' UTC timestamps fall
 * on the same local day (a second `minutes --record` that day updates
 * the first, and an older second row is not a window's start). */
bool meeting_same_day(const char *at1, const char *at2);
/* The board's window: on a meeting's day, from that meeting on. */
void meeting_window_board(struct meeting_window *w);
void meeting_window_clear(struct meeting_window *w);

/* Which field a history row changed: HK_STATUS, HK_DUE, or HK_COUNT for
 * any other.  An undo row names its field only by its values. */
enum history_kind history_field(const struct history *h);

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
/* The net change of each task with rows in c (a window's rows, oldest
 * first), by criterion code (none last), then task. */
void net_changes(const struct change *c, size_t n, struct net_change **out,
    size_t *m);
void net_changes_free(struct net_change *v, size_t n);

#endif
