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
# Two-file input, with its stand-off links: read back to the same
# model, and written again the same bytes, links included; where a
# bead joined paragraphs (seg type="part", from the alignment, which
# the TEI read back no longer has) the same text.
for z in "$top_srcdir"/tests/data/align/*.zh.txt; do
	b="$T/two-$(basename "$z" .zh.txt)"
	e=${z%.zh.txt}.en.txt
	"$DOCCONV" -q "$z" --translation "$e" --dump-model >"$b.txt.tree" ||
	    fail "$z: two files: exit status $?"
	"$DOCCONV" -q "$z" --translation "$e" --tei -o "$b.tei.xml" ||
	    fail "$z: two files to TEI: exit status $?"
	grep -q '<linkGrp type="translation">' "$b.tei.xml" ||
	    fail "$z: two files: no linkGrp"
	"$DOCCONV" -q --dump-model "$b.tei.xml" >"$b.tei.tree" ||
	    fail "$z: reading its TEI: exit status $?"
	diff -u "$b.txt.tree" "$b.tei.tree" ||
	    fail "$z: the model read from the TEI of two files differs"
	"$DOCCONV" -q --tei -o "$b.tei2.xml" "$b.tei.xml" ||
	    fail "$z: TEI to TEI: exit status $?"
	if grep -q 'type="part"' "$b.tei.xml"; then
		for x in "$b.tei.xml" "$b.tei2.xml"; do
			xmllint --nonet --xpath 'string(/*/*[local-name()="text"])' \
			    "$x" >"$x.str" || fail "$x: xmllint"
		done
		cmp -s "$b.tei.xml.str" "$b.tei2.xml.str" ||
		    fail "$z: TEI to TEI: the text differs"
	else
		cmp "$b.tei.xml" "$b.tei2.xml" || fail "$z: TEI to TEI differs"
	fi
done

# docconv TEI as input (a lead that ends inside a token of the second
# sentence: s and w in parts): read, written again, the same bytes.
for f in "$top_srcdir"/tests/data/tei/*.tei.xml; do
	[ -f "$f" ] || continue
	"$DOCCONV" -q --tei -o "$T/again.tei.xml" "$f" ||
	    fail "$f: exit status $?"
	cmp "$f" "$T/again.tei.xml" || fail "$f: TEI to TEI differs"
done
# A fixture's model, where a .tree beside it says what it must be:
# every role (kicker, sources, headings by level, turns, captions,
# editor's note, sign-offs) and parts of speech read back.
for f in "$top_srcdir"/tests/data/tei/*.tei.xml; do
	[ -f "${f%.tei.xml}.tree" ] || continue
	"$DOCCONV" -q --dump-model "$f" >"$T/fixture.tree" ||
	    fail "$f: --dump-model exit status $?"
	diff -u "${f%.tei.xml}.tree" "$T/fixture.tree" ||
	    fail "$f: the model read differs from its .tree"
done
[ -f "$top_srcdir/tests/data/tei/roles.tree" ] || fail "roles.tree is missing"

f="$top_srcdir/tests/data/tei/split-lead.tei.xml"
"$DOCCONV" -q --dump-model "$f" >"$T/again.tree" ||
    fail "$f: --dump-model exit status $?"
grep -q 'lead=\[第二，加强合作，构建共同\]' "$T/again.tree" ||
    fail "split-lead.tei.xml: lead not read: $(cat "$T/again.tree")"
grep -q 's: 构建 共同体 |。' "$T/again.tree" ||
    fail "split-lead.tei.xml: split token not joined"

# What docconv writes, it reads: a paragraph past libxml2's 10 MB text
# limit comes back whole.
python3 -c "print('标题\n\n' + '合作共赢，共同发展。' * 400000)" >"$T/bigp.txt"
"$DOCCONV" -q --tei -o "$T/bigp.tei.xml" "$T/bigp.txt" || fail "12 MB paragraph: --tei"
"$DOCCONV" -q --dump-model "$T/bigp.tei.xml" >"$T/bigp.tree" ||
    fail "12 MB paragraph: its TEI not read back"
[ "$(grep -c '合作共赢，共同发展。合作共赢' "$T/bigp.tree")" -ge 1 ] &&
    [ "$(wc -c <"$T/bigp.tree")" -gt 12000000 ] ||
    fail "12 MB paragraph: text lost reading it back"

# TEI from elsewhere is read in general (t_tei_other.sh), with a
# warning that says so, never half.
cat >"$T/other.tei.xml" <<'TEI'
<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
<title>x</title></titleStmt><publicationStmt><p>x</p></publicationStmt>
<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
<text><body><p>Some text.</p></body></text></TEI>
TEI
"$DOCCONV" --dump-model "$T/other.tei.xml" >"$T/other.tree" 2>"$T/err"
rc=$?
[ $rc -eq 0 ] || fail "foreign TEI: exit status $rc, expected 0"
grep -q "other.tei.xml:[0-9]*: WARNING: .*not written by docconv" "$T/err" ||
    fail "foreign TEI: message was: $(cat "$T/err")"
grep -q '^  en: Some text.$' "$T/other.tree" ||
    fail "foreign TEI: its paragraph was not read: $(cat "$T/other.tree")"

# A speaker with no turn after it, or before another block: refused,
# not read with the label lost.
r="$top_srcdir/tests/data/tei/roles.tei.xml"
sed 's|<p xml:id="zh-b5" ana="#dc-turn"|<p xml:id="zh-b5" ana="#dc-para"|' "$r" \
    >"$T/badspk.tei.xml"
"$DOCCONV" --dump-model "$T/badspk.tei.xml" >/dev/null 2>"$T/err"
[ $? -eq 1 ] || fail "speaker before a paragraph: not refused"
grep -q "ERROR: .*speaker" "$T/err" || fail "speaker: message was: $(cat "$T/err")"

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
check "$x" "$H//$(e titleStmt)/$(e title)[@xml:lang='zh-CN' and contains(., '上海精神')]" "Chinese title"
check "$x" "$H//$(e titleStmt)/$(e title)[@xml:lang='en' and contains(., 'Shanghai Spirit')]" "English title"
check "$x" "$H//$(e langUsage)/$(e language)[@ident='zh-CN'] and $H//$(e langUsage)/$(e language)[@ident='en']" "languages"
check "$x" "$H//$(e titleStmt)/$(e author)/$(e persName)[.='习近平']" "speaker"
check "$x" "$H//$(e titleStmt)/$(e author)/$(e roleName)[.='中华人民共和国主席']" "role"
check "$x" "$H//$(e sourceDesc)//$(e date)[@when='2020-11-10']" "date"
check "$x" "$H//$(e sourceDesc)//$(e placeName)[.='北京']" "place"
check "$x" "$H//$(e sourceDesc)//$(e placeName)[.='Beijing']" "English place"
check "$x" "//$(e front)/$(e docDate)[@when='2020-11-10']/$(e placeName)[.='北京']" "docDate"
check "$x" "//$(e front)/$(e byline)/$(e docAuthor)[.='习近平']" "byline"
check "$x" "//$(e text)[@xml:lang='zh-CN']//$(e p)[@corresp]" "alignment"
check "$x" "count(//$(e text)[@xml:lang='zh-CN']//*[@corresp]) = count(//$(e text)[@xml:lang='en']//*[@corresp])" "alignment both ways"
check "$x" "$H//$(e appInfo)/$(e application)[@ident='docconv' and @version]" "application"

x="$T/speech-segmented.zh.tei.xml"
check "$x" "$H//$(e titleStmt)/$(e title)[@xml:lang='zh-CN' and contains(., '上海精神')]" "title"
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

# Names whose characters hold bytes of 、 and ， (昌 E6 98 8C, 一 E4 B8
# 80): the list was once split at those bytes, inside the characters,
# and each piece measured past its end (the names kept or not from run
# to run, mostly not).
sed 's/刘慧、薛丹/马昌和、林笑一/' "$top_srcdir/examples/news-report.zh.txt" \
    >"$T/names.txt"
x="$T/names.tei.xml"
"$DOCCONV" -q --tei -o "$x" "$T/names.txt" || fail "names: exit status $?"
check "$x" "//$(e opener)/$(e byline)/$(e persName)[.='马昌和'] and //$(e opener)/$(e byline)/$(e persName)[.='林笑一']" "byline reporters split at 、 only"

# The new roles, in the elements TEI has for them (roles.tei.xml as
# docconv writes it again).
x="$T/roles.tei.xml"
"$DOCCONV" -q --tei -o "$x" "$top_srcdir/tests/data/tei/roles.tei.xml" ||
    fail "roles: exit status $?"
Z="//$(e text)[@xml:lang='zh-CN']"
B="$Z/$(e body)"
check "$x" "$Z//$(e docTitle)/$(e titlePart)[1][@type='kicker' and .='春风又起']" "kicker as the first titlePart"
check "$x" "$H//$(e sourceDesc)/$(e bibl)/$(e title)[@type='kicker' and @xml:lang='en']" "kicker in the bibl"
check "$x" "$H//$(e sourceDesc)/$(e bibl)/$(e publisher)[.='蓝莓日报']" "publisher"
check "$x" "$H//$(e sourceDesc)/$(e bibl)/$(e title)[@type='original' and .='纸鸢飞满蓝莓镇']" "original title"
check "$x" "$H//$(e sourceDesc)/$(e bibl)/$(e ref)[@target='https://example.org/kite/1.html']" "URL as ref target"
check "$x" "$H//$(e sourceDesc)/$(e bibl)/$(e respStmt)[$(e resp)='editor']/$(e name)[.='柯小沫']" "editor"
check "$x" "$Z/$(e front)/$(e note)[@type='source' and @ana='#dc-source-from']/$(e orgName)[.='蓝莓日报']" "source line"
check "$x" "$Z/$(e front)/$(e note)[@ana='#dc-source-url']/$(e ref)[@target]" "URL line"
check "$x" "$B/$(e note)[@type='editorial' and @ana='#dc-note']" "editor's note"
check "$x" "$B/$(e div)[@type='section']/$(e head)[@type='level1' and .='一、开幕']" "level-1 heading"
check "$x" "$B/$(e div)[1]/$(e div)[@type='section']/$(e head)[@type='level2' and .='现场问答']" "level-2 div inside the level-1 div"
check "$x" "count($B/$(e div)) = 2" "two top-level parts"
check "$x" "$B//$(e sp)[$(e speaker)='记者：']/$(e p)[@xml:id='zh-b5' and .='今年有什么新花样？' and @corresp='#en-b5']" "turn"
check "$x" "$B//$(e sp)[$(e speaker)='苗禾：' and count($(e p)) = 2]" "continued turn in the same sp"
check "$x" "$B//$(e figure)/$(e head)[@ana='#dc-caption-caption' and .='图为孩子们放飞纸鸢。']" "caption"
check "$x" "$B//$(e figure)/$(e note)[@type='credit' and .='（苗禾 摄）']" "credit in the caption's figure"
check "$x" "$B/$(e div)[2]/$(e ab)[@type='signoff' and @ana='#dc-signoff-signed']" "sign-off mid-text"
check "$x" "$B/$(e closer)/$(e salute)[.='谢谢大家。']" "closing in the closer"
check "$x" "$B/$(e closer)/$(e byline)[.='（本报记者 苗禾）']" "closing byline"
check "$x" "$B/$(e closer)/$(e signed)[@ana='#dc-signoff-editor' and .='——编者']" "editor's signature"
check "$x" "$B/$(e closer)/$(e dateline)[@ana='#dc-signoff-dateline']" "closing dateline"
check "$x" "$H//$(e category)[@xml:id='dc-signoff']/$(e category)[@xml:id='dc-signoff-editor']" "kinds as subcategories"
check "$x" "count(//*[@ana and not(substring(@ana, 2) = $H//$(e category)/@xml:id)]) = 0" "every @ana a category"
check "$x" "count($Z//*[@corresp]) = count(//$(e text)[@xml:lang='en']//*[@corresp])" "alignment both ways"

x="$T/roles-tokens.tei.xml"
"$DOCCONV" -q --tei -o "$x" "$top_srcdir/tests/data/tei/roles-tokens.tei.xml" ||
    fail "roles-tokens: exit status $?"
check "$x" "//$(e body)//$(e w)[@pos='v' and .='谢谢']" "part of speech"
check "$x" "//$(e div)[@type='part']/$(e div)[@type='section']/$(e head)[@type='level2']" "heading inside a vocative's part"
check "$x" "//$(e sp)/$(e p)/$(e s)/$(e seg)[@type='speaker' and .='记者：']/$(e w)" "speaker label among tokens"
check "$x" "//$(e div)[@type='part'][1]//$(e closer)/$(e salute)[.='谢谢。']" "closing ending a part"
pass
