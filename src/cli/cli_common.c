/* SPDX-License-Identifier: ISC */
/* cli_common.c: what the sub-commands share -- the errors they print,
 * the options they check, and the opening of the database and the
 * plan (cli_impl.h). */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_impl.h"
#include "i18n.h"
#include "output.h"
#include "perm.h"
#include "priv.h"
#include "text.h"

int
cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	/* Arguments quoted in the message are data: the one sanitiser. */
	fputs("parboard: ", stderr);
	va_start(ap, fmt);
	out_vprintf(stderr, false, fmt, ap);
	va_end(ap);
	fputs("\n", stderr);
	cli_usage(stderr);
	return EXIT_USAGE;
}

int
cli_runtime_error(char *err)
{
	const char *line = err ? err : _("unknown error");
	const char *nl;

	/* Several messages (config errors) come one per line. */
	char *one, *safe;

	while (*line != '\0') {
		nl = strchr(line, '\n');
		/* File names and cells quoted in messages are data: shown
		 * through the one sanitiser. */
		one = xstrndup(line, nl ? (size_t)(nl - line) : strlen(line));
		safe = text_safe(one, false);
		fprintf(stderr, "parboard: %s\n", safe);
		free(safe);
		free(one);
		if (nl == NULL)
			break;
		line = nl + 1;
	}
	free(err);
	return EXIT_RUNTIME;
}

/* Only the options that go with cmd (cli_table.def) may appear; name is
 * cmd as the message says it. */
int
cli_check_given(const struct options *o, const char *name, enum cli_cmd cmd)
{
	int bad = cli_misplaced(o->given, cmd);

	if (bad < 0)
		return 0;
	fprintf(stderr, "parboard: ");
	fprintf(stderr, _("%s: option %s does not apply\n"), name,
	    cli_option_name((enum cli_opt)bad));
	cli_usage(stderr);
	return EXIT_USAGE;
}

/* Remove a database with its WAL and journal files. */
void
cli_remove_db(const char *db)
{
	static const char *const suffix[] = { "", "-wal", "-shm",
		"-journal" };
	size_t i;
	char *p;

	for (i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		p = xasprintf("%s%s", db, suffix[i]);
		unlink(p);
		free(p);
	}
}

/* --today in the shared install: whatever the command, the store
 * refuses to write (the command line refused the commands that write;
 * the board opens read-only and says why).  Else a store that opened
 * read-only is told why, when we can tell (priv_readonly_why), for the
 * board to say. */
void
cli_pin_guard(const struct options *o, struct store *s)
{
	char *why;

	if (o->pin_readonly && s != NULL)
		store_set_readonly(s, _("--today pins the date, and the shared "
		    "install records changes only on the clock's date"));
	else if (s != NULL && store_readonly(s) &&
	    (why = priv_readonly_why(store_path(s))) != NULL) {
		store_set_readonly_why(s, why);
		free(why);
	}
}

static void
backup_warn(void *arg, const char *why)
{
	(void)arg;
	fprintf(stderr, _("parboard: warning: the daily backup was not "
	    "written: %s\n"), why);
}

/* The daily backups of the database at path into the configured folder
 * (none when the database is fresh), a failure said on stderr.  The
 * setgid install makes today's copy now, while it holds the group that
 * owns the folder (a store that cli_pin_guard made read-only makes none);
 * then, once the database is open (store_open keeps and opens its -wal
 * and -shm files), the group is given up for good, before anything a
 * user names is opened (priv.h).  On failure s is closed. */
int
cli_settle_store(const struct config *c, struct store *s, const char *path,
    bool fresh, char **err)
{
	char *dir = config_backup_dir(c, path);

	/* A database just created has nothing to copy, and the folder
	 * may not be written once the group is given up. */
	store_set_backup(s, fresh ? NULL : dir, c->backup_keep);
	store_on_backup_error(s, backup_warn, NULL);
	free(dir);
	if (priv_elevated())
		store_backup_daily(s);
	if (priv_drop(err) != 0) {
		store_close(s);
		return -1;
	}
	return 0;
}

/* The one opening of a database for a change: store_open, then
 * cli_pin_guard, then cli_settle_store (the group given up).  On
 * failure nothing stays open. */
int
cli_open_settled(const struct config *c, const struct options *o,
    const char *path, bool create, struct store **s, char **err)
{
	if (store_open(path, create, s, err) != 0)
		return -1;
	cli_pin_guard(o, *s);
	if (cli_settle_store(c, *s, path, false, err) != 0) {
		*s = NULL;
		return -1;
	}
	return 0;
}

/* The database of list, set, report and the board: it must exist
 * (store_open says to import first when it does not). */
int
cli_open_store(const struct config *c, const struct options *o,
    struct store **s, char **err)
{
	char *path = config_database_path(c, o->database);
	int rc = cli_open_settled(c, o, path, false, s, err);

	free(path);
	return rc;
}

static int
get_plan(struct store *s, const struct options *o, struct plan *p,
    char **err)
{
	int rc = store_plan_get(s, o->plan, p, err);

	if (rc == 1 && o->plan != NULL)
		return fail(err, _("no plan named \"%s\""), o->plan);
	if (rc == 1)
		return fail(err, "%s", _("no plan imported yet"));
	return rc;
}

/* The end of a command that opened the plan: both closed, rc said. */
int
cli_close_plan(struct store *s, struct plan *p, int rc, char *err)
{
	plan_clear(p);
	store_close(s);
	return rc == 0 ? 0 : cli_runtime_error(err);
}

int
cli_need_person(const char *cmd)
{
	const struct perm *p = perm_self();

	if (!perm_needs_person(p))
		return 0;
	return cli_usage_error(_("%s: %s is a shared login: say who you are "
	    "with --by NAME"), cmd, p->account);
}

int
cli_open_task(const struct config *c, const struct options *o,
    const char *spec, struct store **s, struct plan *p, long *id,
    char **err)
{
	int rc;

	if (cli_open_store(c, o, s, err) != 0)
		return -1;
	rc = get_plan(*s, o, p, err);
	if (rc == 0 && spec != NULL) {
		rc = store_task_find(*s, p->id, spec, id, err);
		if (rc == 1)
			rc = fail(err, _("no task '%s' in plan \"%s\""), spec,
			    p->name);
	}
	if (rc != 0) {
		plan_clear(p);
		store_close(*s);
	}
	return rc;
}

bool
cli_format(const char *name, bool document, enum format *fmt)
{
	if (name == NULL)
		return true;
	if (!format_parse(name, fmt))
		return false;
	if (document)
		return *fmt != FORMAT_TSV && *fmt != FORMAT_JSON;
	return *fmt != FORMAT_MARKDOWN && *fmt != FORMAT_HTML;
}
