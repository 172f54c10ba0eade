/* SPDX-License-Identifier: ISC */
/* cli_table.c: everything the command line says about its commands and
 * options comes from one table, cli_table.def: getopt_long's table, the
 * check that an option goes with its command, the usage and --help
 * (wrapped here at the terminal's 80 columns, in either language), and
 * the OPTIONS section of the man page. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cli_table.h"
#include "i18n.h"
#include "manpage.h"
#include "text.h"
#include "util.h"

/* --help fits 80 columns. */
#define HELP_WIDTH 79
/* The column of a command's help, and the widest of an option's. */
#define CMD_COL 21
#define OPT_COL_MAX 25

enum arg { NONE, REQ, EQ };

struct cmd {
	const char *name, *synopsis, *label, *help;
	int group;
};

struct opt {
	const char *name;
	int chr;		/* the short option, or 0 */
	enum arg arg;
	int group;
	unsigned cmds;		/* CMD() bits of the commands it goes with */
	const char *meta, *man_meta, *help, *man;
};

#define CMD(id) (1u << CLI_CMD_##id)
#define ALL (~0u)
#define NC_(ctx, s) (s)

static const struct cmd cmds[] = {
#define CMD_(id, name, group, synopsis, label, help) \
	{ name, synopsis, label, help, group },
#define OPT_(...)
#include "cli_table.def"
#undef CMD_
#undef OPT_
};

static const struct opt opts[] = {
#define CMD_(...)
#define OPT_(id, name, chr, arg, group, cmds, meta, man_meta, help, man) \
	{ name, chr, arg, group, cmds, meta, man_meta, help, man },
#include "cli_table.def"
#undef CMD_
#undef OPT_
};

/* The help's paragraphs that no row owns. */
static const char *const about = N_(
"Track the remediation tasks of a commune's administrative-reform (PAR)\n"
"appraisal: one board column per responsible role, every change kept.\n");
static const char *const no_command = N_(
"With no command, open the board on the newest plan.\n");
static const char *const cmd_heads[] = { NULL, N_("Commands:"),
	N_("Keeping the database safe:") };
static const char *const opt_heads[] = { N_("Options:"),
	N_("On a shared server (parboard.conf(5): users, shared_accounts, "
	    "people):") };
static const char *const exit_text = N_(
"Exit status: 0 success, 1 runtime error, 2 usage error.\n"
"See parboard(1) for the board's keys and parboard.conf(5).\n");

#define NCMDS (sizeof cmds / sizeof cmds[0])
#define NOPTS (sizeof opts / sizeof opts[0])
#define NHEADS(a) ((int)(sizeof a / sizeof a[0]))

/* A metavar in its option's context (msgctxt is the long name). */
static const char *
meta_text(const char *opt, const char *meta)
{
	char *key = xasprintf("%s\004%s", opt, meta);
	const char *t = gettext(key);

	if (t == key)
		t = meta;
	free(key);
	return t;
}

const struct option *
cli_longopts(void)
{
	static struct option lo[NOPTS + 1];
	size_t i;

	if (lo[0].name != NULL)
		return lo;
	for (i = 0; i < NOPTS; i++) {
		lo[i].name = opts[i].name;
		lo[i].has_arg = opts[i].arg == NONE ? no_argument :
		    required_argument;
		lo[i].flag = NULL;
		lo[i].val = opts[i].chr != 0 ? opts[i].chr : 256 + (int)i;
	}
	return lo;
}

const char *
cli_shortopts(void)
{
	static char s[2 * NOPTS + 2];
	size_t i, n = 0;

	if (s[0] != '\0')
		return s;
	s[n++] = ':';
	for (i = 0; i < NOPTS; i++) {
		if (opts[i].chr == 0)
			continue;
		s[n++] = (char)opts[i].chr;
		if (opts[i].arg != NONE)
			s[n++] = ':';
	}
	s[n] = '\0';
	return s;
}

int
cli_option(int ch)
{
	size_t i;

	if (ch >= 256 && ch < 256 + (int)NOPTS)
		return ch - 256;
	for (i = 0; i < NOPTS; i++)
		if (opts[i].chr != 0 && opts[i].chr == ch)
			return (int)i;
	return -1;
}

const char *
cli_option_name(enum cli_opt o)
{
	static char buf[40];

	snprintf(buf, sizeof buf, "--%s", opts[o].name);
	return buf;
}

int
cli_option_global(enum cli_opt o)
{
	return opts[o].cmds == ALL;
}

int
cli_misplaced(cli_optset given, enum cli_cmd cmd)
{
	size_t i;

	for (i = 0; i < NOPTS; i++)
		if ((given & CLI_OPTBIT(i)) && !(opts[i].cmds & (1u << cmd)))
			return (int)i;
	return -1;
}

/* text from column col on, wrapped at HELP_WIDTH with indent columns
 * before each further line, broken only at a space outside [...] and
 * <...>: never inside "--evidence", "1.7/CA" or "[--role R]". */
static void
wrap_words(FILE *out, const char *syn, int col, int indent)
{
	const char *p = syn, *end;
	int depth, w;
	char *unit;
	bool first = true;

	while (*p != '\0') {
		for (end = p, depth = 0; *end != '\0' &&
		    (*end != ' ' || depth > 0); end++)
			depth += (*end == '[' || *end == '<') -
			    (*end == ']' || *end == '>');
		unit = xstrndup(p, (size_t)(end - p));
		w = text_width(unit);
		if (!first && col + 1 + w > HELP_WIDTH) {
			fprintf(out, "\n%*s", indent, "");
			col = indent;
		} else if (!first) {
			fputc(' ', out);
			col++;
		}
		fputs(unit, out);
		col += w;
		free(unit);
		first = false;
		p = *end == ' ' ? end + 1 : end;
	}
	fputc('\n', out);
}

void
cli_usage(FILE *out)
{
	const char *usage = _("Usage: ");
	int pad = text_width(usage), col;
	size_t i;

	for (i = 0; i < NCMDS; i++) {
		if (cmds[i].synopsis == NULL)
			continue;
		fprintf(out, "%*s", pad, i == 0 ? usage : "");
		col = pad + fprintf(out, "parboard ");
		if (cmds[i].name[0] != '\0')
			col += fprintf(out, "%s ", cmds[i].name);
		wrap_words(out, _(cmds[i].synopsis), col, col);
	}
}

/* label after lead spaces, then the help from column col, wrapped; on
 * the next line when the label leaves no space. */
static void
help_row(FILE *out, int lead, const char *label, int col, const char *help)
{
	int w = lead + text_width(label);

	fprintf(out, "%*s%s", lead, "", label);
	if (w + 1 > col)
		fprintf(out, "\n%*s", col, "");
	else
		fprintf(out, "%*s", col - w, "");
	wrap_words(out, help, col, col);
}

static char *
opt_tag(const struct opt *o)
{
	const char *meta = o->meta ? meta_text(o->name, o->meta) : NULL;

	return xasprintf("  %c%c%c --%s%s%s", o->chr ? '-' : ' ',
	    o->chr ? o->chr : ' ', o->chr ? ',' : ' ', o->name,
	    meta == NULL ? "" : o->arg == EQ ? "=" : " ", meta ? meta : "");
}

static void
help_options(FILE *out, int group, int col)
{
	char *tag;
	size_t i;

	fprintf(out, "\n%s\n", _(opt_heads[group]));
	for (i = 0; i < NOPTS; i++) {
		if (opts[i].group != group)
			continue;
		tag = opt_tag(&opts[i]);
		help_row(out, 0, tag, col, _(opts[i].help));
		free(tag);
	}
}

void
cli_help(FILE *out)
{
	int g, col = 0, w;
	char *tag, *label;
	size_t i;

	cli_usage(out);
	fprintf(out, "\n%s\n%s", _(about), _(no_command));
	for (g = 1; g < NHEADS(cmd_heads); g++) {
		fprintf(out, "\n%s\n", _(cmd_heads[g]));
		for (i = 0; i < NCMDS; i++) {
			if (cmds[i].group != g)
				continue;
			label = cmds[i].label ? xstrdup(_(cmds[i].label)) :
			    xstrndup(cmds[i].name, strcspn(cmds[i].name, " "));
			help_row(out, 2, label, CMD_COL, _(cmds[i].help));
			free(label);
		}
	}
	/* The options' column: after the widest tag, at most OPT_COL_MAX. */
	for (i = 0; i < NOPTS; i++) {
		tag = opt_tag(&opts[i]);
		w = text_width(tag) + 2;
		if (w > col)
			col = w < OPT_COL_MAX ? w : OPT_COL_MAX;
		free(tag);
	}
	for (g = 0; g < NHEADS(opt_heads); g++)
		help_options(out, g, col);
	fprintf(out, "\n%s", _(exit_text));
}

int
cli_dump_options(FILE *out, const char *format)
{
	const struct opt *o;
	char *tag;
	size_t i;

	if (strcmp(format, "man") != 0)
		return -1;
	for (i = 0; i < NOPTS; i++) {
		o = &opts[i];
		if (o->chr != 0)
			tag = xasprintf("B<-%c>, B<--%s>", o->chr, o->name);
		else
			tag = xasprintf("B<--%s%s>", o->name,
			    o->arg == EQ ? "=" : "");
		fputs(".TP\n", out);
		if (o->man_meta != NULL) {
			char *t = xasprintf("%s%sI<%s>", tag, o->arg == EQ ?
			    "" : " ", meta_text(o->name, o->man_meta));

			free(tag);
			tag = t;
		}
		manpage_text(out, tag);
		manpage_text(out, _(o->man));
		free(tag);
	}
	return 0;
}
