/* SPDX-License-Identifier: ISC */
/* prompt.c: the footer's line editor, one-key questions, the boxed menu
 * and the picker.
 *
 * The line edits like a shell's: Left/Right (C-b/C-f), Home/End
 * (C-a/C-e), Backspace, Delete (C-d), C-w (the word before the cursor),
 * C-u (to the start), C-k (to the end).  Pre-filled text (a search, a
 * due date) starts selected: what is typed or pasted replaces it, a
 * movement key or Backspace keeps it for editing.  A bracketed paste
 * (term.c) is inserted as text, its line breaks and tabs as spaces.
 *
 * Why not ncursesw's form library: a form field is a grid of cells with
 * its own width rules, its own cursor and its own key handling, so the
 * board would have two width engines (form's and libunistring's, which
 * text.c uses for every card and report) that disagree on combining
 * marks and East Asian widths; it has no notion of a selected
 * pre-filled text or of a paste; and it reads keys itself, where the
 * board's keys come from term_key() (the terminal, or the headless key
 * script).  The editor here is small: the text is kept as wide
 * characters, a character and the combining marks after it (text.h's
 * width engine: text_char_attaches) move and delete as one unit, and what is
 * shown and returned is NFC, so decomposed input (some Vietnamese input
 * methods send it) reads like composed input.  Drawing shows only the
 * part around the cursor, so a pasted paragraph of 100 000 characters
 * costs one pass per key, not one per character. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "boardui.h"
#include "i18n.h"
#include "keymap.h"
#include "text.h"
#include "util.h"

struct line {
	wchar_t *w;
	size_t n, cap;
	size_t cur;		/* cursor, always at a character boundary */
	size_t left;		/* first character shown */
	bool select;		/* the whole (pre-filled) text is selected */
};

/* Control keys of the editor. */
#define CTRL(c) ((c) & 0x1f)

/* Columns of one wide character, and whether it belongs to the one
 * before it: the width engine's rules (text.h). */
static int
wc_width(wchar_t c)
{
	return text_char_width((unsigned int)c);
}

static bool
wc_joins(wchar_t c)
{
	return text_char_attaches((unsigned int)c);
}

static char *
wcs_utf8(const wchar_t *w, size_t n)
{
	size_t i, len;
	char mb[MB_LEN_MAX];
	mbstate_t st;
	struct buf b = { 0 };
	char *raw, *nfc;

	memset(&st, 0, sizeof st);
	for (i = 0; i < n; i++) {
		len = wcrtomb(mb, w[i], &st);
		if (len != (size_t)-1)
			buf_add(&b, mb, len);
	}
	raw = buf_take(&b);
	nfc = text_nfc(raw != NULL ? raw : "");
	free(raw);
	return nfc;
}

/* Start of the character before i, with its marks. */
static size_t
line_prev(const struct line *l, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && wc_joins(l->w[i]))
		i--;
	return i;
}

/* Start of the character after the one at i. */
static size_t
line_next(const struct line *l, size_t i)
{
	if (i >= l->n)
		return l->n;
	i++;
	while (i < l->n && wc_joins(l->w[i]))
		i++;
	return i;
}

/* Remove the characters [from, to); the cursor goes to from. */
static void
line_cut(struct line *l, size_t from, size_t to)
{
	if (to > l->n)
		to = l->n;
	if (from >= to) {
		l->cur = from < l->n ? from : l->n;
		return;
	}
	memmove(l->w + from, l->w + to, (l->n - to) * sizeof *l->w);
	l->n -= to - from;
	l->cur = from;
	if (l->left > from)
		l->left = from;
}

/* Insert n characters at the cursor, replacing a selection.  Line
 * breaks and tabs become spaces (a CR LF pair one space); other control
 * characters are dropped. */
static void
line_insert(struct line *l, const wchar_t *s, size_t n)
{
	size_t i, k = 0;
	wchar_t *add;

	if (l->select) {
		l->n = l->cur = l->left = 0;
		l->select = false;
	}
	add = xcalloc(n + 1, sizeof *add);
	for (i = 0; i < n; i++) {
		if (s[i] == L'\r' && i + 1 < n && s[i + 1] == L'\n')
			continue;
		if (s[i] == L'\r' || s[i] == L'\n' || s[i] == L'\t')
			add[k++] = L' ';
		else if (s[i] >= 0x20 && s[i] != 0x7f &&
		    !(s[i] >= 0x80 && s[i] < 0xa0))
			add[k++] = s[i];
	}
	l->w = xgrow(l->w, &l->cap, l->n + k + 1, sizeof *l->w);
	memmove(l->w + l->cur + k, l->w + l->cur,
	    (l->n - l->cur) * sizeof *l->w);
	memcpy(l->w + l->cur, add, k * sizeof *l->w);
	l->n += k;
	l->cur += k;
	free(add);
}

/* C-w: the spaces before the cursor, then the word before them. */
static void
line_delete_word(struct line *l)
{
	size_t i = l->cur;

	while (i > 0 && l->w[i - 1] == L' ')
		i--;
	while (i > 0 && l->w[i - 1] != L' ')
		i--;
	line_cut(l, i, l->cur);
}

/* One editing key; false when the key is not the editor's. */
static bool
line_edit(struct line *l, int key)
{
	wchar_t c;

	switch (key) {
	case KEYMAP_FKEY(KEY_LEFT):
	case CTRL('b'):
		l->cur = line_prev(l, l->cur);
		break;
	case KEYMAP_FKEY(KEY_RIGHT):
	case CTRL('f'):
		l->cur = line_next(l, l->cur);
		break;
	case KEYMAP_FKEY(KEY_HOME):
	case CTRL('a'):
		l->cur = 0;
		break;
	case KEYMAP_FKEY(KEY_END):
	case CTRL('e'):
		l->cur = l->n;
		break;
	case KEYMAP_BACKSPACE:
		line_cut(l, line_prev(l, l->cur), l->cur);
		break;
	case KEYMAP_FKEY(KEY_DC):
	case CTRL('d'):
		line_cut(l, l->cur, line_next(l, l->cur));
		break;
	case CTRL('w'):
		line_delete_word(l);
		break;
	case CTRL('u'):
		line_cut(l, 0, l->cur);
		break;
	case CTRL('k'):
		line_cut(l, l->cur, l->n);
		break;
	default:
		if (KEYMAP_IS_FKEY(key) || key < 0x20 || key == 0x7f)
			return false;
		c = (wchar_t)key;
		line_insert(l, &c, 1);
		return true;
	}
	/* Any editing or movement key keeps the pre-filled text. */
	l->select = false;
	return true;
}

/* Footers of the two kinds of prompt. */
#define HELP_LINE _("Enter: done · Esc: cancel")
#define HELP_KEY _("Press a key to choose · Esc: cancel")

/* The part of the line shown in room columns: from l->left (moved so the
 * cursor is on screen, with a little context before it) to *end; *curx
 * is the cursor's column in it. */
static void
line_window(struct line *l, int room, size_t *end, int *curx)
{
	size_t i;
	int w;

	if (l->left > l->cur) {
		/* Moved left of the window: show some text before. */
		l->left = l->cur;
		for (w = 0; l->left > 0 && w < room / 4;) {
			i = line_prev(l, l->left);
			while (i < l->left)
				w += wc_width(l->w[i++]);
			l->left = line_prev(l, l->left);
		}
	}
	for (w = 0, i = l->left; i < l->cur; i++)
		w += wc_width(l->w[i]);
	while (w >= room && l->left < l->cur) {
		i = line_next(l, l->left);
		while (l->left < i)
			w -= wc_width(l->w[l->left++]);
	}
	*curx = w;
	for (i = l->cur; i < l->n; i = line_next(l, i)) {
		if (w + wc_width(l->w[i]) > room)
			break;
		w += wc_width(l->w[i]);
	}
	*end = i;
}

/* Draw "label text" on the footer's last row, the help on the row above
 * when the footer has two.  A line prompt's label takes at most half the
 * row so there is room to type; a one-key question's label (l NULL)
 * takes the whole row, cut with "…" but never dropped.  Selected
 * pre-filled text is shown in reverse video.  Nothing is drawn while
 * the screen is too small for a footer: the prompt waits. */
static void
prompt_draw(struct board *b, const char *label, struct line *l)
{
	WINDOW *w = b->term.footer;
	int y = b->term.footer_rows - 1, lw, room, curx = 0;
	size_t end = 0;
	char *lab, *shown = NULL;

	if (w == NULL || COLS < 2)
		return;
	lab = text_ellipsize(label, l != NULL ? COLS / 2 : COLS - 1);
	lw = text_width(lab);
	room = COLS - lw - 1;
	werase(w);
	if (b->term.footer_rows > 1) {
		wattrset(w, A_NORMAL);
		mvwaddstr(w, 0, 0, l != NULL ? HELP_LINE : HELP_KEY);
	}
	wattrset(w, A_BOLD);
	mvwaddstr(w, y, 0, lab);
	if (l != NULL && room > 0) {
		line_window(l, room, &end, &curx);
		shown = wcs_utf8(l->w != NULL ? l->w + l->left : L"",
		    end - l->left);
		wattrset(w, l->select && l->n > 0 ? A_REVERSE : A_NORMAL);
		mvwaddstr(w, y, lw, shown);
		wattrset(w, A_NORMAL);
		wmove(w, y, lw + curx);
	}
	wattrset(w, A_NORMAL);
	free(shown);
	free(lab);
	wnoutrefresh(w);
	doupdate();
}

/* A size change inside a prompt: the board is drawn again under it and
 * the prompt goes on, with its text, even through a screen too small to
 * show it. */
static void
prompt_resize(struct board *b)
{
	board_resize(b);
	view_draw(b);
}

char *
prompt_line(struct board *b, const char *label, const char *initial,
    bool select)
{
	struct line l = { 0 };
	mbstate_t st;
	const char *p;
	char *text = NULL;
	wchar_t wc;
	size_t n;
	int key;
	bool done = false, ok = false;

	if (b->term.footer == NULL)
		return NULL;
	memset(&st, 0, sizeof st);
	for (p = initial != NULL ? initial : ""; *p != '\0'; p += n) {
		n = mbrtowc(&wc, p, strlen(p), &st);
		if (n == 0 || n == (size_t)-1 || n == (size_t)-2)
			break;
		line_insert(&l, &wc, 1);
	}
	l.select = select && l.n > 0;
	b->prompt.open = true;
	while (!done) {
		curs_set(1);
		prompt_draw(b, label, &l);
		key = term_key(b);
		switch (key) {
		case BOARD_TIMEOUT:
			break;
		case BOARD_RESIZE:
			prompt_resize(b);
			break;
		case BOARD_PASTE:
			line_insert(&l, b->prompt.paste, b->prompt.npaste);
			break;
		case BOARD_EOF:
		case KEYMAP_ESC:
		case CTRL('c'):
		case CTRL('g'):
			done = true;
			break;
		case KEYMAP_ENTER:
			done = ok = true;
			break;
		default:
			line_edit(&l, key);
			break;
		}
	}
	b->prompt.open = false;
	curs_set(0);
	if (ok)
		text = wcs_utf8(l.w, l.n);
	free(l.w);
	return text;
}

static void menu_draw(struct board *b, const char *title,
    const struct prompt_item *items, size_t n);

/* The question in the footer (with items, the menu's box over the
 * board too) until a key comes: the key or BOARD_EOF; a resize draws
 * them again, a paste is no answer. */
static int
key_wait(struct board *b, const char *question,
    const struct prompt_item *items, size_t n)
{
	int key;

	for (;;) {
		if (items != NULL)
			menu_draw(b, question, items, n);
		prompt_draw(b, question, NULL);
		key = term_key(b);
		if (key == BOARD_TIMEOUT || key == BOARD_PASTE)
			continue;
		if (key != BOARD_RESIZE)
			return key;
		prompt_resize(b);
	}
}

int
prompt_key(struct board *b, const char *question)
{
	int key;

	if (b->term.footer == NULL)
		return -1;
	key = key_wait(b, question, NULL, 0);
	return key == BOARD_EOF || key == KEYMAP_ESC ? -1 : key;
}

/* The menu's box, centred over the board; the footer asks for a key. */
static void
menu_draw(struct board *b, const char *title, const struct prompt_item *items,
    size_t n)
{
	WINDOW *w;
	char key[8], *line;
	int width = text_width(title) + 4, rows = (int)n + 2, x, y;
	size_t i;

	for (i = 0; i < n; i++)
		if (text_width(items[i].label) + 8 > width)
			width = text_width(items[i].label) + 8;
	if (width > COLS)
		width = COLS;
	if (rows > LINES - b->term.footer_rows)
		rows = LINES - b->term.footer_rows;
	if (rows < 3 || width < 10)
		return;
	y = (LINES - b->term.footer_rows - rows) / 2;
	x = (COLS - width) / 2;
	if ((w = newwin(rows, width, y, x)) == NULL)
		return;
	wattrset(w, A_NORMAL);
	view_frame(b, w);
	line = text_ellipsize(title, width - 4);
	wattrset(w, A_BOLD);
	mvwprintw(w, 0, 2, "%s", line);
	free(line);
	for (i = 0; i < n && (int)i < rows - 2; i++) {
		key[0] = (char)items[i].key;
		key[1] = '\0';
		wattrset(w, A_BOLD);
		mvwaddstr(w, (int)i + 1, 2, key);
		wattrset(w, A_NORMAL);
		line = text_ellipsize(items[i].label, width - 7);
		mvwaddstr(w, (int)i + 1, 5, line);
		free(line);
	}
	wnoutrefresh(w);
	delwin(w);
}

int
prompt_menu(struct board *b, const char *title,
    const struct prompt_item *items, size_t n)
{
	size_t i;
	int key;

	if (b->term.footer == NULL)
		return -1;
	key = key_wait(b, title, items, n);
	/* The box goes: the board is painted again over it. */
	view_touch(b);
	view_draw(b);
	for (i = 0; i < n; i++)
		if (items[i].key == key)
			return key;
	return -1;
}

/* --- the picker: status (t) and role (m) ------------------------------ */

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

int
prompt_pick(struct board *b, const char *title, const char *const *items,
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
		} else if ((j = pick_letter(items, n, cur, key,
		    &unique)) >= 0) {
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
	/* The board again before what follows (a prompt, a message). */
	view_touch(b);
	view_draw(b);
	return choice < 0 ? -1 : choice;
}
