#!/usr/bin/env python3
"""Check a docconv --tmx file: t_tmx.py TMX MODEL.json [PARA.tmx].

- its structure is TMX 1.4b's (the DTD's content models and required
  attributes, checked here: the DTD is not in Debian);
- translate-toolkit (translate.storage.tmx) loads it, with one unit per
  pair of the model that has text in both languages (blocks with both
  segs, header types with lines in both), each unit with text in both;
- with PARA.tmx (the same input in paragraph units), a sentence-unit
  TMX (--tmx-segment=sentence) has the same pairs, split: its sentence
  units join back to their paragraph's text.
Prints what is wrong and exits 1."""
import json
import re
import sys
import xml.etree.ElementTree as ET

from translate.storage import tmx

XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
HEADER_REQUIRED = ('creationtool', 'creationtoolversion', 'segtype',
                   'o-tmf', 'adminlang', 'srclang', 'datatype')
SEGTYPES = ('block', 'paragraph', 'sentence', 'phrase')

bad = []


def fail(msg):
    bad.append(msg)


def structure(root):
    """The DTD's models: tmx (header, body); header attributes;
    tu ((note|prop)*, tuv+); tuv ((note|prop)*, seg); prop with type."""
    if root.tag != 'tmx' or root.get('version') != '1.4':
        fail('root is not <tmx version="1.4">')
    kids = list(root)
    if [k.tag for k in kids] != ['header', 'body']:
        fail('tmx holds %s, not header, body' % [k.tag for k in kids])
        return
    header, body = kids
    for a in HEADER_REQUIRED:
        if not header.get(a):
            fail('header lacks %s' % a)
    if header.get('segtype') not in SEGTYPES:
        fail('header segtype %r' % header.get('segtype'))
    date = header.get('creationdate')
    if date is not None and not re.fullmatch(r'\d{8}T\d{6}Z', date):
        fail('creationdate %r is not YYYYMMDDThhmmssZ' % date)
    for k in header:
        if k.tag not in ('note', 'prop', 'ude'):
            fail('header holds %s' % k.tag)
    ids = set()
    for tu in body:
        if tu.tag != 'tu':
            fail('body holds %s' % tu.tag)
            continue
        if tu.get('segtype') not in (None,) + SEGTYPES:
            fail('tu segtype %r' % tu.get('segtype'))
        if tu.get('tuid') in ids:
            fail('tuid %s twice' % tu.get('tuid'))
        ids.add(tu.get('tuid'))
        tags = ''.join('p' if k.tag in ('note', 'prop') else
                       'v' if k.tag == 'tuv' else '?' for k in tu)
        if not re.fullmatch(r'p*v+', tags):
            fail('tu %s: children %s' % (tu.get('tuid'),
                                          [k.tag for k in tu]))
        for k in tu:
            if k.tag == 'prop' and not k.get('type'):
                fail('tu %s: prop without type' % tu.get('tuid'))
            if k.tag != 'tuv':
                continue
            if not k.get(XML_LANG):
                fail('tu %s: tuv without xml:lang' % tu.get('tuid'))
            t = ''.join('p' if c.tag in ('note', 'prop') else
                        's' if c.tag == 'seg' else '?' for c in k)
            if not re.fullmatch(r'p*s', t):
                fail('tu %s: tuv children %s' % (tu.get('tuid'),
                                                  [c.tag for c in k]))


def expected(model):
    """Pairs of the model with text in both languages."""
    n = 0
    langs = {}
    for h in model.get('header', []):
        if h['type'] == 'frontmatter':
            continue
        langs.setdefault(h['type'], set()).add(h['lang'])
    n += sum(1 for v in langs.values() if len(v) == 2)
    for b in model['blocks']:
        if len({s['lang'] for s in b['segs'] if s['text']}) == 2:
            n += 1
    return n


def units(path):
    root = ET.parse(path).getroot()
    header = root.find('header')
    src = header.get('srclang')
    other = next((v.get(XML_LANG) for v in root.iter('tuv')
                  if v.get(XML_LANG) != src), 'en')
    tt = tmx.tmxfile(open(path, 'rb'), src, other)
    return root, src, other, tt


def main():
    path, model_path = sys.argv[1:3]
    para = sys.argv[3] if len(sys.argv) > 3 else None
    root, src, other, tt = units(path)
    structure(root)
    with open(model_path, encoding='utf-8') as f:
        model = json.load(f)
    langs = set()
    for tu in root.find('body'):
        langs |= {v.get(XML_LANG)[:2] for v in tu.findall('tuv')}
    if para is None:
        want = expected(model)
        if len(tt.units) != want:
            fail('%d units, the model has %d pairs' % (len(tt.units), want))
    if tt.units and langs != {'zh', 'en'}:
        fail('languages %s, not zh and en' % sorted(langs))
    for u in tt.units:
        if not u.source or not u.target:
            fail('unit %s: source %r, target %r' % (u.getid(), u.source,
                                                    u.target))
    if para is not None:
        _, _, _, pt = units(para)
        whole = {u.getid(): (u.source, u.target) for u in pt.units}
        got = {}
        for u in tt.units:
            base = u.getid().split('.')[0]
            s, t = got.get(base, ('', ''))
            got[base] = (s + u.source, t + ' ' + u.target)
        if sorted(got) != sorted(whole):
            fail('sentence units pair other paragraphs')
        split = 0
        for k, (s, t) in whole.items():
            gs, gt = got.get(k, ('', ''))
            if gs.replace(' ', '') != s.replace(' ', '') or \
                    gt.replace(' ', '') != t.replace(' ', ''):
                fail('%s: sentences do not join to the paragraph' % k)
        split = len(tt.units) - len(pt.units)
        if split <= 0:
            fail('no paragraph split into sentences')
    for m in bad:
        print('FAIL: %s: %s' % (path, m))
    sys.exit(1 if bad else 0)


main()
