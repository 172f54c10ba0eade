/* SPDX-License-Identifier: ISC */
/* cli_report.c: the commands that read -- list, report, minutes (whose
 * --record writes the meeting), check and backup. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_impl.h"
#include "date.h"
#include "evidence.h"
#include "finding.h"
#include "i18n.h"
#include "minutes.h"
#include "output.h"
#include "text.h"

int
cli_list(const struct config *c, const struct options *o, const char *cmd,
    int argc, char **argv)
{
	struct filter f = { o->role, -1, o->overdue, NULL, NULL };
	enum format fmt = FORMAT_TEXT;
	struct store *s;
	struct plan p = { 0 };
	enum status st;
	char *err = NULL;
	int rc;

	(void)cmd;
	if (argc > 0)
		return cli_usage_error(_("list: unexpected argument '%s'"),
		    argv[0]);
	if (!cli_format(o->format, false, &fmt))
		return cli_usage_error(_("list: unknown format '%s' (text, "
		    "tsv, csv or json)"), o->format);
	if (o->status) {
		if (!status_parse(o->status, &st))
			return cli_usage_error(_("unknown status '%s' (todo, "
			    "doing, done or blocked)"), o->status);
		f.status = (int)st;
	}
	if (o->role) {
		if (config_role(c, o->role) == NULL)
			return cli_usage_error(_("unknown role '%s'"), o->role);
		f.role = config_role(c, o->role)->id;	/* "ca" → "CA" */
	}
	if (o->person != NULL) {
		const struct member *m = config_person(c, o->person);

		f.person = m != NULL ? m->name : o->person;
	}
	if (cli_open_task(c, o, NULL, &s, &p, NULL, &err) != 0)
		return cli_runtime_error(err);
	rc = report_list(s, c, &p, &f, fmt, stdout, &err);
	return cli_close_plan(s, &p, rc, err);
}

int
cli_report(const struct config *c, const struct options *o, const char *cmd,
    int argc, char **argv)
{
	enum format fmt = FORMAT_TEXT;
	struct store *s;
	struct plan p = { 0 };
	char *err = NULL;
	int rc;

	(void)cmd;
	if (argc > 0)
		return cli_usage_error(_("report: unexpected argument '%s'"),
		    argv[0]);
	if (!cli_format(o->format, true, &fmt))
		return cli_usage_error(_("report: unknown format '%s' (text, "
		    "markdown, html or csv)"), o->format);
	if (o->evidence && o->since)
		return cli_usage_error("%s", _("report: --since does not apply "
		    "with --evidence"));
	if (cli_open_task(c, o, NULL, &s, &p, NULL, &err) != 0)
		return cli_runtime_error(err);
	if (o->evidence)
		rc = evidence_report(s, c, &p, fmt, stdout, &err);
	else
		rc = report_progress(s, c, &p, o->since ? o->since_iso : NULL,
		    fmt, stdout, &err);
	return cli_close_plan(s, &p, rc, err);
}

/* --record's fields into mo: -1, or the usage error's status when one is
 * given without --record. */
static int
minutes_fields(const struct options *o, struct minutes_opts *mo)
{
	const char *given = o->place != NULL ? "--place" :
	    o->secretary != NULL ? "--secretary" :
	    o->npresent > 0 ? "--present" : o->nabsent > 0 ? "--absent" :
	    o->start[0] != '\0' ? "--start" : o->end[0] != '\0' ? "--end" :
	    o->number != NULL ? "--number" : NULL;

	if (given != NULL && !o->record)
		return cli_usage_error(_("minutes: %s needs --record"), given);
	mo->f[MF_PLACE] = o->place;
	mo->f[MF_SECRETARY] = o->secretary;
	mo->f[MF_START] = o->start[0] != '\0' ? o->start : NULL;
	mo->f[MF_END] = o->end[0] != '\0' ? o->end : NULL;
	mo->f[MF_NUMBER] = o->number;
	mo->present = o->present;
	mo->npresent = o->npresent;
	mo->absent = o->absent;
	mo->nabsent = o->nabsent;
	return -1;
}

int
cli_minutes(const struct config *c, const struct options *o, const char *cmd,
    int argc, char **argv)
{
	struct minutes_opts mo = { 0 };
	struct store *s;
	struct plan p = { 0 };
	char *err = NULL, real[11], d1[16], d2[16];
	int rc;

	(void)cmd;
	mo.fmt = FORMAT_TEXT;
	if (argc > 0)
		return cli_usage_error(_("minutes: unexpected argument '%s'"),
		    argv[0]);
	if (!cli_format(o->format, true, &mo.fmt))
		return cli_usage_error(_("minutes: unknown format '%s' (text, "
		    "markdown, html or csv)"), o->format);
	if (o->record && o->since)
		return cli_usage_error("%s", _("minutes: --since never "
		    "records; leave out --record"));
	/* Whatever --today says: a meeting recorded ahead would empty
	 * everyone's "since the last meeting" until that day. */
	today_real(real);
	if (o->record && strcmp(today(), real) > 0)
		return cli_usage_error(_("minutes: --record: a meeting cannot "
		    "be recorded in the future (%s is after today, %s)"),
		    i18n_date(today(), d1, sizeof d1),
		    i18n_date(real, d2, sizeof d2));
	mo.since = o->since ? o->since_iso : NULL;
	mo.chair = o->chair;
	mo.record = o->record;
	if ((rc = minutes_fields(o, &mo)) >= 0)
		return rc;
	if (cli_open_task(c, o, NULL, &s, &p, NULL, &err) != 0)
		return cli_runtime_error(err);
	rc = minutes_print(s, c, &p, &mo, stdout, &err);
	return cli_close_plan(s, &p, rc, err);
}

/* One problem of store_check as a line of check's output: a damaged row
 * as "DB: damage: COLUMNS", what is no damage as "warning: ...". */
static void
check_print(const char *db, const struct store_problem *p)
{
	static const char *const what[] = {
		[STORE_ROW_HISTORY] = N_("history row"),
		[STORE_ROW_MEETING] = N_("meeting"),
		[STORE_ROW_DOCUMENT] = N_("document"),
		[STORE_ROW_OCCURRENCE] = N_("occurrence"),
	};
	char *safe, *f, *w, d1[48], d2[48];
	size_t i;

	switch (p->kind) {
	case STORE_PROBLEM_DAMAGE:
		printf("%s: ", db);
		fputs(_("damage: "), stdout);
		for (i = 0; i < p->ncols; i++) {
			safe = text_safe(p->cols[i] ? p->cols[i] : "NULL",
			    false);
			printf("%s%s", i ? " " : "", safe);
			free(safe);
		}
		putchar('\n');
		break;
	case STORE_PROBLEM_FINDING:
		w = finding_text(&p->finding);
		f = p->finding.line > 0 ? xasprintf("%s:%d: %s", p->file ?
		    p->file : "-", p->finding.line, w) : xasprintf("%s: %s",
		    p->file ? p->file : "-", w);
		free(w);
		safe = text_safe(f, false);
		fputs(_("warning: "), stdout);
		printf("%s\n", safe);
		free(safe);
		free(f);
		break;
	case STORE_PROBLEM_PINNED:
		fputs(_("warning: "), stdout);
		printf(_("%s %lld is dated %s but was written %s "
		    "(--today)\n"), _(what[p->table]), (long long)p->id,
		    i18n_stamp(p->dated, d1, sizeof d1),
		    i18n_stamp(p->written, d2, sizeof d2));
		break;
	}
}

int
cli_check(const struct config *c, const struct options *o, const char *cmd,
    int argc, char **argv)
{
	struct store *s;
	struct store_problem *v;
	long damage = 0, warnings = 0;
	char *err = NULL;
	size_t i, n;
	int rc;

	(void)cmd;
	if (argc > 0)
		return cli_usage_error(_("check: unexpected argument '%s'"),
		    argv[0]);
	if (cli_open_store(c, o, &s, &err) != 0)
		return cli_runtime_error(err);
	rc = store_check(s, &v, &n, &err);
	for (i = 0; rc == 0 && i < n; i++) {
		check_print(store_path(s), &v[i]);
		if (v[i].kind == STORE_PROBLEM_DAMAGE)
			damage++;
		else
			warnings++;
	}
	if (rc == 0)
		store_problems_free(v, n);
	store_close(s);
	if (rc != 0)
		return cli_runtime_error(err);
	if (damage > 0) {
		printf(ngettext("%ld problem: the database is damaged; "
		    "restore a backup\n", "%ld problems: the database is "
		    "damaged; restore a backup\n", damage), damage);
		return EXIT_RUNTIME;
	}
	printf(ngettext("no damage found (%ld warning)\n",
	    "no damage found (%ld warnings)\n", warnings), warnings);
	return 0;
}

int
cli_backup(const struct config *c, const struct options *o, const char *cmd,
    int argc, char **argv)
{
	struct store *s;
	char *err = NULL, *dest;
	int rc;

	(void)cmd;
	if (argc != 1)
		return cli_usage_error("%s", _("backup: expected FILE"));
	if (path_expand_user(argv[0], &dest, &err) != 0)
		return cli_runtime_error(err);
	if ((rc = cli_open_store(c, o, &s, &err)) == 0) {
		rc = store_backup(s, dest, &err);
		store_close(s);
	}
	if (rc == 0)
		out_printf(stdout, _("%s: backup written\n"), dest);
	free(dest);
	return rc == 0 ? 0 : cli_runtime_error(err);
}
