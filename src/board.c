/* SPDX-License-Identifier: ISC */
/* board.c: the board's state and its main loop.
 *
 * The board holds a snapshot of the plan's tasks, sorted once by due date
 * and points, and a column per role whose cards are indices into that
 * snapshot.  Every change goes straight to the store (one transaction,
 * with the field the card showed checked) and the snapshot is read again;
 * while it waits for a key the board sleeps until the terminal or the
 * database file is written (term.c), then looks at PRAGMA data_version,
 * so another board's change shows at once, read after the key at hand has
 * acted on the screen the user saw.  The other files:
 * actions.c carries out the key table's actions, term.c owns the terminal
 * (or the key script), view.c and taskview.c draw, prompt.c reads text. */
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "boardui.h"
#include "date.h"
#include "i18n.h"
#include "keymap.h"
#include "text.h"
#include "util.h"


void
board_message(struct board *b, bool error, const char *fmt, ...)
{
	va_list ap;

	free(b->prompt.msg);
	va_start(ap, fmt);
	b->prompt.msg = xvasprintf(fmt, ap);
	va_end(ap);
	b->prompt.msg_error = error;
}

bool
board_task_soon(const struct board *b, const struct task *t)
{
	return task_due_soon(t, b->c->warn_days);
}

struct task *
board_current(struct board *b)
{
	struct column *col;

	if (b->nav.ncols == 0)
		return NULL;
	col = &b->nav.cols[b->nav.col];
	if (col->ncards == 0)
		return NULL;
	return &b->data.tasks[col->cards[col->cur]];
}

/* The position in b->data.byid of the first task whose id is not below id. */
static size_t
byid_find(const struct board *b, long id)
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
	size_t i = byid_find(b, id);

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

static int
long_cmp(const void *pa, const void *pb)
{
	long a = *(const long *)pa, b = *(const long *)pb;

	return a < b ? -1 : a > b;
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

static void
indexes_build(struct board *b)
{
	struct sort_key *k;
	const struct task *t;
	uint32_t *v, *vc;
	bool by_id = true;
	size_t i, nc = 0;
	long due;

	free(b->data.order);
	free(b->data.byid);
	free(b->data.bycode);
	b->data.order = xcalloc(b->data.tasks_cap + 1, sizeof *b->data.order);
	b->data.byid = xcalloc(b->data.tasks_cap + 1, sizeof *b->data.byid);
	b->data.bycode = xcalloc(b->data.tasks_cap + 1, sizeof *b->data.bycode);
	k = xcalloc(b->data.ntasks + 1, sizeof *k);
	v = xcalloc(b->data.ntasks + 1, sizeof *v);
	vc = xcalloc(b->data.ntasks + 1, sizeof *vc);
	for (i = 0; i < b->data.ntasks; i++) {
		t = &b->data.tasks[i];
		due = due_number(t->due);
		k[i].due = due == LONG_MAX ? INT32_MAX : (int32_t)due;
		k[i].points = t->has_points ? t->points : LLONG_MIN;
		k[i].code = code_key(t->code);
		k[i].i = (uint32_t)i;
		v[i] = (uint32_t)i;
		b->data.byid[i] = i;
		if (t->code != NULL) {
			k[i].head = code_head(t->code, &k[i].more);
			vc[nc++] = (uint32_t)i;
		}
		if (i > 0 && b->data.tasks[i - 1].id > t->id)
			by_id = false;
	}
	sort_tasks = b->data.tasks;
	sort_keys = k;
	xqsort(v, b->data.ntasks, sizeof *v, order_idx_cmp);
	xqsort(vc, nc, sizeof *vc, code_idx_cmp);
	for (i = 0; i < b->data.ntasks; i++)
		b->data.order[i] = v[i];
	for (i = 0; i < nc; i++)
		b->data.bycode[i] = vc[i];
	b->data.nbycode = nc;
	free(k);
	free(v);
	free(vc);
	if (!by_id)	/* the store reads them in id order */
		xqsort(b->data.byid, b->data.ntasks, sizeof *b->data.byid,
		    byid_cmp);
}

/* The points of the tasks of one criterion code, task.h's rule for one
 * criterion: the largest points at stake, recovered when all are done. */
static void
code_points(const struct board *b, const char *code, score *stake,
    score *rec)
{
	size_t lo = 0, hi = b->data.nbycode, mid;
	struct crit_points p = { 0 };

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(b->data.tasks[b->data.bycode[mid]].code, code) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < b->data.nbycode; lo++) {
		if (strcmp(b->data.tasks[b->data.bycode[lo]].code, code) != 0)
			break;
		crit_points_add(&p, &b->data.tasks[b->data.bycode[lo]]);
	}
	*stake = crit_points_stake(&p);
	*rec = crit_points_recovered(&p);
}

static struct column *
column_add(struct board *b, size_t *cap, const char *id, const char *name)
{
	struct column *col;

	b->nav.cols = xgrow(b->nav.cols, cap, b->nav.ncols + 1,
	    sizeof *b->nav.cols);
	col = &b->nav.cols[b->nav.ncols++];
	memset(col, 0, sizeof *col);
	col->id = id;
	col->name = name != NULL ? name : "";
	return col;
}

struct column *
board_column_find(struct board *b, const char *id)
{
	size_t i;

	for (i = 0; i < b->nav.ncols; i++)
		if (strcmp(b->nav.cols[i].id, id) == 0)
			return &b->nav.cols[i];
	return NULL;
}

/* Where the cursor was, so a reload can put it back on the same task. */
struct place {
	char *col_id;
	long task_id;
	size_t col, cur;
	struct {
		char *id;
		long task_id;
		size_t cur, top;
	} *cols;
	size_t ncols;
};

static void
place_save(struct board *b, struct place *p)
{
	struct task *t = board_current(b);
	size_t i;
	struct column *col;

	memset(p, 0, sizeof *p);
	p->col = b->nav.col;
	if (b->nav.ncols > 0) {
		p->col_id = xstrdup(b->nav.cols[b->nav.col].id);
		p->cur = b->nav.cols[b->nav.col].cur;
	}
	p->task_id = t != NULL ? t->id : -1;
	p->cols = xcalloc(b->nav.ncols + 1, sizeof *p->cols);
	for (i = 0; i < b->nav.ncols; i++) {
		col = &b->nav.cols[i];
		p->cols[i].id = xstrdup(col->id);
		p->cols[i].cur = col->cur;
		p->cols[i].top = col->top;
		p->cols[i].task_id = col->ncards > 0 ?
		    b->data.tasks[col->cards[col->cur]].id : -1;
	}
	p->ncols = b->nav.ncols;
}

static void
place_restore(struct board *b, struct place *p)
{
	struct column *col;
	size_t i, j;

	for (i = 0; i < p->ncols; i++) {
		col = board_column_find(b, p->cols[i].id);
		if (col == NULL)
			continue;
		col->top = p->cols[i].top;
		col->cur = p->cols[i].cur;
		for (j = 0; j < col->ncards; j++) {
			if (b->data.tasks[col->cards[j]].id ==
			    p->cols[i].task_id) {
				col->cur = j;
				break;
			}
		}
		if (col->ncards == 0)
			col->cur = col->top = 0;
		else if (col->cur >= col->ncards)
			col->cur = col->ncards - 1;
	}
	b->nav.col = p->col < b->nav.ncols ? p->col :
	    b->nav.ncols ? b->nav.ncols - 1 : 0;
	if (p->col_id != NULL &&
	    (col = board_column_find(b, p->col_id)) != NULL)
		b->nav.col = (size_t)(col - b->nav.cols);
	for (i = 0; i < p->ncols; i++)
		free(p->cols[i].id);
	free(p->cols);
	free(p->col_id);
}

/* Whether the comma-separated role list sup names id. */
static bool
supports(const char *sup, const char *id)
{
	size_t n = strlen(id);
	const char *p;

	for (p = sup; p != NULL && *p != '\0'; p = strchr(p, ',')) {
		if (*p == ',')
			p++;
		while (*p == ' ')
			p++;
		if (strncmp(p, id, n) == 0 && (p[n] == '\0' || p[n] == ',' ||
		    p[n] == ' '))
			return true;
	}
	return false;
}

static void
card_add(struct column *col, size_t i)
{
	col->cards = xgrow(col->cards, &col->cap, col->ncards + 1,
	    sizeof *col->cards);
	col->cards[col->ncards++] = i;
}

#define SUPPORT_BITS 64

static size_t
role_index(struct board *b, const char *id)
{
	struct board_role *r;
	size_t i;

	for (i = 0; i < b->data.nroles; i++)
		if (b->data.roles[i].id[0] == id[0] &&
		    strcmp(b->data.roles[i].id, id) == 0)
			return i;
	b->data.roles = xgrow(b->data.roles, &b->data.roles_cap,
	    b->data.nroles + 1, sizeof *b->data.roles);
	r = &b->data.roles[b->data.nroles];
	memset(r, 0, sizeof *r);
	r->id = r->own = xstrdup(id);
	return b->data.nroles++;
}

/* The roles task i supports, a bit each (by index into b->data.roles):
 * supports() for each role, in one walk of the list. */
static unsigned long long
task_supports(const struct board *b, size_t i)
{
	const struct task *t = &b->data.tasks[i];
	unsigned long long mask = 0;
	const char *p, *id;
	size_t j, n;

	for (p = t->support; p != NULL && *p != '\0'; p = strchr(p, ',')) {
		if (*p == ',')
			p++;
		while (*p == ' ')
			p++;
		for (j = 0; j < b->data.nroles && j < SUPPORT_BITS; j++) {
			id = b->data.roles[j].id;
			if (id[0] != p[0] && id[0] != '\0')
				continue;
			n = strlen(id);
			if (strncmp(p, id, n) == 0 && (p[n] == '\0' ||
			    p[n] == ',' || p[n] == ' '))
				mask |= 1ULL << j;
		}
	}
	return mask;
}

/* Task i's owner and supported roles as indices into b->data.roles. */
static void
task_roles(struct board *b, size_t i)
{
	const struct task *t = &b->data.tasks[i];

	b->data.trole[i] = (unsigned short)role_index(b, t->role != NULL ?
	    t->role : "?");
	b->data.tsup[i] = task_supports(b, i);
}

static void
roles_free(struct board *b)
{
	size_t i;

	for (i = 0; i < b->data.nroles; i++)
		free(b->data.roles[i].own);
	b->data.nroles = 0;
}

/* The role table and every task's roles: the configured roles, then the
 * ones only tasks name, in card order. */
static void
roles_build(struct board *b)
{
	const struct config *c = b->c;
	size_t i, r;

	roles_free(b);
	for (i = 0; i < c->nroles; i++) {
		r = role_index(b, c->roles[i].id);
		b->data.roles[r].name = c->roles[i].name;
		b->data.roles[r].configured = true;
	}
	free(b->data.trole);
	free(b->data.tsup);
	b->data.trole = xcalloc(b->data.tasks_cap + 1, sizeof *b->data.trole);
	b->data.tsup = xcalloc(b->data.tasks_cap + 1, sizeof *b->data.tsup);
	for (i = 0; i < b->data.ntasks; i++)
		b->data.trole[b->data.order[i]] = (unsigned short)role_index(b,
		    b->data.tasks[b->data.order[i]].role != NULL ?
		    b->data.tasks[b->data.order[i]].role : "?");
	for (i = 0; i < b->data.ntasks; i++)
		b->data.tsup[i] = task_supports(b, i);
}

/* A role's tasks while columns are built: its own open and done ones,
 * then the open and done ones it supports, each in card order. */
struct bucket {
	const char *id, *name;
	bool configured;
	size_t *v[4];
	size_t n[4], cap[4];
};

static void
bucket_add(struct bucket *k, int which, size_t i)
{
	k->v[which] = xgrow(k->v[which], &k->cap[which], k->n[which] + 1,
	    sizeof *k->v[which]);
	k->v[which][k->n[which]++] = i;
}

/* A column from its bucket: the cards the search and filter keep, and
 * the counts of its own tasks before filtering. */
static void
column_fill(struct board *b, size_t *cap, struct bucket *k)
{
	struct column *col = column_add(b, cap, k->id, k->name);
	int w;
	size_t j;

	col->total = k->n[0] + k->n[1];
	col->done = k->n[1];
	for (w = 0; w < 4; w++) {
		if (w == 2)
			col->nown = col->ncards;
		for (j = 0; j < k->n[w]; j++)
			if (search_task_visible(b, &b->data.tasks[k->v[w][j]]))
				card_add(col, k->v[w][j]);
	}
}

/* The header's counts: done, late, and the nearest deadline to come. */
static void
board_count(struct board *b)
{
	const struct task *t;
	size_t i;

	b->data.ndone = b->data.nlate = 0;
	b->data.next_due[0] = '\0';
	for (i = 0; i < b->data.ntasks; i++) {
		t = &b->data.tasks[i];
		if (t->status == STATUS_DONE)
			b->data.ndone++;
		else if (task_overdue(t))
			b->data.nlate++;
		else if (t->due != NULL && (b->data.next_due[0] == '\0' ||
		    strcmp(t->due, b->data.next_due) < 0))
			snprintf(b->data.next_due, sizeof b->data.next_due,
			    "%s", t->due);
	}
}

score
board_score_now(const struct board *b)
{
	return b->data.plan.total_appraised + b->data.recovered;
}

/* Columns: the configured roles in order that hold tasks, their own or
 * ones they support (every role with show_empty), then any role the
 * tasks name that the configuration does not know, so nothing is ever
 * hidden.  One walk of the tasks in card order sorts them into buckets,
 * one per role: the work grows with the tasks, not tasks times roles. */
static void
columns_build(struct board *b)
{
	const struct config *c = b->c;
	struct bucket *bk;
	size_t cap = 0, i, j, k, n = b->data.nroles;
	unsigned long long m;
	const struct task *t;

	for (i = 0; i < b->nav.ncols; i++)
		free(b->nav.cols[i].cards);
	free(b->nav.cols);
	b->nav.cols = NULL;
	b->nav.ncols = 0;
	bk = xcalloc(n + 1, sizeof *bk);
	for (i = 0; i < n; i++) {
		bk[i].id = b->data.roles[i].id;
		bk[i].name = b->data.roles[i].name;
		bk[i].configured = b->data.roles[i].configured;
	}
	for (i = 0; i < b->data.ntasks; i++) {
		k = b->data.order[i];
		t = &b->data.tasks[k];
		bucket_add(&bk[b->data.trole[k]], t->status == STATUS_DONE, k);
		for (m = b->data.tsup[k], j = 0; m != 0; m >>= 1, j++)
			if (m & 1)
				bucket_add(&bk[j], 2 + (t->status ==
				    STATUS_DONE), k);
		if (n <= SUPPORT_BITS || t->support == NULL)
			continue;
		for (j = SUPPORT_BITS; j < n; j++)
			if (supports(t->support, bk[j].id))
				bucket_add(&bk[j], 2 + (t->status ==
				    STATUS_DONE), k);
	}
	for (i = 0; i < n; i++) {
		if (!bk[i].configured || c->show_empty || bk[i].n[0] +
		    bk[i].n[1] + bk[i].n[2] + bk[i].n[3] > 0)
			if (bk[i].configured || bk[i].n[0] + bk[i].n[1] > 0)
				column_fill(b, &cap, &bk[i]);
		for (j = 0; j < 4; j++)
			free(bk[i].v[j]);
	}
	free(bk);
	search_columns_prune(b);
}

int
board_load_mine(struct board *b, char **err)
{
	struct filter f = { NULL, -1, false, current_user() };
	struct task *t;
	size_t n, i;

	free(b->filter.mine);
	b->filter.mine = NULL;
	b->filter.nmine = 0;
	if (store_tasks(b->s, b->data.plan.id, &f, &t, &n, err) != 0)
		return -1;
	b->filter.mine = xcalloc(n + 1, sizeof *b->filter.mine);
	for (i = 0; i < n; i++)
		b->filter.mine[i] = t[i].id;
	b->filter.nmine = n;
	xqsort(b->filter.mine, n, sizeof *b->filter.mine, long_cmp);
	tasks_free(t, n);
	return 0;
}

/* tasks_points() from the code index, which groups the tasks of a
 * criterion already (no second sort). */
static void
points_count(struct board *b)
{
	const struct task *t;
	struct crit_points p;
	size_t i, j;

	b->data.recovered = b->data.at_stake = 0;
	for (i = 0; i < b->data.nbycode; i = j) {
		memset(&p, 0, sizeof p);
		for (j = i; j < b->data.nbycode; j++) {
			t = &b->data.tasks[b->data.bycode[j]];
			if (j > i && strcmp(t->code,
			    b->data.tasks[b->data.bycode[i]].code) != 0)
				break;
			crit_points_add(&p, t);
		}
		b->data.at_stake += crit_points_stake(&p);
		b->data.recovered += crit_points_recovered(&p);
	}
}

/* After the tasks changed: the header's counts, the filter's lists, the
 * columns, the cursor back on its task. */
static int
board_settle(struct board *b, struct place *place, char **err)
{
	int rc;

	board_count(b);
	rc = b->filter.only_mine ? board_load_mine(b, err) : 0;
	if (rc == 0)
		rc = search_load_texts(b, err);
	if (rc == 0)
		rc = board_load_register(b, err);
	columns_build(b);
	place_restore(b, place);
	if (rc != 0)
		return -1;
	view_header_parts(b);
	b->nav.lines_stale = true;
	return 0;
}

/* Read the plan and all its tasks again, keeping the cursor on its
 * task. */
static int
board_load(struct board *b, char **err)
{
	struct plan p;
	struct task *tasks;
	struct place place;
	size_t n;
	long seq;
	int rc;

	memset(&p, 0, sizeof p);
	b->data.data_version = store_data_version(b->s);
	snprintf(b->data.day, sizeof b->data.day, "%s", today());
	rc = store_plan_get(b->s, b->plan_name, &p, err);
	if (rc < 0)
		return -1;
	if (rc > 0) {
		if (b->plan_name != NULL)
			return fail(err, _("no plan '%s' in the database"),
			    b->plan_name);
		return fail(err, "%s", _("the database holds no plan yet; "
		    "import one with: parboard import FILE"));
	}
	/* The counter first: a change between the two reads is read
	 * again by the next update, which is harmless. */
	seq = store_seq(b->s);
	if (store_tasks_lean(b->s, p.id, &tasks, &n, err) != 0) {
		plan_clear(&p);
		return -1;
	}
	plan_clear(&b->data.plan);
	b->data.plan = p;
	b->data.seq = seq;
	/* The place refers to the old snapshot: save it before the swap. */
	place_save(b, &place);
	tasks_free(b->data.tasks, b->data.ntasks);
	b->data.tasks = tasks;
	b->data.ntasks = b->data.tasks_cap = n;
	indexes_build(b);
	roles_build(b);
	points_count(b);
	return board_settle(b, &place, err);
}

static int
order_task_cmp(const struct task *a, const struct task *b)
{
	return task_cmp(a, b);
}

/* Add or take out the points of the criteria that the changed tasks
 * (and the snapshot's copies of them) belong to, each once. */
static void
codes_points(struct board *b, const struct task *ch, size_t n, int sign)
{
	const char **codes = xcalloc(2 * n + 1, sizeof *codes);
	const struct task *t;
	size_t nc = 0, k, j, w;
	const char *code;
	score stake, rec;

	for (k = 0; k < n; k++) {
		t = board_task_by_id(b, ch[k].id);
		for (w = 0; w < 2; w++) {
			code = w == 0 ? ch[k].code : t != NULL ? t->code : NULL;
			if (code == NULL)
				continue;
			for (j = 0; j < nc && strcmp(codes[j], code) != 0; j++)
				;
			if (j == nc)
				codes[nc++] = code;
		}
	}
	for (j = 0; j < nc; j++) {
		code_points(b, codes[j], &stake, &rec);
		b->data.at_stake += sign * stake;
		b->data.recovered += sign * rec;
	}
	free(codes);
}

/* Drop what store_tasks_lean() leaves out: the task view and the search
 * read it from the store. */
static void
task_lean(struct task *t)
{
	char **v[] = { &t->key, &t->origin, &t->due_source, &t->comment,
	    &t->assignee };
	size_t i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		free(*v[i]);
		*v[i] = NULL;
	}
}

/* Patch the changed tasks into the snapshot: each keeps its index (a new
 * one is appended), and moves in the sorted indexes. */
static void
tasks_patch(struct board *b, struct task *ch, size_t n)
{
	size_t k, i, norder = b->data.ntasks, old_cap = b->data.tasks_cap;
	struct task *t;

	for (k = 0; k < n; k++) {
		task_lean(&ch[k]);
		i = byid_find(b, ch[k].id);
		if (i < b->data.ntasks &&
		    b->data.tasks[b->data.byid[i]].id == ch[k].id) {
			i = b->data.byid[i];
			t = &b->data.tasks[i];
			index_remove(b, b->data.order, &norder, i,
			    order_task_cmp);
			if (t->code != NULL)
				index_remove(b, b->data.bycode,
				    &b->data.nbycode, i, code_cmp);
			task_clear(t);
		} else {
			b->data.tasks = xgrow(b->data.tasks, &b->data.tasks_cap,
			    b->data.ntasks + 1, sizeof *b->data.tasks);
			if (b->data.tasks_cap != old_cap) {
				old_cap = b->data.tasks_cap;
				b->data.order = xrealloc(b->data.order,
				    (old_cap + 1) * sizeof *b->data.order);
				b->data.byid = xrealloc(b->data.byid,
				    (old_cap + 1) * sizeof *b->data.byid);
				b->data.bycode = xrealloc(b->data.bycode,
				    (old_cap + 1) * sizeof *b->data.bycode);
				b->data.trole = xrealloc(b->data.trole,
				    (old_cap + 1) * sizeof *b->data.trole);
				b->data.tsup = xrealloc(b->data.tsup,
				    (old_cap + 1) * sizeof *b->data.tsup);
			}
			i = b->data.ntasks;
			b->data.tasks[i] = ch[k];
			index_insert(b, b->data.byid, &b->data.ntasks, i,
			    id_cmp);
		}
		b->data.tasks[i] = ch[k];
		index_insert(b, b->data.order, &norder, i, order_task_cmp);
		if (b->data.tasks[i].code != NULL)
			index_insert(b, b->data.bycode, &b->data.nbycode,
			    i, code_cmp);
		task_roles(b, i);
	}
}

/* Another board's (or this one's) change: read only the tasks written
 * since the snapshot's counter and patch them in.  1 when a full reload
 * is needed instead: the plan was imported again (or is another one),
 * or most tasks changed. */
static int
board_update(struct board *b, char **err)
{
	struct plan p;
	struct place place;
	struct task *ch;
	size_t n;
	long dv, seq;
	int rc, same;

	if (b->data.tasks == NULL)
		return 1;
	memset(&p, 0, sizeof p);
	dv = store_data_version(b->s);
	rc = store_plan_get(b->s, b->plan_name, &p, err);
	if (rc != 0)
		return rc < 0 ? -1 : 1;
	same = p.id == b->data.plan.id && p.imported_at != NULL &&
	    b->data.plan.imported_at != NULL &&
	    strcmp(p.imported_at, b->data.plan.imported_at) == 0;
	plan_clear(&p);
	if (!same)
		return 1;
	if (store_tasks_changed_since(b->s, b->data.plan.id, b->data.seq,
	    &ch, &n, &seq, err) != 0)
		return -1;
	if (n > b->data.ntasks / 4 + 16) {
		tasks_free(ch, n);
		return 1;
	}
	b->data.data_version = dv;
	b->data.seq = seq;
	snprintf(b->data.day, sizeof b->data.day, "%s", today());
	place_save(b, &place);
	codes_points(b, ch, n, -1);
	tasks_patch(b, ch, n);
	codes_points(b, ch, n, 1);
	free(ch);		/* its strings moved into the snapshot */
	return board_settle(b, &place, err);
}

/* A reload after a write or another board's change: an error here is
 * shown, the old snapshot stays.  Only the tasks that changed are read,
 * unless the plan itself changed or a new day came. */
void
board_reload(struct board *b)
{
	char *err = NULL;
	int rc = 1;

	if (strcmp(today(), b->data.day) == 0)
		rc = board_update(b, &err);
	if (rc > 0)
		rc = board_load(b, &err);
	if (rc != 0) {
		board_message(b, true, _("Cannot read the data: %s"), err);
		free(err);
	}
}

void
board_resize(struct board *b)
{
	term_input_reset(b);
	view_resize(b);
}

void
board_rebuild(struct board *b)
{
	struct place place;

	place_save(b, &place);
	columns_build(b);
	place_restore(b, &place);
}

static void
board_free(struct board *b)
{
	size_t i;

	for (i = 0; i < b->nav.ncols; i++)
		free(b->nav.cols[i].cards);
	free(b->nav.cols);
	tasks_free(b->data.tasks, b->data.ntasks);
	free(b->data.order);
	free(b->data.byid);
	free(b->data.bycode);
	roles_free(b);
	free(b->data.roles);
	free(b->data.trole);
	free(b->data.tsup);
	plan_clear(&b->data.plan);
	keymap_lines_free(b->nav.lines);
	free(b->data.commune);
	free(b->data.period);
	free(b->filter.mine);
	free(b->filter.search);
	free(b->filter.found);
	board_register_free(b);
	free(b->prompt.msg);
	actions_undo_free(b);
	free(b->keys.pending);
	free(b->keys.fatal);
	free(b->keys.script_name);
	if (b->keys.script != NULL)
		fclose(b->keys.script);
	if (b->keys.dump != NULL)
		fclose(b->keys.dump);
	if (b->term.tty_out != NULL)
		fclose(b->term.tty_out);
	if (b->term.tty_in != NULL)
		fclose(b->term.tty_in);
}

int
board_config_check(const struct config *c, char **err)
{
	char *e1 = NULL, *e2 = NULL;
	int rc = 0;

	if (keymap_load(c, &e1) != 0)
		rc = -1;
	if (view_colors_check(c, &e2) != 0)
		rc = -1;
	if (rc != 0)
		fail(err, "%s%s%s", e1 ? e1 : "", e1 && e2 ? "\n" : "",
		    e2 ? e2 : "");
	free(e1);
	free(e2);
	return rc;
}

/* A read-only board says so on opening, and why when it can tell. */
static void
board_readonly_message(struct board *b)
{
	char *why = store_readonly_why(b->s);

	if (why != NULL)
		board_message(b, true, _("The database is read-only: you can "
		    "only look (%s)"), why);
	else
		board_message(b, true, "%s",
		    _("The database is read-only: you can only look"));
	free(why);
}

int
board_run(struct store *s, const struct config *c, const char *plan_name,
    bool view_only, char **err)
{
	struct board b;
	bool dirty = true;
	long v;
	int key, rc = 0;

	memset(&b, 0, sizeof b);
	b.s = s;
	b.c = c;
	b.plan_name = plan_name;
	b.filter.status = -1;
	b.nav.task_id = -1;
	b.session.view_only = view_only;
	b.keys.watch_fd = b.keys.watch_wal = -1;
	term_locale_init();
	store_cache_small(s);
	if (board_config_check(c, err) != 0 || board_load(&b, err) != 0) {
		board_free(&b);
		return -1;
	}
	/* The terminal, then the board's colours and windows on it; at
	 * the end the windows go before the terminal. */
	if (term_open(&b, err) != 0) {
		term_close(&b);
		board_free(&b);
		return -1;
	}
	view_colors(&b);
	term_buffer_frames();
	view_layout(&b);
	if (view_only)
		board_message(&b, false, "%s",
		    _("View only: the board follows changes, keys change "
		    "nothing"));
	else if (store_readonly(s))
		board_readonly_message(&b);
	else
		board_message(&b, false, "%s", _("Press ? for help"));
	store_on_backup_error(s, NULL, NULL);	/* said here, not on stderr */
	actions_clamp(&b);
	while (!b.session.quit) {
		if (store_backup_error(s) != NULL && !b.session.backup_said) {
			board_message(&b, true, _("The daily backup was not "
			    "written: %s"), store_backup_error(s));
			b.session.backup_said = true;
		}
		if (dirty)
			view_draw(&b);
		dirty = false;
		key = term_key(&b);
		if (key == BOARD_EOF)
			break;
		/* A key acts on the snapshot on the screen, the one the
		 * user saw: another board's change is read after it (a
		 * change key then finds the field it showed moved). */
		if (key == BOARD_RESIZE) {
			board_resize(&b);
			actions_clamp(&b);
		} else if (key != BOARD_TIMEOUT && key != BOARD_PASTE)
			actions_dispatch(&b, key); /* a paste is no key */
		if (key != BOARD_TIMEOUT)
			dirty = true;
		/* Another board's commit changes data_version; past
		 * midnight the late and soon cards are counted again. */
		v = store_data_version(s);
		if (v != b.data.data_version && store_schema_newer(s)) {
			b.keys.fatal = xstrdup(_("parboard was upgraded; "
			    "restart it"));
			break;
		}
		if (v != b.data.data_version ||
		    strcmp(today(), b.data.day) != 0) {
			board_reload(&b);
			dirty = true;
		}
	}
	if (b.keys.script != NULL) {
		view_draw(&b);
		term_dump(&b);
	}
	view_free_windows(&b);
	term_close(&b);
	if (b.keys.fatal != NULL) {
		fail(err, "%s", b.keys.fatal);
		rc = -1;
	}
	board_free(&b);
	return rc;
}
