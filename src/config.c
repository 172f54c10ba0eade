/* config.c: the libconfig file as parboard reads it.
 *
 * Every top-level setting has one row in settings[] below: its name, the
 * libconfig type it must have, its default as it would be written in the
 * file, what it means, and the function that stores it.  The loader walks
 * the settings the file actually contains and looks each one up in that
 * table, so a misspelt name is reported with its line instead of being
 * silently ignored.  Nothing stops at the first mistake: every error is
 * appended to one buffer, "FILE:LINE: what" per line, and handed back
 * together so the user fixes the file in one pass.
 *
 * Some checks need the whole file (a criterion override may name a role
 * that is defined further down; the CHUNG column may be placed inside the
 * roles list), so reading fills a struct loader and finish() assembles
 * the struct config at the end.
 *
 * The default roles live once, in default_roles[]: config_default() builds
 * from them, and share/parboard.conf.in writes the same data out (the unit
 * test checks that the two agree). */
#include "config.h"

#include <errno.h>
#include <libconfig.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text.h"
#include "util.h"

#ifndef SYSCONFDIR
#define SYSCONFDIR "/etc"
#endif

#define DEFAULT_DUE "2023-10-31"
#define DEFAULT_WARN_DAYS 7
#define MAX_WARN_DAYS 366
#define MAX_PATTERNS 8

/* A role as written in the source: the data behind config_default() and
 * the roles of the shipped file. */
struct role_def {
	const char *id;
	const char *name;
	const char *match[MAX_PATTERNS];	/* NULL-terminated */
};

static const struct role_def default_roles[] = {
	{ "VP-TK", "Văn phòng – Thống kê", { "văn phòng", "thống kê" } },
	{ "TP-HT", "Tư pháp – Hộ tịch", { "tư pháp", "hộ tịch" } },
	{ "VH-XH", "Văn hóa – Xã hội", { "văn hóa", "xã hội" } },
	{ "TN-TKQ", "Bộ phận Tiếp nhận và Trả kết quả",
	    { "tiếp nhận và trả kết quả", "một cửa", "TN&TKQ",
	    "TN và TKQ" } },
	{ "CA", "Công an xã", { "công an" } },
	{ "DTT", "Đài truyền thanh", { "truyền thanh" } },
};
static const struct role_def default_common = {
	ROLE_COMMON, "Cán bộ, công chức",
	{ "cán bộ, công chức", "cán bộ công chức", "CBCC" }
};
static const struct role_def default_unassigned = {
	ROLE_UNASSIGNED, "Chưa giao", { NULL }
};

/* The colour names curses knows on every terminal.  Element names are the
 * board's business: it reports an unknown one with the line kept here. */
static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan",
	"white", "default", NULL
};

enum role_kind {
	KIND_PLAIN,
	KIND_COMMON,
	KIND_UNASSIGNED,
};

/* A role being read, with what finish() needs to place and check it. */
struct pending_role {
	struct role r;
	int line;
	bool has_name, has_match;
};

/* Errors are kept apart until the end so they can be shown in the order
 * of the file, although some are only found after all of it is read. */
struct load_error {
	unsigned int line;
	size_t seq;
	char *text;
};

struct loader {
	struct config *c;
	const char *file;
	struct load_error *errs;
	size_t nerrs, errs_cap;

	struct pending_role *roles;
	size_t nroles, roles_cap;
	struct pending_role common, unassigned;

	int *override_lines;	/* parallel to c->code_due */
	size_t code_due_cap, keys_cap, colors_cap;
};

struct setting {
	const char *name;
	int type;		/* CONFIG_TYPE_* the value must have */
	const char *def;	/* default, as the file would write it */
	const char *help;
	void (*load)(struct loader *, const config_setting_t *);
};

static void load_database(struct loader *, const config_setting_t *);
static void load_commune(struct loader *, const config_setting_t *);
static void load_deadline(struct loader *, const config_setting_t *);
static void load_warn_days(struct loader *, const config_setting_t *);
static void load_roles(struct loader *, const config_setting_t *);
static void load_common(struct loader *, const config_setting_t *);
static void load_unassigned(struct loader *, const config_setting_t *);
static void load_criteria(struct loader *, const config_setting_t *);
static void load_bind(struct loader *, const config_setting_t *);
static void load_colors(struct loader *, const config_setting_t *);

/* The one description of parboard's settings; man/parboard.5.in and
 * share/parboard.conf.in say the same in prose. */
static const struct setting settings[] = {
	{ "database", CONFIG_TYPE_STRING, NULL,
	    "SQLite database; ~ and $HOME are expanded",
	    load_database },
	{ "commune", CONFIG_TYPE_STRING, NULL,
	    "name of the commune shown in the board's header",
	    load_commune },
	{ "deadline", CONFIG_TYPE_STRING, "\"" DEFAULT_DUE "\"",
	    "default deadline, YYYY-MM-DD or dd/mm/yyyy",
	    load_deadline },
	{ "warn_days", CONFIG_TYPE_INT, "7",
	    "a task is due soon this many days before its deadline",
	    load_warn_days },
	{ "roles", CONFIG_TYPE_LIST, "(the six roles)",
	    "columns in order: id, name, match patterns, deadline",
	    load_roles },
	{ "common", CONFIG_TYPE_GROUP, "{ id = \"" ROLE_COMMON "\"; ... }",
	    "the column of tasks given to all staff",
	    load_common },
	{ "unassigned", CONFIG_TYPE_GROUP,
	    "{ id = \"" ROLE_UNASSIGNED "\"; ... }",
	    "the column of tasks that name no role",
	    load_unassigned },
	{ "criteria", CONFIG_TYPE_LIST, "()",
	    "deadline overrides per criterion code (and role)",
	    load_criteria },
	{ "bind", CONFIG_TYPE_LIST, "()",
	    "key bindings: ( (\"KEY\", \"ACTION\"), ... )",
	    load_bind },
	{ "colors", CONFIG_TYPE_GROUP, "{}",
	    "colours of board elements: \"FG\" or \"FG/BG\"",
	    load_colors },
};

/* Errors ------------------------------------------------------------ */

static void
verr(struct loader *l, const char *file, unsigned int line, const char *fmt,
    va_list ap)
{
	char *msg = xvasprintf(fmt, ap);
	struct load_error *e;

	l->errs = xgrow(l->errs, &l->errs_cap, l->nerrs + 1, sizeof *l->errs);
	e = &l->errs[l->nerrs];
	e->line = line;
	e->seq = l->nerrs++;
	if (line > 0)
		e->text = xasprintf("%s:%u: %s", file, line, msg);
	else
		e->text = xasprintf("%s: %s", file, msg);
	free(msg);
}

static int
error_cmp(const void *a, const void *b)
{
	const struct load_error *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* All errors, in file order, one per line. */
static char *
errors_text(struct loader *l)
{
	struct buf b = { 0 };
	size_t i;

	qsort(l->errs, l->nerrs, sizeof *l->errs, error_cmp);
	for (i = 0; i < l->nerrs; i++) {
		if (i > 0)
			buf_addc(&b, '\n');
		buf_adds(&b, l->errs[i].text);
	}
	return buf_take(&b);
}

/* An error about setting s (NULL: the file as a whole). */
static void PB_PRINTF(3, 4)
lerr(struct loader *l, const config_setting_t *s, const char *fmt, ...)
{
	const char *file = s ? config_setting_source_file(s) : NULL;
	va_list ap;

	va_start(ap, fmt);
	verr(l, file ? file : l->file, s ? config_setting_source_line(s) : 0,
	    fmt, ap);
	va_end(ap);
}

/* An error found after reading, when only the line is left. */
static void PB_PRINTF(3, 4)
lerr_line(struct loader *l, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verr(l, l->file, line > 0 ? (unsigned int)line : 0, fmt, ap);
	va_end(ap);
}

static const char *
type_name(int type)
{
	switch (type) {
	case CONFIG_TYPE_GROUP:
		return "a group { ... }";
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		return "an integer";
	case CONFIG_TYPE_FLOAT:
		return "a number";
	case CONFIG_TYPE_STRING:
		return "a string";
	case CONFIG_TYPE_BOOL:
		return "a boolean";
	case CONFIG_TYPE_ARRAY:
		return "an array [ ... ]";
	case CONFIG_TYPE_LIST:
		return "a list ( ... )";
	}
	return "a value";
}

/* True when s has the type; otherwise reports it. */
static bool
want_type(struct loader *l, const config_setting_t *s, const char *what,
    int type)
{
	int have = config_setting_type(s);

	if (have == type)
		return true;
	lerr(l, s, "%s must be %s, not %s", what, type_name(type),
	    type_name(have));
	return false;
}

/* Small helpers -------------------------------------------------------- */

static bool
ascii_eq(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++) {
		char x = *a, y = *b;
		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (y >= 'A' && y <= 'Z')
			y += 'a' - 'A';
		if (x != y)
			return false;
	}
	return *a == *b;
}

static const char *
home_dir(void)
{
	const char *h = getenv("HOME");
	struct passwd *pw;

	if (h != NULL && *h != '\0')
		return h;
	pw = getpwuid(getuid());
	if (pw != NULL && pw->pw_dir != NULL && *pw->pw_dir != '\0')
		return pw->pw_dir;
	return NULL;
}

/* "~", "~/x", "$HOME/x" and "${HOME}/x" as the shell would expand them;
 * anything else unchanged. */
static char *
expand_home(const char *path)
{
	static const char *const prefixes[] = { "~", "${HOME}", "$HOME" };
	const char *home = home_dir();
	size_t i, n;

	if (home == NULL)
		return xstrdup(path);
	for (i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		n = strlen(prefixes[i]);
		if (strncmp(path, prefixes[i], n) == 0 &&
		    (path[n] == '\0' || path[n] == '/'))
			return xasprintf("%s%s", home, path + n);
	}
	return xstrdup(path);
}

/* An environment variable that names a directory by the XDG rules:
 * set, not empty and absolute. */
static const char *
xdg_dir(const char *var)
{
	const char *v = getenv(var);

	return v != NULL && v[0] == '/' ? v : NULL;
}

/* A display string: valid UTF-8, stored in NFC so widths are right. */
static char *
get_text(struct loader *l, const config_setting_t *s, const char *what)
{
	const char *v = config_setting_get_string(s);
	size_t bad;

	if (!text_utf8_valid(v, strlen(v), &bad)) {
		lerr(l, s, "%s: invalid UTF-8 at byte %zu", what, bad + 1);
		return NULL;
	}
	return text_nfc(v);
}

static bool
get_date(struct loader *l, const config_setting_t *s, const char *what,
    char iso[11])
{
	if (!want_type(l, s, what, CONFIG_TYPE_STRING))
		return false;
	if (text_parse_date(config_setting_get_string(s), iso))
		return true;
	lerr(l, s, "%s: \"%s\" is not a date (YYYY-MM-DD or dd/mm/yyyy)",
	    what, config_setting_get_string(s));
	return false;
}

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

static bool
in_list(const char *const *list, const char *s)
{
	for (; *list != NULL; list++)
		if (ascii_eq(*list, s))
			return true;
	return false;
}

/* Roles ------------------------------------------------------------------ */

static void
free_patterns(struct role *r)
{
	size_t i;

	for (i = 0; i < r->npatterns; i++)
		free(r->patterns[i]);
	free(r->patterns);
	r->patterns = NULL;
	r->npatterns = 0;
}

static void
role_clear(struct role *r)
{
	free(r->id);
	free(r->name);
	free_patterns(r);
	free(r->due);
	memset(r, 0, sizeof *r);
}

static void
role_from_def(struct role *r, const struct role_def *d)
{
	size_t n;

	memset(r, 0, sizeof *r);
	r->id = xstrdup(d->id);
	r->name = xstrdup(d->name);
	for (n = 0; n < MAX_PATTERNS && d->match[n] != NULL; n++)
		;
	r->patterns = xcalloc(n, sizeof *r->patterns);
	for (r->npatterns = 0; r->npatterns < n; r->npatterns++)
		r->patterns[r->npatterns] = text_fold(d->match[r->npatterns]);
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
		lerr(l, s, "match must be an array of strings [ \"...\" ]");
		return;
	}
	n = config_setting_length(s);
	r->patterns = xcalloc((size_t)n, sizeof *r->patterns);
	for (i = 0; i < n; i++) {
		e = config_setting_get_elem(s, (unsigned int)i);
		if (!want_type(l, e, "a match pattern", CONFIG_TYPE_STRING))
			continue;
		if (!text_utf8_valid(config_setting_get_string(e),
		    strlen(config_setting_get_string(e)), NULL)) {
			lerr(l, e, "match pattern: invalid UTF-8");
			continue;
		}
		folded = text_fold(config_setting_get_string(e));
		if (*folded == '\0') {
			lerr(l, e, "empty match pattern");
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
			if (!want_type(l, m, "id", CONFIG_TYPE_STRING))
				continue;
			if (!valid_role_id(config_setting_get_string(m))) {
				lerr(l, m, "role id \"%s\": use only ASCII "
				    "letters, digits, '-' and '_'",
				    config_setting_get_string(m));
				continue;
			}
			p->r.id = xstrdup(config_setting_get_string(m));
		} else if (strcmp(key, "name") == 0) {
			if (!want_type(l, m, "name", CONFIG_TYPE_STRING))
				continue;
			p->r.name = get_text(l, m, "name");
			p->has_name = p->r.name != NULL;
		} else if (strcmp(key, "match") == 0 &&
		    kind != KIND_UNASSIGNED) {
			load_match(l, m, &p->r);
			p->has_match = true;
		} else if (strcmp(key, "deadline") == 0) {
			if (get_date(l, m, "deadline", iso))
				p->r.due = xstrdup(iso);
		} else
			lerr(l, m, "unknown setting \"%s\" in %s", key,
			    kind == KIND_PLAIN ? "a role" :
			    kind == KIND_COMMON ? "common" : "unassigned");
	}
	if (kind == KIND_PLAIN && p->r.id == NULL &&
	    config_setting_get_member(s, "id") == NULL)
		lerr(l, s, "a role needs an id");
}

static void
load_roles(struct loader *l, const config_setting_t *s)
{
	const config_setting_t *e;
	int i, n = config_setting_length(s);

	/* The file's list replaces the default roles, it does not extend them. */
	for (i = 0; (size_t)i < l->nroles; i++)
		role_clear(&l->roles[i].r);
	l->nroles = 0;
	for (i = 0; i < n; i++) {
		e = config_setting_get_elem(s, (unsigned int)i);
		if (!want_type(l, e, "a role", CONFIG_TYPE_GROUP))
			continue;
		l->roles = xgrow(l->roles, &l->roles_cap, l->nroles + 1,
		    sizeof *l->roles);
		load_role(l, e, KIND_PLAIN, &l->roles[l->nroles]);
		if (l->roles[l->nroles].r.id == NULL)
			role_clear(&l->roles[l->nroles].r);
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
		free_patterns(&into->r);
		into->r.patterns = p.r.patterns;
		into->r.npatterns = p.r.npatterns;
		p.r.patterns = NULL;
		p.r.npatterns = 0;
	}
	if (p.r.due != NULL) {
		free(into->r.due);
		into->r.due = p.r.due;
		p.r.due = NULL;
	}
	into->line = p.line;
	role_clear(&p.r);
}

static void
load_common(struct loader *l, const config_setting_t *s)
{
	load_special(l, s, KIND_COMMON, &l->common);
}

static void
load_unassigned(struct loader *l, const config_setting_t *s)
{
	load_special(l, s, KIND_UNASSIGNED, &l->unassigned);
}

/* Scalars ------------------------------------------------------------------ */

static void
load_database(struct loader *l, const config_setting_t *s)
{
	const char *v = config_setting_get_string(s);

	if (*v == '\0') {
		lerr(l, s, "database: empty path");
		return;
	}
	free(l->c->database);
	l->c->database = expand_home(v);
}

static void
load_commune(struct loader *l, const config_setting_t *s)
{
	char *v = get_text(l, s, "commune");

	if (v != NULL) {
		free(l->c->commune);
		l->c->commune = v;
	}
}

static void
load_deadline(struct loader *l, const config_setting_t *s)
{
	char iso[11];

	if (get_date(l, s, "deadline", iso)) {
		free(l->c->default_due);
		l->c->default_due = xstrdup(iso);
	}
}

static void
load_warn_days(struct loader *l, const config_setting_t *s)
{
	int v = config_setting_get_int(s);

	if (v < 0 || v > MAX_WARN_DAYS)
		lerr(l, s, "warn_days must be between 0 and %d, not %d",
		    MAX_WARN_DAYS, v);
	else
		l->c->warn_days = v;
}

/* Criteria overrides ------------------------------------------------------ */

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
			if (!want_type(l, m, "code", CONFIG_TYPE_STRING))
				ok = 0;
			else if (*config_setting_get_string(m) == '\0') {
				lerr(l, m, "code: empty criterion code");
				ok = 0;
			} else
				code = xstrdup(config_setting_get_string(m));
		} else if (strcmp(key, "deadline") == 0) {
			if (get_date(l, m, "deadline", iso))
				due = xstrdup(iso);
			else
				ok = 0;
		} else if (strcmp(key, "role") == 0) {
			if (want_type(l, m, "role", CONFIG_TYPE_STRING))
				role = xstrdup(config_setting_get_string(m));
			else
				ok = 0;
		} else {
			lerr(l, m, "unknown setting \"%s\" in a criterion",
			    key);
			ok = 0;
		}
	}
	if (ok && code == NULL)
		lerr(l, s, "a criterion needs a code");
	if (ok && due == NULL)
		lerr(l, s, "a criterion needs a deadline");
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
		    ascii_eq(o->role, role))))
			lerr(l, s, "criterion %s%s%s is overridden twice "
			    "(first at line %d)", code, role ? "/" : "",
			    role ? role : "", l->override_lines[i]);
	}
	c->code_due = xgrow(c->code_due, &l->code_due_cap, c->ncode_due + 1,
	    sizeof *c->code_due);
	l->override_lines = xrealloc(l->override_lines,
	    l->code_due_cap * sizeof *l->override_lines);
	c->code_due[c->ncode_due] = (struct due_override){ code, due, role };
	l->override_lines[c->ncode_due++] = config_setting_source_line(s);
}

static void
load_criteria(struct loader *l, const config_setting_t *s)
{
	const config_setting_t *e;
	int i, n = config_setting_length(s);

	for (i = 0; i < n; i++) {
		e = config_setting_get_elem(s, (unsigned int)i);
		if (want_type(l, e, "a criterion", CONFIG_TYPE_GROUP))
			load_override(l, e);
	}
}

/* Keys and colours ---------------------------------------------------------- */

static void
add_binding(struct loader *l, const config_setting_t *where,
    const config_setting_t *key, const config_setting_t *action)
{
	struct config *c = l->c;

	if (key == NULL || action == NULL) {
		lerr(l, where, "a binding needs a key and an action");
		return;
	}
	if (!want_type(l, key, "a key", CONFIG_TYPE_STRING) ||
	    !want_type(l, action, "an action", CONFIG_TYPE_STRING))
		return;
	if (*config_setting_get_string(key) == '\0' ||
	    *config_setting_get_string(action) == '\0') {
		lerr(l, where, "a binding needs a key and an action");
		return;
	}
	c->keys = xgrow(c->keys, &l->keys_cap, c->nkeys + 1, sizeof *c->keys);
	c->keys[c->nkeys].key = xstrdup(config_setting_get_string(key));
	c->keys[c->nkeys].action = xstrdup(config_setting_get_string(action));
	c->keys[c->nkeys++].line = config_setting_source_line(where);
}

/* Each binding is ("KEY", "ACTION") or { key = "KEY"; action = "ACTION"; }:
 * libconfig names cannot hold most key names, so keys are values. */
static void
load_bind(struct loader *l, const config_setting_t *s)
{
	const config_setting_t *e, *m;
	int i, j, n = config_setting_length(s);

	for (i = 0; i < n; i++) {
		e = config_setting_get_elem(s, (unsigned int)i);
		switch (config_setting_type(e)) {
		case CONFIG_TYPE_LIST:
		case CONFIG_TYPE_ARRAY:
			if (config_setting_length(e) != 2) {
				lerr(l, e, "a binding is (\"KEY\", "
				    "\"ACTION\")");
				continue;
			}
			add_binding(l, e, config_setting_get_elem(e, 0),
			    config_setting_get_elem(e, 1));
			break;
		case CONFIG_TYPE_GROUP:
			for (j = 0; (m = config_setting_get_elem(e,
			    (unsigned int)j)) != NULL; j++)
				if (strcmp(config_setting_name(m), "key") != 0 &&
				    strcmp(config_setting_name(m), "action") != 0)
					lerr(l, m, "unknown setting \"%s\" in "
					    "a binding", config_setting_name(m));
			add_binding(l, e, config_setting_get_member(e, "key"),
			    config_setting_get_member(e, "action"));
			break;
		default:
			lerr(l, e, "a binding is (\"KEY\", \"ACTION\")");
		}
	}
}

static void
load_colors(struct loader *l, const config_setting_t *s)
{
	struct config *c = l->c;
	const config_setting_t *m;
	const char *name, *v, *slash;
	char *fg, *bg;
	int i;

	for (i = 0; (m = config_setting_get_elem(s, (unsigned int)i)) != NULL;
	    i++) {
		name = config_setting_name(m);
		if (!want_type(l, m, name, CONFIG_TYPE_STRING))
			continue;
		v = config_setting_get_string(m);
		slash = strchr(v, '/');
		fg = slash ? xstrndup(v, (size_t)(slash - v)) : xstrdup(v);
		bg = slash ? xstrdup(slash + 1) : NULL;
		if (!in_list(color_names, fg) ||
		    (bg != NULL && !in_list(color_names, bg))) {
			lerr(l, m, "colors: %s = \"%s\": want \"FG\" or "
			    "\"FG/BG\" with colours black, red, green, "
			    "yellow, blue, magenta, cyan, white or default",
			    name, v);
			free(fg);
			free(bg);
			continue;
		}
		c->colors = xgrow(c->colors, &l->colors_cap, c->ncolors + 1,
		    sizeof *c->colors);
		c->colors[c->ncolors++] = (struct color_setting){
			xstrdup(name), fg, bg, config_setting_source_line(m)
		};
	}
}

/* Assembly ---------------------------------------------------------------- */

static void
config_add_role(struct config *c, size_t *cap, struct role *r)
{
	c->roles = xgrow(c->roles, cap, c->nroles + 1, sizeof *c->roles);
	c->roles[c->nroles++] = *r;
	memset(r, 0, sizeof *r);
}

static void
finish(struct loader *l)
{
	struct config *c = l->c;
	struct pending_role *p;
	size_t i, j, cap = 0;
	bool placed_common = false, placed_unassigned = false;
	int *lines;

	lines = xcalloc(l->nroles + 2, sizeof *lines);
	for (i = 0; i < l->nroles; i++) {
		p = &l->roles[i];
		if (ascii_eq(p->r.id, l->common.r.id)) {
			p->r.common = true;
			placed_common = true;
			if (!p->has_name)
				p->r.name = xstrdup(l->common.r.name);
			if (!p->has_match)
				copy_patterns(&p->r, &l->common.r);
			if (p->r.due == NULL && l->common.r.due != NULL)
				p->r.due = xstrdup(l->common.r.due);
		} else if (ascii_eq(p->r.id, l->unassigned.r.id)) {
			p->r.unassigned = true;
			placed_unassigned = true;
			if (p->has_match && p->r.npatterns > 0)
				lerr_line(l, p->line, "the unassigned column "
				    "\"%s\" takes no match patterns",
				    p->r.id);
			if (!p->has_name)
				p->r.name = xstrdup(l->unassigned.r.name);
			if (p->r.due == NULL && l->unassigned.r.due != NULL)
				p->r.due = xstrdup(l->unassigned.r.due);
		} else if (!p->has_name)
			p->r.name = xstrdup(p->r.id);
		if (p->r.patterns == NULL)
			p->r.patterns = xcalloc(0, sizeof *p->r.patterns);
		lines[c->nroles] = p->line;
		config_add_role(c, &cap, &p->r);
	}
	if (!placed_common) {
		l->common.r.common = true;
		lines[c->nroles] = l->common.line;
		config_add_role(c, &cap, &l->common.r);
	}
	if (!placed_unassigned) {
		l->unassigned.r.unassigned = true;
		lines[c->nroles] = l->unassigned.line;
		config_add_role(c, &cap, &l->unassigned.r);
	}

	for (i = 0; i < c->nroles; i++)
		for (j = 0; j < i; j++)
			if (ascii_eq(c->roles[i].id, c->roles[j].id)) {
				if (lines[j] > 0)
					lerr_line(l, lines[i], "duplicate role "
					    "id \"%s\" (first at line %d)",
					    c->roles[i].id, lines[j]);
				else
					lerr_line(l, lines[i], "duplicate role "
					    "id \"%s\"", c->roles[i].id);
				break;
			}
	for (i = 0; i < c->ncode_due; i++)
		if (c->code_due[i].role != NULL &&
		    config_role(c, c->code_due[i].role) == NULL)
			lerr_line(l, l->override_lines[i], "criterion %s: "
			    "unknown role \"%s\"", c->code_due[i].code,
			    c->code_due[i].role);
	free(lines);
}

static void
loader_init(struct loader *l, struct config *c, const char *file)
{
	size_t i, n = sizeof default_roles / sizeof default_roles[0];

	memset(l, 0, sizeof *l);
	l->c = c;
	l->file = file;
	c->default_due = xstrdup(DEFAULT_DUE);
	c->warn_days = DEFAULT_WARN_DAYS;
	l->roles = xgrow(NULL, &l->roles_cap, n, sizeof *l->roles);
	for (i = 0; i < n; i++) {
		memset(&l->roles[i], 0, sizeof l->roles[i]);
		role_from_def(&l->roles[i].r, &default_roles[i]);
		l->roles[i].has_name = l->roles[i].has_match = true;
	}
	l->nroles = n;
	role_from_def(&l->common.r, &default_common);
	role_from_def(&l->unassigned.r, &default_unassigned);
}

static void
loader_free(struct loader *l)
{
	size_t i;

	for (i = 0; i < l->nroles; i++)
		role_clear(&l->roles[i].r);
	free(l->roles);
	role_clear(&l->common.r);
	role_clear(&l->unassigned.r);
	free(l->override_lines);
	for (i = 0; i < l->nerrs; i++)
		free(l->errs[i].text);
	free(l->errs);
}

struct config *
config_default(void)
{
	struct config *c = xcalloc(1, sizeof *c);
	struct loader l;

	loader_init(&l, c, "(defaults)");
	finish(&l);
	loader_free(&l);
	return c;
}

/* Edit distance of two short ASCII names, for "did you mean". */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, prev, cur, best;
	size_t row[32];

	if (la >= sizeof row / sizeof row[0] || lb >= sizeof row / sizeof row[0])
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			cur = row[j];
			best = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	return row[lb];
}

static void
unknown_setting(struct loader *l, const config_setting_t *s)
{
	const char *name = config_setting_name(s), *near = NULL;
	size_t i, d, best = 3;	/* two typos at most */

	for (i = 0; i < sizeof settings / sizeof settings[0]; i++)
		if ((d = distance(name, settings[i].name)) < best) {
			best = d;
			near = settings[i].name;
		}
	if (near != NULL)
		lerr(l, s, "unknown setting \"%s\" (did you mean \"%s\"?)",
		    name, near);
	else
		lerr(l, s, "unknown setting \"%s\"", name);
}

/* Read one file through the settings table. */
static int
load_file(const char *path, struct config **out, char **err)
{
	struct config *c;
	config_setting_t *root, *s;
	const struct setting *t;
	struct loader l;
	struct stat sb;
	config_t cf;
	const char *slash;
	char *dir;
	size_t i;
	int n;

	if (stat(path, &sb) != 0)
		return fail(err, "%s: %s", path, strerror(errno));
	if (S_ISDIR(sb.st_mode))
		return fail(err, "%s: %s", path, strerror(EISDIR));
	c = xcalloc(1, sizeof *c);
	config_init(&cf);
	/* @include "x" is relative to the including file, not to the
	 * current directory. */
	slash = strrchr(path, '/');
	dir = slash ? xstrndup(path, (size_t)(slash - path) + 1) : xstrdup(".");
	config_set_include_dir(&cf, dir);
	errno = 0;
	if (config_read_file(&cf, path) != CONFIG_TRUE) {
		if (config_error_type(&cf) == CONFIG_ERR_FILE_IO)
			fail(err, "%s: %s", path, strerror(errno ? errno : EIO));
		else
			fail(err, "%s:%d: %s", config_error_file(&cf) ?
			    config_error_file(&cf) : path,
			    config_error_line(&cf), config_error_text(&cf));
		config_destroy(&cf);
		free(dir);
		free(c);
		return -1;
	}

	loader_init(&l, c, path);
	root = config_root_setting(&cf);
	for (n = 0; (s = config_setting_get_elem(root, (unsigned int)n)) !=
	    NULL; n++) {
		for (i = 0; i < sizeof settings / sizeof settings[0]; i++)
			if (strcmp(settings[i].name, config_setting_name(s)) == 0)
				break;
		if (i == sizeof settings / sizeof settings[0]) {
			unknown_setting(&l, s);
			continue;
		}
		t = &settings[i];
		if (want_type(&l, s, t->name, t->type))
			t->load(&l, s);
	}
	finish(&l);
	config_destroy(&cf);
	free(dir);

	if (l.nerrs > 0) {
		if (err != NULL) {
			free(*err);
			*err = errors_text(&l);
		}
		loader_free(&l);
		config_free(c);
		return -1;
	}
	loader_free(&l);
	c->file = xstrdup(path);
	*out = c;
	return 0;
}

static bool
exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0;
}

int
config_load(const char *path, struct config **out, char **err)
{
	const char *env = getenv("PARBOARD_CONFIG"), *base, *home;
	char *found = NULL;
	int rc;

	*out = NULL;
	/* A file the user named must be there; the usual places are only
	 * looked at. */
	if (path == NULL && env != NULL && *env != '\0')
		path = env;
	if (path != NULL) {
		if (!exists(path))
			return fail(err, "%s: %s", path, strerror(errno));
		return load_file(path, out, err);
	}

	if ((base = xdg_dir("XDG_CONFIG_HOME")) != NULL)
		found = xasprintf("%s/parboard/parboard.conf", base);
	else if ((home = home_dir()) != NULL)
		found = xasprintf("%s/.config/parboard/parboard.conf", home);
	if (found == NULL || !exists(found)) {
		free(found);
		found = xstrdup(SYSCONFDIR "/parboard.conf");
		if (!exists(found)) {
			free(found);
			*out = config_default();
			return 0;
		}
	}
	rc = load_file(found, out, err);
	free(found);
	return rc;
}

char *
config_database_path(const struct config *c, const char *explicit)
{
	const char *base;

	if (explicit != NULL)
		return xstrdup(explicit);
	if (c != NULL && c->database != NULL)
		return xstrdup(c->database);
	if ((base = xdg_dir("XDG_DATA_HOME")) != NULL)
		return xasprintf("%s/parboard/parboard.db", base);
	if ((base = home_dir()) != NULL)
		return xasprintf("%s/.local/share/parboard/parboard.db", base);
	return xstrdup("parboard.db");
}

/* Role ids are compared without regard to ASCII case, so "--role vp-tk"
 * finds VP-TK. */
const struct role *
config_role(const struct config *c, const char *id)
{
	size_t i;

	if (id == NULL)
		return NULL;
	for (i = 0; i < c->nroles; i++)
		if (ascii_eq(c->roles[i].id, id))
			return &c->roles[i];
	return NULL;
}

/* Most specific first: an override for this criterion and role, one for
 * the criterion alone, the role's own deadline, the default. */
const char *
config_due(const struct config *c, const char *role, const char *code,
    const char **source)
{
	const struct due_override *o, *any = NULL;
	const struct role *r;
	const char *src = "default", *due = c->default_due;
	size_t i;

	for (i = 0; code != NULL && i < c->ncode_due; i++) {
		o = &c->code_due[i];
		if (strcmp(o->code, code) != 0)
			continue;
		if (o->role == NULL) {
			if (any == NULL)
				any = o;
		} else if (role != NULL && ascii_eq(o->role, role)) {
			any = o;
			break;
		}
	}
	if (any != NULL) {
		src = "criterion";
		due = any->due;
	} else if ((r = config_role(c, role)) != NULL && r->due != NULL) {
		src = "role";
		due = r->due;
	}
	if (source != NULL)
		*source = src;
	return due;
}

void
config_free(struct config *c)
{
	size_t i;

	if (c == NULL)
		return;
	free(c->file);
	free(c->database);
	free(c->commune);
	free(c->default_due);
	for (i = 0; i < c->nroles; i++)
		role_clear(&c->roles[i]);
	free(c->roles);
	for (i = 0; i < c->ncode_due; i++) {
		free(c->code_due[i].code);
		free(c->code_due[i].due);
		free(c->code_due[i].role);
	}
	free(c->code_due);
	for (i = 0; i < c->nkeys; i++) {
		free(c->keys[i].key);
		free(c->keys[i].action);
	}
	free(c->keys);
	for (i = 0; i < c->ncolors; i++) {
		free(c->colors[i].element);
		free(c->colors[i].fg);
		free(c->colors[i].bg);
	}
	free(c->colors);
	free(c);
}
