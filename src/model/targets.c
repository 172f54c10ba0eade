/* SPDX-License-Identifier: ISC */
/* targets.c: counted and recurring targets (see targets.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "targets.h"
#include "text.h"
#include "util.h"

static const char *
skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

static bool
empty(const char *s)
{
	return s == NULL || *skip_space(s) == '\0';
}

/* Folded words of the period: "hằng tháng" → "hang thang". */
static bool
every_parse(const char *every, enum period *out)
{
	static const struct {
		const char *word;
		enum period p;
	} words[] = {
		{ "thang", PERIOD_MONTH }, { "hang thang", PERIOD_MONTH },
		{ "hng thang", PERIOD_MONTH }, { "moi thang", PERIOD_MONTH },
		{ "month", PERIOD_MONTH }, { "monthly", PERIOD_MONTH },
		{ "quy", PERIOD_QUARTER }, { "hang quy", PERIOD_QUARTER },
		{ "moi quy", PERIOD_QUARTER }, { "quarter", PERIOD_QUARTER },
		{ "nam", PERIOD_YEAR }, { "hang nam", PERIOD_YEAR },
		{ "moi nam", PERIOD_YEAR }, { "year", PERIOD_YEAR },
		{ "/thang", PERIOD_MONTH }, { "/ thang", PERIOD_MONTH },
	};
	char *f;
	size_t i;
	bool ok = false;

	if (empty(every)) {
		*out = PERIOD_ONCE;
		return true;
	}
	f = text_fold(every);
	for (i = 0; i < sizeof words / sizeof words[0] && !ok; i++)
		if (strcmp(f, words[i].word) == 0) {
			*out = words[i].p;
			ok = true;
		}
	free(f);
	return ok;
}

bool
target_parse(const char *target, const char *every, struct target *out)
{
	const char *p;
	char *end;
	long v;
	size_t len;

	memset(out, 0, sizeof *out);
	if (empty(target) && empty(every))
		return true;
	if (empty(target) || !every_parse(every, &out->every))
		return false;
	p = skip_space(target);
	v = strtol(p, &end, 10);
	if (end == p || v <= 0 || v > 10000)
		return false;
	p = skip_space(end);
	len = strlen(p);
	while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
		len--;
	if (len >= sizeof out->unit || memchr(p, '/', len) != NULL)
		return false;
	out->count = (int)v;
	memcpy(out->unit, p, len);
	out->unit[len] = '\0';
	return true;
}

void
target_period(enum period k, const char *day, char from[11], char to[11])
{
	int y = 0, m = 1, first, last;

	sscanf(day, "%4d-%2d", &y, &m);
	switch (k) {
	case PERIOD_MONTH:
		first = last = m;
		break;
	case PERIOD_QUARTER:
		first = (m - 1) / 3 * 3 + 1;
		last = first + 2;
		break;
	default:
		first = 1;
		last = 12;
	}
	date_iso(from, y, first, 1);
	date_iso(to, y, last, date_month_days(y, last));
}

void
target_period_label(enum period k, const char *from, char *buf, size_t n)
{
	int y = 0, m = 1;

	sscanf(from, "%4d-%2d", &y, &m);
	if (k == PERIOD_MONTH)
		snprintf(buf, n, "%02u/%04u", (unsigned)m % 100u,
		    (unsigned)y % 10000u);
	else if (k == PERIOD_QUARTER)
		snprintf(buf, n, "Q%u/%04u", ((unsigned)m % 100u + 2) / 3,
		    (unsigned)y % 10000u);
	else
		snprintf(buf, n, "%04u", (unsigned)y % 10000u);
}

static int
count_ticks(const struct tick *t, size_t n, const char *from, const char *to)
{
	size_t i;
	int c = 0;

	for (i = 0; i < n; i++)
		if (strcmp(t[i].day, from) >= 0 && strcmp(t[i].day, to) <= 0)
			c++;
	return c;
}

size_t
target_periods(const struct target *tg, const char *start, const char *end,
    const char *today, const struct tick *ticks, size_t nticks,
    struct target_period **out)
{
	struct target_period *v = NULL, *p;
	char day[11], from[11], to[11];
	size_t n = 0, cap = 0;

	*out = NULL;
	if (tg->count <= 0)
		return 0;
	if (tg->every == PERIOD_ONCE) {
		v = xcalloc(1, sizeof *v);
		snprintf(v->from, sizeof v->from, "%s", start);
		snprintf(v->to, sizeof v->to, "%s", end);
		v->done = count_ticks(ticks, nticks, "0000-00-00", end);
		v->current = strcmp(today, end) <= 0;
		v->missed = !v->current && v->done < tg->count;
		*out = v;
		return 1;
	}
	snprintf(day, sizeof day, "%s", start);
	while (strcmp(day, end) <= 0 && strcmp(day, today) <= 0) {
		target_period(tg->every, day, from, to);
		v = xgrow(v, &cap, n + 1, sizeof *v);
		p = &v[n++];
		memset(p, 0, sizeof *p);
		memcpy(p->from, from, sizeof p->from);
		memcpy(p->to, strcmp(to, end) > 0 ? end : to, sizeof p->to);
		p->done = count_ticks(ticks, nticks, p->from, p->to);
		p->current = strcmp(today, p->to) <= 0;
		p->missed = !p->current && p->done < tg->count;
		date_add(to, 1, day);
	}
	*out = v;
	return n;
}

void
target_span(const struct plan *p, const struct task *t, char start[11],
    char end[11])
{
	const char *from = p->since != NULL ? p->since : p->imported_at != NULL ?
	    p->imported_at : today();
	int y = 0, m = 1;

	sscanf(from, "%4d-%2d", &y, &m);
	date_iso(start, y, m, 1);
	date_iso(end, y, 12, 31);
	/* The directive's own due date ends it earlier; a default one
	 * (from the settings) does not. */
	if (t->due != NULL && (t->due_source == DUE_DIRECTIVE ||
	    t->due_source == DUE_TASK || t->due_source == DUE_LETTER) &&
	    strcmp(t->due, end) < 0)
		snprintf(end, 11, "%s", t->due);
}

void
target_period_words(const struct target *tg, const struct target_period *v,
    char *buf, size_t len)
{
	char label[16];

	target_period_label(tg->every, v->from, label, sizeof label);
	/* Cut where it does not fit (a unit up to 31 bytes). */
	if (snprintf(buf, len, "%s: %d/%d%s%s", label, v->done, tg->count,
	    tg->unit[0] ? " " : "", tg->unit) < 0)
		buf[0] = '\0';
}

void
target_progress(const struct target *tg, const struct target_period *v,
    size_t n, char *buf, size_t len)
{
	const struct target_period *cur = NULL;
	char words[48], due[16];
	size_t i;

	buf[0] = '\0';
	if (tg->count <= 0)
		return;
	for (i = 0; i < n; i++)
		if (v[i].current)
			cur = &v[i];
	if (cur == NULL && n > 0)
		cur = &v[n - 1];
	if (cur == NULL) {
		snprintf(buf, len, "0/%d%s%s", tg->count, tg->unit[0] ? " " : "",
		    tg->unit);
		return;
	}
	if (tg->every == PERIOD_ONCE) {
		snprintf(buf, len, "%d/%d%s%s", cur->done, tg->count,
		    tg->unit[0] ? " " : "", tg->unit);
		return;
	}
	target_period_words(tg, cur, words, sizeof words);
	i18n_day_month(cur->to, due, sizeof due);
	/* TRANSLATORS: a period's count and its end: "11/2023: 2/3 bài,
	 * due 30/11". */
	snprintf(buf, len, _("%s, due %s"), words, due);
}

void
target_schedule(struct task *t, const struct plan *p, const struct tick *k,
    size_t nk)
{
	struct target tg;
	struct target_period *v;
	char start[11], end[11], words[48];
	size_t n, i, len = 0;

	t->missed[0] = t->period_end[0] = '\0';
	t->period_met = false;
	if (task_kind(t) != TASK_RECURRING ||
	    !target_parse(t->target, t->every, &tg))
		return;
	target_span(p, t, start, end);
	n = target_periods(&tg, start, end, today(), k, nk, &v);
	for (i = 0; i < n; i++) {
		if (v[i].current) {
			memcpy(t->period_end, v[i].to, sizeof t->period_end);
			t->period_met = v[i].done >= tg.count;
		}
		if (!v[i].missed)
			continue;
		target_period_words(&tg, &v[i], words, sizeof words);
		len += (size_t)snprintf(t->missed + len, sizeof t->missed -
		    len, "%s%s", len > 0 ? "; " : "", words);
		if (len >= sizeof t->missed)
			len = sizeof t->missed - 1;
	}
	free(v);
}

void
target_untick_period(const struct target *tg, const char *day,
    char from[11], char to[11])
{
	target_period(tg->every, day, from, to);
	if (tg->every == PERIOD_ONCE)
		snprintf(from, 11, "0000-01-01");
}
