"""Checks for t_outsafe.sh: addresses that must stay text, and Unicode
noncharacters that must reach no XML output.  python3 t_outsafe.py
CHECK ARGS... (checks.py)."""
import json
import os
import re

import checks


def add_url(*argv):
    """js.json's model (its only address javascript:) with an https address
    added, as js2.json."""
    d = json.load(open(argv[0], encoding='utf-8'))
    assert d['meta']['urls'] == ['javascript:alert(1)'], d['meta']
    d['meta']['urls'].append('https://example.org/velmo')
    json.dump(d, open(argv[1], 'w', encoding='utf-8'), ensure_ascii=False)


def nonchar_txt(*argv):
    """A text with Unicode noncharacters in its title and body."""
    t = ('Velmo\ufdd0 Tarin\n\nKessa dor\ufdef amul \U0001fffevirent, solas '
         'pendro \U0010ffffmilat.\n\nAmul virent kessa dor tarin.\n')
    open(argv[0], 'w', encoding='utf-8').write(t)


def no_nonchar(*argv):
    """No XML output under the directory holds a noncharacter (four of them
    at least are checked), and the web page keeps the title's letters."""
    bad = re.compile('[\ufdd0-\ufdef\ufffe\uffff\U0001fffe\U0001ffff\U0010fffe\U0010ffff]')
    n = 0
    for d, _, fs in os.walk(argv[0]):
        for f in fs:
            if not re.search(r'\.(html|xhtml|xml|opf|tmx|ncx)$', f):
                continue
            n += 1
            t = open(os.path.join(d, f), encoding='utf-8').read()
            m = bad.search(t)
            assert m is None, '%s: U+%04X' % (f, ord(m.group()))
    assert n >= 4, n
    assert 'Velmo Tarin' in open(os.path.join(argv[0], 'nonchar.html'),
                                 encoding='utf-8').read()


checks.main(globals())
