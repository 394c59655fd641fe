#!/usr/bin/env python3
"""The typography of docconv PDFs, measured from their glyph positions
(mutool's structured text, spaces as the PDF draws them); standard
library only; used by tests/t_typography.sh.

usage: typocheck.py [-v] MODELS STYLE=DIR ...

MODELS holds docconv --json's X.json of each input; each DIR holds
the PDFs (X.pdf) made in one style; prints a line of totals per
style, a line per fault with -v (the first few without), and exits 1
on any fault.  Body text is the most common size of its script on a
page area without the running head and folio; display lines (titles,
subtitles, headings) are larger.  Columns are parted where most lines
of body text on pages of one parity have a gap (gutters()).

  spaced    a word set letter-spaced: two letters of one Latin word
            (no space between them) more than 0.15 em apart, on any
            line.
  loose     a gap between words over 1.5 em on a line of Latin text;
            on a Chinese one, between any two characters, over 1 em
            more than the spaces between them.
  ragged    a Chinese line that goes on in its paragraph (its text and
            the next Chinese line's first two characters stand in one
            paragraph or turn of the model; a note is set narrower) and
            does not end at the column's right edge (the most common
            end, near the widest, of the lines that go on in their
            paragraph; the widest on a tie).  A closing mark ends a
            line where its ink ends (the first half of its box): set
            half width it ends flush, hanging past the edge too, set
            whole it stops half an em short.
  kinsoku   a Chinese line starting with closing or ending with opening
            punctuation.
  alone     a line holding one Han character, with or without its
            punctuation, after a line of its paragraph (a paragraph
            of one character, an end mark such as （完）, is none).
  display   a display line ending in a hyphen, or holding one letter
            or Han character (its punctuation aside).
"""
import bisect
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

CLOSE = set('，。、；：？！）」』》”’〕】〗〉')
OPEN = set('（「『《“‘〔【〖〈')
HYPHENS = set('-\u00ad\u2010')
SPACES = set(' \u00a0\u2005\u3000')
HEAD_FRAC = 0.085
FOOT_FRAC = 0.93
KINDS = ('spaced', 'loose', 'ragged', 'kinsoku', 'alone', 'display')


def is_han(c):
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or \
        0x20000 <= o <= 0x2FFFF


def is_latin(c):
    return c.isascii() and c.isalpha() or '\u00c0' <= c <= '\u024f'


def mode(xs):
    return max(sorted(set(xs)), key=xs.count) if xs else None


def pages_of(pdf):
    """[(height, [(c, x0, x1, y, size)])] per page."""
    out = subprocess.run(['mutool', 'draw', '-q', '-F', 'stext', '-O',
                          'inhibit-spaces', '-o', '-', pdf],
                         capture_output=True, check=True).stdout
    pages = []
    for pg in ET.fromstring(out).iter('page'):
        chars = []
        for font in pg.iter('font'):
            size = float(font.get('size'))
            for ch in font.iter('char'):
                q = ch.get('quad').split()
                chars.append((ch.get('c'), float(q[0]), float(q[2]),
                              round(float(ch.get('y')), 1), size))
        pages.append((float(pg.get('height')), chars))
    return pages


def crosses(r, x):
    """Whether a character of row r (sorted (x0, x1), x0s) spans x."""
    k = bisect.bisect_left(r[1], x) - 1
    return k >= 0 and r[0][k][1] > x


def gutters(pages):
    """The x that parts the columns on pages of each parity, or None:
    of the ends of body lines and the middles of gaps over 0.3 em
    between body characters on one baseline, the one with the most
    baselines with three characters or more on its lesser side (a mark
    hanging past the edge is not a column), two or more, then the
    fewest crossing it (no more than a fifth of those either side);
    the middle one of those as good."""
    rows = ({}, {})
    for n, (h, chars, size) in enumerate(pages):
        for c in chars:
            if c[4] == size and c[0] not in SPACES:
                rows[n % 2].setdefault((n, c[3]), []).append((c[1], c[2]))
    out = []
    for par in (0, 1):
        rs = [sorted(r) for r in rows[par].values()]
        rs = [(r, [a for a, _ in r]) for r in rs]
        em = pages[0][2]
        cand = set()
        for r, _ in rs:
            cand.add(round(r[0][0] - 0.1 * em))
            cand.add(round(r[-1][1] + 0.1 * em))
            cand.update(round((a[1] + b[0]) / 2) for a, b in zip(r, r[1:])
                        if b[0] - a[1] > 0.3 * em)
        best, score = [], (2, 0)
        for x in sorted(cand):
            left = sum(1 for r, x0 in rs if bisect.bisect_left(x0, x) >= 3)
            right = sum(1 for r, x0 in rs
                        if len(x0) - bisect.bisect_left(x0, x) >= 3)
            across = sum(1 for r in rs if crosses(r, x))
            k = (min(left, right), -across)
            if across > 0.2 * (left + right - across) or k < score:
                continue
            if k > score:
                best, score = [], k
            best.append(x)
        out.append(best[len(best) // 2] if best else None)
    return out


def lines_of(pages, columns=True):
    """Lines of one size on one baseline in one column, in reading
    order: dict(page, y, size, col, chars), chars in x order, spaces
    kept; running heads and folios left out.  columns: whether the
    text may stand in two columns (a text of one language does not,
    and its hanging labels are no gutter)."""
    out = []
    pages = [(h, [c for c in chars if h * HEAD_FRAC <= c[3] <= h * FOOT_FRAC])
             for h, chars in pages]
    pages = [(h, body, mode([c[4] for c in body])) for h, body in pages]
    guts = gutters(pages) if columns else (None, None)
    for n, (h, body, bsize) in enumerate(pages):
        gut = guts[n % 2]
        rows = {}
        for c in body:
            col = 0 if gut is None or c[4] != bsize or c[2] <= gut else 1
            rows.setdefault((c[3], c[4], col), []).append(c)
        for (y, size, col), cs in sorted(rows.items(),
                                         key=lambda r: (r[0][2], r[0][0])):
            # A ligature's second letter has no width and may start a
            # hair after the space drawn after it: the PDF's order
            # stands within a hundredth of a point.
            cs.sort(key=lambda c: round(c[1], 2))
            while cs and cs[-1][0] in SPACES:
                cs.pop()
            while cs and cs[0][0] in SPACES:
                cs.pop(0)
            # Display lines of the two columns part at a wide gap.
            k = 0
            while k < len(cs):
                j = k + 1
                while j < len(cs) and (size == bsize or
                                       cs[j][1] - cs[j - 1][2] < 2 * size):
                    j += 1
                piece = [c for c in cs[k:j]]
                while piece and piece[-1][0] in SPACES:
                    piece.pop()
                while piece and piece[0][0] in SPACES:
                    piece.pop(0)
                if piece:
                    out.append(dict(page=n, y=y, size=size,
                                    col=col + (k > 0), chars=piece))
                k = j
    return out


def text(l):
    return ''.join(c[0] for c in l['chars'])


def is_zh(l):
    """Whether a line is Chinese: it holds a Han character or
    full-width punctuation."""
    return any(is_han(c[0]) or (c[0] in CLOSE or c[0] in OPEN) and
               c[0] not in '“”‘’' for c in l['chars'])


def spaced(l):
    cs = l['chars']
    return any(is_latin(a[0]) and is_latin(b[0]) and
               b[1] - a[2] > 0.15 * l['size'] for a, b in zip(cs, cs[1:]))


def widest_gap(l, every):
    """The widest gap between words, in ems; every: between any two
    characters, the spaces between them left out."""
    best, prev, sp = 0.0, None, 0.0
    for c in l['chars']:
        if c[0] in SPACES:
            sp += c[2] - c[1]
            continue
        if prev is not None and every:
            best = max(best, (c[1] - prev[2] - sp) / l['size'])
        elif prev is not None and sp:
            best = max(best, (c[1] - prev[2]) / l['size'])
        prev, sp = c, 0.0
    return best


def alone(l):
    t = [c for c in text(l) if c not in SPACES and c not in CLOSE and
         c not in OPEN and c not in '—…·']
    return len(t) == 1 and is_han(t[0])


def display_fault(l):
    t = [c for c in text(l) if c not in SPACES]
    ink = [c for c in t if c.isalnum()]
    return t[-1] in HYPHENS or len(ink) == 1


def strip(s):
    return re.sub(r'[\s\u00ad\u2005\u3000]', '', s)


def blocks_of(path):
    """The Chinese texts of the paragraphs and turns of a --json
    model, without spaces."""
    out = []
    for b in json.load(open(path, encoding='utf-8')).get('blocks', []):
        if b.get('type') in ('para', 'turn'):
            out.extend(strip(s.get('text', '')) for s in b.get('segs', [])
                       if s.get('lang') == 'zh')
    return out


def follows(a, b, pitch):
    """Whether line b goes on a's paragraph: same page, column and
    size, the next baseline at the pitch."""
    return a['page'] == b['page'] and a['col'] == b['col'] and \
        a['size'] == b['size'] and abs(b['y'] - a['y'] - pitch) < 0.5


def check(pdf, model, faults):
    langs = json.load(open(model, encoding='utf-8')).get(
        'meta', {}).get('languages', [])
    lines = lines_of(pages_of(pdf), len(langs) != 1)
    blocks = blocks_of(model)
    zsize = mode([l['size'] for l in lines if is_zh(l)])
    esize = mode([l['size'] for l in lines if not is_zh(l)])

    def add(kind, l, why=''):
        faults.append((kind, pdf, l['page'] + 1, why + text(l)))

    def goes_on(i):
        """Whether Chinese line i goes on in its paragraph, and the
        text of the paragraph it stands in."""
        l = lines[i]
        nz = next((m for m in lines[i + 1:] if is_zh(m) and
                   m['size'] == l['size']), None)
        key = strip(text(l)) + (strip(text(nz))[:2] if nz else '')
        return nz is not None and any(key in b for b in blocks)

    on = [is_zh(l) and goes_on(i) for i, l in enumerate(lines)]
    # Columns' right edges and pitch by page parity, column and size:
    # the end near the widest that most lines going on in their
    # paragraph vote for (of all lines where none goes on: a short
    # text's last lines would outvote them), the widest on a tie.  A
    # line ending in a closing mark votes for where the mark starts
    # (hung) and its middle (compressed: the end of its ink), once
    # each; a line ending in a character votes twice for its end.
    votes, pitch = {}, {}
    for i, l in enumerate(lines):
        k = (l['page'] % 2, l['col'], l['size'])
        e = l['chars'][-1]
        v = votes.setdefault(k, ([], []))
        v[0].append(round(e[2], 1))
        if not on[i]:
            continue
        if e[0] in CLOSE:
            v[1].extend({round(e[1], 1), round(e[1] + 0.5 * k[2], 1)})
        else:
            v[1].extend([round(e[2], 1)] * 2)
    for a, b in zip(lines, lines[1:]):
        if a['page'] == b['page'] and a['col'] == b['col'] and \
                a['size'] == b['size']:
            pitch.setdefault((a['page'] % 2, a['col'], a['size']),
                             []).append(round(b['y'] - a['y'], 1))
    edge = {}
    for k, (every, flush) in votes.items():
        xs = flush or every
        xs = [x for x in xs if x >= max(xs) - 1.5 * k[2]]
        edge[k] = max(sorted(set(xs), reverse=True), key=xs.count)
        pitch[k] = mode(pitch.get(k, [])) or 0
    for i, l in enumerate(lines):
        k = (l['page'] % 2, l['col'], l['size'])
        zh = is_zh(l)
        prev = lines[i - 1] if i else None
        after = prev is not None and follows(prev, l, pitch[k])
        if spaced(l):
            add('spaced', l)
        if widest_gap(l, zh) > (1.0 if zh else 1.5):
            add('loose', l, '%.1f em: ' % widest_gap(l, zh))
        display = l['size'] > (zsize if zh else esize) + 0.1
        if display and display_fault(l):
            add('display', l)
        if not zh:
            continue
        t = [c for c in text(l) if c not in SPACES]
        if t[0] in CLOSE or t[-1] in OPEN:
            add('kinsoku', l)
        # A paragraph of one character (an end mark such as （完）)
        # is not a line left alone.
        if not display and after and alone(l) and \
                not any(strip(text(l)) == b for b in blocks):
            add('alone', l)
        if display or not on[i]:
            continue
        e = l['chars'][-1]
        x1 = e[2]
        if e[0] in CLOSE:
            # A closing mark's ink is the first half of its box: set
            # whole, it stops half an em short of the edge.
            if abs(e[1] - edge[k]) <= 0.5:
                continue
            x1 = e[1] + 0.5 * l['size']
        if 0.5 < abs(x1 - edge[k]) < 4 * l['size']:
            add('ragged', l, 'ends %.1f pt short: ' % (edge[k] - x1))


def main():
    args = sys.argv[1:]
    verbose = bool(args) and args[0] == '-v'
    if verbose:
        args.pop(0)
    if len(args) < 2:
        print(__doc__)
        return 2
    models = args.pop(0)
    bad = 0
    for arg in args:
        style, d = arg.split('=', 1)
        faults = []
        pdfs = sorted(f for f in os.listdir(d) if f.endswith('.pdf'))
        for f in pdfs:
            check(os.path.join(d, f),
                  os.path.join(models, f[:-4] + '.json'), faults)
        n = {k: sum(1 for f in faults if f[0] == k) for k in KINDS}
        print('%-8s %3d PDFs: %s' % (style, len(pdfs),
              ' '.join('%s %d' % (k, n[k]) for k in KINDS)))
        for f in faults if verbose else faults[:8]:
            print('  %s: %s p%d: %s' % (f[0], os.path.basename(f[1]), f[2],
                                        f[3]))
        bad += len(faults)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
