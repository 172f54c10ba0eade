/* SPDX-License-Identifier: ISC */
/* test_schedule.c: what an instruction's words say about when it is due
 * (schedule.h) and which criteria they name (instruction.h), on the
 * seed's own sentences (issue 20). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Project headers before cmocka.h (its fail() macro). */
#include "appendix.h"
#include "instruction.h"
#include "schedule.h"
#include "util.h"

#include <cmocka.h>

#include "seed_fixture.h"

/* The due date the phrase of text names in year, or "" for none. */
static const char *
due_of(const char *text, int year)
{
	static char due[11];

	memset(due, 'x', sizeof due - 1);
	due[sizeof due - 1] = '\0';
	if (!schedule_due_phrase(text, year, due))
		return "";
	return due;
}

static void
test_due_phrases(void **state)
{
	(void)state;
	assert_string_equal(due_of("Hoàn thành trước ngày 31/10/2023.", 2023),
	    "2023-10-31");
	assert_string_equal(due_of("trước ngày 31/10/2023", 2030),
	    "2023-10-31");
	assert_string_equal(due_of("phải hoàn thành đến cuối năm.", 2023),
	    "2023-12-31");
	/* The year, when the words name none, is the argument's. */
	assert_string_equal(due_of("Đến cuối năm phải tổ chức ít nhất 01 "
	    "cuộc đối thoại với người dân", 2024), "2024-12-31");
	assert_string_equal(due_of("Trong 4 tháng cuối năm 2023, tiến hành "
	    "tổ chức một cuộc đối thoại", 2022), "2023-12-31");
	assert_string_equal(due_of("trong những tháng cuối năm 2023", 2022),
	    "2023-12-31");
	assert_string_equal(due_of("trong 6 tháng đầu năm 2024", 2023),
	    "2024-06-30");
	assert_string_equal(due_of("hoàn thành trong quý IV", 2023),
	    "2023-12-31");
	/* "trước" a month, a quarter, a year: by the end of the one
	 * before. */
	assert_string_equal(due_of("trước tháng 11/2023", 2022),
	    "2023-10-31");
	assert_string_equal(due_of("trước tháng 1 năm 2024", 2022),
	    "2023-12-31");
	assert_string_equal(due_of("trước quý IV", 2023), "2023-09-30");
	assert_string_equal(due_of("trước năm 2024", 2023), "2023-12-31");
	assert_string_equal(due_of("trong tháng 10 năm 2023", 2022),
	    "2023-10-31");
	/* A period without a preposition is no deadline. */
	assert_string_equal(due_of("Căn cứ Kế hoạch cải cách hành chính, "
	    "kết quả thẩm định 6 tháng đầu năm để theo dõi", 2023), "");
	assert_string_equal(due_of("công nhận hộ nghèo, hộ cận nghèo phát "
	    "sinh trong năm", 2023), "");
	assert_string_equal(due_of("", 2023), "");
}

static void
sched(const char *text, enum sched_kind kind, const char *due,
    const char *target, const char *every)
{
	struct schedule s;

	memset(&s, 'x', sizeof s);
	schedule_from_text(text, 2023, &s);
	assert_int_equal(s.kind, kind);
	assert_string_equal(s.due, due);
	assert_string_equal(s.target, target);
	assert_string_equal(s.every, every);
}

static void
test_schedules(void **state)
{
	(void)state;
	sched("Tăng cường thời lượng phát tin bài liên quan đến công tác "
	    "cải cách hành chính trên hệ thống: mỗi tháng 3 bài.",
	    SCHED_RECURRING, "", "3 bài", "tháng");
	sched("Đến cuối năm phải tổ chức ít nhất 01 cuộc đối thoại với "
	    "người dân", SCHED_ONCE, "2023-12-31", "1 cuộc", "");
	sched("tiến hành tổ chức một cuộc đối thoại với nhân dân",
	    SCHED_ONCE, "", "1 cuộc", "");
	sched("Không để phát sinh chậm nộp báo cáo làm ảnh hưởng đến công "
	    "việc chỉ đạo, điều hành của UBND huyện", SCHED_ONGOING, "", "",
	    "");
	sched("Tích cực hướng dẫn cá nhân, tổ chức nộp hồ sơ trực tuyến "
	    "trên Cổng dịch vụ công quốc gia.", SCHED_ONGOING, "", "", "");
	sched("Bổ sung, sửa đổi Quy chế làm việc của UBND", SCHED_ONCE, "",
	    "", "");
	/* "hàng năm" alone names no count: not a recurring target. */
	sched("Mặt trận cần có kế hoạch giám sát, kiểm tra công tác cải "
	    "cách hành chính hàng năm", SCHED_ONCE, "", "", "");
}

static void
test_ongoing_word(void **state)
{
	(void)state;
	assert_true(schedule_is_ongoing_word("thường xuyên"));
	assert_true(schedule_is_ongoing_word("Thường xuyên"));
	assert_true(schedule_is_ongoing_word("thuong xuyen"));
	assert_true(schedule_is_ongoing_word("ongoing"));
	assert_true(schedule_is_ongoing_word("ONGOING"));
	assert_false(schedule_is_ongoing_word("2023-12-31"));
	assert_false(schedule_is_ongoing_word(""));
	assert_false(schedule_is_ongoing_word("thường"));
	assert_false(schedule_is_ongoing_word("thường xuyên hơn"));
}

/* A task's criterion: no other row below it (as body.c reads them). */
static bool
leaf(const struct appendix *a, size_t i)
{
	size_t k, n;

	if (a->rows[i].path == NULL)
		return false;
	n = strlen(a->rows[i].path);
	for (k = 0; k < a->nrows; k++)
		if (a->rows[k].path != NULL &&
		    strncmp(a->rows[k].path, a->rows[i].path, n) == 0 &&
		    a->rows[k].path[n] == '.')
			return false;
	return true;
}

/* The codes (a,b,…) the instruction names among the seed's criteria. */
static char *
links(const struct appendix *a, char **titles, const char *text)
{
	size_t order[16], got, k;
	char *s = xstrdup(""), *t;

	got = instruction_links(text, (const char *const *)titles, a->nrows,
	    order, 16);
	for (k = 0; k < got; k++) {
		t = xasprintf("%s%s%s", s, k > 0 ? "," : "",
		    a->rows[order[k]].code);
		free(s);
		s = t;
	}
	return s;
}

static void
expect_links(const struct appendix *a, char **titles, const char *text,
    const char *codes)
{
	char *got = links(a, titles, text);

	assert_string_equal(got, codes);
	free(got);
}

static void
test_links(void **state)
{
	struct appendix *a = seed_read(SEED_APPENDIX);
	char **titles = xcalloc(a->nrows + 1, sizeof *titles);
	size_t i;

	(void)state;
	for (i = 0; i < a->nrows; i++)
		titles[i] = leaf(a, i) ? instruction_fold(a->rows[i].title) :
		    xstrdup("");
	expect_links(a, titles, "Giải quyết thủ tục hành chính cho người "
	    "dân đảm bảo các yêu cầu: đúng trình tự, đúng pháp luật, nhanh; "
	    "tích cực hướng dẫn người dân nộp hồ sơ qua Cổng dịch vụ công "
	    "quốc gia, thanh toán trực tuyến.", "3.13.3,3.12.1,3.12.2");
	expect_links(a, titles, "Tăng cường thời lượng phát tin bài liên "
	    "quan đến công tác cải cách hành chính", "1.4.2");
	expect_links(a, titles, "Trong 4 tháng cuối năm 2023, tiến hành tổ "
	    "chức một cuộc đối thoại với nhân dân", "1.7");
	expect_links(a, titles, "Tích cực tuyên truyền, vận động hội viên "
	    "và quần chúng nhân dân hưởng ứng, tham gia đẩy mạnh cải cách "
	    "thủ tục hành chính, chuyển đổi số, ứng dụng tài khoản định danh "
	    "và xác thực điện tử vào giải quyết thủ tục hành chính.", "");
	for (i = 0; i < a->nrows; i++)
		free(titles[i]);
	free(titles);
	appendix_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_due_phrases),
		cmocka_unit_test(test_schedules),
		cmocka_unit_test(test_ongoing_word),
		cmocka_unit_test(test_links),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
