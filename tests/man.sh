#!/bin/sh
# tests/man.sh: the man page's KEYS section is the key table's, and the
# built pages pass mandoc's lint.
#
# The KEYS section of man/parboard.1.in, between the lines
#   .\" KEYS-BEGIN   and   .\" KEYS-END
# is `parboard --dump-keys=man` output; regenerate it with
#   make update-man-keys
. "$SRCDIR/tests/lib.sh"

page="$SRCDIR/man/parboard.1.in"

# 1. The committed KEYS block and the table agree.
if ! grep -q '^\.\\" KEYS-BEGIN' "$page" || ! grep -q '^\.\\" KEYS-END' "$page"; then
	fail "man/parboard.1.in has the KEYS-BEGIN and KEYS-END markers"
else
	sed -n '/^\.\\" KEYS-BEGIN/,/^\.\\" KEYS-END/p' "$page" | sed '1d;$d' \
	    > "$TMPD/committed"
	if "$PARBOARD" --dump-keys=man > "$TMPD/table"; then
		if diff -u "$TMPD/committed" "$TMPD/table" > "$TMPD/diff"; then
			pass "KEYS section of parboard.1 matches the key table"
		else
			fail "KEYS section of parboard.1 differs from the key table (run make update-man-keys)"
			cat "$TMPD/diff"
		fi
	else
		fail "parboard --dump-keys=man runs"
	fi
fi

# The table lists every action, each with a key.
n_tp=$(grep -c '^\.TP' "$TMPD/table")
n_text=$("$PARBOARD" --dump-keys=text | grep -c '^  ')
expect_eq "man and text dumps list the same number of actions" "$n_text" "$n_tp"
check "no action is unbound by default" sh -c "! grep -q unbound '$TMPD/table'"

# 2. mandoc's lint on the built pages.
if [ -z "${MANDOC:-}" ]; then
	[ "$failures" -eq 0 ] || finish
	skip "mandoc not found"
fi
for p in parboard.1 parboard.conf.5; do
	f="$BUILDDIR/man/$p"
	if [ ! -f "$f" ]; then
		(cd "$BUILDDIR" && make "man/$p" >/dev/null 2>&1)
	fi
	if [ ! -f "$f" ]; then
		fail "$p is built"
		continue
	fi
	out=$("$MANDOC" -Tlint -W warning "$f" 2>&1)
	if [ -z "$out" ]; then
		pass "mandoc -Tlint $p"
	else
		fail "mandoc -Tlint $p"
		printf '%s\n' "$out" | head -20
	fi
done
finish
