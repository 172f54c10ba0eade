/* SPDX-License-Identifier: ISC */
/* seed_fixture.h: the bundled samples (share/samples), read, for the
 * unit tests that derive and score their tasks.  Include it after
 * appendix.h and cmocka.h. */
#ifndef PARBOARD_SEED_FIXTURE_H
#define PARBOARD_SEED_FIXTURE_H

#define SEED_APPENDIX "hien-thanh-103-2023.txt"
#define SEED_DIRECTIVES "hien-thanh-directives.tsv"

/* The sample named name, read; a failure to read it fails the test. */
static struct appendix *
seed_read(const char *name)
{
	struct appendix *a = NULL;
	char *path = xasprintf("%s/samples/%s", SRCDATADIR, name), *err = NULL;

	if (appendix_read(path, &a, &err) != 0)
		fail_msg("%s", err);
	free(path);
	return a;
}

#endif
