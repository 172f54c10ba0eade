/* SPDX-License-Identifier: ISC */
/* proof.c: a criterion's proof from its checklist, documents and
 * occurrences (proof.h). */
#include <stdlib.h>
#include <string.h>

#include "proof.h"
#include "util.h"

static bool
takes(const struct checklist_item *it, enum doc_kind k)
{
	return it->kinds == CHECKLIST_ANY ||
	    (k != DOC_NONE && (it->kinds & CHECKLIST_KIND(k)) != 0);
}

/* Whether document i was counted already under the same id. */
static bool
seen(const struct proof_doc *docs, const bool *used, size_t i)
{
	size_t j;

	for (j = 0; j < i; j++)
		if (used[j] && docs[j].id == docs[i].id)
			return true;
	return used[i];
}

static void
fill_items(const struct checklist *c, const struct proof_doc *docs,
    size_t ndocs, struct proof *out)
{
	bool *used = xcalloc(ndocs + 1, sizeof *used);
	size_t i, k;

	/* An explicit item on the link wins. */
	for (i = 0; i < ndocs; i++) {
		k = (size_t)docs[i].item;
		if (docs[i].item > 0 && k <= c->nitems &&
		    out->fill[k - 1] < 0 && !seen(docs, used, i)) {
			out->fill[k - 1] = (long)i;
			used[i] = true;
		}
	}
	for (i = 0; i < ndocs; i++) {
		if (seen(docs, used, i))
			continue;
		for (k = 0; k < c->nitems; k++)
			if (out->fill[k] < 0 &&
			    takes(&c->items[k], docs[i].kind)) {
				out->fill[k] = (long)i;
				used[i] = true;
				break;
			}
	}
	free(used);
}

void
proof_compute(const struct checklist *c, const struct proof_doc *docs,
    size_t ndocs, const char *const *days, size_t ndays, struct proof *out)
{
	size_t k;

	memset(out, 0, sizeof *out);
	out->nitems = c->nitems;
	out->fill = xcalloc(c->nitems + 1, sizeof *out->fill);
	for (k = 0; k < c->nitems; k++)
		out->fill[k] = -1;
	fill_items(c, docs, ndocs, out);
	for (k = 0; k < c->nitems; k++)
		if (out->fill[k] < 0)
			out->nopen++;
	out->target = c->count > 0 ? c->count : 0;
	for (k = 0; k < ndays; k++)
		if (c->from[0] == '\0' || (strcmp(days[k], c->from) >= 0 &&
		    (c->to[0] == '\0' || strcmp(days[k], c->to) <= 0)))
			out->count++;
	out->proved = out->nopen == 0 && out->count >= out->target;
}

void
proof_clear(struct proof *p)
{
	free(p->fill);
	memset(p, 0, sizeof *p);
}
