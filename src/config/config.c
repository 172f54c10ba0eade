/* SPDX-License-Identifier: ISC */
/* config.c: parboard's configuration as the rest of the program sees it —
 * the built-in defaults, where the file is looked for, the database path,
 * and the lookups of roles and deadlines.
 *
 * Reading a file is confread.c's business (and confroles.c's): it starts
 * from config_default(), so a file only says what differs.
 *
 * The default roles live once, in default_roles[]: config_default() builds
 * from them, and share/parboard.conf.in writes the same data out (the unit
 * test checks that the two agree). */
#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "confread.h"
#include "paths.h"
#include "people.h"
#include "text.h"
#include "util.h"

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
	/* Not a bare "xã hội": it would match "đoàn thể chính trị – xã
	 * hội", the mass organisations of MTTQ below. */
	{ "VH-XH", "Văn hóa – Xã hội", { "văn hóa" } },
	{ "TN-TKQ", "Bộ phận Tiếp nhận và Trả kết quả",
	    { "tiếp nhận và trả kết quả", "một cửa", "TN&TKQ",
	    "TN và TKQ" } },
	{ "CA", "Công an xã", { "công an" } },
	{ "DTT", "Đài truyền thanh", { "truyền thanh" } },
	{ "MTTQ", "Mặt trận Tổ quốc và các đoàn thể",
	    { "mặt trận", "MTTQ", "đoàn thể", "hội phụ nữ", "đoàn thanh niên",
	    "hội nông dân", "cựu chiến binh" } },
	/* Standard titles of commune civil servants.  "Địa chính – Xây
	 * dựng" (– Đô thị và Môi trường, or – Nông nghiệp): never a bare
	 * "xây dựng", which the seed's 1.4.2 uses ("xây dựng nhiều tin
	 * bài"); nor a bare "tài chính" ("nghĩa vụ tài chính"). */
	{ "DC-XD", "Địa chính – Xây dựng", { "địa chính" } },
	{ "TC-KT", "Tài chính – Kế toán", { "tài chính – kế toán",
	    "kế toán" } },
	{ "QS", "Chỉ huy trưởng Quân sự", { "quân sự" } },
};
static const struct role_def default_common = {
	ROLE_COMMON, "Cán bộ, công chức",
	{ "cán bộ, công chức", "cán bộ công chức", "CBCC" }
};
static const struct role_def default_unassigned = {
	ROLE_UNASSIGNED, "Chưa giao", { NULL }
};

/* Helpers shared with the reader ----------------------------------------- */

bool
conf_ascii_eq(const char *a, const char *b)
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
char *
conf_expand_home(const char *path)
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

void
conf_role_clear(struct role *r)
{
	free(r->id);
	free(r->name);
	free_patterns(r);
	free(r->due);
	free(r->accountable);
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

/* Defaults and the search order ------------------------------------------ */

struct config *
config_default(void)
{
	struct config *c = xcalloc(1, sizeof *c);
	size_t i, n = sizeof default_roles / sizeof default_roles[0];

	c->default_due = xstrdup(CONF_DEFAULT_DUE);
	c->warn_days = CONF_DEFAULT_WARN_DAYS;
	c->new_task_days = CONF_DEFAULT_NEW_TASK_DAYS;
	c->backup_keep = CONF_DEFAULT_BACKUP_KEEP;
	/* The six roles in order, then CHUNG and CHUA-GIAO. */
	c->roles = xcalloc(n + 2, sizeof *c->roles);
	for (i = 0; i < n; i++)
		role_from_def(&c->roles[i], &default_roles[i]);
	role_from_def(&c->roles[n], &default_common);
	c->roles[n].common = true;
	role_from_def(&c->roles[n + 1], &default_unassigned);
	c->roles[n + 1].unassigned = true;
	c->nroles = n + 2;
	return c;
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
		return conf_read_file(path, out, err);
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
	rc = conf_read_file(found, out, err);
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

char *
config_backup_dir(const struct config *c, const char *db_path)
{
	const char *slash = strrchr(db_path, '/');

	if (c != NULL && c->backup_dir != NULL)
		return xstrdup(c->backup_dir);
	if (slash == NULL)
		return xstrdup("backup");
	return xasprintf("%.*s/backup", (int)(slash - db_path), db_path);
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
		if (conf_ascii_eq(c->roles[i].id, id))
			return &c->roles[i];
	return NULL;
}

const char *
config_accountable(const struct config *c, const char *role)
{
	const struct role *r = config_role(c, role);

	return r != NULL ? r->accountable : NULL;
}

/* A person as typed: the name as configured, or else the one name that
 * matches it folded (case and marks aside: "lan" for "Lan"). */
const struct member *
config_person(const struct config *c, const char *name)
{
	const struct member *m = NULL;
	char *want, *have;
	size_t i, n = 0;

	for (i = 0; i < c->npeople; i++)
		if (strcmp(c->people[i].name, name) == 0)
			return &c->people[i];
	want = text_fold(name);
	for (i = 0; i < c->npeople; i++) {
		have = text_fold(c->people[i].name);
		if (strcmp(want, have) == 0) {
			m = &c->people[i];
			n++;
		}
		free(have);
	}
	free(want);
	return n == 1 ? m : NULL;
}

const struct member *
config_person_of_account(const struct config *c, const char *account)
{
	size_t i;

	for (i = 0; account != NULL && i < c->npeople; i++)
		if (c->people[i].account != NULL &&
		    strcmp(c->people[i].account, account) == 0)
			return &c->people[i];
	return NULL;
}

char *
config_actor_name(const struct config *c, const char *actor,
    const struct member **m)
{
	const struct member *p = NULL;
	const char *open;
	char *claim;
	size_t n;

	if (m != NULL)
		*m = NULL;
	if (actor == NULL)
		return NULL;
	/* A shared login's claim, as perm.c writes it: "ubnd (Lan)". */
	open = strstr(actor, " (");
	n = strlen(actor);
	if (open != NULL && n > 0 && actor[n - 1] == ')') {
		claim = xstrndup(open + 2, (size_t)(actor + n - 3 - open));
		if ((p = config_person(c, claim)) == NULL)
			return claim;
		free(claim);
	} else
		p = config_person_of_account(c, actor);
	if (m != NULL)
		*m = p;
	return xstrdup(p != NULL ? p->name : actor);
}

bool
config_member_has_role(const struct member *m, const char *role)
{
	size_t i;

	for (i = 0; i < m->nroles; i++)
		if (conf_ascii_eq(m->roles[i], role))
			return true;
	return false;
}

char *
config_person_named(const struct config *c, const char *role,
    const char *text)
{
	const struct role *r = config_role(c, role);
	const struct member **who;
	const char **titles, **words;
	char *name = NULL;
	size_t i, n = 0;
	int k;

	if (r == NULL || c->npeople == 0 || text == NULL)
		return NULL;
	who = xcalloc(c->npeople, sizeof *who);
	titles = xcalloc(c->npeople, sizeof *titles);
	for (i = 0; i < c->npeople; i++)
		if (config_member_has_role(&c->people[i], r->id)) {
			who[n] = &c->people[i];
			titles[n++] = c->people[i].title;
		}
	words = xcalloc(r->npatterns + 1, sizeof *words);
	words[0] = r->name;
	for (i = 0; i < r->npatterns; i++)
		words[i + 1] = r->patterns[i];
	k = people_named(text, titles, n, words, r->npatterns + 1);
	if (k >= 0)
		name = xstrdup(who[k]->name);
	free(words);
	free(titles);
	free(who);
	return name;
}

/* Most specific first: an override for this criterion and role, one for
 * the criterion alone, the role's own deadline, the default. */
const char *
config_due(const struct config *c, const char *role, const char *code,
    enum due_source *source)
{
	const struct due_override *o, *any = NULL;
	const struct role *r;
	enum due_source src = DUE_DEFAULT;
	const char *due = c->default_due;
	size_t i;

	for (i = 0; code != NULL && i < c->ncode_due; i++) {
		o = &c->code_due[i];
		if (strcmp(o->code, code) != 0)
			continue;
		if (o->role == NULL) {
			if (any == NULL)
				any = o;
		} else if (role != NULL && conf_ascii_eq(o->role, role)) {
			any = o;
			break;
		}
	}
	if (any != NULL) {
		src = DUE_CRITERION;
		due = any->due;
	} else if ((r = config_role(c, role)) != NULL && r->due != NULL) {
		src = DUE_ROLE;
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
	free(c->backup_dir);
	free(c->commune);
	free(c->chair);
	free(c->language);
	free(c->default_due);
	for (i = 0; i < c->nroles; i++)
		conf_role_clear(&c->roles[i]);
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
	for (i = 0; i < c->ncolumn_words; i++)
		free(c->column_words[i].word);
	free(c->column_words);
	conf_users_free(c);
	free(c);
}
