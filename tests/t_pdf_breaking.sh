#!/bin/sh
# Whole-paragraph line breaking, measured from the PDF itself (mutool
# character positions, pdftotext text; tests/pdfmetrics.py): on every
# example in A5 and A4, English word spaces and the extra space between
# Han characters within issue 12's bounds, Chinese lines flush and
# kinsoku-clean, no two hyphenated lines in a row, no U+00AD inside a
# word.  Then invented texts that are hard to break: ligatures and soft
# hyphens, a word wider than the column, runs of punctuation.
. "${top_srcdir:-.}/tests/lib.sh"
py="python3 $top_srcdir/tests/t_pdf_breaking.py"
need mutool pdftotext python3
: "${DOCCONV:?}" "${top_srcdir:?}"
METRICS="python3 $top_srcdir/tests/pdfmetrics.py"
CHECK="python3 $top_srcdir/tests/pdfcheck.py"
tmp=$T
SOURCE_DATE_EPOCH=1600000000
export SOURCE_DATE_EPOCH
rc=0
bad() { echo "FAIL: $*"; rc=1; }

for f in "$top_srcdir"/examples/*.txt; do
	n=$(basename "$f" .txt)
	"$DOCCONV" -q --dump-model -o - "$f" > "$tmp/$n.model" 2>/dev/null ||
	    { bad "$n: --dump-model"; continue; }
	for p in a5 a4; do
		case $p in
		# A5's Chinese column is some 13 characters wide: a line
		# giving a character to the paragraph's last, which would
		# hold it alone, or ending in a mark compressed rather than
		# hung, spreads up to 0.11 em between its characters.
		# Every line that goes on in its paragraph and ends in a
		# closing mark has it at half width, flush: a twentieth
		# of A5's gaps spread some 0.04 em to give the half em.
		# A word space shrinks to two thirds at most (TeX's, Typst's):
		# at half (0.125 em) words nearly touched, even after a
		# full stop; what they do not give, looser lines take.
		a5) lim="--en-min 0.16 --en-p95 0.48 --en-max 0.80 --han-max 0.12 --han-p95 0.05" ;;
		a4) lim="--en-min 0.16 --en-p95 0.45 --en-max 0.65 --han-max 0.05 --han-p95 0.02" ;;
		esac
		"$DOCCONV" -q --pdf --paper $p -o "$tmp/$n.$p.pdf" "$f" ||
		    { bad "$n $p: --pdf failed"; continue; }
		echo "== $n $p"
		# shellcheck disable=SC2086
		$METRICS "$tmp/$n.$p.pdf" --model "$tmp/$n.model" $lim ||
		    bad "$n $p: measures"
	done
done

# English with ligatures (ff, fi, ffi, tt), soft hyphens of its own and
# a word wider than an A5 column, in one narrow column: every word
# copies out whole, broken words end their line in a hyphen, the text
# is the model's.
$py en_text "$tmp/en.txt"
"$DOCCONV" -q --dump-model -o - "$tmp/en.txt" > "$tmp/en.model" 2>/dev/null ||
    bad "en fixture: --dump-model"
for p in a5 a4; do
	"$DOCCONV" -q --pdf --paper $p --layout en -o "$tmp/en.$p.pdf" "$tmp/en.txt" ||
	    { bad "en fixture $p: --pdf failed"; continue; }
	echo "== en fixture $p"
	$METRICS "$tmp/en.$p.pdf" || bad "en fixture $p: measures"
	pdftotext -enc UTF-8 "$tmp/en.$p.pdf" "$tmp/en.$p.txt"
	for w in officer office difficult affairs efficient staff fitted \
	    buffer fluffy committed scaffolding; do
		grep -q "$w" "$tmp/en.$p.txt" ||
		    bad "en fixture $p: '$w' does not copy out whole"
	done
	pdftotext -bbox-layout "$tmp/en.$p.pdf" "$tmp/en.$p.html"
	$CHECK text "$tmp/en.model" "$tmp/en.$p.html" en ||
	    bad "en fixture $p: text differs from the model"
done
# A5 is narrow enough to hyphenate: broken lines show the hyphen.
# (mutool's text shows the added hyphen's glyph, U+2010 or U+00AD;
# pdftotext applies /ActualText and shows the whole word instead.)
mutool draw -F txt -o "$tmp/en.a5.mu.txt" "$tmp/en.a5.pdf" 2>/dev/null
n=$(grep -c "\($(printf '\342\200\220')\|$(printf '\302\255')\)\$" "$tmp/en.a5.mu.txt")
echo "# $n hyphenated lines in A5"
[ "$n" -gt 0 ] || bad "en fixture: no line ends in a hyphen in A5"

# Chinese with runs of punctuation, quotes in quotes, long numbers and
# Latin words: kinsoku-clean, flush, no runt, nothing lost.
$py zh_text "$tmp/zh.txt"
"$DOCCONV" -q --dump-model -o - "$tmp/zh.txt" > "$tmp/zh.model" 2>/dev/null ||
    bad "zh fixture: --dump-model"
for p in a5 a4; do
	"$DOCCONV" -q --pdf --paper $p --layout zh -o "$tmp/zh.$p.pdf" "$tmp/zh.txt" ||
	    { bad "zh fixture $p: --pdf failed"; continue; }
	echo "== zh fixture $p"
	$METRICS "$tmp/zh.$p.pdf" --model "$tmp/zh.model" || bad "zh fixture $p: measures"
	pdftotext -bbox-layout "$tmp/zh.$p.pdf" "$tmp/zh.$p.html"
	$CHECK text "$tmp/zh.model" "$tmp/zh.$p.html" zh ||
	    bad "zh fixture $p: text differs from the model"
	$CHECK runts "$tmp/zh.model" "$tmp/zh.$p.html" || bad "zh fixture $p: runts"
done

# The last resort (issue 21): without hyphenation the example's English
# has lines nothing can justify; each is set ragged, never letter-spaced
# (t_typography.sh measures that), and a warning names the input, the
# page and the line, as TeX reports an underfull box.
printf '[text]\nhyphenation = false\n' > "$tmp/nohyph.style"
f="$top_srcdir/examples/speech-bilingual.zh-en.txt"
"$DOCCONV" --pdf --style "$tmp/nohyph.style" -o "$tmp/nohyph.pdf" "$f" \
    2> "$tmp/nohyph.err" || bad "hyphenation off: --pdf failed"
grep -q "^docconv: $f: WARNING: page [0-9]*, line [0-9]*: .*set ragged: " \
    "$tmp/nohyph.err" ||
    bad "hyphenation off: no warning naming page and line: $(cat "$tmp/nohyph.err")"
exit $rc
