/* SPDX-License-Identifier: ISC */
/* confread_impl.h: the reader's insides, shared by confread.c (the
 * settings table, error collection, scalar, key and colour settings) and
 * confroles.c (roles, the two special columns and per-criterion
 * deadlines).  config.c does not see this. */
#ifndef PARBOARD_CONFREAD_IMPL_H
#define PARBOARD_CONFREAD_IMPL_H

#include <libconfig.h>
#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "util.h"

/* A role being read, with what conf_roles_finish() needs to place and
 * check it. */
struct pending_role {
	struct role r;
	int line;
	int accountable_line;	/* where accountable is set, 0 if not */
	bool has_name, has_match;
};

/* Errors are kept apart until the end so they can be shown in the order
 * of the file, although some are only found after all of it is read. */
struct load_error {
	unsigned int line;
	size_t seq;
	char *text;
};

struct loader {
	struct config *c;
	const char *file;
	struct load_error *errs;
	size_t nerrs, errs_cap;

	struct pending_role *roles;
	size_t nroles, roles_cap;
	struct pending_role common, unassigned;

	int admins_line;	/* where admins is set, 0 if not */
	int *override_lines;	/* parallel to c->code_due */
	size_t code_due_cap, keys_cap, colors_cap, columns_cap;
};

/* confread.c: errors and value checks. */
/* An error about setting s (NULL: the file as a whole). */
void conf_err(struct loader *l, const config_setting_t *s,
    const char *fmt, ...) PB_PRINTF(3, 4);
/* An error found after reading, when only the line is left. */
void conf_err_line(struct loader *l, int line, const char *fmt, ...)
    PB_PRINTF(3, 4);
/* True when s has the type; otherwise reports it. */
bool conf_want(struct loader *l, const config_setting_t *s,
    const char *what, int type);
/* A display string under the input rule (text.h, text_field), in NFC;
 * NULL (reported) when refused. */
char *conf_text(struct loader *l, const config_setting_t *s,
    const char *what);
/* A date as YYYY-MM-DD or dd/mm/yyyy into iso; false (reported) if not. */
bool conf_date(struct loader *l, const config_setting_t *s,
    const char *what, char iso[11]);

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

/* confsettings.c: the table, in the order of the man page. */
extern const struct setting conf_settings[];
extern const size_t conf_nsettings;

/* confread.c: the scalar, key, colour and column settings. */
void conf_load_database(struct loader *l, const config_setting_t *s);
void conf_load_commune(struct loader *l, const config_setting_t *s);
void conf_load_deadline(struct loader *l, const config_setting_t *s);
void conf_load_warn_days(struct loader *l, const config_setting_t *s);
void conf_load_new_task_days(struct loader *l, const config_setting_t *s);
void conf_load_language(struct loader *l, const config_setting_t *s);
void conf_load_bind(struct loader *l, const config_setting_t *s);
void conf_load_colors(struct loader *l, const config_setting_t *s);
void conf_load_columns(struct loader *l, const config_setting_t *s);
void conf_load_show_empty(struct loader *l, const config_setting_t *s);
void conf_load_ascii(struct loader *l, const config_setting_t *s);
void conf_load_backup(struct loader *l, const config_setting_t *s);
void conf_load_chair(struct loader *l, const config_setting_t *s);

/* confroles.c: the role and criteria settings of the table. */
void conf_roles_load(struct loader *l, const config_setting_t *s);
void conf_roles_common(struct loader *l, const config_setting_t *s);
void conf_roles_unassigned(struct loader *l, const config_setting_t *s);
void conf_roles_criteria(struct loader *l, const config_setting_t *s);
/* Take the roles of l->c (the defaults) as the pending ones. */
void conf_roles_init(struct loader *l);
/* Assemble l->c's roles once the whole file is read, with the checks
 * that need all of it: duplicate ids, override roles that exist. */
void conf_roles_finish(struct loader *l);
void conf_roles_free(struct loader *l);

/* confusers.c: users, admins, shared_accounts and people. */
void conf_users_load(struct loader *l, const config_setting_t *s);
void conf_admins_load(struct loader *l, const config_setting_t *s);
void conf_shared_load(struct loader *l, const config_setting_t *s);
void conf_people_load(struct loader *l, const config_setting_t *s);
/* Once the roles are final: every role named exists. */
void conf_users_finish(struct loader *l);

#endif
