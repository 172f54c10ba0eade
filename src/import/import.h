/* SPDX-License-Identifier: ISC */
/* import.h: `parboard import` — files → appendix → derive → store, all
 * files in one transaction, so a failure anywhere changes nothing. */
#ifndef PARBOARD_IMPORT_H
#define PARBOARD_IMPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "config.h"
#include "store.h"

struct import_opts {
	bool dry_run;		/* report only; s may be NULL */
	const char *plan;	/* plan name for files without a title, or
				 * the plan directives attach to */
	FILE *out;		/* summary and findings (stdout) */
	FILE *warn;		/* findings as warnings (stderr) */
	/* With s NULL and not a dry run: called once every file has been
	 * read, to open the store the import then writes (the shared
	 * install's first import, which creates the database only when
	 * the files can be imported).  Not called when a file fails. */
	int (*open)(void *arg, struct store **s, char **err);
	void *open_arg;
	bool past_due;		/* tasks due before today are allowed */
};

int import_files(struct store *s, const struct config *c,
    char *const *files, int nfiles, const struct import_opts *o,
    char **err);

#endif
