# SPDX-License-Identifier: ISC
# Word and Excel files: the seed and the issue's example in every shape
# give the same tasks as their tab-separated twins; broken archives,
# bombs and a letter without an appendix are refused and change nothing.
. "$SRCDIR/tests/lib.sh"

command -v python3 >/dev/null || skip "python3 missing"
# tasks_of FILE: the tasks a fresh database gets from FILE
tasks_of() {
	rm -f "$TMPD/one.db"
	"$PARBOARD" -d "$TMPD/one.db" --today 2023-09-13 import "$1" \
	    >"$TMPD/one.out" 2>&1 || { cat "$TMPD/one.out"; return 1; }
	"$PARBOARD" -d "$TMPD/one.db" list --format json | tasks_summary
}

SEEDDOCX="$SRCDIR/share/samples/hien-thanh-103-2023.docx"
seed=$(tasks_of "$SEED")
expect_eq "the seed gives 31 tasks (13 of the appendix, 18 of the body)" 31 \
    "$(printf '%s\n' "$seed" | grep -c .)"
expect_eq "the whole letter as .docx gives the seed's tasks, body included" \
    "$seed" "$(tasks_of "$SEEDDOCX")"
expect_match "it names the table it took" \
    'hien-thanh-103-2023.docx: read table 2 \(the document has 2 tables\)' \
    "$(cat "$TMPD/one.out")"
expect_eq "the appendix as .xlsx gives the seed's appendix tasks" \
    "$(printf '%s\n' "$seed" | grep '^appendix ')" \
    "$(tasks_of "$DATA/seed.xlsx")"
expect_match "it names the sheet it took" \
    'seed.xlsx: read sheet Phụ lục \(the workbook has 2 sheets\)' \
    "$(cat "$TMPD/one.out")"
out=$(pb import "$SEEDDOCX")
expect_match "the .docx plan is the seed's, title from the paragraph above" \
    'plan "PHỤ LỤC KẾT QUẢ ĐÁNH GIÁ CCHC XÃ HIỀN THÀNH 6 THÁNG ĐẦU NĂM 2023 VÀ BIỆN PHÁP KHẮC PHỤC": 13 tasks, 13 new' "$out"
out=$(pb import "$DATA/seed.xlsx")
expect_match "the .xlsx updates the same plan (title from the rows above)" \
    'plan "PHỤ LỤC KẾT QUẢ ĐÁNH GIÁ CCHC XÃ HIỀN THÀNH 6 THÁNG ĐẦU NĂM 2023 VÀ BIỆN PHÁP KHẮC PHỤC": 13 tasks, 0 new' "$out"
expect_match "a page-split row merged down is one row, its title joined" \
    '^appendix 1.5.4 CHUNG  1.50 .*CCHC trong năm của xã, phường, thị trấn\)$' \
    "$seed"

# The issue's example: TT, Điểm tối đa, Điểm bị trừ... and Roman fields.
ex=$(tasks_of "$DATA/example.tsv")
expect_eq "the example as tab-separated text gives 3 tasks" 3 \
    "$(printf '%s\n' "$ex" | grep -c .)"
expect_match "criterion 1 goes to VP-TK" '^appendix 1 VP-TK  1.00 ' "$ex"
expect_match "criterion 3 (Địa chính - Xây dựng) goes to DC-XD" \
    '^appendix 3 DC-XD  0.50 ' "$ex"
expect_eq "the example as .docx (numbered by Word) gives the same tasks" \
    "$ex" "$(tasks_of "$DATA/example.docx")"
expect_eq "the example as .xlsx gives the same tasks" "$ex" \
    "$(tasks_of "$DATA/example.xlsx")"

# A dry run shows the rows as read, Word's numbers computed.
out=$("$PARBOARD" -d "$TMPD/none.db" import --past-due --dry-run "$DATA/example.docx")
expect_match "dry run: the rows as read" 'rows as read' "$out"
expect_match "dry run: Word's Roman number computed" '^ +2 I +10.00 +9.00 +8.00 +2.00 ' "$out"
expect_match "dry run: Word's decimal number computed" '^ +4 2 +2.00 +2.00 +1.50 +0.50 +Tuyên truyền CCHC' "$out"
out=$("$PARBOARD" -d "$TMPD/none.db" import --past-due --dry-run "$DATA/seed.xlsx")
expect_match "dry run: a number stored as 0.68999999999999995 reads 0.69" \
    '^ +[0-9]+ 3.13.2 +1.00 +1.00 +0.69 ' "$out"
expect_eq "a dry run writes no database" no "$([ -e "$TMPD/none.db" ] && echo yes || echo no)"

# Broken files: a clear error, nothing changed.
before=$(pb list --format json | tasks_summary)
while IFS='|' read -r file want; do
	[ -n "$file" ] || continue
	out=$(pb import "$DATA/$file" 2>&1); rc=$?
	expect_eq "$file is refused" 1 "$rc"
	expect_match "$file: $want" "^parboard: $DATA/$file: $want" "$out"
done <<'LIST'
truncated.docx|not a Word or Excel file, or a damaged one
not-zip.xlsx|not a Word or Excel file, or a damaged one
zip-bomb.xlsx|part xl/worksheets/sheet1.xml expands more than 200 times
entity-bomb.docx|part word/document.xml declares a document type or entities
no-appendix.docx|no appendix or directives header found .*header rows seen: table 1, row 1: "Kính gửi: \| Cán bộ, công chức xã"; columns not found: STT,
autonum-bad.docx|table 1, row 2: column STT is numbered automatically by Word \(format "chineseCounting"\)
LIST
expect_eq "nothing changed" "$before" "$(pb list --format json | tasks_summary)"

# The reader is a program of its own (office.h): the board does not load
# libzip and libxml2; a missing or failing reader is a clear error.
if command -v readelf >/dev/null; then
	needed=$(readelf -d "$BUILDDIR/src/parboard" | grep NEEDED)
	expect_eq "parboard does not link libzip or libxml2" "" \
	    "$(printf '%s\n' "$needed" | grep -E 'libzip|libxml2')"
fi
out=$(PARBOARD_OFFICE="$TMPD/no-such-reader" pb import "$SEEDDOCX" 2>&1); rc=$?
expect_eq "a missing reader: exit 1" 1 "$rc"
expect_match "a missing reader is named" \
    "^parboard: $SEEDDOCX: cannot read Word or Excel files: cannot run $TMPD/no-such-reader\$" "$out"
printf '#!/bin/sh\necho parboard-grids 1; echo G; exit 0\n' > "$TMPD/bad-reader"
chmod +x "$TMPD/bad-reader"
out=$(PARBOARD_OFFICE="$TMPD/bad-reader" pb import "$SEEDDOCX" 2>&1); rc=$?
expect_eq "a reader writing nonsense: exit 1" 1 "$rc"
expect_match "a reader writing nonsense is refused" \
    "^parboard: $SEEDDOCX: the reader of Word and Excel files \\($TMPD/bad-reader\\) failed" "$out"
printf '#!/bin/sh\nkill -SEGV $$\n' > "$TMPD/bad-reader"
out=$(PARBOARD_OFFICE="$TMPD/bad-reader" pb import "$SEEDDOCX" 2>&1); rc=$?
expect_eq "a crashing reader: exit 1" 1 "$rc"
expect_match "a crashing reader is refused" "reader of Word and Excel files .* failed" "$out"
expect_eq "nothing changed after the reader failed" "$before" \
    "$(pb list --format json | tasks_summary)"

# Errors name the sheet, row and column.
python3 - "$DATA/seed.xlsx" "$TMPD/bad.xlsx" <<'PY'
import re, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as b:
    for i in a.infolist():
        d = a.read(i.filename)
        if i.filename == "xl/worksheets/sheet2.xml":
            d = re.sub(rb'<c r="E9"[^>]*>.*?</c>', b'<c r="E9" s="1" t="inlineStr"><is><t>abc</t></is></c>', d)
        b.writestr(i, d)
PY
out=$(pb import "$TMPD/bad.xlsx" 2>&1)
expect_match "a bad number names sheet, row and column" \
    "bad.xlsx: sheet Phụ lục, row 9, column E: bad number 'abc' in column ĐIỂM THẨM ĐỊNH" "$out"

# A directives sheet: a due date stored as Excel's day number.
pb import "$SEED" >/dev/null 2>&1
out=$(pb import --dry-run "$DATA/directives.xlsx" 2>&1)
expect_match "a due date stored as a day number is read" \
    '^  1.7 +CA +- +2023-10-31 +Tổ chức hai cuộc đối thoại' "$out"
expect_match "a due date typed as text is read" \
    '^  1.4.2 +DTT +- +2023-09-30 +Phát tin bài' "$out"

# The columns setting adds wordings.
printf 'STT\tNội dung\tĐiểm quy định\tĐiểm thẩm định\n1.1\tA\t2\t1\n' > "$TMPD/w.tsv"
out=$(pb import --dry-run "$TMPD/w.tsv" 2>&1)
expect_match "an unknown wording is not a column" 'w.tsv:1: missing column ĐIỂM CHUẨN' "$out"
printf 'columns = { standard = [ "điểm quy định" ]; };\n' > "$TMPD/cols.conf"
out=$(pb -c "$TMPD/cols.conf" import --past-due --dry-run "$TMPD/w.tsv" 2>&1)
expect_match "columns = { standard = ... } adds it" 'would import 1 task' "$out"
finish
