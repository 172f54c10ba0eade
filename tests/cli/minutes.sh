. "$SRCDIR/tests/lib.sh"
finish
