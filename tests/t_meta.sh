#!/bin/sh
# The publisher's metadata: --meta over a FILE.meta sidecar over what
# the reader found, and every key where each format keeps it: TEI
# (valid against tei_all), EPUB (epubcheck 0/0/0), PDF (pdfinfo), the
# web page (JSON-LD) and the dump, which shows the reader's value and
# the user's.  The same input and metadata twice give the same bytes;
# --meta-file replaces the sidecar; bad keys, values and sidecar lines
# are usage errors (exit 2) naming the key or FILE:LINE.
. "${top_srcdir:-.}/tests/lib.sh"

py="python3 $top_srcdir/tests/t_meta.py"
for t in python3 unzip pdfinfo java; do
	command -v $t >/dev/null 2>&1 || skip "$t not installed"
done
JING_JAR=${JING_JAR:-/usr/share/java/jing.jar}
have_epubcheck || skip "epubcheck not installed ($EPUBCHECK_JAR)"

export SOURCE_DATE_EPOCH=1700000000
src="$top_srcdir/tests/data/meta"
mkdir "$T/in" "$T/a" "$T/b"
cp "$src/notice.zh-en.txt" "$src/notice.zh-en.meta" "$T/in/"
in="$T/in/notice.zh-en.txt"

# The sidecar is found beside the input; --meta wins over it.
for d in a b; do
	"$DOCCONV" -q --tei --epub --pdf --html -o "$T/$d" \
	    --meta publisher='Example Press' --meta 'editor = Wang Fang' \
	    "$in" || fail "docconv with --meta: exit status $?"
done
for x in tei.xml epub pdf html; do
	cmp -s "$T/a/notice.zh-en.$x" "$T/b/notice.zh-en.$x" ||
	    fail "notice.zh-en.$x: two runs with the same metadata differ"
done

# The dump: the reader's editor and address, and the user's.
"$DOCCONV" -q --dump-model --meta publisher='Example Press' \
    --meta editor='Wang Fang' "$in" >"$T/dump" || fail "--dump-model failed"
for l in 'meta editor: 周文' \
    'meta url: https://library.example.org/notices/night-reading' \
    'meta user publisher: Example Press' 'meta user editor: Wang Fang' \
    'meta user rights: CC-BY-SA-4.0' \
    'meta user source: https://archive.example.net/notices/2024-03' \
    'meta user translator: Chen Yu' 'meta user series: City Notices' \
    'meta user isbn: 9780000000002' 'meta user lang-zh: zh-Hans' \
    'meta user lang-en: en-GB'; do
	grep -qxF "$l" "$T/dump" || { cat "$T/dump" >&2; fail "dump lacks '$l'"; }
done

# TEI: valid, and each key in its element.
if [ -n "${TEI_SCHEMA:-}" ] && [ -f "$TEI_SCHEMA" ] && [ -f "$JING_JAR" ]; then
	java -jar "$JING_JAR" "$TEI_SCHEMA" "$T/a/notice.zh-en.tei.xml" \
	    >"$T/jing.out" 2>&1 ||
	    { cat "$T/jing.out" >&2; fail "jing: TEI not valid"; }
else
	echo "NOTE: no TEI schema or jing (configure --with-tei-schema=PATH):" \
	    "the TEI is checked for its elements, not validated"
fi
$py tei "$T/a/notice.zh-en.tei.xml" || fail "TEI metadata"

# EPUB: epubcheck clean, and each key in the package document.
epubcheck_clean "$T/a/notice.zh-en.epub" >&2 || fail "epubcheck"
unzip -p "$T/a/notice.zh-en.epub" EPUB/package.opf >"$T/opf"
$py epub "$T/opf" || fail "EPUB metadata"

# PDF: the document information's Keywords, the XMP, and /Lang.
pdfinfo "$T/a/notice.zh-en.pdf" >"$T/info" || fail "pdfinfo"
for k in 'publisher: Example Press' 'rights: CC-BY-SA-4.0' \
    'source: https://archive.example.net/notices/2024-03' \
    'editor: Wang Fang' 'translator: Chen Yu' 'series: City Notices' \
    'isbn: 9780000000002'; do
	grep '^Keywords:' "$T/info" | grep -qF "$k" ||
	    { cat "$T/info" >&2; fail "PDF Keywords lack '$k'"; }
done
pdfinfo -meta "$T/a/notice.zh-en.pdf" >"$T/xmp" || fail "pdfinfo -meta"
for k in '<dc:publisher><rdf:Bag><rdf:li>Example Press</rdf:li>' \
    '<rdf:li xml:lang="x-default">CC-BY-SA-4.0</rdf:li>' \
    '<xmpRights:WebStatement>https://spdx.org/licenses/CC-BY-SA-4.0.html' \
    '<dc:source>https://archive.example.net/notices/2024-03</dc:source>' \
    '<rdf:li>Wang Fang</rdf:li><rdf:li>Chen Yu</rdf:li>' \
    '<dc:identifier>urn:isbn:9780000000002</dc:identifier>' \
    '<prism:seriesTitle>City Notices</prism:seriesTitle>' \
    '<rdf:li>zh-Hans</rdf:li>' '<pdfuaid:part>1</pdfuaid:part>'; do
	grep -qF "$k" "$T/xmp" ||
	    { cat "$T/xmp" >&2; fail "PDF XMP lacks '$k'"; }
done
xmllint --noout "$T/xmp" || fail "PDF XMP is not well-formed"
if command -v qpdf >/dev/null 2>&1; then
	qpdf --check "$T/a/notice.zh-en.pdf" >/dev/null 2>&1 || fail "qpdf --check"
fi
grep -aq '/Lang (zh-Hans)' "$T/a/notice.zh-en.pdf" || fail "PDF /Lang is not zh-Hans"

# The web page: lang of the page, and the JSON-LD.
$py html "$T/a/notice.zh-en.html" || fail "HTML metadata"

# --meta-file replaces the sidecar (its series is gone).
printf 'publisher=Other Press\n' >"$T/other.meta"
"$DOCCONV" -q --dump-model --meta-file "$T/other.meta" "$in" >"$T/dump2" ||
    fail "--meta-file failed"
grep -qxF 'meta user publisher: Other Press' "$T/dump2" || fail "--meta-file not read"
grep -q '^meta user series' "$T/dump2" && fail "--meta-file and the sidecar both read"

# Bad keys and values: exit 2, the key and what is allowed named,
# nothing written.
mkdir "$T/bad"
check_bad() {	# expected-text docconv-args...
	want=$1
	shift
	"$DOCCONV" --tei -o "$T/bad" "$@" >"$T/err" 2>&1
	st=$?
	[ $st -eq 2 ] || { cat "$T/err" >&2; fail "$*: exit $st, not 2"; }
	grep -qF -- "$want" "$T/err" || { cat "$T/err" >&2; fail "$*: no '$want'"; }
	[ -z "$(ls "$T/bad")" ] || fail "$*: wrote output"
}
check_bad "unknown key 'colour'; the keys are publisher" --meta colour=red "$in"
check_bad "isbn: '978-0-00-000000-3' is not an ISBN" \
    --meta isbn=978-0-00-000000-3 "$in"
check_bad "source: 'file:///etc/x' is not an http://, https://, ftp:// or mailto:" \
    --meta source=file:///etc/x "$in"
check_bad "lang-zh: 'en-GB' is not a language tag of Chinese" \
    --meta lang-zh=en-GB "$in"
check_bad "lang-en: 'en_GB' is not a language tag" --meta lang-en=en_GB "$in"
check_bad "give KEY=VALUE" --meta publisher "$in"
check_bad "publisher: give a value of one line" --meta 'publisher= ' "$in"
printf 'publisher = A\n\n# note\nseries City\n' >"$T/in/notice.zh-en.meta"
check_bad "notice.zh-en.meta:4: not KEY=VALUE: 'series City'" "$in"
printf 'isbn = 12345\n' >"$T/bad.meta"
check_bad "bad.meta:1: isbn: '12345' is not an ISBN" --meta-file "$T/bad.meta" "$in"
check_bad "--meta-file $T/none.meta" --meta-file "$T/none.meta" "$in"
pass
