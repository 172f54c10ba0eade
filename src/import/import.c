/* SPDX-License-Identifier: ISC */
/* import.c: `parboard import` — files → appendix → derive → store.
 *
 * Every file is parsed before anything is written, and all writes of one
 * run share a single transaction: a bad file anywhere leaves the database
 * as it was.  Which plan a criteria file corrects is in import_plan.c. */

#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#include "appendix.h"
#include "body.h"
#include "date.h"
#include "derive.h"
#include "i18n.h"
#include "import.h"
#include "letter.h"
#include "office.h"
#include "output.h"
#include "text.h"
#include "title.h"
#include "util.h"
#include "import_impl.h"
#include "words.h"

/* A file without a title is a plan named after the file: "export.csv"
 * → "export", cleaned as the file's own text is (text_blank_controls). */
char *
import_file_base_name(const char *file)
{
	char *copy, *base, *dot, *name;

	copy = xstrdup(file);
	base = basename(copy);
	dot = strrchr(base, '.');
	if (dot != NULL && dot != base)
		*dot = '\0';
	name = text_nfc(base);
	text_blank_controls(name, false);
	free(copy);
	return name;
}

/* Data quoted in a message (titles, plan names, file words): through the
 * one sanitiser, on one line.  Every line import prints goes through it
 * again whole (out_printf), file names included. */
char *
import_safe(const char *s)
{
	return text_safe(s != NULL ? s : "", false);
}

static void
print_findings(FILE *f, const char *file, const struct derivation *d,
    const char *prefix)
{
	size_t i;

	for (i = 0; i < d->nfindings; i++) {
		out_printf(f, "%s%s:%d: ", prefix, file, d->findings[i].line);
		out_printf(f, _("warning: %s\n"), d->findings[i].message);
	}
}

/* When a derived task is due, in the dry run's column: its date, or
 * "ongoing", or its target and period ("3 bài/tháng") then its end. */
static void
dry_due(const struct task_spec *t, struct buf *b)
{
	char day[16];

	if (t->target != NULL && t->every != NULL)
		buf_addf(b, "%s/%s ", t->target, t->every);
	if (t->due != NULL)
		buf_adds(b, i18n_date(t->due, day, sizeof day));
	else
		buf_adds(b, t->due_source == DUE_DEFAULT ? "-" :
		    _("ongoing"));
}

static void
print_dry_tasks(FILE *f, const struct derivation *d)
{
	struct buf b = { 0 }, when = { 0 };
	char pts[32], *title;
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
		when.len = 0;
		dry_due(t, &when);
		text_pad(&b, when.data, 22);
		buf_adds(&b, " ");
		title = import_safe(t->title);
		text_pad(&b, title, 40);
		free(title);
		if (t->links != NULL) {
			buf_adds(&b, " [");
			buf_addf(&b, _("also %s"), t->links);
			buf_addc(&b, ']');
		}
		out_printf(f, "%s\n", b.data);
	}
	buf_free(&b);
	buf_free(&when);
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

/* Save one derivation (tasks and findings) into plan_id, or describe it
 * when dry.  First what the file no longer gives: a directive reworded
 * continues its task, the rest is said. */
/* The tasks of this run due before today, over all its files (one
 * import at a time, as appendix_add_words). */
static size_t past_due;

/* Tasks a file gives anew with a due date before today: said; the run
 * is refused at its end unless --past-due (a dry run only says so). */
static void
check_past_due(const struct import_opts *o, const char *file,
    const struct derivation *d, const struct gone *g)
{
	FILE *f = o->dry_run ? o->out : o->warn;
	char due[16], now[16];
	size_t n = 0, k, count = g->new != NULL ? g->nnew : d->ntasks;

	if (o->past_due)
		return;
	for (k = 0; k < count; k++) {
		const struct task_spec *t = &d->tasks[g->new != NULL ?
		    g->new[k] : k];

		if (t->due == NULL || strcmp(t->due, today()) >= 0)
			continue;
		out_printf(f, "%s%s:%d: ", o->dry_run ? "" : "parboard: ",
		    file, t->line);
		out_printf(f, _("task %s/%s would be due %s, before today "
		    "(%s)\n"), t->code != NULL ? t->code : "-", t->role,
		    i18n_date(t->due, due, sizeof due),
		    i18n_date(today(), now, sizeof now));
		n++;
	}
	past_due += n;
}

/* The end of a run: tasks due before today refuse it. */
static int
past_due_end(const struct import_opts *o, char **err)
{
	if (past_due == 0)
		return 0;
	if (o->dry_run) {
		out_printf(o->out, ngettext("%zu task would be due before "
		    "today: the import needs --past-due\n", "%zu tasks would be "
		    "due before today: the import needs --past-due\n",
		    past_due), past_due);
		return 0;
	}
	return fail(err, ngettext("%zu task would be due before today; "
	    "nothing imported (with --past-due it is imported so)", "%zu "
	    "tasks would be due before today; nothing imported (with "
	    "--past-due they are imported so)", past_due), past_due);
}

static int
save(struct store *s, long plan_id, const char *plan, const char *file,
    const struct derivation *given, enum origin origin, const char *prefix,
    const struct import_opts *o, char **err)
{
	size_t added = 0, updated = 0, i, k = 0;
	struct derivation view = *given, *d = &view;
	struct gone g;
	char pts[32];
	int rc = 0;

	if (import_gone_find(s, plan_id, origin, prefix, given, &g, err) != 0)
		return -1;
	/* A body task a table has corrected stays as corrected: the
	 * file's tasks without it, the new ones renumbered to match (no
	 * skipped task is new). */
	view.tasks = xcalloc(given->ntasks + 1, sizeof *view.tasks);
	for (i = view.ntasks = 0; i < given->ntasks; i++) {
		while (k < g.nnew && g.new[k] == i)
			g.new[k++] = view.ntasks;
		if (!g.skip[i])
			view.tasks[view.ntasks++] = given->tasks[i];
	}
	check_past_due(o, file, d, &g);
	if (origin == ORIGIN_DIRECTIVE)
		rc = import_pair_directives(s, o, file, d, &g, err);
	text_format_score(points_sum(d), i18n_decimal(), pts, sizeof pts);
	if (rc == 0 && o->dry_run && origin == ORIGIN_DIRECTIVE)
		/* Directives carry no points. */
		out_printf(o->out, ngettext("%s: would import %zu directive "
		    "into plan \"%s\"\n", "%s: would import %zu directives "
		    "into plan \"%s\"\n", d->ntasks), file, d->ntasks, plan);
	else if (rc == 0 && o->dry_run)
		out_printf(o->out, ngettext("%s: would import %zu task into "
		    "plan \"%s\" (%s points at stake)\n", "%s: would import "
		    "%zu tasks into plan \"%s\" (%s points at stake)\n",
		    d->ntasks), file, d->ntasks, plan, pts);
	if (rc == 0 && o->dry_run) {
		print_dry_tasks(o->out, d);
		print_findings(o->out, file, d, "");
		import_warn_gone(o, file, origin, &g);
	} else if (rc == 0) {
		rc = store_tasks_save(s, plan_id, d, &added, &updated, err);
		/* The body shares its file's findings (the appendix's). */
		if (rc == 0 && (prefix == NULL || strcmp(prefix, "L:") != 0))
			rc = store_findings_save(s, plan_id, file, d, err);
	}
	if (rc == 0 && !o->dry_run) {
		import_warn_gone(o, file, origin, &g);
		if (origin == ORIGIN_DIRECTIVE)
			out_printf(o->out, ngettext("%s: plan \"%s\": %zu "
			    "directive, %zu new, %zu updated\n", "%s: plan "
			    "\"%s\": %zu directives, %zu new, %zu updated\n",
			    d->ntasks), file, plan, d->ntasks, added, updated);
		else
			out_printf(o->out, ngettext("%s: plan \"%s\": %zu "
			    "task, %zu new, %zu updated, %s points at stake\n",
			    "%s: plan \"%s\": %zu tasks, %zu new, %zu updated, "
			    "%s points at stake\n", d->ntasks), file, plan,
			    d->ntasks, added, updated, pts);
		print_findings(o->warn, file, d, "parboard: ");
	}
	import_gone_free(&g);
	free(view.tasks);
	return rc;
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
		out_printf(f, ngettext("%s: read %s (the workbook has %zu "
		    "sheet)\n", "%s: read %s (the workbook has %zu sheets)\n",
		    a->ntables), a->file, a->taken, a->ntables);
	else
		out_printf(f, ngettext("%s: read %s (the document has %zu "
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
		out_printf(f, "%s\n", b.data);
		free(title);
		free(who);
	}
	buf_free(&b);
}

/* The letter's body: its instructions as directive tasks ("L:" keys). */
static int
import_body(struct store *s, const struct config *c,
    const struct appendix *a, const struct import_opts *o, long plan_id,
    const char *plan, char **err)
{
	struct derivation d = { 0 };
	char **codes;
	size_t i;
	int rc;

	if (a->nbody == 0)
		return 0;
	codes = xcalloc(a->nrows + 1, sizeof *codes);
	for (i = 0; i < a->nrows; i++)
		codes[i] = a->rows[i].code ? a->rows[i].code : "";
	derive_directive_rows(c, a->body, a->nbody, "L:", DUE_LETTER,
	    (const char *const *)codes, &d);
	free(codes);
	if (o->dry_run)
		out_printf(o->out, _("%s: the letter's body:\n"), a->file);
	rc = save(s, plan_id, plan, a->file, &d, ORIGIN_DIRECTIVE, "L:", o,
	    err);
	derivation_free(&d);
	return rc;
}

static int
import_criteria(struct store *s, const struct config *c,
    struct appendix *a, const struct import_opts *o,
    long *plan_id, char **plan, char **err)
{
	struct derivation d = { 0 };
	int rc = 0;

	if (check_unique_codes(a, err) != 0)
		return -1;
	free(*plan);
	*plan = NULL;
	print_taken(o->out, a);
	if (o->dry_run && a->taken != NULL) {
		out_printf(o->out, _("%s: rows as read (row, code, standard, "
		    "self-assessed, appraised, deduction, title | "
		    "assignment):\n"), a->file);
		print_dry_rows(o->out, a);
	}
	if (import_choose_plan(s, a, o, plan, plan_id, err) != 0)
		return -1;
	/* A file without a letter (a CSV export) corrects a plan that
	 * came with one: the letter's deadline still holds. */
	if (a->letter == NULL && s != NULL && *plan_id != 0 &&
	    store_letter_get(s, *plan_id, &a->letter, err) < 0)
		return -1;
	derive_criteria(c, a, &d);
	if (!o->dry_run)
		rc = store_plan_save(s, *plan, a, plan_id, err);
	if (rc == 0 && !o->dry_run && a->letter != NULL)
		rc = store_letter_save(s, *plan_id, a->letter, err);
	if (o->dry_run && a->letter != NULL && a->head != NULL) {
		char *w = words_letter(a->letter);

		out_printf(o->out, _("%s: the letter's details:\n"), a->file);
		out_printf(o->out, "%s", w);
		free(w);
	}
	if (rc == 0)
		rc = save(s, *plan_id, *plan, a->file, &d, ORIGIN_APPENDIX,
		    NULL, o, err);
	if (rc == 0)
		rc = import_body(s, c, a, o, *plan_id, *plan, err);
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
	rc = save(s, *plan_id, *plan, a->file, &d, ORIGIN_DIRECTIVE, "D:",
	    o, err);
	derivation_free(&d);
	return rc;
}

/* What an import says is held in memory while its write transaction is
 * open and shown once it has ended: a reader that does not read its
 * pipe, or a terminal stopped with ^S, must not keep the database locked
 * for everyone.  The summary only after a commit; the warnings always. */
struct held {
	struct import_opts o;
	char *out, *warn;
	size_t nout, nwarn;
};

static const struct import_opts *
hold(struct held *h, const struct import_opts *o)
{
	h->o = *o;
	h->o.out = xopen_memstream(&h->out, &h->nout);
	h->o.warn = xopen_memstream(&h->warn, &h->nwarn);
	return &h->o;
}

static void
release(struct held *h, const struct import_opts *o, bool committed)
{
	fclose(h->o.out);
	fclose(h->o.warn);
	if (committed)
		fputs(h->out, o->out);
	fputs(h->warn, o->warn);
	free(h->out);
	free(h->warn);
}

/* A text file through appendix_read; a Word or Excel file's tables
 * through parboard-office (office.h), then the same parser; the
 * letter's body (body.h) from the text above the table. */
static int
read_one(const struct config *c, const char *file, struct appendix **out,
    char **err)
{
	struct grid *g;
	size_t n;
	char *text;
	int rc;

	if (!office_is_office(file)) {
		rc = appendix_read(file, out, err);
		/* Not past the table's first row: a CSV export has no tab
		 * to stop at. */
		if (rc == 0 && (*out)->head != NULL)
			body_read(c, (*out)->head, strlen((*out)->head),
			    (*out)->nrows > 0 ? (size_t)(*out)->rows[0].line :
			    (size_t)-1, *out, (*out)->letter, &(*out)->body,
			    &(*out)->nbody);
		return rc;
	}
	*out = NULL;
	if (office_read(file, &g, &n, &text, err) != 0)
		return -1;
	rc = appendix_parse_grids(file, g, n, out, err);
	if (rc == 0 && text != NULL && (*out)->kind == APPENDIX_CRITERIA) {
		(*out)->letter = letter_from_text(text, strlen(text));
		body_read(c, text, strlen(text), (size_t)-1, *out,
		    (*out)->letter, &(*out)->body, &(*out)->nbody);
	}
	grids_free(g, n);
	free(text);
	return rc;
}

int
import_files(struct store *s, const struct config *c,
    char *const *files, int nfiles, const struct import_opts *given,
    char **err)
{
	struct appendix **a = xcalloc((size_t)nfiles, sizeof *a);
	const struct appendix *last = NULL;
	const struct import_opts *o = given;
	struct held held;
	char *plan = NULL;
	long plan_id = 0;
	size_t k;
	int i, rc = 0, pass;

	appendix_add_words(0, NULL);
	past_due = 0;
	for (k = 0; k < c->ncolumn_words; k++)
		appendix_add_words(c->column_words[k].col,
		    c->column_words[k].word);
	for (i = 0; i < nfiles && rc == 0; i++)
		rc = read_one(c, files[i], &a[i], err);
	if (rc == 0 && !o->dry_run && s == NULL)
		rc = o->open(o->open_arg, &s, err);
	if (rc == 0 && !o->dry_run && (rc = store_begin(s, err)) == 0)
		o = hold(&held, given);
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
		if (rc == 0)
			rc = past_due_end(o, err);
		if (!o->dry_run) {
			if (rc == 0)
				rc = store_commit(s, err);
			else
				store_rollback(s);
			release(&held, given, rc == 0);
		}
	}
	for (i = 0; i < nfiles; i++)
		if (a[i] != NULL)
			appendix_free(a[i]);
	free(a);
	free(plan);
	return rc;
}
