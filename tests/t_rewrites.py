#!/usr/bin/env python3
"""Rewrite every golden input the ways real files differ, and check that
docconv still finds the same document: the same blocks (role, kind,
language, text with white space ignored) and the same title.

Usage: t_rewrites.py DOCCONV GOLDEN_DIR TMPDIR
Prints one line per rewrite that changes the document; exits 1 if any.
"""
import os, re, subprocess, sys

exe, gdir, tmp = sys.argv[1:4]
env = dict(os.environ, SOURCE_DATE_EPOCH='0')

def model(path, opt=()):
    r = subprocess.run([exe, '-q', '--dump-model', *opt, path],
                       capture_output=True, env=env, timeout=60)
    if r.returncode > 1:
        return None, 'exit %d: %s' % (r.returncode, r.stderr[:200])
    blocks, title, cur = [], '', None
    out = r.stdout.decode('utf-8')
    default = 'meta title-default: yes' in out
    # The metadata too (a label's value, an address), but a title
    # taken from the file name, which a rewrite renames.
    meta = [l for l in out.split('\n') if l.startswith('meta ') and
            not (default and ' title: ' in l)]
    for line in out.split('\n'):
        if line == 'meta title-default: yes':
            title = '(from the file name)'
        elif line.startswith('meta ') and ' title: ' in line and not title:
            title = re.sub(r'\s+', '', line.split(' title: ', 1)[1])
        elif line and not line.startswith((' ', 'meta ')) and ':' not in line.split(' ')[0]:
            if re.match(r'^[a-z]+( |$)', line) and not re.match(r'^[a-z]+ [a-z-]+ ?[a-z]*:', line) \
                    and not re.match(r'^[a-z]+ [a-z]{2}:', line):
                cur = line
        elif line.startswith('  ') and not line.startswith('    ') and cur:
            lang, text = line[2:4], line.split(': ', 1)[1] if ': ' in line else ''
            blocks.append((cur, lang, re.sub(r'\s+', '', text)))
    if 'meta title-default: yes' in r.stdout.decode('utf-8'):
        title = '(from the file name)'
    return (title, blocks, meta), None

def crlf(s): return s.replace('\n', '\r\n')
def bom(s): return '\ufeff' + s
def trailing(s): return '\n'.join(l + (' \t' if l.strip() else '') for l in s.split('\n'))
def no_final_nl(s): return s.rstrip('\n')
def gb(s): return s.encode('gb18030')
def tabs_to_ideo(s): return s  # placeholder kept out (tabs are fields)
def nbsp_dateline(s): return re.sub(r'电[\u00a0 \u3000]+([（(])', '电\u00a0\\1', s)
def ideo_dateline(s): return re.sub(r'电[\u00a0 \u3000]*([（(])', '电\u3000\\1', s)
def br_spelling(s): return s.replace('<br/>', '<br />').replace('<br>', '<BR/>')
def blank_pairs(s): return s.replace('\n \n', '\n\n').replace('\n\t\n', '\n\n')
def seg_two_spaces(s): return '\n'.join(re.sub(r'(?<=\S) (?=\S)', '  ', l) for l in s.split('\n'))
def vertical_space(s):
    ls = [l for l in s.split('\n') if l.strip()]
    return len(ls) >= 10 and sum(1 for l in ls if len(l.split()) == 2) * 10 >= len(ls) * 9

def seg_clauses(s):
    if '\t' in s or vertical_space(s):
        return s    # a vertical corpus: a token a line already
    out = []
    for l in s.split('\n'):
        out += [x for x in re.split(r'(?<=[，；]) ', l) if x]
    return '\n'.join(out)

REWRITES = [
    ('CRLF line ends', 'all', crlf),
    ('UTF-8 BOM', 'all', bom),
    ('GB18030 bytes', 'all', gb),
    ('trailing spaces and tabs', 'all', trailing),
    ('no final newline', 'all', no_final_nl),
    ('dateline: one NBSP', 'news', nbsp_dateline),
    ('dateline: ideographic space', 'news', ideo_dateline),
    ('<br> spelt otherwise', 'bilingual', br_spelling),
    ('empty lines between pairs', 'bilingual', blank_pairs),
    ('tokens: two spaces', 'segmented', seg_two_spaces),
    ('one clause per line', 'segmented', seg_clauses),
]

bad = total = 0
for kind in sorted(os.listdir(gdir)):
    d = os.path.join(gdir, kind)
    for f in sorted(os.listdir(d)):
        if not f.endswith('.txt'):
            continue
        src = open(os.path.join(d, f), encoding='utf-8').read()
        ref, err = model(os.path.join(d, f))
        if ref is None or not ref[1]:
            print('FAIL %s/%s: %s' % (kind, f, err or 'no blocks read'))
            bad += 1
            continue
        # The control: a text whose last block is cut must differ, or
        # this comparison could not fail.
        lines = src.rstrip().split('\n')
        cut = '\n'.join(lines[:-1]) + '\n'
        p = os.path.join(tmp, 'control-' + kind + '-' + f)
        open(p, 'w', encoding='utf-8').write(cut)
        got, err = model(p)
        if got == ref:
            print('FAIL %s/%s: the last line cut, the model is the same' %
                  (kind, f))
            bad += 1
        for name, applies, fn in REWRITES:
            if applies not in ('all', kind):
                continue
            data = fn(src)
            raw = data if isinstance(data, bytes) else data.encode('utf-8')
            if raw == src.encode('utf-8'):
                continue
            total += 1
            p = os.path.join(tmp, re.sub(r'\W+', '-', name) + '-' + kind + '-' + f)
            open(p, 'wb').write(raw)
            got, err = model(p)
            if got != ref:
                bad += 1
                print('DIFF %s/%s: %s: %s' % (kind, f, name, err or ''))
                if got is not None:
                    for a, b in zip(ref[1] + [None] * 5, got[1] + [None] * 5):
                        if a != b:
                            print('   first difference: %s -> %s' % (str(a)[:80], str(b)[:80]))
                            break
print('%d of %d rewrites keep the document' % (total - bad, total))
sys.exit(1 if bad else 0)
