# SPDX-License-Identifier: ISC
# People, not only roles (issue 20, point 5): the people of the sample
# configuration (share/parboard.conf.in) with their titles and accounts;
# the import tells the seed's two VP-TK officers apart by their titles;
# `parboard person` sets or clears one by hand, which a re-import keeps;
# list --person; the tasks for all staff (CHUNG) reported by every
# configured account and by no other; bad values with FILE:LINE.
. "$SRCDIR/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || skip "python3 missing"
command -v sqlite3 >/dev/null 2>&1 || skip "sqlite3 missing"

me=$(id -un)
# The sample's people, uncommented; the first officer's login is ours.
people=$(sed -n '/^#people = (/,/^#);/s/^#//p' \
    "$SRCDIR/share/parboard.conf.in" | sed "s/\"vana\"/\"$me\"/")
expect_match "the sample configuration has two VP-TK officers" \
    'phụ trách HĐND và UBND' "$people"
conf() { printf '%s\n' "$2" > "$TMPD/$1.conf"; }
run() { _c=$1; shift; pb -c "$TMPD/$_c.conf" "$@"; }
conf admin "users = { lan = [\"CA\"]; }; admins = [\"$me\"];
$people"
# Our login as a person's account only: VP-TK through the person.
conf officer "users = { lan = [\"CA\"]; }; admins = [\"chutich\"];
$people"
# The same people, none of them us: we are no configured account.
conf stranger "users = { lan = [\"CA\"]; }; admins = [\"chutich\"];
$(printf '%s\n' "$people" | sed "s/\"$me\"/\"someone\"/")"
# person_of CODE ROLE: the person of the task, "null" for none.
person_of() {
	run admin list --format json | python3 -c '
import json, sys
for t in json.load(sys.stdin):
    if t["code"] == sys.argv[1] and t["role"] == sys.argv[2] and t["origin"] == "appendix":
        print(t["person"] if t["person"] is not None else "null")' "$1" "$2"
}

run admin import "$SEED" >/dev/null 2>&1; expect_eq "import" 0 "$?"
expect_eq "1.1.3: the CCHC officer" "Nguyễn Văn A" "$(person_of 1.1.3 VP-TK)"
expect_eq "1.5.3: the CCHC officer" "Nguyễn Văn A" "$(person_of 1.5.3 VP-TK)"
expect_eq "3.5.2: the HĐND and UBND officer" "Trần Thị B" \
    "$(person_of 3.5.2 VP-TK)"
# 1.4.2 names the CCHC officer only as VH-XH's partner: nobody of VH-XH.
expect_eq "1.4.2: nobody of its role named" null "$(person_of 1.4.2 VH-XH)"
expect_eq "1.7: nobody" null "$(person_of 1.7 CA)"
expect_match "list: a person column" 'Trần Thị B' "$(run admin list)"
out=$(run admin list --person "nguyen van a" --format tsv | tail -n +2 |
    cut -f2 | tr '\n' ' ')
expect_eq "list --person: that person's tasks, marks aside" "1.1.3 1.5.3 " \
    "$out"

# By hand: 3.5.2 to the CCHC officer, 1.5.3 to nobody; a re-import keeps
# both and still reads 1.1.3.
run admin person 3.5.2/VP-TK "Nguyễn Văn A" 2>&1; expect_eq "person set" 0 "$?"
run admin person 1.5.3/VP-TK none 2>&1; expect_eq "person cleared" 0 "$?"
expect_eq "a history row" "3.5.2|Trần Thị B|Nguyễn Văn A" "$(sqlite3 "$DB" \
    "SELECT t.code || '|' || h.old || '|' || h.new FROM history h JOIN
    task t ON t.id = h.task_id WHERE h.kind = 'person' ORDER BY h.id
    LIMIT 1")"
# The re-import moves the deadlines (the letter's own deadline is above
# the settings' default: by criterion), so that it rewrites the tasks.
conf admin2 "users = { lan = [\"CA\"]; }; admins = [\"$me\"];
criteria = ( { code = \"3.5.2\"; deadline = \"2023-11-30\"; },
    { code = \"1.5.3\"; deadline = \"2023-11-30\"; },
    { code = \"1.1.3\"; deadline = \"2023-11-30\"; } );
$people"
run admin2 import "$SEED" >/dev/null 2>&1; expect_eq "re-import" 0 "$?"
expect_eq "re-import: the tasks rewritten" 2023-11-30 "$(run admin list \
    --format tsv | awk -F'\t' '$2 == "3.5.2" && $8 == "appendix" { print $6 }')"
expect_eq "re-import: a person set by hand stays" "Nguyễn Văn A" \
    "$(person_of 3.5.2 VP-TK)"
expect_eq "re-import: a person cleared by hand stays cleared" null \
    "$(person_of 1.5.3 VP-TK)"
expect_eq "re-import: 1.1.3 still read" "Nguyễn Văn A" \
    "$(person_of 1.1.3 VP-TK)"
# A task moved by hand to another role (the board's m) loses the person
# the file names for its old role at the next import.
sqlite3 "$DB" "UPDATE task SET role = 'CA', role_source = 'hand'
    WHERE code = '1.1.3' AND origin = 'appendix'"
run admin import "$SEED" >/dev/null 2>&1
expect_eq "re-import: a task moved by hand gets no person of its old role" \
    null "$(person_of 1.1.3 CA)"
sqlite3 "$DB" "UPDATE task SET role = 'VP-TK', role_source = NULL
    WHERE code = '1.1.3' AND origin = 'appendix'"
run admin import "$SEED" >/dev/null 2>&1
expect_eq "... and its person again once back" "Nguyễn Văn A" \
    "$(person_of 1.1.3 VP-TK)"
run admin person 1.7/CA "Trần Thị B" >/dev/null 2>"$TMPD/err"
expect_eq "a person of another role: exit 1" 1 "$?"
expect_match "a person of another role: says so" \
    '"Trần Thị B" is not one of the people of role CA' "$(cat "$TMPD/err")"
expect_eq "a person of another role: nothing written" null \
    "$(person_of 1.7 CA)"
run admin person 1.7/CA >/dev/null 2>&1; expect_eq "person without NAME: exit 2" 2 "$?"
# A VP-TK officer names people on VP-TK's tasks, not on CA's.
run officer person 1.1.3/VP-TK "Trần Thị B" 2>&1
expect_eq "an officer names a person of their role" 0 "$?"
run officer person 1.7/CA none >/dev/null 2>"$TMPD/err"
expect_eq "an officer on another role's task: exit 1" 1 "$?"
expect_match "... says who may" "may not name who answers for a CA task" \
    "$(cat "$TMPD/err")"

# CHUNG: every configured account reports; an account named nowhere not.
run officer set 1.5.1/CHUNG doing 2>&1
expect_eq "CHUNG task set by a configured non-admin account" 0 "$?"
run officer evidence add 1.5.4/CHUNG --number 12/BC-UBND \
    --date 2023-09-12 >/dev/null 2>&1
expect_eq "CHUNG task: evidence by a configured non-admin account" 0 "$?"
run stranger evidence add 1.5.1/CHUNG --number 13/BC-UBND \
    --date 2023-09-12 >/dev/null 2>&1
expect_eq "CHUNG task: evidence by an account named nowhere: exit 1" 1 "$?"
run stranger set 1.5.4/CHUNG doing >/dev/null 2>"$TMPD/err"
expect_eq "CHUNG task by an account the configuration does not name: exit 1" \
    1 "$?"
expect_match "... says why" "may not change the status of a CHUNG task" \
    "$(cat "$TMPD/err")"
status=$(run admin list --format tsv | awk -F'\t' '$2 == "1.5.4" && $3 == "CHUNG" { print $5 }')
expect_eq "... and the task is untouched" todo "$status"
run officer set 1.7/CA doing >/dev/null 2>&1
expect_eq "a CA task stays CA's" 1 "$?"

# The role accountable for the tasks for all staff: in list and json.
conf watch "common = { accountable = \"vp-tk\"; };"
acc=$(run watch list --format json | python3 -c '
import json, sys
for t in json.load(sys.stdin):
    print(t["code"], t["role"], t["accountable"])' | sort -u |
    awk '($1 == "1.5.1" && $2 == "CHUNG") || ($1 == "1.7" && $2 == "CA")' |
    tr '\n' ' ')
expect_eq "json: the accountable role of a CHUNG task, null elsewhere" \
    "1.5.1 CHUNG VP-TK 1.7 CA None " "$acc"
expect_match "list: the accountable role beside the title" \
    '1\.5\.1 +CHUNG .*\[accountable: VP-TK\]' "$(run watch list)"

# Bad values: FILE:LINE: what, exit 1.
conf bad "people = ( { name = \"A\"; roles = [\"VP-TK\"];
  title = 3; },
  { name = \"B\"; roles = [\"VP-TK\"]; account = \"no body\"; },
  { name = \"C\"; roles = [\"VP-TK\"]; account = \"x\"; },
  { name = \"D\"; roles = [\"VP-TK\"]; account = \"x\"; } );"
run bad list >/dev/null 2>"$TMPD/err"; expect_eq "bad people: exit 1" 1 "$?"
err=$(cat "$TMPD/err")
expect_match "a title that is no text" "bad\.conf:2: .*title" "$err"
expect_match "an account that is no login" \
    'bad\.conf:3: people: B: "no body" is not a login name' "$err"
expect_match "one account for two people" \
    'bad\.conf:5: people: C and D have the same account "x"' "$err"
conf badwatch "common = {
  accountable = \"CHUA-GIAO\"; };
roles = ( { id = \"CA\";
  accountable = \"CA\"; } );"
run badwatch list >/dev/null 2>"$TMPD/err"
expect_eq "bad accountable: exit 1" 1 "$?"
err=$(cat "$TMPD/err")
expect_match "an accountable role without a column of its own" \
    'badwatch\.conf:2: accountable: "CHUA-GIAO" is not a role of its own' "$err"
expect_match "an accountable role on another role than CHUNG" \
    'badwatch\.conf:4: role CA: only the column of the tasks for all staff' \
    "$err"
exit $((failures > 0))
