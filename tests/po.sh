#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/po.sh: the Vietnamese catalogue is complete and well formed.
# Every message in the sources is in po/vi.po, translated and not fuzzy;
# every source file with messages is listed in po/POTFILES.in; the
# translations keep the house style (newer tone marks, no capital letter
# carrying two marks).
. "$SRCDIR/tests/lib.sh"

for t in xgettext msgcmp msgattrib msgfmt python3; do
	command -v "$t" >/dev/null 2>&1 || skip "$t not installed"
done
PO="$SRCDIR/po/vi.po"

# Every source with a message is in POTFILES.in, and only real files are.
missing=""
for f in "$SRCDIR"/src/*/*.c "$SRCDIR"/src/board/keys.def; do
	rel=${f#"$SRCDIR"/}
	if grep -Eq '(\<_|\<N_|ngettext)\(' "$f" &&
	    ! grep -qx "$rel" "$SRCDIR/po/POTFILES.in"; then
		missing="$missing $rel"
	fi
done
expect_eq "every source with messages is in POTFILES.in" "" "$missing"
stale=$(grep -v '^#' "$SRCDIR/po/POTFILES.in" | while read -r f; do
	[ -f "$SRCDIR/$f" ] || printf ' %s' "$f"; done)
expect_eq "POTFILES.in names only existing files" "" "$stale"

# Extract with the options po/Makevars gives xgettext.
opts=$(sed -n '/^XGETTEXT_OPTIONS/,/[^\\]$/p' "$SRCDIR/po/Makevars" |
	sed 's/^XGETTEXT_OPTIONS *= *//; s/\\$//' | tr '\n' ' ')
(cd "$SRCDIR" && grep -v '^#' po/POTFILES.in |
	eval "xgettext $opts --files-from=- -o '$TMPD/parboard.pot'")
check "xgettext extracts the messages" test -s "$TMPD/parboard.pot"
n=$(grep -c '^msgid ' "$TMPD/parboard.pot")
check "the sources have messages ($n)" test "$n" -gt 100

if out=$(msgcmp "$PO" "$TMPD/parboard.pot" 2>&1); then
	pass "every message of the sources is in vi.po"
else
	fail "messages missing from vi.po"
	printf '%s\n' "$out" | head -40
fi
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$PO" | grep -c '^msgid ')
expect_eq "no fuzzy translation" 0 "$fuzzy"
untr=$(msgattrib --untranslated --no-obsolete "$PO" | grep -c '^msgid ')
expect_eq "no untranslated message" 0 "$untr"
check "msgfmt -c accepts vi.po" msgfmt -c --check-format -o /dev/null "$PO"

# House style of the translations.
style=$(python3 - "$PO" <<'PY'
import re, sys, unicodedata
text = open(sys.argv[1], encoding='utf-8').read()
strs = []
for m in re.finditer(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', text, re.M):
    s = ''.join(re.findall(r'"(.*)"', m.group(1)))
    if s and not s.startswith('Project-Id-Version'):
        strs.append(s)
old = re.compile(r'(?<![qQ])(u[ýỳỷỹỵ]|o[áàảãạéèẻẽẹ])(?![\wĐđ])')
for s in strs:
    if old.search(s):
        print('old-style tone mark:', s)
    for ch in s:
        d = unicodedata.normalize('NFD', ch)
        if ch.isupper() and len(d) > 2:
            print('capital with two marks:', s)
            break
PY
)
expect_eq "translations use the newer tone marks, no double-marked capitals" "" "$style"
finish
