# SPDX-License-Identifier: ISC
# Errors in the user's language: an import error and configuration errors
# keep their FILE:LINE: place and say what is wrong in Vietnamese under
# LANGUAGE=vi, in English under LANGUAGE=en; the exit status is the same.
. "$SRCDIR/tests/lib.sh"

# An escaped path for grep -E.
re() { printf '%s' "$1" | sed 's/[.[\*^$]/\\&/g'; }

# The import error: LANG (the language) | the message after FILE:LINE:
bad="$DATA/bad-number.tsv"
while IFS='|' read -r lang what; do
	err=$(LANGUAGE=$lang pb import "$bad" 2>&1 >/dev/null); rc=$?
	expect_eq "import, $lang: exit status 1" 1 "$rc"
	expect_eq "import, $lang: FILE:LINE: then the message" \
		"parboard: $bad:8: $what" "$err"
done <<'EOF'
vi|số không hợp lệ “abc” ở cột ĐIỂM THẨM ĐỊNH
en|bad number 'abc' in column ĐIỂM THẨM ĐỊNH
EOF
check "nothing imported" test ! -s "$DB"

# Without LANGUAGE, parboard speaks Vietnamese.
err=$(env -u LANGUAGE "$PARBOARD" -d "$DB" import --past-due "$DATA/missing-column.tsv" \
	2>&1 >/dev/null)
expect_match "import, default language: Vietnamese" \
	"^parboard: $(re "$DATA/missing-column.tsv"):1: thiếu cột " "$err"

# A syntax error (libconfig's own text) and errors of parboard's checks,
# all reported together in the order of the file.
conf="$TMPD/bad.conf"
printf 'deadline = "2023-10-31";\nwarn_days = "x";\nroles = ( { name = "A"; } );\nbogus = 1;\n' > "$conf"
syntax="$TMPD/syntax.conf"
printf 'deadline = "2023-10-31";\nwarn_days = = 7;\n' > "$syntax"
while IFS='|' read -r lang l2 l3 l4 syn; do
	err=$(LANGUAGE=$lang "$PARBOARD" -c "$conf" -d "$DB" list 2>&1); rc=$?
	expect_eq "config, $lang: exit status 1" 1 "$rc"
	expect_eq "config, $lang: FILE:LINE: then the message" \
		"parboard: $conf:2: $l2
parboard: $conf:3: $l3
parboard: $conf:4: $l4" "$err"
	err=$(LANGUAGE=$lang "$PARBOARD" -c "$syntax" -d "$DB" list 2>&1); rc=$?
	expect_eq "config syntax, $lang: exit status 1" 1 "$rc"
	expect_match "config syntax, $lang: FILE:LINE: then the message" \
		"^parboard: $(re "$syntax"):2: $syn\$" "$err"
done <<'EOF'
vi|warn_days phải là số nguyên, không phải chuỗi|bộ phận cần có mã (id)|không có thiết lập “bogus”|lỗi cú pháp
en|warn_days must be an integer, not a string|a role needs an id|unknown setting "bogus"|syntax error
EOF

# The one field of the JSON output that follows the language.
pb import "$SEED" >/dev/null 2>&1 || fail "seed import"
pb set 1.7/CA doing >/dev/null || fail "set 1.7/CA doing"
label() {
	LANGUAGE=$1 pb list --format json | python3 -c '
import json, sys
for t in json.load(sys.stdin):
    if t["code"] == "1.7" and t["role"] == "CA" and t["origin"] == "appendix":
        print(t["status"], t["status_label"], t["due"], t["points"])'
}
expect_eq "json, vi: status_label in Vietnamese, the rest as is" \
	"doing Đang thực hiện 2023-10-31 1.0" "$(label vi)"
expect_eq "json, en: status_label in English" \
	"doing In progress 2023-10-31 1.0" "$(label en)"
finish
