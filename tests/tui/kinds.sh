#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/tui/kinds.sh: the three kinds of task on the board (issue 20) —
# the radio's monthly target on its card at 80, 100 and 160 columns (the
# month that fell short, late in the header; not late once every month
# is met), a continuing task ("Ongoing · updated N days ago"), D
# changing a schedule through the form (core_schedule, as `parboard
# due`), and `a` asking a due date.
. "$SRCDIR/tests/lib.sh"
use_test_hooks
command -v sqlite3 >/dev/null || skip "sqlite3 missing"

# board NAME COLS [TODAY]: the key script $TMPD/NAME.keys at COLSx24.
board() {
	PARBOARD_KEYS="$TMPD/$1.keys" PARBOARD_DUMP="$TMPD/$1.out" \
	    TERM=xterm COLUMNS=$2 LINES=24 LANGUAGE=${LANG_BOARD:-en} \
	    "$PARBOARD" -d "$DB" --today "${3:-2023-11-02}" \
	    2>"$TMPD/$1.err" </dev/null >/dev/null
}
screen() {
	awk -v n="$2" 'BEGIN { k = 1 } /^-- [0-9]+$/ { k++; next } k == n' \
	    "$TMPD/$1.out"
}
said() { awk '/^-- [0-9]+$/ { print prev; exit } { if ($0 != "") prev = $0 }' \
    "$TMPD/$1.out"; }
at() { d=$1; shift; "$PARBOARD" -d "$DB" --today "$d" "$@"; }
# id TITLE-START: the task whose title starts so.
id() { at 2023-11-02 list --format tsv | awk -F'\t' -v t="$1" \
    'index($9, t) == 1 { print $1 }'; }

at 2023-09-13 import "$SEED" "$DIRECTIVES" >/dev/null 2>&1 || fail "import"
r=$(id "Tăng cường thời lượng")
ongoing=$(id "Mặt trận cần có")
at 2023-09-13 due "$ongoing" ongoing >/dev/null || fail "due ongoing"
for d in 2023-09-14 2023-09-15 2023-09-16 2023-10-05 2023-10-06; do
	at "$d" tick "$r" >/dev/null || fail "tick $d"
done

# 2/3 in October, seen on 02/11/2023: the card says which month fell
# short, at every width, the count before the status word.
for w in 80 100 160; do
	printf '%s\n' 6 dump q > "$TMPD/short$w.keys"
	board short$w $w
	s=$(screen short$w 1)
	expect_match "$w columns: the card shows October's count" \
	    '10/2023: 2/3 bài' "$s"
	expect_match "$w columns: the header counts the radio late" \
	    '[0-9]+ tasks? late' "$(printf '%s\n' "$s" | head -1)"
done
n_late=$(at 2023-11-02 list --overdue --format tsv | grep -c "^$r	")
expect_eq "list --overdue names the radio" 1 "$n_late"
expect_match "minutes: the radio once, with the month" \
    '^    1\.4\.2 \(directive\): Tăng cường thời lượng.* — 10/2023: 2/3 bài, below target$' \
    "$(at 2023-11-02 minutes)"
expect_eq "minutes: the radio listed once" 1 \
    "$(at 2023-11-02 minutes | grep -c '10/2023: 2/3 bài')"
# The continuing task: never late, how long since its last change.
printf '%s\n' / 'type Mặt trận cần có' Enter dump q > "$TMPD/cont.keys"
board cont 100
expect_match "a continuing task: ongoing where the date would be" \
    '^  · +ongoing$' "$(screen cont 1)"
expect_match "a continuing task: how long since its last change" \
    '^To do · updated 50 days ago' "$(screen cont 1)"
LANG_BOARD=vi board cont 160
expect_match "Vietnamese: thường xuyên where the date would be" \
    '^  · +thường xuyên$' "$(screen cont 1)"
expect_match "Vietnamese: cập nhật 50 ngày trước" \
    '^Chưa thực hiện · cập nhật 50 ngày trước' "$(screen cont 1)"
expect_eq "a continuing task is not in list --overdue" 0 \
    "$(at 2023-11-02 list --overdue --format tsv | grep -c "^$ongoing	")"

# The third article of October: no month short, the radio is not late.
at 2023-10-07 tick "$r" >/dev/null
printf '%s\n' 6 dump q > "$TMPD/met80.keys"
board met80 80
s=$(screen met80 1)
late() { printf '%s\n' "$1" | head -1 | sed -n 's/.* \([0-9]*\) tasks\{0,1\} late.*/\1/p'; }
expect_eq "all met: the header counts one task late less" \
    "$(( $(late "$(screen short80 1)") - 1 ))" "$(late "$s")"
expect_match "all met: the current month's count and its end" \
    '11/2023: 0/3 bài, due 11-' "$s"
expect_eq "all met: not in list --overdue" 0 \
    "$(at 2023-11-02 list --overdue --format tsv | grep -c "^$r	")"
if at 2023-11-02 minutes | grep -q 'below target'; then
	fail "all met: the minutes list no month short"
else
	pass "all met: the minutes list no month short"
fi

# D: the schedule form — a bad date said at once and nothing written;
# then ongoing; then a monthly target of 2 to 31/12/2023.
was=$(sqlite3 "$DB" "SELECT count(*) FROM history")
printf '%s\n' 5 D C-u "type 31/02/2023" Enter dump q > "$TMPD/dbad.keys"
board dbad 80
expect_match "D with a bad date: said" 'not a date' "$(said dbad)"
expect_eq "D with a bad date: nothing written" "$was" \
    "$(sqlite3 "$DB" "SELECT count(*) FROM history")"
printf '%s\n' 5 D C-u "type ongoing" Enter Enter dump q > "$TMPD/dgo.keys"
board dgo 80
expect_match "D ongoing: said" '1\.7: due ongoing' "$(said dgo)"
expect_eq "D ongoing: due is NULL" "1" "$(sqlite3 "$DB" \
    "SELECT count(*) FROM task WHERE code = '1.7' AND origin = 'appendix'
     AND due IS NULL AND due_source = 'task'")"
# (1.7 of the appendix, continuing now, is the column's last card.)
printf '%s\n' 5 j D C-u "type 31/12/2023" Enter \
    C-u "type month" Enter \
    C-u "type 2 cuộc" Enter dump q > "$TMPD/dmonth.keys"
board dmonth 80
expect_eq "D a monthly target: stored" "2023-12-31|2 cuộc|month" \
    "$(sqlite3 "$DB" "SELECT due || '|' || target || '|' || every FROM task
     WHERE code = '1.7' AND origin = 'appendix'")"
expect_eq "D: one history row of kind due each" 2 "$(sqlite3 "$DB" \
    "SELECT count(*) FROM history h JOIN task t ON t.id = h.task_id
     WHERE t.code = '1.7' AND t.origin = 'appendix' AND h.kind = 'due'")"

# a: asks a due date, offering today + new_task_days once the deadline
# (31/10/2023) has passed; the date typed is the task's.
printf '%s\n' 5 a "type Việc mới" Enter dump Enter q > "$TMPD/add.keys"
board add 80
expect_match "a asks a due date, offering 30 days from today" \
    'Due date \(YYYY-MM-DD, or ongoing\): 2023-12-02' "$(screen add 1)"
expect_eq "a: the task has the date offered" "2023-12-02|task" \
    "$(sqlite3 "$DB" "SELECT due || '|' || due_source FROM task
     WHERE title = 'Việc mới'")"
printf '%s\n' 5 a "type Việc thường xuyên" Enter C-u "type thường xuyên" \
    Enter q > "$TMPD/add2.keys"
board add2 80
expect_eq "a: thường xuyên makes it continuing" "1" "$(sqlite3 "$DB" \
    "SELECT count(*) FROM task WHERE title = 'Việc thường xuyên'
     AND due IS NULL")"
printf '%s\n' 5 a "type Việc sớm" Enter dump Esc q > "$TMPD/add3.keys"
board add3 80 2023-09-20
expect_match "a before the deadline offers it" \
    'Due date \(YYYY-MM-DD, or ongoing\): 2023-10-31' "$(screen add3 1)"
expect_eq "a, Esc at the date: no task" 0 "$(sqlite3 "$DB" \
    "SELECT count(*) FROM task WHERE title = 'Việc sớm'")"

finish
