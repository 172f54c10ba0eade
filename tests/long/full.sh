#!/bin/bash
# SPDX-License-Identifier: ISC
# tests/long/full.sh: a full disk.  The database lives on a 2 MB tmpfs
# (as root where mounting is allowed), else the commands run under
# `ulimit -f` (a file size limit, in KB: writes past it fail with EFBIG, the
# signal ignored).  An import that runs out of space part way, and a `set`
# on a disk filled to the last byte, each give a message and exit 1; what
# was written before is all there, the database passes integrity_check,
# and once there is room again a change goes in.  FULL_DISK=ulimit forces
# the second way.
. "$(dirname "$0")/common.sh"
MNT=$TMPD/disk
mkdir -p "$MNT"
mode=
tmpfs=
if [ "${FULL_DISK:-tmpfs}" = tmpfs ] && [ "$(id -u)" -eq 0 ] &&
    mount -t tmpfs -o size=2m,mode=0755 parboard-full "$MNT" 2>/dev/null; then
	mode="tmpfs of 2 MB"
	tmpfs=yes
	trap 'umount "$MNT" 2>/dev/null; rm -rf "$TMPD"' EXIT
fi
DB=$MNT/board.db
q() { sqlite3 -cmd '.timeout 5000' "$DB" "$@"; }

"$PARBOARD" -d "$DB" import --past-due "$SEED" "$DIRECTIVES" >/dev/null 2>&1 ||
	fail "the sample imports"
"$PARBOARD" -d "$DB" set 1.7/CA doing --note "before the disk filled" \
    >/dev/null 2>&1 || fail "a change before the disk filled"
"$PARBOARD" -d "$DB" list --format tsv > "$TMPD/before" 2>&1
hist=$(q 'SELECT count(*) FROM history')
size=$(stat -c %s "$DB")

# A directives table of 6000 rows: about 5 MB once imported.
{
	printf 'role\tcriterion\ttask\tdue\ttarget\tevery\n'
	for i in $(seq 1 6000); do
		printf 'CHUNG\t\tFull disk directive %d: %0150d\t\t\t\n' "$i" 0
	done
} > "$TMPD/big.tsv"

# run NAME COMMAND...: the command in the full-disk setting; stderr kept.
run() {
	local name=$1; shift
	if [ -n "$tmpfs" ]; then
		"$@" >/dev/null 2>"$TMPD/$name.err"
	else
		( trap '' XFSZ; ulimit -f $(( (size + 512 * 1024) / 1024 ))
		  exec "$@" ) >/dev/null 2>"$TMPD/$name.err"
	fi
}
[ -n "$mode" ] || mode="ulimit -f of the database's size + 512 KB"

# 1. The import runs out of space part way.
run import "$PARBOARD" -d "$DB" import --past-due "$TMPD/big.tsv"
expect_eq "an import that runs out of space exits 1" 1 "$?"
expect_eq "with one message" 1 "$(grep -c . "$TMPD/import.err")"
echo "  import: $(cat "$TMPD/import.err")"
# SQLite says "database or disk is full", or "disk I/O error" when the
# WAL cannot grow; either names the disk.
sed 's|.*board\.db||' "$TMPD/import.err" | grep -Eqi 'full|space|disk' ||
	fail "the message says the disk is full"

# 2. The disk full to the last byte (tmpfs), or no room at all (ulimit).
if [ -n "$tmpfs" ]; then
	dd if=/dev/zero of="$MNT/filler" bs=4k >/dev/null 2>&1
	run set "$PARBOARD" -d "$DB" set 1.7/CA done --note "on a full disk" \
	    --explain "giải trình"
else
	size=$(stat -c %s "$DB")
	( trap '' XFSZ; ulimit -f $(( size / 1024 ))
	  exec "$PARBOARD" -d "$DB" set 1.7/CA done --note "on a full disk" \
	    --explain "giải trình" ) \
	    >/dev/null 2>"$TMPD/set.err"
fi
rc=$?
# On a full disk the change may also fit in pages already there; either
# it is acknowledged (exit 0) and kept, or refused with a message.
if [ "$rc" -eq 0 ]; then
	pass "a set on a full disk fitted in the pages already there"
	expect_eq "and is kept" 1 "$(q "SELECT count(*) FROM history WHERE new = 'on a full disk'")"
	hist=$((hist + 2))
else
	expect_eq "a set on a full disk exits 1" 1 "$rc"
	expect_eq "with one message" 1 "$(grep -c . "$TMPD/set.err")"
	# The disk refused it, not the proof rule (--explain above).
	sed 's|.*board\.db||' "$TMPD/set.err" | grep -Eqi 'full|space|disk' ||
		fail "the set's message says the disk is full"
	echo "  set: $(cat "$TMPD/set.err")"
fi
rm -f "$MNT/filler"

ok=$(q 'PRAGMA integrity_check' 2>&1)
expect_eq "the database passes integrity_check" ok "$ok"
expect_eq "no row of the failed import is left" 0 \
    "$(q "SELECT count(*) FROM task WHERE title LIKE 'Full disk directive%'")"
expect_eq "the history before the disk filled is all there" "$hist" \
    "$(q 'SELECT count(*) FROM history')"
expect_eq "the change made before is there" 1 \
    "$(q "SELECT count(*) FROM history WHERE new = 'before the disk filled'")"
if [ "$rc" -ne 0 ]; then
	"$PARBOARD" -d "$DB" list --format tsv > "$TMPD/after" 2>&1
	check_same=$(cmp -s "$TMPD/before" "$TMPD/after" && echo same)
	expect_eq "list shows the same tasks as before" same "$check_same"
fi
"$PARBOARD" -d "$DB" set 1.7/CA todo --note "room again" >/dev/null 2>"$TMPD/again.err"
expect_eq "with room again, a change goes in" 0 "$?"
cat "$TMPD/again.err"
echo "full disk test ($mode): done"
finish
