#!/bin/sh
# Command line and bad input: exit status, one clear message naming
# the file (and line), no output file; odd but valid encodings read.
. "${top_srcdir:-.}/tests/lib.sh"
py="python3 $top_srcdir/tests/t_cli.py"

ex="$top_srcdir/examples"

# Run docconv, keep stdout/stderr/status.
run() {
	"$DOCCONV" "$@" >"$T/out" 2>"$T/err"
	rc=$?
}

# expect STATUS PATTERN: status and a message matching PATTERN.
expect() {
	[ "$rc" -eq "$1" ] || fail "exit $rc, expected $1 ($(cat "$T/err"))"
	grep -q -- "$2" "$T/err" || fail "message '$2' not in: $(cat "$T/err")"
}

# No output file may be left behind (nor a temporary one).
nofiles() {
	left=$(ls -A "$T/o")
	[ -z "$left" ] || fail "output left behind: $left"
}

mkdir "$T/o"

# Empty file.
: >"$T/empty.txt"
run "$T/empty.txt" --tei -o "$T/o"
expect 1 "empty.txt: ERROR: empty input: no text"
nofiles

# A PNG image.
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$T/pic.txt"
run "$T/pic.txt" --dump-model -o "$T/o"
expect 1 "pic.txt: ERROR: not a text file"
nofiles

# Invalid UTF-8 at line 3, column 7 (bytes).
printf '第一行\n第二行\nabc字\377def\n' >"$T/bad.txt"
run "$T/bad.txt" --tei -o "$T/o"
expect 1 "bad.txt:3:7: ERROR: invalid UTF-8: byte 0x"
nofiles
# ... replaced under --lenient, with a warning.
run "$T/bad.txt" --dump-model --lenient
expect 0 "bad.txt:3:7: WARNING: invalid bytes replaced with U+FFFD: in UTF-8"
grep -q "abc字�def" "$T/out" || fail "U+FFFD not in the model"

# A directory, a missing file.
run "$T" --dump-model
expect 1 "is a directory"
run "$T/nothere.txt" --dump-model
expect 1 "nothere.txt: ERROR: cannot read it: No such file"

# Usage errors: exit 2.
run --frobnicate "$ex/news-report.zh.txt"
expect 2 "Unknown option"
run "$ex/news-report.zh.txt"
expect 2 "no output chosen"
run --input-format=xml "$ex/news-report.zh.txt" --dump-model
expect 2 "unknown format 'xml'"
run --tei --dump-model -o - "$ex/news-report.zh.txt"
expect 2 "one output"

# Help teaches; version answers.
run --help
[ "$rc" -eq 0 ] || fail "--help exit $rc"
grep -q -- "--dump-model" "$T/out" || fail "--help lacks --dump-model"
grep -q "Examples:" "$T/out" || fail "--help lacks examples"
run --version
grep -q "^docconv [0-9]" "$T/out" || fail "--version"

# Same model from UTF-8, UTF-8 with BOM, UTF-16LE/BE with BOM, GB18030,
# CRLF and CR line ends.
f="$ex/speech-bilingual.zh-en.txt"
"$DOCCONV" -q --dump-model "$f" >"$T/ref" || fail "reference dump"
printf '\357\273\277' | cat - "$f" >"$T/bom.txt"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$f"; } >"$T/u16le.txt"
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$f"; } >"$T/u16be.txt"
iconv -f UTF-8 -t GB18030 "$f" >"$T/gb.txt"
sed 's/$/\r/' "$f" >"$T/crlf.txt"
tr '\n' '\r' <"$f" >"$T/cr.txt"
for v in bom u16le u16be gb crlf cr; do
	"$DOCCONV" -q --dump-model "$T/$v.txt" >"$T/$v.dump" ||
	    fail "$v: not converted"
	diff -u "$T/ref" "$T/$v.dump" >"$T/diff" ||
	    fail "$v: model differs: $(head -20 "$T/diff")"
done
# GB18030 by --encoding too.
"$DOCCONV" -q --encoding=GB18030 --dump-model "$T/gb.txt" >"$T/gb2.dump" ||
    fail "--encoding=GB18030"
cmp -s "$T/ref" "$T/gb2.dump" || fail "--encoding=GB18030 model differs"
run --encoding=NOPE --dump-model "$T/gb.txt"
expect 1 "unknown encoding 'NOPE'"

# UTF-16 with a lone surrogate: error with position, or replaced.
printf '\377\376A\000\000\330B\000\n\000' >"$T/sur.txt"
run --dump-model "$T/sur.txt"
expect 1 "sur.txt:1:2: ERROR: cannot decode: UTF-16 lone surrogate"
run --dump-model --lenient "$T/sur.txt"
expect 0 "a lone UTF-16 surrogate"

# A 5 MB single line: no crash, done in seconds.
awk 'BEGIN { s = "合作共赢，共同发展。"; for (i = 0; i < 174763; i++) printf "%s", s }' >"$T/big.txt"
run --dump-model -q "$T/big.txt"
[ "$rc" -eq 0 ] || fail "5 MB line: exit $rc $(head -c 300 "$T/err")"
[ "$(wc -c <"$T/out")" -gt 5000000 ] || fail "5 MB line: text lost"

# -j: good files converted, the bad one reported, exit says so.
for i in 1 2 3 4 5; do cp "$ex/news-report.zh.txt" "$T/n$i.txt"; done
run -j 2 --dump-model "$T/n1.txt" "$T/empty.txt" "$T/n2.txt" "$T/n3.txt" \
    "$T/n4.txt" "$T/n5.txt"
expect 1 "empty.txt: ERROR: empty input: no text"
[ "$(grep -c '^meta dialect: news' "$T/out")" -eq 5 ] ||
    fail "-j 2: not all good files converted"
grep -q "6 files: 5 converted, 0 skipped, 1 failed, [0-9]* warnings" "$T/err" ||
    fail "-j 2: no failure summary"

# -j into a closed pipe: a worker dying of SIGPIPE while it holds the
# output lock must not leave the others waiting for it (it hung).
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do cp "$ex/news-report.zh.txt" "$T/p$i.txt"; done
timeout 60 sh -c '"$1" -q -j 2 --dump-model "$2"/p*.txt | head -n 1' sh \
    "$DOCCONV" "$T" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -ne 124 ] || fail "-j into a closed pipe: hangs"
[ "$(cat "$T/out")" = "meta dialect: news" ] ||
    fail "-j into a closed pipe: $(head -c 200 "$T/out")"

# A bad PDF option is a usage error, said once, before any input is
# read: exit 2, no output (it was exit 3 per file, after the others).
for opt in --paper=x9 --layout=sideways --impose=quarto; do
	rm -rf "$T/bad"
	"$DOCCONV" "$opt" --tei --pdf -o "$T/bad/" "$ex/news-report.zh.txt" \
	    "$ex/speech-bilingual.zh-en.txt" >/dev/null 2>"$T/err"
	rc=$?
	[ $rc -eq 2 ] || fail "$opt: exit $rc, not 2"
	[ "$(grep -c -- "$(echo "$opt" | sed 's/^--\([a-z]*\)=.*/--\1/')" "$T/err")" -eq 1 ] ||
	    fail "$opt: not said once: $(cat "$T/err")"
	[ ! -d "$T/bad" ] || [ -z "$(ls -A "$T/bad")" ] || fail "$opt: output written"
done

# --help under the C locale: UTF-8, and FILE... said once.
LC_ALL=C "$DOCCONV" --help >"$T/help" 2>&1
grep -q 'docconv \[OPTION…\] FILE\.\.\. - convert' "$T/help" ||
    fail "--help usage line: $(sed -n 2p "$T/help")"

# Two inputs that would write one output are refused before anything
# is converted, naming both (one silently overwrote the other).
mkdir -p "$T/cl/a" "$T/cl/b"
cp "$ex/news-report.zh.txt" "$T/cl/a/x.txt"
cp "$ex/news-report.zh.txt" "$T/cl/b/x.txt"
cp "$ex/news-report.zh.txt" "$T/cl/y.txt"
cp "$ex/news-report.zh.txt" "$T/cl/y.md"
what="same output name"
run -j 2 --tei "$T/cl/a/x.txt" "$T/cl/b/x.txt" -o "$T/cl/out/"
expect 2 "a/x.txt and .*b/x.txt would both write"
[ ! -e "$T/cl/out/x.tei.xml" ] || fail "same output name: converted"
run --tei "$T/cl/y.txt" "$T/cl/y.md"
expect 2 "y.txt and .*y.md would both write"
[ ! -e "$T/cl/y.tei.xml" ] || fail "same output name: converted"

# UTF-32 with its BOM (once read as UTF-16: characters outside the BMP
# lost); --encoding wins over a BOM; a cut-short last character under
# --encoding is an error, or U+FFFD with --lenient (it vanished).
$py utf32 "$T"
for f in u32 u32be; do
	run --dump-model "$T/$f.txt"
	[ $rc -eq 0 ] && grep -q '😀' "$T/out" || fail "$f: emoji lost: $(cat "$T/err")"
done
run --dump-model --encoding=UTF-32 "$T/u32.txt"
[ $rc -eq 0 ] && grep -q '正文有😀表情' "$T/out" || fail "--encoding=UTF-32: $(cat "$T/err")"
run --dump-model --encoding=GBK "$T/gbk.txt"
expect 1 "not valid GBK (the last character is cut short)"
run --dump-model --encoding=GBK --lenient "$T/gbk.txt"
expect 0 "replaced with U+FFFD: 1 byte not valid GBK"
grep -q '正文。�' "$T/out" || fail "--lenient: the cut byte is not U+FFFD"

# Text that is not UTF-8: Latin-1 is no GB18030 (it became 飗, 駉),
# Big5 neither; both are read with a warning naming --encoding; clear
# GB18030 is read without one; no clear evidence is refused.
printf 'Title\n\nA na\357ve reader met Se\361or Mu\361oz.\n' >"$T/l1.txt"
$py legacy "$T"
run --dump-model "$T/l1.txt"
expect 0 "read as WINDOWS-1252 (a guess"
grep -q 'A naïve reader met Señor Muñoz' "$T/out" || fail "Latin-1: $(tail -1 "$T/out")"
run --dump-model "$T/big5.txt"
expect 0 "read as BIG5 (a guess"
grep -q '這是一個關於臺灣學校' "$T/out" || fail "Big5: $(tail -1 "$T/out")"
run --dump-model "$T/gb.txt"
[ $rc -eq 0 ] && [ ! -s "$T/err" ] && grep -q '这是一个关于学校' "$T/out" ||
    fail "GB18030: $(cat "$T/err") $(tail -1 "$T/out")"
printf 'x\n\n\200\201\202\203 \204\205.\n' >"$T/odd.txt"
run --dump-model "$T/odd.txt"
expect 1 "give the encoding with --encoding"

# A long but legal name (a 240-byte stem): the temporary names fit too.
stem=$(python3 -c "print('长' * 80)")
mkdir -p "$T/long"
cp "$ex/news-report.zh.txt" "$T/long/$stem.txt"
run -q --tei --epub --pdf "$T/long/$stem.txt"
[ $rc -eq 0 ] || fail "240-byte stem: exit $rc: $(cat "$T/err")"
for e in tei.xml epub pdf; do
	[ -s "$T/long/$stem.$e" ] || fail "240-byte stem: no .$e"
done
[ "$(ls -A "$T/long" | wc -l)" -eq 4 ] || fail "240-byte stem: files left"

# Standard input.
run --dump-model - <"$ex/news-report.zh.txt"
[ "$rc" -eq 0 ] || fail "stdin: exit $rc"
grep -q "^dateline zh: 本报北京11月11日电" "$T/out" || fail "stdin: no dateline"

# Overrides with no letters ("2020", "…") are still values, filed under
# the text's language; empty ones are ignored.  Every backend, no crash.
for opt in --title=2020 --author= --place=… --title= --author=2020 \
    --place=123 --date=; do
	what="$opt"
	run "$opt" --tei --epub --pdf -o "$T/ov/" "$ex/news-report.zh.txt"
	[ "$rc" -le 1 ] || fail "$opt: exit $rc: $(head -c 300 "$T/err")"
	xmllint --noout --nonet "$T/ov/news-report.zh.tei.xml" ||
	    fail "$opt: TEI not well-formed"
done
# ... and said to be: never "kept as written" for a date that is none.
run --date=2020-02-30 --title= --dump-model "$ex/news-report.zh.txt"
expect 0 "WARNING: --date 2020-02-30 is not a date .*: ignored"
grep -q "WARNING: --title is empty: ignored" "$T/err" ||
    fail "--title='': not said: $(cat "$T/err")"
grep -q "2020-02-30" "$T/out" && fail "--date=2020-02-30 in the model"
run --date=2020-2-3 --dump-model "$ex/news-report.zh.txt"
grep -q "^meta date: 2020-02-03$" "$T/out" || fail "--date=2020-2-3 not kept"
run --title=2020 --dump-model "$ex/news-report.zh.txt"
grep -q '^meta zh title: 2020$' "$T/out" || fail "--title=2020 not kept"
run --author=2020 --dump-model "$ex/news-report.zh.txt"
grep -q '^meta zh speaker: 2020$' "$T/out" || fail "--author=2020 not kept"

# Templates are checked before any input is read: a --template-dir
# that does not exist, a skeleton without its body placeholder, one
# without xmlns:epub: exit 2 naming the file and what is missing, no
# output (they gave an EPUB without text, or silently the defaults).
mkdir -p "$T/tpl/nobody" "$T/tpl/noepub" "$T/tpl/nonav"
sed 's/<?docconv body?>//' "$top_srcdir/templates/content.xhtml" \
    >"$T/tpl/nobody/content.xhtml"
sed 's/ xmlns:epub="[^"]*"//' "$top_srcdir/templates/nav.xhtml" \
    >"$T/tpl/noepub/nav.xhtml"
sed 's/<?docconv nav?>//' "$top_srcdir/templates/nav.xhtml" \
    >"$T/tpl/nonav/nav.xhtml"
for c in "missing:no such directory" \
    "nobody:content.xhtml:[0-9]*: no <?docconv body?> placeholder" \
    "noepub:nav.xhtml:[0-9]*: <html> does not declare xmlns:epub" \
    "nonav:nav.xhtml:[0-9]*: no <?docconv nav?> placeholder"; do
	d=${c%%:*}
	rm -rf "$T/tplout"
	"$DOCCONV" --epub -o "$T/tplout/" --template-dir "$T/tpl/$d" \
	    "$ex/news-report.zh.txt" >/dev/null 2>"$T/err"
	rc=$?
	[ $rc -eq 2 ] || fail "--template-dir $d: exit $rc, not 2"
	grep -q -- "${c#*:}" "$T/err" ||
	    fail "--template-dir $d: message: $(cat "$T/err")"
	[ ! -d "$T/tplout" ] || [ -z "$(ls -A "$T/tplout")" ] ||
	    fail "--template-dir $d: output written"
done
# Those and a bad --meta-file are usage errors said through msg.c: a
# name's control characters escaped (an ESC in the name went to the
# terminal raw).
e=$(printf 'x\033[2Jy')
mkdir "$T/tpl/e$e"
for o in "--template-dir=$T/tpl/e$e" "--template-dir=$T/tpl/m$e" \
    "--meta-file=$T/m$e"; do
	"$DOCCONV" --epub -o "$T/tplout/" "$o" "$ex/news-report.zh.txt" \
	    >/dev/null 2>"$T/err"
	grep -q 'x\\x1B\[2Jy' "$T/err" &&
	    ! grep -q "$(printf '\033')" "$T/err" ||
	    fail "$o: the name not escaped: $(cat -v "$T/err")"
done

# The input is never touched.
cp "$ex/news-report.zh.txt" "$T/keep.txt"
sum1=$(cksum <"$T/keep.txt")
"$DOCCONV" -q --dump-model "$T/keep.txt" >/dev/null 2>&1
[ "$(cksum <"$T/keep.txt")" = "$sum1" ] || fail "input changed"

# A dialect forced on a text of the other language keeps the text's
# language: English read as news has English paragraphs.
printf 'Quay works to begin\n\nThe board of Velmor met on Tuesday and agreed to rebuild the quay.\n\nWork begins in spring.\n' >"$T/en-news.txt"
"$DOCCONV" -q --input-format=news --dump-model "$T/en-news.txt" >"$T/en-news.tree" ||
    fail "English as news: exit $?"
grep -q '^  zh:' "$T/en-news.tree" && fail "English read as news became Chinese"
grep -q '^  en: The board of Velmor met on Tuesday and agreed to rebuild the quay.$' "$T/en-news.tree" ||
    fail "English as news: $(cat "$T/en-news.tree")"

# ---- Conventions users expect (issue 24).
news="$ex/news-report.zh.txt"
what="-o ''"
run --tei -o '' "$news"
expect 2 "-o '': give a directory, a file, or - for standard output"
what="standard input with several outputs"
run - --tei --json <"$news"
expect 2 "standard input with several outputs: give -o DIR"
[ "$(wc -l <"$T/err")" -eq 1 ] || fail "$what: said more than once: $(cat "$T/err")"
what="-o out.pdf with several outputs"
(cd "$T" && "$DOCCONV" --pdf --tei -o out.pdf "$news" >"$T/out" 2>"$T/err")
rc=$?
expect 2 "-o out.pdf: several outputs go into a directory"
[ ! -e "$T/out.pdf" ] || fail "$what: made $T/out.pdf"
what="-o NAME without an extension, several outputs"
(cd "$T" && "$DOCCONV" -q --json --tei -o several "$news")
[ -f "$T/several/news-report.zh.json" ] || fail "$what: no directory made"
what="--report -"
run -q --tei -o "$T/rep/" --report - "$news"
[ "$rc" -eq 0 ] || fail "$what: exit $rc: $(cat "$T/err")"
grep -q '^{"path":".*news-report.zh.txt","status":"converted"' "$T/out" ||
    fail "$what: no report line on standard output: $(cat "$T/out")"
what="--report - beside -o -"
run --tei -o - --report - "$news"
expect 2 "-o - and --report - would both write to standard output"
what="--alignment-report -"
al="$top_srcdir/tests/data/align"
run -q "$al/forum.zh.txt" --translation "$al/forum.en.txt" --alignment-report -
[ "$rc" -eq 0 ] || fail "$what: exit $rc: $(cat "$T/err")"
head -c 15 "$T/out" | grep -q '<!DOCTYPE html>' || fail "$what: no sheet on standard output"
what="--report-append"
for k in 1 2; do
	run -q --tei -o "$T/rep/" --report-append "$T/rep.jsonl" "$news"
	[ "$rc" -eq 0 ] || fail "$what: exit $rc: $(cat "$T/err")"
done
[ "$(wc -l <"$T/rep.jsonl")" -eq 2 ] || fail "$what: $(wc -l <"$T/rep.jsonl") lines, not 2"
run --tei --report "$T/a" --report-append "$T/b" "$news"
expect 2 "give one of them"
what="both inputs on standard input"
run - --translation - --tei <"$news"
expect 2 "would both read standard input"
what="an unknown option"
run --pfd "$news"
expect 2 "Unknown option --pfd; did you mean --pdf?"
run --frobnicate "$news"
grep -q "did you mean" "$T/err" && fail "$what: --frobnicate near an option"
what="1 warning"
printf '标题\n\n第一段。\n\nFirst.\n' >"$T/nowarn.txt"
run --tei -o "$T/w1/" "$T/nowarn.txt" "$news"
expect 0 "2 files: 2 converted, 0 skipped, 0 failed, 1 warning ("
what="-vv"
run -v --tei -o "$T/vv/" "$news"
grep -q "read as" "$T/err" && fail "$what: -v says how the input was read"
run -vv --tei -o "$T/vv/" "$news"
expect 0 "news-report.zh.txt: read as news in"
grep -q "wrote .*news-report.zh.tei.xml ([0-9]* bytes, " "$T/err" ||
    fail "$what: no size: $(cat "$T/err")"
if command -v script >/dev/null; then
	what="a PDF to the terminal"
	script -qec "'$DOCCONV' -q - --pdf <'$news'; echo rc=\$?" /dev/null \
	    >"$T/tty" 2>&1
	grep -q "not writing a PDF to the terminal" "$T/tty" &&
	    grep -q "rc=2" "$T/tty" || fail "$what: $(head -c 300 "$T/tty")"
	script -qec "'$DOCCONV' -q -o - --epub '$news'; echo rc=\$?" /dev/null \
	    >"$T/tty" 2>&1
	grep -q "not writing an EPUB to the terminal" "$T/tty" ||
	    fail "$what: EPUB: $(head -c 300 "$T/tty")"
else
	echo "no script(1): binary output to a terminal is not checked"
fi
# ---- Files that are no text say what they are and what to do.
"$DOCCONV" -q --epub -o "$T/book.epub" "$news" || fail "an EPUB to read"
$py docx "$T/letter.docx"
printf '%%PDF-1.5\n%%\342\343\317\323\n1 0 obj\n<<>>\nendobj\n' >"$T/scan.pdf"
for c in "book.epub:an EPUB book" "letter.docx:a Word document (.docx): save it as plain text" \
    "scan.pdf:a PDF document: take its text out first"; do
	what="${c%%:*} as input"
	run --tei -o "$T/o" "$T/${c%%:*}"
	expect 1 "${c%%:*}: ERROR: not a text file: this is ${c#*:}"
done
nofiles
what="--encoding=UTF-16 on UTF-8"
run --encoding=UTF-16 --tei -o "$T/o" "$news"
expect 1 "--encoding UTF-16 does not fit: the file has no NUL byte and is valid UTF-8"
nofiles
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$news"; } >"$T/u16.txt"
run -q --encoding=UTF-16 --dump-model "$T/u16.txt"
[ "$rc" -eq 0 ] || fail "$what: real UTF-16 refused: $(cat "$T/err")"
what="only invisible characters"
printf '\342\200\250\342\200\251\n\342\200\213 \357\273\277\n\n\342\200\213\n' >"$T/invisible.txt"
run --tei -o "$T/o" "$T/invisible.txt"
expect 1 "invisible.txt: ERROR: empty input: no text to convert"
nofiles
# ---- The README says how to run the program before make install, and
# make install puts the examples it names under share/doc/docconv.
grep -q '^    src/docconv ' "$top_srcdir/README.md" ||
    fail "the README does not say how to run src/docconv"
if command -v make >/dev/null && [ -f "$top_builddir/Makefile" ]; then
	what="make install's examples"
	env -u MAKEFLAGS -u MFLAGS make -s -C "$top_builddir" \
	    install-dist_exampleDATA install-dist_exampleSCRIPTS DESTDIR="$T/inst" \
	    >"$T/out" 2>&1 || fail "$what: $(cat "$T/out")"
	for f in parallel.sh slurm-array.sh booklet-large.style \
	    news-report.zh.txt; do
		find "$T/inst" -path "*/share/doc/docconv/examples/$f" |
		    grep -q . || fail "$what: $f not installed"
	done
fi
# --explain: each header line and body block with its features, the
# role the decoder chose and the runner-up, with their costs; the
# model is the same as without it.
run --explain --dump-model "$top_srcdir/tests/golden/news/tail-caption.txt"
[ "$rc" -le 1 ] || fail "--explain: exit $rc: $(cat "$T/err")"
grep -q '^explain: line at line 1: \[.*header.*\] header -[0-9]* (total' "$T/err" ||
    fail "--explain: no header line: $(cat "$T/err")"
grep -q '^explain: block at line 9: \[ dateline .*\] dateline -[0-9]* (total -[0-9]*), runner-up body 0' "$T/err" ||
    fail "--explain: no closing dateline with its runner-up: $(cat "$T/err")"
"$DOCCONV" -q --dump-model "$top_srcdir/tests/golden/news/tail-caption.txt" >"$T/plain.tree" 2>/dev/null
cmp -s "$T/out" "$T/plain.tree" || fail "--explain changed the model"

pass
