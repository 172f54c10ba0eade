/* SPDX-License-Identifier: ISC */
/* minutes_parts.h: the minutes' model, shared by minutes.c (which builds
 * it from the store) and minutes_write.c (which writes it in a format).
 * Private to the two. */
#ifndef PARBOARD_MINUTES_PARTS_H
#define PARBOARD_MINUTES_PARTS_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "doc.h"
#include "meeting.h"
#include "scoreview.h"
#include "store.h"

enum section {
	SEC_DONE,		/* done since the last meeting */
	SEC_DOING,		/* in progress, with the latest note */
	SEC_BLOCKED,		/* blocked, with the reason */
	SEC_OVERDUE,		/* overdue, days late; missed periods */
	SEC_SOON,		/* due within the warning window */
	SEC_COUNT
};

enum bucket {
	B_DONE_ON_TIME, B_DONE_LATE, B_OPEN_ON_TIME, B_OVERDUE, B_COUNT
};

struct item {
	enum section sec;
	const char *role;
	size_t rank, seq;	/* the role's place in roles[], the order made */
	char *name, *detail;
};

struct model {
	const struct plan *p;
	const struct config *c;
	char day[16], since[64];
	const char *chair;
	char *chair_own;	/* the account's person, when chair */
	char *commune;		/* the setting, else from the plan's title */
	char *heading;		/* report_plan_heading */
	struct plan_score sc;
	score backed;
	char *lost;		/* "3.11.1 (1,00), 1.5.1 (1,00)", or "" */
	char *gain;		/* still to win, "1.5.4 (+1,50), …", or NULL */
	size_t bucket[B_COUNT];
	size_t doing, blocked;	/* of B_OPEN_ON_TIME, as listed */
	struct item *items;
	size_t n, cap;
	const struct minutes_form *form;	/* a record's, or NULL */
	const char **roles;	/* with at least one task, in column order */
	size_t nroles;
};

/* The record's form (minutes_record.c), for a recorded meeting. */
struct minutes_form {
	char *body[2];		/* the issuing body's lines, capitals, or
				 * NULL */
	char *day;		/* the meeting's day, in words in Vietnamese */
	char *place_day;	/* "Hiền Thành, ngày 20 tháng 9 năm 2023" */
	const char *f[MF_COUNT];	/* the meeting's (NULL: not given) */
	const char *chair, *chair_title, *secretary_title;
};
/* The body and the day from the plan's letter (else the configured
 * commune), the people's titles; f and chair set by the caller. */
int minutes_form_load(struct minutes_form *fm, struct store *s,
    const struct config *c, const struct plan *p, char **err);
void minutes_form_free(struct minutes_form *fm);
/* Before the minutes' body: the header block, the type and subject, the
 * time, place and attendance, chair and secretary. */
void minutes_form_head(struct doc *d, const struct minutes_form *fm);
/* After it: the end time and the signatures. */
void minutes_form_foot(struct doc *d, const struct minutes_form *fm);

struct fact;

struct sources {
	struct task *t;
	size_t nt;
	struct change *h;
	size_t nh;
	struct net_change *net;
	size_t nnet;
	struct tick *k;
	size_t nk;
	struct fact *f;
	struct scoreview sv;	/* the three numbers, what proves each
				 * criterion */
	const struct crit_facts *cf;
	size_t ncf;
};

/* The minutes in text, markdown or html, through doc.h. */
void minutes_write_doc(struct doc *d, const struct model *m,
    const struct sources *x);
/* The minutes as a spreadsheet: section, role, task, detail. */
void minutes_write_csv(struct doc *d, const struct model *m);

#endif
