/* SPDX-License-Identifier: ISC */
/* office.c: importing Word and Excel files through parboard-office
 * (office.h). */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "grid.h"
#include "i18n.h"
#include "office.h"
#include "paths.h"
#include "util.h"

#define HELPER "parboard-office"

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

/* Milliseconds left until deadline (CLOCK_MONOTONIC), at least 0. */
static int
ms_left(const struct timespec *deadline)
{
	struct timespec now;
	long ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (deadline->tv_sec - now.tv_sec) * 1000 +
	    (deadline->tv_nsec - now.tv_nsec) / 1000000;
	return ms > 0 ? (int)ms : 0;
}

/* Read fd to its end into *data, at most GRID_MAX_STREAM bytes and
 * until OFFICE_MAX_SECONDS have passed: -1 with errno EFBIG or
 * ETIMEDOUT then. */
static int
read_all(int fd, char **data, size_t *len)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	struct timespec deadline;
	size_t cap = 0, n = 0;
	char *d = NULL;
	ssize_t r;
	int ready;

	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += OFFICE_MAX_SECONDS;
	for (;;) {
		ready = poll(&p, 1, ms_left(&deadline));
		if (ready < 0 && errno == EINTR)
			continue;
		if (ready == 0)
			errno = ETIMEDOUT;
		if (ready <= 0)
			break;
		d = xgrow(d, &cap, n + 65536, 1);
		r = read(fd, d + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		if (r == 0) {
			*data = d;
			*len = n;
			return 0;
		}
		n += (size_t)r;
		if (n > GRID_MAX_STREAM) {
			errno = EFBIG;
			break;
		}
	}
	free(d);
	return -1;
}

/* Why the helper ended without its tables: "FILE: what". */
static int
helper_failed(const char *file, const char *helper, int saved, int status,
    char **err)
{
	if (saved == EFBIG)
		return fail(err, _("%s: the reader of Word and Excel files "
		    "(%s) wrote more than the limits allow"), file, helper);
	if (saved == ETIMEDOUT || (WIFSIGNALED(status) &&
	    (WTERMSIG(status) == SIGXCPU || WTERMSIG(status) == SIGKILL)))
		return fail(err, _("%s: reading it took more than %d seconds; "
		    "refused"), file, OFFICE_MAX_SECONDS);
	if (WIFEXITED(status) && WEXITSTATUS(status) == OFFICE_EXIT_MEMORY)
		return fail(err, _("%s: reading it needs more than %d MB of "
		    "memory; refused"), file, OFFICE_MAX_MEMORY_MB);
	if (saved != 0)
		return fail(err, "%s: %s: %s", file, helper, strerror(saved));
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return fail(err, _("%s: cannot read Word or Excel "
		    "files: cannot run %s"), file, helper);
	return fail(err, _("%s: the reader of Word and Excel files "
	    "(%s) failed"), file, helper);
}

/* Run the helper on file; its output in *data.  It is stopped when it
 * runs longer than OFFICE_MAX_SECONDS or writes more than a stream
 * within the limits can hold; it limits its own memory and processor
 * time (ooxml_main.c). */
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
	if (saved != 0)
		kill(pid, SIGKILL);
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			free(*data);
			return fail(err, "%s: %s", file, strerror(errno));
		}
	if (saved == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	free(*data);
	*data = NULL;
	return helper_failed(file, helper, saved, status, err);
}

int
office_read(const char *file, struct grid **out, size_t *n, char **text,
    char **err)
{
	char helper[PATH_MAX + 32], *data, *msg;
	size_t len;
	int rc;

	*out = NULL;
	*n = 0;
	*text = NULL;
	helper_path(helper, sizeof helper);
	if (run_helper(helper, file, &data, &len, err) != 0)
		return -1;
	rc = grid_read(file, data, len, out, n, text, &msg);
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
	return 0;
}
