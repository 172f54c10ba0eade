/* SPDX-License-Identifier: ISC */
/* date.h: the one home of dates — the proleptic Gregorian calendar by
 * arithmetic (no time zone, no DST), the forms parboard reads and writes
 * (ISO YYYY-MM-DD, dd/mm/yyyy, the written form of administrative
 * documents), the local day and midnight, and today() with its --today
 * pin. */
#ifndef PARBOARD_DATE_H
#define PARBOARD_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* --- the calendar --------------------------------------------------------- */

bool date_leap(int y);
/* Days in month m (1..12) of year y. */
int date_month_days(int y, int m);
/* Whether y-m-d is a day of the calendar (year 1 on). */
bool date_exists(int y, int m, int d);
/* Days since 1970-01-01 (negative before), and back (Howard Hinnant's
 * days_from_civil and civil_from_days). */
long date_days_from_civil(long y, long m, long d);
void date_civil_from_days(long days, int *y, int *m, int *d);
/* 0 Sunday … 6 Saturday. */
int date_weekday(int y, int m, int d);

/* --- ISO and dd/mm/yyyy --------------------------------------------------- */

/* y-m-d as "YYYY-MM-DD" in out[11]. */
void date_iso(char out[11], int y, int m, int d);
/* Split a "YYYY-MM-DD" string; false when it is not one or the day does
 * not exist. */
bool date_split(const char *iso, int *y, int *m, int *d);
/* Parse a date "YYYY-MM-DD", "dd/mm/yyyy" or "d/m/yyyy" (also with '.' or
 * '-' between day, month and year; surrounding white space allowed) into
 * iso[11] "YYYY-MM-DD"; checks that the day exists.  Returns false
 * otherwise, leaving iso alone. */
bool date_parse(const char *s, char iso[11]);
/* A time of day "14:00" or "9:05" (surrounding white space allowed)
 * into hm[6] "HH:MM"; false (hm alone) for anything else. */
bool date_clock_parse(const char *s, char hm[6]);
/* "2023-10-31" → "31/10/2023" in out[11]; anything that is not a valid
 * ISO date is copied through text_printable (cut to 10 bytes). */
void date_format_dmy(const char *iso, char out[11]);
/* The written form of Vietnamese administrative documents (Decree
 * 30/2020/NĐ-CP, appendix I): "ngày 06 tháng 9 năm 2023" — a 0 before
 * days 1 to 9 and months 1 and 2 only.  False and "" when iso is not a
 * valid ISO date or buf is too small. */
bool date_written(const char *iso, char *buf, size_t n);

/* Days from iso_a to iso_b (positive when b is later), by calendar
 * arithmetic.  0 if either is not a valid ISO date. */
long date_days_between(const char *iso_a, const char *iso_b);
/* iso (YYYY-MM-DD; what follows the day is ignored) plus days (negative:
 * before) into out. */
void date_add(const char *iso, long days, char out[11]);

/* --- the clock: local days ------------------------------------------------ */

/* The next local midnight after now (DST taken into account). */
time_t date_next_midnight(time_t now);
/* The local day (YYYY-MM-DD) of a stored UTC timestamp "YYYY-MM-DD
 * HH:MM:SS" into out; false (out: the first 10 bytes, printable) when it
 * is not one. */
bool date_local_day(const char *utc, char out[11]);

/* Today's date as YYYY-MM-DD: the --today pin when set, else local time. */
void today_set(const char *iso);
const char *today(void);
/* Whether --today pinned the date. */
bool today_pinned(void);
/* Now as "YYYY-MM-DD HH:MM:SS" in UTC, the form of every timestamp the
 * store writes: with --today, the pinned date at the clock's time of day
 * (local), so what is written is dated in the pinned day. */
void now_utc(char *buf, size_t size);
/* The demo's own day: pinned like --today, but its throw-away writes
 * need no real time beside them (now_clock_utc says false). */
void today_set_sample(const char *iso);
/* With --today (not the demo's day), the clock's own time in UTC, the
 * form of now_utc, into buf, and true: stored beside the pinned day so
 * that an auditor sees when a row was really written.  False (buf
 * untouched) when the date is the clock's. */
bool now_clock_utc(char *buf, size_t size);
/* The clock's own date (local, YYYY-MM-DD), whatever --today says. */
void today_real(char buf[11]);

#endif
