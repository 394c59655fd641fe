#!/bin/sh
# TEI output: every example and test input gives TEI that jing finds
# valid against tei_all; markup characters and control characters give
# well-formed, valid TEI; the same input twice gives the same bytes.
. "${top_srcdir:-.}/tests/lib.sh"

[ -n "$TEI_SCHEMA" ] || skip "no TEI schema configured (configure --with-tei-schema=PATH)"
[ -f "$TEI_SCHEMA" ] || skip "TEI schema $TEI_SCHEMA is missing"
command -v xmllint >/dev/null 2>&1 || skip "xmllint not installed (libxml2-utils)"
JING_JAR=${JING_JAR:-/usr/share/java/jing.jar}
if [ -f "$JING_JAR" ] && command -v java >/dev/null 2>&1; then
	jing() { java -jar "$JING_JAR" "$@"; }
elif ! command -v jing >/dev/null 2>&1; then
	skip "jing not installed"
fi

SOURCE_DATE_EPOCH=1605000000
export SOURCE_DATE_EPOCH

# Convert every input; validate them all in one jing run (the JVM and
# the schema load once).
n=0
set --
for f in "$top_srcdir"/examples/*.txt "$top_srcdir"/tests/golden/*/*.txt \
    "$top_srcdir"/tests/data/tei/*.txt "$top_srcdir"/tests/data/tei/*.tei.xml; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	out="$T/$n-$(basename "${f%.txt}")"
	out="${out%.tei.xml}.tei.xml"
	"$DOCCONV" -q --tei -o "$out" "$f" ||
	    fail "$f: docconv --tei exit status $?"
	[ -s "$out" ] || fail "$f: no TEI written"
	xmllint --noout --nonet "$out" || fail "$f: TEI not well-formed"
	set -- "$@" "$out"
done
[ $n -ge 3 ] || fail "only $n inputs found under $top_srcdir"
# Two-file input (the bilingual example split, and with a paragraph
# merged and one split: 2-1 and 1-2 beads) is valid too.
ex=$top_srcdir/examples/speech-bilingual.zh-en.txt
if command -v python3 >/dev/null 2>&1; then
	mkdir -p "$T/two"
	python3 "$top_srcdir/tests/split_bilingual.py" "$ex" "$T/two/zh.txt" \
	    "$T/two/en.txt" || fail "split_bilingual.py"
	k=$(($(grep -c . "$T/two/en.txt") / 2))
	python3 "$top_srcdir/tests/split_bilingual.py" "$ex" "$T/two/zh.txt" \
	    "$T/two/en2.txt" --merge $k --split 0 || fail "split_bilingual.py"
	for e in en en2; do
		"$DOCCONV" -q "$T/two/zh.txt" --translation "$T/two/$e.txt" \
		    --tei -o "$T/two-$e.tei.xml" || fail "two files: exit $?"
		set -- "$@" "$T/two-$e.tei.xml"
	done
fi
jing "$TEI_SCHEMA" "$@" >"$T/jing.out" 2>&1 || {
	cat "$T/jing.out" >&2
	fail "jing: TEI not valid against $TEI_SCHEMA"
}
# jing exits 0 only without errors, but be sure nothing was reported.
[ ! -s "$T/jing.out" ] || fail "jing reported: $(cat "$T/jing.out")"

# Stand-off alignment: in every bilingual TEI a linkGrp of type
# translation whose links each point at existing elements of both
# languages, and cover every pair: each block with text in both
# languages, each header type with lines in both; a 2-1 or 1-2 bead's
# link names each of its paragraphs (seg type="part").  The body's
# links are the same whether the text came interleaved or as two
# files: the ids come from the text's positions.
if command -v python3 >/dev/null 2>&1; then
	python3 - "$@" <<'PY' || fail "linkGrp"
import re
import sys
import xml.etree.ElementTree as ET
X = '{http://www.w3.org/XML/1998/namespace}id'
T = '{http://www.tei-c.org/ns/1.0}'
bad = 0
def fail(m):
    global bad
    print('FAIL: ' + m)
    bad = 1
bodies = {}
nlinked = 0
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    ids = {e.get(X): e for e in root.iter() if e.get(X)}
    groups = [g for g in root.iter(T + 'linkGrp')
              if g.get('type') == 'translation']
    texts = {e.get(X) for e in root.iter(T + 'text') if e.get(X)}
    if len(texts) < 2:
        if groups:
            fail('%s: links in a text of one language' % path)
        continue
    if len(groups) != 1:
        fail('%s: %d linkGrp type=translation' % (path, len(groups)))
        continue
    linked = set()
    body = []
    for l in groups[0].iter(T + 'link'):
        tg = l.get('target', '').split()
        for t in tg:
            if not t.startswith('#') or t[1:] not in ids:
                fail('%s: link to %s, no such id' % (path, t))
            linked.add(t[1:])
        if {t[1:3] for t in tg} != {'zh', 'en'}:
            fail('%s: link %s is not of both languages' % (path, tg))
        if all('-b' in t for t in tg):
            body.append(' '.join(tg))
    nlinked += len(linked)
    def covered(k):
        """The element, or each of its paragraphs (LANG-bN-K), linked."""
        return k in linked or k + '-1' in linked
    for k in ids:
        if re.fullmatch(r'zh-b\d+', k) and 'en-' + k[3:] in ids:
            if not covered(k) or not covered('en-' + k[3:]):
                fail('%s: the pair %s is in no link' % (path, k[3:]))
    # A paragraph of a 2-1 or 1-2 bead has its own id, and is linked.
    for k in ids:
        if re.fullmatch(r'(zh|en)-b\d+-\d+', k) and k not in linked:
            fail('%s: the bead paragraph %s is in no link' % (path, k))
    if path.endswith('two-en2.tei.xml'):
        many = [l for l in body if len(l.split()) > 2]
        if len(many) != 2:
            fail('%s: %d links of a 2-1 or 1-2 bead, not 2: %s' %
                 (path, len(many), many))
    # Header lines of a type in both languages: linked.
    kinds = {}
    for k, e in ids.items():
        if k[2:4] == '-h':
            kinds.setdefault(e.get('ana'), set()).add(k[:2])
    for k, e in ids.items():
        if k[2:4] == '-h' and kinds[e.get('ana')] == {'zh', 'en'} and \
                e.get('ana') != '#dc-frontmatter' and k not in linked:
            fail('%s: header line %s (%s) in no link' % (path, k,
                                                        e.get('ana')))
    bodies[path] = body
one = [p for p in bodies if p.endswith('speech-bilingual.zh-en.tei.xml')]
two = [p for p in bodies if p.endswith('two-en.tei.xml')]
if one and two and bodies[one[0]] != bodies[two[0]]:
    fail('the body links differ between the interleaved and two files')
if nlinked == 0:
    fail('no links at all')
sys.exit(bad)
PY
fi

# Markup and control characters: escaped or dropped, with a warning,
# never lost text around them.
sp="$top_srcdir/tests/data/tei/special.zh-en.txt"
"$DOCCONV" --tei -o "$T/sp.tei.xml" "$sp" 2>"$T/sp.err" ||
    fail "special characters: exit status $?"
grep -q "control character removed: [0-9]* in all" "$T/sp.err" ||
    fail "no warning about control characters: $(cat "$T/sp.err")"
xmllint --noout --nonet "$T/sp.tei.xml" || fail "special: not well-formed"
txt=$(xmllint --nonet --xpath 'string(//*[local-name()="text"])' \
    "$T/sp.tei.xml")
# The HTML element is web markup, read by the HTML parser: a script's
# content is code, not text, and goes with it; the title keeps the text
# around it, by its label.  Brackets that are no HTML stay text.
all=$(xmllint --nonet --xpath 'string(/*)' "$T/sp.tei.xml")
case $all in
*'alert('*) fail "special: a script's code left in the TEI" ;;
esac
case $all in
*'& ]]> 测试'*) ;;
*) fail "special: the title's text is not in the TEI" ;;
esac
case $all in
*'<script>'*) fail "special: HTML markup left in the TEI" ;;
esac
for s in '<guests> & "friends" ]]>' '<标签> 与 & 符号，以及 ]]>' \
    "'单引号'" '"double" '"'single'"' quotes.' '控制字符在这里结束。'; do
	case $txt in
	*"$s"*) ;;
	*) fail "special: text '$s' not in the TEI text" ;;
	esac
done
if LC_ALL=C grep -q "$(printf '[\001-\010\013\014\016-\037]')" "$T/sp.tei.xml"; then
	fail "special: control characters in the TEI"
fi

# Traditional Chinese is tagged zh-TW (text, header, langUsage) and
# reads back as Traditional; Simplified is zh-CN: the codes the TMX
# gives translation tools, the same in every output.
trad="$top_srcdir/tests/golden/plain/frontmatter-traditional.txt"
"$DOCCONV" -q --tei -o "$T/trad.xml" "$trad" || fail "traditional: exit $?"
grep -q '<language ident="zh-TW">' "$T/trad.xml" || fail "traditional: no zh-TW in langUsage"
grep -q 'xml:lang="zh"' "$T/trad.xml" && fail "traditional: zh without the script"
"$DOCCONV" -q --dump-model -o - "$T/trad.xml" | grep -q '^meta zh script: Hant$' ||
    fail "traditional: zh-Hant not read back"
"$DOCCONV" -q --tei -o "$T/simp.xml" "$top_srcdir/examples/news-report.zh.txt" ||
    fail "simplified: exit $?"
grep -q 'zh-TW\|zh-Hant' "$T/simp.xml" && fail "simplified text tagged Traditional"
grep -q 'xml:lang="zh"' "$T/simp.xml" && fail "simplified: zh without the region"
grep -q '<language ident="zh-CN">' "$T/simp.xml" || fail "simplified: no zh-CN in langUsage"

# Same input twice: the same bytes; another epoch: another date only.
for f in "$top_srcdir"/examples/*.txt; do
	"$DOCCONV" -q --tei -o "$T/a.xml" "$f" || fail "$f: exit $?"
	"$DOCCONV" -q --tei -o "$T/b.xml" "$f" || fail "$f: exit $?"
	cmp "$T/a.xml" "$T/b.xml" || fail "$f: two runs differ"
	grep -q '<date when="2020-11-10">2020-11-10</date>' "$T/a.xml" ||
	    fail "$f: SOURCE_DATE_EPOCH not the publication date"
done
# More than 4 KB before the root (xml-model, a licence comment): still
# TEI, read as the same model.
r=$top_srcdir/tests/data/tei/roles.tei.xml
{
	head -1 "$r"
	echo '<?xml-model href="http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>'
	echo '<!--'
	i=0
	while [ $i -lt 100 ]; do
		echo 'Velmo tarin kessa dor amul virent, solas pendro milat.'
		i=$((i + 1))
	done
	echo '-->'
	tail -n +2 "$r"
} >"$T/prolog.xml"
[ "$(wc -c <"$T/prolog.xml")" -gt $(($(wc -c <"$r") + 4096)) ] ||
    fail "the prolog is not over 4 KB"
"$DOCCONV" -q --dump-model "$r" >"$T/plain.tree" || fail "$r: exit $?"
"$DOCCONV" -q --dump-model "$T/prolog.xml" >"$T/prolog.tree" ||
    fail "a long prolog: exit $?"
cmp -s "$T/plain.tree" "$T/prolog.tree" ||
    fail "a TEI file with a long prolog is not read as TEI: $(head -3 "$T/prolog.tree")"
# Two languages without a single pair (a Chinese paragraph, then an
# English one that is not its translation): no empty linkGrp, which
# tei_all refuses, and no note promising one.
printf '维尔莫 塔林 凯萨 多 阿穆尔 维伦特。\n\nVelmo tarin kessa dor amul virent solas pendro milat.\n' \
    >"$T/nopair.txt"
"$DOCCONV" -q --tei -o "$T/nopair.tei.xml" "$T/nopair.txt" ||
    fail "no pair: exit $?"
grep -q 'xml:lang="en"' "$T/nopair.tei.xml" || fail "no pair: no English text"
grep -q "linkGrp" "$T/nopair.tei.xml" && fail "no pair: a linkGrp without links"
jing "$TEI_SCHEMA" "$T/nopair.tei.xml" >"$T/jing.out" 2>&1 &&
    [ ! -s "$T/jing.out" ] || fail "no pair: not valid: $(cat "$T/jing.out")"
# A control character given as a reference (XML holds DEL, C1 and CR
# so): removed with a warning, as the text reader removes it, so the
# model read back from JSON is the same.
sed 's|清晨，河滩上|清晨\&#x85;，河滩\&#13;上\&#x7f;|' "$r" >"$T/ctl.xml"
grep -q '#x85' "$T/ctl.xml" || fail "the edit did nothing"
"$DOCCONV" --json -o "$T/ctl.json" "$T/ctl.xml" 2>"$T/ctl.msgs" ||
    fail "TEI with control references: exit $?"
grep -q "ctl.xml:[0-9]*: WARNING: control character removed: 3 in all" \
    "$T/ctl.msgs" || fail "TEI with control references: $(cat "$T/ctl.msgs")"
"$DOCCONV" -q --json -o "$T/ctl2.json" "$T/ctl.json" &&
    cmp -s "$T/ctl.json" "$T/ctl2.json" ||
    fail "TEI with control references: JSON -> model -> JSON differs"
pass
