#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/tui/register.sh: issue 8 on the board, headless — the marks of
# cards changed since the last meeting and the header's count, `c` and its
# net changes, `+`/`-` on a monthly target rolling over at the month's
# end, the evidence form, the question before done without a document,
# the task view's documents and periods.
. "$SRCDIR/tests/lib.sh"
use_test_hooks
export LANGUAGE=en

at() { d=$1; shift; "$PARBOARD" -d "$DB" --today "$d" "$@"; }
# board NAME DATE: the key script on standard input (kept as
# $TMPD/NAME.keys) at 250x30 on that day (every column on the screen, so
# the digits reach them all).
board() {
	cat > "$TMPD/$1.keys"
	PARBOARD_KEYS="$TMPD/$1.keys" PARBOARD_DUMP="$TMPD/$1.out" \
	    TERM=xterm COLUMNS=250 LINES=30 \
	    "$PARBOARD" -d "$DB" --today "$2" 2>"$TMPD/$1.err" </dev/null >/dev/null
}
screen() {
	awk -v n="$2" 'BEGIN { k = 1 } /^-- [0-9]+$/ { k++; next } k == n' \
	    "$TMPD/$1.out"
}
at 2023-09-13 import "$SEED" "$DIRECTIVES" >/dev/null 2>&1 || fail "import"

# No meeting yet: changes of the seven days before are marked.
at 2023-09-14 set 1.7/CA doing --note "Đã gửi giấy mời" >/dev/null
printf 'dump\nc\ndump\nq\n' | board marks 2023-09-15
s=$(screen marks 1)
expect_match "a changed card is marked * after its code" '> 1\.7 \* ' "$s"
expect_match "the header counts the changed cards" 'Done 0/31 · \*1' "$s"
s=$(screen marks 2)
expect_match "c: the window" '^ Changes since 2023-09-08' "$s"
expect_match "c: when, who, role, what" \
	"2023-09-14 · $(id -un) · CA · 1\\.7: To do → In progress; 1 note" "$s"

# A recorded meeting clears the marks; the next change is marked again.
at 2023-09-20 minutes --record >/dev/null
printf 'dump\nq\n' | board cleared 2023-09-21
s=$(screen cleared 1)
if printf '%s\n' "$s" | grep -q ' \* '; then fail "after the meeting no card is marked"; else pass "after the meeting no card is marked"; fi
expect_match "after the meeting the header counts none" 'Done 0/31$' "$s"

# + on the radio's monthly target (DTT, column 6), twice in September.
board tick 2023-09-22 <<'EOF2'
6
+
type Bài 1
Enter
+
Enter
dump
Enter
dump
q
EOF2
s=$(screen tick 1)
expect_match "+ counts this month's occurrences on the card" '09/2023: 2/3 bài' "$s"
expect_match "the first occurrence moves to do to in progress" '> 1\.4\.2 \*' "$s"
s=$(screen tick 2)
expect_match "task view: the periods" '09/2023: 2/3 bài' "$s"
expect_eq "two occurrences stored" 2 "$(sqlite3 "$DB" 'SELECT count(*) FROM tick WHERE removed = 0')"

# The month rolls over: September ended below target; - retracts.
board roll 2023-10-02 <<'EOF2'
6
dump
+
Enter
-
dump
-
dump
Enter
dump
q
EOF2
s=$(screen roll 1)
expect_match "the card says which month fell short" '09/2023: 2/3 bài' "$s"
expect_match "+ then - keeps September short" '09/2023: 2/3 bài' "$(screen roll 2)"
expect_eq "- retracts the latest of this month" 0 "$(sqlite3 "$DB" \
    "SELECT count(*) FROM tick WHERE removed = 0 AND day >= '2023-10-01'")"
expect_match "- with nothing this month says so" 'No occurrence in the current period' "$(screen roll 3)"
s=$(screen roll 4)
expect_match "task view: September below target" '09/2023: 2/3 bài — below target' "$s"
expect_match "task view: October" '10/2023: 0/3 bài' "$s"

# + on a task that counts nothing: said at once, as tick says it, and
# no note asked.
printf '1\n+\ndump\nq\n' | board notarget 2023-10-03
expect_match "+ without a counted target: says so" 'This task has no counted target' "$(screen notarget 1)"

# Done without the proof asks for an explanation (issue 18): Esc
# keeps it, an explanation marks it done and is kept.
printf '1\ns\ns\ndump\nEsc\ndump\nq\n' | board refuse 2023-10-03
expect_match "done without proof: the prompt names what is missing" 'Explanation \(3\.5\.2: missing .*\):' "$(screen refuse 1)"
expect_match "done without proof: Esc refuses" 'Not marked done: add the documents with e, or give an explanation' "$(screen refuse 2)"
expect_eq "still in progress" doing "$(at 2023-10-03 list --format tsv | awk -F'\t' '$2 == "3.5.2" && $8 == "appendix" { print $5 }')"
printf '1\ns\ntype Đơn vị chưa gửi báo cáo\nEnter\ndump\nEnter\ndump\nq\n' | board accept 2023-10-03
expect_eq "an explanation marks it done" done "$(at 2023-10-03 list --format tsv | awk -F'\t' '$2 == "3.5.2" && $8 == "appendix" { print $5 }')"
expect_match "the task view prints the giải trình" \
	'Explanation: Đơn vị chưa gửi báo cáo' "$(screen accept 2)"
expect_match "the task view: the item still open" \
	'1\. tài liệu kiểm chứng: not yet provided' "$(screen accept 2)"
expect_eq "the board keeps the explanation with the change" \
	"Đơn vị chưa gửi báo cáo" "$(sqlite3 "$DB" "SELECT explain FROM history WHERE kind = 'status' AND new = 'done' ORDER BY id DESC LIMIT 1")"
expect_match "a done card not proved shows its proof state" ' Docs 0/1' "$(screen accept 1)"

# The evidence form, then the task view lists the document.
board form 2023-10-04 <<'EOF2'
1
e
type 158/BC-UBND
Enter
Enter
type UBND xã
Enter
type Báo cáo khắc phục
Enter
n
type https://example.org/158.pdf
Enter
dump
Enter
dump
q
EOF2
expect_match "the form: added" 'Document added' "$(screen form 1)"
expect_eq "the form: every field, today's date offered" \
	"158/BC-UBND	2023-10-04	UBND xã	Báo cáo khắc phục	0	https://example.org/158.pdf	0" \
	"$(at 2023-10-04 evidence list --format tsv | tail -n 1 | cut -f5-11)"
s=$(screen form 2)
expect_match "task view: the documents" '#1 158/BC-UBND, 2023-10-04, UBND xã: Báo cáo khắc phục' "$s"
# ... and the criterion's proof: its one item filled by that document.
expect_match "task view: the required item and the document filling it" \
	'1\. tài liệu kiểm chứng: 158/BC-UBND, 2023-10-04' "$s"
printf 'e\nEsc\ndump\nq\n' | board cancel 2023-10-04
expect_match "Esc cancels the form" 'Cancelled' "$(screen cancel 1)"

finish
