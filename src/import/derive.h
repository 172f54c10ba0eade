/* SPDX-License-Identifier: ISC */
/* derive.h: criteria and directives → tasks and consistency findings.
 *
 * Pure functions of (configuration, parsed file): no I/O, no SQL. */
#ifndef PARBOARD_DERIVE_H
#define PARBOARD_DERIVE_H

#include <stdbool.h>
#include <stddef.h>

#include "appendix.h"
#include "appraisal.h"
#include "config.h"
#include "finding.h"
#include "text.h"

/* Match assignment text against the roles' patterns: *owner gets the role
 * named first (by position in the text), *support the other roles named
 * ("A,B", malloc'd, "" if none).  Text naming no role but naming all staff
 * gives ROLE_COMMON; nothing at all gives ROLE_UNASSIGNED. */
void derive_match_roles(const struct config *c, const char *text,
    const char **owner, char **support);

/* Tasks from the deducted leaf criteria, and the findings: listed
 * deduction ≠ standard − appraised, parent ≠ sum of its deducted
 * children, total ≠ self − appraised (and ≠ the rows' sum). */
void derive_criteria(const struct config *c, const struct appendix *a,
    struct derivation *out);

/* Tasks from a directives table.  known_codes (NULL-terminated, may be
 * NULL) are the plan's criterion codes: a directive naming another code
 * is a finding, not an error.  A role that is no role id is matched like
 * assignment text. */
void derive_directives(const struct config *c, const struct appendix *a,
    const char *const *known_codes, struct derivation *out);

/* The same from rows (a table's, or the letter's body: body.h), keyed
 * prefix ("D:" a table, "L:" the body) + code + words; source: where a
 * row's own due date comes from.  A row's codes may be several, comma
 * separated: the first is the task's criterion, the others its links. */
void derive_directive_rows(const struct config *c,
    const struct directive *rows, size_t nrows, const char *prefix,
    enum due_source source, const char *const *known_codes,
    struct derivation *out);

void derivation_free(struct derivation *d);

/* --- corrected files: which stored task or plan a row or file is --- */

/* Two directives are alike when, with the same criterion, the Dice
 * coefficient of their sets of folded words, 2 |A ∩ B| / (|A| + |B|),
 * is at least DERIVE_ALIKE_NUM / DERIVE_ALIKE_DEN. */
#define DERIVE_ALIKE_NUM 1
#define DERIVE_ALIKE_DEN 2

/* The Dice coefficient of the word sets of two folded texts as the
 * fraction *num / *den (0 / 0 when both are empty).  Words are runs of
 * letters and digits. */
void derive_words_alike(const char *a, const char *b, size_t *num,
    size_t *den);
/* The same with the word sets made once: a text compared often. */
struct derive_wordset {
	char **w;
	size_t n;
};
void derive_wordset(const char *folded, struct derive_wordset *out);
void derive_wordset_free(struct derive_wordset *s);
void derive_sets_alike(const struct derive_wordset *a,
    const struct derive_wordset *b, size_t *num, size_t *den);

/* A directive for pairing: its criterion code ("" for none) and its
 * folded words. */
struct derive_words {
	const char *code;
	const char *words;
};

/* The pairing of one new directive (one the store does not know). */
struct derive_pair {
	long old;		/* index of the old task it continues, or -1 */
	size_t num, den;	/* likeness with old (or with tie_old) */
	long tie_old;		/* a tie: two old tasks as alike, or -1 */
	long tie_new;		/* a tie: another new directive as alike to
				 * the same old task, or -1 */
	long near;		/* with a tie, the old task concerned */
};

/* Pair the new directives with the old tasks (those the file no longer
 * gives): the most alike pair first, same criterion, at least the
 * threshold.  A tie (one new as alike to two old, or two new to one old)
 * pairs none of them: each new gets tie_old or tie_new and near. */
void derive_pair_directives(const struct derive_words *new, size_t nnew,
    const struct derive_words *old, size_t nold, struct derive_pair *out);

/* A file agrees with a plan when their criterion codes are the same set
 * and at least DERIVE_AGREE_PERCENT % of them have the same appraised
 * score; it is close to a plan when they share at least half of the
 * file's codes. */
#define DERIVE_AGREE_PERCENT 80

struct plan_likeness {
	size_t file_codes;	/* distinct codes of the file */
	size_t plan_codes;
	size_t shared;		/* codes in both */
	size_t equal;		/* shared codes with equal appraised scores */
};

void derive_plan_likeness(const struct appendix *a,
    const struct plan_criteria *p, struct plan_likeness *out);
bool derive_plan_agrees(const struct plan_likeness *l);
bool derive_plan_close(const struct plan_likeness *l);

/* A plan name folded for comparison: case, tone marks and runs of spaces
 * do not count. */
char *derive_name_fold(const char *name);

#endif
