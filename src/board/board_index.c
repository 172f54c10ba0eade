/* SPDX-License-Identifier: ISC */
/* board_index.c: the snapshot's indexes — the card order, the tasks by
 * id and by criterion code.
 *
 * The card order is task_order_cmp's (task.h), sorted on keys copied out
 * of the tasks (order_key_cmp) so a large plan sorts in one small array;
 * board_index_order() gives it to the unit test that checks it against
 * task_order_cmp and the store's SQL order on a shuffled plan.  A change
 * patches a task's place in the indexes (board_index_take, then
 * board_index_put) instead of sorting again. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "boardui.h"
#include "text.h"
#include "util.h"

/* The position in b->data.byid of the first task whose id is not below id. */
size_t
board_index_find(const struct board *b, long id)
{
	size_t lo = 0, hi = b->data.ntasks, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (b->data.tasks[b->data.byid[mid]].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct task *
board_task_by_id(struct board *b, long id)
{
	size_t i = board_index_find(b, id);

	if (i < b->data.ntasks && b->data.tasks[b->data.byid[i]].id == id)
		return &b->data.tasks[b->data.byid[i]];
	return NULL;
}

/* task_order_cmp for qsort. */
static int
task_cmp(const void *pa, const void *pb)
{
	return task_order_cmp(pa, pb);
}


/* The snapshot's indices, sorted by qsort (no qsort_r in C11): the
 * tasks they index. */
static const struct task *sort_tasks;

static int
id_cmp(const struct task *a, const struct task *b)
{
	return a->id < b->id ? -1 : a->id > b->id;
}

static int
byid_cmp(const void *pa, const void *pb)
{
	return id_cmp(&sort_tasks[*(const size_t *)pa],
	    &sort_tasks[*(const size_t *)pb]);
}

static int
code_cmp(const struct task *a, const struct task *b)
{
	int c = strcmp(a->code, b->code);

	return c != 0 ? c : id_cmp(a, b);
}

/* Where task i goes in the sorted index v of n entries. */
static size_t
index_place(const struct board *b, const size_t *v, size_t n, size_t i,
    int (*cmp)(const struct task *, const struct task *))
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cmp(&b->data.tasks[v[mid]], &b->data.tasks[i]) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void
index_insert(const struct board *b, size_t *v, size_t *n, size_t i,
    int (*cmp)(const struct task *, const struct task *))
{
	size_t at = index_place(b, v, *n, i, cmp);

	memmove(v + at + 1, v + at, (*n - at) * sizeof *v);
	v[at] = i;
	(*n)++;
}

/* Take task i out of v while it still holds the values v is sorted by. */
static void
index_remove(const struct board *b, size_t *v, size_t *n, size_t i,
    int (*cmp)(const struct task *, const struct task *))
{
	size_t at = index_place(b, v, *n, i, cmp);

	if (at < *n && v[at] == i) {
		memmove(v + at, v + at + 1, (*n - at - 1) * sizeof *v);
		(*n)--;
	}
}

/* A task's sort key, next to its index: sorting these, not indices into
 * the tasks, keeps the comparisons in one small array.  The order of
 * cards (order_key_cmp) and the code index (code_key_cmp) each read
 * their own fields. */
struct sort_key {
	int32_t due;		/* YYYYMMDD, INT32_MAX for none, -1: text */
	uint32_t i;		/* the task's index in b->data.tasks */
	score points;		/* LLONG_MIN for none */
	uint64_t code;		/* code_key() */
	uint64_t head;		/* code_head() */
	bool more;		/* the code is longer than eight bytes */
};

/* A criterion code in text_code_cmp order as one number: up to four
 * dot-separated numbers below 65 534 ("1.5.3"), each plus one in 16
 * bits, so a shorter code sorts before the longer ones it begins.
 * UINT64_MAX for none (last); 0 for any other form, which is compared
 * as text. */
#define CODE_NONE UINT64_MAX
#define CODE_TEXT 0
static uint64_t
code_key(const char *c)
{
	uint64_t key = 0, v;
	int parts = 0, digits;

	if (c == NULL)
		return CODE_NONE;
	for (;;) {
		for (v = 0, digits = 0; *c >= '0' && *c <= '9'; c++, digits++)
			v = v * 10 + (uint64_t)(*c - '0');
		if (digits == 0 || digits > 5 || v >= 65534 || parts == 4)
			return CODE_TEXT;
		key |= (v + 1) << (48 - 16 * parts++);
		if (*c == '\0')
			return key;
		if (*c++ != '.')
			return CODE_TEXT;
	}
}

/* task_cmp() on the keys copied out of the tasks, the due date and the
 * code as numbers: the sort reads one small array, not the tasks all
 * over. */
static int
order_key_cmp(const struct sort_key *a, const struct sort_key *b)
{
	const struct task *x, *y;
	int c;

	if (a->due < 0 || b->due < 0)
		return task_cmp(&sort_tasks[a->i], &sort_tasks[b->i]);
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	if (a->points != b->points)	/* none sorts after every value */
		return a->points > b->points ? -1 : 1;
	if (a->code != CODE_TEXT && b->code != CODE_TEXT &&
	    a->code != b->code)
		return a->code < b->code ? -1 : 1;
	x = &sort_tasks[a->i];
	y = &sort_tasks[b->i];
	if (a->code == CODE_TEXT || b->code == CODE_TEXT) {
		if (x->code != NULL && y->code != NULL) {
			if ((c = text_code_cmp(x->code, y->code)) != 0)
				return c;
		} else if (x->code != y->code) {
			return x->code == NULL ? 1 : -1;
		}
	}
	return id_cmp(x, y);
}

/* code_cmp() on the keys: the code's first eight bytes as a number
 * first. */
static int
code_key_cmp(const struct sort_key *a, const struct sort_key *b)
{
	const struct task *x, *y;
	int c;

	if (a->head != b->head)
		return a->head < b->head ? -1 : 1;
	x = &sort_tasks[a->i];
	y = &sort_tasks[b->i];
	/* The same head: a code shorter than eight bytes ends inside it,
	 * and so does the other, the same code; otherwise compare the
	 * rest ("" for a code of exactly eight). */
	if ((a->more || b->more) &&
	    (c = strcmp(x->code + 8, y->code + 8)) != 0)
		return c;
	return id_cmp(x, y);
}

/* The first eight bytes of a code, big-endian: the order of strcmp. */
static uint64_t
code_head(const char *c, bool *more)
{
	uint64_t h = 0;
	int i;

	for (i = 0; i < 8 && c[i] != '\0'; i++)
		h |= (uint64_t)(unsigned char)c[i] << (56 - 8 * i);
	*more = i == 8 && c[8] != '\0';
	return h;
}

/* YYYY-MM-DD as YYYYMMDD (the same order as strcmp), LONG_MAX for none,
 * -1 for anything else (compared as text then). */
static long
due_number(const char *d)
{
	long v = 0;
	int i;

	if (d == NULL)
		return LONG_MAX;
	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (d[i] != '-')
				return -1;
		} else if (d[i] >= '0' && d[i] <= '9') {
			v = v * 10 + (d[i] - '0');
		} else {
			return -1;
		}
	}
	return d[10] == '\0' ? v : -1;
}

/* The keys the index arrays are sorted on (qsort has no argument for
 * them in C11, as for sort_tasks). */
static const struct sort_key *sort_keys;

static int
order_idx_cmp(const void *pa, const void *pb)
{
	return order_key_cmp(&sort_keys[*(const uint32_t *)pa],
	    &sort_keys[*(const uint32_t *)pb]);
}

static int
code_idx_cmp(const void *pa, const void *pb)
{
	return code_key_cmp(&sort_keys[*(const uint32_t *)pa],
	    &sort_keys[*(const uint32_t *)pb]);
}

/* The sort keys of n tasks, in their order. */
static struct sort_key *
keys_make(const struct task *tasks, size_t n)
{
	struct sort_key *k = xcalloc(n + 1, sizeof *k);
	const struct task *t;
	size_t i;
	long due;

	for (i = 0; i < n; i++) {
		t = &tasks[i];
		due = due_number(t->due);
		k[i].due = due == LONG_MAX ? INT32_MAX : (int32_t)due;
		k[i].points = t->has_points ? t->points : LLONG_MIN;
		k[i].code = code_key(t->code);
		k[i].i = (uint32_t)i;
		if (t->code != NULL)
			k[i].head = code_head(t->code, &k[i].more);
	}
	return k;
}

/* The indices of n tasks in card order, sorted on their keys k. */
static void
order_sort(const struct task *tasks, const struct sort_key *k, size_t n,
    size_t *order)
{
	uint32_t *v = xcalloc(n + 1, sizeof *v);
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = (uint32_t)i;
	sort_tasks = tasks;
	sort_keys = k;
	xqsort(v, n, sizeof *v, order_idx_cmp);
	for (i = 0; i < n; i++)
		order[i] = v[i];
	free(v);
}

void
board_index_order(const struct task *tasks, size_t n, size_t *order)
{
	struct sort_key *k = keys_make(tasks, n);

	order_sort(tasks, k, n, order);
	free(k);
}

void
board_index_build(struct board *b)
{
	struct sort_key *k;
	uint32_t *vc;
	bool by_id = true;
	size_t i, nc = 0, n = b->data.ntasks;

	free(b->data.order);
	free(b->data.byid);
	free(b->data.bycode);
	b->data.order = xcalloc(b->data.tasks_cap + 1, sizeof *b->data.order);
	b->data.byid = xcalloc(b->data.tasks_cap + 1, sizeof *b->data.byid);
	b->data.bycode = xcalloc(b->data.tasks_cap + 1,
	    sizeof *b->data.bycode);
	k = keys_make(b->data.tasks, n);
	vc = xcalloc(n + 1, sizeof *vc);
	for (i = 0; i < n; i++) {
		b->data.byid[i] = i;
		if (b->data.tasks[i].code != NULL)
			vc[nc++] = (uint32_t)i;
		if (i > 0 && b->data.tasks[i - 1].id > b->data.tasks[i].id)
			by_id = false;
	}
	order_sort(b->data.tasks, k, n, b->data.order);
	xqsort(vc, nc, sizeof *vc, code_idx_cmp);
	for (i = 0; i < nc; i++)
		b->data.bycode[i] = vc[i];
	b->data.nbycode = nc;
	free(k);
	free(vc);
	if (!by_id)	/* the store reads them in id order */
		xqsort(b->data.byid, n, sizeof *b->data.byid, byid_cmp);
}

static int
order_task_cmp(const struct task *a, const struct task *b)
{
	return task_cmp(a, b);
}

/* index_insert or index_remove. */
typedef void index_op(const struct board *, size_t *, size_t *, size_t,
    int (*)(const struct task *, const struct task *));

/* Task i into or out of the card order and the code index. */
static void
order_and_code(struct board *b, size_t i, size_t *norder, index_op *op)
{
	op(b, b->data.order, norder, i, order_task_cmp);
	if (b->data.tasks[i].code != NULL)
		op(b, b->data.bycode, &b->data.nbycode, i, code_cmp);
}

void
board_index_take(struct board *b, size_t i, size_t *norder)
{
	order_and_code(b, i, norder, index_remove);
}

void
board_index_add(struct board *b, size_t i)
{
	index_insert(b, b->data.byid, &b->data.ntasks, i, id_cmp);
}

void
board_index_put(struct board *b, size_t i, size_t *norder)
{
	order_and_code(b, i, norder, index_insert);
}
