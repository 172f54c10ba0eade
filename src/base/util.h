/* SPDX-License-Identifier: ISC */
/* util.h: allocation that cannot fail, error messages, small helpers.
 *
 * Fallible functions in parboard return 0 on success and -1 on failure,
 * leaving a malloc'd message in *err ("FILE:LINE: what" where a place is
 * known).  Only main() prints it and decides the exit status. */
#ifndef PARBOARD_UTIL_H
#define PARBOARD_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define PB_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* Called when the allocation helpers below run out of memory, before
 * they print "out of memory" and abort (parboard-office exits with a
 * status of its own instead). */
void xalloc_oom_set(void (*fn)(void));
void *xmalloc(size_t n);
/* qsort that takes an empty array, NULL included (qsort's first
 * argument must not be NULL even for no elements). */
void xqsort(void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *));
/* bsearch likewise: NULL when n is 0. */
void *xbsearch(const void *key, const void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *));
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array to hold at least want elements; *cap is updated. */
void *xgrow(void *p, size_t *cap, size_t want, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) PB_PRINTF(1, 2);
char *xvasprintf(const char *fmt, va_list ap);
/* open_memstream(3), aborting when out of memory. */
FILE *xopen_memstream(char **buf, size_t *size);

/* Set *err (if err is not NULL) to a formatted message; returns -1 so a
 * caller can write `return fail(err, "...")`. */
int fail(char **err, const char *fmt, ...) PB_PRINTF(2, 3);
/* The same with a place before the message: "PLACE: what". */
int vfail_at(char **err, const char *place, const char *fmt, va_list ap)
    PB_PRINTF(3, 0);

/* A growable byte buffer, always NUL-terminated. */
struct buf {
	char *data;
	size_t len, cap;
};
void buf_add(struct buf *b, const char *s, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addf(struct buf *b, const char *fmt, ...) PB_PRINTF(2, 3);
void buf_addc(struct buf *b, char c);
char *buf_take(struct buf *b);	/* returns data (never NULL), resets b */
void buf_free(struct buf *b);

/* Read a whole file of at most max bytes; NUL bytes are kept, *len tells
 * the length.  A larger regular file is refused by its size before a
 * byte is read; a pipe or a device is read only up to max. */
int read_file(const char *path, size_t max, char **data, size_t *len,
    char **err);

/* Limits on what parboard reads (issue 9): a file to import, its lines,
 * cells and rows, the configuration. */
#define LIMIT_FILE (64u * 1024 * 1024)
#define LIMIT_LINE (1024 * 1024)
#define LIMIT_CELL (64 * 1024)
#define LIMIT_ROWS 200000
#define LIMIT_CONFIG (1024u * 1024)

/* "~/x" and "~user/x" as the shell expands them into *out (malloc'd);
 * other paths copied.  An unknown user is an error, never a directory
 * named "~user". */
int path_expand_user(const char *path, char **out, char **err);

/* Flush and close standard output (gnulib's close_stdout): on a write
 * error print a message and return -1, so main exits 1. */
int stdout_close(void);

/* Name of the Unix account running us, from getuid() (not $USER). */
const char *current_user(void);
/* What current_user() says from now on: "ubnd (Lan)" when a person is
 * named on a shared login (perm.h). */
void current_user_set(const char *name);

/* mkdir -p of the directory part of path. */
int make_parent_dirs(const char *path, char **err);

/* The top of the build tree the program runs from, in buf: the directory
 * above its own when it holds config.status owned by the user or root
 * (src/parboard in a tree made by ./configure && make).  False when the
 * program is privileged or runs from anywhere else, as once installed:
 * then it looks only in its installed paths. */
bool util_build_tree(char *buf, size_t size);

#endif
