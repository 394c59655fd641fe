#!/bin/sh
# Unsafe or invalid output: only addresses dc_url_ok() takes (http,
# https, ftp, mailto) become pointers
# (TEI ref/@target, JSON-LD isBasedOn, EPUB dc:source), others stay
# text; Unicode noncharacters reach no XML output (the web page, TEI,
# EPUB, TMX), which HTML validators refuse.
. "${top_srcdir:-.}/tests/lib.sh"
py="python3 $top_srcdir/tests/t_outsafe.py"
need unzip python3
export SOURCE_DATE_EPOCH=0

# ---- A javascript: address from a label line, and from a JSON urls
# entry beside an https one.
printf '标题：维尔莫的河岸\n链接：javascript:alert(1)\n\n维尔莫 塔林 凯萨 多 阿穆尔 维伦特。\n\n索拉斯 彭德罗 米拉特。\n' \
    >"$T/js.txt"
"$DOCCONV" -q --json -o "$T/js.json" "$T/js.txt" || fail "js.txt: --json exit $?"
$py add_url "$T/js.json" "$T/js2.json" || fail "editing js.json"
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
$py nonchar_txt "$T/nonchar.txt" || fail "writing nonchar.txt"
rm -rf "$T/o"
"$DOCCONV" -q --tei --epub --html --tmx -o "$T/o/" "$T/nonchar.txt" ||
    fail "nonchar.txt: exit $?"
mkdir "$T/o/x"
(cd "$T/o/x" && unzip -q ../nonchar.epub) || fail "nonchar.epub: unzip"
$py no_nonchar "$T/o" || fail "a noncharacter in an XML output"
pass
