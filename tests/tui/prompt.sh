#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/tui/prompt.sh: the footer's line editor (shell keys, wide and
# combining characters, pre-filled text, bracketed paste), the search
# scope, hidden columns and the filter menu.  Key scripts first (exact
# and fast), then a real terminal for the bracketed paste.
. "$SRCDIR/tests/lib.sh"
use_test_hooks

# board NAME [ARGS...]: the key script $TMPD/NAME.keys at 80x24; the
# screens go to $TMPD/NAME.out.
board() {
	_name=$1
	shift
	PARBOARD_KEYS="$TMPD/$_name.keys" PARBOARD_DUMP="$TMPD/$_name.out" \
	    TERM=xterm COLUMNS=80 LINES=24 \
	    pb "$@" 2>"$TMPD/$_name.err" </dev/null >/dev/null
}
keys() { cat > "$TMPD/$1.keys"; }
screen() {
	awk -v n="$2" 'BEGIN { k = 1 } /^-- [0-9]+$/ { k++; next } k == n' \
	    "$TMPD/$1.out"
}
# notes: the changes report, one line per note ("1.7/CA note: TEXT").
notes() { pb report --since 2000-01-01 2>/dev/null; }
check "import the seed and its directives" pb import "$SEED" "$DIRECTIVES" \
    >/dev/null 2>&1
# The first card of column 5: 1.7/CA "Đối thoại của Lãnh đạo UBND xã".
id=$(pb list --role CA --format tsv | awk -F '\t' '
    NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
    $h["title"] ~ /^Đối thoại của Lãnh đạo/ { print $h["id"]; exit }')
# by_id FIELD: a field of that task.
by_id() {
	pb list --format tsv | awk -F '\t' -v id="$id" -v f="$1" '
	    NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
	    $h["id"] == id { print $h[f]; exit }'
}
# not_todo: how many tasks are not "todo".
not_todo() {
	pb list --format tsv | awk -F '\t' '
	    NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
	    $h["status"] != "todo"' | wc -l | tr -d ' '
}

# --- editing keys on a note prompt (1.7/CA: column 5's first card) ------
# Việt with its marks decomposed (e, dot below, circumflex), as some
# Vietnamese input methods send it.
nfd_viet=$(printf 'Vie\314\243\314\202t')
sp=' '
keys edit <<KEYS
5
n
type Việt Nam
Home
type Xã$sp
End
type !
Enter
n
type $nfd_viet
Left
Left
Delete
type ê
Enter
n
type $nfd_viet Nam
C-a
Right
Right
Right
Backspace
Enter
n
type một hai ba
C-w
type bốn
Enter
n
type abc def
Left
Left
Left
C-u
type x$sp
Enter
n
type abc def
Home
Right
C-k
type !
Enter
n
type b
C-a
type a
C-e
type c
Enter
n
type 日本語
Left
Backspace
Enter
n
type Khánh Hòa
C-b
C-b
C-d
C-f
type x
Enter
q
KEYS
board edit
r=$(notes)
expect_match "Home and End move to the ends (NFC text)" \
    '1\.7/CA note: Xã Việt Nam!$' "$r"
expect_match "Left and Delete take a decomposed character with its marks" \
    '1\.7/CA note: Viêt$' "$r"
expect_match "Right steps over a decomposed character, Backspace takes it" \
    '1\.7/CA note: Vit Nam$' "$r"
expect_match "C-w deletes the word before the cursor" \
    '1\.7/CA note: một hai bốn$' "$r"
expect_match "C-u deletes to the start" '1\.7/CA note: x def$' "$r"
expect_match "C-k deletes to the end" '1\.7/CA note: a!$' "$r"
expect_match "C-a and C-e" '1\.7/CA note: abc$' "$r"
expect_match "wide characters move and delete as one" \
    '1\.7/CA note: 日語$' "$r"
expect_match "C-b, C-d and C-f" '1\.7/CA note: Khánh Hax$' "$r"

# --- pre-filled prompts: typing replaces, a movement key keeps ---------
keys prefill <<'KEYS'
5
D
type 2023-11-20
Enter
Enter
D
Home
Delete
Delete
Delete
Delete
type 2024
Enter
Enter
/
type đối thoại
Enter
/
type Công an
Enter
dump
/
End
type  xã
Enter
dump
q
KEYS
board prefill
expect_eq "typing replaces the due date, a movement key edits it" \
    2024-11-20 "$(by_id due)"
expect_match "typing replaces the pre-filled search" \
    '^Search "Công an": [0-9]+ task' "$(screen prefill 1)"
expect_match "End keeps the pre-filled search" \
    '^Search "Công an xã": [0-9]+ task' "$(screen prefill 2)"

# --- bracketed paste (the key script's "paste" is one) -------------------
keys paste <<'KEYS'
5
n
type Đầu:
paste  dòng một\ndòng hai\n\nhết
Enter
paste sssss
dump
q
KEYS
board paste
expect_match "a paste into a prompt is text, newlines become spaces" \
    '1\.7/CA note: Đầu: dòng một dòng hai  hết$' "$(notes)"
expect_eq "a paste on the board is not run as keys" 0 "$(not_todo)"
expect_match "a paste on the board says it was ignored" \
    '^Pasted text ignored' "$(screen paste 1)"

# --- search scope and hidden columns -------------------------------------
keys search <<'KEYS'
5
n
type xylophone đỏ
Enter
e
type 7/BB-UBND
Enter
Enter
Enter
type Biên bản số 7 kèm ảnh
Enter
n
Enter
/
type xylophone
Enter
dump
/
type biên bản số 7
Enter
dump
/
type VH-XH
Enter
dump
/
type Tư pháp
Enter
dump
/
type đồng chí chủ tịch
Enter
dump
/
type tin bài về CCHC
Enter
dump
q
KEYS
board search
s=$(screen search 1)
expect_match "search finds a note's words" '^Search "xylophone": 1 task$' "$s"
expect_match "columns without a match are hidden" '^1 CA Công an' "$s"
expect_eq "only the matching column is shown" 0 \
    "$(printf '%s\n' "$s" | grep -c 'VP-TK')"
expect_match "search finds evidence" \
    '^Search "biên bản số 7": 1 task$' "$(screen search 2)"
s=$(screen search 3)
expect_match "search finds a role id" '^Search "VH-XH": [1-9][0-9]* task' "$s"
# VP-TK supports a VH-XH task, so its column shows it below its own cards.
expect_match "the role's column is shown" '^1 VP-TK .*│2 VH-XH ' "$s"
expect_eq "columns without a match are hidden" 0 \
    "$(printf '%s\n' "$s" | grep -c 'TP-HT Tư pháp')"
s=$(screen search 4)
expect_match "search finds a role name" '^Search "Tư pháp": [1-9]' "$s"
expect_match "the role named comes first" '^1 TP-HT ' "$s"
expect_match "search finds the assignment text" \
    '1\.7 .*Search "đồng chí chủ tịch": [1-9]' \
    "$(screen search 5 | tr '\n' ' ')"
expect_match "search finds the assignment text of 1.4.2" \
    '1\.4\.2 .*Search "tin bài về CCHC": [1-9]' \
    "$(screen search 6 | tr '\n' ' ')"

# --- filters: open and the week's agenda ---------------------------------
keys filter <<'KEYS'
5
s
s
type Đã đối thoại
Enter
f
dump
n
dump
f
a
dump
f
0
dump
q
KEYS
board filter --today 2023-10-26
total=$(pb list --format tsv | tail -n +2 | wc -l | tr -d ' ')
open=$((total - 1))
expect_match "f opens a menu with open and the agenda" \
    'n  Open \(not done\).*a  Due soon, all roles|a  Due soon, all roles.*n  Open \(not done\)' \
    "$(screen filter 1 | tr '\n' ' ')"
expect_match "the open filter leaves the done task out" \
    "^Filter not done: $open tasks\$" "$(screen filter 2)"
soon=$(pb list --format tsv | awk -F '\t' 'NR > 1 && $5 != "done" &&
    $6 >= "2023-10-26" && $6 <= "2023-11-02"' | wc -l | tr -d ' ')
soon=$((soon + 1))	# and the radio, late: no article ticked in September
expect_match "the agenda filter keeps what is due within the week" \
    "^Filter due soon, all roles: $soon tasks\$" "$(screen filter 3)"
expect_match "0 clears the filter" '^Filter cleared$' "$(screen filter 4)"

# --- a real terminal: bracketed paste from tmux ------------------------
[ -n "${TMUX_BIN:-}" ] || finish
changed=$(not_todo)
SOCK="pbprompt$$"
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$TMPD"' EXIT
tm new-session -d -s p -x 80 -y 24 "LANGUAGE=en TERM=xterm-256color \
    '$PARBOARD' -d '$DB' --today 2023-09-13; echo exit=\$?; sleep 600"
see "tmux: the board starts" p 'Score'
tm send-keys -t p 5
printf 'Giấy mời họp\ndòng hai\nsss' > "$TMPD/paste.txt"
tm load-buffer -b para "$TMPD/paste.txt"
tm send-keys -t p n
see "tmux: the note prompt opens" p '^Note:'
tm paste-buffer -p -b para -t p
see "tmux: a bracketed paste is text in the prompt" p \
    '^Note: Giấy mời họp dòng hai sss'
tm send-keys -t p Enter
see "tmux: the pasted note is added" p '[Nn]ote added'
tm paste-buffer -p -b para -t p
see "tmux: a paste on the board is ignored" p '^Pasted text ignored'
expect_eq "tmux: the pasted s keys did not run" "$changed" "$(not_todo)"
# 100 000 characters into the search prompt, then Esc.
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "ạbcdefghi\n" }' \
    > "$TMPD/big.txt"
tm load-buffer -b big "$TMPD/big.txt"
tm send-keys -t p /
see "tmux: the search prompt opens" p '^Search:'
tm paste-buffer -p -b big -t p
see "tmux: 100 000 pasted characters fit the prompt" p \
    'ạbcdefghi ạbcdefghi *$' 20
tm send-keys -t p Escape
see "tmux: the board goes on after the big paste" p '^Enter open'
tm send-keys -t p q
see "tmux: q quits" p '^exit=0' 10

finish
