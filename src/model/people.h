/* SPDX-License-Identifier: ISC */
/* people.h: which of a role's people an assignment text names.  Two
 * officers of one role ("Công chức Văn phòng – Thống kê phụ trách CCHC",
 * "… phụ trách HĐND và UBND; Thi đua khen thưởng") are told apart by
 * the words of their titles that are neither the role's own words nor
 * shared by all of them: "CCHC", "HĐND và UBND", "Thi đua khen thưởng".
 * A text names a person when it holds one of those phrases whole. */
#ifndef PARBOARD_PEOPLE_H
#define PARBOARD_PEOPLE_H

#include <stddef.h>

/* The one of titles[0..n) (the posts of a role's people; NULL or ""
 * for a person without one) that text names, or -1 when it names none
 * or more than one.  role_words are the role's name and the texts that
 * match it ("Văn phòng – Thống kê", "văn phòng", "thống kê"): words
 * that name the role, not a person.  Case, marks and dashes aside, as
 * text_fold() sees them. */
int people_named(const char *text, const char *const *titles, size_t n,
    const char *const *role_words, size_t nwords);

#endif
