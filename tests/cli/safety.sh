# SPDX-License-Identifier: ISC
# Nothing lost (issue 9): the first import, the busy handler, backup and
# check.
. "$SRCDIR/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 missing"

# A writer holding the lock longer than the old 5 s timeout: set waits
# for it instead of saying "database is locked".
pb import "$SEED" >/dev/null 2>&1
ca=$(pb list --format tsv | awk -F'\t' '$2 == "1.7" && $3 == "CA" && $8 == "appendix" { print $1 }')
python3 - "$DB" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[1] + ".locked", "w").close()
time.sleep(6.5)
c.execute("COMMIT")
PY
holder=$!
while [ ! -e "$DB.locked" ]; do sleep 0.1; done
pb set "$ca" doing 2>"$TMPD/err"
expect_eq "set waits for a writer holding the lock 6,5 s" 0 "$?"
expect_eq "and says nothing of a lock" "" "$(cat "$TMPD/err")"
wait "$holder"

# A failed first import removes only its own temporary file: a database
# another user created meanwhile survives with what was written to it.
python3 - "$TMPD/slow.tsv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("STT\tTIÊU CHÍ\tĐIỂM CHUẨN\tĐIỂM THẨM ĐỊNH\n")
    for i in range(150000):
        f.write("9.%d\tA\t1\t1\n" % i)
    f.write("9.x\tA\tbad\t1\n")
PY
NEW="$TMPD/race.db"
"$PARBOARD" -d "$NEW" import --past-due "$TMPD/slow.tsv" >/dev/null 2>"$TMPD/slow.err" &
slow=$!
sleep 0.2
"$PARBOARD" -d "$NEW" import --past-due "$SEED" >/dev/null 2>&1
expect_eq "the other user's import succeeds" 0 "$?"
wait "$slow"
expect_eq "the failing import fails" 1 "$?"
expect_eq "the other user's database survives" 31 \
	"$("$PARBOARD" -d "$NEW" list --format tsv 2>/dev/null | tail -n +2 | wc -l | tr -d ' ')"
expect_eq "no temporary file is left" "" "$(ls "$TMPD" | grep 'race.db.new')"

# An interrupted first import leaves no schema-only database.
"$PARBOARD" -d "$TMPD/killed.db" import --past-due "$TMPD/slow.tsv" >/dev/null 2>&1 &
k=$!
sleep 0.3
kill -9 "$k" 2>/dev/null
wait "$k" 2>/dev/null
expect_eq "a killed first import leaves no database" no \
	"$([ -e "$TMPD/killed.db" ] && echo yes || echo no)"

# Backup while a writer holds the database, and the daily copies.
pb backup "$TMPD/copy.db" >/dev/null
expect_eq "backup FILE succeeds" 0 "$?"
expect_eq "the copy holds the tasks" "$(pb list --format tsv | wc -l)" \
	"$("$PARBOARD" -d "$TMPD/copy.db" --today 2023-09-13 list --format tsv | wc -l)"
pb backup "$TMPD/copy.db" 2>"$TMPD/err"
expect_eq "backup refuses to overwrite" 1 "$?"
pb backup "$DB" 2>/dev/null
expect_eq "backup refuses the database itself" 1 "$?"
expect_eq "the first write of the day leaves a daily copy" test-2023-09-13.db \
	"$(ls "$TMPD/backup")"
printf 'backup = { keep = 2; dir = "%s/bk"; };\n' "$TMPD" >"$TMPD/bk.conf"
for d in 2023-09-14:todo 2023-09-15:doing 2023-09-16:done; do
	st=${d#*:}; ex=; [ "$st" = done ] && ex="giải trình"
	"$PARBOARD" -c "$TMPD/bk.conf" -d "$DB" --today ${d%:*} set 1.7/CA "$st" ${ex:+--explain "$ex"} >/dev/null 2>&1
done
expect_eq "keep = 2 keeps the two newest" "test-2023-09-15.db test-2023-09-16.db" \
	"$(ls "$TMPD/bk" | tr '\n' ' ' | sed 's/ $//')"

# A daily copy that cannot be written is said, and the change still made.
: >"$TMPD/not-a-dir"
printf 'backup = { keep = 2; dir = "%s/not-a-dir/bk"; };\n' "$TMPD" >"$TMPD/bk-bad.conf"
"$PARBOARD" -c "$TMPD/bk-bad.conf" -d "$DB" --today 2023-09-17 set 1.7/CA doing >/dev/null 2>"$TMPD/err"
expect_eq "backup impossible: the change is made (exit 0)" 0 "$?"
expect_match "backup impossible: said on stderr" \
	"^parboard: warning: the daily backup was not written: .*not-a-dir" "$(cat "$TMPD/err")"
expect_eq "backup impossible: the status changed" doing \
	"$(pb list --format tsv | awk -F'\t' '$2 == "1.7" && $3 == "CA" && $8 == "appendix" { print $5 }')"
# A copy is written under no name and linked into place when whole: a
# kill half-way leaves no file behind (no named temporary file is made).
if command -v strace >/dev/null 2>&1; then
	strace -f -qq -e trace=openat,open,creat,link,linkat -o "$TMPD/bk.trace" \
	    "$PARBOARD" -d "$DB" backup "$TMPD/copy2.db" >/dev/null 2>&1
	expect_eq "backup: the copy is whole" ok "$(sqlite3 "$TMPD/copy2.db" 'PRAGMA integrity_check')"
	expect_eq "backup: no named temporary file" "" \
	    "$(grep -E 'copy2\.db\.' "$TMPD/bk.trace")"
	expect_match "backup: an unnamed file (O_TMPFILE) linked into place" \
	    'O_TMPFILE' "$(grep -F "$TMPD" "$TMPD/bk.trace")"
fi

# check: the council's findings are warnings, damage is exit 1.
out=$(pb check)
expect_eq "check of a sound database exits 0" 0 "$?"
expect_match "the appendix's own findings are warnings" '^warning: .*3\.13' "$out"
expect_match "and the verdict says no damage" 'no damage found' "$out"
cp "$DB" "$TMPD/bad.db"
python3 - "$TMPD/bad.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA foreign_keys = OFF")
c.execute("INSERT INTO history (task_id, user, kind) VALUES (99999, 'x', 'note')")
c.execute("UPDATE counter SET seq = 0")
c.commit()
PY
out=$("$PARBOARD" -d "$TMPD/bad.db" check)
expect_eq "check of a damaged database exits 1" 1 "$?"
expect_match "names the dangling history row" 'damage: history' "$out"
expect_match "and the counter behind" 'damage: counter 0 is behind' "$out"

# Findings are stored as facts: imported in Vietnamese, each reader reads
# them in their own language; a row of schema 8 (only its words) is kept.
LANGUAGE=vi "$PARBOARD" -d "$TMPD/vi.db" import --past-due "$SEED" >/dev/null 2>&1 ||
	fail "import in Vietnamese"
python3 - "$TMPD/vi.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("INSERT INTO finding (plan_id, file, line, message)"
          " VALUES (1, 'old.csv', 4, 'old words kept')")
c.commit()
PY
out=$("$PARBOARD" -d "$TMPD/vi.db" check)
expect_match "a finding imported in Vietnamese reads in English" \
    '^warning: .*: 3\.13: listed deduction -0\.07, but standard - appraised is 0\.67$' "$out"
expect_eq "and no Vietnamese words are left in it" "" \
    "$(printf '%s\n' "$out" | grep 'điểm')"
expect_match "a finding of schema 8 keeps its words" \
    '^warning: old\.csv:4: old words kept$' "$out"
out=$(LANGUAGE=vi "$PARBOARD" -d "$TMPD/vi.db" check)
expect_match "and in Vietnamese for a Vietnamese reader" \
    '^cảnh báo: .*: 3\.13: điểm trừ ghi -0,07' "$out"
finish
