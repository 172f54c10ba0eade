#!/usr/bin/env bash
# SPDX-License-Identifier: ISC
# bench/cli-bench.sh: the numbers of issue 2, on a generated appendix.
#   import of a 10 000-criterion appendix   target < 1 s
#   list --format json of 10 000 tasks      target < 0.2 s
#   peak memory of either                   target < 50 MB
# Usage: bench/cli-bench.sh [PARBOARD] [N]   (needs hyperfine, /usr/bin/time)
# Not part of make check: timings depend on the machine and its load.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pb=${1:-$here/../src/parboard}
n=${2:-10000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 "$here/gen-appendix.py" "$n" > "$tmp/big.tsv"
echo "appendix: $n criteria, $(wc -c < "$tmp/big.tsv") bytes"

hyperfine --warmup 1 --runs 10 \
	--prepare "rm -f $tmp/b.db $tmp/b.db-wal $tmp/b.db-shm" \
	-n "import $n criteria (fresh db)" \
	"$pb -d $tmp/b.db import --past-due $tmp/big.tsv"
"$pb" -d "$tmp/b.db" import --past-due "$tmp/big.tsv" >/dev/null 2>&1
hyperfine --warmup 1 --runs 10 -n "re-import $n criteria" \
	"$pb -d $tmp/b.db import --past-due $tmp/big.tsv"
hyperfine --warmup 2 --runs 20 -n "list --format json, $n tasks" \
	"$pb -d $tmp/b.db list --format json"

rm -f "$tmp"/c.db*
/usr/bin/time -f "import peak RSS: %M KB" \
	"$pb" -d "$tmp/c.db" import --past-due "$tmp/big.tsv" >/dev/null 2>"$tmp/t1" || true
tail -n 1 "$tmp/t1"
/usr/bin/time -f "list json peak RSS: %M KB" \
	"$pb" -d "$tmp/c.db" list --format json >/dev/null 2>"$tmp/t2"
tail -n 1 "$tmp/t2"
