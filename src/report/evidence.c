/* SPDX-License-Identifier: ISC */
/* evidence.c: the evidence register as people read it (see evidence.h).
 *
 * Text, markdown, html and csv are for people: every data field goes
 * through text_safe (output.h) and the format's escaping, dates and labels
 * follow the language.  tsv and json are for programs: ISO dates, exact
 * values, escaped (output.h). */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "doc.h"
#include "evidence.h"
#include "html.h"
#include "i18n.h"
#include "output.h"
#include "proofview.h"
#include "text.h"
#include "util.h"

static int
code_cmp(const void *a, const void *b)
{
	const struct task *x = *(const struct task *const *)a;
	const struct task *y = *(const struct task *const *)b;
	int c = text_code_cmp(x->code, y->code);

	if (c != 0)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* The tasks linked to a criterion of the plan, by code then id. */
static const struct task **
by_criterion(const struct task *t, size_t n, size_t *m)
{
	const struct task **v = xcalloc(n + 1, sizeof *v);
	size_t i;

	*m = 0;
	for (i = 0; i < n; i++)
		if (t[i].code != NULL && t[i].crit_title != NULL)
			v[(*m)++] = &t[i];
	xqsort(v, *m, sizeof *v, code_cmp);
	return v;
}

score
evidence_backed(const struct scoreview *v)
{
	const struct crit_score *c;
	score out = 0;
	size_t i;

	for (i = 0; i < v->n; i++) {
		c = &v->crit[i];
		if (v->facts[i].scored && c->now > c->appraised &&
		    (v->facts[i].rule.kind == CK_DOCUMENT ||
		    v->facts[i].rule.kind == CK_COUNT))
			out += c->now - c->appraised;
	}
	return out;
}

/* --- evidence list ---------------------------------------------------- */

/* evidence list shows a document once, with every task it is linked to:
 * the store gives a row per link, grouped here by document. */
struct listed {
	const struct evidence *e;	/* the document (its first link) */
	const struct evidence **links;	/* its rows, by task */
	size_t n;
};

static int
by_document(const void *a, const void *b)
{
	const struct evidence *x = *(const struct evidence *const *)a;
	const struct evidence *y = *(const struct evidence *const *)b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	/* The store's order within a document: keep it. */
	return x < y ? -1 : x > y;
}

/* The documents of v[0..n) by id, each with its links; *m of them. */
static struct listed *
list_group(const struct evidence *v, size_t n,
    const struct evidence ***order, size_t *m)
{
	const struct evidence **o = xcalloc(n + 1, sizeof *o);
	struct listed *l = xcalloc(n + 1, sizeof *l);
	size_t i;

	for (i = 0; i < n; i++)
		o[i] = &v[i];
	xqsort(o, n, sizeof *o, by_document);
	*m = 0;
	for (i = 0; i < n; i++) {
		if (*m == 0 || l[*m - 1].e->id != o[i]->id) {
			l[*m].e = o[i];
			l[(*m)++].links = &o[i];
		}
		/* A document without a link has one row, task 0. */
		if (o[i]->task_id != 0)
			l[*m - 1].n++;
	}
	*order = o;
	return l;
}

static const char *const list_keys[] = {
	"id", "task", "code", "role", "number", "date", "issuer", "summary",
	"signed", "file", "incomplete", "kind",
};
static const char *const list_headings[] = {
	N_("No."), N_("Task"), N_("Code"), N_("Role"), N_("Number"),
	N_("Date"), N_("Issuer"), N_("Summary"), N_("Digitally signed"),
	N_("File or link"), N_("Incomplete"), N_("Kind"),
};
#define EV_COLUMNS (sizeof list_keys / sizeof list_keys[0])

/* The cells of l; its tasks, codes and roles joined by commas in the
 * three buffers (freed by the caller). */
static void
row_cells(const struct listed *l, bool human, char *num, struct buf *j,
    char *day, const char **cell)
{
	const struct evidence *e = l->e;
	size_t i;

	snprintf(num, 24, "%ld", e->id);
	for (i = 0; i < 3; i++)
		j[i].len = 0;
	for (i = 0; i < l->n; i++) {
		buf_addf(&j[0], "%s%ld", i ? "," : "", l->links[i]->task_id);
		buf_addf(&j[1], "%s%s", i ? "," : "", l->links[i]->code ?
		    l->links[i]->code : "");
		buf_addf(&j[2], "%s%s", i ? "," : "", l->links[i]->role ?
		    l->links[i]->role : "");
	}
	cell[0] = num;
	for (i = 0; i < 3; i++)
		cell[1 + i] = j[i].data != NULL ? j[i].data : "";
	cell[4] = e->number ? e->number : "";
	cell[5] = e->day ? (human ? i18n_date(e->day, day, 16) : e->day) : "";
	cell[6] = e->issuer ? e->issuer : "";
	cell[7] = e->summary ? e->summary : "";
	cell[8] = e->is_signed ? (human ? _("yes") : "1") :
	    (human ? _("no") : "0");
	cell[9] = e->file ? e->file : "";
	cell[10] = e->incomplete ? (human ? _("yes") : "1") :
	    (human ? _("no") : "0");
	cell[11] = dockind_name(e->kind);
}

static void
json_row(struct buf *b, const struct listed *l, bool first)
{
	const struct evidence *e = l->e;
	size_t i;

	buf_addf(b, "%s{\"id\":%ld,\"tasks\":[", first ? "" : ",", e->id);
	for (i = 0; i < l->n; i++) {
		buf_addf(b, "%s{\"id\":%ld,\"code\":", i ? "," : "",
		    l->links[i]->task_id);
		out_json_str(b, l->links[i]->code);
		buf_adds(b, ",\"role\":");
		out_json_str(b, l->links[i]->role);
		buf_adds(b, "}");
	}
	buf_adds(b, "],\"number\":");
	out_json_str(b, e->number);
	buf_adds(b, ",\"date\":");
	out_json_str(b, e->day);
	buf_adds(b, ",\"issuer\":");
	out_json_str(b, e->issuer);
	buf_adds(b, ",\"summary\":");
	out_json_str(b, e->summary);
	buf_addf(b, ",\"signed\":%s,\"file\":", e->is_signed ? "true" :
	    "false");
	out_json_str(b, e->file);
	buf_addf(b, ",\"incomplete\":%s,\"kind\":", e->incomplete ? "true" :
	    "false");
	out_json_str(b, e->kind != DOC_NONE ? dockind_name(e->kind) : NULL);
	buf_adds(b, "}");
}

/* One document in words, for text and the report: "158/BC-UBND,
 * 20/09/2023, UBND xã: summary (digitally signed) <file>". */
void
evidence_doc_words(struct buf *b, const struct evidence *e)
{
	char day[16];
	size_t start = b->len;

	if (e->number != NULL)
		out_safe(b, e->number, false);
	if (e->day != NULL)
		buf_addf(b, "%s%s", b->len > start ? ", " : "",
		    i18n_date(e->day, day, sizeof day));
	if (e->issuer != NULL) {
		buf_adds(b, b->len > start ? ", " : "");
		out_safe(b, e->issuer, false);
	}
	if (e->summary != NULL) {
		buf_adds(b, b->len > start ? ": " : "");
		out_safe(b, e->summary, false);
	}
	if (e->is_signed)
		buf_addf(b, " (%s)", _("digitally signed"));
	if (e->incomplete)
		buf_addf(b, " [%s]", _("incomplete: no number or date"));
	if (e->file != NULL) {
		buf_adds(b, " <");
		out_safe(b, e->file, false);
		buf_adds(b, ">");
	}
}

/* The register for people: a document's number, its tasks and its
 * words a record. */
static void
list_text(FILE *out, const struct listed *l, size_t n)
{
	struct doc d;
	struct buf w = { 0 };
	char *head;
	size_t i, k;

	doc_begin(&d, FORMAT_TEXT, out, NULL);
	doc_list_begin(&d, 0, false);
	for (i = 0; i < n; i++) {
		doc_item_begin(&d);
		head = xasprintf("#%ld  ", l[i].e->id);
		doc_plain(&d, head);
		free(head);
		for (k = 0; k < l[i].n; k++) {
			const struct evidence *t = l[i].links[k];

			doc_plain(&d, k ? ", " : "");
			doc_text(&d, t->code ? t->code : "-");
			doc_plain(&d, "/");
			doc_text(&d, t->role);
			head = xasprintf(" (%s %ld)", _("task"), t->task_id);
			doc_plain(&d, head);
			free(head);
		}
		if (l[i].n == 0)
			doc_plain(&d, _("(no task)"));
		doc_plain(&d, "\n    ");
		w.len = 0;
		evidence_doc_words(&w, l[i].e);
		doc_plain(&d, w.data != NULL ? w.data : "");
		doc_item_end(&d);
	}
	doc_list_end(&d);
	doc_end(&d);
	buf_free(&w);
}

/* The register for spreadsheets: a table through doc.h. */
static void
list_csv(FILE *out, const struct listed *l, size_t n)
{
	struct doc_col col[EV_COLUMNS];
	const char *cell[EV_COLUMNS];
	struct buf j[3] = { { 0 } };
	char num[24], day[16];
	struct doc d;
	size_t i, k;

	for (k = 0; k < EV_COLUMNS; k++) {
		col[k].head = _(list_headings[k]);
		col[k].align = DOC_LEFT;
		col[k].width = 0;
		col[k].gap = 0;
	}
	doc_begin(&d, FORMAT_CSV, out, NULL);
	doc_table_begin(&d, col, EV_COLUMNS);
	for (i = 0; i < n; i++) {
		row_cells(&l[i], true, num, j, day, cell);
		doc_row(&d, cell);
	}
	doc_table_end(&d);
	doc_end(&d);
	for (k = 0; k < 3; k++)
		buf_free(&j[k]);
}

int
evidence_print(struct store *s, const struct plan *p, long task_id,
    enum format fmt, FILE *out, char **err)
{
	struct evidence *v;
	const struct evidence **order;
	struct listed *l;
	struct buf b = { 0 }, j[3] = { { 0 } };
	const char *cell[EV_COLUMNS];
	char num[24], day[16];
	size_t n, m, i, k;

	if (store_evidence_list(s, p->id, task_id, &v, &n, err) != 0)
		return -1;
	l = list_group(v, n, &order, &m);
	if (fmt == FORMAT_CSV)
		list_csv(out, l, m);
	else if (fmt == FORMAT_TEXT)
		list_text(out, l, m);
	else if (fmt == FORMAT_JSON) {
		buf_addc(&b, '[');
		for (i = 0; i < m; i++)
			json_row(&b, &l[i], i == 0);
		buf_adds(&b, "]\n");
	} else {
		for (k = 0; k < EV_COLUMNS; k++)
			out_tsv_cell(&b, list_keys[k], k + 1 == EV_COLUMNS);
		for (i = 0; i < m; i++) {
			row_cells(&l[i], false, num, j, day, cell);
			for (k = 0; k < EV_COLUMNS; k++)
				out_tsv_cell(&b, cell[k], k + 1 == EV_COLUMNS);
		}
	}
	if (b.data != NULL)
		fputs(b.data, out);
	buf_free(&b);
	for (k = 0; k < 3; k++)
		buf_free(&j[k]);
	free(l);
	free(order);
	evidence_free(v, n);
	return 0;
}

/* --- report --evidence -------------------------------------------------- */

/* The documents by task (the store sorts them by criterion code): a
 * binary search finds a task's run, so the report stays linear-ish on
 * 10 000 documents. */
struct docs {
	const struct evidence **v;
	size_t n;
};

static int
doc_cmp(const void *a, const void *b)
{
	const struct evidence *x = *(const struct evidence *const *)a;
	const struct evidence *y = *(const struct evidence *const *)b;

	if (x->task_id != y->task_id)
		return x->task_id < y->task_id ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static void
docs_index(struct docs *d, const struct evidence *v, size_t n)
{
	size_t i;

	d->v = xcalloc(n + 1, sizeof *d->v);
	d->n = n;
	for (i = 0; i < n; i++)
		d->v[i] = &v[i];
	xqsort(d->v, n, sizeof *d->v, doc_cmp);
}

/* The first of task id's documents in d and how many (0: none). */
static size_t
docs_of(const struct docs *d, long id, const struct evidence *const **first)
{
	size_t lo = 0, hi = d->n, mid, c = 0;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->v[mid]->task_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = &d->v[lo];
	while (lo + c < d->n && d->v[lo + c]->task_id == id)
		c++;
	return c;
}

struct crit {
	const struct task **t;	/* its tasks */
	size_t n;
	bool flagged;		/* done tasks, not proved */
	const struct crit_facts *f;	/* what proves it, or NULL */
	struct proof p;
	const struct crit_score *sc;	/* its three numbers, or NULL */
};

/* The points the criterion lost: standard - appraised (what its tasks
 * carry), else the deduction the appendix wrote, as a positive number. */
static void
crit_points(const struct task *t, char *pts, size_t n)
{
	score v;

	if ((t->has & (HAS_STANDARD | HAS_APPRAISED)) ==
	    (HAS_STANDARD | HAS_APPRAISED))
		v = t->standard - t->appraised;
	else if (t->has & HAS_DEDUCTION)
		v = t->deduction < 0 ? -t->deduction : t->deduction;
	else {
		snprintf(pts, n, "-");
		return;
	}
	text_format_score(v, i18n_decimal(), pts, n);
}

/* The criterion's three numbers, and whether it is lost this year. */
static void
crit_numbers(struct buf *b, const struct crit_score *sc, enum format fmt)
{
	char *w;

	if (sc == NULL)
		return;
	w = scoreview_crit_words(sc);
	buf_addf(b, fmt == FORMAT_HTML ? "<p>%s%s%s</p>\n" : fmt ==
	    FORMAT_MARKDOWN ? "%s%s%s\n" : "  %s%s%s\n", w,
	    sc->lost || sc->assumed ? " — " : "", sc->lost ? _("cannot be "
	    "won back this year — an explanation is needed") : sc->assumed ?
	    _("assumed: the appraised figures are unknown") : "");
	free(w);
}

static void
crit_heading(struct buf *b, const struct crit *c, enum format fmt)
{
	const struct task *t = c->t[0];
	char pts[32];

	if (fmt == FORMAT_MARKDOWN) {
		buf_adds(b, "\n## ");
		out_md_cell(b, t->code);
		buf_adds(b, " ");
		out_md_cell(b, t->crit_title);
		buf_adds(b, "\n\n");
	} else if (fmt == FORMAT_HTML) {
		buf_adds(b, "<h2>");
		out_html(b, t->code);
		buf_adds(b, " ");
		out_html(b, t->crit_title);
		buf_adds(b, "</h2>\n");
	} else {
		buf_adds(b, "\n");
		out_safe(b, t->code, false);
		buf_adds(b, "  ");
		out_safe(b, t->crit_title, false);
		buf_adds(b, "\n");
	}
	crit_points(t, pts, sizeof pts);
	if (fmt == FORMAT_HTML)
		buf_addf(b, "<p>%s: %s</p>\n", _("Points deducted"), pts);
	else
		buf_addf(b, "%s%s: %s\n", fmt == FORMAT_MARKDOWN ? "" : "  ",
		    _("Points deducted"), pts);
	crit_numbers(b, c->sc, fmt);
	if (t->comment == NULL)
		return;
	if (fmt == FORMAT_HTML) {
		buf_addf(b, "<p>%s: ", _("Council's comment"));
		out_html(b, t->comment);
		buf_adds(b, "</p>\n");
	} else if (fmt == FORMAT_MARKDOWN) {
		buf_addf(b, "\n%s: ", _("Council's comment"));
		out_md_cell(b, t->comment);
		buf_adds(b, "\n");
	} else {
		buf_addf(b, "  %s: ", _("Council's comment"));
		out_safe(b, t->comment, false);
		buf_adds(b, "\n");
	}
}

static void
task_name(struct buf *b, const struct task *t, enum format fmt)
{
	char *s = xasprintf("#%ld %s: %s", t->id, t->role, t->title);

	if (fmt == FORMAT_HTML)
		out_html(b, s);
	else if (fmt == FORMAT_MARKDOWN)
		out_md_cell(b, s);
	else
		out_safe(b, s, false);
	free(s);
}

static void
crit_tasks(struct buf *b, const struct crit *c, const struct docs *dx,
    enum format fmt)
{
	const struct evidence *const *dv, *d;
	struct buf w = { 0 };
	size_t i, k, nd;

	if (fmt == FORMAT_MARKDOWN)
		buf_addf(b, "\n| %s | %s | %s |\n|---|---|---|\n", _("Task"),
		    _("Status"), _("Documents"));
	else if (fmt == FORMAT_HTML)
		buf_addf(b, "<table><tr><th>%s</th><th>%s</th><th>%s</th>"
		    "</tr>\n", _("Task"), _("Status"), _("Documents"));
	for (i = 0; i < c->n; i++) {
		nd = docs_of(dx, c->t[i]->id, &dv);
		if (fmt == FORMAT_MARKDOWN || fmt == FORMAT_HTML)
			buf_adds(b, fmt == FORMAT_HTML ? "<tr><td>" : "| ");
		else
			buf_adds(b, "  ");
		task_name(b, c->t[i], fmt);
		buf_addf(b, fmt == FORMAT_HTML ? "</td><td>%s</td><td>" :
		    fmt == FORMAT_MARKDOWN ? " | %s | " : " [%s]\n",
		    status_label(c->t[i]->status));
		if (nd == 0)
			buf_addf(b, fmt == FORMAT_TEXT ? "      %s\n" : "%s",
			    _("(no document)"));
		for (k = 0; k < nd; k++) {
			d = dv[k];
			w.len = 0;
			evidence_doc_words(&w, d);
			if (fmt == FORMAT_HTML) {
				buf_adds(b, k ? "<br>" : "");
				out_html(b, w.data);
				if (out_link_ok(d->file)) {
					buf_adds(b, " <a href=\"");
					out_html(b, d->file);
					buf_adds(b, "\">");
					out_html(b, _("open"));
					buf_adds(b, "</a>");
				}
			} else if (fmt == FORMAT_MARKDOWN) {
				buf_adds(b, k ? "<br>" : "");
				out_md_cell(b, w.data);
			} else
				buf_addf(b, "      %s\n", w.data);
		}
		if (fmt == FORMAT_HTML)
			buf_adds(b, "</td></tr>\n");
		else if (fmt == FORMAT_MARKDOWN)
			buf_adds(b, " |\n");
	}
	if (fmt == FORMAT_HTML)
		buf_adds(b, "</table>\n");
	buf_free(&w);
	if (!c->flagged)
		return;
	if (fmt == FORMAT_HTML)
		buf_addf(b, "<p class=\"flag\">%s</p>\n", _("! Done, but no "
		    "document proves it"));
	else
		buf_addf(b, "%s%s\n", fmt == FORMAT_MARKDOWN ? "\n**" : "  ",
		    _("! Done, but no document proves it"));
	if (fmt == FORMAT_MARKDOWN) {
		b->len--;
		buf_adds(b, "**\n");
	}
}

/* The csv's proof columns: open items ("; "), the counted target, the
 * giải trình. */
static void
csv_proof(const struct crit *c, char *cell[3])
{
	struct buf b = { 0 };
	size_t k;

	buf_adds(&b, "");
	for (k = 0; c->f != NULL && k < c->p.nitems; k++)
		if (c->p.fill[k] < 0)
			buf_addf(&b, "%s%s", b.len ? "; " : "",
			    c->f->list.items[k].text);
	cell[0] = buf_take(&b);
	cell[1] = c->f != NULL && c->p.target > 0 ?
	    xasprintf("%ld/%ld %s", c->p.count, c->p.target,
	    c->f->list.unit != NULL ? c->f->list.unit : "") : xstrdup("");
	cell[2] = xstrdup(c->f != NULL && c->f->explain != NULL ?
	    c->f->explain : "");
}

static void
csv_row(struct doc *d, const struct crit *c, const struct task *t,
    const char *doc, char *const proof[3])
{
	char pts[32], id[24], num[3][32];
	const char *cell[16];
	int k;

	crit_points(t, pts, sizeof pts);
	snprintf(id, sizeof id, "%ld", t->id);
	cell[0] = t->code;
	cell[1] = t->crit_title;
	cell[2] = pts;
	cell[3] = t->comment;
	cell[4] = id;
	cell[5] = t->role;
	cell[6] = t->title;
	cell[7] = status_label(t->status);
	cell[8] = doc;
	cell[9] = c->flagged ? _("yes") : "";
	cell[10] = proof[0];
	cell[11] = proof[1];
	cell[12] = proof[2];
	for (k = 0; k < 3; k++) {
		num[k][0] = '\0';
		if (c->sc != NULL)
			scoreview_fmt(k == 0 ? c->sc->appraised : k == 1 ?
			    c->sc->now : c->sc->reachable, num[k]);
		cell[13 + k] = num[k];
	}
	doc_row(d, cell);
}

/* One row a document, or one for a task without any. */
static void
csv_rows(struct doc *d, const struct crit *c, const struct docs *dx)
{
	const struct evidence *const *dv;
	struct buf w = { 0 };
	char *proof[3];
	size_t i, k, nd;

	csv_proof(c, proof);
	for (i = 0; i < c->n; i++) {
		nd = docs_of(dx, c->t[i]->id, &dv);
		for (k = 0; k < nd; k++) {
			w.len = 0;
			evidence_doc_words(&w, dv[k]);
			csv_row(d, c, c->t[i], w.data, proof);
		}
		if (nd == 0)
			csv_row(d, c, c->t[i], "", proof);
	}
	for (k = 0; k < 3; k++)
		free(proof[k]);
	buf_free(&w);
}

static void
report_head(struct buf *b, struct store *s, const struct plan *p,
    enum format fmt)
{
	char day[16], *h = report_plan_heading(s, p);
	const char *title = _("Evidence report");

	i18n_date(today(), day, sizeof day);
	if (fmt == FORMAT_HTML) {
		html_begin(b, title);
		buf_addf(b, "<h1>%s</h1>\n<p class=\"meta\">", title);
		out_html(b, h);
		buf_addf(b, "<br>%s %s</p>\n", _("Computed for"), day);
	} else {
		buf_addf(b, "%s%s: ", fmt == FORMAT_MARKDOWN ? "# " : "", title);
		if (fmt == FORMAT_MARKDOWN)
			out_md_cell(b, h);
		else
			out_safe(b, h, false);
		buf_addf(b, "\n\n%s %s\n", _("Computed for"), day);
	}
	free(h);
}

/* Each criterion of byc[0..m) (sorted by code): its heading, tasks and
 * proof (csv: its rows); how many. */
static size_t
report_crits(struct buf *b, struct doc *d, const struct task **byc,
    size_t m, const struct docs *dx, const struct scoreview *sv,
    const struct evidence **byid, size_t nv, enum format fmt)
{
	struct crit cr;
	size_t i, j, k, ncrit = 0;

	for (i = 0; i < m; i = j) {
		cr.t = &byc[i];
		cr.flagged = false;
		for (j = i; j < m && strcmp(byc[j]->code, byc[i]->code) == 0;
		    j++)
			;
		cr.n = j - i;
		cr.f = crit_facts_find(sv->facts, sv->n, cr.t[0]->code);
		cr.sc = scoreview_get(sv, cr.t[0]->code);
		memset(&cr.p, 0, sizeof cr.p);
		if (cr.f != NULL)
			proofview_compute(cr.f, &cr.p);
		for (k = 0; k < cr.n; k++)
			if (cr.t[k]->status == STATUS_DONE &&
			    (cr.f == NULL ? cr.t[k]->nevidence == 0 :
			    !cr.p.proved))
				cr.flagged = true;
		ncrit++;
		if (fmt == FORMAT_CSV)
			csv_rows(d, &cr, dx);
		else {
			crit_heading(b, &cr, fmt);
			crit_tasks(b, &cr, dx, fmt);
			if (cr.f != NULL)
				proofview_section(b, cr.f, &cr.p,
				    (const struct evidence *const *)byid, nv,
				    fmt);
		}
		proof_clear(&cr.p);
	}
	return ncrit;
}

int
evidence_report(struct store *s, const struct config *c,
    const struct plan *p, enum format fmt, FILE *out, char **err)
{
	struct task *t;
	struct evidence *v;
	const struct task **byc;
	struct docs dx;
	struct scoreview sv;
	const struct evidence **byid;
	struct buf b = { 0 };
	size_t n, nv, m, k, ncrit;
	static const char *const csv_head[] = {
		N_("Code"), N_("Criterion"), N_("Points deducted"),
		N_("Council's comment"), N_("No."), N_("Role"), N_("Task"),
		N_("Status"), N_("Document"), N_("Flag"), N_("Open items"),
		N_("Counted target"), N_("Explanation"), N_("Appraised"),
		N_("Now"), N_("Reachable"),
	};
#define CSV_COLUMNS (sizeof csv_head / sizeof csv_head[0])
	struct doc_col col[CSV_COLUMNS];
	struct doc d;

	(void)c;
	if (fmt != FORMAT_TEXT && fmt != FORMAT_MARKDOWN &&
	    fmt != FORMAT_HTML && fmt != FORMAT_CSV)
		return fail(err, "%s", _("report: format must be text, "
		    "markdown, html or csv"));
	if (store_tasks(s, p->id, NULL, &t, &n, err) != 0)
		return -1;
	if (store_evidence_list(s, p->id, 0, &v, &nv, err) != 0) {
		tasks_free(t, n);
		return -1;
	}
	if (scoreview_load(s, p, &sv, err) != 0) {
		evidence_free(v, nv);
		tasks_free(t, n);
		return -1;
	}
	byc = by_criterion(t, n, &m);
	docs_index(&dx, v, nv);
	byid = xcalloc(nv + 1, sizeof *byid);
	for (k = 0; k < nv; k++)
		byid[k] = &v[k];
	xqsort(byid, nv, sizeof *byid, proofview_id_cmp);
	if (fmt == FORMAT_CSV) {
		memset(col, 0, sizeof col);
		for (k = 0; k < CSV_COLUMNS; k++)
			col[k].head = _(csv_head[k]);
		doc_begin(&d, FORMAT_CSV, out, NULL);
		doc_table_begin(&d, col, CSV_COLUMNS);
	} else
		report_head(&b, s, p, fmt);
	ncrit = report_crits(&b, &d, byc, m, &dx, &sv, byid, nv, fmt);
	if (ncrit == 0 && fmt != FORMAT_CSV)
		buf_addf(&b, fmt == FORMAT_HTML ? "<p class=\"none\">%s</p>\n" :
		    "\n%s\n", _("(none)"));
	if (fmt == FORMAT_CSV) {
		doc_table_end(&d);
		doc_end(&d);
	}
	if (fmt == FORMAT_HTML)
		html_end(&b);
	if (b.data != NULL)
		fputs(b.data, out);
	buf_free(&b);
	free(byc);
	free(byid);
	free(dx.v);
	scoreview_free(&sv);
	evidence_free(v, nv);
	tasks_free(t, n);
	return 0;
}
