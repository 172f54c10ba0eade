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
};
int minutes_print(struct store *s, const struct config *c,
    const struct plan *p, const struct minutes_opts *o, FILE *out,
    char **err);

#endif
