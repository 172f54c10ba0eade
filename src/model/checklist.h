/* SPDX-License-Identifier: ISC */
/* checklist.h: what a criterion needs to be proved — the documents its
 * council comment requires (tài liệu kiểm chứng), each satisfied by
 * documents of one or more kinds (dockind.h), and a counted target ("ít
 * nhất 02 diễn đàn") with the period it is counted in.  Pure: the
 * import reads it from the comment (checklist_from_comment), the store
 * keeps it, a person may set it by hand (parboard criterion).
 *
 * Reading a comment:
 *   "Tài liệu kiểm chứng: A, B; C" (or "TLKC:")  one item per piece, up
 *       to the sentence's end (a full stop) or the line's (the end of a
 *       paragraph or list item of the comment); a piece that does not begin
 *       with a document kind's head word continues the item before it
 *       ("Báo cáo kết quả xử lý các kiến nghị, đề xuất của người dân").
 *   "Bổ sung D", "chưa có D"  one item, D up to the next punctuation,
 *       only when D begins with a head word ("bổ sung kết quả khắc
 *       phục" names no document).
 *   "ít nhất NN U", "tối thiểu NN U", "từ NN U … trở lên"  the counted
 *       target NN; its unit U is the words after the number, at most
 *       four, up to punctuation or a word that starts a new phrase
 *       ("02 diễn đàn/đối thoại trực tiếp hoặc …" → "diễn đàn/đối
 *       thoại"); its period is the one its sentence names: "6 tháng cuối
 *       năm" the second half, "6 tháng đầu năm" the first, "trong năm",
 *       "cả năm" or "đến cuối năm" the whole year; the year is the one
 *       the sentence names ("năm 2023"), else the appraisal's; none when
 *       the sentence names no period.
 *   A comment that names no document gives one item, "tài liệu kiểm
 *   chứng", that any document fills.
 * An item's kinds are those of the head words of its parts split at '/'
 * ("Giấy mời/thông báo" is a giấy mời or a thông báo). */
#ifndef PARBOARD_CHECKLIST_H
#define PARBOARD_CHECKLIST_H

#include <stdbool.h>
#include <stddef.h>

#include "dockind.h"

/* An item's kinds: bit 1u << k for each enum doc_kind k that fills it;
 * CHECKLIST_ANY (no bit): any document. */
#define CHECKLIST_ANY 0u
#define CHECKLIST_KIND(k) (1u << (unsigned)(k))

/* The item of a comment that names no document. */
#define CHECKLIST_ANY_TEXT "tài liệu kiểm chứng"

struct checklist_item {
	char *text;		/* as the comment or the person wrote it */
	unsigned kinds;		/* CHECKLIST_KIND bits, or CHECKLIST_ANY */
};

struct checklist {
	struct checklist_item *items;	/* numbered from 1 in this order */
	size_t nitems;
	long count;		/* the counted target; 0: none */
	char *unit;		/* its unit ("diễn đàn/đối thoại"), or NULL */
	char from[11], to[11];	/* its period, YYYY-MM-DD; "" when none */
	bool items_by_hand;	/* set by a person: an import keeps them */
	bool target_by_hand;
};

/* The checklist comment requires (see above) into out (cleared first);
 * year: the appraisal's year, 0 when unknown. */
void checklist_from_comment(const char *comment, int year,
    struct checklist *out);

/* Whether c's items are the one item of a comment that names no
 * document (CHECKLIST_ANY_TEXT, any document): what no item means. */
bool checklist_is_any(const struct checklist *c);
/* The kinds of a requirement's text: the head words of its parts split
 * at '/'; CHECKLIST_ANY when none begins with one. */
unsigned checklist_kinds(const char *text);
/* Append an item of text (its kinds from its words). */
void checklist_add(struct checklist *c, const char *text);
/* Append the item of a comment that names no document
 * (CHECKLIST_ANY_TEXT, any document), without reading its words. */
void checklist_add_any(struct checklist *c);
/* The abbreviations of an item's kinds joined by sep, in the order its
 * text names them ("Giấy mời/thông báo" → "GM/TB"; a kind without an
 * abbreviation by its name, "Công văn"); "" for CHECKLIST_ANY.
 * Malloc'd. */
char *checklist_kinds_abbr(const struct checklist_item *it,
    const char *sep);
/* The checklist in one line, for the history: "A; B; C | 2 cuộc"
 * (without the target part when there is none).  Malloc'd. */
char *checklist_describe(const struct checklist *c);
/* The year a text names last ("6 tháng đầu năm 2023" → 2023), 0 when
 * none. */
int checklist_year_of(const char *text);

void checklist_clear(struct checklist *c);

#endif
