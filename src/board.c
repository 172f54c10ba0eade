/* board.c: the board's state and its main loop.
 *
 * The board holds a snapshot of the plan's tasks, sorted once by due date
 * and points, and a column per role whose cards are indices into that
 * snapshot.  Every change goes straight to the store (one transaction,
 * with the field the card showed checked) and the snapshot is read again;
 * while it waits for a key the board polls PRAGMA data_version, so another
 * board's change shows within POLL_MS (term.c), read after the key at
 * hand has acted on the screen the user saw.  The other files:
 * actions.c carries out the key table's actions, term.c owns the terminal
 * (or the key script), view.c and taskview.c draw, prompt.c reads text. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "boardui.h"
#include "i18n.h"
#include "keymap.h"
#include "text.h"
#include "util.h"


void
board_message(struct board *b, bool error, const char *fmt, ...)
{
	va_list ap;

	free(b->msg);
	va_start(ap, fmt);
	b->msg = xvasprintf(fmt, ap);
	va_end(ap);
	b->msg_error = error;
}

bool
board_task_soon(const struct board *b, const struct task *t)
{
	long d;

	if (t->status == STATUS_DONE || t->due == NULL)
		return false;
	d = text_days_between(today(), t->due);
	return d >= 0 && d <= b->c->warn_days;
}

struct task *
board_current(struct board *b)
{
	struct column *col;

	if (b->ncols == 0)
		return NULL;
	col = &b->cols[b->col];
	if (col->ncards == 0)
		return NULL;
	return &b->tasks[col->cards[col->cur]];
}

struct task *
board_task_by_id(struct board *b, long id)
{
	size_t i;

	for (i = 0; i < b->ntasks; i++)
		if (b->tasks[i].id == id)
			return &b->tasks[i];
	return NULL;
}

/* Due date first (none last), then the most points at stake, then the
 * criterion code in version order, then age. */
static int
task_cmp(const void *pa, const void *pb)
{
	const struct task *a = pa, *b = pb;
	int c;

	if (a->due != NULL && b->due != NULL) {
		if ((c = strcmp(a->due, b->due)) != 0)
			return c;
	} else if (a->due != b->due) {
		return a->due == NULL ? 1 : -1;
	}
	if (a->has_points != b->has_points)
		return a->has_points ? -1 : 1;
	if (a->points != b->points)
		return a->points > b->points ? -1 : 1;
	if (a->code != NULL && b->code != NULL) {
		if ((c = text_code_cmp(a->code, b->code)) != 0)
			return c;
	} else if (a->code != b->code) {
		return a->code == NULL ? 1 : -1;
	}
	return a->id < b->id ? -1 : a->id > b->id;
}

static int
long_cmp(const void *pa, const void *pb)
{
	long a = *(const long *)pa, b = *(const long *)pb;

	return a < b ? -1 : a > b;
}

static struct column *
column_add(struct board *b, size_t *cap, const char *id, const char *name)
{
	struct column *col;

	b->cols = xgrow(b->cols, cap, b->ncols + 1, sizeof *b->cols);
	col = &b->cols[b->ncols++];
	memset(col, 0, sizeof *col);
	col->id = id;
	col->name = name != NULL ? name : "";
	return col;
}

struct column *
board_column_find(struct board *b, const char *id)
{
	size_t i;

	for (i = 0; i < b->ncols; i++)
		if (strcmp(b->cols[i].id, id) == 0)
			return &b->cols[i];
	return NULL;
}

/* Where the cursor was, so a reload can put it back on the same task. */
struct place {
	char *col_id;
	long task_id;
	size_t col, cur;
	struct {
		char *id;
		long task_id;
		size_t cur, top;
	} *cols;
	size_t ncols;
};

static void
place_save(struct board *b, struct place *p)
{
	struct task *t = board_current(b);
	size_t i;
	struct column *col;

	memset(p, 0, sizeof *p);
	p->col = b->col;
	if (b->ncols > 0) {
		p->col_id = xstrdup(b->cols[b->col].id);
		p->cur = b->cols[b->col].cur;
	}
	p->task_id = t != NULL ? t->id : -1;
	p->cols = xcalloc(b->ncols + 1, sizeof *p->cols);
	for (i = 0; i < b->ncols; i++) {
		col = &b->cols[i];
		p->cols[i].id = xstrdup(col->id);
		p->cols[i].cur = col->cur;
		p->cols[i].top = col->top;
		p->cols[i].task_id = col->ncards > 0 ?
		    b->tasks[col->cards[col->cur]].id : -1;
	}
	p->ncols = b->ncols;
}

static void
place_restore(struct board *b, struct place *p)
{
	struct column *col;
	size_t i, j;

	for (i = 0; i < p->ncols; i++) {
		col = board_column_find(b, p->cols[i].id);
		if (col == NULL)
			continue;
		col->top = p->cols[i].top;
		col->cur = p->cols[i].cur;
		for (j = 0; j < col->ncards; j++) {
			if (b->tasks[col->cards[j]].id == p->cols[i].task_id) {
				col->cur = j;
				break;
			}
		}
		if (col->ncards == 0)
			col->cur = col->top = 0;
		else if (col->cur >= col->ncards)
			col->cur = col->ncards - 1;
	}
	b->col = p->col < b->ncols ? p->col : b->ncols ? b->ncols - 1 : 0;
	if (p->col_id != NULL && (col = board_column_find(b, p->col_id)) != NULL)
		b->col = (size_t)(col - b->cols);
	for (i = 0; i < p->ncols; i++)
		free(p->cols[i].id);
	free(p->cols);
	free(p->col_id);
}

/* Whether the comma-separated role list sup names id. */
static bool
supports(const char *sup, const char *id)
{
	size_t n = strlen(id);
	const char *p;

	for (p = sup; p != NULL && *p != '\0'; p = strchr(p, ',')) {
		if (*p == ',')
			p++;
		while (*p == ' ')
			p++;
		if (strncmp(p, id, n) == 0 && (p[n] == '\0' || p[n] == ',' ||
		    p[n] == ' '))
			return true;
	}
	return false;
}

static void
card_add(struct column *col, size_t i)
{
	col->cards = xgrow(col->cards, &col->cap, col->ncards + 1,
	    sizeof *col->cards);
	col->cards[col->ncards++] = i;
}

/* The cards of a column: its own open tasks, its own done ones, then the
 * tasks it supports (open, then done), each in task_cmp order. */
static void
column_fill(struct board *b, struct column *col)
{
	const struct task *t;
	size_t i;
	int pass;

	for (pass = 0; pass < 4; pass++) {
		if (pass == 2)
			col->nown = col->ncards;
		for (i = 0; i < b->ntasks; i++) {
			t = &b->tasks[i];
			if ((t->status == STATUS_DONE) != (pass % 2 == 1))
				continue;
			if (pass < 2 ? strcmp(t->role != NULL ? t->role : "?",
			    col->id) != 0 : t->support == NULL ||
			    !supports(t->support, col->id))
				continue;
			if (pass < 2) {
				col->total++;
				if (t->status == STATUS_DONE)
					col->done++;
			}
			if (search_task_visible(b, t))
				card_add(col, i);
		}
	}
}

/* Whether a role holds a task, its own or one it supports. */
static bool
role_used(const struct board *b, const char *id)
{
	const struct task *t;
	size_t i;

	for (i = 0; i < b->ntasks; i++) {
		t = &b->tasks[i];
		if (strcmp(t->role != NULL ? t->role : "?", id) == 0 ||
		    (t->support != NULL && supports(t->support, id)))
			return true;
	}
	return false;
}

/* The header's counts: done, late, and the nearest deadline to come. */
static void
board_count(struct board *b)
{
	const struct task *t;
	const char *now = today();
	size_t i;

	b->ndone = b->nlate = 0;
	b->next_due[0] = '\0';
	for (i = 0; i < b->ntasks; i++) {
		t = &b->tasks[i];
		if (t->status == STATUS_DONE) {
			b->ndone++;
			continue;
		}
		if (t->due == NULL)
			continue;
		if (strcmp(t->due, now) < 0)
			b->nlate++;
		else if (b->next_due[0] == '\0' ||
		    strcmp(t->due, b->next_due) < 0)
			snprintf(b->next_due, sizeof b->next_due, "%s", t->due);
	}
}

score
board_score_now(const struct board *b)
{
	return b->plan.total_appraised + b->recovered;
}

/* Columns: the configured roles in order that hold tasks, their own or
 * ones they support (every role with show_empty), then any role the
 * tasks name that the configuration does not know, so nothing is ever
 * hidden. */
static void
columns_build(struct board *b)
{
	const struct config *c = b->c;
	size_t i, cap = 0;
	const struct task *t;
	const char *id;

	for (i = 0; i < b->ncols; i++)
		free(b->cols[i].cards);
	free(b->cols);
	b->cols = NULL;
	b->ncols = 0;
	for (i = 0; i < c->nroles; i++)
		if (c->show_empty || role_used(b, c->roles[i].id))
			column_add(b, &cap, c->roles[i].id, c->roles[i].name);
	for (i = 0; i < b->ntasks; i++) {
		t = &b->tasks[i];
		id = t->role != NULL ? t->role : "?";
		if (board_column_find(b, id) == NULL)
			column_add(b, &cap, id, NULL);
	}
	for (i = 0; i < b->ncols; i++)
		column_fill(b, &b->cols[i]);
	search_columns_prune(b);
}

int
board_load_mine(struct board *b, char **err)
{
	struct filter f = { NULL, -1, false, current_user() };
	struct task *t;
	size_t n, i;

	free(b->mine);
	b->mine = NULL;
	b->nmine = 0;
	if (store_tasks(b->s, b->plan.id, &f, &t, &n, err) != 0)
		return -1;
	b->mine = xcalloc(n + 1, sizeof *b->mine);
	for (i = 0; i < n; i++)
		b->mine[i] = t[i].id;
	b->nmine = n;
	xqsort(b->mine, n, sizeof *b->mine, long_cmp);
	tasks_free(t, n);
	return 0;
}

/* Read the plan and its tasks again, keeping the cursor on its task. */
static int
board_load(struct board *b, char **err)
{
	struct filter all = { NULL, -1, false, NULL };
	struct plan p;
	struct task *tasks;
	struct place place;
	size_t n;
	int rc;

	memset(&p, 0, sizeof p);
	b->data_version = store_data_version(b->s);
	rc = store_plan_get(b->s, b->plan_name, &p, err);
	if (rc < 0)
		return -1;
	if (rc > 0) {
		if (b->plan_name != NULL)
			return fail(err, _("no plan '%s' in the database"),
			    b->plan_name);
		return fail(err, "%s", _("the database holds no plan yet; "
		    "import one with: parboard import FILE"));
	}
	if (store_tasks(b->s, p.id, &all, &tasks, &n, err) != 0) {
		plan_clear(&p);
		return -1;
	}
	plan_clear(&b->plan);
	b->plan = p;
	/* The place refers to the old snapshot: save it before the swap. */
	place_save(b, &place);
	tasks_free(b->tasks, b->ntasks);
	xqsort(tasks, n, sizeof *tasks, task_cmp);
	b->tasks = tasks;
	b->ntasks = n;
	tasks_points(b->tasks, b->ntasks, &b->recovered, &b->at_stake);
	board_count(b);
	rc = b->f_mine ? board_load_mine(b, err) : 0;
	if (rc == 0)
		rc = search_load_texts(b, err);
	if (rc == 0)
		rc = board_load_register(b, err);
	columns_build(b);
	place_restore(b, &place);
	if (rc != 0)
		return -1;
	view_header_parts(b);
	b->lines_stale = true;
	return 0;
}

/* A reload after a write or another board's change: an error here is
 * shown, the old snapshot stays. */
void
board_reload(struct board *b)
{
	char *err = NULL;

	if (board_load(b, &err) != 0) {
		board_message(b, true, _("Cannot read the data: %s"), err);
		free(err);
	}
}

void
board_rebuild(struct board *b)
{
	struct place place;

	place_save(b, &place);
	columns_build(b);
	place_restore(b, &place);
}

static void
board_free(struct board *b)
{
	size_t i;

	for (i = 0; i < b->ncols; i++)
		free(b->cols[i].cards);
	free(b->cols);
	tasks_free(b->tasks, b->ntasks);
	plan_clear(&b->plan);
	keymap_lines_free(b->lines);
	free(b->commune);
	free(b->period);
	free(b->mine);
	free(b->search);
	free(b->found);
	board_register_free(b);
	free(b->msg);
	board_undo_free(b);
	free(b->pending);
	free(b->fatal);
	free(b->script_name);
	if (b->script != NULL)
		fclose(b->script);
	if (b->dump != NULL)
		fclose(b->dump);
	if (b->tty_out != NULL)
		fclose(b->tty_out);
	if (b->tty_in != NULL)
		fclose(b->tty_in);
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

int
board_run(struct store *s, const struct config *c, const char *plan_name,
    bool view_only, char **err)
{
	struct board b;
	bool dirty = true;
	long v;
	int key, rc = 0;

	memset(&b, 0, sizeof b);
	b.s = s;
	b.c = c;
	b.plan_name = plan_name;
	b.f_status = -1;
	b.task_id = -1;
	b.view_only = view_only;
	term_locale_init();
	if (board_config_check(c, err) != 0 || board_load(&b, err) != 0) {
		board_free(&b);
		return -1;
	}
	if (term_open(&b, err) != 0) {
		term_close(&b);
		board_free(&b);
		return -1;
	}
	if (view_only)
		board_message(&b, false, "%s",
		    _("View only: the board follows changes, keys change "
		    "nothing"));
	else if (store_readonly(s))
		board_message(&b, true, "%s",
		    _("The database is read-only: you can only look"));
	else
		board_message(&b, false, "%s", _("Press ? for help"));
	board_clamp(&b);
	while (!b.quit) {
		if (dirty)
			view_draw(&b);
		dirty = false;
		key = board_key(&b);
		if (key == BOARD_EOF)
			break;
		/* A key acts on the snapshot on the screen, the one the
		 * user saw: another board's change is read after it (a
		 * change key then finds the field it showed moved). */
		if (key == BOARD_RESIZE) {
			view_resize(&b);
			board_clamp(&b);
		} else if (key != BOARD_TIMEOUT && key != BOARD_PASTE)
			board_dispatch(&b, key);	/* a paste is no key */
		if (key != BOARD_TIMEOUT)
			dirty = true;
		/* Another board's commit changes data_version. */
		v = store_data_version(s);
		if (v != b.data_version) {
			if (store_schema_newer(s)) {
				b.fatal = xstrdup(_("parboard was upgraded; "
				    "restart it"));
				break;
			}
			board_reload(&b);
			dirty = true;
		}
	}
	if (b.script != NULL) {
		view_draw(&b);
		term_dump(&b);
	}
	term_close(&b);
	if (b.fatal != NULL) {
		fail(err, "%s", b.fatal);
		rc = -1;
	}
	board_free(&b);
	return rc;
}
