#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/build.sh: every library and tool configure.ac looks for has its
# Debian package in debian/control's Build-Depends (the tools only the
# tests use as <!nocheck>) and in .ci/bootstrap's lists, so a clean
# package build (sbuild, a buildd) does not stop at configure.  The map
# below names the package of each; a PKG_CHECK_MODULES, AC_SEARCH_LIBS or
# AC_PATH_PROG without an entry fails, and where dpkg knows the file
# (the .pc file, the library, the program) it must belong to that package.
# And the programs name no path of the build tree: run from it they find
# it beside themselves, copied elsewhere they look only where installed.
. "$SRCDIR/tests/lib.sh"

# NAME PACKAGE USE: USE is build (needed to build) or check (tests only).
MAP='ncursesw libncurses-dev build
libconfig libconfig-dev build
sqlite3 libsqlite3-dev build
libzip libzip-dev build
libxml-2.0 libxml2-dev build
cmocka libcmocka-dev check
unistring libunistring-dev build
csv libcsv-dev build
tmux tmux check
mandoc mandoc check
po4a po4a check'

ac="$SRCDIR/configure.ac"
# What configure.ac asks for: modules, libraries and programs.
modules=$(sed -n 's/^ *PKG_CHECK_MODULES(\[[A-Za-z0-9_]*\], *\[\([^] >]*\).*/\1/p' "$ac")
libs=$(sed -n 's/^ *AC_SEARCH_LIBS(\[[A-Za-z0-9_]*\], *\[\([^]]*\)\].*/\1/p' "$ac")
progs=$(sed -n 's/^ *AC_PATH_PROG(\[[A-Za-z0-9_]*\], *\[\([^]]*\)\].*/\1/p' "$ac")
expect_eq "configure.ac: PKG_CHECK_MODULES found" \
    "$(grep -c '^ *PKG_CHECK_MODULES(' "$ac")" "$(echo "$modules" | wc -w)"
expect_eq "configure.ac: AC_SEARCH_LIBS found" \
    "$(grep -c '^ *AC_SEARCH_LIBS(' "$ac")" "$(echo "$libs" | wc -l)"
expect_eq "configure.ac: AC_PATH_PROG found" \
    "$(grep -c '^ *AC_PATH_PROG(' "$ac")" "$(echo "$progs" | wc -w)"

# Build-Depends, one "package restriction" a line (restriction: build or
# check for <!nocheck>).
builddeps=$(awk '
	/^Build-Depends:/ { on = 1; sub(/^Build-Depends:/, "") }
	on && /^[A-Za-z-]+:/ && !/^Build-Depends:/ { on = 0 }
	on { print }' "$SRCDIR/debian/control" | tr ',' '\n' | awk '
	NF { use = $0 ~ /<!nocheck>/ ? "check" : "build"; print $1, use }')
# The words of a bash array NAME=( ... ) in .ci/bootstrap.
bootstrap() {
	awk -v n="$1" '
	    $0 ~ "^" n "=\\(" { on = 1; sub(/^[a-z_]*=\(/, "") }
	    on { line = $0; sub(/#.*/, "", line); end = line ~ /\)/
		 gsub(/[()]/, "", line); print line; if (end) exit }' \
	    "$SRCDIR/.ci/bootstrap" | tr -s ' \t' '\n' | sed '/^$/d'
}
base=$(bootstrap packages)
extra=$(bootstrap check_packages)

# owner FILE: the package dpkg says FILE belongs to, if it knows (the
# directory resolved, not the file: libfoo.so is a link into libfoo1).
owner() {
	command -v dpkg-query >/dev/null 2>&1 || return 0
	_f=$(readlink -f "$(dirname "$1")" 2>/dev/null)/$(basename "$1") ||
	    return 0
	dpkg-query -S "$_f" 2>/dev/null | sed -n '1s/[:,].*//p'
}
# file_of KIND NAME: the installed file that satisfies the check.
file_of() {
	case $1 in
	module) pkg-config --path "$2" 2>/dev/null ;;
	lib) _l=$(${CC:-cc} -print-file-name="lib$2.so" 2>/dev/null)
	    [ "$_l" != "lib$2.so" ] && echo "$_l" ;;
	prog) command -v "$2" 2>/dev/null ;;
	esac
}

for item in $(for m in $modules; do echo "module:$m"; done) \
    $(for l in $libs; do echo "lib:$l"; done) \
    $(for p in $progs; do echo "prog:$p"; done); do
	kind=${item%%:*} name=${item#*:}
	entry=$(printf '%s\n' "$MAP" | awk -v n="$name" '$1 == n')
	if [ -z "$entry" ]; then
		fail "$name ($kind): no package in tests/build.sh's map"
		continue
	fi
	set -- $entry
	pkg=$2 use=$3
	dep=$(printf '%s\n' "$builddeps" | awk -v p="$pkg" '$1 == p { print $2 }')
	if [ -z "$dep" ]; then
		fail "$name: $pkg in debian/control's Build-Depends"
	elif [ "$use" = build ] && [ "$dep" != build ]; then
		fail "$name: $pkg in Build-Depends without <!nocheck>"
	else
		[ "$dep" = check ] && dep=" <!nocheck>" || dep=
		pass "$name: $pkg in Build-Depends$dep"
	fi
	case $use in
	build) list=$base ;;
	*) list="$base $extra" ;;
	esac
	if printf '%s\n' $list | grep -qx -- "$pkg"; then
		pass "$name: $pkg in .ci/bootstrap"
	else
		fail "$name: $pkg in .ci/bootstrap ($use packages)"
	fi
	f=$(file_of "$kind" "$name")
	[ -n "$f" ] || continue
	o=$(owner "$f")
	[ -z "$o" ] || expect_eq "$name: $f is from $pkg" "$pkg" "$o"
done

# --- no path of the build tree in the programs ----------------------------
: "${BUILDDIR:?run through make check}"
if command -v objcopy >/dev/null 2>&1; then
	for p in parboard parboard-office parboard-test; do
		objcopy -O binary -j .rodata "$BUILDDIR/src/$p" "$TMPD/rodata"
		if grep -aqF -e "$BUILDDIR" -e "$SRCDIR" "$TMPD/rodata"; then
			fail "src/$p names no path of the build tree"
			grep -aoF -e "$BUILDDIR" -e "$SRCDIR" "$TMPD/rodata" |
			    sort -u | sed 's/^/  /'
		else
			pass "src/$p names no path of the build tree"
		fi
	done
fi
# Run from the build tree without the tests' variables (the README's
# `src/parboard --demo`): the samples and the catalogue of the tree.
printf 'dump\nq\n' > "$TMPD/demo.keys"
demo() {
	env -u PARBOARD_DATADIR -u PARBOARD_LOCALEDIR -u PARBOARD_OFFICE \
	    LANGUAGE=vi PARBOARD_KEYS="$TMPD/demo.keys" \
	    PARBOARD_DUMP="$TMPD/demo.out" TERM=xterm COLUMNS=80 LINES=24 \
	    "$1" --demo </dev/null 2>&1
}
out=$(demo "$BUILDDIR/src/parboard-test"); rc=$?
expect_eq "from the build tree: --demo runs" "0 " "$rc $out"
expect_match "from the build tree: its samples, in Vietnamese" \
    '^Xã Hiền Thành · Hôm nay 13/09/2023' "$(head -n 1 "$TMPD/demo.out")"
# A copy elsewhere looks only in the installed paths.
mkdir "$TMPD/bin"
cp "$BUILDDIR/src/parboard-test" "$TMPD/bin/"
out=$(demo "$TMPD/bin/parboard-test")
installed=$(sed -n 's/^#define PKGDATADIR "\(.*\)"$/\1/p' "$BUILDDIR/src/base/paths.h")
if [ -e "$installed/samples/hien-thanh-103-2023.txt" ]; then
	echo "# the samples are installed in $installed: no copy check"
else
	expect_match "a copy elsewhere: no build tree, English" \
	    "^parboard: bundled sample not found \\(looked in \\\$PARBOARD_DATADIR and $installed\\)" \
	    "$out"
fi
finish
