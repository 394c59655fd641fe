#!/bin/sh
# The markup layer (issue 24 items 8 and 11, issue 20 section 3):
# plain text that only looks like markup is never altered; a web
# export's markup is taken out, with a warning that says how much,
# unless --keep-markup; markup removal is linear in line length.
. "${top_srcdir:-.}/tests/lib.sh"
tools="python3 $top_srcdir/tests/tools.py"

# model FILE [OPTIONS]: the model's text lines in $T/tree.
model() {
	_f=$1
	shift
	"$DOCCONV" --dump-model "$@" "$_f" >"$T/tree" 2>"$T/err"
	rc=$?
	[ $rc -le 1 ] || fail "$_f: exit $rc: $(cat "$T/err")"
}
# has STRING: the model holds STRING as written.
has() {
	grep -qF -- "$1" "$T/tree" || fail "$what: '$1' lost: $(cat "$T/tree")"
}

# Plain text with things that look like Markdown: kept as written,
# and no warning about markup.
cat >"$T/plain.txt" <<'E'
The vorlin module starts in __init__ and counts its quabs.

It sizes the table as 2**10 + 3**3 slots, as note [1](2) says.

# of items is kept in the first slot of the table.

https://example.org/vorlin/
E
for opt in "" --input-format=plain; do
	what="plain text $opt"
	model "$T/plain.txt" $opt
	has "__init__"
	has "2**10 + 3**3"
	has "[1](2)"
	has "# of items"
	has "en: https://example.org/vorlin/"
	! grep -q "markup\|taken out" "$T/err" ||
	    fail "$what: a warning about markup: $(cat "$T/err")"
done

# A web export (Markdown with a link to an address): the markup goes,
# with a warning that counts it; --keep-markup keeps it as text.
cat >"$T/post.md" <<'E'
# Sorbel lantern night

The **lantern** walk of Sorbel starts at [the old mill](https://example.org/mill).

## Where to stand

> Bring a warm coat to the mill.
E
what="markdown post"
model "$T/post.md"
grep -q "WARNING: read as Markdown: [0-9]* tags, marks and fields taken out" \
    "$T/err" || fail "$what: no warning: $(cat "$T/err")"
! grep -q '\*\*\|\](https\|^[a-z ]*zh: >\|##' "$T/tree" ||
    fail "$what: markup left: $(cat "$T/tree")"
has "The lantern walk of Sorbel starts at the old mill."
what="markdown post --keep-markup"
model "$T/post.md" --keep-markup
has "**lantern**"
has "[the old mill](https://example.org/mill)"
grep -q "markup is kept (--keep-markup)" "$T/err" ||
    fail "$what: no warning: $(cat "$T/err")"

# One line of 1.2 MB of minified HTML converts in under 2 s (it took
# 85 s when each tag was replaced by a scan of the rest of the line).
# A YAML block scalar ("subtitle: >" and the indented lines under it)
# is the subtitle, not ">"; an exporter's field lines with Chinese keys
# ("关键词:", "作者:", "发表日期:") are fields like English ones.
cat >"$T/fold.md" <<'E'
---
title:     The Lanterns of Vorlin Quay
subtitle:  >
    Tides, ropes, and the night watch
layout:    post
---

The lanterns of Vorlin Quay are lit at dusk by the harbour keeper.
E
what="YAML block scalar"
model "$T/fold.md"
grep -q 'subtitle: Tides, ropes, and the night watch' "$T/tree" ||
    fail "$what: no subtitle: $(cat "$T/tree")"
! grep -q 'subtitle: >' "$T/tree" || fail "$what: '>' as the subtitle"
cat >"$T/kv.md" <<'E'
## 沃林码头的灯笼

关键词: lantern quay tide harbour

作者: 林岚

发表日期: 2021-03-04 10:00:00+08:00

沃林码头的灯笼每天黄昏由港口看守人点亮。
E
what="Chinese field lines"
model "$T/kv.md"
! grep -q '关键词' "$T/tree" || fail "$what: a key left in the text: $(cat "$T/tree")"
grep -q 'date: 2021-03-04' "$T/tree" || fail "$what: no date: $(cat "$T/tree")"

command -v python3 >/dev/null || skip "python3 not found"
python3 -c '
import sys
p = ["<div class=\"c%d\"><p>vorlin quab %d <a href=\"https://example.org/%d\">mill</a> &amp; lantern</p><span>x</span></div>" % (i, i, i) for i in range(12000)]
sys.stdout.write("<html><body>" + "".join(p) + "</body></html>\n")' >"$T/min.html"
what="minified HTML"
# Processor time, not wall time: the machine may be busy.  The
# sanitizers' checks make every step about ten times slower: there the
# limit is ten times as long (still far from the 85 s of before).
case "${ASAN_OPTIONS:-}${UBSAN_OPTIONS:-}" in
?*) limit=$((${MARKUP_SECONDS:-2} * 10)) ;;
*) limit=${MARKUP_SECONDS:-2} ;;
esac
cpu=$($tools cpu "$T/tree" 1 "$DOCCONV" -q --dump-model "$T/min.html")
[ "$cpu" != fail ] || fail "$what: docconv failed"
$tools below "$cpu" "$limit" ||
    fail "$what: took $cpu s of processor time"
! grep -q '<p>\|&amp;\|href' "$T/tree" || fail "$what: markup left"
has "vorlin quab 11999 mill & lantern"
pass
