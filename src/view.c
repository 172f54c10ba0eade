/* SPDX-License-Identifier: ISC */
/* view.c: drawing the board — header, columns of cards, footer (the
 * task and help views are taskview.c's).
 *
 * Everything is drawn into three windows and sent with one doupdate(), so
 * curses sends only the cells that changed: moving the cursor repaints two
 * card headings, not the screen.  Every width is a display width
 * (text.h's width engine: text_fit, text_pad, text_wrap_first); text is
 * shown in NFC with control characters replaced, since PuTTY loses the
 * marks of decomposed text and a tab or newline would break the grid. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include <unistr.h>

#include "board.h"
#include "boardui.h"
#include "date.h"
#include "i18n.h"
#include "title.h"
#include "keymap.h"
#include "text.h"
#include "util.h"

/* --- text helpers -------------------------------------------------- */

/* One line of text as the board may show it (text_safe). */
static char *
clean(const char *s)
{
	return text_safe(s, false);
}

/* UTF-8 s at (y, x), given to curses as wide characters: waddstr would
 * decode it byte by byte through mbrtowc, at twice the cost. */
#if !defined(__STDC_ISO_10646__)
#error "wchar_t must hold Unicode code points"
#endif
static void
put_utf8(WINDOW *w, int y, int x, const char *s)
{
	uint32_t small[256], *u;
	size_t n = sizeof small / sizeof small[0];

	u = u8_to_u32((const uint8_t *)s, strlen(s), small, &n);
	if (u == NULL || n > INT_MAX) {		/* out of memory */
		mvwaddstr(w, y, x, s);
		return;
	}
	mvwaddnwstr(w, y, x, (const wchar_t *)u, (int)n);
	if (u != small)
		free(u);
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
	put_utf8(w, y, x, b.data != NULL ? b.data : "");
	wattrset(w, A_NORMAL);
	free(c);
	buf_free(&b);
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
		b->header_rows = LINES >= 12 ? 2 : 1;
		b->header = newwin(b->header_rows, COLS, 0, 0);
		b->body = newwin(LINES - b->header_rows - b->footer_rows,
		    COLS, b->header_rows, 0);
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
	view_layout(b);
	clearok(curscr, TRUE);
}

int
view_body_rows(const struct board *b)
{
	return b->body != NULL ? getmaxy(b->body) : 0;
}

/* Cards of rows rows in the body below the column titles. */
static int
cards_fit(const struct board *b, int rows)
{
	int avail = view_body_rows(b) - 1;

	return avail >= rows ? (avail + 1) / (rows + 1) : 0;
}

/* The heading, the status line and as many title lines (up to three) as
 * leave room for five cards. */
int
view_card_rows(const struct board *b)
{
	int rows;

	for (rows = CARD_MIN_ROWS - 1 + CARD_MAX_TITLE; rows > CARD_MIN_ROWS;
	    rows--)
		if (cards_fit(b, rows) >= 5)
			break;
	return rows;
}

int
view_cards_per_screen(const struct board *b)
{
	return cards_fit(b, view_card_rows(b));
}

/* Columns of at least COLUMN_MIN_WIDTH, or COLUMN_WIDE_WIDTH on a wide
 * screen, so that a wide screen shows more of each title. */
int
view_columns_on_screen(const struct board *b, int *width)
{
	int min = COLS >= SCREEN_WIDE_COLS ? COLUMN_WIDE_WIDTH :
	    COLUMN_MIN_WIDTH;
	int n = (COLS + 1) / (min + 1);

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
 * card's mark and status line and by bold, underline and reverse video.
 *
 * With colours every element meets a contrast of 4.5:1 as a default
 * PuTTY paints it: red and magenta are bold (PuTTY brightens them), the
 * cursor and the current column's title are black on white — an explicit
 * pair, never reverse video on a coloured pair (putty's terminfo forbids
 * that combination with ncv, and ncurses then swaps the colours itself)
 * and never bold (PuTTY would paint bold black grey on grey). */
void
view_colors(struct board *b)
{
	static const struct {
		short fg, bg;	/* -2: no pair of its own */
		attr_t mono, color;
	} def[PAINT_COUNT] = {
		[PAINT_NORMAL] = { -2, -2, 0, 0 },
		[PAINT_OVERDUE] = { COLOR_RED, -1, A_BOLD, A_BOLD },
		[PAINT_SOON] = { COLOR_YELLOW, -1, A_UNDERLINE, 0 },
		[PAINT_DONE] = { COLOR_GREEN, -1, 0, 0 },
		[PAINT_BLOCKED] = { COLOR_MAGENTA, -1, A_BOLD | A_UNDERLINE,
		    A_BOLD },
		[PAINT_HEADER] = { -2, -2, A_BOLD, A_BOLD },
		[PAINT_FOOTER] = { -2, -2, 0, 0 },
		[PAINT_CURSOR] = { COLOR_BLACK, COLOR_WHITE, A_REVERSE, 0 },
		[PAINT_COLUMN] = { -2, -2, A_BOLD, A_BOLD },
		[PAINT_ERROR] = { COLOR_RED, -1, A_BOLD, A_BOLD },
		[PAINT_TITLE] = { -2, -2, A_BOLD, A_BOLD },
	};
	const char *nc = getenv("NO_COLOR");
	short f, g, defbg = -1;
	bool set;
	size_t i;
	int p;

	for (p = 0; p < PAINT_COUNT; p++)
		b->paint[p] = def[p].mono;
	b->cursor_pair = false;
	b->color = has_colors() && (nc == NULL || *nc == '\0');
	if (!b->color)
		return;
	start_color();
	if (use_default_colors() != OK)
		defbg = COLOR_BLACK;
	for (p = 1; p < PAINT_COUNT; p++) {
		f = def[p].fg;
		g = def[p].bg;
		set = f != -2;
		b->paint[p] = def[p].color;
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
		b->paint[p] |= COLOR_PAIR(p);
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

/* Whether gauges, arrows and frames are drawn in ASCII: the setting, or
 * a terminal whose fonts may lack the block characters (vt100, the Linux
 * console). */
bool
view_ascii(const struct board *b)
{
	const char *term = getenv("TERM");

	if (b->c->ascii)
		return true;
	return term != NULL && (strncmp(term, "vt", 2) == 0 ||
	    strcmp(term, "linux") == 0);
}

/* A gauge of width cells, part of whole filled: █ and ░ (PuTTY's
 * default fonts lack the eighth blocks), or # and . */
static void
gauge(const struct board *b, struct buf *out, long long part,
    long long whole, int width)
{
	bool ascii = view_ascii(b);
	int fill = whole > 0 ? (int)((part * width + whole / 2) / whole) : 0;
	int i;

	for (i = 0; i < width; i++)
		buf_adds(out, i < fill ? ascii ? "#" : "█" :
		    ascii ? "." : "░");
}

/* Join the parts that are not NULL with " · ", leaving out those whose
 * bit is in skip. */
static char *
join(char **parts, size_t n, unsigned skip)
{
	struct buf line = { 0 };
	size_t i;

	for (i = 0; i < n; i++) {
		if (parts[i] == NULL || (skip & (1u << i)))
			continue;
		if (line.len > 0)
			buf_adds(&line, " · ");
		buf_adds(&line, parts[i]);
	}
	return line.data != NULL ? buf_take(&line) : xstrdup("");
}

/* First line: the commune, the period, the date taken as today and the
 * deadlines — how many tasks are late first, then the next deadline. */
static char *
header_when(struct board *b)
{
	char *parts[5] = { 0 }, date[11], *line;
	size_t np = 0, i;
	unsigned skip;
	long days;

	parts[np++] = b->commune ? xstrdup(b->commune) : NULL;
	parts[np++] = b->period ? xstrdup(b->period) : NULL;
	view_date(today(), date, false);
	parts[np++] = xasprintf(_("Today %s"), date);
	if (b->nlate > 0)
		parts[np++] = xasprintf(ngettext("%zu task late",
		    "%zu tasks late", b->nlate), b->nlate);
	if (b->next_due[0] != '\0') {
		days = date_days_between(today(), b->next_due);
		view_date(b->next_due, date, b->nlate > 0);
		if (days == 0)
			parts[np++] = xasprintf(_("Due today %s"), date);
		else if (b->nlate > 0)
			parts[np++] = xasprintf(ngettext(
			    "next deadline %s, %ld day left",
			    "next deadline %s, %ld days left",
			    (unsigned long)days), date, days);
		else
			parts[np++] = xasprintf(ngettext(
			    "%ld day left until %s", "%ld days left until %s",
			    (unsigned long)days), days, date);
	}
	/* Drop the period, then the commune, to fit. */
	for (skip = 0; ; skip = skip ? 3 : 2) {
		line = join(parts, np, skip);
		if (text_width(line) <= COLS || skip == 3)
			break;
		free(line);
	}
	for (i = 0; i < np; i++)
		free(parts[i]);
	return line;
}

/* Second line: the score appraised, now and projected, a gauge of the
 * points recovered, and the tasks done. */
static char *
header_score(struct board *b)
{
	char ap[32], now[32], pr[32], rec[32], stake[32], *parts[3] = { 0 };
	char *line;
	struct buf g = { 0 };
	unsigned skip;

	view_score(b->recovered, rec);
	view_score(b->at_stake, stake);
	if (b->plan.has_total) {
		view_score(b->plan.total_appraised, ap);
		view_score(board_score_now(b), now);
		view_score(b->plan.total_appraised + b->at_stake, pr);
		parts[0] = xasprintf(_("Score %s · now %s (%s of %s "
		    "recovered) → %s"), ap, now, rec, stake, pr);
	} else {
		parts[0] = xasprintf(_("Score ? · %s of %s recovered"), rec,
		    stake);
	}
	gauge(b, &g, b->recovered, b->at_stake, 10);
	parts[1] = buf_take(&g);
	if (b->nchanged > 0)
		/* TRANSLATORS: *N counts the cards changed since the last
		 * meeting (marked *). */
		parts[2] = xasprintf(_("Done %zu/%zu · *%zu"), b->ndone,
		    b->ntasks, b->nchanged);
	else
		parts[2] = xasprintf(_("Done %zu/%zu"), b->ndone, b->ntasks);
	for (skip = 0; ; skip = 2) {
		line = join(parts, 3, skip);
		if (text_width(line) <= COLS || skip == 2)
			break;
		free(line);
	}
	free(parts[0]);
	free(parts[1]);
	free(parts[2]);
	return line;
}

static void
draw_header(struct board *b)
{
	char *when, *sc;

	if (b->header == NULL)
		return;
	when = header_when(b);
	sc = header_score(b);
	if (b->header_rows > 1) {
		view_put(b->header, 0, 0, when, COLS, b->paint[PAINT_HEADER]);
		view_put(b->header, 1, 0, sc, COLS, b->paint[PAINT_HEADER]);
	} else {
		view_put(b->header, 0, 0, sc, COLS, b->paint[PAINT_HEADER]);
	}
	wnoutrefresh(b->header);
	free(when);
	free(sc);
}

/* --- the board ----------------------------------------------------- */

/* The paint of a card's status word and its mark: ! late, ~ due soon,
 * # blocked, + done, > in progress, a space to do. */
static enum paint
status_paint(const struct board *b, const struct task *t, char *mark)
{
	*mark = ' ';
	if (t->status != STATUS_DONE && task_overdue(t))
		*mark = '!';
	else if (board_task_soon(b, t))
		*mark = '~';
	switch (t->status) {
	case STATUS_BLOCKED:
		*mark = *mark == ' ' ? '#' : *mark;
		return PAINT_BLOCKED;
	case STATUS_DONE:
		*mark = '+';
		return PAINT_DONE;
	case STATUS_DOING:
		*mark = *mark == ' ' ? '>' : *mark;
		return PAINT_NORMAL;
	default:
		return PAINT_NORMAL;
	}
}

/* The due state in words ("5 days late", "due in 3 days") and its paint;
 * NULL when the task is done or not due soon. */
static char *
due_words(const struct board *b, const struct task *t, enum paint *p)
{
	long d;

	if (t->status == STATUS_DONE || t->due == NULL)
		return NULL;
	d = date_days_between(today(), t->due);
	if (d < 0) {
		*p = PAINT_OVERDUE;
		return xasprintf(ngettext("%ld day late", "%ld days late",
		    (unsigned long)-d), -d);
	}
	if (!board_task_soon(b, t))
		return NULL;
	*p = PAINT_SOON;
	if (d == 0)
		return xstrdup(_("due today"));
	return xasprintf(ngettext("due in %ld day", "due in %ld days",
	    (unsigned long)d), d);
}

/* The count of a counted target's period, supporting roles, and note
 * and evidence counts: "2/3 bài · 11/2023 +TP-HT n2 e1"; a done task
 * that no document proves shows e0. */
static char *
card_tail(const struct board *bd, const struct task *t)
{
	struct buf b = { 0 };
	char *sup, *tok, *save, progress[64];

	board_task_progress(bd, t, progress, NULL, NULL);
	buf_adds(&b, progress);

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
	if (t->nevidence > 0 || (t->status == STATUS_DONE &&
	    t->crit_title != NULL))
		buf_addf(&b, "%se%d", b.len ? " " : "", t->nevidence);
	return b.data != NULL ? buf_take(&b) : xstrdup("");
}

/* The cursor: its own colour pair, or reverse video without bold (bold
 * under reverse is a low-contrast colour in PuTTY). */
static attr_t
cursor_attr(const struct board *b, attr_t attr)
{
	if (b->cursor_pair)
		return b->paint[PAINT_CURSOR];
	return (attr & ~(A_BOLD | A_COLOR)) | A_REVERSE;
}

/* First row: mark, code, points and due date. */
static void
card_heading(struct board *b, int y, int x, int width, const struct task *t,
    attr_t attr)
{
	char mark, pts[32] = "", due[11] = "", *left, *right;
	int lw, rw;

	status_paint(b, t, &mark);
	if (t->has_points)
		view_score(t->points, pts);
	if (t->due != NULL)
		view_date(t->due, due, true);
	left = xasprintf("%c %s%s", mark, t->code != NULL ? t->code : "·",
	    board_task_changed(b, t->id) ? " *" : "");
	right = xasprintf("%s%s%s", pts, *pts && *due ? " · " : "", due);
	lw = text_width(left);
	rw = text_width(right);
	if (lw + 1 + rw > width) {
		view_put(b->body, y, x, left, width, attr);
	} else {
		view_put(b->body, y, x, left, width - rw, attr);
		view_put(b->body, y, x + width - rw, right, rw, attr);
	}
	free(left);
	free(right);
}

/* Second row: the status word and the due state, each in its paint, and
 * the supporting roles and counts (or "supporting") at the right. */
static void
card_status(struct board *b, int y, int x, int width, const struct task *t,
    bool supporting)
{
	char mark, *due, *tail;
	enum paint sp = status_paint(b, t, &mark), dp = PAINT_NORMAL;
	const char *word = status_label(t->status);
	int sw, dw, tw, used;

	due = due_words(b, t, &dp);
	tail = supporting ? xstrdup(_("supporting")) : card_tail(b, t);
	sw = text_width(word);
	dw = due != NULL ? 3 + text_width(due) : 0;
	tw = text_width(tail);
	/* After a long status word the counts are cut, not dropped. */
	if (sw + dw + 1 + tw > width)
		tw = dw == 0 && width - sw - 1 >= 4 ? width - sw - 1 : 0;
	view_put(b->body, y, x, word, sw < width ? sw : width, b->paint[sp]);
	used = sw;
	if (due != NULL && used + 3 < width) {
		view_put(b->body, y, x + used, " · ", 3, b->paint[PAINT_NORMAL]);
		used += 3;
		view_put(b->body, y, x + used, due, width - used - tw,
		    b->paint[dp]);
		used = width - tw;
	}
	if (used < width - tw)
		view_put(b->body, y, x + used, "", width - tw - used,
		    A_NORMAL);
	if (tw > 0)
		view_put(b->body, y, x + width - tw, tail, tw,
		    b->paint[PAINT_NORMAL]);
	free(due);
	free(tail);
}

static void
draw_card(struct board *b, int y, int x, int width, const struct task *t,
    bool selected, bool supporting)
{
	char mark, *title, *row;
	const char *p, *next;
	enum paint sp = status_paint(b, t, &mark);
	attr_t attr = b->paint[sp];
	int k, rows = view_card_rows(b);
	size_t n;

	/* The heading is late's or soon's colour when the task is. */
	if (mark == '!')
		attr = b->paint[PAINT_OVERDUE];
	else if (mark == '~')
		attr = b->paint[PAINT_SOON];
	card_heading(b, y, x, width, t, selected ? cursor_attr(b, attr) :
	    attr);
	card_status(b, y + 1, x, width, t, supporting);
	title = clean(t->title != NULL ? t->title : "");
	for (k = 2, p = title; k < rows; k++) {
		if (k == rows - 1) {
			view_put(b->body, y + k, x, p, width,
			    b->paint[PAINT_NORMAL]);
			break;
		}
		n = text_wrap_first(p, width, &next);
		row = xstrndup(p, n);
		view_put(b->body, y + k, x, row, width, b->paint[PAINT_NORMAL]);
		free(row);
		for (p = next; *p == ' '; p++)
			;
	}
	free(title);
}

static void
draw_column(struct board *b, size_t ci, int x, int width, bool more_left,
    bool more_right)
{
	struct column *col = &b->cols[ci];
	bool current = ci == b->col;
	int per = view_cards_per_screen(b), step = view_card_rows(b) + 1, k, rw;
	int avail, tw;
	attr_t attr = b->paint[PAINT_COLUMN];
	char *tag, *name;
	struct buf right = { 0 };
	size_t idx, last;

	if (current)
		attr = b->cursor_pair ? b->paint[PAINT_CURSOR] : A_REVERSE;
	last = col->top + (size_t)per;
	if (last > col->ncards)
		last = col->ncards;
	buf_addf(&right, "%zu/%zu", col->done, col->total);
	if (width >= COLUMN_MIN_WIDTH) {
		buf_addc(&right, ' ');
		gauge(b, &right, (long long)col->done, (long long)col->total,
		    4);
	}
	if (col->top > 0)
		buf_adds(&right, view_ascii(b) ? " ^" : " ↑");
	if (last < col->ncards)
		buf_adds(&right, view_ascii(b) ? " v" : " ↓");
	if (more_right)
		buf_adds(&right, " >");
	/* Only the number and id of the current column are highlighted:
	 * moving to the next column repaints few cells. */
	tag = xasprintf("%s%zu %s", more_left ? "< " : "", ci + 1, col->id);
	name = xasprintf(" %s", col->name);
	rw = text_width(right.data);
	avail = rw + 8 > width ? width : width - rw - 1;
	tw = text_width(tag);
	if (tw > avail)
		tw = avail;
	view_put(b->body, 0, x, tag, tw, attr);
	view_put(b->body, 0, x + tw, name, avail - tw, b->paint[PAINT_COLUMN]);
	if (avail < width) {
		view_put(b->body, 0, x + avail, "", 1, b->paint[PAINT_COLUMN]);
		view_put(b->body, 0, x + width - rw, right.data, rw,
		    b->paint[PAINT_COLUMN]);
	}
	free(name);
	free(tag);
	buf_free(&right);
	if (col->ncards == 0) {
		view_put(b->body, 1, x, col->total ? _("(no matching task)") :
		    _("(empty)"), width, A_NORMAL);
		return;
	}
	for (k = 0, idx = col->top; idx < last; k++, idx++)
		draw_card(b, 1 + k * step, x, width,
		    &b->tasks[col->cards[idx]], current && idx == col->cur,
		    idx >= col->nown);
}

/* A frame around w in the characters the board draws with (Unicode, or
 * ASCII): never curses's line-drawing set, which PuTTY shows as "lqqqk"
 * when TERM says xterm and the session is UTF-8. */
void
view_frame(const struct board *b, WINDOW *w)
{
	static const wchar_t *const uni[] = { L"│", L"│", L"─", L"─", L"┌",
		L"┐", L"└", L"┘" };
	static const wchar_t *const asc[] = { L"|", L"|", L"-", L"-", L"+",
		L"+", L"+", L"+" };
	const wchar_t *const *g = view_ascii(b) ? asc : uni;
	cchar_t c[8];
	int i;

	for (i = 0; i < 8; i++)
		setcchar(&c[i], g[i], A_NORMAL, 0, NULL);
	wborder_set(w, &c[0], &c[1], &c[2], &c[3], &c[4], &c[5], &c[6],
	    &c[7]);
}

static void
draw_board(struct board *b)
{
	int width, nvis, i, rows = view_body_rows(b);
	size_t ci;
	cchar_t bar;

	setcchar(&bar, L"│", A_NORMAL, 0, NULL);
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
			mvwvline_set(b->body, 0, i * (width + 1) + width,
			    &bar, rows);
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
		taskview_draw_text(b);
	wnoutrefresh(b->body);
	draw_footer(b);
	doupdate();
}
