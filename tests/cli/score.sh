#!/bin/sh
# SPDX-License-Identifier: ISC
# score: the three numbers of issue 19 in every output (scoreview.h) —
# the board's header, report (text, csv, Vietnamese), report --evidence,
# list --format json — on the seed: appraised 69,82, now 69,82, reachable
# 78,41, 3.11.1 and 1.5.1 lost; a done task wins nothing by itself, a
# proved document criterion and recorded figures move "now".
. "$SRCDIR/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 missing"
command -v sqlite3 >/dev/null || skip "sqlite3 missing"
use_test_hooks

pb import "$SEED" "$DIRECTIVES" >/dev/null 2>&1 || fail "import"

# json NUMBERS: "code appraised now reachable" of each code's first task,
# one line each, then the line of a task without a code.
json() {
	pb list --format json | python3 -c '
import json, sys
seen = set()
for t in json.load(sys.stdin):
    c = t["code"]
    if c in seen:
        continue
    seen.add(c)
    print(c, t["appraised"], t["now"], t["reachable"])'
}
# board NAME SIZE: the board on the key script $TMPD/NAME.keys in
# Vietnamese; the second line of each dump, one a line.
board() {
	LANGUAGE=vi PARBOARD_KEYS="$TMPD/$1.keys" PARBOARD_DUMP="$TMPD/$1.out" \
	    TERM=xterm COLUMNS=${2%x*} LINES=${2#*x} pb </dev/null \
	    >/dev/null 2>"$TMPD/$1.err"
}
# header NAME [N]: the second line of the Nth dump (1 by default).
header() {
	awk -v n="${2:-1}" '/^-- [0-9]+$/ { d++; k = 0; next }
	    ++k == 2 && d + 1 == n' "$TMPD/$1.out"
}

# --- report -----------------------------------------------------------
rep=$(pb report)
expect_match "report: appraised" '^Appraised score: 69\.82$' "$rep"
expect_match "report: now" '^Score now: 69\.82$' "$rep"
expect_match "report: reachable on the appraised criteria, with its note" \
	'^Reachable this year on the appraised criteria: 78\.41 \(the criteria not appraised at mid-year are not in it\)$' "$rep"
expect_match "report: the criteria lost, with their points" \
	'^Cannot be won back this year: 1\.5\.1 \(1\.00\), 3\.11\.1 \(1\.00\) — an explanation is needed$' "$rep"
expect_match "report: where the effort pays, the most first, the assumed last" \
	'^Still to win, the most first: 1\.5\.4 \(\+1\.50\), 1\.4\.2 \(\+1\.00\), 1\.7 \(\+1\.00\), 3\.5\.2 \(\+1\.00\), 1\.1\.3 \(\+0\.60\), 1\.4\.1 \(\+0\.50\), 1\.5\.3 \(\+0\.50\), 3\.13\.2 \(\+0\.31\), 3\.13\.3 \(\+0\.18\), 3\.12\.1 \(\+1\.00\?\), 3\.12\.2 \(\+1\.00\?\)$' \
	"$rep"
expect_match "report: 3.12.x assumed" \
	'^Assumed: the appraised figures of 2 criteria are unknown' "$rep"
expect_match "report: every deduction only with its caveat" \
	"^If every deduction were fixed: 80\\.59 \\(not the year's projection" "$rep"
expect_no_match "report: no 'when every task is done'" 'every task is done' "$rep"
expect_match "report: 3.11.1 0/0/0, lost" \
	'^3\.11\.1 +0\.00 +0\.00 +0\.00 +cannot be won back$' "$rep"
expect_eq "report: the criteria in the order of their codes" \
	"1.1.3 1.4.1 1.4.2 1.5.1 1.5.3 1.5.4 1.7 3.5.2 3.11.1 3.12.1 3.12.2 3.13.2 3.13.3" \
	"$(printf '%s\n' "$rep" | sed -n '/^Criterion /,/^$/p' |
	grep -o '^[0-9][0-9.]*' | tr '\n' ' ' | sed 's/ $//')"
c=$(pb criterion 3.11.1)
expect_match "criterion 3.11.1: its numbers" \
	'^Score: Appraised 0\.00 · now 0\.00 · reachable 0\.00$' "$c"
expect_match "criterion 3.11.1: lost" '^  cannot be won back this year' "$c"
expect_match "report: 3.13.3 0.64/0.64/0.82" '^3\.13\.3 +0\.64 +0\.64 +0\.82 *$' "$rep"
expect_match "report: 3.13.2 reachable 1" '^3\.13\.2 +0\.69 +0\.69 +1\.00 *$' "$rep"
expect_match "report: 3.12.1 assumed" '^3\.12\.1 +0\.00 +0\.00 +1\.00 +assumed$' "$rep"

vi=$(LANGUAGE=vi pb report)
expect_match "report (vi): điểm tạm tính" '^Điểm tạm tính: 69,82$' "$vi"
expect_match "report (vi): the table's heading" \
	'^Tiêu chí +Điểm thẩm định +Điểm tạm tính +Tối đa +Ghi chú$' "$vi"
wide=$(printf '%s\n' "$vi" | sed -n '/^Tiêu chí /,/^$/p' | python3 -c '
import sys, unicodedata
print(max(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
    for c in l.rstrip("\n")) for l in sys.stdin))')
expect_eq "report (vi): the criteria's table within 80 columns" yes \
	"$([ "$wide" -le 80 ] && [ "$wide" -gt 40 ] && echo yes || echo "$wide")"

csv=$(pb report --format csv | python3 -c '
import csv, sys
r = list(csv.reader(sys.stdin.buffer.read().decode("utf-8-sig").splitlines()))
print(r[0])
print([x for x in r if x[0] == "3.13.3"][0])')
expect_eq "report csv: the columns and 3.13.3" \
	"['Criterion', 'Appraised', 'Now', 'Reachable', 'Note']
['3.13.3', '0.64', '0.64', '0.82', '']" "$csv"

ev=$(pb report --evidence)
expect_match "report --evidence: 3.13.3's numbers" \
	'^  Appraised 0\.64 · now 0\.64 · reachable 0\.82 \(\+0\.18\)$' "$ev"
expect_match "report --evidence: 3.11.1 lost" \
	'^  Appraised 0\.00 · now 0\.00 · reachable 0\.00 — cannot be won back this year — an explanation is needed$' "$ev"

# --- list --format json -------------------------------------------------
j=$(json)
expect_match "json: 3.11.1 0/0/0" '^3\.11\.1 0\.0 0\.0 0\.0$' "$j"
expect_match "json: 3.13.3 0.64/0.64/0.82" '^3\.13\.3 0\.64 0\.64 0\.82$' "$j"
expect_match "json: 3.13.2 reachable 1" '^3\.13\.2 0\.69 0\.69 1\.0$' "$j"
expect_match "json: a task without a criterion, null" '^None None None None$' "$j"
sum=$(pb list --format json | python3 -c '
import json, sys
d = {}
for t in json.load(sys.stdin):
    if t["code"] is not None and t["appraised"] is not None:
        d[t["code"]] = (t["appraised"], t["now"], t["reachable"])
a = [sum(v[i] for v in d.values()) for i in range(3)]
print("%.2f %.2f %.2f" % tuple(x - a[0] for x in a))')
expect_eq "json: now and reachable add up to the report's gains" \
	"0.00 0.00 8.59" "$sum"

# --- the board's header -------------------------------------------------
printf 'dump\nq\n' > "$TMPD/h.keys"
board h 80x24
h80=$(header h)
expect_eq "header at 80 columns: words, numbers, the lost codes" \
	"Điểm 69,82 · tạm tính 69,82 · tối đa 78,41 · không thể khắc phục: 1.5.1, 3.11.1" \
	"$h80"
board h 200x24
expect_match "header at 200 columns: the gauge and the tasks done too" \
	'^Điểm 69,82 · tạm tính 69,82 · tối đa 78,41 · không thể khắc phục: 1\.5\.1, 3\.11\.1 · ░{10} · Đã hoàn thành 0/31$' \
	"$(header h)"
board h 60x24
expect_eq "header at 60 columns: words dropped, no number cut" \
	"69,82 · tạm tính 69,82 · tối đa 78,41 · mất điểm: 1.5.1 +1" "$(header h)"
for w in 45 30 20 10 3; do
	board h ${w}x24
	expect_eq "header at $w columns: the board runs" 0 "$?"
done

# --- the task view: the kind, the numbers, the year's b/a, lost, assumed --
printf '%s\n' 4 Enter dump Esc Down Enter dump q > "$TMPD/tv.keys"
board tv 80x30
tv=$(cat "$TMPD/tv.out")
expect_match "task view: 3.11.1's kind" '^ Cách chấm điểm: tỷ lệ đạt ngưỡng 0,7$' "$tv"
expect_match "task view: 3.11.1's three numbers" \
	'^ Thẩm định 0,00 · tạm tính 0,00 · tối đa 0,00$' "$tv"
expect_match "task view: 3.11.1's year so far and best case" \
	'^ cả năm đến nay 164/739 = 0,22 · tốt nhất 903/1478 = 0,61$' "$tv"
expect_match "task view: 3.11.1 lost" \
	'^ không thể khắc phục trong năm — cần giải trình$' "$tv"
expect_match "task view: 3.12.1 assumed" \
	'^ \(giả định: chưa biết số liệu thẩm định\)$' "$tv"

# --- 3.11.1 done with a giải trình: nothing changes ------------------------
pb set 3.11.1/TN-TKQ done --explain "Tháng 9 đạt 75%" >/dev/null 2>&1 ||
	fail "3.11.1 done with a giải trình"
expect_eq "3.11.1 is done" done "$(pb list --format tsv |
	awk -F'\t' '$2 == "3.11.1" { print $5 }')"
rep=$(pb report)
expect_match "3.11.1 done: now unchanged" '^Score now: 69\.82$' "$rep"
expect_match "3.11.1 done: reachable unchanged" \
	'^Reachable this year on the appraised criteria: 78\.41 ' "$rep"
expect_match "3.11.1 done: still 0/0/0" '^3\.11\.1 0\.0 0\.0 0\.0$' "$(json)"
board h 80x24
expect_eq "3.11.1 done: the header unchanged" "$h80" "$(header h)"

# --- a document criterion proved by its document: now rises ---------------
# The board is up while another process links the document, then records
# 3.13.3's figures: its header follows both.
printf '%s\n' dump 'wait 1500' dump 'wait 1500' dump q > "$TMPD/live.keys"
board live 80x24 &
live=$!
sleep 0.5
pb evidence add 3.5.2/VP-TK --number 12/QĐ-UBND --date 01/09/2023 \
	>/dev/null 2>&1 || fail "evidence add 3.5.2"
sleep 1.5
fig=$(LANGUAGE=vi pb figures 3.13.3 --from 2023-07 --to 2023-12 --num 500 \
	--den 600 2>&1) || fail "figures 3.13.3"
wait $live
expect_eq "board: before, the seed's header" "$h80" \
	"$(header live 1)"
expect_match "board: a document linked by another raises now" \
	'^Điểm 69,82 · tạm tính 70,82 · tối đa 78,41 ' "$(header live 2)"
expect_match "board: figures recorded by another: now and reachable" \
	'^Điểm 69,82 · tạm tính 70,91 · tối đa 78,32 ' "$(header live 3)"
rep=$(pb report)
expect_match "3.5.2 proved: 0/1/1" '^3\.5\.2 +0\.00 +1\.00 +1\.00 *$' "$rep"
expect_match "3.5.2 proved: backed by evidence" '^Backed by evidence: 1\.00$' "$rep"
# figures 3.13.3 --from 2023-07 --to 2023-12 --num 500 --den 600: the
# year is 908/1237 = 0,73.
expect_match "3.13.3 with the second half's figures: 0.73 now and at best" \
	'^3\.13\.3 +0\.64 +0\.73 +0\.73 *$' "$rep"
expect_match "json: 3.13.3 with figures" '^3\.13\.3 0\.64 0\.73 0\.73$' "$(json)"
expect_match "figures: what the figures give, +0,09" \
	'^Điểm: Thẩm định 0,64 · tạm tính 0,73 \(\+0,09\) · tối đa 0,73 \(\+0,09\)$' \
	"$fig"
expect_match "figures: the year 908/1237" \
	'^  cả năm đến nay 908/1237 = 0,73 · tốt nhất 908/1237 = 0,73$' "$fig"
finish
