/* SPDX-License-Identifier: ISC */
/* test_score.c: the kinds of criteria read from the seed's comments, and
 * each criterion's appraised, now and reachable numbers by its rule
 * (issue 19's figures: 3.11.1 lost, 3.13.3 at most 0,82, 908/1237). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Project headers before cmocka.h (its fail() macro). */
#include "score.h"

#include <cmocka.h>

#define PTS(x) ((score)((x) * SCORE_UNIT + 0.5))

static const char t3111[] = "Tỷ lệ hồ sơ giải quyết TTHC được luân "
    "chuyển trong nội bộ giữa các cơ quan có thẩm quyền giải quyết hoặc "
    "các cơ quan có liên quan được thực hiện bằng phương thức điện tử";
static const char c3111[] = "Tỷ lệ HS giải quyết TTHC được luân chuyển "
    "trong nội bộ, tính theo công thức $b/a=164/739=0,22<0,7$ nên đạt 0 "
    "điểm";
static const char t3132[] = "Tỷ lệ DVCTT có phát sinh hồ sơ trực tuyến";
static const char c3132[] = "Tỷ lệ DVCTT có phát sinh hồ sơ trực tuyến "
    "$b/a=11/16=0.69$ ,";
static const char t3133[] = "Tỷ lệ hồ sơ DVCTT";
static const char c3133[] = "Tỷ lệ hồ sơ DVCTT $b/a=408/637=0,64$ , số "
    "điểm là $0,64*1=0,64$ điểm";
static const char t113[] = "Mức độ thực hiện kế hoạch CCHC";
static const char c113[] = "- Tổng số nhiệm vụ đơn vị đề ra trong Kế hoạch "
    "năm là 30 nhiệm vụ. - Đơn vị đã thể hiện được sản phẩm đã hoàn thành "
    "trong 6 tháng đầu năm.";
static const char t141[] = "Mức độ thực hiện kế hoạch tuyên truyền CCHC đã "
    "ban hành";
static const char c141[] = "- Đơn vị có ban hành Kế hoạch tuyên truyền CCHC "
    "(kế hoạch xây dựng cụ thể); Tổng số nhiệm vụ đơn vị đề ra trong Kế "
    "hoạch năm là 09 nhiệm vụ.\nTuy nhiên Đơn vị chưa thống kê được đã "
    "hoàn thành bao nhiêu nhiệm vụ, chưa thể hiện được sản phẩm đã hoàn "
    "thành trong 6 tháng 09 nhiệm vụ được ban hành kèm theo Kế hoạch số "
    "30/KH-UBND về tuyên truyền CCHC.";
static const char t151[] = "Thực hiện các nhiệm vụ được UBND huyện, Chủ "
    "tịch UBND huyện giao";
static const char c151[] = "Đơn vị có 02 nhiệm vụ được giao hoàn thành "
    "chậm so với quy định. (Báo cáo số 52/BC-VP ngày 28/6/2023 của Văn "
    "phòng HĐND&UBND huyện)";

static struct plan_period seed_period;

static void
test_read(void **state)
{
	struct crit_rule r;

	(void)state;
	crit_rule_from_comment(t3111, c3111, &r);
	assert_int_equal(r.kind, CK_THRESHOLD);
	assert_int_equal(r.threshold, 700);
	assert_int_equal(r.num, 164);
	assert_int_equal(r.den, 739);
	assert_false(r.snapshot);
	crit_rule_clear(&r);
	crit_rule_from_comment(t3132, c3132, &r);
	assert_int_equal(r.kind, CK_RATIO);
	assert_int_equal(r.num, 11);
	assert_int_equal(r.den, 16);
	assert_true(r.snapshot);
	crit_rule_clear(&r);
	crit_rule_from_comment(t3133, c3133, &r);
	assert_int_equal(r.kind, CK_RATIO);
	assert_int_equal(r.num, 408);
	assert_int_equal(r.den, 637);
	assert_false(r.snapshot);
	crit_rule_clear(&r);
	crit_rule_from_comment(t113, c113, &r);
	assert_int_equal(r.kind, CK_PLAN);
	assert_int_equal(r.den, 30);
	assert_string_equal(r.plan_name, "Kế hoạch CCHC");
	crit_rule_clear(&r);
	crit_rule_from_comment(t141, c141, &r);
	assert_int_equal(r.kind, CK_PLAN);
	assert_int_equal(r.den, 9);
	assert_string_equal(r.plan_name, "Kế hoạch số 30/KH-UBND");
	crit_rule_clear(&r);
	crit_rule_from_comment(t151, c151, &r);
	assert_int_equal(r.kind, CK_LATE);
	assert_int_equal(r.late, 2);
	crit_rule_clear(&r);
	/* 3.12.1: a ratio by its title, its figures unknown ("Đồng ý"). */
	crit_rule_from_comment("Tỷ lệ TTHC có phát sinh giao dịch thanh toán "
	    "trực tuyến", "Đồng ý", &r);
	assert_int_equal(r.kind, CK_RATIO);
	assert_false(r.has_den);
	assert_true(r.snapshot);
	crit_rule_clear(&r);
	crit_rule_from_comment("Đối thoại của Lãnh đạo UBND xã với người dân",
	    "Trong 6 tháng cuối năm 2023, tổ chức ít nhất 02 diễn đàn", &r);
	assert_int_equal(r.kind, CK_DOCUMENT);
	crit_rule_clear(&r);
}

static void
test_period(void **state)
{
	struct plan_period p;

	(void)state;
	assert_true(seed_period.known);
	assert_int_equal(seed_period.year, 2023);
	assert_int_equal(seed_period.first, 1);
	assert_int_equal(seed_period.last, 6);
	plan_period_from_title("KẾT QUẢ ĐÁNH GIÁ 6 tháng cuối năm 2023", 2020,
	    &p);
	assert_int_equal(p.first, 7);
	assert_int_equal(p.last, 12);
	plan_period_from_title("Kết quả chấm điểm năm 2024", 2020, &p);
	assert_int_equal(p.year, 2024);
	assert_int_equal(p.last, 12);
	plan_period_from_title(NULL, 2020, &p);
	assert_false(p.known);
	assert_int_equal(p.year, 2020);
	assert_true(plan_period_after(&seed_period, "2023-07"));
	assert_false(plan_period_after(&seed_period, "2023-06"));
	assert_false(plan_period_after(&seed_period, "2024-01"));
	assert_false(plan_period_in_year(&seed_period, "2023-13"));
	assert_false(plan_period_in_year(&seed_period, "2023-00"));
	assert_int_equal(figure_months("2023-07", "2023-12"), 6);
	assert_int_equal(figure_months("2023-12", "2023-07"), 0);
}

static void
score_of(const char *title, const char *comment, double std, double ap,
    const struct crit_figures *g, struct crit_score *out)
{
	struct crit_rule r;
	struct crit_score_in in = {
		.standard = PTS(std), .appraised = PTS(ap), .rule = &r,
		.figs = g, .proof = NULL, .period = &seed_period,
	};

	crit_rule_from_comment(title, comment, &r);
	crit_score_compute(&in, out);
	crit_rule_clear(&r);
}

static void
test_numbers(void **state)
{
	struct crit_score s;
	struct crit_figures g = { .n = 1, .num = 500, .den = 600,
	    .months = 6 };

	(void)state;
	/* 903/1478 = 0,61 < 0,7: lost for the year. */
	score_of(t3111, c3111, 1, 0, NULL, &s);
	assert_int_equal(s.now, 0);
	assert_int_equal(s.reachable, 0);
	assert_int_equal(s.best_num, 903);
	assert_int_equal(s.best_den, 1478);
	assert_true(s.lost);
	/* 1045/1274 = 0,82: at most +0,18. */
	score_of(t3133, c3133, 1, 0.64, NULL, &s);
	assert_int_equal(s.now, PTS(0.64));
	assert_int_equal(s.reachable, PTS(0.82));
	assert_false(s.lost);
	/* With the second half recorded: 908/1237 = 0,73. */
	score_of(t3133, c3133, 1, 0.64, &g, &s);
	assert_int_equal(s.year_num, 908);
	assert_int_equal(s.year_den, 1237);
	assert_int_equal(s.now, PTS(0.73));
	assert_int_equal(s.reachable, PTS(0.73));
	/* Services: 16/16 gives the point back. */
	score_of(t3132, c3132, 1, 0.69, NULL, &s);
	assert_int_equal(s.reachable, PTS(1));
	/* Late tasks: lost for the year. */
	score_of(t151, c151, 2, 1, NULL, &s);
	assert_int_equal(s.reachable, PTS(1));
	assert_true(s.lost);
	/* A plan: the full points while months remain. */
	score_of(t113, c113, 2, 1.4, NULL, &s);
	assert_int_equal(s.now, PTS(1.4));
	assert_int_equal(s.reachable, PTS(2));
	/* Figures unknown: the full points, as an assumption. */
	score_of("Tỷ lệ hồ sơ thanh toán trực tuyến", "Đồng ý", 1, 0, NULL,
	    &s);
	assert_int_equal(s.reachable, PTS(1));
	assert_true(s.assumed);
}

static void
test_document(void **state)
{
	struct crit_rule r = { .kind = CK_DOCUMENT };
	struct proof p = { .proved = false };
	struct crit_score s;
	struct crit_score_in in = {
		.standard = PTS(1), .appraised = PTS(0.5), .rule = &r,
		.proof = &p, .period = &seed_period,
	};
	struct plan_score ps;

	(void)state;
	crit_score_compute(&in, &s);
	assert_int_equal(s.now, PTS(0.5));
	assert_int_equal(s.reachable, PTS(1));
	p.proved = true;
	crit_score_compute(&in, &s);
	assert_int_equal(s.now, PTS(1));
	plan_score_start(&ps, PTS(69.82));
	plan_score_add(&ps, &s);
	assert_int_equal(ps.now, PTS(70.32));
	assert_int_equal(ps.all_fixed, PTS(70.32));
	/* A count: the target, not the documents. */
	r.kind = CK_COUNT;
	p.proved = false;
	p.count = 2;
	p.target = 2;
	crit_score_compute(&in, &s);
	assert_int_equal(s.now, PTS(1));
	assert_int_equal(score_ratio(PTS(1), 908, 1237), PTS(0.73));
	assert_int_equal(score_ratio(PTS(1), 1, 0), 0);
	/* Twelve months of 9 digits each, 100 points: no overflow. */
	assert_int_equal(score_ratio(PTS(100), 5999999994L, 11999999988L),
	    PTS(50));
}

static void
test_kinds(void **state)
{
	enum crit_kind k;
	int i;

	(void)state;
	for (i = 0; i < CK_NKINDS; i++) {
		assert_true(crit_kind_parse(crit_kind_name((enum crit_kind)i),
		    &k));
		assert_int_equal(k, i);
		assert_int_equal(crit_kind_from_name(
		    crit_kind_name((enum crit_kind)i)), i);
	}
	assert_true(crit_kind_parse("Ngưỡng", &k));
	assert_int_equal(k, CK_THRESHOLD);
	assert_false(crit_kind_parse("bogus", &k));
}

/* What a person types: a threshold, a month; a rule and a row of
 * figures in the history's one line. */
static void
test_typed(void **state)
{
	struct crit_rule r = { 0 };
	struct figure f = { 0 };
	char m[8], *d;
	score t;

	(void)state;
	assert_true(crit_threshold_parse("0,7", &t));
	assert_int_equal(t, 700);
	assert_true(crit_threshold_parse("0.75", &t));
	assert_int_equal(t, 750);
	assert_true(crit_threshold_parse("70%", &t));
	assert_int_equal(t, 700);
	assert_true(crit_threshold_parse("1", &t));
	assert_false(crit_threshold_parse("1,5", &t));
	assert_false(crit_threshold_parse("0", &t));
	assert_false(crit_threshold_parse("-0,5", &t));
	assert_false(crit_threshold_parse("x", &t));
	assert_false(crit_threshold_parse("", &t));
	assert_true(figure_month_parse("2023-07", m));
	assert_string_equal(m, "2023-07");
	assert_true(figure_month_parse("7/2023", m));
	assert_string_equal(m, "2023-07");
	assert_true(figure_month_parse("12/2023", m));
	assert_string_equal(m, "2023-12");
	assert_false(figure_month_parse("2023-13", m));
	assert_false(figure_month_parse("13/2023", m));
	assert_false(figure_month_parse("0/2023", m));
	assert_false(figure_month_parse("07/23", m));
	assert_false(figure_month_parse("07/2023x", m));
	assert_false(figure_month_parse(" 7/2023", m));
	r.kind = CK_THRESHOLD;
	r.threshold = 700;
	r.has_num = r.has_den = true;
	r.num = 164;
	r.den = 739;
	d = crit_rule_describe(&r);
	assert_string_equal(d, "threshold 0,7 · 164/739");
	free(d);
	r.kind = CK_PLAN;
	r.has_num = false;
	r.den = 9;
	r.snapshot = true;
	d = crit_rule_describe(&r);
	assert_string_equal(d, "plan · 9 · snapshot");
	free(d);
	memcpy(f.from, "2023-07", 8);
	memcpy(f.to, "2023-12", 8);
	f.num = 500;
	f.den = 600;
	d = figure_describe(&f);
	assert_string_equal(d, "2023-07..2023-12 500/600");
	free(d);
	assert_true(crit_kind_takes_figures(CK_RATIO));
	assert_false(crit_kind_takes_figures(CK_LATE));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read),
		cmocka_unit_test(test_period),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_document),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_typed),
	};

	plan_period_from_title("PHỤ LỤC KẾT QUẢ ĐÁNH GIÁ CCHC XÃ HIỀN THÀNH 6 "
	    "THÁNG ĐẦU NĂM 2023 VÀ BIỆN PHÁP KHẮC PHỤC", 2000, &seed_period);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
