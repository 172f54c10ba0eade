# SPDX-License-Identifier: ISC
# html-print: the minutes and the evidence report as HTML, rendered to
# A4 PDF by a real headless browser (Debian's chromium) and read back with
# pdftotext: the figures are on the page, in Vietnamese.
. "$SRCDIR/tests/lib.sh"
command -v chromium >/dev/null 2>&1 || skip "chromium missing (bash .ci/bootstrap check)"
command -v pdftotext >/dev/null 2>&1 || { fail "pdftotext missing (poppler-utils)"; finish; }

export LANGUAGE=vi
at() { d=$1; shift; "$PARBOARD" -d "$DB" --today "$d" "$@"; }
at 2023-09-13 import "$SEED" "$DIRECTIVES" >/dev/null 2>&1 || fail "import"
at 2023-09-14 evidence add 1.5.3/VP-TK --number 158/BC-UBND --date 2023-09-14 \
	--issuer "UBND xã Hiển Thành" --summary "Báo cáo khắc phục" \
	--file "javascript:alert(1)" >/dev/null
at 2023-09-14 set 1.5.3/VP-TK done >/dev/null
at 2023-09-15 set 1.4.1/VH-XH blocked --note "Chờ <kế hoạch> của huyện" >/dev/null
at 2023-09-20 minutes --record --chair "Nguyễn Văn An" \
	--secretary "Trần Thị B" --number 12 --format html >"$TMPD/minutes.html"
at 2023-09-20 report --evidence --format html >"$TMPD/evidence.html"
at 2023-09-20 report --format html >"$TMPD/report.html"

if grep -qiE '<script|(src|href)="(https?|javascript):' "$TMPD"/*.html; then
	fail "html: no script, no remote resource, no javascript: link"
else
	pass "html: no script, no remote resource, no javascript: link"
fi

# render NAME: NAME.html to NAME.pdf to NAME.txt.
render() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
		--user-data-dir="$TMPD/chrome-$1" --no-pdf-header-footer \
		--print-to-pdf="$TMPD/$1.pdf" "file://$TMPD/$1.html" \
		>"$TMPD/$1.log" 2>&1
	test -s "$TMPD/$1.pdf" || { cat "$TMPD/$1.log"; return 1; }
	# One line, single spaces: words a line break split come together.
	pdftotext "$TMPD/$1.pdf" - | tr '\n' ' ' | tr -s ' ' \
		>"$TMPD/$1.txt"
}
check "minutes: chromium prints a PDF" render minutes
check "evidence report: chromium prints a PDF" render evidence
check "report: chromium prints a PDF" render report
txt=$(cat "$TMPD/minutes.txt" 2>/dev/null)
expect_match "PDF: the record's issuing body and number (issue 21)" \
	'ỦY BAN NHÂN DÂN XÃ HIỀN THÀNH Số: 12/BB-UBND' "$txt"
expect_match "PDF: the national title and motto" \
	'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc' "$txt"
expect_match "PDF: the place and date in words, the type and subject" \
	'Hiền Thành, ngày 20 tháng 9 năm 2023 BIÊN BẢN Họp giao ban công tác cải cách hành chính' \
	"$txt"
expect_match "PDF: the signatures, names under THƯ KÝ and CHỦ TRÌ" \
	'THƯ KÝ CHỦ TRÌ Trần Thị B Nguyễn Văn An' "$txt"
expect_match "PDF: the chair" 'Nguyễn Văn An' "$txt"
expect_match "PDF: the date" '20/09/2023' "$txt"
expect_match "PDF: the score now and what documents back" '70,32 \(0,50 có tài liệu\)' "$txt"
expect_match "PDF: the gauge's label" '70,32' "$txt"
expect_match "PDF: the tracker buckets" 'Đã hoàn thành đúng hạn 1' "$txt"
expect_match "PDF: in progress on time, the listed ones counted" \
	'Chưa hoàn thành trong hạn 30 \(0 đang thực hiện, 1 có vướng mắc\)' "$txt"
if printf '%s' "$txt" | grep -q 'không có)'; then
	fail "PDF: no empty heading"; else pass "PDF: no empty heading"; fi
expect_match "PDF: the net change" '1\.5\.3: Chưa thực hiện → Đã hoàn thành' "$txt"
expect_match "PDF: escaped data shown as text" 'Chờ <kế hoạch> của huyện' "$txt"
expect_match "PDF: per-role bars" 'VP-TK 1/6' "$txt"
pages=$(pdfinfo "$TMPD/minutes.pdf" 2>/dev/null | awk '/^Page size/ { print $3 "x" $5 }')
expect_match "PDF: A4 pages" '^59[0-9](\.[0-9]+)?x84[0-9]' "$pages"
txt=$(cat "$TMPD/evidence.txt" 2>/dev/null)
expect_match "evidence PDF: the document" '158/BC-UBND, 14/09/2023, UBND xã Hiển Thành: Báo cáo khắc phục' "$txt"
expect_match "evidence PDF: points deducted" 'Điểm bị trừ: 0,50' "$txt"
txt=$(cat "$TMPD/report.txt" 2>/dev/null)
expect_match "report PDF: computed for" 'Tính đến ngày 20/09/2023' "$txt"
expect_match "report PDF: appraised score" 'Điểm thẩm định: 69,82' "$txt"

finish
