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
jing "$TEI_SCHEMA" "$@" >"$T/jing.out" 2>&1 || {
	cat "$T/jing.out" >&2
	fail "jing: TEI not valid against $TEI_SCHEMA"
}
# jing exits 0 only without errors, but be sure nothing was reported.
[ ! -s "$T/jing.out" ] || fail "jing reported: $(cat "$T/jing.out")"

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
# The HTML tag is web markup (removed, its text kept: here the title's,
# by its label); brackets that are no HTML stay text.
all=$(xmllint --nonet --xpath 'string(/*)' "$T/sp.tei.xml")
case $all in
*'alert("x") & ]]> 测试'*) ;;
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

# Traditional Chinese is tagged zh-Hant (text, header, langUsage) and
# reads back as Traditional; Simplified stays zh.
trad="$top_srcdir/tests/golden/plain/frontmatter-traditional.txt"
"$DOCCONV" -q --tei -o "$T/trad.xml" "$trad" || fail "traditional: exit $?"
grep -q '<language ident="zh-Hant">' "$T/trad.xml" || fail "traditional: no zh-Hant in langUsage"
grep -q 'xml:lang="zh"' "$T/trad.xml" && fail "traditional: zh without the script"
"$DOCCONV" -q --dump-model -o - "$T/trad.xml" | grep -q '^meta zh script: Hant$' ||
    fail "traditional: zh-Hant not read back"
"$DOCCONV" -q --tei -o "$T/simp.xml" "$top_srcdir/examples/news-report.zh.txt" ||
    fail "simplified: exit $?"
grep -q 'zh-Hant' "$T/simp.xml" && fail "simplified text tagged zh-Hant"

# Same input twice: the same bytes; another epoch: another date only.
for f in "$top_srcdir"/examples/*.txt; do
	"$DOCCONV" -q --tei -o "$T/a.xml" "$f" || fail "$f: exit $?"
	"$DOCCONV" -q --tei -o "$T/b.xml" "$f" || fail "$f: exit $?"
	cmp "$T/a.xml" "$T/b.xml" || fail "$f: two runs differ"
	grep -q '<date when="2020-11-10">2020-11-10</date>' "$T/a.xml" ||
	    fail "$f: SOURCE_DATE_EPOCH not the publication date"
done
pass
