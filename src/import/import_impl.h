/* SPDX-License-Identifier: ISC */
/* import_impl.h: what import.c (the command) and import_plan.c (the plan
 * a file corrects) share.  Nothing else includes this. */
#ifndef PARBOARD_IMPORT_IMPL_H
#define PARBOARD_IMPORT_IMPL_H

#include "appendix.h"
#include "import.h"
#include "store.h"

/* A file without a title is a plan named after the file: "export.csv"
 * → "export", cleaned as the file's own text is (text_blank_controls). */
char *import_file_base_name(const char *file);

/* Data quoted in a message (titles, plan names, file words): through the
 * one sanitiser, on one line.  Every line import prints goes through it
 * again whole (out_printf), file names included. */
char *import_safe(const char *s);

/* The plan a criteria file updates or creates: --plan, else by its
 * title, else by its criteria.  *plan_id is the plan's when it exists
 * (0 otherwise). */
int import_choose_plan(struct store *s, const struct appendix *a,
    const struct import_opts *o, char **name, long *plan_id, char **err);

/* What a corrected file no longer gives, and what it gives anew
 * (import_pair.c). */
struct gone {
	struct task *stored;	/* the plan's tasks of the file's origin */
	size_t nstored;
	size_t *old, nold;	/* stored tasks the file no longer gives */
	size_t *new, nnew;	/* the file's tasks the store does not know */
	bool *paired;		/* by stored index */
	bool *quiet;		/* by stored index: a body task a table does
				 * not mention (never said) */
	bool *skip;		/* by the file's index: a body task a table
				 * has corrected (not added again) */
};

/* prefix: "L:" for a letter's body, "D:" for a directives table, NULL
 * for an appendix (import_pair.c says what each one means). */
int import_gone_find(struct store *s, long plan_id, enum origin origin,
    const char *prefix, const struct derivation *d, struct gone *g,
    char **err);
void import_gone_free(struct gone *g);
int import_pair_directives(struct store *s, const struct import_opts *o,
    const char *file, const struct derivation *d, struct gone *g,
    char **err);
void import_warn_gone(const struct import_opts *o, const char *file,
    enum origin origin, const struct gone *g);

#endif
