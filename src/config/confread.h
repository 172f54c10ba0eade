/* SPDX-License-Identifier: ISC */
/* confread.h: private to the configuration module, between config.c (the
 * public side: defaults, where the file is, lookups) and the libconfig
 * reader (confread.c, confroles.c).  Names private to the module start
 * with conf_; nothing outside src/conf*.c includes this. */
#ifndef PARBOARD_CONFREAD_H
#define PARBOARD_CONFREAD_H

#include <stdbool.h>

#include "config.h"

/* Built-in values, also shown as defaults in the settings table. */
#define CONF_DEFAULT_DUE "2023-10-31"
#define CONF_DEFAULT_WARN_DAYS 7
#define CONF_DEFAULT_NEW_TASK_DAYS 30

/* In confread.c.  Read the libconfig file at path over the built-in
 * configuration.  Every error is collected, and all are returned
 * together in the order of the file, one "FILE:LINE: what" per line. */
int conf_read_file(const char *path, struct config **out, char **err);

/* In config.c, for the reader. */
/* Equal but for ASCII case: role ids, colour names. */
bool conf_ascii_eq(const char *a, const char *b);
/* "~", "~/x", "$HOME/x" and "${HOME}/x" as the shell would expand them. */
char *conf_expand_home(const char *path);
/* Free what a role holds and zero it. */
void conf_role_clear(struct role *r);

/* In confusers.c: free the users, admins, shared accounts and people. */
void conf_users_free(struct config *c);

#endif
