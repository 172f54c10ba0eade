/* SPDX-License-Identifier: ISC */
/* schedule.h: what an instruction's own words say about when it is due
 * (issue 20): a deadline phrase ("trước ngày 31/10/2023", "đến cuối
 * năm", "trong 4 tháng cuối năm 2023", "trong quý IV"), a counted target
 * ("ít nhất 01 cuộc", "mỗi tháng 3 bài") and whether it is continuing
 * work ("thường xuyên", "Không để phát sinh…", "Tích cực…").  Pure text
 * work on folded words (text_fold). */
#ifndef PARBOARD_SCHEDULE_H
#define PARBOARD_SCHEDULE_H

#include <stdbool.h>

enum sched_kind {
	SCHED_ONCE,		/* one-off: due is the date named, or "" */
	SCHED_ONGOING,		/* thường xuyên: no due date */
	SCHED_RECURRING,	/* a count every period (target, every) */
};

struct schedule {
	enum sched_kind kind;
	char due[11];		/* YYYY-MM-DD the words name, or "" */
	char target[32];	/* "3 bài", "1 cuộc"; "" when none */
	char every[16];		/* "tháng", "quý", "năm"; "" when once */
};

/* The first deadline phrase of text, in year when it names none (the
 * letter's year): true and due set, else false. */
bool schedule_due_phrase(const char *text, int year, char due[11]);

/* Everything the words say (see above); a text that says nothing is a
 * one-off without a date. */
void schedule_from_text(const char *text, int year, struct schedule *out);

/* The same on text already folded (text_fold): a caller that reads
 * much text folds it once. */
bool schedule_due_folded(const char *folded, int year, char due[11]);
void schedule_from_folded(const char *folded, int year,
    struct schedule *out);

/* "thường xuyên", "thuong xuyen", "ongoing" (any case): a continuing
 * task's due column. */
bool schedule_is_ongoing_word(const char *s);

#endif
