"""Checks for t_epub_fonts.sh (python3 t_epub_fonts.py CHECK ARGS...,
checks.py): the embedded font subsets of a book."""
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import checks


def subsets(*argv):
    """The book's font subsets: declared, used, and holding the text's
    characters."""
    d, name = argv[0], argv[1]
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


checks.main(globals())
