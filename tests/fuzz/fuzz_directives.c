/* SPDX-License-Identifier: ISC */
/*
 * fuzz_directives: libFuzzer target for the directives table (role,
 * criterion, task, due, target, every) and the tasks derived from it: the
 * input is the table's body, below its header row.
 */

#define FUZZ_FILE "fuzz-directives.tsv"
#define FUZZ_HEADER "role\tcriterion\ttask\tdue\ttarget\tevery\n"
#include "fuzz_table.h"
