#!/bin/sh
# Unsafe or invalid output: only http(s) addresses become pointers
# (TEI ref/@target, JSON-LD isBasedOn, EPUB dc:source), others stay
# text.
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
pass
