/* SPDX-License-Identifier: ISC */
/*
 * fuzz_appendix: libFuzzer target for the whole appendix document: the
 * input is a file as `parboard import` reads it (TSV or CSV, criteria or
 * directives), parsed by appendix_parse() and turned into tasks by the
 * derivation, as an import does before it writes anything.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "appendix.h"
#include "config.h"
#include "derive.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len);

static struct config *fuzz_config;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct appendix *a;
	struct derivation d = { 0 };
	char *err = NULL;

	if (fuzz_config == NULL)
		fuzz_config = config_default();
	if (appendix_parse("fuzz.tsv", (const char *)data, len, &a,
	    &err) != 0) {
		free(err);
		return 0;
	}
	if (a->kind == APPENDIX_CRITERIA)
		derive_criteria(fuzz_config, a, &d);
	else
		derive_directives(fuzz_config, a, NULL, &d);
	derivation_free(&d);
	appendix_free(a);
	return 0;
}
