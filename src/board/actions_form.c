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

void
actions_due(struct board *b)
{
	struct task *t;
	char shown[11] = "", iso[11], *text;
	long id;

	if ((t = actions_target_may(b, PERM_DUE)) == NULL)
		return;
	id = t->id;
	if (t->due != NULL)
		i18n_date(t->due, shown, sizeof shown);
	/* TRANSLATORS: the date format of i18n_date (vi: dd/mm/yyyy). */
	text = prompt_line(b, _("New due date (YYYY-MM-DD): "), shown, true);
	if (text != NULL)
		trim_spaces(text);
	if (text == NULL || *text == '\0') {
		board_message(b, false, "%s", _("Cancelled"));
	} else if (!date_parse(text, iso)) {
		board_message(b, true, _("Invalid date: %s"), text);
	} else if ((t = board_task_by_id(b, id)) != NULL) {
		actions_write_set(b, t, "due", iso, NULL, NULL);
	}
	free(text);
}

void
actions_add(struct board *b)
{
	struct core_result r = { -1, -1, "", NULL };
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
	if ((rc = core_task_add(b->s, perm_self(), b->c, b->data.plan.id, role,
	    title, &r, &err)) != CORE_OK) {
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
