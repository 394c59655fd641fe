#!/bin/sh
# Unsafe or invalid output: only http(s) addresses become pointers
# (TEI ref/@target, JSON-LD isBasedOn, EPUB dc:source), others stay
# text; Unicode noncharacters reach no XML output (the web page, TEI,
# EPUB, TMX), which HTML validators refuse.
. "${top_srcdir:-.}/tests/lib.sh"
need unzip python3
export SOURCE_DATE_EPOCH=0

# ---- A javascript: address from a label line, and from a JSON urls
# entry beside an https one.
printf '标题：维尔莫的河岸\n链接：javascript:alert(1)\n\n维尔莫 塔林 凯萨 多 阿穆尔 维伦特。\n\n索拉斯 彭德罗 米拉特。\n' \
    >"$T/js.txt"
"$DOCCONV" -q --json -o "$T/js.json" "$T/js.txt" || fail "js.txt: --json exit $?"
python3 - "$T/js.json" "$T/js2.json" <<'PY' || fail "editing js.json"
import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
assert d['meta']['urls'] == ['javascript:alert(1)'], d['meta']
d['meta']['urls'].append('https://example.org/velmo')
json.dump(d, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False)
PY
for f in js.txt js2.json; do
	rm -rf "$T/o"
	"$DOCCONV" -q --tei --epub --html -o "$T/o/" "$T/$f" ||
	    fail "$f: exit $?"
	b=${f%.*}
	grep -q 'target="javascript' "$T/o/$b.tei.xml" &&
	    fail "$f: javascript: as a TEI target"
	grep -q 'javascript:alert(1)' "$T/o/$b.tei.xml" ||
	    fail "$f: the address is not kept as text in the TEI"
	grep -q '"isBasedOn": "javascript' "$T/o/$b.html" &&
	    fail "$f: javascript: as JSON-LD isBasedOn"
	unzip -p "$T/o/$b.epub" '*.opf' | grep -q '<dc:source[^>]*>javascript' &&
	    fail "$f: javascript: as an EPUB dc:source"
done
grep -q 'target="https://example.org/velmo"' "$T/o/js2.tei.xml" ||
    fail "js2.json: the https address is no TEI target"
grep -q '"isBasedOn": "https://example.org/velmo"' "$T/o/js2.html" ||
    fail "js2.json: the https address is not isBasedOn"
unzip -p "$T/o/js2.epub" '*.opf' |
    grep -q '<dc:source id="source-1">https://example.org/velmo<' ||
    fail "js2.json: the https address is not the EPUB's dc:source"
# ---- Noncharacters: U+FDD0, U+FDEF, U+1FFFE, U+10FFFF in the text and
# a title.
python3 - "$T/nonchar.txt" <<'PY' || fail "writing nonchar.txt"
import sys
t = ('Velmo\ufdd0 Tarin\n\nKessa dor\ufdef amul \U0001fffevirent, solas '
     'pendro \U0010ffffmilat.\n\nAmul virent kessa dor tarin.\n')
open(sys.argv[1], 'w', encoding='utf-8').write(t)
PY
rm -rf "$T/o"
"$DOCCONV" -q --tei --epub --html --tmx -o "$T/o/" "$T/nonchar.txt" ||
    fail "nonchar.txt: exit $?"
mkdir "$T/o/x"
(cd "$T/o/x" && unzip -q ../nonchar.epub) || fail "nonchar.epub: unzip"
python3 - "$T/o" <<'PY' || fail "a noncharacter in an XML output"
import os, re, sys
bad = re.compile('[\ufdd0-\ufdef\ufffe\uffff\U0001fffe\U0001ffff\U0010fffe\U0010ffff]')
n = 0
for d, _, fs in os.walk(sys.argv[1]):
    for f in fs:
        if not re.search(r'\.(html|xhtml|xml|opf|tmx|ncx)$', f):
            continue
        n += 1
        t = open(os.path.join(d, f), encoding='utf-8').read()
        m = bad.search(t)
        assert m is None, '%s: U+%04X' % (f, ord(m.group()))
assert n >= 4, n
assert 'Velmo Tarin' in open(os.path.join(sys.argv[1], 'nonchar.html'),
                             encoding='utf-8').read()
PY
pass
