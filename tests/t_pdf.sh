#!/bin/sh
# PDF backend on every example: metadata, fonts, structure, text that
# copies out as the model's, aligned columns, Chinese line rules,
# byte-identical reruns, booklet imposition.
. "${top_srcdir:-.}/tests/lib.sh"
tools="python3 $top_srcdir/tests/tools.py"
need pdfinfo pdffonts pdftotext qpdf mutool python3
: "${DOCCONV:?}" "${top_srcdir:?}"
CHECK="python3 $top_srcdir/tests/pdfcheck.py"
tmp=$T
SOURCE_DATE_EPOCH=1600000000
export SOURCE_DATE_EPOCH
rc=0
bad() { echo "FAIL: $*"; rc=1; }

for f in "$top_srcdir"/examples/*.txt; do
	n=$(basename "$f" .txt)
	echo "== $n"
	"$DOCCONV" -q --dump-model -o - "$f" > "$tmp/$n.model" 2>/dev/null ||
	    { bad "$n: --dump-model"; continue; }
	langs=$(sed -n 's/^meta languages: //p' "$tmp/$n.model")
	"$DOCCONV" -q --pdf -o "$tmp/$n.pdf" "$f" || { bad "$n: --pdf failed"; continue; }
	"$DOCCONV" -v --pdf -o "$tmp/$n.2.pdf" "$f" 2> "$tmp/v" || bad "$n: second run"
	# Every run is painted from the document's font subsets (the fast
	# path; the whole CJK fonts cost seconds in cairo).
	grep 'whole fonts' "$tmp/v" && bad "$n: runs missed the font subsets"
	cmp -s "$tmp/$n.pdf" "$tmp/$n.2.pdf" || bad "$n: two runs differ"

	pdfinfo "$tmp/$n.pdf" > "$tmp/info" || bad "$n: pdfinfo"
	grep -q '^Title: *[^ ]' "$tmp/info" || bad "$n: no title"
	if grep -q '^meta .. speaker:\|^meta reporters:\|^meta agency:' "$tmp/$n.model"; then
		grep -q '^Author: *[^ ]' "$tmp/info" || bad "$n: no author"
	fi
	grep -q '^Page size: *419.5.* x 595.2.* pts' "$tmp/info" || bad "$n: not A5"
	grep -q '^CreationDate: .* 2020' "$tmp/info" || bad "$n: date not from SOURCE_DATE_EPOCH"
	pdffonts "$tmp/$n.pdf" | awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes") { bad = 1; print }
	    END { exit bad }' || bad "$n: font not embedded and subset"
	out=$(qpdf --check "$tmp/$n.pdf" 2>&1) || bad "$n: qpdf --check: $out"
	qpdf --qdf --object-streams=disable "$tmp/$n.pdf" - 2>/dev/null |
	    grep -a -q '/Lang (\(zh-CN\|en\))' || bad "$n: no catalog /Lang"
	qpdf --qdf --object-streams=disable "$tmp/$n.pdf" - 2>/dev/null |
	    grep -a -q '/Outlines' || bad "$n: no outline"
	# Hyphenation points not taken are no text: a soft hyphen inside a
	# line would copy out of viewers that read /ActualText (Acrobat,
	# pdf.js) in the middle of the word.
	qpdf --qdf --object-streams=disable "$tmp/$n.pdf" - 2>/dev/null |
	    grep -a -q '/ActualText <feff00ad>' &&
	    bad "$n: invisible soft hyphens in the text"

	for l in zh en; do
		case " $langs " in *" $l "*) ;; *) continue ;; esac
		"$DOCCONV" -q --pdf --layout $l -o "$tmp/$n.$l.pdf" "$f" ||
		    { bad "$n: --layout $l"; continue; }
		pdftotext -bbox-layout "$tmp/$n.$l.pdf" "$tmp/$n.$l.html"
		$CHECK text "$tmp/$n.model" "$tmp/$n.$l.html" $l || bad "$n: $l text"
		[ $l = zh ] && { $CHECK zhlines "$tmp/$n.model" "$tmp/$n.zh.html" ||
		    bad "$n: Chinese lines"; }
	done
	case "$langs" in
	*zh*en*)
		pdftotext -bbox-layout "$tmp/$n.pdf" "$tmp/$n.html"
		$CHECK columns "$tmp/$n.model" "$tmp/$n.html" || bad "$n: columns"
		$CHECK zhrules "$tmp/$n.model" "$tmp/$n.html" || bad "$n: Chinese lines (columns)"
		for l in facing interleaved; do
			"$DOCCONV" -q --pdf --layout $l -o "$tmp/$n.$l.pdf" "$f" ||
			    bad "$n: --layout $l"
			out=$(qpdf --check "$tmp/$n.$l.pdf" 2>&1) || bad "$n: $l: qpdf --check"
		done
		;;
	esac

	pages=$(sed -n 's/^Pages: *//p' "$tmp/info")
	"$DOCCONV" -q --pdf --impose booklet -o "$tmp/$n.bk.pdf" "$f" || bad "$n: booklet"
	sheets=$(pdfinfo "$tmp/$n.bk.pdf" | sed -n 's/^Pages: *//p')
	[ "$sheets" = $(( (pages + 3) / 4 * 2 )) ] ||
	    bad "$n: booklet has $sheets sheet sides for $pages pages"
	pdfinfo "$tmp/$n.bk.pdf" | grep -q '^Page size: *839.0.* x 595.2.* pts' ||
	    bad "$n: booklet sheet is not two A5 pages wide"
done

# Widows: no paragraph's last line alone at the head of a page, and
# no Chinese paragraph ending in a line of one character, on the
# bilingual speech's body set six times over, in each language and on
# three papers.
awk '/^尊敬的/ && !body { body = 1 } body { b[++nb] = $0; next } { print }
    END { for (i = 0; i < 6; i++) for (j = 1; j <= nb; j++) print b[j] }' \
    "$top_srcdir/examples/speech-bilingual.zh-en.txt" > "$tmp/x6.txt"
"$DOCCONV" -q --dump-model -o - "$tmp/x6.txt" > "$tmp/x6.model" || bad "x6: --dump-model"
for p in a5 a4 b5; do
	for l in zh en; do
		"$DOCCONV" -q --pdf --paper $p --layout $l -o "$tmp/x6.pdf" "$tmp/x6.txt" ||
		    { bad "x6: --paper $p --layout $l"; continue; }
		pdftotext -bbox-layout "$tmp/x6.pdf" "$tmp/x6.html"
		$CHECK text "$tmp/x6.model" "$tmp/x6.html" $l || bad "x6: $p $l text"
		# Lines as set: mutool reads the glyphs, pdftotext the
		# /ActualText, which gives a word broken with a hyphen to
		# its first line whole (and may leave its second empty).
		if command -v mutool >/dev/null 2>&1; then
			mutool draw -q -F stext -o "$tmp/x6.stext" "$tmp/x6.pdf" 2>/dev/null
			$CHECK widows "$tmp/x6.model" "$tmp/x6.stext" $l || bad "x6: $p $l widows"
		fi
		[ $l = zh ] || continue
		$CHECK runts "$tmp/x6.model" "$tmp/x6.html" || bad "x6: $p runts"
		$CHECK zhlines "$tmp/x6.model" "$tmp/x6.html" || bad "x6: $p Chinese lines"
	done
done

# Traditional Chinese: /Lang zh-TW, the code every output gives (the
# glyphs take the faces' Traditional forms through the language).
"$DOCCONV" -q --pdf -o "$tmp/trad.pdf" "$top_srcdir/tests/golden/plain/frontmatter-traditional.txt" ||
    bad "traditional: --pdf"
qpdf --qdf --object-streams=disable "$tmp/trad.pdf" - 2>/dev/null |
    grep -a -q '/Lang (zh-TW)' || bad "traditional: no /Lang zh-TW"

# Twenty thousand parts: the outline and the xref table put the catalog
# far from the end of what cairo writes; /Lang is still added.
$tools vocatives 20000 >"$tmp/voc.txt"
"$DOCCONV" -q --pdf -o "$tmp/voc.pdf" "$tmp/voc.txt" || bad "20000 parts: --pdf failed"
out=$(qpdf --check "$tmp/voc.pdf" 2>&1) || bad "20000 parts: qpdf --check: $out"
# The catalog alone (the whole file rewritten as QDF took seconds).
root=$(qpdf --show-object=trailer "$tmp/voc.pdf" |
    sed -n 's|.*/Root \([0-9]*\) [0-9]* R.*|\1|p')
[ -n "$root" ] && qpdf --show-object="$root" "$tmp/voc.pdf" |
    grep -a -q '/Lang (zh-CN)' || bad "20000 parts: no catalog /Lang"

# A character no configured font has (Devanagari) is warned about,
# and still copies out of the PDF.
printf '标题\n\n中文नमस्ते。\n' > "$tmp/deva.txt"
"$DOCCONV" --pdf -o "$tmp/deva.pdf" "$tmp/deva.txt" 2> "$tmp/err" || bad "devanagari: --pdf failed"
grep -q 'no glyph.*U+0928' "$tmp/err" || bad "devanagari: no warning naming U+0928: $(cat "$tmp/err")"
pdftotext "$tmp/deva.pdf" - | grep -q 'नमस्ते' || bad "devanagari: text lost"

# A layout of the language a text lacks (issue 24, item 14): warned of,
# and the language it has is set, not a blank PDF.
for l in en zh; do
	case $l in
	en) f="$top_srcdir/examples/news-report.zh.txt"; w=习近平 ;;
	zh) f="$top_srcdir/tests/golden/plain/interview-en.txt"; w=Morrow ;;
	esac
	"$DOCCONV" --pdf --layout $l -o "$tmp/one.pdf" "$f" 2> "$tmp/err" ||
	    bad "--layout $l on one language: failed"
	grep -q "WARNING: --layout $l: the text has none" "$tmp/err" ||
	    bad "--layout $l on one language: no warning: $(cat "$tmp/err")"
	pdftotext "$tmp/one.pdf" - | grep -q "$w" ||
	    bad "--layout $l on one language: no $w in the PDF"
done

# The running head (issue 21): a title too long for it is cut before a
# word, not inside one; --meta short-title, in the title's language,
# stands there instead.
f="$top_srcdir/examples/speech-bilingual.zh-en.txt"
t="Carrying Forward the Shanghai Spirit and Deepening Solidarity and Collaboration for a Stronger Community with a Shared Future"
for s in a5 large; do
	o=
	[ $s = large ] && o="--style $top_srcdir/examples/booklet-large.style"
	# shellcheck disable=SC2086
	"$DOCCONV" -q --pdf $o -o "$tmp/rh.pdf" "$f" || bad "running head $s: failed"
	h=$(pdftotext -f 3 -l 3 "$tmp/rh.pdf" - | head -n 1)
	case $h in
	*…) h=${h%…}
	    case "$t " in
	    "$h "*) ;;
	    *) bad "running head $s cut inside a word: $h…" ;;
	    esac
	    case $h in
	    *" "[a-z]|*" "[a-z][a-z]|*" "[a-z][a-z][a-z])
		bad "running head $s ends in a short word: $h…" ;;
	    esac ;;
	*) bad "running head $s not cut: $h" ;;
	esac
done
# A head that fits beside its folio is not cut (A6's Chinese head was
# cut at three quarters of the measure, inside 命运共同体).
"$DOCCONV" -q --pdf --paper a6 -o "$tmp/rh.pdf" "$f" || bad "running head a6: failed"
h=$(pdftotext -layout -f 2 -l 2 "$tmp/rh.pdf" - | grep -m 1 "弘扬")
case $h in
*命运共同体) ;;
*) bad "running head a6 cut though it fits: $h" ;;
esac
# A display line broken where a phrase ends, not inside a word: the
# subtitle (no mark in it) before the ordinal's 第, not inside 元首.
for o in "--paper a6" "--style $top_srcdir/examples/booklet-large.style"; do
	# shellcheck disable=SC2086
	"$DOCCONV" -q --pdf $o -o "$tmp/st.pdf" "$f" || bad "subtitle $o: failed"
	pdftotext -l 1 "$tmp/st.pdf" - | grep -q '^第二十次会议上的讲话$' ||
	    bad "subtitle $o not broken before 第: $(pdftotext -l 1 "$tmp/st.pdf" - | grep -A1 '——')"
done
# A long head in sentence case loses its last "of the", not all its
# short words ("Why…" was left of one such).
"$DOCCONV" -q --pdf --meta short-title='Why we can all do our bit for the end of war and the age of man and his kin and all the way to the sea' \
    -o "$tmp/rh.pdf" "$f" || bad "long short-title: failed"
h=$(pdftotext -f 3 -l 3 "$tmp/rh.pdf" - | head -n 1)
case $h in
"Why we can all do our bit"*…) ;;
*) bad "long short-title cut to: $h" ;;
esac
# Nor is a display line broken after the 的 of 目的地.
printf '全面推进旅游目的地建设与文化事业繁荣发展\n\n码头的灯笼今晚点亮。\n' > "$tmp/mdd.txt"
"$DOCCONV" -q --pdf --paper a6 -o "$tmp/mdd.pdf" "$tmp/mdd.txt" || bad "目的地: failed"
pdftotext -l 1 "$tmp/mdd.pdf" - | grep -q '目的$' && bad "title broken after 目的: $(pdftotext -l 1 "$tmp/mdd.pdf" - | head -2)"
"$DOCCONV" -q --pdf --meta short-title='Shanghai Spirit' -o "$tmp/rh.pdf" "$f" ||
    bad "--meta short-title: failed"
[ "$(pdftotext -f 3 -l 3 "$tmp/rh.pdf" - | head -n 1)" = "Shanghai Spirit" ] ||
    bad "--meta short-title: not the English running head"
pdftotext -f 2 -l 2 "$tmp/rh.pdf" - | head -n 1 | grep -q '^弘扬' ||
    bad "--meta short-title in English changed the Chinese running head"

# The layout's primary language leads the PDF Title and the outline
# (issue 21): English with --layout en; bookmarks of a bilingual
# layout carry both languages.
"$DOCCONV" -q --pdf --layout en -o "$tmp/en.pdf" "$f" || bad "--layout en failed"
pdfinfo "$tmp/en.pdf" | grep -q '^Title: *Carrying Forward' ||
    bad "--layout en: the PDF Title does not start in English"
mutool show "$tmp/en.pdf" outline 2>/dev/null | head -n 1 |
    grep -q '"Carrying Forward[^/]*"' ||
    bad "--layout en: the title bookmark is not English alone"
"$DOCCONV" -q --pdf -o "$tmp/cols.pdf" "$f" || bad "columns failed"
mutool show "$tmp/cols.pdf" outline 2>/dev/null |
    grep -q '"第一，.* / First, we need' ||
    bad "columns: a heading's bookmark does not carry both languages"

# A 2-1 pair (two paragraphs of the original against one of the
# translation): each paragraph of the original starts a line of its
# own in the pair (issue 21), instead of running on after the first.
printf '丰收节\n\n　　今年秋天，林间小镇的果树结满了果子，居民们一起采摘。\n\n　　镇长说，明年还要再种三千棵树。\n\n　　大家都很高兴。\n' > "$tmp/p21.zh.txt"
printf 'The Harvest Festival\n\nThis autumn the fruit trees of Linjian were full, and the residents picked them together; the mayor said three thousand more trees would be planted next year.\n\nEveryone was happy.\n' > "$tmp/p21.en.txt"
"$DOCCONV" -q --pdf --translation "$tmp/p21.en.txt" -o "$tmp/p21.pdf" \
    "$tmp/p21.zh.txt" || bad "2-1 pair: --pdf failed"
pdftotext "$tmp/p21.pdf" - | grep -q '^镇长说' ||
    bad "2-1 pair: the original's second paragraph runs on after the first"

# Bad option values name the valid ones.
f="$top_srcdir/examples/speech-bilingual.zh-en.txt"
"$DOCCONV" -q --pdf --layout sideways -o "$tmp/x.pdf" "$f" 2> "$tmp/err" && bad "--layout sideways accepted"
grep -q 'columns, facing, interleaved' "$tmp/err" || bad "--layout error does not name the values"
"$DOCCONV" -q --pdf --paper a3 -o "$tmp/x.pdf" "$f" 2> "$tmp/err" && bad "--paper a3 accepted"
grep -q 'a6, a5, a4, b6, b5, letter' "$tmp/err" || bad "--paper error does not name the values"
"$DOCCONV" -q --pdf --paper 140x203mm -o "$tmp/x.pdf" "$f" || bad "--paper 140x203mm"
pdfinfo "$tmp/x.pdf" | grep -q '^Page size: *396.8.* x 575.4.* pts' || bad "140x203mm size"
"$DOCCONV" -q --pdf --paper A6 -o "$tmp/x.pdf" "$f" || bad "--paper A6"
pdfinfo "$tmp/x.pdf" | grep -q '^Page size: *297.6.* x 419.5.* pts' || bad "A6 size"
exit $rc
