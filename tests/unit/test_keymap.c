/* SPDX-License-Identifier: ISC */
/* test_keymap.c: the key table — names, defaults, rebinding, errors, and
 * the text the help view and the man page are made from. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "keymap.h"

static int
key(const char *name)
{
	int k = -1;

	assert_true(keymap_key_parse(name, &k));
	return k;
}

static void
test_action_enum_above_curses_keys(void **state)
{
	(void)state;
	assert_true(ACTION_MOVE_UP > KEY_MAX);
	assert_int_equal(ACTION_MOVE_UP, KEY_MAX + 1);
	assert_true(ACTION_QUIT > ACTION_MOVE_UP);
}

static void
test_key_names(void **state)
{
	char buf[32];

	(void)state;
	assert_int_equal(key("Up"), KEYMAP_FKEY(KEY_UP));
	assert_int_equal(key("up"), KEYMAP_FKEY(KEY_UP));
	assert_int_equal(key("PgDn"), KEYMAP_FKEY(KEY_NPAGE));
	assert_int_equal(key("PageDown"), KEYMAP_FKEY(KEY_NPAGE));
	assert_int_equal(key("F1"), KEYMAP_FKEY(KEY_F(1)));
	assert_int_equal(key("F12"), KEYMAP_FKEY(KEY_F(12)));
	assert_int_equal(key("C-l"), 12);
	assert_int_equal(key("Space"), ' ');
	assert_int_equal(key("Enter"), '\n');
	assert_int_equal(key("Esc"), 27);
	assert_int_equal(key("k"), 'k');
	assert_int_equal(key("?"), '?');
	/* A Vietnamese letter is a character, not a curses key code, even
	 * though U+0103 is inside curses' key range. */
	assert_int_equal(key("ă"), 0x103);
	assert_false(KEYMAP_IS_FKEY(key("ă")));
	assert_int_not_equal(key("ă"), KEYMAP_FKEY(0x103));

	int k;
	assert_false(keymap_key_parse("", &k));
	assert_false(keymap_key_parse("Hyper-q", &k));
	assert_false(keymap_key_parse("ab", &k));
	assert_false(keymap_key_parse("C-1", &k));
	assert_false(keymap_key_parse("F0", &k));
	assert_false(keymap_key_parse(NULL, &k));

	assert_string_equal(keymap_key_name(key("Up"), buf, sizeof buf), "Up");
	assert_string_equal(keymap_key_name(key("F5"), buf, sizeof buf), "F5");
	assert_string_equal(keymap_key_name(12, buf, sizeof buf), "C-l");
	assert_string_equal(keymap_key_name(' ', buf, sizeof buf), "Space");
	assert_string_equal(keymap_key_name('\r', buf, sizeof buf), "Enter");
	assert_string_equal(keymap_key_name(127, buf, sizeof buf),
	    "Backspace");
	assert_string_equal(keymap_key_name(0x1ebf, buf, sizeof buf), "ế");
}

static void
test_normalize(void **state)
{
	(void)state;
	assert_int_equal(keymap_key_normalize('\r'), KEYMAP_ENTER);
	assert_int_equal(keymap_key_normalize(KEYMAP_FKEY(KEY_ENTER)),
	    KEYMAP_ENTER);
	/* PuTTY sends DEL for Backspace; other terminals ^H. */
	assert_int_equal(keymap_key_normalize(127), KEYMAP_BACKSPACE);
	assert_int_equal(keymap_key_normalize(8), KEYMAP_BACKSPACE);
	assert_int_equal(keymap_key_normalize('x'), 'x');
}

static void
test_defaults(void **state)
{
	(void)state;
	assert_int_equal(keymap_load(NULL, NULL), 0);
	assert_int_equal(keymap_lookup('k'), ACTION_MOVE_UP);
	assert_int_equal(keymap_lookup(KEYMAP_FKEY(KEY_UP)), ACTION_MOVE_UP);
	assert_int_equal(keymap_lookup('j'), ACTION_MOVE_DOWN);
	assert_int_equal(keymap_lookup(KEYMAP_FKEY(KEY_HOME)),
	    ACTION_MOVE_FIRST);
	assert_int_equal(keymap_lookup('G'), ACTION_MOVE_LAST);
	assert_int_equal(keymap_lookup('1'), ACTION_COLUMN_1);
	assert_int_equal(keymap_lookup('9'), ACTION_COLUMN_9);
	assert_int_equal(keymap_lookup('\r'), ACTION_OPEN);
	assert_int_equal(keymap_lookup(' '), ACTION_STATUS_NEXT);
	assert_int_equal(keymap_lookup('s'), ACTION_STATUS_NEXT);
	assert_int_equal(keymap_lookup('D'), ACTION_DUE);
	assert_int_equal(keymap_lookup('d'), ACTION_NONE);
	assert_int_equal(keymap_lookup('?'), ACTION_HELP);
	assert_int_equal(keymap_lookup(KEYMAP_FKEY(KEY_F(1))), ACTION_HELP);
	assert_int_equal(keymap_lookup(27), ACTION_BACK);
	assert_int_equal(keymap_lookup('q'), ACTION_QUIT);
	assert_int_equal(keymap_lookup('/'), ACTION_SEARCH);
}

/* Every action has a name that parses back, a help text, and at least
 * one default key that really binds.  Until i18n_init() chooses a
 * language the texts are the English msgids. */
static void
test_every_action(void **state)
{
	enum action a, back;
	char *keys;

	(void)state;
	assert_int_equal(keymap_load(NULL, NULL), 0);
	for (a = ACTION_FIRST_ + 1; a < ACTION_END_; a++) {
		assert_true(keymap_action_parse(keymap_action_name(a), &back));
		assert_int_equal(back, a);
		assert_true(strlen(keymap_action_help(a)) > 0);
		keys = keymap_keys_of(a);
		assert_true(strlen(keys) > 0);
		free(keys);
	}
	assert_true(keymap_action_parse("none", &back));
	assert_int_equal(back, ACTION_NONE);
	assert_false(keymap_action_parse("frobnicate", &back));
	assert_int_equal(keymap_action_group(ACTION_MOVE_UP), GROUP_MOVE);
	assert_int_equal(keymap_action_group(ACTION_COLUMN_9), GROUP_MOVE);
	assert_int_equal(keymap_action_group(ACTION_OPEN), GROUP_TASK);
	assert_int_equal(keymap_action_group(ACTION_UNDO), GROUP_TASK);
	assert_int_equal(keymap_action_group(ACTION_SEARCH), GROUP_VIEW);
	assert_int_equal(keymap_action_group(ACTION_QUIT), GROUP_OTHER);
	assert_string_equal(keymap_group_title(GROUP_MOVE), "Movement");
	assert_string_equal(keymap_group_title(GROUP_OTHER), "Other");
	assert_string_equal(keymap_action_help(ACTION_MOVE_UP),
	    "Move to the card above.");
	assert_string_equal(keymap_action_help(ACTION_NONE), "");
}

/* keymap_load on a configuration file that binds n keys of kb. */
static int
load_bindings(char *file, struct key_binding *kb, size_t n,
    char **err)
{
	struct config c;

	memset(&c, 0, sizeof c);
	c.file = file;
	c.keys = kb;
	c.nkeys = n;
	return keymap_load(&c, err);
}

/* The keys bound to a, as the help says them, are want. */
static void
check_keys_of(enum action a, const char *want)
{
	char *keys = keymap_keys_of(a);

	assert_string_equal(keys, want);
	free(keys);
}

static void
test_rebind(void **state)
{
	struct key_binding kb[] = {
		{ "x", "quit", 3 },
		{ "j", "none", 4 },
		{ "ă", "note", 5 },
		{ "F5", "reload", 6 },
		{ "k", "move-down", 7 },
	};
	char *err = NULL, **lines;
	size_t i;
	bool seen = false;

	(void)state;
	assert_int_equal(load_bindings("my.conf", kb,
	    sizeof kb / sizeof kb[0], &err), 0);
	assert_null(err);
	assert_int_equal(keymap_lookup('x'), ACTION_QUIT);
	assert_int_equal(keymap_lookup('q'), ACTION_QUIT);
	assert_int_equal(keymap_lookup('j'), ACTION_NONE);
	assert_int_equal(keymap_lookup(0x103), ACTION_NOTE);
	assert_int_equal(keymap_lookup(KEYMAP_FKEY(KEY_F(5))), ACTION_RELOAD);
	/* A key bound again leaves its old action. */
	assert_int_equal(keymap_lookup('k'), ACTION_MOVE_DOWN);
	check_keys_of(ACTION_MOVE_UP, "Up");
	check_keys_of(ACTION_MOVE_DOWN, "Down, k");
	check_keys_of(ACTION_QUIT, "q, x");
	/* The help walks the effective keymap. */
	lines = keymap_help_lines();
	for (i = 0; lines[i] != NULL; i++)
		if (strstr(lines[i], "ă") != NULL &&
		    strstr(lines[i], "Add a note") != NULL)
			seen = true;
	keymap_lines_free(lines);
	assert_true(seen);
	assert_int_equal(keymap_load(NULL, NULL), 0);
	assert_int_equal(keymap_lookup('j'), ACTION_MOVE_DOWN);
}

static void
test_rebind_errors(void **state)
{
	struct key_binding kb[] = {
		{ "s", "frobnicate", 7 },
		{ "x", "quit", 8 },
		{ "Hyper-q", "quit", 9 },
	};
	char *err = NULL;

	(void)state;
	assert_int_equal(load_bindings("/etc/parboard.conf", kb, 3, &err),
	    -1);
	assert_non_null(err);
	assert_string_equal(err,
	    "/etc/parboard.conf:7: unknown action 'frobnicate'\n"
	    "/etc/parboard.conf:9: unknown key 'Hyper-q'");
	free(err);
	keymap_load(NULL, NULL);
}

static char *
dump(const char *format, int *rc)
{
	char *data = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&data, &len);

	assert_non_null(f);
	*rc = keymap_dump(f, format);
	fclose(f);
	return data;
}

static void
test_dump(void **state)
{
	struct key_binding kb[] = { { "x", "quit", 3 } };
	char *man, *text;
	int rc;

	(void)state;
	man = dump("man", &rc);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(man, ".SS Movement\n.TP\n.BR \"Up\" \", \" \"k\"\n"
	    "Move to the card above.\n.RB [ move\\-up ]\n"));
	assert_non_null(strstr(man, ".TP\n.B \"C\\-l\"\n"));
	assert_non_null(strstr(man, ".SS Other\n"));
	free(man);

	/* The dump is the table's defaults, whatever the configuration. */
	assert_int_equal(load_bindings(NULL, kb, 1, NULL), 0);
	text = dump("text", &rc);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(text, "Movement\n  Up, k         Move to the "
	    "card above.\n"));
	assert_non_null(strstr(text, "  q             Quit"));
	assert_null(strstr(text, "q, x"));
	free(text);
	keymap_load(NULL, NULL);

	text = dump("html", &rc);
	assert_int_equal(rc, -1);
	free(text);
}

/* With Vietnamese chosen, the same table speaks Vietnamese: the help,
 * and the man page's KEYS section with the same macros (the catalogue
 * comes from PARBOARD_LOCALEDIR, set by make check). */
static void
test_vietnamese(void **state)
{
	char *man, *text;
	int rc;

	(void)state;
	setenv("LANGUAGE", "vi", 1);
	i18n_init();
	assert_string_equal(keymap_group_title(GROUP_MOVE), "Di chuyển");
	assert_string_equal(keymap_action_help(ACTION_MOVE_UP),
	    "Lên thẻ phía trên.");
	man = dump("man", &rc);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(man, ".SS Di chuyển\n.TP\n.BR \"Up\" \", \" "
	    "\"k\"\nLên thẻ phía trên.\n.RB [ move\\-up ]\n"));
	assert_non_null(strstr(man, ".SS Khác\n"));
	free(man);
	text = dump("text", &rc);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(text, "Di chuyển\n  Up, k         Lên thẻ phía "
	    "trên.\n"));
	assert_non_null(strstr(text, "  q             Thoát"));
	free(text);
}

/* Issue 7's keys: S back, t the status picker, m move, distinct from
 * s (forward) and the filter's own m (read inside its question). */
static void
test_safe_keys(void **state)
{
	enum action a;

	(void)state;
	assert_int_equal(keymap_load(NULL, NULL), 0);
	assert_int_equal(keymap_lookup('S'), ACTION_STATUS_BACK);
	assert_int_equal(keymap_lookup('t'), ACTION_STATUS_PICK);
	assert_int_equal(keymap_lookup('m'), ACTION_MOVE_ROLE);
	assert_int_equal(keymap_lookup('u'), ACTION_UNDO);
	assert_true(keymap_action_parse("status-back", &a));
	assert_int_equal(a, ACTION_STATUS_BACK);
	assert_true(keymap_action_parse("status-pick", &a));
	assert_int_equal(a, ACTION_STATUS_PICK);
	assert_true(keymap_action_parse("move-role", &a));
	assert_int_equal(a, ACTION_MOVE_ROLE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_action_enum_above_curses_keys),
		cmocka_unit_test(test_key_names),
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_every_action),
		cmocka_unit_test(test_rebind),
		cmocka_unit_test(test_rebind_errors),
		cmocka_unit_test(test_dump),
		cmocka_unit_test(test_vietnamese),
		cmocka_unit_test(test_safe_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
