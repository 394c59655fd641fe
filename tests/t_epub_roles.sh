#!/bin/sh
# EPUB backend on a text holding every role of issue 11 (kicker,
# sources, editor's note, headings of two levels, speaker turns and a
# turn going on, caption and photo credit, sign-offs): the readers give
# each role; the book passes epubcheck (also with --embed-fonts) and
# DAISY Ace where installed; each block's pair has its role
# (t_epub_text.py); the contents list the headings; the package
# records the source and the editor, the title page shows them.  The
# fixture's words are invented, its address in a reserved domain.
set -u

: "${DOCCONV:?}" "${top_srcdir:?}"
EPUBCHECK_JAR=${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}
if ! command -v java >/dev/null 2>&1 || [ ! -f "$EPUBCHECK_JAR" ] ||
    ! command -v python3 >/dev/null 2>&1 || ! command -v unzip >/dev/null; then
	echo "SKIP: needs java, epubcheck ($EPUBCHECK_JAR), python3, unzip"
	exit 77
fi

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1700000000
status=0
TAB=$(printf '\t')

# A feature story: kicker, title and subtitle on one tab-separated
# line; source lines; an editor's note; numbered headings; an
# interview; a caption and its credit; the reporter's sign-off.
cat >"$tmp/roles.zh.txt" <<EOT
青岚镇织梦工坊纪事${TAB}星河纺车转起来${TAB}——访木樨村的织云人
来源：云杉晨报
原标题：纺车与星河
链接：https://example.invalid/yunshan/2031/0402/loom.html

编者按：木樨村的织云人把星光纺成了线，一座山村因此换了模样。本报今起刊发系列报道，讲述他们的故事。——编者

清晨的木樨村，纺车声此起彼伏。织云人柳絮坐在河边，把昨夜收来的星光一缕缕纺成细线。

一、纺车转起来

十年前，村里只有三架旧纺车。如今，家家户户都有了新纺车，星线一天能纺三斤。

（一）星线从哪里来

记者：星线从哪里来？

柳絮：从河边的露水里来。露水映着星光，一收一纺，就成了线。

每天天不亮，我们就去收露水，太阳一出来，星光就散了。

图为织云人在河边收集露水。

（石蒜 摄）

（二）星线卖到哪里去

记者：纺好的星线卖到哪里？

柳絮：先前只在镇上卖，现在海边的商人也来收了。

二、走出大山

织云人的日子越过越亮堂。村里办起了星线学堂，年轻人学会了纺线，也学会了把星线织成云锦。

（本报记者 青梧）
责任编辑：柏舟
EOT

"$DOCCONV" -q --dump-model "$tmp/roles.zh.txt" >"$tmp/model.txt" || {
	echo "FAIL: docconv --dump-model failed"
	exit 1
}
# The fixture must still give every role, or this test checks little.
missing=
for want in '^kicker zh: ' '^source from zh: ' '^source original-title zh: ' \
    '^source url [a-z]*: https://' '^meta editor: ' \
    '^note$' '^heading level=1$' '^heading level=2$' '^turn$' \
    ' speaker=\[' '^caption caption$' '^caption credit$' '^signoff byline$'; do
	grep -q -- "$want" "$tmp/model.txt" || missing="$missing '$want'"
done
if [ -n "$missing" ]; then
	echo "FAIL: the readers give none of$missing for the fixture:"
	cat "$tmp/model.txt"
	status=1
fi

for fonts in "" --embed-fonts; do
	rm -rf "$tmp/o" "$tmp/x"
	mkdir -p "$tmp/o" "$tmp/x"
	if ! "$DOCCONV" -q --epub $fonts -o "$tmp/o" "$tmp/roles.zh.txt"; then
		echo "FAIL: docconv --epub $fonts failed"
		status=1
		continue
	fi
	book="$tmp/o/roles.zh.epub"
	java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
	    -jar "$EPUBCHECK_JAR" "$book" >"$tmp/check.out" 2>&1
	if ! grep -q 'Messages: 0 fatals / 0 errors / 0 warnings' \
	    "$tmp/check.out"; then
		echo "FAIL: epubcheck ($fonts):"
		cat "$tmp/check.out"
		status=1
	fi
done
unzip -q "$book" -d "$tmp/x"
python3 "$top_srcdir/tests/t_epub_text.py" "$tmp/x/EPUB/text.xhtml" \
    "$tmp/x/EPUB/nav.xhtml" <"$tmp/model.txt" || status=1

# What the issue asks for, said directly.
python3 - "$tmp/x/EPUB" <<'PY' || status=1
import sys
import xml.etree.ElementTree as ET
d = sys.argv[1]
XH = '{http://www.w3.org/1999/xhtml}'
DC = '{http://purl.org/dc/elements/1.1/}'
OPF = '{http://www.idpf.org/2007/opf}'
text = ET.parse(d + '/text.xhtml').getroot()
nav = ET.parse(d + '/nav.xhtml').getroot()
opf = ET.parse(d + '/package.opf').getroot()
bad = []
def cls(el):
    return (el.get('class') or '').split()
def txt(el):
    return ''.join(el.itertext())
h2 = [txt(h) for h in text.iter(XH + 'h2')]
h3 = [txt(h) for h in text.iter(XH + 'h3')]
if h2 != ['一、纺车转起来', '二、走出大山']:
    bad.append('h2: %r' % h2)
if h3 != ['（一）星线从哪里来', '（二）星线卖到哪里去']:
    bad.append('h3: %r' % h3)
toc = [n for n in nav.iter(XH + 'nav')
       if n.get('{http://www.idpf.org/2007/ops}type') == 'toc'][0]
labels = [txt(a) for a in toc.iter(XH + 'a')]
for h in h2 + h3:
    if not any(l.startswith(h) for l in labels):
        bad.append('contents lack the heading %r: %r' % (h, labels))
# The level-2 headings are listed within their level-1 part.
nested = [txt(a) for li in toc.iter(XH + 'li') for ol in li.findall(XH + 'ol')
          for a in ol.iter(XH + 'a')]
for h in h3:
    if not any(l.startswith(h) for l in nested):
        bad.append('contents: %r not within its part' % h)
spk = [txt(b) for b in text.iter(XH + 'b') if 'speaker' in cls(b)]
if spk != ['记者：', '柳絮：', '记者：', '柳絮：']:
    bad.append('speakers: %r' % spk)
divs = {c for el in text.iter(XH + 'div') for c in [' '.join(cls(el))]}
for want in ('pair signoff byline', 'pair caption', 'pair caption credit',
             'pair turn more', 'pair note'):
    if want not in divs:
        bad.append('no <div class="%s">' % want)
head = text.find(XH + 'body/' + XH + 'header')
kick = [txt(p) for p in head.iter(XH + 'p') if 'kicker' in cls(p)]
if kick != ['青岚镇织梦工坊纪事']:
    bad.append('kicker: %r' % kick)
meta = opf.find(OPF + 'metadata')
src = {s.get('id'): s.text for s in meta.iter(DC + 'source')}
refs = {(m.get('refines'), m.get('property')): m.text
        for m in meta.iter(OPF + 'meta')}
if '云杉晨报' not in src.values() and \
        refs.get(('#source-1', 'dcterms:publisher')) != '云杉晨报':
    bad.append('package: the source 云杉晨报 is not recorded: %r %r' %
               (src, refs))
if '纺车与星河' not in src.values() and \
        refs.get(('#source-1', 'dcterms:title')) != '纺车与星河':
    bad.append('package: the original title is not recorded')
URL = 'https://example.invalid/yunshan/2031/0402/loom.html'
if URL not in src.values():
    bad.append('package: no dc:source for the address: %r' % src)
eds = [c for c in meta.iter(DC + 'contributor') if c.text == '柏舟']
if not eds or refs.get(('#' + (eds[0].get('id') or ''), 'role')) != 'edt':
    bad.append('package: the editor is not a contributor (edt)')
# Source lines are labelled again on the title page (the readers took
# the labels off); the address is a link.
srcs = [txt(p) for p in head.iter(XH + 'p') if 'source' in cls(p)]
for want in ('来源：云杉晨报', '原标题：纺车与星河', '链接：' + URL, '责任编辑：柏舟'):
    if want not in srcs:
        bad.append('title page lacks %r: %r' % (want, srcs))
if URL not in [a.get('href') for a in head.iter(XH + 'a')]:
    bad.append('title page: the address is not a link')
if [p.text for p in meta.iter(DC + 'publisher')]:
    bad.append('package: dc:publisher is the book\'s, not the source\'s')
for b in bad:
    print('FAIL: ' + b)
sys.exit(1 if bad else 0)
PY

# DAISY Ace, where it runs (t_epub_ace.sh says how to install it).
ace=
for a in ace ace-cli; do
	command -v $a >/dev/null 2>&1 && { ace=$a; break; }
done
: "${PUPPETEER_EXECUTABLE_PATH:=/usr/bin/chromium}"
export PUPPETEER_EXECUTABLE_PATH
if [ -n "$ace" ] && [ -x "$PUPPETEER_EXECUTABLE_PATH" ]; then
	export TMPDIR="$tmp"
	rm -rf "$tmp/o"
	mkdir -p "$tmp/o"
	"$DOCCONV" -q --epub -o "$tmp/o" "$tmp/roles.zh.txt" || status=1
	if ! timeout 300 "$ace" -f -s -o "$tmp/ace" "$tmp/o/roles.zh.epub" \
	    >"$tmp/ace.log" 2>&1; then
		echo "FAIL: ace failed:"
		cat "$tmp/ace.log"
		status=1
	else
		python3 - "$tmp/ace/report.json" <<'PY' || status=1
import json, sys
r = json.load(open(sys.argv[1], encoding='utf-8'))
bad = ['%s: %s' % (a['earl:test']['dct:title'],
                   a['earl:result'].get('dct:description', '')[:300])
       for doc in r.get('assertions', []) for a in doc.get('assertions', [])
       if a['earl:result']['earl:outcome'] != 'pass']
if r['earl:result']['earl:outcome'] != 'pass':
    bad.append('overall outcome %s' % r['earl:result']['earl:outcome'])
for b in bad:
    print('FAIL: ace: ' + b)
sys.exit(1 if bad else 0)
PY
	fi
else
	echo "note: DAISY Ace not runnable here; its check was not made"
fi
[ $status -eq 0 ] && echo "ok: every role in the EPUB"
exit $status
