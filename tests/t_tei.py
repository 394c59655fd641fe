"""Checks for t_tei.sh (python3 t_tei.py CHECK ARGS..., checks.py): the
links between the texts of a TEI file."""
import re
import xml.etree.ElementTree as ET

import checks
from checks import fail


def links(*argv):
    """The linkGrp of each bilingual TEI file pairs its texts' blocks."""
    X = '{http://www.w3.org/XML/1998/namespace}id'
    T = '{http://www.tei-c.org/ns/1.0}'
    bodies = {}
    nlinked = 0
    for path in list(argv):
        root = ET.parse(path).getroot()
        ids = {e.get(X): e for e in root.iter() if e.get(X)}
        groups = [g for g in root.iter(T + 'linkGrp')
                  if g.get('type') == 'translation']
        texts = {e.get(X) for e in root.iter(T + 'text') if e.get(X)}
        if len(texts) < 2:
            if groups:
                fail('%s: links in a text of one language' % path)
            continue
        if len(groups) != 1:
            fail('%s: %d linkGrp type=translation' % (path, len(groups)))
            continue
        linked = set()
        body = []
        for l in groups[0].iter(T + 'link'):
            tg = l.get('target', '').split()
            for t in tg:
                if not t.startswith('#') or t[1:] not in ids:
                    fail('%s: link to %s, no such id' % (path, t))
                linked.add(t[1:])
            if {t[1:3] for t in tg} != {'zh', 'en'}:
                fail('%s: link %s is not of both languages' % (path, tg))
            if all('-b' in t for t in tg):
                body.append(' '.join(tg))
        nlinked += len(linked)
        def covered(k):
            """The element, or each of its paragraphs (LANG-bN-K), linked."""
            return k in linked or k + '-1' in linked
        for k in ids:
            if re.fullmatch(r'zh-b\d+', k) and 'en-' + k[3:] in ids:
                if not covered(k) or not covered('en-' + k[3:]):
                    fail('%s: the pair %s is in no link' % (path, k[3:]))
        # A paragraph of a 2-1 or 1-2 bead has its own id, and is linked.
        for k in ids:
            if re.fullmatch(r'(zh|en)-b\d+-\d+', k) and k not in linked:
                fail('%s: the bead paragraph %s is in no link' % (path, k))
        if path.endswith('two-en2.tei.xml'):
            many = [l for l in body if len(l.split()) > 2]
            if len(many) != 2:
                fail('%s: %d links of a 2-1 or 1-2 bead, not 2: %s' %
                     (path, len(many), many))
        # Header lines of a type in both languages: linked.
        kinds = {}
        for k, e in ids.items():
            if k[2:4] == '-h':
                kinds.setdefault(e.get('ana'), set()).add(k[:2])
        for k, e in ids.items():
            if k[2:4] == '-h' and kinds[e.get('ana')] == {'zh', 'en'} and \
                    e.get('ana') != '#dc-frontmatter' and k not in linked:
                fail('%s: header line %s (%s) in no link' % (path, k,
                                                            e.get('ana')))
        bodies[path] = body
    one = [p for p in bodies if p.endswith('speech-bilingual.zh-en.tei.xml')]
    two = [p for p in bodies if p.endswith('two-en.tei.xml')]
    if one and two and bodies[one[0]] != bodies[two[0]]:
        fail('the body links differ between the interleaved and two files')
    if nlinked == 0:
        fail('no links at all')


checks.main(globals())
