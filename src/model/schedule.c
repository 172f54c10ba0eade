/* SPDX-License-Identifier: ISC */
/* schedule.c: when an instruction is due, by its own words (schedule.h).
 *
 * The text is folded (text_fold: no case, no tone marks, đ as d) and cut
 * into words at spaces and punctuation, '/' kept inside a word so that
 * "31/10/2023" stays one; the phrases are then read word by word. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "schedule.h"
#include "text.h"
#include "util.h"

#define MAXWORDS 400

struct words {
	char *buf;
	const char *w[MAXWORDS];
	size_t n;
};

static void
words_cut(const char *folded, struct words *ws)
{
	char *p;

	ws->buf = xstrdup(folded != NULL ? folded : "");
	ws->n = 0;
	for (p = ws->buf; *p != '\0' && ws->n < MAXWORDS;) {
		while (*p != '\0' && strchr(" \t\n,;:()[]\"'!?.-", *p) != NULL)
			p++;
		if (*p == '\0')
			break;
		ws->w[ws->n++] = p;
		while (*p != '\0' && strchr(" \t\n,;:()[]\"'!?", *p) == NULL &&
		    !(*p == '.' && (p[1] == '\0' || p[1] == ' ' ||
		    p[1] == '\n')))
			p++;
		if (*p != '\0')
			*p++ = '\0';
	}
}

static bool
is(const struct words *ws, size_t i, const char *word)
{
	return i < ws->n && strcmp(ws->w[i], word) == 0;
}

/* A whole number of 1 to 4 digits ("01", "2023"); -1 otherwise. */
static int
number(const struct words *ws, size_t i)
{
	const char *s;
	int v = 0;

	if (i >= ws->n)
		return -1;
	for (s = ws->w[i]; *s != '\0'; s++) {
		if (!isdigit((unsigned char)*s) || s - ws->w[i] >= 4)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return s == ws->w[i] ? -1 : v;
}

/* A small number in words ("một", "hai"…), or in digits. */
static int
count_word(const struct words *ws, size_t i)
{
	static const char *const names[] = { "mot", "hai", "ba", "bon",
	    "nam", "sau", "bay", "tam", "chin", "muoi" };
	size_t k;

	for (k = 0; k < sizeof names / sizeof names[0]; k++)
		if (is(ws, i, names[k]) && k != 4 && k != 5)	/* năm, sáu:
								 * year, after */
			return (int)k + 1;
	return number(ws, i);
}

/* The year after a period ("2023", "năm 2023", "/2023"), or dflt. */
static int
year_after(const struct words *ws, size_t i, int dflt)
{
	int y;

	if (is(ws, i, "nam"))
		i++;
	y = number(ws, i);
	return y >= 1900 && y <= 9999 ? y : dflt;
}

static int
quarter(const char *w)
{
	static const char *const q[] = { "i", "ii", "iii", "iv", "1", "2",
	    "3", "4" };
	size_t k;

	for (k = 0; k < 8; k++)
		if (strcmp(w, q[k]) == 0)
			return (int)(k % 4) + 1;
	return 0;
}

static void
month_end(char due[11], int y, int m)
{
	date_iso(due, y, m, date_month_days(y, m));
}

/* The end of the span months ending with month m of year y; before
 * ("trước tháng 11", "trước quý IV"), the end of the month before it. */
static void
span_end(char due[11], int y, int m, int span, bool before)
{
	if (before && (m -= span) <= 0) {
		m += 12;
		y--;
	}
	month_end(due, y, m);
}

/* The phrase that starts at word i (after a preposition; before after
 * "trước"). */
static bool
phrase_at(const struct words *ws, size_t i, int year, bool before,
    char due[11])
{
	int m, q;

	if (is(ws, i, "ngay"))
		i++;
	if (i < ws->n && strchr(ws->w[i], '/') != NULL &&
	    date_parse(ws->w[i], due))
		return true;
	if (is(ws, i, "cuoi") && is(ws, i + 1, "nam")) {
		date_iso(due, year_after(ws, i + 2, year), 12, 31);
		return true;
	}
	if ((count_word(ws, i) > 0 || is(ws, i, "nhung") ||
	    is(ws, i, "cac")) && is(ws, i + 1, "thang") &&
	    (is(ws, i + 2, "cuoi") || is(ws, i + 2, "dau")) &&
	    is(ws, i + 3, "nam")) {
		date_iso(due, year_after(ws, i + 4, year),
		    is(ws, i + 2, "cuoi") ? 12 : 6, is(ws, i + 2, "cuoi") ?
		    31 : 30);
		return true;
	}
	if (is(ws, i, "quy") && i + 1 < ws->n &&
	    (q = quarter(ws->w[i + 1])) > 0) {
		span_end(due, year_after(ws, i + 2, year), q * 3, 3, before);
		return true;
	}
	if (is(ws, i, "thang") && i + 1 < ws->n) {
		char iso[11], *d = xasprintf("1/%s", ws->w[i + 1]);
		bool ok = date_parse(d, iso);

		free(d);
		if (ok) {
			span_end(due, atoi(iso), atoi(iso + 5), 1, before);
			return true;
		}
		if ((m = number(ws, i + 1)) >= 1 && m <= 12) {
			span_end(due, year_after(ws, i + 2, year), m, 1,
			    before);
			return true;
		}
	}
	if (is(ws, i, "nam") && number(ws, i + 1) >= 1900) {
		span_end(due, number(ws, i + 1), 12, 12, before);
		return true;
	}
	return false;
}

bool
schedule_due_phrase(const char *text, int year, char due[11])
{
	char *f = text_fold(text != NULL ? text : "");
	bool found = schedule_due_folded(f, year, due);

	free(f);
	return found;
}

bool
schedule_due_folded(const char *text, int year, char due[11])
{
	static const char *const preps[] = { "truoc", "den", "het", "trong",
	    "vao", "han", "nhat", NULL };
	struct words ws;
	size_t i, k;
	bool found = false;

	words_cut(text, &ws);
	for (i = 0; i + 1 < ws.n && !found; i++)
		for (k = 0; preps[k] != NULL && !found; k++)
			if (is(&ws, i, preps[k]) && !(k == 1 &&
			    is(&ws, i + 1, "het")))
				found = phrase_at(&ws, i + 1, year, k == 0,
				    due);
	free(ws.buf);
	return found;
}

/* A counted target ("ít nhất 01 cuộc", "mỗi tháng 3 bài"): its count and
 * unit as written; 0 when none. */
static int
count_of(const struct words *ws, char unit[24])
{
	static const struct {
		const char *f, *w;
	} units[] = {
		{ "tin bai", "tin bài" }, { "hoi nghi", "hội nghị" },
		{ "dien dan", "diễn đàn" }, { "cuoc", "cuộc" },
		{ "bai", "bài" }, { "lan", "lần" }, { "buoi", "buổi" },
		{ "dot", "đợt" },
	};
	size_t i, k;
	int v;

	for (i = 0; i + 1 < ws->n; i++) {
		if ((v = count_word(ws, i)) <= 0 || v > 1000)
			continue;
		for (k = 0; k < sizeof units / sizeof units[0]; k++) {
			const char *sp = strchr(units[k].f, ' ');
			size_t n = sp ? (size_t)(sp - units[k].f) :
			    strlen(units[k].f);

			if (strlen(ws->w[i + 1]) == n &&
			    strncmp(ws->w[i + 1], units[k].f, n) == 0 &&
			    (sp == NULL || is(ws, i + 2, sp + 1))) {
				snprintf(unit, 24, "%s", units[k].w);
				return v;
			}
		}
	}
	return 0;
}

/* The period a count recurs in ("mỗi tháng", "hằng quý"): "" when
 * none. */
static const char *
every_of(const struct words *ws)
{
	static const char *const pers[] = { "thang", "quy", "nam" };
	static const char *const shown[] = { "tháng", "quý", "năm" };
	size_t i, k;

	for (i = 0; i + 1 < ws->n; i++)
		if (is(ws, i, "moi") || is(ws, i, "hang") ||
		    is(ws, i, "hng"))
			for (k = 0; k < 3; k++)
				if (is(ws, i + 1, pers[k]))
					return shown[k];
	return "";
}

/* Words of continuing work (in folded text). */
static bool
ongoing_words(const char *f)
{
	static const char *const marks[] = { "thuong xuyen", "khong de",
	    "tich cuc", "tang cuong", "kip thoi", "dung quy trinh",
	    "dung thoi gian quy dinh", "dung quy dinh",
	    "dam bao cac yeu cau", "lien tuc", "hang ngay", NULL };
	size_t k;
	bool yes = false;

	for (k = 0; marks[k] != NULL && !yes; k++)
		yes = text_find_word(f, marks[k]) >= 0;
	return yes;
}

void
schedule_from_text(const char *text, int year, struct schedule *out)
{
	char *f = text_fold(text != NULL ? text : "");

	schedule_from_folded(f, year, out);
	free(f);
}

void
schedule_from_folded(const char *text, int year, struct schedule *out)
{
	struct words ws;
	char unit[24];
	int v;

	memset(out, 0, sizeof *out);
	out->kind = SCHED_ONCE;
	words_cut(text, &ws);
	if ((v = count_of(&ws, unit)) > 0) {
		snprintf(out->target, sizeof out->target, "%d %s", v, unit);
		snprintf(out->every, sizeof out->every, "%s", every_of(&ws));
		if (out->every[0] != '\0')
			out->kind = SCHED_RECURRING;
	}
	free(ws.buf);
	if (schedule_due_folded(text, year, out->due))
		return;
	if (out->target[0] == '\0' && ongoing_words(text))
		out->kind = SCHED_ONGOING;
}

bool
schedule_is_ongoing_word(const char *s)
{
	char *f = text_fold(s != NULL ? s : "");
	const char *p = text_skip_space(f);
	size_t n = strlen(p);
	bool yes;

	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	yes = (n == 12 && strncmp(p, "thuong xuyen", 12) == 0) ||
	    (n == 7 && strncmp(p, "ongoing", 7) == 0);
	free(f);
	return yes;
}
