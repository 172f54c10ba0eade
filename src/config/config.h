/* SPDX-License-Identifier: ISC */
/* config.h: the libconfig file as parboard uses it — roles and their
 * match patterns, deadlines and their overrides, the database path, the
 * board's key bindings and colours.
 *
 * Every setting is described once in a table in confread.c (name, type,
 * default, meaning) and read through it; the same defaults apply when no
 * file exists.  The user's file is never written. */
#ifndef PARBOARD_CONFIG_H
#define PARBOARD_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "task.h"

/* Ids of the two columns that are not real roles. */
#define ROLE_COMMON "CHUNG"
#define ROLE_UNASSIGNED "CHUA-GIAO"

struct role {
	char *id;		/* ASCII: "VP-TK" */
	char *name;		/* display name: "Văn phòng – Thống kê" */
	char **patterns;	/* already folded with text_fold() */
	size_t npatterns;
	char *due;		/* per-role deadline YYYY-MM-DD or NULL */
	bool common;		/* the all-staff column (CHUNG) */
	char *accountable;	/* CHUNG only: the role that answers for the
				 * tasks for all staff (keeps watch over
				 * them), or NULL */
	bool unassigned;	/* the catch-all column (CHUA-GIAO) */
};

/* criteria = ( { code = "3.12.1"; deadline = "2023-10-15";
 * role = "TN-TKQ"; } ): role is optional; with it the override applies
 * only to that role's tasks for the criterion. */
struct due_override {
	char *code;		/* criterion code */
	char *due;		/* YYYY-MM-DD */
	char *role;		/* role id or NULL for every role */
};

/* A key binding from the configuration: bind = ( ("s", "status-next") );
 * the action name is checked by the keymap module, which reports line. */
struct key_binding {
	char *key;		/* key name as written: "s", "Space", "C-l", "F5" */
	char *action;		/* action name from keys.def */
	int line;
};

/* columns = { standard = [ "điểm quy định" ]; }: another header wording
 * of an appendix column (APPENDIX_COL_* of appraisal.h). */
struct column_word {
	int col;
	char *word;		/* as written, NFC */
};

/* A colour setting: colors = { overdue = "red"; done = "green"; } */
struct color_setting {
	char *element;		/* overdue, soon, done, blocked, header, ... */
	char *fg, *bg;		/* curses colour names or NULL */
	int line;
};

/* An account's or a person's roles (users = { lan = ["VP-TK"]; };
 * people = ( { name = "Lan"; roles = ["VP-TK"]; title = "Công chức
 * Văn phòng – Thống kê phụ trách CCHC"; account = "lan"; } )). */
struct member {
	char *name;		/* Unix account, or a person's name */
	char **roles;		/* role ids as the roles table spells them */
	size_t nroles;
	char *title;		/* a person's post, or NULL (people.h) */
	char *account;		/* a person's own Unix login, or NULL */
	int line;
};

struct config {
	char *file;		/* the file read, or NULL for built-in defaults */
	char *database;		/* expanded path or NULL */
	char *commune;		/* optional display name of the commune */
	char *language;		/* "vi", "en" or NULL: see i18n.h */
	char *default_due;	/* YYYY-MM-DD, default "2023-10-31" */
	int warn_days;		/* "due soon" window, default 7 */
	int new_task_days;	/* a task added after the deadline: due
				 * this many days on, default 30 */
	bool show_empty;	/* board: columns of roles without tasks */
	bool ascii;		/* board: gauges drawn with # and . */
	int backup_keep;	/* daily copies kept, default 7; 0: none */
	char *backup_dir;	/* their folder, NULL: "backup" beside the
				 * database (config_backup_dir) */
	struct role *roles;	/* in column order; CHUNG and CHUA-GIAO last
				 * unless placed explicitly */
	size_t nroles;
	struct due_override *code_due;
	size_t ncode_due;
	struct key_binding *keys;
	size_t nkeys;
	struct color_setting *colors;
	size_t ncolors;
	struct column_word *column_words;
	size_t ncolumn_words;
	/* Who may change what (perm.h): with no `users` setting (has_users
	 * false) everyone may change everything. */
	bool has_users;
	struct member *users;
	size_t nusers;
	char **admins;		/* accounts that may change everything */
	size_t nadmins;
	char **shared;		/* shared logins: a person is named per run */
	size_t nshared;
	struct member *people;	/* the names a shared login may claim */
	size_t npeople;
	char *chair;		/* who chairs the weekly meeting, or NULL */
};

#define CONF_DEFAULT_BACKUP_KEEP 7
#define MAX_BACKUP_KEEP 366

/* The folder of the daily copies of the database at db_path. */
char *config_backup_dir(const struct config *c, const char *db_path);

/* Built-in configuration: the six roles of DESIGN.md plus CHUNG and
 * CHUA-GIAO, deadline 2023-10-31.  Never fails. */
struct config *config_default(void);

/* Load a configuration: path when not NULL, else the first that exists of
 * $PARBOARD_CONFIG, $XDG_CONFIG_HOME/parboard/parboard.conf (or
 * ~/.config/...), SYSCONFDIR/parboard.conf; defaults when none exists.
 * An explicitly named file that does not exist is an error.  Errors are
 * collected and returned together, one per line, each "FILE:LINE: what"
 * (syntax errors, wrong types, an unknown role in an override, a bad
 * date, a duplicate role id). */
int config_load(const char *path, struct config **out, char **err);

/* The SETTINGS section of parboard.conf(5), made of the settings table
 * (confread.c) in the user's language: format "man"; -1 for another. */
int config_dump_settings(FILE *out, const char *format);

/* The database path: explicit (-d) when not NULL, else the config's
 * `database`, else $XDG_DATA_HOME/parboard/parboard.db (or
 * ~/.local/share/...).  Returns a malloc'd string. */
char *config_database_path(const struct config *c, const char *explicit);

const struct role *config_role(const struct config *c, const char *id);
/* Deadline of a task of role (may be NULL) for criterion code (may be
 * NULL); *source gets DUE_CRITERION, DUE_ROLE or DUE_DEFAULT. */
const char *config_due(const struct config *c, const char *role,
    const char *code, enum due_source *source);

/* The role accountable for the tasks of role: the common column's
 * accountable role, else NULL. */
const char *config_accountable(const struct config *c, const char *role);
/* One of c's people by name: as configured, or else the one whose name
 * folded (case and marks aside) matches; NULL for none. */
const struct member *config_person(const struct config *c,
    const char *name);
/* The person whose own login (`account`) is account; NULL for none. */
const struct member *config_person_of_account(const struct config *c,
    const char *account);
/* Who a history row's user is, for the documents: the configured
 * person's name for their own account ("uxlan" → "Nguyễn Thị Lan") and
 * for a shared login's claim ("ubnd (Lan)" → Lan's configured name), else
 * the text as it is; *m gets the person or NULL (m may be NULL).
 * malloc'd; NULL for NULL. */
char *config_actor_name(const struct config *c, const char *actor,
    const struct member **m);
/* Whether m has role (a role id, ASCII case aside). */
bool config_member_has_role(const struct member *m, const char *role);
/* The name of the person of role (one of `people` with that role) that
 * an assignment text names by the words of their title (people.h),
 * malloc'd; NULL when it names none or more than one. */
char *config_person_named(const struct config *c, const char *role,
    const char *text);

void config_free(struct config *c);

#endif
