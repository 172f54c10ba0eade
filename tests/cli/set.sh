# SPDX-License-Identifier: ISC
# set: by id and by CODE/ROLE, notes, the user, errors.
. "$SRCDIR/tests/lib.sh"

pb import "$SEED" >/dev/null 2>&1 || fail "import"
id=$(pb list --format tsv | awk -F'\t' '$2 == "3.11.1" { print $1 }')
pb set "$id" doing; expect_eq "set by id" 0 "$?"
expect_eq "status by id" doing "$(pb list --format tsv | awk -F'\t' -v id="$id" '$1 == id { print $5 }')"
pb set 3.11.1/TN-TKQ "Hoàn thành" --no-evidence --explain "giải trình" --note "Đã chuyển 70% hồ sơ qua mạng"
expect_eq "set by CODE/ROLE with a Vietnamese label" 0 "$?"
expect_eq "status done" done "$(pb list --format tsv | awk -F'\t' '$2 == "3.11.1" { print $5 }')"
# The note is stored byte-exact, NFC, with the Unix account.
note=$(sqlite3 "$DB" "SELECT new FROM history WHERE kind = 'note' AND task_id = $id")
expect_eq "note stored byte-exact" "Đã chuyển 70% hồ sơ qua mạng" "$note"
who=$(sqlite3 "$DB" "SELECT DISTINCT user FROM history WHERE task_id = $id AND kind = 'status'")
expect_eq "history has the Unix account (getuid, not \$USER)" "$(id -un)" "$(USER=mallory; echo "$who")"
USER=mallory pb set "$id" todo >/dev/null
# SQLite's -wal and -shm files stay when parboard exits (the next start
# need not make them again), the log empty: the database file alone
# holds every change.
check "the -wal file stays" test -e "$DB-wal"
check "the -shm file stays" test -e "$DB-shm"
check "the -wal file is empty after exit" test ! -s "$DB-wal"
cp "$DB" "$TMPD/alone.db"
expect_eq "the database alone holds the last change" todo \
	"$(sqlite3 "$TMPD/alone.db" "SELECT status FROM task WHERE id = $id")"
rm -f "$TMPD/alone.db"

who=$(sqlite3 "$DB" "SELECT user FROM history WHERE task_id = $id ORDER BY id DESC LIMIT 1")
expect_eq "\$USER does not change the recorded account" "$(id -un)" "$who"
hist=$(sqlite3 "$DB" "SELECT kind || ':' || ifnull(old,'') || '>' || ifnull(new,'') FROM history WHERE task_id = $id AND kind = 'status' ORDER BY id" | tr '\n' ' ')
expect_eq "every change is a history row" "status:todo>doing status:doing>done status:done>todo " "$hist"

# Notes from the command line: invalid UTF-8 refused, NFD stored as NFC.
cp "$DB" "$TMPD/before.db"
pb set "$id" doing --note "$(printf 'bad\377')" 2>"$TMPD/err"; rc=$?
expect_eq "invalid UTF-8 note: exit 1" 1 "$rc"
expect_match "invalid UTF-8 note: says so" 'UTF-8' "$(cat "$TMPD/err")"
check "invalid UTF-8 note: database unchanged" cmp -s "$DB" "$TMPD/before.db"
pb set "$id" doing --note "$(printf 'Va\314\202\314\243n ba\314\211n')" >/dev/null
note=$(sqlite3 "$DB" "SELECT hex(new) FROM history WHERE kind = 'note' ORDER BY id DESC LIMIT 1")
expect_eq "NFD note stored as NFC" "$(printf 'Vận bản' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" "$note"

# CODE/ROLE naming an appendix task and a directive: the appendix one,
# with a note naming the other.
pb import "$DIRECTIVES" >/dev/null 2>&1
pb set 1.7/CA doing 2>"$TMPD/err" >/dev/null
expect_match "ambiguous CODE/ROLE: the other task is named" \
	'1\.7/CA also names task [0-9]+' "$(cat "$TMPD/err")"

pb set 9.9.9/CA done 2>"$TMPD/err"; rc=$?
expect_eq "unknown task: exit 1" 1 "$rc"
expect_match "unknown task: named" "9.9.9/CA" "$(cat "$TMPD/err")"
pb set 1.7/CA finished >/dev/null 2>&1; expect_eq "bad status: exit 2" 2 "$?"
pb set 1.7/CA >/dev/null 2>&1; expect_eq "missing status: exit 2" 2 "$?"
pb set 1.7/CA done --dry-run >/dev/null 2>&1; expect_eq "misplaced option: exit 2" 2 "$?"

# --today pins the date of what is written (history, notes, created_at),
# not the time of day: a scripted fortnight reads as one.
tdb="$TMPD/today.db"
h0=$(date +%H)
"$PARBOARD" -d "$tdb" --today 2023-09-01 import "$SEED" >/dev/null 2>&1
"$PARBOARD" -d "$tdb" --today 2023-09-20 set 1.7/CA doing --note "đã họp" >/dev/null
h1=$(date +%H)
expect_eq "--today: the status change is dated that day" "2023-09-20 2023-09-20" \
	"$(sqlite3 "$tdb" "SELECT group_concat(date(at, 'localtime'), ' ') FROM history WHERE kind IN ('status', 'note')")"
expect_eq "--today: tasks are created that day" "2023-09-01" \
	"$(sqlite3 "$tdb" "SELECT DISTINCT date(created_at, 'localtime') FROM task")"
hh=$(sqlite3 "$tdb" "SELECT strftime('%H', at, 'localtime') FROM history WHERE kind = 'status'")
check "--today: the time of day is the clock's" test "$hh" = "$h0" -o "$hh" = "$h1"
expect_match "--today: the report's changes since that day show it" '1\.7/CA status' \
	"$("$PARBOARD" -d "$tdb" report --since 2023-09-20 2>/dev/null)"

# A read-only database in a directory its reader cannot write (so SQLite
# cannot make its WAL files): reading works, writing says so.  Root
# ignores file modes, so as root the check runs as nobody.
ro=$(mktemp -d /tmp/parboard-ro.XXXXXX)
# Copies the reader can run wherever the build tree is.
readable_copy "$ro"
cp "$DB" "$ro/ro.db"
chmod 0444 "$ro/ro.db"
chmod 0555 "$ro" "$ro/parboard"
as_reader() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
	command -v su >/dev/null || skip "su missing"
	as_reader() { su nobody -s /bin/sh -c "$(printf '%q ' "$@")"; }
fi
out=$(as_reader "$ro/parboard" -d "$ro/ro.db" list --format tsv 2>&1); rc=$?
expect_eq "read-only: list works" 0 "$rc"
expect_match "read-only: list shows the tasks" '3\.11\.1' "$out"
as_reader "$ro/parboard" -d "$ro/ro.db" set 1.7/CA done --no-evidence --explain "giải trình" 2>"$TMPD/err"
expect_eq "read-only: set fails" 1 "$?"
expect_match "read-only: says so" 'read-only' "$(cat "$TMPD/err")"
chmod 0755 "$ro"
rm -rf "$ro"

# The labels of po/GLOSSARY, in any language; "Hoàn thành" above is the
# older label, still understood.
pb set 1.5.3/VP-TK "Có vướng mắc" --note "Chờ máy"
expect_eq "set with the glossary's label, in English" blocked \
    "$(pb list --format tsv | awk -F'\t' '$2 == "1.5.3" { print $5 }')"
pb set 1.5.3/VP-TK "đã hoàn thành" --no-evidence --explain "giải trình"
expect_eq "the glossary's label, lower case" done \
    "$(pb list --format tsv | awk -F'\t' '$2 == "1.5.3" { print $5 }')"
finish
