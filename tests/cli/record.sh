# SPDX-License-Identifier: ISC
# record: the meeting record (biên bản, issue 21): minutes --record keeps
# the sitting's place, secretary, attendance, start and end and number
# with the meeting; names as configured where they match; a bad time is
# a usage error that writes nothing; a second --record the same day
# changes only the fields it gives.
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

finish
