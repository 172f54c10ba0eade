#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/tui/headless.sh: the board without a terminal (board.h): a key
# script is the keyboard, the virtual screen is dumped to text and
# compared.  Fast and exact; tests/tui/tmux.sh drives a real terminal.
. "$SRCDIR/tests/lib.sh"
use_test_hooks

EXPECTED="$SRCDIR/tests/tui/expected"
# The screens below are checked in Vietnamese (lib.sh sets English); the
# English board has its own checks near the end.
export LANGUAGE=vi

# board NAME SIZE [TERM] [ARGS...]: run the board on $DB with the key
# script $TMPD/NAME.keys at SIZE (COLSxLINES); the screens go to
# $TMPD/NAME.out, stderr to $TMPD/NAME.err; returns the exit status.
board() {
	_name=$1 _size=$2 _term=${3:-xterm}
	shift 2
	[ $# -gt 0 ] && shift
	PARBOARD_KEYS="$TMPD/$_name.keys" PARBOARD_DUMP="$TMPD/$_name.out" \
	    TERM=$_term COLUMNS=${_size%x*} LINES=${_size#*x} \
	    pb "$@" 2>"$TMPD/$_name.err" </dev/null >/dev/null
}
# keys NAME: the key script, one key or command per line, from stdin.
keys() { cat > "$TMPD/$1.keys"; }
# screen NAME N: the Nth dump of a run.
screen() {
	awk -v n="$2" 'BEGIN { k = 1 } /^-- [0-9]+$/ { k++; next } k == n' \
	    "$TMPD/$1.out"
}
# same_as NAME N FILE: the Nth screen equals an expected file.
same_as() {
	screen "$1" "$2" > "$TMPD/$1.$2.txt"
	if diff -u "$EXPECTED/$3" "$TMPD/$1.$2.txt" > "$TMPD/$1.diff"; then
		pass "$1: screen $2 is $3"
	else
		fail "$1: screen $2 is $3"
		cat "$TMPD/$1.diff"
	fi
}
# status CODE ROLE: the status column of `parboard list` for a task.
status_of() {
	pb list --role "$2" --format tsv | awk -F '\t' -v c="$1" '
	    NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
	    $h["code"] == c { print $h["status"]; exit }'
}

check "import the seed and its directives" pb import "$SEED" "$DIRECTIVES" \
    >/dev/null 2>&1

# --- the seed board --------------------------------------------------
printf 'dump\nq\n' | keys start
check "board starts and quits with q" board start 80x24
same_as start 1 board-80x24.txt
s=$(screen start 1)
expect_match "header: appraised, now, reachable, the criteria lost this year" \
    '^Điểm 69,82 · tạm tính 69,82 · tối đa 78,41 · không thể khắc phục: 1\.5\.1, 3\.11\.1$' \
    "$s"
expect_match "header: the date taken as today, days left, the deadline" \
    '^Xã Hiền Thành · Hôm nay 13/09/2023 · Còn 48 ngày đến 31/10/2023$' "$s"
expect_match "a column title has a done/total bar" \
    '^1 VP-TK .* 0/6 ░░░░ ↓│' "$s"
expect_match "a card: status word on its second line" \
    '^Chưa thực hiện  +(TLKC 0/1)?│' "$s"
expect_match "at 80x24 three columns and a more-columns mark" \
    '^1 VP-TK .*│2 TP-HT .*│3 VH-XH .* >$' "$s"

# Wider: the period joins the header, columns are wider, cards show
# three lines of title.
printf 'q\n' | keys wide
board wide 200x50
s=$(screen wide 1)
expect_match "wide header names the letter, the commune and the period" \
    '^Văn bản số 103/UBND · Xã Hiền Thành · 6 tháng đầu năm 2023 · Hôm nay 13/09/2023' "$s"
expect_match "at 80 columns the letter's number is the first dropped" \
    '^Xã Hiền Thành · Hôm nay 13/09/2023' "$(screen start 1)"
w80=$(screen start 1 | sed -n 4p | sed 's/│.*//' | wc -m)
w200=$(screen wide 1 | sed -n 4p | sed 's/│.*//' | wc -m)
expect_eq "columns are wider at 200 columns than at 80" "27 33" "$w80 $w200"
expect_match "200 columns show six columns" '│6 DTT .* >$' "$s"
expect_match "cards show three title lines when rows allow" \
    '^khai xin lỗi trong giải quyết   │' "$s"

# --- sizes and terminals ------------------------------------------------
keys resize <<'EOF'
resize 200x50
dump
resize 20x6
dump
j
l
resize 19x5
dump
resize 80x24
dump
resize 1x1
resize 20x6
Enter
dump
q
EOF
check "resizing 200x50 → 20x6 → 1x1 → 20x6 keeps the board alive" \
    board resize 80x24
same_as resize 2 board-20x6.txt
same_as resize 3 too-small.txt
expect_match "back at 80x24 the board is whole" 'Điểm 69,82 · tạm tính' \
    "$(screen resize 4)"
# vt100 and the Linux console draw gauges and arrows in ASCII.
ascii() { sed 's/░/./g; s/█/#/g; s/↓/v/g; s/↑/^/g'; }
for term in xterm-256color xterm screen vt100 linux; do
	printf 'dump\nq\n' | keys "term-$term"
	board "term-$term" 80x24 "$term"
	case $term in
	vt100|linux) want=$(ascii < "$EXPECTED/board-80x24.txt") ;;
	*) want=$(cat "$EXPECTED/board-80x24.txt") ;;
	esac
	if [ "$(screen "term-$term" 1)" = "$want" ]; then
		pass "TERM=$term shows the same board"
	else
		fail "TERM=$term shows the same board"
	fi
done
NO_COLOR=1 board term-xterm-256color 80x24 xterm-256color
expect_eq "NO_COLOR shows the same board" "$(cat "$EXPECTED/board-80x24.txt")" \
    "$(screen term-xterm-256color 1)"

# --- status, then parboard list sees it --------------------------------
keys status <<'EOF'
5
s
dump
q
EOF
check "status: board exits 0" board status 80x24
expect_match "s advances 1.7 and says so" '1\.7: Chưa thực hiện → Đang thực hiện' \
    "$(screen status 1)"
expect_eq "parboard list shows 1.7/CA doing" doing "$(status_of 1.7 CA)"

# Undo is this board's own: the change made by the board above stays;
# S back to to do, then u (asked, y) puts it back to doing.
keys undo <<'EOF'
5
u
dump
S
u
dump
y
dump
q
EOF
board undo 80x24
expect_match "u leaves another board's change" \
    'Bảng này chưa có thay đổi nào để hoàn tác' "$(screen undo 1)"
expect_match "u asks before undoing this board's change" \
    'Hoàn tác 1\.7: Đang thực hiện → Chưa thực hiện\?' "$(screen undo 2)"
expect_match "y undoes it" 'Đã hoàn tác' "$(screen undo 3)"
expect_eq "after undo 1.7/CA is doing again" doing "$(status_of 1.7 CA)"

# --- notes and evidence in Vietnamese, stored as NFC ----------------------
nfd_note=$(printf 'Đa\314\203 gu\314\233\314\211i gia\314\202\314\201y mo\314\233\314\200i')
nfc_note=$(printf '\304\220\303\243 g\341\273\255i gi\341\272\245y m\341\273\235i')
keys note <<EOF
5
n
type $nfd_note
Enter
e
type 12/GM-UBND
Enter
type 15/9/2023
Enter
type UBND xã Hiền Thành
Enter
type Giấy mời đối thoại
Enter
y
Enter
n
type Thử ế
Backspace
type e
Enter
n
type Xong e$(printf '\314\202\314\201')
Backspace
type !
Enter
Enter
dump
q
EOF
board note 80x24
changes=$(LANGUAGE=en pb report --since 2000-01-01 2>/dev/null)
expect_match "an NFD note is stored as NFC, byte for byte" \
    "1\\.7/CA note: $nfc_note\$" "$changes"
expect_match "the evidence form stores a document" \
    '1\.7/CA evidence: 12/GM-UBND 2023-09-15: Giấy mời đối thoại$' "$changes"
expect_eq "the evidence form: every field" \
    "12/GM-UBND	2023-09-15	UBND xã Hiền Thành	Giấy mời đối thoại	1		0" \
    "$(pb evidence list 1.7/CA --format tsv | tail -n 1 | cut -f5-11)"
expect_match "Backspace removes a whole precomposed character" \
    '1\.7/CA note: Thử e$' "$changes"
expect_match "Backspace removes a decomposed character with its marks" \
    '1\.7/CA note: Xong !$' "$changes"
s=$(screen note 1)
expect_match "task view: code, role and status" \
    '^ 1\.7 · CA Công an xã · Đang thực hiện' "$s"
expect_match "task view: scores" \
    'Điểm chuẩn 1,00 · Tự đánh giá 0,00 · Thẩm định 0,00 · Điểm trừ -1,00' "$s"
expect_match "task view: due date and its source" \
    'Hạn 31/10/2023 \(theo văn bản\) · còn 48 ngày' "$s"
expect_match "task view: supporting role" 'Phối hợp: TP-HT' "$s"

# The card counts notes and shows its proof state (at 80 columns the
# counts after a long status word are cut: 120 shows them whole, the
# proof state dropped; 400 shows it short, "TLKC 1/3" of "TLKC 1/3 ·
# 0/2 diễn đàn/đối thoại").
printf '5\ndump\nq\n' | keys marks
board marks 120x24
expect_match "card marks notes" 'Đang thực hiện +\+TP-HT n3' \
    "$(screen marks 1)"
board marks 400x30
expect_match "card shows its proof state, short where it must" \
    'Đang thực hiện +\+TP-HT n3 TLKC [01]/3│' "$(screen marks 1)"

# The evidence form on another task with a number and date already in
# the register: the same document, linked, not a second one.
keys relink <<'EOF'
5
j
e
type 12/gm-ubnd
Enter
type 15/9/2023
Enter
Enter
Enter
n
Enter
dump
q
EOF
board relink 80x24
expect_match "the evidence form links a registered document" \
    'Đã gắn tài liệu #[0-9]+ \(đã có trong sổ\) với nhiệm vụ này' \
    "$(screen relink 1)"
expect_match "the evidence form: one document, two tasks" \
    '^[0-9]+	[0-9]+,[0-9]+$' \
    "$(pb evidence list --format tsv | awk -F'\t' '$5 == "12/GM-UBND" { print $1 "\t" $2 }')"

# --- blocked, due date, new task -------------------------------------------
keys edit <<'EOF'
6
b
type thiếu kinh phí
Enter
D
C-u
type 31/02/2023
Enter
dump
D
C-u
type 15/10/2023
Enter
Enter
Enter
a
type Nhiệm vụ thêm trên bảng
Enter
Enter
dump
q
EOF
board edit 80x24
expect_eq "b marks blocked" blocked "$(status_of 1.4.2 DTT)"
expect_match "a bad date is refused" '31/02/2023: không phải ngày' \
    "$(screen edit 1)"
expect_match "D sets the due date" \
    'DTT +Chưa thực hiện +31/10/2023 .*Nhiệm vụ thêm trên bảng|1\.4\.2 +DTT +Có vướng mắc +15/10/2023' \
    "$(pb list --role DTT)"
expect_match "the blocked card shows #, and * as changed since the meeting" '# 1\.4\.2 \* +15/10' \
    "$(screen edit 2)"
expect_match "its count wins over the status word at 80 columns" \
    '│09/2023: 0/3 bài, hạn' "$(screen edit 2)"
expect_match "a new task lands in the current column" \
    'Nhiệm vụ thêm trên bảng' "$(pb list --role DTT)"

# --- prompts (on a copy: the later checks count the seed's tasks) -------
DB0=$DB
DB="$TMPD/prompts.db"
cp "$DB0" "$DB"
# D: the date shown is replaced by what is typed, Backspace edits it, an
# empty entry cancels.
keys due <<'EOF'
5
D
dump
type 15/10/2023
Enter
Enter
dump
D
Backspace
type 4
Enter
Enter
dump
D
C-u
Enter
dump
D
Space
Enter
dump
q
EOF
board due 80x24
expect_match "D shows the current date" \
    '^Hạn \(dd/mm/yyyy hoặc thường xuyên\): 31/10/2023$' "$(screen due 1)"
expect_match "a date typed over it replaces it" '1\.7: hạn 15/10/2023$' \
    "$(screen due 2)"
expect_match "Backspace edits the date shown" '1\.7: hạn 15/10/2024$' \
    "$(screen due 3)"
expect_match "an empty date cancels" '^Đã hủy$' "$(screen due 4)"
expect_match "a blank date cancels" '^Đã hủy$' "$(screen due 5)"
expect_match "the due date is the last one set" \
    '^ *7 +1\.7 +CA .* 15/10/2024 ' "$(pb list --role CA)"
ca_before=$(pb list --role CA)

# f: the one-key choice fits 80 columns whole, with a footer for a key.
keys chooser <<'EOF'
f
dump
Esc
resize 40x24
f
dump
Esc
q
EOF
board chooser 80x24
s=$(screen chooser 1)
expect_match "f shows every choice at 80 columns" \
    '│ o  Quá hạn .*│ a  Sắp đến hạn, mọi bộ phận \(lịch tuần\) .*│ n  Chưa hoàn thành .*│ 0  Tất cả: bỏ lọc' \
    "$(printf '%s' "$s" | tr '\n' ' ')"
expect_match "f says a key chooses" '^Nhấn phím để chọn · Esc: hủy$' "$s"
expect_match "f at 40 columns cuts the choices, never drops them" \
    '^│ a  Sắp đến hạn, mọi bộ phận \(lịch t… │$' "$(screen chooser 2)"

# A prompt lives through a screen too small to show it, text and all;
# keys typed meanwhile are text, never commands.
keys shrink <<'EOF'
5
n
type ghi chú trước
resize 12x4
dump
type  s
resize 80x24
dump
type  sau
Enter
f
resize 19x5
resize 80x24
2
dump
q
EOF
board shrink 80x24
expect_match "too small inside a prompt: the too-small screen" \
    '^Cửa sổ quá …$' "$(screen shrink 1)"
expect_match "back at 80x24 the prompt shows its text" \
    '^Ghi chú: ghi chú trước s$' "$(screen shrink 2)"
expect_match "the note keeps all that was typed" \
    '1\.7/CA note: ghi chú trước s sau$' \
    "$(LANGUAGE=en pb report --since 2000-01-01 2>/dev/null)"
expect_eq "an s typed in the prompt is no command" "$ca_before" \
    "$(pb list --role CA)"
expect_match "the filter choice lives through a resize" \
    'Lọc Đang thực hiện: [0-9]+ nhiệm vụ' "$(screen shrink 3)"

# The task view names what a task without a code is.
keys origin <<'EOF'
/
type kết thúc văn bản
Enter
8
Enter
dump
Esc
Esc
6
a
type Nhiệm vụ thêm để xem
Enter
Enter
Enter
dump
q
EOF
board origin 80x24
expect_match "a directive task is called one" \
    '^ Nhiệm vụ theo chỉ đạo · CHUNG ' "$(screen origin 1)"
expect_match "a task added by hand is called one" \
    '^ Nhiệm vụ thêm tay · DTT ' "$(screen origin 2)"
# A due date the directive sets is said so, in the user's language.
keys source <<'EOF'
/
type an ninh trật tự
Enter
1
Enter
dump
q
EOF
board source 80x24
expect_match "the directive's due date, in words" \
    '^ Hạn 31/12/2023 \(theo chỉ đạo\) · còn 109 ngày' "$(screen source 1)"
DB=$DB0

# The period and the commune of other titles.
for t in "CẢ NĂM 2023|Văn bản số 103/UBND · Xã Hiền Thành · Cả năm 2023 · " \
    "QUÝ III NĂM 2023|Văn bản số 103/UBND · Xã Hiền Thành · Quý III năm 2023 · "; do
	period=${t%%|*} want=${t#*|}
	sed "s/HIỀN THÀNH 6 THÁNG ĐẦU NĂM 2023/HIỀN THÀNH $period/" "$SEED" > "$TMPD/period.txt"
	rm -f "$TMPD/period.db"
	"$PARBOARD" -d "$TMPD/period.db" import --past-due "$TMPD/period.txt" \
	    >/dev/null 2>&1
	printf 'q\n' | keys period
	PARBOARD_KEYS="$TMPD/period.keys" PARBOARD_DUMP="$TMPD/period.out" \
	    TERM=xterm COLUMNS=200 LINES=24 "$PARBOARD" -d "$TMPD/period.db" \
	    --today 2023-09-13 </dev/null >/dev/null 2>&1
	expect_match "header of a title with $period" "^$want" \
	    "$(screen period 1)"
done

# --- search and filter --------------------------------------------------
keys search <<'EOF'
/
type doi thoai
Enter
dump
Esc
f
4
dump
q
EOF
board search 80x24
s=$(screen search 1)
expect_match "search ignores diacritics" 'Tìm "doi thoai": 3 nhiệm vụ' "$s"
expect_match "search keeps the matching card" '1\.7 +31/12' "$s"
expect_match "filter by status" 'Lọc Có vướng mắc: 1 nhiệm vụ' \
    "$(screen search 2)"

# --- dates: overdue and due soon --------------------------------------------
printf 'dump\nq\n' | keys late
PARBOARD_KEYS="$TMPD/late.keys" PARBOARD_DUMP="$TMPD/late.out" TERM=vt100 \
    COLUMNS=80 LINES=24 "$PARBOARD" -d "$DB" --today 2023-11-02 \
    </dev/null >/dev/null 2>&1
expect_match "overdue cards are marked ! (vt100, no colour)" \
    '^! 3\.5\.2 +1,00 · 31/10' "$(screen late 1)"
expect_match "a late card says so under its status" \
    '^Chưa thực hiện · quá hạn …' "$(screen late 1)"
expect_match "after the deadline: the late count, then the next deadline" \
    '· [0-9]+ nhiệm vụ quá hạn · hạn tiếp theo 31/12, còn 59 ngày$' \
    "$(screen late 1)"
expect_no_match "and not the days left to a passed deadline" \
    'Còn [0-9]+ ngày' "$(screen late 1)"
PARBOARD_KEYS="$TMPD/late.keys" PARBOARD_DUMP="$TMPD/late.out" TERM=vt100 \
    COLUMNS=80 LINES=24 "$PARBOARD" -d "$DB" --today 2023-10-27 \
    </dev/null >/dev/null 2>&1
expect_match "cards due within a week are marked ~" \
    '^~ 3\.5\.2 +1,00 · 31/10' "$(screen late 1)"
expect_match "and say how soon" '^Chưa thực hiện · còn 4 ng…' "$(screen late 1)"

# --- changes that meet other writers -------------------------------------
# Another change lands while the reason prompt is open: the board's write
# carries the version it saw, so it is refused, not written over.
keys conflict <<'EOF'
6
b
type chờ kinh phí
wait 1500
Enter
dump
q
EOF
board conflict 80x24 &
writer=$!
sleep 0.5
pb set 1.4.2/DTT done --explain "giải trình" >/dev/null 2>&1
wait $writer
expect_match "a write over an unseen change is refused" \
    'vừa được người khác thay đổi' "$(screen conflict 1)"
expect_eq "and the other board's change stays" done "$(status_of 1.4.2 DTT)"

printf 'f\nm\ndump\nq\n' | keys mine
board mine 80x24
expect_match "filter: tasks I changed" 'Lọc của tôi: [1-9][0-9]* nhiệm vụ' \
    "$(screen mine 1)"

# A database locked by another writer: a message, and the board still
# reads.
if command -v python3 >/dev/null 2>&1; then
	python3 -c 'import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(15)' "$DB" "$TMPD/locked" &
	locker=$!
	n=0
	while [ ! -f "$TMPD/locked" ] && [ $n -lt 100 ]; do
		sleep 0.05; n=$((n + 1))
	done
	printf '1\ns\ndump\nEnter\ndump\nq\n' | keys locked
	# The test build's short busy wait (PARBOARD_BUSY_MS), not 10 s.
	PARBOARD_BUSY_MS=300; export PARBOARD_BUSY_MS
	board locked 80x24
	rc=$?
	unset PARBOARD_BUSY_MS
	expect_eq "a locked database does not end the board" 0 $rc
	kill $locker 2>/dev/null
	wait $locker 2>/dev/null
	expect_match "a locked database gives a message" 'Không ghi được' \
	    "$(screen locked 1)"
	expect_match "and the board still reads" 'Điểm chuẩn' \
	    "$(screen locked 2)"
fi

# A read-only database, in a directory its reader cannot write either (no
# WAL files): the board opens and says so.  Root ignores file modes, so as
# root the board runs as nobody (setpriv), on copies in a world-readable
# directory, the program and its catalogue included (the build tree may
# be in root's 0700 home); without setpriv, as root, the check is a skip.
ro=$(mktemp -d /tmp/parboard-ro.XXXXXX)
readable_copy "$ro"
mkdir -m 1777 "$ro/out" "$ro/home"
cp "$DB" "$ro/ro.db"
printf 'dump\ns\ndump\nq\n' > "$ro/ro.keys"
chmod 0444 "$ro/ro.db" "$ro/ro.keys"
chmod 0555 "$ro" "$ro/parboard"
as_reader() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
	command -v setpriv >/dev/null || skip "as root, a read-only check needs setpriv"
	as_reader() { setpriv --reuid=nobody --regid=nogroup --clear-groups \
	    -- "$@"; }
fi
as_reader env HOME="$ro/home" XDG_CONFIG_HOME="$ro/home" \
    XDG_DATA_HOME="$ro/home" PARBOARD_LOCALEDIR="$ro/locale" \
    PARBOARD_KEYS="$ro/ro.keys" \
    PARBOARD_DUMP="$ro/out/ro.out" TERM=xterm COLUMNS=80 LINES=24 \
    "$ro/parboard" -d "$ro/ro.db" --today 2023-09-13 \
    </dev/null >/dev/null 2>"$TMPD/ro.err"
expect_eq "a read-only database opens the board (as $(as_reader id -un))" \
    0 $?
cp "$ro/out/ro.out" "$TMPD/ro.out" 2>/dev/null
expect_match "and says it is read-only" 'chỉ đọc' "$(screen ro 2)"
check "and nothing was written beside it" test ! -e "$ro/ro.db-wal"
chmod 0755 "$ro"
rm -rf "$ro"

# A plan without a total row: the score is unknown, never invented.
tab=$(printf '\t')
cat > "$TMPD/nototal.tsv" <<EOF
PHỤ LỤC KẾT QUẢ THỬ XÃ AN BÌNH NĂM 2024

STT${tab}TIÊU CHÍ${tab}ĐIỂM CHUẨN${tab}ĐIỂM TỰ ĐÁNH GIÁ${tab}ĐIỂM THẨM ĐỊNH${tab}ĐIỂM TRỪ${tab}Ý KIẾN HỘI ĐỒNG THẨM ĐỊNH${tab}Người thực hiện chính
1.1${tab}Một tiêu chí${tab}1,00${tab}1${tab}0,5${tab}-0,5${tab}Đồng ý${tab}Công an xã
EOF
"$PARBOARD" -d "$TMPD/nototal.db" import --past-due "$TMPD/nototal.tsv" >/dev/null 2>&1
printf 'dump\nq\n' | keys nototal
PARBOARD_KEYS="$TMPD/nototal.keys" PARBOARD_DUMP="$TMPD/nototal.out" \
    TERM=xterm COLUMNS=80 LINES=24 "$PARBOARD" -d "$TMPD/nototal.db" \
    --today 2024-01-10 </dev/null >/dev/null 2>&1
expect_match "without a total row the score is ?" \
    '^Điểm \? · ' "$(screen nototal 1)"

# --- help: the effective key table -------------------------------------------
printf '?\ndump\nq\n' | keys help
board help 100x70
"$PARBOARD" --dump-keys=text > "$TMPD/keys.txt"
missing=0
while IFS= read -r line; do
	[ -n "$line" ] || continue
	grep -qxF " $line" "$TMPD/help.out" || {
		missing=$((missing + 1)); printf '  not in help: %s\n' "$line"; }
done < "$TMPD/keys.txt"
expect_eq "the help lists every line of the key table" 0 "$missing"

mkdir -p "$TMPD/conf"
cat > "$TMPD/conf/keys.conf" <<'EOF'
bind = ( ("x", "quit"), ("F5", "reload"), ("j", "none") );
EOF
keys rebind <<'EOF'
?
dump
Esc
x
dump
EOF
board rebind 100x70 xterm -c "$TMPD/conf/keys.conf"
expect_match "help shows a rebound key" '^   q, x +Thoát' "$(screen rebind 1)"
expect_match "help shows F5 for reload" '^   r, F5 +Tải lại' \
    "$(screen rebind 1)"
expect_eq "a rebound key quits (one dump: the last)" 2 \
    "$(grep -c '^-- ' "$TMPD/rebind.out")"

cat > "$TMPD/conf/bad.conf" <<'EOF'
# a comment

bind = ( ("x", "frobnicate") );
EOF
printf 'q\n' | keys bad
LANGUAGE=en board bad 80x24 xterm -c "$TMPD/conf/bad.conf"
expect_eq "an unknown action fails" 1 $?
expect_match "and names the file and line" \
    'bad\.conf:3: unknown action .frobnicate.' "$(cat "$TMPD/bad.err")"

printf 'j\nNoSuchKey\n' | keys badkey
LANGUAGE=en board badkey 80x24
expect_eq "an unknown key in a script fails" 1 $?
expect_match "and names the script line" "badkey\\.keys:2: unknown key 'NoSuchKey'" \
    "$(cat "$TMPD/badkey.err")"

# --- another board's change shows up -------------------------------------------
printf 'wait 1500\ndump\nq\n' | keys watch
board watch 80x24 &
watcher=$!
sleep 0.5
pb set 3.5.2/VP-TK done --explain "giải trình" >/dev/null 2>&1
wait $watcher
expect_match "a change made elsewhere shows within 1.5 s" '^1 VP-TK .* 1/6 █' \
    "$(screen watch 1)"

# A terminal that cannot address the cursor is refused with a message.
printf 'q\n' | keys dumb
LANGUAGE=en board dumb 80x24 dumb
rc=$?
expect_eq "TERM=dumb: exit 1" 1 "$rc"
expect_match "TERM=dumb: says why" "cannot move the cursor" "$(cat "$TMPD/dumb.err")"
board dumb 80x24 dumb
expect_match "TERM=dumb: says why in Vietnamese" \
    "không di chuyển được con trỏ" "$(cat "$TMPD/dumb.err")"
board bad 80x24 xterm -c "$TMPD/conf/bad.conf"
expect_match "an unknown action in Vietnamese" \
    'bad\.conf:3: không có thao tác “frobnicate”' "$(cat "$TMPD/bad.err")"

# --- the board in English and in Vietnamese ---------------------------------
# The footer, header, help and task view follow the language: words,
# decimal mark and date format.  (Status names come from status_label().)
DB="$TMPD/lang.db"
pb import "$SEED" "$DIRECTIVES" >/dev/null 2>&1
printf '%s\n' dump '?' dump Esc 5 s u y Enter dump D dump Esc q | keys lang-en
cp "$TMPD/lang-en.keys" "$TMPD/lang-vi.keys"
LANGUAGE=en board lang-en 100x60
LANGUAGE=vi board lang-vi 100x60
en1=$(screen lang-en 1) vi1=$(screen lang-vi 1)
expect_match "English footer" '· \? help · q quit$' "$en1"
expect_match "Vietnamese footer" '· \? trợ giúp · q thoát$' "$vi1"
expect_match "English header: score, days left, done" \
    '^Score 69\.82 · now 69\.82 · reachable 78\.41 · cannot be won back: 1\.5\.1, 3\.11\.1 · Done 0/31$' "$en1"
expect_match "English header: today and the deadline" \
    '· Today 2023-09-13 · 48 days left until 2023-10-31$' "$en1"
expect_match "Vietnamese header: score, days left, done" \
    '^Điểm 69,82 · tạm tính 69,82 · tối đa 78,41 · không thể khắc phục: 1\.5\.1, 3\.11\.1( · Đã hoàn thành 0/30)?$' "$vi1"
expect_match "English cards: ISO dates, decimal point" \
    '^  3\.5\.2 +1\.00 · 10-31' "$en1"
expect_match "Vietnamese cards: dd/mm/yyyy, decimal comma" \
    '^  3\.5\.2 +1,00 · 31/10' "$vi1"
en2=$(screen lang-en 2) vi2=$(screen lang-vi 2)
expect_match "English help: title" '^ Help: keys$' "$en2"
expect_match "English help: a group heading" '^ Movement$' "$en2"
expect_match "English help: a key and its text" \
    '^   Up, k +Move to the card above\.$' "$en2"
expect_match "English help: the card marks" '^ Card marks$' "$en2"
expect_match "English help footer" '^Esc back · Down scroll' "$en2"
expect_match "Vietnamese help: title" '^ Trợ giúp: các phím$' "$vi2"
expect_match "Vietnamese help: a group heading" '^ Di chuyển$' "$vi2"
expect_match "Vietnamese help: a key and its text" \
    '^   Up, k +Lên thẻ phía trên\.$' "$vi2"
expect_match "Vietnamese help footer" '^Esc quay lại · Down cuộn' "$vi2"
en3=$(screen lang-en 3) vi3=$(screen lang-vi 3)
expect_match "English task view: due date and days" \
    '^ Due 2023-10-31 \(by the letter.s words\) · in 48 days$' "$en3"
expect_match "English task view: scores" \
    '^ Standard score 1\.00 · Self-assessed 0\.00 · Appraised 0\.00' "$en3"
expect_match "English task view: history heading" '^ History$' "$en3"
expect_match "English history: ISO date and undo" \
    '^ [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{5} [^ ]+: undone .+ → ' "$en3"
check "English history has no Vietnamese verb" \
    sh -c "! grep -q 'hoàn tác\|trạng thái' '$TMPD/lang-en.out'"
expect_match "Vietnamese task view: due date and days" \
    '^ Hạn 31/10/2023 \(theo văn bản\) · còn 48 ngày$' "$vi3"
expect_match "Vietnamese history: undo by status labels" \
    '^ [0-9]{2}/[0-9]{2}/[0-9]{4} [0-9:]{5} [^ ]+: hoàn tác Đang thực hiện → Chưa thực hiện$' \
    "$vi3"
expect_match "English due date prompt" \
    '^Due date \(YYYY-MM-DD, or ongoing\): 2023-10-31$' "$(screen lang-en 4)"
expect_match "Vietnamese due date prompt" \
    '^Hạn \(dd/mm/yyyy hoặc thường xuyên\): 31/10/2023$' "$(screen lang-vi 4)"
# Without LANGUAGE, the board speaks Vietnamese.
env -u LANGUAGE PARBOARD_KEYS="$TMPD/lang-vi.keys" \
    PARBOARD_DUMP="$TMPD/lang-def.out" TERM=xterm COLUMNS=100 LINES=60 \
    "$PARBOARD" -d "$DB" --today 2023-09-13 </dev/null >/dev/null 2>&1
expect_match "the default language is Vietnamese" '· \? trợ giúp · q thoát$' \
    "$(awk '/^-- 1$/ { exit } { print }' "$TMPD/lang-def.out")"
# --- keys that are safe in a meeting (issue 7) --------------------------------
DB="$TMPD/keys.db"
pb import "$SEED" "$DIRECTIVES" >/dev/null 2>&1
# A document proves 1.7/CA, so done asks no question in these scripts.
pb evidence add 1.7/CA --number 1/BB-UBND --date 2023-09-10 >/dev/null
# s and Space step forward and stop at done; S steps back.
keys fwd <<'EOF'
5
s
Space
type Đã đối thoại, chờ báo cáo
Enter
s
dump
S
dump
S
S
dump
q
EOF
board fwd 80x24
expect_match "s at done stops there and says so" \
    '^1\.7 đã hoàn thành; phím S để lùi lại$' "$(screen fwd 1)"
expect_match "S steps back from done to doing" \
    '^1\.7: Đã hoàn thành → Đang thực hiện$' "$(screen fwd 2)"
expect_match "S at to do changes nothing" '^1\.7 chưa bắt đầu' \
    "$(screen fwd 3)"
expect_eq "after s s s S S S 1.7/CA is todo" todo "$(status_of 1.7 CA)"
# From blocked, S goes back to the status before it was blocked.
keys back <<'EOF'
5
s
b
type chờ kinh phí
Enter
S
dump
q
EOF
board back 80x24
expect_match "S from blocked goes back to doing" \
    '^1\.7: Có vướng mắc → Đang thực hiện$' "$(screen back 1)"
expect_eq "after b S 1.7/CA is doing" doing "$(status_of 1.7 CA)"
# The picker: digits, letters, arrows and Enter; Esc cancels.
keys pick <<'EOF'
5
t
dump
3
type Đã đối thoại, chờ báo cáo
Enter
dump
t
Esc
dump
t
Up
Up
Enter
t
c
Enter
type chờ
Enter
q
EOF
board pick 80x24
s=$(screen pick 1)
expect_match "t shows the statuses, the current one marked" \
    '│> 2 Đang thực hiện' "$s"
expect_match "t lists every status" '│  4 Có vướng mắc' "$s"
expect_match "t's footer says how to choose" \
    '^Up/Down rồi Enter, hoặc số thứ tự hay chữ cái đầu · Esc: hủy$' "$s"
expect_match "3 in the picker sets done" '^1\.7: Đang thực hiện → Đã hoàn thành$' \
    "$(screen pick 2)"
expect_match "Esc in the picker cancels" '^Đã hủy$' "$(screen pick 3)"
check "the picker is gone after Esc" \
    sh -c "! printf '%s' \"\$1\" | grep -q 'Có vướng mắc │'" sh "$(screen pick 3)"
# Two statuses begin with C: c moves to the next one (Có vướng mắc).
expect_eq "t, Up, Up, Enter then t c Enter (reason given): blocked" blocked \
    "$(status_of 1.7 CA)"
pb list --format json | grep -q '"code":"1.7","role":"CA"' || true

# A key acts on the card the user saw: another writer changes the status
# between the screen and the key (the key script is a FIFO fed here).
# fifo_board NAME: start a board reading $TMPD/NAME.keys, a FIFO on fd 3.
fifo_board() {
	rm -f "$TMPD/$1.keys" "$TMPD/$1.out"
	mkfifo "$TMPD/$1.keys"
	PARBOARD_KEYS="$TMPD/$1.keys" PARBOARD_DUMP="$TMPD/$1.out" \
	    TERM=xterm COLUMNS=80 LINES=24 pb 2>"$TMPD/$1.err" \
	    </dev/null >/dev/null &
	fifo_pid=$!
	exec 3>"$TMPD/$1.keys"
}
# dumped NAME N: wait (up to 10 s) until the board wrote its Nth dump.
dumped() {
	_i=0
	while ! grep -q "^-- $2\$" "$TMPD/$1.out" 2>/dev/null &&
	    [ $_i -lt 100 ]; do sleep 0.1; _i=$((_i + 1)); done
}
pb set 1.7/CA todo >/dev/null 2>&1
fifo_board stale
printf '5\ndump\n' >&3
dumped stale 1
pb set 1.7/CA doing >/dev/null 2>&1
printf 's\ndump\nq\n' >&3
exec 3>&-
wait $fifo_pid
expect_match "a key over an unseen status change is refused" \
    '^1\.7 vừa được người khác thay đổi: nay là Đang thực hiện; chưa ghi gì' \
    "$(screen stale 2)"
expect_eq "the status stays what the other writer set" doing \
    "$(status_of 1.7 CA)"
# Someone's note does not block a status change.
fifo_board note2
printf '5\ndump\n' >&3
dumped note2 1
pb set 1.7/CA doing --note "đã gửi giấy mời" >/dev/null 2>&1
printf 's\ntype Chờ báo cáo\nEnter\ndump\nq\n' >&3
exec 3>&-
wait $fifo_pid
expect_match "a note does not block s" '^1\.7: Đang thực hiện → Đã hoàn thành$' \
    "$(screen note2 2)"
expect_eq "1.7/CA is done" done "$(status_of 1.7 CA)"

# Undo: a change from the command line is not the board's to undo; the
# board's own one is asked about, n leaves it, y undoes it.
pb set 1.7/CA doing >/dev/null 2>&1
keys undo2 <<'EOF'
5
u
dump
s
type Chờ báo cáo
Enter
u
dump
n
dump
u
y
dump
q
EOF
board undo2 80x24
expect_match "u does not undo the command line's change" \
    'Bảng này chưa có thay đổi nào để hoàn tác' "$(screen undo2 1)"
expect_match "u shows what it will undo and asks" \
    '^Hoàn tác 1\.7: Đang thực hiện → Đã hoàn thành\? c hoặc y: có' \
    "$(screen undo2 2)"
expect_match "n leaves it" '^Không hoàn tác gì$' "$(screen undo2 3)"
expect_match "y undoes it" '^Đã hoàn tác: 1\.7: Đang thực hiện → Đã hoàn thành$' \
    "$(screen undo2 4)"
expect_eq "after the undo 1.7/CA is doing (the command line's value)" \
    doing "$(status_of 1.7 CA)"

# --view: every changing key is refused, the board still follows others.
changes() { pb report --since 2023-01-01 | grep -c ' → \|: '; }
hist_before=$(changes)
{ printf '5\n'; for k in s Space S t b n e D a m u; do
	printf '%s\ndump\n' "$k"; done; printf '1\nwait 1500\ndump\nq\n'; } |
    keys view
board view 80x24 xterm --view &
viewer=$!
sleep 0.5
pb set 3.5.2/VP-TK done --explain "giải trình" >/dev/null 2>&1
wait $viewer
n=0
for k in s Space S t b n e D a m u; do
	n=$((n + 1))
	expect_match "--view refuses $k" \
	    '^Chế độ chỉ xem \(--view\): phím này không thay đổi gì$' \
	    "$(screen view $n)"
done
expect_eq "--view: 1.7/CA unchanged" doing "$(status_of 1.7 CA)"
expect_eq "--view: only the other writer's change is recorded" \
    $((hist_before + 1)) "$(changes)"
# The done card sinks below the open ones; the counts show it.
expect_match "--view: another's done with a giải trình wins no point" \
    '^Điểm 69,82 · tạm tính 69,82 · tối đa 78,41 ' "$(screen view 12)"
expect_match "--view: the column's count follows" '^1 VP-TK .* 1/6 ' \
    "$(screen view 12)"
LANGUAGE=en pb --help > "$TMPD/help.txt" 2>&1
expect_match "--help documents --view" '^      --view  ' "$(cat "$TMPD/help.txt")"

# m moves the card to another role, from the same picker.
keys move <<'EOF'
5
m
dump
2
dump
q
EOF
board move 80x24
expect_match "m lists the roles, the card's own marked" '│> 5 CA +Công an xã' \
    "$(screen move 1)"
expect_match "m: 2 moves it to TP-HT" '^1\.7 đã chuyển sang TP-HT$' \
    "$(screen move 2)"
expect_match "parboard list shows 1.7 in TP-HT" '^ *[0-9]+ +1\.7 +TP-HT +Đang thực hiện' \
    "$(pb list --role TP-HT)"
printf '2\nEnter\ndump\nq\n' | keys moved
board moved 100x90
expect_match "the task view shows the assignment text as written" \
    '^ - Giao cho Công an xã và công chức Tư pháp – Hộ tịch' \
    "$(screen moved 1)"
expect_match "the history says the task was moved" \
    ': chuyển từ CA sang TP-HT$' "$(screen moved 1)"
# u takes a move back, after a yes.
printf '%s\n' 2 m 3 dump u dump y dump q | keys unmove
board unmove 80x24
expect_match "m: 3 moves it on to VH-XH" '^1\.7 đã chuyển sang VH-XH$' \
    "$(screen unmove 1)"
expect_match "u asks before taking the move back" \
    'Hoàn tác 1\.7: bộ phận TP-HT → VH-XH\?' "$(screen unmove 2)"
expect_match "u: the move is taken back" \
    '^Đã hoàn tác: 1\.7: bộ phận TP-HT → VH-XH$' "$(screen unmove 3)"
expect_match "parboard list shows 1.7 back in TP-HT" \
    '^ *[0-9]+ +1\.7 +TP-HT +Đang thực hiện' "$(pb list --role TP-HT)"
DB=$DB0

# --- status and due state, the score now, columns --------------------------
DB="$TMPD/look.db"
pb import "$SEED" "$DIRECTIVES" >/dev/null 2>&1
printf '%s\n' dump s dump q | keys late-s
board late-s 80x24 vt100 --today 2023-11-02
expect_match "a late card to do says both" '^Chưa thực hiện · quá hạn …' \
    "$(screen late-s 1)"
expect_match "s on a late card changes the card's words" \
    '^Đang thực hiện · quá hạn …' "$(screen late-s 2)"
expect_match "and keeps its late mark" '^! 3\.5\.2 ' "$(screen late-s 2)"
pb set 1.5.3/VP-TK done --explain "giải trình" >/dev/null
printf '%s\n' dump q | keys now
board now 80x24
s=$(screen now 1)
expect_match "1.5.3 done with a giải trình, not proved: the score now stays" \
    '^Điểm 69,82 · tạm tính 69,82 · tối đa 78,41 · ' "$s"
expect_match "and its column counts 1 task done" '^1 VP-TK .* 1/6 ' "$s"
expect_match "the done card sinks below the open ones" \
    '^  1\.1\.3 .*│.*│' "$(printf '%s\n' "$s" | sed -n 12p)"
expect_match "a supporting role shows the task it supports, marked" \
    '│Chưa thực hiện +phối hợp│' "$s"
expect_match "and does not count it in its bar" '│2 TP-HT .* 0/4 ' "$s"
LANGUAGE=en board now 80x24
expect_match "English: the score now" \
    '^Score 69\.82 · now 69\.82 · reachable 78\.41 · cannot be won back: ' \
    "$(screen now 1)"
printf '%s\n' dump q | keys ascii
printf 'ascii = true;\n' > "$TMPD/conf/ascii.conf"
# 120 columns: below, the header's gauge gives way to the words.
board ascii 120x24 xterm -c "$TMPD/conf/ascii.conf"
expect_match "ascii = true: the gauge in ASCII" '3\.11\.1 · \.{10} · ' \
    "$(screen ascii 1)"

# Columns: the roles that hold tasks; an empty role only with show_empty;
# the digits jump to the columns shown.
cat > "$TMPD/conf/vis.conf" <<'EOF'
roles = (
	{ id = "VP-TK"; name = "Văn phòng"; match = [ "văn phòng" ]; },
	{ id = "KT"; name = "Kinh tế"; match = [ "không ai ghi thế này" ]; },
	{ id = "CA"; name = "Công an xã"; match = [ "công an" ]; }
);
EOF
{ cat "$TMPD/conf/vis.conf"; printf 'show_empty = true;\n'; } \
    > "$TMPD/conf/vis-empty.conf"
DB="$TMPD/vis.db"
pb -c "$TMPD/conf/vis.conf" import --past-due "$SEED" "$DIRECTIVES" >/dev/null 2>&1
printf '%s\n' dump 3 Enter dump q | keys vis
board vis 200x30 xterm -c "$TMPD/conf/vis.conf"
expect_match "a role without tasks has no column" \
    '^1 VP-TK .*│2 CA .*│3 CHUNG ' "$(screen vis 1)"
expect_match "3 goes to the third column shown" '^ 1\.5\.4 · CHUNG ' \
    "$(screen vis 2)"
board vis 200x30 xterm -c "$TMPD/conf/vis-empty.conf"
expect_match "show_empty = true shows it" \
    '^1 VP-TK .*│2 KT Kinh tế .*│3 CA ' "$(screen vis 1)"
expect_match "3 then goes to the role after it" '^ [0-9.]+ · CA ' \
    "$(screen vis 2)"

finish
