/* SPDX-License-Identifier: ISC */
/* words.c: the model in the user's words — where a task came from, a
 * history row (the task view), a change (the report), a net change (the
 * minutes and the board's list of changes).  The store keeps facts;
 * every sentence about them is written here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "score.h"
#include "util.h"
#include "words.h"

/* --- where a task came from --------------------------------------------- */

static const char *const origin_words[] = {
	[ORIGIN_APPENDIX] = N_("appendix"),
	[ORIGIN_DIRECTIVE] = N_("directive"),
	[ORIGIN_MANUAL] = N_("added by hand"),
};

static const char *const due_source_words[] = {
	[DUE_DEFAULT] = N_("default"),
	[DUE_ROLE] = N_("by role"),
	[DUE_CRITERION] = N_("by criterion"),
	[DUE_DIRECTIVE] = N_("set by the directive"),
	[DUE_TASK] = N_("set for this task"),
	[DUE_LETTER] = N_("by the letter's words"),
};

const char *
words_origin(enum origin o)
{
	return _(origin_words[o <= ORIGIN_MANUAL ? o : ORIGIN_MANUAL]);
}

const char *
words_due_source(enum due_source d)
{
	return _(due_source_words[d <= DUE_LETTER ? d : DUE_DEFAULT]);
}

/* --- a history row in the task view -------------------------------------- */

static const char *
status_text(const char *name)
{
	enum status s;

	if (name != NULL && status_parse(name, &s))
		return status_label(s);
	return name != NULL ? name : "";
}

/* A value of a history row in the language: a status by its label, a
 * date as the language writes it; buf of 11 bytes. */
static const char *
value_text(const char *v, char *buf)
{
	enum status s;

	if (status_parse(v, &s))
		return status_label(s);
	return i18n_date(v, buf, 11);
}

/* A document as the store describes it ("12/BB-UBND 2023-09-29:
 * summary") with its date written as the language writes dates. */
static char *
document_text(const char *v)
{
	const char *p;
	char iso[11], d[16];

	for (p = v; *p != '\0'; p++) {
		if ((p != v && p[-1] != ' ') || strlen(p) < 10 ||
		    strspn(p, "0123456789-") < 10 || p[4] != '-' ||
		    p[7] != '-' || (p[10] != '\0' && p[10] != ':'))
			continue;
		memcpy(iso, p, 10);
		iso[10] = '\0';
		return xasprintf("%.*s%s%s", (int)(p - v), v,
		    i18n_date(iso, d, sizeof d), p + 10);
	}
	return xstrdup(v);
}

/* A rule as crit_rule_describe wrote it, its kind's name in words:
 * "threshold 0,7 · 164/739" → "tỷ lệ đạt ngưỡng 0,7 · 164/739". */
static char *
rule_text(const char *v)
{
	size_t n = strcspn(v, " ");
	char name[16];
	enum crit_kind k;

	if (*v == '\0')
		return xstrdup("?");
	snprintf(name, sizeof name, "%.*s", (int)(n < 15 ? n : 15), v);
	k = crit_kind_from_name(name);
	if (strcmp(crit_kind_name(k), name) != 0)
		return xstrdup(v);
	return xasprintf("%s%s", crit_kind_label(k), v + n);
}

/* "2023-07" as "07/2023". */
static void
month_text(const char *m, char *buf, size_t n)
{
	snprintf(buf, n, "%.2s/%.4s", m + 5, m);
}

/* Figures as figure_describe wrote them, in words: "tháng 07/2023–
 * 12/2023: 500/600", "lũy kế đến tháng 10/2023: 7/9". */
static char *
figures_text(const char *v)
{
	char a[8], b[8], m1[16], m2[16];
	long num, den;

	if (sscanf(v, "%7s snapshot %ld/%ld", a, &num, &den) == 3 &&
	    strlen(a) == 7) {
		month_text(a, m1, sizeof m1);
		return xasprintf(_("year to date at %s: %ld/%ld"), m1, num,
		    den);
	}
	if (sscanf(v, "%7[0-9-]..%7s %ld/%ld", a, b, &num, &den) != 4 ||
	    strlen(a) != 7 || strlen(b) != 7)
		return xstrdup(v);
	month_text(a, m1, sizeof m1);
	month_text(b, m2, sizeof m2);
	if (strcmp(a, b) == 0)
		return xasprintf(_("month %s: %ld/%ld"), m1, num, den);
	return xasprintf(_("months %s–%s: %ld/%ld"), m1, m2, num, den);
}

char *
words_history(const struct history *h)
{
	char when[32] = "", d1[11] = "", d2[11] = "";
	const char *o = h->old != NULL ? h->old : "";
	const char *n = h->new != NULL ? h->new : "";
	char *what, *line;

	if (h->at != NULL && strlen(h->at) >= 16) {
		snprintf(d2, sizeof d2, "%.10s", h->at);
		i18n_date(d2, d1, sizeof d1);
		snprintf(when, sizeof when, "%s %.5s", d1, h->at + 11);
		d2[0] = '\0';
	}
	if (h->kind == HK_CREATED) {
		what = xstrdup(_("created the task"));
	} else if (h->kind == HK_STATUS) {
		what = *o ? xasprintf(_("status %s → %s"), status_text(o),
		    status_text(n)) : xasprintf(_("status %s"),
		    status_text(n));
	} else if (h->kind == HK_DUE) {
		if (*o)
			i18n_date(o, d1, sizeof d1);
		if (*n)
			i18n_date(n, d2, sizeof d2);
		what = xasprintf(_("due date %s → %s"), *o ? d1 : "?",
		    *n ? d2 : "?");
	} else if (h->kind == HK_NOTE) {
		what = xasprintf(_("note: %s"), n);
	} else if (h->kind == HK_EVIDENCE) {
		char *doc = document_text(n);

		what = xasprintf(_("evidence: %s"), doc);
		free(doc);
	} else if (h->kind == HK_ROLE) {
		what = xasprintf(_("moved from %s to %s"), *o ? o : "?", n);
	} else if (h->kind == HK_PERSON) {
		what = xasprintf(_("person %s → %s"), *o ? o : "-",
		    *n ? n : "-");
	} else if (h->kind == HK_CHECKLIST) {
		what = xasprintf(_("evidence required: %s"), n);
	} else if (h->kind == HK_RULE) {
		char *a = rule_text(o), *b = rule_text(n);

		what = xasprintf(_("scoring rule: %s → %s"), a, b);
		free(a);
		free(b);
	} else if (h->kind == HK_FIGURES) {
		char *a = figures_text(n);

		what = xasprintf(*o ? _("figures corrected: %s") :
		    _("figures: %s"), a);
		free(a);
	} else if (h->kind == HK_TITLE) {
		what = xasprintf(_("renamed: %s"), n);
	} else if (h->kind == HK_UNDO && *o && *n) {
		what = xasprintf(_("undone %s → %s"), value_text(o, d1),
		    value_text(n, d2));
	} else if (h->kind == HK_UNDO) {
		what = xasprintf(_("undone %s"), value_text(*n ? n : o, d1));
	} else {
		what = xasprintf("%s %s %s", history_kind_name(h->kind), o,
		    n);
	}
	line = xasprintf("%s %s: %s", when, h->user ? h->user : "?", what);
	free(what);
	return line;
}

/* --- a change in the report ---------------------------------------------- */

/* A history value as a person reads it: a status by its label, a date
 * in the language's way. */
static const char *
change_value(enum history_kind kind, const char *v, char *buf,
    size_t n)
{
	enum status st;

	if (v == NULL)
		return "";
	if ((kind == HK_STATUS || kind == HK_UNDO) &&
	    status_parse(v, &st) && strcmp(status_name(st), v) == 0)
		return status_label(st);
	if (kind == HK_DUE || kind == HK_TICK || kind == HK_UNDO)
		return i18n_date(v, buf, n);
	if (kind == HK_CREATED)
		return words_origin(origin_from_name(v));
	return v;
}

/* What a history row changed, in words. */
static const char *
change_kind(enum history_kind kind)
{
	static const char *const labels[HK_COUNT] = {
		[HK_CREATED] = N_("created"), [HK_STATUS] = N_("status"),
		[HK_DUE] = N_("due"), [HK_NOTE] = N_("note"),
		[HK_EVIDENCE] = N_("evidence"), [HK_TITLE] = N_("title"),
		[HK_UNDO] = N_("undo"), [HK_ROLE] = N_("owner"),
		[HK_MERGE] = N_("merged"), [HK_TICK] = N_("occurrence"),
		[HK_CHECKLIST] = N_("evidence required"),
		[HK_RULE] = N_("scoring rule"), [HK_FIGURES] = N_("figures"),
		[HK_PERSON] = N_("person"),
	};

	return (unsigned)kind < HK_COUNT ? _(labels[kind]) :
	    history_kind_name(kind);
}

/* "10/09/2023 08:15 an 1.7/CA status: To do → In progress"; a task
 * without a code is named by its number and title. */
char *
words_change(const struct change *c)
{
	char day[16], when[16], o[16], n[16], *name, *line, *doc = NULL;
	char *was = NULL;
	const char *at = c->h.at ? c->h.at : "";
	const char *ov = change_value(c->h.kind, c->h.old, o, sizeof o);
	const char *nv = change_value(c->h.kind, c->h.new, n, sizeof n);

	if (c->h.kind == HK_EVIDENCE && c->h.new != NULL)
		nv = doc = document_text(c->h.new);
	if ((c->h.kind == HK_RULE || c->h.kind == HK_FIGURES) &&
	    c->h.new != NULL) {
		char *(*f)(const char *) = c->h.kind == HK_RULE ? rule_text :
		    figures_text;

		nv = doc = f(c->h.new);
		if (c->h.old != NULL)
			ov = was = f(c->h.old);
	}

	snprintf(day, sizeof day, "%.10s", at);
	if (c->code != NULL)
		name = xasprintf("%s/%s", c->code, c->role);
	else
		name = xasprintf("#%ld %s (%s)", c->task_id, c->title,
		    c->role);
	line = xasprintf("%s%s %s %s %s: %s%s%s", i18n_date(day, when,
	    sizeof when), strlen(at) > 10 ? at + 10 : "",
	    c->h.user ? c->h.user : "?", name, change_kind(c->h.kind), ov,
	    c->h.old ? " → " : "", nv);
	free(name);
	free(doc);
	free(was);
	return line;
}

/* --- a net change since the last meeting --------------------------------- */

char *
words_task_name(const char *code, long id, const char *title,
    bool directive)
{
	if (code == NULL)
		return title != NULL ? xasprintf("#%ld %s", id, title) :
		    xasprintf("#%ld", id);
	if (directive)
		return xasprintf(_("%s (directive)"), code);
	return xstrdup(code);
}

const char *
words_status(const char *name)
{
	return name != NULL ? status_label(status_from_name(name)) : "-";
}

char *
words_net_change(const struct net_change *c)
{
	struct buf b = { 0 };
	char *name = words_task_name(c->code, c->task_id, c->title, false);
	char d1[16], d2[16];

	buf_addf(&b, "%s:", name);
	free(name);
	if (c->status_from != NULL || c->status_to != NULL)
		buf_addf(&b, " %s → %s;", words_status(c->status_from),
		    words_status(c->status_to));
	if (c->due_from != NULL || c->due_to != NULL)
		buf_addf(&b, " %s %s → %s;", _("due"),
		    c->due_from ? i18n_date(c->due_from, d1, sizeof d1) : "-",
		    c->due_to ? i18n_date(c->due_to, d2, sizeof d2) : "-");
	if (c->notes > 0) {
		buf_addc(&b, ' ');
		buf_addf(&b, ngettext("%d note", "%d notes", c->notes),
		    c->notes);
		buf_addc(&b, ';');
	}
	if (c->evidence != 0) {
		buf_addc(&b, ' ');
		buf_addf(&b, _("documents %+d"), c->evidence);
		buf_addc(&b, ';');
	}
	if (c->ticks != 0) {
		buf_addc(&b, ' ');
		buf_addf(&b, _("occurrences %+d"), c->ticks);
		buf_addc(&b, ';');
	}
	if (b.data[b.len - 1] == ':')
		buf_addf(&b, " %s;", _("no net change"));
	b.data[--b.len] = '\0';
	return buf_take(&b);
}

/* --- a change this board may undo ---------------------------------------- */

char *
words_undo(const char *task, enum history_kind kind, const char *old,
    const char *new)
{
	char d1[11], d2[11];

	if (kind == HK_DUE)
		return xasprintf(_("%s: due date %s → %s"), task,
		    old != NULL ? i18n_date(old, d1, sizeof d1) : "-",
		    new != NULL ? i18n_date(new, d2, sizeof d2) : "-");
	if (kind == HK_ROLE)
		return xasprintf(_("%s: role %s → %s"), task,
		    old != NULL ? old : "-", new != NULL ? new : "-");
	return xasprintf("%s: %s → %s", task, status_text(old),
	    status_text(new));
}

static void
letter_field(struct buf *b, const char *label, const char *v)
{
	if (v != NULL && *v != '\0')
		buf_addf(b, "%s: %s\n", label, v);
}

static void
letter_join(struct buf *b, const char *v, const char *sep)
{
	if (v == NULL)
		return;
	if (b->len > 0)
		buf_adds(b, sep);
	buf_adds(b, v);
}

static void
letter_lists(struct buf *b, const struct letter *l)
{
	struct buf to = { 0 }, cc = { 0 }, rep = { 0 };
	size_t i;

	for (i = 0; i < l->nto; i++)
		letter_join(&to, l->to[i], "; ");
	for (i = 0; i < l->ncc; i++) {
		letter_join(&cc, l->cc[i].name, "; ");
		if (l->cc[i].report)
			letter_join(&rep, l->cc[i].name, "; ");
	}
	letter_field(b, _("To"), to.data);
	letter_field(b, _("Copies to"), cc.data);
	letter_field(b, _("Reports to"), rep.data);
	buf_free(&to);
	buf_free(&cc);
	buf_free(&rep);
}

char *
words_letter(const struct letter *l)
{
	struct buf b = { 0 }, who = { 0 };
	char day[16], num[32];

	letter_field(&b, _("Letter No."), l->number);
	if (l->day != NULL)
		letter_field(&b, _("Dated"), i18n_date(l->day, day, sizeof day));
	letter_field(&b, _("Place"), l->place);
	letter_field(&b, _("Parent body"), l->parent);
	letter_field(&b, _("Issued by"), l->issuer);
	letter_field(&b, _("Subject"), l->subject);
	letter_join(&who, l->authority, ", ");
	letter_join(&who, l->title, ", ");
	letter_join(&who, l->signer, ", ");
	letter_field(&b, _("Signed by"), who.data);
	buf_free(&who);
	letter_field(&b, _("Grounds"), l->grounds);
	if (l->has_result) {
		text_format_score(l->result, i18n_decimal(), num, sizeof num);
		letter_field(&b, _("Result"), num);
	}
	letter_field(&b, _("Rank"), l->rank);
	letter_field(&b, _("Appraisal period"), l->period);
	if (l->deadline != NULL)
		letter_field(&b, _("Deductions fixed by"), i18n_date(l->deadline,
		    day, sizeof day));
	if (l->until != NULL)
		letter_field(&b, _("Directives run until"), i18n_date(l->until,
		    day, sizeof day));
	letter_lists(&b, l);
	return buf_take(&b);
}

/* The letter's date in a heading: "06/9/2023" as Vietnamese documents
 * write it (a 0 before months 1 and 2 only, date_written), "06/09/2023"
 * in English. */
static void
letter_day(const char *iso, char out[16])
{
	int y, m, d;

	*out = '\0';
	if (!date_split(iso, &y, &m, &d))
		return;
	if (i18n_vietnamese())
		snprintf(out, 16, "%02d/%0*d/%04d", d % 100, m <= 2 ? 2 : 1,
		    m % 100, y % 10000);
	else
		date_format_dmy(iso, out);
}

char *
words_letter_heading(const struct letter *l)
{
	char day[16] = "", *who, *h, *out;

	if (l->number == NULL)
		return NULL;
	if (l->day != NULL)
		letter_day(l->day, day);
	who = letter_issuer_short(l);
	if (*day != '\0' && who != NULL)
		h = xasprintf(_("Implementing letter No. %s of %s of %s"),
		    l->number, day, who);
	else if (*day != '\0')
		h = xasprintf(_("Implementing letter No. %s of %s"), l->number,
		    day);
	else
		h = xasprintf(_("Implementing letter No. %s"), l->number);
	free(who);
	if (l->subject == NULL)
		return h;
	out = xasprintf("%s: %s", h, l->subject);
	free(h);
	return out;
}
