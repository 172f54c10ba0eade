/* report.c: `parboard list` and `parboard report` output.
 *
 * Text output is for people (Vietnamese labels, dd/mm/yyyy, decimal
 * comma, columns aligned by display width); tsv, csv and json are for
 * programs (status names, ISO dates, decimal point). */

#include <csv.h>
#include <stdlib.h>
#include <string.h>

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

static const char *const list_header[] = {
	"id", "code", "role", "support", "status", "due", "points", "origin",
	"title",
};
#define LIST_COLUMNS (sizeof list_header / sizeof list_header[0])

static void
list_row(const struct task *t, const char **cell, char *id, char *pts)
{
	snprintf(id, 24, "%ld", t->id);
	points_text(t, '.', pts, 32);
	cell[0] = id;
	cell[1] = t->code ? t->code : "";
	cell[2] = t->role;
	cell[3] = t->support ? t->support : "";
	cell[4] = status_name(t->status);
	cell[5] = t->due ? t->due : "";
	cell[6] = pts;
	cell[7] = t->origin;
	cell[8] = t->title;
}

static void
list_text(const struct task *t, size_t n, FILE *out)
{
	struct buf b = { 0 };
	char pts[32], due[11], id[24];
	size_t i;
	int wid = text_width("Số"), wcode = text_width("Mã");
	int wrole = text_width("Vai trò"), wstat = text_width("Trạng thái");

	for (i = 0; i < n; i++) {
		int w;

		snprintf(id, sizeof id, "%ld", t[i].id);
		if ((w = text_width(id)) > wid)
			wid = w;
		if (t[i].code && (w = text_width(t[i].code)) > wcode)
			wcode = w;
		if ((w = text_width(t[i].role)) > wrole)
			wrole = w;
		if ((w = text_width(status_label(t[i].status))) > wstat)
			wstat = w;
	}
	text_pad(&b, "Số", wid);
	buf_adds(&b, "  ");
	text_pad(&b, "Mã", wcode);
	buf_adds(&b, "  ");
	text_pad(&b, "Vai trò", wrole);
	buf_adds(&b, "  ");
	text_pad(&b, "Trạng thái", wstat);
	buf_adds(&b, "  Hạn         Điểm  Nhiệm vụ\n");
	for (i = 0; i < n; i++) {
		snprintf(id, sizeof id, "%*ld", wid, t[i].id);
		buf_adds(&b, id);
		buf_adds(&b, "  ");
		text_pad(&b, t[i].code ? t[i].code : "-", wcode);
		buf_adds(&b, "  ");
		text_pad(&b, t[i].role, wrole);
		buf_adds(&b, "  ");
		text_pad(&b, status_label(t[i].status), wstat);
		buf_adds(&b, "  ");
		if (t[i].due != NULL)
			text_format_date(t[i].due, due);
		else
			strcpy(due, "-");
		text_pad(&b, due, 10);
		points_text(&t[i], ',', pts, sizeof pts);
		buf_addf(&b, "  %4s  ", pts[0] ? pts : "-");
		add_flat(&b, t[i].title);
		if (t[i].support != NULL && t[i].support[0] != '\0')
			buf_addf(&b, " [+%s]", t[i].support);
		buf_addc(&b, '\n');
	}
	fputs(b.data, out);
	buf_free(&b);
}

int
report_list(struct store *s, const struct config *c, const struct plan *p,
    const struct filter *f, enum format fmt, FILE *out, char **err)
{
	struct task *t;
	const char *cell[LIST_COLUMNS];
	char pts[32], id[24];
	size_t n, i, k;

	if (fmt == FORMAT_JSON)
		return store_tasks_json(s, p->id, f, out, err);
	if (fmt == FORMAT_MARKDOWN)
		return fail(err, "list: format markdown is for report");
	if (store_tasks(s, p->id, f, &t, &n, err) != 0)
		return -1;
	sort_by_column(c, t, n);
	if (fmt == FORMAT_TEXT)
		list_text(t, n, out);
	else {
		for (k = 0; k < LIST_COLUMNS; k++) {
			if (fmt == FORMAT_CSV)
				csv_field(out, list_header[k],
				    k + 1 == LIST_COLUMNS);
			else
				tsv_field(out, list_header[k],
				    k + 1 == LIST_COLUMNS);
		}
		for (i = 0; i < n; i++) {
			list_row(&t[i], cell, id, pts);
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

static const char *const progress_header[] = {
	"role", "total", "todo", "doing", "done", "blocked", "overdue",
};

static void
progress_table(const struct tally *y, size_t n, enum format fmt, FILE *out)
{
	static const char *const vi[] = {
		"Vai trò", "Tổng", "Chưa làm", "Đang làm", "Hoàn thành",
		"Vướng mắc", "Quá hạn",
	};
	struct buf b = { 0 };
	size_t i, k, v[6];
	char num[24];

	for (k = 0; k < 7; k++) {
		if (fmt == FORMAT_CSV)
			csv_field(out, progress_header[k], k == 6);
		else if (fmt == FORMAT_MARKDOWN)
			buf_addf(&b, "| %s ", vi[k]);
		else {
			text_pad(&b, vi[k], k == 0 ? 10 : 11);
		}
	}
	if (fmt == FORMAT_MARKDOWN)
		buf_adds(&b, "|\n|---|---:|---:|---:|---:|---:|---:|");
	if (fmt != FORMAT_CSV)
		buf_addc(&b, '\n');
	for (i = 0; i < n; i++) {
		if (y[i].total == 0)
			continue;
		v[0] = y[i].total;
		for (k = 0; k < STATUS_COUNT; k++)
			v[1 + k] = y[i].by[k];
		v[5] = y[i].overdue;
		if (fmt == FORMAT_CSV)
			csv_field(out, y[i].role, false);
		else if (fmt == FORMAT_MARKDOWN)
			buf_addf(&b, "| %s ", y[i].role);
		else
			text_pad(&b, y[i].role, 10);
		for (k = 0; k < 6; k++) {
			snprintf(num, sizeof num, "%zu", v[k]);
			if (fmt == FORMAT_CSV)
				csv_field(out, num, k == 5);
			else if (fmt == FORMAT_MARKDOWN)
				buf_addf(&b, "| %s ", num);
			else
				buf_addf(&b, "%-11s", num);
		}
		if (fmt == FORMAT_MARKDOWN)
			buf_addc(&b, '|');
		if (fmt != FORMAT_CSV)
			buf_addc(&b, '\n');
	}
	if (b.data != NULL)
		fputs(b.data, out);
	buf_free(&b);
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
	char a[32], b[32], r[32], due[11];
	const char *h = fmt == FORMAT_MARKDOWN ? "## " : "";
	size_t n, ny, nch, i;

	if (fmt != FORMAT_TEXT && fmt != FORMAT_MARKDOWN && fmt != FORMAT_CSV)
		return fail(err, "report: format must be text, markdown or "
		    "csv");
	if (store_tasks(s, p->id, NULL, &t, &n, err) != 0)
		return -1;
	tasks_points(t, n, &recovered, &at_stake);
	sort_by_column(c, t, n);
	y = tally_roles(c, t, n, &ny);
	if (fmt == FORMAT_CSV) {
		progress_table(y, ny, fmt, out);
		goto done;
	}
	fprintf(out, "%s%s%s\n\n", fmt == FORMAT_MARKDOWN ? "# " : "",
	    p->name, "");
	text_format_score(recovered, ',', r, sizeof r);
	text_format_score(at_stake, ',', b, sizeof b);
	if (p->has_total) {
		text_format_score(p->total_appraised, ',', a, sizeof a);
		fprintf(out, "Điểm thẩm định: %s\n", a);
	} else
		fprintf(out, "Điểm thẩm định: chưa rõ (không có dòng tổng "
		    "điểm)\n");
	fprintf(out, "Điểm đã khắc phục: %s / %s\n", r, b);
	if (p->has_total) {
		text_format_score(p->total_appraised + recovered, ',', a,
		    sizeof a);
		fprintf(out, "Điểm hiện tính: %s\n", a);
		text_format_score(p->total_appraised + at_stake, ',', a,
		    sizeof a);
		fprintf(out, "Điểm dự kiến khi xong hết: %s\n", a);
	}
	fputc('\n', out);
	fprintf(out, "%sTheo vai trò\n\n", h);
	progress_table(y, ny, fmt, out);
	fprintf(out, "\n%sQuá hạn\n\n", h);
	for (i = 0; i < n; i++)
		if (task_overdue(&t[i])) {
			text_format_date(t[i].due, due);
			fprintf(out, "%s%s %s (%s, hạn %s)\n",
			    fmt == FORMAT_MARKDOWN ? "- " : "  ",
			    t[i].code ? t[i].code : "-", t[i].title,
			    t[i].role, due);
		}
	if (since != NULL) {
		char when[11];

		if (store_changes(s, p->id, since, &ch, &nch, err) != 0) {
			free(y);
			tasks_free(t, n);
			return -1;
		}
		text_format_date(since, when);
		fprintf(out, "\n%sThay đổi từ %s\n\n", h, when);
		for (i = 0; i < nch; i++)
			fprintf(out, "%s%s %s %s/%s %s: %s%s%s\n",
			    fmt == FORMAT_MARKDOWN ? "- " : "  ",
			    ch[i].h.at, ch[i].h.user,
			    ch[i].code ? ch[i].code : "-", ch[i].role,
			    ch[i].h.kind, ch[i].h.old ? ch[i].h.old : "",
			    ch[i].h.old ? " → " : "",
			    ch[i].h.new ? ch[i].h.new : "");
		changes_free(ch, nch);
	}
done:
	free(y);
	tasks_free(t, n);
	return 0;
}
