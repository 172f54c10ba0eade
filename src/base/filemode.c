/* SPDX-License-Identifier: ISC */
/* filemode.c: the mode of a file several accounts share (filemode.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "filemode.h"
#include "util.h"

static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

mode_t
filemode_new(const char *path)
{
	char *dir = dir_of(path);
	struct stat sb;
	mode_t mask;
	bool shared = stat(dir, &sb) == 0 &&
	    (sb.st_mode & (S_IWGRP | S_ISGID)) != 0;

	free(dir);
	if (shared)
		return 0660;
	mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

int
filemode_create(const char *path, char **err)
{
	int fd, rc = 0;

	if (filemode_new(path) != 0660)
		return 0;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC |
	    O_NOFOLLOW, 0660);
	if (fd < 0)
		return errno == EEXIST ? 0 : fail(err, "%s: %s", path,
		    strerror(errno));
	/* The umask (often 022) would leave the group read-only; SQLite
	 * gives the -wal and -shm files the database's mode. */
	if (fchmod(fd, 0660) != 0)
		rc = fail(err, "%s: %s", path, strerror(errno));
	close(fd);
	return rc;
}
