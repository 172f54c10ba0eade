/* SPDX-License-Identifier: ISC */
/* priv.h: the shared install's privilege.  On a commune server parboard
 * is installed setgid `parboard` and the database lives in a directory
 * only that group may write (2770 root:parboard), so users change the
 * database only through parboard, which applies perm.h's rules.
 *
 * Running with that privilege (the effective group is not the real one)
 * parboard:
 * - keeps only TERM, LANG, LC_*, LANGUAGE, TZ, NO_COLOR, COLUMNS, LINES
 *   and ESCDELAY of the environment (priv_start);
 * - reads only the system configuration and the database it names, or
 *   PB_SHARED_DB (ignoring -c, -d, $PARBOARD_CONFIG and XDG paths);
 * - opens the database with the group; store_open makes SQLite keep its
 *   -wal and -shm files (SQLITE_FCNTL_PERSIST_WAL: SQLite would otherwise
 *   create and remove them lazily, which needs the group) and opens them
 *   with its first reads, and the -shm file once more, read-only, to ask
 *   who holds the write lock; then gives the group up for good (priv_drop)
 *   before it opens anything else, so every path a user names (import
 *   files, backup FILE) is opened with the user's own rights only. */
#ifndef PARBOARD_PRIV_H
#define PARBOARD_PRIV_H

#include <stdbool.h>
#include <sys/types.h>

#include "config.h"

/* First thing in main(): notes whether we run with another effective
 * group and, if so, cleans the environment. */
void priv_start(void);
/* Running with the install's group (and not given up yet). */
bool priv_elevated(void);
/* The group given up for good: real, effective and saved group ids all
 * the real one.  Does nothing when not elevated; -1 if it fails (the
 * caller must then stop). */
int priv_drop(char **err);
/* The group set aside (the effective group the real one, the saved one
 * kept) and taken back: the first import of the shared install reads
 * its files with the user's rights before the database is created, so
 * that files that cannot be imported leave no database behind.  Nothing
 * when not elevated. */
int priv_suspend(char **err);
int priv_resume(char **err);

/* The system configuration (SYSCONFDIR/parboard.conf, or the built-in
 * one when it does not exist) and nothing else; its database, or
 * PB_SHARED_DB when it names none, in *db. */
int priv_config_load(struct config **out, char **db, char **err);

/* Why a database opens read-only, when we can tell: "you are not in
 * group parboard" (a group-writable file of a group we are not in);
 * NULL otherwise.  Malloc'd. */
char *priv_readonly_why(const char *path);

#endif
