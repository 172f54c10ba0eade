/* SPDX-License-Identifier: ISC */
/* view_header.c: the header's score line — the score appraised, now
 * and reachable this year, the criteria that cannot be won back, a
 * gauge, the tasks done — shortened until it fits, never cutting a
 * number; made once per snapshot and width, not on every key. */
#include <stdlib.h>
#include <string.h>

#include "boardui.h"
#include "i18n.h"
#include "scoreview.h"
#include "text.h"
#include "util.h"

/* The score's words: full (0), short (1) or the numbers alone (2),
 * "Score 69,82 · now 69,82 · reachable 78,41"; without a total row, the
 * gains alone. */
static char *
score_words(const struct board *b, int form)
{
	const struct plan_score *t = &b->data.sv.total;
	char ap[32], now[32], re[32];

	if (!b->data.plan.has_total) {
		view_score(t->now - t->appraised, now);
		view_score(t->reachable - t->appraised, re);
		return form == 0 ? xasprintf(_("Score ? · now +%s · reachable "
		    "+%s"), now, re) : xasprintf(_("? · now +%s · max +%s"),
		    now, re);
	}
	view_score(t->appraised, ap);
	view_score(t->now, now);
	view_score(t->reachable, re);
	/* TRANSLATORS: the header's short form, where the long one does
	 * not fit: words dropped, never a number. */
	if (form == 2)
		return xasprintf("%s/%s/%s", ap, now, re);
	return form == 0 ? xasprintf(_("Score %s · now %s · reachable %s"),
	    ap, now, re) : xasprintf(_("%s · now %s · max %s"), ap, now, re);
}

/* The criteria that cannot be won back this year: full (0) or short
 * (1) words, the first max codes; NULL when none. */
static char *
lost_words(const struct board *b, int form, size_t max)
{
	char *codes, *s;

	if (b->data.sv.nlost == 0)
		return NULL;
	codes = scoreview_lost_words(&b->data.sv, false, max);
	s = form == 0 ? xasprintf(_("cannot be won back: %s"), codes) :
	    xasprintf(_("lost: %s"), codes);
	free(codes);
	return s;
}

/* How short the score line is (header_score). */
struct shorten {
	int form, lform;	/* score_words' and lost_words' forms */
	bool gauge, lost;
	size_t max;		/* lost codes named */
};

/* One step shorter: the gauge dropped, the tasks done dropped (the
 * columns count them too), the words shortened, the lost codes counted
 * as "+N" one by one, the score's numbers alone, the lost ones dropped;
 * false when none is left. */
static bool
shorten(struct shorten *h, char **done)
{
	if (h->gauge)
		h->gauge = false;
	else if (*done != NULL) {
		free(*done);
		*done = NULL;
	} else if (h->lform == 0)
		h->lform = 1;
	else if (h->form == 0)
		h->form = 1;
	else if (h->max > 0)
		h->max--;
	else if (h->form == 1)
		h->form = 2;
	else if (h->lost)
		h->lost = false;
	else
		return false;
	return true;
}

/* The score line of shortening h, with the tasks done (or NULL). */
static char *
score_line(const struct board *b, const struct shorten *h, char *done)
{
	const struct plan_score *t = &b->data.sv.total;
	char *parts[4] = { 0 }, *line;
	struct buf g = { 0 };

	parts[0] = score_words(b, h->form);
	parts[1] = h->lost ? lost_words(b, h->lform, h->max) : NULL;
	if (h->gauge) {
		view_gauge(b, &g, t->now - t->appraised,
		    t->reachable - t->appraised, 10);
		parts[2] = buf_take(&g);
	}
	parts[3] = done;
	line = view_join(parts, 4, 0);
	free(parts[0]);
	free(parts[1]);
	free(parts[2]);
	return line;
}

/* The line with the most lost codes (at most h->max) that fits, found
 * by halving (the line grows with the codes); NULL, h->max 0, when none
 * does. */
static char *
fit_codes(const struct board *b, struct shorten *h)
{
	size_t lo = 0, hi = h->max, mid;
	char *line;

	while (lo < hi) {
		h->max = mid = lo + (hi - lo + 1) / 2;
		line = score_line(b, h, NULL);
		if (text_width(line) <= COLS)
			lo = mid;
		else
			hi = mid - 1;
		free(line);
	}
	h->max = lo;
	line = score_line(b, h, NULL);
	if (text_width(line) <= COLS)
		return line;
	free(line);
	h->max = 0;
	return NULL;
}

/* Second line: the score appraised, now and reachable this year, the
 * criteria lost this year, a gauge of the gain now of the reachable
 * one, the tasks done; shortened until it fits, never cutting a
 * number. */
static char *
header_score(struct board *b)
{
	/* No more codes than the line could hold, two columns each. */
	struct shorten h = { 0, 0, true, true, b->data.sv.nlost };
	char *done, *line;

	if (COLS >= 0 && h.max > (size_t)COLS / 2)
		h.max = (size_t)COLS / 2;
	if (b->data.nchanged > 0)
		/* TRANSLATORS: *N counts the cards changed since the last
		 * meeting (marked *). */
		done = xasprintf(_("Done %zu/%zu · *%zu"), b->data.ndone,
		    b->data.ntasks, b->data.nchanged);
	else
		done = xasprintf(_("Done %zu/%zu"), b->data.ndone,
		    b->data.ntasks);
	for (;;) {
		line = score_line(b, &h, done);
		if (text_width(line) <= COLS)
			break;
		if (h.form == 1 && done == NULL && h.max > 0) {
			free(line);
			if ((line = fit_codes(b, &h)) != NULL)
				break;
			line = score_line(b, &h, done);
		}
		if (!shorten(&h, &done))
			break;
		free(line);
	}
	free(done);
	return line;
}


char *
view_header_score(struct board *b)
{
	struct board_term *t = &b->term;

	if (t->score_line == NULL || t->score_cols != COLS ||
	    t->score_done != b->data.ndone ||
	    t->score_changed != b->data.nchanged) {
		free(t->score_line);
		t->score_line = header_score(b);
		t->score_cols = COLS;
		t->score_done = b->data.ndone;
		t->score_changed = b->data.nchanged;
	}
	return t->score_line;
}

void
view_header_score_stale(struct board *b)
{
	free(b->term.score_line);
	b->term.score_line = NULL;
}
