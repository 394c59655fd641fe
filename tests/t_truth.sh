#!/bin/sh
# The model is the one truth every writer reads (issue 22): --title
# replaces the title lines, so the PDF (Title and title page), the
# EPUB (package and title page), the web page (<title> and heading)
# and the TEI (titleStmt and title lines) all say it; --title, --meta
# and a FILE.meta sidecar reach every output of a two-file edition
# (--translation) as of any other; a JSON model whose title line was
# edited gives the PDF that Title, with a warning that its "meta" said
# another.
. "${top_srcdir:-.}/tests/lib.sh"

need python3 unzip pdfinfo pdftotext
export SOURCE_DATE_EPOCH=1700000000
py="python3 $top_srcdir/tests/t_truth.py"
ex="$top_srcdir/examples"
al="$top_srcdir/tests/data/align"

# --title in all four.
mkdir "$T/t"
"$DOCCONV" -q --title 'Vellumrook Tide' --pdf --epub --html --tei \
    -o "$T/t" "$ex/speech-bilingual.zh-en.txt" ||
    fail "--title: exit status $?"
$py title "$T/t/speech-bilingual.zh-en" 'Vellumrook Tide' \
    'Carrying Forward the Shanghai Spirit' || fail "--title is not the title"

# --meta and --title with --translation, in every output.
mkdir "$T/m"
"$DOCCONV" -q --meta publisher='Glimmerstone Press' \
    --meta translator='Oona Vesk' --title 'Marrowgate Steps' \
    --pdf --epub --html --tei --json --tmx \
    -o "$T/m" "$al/lecture.zh.txt" --translation "$al/lecture.en.txt" ||
    fail "--meta --translation: exit status $?"
$py pub "$T/m/lecture.zh" 'Glimmerstone Press' 'Oona Vesk' ||
    fail "--meta with --translation"
$py title "$T/m/lecture.zh" 'Marrowgate Steps' 'Cities and Rivers' ||
    fail "--title with --translation"

# The original's sidecar with --translation, likewise.
mkdir "$T/in" "$T/s"
cp "$al/lecture.zh.txt" "$al/lecture.en.txt" "$T/in/"
printf 'publisher = Brackenfold House\ntranslator = Ilsa Marrow\n' \
    >"$T/in/lecture.zh.meta"
"$DOCCONV" -q --pdf --epub --html --tei --json --tmx -o "$T/s" \
    "$T/in/lecture.zh.txt" --translation "$T/in/lecture.en.txt" ||
    fail "sidecar --translation: exit status $?"
$py pub "$T/s/lecture.zh" 'Brackenfold House' 'Ilsa Marrow' ||
    fail "the sidecar with --translation"

# A JSON model whose Chinese title lines were edited: the PDF's Title.
mkdir "$T/j"
"$DOCCONV" -q --json -o "$T/j" "$ex/speech-bilingual.zh-en.txt" ||
    fail "--json: exit status $?"
$py retitle "$T/j/speech-bilingual.zh-en.json" "$T/j/edited.json" zh \
    '青苔灯塔' || fail "editing the JSON"
"$DOCCONV" --input-format=json --pdf -o "$T/j" "$T/j/edited.json" \
    2>"$T/j/err" || fail "--input-format=json --pdf: exit status $?"
grep -q 'WARNING: meta zh title ".*" is not the title lines; they are kept: 青苔灯塔$' \
    "$T/j/err" || fail "no warning that the JSON's titles disagree: $(cat "$T/j/err")"
$py pdftitle "$T/j/edited.pdf" '青苔灯塔' '弘扬' ||
    fail "the edited JSON title"

# An address, one rule for every output (dc_url_ok()): an IRI (a host
# and path in Chinese) is linked by the EPUB and the web page as the
# TEI, JSON-LD and the PDF point at it (the EPUB's check refused
# non-ASCII), and --meta source takes an upper-case scheme, as every
# writer does (it refused it).
mkdir "$T/u"
printf '标题：\n灯坊小记\n作者：木易\n日期：2021-09-18\n链接：%s\n内容：\n秋风送爽，灯坊的师傅们聚在河边试灯。\n' \
    'https://灯坊.example/青岚/1.html' >"$T/u/iri.txt"
"$DOCCONV" -q --pdf --epub --html --tei -o "$T/u" "$T/u/iri.txt" ||
    fail "an IRI: exit status $?"
$py url "$T/u/iri" 'https://灯坊.example/青岚/1.html' ||
    fail "an IRI is not linked alike by every output"
cp "$T/u/iri.txt" "$T/u/upper.txt"
sed -i '/^链接：/d' "$T/u/upper.txt"
"$DOCCONV" -q --meta source=HTTPS://EXAMPLE.ORG/Lanterns --pdf --epub \
    --html --tei -o "$T/u" "$T/u/upper.txt" ||
    fail "--meta source=HTTPS://: exit status $?"
$py url "$T/u/upper" 'HTTPS://EXAMPLE.ORG/Lanterns' ||
    fail "--meta source=HTTPS:// is not linked alike by every output"
pass
