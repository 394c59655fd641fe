#!/usr/bin/env python3
"""Write N tiny bilingual texts (f00000.txt ...) into a new directory,
for the batch tests and make bench: a title, a Chinese paragraph and
an English one, each numbered, so that every file's outputs differ.
Usage: tiny_corpus.py DIR N"""
import os
import sys

d = sys.argv[1]
os.makedirs(d)
for i in range(int(sys.argv[2])):
    with open(os.path.join(d, "f%05d.txt" % i), "w", encoding="utf-8") as f:
        f.write("标题%d\n\n第%d段，很短。\n\nParagraph %d.\n" % (i, i, i))
