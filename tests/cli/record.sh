# SPDX-License-Identifier: ISC
# record: the meeting record (biên bản, issue 21): minutes --record keeps
# the sitting's place, secretary, attendance, start and end and number
# with the meeting; names as configured where they match; a bad time is
# a usage error that writes nothing; a second --record the same day
# changes only the fields it gives.  The record's form (Decree 30/2020,
# Appendix I) in text and html, Vietnamese and English.
. "$SRCDIR/tests/lib.sh"
command -v sqlite3 >/dev/null || skip "sqlite3 missing"

sed -n '/^#people = (/,/^#);/s/^#//p' "$SRCDIR/share/parboard.conf.in" \
    > "$TMPD/people.conf"
at() { d=$1; shift; "$PARBOARD" -c "$TMPD/people.conf" -d "$DB" \
    --today "$d" "$@"; }
q() { sqlite3 "$DB" "$1"; }
cols='place, secretary, present, absent, start, end_at, number'

at 2023-09-13 import "$SEED" "$DIRECTIVES" >/dev/null 2>&1 || fail "import"

# Bad input: exit 2, nothing written.
for bad in 25:00 14:60 1400 14:0 '14:00x' ''; do
	out=$(at 2023-09-20 minutes --record --start "$bad" 2>&1); rc=$?
	expect_eq "--start '$bad': usage error" 2 "$rc"
done
expect_match "a bad time: says which and why" \
    "^parboard: --end: bad time '9h' \(HH:MM\)$" \
    "$(at 2023-09-20 minutes --record --end 9h 2>&1 | head -n1)"
out=$(at 2023-09-20 minutes --place "Hội trường" 2>&1); rc=$?
expect_eq "--place without --record: usage error" 2 "$rc"
expect_match "--place without --record: says so" \
    '^parboard: minutes: --place needs --record$' "$out"
expect_eq "bad input wrote no meeting" 0 "$(q 'SELECT count(*) FROM meeting')"

# The record: names matched against the configured people.
at 2023-09-20 minutes --record --chair "Nguyễn Văn An" \
    --place "Hội trường UBND xã" --secretary "tran thi b" \
    --present "nguyễn văn a, Lê Văn Cường" --present "Phạm Thị Dung" \
    --absent "Hoàng Văn Em" --start 14:00 --end 9:05 >/dev/null
expect_eq "the attendance is stored with the meeting" \
    "1|Hội trường UBND xã|Trần Thị B|Nguyễn Văn A, Lê Văn Cường, Phạm Thị Dung|Hoàng Văn Em|14:00|09:05|" \
    "$(q "SELECT count(*), $cols FROM meeting")"

# A second --record the same day: only the fields it gives.
at 2023-09-20 minutes --record --end 16:30 --number 12 >/dev/null
expect_eq "a second --record: one meeting, only --end and --number changed" \
    "1|Hội trường UBND xã|Trần Thị B|Nguyễn Văn A, Lê Văn Cường, Phạm Thị Dung|Hoàng Văn Em|14:00|16:30|12" \
    "$(q "SELECT count(*), $cols FROM meeting")"
out=$(at 2023-09-20 minutes --record --start 7:75 2>&1); rc=$?
expect_eq "a bad time on a second --record: usage error" 2 "$rc"
expect_eq "... and the meeting is as it was" "14:00|16:30" \
    "$(q 'SELECT start, end_at FROM meeting')"

# The record's form, reprinted the same day (Vietnamese).
vi=$(LANGUAGE=vi at 2023-09-20 minutes)
expect_eq "the header block: the issuing body, the number" \
    "ỦY BAN NHÂN DÂN
XÃ HIỀN THÀNH
Số: 12/BB-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hiền Thành, ngày 20 tháng 9 năm 2023" "$(printf '%s\n' "$vi" | head -n 6)"
expect_match "the type" '^BIÊN BẢN$' "$vi"
expect_match "the subject" '^Họp giao ban công tác cải cách hành chính$' "$vi"
expect_match "the time in words" \
    '^Thời gian: bắt đầu lúc 14 giờ 00, ngày 20 tháng 9 năm 2023$' "$vi"
expect_match "the place" '^Địa điểm: Hội trường UBND xã$' "$vi"
expect_match "present, as configured" \
    '^Thành phần tham dự: Nguyễn Văn A, Lê Văn Cường, Phạm Thị Dung$' "$vi"
expect_match "absent" '^Vắng: Hoàng Văn Em$' "$vi"
expect_match "the secretary and her title" \
    '^Thư ký: Trần Thị B, Công chức Văn phòng – Thống kê phụ trách HĐND' "$vi"
expect_match "the chair" '^Chủ trì: Nguyễn Văn An$' "$vi"
expect_match "the end" \
    '^Cuộc họp kết thúc lúc 16 giờ 30, ngày 20 tháng 9 năm 2023\.$' "$vi"
expect_eq "the signatures in two columns" \
    "THƯ KÝ                                  CHỦ TRÌ|Trần Thị B                              Nguyễn Văn An" \
    "$(printf '%s\n' "$vi" | grep -v '^$' | tail -n 2 | paste -sd '|')"
if printf '%s\n' "$vi" | grep -qE '[0-9]{4}-[0-9]{2}-[0-9]{2}'; then
	fail "no ISO date in the Vietnamese record"
else
	pass "no ISO date in the Vietnamese record"
fi

# English: the fixed phrases translated, the national title not.
en=$(at 2023-09-20 minutes)
expect_match "en: the national title stays Vietnamese" \
    '^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$' "$en"
expect_match "en: the number" '^No\.: 12/BB-UBND$' "$en"
expect_match "en: the type" '^RECORD$' "$en"
expect_match "en: the time" '^Time: starting at 14:00, 2023-09-20$' "$en"
expect_match "en: the signatures" '^SECRETARY +CHAIR$' "$en"

# html: Decree 30's page, the same blocks.
html=$(LANGUAGE=vi at 2023-09-20 minutes --format html)
expect_match "html: A4 with Decree 30's margins" \
    '@page \{ size: A4; margin: 20mm 15mm 20mm 30mm; \}' "$html"
expect_match "html: a serif face" "font-family: 'Times New Roman', serif" \
    "$html"
expect_match "html: the header block" \
    'ỦY BAN NHÂN DÂN<br><b>XÃ HIỀN THÀNH</b><br>Số: 12/BB-UBND' "$html"
expect_match "html: the signatures" \
    '<td><b>THƯ KÝ</b><br><br><br><br><b>Trần Thị B</b></td><td><b>CHỦ TRÌ</b>' \
    "$html"

# Not a recorded meeting (a week later, no --record): no form, and no
# number line left with its dots.
later=$(LANGUAGE=vi at 2023-09-27 minutes)
expect_no_match "another day without --record: no record's form" \
    'BIÊN BẢN|CỘNG HÒA' "$later"
# A new meeting with nothing given: the number keeps its dots, no
# place, no attendance.
new=$(LANGUAGE=vi at 2023-09-27 minutes --record)
expect_match "no number: the dots left for the clerk" '^Số: ……/BB-UBND$' "$new"
expect_no_match "no place given: none said" '^Địa điểm' "$new"
expect_no_match "no attendance given: none said" '^(Thành phần tham dự|Vắng):' "$new"
expect_match "no start given: the day alone" \
    '^Thời gian: ngày 27 tháng 9 năm 2023$' "$new"

finish
