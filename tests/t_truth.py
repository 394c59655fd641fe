"""Checks for t_truth.sh: what each output says its title, its
publisher's metadata and its addresses are.  python3 t_truth.py CHECK
ARGS... (checks.py)."""
import json
import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile

import checks
from checks import fail, text, want

TEI = '{http://www.tei-c.org/ns/1.0}'
OPF = '{http://www.idpf.org/2007/opf}'
DC = '{http://purl.org/dc/elements/1.1/}'
XH = '{http://www.w3.org/1999/xhtml}'


def _pdfinfo(pdf, *opt):
    return subprocess.run(['pdfinfo'] + list(opt) + [pdf],
                          capture_output=True, text=True).stdout


def _pdf_title(pdf):
    m = re.search(r'^Title:\s*(.*)$', _pdfinfo(pdf), re.M)
    return m.group(1) if m else None


def title(base, x, old):
    """base.{pdf,epub,html,tei.xml} all say x, never old, as title."""
    want('PDF Title', _pdf_title(base + '.pdf'), x)
    txt = subprocess.run(['pdftotext', base + '.pdf', '-'],
                         capture_output=True, text=True).stdout
    if x not in txt:
        fail('the PDF text lacks %r' % x)
    if old in txt:
        fail('the PDF text still has %r' % old)
    with zipfile.ZipFile(base + '.epub') as z:
        opf = ET.fromstring(z.read('EPUB/package.opf'))
        page = z.read('EPUB/text.xhtml').decode()
    t = [e.text for e in opf.iter(DC + 'title')]
    want('OPF first dc:title', t[0] if t else None, x)
    h1 = ET.fromstring(page).find('.//%sh1' % XH)
    want('EPUB title page h1', text(h1), x)
    if old in page:
        fail('the EPUB text still has %r' % old)
    html = open(base + '.html', encoding='utf-8').read()
    m = re.search(r'<title>(.*?)</title>', html)
    want('web page <title>', m.group(1) if m else None, x)
    m = re.search(r'<h1 class="title"[^>]*>(.*?)</h1>', html, re.S)
    want('web page h1', re.sub(r'<[^>]*>', '', m.group(1)).strip()
         if m else None, x)
    tei = ET.parse(base + '.tei.xml').getroot()
    ts = tei.find('%steiHeader/%sfileDesc/%stitleStmt' % (TEI, TEI, TEI))
    want('TEI titleStmt main title',
         text(ts.find('%stitle[@type="main"]' % TEI)), x)
    tp = [text(e) for e in tei.iter(TEI + 'titlePart')
          if e.get('type') == 'main']
    want('TEI title lines', tp, [x])


def pub(base, publisher, translator):
    """Every output of base names the publisher and the translator: the
    TEI, the EPUB's package, the PDF's Keywords, the web page's JSON-LD,
    the JSON model and the TMX's header."""
    tei = ET.parse(base + '.tei.xml').getroot()
    fd = tei.find('%steiHeader/%sfileDesc' % (TEI, TEI))
    want('TEI publisher', text(fd.find('%spublicationStmt/%spublisher' %
                                       (TEI, TEI))), publisher)
    resp = {text(s.find(TEI + 'resp')): text(s.find(TEI + 'name'))
            for s in fd.iter(TEI + 'respStmt')}
    want('TEI translator', resp.get('translator'), translator)
    with zipfile.ZipFile(base + '.epub') as z:
        opf = ET.fromstring(z.read('EPUB/package.opf'))
    want('OPF dc:publisher', [e.text for e in opf.iter(DC + 'publisher')],
         [publisher])
    want('OPF translator', {e.get('id'): e.text for e in
                            opf.iter(DC + 'contributor')}.get('translator'),
         translator)
    kw = re.search(r'^Keywords:\s*(.*)$', _pdfinfo(base + '.pdf'), re.M)
    kw = kw.group(1) if kw else ''
    for k in ('publisher: ' + publisher, 'translator: ' + translator):
        if k not in kw:
            fail('PDF Keywords %r lack %r' % (kw, k))
    html = open(base + '.html', encoding='utf-8').read()
    m = re.search(r'<script type="application/ld\+json">(.*?)</script>',
                  html, re.S)
    ld = json.loads(m.group(1)) if m else {}
    want('JSON-LD publisher', ld.get('publisher', {}).get('name'), publisher)
    want('JSON-LD translator', ld.get('translator', {}).get('name'),
         translator)
    j = json.load(open(base + '.json', encoding='utf-8'))
    want('JSON publication', j['meta'].get('publication'),
         {'publisher': publisher, 'translator': translator})
    hd = ET.parse(base + '.tmx').getroot().find('header')
    props = {p.get('type'): p.text for p in hd.iter('prop')}
    want('TMX header publisher', props.get('x-docconv-publisher'),
         publisher)
    want('TMX header translator', props.get('x-docconv-translator'),
         translator)


def retitle(src, dst, lang, x):
    """Write src's JSON model with the title lines of lang made x."""
    j = json.load(open(src, encoding='utf-8'))
    hs = [h for h in j['header'] if h['type'] == 'title' and
          h['lang'] == lang]
    hs[0]['text'] = x
    for h in hs[1:]:
        j['header'].remove(h)
    json.dump(j, open(dst, 'w', encoding='utf-8'), ensure_ascii=False)


def pdftitle(pdf, x, old):
    """The PDF's Title metadata names x, not old (the other language's
    title may stand beside it)."""
    t = _pdf_title(pdf) or ''
    if x not in t.split(' / ') or old in t:
        fail('PDF Title is %r: not %r' % (t, x))


def url(base, addr):
    """Every output of base points at addr: the TEI's ref targets, the
    EPUB's dc:source (beside the file name) and its source line's link, the web page's
    link and JSON-LD isBasedOn, the PDF's XMP dc:source."""
    tei = ET.parse(base + '.tei.xml').getroot()
    want('TEI ref targets', sorted({e.get('target') for e in
                                    tei.iter(TEI + 'ref')}), [addr])
    with zipfile.ZipFile(base + '.epub') as z:
        opf = ET.fromstring(z.read('EPUB/package.opf'))
        page = ET.fromstring(z.read('EPUB/text.xhtml'))
    want('OPF dc:source addresses', [e.text for e in opf.iter(DC + 'source')
                                     if ':' in e.text], [addr])
    want('EPUB links', [e.get('href') for e in page.iter(XH + 'a')],
         [addr])
    html = open(base + '.html', encoding='utf-8').read()
    want('web page links', re.findall(r'<a href="([^"#][^"]*)"', html),
         [addr])
    m = re.search(r'<script type="application/ld\+json">(.*?)</script>',
                  html, re.S)
    want('JSON-LD isBasedOn', json.loads(m.group(1)).get('isBasedOn')
         if m else None, addr)
    m = re.search(r'<dc:source>(.*?)</dc:source>',
                  _pdfinfo(base + '.pdf', '-meta'), re.S)
    want('PDF XMP dc:source', m.group(1) if m else None, addr)


checks.main(globals())
