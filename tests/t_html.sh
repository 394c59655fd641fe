#!/bin/sh
# The web page (--html): for every example, one self-contained HTML5
# page (no external resource) that the W3C Nu HTML checker (npm
# vnu-jar) finds without an error or warning; the same input twice,
# also under another time zone and with --embed-fonts, gives the same
# bytes; --embed-fonts puts the subset faces in the page.  In headless
# Chromium (Debian's, driven by puppeteer-core from DAISY Ace's npm
# install), at 1280 px each pair's Chinese and English stand side by
# side from the same height, at 390 px they stack, Chinese first, and
# nothing scrolls sideways; screenshots of both widths go to
# tests/t_html.shots/ beside this test's log.
. "${top_srcdir:-.}/tests/lib.sh"
py="python3 $top_srcdir/tests/t_html.py"

command -v python3 >/dev/null 2>&1 || skip "python3 not installed"
export SOURCE_DATE_EPOCH=1700000000
mkdir "$T/a" "$T/b" "$T/f" "$T/g"
set --
for f in "$top_srcdir"/examples/*.txt "$top_srcdir"/tests/data/meta/*.txt; do
	name=$(basename "$f" .txt)
	"$DOCCONV" -q --html -o "$T/a" "$f" || fail "$name: docconv --html: exit $?"
	TZ=Asia/Shanghai "$DOCCONV" -q --html -o "$T/b" "$f" ||
	    fail "$name: docconv --html (TZ): exit $?"
	cmp -s "$T/a/$name.html" "$T/b/$name.html" ||
	    fail "$name: two runs give different pages"
	set -- "$@" "$T/a/$name.html"
done

# Self-contained: no link, script or image from elsewhere; the style
# inline; the text's blocks carry lang (the layout test checks all).
$py structure "$@" || fail "page structure"

# --embed-fonts: the faces in the page as data: URLs, deterministic.
bi="$top_srcdir/examples/speech-bilingual.zh-en.txt"
"$DOCCONV" -q --html --embed-fonts -o "$T/f" "$bi" || fail "--embed-fonts: exit $?"
"$DOCCONV" -q --html --embed-fonts -o "$T/g" "$bi" || fail "--embed-fonts: exit $?"
cmp -s "$T/f/speech-bilingual.zh-en.html" "$T/g/speech-bilingual.zh-en.html" ||
    fail "--embed-fonts: two runs give different pages"
# The faces as WOFF2 ("wOF2" is d09GM in base64).
pat='src: url("data:font/woff2;base64,d09GM[^"]*") format("woff2");'
n=$(grep -c "$pat" "$T/f/speech-bilingual.zh-en.html")
[ "$n" -ge 2 ] || fail "--embed-fonts: $n faces embedded as $pat, not 2 or more"

# Templates: a page skeleton without its head placeholder is a usage
# error before any input is read; a style sheet that would end the
# style element is refused, nothing written.
mkdir "$T/tpl" "$T/tpl2" "$T/out"
printf '<html><head><title><?docconv title?></title></head><body><?docconv body?></body></html>\n' \
    >"$T/tpl/page.html"
"$DOCCONV" --html --template-dir "$T/tpl" -o "$T/out" "$bi" 2>"$T/err"
st=$?
[ $st -eq 2 ] && grep -q 'page.html:1: no <?docconv head?> placeholder' "$T/err" ||
    { cat "$T/err" >&2; fail "page.html without head: exit $st"; }
printf 'p::after { content: "</style>"; }\n' >"$T/tpl2/page.css"
"$DOCCONV" --html --template-dir "$T/tpl2" -o "$T/out" "$bi" 2>"$T/err"
st=$?
[ $st -eq 3 ] && grep -q 'would end the page' "$T/err" ||
    { cat "$T/err" >&2; fail "page.css with </style>: exit $st"; }
[ -z "$(ls "$T/out")" ] || fail "a refused template left output"
# A skeleton's script and style are raw text in the page: "<" and "&"
# as written, not entities (which would break the JavaScript and the
# CSS); one holding "</" is refused, as a style sheet is.
mkdir "$T/tpl3" "$T/tpl4"
sed 's|<?docconv head?>|<?docconv head?><script>if (1 \&lt; 2 \&amp;\&amp; "velmo") { tarin = "\&gt;"; }</script><style>p > q::after { content: "\&amp;"; }</style>|' \
    "$top_srcdir/templates/page.html" >"$T/tpl3/page.html"
"$DOCCONV" -q --html --template-dir "$T/tpl3" -o "$T/out" "$bi" ||
    fail "a skeleton with a script: exit $?"
pg=$T/out/speech-bilingual.zh-en.html
grep -qF '<script>if (1 < 2 && "velmo") { tarin = ">"; }</script>' "$pg" ||
    fail "the skeleton's script is not raw: $(grep -o '<script>if[^/]*' "$pg")"
grep -qF '<style>p > q::after { content: "&"; }</style>' "$pg" ||
    fail "the skeleton's style is not raw"
rm -f "$pg"
sed 's|<?docconv head?>|<?docconv head?><script>tarin = "\&lt;/script\&gt;";</script>|' \
    "$top_srcdir/templates/page.html" >"$T/tpl4/page.html"
"$DOCCONV" --html --template-dir "$T/tpl4" -o "$T/out" "$bi" 2>"$T/err"
st=$?
[ $st -eq 3 ] && grep -q 'page.html:[0-9]*: "</" or "<!--" in a <script>' "$T/err" ||
    { cat "$T/err" >&2; fail "a script with </script>: exit $st"; }
[ -z "$(ls "$T/out")" ] || fail "a refused skeleton left output"

# W3C Nu HTML checker: errors and warnings fail ("info:" lines, such
# as the trailing slash of void elements, are allowed).
VNU_JAR=${VNU_JAR:-}
if [ -z "$VNU_JAR" ] && command -v npm >/dev/null 2>&1; then
	VNU_JAR="$(npm root -g 2>/dev/null)/vnu-jar/build/dist/vnu.jar"
fi
if [ -f "$VNU_JAR" ] && command -v java >/dev/null 2>&1; then
	java -Xss16m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$VNU_JAR" \
	    --also-check-css "$@" "$T/f/speech-bilingual.zh-en.html" \
	    >"$T/vnu.out" 2>&1
	if grep -v ': info:' "$T/vnu.out" | grep -q .; then
		cat "$T/vnu.out" >&2
		fail "the Nu HTML checker reports errors or warnings"
	fi
	echo "vnu: $# pages and one with fonts checked"
else
	echo "NOTE: the Nu HTML checker is not installed (npm i -g vnu-jar;" \
	    "install-deps.sh does it); pages not validated"
fi

# Chromium: the layout at both widths, screenshots kept.
need_chromium "the page's layout"
shots="${top_builddir:-.}/tests/t_html.shots"
rm -rf "$shots"
mkdir -p "$shots" || fail "cannot make $shots"
export TMPDIR="$T" HOME="$T"
for p in "$T/a/speech-bilingual.zh-en.html" "$T/a/notice.zh-en.html" \
    "$T/f/speech-bilingual.zh-en.html"; do
	case $p in
	"$T/f/"*) shot="$shots/fonts-$(basename "$p" .html)" ;;
	*) shot="$shots/$(basename "$p" .html)" ;;
	esac
	timeout 180 node "$top_srcdir/tests/t_html_layout.js" "$p" "$shot" \
	    >"$T/layout.out" 2>&1
	st=$?
	cat "$T/layout.out"
	[ $st -eq 0 ] || fail "$(basename "$p"): layout in Chromium"
	[ -s "$shot-1280.png" ] && [ -s "$shot-390.png" ] ||
	    fail "$(basename "$p"): no screenshots"
done
echo "screenshots in $shots"
pass
