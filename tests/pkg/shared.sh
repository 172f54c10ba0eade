#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/pkg/shared.sh: the Debian package on a shared server, end to end.
# Run by .ci/run as root on a throw-away CI machine, never by make check:
# it installs a package, adds accounts and a group, and purges them.
#
# Builds the package from `make dist` (DEB_BUILD_OPTIONS=nocheck), runs
# lintian (no error, no warning, every override explained), installs it,
# creates two unprivileged accounts of different roles, and has each one
# change its own tasks, be refused on the other's, and see the other's
# changes on its board (its own tmux server); a third, pbtmai, has no
# role.  Then the log is empty, the database file alone holds every
# change and the day's backup was written.  pbtlan (VP-TK) is not in
# group parboard: the setgid program alone carries the group.  pbthung
# (CA) is, like an account of a setup without setgid; being in the group
# is not needed, and it lets the account write the database with sqlite3
# behind parboard's back (parboard(1) SECURITY).
set -u
SRC=$(cd "$(dirname "$0")/../.." && pwd)
[ "$(id -u)" -eq 0 ] || { echo "SKIP: tests/pkg/shared.sh needs root"; exit 77; }
for t in dpkg-buildpackage lintian fakeroot tmux runuser useradd sqlite3; do
	command -v "$t" >/dev/null 2>&1 ||
		{ echo "FAIL - $t missing (bash .ci/bootstrap check)"; exit 1; }
done

W=$(mktemp -d /tmp/parboard-pkg.XXXXXX)
chmod 0755 "$W"
A=pbtlan B=pbthung C=pbtmai
failures=0
pass() { printf 'ok - %s\n' "$*"; }
fail() { printf 'FAIL - %s\n' "$*"; failures=$((failures + 1)); }
expect_eq() { if [ "$2" = "$3" ]; then pass "$1"; else fail "$1"; printf '  expected: %s\n  actual:   %s\n' "$2" "$3"; fi; }
expect_in() { if printf '%s\n' "$3" | grep -Eq -- "$2"; then pass "$1"; else fail "$1"; printf '%s\n' "$3" | sed 's/^/  | /' | head -30; fi; }

cleanup() {
	for u in $A $B; do
		runuser -u "$u" -- tmux -L "pb$u" kill-server 2>/dev/null
	done
	dpkg --purge parboard >/dev/null 2>&1
	for u in $A $B $C; do
		userdel -r "$u" 2>/dev/null
	done
	groupdel parboard 2>/dev/null
	rm -rf "$W"
}
trap cleanup EXIT
cleanup_first() { for u in $A $B $C; do userdel -r "$u" 2>/dev/null; done; }
cleanup_first

# --- build ------------------------------------------------------------------
t0=$(date +%s)
if [ ! -f "$SRC/Makefile" ]; then (cd "$SRC" && ./configure -q) || exit 1; fi
(cd "$SRC" && make -s dist >"$W/dist.log" 2>&1) || { cat "$W/dist.log"; exit 1; }
tarball=$(ls -t "$SRC"/parboard-*.tar.gz | head -n1)
tar xzf "$tarball" -C "$W"
mv "$tarball" "$W/"
cd "$W"/parboard-*/ || exit 1
if DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -us -uc -b >"$W/build.log" 2>&1; then
	pass "dpkg-buildpackage -us -uc -b"
else
	tail -40 "$W/build.log"; fail "dpkg-buildpackage"; exit 1
fi
deb=$(ls "$W"/parboard_*.deb)
t1=$(date +%s)

# --- lintian -----------------------------------------------------------------
lintian "$W"/parboard_*.changes >"$W/lintian.log" 2>&1
expect_eq "lintian: no error, no warning" "" "$(grep -E '^(E|W):' "$W/lintian.log")"
# Every override has a comment right before it (or before the override
# group it belongs to).
unexplained=$(awk '/^#/ { c = 1; next } /^$/ { c = 0; next } !c { print }' debian/parboard.lintian-overrides)
expect_eq "lintian: every override explained" "" "$unexplained"
expect_eq "the configuration is a conffile" "/etc/parboard.conf" \
	"$(dpkg-deb --ctrl-tarfile "$deb" | tar xO ./conffiles 2>/dev/null)"
t2=$(date +%s)

# --- install -------------------------------------------------------------------
if dpkg -i "$deb" >"$W/dpkg.log" 2>&1; then pass "dpkg -i"; else cat "$W/dpkg.log"; fail "dpkg -i"; exit 1; fi
expect_eq "parboard is setgid parboard" "2755 root parboard" "$(stat -c '%a %U %G' /usr/bin/parboard)"
expect_eq "/var/lib/parboard is 2770 root:parboard" "2770 root parboard" "$(stat -c '%a %U %G' /var/lib/parboard)"
expect_eq "/var/lib/parboard/backup is 2770 root:parboard" "2770 root parboard" \
	"$(stat -c '%a %U %G' /var/lib/parboard/backup)"
expect_in "the shipped configuration names the shared database" \
	'^database = "/var/lib/parboard/parboard.db";' "$(cat /etc/parboard.conf)"
for m in man1/parboard.1 man5/parboard.conf.5 vi/man1/parboard.1 vi/man5/parboard.conf.5; do
	[ -f "/usr/share/man/$m.gz" ] && pass "man page $m" || fail "man page $m"
done

useradd -m -s /bin/sh "$A" && useradd -m -s /bin/sh -G parboard "$B" &&
    useradd -m -s /bin/sh "$C" ||
	{ fail "useradd"; exit 1; }
cat >> /etc/parboard.conf <<CONF
users = { $A = ["VP-TK"]; $B = ["CA"]; };
admins = ["root"];
CONF

# as USER ARGS...: parboard as that account, a clean login-like environment.
as() {
	_u=$1; shift
	runuser -u "$_u" -- env -i PATH=/usr/bin:/bin HOME="/home/$_u" \
	    LANG=C.UTF-8 LANGUAGE=en TERM=xterm TZ=UTC "$@"
}
cp "$SRC/share/samples/hien-thanh-103-2023.txt" "$W/seed.txt"
chmod 0644 "$W/seed.txt"
as "$A" parboard import --past-due "$W/seed.txt" >/dev/null 2>&1
expect_eq "import by a non-admin refused (exit 1)" 1 "$?"
# A first import that fails leaves no database behind.
printf 'not an appendix\n' >"$W/bad.txt"; chmod 0644 "$W/bad.txt"
parboard import --past-due "$W/bad.txt" >/dev/null 2>&1
expect_eq "a failed first import (exit 1)" 1 "$?"
expect_eq "... leaves no database" "" "$(ls -A /var/lib/parboard | grep -v '^backup$')"
parboard import --past-due "$W/seed.txt" >/dev/null 2>&1
expect_eq "import by the admin (root)" 0 "$?"
expect_eq "a first import makes no backup (nothing to copy)" "" "$(ls -A /var/lib/parboard/backup)"
expect_eq "the database is 0660 root:parboard" "660 parboard" "$(stat -c '%a %G' /var/lib/parboard/parboard.db)"
# Word files are read by the installed helper, with the user's rights.
cp "$SRC/share/samples/hien-thanh-103-2023.docx" "$W/seed.docx"
chmod 0644 "$W/seed.docx"
expect_in "the installed reader of Word files runs" "read table 2" \
	"$(as "$A" parboard import --past-due --dry-run "$W/seed.docx" 2>&1)"
cp "$W/seed.docx" "$W/group-only.docx"; chgrp parboard "$W/group-only.docx"; chmod 0640 "$W/group-only.docx"
expect_in "the reader opens a file without the group" "Permission denied" \
	"$(as "$A" parboard import --past-due --dry-run "$W/group-only.docx" 2>&1)"

# A file only the group may read is opened after the group is given up.
cp "$W/seed.txt" "$W/group-only.txt"; chgrp parboard "$W/group-only.txt"; chmod 0640 "$W/group-only.txt"
expect_in "a path the user names is opened without the group" "Permission denied" \
	"$(as "$A" parboard import --past-due --dry-run "$W/group-only.txt" 2>&1)"
expect_in "-d is ignored by the setgid program" "-c and -d are ignored" \
	"$(as "$A" parboard -d "$W/mine.db" list 2>&1 >/dev/null)"
as "$A" cat /var/lib/parboard/parboard.db >/dev/null 2>&1
expect_eq "outside parboard, $A cannot read the database" 1 "$?"

# --- two boards ------------------------------------------------------------------
board() {	# board USER: a tmux server of its own with the board
	as "$1" tmux -L "pb$1" -f /dev/null new-session -d -x 120 -y 30 parboard
}
screen() { runuser -u "$1" -- tmux -L "pb$1" capture-pane -p; }
keys() { _u=$1; shift; runuser -u "$_u" -- tmux -L "pb$_u" send-keys "$@"; }
board "$A"; board "$B"
sleep 2
expect_in "$A's board is up" "Done 0/31" "$(screen "$A")"
expect_in "$B's board is up" "Done 0/31" "$(screen "$B")"

# Each changes its own tasks, from the command line and from the board.
as "$B" parboard set 1.7/CA done --explain "giải trình" >/dev/null 2>&1
expect_eq "$B (CA) sets a CA task" 0 "$?"
as "$A" parboard set 1.7/CA doing >/dev/null 2>"$W/err"
expect_eq "$A (VP-TK) is refused on a CA task (exit 1)" 1 "$?"
expect_in "... with a message" "$A may not change the status of a CA task" "$(cat "$W/err")"
as "$B" parboard set 3.5.2/VP-TK done --explain "giải trình" >/dev/null 2>&1
expect_eq "$B is refused on a VP-TK task (exit 1)" 1 "$?"
# On the boards: the first card is VP-TK's 3.5.2.
keys "$A" s; sleep 1; keys "$A" s; sleep 1
# done without the proof asks for a giải trình (issue 18): one, and Enter
keys "$A" "no document yet" Enter; sleep 1
keys "$B" s; sleep 1
expect_in "$B's board refuses the VP-TK card" "$B may not change the status of a VP-TK task" "$(screen "$B")"
sleep 1
expect_in "$A's board sees both changes" "Done 2/31" "$(screen "$A")"
expect_in "$B's board sees both changes" "Done 2/31" "$(screen "$B")"
expect_eq "the database agrees" "done done" \
	"$(parboard list --format tsv | awk -F'\t' '$8 == "appendix" && (($2 == "1.7" && $3 == "CA") || ($2 == "3.5.2" && $3 == "VP-TK")) { printf "%s%s", s, $5; s = " " }')"
expect_eq "the history names each account" "$B $A" \
	"$(sqlite3 /var/lib/parboard/parboard.db "SELECT DISTINCT user FROM history WHERE kind = 'status'" | sort | tr '\n' ' ' | sed 's/ $//')"

# --- dates nobody can forge -------------------------------------------------------
as "$B" parboard --today 2023-10-20 set 1.7/CA doing >/dev/null 2>"$W/err"
expect_eq "--today with a write is refused by the shared install (exit 2)" 2 "$?"
expect_in "... saying why" "--today" "$(cat "$W/err")"
as "$C" parboard --today 2030-01-01 minutes --record >/dev/null 2>&1
expect_eq "... a meeting in the future too" 2 "$?"
expect_eq "... and nothing was written" "0 done" \
	"$(sqlite3 /var/lib/parboard/parboard.db "SELECT (SELECT count(*) FROM meeting), (SELECT status FROM task WHERE code = '1.7' AND role = 'CA' AND origin = 'appendix')" | tr '|' ' ')"
expect_in "--today with a reading command still reads" "1.7" \
	"$(as "$C" parboard --today 2023-10-20 list 2>&1)"

# --- the log, the database file alone, the day's backup -------------------------
for u in $A $B; do	# out of any prompt or view, then quit
	keys "$u" Escape; sleep 0.3; keys "$u" q; sleep 0.5
	keys "$u" q 2>/dev/null; sleep 0.5
	pgrep -u "$u" -x parboard >/dev/null && screen "$u"
done
as "$C" parboard list >/dev/null 2>&1
expect_eq "$C (no role) reads" 0 "$?"
as "$C" parboard set 1.7/CA todo >/dev/null 2>&1
expect_eq "$C (no role) may not change a status (exit 1)" 1 "$?"
as "$C" parboard minutes --record >/dev/null 2>&1
expect_eq "$C (no role) records the meeting" 0 "$?"
expect_eq "no board or command is left running" "" "$(pgrep -u "$A,$B,$C" -x parboard)"
expect_eq "after runs by three accounts the log is empty" 0 \
	"$(stat -c %s /var/lib/parboard/parboard.db-wal)"
cp /var/lib/parboard/parboard.db "$W/alone.db"
expect_eq "the database file alone holds every change" "done done" \
	"$(sqlite3 "$W/alone.db" "SELECT status FROM task WHERE origin = 'appendix' AND ((code = '1.7' AND role = 'CA') OR (code = '3.5.2' AND role = 'VP-TK'))" 2>&1 | tr '\n' ' ' | sed 's/ $//')"
expect_eq "... its history and $C's meeting" "3 1" \
	"$(sqlite3 "$W/alone.db" "SELECT (SELECT count(*) FROM history WHERE kind = 'status'), (SELECT count(*) FROM meeting)" 2>&1 | tr '|' ' ')"
bk=/var/lib/parboard/backup/parboard-$(date +%F).db
expect_eq "the day's backup was written" "ok" "$(sqlite3 "$bk" 'PRAGMA integrity_check' 2>&1)"
expect_eq "... as the database was before the day's first change" 0 \
	"$(sqlite3 "$bk" "SELECT count(*) FROM history WHERE kind = 'status'" 2>&1)"
t3=$(date +%s)

# --- purge ---------------------------------------------------------------------
for u in $A $B; do runuser -u "$u" -- tmux -L "pb$u" kill-server 2>/dev/null; done
dpkg --purge parboard >/dev/null 2>&1
expect_eq "purge" "" "$(dpkg-query -W -f='${Status}' parboard 2>/dev/null | grep -v not-installed)"
[ ! -e /var/lib/parboard ] && [ ! -e /etc/parboard.conf ] && pass "purge removes /var/lib/parboard and the configuration" ||
	fail "purge removes /var/lib/parboard and the configuration"

printf 'times: package build %ss, lintian %ss, install and scenario %ss\n' \
	$((t1 - t0)) $((t2 - t1)) $((t3 - t2))
[ "$failures" -eq 0 ] || { printf '%d check(s) failed\n' "$failures"; exit 1; }
exit 0
