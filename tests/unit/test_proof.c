/* SPDX-License-Identifier: ISC */
/* test_proof.c: a criterion's proof from its checklist, documents and
 * occurrences (proof.h), on 1.7's checklist from the seed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Project headers before cmocka.h (its fail() macro). */
#include "checklist.h"
#include "proof.h"

#include <cmocka.h>

/* 1.7: three items, at least 2 dialogues in the second half of 2023. */
static void
seven(struct checklist *c)
{
	memset(c, 0, sizeof *c);
	checklist_add(c, "Kế hoạch tổ chức diễn đàn");
	checklist_add(c, "Giấy mời/thông báo");
	checklist_add(c, "Báo cáo kết quả xử lý các kiến nghị");
	c->count = 2;
	strcpy(c->from, "2023-07-01");
	strcpy(c->to, "2023-12-31");
}

/* One biên bản, linked to the appendix task and the directive task, and
 * one dialogue (another before the period): nothing filled, 1/2. */
static void
test_missing(void **state)
{
	struct checklist c;
	struct proof p;
	struct proof_doc d[] = { { 12, DOC_BB, 0 }, { 12, DOC_BB, 0 } };
	const char *days[] = { "2023-09-29", "2023-03-01" };

	(void)state;
	seven(&c);
	proof_compute(&c, d, 2, days, 2, &p);
	assert_int_equal(p.nitems, 3);
	assert_int_equal(p.nopen, 3);
	assert_int_equal(p.fill[0], -1);
	assert_int_equal(p.count, 1);
	assert_int_equal(p.target, 2);
	assert_false(p.proved);
	proof_clear(&p);
	checklist_clear(&c);
}

/* A KH, a TB and a BC, and a second dialogue: proved.  The same document
 * twice fills one item only; a link naming an item wins. */
static void
test_proved(void **state)
{
	struct checklist c;
	struct proof p;
	struct proof_doc d[] = { { 1, DOC_KH, 0 }, { 1, DOC_KH, 0 },
	    { 2, DOC_TB, 0 }, { 3, DOC_BC, 0 } };
	struct proof_doc e[] = { { 4, DOC_BB, 3 }, { 1, DOC_KH, 0 },
	    { 3, DOC_BC, 0 } };
	const char *days[] = { "2023-09-29", "2023-11-02" };

	(void)state;
	seven(&c);
	proof_compute(&c, d, 4, days, 2, &p);
	assert_int_equal(p.nopen, 0);
	assert_int_equal(p.fill[0], 0);
	assert_int_equal(p.fill[1], 2);
	assert_int_equal(p.fill[2], 3);
	assert_int_equal(p.count, 2);
	assert_true(p.proved);
	proof_clear(&p);
	/* Every item filled, one dialogue of two: not proved. */
	proof_compute(&c, d, 4, days, 1, &p);
	assert_int_equal(p.nopen, 0);
	assert_int_equal(p.count, 1);
	assert_false(p.proved);
	proof_clear(&p);
	proof_compute(&c, e, 3, days, 1, &p);
	assert_int_equal(p.fill[2], 0);
	assert_int_equal(p.fill[0], 1);
	assert_int_equal(p.fill[1], -1);
	assert_int_equal(p.nopen, 1);
	assert_false(p.proved);
	proof_clear(&p);
	checklist_clear(&c);
}

/* An any-document item (1.5.3) takes a document of any kind, even one of
 * no known kind; none: open. */
static void
test_any(void **state)
{
	struct checklist c;
	struct proof p;
	struct proof_doc d[] = { { 5, DOC_NONE, 0 } };

	(void)state;
	memset(&c, 0, sizeof c);
	checklist_add(&c, CHECKLIST_ANY_TEXT);
	assert_int_equal(c.items[0].kinds, CHECKLIST_ANY);
	proof_compute(&c, d, 0, NULL, 0, &p);
	assert_false(p.proved);
	proof_clear(&p);
	proof_compute(&c, d, 1, NULL, 0, &p);
	assert_true(p.proved);
	assert_int_equal(p.target, 0);
	proof_clear(&p);
	checklist_clear(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_proved),
		cmocka_unit_test(test_any),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
