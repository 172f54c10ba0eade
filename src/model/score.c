/* SPDX-License-Identifier: ISC */
/* score.c: the kinds of criteria and their rules, the plan's period and
 * a criterion's three numbers (score.h).  Pure: no SQL, no I/O. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist.h"
#include "i18n.h"
#include "score.h"
#include "text.h"
#include "util.h"

/* --- kinds ----------------------------------------------------------- */

static const char *const kind_names[CK_NKINDS] = {
	"document", "count", "plan", "threshold", "ratio", "late", "survey",
};
static const char *const kind_labels[CK_NKINDS] = {
	N_("documents"), N_("count of events"), N_("plan completion"),
	N_("threshold ratio"), N_("proportional ratio"), N_("late tasks"),
	N_("survey"),
};
/* Vietnamese words a person may type whatever the language. */
static const char *const kind_words_vi[CK_NKINDS] = {
	"tài liệu", "số lượng", "kế hoạch", "ngưỡng", "tỷ lệ", "chậm",
	"điều tra",
};

const char *
crit_kind_name(enum crit_kind k)
{
	return (unsigned)k < CK_NKINDS ? kind_names[k] : kind_names[0];
}

const char *
crit_kind_label(enum crit_kind k)
{
	return _(kind_labels[(unsigned)k < CK_NKINDS ? k : 0]);
}

enum crit_kind
crit_kind_from_name(const char *s)
{
	int i;

	for (i = 0; s != NULL && i < CK_NKINDS; i++)
		if (strcmp(s, kind_names[i]) == 0)
			return (enum crit_kind)i;
	return CK_DOCUMENT;
}

bool
crit_kind_parse(const char *s, enum crit_kind *out)
{
	char *f, *g;
	const char *words[3];
	bool found = false;
	int i;
	size_t k;

	if (s == NULL)
		return false;
	f = text_fold(s);
	for (i = 0; i < CK_NKINDS && !found; i++) {
		words[0] = kind_labels[i];
		words[1] = _(kind_labels[i]);
		words[2] = kind_words_vi[i];
		found = strcmp(f, kind_names[i]) == 0;
		for (k = 0; k < 3 && !found; k++) {
			g = text_fold(words[k]);
			found = strcmp(f, g) == 0;
			free(g);
		}
		if (found)
			*out = (enum crit_kind)i;
	}
	free(f);
	return found;
}

void
crit_rule_clear(struct crit_rule *r)
{
	free(r->plan_name);
	memset(r, 0, sizeof *r);
}

void
crit_rule_copy(struct crit_rule *dst, const struct crit_rule *src)
{
	*dst = *src;
	dst->plan_name = src->plan_name != NULL ?
	    xstrdup(src->plan_name) : NULL;
}

/* --- reading a comment ----------------------------------------------- */

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static const char *
skip_blank(const char *p)
{
	while (*p == ' ' || *p == '$' || *p == '\t')
		p++;
	return p;
}

/* An integer at p (at most 9 digits); *end after it. */
static bool
read_long(const char *p, long *out, const char **end)
{
	long v = 0;
	int n = 0;

	for (; is_digit(*p) && n < 10; p++, n++)
		v = v * 10 + (*p - '0');
	if (n == 0 || n > 9)
		return false;
	*out = v;
	*end = p;
	return true;
}

/* A decimal at p ("0,7", "0.70", "70%"), in SCORE_UNIT; *end after. */
static bool
read_decimal(const char *p, score *out, const char **end)
{
	long whole, scale = SCORE_UNIT / 10;
	score v;

	if (!read_long(p, &whole, &p) || whole > 1000)
		return false;
	v = (score)whole * SCORE_UNIT;
	if ((*p == ',' || *p == '.') && is_digit(p[1]))
		for (p++; is_digit(*p); p++, scale /= 10)
			v += (*p - '0') * scale;
	if (*p == '%') {
		v /= 100;
		p++;
	}
	*out = v;
	*end = p;
	return true;
}

/* "b/a = B/A [= r] [< t | >= t | ≥ t]" in the folded comment. */
static void
read_ratio(const char *f, struct crit_rule *out)
{
	long at = text_find_word(f, "b/a");
	const char *p;
	long b, a;
	score r, t;

	if (at < 0)
		return;
	p = skip_blank(f + at + 3);
	if (*p != '=')
		return;
	p = skip_blank(p + 1);
	if (!read_long(p, &b, &p))
		return;
	p = skip_blank(p);
	if (*p != '/' || !read_long(skip_blank(p + 1), &a, &p) || a == 0)
		return;
	out->kind = CK_RATIO;
	out->num = b;
	out->den = a;
	out->has_num = out->has_den = true;
	p = skip_blank(p);
	if (*p == '=' && read_decimal(skip_blank(p + 1), &r, &p))
		p = skip_blank(p);
	if (strncmp(p, "&lt;", 4) == 0)
		p += 4;
	else if (strncmp(p, "\xe2\x89\xa5", 3) == 0 ||	/* ≥ */
	    strncmp(p, "\xe2\x89\xa4", 3) == 0)		/* ≤ */
		p += 3;
	else if (*p == '<' || *p == '>')
		p += p[1] == '=' ? 2 : 1;
	else
		return;
	if (read_decimal(skip_blank(p), &t, &p) && t > 0 && t <= SCORE_UNIT) {
		out->kind = CK_THRESHOLD;
		out->threshold = t;
	}
}

/* The number just before the words at f + at: "là 30 nhiệm vụ". */
static bool
number_before(const char *f, long at, long *out)
{
	const char *p = f + at;
	const char *end;

	while (p > f && p[-1] == ' ')
		p--;
	if (p == f || !is_digit(p[-1]))
		return false;
	while (p > f && is_digit(p[-1]))
		p--;
	return read_long(p, out, &end);
}

/* "Tổng số nhiệm vụ … là NN nhiệm vụ": a plan of NN tasks. */
static bool
read_plan(const char *f, struct crit_rule *out)
{
	long at = text_find_word(f, "tong so nhiem vu"), n, k;
	const char *p;

	if (at < 0)
		return false;
	p = f + at + strlen("tong so nhiem vu");
	while ((k = text_find_word(p, "nhiem vu")) >= 0) {
		if (number_before(p, k, &n) && n > 0) {
			out->kind = CK_PLAN;
			out->den = n;
			out->has_den = true;
			return true;
		}
		p += k + strlen("nhiem vu");
	}
	return false;
}

/* "có NN nhiệm vụ được giao hoàn thành chậm": NN late tasks. */
static bool
read_late(const char *f, struct crit_rule *out)
{
	long at = text_find_word(f, "hoan thanh cham"), k;
	const char *p = f;
	long n, last = 0;

	if (at < 0)
		return false;
	/* The last "NN nhiệm vụ" before the words. */
	while ((k = text_find_word(p, "nhiem vu")) >= 0 && p + k < f + at) {
		if (number_before(p, k, &n))
			last = n;
		p += k + strlen("nhiem vu");
	}
	out->kind = CK_LATE;
	out->late = last;
	return true;
}

/* The plan a comment cites ("Kế hoạch số 30/KH-UBND"), else the title's
 * words from "kế hoạch" on ("Kế hoạch CCHC"); NULL when neither. */
static char *
plan_name(const char *title, const char *comment)
{
	static const char *const heads[] = { "Kế hoạch số ", "kế hoạch số " };
	const char *p, *e;
	size_t i;

	for (i = 0; i < 2 && comment != NULL; i++)
		if ((p = strstr(comment, heads[i])) != NULL) {
			e = p + strlen(heads[i]);
			while (*e != '\0' && *e != ' ' && *e != ',' &&
			    *e != ';' && *e != ')')
				e++;
			if (e > p + strlen(heads[i]))
				return xasprintf("Kế hoạch số %.*s",
				    (int)(e - p - strlen(heads[i])),
				    p + strlen(heads[i]));
		}
	if (title != NULL && (p = strstr(title, "kế hoạch")) != NULL) {
		e = p + strlen("kế hoạch");
		while (*e != '\0' && strncmp(e, " đã", 4) != 0)
			e++;
		return xasprintf("Kế hoạch%.*s", (int)(e - p -
		    (long)strlen("kế hoạch")), p + strlen("kế hoạch"));
	}
	return NULL;
}

void
crit_rule_from_comment(const char *title, const char *comment,
    struct crit_rule *out)
{
	char *ft = text_fold(title != NULL ? title : "");
	char *fc = text_fold(comment != NULL ? comment : "");

	memset(out, 0, sizeof *out);
	out->kind = CK_DOCUMENT;
	if (strncmp(ft, "ty le ", 6) == 0)
		out->kind = CK_RATIO;
	read_ratio(fc, out);
	if (out->kind == CK_RATIO || out->kind == CK_THRESHOLD)
		out->snapshot = text_find_word(ft, "co phat sinh") >= 0;
	else if (read_plan(fc, out)) {
		out->snapshot = true;
		out->plan_name = plan_name(title, comment);
	} else if (!read_late(fc, out) &&
	    (text_find_word(ft, "dieu tra xa hoi hoc") >= 0 ||
	    text_find_word(ft, "khao sat") >= 0))
		out->kind = CK_SURVEY;
	free(ft);
	free(fc);
}

/* --- the plan's period ----------------------------------------------- */

void
plan_period_from_title(const char *title, int fallback_year,
    struct plan_period *out)
{
	char *f = text_fold(title != NULL ? title : "");

	out->year = checklist_year_of(f);
	out->known = out->year > 0;
	out->first = 1;
	out->last = 6;
	if (!out->known)
		out->year = fallback_year;
	else if (text_find_word(f, "6 thang cuoi nam") >= 0) {
		out->first = 7;
		out->last = 12;
	} else if (text_find_word(f, "6 thang dau nam") < 0 &&
	    text_find_word(f, "6 thang") < 0)
		out->last = 12;
	free(f);
}

/* The month of "YYYY-MM" as year * 12 + month - 1, or -1. */
static int
month_index(const char *m)
{
	if (m == NULL || strlen(m) != 7 || m[4] != '-' || !is_digit(m[0]) ||
	    !is_digit(m[1]) || !is_digit(m[2]) || !is_digit(m[3]) ||
	    !is_digit(m[5]) || !is_digit(m[6]) || atoi(m + 5) < 1 ||
	    atoi(m + 5) > 12)
		return -1;
	return atoi(m) * 12 + atoi(m + 5) - 1;
}

bool
plan_period_in_year(const struct plan_period *p, const char *month)
{
	int i = month_index(month);

	return i >= 0 && i / 12 == p->year;
}

bool
plan_period_after(const struct plan_period *p, const char *month)
{
	int i = month_index(month);

	return plan_period_in_year(p, month) && i % 12 + 1 > p->last;
}

int
figure_months(const char *from, const char *to)
{
	int a = month_index(from), b = month_index(to);

	return a < 0 || b < a ? 0 : b - a + 1;
}

void
figure_clear(void *elem)
{
	struct figure *f = elem;

	free(f->user);
	free(f->at);
	memset(f, 0, sizeof *f);
}

/* --- a criterion's three numbers ------------------------------------- */

score
score_ratio(score std, long num, long den)
{
	if (den <= 0)
		return 0;
	/* A year of the largest months (9 digits each) would overflow
	 * below: b and a scaled down together, the ratio kept to 9
	 * digits. */
	while (den > 1000000000L) {
		num /= 10;
		den /= 10;
	}
	/* Half up, in hundredths: 2·std·num·100 / (2·den·SCORE_UNIT). */
	return (score)((2 * std * (score)num * 100 + (score)den * SCORE_UNIT) /
	    (2 * (score)den * SCORE_UNIT)) * (SCORE_UNIT / 100);
}

/* The points of b/a by the rule of a ratio kind. */
static score
ratio_points(const struct crit_rule *r, score std, long num, long den)
{
	if (r->kind == CK_THRESHOLD)
		return den > 0 && (score)num * SCORE_UNIT >= r->threshold *
		    (score)den ? std : 0;
	return score_ratio(std, num, den);
}

/* The months of the year after the appraisal that the figures do not
 * cover (the best case fills them). */
static int
months_open(const struct crit_score_in *in)
{
	int open = 12 - in->period->last, m;

	if (in->figs == NULL)
		return open;
	if (in->rule->snapshot) {
		if (!in->figs->has_snapshot)
			return open;
		m = month_index(in->figs->last);
		return m / 12 != in->period->year ? 0 : 11 - m % 12;
	}
	return open - in->figs->months > 0 ? open - in->figs->months : 0;
}

/* A plan's completion: the latest m of n due so far; the best case is
 * every task done while months remain. */
static void
score_plan(const struct crit_score_in *in, struct crit_score *o)
{
	const struct crit_figures *g = in->figs;

	if (g != NULL && g->has_snapshot) {
		o->has_year = true;
		o->year_num = g->snap_num;
		o->year_den = g->snap_den;
		o->now = score_ratio(in->standard, g->snap_num, g->snap_den);
	}
	o->reachable = months_open(in) > 0 || !o->has_year ? in->standard :
	    o->now;
}

/* The year's b/a so far: the latest snapshot, or the appraised half's
 * figures and the months recorded since; false when unknown. */
static bool
year_figures(const struct crit_rule *r, const struct crit_figures *g,
    struct crit_score *o)
{
	if (r->snapshot && g != NULL && g->has_snapshot) {
		o->year_num = g->snap_num;
		o->year_den = g->snap_den;
	} else if (r->has_num && r->has_den) {
		o->year_num = r->num + (r->snapshot || g == NULL ? 0 : g->num);
		o->year_den = r->den + (r->snapshot || g == NULL ? 0 : g->den);
	} else if (!r->snapshot && g != NULL && g->months > 0) {
		o->year_num = g->num;
		o->year_den = g->den;
	} else
		return false;
	return o->has_year = o->year_den > 0;
}

/* Ratios and thresholds: the year's b/a and the best case. */
static void
score_figures(const struct crit_score_in *in, struct crit_score *o)
{
	const struct crit_rule *r = in->rule;
	const struct crit_figures *g = in->figs;
	int open = months_open(in), done = in->period->last -
	    in->period->first + 1;
	long fill;

	if (year_figures(r, g, o) && g != NULL && g->n > 0)
		o->now = ratio_points(r, in->standard, o->year_num,
		    o->year_den);
	if (!o->has_year || !r->has_den) {
		/* The appraised figures unknown: the full points, assumed. */
		o->assumed = open > 0;
		o->reachable = open > 0 || !o->has_year ? in->standard :
		    o->now;
		return;
	}
	o->has_best = true;
	if (r->snapshot) {
		fill = r->has_expect ? r->expect : o->year_den;
		o->best_den = open > 0 ? fill : o->year_den;
		o->best_num = open > 0 ? fill : o->year_num;
	} else {
		fill = r->has_expect ? r->expect * open :
		    (r->den * open + done / 2) / (done > 0 ? done : 1);
		o->best_num = o->year_num + fill;
		o->best_den = o->year_den + fill;
	}
	o->reachable = ratio_points(r, in->standard, o->best_num,
	    o->best_den);
	if (o->reachable < o->now)
		o->reachable = o->now;
}

void
crit_score_compute(const struct crit_score_in *in, struct crit_score *o)
{
	const struct crit_rule *r = in->rule;
	const struct proof *p = in->proof;

	memset(o, 0, sizeof *o);
	o->standard = in->standard;
	o->appraised = o->now = in->appraised;
	o->reachable = in->standard;
	switch (r->kind) {
	case CK_DOCUMENT:
		if (p != NULL && p->proved)
			o->now = in->standard;
		break;
	case CK_COUNT:
		if (p != NULL && (p->target > 0 ? p->count >= p->target :
		    p->proved))
			o->now = in->standard;
		break;
	case CK_PLAN:
		score_plan(in, o);
		break;
	case CK_THRESHOLD:
	case CK_RATIO:
		score_figures(in, o);
		break;
	case CK_LATE:
	case CK_SURVEY:
	default:
		o->reachable = in->appraised;
		break;
	}
	o->lost = r->kind != CK_SURVEY && o->reachable <= o->appraised &&
	    o->appraised < o->standard;
}

void
plan_score_start(struct plan_score *p, score appraised)
{
	memset(p, 0, sizeof *p);
	p->appraised = p->now = p->reachable = p->all_fixed = appraised;
}

void
plan_score_add(struct plan_score *p, const struct crit_score *c)
{
	p->now += c->now - c->appraised;
	p->reachable += c->reachable - c->appraised;
	p->all_fixed += c->standard - c->appraised;
	if (c->lost) {
		p->nlost++;
		p->lost += c->standard - c->appraised;
	}
	if (c->assumed)
		p->nassumed++;
}

/* --- in one line ------------------------------------------------------ */

const char *
crit_threshold_text(score t, char decimal, char *buf, size_t n)
{
	size_t len;

	text_format_score(t, decimal, buf, n);
	/* 0,70 → 0,7; 1,00 → 1 */
	for (len = strlen(buf); len > 0 && buf[len - 1] == '0' &&
	    strchr(buf, decimal) != NULL; len--)
		buf[len - 1] = '\0';
	if (len > 0 && buf[len - 1] == decimal)
		buf[len - 1] = '\0';
	return buf;
}

char *
crit_rule_describe(const struct crit_rule *r)
{
	struct buf b = { 0 };
	char t[32];

	buf_adds(&b, crit_kind_name(r->kind));
	if (r->kind == CK_THRESHOLD)
		buf_addf(&b, " %s", crit_threshold_text(r->threshold, ',', t,
		    sizeof t));
	if (r->has_num && r->has_den)
		buf_addf(&b, " · %ld/%ld", r->num, r->den);
	else if (r->has_den)
		buf_addf(&b, " · %ld", r->den);
	if (r->snapshot)
		buf_adds(&b, " · snapshot");
	if (r->late > 0)
		buf_addf(&b, " · late %ld", r->late);
	if (r->plan_name != NULL)
		buf_addf(&b, " · %s", r->plan_name);
	if (r->has_expect)
		buf_addf(&b, " · expect %ld", r->expect);
	return buf_take(&b);
}

bool
crit_kind_takes_figures(enum crit_kind k)
{
	return k == CK_PLAN || k == CK_THRESHOLD || k == CK_RATIO;
}

bool
figure_month_parse(const char *s, char out[8])
{
	int y, m, n = 0;

	if (s == NULL)
		return false;
	if (strlen(s) == 7 && s[4] == '-' && month_index(s) >= 0) {
		y = atoi(s);
		m = atoi(s + 5);
	} else if (sscanf(s, "%2d/%4d%n", &m, &y, &n) != 2 ||
	    s[n] != '\0' || !is_digit(s[0]) || n < 6 || !is_digit(s[n - 4]))
		return false;
	if (m < 1 || m > 12 || y < 1900 || y > 2999)
		return false;
	snprintf(out, 8, "%04d-%02d", y, m);
	return true;
}

char *
figure_describe(const struct figure *f)
{
	if (f->snapshot)
		return xasprintf("%s snapshot %ld/%ld", f->to, f->num, f->den);
	return xasprintf("%s..%s %ld/%ld", f->from, f->to, f->num, f->den);
}

bool
crit_threshold_parse(const char *s, score *out)
{
	size_t n = s != NULL ? strlen(s) : 0;
	char *t;
	score v;
	bool ok;

	if (n == 0)
		return false;
	t = xstrdup(s);
	if (t[n - 1] == '%')
		t[n - 1] = '\0';
	ok = text_parse_score(t, &v) && strchr(t, '-') == NULL;
	if (ok && s[n - 1] == '%')
		v /= 100;
	free(t);
	if (!ok || v <= 0 || v > SCORE_UNIT)
		return false;
	*out = v;
	return true;
}
