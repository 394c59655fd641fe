"""Checks for t_meta.sh: each key of the publisher's metadata where the
TEI, the EPUB's package and the web page keep it.  python3 t_meta.py
CHECK ARGS... (checks.py)."""
import json
import re
import xml.etree.ElementTree as ET

import checks
from checks import fail


def tei(*argv):
    """The TEI header of t_meta.sh's notice keeps every key."""
    ns = {'t': 'http://www.tei-c.org/ns/1.0'}
    XL = '{http://www.w3.org/XML/1998/namespace}lang'
    r = ET.parse(argv[0]).getroot()
    fd = r.find('t:teiHeader/t:fileDesc', ns)
    bad = []
    def want(path, text, attr=None, val=None):
        e = fd.find(path, ns)
        if e is None:
            bad.append('no ' + path); return
        if text is not None and ''.join(e.itertext()).strip() != text:
            bad.append('%s is %r, not %r' % (path, ''.join(e.itertext()), text))
        if attr is not None and e.get(attr) != val:
            bad.append('%s/@%s is %r, not %r' % (path, attr, e.get(attr), val))
    want('t:publicationStmt/t:publisher', 'Example Press')
    want('t:publicationStmt/t:idno[@type="ISBN"]', '9780000000002')
    want('t:publicationStmt/t:availability/t:licence', 'CC-BY-SA-4.0', 'target',
         'https://spdx.org/licenses/CC-BY-SA-4.0.html')
    want('t:seriesStmt/t:title', 'City Notices')
    resp = {s.findtext('t:resp', None, ns): s.findtext('t:name', None, ns)
            for s in fd.findall('t:titleStmt/t:respStmt', ns)}
    for k, v in (('editor', 'Wang Fang'), ('translator', 'Chen Yu')):
        if resp.get(k) != v:
            bad.append('titleStmt respStmt %s is %r, not %r' % (k, resp.get(k), v))
    want('t:sourceDesc/t:bibl/t:ref[@type="source"]',
         'https://archive.example.net/notices/2024-03', 'target',
         'https://archive.example.net/notices/2024-03')
    refs = fd.findall('t:sourceDesc/t:bibl/t:ref', ns)
    if len(refs) != 1:
        bad.append('bibl has %d refs: the user\'s source replaces the text\'s' % len(refs))
    if '周文' in ''.join(fd.find('t:sourceDesc', ns).itertext()):
        bad.append('the editor the text named is still in sourceDesc')
    langs = {e.get(XL) for e in fd.findall('t:titleStmt/t:title', ns)}
    if langs != {'zh-Hans', 'en-GB'}:
        bad.append('title languages %r' % langs)
    idents = {e.get('ident') for e in r.findall('.//t:langUsage/t:language', ns)}
    if idents != {'zh-Hans', 'en-GB'}:
        bad.append('langUsage %r' % idents)
    for b in bad:
        fail('TEI: ' + b)


def epub(*argv):
    """The EPUB package document (OPF) keeps every key."""
    O = '{http://www.idpf.org/2007/opf}'
    D = '{http://purl.org/dc/elements/1.1/}'
    m = ET.parse(argv[0]).getroot().find(O + 'metadata')
    bad = []
    def texts(tag):
        return [e.text for e in m.findall(D + tag)]
    def refine(id_, prop):
        return [e.text for e in m.findall(O + 'meta')
                if e.get('refines') == '#' + id_ and e.get('property') == prop]
    if texts('publisher') != ['Example Press']:
        bad.append('dc:publisher %r' % texts('publisher'))
    if texts('rights') != ['CC-BY-SA-4.0']:
        bad.append('dc:rights %r' % texts('rights'))
    src = texts('source')
    if 'https://archive.example.net/notices/2024-03' not in src or \
            'https://library.example.org/notices/night-reading' in src:
        bad.append('dc:source %r' % src)
    ids = {e.get('id'): e.text for e in m.findall(D + 'identifier')}
    if ids.get('isbn') != 'urn:isbn:9780000000002':
        bad.append('ISBN identifier %r' % ids)
    if refine('isbn', 'identifier-type') != ['15']:
        bad.append('ISBN identifier-type %r' % refine('isbn', 'identifier-type'))
    con = {e.get('id'): e.text for e in m.findall(D + 'contributor')}
    for id_, name, role in (('editor', 'Wang Fang', 'edt'),
                            ('translator', 'Chen Yu', 'trl')):
        if con.get(id_) != name or refine(id_, 'role') != [role]:
            bad.append('contributor %s: %r %r' % (id_, con.get(id_), refine(id_, 'role')))
    coll = [e for e in m.findall(O + 'meta')
            if e.get('property') == 'belongs-to-collection']
    if [e.text for e in coll] != ['City Notices'] or \
            refine(coll[0].get('id'), 'collection-type') != ['series']:
        bad.append('series %r' % [e.text for e in coll])
    if texts('language') != ['zh-Hans', 'en-GB']:
        bad.append('dc:language %r' % texts('language'))
    for b in bad:
        fail('EPUB: ' + b)


def html(*argv):
    """The web page's lang, JSON-LD, Open Graph and colophon."""
    h = open(argv[0], encoding='utf-8').read()
    bad = []
    if '<html lang="zh-Hans">' not in h:
        bad.append('html lang')
    m = re.search(r'<script type="application/ld\+json">(.*?)</script>', h, re.S)
    j = json.loads(m.group(1)) if m else {}
    for k, v in (('publisher', {'@type': 'Organization', 'name': 'Example Press'}),
                 ('editor', {'@type': 'Person', 'name': 'Wang Fang'}),
                 ('translator', {'@type': 'Person', 'name': 'Chen Yu'}),
                 ('isPartOf', {'@type': 'CreativeWorkSeries', 'name': 'City Notices'}),
                 ('license', 'https://spdx.org/licenses/CC-BY-SA-4.0.html'),
                 ('isBasedOn', 'https://archive.example.net/notices/2024-03'),
                 ('inLanguage', ['zh-Hans', 'en-GB'])):
        if j.get(k) != v:
            bad.append('JSON-LD %s is %r' % (k, j.get(k)))
    if j.get('identifier', {}).get('value') != '9780000000002':
        bad.append('JSON-LD ISBN %r' % j.get('identifier'))
    if '<meta property="og:site_name" content="Example Press"/>' not in h:
        bad.append('og:site_name')
    # The colophon shows them to the reader, the licence linked.
    for c in ('<p class="publisher zh" lang="zh-Hans"><span class="label">出版：</span><span lang="en-GB">Example Press</span></p>',
              '<a href="https://spdx.org/licenses/CC-BY-SA-4.0.html" rel="license">CC-BY-SA-4.0</a>',
              '<span lang="en-GB">Chen Yu</span>', '<span class="label">ISBN </span><span lang="zh-Hans">9780000000002</span>'):
        if c not in h:
            bad.append('colophon lacks ' + c)
    for b in bad:
        fail('HTML: ' + b)


checks.main(globals())
