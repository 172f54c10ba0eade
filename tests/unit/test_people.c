/* SPDX-License-Identifier: ISC */
/* test_people.c: which of a role's people an assignment text names,
 * on the seed's own texts (1.1.3, 1.5.3, 3.5.2). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* Project headers before cmocka.h (its fail() macro). */
#include "people.h"

#include <cmocka.h>

static const char *const vptk[] = {
	"Công chức Văn phòng – Thống kê phụ trách CCHC",
	"Công chức Văn phòng – Thống kê phụ trách HĐND và UBND; Thi đua "
	"khen thưởng",
};
static const char *const vptk_words[] = {
	"Văn phòng – Thống kê", "văn phòng", "thống kê",
};

static int
named(const char *text)
{
	return people_named(text, vptk, 2, vptk_words, 3);
}

static void
test_seed(void **state)
{
	(void)state;
	/* 1.1.3 and 1.5.3 */
	assert_int_equal(named("- Giao CC Văn phòng – Thống kê phụ trách "
	    "CCHC khắc phục đánh giá 6 tháng cuối năm"), 0);
	assert_int_equal(named("Giao CC Văn phòng – Thống kê phụ trách "
	    "CCHC sẽ khắc phục vào 6 tháng cuối năm"), 0);
	/* 3.5.2 */
	assert_int_equal(named("- Giao cho công chức Văn phòng – Thống kê "
	    "phụ trách HĐND và UBND; Thi đua khen thưởng bổ sung sửa đổi "
	    "các quy chế."), 1);
	/* Either phrase alone, in capitals and without marks. */
	assert_int_equal(named("VĂN PHÒNG PHỤ TRÁCH THI DUA KHEN THUONG"), 1);
	assert_int_equal(named("phụ trách hđnd và ubnd"), 1);
}

static void
test_none(void **state)
{
	(void)state;
	/* The role alone says nobody. */
	assert_int_equal(named("Giao CC Văn phòng – Thống kê"), -1);
	/* Nor do the words all titles share, or a stray "và" or "thi". */
	assert_int_equal(named("công chức phụ trách"), -1);
	assert_int_equal(named("Văn phòng và thi hành án"), -1);
	/* Both named: ambiguous. */
	assert_int_equal(named("phụ trách CCHC và thi đua khen thưởng"), -1);
	/* A word inside another word is not the word. */
	assert_int_equal(named("CCHCX"), -1);
	assert_int_equal(people_named(NULL, vptk, 2, vptk_words, 3), -1);
	assert_int_equal(people_named("CCHC", vptk, 0, vptk_words, 3), -1);
}

static void
test_one_person(void **state)
{
	static const char *const one[] = { "Công chức Tư pháp – Hộ tịch" };
	static const char *const words[] = { "tư pháp", "hộ tịch" };
	static const char *const untitled[] = { NULL, "" };

	(void)state;
	/* A lone person is named by the words of their post beyond the
	 * role's. */
	assert_int_equal(people_named("Giao công chức Tư pháp – Hộ tịch",
	    one, 1, words, 2), 0);
	assert_int_equal(people_named("Giao Tư pháp – Hộ tịch", one, 1,
	    words, 2), -1);
	/* People without a post are never named. */
	assert_int_equal(people_named("Giao công chức", untitled, 2, words,
	    2), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed),
		cmocka_unit_test(test_none),
		cmocka_unit_test(test_one_person),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
