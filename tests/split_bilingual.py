#!/usr/bin/env python3
"""Split an interleaved bilingual text into its Chinese and its English
lines, header and body alike, as a translator's two files would be:
split_bilingual.py IN ZH EN [--merge N] [--split N].  A line with a Han
character is Chinese, any other non-blank line English.  --merge N
joins English paragraph N (1-based, counting the English lines) with
the one after it; --split N cuts English paragraph N in two at a
sentence end near its middle (--split 0: the longest paragraph that
is not merged): the two changes a translation makes."""
import re
import sys

HAN = re.compile('[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]')


def main():
    args = sys.argv[1:]
    merge = split = None
    if '--merge' in args:
        i = args.index('--merge')
        merge = int(args[i + 1])
        del args[i:i + 2]
    if '--split' in args:
        i = args.index('--split')
        split = int(args[i + 1])
        del args[i:i + 2]
    src, zh_path, en_path = args
    zh, en = [], []
    with open(src, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip():
                continue
            (zh if HAN.search(line) else en).append(line)
    if split == 0:
        split = 1 + max((k for k in range(len(en))
                         if merge is None or k + 1 not in (merge, merge + 1)),
                        key=lambda k: len(en[k]))
    out = []
    i = 0
    while i < len(en):
        n = i + 1
        if n == merge:
            out.append(en[i] + ' ' + en[i + 1])
            i += 2
            continue
        if n == split:
            s = en[i]
            cut = s.find('. ', len(s) // 3)
            if cut < 0:
                sys.exit('split_bilingual.py: line %d has no sentence '
                         'end to split at' % n)
            out.append(s[:cut + 1])
            out.append(s[cut + 2:])
        else:
            out.append(en[i])
        i += 1
    with open(zh_path, 'w', encoding='utf-8') as f:
        f.write(''.join(l + '\n' for l in zh))
    with open(en_path, 'w', encoding='utf-8') as f:
        f.write(''.join(l + '\n' for l in out))


main()
