/* SPDX-License-Identifier: ISC */
/* keymap.c: the one key table — names, default bindings, the effective
 * keymap, help lines and the man page's KEYS section.
 *
 * Everything about an action is written once, in keys.def.  The effective
 * keymap is a list of (key, action) bindings in the order they were made:
 * first the table's defaults, then the configuration's `bind` list.  A
 * key has at most one binding; binding it again moves it.  The list is
 * small (about fifty entries), so lookups walk it. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "i18n.h"
#include "keymap.h"
#include "text.h"
#include "util.h"

struct action_info {
	enum action action;
	const char *name, *help, *keys;
};

/* Help texts and titles are English msgids, translated at use time. */
static const struct action_info actions[] = {
#define GROUP_(id, title)
#define ACTION_(id, name, help, keys) { ACTION_##id, name, help, keys },
#include "keys.def"
#undef GROUP_
#undef ACTION_
};
#define NACTIONS (sizeof actions / sizeof actions[0])

static const char *const groups[] = {
#define GROUP_(id, title) title,
#define ACTION_(id, name, help, keys)
#include "keys.def"
#undef GROUP_
#undef ACTION_
};

/* The first action of each group, found from the order of the GROUP_ and
 * ACTION_ lines (which the preprocessor cannot count for us). */
static enum action group_first[GROUP_COUNT_];

static void
groups_init(void)
{
	static bool done;
	static const enum action order[] = {
#define GROUP_(id, title) ACTION_NONE,
#define ACTION_(id, name, help, keys) ACTION_##id,
#include "keys.def"
#undef GROUP_
#undef ACTION_
	};
	size_t i;
	int g = -1;

	if (done)
		return;
	for (i = 0; i < sizeof order / sizeof order[0]; i++) {
		if (order[i] == ACTION_NONE) {
			g++;
			group_first[g] = ACTION_NONE;
		} else if (g >= 0 && group_first[g] == ACTION_NONE) {
			group_first[g] = order[i];
		}
	}
	done = true;
}

static const struct action_info *
info(enum action a)
{
	if (a <= ACTION_FIRST_ || a >= ACTION_END_)
		return NULL;
	return &actions[a - ACTION_FIRST_ - 1];
}

struct binding {
	int key;
	enum action action;
};

struct keymap {
	struct binding *b;
	size_t n, cap;
};

static struct keymap effective;
static bool effective_ready;

static void
keymap_bind(struct keymap *m, int key, enum action a)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		if (m->b[i].key == key) {
			memmove(&m->b[i], &m->b[i + 1],
			    (m->n - i - 1) * sizeof m->b[0]);
			m->n--;
			break;
		}
	}
	if (a == ACTION_NONE)
		return;
	m->b = xgrow(m->b, &m->cap, m->n + 1, sizeof m->b[0]);
	m->b[m->n].key = key;
	m->b[m->n].action = a;
	m->n++;
}

/* The table's defaults.  Their names are checked by the unit test, so a
 * bad name in keys.def is a test failure, not a silent gap. */
static void
keymap_defaults(struct keymap *m)
{
	size_t i;
	char *keys, *tok, *save;
	int key;

	m->n = 0;
	for (i = 0; i < NACTIONS; i++) {
		keys = xstrdup(actions[i].keys);
		for (tok = strtok_r(keys, " ", &save); tok != NULL;
		    tok = strtok_r(NULL, " ", &save)) {
			if (keymap_key_parse(tok, &key))
				keymap_bind(m, key, actions[i].action);
		}
		free(keys);
	}
}

static struct keymap *
keymap_effective(void)
{
	if (!effective_ready) {
		keymap_defaults(&effective);
		effective_ready = true;
	}
	return &effective;
}

int
keymap_load(const struct config *c, char **err)
{
	struct buf msg = { 0 };
	const struct key_binding *kb;
	const char *file;
	enum action a;
	size_t i;
	int key;

	keymap_defaults(&effective);
	effective_ready = true;
	if (c == NULL)
		return 0;
	file = c->file != NULL ? c->file : "parboard.conf";
	for (i = 0; i < c->nkeys; i++) {
		kb = &c->keys[i];
		if (!keymap_action_parse(kb->action, &a)) {
			buf_addf(&msg, "%s%s:%d: ", msg.len ? "\n" : "", file,
			    kb->line);
			buf_addf(&msg, _("unknown action '%s'"), kb->action);
			continue;
		}
		if (!keymap_key_parse(kb->key, &key)) {
			buf_addf(&msg, "%s%s:%d: ", msg.len ? "\n" : "", file,
			    kb->line);
			buf_addf(&msg, _("unknown key '%s'"), kb->key);
			continue;
		}
		keymap_bind(&effective, key, a);
	}
	if (msg.len > 0) {
		fail(err, "%s", msg.data);
		buf_free(&msg);
		return -1;
	}
	return 0;
}

int
keymap_key_normalize(int key)
{
	switch (key) {
	case '\r':
	case '\n':
	case KEYMAP_FKEY(KEY_ENTER):
		return KEYMAP_ENTER;
	case 127:
	case 8:
	case KEYMAP_FKEY(KEY_BACKSPACE):
		return KEYMAP_BACKSPACE;
	}
	return key;
}

enum action
keymap_lookup(int key)
{
	struct keymap *m = keymap_effective();
	size_t i;

	key = keymap_key_normalize(key);
	for (i = 0; i < m->n; i++)
		if (m->b[i].key == key)
			return m->b[i].action;
	return ACTION_NONE;
}

/* Names of keys that are not a single character.  The first name of a
 * key is the one shown in help. */
static const struct {
	const char *name;
	int key;
} key_names[] = {
	{ "Up", KEYMAP_FKEY(KEY_UP) },
	{ "Down", KEYMAP_FKEY(KEY_DOWN) },
	{ "Left", KEYMAP_FKEY(KEY_LEFT) },
	{ "Right", KEYMAP_FKEY(KEY_RIGHT) },
	{ "Home", KEYMAP_FKEY(KEY_HOME) },
	{ "End", KEYMAP_FKEY(KEY_END) },
	{ "PgUp", KEYMAP_FKEY(KEY_PPAGE) },
	{ "PageUp", KEYMAP_FKEY(KEY_PPAGE) },
	{ "PgDn", KEYMAP_FKEY(KEY_NPAGE) },
	{ "PageDown", KEYMAP_FKEY(KEY_NPAGE) },
	{ "Insert", KEYMAP_FKEY(KEY_IC) },
	{ "Ins", KEYMAP_FKEY(KEY_IC) },
	{ "Delete", KEYMAP_FKEY(KEY_DC) },
	{ "Del", KEYMAP_FKEY(KEY_DC) },
	{ "Backspace", KEYMAP_BACKSPACE },
	{ "Enter", KEYMAP_ENTER },
	{ "Return", KEYMAP_ENTER },
	{ "Esc", KEYMAP_ESC },
	{ "Escape", KEYMAP_ESC },
	{ "Space", ' ' },
	{ "Tab", '\t' },
	{ "BackTab", KEYMAP_FKEY(KEY_BTAB) },
};

bool
keymap_key_parse(const char *name, int *key)
{
	size_t i;
	ucs4_t uc;
	int cp, n;
	char *end;

	if (name == NULL || *name == '\0')
		return false;
	for (i = 0; i < sizeof key_names / sizeof key_names[0]; i++) {
		if (strcasecmp(name, key_names[i].name) == 0) {
			*key = key_names[i].key;
			return true;
		}
	}
	if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' &&
	    name[1] <= '9') {
		n = (int)strtol(name + 1, &end, 10);
		if (*end == '\0' && n >= 1 && n <= 63) {
			*key = KEYMAP_FKEY(KEY_F(n));
			return true;
		}
	}
	if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' &&
	    name[2] != '\0' && name[3] == '\0') {
		cp = name[2] | 0x20;
		if (cp >= 'a' && cp <= 'z') {
			*key = keymap_key_normalize(cp - 'a' + 1);
			return true;
		}
		return false;
	}
	n = u8_mbtoucr(&uc, (const uint8_t *)name, strlen(name));
	if (n <= 0 || name[n] != '\0' || uc < 0x20 || uc == 0x7f)
		return false;
	*key = (int)uc;
	return true;
}

const char *
keymap_key_name(int key, char *buf, size_t n)
{
	uint8_t utf[5];
	size_t i;
	int len;

	key = keymap_key_normalize(key);
	for (i = 0; i < sizeof key_names / sizeof key_names[0]; i++) {
		if (key_names[i].key == key) {
			snprintf(buf, n, "%s", key_names[i].name);
			return buf;
		}
	}
	if (KEYMAP_IS_FKEY(key)) {
		int k = key & ~0x1000000;

		if (k >= KEY_F(1) && k <= KEY_F(63))
			snprintf(buf, n, "F%d", k - KEY_F0);
		else
			snprintf(buf, n, "Key-%d", k);
	} else if (key >= 1 && key <= 26) {
		snprintf(buf, n, "C-%c", 'a' + key - 1);
	} else if (key > 0 && key < 0x110000 &&
	    (len = u8_uctomb(utf, (ucs4_t)key, 4)) > 0) {
		utf[len] = '\0';
		snprintf(buf, n, "%s", (const char *)utf);
	} else {
		snprintf(buf, n, "?");
	}
	return buf;
}

bool
keymap_action_parse(const char *name, enum action *out)
{
	size_t i;

	if (name == NULL)
		return false;
	if (strcmp(name, "none") == 0) {
		*out = ACTION_NONE;
		return true;
	}
	for (i = 0; i < NACTIONS; i++) {
		if (strcmp(name, actions[i].name) == 0) {
			*out = actions[i].action;
			return true;
		}
	}
	return false;
}

const char *
keymap_action_name(enum action a)
{
	const struct action_info *ai = info(a);

	return ai != NULL ? ai->name : "none";
}

const char *
keymap_action_help(enum action a)
{
	const struct action_info *ai = info(a);

	return ai != NULL ? _(ai->help) : "";
}

enum action_group
keymap_action_group(enum action a)
{
	int g;

	groups_init();
	for (g = GROUP_COUNT_ - 1; g > 0; g--)
		if (group_first[g] != ACTION_NONE && group_first[g] <= a)
			return (enum action_group)g;
	return (enum action_group)0;
}

const char *
keymap_group_title(enum action_group g)
{
	if ((int)g < 0 || g >= GROUP_COUNT_)
		return "";
	return _(groups[g]);
}

static char *
keys_of(const struct keymap *m, enum action a, const char *sep)
{
	struct buf b = { 0 };
	char name[32];
	size_t i;

	for (i = 0; i < m->n; i++) {
		if (m->b[i].action != a)
			continue;
		if (b.len > 0)
			buf_adds(&b, sep);
		buf_adds(&b, keymap_key_name(m->b[i].key, name, sizeof name));
	}
	return buf_take(&b);
}

char *
keymap_keys_of(enum action a)
{
	return keys_of(keymap_effective(), a, ", ");
}

static char **
help_lines(const struct keymap *m)
{
	char **lines = NULL;
	size_t n = 0, cap = 0, i;
	int g = -1, ag;
	struct buf b = { 0 };
	char *keys;

	for (i = 0; i < NACTIONS; i++) {
		ag = keymap_action_group(actions[i].action);
		if (ag != g) {
			g = ag;
			lines = xgrow(lines, &cap, n + 3, sizeof *lines);
			if (n > 0)
				lines[n++] = xstrdup("");
			lines[n++] = xstrdup(keymap_group_title(g));
		}
		keys = keys_of(m, actions[i].action, ", ");
		buf_adds(&b, "  ");
		if (text_width(keys) < KEYMAP_HELP_KEYS)
			text_pad(&b, keys, KEYMAP_HELP_KEYS);
		else
			buf_adds(&b, keys);
		buf_adds(&b, "  ");
		buf_adds(&b, _(actions[i].help));
		free(keys);
		lines = xgrow(lines, &cap, n + 2, sizeof *lines);
		lines[n++] = buf_take(&b);
	}
	lines = xgrow(lines, &cap, n + 1, sizeof *lines);
	lines[n] = NULL;
	return lines;
}

char **
keymap_help_lines(void)
{
	return help_lines(keymap_effective());
}

void
keymap_lines_free(char **lines)
{
	size_t i;

	if (lines == NULL)
		return;
	for (i = 0; lines[i] != NULL; i++)
		free(lines[i]);
	free(lines);
}

/* roff text: a backslash, a hyphen-minus and a leading dot or quote
 * need escaping. */
static void
roff_escaped(FILE *out, const char *s)
{
	const char *p;

	for (p = s; *p != '\0'; p++) {
		if (*p == '\\')
			fputs("\\e", out);
		else if (*p == '-')
			fputs("\\-", out);
		else if (p == s && (*p == '.' || *p == '\''))
			fprintf(out, "\\&%c", *p);
		else
			fputc(*p, out);
	}
}

static void
dump_man(FILE *out, const struct keymap *m)
{
	char name[32];
	size_t i, j, nkeys;
	int g = -1, ag;

	for (i = 0; i < NACTIONS; i++) {
		ag = keymap_action_group(actions[i].action);
		if (ag != g) {
			g = ag;
			fputs(".SS ", out);
			roff_escaped(out, keymap_group_title(g));
			fputc('\n', out);
		}
		fputs(".TP\n", out);
		nkeys = 0;
		for (j = 0; j < m->n; j++)
			if (m->b[j].action == actions[i].action)
				nkeys++;
		if (nkeys == 0)
			fprintf(out, ".I \"%s\"", _("(unbound)"));
		else
			fputs(nkeys == 1 ? ".B" : ".BR", out);
		for (j = 0; j < m->n; j++) {
			if (m->b[j].action != actions[i].action)
				continue;
			fputs(" \"", out);
			roff_escaped(out, keymap_key_name(m->b[j].key, name,
			    sizeof name));
			fputc('"', out);
			if (--nkeys > 0)
				fputs(" \", \"", out);
		}
		fputc('\n', out);
		roff_escaped(out, _(actions[i].help));
		fputs("\n.RB [ ", out);
		roff_escaped(out, actions[i].name);
		fputs(" ]\n", out);
	}
}

int
keymap_dump(FILE *out, const char *format)
{
	struct keymap m = { 0 };
	char **lines;
	size_t i;
	int rc = 0;

	keymap_defaults(&m);
	if (strcmp(format, "man") == 0) {
		dump_man(out, &m);
	} else if (strcmp(format, "text") == 0) {
		lines = help_lines(&m);
		for (i = 0; lines[i] != NULL; i++)
			fprintf(out, "%s\n", lines[i]);
		keymap_lines_free(lines);
	} else {
		rc = -1;
	}
	free(m.b);
	return rc;
}
