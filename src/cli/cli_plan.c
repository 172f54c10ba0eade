/* SPDX-License-Identifier: ISC */
/* cli_plan.c: `parboard plan`, the details of the letter the plan came
 * with (letter.h), read at import: as text in the user's language, or
 * exact as json. */
#include <stdio.h>
#include <stdlib.h>

#include "cli_impl.h"
#include "i18n.h"
#include "output.h"
#include "words.h"

static void
json_field(struct buf *b, const char *name, const char *v)
{
	buf_addf(b, ",\n  \"%s\": ", name);
	if (v == NULL)
		buf_adds(b, "null");
	else
		out_json_str(b, v);
}

static void
print_json(struct buf *b, const char *plan, const struct letter *l)
{
	char num[32];
	size_t i;

	buf_adds(b, "{\"plan\": ");
	out_json_str(b, plan);
	if (l == NULL) {
		buf_adds(b, ", \"letter\": null}\n");
		return;
	}
	json_field(b, "number", l->number);
	json_field(b, "date", l->day);
	json_field(b, "place", l->place);
	json_field(b, "parent", l->parent);
	json_field(b, "issuer", l->issuer);
	json_field(b, "subject", l->subject);
	json_field(b, "authority", l->authority);
	json_field(b, "title", l->title);
	json_field(b, "signer", l->signer);
	json_field(b, "grounds", l->grounds);
	text_format_score(l->result, '.', num, sizeof num);
	buf_addf(b, ",\n  \"result\": %s", l->has_result ? num : "null");
	json_field(b, "rank", l->rank);
	json_field(b, "period", l->period);
	json_field(b, "deadline", l->deadline);
	json_field(b, "until", l->until);
	buf_adds(b, ",\n  \"to\": [");
	for (i = 0; i < l->nto; i++) {
		buf_adds(b, i > 0 ? ", " : "");
		out_json_str(b, l->to[i]);
	}
	buf_adds(b, "],\n  \"recipients\": [");
	for (i = 0; i < l->ncc; i++) {
		buf_adds(b, i > 0 ? ", {\"name\": " : "{\"name\": ");
		out_json_str(b, l->cc[i].name);
		buf_addf(b, ", \"report\": %s}", l->cc[i].report ? "true" :
		    "false");
	}
	buf_adds(b, "]\n}\n");
}

int
cli_plan(const struct config *c, const struct options *o, const char *cmd,
    int argc, char **argv)
{
	enum format fmt = FORMAT_TEXT;
	struct letter *l = NULL;
	struct buf b = { 0 };
	struct plan p = { 0 };
	struct store *s;
	char *err = NULL, *w;
	int rc;

	(void)cmd;
	(void)argv;
	if (argc != 0)
		return cli_usage_error("%s", _("plan: no arguments expected"));
	if (!cli_format(o->format, false, &fmt) || (fmt != FORMAT_TEXT &&
	    fmt != FORMAT_JSON))
		return cli_usage_error(_("plan: unknown format '%s' (text or "
		    "json)"), o->format);
	if (cli_open_task(c, o, NULL, &s, &p, NULL, &err) != 0)
		return cli_runtime_error(err);
	rc = store_letter_get(s, p.id, &l, &err);
	if (rc >= 0 && fmt == FORMAT_JSON)
		print_json(&b, p.name, l);
	else if (rc == 0) {
		buf_addf(&b, _("Plan \"%s\"\n"), p.name);
		w = words_letter(l);
		buf_adds(&b, w);
		free(w);
	} else if (rc == 1)
		buf_addf(&b, _("Plan \"%s\": the letter's details are not "
		    "known (import the whole letter, not the table alone)\n"),
		    p.name);
	if (rc >= 0) {
		cli_print(&b, fmt == FORMAT_TEXT);
		rc = 0;
	}
	buf_free(&b);
	letter_free(l);
	return cli_close_plan(s, &p, rc, err);
}
