/* SPDX-License-Identifier: ISC */
/* main.c: the options, and which sub-command runs (cli_impl.h); the
 * sub-commands are in cli_*.c. */

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "cli_impl.h"
#include "date.h"
#include "i18n.h"
#include "keymap.h"
#include "perm.h"
#include "priv.h"

/* Whether cmd (with its arguments) changes the database. */
static bool
cmd_writes(const char *cmd, const struct options *o, int argc,
    char **argv)
{
	static const char *const writers[] = { "set", "tick", "untick" };

	if (strcmp(cmd, "criterion") == 0)
		return o->nrequire > 0 || o->count != NULL || o->unit != NULL ||
		    o->kind != NULL || o->threshold != NULL;
	if (strcmp(cmd, "figures") == 0)
		return o->period != NULL || o->from != NULL || o->to != NULL ||
		    o->num != NULL || o->den != NULL || o->expect != NULL ||
		    o->snapshot;
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
		rc = cli_usage_error("%s", err);
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
		return cli_runtime_error(err);
	perm_set_self(*p);
	current_user_set((*p)->actor);
	return 0;
}

/* --item N: a checklist item, counted from 1. */
static bool
parse_item(const char *arg, long *item)
{
	char *end;

	*item = strtol(arg, &end, 10);
	return arg[0] >= '0' && arg[0] <= '9' && *end == '\0' && *item > 0 &&
	    *item < 1000;
}

/* --present, --absent: one more name (or comma-separated names). */
static int
take_name(struct options *o, enum cli_opt id, const char *arg)
{
	size_t *n = id == CLI_OPT_PRESENT ? &o->npresent : &o->nabsent;

	if (*n == CLI_MAX_NAMES)
		return cli_usage_error(_("%s: at most %d names"),
		    id == CLI_OPT_PRESENT ? "--present" : "--absent",
		    CLI_MAX_NAMES);
	(id == CLI_OPT_PRESENT ? o->present : o->absent)[(*n)++] = arg;
	return -1;
}

/* Where an option that is a plain text goes in o; NULL for the others. */
static const char **
text_slot(struct options *o, enum cli_opt id)
{
	const char **str[CLI_NOPTS] = {
		[CLI_OPT_PLAN] = &o->plan, [CLI_OPT_DUMP_KEYS] = &o->dump_keys,
		[CLI_OPT_DUMP_OPTIONS] = &o->dump_options,
		[CLI_OPT_DUMP_SETTINGS] = &o->dump_settings,
		[CLI_OPT_ROLE] = &o->role, [CLI_OPT_STATUS] = &o->status,
		[CLI_OPT_PERSON] = &o->person, [CLI_OPT_NOTE] = &o->note,
		[CLI_OPT_FORMAT] = &o->format, [CLI_OPT_CHAIR] = &o->chair,
		[CLI_OPT_NUMBER] = &o->number, [CLI_OPT_ISSUER] = &o->issuer,
		[CLI_OPT_SUMMARY] = &o->summary, [CLI_OPT_FILE] = &o->file,
		[CLI_OPT_KIND] = &o->kind, [CLI_OPT_COUNT] = &o->count,
		[CLI_OPT_UNIT] = &o->unit, [CLI_OPT_EXPLAIN] = &o->explain,
		[CLI_OPT_TO] = &o->to, [CLI_OPT_THRESHOLD] = &o->threshold,
		[CLI_OPT_NUM] = &o->num, [CLI_OPT_PERIOD] = &o->period,
		[CLI_OPT_FROM] = &o->from, [CLI_OPT_DEN] = &o->den,
		[CLI_OPT_EXPECT] = &o->expect, [CLI_OPT_PLACE] = &o->place,
		[CLI_OPT_SECRETARY] = &o->secretary,
		[CLI_OPT_EVERY] = &o->every, [CLI_OPT_TARGET] = &o->target,
	};

	return str[id];
}

/* One option into o: -1 to go on, else the exit status (--help, a bad
 * value).  What each option means, the table does not say. */
static int
take_option(struct options *o, enum cli_opt id, const char *arg)
{
	const char **slot = text_slot(o, id);
	bool *flag[CLI_NOPTS] = {
		[CLI_OPT_DEMO] = &o->demo, [CLI_OPT_VIEW] = &o->view,
		[CLI_OPT_DRY_RUN] = &o->dry_run, [CLI_OPT_OVERDUE] = &o->overdue,
		[CLI_OPT_PAST_DUE] = &o->past_due, [CLI_OPT_EVIDENCE] =
		&o->evidence, [CLI_OPT_NO_EVIDENCE] = &o->no_evidence,
		[CLI_OPT_RECORD] = &o->record, [CLI_OPT_SIGNED] = &o->is_signed,
		[CLI_OPT_SNAPSHOT] = &o->snapshot };

	switch (id) {
	case CLI_OPT_CONFIG:
	case CLI_OPT_DATABASE:
		if (*arg == '\0')
			return cli_usage_error(_("%s: empty file name"),
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
			return cli_usage_error(_("--today: bad date '%s' "
			    "(YYYY-MM-DD)"), arg);
		today_set(o->today);
		break;
	case CLI_OPT_BY:
		if (*arg == '\0')
			return cli_usage_error(_("%s: empty name"), "--by");
		o->by = arg;
		break;
	case CLI_OPT_SINCE:
		if (!date_parse(arg, o->since_iso))
			return cli_usage_error(_("--since: bad date '%s'"), arg);
		o->since = arg;
		break;
	case CLI_OPT_REQUIRE:
		if (o->nrequire == CLI_MAX_REQUIRE)
			return cli_usage_error(_("--require: at most %d "
			    "documents"), CLI_MAX_REQUIRE);
		o->require[o->nrequire++] = arg;
		break;
	case CLI_OPT_PRESENT:
	case CLI_OPT_ABSENT:
		return take_name(o, id, arg);
	case CLI_OPT_START:
	case CLI_OPT_END:
		if (!date_clock_parse(arg, id == CLI_OPT_START ? o->start :
		    o->end))
			return cli_usage_error(_("%s: bad time '%s' (HH:MM)"),
			    id == CLI_OPT_START ? "--start" : "--end", arg);
		break;
	case CLI_OPT_DATE:
		if (!date_parse(arg, o->date_iso))
			return cli_usage_error(_("--date: bad date '%s'"), arg);
		o->date = arg;
		break;
	case CLI_OPT_ITEM:
		if (!parse_item(arg, &o->item))
			return cli_usage_error(_("--item: bad item '%s' (1, 2, "
			    "...)"), arg);
		break;
	default:
		if (slot != NULL)
			*slot = arg;
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
			return cli_usage_error(_("--dump-keys: unknown "
			    "format '%s' (man or text)"), o->dump_keys);
		return 0;
	}
	if (o->dump_options != NULL) {
		if (cli_dump_options(stdout, o->dump_options) != 0)
			return cli_usage_error(_("%s: unknown format '%s' "
			    "(man)"), "--dump-options", o->dump_options);
		return 0;
	}
	if (o->dump_settings != NULL) {
		if (config_dump_settings(stdout, o->dump_settings) != 0)
			return cli_usage_error(_("%s: unknown format '%s' "
			    "(man)"), "--dump-settings", o->dump_settings);
		return 0;
	}
	return -1;
}

/* The process's start: the group held only as long as needed (priv.h),
 * the messages in the user's language. */
static void
start(void)
{
	priv_start();
	i18n_init();
#ifdef PARBOARD_TEST_HOOKS
	/* The test build's twin only: a shorter wait for a busy database
	 * (ms), so a test of the lock's message is quick. */
	if (getenv("PARBOARD_BUSY_MS") != NULL && !priv_elevated())
		store_set_busy_wait(atol(getenv("PARBOARD_BUSY_MS")));
#endif
}

/* The options into o, getopt_long's optind left at the command: -1 to
 * go on, else the exit status (--help, --version, a usage error). */
static int
parse_options(struct options *o, int argc, char **argv)
{
	int ch, id, rc;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, cli_shortopts(), cli_longopts(),
	    NULL)) != -1) {
		if (ch == ':')
			return cli_usage_error(_("option %s needs a value"),
			    argv[optind - 1]);
		if ((id = cli_option(ch)) < 0)
			return cli_usage_error(_("unknown option '%s'"),
			    argv[optind - 1]);
		if (!cli_option_global((enum cli_opt)id))
			o->given |= CLI_OPTBIT(id);
		if ((rc = take_option(o, (enum cli_opt)id, optarg)) >= 0)
			return rc;
	}
	return -1;
}

/* The shared install records only on the clock's date: with --today
 * anyone could date a change or a meeting as they please.  A command
 * that writes is refused, the others open the database read-only.
 * (The demo's throw-away database is everyone's.)  -1 to go on, else
 * the exit status. */
static int
pin_today(struct options *o, const char *cmd, int argc, char **argv)
{
	if (o->today[0] == '\0' || !priv_elevated() || o->demo)
		return -1;
	if (cmd != NULL && cmd_writes(cmd, o, argc, argv))
		return cli_usage_error(_("%s: --today cannot be used to "
		    "change the shared database (it records changes on the "
		    "clock's date); leave it out"), cmd);
	o->pin_readonly = true;
	return -1;
}

/* The configuration, and the language it names.  The shared install
 * reads only its own configuration and database (priv.h): *shared_db,
 * which o->database then names. */
static int
load_config(struct options *o, struct config **c, char **shared_db)
{
	char *err = NULL;

	if (priv_elevated()) {
		if (o->config != NULL || o->database != NULL)
			fprintf(stderr, "parboard: %s\n", _("this is the "
			    "shared install (setgid): -c and -d are ignored"));
		o->config = NULL;
		if (priv_config_load(c, shared_db, &err) != 0)
			return cli_runtime_error(err);
		o->database = *shared_db;
	} else if (config_load(o->config, c, &err) != 0)
		return cli_runtime_error(err);
	i18n_set_language((*c)->language);
	return 0;
}

/* Before the board (cmd NULL) or the demo: a bad key binding or colour,
 * or no terminal, fails before any database is opened.  Then who acts
 * (the demo's throw-away database is everyone's). */
static int
prepare(const struct config *c, const struct options *o, const char *cmd,
    struct perm **me)
{
	char *err = NULL;

	if ((o->demo || cmd == NULL) && (board_config_check(c, &err) != 0 ||
	    cli_board_tty_check(&err) != 0))
		return cli_runtime_error(err);
	return o->demo ? 0 : identify(c, o, cmd, me);
}

/* The sub-commands by name, with the options each takes (cli_table.def;
 * CLI_NCMDS: evidence, whose sub-commands check their own). */
static const struct command {
	const char *name;
	enum cli_cmd id;
	cli_command *run;
} commands[] = {
	{ "import", CLI_CMD_IMPORT, cli_import },
	{ "list", CLI_CMD_LIST, cli_list },
	{ "set", CLI_CMD_SET, cli_set },
	{ "minutes", CLI_CMD_MINUTES, cli_minutes },
	{ "evidence", CLI_NCMDS, cli_evidence },
	{ "tick", CLI_CMD_TICK, cli_tick },
	{ "criterion", CLI_CMD_CRITERION, cli_criterion },
	{ "figures", CLI_CMD_FIGURES, cli_figures },
	{ "plan", CLI_CMD_PLAN, cli_plan },
	{ "untick", CLI_CMD_UNTICK, cli_tick },
	{ "person", CLI_CMD_PERSON, cli_person },
	{ "due", CLI_CMD_DUE, cli_due },
	{ "report", CLI_CMD_REPORT, cli_report },
	{ "backup", CLI_CMD_BACKUP, cli_backup },
	{ "check", CLI_CMD_CHECK, cli_check },
};

/* Run cmd with its arguments, the board when there is none, or the
 * demo. */
static int
dispatch(const struct config *c, const struct options *o, const char *cmd,
    int argc, char **argv)
{
	const struct command *k;
	int rc;

	if (o->demo && cmd != NULL)
		return cli_usage_error(_("--demo takes no command (got '%s')"),
		    cmd);
	if (o->demo)
		return (rc = cli_check_given(o, "--demo", CLI_CMD_DEMO)) != 0 ?
		    rc : cli_demo(c, o);
	if (cmd == NULL)
		return (rc = cli_check_given(o, "board", CLI_CMD_BOARD)) != 0 ?
		    rc : cli_board(c, o);
	for (k = commands; k < commands + sizeof commands /
	    sizeof commands[0]; k++) {
		if (strcmp(cmd, k->name) != 0)
			continue;
		if (k->id != CLI_NCMDS &&
		    (rc = cli_check_given(o, cmd, k->id)) != 0)
			return rc;
		return k->run(c, o, cmd, argc, argv);
	}
	return cli_usage_error(_("unknown command '%s'"), cmd);
}

static int
run(int argc, char **argv)
{
	struct options o = { 0 };
	struct config *c = NULL;
	struct perm *me = NULL;
	const char *cmd;
	char *shared_db = NULL;
	int rc;

	start();
	if ((rc = parse_options(&o, argc, argv)) >= 0 ||
	    (rc = dump(&o)) >= 0)
		return rc;
	cmd = optind < argc ? argv[optind++] : NULL;
	argc -= optind;
	argv += optind;
	if ((rc = pin_today(&o, cmd, argc, argv)) >= 0)
		return rc;
	if ((rc = load_config(&o, &c, &shared_db)) != 0)
		return rc;
	if ((rc = prepare(c, &o, cmd, &me)) == 0)
		rc = dispatch(c, &o, cmd, argc, argv);
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
