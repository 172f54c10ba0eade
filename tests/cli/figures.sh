# SPDX-License-Identifier: ISC
# figures: the kinds and appraised figures read at import (3.11.1,
# 3.13.2, 3.13.3, 1.1.3, 1.4.1, 1.5.1), a kind set by hand and back
# (criterion --kind), figures recorded month by month, for a range, as
# a snapshot, corrected by recording the same period again, listed in
# every format, written in the history; every refusal exits non-zero
# with its message and leaves the database as it was.
. "$SRCDIR/tests/lib.sh"
command -v sqlite3 >/dev/null || skip "sqlite3 missing"
command -v python3 >/dev/null || skip "python3 missing"

pb import "$SEED" >/dev/null 2>&1 || fail "import"
rule() { pb criterion "$1" --format tsv | grep '^rule'; }
dump() { sqlite3 "$DB" .dump; }
T='	'

expect_eq "3.11.1: threshold 0.7, 164/739" \
	"rule${T}threshold${T}0.7${T}164${T}739${T}0${T}0${T}${T}${T}0" \
	"$(rule 3.11.1)"
expect_eq "3.13.2: ratio of services, 11/16" \
	"rule${T}ratio${T}${T}11${T}16${T}1${T}0${T}${T}${T}0" "$(rule 3.13.2)"
expect_eq "3.13.3: ratio, 408/637" \
	"rule${T}ratio${T}${T}408${T}637${T}0${T}0${T}${T}${T}0" \
	"$(rule 3.13.3)"
expect_match "1.1.3: a plan of 30" "^rule${T}plan${T}${T}${T}30${T}" \
	"$(rule 1.1.3)"
expect_match "1.4.1: a plan of 9, Kế hoạch số 30/KH-UBND" \
	"^rule${T}plan${T}${T}${T}9${T}1${T}0${T}Kế hoạch số 30/KH-UBND${T}" \
	"$(rule 1.4.1)"
expect_eq "1.5.1: late, 2" "rule${T}late${T}${T}${T}${T}0${T}2${T}${T}${T}0" \
	"$(rule 1.5.1)"
expect_eq "3.5.2: documents" "document" "$(rule 3.5.2 | cut -f2)"
out=$(pb criterion 3.11.1)
expect_match "text: the kind" '^Scored as: threshold ratio$' "$out"
expect_match "text: the threshold" '^Threshold: 0\.7$' "$out"
expect_match "text: the appraised figures and their months" \
	'^Appraised figures: b/a = 164/739 \(first half of 2023\)$' "$out"
vi=$(LANGUAGE=vi pb criterion 3.11.1)
expect_match "vi: the appraised half" \
	'b/a = 164/739 \(6 tháng đầu năm 2023\)$' "$vi"
expect_match "vi: the threshold with a comma" ' 0,7$' "$vi"
expect_eq "json: kind, threshold, num, den" "threshold 0.7 164 739" \
	"$(pb criterion 3.11.1 --format json | python3 -c 'import json,sys
d = json.load(sys.stdin); print(d["kind"], d["threshold"], d["num"], d["den"])' 2>&1)"

# A kind set by hand, then back: the figures read at import stay.
out=$(pb criterion 3.5.2 --kind ratio 2>&1); rc=$?
expect_eq "--kind ratio: exit 0" 0 "$rc"
expect_match "--kind ratio: shows it, by hand" \
	'^Scored as: proportional ratio \(set by hand\)$' "$out"
pb criterion 3.5.2 --kind "tài liệu" >/dev/null 2>&1
expect_eq "--kind in Vietnamese: back to documents" \
	"rule${T}document${T}${T}${T}${T}0${T}0${T}${T}${T}1" "$(rule 3.5.2)"
pb criterion 3.13.3 --kind threshold --threshold 70% >/dev/null 2>&1
expect_eq "--threshold 70%: 0.7, the figures kept" \
	"rule${T}threshold${T}0.7${T}408${T}637${T}0${T}0${T}${T}${T}1" \
	"$(rule 3.13.3)"
pb criterion 3.13.3 --kind ratio >/dev/null 2>&1
expect_match "the history says the rule" \
	'scoring rule: threshold ratio 0,7 · 408/637 → proportional ratio · 408/637$' \
	"$(pb report --since 2023-01-01)"

# Refusals of criterion: usage (2), nothing written.
was=$(dump)
for args in "3.5.2 --kind nope" "3.5.2 --kind ratio --threshold 0,7" \
    "3.5.2 --threshold 0,7" "3.5.2 --kind threshold" \
    "3.11.1 --kind threshold --threshold 1,5" \
    "3.11.1 --kind threshold --threshold x" \
    "3.11.1 --kind ratio --format tsv"; do
	eval "set -- $args"
	out=$(pb criterion "$@" 2>&1)
	expect_eq "usage error: criterion $args" 2 "$?"
	expect_match "says why: criterion $args" '^parboard: ' "$out"
done
expect_eq "criterion's refusals wrote nothing" "$was" "$(dump)"
out=$(pb criterion 3.5.2 --kind threshold 2>&1)
expect_match "threshold kind needs one" \
	'criterion 3\.5\.2 has no threshold: give one with --threshold' "$out"

# Figures: a range, the same range again corrects it, a month after it.
out=$(pb figures 3.13.3 --from 2023-07 --to 2023-11 --num 500 --den 600 \
	2>&1); rc=$?
expect_eq "a range: exit 0" 0 "$rc"
expect_match "a range: says so" '^3\.13\.3: recorded 07/2023–11/2023: 500/600$' \
	"$out"
out=$(pb figures 3.13.3 --from 07/2023 --to 11/2023 --num 510 --den 600)
expect_match "the same range again: corrected" \
	'^3\.13\.3: corrected 07/2023–11/2023: 510/600$' "$out"
pb figures 3.13.3 --period 2023-12 --num 90 --den 100 >/dev/null 2>&1
expect_eq "a month after the range: exit 0" 0 "$?"
expect_eq "tsv: the rows, by month" \
	"2023-07${T}2023-11${T}510${T}600${T}0
2023-12${T}2023-12${T}90${T}100${T}0" \
	"$(pb figures 3.13.3 --format tsv | cut -f1-5)"
expect_eq "the corrected row is kept, removed" "1|500" \
	"$(sqlite3 "$DB" "SELECT removed, num FROM figure WHERE num = 500")"
expect_eq "json" "510 90" "$(pb figures 3.13.3 --format json | python3 -c '
import json,sys; print(*[r["num"] for r in json.load(sys.stdin)])' 2>&1)"
out=$(pb figures 3.13.3)
expect_match "text: a table" '^07/2023–11/2023 +510 +600 +0\.85 ' "$out"
expect_eq "text: within 80 columns" "" \
	"$(printf '%s\n' "$out" | python3 -c 'import sys
print("".join(l for l in sys.stdin if len(l.rstrip("\\n")) > 80), end="")')"
expect_match "criterion lists them" '^  12/2023: 90/100$' \
	"$(pb criterion 3.13.3)"
rep=$(pb report --since 2023-01-01)
expect_match "history: the range" 'figures: months 07/2023–11/2023: 500/600$' \
	"$rep"
expect_match "history: the correction, old and new" \
	'figures: months 07/2023–11/2023: 500/600 → months 07/2023–11/2023: 510/600$' \
	"$rep"
expect_match "vi history: the months" \
	'số liệu: tháng 07/2023–11/2023: 500/600' \
	"$(LANGUAGE=vi pb report --since 2023-01-01)"

# A snapshot: a plan's m of n, a ratio of services year to date.
pb figures 1.4.1 --period 2023-10 --num 7 --den 9 >/dev/null 2>&1
expect_eq "a plan's figures are year to date" "2023-10${T}2023-10${T}7${T}9${T}1" \
	"$(pb figures 1.4.1 --format tsv | cut -f1-5)"
pb figures 3.13.2 --period 2023-09 --num 14 --den 16 --expect 16 \
	>/dev/null 2>&1
expect_eq "3.13.2: year to date, --expect kept" "1 16" \
	"$(rule 3.13.2 | cut -f6,9 | tr '\t' ' ')"
pb figures 3.11.1 --expect 120 >/dev/null 2>&1
expect_eq "--expect alone" 120 "$(rule 3.11.1 | cut -f9)"

# Refusals of figures: exit 1 (or 2), the message, nothing written.
was=$(dump)
refuse() {	# status, message, arguments
	st=$1 msg=$2
	shift 2
	out=$(pb figures "$@" 2>&1)
	expect_eq "refused ($*): exit $st" "$st" "$?"
	expect_match "refused ($*): says why" "$msg" "$out"
}
refuse 1 'no criterion 9\.9 in plan' 9.9 --period 2023-08 --num 1 --den 2
refuse 1 '3\.5\.2 is scored by documents, not by figures; set its kind with parboard criterion 3\.5\.2 --kind ratio' \
	3.5.2 --period 2023-08 --num 1 --den 2
refuse 1 '1\.5\.1 is scored by late tasks' 1.5.1 --period 2023-08 --num 1 --den 2
refuse 1 '03/2024 is outside the plan.s year 2023' \
	3.13.3 --period 2024-03 --num 1 --den 2
refuse 1 '03/2023 is in the appraised months 01–06/2023, already in the appraisal.s b/a = 408/637' \
	3.13.3 --period 2023-03 --num 1 --den 2
refuse 1 '06/2023 is in the appraised months 01–06/2023, already in the appraisal.s b/a = 11/16' \
	3.13.2 --period 2023-06 --num 12 --den 16
refuse 1 '08/2023–12/2023 overlaps the figures recorded for 07/2023–11/2023, 12/2023' \
	3.13.3 --from 2023-08 --to 2023-12 --num 1 --den 2
refuse 1 'figures 3/2: b must be from 0 to a' 3.13.3 --period 2023-08 --num 3 --den 2
refuse 1 'figures 0/0: b must be from 0 to a, and a more than 0' \
	3.13.3 --period 2023-08 --num 0 --den 0
refuse 1 'recorded month by month; --snapshot' \
	3.13.3 --period 2023-08 --num 1 --den 2 --snapshot
refuse 2 'bad number in --num -1' 3.13.3 --period 2023-08 --num -1 --den 2
refuse 2 'bad number in --num x' 3.13.3 --period 2023-08 --num x --den 2
refuse 2 'bad number in --num 1,5' 3.13.3 --period 2023-08 --num 1,5 --den 2
refuse 2 '--period: bad month .2023-13' 3.13.3 --period 2023-13 --num 1 --den 2
refuse 2 '--from 2023-12 is after --to 2023-08' \
	3.13.3 --from 2023-12 --to 2023-08 --num 1 --den 2
refuse 2 '--from and --to go together' 3.13.3 --from 2023-08 --num 1 --den 2
refuse 2 'with --num and --den' 3.13.3 --period 2023-08 --num 1
refuse 2 '--snapshot takes --period' 3.13.3 --snapshot
refuse 2 '--expect: bad number' 3.13.3 --expect -5
refuse 1 '--expect: 0 is not a volume' 3.13.3 --expect 0
refuse 2 'expected CODE' 
expect_eq "figures' refusals wrote nothing" "$was" "$(dump)"

finish
