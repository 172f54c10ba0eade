/* SPDX-License-Identifier: ISC */
/* instruction.h: which criteria an instruction of the letter's body
 * names by its own words (issue 20).  The province's criteria are known
 * by a few distinctive phrases ("đối thoại", "sáng kiến", "thanh toán
 * trực tuyến"…); an instruction names a criterion when it holds one of
 * the phrases and the criterion's title holds its counterpart, so the
 * codes are never assumed, only the meanings.  Pure text work. */
#ifndef PARBOARD_INSTRUCTION_H
#define PARBOARD_INSTRUCTION_H

#include <stdbool.h>
#include <stddef.h>

/* Folded text (text_fold) with the usual abbreviations spelt out:
 * "cchc" → "cai cach hanh chinh", "tthc" → "thu tuc hanh chinh",
 * "dvctt" → "dich vu cong truc tuyen".  Malloc'd. */
char *instruction_fold(const char *s);
/* The same on text already folded. */
char *instruction_expand(const char *folded);

/* The titles (instruction_fold'ed, titles[0..n)) the instruction
 * names, as indexes into order[0..max), in the order of the phrases;
 * returns how many. */
size_t instruction_links(const char *text, const char *const *titles,
    size_t n, size_t *order, size_t max);
/* The same on an instruction already instruction_fold'ed. */
size_t instruction_links_folded(const char *f, const char *const *titles,
    size_t n, size_t *order, size_t max);

#endif
