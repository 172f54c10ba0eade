# SPDX-License-Identifier: ISC
# Hostile Word and Excel files (issue 16): each is refused, or read,
# within 10 s and 256 MB, with a clear message and nothing changed; the
# reader is stopped when it runs too long, and parboard holds what the
# reader writes to the limits of text input.
. "$SRCDIR/tests/lib.sh"

command -v python3 >/dev/null || skip "python3 missing"
[ -x /usr/bin/time ] || skip "/usr/bin/time missing"
R=$SRCDIR/tests/data/fuzz-regressions

# A reader that never ends is stopped after 10 s: started first, in the
# background, so that the other checks run meanwhile.
printf '#!/bin/sh\nexec sleep 60\n' > "$TMPD/slow-reader"
chmod +x "$TMPD/slow-reader"
( start=$(date +%s)
  PARBOARD_OFFICE="$TMPD/slow-reader" "$PARBOARD" -d "$TMPD/slow.db" \
      import --dry-run "$DATA/seed.xlsx" >"$TMPD/slow.out" 2>&1
  echo "$? $(( $(date +%s) - start ))" > "$TMPD/slow.rc" ) &
slow=$!

pb import "$SEED" >/dev/null 2>&1 || fail "the seed imports"
before=$(pb list --format json)

# bounded FILE WANT: refused with "parboard: FILE: WANT" (a regex), in at
# most 10 s and 256 MB of the largest process (GNU time's %M counts the
# reader, parboard's child), the database unchanged.
bounded() {
	/usr/bin/time -f 'TIME %e %M' -o "$TMPD/time" \
	    "$PARBOARD" -d "$DB" import --past-due "$1" >"$TMPD/out" 2>&1
	rc=$?
	set -- "$@" $(sed -n 's/^TIME //p' "$TMPD/time")
	name=$(basename "$1")
	expect_eq "$name: refused" 1 "$rc"
	expect_match "$name: $2" "^parboard: $1: $2" "$(cat "$TMPD/out")"
	check "$name: within 10 s (took $3 s)" \
	    awk -v s="$3" 'BEGIN { exit !(s <= 10) }'
	check "$name: within 256 MB (peak $4 KB)" \
	    awk -v k="$4" 'BEGIN { exit !(k <= 262144) }'
}

while IFS='|' read -r file want; do
	bounded "$R/$file" "$want"
done <<'LIST'
office-merge-range.xlsx|its tables have more than 2000000 cells \(a merged cell counts for every cell it covers\)$
office-many-merges.xlsx|its tables have more than 2000000 cells
office-same-part.xlsx|sheets S1 and S2 are the same part xl/worksheets/sheet1.xml; refused$
office-vmerge.docx|its tables hold more than 67108864 bytes of text
office-entity-utf16.docx|part word/document.xml declares a document type or entities, which Word and Excel never write; refused$
office-blank-merge.xlsx|no appendix or directives header found .*sheet S1, row 4: "x"
office-strings-cut.xlsx|part xl/sharedStrings.xml is not well-formed XML$
office-int-max.xlsx|sheet S1: row 2147483647 is not a row of a worksheet$
office-int-max.docx|no appendix or directives header found .*table 1, row 1: "2147483647. a"
LIST

# The same document in UTF-16 is read; with garbage for its XML it is
# not taken for one that declares a document type.
python3 - "$DATA/example.docx" "$TMPD" <<'PY'
import sys, zipfile
src, out = sys.argv[1], sys.argv[2]
for name, conv in (("utf16", lambda d: d.decode().replace(
        'encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")),
        ("garbage", lambda d: b"\x00\x01garbage")):
    with zipfile.ZipFile(src) as a, \
            zipfile.ZipFile("%s/%s.docx" % (out, name), "w") as b:
        for i in a.infolist():
            d = a.read(i.filename)
            b.writestr(i, conv(d) if i.filename == "word/document.xml"
                       else d)
PY
out=$(pb import --dry-run "$TMPD/utf16.docx" 2>&1)
expect_match "a document in UTF-16 without a document type is read" \
    'would import 3 tasks' "$out"
out=$(pb import --dry-run "$TMPD/garbage.docx" 2>&1)
expect_match "a part that is not XML is said to be so" \
    "^parboard: $TMPD/garbage.docx: part word/document.xml is not well-formed XML\$" "$out"

# More rows than text input may have: made here, never checked in.
python3 "$DATA/make-hostile.py" --rows 200001 "$TMPD/rows.xlsx"
bounded "$TMPD/rows.xlsx" 'sheet S1: more than 200000 rows$'
python3 "$DATA/make-hostile.py" --rows 210000 "$TMPD/rows.docx"
bounded "$TMPD/rows.docx" 'part word/document.xml is too large \(more than 8388608 bytes once uncompressed\)$'
expect_eq "nothing changed" "$before" "$(pb list --format json)"

# parboard holds the reader's tables to the same limits itself.
{ printf 'parboard-grids 1\nG\n1\n0\n200001\n-\n-\n'
  yes '1
0' | head -n 400002; printf 'E\n'; } > "$TMPD/rows.stream"
big=$(head -c 70000 /dev/zero | tr '\0' x)
printf 'parboard-grids 1\nG\n1\n0\n1\n-\n-\n1\n1\n0\n70000:%s\nE\n' \
    "$big" > "$TMPD/cell.stream"
for s in rows cell; do
	printf '#!/bin/sh\ncat %s\n' "$TMPD/$s.stream" > "$TMPD/$s-reader"
	chmod +x "$TMPD/$s-reader"
done
out=$(PARBOARD_OFFICE="$TMPD/rows-reader" pb import "$DATA/seed.xlsx" 2>&1)
expect_match "parboard refuses a table of more than 200 000 rows" \
    "^parboard: $DATA/seed.xlsx: table 1: more than 200000 rows\$" "$out"
out=$(PARBOARD_OFFICE="$TMPD/cell-reader" pb import "$DATA/seed.xlsx" 2>&1)
expect_match "parboard refuses a cell of more than 65 536 bytes" \
    "^parboard: $DATA/seed.xlsx: table 1, row 1, column 1: cell too long \\(more than 65536 bytes\\)\$" "$out"
printf '#!/bin/sh\nexit 3\n' > "$TMPD/oom-reader"
chmod +x "$TMPD/oom-reader"
out=$(PARBOARD_OFFICE="$TMPD/oom-reader" pb import "$DATA/seed.xlsx" 2>&1)
expect_match "a reader out of memory is named so" \
    "^parboard: $DATA/seed.xlsx: reading it needs more than 256 MB of memory; refused\$" "$out"
printf '#!/bin/sh\nexec head -c 200000000 /dev/zero\n' > "$TMPD/flood-reader"
chmod +x "$TMPD/flood-reader"
out=$(PARBOARD_OFFICE="$TMPD/flood-reader" pb import "$DATA/seed.xlsx" 2>&1)
flood="the reader of Word and Excel files \\($TMPD/flood-reader\\) wrote more than the limits allow"
# Under valgrind (.ci/run's tests/long/valgrind.sh, where PARBOARD is a
# wrapper script) reading 128 MB takes longer than the 10 s limit, which
# then stops the reader first: a refusal too.
if wrapped; then
	flood="($flood|reading it took more than 10 seconds; refused)"
fi
expect_match "a reader writing more than the limits allow is stopped" \
    "^parboard: $DATA/seed.xlsx: $flood\$" "$out"

wait "$slow"
read -r rc secs < "$TMPD/slow.rc"
expect_eq "a reader running too long: exit 1" 1 "$rc"
expect_match "a reader running too long is stopped after 10 s" \
    "^parboard: $DATA/seed.xlsx: reading it took more than 10 seconds; refused\$" \
    "$(cat "$TMPD/slow.out")"
check "stopped within 12 s (took $secs s)" [ "$secs" -le 12 ]
finish
