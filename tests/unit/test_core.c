/* SPDX-License-Identifier: ISC */
/* test_core.c: the use cases of core.h on a real database — who may,
 * done only with a document, the first tick and untick's period, undo of
 * one's own change — as the command line and the board both run them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Before cmocka.h, whose fail() macro would hide util.h's fail(). */
#include "core.h"
#include "date.h"
#include "i18n.h"
#include "store.h"
#include "util.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "store_fixture.h"

/* lan, of role CA only, on an office with a users setting. */
static char lan_name[] = "lan", ca_role[] = "CA";
static char *ca_roles[] = { ca_role };
static const struct perm lan = {
	.account = lan_name, .actor = lan_name, .roles = ca_roles,
	.nroles = 1,
};

/* The task of key ("D:1.7/CA#1"): the plan's directive tasks share a
 * code and role with the appendix's. */
static long
by_key(struct store *s, long plan, const char *key)
{
	struct filter f = { NULL, -1, false, NULL, NULL };
	struct task *t;
	char *err = NULL;
	size_t n, i;
	long id = -1;

	assert_int_equal(store_tasks(s, plan, &f, &t, &n, &err), 0);
	for (i = 0; i < n; i++)
		if (t[i].key != NULL && strcmp(t[i].key, key) == 0)
			id = t[i].id;
	tasks_free(t, n);
	assert_true(id > 0);
	return id;
}

/* rc is a refusal that says why; *err freed for the next call. */
static void
refused(int rc, char **err)
{
	assert_int_equal(rc, CORE_REFUSED);
	assert_non_null(*err);
	free(*err);
	*err = NULL;
}

static enum status
status_of(struct store *s, long id)
{
	struct task t = get(s, id);
	enum status st = t.status;

	task_clear(&t);
	return st;
}

/* The fixture, and in its plan the tasks 1.1 of VP-TK and 1.7 of CA. */
static struct store *
fixture_vp_ca(long *plan, long *vp, long *ca)
{
	struct store *s = fixture(plan);

	*vp = find(s, *plan, "1.1/VP-TK");
	*ca = find(s, *plan, "1.7/CA");
	return s;
}

static void
test_refused(void **state)
{
	long plan, vp, ca;
	struct store *s = fixture_vp_ca(&plan, &vp, &ca);
	char *err = NULL;

	(void)state;
	assert_int_equal(core_set_status(s, &lan, vp, STATUS_DOING, NULL,
	    NULL, &err), CORE_REFUSED);
	assert_non_null(strstr(err, "lan may not change the status of a "
	    "VP-TK task"));
	free(err);
	err = NULL;
	assert_int_equal(status_of(s, vp), STATUS_TODO);
	refused(core_set_due(s, &lan, ca, "2023-12-01", NULL, NULL, &err),
	    &err);
	refused(core_may_add(&lan, "VP-TK", &err), &err);
	/* Its own role's task, and a note on anyone's. */
	assert_int_equal(core_set_status(s, &lan, ca, STATUS_DOING, NULL,
	    NULL, &err), CORE_OK);
	assert_int_equal(status_of(s, ca), STATUS_DOING);
	assert_int_equal(core_note(s, &lan, vp, "note", "hỏi lại", &err),
	    CORE_OK);
	refused(core_note(s, &lan, vp, "evidence", "x", &err), &err);
	store_close(s);
}

static void
test_done_needs_document(void **state)
{
	struct core_opts o = { .explain = "Chưa có biên bản" };
	struct evidence e = { .number = "158/BC-UBND", .day = "2023-09-12" };
	struct core_result r = { .row = -1 }, ra = { .row = -1 };
	struct task t;
	long plan, a, b;
	struct store *s = fixture_vp_ca(&plan, &a, &b);
	char *err = NULL;

	(void)state;
	assert_int_equal(core_set_status(s, NULL, a, STATUS_DONE, NULL, NULL,
	    &err), CORE_UNPROVED);
	assert_int_equal(status_of(s, a), STATUS_TODO);
	assert_int_equal(core_set_status(s, NULL, a, STATUS_DONE, &o, NULL,
	    &err), CORE_OK);
	assert_int_equal(status_of(s, a), STATUS_DONE);
	/* With a document, no explanation needed; not by another role. */
	refused(core_evidence_add(s, &lan, &a, 1, &e, &r, &err), &err);
	assert_int_equal(core_evidence_add(s, &lan, &b, 1, &e, &r, &err),
	    CORE_OK);
	assert_true(r.id > 0);
	assert_int_equal(core_set_status(s, &lan, b, STATUS_DONE, NULL, NULL,
	    &err), CORE_OK);
	assert_int_equal(status_of(s, b), STATUS_DONE);
	/* The same number and date again: that document, nothing written;
	 * linked instead. */
	assert_int_equal(core_evidence_add(s, NULL, &a, 1, &e, &ra, &err),
	    CORE_DUPLICATE);
	assert_int_equal(ra.id, r.id);
	t = get(s, a);
	assert_int_equal(t.nevidence, 0);
	task_clear(&t);
	refused(core_evidence_link(s, &lan, plan, r.id, &a, 1, 0, NULL,
	    &err), &err);
	assert_int_equal(core_evidence_link(s, NULL, plan, r.id, &a, 1, 0,
	    NULL, &err), CORE_OK);
	assert_int_equal(core_evidence_link(s, NULL, plan, r.id, &b, 1, 0,
	    &ra, &err), CORE_NONE);
	assert_int_equal(ra.id, b);
	free(err);
	err = NULL;
	/* Removing it: every task it proves must be the user's. */
	refused(core_evidence_remove(s, &lan, plan, r.id, &err), &err);
	t = get(s, a);
	assert_int_equal(t.nevidence, 1);
	task_clear(&t);
	assert_int_equal(core_evidence_remove(s, &lan, plan, r.id + 1, &err),
	    CORE_NONE);
	free(err);
	err = NULL;
	assert_int_equal(core_evidence_unlink(s, NULL, plan, r.id, a, &err),
	    CORE_OK);
	assert_int_equal(core_evidence_unlink(s, NULL, plan, r.id, a, &err),
	    CORE_NONE);
	free(err);
	err = NULL;
	assert_int_equal(core_evidence_remove(s, &lan, plan, r.id, &err),
	    CORE_OK);
	store_close(s);
}

/* DOC: a number, a number and date, #id; a number of two documents is
 * ambiguous; the kind comes from the number unless given. */
static void
test_document_names(void **state)
{
	struct evidence e1 = { .number = "5/KH-UBND", .day = "2023-01-05" };
	struct evidence e2 = { .number = "5/KH-UBND", .day = "2023-09-05",
	    .kind = DOC_BC };
	struct core_result r1 = { .row = -1 }, r2 = { .row = -1 };
	struct core_doc d;
	struct evidence *v;
	long plan, a, b, doc, *ids;
	size_t n;
	struct store *s = fixture_vp_ca(&plan, &a, &b);
	char *err = NULL;

	(void)state;
	assert_false(core_doc_parse("#", &d));
	core_doc_clear(&d);
	assert_false(core_doc_parse("#7x", &d));
	core_doc_clear(&d);
	assert_false(core_doc_parse("5/KH@31/02/2023", &d));
	core_doc_clear(&d);
	assert_false(core_doc_parse("@05/01/2023", &d));
	core_doc_clear(&d);
	assert_true(core_doc_parse("5/KH-UBND@05/01/2023", &d));
	assert_string_equal(d.number, "5/KH-UBND");
	assert_string_equal(d.day, "2023-01-05");
	core_doc_clear(&d);
	assert_int_equal(core_evidence_add(s, NULL, &a, 1, &e1, &r1, &err),
	    CORE_OK);
	assert_int_equal(core_evidence_add(s, NULL, &b, 1, &e2, &r2, &err),
	    CORE_OK);
	assert_true(core_doc_parse("5/kh-ubnd", &d));
	assert_int_equal(core_evidence_find(s, plan, &d, &doc, &ids, &n,
	    &err), CORE_AMBIGUOUS);
	core_doc_clear(&d);
	assert_int_equal(n, 2);
	assert_int_equal(ids[0], r1.id);
	assert_int_equal(ids[1], r2.id);
	free(ids);
	assert_true(core_doc_parse("5/KH-UBND@05/09/2023", &d));
	assert_int_equal(core_evidence_find(s, plan, &d, &doc, &ids, &n,
	    &err), CORE_OK);
	core_doc_clear(&d);
	assert_int_equal(doc, r2.id);
	assert_true(core_doc_parse("#999", &d));
	assert_int_equal(core_evidence_find(s, plan, &d, &doc, &ids, &n,
	    &err), CORE_NONE);
	core_doc_clear(&d);
	assert_int_equal(store_evidence_list(s, plan, 0, &v, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id == r1.id ? v[0].kind : v[1].kind, DOC_KH);
	assert_int_equal(v[0].id == r2.id ? v[0].kind : v[1].kind, DOC_BC);
	evidence_free(v, n);
	store_close(s);
}

static void
test_undo_own(void **state)
{
	struct core_opts o = { .guard = true, .shown = "todo" };
	struct core_result r = { .row = -1 };
	long plan, id;
	struct store *s = fixture(&plan);
	char *err = NULL;

	(void)state;
	current_user_set("lan");
	id = find(s, plan, "1.7/CA");
	assert_int_equal(core_set_status(s, &lan, id, STATUS_DOING, &o, &r,
	    &err), CORE_OK);
	assert_true(r.row > 0);
	/* The card showed to do; it is in progress now. */
	assert_int_equal(core_set_status(s, &lan, id, STATUS_BLOCKED, &o,
	    NULL, &err), CORE_CONFLICT);
	free(err);
	err = NULL;
	assert_int_equal(status_of(s, id), STATUS_DOING);
	/* Someone else cannot undo lan's change. */
	current_user_set("hung");
	assert_int_equal(core_undo(s, NULL, plan, r.row, &err), CORE_NONE);
	assert_int_equal(status_of(s, id), STATUS_DOING);
	current_user_set("lan");
	assert_int_equal(core_undo(s, &lan, plan, r.row, &err), CORE_OK);
	assert_int_equal(status_of(s, id), STATUS_TODO);
	assert_int_equal(core_undo(s, &lan, plan, r.row, &err), CORE_NONE);
	store_close(s);
}

static void
test_tick(void **state)
{
	struct core_result r = { .row = -1 };
	long plan, id, none;
	struct store *s = fixture(&plan);
	char *err = NULL;

	(void)state;
	id = by_key(s, plan, "D:1.7/CA#1");
	none = by_key(s, plan, "D:/DTT#1");
	assert_int_equal(core_tick(s, NULL, none, today(), NULL, &err),
	    CORE_NO_TARGET);
	assert_int_equal(core_untick(s, NULL, none, &r, &err),
	    CORE_NO_TARGET);
	assert_int_equal(core_tick(s, NULL, id, "2023-09-02", "họp", &err),
	    CORE_OK);
	/* The first occurrence starts the task. */
	assert_int_equal(status_of(s, id), STATUS_DOING);
	assert_int_equal(core_untick(s, NULL, id, &r, &err), CORE_OK);
	assert_string_equal(r.day, "2023-09-02");
	assert_int_equal(core_untick(s, NULL, id, &r, &err), CORE_NONE);
	store_close(s);
}

static void
test_add(void **state)
{
	static char day[] = "2023-12-15";
	struct config c = { 0 };
	struct core_result r = { .row = -1, .id = -1 };
	long plan;
	struct store *s = fixture(&plan);
	struct task t;
	char *err = NULL;

	(void)state;
	c.default_due = day;
	refused(core_task_add(s, &lan, &c, plan, "VP-TK", "Việc", NULL,
	    &r, &err), &err);
	assert_int_equal(core_task_add(s, &lan, &c, plan, "CA", "Việc mới",
	    NULL, &r, &err), CORE_OK);
	t = get(s, r.id);
	assert_string_equal(t.title, "Việc mới");
	assert_string_equal(t.role, "CA");
	assert_string_equal(t.due, "2023-12-15");
	task_clear(&t);
	store_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FIXTURE_TEST(test_refused),
		FIXTURE_TEST(test_done_needs_document),
		FIXTURE_TEST(test_document_names),
		FIXTURE_TEST(test_undo_own),
		FIXTURE_TEST(test_tick),
		FIXTURE_TEST(test_add),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
