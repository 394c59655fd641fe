"""What the tests' Python checks share (tests/t_*.py): the failures
found so far, how to report them, and the command line every check
module has:

    python3 tests/t_NAME.py CHECK ARG...

runs the function CHECK of t_NAME.py with the ARGs (the module ends in
checks.main(globals()); functions whose name starts with _ are not
checks).  A check reports what is wrong with fail() or want() and goes
on, or stops with an AssertionError; main() prints each failure as
"FAIL: ..." and exits 1 if any, else 0.  Standard library only."""
import json
import sys

bad = []


def fail(msg):
    """Note one thing wrong; the check goes on."""
    bad.append(msg)


def want(what, got, exp):
    """Note it if what is got and not exp."""
    if got != exp:
        bad.append('%s is %r, not %r' % (what, got, exp))


def text(e):
    """An element's text, its children's included, stripped (None for
    no element)."""
    return ''.join(e.itertext()).strip() if e is not None else None


def read(path, mode='r'):
    """A file's text (UTF-8), or its bytes with mode 'rb'."""
    if 'b' in mode:
        with open(path, mode) as f:
            return f.read()
    with open(path, mode, encoding='utf-8') as f:
        return f.read()


def write(path, t):
    """Write text t to path, UTF-8."""
    with open(path, 'w', encoding='utf-8') as f:
        f.write(t)


def load_json(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def dump_json(d, path):
    """Write d as docconv writes JSON text: UTF-8, not escaped."""
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(d, f, ensure_ascii=False)


def main(names, prefix=''):
    """Run the check sys.argv[1] of a module (its globals()) with the
    other arguments; print the failures, each after prefix; exit."""
    checks = {k: v for k, v in names.items() if callable(v) and
              not k.startswith('_') and getattr(v, '__module__', None) ==
              names.get('__name__')}
    if len(sys.argv) < 2 or sys.argv[1] not in checks:
        sys.exit('usage: %s CHECK ARG...; CHECK is one of %s' %
                 (sys.argv[0], ', '.join(sorted(checks))))
    try:
        checks[sys.argv[1]](*sys.argv[2:])
    except AssertionError as e:
        bad.append(str(e) or 'assertion failed')
    for b in bad:
        print('FAIL: ' + prefix + b)
    sys.exit(1 if bad else 0)
