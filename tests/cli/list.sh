# SPDX-License-Identifier: ISC
# list: formats, filters, alignment, usage errors.
. "$SRCDIR/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 missing"

out=$(pb list 2>&1); rc=$?
expect_eq "list without a database: exit 1" 1 "$rc"
expect_match "list without a database: says to import" 'import' "$out"

pb import "$SEED" "$DIRECTIVES" >/dev/null 2>&1 || fail "import"

json=$(pb list --format json)
keys=$(printf '%s' "$json" | python3 -c '
import json, sys
a = json.load(sys.stdin)
need = {"id", "code", "role", "support", "title", "status", "due", "points", "origin"}
bad = [t for t in a if not need <= set(t) or not isinstance(t["support"], list)
       or not isinstance(t["id"], int) or t["status"] not in ("todo","doing","done","blocked")
       or (t["origin"] == "appendix") != (t["points"] is not None)]
print(len(a), len(bad))')
expect_match "json: every object has the contract's keys and types" '^[0-9]+ 0$' "$keys"

tsv=$(pb list --format tsv)
expect_eq "tsv header" "id	code	role	support	status	due	points	origin	title" "$(printf '%s\n' "$tsv" | head -n1)"
csvrows=$(pb list --format csv | python3 -c 'import csv,sys; r=list(csv.reader(sys.stdin.buffer.read().decode("utf-8-sig").splitlines())); print(len(r), r[0][0], len({len(x) for x in r}))')
expect_eq "csv: same rows as tsv, 9 columns each" "$(printf '%s\n' "$tsv" | wc -l) No. 1" "$csvrows"

roles=$(pb list --role DTT --format tsv | tail -n +2 | cut -f3 | sort -u)
expect_eq "--role keeps one role" DTT "$roles"
pb set 1.7/CA doing >/dev/null
expect_eq "--status doing" "1.7" "$(pb list --status doing --format tsv | tail -n +2 | cut -f2)"
n=$(pb list --overdue --format tsv | tail -n +2 | wc -l)
expect_eq "nothing is overdue on 13/09/2023" 0 "$n"
all=$("$PARBOARD" -d "$DB" --today 2023-11-01 list --format tsv | tail -n +2 | awk -F'\t' '$6 != "" && $6 < "2023-11-01"' | wc -l)
pb set 1.4.1/VH-XH done --explain "giải trình" >/dev/null
n=$("$PARBOARD" -d "$DB" --today 2023-11-01 list --overdue --format tsv | tail -n +2 | wc -l)
# ... and the radio's monthly target, no article ticked since September.
expect_eq "--overdue on 01/11/2023: all past due but the done one, and the radio" \
	"$((all - 1 + 1))" "$n"

# Text output: Vietnamese text aligned by display width, not bytes.
text=$(LANGUAGE=vi pb list)
widths=$(printf '%s\n' "$text" | python3 -c '
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
cols = set()
for line in sys.stdin.read().splitlines()[1:]:
    i = line.find("/2023")
    if i < 0: continue  # a continuing task: no date
    cols.add(width(line[:i]))
print(len(cols))')
expect_eq "text: the due dates stand in one column" 1 "$widths"
expect_match "text: Vietnamese status labels" 'Đang thực hiện' "$text"
expect_match "text: dates as dd/mm/yyyy" '31/10/2023' "$text"
expect_match "text: decimal comma" ' 0,31 ' "$text"
text=$(pb list)
expect_match "English text: ISO dates" ' 2023-10-31 ' "$text"
expect_match "English text: decimal point" ' 0\.31 ' "$text"
expect_match "English text: English headings" '^No\. +Code +Role +Status +Due +Points +Task$' "$text"

for args in "--format xml" "--status nope" "--role NOPE" "--bogus" "--since 2023-01-01" "extra"; do
	pb list $args >/dev/null 2>&1; rc=$?
	expect_eq "list $args: usage error 2" 2 "$rc"
done
"$PARBOARD" --help | grep -q 'parboard list' && pass "--help lists the commands" || fail "--help"
expect_match "--version" '^parboard [0-9]' "$("$PARBOARD" --version)"
"$PARBOARD" frobnicate >/dev/null 2>&1; expect_eq "unknown command: 2" 2 "$?"
"$PARBOARD" --today 2023-02-30 list >/dev/null 2>&1; expect_eq "bad --today: 2" 2 "$?"

rep=$(pb report --format markdown)
expect_match "report markdown has a table" '^\| VP-TK \|' "$rep"
rep=$(pb report --format csv | sed '1s/^\xef\xbb\xbf//; s/\r$//')
expect_match "report csv header, after the byte order mark" '^Role,Total,[^,]+,[^,]+,[^,]+,[^,]+,Overdue$' "$rep"
rep=$(pb report --since 2023-01-01)
expect_match "report --since lists changes with the user" "$(id -un) .*1\.7/CA status: .+ → .+" "$rep"
expect_eq "--role is case-insensitive" CA \
	"$(pb list --role ca --format tsv | tail -n +2 | cut -f3 | sort -u)"
"$PARBOARD" -d "" list >/dev/null 2>&1; expect_eq "-d '': usage error 2" 2 "$?"
# History times are shown in local time.
utc=$(sqlite3 "$DB" "SELECT at FROM history ORDER BY id DESC LIMIT 1")
want=$(TZ=Asia/Ho_Chi_Minh date -d "$utc UTC" '+%Y-%m-%d %H:%M')
expect_match "report shows history in local time (TZ)" "$want" \
	"$(TZ=Asia/Ho_Chi_Minh pb report --since 2023-01-01)"
finish
