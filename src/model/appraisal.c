/* SPDX-License-Identifier: ISC */
/* appraisal.c: the names of the appraisal's columns. */
#include <string.h>

#include "appraisal.h"

static const char *const col_ids[APPENDIX_NCOLUMNS] = {
	"code", "title", "standard", "self", "appraised", "deduction",
	"comment", "assignee",
};

int
appendix_column_id(const char *name)
{
	int k;

	for (k = 0; k < APPENDIX_NCOLUMNS; k++)
		if (strcmp(name, col_ids[k]) == 0)
			return k;
	return -1;
}
