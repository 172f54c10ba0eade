#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/man.sh: the man pages' generated blocks are their tables' (the
# keys, the options, the settings), the shipped Vietnamese pages are
# po4a's translation of man/po/vi.po, and the built pages pass mandoc's
# lint.
#
# The KEYS section of man/parboard.1.in, between the lines
#   .\" KEYS-BEGIN   and   .\" KEYS-END
# is `LANGUAGE=en parboard --dump-keys=man` output; so are its OPTIONS
# block (OPTIONS-BEGIN/END, --dump-options=man) and the SETTINGS block of
# man/parboard.5.in (SETTINGS-BEGIN/END, --dump-settings=man).  Regenerate
# the three with
#   make update-man-keys
# The dumps speak the user's language: LANGUAGE=vi gives the blocks of the
# Vietnamese pages, with the same entries.
. "$SRCDIR/tests/lib.sh"

page="$SRCDIR/man/parboard.1.in"

# 1. The committed KEYS, OPTIONS and SETTINGS blocks and their tables agree.
# block NAME PAGE: the block between NAME-BEGIN and NAME-END of PAGE.
block() {
	sed -n "/^\.\\\\\" $1-BEGIN\$/,/^\.\\\\\" $1-END\$/p" "$2" | sed '1d;$d'
}
# lint NAME PAGE: mandoc's lint has nothing to say of PAGE (NAME).
lint() {
	out=$("$MANDOC" -Tlint -W warning "$2" 2>&1)
	if [ -z "$out" ]; then
		pass "mandoc -Tlint $1"
	else
		fail "mandoc -Tlint $1"
		printf '%s\n' "$out" | head -20
	fi
}
# same_lines PASS FAIL A B: B is not empty and A and B are the same,
# passing as PASS, else failing as FAIL with the difference.
same_lines() {
	if [ -s "$4" ] && diff -u "$3" "$4" > "$TMPD/same.diff"; then
		pass "$1"
	else
		fail "$2"
		head -20 "$TMPD/same.diff"
	fi
}
for spec in KEYS:keys:parboard.1.in OPTIONS:options:parboard.1.in \
    SETTINGS:settings:parboard.5.in; do
	b=${spec%%:*}; d=${spec#*:}; d=${d%%:*}; f="$SRCDIR/man/${spec##*:}"
	if ! grep -q "^\.\\\\\" $b-BEGIN\$" "$f" ||
	    ! grep -q "^\.\\\\\" $b-END\$" "$f"; then
		fail "man/${spec##*:} has the $b-BEGIN and $b-END markers"
		continue
	fi
	block "$b" "$f" > "$TMPD/$d.committed"
	if ! LANGUAGE=en "$PARBOARD" --dump-$d=man > "$TMPD/$d.table"; then
		fail "parboard --dump-$d=man runs"
	else
		same_lines "$b section of ${spec##*:} matches its table" \
		    "$b section of ${spec##*:} differs from its table (run make update-man-keys)" \
		    "$TMPD/$d.committed" "$TMPD/$d.table"
	fi
done
expect_eq "the OPTIONS section has an entry for each option of --help" \
    "$(LANGUAGE=en "$PARBOARD" --help | grep -c '^  [ -][ A-Za-z][ ,] --')" \
    "$(grep -c '^\.TP' "$TMPD/options.table")"
check "--dump-options: another format is a usage error" \
    sh -c '"$1" --dump-options=text >/dev/null 2>&1; [ $? -eq 2 ]' sh "$PARBOARD"
check "--dump-settings: another format is a usage error" \
    sh -c '"$1" --dump-settings=text >/dev/null 2>&1; [ $? -eq 2 ]' sh "$PARBOARD"

# The table lists every action, each with a key.
n_tp=$(grep -c '^\.TP' "$TMPD/keys.table")
n_text=$(LANGUAGE=en "$PARBOARD" --dump-keys=text | grep -c '^  ')
expect_eq "man and text dumps list the same number of actions" "$n_text" "$n_tp"
check "no action is unbound by default" sh -c "! grep -q unbound '$TMPD/keys.table'"

# The Vietnamese dump: the same entries and macros, Vietnamese texts.
LANGUAGE=vi "$PARBOARD" --dump-keys=man > "$TMPD/table.vi"
expect_eq "the Vietnamese KEYS section has every action" "$n_tp" \
    "$(grep -c '^\.TP' "$TMPD/table.vi")"
expect_eq "the Vietnamese KEYS section uses the same macros" \
    "$(sed -n 's/^\(\.[A-Z]*\).*/\1/p' "$TMPD/keys.table" | sort | uniq -c)" \
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
	lint "$p" "$f"
done

# 3. The Vietnamese pages, translated through man/po/vi.po by po4a (see
# man/po4a.cfg and Makefile.am) into the committed man/vi/*.in.  po4a's
# masters are the English pages without their generated blocks, made by
# the Makefile from the .in pages.  Without po4a, 3a and 3b cannot be
# checked: the test then ends as a skip.
vi1="$BUILDDIR/man/vi/parboard.1"
vi5="$BUILDDIR/man/vi/parboard.conf.5"
(cd "$BUILDDIR" && make man/parboard.1.en man/parboard.5.en \
    man/vi/parboard.1 man/vi/parboard.conf.5 >/dev/null 2>&1)

# 3a. Every entry of the English pages is translated and none is fuzzy:
# update a copy of man/po/vi.po from the current English source.
if [ -z "${PO4A:-}" ]; then
	echo "# po4a not found: the translation is not checked"
elif [ ! -f "$BUILDDIR/man/parboard.1.en" ] ||
    [ ! -f "$BUILDDIR/man/parboard.5.en" ]; then
	fail "the po4a masters man/parboard.1.en and man/parboard.5.en are built"
else
	mkdir -p "$TMPD/po4a/man"
	cp "$BUILDDIR/man/parboard.1.en" "$BUILDDIR/man/parboard.5.en" \
	    "$TMPD/po4a/man/"
	if (cd "$TMPD/po4a" && "$PO4A" -q --no-translations --srcdir "$SRCDIR" \
	    --destdir "$TMPD/po4a" "$SRCDIR/man/po4a.cfg") > "$TMPD/po4a.out" 2>&1 &&
	    [ -f "$TMPD/po4a/man/po/vi.po" ]; then
		po="$TMPD/po4a/man/po/vi.po"
		msgattrib --untranslated --no-obsolete "$po" > "$TMPD/untr"
		msgattrib --only-fuzzy --no-obsolete "$po" > "$TMPD/fuzzy"
		if [ -s "$TMPD/untr" ] || [ -s "$TMPD/fuzzy" ]; then
			fail "man/po/vi.po translates every entry of the English pages, none fuzzy (make update-man-po, then translate)"
			cat "$TMPD/untr" "$TMPD/fuzzy" | grep '^msgid "[^"]' | head -20
		else
			pass "man/po/vi.po translates every entry of the English pages, none fuzzy"
		fi
	else
		fail "po4a updates a copy of man/po/vi.po"
		head -20 "$TMPD/po4a.out"
	fi
fi

# 3b. The committed man/vi/*.in are what po4a makes of man/po/vi.po and
# the English pages (po4a runs on copies: given the source directory, it
# deletes the translations there).
if [ -n "${PO4A:-}" ] && [ -f "$BUILDDIR/man/parboard.1.en" ]; then
	g="$TMPD/gen"
	mkdir -p "$g/man/po"
	cp "$BUILDDIR/man/parboard.1.en" "$BUILDDIR/man/parboard.5.en" \
	    "$SRCDIR/man/po4a.cfg" "$g/man/"
	cp "$SRCDIR/man/po/vi.po" "$g/man/po/"
	if (cd "$g" && "$PO4A" -q --no-update --force man/po4a.cfg) \
	    > "$TMPD/po4a-gen.out" 2>&1; then
		for p in parboard.1.in parboard.5.in; do
			if diff -u "$SRCDIR/man/vi/$p" "$g/man/vi/$p" \
			    > "$TMPD/gen.diff" 2>&1; then
				pass "man/vi/$p is up to date with man/po/vi.po"
			else
				fail "man/vi/$p is up to date with man/po/vi.po (make update-man-vi)"
				head -20 "$TMPD/gen.diff"
			fi
		done
	else
		fail "po4a translates the English pages"
		head -20 "$TMPD/po4a-gen.out"
	fi
fi

# 3c. The Vietnamese pages are built.
if [ ! -f "$vi1" ] || [ ! -f "$vi5" ]; then
	fail "the Vietnamese pages are built"
	finish
fi
# The Vietnamese KEYS, OPTIONS and SETTINGS blocks are the Vietnamese
# tables.
for spec in KEYS:keys:$vi1 OPTIONS:options:$vi1 SETTINGS:settings:$vi5; do
	b=${spec%%:*}; d=${spec#*:}; d=${d%%:*}; f=${spec#*:*:}
	block "$b" "$f" > "$TMPD/vi-$d"
	LANGUAGE=vi "$PARBOARD" --dump-$d=man > "$TMPD/vi-$d.table"
	same_lines "$b section of the Vietnamese ${f##*/} is the Vietnamese table" \
	    "$b section of the Vietnamese ${f##*/} is the Vietnamese table" \
	    "$TMPD/vi-$d.table" "$TMPD/vi-$d"
	expect_eq "the Vietnamese $b section has every entry" \
	    "$(grep -c '^\.TP' "$TMPD/$d.table")" "$(grep -c '^\.TP' "$TMPD/vi-$d")"
done
expect_match "the Vietnamese OPTIONS section is Vietnamese" \
    '^Dùng cơ sở dữ liệu SQLite này\.$' "$(cat "$TMPD/vi-options")"
expect_match "the Vietnamese SETTINGS section is Vietnamese" \
    '^\\fBdatabase\\fR .chuỗi; mặc định: không có.$' "$(cat "$TMPD/vi-settings")"
check "no placeholder (.PBKEYS, .PBOPTIONS, .PBSETTINGS) is left" \
    sh -c "! grep -q '^\.PB' '$vi1' '$vi5'"

# 3d. Vietnamese section names, in sentence case; no capital that carries
# two stacked marks (PuTTY clips them); the newer tone-mark placement.
check "the Vietnamese parboard.1 has .SH Tên" grep -qx '\.SH Tên' "$vi1"
check "the Vietnamese parboard.conf.5 has .SH Thiết lập" \
    grep -qx '\.SH "Thiết lập"' "$vi5"
if grep -n '^\.S[HS] .*[[:upper:]][[:upper:]]' "$vi1" "$vi5" > "$TMPD/caps"; then
	fail "Vietnamese section names are in sentence case"
	cat "$TMPD/caps"
else
	pass "Vietnamese section names are in sentence case"
fi
if grep -n '[ẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘ]' "$vi1" "$vi5" > "$TMPD/stacked"; then
	fail "no capital with two stacked marks in the Vietnamese pages"
	head -5 "$TMPD/stacked"
else
	pass "no capital with two stacked marks in the Vietnamese pages"
fi
old_marks='[oO][áàảãạéèẻẽẹ]([^[:alpha:]]|$)|(^|[^qQ])[uU][ýỳỷỹỵ]([^[:alpha:]]|$)'
if grep -nE "$old_marks" "$vi1" "$vi5" > "$TMPD/old"; then
	fail "the Vietnamese pages use the newer tone-mark placement (hóa, hủy, khỏe)"
	head -5 "$TMPD/old"
else
	pass "the Vietnamese pages use the newer tone-mark placement (hóa, hủy, khỏe)"
fi

# 3e. mandoc's lint on the Vietnamese pages.
for f in "$vi1" "$vi5"; do
	lint "vi/${f##*/}" "$f"
done
if [ -z "${PO4A:-}" ]; then
	[ "$failures" -eq 0 ] || finish
	skip "po4a not found: the shipped Vietnamese pages are not checked"
fi
finish
