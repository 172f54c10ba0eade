# SPDX-License-Identifier: ISC
# evidence: the register (add, list in every format, remove), done needs
# a document or --no-evidence, the migration of free-text evidence, the
# evidence report, the score backed by evidence, sanitised output.
. "$SRCDIR/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 missing"

pb import "$SEED" "$DIRECTIVES" >/dev/null 2>&1 || fail "import"

# Done without a document: refused without --no-evidence.
out=$(pb set 1.5.3/VP-TK done 2>&1); rc=$?
expect_eq "done without evidence: exit 1" 1 "$rc"
expect_match "done without evidence: says --no-evidence" 'no document.*--no-evidence' "$out"
expect_eq "done without evidence: status unchanged" todo \
	"$(pb list --format tsv | awk -F'\t' '$2 == "1.5.3" { print $5 }')"
# A task with no criterion needs none.
nocode=$(pb list --format tsv | awk -F'\t' '$2 == "" { print $1; exit }')
pb set "$nocode" done >/dev/null 2>&1
expect_eq "a task without a criterion is done without a document" 0 "$?"

# Add a document.
out=$(pb evidence add 1.5.3/VP-TK --number 158/BC-UBND --date 20/09/2023 \
	--issuer "UBND xã Hiển Thành" --summary "Báo cáo khắc phục tồn tại" \
	--signed --file https://example.org/158.pdf); rc=$?
expect_eq "evidence add: exit 0" 0 "$rc"
expect_match "evidence add: says which document" '^document 1 added to task [0-9]+$' "$out"
out=$(pb evidence add 1.5.3/VP-TK --number 1/X 2>&1); rc=$?
expect_eq "evidence add without --date: usage error" 2 "$rc"
out=$(pb evidence add 9.9.9/CA --number 1 --date 2023-09-01 2>&1); rc=$?
expect_eq "evidence add on an unknown task: exit 1" 1 "$rc"
out=$(pb evidence add 1.5.3/VP-TK --number 1 --date 2023-09-01 --overdue 2>&1); rc=$?
expect_eq "evidence add: a misplaced option is a usage error" 2 "$rc"
pb set 1.5.3/VP-TK done >/dev/null
expect_eq "done with a document: accepted" done \
	"$(pb list --format tsv | awk -F'\t' '$2 == "1.5.3" { print $5 }')"

tsv=$(pb evidence list --format tsv)
expect_eq "tsv header" "id	task	code	role	number	date	issuer	summary	signed	file	incomplete" \
	"$(printf '%s\n' "$tsv" | head -n1)"
expect_match "tsv row" '^1	[0-9]+	1\.5\.3	VP-TK	158/BC-UBND	2023-09-20	UBND xã Hiển Thành	Báo cáo khắc phục tồn tại	1	https://example.org/158.pdf	0$' \
	"$(printf '%s\n' "$tsv" | sed -n 2p)"
json=$(pb evidence list 1.5.3/VP-TK --format json | python3 -c '
import json, sys
a = json.load(sys.stdin)
print(len(a), list(a[0].keys()) == ["id","task","code","role","number","date","issuer","summary","signed","file","incomplete"], a[0]["signed"], a[0]["date"])')
expect_eq "json: one document, keys in order, typed" "1 True True 2023-09-20" "$json"
text=$(pb evidence list)
expect_match "text: number, date, issuer, summary" '158/BC-UBND, 2023-09-20, UBND xã Hiển Thành: Báo cáo khắc phục tồn tại \(digitally signed\)' "$text"

# CSV for spreadsheets: BOM, header, formulas neutralised, numbers kept.
pb evidence add 1.4.1/VH-XH --number "-0,5" --date 2023-09-21 \
	--summary "=HYPERLINK(\"http://evil\")" --issuer "@SUM(A1)" >/dev/null
csv=$(pb evidence list --format csv | python3 -c '
import csv, sys
raw = sys.stdin.buffer.read()
print(raw[:3] == b"\xef\xbb\xbf")
r = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
print(r[0][0], r[0][4])
row = [x for x in r if x[4] == "-0,5"][0]
print(row[4], row[6], row[7])')
expect_eq "csv: BOM, header, -0,5 kept, = and @ neutralised" "True
No. Number
-0,5 '@SUM(A1) '=HYPERLINK(\"http://evil\")" "$csv"

# An escape sequence is refused (tests/cli/controls.sh has every field
# and every output).
esc=$(printf 'Báo cáo\033[31m đỏ')
out=$(pb evidence add 1.4.1/VH-XH --number 7/BC --date 2023-09-22 --summary "$esc" 2>&1)
expect_eq "evidence add: ESC in --summary exits 1" 1 "$?"
expect_eq "evidence add: and says which option" \
	"parboard: --summary: control character U+001B is not allowed" "$out"
pb evidence add 1.4.1/VH-XH --number 7/BC --date 2023-09-22 --summary "Báo cáo đỏ" >/dev/null

# Remove: kept in the history, gone from the list.
pb evidence remove 2 >/dev/null; expect_eq "evidence remove: exit 0" 0 "$?"
expect_eq "evidence remove: two documents left" 3 "$(pb evidence list --format tsv | wc -l)"
out=$(pb evidence remove 2 2>&1); rc=$?
expect_eq "evidence remove twice: exit 1" 1 "$rc"
expect_match "evidence remove twice: says so" 'no document 2' "$out"
expect_eq "history keeps three adds and the removal" "3 1" \
	"$(sqlite3 "$DB" "SELECT sum(new IS NOT NULL), sum(new IS NULL) FROM history WHERE kind = 'evidence'" | tr '|' ' ')"

# The evidence report.
pb set 1.4.2/VH-XH done --no-evidence >/dev/null
rep=$(pb report --evidence)
expect_match "report --evidence: the date it is computed for" '^Computed for 2023-09-13$' "$rep"
expect_match "report --evidence: 1.5.3 with its deduction" '^  Points deducted: 0\.50$' "$rep"
expect_match "report --evidence: the document under its task" '^      158/BC-UBND, 2023-09-20' "$rep"
expect_match "report --evidence: a done task with no document is flagged" '! Done, but no document proves it' "$rep"
expect_match "report --evidence: a task without documents says so" '\(no document\)' "$rep"
md=$(pb report --evidence --format markdown)
expect_match "markdown: a table per criterion" '^\| Task \| Status \| Documents \|$' "$md"
csvr=$(pb report --evidence --format csv | python3 -c '
import csv, sys
r = list(csv.reader(sys.stdin.buffer.read().decode("utf-8-sig").splitlines()))
print(len({len(x) for x in r}), r[0][0])')
expect_eq "csv report: one width, header" "1 Code" "$csvr"
rep=$(LANGUAGE=vi pb report --evidence)
expect_match "report --evidence in Vietnamese" 'Tính đến ngày 13/09/2023' "$rep"

# The score now and how much of it documents back.
rep=$(pb report)
expect_match "report: backed by evidence" '^Backed by evidence: 0\.50$' "$rep"

# Free-text evidence of schema 4 becomes incomplete summaries.
pb set 1.7/CA doing >/dev/null
sqlite3 "$DB" "DROP TABLE evidence; DROP TABLE meeting; DROP TABLE tick;
	DROP TABLE checklist_item; DROP TABLE checklist_target;
	INSERT INTO history (task_id, user, kind, new) SELECT id, 'an',
	'evidence', 'Biên bản đối thoại ngày 5/9' FROM task WHERE code = '1.7'
	AND role = 'CA' AND origin = 'appendix';
	ALTER TABLE finding DROP COLUMN kind; ALTER TABLE finding DROP COLUMN a;
	ALTER TABLE finding DROP COLUMN b; ALTER TABLE finding DROP COLUMN t1;
	ALTER TABLE finding DROP COLUMN t2; PRAGMA user_version = 4;" 2>/dev/null ||
	skip "sqlite3 missing"
out=$(pb evidence list 1.7/CA --format tsv | tail -n +2 | cut -f5-11)
expect_eq "migration: free text kept as an incomplete summary" \
	"			Biên bản đối thoại ngày 5/9	0		1" "$out"
expect_eq "migration: schema 10 (the register, two indexes, the clock, the supporting roles, findings as facts, checklists)" 10 \
	"$(sqlite3 "$DB" 'PRAGMA user_version')"

finish
