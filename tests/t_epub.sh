#!/bin/sh
# EPUB backend: for every example, the book passes epubcheck with no
# message at all, the zip starts with a stored mimetype, the text of
# each language in the XHTML is the model's, and a rebuild (also under
# another time zone, and without SOURCE_DATE_EPOCH) is byte-identical.
set -u

: "${DOCCONV:?}" "${top_srcdir:?}"
. "${top_srcdir:-.}/tests/lib.sh"
if ! have_epubcheck; then
	echo "SKIP: epubcheck not installed (java -jar $EPUBCHECK_JAR);" \
	    "run install-deps.sh"
	exit 77
fi
for t in python3 zipinfo unzip; do
	if ! command -v $t >/dev/null 2>&1; then
		echo "SKIP: $t not installed"
		exit 77
	fi
done

tmp=$T
export SOURCE_DATE_EPOCH=1700000000
status=0
n=0
books=

for f in "$top_srcdir"/examples/*.txt; do
	name=$(basename "$f" .txt)
	n=$((n + 1))
	mkdir -p "$tmp/a" "$tmp/b" "$tmp/c" "$tmp/d" "$tmp/x.$name"
	if ! "$DOCCONV" -q --epub -o "$tmp/a" "$f"; then
		echo "FAIL: $name: docconv --epub failed"
		status=1
		continue
	fi
	book="$tmp/a/$name.epub"

	# epubcheck, after the loop: all the books in one JVM.
	books="$books $book"

	# mimetype first, stored, with the right contents.
	first=$(zipinfo -1 "$book" | head -n 1)
	method=$(zipinfo "$book" | sed -n 3p | awk '{print $6}')
	if [ "$first" != mimetype ] || [ "$method" != stor ] ||
	    [ "$(unzip -p "$book" mimetype)" != application/epub+zip ]; then
		echo "FAIL: $name: first entry is '$first' ($method)," \
		    "not mimetype stored"
		zipinfo "$book" | head -n 4
		status=1
	fi

	# The text of each language equals the model's.
	unzip -q -o "$book" -d "$tmp/x.$name"
	"$DOCCONV" -q --dump-model "$f" >"$tmp/model.txt" || status=1
	if ! python3 "$top_srcdir/tests/t_epub_text.py" \
	    "$tmp/x.$name/EPUB/text.xhtml" "$tmp/x.$name/EPUB/nav.xhtml" \
	    <"$tmp/model.txt"; then
		echo "FAIL: $name: text differs from the model"
		status=1
	fi

	# Byte-identical rebuilds: same epoch under another TZ; and
	# without SOURCE_DATE_EPOCH, twice.
	TZ=Asia/Shanghai "$DOCCONV" -q --epub -o "$tmp/b" "$f"
	if ! cmp "$book" "$tmp/b/$name.epub"; then
		echo "FAIL: $name: rebuild (TZ=Asia/Shanghai) differs"
		status=1
	fi
	env -u SOURCE_DATE_EPOCH "$DOCCONV" -q --epub -o "$tmp/c" "$f"
	sleep 1
	env -u SOURCE_DATE_EPOCH TZ=America/New_York "$DOCCONV" -q --epub \
	    -o "$tmp/d" "$f"
	if ! cmp "$tmp/c/$name.epub" "$tmp/d/$name.epub"; then
		echo "FAIL: $name: rebuild without SOURCE_DATE_EPOCH differs"
		status=1
	fi
	if unzip -p "$tmp/c/$name.epub" EPUB/package.opf |
	    grep -q "dcterms:modified\">$(date -u +%Y-%m-%d)"; then
		echo "FAIL: $name: dcterms:modified is today's date"
		status=1
	fi
	rm -rf "$tmp/a" "$tmp/b" "$tmp/c" "$tmp/d"
done

# --template-dir: a style sheet there replaces the installed one.
mkdir -p "$tmp/tpl" "$tmp/t"
printf '@charset "UTF-8";\n.pair { color: #123456; }\n' >"$tmp/tpl/style.css"
"$DOCCONV" -q --epub --template-dir "$tmp/tpl" -o "$tmp/t" \
    "$top_srcdir/examples/news-report.zh.txt" || status=1
if ! unzip -p "$tmp/t/news-report.zh.epub" EPUB/style.css |
    grep -q '#123456'; then
	echo "FAIL: --template-dir style.css not used"
	status=1
fi

# A broken skeleton is refused before any input is read (exit 2),
# leaves no book, and says what is wrong (t_cli.sh has each case).
mkdir -p "$tmp/bad" "$tmp/o"
printf '<html><?docconv bogus?></html>\n' >"$tmp/bad/content.xhtml"
"$DOCCONV" -q --epub --template-dir "$tmp/bad" -o "$tmp/o" \
    "$top_srcdir/examples/news-report.zh.txt" 2>"$tmp/err"
rc=$?
if [ $rc -ne 2 ] || [ -n "$(ls "$tmp/o")" ] ||
    ! grep -q 'content.xhtml:1: the root element is not' "$tmp/err"; then
	echo "FAIL: bad template: exit $rc, output: $(ls "$tmp/o")"
	cat "$tmp/err"
	status=1
fi

# A skeleton of one's own that has what docconv needs: its markup is in
# the book, which still passes epubcheck.
mkdir -p "$tmp/own" "$tmp/ob"
sed 's|<?docconv body?>|<p class="press">Printed by hand.</p><?docconv body?>|' \
    "$top_srcdir/templates/content.xhtml" >"$tmp/own/content.xhtml"
"$DOCCONV" -q --epub --template-dir "$tmp/own" -o "$tmp/ob" \
    "$top_srcdir/examples/news-report.zh.txt" || status=1
if ! unzip -p "$tmp/ob/news-report.zh.epub" EPUB/text.xhtml |
    grep -q 'Printed by hand'; then
	echo "FAIL: own content.xhtml not used"
	status=1
fi

# epubcheck: 0 fatals / 0 errors / 0 warnings (infos are fine) for
# every example's book and the own skeleton's.  ($tmp has no spaces.)
# shellcheck disable=SC2086
epubcheck_clean $books "$tmp/ob/news-report.zh.epub" || status=1

[ $n -gt 0 ] || { echo "FAIL: no examples"; status=1; }
[ $status -eq 0 ] && echo "ok: $n examples"
exit $status
