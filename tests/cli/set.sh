# set: by id and by CODE/ROLE, notes, the user, errors.
. "$SRCDIR/tests/lib.sh"

pb import "$SEED" >/dev/null 2>&1 || fail "import"
id=$(pb list --format tsv | awk -F'\t' '$2 == "3.11.1" { print $1 }')
pb set "$id" doing; expect_eq "set by id" 0 "$?"
expect_eq "status by id" doing "$(pb list --format tsv | awk -F'\t' -v id="$id" '$1 == id { print $5 }')"
pb set 3.11.1/TN-TKQ "Hoàn thành" --note "Đã chuyển 70% hồ sơ qua mạng"
expect_eq "set by CODE/ROLE with a Vietnamese label" 0 "$?"
expect_eq "status done" done "$(pb list --format tsv | awk -F'\t' '$2 == "3.11.1" { print $5 }')"

# The note is stored byte-exact, NFC, with the Unix account.
note=$(sqlite3 "$DB" "SELECT new FROM history WHERE kind = 'note' AND task_id = $id")
expect_eq "note stored byte-exact" "Đã chuyển 70% hồ sơ qua mạng" "$note"
who=$(sqlite3 "$DB" "SELECT DISTINCT user FROM history WHERE task_id = $id AND kind = 'status'")
expect_eq "history has the Unix account (getuid, not \$USER)" "$(id -un)" "$(USER=mallory; echo "$who")"
USER=mallory pb set "$id" todo >/dev/null
who=$(sqlite3 "$DB" "SELECT user FROM history WHERE task_id = $id ORDER BY id DESC LIMIT 1")
expect_eq "\$USER does not change the recorded account" "$(id -un)" "$who"
hist=$(sqlite3 "$DB" "SELECT kind || ':' || ifnull(old,'') || '>' || ifnull(new,'') FROM history WHERE task_id = $id AND kind = 'status' ORDER BY id" | tr '\n' ' ')
expect_eq "every change is a history row" "status:todo>doing status:doing>done status:done>todo " "$hist"

pb set 9.9.9/CA done 2>"$TMPD/err"; rc=$?
expect_eq "unknown task: exit 1" 1 "$rc"
expect_match "unknown task: named" "9.9.9/CA" "$(cat "$TMPD/err")"
pb set 1.7/CA finished >/dev/null 2>&1; expect_eq "bad status: exit 2" 2 "$?"
pb set 1.7/CA >/dev/null 2>&1; expect_eq "missing status: exit 2" 2 "$?"
pb set 1.7/CA done --dry-run >/dev/null 2>&1; expect_eq "misplaced option: exit 2" 2 "$?"

# A read-only database: reading works, writing says so.
chmod 0444 "$DB"
if [ -w "$DB" ]; then
	pass "read-only database (skipped: root ignores file modes)"
else
	pb list >/dev/null; expect_eq "read-only: list works" 0 "$?"
	pb set 1.7/CA done 2>"$TMPD/err"; expect_eq "read-only: set fails" 1 "$?"
	expect_match "read-only: says so" 'read-only|readonly' "$(cat "$TMPD/err")"
fi
chmod 0644 "$DB"
finish
