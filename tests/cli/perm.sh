# SPDX-License-Identifier: ISC
# Who may change what (parboard.conf(5): users, admins, shared_accounts,
# people) in every command, and the names behind a shared login.  The
# account is the one running the test: the configurations below give it
# one role or another, admin rights, or make it a shared login.
. "$SRCDIR/tests/lib.sh"

me=$(id -un)
conf() { printf '%s\n' "$2" > "$TMPD/$1.conf"; }
# run CONF ARGS...: parboard on the test database under configuration CONF.
run() { _c=$1; shift; pb -c "$TMPD/$_c.conf" "$@"; }
status_of() { pb list --format tsv | awk -F'\t' -v c="$1" -v r="$2" '$2 == c && $3 == r && $8 == "appendix" { print $5 }'; }
last_user() { sqlite3 "$DB" "SELECT user FROM history ORDER BY id DESC LIMIT 1"; }

conf ca "users = { $me = [\"CA\"]; };"
conf vptk "users = { $me = [\"VP-TK\"]; };"
conf admin "users = { lan = [\"CA\"]; }; admins = [\"$me\"];"
conf nobody "users = { lan = [\"CA\"]; };"
conf shared "users = { lan = [\"CA\"]; }; admins = [\"$me\"];
shared_accounts = [\"$me\"];
people = ( { name = \"Lan\"; roles = [\"VP-TK\"]; },
           { name = \"Hùng\"; roles = [\"CA\"]; } );"

# import: admins only (a dry run writes nothing: anyone).
run ca import --past-due "$SEED" >/dev/null 2>"$TMPD/err"; rc=$?
expect_eq "import by a non-admin: exit 1" 1 "$rc"
expect_match "import by a non-admin: says who may" "$me may not import: only the admins may" "$(cat "$TMPD/err")"
check "import by a non-admin: no database left" test ! -e "$DB"
run admin import --past-due "$SEED" >/dev/null 2>&1; expect_eq "import by an admin" 0 "$?"
run ca import --past-due --dry-run "$SEED" >/dev/null 2>&1; expect_eq "a dry run by anyone" 0 "$?"

# set: the task's role, a supporting role, an admin.
run ca set 1.7/CA doing >/dev/null 2>&1; expect_eq "set on one's own role's task" 0 "$?"
expect_eq "own task changed" doing "$(status_of 1.7 CA)"
run vptk set 1.7/CA done --explain "giải trình" >/dev/null 2>"$TMPD/err"; rc=$?
expect_eq "set on another role's task: exit 1" 1 "$rc"
expect_match "set on another role's task: says why" "may not change the status of a CA task" "$(cat "$TMPD/err")"
expect_eq "other's task untouched" doing "$(status_of 1.7 CA)"
run nobody set 1.7/CA done --explain "giải trình" >/dev/null 2>&1; expect_eq "an account without roles: exit 1" 1 "$?"
run admin set 1.7/CA done --explain "giải trình" >/dev/null 2>&1; expect_eq "an admin sets any task" 0 "$?"
sup=$(pb list --format tsv | awk -F'\t' '$4 ~ /VP-TK/ && $3 != "VP-TK" { print $1; exit }')
if [ -n "$sup" ]; then
	run vptk set "$sup" doing >/dev/null 2>&1; expect_eq "a supporting role sets the task" 0 "$?"
fi
# No users setting: everyone everything.
pb set 1.7/CA doing >/dev/null 2>&1; expect_eq "no users configured: anyone sets" 0 "$?"
# Reading is everyone's.
run nobody list >/dev/null 2>&1; expect_eq "list by anyone" 0 "$?"
run nobody report >/dev/null 2>&1; expect_eq "report by anyone" 0 "$?"

# --by: only on a shared login; a change there needs it.
run ca set 1.7/CA done --explain "giải trình" --by Lan >/dev/null 2>"$TMPD/err"; rc=$?
expect_eq "--by on a personal account: exit 2" 2 "$rc"
expect_match "--by on a personal account: says so" "not one \(shared_accounts\)" "$(cat "$TMPD/err")"
run shared set 3.5.2/VP-TK doing >/dev/null 2>"$TMPD/err"; rc=$?
expect_eq "a change on a shared login without --by: exit 2" 2 "$rc"
expect_match "... says to use --by" "shared login: say who you are with --by NAME" "$(cat "$TMPD/err")"
run shared list >/dev/null 2>&1; expect_eq "reading on a shared login needs no name" 0 "$?"
run shared set 3.5.2/VP-TK doing --by Minh >/dev/null 2>&1; expect_eq "--by an unknown person: exit 1" 1 "$?"
run shared set 3.5.2/VP-TK doing --by Lan >/dev/null 2>&1; expect_eq "--by Lan on her role's task" 0 "$?"
expect_eq "the history names both" "$me (Lan)" "$(last_user)"
# A person's roles, never the shared account's admin rights.
run shared set 1.7/CA blocked --by lan >/dev/null 2>"$TMPD/err"; rc=$?
expect_eq "Lan on a CA task: exit 1 (no admin rights on a shared login)" 1 "$rc"
expect_match "... named in the message" "$me \(Lan\) may not change the status" "$(cat "$TMPD/err")"
run shared set 1.7/CA todo --by hung >/dev/null 2>&1; expect_eq "--by folded (hung: Hùng)" 0 "$?"
expect_eq "the history keeps the configured name" "$me (Hùng)" "$(last_user)"
run shared import --past-due "$SEED" >/dev/null 2>&1; expect_eq "import on a shared login without --by: exit 2" 2 "$?"
run shared import --past-due --by Lan "$SEED" >/dev/null 2>&1; expect_eq "import by a person (never admin): exit 1" 1 "$?"

# Settings: unknown roles with their lines.
conf bad "users = { $me = [\"CA\"];
  hung = [\"XX\"]; };"
run bad list >/dev/null 2>"$TMPD/err"; rc=$?
expect_eq "unknown role in users: exit 1" 1 "$rc"
expect_match "... FILE:LINE" "bad.conf:2: users: hung: unknown role \"XX\"" "$(cat "$TMPD/err")"

finish
