# SPDX-License-Identifier: ISC
# tests/long/common.sh: shared by the long tests (sourced).  They run once
# from .ci/run, from the top of a built tree, never inside make check.
set -u
top=$(pwd)
PARBOARD=${PARBOARD:-$top/src/parboard}
SRCDIR=${SRCDIR:-$top}
SEED=$SRCDIR/share/samples/hien-thanh-103-2023.txt
DIRECTIVES=$SRCDIR/share/samples/hien-thanh-directives.tsv
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/parboard-long.XXXXXX")
chmod 755 "$TMPD"
trap 'rm -rf "$TMPD"' EXIT
export HOME="$TMPD/home" LANGUAGE=en LC_ALL=C.UTF-8 TZ=UTC
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
unset PARBOARD_CONFIG NO_COLOR LANG LC_MESSAGES
mkdir -p "$HOME"
failures=0
pass() { printf 'ok - %s\n' "$*"; }
fail() { printf 'FAIL - %s\n' "$*"; failures=$((failures + 1)); }
expect_eq() {
	if [ "$2" = "$3" ]; then pass "$1"
	else fail "$1"; printf '  expected: %s\n  actual:   %s\n' "$2" "$3"; fi
}
finish() {
	[ "$failures" -eq 0 ] && exit 0
	printf '%d check(s) failed\n' "$failures"
	exit 1
}
# Milliseconds since the epoch.
now_ms() { date +%s%3N; }
