#!/bin/sh
# EPUB backend on a text holding every role of issue 11 (kicker,
# sources, editor's note, headings of two levels, speaker turns and a
# turn going on, caption and photo credit, sign-offs): the readers give
# each role; the book passes epubcheck (also with --embed-fonts) and
# DAISY Ace where installed; each block's pair has its role
# (t_epub_text.py); the contents list the headings; the package
# records the source and the editor, the title page shows them; in a
# Chinese-English text each role's pair holds both languages.  The
# fixtures' words are invented, the address in a reserved domain.
set -u

: "${DOCCONV:?}" "${top_srcdir:?}"
. "$top_srcdir/tests/ace_run.sh"
. "${top_srcdir:-.}/tests/lib.sh"
if ! have_epubcheck ||
    ! command -v python3 >/dev/null 2>&1 || ! command -v unzip >/dev/null; then
	echo "SKIP: needs java, epubcheck ($EPUBCHECK_JAR), python3, unzip"
	exit 77
fi

tmp=$T
export SOURCE_DATE_EPOCH=1700000000
status=0
books=
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

# The same story in Chinese and English, block by block.
cat >"$tmp/roles.zh-en.txt" <<'EOT'
星河纺车转起来
The Star-River Wheel Turns

清晨的木樨村，纺车声此起彼伏。
Morning in Muxi rings with spinning wheels.

一、纺车转起来
I. The wheels turn

十年前，村里只有三架旧纺车。如今，家家户户都有了新纺车。
Ten years ago the village had three old wheels. Now every household has a new one.

记者：星线从哪里来？
Reporter: Where does the star thread come from?

柳絮：从河边的露水里来。
Liu Xu: From the dew by the river.

图为织云人在河边收集露水。
Weavers gather dew by the river.

二、走出大山
II. Out of the hills

织云人的日子越过越亮堂。
Life in the village grows brighter.

（本报记者 青梧）
(By our reporter Qing Wu)
EOT

# book NAME PATTERN...: the readers give NAME's fixture every role
# the patterns name (or this test checks little); its book, with and
# without fonts, passes epubcheck; each block's pair has its role.
# Leaves the book unpacked in $tmp/x.NAME.
book() {
	name=$1
	shift
	"$DOCCONV" -q --dump-model "$tmp/$name.txt" >"$tmp/$name.model" || {
		echo "FAIL: $name: docconv --dump-model failed"
		status=1
		return
	}
	missing=
	for want; do
		grep -q -- "$want" "$tmp/$name.model" ||
		    missing="$missing '$want'"
	done
	if [ -n "$missing" ]; then
		echo "FAIL: $name: the readers give none of$missing:"
		cat "$tmp/$name.model"
		status=1
	fi
	for fonts in "" --embed-fonts; do
		rm -rf "$tmp/o"
		mkdir -p "$tmp/o"
		if ! "$DOCCONV" -q --epub $fonts -o "$tmp/o" "$tmp/$name.txt"
		then
			echo "FAIL: $name: docconv --epub $fonts failed"
			status=1
			return
		fi
		# Checked at the end, all the books in one JVM.
		mkdir -p "$tmp/books"
		cp "$tmp/o/$name.epub" "$tmp/books/$name${fonts:+-fonts}.epub"
		books="$books $tmp/books/$name${fonts:+-fonts}.epub"
	done
	mkdir -p "$tmp/x.$name"
	unzip -q -o "$tmp/o/$name.epub" -d "$tmp/x.$name"
	python3 "$top_srcdir/tests/t_epub_text.py" \
	    "$tmp/x.$name/EPUB/text.xhtml" "$tmp/x.$name/EPUB/nav.xhtml" \
	    <"$tmp/$name.model" || status=1
}

book roles.zh '^kicker zh: ' '^source from zh: ' \
    '^source original-title zh: ' '^source url [a-z]*: https://' \
    '^meta editor: ' '^note$' '^heading level=1$' '^heading level=2$' \
    '^turn$' ' speaker=\[' '^caption caption$' '^caption credit$' \
    '^signoff byline$'
book roles.zh-en '^heading level=1$' '^  en speaker=\[' '^caption caption$' \
    '^signoff byline$'

# The bilingual book keeps its pairs: each heading, turn, caption and
# sign-off one pair holding both languages, the English marked.
python3 - "$tmp/x.roles.zh-en/EPUB" <<'PY' || status=1
import sys
import xml.etree.ElementTree as ET
XH = '{http://www.w3.org/1999/xhtml}'
text = ET.parse(sys.argv[1] + '/text.xhtml').getroot()
bad, seen = [], set()
for div in text.iter(XH + 'div'):
    c = (div.get('class') or '').split()
    if 'pair' not in c or c[1] not in ('heading', 'turn', 'caption', 'signoff'):
        continue
    seen.add(c[1])
    langs = [u.get('lang') or 'zh' for u in div
             if 'u' in (u.get('class') or '').split()]
    if langs != ['zh', 'en'] or 'only-zh' in c or 'only-en' in c:
        bad.append('%s pair %s holds %r' % (c[1], div.get('id'), langs))
    if c[1] == 'turn' and len(div.findall(XH + '*/' + XH + 'b')) != 2:
        bad.append('turn %s: not a speaker in each language' % div.get('id'))
if seen != {'heading', 'turn', 'caption', 'signoff'}:
    bad.append('bilingual book has only %r' % sorted(seen))
for b in bad:
    print('FAIL: roles.zh-en: ' + b)
sys.exit(1 if bad else 0)
PY

# What the issue asks for, said directly.
python3 - "$tmp/x.roles.zh/EPUB" <<'PY' || status=1
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

# epubcheck: every book above with no message.  ($tmp has no spaces.)
# shellcheck disable=SC2086
[ -z "$books" ] || epubcheck_clean $books || status=1

# DAISY Ace, where it runs (t_epub_ace.sh says how to install it).
ace=
for a in ace ace-cli; do
	command -v $a >/dev/null 2>&1 && { ace=$a; break; }
done
: "${PUPPETEER_EXECUTABLE_PATH:=/usr/bin/chromium}"
export PUPPETEER_EXECUTABLE_PATH
if [ -n "$ace" ] && [ -x "$PUPPETEER_EXECUTABLE_PATH" ]; then
	export TMPDIR="$tmp"
	for name in roles.zh roles.zh-en; do
		rm -rf "$tmp/o"
		mkdir -p "$tmp/o"
		"$DOCCONV" -q --epub -o "$tmp/o" "$tmp/$name.txt" || status=1
		if ! ace_run "$ace" "$tmp/ace.$name" "$tmp/o/$name.epub" \
		    "$tmp/ace.log"; then
			echo "FAIL: $name: ace failed:"
			cat "$tmp/ace.log"
			status=1
			continue
		fi
		python3 - "$tmp/ace.$name/report.json" "$name" <<'PY' || status=1
import json, sys
r = json.load(open(sys.argv[1], encoding='utf-8'))
bad = ['%s: %s' % (a['earl:test']['dct:title'],
                   a['earl:result'].get('dct:description', '')[:300])
       for doc in r.get('assertions', []) for a in doc.get('assertions', [])
       if a['earl:result']['earl:outcome'] != 'pass']
if r['earl:result']['earl:outcome'] != 'pass':
    bad.append('overall outcome %s' % r['earl:result']['earl:outcome'])
for b in bad:
    print('FAIL: %s: ace: %s' % (sys.argv[2], b))
sys.exit(1 if bad else 0)
PY
	done
else
	echo "note: DAISY Ace not runnable here; its check was not made"
fi
[ $status -eq 0 ] && echo "ok: every role in the EPUB"
exit $status
