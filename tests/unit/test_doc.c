/* SPDX-License-Identifier: ISC */
/* test_doc.c: unit tests for src/report/doc.c — the document writer's tables,
 * lists and headings in text, markdown, html and csv. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Before cmocka.h, whose fail() macro would hide util.h's fail(). */
#include "doc.h"
#include "util.h"

#include <cmocka.h>

static const struct doc_col cols[] = {
	{ "Role", DOC_LEFT, 0, 0 }, { "N", DOC_RIGHT, 0, 2 },
	{ "Done", DOC_FIGURE, 0, 0 }, { "Last", DOC_LEFT, 0, 0 },
};
static const char *const row1[] = { "Tư pháp", "7", "3", "a|b" };
static const char *const row2[] = { "CA", "12", "10", "=1+1\x1b[2J" };

/* A document in fmt written to memory (*s once the stream is closed). */
static FILE *
begin(struct doc *d, enum format fmt, char **s, size_t *n)
{
	FILE *f = open_memstream(s, n);

	assert_non_null(f);
	doc_begin(d, fmt, f, "T");
	return f;
}

/* The table of cols with row1 and row2, written in fmt; freed by the
 * caller. */
static char *
table(enum format fmt)
{
	struct doc d;
	char *s = NULL;
	size_t n = 0;
	FILE *f = begin(&d, fmt, &s, &n);

	doc_heading(&d, 2, "Heading");
	doc_table_begin(&d, cols, 4);
	doc_row(&d, row1);
	doc_row(&d, row2);
	doc_table_end(&d);
	doc_end(&d);
	fclose(f);
	return s;
}

/* Text: a heading at the very start has no blank line before it;
 * columns as wide as their widest cell by display width (the
 * accents take no column), right or left aligned, one space apart or
 * as the column says, the last column not padded; data through text_safe. */
static void
test_table_text(void **state)
{
	char *s = table(FORMAT_TEXT);

	(void)state;
	assert_string_equal(s, "Heading\n\n"
	    "Role     N  Done Last\n"
	    "Tư pháp  7  3    a|b\n"
	    "CA      12  10   =1+1^[[2J\n");
	free(s);
}

static void
test_table_markdown(void **state)
{
	char *s = table(FORMAT_MARKDOWN);

	(void)state;
	assert_string_equal(s, "## Heading\n\n"
	    "| Role | N | Done | Last |\n"
	    "|---|---:|---:|---|\n"
	    "| Tư pháp | 7 | 3 | a\\|b |\n"
	    "| CA | 12 | 10 | =1+1^\\[\\[2J |\n");
	free(s);
}

/* Html: a page, the figures' cells right-aligned, data escaped. */
static void
test_table_html(void **state)
{
	char *s = table(FORMAT_HTML);

	(void)state;
	assert_non_null(strstr(s, "<!DOCTYPE html>"));
	assert_non_null(strstr(s, "<h2>Heading</h2>\n<table>\n"
	    "<tr><th>Role</th><th class=\"n\">N</th><th class=\"n\">Done</th>"
	    "<th>Last</th></tr>\n"
	    "<tr><td>Tư pháp</td><td class=\"n\">7</td>"
	    "<td class=\"n\">3</td><td>a|b</td></tr>\n"));
	assert_non_null(strstr(s, "</table>\n"));
	assert_non_null(strstr(s, "</html>"));
	free(s);
}

/* Csv: the byte order mark and the table alone; a formula neutralised. */
static void
test_table_csv(void **state)
{
	char *s = table(FORMAT_CSV);

	(void)state;
	assert_string_equal(s, "\xef\xbb\xbfRole,N,Done,Last\r\n"
	    "Tư pháp,7,3,a|b\r\n"
	    "CA,12,10,\"'=1+1^[[2J\"\r\n");
	free(s);
}

/* Title, meta line, headings and a list: a text sub-heading is indented
 * with no blank line around it; every other heading has one either
 * side. */
static char *
outline(enum format fmt, bool empty)
{
	struct doc d;
	char *s = NULL;
	size_t n = 0;
	FILE *f = begin(&d, fmt, &s, &n);

	doc_heading(&d, 1, "T");
	doc_meta(&d, "M");
	doc_heading(&d, 2, "S");
	doc_heading(&d, 3, "x");
	doc_list_begin(&d, 2, false);
	if (!empty)
		doc_item(&d, "i & <j>");
	doc_list_end(&d);
	doc_heading(&d, 2, "R");
	doc_end(&d);
	fclose(f);
	return s;
}

static void
test_outline(void **state)
{
	char *s;

	(void)state;
	s = outline(FORMAT_TEXT, false);
	assert_string_equal(s, "T\n\nM\n\nS\n  x\n    i & <j>\n\nR\n\n");
	free(s);
	s = outline(FORMAT_TEXT, true);
	assert_string_equal(s, "T\n\nM\n\nS\n  x\n    (none)\n\nR\n\n");
	free(s);
	s = outline(FORMAT_MARKDOWN, false);
	assert_string_equal(s, "# T\n\nM\n\n## S\n\n### x\n\n- i & \\<j>\n\n"
	    "## R\n\n");
	free(s);
	s = outline(FORMAT_HTML, false);
	assert_non_null(strstr(s, "<h1>T</h1>\n<p class=\"meta\">M</p>\n"
	    "<h2>S</h2>\n<h3>x</h3>\n<ul>\n<li>i &amp; &lt;j&gt;</li>\n"
	    "</ul>\n<h2>R</h2>\n"));
	free(s);
	s = outline(FORMAT_HTML, true);
	assert_non_null(strstr(s, "<h3>x</h3>\n<p class=\"none\">(none)</p>\n"
	    "<h2>R</h2>\n"));
	free(s);
	s = outline(FORMAT_CSV, false);
	assert_string_equal(s, "\xef\xbb\xbf");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_text),
		cmocka_unit_test(test_table_markdown),
		cmocka_unit_test(test_table_html),
		cmocka_unit_test(test_table_csv),
		cmocka_unit_test(test_outline),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
