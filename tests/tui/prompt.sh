#!/bin/sh
. "$SRCDIR/tests/lib.sh"
finish
