#!/usr/bin/env python3
"""Every letter, digit and Han character of a TEI file's <text> (less
the readings docconv leaves out: sic, orig, abbr beside expan, rdg,
del) is in the model docconv dumps from it, as often: no text lost.
Usage: t_tei_other.py TEI-FILE DUMP-FILE"""
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter

TEI = '{http://www.tei-c.org/ns/1.0}'
LEFT_OUT = {'sic', 'orig', 'rdg', 'del'}


def chars(s):
    return Counter(c for c in s if unicodedata.category(c)[0] in 'LN')


def text_of(e, parent_choice=False):
    """The reading docconv should keep: in a choice only the edited
    child, otherwise everything but the left-out readings."""
    tag = e.tag[len(TEI):] if e.tag.startswith(TEI) else e.tag
    out = []
    if tag in LEFT_OUT and parent_choice:
        return ''
    if tag == 'del':
        return e.tail or ''
    out.append(e.text or '')
    kids = list(e)
    names = [k.tag[len(TEI):] if k.tag.startswith(TEI) else k.tag
             for k in kids]
    choice = tag in ('choice', 'app', 'subst')
    if choice and any(n in ('corr', 'reg', 'expan', 'lem', 'add')
                      for n in names):
        for k, n in zip(kids, names):
            if n in ('corr', 'reg', 'expan', 'lem', 'add'):
                out.append(text_of(k))
                break
    else:
        for k in kids:
            out.append(text_of(k, choice))
    out.append(e.tail or '')
    return ''.join(out)


def main():
    root = ET.parse(sys.argv[1]).getroot()
    want = Counter()
    for t in root.iter(TEI + 'text'):
        if any(p is not t for p in t.iter(TEI + 'text')):
            continue        # a group's outer text: its inner ones count
        want += chars(text_of(t).replace(t.tail or '', ''))
    dump = open(sys.argv[2], encoding='utf-8').read()
    body = ''.join(l.split(': ', 1)[1] for l in dump.splitlines()
                   if l.startswith('  ') and ': ' in l and
                   ' speaker=[' not in l)
    body += ''.join(l.split(']: ', 1)[1] for l in dump.splitlines()
                    if ' speaker=[' in l)
    body += ''.join(l.split(': ', 1)[1] for l in dump.splitlines()
                    if not l.startswith((' ', 'meta ')) and ': ' in l)
    got = chars(body)
    lost = want - got
    if lost:
        print('lost from %s: %s' % (sys.argv[1], ''.join(
            sorted(lost.elements()))), file=sys.stderr)
        sys.exit(1)


main()
