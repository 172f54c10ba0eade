/* derive.h: criteria and directives → tasks and consistency findings.
 *
 * Pure functions of (configuration, parsed file): no I/O, no SQL. */
#ifndef PARBOARD_DERIVE_H
#define PARBOARD_DERIVE_H

#include <stdbool.h>
#include <stddef.h>

#include "appendix.h"
#include "config.h"
#include "text.h"

enum origin {
	ORIGIN_APPENDIX,
	ORIGIN_DIRECTIVE,
	ORIGIN_MANUAL,
};
const char *origin_name(enum origin o);	/* "appendix", ... */

/* A task as derived from a file, before it meets the database. */
struct task_spec {
	char *key;		/* unique within a plan, without the owner
				 * role: "A:3.12.1", "D:1.4.2/moi thang 3
				 * bai" (the folded text; "#2" on a row
				 * repeated word for word) */
	char *code;		/* criterion code or NULL */
	char *role;		/* owner role id */
	char *support;		/* other roles named, "VP-TK,TP-HT" or "" */
	char *title;
	enum origin origin;
	bool has_points;	/* appendix tasks only */
	score points;		/* standard - appraised */
	char *due;		/* YYYY-MM-DD from the configuration */
	const char *due_source;	/* "default", "role", "criterion", "task" */
	char *target, *every;	/* directives only, else NULL */
	int line;
};

/* Something in the file that does not add up; never fatal. */
struct finding {
	int line;
	char *code;		/* criterion concerned, or NULL */
	char *message;		/* "3.13: listed deduction -0.07, but
				 * standard - appraised is 0.67", in the
				 * user's language, numbers as it writes
				 * them */
};

struct derivation {
	struct task_spec *tasks;
	size_t ntasks;
	struct finding *findings;
	size_t nfindings;
};

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

void derivation_free(struct derivation *d);

#endif
