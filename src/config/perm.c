/* SPDX-License-Identifier: ISC */
/* perm.c: who may change what (the table is in perm.h), and who is
 * acting: the account, its roles, and on a shared login the person it
 * names. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "perm.h"
#include "text.h"
#include "util.h"

#define ASK_TRIES 3

static struct perm *self;

static bool
listed(char *const *v, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], name) == 0)
			return true;
	return false;
}

static const struct member *
member_find(const struct member *m, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(m[i].name, name) == 0)
			return &m[i];
	return NULL;
}

static const char *
common_role(const struct config *c)
{
	size_t i;

	for (i = 0; i < c->nroles; i++)
		if (c->roles[i].common)
			return c->roles[i].id;
	return ROLE_COMMON;
}

static void
roles_copy(struct perm *p, const struct member *m)
{
	size_t i;

	if (m == NULL)
		return;
	p->roles = xcalloc(m->nroles + 1, sizeof *p->roles);
	for (i = 0; i < m->nroles; i++)
		p->roles[i] = xstrdup(m->roles[i]);
	p->nroles = m->nroles;
}

int
perm_identify(const struct config *c, const char *account, const char *by,
    struct perm **out, char **err)
{
	const struct member *m = NULL;
	struct perm *p;
	bool shared = listed(c->shared, c->nshared, account);

	if (by != NULL && !shared) {
		fail(err, _("--by names a person on a shared login; %s is "
		    "not one (shared_accounts)"), account);
		return 1;
	}
	if (by != NULL && (m = config_person(c, by)) == NULL)
		return fail(err, _("--by: \"%s\" is not one of the people "
		    "of the configuration"), by);
	p = xcalloc(1, sizeof *p);
	p->account = xstrdup(account);
	p->shared = shared;
	p->open = !c->has_users;
	p->common = xstrdup(common_role(c));
	if (m != NULL) {
		p->person = xstrdup(m->name);
		roles_copy(p, m);
		p->configured = true;
	} else if (!shared) {
		p->admin = listed(c->admins, c->nadmins, account);
		if ((m = member_find(c->users, c->nusers, account)) == NULL)
			m = config_person_of_account(c, account);
		roles_copy(p, m);
		p->configured = p->admin || m != NULL;
	}
	p->actor = p->person ? xasprintf("%s (%s)", account, p->person) :
	    xstrdup(account);
	*out = p;
	return 0;
}

void
perm_free(struct perm *p)
{
	size_t i;

	if (p == NULL)
		return;
	if (self == p)
		self = NULL;
	free(p->account);
	free(p->person);
	free(p->actor);
	free(p->common);
	for (i = 0; i < p->nroles; i++)
		free(p->roles[i]);
	free(p->roles);
	free(p);
}

bool
perm_needs_person(const struct perm *p)
{
	return p != NULL && p->shared && p->person == NULL;
}

static bool
has_role(const struct perm *p, const char *role)
{
	size_t i;

	if (role == NULL)
		return false;
	for (i = 0; i < p->nroles; i++)
		if (strcasecmp(p->roles[i], role) == 0)
			return true;
	return false;
}

/* The task's role or one of its supporting roles ("VP-TK,TP-HT"); for a
 * task for all staff, any configured account. */
static bool
has_task_role(const struct perm *p, const char *role, const char *support)
{
	char *v, *r, *save = NULL;
	bool yes = has_role(p, role) || (p->configured && role != NULL &&
	    p->common != NULL && strcasecmp(role, p->common) == 0);

	if (yes || support == NULL || *support == '\0')
		return yes;
	v = xstrdup(support);
	for (r = strtok_r(v, ", ", &save); r != NULL && !yes;
	    r = strtok_r(NULL, ", ", &save))
		yes = has_role(p, r);
	free(v);
	return yes;
}

int
perm_check(const struct perm *p, enum perm_action a, const char *role,
    const char *support, char **err)
{
	const char *r = role ? role : ROLE_UNASSIGNED;

	if (p == NULL || p->open || p->admin)
		return 0;
	switch (a) {
	case PERM_READ:
	case PERM_NOTE:
	case PERM_MINUTES:
	case PERM_BACKUP:
		return 0;
	case PERM_STATUS:
		if (has_task_role(p, role, support))
			return 0;
		return fail(err, _("%s may not change the status of a %s "
		    "task: only that role, its supporting roles and the "
		    "admins may"), p->actor, r);
	case PERM_EVIDENCE:
		if (has_task_role(p, role, support))
			return 0;
		return fail(err, _("%s may not add evidence to a %s task: "
		    "only that role, its supporting roles and the admins "
		    "may"), p->actor, r);
	case PERM_TICK:
		if (has_task_role(p, role, support))
			return 0;
		return fail(err, _("%s may not tick a %s task: only that "
		    "role, its supporting roles and the admins may"),
		    p->actor, r);
	case PERM_ADD:
		if (has_role(p, role))
			return 0;
		return fail(err, _("%s may not add a task to column %s: "
		    "only that role and the admins may"), p->actor, r);
	case PERM_PERSON:
		if (has_role(p, role))
			return 0;
		return fail(err, _("%s may not name who answers for a %s "
		    "task: only that role and the admins may"), p->actor, r);
	case PERM_DUE:
		return fail(err, _("%s may not change due dates: only the "
		    "admins may"), p->actor);
	case PERM_REASSIGN:
		return fail(err, _("%s may not move a task to another role: "
		    "only the admins may"), p->actor);
	case PERM_IMPORT:
		return fail(err, _("%s may not import: only the admins may"),
		    p->actor);
	}
	return fail(err, "%s", _("not allowed"));
}

void
perm_set_self(struct perm *p)
{
	self = p;
}

const struct perm *
perm_self(void)
{
	return self;
}

/* A line without its newline and surrounding spaces. */
static char *
read_answer(FILE *in)
{
	char line[256];
	size_t n;
	char *s;

	if (fgets(line, sizeof line, in) == NULL)
		return NULL;
	n = strcspn(line, "\r\n");
	line[n] = '\0';
	s = line;
	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		s[--n] = '\0';
	return xstrdup(s);
}

int
perm_ask_person(const struct config *c, FILE *in, FILE *out, char **name,
    char **err)
{
	const struct member *m;
	char *a, *end;
	size_t i;
	long k;
	int tries;

	if (c->npeople == 0)
		return fail(err, "%s", _("this is a shared login, but the "
		    "configuration names no people to choose from"));
	fprintf(out, "%s\n", _("This is a shared login. Who is at the "
	    "keyboard?"));
	for (i = 0; i < c->npeople; i++) {
		char *safe = text_safe(c->people[i].name, false);

		fprintf(out, "  %zu) %s\n", i + 1, safe);
		free(safe);
	}
	for (tries = 0; tries < ASK_TRIES; tries++) {
		fprintf(out, "%s", _("Number or name: "));
		fflush(out);
		if ((a = read_answer(in)) == NULL)
			break;
		k = strtol(a, &end, 10);
		m = NULL;
		if (*a != '\0' && *end == '\0' && k >= 1 &&
		    (size_t)k <= c->npeople)
			m = &c->people[k - 1];
		else if (*a != '\0')
			m = config_person(c, a);
		free(a);
		if (m != NULL) {
			*name = xstrdup(m->name);
			return 0;
		}
	}
	return fail(err, "%s", _("nobody chosen: the board opens for a "
	    "person named in the configuration's people"));
}
