/* SPDX-License-Identifier: ISC */
/* test_appendix.c: the seed document, its NFD, CRLF and CSV variants, the
 * directives sample and every broken input in tests/data. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Project headers before cmocka.h, whose fail() macro would clash with
 * util.h's fail(). */
#include "appendix.h"
#include "util.h"

#include <cmocka.h>

#define SEED SRCDATADIR "/samples/hien-thanh-103-2023.txt"
#define DIRECTIVES SRCDATADIR "/samples/hien-thanh-directives.tsv"
#define DATA SRCDATADIR "/../tests/data/"

/* Number of criteria rows of the seed's appendix, counted by hand: 1.1.3,
 * 1.4.1, 1.4.2, 1.5.1, 1.5.3, 1.5.4, 1.7, 3.5.2, 3.11.1, 3.12, 3.12.1,
 * 3.12.2, 3.13, 3.13.2, 3.13.3 (the Tổng điểm row is the total). */
#define SEED_ROWS 15

static struct appendix *
read_ok(const char *path)
{
	struct appendix *a = NULL;
	char *err = NULL;

	if (appendix_read(path, &a, &err) != 0) {
		print_error("%s\n", err);
		free(err);
		fail_msg("cannot parse %s", path);
	}
	assert_non_null(a);
	return a;
}

static const struct criterion *
find(const struct appendix *a, const char *code)
{
	size_t i;

	for (i = 0; i < a->nrows; i++) {
		if (strcmp(a->rows[i].code, code) == 0)
			return &a->rows[i];
	}
	fail_msg("no criterion %s", code);
	return NULL;
}

static bool
ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);

	return n >= m && strcmp(s + n - m, tail) == 0;
}

static void
test_seed(void **state)
{
	struct appendix *a = read_ok(SEED);
	const struct criterion *c;
	size_t i;

	assert_int_equal(a->kind, APPENDIX_CRITERIA);
	assert_string_equal(a->file, SEED);
	assert_string_equal(a->title, "PHỤ LỤC KẾT QUẢ ĐÁNH GIÁ CCHC XÃ HIỀN "
	    "THÀNH 6 THÁNG ĐẦU NĂM 2023 VÀ BIỆN PHÁP KHẮC PHỤC");
	assert_int_equal(a->nrows, SEED_ROWS);
	assert_true(a->has_total);
	assert_null(a->total.code);
	assert_string_equal(a->total.title, "Tổng điểm");
	assert_int_equal(a->total.standard, 100000);
	assert_int_equal(a->total.self, 77000);
	assert_int_equal(a->total.appraised, 69820);
	assert_int_equal(a->total.deduction, 7820);
	assert_int_equal(a->total.line, 133);
	assert_int_equal(a->total.has,
	    HAS_STANDARD | HAS_SELF | HAS_APPRAISED | HAS_DEDUCTION);

	/* File order and first source lines. */
	{
		static const char *codes[SEED_ROWS] = { "1.1.3", "1.4.1",
		    "1.4.2", "1.5.1", "1.5.3", "1.5.4", "1.7", "3.5.2",
		    "3.11.1", "3.12", "3.12.1", "3.12.2", "3.13", "3.13.2",
		    "3.13.3" };
		static const int lines[SEED_ROWS] = { 108, 110, 111, 113, 114,
		    115, 118, 119, 122, 123, 124, 129, 130, 131, 132 };

		for (i = 0; i < SEED_ROWS; i++) {
			assert_string_equal(a->rows[i].code, codes[i]);
			assert_int_equal(a->rows[i].line, lines[i]);
		}
	}

	/* Rows split by page breaks are joined, blank lines between. */
	c = find(a, "1.5.4");
	assert_true(ends_with(c->title, "trong thực hiện CCHC trong năm của "
	    "xã, phường, thị trấn)"));
	assert_int_equal(c->deduction, -1500);
	c = find(a, "3.12.1");
	assert_string_equal(c->title,
	    "Tỷ lệ TTHC có phát sinh giao dịch thanh toán trực tuyến");
	assert_true(ends_with(c->assignee, "trả kết quả thực hiện trong 6 "
	    "tháng cuối năm"));
	c = find(a, "3.5.2");
	assert_true(ends_with(c->comment,
	    "(đề nghị bổ sung đầy đủ trong năm)"));
	assert_true(ends_with(c->title, "gắn với Quy chế làm việc và Quy chế "
	    "thi đua, khen thưởng của cơ quan hàng năm"));

	/* Numbers both ways: "-0,07", "0.69", "- 0,5", "1.4". */
	c = find(a, "3.13");
	assert_int_equal(c->deduction, -70);
	assert_int_equal(c->appraised, 2330);
	assert_int_equal(find(a, "3.13.2")->appraised, 690);
	assert_int_equal(find(a, "3.13.2")->deduction, -210);
	assert_int_equal(find(a, "1.4.1")->deduction, -500);
	c = find(a, "1.1.3");
	assert_int_equal(c->standard, 2000);
	assert_int_equal(c->self, 2000);
	assert_int_equal(c->appraised, 1400);
	assert_int_equal(c->deduction, -600);
	assert_string_equal(c->title, "Mức độ thực hiện kế hoạch CCHC");

	/* Markup reduced to plain text. */
	c = find(a, "1.7");
	assert_non_null(strstr(c->comment, "Tài liệu Kiểm chứng"));
	assert_null(strchr(c->comment, '<'));
	assert_null(strchr(c->title, '<'));
	c = find(a, "3.11.1");
	assert_non_null(strstr(c->comment, "b/a=164/739=0,22<0,7"));
	assert_null(strchr(c->comment, '$'));
	assert_string_equal(c->assignee, "- Giao cho Công chức chuyên môn ở "
	    "bộ phận tiếp nhận và trả kết quả thực hiện trong 6 tháng cuối "
	    "năm");
	c = find(a, "1.5.1");
	assert_string_equal(c->assignee, "Cán bộ, công chức");
	/* Empty cells are empty strings, never NULL. */
	assert_string_equal(find(a, "3.12")->comment, "");
	for (i = 0; i < a->nrows; i++) {
		assert_int_equal(a->rows[i].has, HAS_STANDARD | HAS_SELF |
		    HAS_APPRAISED | HAS_DEDUCTION);
		assert_null(strchr(a->rows[i].title, '<'));
		assert_null(strchr(a->rows[i].title, '*'));
	}
	appendix_free(a);
}

static void
same_criterion(const struct criterion *x, const struct criterion *y)
{
	if (x->code == NULL)
		assert_null(y->code);
	else
		assert_string_equal(x->code, y->code);
	assert_string_equal(x->title, y->title);
	assert_string_equal(x->comment, y->comment);
	assert_string_equal(x->assignee, y->assignee);
	assert_int_equal(x->standard, y->standard);
	assert_int_equal(x->self, y->self);
	assert_int_equal(x->appraised, y->appraised);
	assert_int_equal(x->deduction, y->deduction);
	assert_int_equal(x->has, y->has);
}

static void
same_rows(const struct appendix *a, const struct appendix *b,
    bool same_lines)
{
	size_t i;

	assert_int_equal(a->nrows, b->nrows);
	assert_int_equal(a->has_total, b->has_total);
	for (i = 0; i < a->nrows; i++) {
		same_criterion(&a->rows[i], &b->rows[i]);
		if (same_lines)
			assert_int_equal(a->rows[i].line, b->rows[i].line);
	}
	if (a->has_total)
		same_criterion(&a->total, &b->total);
}

/* The NFD copy gives byte-identical NFC fields. */
static void
test_nfd(void **state)
{
	struct appendix *a = read_ok(SEED), *b = read_ok(DATA "appendix-nfd.txt");

	assert_string_equal(a->title, b->title);
	same_rows(a, b, true);
	appendix_free(a);
	appendix_free(b);
}

/* The bare CRLF table and the CSV export (BOM, other column order, quoted
 * multi-line cells) give the seed's rows. */
static void
test_crlf_and_csv(void **state)
{
	struct appendix *seed = read_ok(SEED);
	struct appendix *t = read_ok(DATA "appendix-crlf.tsv");
	struct appendix *c = read_ok(DATA "appendix.csv");
	size_t i;

	assert_null(t->title);
	assert_null(c->title);
	same_rows(seed, t, false);
	same_rows(t, c, false);
	/* The bare table is the seed's lines 107–133. */
	for (i = 0; i < t->nrows; i++)
		assert_int_equal(t->rows[i].line, seed->rows[i].line - 106);
	assert_int_equal(t->total.line, 27);
	/* CSV rows start where their record starts: 1.7's comment spans
	 * lines 10–13, so 3.5.2 is on line 14. */
	assert_int_equal(find(c, "1.1.3")->line, 2);
	assert_int_equal(find(c, "1.4.1")->line, 3);
	assert_int_equal(find(c, "1.4.2")->line, 5);
	assert_int_equal(find(c, "1.7")->line, 10);
	assert_int_equal(find(c, "3.5.2")->line, 14);
	assert_int_equal(c->total.line, 22);
	assert_non_null(strchr(find(c, "1.7")->comment, '\n'));
	assert_null(strchr(find(c, "1.7")->comment, '\r'));
	appendix_free(seed);
	appendix_free(t);
	appendix_free(c);
}

static void
test_directives(void **state)
{
	struct appendix *a = read_ok(DIRECTIVES);
	const struct directive *d;
	size_t i, nchung = 0, nmttq = 0;

	assert_int_equal(a->kind, APPENDIX_DIRECTIVES);
	assert_null(a->title);
	assert_int_equal(a->nrows, 0);
	assert_int_equal(a->ndirs, 18);
	for (i = 0; i < a->ndirs; i++) {
		d = &a->dirs[i];
		assert_int_equal(d->line, (int)i + 2);
		assert_non_null(d->role);
		assert_non_null(d->task);
		if (strcmp(d->role, "CHUNG") == 0)
			nchung++;
		if (strcmp(d->role, "Mặt trận Tổ quốc") == 0)
			nmttq++;
	}
	assert_int_equal(nchung, 3);
	assert_int_equal(nmttq, 3);
	d = &a->dirs[0];
	assert_string_equal(d->code, "1.5.1");
	assert_null(d->due);
	assert_true(d->ongoing);	/* "thường xuyên" */
	assert_null(d->target);
	assert_null(a->dirs[1].code);	/* document workflow: no criterion */
	assert_false(a->dirs[3].ongoing);
	assert_string_equal(a->dirs[3].due, "2023-12-31");
	d = &a->dirs[7];
	assert_string_equal(d->role, "VP-TK");
	assert_string_equal(d->code, "3.5.2");
	d = &a->dirs[9];		/* several criteria, comma separated */
	assert_string_equal(d->code, "3.13.3,3.12.1,3.12.2");
	d = &a->dirs[12];
	assert_string_equal(d->role, "TP-HT");
	assert_string_equal(d->due, "2023-12-31");
	assert_string_equal(d->target, "1 cuộc");
	d = &a->dirs[16];
	assert_string_equal(d->role, "DTT");
	assert_string_equal(d->code, "1.4.2");
	assert_string_equal(d->target, "3 bài");
	assert_string_equal(d->every, "tháng");
	d = &a->dirs[17];
	assert_string_equal(d->role, "CA");
	assert_string_equal(d->code, "1.7");
	assert_string_equal(d->target, "1 cuộc");
	appendix_free(a);
}

/* The call fails and the message is exactly "FILE:LINE: what…". */
static void
expect_error(const char *path, const char *data, size_t len, int line,
    const char *what)
{
	struct appendix *a = (struct appendix *)1;
	char *err = NULL, *want;
	int rc;

	if (data != NULL)
		rc = appendix_parse(path, data, len, &a, &err);
	else
		rc = appendix_read(path, &a, &err);
	assert_int_equal(rc, -1);
	assert_null(a);
	assert_non_null(err);
	want = xasprintf("%s:%d: %s", path, line, what);
	if (strncmp(err, want, strlen(want)) != 0)
		fail_msg("expected \"%s...\", got \"%s\"", want, err);
	free(want);
	free(err);
}

static void
test_broken_files(void **state)
{
	expect_error(DATA "empty.tsv", NULL, 0, 1, "empty file");
	expect_error(DATA "binary.tsv", NULL, 0, 3, "binary data");
	expect_error(DATA "invalid-utf8.tsv", NULL, 0, 5, "invalid UTF-8");
	expect_error(DATA "bad-number.tsv", NULL, 0, 8,
	    "bad number 'abc' in column ĐIỂM THẨM ĐỊNH");
	expect_error(DATA "missing-column.tsv", NULL, 0, 1,
	    "missing column ĐIỂM THẨM ĐỊNH");
	expect_error(DATA "truncated.tsv", NULL, 0, 2,
	    "truncated row: missing ĐIỂM THẨM ĐỊNH");
	expect_error(DATA "directives-bad-date.tsv", NULL, 0, 3,
	    "bad date '31/02/2023' in column due");
}

static void
test_unreadable(void **state)
{
	struct appendix *a = NULL;
	char *err = NULL;

	assert_int_equal(appendix_read(DATA "no-such-file.tsv", &a, &err), -1);
	assert_null(a);
	assert_non_null(strstr(err, "no-such-file.tsv: "));
	free(err);
}

#define S(lit) lit, sizeof lit - 1
#define HDR "STT\tTiêu chí\tĐiểm chuẩn\tĐiểm thẩm định\n"

static void
test_broken_inline(void **state)
{
	struct buf b = { 0 };
	size_t i;

	expect_error("ws.tsv", S(" \r\n\t\n\n"), 1, "empty file");
	expect_error("bom.tsv", S("\xef\xbb\xbf\n"), 1, "empty file");
	expect_error("ctl.tsv", S("a\x01\x02\x03\nb\x04\x05\n"), 1,
	    "binary data");
	expect_error("prose.txt", S("Kính gửi:\nCán bộ, công chức\n"), 1,
	    "no appendix or directives header found");
	expect_error("cols.tsv", S("stt\tTiêu chí\tĐiểm chuẩn\n1.1\tA\t1\n"),
	    1, "missing column ĐIỂM THẨM ĐỊNH");
	expect_error("norows.tsv", S(HDR "\n\n"), 1,
	    "header but no rows below it");
	expect_error("cont.tsv", S(HDR "\tmore title\n"), 2,
	    "continuation line with no row above it");
	/* A continuation may not give a score its row already has. */
	expect_error("twice.tsv", S(HDR "1.1\tA\t1\t1\n\n\tB\t2\n"), 4,
	    "continuation line gives ĐIỂM CHUẨN again");
	expect_error("missing.tsv", S(HDR "1.1\tA\t\t1\n1.2\tB\t1\t1\n"), 2,
	    "missing ĐIỂM CHUẨN");
	expect_error("total.tsv", S(HDR "1.1\tA\t1\t1\nTổng\t\t1\t1\n"
	    "Tổng điểm\t\t1\t1\n"), 4, "a second total row");
	expect_error("dir.tsv", S("role\ttask\tdue\nCA\t\t\n"), 2,
	    "missing task");
	expect_error("dirhdr.tsv", S("criterion\ttask\nCA\tx\n"), 1,
	    "missing column role");
	expect_error("q.csv", S("STT,Tiêu chí,Điểm chuẩn,Điểm thẩm định\n"
	    "1.1,\"A\n"), 2, "CSV: quoted field not closed");
	expect_error("q2.csv", S("STT,Tiêu chí,Điểm chuẩn,Điểm thẩm định\n"
	    "1.1,A\"b,1,1\n"), 2, "CSV:");

	/* A line over APPENDIX_MAX_LINE, built here rather than shipped. */
	buf_adds(&b, HDR "1.1\t");
	for (i = 0; i <= APPENDIX_MAX_LINE; i += 8)
		buf_adds(&b, "Tiêu chí");
	buf_adds(&b, "\t1\t1\n");
	expect_error("long.tsv", b.data, b.len, 2, "line too long");
	buf_free(&b);
}

static struct appendix *
parse_ok(const char *data, size_t len)
{
	struct appendix *a = NULL;
	char *err = NULL;

	if (appendix_parse("t", data, len, &a, &err) != 0) {
		print_error("%s\n", err);
		free(err);
		fail_msg("cannot parse");
	}
	return a;
}

static void
test_variants(void **state)
{
	struct appendix *a;

	/* Old Mac line ends, a short row padded, prose after the table
	 * ends it. */
	a = parse_ok(S("# **Phụ lục**\r\rSTT\tTIÊU CHÍ\tĐIỂM CHUẨN\t"
	    "ĐIỂM THẨM ĐỊNH\tĐIỂM TỰ ĐÁNH GIÁ\r1.1\tA\t2,00\t1.5\r"
	    "1.2\tC\t1\t- 0,25\rGhi chú: hết\r9.9\tX\t1\t1\r"));
	assert_string_equal(a->title, "Phụ lục");
	assert_int_equal(a->nrows, 2);
	assert_string_equal(a->rows[0].title, "A");
	assert_int_equal(a->rows[0].standard, 2000);
	assert_int_equal(a->rows[0].appraised, 1500);
	assert_int_equal(a->rows[0].has, HAS_STANDARD | HAS_APPRAISED);
	assert_int_equal(a->rows[1].appraised, -250);
	assert_int_equal(a->rows[1].line, 5);
	assert_false(a->has_total);
	appendix_free(a);

	/* A stray CR inside a CRLF line is a space. */
	a = parse_ok(S(HDR "1.1\tA\rB\t1\t1\r\n"));
	assert_string_equal(a->rows[0].title, "A B");
	assert_null(a->title);
	appendix_free(a);

	/* A score missing on the first half of a split row comes from the
	 * continuation line. */
	a = parse_ok(S(HDR "1.1\tA\t1\n\n\tB\t\t0,5\n"));
	assert_int_equal(a->nrows, 1);
	assert_int_equal(a->rows[0].appraised, 500);
	assert_string_equal(a->rows[0].title, "A B");
	appendix_free(a);

	/* Directives in Vietnamese, CSV, RFC 4180 quotes; codes lose
	 * spaces; dates in Vietnamese order. */
	a = parse_ok(S("Vai trò,Tiêu chí,Nhiệm vụ,Hạn,Chỉ tiêu,Chu kỳ\r\n"
	    "DTT, 1.4.2 ,\"Phát \"\"tin\"\", bài\",31/10/2023,3 bài,tháng\r\n"
	    "\r\n"
	    "CA,,\"Đối thoại\r\nvới dân\",,,\r\n"));
	assert_int_equal(a->kind, APPENDIX_DIRECTIVES);
	assert_int_equal(a->ndirs, 2);
	assert_string_equal(a->dirs[0].code, "1.4.2");
	assert_string_equal(a->dirs[0].task, "Phát \"tin\", bài");
	assert_string_equal(a->dirs[0].due, "2023-10-31");
	assert_string_equal(a->dirs[1].task, "Đối thoại\nvới dân");
	assert_null(a->dirs[1].code);
	assert_null(a->dirs[1].every);
	assert_int_equal(a->dirs[1].line, 4);
	assert_false(a->dirs[0].ongoing);
	assert_false(a->dirs[1].ongoing);
	appendix_free(a);

	/* A continuing duty: "thường xuyên" (any case, tone marks) or
	 * "ongoing", no due date; several criteria kept as written. */
	a = parse_ok(S("role\tcriterion\ttask\tdue\n"
	    "CHUNG\t1.5.1\tKhông để chậm nộp báo cáo\tThường Xuyên\n"
	    "TP-HT\t3.13.3, 3.12.1,3.12.2\tThanh toán trực tuyến\tongoing\n"));
	assert_int_equal(a->ndirs, 2);
	assert_true(a->dirs[0].ongoing);
	assert_null(a->dirs[0].due);
	assert_true(a->dirs[1].ongoing);
	assert_string_equal(a->dirs[1].code, "3.13.3,3.12.1,3.12.2");
	appendix_free(a);
}

/* Other wordings of the columns, and the numbering forms. */
static void
test_wordings_numbering(void **state)
{
	struct appendix *a;

	/* The example: TT, Điểm tối đa, Điểm bị trừ, Lý do trừ
	 * điểm, Đơn vị/người chịu trách nhiệm; Roman fields. */
	a = read_ok(DATA "example.tsv");
	assert_int_equal(a->nrows, 4);
	assert_string_equal(a->rows[0].code, "I");
	assert_string_equal(a->rows[0].path, "I");
	assert_string_equal(a->rows[1].code, "1");
	assert_string_equal(a->rows[1].path, "I.1");
	assert_int_equal(a->rows[2].standard, 2000);
	assert_int_equal(a->rows[2].appraised, 1500);
	assert_int_equal(a->rows[2].deduction, 500);
	assert_string_equal(a->rows[2].comment, "Chưa đa dạng hình thức");
	assert_string_equal(a->rows[3].assignee,
	    "Công chức Địa chính - Xây dựng");
	appendix_free(a);

	/* Repeated numbers become paths; letters go under the criterion
	 * above; "I." and "a)" lose their punctuation. */
	a = parse_ok(S("Số TT\tNội dung\tThang điểm\tKết quả thẩm định\t"
	    "Điểm trừ\tNhận xét\tBộ phận thực hiện\n"
	    "I.\tA\t3\t2\t1\t\t\n1.\tB\t3\t2\t1\t\t\n"
	    "II.\tC\t4\t3\t1\t\t\n1.\tD\t4\t3\t1\t\t\n"
	    "a)\tE\t2\t1\t1\tx\tVăn phòng\n2\tF\t0\t0\t0\t\t\n"));
	assert_int_equal(a->nrows, 6);
	assert_string_equal(a->rows[0].code, "I");
	assert_string_equal(a->rows[1].code, "I.1");
	assert_string_equal(a->rows[2].code, "II");
	assert_string_equal(a->rows[3].code, "II.1");
	assert_string_equal(a->rows[4].code, "a");
	assert_string_equal(a->rows[4].path, "II.1.a");
	assert_string_equal(a->rows[4].comment, "x");
	assert_string_equal(a->rows[4].assignee, "Văn phòng");
	assert_string_equal(a->rows[5].code, "2");
	assert_string_equal(a->rows[5].path, "II.2");
	appendix_free(a);

	/* The seed's deduction header names two other columns after its
	 * own: it is still the deduction. */
	a = parse_ok(S("STT\tTIÊU CHÍ\tĐIỂM CHUẨN\tĐIỂM THẨM ĐỊNH\t"
	    "ĐIỂM TRỪ SO VỚI ĐIỂM THẨM ĐỊNH VÀ ĐIỂM CHUẨN\n1.1\tA\t2\t1\t-1\n"));
	assert_int_equal(a->rows[0].standard, 2000);
	assert_int_equal(a->rows[0].appraised, 1000);
	assert_int_equal(a->rows[0].deduction, -1000);
	appendix_free(a);

	/* The configuration's words. */
	expect_error("w.tsv", S("STT\tTiêu chí\tĐiểm quy định\t"
	    "Điểm thẩm định\n1\tA\t1\t1\n"), 1,
	    "missing column ĐIỂM CHUẨN");
	appendix_add_words(appendix_column_id("standard"), "Điểm quy định");
	a = parse_ok(S("STT\tTiêu chí\tĐiểm quy định\tĐiểm thẩm định\n"
	    "1\tA\t1\t1\n"));
	assert_int_equal(a->rows[0].standard, 1000);
	appendix_free(a);
	appendix_add_words(0, NULL);
	assert_int_equal(appendix_column_id("nope"), -1);
}

/* A grid as an office reader makes it. */
static struct grid_row
grow(int row, const char *const *cells, const unsigned char *span, size_t n)
{
	struct grid_row r = { 0 };
	size_t k;

	r.cells = xcalloc(n, sizeof *r.cells);
	r.span = xcalloc(n, 1);
	for (k = 0; k < n; k++) {
		r.cells[k] = xstrdup(cells[k]);
		r.span[k] = span ? span[k] : SPAN_NONE;
	}
	r.ncells = n;
	r.row = row;
	return r;
}

static void
test_grids(void **state)
{
	static const char *const hdr[] = { "STT", "Tiêu chí", "Điểm chuẩn",
	    "Điểm thẩm định", "Người thực hiện chính" };
	static const char *const r1[] = { "1.1", "A", "2", "1", "Văn phòng" };
	/* Row split over two table rows: code merged down (the reader
	 * repeated "1.1"); the assignment merged down too. */
	static const char *const r2[] = { "1.1", "more", "", "", "Văn phòng" };
	static const unsigned char s2[] = { SPAN_DOWN, 0, 0, 0, SPAN_DOWN };
	/* A new row sharing the assignment cell above; a title spanning
	 * the standard column. */
	static const char *const r3[] = { "1.2", "B", "1", "0", "Văn phòng" };
	static const unsigned char s3[] = { 0, 0, 0, 0, SPAN_DOWN };
	static const char *const r4[] = { "Tổng", "Tổng", "3", "1", "" };
	static const unsigned char s4[] = { 0, SPAN_RIGHT, 0, 0, 0 };
	static const char *const r5[] = { "x", "", "", "", "" };
	static const unsigned char s5[] = { SPAN_AUTONUM, 0, 0, 0, 0 };
	struct grid *g = xcalloc(2, sizeof *g);
	struct appendix *a = NULL;
	char *err = NULL;

	g[0].number = 1;
	g[0].rows = xcalloc(1, sizeof *g[0].rows);
	g[0].rows[0] = grow(1, r1, NULL, 5);
	g[0].nrows = 1;
	g[1].number = 2;
	g[1].title = xstrdup("PHỤ LỤC\nKẾT QUẢ");
	g[1].rows = xcalloc(6, sizeof *g[1].rows);
	g[1].rows[0] = grow(1, hdr, NULL, 5);
	g[1].rows[1] = grow(2, r1, NULL, 5);
	g[1].rows[2] = grow(3, r2, s2, 5);
	g[1].rows[3] = grow(4, r3, s3, 5);
	g[1].rows[4] = grow(5, r4, s4, 5);
	g[1].nrows = 5;
	assert_int_equal(appendix_parse_grids("t.docx", g, 2, &a, &err), 0);
	assert_string_equal(a->taken, "table 2");
	assert_int_equal(a->ntables, 2);
	assert_string_equal(a->title, "PHỤ LỤC KẾT QUẢ");
	assert_int_equal(a->nrows, 2);
	assert_string_equal(a->rows[0].title, "A more");
	assert_string_equal(a->rows[0].assignee, "Văn phòng");
	assert_string_equal(a->rows[1].assignee, "Văn phòng");
	assert_true(a->has_total);
	assert_string_equal(a->total.title, "Tổng");
	appendix_free(a);

	/* An auto-numbered code cell Word's numbering does not compute. */
	g[1].rows[5] = grow(6, r5, s5, 5);
	g[1].nrows = 6;
	assert_int_equal(appendix_parse_grids("t.docx", g, 2, &a, &err), -1);
	assert_non_null(strstr(err, "t.docx: table 2, row 6: column STT is "
	    "numbered automatically by Word (format \"x\")"));
	free(err);

	/* As a sheet: errors name sheet, row and column. */
	g[1].sheet = true;
	g[1].name = xstrdup("Phụ lục");
	free(g[1].rows[3].cells[3]);
	g[1].rows[3].cells[3] = xstrdup("abc");
	g[1].nrows = 4;
	err = NULL;
	assert_int_equal(appendix_parse_grids("t.xlsx", g, 2, &a, &err), -1);
	assert_string_equal(err, "t.xlsx: sheet Phụ lục, row 4, column D: bad "
	    "number 'abc' in column ĐIỂM THẨM ĐỊNH");
	free(err);

	/* No header anywhere: the rows seen and the columns not found. */
	err = NULL;
	assert_int_equal(appendix_parse_grids("t.xlsx", g, 1, &a, &err), -1);
	assert_non_null(strstr(err, "header rows seen: table 1, row 1: "
	    "\"1.1 | A | 2 | 1 | Văn phòng\"; columns not found: STT,"));
	free(err);
	g[1].nrows = 6;
	grids_free(g, 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed),
		cmocka_unit_test(test_nfd),
		cmocka_unit_test(test_crlf_and_csv),
		cmocka_unit_test(test_directives),
		cmocka_unit_test(test_broken_files),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_broken_inline),
		cmocka_unit_test(test_variants),
		cmocka_unit_test(test_wordings_numbering),
		cmocka_unit_test(test_grids),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
