#!/usr/bin/env bash
# SPDX-License-Identifier: ISC
# bench/xlsx-bench.sh: the numbers of issue 11, on a generated workbook.
#   import of a 10 000-row .xlsx        target < 2 s
#   its peak memory                     target < 100 MB
# Usage: bench/xlsx-bench.sh [PARBOARD] [N]   (needs /usr/bin/time;
# hyperfine when installed).  Not part of make check: timings depend on
# the machine and its load.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pb=${1:-$here/../src/parboard}
n=${2:-10000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 "$here/gen-xlsx.py" "$n" "$tmp/big.xlsx"
echo "workbook: $n criteria, $(wc -c < "$tmp/big.xlsx") bytes"

if command -v hyperfine >/dev/null; then
	hyperfine --warmup 1 --runs 5 \
		--prepare "rm -f $tmp/b.db $tmp/b.db-wal $tmp/b.db-shm" \
		-n "import $n-row .xlsx (fresh db)" \
		"$pb -d $tmp/b.db import --past-due $tmp/big.xlsx"
fi
for run in 1 2 3; do
	rm -f "$tmp"/c.db*
	/usr/bin/time -f "import $n-row .xlsx: %e s, peak RSS %M KB" \
		"$pb" -d "$tmp/c.db" import --past-due "$tmp/big.xlsx" >/dev/null \
		2>"$tmp/t" || { cat "$tmp/t"; exit 1; }
	tail -n 1 "$tmp/t"
done
/usr/bin/time -f "dry run of $n-row .xlsx: %e s, peak RSS %M KB" \
	"$pb" -d "$tmp/d.db" import --past-due --dry-run "$tmp/big.xlsx" >/dev/null \
	2>"$tmp/t"
tail -n 1 "$tmp/t"
