#!/bin/sh
# EPUB backend on the golden inputs (odd dialect variants: English
# first, front matter, Traditional Chinese, wrapped titles): epubcheck
# passes with no message and each language's text is the model's.
# One docconv converts them all, one JVM checks them all (the books
# themselves are golden files: tests/golden/*/*.xhtml).
set -u

: "${DOCCONV:?}" "${top_srcdir:?}"
. "${top_srcdir:-.}/tests/lib.sh"
if ! have_epubcheck ||
    ! command -v python3 >/dev/null 2>&1 || ! command -v unzip >/dev/null; then
	echo "SKIP: needs java, epubcheck ($EPUBCHECK_JAR), python3, unzip"
	exit 77
fi

tmp=$T
export SOURCE_DATE_EPOCH=1700000000
status=0

# Every input under a name of its own (two goldens are speech.txt).
mkdir "$tmp/in" "$tmp/books" || exit 1
for f in "$top_srcdir"/tests/golden/*/*.txt; do
	[ -f "$f" ] || continue
	ln -s "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" \
	    "$tmp/in/$(basename "$(dirname "$f")")-$(basename "$f")" || exit 1
done
n=$(ls "$tmp/in" | wc -l)
if [ "$n" -eq 0 ]; then
	echo "SKIP: no golden inputs"
	exit 77
fi
# Some golden inputs are meant to warn; only failure matters.
"$DOCCONV" -q --epub -o "$tmp/books" "$tmp"/in/*.txt ||
    { echo "FAIL: docconv --epub: exit status $?"; status=1; }
for f in "$tmp"/in/*.txt; do
	name=$(basename "$f" .txt)
	book=$tmp/books/$name.epub
	[ -f "$book" ] || { echo "FAIL: $name: no book"; status=1; continue; }
	rm -rf "$tmp/x"
	mkdir "$tmp/x"
	unzip -q "$book" -d "$tmp/x"
	"$DOCCONV" -q --dump-model "$f" >"$tmp/model.txt"
	if ! python3 "$top_srcdir/tests/t_epub_text.py" \
	    "$tmp/x/EPUB/text.xhtml" "$tmp/x/EPUB/nav.xhtml" \
	    <"$tmp/model.txt"; then
		echo "FAIL: $name: text differs from the model"
		status=1
	fi
done
# epubcheck: every book with no message.
epubcheck_clean "$tmp"/books/*.epub || status=1
[ $status -eq 0 ] && echo "ok: $n golden inputs"
exit $status
