/* SPDX-License-Identifier: ISC */
/* cli_impl.h: what the command line's files share (main.c, cli_*.c) --
 * the options as parsed, the errors, the opening of the database, and
 * the sub-commands.  The command line is the only place that prints
 * errors and chooses the exit status: 0 success, 1 runtime error, 2
 * usage. */
#ifndef PARBOARD_CLI_IMPL_H
#define PARBOARD_CLI_IMPL_H

#include <stdbool.h>

#include "cli_table.h"
#include "config.h"
#include "report.h"
#include "store.h"
#include "util.h"

#define EXIT_RUNTIME 1
#define EXIT_USAGE 2

struct options {
	const char *config, *database, *plan;
	const char *dump_keys, *dump_options, *dump_settings;
	const char *role, *status, *format, *note, *since, *person;
	const char *by;		/* --by: the person on a shared login */
	char today[11], since_iso[11];
	bool demo, dry_run, overdue, view, past_due;
	/* --today in the shared install: the database is opened read-only
	 * (decided while the group is held: priv_elevated). */
	bool pin_readonly;
	/* evidence, minutes, ticks */
	const char *chair, *number, *date, *issuer, *summary, *file, *kind;
	char date_iso[11];
	long item;		/* --item, 0 when not given */
	bool no_evidence, evidence, record, is_signed;
	/* minutes --record: the meeting's place and attendance; --present
	 * and --absent repeated; --start, --end as "HH:MM" */
#define CLI_MAX_NAMES 64
	const char *place, *secretary;
	const char *present[CLI_MAX_NAMES], *absent[CLI_MAX_NAMES];
	size_t npresent, nabsent;
	char start[6], end[6];
	/* criterion: --require (repeated), --count, --unit */
#define CLI_MAX_REQUIRE 32
	const char *require[CLI_MAX_REQUIRE];
	size_t nrequire;
	const char *count, *unit;
	const char *threshold;	/* criterion --threshold */
	/* figures */
	const char *period, *from, *to, *num, *den, *expect;
	bool snapshot;
	const char *explain;	/* set: the giải trình */
	const char *every, *target;	/* due: a recurring target */
	/* Which sub-command options were given, to reject misplaced ones. */
	cli_optset given;
};

/* Errors (cli_common.c).  A usage error: the message (its arguments
 * sanitised) and the usage lines, EXIT_USAGE.  A runtime error: err
 * (freed), one "parboard: " line a line of it, EXIT_RUNTIME. */
int cli_usage_error(const char *fmt, ...) PB_PRINTF(1, 2);
int cli_runtime_error(char *err);
/* Only the options that go with cmd (cli_table.def) may appear; name is
 * cmd as the message says it.  0, or the usage error's status. */
int cli_check_given(const struct options *o, const char *name,
    enum cli_cmd cmd);
/* A change on a shared login needs --by NAME (a usage error). */
int cli_need_person(const char *cmd);
/* --format: name (NULL for none) into *fmt, one of a listing's formats
 * (text, tsv, csv, json) or of a document's (text, markdown, html,
 * csv); false when it is none of them. */
bool cli_format(const char *name, bool document, enum format *fmt);

/* b's text to standard output, made safe for a terminal when text
 * (text_safe); figure f in words, "07/2023–12/2023: 500/600"
 * (cli_figures.c). */
void cli_print(struct buf *b, bool text);
char *cli_figure_words(const struct figure *f);
/* Criterion code's three numbers (scoreview.h) into b, when it is
 * scored: "Score: Appraised 0,64 · now 0,73 · reachable 0,73", then its
 * figures and notes, a line each. */
int cli_score_lines(struct buf *b, struct store *s, const struct plan *p,
    const char *code, char **err);

/* The database (cli_common.c).  pin_guard: a store opened under --today
 * in the shared install refuses to write; else one that opened
 * read-only is told why.  settle: the daily backups set up and the
 * group given up (closed on failure).  open_settled: the database at
 * path opened (created when create), guarded and settled. */
void cli_pin_guard(const struct options *o, struct store *s);
int cli_settle_store(const struct config *c, struct store *s,
    const char *path, bool fresh, char **err);
int cli_open_settled(const struct config *c, const struct options *o,
    const char *path, bool create, struct store **s, char **err);
/* The configured database, which must exist. */
int cli_open_store(const struct config *c, const struct options *o,
    struct store **s, char **err);
/* The store and the plan opened, and TASK (spec) found into *id when
 * spec is not NULL; on failure nothing stays open. */
int cli_open_task(const struct config *c, const struct options *o,
    const char *spec, struct store **s, struct plan *p, long *id,
    char **err);
/* The end of a command that opened the plan: both closed, rc said. */
int cli_close_plan(struct store *s, struct plan *p, int rc, char *err);
/* Remove a database with its WAL and journal files. */
void cli_remove_db(const char *db);

/* The sub-commands: cmd is the command's name, argc and argv its
 * arguments; the exit status. */
typedef int cli_command(const struct config *c, const struct options *o,
    const char *cmd, int argc, char **argv);
cli_command cli_import;				/* cli_import.c */
cli_command cli_list, cli_report, cli_minutes;	/* cli_report.c */
cli_command cli_check, cli_backup;
cli_command cli_set, cli_tick, cli_due, cli_evidence;	/* cli_change.c */
cli_command cli_person;
cli_command cli_criterion;			/* cli_criterion.c */
cli_command cli_figures;			/* cli_figures.c */
cli_command cli_plan;				/* cli_plan.c */
/* The board, on the database or on the bundled sample (cli_board.c);
 * tty_check: whether the terminal can show it. */
int cli_board(const struct config *c, const struct options *o);
int cli_demo(const struct config *c, const struct options *o);
int cli_board_tty_check(char **err);

#endif
