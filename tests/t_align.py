"""Checks for t_align.sh: the two-file reader's pairs, as the outputs
and an edited alignment give them.  python3 t_align.py CHECK ARGS...
(checks.py)."""
import json
import re
import sys
import xml.etree.ElementTree as ET

import checks
from checks import fail


def speaker_unit(*argv):
    """The TMX's speaker unit is the edited header bead's."""
    X = '{http://www.w3.org/XML/1998/namespace}lang'
    tu = [t for t in ET.parse(argv[0]).getroot().iter('tu')
          if t.get('tuid') == 'h-speaker']
    segs = {v.get(X)[:2]: v.find('seg').text for v in tu[0].iter('tuv')}
    sys.exit(segs['en'] != 'Director of the Port Authority')


def en3(*argv):
    """en3.txt: en.txt with paragraphs merged and split (see t_align.sh)."""
    lines = open(argv[0], encoding='utf-8').read().split('\n')[:-1]
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    s = lines[longest]
    lines[longest] = s[:s.find('. ') + 1]
    open(argv[1], 'w', encoding='utf-8').write('\n'.join(lines) + '\n')


def edit_alignment(*argv):
    """An alignment edited by hand: a 1-1 bead's translation moved to the
    bead before (edited.align), and what to look for (moved)."""
    d = argv[0]
    lines = open(d + '/align', encoding='utf-8').read().split('\n')[:-1]
    zh = open(d + '/zh.txt', encoding='utf-8').read().split('\n')
    en = open(d + '/en.txt', encoding='utf-8').read().split('\n')
    # Two beads 1-1 of paragraphs in a row, past the body's first ones.
    body = [i for i, l in enumerate(lines) if l.split('\t')[4:5] == ['para']
            and l.startswith('1-1\t')]
    i = next(k for k in body[3:] if k + 1 in body)
    a1, b1 = lines[i].split('\t')[1:3]
    a2, b2 = lines[i + 1].split('\t')[1:3]
    lines[i] = '\t'.join(['1-2', a1, b1 + ',' + b2, '0.00', 'para', 'ok'])
    lines[i + 1] = '\t'.join(['1-0', a2, '-', '0.00', 'para', 'ok'])
    open(d + '/edited.align', 'w', encoding='utf-8').write('\n'.join(lines) + '\n')
    # What to look for: the original's first paragraph, the moved one,
    # the original's paragraph left alone.
    with open(d + '/moved', 'w', encoding='utf-8') as f:
        f.write(zh[int(a1) - 1][:12] + '\n' + ' '.join(en[int(b2) - 1].split()[:4])
                + '\n' + zh[int(a2) - 1][:12] + '\n%d\n' % (i + 1))


def moved_pair(*argv):
    """The moved translation stands with the original the edited bead gives
    it in every output."""
    d = argv[0]
    a1, b2, a2 = open(d + '/moved', encoding='utf-8').read().split('\n')[:3]
    X = '{http://www.w3.org/XML/1998/namespace}'
    TEI = '{http://www.tei-c.org/ns/1.0}'
    def paired(v):
        """Where the moved English stands, in each output: with a1's?"""
        r = {}
        m = json.load(open('%s/%s/zh.json' % (d, v), encoding='utf-8'))
        for b in m['blocks']:
            t = {s['lang']: s['text'] for s in b['segs']}
            if t.get('en', '').find(b2) >= 0:
                r['json'] = t.get('zh', '').startswith(a1)
        tei = ET.parse('%s/%s/zh.tei.xml' % (d, v)).getroot()
        text = {e.get(X + 'id'): ''.join(e.itertext()) for e in tei.iter()
                if e.get(X + 'id')}
        for k, t in text.items():
            if re.fullmatch(r'en-b\d+', k) and b2 in t:
                r['tei'] = text.get('zh-' + k[3:], '').startswith(a1)
                # The links say so too.
                r['link'] = any(any(g == '#' + k or g.startswith('#' + k + '-')
                                    for g in l.get('target').split()) and
                                any(text.get(z[1:], '').startswith(a1)
                                    for z in l.get('target').split()
                                    if z.startswith('#zh-'))
                                for l in tei.iter(TEI + 'link'))
        tmx = ET.parse('%s/%s/zh.tmx' % (d, v)).getroot()
        for tu in tmx.iter('tu'):
            s = {v_.get(X + 'lang')[:2]: v_.find('seg').text
                 for v_ in tu.iter('tuv')}
            if b2 in s.get('en', ''):
                r['tmx'] = s['zh'].startswith(a1)
        return r
    p, e = paired('plain'), paired('edited')
    for k in ('json', 'tei', 'link', 'tmx'):
        if p.get(k) is not False or e.get(k) is not True:
            fail('%s: before %s, after %s' % (k, p.get(k), e.get(k)))



def speaker_read(d, stem, en):
    """What each output of stem in directory d says of the English line
    en: the speaker's, paired with the Chinese speaker line."""
    import subprocess
    import zipfile
    X = '{http://www.w3.org/XML/1998/namespace}lang'
    TEI = '{http://www.tei-c.org/ns/1.0}'
    got = {}
    j = json.load(open('%s/%s.json' % (d, stem), encoding='utf-8'))
    got['json'] = any(h['type'] == 'speaker' and h['text'] == en
                      for h in j['header']) and \
        j['meta'].get('en', {}).get('speaker') == en
    got['json_bead'] = any(b['type'] == 'speaker' and b['original'] and
                           b['translation'] for b in j['alignment']['beads'])
    t = ET.parse('%s/%s.tei.xml' % (d, stem)).getroot()
    ids = [e.get('{http://www.w3.org/XML/1998/namespace}id')
           for e in t.iter(TEI + 'byline')
           if e.get('ana') == '#dc-speaker' and e.get(X) == 'en' and
           ''.join(e.itertext()) == en]
    got['tei'] = bool(ids) and any(
        ('#' + ids[0]) in l.get('target', '').split() and '#zh-' in
        l.get('target', '') for l in t.iter(TEI + 'link'))
    segs = []
    for tu in ET.parse('%s/%s.tmx' % (d, stem)).getroot().iter('tu'):
        if tu.get('tuid') == 'h-speaker':
            segs = [v.find('seg').text for v in tu.iter('tuv')]
    got['tmx'] = en in segs and len(segs) == 2
    html = open('%s/%s.html' % (d, stem), encoding='utf-8').read()
    want = '<p class="speaker en"><span class="u">%s</span></p>' % en
    got['html'] = want in html
    with zipfile.ZipFile('%s/%s.epub' % (d, stem)) as z:
        got['epub'] = want in z.read('EPUB/text.xhtml').decode('utf-8')
    try:
        info = subprocess.run(['pdfinfo', '%s/%s.pdf' % (d, stem)],
                              capture_output=True, text=True).stdout
        got['pdf'] = any(l.startswith('Author:') and en in l
                         for l in info.split('\n'))
    except FileNotFoundError:
        pass
    return got


def speaker_fixed(*argv):
    """An --alignment file's header bead pairs the English line argv[3]
    with the Chinese speaker line: before (argv[0]) no output says it
    is the speaker's, after (argv[1]) every one does."""
    p = speaker_read(argv[0], argv[2], argv[3])
    e = speaker_read(argv[1], argv[2], argv[3])
    for k in e:
        if p[k] is not False or e[k] is not True:
            fail('%s: before %s, after %s' % (k, p[k], e[k]))


def en_text():
    """The English text of the JSON model on standard input, its
    blocks' joined, without spaces: the same whatever the pairs."""
    d = json.load(sys.stdin)
    print("".join(s["text"] for b in d["blocks"] for s in b["segs"]
                  if s["lang"] == "en").replace(" ", ""))

checks.main(globals())
