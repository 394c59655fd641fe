#!/bin/sh
# TEI round trip: text -> TEI -> --dump-model is text -> --dump-model,
# text -> TEI -> TEI is byte for byte text -> TEI; and the TEI header
# holds the examples' metadata (titles per language, date, place,
# speaker and role, news dateline and byline).
. "${top_srcdir:-.}/tests/lib.sh"

command -v xmllint >/dev/null 2>&1 || skip "xmllint not installed (libxml2-utils)"
SOURCE_DATE_EPOCH=1605000000
export SOURCE_DATE_EPOCH

n=0
for f in "$top_srcdir"/examples/*.txt "$top_srcdir"/tests/golden/*/*.txt \
    "$top_srcdir"/tests/data/tei/*.txt; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	b="$T/$n"
	"$DOCCONV" -q --dump-model "$f" >"$b.txt.tree" ||
	    fail "$f: --dump-model exit status $?"
	"$DOCCONV" -q --tei -o "$b.tei.xml" "$f" ||
	    fail "$f: --tei exit status $?"
	"$DOCCONV" -q --dump-model "$b.tei.xml" >"$b.tei.tree" ||
	    fail "$f: reading its TEI: exit status $?"
	diff -u "$b.txt.tree" "$b.tei.tree" ||
	    fail "$f: the model read from TEI differs"
	"$DOCCONV" -q --tei -o "$b.tei2.xml" "$b.tei.xml" ||
	    fail "$f: TEI to TEI: exit status $?"
	cmp "$b.tei.xml" "$b.tei2.xml" || fail "$f: TEI to TEI differs"
done
[ $n -ge 3 ] || fail "only $n inputs found under $top_srcdir"

# docconv TEI as input (a lead that ends inside a token of the second
# sentence: s and w in parts): read, written again, the same bytes.
for f in "$top_srcdir"/tests/data/tei/*.tei.xml; do
	[ -f "$f" ] || continue
	"$DOCCONV" -q --tei -o "$T/again.tei.xml" "$f" ||
	    fail "$f: exit status $?"
	cmp "$f" "$T/again.tei.xml" || fail "$f: TEI to TEI differs"
done
f="$top_srcdir/tests/data/tei/split-lead.tei.xml"
"$DOCCONV" -q --dump-model "$f" >"$T/again.tree" ||
    fail "$f: --dump-model exit status $?"
grep -q 'lead=\[第二，加强合作，构建共同\]' "$T/again.tree" ||
    fail "split-lead.tei.xml: lead not read: $(cat "$T/again.tree")"
grep -q 's: 构建 共同体 |。' "$T/again.tree" ||
    fail "split-lead.tei.xml: split token not joined"

# Foreign TEI is refused with a clear message, never read half.
cat >"$T/other.tei.xml" <<'TEI'
<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
<title>x</title></titleStmt><publicationStmt><p>x</p></publicationStmt>
<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
<text><body><p>Some text.</p></body></text></TEI>
TEI
"$DOCCONV" --dump-model "$T/other.tei.xml" >/dev/null 2>"$T/err"
rc=$?
[ $rc -eq 1 ] || fail "foreign TEI: exit status $rc, expected 1"
grep -q "other.tei.xml:[0-9]*: ERROR: .*not written by docconv" "$T/err" ||
    fail "foreign TEI: message was: $(cat "$T/err")"

# The header's metadata.  check FILE XPATH WHAT
check() {
	r=$(xmllint --nonet --xpath "boolean($2)" "$1" 2>&1)
	[ "$r" = true ] || fail "$(basename "$1"): $3 ($2: $r)"
}
# Element by local name: e NAME
e() { printf '*[local-name()="%s"]' "$1"; }
H="//$(e teiHeader)"
ex="$top_srcdir/examples"
for f in "$ex"/speech-bilingual.zh-en.txt "$ex"/speech-segmented.zh.txt \
    "$ex"/news-report.zh.txt; do
	[ -f "$f" ] || fail "$f is missing"
	x="$T/$(basename "${f%.txt}").tei.xml"
	"$DOCCONV" -q --tei -o "$x" "$f" || fail "$f: exit status $?"
done

x="$T/speech-bilingual.zh-en.tei.xml"
check "$x" "$H//$(e titleStmt)/$(e title)[@xml:lang='zh' and contains(., '上海精神')]" "Chinese title"
check "$x" "$H//$(e titleStmt)/$(e title)[@xml:lang='en' and contains(., 'Shanghai Spirit')]" "English title"
check "$x" "$H//$(e langUsage)/$(e language)[@ident='zh'] and $H//$(e langUsage)/$(e language)[@ident='en']" "languages"
check "$x" "$H//$(e titleStmt)/$(e author)/$(e persName)[.='习近平']" "speaker"
check "$x" "$H//$(e titleStmt)/$(e author)/$(e roleName)[.='中华人民共和国主席']" "role"
check "$x" "$H//$(e sourceDesc)//$(e date)[@when='2020-11-10']" "date"
check "$x" "$H//$(e sourceDesc)//$(e placeName)[.='北京']" "place"
check "$x" "$H//$(e sourceDesc)//$(e placeName)[.='Beijing']" "English place"
check "$x" "//$(e front)/$(e docDate)[@when='2020-11-10']/$(e placeName)[.='北京']" "docDate"
check "$x" "//$(e front)/$(e byline)/$(e docAuthor)[.='习近平']" "byline"
check "$x" "//$(e text)[@xml:lang='zh']//$(e p)[@corresp]" "alignment"
check "$x" "count(//$(e text)[@xml:lang='zh']//*[@corresp]) = count(//$(e text)[@xml:lang='en']//*[@corresp])" "alignment both ways"
check "$x" "$H//$(e appInfo)/$(e application)[@ident='docconv' and @version]" "application"

x="$T/speech-segmented.zh.tei.xml"
check "$x" "$H//$(e titleStmt)/$(e title)[@xml:lang='zh' and contains(., '上海精神')]" "title"
check "$x" "$H//$(e sourceDesc)//$(e date)[@when='2020-11-10']" "date"
check "$x" "$H//$(e sourceDesc)//$(e placeName)[.='北京']" "place"
check "$x" "$H//$(e titleStmt)/$(e author)/$(e persName)[.='习近平']" "speaker"
check "$x" "//$(e body)//$(e s)/$(e w)[.='上海'] and //$(e body)//$(e s)/$(e pc)[.='，']" "tokens"
check "$x" "//$(e p)[.='感谢普京总统和俄方作为轮值主席国为本次会议所做的精心准备。']/$(e s)/$(e w)[.='感谢']" "no white space between Chinese tokens"

x="$T/news-report.zh.tei.xml"
check "$x" "//$(e opener)/$(e dateline)/$(e placeName)[.='北京']" "dateline place"
check "$x" "//$(e opener)/$(e dateline)/$(e date)[@when='--11-11']" "dateline date"
check "$x" "//$(e opener)/$(e byline)/$(e persName)[.='刘慧'] and //$(e opener)/$(e byline)/$(e persName)[.='薛丹']" "byline reporters"
check "$x" "$H//$(e titleStmt)/$(e author)/$(e persName)[.='刘慧']" "reporter as author"
pass
