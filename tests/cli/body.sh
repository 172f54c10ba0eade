# SPDX-License-Identifier: ISC
# body: the letter's body read into directive tasks (issue 20, point 1).
# The seed's letter alone, as text and as Word, gives the directives
# table of the samples row for row (role, criteria, kind, due, target,
# every, words), TP-HT's report on law enforcement among them; the
# appendix is due by the letter's own deadline; a dry run shows the body;
# the table then corrects the body and never doubles it; an import that
# would be born late needs --past-due; the letter's deadline and end are
# kept; on 02/11/2023 only one-off tasks past their date and the radio
# short of its monthly target are late, on the command line and the
# board's header alike.
. "$SRCDIR/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 missing"
command -v sqlite3 >/dev/null || skip "sqlite3 missing"

SEEDDOCX="$SRCDIR/share/samples/hien-thanh-103-2023.docx"

# body_rows DB: the directive tasks of DB in the order made, one line
# each: role|criteria|kind|due|target|every|title.  The criteria are the
# task's code then its further links (json "links", else the column).
body_rows() {
	"$PARBOARD" -d "$1" list --format json | python3 -c '
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
more = dict(db.execute("SELECT id, links FROM task"))
for t in sorted(json.load(sys.stdin), key=lambda t: t["id"]):
    if t["origin"] != "directive":
        continue
    links = t["links"] if "links" in t else more[t["id"]]
    if isinstance(links, list):
        links = ",".join(links)
    codes = [c for c in [t["code"]] + (links or "").split(",") if c]
    kind = ("ongoing" if t["due"] is None else
            "recurring" if t["every"] else "once")
    print("|".join([t["role"], ",".join(codes), kind, t["due"] or "-",
                    t["target"] or "-", t["every"] or "-", t["title"]]))
' "$1"
}
# The same lines from the sample table itself.
table_rows() {
	python3 -c '
import csv, sys
roles = {"Mặt trận Tổ quốc": "MTTQ"}
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"),
                        delimiter="\t"):
    ongoing = r["due"] in ("thường xuyên", "ongoing")
    kind = ("ongoing" if ongoing else
            "recurring" if r["every"] else "once")
    print("|".join([roles.get(r["role"], r["role"]),
                    r["criterion"].replace(" ", ""), kind,
                    "-" if ongoing else r["due"], r["target"] or "-",
                    r["every"] or "-", r["task"]]))
' "$DIRECTIVES"
}
# count DB SQL: one number from the database.
count() { sqlite3 "$1" "$2"; }

expected=$(table_rows)
expect_eq "the sample table has 18 rows" 18 \
    "$(printf '%s\n' "$expected" | grep -c .)"

pb import "$SEED" >"$TMPD/import.out" 2>&1 || fail "import the letter"
body=$(body_rows "$DB")
expect_eq "the letter's body gives the sample table, row for row" \
    "$expected" "$body"
if [ "$body" != "$expected" ]; then
	diff <(printf '%s\n' "$expected") <(printf '%s\n' "$body") |
	    sed 's/^/  /'
fi
expect_match "TP-HT's report on law enforcement, continuing" \
    '^TP-HT\|\|ongoing\|-\|-\|-\|Thực hiện các hoạt động về theo dõi thi '\
'hành pháp luật\. Thực hiện công tác báo cáo theo dõi' \
    "$body"
expect_match "TP-HT's payment guidance names 3.13.3, 3.12.1 and 3.12.2" \
    '^TP-HT\|3\.13\.3,3\.12\.1,3\.12\.2\|ongoing\|' "$body"
expect_match "the radio: 3 articles a month to the end of the year" \
    '^DTT\|1\.4\.2\|recurring\|2023-12-31\|3 bài\|tháng\|' "$body"
expect_eq "13 appendix tasks due 31/10/2023 by the letter's words" 13 \
    "$(count "$DB" "SELECT count(*) FROM task WHERE origin = 'appendix'
     AND due = '2023-10-31' AND due_source = 'letter'")"
expect_eq "no appendix task due otherwise" 0 \
    "$(count "$DB" "SELECT count(*) FROM task WHERE origin = 'appendix'
     AND (due IS NOT '2023-10-31' OR due_source IS NOT 'letter')")"
expect_eq "the letter's deadline and end kept" "2023-10-31|2023-12-31" \
    "$(count "$DB" "SELECT deadline || '|' || until FROM plan_letter")"

# The same letter in Word.
DOCXDB="$TMPD/docx.db"
"$PARBOARD" -d "$DOCXDB" --today 2023-09-13 import "$SEEDDOCX" \
    >"$TMPD/docx.out" 2>&1 || { fail "import the .docx"; cat "$TMPD/docx.out"; }
expect_eq "the .docx letter's body gives the sample table too" \
    "$expected" "$(body_rows "$DOCXDB")"
expect_eq ".docx: 13 appendix tasks due 31/10/2023 by the letter" 13 \
    "$(count "$DOCXDB" "SELECT count(*) FROM task WHERE origin =
     'appendix' AND due = '2023-10-31' AND due_source = 'letter'")"
expect_eq ".docx: the letter's deadline and end kept" \
    "2023-10-31|2023-12-31" \
    "$(count "$DOCXDB" "SELECT deadline || '|' || until FROM plan_letter")"

# A dry run shows the body for review and writes nothing.
dry=$("$PARBOARD" -d "$TMPD/dry.db" --today 2023-09-13 import --dry-run \
    "$SEED" 2>/dev/null)
expect_match "dry run: the letter's body" "the letter's body:$" "$dry"
expect_match "dry run: the body's 18 tasks" 'would import 18 directives' "$dry"
expect_match "dry run: the radio's row" \
    '^ +1\.4\.2 +DTT +- +3 bài/tháng 2023-12-31 +Tăng cường thời lượng' "$dry"
check "dry run: nothing written" test ! -e "$TMPD/dry.db"

# The table after the letter: nothing added, no status changed; the
# letter again after the table: nothing added either.
state() {
	count "$DB" "SELECT id, status, role, code, links, due, target,
	    every, title FROM task ORDER BY id"
}
doing=$(count "$DB" "SELECT id FROM task WHERE origin = 'directive'
    AND code = '1.7' AND role = 'TP-HT'")
pb set "$doing" doing >/dev/null 2>&1 || fail "set a body task doing"
before=$(state)
expect_eq "31 tasks before the table" 31 \
    "$(count "$DB" "SELECT count(*) FROM task")"
pb import "$DIRECTIVES" >"$TMPD/table.out" 2>&1 || fail "import the table"
expect_match "the table adds none" '18 directives, 0 new' "$(cat "$TMPD/table.out")"
expect_eq "the table after the letter changes no task" "$before" "$(state)"
expect_eq "the body task set doing stays doing" doing \
    "$(count "$DB" "SELECT status FROM task WHERE id = $doing")"
pb import "$SEED" >"$TMPD/again.out" 2>&1 || fail "re-import the letter"
expect_eq "the letter after the table adds none" 31 \
    "$(count "$DB" "SELECT count(*) FROM task")"
expect_eq "... and changes no status" \
    "$(printf '%s\n' "$before" | cut -d'|' -f1,2)" \
    "$(state | cut -d'|' -f1,2)"

# A row of a body task's role and criterion in other words corrects it,
# after the table as on the letter alone; a criterion no body task of
# the role has adds one.
radio=$(count "$DB" "SELECT id FROM task WHERE origin = 'directive'
    AND role = 'DTT'")
printf '%s\t%s\t%s\t%s\t%s\t%s\n' role criterion task due target every \
    DTT 1.4.2 'Mỗi tháng phát 4 tin bài.' 2023-12-31 '4 bài' tháng \
    >"$TMPD/again.tsv"
out=$(pb import "$TMPD/again.tsv" 2>&1) || fail "a correction after the table"
expect_match "after the table: a reworded row corrects the body task" \
    "again\.tsv:2: directive \"Mỗi tháng phát 4 tin bài\.\" corrects task \
$radio " \
    "$out"
expect_eq "after the table: the same task, new words, none added" \
    "31|$radio|Mỗi tháng phát 4 tin bài.|4 bài" \
    "$(count "$DB" "SELECT (SELECT count(*) FROM task), id, title, target
     FROM task WHERE origin = 'directive' AND role = 'DTT'")"
DB="$TMPD/fix.db"
pb import "$SEED" >/dev/null 2>&1 || fail "import the letter again"
radio=$(count "$DB" "SELECT id FROM task WHERE origin = 'directive'
    AND role = 'DTT'")
{
	printf 'role\tcriterion\ttask\tdue\ttarget\tevery\n'
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' DTT 1.4.2 \
	    'Phát 4 tin bài về CCHC mỗi tháng.' 2023-12-31 '4 bài' tháng
} >"$TMPD/reword.tsv"
out=$(pb import "$TMPD/reword.tsv" 2>&1) || fail "import a reworded row"
expect_match "a reworded row corrects the body task" \
    "reword\.tsv:2: directive \"Phát 4 tin bài về CCHC mỗi tháng\.\" corrects \
task $radio " \
    "$out"
expect_eq "... the same task, new words, new target" \
    "$radio|Phát 4 tin bài về CCHC mỗi tháng.|4 bài|tháng" \
    "$(count "$DB" "SELECT id, title, target, every FROM task
     WHERE origin = 'directive' AND role = 'DTT'")"
expect_eq "... and adds none" 31 "$(count "$DB" "SELECT count(*) FROM task")"
{
	printf 'role\tcriterion\ttask\tdue\ttarget\tevery\n'
	printf 'DTT\t1.7\tPhát tin về buổi đối thoại.\t2023-12-31\t\t\n'
} >"$TMPD/new.tsv"
out=$(pb import "$TMPD/new.tsv" 2>&1) || fail "import a new row"
expect_match "a new criterion for the role is a new task" '1 directives?, 1 new' \
    "$out"
expect_eq "... one task more" 32 "$(count "$DB" "SELECT count(*) FROM task")"
expect_eq "... of that role and criterion" 1 \
    "$(count "$DB" "SELECT count(*) FROM task WHERE origin = 'directive'
     AND role = 'DTT' AND code = '1.7'")"

# Imported on 20/02/2024 the letter's dates are past: refused, listed,
# nothing written, unless --past-due.
late="$TMPD/late.db"
at20() { "$PARBOARD" -d "$late" --today 2024-02-20 "$@"; }
out=$(at20 import "$SEED" 2>&1)
expect_eq "on 20/02/2024: exit 1" 1 \
    "$(at20 import "$SEED" >/dev/null 2>&1; echo $?)"
expect_match "on 20/02/2024: the appendix tasks listed" \
    'task 1\.1\.3/VP-TK would be due 2023-10-31, before today \(2024-02-20\)' \
    "$out"
expect_match "on 20/02/2024: the body tasks listed" \
    'task 1\.4\.2/DTT would be due 2023-12-31, before today' "$out"
expect_match "on 20/02/2024: how many, and what to do" \
    '21 tasks would be due before today; nothing imported' "$out"
check "on 20/02/2024: no database made" test ! -e "$late"
# An existing database stays as it was.
cp "$DB" "$late"
sum=$(count "$late" "SELECT group_concat(id || status || title) FROM task")
at20 import "$SEED" >/dev/null 2>&1
expect_eq "on 20/02/2024: an existing database unchanged" "$sum" \
    "$(count "$late" "SELECT group_concat(id || status || title) FROM task")"
rm -f "$late"
out=$(at20 import --dry-run "$SEED" 2>&1)
expect_eq "on 20/02/2024: a dry run exits 0" 0 \
    "$(at20 import --dry-run "$SEED" >/dev/null 2>&1; echo $?)"
expect_match "on 20/02/2024: a dry run says --past-due is needed" \
    'needs --past-due' "$out"
at20 import --past-due "$SEED" >/dev/null 2>&1 || fail "--past-due imports"
expect_eq "with --past-due: 31 tasks" 31 \
    "$(count "$late" "SELECT count(*) FROM task")"

# On 02/11/2023, the letter alone: late are the 13 one-off appendix tasks
# (due 31/10) and the radio (no article in September or October); no
# continuing task.
DB="$TMPD/nov.db"
pb import "$SEED" >/dev/null 2>&1 || fail "import for November"
radio=$(count "$DB" "SELECT id FROM task WHERE role = 'DTT'")
over=$("$PARBOARD" -d "$DB" --today 2023-11-02 list --overdue --format tsv |
    awk -F'\t' 'NR > 1 { print $1 }' | sort -n)
expect_eq "02/11: list --overdue is the appendix and the radio" \
    "$(count "$DB" "SELECT id FROM task WHERE origin = 'appendix'
     OR id = $radio ORDER BY id")" "$over"
expect_eq "02/11: 14 tasks overdue" 14 "$(printf '%s\n' "$over" | grep -c .)"
expect_eq "02/11: no continuing task among them" 0 \
    "$(count "$DB" "SELECT count(*) FROM task WHERE due IS NULL
     AND id IN ($(printf '%s\n' "$over" | paste -sd,))")"
expect_eq "02/11: the letter has continuing tasks" 10 \
    "$(count "$DB" "SELECT count(*) FROM task WHERE due IS NULL")"
printf '%s\n' dump q >"$TMPD/nov.keys"
PARBOARD_KEYS="$TMPD/nov.keys" PARBOARD_DUMP="$TMPD/nov.out" TERM=xterm \
    COLUMNS=100 LINES=24 "${PARBOARD_TEST:?}" -d "$DB" --today 2023-11-02 \
    </dev/null >/dev/null 2>"$TMPD/nov.err" || fail "the board"
expect_match "02/11: the board's header counts the same 14 late" \
    '(^|[^0-9])14 tasks late' "$(head -1 "$TMPD/nov.out")"

# The radio's months run from the letter's (September), not from the day
# the letter was imported, nor from a later re-import.
late="$TMPD/late.db"
"$PARBOARD" -d "$late" --today 2023-12-20 import --past-due "$SEED" \
    >/dev/null 2>&1 || fail "import on 20/12"
"$PARBOARD" -d "$late" --today 2023-12-21 import --past-due "$SEED" \
    >/dev/null 2>&1 || fail "re-import on 21/12"
r=$("$PARBOARD" -d "$late" --today 2023-12-21 list --format tsv |
    awk -F'\t' '$3 == "DTT" && $8 == "directive" { print $1 }')
expect_match "imported in December, the radio owes September's articles" \
    "09/2023: 0/3 bài" "$("$PARBOARD" -d "$late" --today 2023-12-21 minutes)"
expect_eq "... and is late" 1 \
    "$("$PARBOARD" -d "$late" --today 2023-12-21 list --overdue --format tsv |
    grep -c "^$r	")"
finish
