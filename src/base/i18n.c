/* SPDX-License-Identifier: ISC */
/* i18n.c: choosing the language and loading the catalogues. */

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "i18n.h"
#include "paths.h"
#include "text.h"
#include "util.h"

static char language[16] = "vi";

/* The language part of a locale or LANGUAGE entry ("en_US.UTF-8" → "en",
 * "vi:en" → "vi"), or false when it names none (C, POSIX, C.UTF-8, or
 * anything that is not two or three letters). */
static bool
language_of(const char *v, char *out, size_t n)
{
	size_t len = 0;

	if (v == NULL)
		return false;
	while (v[len] >= 'a' && v[len] <= 'z' && len < 3)
		len++;
	if (len < 2 || len >= n)
		return false;
	if (v[len] != '\0' && strchr("_.@:", v[len]) == NULL)
		return false;
	memcpy(out, v, len);
	out[len] = '\0';
	return true;
}

/* The language named by the locale variables, in POSIX order: the first
 * that is set and not empty decides, even when it names none. */
static bool
locale_language(char *out, size_t n)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *v;
	size_t i;

	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		v = getenv(vars[i]);
		if (v != NULL && *v != '\0')
			return language_of(v, out, n);
	}
	return false;
}

/* Where the catalogues are: $PARBOARD_LOCALEDIR (ignored when running
 * with privilege), those of the build tree the program runs from when it
 * has them (so that `src/parboard --demo` speaks Vietnamese before
 * `make install`; util_build_tree), else the installed ones. */
static const char *
locale_dir(void)
{
	static char build[PATH_MAX];
	const char *env = secure_getenv("PARBOARD_LOCALEDIR");
	char top[PATH_MAX], path[PATH_MAX + 64];

	if (env != NULL && *env != '\0')
		return env;
	if (!util_build_tree(top, sizeof top))
		return LOCALEDIR;
	snprintf(build, sizeof build, "%.*s/locale", PATH_MAX - 8, top);
	snprintf(path, sizeof path, "%s/vi/LC_MESSAGES/%s.mo", build,
	    PACKAGE);
	return access(path, R_OK) == 0 ? build : LOCALEDIR;
}

/* Make gettext use language whatever the locale: messages come from a
 * UTF-8 C locale with LANGUAGE naming the one language (never a list,
 * so English is never completed from another catalogue). */
static void
apply(const char *lang)
{
	snprintf(language, sizeof language, "%s", lang);
	setenv("LANGUAGE", language, 1);
	if (setlocale(LC_MESSAGES, "C.UTF-8") == NULL)
		setlocale(LC_MESSAGES, "C.utf8");
	textdomain(PACKAGE);	/* forget translations already looked up */
}

void
i18n_init(void)
{
	const char *cs;

	/* Only the character set comes from the environment: messages are
	 * chosen below, numbers and dates are written by parboard itself,
	 * and nothing collates or formats by locale, so the other
	 * categories (a file each to load at every start) stay "C". */
	setlocale(LC_CTYPE, "");
	cs = nl_langinfo(CODESET);
	if (cs == NULL || strcmp(cs, "UTF-8") != 0) {
		if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
			setlocale(LC_CTYPE, "C.utf8");
	}
	bindtextdomain(PACKAGE, locale_dir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	i18n_set_language(NULL);
}

void
i18n_set_language(const char *setting)
{
	static bool have_env;
	static char env[16];
	char lang[16];

	if (!have_env) {
		/* Read once: apply() overwrites LANGUAGE. */
		have_env = true;
		if (!language_of(getenv("LANGUAGE"), env, sizeof env))
			env[0] = '\0';
	}
	if (env[0] != '\0')
		apply(env);
	else if (setting != NULL && language_of(setting, lang, sizeof lang))
		apply(lang);
	else if (locale_language(lang, sizeof lang))
		apply(lang);
	else
		apply("vi");
}

bool
i18n_known(const char *lang)
{
	return strcmp(lang, "vi") == 0 || strcmp(lang, "en") == 0;
}

const char *
i18n_language(void)
{
	return language;
}

bool
i18n_vietnamese(void)
{
	return strcmp(language, "vi") == 0;
}

char
i18n_decimal(void)
{
	return i18n_vietnamese() ? ',' : '.';
}

const char *
i18n_date(const char *iso, char *buf, size_t n)
{
	char dmy[11];
	int y, m, d;

	if (iso == NULL)
		iso = "";
	if (i18n_vietnamese() && date_split(iso, &y, &m, &d)) {
		date_format_dmy(iso, dmy);
		snprintf(buf, n, "%s", dmy);
	} else
		text_printable(buf, n, iso);
	return buf;
}

const char *
i18n_day_month(const char *iso, char *buf, size_t n)
{
	i18n_date(iso, buf, n);
	if (strlen(buf) != 10)
		return buf;
	if (buf[2] == '/')
		buf[5] = '\0';			/* dd/mm */
	else
		memmove(buf, buf + 5, 6);	/* mm-dd */
	return buf;
}

const char *
i18n_stamp(const char *stamp, char *buf, size_t n)
{
	char day[11], shown[16], rest[32];

	if (stamp == NULL || strlen(stamp) < 10)
		return i18n_date(stamp, buf, n);
	snprintf(day, sizeof day, "%.10s", stamp);
	text_printable(rest, sizeof rest, stamp + 10);
	snprintf(buf, n, "%s%s", i18n_date(day, shown, sizeof shown), rest);
	return buf;
}
