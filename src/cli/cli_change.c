/* SPDX-License-Identifier: ISC */
/* cli_change.c: the commands that change a task -- set, tick and
 * untick, and evidence (add, link, unlink, list, remove) -- through the core's use
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
#include "proofview.h"
#include "words.h"

/* CODE/ROLE names the appendix task when a directive shares them: say
 * which others it could have meant, so nobody closes the wrong one. */
static void
note_namesakes(struct store *s, const struct plan *p, const char *spec,
    long chosen)
{
	struct filter f = { NULL, -1, false, NULL, NULL };
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
	struct core_opts co = { .note = o->note, .explain = o->explain };
	struct core_result r = { -1, 0, "", NULL };
	struct store *s;
	struct plan p = { 0 };
	enum status st;
	char *err = NULL, *what;
	long id = 0;
	int rc;

	if (argc != 2)
		return cli_usage_error("%s", _("set: expected TASK STATUS"));
	if (!status_parse(argv[1], &st))
		return cli_usage_error(_("unknown status '%s' (todo, doing, "
		    "done or blocked)"), argv[1]);
	if (o->explain != NULL && st != STATUS_DONE)
		return cli_usage_error("%s", _("--explain goes with done"));
	if (o->no_evidence && o->explain == NULL)
		return cli_usage_error("%s", _("--no-evidence needs an "
		    "explanation: --explain TEXT"));
	if ((rc = cli_need_person(cmd)) != 0)
		return rc;
	if (cli_open_task(c, o, argv[0], &s, &p, &id, &err) != 0)
		return cli_runtime_error(err);
	rc = core_set_status(s, perm_self(), id, st, &co, &r, &err);
	/* Done only when proved, or with a giải trình. */
	if (rc == CORE_UNPROVED) {
		what = r.missing != NULL ? proofview_missing(r.missing) :
		    xstrdup("");
		rc = fail(&err, _("task %s cannot be set done: %s; add the "
		    "documents (parboard evidence add) or give an explanation "
		    "with --explain"), argv[0], what);
		free(what);
	}
	core_result_clear(&r);
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

int
cli_person(const struct config *c, const struct options *o,
    const char *cmd, int argc, char **argv)
{
	struct store *s;
	struct plan p = { 0 };
	char *err = NULL;
	long id = 0;
	int rc;

	if (argc != 2)
		return cli_usage_error("%s", _("person: expected TASK NAME "
		    "(or none)"));
	if ((rc = cli_need_person(cmd)) != 0)
		return rc;
	if (cli_open_task(c, o, argv[0], &s, &p, &id, &err) != 0)
		return cli_runtime_error(err);
	rc = core_set_person(s, perm_self(), c, id, -1,
	    strcmp(argv[1], "none") == 0 ? NULL : argv[1], NULL, &err);
	return cli_close_plan(s, &p, rc, err);
}

/* What due did, in one line: "1.4.2/DTT: due 31/12/2023, 3 bài every
 * month". */
static void
due_said(const char *spec, const struct schedule *sc)
{
	char day[16];

	if (sc->due == NULL)
		out_printf(stdout, _("%s: ongoing, never late\n"), spec);
	else if (sc->every != NULL)
		out_printf(stdout, _("%s: %s every %s until %s\n"), spec,
		    sc->target, sc->every, i18n_date(sc->due, day,
		    sizeof day));
	else
		out_printf(stdout, _("%s: due %s\n"), spec, i18n_date(sc->due,
		    day, sizeof day));
}

int
cli_due(const struct config *c, const struct options *o, const char *cmd,
    int argc, char **argv)
{
	struct schedule sc;
	struct store *s;
	struct plan p = { 0 };
	char *err = NULL, day[11];
	long id = 0;
	int rc;

	if (argc != 2)
		return cli_usage_error("%s", _("due: expected TASK "
		    "YYYY-MM-DD|ongoing"));
	if (core_schedule_parse(argv[1], o->every, o->target, day, &sc,
	    &err) != CORE_OK) {
		rc = cli_usage_error("%s", err);
		free(err);
		return rc;
	}
	if ((rc = cli_need_person(cmd)) != 0)
		return rc;
	if (cli_open_task(c, o, argv[0], &s, &p, &id, &err) != 0)
		return cli_runtime_error(err);
	rc = core_schedule(s, perm_self(), id, &sc, NULL, NULL, &err);
	if (rc == 0)
		due_said(argv[0], &sc);
	return cli_close_plan(s, &p, rc, err);
}

/* TASK... of the plan open in s into a new array (free it). */
static int
find_tasks(struct store *s, const struct plan *p, int argc, char **argv,
    long **tasks, char **err)
{
	long *v = xcalloc((size_t)argc + 1, sizeof *v);
	int i, rc = 0;

	for (i = 0; rc == 0 && i < argc; i++)
		if ((rc = store_task_find(s, p->id, argv[i], &v[i], err)) == 1)
			rc = fail(err, _("no task '%s' in plan \"%s\""), argv[i],
			    p->name);
	if (rc != 0) {
		free(v);
		v = NULL;
	}
	*tasks = v;
	return rc;
}

static int
evidence_add(const struct config *c, const struct options *o,
    const char *cmd, int argc, char **argv)
{
	struct evidence e = { 0 };
	struct core_result r = { 0 };
	struct store *s;
	struct plan p = { 0 };
	char *err = NULL, day[16];
	long *tasks = NULL;
	int i, rc;

	if (argc < 1)
		return cli_usage_error("%s", _("evidence add: expected "
		    "TASK..."));
	if (o->number == NULL || o->date == NULL)
		return cli_usage_error("%s", _("evidence add: --number and "
		    "--date are required"));
	if (o->kind != NULL && (e.kind = dockind_parse(o->kind)) == DOC_NONE)
		return cli_usage_error(_("evidence add: unknown kind '%s' "
		    "(an abbreviation such as KH, or a name such as Kế "
		    "hoạch)"), o->kind);
	e.number = (char *)o->number;
	e.day = (char *)o->date_iso;
	e.issuer = (char *)o->issuer;
	e.summary = (char *)o->summary;
	e.file = (char *)o->file;
	e.is_signed = o->is_signed;
	e.item = o->item;
	if ((rc = cli_need_person(cmd)) != 0)
		return rc;
	if (cli_open_task(c, o, NULL, &s, &p, NULL, &err) != 0)
		return cli_runtime_error(err);
	rc = find_tasks(s, &p, argc, argv, &tasks, &err);
	if (rc == 0)
		rc = core_evidence_add(s, perm_self(), tasks, (size_t)argc, &e,
		    &r, &err);
	if (rc == CORE_DUPLICATE)
		rc = fail(&err, _("document %s of %s is already registered "
		    "as #%ld: link it with parboard evidence link"), o->number,
		    i18n_date(o->date_iso, day, sizeof day), r.id);
	for (i = 0; rc == 0 && i < argc; i++)
		printf(_("document %ld added to task %ld\n"), r.id, tasks[i]);
	free(tasks);
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

/* DOC d (spec as typed) of the plan open in s into *doc: 0, or the exit
 * status (closing s): 1 for no such document, 2 for a number that names
 * several, listing them. */
static int
find_doc(struct store *s, struct plan *p, const char *cmd,
    const struct core_doc *d, const char *spec, long *doc)
{
	struct buf b = { 0 };
	char *err = NULL;
	long *ids;
	size_t n, i;
	int rc;

	rc = core_evidence_find(s, p->id, d, doc, &ids, &n, &err);
	if (rc == CORE_AMBIGUOUS) {
		for (i = 0; i < n; i++)
			buf_addf(&b, "%s#%ld", i > 0 ? ", " : "", ids[i]);
		free(ids);
		cli_close_plan(s, p, 0, NULL);
		fputs("parboard: ", stderr);
		out_printf(stderr, _("%s: %s names several documents: %s; "
		    "name one by its date (NUMBER@DD/MM/YYYY) or its #ID\n"),
		    cmd, spec, b.data);
		buf_free(&b);
		return EXIT_USAGE;
	}
	/* "evidence remove 2" meant #2 before DOC named numbers. */
	if (rc == CORE_NONE && spec[strspn(spec, "0123456789")] == '\0')
		rc = fail(&err, _("no document numbered '%s' in plan \"%s\" "
		    "(an id is written #%s)"), spec, p->name, spec);
	else if (rc == CORE_NONE)
		rc = fail(&err, _("no document '%s' in plan \"%s\""), spec,
		    p->name);
	if (rc != CORE_OK)
		return cli_close_plan(s, p, rc, err);
	return 0;
}

/* evidence link DOC TASK..., unlink DOC TASK, remove DOC. */
static int
evidence_change(const struct config *c, const struct options *o,
    const char *cmd, int argc, char **argv)
{
	struct core_result r = { 0 };
	struct core_doc d;
	struct store *s;
	struct plan p = { 0 };
	char *err = NULL;
	long doc = 0, *tasks = NULL;
	int rc;

	if (strcmp(cmd, "evidence remove") == 0 ? argc != 1 :
	    strcmp(cmd, "evidence unlink") == 0 ? argc != 2 : argc < 2)
		return cli_usage_error(_("%s: expected %s"), cmd,
		    strcmp(cmd, "evidence remove") == 0 ? "DOC" :
		    strcmp(cmd, "evidence unlink") == 0 ? "DOC TASK" :
		    "DOC TASK...");
	if ((rc = cli_need_person(cmd)) != 0)
		return rc;
	if (!core_doc_parse(argv[0], &d)) {
		core_doc_clear(&d);
		return cli_usage_error(_("%s: bad document '%s' (a number such "
		    "as 12/BB-UBND, a number and date such as "
		    "12/BB-UBND@29/09/2023, or #ID)"), cmd, argv[0]);
	}
	rc = cli_open_task(c, o, NULL, &s, &p, NULL, &err);
	if (rc == 0)
		rc = find_doc(s, &p, cmd, &d, argv[0], &doc);
	else
		rc = cli_runtime_error(err);
	core_doc_clear(&d);
	if (rc != 0)
		return rc;
	if (argc > 1)
		rc = find_tasks(s, &p, argc - 1, argv + 1, &tasks, &err);
	if (rc == 0 && argc == 1)
		rc = core_evidence_remove(s, perm_self(), p.id, doc, &err);
	else if (rc == 0 && strcmp(cmd, "evidence unlink") == 0)
		rc = core_evidence_unlink(s, perm_self(), p.id, doc, tasks[0],
		    &err);
	else if (rc == 0)
		rc = core_evidence_link(s, perm_self(), p.id, doc, tasks,
		    (size_t)argc - 1, o->item, &r, &err);
	if (rc == CORE_NONE && argc == 1)
		rc = fail(&err, _("no document '%s' in plan \"%s\""), argv[0],
		    p.name);
	else if (rc == CORE_NONE && strcmp(cmd, "evidence unlink") == 0)
		rc = fail(&err, _("document '%s' is not linked to task %s"),
		    argv[0], argv[1]);
	else if (rc == CORE_NONE)
		rc = fail(&err, _("document '%s' is already linked to task "
		    "%ld"), argv[0], r.id);
	free(tasks);
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
		{ "link", "evidence link", CLI_CMD_EV_LINK, evidence_change },
		{ "unlink", "evidence unlink", CLI_CMD_EV_UNLINK,
		    evidence_change },
		{ "list", "evidence list", CLI_CMD_EV_LIST, evidence_list },
		{ "remove", "evidence remove", CLI_CMD_EV_REMOVE,
		    evidence_change },
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
	return cli_usage_error("%s", _("evidence: expected add, link, "
	    "unlink, list or remove"));
}
