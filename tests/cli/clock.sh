# SPDX-License-Identifier: ISC
# Dates nobody can forge (issue 16): a row written with --today keeps the
# clock's time beside its pinned day, and check and the task view show
# it; no meeting is recorded in the future; a writer that holds the lock
# is named in the other writers' message; as root, a setgid copy refuses
# --today with every command that writes.
. "$SRCDIR/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip "sqlite3 missing"

real=$(date +%Y-%m-%d)
q() { sqlite3 "$DB" "$1"; }

# --- the clock beside a pinned day ---------------------------------------
pb import "$SEED" "$DIRECTIVES" >/dev/null 2>&1 || fail "import"
pb set 1.7/CA doing >/dev/null 2>&1 || fail "set with --today"
expect_eq "--today: the status row is dated the pinned day, the clock's day beside it" \
    "2023-09-13|$real" \
    "$(q "SELECT date(at), date(clock) FROM history WHERE kind = 'status' ORDER BY id DESC LIMIT 1")"
"$PARBOARD" -d "$DB" set 1.7/CA todo >/dev/null 2>&1 || fail "set"
expect_eq "without --today: no clock beside the date (it is the clock's)" \
    "$real|" \
    "$(q "SELECT date(at), clock FROM history WHERE kind = 'status' ORDER BY id DESC LIMIT 1")"
pb evidence add 1.7/CA --number 12/BB-CA --date 2023-09-10 >/dev/null 2>&1 ||
    fail "evidence add"
expect_eq "--today: a document registered keeps the clock" "$real" \
    "$(q "SELECT date(clock) FROM document ORDER BY id DESC LIMIT 1")"
target=$(q "SELECT id FROM task WHERE target IS NOT NULL LIMIT 1")
pb tick "$target" >/dev/null 2>&1 || fail "tick"
expect_eq "--today: an occurrence keeps the clock" "$real" \
    "$(q "SELECT date(clock) FROM tick ORDER BY id DESC LIMIT 1")"
pb minutes --record >/dev/null 2>&1 || fail "minutes --record in the past"
expect_eq "--today in the past: the meeting is recorded, with the clock" \
    "2023-09-13|$real" "$(q "SELECT date(at), date(clock) FROM meeting")"
out=$("$PARBOARD" -d "$DB" check 2>&1)
expect_match "check: a history row dated with --today, and when it was written" \
    "warning: history row [0-9]+ is dated 2023-09-13 [0-9:]+ but was written $real [0-9:]+ \(--today\)" "$out"
expect_match "check: the meeting too" \
    "warning: meeting 1 is dated 2023-09-13 [0-9:]+ but was written $real" "$out"
expect_match "check: rows dated with --today are no damage" "no damage found" "$out"
out=$(LANGUAGE=vi "$PARBOARD" -d "$DB" check 2>&1)
expect_match "check (vi): the days as dd/mm/yyyy" \
    "dòng lịch sử [0-9]+ ghi ngày 13/09/2023 [0-9:]+ nhưng được ghi vào lúc [0-9]{2}/[0-9]{2}/[0-9]{4} [0-9:]+ \(--today\)" "$out"

# The task view: the history says when a pinned row was written.
printf 'Enter\ndump\nq\n' > "$TMPD/open.keys"
board() {
	PARBOARD_KEYS="$TMPD/open.keys" PARBOARD_DUMP="$TMPD/$1.out" \
	    TERM=xterm COLUMNS=100 LINES=60 "${PARBOARD_TEST:?}" -d "$2" \
	    </dev/null >/dev/null 2>"$TMPD/$1.err"
}
board pinned "$DB"
expect_match "task view: a row written with --today says when" \
    "^ +\(written [0-9/-]+ [0-9:]{5}, dated with --today\)$" \
    "$(cat "$TMPD/pinned.out" 2>/dev/null)"
"$PARBOARD" -d "$TMPD/plain.db" import --past-due "$SEED" >/dev/null 2>&1
board plain "$TMPD/plain.db"
expect_match "task view: a row without --today: history shown" "created the task" \
    "$(cat "$TMPD/plain.out" 2>/dev/null)"
if grep -q "dated with --today" "$TMPD/plain.out"; then
	fail "task view: a row without --today has no mark"
else
	pass "task view: a row without --today has no mark"
fi

# The demo's own day (13/09/2023) is no forged date: no mark.
PARBOARD_KEYS="$TMPD/open.keys" PARBOARD_DUMP="$TMPD/demo.out" TERM=xterm \
    COLUMNS=100 LINES=60 "$PARBOARD_TEST" --demo </dev/null >/dev/null 2>&1
expect_match "demo: the task view shows the history" "created the task" \
    "$(cat "$TMPD/demo.out" 2>/dev/null)"
expect_eq "demo: its day has no mark" 0 "$(grep -c "dated with --today" "$TMPD/demo.out")"

# --- no meeting in the future --------------------------------------------
before=$(q "SELECT count(*) FROM meeting")
out=$("$PARBOARD" -d "$DB" --today 2099-01-01 minutes --record 2>&1 >"$TMPD/future.out")
expect_eq "a meeting in the future: usage error" 2 "$?"
expect_match "a meeting in the future: says why" \
    "a meeting cannot be recorded in the future \(2099-01-01 is after today" "$out"
expect_eq "a meeting in the future: nothing recorded" "$before" \
    "$(q "SELECT count(*) FROM meeting")"
expect_eq "a meeting in the future: no minutes printed" "" "$(cat "$TMPD/future.out")"
out=$("$PARBOARD" -d "$DB" --today 2099-01-01 minutes 2>&1 >/dev/null)
expect_eq "minutes of a future day, not recorded: allowed" 0 "$?"

# --- nothing printed while the write lock is held --------------------------
# The lock is byte 120 of the -shm file (see below); strace shows every
# write to standard output or error made between taking and releasing it.
if command -v strace >/dev/null 2>&1; then
	for args in "import $SEED $DIRECTIVES" "minutes --record" \
	    "set 1.7/CA todo --note strace"; do
		# shellcheck disable=SC2086
		strace -f -e trace=write,fcntl -o "$TMPD/strace" \
		    "$PARBOARD" -d "$DB" $args >/dev/null 2>&1
		n=$(awk '/l_start=120, l_len=1/ { held = /F_WRLCK/ }
		    held && /^([0-9]+ +)?write\([12],/ { n++ }
		    END { print n + 0 }' "$TMPD/strace")
		expect_eq "${args%% *}: nothing printed while the write lock is held" 0 "$n"
	done
else
	printf 'note: strace missing, output under the lock not checked\n'
fi

# --- a writer that holds the lock is named -------------------------------
# sqlite3 takes the write lock as parboard does (byte 120 of the -shm
# file) and is stopped holding it; the test build waits 0.3 s, not 10.
# hold [PREFIX...]: a writer (run through PREFIX, which must exec it)
# stopped while it holds the lock; its pid in $holder.
hold() {
	rm -f "$TMPD/fifo" "$TMPD/held"
	mkfifo "$TMPD/fifo"
	"$@" sqlite3 "$DB" <"$TMPD/fifo" >"$TMPD/held" 2>&1 &
	holder=$!
	exec 3>"$TMPD/fifo"
	echo "BEGIN IMMEDIATE; DELETE FROM finding; SELECT 'held';" >&3
	i=0
	while [ "$(cat "$TMPD/held")" != held ] && [ $i -lt 100 ]; do
		sleep 0.05; i=$((i + 1))
	done
	kill -STOP "$holder"
}
release() { kill -CONT "$holder"; exec 3>&-; wait "$holder"; }
findings=$(q "SELECT count(*) FROM finding")
hold
out=$(PARBOARD_BUSY_MS=300 "$PARBOARD_TEST" -d "$DB" set 1.7/CA doing 2>&1)
rc=$?
release
expect_eq "a stopped writer: the other writer gives up (exit 1)" 1 "$rc"
expect_match "a stopped writer: named, account and process" \
    "the database is locked by $(id -un) \(process $holder\); try again when it has finished, or see SECURITY in parboard\(1\)" "$out"
expect_eq "the stopped writer's transaction is rolled back when it ends" \
    "$findings" "$(q "SELECT count(*) FROM finding")"
expect_eq "the refused change wrote nothing" todo \
    "$(q "SELECT status FROM task WHERE code = '1.7' AND role = 'CA' AND origin = 'appendix'")"
# The board's status line says the same.
printf 's\ndump\nq\n' > "$TMPD/s.keys"
hold
PARBOARD_BUSY_MS=300 PARBOARD_KEYS="$TMPD/s.keys" \
    PARBOARD_DUMP="$TMPD/busy.out" TERM=xterm COLUMNS=250 LINES=30 \
    "$PARBOARD_TEST" -d "$DB" </dev/null >/dev/null 2>&1
release
expect_match "a stopped writer: named on the board's status line" \
    "Cannot write: .*locked by $(id -un) \(process $holder\)" \
    "$(cat "$TMPD/busy.out" 2>/dev/null)"
out=$(PARBOARD_BUSY_MS=300 "$PARBOARD_TEST" -d "$DB" set 1.7/CA doing 2>&1)
expect_eq "once it has ended, the change goes through" 0 "$?"

# --- as root: another account, and the setgid copy -------------------------
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null 2>&1 ||
    wrapped; then
	[ "$failures" -ne 0 ] && finish
	skip "the other-account cases need root, setpriv and the program itself"
fi
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
chmod 0777 "$TMPD"; chmod 0666 "$DB" "$DB"-wal "$DB"-shm
hold setpriv --reuid=65534 --regid=65534 --clear-groups
out=$(PARBOARD_BUSY_MS=300 "$PARBOARD_TEST" -d "$DB" set 1.7/CA todo 2>&1)
release
expect_match "a stopped writer of another account: that account named" \
    "locked by $(id -un 65534) \(process $holder\)" "$out"

# The setgid copy (shared.sh makes one the same way): --today with a
# command that writes is a usage error before any database is opened.
G=4242
mkdir -m 0755 "$TMPD/bin"
cp "$PARBOARD" "$TMPD/bin/parboard"
chgrp "$G" "$TMPD/bin/parboard"; chmod 2755 "$TMPD/bin/parboard"
sg() { as_nobody env HOME="$TMPD" "$TMPD/bin/parboard" "$@" 2>&1; }
# In the sanitizer build LeakSanitizer cannot run in a setgid process,
# and its fatal error at exit makes every status 1: there only the
# messages are checked (the plain build checks the statuses too).
want2=2
if grep -aq __asan_init "$PARBOARD"; then want2=1; fi
for args in "set 1.7/CA done" "minutes --record" "import $SEED" \
    "evidence add 1.7/CA --number 1/X --date 2023-10-01" \
    "evidence remove 1" "tick 1" "untick 1"; do
	# shellcheck disable=SC2086
	out=$(sg --today 2023-10-20 $args); rc=$?
	expect_eq "setgid --today ${args%% *}: usage error" "$want2|1" \
	    "$rc|$(printf '%s\n' "$out" | grep -c "cannot be used to change the shared database")"
done
for args in "list" "minutes" "import --dry-run $SEED" "check"; do
	# shellcheck disable=SC2086
	out=$(sg --today 2023-10-20 $args)
	expect_eq "setgid --today $args: not refused for --today" 0 \
	    "$(printf '%s\n' "$out" | grep -c "cannot be used to change")"
done
out=$(sg set 1.7/CA done)
expect_eq "setgid without --today: a change is not refused for it" 0 \
    "$(printf '%s\n' "$out" | grep -c "cannot be used to change")"

finish
