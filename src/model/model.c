/* SPDX-License-Identifier: ISC */
/* model.c: the plain values of model.h — history kinds by name, and
 * freeing what the store read. */
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "util.h"

static const char *const kind_names[HK_COUNT] = {
	"created", "status", "due", "note", "evidence", "title", "undo",
	"role", "merge", "tick", "checklist", "rule", "figures", "person",
};

const char *
history_kind_name(enum history_kind k)
{
	return (unsigned)k < HK_COUNT ? kind_names[k] : "?";
}

bool
history_kind_parse(const char *name, enum history_kind *out)
{
	int i;

	for (i = 0; name != NULL && i < HK_COUNT; i++)
		if (strcmp(name, kind_names[i]) == 0) {
			*out = (enum history_kind)i;
			return true;
		}
	return false;
}

void
plan_clear(struct plan *p)
{
	free(p->name);
	free(p->source);
	free(p->imported_at);
	free(p->since);
	memset(p, 0, sizeof *p);
}

void
model_free_each(void *v, size_t n, size_t size, model_clear_fn *clear)
{
	size_t i;

	for (i = 0; i < n; i++)
		clear((char *)v + i * size);
	free(v);
}

void
history_clear(void *elem)
{
	struct history *h = elem;

	free(h->at);
	free(h->user);
	free(h->old);
	free(h->new);
	free(h->clock);
}

void
history_free(struct history *h, size_t n)
{
	model_free_each(h, n, sizeof *h, history_clear);
}

void
change_clear(void *elem)
{
	struct change *c = elem;

	history_clear(&c->h);
	free(c->code);
	free(c->role);
	free(c->title);
}

void
changes_free(struct change *c, size_t n)
{
	model_free_each(c, n, sizeof *c, change_clear);
}

void
evidence_clear(void *elem)
{
	struct evidence *e = elem;

	free(e->number);
	free(e->day);
	free(e->issuer);
	free(e->summary);
	free(e->file);
	free(e->user);
	free(e->at);
	free(e->code);
	free(e->role);
	free(e->title);
}

void
evidence_free(struct evidence *v, size_t n)
{
	model_free_each(v, n, sizeof *v, evidence_clear);
}

void
meeting_clear(struct meeting *m)
{
	int i;

	free(m->at);
	free(m->chair);
	free(m->user);
	for (i = 0; i < MF_COUNT; i++)
		free(m->f[i]);
	memset(m, 0, sizeof *m);
}

void
tick_clear(void *elem)
{
	struct tick *k = elem;

	free(k->day);
	free(k->note);
	free(k->user);
}

void
ticks_free(struct tick *v, size_t n)
{
	model_free_each(v, n, sizeof *v, tick_clear);
}

size_t
ticks_of_task(const struct tick *k, size_t nk, long id, size_t *first)
{
	size_t lo = 0, hi = nk, mid, c = 0;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (k[mid].task_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	while (lo + c < nk && k[lo + c].task_id == id)
		c++;
	return c;
}
