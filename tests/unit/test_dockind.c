/* SPDX-License-Identifier: ISC */
/* test_dockind.c: document kinds from head words and numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Project headers before cmocka.h (its fail() macro). */
#include "dockind.h"

#include <cmocka.h>

/* The seed's requirements begin with the kind's name, in any case; the
 * head word as it stands in the text. */
static const struct {
	const char *text;
	enum doc_kind want;
	const char *head;
} heads[] = {
	{ "Kế hoạch tổ chức diễn đàn", DOC_KH, "Kế hoạch" },
	{ "Giấy mời/thông báo", DOC_GM, "Giấy mời" },
	{ "thông báo", DOC_TB, "thông báo" },
	{ "  Biên bản họp", DOC_BB, "  Biên bản" },
	{ "Báo cáo kết quả xử lý các kiến nghị", DOC_BC, "Báo cáo" },
	{ "Quyết định công nhận sáng kiến", DOC_QD, "Quyết định" },
	{ "QUY ĐỊNH công khai xin lỗi", DOC_QYD, "QUY ĐỊNH" },
	{ "Quy chế làm việc", DOC_QC, "Quy chế" },
	{ "Biên bản", DOC_BB, "Biên bản" },
	/* No kind: "kết quả khắc phục", or a name inside a longer word. */
	{ "kết quả khắc phục cụ thể", DOC_NONE, "" },
	{ "Kế hoạchx", DOC_NONE, "" },
	{ "", DOC_NONE, "" },
};

static void
test_text(void **state)
{
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		n = 99;
		assert_int_equal(dockind_of_text(heads[i].text, &n),
		    heads[i].want);
		assert_int_equal(n, strlen(heads[i].head));
		assert_memory_equal(heads[i].text, heads[i].head, n);
	}
}

/* What a number or a --kind word gives. */
struct given {
	const char *s;
	enum doc_kind want;
};

static const struct given numbers[] = {
	{ "05/KH-UBND", DOC_KH }, { "12/BB-UBND", DOC_BB },
	{ "52/BC-VP", DOC_BC }, { "30/2020/QĐ-UBND", DOC_QD },
	{ "30/2020/QD-UBND", DOC_QD }, { "285/TB-HĐTĐ", DOC_TB },
	{ "7/TTr-UBND", DOC_TTR }, { "3/ĐA-UBND", DOC_DA },
	{ "3/DA-UBND", DOC_DAN }, { "4/gm-ubnd", DOC_GM },
	/* A công văn has the issuer where the abbreviation would be. */
	{ "103/UBND", DOC_CV }, { "158/UBND-VP", DOC_CV },
	{ "12", DOC_NONE }, { "12/", DOC_NONE }, { NULL, DOC_NONE },
};

static const struct given words[] = {
	{ "KH", DOC_KH }, { "kh", DOC_KH }, { "QĐ", DOC_QD }, { "qd", DOC_QD },
	{ "HĐ", DOC_HDO }, { "HD", DOC_HD }, { "Kế hoạch", DOC_KH },
	{ "ke hoach", DOC_KH }, { "công văn", DOC_CV }, { "kế", DOC_NONE },
	{ "UBND", DOC_NONE },
};

static void
check_table(const struct given *t, size_t n, enum doc_kind (*f)(const char *))
{
	size_t i;

	for (i = 0; i < n; i++)
		if (f(t[i].s) != t[i].want)
			fail_msg("%s: kind %d, not %d", t[i].s ? t[i].s : "NULL",
			    f(t[i].s), t[i].want);
}

static void
test_number_word(void **state)
{
	(void)state;
	check_table(numbers, sizeof numbers / sizeof numbers[0],
	    dockind_of_number);
	check_table(words, sizeof words / sizeof words[0], dockind_parse);
	assert_string_equal(dockind_abbr(DOC_QD), "QĐ");
	assert_string_equal(dockind_name(DOC_GM), "Giấy mời");
	assert_string_equal(dockind_abbr(DOC_CV), "");
	assert_string_equal(dockind_name(DOC_NONE), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_number_word),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
