/* SPDX-License-Identifier: ISC */
/* test_checklist.c: a criterion's checklist read from the council's
 * comment (the seed's comments, and the forms the issue names). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Project headers before cmocka.h (its fail() macro). */
#include "checklist.h"

#include <cmocka.h>

#define K(k) CHECKLIST_KIND(DOC_##k)

/* The seed's comments as the import keeps them (markup decoded). */
static const char c17[] =
    "Trong 6 tháng cuối năm 2023, đề nghị đơn vị tổ chức ít nhất 02 "
    "diễn đàn/đối thoại trực tiếp hoặc trực tuyến giữa lãnh đạo UBND cấp "
    "xã với người dân, doanh nghiệp (phải theo chuyên đề, không tính các "
    "cuộc tiếp công dân và tiếp xúc cử tri định kỳ, thuộc nhiều lĩnh vực, "
    "k nhất thiết chỉ riêng trong lĩnh vực CCHC);\n"
    "• Chỉ đạo giải quyết những kiến nghị, đề xuất của người dân, doanh "
    "nghiệp tại các cuộc đối thoại/diễn đàn;\n"
    "• Kết quả xử lý, giải quyết (trực tiếp xử lý giải quyết hoặc kiến "
    "nghị cấp có thẩm quyền xử lý, giải quyết) những kiến nghị, đề xuất "
    "của người dân, doanh nghiệp.\n"
    "Tài liệu Kiểm chứng: Kế hoạch tổ chức diễn đàn, Giấy mời/thông báo, "
    "Báo cáo kết quả xử lý các kiến nghị, đề xuất của người dân, doanh "
    "nghiệp.";
static const char c154[] =
    "Bổ sung Quyết định công nhận sáng kiến của HĐ chấm sáng kiến của cơ "
    "sở. Đề nghị đơn vị tham gia đề xuất các sáng kiến về CCHC nhằm nâng "
    "cao chỉ số CCHC của huyện trong 6 tháng cuối năm.";
static const char c153[] =
    "Đơn vị có xây dựng Báo cáo về việc đánh giá các chỉ số CCHC năm 2022 "
    "đã công bố. Tổ chức đánh giá và khắc phục các tồn tại, hạn chế bị mất "
    "điểm. Đơn vị có báo cáo các hạn chế, tồn tại và giải pháp khắc phục "
    "trong công tác CCHC (BC số 10/BC-UBND ngày 20/02/2023 của UBND xã). "
    "Tuy nhiên chưa có kết quả khắc phục được thể hiện trong 6 tháng đầu "
    "năm 2023. Đề nghị đơn vị bổ sung kết quả khắc phục cụ thể (xác định "
    "bao nhiêu nội dung cần khắc phục, kết quả khắc phục thể hiện ra sao) "
    "(có thể lồng ghép BCCHC) trong kỳ chấm của năm.";
static const char c352[] =
    "Đơn vị không cung cấp tài liệu kiểm chứng về thực hiện nội dung quy "
    "định công khai xin lỗi trong giải quyết TTHC (ban hành kèm theo quyết "
    "định số 30/2020/QĐ-UBND ngày 08/12/2020 của UBND tỉnh) gắn với quy chế "
    "làm việc và quy chế thi đua khen thưởng của xã (đề nghị bổ sung";

static void
item(const struct checklist *c, size_t i, const char *text, unsigned kinds)
{
	assert_true(i < c->nitems);
	assert_string_equal(c->items[i].text, text);
	assert_int_equal(c->items[i].kinds, kinds);
}

static void
no_target(const struct checklist *c)
{
	assert_int_equal(c->count, 0);
	assert_null(c->unit);
	assert_string_equal(c->from, "");
	assert_string_equal(c->to, "");
}

static void
any_only(const char *comment)
{
	struct checklist c;

	checklist_from_comment(comment, 2023, &c);
	assert_int_equal(c.nitems, 1);
	item(&c, 0, CHECKLIST_ANY_TEXT, CHECKLIST_ANY);
	no_target(&c);
	checklist_clear(&c);
}

/* 1.7: three items, the third continued past its commas; 02 forums in
 * the second half of 2023. */
static void
test_seed_17(void **state)
{
	struct checklist c;

	(void)state;
	checklist_from_comment(c17, 2023, &c);
	assert_int_equal(c.nitems, 3);
	item(&c, 0, "Kế hoạch tổ chức diễn đàn", K(KH));
	item(&c, 1, "Giấy mời/thông báo", K(GM) | K(TB));
	item(&c, 2, "Báo cáo kết quả xử lý các kiến nghị, đề xuất của người "
	    "dân, doanh nghiệp", K(BC));
	assert_int_equal(c.count, 2);
	assert_string_equal(c.unit, "diễn đàn/đối thoại");
	assert_string_equal(c.from, "2023-07-01");
	assert_string_equal(c.to, "2023-12-31");
	/* The sentence names its year: the appraisal's does not count. */
	checklist_clear(&c);
	checklist_from_comment(c17, 0, &c);
	assert_string_equal(c.from, "2023-07-01");
	checklist_clear(&c);
}

/* 1.5.4: "Bổ sung Quyết định …" up to the sentence's end; 1.5.3's
 * "chưa có kết quả", "bổ sung kết quả" and 3.5.2's "tài liệu kiểm chứng
 * về" name no document. */
static void
test_seed_named(void **state)
{
	struct checklist c;

	(void)state;
	checklist_from_comment(c154, 2023, &c);
	assert_int_equal(c.nitems, 1);
	item(&c, 0, "Quyết định công nhận sáng kiến của HĐ chấm sáng kiến "
	    "của cơ sở", K(QD));
	no_target(&c);
	checklist_clear(&c);
	any_only(c153);
	any_only(c352);
	any_only("");
	any_only(NULL);
}

static void
test_lists(void **state)
{
	struct checklist c;

	(void)state;
	/* TLKC:, semicolons, a list that ends at the full stop. */
	checklist_from_comment("TLKC: Biên bản họp dân; Báo cáo tổng kết. "
	    "Đơn vị cần làm thêm, không tính", 0, &c);
	assert_int_equal(c.nitems, 2);
	item(&c, 0, "Biên bản họp dân", K(BB));
	item(&c, 1, "Báo cáo tổng kết", K(BC));
	checklist_clear(&c);
	/* A/B is one item; a first piece without a head word is an item
	 * any document fills; a decimal comma does not cut. */
	checklist_from_comment("tài liệu kiểm chứng : danh sách hộ, Kế "
	    "hoạch/báo cáo tỷ lệ 0,22; Tờ trình", 0, &c);
	assert_int_equal(c.nitems, 3);
	item(&c, 0, "danh sách hộ", CHECKLIST_ANY);
	item(&c, 1, "Kế hoạch/báo cáo tỷ lệ 0,22", K(KH) | K(BC));
	item(&c, 2, "Tờ trình", K(TTR));
	checklist_clear(&c);
	/* A line break ends the list; "chưa có" names one; the same
	 * document twice is one item. */
	checklist_from_comment("Chưa có Quy chế làm việc, đề nghị bổ sung.\n"
	    "TLKC: Quy chế làm việc, Công văn đề nghị\nkhác", 0, &c);
	assert_int_equal(c.nitems, 2);
	item(&c, 0, "Quy chế làm việc", K(QC));
	item(&c, 1, "Công văn đề nghị", K(CV));
	checklist_clear(&c);
}

static void
test_targets(void **state)
{
	struct checklist c;

	(void)state;
	/* "từ NN … trở lên", no period named. */
	checklist_from_comment("Đăng từ 03 tin bài trở lên về CCHC.", 2023,
	    &c);
	assert_int_equal(c.count, 3);
	assert_string_equal(c.unit, "tin bài");
	assert_string_equal(c.from, "");
	item(&c, 0, CHECKLIST_ANY_TEXT, CHECKLIST_ANY);
	checklist_clear(&c);
	/* "từ" without "trở lên" is no target. */
	checklist_from_comment("Đăng từ 03 tin bài về CCHC.", 2023, &c);
	no_target(&c);
	checklist_clear(&c);
	/* "tối thiểu", the whole year of the appraisal. */
	checklist_from_comment("Tổ chức tối thiểu 4 cuộc trong năm.", 2024,
	    &c);
	assert_int_equal(c.count, 4);
	assert_string_equal(c.unit, "cuộc");
	assert_string_equal(c.from, "2024-01-01");
	assert_string_equal(c.to, "2024-12-31");
	checklist_clear(&c);
	/* The first half; the period of another sentence does not count. */
	checklist_from_comment("Trong 6 tháng đầu năm đăng ít nhất 01 bài. "
	    "Cả năm 2022 không có.", 2023, &c);
	assert_int_equal(c.count, 1);
	assert_string_equal(c.unit, "bài");
	assert_string_equal(c.from, "2023-01-01");
	assert_string_equal(c.to, "2023-06-30");
	checklist_clear(&c);
	/* A period but no year known: none. */
	checklist_from_comment("ít nhất 2 cuộc đến cuối năm", 0, &c);
	assert_int_equal(c.count, 2);
	assert_string_equal(c.from, "");
	checklist_clear(&c);
}

static void
test_words(void **state)
{
	struct checklist c = { 0 };
	char *s;

	(void)state;
	checklist_add(&c, "Giấy mời/thông báo");
	checklist_add(&c, "Công văn");
	checklist_add(&c, "danh sách");
	s = checklist_kinds_abbr(&c.items[0], "/");
	assert_string_equal(s, "GM/TB");
	free(s);
	s = checklist_kinds_abbr(&c.items[1], ",");
	assert_string_equal(s, "Công văn");
	free(s);
	s = checklist_kinds_abbr(&c.items[2], ",");
	assert_string_equal(s, "");
	free(s);
	s = checklist_describe(&c);
	assert_string_equal(s, "Giấy mời/thông báo; Công văn; danh sách");
	free(s);
	c.count = 2;
	c.unit = strdup("cuộc");
	s = checklist_describe(&c);
	assert_string_equal(s, "Giấy mời/thông báo; Công văn; danh sách | 2 "
	    "cuộc");
	free(s);
	checklist_clear(&c);
	assert_int_equal(checklist_year_of("6 tháng đầu năm 2023"), 2023);
	assert_int_equal(checklist_year_of("Quý III năm 2024"), 2024);
	assert_int_equal(checklist_year_of("12345 và 30/2020"), 2020);
	assert_int_equal(checklist_year_of(NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_17),
		cmocka_unit_test(test_seed_named),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_targets),
		cmocka_unit_test(test_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
