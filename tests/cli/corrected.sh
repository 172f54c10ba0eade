# SPDX-License-Identifier: ISC
# Corrected files: a reworded or reassigned directive continues its task,
# a tie makes a new one with a warning; an appendix without a title (or
# retitled, or re-cased) updates the plan its criteria agree with, or is
# refused and asks for --plan.
. "$SRCDIR/tests/lib.sh"

PLAN='PHỤ LỤC KẾT QUẢ ĐÁNH GIÁ CCHC XÃ HIỀN THÀNH 6 THÁNG ĐẦU NĂM 2023 VÀ BIỆN PHÁP KHẮC PHỤC'
ntasks() { pb list --format tsv | tail -n +2 | wc -l; }
row() { pb list --format tsv | awk -F'\t' -v id="$1" '$1 == id { print $3, $5, $9 }'; }

pb import "$SEED" "$DIRECTIVES" >/dev/null 2>&1
before=$(ntasks)
radio=$(pb list --role DTT --format tsv | awk -F'\t' '$8 == "directive" { print $1 }')
pb set "$radio" done --explain "giải trình" --note "3 bài tháng 9" >/dev/null
law=$(pb list --format tsv | awk -F'\t' '$8 == "directive" && $9 ~ /^Tổ chức triển khai/ { print $1 }')

# A reworded row: shown in the dry run, nothing written.
cp "$DB" "$TMPD/before.db"
out=$(pb import --dry-run "$DATA/directives-reworded.tsv" 2>&1); rc=$?
expect_eq "reworded, dry run: succeeds" 0 "$rc"
expect_match "reworded, dry run: the pairing is said, old and new words" \
	"directives-reworded.tsv:17: directive \"Tăng cường thời lượng .*mỗi tháng ít nhất 3 bài.*\" would continue task $radio \\(\"Tăng cường thời lượng .*mỗi tháng 3 bài\\..*\"; [0-9]+% of the words alike\\)" "$out"
expect_match "reworded, dry run: the dropped row is a warning" \
	"warning: directive task $law \\(-/TP-HT: \"Tổ chức triển khai" "$out"
check "reworded, dry run: the database is byte-identical" cmp -s "$DB" "$TMPD/before.db"

out=$(pb import "$DATA/directives-reworded.tsv" 2>"$TMPD/err"); rc=$?
expect_eq "reworded: succeeds" 0 "$rc"
expect_match "reworded: the pairing is said" \
	"directive \"Tăng cường thời lượng .*\" continues task $radio " "$out"
expect_match "reworded: no task forks" ' 0 new, ' "$out"
expect_eq "reworded: as many tasks as before" "$before" "$(ntasks)"
expect_match "reworded: the task keeps its id and status, new words" \
	'^DTT done Tăng cường thời lượng .*mỗi tháng ít nhất 3 bài' "$(row "$radio")"
expect_eq "reworded: a title history row, old → new" \
	"mỗi tháng 3 bài|mỗi tháng ít nhất 3 bài|import" \
	"$(sqlite3 "$DB" "SELECT substr(old, instr(old, 'mỗi'), 15), substr(new, instr(new, 'mỗi'), 23), old_source FROM history WHERE task_id = $radio AND kind = 'title'")"
expect_eq "reworded: the note is kept" 1 \
	"$(sqlite3 "$DB" "SELECT count(*) FROM history WHERE task_id = $radio AND kind = 'note'")"
expect_eq "reworded: its key follows the words" 1 \
	"$(sqlite3 "$DB" "SELECT count(*) FROM task WHERE id = $radio AND tkey LIKE '%it nhat 3 bai%'")"
expect_match "reworded: the dropped row is a warning on stderr" \
	"^parboard: .*directives-reworded.tsv: warning: directive task $law \\(-/TP-HT" "$(cat "$TMPD/err")"
out=$(pb import "$DATA/directives-reworded.tsv" 2>&1)
check "reworded: a second import pairs nothing more" \
	sh -c '! printf "%s" "$1" | grep -q "continue"' - "$out"

# A row reworded and given to another role.
dlg=$(pb list --format tsv | awk -F'\t' '$8 == "directive" && $3 == "TP-HT" && $2 == "1.7" { print $1 }')
pb set "$dlg" doing >/dev/null
out=$(pb import "$DATA/directives-reassigned.tsv" 2>"$TMPD/err"); rc=$?
expect_eq "reassigned: succeeds" 0 "$rc"
expect_match "reassigned: the pairing is said" \
	"directives-reassigned.tsv:14: directive \"Đến cuối năm phải tổ chức ít nhất 01 cuộc đối thoại với người dân về .*\" continues task $dlg " "$out"
expect_match "reassigned: the task moves to VP-TK with its status" \
	'^VP-TK doing Đến cuối năm phải tổ chức ít nhất 01 cuộc đối thoại với người dân về' "$(row "$dlg")"
expect_eq "reassigned: a role history row" "TP-HT VP-TK" \
	"$(sqlite3 -separator ' ' "$DB" "SELECT old, new FROM history WHERE task_id = $dlg AND kind = 'role'")"
expect_eq "reassigned: as many tasks as before" "$before" "$(ntasks)"

# A tie: one new row as alike to two old ones.
db="$TMPD/tie.db"
"$PARBOARD" -d "$db" import --past-due "$SEED" "$DATA/directives-tie-before.tsv" >/dev/null 2>&1
"$PARBOARD" -d "$db" import --past-due --dry-run "$DATA/directives-tie.tsv" >"$TMPD/out" 2>&1
expect_match "tie, dry run: the warning is shown" \
	'directives-tie.tsv:20: warning: directive "Rà soát thủ tục hành chính hằng quý." is as close to task [0-9]+ \("Rà soát thủ tục hành chính quý I."\) as to task [0-9]+' "$(cat "$TMPD/out")"
out=$("$PARBOARD" -d "$db" import --past-due "$DATA/directives-tie.tsv" 2>"$TMPD/err")
expect_match "tie: a new task" ' 1 new, ' "$out"
expect_match "tie: a warning" 'warning: directive "Rà soát thủ tục hành chính hằng quý." is as close' "$(cat "$TMPD/err")"
expect_eq "tie: both old tasks are said to be no longer given" 2 \
	"$(grep -c 'warning: directive task .*Rà soát .* no longer given' "$TMPD/err")"

# An appendix without a title: the CSV export of the seed's table.
cp "$DB" "$TMPD/before.db"
out=$(pb import --dry-run "$DATA/appendix.csv" 2>&1); rc=$?
expect_eq "untitled, dry run: succeeds" 0 "$rc"
expect_match "untitled, dry run: says which plan" \
	"no title; its criteria agree with plan \"$PLAN\" \\(15 of 15 appraised scores equal\\): would update that plan" "$out"
expect_match "untitled, dry run: into that plan" "would import 13 tasks into plan \"$PLAN\"" "$out"
check "untitled, dry run: the database is byte-identical" cmp -s "$DB" "$TMPD/before.db"
out=$(pb import "$DATA/appendix-corrected.csv" 2>/dev/null); rc=$?
expect_eq "corrected: succeeds" 0 "$rc"
expect_match "corrected: updates the plan and says so" \
	"no title; its criteria agree with plan \"$PLAN\" \\(14 of 15 appraised scores equal\\): updating that plan" "$out"
expect_match "corrected: no new task, one updated" '13 tasks, 0 new, 1 updated' "$out"
expect_eq "corrected: still one plan" 1 "$(sqlite3 "$DB" 'SELECT count(*) FROM plan')"
expect_match "corrected: the radio's task is still done" '^DTT done ' "$(row "$radio")"

# The year-end appraisal: every code, other scores: refused.
cp "$DB" "$TMPD/before.db"
pb import "$DATA/appendix-year-end.csv" >/dev/null 2>"$TMPD/err"; rc=$?
expect_eq "year end: refused with exit 1" 1 "$rc"
expect_match "year end: asks for --plan" \
	"appendix-year-end.csv: no title, and its criteria are close to plan \"$PLAN\" \\(15 of its 15 codes, [0-9]+ of them with equal appraised scores\\) without agreeing with it: give --plan NAME" "$(cat "$TMPD/err")"
check "year end: nothing written" cmp -s "$DB" "$TMPD/before.db"
pb import --dry-run "$DATA/appendix-year-end.csv" >/dev/null 2>&1; rc=$?
expect_eq "year end, dry run: refused too" 1 "$rc"
out=$(pb --plan "Cả năm 2023" import --past-due "$DATA/appendix-year-end.csv" 2>/dev/null); rc=$?
expect_eq "year end, --plan: succeeds" 0 "$rc"
expect_match "year end, --plan: a new plan" 'plan "Cả năm 2023": [0-9]+ tasks, [0-9]+ new' "$out"
out=$(pb --plan "Cả năm 2023" import --past-due "$DATA/appendix-year-end.csv" 2>/dev/null)
expect_match "year end, --plan: updates it the second time" 'plan "Cả năm 2023": [0-9]+ tasks, 0 new' "$out"
out=$(pb import "$DATA/appendix-corrected.csv" 2>/dev/null); rc=$?
expect_match "corrected, beside the year end: still the half-year plan" \
	"agree with plan \"$PLAN\".*updating" "$out"

# A re-cased title, a new title with the same criteria.
out=$(pb import "$DATA/appendix-recased.txt" 2>/dev/null); rc=$?
expect_eq "re-cased: succeeds" 0 "$rc"
expect_match "re-cased: taken as the plan" \
	"the title \"Phụ lục kết quả .*\" is taken as plan \"$PLAN\" \\(they differ only in case" "$out"
out=$(pb import --dry-run "$DATA/appendix-retitled.txt" 2>/dev/null)
expect_match "retitled, dry run: says which plan" \
	"the title \"KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CCHC NĂM 2023 \\(GIỮA NĂM\\) .*\" is no plan's, but its criteria agree with plan \"$PLAN\" .*: would update that plan" "$out"
out=$(pb import "$DATA/appendix-retitled.txt" 2>/dev/null)
expect_match "retitled: updates the plan" "13 tasks, 0 new" "$out"
expect_eq "no plan was added by any of them" 2 "$(sqlite3 "$DB" 'SELECT count(*) FROM plan')"
expect_match "the board's plan still has its statuses" '^DTT done$' \
	"$(pb --plan "$PLAN" list --format tsv | awk -F'\t' -v id="$radio" '$1 == id { print $3, $5 }')"

# A new title of the same period ("giữa năm" is the first half) whose
# scores were corrected: not sure, so --plan decides.
awk -F'\t' -v OFS='\t' 'NR >= 108 && NR <= 132 && $1 != "" { $5 = "0,1" } { print }' \
	"$DATA/appendix-retitled.txt" >"$TMPD/retitled-corrected.txt"
before=$(sqlite3 "$DB" .dump | md5sum)
pb import "$TMPD/retitled-corrected.txt" >/dev/null 2>"$TMPD/err"; rc=$?
expect_eq "retitled and corrected: refused (exit 1)" 1 "$rc"
expect_match "retitled and corrected: asks for --plan" \
	"is no plan's, and its criteria are close to plan \"$PLAN\" .* give --plan NAME" "$(cat "$TMPD/err")"
expect_eq "retitled and corrected: nothing changed" "$before" "$(sqlite3 "$DB" .dump | md5sum)"
# The same criteria under a title naming another period: a new plan.
sed 's/NĂM 2023 (GIỮA NĂM)/6 THÁNG CUỐI NĂM 2023/' "$DATA/appendix-retitled.txt" >"$TMPD/second-half.txt"
out=$(pb import "$TMPD/second-half.txt" 2>/dev/null); rc=$?
expect_eq "another period: succeeds" 0 "$rc"
expect_match "another period: a new plan, without asking" '13 tasks, 13 new' "$out"

# A title-less file no plan comes close to is a plan named after it.
out=$("$PARBOARD" -d "$TMPD/fresh.db" import --past-due "$DATA/appendix-year-end.csv" 2>/dev/null); rc=$?
expect_eq "untitled into an empty database: succeeds" 0 "$rc"
expect_match "untitled into an empty database: named after the file" 'plan "appendix-year-end"' "$out"
finish
