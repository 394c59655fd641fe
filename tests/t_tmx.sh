#!/bin/sh
# --tmx and --alignment-report (issue 16): the TMX of every example and
# bilingual input (interleaved, and split into two files either way
# round) is well-formed, has TMX 1.4b's structure (tests/t_tmx.py: the
# DTD is not in Debian), loads in translate-toolkit with one unit per
# pair in both languages, and is the same bytes on every run;
# --tmx-segment=sentence splits pairs into sentence pairs that join
# back.  The review sheet of the split example shows no doubtful bead;
# with an English paragraph merged and one deleted, those two come
# first, marked doubtful, laid out in headless Chromium at 1280 and
# 390 px.
. "${top_srcdir:-.}/tests/lib.sh"
need xmllint
S=$top_srcdir/tests
# translate-toolkit is Debian's python3 module: the system python3 has
# it where a python3 earlier in PATH may not.
PY=
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 &&
	    "$p" -c 'import translate.storage.tmx' 2>/dev/null; then
		PY=$p
		break
	fi
done
[ -n "$PY" ] || skip "translate-toolkit not installed (install-deps.sh)"
SOURCE_DATE_EPOCH=1605000000
export SOURCE_DATE_EPOCH

# check NAME ARGS...: --tmx and --json of one input, paragraph and
# sentence units, checked.
n=0
check() {
	name=$1
	shift
	n=$((n + 1))
	o=$T/tmx$n
	"$DOCCONV" -q "$@" --tmx --json -o "$o" || fail "$name: exit $?"
	set -- "$o"/*.tmx
	[ -f "$1" ] || fail "$name: no TMX written"
	tmx=$1
	xmllint --noout --nonet "$tmx" || fail "$name: TMX not well-formed"
	"$PY" "$S/t_tmx.py" "$tmx" "${tmx%.tmx}.json" || fail "$name: TMX"
}
check_sentences() {
	name=$1
	shift
	"$DOCCONV" -q "$@" --tmx --tmx-segment=sentence -o "$T/sent.tmx" ||
	    fail "$name: --tmx-segment=sentence: exit $?"
	xmllint --noout --nonet "$T/sent.tmx" || fail "$name: not well-formed"
	"$PY" "$S/t_tmx.py" "$T/sent.tmx" "${tmx%.tmx}.json" "$tmx" ||
	    fail "$name: sentence units"
	grep -q 'segtype="sentence"' "$T/sent.tmx" ||
	    fail "$name: the header does not say sentence"
}

ex=$top_srcdir/examples/speech-bilingual.zh-en.txt
check "$(basename "$ex")" "$ex"
check_sentences "$(basename "$ex")" "$ex"
# The header: the tool, paragraphs, the original's language, the date
# of SOURCE_DATE_EPOCH; the speech's title as a unit with its role.
grep -q '<header creationtool="docconv" creationtoolversion="[0-9.]*"' "$tmx" &&
    grep -q 'segtype="paragraph"' "$tmx" && grep -q 'srclang="zh-CN"' "$tmx" &&
    grep -q 'creationdate="20201110T092000Z"' "$tmx" ||
    fail "TMX header: $(grep '<header' "$tmx")"
grep -q '<prop type="x-docconv-role">title</prop>' "$tmx" &&
    grep -q '<prop type="x-docconv-role">salutation</prop>' "$tmx" &&
    grep -q '<prop type="x-docconv-role">vocative</prop>' "$tmx" ||
    fail "title, salutations or vocatives are not units with their role"
cp "$tmx" "$T/first.tmx"
"$DOCCONV" -q "$ex" --tmx -o "$T/again.tmx" || fail "again: exit $?"
cmp -s "$T/first.tmx" "$T/again.tmx" || fail "the TMX differs between runs"

# The example as two files, either way round.
mkdir -p "$T/two"
"$PY" "$S/split_bilingual.py" "$ex" "$T/two/zh.txt" "$T/two/en.txt" ||
    fail "split_bilingual.py"
(cd "$T/two" && check "two files" zh.txt --translation en.txt) || exit 1
check "two files" "$T/two/zh.txt" --translation "$T/two/en.txt"
check_sentences "two files" "$T/two/zh.txt" --translation "$T/two/en.txt"
grep -q '<prop type="x-docconv-lines">2,3</prop>' "$tmx" ||
    fail "the title's unit lacks the Chinese file's lines 2,3"
check "English first" "$T/two/en.txt" --translation "$T/two/zh.txt"
grep -q 'srclang="en"' "$tmx" || fail "an English original is not srclang en"
grep -q '<tuv xml:lang="zh-CN">' "$tmx" ||
    fail "Simplified Chinese is not zh-CN for translation tools"
# The length check of sentence pairs: a paragraph pair whose sentences
# pair 1-1 but at lengths far apart (the first English sentence says
# much more, the second much less) marks each unit to check, and warns.
printf '%s\n' '沃林港口' 'Vorlin Port' '' \
    '沃林港口今年接待的船舶比往年多了许多。管理处决定明年再修建两座新码头以方便船工。' \
    'Vorlin Port received many more vessels this year than in earlier years, so many that the quays were full from dawn to dusk. New quays will follow.' \
    >"$T/len.txt"
"$DOCCONV" "$T/len.txt" --tmx --tmx-segment=sentence -o "$T/len.tmx" \
    2>"$T/len.msgs" || fail "length check: exit $?"
[ "$(grep -c '<prop type="x-docconv-check">length</prop>' "$T/len.tmx")" -eq 2 ] ||
    fail "sentence pairs of lengths far apart not marked: $(cat "$T/len.tmx")"
grep -q 'sentences of this paragraph pair with doubt' "$T/len.msgs" ||
    fail "no warning on sentence pairs of lengths far apart: $(cat "$T/len.msgs")"
# Traditional Chinese is zh-TW, and --meta lang-zh= names it otherwise.
printf '%s\n' '渡船記' 'The Ferry' '' '舊渡口邊的蘆葦長得很高，擺渡人每天清早解開纜繩。' \
    'The reeds by the old ferry grow tall; every morning the ferryman unties the rope.' \
    >"$T/hant.txt"
"$DOCCONV" -q "$T/hant.txt" --tmx -o "$T/hant.tmx" || fail "Traditional: exit $?"
grep -q 'srclang="zh-TW"' "$T/hant.tmx" &&
    grep -q '<tuv xml:lang="zh-TW">' "$T/hant.tmx" ||
    fail "Traditional Chinese is not zh-TW: $(grep -m1 '<header' "$T/hant.tmx")"
# The same code in the TEI, the EPUB's package and text, and the web page.
"$DOCCONV" -q "$T/hant.txt" --tei --epub --html -o "$T/hant-all" ||
    fail "Traditional, other outputs: exit $?"
grep -q '<language ident="zh-TW">' "$T/hant-all/hant.tei.xml" &&
    ! grep -q 'xml:lang="zh"\|zh-Hant' "$T/hant-all/hant.tei.xml" ||
    fail "the TEI does not say zh-TW as the TMX does"
unzip -p "$T/hant-all/hant.epub" '*.opf' | grep -q '<dc:language>zh-TW</dc:language>' &&
    ! unzip -p "$T/hant-all/hant.epub" '*.xhtml' | grep -o 'lang="[^"]*"' |
    grep -q -v '"zh-TW"\|"en"' ||
    fail "the EPUB does not say zh-TW as the TMX does"
grep -q 'lang="zh-TW"' "$T/hant-all/hant.html" &&
    ! grep -o ' lang="[^"]*"' "$T/hant-all/hant.html" |
    grep -q -v '"zh-TW"\|"en"' ||
    fail "the web page does not say zh-TW as the TMX does"
"$DOCCONV" -q "$T/hant.txt" --meta lang-zh=zh-HK --meta lang-en=en-GB --tmx \
    -o "$T/hk.tmx" || fail "--meta lang-zh: exit $?"
grep -q '<tuv xml:lang="zh-HK">' "$T/hk.tmx" &&
    grep -q '<tuv xml:lang="en-GB">' "$T/hk.tmx" ||
    fail "--meta lang-zh=zh-HK lang-en=en-GB not in the TMX"
# The translator's words for the same keys; a tag of neither language
# is refused with what to give.
"$DOCCONV" -q "$T/hant.txt" --meta lang-original=zh-HK \
    --meta lang-translation=en-GB --tmx -o "$T/hk2.tmx" ||
    fail "--meta lang-original: exit $?"
cmp -s "$T/hk.tmx" "$T/hk2.tmx" ||
    fail "lang-original/lang-translation differ from lang-zh/lang-en"
"$DOCCONV" -q "$T/hant.txt" --meta lang-original=fr --tmx \
    -o "$T/fr.tmx" 2>"$T/fr.err" && fail "lang-original=fr accepted"
grep -q "not a language tag of Chinese or English" "$T/fr.err" ||
    fail "lang-original=fr: $(cat "$T/fr.err")"
[ ! -e "$T/fr.tmx" ] || fail "lang-original=fr: output written"
# Sentence units where the sides have different numbers of sentences:
# the Chinese second sentence is two in English (1-1 then 1-2).
printf '%s\n' '渡船' 'The Ferry' '' \
    '摆渡人每天清早解开缆绳，把船撑到对岸去接赶集的人。到了傍晚，他把船拴在柳树下，坐在船头抽一袋烟。' \
    'Every morning the ferryman unties the rope and poles the boat across to fetch the people going to market. In the evening he ties the boat under the willow. Then he sits in the bow and smokes a pipe.' \
    >"$T/split.txt"
"$DOCCONV" -q "$T/split.txt" --tmx --tmx-segment=sentence -o "$T/split.tmx" ||
    fail "sentences 2:3: exit $?"
[ "$(grep -c '<prop type="x-docconv-sentence">' "$T/split.tmx")" -eq 2 ] &&
    grep -q 'the willow. Then he sits' "$T/split.tmx" ||
    fail "a paragraph of 2 and 3 sentences is not two sentence units: $(grep '<seg>' "$T/split.tmx")"
# Every invented pair, and every interleaved golden input.
for z in "$S"/data/align/*.zh.txt; do
	check "$(basename "$z")" "$z" --translation "${z%.zh.txt}.en.txt"
done
for g in "$S"/golden/bilingual/*.txt; do
	check "$(basename "$g")" "$g"
done
# One language only: an empty memory, said so.
"$DOCCONV" "$top_srcdir/examples/news-report.zh.txt" --tmx -o "$T/mono.tmx" \
    2>"$T/mono.err" || fail "monolingual: exit $?"
grep -q "translation memory is empty" "$T/mono.err" ||
    fail "monolingual: no warning: $(cat "$T/mono.err")"
[ "$(grep -c '<tu ' "$T/mono.tmx")" -eq 0 ] || fail "monolingual: units"
"$DOCCONV" "$ex" --tmx-segment=word --tmx 2>/dev/null; [ $? -eq 2 ] ||
    fail "--tmx-segment=word accepted"

# The review sheet: the split example has no doubtful bead ...
(cd "$T/two" && "$DOCCONV" -q zh.txt --translation en.txt \
    --alignment-report sheet.html) || fail "--alignment-report: exit $?"
xmllint --html --noout "$T/two/sheet.html" 2>/dev/null ||
    fail "the review sheet is not HTML"
grep -q '<h2>Doubtful beads: 0</h2>' "$T/two/sheet.html" ||
    fail "the split example has doubtful beads"
! grep -q 'class="bead doubtful"' "$T/two/sheet.html" ||
    fail "a bead of the split example is marked doubtful"
grep -q '@media print' "$T/two/sheet.html" || fail "no print style"
! grep -Eq '(src|href)="(https?:)?//' "$T/two/sheet.html" ||
    fail "the review sheet loads something from the network"
# ... and with one English paragraph merged into the next and one
# deleted, two beads to check, first on the page.
k=$(($(grep -c . "$T/two/en.txt") / 2))
"$PY" "$S/split_bilingual.py" "$ex" "$T/two/zh.txt" "$T/two/en2.txt" \
    --merge $k || fail "split_bilingual.py --merge"
sed -i "$((k + 4))d" "$T/two/en2.txt"
(cd "$T/two" && "$DOCCONV" zh.txt --translation en2.txt \
    --alignment-report sheet2.html 2>msgs2) || fail "merged: exit $?"
[ "$(grep -c WARNING "$T/two/msgs2")" -eq 2 ] ||
    fail "merged and deleted: not two warnings: $(cat "$T/two/msgs2")"
grep -q '<h2>Doubtful beads: 2</h2>' "$T/two/sheet2.html" ||
    fail "the sheet does not count two doubtful beads"

need_chromium "the review sheet"
shots="${top_builddir:-.}/tests/t_tmx.shots"
rm -rf "$shots"
mkdir -p "$shots" || fail "cannot make $shots"
export TMPDIR="$T" HOME="$T"
timeout 180 node "$S/t_review.js" "$T/two/sheet.html" "$shots/sheet" 0 \
    "Dear Colleagues" >"$T/r0.out" 2>&1 || {
	cat "$T/r0.out"
	fail "review sheet of the split example in Chromium"
}
cat "$T/r0.out"
timeout 180 node "$S/t_review.js" "$T/two/sheet2.html" "$shots/sheet2" 2 \
    "Dear Colleagues" >"$T/r2.out" 2>&1 || {
	cat "$T/r2.out"
	fail "review sheet with two doubtful beads in Chromium"
}
cat "$T/r2.out"
# The doubtful beads are the merged paragraph's and the deleted one's
# neighbour's: each names the lines of the translation the warnings do.
for w in $(sed -n 's/.*\(en2\.txt:[0-9][0-9,]*\).*/\1/p' "$T/two/msgs2"); do
	grep -q "^doubtful: .* | $w\$" "$T/r2.out" ||
	    fail "the summary lacks the bead of $w"
done
[ -s "$shots/sheet2-1280.png" ] && [ -s "$shots/sheet2-390.png" ] ||
    fail "no screenshots"

# Documented where a user looks.
"$DOCCONV" --help >"$T/help" || fail "--help"
for o in --tmx --tmx-segment --alignment --alignment-report; do
	grep -q -- "$o" "$T/help" || fail "--help lacks $o"
	grep -q -- "$o" "$top_srcdir/README.md" || fail "README lacks $o"
	grep -q -- "Fl ${o#-}" "$top_srcdir/docconv.1" || fail "docconv.1 lacks $o"
done
pass
