/* SPDX-License-Identifier: ISC */
/* test_date.c: unit tests for src/base/date.c — the calendar, the date forms,
 * the local day of a stored time and today()'s pin. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Before cmocka.h, whose fail() macro would hide util.h's fail(). */
#include "date.h"
#include "util.h"

#include <cmocka.h>

/* ---- the calendar ---------------------------------------------------- */

/* Every day from 1900-01-01 to 2100-12-31, walked one by one with the
 * month lengths, goes to its day number and back, and the number grows by
 * one a day; the weekday turns by one a day. */
static void
test_round_trip(void **state)
{
	long z = date_days_from_civil(1900, 1, 1), days = 0;
	int y, m, d, yy, mm, dd, wd = date_weekday(1900, 1, 1);
	char iso[11], back[11];

	(void)state;
	assert_int_equal(z, -25567);
	assert_int_equal(wd, 1);		/* 1900-01-01: a Monday */
	for (y = 1900; y <= 2100; y++)
		for (m = 1; m <= 12; m++)
			for (d = 1; d <= date_month_days(y, m); d++) {
				assert_int_equal(date_days_from_civil(y, m, d),
				    z + days);
				date_civil_from_days(z + days, &yy, &mm, &dd);
				if (yy != y || mm != m || dd != d)
					fail_msg("%d-%d-%d came back as "
					    "%d-%d-%d", y, m, d, yy, mm, dd);
				assert_int_equal(date_weekday(y, m, d),
				    (wd + days) % 7);
				date_iso(iso, y, m, d);
				date_add("1900-01-01", days, back);
				assert_string_equal(back, iso);
				assert_int_equal(date_days_between("1900-01-01",
				    iso), days);
				days++;
			}
	assert_int_equal(days, 73414);	/* 201 years, 49 of them leap */
	assert_int_equal(date_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(date_days_from_civil(2000, 1, 1), 10957);
	assert_int_equal(date_weekday(2023, 9, 6), 3);	/* a Wednesday */
	assert_int_equal(date_weekday(1970, 1, 1), 4);
	assert_int_equal(date_weekday(1969, 12, 28), 0);
}

static void
test_leap(void **state)
{
	(void)state;
	assert_true(date_leap(2000));
	assert_true(date_leap(2024));
	assert_true(date_leap(2096));
	assert_false(date_leap(1900));
	assert_false(date_leap(2100));
	assert_false(date_leap(2023));
	assert_int_equal(date_month_days(2024, 2), 29);
	assert_int_equal(date_month_days(2023, 2), 28);
	assert_int_equal(date_month_days(1900, 2), 28);
	assert_int_equal(date_month_days(2000, 2), 29);
	assert_int_equal(date_month_days(2023, 4), 30);
	assert_int_equal(date_month_days(2023, 12), 31);
	assert_int_equal(date_month_days(2023, 13), 0);
	assert_int_equal(date_month_days(2023, 0), 0);
	assert_true(date_exists(2024, 2, 29));
	assert_false(date_exists(2100, 2, 29));
	assert_false(date_exists(0, 1, 1));
}


static void
check_date(const char *s, const char *want)
{
	char iso[11] = "unchanged";

	if (!date_parse(s, iso))
		fail_msg("date_parse(\"%s\") failed", s);
	assert_string_equal(iso, want);
}

static void
test_parse_date(void **state)
{
	const char *bad[] = {
		"", "abc", "31/02/2023", "2023-13-01", "2023-02-29",
		"29/02/1900", "00/10/2023", "31/00/2023", "32/01/2023",
		"31/10/23", "31/10-2023", "2023/10/31", "2023-10-31x",
		"123/10/2023", "31/10/20234", "2023-100-01", "-1/10/2023",
		"31 10 2023", "2023-10", NULL
	};
	char iso[11] = "unchanged";
	size_t i;

	(void)state;
	check_date("2023-10-31", "2023-10-31");
	check_date("31/10/2023", "2023-10-31");
	check_date("1/9/2023", "2023-09-01");
	check_date("31.10.2023", "2023-10-31");
	check_date("31-10-2023", "2023-10-31");
	check_date(" 13/09/2023 ", "2023-09-13");
	check_date("29/02/2024", "2024-02-29");
	check_date("29/02/2000", "2000-02-29");
	check_date("2023-1-5", "2023-01-05");
	for (i = 0; bad[i] != NULL; i++) {
		if (date_parse(bad[i], iso))
			fail_msg("date_parse(\"%s\") accepted", bad[i]);
	}
	assert_string_equal(iso, "unchanged");
}

static void
test_format_date(void **state)
{
	char out[11];

	(void)state;
	date_format_dmy("2023-10-31", out);
	assert_string_equal(out, "31/10/2023");
	date_format_dmy("2024-02-01", out);
	assert_string_equal(out, "01/02/2024");
	date_format_dmy("junk", out);
	assert_string_equal(out, "junk");
}

static void
test_days_between(void **state)
{
	(void)state;
	assert_int_equal(date_days_between("2023-09-13", "2023-10-31"), 48);
	assert_int_equal(date_days_between("2023-10-31", "2023-09-13"), -48);
	assert_int_equal(date_days_between("2023-10-31", "2023-10-31"), 0);
	assert_int_equal(date_days_between("2023-12-31", "2024-01-01"), 1);
	assert_int_equal(date_days_between("2024-02-28", "2024-03-01"), 2);
	assert_int_equal(date_days_between("2023-02-28", "2023-03-01"), 1);
	assert_int_equal(date_days_between("2023-01-01", "2024-01-01"), 365);
	assert_int_equal(date_days_between("2024-01-01", "2025-01-01"), 366);
	assert_int_equal(date_days_between("1970-01-01", "2000-01-01"), 10957);
	/* Across the March DST change of zones that have one. */
	assert_int_equal(date_days_between("2023-03-25", "2023-03-27"), 2);
}

static void
test_date_add(void **state)
{
	char out[11];

	(void)state;
	date_add("2023-09-13", -7, out);
	assert_string_equal(out, "2023-09-06");
	date_add("2023-02-28", 1, out);
	assert_string_equal(out, "2023-03-01");
	date_add("2024-02-28", 1, out);
	assert_string_equal(out, "2024-02-29");
	date_add("2023-12-31", 1, out);
	assert_string_equal(out, "2024-01-01");
	date_add("2023-03-01", -1, out);
	assert_string_equal(out, "2023-02-28");
}

/* ---- the written form of documents ------------------------------------ */

static void
check_written(const char *iso, const char *want)
{
	char buf[64] = "unchanged";

	if (!date_written(iso, buf, sizeof buf))
		fail_msg("date_written(\"%s\") failed", iso);
	assert_string_equal(buf, want);
}

/* Decree 30/2020/NĐ-CP: a 0 before days under 10 and months 1 and 2. */
static void
test_written(void **state)
{
	const char *bad[] = {
		"", "junk", "2023-02-29", "06/09/2023", "2023-9-6",
		"2023-09-06 10:00:00", NULL
	};
	char buf[64], small[20];
	size_t i;

	(void)state;
	check_written("2023-09-06", "ngày 06 tháng 9 năm 2023");
	check_written("2024-01-05", "ngày 05 tháng 01 năm 2024");
	check_written("2024-02-15", "ngày 15 tháng 02 năm 2024");
	check_written("2024-12-20", "ngày 20 tháng 12 năm 2024");
	check_written("2024-03-01", "ngày 01 tháng 3 năm 2024");
	check_written("2024-10-31", "ngày 31 tháng 10 năm 2024");
	check_written("2024-11-10", "ngày 10 tháng 11 năm 2024");
	check_written("2024-02-29", "ngày 29 tháng 02 năm 2024");
	for (i = 0; bad[i] != NULL; i++) {
		strcpy(buf, "unchanged");
		if (date_written(bad[i], buf, sizeof buf))
			fail_msg("date_written(\"%s\") accepted", bad[i]);
		assert_string_equal(buf, "");
	}
	/* Too small a buffer: nothing cut in the middle of a word. */
	assert_false(date_written("2023-09-06", small, sizeof small));
	assert_string_equal(small, "");
}

/* ---- the clock ------------------------------------------------------- */

/* A stored UTC time on its local day: just after local midnight in Hà
 * Nội (UTC+7) is the day before in UTC. */
static void
test_local_day(void **state)
{
	char day[11];

	(void)state;
	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	assert_true(date_local_day("2023-09-19 17:30:00", day));
	assert_string_equal(day, "2023-09-20");
	assert_true(date_local_day("2023-09-19 16:59:59", day));
	assert_string_equal(day, "2023-09-19");
	assert_true(date_local_day("2023-12-31T17:00:00", day));
	assert_string_equal(day, "2024-01-01");
	assert_false(date_local_day("2023-09-19", day));
	assert_string_equal(day, "2023-09-19");
	assert_false(date_local_day("2023-02-30 10:00:00", day));
	assert_false(date_local_day("2023-09-19 1:00:00", day));
	assert_false(date_local_day(NULL, day));
	assert_string_equal(day, "");
	setenv("TZ", "UTC", 1);
	tzset();
	assert_true(date_local_day("2023-09-19 17:30:00", day));
	assert_string_equal(day, "2023-09-19");
}

/* The next local midnight: 00:00:00 local, a day or less ahead. */
static void
test_next_midnight(void **state)
{
	time_t now = 1695139200;	/* 2023-09-19 16:00:00 UTC */
	time_t t;
	struct tm tm;

	(void)state;
	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	t = date_next_midnight(now);
	assert_int_equal((long long)t, 1695139200LL + 3600);
	localtime_r(&t, &tm);
	assert_int_equal(tm.tm_hour, 0);
	assert_int_equal(tm.tm_mday, 20);
	/* At midnight itself, the next one. */
	assert_int_equal((long long)date_next_midnight(t), (long long)t +
	    86400);
	/* A day with a DST change: 2023-03-26 in Europe/Berlin has 23 h. */
	setenv("TZ", "Europe/Berlin", 1);
	tzset();
	now = 1679785200;		/* 2023-03-26 00:00:00 local (CET) */
	t = date_next_midnight(now);
	assert_int_equal((long long)(t - now), 23 * 3600);
	setenv("TZ", "UTC", 1);
	tzset();
}

/* today() follows the clock unless pinned; now_utc() stamps writes with
 * the pinned day at the clock's time of day. */
static void
test_today_pin(void **state)
{
	char buf[32], want[11], got[11];
	struct tm tm;
	time_t now = time(NULL), t;

	today_set(NULL);
	assert_false(today_pinned());
	localtime_r(&now, &tm);
	strftime(want, sizeof want, "%Y-%m-%d", &tm);
	assert_string_equal(today(), want);
	now_utc(buf, sizeof buf);
	memset(&tm, 0, sizeof tm);
	assert_non_null(strptime(buf, "%Y-%m-%d %H:%M:%S", &tm));
	t = timegm(&tm);
	assert_true(t >= now - 2 && t <= now + 2);

	today_set("2023-09-20");
	assert_true(today_pinned());
	assert_string_equal(today(), "2023-09-20");
	now_utc(buf, sizeof buf);
	memset(&tm, 0, sizeof tm);
	assert_non_null(strptime(buf, "%Y-%m-%d %H:%M:%S", &tm));
	t = timegm(&tm);
	localtime_r(&t, &tm);
	strftime(got, sizeof got, "%Y-%m-%d", &tm);
	assert_string_equal(got, "2023-09-20");
	today_set(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_leap),
		cmocka_unit_test(test_parse_date),
		cmocka_unit_test(test_format_date),
		cmocka_unit_test(test_days_between),
		cmocka_unit_test(test_date_add),
		cmocka_unit_test(test_written),
		cmocka_unit_test(test_local_day),
		cmocka_unit_test(test_next_midnight),
		cmocka_unit_test(test_today_pin),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
