#!/bin/sh
# tests/man.sh: the man page's KEYS section is the key table's, and the
# built pages pass mandoc's lint.
#
# The KEYS section of man/parboard.1.in, between the lines
#   .\" KEYS-BEGIN   and   .\" KEYS-END
# is `LANGUAGE=en parboard --dump-keys=man` output; regenerate it with
#   make update-man-keys
# The dump speaks the user's language: LANGUAGE=vi gives the KEYS section
# of the Vietnamese page, with the same entries.
. "$SRCDIR/tests/lib.sh"

page="$SRCDIR/man/parboard.1.in"

# 1. The committed KEYS block and the table agree.
if ! grep -q '^\.\\" KEYS-BEGIN' "$page" || ! grep -q '^\.\\" KEYS-END' "$page"; then
	fail "man/parboard.1.in has the KEYS-BEGIN and KEYS-END markers"
else
	sed -n '/^\.\\" KEYS-BEGIN/,/^\.\\" KEYS-END/p' "$page" | sed '1d;$d' \
	    > "$TMPD/committed"
	if LANGUAGE=en "$PARBOARD" --dump-keys=man > "$TMPD/table"; then
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
n_text=$(LANGUAGE=en "$PARBOARD" --dump-keys=text | grep -c '^  ')
expect_eq "man and text dumps list the same number of actions" "$n_text" "$n_tp"
check "no action is unbound by default" sh -c "! grep -q unbound '$TMPD/table'"

# The Vietnamese dump: the same entries and macros, Vietnamese texts.
LANGUAGE=vi "$PARBOARD" --dump-keys=man > "$TMPD/table.vi"
expect_eq "the Vietnamese KEYS section has every action" "$n_tp" \
    "$(grep -c '^\.TP' "$TMPD/table.vi")"
expect_eq "the Vietnamese KEYS section uses the same macros" \
    "$(sed -n 's/^\(\.[A-Z]*\).*/\1/p' "$TMPD/table" | sort | uniq -c)" \
    "$(sed -n 's/^\(\.[A-Z]*\).*/\1/p' "$TMPD/table.vi" | sort | uniq -c)"
expect_match "the Vietnamese KEYS section has Vietnamese headings" \
    '^\.SS Di chuyển$' "$(cat "$TMPD/table.vi")"
expect_match "the Vietnamese KEYS section has Vietnamese help" \
    '^Lên thẻ phía trên\.$' "$(cat "$TMPD/table.vi")"
expect_match "the Vietnamese text dump too" '^Di chuyển$' \
    "$(LANGUAGE=vi "$PARBOARD" --dump-keys=text)"
expect_match "the English text dump is English" '^Movement$' \
    "$(LANGUAGE=en "$PARBOARD" --dump-keys=text)"

# 2. mandoc's lint on the built pages.
if [ -z "${MANDOC:-}" ]; then
	[ "$failures" -eq 0 ] || finish
	skip "mandoc not found"
fi
printf '.TH PARBOARD 1 2026-01-01\n.SH KEYS\n' > "$TMPD/keys-vi.1"
cat "$TMPD/table.vi" >> "$TMPD/keys-vi.1"
out=$("$MANDOC" -Tlint -W warning "$TMPD/keys-vi.1" 2>&1)
expect_eq "mandoc -Tlint the Vietnamese KEYS section" "" "$out"
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
