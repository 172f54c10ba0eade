/* prompt.c: the footer's line editor and one-key questions.
 *
 * The text is kept as wide characters, so Backspace removes a whole
 * character even when it took three bytes, and a decomposed character (a
 * base letter and its combining marks, as some input methods send it) is
 * removed with its marks.  What is shown, and returned, is NFC. */
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
};

static char *
line_utf8(const struct line *l)
{
	size_t i, n;
	char mb[MB_LEN_MAX];
	mbstate_t st;
	struct buf b = { 0 };
	char *raw, *nfc;

	memset(&st, 0, sizeof st);
	for (i = 0; i < l->n; i++) {
		n = wcrtomb(mb, l->w[i], &st);
		if (n != (size_t)-1)
			buf_add(&b, mb, n);
	}
	raw = buf_take(&b);
	nfc = text_nfc(raw);
	free(raw);
	return nfc;
}

static void
line_add(struct line *l, wchar_t c)
{
	l->w = xgrow(l->w, &l->cap, l->n + 1, sizeof *l->w);
	l->w[l->n++] = c;
}

/* Backspace: the last character with its combining marks. */
static void
line_backspace(struct line *l)
{
	while (l->n > 0 && wcwidth(l->w[l->n - 1]) == 0)
		l->n--;
	if (l->n > 0)
		l->n--;
}

static void
line_delete_word(struct line *l)
{
	while (l->n > 0 && l->w[l->n - 1] == L' ')
		l->n--;
	while (l->n > 0 && l->w[l->n - 1] != L' ')
		l->n--;
}

/* Footers of the two kinds of prompt. */
#define HELP_LINE _("Enter: done · Esc: cancel")
#define HELP_KEY _("Press a key to choose · Esc: cancel")

/* Draw "label text" on the footer's last row, showing the end of the text
 * when it is too long, the cursor after it; help on the row above when
 * the footer has two.  A line prompt's label takes at most half the row
 * so there is room to type; a one-key question's label (text NULL) takes
 * the whole row, cut with "…" but never dropped.  Pre-filled text that
 * the first key replaces is shown in reverse video.  Nothing is drawn
 * while the screen is too small for a footer: the prompt waits. */
static void
prompt_draw(struct board *b, const char *label, const char *text,
    bool selected)
{
	WINDOW *w = b->footer;
	int y = b->footer_rows - 1, lw, room;
	const char *shown = text != NULL ? text : "";
	char *lab;
	struct buf out = { 0 };

	if (w == NULL || COLS < 2)
		return;
	lab = text_ellipsize(label, text != NULL ? COLS / 2 : COLS - 1);
	lw = text_width(lab);
	room = COLS - lw - 1;
	while (*shown != '\0' && text_width(shown) > room) {
		shown++;
		while (((unsigned char)*shown & 0xc0) == 0x80)
			shown++;
	}
	werase(w);
	if (b->footer_rows > 1) {
		wattrset(w, A_NORMAL);
		mvwaddstr(w, 0, 0, text != NULL ? HELP_LINE : HELP_KEY);
	}
	wattrset(w, A_BOLD);
	mvwaddstr(w, y, 0, lab);
	wattrset(w, selected && *shown != '\0' ? A_REVERSE : A_NORMAL);
	text_pad(&out, shown, text_width(shown));
	mvwaddstr(w, y, lw, out.data != NULL ? out.data : "");
	wattrset(w, A_NORMAL);
	buf_free(&out);
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
	view_resize(b);
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

	if (b->footer == NULL)
		return NULL;
	memset(&st, 0, sizeof st);
	for (p = initial != NULL ? initial : ""; *p != '\0'; p += n) {
		n = mbrtowc(&wc, p, strlen(p), &st);
		if (n == 0 || n == (size_t)-1 || n == (size_t)-2)
			break;
		line_add(&l, wc);
	}
	select = select && l.n > 0;
	while (!done) {
		curs_set(b->footer != NULL ? 1 : 0);
		text = line_utf8(&l);
		prompt_draw(b, label, text, select);
		free(text);
		text = NULL;
		key = board_key(b);
		switch (key) {
		case BOARD_TIMEOUT:
			break;
		case BOARD_RESIZE:
			prompt_resize(b);
			break;
		case BOARD_EOF:
		case KEYMAP_ESC:
		case 3:		/* C-c */
		case 7:		/* C-g */
			done = true;
			break;
		case KEYMAP_ENTER:
			done = ok = true;
			break;
		case KEYMAP_BACKSPACE:
			select = false;
			line_backspace(&l);
			break;
		case 21:	/* C-u */
			select = false;
			l.n = 0;
			break;
		case 23:	/* C-w */
			select = false;
			line_delete_word(&l);
			break;
		default:
			if (KEYMAP_IS_FKEY(key) || key < 0x20 || key == 0x7f)
				break;
			/* Pre-filled text is replaced by what is typed. */
			if (select)
				l.n = 0;
			select = false;
			line_add(&l, (wchar_t)key);
			break;
		}
	}
	curs_set(0);
	if (ok)
		text = line_utf8(&l);
	free(l.w);
	return text;
}

int
prompt_key(struct board *b, const char *question)
{
	int key;

	if (b->footer == NULL)
		return -1;
	for (;;) {
		prompt_draw(b, question, NULL, false);
		key = board_key(b);
		if (key == BOARD_TIMEOUT)
			continue;
		if (key == BOARD_RESIZE) {
			prompt_resize(b);
			continue;
		}
		if (key == BOARD_EOF || key == KEYMAP_ESC)
			return -1;
		return key;
	}
}
