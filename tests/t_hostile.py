"""Checks for t_hostile.sh (python3 t_hostile.py CHECK ARGS..., checks.py):
text drawn within its page."""
import re
import sys

import checks


def in_page(*argv):
    """Every word pdftotext -bbox-layout finds lies within its page."""
    w = h = 0
    for line in open(argv[0]):
        m = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line)
        if m:
            w, h = float(m.group(1)), float(m.group(2))
        m = re.search(r'xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)"', line)
        if m:
            x0, y0, x1, y1 = map(float, m.groups())
            if x0 < 0 or y0 < 0 or x1 > w + 0.5 or y1 > h + 0.5:
                print("off the page:", line.strip()[:120])
                sys.exit(1)


checks.main(globals())
