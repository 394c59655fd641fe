#!/bin/sh
# EPUB --embed-fonts: for every example, epubcheck passes with no
# message; each embedded face is in the manifest and named by an
# @font-face rule; the body faces cover every character of their
# language's text; titles and leads have real bold (and medium) faces;
# the faces are subsets (small); rebuilds are byte-identical.
set -u

: "${DOCCONV:?}" "${top_srcdir:?}"
. "${top_srcdir:-.}/tests/lib.sh"
py="python3 $top_srcdir/tests/t_epub_fonts.py"
if ! have_epubcheck; then
	echo "SKIP: epubcheck not installed (java -jar $EPUBCHECK_JAR);" \
	    "run install-deps.sh"
	exit 77
fi
for t in python3 unzip fc-query; do
	if ! command -v $t >/dev/null 2>&1; then
		echo "SKIP: $t not installed"
		exit 77
	fi
done

tmp=$T
export SOURCE_DATE_EPOCH=1700000000
status=0
books=

for f in "$top_srcdir"/examples/*.txt; do
	name=$(basename "$f" .txt)
	rm -rf "$tmp/a" "$tmp/b" "$tmp/x"
	mkdir -p "$tmp/a" "$tmp/b" "$tmp/x"
	if ! "$DOCCONV" -q --epub --embed-fonts -o "$tmp/a" "$f"; then
		echo "FAIL: $name: docconv --epub --embed-fonts failed"
		status=1
		continue
	fi
	book="$tmp/a/$name.epub"
	# Checked after the loop, all the books in one JVM.
	mkdir -p "$tmp/books" && cp "$book" "$tmp/books/" || status=1
	books="$books $tmp/books/$name.epub"
	"$DOCCONV" -q --epub --embed-fonts -o "$tmp/b" "$f"
	if ! cmp "$book" "$tmp/b/$name.epub"; then
		echo "FAIL: $name: rebuild with fonts differs"
		status=1
	fi
	unzip -q "$book" -d "$tmp/x"
	$py subsets "$tmp/x/EPUB" "$name" || status=1
done
# epubcheck: every book with no message.  ($tmp has no spaces.)
# shellcheck disable=SC2086
[ -z "$books" ] || epubcheck_clean $books || status=1
exit $status
