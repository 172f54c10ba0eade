/* SPDX-License-Identifier: ISC */
/* finding.h: what an imported file says that does not add up (a
 * consistency finding), as a fact: its kind and figures, so that each
 * reader gets it in their own language (finding_text), not in the
 * language of whoever imported it. */
#ifndef PARBOARD_FINDING_H
#define PARBOARD_FINDING_H

#include "text.h"

enum finding_kind {
	FINDING_TEXT,		/* only a message (rows of schema 8) */
	FINDING_LISTED,		/* code: deduction a, standard - appraised b */
	FINDING_NEG_STANDARD,	/* code: standard score a below 0 */
	FINDING_NEG_SELF,	/* code: self-assessed score a below 0 */
	FINDING_NEG_APPRAISED,	/* code: appraised score a below 0 */
	FINDING_ABOVE,		/* code: appraised a above standard b */
	FINDING_CHILDREN,	/* code: deduction a, sub-criteria b */
	FINDING_TOTAL_SELF,	/* total: deduction a, self - appraised b */
	FINDING_TOTAL_SUM,	/* total: deduction a, criteria b */
	FINDING_TARGET,		/* target t1 every t2 not a count, period */
	FINDING_CODE,		/* a directive's code the plan lacks */
	FINDING_ROLE,		/* role t1 matches no configured role */
	FINDING_NKINDS
};

/* Something in the file that does not add up; never fatal. */
struct finding {
	int line;
	char *code;		/* criterion concerned, or NULL (total row) */
	enum finding_kind kind;
	score a, b;		/* the figures the kind names */
	char *t1, *t2;		/* the texts the kind names, or NULL */
	char *message;		/* finding_text when it was made (the
				 * importer's language); the only content
				 * of FINDING_TEXT */
};

/* The finding in words, in the reader's language: "3.13: listed
 * deduction -0.07, but standard - appraised is 0.67".  Malloc'd. */
char *finding_text(const struct finding *f);
/* The stored name of a kind ("listed", ...), NULL for FINDING_TEXT; and
 * back (FINDING_TEXT for NULL or a name this version does not know). */
const char *finding_kind_name(enum finding_kind k);
enum finding_kind finding_kind_from_name(const char *name);
void finding_clear(struct finding *f);

#endif
