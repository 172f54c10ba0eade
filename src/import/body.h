/* SPDX-License-Identifier: ISC */
/* body.h: the instructions of the letter's body as directive rows
 * (issue 20, point 1).
 *
 * Under each heading that names addressees ("1. Đối với cán bộ, công
 * chức", "3.1 Công chức Văn phòng - Thống kê:", "4. Công an xã"), every
 * paragraph is an instruction of the role(s) the heading names, up to
 * the closing paragraph (the one that mentions the appendix, "Trên đây
 * …", "Nơi nhận:").  A quoted council comment (“…”) links the instruction
 * after it to the criterion whose comment it quotes; an instruction's
 * own words link it to the criteria they name (instruction.h).  A
 * sentence with a deadline of its own in a longer paragraph is an
 * instruction of its own.  When each is due comes from its words
 * (schedule.h): a deadline phrase, a counted target, continuing work;
 * a one-off without a phrase runs to the end the letter names (its
 * subject's "những tháng cuối năm 2023"). */
#ifndef PARBOARD_BODY_H
#define PARBOARD_BODY_H

#include <stddef.h>

#include "appraisal.h"
#include "config.h"
#include "letter.h"

/* The instructions of data[0..len) (the text before the appendix's
 * table, at most its first max lines; or a Word file's paragraphs) into
 * *out (n rows, appended to nothing: *out is malloc'd); a's criteria are
 * those the quotes and the words may link.  l (may be NULL) gets its
 * deadline and until. */
void body_read(const struct config *c, const char *data, size_t len,
    size_t max, const struct appendix *a, struct letter *l,
    struct directive **out, size_t *n);

/* Directive rows, a body's or a table's, and their array. */
void body_free(struct directive *d, size_t n);

#endif
