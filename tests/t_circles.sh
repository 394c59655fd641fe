#!/bin/sh
# No circle between source files (issue 22): tests/callgraph.py reads
# the objects' defined and undefined symbols (nm) as a file-level call
# graph, and a file that calls another which calls it back, directly
# or round a longer loop, fails, naming the symbols of each edge.
# A tiny pair of objects that call each other must be found.
. "${top_srcdir:-.}/tests/lib.sh"
need nm python3 cc
S=$top_srcdir/tests
set -- "$top_builddir"/src/*.o
[ -f "$1" ] || fail "no objects in $top_builddir/src: build first"
python3 "$S/callgraph.py" "$@" >"$T/out" 2>&1 ||
    fail "circles between source files: $(cat "$T/out")"
# The check itself: a.c -> b.c -> a.c is a circle.
printf 'void b(void);\nvoid a(void){b();}\n' >"$T/a.c"
printf 'void a(void);\nvoid b(void){a();}\n' >"$T/b.c"
(cd "$T" && cc -c a.c b.c) || fail "cc"
! python3 "$S/callgraph.py" "$T/a.o" "$T/b.o" >"$T/out2" 2>&1 ||
    fail "callgraph.py missed a circle"
grep -q "circle: a.c b.c" "$T/out2" || fail "$(cat "$T/out2")"
pass
