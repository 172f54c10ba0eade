/* SPDX-License-Identifier: ISC */
/* i18n.h: messages in the user's language (gettext) and the language's
 * way of writing numbers and dates.
 *
 * Every message is an English msgid with a Vietnamese translation in
 * po/vi.po.  The language is chosen by parboard itself, not by the C
 * library, because a commune server usually runs C.UTF-8 with no vi_VN
 * locale generated, and gettext ignores LANGUAGE under the C locale:
 *
 *   LANGUAGE, then the `language` setting, then LC_ALL / LC_MESSAGES /
 *   LANG when they name a language (C, POSIX and C.UTF-8 name none), then
 *   Vietnamese.
 *
 * Vietnamese writes a decimal comma and dates as dd/mm/yyyy; English a
 * decimal point and ISO dates.  Outputs for programs (json, tsv) never
 * change with the language. */
#ifndef PARBOARD_I18N_H
#define PARBOARD_I18N_H

#include <libintl.h>
#include <stdbool.h>
#include <stddef.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Set up locale and catalogues and choose the language from the
 * environment alone (messages printed before the configuration is read
 * follow it).  Call first in main(). */
void i18n_init(void);

/* Choose again with the configuration's `language` setting (NULL when
 * not set); LANGUAGE in the environment still wins. */
void i18n_set_language(const char *setting);

/* Whether a setting names a language parboard knows ("vi", "en"). */
bool i18n_known(const char *lang);

/* The chosen language: "vi", "en", ... */
const char *i18n_language(void);
bool i18n_vietnamese(void);

/* The language's decimal mark: ',' (Vietnamese) or '.' */
char i18n_decimal(void);

/* A YYYY-MM-DD date as the language writes it: "13/09/2023" or
 * "2023-09-13".  buf holds at least 11 bytes.  Anything that is not an
 * ISO date is copied through text_printable (text.h), never raw. */
const char *i18n_date(const char *iso, char *buf, size_t n);
/* Its day and month alone: "30/11" or "11-30" (buf of 11 bytes). */
const char *i18n_day_month(const char *iso, char *buf, size_t n);
/* A timestamp "YYYY-MM-DD HH:MM:SS" with its date as the language writes
 * it ("13/09/2023 22:05:48"), the rest printable as it is. */
const char *i18n_stamp(const char *stamp, char *buf, size_t n);

#endif
