/* actions.c: what the keys of the key table do — moving, opening views,
 * and the changes (status, blocked, note, evidence, due date, new task,
 * undo), each one write to the store followed by a reload.
 *
 * A change carries the version of the task the board showed; when another
 * board changed it meanwhile the store refuses (STORE_CONFLICT), the user
 * is told and the board reloads, so nobody overwrites what they have not
 * seen. */
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "boardui.h"
#include "i18n.h"
#include "keymap.h"
#include "text.h"
#include "util.h"

void
board_clamp(struct board *b)
{
	struct column *col;
	size_t per = (size_t)view_cards_per_screen(b);
	int nvis, width;

	if (b->ncols == 0)
		return;
	if (b->col >= b->ncols)
		b->col = b->ncols - 1;
	col = &b->cols[b->col];
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
	if (b->col < b->left)
		b->left = b->col;
	else if (b->col >= b->left + (size_t)nvis)
		b->left = b->col - (size_t)nvis + 1;
	if (b->left + (size_t)nvis > b->ncols)
		b->left = b->ncols > (size_t)nvis ? b->ncols - (size_t)nvis : 0;
}

static void
move_card(struct board *b, long delta, bool to_end)
{
	struct column *col;
	long cur;

	if (b->ncols == 0)
		return;
	col = &b->cols[b->col];
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

	if (b->view == VIEW_TASK)
		t = board_task_by_id(b, b->task_id);
	else
		t = board_current(b);
	if (t == NULL)
		board_message(b, true, "%s", _("No task selected"));
	return t;
}

static bool
writable(struct board *b)
{
	if (!store_readonly(b->s))
		return true;
	board_message(b, true, "%s",
	    _("The database is read-only: cannot write"));
	return false;
}

static const char *
task_label(const struct task *t)
{
	return t->code != NULL ? t->code : t->title != NULL ? t->title : "?";
}

/* A versioned change; a conflict means another board wrote first. */
static void
write_set(struct board *b, struct task *t, const char *kind,
    const char *value, const char *note, const char *done)
{
	char *err = NULL, *label = xstrdup(task_label(t));
	int rc;

	rc = store_task_set(b->s, t->id, t->version, kind, value, note,
	    current_user(), &err);
	if (rc == STORE_CONFLICT)
		board_message(b, true, _("%s was just changed by someone "
		    "else; reloaded: look, then try again"), label);
	else if (rc != 0)
		board_message(b, true, _("Cannot write: %s"), err);
	else
		board_message(b, false, "%s", done);
	free(err);
	free(label);
	board_reload(b);
}

static void
act_status(struct board *b)
{
	struct task *t = target(b);
	enum status next;
	char *done;

	if (t == NULL || !writable(b))
		return;
	switch (t->status) {
	case STATUS_TODO:
		next = STATUS_DOING;
		break;
	case STATUS_DOING:
		next = STATUS_DONE;
		break;
	case STATUS_BLOCKED:
		next = STATUS_DOING;
		break;
	default:
		next = STATUS_TODO;
		break;
	}
	done = xasprintf("%s: %s → %s", task_label(t), status_label(t->status),
	    status_label(next));
	write_set(b, t, "status", status_name(next), NULL, done);
	free(done);
}

static void
act_block(struct board *b)
{
	struct task *t = target(b);
	char *reason, *done;
	long id;

	if (t == NULL || !writable(b))
		return;
	id = t->id;
	reason = prompt_line(b, _("Why is it blocked: "), NULL, false);
	if (reason == NULL || *reason == '\0') {
		board_message(b, false, "%s", _("Cancelled"));
		free(reason);
		return;
	}
	if ((t = board_task_by_id(b, id)) != NULL) {
		done = xasprintf(_("%s: blocked"), task_label(t));
		write_set(b, t, "status", status_name(STATUS_BLOCKED), reason,
		    done);
		free(done);
	}
	free(reason);
}

static void
act_note(struct board *b, const char *kind)
{
	struct task *t = target(b);
	bool evidence = strcmp(kind, "evidence") == 0;
	char *text, *err = NULL;
	long id;

	if (t == NULL || !writable(b))
		return;
	id = t->id;
	text = prompt_line(b, evidence ? _("Evidence: ") : _("Note: "), NULL,
	    false);
	if (text == NULL || *text == '\0') {
		board_message(b, false, "%s", _("Cancelled"));
		free(text);
		return;
	}
	if (store_task_note(b->s, id, kind, text, current_user(), &err) != 0)
		board_message(b, true, _("Cannot write: %s"), err);
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
	char shown[11] = "", iso[11], *text, *done;
	long id;

	if (t == NULL || !writable(b))
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
	} else if (!text_parse_date(text, iso)) {
		board_message(b, true, _("Invalid date: %s"), text);
	} else if ((t = board_task_by_id(b, id)) != NULL) {
		i18n_date(iso, shown, sizeof shown);
		done = xasprintf(_("%s: due %s"), task_label(t), shown);
		write_set(b, t, "due", iso, NULL, done);
		free(done);
	}
	free(text);
}

static void
act_add(struct board *b)
{
	const char *role, *due, *source;
	char *title, *label, *err = NULL;
	struct column *col;
	long id = -1;
	size_t i;

	if (b->ncols == 0 || !writable(b))
		return;
	role = b->cols[b->col].id;
	label = xasprintf(_("New task (%s): "), role);
	title = prompt_line(b, label, NULL, false);
	free(label);
	if (title == NULL || *title == '\0') {
		board_message(b, false, "%s", _("Cancelled"));
		free(title);
		return;
	}
	due = config_due(b->c, role, NULL, &source);
	role = xstrdup(role);
	if (store_task_add(b->s, b->plan.id, role, NULL, title, due,
	    current_user(), &id, &err) != 0) {
		board_message(b, true, _("Cannot write: %s"), err);
	} else {
		board_message(b, false, _("Task added to column %s"), role);
	}
	free(err);
	free(title);
	board_reload(b);
	if (id >= 0 && (col = board_column_find(b, role)) != NULL) {
		b->col = (size_t)(col - b->cols);
		for (i = 0; i < col->ncards; i++)
			if (b->tasks[col->cards[i]].id == id)
				col->cur = i;
	}
	free((char *)role);
}

static void
act_undo(struct board *b)
{
	char *what = NULL, *err = NULL;
	int rc;

	if (!writable(b))
		return;
	rc = store_undo(b->s, b->plan.id, current_user(), &what, &err);
	if (rc < 0)
		board_message(b, true, _("Cannot undo: %s"), err);
	else if (rc > 0)
		board_message(b, false, "%s",
		    _("You have no change left to undo"));
	else
		board_message(b, false, _("Undone: %s"), what ? what : "");
	free(what);
	free(err);
	board_reload(b);
}

static size_t
count_cards(const struct board *b)
{
	size_t i, n = 0;

	for (i = 0; i < b->ncols; i++)
		n += b->cols[i].nown;	/* a supported task counts once */
	return n;
}

/* After a search or filter, stay on a column that shows something. */
static void
goto_nonempty(struct board *b)
{
	size_t i;

	if (b->ncols == 0 || b->cols[b->col].ncards > 0)
		return;
	for (i = 0; i < b->ncols; i++) {
		if (b->cols[i].ncards > 0) {
			b->col = i;
			return;
		}
	}
}

static void
act_search(struct board *b)
{
	char *text = prompt_line(b, _("Search: "), b->search, false);
	size_t n;

	if (text == NULL)
		return;
	free(b->search);
	b->search = NULL;
	if (*text != '\0')
		b->search = text;
	else
		free(text);
	board_rebuild(b);
	goto_nonempty(b);
	n = count_cards(b);
	if (b->search != NULL)
		board_message(b, false, ngettext("Search \"%s\": %zu task",
		    "Search \"%s\": %zu tasks", n), b->search, n);
	else
		board_message(b, false, "%s", _("Search cleared"));
}

static void
act_filter(struct board *b)
{
	char *err = NULL;
	size_t n;
	int k;

	/* TRANSLATORS: at most 79 columns; the keys o m 1 2 3 4 0 stay. */
	k = prompt_key(b, _("Filter: o overdue, m mine, 1 to do, 2 doing, "
	    "3 done, 4 blocked, 0 all"));
	if (k < 0)
		return;
	b->f_overdue = b->f_mine = false;
	b->f_status = -1;
	switch (k) {
	case 'o':
		b->f_overdue = true;
		break;
	case 'm':
		b->f_mine = true;
		if (board_load_mine(b, &err) != 0) {
			board_message(b, true, "%s", err);
			free(err);
			b->f_mine = false;
		}
		break;
	case '1': case '2': case '3': case '4':
		b->f_status = k - '1';
		break;
	default:
		break;
	}
	board_rebuild(b);
	goto_nonempty(b);
	n = count_cards(b);
	if (b->f_overdue || b->f_mine || b->f_status >= 0)
		board_message(b, false, ngettext("Filter %s: %zu task",
		    "Filter %s: %zu tasks", n), view_filter_name(b), n);
	else
		board_message(b, false, "%s", _("Filter cleared"));
}

static void
open_view(struct board *b, enum view v, long task_id)
{
	b->view = v;
	b->task_id = task_id;
	b->scroll = 0;
	b->lines_stale = true;
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
		b->scroll--;
		break;
	case ACTION_MOVE_DOWN:
		b->scroll++;
		break;
	case ACTION_PAGE_UP:
		b->scroll -= page;
		break;
	case ACTION_PAGE_DOWN:
		b->scroll += page;
		break;
	case ACTION_MOVE_FIRST:
		b->scroll = 0;
		break;
	case ACTION_MOVE_LAST:
		b->scroll = (int)b->nlines;
		break;
	case ACTION_BACK:
	case ACTION_QUIT:
		open_view(b, b->view == VIEW_HELP && b->task_id >= 0 ?
		    VIEW_TASK : VIEW_BOARD, b->view == VIEW_HELP ?
		    b->task_id : -1);
		break;
	case ACTION_HELP:
		if (b->view == VIEW_HELP)
			open_view(b, b->task_id >= 0 ? VIEW_TASK : VIEW_BOARD,
			    b->task_id);
		else
			open_view(b, VIEW_HELP, b->task_id);
		break;
	default:
		return false;
	}
	return true;
}

void
board_dispatch(struct board *b, int key)
{
	enum action a = keymap_lookup(key);
	int per = view_cards_per_screen(b);

	if (LINES < SCREEN_MIN_LINES || COLS < SCREEN_MIN_COLS) {
		if (a == ACTION_QUIT)
			b->quit = true;
		return;
	}
	free(b->msg);
	b->msg = NULL;
	if (b->view != VIEW_BOARD) {
		if (dispatch_text(b, a))
			return;
		if (b->view == VIEW_HELP)
			return;
		b->lines_stale = true;
	}
	switch (a) {
	case ACTION_MOVE_UP:
		move_card(b, -1, false);
		break;
	case ACTION_MOVE_DOWN:
		move_card(b, 1, false);
		break;
	case ACTION_MOVE_LEFT:
		if (b->col > 0)
			b->col--;
		break;
	case ACTION_MOVE_RIGHT:
		if (b->col + 1 < b->ncols)
			b->col++;
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
		if ((size_t)(a - ACTION_COLUMN_1) < b->ncols)
			b->col = (size_t)(a - ACTION_COLUMN_1);
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
	case ACTION_BLOCK:
		act_block(b);
		break;
	case ACTION_NOTE:
		act_note(b, "note");
		break;
	case ACTION_EVIDENCE:
		act_note(b, "evidence");
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
		act_search(b);
		break;
	case ACTION_FILTER:
		act_filter(b);
		break;
	case ACTION_RELOAD:
		board_reload(b);
		if (b->msg == NULL)
			board_message(b, false, "%s", _("Reloaded"));
		break;
	case ACTION_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACTION_BACK:
		if (b->search != NULL || b->f_overdue || b->f_mine ||
		    b->f_status >= 0) {
			free(b->search);
			b->search = NULL;
			b->f_overdue = b->f_mine = false;
			b->f_status = -1;
			board_rebuild(b);
			board_message(b, false, "%s",
			    _("Search and filter cleared"));
		}
		break;
	case ACTION_HELP:
		open_view(b, VIEW_HELP, -1);
		break;
	case ACTION_QUIT:
		b->quit = true;
		break;
	default:
		break;
	}
	if (b->view == VIEW_TASK && board_task_by_id(b, b->task_id) == NULL)
		open_view(b, VIEW_BOARD, -1);
	board_clamp(b);
}

