/* SPDX-License-Identifier: ISC */
/* test_derive.c: role matching, leaves, points and findings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Project headers before cmocka.h, whose fail() macro would clash with
 * util.h's fail(). */
#include "derive.h"
#include "util.h"

#include <cmocka.h>

#include "seed_fixture.h"

static struct config *cfg;

static int
setup(void **state)
{
	cfg = config_default();
	return 0;
}

static int
teardown(void **state)
{
	config_free(cfg);
	return 0;
}

static void
match(const char *text, const char *owner, const char *support)
{
	const char *o;
	char *s;

	derive_match_roles(cfg, text, &o, &s);
	assert_string_equal(o, owner);
	assert_string_equal(s, support);
	free(s);
}

static void
test_match_roles(void **state)
{
	match("- Giao CC Văn phòng – Thống kê phụ trách CCHC khắc phục",
	    "VP-TK", "");
	match("Giao CC Văn hoá –Xã hội phối hợp với CC Văn phòng – Thống kê "
	    "phụ trách CCHC", "VH-XH", "VP-TK");
	match("GIAO CC VĂN HÓA - XÃ HỘI", "VH-XH", "");
	/* NFD input: "Văn hoá" decomposed. */
	match("Giao CC Va\xcc\x86n hoa\xcc\x81 xa\xcc\x83 ho\xcc\xa3\xcc\x82i",
	    "VH-XH", "");
	match("- Giao cho Công an xã và công chức Tư pháp – Hộ tịch tham mưu",
	    "CA", "TP-HT");
	match("Giao cho Công chức chuyên môn ở bộ phận tiếp nhận và trả kết "
	    "quả thực hiện", "TN-TKQ", "");
	match("Cán bộ, công chức", "CHUNG", "");
	match("Mặt trận Tổ quốc", "MTTQ", "");
	match("Ủy ban MTTQ và các đoàn thể chính trị – xã hội", "MTTQ", "");
	match("Hội Phụ nữ, Đoàn Thanh niên, Hội Nông dân, Hội Cựu chiến "
	    "binh", "MTTQ", "");
	match("Công chức Văn hóa – Xã hội phối hợp Hội Nông dân", "VH-XH",
	    "MTTQ");
	match("Ban Chỉ đạo", "CHUA-GIAO", "");
	match("", "CHUA-GIAO", "");
	match("Đài truyền thanh xã phối hợp công an", "DTT", "CA");
	/* Commune civil servants' titles. */
	match("Công chức Địa chính - Xây dựng", "DC-XD", "");
	match("Công chức Địa chính – Xây dựng – Đô thị và Môi trường",
	    "DC-XD", "");
	match("Công chức Địa chính – Nông nghiệp – Xây dựng và Môi trường",
	    "DC-XD", "");
	match("Công chức Tài chính – Kế toán", "TC-KT", "");
	match("Chỉ huy trưởng Quân sự xã", "QS", "");
	/* A bare "xây dựng" or "tài chính" is no title. */
	match("Giao CC Văn phòng – Thống kê để xây dựng nhiều tin bài",
	    "VP-TK", "");
	match("Thu nghĩa vụ tài chính", "CHUA-GIAO", "");
	match("Trưởng thôn", "CHUA-GIAO", "");
}

static struct criterion
row(const char *code, const char *std, const char *appr, const char *ded,
    const char *who, int line)
{
	struct criterion r;

	memset(&r, 0, sizeof r);
	r.code = code ? xstrdup(code) : NULL;
	r.title = xasprintf("Tiêu chí %s", code ? code : "tổng");
	if (std && text_parse_score(std, &r.standard))
		r.has |= HAS_STANDARD;
	if (appr && text_parse_score(appr, &r.appraised))
		r.has |= HAS_APPRAISED;
	if (ded && text_parse_score(ded, &r.deduction))
		r.has |= HAS_DEDUCTION;
	r.assignee = xstrdup(who ? who : "");
	r.comment = xstrdup("");
	r.line = line;
	return r;
}

/* What row() allocated. */
static void
row_free(struct criterion *r)
{
	free(r->code);
	free(r->title);
	free(r->assignee);
	free(r->comment);
}

static const struct task_spec *
find_task(const struct derivation *d, const char *code)
{
	size_t i;

	for (i = 0; i < d->ntasks; i++)
		if (d->tasks[i].code && strcmp(d->tasks[i].code, code) == 0)
			return &d->tasks[i];
	return NULL;
}

static bool
has_finding(const struct derivation *d, int line, const char *needle)
{
	size_t i;

	for (i = 0; i < d->nfindings; i++)
		if (d->findings[i].line == line &&
		    strstr(d->findings[i].message, needle) != NULL)
			return true;
	return false;
}

/* A slice of the seed: 3.12 with its two children, 3.13 with two, and a
 * criterion not deducted at all. */
static void
test_leaves_points_findings(void **state)
{
	struct appendix a;
	struct derivation d = { 0 };
	struct criterion rows[8];
	const struct task_spec *t;
	const char *tn = "Giao cho Công chức chuyên môn ở bộ phận tiếp nhận "
	    "và trả kết quả";
	size_t i;

	memset(&a, 0, sizeof a);
	rows[0] = row("3.12", "2,00", "0", "-1,00", tn, 10);
	rows[1] = row("3.12.1", "1,00", "0", "-1,00", tn, 11);
	rows[2] = row("3.12.2", "1,00", "0", "-1,00", tn, 15);
	rows[3] = row("3.13", "3,00", "2.33", "-0,07", tn, 16);
	rows[4] = row("3.13.2", "1,00", "0.69", "- 0,21", tn, 17);
	rows[5] = row("3.13.3", "1,00", "0.64", "-0,35", tn, 18);
	rows[6] = row("3.14", "1,00", "1", NULL, "", 19);
	rows[7] = row("1.5.1", "2,00", "1", "-1,00", "Cán bộ, công chức", 5);
	a.rows = rows;
	a.nrows = 8;
	a.has_total = true;
	a.total = row(NULL, "100,00", "69,82", "7,82", NULL, 20);
	text_parse_score("77,00", &a.total.self);
	a.total.has |= HAS_SELF;

	derive_criteria(cfg, &a, &d);
	assert_int_equal(d.ntasks, 5);
	assert_null(find_task(&d, "3.12"));
	assert_null(find_task(&d, "3.13"));
	assert_null(find_task(&d, "3.14"));
	t = find_task(&d, "3.13.2");
	assert_non_null(t);
	assert_int_equal(t->points, 310);
	assert_true(t->has_points);
	assert_string_equal(t->role, "TN-TKQ");
	assert_string_equal(t->key, "A:3.13.2");
	assert_string_equal(t->due, "2023-10-31");
	assert_int_equal(t->due_source, DUE_DEFAULT);
	assert_int_equal(t->origin, ORIGIN_APPENDIX);
	t = find_task(&d, "1.5.1");
	assert_string_equal(t->role, "CHUNG");
	assert_int_equal(t->points, 1000);

	/* The council's figures that do not add up. */
	assert_true(has_finding(&d, 10, "listed deduction -1,00, but "
	    "standard - appraised is 2,00"));
	assert_true(has_finding(&d, 10, "sub-criteria list -2,00"));
	assert_true(has_finding(&d, 16, "standard - appraised is 0,67"));
	assert_true(has_finding(&d, 16, "sub-criteria list -0,56"));
	assert_true(has_finding(&d, 17, "standard - appraised is 0,31"));
	assert_true(has_finding(&d, 20, "self-assessed - appraised is 7,18"));
	assert_false(has_finding(&d, 11, "listed"));
	assert_false(has_finding(&d, 5, "listed"));

	derivation_free(&d);
	for (i = 0; i < 8; i++)
		row_free(&rows[i]);
	row_free(&a.total);
}

/* Scores no appraisal gives are findings, and count no points. */
static void
test_impossible_scores(void **state)
{
	struct appendix a;
	struct derivation d = { 0 };
	struct criterion rows[2];
	size_t i;

	memset(&a, 0, sizeof a);
	rows[0] = row("1.5.1", "2,00", "3", "-1,00", "Cán bộ, công chức", 7);
	rows[1] = row("1.5.2", "1,00", "-1", NULL, "Cán bộ, công chức", 8);
	a.rows = rows;
	a.nrows = 2;
	derive_criteria(cfg, &a, &d);
	assert_int_equal(d.ntasks, 2);
	assert_false(d.tasks[0].has_points);
	assert_false(d.tasks[1].has_points);
	assert_true(has_finding(&d, 7, "appraised score 3,00 is above the "
	    "standard 2,00"));
	assert_true(has_finding(&d, 8, "appraised score -1,00 is negative"));
	derivation_free(&d);
	for (i = 0; i < 2; i++)
		row_free(&rows[i]);
}

static void
test_directives(void **state)
{
	struct appendix a;
	struct directive dirs[5];
	struct derivation d = { 0 };
	const char *known[] = { "1.4.2", "1.7", NULL };

	memset(&a, 0, sizeof a);
	memset(dirs, 0, sizeof dirs);
	a.kind = APPENDIX_DIRECTIVES;
	dirs[0] = (struct directive){ "DTT", "1.4.2", "Mỗi tháng 3 bài",
		NULL, "3 bài", "tháng", 2, false };
	dirs[1] = (struct directive){ "CA", "1.7", "Đối thoại với nhân dân",
		"2023-12-31", "1 cuộc", NULL, 3, false };
	dirs[2] = (struct directive){ "dtt", "1.4.2", "Phối hợp xây dựng "
		"tin bài", NULL, NULL, NULL, 4, false };
	dirs[3] = (struct directive){ "Mặt trận Tổ quốc", "9.9",
		"Giám sát CCHC", NULL, NULL, NULL, 5, false };
	dirs[4] = (struct directive){ "DTT", "1.4.2", "MỖI THÁNG 3 BÀI",
		NULL, NULL, NULL, 6, false };
	a.dirs = dirs;
	a.ndirs = 5;
	derive_directives(cfg, &a, known, &d);
	assert_int_equal(d.ntasks, 5);
	/* The same words again (any case, any marks): told apart. */
	assert_string_equal(d.tasks[4].key, "D:1.4.2/moi thang 3 bai#2");
	assert_string_equal(d.tasks[0].key, "D:1.4.2/moi thang 3 bai");
	assert_string_equal(d.tasks[2].key,
	    "D:1.4.2/phoi hop xay dung tin bai");
	assert_false(d.tasks[0].has_points);
	assert_int_equal(d.tasks[0].due_source, DUE_DEFAULT);
	assert_string_equal(d.tasks[1].due, "2023-12-31");
	assert_int_equal(d.tasks[1].due_source, DUE_DIRECTIVE);
	assert_string_equal(d.tasks[0].target, "3 bài");
	assert_string_equal(d.tasks[3].role, "MTTQ");
	assert_true(has_finding(&d, 5, "criterion 9.9"));
	assert_false(has_finding(&d, 5, "matches no configured role"));
	assert_int_equal(d.nfindings, 1);
	derivation_free(&d);
}

/* The seed through the default configuration: the 13 appendix tasks
 * keep the owners and supporters they had before MTTQ came, and the
 * directives for the Fatherland Front land in MTTQ. */
static void
test_seed_roles(void **state)
{
	static const char *const want[][3] = {
		{ "1.1.3", "VP-TK", "" },
		{ "1.4.1", "VH-XH", "" },
		{ "1.4.2", "VH-XH", "VP-TK" },
		{ "1.5.1", "CHUNG", "" },
		{ "1.5.3", "VP-TK", "" },
		{ "1.5.4", "CHUNG", "" },
		{ "1.7", "CA", "TP-HT" },
		{ "3.5.2", "VP-TK", "" },
		{ "3.11.1", "TN-TKQ", "" },
		{ "3.12.1", "TN-TKQ", "" },
		{ "3.12.2", "TN-TKQ", "" },
		{ "3.13.2", "TN-TKQ", "" },
		{ "3.13.3", "TN-TKQ", "" },
	};
	struct appendix *a = NULL;
	struct derivation d = { 0 };
	const struct task_spec *t;
	size_t i, nfront = 0;

	a = seed_read(SEED_APPENDIX);
	derive_criteria(cfg, a, &d);
	appendix_free(a);
	assert_int_equal(d.ntasks, 13);
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		t = find_task(&d, want[i][0]);
		assert_non_null(t);
		assert_string_equal(t->role, want[i][1]);
		assert_string_equal(t->support, want[i][2]);
	}
	derivation_free(&d);

	a = seed_read(SEED_DIRECTIVES);
	derive_directives(cfg, a, NULL, &d);
	for (i = 0; i < d.ntasks; i++) {
		assert_string_not_equal(d.tasks[i].role, "CHUA-GIAO");
		if (strcmp(a->dirs[d.tasks[i].line - 2].role,
		    "Mặt trận Tổ quốc") == 0) {
			assert_string_equal(d.tasks[i].role, "MTTQ");
			nfront++;
		}
	}
	assert_int_equal(nfront, 3);
	appendix_free(a);
	derivation_free(&d);
}

/* Dice coefficient of word sets: 2 |A ∩ B| / (|A| + |B|). */
static void
test_words_alike(void **state)
{
	size_t num, den;

	derive_words_alike("moi thang 3 bai", "moi thang it nhat 3 bai", &num,
	    &den);
	assert_int_equal(num, 8);	/* 4 shared words */
	assert_int_equal(den, 10);
	/* Punctuation is no word, a repeated word counts once. */
	derive_words_alike("ra soat, ra soat.", "ra soat", &num, &den);
	assert_int_equal(num, 4);
	assert_int_equal(den, 4);
	derive_words_alike("", "", &num, &den);
	assert_int_equal(num, 0);
	assert_int_equal(den, 0);
	derive_words_alike("a b", "c d", &num, &den);
	assert_int_equal(num, 0);
}

static void
test_pair_directives(void **state)
{
	const struct derive_words old[] = {
		{ "1.4.2", "phat tin bai moi thang 3 bai" },
		{ "1.7", "to chuc doi thoai voi nguoi dan" },
		{ "3.5.2", "ra soat thu tuc hanh chinh quy i" },
		{ "3.5.2", "ra soat thu tuc hanh chinh quy ii" },
		{ "", "cap nhat ho so can bo" },
	};
	const struct derive_words new[] = {
		/* reworded: pairs with old 0 */
		{ "1.4.2", "phat tin bai moi thang it nhat 3 bai" },
		/* another criterion: never pairs with old 1 */
		{ "1.8", "to chuc doi thoai voi nguoi dan" },
		/* as alike to old 2 as to old 3: a tie */
		{ "3.5.2", "ra soat thu tuc hanh chinh hang quy" },
		/* below the threshold: 2·2 / (6 + 6) */
		{ "", "cap nhat phan mem mot cua" },
	};
	struct derive_pair p[4];

	derive_pair_directives(new, 4, old, 5, p);
	assert_int_equal(p[0].old, 0);
	assert_int_equal(p[0].tie_old, -1);
	assert_int_equal(p[1].old, -1);
	assert_int_equal(p[1].near, -1);
	assert_int_equal(p[2].old, -1);
	assert_int_equal(p[2].near, 2);
	assert_int_equal(p[2].tie_old, 3);
	assert_int_equal(p[3].old, -1);
	assert_int_equal(p[3].near, -1);
}

/* Two new rows as alike to one old: neither continues it. */
static void
test_pair_tie_new(void **state)
{
	const struct derive_words old[] = {
		{ "1.1", "ra soat thu tuc hanh chinh" },
	};
	const struct derive_words new[] = {
		{ "1.1", "ra soat thu tuc hanh chinh quy i" },
		{ "1.1", "ra soat thu tuc hanh chinh quy ii" },
	};
	struct derive_pair p[2];

	derive_pair_directives(new, 2, old, 1, p);
	assert_int_equal(p[0].old, -1);
	assert_int_equal(p[1].old, -1);
	assert_int_equal(p[0].near, 0);
	assert_int_equal(p[1].near, 0);
	assert_int_equal(p[0].tie_new, 1);
	assert_int_equal(p[1].tie_new, 0);
	/* At exactly the threshold, a pair: 2·1 / (1 + 3) = 1/2. */
	{
		const struct derive_words o1[] = { { "", "a" } };
		const struct derive_words n1[] = { { "", "a b c" } };

		derive_pair_directives(n1, 1, o1, 1, p);
		assert_int_equal(p[0].old, 0);
	}
}

static void
crit(struct criterion *c, const char *code, score appraised)
{
	memset(c, 0, sizeof *c);
	c->code = (char *)code;
	c->appraised = appraised;
	c->has = HAS_APPRAISED;
}

/* Same codes and at least 80 % of the appraised scores equal: agrees. */
static void
test_plan_likeness(void **state)
{
	char *codes[] = { "1.1", "1.2", "1.3", "1.4", "1.5" };
	score ap[] = { 1000, 2000, 500, 0, 1500 };
	bool has[] = { true, true, true, true, true };
	struct plan_criteria p = { 1, "P", 5, codes, ap, has };
	struct criterion rows[5];
	struct appendix a = { 0 };
	struct plan_likeness l;
	size_t i;

	a.rows = rows;
	a.nrows = 5;
	for (i = 0; i < 5; i++)
		crit(&rows[i], codes[i], ap[i]);
	rows[2].appraised = 750;	/* a correction: 4 of 5 equal */
	derive_plan_likeness(&a, &p, &l);
	assert_int_equal(l.file_codes, 5);
	assert_int_equal(l.shared, 5);
	assert_int_equal(l.equal, 4);
	assert_true(derive_plan_agrees(&l));
	rows[3].appraised = 250;	/* 3 of 5: unsure */
	derive_plan_likeness(&a, &p, &l);
	assert_false(derive_plan_agrees(&l));
	assert_true(derive_plan_close(&l));
	rows[3].appraised = 0;
	rows[4].code = "1.6";		/* another set of codes */
	derive_plan_likeness(&a, &p, &l);
	assert_int_equal(l.shared, 4);
	assert_false(derive_plan_agrees(&l));
	assert_true(derive_plan_close(&l));
	for (i = 0; i < 5; i++)
		rows[i].code = "9.9";
	derive_plan_likeness(&a, &p, &l);
	assert_false(derive_plan_close(&l));
}

static void
test_name_fold(void **state)
{
	char *a = derive_name_fold("PHỤ LỤC  KẾT QUẢ\tCCHC "),
	    *b = derive_name_fold("Phụ lục kết quả cchc");

	assert_string_equal(a, b);
	free(a);
	free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match_roles),
		cmocka_unit_test(test_leaves_points_findings),
		cmocka_unit_test(test_impossible_scores),
		cmocka_unit_test(test_directives),
		cmocka_unit_test(test_seed_roles),
		cmocka_unit_test(test_words_alike),
		cmocka_unit_test(test_pair_directives),
		cmocka_unit_test(test_pair_tie_new),
		cmocka_unit_test(test_plan_likeness),
		cmocka_unit_test(test_name_fold),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
