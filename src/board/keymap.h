/* SPDX-License-Identifier: ISC */
/* keymap.h: the one key table (src/board/keys.def) — dispatch, help, man page.
 *
 * A key is an int: a character as its Unicode code point, or a curses
 * function key (KEY_UP, KEY_F(1), ...) tagged with KEYMAP_FKEY so that it
 * cannot be mistaken for a character (curses key codes overlap code points
 * 0x101-0x1ff, which are Latin letters such as 'ă').  Enter, Backspace and
 * their variants are folded into one key each by keymap_key_normalize(). */
#ifndef PARBOARD_KEYMAP_H
#define PARBOARD_KEYMAP_H

#include <stdbool.h>
#include <stdio.h>

#include <curses.h>

#include "config.h"

#define KEYMAP_FKEY(k) (0x1000000 | (k))
#define KEYMAP_IS_FKEY(k) (((k) & 0x1000000) != 0)

/* The key names Enter and Backspace stand for. */
#define KEYMAP_ENTER '\n'
#define KEYMAP_BACKSPACE KEYMAP_FKEY(KEY_BACKSPACE)
#define KEYMAP_ESC 27

/* Actions start above every curses key code, as tig's requests do. */
enum action {
	ACTION_NONE = 0,
	ACTION_FIRST_ = KEY_MAX,
#define GROUP_(id, title)
#define ACTION_(id, name, help, keys) ACTION_##id,
#include "keys.def"
#undef GROUP_
#undef ACTION_
	ACTION_END_
};

enum action_group {
#define GROUP_(id, title) GROUP_##id,
#define ACTION_(id, name, help, keys)
#include "keys.def"
#undef GROUP_
#undef ACTION_
	GROUP_COUNT_
};

/* Reset the effective keymap to the table's defaults, then apply the
 * configuration's `bind` list (c may be NULL).  A bound key leaves the
 * action it had before; the action "none" unbinds a key.  An unknown
 * action or key name fails with "FILE:LINE: unknown action 'x'" (or key);
 * all such errors are collected, one per line. */
int keymap_load(const struct config *c, char **err);

/* Fold variants: CR, LF and KEY_ENTER are Enter; DEL, ^H and
 * KEY_BACKSPACE are Backspace. */
int keymap_key_normalize(int key);

/* The action of a (normalised) key in the effective keymap. */
enum action keymap_lookup(int key);

/* Parse a key name ("k", "Up", "Space", "C-l", "F5", "PgDn", "ă") into a
 * key; false when it is not one. */
bool keymap_key_parse(const char *name, int *key);
/* The name of a key, for help and messages; buf of at least 32 bytes. */
const char *keymap_key_name(int key, char *buf, size_t n);

/* Action by configuration name ("move-up") and back. */
bool keymap_action_parse(const char *name, enum action *out);
const char *keymap_action_name(enum action a);
/* Help text of an action and title of a group, in the user's language. */
const char *keymap_action_help(enum action a);
enum action_group keymap_action_group(enum action a);
const char *keymap_group_title(enum action_group g);

/* Keys bound to an action in the effective keymap, in binding order,
 * as names joined by ", " ("Up, k"); "" when none.  Malloc'd. */
char *keymap_keys_of(enum action a);

/* One help line per action and group, from the effective keymap: the
 * lines the `?` view shows and `--dump-keys=text` prints.  An action's
 * line is two spaces, its keys padded to KEYMAP_HELP_KEYS columns, two
 * spaces and the help text.  NULL terminated, free with
 * keymap_lines_free(). */
#define KEYMAP_HELP_KEYS 12
char **keymap_help_lines(void);
void keymap_lines_free(char **lines);

/* Print the table's default keymap in the user's language: format "man"
 * (the KEYS section body of man/parboard.1, roff, between the KEYS-BEGIN
 * and KEYS-END markers; LANGUAGE=en gives the English page's) or "text"
 * (the `?` help lines).  Returns -1 on an unknown format. */
int keymap_dump(FILE *out, const char *format);

#endif
