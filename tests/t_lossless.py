#!/usr/bin/env python3
"""No text lost: every letter, digit and Han character of an input is in
its TEI (the text, the header, or an attribute that keeps it: a link's
target, a token's part of speech), except markup and label words.  A
tagged container's tags (any name, with their ids and id fields) and a page's scripts
and styles are markup too; of a CoNLL-U corpus, the forms, the tags and
the sentence ids are its text; of an SQL dump, the quoted values; of one
JSON document, its strings (a text kept twice under two names once); a
Markdown footnote's mark is markup, and
so are a wiki link's target and namespace ("[[zh:text]]", "[[page|text]]")
and a heading's attribute list ("# Tabs {.tabset}", "## 总则{align=\"center\"}"),
a tabs container's "@tab 标签" line and a "[[toc]]" placeholder; so are the line ids of a
corpus of numbered lines ("1  text", "2  text", ...; web.c web_line_ids()),
and of reStructuredText (web_rst.c) its targets (".. _name:"), directive
names (".. note::"), substitutions ("|name|", ".. |name| image:: address");
so is a header of capitalised keys over the text ("Title: …", "Slug: …",
"Summary: …", as Pelican writes it; web.c web_kv_block()): its keys that
the warning says left out are metadata, as front matter's are.

Usage: t_lossless.py DOCCONV TMPDIR INPUT...
"""
import collections, html, os, re, subprocess, sys
import xml.etree.ElementTree as ET

exe, tmp, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
TAG = re.compile(r'<!--.*?-->|</?(?:a|abbr|b|big|body|br|center|cite|code|del|div|em|'
                 r'figcaption|figure|font|h[1-6]|head|hr|html|i|iframe|img|input|ins|'
                 r'label|li|link|mark|meta|nav|ol|p|q|s|script|section|small|span|strike|'
                 r'strong|style|sub|sup|table|tbody|td|th|thead|title|tr|u|ul|wbr|'
                 r'blockquote|article|header|footer)\b[^<>]*>', re.I)
# A label may follow another label's colon ("正文:原标题：…", a body field
# whose value opens with its own label).
LABEL = re.compile(r'(?:^\s*|(?<=[|｜])\s*|(?<=[：:])|(?<=\S)[ \t\u3000]+)[*_]*(标题|主标题|题目|副标题|引题|肩题|作者|来源|出处|稿源|日期|时间|'
                   r'发布时间|发布日期|链接|网址|原文链接|原文地址|原文网址|正文|内容|'
                   r'责任编辑|编辑|原标题|URL|Url|url|Link|Source|Title|Subtitle|Author|'
                   r'Date|Editor|'
                   r'標題|題目|副標題|引題|來源|出處|時間|發布時間|鏈接|網址|內容|'
                   r'責任編輯|編輯|原標題|連結|原文連結|原文鏈接|原文網址)[*_]*\s*[：:]', re.M)
COMPOUND = re.compile(r'\][A-Za-z]+(?=\s|$)')
SCRIPT = re.compile(r'<(script|style)\b.*?</\1>', re.I | re.S)
ANYTAG = re.compile(r'<[/?!]?[A-Za-z][^<>]*>')
FOOTREF = re.compile(r'\[\^[^\]\s\[]+\]')
HATTRS = re.compile(r'^(#{1,6}[^\n]*?)[ \t]*\{(?:[.#:]|[A-Za-z][\w-]*=)[^{}\n]*\}[ \t]*$', re.M)
TABLABEL = re.compile(r'^@tab(?:[ :][^\n]*)?$', re.M)
TOC = re.compile(r'\[\[toc\]\]', re.I)
WIKILINK = re.compile(r'\[\[(?:[^\[\]|\n]*\|)?(?:[A-Za-z-]{1,12}:)?([^\[\]\n]*)\]\]')
CDATA = re.compile(r'<!\[CDATA\[|\]\]>')   # a container's CDATA markers
# A printed page's number alone on its line ("— 2 —", "第 3 页") is the
# page's, not the text's.
FOLIO = re.compile(r'^[ \t\u3000]*(?:[-—－―–]{1,2}[ \t\u3000]*\d{1,3}[ \t\u3000]*[-—－―–]{1,2}|'
                   r'第[ \t\u3000]*\d{1,3}[ \t\u3000]*[页頁](?:[ \t\u3000]*[,，/]?[ \t\u3000]*'
                   r'共[ \t\u3000]*\d{1,3}[ \t\u3000]*[页頁])?)[ \t\u3000]*$', re.M)
# A wiki's source: its notes (<ref>), templates and category links are
# markup, as a forum's tags and pictures are.
WIKIMARK = re.compile(r'<ref[^<>/]*/>|<ref[^<>]*>[^<]*</ref>|\{\{[^{}\n]*\}\}|'
                      r'\[\[(?:Category|File|Image|分类|分類|文件|檔案|图像|圖像):[^\]\n]*\]\]|'
                      r'\[img(?:=[^\]]*)?\][^\[\n]*\[/img\]|\[url=[^\]\n]*\]|'
                      r'\[/?(?:b|i|u|s|color|size|font|quote|center|align|url|code|left|right|'
                      r'indent|list|br)(?:=[^\]\n]*)?\]', re.I)
KVHEAD = re.compile(r'\A\s*((?:[A-Z][A-Za-z_-]{0,19}:[ \t][^\n]*\n){3,})\s*\n')
KVDROP = re.compile(r'^(?:Tags?|Categor(?:y|ies)|Slug|Summary|Modified|Updated|Keywords|Lang|Description|Status):[^\n]*$', re.M)
RSTMARK = re.compile(r'^\.\. (?:_[^\n]*:|[A-Za-z][\w-]*::)[ \t]*$', re.M)
RSTSUB = re.compile(r'^\.\. \|[^|\n]+\| [\w-]+::[^\n]*$|\|[^|\s]+\|(?=[\s_]|$)|^\.\. ([A-Za-z][\w-]*)::', re.M)
IDFIELD = re.compile(r'<(docno|docid|doc_id|id|guid)>[^<>]*</\1>', re.I)

def conll(src):
    """The text of a CoNLL-U corpus, or None if src is none."""
    rows = [l.split('\t') for l in src.split('\n') if l and not l.startswith('#')]
    if len(rows) < 3 or not all(len(r) >= 4 and r[0][:1].isdigit() for r in rows):
        return None
    ids = re.findall(r'^# sent_id = (.*)$', src, re.M)
    return ' '.join(ids + [r[1] + ' ' + r[3] for r in rows if r[0].isdigit()])

LINEID = re.compile(r'^\d{1,7}(?:[\t\u3000]|  |$)', re.M)

def line_ids(src):
    """src without its line ids, where nine in ten lines have one."""
    ls = [l for l in src.split('\n') if l.strip()]
    if len(ls) < 5 or sum(1 for l in ls if LINEID.match(l.rstrip())) * 10 < len(ls) * 9:
        return src
    return LINEID.sub('', src)

def sql(src):
    """The values of an SQL dump's INSERT statements (its quoted strings;
    statements, names, numbers and NULLs are markup), or None."""
    if not re.match(r'(\s*(--[^\n]*|/\*.*?\*/))*\s*INSERT INTO ', src, re.I | re.S):
        return None
    vals = re.findall(r"'((?:[^'\\]|''|\\.)*)'", src, re.S)
    return '\n'.join(v.replace("''", "'") for v in vals)

def csv_doc(src):
    """The fields of CSV records under a header row of names (the names
    and a field that is a number alone, a record's id, are markup), or
    None."""
    import csv, io
    first = src.split('\n', 1)[0]
    if not re.match(r'[a-z_][a-z0-9_]*(?:,[a-z_][a-z0-9_]*){2,}$', first):
        return None
    rows = list(csv.reader(io.StringIO(src)))[1:]
    return '\n'.join(f for r in rows for f in r if not re.match(r'\s*\d+\s*$', f))

def json_doc(src):
    """The strings of one JSON document of records, or of JSON Lines
    (keys, numbers and a string that repeats another but for white
    space are markup), or None."""
    import json
    if not src.lstrip().startswith(('{', '[')):
        return None
    try:
        doc = json.loads(src)
    except ValueError:
        # JSON Lines: one document a line, each a record.
        try:
            doc = [json.loads(l) for l in src.split('\n') if l.strip()]
        except ValueError:
            return None
    out, seen = [], set()
    def walk(x):
        if isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
        elif isinstance(x, str):
            k = re.sub(r'\s+', '', x)
            if k not in seen:
                seen.add(k)
                out.append(x)
    walk(doc)
    # A text kept as its paragraphs and again whole is one text: a
    # string that is a run of the others goes.
    sq = [re.sub(r'\s+', '', o) for o in out]
    keep = [True] * len(out)
    for i in range(len(out)):
        for a in range(len(out)):
            run = ''
            for b in range(a, len(out)):
                if b == i or len(run) >= len(sq[i]):
                    break
                run += sq[b]
            if b > a + 1 and run == sq[i]:
                keep[i] = False
    return '\n'.join(o for o, k in zip(out, keep) if k)

def counted(s):
    return collections.Counter(c for c in s if c.isalnum())

bad = 0
for f in inputs:
    src = open(f, 'rb').read().decode('utf-8', 'replace')
    src = conll(src) or sql(src) or json_doc(src) or csv_doc(src) or line_ids(SCRIPT.sub(' ', src))
    m = KVHEAD.match(src)
    if m:
        src = src[:m.start(1)] + KVDROP.sub('', m.group(1)) + src[m.end(1):]
    if len(RSTMARK.findall(src)) + len(re.findall(r'^\.\. \|', src, re.M)) > 0:
        src = RSTSUB.sub('', RSTMARK.sub('', src))
    if src.lstrip().startswith('<'):
        src = ANYTAG.sub('\n', IDFIELD.sub('\n', CDATA.sub('\n', src)))
    src = FOLIO.sub('', WIKIMARK.sub('\n', src))
    text = COMPOUND.sub('', LABEL.sub('', html.unescape(TAG.sub('\n', WIKILINK.sub(r'\1', TOC.sub('', TABLABEL.sub('', HATTRS.sub(r'\1', FOOTREF.sub('', src)))))))))
    want = counted(text)
    out = os.path.join(tmp, os.path.basename(f) + '.tei.xml')
    r = subprocess.run([exe, '-q', '--tei', '-o', out, f], capture_output=True)
    if r.returncode > 1:
        print('FAIL %s: exit %d' % (f, r.returncode)); bad += 1; continue
    root = ET.parse(out).getroot()
    have = collections.Counter()
    for e in root.iter():
        have += counted(e.text or '') + counted(e.tail or '')
        for k, v in e.attrib.items():
            if k.endswith('}id') or k in ('corresp', 'target', 'ana', 'n', 'pos', 'when'):
                if k in ('target', 'pos', 'n', 'when'):
                    have += counted(v)
    lost = {c: n - have[c] for c, n in want.items() if have[c] < n}
    if lost:
        bad += 1
        print('FAIL %s: lost %s' % (f, ''.join(sorted(lost))[:60]))
print('%d of %d inputs keep every character' % (len(inputs) - bad, len(inputs)))
sys.exit(1 if bad else 0)
