#!/bin/sh
# The source's shape (issue 22): no circle between source files (the
# objects' symbols, from nm, as a file-level call graph), designated
# initialisers for every table indexed by an enum; see tests/t_source.py.
. "${top_srcdir:-.}/tests/lib.sh"
need nm python3
python3 "$top_srcdir/tests/t_source.py" "$top_srcdir" "$top_builddir" "$T" ||
    fail "the source's shape"
pass
