/* SPDX-License-Identifier: ISC */
/* actions.c: what the keys of the key table do — moving, opening views,
 * and the changes (status, blocked, note, evidence, due date, new task,
 * undo), each one write to the store followed by a reload.
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
#include "boardui.h"
#include "core.h"
#include "date.h"
#include "i18n.h"
#include "keymap.h"
#include "perm.h"
#include "text.h"
#include "util.h"

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
static struct task *
target(struct board *b)
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

static void
undo_push(struct board *b, long row, char *what)
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
static bool
writable(struct board *b)
{
	char *why;

	if (b->session.view_only) {
		board_message(b, true, "%s",
		    _("View only (--view): this key changes nothing"));
		return false;
	}
	if (!store_readonly(b->s))
		return true;
	if ((why = store_readonly_why(b->s)) != NULL)
		board_message(b, true, _("The database is read-only: cannot "
		    "write (%s)"), why);
	else
		board_message(b, true, "%s",
		    _("The database is read-only: cannot write"));
	free(why);
	return false;
}

/* A use case that wrote nothing: a refusal in its own words, else the
 * store's reason. */
static void
not_written(struct board *b, int rc, const char *err)
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
		not_written(b, rc, err);
	free(err);
	return rc == CORE_OK;
}

static bool confirm_no_evidence(struct board *b, struct task **t);

/* A task in a message: its code, or "#id" (never a cut-off title). */
static char *
task_label(const struct task *t)
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

/* A one-key change: it carries the field's value as the card showed it,
 * and the store refuses when that field moved meanwhile (someone's note
 * does not block a status change). */
static void
write_set(struct board *b, struct task *t, const char *kind,
    const char *value, const char *note, bool no_evidence)
{
	char *err = NULL, *label = task_label(t), *what;
	char *shown = strcmp(kind, "status") == 0 ?
	    xstrdup(status_name(t->status)) : t->due ? xstrdup(t->due) : NULL;
	struct core_opts o = { .note = note, .no_evidence = no_evidence,
	    .guard = true, .shown = shown };
	struct core_result r = { -1, 0, "" };
	char a[32], c[32];
	long id = t->id;
	enum status st;
	int rc;

	if (strcmp(kind, "status") == 0)
		what = xasprintf("%s: %s → %s", label, field_words(kind, shown,
		    a, sizeof a), field_words(kind, value, c, sizeof c));
	else
		what = xasprintf(_("%s: due date %s → %s"), label,
		    field_words(kind, shown, a, sizeof a),
		    field_words(kind, value, c, sizeof c));
	if (strcmp(kind, "status") == 0 && status_parse(value, &st))
		rc = core_set_status(b->s, perm_self(), id, st, &o, &r, &err);
	else
		rc = core_set_due(b->s, perm_self(), id, value, &o, &r, &err);
	if (rc == CORE_NO_DOCUMENT) {
		/* Asked, then written again as the card now shows it. */
		if (confirm_no_evidence(b, &t))
			write_set(b, t, kind, value, note, true);
		goto out;
	}
	board_reload(b);
	if (rc == CORE_CONFLICT) {
		t = board_task_by_id(b, id);
		board_message(b, true, _("%s was just changed by someone "
		    "else: now %s; nothing written, look again"), label,
		    t == NULL ?
		    "?" : strcmp(kind, "status") == 0 ? status_label(t->status) :
		    field_words(kind, t->due, c, sizeof c));
	} else if (rc != 0) {
		not_written(b, rc, err);
	} else {
		if (strcmp(kind, "status") == 0)
			board_message(b, false, "%s", what);
		else
			board_message(b, false, _("%s: due %s"), label,
			    field_words(kind, value, c, sizeof c));
		undo_push(b, r.row, what);
		what = NULL;
	}
out:
	free(what);
	free(shown);
	free(err);
	free(label);
}

/* --- the picker: status (t) and role (m) -------------------------------- */

/* The first character of s (UTF-8), folded ("Đang" → "d"); malloc'd. */
static char *
first_folded(const char *s)
{
	unsigned char c = (unsigned char)*s;
	size_t n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	char *one = xstrndup(s, strnlen(s, n)), *f = text_fold(one);

	free(one);
	return f;
}

/* A key (a code point) as UTF-8 in kb[8]; "" for other keys. */
static void
key_utf8(int key, char *kb)
{
	unsigned k = (unsigned)key;

	memset(kb, 0, 8);
	if (key <= ' ' || KEYMAP_IS_FKEY(key) || k > 0x10ffff)
		return;
	if (k < 0x80)
		kb[0] = (char)k;
	else if (k < 0x800) {
		kb[0] = (char)(0xc0 | k >> 6);
		kb[1] = (char)(0x80 | (k & 0x3f));
	} else if (k < 0x10000) {
		kb[0] = (char)(0xe0 | k >> 12);
		kb[1] = (char)(0x80 | (k >> 6 & 0x3f));
		kb[2] = (char)(0x80 | (k & 0x3f));
	} else {
		kb[0] = (char)(0xf0 | k >> 18);
		kb[1] = (char)(0x80 | (k >> 12 & 0x3f));
		kb[2] = (char)(0x80 | (k >> 6 & 0x3f));
		kb[3] = (char)(0x80 | (k & 0x3f));
	}
}

/* Index of the item after cur whose first letter is key's, *unique when
 * it is the only one; -1 when none. */
static int
pick_letter(const char *const *items, size_t n, size_t cur, int key,
    bool *unique)
{
	char kb[8], *k;
	int found = -1, count = 0;
	size_t i, j;

	*unique = false;
	key_utf8(key, kb);
	if (kb[0] == '\0')
		return -1;
	k = first_folded(kb);
	for (i = 1; i <= n; i++) {
		char *f;

		j = (cur + i) % n;
		f = first_folded(items[j]);
		if (*k != '\0' && strcmp(f, k) == 0) {
			if (found < 0)
				found = (int)j;
			count++;
		}
		free(f);
	}
	free(k);
	*unique = count == 1;
	return found;
}

static void
pick_draw(struct board *b, WINDOW **wp, const char *title,
    const char *const *items, size_t n, size_t cur)
{
	int i, h, w = text_width(title) + 4, rows, top;
	attr_t sel = b->term.cursor_pair ? b->term.paint[PAINT_CURSOR] :
	    A_REVERSE;
	char *line;

	for (i = 0; i < (int)n; i++)
		if (text_width(items[i]) + 6 > w)
			w = text_width(items[i]) + 6;
	if (w > COLS)
		w = COLS;
	rows = LINES - 4 < (int)n ? LINES - 4 : (int)n;
	if (rows < 1)
		rows = 1;
	h = rows + 2;
	top = (int)cur >= rows ? (int)cur - rows + 1 : 0;
	if (*wp != NULL)
		delwin(*wp);
	*wp = newwin(h, w, (LINES - h) / 2, (COLS - w) / 2);
	if (*wp == NULL)
		return;
	werase(*wp);
	/* The frame in the characters the board's columns use. */
	for (i = 0; i < h; i++) {
		mvwaddstr(*wp, i, 0, i == 0 ? "┌" : i == h - 1 ? "└" : "│");
		mvwaddstr(*wp, i, w - 1, i == 0 ? "┐" : i == h - 1 ? "┘" :
		    "│");
	}
	for (i = 1; i < w - 1; i++) {
		mvwaddstr(*wp, 0, i, "─");
		mvwaddstr(*wp, h - 1, i, "─");
	}
	line = xasprintf(" %s ", title);
	view_put(*wp, 0, 2, line, text_width(line) < w - 4 ?
	    text_width(line) : w - 4 > 0 ? w - 4 : 0, A_BOLD);
	free(line);
	for (i = 0; i < rows && top + i < (int)n; i++) {
		if (top + i < 9)
			line = xasprintf("%s%d %s", top + i == (int)cur ? "> " :
			    "  ", top + i + 1, items[top + i]);
		else
			line = xasprintf("%s  %s", top + i == (int)cur ? "> " :
			    "  ", items[top + i]);
		view_put(*wp, i + 1, 1, line, w - 2, top + i == (int)cur ?
		    sel : A_NORMAL);
		free(line);
	}
	if (b->term.footer != NULL) {
		werase(b->term.footer);
		view_put(b->term.footer, b->term.footer_rows - 1, 0,
		    _("Up/Down and Enter, or a digit or first letter · "
		    "Esc: cancel"), COLS, A_NORMAL);
		wnoutrefresh(b->term.footer);
	}
	wnoutrefresh(*wp);
	doupdate();
}

/* A small list over the board: Up/Down and Enter, a digit, or the first
 * letter of an item (the only one with it chooses it, else the next one
 * is selected); Esc cancels.  The index chosen, or -1. */
static int
pick(struct board *b, const char *title, const char *const *items,
    size_t n, size_t cur)
{
	WINDOW *w = NULL;
	int key, choice = -2, j;
	bool unique;

	if (n == 0 || cur >= n)
		cur = 0;
	while (choice == -2 && n > 0) {
		pick_draw(b, &w, title, items, n, cur);
		key = term_key(b);
		if (key == BOARD_TIMEOUT)
			continue;
		if (key == BOARD_RESIZE) {
			board_resize(b);
			view_draw(b);
		} else if (key == BOARD_EOF || key == KEYMAP_ESC)
			choice = -1;
		else if (key == KEYMAP_ENTER)
			choice = (int)cur;
		else if (key >= '1' && key <= '9') {
			if ((size_t)(key - '1') < n)
				choice = key - '1';
		} else if ((j = pick_letter(items, n, cur, key, &unique)) >= 0) {
			cur = (size_t)j;
			if (unique)
				choice = j;
		} else if (keymap_lookup(key) == ACTION_MOVE_UP && cur > 0)
			cur--;
		else if (keymap_lookup(key) == ACTION_MOVE_DOWN && cur + 1 < n)
			cur++;
		else if (keymap_lookup(key) == ACTION_QUIT)
			choice = -1;
	}
	if (w != NULL)
		delwin(w);
	if (b->term.header != NULL)
		touchwin(b->term.header);
	if (b->term.body != NULL)
		touchwin(b->term.body);
	if (b->term.footer != NULL)
		touchwin(b->term.footer);
	/* The board again before what follows (a prompt, a message). */
	view_draw(b);
	return choice < 0 ? -1 : choice;
}

/* --- status keys ------------------------------------------------------- */

static void
act_block_task(struct board *b, struct task *t);

static void trim_spaces(char *);

/* Done without a document that proves it (core_set_status said so):
 * only when the user says so.  *t is looked up again after the question
 * (a reload may move it). */
static bool
confirm_no_evidence(struct board *b, struct task **t)
{
	long id = (*t)->id;
	int k;

	k = prompt_key(b, _("No document proves this task. Mark it done "
	    "anyway? (y/n)"));
	if (k != 'y' && k != 'Y') {
		board_message(b, false, "%s", _("Not marked done: add a "
		    "document with e"));
		return false;
	}
	*t = board_task_by_id(b, id);
	return *t != NULL;
}

/* A field of the evidence form; NULL when the user pressed Esc. */
static char *
ask_field(struct board *b, const char *label, const char *initial)
{
	char *v = prompt_line(b, label, initial, initial != NULL);

	if (v != NULL)
		trim_spaces(v);
	return v;
}

/* e: a verification document — number, date, issuer, summary, signed,
 * file or link.  Esc at any field cancels; number and date are needed. */
static void
act_evidence(struct board *b)
{
	struct evidence e = { 0 };
	struct task *t = target(b);
	char shown[11], iso[11], *num, *day = NULL, *err = NULL;
	long id;
	int k;

	if (t == NULL || !writable(b) || !may(b, PERM_EVIDENCE, t))
		return;
	id = t->id;
	num = ask_field(b, _("Document number and symbol (158/BC-UBND): "),
	    NULL);
	if (num != NULL && *num != '\0') {
		i18n_date(today(), shown, sizeof shown);
		day = ask_field(b, _("Document date: "), shown);
	}
	if (day == NULL || *day == '\0') {
		board_message(b, false, "%s", _("Cancelled"));
		goto out;
	}
	if (!date_parse(day, iso)) {
		board_message(b, true, _("Invalid date: %s"), day);
		goto out;
	}
	e.number = num;
	e.day = iso;
	if ((e.issuer = ask_field(b, _("Issued by (optional): "), NULL)) ==
	    NULL ||
	    (e.summary = ask_field(b, _("Summary (optional): "), NULL)) ==
	    NULL ||
	    (k = prompt_key(b, _("Digitally signed? (y/n)"))) < 0 ||
	    (e.file = ask_field(b, _("File or link (optional): "), NULL)) ==
	    NULL) {
		board_message(b, false, "%s", _("Cancelled"));
		goto out;
	}
	e.is_signed = k == 'y' || k == 'Y';
	if ((k = core_evidence_add(b->s, perm_self(), id, &e, NULL,
	    &err)) != CORE_OK)
		not_written(b, k, err);
	else
		board_message(b, false, "%s", _("Document added"));
	board_reload(b);
out:
	free(err);
	free(num);
	free(day);
	free(e.issuer);
	free(e.summary);
	free(e.file);
}

/* + and -: record one occurrence today (with an optional note) or
 * retract the latest of the current period. */
static void
act_tick(struct board *b, bool add)
{
	struct task *t = target(b);
	char *note = NULL, *err = NULL;
	int rc;
	long id;

	if (t == NULL || !writable(b) || !may(b, PERM_TICK, t))
		return;
	id = t->id;
	if (add) {
		note = prompt_line(b, _("Occurrence today; note (optional): "),
		    NULL, false);
		if (note == NULL) {
			board_message(b, false, "%s", _("Cancelled"));
			return;
		}
		rc = core_tick(b->s, perm_self(), id, today(), note, &err);
	} else {
		rc = core_untick(b->s, perm_self(), id, NULL, &err);
	}
	if (rc < 0 || rc == CORE_NO_TARGET)
		not_written(b, rc, err);
	else if (rc == CORE_NONE)
		board_message(b, true, "%s", _("No occurrence in the current "
		    "period"));
	else
		board_message(b, false, "%s", add ? _("Occurrence recorded") :
		    _("Occurrence retracted"));
	free(note);
	free(err);
	board_reload(b);
}

/* To a status; blocked asks for the reason. */
static void
set_status(struct board *b, struct task *t, enum status to)
{
	if (to == STATUS_BLOCKED)
		act_block_task(b, t);
	else
		write_set(b, t, "status", status_name(to), NULL, false);
}

/* s, Space: to do → doing → done, and there it stops. */
static void
act_status(struct board *b)
{
	struct task *t = target(b);
	char *label, *keys;

	if (t == NULL || !writable(b) || !may(b, PERM_STATUS, t))
		return;
	if (t->status == STATUS_DONE) {
		label = task_label(t);
		keys = keymap_keys_of(ACTION_STATUS_BACK);
		board_message(b, false, _("%s is done already; %s steps back"),
		    label, *keys != '\0' ? keys : "S");
		free(keys);
		free(label);
		return;
	}
	set_status(b, t, t->status == STATUS_TODO ? STATUS_DOING :
	    t->status == STATUS_DOING ? STATUS_DONE : STATUS_DOING);
}

/* The status a blocked task had before it was blocked, from its history
 * (the newest change to blocked); to do when none says. */
static enum status
before_blocked(struct board *b, long id)
{
	struct history *h;
	enum status st = STATUS_TODO, old;
	char *err = NULL;
	size_t n, i;

	if (store_history(b->s, id, &h, &n, &err) != 0) {
		free(err);
		return st;
	}
	for (i = 0; i < n; i++)
		if (h[i].kind == HK_STATUS && h[i].new != NULL &&
		    strcmp(h[i].new, "blocked") == 0 && h[i].old != NULL &&
		    status_parse(h[i].old, &old) && old != STATUS_BLOCKED)
			st = old;
	history_free(h, n);
	return st;
}

/* S: one status back; from blocked, the one before it was blocked. */
static void
act_status_back(struct board *b)
{
	struct task *t = target(b);
	char *label;

	if (t == NULL || !writable(b) || !may(b, PERM_STATUS, t))
		return;
	if (t->status == STATUS_TODO) {
		label = task_label(t);
		board_message(b, false, _("%s is not started: nothing before %s"),
		    label, status_label(STATUS_TODO));
		free(label);
		return;
	}
	set_status(b, t, t->status == STATUS_DONE ? STATUS_DOING :
	    t->status == STATUS_DOING ? STATUS_TODO :
	    before_blocked(b, t->id));
}

/* t: any status, from the picker. */
static void
act_status_pick(struct board *b)
{
	const char *items[STATUS_COUNT];
	struct task *t = target(b);
	long id;
	int i;

	if (t == NULL || !writable(b) || !may(b, PERM_STATUS, t))
		return;
	id = t->id;
	for (i = 0; i < STATUS_COUNT; i++)
		items[i] = status_label((enum status)i);
	i = pick(b, _("Status"), items, STATUS_COUNT, (size_t)t->status);
	if (i < 0) {
		board_message(b, false, "%s", _("Cancelled"));
		return;
	}
	if ((t = board_task_by_id(b, id)) == NULL)
		return;
	if ((enum status)i == t->status) {
		board_message(b, false, "%s", _("No change"));
		return;
	}
	set_status(b, t, (enum status)i);
}

/* m: the task to another role's column (store_task_reassign). */
static void
act_move_role(struct board *b)
{
	struct task *t = target(b);
	const char **items;
	size_t *idx, i, n = 0, cur = 0, w = 0;
	char *err = NULL, *label, *role, *from;
	struct core_result res = { -1, 0, "" };
	long id, version;
	int k, rc;

	if (t == NULL || !writable(b) || !may(b, PERM_REASSIGN, t))
		return;
	id = t->id;
	version = t->version;
	for (i = 0; i < b->c->nroles; i++)
		if (strlen(b->c->roles[i].id) > w)
			w = strlen(b->c->roles[i].id);
	items = xcalloc(b->c->nroles + 1, sizeof *items);
	idx = xcalloc(b->c->nroles + 1, sizeof *idx);
	for (i = 0; i < b->c->nroles; i++) {
		const struct role *r = &b->c->roles[i];

		if (r->unassigned)
			continue;
		if (t->role != NULL && strcmp(t->role, r->id) == 0)
			cur = n;
		items[n] = xasprintf("%-*s  %s", (int)w, r->id, r->name);
		idx[n++] = i;
	}
	k = pick(b, _("Move to role"), items, n, cur);
	for (i = 0; i < n; i++)
		free((char *)items[i]);
	free(items);
	if (k < 0 || (t = board_task_by_id(b, id)) == NULL) {
		free(idx);
		board_message(b, false, "%s", _("Cancelled"));
		return;
	}
	role = xstrdup(b->c->roles[idx[k]].id);
	free(idx);
	label = task_label(t);
	if (t->role != NULL && strcmp(t->role, role) == 0)
		board_message(b, false, "%s", _("No change"));
	else if ((rc = core_move(b->s, perm_self(), id, version, role, &res,
	    &err)) == CORE_CONFLICT)
		board_message(b, true, _("%s was just changed by someone else; "
		    "reloaded: look, then try again"), label);
	else if (rc != 0)
		not_written(b, rc, err);
	else {
		board_message(b, false, _("%s moved to %s"), label, role);
		/* u offers it back: "1.7: role VH-XH → CA". */
		from = t->role != NULL ? t->role : "-";
		if (res.row > 0)
			undo_push(b, res.row, xasprintf(_("%s: role %s → %s"),
			    label, from, role));
	}
	board_reload(b);
	free(label);
	free(role);
	free(err);
}

/* b, or blocked from the picker: asks for the reason. */
static void
act_block_task(struct board *b, struct task *t)
{
	char *reason;
	long id = t->id;

	reason = prompt_line(b, _("Why is it blocked: "), NULL, false);
	if (reason == NULL || *reason == '\0')
		board_message(b, false, "%s", _("Cancelled"));
	else if ((t = board_task_by_id(b, id)) != NULL)
		write_set(b, t, "status", status_name(STATUS_BLOCKED), reason,
		    false);
	free(reason);
}

static void
act_block(struct board *b)
{
	struct task *t = target(b);

	if (t != NULL && writable(b) && may(b, PERM_STATUS, t))
		act_block_task(b, t);
}

static void
act_note(struct board *b, const char *kind)
{
	struct task *t = target(b);
	bool evidence = strcmp(kind, "evidence") == 0;
	char *text, *err = NULL;
	long id;
	int rc;

	if (t == NULL || !writable(b) || !may(b, evidence ? PERM_EVIDENCE :
	    PERM_NOTE, t))
		return;
	id = t->id;
	text = prompt_line(b, evidence ? _("Evidence: ") : _("Note: "), NULL,
	    false);
	if (text == NULL || *text == '\0') {
		board_message(b, false, "%s", _("Cancelled"));
		free(text);
		return;
	}
	if ((rc = core_note(b->s, perm_self(), id, kind, text, &err)) != 0)
		not_written(b, rc, err);
	else
		board_message(b, false, "%s", evidence ?
		    _("Evidence added") : _("Note added"));
	free(err);
	free(text);
	board_reload(b);
}

/* Spaces around typed text go: " 15/10/2023 " is a date, "  " nothing. */
static void
trim_spaces(char *s)
{
	size_t n = strlen(s), i = 0;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	s[n] = '\0';
	while (s[i] == ' ')
		i++;
	memmove(s, s + i, n - i + 1);
}

static void
act_due(struct board *b)
{
	struct task *t = target(b);
	char shown[11] = "", iso[11], *text;
	long id;

	if (t == NULL || !writable(b) || !may(b, PERM_DUE, t))
		return;
	id = t->id;
	if (t->due != NULL)
		i18n_date(t->due, shown, sizeof shown);
	/* TRANSLATORS: the date format of i18n_date (vi: dd/mm/yyyy). */
	text = prompt_line(b, _("New due date (YYYY-MM-DD): "), shown, true);
	if (text != NULL)
		trim_spaces(text);
	if (text == NULL || *text == '\0') {
		board_message(b, false, "%s", _("Cancelled"));
	} else if (!date_parse(text, iso)) {
		board_message(b, true, _("Invalid date: %s"), text);
	} else if ((t = board_task_by_id(b, id)) != NULL) {
		write_set(b, t, "due", iso, NULL, false);
	}
	free(text);
}

static void
act_add(struct board *b)
{
	struct core_result r = { -1, -1, "" };
	const char *role;
	char *title, *label, *err = NULL;
	struct column *col;
	size_t i;
	int rc;

	if (b->nav.ncols == 0 || !writable(b))
		return;
	if (core_may_add(perm_self(), b->nav.cols[b->nav.col].id,
	    &err) != CORE_OK) {
		board_message(b, true, "%s", err);
		free(err);
		return;
	}
	role = b->nav.cols[b->nav.col].id;
	label = xasprintf(_("New task (%s): "), role);
	title = prompt_line(b, label, NULL, false);
	free(label);
	if (title == NULL || *title == '\0') {
		board_message(b, false, "%s", _("Cancelled"));
		free(title);
		return;
	}
	role = xstrdup(role);
	if ((rc = core_task_add(b->s, perm_self(), b->c, b->data.plan.id, role,
	    title, &r, &err)) != CORE_OK) {
		not_written(b, rc, err);
	} else {
		board_message(b, false, _("Task added to column %s"), role);
	}
	free(err);
	free(title);
	board_reload(b);
	if (rc == CORE_OK && (col = board_column_find(b, role)) != NULL) {
		b->nav.col = (size_t)(col - b->nav.cols);
		for (i = 0; i < col->ncards; i++)
			if (b->data.tasks[col->cards[i]].id == r.id)
				col->cur = i;
	}
	free((char *)role);
}

/* u: this board's newest change not undone yet, after a yes. */
static void
act_undo(struct board *b)
{
	char *err = NULL, *q;
	struct undo u;
	int rc, k;

	if (!writable(b))
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

void
actions_dispatch(struct board *b, int key)
{
	enum action a = keymap_lookup(key);
	int per = view_cards_per_screen(b);

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
	switch (a) {
	case ACTION_MOVE_UP:
		move_card(b, -1, false);
		break;
	case ACTION_MOVE_DOWN:
		move_card(b, 1, false);
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
		move_card(b, -1, true);
		break;
	case ACTION_MOVE_LAST:
		move_card(b, 1, true);
		break;
	case ACTION_PAGE_UP:
		move_card(b, -(per > 0 ? per : 1), false);
		break;
	case ACTION_PAGE_DOWN:
		move_card(b, per > 0 ? per : 1, false);
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
	case ACTION_OPEN:
		if (board_current(b) != NULL)
			open_view(b, VIEW_TASK, board_current(b)->id);
		break;
	case ACTION_STATUS_NEXT:
		act_status(b);
		break;
	case ACTION_STATUS_BACK:
		act_status_back(b);
		break;
	case ACTION_STATUS_PICK:
		act_status_pick(b);
		break;
	case ACTION_MOVE_ROLE:
		act_move_role(b);
		break;
	case ACTION_BLOCK:
		act_block(b);
		break;
	case ACTION_NOTE:
		act_note(b, "note");
		break;
	case ACTION_EVIDENCE:
		act_evidence(b);
		break;
	case ACTION_TICK:
		act_tick(b, true);
		break;
	case ACTION_UNTICK:
		act_tick(b, false);
		break;
	case ACTION_CHANGES:
		open_view(b, VIEW_CHANGES, -1);
		break;
	case ACTION_DUE:
		act_due(b);
		break;
	case ACTION_ADD:
		act_add(b);
		break;
	case ACTION_UNDO:
		act_undo(b);
		break;
	case ACTION_SEARCH:
		search_ask(b);
		break;
	case ACTION_FILTER:
		search_filter_ask(b);
		break;
	case ACTION_RELOAD:
		board_reload(b);
		if (b->prompt.msg == NULL)
			board_message(b, false, "%s", _("Reloaded"));
		break;
	case ACTION_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACTION_BACK:
		if (b->filter.search != NULL || b->filter.overdue ||
		    b->filter.only_mine || b->filter.status >= 0) {
			free(b->filter.search);
			b->filter.search = NULL;
			b->filter.overdue = b->filter.only_mine = false;
			b->filter.status = -1;
			board_rebuild(b);
			board_message(b, false, "%s",
			    _("Search and filter cleared"));
		}
		break;
	case ACTION_HELP:
		open_view(b, VIEW_HELP, -1);
		break;
	case ACTION_QUIT:
		b->session.quit = true;
		break;
	default:
		break;
	}
	if (b->nav.view == VIEW_TASK &&
	    board_task_by_id(b, b->nav.task_id) == NULL)
		open_view(b, VIEW_BOARD, -1);
	actions_clamp(b);
}

