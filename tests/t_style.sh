#!/bin/sh
# Style files (issue 13): --style sets paper, margins, sizes, leading,
# column share and folio, as measured in the PDF; --print-style loads
# back to the same bytes; each bad style file is refused with FILE:LINE,
# the key and what it allows; --font-dir serves a face under a family
# docconv does not know; --skip-existing counts the style file.
. "${top_srcdir:-.}/tests/lib.sh"
need pdfinfo pdffonts mutool python3 cmp
ex="$top_srcdir/examples/speech-bilingual.zh-en.txt"
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH

# A style that changes paper, margins, sizes, leading, the columns and
# the furniture; mm are checked in points.
cat > "$T/house.style" <<'END'
# an invented publisher's house style
[page]
paper = b5
inner = 20mm
outer = 25mm
top = 18mm
bottom = 22mm
columns = 0.4
running-head = false
folio = foot-center

[zh-body]
font = Noto Sans CJK SC,docconv-en-body
size = 11
leading = 1.8

[en-body]
font = docconv-en-body 11.5

[zh-title]
size = 2 zh-body
END
what="house style"
run -q --pdf --style "$T/house.style" -o "$T/house.pdf" "$ex"
expect 0
size=$(pdfinfo "$T/house.pdf" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1x\2/p')
[ "$size" = "498.898x708.661" ] || fail "B5 paper: page size $size"
pdffonts "$T/house.pdf" | grep -q 'NotoSansCJKsc-Regular' ||
    fail "zh-body font: no Noto Sans CJK SC Regular in $(pdffonts "$T/house.pdf")"
python3 "$top_srcdir/tests/t_style.py" "$T/house.pdf" \
    inner=20mm outer=25mm top=18mm bottom=22mm \
    zh=11 en=11.5 title=22 leading=19.8 columns=0.4 gutter=0.05 \
    folio=foot-center > "$T/measure" || fail "house style: $(cat "$T/measure")"
# The built-in style is not that: the measures can fail.
"$DOCCONV" -q --pdf --paper b5 -o "$T/plain.pdf" "$ex" || fail "plain B5"
python3 "$top_srcdir/tests/t_style.py" "$T/plain.pdf" \
    inner=20mm outer=25mm top=18mm bottom=22mm \
    zh=11 en=11.5 columns=0.4 gutter=0.05 > /dev/null &&
    fail "the built-in style passed the house style's measures"

# --print-style loads back to byte-identical PDFs (A5 and A4, columns
# and facing); --paper still overrides the style's paper.
what="--print-style"
run --print-style
expect 0
cp "$T/out" "$T/printed.style"
grep -q '^\[zh-body\]' "$T/printed.style" || fail "--print-style: no [zh-body]"
for p in a5 a4; do
	for l in columns facing; do
		"$DOCCONV" -q --pdf --paper $p --layout $l -o "$T/a.pdf" "$ex" &&
		"$DOCCONV" -q --pdf --paper $p --layout $l --style "$T/printed.style" \
		    -o "$T/b.pdf" "$ex" || fail "round trip $p $l: conversion failed"
		cmp -s "$T/a.pdf" "$T/b.pdf" || fail "round trip $p $l: PDFs differ"
	done
done
# Same input and style twice: the same bytes.
run -q --pdf --style "$T/house.style" -o "$T/house2.pdf" "$ex"
cmp -s "$T/house.pdf" "$T/house2.pdf" || fail "house style twice: PDFs differ"

# hyphenation = false: no added hyphens (U+2010 in mutool's text) where
# the built-in style's narrow columns have some.
printf '[text]\nhyphenation = false\n' > "$T/nohyph.style"
"$DOCCONV" -q --pdf --style "$T/nohyph.style" -o "$T/nohyph.pdf" "$ex" ||
    fail "hyphenation = false: conversion failed"
"$DOCCONV" -q --pdf -o "$T/hyph.pdf" "$ex" || fail "built-in: conversion failed"
n1=$(mutool draw -q -F txt -o - "$T/hyph.pdf" 2>/dev/null | grep -c '‐')
n0=$(mutool draw -q -F txt -o - "$T/nohyph.pdf" 2>/dev/null | grep -c '‐')
[ "$n1" -gt 0 ] && [ "$n0" -eq 0 ] ||
    fail "hyphenation = false: $n0 hyphenated lines (built-in style: $n1)"

# punctuation: one rule for a closing mark that ends a justified
# Chinese line, compressed to half width (the built-in style) or
# hanging past the column, never both in one PDF (pdfmetrics.py's
# counts of lines ending in each).
printf '[text]\npunctuation = hang\n' > "$T/hang.style"
"$DOCCONV" -q --pdf --style "$T/hang.style" -o "$T/hang.pdf" "$ex" ||
    fail "punctuation = hang: conversion failed"
for s in hyph hang; do
	python3 "$top_srcdir/tests/pdfmetrics.py" "$T/$s.pdf" | sed -n \
	    's/.*(ending half width \([0-9]*\), hanging \([0-9]*\)).*/\1 \2/p' \
	    > "$T/$s.ends"
done
read -r half hang < "$T/hyph.ends"
[ "$half" -gt 0 ] && [ "$hang" -eq 0 ] ||
    fail "punctuation = compress: $half lines end half width, $hang hanging"
read -r half hang < "$T/hang.ends"
[ "$half" -eq 0 ] && [ "$hang" -gt 0 ] ||
    fail "punctuation = hang: $half lines end half width, $hang hanging"

# Bad style files: exit 2 and FILE:LINE, the key and what is allowed.
bad() {	# bad NAME CONTENT PATTERN [STATUS]
	printf '%s\n' "$2" > "$T/$1.style"
	what="bad style $1"
	run -q --pdf --style "$T/$1.style" -o "$T/$1.pdf" "$ex"
	expect "${4:-2}" "$T/$1.style:$3"
	[ ! -e "$T/$1.pdf" ] || fail "$what: a PDF was written"
}
bad paper '[page]
paper = a3' "2: ERROR: bad style file: \[page\] paper = a3: give a6, a5, a4, b6, b5, letter"
bad type '# sizes
[zh-body]
size = large' "3: ERROR: .*\[zh-body\] size = large: give auto .* or 4 to 72 points"
bad range '[zh-title]
size = 200' "2: ERROR: .*\[zh-title\] size = 200: give 4 to 72 points"
bad leading '[en-body]
leading = 9' "2: ERROR: .*\[en-body\] leading = 9: give a factor of the size from 0.8 to 4"
bad margin '[page]
inner = 400mm' "2: ERROR: .*\[page\] inner = 400mm: give 0% to 45%, 0mm to 300mm"
bad block '[page]
paper = a5
inner = 45%
outer = 40%' "3: ERROR: .*inner and outer leave .* mm for text"
bad ratio '[page]
columns = 1.2' "2: ERROR: .*\[page\] columns = 1.2: give auto or .* between 0 and 1"
bad zero '[page]
columns = 0' "2: ERROR: .*columns = 0: give auto"
bad bool '[text]
hyphenation = perhaps' "2: ERROR: .*hyphenation = perhaps: give true or false"
bad punct '[text]
punctuation = both' "2: ERROR: .*punctuation = both: give compress or hang"
bad folio '[page]
folio = left' "2: ERROR: .*folio = left: give head-outer"
bad syntax '[page]
this is not a key' "2: ERROR: bad style file: 'this is not a key'"
bad font '[zh-title]
font = Docconv Missing Hei Bold' \
    "2: ERROR: font not installed: \"Docconv Missing Hei\" (\[zh-title\] font): fontconfig has \".*\" instead" 3
bad alias '[fonts]
zh-body = docconv-zh-sans' "2: ERROR: .*\[fonts\] zh-body = docconv-zh-sans: give one font family"

# Hostile style files are used or refused (exit 2, 3 for a family not
# installed), never a crash.
i=0
for c in '' '[page]' '[zh-body]
size = nan' '[zh-body]
size = inf' '[zh-body]
leading = 1e400' '[en-body]
size = 1 en-body' '[zh-body]
font = ,' '[zh-body]
font = Sans 0' '[zh-body]
font = 12' '[fonts]
zh-body = docconv-en-body
en-body = docconv-zh-body' '[page]
columns = 0.0001' '[page]
columns = 0.9999
gutter = 30%' '[page]
[page]
paper = a5
paper = a4' '[zh-body]
size = 4
leading = 0.8
[en-body]
size = 72' '= x' '[a]b' '[]' '[page]
paper = 70x70mm
inner = 0%
outer = 0%
top = 0mm
bottom = 0pt'; do
	i=$((i + 1))
	printf '%s\n' "$c" > "$T/h$i.style"
	run -q --pdf --style "$T/h$i.style" -o "$T/h$i.pdf" "$ex"
	[ "$rc" -eq 0 ] || [ "$rc" -eq 2 ] || [ "$rc" -eq 3 ] ||
	    fail "hostile style $i: exit $rc: $(cat "$T/err")"
done
head -c 3000 /dev/urandom > "$T/noise.style"
printf '\357\273\277[page]\npaper = a5\n' > "$T/bom.style"
run -q --pdf --style "$T/noise.style" -o "$T/noise.pdf" "$ex"
[ "$rc" -eq 0 ] || [ "$rc" -eq 2 ] || fail "noise style: exit $rc"
what="style file with a byte order mark"
run -q --pdf --style "$T/bom.style" -o "$T/bom.pdf" "$ex"
expect 0

what="missing style file"
run -q --pdf --style "$T/nonesuch.style" "$ex"
expect 2 "nonesuch.style: ERROR: bad style file"

# An unknown key or group warns and converts.
printf '[page]\npaper = a5\nmargins = wide\n[colours]\nink = red\n' > "$T/unknown.style"
what="unknown key"
run --pdf --style "$T/unknown.style" -o "$T/unknown.pdf" "$ex"
expect 0 "unknown.style:3: WARNING: style file: unknown key margins in \[page\]"
grep -q "unknown.style:4: WARNING: style file: unknown group \[colours\]" "$T/err" ||
    fail "unknown group: $(cat "$T/err")"
[ -s "$T/unknown.pdf" ] || fail "unknown key: no PDF"
"$DOCCONV" -q --pdf -o "$T/a5.pdf" "$ex"
cmp -s "$T/unknown.pdf" "$T/a5.pdf" || fail "unknown key: the PDF is not the built-in style's"

# --font-dir: a face copied under a family docconv does not know.
mkdir "$T/fonts"
libertine=$("$DOCCONV" --list-fonts | sed -n 's/^English body *[^:]*: //p')
case $libertine in *.otf|*.ttf) ;; *) skip "English body font is not a plain OpenType file" ;; esac
python3 "$top_srcdir/tests/fontrename.py" "$libertine" "$T/fonts/house.otf" \
    "Docconv House Serif" || fail "fontrename.py"
printf '[fonts]\nen-body = Docconv House Serif\n' > "$T/face.style"
what="--font-dir"
run -q --pdf --style "$T/face.style" --font-dir "$T/fonts" -o "$T/face.pdf" "$ex"
expect 0
pdffonts "$T/face.pdf" | grep -q '+DocconvHouseSerif ' ||
    fail "--font-dir: the house face is not in $(pdffonts "$T/face.pdf")"
what="without --font-dir"
run -q --pdf --style "$T/face.style" -o "$T/face2.pdf" "$ex"
expect 3 "face.style:2: ERROR: font not installed: \"Docconv House Serif\" (\[fonts\] en-body)"
what="--font-dir not a directory"
run -q --pdf --font-dir "$T/nonesuch" -o "$T/x.pdf" "$ex"
expect 2 "font-dir .*nonesuch: not a directory"

# --skip-existing: a style file newer than the PDF converts it again.
mkdir "$T/batch"
cp "$ex" "$T/batch/s.txt"
"$DOCCONV" -q --pdf --style "$T/house.style" "$T/batch/s.txt" || fail "batch"
touch -d '2 minutes ago' "$T/batch/s.txt" "$T/house.style"
what="--skip-existing, style older"
run -q --pdf --style "$T/house.style" --skip-existing --report "$T/r1" "$T/batch/s.txt"
expect 0
grep -q '"skipped"' "$T/r1" || fail "$what: not skipped: $(cat "$T/r1")"
touch "$T/house.style"
sleep 1
touch "$T/house.style"
what="--skip-existing, style newer"
run -q --pdf --style "$T/house.style" --skip-existing --report "$T/r2" "$T/batch/s.txt"
expect 0
grep -q '"skipped"' "$T/r2" && fail "$what: skipped: $(cat "$T/r2")"
pass
