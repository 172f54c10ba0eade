/* SPDX-License-Identifier: ISC */
/* search.c: the board's search and filters — which cards a search or a
 * filter keeps, the `/` prompt and the filter menu.
 *
 * A search finds its words (folded: case and tone marks do not matter)
 * in a task's code, title, criterion, the assessment's comment, its role
 * (id and name) and supporting roles, the person answering for it, the
 * assignment text, and its notes
 * and evidence.  Notes and evidence live in the history, and the
 * criterion's texts are not in the snapshot (they would cost every board
 * memory for every task): the ids of the tasks whose texts match are
 * looked up once per search and per reload (search_load_texts), not per
 * card.  While a
 * search or filter is on, the columns with no match are left out. */
#include <stdlib.h>
#include <string.h>

#include "boardui.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

static int
long_cmp(const void *pa, const void *pb)
{
	long a = *(const long *)pa, b = *(const long *)pb;

	return a < b ? -1 : a > b;
}

bool
search_active(const struct board *b)
{
	return b->filter.search != NULL || search_filter_on(b);
}

bool
search_filter_on(const struct board *b)
{
	return b->filter.overdue || b->filter.only_mine ||
	    b->filter.status >= 0 || b->filter.person != NULL;
}

static const char *
role_name(const struct board *b, const char *id)
{
	size_t i;

	if (id == NULL)
		return NULL;
	for (i = 0; i < b->c->nroles; i++)
		if (strcmp(b->c->roles[i].id, id) == 0)
			return b->c->roles[i].name;
	return NULL;
}

static bool
has(const char *hay, const char *needle)
{
	return hay != NULL && text_contains(hay, needle);
}

static bool
search_match(const struct board *b, const struct task *t)
{
	const char *q = b->filter.search;

	return has(t->code, q) || has(t->title, q) || has(t->role, q) ||
	    has(role_name(b, t->role), q) || has(t->support, q) ||
	    has(t->person, q) ||
	    xbsearch(&t->id, b->filter.found, b->filter.nfound,
		sizeof *b->filter.found, long_cmp) != NULL;
}

static bool
filter_match(const struct board *b, const struct task *t)
{
	switch (b->filter.status) {
	case -1:
		break;
	case FILTER_OPEN:
		if (t->status == STATUS_DONE)
			return false;
		break;
	case FILTER_AGENDA:
		if (!board_task_soon(b, t))
			return false;
		break;
	default:
		if ((int)t->status != b->filter.status)
			return false;
		break;
	}
	if (b->filter.overdue && !task_overdue(t))
		return false;
	if (b->filter.only_mine &&
	    xbsearch(&t->id, b->filter.mine, b->filter.nmine,
		sizeof *b->filter.mine, long_cmp) == NULL)
		return false;
	if (b->filter.person != NULL && (t->person == NULL ||
	    strcmp(t->person, b->filter.person) != 0))
		return false;
	return true;
}

bool
search_task_visible(const struct board *b, const struct task *t)
{
	return filter_match(b, t) && (b->filter.search == NULL ||
	    search_match(b, t));
}

/* A task whose text matches the search is found. */
static void
found_crit(void *arg, long id, const char *text)
{
	struct board *b = arg;

	if (text == NULL || !text_contains(text, b->filter.search))
		return;
	b->filter.found = xgrow(b->filter.found, &b->filter.found_cap,
	    b->filter.nfound + 1, sizeof *b->filter.found);
	b->filter.found[b->filter.nfound++] = id;
}

int
search_load_texts(struct board *b, char **err)
{
	struct task_text *v;
	size_t n, i;

	free(b->filter.found);
	b->filter.found = NULL;
	b->filter.nfound = b->filter.found_cap = 0;
	if (b->filter.search == NULL)
		return 0;
	if (store_task_texts(b->s, b->data.plan.id, &v, &n, err) != 0)
		return -1;
	for (i = 0; i < n; i++)
		found_crit(b, v[i].task_id, v[i].text);
	task_texts_free(v, n);
	if (store_task_crit_each(b->s, b->data.plan.id, found_crit, b,
	    err) != 0)
		return -1;
	xqsort(b->filter.found, b->filter.nfound, sizeof *b->filter.found,
	    long_cmp);
	return 0;
}

/* Leave out the columns without a match while a search or filter is on;
 * when nothing matches at all the columns stay, empty, so the board keeps
 * its shape. */
void
search_columns_prune(struct board *b)
{
	size_t i, k = 0;

	if (!search_active(b))
		return;
	for (i = 0; i < b->nav.ncols; i++)
		if (b->nav.cols[i].ncards > 0)
			k++;
	if (k == 0)
		return;
	for (i = 0, k = 0; i < b->nav.ncols; i++) {
		if (b->nav.cols[i].ncards == 0) {
			free(b->nav.cols[i].cards);
			continue;
		}
		b->nav.cols[k++] = b->nav.cols[i];
	}
	b->nav.ncols = k;
	if (b->nav.col >= b->nav.ncols)
		b->nav.col = b->nav.ncols - 1;
}

static size_t
count_cards(const struct board *b)
{
	size_t i, n = 0;

	for (i = 0; i < b->nav.ncols; i++)
		/* A supported task counts once. */
		n += b->nav.cols[i].nown;
	return n;
}

/* After a search or filter, stay on a column that shows something. */
static void
goto_nonempty(struct board *b)
{
	size_t i;

	if (b->nav.ncols == 0 || b->nav.cols[b->nav.col].ncards > 0)
		return;
	for (i = 0; i < b->nav.ncols; i++) {
		if (b->nav.cols[i].ncards > 0) {
			b->nav.col = i;
			return;
		}
	}
}

/* The `/` prompt: the current search starts selected, so typing
 * replaces it and a movement key edits it. */
void
search_ask(struct board *b)
{
	char *text = prompt_line(b, _("Search: "), b->filter.search, true);
	char *err = NULL;
	size_t n;

	if (text == NULL)
		return;
	free(b->filter.search);
	b->filter.search = NULL;
	if (*text != '\0')
		b->filter.search = text;
	else
		free(text);
	if (search_load_texts(b, &err) != 0) {
		board_message(b, true, "%s", err);
		free(err);
	}
	board_rebuild(b);
	goto_nonempty(b);
	n = count_cards(b);
	if (b->filter.search != NULL)
		board_message(b, false, ngettext("Search \"%s\": %zu task",
		    "Search \"%s\": %zu tasks", n), b->filter.search, n);
	else
		board_message(b, false, "%s", _("Search cleared"));
}

void
search_filter_clear(struct board *b)
{
	b->filter.overdue = b->filter.only_mine = false;
	b->filter.status = -1;
	free(b->filter.person);
	b->filter.person = NULL;
}

/* The person of the filter, picked from the configuration's people. */
static void
ask_person(struct board *b)
{
	const char **names;
	size_t i;
	int k;

	if (b->c->npeople == 0) {
		board_message(b, true, "%s", _("the configuration names no "
		    "people (parboard.conf(5): people)"));
		return;
	}
	names = xcalloc(b->c->npeople, sizeof *names);
	for (i = 0; i < b->c->npeople; i++)
		names[i] = b->c->people[i].name;
	k = prompt_pick(b, _("Whose tasks?"), names, b->c->npeople, 0);
	if (k >= 0)
		b->filter.person = xstrdup(names[k]);
	free(names);
}

/* The filter menu: one key picks a filter, 0 clears it. */
void
search_filter_ask(struct board *b)
{
	const struct prompt_item items[] = {
		{ 'o', _("Overdue") },
		{ 'a', _("Due soon, all roles (the week's agenda)") },
		{ 'n', _("Open (not done)") },
		{ 'm', _("Mine (tasks I changed)") },
		{ 'p', _("One person's tasks") },
		{ '1', status_label(STATUS_TODO) },
		{ '2', status_label(STATUS_DOING) },
		{ '3', status_label(STATUS_DONE) },
		{ '4', status_label(STATUS_BLOCKED) },
		{ '0', _("All: no filter") },
	};
	char *err = NULL;
	size_t n;
	int k;

	k = prompt_menu(b, _("Filter"), items,
	    sizeof items / sizeof items[0]);
	if (k < 0)
		return;
	search_filter_clear(b);
	switch (k) {
	case 'o':
		b->filter.overdue = true;
		break;
	case 'a':
		b->filter.status = FILTER_AGENDA;
		break;
	case 'n':
		b->filter.status = FILTER_OPEN;
		break;
	case 'm':
		b->filter.only_mine = true;
		if (board_load_mine(b, &err) != 0) {
			board_message(b, true, "%s", err);
			free(err);
			b->filter.only_mine = false;
		}
		break;
	case 'p':
		ask_person(b);
		break;
	case '1': case '2': case '3': case '4':
		b->filter.status = k - '1';
		break;
	default:
		break;
	}
	board_rebuild(b);
	goto_nonempty(b);
	n = count_cards(b);
	if (search_filter_on(b))
		board_message(b, false, ngettext("Filter %s: %zu task",
		    "Filter %s: %zu tasks", n), view_filter_name(b), n);
	else
		board_message(b, false, "%s", _("Filter cleared"));
}
