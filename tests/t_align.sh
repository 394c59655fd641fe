#!/bin/sh
# Two-file input (--translation): the bilingual example split into its
# Chinese and its English lines aligns into the pairs of the
# interleaved file, either way round; a translation with one paragraph
# merged and one split still aligns the rest 1-1 with exactly two
# warnings; the invented pairs in tests/data/align align as their
# .align files say; every backend writes the parallel model.
. "${top_srcdir:-.}/tests/lib.sh"
py="python3 $top_srcdir/tests/t_align.py"
command -v python3 >/dev/null 2>&1 || skip "python3 not installed"
S=$top_srcdir/tests
split() { python3 "$S/split_bilingual.py" "$@" || fail "split_bilingual.py $*"; }

# The examples and the shared corpus's bilingual samples (when this
# tree sits in the project's work area).
set -- "$top_srcdir"/examples/*bilingual*.txt
for c in "$top_srcdir"/../shared/corpus/*bilingual*.txt; do
	[ -f "$c" ] && set -- "$@" "$c"
done
[ -f "$1" ] || fail "no bilingual example in examples/"
k=0
for ex; do
	k=$((k + 1))
	d=$T/ex$k
	mkdir -p "$d"
	split "$ex" "$d/zh.txt" "$d/en.txt"
	"$DOCCONV" --dump-model "$ex" >"$d/one.tree" 2>"$d/one.msgs" ||
	    fail "$ex: exit $?"
	(cd "$d" && "$DOCCONV" zh.txt --translation en.txt --dump-model \
	    >two.tree 2>two.msgs) || fail "$ex as two files: exit $?"
	python3 "$S/same_pairs.py" "$d/one.tree" "$d/two.tree" ||
	    fail "$ex: two files do not give the interleaved file's pairs"
	cmp -s "$d/one.msgs" "$d/two.msgs" ||
	    fail "$ex: two files warn otherwise: $(cat "$d/two.msgs")"
	# Either way round: English original, Chinese translation.
	(cd "$d" && "$DOCCONV" -q en.txt --translation zh.txt \
	    --dump-model >rev.tree) || fail "$ex reversed: exit $?"
	python3 "$S/same_pairs.py" "$d/one.tree" "$d/rev.tree" ||
	    fail "$ex: English first does not give the same pairs"
	# Every body bead 1-1, none to check.
	(cd "$d" && "$DOCCONV" zh.txt --translation en.txt \
	    --dump-alignment >align 2>/dev/null) || fail "--dump-alignment"
	awk -F '\t' '!/^#/ && $5 !~ /^(collection|kicker|title|subtitle|occasion|speaker|role|dateplace|dateline|byline|source|frontmatter)$/ && ($1 != "1-1" || $6 != "ok") { bad = 1; print }
	    END { exit bad }' "$d/align" || fail "$ex: body beads other than 1-1"

	# One English paragraph merged with the next, one split in two:
	# two warnings, and everything else 1-1.
	n=$(grep -c . "$d/en.txt")
	split "$ex" "$d/zh.txt" "$d/en2.txt" --merge $((n / 2)) --split 0
	(cd "$d" && "$DOCCONV" zh.txt --translation en2.txt \
	    --dump-alignment >align2 2>msgs2) || fail "merged/split: exit $?"
	w=$(grep -c WARNING "$d/msgs2")
	[ "$w" -eq 2 ] || fail "$ex merged and split: $w warnings, not 2:
$(cat "$d/msgs2")"
	grep -q "^2-1	.*	check$" "$d/align2" || fail "no 2-1 bead"
	grep -q "^1-2	.*	check$" "$d/align2" || fail "no 1-2 bead"
	bad=$(awk -F '\t' '!/^#/ && $6 == "check"' "$d/align2" | wc -l)
	[ "$bad" -eq 2 ] || fail "$bad beads to check, not 2"
	# The merged bead names the merged line of the translation.
	grep -q "en2.txt:$((n / 2)) aligned 2-1" "$d/msgs2" ||
	    fail "the 2-1 warning does not name en2.txt:$((n / 2)): $(cat "$d/msgs2")"
	# The same text either way: nothing dropped.
	for t in en en2; do
		(cd "$d" && "$DOCCONV" -q zh.txt --translation $t.txt \
		    --json -o - | $py en_text) >"$d/$t.text" ||
		    fail "--json of $t.txt"
	done
	cmp -s "$d/en.text" "$d/en2.text" || fail "merged/split lost English text"
done

# Invented pairs: the beads and the warnings as expected.
for a in "$S"/data/align/*.align; do
	n=$(basename "$a" .align)
	(cd "$S/data/align" && DOCCONV_CHECK=1 "$DOCCONV" $n.zh.txt \
	    --translation $n.en.txt --dump-alignment) >"$T/$n.align" \
	    2>"$T/$n.msgs" || fail "$n: exit $?"
	diff -u "$a" "$T/$n.align" || fail "$n: alignment differs from $a"
	if [ -f "$S/data/align/$n.msgs" ]; then
		diff -u "$S/data/align/$n.msgs" "$T/$n.msgs" ||
		    fail "$n: messages differ"
	else
		[ ! -s "$T/$n.msgs" ] || fail "$n: messages: $(cat "$T/$n.msgs")"
	fi
	# Each data line: six tab-separated fields (docconv(1)).
	awk -F '\t' '!/^#/ && (NF != 6 || $1 !~ /^[0-9]+-[0-9]+$/ ||
	    $4 !~ /^[0-9]+\.[0-9][0-9]$/) { print; bad = 1 } END { exit bad }' \
	    "$T/$n.align" || fail "$n: a bead line is not in the format"
done
# shift: a paragraph of the original left untranslated next to a pair
# is aligned as a 2-1; the 1-1 after it, which a shift by one would
# undo, is warned about too (it was 'ok').
grep -q '^1-1	11	10	.*	check$' "$S/data/align/shift.align" ||
    fail "shift: the 1-1 beside the 2-1 is not to check"
# speaker: an English speaker line "Name, Role" pairs with the Chinese
# speaker line; without it, the Chinese speaker line alone is to check.
grep -q '^1-1	4	3	0.00	speaker	ok$' "$S/data/align/speaker.align" ||
    fail "speaker: 'Lin Hai, Director of the Port Authority' is not the speaker"
grep -v '^Lin Hai, ' "$S/data/align/speaker.en.txt" >"$T/nospk.en.txt"
"$DOCCONV" "$S/data/align/speaker.zh.txt" --translation "$T/nospk.en.txt" \
    --dump-alignment >"$T/nospk.align" 2>"$T/nospk.msgs"
grep -q '^1-0	4	-	0.00	speaker	check$' "$T/nospk.align" &&
    grep -q 'speaker line .*speaker.zh.txt:4 has no counterpart' "$T/nospk.msgs" ||
    fail "a speaker line without its translation is not to check: $(cat "$T/nospk.msgs")"
# The 1-0 and the 1-2 of forum: kept, not dropped.
grep -q "a paragraph of the original has no translation: forum.zh.txt:11," "$S/data/align/forum.msgs" ||
    fail "forum.msgs lacks the 1-0 warning"
# Header lines pair by class: the Chinese speaker line with the English
# name and role lines.  An --alignment file that pairs them otherwise
# (the role with the Chinese line, the name alone) changes the dump,
# the TMX's unit and the review sheet; a header bead must name its type.
grep -q '^1-2	4	3,4	0.00	speaker	ok$' "$S/data/align/forum.align" ||
    fail "forum's speaker and role lines are not one speaker bead"
sed 's/^1-2	4	3,4	0.00	speaker	ok$/1-1	4	4	0.00	speaker	ok\
0-1	-	3	0.00	speaker	ok/' "$S/data/align/forum.align" >"$T/hdr.align"
(cd "$S/data/align" && "$DOCCONV" -q forum.zh.txt --translation \
    forum.en.txt --alignment "$T/hdr.align" --dump-alignment \
    --tmx -o "$T/hdr.tmx" --alignment-report "$T/hdr.html" \
    >"$T/hdr.dump") || fail "header bead edited: exit $?"
grep -q '^1-1	4	4	0.00	speaker	ok$' "$T/hdr.dump" &&
    grep -q '^0-1	-	3	0.00	speaker	ok$' "$T/hdr.dump" ||
    fail "the edited header beads are not in the dump: $(sed -n 6,12p "$T/hdr.dump")"
$py speaker_unit "$T/hdr.tmx" || fail "the edited header bead is not the TMX's speaker unit"
grep -q 'Director of the Port Authority' "$T/hdr.html" ||
    fail "the review sheet lacks the edited header pair"
sed 's/	speaker	ok$/	nothing	ok/' "$T/hdr.align" >"$T/hdr2.align"
"$DOCCONV" -q "$S/data/align/forum.zh.txt" --translation \
    "$S/data/align/forum.en.txt" --alignment "$T/hdr2.align" \
    --dump-alignment >/dev/null 2>"$T/hdr2.msgs"
[ $? -eq 1 ] && grep -q "hdr2.align:9: ERROR: .*names its type" "$T/hdr2.msgs" ||
    fail "a header bead of no type accepted: $(cat "$T/hdr2.msgs")"

# A header bead that corrects the reading changes every output (issue
# 23): the English name alone under the subtitle is read as an
# occasion line, and the file pairs it with the Chinese speaker line as
# the speaker's; an English speaker line read as the body's first
# paragraph is made the speaker's line too.  Before, the outputs say
# neither (the first was paired in the TMX only, the second refused).
# A header bead naming a paragraph further on is refused at its line.
hfix() {
	# $1 case, $2 sed script making the English, $3 the English line,
	# $4 its line number.
	mkdir -p "$T/$1"
	cp "$S/data/align/forum.zh.txt" "$T/$1/f.zh.txt"
	sed "$2" "$S/data/align/forum.en.txt" >"$T/$1/f.en.txt"
	(cd "$T/$1" && "$DOCCONV" -q f.zh.txt --translation f.en.txt \
	    --dump-alignment >f.align) || fail "$1: exit $?"
	# The Chinese speaker line alone (1-0) and the English line alone
	# (0-1) become one speaker bead.
	awk -F '\t' -v OFS='\t' -v L="$4" '$1 == "1-0" && $2 == 4 &&
	    $5 == "speaker" { print "1-1", 4, L, "0.00", "speaker", "ok"; next }
	    $1 == "0-1" && $3 == L { next } 1' "$T/$1/f.align" >"$T/$1/fix.align"
	grep -q "^1-1	4	$4	0.00	speaker	ok$" "$T/$1/fix.align" ||
	    fail "$1: no speaker bead made: $(cat "$T/$1/fix.align")"
	for v in plain fixed; do
		al=
		[ $v = fixed ] && al="--alignment fix.align"
		# shellcheck disable=SC2086
		(cd "$T/$1" && SOURCE_DATE_EPOCH=0 "$DOCCONV" f.zh.txt \
		    --translation f.en.txt $al --tei --json --tmx --pdf \
		    --epub --html -o $v 2>../$1.$v.msgs) ||
		    fail "$1 $v: exit $?: $(cat "$T/$1.$v.msgs")"
	done
	$py speaker_fixed "$T/$1/plain" "$T/$1/fixed" f.zh "$3" ||
	    fail "$1: the corrected header bead does not change every output"
	# The corrected TMX is still TMX 1.4b (tests/t_tmx.py, with
	# translate-toolkit where the system python3 has it).
	xmllint --noout --nonet "$T/$1/fixed/f.zh.tmx" ||
	    fail "$1: the TMX is not well-formed"
	if /usr/bin/python3 -c 'import translate.storage.tmx' 2>/dev/null; then
		/usr/bin/python3 "$S/t_tmx.py" "$T/$1/fixed/f.zh.tmx" \
		    "$T/$1/fixed/f.zh.json" || fail "$1: the TMX"
	fi
}
hfix occasion '3,4c\
Lin Hai' 'Lin Hai' 3
grep -q "f.en.txt:3 read as a speaker line (not occasion), as fix.align pairs it" \
    "$T/occasion.fixed.msgs" || fail "occasion: no warning: $(cat "$T/occasion.fixed.msgs")"
hfix body '3,5c\
Qingdao, 18 May 2023\
\
Harbour notes from Lin Hai, who directs the port authority' \
    'Harbour notes from Lin Hai, who directs the port authority' 5
grep -q "f.en.txt:5 read as a speaker line (not a paragraph), as fix.align pairs it" \
    "$T/body.fixed.msgs" || fail "body: no warning: $(cat "$T/body.fixed.msgs")"
# The corrected outputs are still valid: the EPUBs by epubcheck, the
# TEI by its schema, where the machine has them.
if have_epubcheck; then
	epubcheck_clean "$T/occasion/fixed/f.zh.epub" "$T/body/fixed/f.zh.epub" ||
	    fail "the EPUB of a corrected alignment is not valid"
fi
if [ -n "$TEI_SCHEMA" ] && [ -f "$TEI_SCHEMA" ] &&
    [ -f "${JING_JAR:-/usr/share/java/jing.jar}" ]; then
	java -jar "${JING_JAR:-/usr/share/java/jing.jar}" "$TEI_SCHEMA" \
	    "$T/occasion/fixed/f.zh.tei.xml" "$T/body/fixed/f.zh.tei.xml" ||
	    fail "the TEI of a corrected alignment is not valid"
fi
awk -F '\t' -v OFS='\t' '$1 == "1-1" && $5 == "para" && !done { $5 = "dateplace"; done = 1; n = NR } 1
    END { print n > "/dev/stderr" }' "$T/body/fix.align" >"$T/body/far.align" 2>"$T/body/far.n"
(cd "$T/body" && "$DOCCONV" f.zh.txt --translation f.en.txt --alignment \
    far.align --tei -o far 2>far.err); [ $? -eq 1 ] ||
    fail "a header bead of a paragraph in the body accepted"
grep -q "^docconv: far.align:$(cat "$T/body/far.n"): ERROR: alignment file refused: f.zh.txt:[0-9]* is a paragraph of the body, after f.zh.txt:[0-9]*, and a dateplace bead can make header lines only of the body's first paragraphs: give it a body bead (para)" \
    "$T/body/far.err" || fail "far: $(cat "$T/body/far.err")"

# A 1-1 far from the document's ratio: a summary for a paragraph.
d=$T/ex1
$py en3 "$d/en.txt" "$d/en3.txt" || fail "making en3"
(cd "$d" && "$DOCCONV" zh.txt --translation en3.txt --dump-alignment \
    >align3 2>msgs3) || fail "summary: exit $?"
[ "$(grep -c WARNING "$d/msgs3")" -eq 1 ] &&
    grep -q "aligned 1-1, but the translation is 0\.[0-9] times" "$d/msgs3" ||
    fail "a summarised paragraph: $(cat "$d/msgs3")"

# A long text (the example's body 40 times, 1,160 paragraphs a side):
# aligned, not paired in order, one merge and one split found.
awk '/^尊敬的/ && !body { body = 1 } body { b[++nb] = $0; next } { print }
    END { for (i = 0; i < 40; i++) for (j = 1; j <= nb; j++) print b[j] }' \
    "$top_srcdir/examples/speech-bilingual.zh-en.txt" >"$T/x40.txt"
split "$T/x40.txt" "$T/z40.txt" "$T/e40.txt" --merge 700 --split 0
"$DOCCONV" "$T/z40.txt" --translation "$T/e40.txt" --dump-alignment \
    >"$T/x40.align" 2>"$T/x40.msgs" || fail "x40: exit $?"
[ "$(grep -c WARNING "$T/x40.msgs")" -eq 2 ] ||
    fail "x40: not two warnings: $(head -5 "$T/x40.msgs")"
[ "$(awk -F '\t' '!/^#/ && $6 == "check"' "$T/x40.align" | wc -l)" -eq 2 ] ||
    fail "x40: not two beads to check"

# --alignment FILE: the beads of --dump-alignment, given back, align
# as before; one bead changed (a translation paragraph moved to the
# original's paragraph before, that one's own left alone) moves that
# pair in every output; a broken file is refused at its line.
d=$T/ex1
(cd "$d" && "$DOCCONV" -q zh.txt --translation en.txt --alignment align \
    --dump-alignment >align.again) || fail "--alignment: exit $?"
cmp -s "$d/align" "$d/align.again" || fail "--alignment of the dump differs"
$py edit_alignment "$d" || fail "making the edited alignment"
for v in plain edited; do
	al=
	[ $v = edited ] && al="--alignment edited.align"
	# shellcheck disable=SC2086
	(cd "$d" && SOURCE_DATE_EPOCH=0 "$DOCCONV" -q zh.txt --translation \
	    en.txt $al --tei --json --tmx --pdf --layout=interleaved -o $v) ||
	    fail "$v outputs: exit $?"
done
$py moved_pair "$d" || fail "the edited bead did not move its pair"
if command -v pdftotext >/dev/null 2>&1; then
	# Interleaved: the moved English before the original left alone.
	b2=$(sed -n 2p "$d/moved" | tr -d ' ')
	a2=$(sed -n 3p "$d/moved")
	for v in plain edited; do
		pdftotext "$d/$v/zh.pdf" - | tr -d ' \n' >"$d/$v.pdftxt"
		awk -v a="$a2" -v b="$b2" '{ i = index($0, a); j = index($0, b)
		    if (i == 0 || j == 0) exit 2; exit (j < i) ? 0 : 1 }' \
		    "$d/$v.pdftxt"
		echo $? >"$d/$v.order"
	done
	[ "$(cat "$d/plain.order")" = 1 ] && [ "$(cat "$d/edited.order")" = 0 ] ||
	    fail "PDF: the moved paragraph did not move (plain $(cat "$d/plain.order"), edited $(cat "$d/edited.order"))"
fi
# Broken: a line that begins nothing, two beads naming one line, a
# paragraph left out, two beads swapped, a bead miscounted.
L=$(sed -n 4p "$d/moved")
broken() {
	what=$1
	awk -v L="$L" -F '\t' -v OFS='\t' "$2" "$d/align" >"$d/broken.align"
	(cd "$d" && "$DOCCONV" zh.txt --translation en.txt --alignment \
	    broken.align --tei -o broken) 2>"$d/broken.err"
	st=$?
	[ $st -eq 1 ] || fail "$what: exit $st, not 1"
	grep -q "^docconv: broken.align:$3: ERROR: alignment file refused: $4" \
	    "$d/broken.err" || fail "$what: $(cat "$d/broken.err")"
	[ ! -e "$d/broken" ] || [ -z "$(ls "$d/broken")" ] ||
	    fail "$what: an output was written"
}
broken "no such line" 'NR == L { $3 = 99999 } 1' "$L" "en.txt:99999: no paragraph"
broken "overlap" 'NR == L + 1 { $3 = p } { p = $3 } 1' "$((L + 1))" \
    "en.txt:[0-9]* is in the bead on line $L already"
broken "left out" 'NR != L' "$L" "zh.txt:[0-9]* is in no bead"
broken "out of order" 'NR == L { s = $0; next } NR == L + 1 { print; print s; next } 1' \
    "$L" "zh.txt:[0-9]* is named before"
broken "miscounted" 'NR == L { $1 = "2-1" } 1' "$L" "the bead says 2 units"
"$DOCCONV" "$d/zh.txt" --alignment "$d/align" --tei 2>/dev/null; [ $? -eq 2 ] ||
    fail "--alignment without --translation accepted"

# A corrected --alignment file undoes a reading error: a line the
# reader joined to the line before (a Chinese line ending in '，') is
# a paragraph where the file names it; a line the reader read as a
# paragraph of its own joins the one before where the file leaves it
# out and the other side's paragraphs are all named (a warning says so).
printf '沃林港口的一年\n\n沃林港口今年接待的船舶比往年多了许多，\n船工们每天都要工作十个小时以上。\n\n管理处决定明年再修建两座新的码头。\n' >"$T/glue.zh.txt"
printf 'A Year at Vorlin Port\n\nVorlin Port received many more vessels this year than in earlier years.\n\nThe boatmen worked more than ten hours every day.\n\nThe office decided to build two new quays next year.\n' >"$T/glue.en.txt"
printf '1-1\t1\t1\t0.00\ttitle\tok\n1-1\t3\t3\n1-1\t4\t5\n1-1\t6\t7\n' >"$T/glue.fix"
"$DOCCONV" -q "$T/glue.zh.txt" --translation "$T/glue.en.txt" --alignment \
    "$T/glue.fix" --dump-alignment >"$T/glue.dump" 2>"$T/glue.err" ||
    fail "a corrected alignment that splits a paragraph refused: $(cat "$T/glue.err")"
grep -q '^1-1	4	5	' "$T/glue.dump" || fail "glue: line 4 is no paragraph: $(cat "$T/glue.dump")"
printf '沃林港口的一年\n沃林港口今年接待的船舶比往年多了许多，船工们每天都要工作十个小时以上。\n管理处决定明年再修建两座新的码头。\n' >"$T/cut.zh.txt"
printf 'A Year at Vorlin Port\nVorlin Port received many more vessels this year than in earlier years.\nThe boatmen worked more than ten hours every day.\nThe office decided to build two new quays next year.\n' >"$T/cut.en.txt"
printf '1-1\t1\t1\t0.00\ttitle\tok\n1-1\t2\t2\n1-1\t3\t4\n' >"$T/cut.fix"
"$DOCCONV" "$T/cut.zh.txt" --translation "$T/cut.en.txt" --alignment \
    "$T/cut.fix" --dump-alignment >"$T/cut.dump" 2>"$T/cut.err" ||
    fail "a corrected alignment that joins a paragraph refused: $(cat "$T/cut.err")"
grep -q '^1-1	2	2	' "$T/cut.dump" && grep -q 'cut.en.txt:3 joined to the paragraph at .*cut.en.txt:2' "$T/cut.err" ||
    fail "cut: en line 3 not joined to line 2: $(cat "$T/cut.dump" "$T/cut.err")"

# A line the reader took for a second title line that a body bead of
# the file names is a paragraph, and leaves the title.
printf '沃林港口的一年\n沃林港口今年很忙\n船工们每天都要工作十个小时以上，管理处决定明年再修建两座新的码头。\n港口的灯笼每天黄昏由看守人点亮，一直亮到第二天清早。\n' >"$T/head.zh.txt"
printf 'A Year at Vorlin Port\nVorlin Port was busy this year\nThe boatmen worked more than ten hours every day, and the office decided to build two new quays next year.\nThe lanterns of the port are lit at dusk by the keeper and burn until early the next morning.\n' >"$T/head.en.txt"
printf '1-1\t1\t1\t0.00\ttitle\tok\n1-1\t2\t2\t0.00\tpara\tok\n1-1\t3\t3\n1-1\t4\t4\n' >"$T/head.fix"
"$DOCCONV" -q "$T/head.zh.txt" --translation "$T/head.en.txt" --alignment \
    "$T/head.fix" --tei -o "$T/head.tei.xml" 2>"$T/head.err" ||
    fail "a corrected alignment that makes a title line body refused: $(cat "$T/head.err")"
grep -q '<title type="main" xml:lang="zh-CN">沃林港口的一年</title>' "$T/head.tei.xml" &&
    grep -q '<p [^>]*>沃林港口今年很忙</p>' "$T/head.tei.xml" ||
    fail "head: line 2 is not a paragraph: $(grep -m3 '<title\|<p ' "$T/head.tei.xml")"
# ... in every output: a paragraph of the web page, the EPUB, the JSON
# and the TMX, and no longer the title's in the PDF (before, each had
# it in the title).
for v in plain fixed; do
	al=
	[ $v = fixed ] && al="--alignment $T/head.fix"
	# shellcheck disable=SC2086
	SOURCE_DATE_EPOCH=0 "$DOCCONV" -q "$T/head.zh.txt" --translation \
	    "$T/head.en.txt" $al --html --epub --json --tmx --pdf \
	    -o "$T/head.$v/" || fail "head $v: exit $?"
done
hp='<p class="u zh"[^>]*>沃林港口今年很忙</p>'
for v in plain fixed; do
	o=$T/head.$v/head.zh
	n=0
	grep -q "$hp" "$o.html" && n=$((n + 1))
	unzip -p "$o.epub" EPUB/text.xhtml | grep -q "$hp" && n=$((n + 1))
	python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(not any(b["type"] == "para" and b["segs"][0]["text"] == "沃林港口今年很忙"
                 for b in d["blocks"]))' "$o.json" && n=$((n + 1))
	grep -A4 '<prop type="x-docconv-role">para</prop>' "$o.tmx" |
	    grep -q '<seg>沃林港口今年很忙</seg>' && n=$((n + 1))
	if command -v pdftotext >/dev/null 2>&1; then
		# The title's lines stand together, the paragraph after
		# the English title.
		pdftotext "$o.pdf" - | awk '/沃林港口今年很忙/ { l = NR }
		    /^A Year at Vorlin Port/ { t = NR } END { exit !(l > t) }' &&
		    n=$((n + 1))
	else
		n=$((n + 1))
	fi
	echo $n >"$T/head.$v.n"
done
[ "$(cat "$T/head.plain.n")" = 0 ] && [ "$(cat "$T/head.fixed.n")" = 5 ] ||
    fail "head: the line made a paragraph is one in $(cat "$T/head.fixed.n") of 5 outputs (before: $(cat "$T/head.plain.n"))"

# Every backend on a two-file input, one language pair in each.
(cd "$S/data/align" && SOURCE_DATE_EPOCH=0 "$DOCCONV" -q lecture.zh.txt \
    --translation lecture.en.txt --pdf --epub --tei --json -o "$T/out") ||
    fail "backends: exit $?"
for f in lecture.zh.pdf lecture.zh.epub lecture.zh.tei.xml lecture.zh.json; do
	[ -s "$T/out/$f" ] || fail "no $f"
done
if command -v pdftotext >/dev/null 2>&1; then
	pdftotext "$T/out/lecture.zh.pdf" - | tr -d ' \n' >"$T/pdf.txt"
	grep -q "河流塑造了城市的形态" "$T/pdf.txt" ||
	    fail "the PDF lacks the original's text"
	grep -q "First,rivershaveshaped" "$T/pdf.txt" ||
	    fail "the PDF lacks the translation's text"
fi
command -v qpdf >/dev/null 2>&1 && { qpdf --check "$T/out/lecture.zh.pdf" \
    >/dev/null 2>&1 || fail "qpdf --check"; }
grep -q 'xml:lang="en"' "$T/out/lecture.zh.tei.xml" &&
    grep -q 'xml:lang="zh' "$T/out/lecture.zh.tei.xml" ||
    fail "the TEI is not bilingual"
if [ -n "$TEI_SCHEMA" ] && [ -f "$TEI_SCHEMA" ]; then
	JING_JAR=${JING_JAR:-/usr/share/java/jing.jar}
	if [ -f "$JING_JAR" ]; then
		java -jar "$JING_JAR" "$TEI_SCHEMA" "$T/out/lecture.zh.tei.xml" ||
		    fail "TEI of a two-file input is not valid"
	fi
fi
unzip -p "$T/out/lecture.zh.epub" 2>/dev/null | grep -q "rivers need the protection" ||
    fail "the EPUB lacks the translation"
# The tokens of the segmented original are in the model.
grep -q '"type" : "w"' "$T/out/lecture.zh.json" || fail "no tokens in the JSON"

# Usage: one original; --dump-alignment needs --translation; both
# files in one language is an input error.
"$DOCCONV" a b --translation c --tei 2>/dev/null; [ $? -eq 2 ] ||
    fail "two originals accepted"
"$DOCCONV" "$d/zh.txt" --dump-alignment 2>/dev/null; [ $? -eq 2 ] ||
    fail "--dump-alignment without --translation accepted"
"$DOCCONV" "$d/zh.txt" --translation "$d/zh.txt" --tei -o "$T/same" \
    2>"$T/same.msgs"; [ $? -eq 1 ] || fail "two Chinese files accepted"
grep -q "both Chinese" "$T/same.msgs" || fail "no reason given: $(cat "$T/same.msgs")"
"$DOCCONV" "$top_srcdir/examples/speech-bilingual.zh-en.txt" --translation \
    "$d/en.txt" --tei -o "$T/bi" 2>"$T/bi.msgs"; [ $? -eq 1 ] ||
    fail "an interleaved file taken as one language's"
grep -q "bilingual already" "$T/bi.msgs" || fail "no reason: $(cat "$T/bi.msgs")"
"$DOCCONV" "$d/zh.txt" --translation "$T/nonexistent" --tei -o "$T/ne" \
    2>/dev/null; [ $? -eq 1 ] || fail "a missing translation accepted"
# An English original: the TEI's language is the original's, English,
# and its Chinese translation one of its texts.
(cd "$d" && "$DOCCONV" -q en.txt --translation zh.txt --tei -o "$T/en1.tei.xml") ||
    fail "English original: exit $?"
grep -q '<TEI [^>]*xml:lang="en"' "$T/en1.tei.xml" ||
    fail "an English original's TEI is not xml:lang en: $(grep '<TEI' "$T/en1.tei.xml")"
# A Markdown original with code and links (English lines in a Chinese
# file) is one language's text, not bilingual (tests/data/align/markdown).
grep -q '^1-1	10	10	.*	para	ok$' "$S/data/align/markdown.align" ||
    fail "markdown: the code lines are not one paragraph paired 1-1"
# Documented where a user looks: --help, docconv(1), README.
"$DOCCONV" --help >"$T/help" || fail "--help"
for o in --translation --dump-alignment; do
	grep -q -- "$o" "$T/help" || fail "--help lacks $o"
	grep -q -- "$o" "$top_srcdir/README.md" || fail "README lacks $o"
	grep -q -- "Fl ${o#-}" "$top_srcdir/docconv.1" || fail "docconv.1 lacks $o"
done
grep -q "^\.Sh ALIGNMENT DUMP" "$top_srcdir/docconv.1" ||
    fail "docconv.1 does not describe the --dump-alignment format"

# A 2-1 pair in the web page (issue 21): the original's two paragraphs
# stay two, the translation's one spans both their rows of the grid.
printf '丰收节\n\n　　今年秋天，林间小镇的果树结满了果子。\n\n　　镇长说，明年还要再种三千棵树。\n\n　　大家都很高兴。\n' > "$T/p21.zh.txt"
printf 'The Harvest Festival\n\nThis autumn the fruit trees of Linjian were full; the mayor said three thousand more would be planted next year.\n\nEveryone was happy.\n' > "$T/p21.en.txt"
what="2-1 pair, web page"
"$DOCCONV" -q --html --translation "$T/p21.en.txt" -o "$T/p21.html" \
    "$T/p21.zh.txt" || fail "$what: docconv failed"
sed -n '/id="b1"/,/<\/div>/p' "$T/p21.html" > "$T/b1"
[ "$(grep -c '<p class="u zh"' "$T/b1")" -eq 2 ] ||
    fail "$what: the original's two paragraphs are not two: $(cat "$T/b1")"
grep -q '<p class="u en" style="grid-row: 1 / span 2"' "$T/b1" ||
    fail "$what: the translation does not span both rows: $(cat "$T/b1")"
pass
