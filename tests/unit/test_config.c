/* SPDX-License-Identifier: ISC */
/* test_config.c: the configuration file — defaults, the shipped file,
 * errors with their lines, deadline precedence, path resolution. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1		/* setenv, mkdtemp; configure passes it too */
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Before cmocka.h, whose fail() macro would eat util.h's fail(). */
#include "config.h"
#include "paths.h"
#include "util.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "conf_fixture.h"

/* Load text as a configuration; returns the error (or NULL) and the
 * config in *out (or NULL). */
static char *
load_text(const char *text, struct config **out, char **path)
{
	char *err = NULL, *p = write_conf("t.conf", text);
	int rc = config_load(p, out, &err);

	if (rc == 0) {
		assert_null(err);
		assert_non_null(*out);
	} else {
		assert_int_equal(rc, -1);
		assert_non_null(err);
		assert_null(*out);
	}
	if (path != NULL)
		*path = p;
	else
		free(p);
	return err;
}

/* Does err hold a line starting with "path:line: " and containing what? */
static bool
has_error(const char *err, const char *path, int line, const char *what)
{
	char *prefix = xasprintf("%s:%d: ", path, line);
	const char *p = err;
	size_t n = strlen(prefix);
	bool found = false;

	while (p != NULL && *p != '\0') {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		char *one = xstrndup(p, len);
		if (strncmp(one, prefix, n) == 0 && strstr(one, what) != NULL)
			found = true;
		free(one);
		p = eol ? eol + 1 : NULL;
	}
	free(prefix);
	return found;
}

static int
count_lines(const char *s)
{
	int n = 1;

	for (; *s != '\0'; s++)
		n += *s == '\n';
	return n;
}

/* Loading text fails with one error, what at line. */
static void
check_one_error(const char *text, int line, const char *what)
{
	struct config *c;
	char *path, *err = load_text(text, &c, &path);

	assert_true(has_error(err, path, line, what));
	assert_int_equal(count_lines(err), 1);
	free(path);
	free(err);
}

static void
test_defaults(void **state)
{
	static const char *ids[] = { "VP-TK", "TP-HT", "VH-XH", "TN-TKQ",
	    "CA", "DTT", "MTTQ", "DC-XD", "TC-KT", "QS", "CHUNG",
	    "CHUA-GIAO" };
	struct config *c = config_default();
	const struct role *r;
	size_t i;

	assert_null(c->file);
	assert_null(c->database);
	assert_string_equal(c->default_due, "2023-10-31");
	assert_int_equal(c->warn_days, 7);
	assert_int_equal(c->nroles, 12);
	for (i = 0; i < 12; i++) {
		assert_string_equal(c->roles[i].id, ids[i]);
		assert_int_equal(c->roles[i].common, i == 10);
		assert_int_equal(c->roles[i].unassigned, i == 11);
		assert_null(c->roles[i].due);
	}
	assert_string_equal(c->roles[0].name, "Văn phòng – Thống kê");
	assert_int_equal(c->roles[0].npatterns, 2);
	assert_string_equal(c->roles[0].patterns[0], "van phong");
	assert_string_equal(c->roles[0].patterns[1], "thong ke");
	assert_string_equal(c->roles[2].patterns[0], "van hoa");
	/* No bare "xã hội": "đoàn thể chính trị – xã hội" is MTTQ's. */
	assert_int_equal(c->roles[2].npatterns, 1);

	r = config_role(c, "TN-TKQ");
	assert_ptr_equal(r, &c->roles[3]);
	assert_string_equal(r->name, "Bộ phận Tiếp nhận và Trả kết quả");
	assert_int_equal(r->npatterns, 4);
	assert_string_equal(r->patterns[0], "tiep nhan va tra ket qua");
	assert_string_equal(r->patterns[1], "mot cua");
	assert_string_equal(r->patterns[2], "tn&tkq");
	assert_string_equal(r->patterns[3], "tn va tkq");
	/* đ folds to d. */
	assert_string_equal(c->roles[5].name, "Đài truyền thanh");
	assert_string_equal(c->roles[5].patterns[0], "truyen thanh");

	r = config_role(c, "MTTQ");
	assert_ptr_equal(r, &c->roles[6]);
	assert_string_equal(r->name, "Mặt trận Tổ quốc và các đoàn thể");
	assert_int_equal(r->npatterns, 7);
	assert_string_equal(r->patterns[0], "mat tran");
	assert_string_equal(r->patterns[1], "mttq");
	assert_string_equal(r->patterns[2], "doan the");
	assert_string_equal(r->patterns[3], "hoi phu nu");
	assert_string_equal(r->patterns[4], "doan thanh nien");
	assert_string_equal(r->patterns[5], "hoi nong dan");
	assert_string_equal(r->patterns[6], "cuu chien binh");

	r = config_role(c, "chung");	/* ids ignore ASCII case */
	assert_non_null(r);
	assert_true(r->common);
	assert_string_equal(r->name, "Cán bộ, công chức");
	assert_int_equal(r->npatterns, 3);
	assert_string_equal(r->patterns[0], "can bo, cong chuc");
	assert_string_equal(r->patterns[1], "can bo cong chuc");
	assert_string_equal(r->patterns[2], "cbcc");
	assert_string_equal(c->roles[11].name, "Chưa giao");
	assert_int_equal(c->roles[11].npatterns, 0);
	/* Civil servants' titles: "địa chính", never a bare "xây dựng". */
	r = config_role(c, "DC-XD");
	assert_non_null(r);
	assert_int_equal(r->npatterns, 1);
	assert_string_equal(r->patterns[0], "dia chinh");
	assert_null(config_role(c, "NOPE"));
	assert_int_equal(c->nkeys, 0);
	assert_int_equal(c->ncolors, 0);
	config_free(c);
}

/* The shipped file loads cleanly and says exactly what the defaults do. */
static void
test_shipped_file(void **state)
{
	struct config *c = NULL, *d = config_default();
	char *err = NULL;
	size_t i, j;

	if (config_load(SRCDATADIR "/parboard.conf.in", &c, &err) != 0)
		fail_msg("%s", err);
	assert_string_equal(c->file, SRCDATADIR "/parboard.conf.in");
	assert_string_equal(c->default_due, d->default_due);
	assert_int_equal(c->warn_days, d->warn_days);
	assert_null(c->database);
	assert_int_equal(c->ncode_due, 0);
	assert_int_equal(c->nroles, d->nroles);
	for (i = 0; i < d->nroles; i++) {
		assert_string_equal(c->roles[i].id, d->roles[i].id);
		assert_string_equal(c->roles[i].name, d->roles[i].name);
		assert_int_equal(c->roles[i].common, d->roles[i].common);
		assert_int_equal(c->roles[i].unassigned,
		    d->roles[i].unassigned);
		assert_int_equal(c->roles[i].npatterns, d->roles[i].npatterns);
		for (j = 0; j < d->roles[i].npatterns; j++)
			assert_string_equal(c->roles[i].patterns[j],
			    d->roles[i].patterns[j]);
	}
	config_free(c);
	config_free(d);
}

static void
test_syntax_error(void **state)
{
	struct config *c;
	char *path, *err, *want;

	err = load_text("# a comment\nwarn_days = 3;\n"
	    "deadline = = \"2023-10-31\";\ncommune = \"y\";\n", &c, &path);
	want = xasprintf("%s:3: ", path);
	assert_true(strncmp(err, want, strlen(want)) == 0);
	assert_true(strlen(err) > strlen(want));
	assert_int_equal(count_lines(err), 1);
	free(want);
	free(path);
	free(err);
}

static void
test_unknown_setting(void **state)
{
	struct config *c;
	char *path, *err;

	err = load_text("warn_days = 3;\n"
	    "# spelled wrong\n"
	    "dealine = \"2023-10-31\";\n"
	    "roles = ( { id = \"A\"; mach = [ \"a\" ]; } );\n", &c, &path);
	assert_true(has_error(err, path, 3, "unknown setting \"dealine\" "
	    "(did you mean \"deadline\"?)"));
	assert_true(has_error(err, path, 4, "unknown setting \"mach\""));
	assert_int_equal(count_lines(err), 2);
	free(path);
	free(err);
}

static void
test_unknown_override_role(void **state)
{
	struct config *c;
	char *err;

	check_one_error("criteria = (\n"
	    "  { code = \"3.12.1\"; deadline = \"2023-10-15\"; },\n"
	    "  { code = \"1.7\"; role = \"POLICE\"; deadline = \"2023-10-15\"; }\n"
	    ");\n", 3, "unknown role \"POLICE\"");

	/* The same criterion twice for the same role is a mistake. */
	check_one_error("criteria = (\n"
	    "  { code = \"1.7\"; role = \"CA\"; deadline = \"2023-10-15\"; },\n"
	    "  { code = \"1.7\"; deadline = \"2023-10-15\"; },\n"
	    "  { code = \"1.7\"; role = \"ca\"; deadline = \"2023-10-01\"; }\n"
	    ");\n", 4, "criterion 1.7/ca is overridden twice (first at "
	    "line 2)");

	/* A role defined after the override is known. */
	err = load_text("criteria = ( { code = \"1.7\"; role = \"X\";"
	    " deadline = \"2023-10-15\"; } );\n"
	    "roles = ( { id = \"X\"; name = \"Ex\"; } );\n", &c, NULL);
	assert_null(err);
	assert_string_equal(c->code_due[0].role, "X");
	config_free(c);
}

static void
test_bad_date(void **state)
{
	struct config *c;
	char *path, *err;

	err = load_text("deadline = \"31/02/2023\";\n", &c, &path);
	assert_true(has_error(err, path, 1, "not a date"));
	free(path);
	free(err);

	err = load_text("\nroles = ( { id = \"A\"; deadline = \"soon\"; } );\n",
	    &c, &path);
	assert_true(has_error(err, path, 2, "\"soon\" is not a date"));
	free(path);
	free(err);

	/* dd/mm/yyyy is accepted and stored as YYYY-MM-DD. */
	err = load_text("deadline = \"15/11/2023\";\n", &c, NULL);
	assert_null(err);
	assert_string_equal(c->default_due, "2023-11-15");
	config_free(c);
}

static void
test_duplicate_role(void **state)
{
	struct config *c;
	char *path, *err;

	check_one_error("roles = (\n"
	    "  { id = \"A\"; name = \"One\"; },\n"
	    "  { id = \"B\"; },\n"
	    "  { id = \"a\"; name = \"Again\"; }\n"
	    ");\n", 4, "duplicate role id \"a\" "
	    "(first at line 2)");

	err = load_text("roles = ( { id = \"V P\"; } );\n", &c, &path);
	assert_true(has_error(err, path, 1, "role id \"V P\""));
	free(path);
	free(err);
}

static void
test_errors_collected(void **state)
{
	struct config *c;
	char *path, *err;

	err = load_text("warn_days = \"seven\";\n"
	    "deadline = \"2023-13-01\";\n"
	    "colour = { done = \"green\"; };\n"
	    "colors = { done = \"grean\"; soon = \"red/\"; };\n"
	    "bind = ( (\"x\"), (\"y\", \"quit\") );\n"
	    "roles = ( { name = \"No id\"; } );\n", &c, &path);
	assert_true(has_error(err, path, 1, "warn_days must be an integer"));
	assert_true(has_error(err, path, 2, "not a date"));
	assert_true(has_error(err, path, 3, "unknown setting \"colour\""));
	assert_true(has_error(err, path, 4, "done = \"grean\""));
	assert_true(has_error(err, path, 4, "soon = \"red/\""));
	assert_true(has_error(err, path, 5, "a binding is"));
	assert_true(has_error(err, path, 6, "a role needs an id"));
	assert_int_equal(count_lines(err), 7);
	assert_int_equal(err[strlen(err) - 1] != '\n', 1);
	free(path);
	free(err);
}

static void
test_settings(void **state)
{
	struct config *c;
	char *err;

	err = load_text("commune = \"Xã Hiền Thành\";\n"
	    "warn_days = 10;\n"
	    "roles = (\n"
	    "  { id = \"A\"; name = \"Ấp – A\"; match = [ \"Văn HOÁ\" ]; },\n"
	    "  { id = \"CHUNG\"; },\n"
	    "  { id = \"B\"; deadline = \"2023-10-20\"; }\n"
	    ");\n"
	    "common = { name = \"Toàn thể\"; };\n"
	    "unassigned = { id = \"NONE\"; name = \"Không ai\"; };\n"
	    "bind = (\n"
	    "  (\"x\", \"quit\"),\n"
	    "  { key = \"C-l\"; action = \"no-such-action\"; }\n"
	    ");\n"
	    "colors = {\n"
	    "  overdue = \"red\";\n"
	    "  header = \"white/blue\";\n"
	    "};\n", &c, NULL);
	assert_null(err);
	assert_string_equal(c->commune, "Xã Hiền Thành");
	assert_int_equal(c->warn_days, 10);
	/* CHUNG is placed where the list names it; CHUA-GIAO, renamed, last. */
	assert_int_equal(c->nroles, 4);
	assert_string_equal(c->roles[0].id, "A");
	assert_string_equal(c->roles[0].patterns[0], "van hoa");
	assert_string_equal(c->roles[1].id, "CHUNG");
	assert_true(c->roles[1].common);
	assert_string_equal(c->roles[1].name, "Toàn thể");
	assert_int_equal(c->roles[1].npatterns, 3);
	assert_string_equal(c->roles[2].id, "B");
	assert_string_equal(c->roles[2].name, "B");
	assert_int_equal(c->roles[2].npatterns, 0);
	assert_string_equal(c->roles[3].id, "NONE");
	assert_true(c->roles[3].unassigned);
	assert_string_equal(c->roles[3].name, "Không ai");

	/* Bindings keep their lines; action names are not judged here. */
	assert_int_equal(c->nkeys, 2);
	assert_string_equal(c->keys[0].key, "x");
	assert_string_equal(c->keys[0].action, "quit");
	assert_int_equal(c->keys[0].line, 11);
	assert_string_equal(c->keys[1].key, "C-l");
	assert_string_equal(c->keys[1].action, "no-such-action");
	assert_int_equal(c->keys[1].line, 12);

	assert_int_equal(c->ncolors, 2);
	assert_string_equal(c->colors[0].element, "overdue");
	assert_string_equal(c->colors[0].fg, "red");
	assert_null(c->colors[0].bg);
	assert_int_equal(c->colors[0].line, 15);
	assert_string_equal(c->colors[1].element, "header");
	assert_string_equal(c->colors[1].fg, "white");
	assert_string_equal(c->colors[1].bg, "blue");
	config_free(c);
}

static void
test_due_precedence(void **state)
{
	struct config *c;
	enum due_source src;
	char *err;

	err = load_text("deadline = \"2023-10-31\";\n"
	    "roles = ( { id = \"A\"; deadline = \"2023-10-20\"; },\n"
	    "          { id = \"B\"; } );\n"
	    "criteria = (\n"
	    "  { code = \"3.12.1\"; deadline = \"2023-10-15\"; },\n"
	    "  { code = \"1.7\"; role = \"B\"; deadline = \"01/10/2023\"; },\n"
	    "  { code = \"1.7\"; deadline = \"2023-10-05\"; }\n"
	    ");\n", &c, NULL);
	assert_null(err);

	assert_string_equal(config_due(c, "A", "3.12.1", &src), "2023-10-15");
	assert_int_equal(src, DUE_CRITERION);
	assert_string_equal(config_due(c, "B", "3.12.1", &src), "2023-10-15");
	assert_int_equal(src, DUE_CRITERION);
	assert_string_equal(config_due(c, "A", "3.12", &src), "2023-10-20");
	assert_int_equal(src, DUE_ROLE);
	assert_string_equal(config_due(c, "A", NULL, &src), "2023-10-20");
	assert_int_equal(src, DUE_ROLE);
	assert_string_equal(config_due(c, "B", "3.12", &src), "2023-10-31");
	assert_int_equal(src, DUE_DEFAULT);
	assert_string_equal(config_due(c, NULL, NULL, &src), "2023-10-31");
	assert_int_equal(src, DUE_DEFAULT);
	assert_string_equal(config_due(c, "NOPE", "2.1", NULL), "2023-10-31");
	/* The role-specific override beats the plain one, whatever order. */
	assert_string_equal(config_due(c, "B", "1.7", &src), "2023-10-01");
	assert_int_equal(src, DUE_CRITERION);
	assert_string_equal(config_due(c, "A", "1.7", &src), "2023-10-05");
	assert_int_equal(src, DUE_CRITERION);
	config_free(c);

	c = config_default();
	assert_string_equal(config_due(c, "CA", "1.7", &src), "2023-10-31");
	assert_int_equal(src, DUE_DEFAULT);
	config_free(c);
}

static void
test_database_path(void **state)
{
	struct config *c = config_default();
	char *p, *err, *want;

	p = config_database_path(c, "/x/explicit.db");
	assert_string_equal(p, "/x/explicit.db");
	free(p);

	setenv("HOME", "/home/tester", 1);
	p = config_database_path(c, NULL);
	assert_string_equal(p, "/home/tester/.local/share/parboard/parboard.db");
	free(p);
	setenv("XDG_DATA_HOME", "/data", 1);
	p = config_database_path(c, NULL);
	assert_string_equal(p, "/data/parboard/parboard.db");
	free(p);
	/* A relative XDG directory is ignored, as the XDG rules say. */
	setenv("XDG_DATA_HOME", "rel", 1);
	p = config_database_path(c, NULL);
	assert_string_equal(p, "/home/tester/.local/share/parboard/parboard.db");
	free(p);
	config_free(c);

	setenv("HOME", tmpdir, 1);
	err = load_text("database = \"~/db/board.db\";\n", &c, NULL);
	assert_null(err);
	want = xasprintf("%s/db/board.db", tmpdir);
	assert_string_equal(c->database, want);
	p = config_database_path(c, NULL);
	assert_string_equal(p, want);
	free(p);
	p = config_database_path(c, "other.db");
	assert_string_equal(p, "other.db");
	free(p);
	config_free(c);
	free(want);

	err = load_text("database = \"$HOME/b.db\";\n", &c, NULL);
	assert_null(err);
	want = xasprintf("%s/b.db", tmpdir);
	assert_string_equal(c->database, want);
	free(want);
	config_free(c);

	err = load_text("database = \"/srv/parboard.db\";\n", &c, NULL);
	assert_null(err);
	assert_string_equal(c->database, "/srv/parboard.db");
	config_free(c);
	unsetenv("XDG_DATA_HOME");
}

static void
test_search_order(void **state)
{
	struct config *c = NULL;
	char *err = NULL, *missing, *env_file, *xdg_file, *dir;

	/* An explicit file that is missing is an error, never a fallback. */
	missing = xasprintf("%s/missing.conf", tmpdir);
	assert_int_equal(config_load(missing, &c, &err), -1);
	assert_null(c);
	assert_non_null(strstr(err, missing));
	free(err);
	err = NULL;

	/* A directory is no configuration file. */
	assert_int_equal(config_load(tmpdir, &c, &err), -1);
	assert_non_null(strstr(err, "directory"));
	free(err);
	err = NULL;

	setenv("PARBOARD_CONFIG", missing, 1);
	assert_int_equal(config_load(NULL, &c, &err), -1);
	assert_null(c);
	assert_non_null(strstr(err, missing));
	free(err);
	err = NULL;

	/* $PARBOARD_CONFIG wins over the XDG file, -c over both. */
	env_file = write_conf("env.conf", "warn_days = 1;\n");
	dir = xasprintf("%s/xdg/parboard/parboard.conf", tmpdir);
	assert_int_equal(make_parent_dirs(dir, &err), 0);
	free(dir);
	xdg_file = write_conf("xdg/parboard/parboard.conf", "warn_days = 2;\n");
	setenv("PARBOARD_CONFIG", env_file, 1);
	dir = xasprintf("%s/xdg", tmpdir);
	setenv("XDG_CONFIG_HOME", dir, 1);
	free(dir);

	assert_int_equal(config_load(NULL, &c, &err), 0);
	assert_int_equal(c->warn_days, 1);
	assert_string_equal(c->file, env_file);
	config_free(c);

	assert_int_equal(config_load(xdg_file, &c, &err), 0);
	assert_int_equal(c->warn_days, 2);
	config_free(c);

	unsetenv("PARBOARD_CONFIG");
	assert_int_equal(config_load(NULL, &c, &err), 0);
	assert_int_equal(c->warn_days, 2);
	assert_string_equal(c->file, xdg_file);
	config_free(c);

	/* Without XDG_CONFIG_HOME, ~/.config is looked at. */
	unsetenv("XDG_CONFIG_HOME");
	dir = xasprintf("%s/.config/parboard/parboard.conf", tmpdir);
	assert_int_equal(make_parent_dirs(dir, &err), 0);
	free(dir);
	free(write_conf(".config/parboard/parboard.conf", "warn_days = 3;\n"));
	assert_int_equal(config_load(NULL, &c, &err), 0);
	assert_int_equal(c->warn_days, 3);
	config_free(c);

	/* No file anywhere: the defaults, file NULL (unless the build's
	 * sysconfdir holds one). */
	setenv("HOME", "/nonexistent-home", 1);
	if (access(SYSCONFDIR "/parboard.conf", F_OK) != 0) {
		assert_int_equal(config_load(NULL, &c, &err), 0);
		assert_null(c->file);
		assert_int_equal(c->nroles, 12);
		config_free(c);
	}
	setenv("HOME", tmpdir, 1);
	assert_null(err);
	free(missing);
	free(env_file);
	free(xdg_file);
}

/* roff escapes of man/parboard.5.in's example back to UTF-8 text. */
static char *
unroff(const char *s, size_t n)
{
	struct buf b = { 0 };
	const char *end = s + n;
	unsigned long u;
	char *next;

	while (s < end) {
		if (strncmp(s, "\\-", 2) == 0) {
			buf_addc(&b, '-');
			s += 2;
		} else if (strncmp(s, "\\(en", 4) == 0) {
			buf_adds(&b, "\u2013");
			s += 4;
		} else if (strncmp(s, "\\(dq", 4) == 0) {
			buf_addc(&b, '"');
			s += 4;
		} else if (strncmp(s, "\\[u", 3) == 0) {
			u = strtoul(s + 3, &next, 16);
			assert_true(*next == ']');
			if (u < 0x800) {
				buf_addc(&b, (char)(0xc0 | (u >> 6)));
			} else {
				buf_addc(&b, (char)(0xe0 | (u >> 12)));
				buf_addc(&b, (char)(0x80 | ((u >> 6) & 0x3f)));
			}
			buf_addc(&b, (char)(0x80 | (u & 0x3f)));
			s = next + 1;
		} else {
			assert_true(*s != '\\');
			buf_addc(&b, *s++);
		}
	}
	return buf_take(&b);
}

/* Who a history row's user is: the person of an account, a shared
 * login's claim by the configured name, else as it is (issue 21). */
static void
test_actor_name(void **state)
{
	static const char *cases[][2] = {
		{ "uxlan", "Nguy\u1ec5n Th\u1ecb Lan" },
		{ "ubnd (nguyen thi lan)", "Nguy\u1ec5n Th\u1ecb Lan" },
		{ "ubnd (H\u00f9ng)", "H\u00f9ng" },
		{ "someone", "someone" },
		{ "a (b", "a (b" },
	};
	const struct member *m;
	struct config *c;
	char *path, *err, *who;
	size_t i;

	(void)state;
	err = load_text("people = ( { name = \"Nguy\u1ec5n Th\u1ecb Lan\";"
	    " roles = [\"VP-TK\"]; account = \"uxlan\"; } );\n", &c, &path);
	assert_null(err);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		who = config_actor_name(c, cases[i][0], &m);
		assert_string_equal(who, cases[i][1]);
		assert_int_equal(m != NULL, i < 2);
		free(who);
	}
	assert_null(config_actor_name(c, NULL, NULL));
	config_free(c);
	free(path);
}

/* The EXAMPLE of parboard.conf(5) is a file that loads as described. */
static void
test_man_example(void **state)
{
	struct config *c = NULL;
	char *page, *text, *path, *err = NULL;
	const char *ex, *ee;
	enum due_source src;
	size_t len;

	if (read_file(SRCDATADIR "/../man/parboard.5.in", LIMIT_FILE, &page, &len,
	    &err) != 0)
		fail_msg("%s", err);
	ex = strstr(page, "\n.SH EXAMPLE\n");
	assert_non_null(ex);
	ex = strstr(ex, "\n.EX\n");
	assert_non_null(ex);
	ex += strlen("\n.EX\n");
	ee = strstr(ex, "\n.EE\n");
	assert_non_null(ee);
	text = unroff(ex, (size_t)(ee - ex) + 1);
	path = write_conf("example.conf", text);
	if (config_load(path, &c, &err) != 0)
		fail_msg("%s", err);
	assert_string_equal(c->commune, "X\u00e3 Hi\u1ec1n Th\u00e0nh");
	assert_int_equal(c->nroles, 5);
	assert_string_equal(c->roles[0].name,
	    "V\u0103n ph\u00f2ng \u2013 Th\u1ed1ng k\u00ea");
	assert_string_equal(c->roles[1].patterns[1], "tn&tkq");
	assert_string_equal(config_due(c, "CA", "1.7", &src), "2023-09-30");
	assert_string_equal(config_due(c, "CA", "1.4.2", &src), "2023-10-15");
	assert_int_equal(src, DUE_ROLE);
	assert_string_equal(config_due(c, "VP-TK", "3.12.1", &src),
	    "2023-10-10");
	assert_int_equal(c->nkeys, 2);
	assert_string_equal(c->keys[1].key, "F5");
	assert_int_equal(c->ncolors, 3);
	config_free(c);
	free(path);
	free(text);
	free(page);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_shipped_file),
		cmocka_unit_test(test_syntax_error),
		cmocka_unit_test(test_unknown_setting),
		cmocka_unit_test(test_unknown_override_role),
		cmocka_unit_test(test_bad_date),
		cmocka_unit_test(test_duplicate_role),
		cmocka_unit_test(test_errors_collected),
		cmocka_unit_test(test_settings),
		cmocka_unit_test(test_due_precedence),
		cmocka_unit_test(test_database_path),
		cmocka_unit_test(test_search_order),
		cmocka_unit_test(test_man_example),
		cmocka_unit_test(test_actor_name),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
