#!/usr/bin/env bash
# SPDX-License-Identifier: ISC
# bench/letter-bench.sh: the numbers of issue 20, point 1.
#   import of the seed's letter (body and appendix)     target < 50 ms
#   import of a 500-page letter (its body repeated)     target < 1 s
# The long letter repeats the seed's body (from "1. Đối với" to the
# closing paragraph) until it holds PAGES × 40 lines, then the seed's
# appendix.  Usage: bench/letter-bench.sh [PARBOARD] [PAGES]   (needs
# hyperfine).  Not part of make check: timings depend on the machine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pb=${1:-$here/../src/parboard}
pages=${2:-500}
seed=$here/../share/samples/hien-thanh-103-2023.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$seed" "$pages" > "$tmp/long.txt" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read().split("\n")
pages = int(sys.argv[2])
start = next(i for i, l in enumerate(text) if "1. Đối với" in l)
end = next(i for i, l in enumerate(text) if l.startswith("UBND xã đã thống kê"))
table = next(i for i, l in enumerate(text) if "\t" in l)
head, body, tail = text[:start], text[start:end], text[end:]
out = list(head)
while len(out) < pages * 40:
    out += body
print("\n".join(out + tail))
PY
lines=$(wc -l < "$tmp/long.txt")
echo "long letter: $lines lines (~$((lines / 40)) pages), $(wc -c < "$tmp/long.txt") bytes"

hyperfine --warmup 2 --runs 20 \
	--prepare "rm -f $tmp/s.db $tmp/s.db-wal $tmp/s.db-shm" \
	-n "import the seed's letter (fresh db)" \
	"$pb -d $tmp/s.db --today 2023-09-13 import $seed"
hyperfine --warmup 1 --runs 10 \
	--prepare "rm -f $tmp/l.db $tmp/l.db-wal $tmp/l.db-shm" \
	-n "import a $pages-page letter (fresh db)" \
	"$pb -d $tmp/l.db --today 2023-09-13 import $tmp/long.txt"
"$pb" -d "$tmp/l.db" --today 2023-09-13 import "$tmp/long.txt" | tail -n 1
