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
  MODE struct     pdfinfo -struct-text gives, under Document, a Sect
                  per language holding its header lines and blocks of
                  the model, in order (FILE: pdfinfo -struct-text)
  MODE order      pdftotext's reading order gives each language's
                  blocks whole and in the model's order, each
                  paragraph's lines in order (FILE: pdftotext
                  -bbox-layout)
  MODE colends   no page's last line of a language (the last line of
                  its column) but the last page's ends with a hyphen
                  (FILE: mutool stext; ARG: the most allowed, 0)
  MODE marks      every marked-content sequence on each page is either
                  an MCID that the structure tree's parent tree
                  references or an /Artifact, and nothing is painted
                  outside one (FILE: qpdf --qdf output; no MODEL)
  MODE langs      every structure element has a /Lang, the set of them
                  is ARG (comma-separated) (FILE: qpdf --qdf output)
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pdfcheck  # noqa: E402
from pdfcheck import fail, is_zh, parse_stext, strip  # noqa: E402

HEAD_FRAC = pdfcheck.HEAD_FRAC


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
    for ls in stream.values():
        ls.sort(key=lambda l: (l['page'], round(l['base'], 1), l['x0']))
    firsts = pdfcheck.first_lines(
        blocks, stream, lambda t: strip(t).replace('\u2010', '-'), 12)
    if firsts is None:
        return
    pairs = worst = 0
    for segs, first in firsts:
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


def check_struct(heads, blocks, path):
    """pdfinfo -struct-text: Document, one Sect per language, whose
    text is that language's header lines and then its blocks, in the
    model's order."""
    sects, cur, doc = [], None, 0
    for line in open(path, encoding='utf-8', errors='replace'):
        line = line.rstrip('\n')
        if line == 'Document':
            doc += 1
            continue
        m = re.match(r'^  (\w+)', line)
        if m:
            if m.group(1) != 'Sect':
                fail('a %s directly under Document' % m.group(1))
            cur = []
            sects.append(cur)
            continue
        m = re.match(r'^\s+"(.*)"$', line)
        if m and cur is not None:
            cur.append(m.group(1))
    if doc != 1:
        fail('%d Document elements' % doc)
    got = {}
    for texts in sects:
        t = strip(''.join(texts))
        got['zh' if is_zh(t) else 'en'] = t
    for k in ('zh', 'en'):
        body = ''.join(strip(b[1][k]) for b in blocks if k in b[1])
        if not body:
            continue
        g = got.get(k, '')
        if not g.endswith(body):
            i = 0
            while i < min(len(g), len(body)) and g[-1 - i] == body[-1 - i]:
                i += 1
            fail('%s structure text differs from the model, %d chars from '
                 'the end: pdf ...%s| model ...%s|' %
                 (k, i, g[max(0, len(g) - i - 20):len(g) - i],
                  body[max(0, len(body) - i - 20):len(body) - i]))
            continue
        title = g[:len(g) - len(body)]
        for t, l, text in heads:
            if l == k and strip(text).lstrip('—-') not in title:
                fail('%s header line not in the structure: %s' % (k, text))
    print('# structure: %s' % ', '.join('%s %d chars' % (k, len(v))
                                        for k, v in sorted(got.items())))


def check_order(blocks, pages):
    """pdftotext's reading order (-bbox-layout gives the flows, blocks
    and lines of its default mode, with their places), running heads
    and folios left out: the text of each language holds every block
    of the model whole, one after the other, each paragraph's lines
    in order, also where it crosses a page."""
    lines = body(pages)
    stream = {'zh': '', 'en': ''}
    starts = []
    for ln in lines:
        t = strip(ln['text'])
        k = 'zh' if is_zh(t) else 'en'
        starts.append((k, len(stream[k])))
        stream[k] += t
    # Each block's span in its language's text.
    spans = {'zh': [], 'en': []}
    n = 0
    for bi, (typ, segs, _) in enumerate(blocks):
        for k in segs:
            s, pos = stream[k], spans[k][-1][1] if spans[k] else 0
            b = strip(segs[k]).replace('\u2010', '')
            i = s.find(b, pos)
            if i < 0:
                j = 0
                while j < len(b) and s.startswith(b[:j + 1], pos):
                    j += 1
                fail('%s block out of order after %d of its %d chars: '
                     'model ...%s| pdftotext ...%s|' %
                     (k, j, len(b), b[max(0, j - 10):j + 20],
                      s[pos + max(0, j - 10):pos + j + 20]))
                continue
            spans[k].append((i, i + len(b), bi))
            n += 1
    # The block each line is of (None: a header line).
    owner = []
    for k, off in starts:
        o = None
        for i, e, bi in spans[k]:
            if i <= off < e:
                o = (k, bi)
                break
        owner.append(o)
    # Counted, not failed: poppler reads a Chinese line with nothing
    # beside it (a paragraph's end below the other column's) after
    # the other column's block above it.  Its line spacing limit
    # within a block is 1.5 em and the Chinese is set at 1.75, so each
    # Chinese line is a block of its own, and a block with no block
    # beside it is widened over the other column.  The order of each
    # language stays right, which is what is checked above.
    apart = set()
    for j in range(len(lines)):
        o = owner[j]
        if o is None or o in apart:
            continue
        for m in range(j + 1, len(lines)):
            if lines[m]['page'] != lines[j]['page']:
                break
            if owner[m] == o:
                if m > j + 1:
                    apart.add(o)
                break
    print('# %d blocks whole and in order in pdftotext, %d of them with '
          'the other column read inside' % (n, len(apart)))


def check_colends(pages, most):
    """The last body line of each language on a page before the last
    ends with no hyphen: added (U+2010, as mutool reads the glyph) or
    the text's own."""
    n = bad = 0
    for pno, (w, h, lines) in enumerate(pages[:-1]):
        last = {}
        for ln in lines:
            if pno > 0 and ln['y1'] < h * HEAD_FRAC:
                continue
            k = 'zh' if is_zh(ln['text']) else 'en'
            if k not in last or ln['base'] > last[k]['base'] + 0.5:
                last[k] = ln
        for k, ln in sorted(last.items()):
            n += 1
            if re.search('[-\u00ad\u2010]$', ln['text'].rstrip()):
                bad += 1
                print('# page %d: %s column ends with a hyphen: %s' %
                      (pno + 1, k, ln['text'][-30:]))
    if bad > most:
        fail('%d of %d columns end with a hyphen' % (bad, n))
    print('# %d columns, %d ending with a hyphen' % (n, bad))


def qdf_objects(data):
    """{number: text} of a qpdf --qdf file, and the page objects in
    order (qdf writes a '%% Page N' comment before each)."""
    objs = {}
    for m in re.finditer(r'(?m)^(\d+) 0 obj\n(.*?)^endobj', data, re.S):
        objs[int(m.group(1))] = m.group(2)
    pages = [int(n) for n in
             re.findall(r'(?m)^%% Page \d+\n(?:%%[^\n]*\n)*(\d+) 0 obj', data)]
    return objs, pages


def ref(text, key):
    m = re.search(key + r'\s+(\d+) 0 R', text)
    return int(m.group(1)) if m else None


TOKEN = re.compile(rb"""\s+|%[^\r\n]*|<<|>>|<[0-9A-Fa-f\s]*>|\[|\]|\{|\}|
                       /[^\s()<>\[\]{}/%]*|[^\s()<>\[\]{}/%]+""", re.X)


def content_tokens(b):
    """The tokens of a content stream (strings whole, as one token)."""
    i, n = 0, len(b)
    while i < n:
        if b[i:i + 1] == b'(':
            depth, j = 0, i
            while j < n:
                c = b[j:j + 1]
                if c == b'\\':
                    j += 2
                    continue
                if c == b'(':
                    depth += 1
                elif c == b')':
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            yield b[i:j + 1]
            i = j + 1
            continue
        m = TOKEN.match(b, i)
        if m is None:
            yield b[i:i + 1]
            i += 1
            continue
        t = m.group(0)
        i = m.end()
        if t[:1].isspace() or t[:1] == b'%':
            continue
        yield t


PAINT = {b'Tj', b'TJ', b"'", b'"', b'S', b's', b'f', b'F', b'f*', b'B', b'B*',
         b'b', b'b*', b'sh', b'Do', b'BI'}


def check_marks(path):
    data = open(path, encoding='latin-1').read()
    objs, pages = qdf_objects(data)
    cat = next(t for t in objs.values() if '/Type /Catalog' in t)
    root = objs[ref(cat, '/StructTreeRoot')]
    nums = objs[ref(root, '/ParentTree')]
    ptree = {}
    for k, arr in re.findall(r'(\d+)\s*\[([^\]]*)\]', nums):
        ptree[int(k)] = re.findall(r'null|\d+ 0 R', arr)
    seqs = arts = 0
    for pno, pn in enumerate(pages):
        page = objs[pn]
        sp = re.search(r'/StructParents (\d+)', page)
        used = ptree.get(int(sp.group(1)), []) if sp else []
        cn = ref(page, '/Contents')
        body = objs[cn]
        b = body[body.index('stream\n') + 7:body.rindex('endstream')]
        ops, depth, dict_ = [], 0, None
        for t in content_tokens(b.encode('latin-1')):
            if t == b'<<':
                dict_ = [] if dict_ is None else dict_
                ops.append(t)
                continue
            if t in PAINT and depth == 0:
                fail('page %d: %s outside marked content' %
                     (pno + 1, t.decode('latin-1')))
            if t in (b'BDC', b'BMC'):
                if depth == 0:
                    seqs += 1
                    tag = next((o for o in ops if o.startswith(b'/')), b'')
                    mc = re.search(rb'/MCID (\d+)', b' '.join(ops))
                    if tag == b'/Artifact':
                        arts += 1
                        if mc:
                            fail('page %d: an artifact with an MCID' %
                                 (pno + 1))
                    elif mc is None:
                        fail('page %d: %s without an MCID, not an artifact'
                             % (pno + 1, tag.decode('latin-1')))
                    else:
                        k = int(mc.group(1))
                        if k >= len(used) or used[k] == 'null':
                            fail('page %d: MCID %d (%s) is in no structure '
                                 'element' % (pno + 1, k,
                                              tag.decode('latin-1')))
                depth += 1
            elif t == b'EMC':
                depth -= 1
                if depth < 0:
                    fail('page %d: EMC without BDC' % (pno + 1))
                    depth = 0
            if t[:1].isalpha() or t in (b"'", b'"'):
                ops, dict_ = [], None
            else:
                ops.append(t)
        if depth != 0:
            fail('page %d: %d marked-content sequences left open' %
                 (pno + 1, depth))
    print('# %d pages, %d marked-content sequences, %d of them artifacts' %
          (len(pages), seqs, arts))


def check_langs(path, want):
    """Every structure element of the QDF file has a /Lang among
    want (comma-separated), and each of them is used."""
    data = open(path, encoding='latin-1').read()
    objs = re.split(r'\n\d+ 0 obj\n', data)
    seen, n = set(), 0
    for o in objs:
        if '/Type /StructElem' not in o:
            continue
        n += 1
        m = re.search(r'/Lang \(([^)]*)\)', o)
        if m is None:
            fail('a structure element without /Lang: %s' % o[:80])
            continue
        seen.add(m.group(1))
    allowed = set(want.split(','))
    if seen - allowed or allowed - seen:
        fail('element languages %s, expected %s' % (sorted(seen),
                                                    sorted(allowed)))
    print('# %d structure elements, languages %s' % (n, ' '.join(sorted(seen))))


def main():
    if sys.argv[1] == 'marks':
        check_marks(sys.argv[2])
        sys.exit(1 if pdfcheck.fails else 0)
    mode, model, path = sys.argv[1:4]
    heads, blocks = pdfcheck.parse_model(model)
    if mode == 'baselines':
        check_baselines(blocks, parse_stext(path))
    elif mode == 'gaps':
        check_gaps(blocks, parse_stext(path))
    elif mode == 'struct':
        check_struct(heads, blocks, path)
    elif mode == 'order':
        check_order(blocks, pdfcheck.parse_bbox(path))
    elif mode == 'colends':
        check_colends(parse_stext(path), int(sys.argv[4]))
    elif mode == 'langs':
        check_langs(path, sys.argv[4])
    else:
        sys.exit('unknown mode ' + mode)
    sys.exit(1 if pdfcheck.fails else 0)


if __name__ == '__main__':
    main()
