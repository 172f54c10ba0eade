/* SPDX-License-Identifier: ISC */
/* dockind.c: document kinds, their names and abbreviations. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "dockind.h"
#include "text.h"
#include "util.h"

/* In enum order.  The folded forms are what text_fold gives. */
static const struct {
	const char *abbr, *name, *abbr_fold, *name_fold;
} kinds[DOC_NKINDS] = {
	[DOC_NONE] = { "", "", "", "" },
	[DOC_NQ] = { "NQ", "Nghị quyết", "nq", "nghi quyet" },
	[DOC_QD] = { "QĐ", "Quyết định", "qd", "quyet dinh" },
	[DOC_CT] = { "CT", "Chỉ thị", "ct", "chi thi" },
	[DOC_QC] = { "QC", "Quy chế", "qc", "quy che" },
	[DOC_QYD] = { "QyĐ", "Quy định", "qyd", "quy dinh" },
	[DOC_TC] = { "TC", "Thông cáo", "tc", "thong cao" },
	[DOC_TB] = { "TB", "Thông báo", "tb", "thong bao" },
	[DOC_HD] = { "HD", "Hướng dẫn", "hd", "huong dan" },
	[DOC_CTR] = { "CTr", "Chương trình", "ctr", "chuong trinh" },
	[DOC_KH] = { "KH", "Kế hoạch", "kh", "ke hoach" },
	[DOC_PA] = { "PA", "Phương án", "pa", "phuong an" },
	[DOC_DA] = { "ĐA", "Đề án", "da", "de an" },
	[DOC_DAN] = { "DA", "Dự án", "da", "du an" },
	[DOC_BC] = { "BC", "Báo cáo", "bc", "bao cao" },
	[DOC_BB] = { "BB", "Biên bản", "bb", "bien ban" },
	[DOC_TTR] = { "TTr", "Tờ trình", "ttr", "to trinh" },
	[DOC_HDO] = { "HĐ", "Hợp đồng", "hd", "hop dong" },
	[DOC_CD] = { "CĐ", "Công điện", "cd", "cong dien" },
	[DOC_GN] = { "GN", "Bản ghi nhớ", "gn", "ban ghi nho" },
	[DOC_TTH] = { "TTh", "Bản thỏa thuận", "tth", "ban thoa thuan" },
	[DOC_UQ] = { "UQ", "Giấy ủy quyền", "uq", "giay uy quyen" },
	[DOC_GM] = { "GM", "Giấy mời", "gm", "giay moi" },
	[DOC_GT] = { "GT", "Giấy giới thiệu", "gt", "giay gioi thieu" },
	[DOC_NP] = { "NP", "Giấy nghỉ phép", "np", "giay nghi phep" },
	[DOC_PG] = { "PG", "Phiếu gửi", "pg", "phieu gui" },
	[DOC_PC] = { "PC", "Phiếu chuyển", "pc", "phieu chuyen" },
	[DOC_PB] = { "PB", "Phiếu báo", "pb", "phieu bao" },
	[DOC_CV] = { "", "Công văn", "", "cong van" },
};

const char *
dockind_abbr(enum doc_kind k)
{
	return k > DOC_NONE && k < DOC_NKINDS ? kinds[k].abbr : "";
}

const char *
dockind_name(enum doc_kind k)
{
	return k > DOC_NONE && k < DOC_NKINDS ? kinds[k].name : "";
}

/* The kind whose folded name f begins with, at a word's end; the longest
 * name wins ("quy dinh" is not "quyet dinh"). */
static enum doc_kind
of_folded(const char *f, size_t *len)
{
	enum doc_kind best = DOC_NONE;
	size_t n, bestn = 0;
	int k;
	char c;

	for (k = DOC_NONE + 1; k < DOC_NKINDS; k++) {
		n = strlen(kinds[k].name_fold);
		if (n <= bestn || strncmp(f, kinds[k].name_fold, n) != 0)
			continue;
		c = f[n];
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			continue;
		best = (enum doc_kind)k;
		bestn = n;
	}
	if (len != NULL)
		*len = bestn;
	return best;
}

/* The bytes of text whose fold is the folded name: the shortest prefix
 * (whole characters) that folds to it. */
static size_t
head_len(const char *text, const char *name_fold)
{
	size_t i, n = strlen(name_fold);
	char *one, *f;
	bool same;

	for (i = 1; text[i - 1] != '\0' && i <= 4 * n + 8; i++) {
		if (((unsigned char)text[i] & 0xC0) == 0x80)
			continue;	/* inside a character */
		one = xstrndup(text, i);
		f = text_fold(one);
		same = strcmp(f, name_fold) == 0;
		free(f);
		free(one);
		if (same)
			return i;
	}
	return 0;
}

enum doc_kind
dockind_of_text(const char *text, size_t *len)
{
	const char *t = text_skip_space(text);
	char *f = text_fold(t);
	enum doc_kind k = of_folded(f, NULL);

	free(f);
	if (len != NULL)
		*len = k == DOC_NONE ? 0 :
		    (size_t)(t - text) + head_len(t, kinds[k].name_fold);
	return k;
}

/* The kind whose abbreviation s[0..n) is, case aside; Đ and D differ
 * ("ĐA" is an đề án, "DA" a dự án) unless only one kind fits ("QD" is
 * a quyết định).  DOC_NONE when none. */
static enum doc_kind
of_abbr(const char *s, size_t n)
{
	char *one = xstrndup(s, n), *f = text_fold(one);
	bool stroke = strstr(one, "Đ") != NULL || strstr(one, "đ") != NULL;
	enum doc_kind k = DOC_NONE, loose = DOC_NONE;
	int i, nloose = 0;

	for (i = DOC_NONE + 1; i < DOC_NKINDS && k == DOC_NONE; i++) {
		if (kinds[i].abbr_fold[0] == '\0' ||
		    strcmp(f, kinds[i].abbr_fold) != 0)
			continue;
		if ((strstr(kinds[i].abbr, "Đ") != NULL) == stroke)
			k = (enum doc_kind)i;
		loose = (enum doc_kind)i;
		nloose++;
	}
	free(f);
	free(one);
	return k != DOC_NONE ? k : nloose == 1 ? loose : DOC_NONE;
}

enum doc_kind
dockind_of_number(const char *number)
{
	const char *p;
	enum doc_kind k;
	size_t n;

	if (number == NULL || (p = strchr(number, '/')) == NULL)
		return DOC_NONE;
	p++;
	/* A year after the number: "30/2020/QĐ-UBND". */
	if (strspn(p, "0123456789") == 4 && p[4] == '/')
		p += 5;
	if ((n = strcspn(p, "-/ ")) == 0)
		return DOC_NONE;
	k = of_abbr(p, n);
	return k != DOC_NONE ? k : DOC_CV;
}

enum doc_kind
dockind_parse(const char *s)
{
	const char *p = text_skip_space(s);
	enum doc_kind k;
	char *f;
	size_t n;

	if ((k = of_abbr(p, strlen(p))) != DOC_NONE)
		return k;
	f = text_fold(p);
	if (of_folded(f, &n) != DOC_NONE && f[n] == '\0')
		k = of_folded(f, NULL);
	free(f);
	return k;
}
