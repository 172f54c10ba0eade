/* SPDX-License-Identifier: ISC */
/* actions_status.c: the keys that change a task's status or role — s
 * and Space (the next status), S (one back), t (the status picker), b
 * (blocked, with its reason), m (to another role's column). */
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

/* b, or blocked from the picker: asks for the reason. */
static void
act_block_task(struct board *b, struct task *t)
{
	char *reason;
	long id = t->id;

	reason = prompt_line(b, _("Why is it blocked: "), NULL, false);
	if (reason == NULL || *reason == '\0')
		board_message(b, false, "%s", _("Cancelled"));
	else if ((t = board_task_by_id(b, id)) != NULL)
		actions_write_set(b, t, "status",
		    status_name(STATUS_BLOCKED), reason, NULL);
	free(reason);
}

/* To a status; blocked asks for the reason. */
static void
set_status(struct board *b, struct task *t, enum status to)
{
	if (to == STATUS_BLOCKED)
		act_block_task(b, t);
	else
		actions_write_set(b, t, "status", status_name(to), NULL, NULL);
}

/* s, Space: to do → doing → done, and there it stops. */
void
actions_status(struct board *b)
{
	struct task *t;
	char *label, *keys;

	if ((t = actions_target_may(b, PERM_STATUS)) == NULL)
		return;
	if (t->status == STATUS_DONE) {
		label = actions_task_label(t);
		keys = keymap_keys_of(ACTION_STATUS_BACK);
		board_message(b, false, _("%s is done already; %s steps back"),
		    label, *keys != '\0' ? keys : "S");
		free(keys);
		free(label);
		return;
	}
	set_status(b, t, t->status == STATUS_TODO ? STATUS_DOING :
	    t->status == STATUS_DOING ? STATUS_DONE : STATUS_DOING);
}

/* The status a blocked task had before it was blocked, from its history
 * (the newest change to blocked); to do when none says. */
static enum status
before_blocked(struct board *b, long id)
{
	struct history *h;
	enum status st = STATUS_TODO, old;
	char *err = NULL;
	size_t n, i;

	if (store_history(b->s, id, &h, &n, &err) != 0) {
		free(err);
		return st;
	}
	for (i = 0; i < n; i++)
		if (h[i].kind == HK_STATUS && h[i].new != NULL &&
		    strcmp(h[i].new, "blocked") == 0 && h[i].old != NULL &&
		    status_parse(h[i].old, &old) && old != STATUS_BLOCKED)
			st = old;
	history_free(h, n);
	return st;
}

/* S: one status back; from blocked, the one before it was blocked. */
void
actions_status_back(struct board *b)
{
	struct task *t;
	char *label;

	if ((t = actions_target_may(b, PERM_STATUS)) == NULL)
		return;
	if (t->status == STATUS_TODO) {
		label = actions_task_label(t);
		board_message(b, false,
		    _("%s is not started: nothing before %s"), label,
		    status_label(STATUS_TODO));
		free(label);
		return;
	}
	set_status(b, t, t->status == STATUS_DONE ? STATUS_DOING :
	    t->status == STATUS_DOING ? STATUS_TODO :
	    before_blocked(b, t->id));
}

/* t: any status, from the picker. */
void
actions_status_pick(struct board *b)
{
	const char *items[STATUS_COUNT];
	struct task *t;
	long id;
	int i;

	if ((t = actions_target_may(b, PERM_STATUS)) == NULL)
		return;
	id = t->id;
	for (i = 0; i < STATUS_COUNT; i++)
		items[i] = status_label((enum status)i);
	i = prompt_pick(b, _("Status"), items, STATUS_COUNT, (size_t)t->status);
	if (i < 0) {
		board_message(b, false, "%s", _("Cancelled"));
		return;
	}
	if ((t = board_task_by_id(b, id)) == NULL)
		return;
	if ((enum status)i == t->status) {
		board_message(b, false, "%s", _("No change"));
		return;
	}
	set_status(b, t, (enum status)i);
}

/* m: the task to another role's column (store_task_reassign). */
void
actions_move_role(struct board *b)
{
	struct task *t;
	const char **items;
	size_t *idx, i, n = 0, cur = 0, w = 0;
	char *err = NULL, *label, *role;
	struct core_result res = { -1, 0, "", NULL };
	long id, version;
	int k, rc;

	if ((t = actions_target_may(b, PERM_REASSIGN)) == NULL)
		return;
	id = t->id;
	version = t->version;
	for (i = 0; i < b->c->nroles; i++)
		if (strlen(b->c->roles[i].id) > w)
			w = strlen(b->c->roles[i].id);
	items = xcalloc(b->c->nroles + 1, sizeof *items);
	idx = xcalloc(b->c->nroles + 1, sizeof *idx);
	for (i = 0; i < b->c->nroles; i++) {
		const struct role *r = &b->c->roles[i];

		if (r->unassigned)
			continue;
		if (t->role != NULL && strcmp(t->role, r->id) == 0)
			cur = n;
		items[n] = xasprintf("%-*s  %s", (int)w, r->id, r->name);
		idx[n++] = i;
	}
	k = prompt_pick(b, _("Move to role"), items, n, cur);
	for (i = 0; i < n; i++)
		free((char *)items[i]);
	free(items);
	if (k < 0 || (t = board_task_by_id(b, id)) == NULL) {
		free(idx);
		board_message(b, false, "%s", _("Cancelled"));
		return;
	}
	role = xstrdup(b->c->roles[idx[k]].id);
	free(idx);
	label = actions_task_label(t);
	if (t->role != NULL && strcmp(t->role, role) == 0)
		board_message(b, false, "%s", _("No change"));
	else if ((rc = core_move(b->s, perm_self(), id, version, role, &res,
	    &err)) == CORE_CONFLICT)
		board_message(b, true, _("%s was just changed by someone else; "
		    "reloaded: look, then try again"), label);
	else if (rc != 0)
		actions_not_written(b, rc, err);
	else {
		board_message(b, false, _("%s moved to %s"), label, role);
		/* u offers it back: "1.7: role VH-XH → CA". */
		if (res.row > 0)
			actions_undo_push(b, res.row, words_undo(label,
			    HK_ROLE, t->role, role));
	}
	board_reload(b);
	free(label);
	free(role);
	free(err);
}

void
actions_block(struct board *b)
{
	struct task *t;

	if ((t = actions_target_may(b, PERM_STATUS)) != NULL)
		act_block_task(b, t);
}

/* The people of role, as a list to pick from, "-" (nobody) first; *cur
 * the one named now. */
static const char **
people_items(const struct config *c, const char *role, const char *now,
    size_t *n, size_t *cur)
{
	const char **v = xcalloc(c->npeople + 2, sizeof *v);
	size_t i;

	*n = *cur = 0;
	v[(*n)++] = "-";
	for (i = 0; i < c->npeople; i++) {
		if (!config_member_has_role(&c->people[i], role))
			continue;
		if (now != NULL && strcmp(now, c->people[i].name) == 0)
			*cur = *n;
		v[(*n)++] = c->people[i].name;
	}
	return v;
}

/* p: the person who answers for the task, one of its role's people
 * (core_set_person). */
void
actions_person(struct board *b)
{
	struct task *t;
	const char **items;
	char *err = NULL, *label, *who = NULL;
	long id, version;
	size_t n, cur;
	int k, rc;

	if ((t = actions_target_may(b, PERM_PERSON)) == NULL)
		return;
	id = t->id;
	version = t->version;
	items = people_items(b->c, t->role, t->person, &n, &cur);
	if (n == 1) {
		free(items);
		board_message(b, true, _("the configuration names no people "
		    "of role %s"), t->role);
		return;
	}
	k = prompt_pick(b, _("Who answers for it?"), items, n, cur);
	if (k > 0)
		who = xstrdup(items[k]);
	free(items);
	if (k < 0 || (t = board_task_by_id(b, id)) == NULL) {
		free(who);
		board_message(b, false, "%s", _("Cancelled"));
		return;
	}
	label = actions_task_label(t);
	if ((rc = core_set_person(b->s, perm_self(), b->c, id, version, who,
	    NULL, &err)) == CORE_CONFLICT)
		board_message(b, true, _("%s was just changed by someone else; "
		    "reloaded: look, then try again"), label);
	else if (rc != 0)
		actions_not_written(b, rc, err);
	else
		board_message(b, false, _("%s: person %s"), label,
		    who != NULL ? who : "-");
	board_reload(b);
	free(label);
	free(who);
	free(err);
}
