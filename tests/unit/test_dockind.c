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

static void
of_text(const char *text, enum doc_kind want, const char *head)
{
	size_t n = 99;

	assert_int_equal(dockind_of_text(text, &n), want);
	assert_int_equal(n, strlen(head));
	assert_memory_equal(text, head, n);
}

/* The seed's requirements begin with the kind's name, in any case. */
static void
test_text(void **state)
{
	(void)state;
	of_text("Kế hoạch tổ chức diễn đàn", DOC_KH, "Kế hoạch");
	of_text("Giấy mời/thông báo", DOC_GM, "Giấy mời");
	of_text("thông báo", DOC_TB, "thông báo");
	of_text("  Biên bản họp", DOC_BB, "  Biên bản");
	of_text("Báo cáo kết quả xử lý các kiến nghị", DOC_BC, "Báo cáo");
	of_text("Quyết định công nhận sáng kiến", DOC_QD, "Quyết định");
	of_text("QUY ĐỊNH công khai xin lỗi", DOC_QYD, "QUY ĐỊNH");
	of_text("Quy chế làm việc", DOC_QC, "Quy chế");
	of_text("Biên bản", DOC_BB, "Biên bản");
	/* No kind: "kết quả khắc phục", or a name inside a longer word. */
	of_text("kết quả khắc phục cụ thể", DOC_NONE, "");
	of_text("Kế hoạchx", DOC_NONE, "");
	of_text("", DOC_NONE, "");
}

static void
test_number(void **state)
{
	(void)state;
	assert_int_equal(dockind_of_number("05/KH-UBND"), DOC_KH);
	assert_int_equal(dockind_of_number("12/BB-UBND"), DOC_BB);
	assert_int_equal(dockind_of_number("52/BC-VP"), DOC_BC);
	assert_int_equal(dockind_of_number("30/2020/QĐ-UBND"), DOC_QD);
	assert_int_equal(dockind_of_number("30/2020/QD-UBND"), DOC_QD);
	assert_int_equal(dockind_of_number("285/TB-HĐTĐ"), DOC_TB);
	assert_int_equal(dockind_of_number("7/TTr-UBND"), DOC_TTR);
	assert_int_equal(dockind_of_number("3/ĐA-UBND"), DOC_DA);
	assert_int_equal(dockind_of_number("3/DA-UBND"), DOC_DAN);
	assert_int_equal(dockind_of_number("4/gm-ubnd"), DOC_GM);
	/* A công văn has the issuer where the abbreviation would be. */
	assert_int_equal(dockind_of_number("103/UBND"), DOC_CV);
	assert_int_equal(dockind_of_number("158/UBND-VP"), DOC_CV);
	assert_int_equal(dockind_of_number("12"), DOC_NONE);
	assert_int_equal(dockind_of_number("12/"), DOC_NONE);
	assert_int_equal(dockind_of_number(NULL), DOC_NONE);
}

static void
test_parse(void **state)
{
	(void)state;
	assert_int_equal(dockind_parse("KH"), DOC_KH);
	assert_int_equal(dockind_parse("kh"), DOC_KH);
	assert_int_equal(dockind_parse("QĐ"), DOC_QD);
	assert_int_equal(dockind_parse("qd"), DOC_QD);
	assert_int_equal(dockind_parse("HĐ"), DOC_HDO);
	assert_int_equal(dockind_parse("HD"), DOC_HD);
	assert_int_equal(dockind_parse("Kế hoạch"), DOC_KH);
	assert_int_equal(dockind_parse("ke hoach"), DOC_KH);
	assert_int_equal(dockind_parse("công văn"), DOC_CV);
	assert_int_equal(dockind_parse("kế"), DOC_NONE);
	assert_int_equal(dockind_parse("UBND"), DOC_NONE);
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
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
