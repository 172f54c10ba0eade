/* SPDX-License-Identifier: ISC */
/* priv.c: the setgid install's privilege (see priv.h).  The file modes
 * that let several accounts share one database are in filemode.c. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "paths.h"
#include "priv.h"
#include "util.h"

extern char **environ;

static bool elevated;

/* The variables a setgid parboard keeps: the terminal, the language, the
 * time zone and the board's looks.  Everything else (PARBOARD_*, HOME,
 * XDG_*, the test hooks PARBOARD_KEYS and PARBOARD_DUMP) goes. */
static bool
env_kept(const char *entry)
{
	static const char *const keep[] = {
		"TERM", "LANG", "LANGUAGE", "TZ", "NO_COLOR", "COLUMNS",
		"LINES", "ESCDELAY",
	};
	size_t i, n = strcspn(entry, "=");

	if (entry[n] != '=')
		return false;
	if (strncmp(entry, "LC_", 3) == 0)
		return true;
	for (i = 0; i < sizeof keep / sizeof keep[0]; i++)
		if (strlen(keep[i]) == n && strncmp(entry, keep[i], n) == 0)
			return true;
	return false;
}

/* A value that could make a library read a file of the user's choosing
 * (TZ=/home/x/zone, LANG=../../x) is dropped too; TZ=Asia/Ho_Chi_Minh
 * stays. */
static bool
env_safe(const char *entry)
{
	const char *v = strchr(entry, '=') + 1;

	return *v != '/' && strstr(v, "..") == NULL;
}

static void
env_clean(void)
{
	char **kept, **e;
	size_t n = 0;

	for (e = environ; *e != NULL; e++)
		n++;
	kept = xcalloc(n + 1, sizeof *kept);
	n = 0;
	for (e = environ; *e != NULL; e++)
		if (env_kept(*e) && env_safe(*e))
			kept[n++] = *e;
	/* The strings stay where they are; only the list is new. */
	environ = kept;
}

void
priv_start(void)
{
	elevated = getegid() != getgid();
	if (elevated || geteuid() != getuid())
		env_clean();
}

bool
priv_elevated(void)
{
	return elevated;
}

int
priv_suspend(char **err)
{
	gid_t g = getgid();

	if (!elevated)
		return 0;
	if (setresgid((gid_t)-1, g, (gid_t)-1) != 0 || getegid() != g)
		return fail(err, _("cannot give up group privileges: %s"),
		    strerror(errno));
	return 0;
}

int
priv_resume(char **err)
{
	gid_t r, e, saved;

	if (!elevated)
		return 0;
	if (getresgid(&r, &e, &saved) != 0 ||
	    setresgid((gid_t)-1, saved, (gid_t)-1) != 0)
		return fail(err, _("cannot give up group privileges: %s"),
		    strerror(errno));
	return 0;
}

int
priv_drop(char **err)
{
	gid_t g = getgid(), was = getegid();

	if (!elevated)
		return 0;
	if (setresgid(g, g, g) != 0)
		return fail(err, _("cannot give up group privileges: %s"),
		    strerror(errno));
	/* Setgid only: the user id is the user's.  Check it took: the
	 * group cannot be had back (root could; root needs no group). */
	if (getegid() != g || (getuid() != 0 && setegid(was) == 0))
		return fail(err, "%s", _("cannot give up group privileges"));
	elevated = false;
	return 0;
}

int
priv_config_load(struct config **out, char **db, char **err)
{
	const char *sys = SYSCONFDIR "/parboard.conf";
	struct stat sb;

	if (stat(sys, &sb) == 0) {
		if (config_load(sys, out, err) != 0)
			return -1;
	} else
		*out = config_default();
	*db = xstrdup((*out)->database != NULL ? (*out)->database :
	    PB_SHARED_DB);
	return 0;
}

static bool
in_group(gid_t g)
{
	gid_t *list;
	int n, i;
	bool yes = g == getegid() || g == getgid();

	if (yes || (n = getgroups(0, NULL)) <= 0)
		return yes;
	list = xcalloc((size_t)n, sizeof *list);
	n = getgroups(n, list);
	for (i = 0; i < n && !yes; i++)
		yes = list[i] == g;
	free(list);
	return yes;
}

char *
priv_readonly_why(const char *path)
{
	struct group *gr;
	struct stat sb;

	if (stat(path, &sb) != 0 || !(sb.st_mode & S_IWGRP) ||
	    sb.st_uid == geteuid() || in_group(sb.st_gid))
		return NULL;
	gr = getgrgid(sb.st_gid);
	if (gr != NULL)
		return xasprintf(_("you are not in group %s"), gr->gr_name);
	return xasprintf(_("you are not in group %lu"),
	    (unsigned long)sb.st_gid);
}
