#!/bin/sh
# Side files (--meta-file and FILE.meta sidecars, --style, --alignment)
# are read only when they are regular files of bounded size: /dev/zero,
# a symlink to it and a FIFO are refused within 2 s, an oversized file
# by its size, each naming the file; a UTF-8 byte order mark opens a
# meta or alignment file like any editor's; a NUL byte in an alignment
# file is refused at its line instead of ending the file.
. "${top_srcdir:-.}/tests/lib.sh"
A=$top_srcdir/tests/data/align
mkdir "$T/d"
printf 'Velmo tarin\n\nKessa dor amul virent.\n' >"$T/d/in.txt"

# quick WHAT ARGS...: docconv refuses within 2 s, naming "not a
# regular file" or "larger than".
quick() {
	what=$1; shift
	timeout 2 "$DOCCONV" "$@" >"$T/out" 2>"$T/err"
	rc=$?
	[ $rc -ne 124 ] || fail "$what: still running after 2 s"
	[ $rc -eq 1 ] || [ $rc -eq 2 ] || fail "$what: exit $rc: $(cat "$T/err")"
	grep -q "not a regular file\|larger than [0-9]* bytes" "$T/err" ||
	    fail "$what: no reason: $(cat "$T/err")"
}
quick "--meta-file /dev/zero" --meta-file /dev/zero --tei -o "$T/o.tei" \
    "$T/d/in.txt"
quick "--style /dev/zero" --style /dev/zero --pdf -o "$T/o.pdf" "$T/d/in.txt"
quick "--alignment /dev/zero" --alignment /dev/zero --tei -o "$T/o.tei" \
    --translation "$A/lecture.en.txt" "$A/lecture.zh.txt"
ln -s /dev/zero "$T/d/in.meta"
quick "a sidecar linked to /dev/zero" --tei -o "$T/o.tei" "$T/d/in.txt"
grep -q "in.meta" "$T/err" || fail "the sidecar is not named: $(cat "$T/err")"
rm "$T/d/in.meta"
if mkfifo "$T/d/in.meta" 2>/dev/null; then
	quick "a FIFO sidecar" --tei -o "$T/o.tei" "$T/d/in.txt"
	rm "$T/d/in.meta"
	mkfifo "$T/fifo.style"
	quick "a FIFO --style" --style "$T/fifo.style" --pdf -o "$T/o.pdf" \
	    "$T/d/in.txt"
fi
python3 -c 'print("publisher = Orvane House\n" + "# " + "x" * 2000000)' \
    >"$T/big.meta"
quick "a 2 MB meta file" --meta-file "$T/big.meta" --tei -o "$T/o.tei" \
    "$T/d/in.txt"
grep -q "big.meta: larger than" "$T/err" || fail "big.meta: $(cat "$T/err")"

# A byte order mark before a comment or a blank line.
for first in '# the press' ''; do
	{ printf '\357\273\277%s\n' "$first"; printf 'publisher = Orvane House\n'; } \
	    >"$T/d/in.meta"
	run -q --tei -o "$T/o.tei" "$T/d/in.txt"
	what="a sidecar with a BOM and '$first'"
	expect 0
	grep -q "<publisher>Orvane House</publisher>" "$T/o.tei" ||
	    fail "$what: the publisher is not in the TEI"
done
rm "$T/d/in.meta"
{ printf '\357\273\277'; cat "$A/lecture.align"; } >"$T/bom.align"
run -q --alignment "$T/bom.align" --translation "$A/lecture.en.txt" \
    --tei -o "$T/o.tei" "$A/lecture.zh.txt"
what="an alignment file with a BOM"
expect 0

# A NUL byte in an alignment file: refused at its line, not read as
# the file's end (the lines after it would be lost without a word).
n=$(wc -l <"$A/lecture.align")
{ cat "$A/lecture.align"; printf '\0001-1\t99\t99\n'; } >"$T/nul.align"
run -q --alignment "$T/nul.align" --translation "$A/lecture.en.txt" \
    --tei -o "$T/o.tei" "$A/lecture.zh.txt"
what="an alignment file with a NUL byte"
expect 1 "nul.align:$((n + 1)):.*NUL"
pass
