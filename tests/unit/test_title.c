/* SPDX-License-Identifier: ISC */
/* test_title.c: commune and period from appraisal titles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* Project headers before cmocka.h (its fail() macro). */
#include "title.h"
#include "util.h"

#include <cmocka.h>

static void
parts(const char *title, const char *commune, const char *period)
{
	char *c = title_commune(title), *p = title_period(title);

	if (commune == NULL)
		assert_null(c);
	else
		assert_string_equal(c, commune);
	if (period == NULL)
		assert_null(p);
	else
		assert_string_equal(p, period);
	free(c);
	free(p);
}

static void
test_titles(void **state)
{
	(void)state;
	parts("PHỤ LỤC KẾT QUẢ ĐÁNH GIÁ CCHC XÃ HIỀN THÀNH 6 THÁNG ĐẦU NĂM "
	    "2023 VÀ BIỆN PHÁP KHẮC PHỤC", "Xã Hiền Thành",
	    "6 tháng đầu năm 2023");
	parts("PHỤ LỤC KẾT QUẢ ĐÁNH GIÁ CCHC XÃ HIỀN THÀNH CẢ NĂM 2023",
	    "Xã Hiền Thành", "Cả năm 2023");
	parts("KẾT QUẢ THẨM ĐỊNH THỊ TRẤN GIO LINH QUÝ III NĂM 2023",
	    "Thị trấn Gio Linh", "Quý III năm 2023");
	parts("Bảng điểm năm 2024", NULL, "Năm 2024");
	/* The mid-year appraisal, however it is worded. */
	parts("KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CCHC NĂM 2023 (GIỮA NĂM) CỦA XÃ "
	    "HIỀN THÀNH", "Xã Hiền Thành", "6 tháng đầu năm 2023");
	parts("Điểm CCHC giữa năm 2023", NULL, "6 tháng đầu năm 2023");
	parts("export", NULL, NULL);
	parts("", NULL, NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_titles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
