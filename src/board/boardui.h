/* SPDX-License-Identifier: ISC */
/* boardui.h: what the board's files share — board.c (the main loop),
 * board_load.c and board_index.c (the snapshot and its indexes),
 * board_register.c (since the last meeting), actions*.c (the key table's
 * actions), term.c (terminal, keys, headless mode), view.c, view_board.c
 * and taskview.c (drawing), prompt.c (the footer's line editor, menu and
 * picker), search.c (search and filters).  Private to them: nothing else
 * includes it. */
#ifndef PARBOARD_BOARDUI_H
#define PARBOARD_BOARDUI_H

#include <stdbool.h>
#include <stdio.h>
#include <wchar.h>

#include <curses.h>

#include "config.h"
#include "scoreview.h"
#include "store.h"
#include "text.h"
#include "util.h"

/* Without inotify: how long to wait for a key before looking for other
 * boards' changes (with it the board sleeps until a key or a write). */
#define POLL_MS 250

/* Returned by term_key() when the input timeout passed without a key. */
#define BOARD_TIMEOUT (-1)
/* The key script ended (or failed): the board quits. */
#define BOARD_EOF (-2)
/* A terminal size change (KEY_RESIZE, or "resize" in a key script). */
#define BOARD_RESIZE (0x1000000 | KEY_RESIZE)
/* A bracketed paste (ESC [ 200 ~ ... ESC [ 201 ~, or "paste" in a key
 * script) was read whole: its characters are in board.prompt.paste.  A prompt
 * takes it as text; on the board it is never run as keys. */
#define BOARD_PASTE (0x1000000 | (KEY_MAX + 1))
/* The curses key codes the paste markers are defined as (term.c). */
#define TERM_PASTE_BEGIN (KEY_MAX + 1)
#define TERM_PASTE_END (KEY_MAX + 2)

/* Smallest column that still reads well, and the smallest screen. */
#define COLUMN_MIN_WIDTH 24
#define SCREEN_MIN_COLS 20
#define SCREEN_MIN_LINES 6
/* A card is a heading (mark, code, points, due date), a line of status
 * and due state, one to three lines of title (more when rows allow), and
 * a blank row between cards; columns are wider on a wide screen. */
#define CARD_MIN_ROWS 3
#define CARD_MAX_TITLE 3
#define COLUMN_WIDE_WIDTH 30
#define SCREEN_WIDE_COLS 160

/* Filters beyond one status, kept in board.filter.status after the statuses:
 * not done; due within the warning window (the week's agenda). */
#define FILTER_OPEN STATUS_COUNT
#define FILTER_AGENDA (STATUS_COUNT + 1)

enum view {
	VIEW_BOARD,
	VIEW_TASK,
	VIEW_HELP,
	VIEW_CHANGES,		/* `c`: net changes since the last meeting */
};

/* Colour pairs.  The first ones are the element names of the `colors`
 * setting (parboard.conf(5)); error and title are the board's own. */
enum paint {
	PAINT_NORMAL,
	PAINT_OVERDUE,
	PAINT_SOON,
	PAINT_DONE,
	PAINT_BLOCKED,
	PAINT_HEADER,
	PAINT_FOOTER,
	PAINT_CURSOR,
	PAINT_COLUMN,
	PAINT_ERROR,
	PAINT_TITLE,
	PAINT_COUNT
};
#define PAINT_CONFIGURABLE PAINT_ERROR	/* elements before this one */

struct column {
	const char *id;		/* role id (from the config or a task) */
	const char *name;	/* display name, "" when unknown */
	size_t *cards;		/* indices into board.data.tasks, shown order */
	size_t ncards, cap;
	size_t nown;		/* cards[0..nown) are the role's own, the rest
				 * tasks it supports */
	size_t total;		/* own tasks before filtering */
	size_t done;		/* of which done */
	size_t cur, top;	/* selected card, first card on screen */
};

/* The board, by concern.  Each part says who writes it; every board
 * file reads the parts it needs through a struct board *b. */
struct board {
	struct store *s;
	const struct config *c;
	const char *plan_name;	/* as given (NULL: newest) */

	/* The snapshot read from the store (board.c, board_load.c): a task
	 * keeps its index while the board runs (a change patches it in
	 * place, a new task is appended); a full reload (an import) reads
	 * them all again. */
	struct board_data {
		struct plan plan;
		char *commune, *period;	/* for the header, from config
					 * or plan */
		char *letter;		/* the plan's letter number
					 * ("103/UBND"), or NULL */
		char *deadline;		/* its deadline, or NULL */
		struct task *tasks;
		size_t ntasks, tasks_cap;
		size_t *order;		/* indices in card order */
		size_t *byid;		/* indices by task id */
		size_t *bycode;		/* indices of tasks with a code, by
					 * code */
		size_t nbycode;
		long seq;		/* store_seq() the snapshot is at */
		long data_version;
		char day[11];		/* today() when it was read */
		/* The roles of the snapshot (the configured ones, then
		 * those only the tasks name), and each task's: its owner's
		 * index and a bit per role it supports (roles past 64 are
		 * looked up by name). */
		struct board_role {
			const char *id, *name;
			char *own;	/* id when it came from a task */
			bool configured;
		} *roles;
		size_t nroles, roles_cap;
		unsigned short *trole;
		unsigned long long *tsup;
		/* Counted once per load or rebuild, never per key. */
		size_t ndone, nlate;
		char next_due[11];	/* the nearest deadline not passed,
					 * or "" */
		/* Since the last meeting (board_register.c): sorted ids of
		 * the tasks a person changed, and every occurrence of
		 * counted targets by task. */
		long *changed;
		size_t nchanged;
		struct tick *ticks;
		size_t nticks;
		/* What proves each criterion (proof.h), by code: the
		 * card's proof state, the task view's items. */
		struct crit_facts *facts;
		struct proof *proofs;
		size_t nfacts;
		/* Their three numbers and the plan's (scoreview.h), read
		 * again with the facts at every reload. */
		struct scoreview sv;
	} data;

	/* What the user looks at (actions.c moves it, view.c draws it):
	 * the columns built from the snapshot and the filter, the cursor,
	 * and the text of the task and help views. */
	struct board_nav {
		struct column *cols;
		size_t ncols;
		size_t col;		/* current column */
		size_t left;		/* first column on screen */
		enum view view;
		long task_id;		/* the task of the task view */
		char **lines;		/* task or help view text, wrapped */
		size_t nlines;
		int scroll;		/* first line shown in those views */
		bool lines_stale;	/* rebuild lines before drawing */
	} nav;

	/* Filter and search (search.c; empty search: none). */
	struct board_filter {
		int status;		/* enum status, FILTER_OPEN,
					 * FILTER_AGENDA or -1 */
		bool overdue, only_mine;
		long *mine;		/* sorted ids of tasks the user
					 * changed */
		size_t nmine;
		char *search;
		char *person;		/* only this person's tasks (a name
					 * of people as configured), or NULL */
		long *found;		/* sorted ids of tasks whose notes or
					 * evidence match the search */
		size_t nfound, found_cap;
	} filter;

	/* The terminal (term.c) and the board's windows and colours on it
	 * (view.c). */
	struct board_term {
		SCREEN *screen;
		FILE *tty_out, *tty_in;	/* headless: /dev/null */
		WINDOW *header, *body, *footer;
		WINDOW *input;		/* 1x1, never drawn: keys are read
					 * from it so wgetch() never
					 * repaints a window */
		int header_rows, footer_rows;
		bool color;
		bool cursor_pair;	/* the cursor has its own colours */
		attr_t paint[PAINT_COUNT];
		/* The header's score line (view_header.c) and what it was
		 * made for: the width, the tasks done and changed. */
		char *score_line;
		int score_cols;
		size_t score_done, score_changed;
	} term;

	/* Where keys come from (term.c).  Waiting: inotify on the database
	 * and its -wal file, or -1 (headless, or no inotify: poll every
	 * POLL_MS).  Headless mode (PARBOARD_KEYS): the key script. */
	struct board_keys {
		int watch_fd, watch_wal;
		int watch_again;	/* looks left after a write */
		FILE *script;
		char *script_name;
		int script_line;
		char *pending;		/* rest of a "type" line */
		size_t pending_off;
		FILE *dump;
		char *fatal;		/* error that ends the run */
	} keys;

	/* The footer (board_message, prompt.c): the message line, whether
	 * a line prompt is open, and the last bracketed paste (a paste
	 * outside a prompt is ignored with a message). */
	struct board_prompt {
		char *msg;		/* message line, or NULL */
		bool msg_error;
		bool open;
		wchar_t *paste;
		size_t npaste, paste_cap;
	} prompt;

	/* The user's session (actions.c): --view refuses changes; undo
	 * walks back this board's own changes, newest last. */
	struct board_session {
		bool view_only;
		bool backup_said;	/* the daily backup's failure shown */
		struct undo *undo;
		size_t nundo, undo_cap;
		bool quit;
	} session;
};

/* board.c */
void board_message(struct board *b, bool error, const char *fmt, ...)
    PB_PRINTF(3, 4);
bool board_task_soon(const struct board *b, const struct task *t);
struct task *board_current(struct board *b);
/* The database is read-only: said on opening, or to a key that would
 * write (writing), with the reason when the store can tell. */
void board_readonly_message(struct board *b, bool writing);
/* After a terminal size change: the key window (term.c), then the
 * board's windows (view.c), repainted from scratch. */
void board_resize(struct board *b);

/* board_load.c */
/* Read the plan and all its tasks (at the start, and when a reload
 * cannot patch); -1 with *err. */
int board_load(struct board *b, char **err);
/* Read the snapshot again (errors become the message); rebuild the
 * columns after the filter or search changed; both keep the cursor on
 * its task. */
void board_reload(struct board *b);
void board_rebuild(struct board *b);
int board_load_mine(struct board *b, char **err);
struct column *board_column_find(struct board *b, const char *id);
/* Free the snapshot, its columns and the filter's lists. */
void board_load_free(struct board *b);

/* board_index.c: the card order, by id, by code, and the points. */
struct task *board_task_by_id(struct board *b, long id);
/* The position in b->data.byid of the first task whose id is not
 * below id. */
size_t board_index_find(const struct board *b, long id);
/* Sort the snapshot's indexes and count nothing else. */
void board_index_build(struct board *b);
/* A change to task i: take it out of the card order and the code index
 * (while it still holds its old values), then put it back (a new task
 * is added to the id index first, which counts it in ntasks); norder
 * counts the card order meanwhile. */
void board_index_take(struct board *b, size_t i, size_t *norder);
void board_index_add(struct board *b, size_t i);
void board_index_put(struct board *b, size_t i, size_t *norder);

/* actions.c */
void actions_dispatch(struct board *b, int key);
/* Keep the cursor on a card and its column on the screen. */
void actions_clamp(struct board *b);
void actions_undo_free(struct board *b);

/* term.c */
void term_locale_init(void);
int term_open(struct board *b, char **err);
void term_close(struct board *b);
/* Once, after view_colors: make curses send each frame in one write. */
void term_buffer_frames(void);
/* (Re)make the 1x1 window keys are read from (term_open, resize). */
void term_input_reset(struct board *b);
/* The next key, BOARD_TIMEOUT, BOARD_RESIZE or BOARD_EOF. */
int term_key(struct board *b);
/* Headless: append the virtual screen to the dump file. */
void term_dump(struct board *b);

/* view.c */
/* Delete the header, body and footer windows (board_run, resize). */
void view_free_windows(struct board *b);
/* After a box over the board went: every window drawn again in full. */
void view_touch(struct board *b);
void view_layout(struct board *b);
/* After a terminal size change: new windows and a repaint from scratch
 * (board_resize() remakes the key window first). */
void view_resize(struct board *b);
void view_colors(struct board *b);
int view_colors_check(const struct config *c, char **err);
void view_header_parts(struct board *b);
void view_draw(struct board *b);
bool view_ascii(const struct board *b);
void view_frame(const struct board *b, WINDOW *w);
int view_body_rows(const struct board *b);
/* Rows of a card, its title lines included. */
int view_card_rows(const struct board *b);
int view_cards_per_screen(const struct board *b);
int view_columns_on_screen(const struct board *b, int *width);
/* s (NFC, control characters as spaces) in exactly width columns at
 * (y, x): cut with "…" or padded. */
void view_put(WINDOW *w, int y, int x, const char *s, int width,
    attr_t attr);
/* A gauge of width cells, part of whole filled, appended to out. */
void view_gauge(const struct board *b, struct buf *out, long long part,
    long long whole, int width);
/* A score with the language's decimal mark; buf of 32 bytes. */
void view_score(score v, char *buf);
/* The parts that are not NULL joined with " · ", leaving out those
 * whose bit is in skip; malloc'd. */
char *view_join(char **parts, size_t n, unsigned skip);
/* The header's score line, shortened to COLS (view_header.c): kept in
 * b until the width, the tasks done or changed differ, or
 * view_header_score_stale (a new snapshot). */
char *view_header_score(struct board *b);
void view_header_score_stale(struct board *b);
/* A YYYY-MM-DD date as the language writes it (dd/mm/yyyy or ISO), or
 * with day_month only its day and month (dd/mm or mm-dd); buf of 11
 * bytes. */
void view_date(const char *iso, char *buf, bool day_month);
/* What the filter keeps, in words: "overdue", "mine" or a status. */
const char *view_filter_name(const struct board *b);

/* view_board.c: the columns of cards, into the body window. */
void view_board_draw(struct board *b);

/* taskview.c */
void taskview_lines_build(struct board *b);
void taskview_draw_text(struct board *b);
/* Wrap text to width columns into lines appended to *lines. */
void taskview_wrap(const char *text, int width, const char *indent,
    char ***lines, size_t *n, size_t *cap);

/* prompt.c */
/* A line of text typed in the footer: NFC UTF-8, or NULL on Esc.  With
 * select, initial starts selected: the first character typed or pasted
 * replaces it, a movement key or Backspace keeps it for editing. */
char *prompt_line(struct board *b, const char *label, const char *initial,
    bool select);
/* One key from the footer: the key, or -1 on Esc. */
int prompt_key(struct board *b, const char *question);
/* A small boxed menu over the board: one line per item, its key and
 * label.  Returns the key of the item chosen, -1 on Esc or another key. */
struct prompt_item {
	int key;
	const char *label;
};
int prompt_menu(struct board *b, const char *title,
    const struct prompt_item *items, size_t n);
/* A small list over the board: Up/Down and Enter, a digit, or the first
 * letter of an item (the only one with it chooses it, else the next one
 * is selected); Esc cancels.  The index chosen, or -1. */
int prompt_pick(struct board *b, const char *title,
    const char *const *items, size_t n, size_t cur);

/* board_register.c: since the last meeting, counted targets, evidence */
int board_load_register(struct board *b, char **err);
void board_register_free(struct board *b);
bool board_task_changed(const struct board *b, long id);
/* "2/3 bài · 11/2023" for the current period, "" when no counted target;
 * buf of 64 bytes.  With periods, every period as lines appended. */
/* The facts and proof of criterion code in the snapshot, or NULL. */
const struct crit_facts *board_crit_proof(const struct board *b,
    const char *code, const struct proof **p);
void board_task_progress(const struct board *b, const struct task *t,
    char *buf, char ***periods, size_t *nperiods);
/* The lines of the `c` view: who changed what since the last meeting. */
char **board_changes_lines(struct board *b, int width, size_t *n);

/* search.c */
/* Whether a search or a filter is on; a filter; none of the filters. */
bool search_active(const struct board *b);
bool search_filter_on(const struct board *b);
void search_filter_clear(struct board *b);
bool search_task_visible(const struct board *b, const struct task *t);
/* Look up the tasks whose notes or evidence match the search (after the
 * search changed and on every reload). */
int search_load_texts(struct board *b, char **err);
/* Drop the columns without a match while a search or filter is on. */
void search_columns_prune(struct board *b);
/* The `/` prompt and the filter menu. */
void search_ask(struct board *b);
void search_filter_ask(struct board *b);

#endif
