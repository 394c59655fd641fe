#!/bin/sh
# PDF of the roles the readers find: headings (bold, in the outline at
# their levels, never last on a page), speaker labels in bold,
# sign-offs flush right, captions smaller and flush left, the editor's
# note set in, the kicker over the title; text that copies out as the
# model's.  The texts are invented.
. "${top_srcdir:-.}/tests/lib.sh"
py="python3 $top_srcdir/tests/t_pdf_roles.py"
need pdftotext pdftohtml qpdf python3
: "${DOCCONV:?}" "${top_srcdir:?}"
CHECK="python3 $top_srcdir/tests/pdfcheck.py"
tmp=$T
SOURCE_DATE_EPOCH=1600000000
export SOURCE_DATE_EPOCH
rc=0
bad() { echo "FAIL: $*"; rc=1; }

# A news text of N sections, each with headings of three levels, an
# interview and a captioned photo; paragraph lengths vary so that the
# headings fall at different heights of the page.
mkroles() {
	$py paragraphs "$1"
}

mkroles 1 > "$tmp/r1.txt"
"$DOCCONV" -q --dump-model -o - "$tmp/r1.txt" > "$tmp/r1.model" || bad "roles: --dump-model"
# Readers from before the roles (issue 11) find none of them: nothing
# to typeset yet.  Once some are found, all must be.
grep -q '^heading\|^turn$\|^caption\|^signoff' "$tmp/r1.model" ||
    { echo "SKIP: the readers find no headings, turns, captions or sign-offs"; exit 77; }
for r in '^kicker zh: ' '^heading level=1$' '^heading level=2$' '^note$' \
    '^turn$' ' speaker=\[' '^caption caption$' '^caption credit$' '^signoff byline$'; do
	grep -q "$r" "$tmp/r1.model" || bad "roles: the reader found no $r"
done

for n in 1 9; do
	mkroles $n > "$tmp/r.txt"
	"$DOCCONV" -q --dump-model -o - "$tmp/r.txt" > "$tmp/r.model" || bad "r$n: --dump-model"
	for p in a5 a4; do
		x="$tmp/r$n$p"
		"$DOCCONV" -v --pdf --paper $p -o "$x.pdf" "$tmp/r.txt" 2> "$tmp/v" ||
		    { bad "r$n $p: --pdf"; continue; }
		grep 'whole fonts' "$tmp/v" && bad "r$n $p: runs missed the font subsets"
		out=$(qpdf --check "$x.pdf" 2>&1) || bad "r$n $p: qpdf --check: $out"
		pdftotext -bbox-layout "$x.pdf" "$x.html"
		for m in text keep right roles widows; do
			$CHECK $m "$tmp/r.model" "$x.html" zh || bad "r$n $p: $m"
		done
		$CHECK zhrules "$tmp/r.model" "$x.html" || bad "r$n $p: Chinese lines"
		qpdf --json --json-key=outlines "$x.pdf" > "$x.json" || bad "r$n $p: qpdf --json"
		$CHECK outline "$tmp/r.model" "$x.json" zh || bad "r$n $p: outline"
		pdftohtml -xml -i -zoom 1 -stdout "$x.pdf" > "$x.xml" || bad "r$n $p: pdftohtml"
		$CHECK bold "$tmp/r.model" "$x.xml" zh || bad "r$n $p: bold"
	done
done

# A text whose first block is a heading (no title line: a web export
# that opens with a "##" line longer than a headline) sets in every
# layout, its headings' text in the PDF; the space before the first
# heading once looked at the block before it, which is not there.
printf '## %s\n\n%s\n\n## %s\n\n%s\n' \
    'Notes of the Velmor harbour board on the plan it adopted in the spring, as read out by the clerks of the board' \
    'The harbour board met on Tuesday and agreed on a plan for the quays.' \
    'What follows' 'Work on the western quay begins in spring.' >"$tmp/hf.txt"
"$DOCCONV" -q --dump-model "$tmp/hf.txt" | grep -v -e '^meta' -e '^ ' |
    head -1 | grep -q '^heading' || bad "heading-first: the first block is not a heading"
for lay in columns facing interleaved; do
	"$DOCCONV" -q --pdf --layout=$lay -o "$tmp/hf-$lay.pdf" "$tmp/hf.txt" ||
	    { bad "heading-first $lay: --pdf exit $?"; continue; }
	pdftotext "$tmp/hf-$lay.pdf" - | tr '\n' ' ' | grep -q "Velmor harbour" ||
	    bad "heading-first $lay: the heading is not in the PDF"
done
exit $rc
