/* SPDX-License-Identifier: ISC */
/* appendix_columns.c: finding a table's header and mapping its columns
 * by their folded header words (the document's, the directives' and the
 * configuration's), and saying what is missing when there is none. */
#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "appendix.h"
#include "i18n.h"
#include "util.h"
#include "appendix_impl.h"

/* Names used in messages: the document's own spelling. */
const char *const apx_col_names[NCOL] = {
	"STT", "LĨNH VỰC / TIÊU CHÍ", "ĐIỂM CHUẨN", "ĐIỂM TỰ ĐÁNH GIÁ",
	"ĐIỂM THẨM ĐỊNH", "ĐIỂM TRỪ", "Ý KIẾN HỘI ĐỒNG THẨM ĐỊNH",
	"Người thực hiện chính",
};

const char *const apx_dcol_names[NDCOL] = {
	"role", "criterion", "task", "due", "target", "every",
};

/* Folded header words of a directives table, English or Vietnamese. */
static const struct {
	int col;
	const char *word;
} dcol_words[] = {
	{ DCOL_ROLE, "role" }, { DCOL_ROLE, "vai tro" },
	{ DCOL_CODE, "criterion" }, { DCOL_CODE, "tieu chi" },
	{ DCOL_TASK, "task" }, { DCOL_TASK, "nhiem vu" },
	{ DCOL_DUE, "due" }, { DCOL_DUE, "han" },
	{ DCOL_TARGET, "target" }, { DCOL_TARGET, "chi tieu" },
	{ DCOL_EVERY, "every" }, { DCOL_EVERY, "chu ky" },
};

/* f starts with word and the word ends there ("han" is not "hang"). */
bool
apx_starts_word(const char *f, const char *word)
{
	size_t n = strlen(word);
	char c;

	if (strncmp(f, word, n) != 0)
		return false;
	c = f[n];
	return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	    (unsigned char)c >= 0x80);
}

/* Header wordings of each appendix column, folded: columns are found by
 * meaning.  A header cell takes the column whose wording starts first in
 * it, the longer wording on a tie: the seed's "ĐIỂM TRỪ SO VỚI ĐIỂM THẨM
 * ĐỊNH VÀ ĐIỂM CHUẨN" names two other columns after its own. */
static const struct {
	int col;
	const char *word;
} acol_words[] = {
	{ COL_CODE, "stt" }, { COL_CODE, "tt" }, { COL_CODE, "so tt" },
	{ COL_CODE, "so thu tu" },
	{ COL_TITLE, "linh vuc" }, { COL_TITLE, "tieu chi" },
	{ COL_TITLE, "noi dung" },
	{ COL_STANDARD, "diem chuan" }, { COL_STANDARD, "diem toi da" },
	{ COL_STANDARD, "thang diem" },
	{ COL_SELF, "diem tu danh gia" }, { COL_SELF, "diem tu cham" },
	{ COL_APPRAISED, "diem tham dinh" },
	{ COL_APPRAISED, "ket qua tham dinh" },
	{ COL_DEDUCTION, "diem tru" }, { COL_DEDUCTION, "diem bi tru" },
	{ COL_COMMENT, "y kien" }, { COL_COMMENT, "ly do tru diem" },
	{ COL_COMMENT, "nhan xet" },
	{ COL_ASSIGNEE, "nguoi thuc hien" },
	{ COL_ASSIGNEE, "nguoi chiu trach nhiem" },
	{ COL_ASSIGNEE, "don vi chiu trach nhiem" },
	{ COL_ASSIGNEE, "chiu trach nhiem" },
	{ COL_ASSIGNEE, "bo phan thuc hien" },
};

/* Wordings added by the configuration (`columns`), folded. */
static char **added_words[NCOL];

void
appendix_add_words(int col, const char *words)
{
	size_t n = 0;
	int k;

	if (words == NULL) {
		for (k = 0; k < NCOL; k++) {
			for (n = 0; added_words[k] != NULL &&
			    added_words[k][n] != NULL; n++)
				free(added_words[k][n]);
			free(added_words[k]);
			added_words[k] = NULL;
		}
		return;
	}
	if (col < 0 || col >= NCOL)
		return;
	while (added_words[col] != NULL && added_words[col][n] != NULL)
		n++;
	added_words[col] = xrealloc(added_words[col],
	    (n + 2) * sizeof *added_words[col]);
	added_words[col][n] = text_fold(words);
	added_words[col][n + 1] = NULL;
}

/* Better match so far: earlier in the header, or as early and longer. */
static void
consider(const char *f, int col, const char *word, long *pos, size_t *len,
    int *best)
{
	long p = word[0] != '\0' ? text_find_word(f, word) : -1;

	if (p < 0 || (*best >= 0 && (p > *pos || (p == *pos &&
	    strlen(word) <= *len))))
		return;
	*pos = p;
	*len = strlen(word);
	*best = col;
}

static int
appendix_column(const char *f)
{
	size_t i, len = 0;
	long pos = -1;
	int best = -1, k;

	for (i = 0; i < sizeof acol_words / sizeof acol_words[0]; i++)
		consider(f, acol_words[i].col, acol_words[i].word, &pos, &len,
		    &best);
	for (k = 0; k < NCOL; k++)
		for (i = 0; added_words[k] != NULL && added_words[k][i] != NULL;
		    i++)
			consider(f, k, added_words[k][i], &pos, &len, &best);
	return best;
}

static int
directive_column(const char *f)
{
	size_t i;

	for (i = 0; i < sizeof dcol_words / sizeof dcol_words[0]; i++) {
		if (apx_starts_word(f, dcol_words[i].word))
			return dcol_words[i].col;
	}
	return -1;
}

/* Is rec a header row, and of which table?  "tiêu chí" names both the
 * appendix's title column and the directives' criterion column, so the
 * kind is told by the whole set: an appendix has STT or score columns. */
int
apx_classify(const struct record *rec, int *amap, int *dmap)
{
	size_t i;
	int k, acount = 0, dcount = 0;
	char *f;

	for (k = 0; k < NCOL; k++)
		amap[k] = -1;
	for (k = 0; k < NDCOL; k++)
		dmap[k] = -1;
	for (i = 0; i < rec->ncells; i++) {
		f = text_fold(rec->cells[i]);
		if ((k = appendix_column(f)) >= 0 && amap[k] < 0) {
			amap[k] = (int)i;
			acount++;
		}
		if ((k = directive_column(f)) >= 0 && dmap[k] < 0) {
			dmap[k] = (int)i;
			dcount++;
		}
		free(f);
	}
	if (acount >= 2 && (amap[COL_CODE] >= 0 || amap[COL_STANDARD] >= 0 ||
	    amap[COL_SELF] >= 0 || amap[COL_APPRAISED] >= 0 ||
	    amap[COL_DEDUCTION] >= 0))
		return APPENDIX_CRITERIA;
	if (dcount >= 2 && (dmap[DCOL_ROLE] >= 0 || dmap[DCOL_TASK] >= 0))
		return APPENDIX_DIRECTIVES;
	return -1;
}

/* One line of a markdown heading as plain text: "#### **3.1 …:**" →
 * "3.1 …:"; the trailing two-space line break goes with the squeeze. */
static char *
heading_line(const struct line *l)
{
	char *raw = xmalloc(l->n + 1), *plain, *s, *e, *out;
	size_t i, j = 0;

	for (i = 0; i < l->n; i++) {
		if (l->s[i] == '*' && i + 1 < l->n && l->s[i + 1] == '*')
			i++;	/* bold */
		else
			raw[j++] = (unsigned char)l->s[i] < 0x20 ? ' ' :
			    l->s[i];
	}
	raw[j] = '\0';
	plain = text_strip_markup(raw);
	text_blank_controls(plain, true);
	for (s = plain; *s == '#' || *s == ' ' || *s == '*' || *s == '_'; s++)
		;
	e = s + strlen(s);
	while (e > s && (e[-1] == '*' || e[-1] == '_' || e[-1] == ' '))
		e--;
	out = xstrndup(s, (size_t)(e - s));
	free(raw);
	free(plain);
	return out;
}

char *
apx_title_of(struct buf *b)
{
	char *joined = buf_take(b), *t, *nfc;

	t = text_squeeze(joined);
	nfc = text_nfc(t);
	free(joined);
	free(t);
	if (nfc[0] == '\0') {
		free(nfc);
		return NULL;
	}
	return nfc;
}

/* The appendix heading is the paragraph right above the header, in
 * markdown: "**PHỤ LỤC …  \nVÀ BIỆN PHÁP KHẮC PHỤC**" → one line. */
char *
apx_heading_above(const struct reader *r, size_t h)
{
	struct buf b = { 0 };
	size_t i = h, last;
	char *t;

	while (i > 0 && apx_is_blank(r->lines[i - 1].s, r->lines[i - 1].n))
		i--;
	last = i;
	while (i > 0 && !apx_is_blank(r->lines[i - 1].s, r->lines[i - 1].n))
		i--;
	for (; i < last; i++) {
		t = heading_line(&r->lines[i]);
		if (t[0] != '\0') {
			if (b.len > 0)
				buf_addc(&b, ' ');
			buf_adds(&b, t);
		}
		free(t);
	}
	return apx_title_of(&b);
}

/* A CSV export starts with its header line: commas, no tabs. */
bool
apx_csv_header_first(struct reader *r, size_t first)
{
	struct reader probe = { .file = r->file, .lines = r->lines,
	    .nlines = r->nlines };
	const struct line *l;
	int amap[NCOL], dmap[NDCOL];
	bool yes = false;

	if (first >= r->nlines)
		return false;
	l = &r->lines[first];
	if (memchr(l->s, '\t', l->n) != NULL || memchr(l->s, ',', l->n) ==
	    NULL)
		return false;
	if (apx_csv_records(&probe, first, first + 1, NULL) == 0 &&
	    probe.nrecs > 0)
		yes = apx_classify(&probe.recs[0], amap, dmap) >= 0;
	apx_free_records(&probe);
	return yes;
}

int
apx_missing_column(const struct reader *r, int line, const int *map,
    const int *req, size_t nreq, const char *const *names, char **err)
{
	size_t i;

	for (i = 0; i < nreq; i++) {
		if (map[req[i]] < 0)
			return apx_fail_rec(err, r, line, -1,
			    _("missing column %s"), names[req[i]]);
	}
	return 0;
}

/* Header rows of a table, and what the closest one lacks. */
static size_t
closest_header(const struct reader *r, size_t from, size_t to, int *nfound)
{
	int amap[NCOL], dmap[NDCOL], k, n;
	size_t i, best = to;

	*nfound = 0;
	for (i = from; i < to; i++) {
		if (!r->recs[i].tabbed || apx_record_blank(&r->recs[i]))
			continue;
		apx_classify(&r->recs[i], amap, dmap);
		for (n = 0, k = 0; k < NCOL; k++)
			n += amap[k] >= 0;
		if (best == to || n > *nfound) {
			best = i;
			*nfound = n;
		}
	}
	return best;
}

/* A header row as the message shows it: "A | B | C", shortened. */
static void
add_header_text(struct buf *b, const struct record *rec)
{
	char *t, *safe;
	size_t i, start = b->len;

	buf_addc(b, '"');
	for (i = 0; i < rec->ncells; i++) {
		if (rec->cells[i][0] == '\0')
			continue;
		if (b->len > start + 1)
			buf_adds(b, " | ");
		t = text_squeeze(rec->cells[i]);
		safe = text_safe(t, false);
		buf_adds(b, safe);
		free(safe);
		free(t);
	}
	if (b->len > start + 120) {
		b->len = start + 117;
		while (b->len > start && ((unsigned char)b->data[b->len] &
		    0xc0) == 0x80)
			b->len--;
		buf_adds(b, "...");
	}
	buf_addc(b, '"');
}

static void
add_missing_columns(struct buf *b, const struct record *rec)
{
	int amap[NCOL], dmap[NDCOL], k, n = 0;

	apx_classify(rec, amap, dmap);
	for (k = 0; k < NCOL; k++) {
		if (amap[k] >= 0)
			continue;
		buf_adds(b, n++ > 0 ? ", " : "");
		buf_adds(b, apx_col_names[k]);
	}
}

/* No table header anywhere: say what was seen.  A text file names its
 * closest row; a Word or Excel file names the likeliest header row of
 * each table (ntables records ranges in starts[]). */
int
apx_no_header(const struct reader *r, size_t ntables, char **err)
{
	struct buf b = { 0 };
	size_t best, t, from, to, overall = r->nrecs, seen = 0;
	int n, bestn = -1, rc;
	char *place;

	buf_addf(&b, _("no appendix or directives header found (expected "
	    "columns %s or %s)"), "STT, ĐIỂM CHUẨN, ĐIỂM THẨM ĐỊNH, ...",
	    "role, criterion, task, ...");
	for (t = 0; t < ntables; t++) {
		from = r->grid ? (size_t)r->starts[t] : 0;
		to = r->grid ? (size_t)r->starts[t + 1] : r->nrecs;
		best = closest_header(r, from, to, &n);
		if (best == to)
			continue;
		buf_adds(&b, seen++ == 0 ? _("; header rows seen: ") : "; ");
		if (r->grid != NULL) {
			place = apx_grid_place(&r->grid[t], r->recs[best].line,
			    -1);
			buf_adds(&b, place);
			free(place);
		} else
			buf_addf(&b, _("line %d"), r->recs[best].line);
		buf_adds(&b, ": ");
		add_header_text(&b, &r->recs[best]);
		if (n > bestn) {
			bestn = n;
			overall = best;
		}
	}
	if (overall < r->nrecs) {
		buf_adds(&b, _("; columns not found: "));
		add_missing_columns(&b, &r->recs[overall]);
	}
	if (r->grid == NULL)
		rc = fail(err, "%s:1: %s", r->file, b.data);
	else
		rc = fail(err, "%s: %s", r->file, b.data);
	buf_free(&b);
	return rc;
}
