/* SPDX-License-Identifier: ISC */
/* store_lock.c: waiting for another writer's lock (SQLite's busy
 * handler), and naming who holds it when the wait is over. */
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "i18n.h"
#include "store.h"
#include "store_impl.h"
#include "util.h"

/* Who holds the lock we waited for.  In WAL mode SQLite takes its
 * write lock as a POSIX lock on byte 120 of the -shm file (sqlite's
 * os_unix.c: UNIX_SHM_BASE 120 + WAL_WRITE_LOCK 0; a checkpoint's lock
 * is the next byte), so the kernel can tell the holder's pid (F_GETLK).
 * 0 when nobody can be named. */
#define SHM_WRITE_LOCK 120
#define SHM_CKPT_LOCK 121
static pid_t
lock_holder(const struct store *s)
{
	static const off_t bytes[] = { SHM_WRITE_LOCK, SHM_CKPT_LOCK };
	struct flock fl;
	size_t i;

	for (i = 0; s->shm_fd >= 0 && i < sizeof bytes / sizeof bytes[0];
	    i++) {
		memset(&fl, 0, sizeof fl);
		fl.l_type = F_WRLCK;
		fl.l_whence = SEEK_SET;
		fl.l_start = bytes[i];
		fl.l_len = 1;
		if (fcntl(s->shm_fd, F_GETLK, &fl) == 0 &&
		    fl.l_type != F_UNLCK && fl.l_pid > 0)
			return fl.l_pid;
	}
	return 0;
}

/* The account a process runs for: its real uid (/proc/PID/status; the
 * directory of a setgid process belongs to root), or NULL. */
static char *
process_account(pid_t pid)
{
	char path[64], line[256];
	struct passwd *pw;
	unsigned long uid;
	FILE *f;
	bool found = false;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if ((f = fopen(path, "re")) == NULL)
		return NULL;
	while (!found && fgets(line, sizeof line, f) != NULL)
		found = sscanf(line, "Uid: %lu", &uid) == 1;
	fclose(f);
	if (!found)
		return NULL;
	pw = getpwuid((uid_t)uid);
	return pw != NULL ? xstrdup(pw->pw_name) : xasprintf("%lu", uid);
}

/* "locked by lan (process 4242)": the holder named, so that the
 * administrator can end it (parboard(1) SECURITY). */
int
store_fail_locked(struct store *s, char **err)
{
	pid_t pid = lock_holder(s);
	char *who;
	int rc;

	if (pid == 0)
		return store_fail_in(err, s->path, _("the database is locked, and "
		    "the process that holds it cannot be found; try again, "
		    "or see SECURITY in parboard(1)"));
	if ((who = process_account(pid)) == NULL)
		return store_fail_in(err, s->path, _("the database is locked by "
		    "process %ld (its account cannot be read); try again "
		    "when it has finished, or see SECURITY in parboard(1)"),
		    (long)pid);
	rc = store_fail_in(err, s->path, _("the database is locked by %s "
	    "(process %ld); try again when it has finished, or see "
	    "SECURITY in parboard(1)"), who, (long)pid);
	free(who);
	return rc;
}

static long long
clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* SQLite's busy handler: wait for the writer ahead of us with a growing,
 * jittered sleep (1 ms doubling up to 50 ms) for up to BUSY_WAIT_MS
 * (twice the old 5 s timeout), so ten writers and ten boards queue
 * instead of failing.  Returning 0 gives up (the caller then says who
 * holds the lock).  The test build shortens the wait
 * (store_set_busy_wait), never the setgid install. */
#define BUSY_WAIT_MS 10000
static long busy_wait_ms = BUSY_WAIT_MS;

long
store_busy_ms(void)
{
	return busy_wait_ms;
}

void
store_set_busy_wait(long ms)
{
	if (ms >= 0)
		busy_wait_ms = ms;
}

int
store_busy_wait(void *arg, int count)
{
	struct store *s = arg;
	long long now = clock_ms();
	long us;

	if (count == 0)
		s->busy_since = now;
	if (now - s->busy_since > s->busy_ms)
		return 0;
	us = count < 6 ? 1000L << count : 50000L;
	us += (long)(rand() % 1000) * us / 2000;
	usleep((useconds_t)us);
	return 1;
}

