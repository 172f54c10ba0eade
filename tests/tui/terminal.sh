#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/tui/terminal.sh: the board without a terminal.  Read from
# /dev/null it used to spin at 100% CPU, written to a file it filled it
# with escape sequences, and `ssh server parboard` (no -t) said "cannot
# use terminal type '(unset)'": now it exits 1 at once and says why.
. "$SRCDIR/tests/lib.sh"
use_test_hooks

check "import the seed" pb import "$SEED" >/dev/null 2>&1

# run NAME ARGS...: the board with a two-second limit; status in $rc,
# stdout in $TMPD/NAME.out, stderr in $TMPD/NAME.err.
run() {
	_n=$1
	shift
	rc=0
	timeout 2 "$@" >"$TMPD/$_n.out" 2>"$TMPD/$_n.err" || rc=$?
}
# no_escape DESCRIPTION FILE: not one ESC byte in the file.
no_escape() {
	if LC_ALL=C grep -q "$(printf '\033')" "$2"; then
		fail "$1"
	else
		pass "$1"
	fi
}

run null env -u SSH_CONNECTION "$PARBOARD" -d "$DB" --today 2023-09-13 \
    </dev/null
expect_eq "</dev/null: exit 1 within 2 s" 1 "$rc"
expect_match "</dev/null: says standard input is no terminal" \
    'standard input is not a terminal' "$(cat "$TMPD/null.err")"
no_escape "</dev/null: no escape sequence written" "$TMPD/null.out"
expect_eq "</dev/null: nothing on standard output" 0 \
    "$(wc -c < "$TMPD/null.out" | tr -d ' ')"

run demo env -u SSH_CONNECTION "$PARBOARD" --demo </dev/null
expect_eq "--demo </dev/null: exit 1 within 2 s" 1 "$rc"

run ssh env SSH_CONNECTION="192.0.2.1 50000 192.0.2.2 22" \
    "$PARBOARD" -d "$DB" --today 2023-09-13 </dev/null
expect_eq "ssh without -t: exit 1" 1 "$rc"
expect_match "ssh without -t: says to use ssh -t" 'ssh -t' \
    "$(cat "$TMPD/ssh.err")"

run ssh-vi env LANGUAGE=vi SSH_CONNECTION="192.0.2.1 50000 192.0.2.2 22" \
    "$PARBOARD" -d "$DB" --today 2023-09-13 </dev/null
expect_match "ssh without -t, in Vietnamese" 'ssh -t' \
    "$(cat "$TMPD/ssh-vi.err")"

# The headless test mode needs no terminal.
printf 'q\n' > "$TMPD/q.keys"
run headless env PARBOARD_KEYS="$TMPD/q.keys" \
    PARBOARD_DUMP="$TMPD/q.dump" TERM=xterm "$PARBOARD" -d "$DB" \
    --today 2023-09-13 </dev/null
expect_eq "PARBOARD_KEYS still runs without a terminal" 0 "$rc"

# Output to a file with a real terminal for input: tmux.
if [ -n "${TMUX_BIN:-}" ]; then
	SOCK="pbterm$$"
	tm() { "$TMUX_BIN" -L "$SOCK" -f /dev/null "$@"; }
	trap 'tm kill-server >/dev/null 2>&1; rm -rf "$TMPD"' EXIT
	tm new-session -d -s t -x 80 -y 24 "env -u SSH_CONNECTION \
	    TERM=xterm '$PARBOARD' -d '$DB' --today 2023-09-13 \
	    >'$TMPD/file.out' 2>'$TMPD/file.err'; echo exit=\$? \
	    >'$TMPD/file.rc'; sleep 60"
	n=40
	while [ "$n" -gt 0 ] && [ ! -s "$TMPD/file.rc" ]; do
		sleep 0.05
		n=$((n - 1))
	done
	expect_eq ">file: exit 1 within 2 s" "exit=1" \
	    "$(cat "$TMPD/file.rc" 2>/dev/null)"
	expect_match ">file: says standard output is no terminal" \
	    'standard output is not a terminal' "$(cat "$TMPD/file.err")"
	no_escape ">file: no escape sequence in the file" "$TMPD/file.out"
else
	run file env -u SSH_CONNECTION "$PARBOARD" -d "$DB" \
	    --today 2023-09-13 </dev/null
	no_escape ">file: no escape sequence in the file" "$TMPD/file.out"
fi

finish
