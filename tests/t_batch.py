"""Checks for t_batch.sh: the inputs of many files, the JSON report and
JSON Lines of a batch, and the terminal's progress line.  python3
t_batch.py CHECK ARGS... (checks.py)."""
import json
import os
import sys

import checks


def report(*argv):
    """A --report file: one whole JSON line per input, the keys in order,
    the numbers of converted, skipped and failed inputs."""
    path, n, conv, skip, bad = argv[0], *map(int, argv[1:])
    lines = open(path, encoding="utf-8").read().split("\n")
    if lines[-1] != "":
        sys.exit("the last line is not whole")
    recs = [json.loads(l) for l in lines[:-1]]
    for r in recs:
        if list(r) != ["path", "status", "outputs", "messages"]:
            sys.exit("keys %s" % list(r))
        if r["status"] not in ("converted", "skipped", "failed"):
            sys.exit("status %s" % r["status"])
        if r["status"] != "failed" and not r["outputs"]:
            sys.exit("%s: no outputs" % r["path"])
        if r["status"] == "failed" and not r["messages"]:
            sys.exit("%s: failed without a message" % r["path"])
    paths = [r["path"] for r in recs]
    if len(set(paths)) != len(paths):
        sys.exit("an input reported twice")
    got = [sum(r["status"] == s for r in recs) for s in ("converted", "skipped", "failed")]
    if len(recs) != n or got != [conv, skip, bad]:
        sys.exit("%d lines, converted/skipped/failed %s, expected %d, %s" %
            (len(recs), got, n, [conv, skip, bad]))


def inputs(*argv):
    """40 small inputs, one with a name a list cannot carry, one with a
    warning, one empty."""
    d = argv[0]
    for i in range(40):
        with open(os.path.join(d, "f%02d.txt" % i), "w", encoding="utf-8") as f:
            f.write("标题%d\n\n第%d段，很短。\n\nParagraph %d.\n" % (i, i, i))
    # Names a newline-separated list cannot carry, and JSON must escape.
    with open(os.path.join(d, 'odd "name"\\ \u00e9\n2.txt'), "w") as f:
        f.write("标题\n\n正文。\n\nText.\n")
    # One with a warning (no English for the Chinese), one refused.
    with open(os.path.join(d, "warn.txt"), "w", encoding="utf-8") as f:
        f.write("标题\n\n第一段。\n\nFirst.\n\n第二段没有译文。\n")
    open(os.path.join(d, "empty.txt"), "w").close()


def jl_inputs(*argv):
    """A long input and 12 short ones for JSON Lines."""
    d = argv[0]
    os.makedirs(d)
    with open(os.path.join(d, "a-long.txt"), "w", encoding="utf-8") as f:
        f.write("标题\n\n" + "".join("第%d段，这是一个很短的段落。\n\nParagraph %d.\n\n" % (i, i)
            for i in range(6000)))
    for i in range(12):
        with open(os.path.join(d, "b%02d.txt" % i), "w", encoding="utf-8") as f:
            f.write("标题%d\n\n第%d段。\n\nParagraph %d.\n" % (i, i, i))


def in_order(*argv):
    """JSON Lines in the order of the list."""
    got = [json.loads(l)["path"] for l in open(argv[0], encoding="utf-8")]
    want = open(argv[1]).read().split()
    sys.exit(0 if got == want else "%s, not %s" % (got, want))


def progress(*argv):
    """Every warning on the terminal starts on a cleared line after the
    progress line."""
    t = open(argv[0], "rb").read()
    if b"WARNING" not in t:
        sys.exit(1)
    for i in range(len(t)):
        if t.startswith(b"WARNING", i):
            start = t.rfind(b"docconv: ", 0, i)
            if t[start - 4:start] != b"\r\x1b[K":
                sys.exit(1)


def progress40(*argv):
    """40 warnings, each on a cleared line."""
    t = open(argv[0], "rb").read()
    if t.count(b"WARNING") != 40:
        sys.exit(1)
    for i in range(len(t)):
        if t.startswith(b"WARNING", i):
            start = t.rfind(b"docconv: ", 0, i)
            if t[start - 4:start] != b"\r\x1b[K":
                sys.exit(1)


def big(*argv):
    """2,000 small inputs."""
    d = argv[0]
    os.makedirs(d)
    for i in range(2000):
        with open(os.path.join(d, "f%04d.txt" % i), "w", encoding="utf-8") as f:
            f.write("标题%d\n\n第%d段，很短。\n\nParagraph %d.\n" % (i, i, i))



def merged(report, names, status='converted'):
    """A report merged from several runs (GNU Parallel's jobs, a Slurm
    array's tasks; t_parallel.sh, t_slurm.sh): every file of the list
    names once, each with the status and its two outputs."""
    recs = [json.loads(l) for l in open(report, encoding="utf-8")]
    want = open(names).read().split()
    if sorted(r["path"] for r in recs) != sorted(want):
        sys.exit("not every file once")
    if any(r["status"] != status or len(r["outputs"]) != 2 for r in recs):
        sys.exit("a file not %s" % status)

checks.main(globals())
