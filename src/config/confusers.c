/* SPDX-License-Identifier: ISC */
/* confusers.c: the settings that say who may change what — users (an
 * account's roles), admins, shared_accounts and people (the names a
 * shared login may claim).  The rules themselves are perm.c's; this file
 * only reads and checks the settings.  Roles named here must exist once
 * the whole file is read, so that check waits for conf_users_finish(). */
#include <libconfig.h>
#include <stdlib.h>
#include <string.h>

#include "confread.h"
#include "confread_impl.h"
#include "i18n.h"
#include "util.h"

/* An array of non-empty strings into a NULL-terminated vector. */
static char **
string_array(struct loader *l, const config_setting_t *s, const char *what,
    size_t *n)
{
	const config_setting_t *e;
	char **v;
	int i, len = config_setting_length(s);

	v = xcalloc((size_t)len + 1, sizeof *v);
	*n = 0;
	for (i = 0; i < len; i++) {
		e = config_setting_get_elem(s, (unsigned int)i);
		if (!conf_want(l, e, what, CONFIG_TYPE_STRING))
			continue;
		if (*config_setting_get_string(e) == '\0') {
			conf_err(l, e, _("%s: empty name"), what);
			continue;
		}
		v[(*n)++] = xstrdup(config_setting_get_string(e));
	}
	return v;
}

static void
strings_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* A role list: ["VP-TK", "TN-TKQ"], or one role as a string. */
static bool
member_roles(struct loader *l, const config_setting_t *s, const char *what,
    struct member *m)
{
	int type = config_setting_type(s);

	m->line = config_setting_source_line(s);
	if (type == CONFIG_TYPE_STRING) {
		m->roles = xcalloc(2, sizeof *m->roles);
		m->roles[0] = xstrdup(config_setting_get_string(s));
		m->nroles = 1;
		return true;
	}
	if (type != CONFIG_TYPE_ARRAY && type != CONFIG_TYPE_LIST) {
		conf_err(l, s, _("%s: the roles are a list [\"ROLE\", ...]"),
		    what);
		return false;
	}
	m->roles = string_array(l, s, what, &m->nroles);
	return true;
}

void
conf_users_load(struct loader *l, const config_setting_t *s)
{
	struct config *c = l->c;
	const config_setting_t *e;
	struct member m;
	int i, n = config_setting_length(s);

	c->has_users = true;
	c->users = xcalloc((size_t)n + 1, sizeof *c->users);
	for (i = 0; i < n; i++) {
		e = config_setting_get_elem(s, (unsigned int)i);
		memset(&m, 0, sizeof m);
		if (!member_roles(l, e, config_setting_name(e), &m))
			continue;
		m.name = xstrdup(config_setting_name(e));
		c->users[c->nusers++] = m;
	}
}

void
conf_admins_load(struct loader *l, const config_setting_t *s)
{
	strings_free(l->c->admins, l->c->nadmins);
	l->c->admins = string_array(l, s, "admins", &l->c->nadmins);
	l->admins_line = config_setting_source_line(s);
}

void
conf_shared_load(struct loader *l, const config_setting_t *s)
{
	strings_free(l->c->shared, l->c->nshared);
	l->c->shared = string_array(l, s, "shared_accounts", &l->c->nshared);
}

/* A Unix login as useradd takes it: a letter or _, then letters,
 * digits, _, - and ., at most 32. */
static bool
is_login(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.");

	return *s != '\0' && s[n] == '\0' && n <= 32 && *s != '-' &&
	    *s != '.' && (*s < '0' || *s > '9');
}

/* A person's optional title and account into p; false after an error. */
static bool
person_extra(struct loader *l, const config_setting_t *e, struct member *p)
{
	const config_setting_t *t = config_setting_get_member(e, "title");
	const config_setting_t *a = config_setting_get_member(e, "account");

	if (t != NULL && (!conf_want(l, t, "title", CONFIG_TYPE_STRING) ||
	    (p->title = conf_text(l, t, "title")) == NULL))
		return false;
	if (t != NULL && *p->title == '\0') {
		conf_err(l, t, _("%s: %s: empty title"), "people", p->name);
		return false;
	}
	if (a == NULL)
		return true;
	if (!conf_want(l, a, "account", CONFIG_TYPE_STRING))
		return false;
	if (!is_login(config_setting_get_string(a))) {
		conf_err(l, a, _("%s: %s: \"%s\" is not a login name (letters, "
		    "digits, _, - and .)"), "people", p->name,
		    config_setting_get_string(a));
		return false;
	}
	p->account = xstrdup(config_setting_get_string(a));
	return true;
}

static void
member_clear(struct member *m)
{
	size_t i;

	free(m->name);
	free(m->title);
	free(m->account);
	for (i = 0; i < m->nroles; i++)
		free(m->roles[i]);
	free(m->roles);
	memset(m, 0, sizeof *m);
}

/* people = ( { name = "Lan"; roles = ["VP-TK"]; title = "..."; account =
 * "lan"; }, ... ) */
void
conf_people_load(struct loader *l, const config_setting_t *s)
{
	static const char *const keys[] = { "name", "roles", "title",
	    "account" };
	struct config *c = l->c;
	const config_setting_t *e, *name, *roles, *m;
	struct member p;
	size_t k;
	int i, j, n = config_setting_length(s);

	c->people = xcalloc((size_t)n + 1, sizeof *c->people);
	for (i = 0; i < n; i++) {
		e = config_setting_get_elem(s, (unsigned int)i);
		if (!conf_want(l, e, "people", CONFIG_TYPE_GROUP))
			continue;
		for (j = 0; (m = config_setting_get_elem(e,
		    (unsigned int)j)) != NULL; j++) {
			for (k = 0; k < 4; k++)
				if (strcmp(config_setting_name(m),
				    keys[k]) == 0)
					break;
			if (k == 4)
				conf_err(l, m, _("unknown setting \"%s\" in "
				    "a person"), config_setting_name(m));
		}
		name = config_setting_get_member(e, "name");
		roles = config_setting_get_member(e, "roles");
		if (name == NULL || roles == NULL) {
			conf_err(l, e, "%s", _("people: a person needs a name "
			    "and roles"));
			continue;
		}
		memset(&p, 0, sizeof p);
		if (!conf_want(l, name, "name", CONFIG_TYPE_STRING) ||
		    (p.name = conf_text(l, name, "name")) == NULL)
			continue;
		if (*p.name == '\0') {
			conf_err(l, name, _("%s: empty name"), "people");
			free(p.name);
			continue;
		}
		if (!member_roles(l, roles, p.name, &p) ||
		    !person_extra(l, e, &p)) {
			member_clear(&p);
			continue;
		}
		p.line = config_setting_source_line(e);
		c->people[c->npeople++] = p;
	}
}

/* Each role named must exist; it is kept as the roles table spells it
 * ("ca" → "CA"). */
static void
check_roles(struct loader *l, struct member *m, const char *what)
{
	const struct role *r;
	size_t i;

	for (i = 0; i < m->nroles; i++) {
		if ((r = config_role(l->c, m->roles[i])) == NULL) {
			conf_err_line(l, m->line, _("%s: %s: unknown role "
			    "\"%s\""), what, m->name, m->roles[i]);
			continue;
		}
		free(m->roles[i]);
		m->roles[i] = xstrdup(r->id);
	}
}

/* Two people with one name, or one account. */
static void
people_twice(struct loader *l, const struct member *a,
    const struct member *b)
{
	if (strcmp(a->name, b->name) == 0)
		conf_err_line(l, a->line, _("%s: \"%s\" is named twice"),
		    "people", a->name);
	else if (a->account != NULL && b->account != NULL &&
	    strcmp(a->account, b->account) == 0)
		conf_err_line(l, a->line, _("%s: %s and %s have the same "
		    "account \"%s\""), "people", b->name, a->name, a->account);
}

void
conf_users_finish(struct loader *l)
{
	struct config *c = l->c;
	size_t i, j;

	/* Without users everyone may change everything: admins alone
	 * would look like a restriction and be none. */
	if (c->nadmins > 0 && !c->has_users)
		conf_err_line(l, l->admins_line, "%s", _("admins without "
		    "users: without a users setting every account may change "
		    "everything; say who may change what with users = { "
		    "ACCOUNT = [\"ROLE\"]; }"));
	for (i = 0; i < c->nusers; i++)
		check_roles(l, &c->users[i], "users");
	for (i = 0; i < c->npeople; i++) {
		check_roles(l, &c->people[i], "people");
		for (j = 0; j < i; j++)
			people_twice(l, &c->people[i], &c->people[j]);
	}
}

static void
members_free(struct member *m, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		member_clear(&m[i]);
	free(m);
}

void
conf_users_free(struct config *c)
{
	members_free(c->users, c->nusers);
	members_free(c->people, c->npeople);
	strings_free(c->admins, c->nadmins);
	strings_free(c->shared, c->nshared);
	c->users = c->people = NULL;
	c->admins = c->shared = NULL;
	c->nusers = c->npeople = c->nadmins = c->nshared = 0;
}
