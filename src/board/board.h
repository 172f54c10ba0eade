/* SPDX-License-Identifier: ISC */
/* board.h: the curses board — the only module that speaks curses.
 *
 * The board needs a terminal on standard input and output (main.c checks
 * it first).  Headless mode for tests (as tig does it): when PARBOARD_KEYS
 * names a file, keys are read from it instead of the terminal (one key
 * per line: a character, or a name such as Enter, Esc, Up, Down, Left,
 * Right, Home, End, PgUp, PgDn, Space, Backspace, F1, C-l; "resize
 * COLSxLINES"; "dump" writes the screen; "wait MS"), output goes to
 * /dev/null through newterm(), and PARBOARD_DUMP names the file that
 * "dump" (and the end) writes the virtual screen to as text, read back
 * with mvwinnwstr.
 *
 * Beyond that: "type TEXT" types each character of TEXT (UTF-8) as a key;
 * "paste TEXT" is a bracketed paste of TEXT (\n in it a newline); a line
 * starting with "# " is a comment; each dump is followed by a line
 * "-- N" (N counts the dumps); an unknown key name ends the run with the
 * error "SCRIPT:LINE: unknown key 'x'".  The first dump file line is the
 * first screen row; trailing spaces are cut. */
#ifndef PARBOARD_BOARD_H
#define PARBOARD_BOARD_H

#include <stdbool.h>

#include "config.h"
#include "store.h"

/* Check the configuration's `bind` list and `colors` elements (what
 * config.c cannot know): "FILE:LINE: unknown action 'x'", "unknown key",
 * "unknown colour element"; all errors, one per line.  board_run() calls
 * it too; main() may call it first to fail before opening the database. */
int board_config_check(const struct config *c, char **err);

/* Run the board on plan_name (NULL: newest); view_only (--view) refuses
 * every key that changes something.  Returns 0 on a normal quit, -1 with
 * *err on a fatal error (the terminal is restored first). */
int board_run(struct store *s, const struct config *c,
    const char *plan_name, bool view_only, char **err);

/* The card order of n tasks as the board sorts them (on keys copied
 * out of the tasks): order[i] is the index of the i-th card.  The same
 * order as task_order_cmp (task.h); tests/unit/test_store.c checks it. */
void board_index_order(const struct task *tasks, size_t n, size_t *order);

/* The scripted-keys file of the test build (PARBOARD_KEYS), else NULL
 * (always NULL in the installed program: see term.c). */
const char *term_test_keys(void);

#endif
