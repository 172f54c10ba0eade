/* report.c: `parboard list` and `parboard report` output.
 *
 * Text, markdown and csv are for people and follow the language (labels,
 * dates, the decimal mark; text columns aligned by display width); tsv
 * and json are for programs (status names, ISO dates, decimal point) and
 * never change with it. */

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "evidence.h"
#include "i18n.h"
#include "report.h"
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

const char *
report_origin_label(const char *origin)
{
	if (origin != NULL && strcmp(origin, "appendix") == 0)
		return _("appendix");
	if (origin != NULL && strcmp(origin, "directive") == 0)
		return _("directive");
	if (origin != NULL && strcmp(origin, "manual") == 0)
		return _("added by hand");
	return origin != NULL ? origin : "";
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
	struct order *o = xcalloc(n, sizeof *o);
	struct task *copy = xcalloc(n, sizeof *copy);
	size_t i;

	for (i = 0; i < n; i++) {
		o[i].rank = role_rank(c, t[i].role);
		o[i].pos = i;
	}
	qsort(o, n, sizeof *o, order_cmp);
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

/* RFC 4180: quote (through libcsv) only the fields that need it. */
static void
csv_field(FILE *out, const char *s, bool last)
{
	if (s == NULL)
		s = "";
	if (strpbrk(s, ",\"\r\n") != NULL || *s == ' ')
		csv_fwrite(out, s, strlen(s));
	else
		fputs(s, out);
	fputc(last ? '\n' : ',', out);
}

/* Tabs and newlines inside a cell (a multi-line CSV cell, a comment's
 * paragraphs) would break a TSV row or a text line: spaces instead. */
static void
add_flat(struct buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		buf_addc(b, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

static void
tsv_field(FILE *out, const char *s, bool last)
{
	struct buf b = { 0 };

	add_flat(&b, s);
	buf_addc(&b, last ? '\n' : '\t');
	fputs(b.data, out);
	buf_free(&b);
}

/* tsv keys, and csv headings (for people: translated). */
static const char *const list_header[] = {
	"id", "code", "role", "support", "status", "due", "points", "origin",
	"title",
};
static const char *const list_heading[] = {
	N_("No."), N_("Code"), N_("Role"), N_("Support"), N_("Status"),
	N_("Due"), N_("Points"), N_("Origin"), N_("Task"),
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
	cell[6] = buf->pts;
	cell[7] = human ? report_origin_label(t->origin) : t->origin;
	cell[8] = t->title;
}

/* Right-aligned in w columns. */
static void
pad_left(struct buf *b, const char *s, int w)
{
	int n;

	for (n = text_width(s); n < w; n++)
		buf_addc(b, ' ');
	buf_adds(b, s);
}

static int
max_width(int w, const char *s)
{
	int n = text_width(s);

	return n > w ? n : w;
}

/* The text list's columns: number, code, role, status, due, points, then
 * the task's title, which takes the rest of the line. */
enum { L_ID, L_CODE, L_ROLE, L_STATUS, L_DUE, L_POINTS, L_COUNT };

static void
list_text_row(struct buf *b, const int *w, const char *const *cell,
    const char *title)
{
	int k;

	for (k = 0; k < L_COUNT; k++) {
		if (k == L_ID || k == L_POINTS)
			pad_left(b, cell[k], w[k]);
		else
			text_pad(b, cell[k], w[k]);
		buf_adds(b, "  ");
	}
	buf_adds(b, title);
	buf_addc(b, '\n');
}

static void
list_text_cells(const struct task *t, const char **cell, struct cells *c)
{
	snprintf(c->id, sizeof c->id, "%ld", t->id);
	points_text(t, i18n_decimal(), c->pts, sizeof c->pts);
	cell[L_ID] = c->id;
	cell[L_CODE] = t->code ? t->code : "-";
	cell[L_ROLE] = t->role;
	cell[L_STATUS] = status_label(t->status);
	cell[L_DUE] = t->due ? i18n_date(t->due, c->due, sizeof c->due) : "-";
	cell[L_POINTS] = c->pts[0] ? c->pts : "-";
}

static void
list_text(const struct task *t, size_t n, FILE *out)
{
	static const int heading[L_COUNT] = { 0, 1, 2, 4, 5, 6 };
	const char *cell[L_COUNT];
	struct buf b = { 0 }, title = { 0 };
	struct cells c;
	int w[L_COUNT], k;
	size_t i;

	for (k = 0; k < L_COUNT; k++)
		w[k] = text_width(_(list_heading[heading[k]]));
	for (i = 0; i < n; i++) {
		list_text_cells(&t[i], cell, &c);
		for (k = 0; k < L_COUNT; k++)
			w[k] = max_width(w[k], cell[k]);
	}
	for (k = 0; k < L_COUNT; k++)
		cell[k] = _(list_heading[heading[k]]);
	list_text_row(&b, w, cell, _(list_heading[8]));
	for (i = 0; i < n; i++) {
		list_text_cells(&t[i], cell, &c);
		title.len = 0;
		add_flat(&title, t[i].title);
		if (t[i].support != NULL && t[i].support[0] != '\0')
			buf_addf(&title, " [+%s]", t[i].support);
		list_text_row(&b, w, cell, title.data ? title.data : "");
	}
	if (b.data != NULL)
		fputs(b.data, out);
	buf_free(&title);
	buf_free(&b);
}

int
report_list(struct store *s, const struct config *c, const struct plan *p,
    const struct filter *f, enum format fmt, FILE *out, char **err)
{
	struct task *t;
	const char *cell[LIST_COLUMNS];
	struct cells buf;
	size_t n, i, k;

	if (fmt == FORMAT_JSON)
		return store_tasks_json(s, p->id, f, out, err);
	if (fmt == FORMAT_MARKDOWN)
		return fail(err, "%s",
		    _("list: format markdown is for report"));
	if (store_tasks(s, p->id, f, &t, &n, err) != 0)
		return -1;
	sort_by_column(c, t, n);
	if (fmt == FORMAT_TEXT)
		list_text(t, n, out);
	else {
		for (k = 0; k < LIST_COLUMNS; k++) {
			if (fmt == FORMAT_CSV)
				csv_field(out, _(list_heading[k]),
				    k + 1 == LIST_COLUMNS);
			else
				tsv_field(out, list_header[k],
				    k + 1 == LIST_COLUMNS);
		}
		for (i = 0; i < n; i++) {
			list_row(&t[i], fmt == FORMAT_CSV, cell, &buf);
			for (k = 0; k < LIST_COLUMNS; k++) {
				if (fmt == FORMAT_CSV)
					csv_field(out, cell[k],
					    k + 1 == LIST_COLUMNS);
				else
					tsv_field(out, cell[k],
					    k + 1 == LIST_COLUMNS);
			}
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

/* The progress table's headings: role, total, the statuses, overdue. */
static void
progress_headings(const char **h)
{
	int k;

	h[0] = _("Role");
	h[1] = _("Total");
	for (k = 0; k < STATUS_COUNT; k++)
		h[2 + k] = status_label((enum status)k);
	h[2 + STATUS_COUNT] = _("Overdue");
}

/* One row of the table in fmt; text columns are w[k] wide. */
static void
progress_row(struct buf *b, const char *const *cell, const int *w,
    enum format fmt, FILE *out)
{
	int k;

	for (k = 0; k < PROGRESS_COLUMNS; k++) {
		if (fmt == FORMAT_CSV)
			csv_field(out, cell[k], k + 1 == PROGRESS_COLUMNS);
		else if (fmt == FORMAT_MARKDOWN)
			buf_addf(b, "| %s ", cell[k]);
		else if (k + 1 < PROGRESS_COLUMNS)
			text_pad(b, cell[k], w[k] + 1);
		else
			buf_adds(b, cell[k]);
	}
	if (fmt == FORMAT_MARKDOWN)
		buf_addc(b, '|');
	if (fmt != FORMAT_CSV)
		buf_addc(b, '\n');
}

static void
progress_table(const struct tally *y, size_t n, enum format fmt, FILE *out)
{
	const char *cell[PROGRESS_COLUMNS];
	char num[PROGRESS_COLUMNS][24];
	struct buf b = { 0 };
	size_t i, v[PROGRESS_COLUMNS];
	int w[PROGRESS_COLUMNS], k;

	progress_headings(cell);
	for (k = 0; k < PROGRESS_COLUMNS; k++)
		w[k] = max_width(k == 0 ? 9 : 10, cell[k]);
	for (i = 0; i < n; i++)
		w[0] = max_width(w[0], y[i].role);
	progress_row(&b, cell, w, fmt, out);
	if (fmt == FORMAT_MARKDOWN)
		buf_adds(&b, "|---|---:|---:|---:|---:|---:|---:|\n");
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
		progress_row(&b, cell, w, fmt, out);
	}
	if (b.data != NULL)
		fputs(b.data, out);
	buf_free(&b);
}

/* The score lines at the top of the report. */
static void
report_scores(const struct plan *p, score recovered, score at_stake,
    FILE *out)
{
	char dec = i18n_decimal(), a[32], r[32], s[32];

	text_format_score(recovered, dec, r, sizeof r);
	text_format_score(at_stake, dec, s, sizeof s);
	if (p->has_total) {
		text_format_score(p->total_appraised, dec, a, sizeof a);
		fprintf(out, _("Appraised score: %s\n"), a);
	} else
		fputs(_("Appraised score: unknown (no total row)\n"), out);
	fprintf(out, _("Points recovered: %s / %s\n"), r, s);
	if (p->has_total) {
		text_format_score(p->total_appraised + recovered, dec, a,
		    sizeof a);
		fprintf(out, _("Score now: %s\n"), a);
		text_format_score(p->total_appraised + at_stake, dec, a,
		    sizeof a);
		fprintf(out, _("Score when every task is done: %s\n"), a);
	}
}

/* How much of the points recovered a document proves. */
static void
report_backed(const struct task *t, size_t n, FILE *out)
{
	char b[32];

	text_format_score(evidence_backed(t, n), i18n_decimal(), b, sizeof b);
	fprintf(out, _("Backed by evidence: %s\n"), b);
}

/* A history value as a person reads it: a status by its label, a date
 * in the language's way. */
static const char *
change_value(const char *kind, const char *v, char *buf, size_t n)
{
	enum status st;

	if (v == NULL)
		return "";
	if (strcmp(kind, "status") == 0 && status_parse(v, &st))
		return status_label(st);
	if (strcmp(kind, "due") == 0)
		return i18n_date(v, buf, n);
	if (strcmp(kind, "created") == 0)
		return report_origin_label(v);
	return v;
}

/* What a history row changed, in words. */
static const char *
change_kind(const char *kind)
{
	static const struct {
		const char *kind, *label;
	} kinds[] = {
		{ "created", N_("created") }, { "status", N_("status") },
		{ "due", N_("due") }, { "note", N_("note") },
		{ "evidence", N_("evidence") }, { "title", N_("title") },
		{ "undo", N_("undo") },
	};
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kind, kinds[i].kind) == 0)
			return _(kinds[i].label);
	return kind;
}

static void
print_change(const struct change *c, enum format fmt, FILE *out)
{
	char day[16], when[16], o[16], n[16];
	const char *at = c->h.at ? c->h.at : "";
	const char *ov = change_value(c->h.kind, c->h.old, o, sizeof o);
	const char *nv = change_value(c->h.kind, c->h.new, n, sizeof n);

	snprintf(day, sizeof day, "%.10s", at);
	fprintf(out, "%s%s%s %s %s/%s %s: %s%s%s\n",
	    fmt == FORMAT_MARKDOWN ? "- " : "  ",
	    i18n_date(day, when, sizeof when),
	    strlen(at) > 10 ? at + 10 : "", c->h.user ? c->h.user : "?",
	    c->code ? c->code : "-", c->role, change_kind(c->h.kind), ov,
	    c->h.old ? " → " : "", nv);
}

/* The tasks past their due date, not done. */
static void
report_overdue(const struct task *t, size_t n, enum format fmt, FILE *out)
{
	char due[16];
	size_t i;

	for (i = 0; i < n; i++)
		if (task_overdue(&t[i])) {
			fputs(fmt == FORMAT_MARKDOWN ? "- " : "  ", out);
			fprintf(out, _("%s %s (%s, due %s)\n"),
			    t[i].code ? t[i].code : "-", t[i].title,
			    t[i].role, i18n_date(t[i].due, due, sizeof due));
		}
}

int
report_progress(struct store *s, const struct config *c,
    const struct plan *p, const char *since, enum format fmt, FILE *out,
    char **err)
{
	struct task *t;
	struct tally *y;
	struct change *ch;
	score recovered, at_stake;
	char when[16];
	const char *h = fmt == FORMAT_MARKDOWN ? "## " : "";
	size_t n, ny, nch, i;
	int rc = 0;

	if (fmt != FORMAT_TEXT && fmt != FORMAT_MARKDOWN && fmt != FORMAT_CSV)
		return fail(err, "%s", _("report: format must be text, "
		    "markdown or csv"));
	if (store_tasks(s, p->id, NULL, &t, &n, err) != 0)
		return -1;
	tasks_points(t, n, &recovered, &at_stake);
	sort_by_column(c, t, n);
	y = tally_roles(c, t, n, &ny);
	if (fmt == FORMAT_CSV) {
		progress_table(y, ny, fmt, out);
		goto done;
	}
	fprintf(out, "%s%s\n\n", fmt == FORMAT_MARKDOWN ? "# " : "",
	    p->name);
	report_scores(p, recovered, at_stake, out);
	report_backed(t, n, out);
	fprintf(out, "\n%s%s\n\n", h, _("By role"));
	progress_table(y, ny, fmt, out);
	fprintf(out, "\n%s%s\n\n", h, _("Overdue"));
	report_overdue(t, n, fmt, out);
	if (since != NULL) {
		if (store_changes(s, p->id, since, &ch, &nch, err) != 0) {
			rc = -1;
			goto done;
		}
		fprintf(out, "\n%s", h);
		fprintf(out, _("Changes since %s"),
		    i18n_date(since, when, sizeof when));
		fputs("\n\n", out);
		for (i = 0; i < nch; i++)
			print_change(&ch[i], fmt, out);
		changes_free(ch, nch);
	}
done:
	free(y);
	tasks_free(t, n);
	return rc;
}
