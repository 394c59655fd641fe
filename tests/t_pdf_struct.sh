#!/bin/sh
# The PDF's page structure and its tagging, on every example in A5
# and A4 (issue 12): pairs in columns share their first baseline;
# facing pages keep step by the spread with no gap inside a page
# larger than two line pitches but above a heading; the PDF is tagged
# (Document, a Sect per language, H1/H2/P/Lbl/Caption/Note) with a
# /Lang on every element, and its structure text is the model's, per
# language and in order; every marked-content sequence is an MCID of
# the structure tree or an /Artifact (running heads, folios, rules,
# added hyphens), nothing is painted outside one; the catalog has
# /Lang, /MarkInfo, /ViewerPreferences and XMP metadata naming
# PDF/UA-1; a hyphenated word copies out whole; no column or page
# ends with a hyphen; pdftotext reads each
# language's paragraphs whole and in order, across pages too; the
# writer of all that also works on a PDF whose cross-reference is an
# xref stream; the booklet is untagged but has /Lang, XMP and /Marked
# false.
. "${top_srcdir:-.}/tests/lib.sh"
need pdfinfo pdftotext qpdf mutool python3
: "${DOCCONV:?}" "${top_srcdir:?}" "${top_builddir:?}"
CHECK="python3 $top_srcdir/tests/pdfstruct.py"
tmp=$T
SOURCE_DATE_EPOCH=1600000000
export SOURCE_DATE_EPOCH
rc=0
bad() { echo "FAIL: $*"; rc=1; }

for f in "$top_srcdir"/examples/*.txt; do
	n=$(basename "$f" .txt)
	"$DOCCONV" -q --dump-model -o - "$f" > "$tmp/$n.model" 2>/dev/null ||
	    { bad "$n: --dump-model"; continue; }
	langs=$(sed -n 's/^meta languages: //p' "$tmp/$n.model")
	for paper in a5 a4; do
		b=$tmp/$n-$paper
		echo "== $n $paper"
		"$DOCCONV" -q --pdf --paper=$paper -o "$b.pdf" "$f" ||
		    { bad "$n $paper: --pdf failed"; continue; }
		out=$(qpdf --check "$b.pdf" 2>&1) || bad "$n $paper: qpdf --check: $out"
		pdfinfo "$b.pdf" > "$b.info"
		grep -q '^Tagged: *yes' "$b.info" || bad "$n $paper: not tagged"
		grep -q '^Metadata Stream: *yes' "$b.info" || bad "$n $paper: no XMP"
		qpdf --qdf --object-streams=disable "$b.pdf" "$b.qdf"
		grep -a -q '/Marked true' "$b.qdf" ||
		    bad "$n $paper: no /MarkInfo"
		grep -a -q '/DisplayDocTitle true' "$b.qdf" ||
		    bad "$n $paper: no /DisplayDocTitle"
		grep -a -q '<pdfuaid:part>1</pdfuaid:part>' "$b.qdf" ||
		    bad "$n $paper: XMP does not name PDF/UA-1"
		grep -a -q '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">[^<]' "$b.qdf" ||
		    bad "$n $paper: XMP has no dc:title"
		grep -a -q '<dc:language><rdf:Bag><rdf:li>' "$b.qdf" ||
		    bad "$n $paper: XMP has no dc:language"
		grep -a -q '/Lang (\(zh-CN\|zh-TW\|en\))' "$b.qdf" ||
		    bad "$n $paper: no catalog /Lang"
		$CHECK marks "$b.qdf" || bad "$n $paper: marked content"
		want=zh-CN; [ "$langs" = "zh en" ] && want=zh-CN,en
		$CHECK langs "$tmp/$n.model" "$b.qdf" $want ||
		    bad "$n $paper: element languages"
		pdfinfo -struct-text "$b.pdf" > "$b.struct" 2>/dev/null
		$CHECK struct "$tmp/$n.model" "$b.struct" ||
		    bad "$n $paper: structure text"
		# Running heads and folios are artifacts, not structure.
		grep -q '^ *"[0-9]*"$' "$b.struct" &&
		    bad "$n $paper: a folio in the structure text"
		grep -q '…"$' "$b.struct" &&
		    bad "$n $paper: a running head in the structure text"
		mutool draw -q -F stext -o "$b.stext" "$b.pdf" 2>/dev/null ||
		    bad "$n $paper: mutool"
		pdftotext -bbox-layout "$b.pdf" "$b.bbox" ||
		    bad "$n $paper: pdftotext"
		$CHECK order "$tmp/$n.model" "$b.bbox" ||
		    bad "$n $paper: pdftotext reading order"
		# No column ends with a hyphen (without ln_refit() three
		# of the bilingual example's in A5 did).
		$CHECK colends "$tmp/$n.model" "$b.stext" 0 ||
		    bad "$n $paper: a column ends with a hyphen"
		if [ "$langs" = "zh en" ]; then
			$CHECK baselines "$tmp/$n.model" "$b.stext" ||
			    bad "$n $paper: baselines"
			"$DOCCONV" -q --pdf --paper=$paper --layout=facing \
			    -o "$b-facing.pdf" "$f" || bad "$n $paper: facing"
			mutool draw -q -F stext -o "$b-facing.stext" \
			    "$b-facing.pdf" 2>/dev/null
			$CHECK gaps "$tmp/$n.model" "$b-facing.stext" ||
			    bad "$n $paper: facing gaps"
			$CHECK colends "$tmp/$n.model" "$b-facing.stext" 0 ||
			    bad "$n $paper: facing: a column ends with a hyphen"
			"$DOCCONV" -q --pdf --paper=$paper --layout=interleaved \
			    -o "$b-il.pdf" "$f" || bad "$n $paper: interleaved"
			mutool draw -q -F stext -o "$b-il.stext" "$b-il.pdf" 2>/dev/null
			$CHECK colends "$tmp/$n.model" "$b-il.stext" 0 ||
			    bad "$n $paper: interleaved: a page ends with a hyphen"
			pdftotext -bbox-layout "$b-facing.pdf" "$b-facing.bbox"
			$CHECK order "$tmp/$n.model" "$b-facing.bbox" ||
			    bad "$n $paper: facing: pdftotext reading order"
			qpdf --qdf --object-streams=disable "$b-facing.pdf" \
			    "$b-facing.qdf"
			$CHECK marks "$b-facing.qdf" ||
			    bad "$n $paper: facing: marked content"
			pdfinfo -struct-text "$b-facing.pdf" > "$b-facing.struct" 2>/dev/null
			$CHECK struct "$tmp/$n.model" "$b-facing.struct" ||
			    bad "$n $paper: facing structure text"
			# A word broken with a hyphen copies out whole.
			pdftotext "$b.pdf" - | grep -q '[a-z]\(‐\|­\)$' &&
			    bad "$n $paper: pdftotext gives a line ending in a broken word"
		fi
	done
done

# The booklet (--impose) is for the printer, not tagged: it has
# /Lang, its XMP (claiming no PDF/UA), /Marked false, and no structure
# tree of cairo's or ours to be broken.
for f in "$top_srcdir"/examples/*.txt; do
	n=$(basename "$f" .txt)
	b=$tmp/$n-bk
	"$DOCCONV" -q --pdf --paper=a5 --impose=booklet -o "$b.pdf" "$f" ||
	    { bad "$n booklet: --pdf failed"; continue; }
	out=$(qpdf --check "$b.pdf" 2>&1) || bad "$n booklet: qpdf --check: $out"
	pdfinfo "$b.pdf" > "$b.info"
	grep -q '^Tagged: *no' "$b.info" || bad "$n booklet: tagged"
	grep -q '^Metadata Stream: *yes' "$b.info" || bad "$n booklet: no XMP"
	qpdf --qdf --object-streams=disable "$b.pdf" "$b.qdf"
	grep -a -q '/Lang (\(zh-CN\|zh-TW\|en\))' "$b.qdf" ||
	    bad "$n booklet: no catalog /Lang"
	grep -a -A1 "/MarkInfo <<" "$b.qdf" | grep -a -q "/Marked false" ||
	    bad "$n booklet: no /Marked false"
	grep -a -q '/StructTreeRoot' "$b.qdf" && bad "$n booklet: a structure tree"
	grep -a -q '/MCID' "$b.qdf" && bad "$n booklet: marked content with MCIDs"
	grep -a -q 'pdfuaid:part' "$b.qdf" && bad "$n booklet: claims PDF/UA"
	grep -a -q '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">[^<]' "$b.qdf" ||
	    bad "$n booklet: XMP has no dc:title"
done

# Speaker turns: the label is a Lbl of its P.
printf '采访\n\n记者：今天天气怎么样？\n\n张三：很好，阳光明媚。\n' > "$tmp/turns.txt"
"$DOCCONV" -q --pdf -o "$tmp/turns.pdf" "$tmp/turns.txt" || bad "turns: --pdf"
pdfinfo -struct-text "$tmp/turns.pdf" 2>/dev/null | grep -q '^ *Lbl' ||
    bad "turns: no Lbl"

# The /Lang writer on a PDF with an xref stream and object streams.
"$DOCCONV" -q --pdf -o "$tmp/x.pdf" "$top_srcdir/examples/news-report.zh.txt"
qpdf --object-streams=generate "$tmp/x.pdf" "$tmp/xs.pdf"
grep -a -q '/Type */XRef' "$tmp/xs.pdf" || bad "fixture has no xref stream"
# Page 2's first MCID (a P) made an artifact by the update too.
"$top_builddir/tests/pdffix_test" "$tmp/xs.pdf" fr 1:0 || bad "pdffix_test failed"
# The update's cross-reference is of the file's kind: a stream.
tail -c 600 "$tmp/xs.pdf" | grep -a -q '/Type /XRef /Size' ||
    bad "xref stream update: not an xref stream"
out=$(qpdf --check "$tmp/xs.pdf" 2>&1) || bad "xref stream update: qpdf --check: $out"
qpdf --qdf --object-streams=disable "$tmp/xs.pdf" "$tmp/xs.qdf"
grep -a -q '/Lang (fr)' "$tmp/xs.qdf" || bad "xref stream update: no /Lang (fr)"
# The root is the new catalog (its /Lang fr), not the old one (zh-CN,
# which the structure elements also carry).
root=$(qpdf --show-object=trailer "$tmp/xs.pdf" | sed -n 's|.*/Root \([0-9]*\) 0 R.*|\1|p')
qpdf --show-object="${root:-0}" "$tmp/xs.pdf" | grep -q '/Lang (fr)' ||
    bad "xref stream update: the old catalog is still the root"
pdfinfo "$tmp/xs.pdf" | grep -q '^Tagged: *yes' || bad "xref stream update: structure lost"
$CHECK marks "$tmp/xs.qdf" || bad "xref stream update: marked content"
qpdf --qdf --object-streams=disable "$tmp/x.pdf" "$tmp/x.qdf"
a0=$(sed -n '/^%% Contents for page 2$/,/^endstream/p' "$tmp/x.qdf" | grep -a -c '^/Artifact')
a1=$(sed -n '/^%% Contents for page 2$/,/^endstream/p' "$tmp/xs.qdf" | grep -a -c '^/Artifact')
[ "$a1" -eq $((a0 + 1)) ] ||
    bad "xref stream update: page 2 has $a1 artifacts, not $a0 + 1"
sed -n '/^%% Contents for page 2$/,/^endstream/p' "$tmp/xs.qdf" |
    grep -a -q '/MCID 0 >>' && bad "xref stream update: MCID 0 is still there"
[ "$(pdftotext "$tmp/x.pdf" - | md5sum)" = "$(pdftotext "$tmp/xs.pdf" - | md5sum)" ] ||
    bad "xref stream update: the text changed"

exit $rc
