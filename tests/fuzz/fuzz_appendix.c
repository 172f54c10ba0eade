/* SPDX-License-Identifier: ISC */
/*
 * fuzz_appendix: libFuzzer target for the whole appendix document: the
 * input is a file as `parboard import` reads it (TSV or CSV, criteria or
 * directives), parsed by appendix_parse(), its letter and the letter's
 * body read (letter_from_text, body_read), and turned into tasks by the
 * derivation, as an import does before it writes anything.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "appendix.h"
#include "body.h"
#include "config.h"
#include "derive.h"
#include "letter.h"

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
	if (a->kind == APPENDIX_CRITERIA) {
		a->letter = letter_from_text((const char *)data, len);
		body_read(fuzz_config, (const char *)data, len, (size_t)-1, a,
		    a->letter, &a->body, &a->nbody);
		derive_criteria(fuzz_config, a, &d);
		derive_directive_rows(fuzz_config, a->body, a->nbody, "L:",
		    DUE_LETTER, NULL, &d);
	} else
		derive_directives(fuzz_config, a, NULL, &d);
	derivation_free(&d);
	appendix_free(a);
	return 0;
}
