/* SPDX-License-Identifier: ISC */
/* cli_import.c: parboard import -- into the database, or creating it:
 * built beside it and linked into place, or in the shared install
 * created in place once the files are read. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_impl.h"
#include "filemode.h"
#include "i18n.h"
#include "import.h"
#include "perm.h"
#include "priv.h"

/* The summary and warnings an import printed into memory, now shown. */
static void
flush_mem(FILE *f, char **text, FILE *to)
{
	fclose(f);
	if (*text != NULL)
		fputs(*text, to);
	free(*text);
}

/* A database that did not exist: built under a temporary name beside
 * it, checkpointed and closed, then linked into place only if nothing
 * is there yet.  A failure or an interruption removes nothing but the
 * temporary file.  *raced: a database appeared meanwhile (import into
 * it instead). */
static int
import_first(const struct config *c, const struct options *o,
    const char *db, int argc, char **argv, bool *raced, char **err)
{
	struct import_opts io = { false, o->plan, NULL, NULL, NULL, NULL,
	    o->past_due };
	char *tmp, *out = NULL, *warn = NULL;
	size_t nout, nwarn;
	struct store *s;
	int fd, rc;

	*raced = false;
	if (make_parent_dirs(db, err) != 0)
		return -1;
	tmp = xasprintf("%s.new-XXXXXX", db);
	if ((fd = mkstemp(tmp)) < 0) {
		rc = fail(err, "%s: %s", db, strerror(errno));
		free(tmp);
		return rc;
	}
	fchmod(fd, filemode_new(db));	/* mkstemp made it 0600 */
	close(fd);
	io.out = open_memstream(&out, &nout);
	io.warn = open_memstream(&warn, &nwarn);
	rc = store_open(tmp, true, &s, err);
	if (rc == 0) {
		rc = import_files(s, c, argv, argc, &io, err);
		if (rc == 0)
			rc = store_checkpoint(s, err);
		store_close(s);
	}
	if (rc == 0 && link(tmp, db) != 0) {
		if (errno == EEXIST)
			*raced = true;
		else
			rc = fail(err, "%s: %s", db, strerror(errno));
	}
	cli_remove_db(tmp);
	free(tmp);
	if (rc == 0 && !*raced) {
		flush_mem(io.out, &out, stdout);
		flush_mem(io.warn, &warn, stderr);
	} else if (rc != 0) {
		/* Why it failed (the tasks due before today, say). */
		fclose(io.out);
		free(out);
		flush_mem(io.warn, &warn, stderr);
	} else {
		fclose(io.out);
		fclose(io.warn);
		free(out);
		free(warn);
	}
	return rc;
}

/* The shared install's first import: its files read, the database is
 * created with the group taken back, then given up for good. */
struct first_open {
	const struct config *c;
	const char *db;
	struct store **s;
};

static int
open_first(void *arg, struct store **s, char **err)
{
	struct first_open *fo = arg;

	if (priv_resume(err) != 0 ||
	    store_open(fo->db, true, fo->s, err) != 0) {
		priv_drop(NULL);
		return -1;
	}
	if (cli_settle_store(fo->c, *fo->s, fo->db, true, err) != 0) {
		*fo->s = NULL;
		return -1;
	}
	*s = *fo->s;
	return 0;
}

int
cli_import(const struct config *c, const struct options *o, const char *cmd,
    int argc, char **argv)
{
	struct import_opts io = { o->dry_run, o->plan, stdout, stderr, NULL,
	    NULL, o->past_due };
	struct store *s = NULL;
	char *err = NULL, *path, *db;
	bool exists, raced = false;
	struct stat st;
	int rc;

	(void)cmd;
	if (argc == 0)
		return cli_usage_error("%s", _("import: no FILE given"));
	if (!o->dry_run && (rc = cli_need_person("import")) != 0)
		return rc;
	if (!o->dry_run && perm_check(perm_self(), PERM_IMPORT, NULL, NULL,
	    &err) != 0)
		return cli_runtime_error(err);
	path = config_database_path(c, o->database);
	rc = path_expand_user(path, &db, &err);
	free(path);
	if (rc != 0)
		return cli_runtime_error(err);
	exists = stat(db, &st) == 0;
	/* Setgid, the files named are read without the group, too late to
	 * link a new database into its directory: it is created in place,
	 * once they have been read (import_opts.open). */
	if (!exists && !o->dry_run && priv_elevated()) {
		struct first_open fo = { c, db, &s };

		io.open = open_first;
		io.open_arg = &fo;
		rc = priv_suspend(&err);
		if (rc == 0)
			rc = import_files(NULL, c, argv, argc, &io, &err);
		store_close(s);
		if (priv_drop(rc == 0 ? &err : NULL) != 0)
			rc = -1;
		free(db);
		return rc == 0 ? 0 : cli_runtime_error(err);
	}
	if (!exists && !o->dry_run) {
		rc = import_first(c, o, db, argc, argv, &raced, &err);
		if (rc != 0 || !raced) {
			free(db);
			return rc == 0 ? 0 : cli_runtime_error(err);
		}
		exists = true;
	}
	/* A dry run reads the database if there is one, never creates it,
	 * and gives up the group as cli_settle_store does. */
	if (o->dry_run)
		rc = exists ? store_open(db, false, &s, &err) : 0;
	else
		rc = cli_open_settled(c, o, db, !exists, &s, &err);
	if (rc != 0) {
		free(db);
		return cli_runtime_error(err);
	}
	if (o->dry_run)
		cli_pin_guard(o, s);
	if (o->dry_run && priv_drop(&err) != 0) {
		store_close(s);
		free(db);
		return cli_runtime_error(err);
	}
	rc = import_files(s, c, argv, argc, &io, &err);
	if (s != NULL)
		store_close(s);
	free(db);
	return rc == 0 ? 0 : cli_runtime_error(err);
}
