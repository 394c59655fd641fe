#!/bin/sh
# Side files (--meta-file and FILE.meta sidecars, --style, --alignment)
# are read only when they are regular files of bounded size: /dev/zero,
# a symlink to it and a FIFO are refused within 2 s, an oversized file
# by its size, each naming the file; a UTF-8 byte order mark opens a
# meta or alignment file like any editor's; a NUL byte in an alignment
# file is refused at its line instead of ending the file.  Messages
# show hostile values escaped and cut: no terminal control and no
# 500 KB line reaches the terminal.
. "${top_srcdir:-.}/tests/lib.sh"
A=$top_srcdir/tests/data/align
mkdir "$T/d"
printf 'Velmo tarin\n\nKessa dor amul virent.\n' >"$T/d/in.txt"

# quick WHAT ARGS...: docconv refuses within 2 s (10 under the
# sanitizers, which start slowly), naming "not a regular file" or
# "larger than".
lim=2
[ -z "${ASAN_OPTIONS:-}" ] || lim=10
quick() {
	what=$1; shift
	timeout $lim "$DOCCONV" "$@" >"$T/out" 2>"$T/err"
	rc=$?
	[ $rc -ne 124 ] || fail "$what: still running after $lim s"
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
# Values in messages: C0 and C1 controls escaped, cut at about 200
# bytes.  clean WHAT: the message has no control byte but the newline
# and is shorter than 1,000 bytes.
clean() {
	[ -s "$T/err" ] || fail "$1: no message"
	LC_ALL=C tr -d '\n' <"$T/err" | LC_ALL=C grep -q '[[:cntrl:]]' &&
	    fail "$1: a control character in: $(od -c "$T/err" | head)"
	LC_ALL=C grep -q $(printf '\302[\200-\237]') "$T/err" &&
	    fail "$1: a C1 control in the message"
	[ "$(wc -c <"$T/err")" -lt 1000 ] ||
	    fail "$1: a message of $(wc -c <"$T/err") bytes"
}
printf '[page]\npaper = a4\033[31mred\302\233\n' >"$T/esc.style"
run --style "$T/esc.style" --pdf -o "$T/o.pdf" "$T/d/in.txt"
what="a style value with controls"
expect 2 'paper = a4\\x1B\[31mred\\u009B'
clean "$what"
python3 -c 'print("[page]\npaper = " + "q" * 500000)' >"$T/long.style"
run --style "$T/long.style" --pdf -o "$T/o.pdf" "$T/d/in.txt"
what="a 500 KB style value"
expect 2 "paper = qqqq*\.\.\."
clean "$what"
printf 'publisher = Orvane House\n\033]0;tarn\007 morel\n' >"$T/d/in.meta"
run --tei -o "$T/o.tei" "$T/d/in.txt"
what="a sidecar line with controls"
expect 2 'in.meta:2: not KEY=VALUE'
clean "$what"
rm "$T/d/in.meta"
printf '1-1\t1\033[2J\t1\n' >"$T/esc.align"
run --alignment "$T/esc.align" --translation "$A/lecture.en.txt" \
    --tei -o "$T/o.tei" "$A/lecture.zh.txt"
what="an alignment field with controls"
expect 1 "esc.align:1:"
clean "$what"
pass
