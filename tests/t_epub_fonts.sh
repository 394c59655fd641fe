#!/bin/sh
# EPUB --embed-fonts: for every example, epubcheck passes with no
# message; each embedded face is in the manifest and named by an
# @font-face rule; the body faces cover every character of their
# language's text; titles and leads have real bold (and medium) faces;
# the faces are subsets (small); rebuilds are byte-identical.
set -u

: "${DOCCONV:?}" "${top_srcdir:?}"
. "${top_srcdir:-.}/tests/lib.sh"
if ! have_epubcheck; then
	echo "SKIP: epubcheck not installed (java -jar $EPUBCHECK_JAR);" \
	    "run install-deps.sh"
	exit 77
fi
for t in python3 unzip fc-query; do
	if ! command -v $t >/dev/null 2>&1; then
		echo "SKIP: $t not installed"
		exit 77
	fi
done

tmp=$T
export SOURCE_DATE_EPOCH=1700000000
status=0
books=

for f in "$top_srcdir"/examples/*.txt; do
	name=$(basename "$f" .txt)
	rm -rf "$tmp/a" "$tmp/b" "$tmp/x"
	mkdir -p "$tmp/a" "$tmp/b" "$tmp/x"
	if ! "$DOCCONV" -q --epub --embed-fonts -o "$tmp/a" "$f"; then
		echo "FAIL: $name: docconv --epub --embed-fonts failed"
		status=1
		continue
	fi
	book="$tmp/a/$name.epub"
	# Checked after the loop, all the books in one JVM.
	mkdir -p "$tmp/books" && cp "$book" "$tmp/books/" || status=1
	books="$books $tmp/books/$name.epub"
	"$DOCCONV" -q --epub --embed-fonts -o "$tmp/b" "$f"
	if ! cmp "$book" "$tmp/b/$name.epub"; then
		echo "FAIL: $name: rebuild with fonts differs"
		status=1
	fi
	unzip -q "$book" -d "$tmp/x"
	python3 - "$tmp/x/EPUB" "$name" <<'PY' || status=1
import os, re, subprocess, sys
import xml.etree.ElementTree as ET
d, name = sys.argv[1], sys.argv[2]
OPF = '{http://www.idpf.org/2007/opf}'
XH = '{http://www.w3.org/1999/xhtml}'
bad = []
fonts = sorted('fonts/' + f for f in os.listdir(os.path.join(d, 'fonts')))
man = {i.get('href'): i.get('media-type') for i in
       ET.parse(os.path.join(d, 'package.opf')).iter(OPF + 'item')}
css = open(os.path.join(d, 'style.css'), encoding='utf-8').read()
rules = re.findall(r'@font-face\s*\{\s*font-family:\s*"([^"]+)";\s*'
                   r'src:\s*url\("([^"]+)"\);\s*font-weight:\s*(\d+);', css)
faces = {fam: f for fam, f, w in rules if w == '400'}
heavy = [(fam, f, int(w)) for fam, f, w in rules if w != '400']
if not fonts:
    bad.append('no fonts embedded')
for f in fonts:
    if man.get(f) not in ('font/otf', 'font/ttf'):
        bad.append('%s: not in the manifest as a font (%r)' % (f, man.get(f)))
    if f not in [r[1] for r in rules]:
        bad.append('%s: no @font-face names it' % f)
total = sum(os.path.getsize(os.path.join(d, f)) for f in fonts)
if total > 1500000:
    bad.append('fonts total %d bytes: not subset?' % total)

def charset(path):
    out = subprocess.run(['fc-query', '--format', '%{charset}\n', path],
                         capture_output=True, text=True).stdout.split('\n')[0]
    s = set()
    for r in out.split():
        a, _, b = r.partition('-')
        s.update(range(int(a, 16), int(b or a, 16) + 1))
    return s

# Characters of each language in the text.
used = {'zh': set(), 'en': set()}
def walk(el, lang):
    lang = el.get('lang', lang)
    if lang in used:
        used[lang].update(ord(c) for c in (el.text or '') if not c.isspace())
    for c in el:
        walk(c, lang)
        if lang in used:
            used[lang].update(ord(ch) for ch in (c.tail or '')
                              if not ch.isspace())
walk(ET.parse(os.path.join(d, 'text.xhtml')).getroot().find(XH + 'body'),
     ET.parse(os.path.join(d, 'text.xhtml')).getroot().get('lang'))
for lang in ('zh', 'en'):
    fam = 'docconv %s body' % lang
    if not used[lang]:
        continue
    if fam not in faces:
        bad.append('no @font-face for %s' % fam)
        continue
    miss = used[lang] - charset(os.path.join(d, faces[fam]))
    if miss:
        bad.append('%s lacks %s' % (faces[fam], ' '.join('U+%04X' % c
                                     for c in sorted(miss)[:20])))
# The heavier weights the style sheet sets titles and leads in are
# real faces of that weight (fontconfig: 80 regular, 100 medium, 200
# bold), not the regular face again.
def weight(path):
    return int(float(subprocess.run(['fc-query', '--format', '%{weight}\n', path],
                                    capture_output=True, text=True).stdout.split()[0]))
for fam, f, w in heavy:
    got = weight(os.path.join(d, f))
    want = 200 if w >= 700 else 100
    if got != want:
        bad.append('%s (%s %d) has fontconfig weight %d, not %d' % (f, fam, w, got, want))
if used['zh'] and not any(fam == 'docconv zh head' and w == 700 for fam, _, w in heavy):
    bad.append('no bold Chinese heading face')
if used['en'] and not any(fam == 'docconv en body' and w == 700 for fam, _, w in heavy):
    bad.append('no bold English face')
# The bold body face also sets bold text in the body (the speaker,
# vocatives): it covers the whole English text, as the regular one.
for fam, f, w in heavy:
    if fam == 'docconv en body' and used['en']:
        miss = used['en'] - charset(os.path.join(d, f))
        if miss:
            bad.append('%s lacks %s' % (f, ' '.join('U+%04X' % c for c in sorted(miss)[:20])))
for b in bad:
    print('FAIL: %s: %s' % (name, b))
if not bad:
    print('ok: %s: %d fonts, %d bytes' % (name, len(fonts), total))
sys.exit(1 if bad else 0)
PY
done
# epubcheck: every book with no message.  ($tmp has no spaces.)
# shellcheck disable=SC2086
[ -z "$books" ] || epubcheck_clean $books || status=1
exit $status
