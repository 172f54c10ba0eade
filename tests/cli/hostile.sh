# SPDX-License-Identifier: ISC
# Hostile and broken input (issue 9): entities, notes, limits, special
# paths, write errors on standard output.
. "$SRCDIR/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 missing"
ESC=$(printf '\033')

# Entities are decoded before control characters are filtered: &#27; and
# &#155; never become ESC or CSI.
python3 - "$SEED" "$TMPD/ent.txt" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s.replace("Tổ chức đối thoại", "Tổ chức &#27;]0;pwned&#7; &#155;31m &#x1b;[2J đối thoại", 1)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
pb import "$TMPD/ent.txt" >"$TMPD/out" 2>&1
rc=$?
expect_eq "an appendix with control entities imports" 0 "$rc"
pb list --format tsv >>"$TMPD/out" 2>&1
pb list --format json >>"$TMPD/out" 2>&1
if LC_ALL=C grep -q "$ESC\|$(printf '\302\233')\|$(printf '\007')" "$TMPD/out"; then
	fail "no ESC, CSI or BEL from entities reaches the output"
else
	pass "no ESC, CSI or BEL from entities reaches the output"
fi

# A note: ESC refused (exit 1, the store's input rule), a line feed kept
# in one history field.
pb set 1.7/CA doing --note "x${ESC}]0;owned$(printf '\007')y" 2>"$TMPD/err"
expect_eq "--note with ESC exits 1" 1 "$?"
expect_match "--note with ESC says why" '^parboard: --note: control character U\+001B is not allowed$' "$(cat "$TMPD/err")"
pb set 1.7/CA doing --note "$(printf 'first\n2023-09-13 10:00 forged by mayor\tend')" 2>/dev/null
expect_eq "a note with a line feed is accepted" 0 "$?"
n=$(python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(repr(c.execute("select new from history where kind=\"note\" order by id desc limit 1").fetchone()[0]))' "$DB")
expect_eq "the note keeps its line feed in one field, tab as space" \
	"'first\\n2023-09-13 10:00 forged by mayor end'" "$n"

# File names in messages are sanitised.
bad="$TMPD/$(printf 'x\033[31mred')"
: >"$bad"
out=$(pb import "$bad" 2>&1)
if printf '%s' "$out" | LC_ALL=C grep -q "$ESC"; then
	fail "a file name's ESC is not printed raw"
else
	pass "a file name's ESC is not printed raw"
fi
expect_match "and is shown as ^[" 'x\^\[\[31mred' "$out"

# Limits: a 1 GB file refused at once by its size, /dev/zero refused
# without abort, leaving no database.
truncate -s 1G "$TMPD/big.txt"
start=$(date +%s)
"$PARBOARD" -d "$TMPD/new.db" import --past-due "$TMPD/big.txt" 2>"$TMPD/err"
rc=$?
expect_eq "a 1 GB file is refused" 1 "$rc"
expect_match "by its size" 'file too large \(more than 64 MB\)' "$(cat "$TMPD/err")"
# At once: 3 s, or 30 s under valgrind, whose start-up alone takes
# seconds when the machine is busy.
limit=3
wrapped && limit=30
expect_eq "at once" 1 "$(( $(date +%s) - start < limit ))"
"$PARBOARD" -d "$TMPD/new.db" import --past-due /dev/zero 2>"$TMPD/err"
expect_eq "import /dev/zero exits 1, no abort" 1 "$?"
expect_eq "and leaves no database" "" "$(ls "$TMPD" | grep new.db)"
python3 - "$TMPD/cell.tsv" <<'PY'
import sys
open(sys.argv[1], "w").write("STT\tTIÊU CHÍ\tĐIỂM CHUẨN\tĐIỂM THẨM ĐỊNH\n1.1\t" + "x" * 70000 + "\t1\t0\n")
PY
expect_match "a cell over 64 KB: FILE:LINE" 'cell.tsv:2: cell too long' "$(pb import "$TMPD/cell.tsv" 2>&1)"
printf 'STT\tTIÊU CHÍ\tĐIỂM CHUẨN\tĐIỂM THẨM ĐỊNH\n1.1\tA\t999999999999\t0\n' >"$TMPD/score.tsv"
expect_match "a score out of range: FILE:LINE" 'score.tsv:2: score 999999999999 in column .* is out of range' \
	"$(pb import "$TMPD/score.tsv" 2>&1)"
# A total row sums up to 200 000 bounded scores: 1500 points is a total,
# not an out-of-range criterion.
printf 'STT\tTIÊU CHÍ\tĐIỂM CHUẨN\tĐIỂM THẨM ĐỊNH\n1.1\tA\t1500\t0\nTổng điểm\t\t1500\t0\n' >"$TMPD/total.tsv"
expect_match "a criterion of 1500 points is out of range" 'total.tsv:2: score 1500 in column .* is out of range' \
	"$(pb import --dry-run "$TMPD/total.tsv" 2>&1)"
printf 'STT\tTIÊU CHÍ\tĐIỂM CHUẨN\tĐIỂM THẨM ĐỊNH\n1.1\tA\t1\t0\nTổng điểm\t\t1500\t0\n' >"$TMPD/total.tsv"
check "a total row of 1500 points is a total" pb import --dry-run "$TMPD/total.tsv"
python3 - "$TMPD/rows.tsv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("STT\tTIÊU CHÍ\tĐIỂM CHUẨN\tĐIỂM THẨM ĐỊNH\n")
    for i in range(200001):
        f.write("9.%d\tA\t1\t1\n" % i)
PY
expect_match "more than 200 000 rows: FILE:LINE" 'rows.tsv:200001: too many rows' "$(pb import "$TMPD/rows.tsv" 2>&1)"
head -c 1100000 /dev/zero | tr '\0' '#' >"$TMPD/big.conf"
expect_match "a configuration over 1 MB is refused" 'file too large \(more than 1 MB\)' \
	"$("$PARBOARD" -c "$TMPD/big.conf" -d "$DB" list 2>&1)"

# Special paths.
out=$(env -u LANGUAGE "$PARBOARD" -c <(printf 'language = "vi";\n') -d "$DB" list 2>&1 | head -1)
expect_match "a configuration through a pipe is read" 'Trạng thái' "$out"
mkfifo "$TMPD/fifo"
timeout 5 "$PARBOARD" -d "$TMPD/fifo" list 2>"$TMPD/err"
expect_eq "a FIFO as the database: exit 1, not waited on" 1 "$?"
expect_match "a FIFO is said to be no database" 'not a regular file' "$(cat "$TMPD/err")"
timeout 5 "$PARBOARD" -d /dev/null list >/dev/null 2>&1
expect_eq "a device as the database is refused" 1 "$?"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("create table x(a)"); c.commit()' "$TMPD/foreign.db"
before=$(cksum <"$TMPD/foreign.db")
"$PARBOARD" -d "$TMPD/foreign.db" import --past-due "$SEED" >/dev/null 2>"$TMPD/err"
expect_eq "a foreign SQLite database is refused" 1 "$?"
expect_eq "and left byte for byte as it was" "$before" "$(cksum <"$TMPD/foreign.db")"
expect_eq "still in its rollback journal mode" delete \
	"$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("pragma journal_mode").fetchone()[0])' "$TMPD/foreign.db")"
(cd "$TMPD" && "$PARBOARD" -d '~no-such-user-pb/x.db' import --past-due "$SEED" >/dev/null 2>"$TMPD/err")
expect_eq "~user of no user is refused" 1 "$?"
expect_eq "never created literally" no "$([ -e "$TMPD/~no-such-user-pb" ] && echo yes || echo no)"
printf 'database = "~no-such-user-pb/x.db";\n' >"$TMPD/tilde.conf"
expect_match "~user in the configuration too" 'no such user' \
	"$("$PARBOARD" -c "$TMPD/tilde.conf" list 2>&1)"

# Write errors on standard output.
if [ -w /dev/full ]; then
	pb list >/dev/full 2>"$TMPD/err"
	expect_eq "list > /dev/full exits 1" 1 "$?"
	expect_match "with a message" 'write error on standard output' "$(cat "$TMPD/err")"
fi
finish
