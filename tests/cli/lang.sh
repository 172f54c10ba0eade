# SPDX-License-Identifier: ISC
# lang: the words on screen in Vietnamese and in English, and how the
# language is chosen (LANGUAGE, the `language` setting, the locale).
. "$SRCDIR/tests/lib.sh"

# The environment make check gives: LC_ALL=C.UTF-8, LANGUAGE=en (lib.sh).
# vi|en|def COMMAND...: a command (or a function of ours) in Vietnamese,
# in English, in the default language (no LANGUAGE, LC_ALL=C.UTF-8).
vi() { (LANGUAGE=vi; export LANGUAGE; "$@"); }
en() { (LANGUAGE=en; export LANGUAGE; "$@"); }
def() { (unset LANGUAGE; "$@"); }
# no_english DESCRIPTION TEXT: none of the help's English words remain.
no_english() {
	if printf '%s\n' "$2" | grep -Eq 'Usage:|Commands:|Options:|Exit status|configuration file|print the tasks|this help|throw-away|write nothing'; then
		fail "$1"
		printf '%s\n' "$2" | grep -E 'Usage:|Commands:|Options:|Exit status|configuration file|print the tasks|this help|throw-away|write nothing' | head -5
	else
		pass "$1"
	fi
}

# --help in Vietnamese: by default, under LANGUAGE=vi, in an empty
# environment.
help_vi=$(def "$PARBOARD" --help)
expect_match "--help by default: Vietnamese usage" '^Cách dùng: parboard ' "$help_vi"
expect_match "--help by default: Vietnamese commands" '^Lệnh:$' "$help_vi"
expect_match "--help by default: Vietnamese options" '^Tùy chọn:$' "$help_vi"
expect_match "--help by default: exit status in Vietnamese" '^Mã thoát: 0 là thành công' "$help_vi"
expect_match "--help by default: the options themselves stay" '--dump-keys=<dạng>' "$help_vi"
no_english "--help by default: no English left" "$help_vi"
expect_eq "--help under LANGUAGE=vi is the default's" "$help_vi" "$(vi "$PARBOARD" --help)"
expect_eq "--help in an empty environment is Vietnamese" "$help_vi" \
	"$(env -i PARBOARD_LOCALEDIR="$PARBOARD_LOCALEDIR" "$PARBOARD" --help)"
help_en=$(en "$PARBOARD" --help)
expect_match "--help under LANGUAGE=en: English usage" '^Usage: parboard ' "$help_en"
expect_match "--help under LANGUAGE=en: English options" '^Options:$' "$help_en"
expect_eq "--help under LANG=en_US.UTF-8 (not installed) is English" "$help_en" \
	"$(env -u LANGUAGE -u LC_ALL LANG=en_US.UTF-8 "$PARBOARD" --help)"
expect_eq "--help: as many paragraphs in both languages" \
	"$(printf '%s\n' "$help_en" | grep -c '^$')" \
	"$(printf '%s\n' "$help_vi" | grep -c '^$')"
# --help is generated from the command table and wrapped by the program:
# within 80 columns (display width) in both languages.
expect_eq "--help (en) fits in 80 columns" "" \
	"$(printf '%s\n' "$help_en" | awk 'length > 79')"
expect_eq "--help (vi) fits in 80 columns" "" \
	"$(printf '%s\n' "$help_vi" | LC_ALL=C.UTF-8 wc -L | awk '$1 > 79')"
expect_eq "--help: as many lines of options in both languages" \
	"$(printf '%s\n' "$help_en" | grep -c '^  [ -][ A-Za-z][ ,] --')" \
	"$(printf '%s\n' "$help_vi" | grep -c '^  [ -][ A-Za-z][ ,] --')"

# Errors in both languages.
err=$(def "$PARBOARD" frobnicate 2>&1); rc=$?
expect_eq "unknown command (vi): usage error 2" 2 "$rc"
expect_match "unknown command (vi): said in Vietnamese" '^parboard: không có lệnh “frobnicate”$' "$err"
expect_match "unknown command (vi): the usage in Vietnamese" '^Cách dùng: ' "$err"
err=$(en "$PARBOARD" frobnicate 2>&1)
expect_match "unknown command (en)" "^parboard: unknown command 'frobnicate'\$" "$err"
expect_match "unknown command (en): the usage in English" '^Usage: ' "$err"
err=$(def "$PARBOARD" --today 2023-02-30 list 2>&1)
expect_match "bad --today (vi)" '^parboard: --today: ngày “2023-02-30” không hợp lệ' "$err"
err=$(en "$PARBOARD" --today 2023-02-30 list 2>&1)
expect_match "bad --today (en)" "^parboard: --today: bad date '2023-02-30'" "$err"
err=$(def "$PARBOARD" -d "$DB" import --past-due "$TMPD/nope.tsv" 2>&1); rc=$?
expect_eq "missing file (vi): exit 1" 1 "$rc"
expect_eq "missing file (vi): FILE: what, in Vietnamese" \
	"parboard: $TMPD/nope.tsv: không có tệp hoặc thư mục này" "$err"
err=$(en "$PARBOARD" -d "$DB" import --past-due "$TMPD/nope.tsv" 2>&1)
expect_eq "missing file (en): FILE: what, in English" \
	"parboard: $TMPD/nope.tsv: No such file or directory" "$err"
check "no database: nothing was created by the failed imports" test ! -e "$DB"

# Reports: headings, decimal mark, dates.
pb import "$SEED" "$DIRECTIVES" >/dev/null 2>&1 || fail "import"
pb set 1.7/CA doing >/dev/null 2>&1
out=$(def pb import --dry-run "$SEED" 2>&1)
expect_match "dry run (vi)" 'sẽ nhập 13 nhiệm vụ vào kỳ đánh giá “.*” \(10,77 điểm cần khắc phục\)' "$out"
expect_match "dry run (vi): dates dd/mm/yyyy" ' 31/10/2023 ' "$out"
out=$(en pb import --dry-run "$SEED" 2>&1)
expect_match "dry run (en)" 'would import 13 tasks into plan ".*" \(10\.77 points at stake\)' "$out"
late() { "$PARBOARD" -d "$DB" --today 2023-11-01 "$@"; }
rep=$(def late report --since 2023-01-01)
expect_match "report (vi): appraised score, decimal comma" '^Điểm thẩm định: 69,82$' "$rep"
expect_match "report (vi): the reachable maximum" \
	'^Điểm tối đa trong năm trên các tiêu chí đã thẩm định: 78,41 \(chưa gồm' "$rep"
expect_match "report (vi): every deduction only with its caveat" \
	'^Nếu khắc phục hết mọi điểm trừ: 80,59 \(không phải điểm dự kiến' "$rep"
expect_match "report (vi): the lost criteria" \
	'^Không thể khắc phục trong năm: 1\.5\.1 \(1,00\), 3\.11\.1 \(1,00\) — cần giải trình$' "$rep"
expect_match "report (vi): by role" '^Theo bộ phận$' "$rep"
expect_match "report (vi): table headings" '^Bộ phận +Tổng +Chưa thực hiện +Đang thực hiện +Đã hoàn thành +Có vướng mắc +Quá hạn$' "$rep"
expect_match "report (vi): overdue, dd/mm/yyyy" '^  1\.7 .*\(CA, hạn 31/10/2023\)$' "$rep"
expect_match "report (vi): changes since dd/mm/yyyy" '^Thay đổi từ 01/01/2023$' "$rep"
expect_match "report (vi): a change in words, statuses by label" \
	'^  [0-9]{2}/[0-9]{2}/[0-9]{4} [0-9:]+ .* 1\.7/CA trạng thái: Chưa thực hiện → Đang thực hiện$' "$rep"
no_english "report (vi): no English headings" "$(printf '%s\n' "$rep" | grep -E 'Appraised|By role|Overdue|Changes since|due [0-9]')"
rep=$(en late report --since 2023-01-01)
expect_match "report (en): appraised score, decimal point" '^Appraised score: 69\.82$' "$rep"
expect_match "report (en): by role" '^By role$' "$rep"
expect_match "report (en): table headings" '^Role +Total +.* +Overdue$' "$rep"
expect_match "report (en): overdue, ISO dates" '^  1\.7 .*\(CA, due 2023-10-31\)$' "$rep"
expect_match "report (en): changes since an ISO date" '^Changes since 2023-01-01$' "$rep"
expect_match "report (en): change times in ISO" '^  [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]+ .* 1\.7/CA status: ' "$rep"
expect_match "report markdown (vi)" '^\| Bộ phận \| Tổng \|' "$(def pb report --format markdown)"
expect_match "report csv (vi), after the byte order mark" '^Bộ phận,Tổng,Chưa thực hiện,' "$(def pb report --format csv | sed '1s/^\xef\xbb\xbf//')"
expect_match "list (vi)" '^Số +Mã +Bộ phận +Trạng thái +Hạn +Điểm +Nhiệm vụ$' "$(def pb list)"
expect_match "list csv (vi): decimal comma, dd/mm/yyyy" '^[0-9]+,1\.7,CA,TP-HT,Đang thực hiện,31/10/2023,"1,00",phụ lục,' \
	"$(def pb list --format csv)"
expect_match "list csv (en): decimal point, ISO" '^[0-9]+,1\.7,CA,TP-HT,.*,2023-10-31,1\.00,appendix,' \
	"$(en pb list --format csv)"

# Outputs for programs never change with the language.
def pb list --format json > "$TMPD/vi.json"
en pb list --format json > "$TMPD/en.json"
# Only status_label, the label in the chosen language, differs.
strip_label() {
	python3 -c 'import json, sys
rows = json.load(open(sys.argv[1]))
print(json.dumps([{k: v for k, v in r.items() if k != "status_label"} for r in rows]))
print(" ".join(r["status_label"] for r in rows))' "$1"
}
expect_eq "list --format json: the same in both languages but status_label" \
	"$(strip_label "$TMPD/vi.json" | head -1)" "$(strip_label "$TMPD/en.json" | head -1)"
expect_match "list --format json: status_label in Vietnamese" 'Chưa thực hiện' "$(strip_label "$TMPD/vi.json" | tail -1)"
expect_match "list --format json: status_label in English" 'To do' "$(strip_label "$TMPD/en.json" | tail -1)"
def pb list --format tsv > "$TMPD/vi.tsv"
en pb list --format tsv > "$TMPD/en.tsv"
check "list --format tsv: byte-identical in both languages" cmp -s "$TMPD/vi.tsv" "$TMPD/en.tsv"

# Precedence.  The unknown command is reported after the configuration
# is read, so it follows the setting.
conf="$TMPD/en.conf"
printf 'language = "en";\n' > "$conf"
printf 'language = "vi";\n' > "$TMPD/vi.conf"
msg_vi='không có lệnh'
msg_en='unknown command'
err=$(vi "$PARBOARD" -c "$conf" frobnicate 2>&1)
expect_match "LANGUAGE beats the setting" "$msg_vi" "$err"
err=$(env -u LANGUAGE -u LC_ALL LANG=vi_VN.UTF-8 "$PARBOARD" -c "$conf" frobnicate 2>&1)
expect_match "the setting beats LANG" "$msg_en" "$err"
err=$(env -u LANGUAGE -u LC_ALL LANG=en_US.UTF-8 "$PARBOARD" -c "$TMPD/vi.conf" frobnicate 2>&1)
expect_match "the setting beats LANG (the other way)" "$msg_vi" "$err"
err=$(env -u LANGUAGE LC_ALL=C.UTF-8 LANG=en_US.UTF-8 "$PARBOARD" frobnicate 2>&1)
expect_match "LC_ALL=C.UTF-8 names no language: Vietnamese" "$msg_vi" "$err"
err=$(env -u LANGUAGE -u LC_ALL LC_MESSAGES=en_GB.UTF-8 LANG=vi_VN.UTF-8 "$PARBOARD" frobnicate 2>&1)
expect_match "LC_MESSAGES beats LANG" "$msg_en" "$err"
err=$(env -u LANGUAGE -u LC_ALL LANG=en_US.UTF-8 "$PARBOARD" frobnicate 2>&1)
expect_match "LANG names a language" "$msg_en" "$err"
# What is said before the configuration is read follows the environment.
err=$(def "$PARBOARD" -c "$conf" --bogus 2>&1)
expect_match "an option error comes before the setting" '^parboard: không có tùy chọn “--bogus”$' "$err"
printf 'language = "en";\nwarn_days = = 7;\n' > "$TMPD/bad.conf"
err_def=$(def "$PARBOARD" -c "$TMPD/bad.conf" list 2>&1); rc=$?
expect_eq "a bad config: exit 1" 1 "$rc"
expect_match "a bad config: FILE:LINE" "^parboard: $TMPD/bad.conf:[12]: " "$err_def"
expect_eq "a bad config's error follows the environment (Vietnamese)" \
	"$(vi "$PARBOARD" -c "$TMPD/bad.conf" list 2>&1)" "$err_def"
printf 'language = "vi";\nwarn_days = = 7;\n' > "$TMPD/bad-vi.conf"
expect_eq "a bad config's error follows the environment (English)" \
	"$(en "$PARBOARD" -c "$TMPD/bad-vi.conf" list 2>&1)" \
	"$(env -u LANGUAGE -u LC_ALL LANG=en_US.UTF-8 "$PARBOARD" -c "$TMPD/bad-vi.conf" list 2>&1)"
finish
