/* SPDX-License-Identifier: ISC */
/* grid.c: tables of cells through a pipe (grid.h). */

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "i18n.h"
#include "util.h"

#define MAGIC "parboard-grids 1\n"

int
grid_count(struct grid_count *c, long n, size_t len, const char *file,
    char **err)
{
	c->pieces += n;
	c->text += len;
	if (c->pieces > GRID_MAX_PIECES)
		return fail(err, _("%s: its tables have more than %ld cells "
		    "(a merged cell counts for every cell it covers)"), file,
		    GRID_MAX_PIECES);
	if (c->text > LIMIT_FILE)
		return fail(err, _("%s: its tables hold more than %u bytes of "
		    "text (a merged cell counts for every cell it covers)"),
		    file, LIMIT_FILE);
	return 0;
}

/* "sheet NAME" or "table N", in the user's language. */
static char *
grid_label(const struct grid *g)
{
	return g->sheet ? xasprintf(_("sheet %s"), g->name ? g->name : "") :
	    xasprintf(_("table %d"), g->number);
}

int
grid_check_rows(const struct grid *g, size_t nrows, const char *file,
    char **err)
{
	char *label;

	if (nrows <= LIMIT_ROWS)
		return 0;
	label = grid_label(g);
	fail(err, _("%s: %s: more than %d rows"), file, label, LIMIT_ROWS);
	free(label);
	return -1;
}

int
grid_check_cell(const struct grid *g, int row, size_t col, size_t len,
    const char *file, char **err)
{
	char *label, colname[8];

	if (len <= LIMIT_CELL)
		return 0;
	label = grid_label(g);
	if (g->sheet)
		grid_col_name(col, colname);
	else
		snprintf(colname, sizeof colname, "%zu", col % 1000000 + 1);
	fail(err, _("%s: %s, row %d, column %s: cell too long (more than %d "
	    "bytes)"), file, label, row, colname, LIMIT_CELL);
	free(label);
	return -1;
}

static int
put_num(FILE *f, long v)
{
	return fprintf(f, "%ld\n", v) < 0 ? -1 : 0;
}

static int
put_str(FILE *f, const char *s)
{
	size_t len;

	if (s == NULL)
		return fputs("-\n", f) == EOF ? -1 : 0;
	len = strlen(s);
	if (fprintf(f, "%zu:", len) < 0 || fwrite(s, 1, len, f) != len ||
	    putc('\n', f) == EOF)
		return -1;
	return 0;
}

int
grid_write(FILE *f, const struct grid *g, size_t n, const char *text)
{
	const struct grid_row *r;
	size_t i, j, k;
	int rc = 0;

	rc |= fputs(MAGIC, f) == EOF ? -1 : 0;
	for (i = 0; i < n && rc == 0; i++) {
		rc |= fputs("G\n", f) == EOF ? -1 : 0;
		rc |= put_num(f, g[i].number);
		rc |= put_num(f, g[i].sheet);
		rc |= put_num(f, (long)g[i].nrows);
		rc |= put_str(f, g[i].name);
		rc |= put_str(f, g[i].title);
		for (j = 0; j < g[i].nrows && rc == 0; j++) {
			r = &g[i].rows[j];
			rc |= put_num(f, r->row);
			rc |= put_num(f, (long)r->ncells);
			for (k = 0; k < r->ncells && rc == 0; k++) {
				rc |= put_num(f, r->span[k]);
				rc |= put_str(f, r->cells[k]);
			}
		}
	}
	if (text != NULL && rc == 0) {
		rc |= fputs("T\n", f) == EOF ? -1 : 0;
		rc |= put_str(f, text);
	}
	rc |= fputs("E\n", f) == EOF ? -1 : 0;
	return rc;
}

int
grid_write_error(FILE *f, const char *msg)
{
	if (fputs(MAGIC "X\n", f) == EOF || put_str(f, msg) != 0)
		return -1;
	return 0;
}

/* The stream being read, and what it held so far. */
struct in {
	const char *p, *end;
	const char *file;
	struct grid_count count;
	char **msg;
	bool over;		/* *msg says which limit was passed */
};

static int
get_num(struct in *in, long lo, long hi, long *v)
{
	const char *nl = memchr(in->p, '\n', (size_t)(in->end - in->p));
	char *e;

	if (nl == NULL || nl == in->p || nl - in->p > 20)
		return -1;
	errno = 0;
	*v = strtol(in->p, &e, 10);
	if (errno != 0 || e != nl || *v < lo || *v > hi)
		return -1;
	in->p = nl + 1;
	return 0;
}

/* A string, or NULL for "-"; -1 when malformed. */
static int
get_str(struct in *in, char **s)
{
	const char *colon;
	size_t len;
	char *e;

	*s = NULL;
	if (in->end - in->p >= 2 && in->p[0] == '-' && in->p[1] == '\n') {
		in->p += 2;
		return 0;
	}
	colon = memchr(in->p, ':', (size_t)(in->end - in->p));
	if (colon == NULL || colon == in->p || colon - in->p > 20 ||
	    *in->p < '0' || *in->p > '9')
		return -1;
	errno = 0;
	len = strtoul(in->p, &e, 10);
	if (errno != 0 || e != colon ||
	    len >= (size_t)(in->end - colon - 1) || colon[1 + len] != '\n')
		return -1;
	*s = xstrndup(colon + 1, len);
	in->p = colon + 2 + len;
	return 0;
}

static int
get_tag(struct in *in, char tag)
{
	if (in->end - in->p < 2 || in->p[0] != tag || in->p[1] != '\n')
		return -1;
	in->p += 2;
	return 0;
}

/* A limit was passed: *in->msg says which. */
static int
over(struct in *in)
{
	in->over = true;
	return -1;
}

static int
get_row(struct in *in, const struct grid *g, struct grid_row *r)
{
	long v, ncells, span;
	size_t k, len;

	/* Every cell takes at least four bytes: no count beyond what the
	 * stream can hold is believed. */
	if (get_num(in, 0, INT_MAX, &v) != 0 ||
	    get_num(in, 0, (in->end - in->p) / 4, &ncells) != 0)
		return -1;
	r->row = (int)v;
	if (grid_count(&in->count, 1 + ncells, 0, in->file, in->msg) != 0)
		return over(in);
	r->cells = xcalloc((size_t)ncells + 1, sizeof *r->cells);
	r->span = xcalloc((size_t)ncells + 1, 1);
	for (k = 0; k < (size_t)ncells; k++) {
		if (get_num(in, 0, UCHAR_MAX, &span) != 0 ||
		    get_str(in, &r->cells[k]) != 0 || r->cells[k] == NULL)
			return -1;
		r->span[k] = (unsigned char)span;
		r->ncells = k + 1;
		len = strlen(r->cells[k]);
		if (grid_check_cell(g, r->row, k, len, in->file,
		    in->msg) != 0 ||
		    grid_count(&in->count, 0, len, in->file, in->msg) != 0)
			return over(in);
	}
	return 0;
}

static int
get_grid(struct in *in, struct grid *g)
{
	long number, sheet, nrows;
	size_t j;

	if (get_num(in, 0, INT_MAX, &number) != 0 ||
	    get_num(in, 0, 1, &sheet) != 0 ||
	    get_num(in, 0, (in->end - in->p) / 4, &nrows) != 0 ||
	    get_str(in, &g->name) != 0 || get_str(in, &g->title) != 0)
		return -1;
	g->number = (int)number;
	g->sheet = sheet != 0;
	if (grid_check_rows(g, (size_t)nrows, in->file, in->msg) != 0 ||
	    grid_count(&in->count, 1, 0, in->file, in->msg) != 0)
		return over(in);
	g->rows = xcalloc((size_t)nrows + 1, sizeof *g->rows);
	for (j = 0; j < (size_t)nrows; j++) {
		g->nrows = j + 1;
		if (get_row(in, g, &g->rows[j]) != 0)
			return -1;
	}
	return 0;
}

/* The document's text, when the stream has it; it counts as one more
 * piece of the tables. */
static int
get_text(struct in *in, char **text)
{
	if (get_tag(in, 'T') != 0)
		return 0;
	if (*text != NULL || get_str(in, text) != 0 || *text == NULL)
		return -1;
	if (grid_count(&in->count, 1, strlen(*text), in->file,
	    in->msg) != 0)
		return over(in);
	return 0;
}

int
grid_read(const char *file, const char *data, size_t len,
    struct grid **out, size_t *n, char **text, char **msg)
{
	struct in in = { .p = data, .end = data + len, .file = file,
	    .msg = msg };
	struct grid *g = NULL;
	size_t cnt = 0, cap = 0;
	int rc = -1;

	*out = NULL;
	*n = 0;
	*text = NULL;
	*msg = NULL;
	if (len < sizeof MAGIC - 1 || memcmp(data, MAGIC, sizeof MAGIC - 1))
		return -1;
	in.p += sizeof MAGIC - 1;
	if (get_tag(&in, 'X') == 0) {
		if (get_str(&in, msg) != 0 || *msg == NULL || in.p != in.end) {
			free(*msg);
			*msg = NULL;
			return -1;
		}
		return 1;
	}
	for (;;) {
		if (get_text(&in, text) != 0)
			break;
		if (get_tag(&in, 'E') == 0) {
			rc = in.p == in.end ? 0 : -1;
			break;
		}
		if (get_tag(&in, 'G') != 0)
			break;
		g = xgrow(g, &cap, cnt + 1, sizeof *g);
		memset(&g[cnt], 0, sizeof g[cnt]);
		cnt++;
		if (get_grid(&in, &g[cnt - 1]) != 0)
			break;
	}
	if (rc != 0) {
		grids_free(g, cnt);
		free(*text);
		*text = NULL;
		if (in.over)
			return 1;
		free(*msg);
		*msg = NULL;
		return -1;
	}
	*out = g;
	*n = cnt;
	return 0;
}

void
grids_free(struct grid *g, size_t n)
{
	size_t i, j, k;

	for (i = 0; i < n; i++) {
		for (j = 0; j < g[i].nrows; j++) {
			for (k = 0; k < g[i].rows[j].ncells; k++)
				free(g[i].rows[j].cells[k]);
			free(g[i].rows[j].cells);
			free(g[i].rows[j].span);
		}
		free(g[i].rows);
		free(g[i].name);
		free(g[i].title);
	}
	free(g);
}

void
grid_col_name(size_t col, char out[8])
{
	char tmp[8];
	size_t n = 0, i;

	col++;
	while (col > 0 && n < 7) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}
