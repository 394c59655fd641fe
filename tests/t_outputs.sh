#!/bin/sh
# What a run writes may never be what it reads (issue 24): an output
# (-o, a default name, --report, --alignment-report) that is an input
# (the original, --translation, --alignment, --meta-file, a sidecar,
# --style, --files-from) or another output is refused before anything
# is read, exit 2; in a batch only the clashing inputs are refused.
. "${top_srcdir:-.}/tests/lib.sh"

ex="$top_srcdir/examples"
al="$top_srcdir/tests/data/align"

# same FILE...: each FILE is unchanged since keep_all.
keep_all() {
	rm -rf "$T/keep"
	mkdir "$T/keep"
	for _f in "$T"/w/*; do cp "$_f" "$T/keep/"; done
}
unchanged() {
	for _f in "$T"/w/*; do
		[ -f "$T/keep/${_f##*/}" ] ||
		    fail "$what: $(basename "$_f") written"
		cmp -s "$_f" "$T/keep/${_f##*/}" ||
		    fail "$what: $(basename "$_f") changed"
	done
}

mkdir "$T/w"
cp "$ex/news-report.zh.txt" "$T/w/in.txt"
cp "$al/forum.zh.txt" "$al/forum.en.txt" "$al/forum.align" "$T/w/"
keep_all
cd "$T/w" || fail "cd"

what="--report naming the input"
run in.txt --tei --report in.txt
expect 2 "--report in.txt would overwrite the input in.txt"
unchanged
what="--report beside --tei naming the TEI"
run in.txt --tei --report in.tei.xml
expect 2 "--report in.tei.xml and the output .*in.tei.xml are one file"
unchanged
what="--report through another name of the input"
run in.txt --tei --report ../w/in.txt
expect 2 "would overwrite the input in.txt"
unchanged

pair="forum.zh.txt --translation forum.en.txt --alignment forum.align"
for f in forum.zh.txt forum.en.txt forum.align; do
	what="--alignment-report naming $f"
	run $pair --tei --alignment-report $f
	expect 2 "--alignment-report $f would overwrite"
	unchanged
done
what="--alignment-report naming the TEI output"
run $pair --tei --alignment-report forum.zh.tei.xml
expect 2 "--alignment-report forum.zh.tei.xml and the output"
unchanged
what="--alignment-report naming --report"
run $pair --tei --alignment-report r.html --report r.html
expect 2 "are one file"
unchanged
what="-o naming the translation"
run forum.zh.txt --translation forum.en.txt --tei -o forum.en.txt
expect 2 "-o forum.en.txt would overwrite --translation forum.en.txt"
unchanged
what="the translation named as the original's output"
cp forum.en.txt forum.zh.tei.xml
keep_all
run forum.zh.txt --translation forum.zh.tei.xml --tei
expect 2 "would overwrite --translation forum.zh.tei.xml"
unchanged
rm forum.zh.tei.xml
keep_all
what="-o naming --meta-file"
printf 'publisher = Ombrelle Press\n' >press.meta
keep_all
run in.txt --tei --meta-file press.meta -o press.meta
expect 2 "would overwrite --meta-file press.meta"
unchanged
what="-o naming the sidecar"
mv press.meta in.meta
keep_all
run in.txt --tei -o in.meta
expect 2 "would overwrite the metadata file in.meta"
unchanged
rm in.meta
what="--report naming --files-from"
echo in.txt >list
keep_all
run --files-from list --tei --report list
expect 2 "--report list would overwrite --files-from list"
unchanged
rm list
keep_all
cd "$T" || fail "cd"

# ---- A batch: only the clashing inputs are refused, unread; the
# others are converted and the report is written.
mkdir -p "$T/b/d" "$T/b/e" "$T/b/o"
for n in 1 2 3; do
	printf '标题%s\n\n第%s段，很短。\n\nParagraph %s.\n' $n $n $n \
	    >"$T/b/f$n.txt"
done
cp "$T/b/f1.txt" "$T/b/d/twin.txt"
cp "$T/b/f2.txt" "$T/b/e/twin.txt"
what="two inputs writing one output, -j 2"
run "$T/b/d/twin.txt" "$T/b/f1.txt" "$T/b/e/twin.txt" --tei -o "$T/b/o" \
    --report "$T/b/r1" -j 2
expect 2 "d/twin.txt and .*e/twin.txt would both write"
[ "$(ls "$T/b/o")" = "f1.tei.xml" ] || fail "$what: wrote $(ls "$T/b/o")"
[ "$(grep -c '"status":"failed"' "$T/b/r1")" -eq 2 ] &&
    grep -q 'f1.txt","status":"converted"' "$T/b/r1" ||
    fail "$what: report $(cat "$T/b/r1")"
what="an output that is another input"
cp "$T/b/f3.txt" "$T/b/f1.tei.xml"
cp "$T/b/f1.tei.xml" "$T/b/keep.tei"
run "$T/b/f1.txt" "$T/b/f1.tei.xml" "$T/b/f2.txt" --json --tei
expect 2 "would overwrite the input .*f1.tei.xml"
cmp -s "$T/b/f1.tei.xml" "$T/b/keep.tei" || fail "$what: input changed"
[ -f "$T/b/f2.json" ] || fail "$what: f2.txt not converted"
rm -f "$T/b"/*.json "$T/b"/*.tei.xml

what="a bad sidecar among three"
printf 'isbn = 123\n' >"$T/b/f2.meta"
run "$T/b/f1.txt" "$T/b/f2.txt" "$T/b/f3.txt" --tei -o "$T/b/m" \
    --report "$T/b/r2"
expect 2 "f2.txt: ERROR: metadata file refused: .*f2.meta:1: isbn"
[ "$(ls "$T/b/m" | tr '\n' ' ')" = "f1.tei.xml f3.tei.xml " ] ||
    fail "$what: wrote $(ls "$T/b/m")"
[ "$(wc -l <"$T/b/r2")" -eq 3 ] &&
    grep -q 'f2.txt","status":"failed","outputs":\[\],"messages":\[".*isbn' \
    "$T/b/r2" || fail "$what: report $(cat "$T/b/r2")"
rm "$T/b/f2.meta"

# ---- One file named twice is converted once, however it was named.
what="a name twice in --files-from"
printf '%s\n' "$T/b/f1.txt" "$T/b/f2.txt" "$T/b/f1.txt" >"$T/b/list"
run --files-from "$T/b/list" --tei -o "$T/b/t" --report "$T/b/r3"
expect 0 "f1.txt: WARNING: the same file as .*f1.txt, named before it"
grep -q "2 files: 2 converted" "$T/err" || fail "$what: $(cat "$T/err")"
[ "$(wc -l <"$T/b/r3")" -eq 2 ] || fail "$what: report $(cat "$T/b/r3")"
what="one file under two names"
(cd "$T/b" && "$DOCCONV" f1.txt ./f1.txt ../b/f1.txt --tei -o t2/ \
    >"$T/out" 2>"$T/err")
rc=$?
expect 0 "converted once"
[ "$(grep -c 'converted once' "$T/err")" -eq 2 ] || fail "$what: $(cat "$T/err")"
# ---- A backend that fails makes its file failed, whatever thread
# noticed (the PDF's typesetter runs beside its painter).
cd "$T/b" || fail "cd"
what="a PDF whose typesetting fails"
printf '[page]\ninner = 54mm\nouter = 54mm\n[zh-body]\nsize = 72\n' >big.style
run f1.txt --pdf --style big.style --report r5
expect 3 "big.style: the margins leave no text block"
[ ! -e f1.pdf ] || fail "$what: f1.pdf written"
grep -q '"status":"failed","outputs":\[\],"messages":\[.*no text block' r5 ||
    fail "$what: report $(cat r5)"
what="margins checked on --paper's paper"
printf '[page]\npaper = a4\ninner = 80mm\nouter = 80mm\n' >wide.style
run f1.txt --pdf --style wide.style --paper a5
expect 2 "wide.style:3: ERROR: bad style file: .* of the paper's 148.0 mm"
[ ! -e f1.pdf ] || fail "$what: f1.pdf written"
what="fonts that will not load, three files"
mkdir -p data/fonts-config
cp -r "$top_srcdir/templates" data/
echo 'not fontconfig' >data/fonts-config/docconv.conf
DOCCONV_DATADIR=$T/b/data "$DOCCONV" f1.txt f2.txt f3.txt --pdf -j 1 \
    --report r6 >"$T/out" 2>"$T/err"
rc=$?
expect 3 "3 files: 0 converted, 0 skipped, 3 failed"
[ "$(grep -c '"status":"failed"' r6)" -eq 3 ] || fail "$what: report $(cat r6)"

# ---- A report that cannot be written is a system error.
what="--report /dev/full"
if [ -w /dev/full ]; then
	run f1.txt --tei --report /dev/full
	expect 3 "--report: No space left on device"
	run f1.txt f2.txt -j 2 --json --report /dev/full
	expect 3 "--report: No space left on device"
else
	echo "no /dev/full: $what is not checked"
fi
# ---- The TMX, the JSON and the review sheet name the two files without
# the directories they were read from: the same bytes from anywhere.
what="inputs named by absolute paths"
mkdir -p "$T/p1/deep" "$T/p2"
cp "$al/forum.zh.txt" "$al/forum.en.txt" "$T/p1/deep/"
for d in p1 p2; do
	(cd "$T/$d" && "$DOCCONV" -q "$T/p1/deep/forum.zh.txt" \
	    --translation "$T/p1/deep/forum.en.txt" --tmx --json \
	    --alignment-report review.html -o out/) ||
	    fail "$what: from $d: exit $?"
done
for f in forum.zh.tmx forum.zh.json; do
	cmp -s "$T/p1/out/$f" "$T/p2/out/$f" || fail "$what: $f differs"
done
! grep -l "$T" "$T/p1/out/"* "$T/p1/review.html" ||
    fail "$what: a directory of the machine written"
grep -q '"original" : "forum.zh.txt"' "$T/p1/out/forum.zh.json" ||
    fail "$what: the JSON does not name forum.zh.txt"
# ---- --keep-tree: -o DIR mirrors the inputs' directories, so that
# one name in two directories is no clash; a name going above where
# it starts cannot be mirrored and is refused alone.
what="--keep-tree"
mkdir -p "$T/kt/corpus/a" "$T/kt/corpus/b"
cp "$T/b/f1.txt" "$T/kt/corpus/a/x.txt"
cp "$T/b/f2.txt" "$T/kt/corpus/b/x.txt"
cp "$T/b/f3.txt" "$T/above.txt"
(cd "$T/kt" && "$DOCCONV" -q --tei --json -o out --keep-tree \
    corpus/a/x.txt ./corpus/b/x.txt ../above.txt >"$T/out" 2>"$T/err")
rc=$?
expect 2 "above.txt: ERROR: output refused: --keep-tree: the name goes above"
for f in corpus/a/x.tei.xml corpus/a/x.json corpus/b/x.tei.xml corpus/b/x.json; do
	[ -f "$T/kt/out/$f" ] || fail "$what: no out/$f: $(cd "$T/kt" && find out)"
done
run --tei --keep-tree "$T/kt/corpus/a/x.txt"
expect 2 "--keep-tree goes with -o DIR"
pass
