/* SPDX-License-Identifier: ISC */
/* cli_change.c: the commands that change a task -- set, tick and
 * untick, and evidence (add, list, remove) -- through the core's use
 * cases (core.h). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_impl.h"
#include "core.h"
#include "date.h"
#include "evidence.h"
#include "i18n.h"
#include "output.h"
#include "perm.h"
#include "words.h"

/* CODE/ROLE names the appendix task when a directive shares them: say
 * which others it could have meant, so nobody closes the wrong one. */
static void
note_namesakes(struct store *s, const struct plan *p, const char *spec,
    long chosen)
{
	struct filter f = { NULL, -1, false, NULL };
	struct task me, *t;
	struct buf b = { 0 };
	size_t n, i;

	/* The chosen task's own code and role, however the user spelled
	 * them ("1.7/ca"). */
	if (strchr(spec, '/') == NULL ||
	    store_task_get(s, chosen, &me, NULL) != 0)
		return;
	f.role = me.role;
	if (me.code != NULL && store_tasks(s, p->id, &f, &t, &n, NULL) == 0) {
		for (i = 0; i < n; i++)
			if (t[i].id != chosen && t[i].code != NULL &&
			    strcmp(t[i].code, me.code) == 0)
				buf_addf(&b, "%s%ld (%s)", b.len ? ", " : "",
				    t[i].id, words_origin(t[i].origin));
		tasks_free(t, n);
	}
	if (b.len > 0) {
		fputs("parboard: ", stderr);
		out_printf(stderr, _("note: %s also names task %s; set it by "
		    "its id\n"), spec, b.data);
	}
	buf_free(&b);
	task_clear(&me);
}

int
cli_set(const struct config *c, const struct options *o, const char *cmd,
    int argc, char **argv)
{
	struct core_opts co = { .note = o->note,
	    .no_evidence = o->no_evidence };
	struct store *s;
	struct plan p = { 0 };
	enum status st;
	char *err = NULL;
	long id = 0;
	int rc;

	if (argc != 2)
		return cli_usage_error("%s", _("set: expected TASK STATUS"));
	if (!status_parse(argv[1], &st))
		return cli_usage_error(_("unknown status '%s' (todo, doing, "
		    "done or blocked)"), argv[1]);
	if ((rc = cli_need_person(cmd)) != 0)
		return rc;
	if (cli_open_task(c, o, argv[0], &s, &p, &id, &err) != 0)
		return cli_runtime_error(err);
	rc = core_set_status(s, perm_self(), id, st, &co, NULL, &err);
	/* A task linked to a criterion is done only with a document that
	 * proves it, or when the user says --no-evidence. */
	if (rc == CORE_NO_DOCUMENT)
		rc = fail(&err, _("task %s has no document that proves it: "
		    "add one with parboard evidence add, or mark it done with "
		    "--no-evidence"), argv[0]);
	if (rc == 0)
		note_namesakes(s, &p, argv[0], id);
	return cli_close_plan(s, &p, rc, err);
}

int
cli_tick(const struct config *c, const struct options *o, const char *cmd,
    int argc, char **argv)
{
	struct store *s;
	struct plan p = { 0 };
	char *err = NULL;
	long id = 0;
	int rc;

	if (argc != 1)
		return cli_usage_error(_("%s: expected TASK"), cmd);
	if ((rc = cli_need_person(cmd)) != 0)
		return rc;
	if (cli_open_task(c, o, argv[0], &s, &p, &id, &err) != 0)
		return cli_runtime_error(err);
	if (strcmp(cmd, "tick") == 0)
		rc = core_tick(s, perm_self(), id, o->date ? o->date_iso :
		    today(), o->note, &err);
	else
		rc = core_untick(s, perm_self(), id, NULL, &err);
	if (rc == CORE_NO_TARGET)
		rc = fail(&err, _("task %s has no counted target"), argv[0]);
	else if (rc == CORE_NONE)
		rc = fail(&err, _("task %s has no occurrence in the current "
		    "period"), argv[0]);
	return cli_close_plan(s, &p, rc, err);
}

static int
evidence_add(const struct config *c, const struct options *o,
    const char *cmd, int argc, char **argv)
{
	struct evidence e = { 0 };
	struct core_result r = { 0 };
	struct store *s;
	struct plan p = { 0 };
	char *err = NULL;
	long id = 0;
	int rc;

	if (argc != 1)
		return cli_usage_error("%s", _("evidence add: expected TASK"));
	if (o->number == NULL || o->date == NULL)
		return cli_usage_error("%s", _("evidence add: --number and "
		    "--date are required"));
	e.number = (char *)o->number;
	e.day = (char *)o->date_iso;
	e.issuer = (char *)o->issuer;
	e.summary = (char *)o->summary;
	e.file = (char *)o->file;
	e.is_signed = o->is_signed;
	if ((rc = cli_need_person(cmd)) != 0)
		return rc;
	if (cli_open_task(c, o, argv[0], &s, &p, &id, &err) != 0)
		return cli_runtime_error(err);
	rc = core_evidence_add(s, perm_self(), id, &e, &r, &err);
	if (rc == 0)
		printf(_("document %ld added to task %ld\n"), r.id, id);
	return cli_close_plan(s, &p, rc, err);
}

static int
evidence_list(const struct config *c, const struct options *o,
    const char *cmd, int argc, char **argv)
{
	enum format fmt = FORMAT_TEXT;
	struct store *s;
	struct plan p = { 0 };
	char *err = NULL;
	long id = 0;
	int rc;

	(void)cmd;
	if (argc > 1)
		return cli_usage_error(_("evidence list: unexpected argument "
		    "'%s'"), argv[1]);
	if (!cli_format(o->format, false, &fmt))
		return cli_usage_error(_("evidence list: unknown format '%s' "
		    "(text, tsv, csv or json)"), o->format);
	if (cli_open_task(c, o, argc ? argv[0] : NULL, &s, &p, &id,
	    &err) != 0)
		return cli_runtime_error(err);
	rc = evidence_print(s, &p, id, fmt, stdout, &err);
	return cli_close_plan(s, &p, rc, err);
}

static int
evidence_remove(const struct config *c, const struct options *o,
    const char *cmd, int argc, char **argv)
{
	struct store *s;
	struct plan p = { 0 };
	char *err = NULL, *end;
	long id;
	int rc;

	if (argc != 1)
		return cli_usage_error("%s", _("evidence remove: expected ID"));
	id = strtol(argv[0], &end, 10);
	if (*end != '\0' || id <= 0)
		return cli_usage_error(_("evidence remove: bad document "
		    "number '%s'"), argv[0]);
	if ((rc = cli_need_person(cmd)) != 0)
		return rc;
	if (cli_open_task(c, o, NULL, &s, &p, NULL, &err) != 0)
		return cli_runtime_error(err);
	rc = core_evidence_remove(s, perm_self(), p.id, id, &err);
	if (rc == CORE_NONE)
		rc = fail(&err, _("no document %ld in plan \"%s\""), id,
		    p.name);
	return cli_close_plan(s, &p, rc, err);
}

/* evidence SUB: the sub-command, with its own options (cli_table.def). */
int
cli_evidence(const struct config *c, const struct options *o,
    const char *cmd, int argc, char **argv)
{
	static const struct {
		const char *sub, *name;
		enum cli_cmd cmd;
		cli_command *run;
	} subs[] = {
		{ "add", "evidence add", CLI_CMD_EV_ADD, evidence_add },
		{ "list", "evidence list", CLI_CMD_EV_LIST, evidence_list },
		{ "remove", "evidence remove", CLI_CMD_EV_REMOVE,
		    evidence_remove },
	};
	size_t i;
	int rc;

	(void)cmd;
	for (i = 0; argc > 0 && i < sizeof subs / sizeof subs[0]; i++) {
		if (strcmp(argv[0], subs[i].sub) != 0)
			continue;
		if ((rc = cli_check_given(o, subs[i].name, subs[i].cmd)) != 0)
			return rc;
		return subs[i].run(c, o, subs[i].name, argc - 1, argv + 1);
	}
	return cli_usage_error("%s", _("evidence: expected add, list or "
	    "remove"));
}
