# SPDX-License-Identifier: ISC
# plan: the details of the letter read with the whole seed (number,
# date, issuer, subject, signer, grounds, result, rank, period, the
# addressees and recipients, who is reported back to) stored, shown by
# `parboard plan` in English, Vietnamese and json, printed by import
# --dry-run, used as the heading of report, report --evidence and
# minutes; read as well from the Word letter (.docx) but not from a
# workbook; a re-import keeps one row; a bare table leaves them unknown;
# control characters in the letter never reach the terminal raw.
. "$SRCDIR/tests/lib.sh"
command -v sqlite3 >/dev/null || skip "sqlite3 missing"

dry=$(pb import --dry-run "$SEED" 2>/dev/null)
expect_match "dry run: the letter's number" '^Letter No\.: 103/UBND$' "$dry"
check "dry run: nothing written" test ! -e "$DB"

pb import "$SEED" >/dev/null 2>&1 || fail "import"
out=$(pb plan)
expect_match "number" '^Letter No\.: 103/UBND$' "$out"
expect_match "date" '^Dated: 2023-09-06$' "$out"
expect_match "issuer" '^Issued by: Ủy ban nhân dân xã Hiền Thành$' "$out"
expect_match "subject" '^Subject: Về việc khắc phục những tồn tại hạn chế' "$out"
expect_match "signer" '^Signed by: TM\. Ủy ban nhân dân, Chủ tịch, Lê Đức Kiên$' "$out"
expect_match "grounds" '^Grounds: Thông báo số 285/TB-HĐTĐ ngày 08/8/2023 của Hội đồng thẩm định' "$out"
expect_match "result" '^Result: 69\.82$' "$out"
expect_match "rank" '^Rank: 4/18$' "$out"
expect_match "period" '^Appraisal period: 6 tháng đầu năm 2023$' "$out"
expect_match "the letter's deadline (its closing paragraph)" \
	'^Deductions fixed by: 2023-10-31$' "$out"
expect_match "the end of the time it speaks of (its subject)" \
	'^Directives run until: 2023-12-31$' "$out"
expect_match "addressees" '^To: Cán bộ, công chức xã; Bộ phận Tiếp nhận và Trả kết quả cấp xã; Cán bộ phụ trách Đài truyền thanh xã$' "$out"
expect_match "recipients" '^Copies to: UBND huyện Vĩnh Linh; Ban TV Đảng ủy xã;' "$out"
expect_match "reports to" '^Reports to: UBND huyện Vĩnh Linh$' "$out"

vi=$(LANGUAGE=vi pb plan)
expect_match "vi: Số" '^Số: 103/UBND$' "$vi"
expect_match "vi: Ngày" '^Ngày: 06/09/2023$' "$vi"
expect_match "vi: Kết quả" '^Kết quả: 69,82$' "$vi"
expect_match "vi: Kỳ đánh giá" '^Kỳ đánh giá: 6 tháng đầu năm 2023$' "$vi"
expect_match "vi: Báo cáo về" '^Báo cáo về: UBND huyện Vĩnh Linh$' "$vi"

json=$(pb plan --format json)
expect_match "json: date exact" '"date": "2023-09-06"' "$json"
expect_match "json: result" '"result": 69.82,' "$json"
expect_match "json: deadline and until" \
	'"deadline": "2023-10-31",.*"until": "2023-12-31"' "$(printf '%s' "$json" | tr -d '\n')"
expect_match "json: recipient reported to" \
	'\{"name": "UBND huyện Vĩnh Linh", "report": true\}' "$json"
if command -v python3 >/dev/null; then
	check "json: parses" python3 -c 'import json,sys; json.load(sys.stdin)' \
		<<<"$json"
fi

expect_match "report: the letter as heading" \
	'^Implementing letter No\. 103/UBND of 06/09/2023 of UBND xã Hiền Thành: Về việc khắc phục' \
	"$(pb report | head -1)"
expect_match "report (vi): the letter as heading" \
	'^Thực hiện Văn bản số 103/UBND ngày 06/9/2023 của UBND xã Hiền Thành: Về việc' \
	"$(LANGUAGE=vi pb report | head -1)"
expect_match "report --evidence: the letter as heading" \
	'^Evidence report: Implementing letter No\. 103/UBND of 06/09/2023' \
	"$(pb report --evidence | head -1)"
expect_match "minutes: the letter as the plan" \
	'^Plan: Implementing letter No\. 103/UBND of 06/09/2023' "$(pb minutes)"

pb import "$SEED" >/dev/null 2>&1 || fail "re-import"
expect_eq "re-import: one row" 1 "$(sqlite3 "$DB" 'SELECT count(*) FROM plan_letter')"
expect_eq "re-import: the lists not doubled" 8 \
	"$(sqlite3 "$DB" 'SELECT count(*) FROM plan_letter_name')"

# A bare table (TSV) is no letter.
grep "$(printf '\t')" "$SEED" >"$TMPD/table.tsv"
DB="$TMPD/table.db"
pb import --plan "Bảng" "$TMPD/table.tsv" >/dev/null 2>&1 || fail "import tsv"
out=$(pb plan)
expect_match "table: details unknown" 'not known' "$out"
expect_eq "table: no row" 0 "$(sqlite3 "$DB" 'SELECT count(*) FROM plan_letter')"
expect_match "table: the plan's name as heading" '^Bảng$' \
	"$(pb report | head -1)"
expect_match "table: json null" '"letter": null' "$(pb plan --format json)"

# Control characters in the letter reach the terminal as placeholders.
DB="$TMPD/hostile.db"
sed "s/^Về việc khắc phục/Về việc $(printf '\033')]0;pwn$(printf '\007')khắc phục/" \
	"$SEED" >"$TMPD/hostile.txt"
pb import "$TMPD/hostile.txt" >/dev/null 2>&1 || fail "import hostile"
for cmd in "plan" "report" "minutes" "report --evidence"; do
	# shellcheck disable=SC2086
	out=$(pb $cmd)
	check "$cmd: no raw escape" eval '! printf "%s" "$out" | grep -q "$(printf "\033")"'
	expect_match "$cmd: the escape shown" '\^\[\]0;pwn\^G' "$out"
done
dry=$(pb import --dry-run "$TMPD/hostile.txt" 2>&1)
check "dry run: no raw escape" eval '! printf "%s" "$dry" | grep -q "$(printf "\033")"'

# The same letter read from Word: the heading and signature in layout
# tables or paragraphs, the lists' first items without a dash.
DB="$TMPD/test.db"
txt=$(pb plan --format json)
DB="$TMPD/docx.db"
pb import "$SRCDIR/share/samples/hien-thanh-103-2023.docx" >/dev/null 2>&1 ||
	fail "import docx"
json=$(pb plan --format json)
expect_match "docx: number" '"number": "103/UBND",' "$json"
expect_match "docx: date" '"date": "2023-09-06",' "$json"
expect_match "docx: signer" '"signer": "Lê Đức Kiên",' "$json"
expect_match "docx: result" '"result": 69.82,' "$json"
expect_match "docx: rank" '"rank": "4/18",' "$json"
expect_match "docx: reported to" \
	'\{"name": "UBND huyện Vĩnh Linh", "report": true\}' "$json"
expect_eq "docx: the same details as the text" "$txt" "$json"
DB="$TMPD/xlsx.db"
pb import "$SRCDIR/tests/data/seed.xlsx" >/dev/null 2>&1 || fail "import xlsx"
expect_match "xlsx: no letter" '"letter": null' "$(pb plan --format json)"

expect_eq "plan: an argument is a usage error" 2 \
	"$(pb plan extra >/dev/null 2>&1; echo $?)"
expect_eq "plan: tsv is a usage error" 2 \
	"$(pb plan --format tsv >/dev/null 2>&1; echo $?)"
finish
