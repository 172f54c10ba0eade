/* SPDX-License-Identifier: ISC */
/* test_grid.c: tables of cells through the pipe from parboard-office. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Project headers before cmocka.h (its fail() macro). */
#include "appendix.h"
#include "grid.h"
#include "util.h"

#include <cmocka.h>

/* What grid_write writes, in a malloc'd buffer. */
static char *
written(const struct grid *g, size_t n, const char *text,
    const char *error, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	assert_non_null(f);
	if (error != NULL)
		assert_int_equal(grid_write_error(f, error), 0);
	else
		assert_int_equal(grid_write(f, g, n, text), 0);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static char *cells0[] = { "Mã", "Nội dung\tcó tab\nvà dòng mới", "" };
static unsigned char span0[] = { SPAN_NONE, SPAN_DOWN, SPAN_RIGHT };
static char *cells1[] = { "1.5.3", "12:3" };
static unsigned char span1[] = { SPAN_NONE, SPAN_AUTONUM };

static void
test_round_trip(void **state)
{
	struct grid_row rows[] = {
		{ cells0, span0, 3, 1 }, { cells1, span1, 2, 7 },
	};
	struct grid g[] = {
		{ NULL, 1, false, "Phụ lục", rows, 2 },
		{ "Trang 2", 2, true, NULL, NULL, 0 },
	};
	struct grid *r;
	size_t len, n, k;
	char *buf, *msg, *text;

	(void)state;
	buf = written(g, 2, NULL, NULL, &len);
	assert_int_equal(grid_read("f", buf, len, &r, &n, &text, &msg), 0);
	assert_null(text);
	grids_free(r, n);
	free(buf);
	buf = written(g, 2, "Số: 103/UBND\n\nLê Đức Kiên\n", NULL, &len);
	assert_int_equal(grid_read("f", buf, len, &r, &n, &text, &msg), 0);
	assert_string_equal(text, "Số: 103/UBND\n\nLê Đức Kiên\n");
	free(text);
	assert_int_equal(n, 2);
	assert_null(r[0].name);
	assert_int_equal(r[0].number, 1);
	assert_false(r[0].sheet);
	assert_string_equal(r[0].title, "Phụ lục");
	assert_int_equal(r[0].nrows, 2);
	assert_int_equal(r[0].rows[0].ncells, 3);
	for (k = 0; k < 3; k++) {
		assert_string_equal(r[0].rows[0].cells[k], cells0[k]);
		assert_int_equal(r[0].rows[0].span[k], span0[k]);
	}
	assert_int_equal(r[0].rows[1].row, 7);
	assert_string_equal(r[0].rows[1].cells[1], "12:3");
	assert_int_equal(r[0].rows[1].span[1], SPAN_AUTONUM);
	assert_string_equal(r[1].name, "Trang 2");
	assert_true(r[1].sheet);
	assert_null(r[1].title);
	assert_int_equal(r[1].nrows, 0);
	grids_free(r, n);
	free(buf);
}

static void
test_error(void **state)
{
	struct grid *r;
	size_t len, n;
	char *buf, *msg, *text;

	(void)state;
	buf = written(NULL, 0, NULL, "x.docx: tệp hỏng", &len);
	assert_int_equal(grid_read("f", buf, len, &r, &n, &text, &msg), 1);
	assert_null(text);
	assert_string_equal(msg, "x.docx: tệp hỏng");
	assert_null(r);
	free(msg);
	free(buf);
}

/* Every proper prefix of a stream, and every one-byte change of it that
 * breaks a count, is refused without a leak (ASan, valgrind). */
static void
test_malformed(void **state)
{
	struct grid_row rows[] = { { cells0, span0, 3, 1 } };
	struct grid g[] = { { "S", 1, true, "T", rows, 1 } };
	struct grid *r;
	size_t len, n, cut;
	char *buf, *msg, *text;
	static const char *const bad[] = {
		"", "parboard-grids 2\nE\n", "parboard-grids 1\n",
		"parboard-grids 1\nE\nE\n",
		"parboard-grids 1\nG\n1\n0\n99999999999\n-\n-\nE\n",
		"parboard-grids 1\nG\n1\n2\n0\n-\n-\nE\n",
		"parboard-grids 1\nG\n1\n0\n1\n-\n-\n1\n1\n0\n5:abc\nE\n",
		"parboard-grids 1\nG\n1\n0\n1\n-\n-\n1\n1\n0\n-\nE\n",
		"parboard-grids 1\nG\n1\n0\n1\n-\n-\n1\n1\n300\n1:a\nE\n",
		"parboard-grids 1\nX\n-\n",
		"parboard-grids 1\nX\n1:a\nE\n",
		"parboard-grids 1\nT\n-\nE\n",
		"parboard-grids 1\nT\n1:a\nT\n1:b\nE\n",
		"parboard-grids 1\nT\n1:a\nG\n1\n0\n0\n-\n-\nT\n1:b\nE\n",
	};

	(void)state;
	buf = written(g, 1, "a\nb\n", NULL, &len);
	for (cut = 0; cut < len; cut++)
		assert_int_equal(grid_read("f", buf, cut, &r, &n, &text,
		    &msg), -1);
	assert_int_equal(grid_read("f", buf, len, &r, &n, &text, &msg), 0);
	grids_free(r, n);
	free(text);
	free(buf);
	for (cut = 0; cut < sizeof bad / sizeof bad[0]; cut++) {
		assert_int_equal(grid_read("f", bad[cut], strlen(bad[cut]),
		    &r, &n, &text, &msg), -1);
		assert_null(r);
		assert_null(text);
		assert_null(msg);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_error),
		cmocka_unit_test(test_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
