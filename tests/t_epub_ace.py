"""Checks for t_epub_ace.sh (python3 t_epub_ace.py CHECK ARGS...,
checks.py): DAISY Ace's report of a book."""
import json
import sys

import checks


def ace(*argv):
    """No violation in DAISY Ace's report of a book, the accessibility
    metadata present, three documents at least checked."""
    r = json.load(open(argv[0], encoding='utf-8'))
    name, bad = argv[1], []
    for doc in r.get('assertions', []):
        for a in doc.get('assertions', []):
            if a['earl:result']['earl:outcome'] != 'pass':
                bad.append('%s: %s (%s): %s' % (
                    doc['earl:testSubject']['url'], a['earl:test']['dct:title'],
                    a['earl:test'].get('earl:impact'),
                    a['earl:result'].get('dct:description', '')[:300]))
    if r['earl:result']['earl:outcome'] != 'pass':
        bad.append('overall outcome %s' % r['earl:result']['earl:outcome'])
    need = {'schema:accessMode', 'schema:accessModeSufficient',
            'schema:accessibilityFeature', 'schema:accessibilityHazard',
            'schema:accessibilitySummary'}
    missing = need - set(r.get('a11y-metadata', {}).get('present', []))
    if missing:
        bad.append('metadata missing: ' + ', '.join(sorted(missing)))
    if len(r.get('assertions', [])) < 3:
        bad.append('Ace checked only %d documents' % len(r['assertions']))
    for b in bad:
        print('FAIL: %s: %s' % (name, b))
    if not bad:
        print('ok: %s: Ace found no violation' % name)
    sys.exit(1 if bad else 0)


checks.main(globals())
