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

/* Draw "label text" on the footer's last row, showing the end of the text
 * when it is too long, the cursor after it. */
static void
prompt_draw(struct board *b, const char *label, const char *text)
{
	WINDOW *w = b->footer;
	int y = b->footer_rows - 1, lw = text_width(label), room;
	const char *shown = text;
	struct buf out = { 0 };

	room = COLS - lw - 1;
	if (room < 1) {
		lw = 0;
		room = COLS - 1;
	}
	while (*shown != '\0' && text_width(shown) > room) {
		shown++;
		while (((unsigned char)*shown & 0xc0) == 0x80)
			shown++;
	}
	werase(w);
	if (b->footer_rows > 1) {
		wattrset(w, A_NORMAL);
		mvwaddstr(w, 0, 0, "Enter: xong · Esc: huỷ");
	}
	if (lw > 0) {
		wattrset(w, A_BOLD);
		mvwaddstr(w, y, 0, label);
	}
	wattrset(w, A_NORMAL);
	text_pad(&out, shown, text_width(shown));
	mvwaddstr(w, y, lw, out.data != NULL ? out.data : "");
	buf_free(&out);
	wnoutrefresh(w);
	doupdate();
}

char *
prompt_line(struct board *b, const char *label, const char *initial)
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
	curs_set(1);
	while (!done) {
		text = line_utf8(&l);
		prompt_draw(b, label, text);
		free(text);
		text = NULL;
		key = board_key(b);
		switch (key) {
		case BOARD_TIMEOUT:
			break;
		case BOARD_RESIZE:
			view_layout(b);
			view_draw(b);
			if (b->footer == NULL)
				done = true;
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
			line_backspace(&l);
			break;
		case 21:	/* C-u */
			l.n = 0;
			break;
		case 23:	/* C-w */
			line_delete_word(&l);
			break;
		default:
			if (!KEYMAP_IS_FKEY(key) && key >= 0x20 && key != 0x7f)
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
		prompt_draw(b, question, "");
		key = board_key(b);
		if (key == BOARD_TIMEOUT)
			continue;
		if (key == BOARD_RESIZE) {
			view_layout(b);
			view_draw(b);
			if (b->footer == NULL)
				return -1;
			continue;
		}
		if (key == BOARD_EOF || key == KEYMAP_ESC)
			return -1;
		return key;
	}
}
