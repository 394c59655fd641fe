#!/bin/sh
# EPUB backend on the golden inputs (odd dialect variants: English
# first, front matter, Traditional Chinese, wrapped titles): epubcheck
# passes with no message and each language's text is the model's.
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
n=0

for f in "$top_srcdir"/tests/golden/*/*.txt; do
	[ -f "$f" ] || continue
	name=$(basename "$(dirname "$f")")-$(basename "$f" .txt)
	n=$((n + 1))
	rm -rf "$tmp/o" "$tmp/x"
	mkdir -p "$tmp/o" "$tmp/x"
	# Some golden inputs are meant to warn; only failure matters.
	if ! "$DOCCONV" -q --epub -o "$tmp/o" "$f" ||
	    ! book=$(ls "$tmp"/o/*.epub); then
		echo "FAIL: $name: docconv --epub failed"
		status=1
		continue
	fi
	if ! epubcheck_clean "$book"; then
		echo "FAIL: $name: epubcheck:"
		status=1
	fi
	unzip -q "$book" -d "$tmp/x"
	"$DOCCONV" -q --dump-model "$f" >"$tmp/model.txt"
	if ! python3 "$top_srcdir/tests/t_epub_text.py" \
	    "$tmp/x/EPUB/text.xhtml" "$tmp/x/EPUB/nav.xhtml" \
	    <"$tmp/model.txt"; then
		echo "FAIL: $name: text differs from the model"
		status=1
	fi
done
if [ $n -eq 0 ]; then
	echo "SKIP: no golden inputs"
	exit 77
fi
exit $status
