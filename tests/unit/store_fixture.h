/* SPDX-License-Identifier: ISC */
/* store_fixture.h: a real database in a temporary directory, and a plan
 * of four tasks in it, for the unit tests of the store and of the use
 * cases (core.h).  Include it after cmocka.h. */
#ifndef PARBOARD_STORE_FIXTURE_H
#define PARBOARD_STORE_FIXTURE_H

static char tmpdir[256];
static char dbpath[512];

static int
setup(void **state)
{
	snprintf(tmpdir, sizeof tmpdir, "%s/pb-store.XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(dbpath, sizeof dbpath, "%s/sub/dir/test.db", tmpdir);
	today_set("2023-09-13");
	return 0;
}

/* A test of its own on a fresh directory: cmocka's entry for f. */
#define FIXTURE_TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

static int
teardown(void **state)
{
	char *cmd = xasprintf("chmod -R u+w '%s'; rm -rf '%s'", tmpdir,
	    tmpdir);

	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
	free(cmd);
	return 0;
}

/* --- fixtures -------------------------------------------------------- */

static struct criterion rows[] = {
	{ .code = "1.1", .title = "Ban hành kế hoạch CCHC",
	  .standard = 2000, .self = 2000, .appraised = 1000,
	  .deduction = -1000, .has = HAS_STANDARD | HAS_SELF |
	  HAS_APPRAISED | HAS_DEDUCTION, .comment = "Chưa đủ",
	  .assignee = "Văn phòng", .line = 10 },
	{ .code = "1.7", .title = "Đối thoại với người dân",
	  .standard = 1000, .self = 1000, .appraised = 500,
	  .deduction = -500, .has = HAS_STANDARD | HAS_SELF |
	  HAS_APPRAISED | HAS_DEDUCTION, .line = 20 },
	{ .code = "1.10", .title = "Tuyên truyền",
	  .standard = 1000, .self = 1000, .appraised = 1000,
	  .has = HAS_STANDARD | HAS_SELF | HAS_APPRAISED, .line = 30 },
};

static struct appendix app = {
	.file = "seed.txt",
	.kind = APPENDIX_CRITERIA,
	.rows = rows,
	.nrows = 3,
	.has_total = true,
	.total = { .standard = 100000, .self = 90000, .appraised = 69820,
	    .has = HAS_STANDARD | HAS_SELF | HAS_APPRAISED },
};

static struct task_spec specs[] = {
	{ .key = "A:1.1/VP-TK", .code = "1.1", .role = "VP-TK",
	  .support = "TP-HT, VH-XH", .title = "Ban hành kế hoạch CCHC",
	  .origin = ORIGIN_APPENDIX, .has_points = true, .points = 1000,
	  .due = "2023-10-31", .due_source = DUE_DEFAULT, .line = 10 },
	{ .key = "A:1.7/CA", .code = "1.7", .role = "CA", .support = "",
	  .title = "Đối thoại với người dân", .origin = ORIGIN_APPENDIX,
	  .has_points = true, .points = 500, .due = "2023-10-31",
	  .due_source = DUE_DEFAULT, .line = 20 },
	{ .key = "D:1.7/CA#1", .code = "1.7", .role = "CA", .support = "",
	  .title = "Tổ chức đối thoại", .origin = ORIGIN_DIRECTIVE,
	  .due = "2023-10-15", .due_source = DUE_TASK, .target = "1 buổi",
	  .every = "quý", .line = 3 },
	{ .key = "D:/DTT#1", .code = NULL, .role = "DTT", .support = "",
	  .title = "Phát thanh 3 lần/tháng", .origin = ORIGIN_DIRECTIVE,
	  .due = "2023-09-01", .due_source = DUE_ROLE, .line = 4 },
};

static struct derivation der = { .tasks = specs, .ntasks = 4 };

static struct store *
open_db(void)
{
	struct store *s = NULL;
	char *err = NULL;

	if (store_open(dbpath, true, &s, &err) != 0)
		fail_msg("store_open: %s", err);
	return s;
}

/* A store with the fixture plan and tasks; *plan_id set. */
static struct store *
fixture(long *plan_id)
{
	struct store *s = open_db();
	size_t added = 0, updated = 0;
	char *err = NULL;

	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_plan_save(s, "Hiền Thành 2023", &app, plan_id,
	    &err), 0);
	assert_int_equal(store_tasks_save(s, *plan_id, &der, &added,
	    &updated, &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	assert_int_equal(added, 4);
	assert_int_equal(updated, 0);
	return s;
}

static long
find(struct store *s, long plan_id, const char *spec)
{
	long id = -1;
	char *err = NULL;

	assert_int_equal(store_task_find(s, plan_id, spec, &id, &err), 0);
	return id;
}

static struct task
get(struct store *s, long id)
{
	struct task t;
	char *err = NULL;

	if (store_task_get(s, id, &t, &err) != 0)
		fail_msg("store_task_get: %s", err);
	return t;
}

#endif
