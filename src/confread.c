/* SPDX-License-Identifier: ISC */
/* confread.c: the libconfig file as parboard reads it.
 *
 * Every top-level setting has one row in settings[] below: its name, the
 * libconfig type it must have, its default as it would be written in the
 * file, what it means, and the function that stores it.  The loader walks
 * the settings the file actually contains and looks each one up in that
 * table, so a misspelt name is reported with its line instead of being
 * silently ignored.  Nothing stops at the first mistake: every error is
 * collected, put in the order of the file and handed back together,
 * "FILE:LINE: what" per line, so the user fixes the file in one pass.
 *
 * The file is read over the built-in configuration (config_default()).
 * The settings about roles and criteria, whose checks need the whole
 * file, are in confroles.c. */
#include <errno.h>
#include <libconfig.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "appendix.h"
#include "confread.h"
#include "confread_impl.h"
#include "date.h"
#include "i18n.h"
#include "manpage.h"
#include "text.h"
#include "util.h"

#define MAX_WARN_DAYS 366

/* The colour names curses knows on every terminal.  Element names are the
 * board's business: it reports an unknown one with the line kept here. */
static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan",
	"white", "default", NULL
};

/* A row of the table: the man page's SETTINGS section is made of its
 * texts (config_dump_settings). */
struct setting {
	const char *name;
	int type;		/* CONFIG_TYPE_* the value must have */
	const char *def;	/* default, as the file would write it; NULL:
				 * none; (), {} or []: empty */
	const char *def_note;	/* a default said in words, else NULL */
	const char *kind;	/* the type in words, for the man page */
	const char *help;	/* the man page's paragraph (manpage.h) */
	void (*load)(struct loader *, const config_setting_t *);
};

static void load_database(struct loader *, const config_setting_t *);
static void load_commune(struct loader *, const config_setting_t *);
static void load_deadline(struct loader *, const config_setting_t *);
static void load_warn_days(struct loader *, const config_setting_t *);
static void load_language(struct loader *, const config_setting_t *);
static void load_bind(struct loader *, const config_setting_t *);
static void load_colors(struct loader *, const config_setting_t *);
static void load_columns(struct loader *, const config_setting_t *);
static void load_show_empty(struct loader *, const config_setting_t *);
static void load_ascii(struct loader *, const config_setting_t *);
static void load_backup(struct loader *, const config_setting_t *);
static void load_chair(struct loader *, const config_setting_t *);

/* The one description of parboard's settings, in the order of the man
 * page: its SETTINGS section is `parboard --dump-settings=man` (checked by
 * tests/man.sh); share/parboard.conf.in says the same in comments. */
static const struct setting settings[] = {
	{ "database", CONFIG_TYPE_STRING, NULL, NULL,
	    N_("string"),
	    N_("The SQLite database.  A leading B<~> or B<$HOME> is "
	       "replaced by the home directory.  The B<-d> option wins over this "
	       "setting; without either, the database is "
	       "I<$XDG_DATA_HOME/parboard/parboard.db> or "
	       "I<~/.local/share/parboard/parboard.db>."),
	    load_database },
	{ "commune", CONFIG_TYPE_STRING, NULL, NULL,
	    N_("string"),
	    N_("Name of the commune, shown in the board's header, for "
	       "example B<\"X\\[u00E3] Hi\\[u1EC1]n Th\\[u00E0]nh\">."),
	    load_commune },
	{ "chair", CONFIG_TYPE_STRING, NULL, NULL,
	    N_("string"),
	    N_("Who chairs the weekly review meeting, named in the "
	       "minutes (see B<minutes> in B<parboard>(1)); B<--chair> wins over "
	       "it, and without either the minutes name the Unix account."),
	    load_chair },
	{ "deadline", CONFIG_TYPE_STRING, "\"" CONF_DEFAULT_DUE "\"", NULL,
	    N_("string"),
	    N_("The deadline of every task that has no more specific one, "
	       "as I<YYYY-MM-DD> or I<dd/mm/yyyy>.  Directive 103/UBND asks for "
	       "all deducted criteria to be fixed before 31/10/2023."),
	    load_deadline },
	{ "language", CONFIG_TYPE_STRING, NULL, NULL,
	    N_("string"),
	    N_("The language of the board and the messages, B<\"vi\"> "
	       "(Vietnamese) or B<\"en\"> (English).  The B<LANGUAGE> environment "
	       "variable wins over this setting; without either, the locale "
	       "decides, else Vietnamese.  See LANGUAGE in B<parboard>(1)."),
	    load_language },
	{ "warn_days", CONFIG_TYPE_INT, "7", NULL,
	    N_("integer, 0 to 366"),
	    N_("A task that is not done is shown as due soon this many "
	       "days before its deadline, and as overdue after it."),
	    load_warn_days },
	{ "backup", CONFIG_TYPE_GROUP, "{ keep = 7; }", NULL,
	    N_("group"),
	    N_("Daily copies of the database: B<keep> (0 to 366, 0 for "
	       "none) copies are kept, in the folder B<dir> (default: a B<backup> "
	       "folder beside the database; ~ and ~user are expanded), each named "
	       "after the database and the day, made on the first write of each "
	       "day (in a shared install, by the first run of the day, which still "
	       "holds the group that owns the folder).  A copy that cannot be made "
	       "is said, on the terminal or the board's message line, and the "
	       "write goes ahead; a copy is written under no name and named only "
	       "when whole, so an interrupted one leaves nothing.  For example: "
	       "B<backup = { keep = 7; dir = \"~/parboard-backup\"; };>"),
	    load_backup },
	{ "show_empty", CONFIG_TYPE_BOOL, "false", NULL,
	    N_("boolean"),
	    N_("With B<true>, the board shows a column for every role, "
	       "also one that holds no task, its own or one it supports; by "
	       "default such a role has no column."),
	    load_show_empty },
	{ "ascii", CONFIG_TYPE_BOOL, "false", NULL,
	    N_("boolean"),
	    N_("With B<true>, the board draws its gauges with "
	       "\\(lqB<#>\\(rq and \\(lqB<.>\\(rq instead of block characters, and "
	       "frames its menus with \\(lqB<+>\\(rq, \\(lqB<->\\(rq and "
	       "\\(lqB<|>\\(rq instead of box-drawing characters, for a font that "
	       "lacks them (the board does so by itself under TERM vt100 and "
	       "linux).  The board never uses the terminal's line-drawing "
	       "character set, which PuTTY shows as letters (\\(lqlqqqk\\(rq) when "
	       "TERM says xterm."),
	    load_ascii },
	{ "roles", CONFIG_TYPE_LIST, NULL, N_("the seven roles below"),
	    N_("list of groups"),
	    N_("The columns of the board, in this order.  See B<ROLES AND "
	       "MATCHING>.  A B<roles> list replaces the default roles as a whole."),
	    conf_roles_load },
	{ "common", CONFIG_TYPE_GROUP, "id = \"" ROLE_COMMON "\"", NULL,
	    N_("group"),
	    N_("The column of tasks given to all staff; it takes B<id>, "
	       "B<name>, B<match> and B<deadline> like a role.  Settings it leaves "
	       "out keep their defaults."),
	    conf_roles_common },
	{ "unassigned", CONFIG_TYPE_GROUP, "id = \"" ROLE_UNASSIGNED "\"", NULL,
	    N_("group"),
	    N_("The column of tasks whose text names nobody; it takes "
	       "B<id>, B<name> and B<deadline>."),
	    conf_roles_unassigned },
	{ "criteria", CONFIG_TYPE_LIST, "()", NULL,
	    N_("list of groups"),
	    N_("Deadlines of single criteria, see B<DEADLINES>."),
	    conf_roles_criteria },
	{ "bind", CONFIG_TYPE_LIST, "()", NULL,
	    N_("list"),
	    N_("Key bindings, see B<KEY BINDINGS>."),
	    load_bind },
	{ "colors", CONFIG_TYPE_GROUP, "{}", NULL,
	    N_("group"),
	    N_("Colours of the board, see B<COLORS>."),
	    load_colors },
	{ "columns", CONFIG_TYPE_GROUP, "{}", NULL,
	    N_("group"),
	    N_("More wordings of the appendix's header cells, added to "
	       "the built-in ones (see B<import> in B<parboard>(1)): one member "
	       "per column, a string or an array of strings, as in B<columns = { "
	       "standard = [ \"\\[u0111]i\\[u1EC3]m quy \\[u0111]\\[u1ECB]nh\" ]; "
	       "};>.  The columns are B<code>, B<title>, B<standard>, B<self>, "
	       "B<appraised>, B<deduction>, B<comment> and B<assignee>.  A wording "
	       "matches whole words of a header cell, whatever its case and tone "
	       "marks."),
	    load_columns },
	{ "users", CONFIG_TYPE_GROUP, NULL, NULL,
	    N_("group"),
	    N_("Accounts and their roles, one setting an account: B<users "
	       "= { lan = [\"VP-TK\", \"TN-TKQ\"]; hung = [\"CA\"]; };>.  Without "
	       "it everyone may change everything.  With it, an account changes "
	       "the status, evidence and ticks of the tasks of its roles (owned or "
	       "supported) and adds tasks to its roles' columns; anyone reads and "
	       "writes notes.  See SECURITY in B<parboard>(1).  Every role named "
	       "must exist."),
	    conf_users_load },
	{ "admins", CONFIG_TYPE_ARRAY, "[]", NULL,
	    N_("array"),
	    N_("Accounts that may change everything, due dates, "
	       "reassignments and imports included: B<admins = [\"chutich\", "
	       "\"cchc\"];>.  It needs B<users>: without it every account may "
	       "change everything anyway, so B<admins> alone is refused as an "
	       "error rather than taken for a restriction."),
	    conf_admins_load },
	{ "shared_accounts", CONFIG_TYPE_ARRAY, "[]", NULL,
	    N_("array"),
	    N_("Logins several people share: B<shared_accounts = "
	       "[\"ubnd\"];>.  The board asks who is at the keyboard, the command "
	       "line needs B<--by>I< name> for a change, and the history records "
	       "both, as B<ubnd (Lan)>.  A shared login never has admin rights."),
	    conf_shared_load },
	{ "people", CONFIG_TYPE_LIST, "()", NULL,
	    N_("list of groups"),
	    N_("The names a shared login may claim, with their roles: "
	       "B<people = ( { name = \"Lan\"; roles = [\"VP-TK\"]; } );>.  A "
	       "claim, not an authentication: anyone at the login may give any "
	       "name."),
	    conf_people_load },
};

/* Errors ----------------------------------------------------------------- */

static void
verr(struct loader *l, const char *file, unsigned int line, const char *fmt,
    va_list ap)
{
	char *msg = xvasprintf(fmt, ap);
	struct load_error *e;

	l->errs = xgrow(l->errs, &l->errs_cap, l->nerrs + 1, sizeof *l->errs);
	e = &l->errs[l->nerrs];
	e->line = line;
	e->seq = l->nerrs++;
	if (line > 0)
		e->text = xasprintf("%s:%u: %s", file, line, msg);
	else
		e->text = xasprintf("%s: %s", file, msg);
	free(msg);
}

static int
error_cmp(const void *a, const void *b)
{
	const struct load_error *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* All errors, in file order, one per line. */
static char *
errors_text(struct loader *l)
{
	struct buf b = { 0 };
	size_t i;

	xqsort(l->errs, l->nerrs, sizeof *l->errs, error_cmp);
	for (i = 0; i < l->nerrs; i++) {
		if (i > 0)
			buf_addc(&b, '\n');
		buf_adds(&b, l->errs[i].text);
	}
	return buf_take(&b);
}

void
conf_err(struct loader *l, const config_setting_t *s, const char *fmt, ...)
{
	const char *file = s ? config_setting_source_file(s) : NULL;
	va_list ap;

	va_start(ap, fmt);
	verr(l, file ? file : l->file, s ? config_setting_source_line(s) : 0,
	    fmt, ap);
	va_end(ap);
}

void
conf_err_line(struct loader *l, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verr(l, l->file, line > 0 ? (unsigned int)line : 0, fmt, ap);
	va_end(ap);
}

static const char *
type_name(int type)
{
	switch (type) {
	case CONFIG_TYPE_GROUP:
		return _("a group { ... }");
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		return _("an integer");
	case CONFIG_TYPE_FLOAT:
		return _("a number");
	case CONFIG_TYPE_STRING:
		return _("a string");
	case CONFIG_TYPE_BOOL:
		return _("a boolean");
	case CONFIG_TYPE_ARRAY:
		return _("an array [ ... ]");
	case CONFIG_TYPE_LIST:
		return _("a list ( ... )");
	}
	return _("a value");
}

bool
conf_want(struct loader *l, const config_setting_t *s, const char *what,
    int type)
{
	int have = config_setting_type(s);

	if (have == type)
		return true;
	conf_err(l, s, _("%s must be %s, not %s"), what, type_name(type),
	    type_name(have));
	return false;
}

/* Small helpers ---------------------------------------------------------- */

/* Stored in NFC so that widths are right. */
char *
conf_text(struct loader *l, const config_setting_t *s, const char *what)
{
	char *v, *msg = NULL;

	/* The input rule of every stored text (text.h): a name here ends
	 * up in the history and the minutes. */
	if (text_field(what, config_setting_get_string(s), false, &v,
	    &msg) != 0) {
		conf_err(l, s, "%s", msg);
		free(msg);
		return NULL;
	}
	return v;
}

bool
conf_date(struct loader *l, const config_setting_t *s, const char *what,
    char iso[11])
{
	if (!conf_want(l, s, what, CONFIG_TYPE_STRING))
		return false;
	if (date_parse(config_setting_get_string(s), iso))
		return true;
	conf_err(l, s, _("%s: \"%s\" is not a date (YYYY-MM-DD or "
	    "dd/mm/yyyy)"), what, config_setting_get_string(s));
	return false;
}

static bool
in_list(const char *const *list, const char *s)
{
	for (; *list != NULL; list++)
		if (conf_ascii_eq(*list, s))
			return true;
	return false;
}

/* Scalars ---------------------------------------------------------------- */

static void
load_database(struct loader *l, const config_setting_t *s)
{
	const char *v = config_setting_get_string(s);
	char *home, *path, *e = NULL;

	if (*v == '\0') {
		conf_err(l, s, _("%s: empty path"), "database");
		return;
	}
	home = conf_expand_home(v);
	/* "~user/x": that user's home, or an error; never a directory
	 * named "~user". */
	if (path_expand_user(home, &path, &e) != 0) {
		conf_err(l, s, "%s", e);
		free(e);
		free(home);
		return;
	}
	free(home);
	free(l->c->database);
	l->c->database = path;
}

static void
load_commune(struct loader *l, const config_setting_t *s)
{
	char *v = conf_text(l, s, "commune");

	if (v != NULL) {
		free(l->c->commune);
		l->c->commune = v;
	}
}

static void
load_chair(struct loader *l, const config_setting_t *s)
{
	char *v = conf_text(l, s, "chair");

	if (v != NULL) {
		free(l->c->chair);
		l->c->chair = v;
	}
}

static void
load_deadline(struct loader *l, const config_setting_t *s)
{
	char iso[11];

	if (conf_date(l, s, "deadline", iso)) {
		free(l->c->default_due);
		l->c->default_due = xstrdup(iso);
	}
}

static void
load_warn_days(struct loader *l, const config_setting_t *s)
{
	int v = config_setting_get_int(s);

	if (v < 0 || v > MAX_WARN_DAYS)
		conf_err(l, s, _("%s must be between 0 and %d, not %d"),
		    "warn_days", MAX_WARN_DAYS, v);
	else
		l->c->warn_days = v;
}

/* backup = { keep = 7; dir = "~/parboard-backup"; }; */
static void
load_backup(struct loader *l, const config_setting_t *s)
{
	config_setting_t *e;
	const char *v;
	char *home, *path, *x = NULL;
	unsigned int i;

	for (i = 0; (e = config_setting_get_elem(s, i)) != NULL; i++) {
		if (strcmp(config_setting_name(e), "keep") == 0 &&
		    conf_want(l, e, "backup.keep", CONFIG_TYPE_INT)) {
			if (config_setting_get_int(e) < 0 ||
			    config_setting_get_int(e) > MAX_BACKUP_KEEP)
				conf_err(l, e, _("%s must be between 0 and "
				    "%d, not %d"), "backup.keep",
				    MAX_BACKUP_KEEP,
				    config_setting_get_int(e));
			else
				l->c->backup_keep = config_setting_get_int(e);
		} else if (strcmp(config_setting_name(e), "dir") == 0 &&
		    conf_want(l, e, "backup.dir", CONFIG_TYPE_STRING)) {
			v = config_setting_get_string(e);
			home = conf_expand_home(v);
			if (*v == '\0')
				conf_err(l, e, _("%s: empty path"),
				    "backup.dir");
			else if (path_expand_user(home, &path, &x) != 0) {
				conf_err(l, e, "%s", x);
				free(x);
			} else {
				free(l->c->backup_dir);
				l->c->backup_dir = path;
			}
			free(home);
		} else if (strcmp(config_setting_name(e), "keep") != 0 &&
		    strcmp(config_setting_name(e), "dir") != 0)
			conf_err(l, e, _("unknown setting '%s'"),
			    config_setting_name(e));
	}
}

static void
load_show_empty(struct loader *l, const config_setting_t *s)
{
	l->c->show_empty = config_setting_get_bool(s) != 0;
}

static void
load_ascii(struct loader *l, const config_setting_t *s)
{
	l->c->ascii = config_setting_get_bool(s) != 0;
}

static void
load_language(struct loader *l, const config_setting_t *s)
{
	const char *v = config_setting_get_string(s);

	if (!i18n_known(v)) {
		conf_err(l, s, _("%s must be \"vi\" or \"en\""),
		    "language");
		return;
	}
	free(l->c->language);
	l->c->language = xstrdup(v);
}

/* Keys and colours ------------------------------------------------------- */

static void
add_binding(struct loader *l, const config_setting_t *where,
    const config_setting_t *key, const config_setting_t *action)
{
	struct config *c = l->c;

	if (key == NULL || action == NULL) {
		conf_err(l, where, "%s",
		    _("a binding needs a key and an action"));
		return;
	}
	if (!conf_want(l, key, _("a key"), CONFIG_TYPE_STRING) ||
	    !conf_want(l, action, _("an action"), CONFIG_TYPE_STRING))
		return;
	if (*config_setting_get_string(key) == '\0' ||
	    *config_setting_get_string(action) == '\0') {
		conf_err(l, where, "%s",
		    _("a binding needs a key and an action"));
		return;
	}
	c->keys = xgrow(c->keys, &l->keys_cap, c->nkeys + 1, sizeof *c->keys);
	c->keys[c->nkeys].key = xstrdup(config_setting_get_string(key));
	c->keys[c->nkeys].action = xstrdup(config_setting_get_string(action));
	c->keys[c->nkeys++].line = config_setting_source_line(where);
}

/* Each binding is ("KEY", "ACTION") or { key = "KEY"; action = "ACTION"; }:
 * libconfig names cannot hold most key names, so keys are values. */
static void
load_bind(struct loader *l, const config_setting_t *s)
{
	const config_setting_t *e, *m;
	const char *name;
	int i, j, n = config_setting_length(s);

	for (i = 0; i < n; i++) {
		e = config_setting_get_elem(s, (unsigned int)i);
		switch (config_setting_type(e)) {
		case CONFIG_TYPE_LIST:
		case CONFIG_TYPE_ARRAY:
			if (config_setting_length(e) != 2) {
				conf_err(l, e, "%s", _("a binding is "
				    "(\"KEY\", \"ACTION\")"));
				continue;
			}
			add_binding(l, e, config_setting_get_elem(e, 0),
			    config_setting_get_elem(e, 1));
			break;
		case CONFIG_TYPE_GROUP:
			for (j = 0; (m = config_setting_get_elem(e,
			    (unsigned int)j)) != NULL; j++) {
				name = config_setting_name(m);
				if (strcmp(name, "key") != 0 &&
				    strcmp(name, "action") != 0)
					conf_err(l, m, _("unknown setting "
					    "\"%s\" in a binding"), name);
			}
			add_binding(l, e, config_setting_get_member(e, "key"),
			    config_setting_get_member(e, "action"));
			break;
		default:
			conf_err(l, e, "%s", _("a binding is (\"KEY\", "
			    "\"ACTION\")"));
		}
	}
}

static void
load_colors(struct loader *l, const config_setting_t *s)
{
	struct config *c = l->c;
	const config_setting_t *m;
	const char *name, *v, *slash;
	char *fg, *bg;
	int i;

	for (i = 0; (m = config_setting_get_elem(s, (unsigned int)i)) != NULL;
	    i++) {
		name = config_setting_name(m);
		if (!conf_want(l, m, name, CONFIG_TYPE_STRING))
			continue;
		v = config_setting_get_string(m);
		slash = strchr(v, '/');
		fg = slash ? xstrndup(v, (size_t)(slash - v)) : xstrdup(v);
		bg = slash ? xstrdup(slash + 1) : NULL;
		if (!in_list(color_names, fg) ||
		    (bg != NULL && !in_list(color_names, bg))) {
			conf_err(l, m, _("%s: %s = \"%s\": want \"FG\" or "
			    "\"FG/BG\" with colours %s"), "colors", name, v,
			    "black, red, green, yellow, blue, magenta, cyan, "
			    "white, default");
			free(fg);
			free(bg);
			continue;
		}
		c->colors = xgrow(c->colors, &l->colors_cap, c->ncolors + 1,
		    sizeof *c->colors);
		c->colors[c->ncolors++] = (struct color_setting){
			xstrdup(name), fg, bg, config_setting_source_line(m)
		};
	}
}

/* columns = { standard = [ "điểm quy định" ]; assignee = "phân công"; } */
static void
add_column_word(struct loader *l, int col, const config_setting_t *w)
{
	struct config *c = l->c;
	char *v;

	if (!conf_want(l, w, "columns", CONFIG_TYPE_STRING) ||
	    (v = conf_text(l, w, "columns")) == NULL)
		return;
	c->column_words = xgrow(c->column_words, &l->columns_cap,
	    c->ncolumn_words + 1, sizeof *c->column_words);
	c->column_words[c->ncolumn_words++] = (struct column_word){ col, v };
}

static void
load_columns(struct loader *l, const config_setting_t *s)
{
	const config_setting_t *m, *w;
	const char *name;
	int i, j, col;

	for (i = 0; (m = config_setting_get_elem(s, (unsigned int)i)) != NULL;
	    i++) {
		name = config_setting_name(m);
		if ((col = appendix_column_id(name)) < 0) {
			conf_err(l, m, _("%s: unknown column \"%s\" (columns "
			    "are %s)"), "columns", name, "code, title, "
			    "standard, self, appraised, deduction, comment, "
			    "assignee");
			continue;
		}
		if (config_setting_type(m) != CONFIG_TYPE_ARRAY &&
		    config_setting_type(m) != CONFIG_TYPE_LIST) {
			add_column_word(l, col, m);
			continue;
		}
		for (j = 0; (w = config_setting_get_elem(m,
		    (unsigned int)j)) != NULL; j++)
			add_column_word(l, col, w);
	}
}

/* Loading ---------------------------------------------------------------- */

static void
loader_init(struct loader *l, struct config *c, const char *file)
{
	memset(l, 0, sizeof *l);
	l->c = c;
	l->file = file;
	conf_roles_init(l);
}

static void
loader_free(struct loader *l)
{
	size_t i;

	conf_roles_free(l);
	for (i = 0; i < l->nerrs; i++)
		free(l->errs[i].text);
	free(l->errs);
}

/* Edit distance of two short ASCII names, for "did you mean". */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, prev, cur, best;
	size_t row[32];

	if (la >= sizeof row / sizeof row[0] ||
	    lb >= sizeof row / sizeof row[0])
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			cur = row[j];
			best = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	return row[lb];
}

static void
unknown_setting(struct loader *l, const config_setting_t *s)
{
	const char *name = config_setting_name(s), *near = NULL;
	size_t i, d, best = 3;	/* two typos at most */

	for (i = 0; i < sizeof settings / sizeof settings[0]; i++)
		if ((d = distance(name, settings[i].name)) < best) {
			best = d;
			near = settings[i].name;
		}
	if (near != NULL)
		conf_err(l, s, _("unknown setting \"%s\" (did you mean "
		    "\"%s\"?)"), name, near);
	else
		conf_err(l, s, _("unknown setting \"%s\""), name);
}

/* libconfig's own error texts, in the user's language when known. */
static const char *
libconfig_what(const char *text)
{
	static const char *const known[] = {
		N_("syntax error"),
		N_("cannot open include file"),
		N_("include file nesting too deep"),
		N_("file I/O error"),
		N_("integer value out of range"),
	};
	size_t i;

	if (text == NULL)
		return _("syntax error");
	for (i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcmp(text, known[i]) == 0)
			return _(known[i]);
	return text;
}

/* The file is read once, whole (at most LIMIT_CONFIG bytes), and parsed
 * from memory: a pipe (-c <(...)) cannot be read twice.  Notepad saves
 * UTF-8 with a byte order mark, which libconfig takes for a syntax
 * error: it is skipped (lines stay the same). */
static int
read_config(config_t *cf, const char *data, size_t len)
{
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		data += 3;
	return config_read_string(cf, data);
}

int
conf_read_file(const char *path, struct config **out, char **err)
{
	struct config *c;
	config_setting_t *root, *s;
	const struct setting *t;
	struct loader l;
	struct stat sb;
	config_t cf;
	const char *slash;
	char *dir, *data;
	size_t i, len;
	int n, rc;

	if (stat(path, &sb) != 0)
		return fail(err, "%s: %s", path, strerror(errno));
	if (S_ISDIR(sb.st_mode))
		return fail(err, "%s: %s", path, strerror(EISDIR));
	if (read_file(path, LIMIT_CONFIG, &data, &len, err) != 0)
		return -1;
	config_init(&cf);
	/* @include "x" is relative to the including file, not to the
	 * current directory. */
	slash = strrchr(path, '/');
	dir = slash ? xstrndup(path, (size_t)(slash - path) + 1) : xstrdup(".");
	config_set_include_dir(&cf, dir);
	errno = 0;
	rc = read_config(&cf, data, len);
	free(data);
	if (rc != CONFIG_TRUE) {
		if (config_error_type(&cf) == CONFIG_ERR_FILE_IO)
			fail(err, "%s: %s", path,
			    strerror(errno ? errno : EIO));
		else
			fail(err, "%s:%d: %s", config_error_file(&cf) ?
			    config_error_file(&cf) : path,
			    config_error_line(&cf),
			    libconfig_what(config_error_text(&cf)));
		config_destroy(&cf);
		free(dir);
		return -1;
	}

	c = config_default();
	loader_init(&l, c, path);
	root = config_root_setting(&cf);
	for (n = 0; (s = config_setting_get_elem(root, (unsigned int)n)) !=
	    NULL; n++) {
		for (i = 0; i < sizeof settings / sizeof settings[0]; i++)
			if (strcmp(settings[i].name,
			    config_setting_name(s)) == 0)
				break;
		if (i == sizeof settings / sizeof settings[0]) {
			unknown_setting(&l, s);
			continue;
		}
		t = &settings[i];
		if (conf_want(&l, s, t->name, t->type))
			t->load(&l, s);
	}
	conf_roles_finish(&l);
	conf_users_finish(&l);
	config_destroy(&cf);
	free(dir);

	if (l.nerrs > 0) {
		if (err != NULL) {
			free(*err);
			*err = errors_text(&l);
		}
		loader_free(&l);
		config_free(c);
		return -1;
	}
	loader_free(&l);
	c->file = xstrdup(path);
	*out = c;
	return 0;
}


int
config_dump_settings(FILE *out, const char *format)
{
	const struct setting *t;
	char *tag, *def;
	size_t i;

	if (strcmp(format, "man") != 0)
		return -1;
	for (i = 0; i < sizeof settings / sizeof settings[0]; i++) {
		t = &settings[i];
		if (t->def_note != NULL)
			def = xstrdup(_(t->def_note));
		else if (t->def == NULL)
			def = xstrdup(_("none"));
		else if (strlen(t->def) == 2 && strchr("({[", t->def[0]))
			def = xstrdup(_("empty"));
		else
			def = xasprintf("B<%s>", t->def);
		/* TRANSLATORS: a setting of the man page: its name, its
		 * type and its default. */
		tag = xasprintf(_("B<%s> (%s; default: %s)"), t->name,
		    _(t->kind), def);
		fputs(".TP\n", out);
		manpage_text(out, tag);
		manpage_text(out, _(t->help));
		free(tag);
		free(def);
	}
	return 0;
}
