# SPDX-License-Identifier: ISC
# minutes: the weekly meeting's minutes on the seed after a scripted
# fortnight (--today moved forward), field by field; --record and the
# window since the last meeting; done late against the due date in force
# when done; a monthly target rolling over at the month's end.
. "$SRCDIR/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 missing"
command -v sqlite3 >/dev/null || skip "sqlite3 missing"

me=$(id -un)
at() { d=$1; shift; "$PARBOARD" -d "$DB" --today "$d" "$@"; }
# section ROLE TITLE TEXT: the lines under one heading of one role.
section() {
	printf '%s\n' "$3" | awk -v role="$1" -v head="  $2" '
		$0 ~ "^" role " — " { inrole = 1; next }
		/^[^ ]/ { inrole = 0; on = 0 }
		inrole && $0 == head { on = 1; next }
		inrole && /^  [^ ]/ { on = 0 }
		on && NF { sub(/^    /, ""); print }'
}

# body: the minutes without a record's form (record.sh) and without
# the chair, which the form says in its own words.
body() {
	printf '%s\n' "$1" | sed -n '/^Plan: /,$p' | sed '/^SECRETARY /,$d' |
	    grep -v '^Chair: '
}

at 2023-09-13 import "$SEED" "$DIRECTIVES" >/dev/null 2>&1 || fail "import"

# Week 1.
at 2023-09-14 set 1.5.3/VP-TK doing >/dev/null
at 2023-09-14 evidence add 1.5.3/VP-TK --number 158/BC-UBND --date 2023-09-14 >/dev/null
at 2023-09-14 set 1.5.3/VP-TK done >/dev/null
at 2023-09-14 set 3.11.1/TN-TKQ doing --note "Đang chuyển hồ sơ qua mạng" >/dev/null
at 2023-09-15 set 1.4.1/VH-XH blocked --note "Chờ kế hoạch của huyện" >/dev/null
at 2023-09-15 tick 1.4.2/DTT --note "Bài 1" >/dev/null
at 2023-09-18 tick 1.4.2/DTT --date 2023-09-16 >/dev/null
out=$(at 2023-09-18 tick 1.4.2/DTT --date 2023-09-30 2>&1); rc=$?
expect_eq "tick in the future: exit 1" 1 "$rc"
expect_match "tick in the future: says so" 'in the future' "$out"
out=$(LANGUAGE=vi at 2023-09-18 tick 1.4.2/DTT --date 2023-09-30 2>&1)
expect_match "tick in the future (vi): the day as dd/mm/yyyy" \
    '^parboard: 30/09/2023 là ngày trong tương lai$' "$out"
out=$(at 2023-09-18 tick 1.7/CA 2>&1); rc=$?
expect_eq "tick on a task without a counted target: exit 1" 1 "$rc"
expect_eq "the first tick moves to do to in progress" doing \
	"$(at 2023-09-18 list --format tsv | awk -F'\t' '$2 == "1.4.2" && $3 == "DTT" { print $5 }')"

# The meeting of 20/09: no meeting recorded yet, so the seven days before.
m1=$(at 2023-09-20 minutes --chair "Nguyễn Văn An")
expect_eq "title" "Minutes of the weekly administrative reform meeting" "$(printf '%s\n' "$m1" | head -n1)"
expect_match "plan: the letter" \
	'^Plan: Implementing letter No\. 103/UBND of 06/09/2023 of UBND xã Hiền Thành: Về việc' \
	"$m1"
expect_match "as of" '^As of: 2023-09-20$' "$m1"
expect_match "chair from --chair" '^Chair: Nguyễn Văn An$' "$m1"
expect_match "since: seven days before" '^Changes since: 2023-09-13$' "$m1"
expect_match "score: appraised" '^  Appraised: 69\.82$' "$m1"
expect_match "score: now, and how much documents back" '^  Now: 70\.32 \(0\.50 backed by evidence\)$' "$m1"
expect_match "score: reachable this year, not every deduction" \
	'^  Reachable this year \(appraised criteria\): 78\.41$' "$m1"
expect_match "score: the criteria lost this year" \
	'^  Cannot be won back this year: 1\.5\.1 \(1\.00\), 3\.11\.1 \(1\.00\) — an explanation is needed$' "$m1"
expect_match "text: where the effort pays" \
	'^  Still to win, the most first: 1\.5\.4 \(\+1\.50\), 1\.4\.2 \(\+1\.00\), 1\.7 \(\+1\.00\), 3\.5\.2 \(\+1\.00\)' "$m1"
expect_match "bucket: done on time" '^  Done on time: 1$' "$m1"
expect_match "bucket: done late" '^  Done late: 0$' "$m1"
expect_match "bucket: open tasks not late, todo and blocked included, the listed ones counted" \
	'^  Not done, within deadline: 30 \(2 in progress, 1 blocked\)$' "$m1"
# The buckets agree with the lists: as many in progress and blocked.
listed() { printf '%s\n' "$2" | awk -v head="  $1" '
	$0 == head { on = 1; next } /^ ? ?[^ ]/ { on = 0 } on && NF { n++ }
	END { print n + 0 }'; }
expect_eq "as many listed in progress as the bucket says" 2 \
	"$(listed "In progress" "$m1")"
expect_eq "as many listed blocked as the bucket says" 1 \
	"$(listed "Blocked" "$m1")"
expect_match "bucket: overdue" '^  Not done, overdue: 0$' "$m1"
expect_eq "VP-TK done: the net change, not every step" \
	"1.5.3: To do → Done ($me, 2023-09-14)" \
	"$(section VP-TK "Done since the last meeting" "$m1")"
expect_eq "TN-TKQ in progress with the latest note" \
	"3.11.1: Tỷ lệ hồ sơ giải quyết TTHC được luân chuyển trong nội bộ giữa các cơ quan có thẩm quyền giải quyết hoặc các cơ quan có liên quan được thực hiện bằng phương thức điện tử — Đang chuyển hồ sơ qua mạng" \
	"$(section TN-TKQ "In progress" "$m1")"
expect_match "VH-XH blocked with the reason" '^1\.4\.1: .* — Chờ kế hoạch của huyện$' \
	"$(section VH-XH "Blocked" "$m1")"
expect_match "DTT in progress with the month's count, the directive's task told apart" \
	'^1\.4\.2 \(directive\): Tăng cường .* — 09/2023: 2/3 bài, due 09-30$' \
	"$(section DTT "In progress" "$m1")"
expect_eq "no heading over an empty section" "" \
	"$(printf '%s\n' "$m1" | grep -e '^CA — ' -e '(none)')"
# Every heading has an item under it: a section heading (two spaces) is
# followed by an item (four), a role's heading by a section's.
noempty() { printf '%s\n' "$1" | awk '
	/^    [^ ]/ { sec = 0; role = 0 }
	/^  [^ ]/ && sec { bad++ } /^[^ ]/ && role { bad++ }
	/^(  )?[^ ]/ { sec = 0; role = 0 }
	/^  [^ ]/ && !fields { sec = 1 }
	/ — / && /^[A-Z-]+ — / { role = 1; fields = 0 }
	/^(Score|Tasks by tracker bucket)$/ { fields = 1 }
	END { print bad + 0 }'; }
expect_eq "text: no heading without items" 0 "$(noempty "$m1")"
expect_match "text: said once at the end" \
	'^Nothing else to report: a role or a section without tasks is left out\.$' \
	"$m1"
m1vi=$(LANGUAGE=vi at 2023-09-20 minutes --chair "Nguyễn Văn An")
expect_match "Vietnamese: title" '^Biên bản họp giao ban CCHC$' "$m1vi"
expect_match "Vietnamese: as of" '^Tính đến ngày: 20/09/2023$' "$m1vi"
expect_match "Vietnamese: tracker buckets" 'Đã hoàn thành đúng hạn: 1' "$m1vi"
expect_match "Vietnamese: bucket in progress on time" 'Chưa hoàn thành trong hạn: 30' "$m1vi"
expect_match "Vietnamese: net change in labels" '1\.5\.3: Chưa thực hiện → Đã hoàn thành' "$m1vi"
if printf '%s\n' "$m1vi" | grep -qF '(không có)'; then
	fail "Vietnamese: no (không có)"; else pass "Vietnamese: no (không có)"; fi
expect_match "Vietnamese: evidence-backed score" 'Điểm tạm tính: 70,32 \(0,50 có tài liệu\)' "$m1vi"

# Record the meeting; the same minutes again the same day, in any format.
rec=$(at 2023-09-20 minutes --record --chair "Nguyễn Văn An")
expect_eq "--record prints the minutes" "$(body "$m1")" "$(body "$rec")"
expect_match "--record prints the record's form" '^RECORD$' "$rec"
again=$(at 2023-09-20 minutes)
expect_eq "after --record, the same day: the same minutes" \
	"$(body "$m1")" "$(body "$again")"
expect_match "... the chair kept" '^ +Nguyễn Văn An$' "$again"
expect_eq "the meeting is recorded once" "1|Nguyễn Văn An|$me" \
	"$(sqlite3 "$DB" 'SELECT count(*), chair, user FROM meeting')"
out=$(at 2023-09-20 minutes --since 2023-09-01 --record 2>&1); rc=$?
expect_eq "--since with --record: usage error" 2 "$rc"

# One meeting per sitting: the README's html record, then markdown the
# same day, updates that meeting and keeps its window (issue 21).  A
# second apart, as at a meeting.
sleep 1
at 2023-09-20 minutes --record --format html >/dev/null
mdrec=$(at 2023-09-20 minutes --record --format markdown)
expect_match "a second --record the same day keeps the week's changes" \
	"1\.5\.3: To do → Done \($me, 2023-09-14\)" "$mdrec"
expect_eq "a second --record the same day: still one meeting, its chair" \
	"1|Nguyễn Văn An" "$(sqlite3 "$DB" 'SELECT count(*), chair FROM meeting')"
at 2023-09-20 minutes --record --chair "Lê Văn Cường" >/dev/null
expect_eq "a second --record with --chair: the chair changed, one meeting" \
	"1|Lê Văn Cường" "$(sqlite3 "$DB" 'SELECT count(*), chair FROM meeting')"
again=$(at 2023-09-20 minutes)
expect_eq "reprinted later in text: the same content" "$(body "$m1")" \
	"$(body "$again")"
expect_match "... its new chair" '^ +Lê Văn Cường$' "$again"
at 2023-09-20 minutes --record --chair "Nguyễn Văn An" >/dev/null
# A database from before: two rows on one day; the window starts at
# the meeting of an earlier day, not at the day's first row.
sqlite3 "$DB" "INSERT INTO meeting (plan_id, at, chair, user)
	SELECT plan_id, datetime(at, '+1 minute'), chair, user FROM meeting"
expect_eq "two rows of one day (an older database): the same minutes" \
	"$(body "$m1")" "$(body "$(at 2023-09-20 minutes)")"
sqlite3 "$DB" "DELETE FROM meeting WHERE id = (SELECT max(id) FROM meeting)"

# Week 2: a deadline moved after a task was done late does not launder it.
at 2023-09-21 set 1.7/CA doing >/dev/null
at 2023-09-22 set 3.11.1/TN-TKQ done --explain "giải trình" >/dev/null
id12=$(at 2023-09-22 list --format tsv | awk -F'\t' '$2 == "3.12.1" { print $1 }')
sqlite3 "$DB" "UPDATE task SET due = '2023-09-20', due_source = 'task'
	WHERE id = $id12;"
at 2023-09-25 set 3.12.1/TN-TKQ done --explain "giải trình" >/dev/null
sqlite3 "$DB" "UPDATE task SET due = '2023-12-31', version = version + 1
	WHERE id = $id12; INSERT INTO history (task_id, user, kind, old, new,
	at) VALUES ($id12, 'an', 'due', '2023-09-20', '2023-12-31',
	'2023-09-26 08:00:00');"
m2=$(at 2023-09-27 minutes)
expect_match "week 2: since the recorded meeting" '^Changes since: the meeting of 2023-09-20$' "$m2"
expect_match "week 2: chair from the account" "^Chair: $me\$" "$m2"
expect_eq "week 2: TN-TKQ done since, net of the meeting before" \
	"3.11.1: In progress → Done ($me, 2023-09-22) — no document
3.12.1: To do → Done ($me, 2023-09-25) — no document" \
	"$(section TN-TKQ "Done since the last meeting" "$m2")"
expect_eq "week 2: VP-TK has nothing new" "" \
	"$(section VP-TK "Done since the last meeting" "$m2")"
expect_match "done late judged on the due date in force when done" '^  Done late: 1$' "$m2"
expect_match "done on time" '^  Done on time: 2$' "$m2"

# People by name, not by account (issue 21, point 6): our login is
# Lan's own; a shared login's claim is Hùng's configured name.
printf 'people = ( { name = "Nguyễn Thị Lan"; roles = ["VP-TK"];
  title = "Công chức Văn phòng – Thống kê"; account = "%s"; },
  { name = "Trần Văn Hùng"; roles = ["TN-TKQ"]; } );\n' "$me" \
    >"$TMPD/people.conf"
hist=$(sqlite3 "$DB" "SELECT h.id FROM history h JOIN task t ON t.id =
	h.task_id WHERE t.code = '3.12.1' AND h.kind = 'status'
	AND h.new = 'done'")
sqlite3 "$DB" "UPDATE history SET user = 'ubnd (tran van hung)' WHERE id = $hist"
mp=$(at 2023-09-27 -c "$TMPD/people.conf" minutes)
expect_eq "the person's name, not the account; a shared login's claim" \
	"3.11.1: In progress → Done (Nguyễn Thị Lan, 2023-09-22) — no document
3.12.1: To do → Done (Trần Văn Hùng, 2023-09-25) — no document" \
	"$(section TN-TKQ "Done since the last meeting" "$mp")"
expect_match "the chair: the account's person" '^Chair: Nguyễn Thị Lan$' \
	"$mp"
if printf '%s\n' "$mp" | grep -Eq "[(]($me|ubnd)[ ,)]"; then
	fail "no account where a person is configured"
else
	pass "no account where a person is configured"
fi
expect_match "without the people: the name the shared login claimed" \
	"To do → Done \\(tran van hung, 2023-09-25\\)" \
	"$(at 2023-09-27 minutes)"
sqlite3 "$DB" "UPDATE history SET user = '$me' WHERE id = $hist"
at 2023-09-27 minutes --record >/dev/null
expect_eq "a record on the next sitting day opens a new meeting" 2 \
	"$(sqlite3 "$DB" 'SELECT count(*) FROM meeting')"
expect_eq "its minutes: since the meeting of 20/09" "$(body "$m2")" \
	"$(body "$(at 2023-09-27 minutes)")"
sqlite3 "$DB" "DELETE FROM meeting WHERE id = (SELECT max(id) FROM meeting)"

# The month's end: September ended below target, October starts at 0.
at 2023-10-02 tick 1.4.2/DTT >/dev/null
m3=$(at 2023-10-02 minutes)
expect_match "the missed period stays overdue, in progress, with October's count" \
	'^1\.4\.2 \(directive\): .* — In progress — 10/2023: 1/3 bài, due 10-31 — 09/2023: 2/3 bài, below target$' \
	"$(section DTT "Overdue" "$m3")"
expect_eq "a task in one section only: not again in progress" "" \
	"$(section DTT "In progress" "$m3")"
at 2023-10-02 untick 1.4.2/DTT >/dev/null
out=$(at 2023-10-02 untick 1.4.2/DTT 2>&1); rc=$?
expect_eq "untick with nothing this month: exit 1" 1 "$rc"
expect_match "untick keeps September's" '10/2023: 0/3 bài' "$(at 2023-10-02 minutes)"

# Overdue with days late.
m4=$(at 2023-11-02 minutes)
expect_match "overdue: days late" '^1\.1\.3: Mức độ thực hiện kế hoạch CCHC — due 2023-10-31, 2 days late$' \
	"$(section VP-TK "Overdue" "$m4")"
expect_match "due soon: within warn_days" '^1\.7: .* — 2023-11-0[0-9]|^$' "$(section CA "Due soon" "$m4")"

# A task without a code: its number, then its title once; in every
# format (issue 21).
nocode=$(at 2023-11-02 list --format tsv | awk -F'\t' '$2 == "" && $3 == "TP-HT" { print $1; exit }')
at 2023-11-02 set "$nocode" doing >/dev/null || fail "set #$nocode doing"
m5=$(at 2023-11-02 minutes)
expect_match "a task without a code: #id, its title once" \
	"^#$nocode: Tổ chức triển khai [^:]*quy định\\. — Ongoing" \
	"$(section TP-HT "In progress" "$m5")"
for f in text markdown html; do
	expect_eq "$f: the title of a task without a code once" 1 \
		"$(at 2023-11-02 minutes --format $f | grep -o 'Tổ chức triển khai các văn bản' | wc -l)"
done

# A target that is not a count and a period: kept, with a warning.
printf 'role\tcriterion\ttask\tdue\ttarget\tevery\nDTT\t1.4.2\tPhát tin định kỳ\t\t3 bài\t6 tháng\nDTT\t1.4.2\tTin hằng quý\t\t2 tin\tquý\n' >"$TMPD/dirs.tsv"
out=$(at 2023-10-02 import "$TMPD/dirs.tsv" 2>&1 >/dev/null)
expect_match "import warns of a target it cannot count" \
	'dirs\.tsv:2: warning: target "3 bài" every "6 tháng" is not a count and a period' "$out"
expect_eq "only that one" 1 "$(printf '%s\n' "$out" | grep -c 'not a count')"
expect_eq "the text is kept" "3 bài	6 tháng" \
	"$(sqlite3 "$DB" "SELECT target || char(9) || every FROM task WHERE title = 'Phát tin định kỳ'")"
quarterly=$(at 2023-10-02 list --format tsv | awk -F'\t' '$9 == "Tin hằng quý" { print $1 }')
at 2023-10-02 tick "$quarterly" >/dev/null
expect_match "a quarterly target counts by quarter, late for the last" \
	'Tin hằng quý — In progress — Q4/2023: 1/2 tin, due 12-31 — Q3/2023: 0/2 tin, below target' \
	"$(at 2023-10-02 minutes)"

# Formats: markdown, csv for spreadsheets, html escaped.
md=$(at 2023-09-27 minutes --format markdown)
expect_match "markdown: bucket table" '^\| Done late \| 1 \|$' "$md"
expect_match "markdown: role heading" '^## TN-TKQ — ' "$md"
csv=$(at 2023-09-27 minutes --format csv | python3 -c '
import csv, sys
raw = sys.stdin.buffer.read()
r = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
print(raw[:3] == b"\xef\xbb\xbf", r[0], len({len(x) for x in r}))
print([x[3] for x in r if x[0] == "Done late"][0])')
expect_eq "csv: BOM, header, one width, figures" "True ['Section', 'Role', 'Task', 'Detail'] 1
1" "$csv"
at 2023-09-27 set 1.7/CA blocked --note '<script>alert(1)</script> & "x"' >/dev/null
html=$(at 2023-09-27 minutes --format html)
expect_match "html: the criteria lost this year in the score's table" \
	'<tr><th>Cannot be won back this year</th><td>1\.5\.1 \(1\.00\), 3\.11\.1 \(1\.00\) — an explanation is needed</td></tr>' "$html"
expect_match "html: where the effort pays, last in the score's table" \
	'<tr><th>Still to win, the most first</th><td>1\.5\.4 \(\+1\.50\), [^<]*3\.12\.2 \(\+1\.00\?\)</td></tr></table>' "$html"
expect_match "html: a page" '^<!DOCTYPE html>' "$html"
expect_match "html: data escaped" '&lt;script&gt;alert\(1\)&lt;/script&gt; &amp; &quot;x&quot;' "$html"
if printf '%s' "$html" | grep -qi '<script'; then fail "html: no script"; else pass "html: no script"; fi
expect_match "html: inline svg gauge" '<svg xmlns="http://www.w3.org/2000/svg"' "$html"
if printf '%s' "$html" | grep -q 'class="none"'; then
	fail "html: no empty heading"; else pass "html: no empty heading"; fi
expect_match "html: the directive's task told apart" \
	'<li>1\.4\.2 \(directive\): ' "$html"
expect_match "html: the listed ones in the bucket" \
	'<tr><th>Not done, within deadline</th><td class="n">[0-9]+ \([0-9]+ in progress, [0-9]+ blocked\)</td></tr>' "$html"
expect_match "markdown: the directive's task told apart" \
	'^- 1\.4\.2 \(directive\): ' "$md"
if printf '%s\n' "$md" | grep -q '(none)'; then
	fail "markdown: no empty heading"; else pass "markdown: no empty heading"; fi

# The commune, as the board's header names it: from the plan's title.
expect_match "the commune from the plan's title" '^Xã: Xã Hiền Thành$' \
    "$(LANGUAGE=vi at 2023-09-20 minutes)"

# A meeting recorded just after local midnight in Hà Nội (UTC+7) is
# stored on the day before in UTC; it is still held on the local day.
hcm() { TZ=Asia/Ho_Chi_Minh at "$@"; }
hcm 2023-10-10 minutes --record --chair "Trần Thị Bình" >/dev/null ||
	fail "minutes --record on 10/10"
sqlite3 "$DB" "UPDATE meeting SET at = '2023-10-09 17:30:00'
	WHERE id = (SELECT max(id) FROM meeting)"
expect_match "recorded at 00:30 local: held that local day (its chair)" \
	'^Chair: Trần Thị Bình$' "$(hcm 2023-10-10 minutes)"
expect_match "the next day: since the meeting of its local day" \
	'^Changes since: the meeting of 2023-10-10$' "$(hcm 2023-10-11 minutes)"
expect_match "in UTC the same meeting is of the day before" \
	'^Changes since: the meeting of 2023-10-09$' \
	"$(TZ=UTC at 2023-10-11 minutes)"

finish
