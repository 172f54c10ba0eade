/* SPDX-License-Identifier: ISC */
/* confread.c: the libconfig file as parboard reads it.
 *
 * Every top-level setting has one row in conf_settings[] (confsettings.c):
 * its name, the libconfig type it must have, its default as it would be
 * written in the file, what it means, and the function that stores it.  The loader walks
 * the settings the file actually contains and looks each one up in that
 * table, so a misspelt name is reported with its line instead of being
 * silently ignored.  Nothing stops at the first mistake: every error is
 * collected, put in the order of the file and handed back together,
 * "FILE:LINE: what" per line, so the user fixes the file in one pass.
 *
 * The file is read over the built-in configuration (config_default()).
 * The settings about roles and criteria, whose checks need the whole
 * file, are in confroles.c. */
#include <errno.h>
#include <libconfig.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "appraisal.h"
#include "confread.h"
#include "confread_impl.h"
#include "date.h"
#include "i18n.h"
#include "manpage.h"
#include "text.h"
#include "util.h"

#define MAX_WARN_DAYS 366

/* The colour names curses knows on every terminal.  Element names are the
 * board's business: it reports an unknown one with the line kept here. */
static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan",
	"white", "default", NULL
};

/* Errors ----------------------------------------------------------------- */

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

	xqsort(l->errs, l->nerrs, sizeof *l->errs, error_cmp);
	for (i = 0; i < l->nerrs; i++) {
		if (i > 0)
			buf_addc(&b, '\n');
		buf_adds(&b, l->errs[i].text);
	}
	return buf_take(&b);
}

void
conf_err(struct loader *l, const config_setting_t *s, const char *fmt, ...)
{
	const char *file = s ? config_setting_source_file(s) : NULL;
	va_list ap;

	va_start(ap, fmt);
	verr(l, file ? file : l->file, s ? config_setting_source_line(s) : 0,
	    fmt, ap);
	va_end(ap);
}

void
conf_err_line(struct loader *l, int line, const char *fmt, ...)
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
		return _("a group { ... }");
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		return _("an integer");
	case CONFIG_TYPE_FLOAT:
		return _("a number");
	case CONFIG_TYPE_STRING:
		return _("a string");
	case CONFIG_TYPE_BOOL:
		return _("a boolean");
	case CONFIG_TYPE_ARRAY:
		return _("an array [ ... ]");
	case CONFIG_TYPE_LIST:
		return _("a list ( ... )");
	}
	return _("a value");
}

bool
conf_want(struct loader *l, const config_setting_t *s, const char *what,
    int type)
{
	int have = config_setting_type(s);

	if (have == type)
		return true;
	conf_err(l, s, _("%s must be %s, not %s"), what, type_name(type),
	    type_name(have));
	return false;
}

/* Small helpers ---------------------------------------------------------- */

/* Stored in NFC so that widths are right. */
char *
conf_text(struct loader *l, const config_setting_t *s, const char *what)
{
	char *v, *msg = NULL;

	/* The input rule of every stored text (text.h): a name here ends
	 * up in the history and the minutes. */
	if (text_field(what, config_setting_get_string(s), false, &v,
	    &msg) != 0) {
		conf_err(l, s, "%s", msg);
		free(msg);
		return NULL;
	}
	return v;
}

bool
conf_date(struct loader *l, const config_setting_t *s, const char *what,
    char iso[11])
{
	if (!conf_want(l, s, what, CONFIG_TYPE_STRING))
		return false;
	if (date_parse(config_setting_get_string(s), iso))
		return true;
	conf_err(l, s, _("%s: \"%s\" is not a date (YYYY-MM-DD or "
	    "dd/mm/yyyy)"), what, config_setting_get_string(s));
	return false;
}

static bool
in_list(const char *const *list, const char *s)
{
	for (; *list != NULL; list++)
		if (conf_ascii_eq(*list, s))
			return true;
	return false;
}

/* Scalars ---------------------------------------------------------------- */

void
conf_load_database(struct loader *l, const config_setting_t *s)
{
	const char *v = config_setting_get_string(s);
	char *home, *path, *e = NULL;

	if (*v == '\0') {
		conf_err(l, s, _("%s: empty path"), "database");
		return;
	}
	home = conf_expand_home(v);
	/* "~user/x": that user's home, or an error; never a directory
	 * named "~user". */
	if (path_expand_user(home, &path, &e) != 0) {
		conf_err(l, s, "%s", e);
		free(e);
		free(home);
		return;
	}
	free(home);
	free(l->c->database);
	l->c->database = path;
}

void
conf_load_commune(struct loader *l, const config_setting_t *s)
{
	char *v = conf_text(l, s, "commune");

	if (v != NULL) {
		free(l->c->commune);
		l->c->commune = v;
	}
}

void
conf_load_chair(struct loader *l, const config_setting_t *s)
{
	char *v = conf_text(l, s, "chair");

	if (v != NULL) {
		free(l->c->chair);
		l->c->chair = v;
	}
}

void
conf_load_deadline(struct loader *l, const config_setting_t *s)
{
	char iso[11];

	if (conf_date(l, s, "deadline", iso)) {
		free(l->c->default_due);
		l->c->default_due = xstrdup(iso);
	}
}

void
conf_load_warn_days(struct loader *l, const config_setting_t *s)
{
	int v = config_setting_get_int(s);

	if (v < 0 || v > MAX_WARN_DAYS)
		conf_err(l, s, _("%s must be between 0 and %d, not %d"),
		    "warn_days", MAX_WARN_DAYS, v);
	else
		l->c->warn_days = v;
}

void
conf_load_new_task_days(struct loader *l, const config_setting_t *s)
{
	int v = config_setting_get_int(s);

	if (v < 1 || v > MAX_WARN_DAYS)
		conf_err(l, s, _("%s must be between %d and %d, not %d"),
		    "new_task_days", 1, MAX_WARN_DAYS, v);
	else
		l->c->new_task_days = v;
}

/* backup = { keep = 7; dir = "~/parboard-backup"; }; */
void
conf_load_backup(struct loader *l, const config_setting_t *s)
{
	config_setting_t *e;
	const char *v;
	char *home, *path, *x = NULL;
	unsigned int i;

	for (i = 0; (e = config_setting_get_elem(s, i)) != NULL; i++) {
		if (strcmp(config_setting_name(e), "keep") == 0 &&
		    conf_want(l, e, "backup.keep", CONFIG_TYPE_INT)) {
			if (config_setting_get_int(e) < 0 ||
			    config_setting_get_int(e) > MAX_BACKUP_KEEP)
				conf_err(l, e, _("%s must be between 0 and "
				    "%d, not %d"), "backup.keep",
				    MAX_BACKUP_KEEP,
				    config_setting_get_int(e));
			else
				l->c->backup_keep = config_setting_get_int(e);
		} else if (strcmp(config_setting_name(e), "dir") == 0 &&
		    conf_want(l, e, "backup.dir", CONFIG_TYPE_STRING)) {
			v = config_setting_get_string(e);
			home = conf_expand_home(v);
			if (*v == '\0')
				conf_err(l, e, _("%s: empty path"),
				    "backup.dir");
			else if (path_expand_user(home, &path, &x) != 0) {
				conf_err(l, e, "%s", x);
				free(x);
			} else {
				free(l->c->backup_dir);
				l->c->backup_dir = path;
			}
			free(home);
		} else if (strcmp(config_setting_name(e), "keep") != 0 &&
		    strcmp(config_setting_name(e), "dir") != 0)
			conf_err(l, e, _("unknown setting '%s'"),
			    config_setting_name(e));
	}
}

void
conf_load_show_empty(struct loader *l, const config_setting_t *s)
{
	l->c->show_empty = config_setting_get_bool(s) != 0;
}

void
conf_load_ascii(struct loader *l, const config_setting_t *s)
{
	l->c->ascii = config_setting_get_bool(s) != 0;
}

void
conf_load_language(struct loader *l, const config_setting_t *s)
{
	const char *v = config_setting_get_string(s);

	if (!i18n_known(v)) {
		conf_err(l, s, _("%s must be \"vi\" or \"en\""),
		    "language");
		return;
	}
	free(l->c->language);
	l->c->language = xstrdup(v);
}

/* Keys and colours ------------------------------------------------------- */

static void
add_binding(struct loader *l, const config_setting_t *where,
    const config_setting_t *key, const config_setting_t *action)
{
	struct config *c = l->c;

	if (key == NULL || action == NULL) {
		conf_err(l, where, "%s",
		    _("a binding needs a key and an action"));
		return;
	}
	if (!conf_want(l, key, _("a key"), CONFIG_TYPE_STRING) ||
	    !conf_want(l, action, _("an action"), CONFIG_TYPE_STRING))
		return;
	if (*config_setting_get_string(key) == '\0' ||
	    *config_setting_get_string(action) == '\0') {
		conf_err(l, where, "%s",
		    _("a binding needs a key and an action"));
		return;
	}
	c->keys = xgrow(c->keys, &l->keys_cap, c->nkeys + 1, sizeof *c->keys);
	c->keys[c->nkeys].key = xstrdup(config_setting_get_string(key));
	c->keys[c->nkeys].action = xstrdup(config_setting_get_string(action));
	c->keys[c->nkeys++].line = config_setting_source_line(where);
}

/* Each binding is ("KEY", "ACTION") or { key = "KEY"; action = "ACTION"; }:
 * libconfig names cannot hold most key names, so keys are values. */
void
conf_load_bind(struct loader *l, const config_setting_t *s)
{
	const config_setting_t *e, *m;
	const char *name;
	int i, j, n = config_setting_length(s);

	for (i = 0; i < n; i++) {
		e = config_setting_get_elem(s, (unsigned int)i);
		switch (config_setting_type(e)) {
		case CONFIG_TYPE_LIST:
		case CONFIG_TYPE_ARRAY:
			if (config_setting_length(e) != 2) {
				conf_err(l, e, "%s", _("a binding is "
				    "(\"KEY\", \"ACTION\")"));
				continue;
			}
			add_binding(l, e, config_setting_get_elem(e, 0),
			    config_setting_get_elem(e, 1));
			break;
		case CONFIG_TYPE_GROUP:
			for (j = 0; (m = config_setting_get_elem(e,
			    (unsigned int)j)) != NULL; j++) {
				name = config_setting_name(m);
				if (strcmp(name, "key") != 0 &&
				    strcmp(name, "action") != 0)
					conf_err(l, m, _("unknown setting "
					    "\"%s\" in a binding"), name);
			}
			add_binding(l, e, config_setting_get_member(e, "key"),
			    config_setting_get_member(e, "action"));
			break;
		default:
			conf_err(l, e, "%s", _("a binding is (\"KEY\", "
			    "\"ACTION\")"));
		}
	}
}

void
conf_load_colors(struct loader *l, const config_setting_t *s)
{
	struct config *c = l->c;
	const config_setting_t *m;
	const char *name, *v, *slash;
	char *fg, *bg;
	int i;

	for (i = 0; (m = config_setting_get_elem(s, (unsigned int)i)) != NULL;
	    i++) {
		name = config_setting_name(m);
		if (!conf_want(l, m, name, CONFIG_TYPE_STRING))
			continue;
		v = config_setting_get_string(m);
		slash = strchr(v, '/');
		fg = slash ? xstrndup(v, (size_t)(slash - v)) : xstrdup(v);
		bg = slash ? xstrdup(slash + 1) : NULL;
		if (!in_list(color_names, fg) ||
		    (bg != NULL && !in_list(color_names, bg))) {
			conf_err(l, m, _("%s: %s = \"%s\": want \"FG\" or "
			    "\"FG/BG\" with colours %s"), "colors", name, v,
			    "black, red, green, yellow, blue, magenta, cyan, "
			    "white, default");
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

/* columns = { standard = [ "điểm quy định" ]; assignee = "phân công"; } */
static void
add_column_word(struct loader *l, int col, const config_setting_t *w)
{
	struct config *c = l->c;
	char *v;

	if (!conf_want(l, w, "columns", CONFIG_TYPE_STRING) ||
	    (v = conf_text(l, w, "columns")) == NULL)
		return;
	c->column_words = xgrow(c->column_words, &l->columns_cap,
	    c->ncolumn_words + 1, sizeof *c->column_words);
	c->column_words[c->ncolumn_words++] = (struct column_word){ col, v };
}

void
conf_load_columns(struct loader *l, const config_setting_t *s)
{
	const config_setting_t *m, *w;
	const char *name;
	int i, j, col;

	for (i = 0; (m = config_setting_get_elem(s, (unsigned int)i)) != NULL;
	    i++) {
		name = config_setting_name(m);
		if ((col = appendix_column_id(name)) < 0) {
			conf_err(l, m, _("%s: unknown column \"%s\" (columns "
			    "are %s)"), "columns", name, "code, title, "
			    "standard, self, appraised, deduction, comment, "
			    "assignee");
			continue;
		}
		if (config_setting_type(m) != CONFIG_TYPE_ARRAY &&
		    config_setting_type(m) != CONFIG_TYPE_LIST) {
			add_column_word(l, col, m);
			continue;
		}
		for (j = 0; (w = config_setting_get_elem(m,
		    (unsigned int)j)) != NULL; j++)
			add_column_word(l, col, w);
	}
}

/* Loading ---------------------------------------------------------------- */

static void
loader_init(struct loader *l, struct config *c, const char *file)
{
	memset(l, 0, sizeof *l);
	l->c = c;
	l->file = file;
	conf_roles_init(l);
}

static void
loader_free(struct loader *l)
{
	size_t i;

	conf_roles_free(l);
	for (i = 0; i < l->nerrs; i++)
		free(l->errs[i].text);
	free(l->errs);
}

/* Edit distance of two short ASCII names, for "did you mean". */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, prev, cur, best;
	size_t row[32];

	if (la >= sizeof row / sizeof row[0] ||
	    lb >= sizeof row / sizeof row[0])
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

	for (i = 0; i < conf_nsettings; i++)
		if ((d = distance(name, conf_settings[i].name)) < best) {
			best = d;
			near = conf_settings[i].name;
		}
	if (near != NULL)
		conf_err(l, s, _("unknown setting \"%s\" (did you mean "
		    "\"%s\"?)"), name, near);
	else
		conf_err(l, s, _("unknown setting \"%s\""), name);
}

/* libconfig's own error texts, in the user's language when known. */
static const char *
libconfig_what(const char *text)
{
	static const char *const known[] = {
		N_("syntax error"),
		N_("cannot open include file"),
		N_("include file nesting too deep"),
		N_("file I/O error"),
		N_("integer value out of range"),
	};
	size_t i;

	if (text == NULL)
		return _("syntax error");
	for (i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcmp(text, known[i]) == 0)
			return _(known[i]);
	return text;
}

/* The file is read once, whole (at most LIMIT_CONFIG bytes), and parsed
 * from memory: a pipe (-c <(...)) cannot be read twice.  Notepad saves
 * UTF-8 with a byte order mark, which libconfig takes for a syntax
 * error: it is skipped (lines stay the same). */
static int
read_config(config_t *cf, const char *data, size_t len)
{
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		data += 3;
	return config_read_string(cf, data);
}

int
conf_read_file(const char *path, struct config **out, char **err)
{
	struct config *c;
	config_setting_t *root, *s;
	const struct setting *t;
	struct loader l;
	struct stat sb;
	config_t cf;
	const char *slash;
	char *dir, *data;
	size_t i, len;
	int n, rc;

	if (stat(path, &sb) != 0)
		return fail(err, "%s: %s", path, strerror(errno));
	if (S_ISDIR(sb.st_mode))
		return fail(err, "%s: %s", path, strerror(EISDIR));
	if (read_file(path, LIMIT_CONFIG, &data, &len, err) != 0)
		return -1;
	config_init(&cf);
	/* @include "x" is relative to the including file, not to the
	 * current directory. */
	slash = strrchr(path, '/');
	dir = slash ? xstrndup(path, (size_t)(slash - path) + 1) : xstrdup(".");
	config_set_include_dir(&cf, dir);
	errno = 0;
	rc = read_config(&cf, data, len);
	free(data);
	if (rc != CONFIG_TRUE) {
		if (config_error_type(&cf) == CONFIG_ERR_FILE_IO)
			fail(err, "%s: %s", path,
			    strerror(errno ? errno : EIO));
		else
			fail(err, "%s:%d: %s", config_error_file(&cf) ?
			    config_error_file(&cf) : path,
			    config_error_line(&cf),
			    libconfig_what(config_error_text(&cf)));
		config_destroy(&cf);
		free(dir);
		return -1;
	}

	c = config_default();
	loader_init(&l, c, path);
	root = config_root_setting(&cf);
	for (n = 0; (s = config_setting_get_elem(root, (unsigned int)n)) !=
	    NULL; n++) {
		for (i = 0; i < conf_nsettings; i++)
			if (strcmp(conf_settings[i].name,
			    config_setting_name(s)) == 0)
				break;
		if (i == conf_nsettings) {
			unknown_setting(&l, s);
			continue;
		}
		t = &conf_settings[i];
		if (conf_want(&l, s, t->name, t->type))
			t->load(&l, s);
	}
	conf_roles_finish(&l);
	conf_users_finish(&l);
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
