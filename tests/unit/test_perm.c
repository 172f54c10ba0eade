/* SPDX-License-Identifier: ISC */
/* test_perm.c: the users, admins, shared_accounts and people settings
 * (with their FILE:LINE errors) and the permission table of perm.h. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Before cmocka.h, whose fail() macro would eat util.h's fail(). */
#include "config.h"
#include "perm.h"
#include "util.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "conf_fixture.h"

static const char *const office =
    "users = { lan = [\"VP-TK\", \"TN-TKQ\"]; hung = [\"ca\"]; };\n"
    "admins = [\"chutich\", \"cchc\"];\n"
    "shared_accounts = [\"ubnd\"];\n"
    "people = ( { name = \"Lan\"; roles = [\"VP-TK\"]; },\n"
    "           { name = \"Hùng\"; roles = [\"CA\"]; } );\n";

static int
load(const char *text, struct config **c, char **err, char **path)
{
	*path = write_conf("t.conf", text);
	*c = NULL;
	*err = NULL;
	return config_load(*path, c, err);
}

/* err says what at line of the file at path. */
static void
check_error_at(const char *err, const char *path, int line,
    const char *what)
{
	char *want = xasprintf("%s:%d: %s", path, line, what);

	assert_non_null(strstr(err, want));
	free(want);
}

static struct perm *
who(const struct config *c, const char *account, const char *by)
{
	struct perm *p = NULL;
	char *err = NULL;

	assert_int_equal(perm_identify(c, account, by, &p, &err), 0);
	assert_null(err);
	return p;
}

static bool
may(const struct perm *p, enum perm_action a, const char *role,
    const char *support)
{
	char *err = NULL;
	int rc = perm_check(p, a, role, support, &err);

	if (rc != 0) {
		assert_non_null(err);
		assert_non_null(strstr(err, p->actor));
	}
	free(err);
	return rc == 0;
}

static void
test_settings(void **state)
{
	struct config *c;
	char *err, *path;

	(void)state;
	assert_int_equal(load(office, &c, &err, &path), 0);
	assert_true(c->has_users);
	assert_int_equal(c->nusers, 2);
	assert_string_equal(c->users[1].name, "hung");
	assert_string_equal(c->users[1].roles[0], "CA");	/* as spelt */
	assert_int_equal(c->nadmins, 2);
	assert_int_equal(c->nshared, 1);
	assert_int_equal(c->npeople, 2);
	assert_string_equal(c->people[1].name, "Hùng");
	config_free(c);
	free(path);
}

static void
test_errors(void **state)
{
	struct config *c;
	char *err, *path;

	(void)state;
	assert_int_equal(load(
	    "users = { lan = [\"VP-TK\"];\n"
	    "  hung = [\"XX\"]; };\n"
	    "admins = [\"\"];\n"
	    "people = ( { name = \"Lan\"; roles = [\"YY\"]; },\n"
	    "  { name = \"Lan\"; roles = [\"CA\"]; },\n"
	    "  { roles = [\"CA\"]; } );\n", &c, &err, &path), -1);
	assert_null(c);
	check_error_at(err, path, 2, "users: hung: unknown role \"XX\"");
	check_error_at(err, path, 3, "admins: empty name");
	check_error_at(err, path, 4, "people: Lan: unknown role \"YY\"");
	check_error_at(err, path, 5, "people: \"Lan\" is named twice");
	check_error_at(err, path, 6, "people: a person needs a name");
	free(err);
	free(path);
}

/* admins without users would restrict nothing: refused, with its line. */
static void
test_admins_alone(void **state)
{
	struct config *c;
	char *err, *path;

	(void)state;
	assert_int_equal(load("warn_days = 7;\nadmins = [\"cchc\"];\n", &c,
	    &err, &path), -1);
	assert_null(c);
	check_error_at(err, path, 2, "admins without users");
	free(err);
	free(path);
}

/* No users: everyone everything. */
static void
test_open(void **state)
{
	struct config *c = config_default();
	struct perm *p;

	(void)state;
	p = who(c, "anyone", NULL);
	assert_true(may(p, PERM_STATUS, "CA", NULL));
	assert_true(may(p, PERM_DUE, "CA", NULL));
	assert_true(may(p, PERM_IMPORT, NULL, NULL));
	assert_true(may(p, PERM_ADD, "CA", NULL));
	perm_free(p);
	config_free(c);
}

static void
test_table(void **state)
{
	struct config *c;
	struct perm *lan, *boss, *stranger;
	char *err, *path;

	(void)state;
	assert_int_equal(load(office, &c, &err, &path), 0);
	lan = who(c, "lan", NULL);
	boss = who(c, "cchc", NULL);
	stranger = who(c, "tuan", NULL);

	/* Everyone reads, notes, records minutes, backs up. */
	assert_true(may(stranger, PERM_READ, "CA", NULL));
	assert_true(may(stranger, PERM_NOTE, "CA", NULL));
	assert_true(may(stranger, PERM_MINUTES, NULL, NULL));
	assert_true(may(stranger, PERM_BACKUP, NULL, NULL));
	/* Status, evidence, ticks: the task's roles and the admins. */
	assert_true(may(lan, PERM_STATUS, "VP-TK", NULL));
	assert_true(may(lan, PERM_STATUS, "TN-TKQ", NULL));
	assert_true(may(lan, PERM_EVIDENCE, "CA", "TP-HT,VP-TK"));
	assert_true(may(lan, PERM_TICK, "CA", "VP-TK"));
	assert_false(may(lan, PERM_STATUS, "CA", NULL));
	assert_false(may(lan, PERM_EVIDENCE, "CA", "TP-HT"));
	assert_false(may(lan, PERM_TICK, NULL, NULL));
	assert_false(may(stranger, PERM_STATUS, "CA", NULL));
	assert_true(may(boss, PERM_STATUS, "CA", NULL));
	/* Adding to one's own column; due, reassign, import: admins. */
	assert_true(may(lan, PERM_ADD, "VP-TK", NULL));
	assert_false(may(lan, PERM_ADD, "CA", NULL));
	assert_false(may(lan, PERM_DUE, "VP-TK", NULL));
	assert_false(may(lan, PERM_REASSIGN, "VP-TK", NULL));
	assert_false(may(lan, PERM_IMPORT, NULL, NULL));
	assert_true(may(boss, PERM_DUE, "CA", NULL));
	assert_true(may(boss, PERM_REASSIGN, "CA", NULL));
	assert_true(may(boss, PERM_IMPORT, NULL, NULL));
	assert_true(may(boss, PERM_ADD, "CA", NULL));
	perm_free(lan);
	perm_free(boss);
	perm_free(stranger);
	config_free(c);
	free(path);
}

static void
test_shared(void **state)
{
	struct config *c;
	struct perm *p = NULL;
	char *err, *path, *name = NULL;
	FILE *in, *out;

	(void)state;
	assert_int_equal(load(office, &c, &err, &path), 0);
	/* No one named: reads only, and must name someone to change. */
	p = who(c, "ubnd", NULL);
	assert_true(perm_needs_person(p));
	assert_false(may(p, PERM_STATUS, "VP-TK", NULL));
	perm_free(p);
	/* Lan's roles, never admin; the history says both. */
	p = who(c, "ubnd", "lan");
	assert_false(perm_needs_person(p));
	assert_string_equal(p->actor, "ubnd (Lan)");
	assert_true(may(p, PERM_STATUS, "VP-TK", NULL));
	assert_false(may(p, PERM_STATUS, "TN-TKQ", NULL));
	assert_false(may(p, PERM_DUE, "VP-TK", NULL));
	perm_free(p);
	p = who(c, "ubnd", "hung");	/* "Hùng", folded */
	assert_string_equal(p->actor, "ubnd (Hùng)");
	perm_free(p);
	/* An unknown person fails; --by on a personal account is usage. */
	err = NULL;
	assert_int_equal(perm_identify(c, "ubnd", "Minh", &p, &err), -1);
	free(err);
	err = NULL;
	assert_int_equal(perm_identify(c, "lan", "Lan", &p, &err), 1);
	assert_non_null(strstr(err, "not one"));
	free(err);

	/* The question: a number, a name, or nothing. */
	in = fmemopen((char *)"x\n2\n", 4, "r");
	out = fopen("/dev/null", "w");
	err = NULL;
	assert_int_equal(perm_ask_person(c, in, out, &name, &err), 0);
	assert_string_equal(name, "Hùng");
	free(name);
	fclose(in);
	in = fmemopen((char *)"Lan\n", 4, "r");
	assert_int_equal(perm_ask_person(c, in, out, &name, &err), 0);
	assert_string_equal(name, "Lan");
	free(name);
	fclose(in);
	in = fmemopen((char *)"9\n\n", 3, "r");
	assert_int_equal(perm_ask_person(c, in, out, &name, &err), -1);
	assert_non_null(err);
	free(err);
	fclose(in);
	fclose(out);
	config_free(c);
	free(path);
}

/* People with their own accounts; the tasks for all staff (CHUNG). */
static void
test_people(void **state)
{
	static const char *const text =
	    "users = { hung = [\"CA\"]; };\n"
	    "admins = [\"chutich\"];\n"
	    "shared_accounts = [\"ubnd\"];\n"
	    "people = ( { name = \"Lan\"; roles = [\"VP-TK\"];\n"
	    "  account = \"lan\"; title = \"Công chức Văn phòng\"; },\n"
	    "  { name = \"Minh\"; roles = [\"TP-HT\"]; } );\n";
	struct config *c;
	struct perm *lan, *hung, *ubnd, *minh, *stranger;
	char *err, *path;

	(void)state;
	assert_int_equal(load(text, &c, &err, &path), 0);
	assert_string_equal(c->people[0].account, "lan");
	assert_string_equal(c->people[0].title, "Công chức Văn phòng");
	assert_null(c->people[1].account);
	lan = who(c, "lan", NULL);
	hung = who(c, "hung", NULL);
	ubnd = who(c, "ubnd", NULL);
	minh = who(c, "ubnd", "Minh");
	stranger = who(c, "tuan", NULL);
	/* A person's own account has the person's roles. */
	assert_true(may(lan, PERM_STATUS, "VP-TK", NULL));
	assert_false(may(lan, PERM_STATUS, "CA", NULL));
	assert_true(may(lan, PERM_PERSON, "VP-TK", NULL));
	assert_false(may(lan, PERM_PERSON, "CA", "VP-TK"));
	/* CHUNG: every configured account, and no other. */
	assert_true(may(lan, PERM_STATUS, "CHUNG", NULL));
	assert_true(may(hung, PERM_TICK, "chung", NULL));
	assert_true(may(minh, PERM_EVIDENCE, "CHUNG", NULL));
	assert_false(may(ubnd, PERM_STATUS, "CHUNG", NULL));
	assert_false(may(stranger, PERM_STATUS, "CHUNG", NULL));
	assert_false(may(stranger, PERM_EVIDENCE, "CHUNG", NULL));
	/* Not beyond reporting: adding to CHUNG stays the admins'. */
	assert_false(may(lan, PERM_ADD, "CHUNG", NULL));
	perm_free(lan);
	perm_free(hung);
	perm_free(ubnd);
	perm_free(minh);
	perm_free(stranger);
	config_free(c);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_settings),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_admins_alone),
		cmocka_unit_test(test_open),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_shared),
		cmocka_unit_test(test_people),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
