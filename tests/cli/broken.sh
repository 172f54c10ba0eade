# SPDX-License-Identifier: ISC
# Broken input: a clear FILE:LINE message, exit 1, database untouched.
. "$SRCDIR/tests/lib.sh"

pb import "$SEED" "$DIRECTIVES" >/dev/null 2>&1 || fail "seed import"
pb set 1.4.1/VH-XH doing >/dev/null || fail "set before the broken imports"
cp "$DB" "$TMPD/before.db"

# A line over 64 KiB, made here rather than committed.
long="$TMPD/long-line.tsv"
{
	head -n 1 "$DATA/appendix-crlf.tsv" | tr -d '\r'
	printf '9.9\t'; head -c 70000 /dev/zero | tr '\0' 'x'
	printf '\t1,00\t1\t0\t-1,00\tx\ty\n'
} > "$long"

# A cut-off copy of the seed: the appendix stops in the middle of a row.
cut="$TMPD/cut.txt"
head -c "$(grep -b -m1 '^1.5.3' "$SEED" | cut -d: -f1)" "$SEED" > "$cut"
printf '1.5.3\tThực hiện đánh giá' >> "$cut"

# file | the message that must follow "FILE:LINE: "
while IFS='|' read -r file what; do
	case $file in /*) path=$file ;; *) path=$DATA/$file ;; esac
	err=$(pb import "$path" 2>&1 >/dev/null); rc=$?
	expect_eq "$file: exit status 1" 1 "$rc"
	expect_match "$file: names file and line" \
		"^parboard: $(printf '%s' "$path" | sed 's/[.[\*^$]/\\&/g'):[0-9]+: " "$err"
	expect_match "$file: says what is wrong" "$what" "$err"
	check "$file: database unchanged" cmp -s "$DB" "$TMPD/before.db"
	check "$file: no journal left behind" test ! -s "$DB-wal"
done <<LIST
empty.tsv|empty
binary.tsv|binary
invalid-utf8.tsv|invalid UTF-8
bad-number.tsv|bad number 'abc'
missing-column.tsv|missing column
truncated.tsv|[Tt]runcated|missing|no data
$long|too long|longer than
$cut|[Tt]runcated|missing
LIST

# Several files: a good one then a bad one changes nothing either.
err=$(pb import "$DATA/appendix.csv" "$DATA/bad-number.tsv" 2>&1 >/dev/null); rc=$?
expect_eq "good file + bad file: exit 1" 1 "$rc"
check "good file + bad file: database unchanged" cmp -s "$DB" "$TMPD/before.db"

# A file that does not exist, and a directory.
err=$(pb import "$TMPD/nope.tsv" 2>&1); rc=$?
expect_eq "missing file: exit 1" 1 "$rc"
expect_match "missing file: named" "nope.tsv" "$err"
err=$(pb import "$TMPD" 2>&1); rc=$?
expect_eq "a directory: exit 1" 1 "$rc"

# Directives naming a bad date.
printf 'role\tcriterion\ttask\tdue\ttarget\tevery\nCA\t1.7\tĐối thoại\t31/02/2023\t\t\n' > "$TMPD/baddate.tsv"
err=$(pb import "$TMPD/baddate.tsv" 2>&1); rc=$?
expect_eq "bad date in directives: exit 1" 1 "$rc"
expect_match "bad date in directives: FILE:2" "baddate.tsv:2: " "$err"
check "bad date: database unchanged" cmp -s "$DB" "$TMPD/before.db"

# Not a database at all.
printf 'hello\n' > "$TMPD/notdb"
err=$("$PARBOARD" -d "$TMPD/notdb" list 2>&1); rc=$?
expect_eq "not a database: exit 1" 1 "$rc"
expect_match "not a database: says so" "notdb" "$err"
expect_eq "not a database: file untouched" hello "$(cat "$TMPD/notdb")"
# A criterion listed twice is refused, naming both lines.
sed 's/^<b>1\.1\.3<\/b>/<b>1.5.3<\/b>/' "$SEED" > "$TMPD/dup.txt"
err=$(pb import "$TMPD/dup.txt" 2>&1); rc=$?
expect_eq "duplicate criterion: exit 1" 1 "$rc"
expect_match "duplicate criterion: FILE:LINE and the first line" \
	"dup.txt:[0-9]+: criterion 1.5.3 is listed twice \(first on line [0-9]+\)" "$err"
check "duplicate criterion: database unchanged" cmp -s "$DB" "$TMPD/before.db"

# A failed import into a database that did not exist leaves none behind.
"$PARBOARD" -d "$TMPD/new/x.db" import --past-due "$DATA/bad-number.tsv" 2>/dev/null
expect_eq "failed first import: exit 1" 1 "$?"
check "failed first import: no database file left" test ! -e "$TMPD/new/x.db"
finish
