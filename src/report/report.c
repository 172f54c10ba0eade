/* SPDX-License-Identifier: ISC */
/* report.c: `parboard list` and `parboard report` output.
 *
 * Text, markdown and csv are for people and follow the language (labels,
 * dates, the decimal mark; text columns aligned by display width); tsv
 * and json are for programs (status names, ISO dates, decimal point) and
 * never change with it. */

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "evidence.h"
#include "doc.h"
#include "i18n.h"
#include "minutes.h"
#include "output.h"
#include "report.h"
#include "scoreview.h"
#include "words.h"
#include "text.h"
#include "util.h"

bool
format_parse(const char *s, enum format *out)
{
	static const struct {
		const char *name;
		enum format f;
	} names[] = {
		{ "text", FORMAT_TEXT }, { "tsv", FORMAT_TSV },
		{ "csv", FORMAT_CSV }, { "json", FORMAT_JSON },
		{ "markdown", FORMAT_MARKDOWN }, { "md", FORMAT_MARKDOWN },
		{ "html", FORMAT_HTML },
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i].name) == 0) {
			*out = names[i].f;
			return true;
		}
	return false;
}

/* Column position of a role: configured order, unknown roles last. */
static size_t
role_rank(const struct config *c, const char *role)
{
	size_t i;

	for (i = 0; i < c->nroles; i++)
		if (strcmp(c->roles[i].id, role) == 0)
			return i;
	return c->nroles;
}

struct order {
	size_t rank, pos;
};

static int
order_cmp(const void *x, const void *y)
{
	const struct order *a = x, *b = y;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

/* Group by column in the configured order, keeping store_tasks' order
 * (due date, then points) inside each column. */
static void
sort_by_column(const struct config *c, struct task *t, size_t n)
{
	struct order *o;
	struct task *copy;
	size_t i;

	if (n == 0)
		return;		/* t may be NULL: no memcpy to it */
	o = xcalloc(n, sizeof *o);
	copy = xcalloc(n, sizeof *copy);
	for (i = 0; i < n; i++) {
		o[i].rank = role_rank(c, t[i].role);
		o[i].pos = i;
	}
	xqsort(o, n, sizeof *o, order_cmp);
	for (i = 0; i < n; i++)
		copy[i] = t[o[i].pos];
	memcpy(t, copy, n * sizeof *t);
	free(copy);
	free(o);
}

static void
points_text(const struct task *t, char decimal, char *b, size_t n)
{
	if (t->has_points)
		text_format_score(t->points, decimal, b, n);
	else
		b[0] = '\0';
}

/* For programs: exact, escaped (output.h). */
static void
tsv_field(FILE *out, const char *s, bool last)
{
	struct buf b = { 0 };

	out_tsv_cell(&b, s, last);
	fputs(b.data, out);
	buf_free(&b);
}

/* tsv keys, and csv headings (for people: translated); the text list's
 * person column is the last heading. */
static const char *const list_header[] = {
	"id", "code", "role", "support", "status", "due", "points", "origin",
	"title",
};
static const char *const list_heading[] = {
	N_("No."), N_("Code"), N_("Role"), N_("Support"), N_("Status"),
	N_("Due"), N_("Points"), N_("Origin"), N_("Task"), N_("Person"),
};
#define LIST_COLUMNS (sizeof list_header / sizeof list_header[0])

struct cells {
	char id[24], pts[32], due[16];
};

/* A row of the tsv (human false) or csv (human true). */
static void
list_row(const struct task *t, bool human, const char **cell,
    struct cells *buf)
{
	snprintf(buf->id, sizeof buf->id, "%ld", t->id);
	points_text(t, human ? i18n_decimal() : '.', buf->pts,
	    sizeof buf->pts);
	cell[0] = buf->id;
	cell[1] = t->code ? t->code : "";
	cell[2] = t->role;
	cell[3] = t->support ? t->support : "";
	cell[4] = human ? status_label(t->status) : status_name(t->status);
	cell[5] = t->due ? t->due : "";
	if (human && t->due != NULL)
		cell[5] = i18n_date(t->due, buf->due, sizeof buf->due);
	else if (human)
		cell[5] = _("ongoing");
	cell[6] = buf->pts;
	cell[7] = human ? words_origin(t->origin) : origin_name(t->origin);
	cell[8] = t->title;
}

static int
max_width(int w, const char *s)
{
	int n = text_width(s);

	return n > w ? n : w;
}

/* The text list's columns: number, code, role, status, due, points, then
 * the task's title (with its support), which takes the rest of the line;
 * two spaces apart. */
enum { L_ID, L_CODE, L_ROLE, L_PERSON, L_STATUS, L_DUE, L_POINTS, L_TITLE,
	L_COUNT };

static void
list_text_cells(const struct task *t, const char *accountable,
    const char **cell, struct cells *c, struct buf *title)
{
	snprintf(c->id, sizeof c->id, "%ld", t->id);
	points_text(t, i18n_decimal(), c->pts, sizeof c->pts);
	cell[L_ID] = c->id;
	cell[L_CODE] = t->code ? t->code : "-";
	cell[L_ROLE] = t->role;
	cell[L_PERSON] = t->person ? t->person : "-";
	cell[L_STATUS] = status_label(t->status);
	cell[L_DUE] = t->due ? i18n_date(t->due, c->due, sizeof c->due) :
	    _("ongoing");
	cell[L_POINTS] = c->pts[0] ? c->pts : "-";
	title->len = 0;
	out_safe(title, t->title, false);
	if (t->support != NULL && t->support[0] != '\0') {
		buf_adds(title, " [+");
		out_safe(title, t->support, false);
		buf_addc(title, ']');
	}
	if (accountable != NULL) {
		buf_adds(title, " [");
		buf_addf(title, _("accountable: %s"), accountable);
		buf_addc(title, ']');
	}
	if (t->links != NULL && t->links[0] != '\0') {
		buf_adds(title, " [");
		buf_addf(title, _("also %s"), t->links);
		buf_addc(title, ']');
	}
	cell[L_TITLE] = title->data != NULL ? title->data : "";
}

/* The person column only when a task names someone. */
static void
list_text(const struct config *cf, const struct task *t, size_t n,
    FILE *out)
{
	static const int heading[L_COUNT] = { 0, 1, 2, 9, 4, 5, 6, 8 };
	struct doc_col col[L_COUNT];
	const char *cell[L_COUNT];
	struct buf title = { 0 };
	struct cells c;
	struct doc d;
	size_t i;
	int k, skip = L_PERSON;

	for (i = 0; i < n && skip >= 0; i++)
		if (t[i].person != NULL)
			skip = -1;
	memset(col, 0, sizeof col);
	for (k = 0; k < L_COUNT - (skip >= 0); k++) {
		int from = skip >= 0 && k >= skip ? k + 1 : k;

		col[k].head = _(list_heading[heading[from]]);
		col[k].align = from == L_ID || from == L_POINTS ? DOC_RIGHT :
		    DOC_LEFT;
		col[k].gap = 2;
	}
	doc_begin(&d, FORMAT_TEXT, out, NULL);
	doc_table_begin(&d, col, (size_t)(L_COUNT - (skip >= 0)));
	for (i = 0; i < n; i++) {
		list_text_cells(&t[i], config_accountable(cf, t[i].role), cell,
		    &c, &title);
		if (skip >= 0)
			memmove(&cell[skip], &cell[skip + 1],
			    (L_COUNT - skip - 1) * sizeof *cell);
		doc_row(&d, cell);
	}
	doc_table_end(&d);
	doc_end(&d);
	buf_free(&title);
}

/* The list for spreadsheets: a table through doc.h. */
static void
list_csv(const struct task *t, size_t n, FILE *out)
{
	struct doc_col col[LIST_COLUMNS];
	const char *cell[LIST_COLUMNS];
	struct cells buf;
	struct doc d;
	size_t i, k;

	memset(col, 0, sizeof col);
	for (k = 0; k < LIST_COLUMNS; k++)
		col[k].head = _(list_heading[k]);
	doc_begin(&d, FORMAT_CSV, out, NULL);
	doc_table_begin(&d, col, LIST_COLUMNS);
	for (i = 0; i < n; i++) {
		list_row(&t[i], true, cell, &buf);
		doc_row(&d, cell);
	}
	doc_table_end(&d);
	doc_end(&d);
}

/* ,"KEY":x or ,"KEY":null. */
static void
json_score(struct buf *b, const char *key, const score *x)
{
	char s[32];

	if (x == NULL) {
		buf_addf(b, ",\"%s\":null", key);
		return;
	}
	text_format_score(*x, '.', s, sizeof s);
	buf_addf(b, ",\"%s\":%s", key, s);
}

/* The keys of list --format json, in the order the man page lists them;
 * c the numbers of the task's criterion, or NULL. */
/* A comma list ("VP-TK,TP-HT") as a JSON array of strings. */
static void
json_list(struct buf *b, const char *key, const char *csv)
{
	char *copy = xstrdup(csv != NULL ? csv : ""), *tok, *save = NULL;
	bool first = true;

	buf_addf(b, ",\"%s\":[", key);
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		buf_adds(b, first ? "" : ",");
		out_json_str(b, tok);
		first = false;
	}
	buf_addc(b, ']');
	free(copy);
}

static void
json_task(struct buf *b, const struct task *t, const struct crit_score *c,
    const char *accountable)
{
	buf_addf(b, "{\"id\":%ld,\"code\":", t->id);
	out_json_str(b, t->code);
	json_list(b, "links", t->links);
	buf_adds(b, ",\"role\":");
	out_json_str(b, t->role);
	json_list(b, "support", t->support);
	buf_adds(b, ",\"title\":");
	out_json_str(b, t->title);
	buf_addf(b, ",\"status\":\"%s\",\"status_label\":",
	    status_name(t->status));
	out_json_str(b, status_label(t->status));
	buf_adds(b, ",\"due\":");
	out_json_str(b, t->due);
	buf_adds(b, ",\"due_source\":");
	out_json_str(b, due_source_name(t->due_source));
	json_score(b, "points", t->has_points ? &t->points : NULL);
	json_score(b, "appraised", c != NULL ? &c->appraised : NULL);
	json_score(b, "now", c != NULL ? &c->now : NULL);
	json_score(b, "reachable", c != NULL ? &c->reachable : NULL);
	buf_adds(b, ",\"origin\":");
	out_json_str(b, origin_name(t->origin));
	buf_adds(b, ",\"target\":");
	out_json_str(b, t->target);
	buf_adds(b, ",\"every\":");
	out_json_str(b, t->every);
	buf_adds(b, ",\"person\":");
	out_json_str(b, t->person);
	buf_adds(b, ",\"accountable\":");
	out_json_str(b, accountable);
	buf_addf(b, ",\"notes\":%d,\"evidence\":%d}", t->nnotes,
	    t->nevidence);
}

/* One JSON array on one line, in the order of the text list. */
static void
list_json(const struct config *c, const struct task *t, size_t n,
    const struct scoreview *v, FILE *out)
{
	struct buf b = { 0 };
	size_t i;

	buf_addc(&b, '[');
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(&b, ',');
		json_task(&b, &t[i], scoreview_get(v, t[i].code),
		    config_accountable(c, t[i].role));
	}
	buf_adds(&b, "]\n");
	fputs(b.data, out);
	buf_free(&b);
}

int
report_list(struct store *s, const struct config *c, const struct plan *p,
    const struct filter *f, enum format fmt, FILE *out, char **err)
{
	struct task *t;
	const char *cell[LIST_COLUMNS];
	struct scoreview v;
	struct cells buf;
	size_t n, i, k;

	if (fmt == FORMAT_MARKDOWN || fmt == FORMAT_HTML)
		return fail(err, "%s",
		    _("list: formats markdown and html are for report"));
	if (store_tasks(s, p->id, f, &t, &n, err) != 0)
		return -1;
	sort_by_column(c, t, n);
	if (fmt == FORMAT_CSV)
		list_csv(t, n, out);
	else if (fmt == FORMAT_TEXT)
		list_text(c, t, n, out);
	else if (fmt == FORMAT_JSON) {
		if (scoreview_load(s, p, &v, err) != 0) {
			tasks_free(t, n);
			return -1;
		}
		list_json(c, t, n, &v, out);
		scoreview_free(&v);
	} else {
		for (k = 0; k < LIST_COLUMNS; k++)
			tsv_field(out, list_header[k], k + 1 == LIST_COLUMNS);
		for (i = 0; i < n; i++) {
			list_row(&t[i], false, cell, &buf);
			for (k = 0; k < LIST_COLUMNS; k++)
				tsv_field(out, cell[k], k + 1 == LIST_COLUMNS);
		}
	}
	tasks_free(t, n);
	return 0;
}

/* Per-role counts for the progress report. */
struct tally {
	const char *role;
	size_t total, by[STATUS_COUNT], overdue;
};

static struct tally *
tally_roles(const struct config *c, const struct task *t, size_t n,
    size_t *ntally)
{
	struct tally *y = xcalloc(c->nroles + n + 1, sizeof *y);
	size_t i, k, m = 0;

	for (i = 0; i < c->nroles; i++)
		y[m++].role = c->roles[i].id;
	for (i = 0; i < n; i++) {
		for (k = 0; k < m && strcmp(y[k].role, t[i].role) != 0; k++)
			;
		if (k == m)
			y[m++].role = t[i].role;
		y[k].total++;
		y[k].by[t[i].status]++;
		if (task_overdue(&t[i]))
			y[k].overdue++;
	}
	*ntally = m;
	return y;
}

#define PROGRESS_COLUMNS 7

/* The progress table: role, total, the statuses, overdue; a role without
 * tasks has no row, yet its name sets the text column's width. */
static void
progress_table(struct doc *d, const struct tally *y, size_t n)
{
	struct doc_col col[PROGRESS_COLUMNS];
	const char *cell[PROGRESS_COLUMNS];
	char num[PROGRESS_COLUMNS][24];
	size_t i, v[PROGRESS_COLUMNS];
	int k;

	memset(col, 0, sizeof col);
	for (k = 0; k < PROGRESS_COLUMNS; k++) {
		col[k].align = k == 0 ? DOC_LEFT : DOC_FIGURE;
		col[k].width = k == 0 ? 9 : 5;
	}
	col[0].head = _("Role");
	col[1].head = _("Total");
	for (k = 0; k < STATUS_COUNT; k++)
		col[2 + k].head = status_label((enum status)k);
	col[2 + STATUS_COUNT].head = _("Overdue");
	for (i = 0; i < n; i++)
		col[0].width = max_width(col[0].width, y[i].role);
	doc_table_begin(d, col, PROGRESS_COLUMNS);
	for (i = 0; i < n; i++) {
		if (y[i].total == 0)
			continue;
		v[1] = y[i].total;
		for (k = 0; k < STATUS_COUNT; k++)
			v[2 + k] = y[i].by[k];
		v[2 + STATUS_COUNT] = y[i].overdue;
		cell[0] = y[i].role;
		for (k = 1; k < PROGRESS_COLUMNS; k++) {
			snprintf(num[k], sizeof num[k], "%zu", v[k]);
			cell[k] = num[k];
		}
		doc_row(d, cell);
	}
	doc_table_end(d);
}

/* One score line: a message that ends with a line feed. */
static void
score_line(struct doc *d, struct buf *line)
{
	if (line->len > 0 && line->data[line->len - 1] == '\n')
		line->data[--line->len] = '\0';
	doc_line(d, line->data);
	line->len = 0;
}

/* The score lines at the top of the report (scoreview.h): appraised,
 * now, the reachable maximum, the criteria lost this year, the old
 * every-deduction figure with its caveat, how much documents back. */
static void
report_scores(struct doc *d, const struct plan *p,
    const struct scoreview *v, score backed)
{
	const struct plan_score *t = &v->total;
	char a[32], k[32];
	struct buf l = { 0 };
	char *lost;

	scoreview_fmt(t->now, a);
	if (p->has_total)
		doc_gauge(d, t->now, 0, 100000, a);
	doc_lines_begin(d);
	if (!p->has_total)
		buf_adds(&l, _("Appraised score: unknown (no total row)\n"));
	else {
		scoreview_fmt(t->appraised, a);
		buf_addf(&l, _("Appraised score: %s\n"), a);
		score_line(d, &l);
		scoreview_fmt(t->now, a);
		buf_addf(&l, _("Score now: %s\n"), a);
		score_line(d, &l);
		scoreview_fmt(t->reachable, a);
		buf_addf(&l, _("Reachable this year on the appraised criteria: "
		    "%s (the criteria not appraised at mid-year are not in "
		    "it)\n"), a);
	}
	score_line(d, &l);
	if (v->nlost > 0) {
		lost = scoreview_lost_words(v, true, SCOREVIEW_ALL);
		buf_addf(&l, _("Cannot be won back this year: %s — an "
		    "explanation is needed"), lost);
		score_line(d, &l);
		free(lost);
	}
	if ((lost = scoreview_gain_words(v, SCOREVIEW_ALL)) != NULL) {
		buf_addf(&l, _("Still to win, the most first: %s\n"), lost);
		score_line(d, &l);
		free(lost);
	}
	if (t->nassumed > 0) {
		buf_addf(&l, ngettext("Assumed: the appraised figures of %zu "
		    "criterion are unknown; its full points count as "
		    "reachable\n", "Assumed: the appraised figures of %zu "
		    "criteria are unknown; their full points count as "
		    "reachable\n", t->nassumed), t->nassumed);
		score_line(d, &l);
	}
	scoreview_fmt(backed, k);
	buf_addf(&l, _("Backed by evidence: %s\n"), k);
	score_line(d, &l);
	if (p->has_total) {
		scoreview_fmt(t->all_fixed, a);
		buf_addf(&l, _("If every deduction were fixed: %s (not the "
		    "year's projection: some cannot be won back, and the "
		    "criteria not appraised at mid-year are not in it)\n"), a);
		score_line(d, &l);
	}
	doc_lines_end(d);
	buf_free(&l);
}

#define CRIT_COLUMNS 5

/* The note of a criterion's row: lost, assumed, or nothing. */
static const char *
crit_note(const struct crit_score *c)
{
	if (c->lost)
		return _("cannot be won back");
	if (c->assumed)
		return _("assumed");
	return "";
}

/* Each scored criterion's three numbers: code, appraised, now,
 * reachable, a note. */
static void
report_criteria(struct doc *d, struct scoreview *v)
{
	struct doc_col col[CRIT_COLUMNS];
	const char *cell[CRIT_COLUMNS];
	char num[3][32];
	const size_t *order;
	size_t i, j, n;
	int k;

	memset(col, 0, sizeof col);
	col[0].head = _("Criterion");
	col[1].head = _("Appraised");
	col[2].head = _("Now");
	col[3].head = _("Reachable");
	col[4].head = _("Note");
	for (k = 0; k < CRIT_COLUMNS; k++) {
		col[k].align = k == 0 || k == 4 ? DOC_LEFT : DOC_FIGURE;
		col[k].width = max_width(k == 0 ? 7 : 0, col[k].head);
	}
	doc_heading(d, 2, _("By criterion"));
	doc_table_begin(d, col, CRIT_COLUMNS);
	order = scoreview_order(v, &n);
	for (j = 0; j < n; j++) {
		i = order[j];
		scoreview_fmt(v->crit[i].appraised, num[0]);
		scoreview_fmt(v->crit[i].now, num[1]);
		scoreview_fmt(v->crit[i].reachable, num[2]);
		cell[0] = v->facts[i].code;
		cell[1] = num[0];
		cell[2] = num[1];
		cell[3] = num[2];
		cell[4] = crit_note(&v->crit[i]);
		doc_row(d, cell);
	}
	doc_table_end(d);
}

/* The tasks past their due date, not done; a task without a code is
 * named by its number and title. */
static void
report_overdue(struct doc *d, const struct task *t, size_t n)
{
	char due[64], *line;
	size_t i;

	doc_list_begin(d, 1, true);
	for (i = 0; i < n; i++) {
		if (!task_overdue(&t[i]))
			continue;
		/* A recurring target says which periods fell short. */
		if (task_kind(&t[i]) == TASK_RECURRING)
			snprintf(due, sizeof due, "%s", t[i].missed);
		else
			i18n_date(t[i].due, due, sizeof due);
		if (t[i].code != NULL)
			line = xasprintf(_("%s %s (%s, due %s)"), t[i].code,
			    t[i].title, t[i].role, due);
		else
			line = xasprintf(_("#%ld %s (%s, due %s)"), t[i].id,
			    t[i].title, t[i].role, due);
		doc_item(d, line);
		free(line);
	}
	doc_list_end(d);
}

/* Every change since `since`, oldest first. */
static int
report_changes(struct doc *d, struct store *s, const struct plan *p,
    const char *since, char **err)
{
	struct change *ch;
	char when[16], title[128], *line;
	size_t n, i;

	if (store_changes(s, p->id, since, &ch, &n, err) != 0)
		return -1;
	snprintf(title, sizeof title, _("Changes since %s"),
	    i18n_date(since, when, sizeof when));
	doc_heading(d, 2, title);
	doc_list_begin(d, 1, true);
	for (i = 0; i < n; i++) {
		line = words_change(&ch[i]);
		doc_item(d, line);
		free(line);
	}
	doc_list_end(d);
	changes_free(ch, n);
	return 0;
}

char *
report_plan_heading(struct store *s, const struct plan *p)
{
	struct letter *l = NULL;
	char *err = NULL, *h = NULL;

	if (store_letter_get(s, p->id, &l, &err) == 0)
		h = words_letter_heading(l);
	letter_free(l);
	free(err);
	return h != NULL ? h : xstrdup(p->name != NULL ? p->name : "");
}

static void
report_title(struct doc *d, struct store *s, const struct plan *p)
{
	char day[16], *meta, *h = report_plan_heading(s, p);

	i18n_date(today(), day, sizeof day);
	doc_heading(d, 1, h);
	free(h);
	meta = xasprintf("%s %s", _("Computed for"), day);
	doc_meta(d, meta);
	free(meta);
}

int
report_progress(struct store *s, const struct config *c,
    const struct plan *p, const char *since, enum format fmt, FILE *out,
    char **err)
{
	struct task *t;
	struct tally *y;
	struct scoreview v;
	struct doc d;
	size_t n, ny, i;
	score backed;
	int rc = 0;

	if (fmt != FORMAT_TEXT && fmt != FORMAT_MARKDOWN &&
	    fmt != FORMAT_CSV && fmt != FORMAT_HTML)
		return fail(err, "%s", _("report: format must be text, "
		    "markdown, html or csv"));
	if (store_tasks(s, p->id, NULL, &t, &n, err) != 0)
		return -1;
	if (scoreview_load(s, p, &v, err) != 0) {
		tasks_free(t, n);
		return -1;
	}
	backed = evidence_backed(&v);
	sort_by_column(c, t, n);
	y = tally_roles(c, t, n, &ny);
	doc_begin(&d, fmt, out, p->name);
	report_title(&d, s, p);
	report_scores(&d, p, &v, backed);
	report_criteria(&d, &v);
	doc_heading(&d, 2, _("By role"));
	for (i = 0; i < ny; i++)
		if (y[i].total > 0)
			doc_bar(&d, y[i].role, y[i].by[STATUS_DONE],
			    y[i].total);
	progress_table(&d, y, ny);
	doc_heading(&d, 2, _("Overdue"));
	report_overdue(&d, t, n);
	if (since != NULL && fmt != FORMAT_CSV)
		rc = report_changes(&d, s, p, since, err);
	if (rc == 0)
		doc_end(&d);
	else
		buf_free(&d.b);
	free(y);
	scoreview_free(&v);
	tasks_free(t, n);
	return rc;
}
