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

#endif
