/* SPDX-License-Identifier: ISC */
/* minutes.h: the minutes of the weekly review meeting (Biên bản họp giao
 * ban CCHC), since the last meeting (meeting.h). */
#ifndef PARBOARD_MINUTES_H
#define PARBOARD_MINUTES_H

#include <stdbool.h>
#include <stdio.h>

#include "config.h"
#include "meeting.h"
#include "report.h"
#include "store.h"

struct minutes_opts {
	const char *since;	/* --since, ISO, or NULL */
	const char *chair;	/* --chair or NULL */
	bool record;
	enum format fmt;	/* text, markdown, html or csv */
	/* --record: the meeting's fields (enum meeting_field; NULL: not
	 * given), but MF_PRESENT and MF_ABSENT, which are the names as
	 * given (each a name or names separated by commas) */
	const char *f[MF_COUNT];
	const char *const *present, *const *absent;
	size_t npresent, nabsent;
};
int minutes_print(struct store *s, const struct config *c,
    const struct plan *p, const struct minutes_opts *o, FILE *out,
    char **err);

#endif
