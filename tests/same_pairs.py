#!/usr/bin/env python3
"""Do two --dump-model texts hold the same parallel model?  same_pairs.py
ONE TWO: the metadata and the blocks (every pair, its role and texts)
must be identical, and each language's header lines the same in the
same order (an interleaved file and two files may order the two
languages' header lines differently among each other).  Prints the
first difference and exits 1."""
import sys


def parts(path):
    meta, head, body = [], {}, []
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    inbody = False
    for l in lines:
        if not l:
            continue
        if l.startswith('meta '):
            meta.append(l)
        elif not inbody and not l.startswith(' ') and ':' in l and \
                not l.startswith(('salutation', 'para', 'vocative',
                                  'heading', 'closing', 'signoff',
                                  'turn', 'note', 'caption')):
            kind = l.split(':', 1)[0]
            lang = kind.split()[-1]
            head.setdefault(lang, []).append(l)
        else:
            inbody = True
            body.append(l)
    return meta, head, body


def main():
    a, b = parts(sys.argv[1]), parts(sys.argv[2])
    for name, x, y in (('metadata', a[0], b[0]),
                       ('header lines', a[1], b[1]),
                       ('blocks', a[2], b[2])):
        if x != y:
            if isinstance(x, list):
                for i, (p, q) in enumerate(zip(x, y)):
                    if p != q:
                        print('%s differ at %d:\n< %s\n> %s' %
                              (name, i + 1, p[:200], q[:200]))
                        break
                else:
                    print('%s: %d and %d lines' % (name, len(x), len(y)))
            else:
                print('%s differ:\n< %s\n> %s' % (name, x, y))
            sys.exit(1)
    if not a[2]:
        print('no blocks')
        sys.exit(1)


main()
