/* SPDX-License-Identifier: ISC */
/* conf_fixture.h: a temporary directory as $HOME, nothing of the
 * developer's configuration let in, and configuration files written
 * into it, for the unit tests of the configuration and of the
 * permissions.  Include it after cmocka.h. */
#ifndef PARBOARD_CONF_FIXTURE_H
#define PARBOARD_CONF_FIXTURE_H

static char tmpdir[] = "/tmp/parboard-test-conf.XXXXXX";

static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	/* Nothing from the developer's environment may leak in. */
	unsetenv("PARBOARD_CONFIG");
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", tmpdir, 1);
	return 0;
}

static int
teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	int rc = system(cmd);

	(void)state;
	free(cmd);
	return rc == 0 ? 0 : -1;
}

/* Write text to a file named name in the test directory; its path. */
static char *
write_conf(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

#endif
