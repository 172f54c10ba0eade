/* SPDX-License-Identifier: ISC */
/* cli_table.h: the command and option table (src/cli/cli_table.def) --
 * getopt_long's table, which option goes with which command, the usage,
 * --help and the man page's OPTIONS section. */
#ifndef PARBOARD_CLI_TABLE_H
#define PARBOARD_CLI_TABLE_H

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>

enum cli_cmd {
#define CMD_(id, name, group, synopsis, label, help) CLI_CMD_##id,
#define OPT_(...)
#include "cli_table.def"
#undef CMD_
#undef OPT_
	CLI_NCMDS
};

enum cli_opt {
#define CMD_(...)
#define OPT_(id, ...) CLI_OPT_##id,
#include "cli_table.def"
#undef CMD_
#undef OPT_
	CLI_NOPTS
};

/* A set of options, as given on the command line. */
typedef uint64_t cli_optset;
#define CLI_OPTBIT(o) ((cli_optset)1 << (o))

/* getopt_long's long options and short option string (with a leading
 * ':' so that a missing value is told apart). */
const struct option *cli_longopts(void);
const char *cli_shortopts(void);
/* The option getopt_long returned (enum cli_opt), or -1 for '?' or ':'. */
int cli_option(int ch);
/* "--dry-run" */
const char *cli_option_name(enum cli_opt o);
/* Whether o goes with every command (-c, --plan, --by...). */
int cli_option_global(enum cli_opt o);
/* The first option of given that does not go with cmd, or -1. */
int cli_misplaced(cli_optset given, enum cli_cmd cmd);

/* The usage lines (for a usage error) and the whole --help. */
void cli_usage(FILE *out);
void cli_help(FILE *out);
/* The OPTIONS section of man/parboard.1 in the user's language: format
 * "man"; -1 for another format. */
int cli_dump_options(FILE *out, const char *format);

#endif
