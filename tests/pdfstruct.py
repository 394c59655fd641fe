#!/usr/bin/env python3
"""Checks on the page structure of docconv PDFs, from mutool's stext
(each character's origin: its baseline) and pdfinfo -struct-text
(standard library only).  Used by tests/t_pdf_struct.sh.

usage: pdfstruct.py MODE MODEL FILE [ARG]
  MODE baselines  the first lines of every aligned pair (columns) sit
                  on one baseline, within 0.1 pt (FILE: mutool stext)
  MODE gaps       no vertical gap inside a page larger than two line
                  pitches but above a heading (FILE: mutool stext;
                  facing layout)
  MODE struct     pdfinfo -struct-text gives each language's blocks of
                  the model, in order, each element with its /Lang
                  (FILE: pdfinfo -struct-text output; ARG: zh or
                  zh-Hant, the Chinese tag)
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pdfcheck  # noqa: E402
from pdfcheck import fail, is_zh, strip  # noqa: E402

HEAD_FRAC = pdfcheck.HEAD_FRAC


def parse_stext(path):
    """Pages [(w, h, [line])], line = dict(x0, y0, x1, y1, base, text,
    size); base is the first character's baseline."""
    pages = []
    root = ET.parse(path).getroot()
    for pg in root.iter('page'):
        w, h = float(pg.get('width')), float(pg.get('height'))
        lines = []
        for ln in pg.iter('line'):
            chars, size = [], 0
            for f in ln.iter('font'):
                for c in f.iter('char'):
                    chars.append((c.get('c'), float(c.get('x')),
                                  float(c.get('y'))))
                    size = max(size, float(f.get('size')))
            if not chars:
                continue
            x0, y0, x1, y1 = (float(v) for v in ln.get('bbox').split())
            lines.append(dict(x0=x0, y0=y0, x1=x1, y1=y1, base=chars[0][2],
                              text=''.join(c for c, _, _ in chars),
                              size=size))
        pages.append((w, h, lines))
    return pages


def body(pages):
    out = []
    for n, (w, h, lines) in enumerate(pages):
        for ln in lines:
            if n > 0 and ln['y1'] < h * HEAD_FRAC:
                continue
            out.append(dict(ln, page=n))
    return out


def check_baselines(blocks, pages):
    stream = {'zh': [], 'en': []}
    for ln in body(pages):
        stream['zh' if is_zh(ln['text']) else 'en'].append(ln)
    text, starts = {}, {}
    for k, ls in stream.items():
        ls.sort(key=lambda l: (l['page'], round(l['base'], 1), l['x0']))
        s, st = '', []
        for ln in ls:
            st.append(len(s))
            s += strip(ln['text']).replace('\u2010', '-')
        text[k], starts[k] = s, st
    ptr = {'zh': 0, 'en': 0}
    pairs = worst = 0
    for typ, segs, _ in blocks:
        first = {}
        for k in ('zh', 'en'):
            if k not in segs:
                continue
            t = strip(segs[k])[:12]
            i = text[k].find(t, ptr[k])
            if i < 0:
                fail('%s block not found in its column: %s' % (k, segs[k][:30]))
                return
            ptr[k] = i + len(t)
            j = max(n for n, s in enumerate(starts[k]) if s <= i)
            first[k] = stream[k][j]
        if len(first) == 2:
            pairs += 1
            a, b = first['zh'], first['en']
            d = abs(a['base'] - b['base'])
            worst = max(worst, d)
            if a['page'] != b['page'] or d > 0.1:
                fail('pair off one baseline: zh p%d %.2f, en p%d %.2f: %s' %
                     (a['page'] + 1, a['base'], b['page'] + 1, b['base'],
                      segs['zh'][:20]))
    if pairs == 0:
        fail('no pairs found')
    print('# %d pairs on one baseline (widest difference %.3f pt)' %
          (pairs, worst))


def check_gaps(blocks, pages):
    """Gaps between successive baselines of a page against the page's
    line pitch (the median gap)."""
    heads = set()
    for typ, segs, _ in blocks:
        if typ == 'heading':
            for k, t in segs.items():
                heads.add(strip(t)[:8])
    n = 0
    for pno, (w, h, lines) in enumerate(pages):
        ls = [ln for ln in lines
              if not (pno > 0 and ln['y1'] < h * HEAD_FRAC)]
        bases = sorted(set(round(ln['base'], 1) for ln in ls))
        gaps = sorted(b - a for a, b in zip(bases, bases[1:]))
        if not gaps:
            continue
        pitch = gaps[len(gaps) // 2]
        first = {}
        for ln in ls:
            first.setdefault(round(ln['base'], 1), ln['text'])
        for a, b in zip(bases, bases[1:]):
            n += 1
            if b - a > 2 * pitch + 0.5 and \
                    strip(first[b])[:8] not in heads:
                fail('page %d: a gap of %.1f pt (%.1f pitches) above %s' %
                     (pno + 1, b - a, (b - a) / pitch, first[b][:20]))
    print('# %d line gaps checked' % n)


def check_struct(blocks, path, zhtag):
    """pdfinfo -struct-text: elements as "/Type (text)"-ish lines; we
    take every element's text with its /Lang and compare per
    language with the model."""
    data = open(path, encoding='utf-8', errors='replace').read()
    got = {'zh': '', 'en': ''}
    langs = set()
    for m in re.finditer(r'^\s*(\w+) \(block\)?.*$', data, re.M):
        pass
    cur = None
    for line in data.split('\n'):
        m = re.match(r'^\s*(\w+)\b.*?(?:/Lang|Lang)\s*[:=]?\s*\(?"?([\w-]+)', line)
        if m:
            cur = m.group(2)
            langs.add(cur)
            continue
        m = re.match(r'^\s*"(.*)"\s*$', line)
        if m and cur is not None:
            k = 'en' if cur == 'en' else 'zh'
            got[k] += strip(m.group(1))
    for k in ('zh', 'en'):
        want = ''.join(strip(b[1][k]) for b in blocks if k in b[1])
        if not want:
            continue
        if want not in got[k]:
            i = 0
            while i < min(len(want), len(got[k])) and want[i] == got[k][i]:
                i += 1
            fail('%s structure text differs from the model after %d '
                 'chars: pdf %s| model %s|' % (k, i, got[k][i:i + 20],
                                              want[i:i + 20]))
    print('# struct text: zh %d, en %d chars; languages %s' %
          (len(got['zh']), len(got['en']), ' '.join(sorted(langs))))


def main():
    mode, model, path = sys.argv[1:4]
    heads, blocks = pdfcheck.parse_model(model)
    if mode == 'baselines':
        check_baselines(blocks, parse_stext(path))
    elif mode == 'gaps':
        check_gaps(blocks, parse_stext(path))
    elif mode == 'struct':
        check_struct(blocks, path, sys.argv[4] if len(sys.argv) > 4 else 'zh')
    else:
        sys.exit('unknown mode ' + mode)
    sys.exit(1 if pdfcheck.fails else 0)


if __name__ == '__main__':
    main()
