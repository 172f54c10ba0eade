/* SPDX-License-Identifier: ISC */
/* confsettings.c: the settings table — every top-level setting of the
 * file once, with its type, default, meaning and loader — and the man
 * page's SETTINGS section made from it.  The loaders are in confread.c,
 * confroles.c and confusers.c. */
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "confread.h"
#include "confread_impl.h"
#include "i18n.h"
#include "manpage.h"
#include "util.h"

/* The one description of parboard's settings, in the order of the man
 * page: its SETTINGS section is `parboard --dump-settings=man` (checked by
 * tests/man.sh); share/parboard.conf.in says the same in comments. */
const struct setting conf_settings[] = {
	{ "database", CONFIG_TYPE_STRING, NULL, NULL,
	    N_("string"),
	    N_("The SQLite database.  A leading B<~> or B<$HOME> is "
	       "replaced by the home directory.  The B<-d> option wins over this "
	       "setting; without either, the database is "
	       "I<$XDG_DATA_HOME/parboard/parboard.db> or "
	       "I<~/.local/share/parboard/parboard.db>."),
	    conf_load_database },
	{ "commune", CONFIG_TYPE_STRING, NULL, NULL,
	    N_("string"),
	    N_("Name of the commune, shown in the board's header, for "
	       "example B<\"X\\[u00E3] Hi\\[u1EC1]n Th\\[u00E0]nh\">."),
	    conf_load_commune },
	{ "chair", CONFIG_TYPE_STRING, NULL, NULL,
	    N_("string"),
	    N_("Who chairs the weekly review meeting, named in the "
	       "minutes (see B<minutes> in B<parboard>(1)); B<--chair> wins over "
	       "it, and without either the minutes name the person whose "
	       "B<account> it is (B<people>), else the Unix account."),
	    conf_load_chair },
	{ "deadline", CONFIG_TYPE_STRING, "\"" CONF_DEFAULT_DUE "\"", NULL,
	    N_("string"),
	    N_("The deadline of every task that has no more specific one, "
	       "as I<YYYY-MM-DD> or I<dd/mm/yyyy>.  Directive 103/UBND asks for "
	       "all deducted criteria to be fixed before 31/10/2023."),
	    conf_load_deadline },
	{ "language", CONFIG_TYPE_STRING, NULL, NULL,
	    N_("string"),
	    N_("The language of the board and the messages, B<\"vi\"> "
	       "(Vietnamese) or B<\"en\"> (English).  The B<LANGUAGE> environment "
	       "variable wins over this setting; without either, the locale "
	       "decides, else Vietnamese.  See LANGUAGE in B<parboard>(1)."),
	    conf_load_language },
	{ "warn_days", CONFIG_TYPE_INT, "7", NULL,
	    N_("integer, 0 to 366"),
	    N_("A task that is not done is shown as due soon this many "
	       "days before its deadline, and as overdue after it."),
	    conf_load_warn_days },
	{ "new_task_days", CONFIG_TYPE_INT, "30", NULL,
	    N_("integer, 1 to 366"),
	    N_("A task added on the board is offered the deadline as its "
	       "due date while the deadline is still ahead; after it, the day "
	       "this many days from today."),
	    conf_load_new_task_days },
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
	    conf_load_backup },
	{ "show_empty", CONFIG_TYPE_BOOL, "false", NULL,
	    N_("boolean"),
	    N_("With B<true>, the board shows a column for every role, "
	       "also one that holds no task, its own or one it supports; by "
	       "default such a role has no column."),
	    conf_load_show_empty },
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
	    conf_load_ascii },
	{ "roles", CONFIG_TYPE_LIST, NULL, N_("the seven roles below"),
	    N_("list of groups"),
	    N_("The columns of the board, in this order.  See B<ROLES AND "
	       "MATCHING>.  A B<roles> list replaces the default roles as a whole."),
	    conf_roles_load },
	{ "common", CONFIG_TYPE_GROUP, "id = \"" ROLE_COMMON "\"", NULL,
	    N_("group"),
	    N_("The column of tasks given to all staff; it takes B<id>, "
	       "B<name>, B<match> and B<deadline> like a role.  Settings it leaves "
	       "out keep their defaults.  B<accountable = \"VP-TK\";> names "
	       "the role that answers for these tasks and keeps watch over "
	       "them, shown on their cards and by B<list>; every account the "
	       "configuration names may report on them."),
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
	    conf_load_bind },
	{ "colors", CONFIG_TYPE_GROUP, "{}", NULL,
	    N_("group"),
	    N_("Colours of the board, see B<COLORS>."),
	    conf_load_colors },
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
	    conf_load_columns },
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
	    N_("The commune's people, with their roles and, optionally, their "
	       "post (B<title>) and their own Unix login (B<account>): B<people "
	       "= ( { name = \"Lan\"; roles = [\"VP-TK\"]; title = \"Công "
	       "chức Văn phòng – Thống kê phụ trách CCHC\"; account = \"lan\"; "
	       "} );>.  A shared login may claim any of the names: a claim, not "
	       "an authentication.  An account named here has the person's "
	       "roles unless B<users> names it.  Where the appendix's "
	       "assignment text names a person of the task's role by the words "
	       "of their title beyond the role's own (\"phụ trách CCHC\", "
	       "\"phụ trách HĐND và UBND\"), the import makes that person "
	       "answer for the task (B<parboard person> changes it).  Every "
	       "account named in B<users>, B<admins> or here may report on "
	       "the tasks for all staff (CHUNG)."),
	    conf_people_load },
};
const size_t conf_nsettings = sizeof conf_settings / sizeof conf_settings[0];

int
config_dump_settings(FILE *out, const char *format)
{
	const struct setting *t;
	char *tag, *def;
	size_t i;

	if (strcmp(format, "man") != 0)
		return -1;
	for (i = 0; i < conf_nsettings; i++) {
		t = &conf_settings[i];
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
