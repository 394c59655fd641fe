#!/usr/bin/env python3
"""Checks for t_json.sh (python3 t_json.py CHECK ARGS..., checks.py):
docconv's JSON validated against docs/docconv.schema.json (schema),
and the edits of a model a pipeline makes."""
import json

import checks
from checks import dump_json, fail, load_json, read

ORDER = ['docconv', 'path', 'meta', 'header', 'blocks', 'alignment']


def _check(doc, where, v, raw):
    for e in v.iter_errors(doc):
        fail('%s: %s at %s' % (where, e.message,
                               '/'.join(str(p) for p in e.path)))
    keys = [k for k in doc]
    if keys != [k for k in ORDER if k in doc]:
        fail('%s: top-level keys out of order: %s' % (where, keys))
    if '\\u' in raw and any(ord(c) > 127 for c in json.loads(
            '"' + raw[raw.index('\\u'):raw.index('\\u') + 6] + '"')):
        fail('%s: non-ASCII text escaped' % where)


def schema(schema_path, *paths):
    """Each document of paths validates against the schema, and says
    what a schema cannot: keys in the writer's order, UTF-8 text
    written as such (no \\u escapes of non-ASCII).  A path ending in
    .jsonl holds one document a line (JSON Lines)."""
    import jsonschema
    sch = load_json(schema_path)
    jsonschema.Draft202012Validator.check_schema(sch)
    v = jsonschema.Draft202012Validator(sch)
    n = 0
    for path in paths:
        t = read(path)
        if path.endswith('.jsonl'):
            lines = t.split('\n')
            if lines[-1] != '':
                fail('%s: does not end in a newline' % path)
            for i, line in enumerate(lines[:-1]):
                n += 1
                _check(json.loads(line), '%s:%d' % (path, i + 1), v, line)
        else:
            n += 1
            _check(json.loads(t), path, v, t)
    if n == 0:
        fail('no documents')


def dialects(schema_path, names):
    """The schema's dialects are docconv's (names: "auto, segmented, ...
    or json", as its usage message lists the dialect table) less auto,
    which is never a text's: a dialect added to the table and not to
    the schema fails here, not in a user's validator."""
    sch = load_json(schema_path)
    have = sch['$defs']['meta']['properties']['dialect']['enum']
    want = [n for n in names.replace(' or ', ', ').split(', ')
            if n != 'auto']
    if have != want:
        fail('the schema\'s dialects %r are not docconv\'s %r' %
             (have, want))


def empty_bead(src, dst):
    """src's model with its last bead's lines taken away, as dst."""
    d = load_json(src)
    d['alignment']['beads'][-1]['original'] = []
    d['alignment']['beads'][-1]['translation'] = []
    dump_json(d, dst)


def publication(path):
    """The --meta t_json.sh gives, under meta.publication."""
    p = load_json(path)['meta']['publication']
    assert p == {'publisher': 'Wenlu Qiaotai Press',
                 'rights': 'CC-BY-SA-4.0', 'isbn': '9780306406157',
                 'translator': 'Odile Marrent'}, p


def thank(src, dst):
    """src's model with the English "Thank you..." paragraphs
    corrected, as dst."""
    d = load_json(src)
    for b in d['blocks']:
        for s in b['segs']:
            if s['lang'] == 'en' and s['text'].startswith('Thank you'):
                s['text'] = 'Thank you very much, dear colleagues.'
    dump_json(d, dst)


checks.main(globals())
