# Compare the text of each language in an EPUB content document with
# the model text that `docconv --dump-model` printed (stdin).
# Usage: python3 t_epub_text.py text.xhtml nav.xhtml < model.txt
# Exit 0 if equal, 1 with a diff-like report otherwise.  Standard
# library only.
import re
import sys
import xml.etree.ElementTree as ET

XH = '{http://www.w3.org/1999/xhtml}'
XL = '{http://www.w3.org/XML/1998/namespace}lang'
EP = '{http://www.idpf.org/2007/ops}type'
HEADERS = {'collection', 'title', 'subtitle', 'occasion', 'speaker', 'role',
           'dateplace', 'dateline', 'byline', 'frontmatter'}
BLOCKS = {'salutation', 'vocative', 'para', 'closing'}
fails = []


def fail(msg):
    fails.append(msg)


def unescape(s):
    return re.sub(r'\\(.)', lambda m: '\n' if m.group(1) == 'n' else m.group(1), s)


def norm(lang, s, verbatim=False):
    # The renderer drops newlines in Chinese and makes them spaces in
    # English (render_epub.c: epub_text()).
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


def parse_seg(line):
    """'  zh enum=[E] lead=[L]: T' -> (lang, T), or None."""
    lang, rest = line[2:4], line[4:]
    if rest.startswith(': '):
        return lang, rest[2:]
    pos = rest.find(']: ')
    while pos >= 0:
        if head_ok(rest[:pos + 1], rest[pos + 3:]):
            return lang, rest[pos + 3:]
        pos = rest.find(']: ', pos + 1)
    return None


def model(lines):
    head = {'zh': [], 'en': []}
    segs = {'zh': [], 'en': []}
    for line in lines:
        line = line.rstrip('\n')
        if line.startswith('meta ') or line.startswith('    ') or line in BLOCKS:
            continue
        if line.startswith('  '):
            r = parse_seg(line) if line[2:4] in ('zh', 'en') else None
            if r is None:
                fail('cannot read model line: ' + line)
                continue
            segs[r[0]].append(norm(r[0], unescape(r[1])))
            continue
        m = re.match(r'([a-z]+) (zh|en): (.*)$', line)
        if m and m.group(1) in HEADERS:
            head[m.group(2)].append(norm(m.group(2), unescape(m.group(3)),
                                         m.group(1) == 'frontmatter'))
        elif line.strip():
            fail('unknown model line: ' + line)
    return head, segs


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
    mhead, msegs = model(sys.stdin)
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
