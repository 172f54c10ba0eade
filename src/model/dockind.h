/* SPDX-License-Identifier: ISC */
/* dockind.h: the kinds of administrative documents, as Decree 30/2020
 * (Nghị định 30/2020/NĐ-CP, Appendix III) names and abbreviates them: a
 * document's kind is read from the head word of a text ("Kế hoạch tổ
 * chức diễn đàn") or from the abbreviation in its number ("05/KH-UBND";
 * "103/UBND-VP", with no abbreviation, is a công văn). */
#ifndef PARBOARD_DOCKIND_H
#define PARBOARD_DOCKIND_H

#include <stddef.h>

enum doc_kind {
	DOC_NONE,		/* not known: any document */
	DOC_NQ, DOC_QD, DOC_CT, DOC_QC, DOC_QYD, DOC_TC, DOC_TB, DOC_HD,
	DOC_CTR, DOC_KH, DOC_PA, DOC_DA, DOC_DAN, DOC_BC, DOC_BB, DOC_TTR,
	DOC_HDO, DOC_CD, DOC_GN, DOC_TTH, DOC_UQ, DOC_GM, DOC_GT, DOC_NP,
	DOC_PG, DOC_PC, DOC_PB,
	DOC_CV,			/* công văn: a number without abbreviation */
	DOC_NKINDS
};

/* The abbreviation ("KH", "QĐ", "TTr"; "" for DOC_NONE and DOC_CV) and
 * the name in the document's own words ("Kế hoạch", "Công văn"; "" for
 * DOC_NONE).  Never NULL. */
const char *dockind_abbr(enum doc_kind k);
const char *dockind_name(enum doc_kind k);

/* The kind named by the head word that text begins with, after spaces
 * ("Kế hoạch tổ chức …", "giấy mời"), case and tone marks aside; *len
 * (may be NULL) gets the bytes of text up to the head word's end.  DOC_NONE when text
 * begins with no kind's name. */
enum doc_kind dockind_of_text(const char *text, size_t *len);

/* The kind of a document numbered number: the abbreviation after the
 * number and an optional year ("05/KH-UBND", "30/2020/QĐ-UBND"); a number
 * whose part after the slash is no abbreviation is a công văn ("103/UBND",
 * "52/UBND-VP"); DOC_NONE for no number or one without a slash. */
enum doc_kind dockind_of_number(const char *number);

/* --kind: an abbreviation or a name, case and tone marks aside ("kh",
 * "KH", "Kế hoạch", "ke hoach", "công văn"); DOC_NONE when neither. */
enum doc_kind dockind_parse(const char *s);

#endif
