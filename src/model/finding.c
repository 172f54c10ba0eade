/* SPDX-License-Identifier: ISC */
/* finding.c: consistency findings as facts, and in words (finding.h). */
#include <stdlib.h>
#include <string.h>

#include "finding.h"
#include "i18n.h"
#include "util.h"

static const char *const names[FINDING_NKINDS] = {
	[FINDING_LISTED] = "listed",
	[FINDING_NEG_STANDARD] = "negative-standard",
	[FINDING_NEG_SELF] = "negative-self",
	[FINDING_NEG_APPRAISED] = "negative-appraised",
	[FINDING_ABOVE] = "above-standard",
	[FINDING_CHILDREN] = "children",
	[FINDING_TOTAL_SELF] = "total-self",
	[FINDING_TOTAL_SUM] = "total-sum",
	[FINDING_TARGET] = "target",
	[FINDING_CODE] = "code",
	[FINDING_ROLE] = "role",
};

const char *
finding_kind_name(enum finding_kind k)
{
	return k > FINDING_TEXT && k < FINDING_NKINDS ? names[k] : NULL;
}

enum finding_kind
finding_kind_from_name(const char *name)
{
	int k;

	for (k = FINDING_TEXT + 1; name != NULL && k < FINDING_NKINDS; k++)
		if (strcmp(names[k], name) == 0)
			return (enum finding_kind)k;
	return FINDING_TEXT;
}

char *
finding_text(const struct finding *f)
{
	const char *code = f->code ? f->code : _("total row");
	const char *t1 = f->t1 ? f->t1 : "", *t2 = f->t2 ? f->t2 : "";
	char a[32], b[32];

	text_format_score(f->a, i18n_decimal(), a, sizeof a);
	text_format_score(f->b, i18n_decimal(), b, sizeof b);
	switch (f->kind) {
	case FINDING_LISTED:
		return xasprintf(_("%s: listed deduction %s, but standard - "
		    "appraised is %s"), code, a, b);
	case FINDING_NEG_STANDARD:
		return xasprintf(_("%s: standard score %s is negative"), code,
		    a);
	case FINDING_NEG_SELF:
		return xasprintf(_("%s: self-assessed score %s is negative"),
		    code, a);
	case FINDING_NEG_APPRAISED:
		return xasprintf(_("%s: appraised score %s is negative"),
		    code, a);
	case FINDING_ABOVE:
		return xasprintf(_("%s: appraised score %s is above the "
		    "standard %s; no points at stake are counted"), code, a,
		    b);
	case FINDING_CHILDREN:
		return xasprintf(_("%s: listed deduction %s, but its "
		    "sub-criteria list %s in all"), code, a, b);
	case FINDING_TOTAL_SELF:
		return xasprintf(_("total row: listed deduction %s, but "
		    "self-assessed - appraised is %s"), a, b);
	case FINDING_TOTAL_SUM:
		return xasprintf(_("total row: listed deduction %s, but the "
		    "deducted criteria list %s in all"), a, b);
	case FINDING_TARGET:
		return xasprintf(_("target \"%s\" every \"%s\" is not a count "
		    "and a period (3 bài, tháng); kept as text"), t1, t2);
	case FINDING_CODE:
		return xasprintf(_("directive names criterion %s, which the "
		    "plan does not list"), code);
	case FINDING_ROLE:
		return xasprintf(_("role '%s' matches no configured role; the "
		    "task goes to the unassigned column"), t1);
	default:
		return xstrdup(f->message != NULL ? f->message : "");
	}
}

void
finding_clear(struct finding *f)
{
	free(f->code);
	free(f->t1);
	free(f->t2);
	free(f->message);
	memset(f, 0, sizeof *f);
}
