/* term.c: the terminal — opening it (or, for tests, a key script and
 * /dev/null), reading keys, extra key sequences, dumping the screen.
 *
 * Keys are read from a 1x1 window that is never drawn, with a timeout of
 * POLL_MS, so wgetch() never repaints anything by itself and the main
 * loop gets a chance to look for other boards' changes.  In headless mode
 * (board.h) the script is the keyboard and newterm() writes to /dev/null;
 * the dump reads the virtual screen back. */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>
#include <wchar.h>

#include "board.h"
#include "boardui.h"
#include "keymap.h"
#include "util.h"

/* One UTF-8 character from s; returns its length (0 at the end).  A byte
 * that starts no character is taken as it is (U+FFFD would hide it). */
static size_t
utf8_next(const char *s, int *cp)
{
	ucs4_t uc;
	int n;

	if (*s == '\0')
		return 0;
	n = u8_mbtoucr(&uc, (const uint8_t *)s, strlen(s));
	if (n <= 0) {
		*cp = (unsigned char)*s;
		return 1;
	}
	*cp = (int)uc;
	return (size_t)n;
}

void
term_dump(struct board *b)
{
	wchar_t *w;
	char *mb;
	size_t n;
	int y, len;
	static int ndump;

	if (b->dump == NULL)
		return;
	w = xcalloc((size_t)COLS + 1, sizeof *w);
	mb = xmalloc((size_t)COLS * MB_CUR_MAX + 1);
	for (y = 0; y < LINES; y++) {
		len = mvwinnwstr(curscr, y, 0, w, COLS);
		if (len < 0)
			len = 0;
		w[len] = L'\0';
		n = wcstombs(mb, w, (size_t)COLS * MB_CUR_MAX);
		if (n == (size_t)-1)
			n = 0;
		while (n > 0 && mb[n - 1] == ' ')
			n--;
		fprintf(b->dump, "%.*s\n", (int)n, mb);
	}
	fprintf(b->dump, "-- %d\n", ++ndump);
	fflush(b->dump);
	free(w);
	free(mb);
}

/* The next key of the script: one per line, names as in the
 * configuration, plus the commands dump, wait MS, resize COLSxLINES and
 * type TEXT (each character of TEXT is a key). */
static int
script_key(struct board *b)
{
	char line[4096];
	size_t len;
	int key, cols, rows;
	long ms;

	for (;;) {
		if (b->pending != NULL) {
			len = utf8_next(b->pending + b->pending_off, &key);
			if (len > 0) {
				b->pending_off += len;
				return key;
			}
			free(b->pending);
			b->pending = NULL;
		}
		if (fgets(line, sizeof line, b->script) == NULL)
			return BOARD_EOF;
		b->script_line++;
		len = strcspn(line, "\r\n");
		line[len] = '\0';
		if (len == 0 || (line[0] == '#' && line[1] == ' '))
			continue;
		if (strcmp(line, "dump") == 0) {
			term_dump(b);
			continue;
		}
		if (sscanf(line, "wait %ld", &ms) == 1) {
			usleep((useconds_t)(ms > 0 ? ms : 0) * 1000);
			return BOARD_TIMEOUT;
		}
		if (sscanf(line, "resize %dx%d", &cols, &rows) == 2 &&
		    cols > 0 && rows > 0) {
			resize_term(rows, cols);
			return BOARD_RESIZE;
		}
		if (strncmp(line, "type ", 5) == 0) {
			b->pending = xstrdup(line + 5);
			b->pending_off = 0;
			continue;
		}
		if (keymap_key_parse(line, &key))
			return keymap_key_normalize(key);
		free(b->fatal);
		b->fatal = xasprintf("%s:%d: unknown key '%s'",
		    b->script_name, b->script_line, line);
		return BOARD_EOF;
	}
}

int
board_key(struct board *b)
{
	wint_t wc;
	int rc;

	if (b->script != NULL)
		return script_key(b);
	rc = wget_wch(b->input, &wc);
	if (rc == ERR)
		return BOARD_TIMEOUT;
	if (rc == KEY_CODE_YES) {
		if (wc == KEY_RESIZE)
			return BOARD_RESIZE;
		return keymap_key_normalize(KEYMAP_FKEY((int)wc));
	}
	return keymap_key_normalize((int)wc);
}

/* --- the terminal -------------------------------------------------- */

/* Sequences PuTTY sends by default whatever TERM says (and a few other
 * common ones), so Home, End and F1-F4 work even where the terminfo entry
 * expects something else.  A sequence terminfo already knows is kept. */
static const struct {
	const char *seq;
	int key;
} extra_keys[] = {
	{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END },
	{ "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
	{ "\033[H", KEY_HOME }, { "\033[F", KEY_END },
	{ "\033OH", KEY_HOME }, { "\033OF", KEY_END },
	{ "\033[2~", KEY_IC }, { "\033[3~", KEY_DC },
	{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
	{ "\033[A", KEY_UP }, { "\033[B", KEY_DOWN },
	{ "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
	{ "\033OA", KEY_UP }, { "\033OB", KEY_DOWN },
	{ "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
	{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) },
	{ "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) },
	{ "\033[15~", KEY_F(5) },
	{ "\033OP", KEY_F(1) }, { "\033OQ", KEY_F(2) },
	{ "\033OR", KEY_F(3) }, { "\033OS", KEY_F(4) },
	{ "\033[[A", KEY_F(1) }, { "\033[[B", KEY_F(2) },
	{ "\033[[C", KEY_F(3) }, { "\033[[D", KEY_F(4) },
	{ "\033[[E", KEY_F(5) },
};

static void
define_keys(void)
{
	size_t i;

	for (i = 0; i < sizeof extra_keys / sizeof extra_keys[0]; i++)
		if (key_defined(extra_keys[i].seq) == 0)
			define_key(extra_keys[i].seq, extra_keys[i].key);
}

/* Wide characters need a UTF-8 locale; a server where LANG is unset still
 * gets one, since parboard's text is Vietnamese whatever the locale. */
void
term_locale_init(void)
{
	const char *cs;

	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	cs = nl_langinfo(CODESET);
	if (cs == NULL || strcmp(cs, "UTF-8") != 0)
		if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
			setlocale(LC_CTYPE, "en_US.UTF-8");
}

int
term_open(struct board *b, char **err)
{
	const char *keys = getenv("PARBOARD_KEYS");
	const char *dump = getenv("PARBOARD_DUMP");
	const char *term = getenv("TERM");
	const char *esc = getenv("ESCDELAY");
	char *cup;

	if (keys != NULL && *keys != '\0') {
		b->script = fopen(keys, "r");
		if (b->script == NULL)
			return fail(err, "%s: %s", keys, strerror(errno));
		b->script_name = xstrdup(keys);
		if (dump != NULL && *dump != '\0' &&
		    (b->dump = fopen(dump, "w")) == NULL)
			return fail(err, "%s: %s", dump, strerror(errno));
		/* Output nowhere, input never read: the script is the
		 * keyboard and the dump is the screen. */
		b->tty_out = fopen("/dev/null", "w");
		b->tty_in = fopen("/dev/null", "r");
		if (b->tty_out == NULL || b->tty_in == NULL)
			return fail(err, "/dev/null: %s", strerror(errno));
		b->screen = newterm(term != NULL && *term ? term : "vt100",
		    b->tty_out, b->tty_in);
	} else {
		b->screen = newterm(NULL, stdout, stdin);
	}
	if (b->screen == NULL)
		return fail(err, "cannot use terminal type '%s'",
		    term != NULL ? term : "(unset)");
	set_term(b->screen);
	/* A terminal that cannot move the cursor (TERM=dumb, a bare serial
	 * line) would show the board as one smeared line: say so instead. */
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		endwin();
		delscreen(b->screen);
		b->screen = NULL;
		return fail(err, "terminal type '%s' cannot move the cursor; "
		    "set TERM to your terminal (xterm, screen, vt100)",
		    term != NULL ? term : "(unset)");
	}
	set_escdelay(esc != NULL && atoi(esc) > 0 ? atoi(esc) : 150);
	cbreak();
	noecho();
	nonl();
	curs_set(0);
	define_keys();
	b->input = newwin(1, 1, 0, 0);
	keypad(b->input, TRUE);
	wtimeout(b->input, POLL_MS);
	/* wget_wch refreshes a window touched since its last refresh: a new
	 * one would paint its blank cell over the header's first character
	 * on the first key wait.  Send it to the virtual screen now, before
	 * anything is drawn over it, so it is never touched again. */
	wnoutrefresh(b->input);
	view_colors(b);
	view_layout(b);
	return 0;
}

void
term_close(struct board *b)
{
	if (b->screen == NULL)
		return;
	view_free_windows(b);
	if (b->input != NULL)
		delwin(b->input);
	b->input = NULL;
	curs_set(1);
	endwin();
	delscreen(b->screen);
	b->screen = NULL;
}

