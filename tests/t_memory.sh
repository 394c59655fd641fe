#!/bin/sh
# Memory for many short lines: a text of one-character lines takes a
# node or two a line, far more memory than its bytes.  Converted to
# TEI, 1 MB of them peaks under 115 bytes of memory an input byte (the
# translation pairs a one-language TEI never links are not made, the
# TEI and JSON are written as they are made, a node is 72 bytes, a
# line's text is freed once its paragraph is made, and the reader
# gives back the line records it is past: 129 bytes before); 2 MB of
# them converts in a 400 MB address space; and where the memory is not
# there, 4 MB of them is refused with what it needs instead of the
# allocator aborting.  Skipped under the sanitizers, whose shadow
# memory changes both.
. "${top_srcdir:-.}/tests/lib.sh"
need python3
need xmllint
# Under the sanitizers memory is no measure (shadow memory): there a
# text of 50,000 one-character lines must convert whole, each line a
# paragraph of the TEI, which the decoders' tables of such lines would
# show if they went wrong.
case "${ASAN_OPTIONS:-}${UBSAN_OPTIONS:-}" in
?*)
	python3 -c 'import sys; sys.stdout.write("t\n\n" + "a\n" * 50000)' >"$T/l0.txt"
	"$DOCCONV" -q --tei -o "$T/l0.tei" "$T/l0.txt" 2>"$T/err" ||
	    fail "50,000 short lines: exit $?: $(cat "$T/err")"
	n=$(xmllint --xpath 'count(//*[local-name()="body"]//*[local-name()="p"])' "$T/l0.tei")
	[ "$n" -eq 50000 ] || fail "50,000 short lines: $n paragraphs in the TEI"
	pass
	;;
esac
(ulimit -v 400000 && "$DOCCONV" --version) >/dev/null 2>&1 ||
    skip "docconv does not run in a 400 MB address space (sanitizers?)"

python3 -c 'import sys; sys.stdout.write("a\n" * 500000)' >"$T/l1.txt"
python3 -c 'import sys; sys.stdout.write("t\n\n" + "a\n" * 1000000)' >"$T/l2.txt"
python3 -c 'import sys; sys.stdout.write("a\n" * 2000000)' >"$T/l4.txt"

if [ -x /usr/bin/time ]; then
	/usr/bin/time -v "$DOCCONV" -q --tei -o "$T/l1.tei" "$T/l1.txt" \
	    2>"$T/time" || fail "1 MB of short lines: exit $?: $(cat "$T/time")"
	kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$T/time")
	r=$((kb * 1024 / $(wc -c <"$T/l1.txt")))
	echo "1 MB of one-character lines to TEI: $kb kB, $r bytes an input byte"
	[ "$r" -lt 115 ] || fail "$r bytes of memory an input byte, not under 115"
	# The JSON writer too writes as it goes (it held 85 MB of text).
	/usr/bin/time -v "$DOCCONV" -q --json -o "$T/l1.json" "$T/l1.txt" \
	    2>"$T/time" || fail "1 MB of short lines to JSON: exit $?"
	kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$T/time")
	r=$((kb * 1024 / $(wc -c <"$T/l1.txt")))
	echo "1 MB of one-character lines to JSON: $kb kB, $r bytes an input byte"
	[ "$r" -lt 115 ] ||
	    fail "JSON: $r bytes of memory an input byte, not under 115"
fi

# 2 MB of them (under a title) fit in 400 MB: they took 440 MB and
# were refused.
(ulimit -v 400000; exec "$DOCCONV" -q --tei -o "$T/l2.tei" "$T/l2.txt") \
    >"$T/out" 2>"$T/err" ||
    fail "2 MB of short lines in 400 MB: exit $?: $(cat "$T/err")"
n=$(grep -c '<p xml:id=' "$T/l2.tei")
[ "$n" -eq 1000000 ] || fail "2 MB of short lines: $n paragraphs in the TEI"

(ulimit -v 400000; exec "$DOCCONV" --tei -o "$T/l4.tei" "$T/l4.txt") \
    >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 1 ] || fail "4 MB of short lines in 400 MB: exit $rc: $(cat "$T/err")"
grep -q "2000001 lines would take about .* of memory, more than" "$T/err" ||
    fail "no reason: $(cat "$T/err")"
[ ! -e "$T/l4.tei" ] || fail "an output was written"
# The same input with a limit given: the user's word, as before.
(ulimit -v 400000; exec "$DOCCONV" -q --max-input-size=4M --dump-model \
    "$T/l1.txt") >/dev/null 2>"$T/err" ||
    fail "--max-input-size given: exit $?: $(cat "$T/err")"
pass
