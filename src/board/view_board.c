/* SPDX-License-Identifier: ISC */
/* view_board.c: drawing the board's body — the columns of cards, each
 * card a heading (mark, code, points, due date), a line of status and
 * due state, and its title; the current card in the cursor's colours.
 * The header, the footer and the layout are view.c's. */
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "boardui.h"
#include "date.h"
#include "i18n.h"
#include "proofview.h"
#include "text.h"
#include "util.h"

/* The paint of a card's status word and its mark: ! late, ~ due soon,
 * # blocked, + done, > in progress, a space to do. */
static enum paint
status_paint(const struct board *b, const struct task *t, char *mark)
{
	*mark = ' ';
	if (t->status != STATUS_DONE && task_overdue(t))
		*mark = '!';
	else if (board_task_soon(b, t))
		*mark = '~';
	switch (t->status) {
	case STATUS_BLOCKED:
		*mark = *mark == ' ' ? '#' : *mark;
		return PAINT_BLOCKED;
	case STATUS_DONE:
		*mark = '+';
		return PAINT_DONE;
	case STATUS_DOING:
		*mark = *mark == ' ' ? '>' : *mark;
		return PAINT_NORMAL;
	default:
		return PAINT_NORMAL;
	}
}

/* The due state in words and its paint: a one-off task's "5 days late",
 * "due in 3 days"; a recurring target's period ("11/2023: 2/3 bài, due
 * 30/11", or the periods that fell short); a continuing task's "Ongoing
 * · updated 12 days ago".  NULL when there is nothing to say; *count set
 * for a recurring target's, which wins over the status word. */
static char *
due_words(const struct board *b, const struct task *t, enum paint *p,
    bool *count)
{
	char progress[64];
	long d;

	*count = false;
	if (t->status == STATUS_DONE)
		return NULL;
	switch (task_kind(t)) {
	case TASK_CONTINUING:
		return task_ongoing_words(t, true);
	case TASK_RECURRING:
		*count = true;
		if (task_overdue(t)) {
			*p = PAINT_OVERDUE;
			return xstrdup(t->missed);
		}
		if (board_task_soon(b, t))
			*p = PAINT_SOON;
		board_task_progress(b, t, progress, NULL, NULL);
		return xstrdup(progress);
	default:
		break;
	}
	d = date_days_between(today(), t->due);
	if (d < 0) {
		*p = PAINT_OVERDUE;
		return xasprintf(ngettext("%ld day late", "%ld days late",
		    (unsigned long)-d), -d);
	}
	if (!board_task_soon(b, t))
		return NULL;
	*p = PAINT_SOON;
	if (d == 0)
		return xstrdup(_("due today"));
	return xasprintf(ngettext("due in %ld day", "due in %ld days",
	    (unsigned long)d), d);
}

/* A task of a criterion: its proof state ("TLKC 1/3 · 1/2 cuộc",
 * brief "TLKC 1/3"); else its documents, when it has some ("e1"). */
static void
card_proof(const struct board *bd, const struct task *t, int brief,
    struct buf *b)
{
	const struct crit_facts *f;
	const struct proof *p;
	char s[96];

	if (brief > 1)
		return;
	f = t->code != NULL ?
	    board_crit_proof(bd, t->code, &p) : NULL;
	if (f != NULL) {
		proofview_short(&f->list, p, brief > 0, s, sizeof s);
		if (s[0] != '\0')
			buf_addf(b, "%s%s", b->len ? " " : "", s);
	} else if (t->nevidence > 0)
		buf_addf(b, "%se%d", b->len ? " " : "", t->nevidence);
}

/* The person (by the last word of the name, as people are called:
 * "@Lan"), the accountable role of a task for all staff ("→VP-TK"). */
static void
card_people(const struct board *bd, const struct task *t, struct buf *b)
{
	const char *acc = config_accountable(bd->c, t->role), *given;

	if (t->person != NULL) {
		given = strrchr(t->person, ' ');
		buf_addf(b, "%s@%s", b->len ? " " : "",
		    given != NULL ? given + 1 : t->person);
	}
	if (acc != NULL)
		buf_addf(b, "%s%s%s", b->len ? " " : "",
		    view_ascii(bd) ? "->" : "→", acc);
}

/* The count of a counted target's period, supporting roles, the person
 * and accountable role, note count and proof state: "2/3 bài · 11/2023
 * +TP-HT @Lan n2 TLKC 1/3 · 1/2 cuộc"; brief 1 shortens the proof
 * state, 2 leaves it out. */
static char *
card_tail(const struct board *bd, const struct task *t, int brief)
{
	struct buf b = { 0 };
	char *sup, *tok, *save, progress[64];

	/* A recurring target's count is in the due state. */
	if (task_kind(t) != TASK_RECURRING || t->status == STATUS_DONE) {
		board_task_progress(bd, t, progress, NULL, NULL);
		buf_adds(&b, progress);
	}

	if (t->support != NULL && *t->support != '\0') {
		sup = xstrdup(t->support);
		for (tok = strtok_r(sup, ",", &save); tok != NULL;
		    tok = strtok_r(NULL, ",", &save)) {
			if (b.len > 0)
				buf_addc(&b, ' ');
			buf_addf(&b, "+%s", tok);
		}
		free(sup);
	}
	card_people(bd, t, &b);
	if (t->nnotes > 0)
		buf_addf(&b, "%sn%d", b.len ? " " : "", t->nnotes);
	card_proof(bd, t, brief, &b);
	return b.data != NULL ? buf_take(&b) : xstrdup("");
}

/* The cursor: its own colour pair, or reverse video without bold (bold
 * under reverse is a low-contrast colour in PuTTY). */
static attr_t
cursor_attr(const struct board *b, attr_t attr)
{
	if (b->term.cursor_pair)
		return b->term.paint[PAINT_CURSOR];
	return (attr & ~(A_BOLD | A_COLOR)) | A_REVERSE;
}

/* First row: mark, code, points and due date. */
static void
card_heading(struct board *b, int y, int x, int width, const struct task *t,
    attr_t attr)
{
	char mark, pts[32] = "", due[40] = "", *left, *right;
	int lw, rw;

	status_paint(b, t, &mark);
	if (t->has_points)
		view_score(t->points, pts);
	if (t->due != NULL)
		view_date(t->due, due, true);
	else if (task_kind(t) == TASK_CONTINUING)
		snprintf(due, sizeof due, "%s", _("ongoing"));
	left = xasprintf("%c %s%s", mark, t->code != NULL ? t->code : "·",
	    board_task_changed(b, t->id) ? " *" : "");
	right = xasprintf("%s%s%s", pts, *pts && *due ? " · " : "", due);
	lw = text_width(left);
	rw = text_width(right);
	if (lw + 1 + rw > width) {
		view_put(b->term.body, y, x, left, width, attr);
	} else {
		view_put(b->term.body, y, x, left, width - rw, attr);
		view_put(b->term.body, y, x + width - rw, right, rw, attr);
	}
	free(left);
	free(right);
}

/* Second row: the status word and the due state, each in its paint, and
 * the supporting roles and counts (or "supporting") at the right. */
static void
card_status(struct board *b, int y, int x, int width, const struct task *t,
    bool supporting)
{
	char mark, *due, *tail;
	enum paint sp = status_paint(b, t, &mark), dp = PAINT_NORMAL;
	const char *word = status_label(t->status), *sep = " · ";
	int sw, dw, tw, used, k;
	bool count;

	due = due_words(b, t, &dp, &count);
	sw = text_width(word);
	dw = due != NULL ? 3 + text_width(due) : 0;
	/* On a narrow card a period's count wins over the status word
	 * (the heading's mark still tells the status). */
	if (count && sw + dw > width) {
		word = sep = "";
		sw = 0;
		dw -= 3;
	}
	/* A continuing task's "updated N days ago" is said whole or not
	 * at all: its heading says "ongoing", the task view the rest. */
	if (task_kind(t) == TASK_CONTINUING && due != NULL &&
	    sw + dw > width) {
		free(due);
		due = NULL;
		dw = 0;
	}
	tail = supporting ? xstrdup(_("supporting")) : card_tail(b, t, 0);
	/* Where it does not fit, the proof state shortens, then goes. */
	for (k = 1; !supporting && k <= 2 &&
	    sw + dw + 1 + text_width(tail) > width; k++) {
		free(tail);
		tail = card_tail(b, t, k);
	}
	tw = text_width(tail);
	/* After a long status word the counts are cut, not dropped. */
	if (sw + dw + 1 + tw > width)
		tw = dw == 0 && width - sw - 1 >= 4 ? width - sw - 1 : 0;
	view_put(b->term.body, y, x, word, sw < width ? sw : width,
	    b->term.paint[sp]);
	used = sw;
	if (due != NULL && used + 3 < width) {
		if (*sep != '\0') {
			view_put(b->term.body, y, x + used, sep, 3,
			    b->term.paint[PAINT_NORMAL]);
			used += 3;
		}
		view_put(b->term.body, y, x + used, due, width - used - tw,
		    b->term.paint[dp]);
		used = width - tw;
	}
	if (used < width - tw)
		view_put(b->term.body, y, x + used, "", width - tw - used,
		    A_NORMAL);
	if (tw > 0)
		view_put(b->term.body, y, x + width - tw, tail, tw,
		    b->term.paint[PAINT_NORMAL]);
	free(due);
	free(tail);
}

static void
draw_card(struct board *b, int y, int x, int width, const struct task *t,
    bool selected, bool supporting)
{
	char mark, *title, *row;
	const char *p, *next;
	enum paint sp = status_paint(b, t, &mark);
	attr_t attr = b->term.paint[sp];
	int k, rows = view_card_rows(b);
	size_t n;

	/* The heading is late's or soon's colour when the task is. */
	if (mark == '!')
		attr = b->term.paint[PAINT_OVERDUE];
	else if (mark == '~')
		attr = b->term.paint[PAINT_SOON];
	card_heading(b, y, x, width, t, selected ? cursor_attr(b, attr) :
	    attr);
	card_status(b, y + 1, x, width, t, supporting);
	title = text_safe(t->title != NULL ? t->title : "", false);
	for (k = 2, p = title; k < rows; k++) {
		if (k == rows - 1) {
			view_put(b->term.body, y + k, x, p, width,
			    b->term.paint[PAINT_NORMAL]);
			break;
		}
		n = text_wrap_first(p, width, &next);
		row = xstrndup(p, n);
		view_put(b->term.body, y + k, x, row, width,
		    b->term.paint[PAINT_NORMAL]);
		free(row);
		for (p = next; *p == ' '; p++)
			;
	}
	free(title);
}

static void
draw_column(struct board *b, size_t ci, int x, int width, bool more_left,
    bool more_right)
{
	struct column *col = &b->nav.cols[ci];
	bool current = ci == b->nav.col;
	int per = view_cards_per_screen(b), step = view_card_rows(b) + 1, k, rw;
	int avail, tw;
	attr_t attr = b->term.paint[PAINT_COLUMN];
	char *tag, *name;
	struct buf right = { 0 };
	size_t idx, last;

	if (current)
		attr = b->term.cursor_pair ?
		    b->term.paint[PAINT_CURSOR] : A_REVERSE;
	last = col->top + (size_t)per;
	if (last > col->ncards)
		last = col->ncards;
	buf_addf(&right, "%zu/%zu", col->done, col->total);
	if (width >= COLUMN_MIN_WIDTH) {
		buf_addc(&right, ' ');
		view_gauge(b, &right, (long long)col->done,
		    (long long)col->total, 4);
	}
	if (col->top > 0)
		buf_adds(&right, view_ascii(b) ? " ^" : " ↑");
	if (last < col->ncards)
		buf_adds(&right, view_ascii(b) ? " v" : " ↓");
	if (more_right)
		buf_adds(&right, " >");
	/* Only the number and id of the current column are highlighted:
	 * moving to the next column repaints few cells. */
	tag = xasprintf("%s%zu %s", more_left ? "< " : "", ci + 1, col->id);
	name = xasprintf(" %s", col->name);
	rw = text_width(right.data);
	avail = rw + 8 > width ? width : width - rw - 1;
	tw = text_width(tag);
	if (tw > avail)
		tw = avail;
	view_put(b->term.body, 0, x, tag, tw, attr);
	view_put(b->term.body, 0, x + tw, name, avail - tw,
	    b->term.paint[PAINT_COLUMN]);
	if (avail < width) {
		view_put(b->term.body, 0, x + avail, "", 1,
		    b->term.paint[PAINT_COLUMN]);
		view_put(b->term.body, 0, x + width - rw, right.data, rw,
		    b->term.paint[PAINT_COLUMN]);
	}
	free(name);
	free(tag);
	buf_free(&right);
	if (col->ncards == 0) {
		view_put(b->term.body, 1, x,
		    col->total ? _("(no matching task)") : _("(empty)"), width,
		    A_NORMAL);
		return;
	}
	for (k = 0, idx = col->top; idx < last; k++, idx++)
		draw_card(b, 1 + k * step, x, width,
		    &b->data.tasks[col->cards[idx]], current && idx == col->cur,
		    idx >= col->nown);
}

void
view_board_draw(struct board *b)
{
	int width, nvis, i, rows = view_body_rows(b);
	size_t ci;
	cchar_t bar;

	setcchar(&bar, L"│", A_NORMAL, 0, NULL);
	werase(b->term.body);
	if (b->nav.ncols == 0) {
		view_put(b->term.body, 1, 0, _("No tasks yet"), COLS, A_NORMAL);
		return;
	}
	nvis = view_columns_on_screen(b, &width);
	for (i = 0; i < nvis; i++) {
		ci = b->nav.left + (size_t)i;
		if (ci >= b->nav.ncols)
			break;
		draw_column(b, ci, i * (width + 1), width,
		    i == 0 && b->nav.left > 0,
		    i == nvis - 1 && ci + 1 < b->nav.ncols);
		if (i + 1 < nvis && ci + 1 < b->nav.ncols)
			mvwvline_set(b->term.body, 0, i * (width + 1) + width,
			    &bar, rows);
	}
}
