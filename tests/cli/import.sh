# SPDX-License-Identifier: ISC
# Import of the real directive, its variants, re-import and dry runs.
. "$SRCDIR/tests/lib.sh"

# python3 (tasks_summary) is a test dependency, installed by
# .ci/bootstrap.
command -v python3 >/dev/null || skip "python3 missing"

out=$(pb import "$SEED" 2>"$TMPD/err"); rc=$?
expect_eq "import of the seed succeeds" 0 "$rc"
expect_match "import names the plan" 'PHỤ LỤC KẾT QUẢ ĐÁNH GIÁ CCHC XÃ HIỀN THÀNH 6 THÁNG ĐẦU NĂM 2023 VÀ BIỆN PHÁP KHẮC PHỤC' "$out"
expect_match "import counts 13 tasks worth 10,77" '13 tasks, 13 new.*10\.77 points' "$out"
err=$(cat "$TMPD/err")
expect_match "3.13's listed deduction is reported with file and line" \
	"^parboard: $SEED:[0-9]+: warning: 3.13: listed deduction -0[,.]07, but standard - appraised is 0[,.]67" "$err"
expect_match "3.12's children disagree" \
	'3.12: listed deduction -1[,.]00, but its sub-criteria list -2[,.]00' "$err"
expect_match "the total row disagrees" \
	'total row: listed deduction 7[,.]82, but self-assessed - appraised is 7[,.]18' "$err"

json=$(pb list --format json)
s=$(printf '%s' "$json" | tasks_summary)
expect_eq "13 tasks from the appendix" 13 "$(printf '%s\n' "$s" | grep -c '^appendix ')"
total=$(printf '%s' "$json" | python3 -c 'import json,sys; print("%.2f" % sum(t["points"] or 0 for t in json.load(sys.stdin)))')
expect_eq "points at stake add up to 10,77" 10.77 "$total"
expect_match "1.7 goes to the police, supported by TP-HT" '^appendix 1.7 CA TP-HT 1.00 todo 2023-10-31 ' "$s"
expect_match "1.4.2 goes to VH-XH, supported by VP-TK" '^appendix 1.4.2 VH-XH VP-TK 1.00 ' "$s"
expect_match "1.5.1 goes to all staff" '^appendix 1.5.1 CHUNG  1.00 ' "$s"
expect_match "3.12.1 goes to the one-stop desk" '^appendix 3.12.1 TN-TKQ  1.00 ' "$s"
expect_match "3.13.2 has 0,31 at stake" '^appendix 3.13.2 TN-TKQ  0.31 ' "$s"
expect_match "a split title is merged" '^appendix 1.5.4 CHUNG  1.50 .*CCHC trong năm của xã, phường, thị trấn\)$' "$s"
if printf '%s\n' "$s" | grep -Eq '^appendix (3\.12|3\.13) '; then
	fail "parents 3.12 and 3.13 must not be tasks"
else
	pass "parents 3.12 and 3.13 are not tasks"
fi

# Directives: tasks of their own, linked to criteria, adding no points.
rows=$(tail -n +2 "$DIRECTIVES" | grep -c .)
out=$(pb import "$DIRECTIVES" 2>"$TMPD/err"); rc=$?
expect_eq "import of the directives table succeeds" 0 "$rc"
json=$(pb list --format json)
s=$(printf '%s' "$json" | tasks_summary)
expect_eq "one task per directive" "$rows" "$(printf '%s\n' "$s" | grep -c '^directive ')"
expect_match "the radio's broadcasts are linked to 1.4.2" '^directive 1.4.2 DTT  null ' "$s"
expect_match "the police dialogue is linked to 1.7" '^directive 1.7 CA .* null ' "$s"
expect_eq "the Fatherland Front's three directives land in MTTQ" 3 \
	"$(printf '%s\n' "$s" | grep -c '^directive [^ ]* MTTQ ')"
expect_eq "no directive of the seed is left unassigned" 0 \
	"$(printf '%s\n' "$s" | grep -c '^directive [^ ]* CHUA-GIAO ')"
report=$(pb report)
expect_match "report shows the appraised score" 'Appraised score: 69\.82' "$report"
expect_match "report projects 80.59 whatever the directives" '80\.59' "$report"

# Re-import keeps status and history.
pb set 1.7/CA done --explain "giải trình" --note "Đã đối thoại" >/dev/null
pb import "$SEED" "$DIRECTIVES" >/dev/null 2>&1
expect_eq "re-import keeps a status set in between" done \
	"$(pb list --format tsv | awk -F'\t' '$2 == "1.7" && $3 == "CA" && $8 == "appendix" { print $5 }')"
n=$(sqlite3 "$DB" "SELECT count(*) FROM history h JOIN task t ON t.id = h.task_id WHERE t.code = '1.7' AND t.role = 'CA' AND t.origin = 'appendix'")
expect_eq "re-import keeps the history (created, status, note)" 3 "$n"
expect_eq "re-import adds no task" "$((13 + rows))" "$(pb list --format tsv | tail -n +2 | wc -l)"

# Variants of the same table give the same tasks.
ref=$(pb list --format json | tasks_summary | grep '^appendix ' | cut -d' ' -f1-5,8-)
for f in appendix-crlf.tsv appendix-nfd.txt appendix.csv; do
	db="$TMPD/$f.db"
	"$PARBOARD" -d "$db" import --past-due "$DATA/$f" >/dev/null 2>&1; rc=$?
	expect_eq "$f imports" 0 "$rc"
	got=$("$PARBOARD" -d "$db" list --format json | tasks_summary | grep "^appendix " | cut -d' ' -f1-5,8-)
	expect_eq "$f gives the same tasks, byte for byte" "$ref" "$got"
done

# A dry run writes nothing: no database is created, an existing one is
# left byte-identical.
out=$("$PARBOARD" -d "$TMPD/none.db" import --past-due --dry-run "$SEED" "$DIRECTIVES" 2>&1); rc=$?
expect_eq "dry run succeeds" 0 "$rc"
expect_match "dry run lists the tasks" 'would import 13 task' "$out"
expect_match "dry run prints the findings" '3.13: listed deduction -0[,.]07' "$out"
check "dry run creates no database" test ! -e "$TMPD/none.db"
cp "$DB" "$TMPD/before.db"
pb import --dry-run "$DATA/appendix.csv" >/dev/null 2>&1
check "dry run leaves the database byte-identical" cmp -s "$DB" "$TMPD/before.db"

# A title-less file is a plan of its own, named after the file or --plan.
pb import --plan "Cuối năm 2023" "$DATA/appendix.csv" >/dev/null 2>&1
expect_match "--plan names a plan" 'Cuối năm 2023' "$(sqlite3 "$DB" 'SELECT name FROM plan')"
expect_eq "list works on the newest plan" 13 "$(pb list --format tsv | tail -n +2 | wc -l)"
expect_eq "--plan selects the older plan" "$((13 + rows))" \
	"$(pb --plan 'PHỤ LỤC KẾT QUẢ ĐÁNH GIÁ CCHC XÃ HIỀN THÀNH 6 THÁNG ĐẦU NĂM 2023 VÀ BIỆN PHÁP KHẮC PHỤC' list --format tsv | tail -n +2 | wc -l)"
# Re-importing the older plan does not make it the newest.
pb import "$SEED" >/dev/null 2>&1
expect_eq "re-importing an older plan keeps the newest one current" 13 \
	"$(pb list --format tsv | tail -n +2 | wc -l)"
# A corrected directives table with a row inserted and rows swapped:
# statuses and notes stay with the directive they were given to.
db="$TMPD/dir.db"
"$PARBOARD" -d "$db" import --past-due "$SEED" "$DIRECTIVES" >/dev/null 2>&1
radio=$("$PARBOARD" -d "$db" list --role DTT --format tsv | awk -F'\t' '$8 == "directive" { print $1 }')
"$PARBOARD" -d "$db" set "$radio" done --explain "giải trình" --note "3 bài tháng 9" >/dev/null
{ head -n 1 "$DIRECTIVES"; printf 'CHUNG\t\tRà soát danh mục TTHC.\t\t\t\n'; tail -n +2 "$DIRECTIVES" | tac; } > "$TMPD/moved.tsv"
out=$("$PARBOARD" -d "$db" import --past-due "$TMPD/moved.tsv" 2>/dev/null)
expect_match "moved rows: one new task, none updated" '1 new, 0 updated' "$out"
got=$("$PARBOARD" -d "$db" list --format tsv | awk -F'\t' -v id="$radio" '$1 == id { print $3, $5, $9 }')
expect_match "moved rows: the radio's task keeps its status" '^DTT done Tăng cường thời lượng phát tin bài' "$got"
expect_eq "moved rows: only that task is done" 1 \
	"$("$PARBOARD" -d "$db" list --status done --format tsv | tail -n +2 | wc -l)"

# A corrected appendix that reassigns a criterion: the task follows to
# its new owner (a task is known by its plan and criterion, the owner is
# an attribute), keeps its status, and its history says so.
ca17=$("$PARBOARD" -d "$db" list --format tsv | awk -F'\t' '$8 == "appendix" && $2 == "1.7" { print $1 }')
"$PARBOARD" -d "$db" set "$ca17" doing >/dev/null
sed 's/- Giao cho Công an xã và công chức Tư pháp – Hộ tịch/- Giao cho công chức Tư pháp – Hộ tịch/' "$SEED" > "$TMPD/reassigned.txt"
out=$("$PARBOARD" -d "$db" import --past-due "$TMPD/reassigned.txt" 2>"$TMPD/err")
expect_match "reassignment: no new task, one updated" '13 tasks, 0 new, 1 updated' "$out"
check "reassignment: nothing reported as kept" \
	sh -c '! grep -q "no longer given" "$1"' - "$TMPD/err"
expect_eq "reassignment: the same task, new owner, status kept" "1.7 TP-HT doing" \
	"$("$PARBOARD" -d "$db" list --format tsv | awk -F'\t' -v id="$ca17" '$1 == id { print $2, $3, $5 }')"
expect_eq "reassignment: a role history row" "CA TP-HT import" \
	"$(sqlite3 -separator ' ' "$db" "SELECT old, new, old_source FROM history WHERE task_id = $ca17 AND kind = 'role'")"

# A configuration that adds roles: no task forks, statuses stay, owners
# follow the new configuration; a task a person reassigned keeps its
# owner.
db="$TMPD/roles.db"
"$PARBOARD" -d "$db" import --past-due "$SEED" "$DIRECTIVES" >/dev/null 2>&1
before=$("$PARBOARD" -d "$db" list --format tsv | tail -n +2 | wc -l)
ids=$("$PARBOARD" -d "$db" list --format tsv | awk -F'\t' 'NR > 1 && NR % 3 == 0 { print $1 }')
for id in $ids; do "$PARBOARD" -d "$db" set "$id" doing >/dev/null; done
"$PARBOARD" -d "$db" set 1.5.3/VP-TK done --explain "giải trình" >/dev/null
t15=$("$PARBOARD" -d "$db" list --format tsv | awk -F'\t' '$2 == "1.5.3" { print $1 }')
sqlite3 "$db" "UPDATE task SET role = 'DTT', role_source = 'hand' WHERE id = $t15"
statuses=$("$PARBOARD" -d "$db" list --format tsv | awk -F'\t' 'NR > 1 { print $1, $5 }' | sort)
sed '/^roles = (/a\
	{ id = "LD"; name = "Lãnh đạo"; match = [ "giao cho" ]; },\
	{ id = "MT"; name = "Mặt trận"; match = [ "mặt trận" ]; },' \
	"$BUILDDIR/share/parboard.conf" > "$TMPD/roles.conf"
"$PARBOARD" -c "$TMPD/roles.conf" -d "$db" import --past-due "$SEED" "$DIRECTIVES" >"$TMPD/out" 2>&1
expect_match "new roles: no new task" '13 tasks, 0 new' "$(cat "$TMPD/out")"
expect_eq "new roles: as many tasks as before" "$before" \
	"$("$PARBOARD" -d "$db" list --format tsv | tail -n +2 | wc -l)"
expect_eq "new roles: statuses kept" "$statuses" \
	"$("$PARBOARD" -d "$db" list --format tsv | awk -F'\t' 'NR > 1 { print $1, $5 }' | sort)"
check "new roles: appendix tasks given to LD" test \
	"$("$PARBOARD" -c "$TMPD/roles.conf" -d "$db" list --role LD --format tsv | tail -n +2 | wc -l)" -gt 0
expect_eq "new roles: the Fatherland Front's directives in MT" 3 \
	"$("$PARBOARD" -c "$TMPD/roles.conf" -d "$db" list --role MT --format tsv | tail -n +2 | wc -l)"
expect_eq "new roles: a reassigned task keeps its owner" "DTT" \
	"$("$PARBOARD" -d "$db" list --format tsv | awk -F'\t' -v id="$t15" '$1 == id { print $3 }')"
check "new roles: each owner change is in the history" test \
	"$(sqlite3 "$db" "SELECT count(*) FROM history WHERE kind = 'role' AND old_source = 'import'")" -ge 3
finish
