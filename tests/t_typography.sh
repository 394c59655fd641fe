#!/bin/sh
# The typography of every example and golden input, and of invented
# Chinese with digits, addresses and Latin words (tests/data/typography,
# alone and paired with English), in five styles: the
# built-in one at A5, A4 and A6, the bundled large style and the
# built-in one without hyphenation, measured from the PDFs' glyph
# positions (tests/typocheck.py): no letter-spaced words, no gap
# between words over 1.5 em, Chinese lines flush, kinsoku, no line of
# one Han character, no hyphenated or one-character display line.
# One docconv per style converts all the inputs.
. "${top_srcdir:-.}/tests/lib.sh"
py="python3 $top_srcdir/tests/t_typography.py"
need mutool python3
: "${DOCCONV:?}" "${top_srcdir:?}"
SOURCE_DATE_EPOCH=1600000000
export SOURCE_DATE_EPOCH

# Every input under one name of its own (two goldens are speech.txt,
# and speech.json beside speech.txt would write the same PDF).
mkdir "$T/in" || fail "mkdir"
for f in "$top_srcdir"/examples/*.txt "$top_srcdir"/tests/golden/*/*.txt \
    "$top_srcdir"/tests/golden/*/*.json \
    "$top_srcdir"/tests/data/typography/*.txt; do
	d=$(basename "$(dirname "$f")")
	b=$(basename "$f")
	case $b in
	*.json) b=${b%.json}-json.json ;;
	esac
	ln -s "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$T/in/$d-$b" ||
	    fail "ln $f"
done
printf '[text]\nhyphenation = false\n' > "$T/nohyph.style"
# The model tells which Chinese lines go on in their paragraph.
mkdir "$T/model" && "$DOCCONV" -q --json -o "$T/model" "$T"/in/* || fail "docconv --json"

args="$T/model"
for s in a5 a4 a6 large nohyph; do
	case $s in
	a5|a4) opt="--paper $s" ;;
	a6) opt="--paper a6" ;;
	large) opt="--style $top_srcdir/examples/booklet-large.style" ;;
	nohyph) opt="--style $T/nohyph.style" ;;
	esac
	mkdir "$T/$s" || fail "mkdir"
	# shellcheck disable=SC2086
	"$DOCCONV" -q --pdf $opt -o "$T/$s" "$T"/in/* ||
	    fail "$s: docconv --pdf $opt"
	args="$args $s=$T/$s"
done
# shellcheck disable=SC2086
python3 "$top_srcdir/tests/typocheck.py" $args || fail "typography faults above"

# A salutation that takes two lines is set as a letter sets it: flush
# left at the natural word space, broken at a phrase, not justified
# (its first line's few words stood 0.7 em apart).
$py salutation "$top_srcdir/tests" "$T/large/examples-speech-bilingual.zh-en.pdf" ||
    fail "large: the English salutation is justified or not in two lines"
