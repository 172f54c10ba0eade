#!/bin/sh
# SPDX-License-Identifier: ISC
# The test hooks (PARBOARD_KEYS, PARBOARD_DUMP, PARBOARD_TEST_OOM,
# PARBOARD_BUSY_MS: a shorter wait for a busy database) exist only in
# the test build's twin, src/parboard-test: the installed program has
# none of these names and ignores the variables.
. "$SRCDIR/tests/lib.sh"

for hook in PARBOARD_KEYS PARBOARD_DUMP PARBOARD_BUSY_MS PARBOARD_TEST_OOM; do
	if grep -aq "$hook" "$PARBOARD"; then
		fail "src/parboard has no $hook"
	else
		pass "src/parboard has no $hook"
	fi
	if grep -aq "$hook" "$PARBOARD_TEST"; then
		pass "src/parboard-test reads $hook"
	else
		fail "src/parboard-test reads $hook"
	fi
done

# With the variables set and no terminal, the program still refuses to
# draw the board (it reads no script) and writes no dump.
printf 'q\n' > "$TMPD/q.keys"
"$PARBOARD" -d "$DB" import "$SEED" >/dev/null 2>&1
PARBOARD_KEYS="$TMPD/q.keys" PARBOARD_DUMP="$TMPD/q.out" TERM=xterm \
    "$PARBOARD" -d "$DB" </dev/null >/dev/null 2>&1
rc=$?
expect_eq "the installed program ignores PARBOARD_KEYS (no terminal: exit 1)" 1 "$rc"
check "the installed program ignores PARBOARD_DUMP" test ! -e "$TMPD/q.out"

finish
