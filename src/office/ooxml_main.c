/* SPDX-License-Identifier: ISC */
/* ooxml_main.c: parboard-office FILE, the reader of Word and Excel files
 * that parboard runs when it imports one (office.h).  It writes the
 * file's tables, or why they could not be read, to standard output in
 * grid.h's format, and exits 0; 2 on a usage or write error;
 * OFFICE_EXIT_MEMORY when its memory ran out. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <libxml/xmlmemory.h>

#include "grid.h"
#include "i18n.h"
#include "office.h"
#include "ooxml.h"
#include "util.h"

/* AddressSanitizer reserves terabytes of address space: no address-space
 * limit in a sanitizer build (tests keep the memory measured there). */
#if defined(__SANITIZE_ADDRESS__)
#define NO_AS_LIMIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NO_AS_LIMIT 1
#endif
#endif

static void
out_of_memory(void)
{
	_exit(OFFICE_EXIT_MEMORY);
}

/* libxml2's allocations, failing as ours do. */
static void *
xml_malloc(size_t n)
{
	return xmalloc(n);
}

static void *
xml_realloc(void *p, size_t n)
{
	return xrealloc(p, n);
}

static char *
xml_strdup(const char *s)
{
	return xstrdup(s);
}

/* Lower a limit to v (never raise one set lower already). */
static void
lower(int resource, rlim_t soft, rlim_t hard)
{
	struct rlimit r;

	if (getrlimit(resource, &r) != 0)
		return;
	if (r.rlim_max == RLIM_INFINITY || r.rlim_max > hard)
		r.rlim_max = hard;
	if (r.rlim_cur == RLIM_INFINITY || r.rlim_cur > soft)
		r.rlim_cur = soft;
	if (r.rlim_cur > r.rlim_max)
		r.rlim_cur = r.rlim_max;
	if (setrlimit(resource, &r) != 0)
		perror("parboard-office: setrlimit");
}

/* The limits of office.h, before anything of the file is read: a file
 * that needs more is stopped by the kernel, whatever it makes the
 * libraries do.  The processor-time limit sends SIGXCPU, then SIGKILL a
 * second later. */
static void
limit_self(void)
{
#ifndef NO_AS_LIMIT
	lower(RLIMIT_AS, (rlim_t)OFFICE_MAX_MEMORY_MB << 20,
	    (rlim_t)OFFICE_MAX_MEMORY_MB << 20);
#endif
	lower(RLIMIT_CPU, OFFICE_MAX_SECONDS, OFFICE_MAX_SECONDS + 1);
	xalloc_oom_set(out_of_memory);
	xmlMemSetup(free, xml_malloc, xml_realloc, xml_strdup);
}

int
main(int argc, char **argv)
{
	struct grid *g;
	char *err = NULL, *text;
	size_t n;
	int rc;

	limit_self();
	i18n_init();
	if (argc != 2) {
		fprintf(stderr, "usage: parboard-office FILE\n");
		return 2;
	}
	if (ooxml_grids(argv[1], &g, &n, &text, &err) != 0) {
		rc = grid_write_error(stdout, err != NULL ? err : argv[1]);
		free(err);
	} else {
		rc = grid_write(stdout, g, n, text);
		grids_free(g, n);
		free(text);
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		rc = -1;
	if (rc != 0) {
		perror("parboard-office: standard output");
		return 2;
	}
	return 0;
}
