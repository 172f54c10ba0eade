/* SPDX-License-Identifier: ISC */
/* actions.c: what the keys of the key table do — the dispatcher (a
 * table from action to function), moving, opening views, undo, and the
 * helpers every change shares; the changes themselves are
 * actions_status.c's (status, blocked, role) and actions_form.c's (note,
 * evidence, occurrence, due date, new task), each one write to the store
 * followed by a reload.
 *
 * A one-key change carries the value of the field it changes as the card
 * showed it (status or due date); when another board changed that field
 * meanwhile the store refuses (STORE_CONFLICT), the user is told and the
 * board reloads, so nobody overwrites what they have not seen.  A move to
 * another role carries the task's version.  Undo walks back only this
 * board's own changes (a stack in memory), after a yes.  With --view every
 * key that changes something is refused. */
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "actions_impl.h"
#include "boardui.h"
#include "core.h"
#include "date.h"
#include "i18n.h"
#include "keymap.h"
#include "perm.h"
#include "proofview.h"
#include "text.h"
#include "util.h"
#include "words.h"

void
actions_clamp(struct board *b)
{
	struct column *col;
	size_t per = (size_t)view_cards_per_screen(b);
	int nvis, width;

	if (b->nav.ncols == 0)
		return;
	if (b->nav.col >= b->nav.ncols)
		b->nav.col = b->nav.ncols - 1;
	col = &b->nav.cols[b->nav.col];
	if (col->ncards == 0)
		col->cur = col->top = 0;
	else if (col->cur >= col->ncards)
		col->cur = col->ncards - 1;
	if (per < 1)
		per = 1;
	if (col->cur < col->top)
		col->top = col->cur;
	else if (col->cur >= col->top + per)
		col->top = col->cur - per + 1;
	if (col->top + per > col->ncards)
		col->top = col->ncards > per ? col->ncards - per : 0;
	nvis = view_columns_on_screen(b, &width);
	if (nvis < 1)
		nvis = 1;
	if (b->nav.col < b->nav.left)
		b->nav.left = b->nav.col;
	else if (b->nav.col >= b->nav.left + (size_t)nvis)
		b->nav.left = b->nav.col - (size_t)nvis + 1;
	if (b->nav.left + (size_t)nvis > b->nav.ncols)
		b->nav.left = b->nav.ncols > (size_t)nvis ?
		    b->nav.ncols - (size_t)nvis : 0;
}

static void
move_card(struct board *b, long delta, bool to_end)
{
	struct column *col;
	long cur;

	if (b->nav.ncols == 0)
		return;
	col = &b->nav.cols[b->nav.col];
	if (col->ncards == 0)
		return;
	if (to_end) {
		col->cur = delta < 0 ? 0 : col->ncards - 1;
	} else {
		cur = (long)col->cur + delta;
		if (cur < 0)
			cur = 0;
		if (cur >= (long)col->ncards)
			cur = (long)col->ncards - 1;
		col->cur = (size_t)cur;
	}
}

/* The task an action works on: the open one, else the selected card. */
struct task *
actions_target(struct board *b)
{
	struct task *t;

	if (b->nav.view == VIEW_TASK)
		t = board_task_by_id(b, b->nav.task_id);
	else
		t = board_current(b);
	if (t == NULL)
		board_message(b, true, "%s", _("No task selected"));
	return t;
}

/* One change this board made, for `u`: its history row and what it did,
 * in words ("1.7: Done → In progress"). */
struct undo {
	long row;
	char *what;
};

void
actions_undo_free(struct board *b)
{
	size_t i;

	for (i = 0; i < b->session.nundo; i++)
		free(b->session.undo[i].what);
	free(b->session.undo);
	b->session.undo = NULL;
	b->session.nundo = b->session.undo_cap = 0;
}

void
actions_undo_push(struct board *b, long row, char *what)
{
	if (row <= 0) {
		free(what);
		return;
	}
	b->session.undo = xgrow(b->session.undo, &b->session.undo_cap,
	    b->session.nundo + 1, sizeof *b->session.undo);
	b->session.undo[b->session.nundo].row = row;
	b->session.undo[b->session.nundo++].what = what;
}

/* A key that changes something: refused on a --view board and on a
 * read-only database. */
bool
actions_writable(struct board *b)
{
	if (b->session.view_only) {
		board_message(b, true, "%s",
		    _("View only (--view): this key changes nothing"));
		return false;
	}
	if (!store_readonly(b->s))
		return true;
	board_readonly_message(b, true);
	return false;
}

/* A use case that wrote nothing: a refusal in its own words, else the
 * store's reason. */
void
actions_not_written(struct board *b, int rc, const char *err)
{
	if (rc == CORE_NO_TARGET)
		board_message(b, true, "%s", _("This task has no counted "
		    "target"));
	else if (rc == CORE_REFUSED)
		board_message(b, true, "%s", err);
	else
		board_message(b, true, _("Cannot write: %s"), err);
}

/* What the use case would refuse before it needs an answer (core_may):
 * said, the card untouched, and nothing asked. */
static bool
may(struct board *b, enum perm_action a, const struct task *t)
{
	char *err = NULL;
	int rc = core_may(b->s, perm_self(), t->id, a, &err);

	if (rc != CORE_OK)
		actions_not_written(b, rc, err);
	free(err);
	return rc == CORE_OK;
}

/* A task in a message: its code, or "#id" (never a cut-off title). */
char *
actions_task_label(const struct task *t)
{
	return t->code != NULL ? xstrdup(t->code) : xasprintf("#%ld", t->id);
}

/* A field's value in words: a status label, a date as the language
 * writes it, "-" for no date. */
static const char *
field_words(const char *kind, const char *v, char *buf, size_t n)
{
	enum status st;

	if (strcmp(kind, "status") == 0)
		return status_parse(v, &st) ? status_label(st) : v;
	if (v == NULL)
		return "-";
	return i18n_date(v, buf, n);
}

struct task *
actions_target_may(struct board *b, enum perm_action a)
{
	struct task *t = actions_target(b);

	if (t == NULL || !actions_writable(b) || !may(b, a, t))
		return NULL;
	return t;
}

static char *ask_explain(struct board *b, struct task **t,
    const struct core_missing *m);

/* A one-key change: it carries the field's value as the card showed it,
 * and the store refuses when that field moved meanwhile (someone's note
 * does not block a status change). */
void
actions_write_set(struct board *b, struct task *t, const char *kind,
    const char *value, const char *note, const char *explain)
{
	char *err = NULL, *label = actions_task_label(t), *what;
	char *shown = strcmp(kind, "status") == 0 ?
	    xstrdup(status_name(t->status)) : t->due ? xstrdup(t->due) : NULL;
	struct core_opts o = { .note = note, .explain = explain,
	    .guard = true, .shown = shown };
	struct core_result r = { -1, 0, "", NULL };
	char c[32];
	long id = t->id;
	enum status st;
	int rc;

	what = words_undo(label, strcmp(kind, "status") == 0 ? HK_STATUS :
	    HK_DUE, shown, value);
	if (strcmp(kind, "status") == 0 && status_parse(value, &st))
		rc = core_set_status(b->s, perm_self(), id, st, &o, &r, &err);
	else
		rc = core_set_due(b->s, perm_self(), id, value, &o, &r, &err);
	if (rc == CORE_UNPROVED) {
		/* Asked, then written again as the card now shows it. */
		char *x = ask_explain(b, &t, r.missing);

		if (x != NULL)
			actions_write_set(b, t, kind, value, note, x);
		free(x);
		goto out;
	}
	board_reload(b);
	if (rc == CORE_CONFLICT) {
		t = board_task_by_id(b, id);
		board_message(b, true, _("%s was just changed by someone "
		    "else: now %s; nothing written, look again"), label,
		    t == NULL ? "?" : strcmp(kind, "status") == 0 ?
		    status_label(t->status) :
		    field_words(kind, t->due, c, sizeof c));
	} else if (rc != 0) {
		actions_not_written(b, rc, err);
	} else {
		if (strcmp(kind, "status") == 0)
			board_message(b, false, "%s", what);
		else
			board_message(b, false, _("%s: due %s"), label,
			    field_words(kind, value, c, sizeof c));
		actions_undo_push(b, r.row, what);
		what = NULL;
	}
out:
	core_result_clear(&r);
	free(what);
	free(shown);
	free(err);
	free(label);
}

/* Done without the proof (core_set_status said so): only with a
 * giải trình, typed in the prompt line after what is missing; Esc or
 * nothing typed writes nothing.  *t is looked up again after the
 * question (a reload may move it). */
static char *
ask_explain(struct board *b, struct task **t, const struct core_missing *m)
{
	char *what = proofview_missing(m), *label, *x, *cut;
	long id = (*t)->id;
	int room = COLS / 2 - text_width(_("Explanation (%s): ")) + 2;

	/* The question first; what is missing, cut to fit the prompt's
	 * half of the line (the task view lists it whole). */
	cut = text_ellipsize(what, room > 8 ? room : 8);
	label = xasprintf(_("Explanation (%s): "), cut);
	x = prompt_line(b, label, NULL, false);
	free(label);
	free(cut);
	free(what);
	if (x == NULL || x[strspn(x, " ")] == '\0') {
		board_message(b, false, "%s", _("Not marked done: add the "
		    "documents with e, or give an explanation"));
		free(x);
		return NULL;
	}
	if ((*t = board_task_by_id(b, id)) == NULL) {
		free(x);
		return NULL;
	}
	return x;
}

/* u: this board's newest change not undone yet, after a yes. */
static void
act_undo(struct board *b)
{
	char *err = NULL, *q;
	struct undo u;
	int rc, k;

	if (!actions_writable(b))
		return;
	if (b->session.nundo == 0) {
		board_message(b, false, "%s",
		    _("This board has made no change to undo"));
		return;
	}
	u = b->session.undo[b->session.nundo - 1];
	/* TRANSLATORS: y, or c (có), says yes; keep both keys. */
	q = xasprintf(_("Undo %s? y: yes, another key: no"), u.what);
	k = prompt_key(b, q);
	free(q);
	if (k != 'y' && k != 'Y' && k != 'c' && k != 'C') {
		board_message(b, false, "%s", _("Nothing undone"));
		return;
	}
	b->session.nundo--;
	rc = core_undo(b->s, perm_self(), b->data.plan.id, u.row, &err);
	if (rc < 0)
		board_message(b, true, _("Cannot undo: %s"), err);
	else if (rc > 0)
		board_message(b, true, _("Already undone: %s"), u.what);
	else
		board_message(b, false, _("Undone: %s"), u.what);
	free(u.what);
	free(err);
	board_reload(b);
}

static void
open_view(struct board *b, enum view v, long task_id)
{
	b->nav.view = v;
	b->nav.task_id = task_id;
	b->nav.scroll = 0;
	b->nav.lines_stale = true;
}

/* Keys of the task and help views: scrolling and going back. */
static bool
dispatch_text(struct board *b, enum action a)
{
	int page = view_body_rows(b) - 1;

	if (page < 1)
		page = 1;
	switch (a) {
	case ACTION_MOVE_UP:
		b->nav.scroll--;
		break;
	case ACTION_MOVE_DOWN:
		b->nav.scroll++;
		break;
	case ACTION_PAGE_UP:
		b->nav.scroll -= page;
		break;
	case ACTION_PAGE_DOWN:
		b->nav.scroll += page;
		break;
	case ACTION_MOVE_FIRST:
		b->nav.scroll = 0;
		break;
	case ACTION_MOVE_LAST:
		b->nav.scroll = (int)b->nav.nlines;
		break;
	case ACTION_BACK:
	case ACTION_QUIT:
		open_view(b, b->nav.view == VIEW_HELP && b->nav.task_id >= 0 ?
		    VIEW_TASK : VIEW_BOARD, b->nav.view == VIEW_HELP ?
		    b->nav.task_id : -1);
		break;
	case ACTION_HELP:
		if (b->nav.view == VIEW_HELP)
			open_view(b,
			    b->nav.task_id >= 0 ? VIEW_TASK : VIEW_BOARD,
			    b->nav.task_id);
		else
			open_view(b, VIEW_HELP, b->nav.task_id);
		break;
	default:
		return false;
	}
	return true;
}

/* The board's moves: card, column, page; false for any other action. */
static bool
dispatch_move(struct board *b, enum action a)
{
	int per = view_cards_per_screen(b);

	if (per < 1)
		per = 1;
	switch (a) {
	case ACTION_MOVE_UP:
	case ACTION_MOVE_DOWN:
		move_card(b, a == ACTION_MOVE_UP ? -1 : 1, false);
		break;
	case ACTION_MOVE_LEFT:
		if (b->nav.col > 0)
			b->nav.col--;
		break;
	case ACTION_MOVE_RIGHT:
		if (b->nav.col + 1 < b->nav.ncols)
			b->nav.col++;
		break;
	case ACTION_MOVE_FIRST:
	case ACTION_MOVE_LAST:
		move_card(b, a == ACTION_MOVE_FIRST ? -1 : 1, true);
		break;
	case ACTION_PAGE_UP:
	case ACTION_PAGE_DOWN:
		move_card(b, a == ACTION_PAGE_UP ? -per : per, false);
		break;
	case ACTION_COLUMN_1: case ACTION_COLUMN_2: case ACTION_COLUMN_3:
	case ACTION_COLUMN_4: case ACTION_COLUMN_5: case ACTION_COLUMN_6:
	case ACTION_COLUMN_7: case ACTION_COLUMN_8: case ACTION_COLUMN_9:
		if ((size_t)(a - ACTION_COLUMN_1) < b->nav.ncols)
			b->nav.col = (size_t)(a - ACTION_COLUMN_1);
		else
			board_message(b, true, _("No column %d"),
			    a - ACTION_COLUMN_1 + 1);
		break;
	default:
		return false;
	}
	return true;
}

/* The board's other keys, one function each. */
static void
key_open(struct board *b)
{
	if (board_current(b) != NULL)
		open_view(b, VIEW_TASK, board_current(b)->id);
}

static void
key_changes(struct board *b)
{
	open_view(b, VIEW_CHANGES, -1);
}

static void
key_help(struct board *b)
{
	open_view(b, VIEW_HELP, -1);
}

static void
key_note(struct board *b)
{
	actions_note(b, "note");
}

static void
key_tick(struct board *b)
{
	actions_tick(b, true);
}

static void
key_untick(struct board *b)
{
	actions_tick(b, false);
}

static void
key_reload(struct board *b)
{
	board_reload(b);
	if (b->prompt.msg == NULL)
		board_message(b, false, "%s", _("Reloaded"));
}

static void
key_redraw(struct board *b)
{
	(void)b;
	clearok(curscr, TRUE);
}

/* Esc on the board: the search and the filter go. */
static void
key_back(struct board *b)
{
	if (!search_active(b))
		return;
	free(b->filter.search);
	b->filter.search = NULL;
	search_filter_clear(b);
	board_rebuild(b);
	board_message(b, false, "%s", _("Search and filter cleared"));
}

static void
key_quit(struct board *b)
{
	b->session.quit = true;
}

static const struct {
	enum action a;
	void (*run)(struct board *);
} board_keys[] = {
	{ ACTION_OPEN, key_open },
	{ ACTION_STATUS_NEXT, actions_status },
	{ ACTION_STATUS_BACK, actions_status_back },
	{ ACTION_STATUS_PICK, actions_status_pick },
	{ ACTION_MOVE_ROLE, actions_move_role },
	{ ACTION_PERSON, actions_person },
	{ ACTION_BLOCK, actions_block },
	{ ACTION_NOTE, key_note },
	{ ACTION_EVIDENCE, actions_evidence },
	{ ACTION_TICK, key_tick },
	{ ACTION_UNTICK, key_untick },
	{ ACTION_FIGURES, actions_figures },
	{ ACTION_CHANGES, key_changes },
	{ ACTION_DUE, actions_due },
	{ ACTION_ADD, actions_add },
	{ ACTION_UNDO, act_undo },
	{ ACTION_SEARCH, search_ask },
	{ ACTION_FILTER, search_filter_ask },
	{ ACTION_RELOAD, key_reload },
	{ ACTION_REDRAW, key_redraw },
	{ ACTION_BACK, key_back },
	{ ACTION_HELP, key_help },
	{ ACTION_QUIT, key_quit },
};

void
actions_dispatch(struct board *b, int key)
{
	enum action a = keymap_lookup(key);
	size_t i;

	if (LINES < SCREEN_MIN_LINES || COLS < SCREEN_MIN_COLS) {
		if (a == ACTION_QUIT)
			b->session.quit = true;
		return;
	}
	free(b->prompt.msg);
	b->prompt.msg = NULL;
	if (b->nav.view != VIEW_BOARD) {
		if (dispatch_text(b, a))
			return;
		if (b->nav.view == VIEW_HELP || b->nav.view == VIEW_CHANGES)
			return;
		b->nav.lines_stale = true;
	}
	if (!dispatch_move(b, a))
		for (i = 0; i < sizeof board_keys / sizeof board_keys[0]; i++)
			if (board_keys[i].a == a)
				board_keys[i].run(b);
	if (b->nav.view == VIEW_TASK &&
	    board_task_by_id(b, b->nav.task_id) == NULL)
		open_view(b, VIEW_BOARD, -1);
	actions_clamp(b);
}
