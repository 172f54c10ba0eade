/* SPDX-License-Identifier: ISC */
/* task.c: what a task is and the rules about it — statuses and their
 * labels, the overdue rule, the points rule.  Pure: no SQL, no I/O
 * beyond today() (date.c, pinned by --today). */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "targets.h"
#include "task.h"
#include "text.h"
#include "util.h"

/* --- statuses -------------------------------------------------------- */

static const char *const status_names[STATUS_COUNT] = {
	"todo", "doing", "done", "blocked",
};
/* Labels shown to people, in their language. */
static const char *const status_labels[STATUS_COUNT] = {
	N_("To do"), N_("In progress"), N_("Done"), N_("Blocked"),
};
/* Words a person may type for a status whatever the language: a
 * Vietnamese office writes "Đã hoàn thành" in its scripts even when a
 * colleague reads the board in English, and older scripts still say
 * "Hoàn thành" (the labels before po/GLOSSARY).  Input, not messages. */
static const char *const status_words_vi[STATUS_COUNT] = {
	"Chưa thực hiện", "Đang thực hiện", "Đã hoàn thành", "Có vướng mắc",
};
static const char *const status_words_old[STATUS_COUNT] = {
	"Chưa làm", "Đang làm", "Hoàn thành", "Vướng mắc",
};

const char *
status_name(enum status st)
{
	return (unsigned)st < STATUS_COUNT ? status_names[st] : "todo";
}

const char *
status_label(enum status st)
{
	return (unsigned)st < STATUS_COUNT ? _(status_labels[st]) : "?";
}

/* The folded s is one of the words for status i. */
static bool
status_word(const char *f, int i)
{
	const char *words[] = {
		status_labels[i], _(status_labels[i]), status_words_vi[i],
		status_words_old[i]
	};
	bool yes = false;
	size_t k;
	char *g;

	if (strcmp(f, status_names[i]) == 0)
		return true;
	for (k = 0; k < sizeof words / sizeof words[0] && !yes; k++) {
		g = text_fold(words[k]);
		yes = strcmp(f, g) == 0;
		free(g);
	}
	return yes;
}

/* The name, the English label, the label in the user's language or the
 * Vietnamese one, folded. */
bool
status_parse(const char *s, enum status *out)
{
	char *f;
	bool found = false;
	int i;

	if (s == NULL)
		return false;
	f = text_fold(s);
	for (i = 0; i < STATUS_COUNT && !found; i++) {
		if (status_word(f, i)) {
			*out = (enum status)i;
			found = true;
		}
	}
	free(f);
	return found;
}

enum status
status_from_name(const char *s)
{
	int i;

	for (i = 0; s != NULL && i < STATUS_COUNT; i++)
		if (strcmp(s, status_names[i]) == 0)
			return (enum status)i;
	return STATUS_TODO;
}

/* --- where a task and its due date came from ----------------------- */

static const char *const origin_names[] = {
	[ORIGIN_APPENDIX] = "appendix",
	[ORIGIN_DIRECTIVE] = "directive",
	[ORIGIN_MANUAL] = "manual",
};

static const char *const due_source_names[] = {
	[DUE_DEFAULT] = "default",
	[DUE_ROLE] = "role",
	[DUE_CRITERION] = "criterion",
	[DUE_DIRECTIVE] = "directive",
	[DUE_TASK] = "task",
	[DUE_LETTER] = "letter",
};

/* The index of s in names[0..n), or fallback. */
static int
name_index(const char *const *names, int n, const char *s, int fallback)
{
	int i;

	for (i = 0; s != NULL && i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return fallback;
}

const char *
origin_name(enum origin o)
{
	return origin_names[o <= ORIGIN_MANUAL ? o : ORIGIN_MANUAL];
}

enum origin
origin_from_name(const char *s)
{
	return (enum origin)name_index(origin_names, ORIGIN_MANUAL + 1, s,
	    ORIGIN_MANUAL);
}

const char *
due_source_name(enum due_source d)
{
	return due_source_names[d <= DUE_LETTER ? d : DUE_DEFAULT];
}

enum due_source
due_source_from_name(const char *s)
{
	return (enum due_source)name_index(due_source_names, DUE_LETTER + 1,
	    s, DUE_DEFAULT);
}

/* --- tasks --------------------------------------------------------- */

/* The texts of t, in its pool or each its own. */
static void
task_free_texts(struct task *t)
{
	if (t->pool != NULL) {
		free(t->pool);
		return;
	}
	free(t->key);
	free(t->code);
	free(t->role);
	free(t->support);
	free(t->title);
	free(t->due);
	free(t->target);
	free(t->every);
	free(t->links);
	free(t->crit_title);
	free(t->comment);
	free(t->assignee);
	free(t->role_source);
	free(t->person);
}

void
task_clear(struct task *t)
{
	task_free_texts(t);
	memset(t, 0, sizeof *t);
}

/* No memset: the array goes too. */
void
tasks_free(struct task *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		task_free_texts(&t[i]);
	free(t);
}

enum task_kind
task_kind(const struct task *t)
{
	struct target tg;

	if (target_parse(t->target, t->every, &tg) && tg.count > 0 &&
	    tg.every != PERIOD_ONCE)
		return TASK_RECURRING;
	return t->due == NULL ? TASK_CONTINUING : TASK_ONE_OFF;
}

bool
task_overdue(const struct task *t)
{
	if (t->status == STATUS_DONE)
		return false;
	switch (task_kind(t)) {
	case TASK_RECURRING:
		return t->missed[0] != '\0';
	case TASK_CONTINUING:
		return false;
	default:
		return strcmp(t->due, today()) < 0;
	}
}

bool
task_due_soon(const struct task *t, int warn_days)
{
	const char *end = t->due;
	long d;

	if (t->status == STATUS_DONE)
		return false;
	switch (task_kind(t)) {
	case TASK_RECURRING:
		if (t->period_met || t->period_end[0] == '\0')
			return false;
		end = t->period_end;
		break;
	case TASK_CONTINUING:
		return false;
	default:
		break;
	}
	d = date_days_between(today(), end);
	return d >= 0 && d <= warn_days;
}

/* Due date first (none last), then the most points at stake, then the
 * criterion code in version order, then age (the id). */
int
task_order_cmp(const struct task *a, const struct task *b)
{
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
		if ((c = text_code_cmp(a->code, b->code)) != 0)
			return c;
	} else if (a->code != b->code) {
		return a->code == NULL ? 1 : -1;
	}
	return a->id < b->id ? -1 : a->id > b->id;
}

const char *
task_next_due(const struct task *t)
{
	switch (task_kind(t)) {
	case TASK_RECURRING:
		return t->period_end[0] != '\0' ? t->period_end : NULL;
	case TASK_CONTINUING:
		return NULL;
	default:
		return t->due;
	}
}

char *
task_ongoing_words(const struct task *t, bool brief)
{
	long d;

	if (t->updated[0] == '\0')
		return brief ? NULL : xstrdup(_("Ongoing"));
	d = date_days_between(t->updated, today());
	if (brief && d <= 0)
		return xstrdup(_("updated today"));
	if (brief)
		return xasprintf(ngettext("updated %ld day ago",
		    "updated %ld days ago", (unsigned long)d), d);
	if (d <= 0)
		return xstrdup(_("Ongoing · updated today"));
	return xasprintf(ngettext("Ongoing · updated %ld day ago",
	    "Ongoing · updated %ld days ago", (unsigned long)d), d);
}
