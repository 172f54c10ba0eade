#!/usr/bin/env bash
# SPDX-License-Identifier: ISC
# bench/minutes-bench.sh: the numbers of issue 8, on a generated plan.
#   minutes            10 000 tasks, 30 000 changes   target < 0.5 s
#   report --evidence  10 000 tasks, 10 000 documents target < 0.5 s
# Usage: bench/minutes-bench.sh [PARBOARD] [N]   (needs sqlite3; uses
# hyperfine when installed).  Not part of make check: timings depend on
# the machine and its load.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pb=${1:-$here/../src/parboard}
n=${2:-10000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/b.db
export LANGUAGE=vi

python3 "$here/gen-appendix.py" "$n" > "$tmp/big.tsv"
"$pb" -d "$db" --today 2023-09-13 import "$tmp/big.tsv" >/dev/null 2>&1
# Three changes a task over two weeks (status to doing, a note, then done
# for a third of them or a due date moved), one document a task, and one
# recorded meeting a week ago; the task rows follow their last change.
sqlite3 "$db" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
INSERT INTO history (task_id, at, user, kind, old, new)
SELECT id, datetime('2023-09-14 08:00:00', '+' || (id % 600) || ' minutes'),
	'u' || (id % 7), 'status', 'todo', 'doing' FROM task;
INSERT INTO history (task_id, at, user, kind, old, new)
SELECT id, datetime('2023-09-18 08:00:00', '+' || (id % 600) || ' minutes'),
	'u' || (id % 7), 'note', NULL, 'Ghi chú tiến độ số ' || id FROM task;
INSERT INTO history (task_id, at, user, kind, old, new)
SELECT id, datetime('2023-09-22 08:00:00', '+' || (id % 600) || ' minutes'),
	'u' || (id % 7), CASE WHEN id % 3 = 0 THEN 'status' ELSE 'due' END,
	CASE WHEN id % 3 = 0 THEN 'doing' ELSE due END,
	CASE WHEN id % 3 = 0 THEN 'done' ELSE '2023-11-15' END FROM task;
UPDATE task SET status = CASE WHEN id % 3 = 0 THEN 'done' ELSE 'doing' END,
	due = CASE WHEN id % 3 = 0 THEN due ELSE '2023-11-15' END,
	version = version + 3;
INSERT INTO evidence (task_id, number, day, issuer, summary, signed, user, at)
SELECT id, id || '/BC-UBND', '2023-09-20', 'UBND xã',
	'Báo cáo kết quả khắc phục tiêu chí ' || code, id % 2, 'u1',
	'2023-09-20 09:00:00' FROM task;
INSERT INTO meeting (plan_id, at, chair, user)
SELECT id, '2023-09-20 16:00:00', 'Chủ tịch', 'u0' FROM plan;
COMMIT;
SQL
echo "plan: $n tasks, $(sqlite3 "$db" 'SELECT count(*) FROM history') history rows" \
	"($(sqlite3 "$db" "SELECT count(*) FROM history WHERE kind <> 'created'") changes)," \
	"$(sqlite3 "$db" 'SELECT count(*) FROM evidence') documents"

run() {
	local name=$1; shift
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine --warmup 1 --runs 10 -n "$name" "$*"
	else
		local best=999 t i
		for i in 1 2 3 4 5; do
			t=$( { /usr/bin/time -f '%e' "$@" >/dev/null; } 2>&1 | tail -n1)
			best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (b < a) ? b : a }')
		done
		printf '%-40s best of 5: %s s\n' "$name" "$best"
	fi
}
run "minutes ($n tasks)" "$pb" -d "$db" --today 2023-09-27 minutes
run "minutes --format html" "$pb" -d "$db" --today 2023-09-27 minutes --format html
run "report --evidence ($n documents)" "$pb" -d "$db" --today 2023-09-27 report --evidence
run "report --evidence --format html" "$pb" -d "$db" --today 2023-09-27 report --evidence --format html
