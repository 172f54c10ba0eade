# SPDX-License-Identifier: ISC
# due: a task's schedule (issue 20) — a date, ongoing ("thường xuyên")
# or a recurring target (--every, --target); one line said, one history
# row of kind due; refusals (a bad date, period or count: exit 2; an
# unknown task, no permission: exit 1) write nothing; who may: those who
# may change a due date, and whoever added the task by hand.
. "$SRCDIR/tests/lib.sh"
command -v sqlite3 >/dev/null || skip "sqlite3 missing"

me=$(id -un)
q() { sqlite3 "$DB" "$1"; }
snapshot() { q "SELECT group_concat(id || due || coalesce(target, '') ||
    coalesce(every, ''), ';') FROM task; SELECT count(*) FROM history"; }
at() { d=$1; shift; "$PARBOARD" -d "$DB" --today "$d" "$@"; }
pb import "$SEED" "$DIRECTIVES" >/dev/null 2>&1 || fail "import"

# A date: said in one line, stored as the task's own, one history row.
out=$(pb due 1.7/CA 15/12/2023); rc=$?
expect_eq "due DATE: exit 0" 0 "$rc"
expect_eq "due DATE: says what it did" "1.7/CA: due 2023-12-15" "$out"
expect_eq "due DATE: the task's own date" "2023-12-15|task" \
    "$(q "SELECT due || '|' || due_source FROM task
     WHERE code = '1.7' AND origin = 'appendix'")"
expect_eq "due DATE: one history row of kind due, old and new" \
    "2023-10-31|2023-12-15" "$(q "SELECT h.old || '|' || h.new FROM history h
     JOIN task t ON t.id = h.task_id WHERE t.code = '1.7'
     AND t.origin = 'appendix' AND h.kind = 'due'")"
expect_match "Vietnamese: the date as dd/mm/yyyy" '^1\.7/CA: hạn 16/12/2023$' \
    "$(LANGUAGE=vi pb due 1.7/CA 2023-12-16)"

# Ongoing, in both words: no due date, never late.
out=$(LANGUAGE=vi pb due 1.7/CA "thường xuyên"); rc=$?
expect_eq "due thường xuyên: exit 0" 0 "$rc"
expect_eq "due thường xuyên: said" "1.7/CA: thường xuyên, không tính quá hạn" "$out"
expect_eq "due thường xuyên: no due date" "1" "$(q "SELECT count(*) FROM task
     WHERE code = '1.7' AND origin = 'appendix' AND due IS NULL")"
expect_eq "ongoing: never in list --overdue" "" \
    "$(at 2024-06-01 list --overdue --format tsv | awk -F'\t' \
    '$2 == "1.7" && $3 == "CA" && $8 != "directive"')"
expect_match "ongoing: the list says so" ' 1\.7 +CA .* ongoing ' \
    "$(at 2024-06-01 list --role CA)"
expect_eq "due ongoing: exit 0" 0 "$(pb due 1.7/CA ongoing >/dev/null; echo $?)"

# A recurring target: its count and period stored, late only by a month
# that fell short.
out=$(pb due 1.4.2/DTT 31/12/2023 --every month --target "3 bài"); rc=$?
expect_eq "due --every --target: exit 0" 0 "$rc"
expect_eq "due --every --target: said" \
    "1.4.2/DTT: 3 bài every month until 2023-12-31" "$out"
expect_eq "due --every --target: stored" "2023-12-31|3 bài|month" \
    "$(q "SELECT due || '|' || target || '|' || every FROM task
     WHERE code = '1.4.2' AND role = 'DTT'")"
expect_eq "due --target 2: a bare count" 0 \
    "$(pb due 1.4.2/DTT 31/12/2023 --every quarter --target 2 >/dev/null
    echo $?)"
pb due 1.4.2/DTT 31/12/2023 --every tháng --target "3 bài" >/dev/null

# Refusals: a message, the exit status, nothing written.
was=$(snapshot)
refused() {
	_want=$1 _what=$2 _pattern=$3; shift 3
	out=$(pb "$@" 2>&1); rc=$?
	expect_eq "$_what: exit $_want" "$_want" "$rc"
	expect_match "$_what: says why" "$_pattern" "$out"
	expect_eq "$_what: nothing written" "$was" "$(snapshot)"
}
refused 2 "a bad date" "^parboard: 31/02/2023: not a date" \
    due 1.7/CA 31/02/2023
refused 2 "no date" "^parboard: due: expected TASK" due 1.7/CA
refused 2 "--every without --target" "go together" \
    due 1.7/CA 2023-12-31 --every month
refused 2 "a period that is none" "not a target" \
    due 1.7/CA 2023-12-31 --every "6 tháng" --target 3
refused 2 "a count that is none" "not a target" \
    due 1.7/CA 2023-12-31 --every month --target "nhiều bài"
refused 2 "a count of 0" "not a target" \
    due 1.7/CA 2023-12-31 --every month --target 0
refused 1 "an unknown task" "^parboard: no task '9.9/XX'" \
    due 9.9/XX 2023-12-31
refused 2 "an option of another command" "" \
    due 1.7/CA 2023-12-31 --count 3

# Who may: admins; not a role's own account; but whoever added a task by
# hand may change its date.
printf 'users = { %s = ["CA"]; };\n' "$me" > "$TMPD/ca.conf"
refused 1 "a role's account on an appendix task" "may not" \
    -c "$TMPD/ca.conf" due 1.7/CA 2023-12-31
q "INSERT INTO task (plan_id, tkey, role, title, origin, status, due,
    due_source, created_at, version) SELECT id, 'M:test', 'CA', 'Thêm tay',
    'manual', 'todo', '2023-10-31', 'task', '2023-09-13', 1 FROM plan;
    INSERT INTO history (task_id, at, user, kind, new)
    SELECT id, '2023-09-13 08:00:00', '$me', 'created', 'manual' FROM task
    WHERE tkey = 'M:test'"
id=$(q "SELECT id FROM task WHERE tkey = 'M:test'")
expect_eq "its author changes a hand-added task's date" \
    "$id: due 2023-11-30" "$(pb -c "$TMPD/ca.conf" due "$id" 2023-11-30)"
q "UPDATE history SET user = 'lan' WHERE task_id = $id AND kind = 'created'"
was=$(snapshot)
refused 1 "another's hand-added task" "may not" \
    -c "$TMPD/ca.conf" due "$id" 2023-12-31

finish
