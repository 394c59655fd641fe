"""Checks for t_typography.sh (python3 t_typography.py CHECK ARGS...,
checks.py): the spaces of the salutation lines."""
import sys
import typocheck as tc

import checks


def salutation(*argv):
    """The widest gap of the salutation lines of the large booklet."""
    sys.path.insert(0, argv[0])
    lines = [l for l in tc.lines_of(tc.pages_of(argv[1]))
             if 'Excellency' in tc.text(l) or 'Putin,' in tc.text(l)]
    gaps = [tc.widest_gap(l, False) for l in lines]
    print('salutation: %s' % ' | '.join('%s (%.2f em)' % (tc.text(l), g)
                                        for l, g in zip(lines, gaps)))
    sys.exit(0 if len(lines) == 2 and max(gaps) < 0.4 else 1)


checks.main(globals())
