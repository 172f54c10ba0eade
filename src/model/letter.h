/* SPDX-License-Identifier: ISC */
/* letter.h: the details of the letter (công văn) an appendix comes with,
 * read by the words of Decree 30/2020's layout: "Số:", "V/v" or "Về
 * việc", "ngày … tháng … năm …", "Kính gửi:", "Căn cứ", "Nơi nhận:",
 * "TM."/"KT."/"Q." and the signer's title.  Pure text work. */
#ifndef PARBOARD_LETTER_H
#define PARBOARD_LETTER_H

#include <stdbool.h>
#include <stddef.h>

#include "text.h"

/* One line of "Nơi nhận:"; report: marked "(BC)", "(b/c)" or "(để báo
 * cáo)", the bodies the plan reports back to (the mark not in name). */
struct letter_recipient {
	char *name;
	bool report;
};

/* Every field NULL (has_result false, lists empty) when the letter does
 * not say it; nothing is invented. */
struct letter {
	char *number;		/* "103/UBND" */
	char *day;		/* "2023-09-06" */
	char *place;		/* "Hiền Thành" */
	char *parent;		/* the body above the issuer, when two */
	char *issuer;		/* "Ủy ban nhân dân xã Hiền Thành" */
	char *subject;		/* "Về việc khắc phục …" */
	char *authority;	/* "TM. Ủy ban nhân dân", "KT. Chủ tịch" */
	char *title;		/* "Chủ tịch", "Phó Chủ tịch" */
	char *signer;		/* "Lê Đức Kiên" */
	char *grounds;		/* "Thông báo số 285/TB-HĐTĐ …" ("; " between
				 * two) */
	char *period;		/* "6 tháng đầu năm 2023" */
	char *rank;		/* "4/18" */
	score result;		/* 69,82 */
	bool has_result;
	char *deadline;		/* "2023-10-31": when the letter wants the
				 * appendix's deductions fixed ("…hoàn thành
				 * trước ngày 31/10/2023") */
	char *until;		/* "2023-12-31": the end of the time the
				 * letter speaks of ("những tháng cuối năm
				 * 2023") */
	char **to;		/* Kính gửi */
	size_t nto;
	struct letter_recipient *cc;	/* Nơi nhận */
	size_t ncc;
};

/* The letter at the head of data[0..len) (the lines before the first
 * holding a tab, where the appendix's table starts, at most 2000),
 * tolerant of markdown and HTML markup.  NULL when it holds no
 * number, subject nor addressee: a bare table is no letter. */
struct letter *letter_from_text(const char *data, size_t len);

/* The lines letter_from_text reads (the head and body before the
 * table, at most max), stripped of markup, NFC, trimmed, "" for a blank
 * line; the first is line 1 of data; *folded gets each one folded
 * (text_fold).  Two NULL-terminated arrays of *n, each string and array
 * malloc'd. */
char **letter_lines(const char *data, size_t len, size_t max, size_t *n,
    char ***folded);

struct letter *letter_new(void);
void letter_free(struct letter *l);

/* Append an addressee or a recipient (copied). */
void letter_add_to(struct letter *l, const char *name);
void letter_add_cc(struct letter *l, const char *name, bool report);

/* The issuer, short: "Ủy ban nhân dân xã Hiền Thành" → "UBND xã Hiền
 * Thành".  Malloc'd; NULL without an issuer. */
char *letter_issuer_short(const struct letter *l);

#endif
