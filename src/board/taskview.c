/* SPDX-License-Identifier: ISC */
/* taskview.c: the task view (everything about one task: texts, scores,
 * due date and its source, notes, evidence, history) and the help view
 * (the effective key table), both as lines of text wrapped to the screen
 * and scrolled.  A line starting with TITLE_MARK is a heading. */
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "boardui.h"
#include "date.h"
#include "evidence.h"
#include "i18n.h"
#include "keymap.h"
#include "proofview.h"
#include "text.h"
#include "words.h"
#include "util.h"

static void
lines_add(char ***lines, size_t *n, size_t *cap, char *line)
{
	*lines = xgrow(*lines, cap, *n + 2, sizeof **lines);
	(*lines)[(*n)++] = line;
	(*lines)[*n] = NULL;
}

void
taskview_wrap(const char *text, int width, const char *indent,
    char ***lines, size_t *n, size_t *cap)
{
	char *c = text_safe(text, true), *para, *save;
	const char *rest, *next;
	size_t len;
	int w = width - text_width(indent);

	if (w < 1)
		w = 1;
	for (para = strtok_r(c, "\n", &save); para != NULL;
	    para = strtok_r(NULL, "\n", &save)) {
		rest = para;
		while (*rest == ' ')
			rest++;
		while (*rest != '\0') {
			len = text_wrap_first(rest, w, &next);
			lines_add(lines, n, cap, xasprintf("%s%.*s", indent,
			    (int)len, rest));
			rest = next;
			while (*rest == ' ')
				rest++;
		}
	}
	free(c);
}

/* What a task without a criterion code is, by where it came from. */
static const char *
origin_label(enum origin o)
{
	static const char *const label[] = {
		[ORIGIN_APPENDIX] = N_("Appendix task"),
		[ORIGIN_DIRECTIVE] = N_("Directive task"),
		[ORIGIN_MANUAL] = N_("Task added by hand"),
	};

	return _(label[o <= ORIGIN_MANUAL ? o : ORIGIN_MANUAL]);
}

/* A row dated with --today on another day than the clock's: when it was
 * really written (a line under it), so a forged date shows; else NULL. */
static char *
clock_mark(const struct history *h)
{
	char day[11], d[11];

	if (h->clock == NULL || h->at == NULL || strlen(h->clock) < 16 ||
	    strncmp(h->clock, h->at, 10) == 0)
		return NULL;
	snprintf(day, sizeof day, "%.10s", h->clock);
	i18n_date(day, d, sizeof d);
	return xasprintf(_("(written %s %.5s, dated with --today)"), d,
	    h->clock + 11);
}

#define TITLE_MARK "\001"

static void proof_lines(struct board *b, const struct task *t, int width,
    char ***lines, size_t *n, size_t *cap);
static void register_lines(struct board *, const struct task *, int,
    char ***, size_t *, size_t *);

/* "Due 31/10/2023 (default) · in 48 days": the date, where it comes from
 * and, for a task not done, how far it is. */
static char *
due_line(const struct task *t)
{
	char d[11], *line, *when, *all;
	long days = date_days_between(today(), t->due);

	i18n_date(t->due, d, sizeof d);
	line = xasprintf(_("Due %s (%s)"), d, words_due_source(t->due_source));
	/* A recurring target is late by its periods, not by this date. */
	if (t->status == STATUS_DONE || task_kind(t) == TASK_RECURRING)
		return line;
	if (days < 0)
		when = xasprintf(ngettext("%ld day overdue", "%ld days overdue",
		    (unsigned long)-days), -days);
	else if (days == 0)
		when = xstrdup(_("today"));
	else
		when = xasprintf(ngettext("in %ld day", "in %ld days",
		    (unsigned long)days), days);
	all = xasprintf("%s · %s", line, when);
	free(line);
	free(when);
	return all;
}

/* The heading: code, role, status, the title and the criterion's. */
static void
head_lines(const struct board *b, const struct task *t, int width,
    char ***lines, size_t *n, size_t *cap)
{
	const struct role *r = config_role(b->c, t->role);
	char *line;

	lines_add(lines, n, cap, xasprintf(TITLE_MARK "%s · %s%s%s · %s",
	    t->code ? t->code : origin_label(t->origin), t->role, r ? " " : "",
	    r ? r->name : "", status_label(t->status)));
	taskview_wrap(t->title, width, "", lines, n, cap);
	if (t->crit_title != NULL && t->title != NULL &&
	    strcmp(t->crit_title, t->title) != 0) {
		line = xasprintf(_("Criterion: %s"), t->crit_title);
		taskview_wrap(line, width, "", lines, n, cap);
		free(line);
	}
	if (t->links != NULL && t->links[0] != '\0') {
		line = xasprintf(_("Also serves: %s"), t->links);
		taskview_wrap(line, width, "", lines, n, cap);
		free(line);
	}
	lines_add(lines, n, cap, xstrdup(""));
}

/* The scores, a deduction that does not add up, the points. */
static void
score_lines(const struct task *t, int width, char ***lines, size_t *n,
    size_t *cap)
{
	char *line, s1[32], s2[32];
	struct buf sc = { 0 };

	if (t->has & HAS_STANDARD) {
		view_score(t->standard, s1);
		buf_addf(&sc, _("Standard score %s"), s1);
	}
	if (t->has & HAS_SELF) {
		view_score(t->self, s1);
		buf_adds(&sc, sc.len ? " · " : "");
		buf_addf(&sc, _("Self-assessed %s"), s1);
	}
	if (t->has & HAS_APPRAISED) {
		view_score(t->appraised, s1);
		buf_adds(&sc, sc.len ? " · " : "");
		buf_addf(&sc, _("Appraised %s"), s1);
	}
	if (t->has & HAS_DEDUCTION) {
		view_score(t->deduction, s1);
		buf_adds(&sc, sc.len ? " · " : "");
		buf_addf(&sc, _("Deduction %s"), s1);
	}
	if (sc.len > 0)
		taskview_wrap(sc.data, width, "", lines, n, cap);
	buf_free(&sc);
	if ((t->has & (HAS_STANDARD | HAS_APPRAISED | HAS_DEDUCTION)) ==
	    (HAS_STANDARD | HAS_APPRAISED | HAS_DEDUCTION) &&
	    llabs(t->deduction) != t->standard - t->appraised) {
		view_score(t->deduction, s1);
		view_score(t->standard - t->appraised, s2);
		line = xasprintf(_("(!) The deduction says %s but standard − "
		    "appraised is %s"), s1, s2);
		taskview_wrap(line, width, "", lines, n, cap);
		free(line);
	}
}

/* The criterion's rule and three numbers (scoreview.h): its kind, the
 * numbers, the year's b/a and the best case, lost or assumed. */
static void
crit_lines(const struct board *b, const struct task *t, int width,
    char ***lines, size_t *n, size_t *cap)
{
	const struct crit_rule *r = scoreview_rule(&b->data.sv, t->code);
	char *line, *what[4];
	size_t i, k;

	if (r == NULL || scoreview_get(&b->data.sv, t->code) == NULL)
		return;
	what[0] = scoreview_rule_words(r);
	line = xasprintf(_("Scored as: %s"), what[0]);
	free(what[0]);
	taskview_wrap(line, width, "", lines, n, cap);
	free(line);
	k = scoreview_crit_lines(&b->data.sv, t->code, what);
	for (i = 0; i < k; i++) {
		taskview_wrap(what[i], width, "", lines, n, cap);
		free(what[i]);
	}
}

/* The due date, the person, the accountable role (accountable: NULL
 * for none), the supporting roles and the counted target. */
static void
plan_lines(const struct task *t, const char *accountable, int width,
    char ***lines, size_t *n, size_t *cap)
{
	char *line, *what;

	if (task_kind(t) == TASK_CONTINUING)
		lines_add(lines, n, cap, task_ongoing_words(t, false));
	else
		lines_add(lines, n, cap, due_line(t));
	if (t->person != NULL) {
		line = xasprintf(_("Person: %s"), t->person);
		taskview_wrap(line, width, "", lines, n, cap);
		free(line);
	}
	if (accountable != NULL) {
		line = xasprintf(_("Accountable role: %s"), accountable);
		taskview_wrap(line, width, "", lines, n, cap);
		free(line);
	}
	if (t->support != NULL && *t->support != '\0') {
		line = xasprintf(_("Supporting roles: %s"), t->support);
		taskview_wrap(line, width, "", lines, n, cap);
		free(line);
	}
	if (t->target != NULL || t->every != NULL) {
		what = xasprintf("%s%s%s", t->target ? t->target : "",
		    t->every ? " / " : "", t->every ? t->every : "");
		line = xasprintf(_("Target: %s"), what);
		free(what);
		taskview_wrap(line, width, "", lines, n, cap);
		free(line);
	}
}

/* A titled section of text, after a blank line; none when text is
 * empty. */
static void
section_lines(const char *title, const char *text, int width,
    char ***lines, size_t *n, size_t *cap)
{
	if (text == NULL || *text == '\0')
		return;
	lines_add(lines, n, cap, xstrdup(""));
	lines_add(lines, n, cap, xasprintf(TITLE_MARK "%s", title));
	taskview_wrap(text, width, "", lines, n, cap);
}

/* The notes and the evidence, each under its title with its count. */
static void
notes_lines(const struct history *h, size_t nh, int width, char ***lines,
    size_t *n, size_t *cap)
{
	static const enum history_kind kinds[] = { HK_NOTE, HK_EVIDENCE };
	static const char *const titles[] = { N_("Notes"), N_("Evidence") };
	char *line, s1[32], d[11];
	size_t i, k, cnt;

	for (k = 0; k < 2; k++) {
		for (i = cnt = 0; i < nh; i++)
			cnt += h[i].kind == kinds[k];
		if (cnt == 0)
			continue;
		lines_add(lines, n, cap, xstrdup(""));
		lines_add(lines, n, cap, xasprintf(TITLE_MARK "%s (%zu)",
		    _(titles[k]), cnt));
		for (i = 0; i < nh; i++) {
			if (h[i].kind != kinds[k])
				continue;
			snprintf(s1, sizeof s1, "%.10s",
			    h[i].at ? h[i].at : "");
			i18n_date(s1, d, sizeof d);
			line = xasprintf("%s %s: %s", d, h[i].user ? h[i].user :
			    "?", h[i].new ? h[i].new : "");
			taskview_wrap(line, width, "", lines, n, cap);
			free(line);
		}
	}
}

/* The notes, the evidence and the whole history of task id. */
static void
history_lines(struct board *b, long id, int width, char ***lines,
    size_t *n, size_t *cap)
{
	struct history *h = NULL;
	size_t nh = 0, i;
	char *err = NULL, *line;

	if (store_history(b->s, id, &h, &nh, &err) != 0) {
		lines_add(lines, n, cap, xasprintf(_("Cannot read the history: "
		    "%s"), err ? err : "?"));
		free(err);
		nh = 0;
	}
	notes_lines(h, nh, width, lines, n, cap);
	lines_add(lines, n, cap, xstrdup(""));
	lines_add(lines, n, cap, xasprintf(TITLE_MARK "%s", _("History")));
	for (i = 0; i < nh; i++) {
		line = words_history(&h[i]);
		taskview_wrap(line, width, "", lines, n, cap);
		free(line);
		if ((line = clock_mark(&h[i])) != NULL)
			taskview_wrap(line, width, "  ", lines, n, cap);
		free(line);
	}
	history_free(h, nh);
}

static void
task_lines(struct board *b, int width, char ***lines, size_t *n,
    size_t *cap)
{
	struct task t;
	char *err = NULL;

	memset(&t, 0, sizeof t);
	if (store_task_get(b->s, b->nav.task_id, &t, &err) != 0) {
		lines_add(lines, n, cap, xasprintf(_("Cannot read the task: "
		    "%s"), err ? err : "?"));
		free(err);
		return;
	}
	head_lines(b, &t, width, lines, n, cap);
	score_lines(&t, width, lines, n, cap);
	crit_lines(b, &t, width, lines, n, cap);
	plan_lines(&t, config_accountable(b->c, t.role), width, lines, n,
	    cap);
	register_lines(b, &t, width, lines, n, cap);
	section_lines(_("Council's comment"), t.comment, width, lines,
	    n, cap);
	section_lines(_("Assigned to"), t.assignee, width, lines, n, cap);
	history_lines(b, t.id, width, lines, n, cap);
	task_clear(&t);
}

/* A help line wrapped to width, its later rows under the help text. */
static void
help_line_wrap(const char *line, int width, char ***lines, size_t *n,
    size_t *cap)
{
	const char *rest = line, *next;
	int indent = 0, w;
	size_t len;

	if (*rest == '\0')
		lines_add(lines, n, cap, xstrdup(""));
	while (*rest != '\0') {
		w = width - indent > 1 ? width - indent : 1;
		len = text_wrap_first(rest, w, &next);
		lines_add(lines, n, cap, xasprintf("%*s%.*s", indent, "",
		    (int)len, rest));
		rest = next;
		while (*rest == ' ')
			rest++;
		indent = KEYMAP_HELP_KEYS + 4;
	}
}

static void
help_lines(struct board *b, int width, char ***lines, size_t *n,
    size_t *cap)
{
	char **keys = keymap_help_lines();
	size_t i;

	lines_add(lines, n, cap, xasprintf(TITLE_MARK "%s", _("Help: keys")));
	lines_add(lines, n, cap, xstrdup(""));
	for (i = 0; keys[i] != NULL; i++) {
		if (keys[i][0] != ' ' && keys[i][0] != '\0')
			lines_add(lines, n, cap, xasprintf(TITLE_MARK "%s",
			    keys[i]));
		else
			help_line_wrap(keys[i], width, lines, n, cap);
	}
	keymap_lines_free(keys);
	lines_add(lines, n, cap, xstrdup(""));
	lines_add(lines, n, cap, xasprintf(TITLE_MARK "%s", _("Card marks")));
	taskview_wrap(_("! overdue · ~ due soon · > doing · + done · # blocked · "
	    "+ROLE supporting role · n2 two notes · e1 one piece of "
	    "evidence"), width, "  ", lines, n, cap);
	taskview_wrap(_("* changed since the last meeting (c lists the changes; the "
	    "header counts them: *3) "
	    "· e0 done, but no document proves it · 2/3 bài · 11/2023 the "
	    "current period's count of a counted target"), width, "  ",
	    lines, n, cap);
}

/* The `c` view: the net changes since the last meeting. */
static void
changes_lines(struct board *b, int width, char ***lines, size_t *n,
    size_t *cap)
{
	size_t k, i;
	char **v = board_changes_lines(b, width, &k);

	for (i = 0; i < k; i++) {
		if (v[i][0] == TITLE_MARK[0] || v[i][0] == '\0')
			lines_add(lines, n, cap, v[i]);
		else {
			taskview_wrap(v[i], width, "  ", lines, n, cap);
			free(v[i]);
		}
	}
	free(v);
}

/* Issue 8 in the task view: every period of a counted target and the
 * documents that prove the task. */
/* The documents linked to the tasks of criterion code, in *out sorted
 * by id (by_id), for the proof's lines. */
static void
crit_documents(struct board *b, const char *code, struct evidence **all,
    size_t *nall)
{
	struct evidence *e;
	size_t i, ne;
	char *err = NULL;

	*all = NULL;
	*nall = 0;
	for (i = 0; i < b->data.ntasks; i++) {
		if (b->data.tasks[i].code == NULL ||
		    strcmp(b->data.tasks[i].code, code) != 0)
			continue;
		if (store_evidence_list(b->s, b->data.plan.id,
		    b->data.tasks[i].id, &e, &ne, &err) != 0) {
			free(err);
			err = NULL;
			continue;
		}
		*all = xrealloc(*all, (*nall + ne + 1) * sizeof **all);
		if (ne > 0)	/* e is NULL when there is none */
			memcpy(*all + *nall, e, ne * sizeof *e);
		*nall += ne;
		free(e);	/* its texts now *all's */
	}
}

/* The criterion's proof (proof.h): each required item with the document
 * that fills it or open, the counted target, the giải trình. */
static void
proof_lines(struct board *b, const struct task *t, int width,
    char ***lines, size_t *n, size_t *cap)
{
	const struct crit_facts *f;
	const struct proof *p;
	const struct evidence **byid;
	struct evidence *all;
	struct buf out = { 0 };
	char *line, *save;
	size_t nall, i;

	if (t->code == NULL || (f = board_crit_proof(b, t->code, &p)) == NULL)
		return;
	crit_documents(b, t->code, &all, &nall);
	byid = xcalloc(nall + 1, sizeof *byid);
	for (i = 0; i < nall; i++)
		byid[i] = &all[i];
	xqsort(byid, nall, sizeof *byid, proofview_id_cmp);
	proofview_section(&out, f, p, byid, nall, FORMAT_TEXT);
	lines_add(lines, n, cap, xstrdup(""));
	for (line = strtok_r(out.data, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		taskview_wrap(line, width, "      ", lines, n, cap);
	buf_free(&out);
	free(byid);
	evidence_free(all, nall);
}

static void
register_lines(struct board *b, const struct task *t, int width,
    char ***lines, size_t *n, size_t *cap)
{
	struct evidence *e;
	char **per, buf[64], day[16], *err = NULL;
	size_t np, ne, i;

	board_task_progress(b, t, buf, &per, &np);
	if (np > 0) {
		lines_add(lines, n, cap, xstrdup(""));
		lines_add(lines, n, cap, xasprintf(TITLE_MARK "%s",
		    _("Periods")));
		for (i = 0; i < np; i++) {
			taskview_wrap(per[i], width, "  ", lines, n, cap);
			free(per[i]);
		}
	}
	free(per);
	if (store_evidence_list(b->s, b->data.plan.id, t->id, &e, &ne,
	    &err) != 0) {
		free(err);
		return;
	}
	lines_add(lines, n, cap, xstrdup(""));
	lines_add(lines, n, cap, xasprintf(TITLE_MARK "%s",
	    _("Verification documents")));
	for (i = 0; i < ne; i++) {
		char *line = xasprintf("#%ld %s%s%s%s%s%s%s%s%s", e[i].id,
		    e[i].number ? e[i].number : "", e[i].day ? ", " : "",
		    e[i].day ? i18n_date(e[i].day, day, sizeof day) : "",
		    e[i].issuer ? ", " : "", e[i].issuer ? e[i].issuer : "",
		    e[i].summary ? ": " : "", e[i].summary ? e[i].summary : "",
		    e[i].is_signed ? " · " : "",
		    e[i].is_signed ? _("digitally signed") : "");

		taskview_wrap(line, width, "  ", lines, n, cap);
		free(line);
		if (e[i].file != NULL) {
			line = xasprintf("  %s", e[i].file);
			taskview_wrap(line, width, "    ", lines, n, cap);
			free(line);
		}
	}
	if (ne == 0)
		lines_add(lines, n, cap, xasprintf("  %s",
		    t->crit_title != NULL ? _("(no document)") : _("(none)")));
	evidence_free(e, ne);
	proof_lines(b, t, width, lines, n, cap);
}

void
taskview_lines_build(struct board *b)
{
	size_t n = 0, cap = 0;
	char **lines = NULL;
	int width = COLS - 2;

	keymap_lines_free(b->nav.lines);
	lines_add(&lines, &n, &cap, NULL);
	n = 0;
	if (b->nav.view == VIEW_TASK)
		task_lines(b, width, &lines, &n, &cap);
	else if (b->nav.view == VIEW_CHANGES)
		changes_lines(b, width, &lines, &n, &cap);
	else
		help_lines(b, width, &lines, &n, &cap);
	b->nav.lines = lines;
	b->nav.nlines = n;
	b->nav.lines_stale = false;
}

void
taskview_draw_text(struct board *b)
{
	int rows = view_body_rows(b), y, max;
	const char *line;

	if (b->nav.lines_stale || b->nav.lines == NULL)
		taskview_lines_build(b);
	max = (int)b->nav.nlines - rows;
	if (b->nav.scroll > max)
		b->nav.scroll = max;
	if (b->nav.scroll < 0)
		b->nav.scroll = 0;
	werase(b->term.body);
	for (y = 0; y < rows &&
	    (size_t)(b->nav.scroll + y) < b->nav.nlines; y++) {
		line = b->nav.lines[b->nav.scroll + y];
		if (strncmp(line, TITLE_MARK, 1) == 0)
			view_put(b->term.body, y, 1, line + 1, COLS - 1,
			    b->term.paint[PAINT_TITLE]);
		else
			view_put(b->term.body, y, 1, line, COLS - 1, A_NORMAL);
	}
}

