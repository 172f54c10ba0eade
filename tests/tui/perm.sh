#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/tui/perm.sh: who may change what, on the board (headless): a
# refused key leaves a message and the card untouched; on a shared login
# the board asks who is at the keyboard, and --view asks no one.
. "$SRCDIR/tests/lib.sh"
use_test_hooks

me=$(id -un)
# board NAME CONF [ARGS...] < answers: the board under a configuration,
# the key script $TMPD/NAME.keys; screens in $TMPD/NAME.out.
board() {
	_name=$1 _conf=$2
	shift 2
	PARBOARD_KEYS="$TMPD/$_name.keys" PARBOARD_DUMP="$TMPD/$_name.out" \
	    TERM=xterm COLUMNS=100 LINES=30 \
	    pb -c "$TMPD/$_conf.conf" "$@" 2>"$TMPD/$_name.err" >"$TMPD/$_name.stdout"
}
keys() { cat > "$TMPD/$1.keys"; }
status_of() { pb list --format tsv | awk -F'\t' -v c="$1" -v r="$2" '$2 == c && $3 == r && $8 == "appendix" { print $5 }'; }
due_of() { pb list --format tsv | awk -F'\t' -v c="$1" -v r="$2" '$2 == c && $3 == r && $8 == "appendix" { print $6 }'; }
dumps() { cat "$TMPD/$1.out"; }

check "import the seed" pb import "$SEED" >/dev/null 2>&1
first=$(pb list --role VP-TK --format tsv | awk -F'\t' 'NR == 2 { print $2 }')

printf 'users = { %s = ["CA"]; };\n' "$me" > "$TMPD/ca.conf"
printf 'users = { lan = ["CA"]; };\nshared_accounts = ["%s"];\npeople = ( { name = "Lan"; roles = ["VP-TK"]; }, { name = "Hùng"; roles = ["CA"]; } );\n' "$me" > "$TMPD/shared.conf"

# The first column is VP-TK; a CA account may only note there.
keys refused <<'K'
s
dump
D
dump
m
dump
a
dump
n
type họp ngày 12
Enter
dump
q
K
board refused ca </dev/null; expect_eq "refused keys: the board runs" 0 "$?"
expect_match "status refused with a message" "$me may not change the status of a VP-TK task" "$(dumps refused)"
expect_match "due date refused" "$me may not change due dates" "$(dumps refused)"
expect_match "reassignment refused" "$me may not move a task to another role" "$(dumps refused)"
expect_match "adding to another role's column refused" "$me may not add a task to column VP-TK" "$(dumps refused)"
expect_eq "the card untouched: status" todo "$(status_of "$first" VP-TK)"
expect_eq "the card untouched: due date" 2023-10-31 "$(due_of "$first" VP-TK)"
expect_eq "a note is everyone's" 1 "$(sqlite3 "$DB" "SELECT count(*) FROM history WHERE kind = 'note' AND user = '$me'")"

# A shared login: the board asks once; Lan's roles apply.
keys shared <<'K'
s
dump
q
K
printf 'Lan\n' | board shared shared; expect_eq "shared login: the board runs" 0 "$?"
expect_match "shared login: the board asked" "Who is at the keyboard" "$(cat "$TMPD/shared.stdout")"
expect_eq "shared login: Lan's change made" doing "$(status_of "$first" VP-TK)"
expect_eq "shared login: the history names both" "$me (Lan)" \
	"$(sqlite3 "$DB" "SELECT user FROM history WHERE kind = 'status' ORDER BY id DESC LIMIT 1")"
printf '2\n' | board shared shared
expect_match "shared login: Hùng (CA) is refused on VP-TK" "$me \(Hùng\) may not change the status" "$(dumps shared)"
expect_eq "shared login: card untouched" doing "$(status_of "$first" VP-TK)"
board shared shared </dev/null; rc=$?
expect_eq "shared login, nobody named: exit 1" 1 "$rc"
expect_match "... says so" "nobody chosen" "$(cat "$TMPD/shared.err")"
keys view <<'K'
dump
q
K
board view shared --view </dev/null; expect_eq "--view asks no one" 0 "$?"
expect_eq "--view: no question" "" "$(cat "$TMPD/view.stdout")"

finish
