/* SPDX-License-Identifier: ISC */
/* term.c: the terminal — opening it (or, for tests, a key script and
 * /dev/null), reading keys, extra key sequences, dumping the screen.
 *
 * Keys are read from a 1x1 window that is never drawn, without waiting,
 * so wgetch() never repaints anything by itself; the wait is a poll() on
 * the terminal and an inotify watch of the database (another board's
 * write), so an idle board sleeps.  In headless mode
 * (board.h) the script is the keyboard and newterm() writes to /dev/null;
 * the dump reads the virtual screen back.
 *
 * A dropped SSH session must not leave the board behind: SIGHUP, SIGTERM
 * and SIGINT only set a flag, and a terminal that has gone away (a
 * hung-up tty reads 0 bytes at once, so wget_wch() returns ERR without
 * waiting) is taken as the end of input.  Either way term_key() says
 * BOARD_EOF from then on and the board quits normally, so --demo still
 * removes its throw-away database. */
#include <errno.h>
#include <limits.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>
#include <unistr.h>
#include <wchar.h>

#include "board.h"
#include "boardui.h"
#include "date.h"
#include "i18n.h"
#include "keymap.h"
#include "util.h"

/* Set by the signal handlers, read by term_key(): nothing else is safe
 * in a handler. */
static volatile sig_atomic_t term_stop;

static const int stop_signals[] = { SIGHUP, SIGTERM, SIGINT };
#define NSTOP (sizeof stop_signals / sizeof stop_signals[0])
static struct sigaction old_actions[NSTOP];
static bool actions_saved;

static void
on_stop_signal(int sig)
{
	(void)sig;
	term_stop = 1;
}

/* No SA_RESTART: a signal cuts the key wait short.  A signal that was
 * ignored when parboard started (nohup) stays ignored; the hung-up
 * terminal is still noticed by input_gone(). */
static void
signals_install(void)
{
	struct sigaction sa;
	size_t i;

	term_stop = 0;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	for (i = 0; i < NSTOP; i++) {
		if (sigaction(stop_signals[i], NULL, &old_actions[i]) != 0)
			continue;
		if (old_actions[i].sa_handler == SIG_IGN)
			continue;
		sigaction(stop_signals[i], &sa, NULL);
	}
	actions_saved = true;
}

static void
signals_restore(void)
{
	size_t i;

	if (!actions_saved)
		return;
	for (i = 0; i < NSTOP; i++)
		sigaction(stop_signals[i], &old_actions[i], NULL);
	actions_saved = false;
}

/* Whether the terminal is gone: hung up, closed, or readable with
 * nothing to read (end of file).  Only asked after wget_wch() returned
 * ERR, and it reads nothing, so no key is ever lost. */
static bool
input_gone(int fd)
{
	struct pollfd p;
	int avail = 0;

	p.fd = fd;
	p.events = POLLIN;
	p.revents = 0;
	if (poll(&p, 1, 0) < 0)
		return errno != EINTR && errno != EAGAIN;
	if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
		return true;
	if ((p.revents & POLLIN) && ioctl(fd, FIONREAD, &avail) == 0 &&
	    avail == 0)
		return true;
	return false;
}

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

	if (b->keys.dump == NULL)
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
		fprintf(b->keys.dump, "%.*s\n", (int)n, mb);
	}
	fprintf(b->keys.dump, "-- %d\n", ++ndump);
	fflush(b->keys.dump);
	free(w);
	free(mb);
}

/* The characters of a bracketed paste, up to its end marker, into
 * b->prompt.paste.  A function key inside it (an escape sequence in the
 * pasted text) is dropped; a paste whose end never comes ends when the
 * input pauses. */
static void
paste_read(struct board *b)
{
	wint_t wc;
	int rc;

	b->prompt.npaste = 0;
	/* The rest may come in pieces. */
	wtimeout(b->term.input, POLL_MS);
	for (;;) {
		rc = wget_wch(b->term.input, &wc);
		if (rc == ERR || term_stop)
			break;
		if (rc == KEY_CODE_YES) {
			if (wc == TERM_PASTE_END)
				break;
			continue;
		}
		b->prompt.paste = xgrow(b->prompt.paste, &b->prompt.paste_cap,
		    b->prompt.npaste + 1, sizeof *b->prompt.paste);
		b->prompt.paste[b->prompt.npaste++] = (wchar_t)wc;
	}
	wtimeout(b->term.input, 0);
}

/* A paste on the board, not in a prompt: it would run as keys (a pasted
 * "sss" would step three statuses), so it is dropped, and said so. */
static int
paste_key(struct board *b)
{
	if (!b->prompt.open)
		board_message(b, false, "%s", _("Pasted text ignored: paste "
		    "into a prompt (n for a note, / to search)"));
	return BOARD_PASTE;
}

/* "paste TEXT" in a key script: TEXT with \n and \\ escapes. */
static void
paste_script(struct board *b, const char *text)
{
	const char *p = text;
	size_t len;
	int cp;

	b->prompt.npaste = 0;
	while ((len = utf8_next(p, &cp)) > 0) {
		p += len;
		if (cp == '\\' && (p[0] == 'n' || p[0] == '\\')) {
			cp = p[0] == 'n' ? '\n' : '\\';
			p++;
		}
		b->prompt.paste = xgrow(b->prompt.paste, &b->prompt.paste_cap,
		    b->prompt.npaste + 1, sizeof *b->prompt.paste);
		b->prompt.paste[b->prompt.npaste++] = (wchar_t)cp;
	}
}

/* The next key of the script: one per line, names as in the
 * configuration, plus the commands dump, wait MS, resize COLSxLINES,
 * type TEXT (each character of TEXT is a key) and paste TEXT (a
 * bracketed paste; \n in TEXT is a newline). */
static int
script_key(struct board *b)
{
	char line[4096], *what;
	size_t len;
	int key, cols, rows;
	long ms;

	for (;;) {
		if (b->keys.pending != NULL) {
			len = utf8_next(b->keys.pending +
			    b->keys.pending_off, &key);
			if (len > 0) {
				b->keys.pending_off += len;
				return key;
			}
			free(b->keys.pending);
			b->keys.pending = NULL;
		}
		if (fgets(line, sizeof line, b->keys.script) == NULL)
			return BOARD_EOF;
		b->keys.script_line++;
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
		if (strncmp(line, "paste ", 6) == 0) {
			paste_script(b, line + 6);
			return paste_key(b);
		}
		if (strncmp(line, "type ", 5) == 0) {
			b->keys.pending = xstrdup(line + 5);
			b->keys.pending_off = 0;
			continue;
		}
		if (keymap_key_parse(line, &key))
			return keymap_key_normalize(key);
		free(b->keys.fatal);
		what = xasprintf(_("unknown key '%s'"), line);
		b->keys.fatal = xasprintf("%s:%d: %s", b->keys.script_name,
		    b->keys.script_line, what);
		free(what);
		return BOARD_EOF;
	}
}

/* --- waiting for a key or another board's change -------------------- */

/* Watch the database and its -wal file: another board's commit writes
 * the -wal file (a checkpoint, the database), so the board sleeps until a
 * key or such a write, and looks at PRAGMA data_version only then.  When
 * inotify is missing (or the files cannot be watched) the board polls
 * every POLL_MS instead. */
static void
watch_open(struct board *b)
{
	const char *db = store_path(b->s);
	char *wal;

	b->keys.watch_fd = b->keys.watch_wal = -1;
	if (db == NULL || *db == '\0')
		return;
	b->keys.watch_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (b->keys.watch_fd < 0)
		return;
	wal = xasprintf("%s-wal", db);
	b->keys.watch_wal = inotify_add_watch(b->keys.watch_fd, wal,
	    IN_MODIFY | IN_CLOSE_WRITE | IN_DELETE_SELF | IN_MOVE_SELF);
	free(wal);
	if (b->keys.watch_wal < 0 || inotify_add_watch(b->keys.watch_fd, db,
	    IN_MODIFY | IN_CLOSE_WRITE) < 0) {
		close(b->keys.watch_fd);
		b->keys.watch_fd = -1;
	}
}

static void
watch_close(struct board *b)
{
	if (b->keys.watch_fd >= 0)
		close(b->keys.watch_fd);
	b->keys.watch_fd = -1;
}

/* Read the pending events.  When the -wal file went away (the last other
 * connection removed it; ours keeps it, but a checkpointing tool may
 * not), watch it again, or fall back to polling. */
static void
watch_drain(struct board *b)
{
	char buf[4096]
	    __attribute__((aligned(__alignof__(struct inotify_event))));
	const struct inotify_event *ev;
	bool lost = false;
	ssize_t n;
	char *p;

	while ((n = read(b->keys.watch_fd, buf, sizeof buf)) > 0) {
		for (p = buf; p < buf + n; p += sizeof *ev + ev->len) {
			ev = (const struct inotify_event *)p;
			if (ev->wd == b->keys.watch_wal &&
			    (ev->mask & (IN_IGNORED | IN_DELETE_SELF |
			    IN_MOVE_SELF)))
				lost = true;
		}
	}
	if (lost) {
		watch_close(b);
		watch_open(b);
	}
}

#define RECHECK_MS 100
#define RECHECKS 3

/* How long to sleep: for ever while inotify watches and the date is
 * pinned; else until the next local midnight (the board moves to the new
 * day); POLL_MS without inotify.  A writer's last write to the -wal file
 * comes just before its commit shows in PRAGMA data_version (the
 * wal-index is a mapped file, which inotify does not see): after a write
 * the board looks again a few times, RECHECK_MS apart. */
static int
wait_ms(struct board *b)
{
	struct timespec now;
	long long ms;

	if (b->keys.watch_fd < 0)
		return POLL_MS;
	if (b->keys.watch_again > 0) {
		b->keys.watch_again--;
		return RECHECK_MS;
	}
	if (today_pinned())
		return -1;
	clock_gettime(CLOCK_REALTIME, &now);
	ms = ((long long)date_next_midnight(now.tv_sec) - now.tv_sec) * 1000 -
	    now.tv_nsec / 1000000 + 50;
	if (ms < 50)
		ms = 50;
	return ms > INT_MAX ? INT_MAX : (int)ms;
}

/* Sleep until the terminal has input, another board may have written, a
 * signal came (a resize) or wait_ms() passed: false for the last two
 * cases that are no input (the caller says BOARD_TIMEOUT). */
static bool
wait_input(struct board *b)
{
	struct pollfd p[2];
	nfds_t n = 1;
	int rc;

	p[0].fd = fileno(stdin);
	p[0].events = POLLIN;
	p[0].revents = 0;
	if (b->keys.watch_fd >= 0) {
		p[1].fd = b->keys.watch_fd;
		p[1].events = POLLIN;
		p[1].revents = 0;
		n = 2;
	}
	rc = poll(p, n, wait_ms(b));
	if (rc < 0)
		return true;	/* EINTR: a resize, or a stop signal */
	if (n == 2 && (p[1].revents & POLLIN)) {
		watch_drain(b);
		b->keys.watch_again = RECHECKS;
		return false;
	}
	return rc > 0;
}

int
term_key(struct board *b)
{
	wint_t wc;
	int rc;

	if (term_stop)
		return BOARD_EOF;
	if (b->keys.script != NULL)
		return script_key(b);
	for (;;) {
		/* Non-blocking: what curses holds or the terminal has. */
		rc = wget_wch(b->term.input, &wc);
		if (term_stop)
			return BOARD_EOF;
		if (rc != ERR)
			break;
		if (input_gone(fileno(stdin))) {
			term_stop = 1;
			return BOARD_EOF;
		}
		if (!wait_input(b))
			return term_stop ? BOARD_EOF : BOARD_TIMEOUT;
	}
	if (rc == KEY_CODE_YES) {
		if (wc == KEY_RESIZE)
			return BOARD_RESIZE;
		if (wc == TERM_PASTE_BEGIN) {
			paste_read(b);
			return paste_key(b);
		}
		if (wc == TERM_PASTE_END)
			return BOARD_TIMEOUT;
		return keymap_key_normalize(KEYMAP_FKEY((int)wc));
	}
#ifdef PARBOARD_TEST_HOOKS
	/* PARBOARD_TEST_OOM: Z runs out of memory (tests/tui/tmux.sh
	 * checks the terminal comes back). */
	if (wc == L'Z' && getenv("PARBOARD_TEST_OOM") != NULL)
		free(xmalloc((size_t)-1 / 2));
#endif
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
	define_key("\033[200~", TERM_PASTE_BEGIN);
	define_key("\033[201~", TERM_PASTE_END);
	/* The keypad's + and - in PuTTY's keypad mode (issue 8). */
	define_key("\033Ok", '+');
	define_key("\033Om", '-');
}

/* Bracketed paste (xterm's mode 2004; PuTTY, tmux and most terminals
 * have it): a paste arrives between ESC [ 200 ~ and ESC [ 201 ~, so it
 * can be told from typing.  On while the board runs; a terminal without
 * it ignores the request. */
static void
paste_mode(struct board *b, bool on)
{
	if (b->keys.script != NULL)
		return;
	fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	fflush(stdout);
}

/* Wide characters need a UTF-8 locale; a server where LANG is unset still
 * gets one, since Vietnamese text needs it whatever the locale.
 * LC_MESSAGES stays as i18n.c set it: under LANG=C (or none) it would be
 * "C", and gettext would ignore the chosen language. */
/* Out of memory on the board: the terminal as it was before parboard
 * (the allocation helpers then say so and stop).  Nothing here
 * allocates more. */
static void
term_oom(void)
{
	static const char off[] = "\033[?2004l";

	endwin();
	fflush(stdout);
	if (write(STDOUT_FILENO, off, sizeof off - 1) < 0) {
		/* nothing more can be done */
	}
}

void
term_locale_init(void)
{
	const char *cs;

	setlocale(LC_CTYPE, "");
	setlocale(LC_COLLATE, "");
	setlocale(LC_NUMERIC, "C");
	cs = nl_langinfo(CODESET);
	if (cs == NULL || strcmp(cs, "UTF-8") != 0)
		if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
			setlocale(LC_CTYPE, "en_US.UTF-8");
}

/* The window keys are read from.  wget_wch refreshes a window touched
 * since its last refresh: a new one would paint its blank cell over the
 * header's first character on the first key wait, so it goes to the
 * virtual screen now, before anything is drawn over it.  After a resize
 * it is made again: on a 1x1 screen it touches the screen's edges, so
 * resize_term() grows it with the screen, and the next key wait would
 * paint the grown part, blank, over the whole board (all but column 0). */
void
term_input_reset(struct board *b)
{
	if (b->term.input != NULL && b->term.input != stdscr)
		delwin(b->term.input);
	b->term.input = newwin(1, 1, 0, 0);
	if (b->term.input == NULL)
		b->term.input = stdscr;	/* never: 1x1 always fits */
	keypad(b->term.input, TRUE);
	wtimeout(b->term.input, 0);	/* term_key() waits in poll() */
	wnoutrefresh(b->term.input);
}

/* The test hooks: PARBOARD_KEYS names a file of scripted keys and
 * PARBOARD_DUMP the file the screens are written to (and with
 * PARBOARD_TEST_OOM, Z runs out of memory).  They exist only in
 * the test build (src/parboard-test, this file compiled with
 * -DPARBOARD_TEST_HOOKS); the installed program reads neither. */
const char *
term_test_keys(void)
{
#ifdef PARBOARD_TEST_HOOKS
	return getenv("PARBOARD_KEYS");
#else
	return NULL;
#endif
}

static const char *
term_test_dump(void)
{
#ifdef PARBOARD_TEST_HOOKS
	return getenv("PARBOARD_DUMP");
#else
	return NULL;
#endif
}

int
term_open(struct board *b, char **err)
{
	const char *keys = term_test_keys();
	const char *dump = term_test_dump();
	const char *term = getenv("TERM");
	const char *esc = getenv("ESCDELAY");
	char *cup;

	/* Before newterm(), which installs its own SIGINT and SIGTERM
	 * handlers (they exit at once) only where none is set. */
	signals_install();
	if (keys != NULL && *keys != '\0') {
		b->keys.script = fopen(keys, "r");
		if (b->keys.script == NULL)
			return fail(err, "%s: %s", keys, strerror(errno));
		b->keys.script_name = xstrdup(keys);
		if (dump != NULL && *dump != '\0' &&
		    (b->keys.dump = fopen(dump, "w")) == NULL)
			return fail(err, "%s: %s", dump, strerror(errno));
		/* Output nowhere, input never read: the script is the
		 * keyboard and the dump is the screen. */
		b->term.tty_out = fopen("/dev/null", "w");
		b->term.tty_in = fopen("/dev/null", "r");
		if (b->term.tty_out == NULL || b->term.tty_in == NULL)
			return fail(err, "/dev/null: %s", strerror(errno));
		b->term.screen = newterm(term != NULL && *term ? term : "vt100",
		    b->term.tty_out, b->term.tty_in);
	} else {
		b->term.screen = newterm(NULL, stdout, stdin);
		watch_open(b);
	}
	if (b->term.screen == NULL)
		return fail(err, _("cannot use terminal type '%s'"),
		    term != NULL ? term : _("(unset)"));
	set_term(b->term.screen);
	xalloc_oom_set(b->keys.script != NULL ? NULL : term_oom);
	/* A terminal that cannot move the cursor (TERM=dumb, a bare serial
	 * line) would show the board as one smeared line: say so instead. */
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		endwin();
		delscreen(b->term.screen);
		b->term.screen = NULL;
		return fail(err, _("terminal type '%s' cannot move the cursor; "
		    "set TERM to your terminal (xterm, screen, vt100)"),
		    term != NULL ? term : _("(unset)"));
	}
	set_escdelay(esc != NULL && atoi(esc) > 0 ? atoi(esc) : 150);
	cbreak();
	noecho();
	nonl();
	curs_set(0);
	define_keys();
	paste_mode(b, true);
	term_input_reset(b);
	return 0;
}

/* ncurses 6.4 flushes its output at every cursor move until the screen
 * has once been left and resumed (the ewInitial state of its
 * _nc_mvcur): each repaint would go out as a write(2) per move, over ssh
 * a packet each.  Leaving and resuming once, after the colours are set
 * (the blank screen it clears to is then the board's) and before
 * anything is drawn, makes it send a whole frame in one write. */
void
term_buffer_frames(void)
{
	def_prog_mode();
	endwin();
	doupdate();
}

void
term_close(struct board *b)
{
	free(b->prompt.paste);
	b->prompt.paste = NULL;
	b->prompt.npaste = b->prompt.paste_cap = 0;
	watch_close(b);
	if (b->term.screen == NULL) {
		signals_restore();
		return;
	}
	if (b->term.input != NULL && b->term.input != stdscr)
		delwin(b->term.input);
	b->term.input = NULL;
	curs_set(1);
	endwin();
	paste_mode(b, false);
	xalloc_oom_set(NULL);
	delscreen(b->term.screen);
	b->term.screen = NULL;
	signals_restore();
}

