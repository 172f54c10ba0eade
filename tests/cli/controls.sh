# SPDX-License-Identifier: ISC
# Control characters (issue 16): every stored text field refuses them
# (the input rule, text.h text_field), and data that holds them anyway
# (an old database, another program) never reaches any output raw.
. "$SRCDIR/tests/lib.sh"
use_test_hooks
command -v python3 >/dev/null || skip "python3 missing"
command -v sqlite3 >/dev/null || skip "sqlite3 missing"

pb import "$SEED" "$DIRECTIVES" >/dev/null 2>&1 || fail "import"
pb set 1.7/CA doing --note "first note" >/dev/null 2>&1
pb evidence add 1.7/CA --number 5/KH-UBND --date 2023-09-01 --summary s \
	--issuer i --file f >/dev/null
pb tick 1.4.2/DTT --note "bài 1" >/dev/null
pb minutes --record --chair "Chủ tịch" >/dev/null

# --- the input rule ----------------------------------------------------
ESC=$(printf '\033]52;c;cHduZWQ=\007')	# OSC 52: writes the clipboard
C1=$(printf '\302\233')			# U+009B, CSI in one character
DEL=$(printf '\177')
BAD=$(printf '\377')			# not UTF-8
RLO=$(printf '\342\200\256')		# U+202E, right-to-left override
dump() { sqlite3 "$DB" .dump; }
# refused NAME COMMAND...: exit 1, "parboard: NAME: ...", nothing changed
# ($what says what was tried).
refused() {
	_name=$1
	shift
	_before=$(dump)
	_err=$(pb "$@" 2>&1 >/dev/null)
	_rc=$?
	if [ "$_rc" = 1 ] && printf '%s\n' "$_err" | grep -Eq \
	    "^parboard: $_name: (control character U\+[0-9A-F]{4} is not allowed|not valid UTF-8 \(byte [0-9]+\)|a line break is not allowed here)$" &&
	    [ "$_before" = "$(dump)" ]; then
		pass "$_name refuses $what"
	else
		fail "$_name refuses $what"
		printf '  exit %s: %s\n' "$_rc" "$_err" | head -3
	fi
}
for what in ESC C1 DEL BAD RLO; do
	case $what in
	ESC) x="a$ESC" ;;
	C1) x="a$C1" ;;
	DEL) x="a$DEL" ;;
	BAD) x="a$BAD" ;;
	RLO) x="a$RLO" ;;
	esac
	refused --note set 1.7/CA doing --note "$x"
	refused --note tick 1.4.2/DTT --note "$x"
	refused --number evidence add 1.7/CA --number "$x" --date 2023-09-02
	refused --summary evidence add 1.7/CA --number 6/KH --date 2023-09-02 \
		--summary "$x"
	refused --issuer evidence add 1.7/CA --number 6/KH --date 2023-09-02 \
		--issuer "$x"
	refused --file evidence add 1.7/CA --number 6/KH --date 2023-09-02 \
		--file "$x"
	refused --chair minutes --record --chair "$x"
	refused --plan import --plan "$x" "$DATA/appendix.csv"
done
what="a line feed"
refused --summary evidence add 1.7/CA --number 6/KH --date 2023-09-02 \
	--summary "$(printf 'a\nb')"
refused --chair minutes --record --chair "$(printf 'a\r\nb')"
expect_eq "a line feed in a note is kept" 0 \
	"$(pb set 1.7/CA doing --note "$(printf 'a\r\nb')" >/dev/null 2>&1; echo $?)"
expect_eq "as one line feed" "'a\\nb'" "$(python3 -c 'import sqlite3,sys
print(repr(sqlite3.connect(sys.argv[1]).execute("select new from history where kind = \"note\" order by id desc").fetchone()[0]))' "$DB")"

# The configuration: a name refused with its file and line.
printf 'chair = "Ch\\x1b[2J";\n' >"$TMPD/chair.conf"
out=$("$PARBOARD" -c "$TMPD/chair.conf" -d "$DB" list 2>&1)
expect_eq "a configured name is under the rule too" \
	"parboard: $TMPD/chair.conf:1: chair: control character U+001B is not allowed" \
	"$out"

# The board: a note pasted with a bidi control is refused by the same
# rule, and said so.
before=$(dump)
cat >"$TMPD/note.keys" <<EOF
5
n
paste abc${RLO}def
Enter
dump
q
EOF
PARBOARD_KEYS="$TMPD/note.keys" PARBOARD_DUMP="$TMPD/note.out" TERM=xterm \
    COLUMNS=100 LINES=30 pb 2>/dev/null </dev/null >/dev/null
expect_match "the board says why the note is refused" \
	'--note: control character U\+202E is not allowed' "$(cat "$TMPD/note.out")"
expect_eq "and stores nothing" "$before" "$(dump)"

# --- data written before the rule --------------------------------------
# Every text column gets an OSC 52, a CSI, a C1 CSI, bidi controls,
# bytes that are not UTF-8 and DEL; one title gets what tsv escapes.
python3 - "$DB" <<'PY'
import sqlite3, sys
H = (b"\x1b]52;c;cHduZWQ=\x07\x1b[31m\xc2\x9b31m\xe2\x80\xae\xe2\x81\xa6"
     b"\xe2\x80\x8f\xd8\x9c\xff\xfe\x7f")
c = sqlite3.connect(sys.argv[1])
for t, cs in {
    "plan": ["name", "source"],
    "criterion": ["code", "title", "comment", "assignee"],
    "task": ["code", "title", "target", "every", "due"],
    "history": ["user", "old", "new"],
    "evidence": ["number", "day", "issuer", "summary", "file", "user"],
    "meeting": ["chair", "user"],
    "tick": ["note", "user"],
    "finding": ["file", "code", "message"],
}.items():
    for col in cs:
        c.execute(f"UPDATE {t} SET {col} = coalesce({col}, '') || "
                  "CAST(? AS TEXT)", (H,))
c.execute("UPDATE task SET support_roles = 'VP-TK,' || CAST(? AS TEXT)"
          " WHERE id = 2", (H,))
c.execute("UPDATE task SET title = CAST(? AS TEXT) WHERE id = 3",
          (b"a\tb\nc\rd\\e\x1b\xc2\x9b\xe2\x80\xae\xff",))
c.commit()
PY
# clean NAME FILE: no C0 control (but tab, line feed, carriage return),
# DEL, C1 or bidi control, valid UTF-8; JSON parses.
clean() {
	python3 - "$1" "$2" <<'PY'
import json, re, sys
b = open(sys.argv[2], "rb").read()
why = []
if not b.strip():
    why.append("empty")
if re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", b):
    why.append("C0 or DEL")
if re.search(rb"\xc2[\x80-\x9f]", b):
    why.append("C1")
if re.search(rb"\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c", b):
    why.append("bidi")
try:
    s = b.decode("utf-8")
    if "json" in sys.argv[1]:
        json.loads(s)
except ValueError as e:
    why.append(str(e)[:60])
print(" ".join(why))
PY
}
outputs() {
	for f in text tsv csv json; do echo "list --format $f"; done
	for f in text markdown html csv; do
		echo "report --format $f"
		echo "report --evidence --format $f"
		echo "minutes --format $f"
	done
	for f in text tsv csv json; do echo "evidence list --format $f"; done
	echo check
}
n=0
while read -r cmd; do
	# shellcheck disable=SC2086
	pb $cmd >"$TMPD/out" 2>&1
	why=$(clean "$cmd" "$TMPD/out")
	expect_eq "$cmd: nothing raw" "" "$why"
	n=$((n + 1))
done <<EOF
$(outputs)
EOF
expect_eq "every output was read" 21 "$n"
cat >"$TMPD/board.keys" <<'EOF'
dump
3
Enter
dump
Esc
c
dump
Esc
5
Enter
dump
q
EOF
PARBOARD_KEYS="$TMPD/board.keys" PARBOARD_DUMP="$TMPD/board.out" TERM=xterm \
    COLUMNS=100 LINES=40 pb 2>/dev/null </dev/null >/dev/null
expect_eq "the board: nothing raw" "" "$(clean board "$TMPD/board.out")"
expect_match "the board shows the placeholders" '\^\[\]52;c;' "$(cat "$TMPD/board.out")"
# Messages: a task named by a planted code, a usage error quoting argv.
pb set "1.7${ESC}/CA" doing >"$TMPD/out" 2>&1
expect_eq "an error quoting an argument: nothing raw" "" \
	"$(clean msg "$TMPD/out")"
pb set 1.7/CA "x${ESC}${RLO}" >"$TMPD/out" 2>&1
expect_eq "a usage error quoting an argument: nothing raw" "" \
	"$(clean msg "$TMPD/out")"

# tsv and json stay exact: the escapes name each character.
expect_eq "tsv: tab, LF, CR, backslash by name, controls by number" \
	'a\tb\nc\rd\\e\x1b\u009b\u202e\xff' \
	"$(pb list --format tsv | awk -F '\t' '$1 == 3 { print $9 }')"
expect_eq "json: the same characters, a bad byte as U+FFFD" \
	"'a\\tb\\nc\\rd\\\\e\\x1b\\x9b\\u202e\\ufffd'" \
	"$(pb list --format json | python3 -c 'import json, sys
print(ascii([t["title"] for t in json.load(sys.stdin) if t["id"] == 3][0]))')"
finish
