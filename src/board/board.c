/* SPDX-License-Identifier: ISC */
/* board.c: the board's state and its main loop.
 *
 * The board holds a snapshot of the plan's tasks, sorted once by due date
 * and points, and a column per role whose cards are indices into that
 * snapshot.  Every change goes straight to the store (one transaction,
 * with the field the card showed checked) and the snapshot is read again;
 * while it waits for a key the board sleeps until the terminal or the
 * database file is written (term.c), then looks at PRAGMA data_version,
 * so another board's change shows at once, read after the key at hand has
 * acted on the screen the user saw.  The other files: board_load.c reads
 * the snapshot and builds the columns, board_index.c keeps its indexes,
 * actions.c carries out the key table's actions, term.c owns the terminal
 * (or the key script), view.c and taskview.c draw, prompt.c reads text. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "boardui.h"
#include "date.h"
#include "i18n.h"
#include "keymap.h"
#include "util.h"


void
board_message(struct board *b, bool error, const char *fmt, ...)
{
	va_list ap;

	free(b->prompt.msg);
	va_start(ap, fmt);
	b->prompt.msg = xvasprintf(fmt, ap);
	va_end(ap);
	b->prompt.msg_error = error;
}

bool
board_task_soon(const struct board *b, const struct task *t)
{
	return task_due_soon(t, b->c->warn_days);
}

struct task *
board_current(struct board *b)
{
	struct column *col;

	if (b->nav.ncols == 0)
		return NULL;
	col = &b->nav.cols[b->nav.col];
	if (col->ncards == 0)
		return NULL;
	return &b->data.tasks[col->cards[col->cur]];
}

void
board_resize(struct board *b)
{
	term_input_reset(b);
	view_resize(b);
}

static void
board_free(struct board *b)
{
	board_load_free(b);
	keymap_lines_free(b->nav.lines);
	free(b->prompt.msg);
	actions_undo_free(b);
	free(b->keys.pending);
	free(b->keys.fatal);
	free(b->keys.script_name);
	if (b->keys.script != NULL)
		fclose(b->keys.script);
	if (b->keys.dump != NULL)
		fclose(b->keys.dump);
	if (b->term.tty_out != NULL)
		fclose(b->term.tty_out);
	if (b->term.tty_in != NULL)
		fclose(b->term.tty_in);
}

int
board_config_check(const struct config *c, char **err)
{
	char *e1 = NULL, *e2 = NULL;
	int rc = 0;

	if (keymap_load(c, &e1) != 0)
		rc = -1;
	if (view_colors_check(c, &e2) != 0)
		rc = -1;
	if (rc != 0)
		fail(err, "%s%s%s", e1 ? e1 : "", e1 && e2 ? "\n" : "",
		    e2 ? e2 : "");
	free(e1);
	free(e2);
	return rc;
}

/* A read-only board says so on opening, and a key that would write is
 * refused (writing), with why when it can tell. */
void
board_readonly_message(struct board *b, bool writing)
{
	char *why = store_readonly_why(b->s);

	if (why != NULL && writing)
		board_message(b, true, _("The database is read-only: cannot "
		    "write (%s)"), why);
	else if (why != NULL)
		board_message(b, true, _("The database is read-only: you can "
		    "only look (%s)"), why);
	else
		board_message(b, true, "%s", writing ?
		    _("The database is read-only: cannot write") :
		    _("The database is read-only: you can only look"));
	free(why);
}

/* The board on its terminal, with its first message; -1 with *err. */
static int
board_open(struct board *b, char **err)
{
	term_locale_init();
	store_cache_small(b->s);
	if (board_config_check(b->c, err) != 0 || board_load(b, err) != 0)
		return -1;
	/* The terminal, then the board's colours and windows on it; at
	 * the end the windows go before the terminal. */
	if (term_open(b, err) != 0) {
		term_close(b);
		return -1;
	}
	view_colors(b);
	term_buffer_frames();
	view_layout(b);
	if (b->session.view_only)
		board_message(b, false, "%s",
		    _("View only: the board follows changes, keys change "
		    "nothing"));
	else if (store_readonly(b->s))
		board_readonly_message(b, false);
	else
		board_message(b, false, "%s", _("Press ? for help"));
	store_on_backup_error(b->s, NULL, NULL); /* said here, not on stderr */
	actions_clamp(b);
	return 0;
}

/* The screen when it changed (dirty), one key (or a timeout), then
 * whatever other boards changed meanwhile.  Whether the screen needs
 * drawing again; keys.fatal or session.quit is set when the board ends. */
static bool
board_step(struct board *b, bool dirty)
{
	long v;
	int key;

	if (store_backup_error(b->s) != NULL && !b->session.backup_said) {
		board_message(b, true, _("The daily backup was not "
		    "written: %s"), store_backup_error(b->s));
		b->session.backup_said = true;
	}
	if (dirty)
		view_draw(b);
	dirty = false;
	key = term_key(b);
	if (key == BOARD_EOF) {
		b->session.quit = true;
		return false;
	}
	/* A key acts on the snapshot on the screen, the one the user saw:
	 * another board's change is read after it (a change key then finds
	 * the field it showed moved). */
	if (key == BOARD_RESIZE) {
		board_resize(b);
		actions_clamp(b);
	} else if (key != BOARD_TIMEOUT && key != BOARD_PASTE) {
		actions_dispatch(b, key);	/* a paste is no key */
	}
	if (key != BOARD_TIMEOUT)
		dirty = true;
	/* Another board's commit changes data_version; past midnight the
	 * late and soon cards are counted again. */
	v = store_data_version(b->s);
	if (v != b->data.data_version && store_schema_newer(b->s)) {
		b->keys.fatal = xstrdup(_("parboard was upgraded; restart "
		    "it"));
		return false;
	}
	if (v != b->data.data_version || strcmp(today(), b->data.day) != 0) {
		board_reload(b);
		dirty = true;
	}
	return dirty;
}

int
board_run(struct store *s, const struct config *c, const char *plan_name,
    bool view_only, char **err)
{
	struct board b;
	bool dirty = true;
	int rc = 0;

	memset(&b, 0, sizeof b);
	b.s = s;
	b.c = c;
	b.plan_name = plan_name;
	b.filter.status = -1;
	b.nav.task_id = -1;
	b.session.view_only = view_only;
	b.keys.watch_fd = b.keys.watch_wal = -1;
	if (board_open(&b, err) != 0) {
		board_free(&b);
		return -1;
	}
	while (!b.session.quit && b.keys.fatal == NULL)
		dirty = board_step(&b, dirty);
	if (b.keys.script != NULL) {
		view_draw(&b);
		term_dump(&b);
	}
	view_free_windows(&b);
	term_close(&b);
	if (b.keys.fatal != NULL) {
		fail(err, "%s", b.keys.fatal);
		rc = -1;
	}
	board_free(&b);
	return rc;
}
