# SPDX-License-Identifier: ISC
# criterion: the checklist of evidence each deducted
# criterion gets at import from the council's comment (1.7's three
# documents and its target of 2 in the second half of 2023, 1.5.4's
# Quyết định, the any-document item of 1.5.3 and 3.5.2), set by hand
# (kept by a re-import, written in the history, for the task's role),
# and bad input refused with nothing written.
. "$SRCDIR/tests/lib.sh"
command -v sqlite3 >/dev/null || skip "sqlite3 missing"

pb import "$SEED" "$DIRECTIVES" >/dev/null 2>&1 || fail "import"
hist() { sqlite3 "$DB" "SELECT count(*) FROM history"; }
# The checklist's lines (the rule's line: tests/cli/figures.sh).
tsv() { pb criterion "$1" --format tsv | grep -v '^rule'; }
T='	'

expect_eq "1.7: three documents, 2 in the second half of 2023" \
"item${T}1${T}Kế hoạch tổ chức diễn đàn${T}KH${T}0
item${T}2${T}Giấy mời/thông báo${T}GM,TB${T}0
item${T}3${T}Báo cáo kết quả xử lý các kiến nghị, đề xuất của người dân, doanh nghiệp${T}BC${T}0
target${T}2${T}diễn đàn/đối thoại${T}2023-07-01${T}2023-12-31${T}0" "$(tsv 1.7)"
expect_eq "1.5.4: the Quyết định công nhận sáng kiến" \
"item${T}1${T}Quyết định công nhận sáng kiến của HĐ chấm sáng kiến của cơ sở${T}QĐ${T}0
target${T}0${T}${T}${T}${T}0" "$(tsv 1.5.4)"
any="item${T}1${T}tài liệu kiểm chứng${T}${T}0
target${T}0${T}${T}${T}${T}0"
expect_eq "1.5.3: names no document: any document" "$any" "$(tsv 1.5.3)"
expect_eq "3.5.2: any document" "$any" "$(tsv 3.5.2)"

out=$(pb criterion 1.7); rc=$?
expect_eq "text: exit 0" 0 "$rc"
expect_eq "text: 1.7" "1.7  Đối thoại của Lãnh đạo UBND xã với người dân, doanh nghiệp
Supporting documents required:
  1. Kế hoạch tổ chức diễn đàn  [KH]
  2. Giấy mời/thông báo  [GM/TB]
  3. Báo cáo kết quả xử lý các kiến nghị, đề xuất của người dân, doanh nghiệp  [BC]
Counted target: 2 diễn đàn/đối thoại, from 2023-07-01 to 2023-12-31
Scored as: documents
Score: Appraised 0.00 · now 0.00 · reachable 1.00 (+1.00)" "$out"
expect_match "text: any document" '^  1\. tài liệu kiểm chứng  \[any document\]$' \
	"$(pb criterion 1.5.3)"
vi=$(LANGUAGE=vi pb criterion 1.7)
expect_match "vi: Tài liệu kiểm chứng" '^Tài liệu kiểm chứng cần có:$' "$vi"
expect_match "vi: the target, dates dd/mm/yyyy" \
	'^Chỉ tiêu: 2 diễn đàn/đối thoại, từ ngày 01/07/2023 đến ngày 31/12/2023$' "$vi"
json=$(pb criterion 1.7 --format json)
expect_eq "json: the kinds of item 2" '["GM", "TB"]' \
	"$(printf '%s' "$json" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["items"][1]["kinds"]))' 2>&1)"

# Set by hand: written in the history, kept by a re-import.
out=$(pb criterion 1.5.3 --require "Báo cáo kết quả khắc phục" \
	--require "Kế hoạch/Quyết định" 2>&1); rc=$?
expect_eq "set: exit 0" 0 "$rc"
expect_match "set: shows the new list" '2\. Kế hoạch/Quyết định  \[KH/QĐ\]' "$out"
pb criterion 1.5.3 --count 3 --unit cuộc >/dev/null 2>&1
expect_eq "set: exit 0 for a target" 0 "$?"
mine="item${T}1${T}Báo cáo kết quả khắc phục${T}BC${T}1
item${T}2${T}Kế hoạch/Quyết định${T}KH,QĐ${T}1
target${T}3${T}cuộc${T}${T}${T}1"
expect_eq "set: stored by hand" "$mine" "$(tsv 1.5.3)"
pb import "$SEED" >/dev/null 2>&1 || fail "re-import"
expect_eq "re-import keeps what was set by hand" "$mine" "$(tsv 1.5.3)"
expect_eq "re-import keeps 1.7's derived list" 3 "$(tsv 1.7 | grep -c '^item')"
expect_match "the history shows the change" \
	'1\.5\.3/VP-TK evidence required: tài liệu kiểm chứng → Báo cáo kết quả khắc phục; Kế hoạch/Quyết định$' \
	"$(pb report --since 2023-01-01)"
expect_match "the history shows the target" \
	'evidence required: .* → Báo cáo kết quả khắc phục; Kế hoạch/Quyết định \| 3 cuộc$' \
	"$(pb report --since 2023-01-01)"
pb criterion 1.7 --count 0 >/dev/null 2>&1
expect_eq "--count 0: no target, the unit kept" \
	"target${T}0${T}diễn đàn/đối thoại${T}2023-07-01${T}2023-12-31${T}1" \
	"$(tsv 1.7 | grep '^target')"

# Bad input: a clear message, nothing written.
before=$(hist); was=$(tsv 1.7)
out=$(pb criterion 9.9 2>&1); rc=$?
expect_eq "unknown code: exit 1" 1 "$rc"
expect_match "unknown code: says so" '^parboard: no criterion 9\.9 in plan ' "$out"
out=$(pb criterion 9.9 --require "Báo cáo" 2>&1); rc=$?
expect_eq "set on an unknown code: exit 1" 1 "$rc"
expect_match "set on an unknown code: says so" '^parboard: no criterion 9\.9 in plan ' "$out"
out=$(pb criterion 3.12 --count 1 2>&1); rc=$?
expect_eq "a criterion without a task: exit 1" 1 "$rc"
expect_match "a criterion without a task: says so" 'criterion 3\.12 has no task of its own' "$out"
out=$(pb criterion 1.7 --require "$(printf 'Báo\033[2Jcáo')" 2>&1); rc=$?
expect_eq "a control character: exit 1" 1 "$rc"
expect_match "a control character: says so" '^parboard: --require: control character U\+001B' "$out"
for args in "" "1.7 1.5.3" "1.7 --count x" "1.7 --count -1" "1.7 --unit cuộc" \
    "1.7 --require ''" "1.7 --format csv" "1.7 --require KH --format tsv" \
    "1.7 --note x"; do
	eval "set -- $args"
	pb criterion "$@" >/dev/null 2>&1
	expect_eq "usage error: criterion $args" 2 "$?"
done
expect_eq "bad input wrote no history" "$before" "$(hist)"
expect_eq "bad input left the checklist" "$was" "$(tsv 1.7)"

# Who may: the criterion's task's role (CA for 1.7), not another role.
me=$(id -un)
printf 'users = { %s = ["VP-TK"]; };\n' "$me" > "$TMPD/vptk.conf"
printf 'users = { %s = ["CA"]; };\n' "$me" > "$TMPD/ca.conf"
out=$(pb -c "$TMPD/vptk.conf" criterion 1.7 --require "Biên bản" 2>&1); rc=$?
expect_eq "another role: exit 1" 1 "$rc"
expect_match "another role: says who may" 'may not change the status of a CA task' "$out"
expect_eq "another role: nothing written" "$was" "$(tsv 1.7)"
pb -c "$TMPD/ca.conf" criterion 1.7 --require "Biên bản" >/dev/null 2>&1
expect_eq "the task's role may" "item${T}1${T}Biên bản${T}BB${T}1" \
	"$(tsv 1.7 | grep '^item')"
pb -c "$TMPD/vptk.conf" criterion 1.7 >/dev/null 2>&1
expect_eq "anyone may read it" 0 "$?"

finish
