#!/bin/sh
# --json and --input-format=json: for every example and golden input
# (and a two-file input) the JSON validates against
# docs/docconv.schema.json, reads back to the same model, and written
# again is byte-identical; JSON Lines on standard output for a batch
# (with -j too); an edited JSON typesets the edit; bad JSON is refused,
# never a crash.
. "${top_srcdir:-.}/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || skip "python3 not installed"
python3 -c 'import jsonschema' 2>/dev/null ||
    skip "python3-jsonschema not installed (install-deps.sh)"
py="python3 $top_srcdir/tests/t_json.py"
SCHEMA=$top_srcdir/docs/docconv.schema.json
export SOURCE_DATE_EPOCH=0

mkdir "$T/j" "$T/r"
k=0
for f in "$top_srcdir"/examples/*.txt "$top_srcdir"/tests/golden/*/*.txt; do
	k=$((k + 1))
	n=$k-$(basename "$f" .txt)
	"$DOCCONV" -q --json -o "$T/j/$n.json" "$f" ||
	    fail "$f: --json exit $?"
	# Read back (found as JSON without being told, and told).
	"$DOCCONV" -q --json -o "$T/r/$n.json" "$T/j/$n.json" ||
	    fail "$n.json: reading it back: exit $?"
	cmp -s "$T/j/$n.json" "$T/r/$n.json" || {
		diff -u "$T/j/$n.json" "$T/r/$n.json" | head -20 >&2
		fail "$f: JSON -> model -> JSON differs"
	}
	"$DOCCONV" -q --dump-model "$f" >"$T/a.tree"
	"$DOCCONV" -q --input-format=json --dump-model "$T/j/$n.json" \
	    >"$T/b.tree" || fail "$n.json: --input-format=json exit $?"
	cmp -s "$T/a.tree" "$T/b.tree" || fail "$f: the model read from JSON differs"
done
[ $k -gt 10 ] || fail "only $k inputs"
# A two-file input keeps its alignment through JSON.
A=$top_srcdir/tests/data/align
(cd "$A" && "$DOCCONV" -q forum.zh.txt --translation forum.en.txt --json \
    -o "$T/j/pair.json") || fail "two files: --json exit $?"
grep -q '"alignment"' "$T/j/pair.json" || fail "no alignment in the JSON"
"$DOCCONV" -q --json -o "$T/r/pair.json" "$T/j/pair.json" &&
    cmp -s "$T/j/pair.json" "$T/r/pair.json" ||
    fail "a two-file model's JSON does not read back the same"
# A bead with no lines on either side is refused, not aligned.
$py empty_bead "$T/j/pair.json" "$T/nobead.json" || fail "emptying a bead"
"$DOCCONV" --tei -o "$T/nobead.tei" "$T/nobead.json" 2>"$T/nobead.msgs"
[ $? -eq 1 ] && grep -q "bead: has no lines" "$T/nobead.msgs" ||
    fail "a bead without lines: $(cat "$T/nobead.msgs")"

# The publisher's metadata rides along: in the JSON under
# meta.publication, read back into TEI, and --meta still wins.
E1=$(ls "$top_srcdir"/examples/*.txt | head -1)
"$DOCCONV" -q --json -o "$T/j/pub.json" --meta "publisher=Wenlu Qiaotai Press" \
    --meta licence=cc-by-sa-4.0 --meta isbn=978-0-306-40615-7 \
    --meta translator="Odile Marrent" "$E1" || fail "--meta --json exit $?"
$py publication "$T/j/pub.json" || fail "meta.publication"
"$DOCCONV" -q --tei -o "$T/pub.tei" "$T/j/pub.json" || fail "pub.json to TEI"
grep -q "<publisher>Wenlu Qiaotai Press</publisher>" "$T/pub.tei" ||
    fail "the JSON's publisher is not in the TEI"
"$DOCCONV" -q --tei -o "$T/pub2.tei" --meta "publisher=Other Hall" \
    "$T/j/pub.json" || fail "pub.json with --meta"
grep -q "<publisher>Other Hall</publisher>" "$T/pub2.tei" &&
    grep -q "Odile Marrent" "$T/pub2.tei" ||
    fail "--meta does not win over the JSON's, or drops the rest"
sed 's/"isbn" : "9780306406157"/"isbn" : "12345"/' "$T/j/pub.json" >"$T/pubbad.json"
"$DOCCONV" -q --tei -o "$T/pubbad.tei" "$T/pubbad.json" 2>"$T/pubbad.msgs"
[ $? -eq 1 ] && grep -q "isbn" "$T/pubbad.msgs" ||
    fail "a bad ISBN in the JSON is not refused: $(cat "$T/pubbad.msgs")"

# JSON Lines: one document a line on standard output, -j 2 too.
"$DOCCONV" -q --json -o - "$top_srcdir"/tests/golden/*/*.txt >"$T/all.jsonl" ||
    fail "--json -o - exit $?"
m=$(ls "$top_srcdir"/tests/golden/*/*.txt | wc -l)
[ "$(wc -l <"$T/all.jsonl")" -eq "$m" ] || fail "not one line per input"
"$DOCCONV" -q -j 2 --json -o - "$top_srcdir"/tests/golden/*/*.txt |
    sort >"$T/par.jsonl"
sort "$T/all.jsonl" | cmp -s - "$T/par.jsonl" || fail "-j 2 gives other lines"
$py schema "$SCHEMA" "$T"/j/*.json "$T/all.jsonl" ||
    fail "JSON does not validate against $SCHEMA"
# The schema is not a formality: a wrong member fails it.
sed 's/"type" : "para"/"type" : "paragraph"/' "$T/j/1-$(basename \
    "$(ls "$top_srcdir"/examples/*.txt | head -1)" .txt).json" >"$T/bad.json"
cmp -s "$T/bad.json" "$T/j/1-$(basename "$(ls "$top_srcdir"/examples/*.txt |
    head -1)" .txt).json" && fail "the edit did nothing"
$py schema "$SCHEMA" "$T/bad.json" >/dev/null &&
    fail "the schema accepts a block type it does not know"
# The schema's dialects are the dialect table's (docconv lists them).
"$DOCCONV" --input-format=none x 2>"$T/names"
$py dialects "$SCHEMA" "$(sed -n "s/.*unknown format 'none'; use //p" \
    "$T/names")" || fail "the schema's dialects"

# A pipeline corrects the model and typesets the result.
$py thank "$T/j/pair.json" "$T/edit.json" || fail "editing"
"$DOCCONV" -q --input-format=json --pdf -o "$T/edit.pdf" "$T/edit.json" ||
    fail "typesetting edited JSON: exit $?"
if command -v pdftotext >/dev/null 2>&1; then
	pdftotext "$T/edit.pdf" - | tr '\n' ' ' |
	    grep -q "Thank you very much, dear colleagues" ||
	    fail "the edit is not in the PDF"
fi

# Bad JSON: refused with a reason (exit 1), never a crash.
i=0
for bad in '{' '[]' '{"docconv":2,"meta":{},"header":[],"blocks":[]}' \
    '{"docconv":1,"meta":{"dialect":"x"},"header":[],"blocks":[]}' \
    '{"docconv":1,"meta":{},"header":[{"type":"para","lang":"zh","text":"x"}],"blocks":[]}' \
    '{"docconv":1,"meta":{},"header":[],"blocks":[{"type":"para","segs":[{"lang":"zh","text":"ab","enum_len":9}]}]}' \
    '{"docconv":1,"meta":{},"header":[],"blocks":[{"type":"para","segs":[{"lang":"zh","text":"第一，好。","enum_len":2}]}]}' \
    '{"docconv":1,"meta":{},"header":[],"blocks":[{"type":"para","segs":[{"lang":"en","text":"a"},{"lang":"zh","text":"b"}]}]}' \
    '{"docconv":1,"meta":{},"header":[],"blocks":[{"type":"para","segs":[{"lang":"zh","text":"ab","sentences":[{"tokens":[{"type":"w","text":"x"}]}]}]}]}' \
    '{"docconv":1,"meta":{"date":"2020-02-30"},"header":[],"blocks":[{"type":"para","segs":[{"lang":"zh","text":"a"}]}]}' \
    '{"docconv":1,"meta":{},"header":[],"blocks":[{"type":"para","level":7,"segs":[{"lang":"zh","text":"a"}]}]}' \
    '{"docconv":1,"meta":{},"header":[],"blocks":[],"alignment":{"original":"a","translation":"b","original_lang":"zh","translation_lang":"zh","ratio100":1,"beads":[]}}'; do
	i=$((i + 1))
	printf '%s' "$bad" >"$T/bad$i.json"
	"$DOCCONV" --input-format=json --tei -o "$T/bad$i.tei" \
	    "$T/bad$i.json" 2>"$T/bad$i.msgs"
	rc=$?
	[ $rc -eq 1 ] || fail "bad JSON $i: exit $rc, not 1: $(cat "$T/bad$i.msgs")"
	grep -q "JSON" "$T/bad$i.msgs" || grep -q "empty" "$T/bad$i.msgs" ||
	    fail "bad JSON $i: no reason: $(cat "$T/bad$i.msgs")"
	[ ! -e "$T/bad$i.tei" ] || fail "bad JSON $i: an output was written"
done
# JSON strings get the text reader's cleaning: \u0000 is refused at
# its place (json-glib would end the string there), a segment of only
# white space is refused, and control characters are removed with a
# warning; --dump-model never prints one raw.
j='{"docconv":1,"meta":{},"header":[],"blocks":[{"type":"para","segs":[{"lang":"en","text":'
printf '%s"Velmo\\u0000 tarin"}]}]}\n' "$j" >"$T/nul.json"
"$DOCCONV" --dump-model "$T/nul.json" >"$T/nul.tree" 2>"$T/nul.msgs"
[ $? -eq 1 ] && grep -q 'nul.json:1:[0-9]*: .*\\u0000' "$T/nul.msgs" ||
    fail "\\u0000 in a JSON string: $(cat "$T/nul.msgs")"
printf '%s" \\u3000\\t "}]}]}\n' "$j" >"$T/blank.json"
"$DOCCONV" --dump-model "$T/blank.json" >"$T/blank.tree" 2>"$T/blank.msgs"
[ $? -eq 1 ] && grep -q "only white space" "$T/blank.msgs" ||
    fail "a blank JSON segment: $(cat "$T/blank.msgs")"
printf '%s"Velmo \\u001b[2Jtarin\\u009b kessa\\u007f."}]}]}\n' "$j" >"$T/ctl.json"
"$DOCCONV" --dump-model "$T/ctl.json" >"$T/ctl.tree" 2>"$T/ctl.msgs" ||
    fail "controls in a JSON string: exit $?: $(cat "$T/ctl.msgs")"
grep -q "control character removed: 3 in all" "$T/ctl.msgs" ||
    fail "controls in a JSON string: no warning: $(cat "$T/ctl.msgs")"
grep -q '^  en: Velmo \[2Jtarin kessa\.$' "$T/ctl.tree" ||
    fail "controls in a JSON string: $(od -c "$T/ctl.tree" | tail -4)"
LC_ALL=C tr -d '\n\t' <"$T/ctl.tree" | LC_ALL=C grep -q '[[:cntrl:]]' &&
    fail "--dump-model prints a control character"
# Nesting a million deep: refused before the parser's stack is.
python3 -c 'import sys; sys.stdout.write("{\"docconv\":" + "[" * 1000000)' \
    >"$T/deep.json"
"$DOCCONV" --input-format=json --tei -o "$T/deep.tei" "$T/deep.json" \
    2>"$T/deep.msgs"
[ $? -eq 1 ] || fail "deep JSON: exit status"
grep -q "nested deeper" "$T/deep.msgs" || fail "deep JSON: $(cat "$T/deep.msgs")"
# Documented where a user looks: --help, docconv(1), README.
"$DOCCONV" --help >"$T/help" || fail "--help"
grep -q -- "--json" "$T/help" && grep -q "tei, *json\|tei or json\|json\." "$T/help" ||
    fail "--help lacks --json or the json input format"
# A front matter's title beside a title line that does not hold it: the
# reader's title, marked title_own, reads back as it was (the JSON
# reader took the line for the title, a hand edit, with a warning).
printf -- '---\ntitle: 灯匠日记\n---\n\n青岚河边的灯匠\n\n灯匠先去河边挑竹子。\n\n竹子劈成篾，篾要薄得能透光。\n' \
    >"$T/fm.txt"
"$DOCCONV" -q --json -o "$T/fm1.json" "$T/fm.txt" || fail "front matter: exit $?"
grep -q '"title_own" : true' "$T/fm1.json" || fail "front matter: no title_own"
"$DOCCONV" --input-format=json --json -o "$T/fm2.json" "$T/fm1.json" \
    2>"$T/fm.err" || fail "front matter read back: exit $?"
cmp -s "$T/fm1.json" "$T/fm2.json" && [ ! -s "$T/fm.err" ] ||
    fail "front matter: JSON -> model -> JSON differs: $(cat "$T/fm.err")"
grep -q -- "Fl -json" "$top_srcdir/docconv.1" &&
    grep -q "^\.Cm json" "$top_srcdir/docconv.1" || fail "docconv.1 lacks --json"
grep -q -- "--input-format=json" "$top_srcdir/README.md" || fail "README lacks JSON"
pass
