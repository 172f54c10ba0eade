#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/layers.sh: the folders of src/ are floors, and nothing goes up a
# floor.  From the bottom:
#
#   base model config store core office import report board cli
#
# A source in src/F may include a file of its own floor or one below, and
# its object may call a function defined by an object of its own floor or
# one below; nothing else.  (office, the reader of Word and Excel files,
# sits under import, which calls it.)  Every source is in a floor's
# folder, and no two files share a name, so an include names one file.
. "$SRCDIR/tests/lib.sh"

FLOORS="base model config store core office import report board cli"
BUILT=${BUILDDIR:-.}

floor_of() {	# floor_of NAME: the floor's number, from 1, or nothing
	n=1
	for f in $FLOORS; do
		[ "$1" = "$f" ] && { echo "$n"; return; }
		n=$((n + 1))
	done
}

# Every source file: "FLOOR NAME" a line.
: > "$TMPD/files"
stray=""
for p in "$SRCDIR"/src/* "$SRCDIR"/src/*/*; do
	[ -f "$p" ] || continue
	case $p in
	*.c|*.h|*.def) ;;
	*) continue ;;
	esac
	rel=${p#"$SRCDIR"/src/}
	dir=${rel%/*}
	if [ "$dir" = "$rel" ] || [ -z "$(floor_of "$dir")" ]; then
		stray="$stray $rel"
		continue
	fi
	echo "$dir ${rel##*/}" >> "$TMPD/files"
done
# src/base/paths.h is made by make (the install's folders), in the
# build tree.
grep -q ' paths\.h$' "$TMPD/files" || echo "base paths.h" >> "$TMPD/files"
expect_eq "every source is in a floor's folder" "" "$stray"
twice=$(awk '{ print $2 }' "$TMPD/files" | sort | uniq -d | tr '\n' ' ')
expect_eq "no two sources share a name" "" "$twice"
check "the floors hold the sources (more than 60)" \
    test "$(wc -l < "$TMPD/files")" -gt 60

# The includes: "FILE: includes NAME (FLOOR)" a breach.
: > "$TMPD/up"
while read -r dir name; do
	[ "$name" = paths.h ] && continue
	own=$(floor_of "$dir")
	sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' \
	    "$SRCDIR/src/$dir/$name" > "$TMPD/inc"
	while read -r inc; do
		to=$(awk -v n="${inc##*/}" '$2 == n { print $1; exit }' \
		    "$TMPD/files")
		if [ -z "$to" ]; then
			echo "src/$dir/$name: includes $inc, no source" \
			    >> "$TMPD/up"
		elif [ "$(floor_of "$to")" -gt "$own" ]; then
			echo "src/$dir/$name: includes $inc ($to)" >> "$TMPD/up"
		fi
	done < "$TMPD/inc"
done < "$TMPD/files"
expect_eq "no #include goes up a floor" "" "$(cat "$TMPD/up")"

# The calls, from the built objects: where each function is defined, and
# which each object calls.
command -v nm > /dev/null || skip "nm (binutils) not installed"
: > "$TMPD/defs"
: > "$TMPD/uses"
nobj=0
for f in $FLOORS; do
	for o in "$BUILT/src/$f"/*.o; do
		[ -f "$o" ] || continue
		nobj=$((nobj + 1))
		nm --defined-only "$o" | awk -v f="$f" -v o="${o##*/}" \
		    '$2 ~ /^[TDBR]$/ { print $3, f, o }' >> "$TMPD/defs"
		nm -u "$o" | awk -v f="$f" -v o="${o##*/}" \
		    '{ print $NF, f, o }' >> "$TMPD/uses"
	done
done
check "the objects are built (more than 60)" test "$nobj" -gt 60
check "some object calls another floor's function" test -n "$(awk '
    NR == FNR { def[$1] = $2; next } ($1 in def) && def[$1] != $2' \
    "$TMPD/defs" "$TMPD/uses" | head -1)"
up=$(awk -v floors="$FLOORS" '
	BEGIN { n = split(floors, w, " "); for (i = 1; i <= n; i++) at[w[i]] = i }
	NR == FNR { def[$1] = $2; next }
	($1 in def) && at[def[$1]] > at[$2] {
		printf "%s/%s calls %s (%s)\n", $2, $3, $1, def[$1]
	}' "$TMPD/defs" "$TMPD/uses")
expect_eq "no call goes up a floor" "" "$up"

[ "$failures" -eq 0 ]
