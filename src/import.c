/* import.c: `parboard import` — files → appendix → derive → store.
 *
 * Every file is parsed before anything is written, and all writes of one
 * run share a single transaction: a bad file anywhere leaves the database
 * as it was. */

#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#include "appendix.h"
#include "derive.h"
#include "i18n.h"
#include "import.h"
#include "office.h"
#include "util.h"

/* A file without a title is a plan named after the file: "export.csv"
 * → "export". */
static char *
plan_name_of(const struct appendix *a, const struct import_opts *o)
{
	char *copy, *base, *dot, *name;

	if (a->title != NULL && a->title[0] != '\0')
		return xstrdup(a->title);
	if (o->plan != NULL)
		return xstrdup(o->plan);
	copy = xstrdup(a->file);
	base = basename(copy);
	dot = strrchr(base, '.');
	if (dot != NULL && dot != base)
		*dot = '\0';
	name = xstrdup(base);
	free(copy);
	return name;
}

static void
print_findings(FILE *f, const char *file, const struct derivation *d,
    const char *prefix)
{
	size_t i;

	for (i = 0; i < d->nfindings; i++) {
		fprintf(f, "%s%s:%d: ", prefix, file, d->findings[i].line);
		fprintf(f, _("warning: %s\n"), d->findings[i].message);
	}
}

static void
print_dry_tasks(FILE *f, const struct derivation *d)
{
	struct buf b = { 0 };
	char pts[32], due[16];
	size_t i;

	for (i = 0; i < d->ntasks; i++) {
		const struct task_spec *t = &d->tasks[i];

		if (t->has_points)
			text_format_score(t->points, i18n_decimal(), pts,
			    sizeof pts);
		else
			strcpy(pts, "-");
		b.len = 0;
		buf_adds(&b, "  ");
		text_pad(&b, t->code ? t->code : "-", 8);
		buf_adds(&b, " ");
		text_pad(&b, t->role, 9);
		buf_adds(&b, " ");
		text_pad(&b, pts, 5);
		buf_adds(&b, " ");
		text_pad(&b, t->due ? i18n_date(t->due, due, sizeof due) : "-",
		    10);
		buf_adds(&b, " ");
		text_pad(&b, t->title, 40);
		fprintf(f, "%s\n", b.data);
	}
	buf_free(&b);
}

static score
points_sum(const struct derivation *d)
{
	score sum = 0;
	size_t i;

	for (i = 0; i < d->ntasks; i++)
		if (d->tasks[i].has_points)
			sum += d->tasks[i].points;
	return sum;
}

static int
key_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appendix tasks of the plan that the file no longer gives (a criterion
 * reassigned or no longer deducted): kept, never deleted, but said. */
static int
warn_stale(struct store *s, long plan_id, const char *file,
    const struct derivation *d, FILE *warn, char **err)
{
	char **keys = xcalloc(d->ntasks + 1, sizeof *keys);
	struct task *t;
	size_t n, i;

	if (store_task_keys(s, plan_id, "appendix", &t, &n, err) != 0) {
		free(keys);
		return -1;
	}
	for (i = 0; i < d->ntasks; i++)
		keys[i] = d->tasks[i].key;
	xqsort(keys, d->ntasks, sizeof *keys, key_cmp);
	for (i = 0; i < n; i++) {
		if (bsearch(&t[i].key, keys, d->ntasks, sizeof *keys,
		    key_cmp) != NULL)
			continue;
		fprintf(warn, "parboard: %s: ", file);
		fprintf(warn, _("warning: task %ld (%s/%s) is no longer given "
		    "by this file; kept with its status and history\n"),
		    t[i].id, t[i].code ? t[i].code : "-", t[i].role);
	}
	tasks_free(t, n);
	free(keys);
	return 0;
}

/* Save one derivation (tasks and findings) into plan_id, or describe it
 * when dry. */
static int
save(struct store *s, long plan_id, const char *plan, const char *file,
    const struct derivation *d, const struct import_opts *o, char **err)
{
	size_t added = 0, updated = 0;
	char pts[32];

	text_format_score(points_sum(d), i18n_decimal(), pts, sizeof pts);
	if (o->dry_run) {
		fprintf(o->out, ngettext("%s: would import %zu task into "
		    "plan \"%s\" (%s points at stake)\n", "%s: would import "
		    "%zu tasks into plan \"%s\" (%s points at stake)\n",
		    d->ntasks), file, d->ntasks, plan, pts);
		print_dry_tasks(o->out, d);
		print_findings(o->out, file, d, "");
		return 0;
	}
	if (store_tasks_save(s, plan_id, d, &added, &updated, err) != 0 ||
	    store_findings_save(s, plan_id, file, d, err) != 0)
		return -1;
	if (d->ntasks > 0 && d->tasks[0].origin == ORIGIN_APPENDIX &&
	    warn_stale(s, plan_id, file, d, o->warn, err) != 0)
		return -1;
	fprintf(o->out, ngettext("%s: plan \"%s\": %zu task, %zu new, "
	    "%zu updated, %s points at stake\n", "%s: plan \"%s\": %zu "
	    "tasks, %zu new, %zu updated, %s points at stake\n", d->ntasks),
	    file, plan, d->ntasks, added, updated, pts);
	print_findings(o->warn, file, d, "parboard: ");
	return 0;
}

static const struct criterion *dup_rows;

static int
row_code_cmp(const void *a, const void *b)
{
	const struct criterion *x = &dup_rows[*(const size_t *)a];
	const struct criterion *y = &dup_rows[*(const size_t *)b];
	int r = strcmp(x->code, y->code);

	return r != 0 ? r : x->line - y->line;
}

/* A criterion listed twice would make two rows fight over one task and
 * one criterion record: refuse the file. */
static int
check_unique_codes(const struct appendix *a, char **err)
{
	size_t *ix = xcalloc(a->nrows + 1, sizeof *ix), n = 0, i;
	int rc = 0;

	for (i = 0; i < a->nrows; i++)
		if (a->rows[i].code != NULL)
			ix[n++] = i;
	dup_rows = a->rows;
	xqsort(ix, n, sizeof *ix, row_code_cmp);
	for (i = 1; i < n && rc == 0; i++)
		if (strcmp(a->rows[ix[i]].code, a->rows[ix[i - 1]].code) == 0)
			rc = fail(err, _("%s:%d: criterion %s is listed twice "
			    "(first on line %d)"), a->file, a->rows[ix[i]].line,
			    a->rows[ix[i]].code, a->rows[ix[i - 1]].line);
	free(ix);
	return rc;
}

/* A Word or Excel file: which of its tables was read. */
static void
print_taken(FILE *f, const struct appendix *a)
{
	if (a->taken == NULL)
		return;
	if (a->sheet)
		fprintf(f, ngettext("%s: read %s (the workbook has %zu "
		    "sheet)\n", "%s: read %s (the workbook has %zu sheets)\n",
		    a->ntables), a->file, a->taken, a->ntables);
	else
		fprintf(f, ngettext("%s: read %s (the document has %zu "
		    "table)\n", "%s: read %s (the document has %zu tables)\n",
		    a->ntables), a->file, a->taken, a->ntables);
}

/* A dry run of a Word or Excel file shows the rows as read, so a
 * person can check the reading before anything is written. */
static void
print_dry_rows(FILE *f, const struct appendix *a)
{
	static const unsigned bits[] = {
		HAS_STANDARD, HAS_SELF, HAS_APPRAISED, HAS_DEDUCTION
	};
	struct buf b = { 0 };
	char num[32];
	size_t i, k;
	char *title, *who;

	for (i = 0; i < a->nrows; i++) {
		const struct criterion *c = &a->rows[i];
		const score v[] = { c->standard, c->self, c->appraised,
		    c->deduction };

		b.len = 0;
		buf_addf(&b, "  %4d ", c->line);
		text_pad(&b, c->code, 8);
		for (k = 0; k < 4; k++) {
			if (c->has & bits[k])
				text_format_score(v[k], i18n_decimal(), num,
				    sizeof num);
			else
				strcpy(num, "-");
			buf_adds(&b, " ");
			text_pad(&b, num, 6);
		}
		title = text_safe(c->title, false);
		who = text_safe(c->assignee, false);
		buf_adds(&b, " ");
		text_pad(&b, title, 40);
		buf_adds(&b, " | ");
		buf_adds(&b, who);
		fprintf(f, "%s\n", b.data);
		free(title);
		free(who);
	}
	buf_free(&b);
}

static int
import_criteria(struct store *s, const struct config *c,
    const struct appendix *a, const struct import_opts *o,
    long *plan_id, char **plan, char **err)
{
	struct derivation d = { 0 };
	int rc = 0;

	if (check_unique_codes(a, err) != 0)
		return -1;
	free(*plan);
	*plan = plan_name_of(a, o);
	print_taken(o->out, a);
	if (o->dry_run && a->taken != NULL) {
		fprintf(o->out, _("%s: rows as read (row, code, standard, "
		    "self-assessed, appraised, deduction, title | "
		    "assignment):\n"), a->file);
		print_dry_rows(o->out, a);
	}
	derive_criteria(c, a, &d);
	if (!o->dry_run)
		rc = store_plan_save(s, *plan, a, plan_id, err);
	if (rc == 0)
		rc = save(s, *plan_id, *plan, a->file, &d, o, err);
	derivation_free(&d);
	return rc;
}

static int
import_directives(struct store *s, const struct config *c,
    const struct appendix *a, const struct appendix *criteria,
    const struct import_opts *o, long *plan_id, char **plan, char **err)
{
	struct derivation d = { 0 };
	struct plan p = { 0 };
	char **codes = NULL;
	size_t i;
	int rc;

	if (*plan == NULL) {
		rc = s ? store_plan_get(s, o->plan, &p, err) : 1;
		if (rc < 0)
			return -1;
		if (rc == 1)
			return fail(err, "%s:1: %s", a->file, o->plan ?
			    _("no such plan to attach directives to") :
			    _("no plan to attach directives to; import the "
			    "appendix first (or with this file)"));
		*plan_id = p.id;
		*plan = xstrdup(p.name);
		plan_clear(&p);
	}
	if (criteria != NULL) {
		codes = xcalloc(criteria->nrows + 1, sizeof *codes);
		for (i = 0; i < criteria->nrows; i++)
			codes[i] = xstrdup(criteria->rows[i].code ?
			    criteria->rows[i].code : "");
	} else if (s != NULL)
		codes = store_plan_codes(s, *plan_id);
	print_taken(o->out, a);
	derive_directives(c, a, (const char *const *)codes, &d);
	strv_free(codes);
	rc = save(s, *plan_id, *plan, a->file, &d, o, err);
	derivation_free(&d);
	return rc;
}

int
import_files(struct store *s, const struct config *c,
    char *const *files, int nfiles, const struct import_opts *o,
    char **err)
{
	struct appendix **a = xcalloc((size_t)nfiles, sizeof *a);
	const struct appendix *last = NULL;
	char *plan = NULL;
	long plan_id = 0;
	size_t k;
	int i, rc = 0, pass;

	appendix_add_words(0, NULL);
	for (k = 0; k < c->ncolumn_words; k++)
		appendix_add_words(c->column_words[k].col,
		    c->column_words[k].word);
	for (i = 0; i < nfiles && rc == 0; i++)
		rc = office_is_office(files[i]) ?
		    office_read(files[i], &a[i], err) :
		    appendix_read(files[i], &a[i], err);
	if (rc == 0 && !o->dry_run)
		rc = store_begin(s, err);
	if (rc == 0) {
		/* Appendices first, so directives given in the same run
		 * attach to the plan they belong to. */
		for (pass = 0; pass < 2 && rc == 0; pass++)
			for (i = 0; i < nfiles && rc == 0; i++) {
				if (pass == 0 &&
				    a[i]->kind == APPENDIX_CRITERIA) {
					rc = import_criteria(s, c, a[i], o,
					    &plan_id, &plan, err);
					last = a[i];
				} else if (pass == 1 &&
				    a[i]->kind == APPENDIX_DIRECTIVES)
					rc = import_directives(s, c, a[i],
					    last, o, &plan_id, &plan, err);
			}
		if (!o->dry_run) {
			if (rc == 0)
				rc = store_commit(s, err);
			else
				store_rollback(s);
		}
	}
	for (i = 0; i < nfiles; i++)
		if (a[i] != NULL)
			appendix_free(a[i]);
	free(a);
	free(plan);
	return rc;
}
