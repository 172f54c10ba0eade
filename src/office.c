/* SPDX-License-Identifier: ISC */
/* office.c: importing Word and Excel files through parboard-office
 * (office.h). */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "grid.h"
#include "i18n.h"
#include "office.h"
#include "paths.h"
#include "util.h"

#define HELPER "parboard-office"
/* Largest stream read from the helper. */
#define MAX_STREAM (1024L * 1024 * 1024)

bool
office_is_office(const char *file)
{
	size_t n = strlen(file);

	return n > 5 && (strcasecmp(file + n - 5, ".docx") == 0 ||
	    strcasecmp(file + n - 5, ".xlsx") == 0);
}

/* $PARBOARD_OFFICE; the build tree's helper for a program run from a
 * build tree (util_build_tree); else the installed one. */
static void
helper_path(char *buf, size_t size)
{
	char top[PATH_MAX];
	const char *env = secure_getenv("PARBOARD_OFFICE");

	if (env != NULL && *env != '\0' && getuid() == geteuid() &&
	    getgid() == getegid()) {
		snprintf(buf, size, "%s", env);
		return;
	}
	if (util_build_tree(top, sizeof top)) {
		snprintf(buf, size, "%s/src/%s", top, HELPER);
		return;
	}
	snprintf(buf, size, "%s/%s", PKGLIBEXECDIR, HELPER);
}

/* Read fd to its end into *data. */
static int
read_all(int fd, char **data, size_t *len)
{
	size_t cap = 0, n = 0;
	char *d = NULL;
	ssize_t r;

	for (;;) {
		d = xgrow(d, &cap, n + 65536, 1);
		r = read(fd, d + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(d);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > (size_t)MAX_STREAM) {
			free(d);
			errno = EFBIG;
			return -1;
		}
	}
	*data = d;
	*len = n;
	return 0;
}

/* Run the helper on file; its output in *data. */
static int
run_helper(const char *helper, const char *file, char **data, size_t *len,
    char **err)
{
	int fds[2], status, saved;
	pid_t pid;

	*data = NULL;
	*len = 0;
	if (pipe(fds) != 0)
		return fail(err, "%s: %s", file, strerror(errno));
	pid = fork();
	if (pid < 0) {
		saved = errno;
		close(fds[0]);
		close(fds[1]);
		return fail(err, "%s: %s", file, strerror(saved));
	}
	if (pid == 0) {
		close(fds[0]);
		if (fds[1] != STDOUT_FILENO) {
			dup2(fds[1], STDOUT_FILENO);
			close(fds[1]);
		}
		signal(SIGPIPE, SIG_DFL);
		execl(helper, HELPER, file, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	saved = read_all(fds[0], data, len) != 0 ? errno : 0;
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return fail(err, "%s: %s", file, strerror(errno));
	if (saved != 0)
		return fail(err, "%s: %s: %s", file, helper, strerror(saved));
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		free(*data);
		return fail(err, _("%s: cannot read Word or Excel "
		    "files: cannot run %s"), file, helper);
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		free(*data);
		return fail(err, _("%s: the reader of Word and Excel files "
		    "(%s) failed"), file, helper);
	}
	return 0;
}

int
office_read(const char *file, struct appendix **out, char **err)
{
	char helper[PATH_MAX + 32], *data, *msg;
	struct grid *g;
	size_t len, n;
	int rc;

	*out = NULL;
	helper_path(helper, sizeof helper);
	if (run_helper(helper, file, &data, &len, err) != 0)
		return -1;
	rc = grid_read(data, len, &g, &n, &msg);
	free(data);
	if (rc == 1) {
		if (err != NULL)
			*err = msg;
		else
			free(msg);
		return -1;
	}
	if (rc != 0)
		return fail(err, _("%s: the reader of Word and Excel files "
		    "(%s) failed"), file, helper);
	rc = appendix_parse_grids(file, g, n, out, err);
	grids_free(g, n);
	return rc;
}
