"""Checks for t_html.sh (python3 t_html.py CHECK ARGS..., checks.py): the
structure of each web page."""
import re
import sys

import checks


def structure(*argv):
    """Each page is one self-contained HTML5 document (see t_html.sh)."""
    bad = []
    for p in list(argv):
        h = open(p, encoding='utf-8').read()
        if not h.startswith('<!DOCTYPE html>'):
            bad.append(p + ': no <!DOCTYPE html> first')
        if re.search(r'<(link|script|img)\b[^>]*\b(href|src)="(?!https://spdx\.org/)', h):
            bad.append(p + ': refers to an outside resource')
        if '<style>' not in h or 'grid-template-columns' not in h:
            bad.append(p + ': no inline style sheet')
        for tag in ('title', 'meta name="description"', 'meta property="og:title"',
                    'script type="application/ld+json"', 'nav role="doc-toc"'):
            if '<' + tag not in h:
                bad.append(p + ': no <' + tag + '>')
        if 'epub:' in h or 'xml:lang' in h or '<?xml' in h:
            bad.append(p + ': XHTML or EPUB markup left')
        for m in re.finditer(r'<(p|h[1-4]) class="u [^"]*"(?! lang=)', h):
            bad.append(p + ': a block without lang: ' + m.group(0))
    for b in bad:
        print('FAIL: ' + b)
    sys.exit(1 if bad else 0)


checks.main(globals())
