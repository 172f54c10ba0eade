#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/tui/people.sh: people on the board (headless, issue 20 point 5):
# the search finds a task by its person, the filter keeps one person's
# tasks, `p` names the person, the card and the task view show the
# person and the accountable role of a task for all staff.
. "$SRCDIR/tests/lib.sh"
use_test_hooks
command -v sqlite3 >/dev/null 2>&1 || skip "sqlite3 missing"

people=$(sed -n '/^#people = (/,/^#);/s/^#//p' \
    "$SRCDIR/share/parboard.conf.in")
printf '%s\ncommon = { accountable = "VP-TK"; };\n' "$people" \
    > "$TMPD/people.conf"
board() {
	_name=$1
	PARBOARD_KEYS="$TMPD/$_name.keys" PARBOARD_DUMP="$TMPD/$_name.out" \
	    TERM=xterm COLUMNS=100 LINES=30 \
	    pb -c "$TMPD/people.conf" 2>"$TMPD/$_name.err" </dev/null \
	    >/dev/null
}
keys() { cat > "$TMPD/$1.keys"; }
screen() {
	awk -v n="$2" 'BEGIN { k = 1 } /^-- [0-9]+$/ { k++; next } k == n' \
	    "$TMPD/$1.out"
}
person_of() {
	sqlite3 "$DB" "SELECT coalesce(person, '-') FROM task WHERE code = '$1'
	    AND origin = 'appendix'"
}

check "import the seed" pb -c "$TMPD/people.conf" import "$SEED" \
    >/dev/null 2>&1

# The search: by the person's name, marks and case aside.
keys search <<'K'
/
type tran thi
Enter
dump
Esc
/
type nguyen van a
Enter
dump
q
K
board search; expect_eq "search: the board runs" 0 "$?"
s=$(screen search 1)
expect_match "search by person: one task" 'Search "tran thi": 1 task' "$s"
expect_match "... 3.5.2, whose person she is" '3\.5\.2' "$s"
expect_no_match "... not the other officer's" '1\.1\.3' "$s"
expect_match "the card names the person" '@B' "$s"
s=$(screen search 2)
expect_match "search by the other person: two tasks" \
    'Search "nguyen van a": 2 tasks' "$s"
expect_match "... 1.1.3" '1\.1\.3' "$s"
expect_match "... and 1.5.3" '1\.5\.3' "$s"

# The filter: one person's tasks, picked from the people.
keys filter <<'K'
f
p
2
dump
q
K
board filter
s=$(screen filter 1)
expect_match "filter by person" 'Filter Trần Thị B: 1 task' "$s"
expect_no_match "... leaves the other's out" '1\.1\.3' "$s"

# p: the first VP-TK card (3.5.2) to the CCHC officer; the task view.
keys set <<'K'
p
2
Enter
dump
q
K
board set; expect_eq "p: the board runs" 0 "$?"
expect_eq "p names the person" "Nguyễn Văn A" "$(person_of 3.5.2)"
expect_match "the task view shows the person" 'Person: Nguyễn Văn A' \
    "$(screen set 1)"
expect_eq "a person history row" 1 "$(sqlite3 "$DB" "SELECT count(*) FROM
    history WHERE kind = 'person' AND new = 'Nguyễn Văn A'")"

# The tasks for all staff: their accountable role on the card.
keys chung <<'K'
/
type nhiem vu duoc ubnd huyen
Enter
dump
q
K
board chung
expect_match "a CHUNG card shows its accountable role" '→VP-TK' \
    "$(screen chung 1)"
finish
