#!/bin/sh
# Run one golden case: tests/golden/<dialect>/<name>.txt.  Siblings
# select what is compared: .tree (--dump-model), .tei (--tei, with
# SOURCE_DATE_EPOCH=0), .json (--json, and read back), .msgs
# (diagnostics, directory stripped; none without a .msgs), and what
# users read (tests/golden_out.sh): .xhtml (the EPUB's package, nav and
# text), .html (the web page), .pages (the PDF's pages laid out as
# text), .tmx (the pairs); every case runs through each of those, and
# one without a sibling fails unless the writer had nothing to say (a
# TMX without units).  Honours $VALGRIND.  Exit 0 pass, 1 fail.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/golden_out.sh"

src=$1
[ -f "$src" ] || src="$top_srcdir/$1"
[ -f "$src" ] || fail "no such case: $1"
base=${src%.txt}
dir=$(dirname "$src")
# Each case's directory is named by its dialect (model.c's table).
opt="--input-format=$(basename "$dir")"

$VALGRIND "$DOCCONV" --dump-model "$src" >"$T/tree" 2>"$T/msgs.raw"
rc=$?
[ $rc -le 1 ] || fail "exit status $rc: $(cat "$T/msgs.raw")"
sed "s|$dir/||g" "$T/msgs.raw" >"$T/msgs"
n=0
if [ -f "$base.tree" ]; then
	n=$((n + 1))
	diff -u "$base.tree" "$T/tree" || fail "model differs from $base.tree"
	# Told the dialect, the same model.
	"$DOCCONV" -q $opt --dump-model "$src" >"$T/tree2" 2>"$T/err2"
	rc=$?
	[ $rc -le 1 ] || fail "$opt: exit status $rc: $(cat "$T/err2")"
	diff -u "$base.tree" "$T/tree2" >/dev/null ||
	    fail "$opt gives another model"
fi
if [ -f "$base.tei" ]; then
	n=$((n + 1))
	SOURCE_DATE_EPOCH=0 "$DOCCONV" -q --tei -o "$T/tei" "$src" ||
	    fail "--tei exit status $?"
	diff -u "$base.tei" "$T/tei" || fail "TEI differs from $base.tei"
fi
if [ -f "$base.json" ]; then
	n=$((n + 1))
	SOURCE_DATE_EPOCH=0 "$DOCCONV" -q --json -o "$T/json" "$src" ||
	    fail "--json exit status $?"
	diff -u "$base.json" "$T/json" || fail "JSON differs from $base.json"
	# Read back, the same model: written again, the same bytes.
	"$DOCCONV" -q --input-format=json --json -o "$T/json2" "$T/json" ||
	    fail "--input-format=json exit status $?"
	cmp -s "$T/json" "$T/json2" || fail "JSON -> model -> JSON differs"
fi
for k in $GOLDEN_KINDS; do
	[ $k != pages ] || command -v pdftotext >/dev/null ||
	    fail "pdftotext (poppler-utils) is needed for $base.pages"
	golden_out $k "$src" "$T/$k" "$T" || fail "--$k: exit status $?"
	# No sibling: only where the writer has nothing to say.
	if [ ! -f "$base.$k" ]; then
		! golden_has $k "$T/$k" ||
		    fail "no $base.$k, and --$k writes something" \
		    "(tests/regen.sh -y $1 writes it)"
		continue
	fi
	n=$((n + 1))
	diff -u "$base.$k" "$T/$k" || fail "$k differs from $base.$k" \
	    "(tests/regen.sh $1 shows the change, -y takes it)"
done
if [ -f "$base.msgs" ]; then
	n=$((n + 1))
	diff -u "$base.msgs" "$T/msgs" || fail "messages differ from $base.msgs"
elif [ -s "$T/msgs" ]; then
	# No .msgs: the case gives no messages (tests/regen.sh writes one
	# where there are).
	cat "$T/msgs"
	fail "messages, and no $base.msgs beside $src"
fi
[ $n -gt 0 ] || fail "no .tree or .msgs beside $src"
pass
