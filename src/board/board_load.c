/* SPDX-License-Identifier: ISC */
/* board_load.c: reading the snapshot — the plan and its tasks (all of
 * them, or only those changed since the last read), the roles and each
 * task's, the header's counts, and the columns built from them, with the
 * cursor kept on its task across a reload. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "boardui.h"
#include "date.h"
#include "i18n.h"
#include "util.h"

static int
long_cmp(const void *pa, const void *pb)
{
	long a = *(const long *)pa, b = *(const long *)pb;

	return a < b ? -1 : a > b;
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
		/* The plan's next deadline: a one-off task's (a period's
		 * end is on its card). */
		else if (task_kind(t) == TASK_ONE_OFF &&
		    (b->data.next_due[0] == '\0' ||
		    strcmp(t->due, b->data.next_due) < 0))
			snprintf(b->data.next_due, sizeof b->data.next_due,
			    "%s", t->due);
	}
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
	struct filter f = { NULL, -1, false, current_user(), NULL };
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

/* The number of the plan's letter, for the header ("Văn bản số
 * 103/UBND"); none when it came without one or cannot be read. */
static void
board_load_letter(struct board *b)
{
	struct letter *l = NULL;
	char *err = NULL;

	free(b->data.letter);
	free(b->data.deadline);
	b->data.letter = b->data.deadline = NULL;
	if (store_letter_get(b->s, b->data.plan.id, &l, &err) == 0) {
		if (l->number != NULL)
			b->data.letter = xstrdup(l->number);
		if (l->deadline != NULL)
			b->data.deadline = xstrdup(l->deadline);
	}
	letter_free(l);
	free(err);
}

/* Read the plan and all its tasks again, keeping the cursor on its
 * task. */
int
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
	board_load_letter(b);
	/* The place refers to the old snapshot: save it before the swap. */
	place_save(b, &place);
	tasks_free(b->data.tasks, b->data.ntasks);
	b->data.tasks = tasks;
	b->data.ntasks = b->data.tasks_cap = n;
	board_index_build(b);
	roles_build(b);
	return board_settle(b, &place, err);
}


/* Drop what store_tasks_lean() leaves out: the task view and the search
 * read it from the store. */
static void
task_lean(struct task *t)
{
	char **v[] = { &t->key, &t->comment, &t->assignee };
	size_t i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		free(*v[i]);
		*v[i] = NULL;
	}
}

/* Room for one more task in the snapshot and its per-task arrays. */
static void
tasks_grow(struct board *b)
{
	size_t old_cap = b->data.tasks_cap, cap;

	b->data.tasks = xgrow(b->data.tasks, &b->data.tasks_cap,
	    b->data.ntasks + 1, sizeof *b->data.tasks);
	if (b->data.tasks_cap == old_cap)
		return;
	cap = b->data.tasks_cap + 1;
	b->data.order = xrealloc(b->data.order, cap * sizeof *b->data.order);
	b->data.byid = xrealloc(b->data.byid, cap * sizeof *b->data.byid);
	b->data.bycode = xrealloc(b->data.bycode,
	    cap * sizeof *b->data.bycode);
	b->data.trole = xrealloc(b->data.trole, cap * sizeof *b->data.trole);
	b->data.tsup = xrealloc(b->data.tsup, cap * sizeof *b->data.tsup);
}

/* Patch the changed tasks into the snapshot: each keeps its index (a new
 * one is appended), and moves in the sorted indexes. */
static void
tasks_patch(struct board *b, struct task *ch, size_t n)
{
	size_t k, i, norder = b->data.ntasks;

	for (k = 0; k < n; k++) {
		task_lean(&ch[k]);
		i = board_index_find(b, ch[k].id);
		if (i < b->data.ntasks &&
		    b->data.tasks[b->data.byid[i]].id == ch[k].id) {
			i = b->data.byid[i];
			board_index_take(b, i, &norder);
			task_clear(&b->data.tasks[i]);
		} else {
			tasks_grow(b);
			i = b->data.ntasks;
			b->data.tasks[i] = ch[k];
			board_index_add(b, i);
		}
		b->data.tasks[i] = ch[k];
		board_index_put(b, i, &norder);
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
	tasks_patch(b, ch, n);
	free(ch);		/* its strings moved into the snapshot */
	return board_settle(b, &place, err);
}

void
board_rebuild(struct board *b)
{
	struct place place;

	place_save(b, &place);
	columns_build(b);
	place_restore(b, &place);
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
board_load_free(struct board *b)
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
	free(b->data.commune);
	free(b->data.period);
	free(b->data.letter);
	free(b->data.deadline);
	free(b->filter.mine);
	free(b->filter.search);
	free(b->filter.person);
	free(b->filter.found);
	board_register_free(b);
}
