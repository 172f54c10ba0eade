# SPDX-License-Identifier: ISC
# The shared database (parboard(1) SECURITY): a database created in a
# group-writable or setgid directory is 0660 whatever the umask; a board
# on a read-only database says why; a board that finds a newer schema
# stops; and, as root only, a setgid copy of parboard run by an
# unprivileged account ignores -c, -d and the environment.
. "$SRCDIR/tests/lib.sh"

mode() { stat -c %a "$1"; }

# --- modes ---------------------------------------------------------------
mkdir -m 2770 "$TMPD/shared"
(umask 022; "$PARBOARD" -d "$TMPD/shared/p.db" import --past-due "$SEED" >/dev/null 2>&1)
expect_eq "created in a setgid directory: 0660 despite umask 022" 660 "$(mode "$TMPD/shared/p.db")"
for f in "$TMPD"/shared/p.db-wal "$TMPD"/shared/p.db-shm; do
	[ -e "$f" ] && expect_eq "$(basename "$f"): the database's mode" 660 "$(mode "$f")"
done
mkdir -m 0775 "$TMPD/gw"
(umask 022; "$PARBOARD" -d "$TMPD/gw/p.db" import --past-due "$SEED" >/dev/null 2>&1)
expect_eq "created in a group-writable directory: 0660" 660 "$(mode "$TMPD/gw/p.db")"
mkdir -m 0755 "$TMPD/own"
(umask 022; "$PARBOARD" -d "$TMPD/own/p.db" import --past-due "$SEED" >/dev/null 2>&1)
expect_eq "a private directory: as the umask says" 644 "$(mode "$TMPD/own/p.db")"

# --- a newer schema under an open board ----------------------------------
pb import "$SEED" >/dev/null 2>&1
known=$(sqlite3 "$DB" "PRAGMA user_version")
{ for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do echo "wait 200"; done; echo q; } > "$TMPD/up.keys"
(sleep 1; sqlite3 "$DB" "PRAGMA user_version = 99") &
PARBOARD_KEYS="$TMPD/up.keys" PARBOARD_DUMP=/dev/null TERM=xterm COLUMNS=80 LINES=24 \
    "${PARBOARD_TEST:?}" -d "$DB" --today 2023-09-13 2>"$TMPD/up.err" </dev/null >/dev/null; rc=$?
wait
expect_eq "newer schema: the board stops (exit 1)" 1 "$rc"
expect_match "newer schema: says to restart" "parboard was upgraded; restart it" "$(cat "$TMPD/up.err")"
sqlite3 "$DB" "PRAGMA user_version = $known" 2>/dev/null
pb list >/dev/null 2>&1; expect_eq "the same schema again: fine" 0 "$?"

# --- as root: another account, a group, a setgid copy -----------------------
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null 2>&1; then
	[ "$failures" -ne 0 ] && finish
	skip "privilege tests need root and setpriv"
fi
# A setgid copy must be the program itself: under valgrind (.ci/run's
# tests/long/valgrind.sh) PARBOARD is a wrapper script, which cannot be
# setgid; the privilege checks ran in make check already.
if wrapped; then
	[ "$failures" -ne 0 ] && finish
	skip "privilege tests need the program itself, not a wrapper"
fi
G=4242		# a group the test account is not in (numeric: none created)
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
chmod 0755 "$TMPD"
mkdir -m 0777 "$TMPD/pub"
# The other account may not enter the build tree: it runs copies.
readable_copy "$TMPD/run"

# A read-only board says why.
mkdir -m 2775 "$TMPD/ro"
cp "$DB" "$TMPD/ro/p.db"
chgrp -R "$G" "$TMPD/ro"; chmod 0664 "$TMPD/ro/p.db"
printf 's\ndump\nq\n' > "$TMPD/pub/ro.keys"
as_nobody env HOME="$TMPD/pub" PARBOARD_KEYS="$TMPD/pub/ro.keys" PARBOARD_DUMP="$TMPD/pub/ro.out" \
    TERM=xterm COLUMNS=100 LINES=24 "$TMPD/run/parboard-test" -d "$TMPD/ro/p.db" --today 2023-09-13 \
    </dev/null >/dev/null 2>"$TMPD/pub/ro.err"
expect_match "read-only board: says why" "read-only: cannot write \(you are not in group $G\)" "$(cat "$TMPD/pub/ro.out" 2>/dev/null)"

# The setgid copy.
mkdir -m 0755 "$TMPD/bin"
cp "$PARBOARD" "$TMPD/bin/parboard"
chgrp "$G" "$TMPD/bin/parboard"; chmod 2755 "$TMPD/bin/parboard"
printf 'this is = not ( a config\n' > "$TMPD/pub/bad.conf"
printf 'database = "%s/pub/mine.db";\n' "$TMPD" > "$TMPD/pub/mine.conf"
sg() { as_nobody env HOME="$TMPD/pub" "$@" "$TMPD/bin/parboard" list 2>&1; }
plain=$(as_nobody env HOME="$TMPD/pub" "$TMPD/run/parboard" -c "$TMPD/pub/bad.conf" list 2>&1)
expect_match "unprivileged: -c is read" "bad.conf:1" "$plain"
out=$(as_nobody env HOME="$TMPD/pub" "$TMPD/bin/parboard" -c "$TMPD/pub/bad.conf" -d "$TMPD/pub/x.db" list 2>&1)
expect_match "setgid: -c and -d ignored, and said" "-c and -d are ignored" "$out"
expect_no() { if printf '%s\n' "$3" | grep -Eq -- "$2"; then fail "$1"; printf '  %s\n' "$3"; else pass "$1"; fi; }
expect_no "setgid: the -c file is not read" "bad.conf" "$out"
expect_no "setgid: the -d file is not opened" "x\.db" "$out"
out=$(sg PARBOARD_CONFIG="$TMPD/pub/bad.conf")
expect_no "setgid: \$PARBOARD_CONFIG ignored" "bad.conf" "$out"
mkdir -p "$TMPD/pub/.config/parboard"; cp "$TMPD/pub/mine.conf" "$TMPD/pub/.config/parboard/parboard.conf"
out=$(sg XDG_CONFIG_HOME="$TMPD/pub/.config")
expect_no "setgid: XDG configuration ignored" "mine\.db" "$out"
out=$(sg)
expect_no "setgid: ~/.config ignored" "mine\.db" "$out"
# The environment is cleaned: the headless hooks are gone, so the board
# wants a terminal.
out=$(as_nobody env HOME="$TMPD/pub" PARBOARD_KEYS="$TMPD/pub/ro.keys" PARBOARD_DUMP="$TMPD/pub/sg.out" \
    TERM=xterm "$TMPD/bin/parboard" </dev/null 2>&1)
expect_match "setgid: PARBOARD_KEYS is dropped from the environment" "not a terminal" "$out"
check "setgid: PARBOARD_DUMP is dropped (nothing written)" test ! -e "$TMPD/pub/sg.out"

finish
