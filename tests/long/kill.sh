#!/bin/bash
# SPDX-License-Identifier: ISC
# tests/long/kill.sh [ROUNDS]: a writer (`parboard set` with a note, and
# `parboard import` of a growing directives table) is killed with SIGKILL
# at a random point, ROUNDS times (50).  After each kill the database
# passes PRAGMA integrity_check and holds every change the writer saw
# acknowledged (a command that exited 0 before the kill).
. "$(dirname "$0")/common.sh"
rounds=${1:-50}
DB=$TMPD/kill.db
ACK=$TMPD/ack
DIRS=$TMPD/directives.tsv
RANDOM=1

"$PARBOARD" -d "$DB" import --past-due "$SEED" >/dev/null 2>&1 || fail "the sample imports"
"$PARBOARD" -d "$DB" list --format tsv |
    awk -F'\t' 'NR > 1 { print $1 }' > "$TMPD/ids"
printf 'role\tcriterion\ttask\tdue\ttarget\tevery\n' > "$DIRS"
: > "$ACK"

# The writer: round R, change I; an acknowledged change is logged only
# after its command exited 0.  Every fourth change is an import of the
# directives table with one more row, the others a status and a note.
writer() {
	local r=$1 i=0 id st ids
	mapfile -t ids < "$TMPD/ids"
	while :; do
		i=$((i + 1))
		if [ $((i % 4)) -eq 0 ]; then
			printf 'CHUNG\t\tKill test directive r%s i%s\t\t\t\n' \
			    "$r" "$i" >> "$DIRS"
			"$PARBOARD" -d "$DB" import --past-due "$DIRS" >/dev/null 2>&1 &&
				printf 'task\tKill test directive r%s i%s\n' \
				    "$r" "$i" >> "$ACK"
		else
			id=${ids[$(( (r + i) % ${#ids[@]} ))]}
			case $((i % 3)) in 0) st=todo ;; 1) st=doing ;; *) st=done ;; esac
			ex=(); [ "$st" = done ] && ex=(--explain "giải trình")
			"$PARBOARD" -d "$DB" set "$id" "$st" "${ex[@]}" \
			    --note "kill r$r i$i" >/dev/null 2>&1 &&
				printf 'note\tkill r%s i%s\n' "$r" "$i" >> "$ACK"
		fi
	done
}

bad_integrity=0
inflight=0
set -m		# each writer in its own process group, killed whole
start=$(now_ms)
for r in $(seq 1 "$rounds"); do
	bash -c "$(declare -f writer); PARBOARD='$PARBOARD' DB='$DB' \
	    DIRS='$DIRS' ACK='$ACK' TMPD='$TMPD'; writer $r" &
	pid=$!
	# 50 to 1500 ms: a few commands, then a kill anywhere in one.
	ms=$((RANDOM % 1450 + 50))
	sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
	pgrep -g "$pid" -x parboard >/dev/null && inflight=$((inflight + 1))
	kill -KILL -- -"$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	# The killed command may outlive its shell by a moment.
	while pgrep -g "$pid" >/dev/null; do sleep 0.01; done
	ok=$(sqlite3 -cmd '.timeout 5000' "$DB" 'PRAGMA integrity_check' 2>&1)
	[ "$ok" = ok ] || { bad_integrity=$((bad_integrity + 1)); echo "round $r: $ok"; }
done
secs=$(( ($(now_ms) - start) / 1000 ))

acked=$(wc -l < "$ACK")
missing=0
while IFS="$(printf '\t')" read -r kind text; do
	case $kind in
	note) n=$(sqlite3 -cmd '.timeout 5000' "$DB" "SELECT count(*) FROM history WHERE kind = 'note' AND new = '$text'") ;;
	task) n=$(sqlite3 -cmd '.timeout 5000' "$DB" "SELECT count(*) FROM task WHERE title = '$text'") ;;
	esac
	[ "$n" -ge 1 ] || { missing=$((missing + 1)); echo "missing: $kind $text"; }
done < "$ACK"
fk=$(sqlite3 -cmd '.timeout 5000' "$DB" 'PRAGMA foreign_key_check' | wc -l)
expect_eq "integrity_check ok after each of $rounds kills" 0 "$bad_integrity"
expect_eq "no foreign key broken" 0 "$fk"
expect_eq "all $acked acknowledged changes present" 0 "$missing"
"$PARBOARD" -d "$DB" list >/dev/null 2>&1 || fail "the database still opens"
echo "kill test: $rounds SIGKILLs ($inflight during a parboard command) in ${secs}s, $acked acknowledged changes, $missing missing, integrity_check failures: $bad_integrity"
finish
