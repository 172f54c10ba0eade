#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/long/valgrind.sh: the command-line tests (tests/cli/*.sh) with the
# program run under valgrind (memcheck), in a configured tree built without
# sanitizers.  Fails on any invalid access, use of uninitialised memory or
# definite or indirect leak (valgrind's exit 99, its logs in
# tests/long/valgrind/).  Run from the top of the build tree by .ci/run.
set -u
top=$(pwd)
logs=$top/tests/long/valgrind
rm -rf "$logs"
mkdir -p "$logs"
chmod 1777 "$logs"	# set.sh runs its read-only check as nobody
cat > "$logs/parboard" <<WRAP
#!/bin/sh
exec valgrind -q --read-inline-info=no --error-exitcode=99 --leak-check=full \\
    --show-leak-kinds=definite,indirect \\
    --errors-for-leak-kinds=definite,indirect \\
    --log-file='$logs/vg.%p.log' '$top/src/parboard' "\$@"
WRAP
chmod +x "$logs/parboard"
# Not the tests of wording alone (the languages, the translated errors,
# the printed HTML, which waits on chromium): their code paths are those
# of the others, and the sanitizer build of distcheck runs them too.
tests=$(cd "${SRCDIR:-.}" && ls tests/cli/*.sh |
    grep -v -e '/lang\.sh$' -e '/errors-vi\.sh$' -e '/html-print\.sh$' |
    tr '\n' ' ')
# A run under valgrind takes a second, its start-up most of it (inline
# frames not read: a fifth less); concurrent.sh's workers run 8 rounds,
# not 40 (tests/long/load.sh tries many writers at length).
PARBOARD_ROUNDS=8 make -j"${JOBS:-$(nproc)}" check TESTS="$tests" \
    PARBOARD_BIN="$logs/parboard" >"$logs/make.log" 2>&1
rc=$?
runs=$(ls "$logs"/vg.*.log 2>/dev/null | wc -l)
bad=$(grep -l -E 'ERROR SUMMARY: [1-9]|definitely lost: [1-9]|indirectly lost: [1-9]|Invalid (read|write|free)' \
    "$logs"/vg.*.log 2>/dev/null)
grep -E '^(PASS|FAIL|ERROR|SKIP|XPASS)' "$logs/make.log"
if [ -n "$bad" ]; then
	for f in $bad; do
		echo "== $f"
		head -n 60 "$f"
	done
	rc=1
fi
errors=$(echo "$bad" | grep -c . )
echo "valgrind: $runs runs of parboard, $errors with an error or a leak"
[ "$rc" -eq 0 ] || { grep -h -B2 -A20 '^FAIL' tests/cli/*.log | head -n 80; exit 1; }
exit 0
