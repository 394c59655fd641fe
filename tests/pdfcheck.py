#!/usr/bin/env python3
"""Checks on docconv PDFs from pdftotext -bbox-layout output and the
--dump-model text (standard library only).  Used by tests/t_pdf*.sh.

usage: pdfcheck.py MODE MODEL BBOX.html [LANG]
  MODE text     the text of LANG (zh|en) in a one-language PDF is the
                model's header lines then its blocks of that language
  MODE columns  aligned block pairs start on one page, level within 3 pt
  MODE zhlines  Chinese line-start/end rules; justified lines flush
                (one-column zh PDF)
  MODE zhrules  Chinese line-start/end rules only (any layout)
  MODE widows   no paragraph's last line alone at the head of a page
                (one-language PDF of LANG)
  MODE runts    no Chinese paragraph ending in a line of one character
                (one-column zh PDF)
  MODE keep     every heading of LANG is set, and its last line is not
                the last of its page (one-language PDF of LANG)
  MODE right    sign-offs of LANG end at the text block's right edge,
                where justified lines end (one-language PDF of LANG)
  MODE roles    the kicker stands above the title, smaller; captions
                are smaller than body text and flush left; editor's
                notes are set in from both sides (one-language PDF)
  MODE outline  every heading of LANG is in the outline (qpdf --json
                output in place of BBOX.html) at the depth of its level
  MODE bold     every speaker label and one-line heading of LANG is
                set in a bold face (pdftohtml -xml output in place of
                BBOX.html)
"""
import re
import sys
import xml.etree.ElementTree as ET

CLOSE = set('，。、；：？！）」』》”’')
OPEN = set('（「『《“‘')
HEAD_FRAC = 0.085          # running heads sit above this part of the page
# Bold faces by name: Linux Libertine's PostScript names end OB (bold)
# or OBI; pdftohtml's <b> is added as " Bold".
BOLD = r'Bold|Black|Heavy|Lin(Libertine|Biolinum)OB'


def unescape(s):
    return re.sub(r'\\(.)', lambda m: '\n' if m.group(1) == 'n' else m.group(1), s)


def parse_model(path):
    """Headers [(type, lang, text)] and blocks [(type, {lang: text},
    info)], info = dict(level=, sub=, spk={lang: label})."""
    heads, blocks = [], []
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('meta ') or line.startswith('    s:'):
            continue
        m = re.match(r'^  (zh|en)(.*)$', line)
        if m:
            rest = m.group(2)
            for i in [k.start() for k in re.finditer(': ', rest)]:
                pre, text = rest[:i], unescape(rest[i + 2:])
                pm = re.match(r'^( speaker=\[(.*?)\])?( enum=\[(.*?)\])?'
                              r'( lead=\[(.*)\])?$', pre)
                if pm:
                    blocks[-1][1][m.group(1)] = text
                    if pm.group(2):
                        blocks[-1][2]['spk'][m.group(1)] = unescape(pm.group(2))
                    break
            continue
        m = re.match(r'^(\w+)(?: ([\w-]+))? (zh|en): (.*)$', line)
        if m:
            # Sources are not typeset (the PDF's metadata may hold them).
            if m.group(1) != 'source':
                heads.append((m.group(1), m.group(3), unescape(m.group(4))))
            continue
        m = re.match(r'^(\w+)(?: level=(\d+))?(?: ([\w-]+))?$', line)
        if m:
            blocks.append((m.group(1), {}, dict(level=int(m.group(2) or 0),
                                                sub=m.group(3), spk={})))
    return heads, blocks


def strip(s):
    # U+2010: the hyphen a line broken inside a word ends in (its
    # glyph's own text; the PDF's /ActualText gives the word whole).
    return re.sub(r'[\s\u00ad\u2005\u2010]', '', s)


def parse_bbox(path):
    """Pages [(w, h, [line])], line = dict(x0, y0, x1, y1, text)."""
    data = open(path, encoding='utf-8').read()
    data = re.sub(r'<!DOCTYPE[^>]*>', '', data)
    data = data.replace('&nbsp;', ' ')
    root = ET.fromstring(data)
    pages = []
    for pg in root.iter('{http://www.w3.org/1999/xhtml}page'):
        w, h = float(pg.get('width')), float(pg.get('height'))
        lines = []
        for ln in pg.iter('{http://www.w3.org/1999/xhtml}line'):
            wds = list(ln.iter('{http://www.w3.org/1999/xhtml}word'))
            words = [wd.text or '' for wd in wds]
            lines.append(dict(x0=float(ln.get('xMin')), y0=float(ln.get('yMin')),
                              x1=float(ln.get('xMax')), y1=float(ln.get('yMax')),
                              text=' '.join(words),
                              words=[(float(wd.get('xMin')), float(wd.get('xMax')),
                                      wd.text or '', float(wd.get('yMin')),
                                      float(wd.get('yMax'))) for wd in wds]))
        pages.append((w, h, lines))
    return pages


def parse_stext(path):
    """mutool's stext as parse_bbox() gives pdftotext's, lines with
    base, the first character's baseline, and size.  mutool reads
    the glyphs, not /ActualText: a word broken with a hyphen is in two
    lines, as set."""
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
        # mutool keeps the order of the content, where a line can be
        # shown in pieces: one column is read by baselines.
        lines.sort(key=lambda l: (round(l['base'], 1), l['x0']))
        pages.append((w, h, lines))
    return pages


def parse_pages(path):
    """pdftotext -bbox-layout or mutool stext output, by its root."""
    with open(path, encoding='utf-8') as f:
        head = f.read(200)
    return parse_stext(path) if '<document' in head else parse_bbox(path)


def body_lines(pages):
    """Lines below the running head, in reading order per column."""
    out = []
    for n, (w, h, lines) in enumerate(pages):
        for ln in lines:
            if n > 0 and ln['y1'] < h * HEAD_FRAC:
                continue
            ln = dict(ln, page=n)
            out.append(ln)
    return out


def is_zh(s):
    return any('\u3000' <= c <= '\u9fff' or '\uff00' <= c <= '\uffef' for c in s)


fails = 0


def fail(msg):
    global fails
    fails += 1
    if fails <= 10:
        print('FAIL: ' + msg)


def check_text(heads, blocks, pages, lang):
    body = ''.join(strip(b[1][lang]) for b in blocks if lang in b[1])
    got = ''.join(strip(ln['text']) for ln in body_lines(pages))
    if not got.endswith(body):
        i = 0
        while i < min(len(got), len(body)) and got[-1 - i] == body[-1 - i]:
            i += 1
        fail('%s text differs from the model, %d chars from the end: '
             'pdf ...%s| model ...%s|' % (lang, i, got[max(0, len(got) - i - 20):len(got) - i],
                                          body[max(0, len(body) - i - 20):len(body) - i]))
        return
    title = got[:len(got) - len(body)]
    for t, l, text in heads:
        if l == lang and t != 'frontmatter' and strip(text) not in title:
            fail('%s header line missing from the title block: %s' % (lang, text))


def by_script(lines):
    """Lines split where their words turn from Chinese to English: a
    Chinese line ending in a hanging mark comes near enough to the
    English column for pdftotext to make one line of the two."""
    def script(w):
        return 'zh' if is_zh(w) else 'en' if re.search('[A-Za-z]', w) else None
    out = []
    for ln in lines:
        run, cur = [], None
        for w in ln.get('words', []) + [None]:
            k = script(w[2]) if w is not None else None
            if run and (w is None or (k is not None and cur is not None and k != cur)):
                out.append(dict(ln, x0=run[0][0], x1=run[-1][1],
                                y0=min(r[3] for r in run), y1=max(r[4] for r in run),
                                text=' '.join(r[2] for r in run)))
                run, cur = [], None
            if w is not None:
                run.append(w)
                cur = cur or k
    return out


def first_lines(blocks, stream, line_text=strip, prefix=None):
    """Each block's first line in each language's column: stream maps
    'zh' and 'en' to their lines in reading order; a block is found by
    its text (or its first prefix characters) after the one before.
    Returns [(segs, {lang: line})], or None after fail() naming a
    block that is not there."""
    text, starts = {}, {}
    for k, ls in stream.items():
        s, st = '', []
        for ln in ls:
            st.append(len(s))
            s += line_text(ln['text'])
        text[k], starts[k] = s, st
    ptr = {'zh': 0, 'en': 0}
    out = []
    for typ, segs, _ in blocks:
        first = {}
        for k in ('zh', 'en'):
            if k not in segs:
                continue
            t = strip(segs[k])[:prefix]
            i = text[k].find(t, ptr[k])
            if i < 0:
                fail('%s block not found in its column: %s' % (k, segs[k][:30]))
                return None
            ptr[k] = i + len(t)
            j = max(n for n, s in enumerate(starts[k]) if s <= i)
            first[k] = stream[k][j]
        out.append((segs, first))
    return out


def check_columns(blocks, pages):
    lines = by_script(body_lines(pages))
    stream = {'zh': [], 'en': []}
    for ln in lines:
        stream['zh' if is_zh(ln['text']) else 'en'].append(ln)
    for k in stream:
        stream[k].sort(key=lambda l: (l['page'], l['y0'], l['x0']))
    firsts = first_lines(blocks, stream)
    if firsts is None:
        return
    pairs = 0
    for segs, first in firsts:
        if len(first) == 2:
            pairs += 1
            a, b = first['zh'], first['en']
            # Baselines are shared (t_pdf_struct.sh measures them from
            # mutool's glyph origins); pdftotext's boxes are the fonts'
            # ascents above them, so the tops differ by up to 3 pt.
            if a['page'] != b['page'] or abs(a['y0'] - b['y0']) > 3:
                fail('pair not aligned: zh p%d y=%.2f, en p%d y=%.2f: %s' %
                     (a['page'] + 1, a['y0'], b['page'] + 1, b['y0'], segs['zh'][:20]))
    print('# %d aligned pairs checked' % pairs)


def check_zhlines(blocks, pages, flush=True):
    lines = [l for l in body_lines(pages) if is_zh(l['text'])]
    for ln in lines:
        t = strip(ln['text'])
        if t and t[0] in CLOSE:
            fail('line starts with %s: %s' % (t[0], t))
        if t and t[-1] in OPEN:
            fail('line ends with %s: %s' % (t[-1], t))
    # Justified lines: all lines of a one-column zh PDF not ending a
    # paragraph (or a forced line break) end at the same x.
    body = [strip(p) for b in blocks if 'zh' in b[1] for p in b[1]['zh'].split('\n')]
    ends, pos = set(), 0
    for p in body:
        pos += len(p)
        ends.add(pos)
    total = sum(len(p) for p in body)
    # pdftotext splits a line at a wide gap: join pieces on one baseline.
    every = []
    for ln in body_lines(pages):
        if every and every[-1]['page'] == ln['page'] and \
                abs(every[-1]['y1'] - ln['y1']) < 1 and ln['x0'] > every[-1]['x0']:
            every[-1] = dict(every[-1], x1=ln['x1'], text=every[-1]['text'] + ln['text'])
        else:
            every.append(ln)
    got = ''.join(strip(l['text']) for l in every)
    off = len(got) - total
    pos, right = 0, []
    for ln in every:
        t = strip(ln['text'])
        pos += len(t)
        if pos - off <= 0 or pos - off in ends or not is_zh(t):
            continue
        right.append((ln['page'] % 2, ln['x1'], t, ln['y1'] - ln['y0']))
    # A closing mark may end a line set half width or hanging: its box
    # (a whole em) then ends half an em or an em past the edge; an em
    # is some 0.7 of the line's box height.
    for par in ((0, 1) if flush else ()):
        xs = sorted(x for p, x, t, h in right if p == par)
        if not xs:
            continue
        med = xs[len(xs) // 2]
        bad = [(x, t) for p, x, t, h in right if p == par and abs(x - med) > 0.5 and
               not (t[-1] in CLOSE and 0 < x - med <= 0.75 * h + 0.5)]
        if bad:
            fail('%d of %d justified Chinese lines not flush right (median %.2f, e.g. %.2f: %s)'
                 % (len(bad), len(xs), med, bad[0][0], bad[0][1]))
    print('# %d Chinese lines, %d justified' % (len(lines), len(right)))


def block_lines(blocks, pages, lang, boxes=False):
    """The paragraphs of LANG and, for each, its lines [(page, text)],
    or with boxes the lines as parse_bbox() gives them."""
    texts = [strip(b[1][lang]) for b in blocks if lang in b[1]]
    ends, n = [], 0
    for t in texts:
        n += len(t)
        ends.append(n)
    full = body_lines(pages)
    lines = [(ln['page'], strip(ln['text'])) for ln in full]
    pos = len(texts) and -(sum(len(t) for _, t in lines) - n)
    where = [[] for _ in texts]
    b = 0
    for k, (page, t) in enumerate(lines):
        start, pos = pos, pos + len(t)
        if pos <= 0 or not t:
            continue                # the title block
        while b < len(ends) and ends[b] <= max(start, 0):
            b += 1
        if b < len(where):
            where[b].append(full[k] if boxes else (page, t))
    return texts, where


def check_widows(blocks, pages, lang):
    texts, where = block_lines(blocks, pages, lang)
    for i, w in enumerate(where):
        if len(w) >= 3 and w[-1][0] != w[-2][0]:
            fail('%s paragraph %d: its last line is alone on page %d: %s'
                 % (lang, i + 1, w[-1][0] + 1, texts[i][-20:]))
    print('# %d %s paragraphs, %d over a page break' %
          (len(texts), lang, sum(1 for w in where if len(set(p for p, _ in w)) > 1)))


def check_runts(blocks, pages):
    """No Chinese paragraph ends with a line of one character."""
    texts, where = block_lines(blocks, pages, 'zh')
    runts = [(i, w[-1][1]) for i, w in enumerate(where)
             if len(w) >= 2 and sum(1 for c in w[-1][1] if c.isalnum()) <= 1]
    for i, t in runts:
        fail('zh paragraph %d ends with a line of one character: %s' % (i + 1, t))
    print('# %d zh paragraphs, %d of several lines, %d runts' %
          (len(texts), sum(1 for w in where if len(w) >= 2), len(runts)))


def block_index(blocks, lang):
    """Index into block_lines()'s lists of each block of LANG."""
    idx, n = {}, 0
    for i, b in enumerate(blocks):
        if lang in b[1]:
            idx[i] = n
            n += 1
    return idx


def check_keep(blocks, pages, lang):
    """Headings are set, and each goes on the page of what follows."""
    texts, where = block_lines(blocks, pages, lang)
    idx = block_index(blocks, lang)
    n = 0
    for i, b in enumerate(blocks):
        if b[0] != 'heading' or i not in idx:
            continue
        n += 1
        k = idx[i]
        got = ''.join(t for _, t in where[k])
        if got != texts[k]:
            fail('%s heading %s set as %s' % (lang, texts[k], got))
            continue
        if k + 1 < len(where) and where[k + 1] and \
                where[k + 1][0][0] != where[k][-1][0]:
            fail('%s heading ends page %d: %s' % (lang, where[k][-1][0] + 1, texts[k]))
    print('# %d %s headings' % (n, lang))
    if n == 0:
        fail('no %s headings in the model' % lang)


def check_right(blocks, pages, lang):
    """Sign-offs end where the justified lines of their page end."""
    texts, where = block_lines(blocks, pages, lang)
    idx = block_index(blocks, lang)
    lines = body_lines(pages)
    n = 0
    for i, b in enumerate(blocks):
        if b[0] != 'signoff' or i not in idx:
            continue
        for page, t in where[idx[i]]:
            mine = [l for l in lines if l['page'] == page and strip(l['text']) == t]
            # The text block's right edge: the most common line end.
            ends = [round(l['x1'], 1) for l in lines if l['page'] % 2 == page % 2]
            edge = max(set(ends), key=ends.count)
            for l in mine:
                n += 1
                if abs(l['x1'] - edge) > 0.5:
                    fail('%s sign-off ends at x=%.2f, not at the right edge %.2f: %s'
                         % (lang, l['x1'], edge, t))
                else:
                    print('# %s sign-off line ends at %.2f, edge %.2f' % (lang, l['x1'], edge))
    if n == 0:
        fail('no %s sign-off lines found' % lang)


def edges(lines):
    """The text block's left and right edge on even and odd pages:
    where most lines start and end."""
    e = {}
    for par in (0, 1):
        xs0 = [round(l['x0'], 1) for l in lines if l['page'] % 2 == par]
        xs1 = [round(l['x1'], 1) for l in lines if l['page'] % 2 == par]
        if xs0:
            e[par] = (max(set(xs0), key=xs0.count), max(set(xs1), key=xs1.count))
    return e


def check_roles(heads, blocks, pages, lang):
    """Kicker above the title and smaller; captions smaller than body
    lines and flush left; editor's notes set in from both sides."""
    texts, where = block_lines(blocks, pages, lang, boxes=True)
    idx = block_index(blocks, lang)
    edge = edges(body_lines(pages))
    body = sorted(l['y1'] - l['y0'] for i, b in enumerate(blocks)
                  if b[0] == 'para' and i in idx for l in where[idx[i]])
    if not body:
        fail('no %s paragraphs' % lang)
        return
    bh = body[len(body) // 2]
    first = pages[0][2]

    def find(text):
        return [l for l in first if strip(l['text']) and strip(l['text']) in strip(text)]
    kick = [t for typ, l, t in heads if typ == 'kicker' and l == lang]
    title = [t for typ, l, t in heads if typ == 'title' and l == lang]
    for k in kick:
        kl, tl = find(k), find(title[0]) if title else []
        if not kl or not tl:
            fail('%s kicker or title not found on page 1: %s' % (lang, k))
        elif not (kl[0]['y1'] <= tl[0]['y0'] + 0.5 and
                  kl[0]['y1'] - kl[0]['y0'] < tl[0]['y1'] - tl[0]['y0']):
            fail('%s kicker not above the title and smaller: %s' % (lang, k))
        else:
            print('# %s kicker %.1f pt high above title %.1f pt high' %
                  (lang, kl[0]['y1'] - kl[0]['y0'], tl[0]['y1'] - tl[0]['y0']))
    n = {'caption': 0, 'note': 0}
    for i, b in enumerate(blocks):
        if b[0] not in n or i not in idx:
            continue
        for j, l in enumerate(where[idx[i]]):
            n[b[0]] += 1
            left, right = edge[l['page'] % 2]
            h = l['y1'] - l['y0']
            if b[0] == 'caption' and (h >= bh - 0.1 or abs(l['x0'] - left) > 0.5):
                fail('%s caption line %.1f pt high (body %.1f) at x=%.1f (left %.1f): %s'
                     % (lang, h, bh, l['x0'], left, l['text']))
            if b[0] == 'note' and (l['x0'] < left + 1 or l['x1'] > right - 1):
                fail('%s note line %.1f-%.1f not inside %.1f-%.1f: %s'
                     % (lang, l['x0'], l['x1'], left, right, l['text']))
    print('# %s: %d caption lines, %d note lines; body lines %.1f pt high'
          % (lang, n['caption'], n['note'], bh))
    if not kick or not n['caption'] or not n['note']:
        fail('%s kicker, caption or note missing from the model' % lang)


def check_outline(blocks, path, lang):
    """Each heading is an outline item at depth level (the title is
    depth 0), its title starting with the heading's text in LANG."""
    import json
    items = []

    def walk(kids, depth):
        for k in kids:
            items.append((depth, k.get('title', '')))
            walk(k.get('kids', []), depth + 1)
    walk(json.load(open(path, encoding='utf-8')).get('outlines', []), 0)
    n = 0
    for typ, segs, info in blocks:
        if typ != 'heading':
            continue
        if lang not in segs:
            continue
        t = strip(segs[lang])
        hit = [d for d, title in items if strip(title).startswith(t)]
        n += 1
        if not hit:
            fail('heading not in the outline: %s' % t)
        elif info['level'] not in hit:
            fail('heading of level %d at outline depth %s: %s' % (info['level'], hit, t))
    print('# %d headings, %d outline items' % (n, len(items)))
    if n == 0:
        fail('no headings in the model')


def check_bold(blocks, path, lang):
    """Speaker labels of LANG are runs in a bold face (pdftohtml -xml)."""
    root = ET.parse(path).getroot()
    fonts = {f.get('id'): f.get('family') for f in root.iter('fontspec')}
    # pdftohtml names the family without its style, and marks a bold
    # face's runs <b>.
    runs = [(fonts.get(t.get('font'), '') + (' Bold' if t.find('b') is not None else ''),
             strip(''.join(t.itertext()))) for t in root.iter('text')]
    n = 0
    for typ, segs, info in blocks:
        label = info['spk'].get(lang)
        if not label:
            continue
        n += 1
        lab = strip(label)
        fam = [f for f, t in runs if t == lab or (t.startswith(lab) and len(lab) > 1)]
        if not fam:
            fail('%s speaker label not set apart: %s' % (lang, label))
        elif not all(re.search(BOLD, f) for f in fam):
            fail('%s speaker label %s in %s' % (lang, label, fam))
    print('# %d %s speaker labels' % (n, lang))
    if n == 0:
        fail('no %s speaker labels in the model' % lang)
    # Headings of one line too.
    h = 0
    for typ, segs, info in blocks:
        if typ != 'heading' or lang not in segs:
            continue
        t = strip(segs[lang])
        fam = [f for f, r in runs if r == t]
        h += len(fam)
        if fam and not all(re.search(BOLD, f) for f in fam):
            fail('%s heading %s in %s' % (lang, t, fam))
    print('# %d %s one-line headings' % (h, lang))


def main():
    mode, model, bbox = sys.argv[1:4]
    heads, blocks = parse_model(model)
    if mode == 'outline':
        check_outline(blocks, bbox, sys.argv[4])
        sys.exit(1 if fails else 0)
    if mode == 'bold':
        check_bold(blocks, bbox, sys.argv[4])
        sys.exit(1 if fails else 0)
    pages = parse_pages(bbox)
    if mode == 'text':
        check_text(heads, blocks, pages, sys.argv[4])
    elif mode == 'columns':
        check_columns(blocks, pages)
    elif mode == 'zhlines':
        check_zhlines(blocks, pages)
    elif mode == 'zhrules':
        check_zhlines(blocks, pages, flush=False)
    elif mode == 'widows':
        check_widows(blocks, pages, sys.argv[4])
    elif mode == 'runts':
        check_runts(blocks, pages)
    elif mode == 'keep':
        check_keep(blocks, pages, sys.argv[4])
    elif mode == 'roles':
        check_roles(heads, blocks, pages, sys.argv[4])
    elif mode == 'right':
        check_right(blocks, pages, sys.argv[4])
    else:
        sys.exit('unknown mode ' + mode)
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
