/* board.c: the board's state, its input (terminal or key script) and the
 * actions of the key table.
 *
 * The board holds a snapshot of the plan's tasks, sorted once by due date
 * and points, and a column per role whose cards are indices into that
 * snapshot.  Every change goes straight to the store (one transaction,
 * with the task's version checked) and the snapshot is read again; while
 * it waits for a key the board polls PRAGMA data_version, so another
 * board's change shows within POLL_MS.  Drawing is view.c's, the footer's
 * line editor prompt.c's. */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "board.h"
#include "boardui.h"
#include "keymap.h"
#include "text.h"
#include "util.h"

/* How long to wait for a key before looking for other boards' changes. */
#define POLL_MS 250

void
board_message(struct board *b, bool error, const char *fmt, ...)
{
	va_list ap;

	free(b->msg);
	va_start(ap, fmt);
	b->msg = xvasprintf(fmt, ap);
	va_end(ap);
	b->msg_error = error;
}

bool
board_task_overdue(const struct board *b, const struct task *t)
{
	return t->status != STATUS_DONE && t->due != NULL &&
	    strcmp(t->due, today()) < 0;
}

bool
board_task_soon(const struct board *b, const struct task *t)
{
	long d;

	if (t->status == STATUS_DONE || t->due == NULL)
		return false;
	d = text_days_between(today(), t->due);
	return d >= 0 && d <= b->c->warn_days;
}

struct task *
board_current(struct board *b)
{
	struct column *col;

	if (b->ncols == 0)
		return NULL;
	col = &b->cols[b->col];
	if (col->ncards == 0)
		return NULL;
	return &b->tasks[col->cards[col->cur]];
}

struct task *
board_task_by_id(struct board *b, long id)
{
	size_t i;

	for (i = 0; i < b->ntasks; i++)
		if (b->tasks[i].id == id)
			return &b->tasks[i];
	return NULL;
}

/* Criterion codes in numeric order: 3.2 before 3.12. */
static int
code_cmp(const char *a, const char *b)
{
	long x, y;
	char *ea, *eb;

	while (*a != '\0' && *b != '\0') {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			x = strtol(a, &ea, 10);
			y = strtol(b, &eb, 10);
			if (x != y)
				return x < y ? -1 : 1;
			a = ea;
			b = eb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return (*a != '\0') - (*b != '\0');
}

/* Due date first (none last), then the most points at stake, then the
 * criterion code in version order, then age. */
static int
task_cmp(const void *pa, const void *pb)
{
	const struct task *a = pa, *b = pb;
	int c;

	if (a->due != NULL && b->due != NULL) {
		if ((c = strcmp(a->due, b->due)) != 0)
			return c;
	} else if (a->due != b->due) {
		return a->due == NULL ? 1 : -1;
	}
	if (a->has_points != b->has_points)
		return a->has_points ? -1 : 1;
	if (a->points != b->points)
		return a->points > b->points ? -1 : 1;
	if (a->code != NULL && b->code != NULL) {
		if ((c = code_cmp(a->code, b->code)) != 0)
			return c;
	} else if (a->code != b->code) {
		return a->code == NULL ? 1 : -1;
	}
	return a->id < b->id ? -1 : a->id > b->id;
}

static int
long_cmp(const void *pa, const void *pb)
{
	long a = *(const long *)pa, b = *(const long *)pb;

	return a < b ? -1 : a > b;
}

static bool
task_visible(const struct board *b, const struct task *t)
{
	if (b->f_status >= 0 && (int)t->status != b->f_status)
		return false;
	if (b->f_overdue && !board_task_overdue(b, t))
		return false;
	if (b->f_mine && bsearch(&t->id, b->mine, b->nmine, sizeof *b->mine,
	    long_cmp) == NULL)
		return false;
	if (b->search != NULL &&
	    !(t->code != NULL && text_contains(t->code, b->search)) &&
	    !(t->title != NULL && text_contains(t->title, b->search)) &&
	    !(t->crit_title != NULL &&
	    text_contains(t->crit_title, b->search)) &&
	    !(t->comment != NULL && text_contains(t->comment, b->search)))
		return false;
	return true;
}

static struct column *
column_add(struct board *b, size_t *cap, const char *id, const char *name)
{
	struct column *col;

	b->cols = xgrow(b->cols, cap, b->ncols + 1, sizeof *b->cols);
	col = &b->cols[b->ncols++];
	memset(col, 0, sizeof *col);
	col->id = id;
	col->name = name != NULL ? name : "";
	return col;
}

static struct column *
column_find(struct board *b, const char *id)
{
	size_t i;

	for (i = 0; i < b->ncols; i++)
		if (strcmp(b->cols[i].id, id) == 0)
			return &b->cols[i];
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
	p->col = b->col;
	if (b->ncols > 0) {
		p->col_id = xstrdup(b->cols[b->col].id);
		p->cur = b->cols[b->col].cur;
	}
	p->task_id = t != NULL ? t->id : -1;
	p->cols = xcalloc(b->ncols + 1, sizeof *p->cols);
	for (i = 0; i < b->ncols; i++) {
		col = &b->cols[i];
		p->cols[i].id = xstrdup(col->id);
		p->cols[i].cur = col->cur;
		p->cols[i].top = col->top;
		p->cols[i].task_id = col->ncards > 0 ?
		    b->tasks[col->cards[col->cur]].id : -1;
	}
	p->ncols = b->ncols;
}

static void
place_restore(struct board *b, struct place *p)
{
	struct column *col;
	size_t i, j;

	for (i = 0; i < p->ncols; i++) {
		col = column_find(b, p->cols[i].id);
		if (col == NULL)
			continue;
		col->top = p->cols[i].top;
		col->cur = p->cols[i].cur;
		for (j = 0; j < col->ncards; j++) {
			if (b->tasks[col->cards[j]].id == p->cols[i].task_id) {
				col->cur = j;
				break;
			}
		}
		if (col->ncards == 0)
			col->cur = col->top = 0;
		else if (col->cur >= col->ncards)
			col->cur = col->ncards - 1;
	}
	b->col = p->col < b->ncols ? p->col : b->ncols ? b->ncols - 1 : 0;
	if (p->col_id != NULL && (col = column_find(b, p->col_id)) != NULL)
		b->col = (size_t)(col - b->cols);
	for (i = 0; i < p->ncols; i++)
		free(p->cols[i].id);
	free(p->cols);
	free(p->col_id);
}

/* Columns: the configured roles in order (the common and unassigned ones
 * only when they hold tasks), then any role the tasks name that the
 * configuration does not know, so nothing is ever hidden. */
static void
columns_build(struct board *b)
{
	const struct config *c = b->c;
	struct column *col;
	size_t i, cap = 0;
	struct task *t;

	for (i = 0; i < b->ncols; i++)
		free(b->cols[i].cards);
	free(b->cols);
	b->cols = NULL;
	b->ncols = 0;
	for (i = 0; i < c->nroles; i++) {
		const struct role *r = &c->roles[i];
		size_t j;
		bool used = !(r->common || r->unassigned);

		for (j = 0; !used && j < b->ntasks; j++)
			used = b->tasks[j].role != NULL &&
			    strcmp(b->tasks[j].role, r->id) == 0;
		if (used)
			column_add(b, &cap, r->id, r->name);
	}
	b->ndone = 0;
	for (i = 0; i < b->ntasks; i++) {
		t = &b->tasks[i];
		if (t->status == STATUS_DONE)
			b->ndone++;
		col = column_find(b, t->role != NULL ? t->role : "?");
		if (col == NULL)
			col = column_add(b, &cap, t->role != NULL ? t->role :
			    "?", NULL);
		col->total++;
		if (!task_visible(b, t))
			continue;
		col->cards = xgrow(col->cards, &col->cap, col->ncards + 1,
		    sizeof *col->cards);
		col->cards[col->ncards++] = i;
	}
}

static int
load_mine(struct board *b, char **err)
{
	struct filter f = { NULL, -1, false, current_user() };
	struct task *t;
	size_t n, i;

	free(b->mine);
	b->mine = NULL;
	b->nmine = 0;
	if (store_tasks(b->s, b->plan.id, &f, &t, &n, err) != 0)
		return -1;
	b->mine = xcalloc(n + 1, sizeof *b->mine);
	for (i = 0; i < n; i++)
		b->mine[i] = t[i].id;
	b->nmine = n;
	qsort(b->mine, n, sizeof *b->mine, long_cmp);
	tasks_free(t, n);
	return 0;
}

struct code_ref {
	const char *code;
	const struct task *t;
};

static int
code_ref_cmp(const void *pa, const void *pb)
{
	return strcmp(((const struct code_ref *)pa)->code,
	    ((const struct code_ref *)pb)->code);
}

/* Points at stake and recovered, counted as store_points() counts them
 * (a criterion's points, the largest of its tasks', are recovered when
 * every task linked to it is done), but from the snapshot in hand: with
 * 10 000 tasks that saves a query as long as drawing the screen. */
static void
points_compute(struct board *b)
{
	struct code_ref *refs = xcalloc(b->ntasks + 1, sizeof *refs);
	size_t i, j, n = 0;
	score max;
	bool has, done;

	for (i = 0; i < b->ntasks; i++)
		if (b->tasks[i].code != NULL) {
			refs[n].code = b->tasks[i].code;
			refs[n++].t = &b->tasks[i];
		}
	qsort(refs, n, sizeof *refs, code_ref_cmp);
	b->recovered = b->at_stake = 0;
	for (i = 0; i < n; i = j) {
		max = 0;
		has = false;
		done = true;
		for (j = i; j < n && strcmp(refs[j].code, refs[i].code) == 0;
		    j++) {
			if (refs[j].t->has_points &&
			    (!has || refs[j].t->points > max)) {
				max = refs[j].t->points;
				has = true;
			}
			if (refs[j].t->status != STATUS_DONE)
				done = false;
		}
		if (!has)
			continue;
		b->at_stake += max;
		if (done)
			b->recovered += max;
	}
	free(refs);
}

/* Read the plan and its tasks again, keeping the cursor on its task. */
static int
board_load(struct board *b, char **err)
{
	struct filter all = { NULL, -1, false, NULL };
	struct plan p;
	struct task *tasks;
	struct place place;
	size_t n;
	int rc;

	memset(&p, 0, sizeof p);
	b->data_version = store_data_version(b->s);
	rc = store_plan_get(b->s, b->plan_name, &p, err);
	if (rc < 0)
		return -1;
	if (rc > 0) {
		if (b->plan_name != NULL)
			return fail(err, "no plan '%s' in the database",
			    b->plan_name);
		return fail(err, "the database holds no plan yet; "
		    "import one with: parboard import FILE");
	}
	if (store_tasks(b->s, p.id, &all, &tasks, &n, err) != 0) {
		plan_clear(&p);
		return -1;
	}
	plan_clear(&b->plan);
	b->plan = p;
	/* The place refers to the old snapshot: save it before the swap. */
	place_save(b, &place);
	tasks_free(b->tasks, b->ntasks);
	qsort(tasks, n, sizeof *tasks, task_cmp);
	b->tasks = tasks;
	b->ntasks = n;
	points_compute(b);
	rc = b->f_mine ? load_mine(b, err) : 0;
	columns_build(b);
	place_restore(b, &place);
	if (rc != 0)
		return -1;
	view_header_parts(b);
	b->lines_stale = true;
	return 0;
}

/* A reload after a write or another board's change: an error here is
 * shown, the old snapshot stays. */
static void
board_reload(struct board *b)
{
	char *err = NULL;

	if (board_load(b, &err) != 0) {
		board_message(b, true, "Không đọc được dữ liệu: %s", err);
		free(err);
	}
}

static void
board_rebuild(struct board *b)
{
	struct place place;

	place_save(b, &place);
	columns_build(b);
	place_restore(b, &place);
}

/* --- input --------------------------------------------------------- */

/* One UTF-8 character from s; returns its length (0 at the end). */
static size_t
utf8_next(const char *s, int *cp)
{
	mbstate_t st;
	wchar_t wc;
	size_t n;

	memset(&st, 0, sizeof st);
	n = mbrtowc(&wc, s, strlen(s), &st);
	if (n == 0 || n == (size_t)-1 || n == (size_t)-2) {
		*cp = (unsigned char)*s;
		return *s != '\0';
	}
	*cp = (int)wc;
	return n;
}

static void
dump_screen(struct board *b)
{
	wchar_t *w;
	char *mb;
	size_t n;
	int y, len;
	static int ndump;

	if (b->dump == NULL)
		return;
	w = xcalloc((size_t)COLS + 1, sizeof *w);
	mb = xmalloc((size_t)COLS * MB_CUR_MAX + 1);
	for (y = 0; y < LINES; y++) {
		len = mvwinnwstr(curscr, y, 0, w, COLS);
		if (len < 0)
			len = 0;
		w[len] = L'\0';
		n = wcstombs(mb, w, (size_t)COLS * MB_CUR_MAX);
		if (n == (size_t)-1)
			n = 0;
		while (n > 0 && mb[n - 1] == ' ')
			n--;
		fprintf(b->dump, "%.*s\n", (int)n, mb);
	}
	fprintf(b->dump, "-- %d\n", ++ndump);
	fflush(b->dump);
	free(w);
	free(mb);
}

/* The next key of the script: one per line, names as in the
 * configuration, plus the commands dump, wait MS, resize COLSxLINES and
 * type TEXT (each character of TEXT is a key). */
static int
script_key(struct board *b)
{
	char line[4096];
	size_t len;
	int key, cols, rows;
	long ms;

	for (;;) {
		if (b->pending != NULL) {
			len = utf8_next(b->pending + b->pending_off, &key);
			if (len > 0) {
				b->pending_off += len;
				return key;
			}
			free(b->pending);
			b->pending = NULL;
		}
		if (fgets(line, sizeof line, b->script) == NULL)
			return BOARD_EOF;
		b->script_line++;
		len = strcspn(line, "\r\n");
		line[len] = '\0';
		if (len == 0 || (line[0] == '#' && line[1] == ' '))
			continue;
		if (strcmp(line, "dump") == 0) {
			dump_screen(b);
			continue;
		}
		if (sscanf(line, "wait %ld", &ms) == 1) {
			usleep((useconds_t)(ms > 0 ? ms : 0) * 1000);
			return BOARD_TIMEOUT;
		}
		if (sscanf(line, "resize %dx%d", &cols, &rows) == 2 &&
		    cols > 0 && rows > 0) {
			resize_term(rows, cols);
			return BOARD_RESIZE;
		}
		if (strncmp(line, "type ", 5) == 0) {
			b->pending = xstrdup(line + 5);
			b->pending_off = 0;
			continue;
		}
		if (keymap_key_parse(line, &key))
			return keymap_key_normalize(key);
		free(b->fatal);
		b->fatal = xasprintf("%s:%d: unknown key '%s'",
		    b->script_name, b->script_line, line);
		return BOARD_EOF;
	}
}

int
board_key(struct board *b)
{
	wint_t wc;
	int rc;

	if (b->script != NULL)
		return script_key(b);
	rc = wget_wch(b->input, &wc);
	if (rc == ERR)
		return BOARD_TIMEOUT;
	if (rc == KEY_CODE_YES) {
		if (wc == KEY_RESIZE)
			return BOARD_RESIZE;
		return keymap_key_normalize(KEYMAP_FKEY((int)wc));
	}
	return keymap_key_normalize((int)wc);
}

/* --- actions ------------------------------------------------------- */

static void
clamp_cursor(struct board *b)
{
	struct column *col;
	size_t per = (size_t)view_cards_per_screen(b);
	int nvis, width;

	if (b->ncols == 0)
		return;
	if (b->col >= b->ncols)
		b->col = b->ncols - 1;
	col = &b->cols[b->col];
	if (col->ncards == 0)
		col->cur = col->top = 0;
	else if (col->cur >= col->ncards)
		col->cur = col->ncards - 1;
	if (per < 1)
		per = 1;
	if (col->cur < col->top)
		col->top = col->cur;
	else if (col->cur >= col->top + per)
		col->top = col->cur - per + 1;
	if (col->top + per > col->ncards)
		col->top = col->ncards > per ? col->ncards - per : 0;
	nvis = view_columns_on_screen(b, &width);
	if (nvis < 1)
		nvis = 1;
	if (b->col < b->left)
		b->left = b->col;
	else if (b->col >= b->left + (size_t)nvis)
		b->left = b->col - (size_t)nvis + 1;
	if (b->left + (size_t)nvis > b->ncols)
		b->left = b->ncols > (size_t)nvis ? b->ncols - (size_t)nvis : 0;
}

static void
move_card(struct board *b, long delta, bool to_end)
{
	struct column *col;
	long cur;

	if (b->ncols == 0)
		return;
	col = &b->cols[b->col];
	if (col->ncards == 0)
		return;
	if (to_end) {
		col->cur = delta < 0 ? 0 : col->ncards - 1;
	} else {
		cur = (long)col->cur + delta;
		if (cur < 0)
			cur = 0;
		if (cur >= (long)col->ncards)
			cur = (long)col->ncards - 1;
		col->cur = (size_t)cur;
	}
}

/* The task an action works on: the open one, else the selected card. */
static struct task *
target(struct board *b)
{
	struct task *t;

	if (b->view == VIEW_TASK)
		t = board_task_by_id(b, b->task_id);
	else
		t = board_current(b);
	if (t == NULL)
		board_message(b, true, "Chưa chọn việc nào");
	return t;
}

static bool
writable(struct board *b)
{
	if (!store_readonly(b->s))
		return true;
	board_message(b, true, "Cơ sở dữ liệu chỉ đọc: không ghi được");
	return false;
}

static const char *
task_label(const struct task *t)
{
	return t->code != NULL ? t->code : t->title != NULL ? t->title : "?";
}

/* A versioned change; a conflict means another board wrote first. */
static void
write_set(struct board *b, struct task *t, const char *kind,
    const char *value, const char *note, const char *done)
{
	char *err = NULL, *label = xstrdup(task_label(t));
	int rc;

	rc = store_task_set(b->s, t->id, t->version, kind, value, note,
	    current_user(), &err);
	if (rc == STORE_CONFLICT)
		board_message(b, true, "%s vừa được người khác thay đổi; "
		    "đã tải lại, hãy xem rồi làm lại", label);
	else if (rc != 0)
		board_message(b, true, "Không ghi được: %s", err);
	else
		board_message(b, false, "%s", done);
	free(err);
	free(label);
	board_reload(b);
}

static void
act_status(struct board *b)
{
	struct task *t = target(b);
	enum status next;
	char *done;

	if (t == NULL || !writable(b))
		return;
	switch (t->status) {
	case STATUS_TODO:
		next = STATUS_DOING;
		break;
	case STATUS_DOING:
		next = STATUS_DONE;
		break;
	case STATUS_BLOCKED:
		next = STATUS_DOING;
		break;
	default:
		next = STATUS_TODO;
		break;
	}
	done = xasprintf("%s: %s → %s", task_label(t), status_label(t->status),
	    status_label(next));
	write_set(b, t, "status", status_name(next), NULL, done);
	free(done);
}

static void
act_block(struct board *b)
{
	struct task *t = target(b);
	char *reason, *done;
	long id;

	if (t == NULL || !writable(b))
		return;
	id = t->id;
	reason = prompt_line(b, "Lý do vướng mắc: ", NULL);
	if (reason == NULL || *reason == '\0') {
		board_message(b, false, "Đã huỷ");
		free(reason);
		return;
	}
	if ((t = board_task_by_id(b, id)) != NULL) {
		done = xasprintf("%s: vướng mắc", task_label(t));
		write_set(b, t, "status", status_name(STATUS_BLOCKED), reason,
		    done);
		free(done);
	}
	free(reason);
}

static void
act_note(struct board *b, const char *kind)
{
	struct task *t = target(b);
	bool evidence = strcmp(kind, "evidence") == 0;
	char *text, *err = NULL;
	long id;

	if (t == NULL || !writable(b))
		return;
	id = t->id;
	text = prompt_line(b, evidence ? "Tài liệu kiểm chứng: " :
	    "Ghi chú: ", NULL);
	if (text == NULL || *text == '\0') {
		board_message(b, false, "Đã huỷ");
		free(text);
		return;
	}
	if (store_task_note(b->s, id, kind, text, current_user(), &err) != 0)
		board_message(b, true, "Không ghi được: %s", err);
	else
		board_message(b, false, evidence ?
		    "Đã thêm tài liệu kiểm chứng" : "Đã thêm ghi chú");
	free(err);
	free(text);
	board_reload(b);
}

static void
act_due(struct board *b)
{
	struct task *t = target(b);
	char shown[11] = "", iso[11], *text, *done;
	long id;

	if (t == NULL || !writable(b))
		return;
	id = t->id;
	if (t->due != NULL)
		text_format_date(t->due, shown);
	text = prompt_line(b, "Hạn mới (dd/mm/yyyy): ", shown);
	if (text == NULL || *text == '\0') {
		board_message(b, false, "Đã huỷ");
	} else if (!text_parse_date(text, iso)) {
		board_message(b, true, "Ngày không hợp lệ: %s", text);
	} else if ((t = board_task_by_id(b, id)) != NULL) {
		text_format_date(iso, shown);
		done = xasprintf("%s: hạn %s", task_label(t), shown);
		write_set(b, t, "due", iso, NULL, done);
		free(done);
	}
	free(text);
}

static void
act_add(struct board *b)
{
	const char *role, *due, *source;
	char *title, *label, *err = NULL;
	struct column *col;
	long id = -1;
	size_t i;

	if (b->ncols == 0 || !writable(b))
		return;
	role = b->cols[b->col].id;
	label = xasprintf("Việc mới (%s): ", role);
	title = prompt_line(b, label, NULL);
	free(label);
	if (title == NULL || *title == '\0') {
		board_message(b, false, "Đã huỷ");
		free(title);
		return;
	}
	due = config_due(b->c, role, NULL, &source);
	role = xstrdup(role);
	if (store_task_add(b->s, b->plan.id, role, NULL, title, due,
	    current_user(), &id, &err) != 0) {
		board_message(b, true, "Không ghi được: %s", err);
	} else {
		board_message(b, false, "Đã thêm việc vào cột %s", role);
	}
	free(err);
	free(title);
	board_reload(b);
	if (id >= 0 && (col = column_find(b, role)) != NULL) {
		b->col = (size_t)(col - b->cols);
		for (i = 0; i < col->ncards; i++)
			if (b->tasks[col->cards[i]].id == id)
				col->cur = i;
	}
	free((char *)role);
}

static void
act_undo(struct board *b)
{
	char *what = NULL, *err = NULL;
	int rc;

	if (!writable(b))
		return;
	rc = store_undo(b->s, b->plan.id, current_user(), &what, &err);
	if (rc < 0)
		board_message(b, true, "Không hoàn tác được: %s", err);
	else if (rc > 0)
		board_message(b, false, "Không có thay đổi nào của bạn để "
		    "hoàn tác");
	else
		board_message(b, false, "Đã hoàn tác: %s", what ? what : "");
	free(what);
	free(err);
	board_reload(b);
}

static size_t
count_cards(const struct board *b)
{
	size_t i, n = 0;

	for (i = 0; i < b->ncols; i++)
		n += b->cols[i].ncards;
	return n;
}

/* After a search or filter, stay on a column that shows something. */
static void
goto_nonempty(struct board *b)
{
	size_t i;

	if (b->ncols == 0 || b->cols[b->col].ncards > 0)
		return;
	for (i = 0; i < b->ncols; i++) {
		if (b->cols[i].ncards > 0) {
			b->col = i;
			return;
		}
	}
}

static void
act_search(struct board *b)
{
	char *text = prompt_line(b, "Tìm: ", b->search);

	if (text == NULL)
		return;
	free(b->search);
	b->search = NULL;
	if (*text != '\0')
		b->search = text;
	else
		free(text);
	board_rebuild(b);
	goto_nonempty(b);
	if (b->search != NULL)
		board_message(b, false, "Tìm \"%s\": %zu việc", b->search,
		    count_cards(b));
	else
		board_message(b, false, "Đã bỏ tìm kiếm");
}

static void
act_filter(struct board *b)
{
	char *err = NULL;
	int k;

	k = prompt_key(b, "Lọc: o quá hạn · m của tôi · 1 chưa làm · "
	    "2 đang làm · 3 hoàn thành · 4 vướng mắc · 0 tất cả");
	if (k < 0)
		return;
	b->f_overdue = b->f_mine = false;
	b->f_status = -1;
	switch (k) {
	case 'o':
		b->f_overdue = true;
		break;
	case 'm':
		b->f_mine = true;
		if (load_mine(b, &err) != 0) {
			board_message(b, true, "%s", err);
			free(err);
			b->f_mine = false;
		}
		break;
	case '1': case '2': case '3': case '4':
		b->f_status = k - '1';
		break;
	default:
		break;
	}
	board_rebuild(b);
	goto_nonempty(b);
	if (b->f_overdue || b->f_mine || b->f_status >= 0)
		board_message(b, false, "Lọc %s: %zu việc",
		    b->f_overdue ? "quá hạn" : b->f_mine ? "của tôi" :
		    status_label((enum status)b->f_status), count_cards(b));
	else
		board_message(b, false, "Đã bỏ lọc");
}

static void
open_view(struct board *b, enum view v, long task_id)
{
	b->view = v;
	b->task_id = task_id;
	b->scroll = 0;
	b->lines_stale = true;
}

/* Keys of the task and help views: scrolling and going back. */
static bool
dispatch_text(struct board *b, enum action a)
{
	int page = view_body_rows(b) - 1;

	if (page < 1)
		page = 1;
	switch (a) {
	case ACTION_MOVE_UP:
		b->scroll--;
		break;
	case ACTION_MOVE_DOWN:
		b->scroll++;
		break;
	case ACTION_PAGE_UP:
		b->scroll -= page;
		break;
	case ACTION_PAGE_DOWN:
		b->scroll += page;
		break;
	case ACTION_MOVE_FIRST:
		b->scroll = 0;
		break;
	case ACTION_MOVE_LAST:
		b->scroll = (int)b->nlines;
		break;
	case ACTION_BACK:
	case ACTION_QUIT:
		open_view(b, b->view == VIEW_HELP && b->task_id >= 0 ?
		    VIEW_TASK : VIEW_BOARD, b->view == VIEW_HELP ?
		    b->task_id : -1);
		break;
	case ACTION_HELP:
		if (b->view == VIEW_HELP)
			open_view(b, b->task_id >= 0 ? VIEW_TASK : VIEW_BOARD,
			    b->task_id);
		else
			open_view(b, VIEW_HELP, b->task_id);
		break;
	default:
		return false;
	}
	return true;
}

static void
dispatch(struct board *b, int key)
{
	enum action a = keymap_lookup(key);
	int per = view_cards_per_screen(b);

	if (LINES < SCREEN_MIN_LINES || COLS < SCREEN_MIN_COLS) {
		if (a == ACTION_QUIT)
			b->quit = true;
		return;
	}
	free(b->msg);
	b->msg = NULL;
	if (b->view != VIEW_BOARD) {
		if (dispatch_text(b, a))
			return;
		if (b->view == VIEW_HELP)
			return;
		b->lines_stale = true;
	}
	switch (a) {
	case ACTION_MOVE_UP:
		move_card(b, -1, false);
		break;
	case ACTION_MOVE_DOWN:
		move_card(b, 1, false);
		break;
	case ACTION_MOVE_LEFT:
		if (b->col > 0)
			b->col--;
		break;
	case ACTION_MOVE_RIGHT:
		if (b->col + 1 < b->ncols)
			b->col++;
		break;
	case ACTION_MOVE_FIRST:
		move_card(b, -1, true);
		break;
	case ACTION_MOVE_LAST:
		move_card(b, 1, true);
		break;
	case ACTION_PAGE_UP:
		move_card(b, -(per > 0 ? per : 1), false);
		break;
	case ACTION_PAGE_DOWN:
		move_card(b, per > 0 ? per : 1, false);
		break;
	case ACTION_COLUMN_1: case ACTION_COLUMN_2: case ACTION_COLUMN_3:
	case ACTION_COLUMN_4: case ACTION_COLUMN_5: case ACTION_COLUMN_6:
	case ACTION_COLUMN_7: case ACTION_COLUMN_8: case ACTION_COLUMN_9:
		if ((size_t)(a - ACTION_COLUMN_1) < b->ncols)
			b->col = (size_t)(a - ACTION_COLUMN_1);
		else
			board_message(b, true, "Không có cột %d",
			    a - ACTION_COLUMN_1 + 1);
		break;
	case ACTION_OPEN:
		if (board_current(b) != NULL)
			open_view(b, VIEW_TASK, board_current(b)->id);
		break;
	case ACTION_STATUS_NEXT:
		act_status(b);
		break;
	case ACTION_BLOCK:
		act_block(b);
		break;
	case ACTION_NOTE:
		act_note(b, "note");
		break;
	case ACTION_EVIDENCE:
		act_note(b, "evidence");
		break;
	case ACTION_DUE:
		act_due(b);
		break;
	case ACTION_ADD:
		act_add(b);
		break;
	case ACTION_UNDO:
		act_undo(b);
		break;
	case ACTION_SEARCH:
		act_search(b);
		break;
	case ACTION_FILTER:
		act_filter(b);
		break;
	case ACTION_RELOAD:
		board_reload(b);
		if (b->msg == NULL)
			board_message(b, false, "Đã tải lại");
		break;
	case ACTION_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACTION_BACK:
		if (b->search != NULL || b->f_overdue || b->f_mine ||
		    b->f_status >= 0) {
			free(b->search);
			b->search = NULL;
			b->f_overdue = b->f_mine = false;
			b->f_status = -1;
			board_rebuild(b);
			board_message(b, false, "Đã bỏ tìm kiếm và lọc");
		}
		break;
	case ACTION_HELP:
		open_view(b, VIEW_HELP, -1);
		break;
	case ACTION_QUIT:
		b->quit = true;
		break;
	default:
		break;
	}
	if (b->view == VIEW_TASK && board_task_by_id(b, b->task_id) == NULL)
		open_view(b, VIEW_BOARD, -1);
	clamp_cursor(b);
}

/* --- the screen ---------------------------------------------------- */

/* Sequences PuTTY sends by default whatever TERM says (and a few other
 * common ones), so Home, End and F1-F4 work even where the terminfo entry
 * expects something else.  A sequence terminfo already knows is kept. */
static const struct {
	const char *seq;
	int key;
} extra_keys[] = {
	{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END },
	{ "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
	{ "\033[H", KEY_HOME }, { "\033[F", KEY_END },
	{ "\033OH", KEY_HOME }, { "\033OF", KEY_END },
	{ "\033[2~", KEY_IC }, { "\033[3~", KEY_DC },
	{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
	{ "\033[A", KEY_UP }, { "\033[B", KEY_DOWN },
	{ "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
	{ "\033OA", KEY_UP }, { "\033OB", KEY_DOWN },
	{ "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
	{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) },
	{ "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) },
	{ "\033[15~", KEY_F(5) },
	{ "\033OP", KEY_F(1) }, { "\033OQ", KEY_F(2) },
	{ "\033OR", KEY_F(3) }, { "\033OS", KEY_F(4) },
	{ "\033[[A", KEY_F(1) }, { "\033[[B", KEY_F(2) },
	{ "\033[[C", KEY_F(3) }, { "\033[[D", KEY_F(4) },
	{ "\033[[E", KEY_F(5) },
};

static void
define_keys(void)
{
	size_t i;

	for (i = 0; i < sizeof extra_keys / sizeof extra_keys[0]; i++)
		if (key_defined(extra_keys[i].seq) == 0)
			define_key(extra_keys[i].seq, extra_keys[i].key);
}

/* Wide characters need a UTF-8 locale; a server where LANG is unset still
 * gets one, since parboard's text is Vietnamese whatever the locale. */
static void
locale_init(void)
{
	const char *cs;

	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	cs = nl_langinfo(CODESET);
	if (cs == NULL || strcmp(cs, "UTF-8") != 0)
		if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
			setlocale(LC_CTYPE, "en_US.UTF-8");
}

static int
screen_open(struct board *b, char **err)
{
	const char *keys = getenv("PARBOARD_KEYS");
	const char *dump = getenv("PARBOARD_DUMP");
	const char *term = getenv("TERM");
	const char *esc = getenv("ESCDELAY");

	if (keys != NULL && *keys != '\0') {
		b->script = fopen(keys, "r");
		if (b->script == NULL)
			return fail(err, "%s: %s", keys, strerror(errno));
		b->script_name = xstrdup(keys);
		if (dump != NULL && *dump != '\0' &&
		    (b->dump = fopen(dump, "w")) == NULL)
			return fail(err, "%s: %s", dump, strerror(errno));
		/* Output nowhere, input never read: the script is the
		 * keyboard and the dump is the screen. */
		b->tty_out = fopen("/dev/null", "w");
		b->tty_in = fopen("/dev/null", "r");
		if (b->tty_out == NULL || b->tty_in == NULL)
			return fail(err, "/dev/null: %s", strerror(errno));
		b->screen = newterm(term != NULL && *term ? term : "vt100",
		    b->tty_out, b->tty_in);
	} else {
		b->screen = newterm(NULL, stdout, stdin);
	}
	if (b->screen == NULL)
		return fail(err, "cannot use terminal type '%s'",
		    term != NULL ? term : "(unset)");
	set_term(b->screen);
	set_escdelay(esc != NULL && atoi(esc) > 0 ? atoi(esc) : 150);
	cbreak();
	noecho();
	nonl();
	curs_set(0);
	define_keys();
	b->input = newwin(1, 1, 0, 0);
	keypad(b->input, TRUE);
	wtimeout(b->input, POLL_MS);
	view_colors(b);
	view_layout(b);
	return 0;
}

static void
screen_close(struct board *b)
{
	if (b->screen == NULL)
		return;
	if (b->header != NULL)
		delwin(b->header);
	if (b->body != NULL)
		delwin(b->body);
	if (b->footer != NULL)
		delwin(b->footer);
	if (b->input != NULL)
		delwin(b->input);
	b->header = b->body = b->footer = b->input = NULL;
	curs_set(1);
	endwin();
	delscreen(b->screen);
	b->screen = NULL;
}

static void
board_free(struct board *b)
{
	size_t i;

	for (i = 0; i < b->ncols; i++)
		free(b->cols[i].cards);
	free(b->cols);
	tasks_free(b->tasks, b->ntasks);
	plan_clear(&b->plan);
	keymap_lines_free(b->lines);
	free(b->commune);
	free(b->period);
	free(b->mine);
	free(b->search);
	free(b->msg);
	free(b->pending);
	free(b->fatal);
	free(b->script_name);
	if (b->script != NULL)
		fclose(b->script);
	if (b->dump != NULL)
		fclose(b->dump);
	if (b->tty_out != NULL)
		fclose(b->tty_out);
	if (b->tty_in != NULL)
		fclose(b->tty_in);
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

int
board_run(struct store *s, const struct config *c, const char *plan_name,
    char **err)
{
	struct board b;
	bool dirty = true;
	long v;
	int key, rc = 0;

	memset(&b, 0, sizeof b);
	b.s = s;
	b.c = c;
	b.plan_name = plan_name;
	b.f_status = -1;
	b.task_id = -1;
	locale_init();
	if (board_config_check(c, err) != 0 || board_load(&b, err) != 0) {
		board_free(&b);
		return -1;
	}
	if (screen_open(&b, err) != 0) {
		screen_close(&b);
		board_free(&b);
		return -1;
	}
	if (store_readonly(s))
		board_message(&b, true, "Cơ sở dữ liệu chỉ đọc: chỉ xem được");
	else
		board_message(&b, false, "Nhấn ? để xem trợ giúp");
	clamp_cursor(&b);
	while (!b.quit) {
		if (dirty)
			view_draw(&b);
		dirty = false;
		key = board_key(&b);
		if (key == BOARD_EOF)
			break;
		/* Another board's commit changes data_version. */
		v = store_data_version(s);
		if (v != b.data_version) {
			board_reload(&b);
			dirty = true;
		}
		if (key == BOARD_TIMEOUT)
			continue;
		dirty = true;
		if (key == BOARD_RESIZE) {
			view_layout(&b);
			clamp_cursor(&b);
			continue;
		}
		dispatch(&b, key);
	}
	if (b.script != NULL) {
		view_draw(&b);
		dump_screen(&b);
	}
	screen_close(&b);
	if (b.fatal != NULL) {
		fail(err, "%s", b.fatal);
		rc = -1;
	}
	board_free(&b);
	return rc;
}
