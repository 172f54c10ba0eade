/* SPDX-License-Identifier: ISC */
/* date.c: the calendar, the date forms, the local day and today() (see
 * date.h). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "text.h"

/* --- the calendar --------------------------------------------------------- */

bool
date_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_month_days(int y, int m)
{
	static const int mdays[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12)
		return 0;
	return mdays[m - 1] + (m == 2 && date_leap(y));
}

bool
date_exists(int y, int m, int d)
{
	return y >= 1 && d >= 1 && d <= date_month_days(y, m);
}

long
date_days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_civil_from_days(long days, int *y, int *m, int *d)
{
	long z = days + 719468, era, doe, yoe, doy, mp;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
date_weekday(int y, int m, int d)
{
	long z = date_days_from_civil(y, m, d);

	/* 1970-01-01 was a Thursday. */
	return (int)(z >= -4 ? (z + 4) % 7 : (z + 5) % 7 + 6);
}

/* --- ISO and dd/mm/yyyy --------------------------------------------------- */

void
date_iso(char out[11], int y, int m, int d)
{
	/* The modulos only tell the compiler the fields' widths. */
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
	    (unsigned)m % 100u, (unsigned)d % 100u);
}

/* Read 1..max digits; returns the count read, or 0. */
static int
read_num(const char **pp, int max, int *v)
{
	const char *p = *pp;
	int n = 0;

	*v = 0;
	while (n < max && *p >= '0' && *p <= '9') {
		*v = *v * 10 + (*p++ - '0');
		n++;
	}
	if (*p >= '0' && *p <= '9')
		return 0;
	*pp = p;
	return n;
}

bool
date_clock_parse(const char *s, char hm[6])
{
	const char *p = text_skip_space(s);
	int h, m;

	if (read_num(&p, 2, &h) == 0 || *p++ != ':' ||
	    read_num(&p, 2, &m) != 2 || *text_skip_space(p) != '\0' ||
	    h > 23 || m > 59)
		return false;
	/* Unsigned and below 100 for the compiler, which cannot see that
	 * read_num gives 0 to 99. */
	snprintf(hm, 6, "%02u:%02u", (unsigned)h % 100u, (unsigned)m % 100u);
	return true;
}

bool
date_split(const char *iso, int *y, int *m, int *d)
{
	const char *p = iso;

	if (read_num(&p, 4, y) != 4 || *p++ != '-' ||
	    read_num(&p, 2, m) != 2 || *p++ != '-' ||
	    read_num(&p, 2, d) != 2 || *p != '\0')
		return false;
	return date_exists(*y, *m, *d);
}

bool
date_parse(const char *s, char iso[11])
{
	const char *p = text_skip_space(s);
	int a, b, c, na, nb, nc, y, m, d;
	char sep;

	if ((na = read_num(&p, 4, &a)) == 0)
		return false;
	sep = *p;
	if (sep != '-' && sep != '/' && sep != '.')
		return false;
	p++;
	if ((nb = read_num(&p, 2, &b)) == 0 || *p != sep)
		return false;
	p++;
	if ((nc = read_num(&p, 4, &c)) == 0 || *text_skip_space(p) != '\0')
		return false;
	if (na == 4 && sep == '-' && nc <= 2) {
		y = a, m = b, d = c;	/* YYYY-MM-DD */
	} else if (na <= 2 && nc == 4) {
		d = a, m = b, y = c;	/* dd/mm/yyyy */
	} else
		return false;
	if (!date_exists(y, m, d))
		return false;
	date_iso(iso, y, m, d);
	return true;
}

void
date_format_dmy(const char *iso, char out[11])
{
	int y, m, d;

	if (date_split(iso, &y, &m, &d))
		snprintf(out, 11, "%02u/%02u/%04u", (unsigned)d % 100u,
		    (unsigned)m % 100u, (unsigned)y % 10000u);
	else
		text_printable(out, 11, iso);
}

bool
date_written(const char *iso, char *buf, size_t n)
{
	int y, m, d, w;

	if (n > 0)
		buf[0] = '\0';
	if (!date_split(iso, &y, &m, &d))
		return false;
	w = snprintf(buf, n, "ngày %02u tháng %0*u năm %04u",
	    (unsigned)d % 100u, m <= 2 ? 2 : 1, (unsigned)m % 100u,
	    (unsigned)y % 10000u);
	if (w < 0 || (size_t)w >= n) {
		if (n > 0)
			buf[0] = '\0';
		return false;
	}
	return true;
}

long
date_days_between(const char *iso_a, const char *iso_b)
{
	int ya, ma, da, yb, mb, db;

	if (!date_split(iso_a, &ya, &ma, &da) ||
	    !date_split(iso_b, &yb, &mb, &db))
		return 0;
	return date_days_from_civil(yb, mb, db) -
	    date_days_from_civil(ya, ma, da);
}

void
date_add(const char *iso, long days, char out[11])
{
	int y = 1970, m = 1, d = 1;

	sscanf(iso, "%4d-%2d-%2d", &y, &m, &d);
	date_civil_from_days(date_days_from_civil(y, m, d) + days, &y, &m,
	    &d);
	date_iso(out, y, m, d);
}

/* --- the clock: local days ------------------------------------------------ */

/* The local day of t as YYYY-MM-DD. */
static void
local_iso(time_t t, char out[11])
{
	struct tm loc;

	localtime_r(&t, &loc);
	strftime(out, 11, "%Y-%m-%d", &loc);
}

time_t
date_next_midnight(time_t now)
{
	struct tm tm;

	localtime_r(&now, &tm);
	tm.tm_mday++;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

bool
date_local_day(const char *utc, char out[11])
{
	char day[11];
	int y, m, d, hh, mm, ss, len = 0;
	time_t t;

	if (utc == NULL || strlen(utc) < 19 || (utc[10] != ' ' &&
	    utc[10] != 'T') || sscanf(utc + 11, "%2d:%2d:%2d%n", &hh, &mm,
	    &ss, &len) != 3 || len != 8)
		goto bad;
	memcpy(day, utc, 10);
	day[10] = '\0';
	if (!date_split(day, &y, &m, &d))
		goto bad;
	t = (time_t)date_days_from_civil(y, m, d) * 86400 + hh * 3600 +
	    mm * 60 + ss;
	local_iso(t, out);
	return true;
bad:
	text_printable(out, 11, utc != NULL ? utc : "");
	return false;
}

static char today_buf[11];
static bool today_pin;		/* set by today_set (--today) */
static bool today_sample;	/* the pin is the demo's day */
static time_t today_until;	/* unpinned: today_buf holds until then */

void
today_set(const char *iso)
{
	snprintf(today_buf, sizeof today_buf, "%s", iso ? iso : "");
	today_pin = today_buf[0] != '\0';
	today_sample = false;
	today_until = 0;
}

void
today_set_sample(const char *iso)
{
	today_set(iso);
	today_sample = true;
}

bool
now_clock_utc(char *buf, size_t size)
{
	time_t now = time(NULL);
	struct tm utc;

	if (!today_pin || today_sample)
		return false;
	gmtime_r(&now, &utc);
	strftime(buf, size, "%Y-%m-%d %H:%M:%S", &utc);
	return true;
}

void
today_real(char buf[11])
{
	local_iso(time(NULL), buf);
}

bool
today_pinned(void)
{
	return today_pin;
}

/* Unpinned, the date is the clock's and moves at local midnight: a board
 * left open overnight shows the new day.  Worked out once a day, not on
 * every call (the board asks for each card). */
const char *
today(void)
{
	time_t now;

	if (today_pin)
		return today_buf;
	now = time(NULL);
	if (today_buf[0] == '\0' || now >= today_until || now < today_until -
	    2 * 86400) {
		local_iso(now, today_buf);
		today_until = date_next_midnight(now);
	}
	return today_buf;
}

void
now_utc(char *buf, size_t size)
{
	time_t now = time(NULL), t;
	struct tm loc, day, utc;

	t = now;
	localtime_r(&now, &loc);
	memset(&day, 0, sizeof day);
	if (today_pin && sscanf(today_buf, "%d-%d-%d", &day.tm_year,
	    &day.tm_mon, &day.tm_mday) == 3) {
		day.tm_year -= 1900;
		day.tm_mon -= 1;
		day.tm_hour = loc.tm_hour;
		day.tm_min = loc.tm_min;
		day.tm_sec = loc.tm_sec;
		day.tm_isdst = -1;
		if ((t = mktime(&day)) == (time_t)-1)
			t = now;
	}
	gmtime_r(&t, &utc);
	strftime(buf, size, "%Y-%m-%d %H:%M:%S", &utc);
}
