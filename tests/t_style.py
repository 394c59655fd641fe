#!/usr/bin/env python3
"""t_style.py PDF KEY=VALUE...: is a PDF set as its style file says?
Measured from the characters mutool reads (tests/pdfmetrics.py), for
tests/t_style.sh.  Keys (lengths in points):

  inner outer top bottom   the margins (points, or Nmm)
  zh en title              sizes of the Chinese and English body and
                           of the Chinese title
  leading                  the Chinese body's baseline to baseline
  columns gutter           the Chinese column's share; the gutter, a
                           share of the text block
  folio                    foot-center: page numbers centred under
                           the text block, no running head above it

Prints what it measured; one FAIL line per rule broken, exit 1.
"""
import math
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pdfmetrics import stext_chars, is_han, is_latin  # noqa: E402

failed = False


def check(ok, msg):
    global failed
    if not ok:
        print('FAIL: ' + msg)
        failed = True


def main():
    pdf = sys.argv[1]
    want = dict(a.split('=', 1) for a in sys.argv[2:])
    # A length may be given in mm.
    num = {k: float(v[:-2]) * 72 / 25.4 if v.endswith('mm') else float(v)
           for k, v in want.items() if k != 'folio'}
    pages = stext_chars(pdf)
    pw, ph = pages[0][0], pages[0][1]
    top, bot = num['top'], ph - num['bottom']
    zh, en = num['zh'], num['en']

    # Sizes: the most common size of each script's characters.
    sizes = {'zh': Counter(), 'en': Counter()}
    for _, _, chars in pages:
        for c in chars:
            if is_han(c['c']):
                sizes['zh'][round(c['size'], 2)] += 1
            elif is_latin(c['c']):
                sizes['en'][round(c['size'], 2)] += 1
    zsize = sizes['zh'].most_common(1)[0][0]
    esize = sizes['en'].most_common(1)[0][0]
    print('body sizes: zh %.2f en %.2f' % (zsize, esize))
    check(abs(zsize - zh) < 0.01, 'Chinese body %.2f pt, not %.2f' % (zsize, zh))
    check(abs(esize - en) < 0.01, 'English body %.2f pt, not %.2f' % (esize, en))
    if 'title' in num:
        t = [c for c in pages[0][2] if is_han(c['c'])]
        big = max(c['size'] for c in t)
        print('title size %.2f' % big)
        check(abs(big - num['title']) < 0.01,
              'Chinese title %.2f pt, not %.2f' % (big, num['title']))

    # The text block: body characters of the pages after the first.
    tw = pw - num['inner'] - num['outer']
    gut = tw * num['gutter']
    wz = math.floor((tw - gut) * num['columns'] / zh) * zh
    for n, (_, _, chars) in enumerate(pages):
        if n == 0:
            continue
        left = num['inner'] if (n + 1) % 2 else num['outer']
        body = [c for c in chars if c['c'].strip() and
                abs(c['size'] - (zh if is_han(c['c']) else en)) < 0.01 and
                top - 1 < c['y'] < bot + 1]
        han = [c for c in body if is_han(c['c'])]
        lat = [c for c in body if is_latin(c['c'])]
        if len(han) < 50 or len(lat) < 50:
            continue
        x0 = min(c['x0'] for c in body)
        x1 = max(c['x1'] for c in body)
        zx1 = max(c['x1'] for c in han)
        ex0 = min(c['x0'] for c in lat)
        ys = sorted(set(round(c['y'], 2) for c in han))
        pitch = Counter(round(b - a, 2) for a, b in zip(ys, ys[1:])).most_common(1)[0][0]
        print('page %d: text %.1f-%.1f (block %.1f-%.1f), zh column to %.1f '
              '(%.1f), en from %.1f (%.1f), baselines %.1f-%.1f in %.1f-%.1f, '
              'pitch %.2f' % (n + 1, x0, x1, left, left + tw, zx1, left + wz,
                              ex0, left + wz + gut, ys[0], ys[-1], top, bot, pitch))
        check(abs(x0 - left) < 1.0, 'page %d: text starts at %.1f, margin %.1f'
              % (n + 1, x0, left))
        check(abs(x1 - (left + tw)) < 1.0, 'page %d: text ends at %.1f, not %.1f'
              % (n + 1, x1, left + tw))
        check(abs(zx1 - (left + wz)) < 1.0, 'page %d: Chinese column ends at %.1f, '
              'not %.1f' % (n + 1, zx1, left + wz))
        check(abs(ex0 - (left + wz + gut)) < 1.0, 'page %d: English column starts '
              'at %.1f, not %.1f' % (n + 1, ex0, left + wz + gut))
        check(top < ys[0] < top + 1.5 * zh, 'page %d: first baseline %.1f not just '
              'below the top margin %.1f' % (n + 1, ys[0], top))
        check(ys[-1] <= bot + 0.5 and (n + 1 == len(pages) or
              bot - 3 * pitch < ys[-1]), 'page %d: last baseline %.1f '
              'not just above the bottom margin %.1f' % (n + 1, ys[-1], bot))
        if 'leading' in num:
            check(abs(pitch - num['leading']) < 0.02, 'page %d: Chinese pitch %.2f, '
                  'not %.2f' % (n + 1, pitch, num['leading']))
        if want.get('folio') == 'foot-center':
            above = [c for c in chars if c['c'].strip() and c['y'] < top - 1]
            check(not above, 'page %d: %d characters above the text block (no '
                  'running head)' % (n + 1, len(above)))
            foot = [c for c in chars if c['c'].strip() and c['y'] > bot + 1]
            s = ''.join(c['c'] for c in sorted(foot, key=lambda c: c['x0']))
            mid = (min(c['x0'] for c in foot) + max(c['x1'] for c in foot)) / 2 \
                if foot else 0
            check(s == str(n + 1) and abs(mid - (left + tw / 2)) < 1.0,
                  'page %d: foot holds %r at %.1f, not the folio centred at %.1f'
                  % (n + 1, s, mid, left + tw / 2))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
