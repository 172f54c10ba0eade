# SPDX-License-Identifier: ISC
# proof: "done" means proved (issue 18, points 3 and 4) on the seed —
# 1.7 needs a Kế hoạch, a Giấy mời/thông báo and a Báo cáo, and 2
# dialogues in the second half of 2023; set done is refused naming what
# is missing and writes nothing; --explain keeps a giải trình that
# report --evidence prints; --no-evidence alone is a usage error; the
# score's "backed by evidence" counts a proved criterion only.
. "$SRCDIR/tests/lib.sh"
export LANGUAGE=en
pbo() { "$PARBOARD" -d "$DB" --today 2023-10-13 "$@"; }
status_of() {
	pbo list --format tsv | awk -F'\t' -v c="$1" -v r="$2" \
	    '$2 == c && $3 == r && $8 == "appendix" { print $5 }'
}
pbo import "$SEED" "$DIRECTIVES" >/dev/null 2>&1 || fail "import"
# The directive tasks of 1.7: task 30 (CA, "một cuộc") and 25 (TP-HT).
dlg=$(pbo list --format tsv | awk -F'\t' '$2 == "1.7" && $3 == "CA" && $8 == "directive" { print $1 }')

# 12/BB-UBND linked to the appendix task and the dialogue, one dialogue.
pbo evidence add 1.7/CA --number 12/BB-UBND --date 29/09/2023 \
	--summary "Biên bản đối thoại" >/dev/null || fail "evidence add"
pbo evidence link 12/BB-UBND "$dlg" >/dev/null || fail "evidence link"
pbo tick "$dlg" --date 29/09/2023 >/dev/null || fail "tick"
before=$(sqlite3 "$DB" 'SELECT count(*) FROM history')
out=$(pbo set 1.7/CA done 2>&1); rc=$?
expect_eq "not proved: exit 1" 1 "$rc"
expect_match "not proved: the three missing items and 1/2" \
	'1\.7: missing Kế hoạch tổ chức diễn đàn, Giấy mời/thông báo, Báo cáo kết quả xử lý các kiến nghị, đề xuất của người dân, doanh nghiệp; 1/2 diễn đàn/đối thoại held' "$out"
expect_match "not proved: says --explain" 'give an explanation with --explain' "$out"
expect_eq "not proved: nothing written" "$before" \
	"$(sqlite3 "$DB" 'SELECT count(*) FROM history')"
expect_eq "not proved: still to do" todo "$(status_of 1.7 CA)"
vi=$(LANGUAGE=vi pbo set 1.7/CA done 2>&1)
expect_match "in Vietnamese: còn thiếu …; đã thực hiện 1/2" \
	'1\.7: còn thiếu Kế hoạch tổ chức diễn đàn, Giấy mời/thông báo, Báo cáo kết quả .*; đã thực hiện 1/2 diễn đàn/đối thoại' "$vi"
# The directive's own task is refused too: its criterion is not proved.
out=$(pbo set "$dlg" done 2>&1); rc=$?
expect_eq "the directive task of a criterion not proved: exit 1" 1 "$rc"

# A counted task is not done below its own target, its criterion proved
# or not: the radio's "3 bài" a month (1.4.2, any document).
pbo evidence add 1.4.2/VH-XH --number 3/KH-UBND --date 01/10/2023 >/dev/null
out=$(pbo set 1.4.2/DTT done 2>&1); rc=$?
expect_eq "a counted task below its target: exit 1" 1 "$rc"
expect_match "a counted task below its target: says 0/3" 'this task: 0/3 bài' "$out"
for d in 02 03 04; do pbo tick 1.4.2/DTT --date $d/10/2023 >/dev/null; done
pbo set 1.4.2/DTT done >/dev/null 2>&1
expect_eq "a counted task at its target, criterion proved: exit 0" 0 "$?"
# --explain goes with done only.
out=$(pbo set 1.7/CA doing --explain "x" 2>&1); rc=$?
expect_eq "--explain without done: exit 2" 2 "$rc"

# --no-evidence alone: a usage error naming the giải trình.
out=$(pbo set 1.7/CA done --no-evidence 2>&1); rc=$?
expect_eq "--no-evidence alone: exit 2" 2 "$rc"
expect_match "--no-evidence alone: says an explanation is needed" \
	'needs an explanation: --explain' "$out"
# --explain follows the stored-text rule: no control character, no line
# break; nothing written.
out=$(pbo set 1.7/CA done --explain "$(printf 'a\033[2Jb')" 2>&1); rc=$?
expect_eq "--explain with a control character: exit 1" 1 "$rc"
expect_match "--explain with a control character: says so" \
	'--explain: control character U\+001B' "$out"
out=$(pbo set 1.7/CA done --explain "$(printf 'a\nb')" 2>&1); rc=$?
expect_eq "--explain with a line feed: exit 1" 1 "$rc"
expect_eq "--explain refused: still to do" todo "$(status_of 1.7 CA)"

# The documents that fill the items and a second dialogue: proved.
pbo evidence add 1.7/CA --number 05/KH-UBND --date 01/09/2023 \
	--summary "Kế hoạch tổ chức diễn đàn" >/dev/null
pbo evidence add 1.7/CA --number 07/TB-UBND --date 20/09/2023 >/dev/null
pbo evidence add 1.7/CA --number 20/BC-UBND --date 05/10/2023 \
	--signed >/dev/null
out=$(pbo set 1.7/CA done 2>&1); rc=$?
expect_eq "items filled, 1/2 dialogues: exit 1" 1 "$rc"
expect_match "items filled: only the count" '1\.7: 1/2 diễn đàn/đối thoại held' "$out"
tp=$(pbo list --format tsv | awk -F'\t' '$2 == "1.7" && $3 == "TP-HT" { print $1 }')
pbo tick "$tp" --date 10/10/2023 >/dev/null || fail "second tick"
pbo set 1.7/CA done >/dev/null 2>&1; rc=$?
expect_eq "proved: exit 0" 0 "$rc"
expect_eq "proved: done" done "$(status_of 1.7 CA)"

# In Vietnamese the report's dates are dd/mm/yyyy.
rep=$(LANGUAGE=vi pbo report --evidence)
expect_match "report in Vietnamese: the target's period" \
	'Chỉ tiêu: 2/2 diễn đàn/đối thoại \(từ 01/07/2023 đến 31/12/2023\)' "$rep"
# report --evidence: required items with their documents, the target.
rep=$(pbo report --evidence)
expect_match "report: the required items, all there" 'Required documents \(all there\):' "$rep"
expect_match "report: an item with its document (number, date, summary)" \
	'1\. Kế hoạch tổ chức diễn đàn: 05/KH-UBND, 2023-09-01: Kế hoạch tổ chức diễn đàn' "$rep"
expect_match "report: a signed document says so" \
	'3\. Báo cáo kết quả .*: 20/BC-UBND, 2023-10-05 \(digitally signed\)' "$rep"
expect_match "report: the counted target" \
	'Counted target: 2/2 diễn đàn/đối thoại \(2023-07-01 to 2023-12-31\)' "$rep"

# A giải trình: kept with the change, printed by report --evidence in
# every format.
out=$(pbo set 1.5.4/CHUNG done --explain "Hội đồng chưa họp chấm sáng kiến" 2>&1); rc=$?
expect_eq "--explain: exit 0" 0 "$rc"
expect_eq "--explain: kept on the status row" "Hội đồng chưa họp chấm sáng kiến" \
	"$(sqlite3 "$DB" "SELECT explain FROM history WHERE kind = 'status' ORDER BY id DESC LIMIT 1")"
rep=$(pbo report --evidence)
expect_match "report: 1.5.4's open item" \
	'1\. Quyết định công nhận sáng kiến.*: not yet provided' "$rep"
expect_match "report: the giải trình" \
	'Explanation: Hội đồng chưa họp chấm sáng kiến' "$rep"
expect_match "report: done but not proved is flagged" '! Done, but no document proves it' "$rep"
md=$(pbo report --evidence --format markdown)
expect_match "markdown: the giải trình" '^- Explanation: Hội đồng chưa họp chấm sáng kiến$' "$md"
html=$(pbo report --evidence --format html)
expect_match "html: the giải trình" '<li>Explanation: Hội đồng chưa họp chấm sáng kiến</li>' "$html"
csv=$(pbo report --evidence --format csv | python3 -c '
import csv, sys
r = list(csv.reader(sys.stdin.buffer.read().decode("utf-8-sig").splitlines()))
h = r[0]
row = [x for x in r if x[0] == "1.5.4"][0]
print(h[-6:], row[h.index("Explanation")], row[h.index("Open items")][:10],
    row[h.index("Appraised")], row[h.index("Now")], row[h.index("Reachable")])')
expect_eq "csv: open items, target, giải trình, the three numbers" \
	"['Open items', 'Counted target', 'Explanation', 'Appraised', 'Now', 'Reachable'] Hội đồng chưa họp chấm sáng kiến Quyết định 0.50 0.50 2.00" "$csv"

# The score now counts 1.7 and 1.4.2 (proved above: documents, the
# counted target) but not 1.5.4 (explained, not proved): done tasks
# alone win nothing back.
pbo set "$dlg" done >/dev/null 2>&1 || fail "the dialogue task, proved"
pbo set "$tp" done >/dev/null 2>&1 || fail "the TP-HT dialogue, proved"
pbo set 1.5.4/MTTQ done --explain "Chưa có sáng kiến" >/dev/null 2>&1 ||
	fail "1.5.4's directive task, explained"
rep=$(pbo report)
expect_match "now: 1.7's and 1.4.2's points, not 1.5.4's" \
	'^Score now: 71\.82$' "$rep"
expect_match "1.5.4 explained: nothing won back" \
	'^1\.5\.4 +0\.50 +0\.50 +2\.00 *$' "$rep"
expect_match "backed by evidence: 1.7's and 1.4.2's points" \
	'^Backed by evidence: 2\.00$' "$rep"
finish
