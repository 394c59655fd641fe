#!/usr/bin/env python3
"""Line-breaking measures taken from a docconv PDF itself: character
positions from mutool's structured text (stext), text from pdftotext.
Standard library only; used by tests/t_pdf_breaking.sh.

usage: pdfmetrics.py PDF [--model DUMP] [--en-min EM] [--en-p95 EM] [--en-max EM] [--han-p95 EM]
                         [--han-max EM]

Prints one line of measures and a FAIL line per broken rule; exits 1
if any rule is broken.  Body text is the text at the most common size
of its script (running heads, folios, titles, captions are other
sizes); ems are the size of the characters measured.

  English word spaces   on lines mostly of Latin letters: from the end
                        of a word's last character to the start of the
                        next word's first, in ems.
  Han extra space       between two Han characters side by side on a
                        line: the start of the second less the end of
                        the first (its advance), in ems; 0 when set
                        solid.
  flush                 every Chinese body line that does not end its
                        paragraph ends at the column's right edge (its
                        most common line end), or a closing mark set
                        half width (its second half given up) or
                        hanging (starting at the edge) does.  A
                        line goes on in its paragraph if it and the
                        next line's start are in one justified block
                        of the model (--dump-model output); without
                        the model, if the next Chinese line is not
                        indented and follows at a line's pitch.
  kinsoku               no Chinese line starts with closing punctuation
                        or ends with opening punctuation.
  hyphens               no two lines in a row of a column end in a
                        hyphen (an added hyphen copies out as U+00AD).
  soft hyphens          no U+00AD in pdftotext output but at a line's
                        end (where a word is broken).
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

CLOSE = set('，。、；：？！）」』》”’〕】〗〉')
OPEN = set('（「『《“‘〔【〖〈')
HEAD_FRAC = 0.085           # running heads sit above this part of a page
FOOT_FRAC = 0.93            # folios below this part


def is_han(c):
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF


def is_cjk(c):
    o = ord(c)
    return is_han(c) or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or c in '“”‘’'


def is_latin(c):
    return c.isascii() and c.isalpha() or '\u00c0' <= c <= '\u024f'


def stext_chars(pdf):
    """Pages [(w, h, [char])], char = dict(c, x0, x1, y (baseline),
    size)."""
    out = subprocess.run(['mutool', 'draw', '-q', '-F', 'stext', '-o', '-', pdf],
                         capture_output=True, check=True).stdout
    root = ET.fromstring(out)
    pages = []
    for pg in root.iter('page'):
        chars = []
        for font in pg.iter('font'):
            size = float(font.get('size'))
            for ch in font.iter('char'):
                q = [float(v) for v in ch.get('quad').split()]
                chars.append(dict(c=ch.get('c'), x0=q[0], x1=q[2],
                                  y=float(ch.get('y')), size=size))
        pages.append((float(pg.get('width')), float(pg.get('height')), chars))
    return pages


def mode(xs):
    return max(set(xs), key=xs.count) if xs else None


def lines_of(pages):
    """Body-area lines: characters of one size on one baseline, split
    where a gap of more than two ems parts columns.  Each line is
    dict(page, y, size, x0, x1, chars) with chars in x order."""
    lines = []
    for n, (w, h, chars) in enumerate(pages):
        rows = {}
        for ch in chars:
            if ch['y'] < h * HEAD_FRAC or ch['y'] > h * FOOT_FRAC:
                continue
            rows.setdefault((round(ch['y'], 1), ch['size']), []).append(ch)
        for (y, size), cs in rows.items():
            cs.sort(key=lambda c: c['x0'])
            cur = []
            for ch in cs:
                if cur and ch['x0'] - cur[-1]['x1'] > 2 * size and ch['c'] != ' ':
                    lines.append(cur)
                    cur = []
                cur.append(ch)
            if cur:
                lines.append(cur)
        for i in range(len(lines)):
            if isinstance(lines[i], list):
                cs = lines[i]
                ink = [c for c in cs if c['c'] != ' ']
                if not ink:
                    lines[i] = None
                    continue
                lines[i] = dict(page=n, y=cs[0]['y'], size=cs[0]['size'],
                                x0=ink[0]['x0'], x1=ink[-1]['x1'], chars=ink,
                                all=cs)
        lines = [l for l in lines if l is not None]
    return lines


def strip(s):
    return re.sub(r'[\s\u00ad\u2005]', '', s)


def justified_blocks(path):
    """The Chinese texts of the justified blocks (paragraphs, turns,
    notes) of a --dump-model file, without spaces."""
    out, typ = [], None
    for line in open(path, encoding='utf-8'):
        m = re.match(r'^(\w+)', line)
        if m:
            typ = m.group(1)
            continue
        m = re.match(r'^  zh.*?: (.*)$', line.rstrip('\n'))
        if m and typ in ('para', 'turn', 'note'):
            out.append(strip(m.group(1).replace('\\n', '')))
    return out


def pct(xs, p):
    if not xs:
        return 0.0
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    pdf = args.pop(0)
    lim = {'--en-min': None, '--en-p95': None, '--en-max': None, '--han-p95': None, '--han-max': None}
    blocks = None
    while args:
        k = args.pop(0)
        if k == '--model':
            blocks = justified_blocks(args.pop(0))
        else:
            lim[k] = float(args.pop(0))
    fails = []
    lines = lines_of(stext_chars(pdf))
    han = [l for l in lines if sum(is_han(c['c']) for c in l['chars']) * 2 >
           len(l['chars'])]
    lat = [l for l in lines if sum(is_latin(c['c']) for c in l['chars']) * 2 >
           len(l['chars'])]
    zsize = mode([l['size'] for l in han for _ in l['chars']])
    esize = mode([l['size'] for l in lat for _ in l['chars']])

    # English word spaces.
    spaces = []
    for l in lat:
        if l['size'] != esize:
            continue
        cs = l['all']
        prev, sp = None, False
        for c in cs:
            if c['c'] == ' ':
                sp = True
                continue
            if prev is not None and sp:
                spaces.append((c['x0'] - prev['x1']) / l['size'])
            prev, sp = c, False

    # Han extra space.
    extra = []
    zh = [l for l in lines if any(is_cjk(c['c']) for c in l['chars'])]
    for l in zh:
        if l['size'] != zsize:
            continue
        cs = l['all']
        for a, b in zip(cs, cs[1:]):
            if is_han(a['c']) and is_han(b['c']):
                extra.append(max(0.0, (b['x0'] - a['x1']) / l['size']))

    # Kinsoku, on every Chinese line.
    kin = 0
    for l in zh:
        t = ''.join(c['c'] for c in l['chars'])
        if t[0] in CLOSE or t[-1] in OPEN:
            kin += 1
            if kin <= 5:
                fails.append('kinsoku: p%d line %s' % (l['page'] + 1, t))

    # Flush: Chinese body lines by page parity, in flow order.  With
    # the model, a line goes on in its paragraph if its text and the
    # next line's first characters are in one justified block; else
    # if the next line is not indented and follows at a line's pitch.
    body = [l for l in zh if l['size'] == zsize]
    allz = sorted(body, key=lambda l: (l['page'], l['y']))
    text = [strip(''.join(c['c'] for c in l['chars'])) for l in allz]
    ragged, justified, nhalf, nhang = 0, 0, 0, 0
    for par in (0, 1):
        ls = [i for i, l in enumerate(allz) if l['page'] % 2 == par]
        if not ls:
            continue
        left = min(round(allz[i]['x0'], 1) for i in ls)
        right = mode([round(allz[i]['x1'], 1) for i in ls])
        pitch = mode([round(allz[j]['y'] - allz[i]['y'], 1) for i, j in zip(ls, ls[1:])
                      if allz[i]['page'] == allz[j]['page']]) or 0
        for i in ls:
            l = allz[i]
            if i + 1 >= len(allz):
                continue
            nxt = allz[i + 1]
            if blocks is not None:
                key = text[i] + text[i + 1][:2]
                if not any(key in b for b in blocks):
                    continue
            elif nxt['x0'] > left + 1.5 * zsize or \
                    (nxt['page'] == l['page'] and nxt['y'] - l['y'] > pitch * 1.3):
                continue
            justified += 1
            e = l['chars'][-1]
            half = e['c'] in CLOSE and abs(e['x0'] + 0.5 * l['size'] - right) <= 0.5
            hang = e['c'] in CLOSE and abs(e['x0'] - right) <= 0.5
            nhalf += half
            nhang += hang
            ok = abs(l['x1'] - right) <= 0.5 or half or hang
            if not ok:
                ragged += 1
                if ragged <= 5:
                    fails.append('ragged: p%d line ends at %.2f, edge %.2f: %s' % (
                        l['page'] + 1, l['x1'], right, text[i]))

    # Hyphenated lines: never two in a row in a column.  The added
    # hyphen's glyph reads U+2010 in mutool's text (which does not
    # apply /ActualText), U+00AD where no /ActualText spans it.
    HYPHENS = ('\u00ad', '\u2010')
    nhy, row = 0, 0
    cols = {}
    for l in lat:
        if l['size'] == esize:
            cols.setdefault((l['page'], round(l['x0'] / (4 * esize))), []).append(l)
    for ls in cols.values():
        ls.sort(key=lambda l: l['y'])
        for a, b in zip(ls, ls[1:]):
            if a['chars'][-1]['c'] in HYPHENS and b['chars'][-1]['c'] in HYPHENS:
                row += 1
                if row <= 5:
                    fails.append('two hyphenated lines in a row: p%d %s / %s' % (
                        a['page'] + 1, ''.join(c['c'] for c in a['chars'])[-20:],
                        ''.join(c['c'] for c in b['chars'])[-20:]))
        nhy += sum(1 for l in ls if l['chars'][-1]['c'] in HYPHENS)

    # Soft hyphens.
    txt = subprocess.run(['pdftotext', '-enc', 'UTF-8', pdf, '-'], capture_output=True,
                         check=True).stdout.decode('utf-8')
    shy = [m.start() for m in re.finditer('\u00ad', txt)
           if m.end() < len(txt) and txt[m.end()] not in '\n\f']
    for i in shy[:5]:
        fails.append('U+00AD inside a word: %r' % txt[max(0, i - 10):i + 10])

    st = ('en spaces n=%d min %.3f median %.3f p95 %.3f max %.3f em; '
          'han gaps n=%d p95 %.3f max %.3f em; zh lines %d justified %d '
          '(ending half width %d, hanging %d) ragged %d; '
          'kinsoku %d; hyphenated %d, in a row %d; shy %d' % (
              len(spaces), min(spaces or [0]), pct(spaces, 50), pct(spaces, 95), max(spaces or [0]),
              len(extra), pct(extra, 95), max(extra or [0]), len(zh), justified,
              nhalf, nhang, ragged, kin, nhy, row, len(shy)))
    print('# ' + st)
    for k, v, xs in (('--en-p95', 95, spaces), ('--en-max', 100, spaces),
                     ('--han-p95', 95, extra), ('--han-max', 100, extra)):
        if lim[k] is not None and xs and pct(xs, v) > lim[k] + 1e-9:
            fails.append('%s: %.3f > %.3f' % (k[2:], pct(xs, v), lim[k]))
    if lim['--en-min'] is not None and spaces and \
            min(spaces) < lim['--en-min'] - 1e-9:
        fails.append('en-min: %.3f < %.3f' % (min(spaces), lim['--en-min']))
    for f in fails:
        print('FAIL: ' + f)
    return 1 if fails else 0


if __name__ == '__main__':
    sys.exit(main())
