/* SPDX-License-Identifier: ISC */
/* main.c: options and sub-commands.  The only place that prints errors
 * and chooses the exit status: 0 success, 1 runtime error, 2 usage. */

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "board.h"
#include "cli_table.h"
#include "config.h"
#include "core.h"
#include "date.h"
#include "evidence.h"
#include "filemode.h"
#include "i18n.h"
#include "import.h"
#include "keymap.h"
#include "minutes.h"
#include "output.h"
#include "paths.h"
#include "perm.h"
#include "priv.h"
#include "report.h"
#include "store.h"
#include "text.h"
#include "util.h"
#include "words.h"

#define EXIT_RUNTIME 1
#define EXIT_USAGE 2

/* The bundled sample opened by --demo, and the date it pins. */
#define DEMO_APPENDIX "hien-thanh-103-2023.txt"
#define DEMO_DIRECTIVES "hien-thanh-directives.tsv"
#define DEMO_TODAY "2023-09-13"

struct options {
	const char *config, *database, *plan;
	const char *dump_keys, *dump_options, *dump_settings;
	const char *role, *status, *format, *note, *since;
	const char *by;		/* --by: the person on a shared login */
	char today[11], since_iso[11];
	bool demo, dry_run, overdue, view;
	/* --today in the shared install: the database is opened read-only
	 * (decided while the group is held: priv_elevated). */
	bool pin_readonly;
	/* evidence, minutes, ticks */
	const char *chair, *number, *date, *issuer, *summary, *file;
	char date_iso[11];
	bool no_evidence, evidence, record, is_signed;
	/* Which sub-command options were given, to reject misplaced ones. */
	cli_optset given;
};

static int usage_error(const char *fmt, ...) PB_PRINTF(1, 2);

static int
usage_error(const char *fmt, ...)
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

static int
runtime_error(char *err)
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
static int
check_given(const struct options *o, const char *name, enum cli_cmd cmd)
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

/* Remove a database with its WAL and journal files. */
static void
remove_db(const char *db)
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
static void
pin_guard(const struct options *o, struct store *s)
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

/* Whether cmd (with its arguments) changes the database. */
static bool
cmd_writes(const char *cmd, const struct options *o, int argc,
    char **argv)
{
	static const char *const writers[] = { "set", "tick", "untick" };
	size_t i;

	if (strcmp(cmd, "import") == 0)
		return !o->dry_run;
	if (strcmp(cmd, "minutes") == 0)
		return o->record;
	if (strcmp(cmd, "evidence") == 0)
		return argc > 0 && (strcmp(argv[0], "add") == 0 ||
		    strcmp(argv[0], "remove") == 0);
	for (i = 0; i < sizeof writers / sizeof writers[0]; i++)
		if (strcmp(cmd, writers[i]) == 0)
			return true;
	return false;
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
 * owns the folder (a store that pin_guard made read-only makes none);
 * then, once the database is open (store_open keeps and opens its -wal
 * and -shm files), the group is given up for good, before anything a
 * user names is opened (priv.h).  On failure s is closed. */
static int
settle_store(const struct config *c, struct store *s, const char *path,
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

/* The database of list, set, report and the board: it must exist
 * (store_open says to import first when it does not). */
static int
open_store(const struct config *c, const struct options *o,
    struct store **s, char **err)
{
	char *path = config_database_path(c, o->database);
	int rc = store_open(path, false, s, err);

	if (rc == 0)
		pin_guard(o, *s);
	if (rc == 0 && settle_store(c, *s, path, false, err) != 0) {
		*s = NULL;
		rc = -1;
	}
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
static int
close_plan(struct store *s, struct plan *p, int rc, char *err)
{
	plan_clear(p);
	store_close(s);
	return rc == 0 ? 0 : runtime_error(err);
}

/* The summary and warnings an import printed into memory, now shown. */
static void
flush_mem(FILE *f, char **text, FILE *to)
{
	fclose(f);
	if (*text != NULL)
		fputs(*text, to);
	free(*text);
}

/* A database that did not exist: built under a temporary name beside
 * it, checkpointed and closed, then linked into place only if nothing
 * is there yet.  A failure or an interruption removes nothing but the
 * temporary file.  *raced: a database appeared meanwhile (import into
 * it instead). */
static int
import_first(const struct config *c, const struct options *o,
    const char *db, int argc, char **argv, bool *raced, char **err)
{
	struct import_opts io = { false, o->plan, NULL, NULL, NULL, NULL };
	char *tmp, *out = NULL, *warn = NULL;
	size_t nout, nwarn;
	struct store *s;
	int fd, rc;

	*raced = false;
	if (make_parent_dirs(db, err) != 0)
		return -1;
	tmp = xasprintf("%s.new-XXXXXX", db);
	if ((fd = mkstemp(tmp)) < 0) {
		rc = fail(err, "%s: %s", db, strerror(errno));
		free(tmp);
		return rc;
	}
	fchmod(fd, filemode_new(db));	/* mkstemp made it 0600 */
	close(fd);
	io.out = open_memstream(&out, &nout);
	io.warn = open_memstream(&warn, &nwarn);
	rc = store_open(tmp, true, &s, err);
	if (rc == 0) {
		rc = import_files(s, c, argv, argc, &io, err);
		if (rc == 0)
			rc = store_checkpoint(s, err);
		store_close(s);
	}
	if (rc == 0 && link(tmp, db) != 0) {
		if (errno == EEXIST)
			*raced = true;
		else
			rc = fail(err, "%s: %s", db, strerror(errno));
	}
	remove_db(tmp);
	free(tmp);
	if (rc == 0 && !*raced) {
		flush_mem(io.out, &out, stdout);
		flush_mem(io.warn, &warn, stderr);
	} else {
		fclose(io.out);
		fclose(io.warn);
		free(out);
		free(warn);
	}
	return rc;
}

/* Who acts (perm.h): the account, or on a shared login the person named
 * with --by, whom the board asks for when none is named (a --view board
 * asks no one).  The history then says "ubnd (Lan)". */
static int
identify(const struct config *c, const struct options *o, const char *cmd,
    struct perm **p)
{
	char *err = NULL, *name = NULL, *account;
	int rc = perm_identify(c, current_user(), o->by, p, &err);

	if (rc == 1) {
		rc = usage_error("%s", err);
		free(err);
		return rc;
	}
	if (rc == 0 && perm_needs_person(*p) && cmd == NULL && !o->view) {
		account = xstrdup((*p)->account);
		perm_free(*p);
		*p = NULL;
		rc = perm_ask_person(c, stdin, stdout, &name, &err);
		if (rc == 0)
			rc = perm_identify(c, account, name, p, &err);
		free(account);
		free(name);
	}
	if (rc != 0)
		return runtime_error(err);
	perm_set_self(*p);
	current_user_set((*p)->actor);
	return 0;
}

/* A change on a shared login needs --by NAME (a usage error). */
static int
need_person(const char *cmd)
{
	const struct perm *p = perm_self();

	if (!perm_needs_person(p))
		return 0;
	return usage_error(_("%s: %s is a shared login: say who you are "
	    "with --by NAME"), cmd, p->account);
}

/* The shared install's first import: its files read, the database is
 * created with the group taken back, then given up for good. */
struct first_open {
	const struct config *c;
	const char *db;
	struct store **s;
};

static int
open_first(void *arg, struct store **s, char **err)
{
	struct first_open *fo = arg;

	if (priv_resume(err) != 0 ||
	    store_open(fo->db, true, fo->s, err) != 0) {
		priv_drop(NULL);
		return -1;
	}
	if (settle_store(fo->c, *fo->s, fo->db, true, err) != 0) {
		*fo->s = NULL;
		return -1;
	}
	*s = *fo->s;
	return 0;
}

static int
cmd_import(const struct config *c, const struct options *o, int argc,
    char **argv)
{
	struct import_opts io = { o->dry_run, o->plan, stdout, stderr, NULL,
	    NULL };
	struct store *s = NULL;
	char *err = NULL, *path, *db;
	bool exists, raced = false;
	struct stat st;
	int rc;

	if (argc == 0)
		return usage_error("%s", _("import: no FILE given"));
	if (!o->dry_run && (rc = need_person("import")) != 0)
		return rc;
	if (!o->dry_run && perm_check(perm_self(), PERM_IMPORT, NULL, NULL,
	    &err) != 0)
		return runtime_error(err);
	path = config_database_path(c, o->database);
	rc = path_expand_user(path, &db, &err);
	free(path);
	if (rc != 0)
		return runtime_error(err);
	exists = stat(db, &st) == 0;
	/* Setgid, the files named are read without the group, too late to
	 * link a new database into its directory: it is created in place,
	 * once they have been read (import_opts.open). */
	if (!exists && !o->dry_run && priv_elevated()) {
		struct first_open fo = { c, db, &s };

		io.open = open_first;
		io.open_arg = &fo;
		rc = priv_suspend(&err);
		if (rc == 0)
			rc = import_files(NULL, c, argv, argc, &io, &err);
		store_close(s);
		if (priv_drop(rc == 0 ? &err : NULL) != 0)
			rc = -1;
		free(db);
		return rc == 0 ? 0 : runtime_error(err);
	}
	if (!exists && !o->dry_run) {
		rc = import_first(c, o, db, argc, argv, &raced, &err);
		if (rc != 0 || !raced) {
			free(db);
			return rc == 0 ? 0 : runtime_error(err);
		}
		exists = true;
	}
	/* A dry run reads the database if there is one, never creates it. */
	if ((exists || !o->dry_run) &&
	    store_open(db, !exists, &s, &err) != 0) {
		free(db);
		return runtime_error(err);
	}
	pin_guard(o, s);
	if (s != NULL && !o->dry_run &&
	    settle_store(c, s, db, false, &err) != 0) {
		free(db);
		return runtime_error(err);
	}
	if (priv_drop(&err) != 0) {	/* a dry run: as in settle_store */
		store_close(s);
		free(db);
		return runtime_error(err);
	}
	rc = import_files(s, c, argv, argc, &io, &err);
	if (s != NULL)
		store_close(s);
	free(db);
	return rc == 0 ? 0 : runtime_error(err);
}

static int
cmd_backup(const struct config *c, const struct options *o, int argc,
    char **argv)
{
	struct store *s;
	char *err = NULL, *dest;
	int rc;

	if (argc != 1)
		return usage_error("%s", _("backup: expected FILE"));
	if (path_expand_user(argv[0], &dest, &err) != 0)
		return runtime_error(err);
	if ((rc = open_store(c, o, &s, &err)) == 0) {
		rc = store_backup(s, dest, &err);
		store_close(s);
	}
	if (rc == 0)
		out_printf(stdout, _("%s: backup written\n"), dest);
	free(dest);
	return rc == 0 ? 0 : runtime_error(err);
}

/* One problem of store_check as a line of check's output: a damaged row
 * as "DB: damage: COLUMNS", what is no damage as "warning: ...". */
static void
check_print(const char *db, const struct store_problem *p)
{
	static const char *const what[] = {
		[STORE_ROW_HISTORY] = N_("history row"),
		[STORE_ROW_MEETING] = N_("meeting"),
		[STORE_ROW_DOCUMENT] = N_("document"),
		[STORE_ROW_OCCURRENCE] = N_("occurrence"),
	};
	char *safe, *f, *w;
	size_t i;

	switch (p->kind) {
	case STORE_PROBLEM_DAMAGE:
		printf("%s: ", db);
		fputs(_("damage: "), stdout);
		for (i = 0; i < p->ncols; i++) {
			safe = text_safe(p->cols[i] ? p->cols[i] : "NULL",
			    false);
			printf("%s%s", i ? " " : "", safe);
			free(safe);
		}
		putchar('\n');
		break;
	case STORE_PROBLEM_FINDING:
		w = finding_text(&p->finding);
		f = p->finding.line > 0 ? xasprintf("%s:%d: %s", p->file ?
		    p->file : "-", p->finding.line, w) : xasprintf("%s: %s",
		    p->file ? p->file : "-", w);
		free(w);
		safe = text_safe(f, false);
		fputs(_("warning: "), stdout);
		printf("%s\n", safe);
		free(safe);
		free(f);
		break;
	case STORE_PROBLEM_PINNED:
		fputs(_("warning: "), stdout);
		printf(_("%s %lld is dated %s but was written %s "
		    "(--today)\n"), _(what[p->table]), (long long)p->id,
		    p->dated, p->written);
		break;
	}
}

static int
cmd_check(const struct config *c, const struct options *o)
{
	struct store *s;
	struct store_problem *v;
	long damage = 0, warnings = 0;
	char *err = NULL;
	size_t i, n;
	int rc;

	if (open_store(c, o, &s, &err) != 0)
		return runtime_error(err);
	rc = store_check(s, &v, &n, &err);
	for (i = 0; rc == 0 && i < n; i++) {
		check_print(store_path(s), &v[i]);
		if (v[i].kind == STORE_PROBLEM_DAMAGE)
			damage++;
		else
			warnings++;
	}
	if (rc == 0)
		store_problems_free(v, n);
	store_close(s);
	if (rc != 0)
		return runtime_error(err);
	if (damage > 0) {
		printf(ngettext("%ld problem: the database is damaged; "
		    "restore a backup\n", "%ld problems: the database is "
		    "damaged; restore a backup\n", damage), damage);
		return EXIT_RUNTIME;
	}
	printf(ngettext("no damage found (%ld warning)\n",
	    "no damage found (%ld warnings)\n", warnings), warnings);
	return 0;
}

static int
cmd_list(const struct config *c, const struct options *o)
{
	struct filter f = { o->role, -1, o->overdue, NULL };
	enum format fmt = FORMAT_TEXT;
	struct store *s;
	struct plan p = { 0 };
	enum status st;
	char *err = NULL;
	int rc;

	if (o->format && (!format_parse(o->format, &fmt) ||
	    fmt == FORMAT_MARKDOWN || fmt == FORMAT_HTML))
		return usage_error(_("list: unknown format '%s' (text, tsv, "
		    "csv or json)"), o->format);
	if (o->status) {
		if (!status_parse(o->status, &st))
			return usage_error(_("unknown status '%s' (todo, "
			    "doing, done or blocked)"), o->status);
		f.status = (int)st;
	}
	if (o->role) {
		if (config_role(c, o->role) == NULL)
			return usage_error(_("unknown role '%s'"), o->role);
		f.role = config_role(c, o->role)->id;	/* "ca" → "CA" */
	}
	if (open_store(c, o, &s, &err) != 0)
		return runtime_error(err);
	rc = get_plan(s, o, &p, &err);
	if (rc == 0)
		rc = report_list(s, c, &p, &f, fmt, stdout, &err);
	return close_plan(s, &p, rc, err);
}

/* CODE/ROLE names the appendix task when a directive shares them: say
 * which others it could have meant, so nobody closes the wrong one. */
static void
note_namesakes(struct store *s, const struct plan *p, const char *spec,
    long chosen)
{
	struct filter f = { NULL, -1, false, NULL };
	struct task me, *t;
	struct buf b = { 0 };
	size_t n, i;

	/* The chosen task's own code and role, however the user spelled
	 * them ("1.7/ca"). */
	if (strchr(spec, '/') == NULL ||
	    store_task_get(s, chosen, &me, NULL) != 0)
		return;
	f.role = me.role;
	if (me.code != NULL && store_tasks(s, p->id, &f, &t, &n, NULL) == 0) {
		for (i = 0; i < n; i++)
			if (t[i].id != chosen && t[i].code != NULL &&
			    strcmp(t[i].code, me.code) == 0)
				buf_addf(&b, "%s%ld (%s)", b.len ? ", " : "",
				    t[i].id, words_origin(t[i].origin));
		tasks_free(t, n);
	}
	if (b.len > 0) {
		fputs("parboard: ", stderr);
		out_printf(stderr, _("note: %s also names task %s; set it by "
		    "its id\n"), spec, b.data);
	}
	buf_free(&b);
	task_clear(&me);
}

/* Open the store and the plan, and find TASK (spec) when not NULL. */
static int
open_task(const struct config *c, const struct options *o,
    const char *spec, struct store **s, struct plan *p, long *id,
    char **err)
{
	int rc;

	if (open_store(c, o, s, err) != 0)
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

static int
cmd_minutes(const struct config *c, const struct options *o, int argc,
    char **argv)
{
	struct minutes_opts mo = { 0 };
	struct store *s;
	struct plan p = { 0 };
	char *err = NULL, real[11], d1[16], d2[16];
	int rc;

	mo.fmt = FORMAT_TEXT;
	if (argc > 0)
		return usage_error(_("minutes: unexpected argument '%s'"),
		    argv[0]);
	if (o->format && (!format_parse(o->format, &mo.fmt) ||
	    mo.fmt == FORMAT_TSV || mo.fmt == FORMAT_JSON))
		return usage_error(_("minutes: unknown format '%s' (text, "
		    "markdown, html or csv)"), o->format);
	if (o->record && o->since)
		return usage_error("%s", _("minutes: --since never records; "
		    "leave out --record"));
	/* Whatever --today says: a meeting recorded ahead would empty
	 * everyone's "since the last meeting" until that day. */
	today_real(real);
	if (o->record && strcmp(today(), real) > 0)
		return usage_error(_("minutes: --record: a meeting cannot be "
		    "recorded in the future (%s is after today, %s)"),
		    i18n_date(today(), d1, sizeof d1),
		    i18n_date(real, d2, sizeof d2));
	mo.since = o->since ? o->since_iso : NULL;
	mo.chair = o->chair;
	mo.record = o->record;
	if (open_task(c, o, NULL, &s, &p, NULL, &err) != 0)
		return runtime_error(err);
	rc = minutes_print(s, c, &p, &mo, stdout, &err);
	return close_plan(s, &p, rc, err);
}

static int
evidence_add(const struct config *c, const struct options *o, int argc,
    char **argv)
{
	struct evidence e = { 0 };
	struct core_result r = { 0 };
	struct store *s;
	struct plan p = { 0 };
	char *err = NULL;
	long id = 0;
	int rc;

	if (argc != 1)
		return usage_error("%s", _("evidence add: expected TASK"));
	if (o->number == NULL || o->date == NULL)
		return usage_error("%s", _("evidence add: --number and --date "
		    "are required"));
	e.number = (char *)o->number;
	e.day = (char *)o->date_iso;
	e.issuer = (char *)o->issuer;
	e.summary = (char *)o->summary;
	e.file = (char *)o->file;
	e.is_signed = o->is_signed;
	if ((rc = need_person("evidence add")) != 0)
		return rc;
	if (open_task(c, o, argv[0], &s, &p, &id, &err) != 0)
		return runtime_error(err);
	rc = core_evidence_add(s, perm_self(), id, &e, &r, &err);
	if (rc == 0)
		printf(_("document %ld added to task %ld\n"), r.id, id);
	return close_plan(s, &p, rc, err);
}

static int
evidence_cmd_list(const struct config *c, const struct options *o,
    int argc, char **argv)
{
	enum format fmt = FORMAT_TEXT;
	struct store *s;
	struct plan p = { 0 };
	char *err = NULL;
	long id = 0;
	int rc;

	if (argc > 1)
		return usage_error(_("evidence list: unexpected argument '%s'"),
		    argv[1]);
	if (o->format && (!format_parse(o->format, &fmt) ||
	    fmt == FORMAT_MARKDOWN || fmt == FORMAT_HTML))
		return usage_error(_("evidence list: unknown format '%s' "
		    "(text, tsv, csv or json)"), o->format);
	if (open_task(c, o, argc ? argv[0] : NULL, &s, &p, &id, &err) != 0)
		return runtime_error(err);
	rc = evidence_print(s, &p, id, fmt, stdout, &err);
	return close_plan(s, &p, rc, err);
}

static int
evidence_remove(const struct config *c, const struct options *o, int argc,
    char **argv)
{
	struct store *s;
	struct plan p = { 0 };
	char *err = NULL, *end;
	long id;
	int rc;

	if (argc != 1)
		return usage_error("%s", _("evidence remove: expected ID"));
	id = strtol(argv[0], &end, 10);
	if (*end != '\0' || id <= 0)
		return usage_error(_("evidence remove: bad document number "
		    "'%s'"), argv[0]);
	if ((rc = need_person("evidence remove")) != 0)
		return rc;
	if (open_task(c, o, NULL, &s, &p, NULL, &err) != 0)
		return runtime_error(err);
	rc = core_evidence_remove(s, perm_self(), p.id, id, &err);
	if (rc == CORE_NONE)
		rc = fail(&err, _("no document %ld in plan \"%s\""), id,
		    p.name);
	return close_plan(s, &p, rc, err);
}

static int
cmd_evidence(const struct config *c, const struct options *o, int argc,
    char **argv)
{
	const char *sub = argc > 0 ? argv[0] : "";
	int rc;

	if (strcmp(sub, "add") == 0) {
		if ((rc = check_given(o, "evidence add",
		    CLI_CMD_EV_ADD)) != 0)
			return rc;
		return evidence_add(c, o, argc - 1, argv + 1);
	}
	if (strcmp(sub, "list") == 0) {
		if ((rc = check_given(o, "evidence list",
		    CLI_CMD_EV_LIST)) != 0)
			return rc;
		return evidence_cmd_list(c, o, argc - 1, argv + 1);
	}
	if (strcmp(sub, "remove") == 0) {
		if ((rc = check_given(o, "evidence remove",
		    CLI_CMD_EV_REMOVE)) != 0)
			return rc;
		return evidence_remove(c, o, argc - 1, argv + 1);
	}
	return usage_error("%s", _("evidence: expected add, list or remove"));
}

static int
cmd_tick(const struct config *c, const struct options *o, const char *cmd,
    int argc, char **argv)
{
	struct store *s;
	struct plan p = { 0 };
	char *err = NULL;
	long id = 0;
	int rc;

	if (argc != 1)
		return usage_error(_("%s: expected TASK"), cmd);
	if ((rc = need_person(cmd)) != 0)
		return rc;
	if (open_task(c, o, argv[0], &s, &p, &id, &err) != 0)
		return runtime_error(err);
	if (strcmp(cmd, "tick") == 0)
		rc = core_tick(s, perm_self(), id, o->date ? o->date_iso :
		    today(), o->note, &err);
	else
		rc = core_untick(s, perm_self(), id, NULL, &err);
	if (rc == CORE_NO_TARGET)
		rc = fail(&err, _("task %s has no counted target"), argv[0]);
	else if (rc == CORE_NONE)
		rc = fail(&err, _("task %s has no occurrence in the current "
		    "period"), argv[0]);
	return close_plan(s, &p, rc, err);
}

static int
cmd_set(const struct config *c, const struct options *o, int argc,
    char **argv)
{
	struct core_opts co = { .note = o->note,
	    .no_evidence = o->no_evidence };
	struct store *s;
	struct plan p = { 0 };
	enum status st;
	char *err = NULL;
	long id = 0;
	int rc;

	if (argc != 2)
		return usage_error("%s", _("set: expected TASK STATUS"));
	if (!status_parse(argv[1], &st))
		return usage_error(_("unknown status '%s' (todo, doing, done "
		    "or blocked)"), argv[1]);
	if ((rc = need_person("set")) != 0)
		return rc;
	if (open_task(c, o, argv[0], &s, &p, &id, &err) != 0)
		return runtime_error(err);
	rc = core_set_status(s, perm_self(), id, st, &co, NULL, &err);
	/* A task linked to a criterion is done only with a document that
	 * proves it, or when the user says --no-evidence. */
	if (rc == CORE_NO_DOCUMENT)
		rc = fail(&err, _("task %s has no document that proves it: "
		    "add one with parboard evidence add, or mark it done with "
		    "--no-evidence"), argv[0]);
	if (rc == 0)
		note_namesakes(s, &p, argv[0], id);
	return close_plan(s, &p, rc, err);
}

static int
cmd_report(const struct config *c, const struct options *o)
{
	enum format fmt = FORMAT_TEXT;
	struct store *s;
	struct plan p = { 0 };
	char *err = NULL;
	int rc;

	if (o->format && (!format_parse(o->format, &fmt) ||
	    fmt == FORMAT_TSV || fmt == FORMAT_JSON))
		return usage_error(_("report: unknown format '%s' (text, "
		    "markdown, html or csv)"), o->format);
	if (o->evidence && o->since)
		return usage_error("%s", _("report: --since does not apply "
		    "with --evidence"));
	if (open_store(c, o, &s, &err) != 0)
		return runtime_error(err);
	rc = get_plan(s, o, &p, &err);
	if (rc == 0 && o->evidence)
		rc = evidence_report(s, c, &p, fmt, stdout, &err);
	else if (rc == 0)
		rc = report_progress(s, c, &p, o->since ? o->since_iso : NULL,
		    fmt, stdout, &err);
	return close_plan(s, &p, rc, err);
}

/* The board needs a terminal on both sides: read from /dev/null it would
 * wait for keys that never come, and written to a file it would fill it
 * with escape sequences.  `ssh server parboard` gives it neither (ssh
 * allocates no terminal for a command): say to use ssh -t.  The headless
 * test mode (PARBOARD_KEYS) needs none. */
static int
board_tty_check(char **err)
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

static int
cmd_board(const struct config *c, const struct options *o)
{
	struct store *s;
	char *err = NULL;
	int rc;

	if (open_store(c, o, &s, &err) != 0)
		return runtime_error(err);
	rc = board_run(s, c, o->plan, o->view, &err);
	store_close(s);
	return rc == 0 ? 0 : runtime_error(err);
}


/* The board on the bundled sample in a throw-away database: the user's
 * own database is never opened. */
static int
cmd_demo(const struct config *c, const struct options *o)
{
	char *files[2], *err = NULL, *db;
	char dir[] = "/tmp/parboard-demo.XXXXXX";
	struct import_opts io = { false, NULL, NULL, NULL, NULL, NULL };
	struct store *s;
	int rc;

	/* The demo opens no shared database: no group needed. */
	if (priv_drop(&err) != 0)
		return runtime_error(err);
	files[0] = sample_path(DEMO_APPENDIX);
	files[1] = sample_path(DEMO_DIRECTIVES);
	if (files[0] == NULL || files[1] == NULL) {
		free(files[0]);
		free(files[1]);
		return runtime_error(xasprintf(_("bundled sample not found "
		    "(looked in $PARBOARD_DATADIR and %s)"), PKGDATADIR));
	}
	/* The demo's day (or --today's): its throw-away writes keep no
	 * clock beside it. */
	today_set_sample(o->today[0] != '\0' ? o->today : DEMO_TODAY);
	if (mkdtemp(dir) == NULL) {
		free(files[0]);
		free(files[1]);
		return runtime_error(xasprintf("%s: %s", dir,
		    strerror(errno)));
	}
	db = xasprintf("%s/demo.db", dir);
	io.out = fopen("/dev/null", "w");
	io.warn = io.out;
	rc = io.out ? 0 : fail(&err, "/dev/null: %s", strerror(errno));
	if (rc == 0)
		rc = store_open(db, true, &s, &err);
	if (rc == 0) {
		rc = import_files(s, c, files, 2, &io, &err);
		if (rc == 0)
			rc = board_run(s, c, NULL, o->view, &err);
		store_close(s);
	}
	if (io.out != NULL)
		fclose(io.out);
	remove_db(db);
	rmdir(dir);
	free(db);
	free(files[0]);
	free(files[1]);
	return rc == 0 ? 0 : runtime_error(err);
}

/* One option into o: -1 to go on, else the exit status (--help, a bad
 * value).  What each option means, the table does not say. */
static int
take_option(struct options *o, enum cli_opt id, const char *arg)
{
	const char **str[CLI_NOPTS] = {
		[CLI_OPT_PLAN] = &o->plan, [CLI_OPT_DUMP_KEYS] = &o->dump_keys,
		[CLI_OPT_DUMP_OPTIONS] = &o->dump_options,
		[CLI_OPT_DUMP_SETTINGS] = &o->dump_settings,
		[CLI_OPT_ROLE] = &o->role, [CLI_OPT_STATUS] = &o->status,
		[CLI_OPT_FORMAT] = &o->format, [CLI_OPT_NOTE] = &o->note,
		[CLI_OPT_CHAIR] = &o->chair, [CLI_OPT_NUMBER] = &o->number,
		[CLI_OPT_ISSUER] = &o->issuer, [CLI_OPT_SUMMARY] = &o->summary,
		[CLI_OPT_FILE] = &o->file,
	};
	bool *flag[CLI_NOPTS] = {
		[CLI_OPT_DEMO] = &o->demo, [CLI_OPT_VIEW] = &o->view,
		[CLI_OPT_DRY_RUN] = &o->dry_run, [CLI_OPT_OVERDUE] = &o->overdue,
		[CLI_OPT_NO_EVIDENCE] = &o->no_evidence,
		[CLI_OPT_EVIDENCE] = &o->evidence,
		[CLI_OPT_RECORD] = &o->record, [CLI_OPT_SIGNED] = &o->is_signed,
	};

	switch (id) {
	case CLI_OPT_CONFIG:
	case CLI_OPT_DATABASE:
		if (*arg == '\0')
			return usage_error(_("%s: empty file name"),
			    id == CLI_OPT_CONFIG ? "-c" : "-d");
		*(id == CLI_OPT_CONFIG ? &o->config : &o->database) = arg;
		break;
	case CLI_OPT_HELP:
		cli_help(stdout);
		return 0;
	case CLI_OPT_VERSION:
		printf("parboard %s\n", PACKAGE_VERSION);
		return 0;
	case CLI_OPT_TODAY:
		if (!date_parse(arg, o->today))
			return usage_error(_("--today: bad date '%s' "
			    "(YYYY-MM-DD)"), arg);
		today_set(o->today);
		break;
	case CLI_OPT_BY:
		if (*arg == '\0')
			return usage_error(_("%s: empty name"), "--by");
		o->by = arg;
		break;
	case CLI_OPT_SINCE:
		if (!date_parse(arg, o->since_iso))
			return usage_error(_("--since: bad date '%s'"), arg);
		o->since = arg;
		break;
	case CLI_OPT_DATE:
		if (!date_parse(arg, o->date_iso))
			return usage_error(_("--date: bad date '%s'"), arg);
		o->date = arg;
		break;
	default:
		if (str[id] != NULL)
			*str[id] = arg;
		else if (flag[id] != NULL)
			*flag[id] = true;
		break;
	}
	return -1;
}

/* --dump-keys, --dump-options, --dump-settings: -1 when none is given. */
static int
dump(const struct options *o)
{
	if (o->dump_keys != NULL) {
		if (keymap_dump(stdout, o->dump_keys) != 0)
			return usage_error(_("--dump-keys: unknown "
			    "format '%s' (man or text)"), o->dump_keys);
		return 0;
	}
	if (o->dump_options != NULL) {
		if (cli_dump_options(stdout, o->dump_options) != 0)
			return usage_error(_("%s: unknown format '%s' (man)"),
			    "--dump-options", o->dump_options);
		return 0;
	}
	if (o->dump_settings != NULL) {
		if (config_dump_settings(stdout, o->dump_settings) != 0)
			return usage_error(_("%s: unknown format '%s' (man)"),
			    "--dump-settings", o->dump_settings);
		return 0;
	}
	return -1;
}

static int
run(int argc, char **argv)
{
	struct options o = { 0 };
	struct config *c = NULL;
	struct perm *me = NULL;
	const char *cmd;
	char *err = NULL, *shared_db = NULL;
	int ch, id, rc;

	priv_start();
	i18n_init();
#ifdef PARBOARD_TEST_HOOKS
	/* The test build's twin only: a shorter wait for a busy database
	 * (ms), so a test of the lock's message is quick. */
	if (getenv("PARBOARD_BUSY_MS") != NULL && !priv_elevated())
		store_set_busy_wait(atol(getenv("PARBOARD_BUSY_MS")));
#endif
	opterr = 0;
	while ((ch = getopt_long(argc, argv, cli_shortopts(), cli_longopts(),
	    NULL)) != -1) {
		if (ch == ':')
			return usage_error(_("option %s needs a value"),
			    argv[optind - 1]);
		if ((id = cli_option(ch)) < 0)
			return usage_error(_("unknown option '%s'"),
			    argv[optind - 1]);
		if (!cli_option_global((enum cli_opt)id))
			o.given |= CLI_OPTBIT(id);
		if ((rc = take_option(&o, (enum cli_opt)id, optarg)) >= 0)
			return rc;
	}
	if ((rc = dump(&o)) >= 0)
		return rc;
	cmd = optind < argc ? argv[optind++] : NULL;
	/* The shared install records only on the clock's date: with
	 * --today anyone could date a change or a meeting as they please.
	 * (The demo's throw-away database is everyone's.) */
	if (o.today[0] != '\0' && priv_elevated() && !o.demo) {
		if (cmd != NULL && cmd_writes(cmd, &o, argc - optind,
		    argv + optind))
			return usage_error(_("%s: --today cannot be used to "
			    "change the shared database (it records changes "
			    "on the clock's date); leave it out"), cmd);
		o.pin_readonly = true;
	}
	if (priv_elevated()) {
		/* The shared install reads only its own configuration and
		 * database (priv.h). */
		if (o.config != NULL || o.database != NULL)
			fprintf(stderr, "parboard: %s\n", _("this is the "
			    "shared install (setgid): -c and -d are ignored"));
		o.config = NULL;
		if (priv_config_load(&c, &shared_db, &err) != 0)
			return runtime_error(err);
		o.database = shared_db;
	} else if (config_load(o.config, &c, &err) != 0)
		return runtime_error(err);
	i18n_set_language(c->language);
	/* A bad key binding or colour fails before any database is opened. */
	if ((o.demo || cmd == NULL) && board_config_check(c, &err) != 0) {
		config_free(c);
		return runtime_error(err);
	}
	if ((o.demo || cmd == NULL) && board_tty_check(&err) != 0) {
		config_free(c);
		return runtime_error(err);
	}
	/* The demo's throw-away database is everyone's. */
	if (!o.demo && (rc = identify(c, &o, cmd, &me)) != 0) {
		config_free(c);
		return rc;
	}
	if (o.demo) {
		if (cmd != NULL)
			rc = usage_error(_("--demo takes no command "
			    "(got '%s')"), cmd);
		else if ((rc = check_given(&o, "--demo", CLI_CMD_DEMO)) == 0)
			rc = cmd_demo(c, &o);
	} else if (cmd == NULL) {
		if ((rc = check_given(&o, "board", CLI_CMD_BOARD)) == 0)
			rc = cmd_board(c, &o);
	} else if (strcmp(cmd, "import") == 0) {
		if ((rc = check_given(&o, cmd, CLI_CMD_IMPORT)) == 0)
			rc = cmd_import(c, &o, argc - optind, argv + optind);
	} else if (strcmp(cmd, "list") == 0) {
		if ((rc = check_given(&o, cmd, CLI_CMD_LIST)) == 0)
			rc = optind < argc ? usage_error(_("list: unexpected "
			    "argument '%s'"), argv[optind]) : cmd_list(c, &o);
	} else if (strcmp(cmd, "set") == 0) {
		if ((rc = check_given(&o, cmd, CLI_CMD_SET)) == 0)
			rc = cmd_set(c, &o, argc - optind, argv + optind);
	} else if (strcmp(cmd, "minutes") == 0) {
		if ((rc = check_given(&o, cmd, CLI_CMD_MINUTES)) == 0)
			rc = cmd_minutes(c, &o, argc - optind, argv + optind);
	} else if (strcmp(cmd, "evidence") == 0) {
		rc = cmd_evidence(c, &o, argc - optind, argv + optind);
	} else if (strcmp(cmd, "tick") == 0 || strcmp(cmd, "untick") == 0) {
		if ((rc = check_given(&o, cmd, strcmp(cmd, "tick") == 0 ?
		    CLI_CMD_TICK : CLI_CMD_UNTICK)) == 0)
			rc = cmd_tick(c, &o, cmd, argc - optind, argv + optind);
	} else if (strcmp(cmd, "report") == 0) {
		if ((rc = check_given(&o, cmd, CLI_CMD_REPORT)) == 0)
			rc = optind < argc ? usage_error(_("report: "
			    "unexpected argument '%s'"), argv[optind]) :
			    cmd_report(c, &o);
	} else if (strcmp(cmd, "backup") == 0) {
		if ((rc = check_given(&o, cmd, CLI_CMD_BACKUP)) == 0)
			rc = cmd_backup(c, &o, argc - optind, argv + optind);
	} else if (strcmp(cmd, "check") == 0) {
		if ((rc = check_given(&o, cmd, CLI_CMD_CHECK)) == 0)
			rc = optind < argc ? usage_error(_("check: unexpected "
			    "argument '%s'"), argv[optind]) : cmd_check(c, &o);
	} else
		rc = usage_error(_("unknown command '%s'"), cmd);
	perm_free(me);
	config_free(c);
	free(shared_db);
	return rc;
}

/* Standard output is checked when everything is written (gnulib's
 * close_stdout): `parboard list > /dev/full` fails, with a message. */
int
main(int argc, char **argv)
{
	int rc = run(argc, argv);

	if (stdout_close() != 0 && rc == 0)
		rc = EXIT_RUNTIME;
	return rc;
}
