# SPDX-License-Identifier: ISC
# Configuration: overrides, custom roles, errors with FILE:LINE.
. "$SRCDIR/tests/lib.sh"

conf="$TMPD/parboard.conf"
cat > "$conf" <<'CONF'
deadline = "2023-11-15";
roles = (
  { id = "VP-TK"; name = "Văn phòng – Thống kê"; match = [ "văn phòng" ]; deadline = "2023-10-20"; },
  { id = "TN-TKQ"; name = "Một cửa"; match = [ "tiếp nhận và trả kết quả" ]; },
  { id = "CA"; name = "Công an xã"; match = [ "công an" ]; }
);
criteria = ( { code = "3.12.1"; deadline = "2023-10-05"; } );
CONF
"$PARBOARD" -c "$conf" -d "$DB" import --past-due "$SEED" >/dev/null 2>&1; expect_eq "import with a custom config" 0 "$?"
tsv=$("$PARBOARD" -c "$conf" -d "$DB" list --format tsv)
due() { printf '%s\n' "$tsv" | awk -F'\t' -v c="$1" '$2 == c && $8 == "appendix" { print $3 " " $6 }'; }
expect_eq "per-criterion deadline" "TN-TKQ 2023-10-05" "$(due 3.12.1)"
expect_eq "per-role deadline" "VP-TK 2023-10-20" "$(due 1.1.3)"
expect_eq "the letter's deadline before the config's default" \
	"TN-TKQ 2023-10-31" "$(due 3.12.2)"
expect_eq "text naming no configured role is unassigned" "CHUA-GIAO 2023-10-31" "$(due 1.4.1)"
# A table without a letter: the config's default deadline.
"$PARBOARD" -c "$conf" -d "$TMPD/bare.db" import --past-due "$DATA/appendix-crlf.tsv" >/dev/null 2>&1
expect_eq "default deadline from the config (no letter)" "2023-11-15" \
	"$("$PARBOARD" -c "$conf" -d "$TMPD/bare.db" list --format tsv | awk -F'\t' '$2 == "3.12.2" { print $6 }')"

# $PARBOARD_CONFIG is used when -c is not given.
PARBOARD_CONFIG="$conf" "$PARBOARD" -d "$DB" list --role VP-TK >/dev/null
expect_eq "\$PARBOARD_CONFIG is read" 0 "$?"

printf 'deadline = "2023-10-31";\nwarn_days = = 7;\nroles = ();\n' > "$TMPD/syntax.conf"
err=$("$PARBOARD" -c "$TMPD/syntax.conf" -d "$DB" list 2>&1); rc=$?
expect_eq "syntax error: exit 1" 1 "$rc"
expect_match "syntax error: FILE:LINE" "^parboard: $TMPD/syntax.conf:[23]: " "$err"

printf 'criteria = (\n  { code = "1.7"; role = "NOPE"; deadline = "2023-10-01"; }\n);\n' > "$TMPD/role.conf"
err=$("$PARBOARD" -c "$TMPD/role.conf" -d "$DB" list 2>&1); rc=$?
expect_eq "unknown role in an override: exit 1" 1 "$rc"
expect_match "unknown role in an override: FILE:LINE" "$TMPD/role.conf:2: .*NOPE" "$err"

"$PARBOARD" -c "$TMPD/missing.conf" list >/dev/null 2>&1
expect_eq "a named config that does not exist: exit 1" 1 "$?"

# The database path comes from the config when -d is absent, and its
# directory is created.
printf 'database = "%s/deep/dir/pb.db";\n' "$TMPD" > "$TMPD/db.conf"
"$PARBOARD" -c "$TMPD/db.conf" import --past-due "$SEED" >/dev/null 2>&1
check "database path from the config, directory created" test -s "$TMPD/deep/dir/pb.db"
# ... and from XDG_DATA_HOME when neither says.
"$PARBOARD" import --past-due "$SEED" >/dev/null 2>&1
check "default database under \$XDG_DATA_HOME" test -s "$XDG_DATA_HOME/parboard/parboard.db"

# The shipped configuration loads and gives the same tasks as the defaults.
a=$("$PARBOARD" -c "$BUILDDIR/share/parboard.conf" -d "$TMPD/a.db" import --past-due "$SEED" 2>/dev/null; "$PARBOARD" -d "$TMPD/a.db" list --format tsv)
b=$("$PARBOARD" -d "$TMPD/b.db" import --past-due "$SEED" 2>/dev/null; "$PARBOARD" -d "$TMPD/b.db" list --format tsv)
expect_eq "shipped config = built-in defaults" "$b" "$a"
# A configuration saved by Notepad starts with a byte order mark.
printf '\357\273\277deadline = "2023-11-20";\n' > "$TMPD/bom.conf"
"$PARBOARD" -c "$TMPD/bom.conf" -d "$TMPD/bom.db" import --past-due "$DATA/appendix-crlf.tsv" >/dev/null 2>&1
expect_eq "a config with a UTF-8 BOM loads" 2023-11-20 \
	"$("$PARBOARD" -c "$TMPD/bom.conf" -d "$TMPD/bom.db" list --format tsv | awk -F'\t' '$2 == "1.7" { print $6 }')"
printf '\357\273\277deadline = "2023-11-20";\nwarn_days = = 1;\n' > "$TMPD/bom2.conf"
err=$("$PARBOARD" -c "$TMPD/bom2.conf" -d "$TMPD/bom.db" list 2>&1)
expect_match "a BOM config's syntax error keeps FILE:LINE" "bom2.conf:2: " "$err"
finish
