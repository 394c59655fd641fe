#!/usr/bin/env python3
"""Validate docconv's JSON against docs/docconv.schema.json:
t_json.py SCHEMA FILE...  A FILE ending in .jsonl holds one document a
line (JSON Lines).  Also checks what a schema cannot say: keys in the
writer's order, UTF-8 text written as such (no \\u escapes of
non-ASCII).  Prints each failure; exit 1 if any."""
import json
import sys

import jsonschema

ORDER = ['docconv', 'path', 'meta', 'header', 'blocks', 'alignment']


def check(doc, where, v, raw):
    bad = 0
    for e in v.iter_errors(doc):
        print('%s: %s at %s' % (where, e.message,
                                '/'.join(str(p) for p in e.path)))
        bad += 1
    keys = [k for k in doc]
    if keys != [k for k in ORDER if k in doc]:
        print('%s: top-level keys out of order: %s' % (where, keys))
        bad += 1
    if '\\u' in raw and any(ord(c) > 127 for c in json.loads(
            '"' + raw[raw.index('\\u'):raw.index('\\u') + 6] + '"')):
        print('%s: non-ASCII text escaped' % where)
        bad += 1
    return bad


def main():
    with open(sys.argv[1], encoding='utf-8') as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    v = jsonschema.Draft202012Validator(schema)
    bad = n = 0
    for path in sys.argv[2:]:
        with open(path, encoding='utf-8') as f:
            text = f.read()
        if path.endswith('.jsonl'):
            lines = text.split('\n')
            if lines[-1] != '':
                print('%s: does not end in a newline' % path)
                bad += 1
            for i, line in enumerate(lines[:-1]):
                n += 1
                bad += check(json.loads(line), '%s:%d' % (path, i + 1),
                             v, line)
        else:
            n += 1
            bad += check(json.loads(text), path, v, text)
    if n == 0:
        print('no documents')
        bad += 1
    sys.exit(1 if bad else 0)


main()
