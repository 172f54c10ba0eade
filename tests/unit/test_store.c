/* SPDX-License-Identifier: ISC */
/* test_store.c: the SQLite store, on real databases in a temporary
 * directory.  Appendix and derivation structs are built by hand, so these
 * tests depend on store.c and store_query.c (and text.c's folding and
 * dates) only. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

/* Before cmocka.h, whose fail() macro would hide util.h's fail(). */
#include "board.h"
#include "date.h"
#include "i18n.h"
#include "store.h"
#include "store_impl.h"
#include "targets.h"
#include "util.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "store_fixture.h"

static long
count_sql(const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long v = -1;

	assert_int_equal(sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* sqlite3_exec's extended result code for sql on the test database. */
static int
exec_sql(const char *sql)
{
	sqlite3 *db;
	int rc;

	assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
	sqlite3_extended_result_codes(db, 1);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

/* --- tests ----------------------------------------------------------- */

/* text parses as the status want. */
static void
check_parse(const char *text, enum status want)
{
	enum status st = STATUS_COUNT;

	assert_true(status_parse(text, &st));
	assert_int_equal(st, want);
}

static void
test_status(void **state)
{
	enum status st = STATUS_COUNT;

	assert_string_equal(status_name(STATUS_DONE), "done");
	/* No catalogue here: the labels are the English msgids. */
	assert_string_equal(status_label(STATUS_TODO), "To do");
	assert_string_equal(status_label(STATUS_DOING), "In progress");
	assert_string_equal(status_label(STATUS_BLOCKED), "Blocked");
	check_parse("doing", STATUS_DOING);
	check_parse("Hoàn thành", STATUS_DONE);
	check_parse("  VƯỚNG   MẮC ", STATUS_BLOCKED);
	check_parse("chua lam", STATUS_TODO);
	assert_true(status_parse("DONE", &st));
	/* The English labels, and the Vietnamese ones whatever the
	 * language. */
	check_parse("in  progress", STATUS_DOING);
	check_parse("To do", STATUS_TODO);
	check_parse("Đang làm", STATUS_DOING);
	assert_false(status_parse("finished", &st));
	assert_false(status_parse("", &st));
}

static void
test_schema(void **state)
{
	struct store *s = NULL;
	char *err = NULL;

	/* Not there and not to be created: a clear message. */
	assert_int_equal(store_open(dbpath, false, &s, &err), -1);
	assert_null(s);
	assert_non_null(strstr(err, dbpath));
	assert_non_null(strstr(err, "no such database"));
	free(err);
	err = NULL;

	s = open_db();		/* creates sub/dir/ too */
	assert_false(store_readonly(s));
	assert_true(store_data_version(s) >= 0);
	store_close(s);
	assert_int_equal(count_sql("PRAGMA user_version"), 17);
	assert_int_equal(count_sql("SELECT count(*) FROM sqlite_master"
	    " WHERE type = 'table' AND name IN ('plan', 'criterion',"
	    " 'task', 'history', 'finding')"), 5);
	/* Schema 10: the criteria's checklists. */
	assert_int_equal(count_sql("SELECT count(*) FROM sqlite_master"
	    " WHERE type = 'table' AND name IN ('checklist_item',"
	    " 'checklist_target')"), 2);
	assert_int_equal(count_sql("SELECT count(*) FROM sqlite_master"
	    " WHERE type = 'index' AND name IN ('history_task',"
	    " 'task_plan_role')"), 2);
	/* Schema 6: the board's partial indexes. */
	assert_int_equal(count_sql("SELECT count(*) FROM sqlite_master"
	    " WHERE type = 'index' AND name IN ('history_note',"
	    " 'history_person') AND sql LIKE '% WHERE %'"), 2);
	assert_int_equal(count_sql("SELECT journal_mode = 'wal'"
	    " FROM pragma_journal_mode"), 1);

	/* The CHECK constraints hold each column to its set of values. */
	assert_int_equal(exec_sql("INSERT INTO plan (id, name)"
	    " VALUES (1, 'p')"), SQLITE_OK);
	assert_int_equal(exec_sql("INSERT INTO task (id, plan_id, tkey,"
	    " role, title, origin) VALUES (1, 1, 'k1', 'CA', 't', 'manual')"),
	    SQLITE_OK);
	assert_int_equal(exec_sql("INSERT INTO task (plan_id, tkey, role,"
	    " title, origin) VALUES (1, 'k2', 'CA', 't', 'other')"),
	    SQLITE_CONSTRAINT_CHECK);
	assert_int_equal(exec_sql("UPDATE task SET status = 'blocked'"
	    " WHERE id = 1"), SQLITE_OK);
	assert_int_equal(exec_sql("UPDATE task SET status = 'late'"
	    " WHERE id = 1"), SQLITE_CONSTRAINT_CHECK);
	assert_int_equal(exec_sql("INSERT INTO history (task_id, user, kind)"
	    " VALUES (1, 'u', 'undo')"), SQLITE_OK);
	assert_int_equal(exec_sql("INSERT INTO history (task_id, user, kind)"
	    " VALUES (1, 'u', 'Undo')"), SQLITE_CONSTRAINT_CHECK);

	assert_int_equal(exec_sql("INSERT INTO history (task_id, user, kind)"
	    " VALUES (1, 'u', 'role')"), SQLITE_OK);
	assert_int_equal(exec_sql("INSERT INTO history (task_id, user, kind)"
	    " VALUES (1, 'u', 'checklist')"), SQLITE_OK);

	/* Reopening an existing database migrates nothing. */
	assert_int_equal(store_open(dbpath, false, &s, &err), 0);
	store_close(s);
	assert_int_equal(count_sql("PRAGMA user_version"), 17);
}

static void
test_not_a_database(void **state)
{
	char *path = xasprintf("%s/junk.db", tmpdir), *want, *err = NULL;
	struct store *s = NULL;
	sqlite3 *db;
	FILE *f = fopen(path, "w");
	int i;

	assert_non_null(f);
	for (i = 0; i < 200; i++)
		fputs("this is not a database at all, just text\n", f);
	fclose(f);
	assert_int_equal(store_open(path, false, &s, &err), -1);
	assert_null(s);
	want = xasprintf("%s: not a parboard database (file is not a "
	    "database)", path);
	assert_string_equal(err, want);
	free(want);
	free(err);
	err = NULL;

	/* Some other program's SQLite database is not ours either. */
	free(path);
	path = xasprintf("%s/other.db", tmpdir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE x (y)", NULL, NULL,
	    NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(path, false, &s, &err), -1);
	assert_non_null(strstr(err, "not a parboard database"));
	free(err);
	err = NULL;

	/* Nor is a directory. */
	assert_int_equal(store_open(tmpdir, true, &s, &err), -1);
	assert_non_null(strstr(err, "directory"));
	free(err);
	free(path);
}

static void
test_round_trip(void **state)
{
	long plan_id, id;
	struct store *s = fixture(&plan_id);
	struct plan p;
	struct task *t;
	size_t n;
	char **codes, *err = NULL;

	assert_int_equal(store_plan_get(s, "Hiền Thành 2023", &p, &err), 0);
	assert_int_equal(p.id, plan_id);
	assert_string_equal(p.source, "seed.txt");
	assert_true(p.has_total);
	assert_int_equal(p.total_appraised, 69820);
	assert_int_equal(p.total_standard, 100000);
	assert_int_equal(strlen(p.imported_at), 19);
	plan_clear(&p);
	assert_int_equal(store_plan_get(s, NULL, &p, &err), 0);
	assert_int_equal(p.id, plan_id);
	plan_clear(&p);
	assert_int_equal(store_plan_get(s, "nope", &p, &err), 1);

	codes = store_plan_codes(s, plan_id);
	assert_string_equal(codes[0], "1.1");
	assert_string_equal(codes[1], "1.7");
	assert_string_equal(codes[2], "1.10");
	assert_null(codes[3]);
	strv_free(codes);

	assert_int_equal(store_tasks(s, plan_id, NULL, &t, &n, &err), 0);
	assert_int_equal(n, 4);
	/* Order: due, then points (most first), code, id. */
	assert_string_equal(t[0].key, "D:/DTT#1");
	assert_null(t[0].code);
	assert_false(t[0].has_points);
	assert_string_equal(t[1].key, "D:1.7/CA#1");
	assert_string_equal(t[1].target, "1 buổi");
	assert_string_equal(t[1].every, "quý");
	assert_int_equal(t[1].due_source, DUE_TASK);
	assert_string_equal(t[2].key, "A:1.1/VP-TK");
	assert_string_equal(t[2].support, "TP-HT,VH-XH");
	assert_true(t[2].has_points);
	assert_int_equal(t[2].points, 1000);
	assert_string_equal(t[2].crit_title, "Ban hành kế hoạch CCHC");
	assert_string_equal(t[2].comment, "Chưa đủ");
	assert_string_equal(t[2].assignee, "Văn phòng");
	assert_int_equal(t[2].standard, 2000);
	assert_int_equal(t[2].appraised, 1000);
	assert_int_equal(t[2].deduction, -1000);
	assert_int_equal(t[2].has, HAS_STANDARD | HAS_SELF | HAS_APPRAISED |
	    HAS_DEDUCTION);
	assert_int_equal(t[2].origin, ORIGIN_APPENDIX);
	assert_int_equal(t[2].status, STATUS_TODO);
	assert_int_equal(t[2].version, 1);
	assert_string_equal(t[2].due, "2023-10-31");
	assert_string_equal(t[3].key, "A:1.7/CA");
	assert_string_equal(t[3].support, "");
	id = t[2].id;
	tasks_free(t, n);

	{
		struct history *h;
		assert_int_equal(store_history(s, id, &h, &n, &err), 0);
		assert_int_equal(n, 1);
		assert_int_equal(h[0].kind, HK_CREATED);
		assert_string_equal(h[0].user, current_user());
		assert_string_equal(h[0].new, "appendix");
		history_free(h, n);
	}
	store_close(s);
	assert_int_equal(count_sql("SELECT count(*) FROM criterion"), 3);
	assert_int_equal(count_sql("SELECT count(*) FROM task"
	    " WHERE support_roles = 'TP-HT,VH-XH'"), 1);
}

static void
test_resave(void **state)
{
	long plan_id, a11, a17;
	struct store *s = fixture(&plan_id);
	struct task_spec v2[4];
	struct derivation d2 = { .tasks = v2, .ntasks = 3 };
	struct task t;
	size_t added, updated;
	char *err = NULL;

	a11 = find(s, plan_id, "1.1/VP-TK");
	a17 = find(s, plan_id, "1.7/CA");
	assert_int_equal(store_task_set(s, a11, -1, "status", "doing",
	    "bắt đầu", "alice", &err), 0);
	assert_int_equal(store_task_set(s, a17, -1, "due", "20/10/2023",
	    NULL, "alice", &err), 0);

	/* Same derivation again: nothing added, nothing updated. */
	assert_int_equal(store_tasks_save(s, plan_id, &der, &added,
	    &updated, &err), 0);
	assert_int_equal(added, 0);
	assert_int_equal(updated, 0);
	t = get(s, a11);
	assert_int_equal(t.version, 2);	/* status + note: one change */
	task_clear(&t);

	/* A corrected appendix: new title, new default deadline, one task
	 * fewer (kept), one new. */
	memcpy(v2, specs, sizeof v2);
	v2[0].title = "Ban hành kế hoạch CCHC năm 2023";
	v2[0].due = "2023-11-15";
	v2[1].due = "2023-11-15";
	v2[2] = specs[3];
	v2[2].key = "A:1.10/VH-XH";
	v2[2].code = "1.10";
	v2[2].role = "VH-XH";
	assert_int_equal(store_tasks_save(s, plan_id, &d2, &added, &updated,
	    &err), 0);
	assert_int_equal(added, 1);
	/* 1.1 changed text and due; 1.7's due is pinned by hand, so only
	 * the rows that really changed count. */
	assert_int_equal(updated, 1);

	t = get(s, a11);
	assert_string_equal(t.title, "Ban hành kế hoạch CCHC năm 2023");
	assert_string_equal(t.due, "2023-11-15");
	assert_int_equal(t.status, STATUS_DOING);
	assert_int_equal(t.nnotes, 1);
	assert_int_equal(t.version, 3);
	task_clear(&t);
	t = get(s, a17);
	assert_string_equal(t.due, "2023-10-20");
	assert_int_equal(t.due_source, DUE_TASK);
	assert_int_equal(t.version, 2);
	task_clear(&t);
	store_close(s);
	/* Nothing was deleted, history kept. */
	assert_int_equal(count_sql("SELECT count(*) FROM task"), 5);
	assert_int_equal(count_sql("SELECT count(*) FROM history"
	    " WHERE kind IN ('status', 'due', 'note')"), 3);
}

/* A person moves a task to another role: history row, sticky against
 * re-import, version checked like every write. */
static void
test_reassign(void **state)
{
	long plan_id, id;
	struct store *s = fixture(&plan_id);
	struct history *h;
	struct task t;
	size_t n, added, updated;
	char *err = NULL;
	long row = -1;

	id = find(s, plan_id, "1.7/CA");
	assert_int_equal(store_task_reassign(s, id, 0, "TP-HT", "bob", NULL,
	    &err), STORE_CONFLICT);
	assert_non_null(strstr(err, "changed by someone else"));
	free(err);
	err = NULL;
	assert_int_equal(store_task_reassign(s, id, 1, "bad role", "bob",
	    NULL, &err), -1);
	free(err);
	err = NULL;
	assert_int_equal(store_task_reassign(s, 4242, -1, "CA", "bob", NULL,
	    &err), -1);
	assert_non_null(strstr(err, "not found"));
	free(err);
	err = NULL;
	t = get(s, id);
	assert_string_equal(t.role, "CA");
	assert_null(t.role_source);
	assert_int_equal(t.version, 1);
	task_clear(&t);

	assert_int_equal(store_task_reassign(s, id, 1, "TP-HT", "bob", &row,
	    &err), 0);
	assert_true(row > 0);
	t = get(s, id);
	assert_string_equal(t.role, "TP-HT");
	assert_string_equal(t.role_source, "hand");
	assert_int_equal(t.version, 2);
	task_clear(&t);
	assert_int_equal(store_history(s, id, &h, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(h[1].kind, HK_ROLE);
	assert_string_equal(h[1].old, "CA");
	assert_string_equal(h[1].new, "TP-HT");
	assert_string_equal(h[1].user, "bob");
	history_free(h, n);

	/* The import says CA again: the person's choice stands. */
	assert_int_equal(store_tasks_save(s, plan_id, &der, &added,
	    &updated, &err), 0);
	assert_int_equal(added, 0);
	assert_int_equal(updated, 0);
	t = get(s, id);
	assert_string_equal(t.role, "TP-HT");
	assert_int_equal(t.version, 2);
	task_clear(&t);

	/* Filters follow the new owner. */
	{
		struct filter f = { .role = "TP-HT", .status = -1 };
		struct task *v;

		assert_int_equal(store_tasks(s, plan_id, &f, &v, &n, &err),
		    0);
		assert_int_equal(n, 1);
		assert_int_equal(v[0].id, id);
		tasks_free(v, n);
	}

	/* The board's u takes it back: the import's owner again, and not
	 * sticky any more; only once, and only by its author. */
	assert_int_equal(store_undo_row(s, plan_id, row, "eve", &err),
	    1);
	assert_int_equal(store_undo_row(s, plan_id, row, "bob", &err),
	    0);
	t = get(s, id);
	assert_string_equal(t.role, "CA");
	assert_null(t.role_source);
	task_clear(&t);
	assert_int_equal(store_undo_row(s, plan_id, row, "bob", &err),
	    1);
	store_close(s);
	assert_int_equal(count_sql("SELECT count(*) FROM history"
	    " WHERE kind = 'role'"), 1);
	assert_int_equal(count_sql("SELECT count(*) FROM history"
	    " WHERE kind = 'undo'"), 1);
}

/* A database made by schema 1, where a task's key held its owner role
 * and a reassignment forked the task: re-keyed, the fork folded into the
 * task a person changed last, nothing a person wrote lost. */
static const char old_schema[] =
	"CREATE TABLE plan (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
	" source TEXT, has_total INTEGER NOT NULL DEFAULT 0,"
	" total_standard INTEGER, total_self INTEGER,"
	" total_appraised INTEGER, total_deduction INTEGER,"
	" imported_at TEXT NOT NULL DEFAULT '2023-09-01 08:00:00');"
	"CREATE TABLE criterion (id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" code TEXT, title TEXT NOT NULL DEFAULT '', standard INTEGER,"
	" self INTEGER, appraised INTEGER, deduction INTEGER,"
	" has INTEGER NOT NULL DEFAULT 0, comment TEXT, assignee TEXT,"
	" line INTEGER, UNIQUE (plan_id, code));"
	"CREATE TABLE task (id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" tkey TEXT NOT NULL, code TEXT, role TEXT NOT NULL,"
	" support TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(support)),"
	" title TEXT NOT NULL, origin TEXT NOT NULL CHECK (origin IN"
	" ('appendix', 'directive', 'manual')),"
	" status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN"
	" ('todo', 'doing', 'done', 'blocked')),"
	" due TEXT, due_source TEXT, points INTEGER, target TEXT, every TEXT,"
	" created_at TEXT NOT NULL DEFAULT '2023-09-01 08:00:00',"
	" version INTEGER NOT NULL DEFAULT 1, UNIQUE (plan_id, tkey));"
	"CREATE INDEX task_plan_role ON task(plan_id, role);"
	"CREATE INDEX task_plan_code ON task(plan_id, code);"
	"CREATE TABLE history (id INTEGER PRIMARY KEY,"
	" task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
	" at TEXT NOT NULL DEFAULT '2023-09-01 08:00:00',"
	" user TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('created',"
	" 'status', 'due', 'note', 'evidence', 'title', 'undo')),"
	" old TEXT, new TEXT, old_source TEXT,"
	" undone INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX history_task ON history(task_id);"
	"CREATE INDEX history_user ON history(user, kind);"
	"CREATE TABLE finding (id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" file TEXT, line INTEGER, code TEXT, message TEXT NOT NULL);"
	"CREATE INDEX finding_plan ON finding(plan_id, file);"
	"PRAGMA user_version = 1;"
	"INSERT INTO plan (id, name) VALUES (1, 'p'), (2, 'q');"
	"INSERT INTO task (id, plan_id, tkey, code, role, title, origin,"
	" status, version) VALUES"
	" (1, 1, 'A:1.7/CA', '1.7', 'CA', 'Đối thoại', 'appendix', 'done', 3),"
	" (2, 1, 'A:1.7/TP-HT', '1.7', 'TP-HT', 'Đối thoại', 'appendix',"
	"  'todo', 2),"
	" (3, 1, 'A:1.1/VP-TK', '1.1', 'VP-TK', 'Kế hoạch', 'appendix',"
	"  'doing', 2),"
	" (4, 1, 'D:1.7/CA/to chuc doi thoai', '1.7', 'CA', 'Tổ chức đối thoại',"
	"  'directive', 'todo', 1),"
	" (5, 1, 'D:/DTT/phat thanh#2', NULL, 'DTT', 'Phát thanh',"
	"  'directive', 'todo', 1),"
	" (6, 1, 'M:00ff', NULL, 'CA', 'Việc thêm', 'manual', 'todo', 1),"
	" (7, 2, 'A:1.7/CA', '1.7', 'CA', 'Đối thoại', 'appendix', 'todo', 1),"
	" (8, 1, 'D:1.7/TP-HT/to chuc doi thoai', '1.7', 'TP-HT',"
	"  'Tổ chức đối thoại', 'directive', 'blocked', 2);"
	"INSERT INTO history (id, task_id, user, kind, old, new) VALUES"
	" (1, 1, 'imp', 'created', NULL, 'appendix'),"
	" (2, 1, 'an', 'status', 'todo', 'doing'),"
	" (3, 2, 'imp', 'created', NULL, 'appendix'),"
	" (4, 2, 'binh', 'note', NULL, 'ghi chú của Bình'),"
	" (5, 1, 'an', 'status', 'doing', 'done'),"
	" (6, 3, 'an', 'status', 'todo', 'doing'),"
	" (7, 4, 'imp', 'created', NULL, 'directive'),"
	" (8, 8, 'imp', 'created', NULL, 'directive'),"
	" (9, 8, 'binh', 'status', 'todo', 'blocked');"
	"UPDATE task SET support = '[\"TP-HT\",\"VH-XH\"]' WHERE id = 3;";

static const char *
key_of(long id)
{
	static char key[128];
	sqlite3 *db;
	sqlite3_stmt *st;

	key[0] = '\0';
	assert_int_equal(sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT tkey FROM task"
	    " WHERE id = ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(key, sizeof key, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return key;
}

static void
test_migrate_keys(void **state)
{
	struct store *s;
	struct history *h;
	struct task t;
	size_t n, i;
	char *err = NULL;
	int merges = 0;

	assert_int_equal(make_parent_dirs(dbpath, &err), 0);
	assert_int_equal(exec_sql(old_schema), SQLITE_OK);
	assert_int_equal(count_sql("SELECT count(*) FROM task"), 8);

	s = open_db();
	store_close(s);
	assert_int_equal(count_sql("PRAGMA user_version"), 17);
	assert_int_equal(count_sql("SELECT count(*) FROM sqlite_master"
	    " WHERE type = 'index' AND name IN ('history_note',"
	    " 'history_person')"), 2);
	/* 2 folded into 1 (an changed 1 last), 8 into 4 (binh changed 8
	 * last, so 8 stays). */
	assert_int_equal(count_sql("SELECT count(*) FROM task"), 6);
	assert_string_equal(key_of(1), "A:1.7");
	assert_string_equal(key_of(2), "");
	assert_string_equal(key_of(3), "A:1.1");
	assert_string_equal(key_of(4), "");
	assert_string_equal(key_of(5), "D:/phat thanh#2");
	assert_string_equal(key_of(6), "M:00ff");
	assert_string_equal(key_of(7), "A:1.7");	/* another plan */
	assert_string_equal(key_of(8), "D:1.7/to chuc doi thoai");
	/* Nothing a person wrote is lost. */
	assert_int_equal(count_sql("SELECT count(*) FROM history"
	    " WHERE kind <> 'merge'"), 9);
	assert_int_equal(count_sql("SELECT count(*) FROM history"
	    " WHERE kind = 'merge'"), 2);

	s = open_db();
	t = get(s, 1);
	assert_int_equal(t.status, STATUS_DONE);
	assert_string_equal(t.role, "CA");
	assert_int_equal(t.nnotes, 1);
	assert_string_equal(t.support, "");
	task_clear(&t);
	task_clear(&t);
	t = get(s, 8);
	assert_int_equal(t.status, STATUS_BLOCKED);
	task_clear(&t);
	/* Schema 8: the JSON array of supporting roles in comma form. */
	t = get(s, 3);
	assert_string_equal(t.support, "TP-HT,VH-XH");
	task_clear(&t);
	assert_int_equal(store_history(s, 1, &h, &n, &err), 0);
	assert_int_equal(n, 6);		/* 2 created, 2 status, note, merge */
	for (i = 0; i < n; i++)
		if (h[i].kind == HK_MERGE) {
			assert_string_equal(h[i].old, "#2 (1.7/TP-HT)");
			merges++;
		}
	assert_int_equal(merges, 1);
	history_free(h, n);
	assert_int_equal(store_history(s, 8, &h, &n, &err), 0);
	assert_int_equal(h[n - 1].kind, HK_MERGE);
	assert_string_equal(h[n - 1].old, "#4 (1.7/CA)");
	history_free(h, n);
	store_close(s);
}

/* The change counter: every write stamps its task; a reader asks only
 * for what changed after the counter it last saw. */
static void
test_changed_since(void **state)
{
	long plan_id, a11, a17, seq0, seq1, now;
	struct store *s = fixture(&plan_id);
	struct task *v;
	size_t n, added, updated;
	char *err = NULL;

	seq0 = store_seq(s);
	assert_int_equal(seq0, 4);	/* four tasks inserted */
	assert_int_equal(store_tasks_changed_since(s, plan_id, 0, &v, &n,
	    &now, &err), 0);
	assert_int_equal(n, 4);
	assert_int_equal(now, seq0);
	tasks_free(v, n);
	assert_int_equal(store_tasks_changed_since(s, plan_id, seq0, &v, &n,
	    &now, &err), 0);
	assert_int_equal(n, 0);
	free(v);

	a11 = find(s, plan_id, "1.1/VP-TK");
	a17 = find(s, plan_id, "1.7/CA");
	assert_int_equal(store_task_set(s, a11, -1, "status", "doing", NULL,
	    "an", &err), 0);
	assert_int_equal(store_task_note(s, a17, "note", "ghi chú", "an",
	    &err), 0);
	assert_int_equal(store_tasks_changed_since(s, plan_id, seq0, &v, &n,
	    &now, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id < v[1].id ? v[0].id : v[1].id,
	    a11 < a17 ? a11 : a17);
	assert_int_equal(now, seq0 + 2);
	for (size_t i = 0; i < n; i++) {
		assert_true(v[i].seq > seq0);
		if (v[i].id == a17)
			assert_int_equal(v[i].nnotes, 1);
		if (v[i].id == a11)
			assert_int_equal(v[i].status, STATUS_DOING);
	}
	tasks_free(v, n);

	/* A reassignment counts; an import that changes nothing does not. */
	seq1 = store_seq(s);
	assert_int_equal(store_task_reassign(s, a17, -1, "TP-HT", "an", NULL,
	    &err), 0);
	assert_int_equal(store_tasks_save(s, plan_id, &der, &added, &updated,
	    &err), 0);
	assert_int_equal(store_tasks_changed_since(s, plan_id, seq1, &v, &n,
	    &now, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, a17);
	assert_int_equal(now, seq1 + 1);
	tasks_free(v, n);
	/* Another plan's counter values do not leak in. */
	assert_int_equal(store_tasks_changed_since(s, plan_id + 1, 0, &v, &n,
	    NULL, &err), 0);
	assert_int_equal(n, 0);
	free(v);
	store_close(s);
}

static void
assert_str_same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

/* The board's lean read agrees with the full one on what it reads. */
static void
test_lean(void **state)
{
	long plan_id, a17, dtt, extra, other_plan;
	struct store *s = fixture(&plan_id);
	struct task *full, *lean;
	size_t nf, nl, i, j;
	char *err = NULL;

	a17 = find(s, plan_id, "1.7/CA");
	assert_int_equal(store_tasks(s, plan_id, NULL, &full, &nf, &err), 0);
	for (i = 0, dtt = -1; i < nf; i++)
		if (full[i].code == NULL)
			dtt = full[i].id;
	tasks_free(full, nf);
	assert_true(dtt > 0);
	assert_int_equal(store_task_note(s, a17, "note", "một", "an", &err),
	    0);
	assert_int_equal(store_task_note(s, a17, "note", "hai", "an", &err),
	    0);
	assert_int_equal(store_task_note(s, dtt, "evidence", "CV 12", "an",
	    &err), 0);
	assert_int_equal(store_task_reassign(s, dtt, -1, "CA", "an", NULL,
	    &err), 0);
	/* A code the plan's criteria do not have, and a task of another
	 * plan with notes. */
	assert_int_equal(store_task_add(s, plan_id, "CA", "9.9", "Thêm",
	    "2023-11-01", "an", &extra, &err), 0);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_plan_save(s, "Khác", &app, &other_plan, &err),
	    0);
	assert_int_equal(store_tasks_save(s, other_plan, &der, &nf, &nl, &err),
	    0);
	assert_int_equal(store_commit(s, &err), 0);
	assert_int_equal(store_task_note(s, find(s, other_plan, "1.1/VP-TK"),
	    "note", "khác", "an", &err), 0);

	assert_int_equal(store_tasks(s, plan_id, NULL, &full, &nf, &err), 0);
	assert_int_equal(store_tasks_lean(s, plan_id, &lean, &nl, &err), 0);
	assert_int_equal(nl, 5);
	assert_int_equal(nf, nl);
	for (i = 0; i < nl; i++) {
		if (i > 0)
			assert_true(lean[i - 1].id < lean[i].id);
		for (j = 0; j < nf && full[j].id != lean[i].id; j++)
			;
		assert_true(j < nf);
		assert_int_equal(lean[i].version, full[j].version);
		assert_str_same(lean[i].code, full[j].code);
		assert_str_same(lean[i].role, full[j].role);
		assert_str_same(lean[i].support, full[j].support);
		assert_str_same(lean[i].title, full[j].title);
		assert_int_equal(lean[i].status, full[j].status);
		assert_str_same(lean[i].due, full[j].due);
		assert_int_equal(lean[i].has_points, full[j].has_points);
		assert_int_equal(lean[i].points, full[j].points);
		assert_str_same(lean[i].target, full[j].target);
		assert_str_same(lean[i].every, full[j].every);
		assert_str_same(lean[i].role_source, full[j].role_source);
		assert_int_equal(lean[i].seq, full[j].seq);
		assert_int_equal(lean[i].nnotes, full[j].nnotes);
		assert_int_equal(lean[i].nevidence, full[j].nevidence);
		assert_int_equal(lean[i].crit_title != NULL,
		    full[j].crit_title != NULL);
		if (lean[i].crit_title != NULL)
			assert_string_equal(lean[i].crit_title, "");
		assert_null(lean[i].key);
		assert_null(lean[i].comment);
		if (lean[i].id == a17)
			assert_int_equal(lean[i].nnotes, 2);
		if (lean[i].id == dtt) {
			assert_int_equal(lean[i].nevidence, 1);
			assert_string_equal(lean[i].role_source, "hand");
		}
		if (lean[i].id == extra)
			assert_null(lean[i].crit_title);
	}
	tasks_free(full, nf);
	tasks_free(lean, nl);
	store_close(s);
}

/* store_changed_tasks lists the tasks store_changes_after(PEOPLE) has
 * rows of, for every kind of window. */
static void
changed_agree(struct store *s, long plan_id, const char *after,
    const char *until, const char *since, size_t want)
{
	struct change *c;
	long *ids;
	size_t nc, n, i, j, distinct = 0;
	char *err = NULL;

	assert_int_equal(store_changes_after(s, plan_id, after, until, since,
	    CHANGES_PEOPLE, &c, &nc, &err), 0);
	assert_int_equal(store_changed_tasks(s, plan_id, after, until, since,
	    &ids, &n, &err), 0);
	for (i = 0; i < nc; i++) {
		for (j = 0; j < i && c[j].task_id != c[i].task_id; j++)
			;
		if (j < i)
			continue;
		distinct++;
		for (j = 0; j < n && ids[j] != c[i].task_id; j++)
			;
		assert_true(j < n);
	}
	for (i = 1; i < n; i++)
		assert_true(ids[i - 1] < ids[i]);
	assert_int_equal(n, distinct);
	if (want != (size_t)-1)
		assert_int_equal(n, want);
	changes_free(c, nc);
	free(ids);
}

static void
test_changed_tasks(void **state)
{
	long plan_id;
	struct store *s = fixture(&plan_id);
	char *err = NULL;

	/* Task 1: a status in August; 2: a note and an undo in September;
	 * 3: only the import's rows (created, an owner it set); 4: a due
	 * date on the 13th. */
	assert_int_equal(exec_sql("INSERT INTO history (task_id, at, user,"
	    " kind, old, new, old_source) VALUES"
	    " (1, '2023-08-20 09:00:00', 'an', 'status', 'todo', 'doing',"
	    "  NULL),"
	    " (2, '2023-09-07 09:00:00', 'an', 'note', NULL, 'x', NULL),"
	    " (2, '2023-09-08 23:30:00', 'an', 'undo', 'doing', 'todo', NULL),"
	    " (3, '2023-09-09 09:00:00', 'imp', 'role', 'CA', 'TP', 'import'),"
	    " (3, '2023-09-09 09:00:00', 'imp', 'created', NULL, 'x', NULL),"
	    " (4, '2023-09-13 08:00:00', 'binh', 'due', NULL, '2023-10-01',"
	    "  'task')"), SQLITE_OK);
	changed_agree(s, plan_id, NULL, NULL, NULL, 3);
	changed_agree(s, plan_id, NULL, NULL, "2023-09-06", 2);
	/* Local dates: the 23:30 row is the 9th east of UTC. */
	changed_agree(s, plan_id, NULL, NULL, "2023-09-09", (size_t)-1);
	changed_agree(s, plan_id, NULL, NULL, "2023-09-14", 0);
	changed_agree(s, plan_id, "2023-09-07 09:00:00", NULL, NULL, 2);
	changed_agree(s, plan_id, "2023-08-01 00:00:00",
	    "2023-09-08 00:00:00", NULL, 2);
	changed_agree(s, plan_id, "2023-09-08 23:30:00", NULL, NULL, 1);
	changed_agree(s, plan_id + 1, NULL, NULL, NULL, 0);
	(void)err;
	store_close(s);
}

/* A row reader of test_rows_error: column 0's text. */
static bool
read_text_row(sqlite3_stmt *st, void *elem, void *arg)
{
	(void)arg;
	*(char **)elem = col_str(st, 0);
	return true;
}

static int cleared;

static void
clear_text_row(void *elem)
{
	free(*(char **)elem);
	cleared++;
}

/* SQL whose third row fails: abs() of the smallest integer overflows. */
#define FAILS_AT_3 "WITH r(x) AS (VALUES (1), (2), (3)) SELECT CASE" \
	" WHEN x < 3 THEN 'row ' || x ELSE abs(-9223372036854775807 - 1)" \
	" END FROM r"

/* store_rows on a statement that fails after two rows: -1 with the
 * error, nothing returned, the two rows read cleared; store_row's three
 * answers, and store_run_id. */
static void
test_rows_error(void **state)
{
	long plan_id, v = -5;
	struct store *s = fixture(&plan_id);
	sqlite3_stmt *st;
	char *err = NULL, **got;
	size_t n = 99;
	int rc = 0;

	(void)state;
	st = store_prepare(s, FAILS_AT_3, &err);
	assert_non_null(st);
	cleared = 0;
	got = store_rows(s, st, sizeof *got, read_text_row, NULL,
	    clear_text_row, &n, &rc, &err);
	assert_int_equal(rc, -1);
	assert_null(got);
	assert_int_equal(n, 0);
	assert_int_equal(cleared, 2);
	assert_non_null(strstr(err, "integer overflow"));
	free(err);
	err = NULL;

	st = store_prepare(s, "SELECT 7", &err);
	assert_int_equal(store_row(s, st, store_read_long, &v, NULL, &err), 0);
	assert_int_equal(v, 7);
	st = store_prepare(s, "SELECT 8 WHERE 0", &err);
	assert_int_equal(store_row(s, st, store_read_long, &v, NULL, &err), 1);
	assert_int_equal(v, 7);
	st = store_prepare(s, "SELECT abs(-9223372036854775807 - 1)", &err);
	assert_int_equal(store_row(s, st, store_read_long, &v, NULL, &err),
	    -1);
	assert_non_null(strstr(err, "integer overflow"));
	free(err);
	err = NULL;

	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_run_id(s, "UPDATE plan SET name = 'renamed'"
	    " WHERE id = ?1", plan_id, &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	store_close(s);
	assert_int_equal(count_sql("SELECT count(*) FROM plan"
	    " WHERE name = 'renamed'"), 1);
}

static void
test_find(void **state)
{
	long plan_id, id = -5, other;
	struct store *s = fixture(&plan_id);
	struct task t;
	char *err = NULL, buf[32];
	struct appendix a2 = app;

	id = find(s, plan_id, "1.7/CA");
	t = get(s, id);
	assert_int_equal(t.origin, ORIGIN_APPENDIX);	/* preferred */
	task_clear(&t);
	assert_int_equal(find(s, plan_id, "1.7/ca"), id);
	snprintf(buf, sizeof buf, "%ld", id);
	assert_int_equal(find(s, plan_id, buf), id);
	assert_int_equal(store_task_find(s, plan_id, "9999", &id, &err), 1);
	assert_int_equal(store_task_find(s, plan_id, "1.7/XX", &id, &err),
	    1);
	assert_int_equal(store_task_find(s, plan_id, "garbage", &id, &err),
	    1);
	assert_int_equal(store_task_find(s, plan_id, "", &id, &err), 1);
	assert_int_equal(store_task_find(s, plan_id, "1.7/", &id, &err), 1);

	/* An id from another plan is not found in this one. */
	assert_int_equal(store_plan_save(s, "other", &a2, &other, &err), 0);
	assert_true(other != plan_id);
	assert_int_equal(store_task_find(s, other, buf, &id, &err), 1);
	store_close(s);
}

static void
test_conflict(void **state)
{
	long plan_id, id;
	struct store *s = fixture(&plan_id);
	struct task t;
	char *err = NULL, *want;

	id = find(s, plan_id, "1.1/VP-TK");
	t = get(s, id);
	assert_int_equal(t.version, 1);
	task_clear(&t);
	assert_int_equal(store_task_set(s, id, 0, "status", "done", "n",
	    "bob", &err), STORE_CONFLICT);
	want = xasprintf("task %ld was changed by someone else", id);
	assert_string_equal(err, want);
	free(want);
	free(err);
	err = NULL;
	t = get(s, id);
	assert_int_equal(t.status, STATUS_TODO);
	assert_int_equal(t.version, 1);
	assert_int_equal(t.nnotes, 0);
	task_clear(&t);

	assert_int_equal(store_task_set(s, id, 1, "status", "Hoàn thành",
	    NULL, "bob", &err), 0);
	t = get(s, id);
	assert_int_equal(t.status, STATUS_DONE);
	assert_int_equal(t.version, 2);
	task_clear(&t);

	/* Same value: no status row, but the note is kept. */
	assert_int_equal(store_task_set(s, id, 2, "status", "done",
	    "đã xong", "bob", &err), 0);
	t = get(s, id);
	assert_int_equal(t.version, 3);
	assert_int_equal(t.nnotes, 1);
	task_clear(&t);

	/* Bad values and unknown tasks. */
	assert_int_equal(store_task_set(s, id, -1, "status", "finished",
	    NULL, "bob", &err), -1);
	assert_non_null(strstr(err, "finished"));
	assert_int_equal(store_task_set(s, id, -1, "due", "31/02/2023",
	    NULL, "bob", &err), -1);
	assert_int_equal(store_task_set(s, 4242, -1, "status", "done",
	    NULL, "bob", &err), -1);
	assert_non_null(strstr(err, "not found"));
	assert_int_equal(store_task_note(s, id, "evidence", "QĐ 12/2023",
	    "bob", &err), 0);
	assert_int_equal(store_task_note(s, id, "gossip", "x", "bob", &err),
	    -1);
	assert_int_equal(store_task_note(s, 4242, "note", "x", "bob", &err),
	    -1);
	t = get(s, id);
	assert_int_equal(t.nevidence, 1);
	assert_int_equal(t.version, 4);
	task_clear(&t);
	free(err);
	store_close(s);
	assert_int_equal(count_sql("SELECT count(*) FROM history"
	    " WHERE kind = 'status'"), 1);
}

static void
test_nested(void **state)
{
	long plan_id, id;
	struct store *s = fixture(&plan_id);
	struct task t;
	char *err = NULL;

	id = find(s, plan_id, "1.1/VP-TK");
	/* A conflict inside the caller's transaction undoes only itself. */
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_task_set(s, id, 1, "status", "doing", NULL,
	    "bob", &err), 0);
	assert_int_equal(store_task_set(s, id, 1, "status", "done", NULL,
	    "bob", &err), STORE_CONFLICT);
	assert_int_equal(store_commit(s, &err), 0);
	t = get(s, id);
	assert_int_equal(t.status, STATUS_DOING);
	task_clear(&t);

	/* The caller's rollback undoes everything inside. */
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_task_set(s, id, -1, "status", "blocked",
	    NULL, "bob", &err), 0);
	assert_int_equal(store_task_note(s, id, "note", "x", "bob", &err),
	    0);
	store_rollback(s);
	t = get(s, id);
	assert_int_equal(t.status, STATUS_DOING);
	assert_int_equal(t.nnotes, 0);
	assert_int_equal(t.version, 2);
	task_clear(&t);
	free(err);
	store_close(s);
}

static void set_status(struct store *, long, const char *);

/* The board sorts its cards on keys copied out of the tasks (board.c's
 * order_key_cmp, through board_index_order): the tasks t, shuffled and
 * some given codes that are no plain numbers, in task_order_cmp's
 * order. */
static void
board_order_agrees(const struct task *t, size_t n)
{
	static const char *const odd[] = {
		"A.1", "1.a", "1.", "01.9", "1.2.3.4.5", "65534.1", "", "1.9",
	};
	struct task *v = xcalloc(n, sizeof *v), tmp;
	size_t *order = xcalloc(n, sizeof *order), i, j;
	unsigned long r = 777;

	memcpy(v, t, n * sizeof *v);	/* shallow: nothing freed here */
	for (i = n - 1; i > 0; i--) {
		r = r * 1103515245 + 12345;
		j = (r >> 8) % (i + 1);
		tmp = v[i];
		v[i] = v[j];
		v[j] = tmp;
	}
	for (i = 0; i < n; i += 3)
		v[i].code = (char *)odd[(i / 3) % 8];
	board_index_order(v, n, order);
	for (i = 1; i < n; i++)
		if (task_order_cmp(&v[order[i - 1]], &v[order[i]]) >= 0)
			fail_msg("the board's order and task_order_cmp "
			    "disagree at %zu: #%ld, #%ld", i,
			    v[order[i - 1]].id, v[order[i]].id);
	free(order);
	free(v);
}

/* The card order and the overdue rule have a C form (task.h) and an SQL
 * form (store_impl.h TASK_ORDER, TASK_FILTER): on a shuffled plan with
 * ties of every kind and late, done and undated tasks, store_tasks reads
 * in task_order_cmp's order and --overdue picks task_overdue's tasks.
 * The board's own fast order agrees too (board_order_agrees). */
/* Tasks 4, 8, ... of n a target of 2 every month from last month: two
 * occurrences last month for 8, 16, ..., none for 4, 12, .... */
static void
recurring_last_month(struct store *s, size_t n)
{
	char from[11], to[11], day[11], *sql, *err = NULL;
	size_t i;

	target_period(PERIOD_MONTH, today(), from, to);
	date_add(from, -1, day);
	sql = xasprintf("UPDATE plan SET imported_at = '%s';"
	    " UPDATE task SET target = '2 bài', every = 'tháng'"
	    " WHERE id %% 4 = 0", day);
	assert_int_equal(exec_sql(sql), SQLITE_OK);
	free(sql);
	for (i = 8; i <= n; i += 8) {
		assert_int_equal(store_tick_add(s, (long)i, day, NULL, "u",
		    &err), 0);
		assert_int_equal(store_tick_add(s, (long)i, day, NULL, "u",
		    &err), 0);
	}
}

static void
test_rules_agree(void **state)
{
	enum { N = 80 };
	static const char *const codes[] = {
		NULL, "1.9", "1.10", "1.1", "1.1.2", "2", "10.1", "1.9",
	};
	static const int days[] = { -400, -3, -1, 0, 0, 1, 7, 30 };
	struct task_spec sp[N];
	struct derivation d = { .tasks = sp, .ntasks = N };
	struct filter late = { .status = -1, .overdue = true };
	struct store *s = open_db();
	struct task *t, *u;
	unsigned long r = 12345;
	char keys[N][16], dues[N][11], *err = NULL;
	size_t added, updated, n, nu, i, j, nlate = 0;
	long plan_id;

	memset(sp, 0, sizeof sp);
	for (i = 0; i < N; i++) {
		r = r * 1103515245 + 12345;
		snprintf(keys[i], sizeof keys[i], "M:%02zu", i);
		sp[i].key = keys[i];
		sp[i].code = (char *)codes[(r >> 8) % 8];
		sp[i].role = "CA";
		sp[i].support = "";
		sp[i].title = "x";
		sp[i].origin = ORIGIN_APPENDIX;
		sp[i].has_points = (r >> 12) % 3 != 0;
		sp[i].points = (score)((r >> 14) % 3) * 250;
		sp[i].due_source = DUE_DEFAULT;
		if ((r >> 16) % 5 != 0) {
			date_add(today(), days[(r >> 18) % 8], dues[i]);
			sp[i].due = dues[i];
		}
	}
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_plan_save(s, "p", &app, &plan_id, &err), 0);
	assert_int_equal(store_tasks_save(s, plan_id, &d, &added, &updated,
	    &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	assert_int_equal(added, N);
	/* Some done, so that overdue leaves them out. */
	for (i = 1; i <= N; i += 3)
		set_status(s, (long)i, "done");
	/* Every fourth a monthly target imported last month: met last month
	 * (id % 8 == 0) or short (id % 8 == 4), whatever its due column. */
	recurring_last_month(s, N);

	assert_int_equal(store_tasks(s, plan_id, NULL, &t, &n, &err), 0);
	assert_int_equal(n, N);
	for (i = 1; i < n; i++)
		if (task_order_cmp(&t[i - 1], &t[i]) >= 0)
			fail_msg("SQL order and task_order_cmp disagree at "
			    "%zu: #%ld, #%ld", i, t[i - 1].id, t[i].id);
	board_order_agrees(t, n);
	assert_int_equal(store_tasks(s, plan_id, &late, &u, &nu, &err), 0);
	for (i = j = 0; i < n; i++) {
		if (!task_overdue(&t[i]))
			continue;
		nlate++;
		assert_true(j < nu);
		assert_int_equal(u[j++].id, t[i].id);
	}
	assert_int_equal(nu, nlate);
	assert_true(nlate > 0 && nlate < n);
	for (i = 0; i < n; i++)
		if (t[i].id % 4 == 0 && t[i].status != STATUS_DONE)
			assert_int_equal(task_overdue(&t[i]), t[i].id % 8 == 4);
	tasks_free(u, nu);
	tasks_free(t, n);
	store_close(s);
}

/* The row this change wrote (store_task_set_field), for undo. */
static long
set_row(struct store *s, long id, const char *shown, const char *kind,
    const char *value, const char *user)
{
	char *err = NULL;
	long row;

	if (store_task_set_field(s, id, shown, kind, value, NULL, user, &row,
	    &err) != 0)
		fail_msg("store_task_set_field: %s", err);
	assert_true(row > 0);
	return row;
}

static void
test_undo(void **state)
{
	long plan_id, id, id2, r1, r2, r3, r4;
	struct store *s = fixture(&plan_id);
	struct task t;
	char *err = NULL;

	id = find(s, plan_id, "1.1/VP-TK");
	id2 = find(s, plan_id, "1.7/CA");
	assert_int_equal(store_undo_row(s, plan_id, 0, "alice", &err),
	    1);

	r1 = set_row(s, id, "todo", "status", "doing", "alice");
	r2 = set_row(s, id, "doing", "status", "done", "alice");
	r3 = set_row(s, id2, "2023-10-31", "due", "2023-10-01", "alice");
	/* A note is no undoable row. */
	assert_int_equal(store_task_note(s, id, "note", "n", "bob", &err),
	    0);
	assert_int_equal(store_undo_row(s, plan_id, r3 + 1, "bob", &err), 1);
	/* alice's change is not bob's to undo. */
	assert_int_equal(store_undo_row(s, plan_id, r3, "bob", &err),
	    1);

	assert_int_equal(store_undo_row(s, plan_id, r3, "alice", &err), 0);
	t = get(s, id2);
	assert_string_equal(t.due, "2023-10-31");
	assert_int_equal(t.due_source, DUE_DEFAULT);
	task_clear(&t);

	assert_int_equal(store_undo_row(s, plan_id, r2, "alice", &err), 0);
	t = get(s, id);
	assert_int_equal(t.status, STATUS_DOING);
	task_clear(&t);
	assert_int_equal(store_undo_row(s, plan_id, r1, "alice", &err), 0);
	t = get(s, id);
	assert_int_equal(t.status, STATUS_TODO);
	task_clear(&t);
	/* Only once. */
	assert_int_equal(store_undo_row(s, plan_id, r1, "alice", &err), 1);

	/* Someone changed the task since: refuse, change nothing. */
	r1 = set_row(s, id, "todo", "status", "done", "alice");
	r4 = set_row(s, id, "done", "status", "blocked", "bob");
	assert_int_equal(store_undo_row(s, plan_id, r1, "alice", &err), -1);
	assert_non_null(strstr(err, "changed since; nothing undone"));
	t = get(s, id);
	assert_int_equal(t.status, STATUS_BLOCKED);
	task_clear(&t);
	/* bob can undo his own. */
	assert_int_equal(store_undo_row(s, plan_id, r4, "bob", &err),
	    0);
	t = get(s, id);
	assert_int_equal(t.status, STATUS_DONE);
	task_clear(&t);
	free(err);
	store_close(s);
	assert_int_equal(count_sql("SELECT count(*) FROM history"
	    " WHERE kind = 'undo'"), 4);
	assert_int_equal(count_sql("SELECT count(*) FROM history"
	    " WHERE undone = 1"), 4);
}

static void
set_status(struct store *s, long id, const char *st)
{
	char *err = NULL;

	if (store_task_set(s, id, -1, "status", st, NULL, "u", &err) != 0)
		fail_msg("store_task_set: %s", err);
}

static size_t
count_tasks(struct store *s, long plan_id, const struct filter *f)
{
	struct task *t;
	size_t n;
	char *err = NULL;

	if (store_tasks(s, plan_id, f, &t, &n, &err) != 0)
		fail_msg("store_tasks: %s", err);
	tasks_free(t, n);
	return n;
}

static void
test_filters(void **state)
{
	long plan_id;
	struct store *s = fixture(&plan_id);
	struct filter f = { .status = -1 };
	char *err = NULL;

	assert_int_equal(count_tasks(s, plan_id, &f), 4);
	f.role = "CA";
	assert_int_equal(count_tasks(s, plan_id, &f), 2);
	f.role = NULL;
	f.status = STATUS_DONE;
	assert_int_equal(count_tasks(s, plan_id, &f), 0);
	set_status(s, find(s, plan_id, "1.7/CA"), "done");
	assert_int_equal(count_tasks(s, plan_id, &f), 1);
	f.status = -1;

	/* Today is 13/09/2023: only the radio task (due 01/09) is late. */
	f.overdue = true;
	assert_int_equal(count_tasks(s, plan_id, &f), 1);
	today_set("2023-11-01");
	assert_int_equal(count_tasks(s, plan_id, &f), 3);	/* not done */
	today_set("2023-09-13");
	f.overdue = false;

	f.user = "carol";
	assert_int_equal(count_tasks(s, plan_id, &f), 0);
	assert_int_equal(store_task_note(s, find(s, plan_id, "1.1/VP-TK"),
	    "note", "hi", "carol", &err), 0);
	assert_int_equal(count_tasks(s, plan_id, &f), 1);
	f.role = "CA";
	assert_int_equal(count_tasks(s, plan_id, &f), 0);
	store_close(s);
}

static void
test_findings_changes_add(void **state)
{
	long plan_id, id;
	struct store *s = fixture(&plan_id);
	struct finding fs[] = {
		{ .line = 12, .code = "1.1", .message = "1.1: sai" },
		{ .line = 0, .code = NULL, .message = "tổng sai" },
	};
	struct derivation d = { .findings = fs, .nfindings = 2 };
	struct derivation none = { 0 };
	struct change *c;
	struct task t;
	size_t n;
	char *err = NULL;

	assert_int_equal(store_findings_save(s, plan_id, "a.txt", &d, &err),
	    0);
	assert_int_equal(store_findings_save(s, plan_id, "b.tsv", &d, &err),
	    0);
	assert_int_equal(store_findings_save(s, plan_id, "b.tsv", &none,
	    &err), 0);
	/* b.tsv's findings replaced by none, a.txt's kept. */
	assert_int_equal(count_sql("SELECT count(*) FROM finding"
	    " WHERE file = 'a.txt'"), 2);
	assert_int_equal(count_sql("SELECT count(*) FROM finding"
	    " WHERE file = 'b.tsv'"), 0);

	assert_int_equal(store_task_add(s, plan_id, "CA", "1.7",
	    "Họp tổ dân phố", "15/10/2023", "dan", &id, &err), 0);
	t = get(s, id);
	assert_int_equal(t.origin, ORIGIN_MANUAL);
	assert_int_equal(strncmp(t.key, "M:", 2), 0);
	assert_string_equal(t.due, "2023-10-15");
	assert_string_equal(t.crit_title, "Đối thoại với người dân");
	assert_false(t.has_points);
	task_clear(&t);
	assert_int_equal(store_task_add(s, plan_id, "CA", NULL, "Khác",
	    "2023-10-31", "dan", &id, &err), 0);
	assert_int_equal(store_task_add(s, plan_id, "CA", NULL, "  ",
	    "2023-10-31", "dan", &id, &err), -1);
	assert_int_equal(store_task_add(s, plan_id, "CA", NULL, "x",
	    "mai", "dan", &id, &err), -1);
	assert_int_equal(count_tasks(s, plan_id, NULL), 6);
	/* The 1.7 manual task now keeps 1.7's points from being won. */
	set_status(s, find(s, plan_id, "1.7/CA"), "done");

	assert_int_equal(store_changes(s, plan_id, NULL, &c, &n, &err), 0);
	assert_int_equal(n, 4 + 2 + 1);
	assert_int_equal(c[n - 1].h.kind, HK_STATUS);
	assert_string_equal(c[n - 1].h.old, "todo");
	assert_string_equal(c[n - 1].h.new, "done");
	assert_string_equal(c[n - 1].code, "1.7");
	assert_string_equal(c[n - 1].role, "CA");
	changes_free(c, n);
	assert_int_equal(store_changes(s, plan_id, "2999-01-01", &c, &n,
	    &err), 0);
	assert_int_equal(n, 0);
	changes_free(c, n);
	free(err);
	store_close(s);
}

/* Run fn in a child (as nobody when we are root, so permissions bite);
 * its exit status is the number of failed checks. */
static int
in_child_as_nobody(int (*fn)(void))
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		if (geteuid() == 0 && (setgid(65534) != 0 ||
		    setuid(65534) != 0))
			_exit(100);
		_exit(fn());
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

#define CHILD_CHECK(c) do { if (!(c)) { fprintf(stderr,		\
	"%s:%d: check failed: %s\n", __FILE__, __LINE__, #c);		\
	bad++; } } while (0)

static int
readonly_child(void)
{
	struct store *s = NULL;
	struct task *t = NULL;
	struct plan p;
	size_t n = 0;
	char *err = NULL;
	long id = 0;
	int bad = 0;

	if (store_open(dbpath, false, &s, &err) != 0) {
		fprintf(stderr, "readonly open: %s\n", err);
		return 50;
	}
	CHILD_CHECK(store_readonly(s));
	CHILD_CHECK(store_plan_get(s, NULL, &p, &err) == 0);
	CHILD_CHECK(store_tasks(s, p.id, NULL, &t, &n, &err) == 0);
	CHILD_CHECK(n == 4);
	CHILD_CHECK(store_task_find(s, p.id, "1.7/CA", &id, &err) == 0);
	CHILD_CHECK(store_task_set(s, id, -1, "status", "done", NULL, "x",
	    &err) == -1);
	CHILD_CHECK(err != NULL && strstr(err, "database is read-only"));
	CHILD_CHECK(err != NULL && strstr(err, dbpath) == err);
	CHILD_CHECK(store_task_note(s, id, "note", "x", "x", &err) == -1);
	tasks_free(t, n);
	plan_clear(&p);
	store_close(s);
	free(err);
	return bad;
}

static void
test_readonly(void **state)
{
	long plan_id;
	struct store *s = fixture(&plan_id);
	char *dir = xasprintf("%s/sub/dir", tmpdir);
	char *sub = xasprintf("%s/sub", tmpdir);

	store_close(s);
	assert_int_equal(chmod(tmpdir, 0755), 0);
	assert_int_equal(chmod(sub, 0755), 0);
	/* A write-protected file in a writable directory... */
	assert_int_equal(chmod(dir, 0777), 0);
	assert_int_equal(chmod(dbpath, 0444), 0);
	assert_int_equal(in_child_as_nobody(readonly_child), 0);
	/* ...and a writable file in a directory nobody may write. */
	assert_int_equal(chmod(dbpath, 0666), 0);
	assert_int_equal(chmod(dir, 0555), 0);
	assert_int_equal(in_child_as_nobody(readonly_child), 0);
	assert_int_equal(chmod(dir, 0755), 0);
	/* The database is intact and writable again. */
	s = open_db();
	assert_false(store_readonly(s));
	store_close(s);
	free(dir);
	free(sub);
}

static long conc_task;

static int
writer_child(void)
{
	struct store *s = NULL;
	char *err = NULL, text[32];
	int i, bad = 0;

	if (store_open(dbpath, false, &s, &err) != 0) {
		fprintf(stderr, "writer open: %s\n", err);
		return 50;
	}
	for (i = 0; i < 200; i++) {
		snprintf(text, sizeof text, "note %d from %d", i,
		    (int)getpid());
		if (store_task_note(s, conc_task, "note", text, NULL,
		    &err) != 0) {
			fprintf(stderr, "note: %s\n", err);
			bad++;
		}
		if (i % 20 == 0 && store_task_set(s, conc_task, -1, "status",
		    i % 40 ? "doing" : "todo", NULL, NULL, &err) != 0) {
			fprintf(stderr, "set: %s\n", err);
			bad++;
		}
	}
	store_close(s);
	free(err);
	return bad > 99 ? 99 : bad;
}

static void
test_concurrent(void **state)
{
	long plan_id;
	struct store *s = fixture(&plan_id);
	pid_t pid[2];
	int i, status;
	char *sql;

	conc_task = find(s, plan_id, "1.1/VP-TK");
	store_close(s);		/* the children open their own */
	for (i = 0; i < 2; i++) {
		pid[i] = fork();
		assert_true(pid[i] >= 0);
		if (pid[i] == 0)
			_exit(writer_child());
	}
	for (i = 0; i < 2; i++) {
		assert_int_equal(waitpid(pid[i], &status, 0), pid[i]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	sql = xasprintf("SELECT count(*) FROM history WHERE task_id = %ld"
	    " AND kind = 'note'", conc_task);
	assert_int_equal(count_sql(sql), 400);
	free(sql);
	sql = xasprintf("SELECT version FROM task WHERE id = %ld", conc_task);
	assert_true(count_sql(sql) >= 401);
	free(sql);
}

/* Another writer holding the lock past the busy timeout (5 s): a clear
 * message, and nothing half written. */
static void
test_locked(void **state)
{
	long plan_id, id;
	struct store *s = fixture(&plan_id);
	sqlite3 *db;
	struct task t;
	char *err = NULL;

	id = find(s, plan_id, "1.1/VP-TK");
	assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL,
	    NULL), SQLITE_OK);
	assert_int_equal(store_task_note(s, id, "note", "x", "bob", &err),
	    -1);
	/* The holder is this very process: the kernel names no lock of
	 * our own (tests/cli/clock.sh has one of another process). */
	assert_non_null(strstr(err, "the database is locked, and the "
	    "process that holds it cannot be found; try again"));
	assert_int_equal(strncmp(err, dbpath, strlen(dbpath)), 0);
	free(err);
	err = NULL;
	/* Reading still works while someone writes (WAL). */
	t = get(s, id);
	assert_int_equal(t.nnotes, 0);
	task_clear(&t);
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(store_task_note(s, id, "note", "x", "bob", &err),
	    0);
	store_close(s);
}

/* store_check returns its problems as data: damage with the row's
 * columns, a finding with its place, a pinned row with its table, id and
 * the two times; the store prints nothing. */
static void
test_check_problems(void **state)
{
	long plan_id;
	struct store *s = fixture(&plan_id);
	struct store_problem *v;
	char *err = NULL;
	size_t n, i, damage = 0;
	const struct store_problem *pin = NULL, *fnd = NULL;

	(void)state;
	store_close(s);
	assert_int_equal(exec_sql("INSERT INTO history (task_id, user, kind)"
	    " VALUES (99999, 'x', 'note');"
	    " INSERT INTO history (task_id, user, kind, at, clock)"
	    " VALUES (1, 'x', 'note', '2020-01-01 10:00:00',"
	    " '2021-01-01 10:00:00');"
	    " INSERT INTO finding (plan_id, file, line, message)"
	    " VALUES (1, 'a.csv', 7, 'odd')"), SQLITE_OK);
	assert_int_equal(store_open(dbpath, false, &s, &err), 0);
	assert_int_equal(store_check(s, &v, &n, &err), 0);
	for (i = 0; i < n; i++)
		if (v[i].kind == STORE_PROBLEM_DAMAGE) {
			damage++;
			assert_int_equal(v[i].ncols, 4);
			assert_string_equal(v[i].cols[0], "history");
		} else if (v[i].kind == STORE_PROBLEM_PINNED &&
		    strncmp(v[i].dated, "2020-01-01", 10) == 0) {
			pin = &v[i];
		} else if (v[i].kind == STORE_PROBLEM_FINDING &&
		    v[i].file != NULL && strcmp(v[i].file, "a.csv") == 0) {
			fnd = &v[i];
		}
	assert_int_equal(damage, 1);
	assert_non_null(pin);
	assert_int_equal(pin->table, STORE_ROW_HISTORY);
	assert_int_equal(pin->id, count_sql("SELECT id FROM history"
	    " WHERE clock = '2021-01-01 10:00:00'"));
	assert_non_null(strstr(pin->written, "2021-01-01"));
	assert_non_null(fnd);
	assert_int_equal(fnd->finding.line, 7);
	assert_string_equal(fnd->finding.message, "odd");
	store_problems_free(v, n);
	store_close(s);
}

/* A store made read-only by its caller (--today in the shared install)
 * refuses every write with the reason, and says it when asked. */
static void
test_set_readonly(void **state)
{
	long plan_id, id;
	struct store *s = fixture(&plan_id);
	char *err = NULL, *why;

	(void)state;
	id = find(s, plan_id, "1.1/VP-TK");
	store_set_readonly(s, "pinned");
	assert_true(store_readonly(s));
	why = store_readonly_why(s);
	assert_string_equal(why, "pinned");
	free(why);
	assert_int_equal(store_task_note(s, id, "note", "x", "bob", &err),
	    -1);
	assert_non_null(strstr(err, "database is read-only: pinned"));
	free(err);
	store_close(s);
	assert_int_equal(count_sql("SELECT count(*) FROM history"
	    " WHERE kind = 'note'"), 0);
}

static void
test_speed(void **state)
{
	enum { N = 10000 };
	struct criterion *r = xcalloc(N, sizeof *r);
	struct task_spec *t = xcalloc(N, sizeof *t);
	struct appendix a = app;
	struct derivation d = { .tasks = t, .ntasks = N };
	struct store *s = open_db();
	struct timespec t0, t1;
	size_t i, added, updated;
	long plan_id;
	double secs;
	char *err = NULL;

	for (i = 0; i < N; i++) {
		r[i].code = xasprintf("%zu.%zu", i / 100, i % 100);
		r[i].title = xasprintf("Tiêu chí %zu", i);
		r[i].standard = 1000;
		r[i].appraised = 500;
		r[i].has = HAS_STANDARD | HAS_APPRAISED;
		r[i].line = (int)i + 1;
		t[i].key = xasprintf("A:%s/VP-TK", r[i].code);
		t[i].code = r[i].code;
		t[i].role = "VP-TK";
		t[i].support = "TP-HT";
		t[i].title = r[i].title;
		t[i].has_points = true;
		t[i].points = 500;
		t[i].due = "2023-10-31";
		t[i].due_source = DUE_DEFAULT;
	}
	a.rows = r;
	a.nrows = N;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_plan_save(s, "big", &a, &plan_id, &err), 0);
	assert_int_equal(store_tasks_save(s, plan_id, &d, &added, &updated,
	    &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	assert_int_equal(added, N);
	/* The time is printed, not judged: bench/cli-bench.sh measures it. */
	print_message("  import of %d criteria: %.3f s\n", N, secs);
	assert_int_equal(count_tasks(s, plan_id, NULL), N);
	store_close(s);
	for (i = 0; i < N; i++) {
		free(r[i].code);
		free(r[i].title);
		free(t[i].key);
	}
	free(r);
	free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status),
		cmocka_unit_test_setup_teardown(test_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_a_database, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_round_trip, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_resave, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reassign, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_lean, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changed_tasks, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_migrate_keys, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_changed_since, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_find, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rows_error, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_conflict, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_nested, setup, teardown),
		cmocka_unit_test_setup_teardown(test_undo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rules_agree, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_filters, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_findings_changes_add,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_readonly, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_concurrent, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_locked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_problems, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_set_readonly, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_speed, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
