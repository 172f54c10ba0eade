/* main.c: options and sub-commands.  The only place that prints errors
 * and chooses the exit status: 0 success, 1 runtime error, 2 usage. */

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "board.h"
#include "config.h"
#include "i18n.h"
#include "import.h"
#include "keymap.h"
#include "report.h"
#include "store.h"
#include "text.h"
#include "util.h"

#define EXIT_RUNTIME 1
#define EXIT_USAGE 2

/* The bundled sample opened by --demo, and the date it pins. */
#define DEMO_APPENDIX "hien-thanh-103-2023.txt"
#define DEMO_DIRECTIVES "hien-thanh-directives.tsv"
#define DEMO_TODAY "2023-09-13"

static const char *const usage_text = N_(
"Usage: parboard [-c CONFIG] [-d DATABASE] [--today YYYY-MM-DD] [--plan NAME]\n"
"       parboard --demo\n"
"       parboard import [--dry-run] [--plan NAME] FILE...\n"
"       parboard list [--role R] [--status S] [--overdue]\n"
"                     [--format text|tsv|csv|json]\n"
"       parboard set TASK STATUS [--note TEXT]\n"
"       parboard report [--since DATE] [--format text|markdown|csv]\n"
"       parboard --help | --version | --dump-keys=man|text\n");

/* The help, one message a paragraph. */
static const char *const help_text[] = {
	N_(
"Track the remediation tasks of a commune's administrative-reform (PAR)\n"
"appraisal: one board column per responsible role, every change kept.\n"),
	N_(
"With no command, open the board on the newest plan.\n"),
	N_(
"Commands:\n"
"  import FILE...     import an appendix (the whole directive document, a\n"
"                     TSV table or a CSV export) or a directives table;\n"
"                     all files in one transaction\n"
"  list               print the tasks\n"
"  set TASK STATUS    change a task's status; TASK is an id or CODE/ROLE\n"
"                     (1.7/CA); STATUS is todo, doing, done or blocked\n"
"  report             progress per role, overdue tasks, recent changes\n"),
	N_(
"Options:\n"
"  -c, --config FILE    configuration file (libconfig)\n"
"  -d, --database FILE  SQLite database\n"
"      --today DATE     pin today's date (YYYY-MM-DD) everywhere\n"
"      --plan NAME      work on this plan instead of the newest; for\n"
"                       import: the name of a plan whose file has no title\n"
"      --demo           the board on the bundled Hien Thanh sample in a\n"
"                       throw-away database, today = 13/09/2023\n"
"      --dry-run        import: print what would change, write nothing\n"
"      --role R         list: only tasks of role R (its id, e.g. VP-TK)\n"
"      --status S       list: only tasks with status S\n"
"      --overdue        list: only tasks past their due date, not done\n"
"      --format F       list: text, tsv, csv or json;\n"
"                       report: text, markdown or csv\n"
"      --note TEXT      set: add a note with the change\n"
"      --since DATE     report: list the changes made since DATE\n"
"      --dump-keys=F    print the key table (man or text) and exit\n"
"  -h, --help           this help\n"
"  -V, --version        version\n"),
	N_(
"Exit status: 0 success, 1 runtime error, 2 usage error.\n"
"See parboard(1) for the board's keys and parboard.conf(5).\n"),
};

enum {
	OPT_TODAY = 256, OPT_PLAN, OPT_DEMO, OPT_DUMP_KEYS, OPT_DRY_RUN,
	OPT_ROLE, OPT_STATUS, OPT_OVERDUE, OPT_FORMAT, OPT_NOTE, OPT_SINCE,
};

static const struct option longopts[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "database", required_argument, NULL, 'd' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "today", required_argument, NULL, OPT_TODAY },
	{ "plan", required_argument, NULL, OPT_PLAN },
	{ "demo", no_argument, NULL, OPT_DEMO },
	{ "dump-keys", required_argument, NULL, OPT_DUMP_KEYS },
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
	{ "role", required_argument, NULL, OPT_ROLE },
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "overdue", no_argument, NULL, OPT_OVERDUE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "note", required_argument, NULL, OPT_NOTE },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ NULL, 0, NULL, 0 },
};

struct options {
	const char *config, *database, *plan, *dump_keys;
	const char *role, *status, *format, *note, *since;
	char today[11], since_iso[11];
	bool demo, dry_run, overdue;
	/* Which sub-command options were given, to reject misplaced ones. */
	unsigned given;
};

#define GIVEN(o) (1u << ((o) - OPT_DRY_RUN))

static int usage_error(const char *fmt, ...) PB_PRINTF(1, 2);

static int
usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("parboard: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\n", stderr);
	fputs(_(usage_text), stderr);
	return EXIT_USAGE;
}

static void
print_help(void)
{
	size_t i;

	fputs(_(usage_text), stdout);
	for (i = 0; i < sizeof help_text / sizeof help_text[0]; i++) {
		fputs("\n", stdout);
		fputs(_(help_text[i]), stdout);
	}
}

static int
runtime_error(char *err)
{
	const char *line = err ? err : _("unknown error");
	const char *nl;

	/* Several messages (config errors) come one per line. */
	while (*line != '\0') {
		nl = strchr(line, '\n');
		fprintf(stderr, "parboard: %.*s\n",
		    (int)(nl ? nl - line : (long)strlen(line)), line);
		if (nl == NULL)
			break;
		line = nl + 1;
	}
	free(err);
	return EXIT_RUNTIME;
}

/* Only the sub-command options in allowed may appear. */
static int
check_given(const struct options *o, const char *cmd, unsigned allowed)
{
	static const char *const names[] = {
		"--dry-run", "--role", "--status", "--overdue", "--format",
		"--note", "--since",
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if ((o->given & ~allowed) & (1u << i)) {
			fprintf(stderr, "parboard: ");
			fprintf(stderr, _("%s: option %s does not apply\n"),
			    cmd, names[i]);
			fputs(_(usage_text), stderr);
			return EXIT_USAGE;
		}
	return 0;
}

/* Where the bundled samples are: $PARBOARD_DATADIR, the installed data,
 * or the source tree this binary was built from. */
static char *
sample_path(const char *name)
{
	const char *dirs[] = { getenv("PARBOARD_DATADIR"), PKGDATADIR,
		SRCDATADIR };
	struct stat st;
	size_t i;
	char *p;

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

/* The database of list, set, report and the board: it must exist
 * (store_open says to import first when it does not). */
static int
open_store(const struct config *c, const struct options *o,
    struct store **s, char **err)
{
	char *path = config_database_path(c, o->database);
	int rc = store_open(path, false, s, err);

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

static int
cmd_import(const struct config *c, const struct options *o, int argc,
    char **argv)
{
	struct import_opts io = { o->dry_run, o->plan, stdout, stderr };
	struct store *s = NULL;
	char *err = NULL, *path;
	bool created;
	struct stat st;
	int rc;

	if (argc == 0)
		return usage_error("%s", _("import: no FILE given"));
	path = config_database_path(c, o->database);
	created = stat(path, &st) != 0;
	/* A dry run reads the database if there is one, never creates it. */
	if ((!o->dry_run || !created) &&
	    store_open(path, !o->dry_run, &s, &err) != 0) {
		free(path);
		return runtime_error(err);
	}
	rc = import_files(s, c, argv, argc, &io, &err);
	if (s != NULL)
		store_close(s);
	/* A failed import leaves no trace, not even an empty database. */
	if (rc != 0 && created && !o->dry_run)
		remove_db(path);
	free(path);
	return rc == 0 ? 0 : runtime_error(err);
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
	    fmt == FORMAT_MARKDOWN))
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
	plan_clear(&p);
	store_close(s);
	return rc == 0 ? 0 : runtime_error(err);
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
				    t[i].id, report_origin_label(t[i].origin));
		tasks_free(t, n);
	}
	if (b.len > 0) {
		fprintf(stderr, "parboard: ");
		fprintf(stderr, _("note: %s also names task %s; set it by "
		    "its id\n"), spec, b.data);
	}
	buf_free(&b);
	task_clear(&me);
}

static int
cmd_set(const struct config *c, const struct options *o, int argc,
    char **argv)
{
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
	if (open_store(c, o, &s, &err) != 0)
		return runtime_error(err);
	rc = get_plan(s, o, &p, &err);
	if (rc == 0) {
		rc = store_task_find(s, p.id, argv[0], &id, &err);
		if (rc == 1)
			rc = fail(&err, _("no task '%s' in plan \"%s\""),
			    argv[0], p.name);
	}
	if (rc == 0)
		rc = store_task_set(s, id, -1, "status", status_name(st),
		    o->note, current_user(), &err);
	if (rc == 0)
		note_namesakes(s, &p, argv[0], id);
	plan_clear(&p);
	store_close(s);
	return rc == 0 ? 0 : runtime_error(err);
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
		    "markdown or csv)"), o->format);
	if (open_store(c, o, &s, &err) != 0)
		return runtime_error(err);
	rc = get_plan(s, o, &p, &err);
	if (rc == 0)
		rc = report_progress(s, c, &p, o->since ? o->since_iso : NULL,
		    fmt, stdout, &err);
	plan_clear(&p);
	store_close(s);
	return rc == 0 ? 0 : runtime_error(err);
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
	rc = board_run(s, c, o->plan, &err);
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
	struct import_opts io = { false, NULL, NULL, NULL };
	struct store *s;
	int rc;

	files[0] = sample_path(DEMO_APPENDIX);
	files[1] = sample_path(DEMO_DIRECTIVES);
	if (files[0] == NULL || files[1] == NULL) {
		free(files[0]);
		free(files[1]);
		return runtime_error(xasprintf(_("bundled sample not found "
		    "(looked in $PARBOARD_DATADIR, %s, %s)"), PKGDATADIR,
		    SRCDATADIR));
	}
	if (o->today[0] == '\0')
		today_set(DEMO_TODAY);
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
			rc = board_run(s, c, NULL, &err);
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

int
main(int argc, char **argv)
{
	struct options o = { 0 };
	struct config *c = NULL;
	const char *cmd;
	char *err = NULL;
	int ch, rc;

	i18n_init();
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":c:d:hV", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'c':
			if (*optarg == '\0')
				return usage_error(_("%s: empty file name"), "-c");
			o.config = optarg;
			break;
		case 'd':
			if (*optarg == '\0')
				return usage_error(_("%s: empty file name"), "-d");
			o.database = optarg;
			break;
		case 'h':
			print_help();
			return 0;
		case 'V':
			printf("parboard %s\n", PACKAGE_VERSION);
			return 0;
		case OPT_TODAY:
			if (!text_parse_date(optarg, o.today))
				return usage_error(_("--today: bad date '%s' "
				    "(YYYY-MM-DD)"), optarg);
			today_set(o.today);
			break;
		case OPT_PLAN:
			o.plan = optarg;
			break;
		case OPT_DEMO:
			o.demo = true;
			break;
		case OPT_DUMP_KEYS:
			o.dump_keys = optarg;
			break;
		case OPT_DRY_RUN:
			o.dry_run = true;
			o.given |= GIVEN(ch);
			break;
		case OPT_ROLE:
			o.role = optarg;
			o.given |= GIVEN(ch);
			break;
		case OPT_STATUS:
			o.status = optarg;
			o.given |= GIVEN(ch);
			break;
		case OPT_OVERDUE:
			o.overdue = true;
			o.given |= GIVEN(ch);
			break;
		case OPT_FORMAT:
			o.format = optarg;
			o.given |= GIVEN(ch);
			break;
		case OPT_NOTE:
			o.note = optarg;
			o.given |= GIVEN(ch);
			break;
		case OPT_SINCE:
			if (!text_parse_date(optarg, o.since_iso))
				return usage_error(_("--since: bad date '%s'"),
				    optarg);
			o.since = optarg;
			o.given |= GIVEN(ch);
			break;
		case ':':
			return usage_error(_("option %s needs a value"),
			    argv[optind - 1]);
		default:
			return usage_error(_("unknown option '%s'"),
			    argv[optind - 1]);
		}
	}
	if (o.dump_keys != NULL) {
		if (keymap_dump(stdout, o.dump_keys) != 0)
			return usage_error(_("--dump-keys: unknown "
			    "format '%s' (man or text)"), o.dump_keys);
		return 0;
	}
	cmd = optind < argc ? argv[optind++] : NULL;
	if (config_load(o.config, &c, &err) != 0)
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
	if (o.demo) {
		if (cmd != NULL)
			rc = usage_error(_("--demo takes no command "
			    "(got '%s')"), cmd);
		else if ((rc = check_given(&o, "--demo", 0)) == 0)
			rc = cmd_demo(c, &o);
	} else if (cmd == NULL) {
		if ((rc = check_given(&o, "board", 0)) == 0)
			rc = cmd_board(c, &o);
	} else if (strcmp(cmd, "import") == 0) {
		if ((rc = check_given(&o, cmd, GIVEN(OPT_DRY_RUN))) == 0)
			rc = cmd_import(c, &o, argc - optind, argv + optind);
	} else if (strcmp(cmd, "list") == 0) {
		if ((rc = check_given(&o, cmd, GIVEN(OPT_ROLE) |
		    GIVEN(OPT_STATUS) | GIVEN(OPT_OVERDUE) |
		    GIVEN(OPT_FORMAT))) == 0)
			rc = optind < argc ? usage_error(_("list: unexpected "
			    "argument '%s'"), argv[optind]) : cmd_list(c, &o);
	} else if (strcmp(cmd, "set") == 0) {
		if ((rc = check_given(&o, cmd, GIVEN(OPT_NOTE))) == 0)
			rc = cmd_set(c, &o, argc - optind, argv + optind);
	} else if (strcmp(cmd, "report") == 0) {
		if ((rc = check_given(&o, cmd, GIVEN(OPT_SINCE) |
		    GIVEN(OPT_FORMAT))) == 0)
			rc = optind < argc ? usage_error(_("report: "
			    "unexpected argument '%s'"), argv[optind]) :
			    cmd_report(c, &o);
	} else
		rc = usage_error(_("unknown command '%s'"), cmd);
	config_free(c);
	return rc;
}
