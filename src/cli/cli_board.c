/* SPDX-License-Identifier: ISC */
/* cli_board.c: the board from the command line -- on the database, or
 * with --demo on the bundled sample in a throw-away database. */

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "board.h"
#include "cli_impl.h"
#include "date.h"
#include "i18n.h"
#include "import.h"
#include "paths.h"
#include "priv.h"

/* The bundled sample opened by --demo, and the date it pins. */
#define DEMO_APPENDIX "hien-thanh-103-2023.txt"
#define DEMO_TODAY "2023-09-13"

/* Where the bundled samples are: $PARBOARD_DATADIR, the share/ of the
 * build tree the program runs from (util_build_tree), or the installed
 * data. */
static char *
sample_path(const char *name)
{
	char top[PATH_MAX], build[PATH_MAX + 8];
	const char *dirs[] = { getenv("PARBOARD_DATADIR"), NULL,
		PKGDATADIR };
	struct stat st;
	size_t i;
	char *p;

	if (util_build_tree(top, sizeof top)) {
		snprintf(build, sizeof build, "%s/share", top);
		dirs[1] = build;
	}
	for (i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		if (dirs[i] == NULL || dirs[i][0] == '\0')
			continue;
		p = xasprintf("%s/samples/%s", dirs[i], name);
		if (stat(p, &st) == 0)
			return p;
		free(p);
	}
	return NULL;
}

/* The board needs a terminal on both sides: read from /dev/null it would
 * wait for keys that never come, and written to a file it would fill it
 * with escape sequences.  `ssh server parboard` gives it neither (ssh
 * allocates no terminal for a command): say to use ssh -t.  The headless
 * test mode (PARBOARD_KEYS) needs none. */
int
cli_board_tty_check(char **err)
{
	const char *keys = term_test_keys();
	const char *ssh = getenv("SSH_CONNECTION");

	if (keys != NULL && *keys != '\0')
		return 0;
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		return 0;
	if (ssh != NULL && *ssh != '\0' && !isatty(STDIN_FILENO))
		return fail(err, "%s", _("no terminal: the board needs one; "
		    "connect with ssh -t (ssh -t SERVER parboard)"));
	if (!isatty(STDIN_FILENO))
		return fail(err, "%s", _("standard input is not a terminal: "
		    "the board needs one (for text, use parboard list or "
		    "parboard report)"));
	return fail(err, "%s", _("standard output is not a terminal: "
	    "the board needs one (for text, use parboard list or "
	    "parboard report)"));
}

int
cli_board(const struct config *c, const struct options *o)
{
	struct store *s;
	char *err = NULL;
	int rc;

	if (cli_open_store(c, o, &s, &err) != 0)
		return cli_runtime_error(err);
	rc = board_run(s, c, o->plan, o->view, &err);
	store_close(s);
	return rc == 0 ? 0 : cli_runtime_error(err);
}

/* The board on the bundled sample in a throw-away database: the user's
 * own database is never opened. */
int
cli_demo(const struct config *c, const struct options *o)
{
	char *files[1], *err = NULL, *db;
	char dir[] = "/tmp/parboard-demo.XXXXXX";
	struct import_opts io = { false, NULL, NULL, NULL, NULL, NULL, true };
	struct store *s;
	int rc;

	/* The demo opens no shared database: no group needed. */
	if (priv_drop(&err) != 0)
		return cli_runtime_error(err);
	/* The letter alone: its body gives the directives. */
	files[0] = sample_path(DEMO_APPENDIX);
	if (files[0] == NULL)
		return cli_runtime_error(xasprintf(_("bundled sample not found "
		    "(looked in $PARBOARD_DATADIR and %s)"), PKGDATADIR));
	/* The demo's day (or --today's): its throw-away writes keep no
	 * clock beside it. */
	today_set_sample(o->today[0] != '\0' ? o->today : DEMO_TODAY);
	if (mkdtemp(dir) == NULL) {
		free(files[0]);
		return cli_runtime_error(xasprintf("%s: %s", dir,
		    strerror(errno)));
	}
	db = xasprintf("%s/demo.db", dir);
	io.out = fopen("/dev/null", "w");
	io.warn = io.out;
	rc = io.out ? 0 : fail(&err, "/dev/null: %s", strerror(errno));
	if (rc == 0)
		rc = store_open(db, true, &s, &err);
	if (rc == 0) {
		rc = import_files(s, c, files, 1, &io, &err);
		if (rc == 0)
			rc = board_run(s, c, NULL, o->view, &err);
		store_close(s);
	}
	if (io.out != NULL)
		fclose(io.out);
	cli_remove_db(db);
	rmdir(dir);
	free(db);
	free(files[0]);
	return rc == 0 ? 0 : cli_runtime_error(err);
}
