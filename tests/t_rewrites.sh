#!/bin/sh
# Every golden input rewritten the ways real files differ (line ends,
# BOM, GB18030, trailing white space, dateline spacing, <br> spellings,
# token separators, clause per line) keeps its document: the same
# blocks, roles, kinds, texts and metadata (tests/t_rewrites.py).  A
# control (the last line cut) must change it.
. "${top_srcdir:-.}/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 not found"
python3 "$top_srcdir/tests/t_rewrites.py" "$DOCCONV" \
    "$top_srcdir/tests/golden" "$T" >"$T/out" 2>&1 ||
    fail "$(grep -v '^ ' "$T/out" | head -20)"
tail -1 "$T/out"
pass
