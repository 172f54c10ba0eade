/* SPDX-License-Identifier: ISC */
/* minutes_record.c: the form of a meeting record (biên bản, Decree
 * 30/2020/NĐ-CP, Appendix I) around the minutes of a recorded meeting:
 * the header block (the issuing body, the national title and motto, the
 * number, the place and date), the type and subject, the time, place
 * and attendance; at the end the end time and the signatures.  A field
 * not given is left out; the number keeps its dots for the clerk. */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "letter.h"
#include "minutes_parts.h"
#include "output.h"
#include "text.h"
#include "util.h"

/* The national title and motto: Vietnamese in every language. */
#define NATION "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define MOTTO "Độc lập - Tự do - Hạnh phúc"
#define BODY "ỦY BAN NHÂN DÂN"
#define SIGN_WIDTH 40

/* Decree 30's page: A4, top and bottom 20 mm, left 30, right 15; a
 * serif Unicode face. */
static const char style[] =
"<style>\n"
"@page { size: A4; margin: 20mm 15mm 20mm 30mm; }\n"
"body { font-family: 'Times New Roman', serif; font-size: 13pt; }\n"
"table.form, table.sign { border: none; margin: 0 0 10pt; }\n"
"table.form td, table.sign td { border: none; text-align: center;"
" vertical-align: top; width: 50%; }\n"
"table.form td { font-size: 12pt; }\n"
"table.form td:first-child { width: 40%; }\n"
"table.form td:last-child { width: 60%; white-space: nowrap; }\n"
"table.sign td { height: 30mm; }\n"
"p.type { text-align: center; font-weight: bold; margin: 12pt 0 0; }\n"
"p.subject { text-align: center; font-weight: bold; margin: 0 0 10pt; }\n"
"p.day { font-style: italic; }\n"
"</style>\n";

/* Where a body's own name starts in an issuer's name ("Ủy ban nhân dân
 * xã Hiền Thành": "xã Hiền Thành"), or NULL. */
static const char *
unit_start(const char *issuer)
{
	static const char *const unit[] = { " xã ", " phường ",
	    " thị trấn " };
	const char *at, *best = NULL;
	size_t i;

	for (i = 0; i < sizeof unit / sizeof unit[0]; i++)
		if ((at = strstr(issuer, unit[i])) != NULL &&
		    (best == NULL || at < best))
			best = at;
	return best != NULL ? best + 1 : NULL;
}

/* The issuing body's two lines: the letter's parent and issuer, or its
 * issuer cut before "xã …", else the configured commune. */
static void
form_body(struct minutes_form *fm, const struct letter *l,
    const struct config *c)
{
	const char *unit;
	char *head;

	if (l != NULL && l->issuer != NULL && l->parent != NULL) {
		fm->body[0] = text_upper(l->parent);
		fm->body[1] = text_upper(l->issuer);
	} else if (l != NULL && l->issuer != NULL) {
		unit = unit_start(l->issuer);
		if (unit == NULL) {
			fm->body[0] = text_upper(l->issuer);
			return;
		}
		head = xstrndup(l->issuer, (size_t)(unit - 1 - l->issuer));
		fm->body[0] = text_upper(head);
		fm->body[1] = text_upper(unit);
		free(head);
	} else if (c->commune != NULL && *c->commune != '\0') {
		fm->body[0] = xstrdup(BODY);
		fm->body[1] = text_upper(c->commune);
	}
}

/* A day as the record writes it: "ngày 20 tháng 9 năm 2023" in
 * Vietnamese, else as the language writes dates. */
static void
day_words(const char *iso, char *buf, size_t n)
{
	if (!i18n_vietnamese() || !date_written(iso, buf, n))
		i18n_date(iso, buf, n);
}

/* "14:00" as the language says a time ("14 giờ 00"). */
static char *
clock_words(const char *hm)
{
	int h = atoi(hm), m = atoi(hm + 3);

	/* TRANSLATORS: hours and minutes of a time of day. */
	return xasprintf(_("%02d:%02d"), h, m);
}

int
minutes_form_load(struct minutes_form *fm, struct store *s,
    const struct config *c, const struct plan *p, char **err)
{
	struct letter *l = NULL;
	const struct member *who;
	char day[64];

	if (store_letter_get(s, p->id, &l, err) < 0)
		return -1;
	form_body(fm, l, c);
	day_words(today(), day, sizeof day);
	fm->day = xstrdup(day);
	if (l != NULL && l->place != NULL)
		fm->place_day = xasprintf("%s, %s", l->place, day);
	else
		fm->place_day = xstrdup(day);
	if (l != NULL)
		letter_free(l);
	if (fm->chair != NULL && (who = config_person(c, fm->chair)) != NULL) {
		fm->chair = who->name;
		fm->chair_title = who->title;
	}
	if (fm->f[MF_SECRETARY] != NULL &&
	    (who = config_person(c, fm->f[MF_SECRETARY])) != NULL)
		fm->secretary_title = who->title;
	return 0;
}

void
minutes_form_free(struct minutes_form *fm)
{
	free(fm->body[0]);
	free(fm->body[1]);
	free(fm->day);
	free(fm->place_day);
}

/* The number line: "Số: ……/BB-UBND", or the number given. */
static char *
number_line(const struct minutes_form *fm)
{
	const char *n = fm->f[MF_NUMBER];

	if (n == NULL)
		return xasprintf(_("No.: %s"), "……/BB-UBND");
	if (strchr(n, '/') != NULL)
		return xasprintf(_("No.: %s"), n);
	return xasprintf(_("No.: %s/BB-UBND"), n);
}

/* The header block: a table of two columns in html, lines elsewhere. */
static void
write_block(struct doc *d, const struct minutes_form *fm)
{
	char *num = number_line(fm);

	if (d->fmt == FORMAT_HTML) {
		buf_adds(&d->b, style);
		buf_adds(&d->b, "<table class=\"form\"><tr><td>");
		if (fm->body[0] != NULL)
			out_html(&d->b, fm->body[0]);
		if (fm->body[1] != NULL) {
			buf_adds(&d->b, "<br><b>");
			out_html(&d->b, fm->body[1]);
			buf_adds(&d->b, "</b>");
		}
		buf_adds(&d->b, "<br>");
		out_html(&d->b, num);
		buf_adds(&d->b, "</td><td><b>" NATION "<br>" MOTTO
		    "</b><p class=\"day\">");
		out_html(&d->b, fm->place_day);
		buf_adds(&d->b, "</p></td></tr></table>\n<p class=\"type\">");
		out_html(&d->b, _("RECORD"));
		buf_adds(&d->b, "</p>\n<p class=\"subject\">");
		out_html(&d->b, _("Weekly meeting on administrative reform"));
		buf_adds(&d->b, "</p>\n");
	} else {
		doc_lines_begin(d);
		if (fm->body[0] != NULL)
			doc_line(d, fm->body[0]);
		if (fm->body[1] != NULL)
			doc_line(d, fm->body[1]);
		doc_line(d, num);
		doc_line(d, NATION);
		doc_line(d, MOTTO);
		doc_line(d, fm->place_day);
		doc_lines_end(d);
		doc_heading(d, 1, _("RECORD"));
		doc_meta(d, _("Weekly meeting on administrative reform"));
	}
	free(num);
}

/* "Nguyễn Văn An, Chủ tịch UBND xã" or the name alone. */
static char *
name_title(const char *name, const char *title)
{
	return title != NULL && *title != '\0' ?
	    xasprintf("%s, %s", name, title) : xstrdup(name);
}

/* One line of the record's opening, "Label: value", when given. */
static void
form_line(struct doc *d, const char *label, const char *value)
{
	char *s;

	if (value == NULL || *value == '\0')
		return;
	s = xasprintf("%s: %s", label, value);
	doc_line(d, s);
	free(s);
}

void
minutes_form_head(struct doc *d, const struct minutes_form *fm)
{
	char *clock, *when, *chair = NULL, *sec = NULL;

	write_block(d, fm);
	if (fm->f[MF_START] != NULL) {
		clock = clock_words(fm->f[MF_START]);
		when = xasprintf(_("starting at %s, %s"), clock, fm->day);
		free(clock);
	} else
		when = xstrdup(fm->day);
	if (fm->chair != NULL)
		chair = name_title(fm->chair, fm->chair_title);
	if (fm->f[MF_SECRETARY] != NULL)
		sec = name_title(fm->f[MF_SECRETARY], fm->secretary_title);
	doc_lines_begin(d);
	form_line(d, _("Time"), when);
	form_line(d, _("Meeting place"), fm->f[MF_PLACE]);
	form_line(d, _("Present"), fm->f[MF_PRESENT]);
	form_line(d, _("Absent"), fm->f[MF_ABSENT]);
	form_line(d, _("Chair"), chair);
	form_line(d, _("Secretary"), sec);
	doc_lines_end(d);
	free(when);
	free(chair);
	free(sec);
}

/* A cell of the signatures in text or markdown, escaped, padded to w
 * columns (0: as it is). */
static void
sign_cell(struct doc *d, const char *s, int w)
{
	struct buf t = { 0 };

	if (d->fmt == FORMAT_MARKDOWN)
		out_md_cell(&t, s);
	else
		out_safe(&t, s, false);
	if (w > 0)
		text_pad(&d->b, t.data != NULL ? t.data : "", w);
	else if (t.data != NULL)
		buf_adds(&d->b, t.data);
	buf_free(&t);
}

/* The signatures: THƯ KÝ | CHỦ TRÌ and the names under them. */
static void
write_sign(struct doc *d, const struct minutes_form *fm)
{
	const char *cell[2][2] = {
		{ _("SECRETARY"), _("CHAIR") },
		{ fm->f[MF_SECRETARY] != NULL ? fm->f[MF_SECRETARY] : "",
		  fm->chair != NULL ? fm->chair : "" },
	};
	int r;

	if (d->fmt == FORMAT_HTML) {
		buf_adds(&d->b, "<table class=\"sign\"><tr>");
		for (r = 0; r < 2; r++) {
			buf_adds(&d->b, "<td><b>");
			out_html(&d->b, cell[0][r]);
			buf_adds(&d->b, "</b><br><br><br><br><b>");
			out_html(&d->b, cell[1][r]);
			buf_adds(&d->b, "</b></td>");
		}
		buf_adds(&d->b, "</tr></table>\n");
		return;
	}
	buf_addc(&d->b, '\n');
	for (r = 0; r < 2; r++) {
		sign_cell(d, cell[r][0], SIGN_WIDTH);
		sign_cell(d, cell[r][1], 0);
		buf_adds(&d->b, d->fmt == FORMAT_MARKDOWN ? "  \n" : "\n");
		if (r == 0)
			buf_adds(&d->b, "\n\n\n");
	}
}

void
minutes_form_foot(struct doc *d, const struct minutes_form *fm)
{
	char *clock, *s;

	if (fm->f[MF_END] != NULL) {
		clock = clock_words(fm->f[MF_END]);
		s = xasprintf(_("The meeting ended at %s, %s."), clock,
		    fm->day);
		buf_adds(&d->b, d->fmt == FORMAT_HTML ? "<p>" : "\n");
		doc_text(d, s);
		buf_adds(&d->b, d->fmt == FORMAT_HTML ? "</p>\n" : "\n");
		free(s);
		free(clock);
	}
	write_sign(d, fm);
}
