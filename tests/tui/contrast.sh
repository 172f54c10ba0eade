#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/tui/contrast.sh: every glyph the board draws, the cursor included,
# is readable in a default PuTTY: a contrast of at least 4.5:1 (computed by
# contrast.py) for each colour pair of the board, and for every glyph of
# one screen per TERM a PuTTY user may set (`tmux capture-pane -e`) that
# shows each pair on a card; without colours (vt100, NO_COLOR) the states
# differ by their marks, words and attributes.
. "$SRCDIR/tests/lib.sh"

[ -n "${TMUX_BIN:-}" ] || skip "tmux not found"
command -v python3 >/dev/null 2>&1 || skip "python3 not found"
CONTRAST="$SRCDIR/tests/tui/contrast.py"

SOCK="pbcontrast$$"
tm() { "$TMUX_BIN" -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$TMPD"' EXIT
# A session that outlives the others: killing a server's last session
# makes it exit, and a new-session racing that exit fails with "server
# exited unexpectedly".
tm new-session -d -s keep "sleep 3600"

# Two criteria are due before the day taken as today (2023-10-26): late;
# the others on 31/10 are due soon, 1.7 on 31/12 neither.
cat > "$TMPD/parboard.conf" <<'EOF'
criteria = (
	{ code = "3.5.2"; deadline = "2023-10-20"; },
	{ code = "1.5.3"; deadline = "2023-10-20"; }
);
EOF
cb() { "$PARBOARD" -c "$TMPD/parboard.conf" -d "$DB" --today 2023-10-26 "$@"; }
check "import the seed and its directives" cb import --past-due "$SEED" "$DIRECTIVES" \
    >/dev/null 2>&1
# id CODE ROLE N: the Nth task of a code in a role.
id() {
	cb list --role "$2" --format tsv | awk -F '\t' -v c="$1" -v n="$3" '
	    $2 == c && ++k == n { print $1; exit }'
}
# Every state, and late ones in progress and blocked.
cb set "$(id 3.5.2 VP-TK 1)" doing >/dev/null	# late, in progress
cb set "$(id 1.5.3 VP-TK 1)" blocked >/dev/null	# late, blocked
cb set "$(id 1.1.3 VP-TK 1)" blocked >/dev/null	# due soon, blocked
cb set "$(id 3.13.3 VP-TK 1)" done --explain "giải trình" >/dev/null
cb set "$(id 3.13.3 TP-HT 1)" doing >/dev/null	# due soon, in progress
states=$(cb list --format tsv | cut -f 5 | sort -u | tr '\n' ' ')
expect_eq "the database holds every status" \
    "blocked doing done status todo " "$states"

# settle SESSION: the pane once two captures a little apart agree.
settle() {
	_prev=
	_n=40
	while [ "$_n" -gt 0 ]; do
		sleep 0.1
		_cur=$(tm capture-pane -e -p -t "$1" 2>/dev/null)
		[ -n "$_cur" ] && [ "$_cur" = "$_prev" ] && break
		_prev=$_cur
		_n=$((_n - 1))
	done
	printf '%s\n' "$_cur"
}
# One screen per TERM, wide and tall enough for the cards of every state
# (late in progress and blocked, due soon, done, to do) with the cursor
# on one: every glyph is readable, and each state's colour pair and the
# cursor's are on a glyph, so the pairs reach the terminal.  Each pair's
# contrast is then checked once, from view.c's table (contrast.py
# --pairs): contrast depends on the pairs, not on where the cursor is.
seen=OVERDUE,SOON,DONE,BLOCKED,CURSOR
for term in xterm xterm-256color putty putty-256color screen-256color linux
do
	s=$(printf '%s' "$term" | tr -c 'a-z0-9' '_')
	tm new-session -d -s "$s" -x 200 -y 50 \
	    "LANGUAGE=vi TERM=$term '$PARBOARD' -c '$TMPD/parboard.conf' \
	    -d '$DB' --today 2023-10-26; sleep 600"
	tm send-keys -t "$s" 1 Home
	p=$(settle "$s")
	printf '%s\n' "$p" > "$TMPD/pane"
	if ! grep -q '[^[:space:]]' "$TMPD/pane"; then
		fail "$term: the pane could not be read"
	elif python3 "$CONTRAST" --pairs "$SRCDIR/src/board/view.c" --seen "$seen" \
	    < "$TMPD/pane" > "$TMPD/low"; then
		pass "$term: every glyph and pair readable in PuTTY, each pair on screen"
	else
		fail "$term: every glyph and pair readable in PuTTY, each pair on screen"
		sed 's/^/  /' "$TMPD/low" | head -10
	fi
	# The cursor really is drawn: black on white, never reverse video
	# on a coloured pair.
	expect_match "$term: the cursor is drawn with its own colours" \
	    "$(printf '\033')\\[[0-9;]*(30;47|47;30|30m.*47|47m.*30)" \
	    "$(printf '%s\n' "$p" | sed -n 4p)"
	tm kill-session -t "$s"
done

# --- without colours: marks, words and attributes ---------------------
for how in vt100 NO_COLOR; do
	case $how in
	vt100) env="TERM=vt100" ;;
	*) env="TERM=xterm-256color NO_COLOR=1" ;;
	esac
	tm new-session -d -s mono -x 80 -y 24 \
	    "LANGUAGE=vi $env '$PARBOARD' -c '$TMPD/parboard.conf' \
	    -d '$DB' --today 2023-10-26; sleep 600"
	tm send-keys -t mono 1
	p=$(settle mono)
	text=$(tm capture-pane -p -t mono)
	expect_match "$how: late in progress: ! and both words" \
	    '^! 3\.5\.2 .*│' "$text"
	# The status word stays whole; at 80 columns the due state after a
	# long one is cut (the heading has the date).
	expect_match "$how: in progress and late" \
	    '^Đang thực hiện · quá hạn …' "$text"
	expect_match "$how: blocked and late" \
	    '^Có vướng mắc · quá hạn 6 …' "$text"
	expect_match "$how: blocked and due soon" \
	    '^Có vướng mắc · còn 5 ngày' "$text"
	expect_match "$how: to do and due soon" '│Chưa thực hiện · còn 5 ng…' "$text"
	# The header's gauge gives way to the longer Vietnamese words at 80
	# columns; the columns' gauges stay.
	expect_match "$how: the gauge" '^1 VP-TK .* ([#.]{4}|[█░]{4}) ' "$text"
	esc=$(printf '\033')
	expect_match "$how: the cursor in reverse video" "^$esc\\[[0-9;]*7m" \
	    "$(printf '%s\n' "$p" | sed -n 4p)"
	expect_match "$how: late is bold" "$esc\\[1m[^$esc]*quá hạn" "$p"
	printf '%s\n' "$p" > "$TMPD/pane"
	check "$how: every glyph readable in PuTTY" \
	    python3 "$CONTRAST" < "$TMPD/pane"
	tm kill-session -t mono
done
finish
