/* view.c: drawing the board — header, columns of cards, footer (the
 * task and help views are taskview.c's).
 *
 * Everything is drawn into three windows and sent with one doupdate(), so
 * curses sends only the cells that changed: moving the cursor repaints two
 * card headings, not the screen.  Every width is a display width
 * (text_fit, text_pad); text is shown in NFC with control characters
 * replaced, since PuTTY loses the marks of decomposed text and a tab or
 * newline would break the grid. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "board.h"
#include "boardui.h"
#include "i18n.h"
#include "title.h"
#include "keymap.h"
#include "text.h"
#include "util.h"

/* --- text helpers -------------------------------------------------- */

/* NFC with every control character (tab, newline, ...) as a space. */
static char *
clean(const char *s)
{
	char *n = text_nfc(s != NULL ? s : ""), *p;

	for (p = n; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return n;
}

/* Write s in exactly width columns at (y, x): cut with "…" or padded. */
void
view_put(WINDOW *w, int y, int x, const char *s, int width, attr_t attr)
{
	struct buf b = { 0 };
	char *c;

	if (w == NULL || width <= 0 || y < 0 || y >= getmaxy(w))
		return;
	c = clean(s);
	text_pad(&b, c, width);
	wattrset(w, attr);
	mvwaddstr(w, y, x, b.data != NULL ? b.data : "");
	wattrset(w, A_NORMAL);
	free(c);
	buf_free(&b);
}

/* Length in bytes of the first line of s when wrapped at width columns
 * (at a space when there is one), and where the next line starts. */
size_t
view_wrap_first(const char *s, int width, const char **next)
{
	size_t n, i;

	if (text_width(s) <= width) {
		*next = s + strlen(s);
		return strlen(s);
	}
	n = text_fit(s, width, NULL);
	if (s[n] == ' ') {
		*next = s + n + 1;
		return n;
	}
	for (i = n; i > 0; i--) {
		if (s[i - 1] == ' ') {
			*next = s + i;
			return i - 1;
		}
	}
	if (n == 0)		/* a character wider than the line */
		n = strlen(s) > 0 ? 1 : 0;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n++;
	*next = s + n;
	return n;
}

void
view_score(score v, char *buf)
{
	text_format_score(v, i18n_decimal(), buf, 32);
}

void
view_date(const char *iso, char *buf, bool day_month)
{
	i18n_date(iso, buf, 11);
	if (!day_month || strlen(buf) != 10)
		return;
	if (buf[2] == '/')
		buf[5] = '\0';			/* dd/mm */
	else
		memmove(buf, buf + 5, 6);	/* mm-dd */
}

/* --- layout -------------------------------------------------------- */

static bool
too_small(void)
{
	return LINES < SCREEN_MIN_LINES || COLS < SCREEN_MIN_COLS;
}

void
view_free_windows(struct board *b)
{
	if (b->header != NULL)
		delwin(b->header);
	if (b->body != NULL)
		delwin(b->body);
	if (b->footer != NULL)
		delwin(b->footer);
	b->header = b->body = b->footer = NULL;
}

void
view_layout(struct board *b)
{
	view_free_windows(b);
	b->footer_rows = 0;
	b->lines_stale = true;
	if (LINES < 1 || COLS < 1)
		return;
	if (!too_small()) {
		b->footer_rows = LINES >= 12 ? 2 : 1;
		b->header = newwin(1, COLS, 0, 0);
		b->body = newwin(LINES - 1 - b->footer_rows, COLS, 1, 0);
		b->footer = newwin(b->footer_rows, COLS,
		    LINES - b->footer_rows, 0);
		if (b->header != NULL && b->body != NULL && b->footer != NULL)
			return;
		/* Out of memory, or a size curses disagrees with: show the
		 * too-small screen rather than half a board. */
		view_free_windows(b);
		b->footer_rows = 0;
	}
	b->body = newwin(LINES, COLS, 0, 0);
}

void
view_resize(struct board *b)
{
	term_input_reset(b);
	view_layout(b);
	clearok(curscr, TRUE);
}

int
view_body_rows(const struct board *b)
{
	return b->body != NULL ? getmaxy(b->body) : 0;
}

int
view_cards_per_screen(const struct board *b)
{
	int rows = view_body_rows(b) - 1;

	return rows >= CARD_ROWS ? (rows + 1) / CARD_STEP : 0;
}

int
view_columns_on_screen(const struct board *b, int *width)
{
	int n = (COLS + 1) / (COLUMN_MIN_WIDTH + 1);

	if (n < 1)
		n = 1;
	if (b->ncols > 0 && (size_t)n > b->ncols)
		n = (int)b->ncols;
	*width = (COLS - (n - 1)) / n;
	return n;
}

/* --- colours ------------------------------------------------------- */

static const char *const paint_names[PAINT_CONFIGURABLE] = {
	"normal", "overdue", "soon", "done", "blocked", "header", "footer",
	"cursor", "column",
};

static int
paint_find(const char *name)
{
	int p;

	for (p = 1; p < PAINT_CONFIGURABLE; p++)
		if (strcmp(name, paint_names[p]) == 0)
			return p;
	return -1;
}

int
view_colors_check(const struct config *c, char **err)
{
	struct buf msg = { 0 };
	size_t i;

	for (i = 0; c != NULL && i < c->ncolors; i++) {
		if (paint_find(c->colors[i].element) >= 0)
			continue;
		buf_addf(&msg, "%s%s:%d: ", msg.len ? "\n" : "",
		    c->file ? c->file : "parboard.conf", c->colors[i].line);
		buf_addf(&msg, _("unknown colour element '%s' (want overdue, "
		    "soon, done, blocked, header, footer, cursor or column)"),
		    c->colors[i].element);
	}
	if (msg.len == 0)
		return 0;
	fail(err, "%s", msg.data);
	buf_free(&msg);
	return -1;
}

static short
color_number(const char *s)
{
	static const char *const names[] = {
		"black", "red", "green", "yellow", "blue", "magenta",
		"cyan", "white",
	};
	int i;

	for (i = 0; s != NULL && i < 8; i++)
		if (strcasecmp(s, names[i]) == 0)
			return (short)i;
	return -1;		/* "default" */
}

/* Without colours (NO_COLOR, vt100) the states still differ: by the
 * card's mark (! ~ + #) and by bold, underline and reverse video. */
void
view_colors(struct board *b)
{
	static const short fg[PAINT_COUNT] = {
		[PAINT_OVERDUE] = COLOR_RED, [PAINT_SOON] = COLOR_YELLOW,
		[PAINT_DONE] = COLOR_GREEN, [PAINT_BLOCKED] = COLOR_MAGENTA,
		[PAINT_ERROR] = COLOR_RED,
	};
	static const attr_t mono[PAINT_COUNT] = {
		[PAINT_OVERDUE] = A_BOLD, [PAINT_SOON] = A_UNDERLINE,
		[PAINT_BLOCKED] = A_BOLD | A_UNDERLINE,
		[PAINT_HEADER] = A_BOLD, [PAINT_CURSOR] = A_REVERSE,
		[PAINT_COLUMN] = A_BOLD, [PAINT_ERROR] = A_BOLD,
		[PAINT_TITLE] = A_BOLD,
	};
	const char *nc = getenv("NO_COLOR");
	short f, g, defbg = -1;
	bool set;
	size_t i;
	int p;

	for (p = 0; p < PAINT_COUNT; p++)
		b->paint[p] = mono[p];
	b->cursor_pair = false;
	b->color = has_colors() && (nc == NULL || *nc == '\0');
	if (!b->color)
		return;
	start_color();
	if (use_default_colors() != OK)
		defbg = COLOR_BLACK;
	for (p = 1; p < PAINT_COUNT; p++) {
		f = fg[p] != 0 ? fg[p] : -1;
		g = -1;
		set = fg[p] != 0;
		for (i = 0; p < PAINT_CONFIGURABLE && i < b->c->ncolors; i++) {
			if (strcmp(b->c->colors[i].element, paint_names[p]))
				continue;
			f = color_number(b->c->colors[i].fg);
			g = color_number(b->c->colors[i].bg);
			set = true;
		}
		if (!set)
			continue;
		if (defbg == COLOR_BLACK) {
			f = f < 0 ? COLOR_WHITE : f;
			g = g < 0 ? COLOR_BLACK : g;
		}
		init_pair((short)p, f, g);
		b->paint[p] = COLOR_PAIR(p) | (mono[p] & A_BOLD);
		if (p == PAINT_CURSOR)
			b->cursor_pair = true;
	}
}

/* --- header -------------------------------------------------------- */

void
view_header_parts(struct board *b)
{
	const char *title;

	free(b->commune);
	free(b->period);
	b->commune = b->period = NULL;
	title = b->plan.name != NULL ? b->plan.name : "";
	if (b->c->commune != NULL && *b->c->commune != '\0')
		b->commune = text_nfc(b->c->commune);
	else
		b->commune = title_commune(title);
	b->period = title_period(title);
}

static void
draw_header(struct board *b)
{
	char appraised[32], projected[32], *parts[6] = { 0 };
	const char *due = NULL;
	struct buf line = { 0 };
	size_t i, noverdue = 0, np = 0, skip;
	const struct task *t;
	long days;

	if (b->header == NULL)
		return;
	for (i = 0; i < b->ntasks; i++) {
		t = &b->tasks[i];
		if (t->status == STATUS_DONE || t->due == NULL)
			continue;
		if (strcmp(t->due, today()) < 0)
			noverdue++;
		else if (due == NULL || strcmp(t->due, due) < 0)
			due = t->due;
	}
	parts[np++] = b->commune ? xstrdup(b->commune) : NULL;
	parts[np++] = b->period ? xstrdup(b->period) : NULL;
	if (b->plan.has_total) {
		view_score(b->plan.total_appraised, appraised);
		view_score(b->plan.total_appraised + b->at_stake, projected);
		parts[np++] = xasprintf(_("Score %s → %s"), appraised,
		    projected);
	} else {
		parts[np++] = xstrdup(_("Score ?"));
	}
	days = due != NULL ? text_days_between(today(), due) : 0;
	if (due != NULL && days == 0)
		parts[np++] = xstrdup(_("Due today"));
	else if (due != NULL)
		parts[np++] = xasprintf(ngettext("%ld day left",
		    "%ld days left", (unsigned long)days), days);
	else
		parts[np++] = NULL;
	if (noverdue > 0)
		parts[np++] = xasprintf(_("%zu overdue"), noverdue);
	else
		parts[np++] = NULL;
	parts[np++] = xasprintf(_("Done %zu/%zu"), b->ndone, b->ntasks);
	/* Drop the period, then the commune, until the line fits. */
	for (skip = 0; skip < 3; skip++) {
		buf_free(&line);
		for (i = 0; i < np; i++) {
			if (parts[i] == NULL || (skip >= 1 && i == 1) ||
			    (skip >= 2 && i == 0))
				continue;
			if (line.len > 0)
				buf_adds(&line, " · ");
			buf_adds(&line, parts[i]);
		}
		if (text_width(line.data) <= COLS)
			break;
	}
	view_put(b->header, 0, 0, line.data, COLS, b->paint[PAINT_HEADER]);
	wnoutrefresh(b->header);
	buf_free(&line);
	for (i = 0; i < np; i++)
		free(parts[i]);
}

/* --- the board ----------------------------------------------------- */

static enum paint
card_paint(const struct board *b, const struct task *t, char *mark)
{
	if (t->status == STATUS_BLOCKED) {
		*mark = '#';
		return PAINT_BLOCKED;
	}
	if (t->status == STATUS_DONE) {
		*mark = '+';
		return PAINT_DONE;
	}
	if (task_overdue(t)) {
		*mark = '!';
		return PAINT_OVERDUE;
	}
	if (board_task_soon(b, t)) {
		*mark = '~';
		return PAINT_SOON;
	}
	*mark = t->status == STATUS_DOING ? '>' : ' ';
	return PAINT_NORMAL;
}

/* Supporting roles and note and evidence counts: "+TP-HT n2 e1". */
static char *
card_tail(const struct task *t)
{
	struct buf b = { 0 };
	char *sup, *tok, *save;

	if (t->support != NULL && *t->support != '\0') {
		sup = xstrdup(t->support);
		for (tok = strtok_r(sup, ",", &save); tok != NULL;
		    tok = strtok_r(NULL, ",", &save)) {
			if (b.len > 0)
				buf_addc(&b, ' ');
			buf_addf(&b, "+%s", tok);
		}
		free(sup);
	}
	if (t->nnotes > 0)
		buf_addf(&b, "%sn%d", b.len ? " " : "", t->nnotes);
	if (t->nevidence > 0)
		buf_addf(&b, "%se%d", b.len ? " " : "", t->nevidence);
	return buf_take(&b);
}

static void
draw_card(struct board *b, int y, int x, int width, const struct task *t,
    bool selected)
{
	WINDOW *w = b->body;
	char mark, pts[32] = "", due[11] = "", *left, *right, *title, *tail,
	    *row;
	const char *next;
	enum paint p = card_paint(b, t, &mark);
	attr_t attr = !selected ? b->paint[p] : b->cursor_pair ?
	    b->paint[PAINT_CURSOR] : b->paint[p] | b->paint[PAINT_CURSOR];
	int lw, rw, tw;
	size_t n;

	if (t->has_points)
		view_score(t->points, pts);
	if (t->due != NULL)
		view_date(t->due, due, false);
	left = xasprintf("%c %s", mark, t->code != NULL ? t->code : "·");
	right = xasprintf("%s%s%s", pts, *pts ? "  " : "", due);
	lw = text_width(left);
	rw = text_width(right);
	if (lw + 1 + rw > width) {
		free(right);
		if (t->due != NULL)
			view_date(t->due, due, true);
		right = xasprintf("%s%s%s", pts, *pts ? " " : "", due);
		rw = text_width(right);
	}
	if (lw + 1 + rw > width) {
		view_put(w, y, x, left, width, attr);
	} else {
		view_put(w, y, x, left, width - rw, attr);
		view_put(w, y, x + width - rw, right, rw, attr);
	}
	free(left);
	free(right);

	/* The title over two rows, the second ending with the tail. */
	title = clean(t->title != NULL ? t->title : "");
	n = view_wrap_first(title, width, &next);
	row = xstrndup(title, n);
	view_put(w, y + 1, x, row, width, b->paint[PAINT_NORMAL]);
	free(row);
	while (*next == ' ')
		next++;
	tail = card_tail(t);
	tw = text_width(tail);
	if (tw > width / 2) {
		row = text_ellipsize(tail, width / 2);
		free(tail);
		tail = row;
		tw = text_width(tail);
	}
	view_put(w, y + 2, x, next, width - tw - (tw > 0 && *next ? 1 : 0),
	    b->paint[PAINT_NORMAL]);
	if (tw > 0)
		view_put(w, y + 2, x + width - tw, tail, tw, b->paint[PAINT_NORMAL]);
	free(tail);
	free(title);
}

static void
draw_column(struct board *b, size_t ci, int x, int width, bool more_left,
    bool more_right)
{
	struct column *col = &b->cols[ci];
	bool current = ci == b->col;
	int per = view_cards_per_screen(b), k, rw;
	char *left, *right;
	size_t idx, last;

	last = col->top + (size_t)per;
	if (last > col->ncards)
		last = col->ncards;
	if (col->top > 0 || last < col->ncards)
		right = xasprintf("%zu-%zu/%zu", col->ncards ? col->top + 1 : 0,
		    last, col->ncards);
	else if (col->ncards != col->total)
		right = xasprintf("%zu/%zu", col->ncards, col->total);
	else
		right = xasprintf("%zu", col->ncards);
	if (more_right) {
		char *r = xasprintf("%s >", right);

		free(right);
		right = r;
	}
	left = xasprintf("%s%zu %s %s", more_left ? "< " : "", ci + 1,
	    col->id, col->name);
	rw = text_width(right);
	if (rw + 4 > width) {
		view_put(b->body, 0, x, left, width, b->paint[PAINT_COLUMN] |
		    (current ? A_REVERSE : 0));
	} else {
		view_put(b->body, 0, x, left, width - rw - 1,
		    b->paint[PAINT_COLUMN] | (current ? A_REVERSE : 0));
		view_put(b->body, 0, x + width - rw - 1, "", 1,
		    b->paint[PAINT_COLUMN] | (current ? A_REVERSE : 0));
		view_put(b->body, 0, x + width - rw, right, rw,
		    b->paint[PAINT_COLUMN] | (current ? A_REVERSE : 0));
	}
	free(left);
	free(right);
	if (col->ncards == 0) {
		view_put(b->body, 1, x, col->total ? _("(no matching task)") :
		    _("(empty)"), width, A_NORMAL);
		return;
	}
	for (k = 0, idx = col->top; idx < last; k++, idx++)
		draw_card(b, 1 + k * CARD_STEP, x, width,
		    &b->tasks[col->cards[idx]], current && idx == col->cur);
}

static void
draw_board(struct board *b)
{
	int width, nvis, i, y, rows = view_body_rows(b);
	size_t ci;

	werase(b->body);
	if (b->ncols == 0) {
		view_put(b->body, 1, 0, _("No tasks yet"), COLS, A_NORMAL);
		return;
	}
	nvis = view_columns_on_screen(b, &width);
	for (i = 0; i < nvis; i++) {
		ci = b->left + (size_t)i;
		if (ci >= b->ncols)
			break;
		draw_column(b, ci, i * (width + 1), width, i == 0 && b->left > 0,
		    i == nvis - 1 && ci + 1 < b->ncols);
		if (i + 1 < nvis && ci + 1 < b->ncols)
			for (y = 0; y < rows; y++)
				mvwaddstr(b->body, y, i * (width + 1) + width,
				    "│");
	}
}

/* --- footer -------------------------------------------------------- */

const char *
view_filter_name(const struct board *b)
{
	if (b->f_overdue)
		return _("overdue");
	if (b->f_mine)
		return _("mine");
	if (b->f_status == FILTER_OPEN)
		return _("not done");
	if (b->f_status == FILTER_AGENDA)
		return _("due soon, all roles");
	return status_label((enum status)b->f_status);
}

static void
draw_hints(struct board *b, int y)
{
	static const struct {
		enum action a;
		const char *label;
	} board_hints[] = {
		{ ACTION_OPEN, N_("open") },
		{ ACTION_STATUS_NEXT, N_("status") },
		{ ACTION_NOTE, N_("note") },
		{ ACTION_BLOCK, N_("block") },
		{ ACTION_SEARCH, N_("search") },
		{ ACTION_FILTER, N_("filter") },
		{ ACTION_HELP, N_("help") },
		{ ACTION_QUIT, N_("quit") },
	}, text_hints[] = {
		{ ACTION_BACK, N_("back") },
		{ ACTION_STATUS_NEXT, N_("status") },
		{ ACTION_NOTE, N_("note") },
		{ ACTION_EVIDENCE, N_("evidence") },
		{ ACTION_DUE, N_("due date") },
		{ ACTION_MOVE_DOWN, N_("scroll") },
		{ ACTION_HELP, N_("help") },
	};
	struct buf line = { 0 };
	size_t i, n = b->view == VIEW_BOARD ?
	    sizeof board_hints / sizeof board_hints[0] :
	    sizeof text_hints / sizeof text_hints[0];
	char *keys, *item;
	enum action a;
	const char *label;

	for (i = 0; i < n; i++) {
		a = b->view == VIEW_BOARD ? board_hints[i].a : text_hints[i].a;
		label = _(b->view == VIEW_BOARD ? board_hints[i].label :
		    text_hints[i].label);
		if (b->view == VIEW_HELP && a != ACTION_BACK &&
		    a != ACTION_MOVE_DOWN)
			continue;
		keys = keymap_keys_of(a);
		keys[strcspn(keys, ",")] = '\0';
		if (*keys == '\0') {
			free(keys);
			continue;
		}
		item = xasprintf("%s%s %s", line.len ? " · " : "", keys, label);
		free(keys);
		if (text_width(line.data ? line.data : "") + text_width(item) >
		    COLS) {
			free(item);
			break;
		}
		buf_adds(&line, item);
		free(item);
	}
	view_put(b->footer, y, 0, line.data ? line.data : "", COLS,
	    b->paint[PAINT_FOOTER]);
	buf_free(&line);
}

static void
draw_footer(struct board *b)
{
	struct buf st = { 0 };
	int y = b->footer_rows - 1;

	if (b->footer == NULL)
		return;
	if (b->footer_rows > 1)
		draw_hints(b, 0);
	if (b->msg != NULL) {
		view_put(b->footer, y, 0, b->msg, COLS, b->msg_error ?
		    b->paint[PAINT_ERROR] : b->paint[PAINT_FOOTER]);
	} else if (b->search != NULL || b->f_overdue || b->f_mine ||
	    b->f_status >= 0) {
		if (b->search != NULL)
			buf_addf(&st, _("Search \"%s\""), b->search);
		if (b->f_overdue || b->f_mine || b->f_status >= 0) {
			if (st.len > 0)
				buf_adds(&st, " · ");
			buf_addf(&st, _("Filter: %s"), view_filter_name(b));
		}
		buf_adds(&st, " · ");
		buf_adds(&st, _("Esc to clear"));
		view_put(b->footer, y, 0, st.data, COLS, b->paint[PAINT_FOOTER]);
		buf_free(&st);
	} else if (b->footer_rows == 1) {
		draw_hints(b, 0);
	} else {
		view_put(b->footer, y, 0, store_readonly(b->s) ?
		    _("Read-only") : "", COLS, b->paint[PAINT_FOOTER]);
	}
	wnoutrefresh(b->footer);
}

void
view_draw(struct board *b)
{
	if (b->body == NULL) {
		doupdate();
		return;
	}
	if (too_small() || b->header == NULL) {
		werase(b->body);
		/* On one line, the last cell is the bottom-right corner:
		 * ncurses fills it by inserting a character, and on a 1×1
		 * screen it inserts one from outside the screen. */
		view_put(b->body, 0, 0, _("Window too small"),
		    LINES > 1 ? COLS : COLS - 1, A_BOLD);
		if (LINES > 1)
			view_put(b->body, 1, 0, _("q to quit"), COLS, A_NORMAL);
		wnoutrefresh(b->body);
		doupdate();
		return;
	}
	draw_header(b);
	if (b->view == VIEW_BOARD)
		draw_board(b);
	else
		view_draw_text(b);
	wnoutrefresh(b->body);
	draw_footer(b);
	doupdate();
}
