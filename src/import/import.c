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

static void
print_dry_tasks(FILE *f, const struct derivation *d)
{
	struct buf b = { 0 };
	char pts[32], due[16], *title;
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
		title = import_safe(t->title);
		text_pad(&b, title, 40);
		free(title);
		out_printf(f, "%s\n", b.data);
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

/* A warning about the file: on standard error, or with the dry run's
 * report.  line 0: the file as a whole. */
static void
warn(const struct import_opts *o, const char *file, int line, char *msg)
{
	FILE *f = o->dry_run ? o->out : o->warn;
	char *name = import_safe(file);

	out_printf(f, "%s%s", o->dry_run ? "" : "parboard: ", name);
	if (line > 0)
		out_printf(f, ":%d", line);
	out_printf(f, ": ");
	out_printf(f, _("warning: %s\n"), msg);
	free(name);
	free(msg);
}

/* The folded words of a directive's key "D:CODE/words#2". */
static char *
key_words(const char *key, const char *code)
{
	const char *w = key + 2 + strlen(code != NULL ? code : "");
	size_t n;

	if (strncmp(key, "D:", 2) != 0 || *w != '/')
		w = strchr(key, '/') != NULL ? strchr(key, '/') : key;
	n = strlen(++w);
	while (n > 0 && w[n - 1] >= '0' && w[n - 1] <= '9')
		n--;
	if (n == 0 || w[n - 1] != '#')
		n = strlen(w);
	else
		n--;
	return xstrndup(w, n);
}

/* What a corrected file no longer gives, and what it gives anew. */
struct gone {
	struct task *stored;	/* the plan's tasks of the file's origin */
	size_t nstored;
	size_t *old, nold;	/* stored tasks the file no longer gives */
	size_t *new, nnew;	/* the file's tasks the store does not know */
	bool *paired;		/* by stored index */
};

static void
gone_free(struct gone *g)
{
	tasks_free(g->stored, g->nstored);
	free(g->old);
	free(g->new);
	free(g->paired);
}

static int
gone_find(struct store *s, long plan_id, enum origin origin,
    const struct derivation *d, struct gone *g, char **err)
{
	char **given = xcalloc(d->ntasks + 1, sizeof *given), **known;
	size_t i;

	memset(g, 0, sizeof *g);
	if (s == NULL || plan_id == 0) {
		free(given);
		return 0;
	}
	if (store_task_keys(s, plan_id, origin_name(origin), &g->stored,
	    &g->nstored, err) != 0) {
		free(given);
		return -1;
	}
	known = xcalloc(g->nstored + 1, sizeof *known);
	g->old = xcalloc(g->nstored + 1, sizeof *g->old);
	g->new = xcalloc(d->ntasks + 1, sizeof *g->new);
	g->paired = xcalloc(g->nstored + 1, sizeof *g->paired);
	for (i = 0; i < d->ntasks; i++)
		given[i] = d->tasks[i].key;
	for (i = 0; i < g->nstored; i++)
		known[i] = g->stored[i].key;
	xqsort(given, d->ntasks, sizeof *given, key_cmp);
	xqsort(known, g->nstored, sizeof *known, key_cmp);
	for (i = 0; i < g->nstored; i++)
		if (xbsearch(&g->stored[i].key, given, d->ntasks,
		    sizeof *given, key_cmp) == NULL)
			g->old[g->nold++] = i;
	for (i = 0; i < d->ntasks; i++)
		if (xbsearch(&d->tasks[i].key, known, g->nstored,
		    sizeof *known, key_cmp) == NULL)
			g->new[g->nnew++] = i;
	free(given);
	free(known);
	return 0;
}

/* More pairs than this are not weighed (a whole other table). */
#define PAIR_MAX 1000000

/* Say one tie: the new directive becomes a new task. */
static void
say_tie(const struct import_opts *o, const char *file,
    const struct derivation *d, const struct gone *g,
    const struct derive_pair *p, size_t i)
{
	const struct task_spec *t = &d->tasks[g->new[i]];
	const struct task *a = &g->stored[g->old[p[i].near]];
	char *nw = import_safe(t->title), *aw = import_safe(a->title), *bw;

	if (p[i].tie_old >= 0) {
		const struct task *b = &g->stored[g->old[p[i].tie_old]];

		bw = import_safe(b->title);
		warn(o, file, t->line, xasprintf(_("directive \"%s\" is as "
		    "close to task %ld (\"%s\") as to task %ld (\"%s\"): it "
		    "becomes a new task; give it its status by hand"), nw,
		    a->id, aw, b->id, bw));
		free(bw);
	} else
		warn(o, file, t->line, xasprintf(_("directive \"%s\" and "
		    "the one on line %d are as close to task %ld (\"%s\"): "
		    "each becomes a new task; give them their status by "
		    "hand"), nw, d->tasks[g->new[p[i].tie_new]].line, a->id,
		    aw));
	free(nw);
	free(aw);
}

/* Say one pairing and, unless dry, rekey the old task. */
static int
pair_one(struct store *s, const struct import_opts *o, const char *file,
    const struct task_spec *t, struct task *old, size_t num, size_t den,
    char **err)
{
	char *nw = import_safe(t->title), *ow = import_safe(old->title);
	size_t pct = den > 0 ? (100 * num + den / 2) / den : 100;

	out_printf(o->out, o->dry_run ? _("%s:%d: directive \"%s\" would "
	    "continue task %ld (\"%s\"; %zu%% of the words alike), keeping "
	    "its status, notes and history\n") : _("%s:%d: directive \"%s\" "
	    "continues task %ld (\"%s\"; %zu%% of the words alike), keeping "
	    "its status, notes and history\n"), file, t->line, nw, old->id,
	    ow, pct);
	free(nw);
	free(ow);
	if (o->dry_run)
		return 0;
	return store_task_rekey(s, old->id, t->key, t->title, err);
}

/* A reworded or reassigned directive: the task the file no longer gives
 * with the same criterion and the most alike words continues. */
static int
pair_directives(struct store *s, const struct import_opts *o,
    const char *file, const struct derivation *d, struct gone *g,
    char **err)
{
	struct derive_words *nw, *ow;
	struct derive_pair *p;
	size_t i;
	int rc = 0;

	if (g->nold == 0 || g->nnew == 0 || g->nold * g->nnew > PAIR_MAX)
		return 0;
	nw = xcalloc(g->nnew, sizeof *nw);
	ow = xcalloc(g->nold, sizeof *ow);
	p = xcalloc(g->nnew, sizeof *p);
	for (i = 0; i < g->nnew; i++) {
		const struct task_spec *t = &d->tasks[g->new[i]];

		nw[i].code = t->code != NULL ? t->code : "";
		nw[i].words = key_words(t->key, t->code);
	}
	for (i = 0; i < g->nold; i++) {
		const struct task *t = &g->stored[g->old[i]];

		ow[i].code = t->code != NULL ? t->code : "";
		ow[i].words = key_words(t->key, t->code);
	}
	derive_pair_directives(nw, g->nnew, ow, g->nold, p);
	for (i = 0; i < g->nnew && rc == 0; i++) {
		if (p[i].old >= 0) {
			g->paired[g->old[p[i].old]] = true;
			rc = pair_one(s, o, file, &d->tasks[g->new[i]],
			    &g->stored[g->old[p[i].old]], p[i].num, p[i].den,
			    err);
		} else if (p[i].near >= 0)
			say_tie(o, file, d, g, p, i);
	}
	for (i = 0; i < g->nnew; i++)
		free((char *)nw[i].words);
	for (i = 0; i < g->nold; i++)
		free((char *)ow[i].words);
	free(nw);
	free(ow);
	free(p);
	return rc;
}

/* Tasks of the plan that the file no longer gives (a criterion
 * reassigned or no longer deducted, a directive dropped or reworded
 * beyond recognition): kept, never deleted, but said. */
static void
warn_gone(const struct import_opts *o, const char *file, enum origin origin,
    const struct gone *g)
{
	const struct task *t;
	char *w;
	size_t i;

	for (i = 0; i < g->nold; i++) {
		if (g->paired[g->old[i]])
			continue;
		t = &g->stored[g->old[i]];
		if (origin == ORIGIN_APPENDIX) {
			warn(o, file, 0, xasprintf(_("task %ld (%s/%s) is no "
			    "longer given by this file; kept with its status "
			    "and history"), t->id, t->code ? t->code : "-",
			    t->role));
			continue;
		}
		w = import_safe(t->title);
		warn(o, file, 0, xasprintf(_("directive task %ld (%s/%s: "
		    "\"%s\") is no longer given by this file; kept with its "
		    "status and history"), t->id, t->code ? t->code : "-",
		    t->role, w));
		free(w);
	}
}

/* Save one derivation (tasks and findings) into plan_id, or describe it
 * when dry.  First what the file no longer gives: a directive reworded
 * continues its task, the rest is said. */
static int
save(struct store *s, long plan_id, const char *plan, const char *file,
    const struct derivation *d, enum origin origin,
    const struct import_opts *o, char **err)
{
	size_t added = 0, updated = 0;
	struct gone g;
	char pts[32];
	int rc = 0;

	if (gone_find(s, plan_id, origin, d, &g, err) != 0)
		return -1;
	if (origin == ORIGIN_DIRECTIVE)
		rc = pair_directives(s, o, file, d, &g, err);
	text_format_score(points_sum(d), i18n_decimal(), pts, sizeof pts);
	if (rc == 0 && o->dry_run) {
		out_printf(o->out, ngettext("%s: would import %zu task into "
		    "plan \"%s\" (%s points at stake)\n", "%s: would import "
		    "%zu tasks into plan \"%s\" (%s points at stake)\n",
		    d->ntasks), file, d->ntasks, plan, pts);
		print_dry_tasks(o->out, d);
		print_findings(o->out, file, d, "");
		warn_gone(o, file, origin, &g);
	} else if (rc == 0) {
		rc = store_tasks_save(s, plan_id, d, &added, &updated, err);
		if (rc == 0)
			rc = store_findings_save(s, plan_id, file, d, err);
	}
	if (rc == 0 && !o->dry_run) {
		warn_gone(o, file, origin, &g);
		out_printf(o->out, ngettext("%s: plan \"%s\": %zu task, %zu "
		    "new, %zu updated, %s points at stake\n", "%s: plan \"%s\": "
		    "%zu tasks, %zu new, %zu updated, %s points at stake\n",
		    d->ntasks), file, plan, d->ntasks, added, updated, pts);
		print_findings(o->warn, file, d, "parboard: ");
	}
	gone_free(&g);
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
	derive_criteria(c, a, &d);
	if (!o->dry_run)
		rc = store_plan_save(s, *plan, a, plan_id, err);
	if (rc == 0 && !o->dry_run && a->letter != NULL)
		rc = store_letter_save(s, *plan_id, a->letter, err);
	if (o->dry_run && a->letter != NULL) {
		char *w = words_letter(a->letter);

		out_printf(o->out, _("%s: the letter's details:\n"), a->file);
		out_printf(o->out, "%s", w);
		free(w);
	}
	if (rc == 0)
		rc = save(s, *plan_id, *plan, a->file, &d, ORIGIN_APPENDIX, o,
		    err);
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
	rc = save(s, *plan_id, *plan, a->file, &d, ORIGIN_DIRECTIVE, o,
	    err);
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
 * through parboard-office (office.h), then the same parser. */
static int
read_one(const char *file, struct appendix **out, char **err)
{
	struct grid *g;
	size_t n;
	char *text;
	int rc;

	if (!office_is_office(file))
		return appendix_read(file, out, err);
	*out = NULL;
	if (office_read(file, &g, &n, &text, err) != 0)
		return -1;
	rc = appendix_parse_grids(file, g, n, out, err);
	if (rc == 0 && text != NULL && (*out)->kind == APPENDIX_CRITERIA)
		(*out)->letter = letter_from_text(text, strlen(text));
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
	for (k = 0; k < c->ncolumn_words; k++)
		appendix_add_words(c->column_words[k].col,
		    c->column_words[k].word);
	for (i = 0; i < nfiles && rc == 0; i++)
		rc = read_one(files[i], &a[i], err);
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
