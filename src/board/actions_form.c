/* SPDX-License-Identifier: ISC */
/* actions_form.c: the keys that ask for text in the footer — e (a
 * piece of evidence, field by field), n and E (a note, a piece of
 * evidence), + and - (an occurrence of a counted target), d (the due
 * date), a (a new task in the current column). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "actions_impl.h"
#include "boardui.h"
#include "core.h"
#include "date.h"
#include "i18n.h"
#include "keymap.h"
#include "perm.h"
#include "text.h"
#include "util.h"
#include "words.h"

/* Spaces around typed text go: " 15/10/2023 " is a date, "  " nothing. */
static void
trim_spaces(char *s)
{
	size_t n = strlen(s), i = 0;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	s[n] = '\0';
	while (s[i] == ' ')
		i++;
	memmove(s, s + i, n - i + 1);
}

/* A field of the evidence form; NULL when the user pressed Esc. */
static char *
ask_field(struct board *b, const char *label, const char *initial)
{
	char *v = prompt_line(b, label, initial, initial != NULL);

	if (v != NULL)
		trim_spaces(v);
	return v;
}

/* Document e added to task id; one of that number and date already in
 * the register is the same document: linked to the task instead. */
static void
add_or_link(struct board *b, long id, const struct evidence *e)
{
	struct core_result r = { 0 };
	char *err = NULL;
	int k;

	k = core_evidence_add(b->s, perm_self(), &id, 1, e, &r, &err);
	if (k == CORE_DUPLICATE)
		k = core_evidence_link(b->s, perm_self(), b->data.plan.id,
		    r.id, &id, 1, 0, NULL, &err);
	else if (k == CORE_OK) {
		board_message(b, false, "%s", _("Document added"));
		return;
	}
	if (k == CORE_NONE)
		board_message(b, true, _("Document #%ld is already linked to "
		    "this task"), r.id);
	else if (k == CORE_OK)
		board_message(b, false, _("Document #%ld (already registered) "
		    "linked to this task"), r.id);
	else
		actions_not_written(b, k, err);
	free(err);
}

/* e: evidence, a document — number, date, issuer, summary, signed,
 * file or link.  Esc at any field cancels; number and date are needed. */
void
actions_evidence(struct board *b)
{
	struct evidence e = { 0 };
	struct task *t;
	char shown[11], iso[11], *num, *day = NULL;
	long id;
	int k;

	if ((t = actions_target_may(b, PERM_EVIDENCE)) == NULL)
		return;
	id = t->id;
	num = ask_field(b, _("Document number and symbol (158/BC-UBND): "),
	    NULL);
	if (num != NULL && *num != '\0') {
		i18n_date(today(), shown, sizeof shown);
		day = ask_field(b, _("Document date: "), shown);
	}
	if (day == NULL || *day == '\0') {
		board_message(b, false, "%s", _("Cancelled"));
		goto out;
	}
	if (!date_parse(day, iso)) {
		board_message(b, true, _("Invalid date: %s"), day);
		goto out;
	}
	e.number = num;
	e.day = iso;
	if ((e.issuer = ask_field(b, _("Issued by (optional): "), NULL)) ==
	    NULL ||
	    (e.summary = ask_field(b, _("Summary (optional): "), NULL)) ==
	    NULL ||
	    (k = prompt_key(b, _("Digitally signed? (y/n)"))) < 0 ||
	    (e.file = ask_field(b, _("File or link (optional): "), NULL)) ==
	    NULL) {
		board_message(b, false, "%s", _("Cancelled"));
		goto out;
	}
	e.is_signed = k == 'y' || k == 'Y';
	add_or_link(b, id, &e);
	board_reload(b);
out:
	free(num);
	free(day);
	free(e.issuer);
	free(e.summary);
	free(e.file);
}

/* + and -: record one occurrence today (with an optional note) or
 * retract the latest of the current period. */
void
actions_tick(struct board *b, bool add)
{
	struct task *t;
	char *note = NULL, *err = NULL;
	int rc;
	long id;

	if ((t = actions_target_may(b, PERM_TICK)) == NULL)
		return;
	id = t->id;
	if (add) {
		note = prompt_line(b, _("Occurrence today; note (optional): "),
		    NULL, false);
		if (note == NULL) {
			board_message(b, false, "%s", _("Cancelled"));
			return;
		}
		rc = core_tick(b->s, perm_self(), id, today(), note, &err);
	} else {
		rc = core_untick(b->s, perm_self(), id, NULL, &err);
	}
	if (rc < 0 || rc == CORE_NO_TARGET)
		actions_not_written(b, rc, err);
	else if (rc == CORE_NONE)
		board_message(b, true, "%s", _("No occurrence in the current "
		    "period"));
	else
		board_message(b, false, "%s", add ? _("Occurrence recorded") :
		    _("Occurrence retracted"));
	free(note);
	free(err);
	board_reload(b);
}

void
actions_note(struct board *b, const char *kind)
{
	struct task *t;
	bool evidence = strcmp(kind, "evidence") == 0;
	char *text, *err = NULL;
	long id;
	int rc;

	if ((t = actions_target_may(b, evidence ? PERM_EVIDENCE :
	    PERM_NOTE)) == NULL)
		return;
	id = t->id;
	text = prompt_line(b, evidence ? _("Evidence: ") : _("Note: "), NULL,
	    false);
	if (text == NULL || *text == '\0') {
		board_message(b, false, "%s", _("Cancelled"));
		free(text);
		return;
	}
	if ((rc = core_note(b->s, perm_self(), id, kind, text, &err)) != 0)
		actions_not_written(b, rc, err);
	else
		board_message(b, false, "%s", evidence ?
		    _("Evidence added") : _("Note added"));
	free(err);
	free(text);
	board_reload(b);
}

/* The schedule form's answers: the date or "ongoing" (a bad one said
 * at once, *err), then the period (empty: none, or as it is) and the
 * count.  False when cancelled (Esc, or nothing typed) or bad. */
static bool
ask_schedule(struct board *b, const struct task *now, char **when,
    char **every, char **target, char **err)
{
	struct schedule sc;
	char shown[16] = "", day[11];
	/* A copy: the board may reload while it asks. */
	struct task t0 = { .due = now->due, .every = now->every,
	    .target = now->target }, *t = &t0;

	t0.due = t0.due != NULL ? xstrdup(t0.due) : NULL;
	t0.every = xstrdup(t0.every != NULL ? t0.every : "");
	t0.target = xstrdup(t0.target != NULL ? t0.target : "");
	*every = *target = NULL;
	if (t->due != NULL)
		i18n_date(t->due, shown, sizeof shown);
	else
		snprintf(shown, sizeof shown, "%s", _("ongoing"));
	/* TRANSLATORS: the date format of i18n_date (vi: dd/mm/yyyy). */
	*when = ask_field(b, _("Due date (YYYY-MM-DD, or ongoing): "),
	    shown);
	if (*when != NULL && **when != '\0' &&
	    core_schedule_parse(*when, NULL, NULL, day, &sc, err) == CORE_OK)
		*every = ask_field(b, _("Every (month, quarter, year, or "
		    "none): "), t->every);
	if (*every != NULL && **every == '\0') {
		free(*every);
		*every = NULL;
		task_clear(&t0);
		return true;
	}
	if (*every != NULL)
		*target = ask_field(b, _("Target each period (3, 3 bài): "),
		    t->target);
	task_clear(&t0);
	return *target != NULL && **target != '\0';
}

/* D: the selected task's schedule (core_schedule, as `parboard due`). */
void
actions_due(struct board *b)
{
	struct core_result r = { -1, 0, "", NULL };
	struct core_opts o = { .guard = true };
	struct schedule sc;
	struct task *t;
	char day[11], said[16], *when, *every, *target, *err = NULL, *label;
	char *shown, *what;
	long id;
	int rc;

	if ((t = actions_target_may(b, PERM_DUE)) == NULL)
		return;
	id = t->id;
	label = actions_task_label(t);
	shown = t->due != NULL ? xstrdup(t->due) : NULL;
	o.shown = shown;
	if (!ask_schedule(b, t, &when, &every, &target, &err)) {
		if (err != NULL)
			board_message(b, true, "%s", err);
		else
			board_message(b, false, "%s", _("Cancelled"));
	} else if (core_schedule_parse(when, every, target, day, &sc,
	    &err) != CORE_OK) {
		board_message(b, true, "%s", err);
	} else {
		rc = core_schedule(b->s, perm_self(), id, &sc, &o, &r, &err);
		board_reload(b);
		if (rc != CORE_OK) {
			actions_not_written(b, rc, err);
		} else {
			board_message(b, false, _("%s: due %s"), label,
			    sc.due != NULL ? i18n_date(sc.due, said,
			    sizeof said) : _("ongoing"));
			what = words_undo(label, HK_DUE, shown, sc.due);
			actions_undo_push(b, r.row, what);
		}
	}
	free(err);
	free(when);
	free(every);
	free(target);
	free(shown);
	free(label);
}

/* The new task's due date, offered as core_new_task_due says; false
 * (said) when cancelled or not a date. */
static bool
ask_new_due(struct board *b, const char *role, struct schedule *sc,
    char day[11])
{
	char offer[11], shown[16], *when, *err = NULL;
	bool ok;

	core_new_task_due(b->c, role, b->data.deadline, offer);
	/* TRANSLATORS: the date format of i18n_date (vi: dd/mm/yyyy). */
	when = ask_field(b, _("Due date (YYYY-MM-DD, or ongoing): "),
	    i18n_date(offer, shown, sizeof shown));
	if (when == NULL || *when == '\0') {
		board_message(b, false, "%s", _("Cancelled"));
		free(when);
		return false;
	}
	ok = core_schedule_parse(when, NULL, NULL, day, sc, &err) == CORE_OK;
	if (!ok)
		board_message(b, true, "%s", err);
	free(err);
	free(when);
	return ok;
}

void
actions_add(struct board *b)
{
	struct core_result r = { -1, -1, "", NULL };
	struct schedule sc;
	char day[11];
	const char *role;
	char *title, *label, *err = NULL;
	struct column *col;
	size_t i;
	int rc;

	if (b->nav.ncols == 0 || !actions_writable(b))
		return;
	if (core_may_add(perm_self(), b->nav.cols[b->nav.col].id,
	    &err) != CORE_OK) {
		board_message(b, true, "%s", err);
		free(err);
		return;
	}
	role = b->nav.cols[b->nav.col].id;
	label = xasprintf(_("New task (%s): "), role);
	title = prompt_line(b, label, NULL, false);
	free(label);
	if (title == NULL || *title == '\0') {
		board_message(b, false, "%s", _("Cancelled"));
		free(title);
		return;
	}
	role = xstrdup(role);
	if (!ask_new_due(b, role, &sc, day)) {
		free(title);
		free((char *)role);
		return;
	}
	if ((rc = core_task_add(b->s, perm_self(), b->c, b->data.plan.id, role,
	    title, &sc, &r, &err)) != CORE_OK) {
		actions_not_written(b, rc, err);
	} else {
		board_message(b, false, _("Task added to column %s"), role);
	}
	free(err);
	free(title);
	board_reload(b);
	if (rc == CORE_OK && (col = board_column_find(b, role)) != NULL) {
		b->nav.col = (size_t)(col - b->nav.cols);
		for (i = 0; i < col->ncards; i++)
			if (b->data.tasks[col->cards[i]].id == r.id)
				col->cur = i;
	}
	free((char *)role);
}
