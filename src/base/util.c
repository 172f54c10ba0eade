/* SPDX-License-Identifier: ISC */
/* util.c: allocation that cannot fail, messages, buffers, small helpers. */

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "util.h"

static void (*oom_hook)(void);

void
xalloc_oom_set(void (*fn)(void))
{
	oom_hook = fn;
}

static void
oom(void)
{
	if (oom_hook != NULL)
		oom_hook();
	fputs("parboard: ", stderr);
	fputs(_("out of memory\n"), stderr);
	abort();
}

FILE *
xopen_memstream(char **buf, size_t *size)
{
	FILE *f = open_memstream(buf, size);

	if (f == NULL)
		oom();
	return f;
}

void
xqsort(void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

void *
xbsearch(const void *key, const void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *))
{
	return n > 0 ? bsearch(key, base, n, size, cmp) : NULL;
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
xgrow(void *p, size_t *cap, size_t want, size_t size)
{
	size_t n = *cap ? *cap : 8;

	if (want <= *cap)
		return p;
	while (n < want)
		n *= 2;
	p = xrealloc(p, n * size);
	*cap = n;
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list aq;
	int n;
	char *p;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		oom();
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

int
fail(char **err, const char *fmt, ...)
{
	va_list ap;

	if (err != NULL) {
		free(*err);
		va_start(ap, fmt);
		*err = xvasprintf(fmt, ap);
		va_end(ap);
	}
	return -1;
}

int
vfail_at(char **err, const char *place, const char *fmt, va_list ap)
{
	char *what;

	if (err == NULL)
		return -1;
	what = xvasprintf(fmt, ap);
	fail(err, "%s: %s", place, what);
	free(what);
	return -1;
}

void
buf_add(struct buf *b, const char *s, size_t n)
{
	b->data = xgrow(b->data, &b->cap, b->len + n + 1, 1);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, char c)
{
	/* The markup stripper appends byte by byte: keep that path short. */
	if (b->len + 2 <= b->cap) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
		return;
	}
	buf_add(b, &c, 1);
}

void
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	buf_adds(b, s);
	free(s);
}

char *
buf_take(struct buf *b)
{
	char *p = b->data ? b->data : xstrdup("");

	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/* The C library's own words for an error come in its locale's language,
 * which is not ours (messages run under C.UTF-8): the common ones here. */
static const char *
errno_text(int e)
{
	switch (e) {
	case ENOENT:
		return _("No such file or directory");
	case EACCES:
		return _("Permission denied");
	case EISDIR:
		return _("Is a directory");
	case ENOTDIR:
		return _("Not a directory");
	case EROFS:
		return _("Read-only file system");
	case ENOSPC:
		return _("No space left on device");
	default:
		return strerror(e);
	}
}

int
read_file(const char *path, size_t max, char **data, size_t *len,
    char **err)
{
	FILE *f = fopen(path, "rb");
	struct buf b = { 0 };
	struct stat sb;
	char chunk[65536];
	size_t n;

	if (f == NULL)
		return fail(err, "%s: %s", path, errno_text(errno));
	/* A regular file too large is refused by its size, unread; a pipe
	 * or a device (/dev/zero) is read only up to the limit. */
	if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (unsigned long long)sb.st_size > max) {
		fclose(f);
		return fail(err, _("%s: file too large (more than %zu MB)"),
		    path, max / (1024 * 1024));
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + n > max) {
			fclose(f);
			buf_free(&b);
			return fail(err, _("%s: file too large (more than "
			    "%zu MB)"), path, max / (1024 * 1024));
		}
		buf_add(&b, chunk, n);
	}
	if (ferror(f)) {
		fclose(f);
		buf_free(&b);
		return fail(err, "%s: %s", path, errno_text(errno));
	}
	fclose(f);
	*len = b.len;
	*data = buf_take(&b);
	return 0;
}

int
path_expand_user(const char *path, char **out, char **err)
{
	const char *slash, *home;
	struct passwd *pw;
	char *name;

	*out = NULL;
	if (path[0] != '~')
		return *out = xstrdup(path), 0;
	slash = strchr(path, '/');
	name = slash ? xstrndup(path + 1, (size_t)(slash - path - 1)) :
	    xstrdup(path + 1);
	if (name[0] == '\0') {
		home = getenv("HOME");
		if (home == NULL || home[0] == '\0') {
			pw = getpwuid(getuid());
			home = pw != NULL ? pw->pw_dir : NULL;
		}
	} else {
		pw = getpwnam(name);
		home = pw != NULL ? pw->pw_dir : NULL;
	}
	free(name);
	if (home == NULL || home[0] == '\0')
		return fail(err, _("%s: no such user's home directory"), path);
	*out = xasprintf("%s%s", home, slash ? slash : "");
	return 0;
}

int
stdout_close(void)
{
	bool bad = ferror(stdout) != 0;
	int e = 0;

	if (fflush(stdout) != 0) {
		bad = true;
		e = errno;
	}
	if (fclose(stdout) != 0 && !bad) {
		bad = errno != EBADF;
		e = errno;
	}
	if (!bad)
		return 0;
	fputs("parboard: ", stderr);
	if (e != 0)
		fprintf(stderr, _("write error on standard output: %s\n"),
		    errno_text(e));
	else
		fputs(_("write error on standard output\n"), stderr);
	return -1;
}

static char user_name[128];

const char *
current_user(void)
{
	struct passwd *pw;

	if (user_name[0] == '\0') {
		pw = getpwuid(getuid());
		if (pw != NULL && pw->pw_name != NULL)
			snprintf(user_name, sizeof user_name, "%s",
			    pw->pw_name);
		else
			snprintf(user_name, sizeof user_name, "uid%lu",
			    (unsigned long)getuid());
	}
	return user_name;
}

void
current_user_set(const char *name)
{
	snprintf(user_name, sizeof user_name, "%s", name);
}

int
make_parent_dirs(const char *path, char **err)
{
	char *p = xstrdup(path), *s;

	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			fail(err, "%s: %s", p, errno_text(errno));
			free(p);
			return -1;
		}
		*s = '/';
	}
	free(p);
	return 0;
}

bool
util_build_tree(char *buf, size_t size)
{
	char top[PATH_MAX], *slash;
	struct stat st;
	int i, n;

	if (getuid() != geteuid() || getgid() != getegid() ||
	    realpath("/proc/self/exe", top) == NULL)
		return false;
	for (i = 0; i < 2; i++) {	/* TOP/src/parboard */
		slash = strrchr(top, '/');
		if (slash == NULL || slash == top)
			return false;
		*slash = '\0';
	}
	n = snprintf(buf, size, "%s/config.status", top);
	if (n < 0 || (size_t)n >= size || stat(buf, &st) != 0 ||
	    !S_ISREG(st.st_mode) || (st.st_uid != getuid() && st.st_uid != 0))
		return false;
	snprintf(buf, size, "%s", top);
	return true;
}
