#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/style.sh: no source file over 800 lines and no function over 80.
# A function runs from its opening brace at column 0 to its closing brace
# at column 0, both counted.  An exception carries its reason in the file:
#   /* size: <reason> */   anywhere in a file over 800 lines;
#   /* long: <reason> */   in the block of lines (comment and signature,
#                          no blank line) right before a long function.
# Until their owners add a reason or split them, the exceptions listed in
# tests/style-allow.txt ("FILE - reason" for a file, "FILE FUNCTION
# reason" for a function) pass too; an entry no longer needed fails, so
# the list only shrinks.
. "$SRCDIR/tests/lib.sh"

MAX_FILE=800
MAX_FUNC=80
ALLOW="$SRCDIR/tests/style-allow.txt"

# One line per breach without an in-file reason: "FILE - LINES" for a
# file, "FILE FUNCTION LINES" for a function.
breaches() {
	for f in "$SRCDIR"/src/*/*.c "$SRCDIR"/src/*/*.h; do
		[ -f "$f" ] || continue
		awk -v file="${f#"$SRCDIR"/}" -v maxf="$MAX_FILE" \
		    -v maxfn="$MAX_FUNC" '
		/\/\* size: [^ ].*\*\// { sized = 1 }
		/^$/ { block = ""; next }
		inside == 0 && /^\{/ {
			inside = 1; start = NR
			long = block ~ /\/\* long: [^ ]/
			name = block; sub(/\(.*/, "", name)
			n = split(name, w, /[ \t*\n]+/); name = w[n]
			next
		}
		inside == 1 && /^\}/ {
			inside = 0; block = ""
			if (NR - start + 1 > maxfn && !long)
				print file, name, NR - start + 1
			next
		}
		inside == 0 { block = block "\n" $0 }
		inside == 0 && /(;|\})[ \t]*$/ && !/^[ \t]*(\/\*|\*)/ {
			block = ""
		}
		END { if (NR > maxf && !sized) print file, "-", NR }
		' "$f"
	done
}

breaches > "$TMPD/breaches"
if [ -f "$ALLOW" ]; then
	grep -v '^#' "$ALLOW" | grep -v '^[[:space:]]*$' > "$TMPD/allow"
else
	: > "$TMPD/allow"
fi

# Each allow-list entry must give a reason.
bad=$(awk 'NF < 3 { printf " %s", $0 }' "$TMPD/allow")
expect_eq "every entry of tests/style-allow.txt gives a reason" "" "$bad"

while read -r file name lines; do
	if [ "$name" = - ]; then what="$file: $lines lines (over $MAX_FILE)"
	else what="$file: $name() $lines lines (over $MAX_FUNC)"; fi
	if awk -v f="$file" -v n="$name" '$1 == f && $2 == n { found = 1 }
	    END { exit !found }' "$TMPD/allow"; then
		pass "$what, allowed in tests/style-allow.txt"
	else
		fail "$what: split it or give a reason" \
		    "(/* size: ... */ or /* long: ... */)"
	fi
done < "$TMPD/breaches"

# An entry that no longer matches a breach goes.
while read -r file name reason; do
	if awk -v f="$file" -v n="$name" '$1 == f && $2 == n { found = 1 }
	    END { exit !found }' "$TMPD/breaches"; then :
	else
		fail "tests/style-allow.txt: $file $name is within the" \
		    "limits now (or gone): remove the entry"
	fi
done < "$TMPD/allow"

# The measure itself: a function of 81 lines is caught, one of 80 is not,
# and a reason lets it pass; the same for a file of 801 lines.
mkdir -p "$TMPD/src/t"
{ printf 'static int\nbig(void)\n{\n'
  i=0; while [ $i -lt 79 ]; do printf '\tx();\n'; i=$((i + 1)); done
  printf '}\n'; } > "$TMPD/src/t/big.c"
{ printf 'static int\nfit(void)\n{\n'
  i=0; while [ $i -lt 78 ]; do printf '\tx();\n'; i=$((i + 1)); done
  printf '}\n'; } > "$TMPD/src/t/fit.c"
{ printf '/* long: a test */\n'; cat "$TMPD/src/t/big.c"; } \
    > "$TMPD/src/t/reason.c"
awk 'BEGIN { for (i = 0; i < 801; i++) print "int x;" }' \
    > "$TMPD/src/t/huge.h"
{ printf '/* size: a test */\n'; head -n 800 "$TMPD/src/t/huge.h"; } \
    > "$TMPD/src/t/sized.h"
head -n 800 "$TMPD/src/t/huge.h" > "$TMPD/src/t/full.h"
got=$(SRCDIR="$TMPD" breaches | sort | tr '\n' ' ')
expect_eq "the measure: 81 lines caught, 80 and a reasoned one not" \
    "src/t/big.c big 81 src/t/huge.h - 801 " "$got"

finish
