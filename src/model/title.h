/* SPDX-License-Identifier: ISC */
/* title.h: the commune and the period an appraisal's title names. */
#ifndef PARBOARD_TITLE_H
#define PARBOARD_TITLE_H

/* "…CCHC XÃ HIỀN THÀNH 6 THÁNG ĐẦU NĂM 2023…" → "6 tháng đầu năm 2023";
 * also "Cả năm 2023", "Quý III năm 2023", "Năm 2024".  NULL when the
 * title names no period.  Malloc'd. */
char *title_period(const char *title);

/* The same title → "Xã Hiền Thành" ("xã", "phường" or "thị trấn" and its
 * name, in title case).  NULL when the title names none.  Malloc'd. */
char *title_commune(const char *title);

/* Sentence case: s in lower case but its first letter ("ỦY BAN NHÂN
 * DÂN" → "Ủy ban nhân dân").  Malloc'd. */
char *title_sentence(const char *s);

/* Title case: every word's first letter upper ("vĩnh linh" → "Vĩnh
 * Linh").  Malloc'd. */
char *title_case(const char *s);

/* Lower case of s.  Malloc'd. */
char *title_lower(const char *s);

/* Upper case of s.  Malloc'd. */
char *title_upper(const char *s);

#endif
