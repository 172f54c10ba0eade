/* SPDX-License-Identifier: ISC */
/* grid.c: tables of cells through a pipe (grid.h). */

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "util.h"

#define MAGIC "parboard-grids 1\n"

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
grid_write(FILE *f, const struct grid *g, size_t n)
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

/* The stream being read. */
struct in {
	const char *p, *end;
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

static int
get_row(struct in *in, struct grid_row *r)
{
	long v, ncells, span;
	size_t k;

	/* Every cell takes at least four bytes: no count beyond what the
	 * stream can hold is believed. */
	if (get_num(in, 0, INT_MAX, &v) != 0 ||
	    get_num(in, 0, (in->end - in->p) / 4, &ncells) != 0)
		return -1;
	r->row = (int)v;
	r->cells = xcalloc((size_t)ncells + 1, sizeof *r->cells);
	r->span = xcalloc((size_t)ncells + 1, 1);
	for (k = 0; k < (size_t)ncells; k++) {
		if (get_num(in, 0, UCHAR_MAX, &span) != 0 ||
		    get_str(in, &r->cells[k]) != 0 || r->cells[k] == NULL)
			return -1;
		r->span[k] = (unsigned char)span;
		r->ncells = k + 1;
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
	g->rows = xcalloc((size_t)nrows + 1, sizeof *g->rows);
	for (j = 0; j < (size_t)nrows; j++) {
		g->nrows = j + 1;
		if (get_row(in, &g->rows[j]) != 0)
			return -1;
	}
	return 0;
}

int
grid_read(const char *data, size_t len, struct grid **out, size_t *n,
    char **msg)
{
	struct in in = { data, data + len };
	struct grid *g = NULL;
	size_t cnt = 0, cap = 0;
	int rc = -1;

	*out = NULL;
	*n = 0;
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
		return -1;
	}
	*out = g;
	*n = cnt;
	return 0;
}
