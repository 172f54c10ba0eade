#!/bin/sh
# SPDX-License-Identifier: ISC
# The inputs the fuzzers found crashes with (tests/data/fuzz-regressions/,
# each named after its target: appendix-*, csv-*, directives-*, config-*;
# office-* are the hostile Word and Excel files of issue 16),
# fed to the program as a person would give them.  Each must give a result
# or a message (exit 0, 1 or 2), never a signal or a sanitizer report.
. "$SRCDIR/tests/lib.sh"

R=$SRCDIR/tests/data/fuzz-regressions
# In a sanitizer build: libconfig's own leaks are not parboard's.
LSAN_OPTIONS="${LSAN_OPTIONS:-}${LSAN_OPTIONS:+:}suppressions=$SRCDIR/tests/fuzz/lsan.supp"
export LSAN_OPTIONS
CSV_HEADER='Người thực hiện chính,Ý kiến Hội đồng thẩm định,STT,Lĩnh vực / Tiêu chí / Tiêu chí thành phần,Điểm tự đánh giá,Điểm chuẩn,Điểm trừ so với điểm chuẩn,Điểm thẩm định'
DIR_HEADER=$(printf 'role\tcriterion\ttask\tdue\ttarget\tevery')

# survives NAME COMMAND...: exit 0-2, no sanitizer report on stderr.
survives() {
	_n=$1; shift
	"$@" >/dev/null 2>"$TMPD/err"
	_rc=$?
	if [ "$_rc" -le 2 ] && ! grep -Eq 'Sanitizer|runtime error' "$TMPD/err"
	then
		pass "$_n: exit $_rc"
	else
		fail "$_n: exit $_rc"
		head -n 20 "$TMPD/err"
	fi
}

"$PARBOARD" -d "$TMPD/plan.db" import --past-due "$SEED" >/dev/null 2>&1 ||
	fail "the sample imports"
n=0
for f in "$R"/*; do
	[ -f "$f" ] || continue
	name=$(basename "$f")
	n=$((n + 1))
	rm -f "$DB" "$DB-wal" "$DB-shm"
	case $name in
	appendix-*)
		cp "$f" "$TMPD/in.tsv"
		survives "$name" "$PARBOARD" -d "$DB" import --past-due "$TMPD/in.tsv" ;;
	csv-*)
		{ printf '%s\n' "$CSV_HEADER"; cat "$f"; } > "$TMPD/in.csv"
		survives "$name" "$PARBOARD" -d "$DB" import --past-due "$TMPD/in.csv" ;;
	directives-*)
		cp "$TMPD/plan.db" "$DB"
		{ printf '%s\n' "$DIR_HEADER"; cat "$f"; } > "$TMPD/in.tsv"
		survives "$name" "$PARBOARD" -d "$DB" import --past-due "$TMPD/in.tsv" ;;
	office-*)
		cp "$f" "$TMPD/in.${name##*.}"
		survives "$name" "$PARBOARD" -d "$DB" import --past-due --dry-run \
		    "$TMPD/in.${name##*.}" ;;
	config-*)
		cp "$f" "$TMPD/in.conf"
		survives "$name" "$PARBOARD" -c "$TMPD/in.conf" \
		    -d "$TMPD/plan.db" list ;;
	README) n=$((n - 1)) ;;
	*)	fail "$name: name it appendix-, csv-, directives-, office- or config-" ;;
	esac
done
pass "$n fuzz regression input(s)"
finish
