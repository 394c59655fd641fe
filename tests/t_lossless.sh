#!/bin/sh
# No text lost: every letter, digit and Han character of each golden
# input, example and TEI test input is in its TEI (tests/t_lossless.py),
# markup and label words aside.
. "${top_srcdir:-.}/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 not found"
python3 "$top_srcdir/tests/t_lossless.py" "$DOCCONV" "$T" \
    "$top_srcdir"/tests/golden/*/*.txt "$top_srcdir"/examples/*.txt \
    "$top_srcdir"/tests/data/tei/*.txt >"$T/out" 2>&1 ||
    fail "$(head -20 "$T/out")"
tail -1 "$T/out"
pass
