# SPDX-License-Identifier: ISC
# tests/lib.sh: shared helpers for the shell tests (sourced).
# The environment comes from Makefile.am's AM_TESTS_ENVIRONMENT:
# PARBOARD (the built binary), SRCDIR, BUILDDIR, TMUX_BIN, MANDOC.
set -u
: "${PARBOARD:?run through make check}"
: "${SRCDIR:?run through make check}"

SEED="$SRCDIR/share/samples/hien-thanh-103-2023.txt"
DIRECTIVES="$SRCDIR/share/samples/hien-thanh-directives.tsv"
DATA="$SRCDIR/tests/data"

TMPD=$(mktemp -d "${TMPDIR:-/tmp}/parboard-test.XXXXXX")
trap 'rm -rf "$TMPD"' EXIT
export HOME="$TMPD/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
mkdir -p "$HOME"
DB="$TMPD/test.db"
# Tests pin the language: English unless a test says otherwise (LANGUAGE=vi
# for Vietnamese, or `env -u LANGUAGE` to see the default).
export LANGUAGE=en

failures=0
pass() { printf 'ok - %s\n' "$*"; }
fail() { printf 'FAIL - %s\n' "$*"; failures=$((failures + 1)); }
skip() { printf 'SKIP: %s\n' "$*"; exit 77; }

# check DESCRIPTION COMMAND...: the command must succeed.
check() { local d=$1; shift; if "$@"; then pass "$d"; else fail "$d"; fi; }
# expect_eq DESCRIPTION EXPECTED ACTUAL
expect_eq() {
	if [ "$2" = "$3" ]; then pass "$1"
	else fail "$1"; printf '  expected: %s\n  actual:   %s\n' "$2" "$3"; fi
}
# expect_match DESCRIPTION REGEX TEXT (grep -E on the text)
expect_match() {
	if printf '%s\n' "$3" | grep -Eq -- "$2"; then pass "$1"
	else fail "$1"; printf '  pattern: %s\n  text:    %s\n' "$2" "$3" | head -20; fi
}
# expect_no_match DESCRIPTION REGEX TEXT: no line of the text matches.
expect_no_match() {
	if printf '%s\n' "$3" | grep -Eq -- "$2"; then
		fail "$1"
		printf '%s\n' "$3" | grep -E -- "$2" | sed 's/^/  matched: /'
	else
		pass "$1"
	fi
}
# use_test_hooks: run the test build's twin (src/parboard-test), the only
# one that reads PARBOARD_KEYS and PARBOARD_DUMP, for the rest of the test.
use_test_hooks() { PARBOARD=${PARBOARD_TEST:?run through make check}; }
# wrapped: PARBOARD is a wrapper script (tests/long/valgrind.sh runs the
# program under valgrind), not the program itself: it cannot be made
# setgid, and its timings are valgrind's.
wrapped() { [ "$(head -c 4 "$PARBOARD" | od -An -c | tr -d ' ')" != '177ELF' ]; }
# readable_copy DIR: copies, readable by every account, of what a test
# runs as another account (setpriv, su), which may not be able to enter
# the build tree (a clone in root's 0700 home): DIR/parboard ($PARBOARD),
# DIR/parboard-test, DIR/parboard-office and DIR/locale, the catalogue
# to name in PARBOARD_LOCALEDIR.  DIR is made, mode 0755.
readable_copy() {
	mkdir -p "$1/locale"
	cp "$PARBOARD" "$1/parboard"
	[ -z "${PARBOARD_TEST:-}" ] || cp "$PARBOARD_TEST" "$1/parboard-test"
	[ -z "${PARBOARD_OFFICE:-}" ] || cp "$PARBOARD_OFFICE" "$1/parboard-office"
	[ -z "${PARBOARD_LOCALEDIR:-}" ] ||
	    cp -R "$PARBOARD_LOCALEDIR/." "$1/locale/"
	chmod -R a+rX,go-w "$1"
}
# pb ARGS...: run parboard on the test database with the test clock.
pb() { "$PARBOARD" -d "$DB" --today 2023-09-13 "$@"; }
# tasks_summary: parboard list --format json on stdin as one line a
# task, sorted: origin code role support points status due title
# (python3, a test dependency that the caller checks for).
tasks_summary() {
	python3 -c '
import json, sys
for t in sorted(json.load(sys.stdin), key=lambda t: (t["origin"], t["code"] or "", t["role"])):
    pts = "null" if t["points"] is None else "%.2f" % t["points"]
    print(t["origin"], t["code"], t["role"], ",".join(t["support"]), pts, t["status"], t["due"], t["title"])
'
}
# A private tmux server (TMUX_BIN) named by $SOCK: tm ARGS... runs tmux
# on it.  wait_for SESSION REGEX [SECONDS] polls the pane until the text
# appears (else the screen is left in $TMPD/last-screen); see
# DESCRIPTION SESSION REGEX [SECONDS] is wait_for as a test.
tm() { "$TMUX_BIN" -L "$SOCK" -f /dev/null "$@"; }
wait_for() {
	_n=$(( ${3:-5} * 20 ))
	while [ "$_n" -gt 0 ]; do
		if tm capture-pane -p -t "$1" 2>/dev/null | grep -Eq -- "$2"
		then
			return 0
		fi
		sleep 0.05
		_n=$((_n - 1))
	done
	tm capture-pane -p -t "$1" > "$TMPD/last-screen" 2>/dev/null
	return 1
}
see() {
	if wait_for "$2" "$3" "${4:-5}"; then
		pass "$1"
	else
		fail "$1"
		printf '  waited for: %s\n  screen:\n' "$3"
		sed 's/^/  | /' "$TMPD/last-screen"
	fi
}

finish() {
	if [ "$failures" -ne 0 ]; then
		printf '%d check(s) failed\n' "$failures"
		exit 1
	fi
	exit 0
}
