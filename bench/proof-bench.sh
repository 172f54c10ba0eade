#!/usr/bin/env bash
# SPDX-License-Identifier: ISC
# bench/proof-bench.sh: the numbers of issue 18, on a generated plan of
# N tasks (default 10 000) with 3 documents a task (30 000) and 5 links
# for every 3 documents (50 000), each criterion a checklist of three
# items (KH, GM/TB, BC) and a counted target of 2.
#   report --evidence   target <= 0.5 s
#   evidence add        target <= 50 ms (a new document, linked to a task)
#   set TASK done       (refused, naming what is missing; not judged)
# Usage: bench/proof-bench.sh [PARBOARD] [N]   (needs sqlite3 and python3;
# uses hyperfine when installed).  Not part of make check: timings depend
# on the machine and its load.
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
# Kinds as checklist.h's bits (1 << enum doc_kind): KH 10, GM 22 | TB 7,
# BC 14.  Documents by kind name, as the store keeps them.
sqlite3 "$db" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
DELETE FROM checklist_item;
DELETE FROM checklist_target;
INSERT INTO checklist_item (plan_id, code, n, text, kinds)
SELECT plan_id, code, 1, 'Kế hoạch tổ chức', 1024 FROM criterion;
INSERT INTO checklist_item (plan_id, code, n, text, kinds)
SELECT plan_id, code, 2, 'Giấy mời/thông báo', 4194432 FROM criterion;
INSERT INTO checklist_item (plan_id, code, n, text, kinds)
SELECT plan_id, code, 3, 'Báo cáo kết quả', 16384 FROM criterion;
INSERT INTO checklist_target (plan_id, code, count, unit, day_from, day_to)
SELECT plan_id, code, 2, 'cuộc', '2023-07-01', '2023-12-31' FROM criterion;
WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 2)
INSERT INTO document (plan_id, number, day, issuer, summary, signed, kind,
	user)
SELECT t.plan_id, t.id || '/' || CASE k.i WHEN 0 THEN 'KH' WHEN 1 THEN 'GM'
	ELSE 'BC' END || '-UBND', '2023-09-20', 'UBND xã',
	'Tài liệu ' || k.i || ' của nhiệm vụ ' || t.id, t.id % 2,
	CASE k.i WHEN 0 THEN 'Kế hoạch' WHEN 1 THEN 'Giấy mời'
	ELSE 'Báo cáo' END, 'u1'
FROM task t, k ORDER BY t.id, k.i;
INSERT INTO document_link (document, task_id, user)
SELECT d.id, CAST(substr(d.number, 1, instr(d.number, '/') - 1) AS INTEGER),
	'u1' FROM document d;
INSERT INTO document_link (document, task_id, user)
SELECT d.id, (SELECT min(id) FROM task) + (CAST(substr(d.number, 1,
	instr(d.number, '/') - 1) AS INTEGER) + 7) % $n, 'u1'
FROM document d WHERE d.id % 3 <> 0;
INSERT INTO tick (task_id, day, user)
SELECT id, '2023-09-2' || (id % 9), 'u1' FROM task WHERE id % 2 = 0;
COMMIT;
SQL
echo "plan: $n tasks, $(sqlite3 "$db" 'SELECT count(*) FROM document') documents," \
	"$(sqlite3 "$db" 'SELECT count(*) FROM document_link') links," \
	"$(sqlite3 "$db" 'SELECT count(*) FROM checklist_item') checklist items"

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
run "report --evidence ($n tasks)" "$pb" -d "$db" --today 2023-10-13 report --evidence
run "report --evidence --format html" "$pb" -d "$db" --today 2023-10-13 report --evidence --format html
run "report (the score's backed part)" "$pb" -d "$db" --today 2023-10-13 report
# evidence add: each run a new number (a second of one number and date is
# refused), so timed by hand: the best of 10, in milliseconds.
task=$(sqlite3 "$db" 'SELECT min(id) FROM task')
best=999999
for i in $(seq 1 10); do
	t0=$(date +%s%N)
	"$pb" -d "$db" --today 2023-10-13 evidence add "$task" \
		--number "9$i/TB-UBND" --date 2023-10-13 --summary "Thông báo $i" >/dev/null
	t1=$(date +%s%N)
	t=$(( (t1 - t0) / 1000 ))
	[ "$t" -lt "$best" ] && best=$t
done
printf '%-40s best of 10: %d.%03d ms\n' "evidence add" $((best / 1000)) $((best % 1000))
t0=$(date +%s%N)
"$pb" -d "$db" --today 2023-10-13 set "$task" done >/dev/null 2>&1 || true
t1=$(date +%s%N)
printf '%-40s once: %d ms\n' "set TASK done (refused)" $(( (t1 - t0) / 1000000 ))
