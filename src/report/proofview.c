/* SPDX-License-Identifier: ISC */
/* proofview.c: a criterion's proof in words (proofview.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "evidence.h"
#include "i18n.h"
#include "output.h"
#include "proofview.h"
#include "util.h"

void
proofview_compute(const struct crit_facts *f, struct proof *out)
{
	proof_compute(&f->list, f->docs, f->ndocs,
	    (const char *const *)f->days, f->ndays, out);
}

bool
proofview_proved(const struct crit_facts *v, size_t n, const char *code)
{
	const struct crit_facts *f = crit_facts_find(v, n, code);
	struct proof p;
	bool proved;

	if (f == NULL)
		return false;
	proofview_compute(f, &p);
	proved = p.proved;
	proof_clear(&p);
	return proved;
}

/* "A, B, C": the open items of c. */
static void
open_items(struct buf *b, const struct checklist *c, const struct proof *p)
{
	size_t k, n = 0;

	for (k = 0; k < p->nitems && k < c->nitems; k++)
		if (p->fill[k] < 0)
			buf_addf(b, "%s%s", n++ ? ", " : "", c->items[k].text);
}

char *
proofview_missing(const struct core_missing *m)
{
	struct buf b = { 0 }, items = { 0 };
	const char *unit;

	buf_adds(&b, "");
	if (m->code != NULL) {
		open_items(&items, &m->list, &m->proof);
		unit = m->list.unit != NULL ? m->list.unit : "";
		if (items.len > 0 && m->proof.count < m->proof.target)
			buf_addf(&b, _("%s: missing %s; %ld/%ld %s held"),
			    m->code, items.data, m->proof.count,
			    m->proof.target, unit);
		else if (items.len > 0)
			buf_addf(&b, _("%s: missing %s"), m->code,
			    items.data);
		else
			buf_addf(&b, _("%s: %ld/%ld %s held"), m->code,
			    m->proof.count, m->proof.target, unit);
		buf_free(&items);
	}
	if (m->own.count > 0)
		buf_addf(&b, _("%sthis task: %ld/%d %s"), b.len > 0 ? "; " : "",
		    m->own_done, m->own.count, m->own.unit);
	return b.data;
}

void
proofview_short(const struct checklist *c, const struct proof *p,
    bool brief, char *buf, size_t n)
{
	char items[48] = "", count[64] = "";

	if (p->nitems > 0)
		snprintf(items, sizeof items, _("Docs %zu/%zu"),
		    p->nitems - p->nopen, p->nitems);
	if (p->target > 0 && !(brief && items[0] != '\0'))
		snprintf(count, sizeof count, "%ld/%ld %s", p->count,
		    p->target, c->unit != NULL ? c->unit : "");
	snprintf(buf, n, "%s%s%s", items, items[0] && count[0] ? " · " : "",
	    count);
	/* The unit's trailing space when it has none. */
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == ' ')
		buf[--n] = '\0';
}

int
proofview_id_cmp(const void *a, const void *b)
{
	long x = (*(const struct evidence *const *)a)->id;
	long y = (*(const struct evidence *const *)b)->id;

	return x < y ? -1 : x > y;
}

static const struct evidence *
by_id(const struct evidence *const *v, size_t n, long id)
{
	struct evidence key = { .id = id };
	const struct evidence *k = &key, *const *hit;

	hit = n > 0 ? bsearch(&k, v, n, sizeof *v, proofview_id_cmp) : NULL;
	return hit != NULL ? *hit : NULL;
}

/* An item of the section: the program's label, then data s. */
static void
item(struct doc *d, const char *label, const char *s)
{
	doc_item_begin(d);
	doc_plain(d, label);
	doc_text(d, s);
	doc_item_end(d);
}

/* Item k: "1. Kế hoạch tổ chức diễn đàn: 05/KH-UBND, …" or ": open". */
static void
item_line(struct doc *d, const struct crit_facts *f, const struct proof *p,
    size_t k, const struct evidence *const *byid, size_t n)
{
	const struct evidence *e = p->fill[k] >= 0 ?
	    by_id(byid, n, f->docs[p->fill[k]].id) : NULL;
	struct buf w = { 0 };
	char num[32];

	snprintf(num, sizeof num, "%zu. ", k + 1);
	buf_addf(&w, "%s: ", f->list.items[k].text);
	if (e != NULL)
		evidence_doc_words(&w, e);
	else
		buf_adds(&w, _("not yet provided"));
	item(d, num, w.data);
	buf_free(&w);
}

void
proofview_section(struct buf *b, const struct crit_facts *f,
    const struct proof *p, const struct evidence *const *byid, size_t n,
    enum format fmt)
{
	struct doc d;
	char *s, from[16], to[16];
	size_t k;

	doc_part_begin(&d, fmt);
	doc_list_begin(&d, 1, false);
	item(&d, p->nopen > 0 ? _("Required documents (some open):") :
	    _("Required documents (all there):"), "");
	for (k = 0; k < p->nitems; k++)
		item_line(&d, f, p, k, byid, n);
	if (p->target > 0) {
		s = f->list.from[0] != '\0' ?
		    xasprintf(_("%ld/%ld %s (%s to %s)"), p->count, p->target,
		    f->list.unit != NULL ? f->list.unit : "",
		    i18n_date(f->list.from, from, sizeof from),
		    i18n_date(f->list.to, to, sizeof to)) :
		    xasprintf("%ld/%ld %s", p->count, p->target,
		    f->list.unit != NULL ? f->list.unit : "");
		item(&d, _("Counted target: "), s);
		free(s);
	}
	if (f->explain != NULL)
		item(&d, _("Explanation: "), f->explain);
	doc_list_end(&d);
	doc_part_end(&d, b);
}
