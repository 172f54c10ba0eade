# SPDX-License-Identifier: ISC
# Two processes updating one database at once lose no history row.
# PARBOARD_ROUNDS: each worker's rounds (40; tests/long/valgrind.sh runs
# fewer, each run there taking a second).
. "$SRCDIR/tests/lib.sh"

pb import "$SEED" >/dev/null 2>&1 || fail "import"
rounds=${PARBOARD_ROUNDS:-40}
worker() {
	local i
	for i in $(seq 1 "$rounds"); do
		pb set "$1" doing --note "$2 $i" >/dev/null || echo "failed $2 $i"
		pb set "$1" todo >/dev/null || echo "failed $2 $i"
	done
}
# The appendix's 1.7/CA by its id (the letter's body gives CA a 1.7 task
# too, which CODE/ROLE would note on every call).
ca=$(pb list --format tsv | awk -F'\t' '$2 == "1.7" && $3 == "CA" && $8 == "appendix" { print $1 }')
worker "$ca" a > "$TMPD/a" 2>&1 &
worker "$ca" b > "$TMPD/b" 2>&1 &
worker 3.11.1/TN-TKQ c > "$TMPD/c" 2>&1 &
wait
expect_eq "no write failed" "" "$(cat "$TMPD/a" "$TMPD/b" "$TMPD/c")"
notes=$(sqlite3 "$DB" "SELECT count(*) FROM history WHERE kind = 'note'")
expect_eq "every note is kept" $((3 * rounds)) "$notes"
changes=$(sqlite3 "$DB" "SELECT count(*) FROM history WHERE kind = 'status'")
# 1.7/CA: two workers racing may find the status already set (no row then);
# 3.11.1 alone changes twice a round.
c311=$(sqlite3 "$DB" "SELECT count(*) FROM history h JOIN task t ON t.id = h.task_id WHERE t.code = '3.11.1' AND kind = 'status'")
expect_eq "a lone writer's $((2 * rounds)) changes are all there" \
	$((2 * rounds)) "$c311"
# Every status row follows the one before it: old = previous new.
broken=$(sqlite3 "$DB" "SELECT count(*) FROM history h WHERE kind = 'status' AND old IS NOT (SELECT new FROM history p WHERE p.task_id = h.task_id AND p.kind = 'status' AND p.id < h.id ORDER BY p.id DESC LIMIT 1) AND EXISTS (SELECT 1 FROM history p WHERE p.task_id = h.task_id AND p.kind = 'status' AND p.id < h.id)")
expect_eq "no update is lost: each change starts from the last one ($changes changes)" 0 "$broken"
finish
