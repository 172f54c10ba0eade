#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/fuzz/run.sh SECONDS TARGET...: run each libFuzzer target (built by
# ./configure --enable-fuzzing) for SECONDS with a fixed seed, from a seed
# corpus made of the bundled samples, tests/data and the regression inputs
# (tests/data/fuzz-regressions/).  Prints each target's executions; exits
# 1 when a target finds a crash, a leak or undefined behaviour (its input
# is left in tests/fuzz/findings/: copy it to tests/data/fuzz-regressions/
# as TARGET-NAME, where make check feeds it to the program).  The targets
# run $FUZZ_JOBS (default: the number of processors) at a time, each on
# its own processor for SECONDS.
set -u
: "${SRCDIR:?run through make fuzz}"
secs=$1
shift
status=0
total=0
export ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}detect_leaks=1:abort_on_error=0"
export LSAN_OPTIONS="${LSAN_OPTIONS:-}${LSAN_OPTIONS:+:}suppressions=$SRCDIR/tests/fuzz/lsan.supp"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-}${UBSAN_OPTIONS:+:}print_stacktrace=1:halt_on_error=1"
S=$SRCDIR/share/samples
D=$SRCDIR/tests/data
R=$SRCDIR/tests/data/fuzz-regressions

# seed NAME FILE: add FILE to NAME's seed corpus; body: without its first
# (header) line, for the targets that supply the header themselves.
seed() { cp "$2" "tests/fuzz/corpus/$1/seed-$(basename "$2")"; }
body() { tail -n +2 "$2" > "tests/fuzz/corpus/$1/seed-$(basename "$2")"; }

# fuzz TARGET: run one target; its report in tests/fuzz/findings/NAME.sum,
# its executions in NAME.execs; exit 1 on a finding.
fuzz() {
	t=$1
	name=$(basename "$t" | sed 's/^fuzz_//')
	rm -rf "tests/fuzz/corpus/$name"
	mkdir -p "tests/fuzz/corpus/$name" tests/fuzz/findings
	case $name in
	appendix)
		for f in "$S"/* "$D"/*.tsv "$D"/*.txt "$D"/*.csv; do
			[ -s "$f" ] && seed "$name" "$f"
		done ;;
	csv)	body "$name" "$D/appendix.csv" ;;
	directives)
		body "$name" "$S/hien-thanh-directives.tsv"
		body "$name" "$D/directives-bad-date.tsv" ;;
	config)
		seed "$name" "$SRCDIR/share/parboard.conf.in"
		for f in "$SRCDIR"/tests/data/*.conf; do
			[ -f "$f" ] && seed "$name" "$f"
		done ;;
	esac
	for f in "$R/$name"-*; do
		[ -f "$f" ] && seed "$name" "$f"
	done
	log=tests/fuzz/findings/$name.log
	"$t" -seed=1 -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 \
	    -artifact_prefix="tests/fuzz/findings/$name-" \
	    "tests/fuzz/corpus/$name" > "$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	cov=$(grep -E '^#[0-9]+.*(DONE|INITED)' "$log" | tail -n1 |
	    sed -n 's/.*cov: \([0-9]*\).*/\1/p')
	echo "${execs:-0}" > "tests/fuzz/findings/$name.execs"
	{
	if [ "$rc" -eq 0 ]; then
		echo "fuzz $name: ${execs:-?} executions in ${secs}s, coverage ${cov:-?}, no finding"
	else
		echo "fuzz $name: FINDING (exit $rc) after ${execs:-?} executions:"
		grep -E 'ERROR|runtime error|SUMMARY|Test unit written' "$log" | head -n 20
		ls tests/fuzz/findings/"$name"-* 2>/dev/null
	fi
	} > "tests/fuzz/findings/$name.sum"
	[ "$rc" -eq 0 ]
}

jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}
mkdir -p tests/fuzz/findings
rm -f tests/fuzz/findings/*.sum tests/fuzz/findings/*.execs
while [ "$#" -gt 0 ]; do
	n=0 pids=
	while [ "$#" -gt 0 ] && [ "$n" -lt "$jobs" ]; do
		fuzz "$1" &
		pids="$pids $!"
		n=$((n + 1))
		shift
	done
	for p in $pids; do
		wait "$p" || status=1
	done
done
for f in tests/fuzz/findings/*.sum; do
	cat "$f"
	name=$(basename "$f" .sum)
	total=$((total + $(cat "tests/fuzz/findings/$name.execs")))
done
echo "fuzz: $total executions in all"
exit $status
