/* SPDX-License-Identifier: ISC */
/* minutes_write.c: the minutes' model (minutes_parts.h) written in text,
 * markdown, html or csv; every data field goes through output.h. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "i18n.h"
#include "minutes_parts.h"
#include "output.h"
#include "text.h"
#include "util.h"

static const char *const section_title[SEC_COUNT] = {
	N_("Done since the last meeting"), N_("In progress"),
	N_("Blocked"), N_("Overdue"), N_("Due soon"),
};

static const char *const bucket_title[B_COUNT] = {
	N_("Done on time"), N_("Done late"), N_("Not done, within deadline"),
	N_("Not done, overdue"),
};

/* The run of items of role r and section k, from *pos on. */
static size_t
model_run(const struct model *m, size_t r, int k, size_t *pos)
{
	size_t start = *pos;

	while (*pos < m->n && m->items[*pos].rank == r &&
	    (int)m->items[*pos].sec == k)
		(*pos)++;
	return *pos - start;
}

/* --- writing ---------------------------------------------------------------- */

static const char *
role_name(const struct config *c, const char *id)
{
	const struct role *r = config_role(c, id);

	return r != NULL && r->name != NULL ? r->name : id;
}

/* The header fields, label and value. */
#define HEAD_FIELDS 5
#define HEAD_CHAIR 3	/* said by the record's form, when one */
static void
head_fields(const struct model *m, const char **label, const char **value)
{
	label[0] = _("Plan");
	value[0] = m->heading;
	label[1] = _("Commune");
	value[1] = m->commune != NULL ? m->commune : "-";
	label[2] = _("As of");
	value[2] = m->day;
	label[3] = _("Chair");
	value[3] = m->chair;
	label[4] = _("Changes since");
	value[4] = m->since;
}

static void
score_text(const struct model *m, char a[32], char now[32], char pr[32],
    char bk[32])
{
	char dec = i18n_decimal();

	text_format_score(m->sc.appraised, dec, a, 32);
	text_format_score(m->sc.now, dec, now, 32);
	text_format_score(m->sc.reachable, dec, pr, 32);
	text_format_score(m->backed, dec, bk, 32);
}

/* Done / total of a role, for its bar. */
static void
role_counts(const struct sources *x, const char *role, size_t *done,
    size_t *total)
{
	size_t i;

	*done = *total = 0;
	for (i = 0; i < x->nt; i++)
		if (strcmp(x->t[i].role, role) == 0) {
			(*total)++;
			*done += x->t[i].status == STATUS_DONE;
		}
}

/* The tracker's buckets: a table in markdown, fields elsewhere. */
static void
write_buckets(struct doc *d, const struct model *m)
{
	struct doc_col col[2] = {
		{ _("Bucket"), DOC_LEFT, 0, 0 }, { _("Tasks"), DOC_FIGURE, 0, 0 },
	};
	const char *cell[2];
	char num[96];
	size_t k;

	if (d->fmt == FORMAT_MARKDOWN)
		doc_table_begin(d, col, 2);
	else
		doc_fields_begin(d, 1, true);
	for (k = 0; k < B_COUNT; k++) {
		/* Which of them the lists below show. */
		if (k == B_OPEN_ON_TIME && m->doing + m->blocked > 0)
			snprintf(num, sizeof num, _("%zu (%zu in progress, "
			    "%zu blocked)"), m->bucket[k], m->doing,
			    m->blocked);
		else
			snprintf(num, sizeof num, "%zu", m->bucket[k]);
		cell[0] = _(bucket_title[k]);
		cell[1] = num;
		if (d->fmt == FORMAT_MARKDOWN)
			doc_row(d, cell);
		else
			doc_field(d, cell[0], num);
	}
	if (d->fmt == FORMAT_MARKDOWN)
		doc_table_end(d);
	else
		doc_fields_end(d);
}

/* The score: the gauge and fields (the page's table has always been
 * written without line breaks at its ends, so html keeps its own). */
static void
write_score(struct doc *d, const struct model *m)
{
	char a[32], now[32], pr[32], bk[32], *backed, *nowb, *lost = NULL;
	const char *label[5], *value[5];
	size_t n = 0, i;

	score_text(m, a, now, pr, bk);
	doc_heading(d, 2, _("Score"));
	doc_gauge(d, m->sc.now, 0, 100000, now);
	backed = xasprintf(_("%s backed by evidence"), bk);
	nowb = xasprintf("%s (%s)", now, backed);
	if (m->lost != NULL && *m->lost != '\0')
		lost = xasprintf(_("%s — an explanation is needed"), m->lost);
	label[n] = _("Appraised");
	value[n++] = a;
	label[n] = _("Now");
	value[n++] = nowb;
	label[n] = _("Reachable this year (appraised criteria)");
	value[n++] = pr;
	if (lost != NULL) {
		label[n] = _("Cannot be won back this year");
		value[n++] = lost;
	}
	if (m->gain != NULL) {
		label[n] = _("Still to win, the most first");
		value[n++] = m->gain;
	}
	if (d->fmt == FORMAT_HTML) {
		buf_adds(&d->b, "<table>");
		for (i = 0; i < n; i++) {
			buf_addf(&d->b, "%s<tr><th>%s</th><td%s>", i > 0 ?
			    "\n" : "", label[i], i < 3 ? " class=\"n\"" : "");
			out_html(&d->b, value[i]);
			buf_adds(&d->b, "</td></tr>");
		}
		buf_adds(&d->b, "</table>\n");
	} else {
		doc_fields_begin(d, 1, true);
		for (i = 0; i < n; i++)
			doc_field(d, label[i], value[i]);
		doc_fields_end(d);
	}
	free(lost);
	free(nowb);
	free(backed);
}

/* The minutes in text, markdown or html, through doc.h. */
void
minutes_write_doc(struct doc *d, const struct model *m,
    const struct sources *x)
{
	const char *label[HEAD_FIELDS], *value[HEAD_FIELDS];
	size_t r, k, i, first, done, total, pos = 0;
	bool left = false;

	head_fields(m, label, value);
	if (m->form != NULL)
		minutes_form_head(d, m->form);
	else
		doc_heading(d, 1, _("Minutes of the weekly administrative "
		    "reform meeting"));
	doc_fields_begin(d, 0, false);
	for (k = 0; k < HEAD_FIELDS; k++)
		if (m->form == NULL || k != HEAD_CHAIR)
			doc_field(d, label[k], value[k]);
	doc_fields_end(d);
	write_score(d, m);
	doc_heading(d, 2, _("Tasks by tracker bucket"));
	write_buckets(d, m);
	if (d->fmt == FORMAT_HTML) {
		doc_heading(d, 2, _("Progress by role"));
		for (r = 0; r < m->nroles; r++) {
			role_counts(x, m->roles[r], &done, &total);
			doc_bar(d, m->roles[r], done, total);
		}
	}
	/* No heading over nothing; the end says so once. */
	for (r = 0; r < m->nroles; r++) {
		if (pos == m->n || m->items[pos].rank != r) {
			left = true;
			continue;
		}
		doc_heading_begin(d, 2);
		doc_text(d, m->roles[r]);
		doc_plain(d, " — ");
		doc_text(d, role_name(m->c, m->roles[r]));
		doc_heading_end(d);
		for (k = 0; k < SEC_COUNT; k++) {
			first = pos;
			if (model_run(m, r, (int)k, &pos) == 0) {
				left = true;
				continue;
			}
			doc_heading(d, 3, _(section_title[k]));
			doc_list_begin(d, 2, false);
			for (i = first; i < pos; i++) {
				doc_item_begin(d);
				doc_text(d, m->items[i].name);
				doc_plain(d, ": ");
				doc_text(d, m->items[i].detail);
				doc_item_end(d);
			}
			doc_list_end(d);
		}
	}
	if (left) {
		if (d->fmt != FORMAT_HTML)
			buf_addc(&d->b, '\n');
		doc_meta(d, _("Nothing else to report: a role or a section "
		    "without tasks is left out."));
	}
	if (m->form != NULL)
		minutes_form_foot(d, m->form);
}

/* One row of the spreadsheet: section, role, task, detail. */
static void
csv_row(struct doc *d, const char *a, const char *b, const char *c,
    const char *e)
{
	const char *cell[4];

	cell[0] = a;
	cell[1] = b;
	cell[2] = c;
	cell[3] = e;
	doc_row(d, cell);
}

void
minutes_write_csv(struct doc *d, const struct model *m)
{
	const char *label[HEAD_FIELDS], *value[HEAD_FIELDS];
	char a[32], now[32], pr[32], bk[32], num[24];
	struct doc_col col[4] = {
		{ _("Section"), DOC_LEFT, 0, 0 }, { _("Role"), DOC_LEFT, 0, 0 },
		{ _("Task"), DOC_LEFT, 0, 0 }, { _("Detail"), DOC_LEFT, 0, 0 },
	};
	size_t k, i;

	head_fields(m, label, value);
	score_text(m, a, now, pr, bk);
	doc_table_begin(d, col, 4);
	for (k = 0; k < HEAD_FIELDS; k++)
		csv_row(d, label[k], "", "", value[k]);
	csv_row(d, _("Appraised"), "", "", a);
	csv_row(d, _("Now"), "", "", now);
	csv_row(d, _("Evidence-backed"), "", "", bk);
	csv_row(d, _("Reachable this year (appraised criteria)"), "", "", pr);
	csv_row(d, _("Cannot be won back this year"), "", "", m->lost);
	csv_row(d, _("Still to win, the most first"), "", "",
	    m->gain != NULL ? m->gain : "");
	for (k = 0; k < B_COUNT; k++) {
		snprintf(num, sizeof num, "%zu", m->bucket[k]);
		csv_row(d, _(bucket_title[k]), "", "", num);
	}
	for (i = 0; i < m->n; i++)
		csv_row(d, _(section_title[m->items[i].sec]),
		    m->items[i].role, m->items[i].name, m->items[i].detail);
	doc_table_end(d);
}
