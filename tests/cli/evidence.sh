# SPDX-License-Identifier: ISC
# evidence: the register (add, list in every format, remove), done needs
# a document or an explanation (--explain), the migration of free-text
# evidence, the evidence report, the score backed by evidence, sanitised output.
. "$SRCDIR/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 missing"

pb import "$SEED" "$DIRECTIVES" >/dev/null 2>&1 || fail "import"

# Done without a document: refused without an explanation (giải trình),
# naming the one item 1.5.3 requires, any document.
out=$(pb set 1.5.3/VP-TK done 2>&1); rc=$?
expect_eq "done without evidence: exit 1" 1 "$rc"
expect_match "done without evidence: names the item, says --explain" '1\.5\.3: missing tài liệu kiểm chứng; add the documents .*--explain' "$out"
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
# The history names the document with its date as the language writes
# dates: never an ISO date inside Vietnamese text.
rep=$(LANGUAGE=vi pb report --since 2023-01-01)
expect_match "history in Vietnamese: the document's date dd/mm/yyyy" \
	'tài liệu kiểm chứng: 158/BC-UBND 20/09/2023: Báo cáo khắc phục tồn tại$' "$rep"
rep=$(pb report --since 2023-01-01)
expect_match "history in English: the document's date as ISO" \
	'evidence: 158/BC-UBND 2023-09-20: Báo cáo khắc phục tồn tại$' "$rep"
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
expect_eq "tsv header" "id	task	code	role	number	date	issuer	summary	signed	file	incomplete	kind" \
	"$(printf '%s\n' "$tsv" | head -n1)"
expect_match "tsv row" '^1	[0-9]+	1\.5\.3	VP-TK	158/BC-UBND	2023-09-20	UBND xã Hiển Thành	Báo cáo khắc phục tồn tại	1	https://example.org/158.pdf	0	Báo cáo$' \
	"$(printf '%s\n' "$tsv" | sed -n 2p)"
json=$(pb evidence list 1.5.3/VP-TK --format json | python3 -c '
import json, sys
a = json.load(sys.stdin)
print(len(a), list(a[0].keys()) == ["id","tasks","number","date","issuer","summary","signed","file","incomplete","kind"], a[0]["signed"], a[0]["date"], a[0]["tasks"][0]["code"], a[0]["kind"])')
expect_eq "json: one document, keys in order, typed" "1 True True 2023-09-20 1.5.3 Báo cáo" "$json"
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

# Remove (DOC: #id): kept in the history, gone from the list.
pb evidence remove '#2' >/dev/null; expect_eq "evidence remove: exit 0" 0 "$?"
expect_eq "evidence remove: two documents left" 3 "$(pb evidence list --format tsv | wc -l)"
out=$(pb evidence remove '#2' 2>&1); rc=$?
expect_eq "evidence remove twice: exit 1" 1 "$rc"
expect_match "evidence remove twice: says so" "no document '#2'" "$out"
out=$(pb evidence remove 2 2>&1); rc=$?
expect_eq "evidence remove 2: a number, not an id: exit 1" 1 "$rc"
expect_match "evidence remove 2: says how an id is written" \
	"no document numbered '2' .*an id is written #2" "$out"
expect_eq "history keeps three adds and the removal" "3 1" \
	"$(sqlite3 "$DB" "SELECT sum(new IS NOT NULL), sum(new IS NULL) FROM history WHERE kind = 'evidence'" | tr '|' ' ')"

# The evidence report.
pb set 1.4.2/VH-XH done --explain "giải trình" >/dev/null
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
sqlite3 "$DB" "DROP TABLE document_link; DROP TABLE document;
	DROP TABLE evidence; DROP TABLE meeting; DROP TABLE tick;
	DROP TABLE checklist_item; DROP TABLE checklist_target;
	DROP TABLE criterion_rule; DROP TABLE figure; DROP TABLE figure_sum;
	DROP TABLE plan_letter_name; DROP TABLE plan_letter;
	ALTER TABLE task DROP COLUMN links;
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
expect_eq "migration: schema 12 (the register, two indexes, the clock, the supporting roles, findings as facts, documents linked to tasks, checklists, the giải trình, the rules and figures, the letter, the links, the person, the meeting's attendance)" 17 \
	"$(sqlite3 "$DB" 'PRAGMA user_version')"

# --- One register of documents (issue 18, point 2), on a fresh seed ---
DB="$TMPD/register.db"
pb import "$SEED" "$DIRECTIVES" >/dev/null 2>&1 || fail "import (register)"
ca=$(pb list --format tsv | awk -F'\t' '$2 == "1.7" && $3 == "CA" && $8 == "appendix" { print $1 }')
dir=$(pb list --format tsv | awk -F'\t' '$2 == "1.7" && $3 == "CA" && $8 == "directive" { print $1 }')
counts() {
	sqlite3 "$DB" "SELECT (SELECT count(*) FROM document),
		(SELECT count(*) FROM document_link),
		(SELECT count(*) FROM history), (SELECT sum(version) FROM task)"
}
out=$(pb evidence add 1.7/CA --number 12/BB-UBND --date 29/09/2023 \
	--issuer "UBND xã" --summary "Biên bản đối thoại"); rc=$?
expect_eq "register: add to 1.7/CA" "0 document 1 added to task $ca" "$rc $out"
pb evidence link 12/BB-UBND "$dir" >/dev/null
expect_eq "register: link by number to the directive task" 0 "$?"
tsv=$(pb evidence list --format tsv | tail -n +2)
expect_eq "register: evidence list shows the document once, two links" \
	"1	$ca,$dir	1.7,1.7	CA,CA	12/BB-UBND	2023-09-29	Biên bản" \
	"$(printf '%s\n' "$tsv" | cut -f1-6,12)"
expect_match "register: text lists both tasks on one record" \
	"^#1  1\.7/CA \(task $ca\), 1\.7/CA \(task $dir\)$" "$(pb evidence list)"
expect_eq "register: each task counts its document" "1 1" \
	"$(pb list --format json | python3 -c '
import json, sys
d = {t["id"]: t["evidence"] for t in json.load(sys.stdin)}
print(d['"$ca"'], d['"$dir"'])')"
out=$(pb evidence link 12/BB-UBND "$dir" 2>&1); rc=$?
expect_eq "register: a second link to the same task: exit 1" 1 "$rc"
expect_match "register: says it is linked" "already linked to task $dir" "$out"

# The same number and date again: refused with the existing id.
before=$(counts)
out=$(pb evidence add 1.4.1/VH-XH --number 12/bb-ubnd --date 2023-09-29 2>&1); rc=$?
expect_eq "register: same number and date: exit 1" 1 "$rc"
expect_match "register: names the existing document" 'already registered as #1' "$out"
expect_eq "register: nothing written" "$before" "$(counts)"

# Two documents 5/KH-UBND of two years: the number alone is ambiguous.
pb evidence add 1.4.1/VH-XH --number 5/KH-UBND --date 05/01/2022 >/dev/null
pb evidence add 1.4.1/VH-XH 1.7/CA --number 5/KH-UBND --date 05/01/2023 \
	--kind BC >/dev/null
expect_eq "register: kind from the number, --kind overrides" \
	"2	Kế hoạch
3	Báo cáo" "$(pb evidence list --format tsv | awk -F'\t' '$5 == "5/KH-UBND" { print $1 "\t" $12 }')"
before=$(counts)
out=$(pb evidence remove 5/KH-UBND 2>&1); rc=$?
expect_eq "register: an ambiguous number: exit 2" 2 "$rc"
expect_match "register: lists both ids" '5/KH-UBND names several documents: #2, #3' "$out"
expect_eq "register: nothing removed" "$before" "$(counts)"
pb evidence remove 5/KH-UBND@05/01/2022 >/dev/null
expect_eq "register: NUMBER@DATE removes that one" 0 "$?"
pb evidence unlink 5/KH-UBND 1.7/CA >/dev/null
expect_eq "register: unlink (the number alone is one document now)" 0 "$?"
vh=$(pb list --format tsv | awk -F'\t' '$2 == "1.4.1" && $8 == "appendix" { print $1 }')
expect_eq "register: unlinked, the other link kept" "3	$vh" \
	"$(pb evidence list --format tsv | awk -F'\t' '$1 == 3 { print $1 "\t" $2 }')"
out=$(pb evidence unlink 5/KH-UBND 1.7/CA 2>&1)
expect_eq "register: unlink twice: exit 1" 1 "$?"
pb evidence remove '#3' >/dev/null
expect_eq "register: #id removes" "1" "$(pb evidence list --format tsv | tail -n +2 | cut -f1)"
out=$(pb evidence remove 12/BB-UBND@31/02/2023 2>&1)
expect_eq "register: a bad date in DOC: exit 2" 2 "$?"

# Evidence text follows the input rule for stored text, like a note's.
before=$(counts)
bel=$(printf 'a\007b')
n=$(pb set 1.7/CA doing --note "$bel" 2>&1)
out=$(pb evidence add 1.7/CA --number 9/BC --date 2023-09-02 --summary "$bel" 2>&1); rc=$?
expect_eq "register: a control character in --summary is refused like a note's" \
	"1 ${n%%--note*}--summary${n#*--note}" "$rc $out"
lf=$(printf 'Báo cáo\nđợt 2')
out=$(pb evidence add 1.7/CA --number 9/BC --date 2023-09-02 --summary "$lf" 2>&1); rc=$?
expect_eq "register: a line feed in --summary is refused" \
	"1 parboard: --summary: a line break is not allowed here" "$rc $out"
expect_eq "register: nothing written by refused text" "$before" "$(counts)"

# The migration from schema 9: evidence rows of one number and day on
# two tasks become one document with two links.
DB="$TMPD/schema9.db"
pb import "$SEED" "$DIRECTIVES" >/dev/null 2>&1 || fail "import (schema 9)"
sqlite3 "$DB" "DROP TABLE document_link; DROP TABLE document;
	DROP TABLE checklist_item; DROP TABLE checklist_target;
	DROP TABLE criterion_rule; DROP TABLE figure; DROP TABLE figure_sum;
	DROP TABLE plan_letter_name; DROP TABLE plan_letter;
	ALTER TABLE task DROP COLUMN links;
	INSERT INTO evidence (id, task_id, number, day, summary, user) VALUES
	(4, $ca, '12/BB-UBND', '2023-09-29', 'Biên bản', 'an'),
	(6, $dir, '12/bb-ubnd', '2023-09-29', 'Biên bản', 'binh'),
	(7, $dir, '12/BB-UBND', '2022-09-29', 'Năm trước', 'an'),
	(8, $dir, NULL, NULL, 'ghi chú', 'an');
	PRAGMA user_version = 9;"
out=$(pb evidence list --format tsv | tail -n +2 | cut -f1-5,12)
expect_eq "migration 9: same number and day merged, every link kept" \
	"4	$ca,$dir	1.7,1.7	CA,CA	12/BB-UBND	Biên bản
7	$dir	1.7	CA	12/BB-UBND	Biên bản
8	$dir	1.7	CA		" "$(printf '%s\n' "$out" | sort)"
expect_eq "migration 9: schema 17" 17 "$(sqlite3 "$DB" 'PRAGMA user_version')"

finish
