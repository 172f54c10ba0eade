/* SPDX-License-Identifier: ISC */
/* appraisal.h: what the council's appraisal and the commune's directive
 * say, as plain facts: the criteria with their scores and comments, the
 * directive's rows, and the tasks derived from them before they meet the
 * database.  The import layer fills these (appendix.h, derive.h), the
 * store saves them (store.h). */
#ifndef PARBOARD_APPRAISAL_H
#define PARBOARD_APPRAISAL_H

#include <stdbool.h>
#include <stddef.h>

#include "checklist.h"
#include "finding.h"
#include "letter.h"
#include "task.h"
#include "text.h"

/* Which score cells a row had (an empty cell is not zero). */
enum {
	HAS_STANDARD = 1 << 0,
	HAS_SELF = 1 << 1,
	HAS_APPRAISED = 1 << 2,
	HAS_DEDUCTION = 1 << 3,
};

/* Text fields other than code are never NULL: an empty cell is "". */
struct criterion {
	char *code;		/* "3.12.1", "II", "1", "a" as the document
				 * numbers the row ("II.1" when it repeats a
				 * number); NULL on the total row */
	char *path;		/* the row's place in the tree, parents
				 * first: "3.12.1", "II.1.a"; NULL on the
				 * total row */
	char *title;		/* plain text, NFC; "Tổng điểm" on the total
				 * row when its title cell is empty */
	score standard, self, appraised;
	score deduction;	/* as the council listed it, sign kept: -0,5 */
	unsigned has;		/* HAS_* bits */
	char *comment;		/* Ý kiến hội đồng thẩm định, plain text */
	char *assignee;		/* Người thực hiện chính, plain text */
	int line;		/* first source line of the row (a row split
				 * by a page break continues on later lines) */
};

/* One row of a directives table (role, criterion, task, due, target,
 * every).  Empty cells are NULL. */
struct directive {
	char *role;		/* role id or text naming a role */
	char *code;		/* criterion code or NULL */
	char *task;
	char *due;		/* YYYY-MM-DD (parsed and checked) or NULL */
	char *target;		/* chỉ tiêu, free text: "3 bài" */
	char *every;		/* chu kỳ, free text: "tháng" */
	int line;
	bool ongoing;		/* "thường xuyên" / "ongoing": a continuing
				 * task, no due date (due NULL) */
};

enum appendix_kind {
	APPENDIX_CRITERIA,
	APPENDIX_DIRECTIVES,
};

struct appendix {
	char *file;		/* path as given */
	enum appendix_kind kind;
	char *title;		/* appendix title above the table, NFC,
				 * one line; NULL when the file has none */
	struct criterion *rows;	/* criteria in file order, total excluded */
	size_t nrows;
	bool has_total;		/* a "Tổng điểm" row was present */
	struct criterion total;
	struct directive *dirs;
	size_t ndirs;
	char *taken;		/* Word or Excel file: which table or sheet
				 * was read ("table 3", "sheet Phụ lục"), in
				 * the user's language; NULL for text */
	size_t ntables;		/* tables or sheets in that file */
	bool sheet;		/* taken is a sheet */
	struct letter *letter;	/* the letter above the table (a text
				 * file); NULL when there is none */
	char *head;		/* the text the letter is read from, until
				 * its body is read (import); else NULL */
	struct directive *body;	/* the instructions of the letter's body
				 * (body.h), as directive rows */
	size_t nbody;
};

/* Columns of the appendix (appendix.h finds them by their header
 * words; the configuration names them to add words). */
enum {
	APPENDIX_COL_CODE, APPENDIX_COL_TITLE, APPENDIX_COL_STANDARD,
	APPENDIX_COL_SELF, APPENDIX_COL_APPRAISED, APPENDIX_COL_DEDUCTION,
	APPENDIX_COL_COMMENT, APPENDIX_COL_ASSIGNEE, APPENDIX_NCOLUMNS
};

/* The configuration's names of the columns: "code", "title", "standard",
 * "self", "appraised", "deduction", "comment", "assignee"; -1 if none. */
int appendix_column_id(const char *name);

/* A task as derived from a file, before it meets the database. */
struct task_spec {
	char *key;		/* unique within a plan, without the owner
				 * role: "A:3.12.1", "D:1.4.2/moi thang 3
				 * bai" (the folded text; "#2" on a row
				 * repeated word for word) */
	char *code;		/* criterion code or NULL */
	char *links;		/* other criteria it serves, "3.12.1,3.12.2",
				 * or NULL */
	char *role;		/* owner role id */
	char *support;		/* other roles named, "VP-TK,TP-HT" or "" */
	char *title;
	char *person;		/* the person of role its text names, or
				 * NULL (config_person_named) */
	enum origin origin;
	bool has_points;	/* appendix tasks only */
	score points;		/* standard - appraised */
	char *due;		/* YYYY-MM-DD from the configuration */
	enum due_source due_source;
	char *target, *every;	/* directives only, else NULL */
	/* Appendix tasks: the documents the council's comment requires
	 * and the counted target (checklist.h); else NULL. */
	struct checklist *checklist;
	int line;
};


struct derivation {
	struct task_spec *tasks;
	size_t ntasks;
	struct finding *findings;
	size_t nfindings;
};

/* A stored plan's criteria, for telling which plan a file without a
 * (known) title corrects. */
struct plan_criteria {
	long id;
	char *name;
	size_t n;
	char **codes;
	score *appraised;
	bool *has_appraised;
};

#endif
