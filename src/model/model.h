/* SPDX-License-Identifier: ISC */
/* model.h: the things parboard keeps besides tasks (task.h) — plans,
 * history rows, changes, evidence documents, meetings and the
 * occurrences of counted targets — as plain values: the store reads and
 * writes them, the board and the reports read them.  Pure: no SQL, no
 * I/O (model.c). */
#ifndef PARBOARD_MODEL_H
#define PARBOARD_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "dockind.h"
#include "task.h"
#include "text.h"

/* Frees what one element of an array holds, not the element: elem a
 * struct history, change, evidence or tick for the clears below. */
typedef void model_clear_fn(void *elem);
/* The n elements of size bytes at v each cleared, then v freed: the loop
 * of every *_free of an array. */
void model_free_each(void *v, size_t n, size_t size, model_clear_fn *clear);

struct plan {
	long id;
	char *name;
	char *source;
	bool has_total;
	score total_standard, total_self, total_appraised, total_deduction;
	char *imported_at;
	char *since;		/* when its obligations start: its letter's
				 * date, else its (last) import's */
};
void plan_clear(struct plan *p);

/* What a history row records (its kind column). */
enum history_kind {
	HK_CREATED,		/* new = the origin */
	HK_STATUS,		/* old, new: status names */
	HK_DUE,			/* old, new: YYYY-MM-DD */
	HK_NOTE,		/* new: the note */
	HK_EVIDENCE,		/* new: a document added, old: one removed */
	HK_TITLE,		/* old, new: titles (a corrected directive) */
	HK_UNDO,		/* old: the value replaced, new: restored */
	HK_ROLE,		/* old, new: owner role ids */
	HK_MERGE,		/* old: the task folded into this one */
	HK_TICK,		/* an occurrence recorded or retracted */
	HK_CHECKLIST,		/* old, new: a criterion's checklist and
				 * target as set by hand, in one line
				 * (checklist_describe) */
	HK_RULE,		/* old, new: a criterion's scoring rule
				 * (crit_rule_describe) */
	HK_FIGURES,		/* new: figures recorded, old: the row
				 * they replace (figure_describe) */
	HK_PERSON,		/* old, new: who answers for the task
				 * within its role (NULL: nobody) */
	HK_COUNT
};
/* "status"; and back (false for a name the model does not know). */
const char *history_kind_name(enum history_kind k);
bool history_kind_parse(const char *name, enum history_kind *out);

struct history {
	long id;
	char *at;		/* "YYYY-MM-DD HH:MM:SS", local time (stored
				 * in UTC) */
	char *clock;		/* store_history only: when written with
				 * --today, the clock's own time (local,
				 * like at), else NULL */
	char *user;
	enum history_kind kind;
	char *old, *new;	/* may be NULL */
};
void history_clear(void *elem);
void history_free(struct history *h, size_t n);

/* A history row with the task it belongs to. */
struct change {
	struct history h;
	long task_id;
	char *code, *role, *title;
};
void change_clear(void *elem);
void changes_free(struct change *c, size_t n);

/* A document that proves tasks (tài liệu kiểm chứng): number and
 * symbol ("158/BC-UBND"), date, issuing body, summary (trích yếu),
 * digitally signed or not, a file path or link.  incomplete: kept from
 * the free-text evidence of schema 4 (only the summary).  Registered
 * once per plan and linked to one or more tasks: listed, it is one of
 * its links (task_id and the task's code, role, title). */
struct evidence {
	long id, task_id;
	char *number, *day, *issuer, *summary, *file;
	bool is_signed, incomplete;
	enum doc_kind kind;	/* from the number or --kind; DOC_NONE */
	long item;		/* the link's checklist item (--item), 0 */
	char *user, *at;
	char *code, *role, *title;	/* the task's, when listed */
};
void evidence_clear(void *elem);
void evidence_free(struct evidence *v, size_t n);

/* A weekly review meeting, recorded by `minutes --record`. */
/* What `minutes --record` keeps of a sitting beyond its time (issue
 * 21): the place, the secretary, who was present and absent (names
 * joined by ", "), its start and end ("14:00"), the record's number;
 * NULL when not given. */
enum meeting_field {
	MF_PLACE, MF_SECRETARY, MF_PRESENT, MF_ABSENT, MF_START, MF_END,
	MF_NUMBER, MF_COUNT
};
struct meeting {
	long id;
	char *at;		/* UTC "YYYY-MM-DD HH:MM:SS" */
	char *chair, *user;
	char *f[MF_COUNT];
};
void meeting_clear(struct meeting *m);

/* One occurrence of a counted target (a "tick"). */
struct tick {
	long id, task_id;
	char *day, *note, *user;
};
void tick_clear(void *elem);
void ticks_free(struct tick *v, size_t n);
/* The ticks of task id in k (sorted by task): how many, from *first. */
size_t ticks_of_task(const struct tick *k, size_t nk, long id,
    size_t *first);

#endif
