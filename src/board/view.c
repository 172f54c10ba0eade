/* SPDX-License-Identifier: ISC */
/* view.c: drawing the board — the layout, the colours, the header and
 * the footer (the columns of cards are view_board.c's, the task and help
 * views taskview.c's).
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
	if (day_month)
		i18n_day_month(iso, buf, 11);
	else
		i18n_date(iso, buf, 11);
}

/* --- layout -------------------------------------------------------- */

static bool
too_small(void)
{
	return LINES < SCREEN_MIN_LINES || COLS < SCREEN_MIN_COLS;
}

/* fn on each of the board's windows that exists. */
static void
windows_each(struct board *b, int (*fn)(WINDOW *))
{
	WINDOW *w[] = { b->term.header, b->term.body, b->term.footer };
	size_t i;

	for (i = 0; i < sizeof w / sizeof w[0]; i++)
		if (w[i] != NULL)
			fn(w[i]);
}

void
view_free_windows(struct board *b)
{
	free(b->term.score_line);
	b->term.score_line = NULL;
	windows_each(b, delwin);
	b->term.header = b->term.body = b->term.footer = NULL;
}

void
view_touch(struct board *b)
{
	windows_each(b, touchwin);
}

void
view_layout(struct board *b)
{
	view_free_windows(b);
	b->term.footer_rows = 0;
	b->nav.lines_stale = true;
	if (LINES < 1 || COLS < 1)
		return;
	if (!too_small()) {
		b->term.footer_rows = LINES >= 12 ? 2 : 1;
		b->term.header_rows = LINES >= 12 ? 2 : 1;
		b->term.header = newwin(b->term.header_rows, COLS, 0, 0);
		b->term.body = newwin(LINES - b->term.header_rows -
		    b->term.footer_rows, COLS, b->term.header_rows, 0);
		b->term.footer = newwin(b->term.footer_rows, COLS,
		    LINES - b->term.footer_rows, 0);
		if (b->term.header != NULL && b->term.body != NULL &&
		    b->term.footer != NULL)
			return;
		/* Out of memory, or a size curses disagrees with: show the
		 * too-small screen rather than half a board. */
		view_free_windows(b);
		b->term.footer_rows = 0;
	}
	b->term.body = newwin(LINES, COLS, 0, 0);
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
	return b->term.body != NULL ? getmaxy(b->term.body) : 0;
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
	if (b->nav.ncols > 0 && (size_t)n > b->nav.ncols)
		n = (int)b->nav.ncols;
	*width = (COLS - (n - 1)) / n;
	return n;
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
		b->term.paint[p] = def[p].mono;
	b->term.cursor_pair = false;
	b->term.color = has_colors() && (nc == NULL || *nc == '\0');
	if (!b->term.color)
		return;
	start_color();
	if (use_default_colors() != OK)
		defbg = COLOR_BLACK;
	for (p = 1; p < PAINT_COUNT; p++) {
		f = def[p].fg;
		g = def[p].bg;
		set = f != -2;
		b->term.paint[p] = def[p].color;
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
		b->term.paint[p] |= COLOR_PAIR(p);
		if (p == PAINT_CURSOR)
			b->term.cursor_pair = true;
	}
}

/* --- header -------------------------------------------------------- */

void
view_header_parts(struct board *b)
{
	const char *title;

	free(b->data.commune);
	free(b->data.period);
	b->data.commune = b->data.period = NULL;
	title = b->data.plan.name != NULL ? b->data.plan.name : "";
	if (b->c->commune != NULL && *b->c->commune != '\0')
		b->data.commune = text_nfc(b->c->commune);
	else
		b->data.commune = title_commune(title);
	b->data.period = title_period(title);
	view_header_score_stale(b);
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
void
view_gauge(const struct board *b, struct buf *out, long long part,
    long long whole, int width)
{
	bool ascii = view_ascii(b);
	int fill = whole > 0 ? (int)((part * width + whole / 2) / whole) : 0;
	int i;

	for (i = 0; i < width; i++)
		buf_adds(out, i < fill ? ascii ? "#" : "█" :
		    ascii ? "." : "░");
}

char *
view_join(char **parts, size_t n, unsigned skip)
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

/* First line: the letter's number, the commune, the period, the date
 * taken as today and the deadlines — how many tasks are late first, then
 * the next deadline. */
static char *
header_when(struct board *b)
{
	static const unsigned drop[] = { 0, 1, 1 | 4, 1 | 2 | 4 };
	char *parts[6] = { 0 }, date[11], *line;
	size_t np = 0, i, k;
	long days;

	parts[np++] = b->data.letter ? xasprintf(_("Letter No. %s"),
	    b->data.letter) : NULL;
	parts[np++] = b->data.commune ? xstrdup(b->data.commune) : NULL;
	parts[np++] = b->data.period ? xstrdup(b->data.period) : NULL;
	view_date(today(), date, false);
	parts[np++] = xasprintf(_("Today %s"), date);
	if (b->data.nlate > 0)
		parts[np++] = xasprintf(ngettext("%zu task late",
		    "%zu tasks late", b->data.nlate), b->data.nlate);
	if (b->data.next_due[0] != '\0') {
		days = date_days_between(today(), b->data.next_due);
		view_date(b->data.next_due, date, b->data.nlate > 0);
		if (days == 0)
			parts[np++] = xasprintf(_("Due today %s"), date);
		else if (b->data.nlate > 0)
			parts[np++] = xasprintf(ngettext(
			    "next deadline %s, %ld day left",
			    "next deadline %s, %ld days left",
			    (unsigned long)days), date, days);
		else
			parts[np++] = xasprintf(ngettext(
			    "%ld day left until %s", "%ld days left until %s",
			    (unsigned long)days), days, date);
	}
	/* Drop the letter, then the period, then the commune, to fit. */
	for (k = 0; ; k++) {
		line = view_join(parts, np, drop[k]);
		if (text_width(line) <= COLS || k == 3)
			break;
		free(line);
	}
	for (i = 0; i < np; i++)
		free(parts[i]);
	return line;
}

static void
draw_header(struct board *b)
{
	char *when, *sc;

	if (b->term.header == NULL)
		return;
	when = header_when(b);
	sc = view_header_score(b);
	if (b->term.header_rows > 1) {
		view_put(b->term.header, 0, 0, when, COLS,
		    b->term.paint[PAINT_HEADER]);
		view_put(b->term.header, 1, 0, sc, COLS,
		    b->term.paint[PAINT_HEADER]);
	} else {
		view_put(b->term.header, 0, 0, sc, COLS,
		    b->term.paint[PAINT_HEADER]);
	}
	wnoutrefresh(b->term.header);
	free(when);
}

/* --- footer -------------------------------------------------------- */

const char *
view_filter_name(const struct board *b)
{
	if (b->filter.overdue)
		return _("overdue");
	if (b->filter.only_mine)
		return _("mine");
	if (b->filter.person != NULL)
		return b->filter.person;
	if (b->filter.status == FILTER_OPEN)
		return _("not done");
	if (b->filter.status == FILTER_AGENDA)
		return _("due soon, all roles");
	return status_label((enum status)b->filter.status);
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
	size_t i, n = b->nav.view == VIEW_BOARD ?
	    sizeof board_hints / sizeof board_hints[0] :
	    sizeof text_hints / sizeof text_hints[0];
	char *keys, *item;
	enum action a;
	const char *label;

	for (i = 0; i < n; i++) {
		a = b->nav.view == VIEW_BOARD ? board_hints[i].a :
		    text_hints[i].a;
		label = _(b->nav.view == VIEW_BOARD ? board_hints[i].label :
		    text_hints[i].label);
		if (b->nav.view == VIEW_HELP && a != ACTION_BACK &&
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
	view_put(b->term.footer, y, 0, line.data ? line.data : "", COLS,
	    b->term.paint[PAINT_FOOTER]);
	buf_free(&line);
}

static void
draw_footer(struct board *b)
{
	struct buf st = { 0 };
	int y = b->term.footer_rows - 1;

	if (b->term.footer == NULL)
		return;
	if (b->term.footer_rows > 1)
		draw_hints(b, 0);
	if (b->prompt.msg != NULL) {
		view_put(b->term.footer, y, 0, b->prompt.msg, COLS,
		    b->prompt.msg_error ? b->term.paint[PAINT_ERROR] :
		    b->term.paint[PAINT_FOOTER]);
	} else if (search_active(b)) {
		if (b->filter.search != NULL)
			buf_addf(&st, _("Search \"%s\""), b->filter.search);
		if (search_filter_on(b)) {
			if (st.len > 0)
				buf_adds(&st, " · ");
			buf_addf(&st, _("Filter: %s"), view_filter_name(b));
		}
		buf_adds(&st, " · ");
		buf_adds(&st, _("Esc to clear"));
		view_put(b->term.footer, y, 0, st.data, COLS,
		    b->term.paint[PAINT_FOOTER]);
		buf_free(&st);
	} else if (b->term.footer_rows == 1) {
		draw_hints(b, 0);
	} else {
		view_put(b->term.footer, y, 0, store_readonly(b->s) ?
		    _("Read-only") : "", COLS, b->term.paint[PAINT_FOOTER]);
	}
	wnoutrefresh(b->term.footer);
}

void
view_draw(struct board *b)
{
	if (b->term.body == NULL) {
		doupdate();
		return;
	}
	if (too_small() || b->term.header == NULL) {
		werase(b->term.body);
		/* On one line, the last cell is the bottom-right corner:
		 * ncurses fills it by inserting a character, and on a 1×1
		 * screen it inserts one from outside the screen. */
		view_put(b->term.body, 0, 0, _("Window too small"),
		    LINES > 1 ? COLS : COLS - 1, A_BOLD);
		if (LINES > 1)
			view_put(b->term.body, 1, 0, _("q to quit"), COLS,
			    A_NORMAL);
		wnoutrefresh(b->term.body);
		doupdate();
		return;
	}
	draw_header(b);
	if (b->nav.view == VIEW_BOARD)
		view_board_draw(b);
	else
		taskview_draw_text(b);
	wnoutrefresh(b->term.body);
	draw_footer(b);
	doupdate();
}
