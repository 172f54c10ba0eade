/* SPDX-License-Identifier: ISC */
/* instruction.c: the criteria an instruction names (instruction.h). */
#include <stdlib.h>
#include <string.h>

#include "instruction.h"
#include "text.h"
#include "util.h"

char *
instruction_fold(const char *s)
{
	char *f = text_fold(s != NULL ? s : ""), *e = instruction_expand(f);

	free(f);
	return e;
}

char *
instruction_expand(const char *folded)
{
	static const struct {
		const char *abbr, *full;
	} ab[] = {
		{ "cchc", "cai cach hanh chinh" },
		{ "tthc", "thu tuc hanh chinh" },
		{ "dvctt", "dich vu cong truc tuyen" },
		{ "dvc", "dich vu cong" },
	};
	char *f = xstrdup(folded), *r;
	size_t k;
	long at;

	for (k = 0; k < sizeof ab / sizeof ab[0]; k++)
		while ((at = text_find_word(f, ab[k].abbr)) >= 0) {
			r = xasprintf("%.*s%s%s", (int)at, f, ab[k].full,
			    f + at + (long)strlen(ab[k].abbr));
			free(f);
			f = r;
		}
	return f;
}

/* An instruction's phrases ('|' between alternatives) and what the
 * criterion's title then says. */
static const struct {
	const char *says, *title;
} meanings[] = {
	{ "ke hoach cai cach hanh chinh",
	    "thuc hien ke hoach cai cach hanh chinh" },
	{ "hinh thuc tuyen truyen|tin bai", "da dang trong tuyen truyen" },
	{ "sang kien", "sang kien" },
	{ "doi thoai", "doi thoai" },
	{ "nop ho so truc tuyen|nop ho so qua cong dich vu cong",
	    "ho so dich vu cong truc tuyen" },
	{ "thanh toan truc tuyen", "thanh toan truc tuyen" },
	{ "luan chuyen|phuong thuc dien tu", "phuong thuc dien tu" },
	{ "cong khai xin loi", "cong khai xin loi" },
};

static bool
says(const char *f, const char *alts)
{
	char *copy = xstrdup(alts), *p, *save = NULL;
	bool yes = false;

	for (p = strtok_r(copy, "|", &save); p != NULL && !yes;
	    p = strtok_r(NULL, "|", &save))
		yes = text_find_word(f, p) >= 0;
	free(copy);
	return yes;
}

size_t
instruction_links(const char *text, const char *const *titles, size_t n,
    size_t *order, size_t max)
{
	char *f = instruction_fold(text);
	size_t got = instruction_links_folded(f, titles, n, order, max);

	free(f);
	return got;
}

size_t
instruction_links_folded(const char *f, const char *const *titles,
    size_t n, size_t *order, size_t max)
{
	size_t k, i, j, got = 0;

	for (k = 0; k < sizeof meanings / sizeof meanings[0]; k++) {
		if (!says(f, meanings[k].says))
			continue;
		for (i = 0; i < n && got < max; i++) {
			if (text_find_word(titles[i], meanings[k].title) < 0)
				continue;
			for (j = 0; j < got && order[j] != i; j++)
				;
			if (j == got)
				order[got++] = i;
		}
	}
	return got;
}
