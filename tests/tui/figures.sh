#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/tui/figures.sh: F, a month's figures b/a entered on the board
# for the current card's criterion (core_figures_add, as `parboard
# figures`): recorded, corrected, refused for a criterion scored by
# documents and for a bad month, cancelled with Esc, nothing written
# then.
. "$SRCDIR/tests/lib.sh"
use_test_hooks
command -v sqlite3 >/dev/null || skip "sqlite3 missing"

# board NAME: the key script $TMPD/NAME.keys at 80x24; the screens go
# to $TMPD/NAME.out; said NAME: the status line of the first screen
# (the script's dump; quitting dumps another).
board() {
	PARBOARD_KEYS="$TMPD/$1.keys" PARBOARD_DUMP="$TMPD/$1.out" \
	    TERM=xterm COLUMNS=80 LINES=24 LANGUAGE=en \
	    pb 2>"$TMPD/$1.err" </dev/null >/dev/null
}
said() { awk '/^-- [0-9]+$/ { print prev; exit } { if ($0 != "") prev = $0 }' \
    "$TMPD/$1.out"; }
rows() { pb figures 3.13.3 --format tsv | cut -f1-5; }
T='	'
check "import the seed" pb import "$SEED" >/dev/null 2>&1

# 3.13.3 (a ratio): August's figures, then corrected.
printf '%s\n' / "type 3.13.3" Enter F "type 08/2023" Enter "type 40" \
    Enter "type 50" Enter dump q > "$TMPD/add.keys"
board add
expect_eq "F: says what it recorded" \
	"3.13.3: figures for 08/2023 recorded: 40/50" "$(said add)"
expect_eq "F: recorded" "2023-08${T}2023-08${T}40${T}50${T}0" "$(rows)"
printf '%s\n' / "type 3.13.3" Enter F "type 2023-08" Enter "type 45" \
    Enter "type 50" Enter dump q > "$TMPD/fix.keys"
board fix
expect_eq "F again: corrected" \
	"3.13.3: figures for 08/2023 corrected: 45/50" "$(said fix)"
expect_eq "F again: one row" "2023-08${T}2023-08${T}45${T}50${T}0" "$(rows)"

# Refused, or cancelled: nothing written.
was=$(sqlite3 "$DB" "SELECT count(*) FROM figure; SELECT count(*) FROM history")
printf '%s\n' / "type 3.5.2" Enter F dump q > "$TMPD/doc.keys"
board doc
expect_eq "F on a criterion scored by documents: refused" \
	"3.5.2 is scored by documents, not by figures" "$(said doc)"
printf '%s\n' / "type 3.13.3" Enter F "type 13/2023" Enter "type 1" \
    Enter "type 2" Enter dump q > "$TMPD/month.keys"
board month
expect_eq "F with a bad month: refused" "Invalid month: 13/2023 (MM/YYYY)" \
	"$(said month)"
printf '%s\n' / "type 3.13.3" Enter F "type 03/2023" Enter "type 1" \
    Enter "type 2" Enter dump q > "$TMPD/half.keys"
board half
expect_match "F in the appraised half: the core's reason" \
	'03/2023 is in the appraised months' "$(said half)"
printf '%s\n' / "type 3.13.3" Enter F "type 09/2023" Enter Esc dump q \
    > "$TMPD/esc.keys"
board esc
expect_eq "F, Esc: cancelled" "Cancelled" "$(said esc)"
expect_eq "refused or cancelled: nothing written" "$was" \
	"$(sqlite3 "$DB" "SELECT count(*) FROM figure; SELECT count(*) FROM history")"

finish
