/* SPDX-License-Identifier: ISC */
/* confroles.c: the settings about columns and deadlines — the roles list,
 * the common (CHUNG) and unassigned (CHUA-GIAO) groups, and deadline
 * overrides per criterion.
 *
 * These are the settings whose checks need the whole file: a criterion
 * override may name a role that is defined further down, and the CHUNG
 * column may be placed inside the roles list, taking its name and
 * patterns from the common group.  So reading fills the loader's pending
 * roles and conf_roles_finish() assembles the struct config's roles at
 * the end. */
#include <stdlib.h>
#include <string.h>

#include "confread.h"
#include "confread_impl.h"
#include "i18n.h"
#include "text.h"

/* Roles ------------------------------------------------------------------ */

enum role_kind {
	KIND_PLAIN,
	KIND_COMMON,
	KIND_UNASSIGNED,
};

static bool
valid_role_id(const char *id)
{
	const char *p;

	if (*id == '\0')
		return false;
	for (p = id; *p != '\0'; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			return false;
	return true;
}

static void
copy_patterns(struct role *to, const struct role *from)
{
	size_t i;

	to->patterns = xcalloc(from->npatterns, sizeof *to->patterns);
	for (i = 0; i < from->npatterns; i++)
		to->patterns[i] = xstrdup(from->patterns[i]);
	to->npatterns = from->npatterns;
}

static void
load_match(struct loader *l, const config_setting_t *s, struct role *r)
{
	const config_setting_t *e;
	int i, n;
	char *folded;

	if (config_setting_type(s) != CONFIG_TYPE_ARRAY &&
	    config_setting_type(s) != CONFIG_TYPE_LIST) {
		conf_err(l, s, _("%s must be an array of strings "
		    "[ \"...\" ]"), "match");
		return;
	}
	n = config_setting_length(s);
	r->patterns = xcalloc((size_t)n, sizeof *r->patterns);
	for (i = 0; i < n; i++) {
		e = config_setting_get_elem(s, (unsigned int)i);
		if (!conf_want(l, e, _("a match pattern"),
		    CONFIG_TYPE_STRING))
			continue;
		if (!text_utf8_valid(config_setting_get_string(e),
		    strlen(config_setting_get_string(e)), NULL)) {
			conf_err(l, e, "%s",
			    _("match pattern: invalid UTF-8"));
			continue;
		}
		folded = text_fold(config_setting_get_string(e));
		if (*folded == '\0') {
			conf_err(l, e, "%s", _("empty match pattern"));
			free(folded);
			continue;
		}
		r->patterns[r->npatterns++] = folded;
	}
}

/* One role group: { id = "..."; name = "..."; match = [ ... ];
 * deadline = "..."; }.  Ordinary roles need an id; the CHUNG and
 * CHUA-GIAO groups have one by default. */
static void
load_role(struct loader *l, const config_setting_t *s, enum role_kind kind,
    struct pending_role *p)
{
	const config_setting_t *m;
	const char *key;
	char iso[11];
	int i;

	memset(p, 0, sizeof *p);
	p->line = config_setting_source_line(s);
	for (i = 0; (m = config_setting_get_elem(s, (unsigned int)i)) != NULL;
	    i++) {
		key = config_setting_name(m);
		if (strcmp(key, "id") == 0) {
			if (!conf_want(l, m, "id", CONFIG_TYPE_STRING))
				continue;
			if (!valid_role_id(config_setting_get_string(m))) {
				conf_err(l, m, _("role id \"%s\": use only "
				    "ASCII letters, digits, '-' and '_'"),
				    config_setting_get_string(m));
				continue;
			}
			p->r.id = xstrdup(config_setting_get_string(m));
		} else if (strcmp(key, "name") == 0) {
			if (!conf_want(l, m, "name", CONFIG_TYPE_STRING))
				continue;
			p->r.name = conf_text(l, m, "name");
			p->has_name = p->r.name != NULL;
		} else if (strcmp(key, "match") == 0 &&
		    kind != KIND_UNASSIGNED) {
			load_match(l, m, &p->r);
			p->has_match = true;
		} else if (strcmp(key, "deadline") == 0) {
			if (conf_date(l, m, "deadline", iso))
				p->r.due = xstrdup(iso);
		} else if (strcmp(key, "accountable") == 0 &&
		    kind != KIND_UNASSIGNED) {
			if (conf_want(l, m, "accountable", CONFIG_TYPE_STRING))
				p->r.accountable = xstrdup(
				    config_setting_get_string(m));
			p->accountable_line = config_setting_source_line(m);
		} else if (kind == KIND_PLAIN)
			conf_err(l, m, _("unknown setting \"%s\" in a role"),
			    key);
		else
			conf_err(l, m, _("unknown setting \"%s\" in %s"),
			    key, kind == KIND_COMMON ? "common" :
			    "unassigned");
	}
	if (kind == KIND_PLAIN && p->r.id == NULL &&
	    config_setting_get_member(s, "id") == NULL)
		conf_err(l, s, "%s", _("a role needs an id"));
}

void
conf_roles_load(struct loader *l, const config_setting_t *s)
{
	const config_setting_t *e;
	int i, n = config_setting_length(s);

	/* The file's list replaces the default roles, it does not extend
	 * them. */
	for (i = 0; (size_t)i < l->nroles; i++)
		conf_role_clear(&l->roles[i].r);
	l->nroles = 0;
	for (i = 0; i < n; i++) {
		e = config_setting_get_elem(s, (unsigned int)i);
		if (!conf_want(l, e, _("a role"), CONFIG_TYPE_GROUP))
			continue;
		l->roles = xgrow(l->roles, &l->roles_cap, l->nroles + 1,
		    sizeof *l->roles);
		load_role(l, e, KIND_PLAIN, &l->roles[l->nroles]);
		if (l->roles[l->nroles].r.id == NULL)
			conf_role_clear(&l->roles[l->nroles].r);
		else
			l->nroles++;
	}
}

static void
load_special(struct loader *l, const config_setting_t *s,
    enum role_kind kind, struct pending_role *into)
{
	struct pending_role p;

	load_role(l, s, kind, &p);
	if (p.r.id != NULL) {
		free(into->r.id);
		into->r.id = p.r.id;
		p.r.id = NULL;
	}
	if (p.has_name) {
		free(into->r.name);
		into->r.name = p.r.name;
		p.r.name = NULL;
	}
	if (p.has_match) {
		/* Swapped, so that clearing p frees the old patterns. */
		char **old = into->r.patterns;
		size_t nold = into->r.npatterns;

		into->r.patterns = p.r.patterns;
		into->r.npatterns = p.r.npatterns;
		p.r.patterns = old;
		p.r.npatterns = nold;
	}
	if (p.r.due != NULL) {
		free(into->r.due);
		into->r.due = p.r.due;
		p.r.due = NULL;
	}
	if (p.r.accountable != NULL) {
		free(into->r.accountable);
		into->r.accountable = p.r.accountable;
		into->accountable_line = p.accountable_line;
		p.r.accountable = NULL;
	}
	into->line = p.line;
	conf_role_clear(&p.r);
}

void
conf_roles_common(struct loader *l, const config_setting_t *s)
{
	load_special(l, s, KIND_COMMON, &l->common);
}

void
conf_roles_unassigned(struct loader *l, const config_setting_t *s)
{
	load_special(l, s, KIND_UNASSIGNED, &l->unassigned);
}

/* Criteria overrides ----------------------------------------------------- */

static void
load_override(struct loader *l, const config_setting_t *s)
{
	struct config *c = l->c;
	const config_setting_t *m;
	const char *key;
	char *code = NULL, *role = NULL, *due = NULL;
	char iso[11];
	int i, ok = 1;

	for (i = 0; (m = config_setting_get_elem(s, (unsigned int)i)) != NULL;
	    i++) {
		key = config_setting_name(m);
		if (strcmp(key, "code") == 0) {
			if (!conf_want(l, m, "code", CONFIG_TYPE_STRING))
				ok = 0;
			else if (*config_setting_get_string(m) == '\0') {
				conf_err(l, m, _("%s: empty criterion code"),
				    "code");
				ok = 0;
			} else
				code = xstrdup(config_setting_get_string(m));
		} else if (strcmp(key, "deadline") == 0) {
			if (conf_date(l, m, "deadline", iso))
				due = xstrdup(iso);
			else
				ok = 0;
		} else if (strcmp(key, "role") == 0) {
			if (conf_want(l, m, "role", CONFIG_TYPE_STRING))
				role = xstrdup(config_setting_get_string(m));
			else
				ok = 0;
		} else {
			conf_err(l, m,
			    _("unknown setting \"%s\" in a criterion"), key);
			ok = 0;
		}
	}
	if (ok && code == NULL)
		conf_err(l, s, "%s", _("a criterion needs a code"));
	if (ok && due == NULL)
		conf_err(l, s, "%s", _("a criterion needs a deadline"));
	if (!ok || code == NULL || due == NULL) {
		free(code);
		free(role);
		free(due);
		return;
	}
	for (i = 0; (size_t)i < c->ncode_due; i++) {
		const struct due_override *o = &c->code_due[i];
		if (strcmp(o->code, code) == 0 &&
		    ((o->role == NULL && role == NULL) ||
		    (o->role != NULL && role != NULL &&
		    conf_ascii_eq(o->role, role))))
			conf_err(l, s, _("criterion %s%s%s is overridden "
			    "twice (first at line %d)"), code, role ? "/" : "",
			    role ? role : "", l->override_lines[i]);
	}
	c->code_due = xgrow(c->code_due, &l->code_due_cap, c->ncode_due + 1,
	    sizeof *c->code_due);
	l->override_lines = xrealloc(l->override_lines,
	    l->code_due_cap * sizeof *l->override_lines);
	c->code_due[c->ncode_due] = (struct due_override){ code, due, role };
	l->override_lines[c->ncode_due++] = config_setting_source_line(s);
}

void
conf_roles_criteria(struct loader *l, const config_setting_t *s)
{
	const config_setting_t *e;
	int i, n = config_setting_length(s);

	for (i = 0; i < n; i++) {
		e = config_setting_get_elem(s, (unsigned int)i);
		if (conf_want(l, e, _("a criterion"), CONFIG_TYPE_GROUP))
			load_override(l, e);
	}
}

/* Assembly --------------------------------------------------------------- */

static void
add_role(struct config *c, size_t *cap, struct role *r)
{
	c->roles = xgrow(c->roles, cap, c->nroles + 1, sizeof *c->roles);
	c->roles[c->nroles++] = *r;
	memset(r, 0, sizeof *r);
}

/* The accountable role: CHUNG's alone, and a role of its own column. */
static void
check_accountable(struct loader *l, const int *lines)
{
	struct config *c = l->c;
	const struct role *a;
	size_t i;
	int line;

	for (i = 0; i < c->nroles; i++) {
		if (c->roles[i].accountable == NULL)
			continue;
		line = lines[i];
		a = config_role(c, c->roles[i].accountable);
		if (!c->roles[i].common)
			conf_err_line(l, line, _("role %s: only the column of "
			    "the tasks for all staff (common) names an "
			    "accountable role"), c->roles[i].id);
		else if (a == NULL || a->common || a->unassigned)
			conf_err_line(l, line, _("accountable: \"%s\" is not a "
			    "role of its own column"), c->roles[i].accountable);
		else {
			free(c->roles[i].accountable);
			c->roles[i].accountable = xstrdup(a->id);
		}
	}
}

/* The CHUNG column placed in the roles list: what it does not say, the
 * common group says. */
static void
take_common(struct loader *l, struct pending_role *p)
{
	p->r.common = true;
	if (!p->has_name)
		p->r.name = xstrdup(l->common.r.name);
	if (!p->has_match)
		copy_patterns(&p->r, &l->common.r);
	if (p->r.due == NULL && l->common.r.due != NULL)
		p->r.due = xstrdup(l->common.r.due);
	if (p->r.accountable == NULL && l->common.r.accountable != NULL) {
		p->r.accountable = xstrdup(l->common.r.accountable);
		p->accountable_line = l->common.accountable_line;
	}
}

void
conf_roles_finish(struct loader *l)
{
	struct config *c = l->c;
	struct pending_role *p;
	size_t i, j, cap = 0;
	bool placed_common = false, placed_unassigned = false;
	int *lines, *alines;

	lines = xcalloc(l->nroles + 2, sizeof *lines);
	alines = xcalloc(l->nroles + 2, sizeof *alines);
	for (i = 0; i < l->nroles; i++) {
		p = &l->roles[i];
		if (conf_ascii_eq(p->r.id, l->common.r.id)) {
			take_common(l, p);
			placed_common = true;
		} else if (conf_ascii_eq(p->r.id, l->unassigned.r.id)) {
			p->r.unassigned = true;
			placed_unassigned = true;
			if (p->has_match && p->r.npatterns > 0)
				conf_err_line(l, p->line, _("the unassigned "
				    "column \"%s\" takes no match "
				    "patterns"), p->r.id);
			if (!p->has_name)
				p->r.name = xstrdup(l->unassigned.r.name);
			if (p->r.due == NULL && l->unassigned.r.due != NULL)
				p->r.due = xstrdup(l->unassigned.r.due);
		} else if (!p->has_name)
			p->r.name = xstrdup(p->r.id);
		if (p->r.patterns == NULL)
			p->r.patterns = xcalloc(0, sizeof *p->r.patterns);
		lines[c->nroles] = p->line;
		alines[c->nroles] = p->accountable_line;
		add_role(c, &cap, &p->r);
	}
	if (!placed_common) {
		l->common.r.common = true;
		lines[c->nroles] = l->common.line;
		alines[c->nroles] = l->common.accountable_line;
		add_role(c, &cap, &l->common.r);
	}
	if (!placed_unassigned) {
		l->unassigned.r.unassigned = true;
		lines[c->nroles] = l->unassigned.line;
		add_role(c, &cap, &l->unassigned.r);
	}

	for (i = 0; i < c->nroles; i++)
		for (j = 0; j < i; j++)
			if (conf_ascii_eq(c->roles[i].id, c->roles[j].id)) {
				if (lines[j] > 0)
					conf_err_line(l, lines[i],
					    _("duplicate role id \"%s\" "
					    "(first at line %d)"),
					    c->roles[i].id, lines[j]);
				else
					conf_err_line(l, lines[i],
					    _("duplicate role id \"%s\""),
					    c->roles[i].id);
				break;
			}
	check_accountable(l, alines);
	free(alines);
	for (i = 0; i < c->ncode_due; i++)
		if (c->code_due[i].role != NULL &&
		    config_role(c, c->code_due[i].role) == NULL)
			conf_err_line(l, l->override_lines[i],
			    _("criterion %s: unknown role \"%s\""),
			    c->code_due[i].code, c->code_due[i].role);
	free(lines);
}

/* Pending roles --------------------------------------------------------- */

/* The file's settings apply over the built-in configuration: its roles
 * become the pending ones, to be replaced by a roles list or changed by
 * the common and unassigned groups. */
void
conf_roles_init(struct loader *l)
{
	struct config *c = l->c;
	struct pending_role *p;
	size_t i;

	for (i = 0; i < c->nroles; i++) {
		if (c->roles[i].common)
			p = &l->common;
		else if (c->roles[i].unassigned)
			p = &l->unassigned;
		else {
			l->roles = xgrow(l->roles, &l->roles_cap, l->nroles + 1,
			    sizeof *l->roles);
			p = &l->roles[l->nroles++];
			memset(p, 0, sizeof *p);
			p->has_name = p->has_match = true;
		}
		p->r = c->roles[i];
		/* conf_roles_finish() decides where they go. */
		p->r.common = p->r.unassigned = false;
	}
	free(c->roles);
	c->roles = NULL;
	c->nroles = 0;
}

void
conf_roles_free(struct loader *l)
{
	size_t i;

	for (i = 0; i < l->nroles; i++)
		conf_role_clear(&l->roles[i].r);
	free(l->roles);
	conf_role_clear(&l->common.r);
	conf_role_clear(&l->unassigned.r);
	free(l->override_lines);
}
