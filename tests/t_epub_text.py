# Compare the text of each language in an EPUB content document with
# the model text that `docconv --dump-model` printed (stdin), and the
# roles of its blocks: one pair per block, classed by type and kind;
# headings as h2-h4 and listed in the contents with every other part;
# a turn's speaker label set off; editor's notes marked as notes.
# Usage: python3 t_epub_text.py text.xhtml nav.xhtml < model.txt
# Exit 0 if equal, 1 with a diff-like report otherwise.  Standard
# library only.
import re
import sys
import xml.etree.ElementTree as ET

XH = '{http://www.w3.org/1999/xhtml}'
XL = '{http://www.w3.org/XML/1998/namespace}lang'
EP = '{http://www.idpf.org/2007/ops}type'
HEADERS = {'collection', 'kicker', 'title', 'subtitle', 'occasion', 'speaker',
           'role', 'dateplace', 'dateline', 'byline', 'source', 'frontmatter'}
BLOCKS = {'salutation', 'vocative', 'heading', 'note', 'para', 'turn',
          'caption', 'closing', 'signoff'}
fails = []


def fail(msg):
    fails.append(msg)


def unescape(s):
    return re.sub(r'\\(.)', lambda m: '\n' if m.group(1) == 'n' else m.group(1), s)


def norm(lang, s, verbatim=False):
    # The renderer drops newlines in Chinese and makes them spaces in
    # English (xhtml.c: epub_text()).
    if verbatim:
        return s
    return s.replace('\n', '' if lang == 'zh' else ' ')


def head_ok(head, text):
    """Whether head is ' enum=[E]', ' lead=[L]' or both, E and L
    prefixes of text (all as the dump escapes them)."""
    if head.startswith(' lead=[') and head.endswith(']'):
        if text.startswith(head[7:-1]):
            return True
    if not (head.startswith(' enum=[') and head.endswith(']')):
        return False
    body = head[7:-1]
    if text.startswith(body):
        return True
    pos = body.find('] lead=[')
    while pos >= 0:
        e, lead = body[:pos], body[pos + 8:]
        if text.startswith(lead) and lead.startswith(e):
            return True
        pos = body.find('] lead=[', pos + 1)
    return False


def parse_rest(rest):
    """' enum=[E] lead=[L]: T' -> T, or None."""
    if rest.startswith(': '):
        return rest[2:]
    pos = rest.find(']: ')
    while pos >= 0:
        if head_ok(rest[:pos + 1], rest[pos + 3:]):
            return rest[pos + 3:]
        pos = rest.find(']: ', pos + 1)
    return None


def parse_seg(line):
    """'  zh speaker=[S] enum=[E] lead=[L]: T' -> (lang, T, S), or None;
    S is '' where the seg names no speaker."""
    lang, rest = line[2:4], line[4:]
    if rest.startswith(' speaker=['):
        pos = rest.find(']', 10)
        while pos >= 0:
            spk, t = rest[10:pos], parse_rest(rest[pos + 1:])
            if t is not None and t.startswith(spk):
                return lang, t, spk
            pos = rest.find(']', pos + 1)
        return None
    t = parse_rest(rest)
    return None if t is None else (lang, t, '')


def model(lines):
    """Header texts and seg texts per language, and the blocks: dicts
    of type, kind (sub), level and segs {lang: (text, speaker)}."""
    head = {'zh': [], 'en': []}
    segs = {'zh': [], 'en': []}
    blocks = []
    heads = []
    for line in lines:
        line = line.rstrip('\n')
        if line.startswith('meta ') or line.startswith('    '):
            continue
        m = re.match(r'([a-z]+)(?: level=(\d+))?(?: ([a-z-]+))?$', line)
        if m and m.group(1) in BLOCKS:
            blocks.append({'type': m.group(1), 'sub': m.group(3),
                           'level': int(m.group(2) or 0), 'segs': {}})
            continue
        if line.startswith('  '):
            r = parse_seg(line) if line[2:4] in ('zh', 'en') else None
            if r is None or not blocks:
                fail('cannot read model line: ' + line)
                continue
            text = norm(r[0], unescape(r[1]))
            segs[r[0]].append(text)
            blocks[-1]['segs'][r[0]] = (text, norm(r[0], unescape(r[2])))
            continue
        m = re.match(r'([a-z]+)(?: ([a-z-]+))? (zh|en): (.*)$', line)
        if m and m.group(1) in HEADERS:
            t = norm(m.group(3), unescape(m.group(4)),
                     m.group(1) == 'frontmatter')
            head[m.group(3)].append(t)
            heads.append((m.group(1), m.group(3), t))
        elif line.strip():
            fail('unknown model line: ' + line)
    return head, segs, blocks, heads


def classes(el):
    return (el.get('class') or '').split()


def check_blocks(text, nav, blocks, heads):
    """One pair per model block, in order, with the block's roles."""
    body = text.find(XH + 'body')
    main = body.find(XH + 'main')
    if main is None:
        fail('no <main> in the text')
        return
    pairs = [el for el in main.iter(XH + 'div') if 'pair' in classes(el)]
    if len(pairs) != len(blocks):
        fail('%d blocks in the model, %d pairs in the XHTML' %
             (len(blocks), len(pairs)))
        return
    toc = [n for n in nav.iter(XH + 'nav') if n.get(EP) == 'toc']
    hrefs = {a.get('href') for a in toc[0].iter(XH + 'a')} if toc else set()
    for b, el in zip(blocks, pairs):
        cls = classes(el)
        what = '%s block %s' % (b['type'], el.get('id'))
        if b['type'] not in cls or (b['sub'] and b['sub'] not in cls):
            fail('%s: class %r lacks its type or kind' % (what, cls))
        units = [u for u in el if 'u' in classes(u)]
        tags = {u.tag[len(XH):] for u in units}
        if b['type'] == 'heading':
            if not tags or not tags <= {'h2', 'h3', 'h4'} or \
                    int(min(tags)[1]) > b['level'] + 1:
                fail('%s (level %d) set as %r' % (what, b['level'], tags))
        elif tags != {'p'}:
            fail('%s set as %r, not <p>' % (what, tags))
        if b['type'] == 'note' and el.get('role') != 'note':
            fail('%s: no role="note"' % what)
        if b['type'] in ('heading', 'vocative'):
            sec = parents.get(el)
            if sec is None or sec.tag != XH + 'section' or \
                    'text.xhtml#' + (sec.get('id') or '') not in hrefs:
                fail('%s: its part is not in the contents' % what)
        spoken = False
        for u in units:
            lang = (u.get('lang') or text.get('lang')).split('-')[0]
            spk = b['segs'].get(lang, ('', ''))[1]
            b0 = u[0] if len(u) and u[0].tag == XH + 'b' and \
                'speaker' in classes(u[0]) else None
            if spk:
                spoken = True
                if b0 is None or (u.text or '') or \
                        ''.join(b0.itertext()) != spk:
                    fail('%s: speaker %r not set off in <b class="speaker">'
                         % (what, spk))
            elif b0 is not None:
                fail('%s: a speaker where the model has none' % what)
        if b['type'] == 'turn' and spoken == ('more' in cls):
            fail('%s: class %r, speaker %s' % (what, cls, spoken))
    # The kicker stands over the title.
    h1 = body.find(XH + 'header/' + XH + 'h1')
    before = []
    for el in body.find(XH + 'header'):
        if el is h1:
            break
        before.append(''.join(el.itertext()))
    for kind, lang, t in heads:
        if kind == 'kicker' and t not in before:
            fail('kicker %r is not over the title' % t)


def walk(el, lang, out):
    """Yield (element, language) in document order."""
    lg = el.get('lang')
    xl = el.get(XL)
    if lg is not None or xl is not None:
        if lg != xl:
            fail('lang=%r but xml:lang=%r on <%s>' % (lg, xl, el.tag[len(XH):]))
        lang = lg.split('-')[0] if lg else lg   # zh-Hant is zh
    out.append((el, lang))
    for c in el:
        walk(c, lang, out)


def units(root):
    els = []
    walk(root, None, els)
    head = {'zh': [], 'en': []}
    segs = {'zh': [], 'en': []}
    for el, lang in els:
        if 'u' not in (el.get('class') or '').split():
            continue
        if lang not in head:
            fail('unit without a known language: %r' % el.get('class'))
            continue
        text = ''.join(el.itertext())
        # A unit is in the title page (header) or in the text (main).
        where = head if el.tag in (XH + 'p', XH + 'span', XH + 'pre') and \
            in_header(el) else segs
        where[lang].append(text)
    return head, segs


parents = {}


def in_header(el):
    """In the title page, or the verbatim front matter after the text."""
    while el is not None:
        if el.tag in (XH + 'header', XH + 'footer'):
            return True
        el = parents.get(el)
    return False


def main():
    text = ET.parse(sys.argv[1]).getroot()
    nav = ET.parse(sys.argv[2]).getroot()
    for p in text.iter():
        for c in p:
            parents[c] = p
    if text.get('lang') is None or text.get('lang') != text.get(XL):
        fail('<html> needs lang and xml:lang, equal')
    # No line break inside Chinese text: it would show as a space.
    els = []
    walk(text.find(XH + 'body'), text.get('lang'), els)
    for el, lang in els:
        if lang != 'zh' or el.tag == XH + 'pre':
            continue
        for t in (el.text, el.tail):
            if t and '\n' in t and t.strip():
                fail('line break in Chinese text: %r' % t[:60])
    mhead, msegs, mblocks, mheads = model(sys.stdin)
    xhead, xsegs = units(text)
    for lang in ('zh', 'en'):
        if sorted(mhead[lang]) != sorted(xhead[lang]):
            fail('%s header lines differ:\n  model: %r\n  xhtml: %r' %
                 (lang, sorted(mhead[lang]), sorted(xhead[lang])))
        if msegs[lang] != xsegs[lang]:
            for i, (a, b) in enumerate(zip(msegs[lang], xsegs[lang])):
                if a != b:
                    fail('%s block %d differs:\n  model: %r\n  xhtml: %r' %
                         (lang, i + 1, a[:200], b[:200]))
                    break
            else:
                fail('%s: %d blocks in the model, %d in the XHTML' %
                     (lang, len(msegs[lang]), len(xsegs[lang])))
    check_blocks(text, nav, mblocks, mheads)
    # Navigation: a toc nav with its ARIA role, and landmarks.
    navs = {n.get(EP): n for n in nav.iter(XH + 'nav')}
    if 'toc' not in navs or navs['toc'].get('role') != 'doc-toc':
        fail('nav.xhtml: no <nav epub:type="toc" role="doc-toc">')
    if 'landmarks' not in navs:
        fail('nav.xhtml: no landmarks nav')
    walk(nav, None, [])
    n = sum(len(v) for v in msegs.values()) + sum(len(v) for v in mhead.values())
    for f in fails:
        print('FAIL: ' + f)
    if not fails:
        print('ok: %d model texts found in the XHTML with their languages' % n)
    return 1 if fails else 0


sys.exit(main())
