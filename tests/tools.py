"""What several t_*.sh scripts run (python3 tools.py CHECK ARGS...,
checks.py): generated inputs, a command's processor time, a command
started with the signals at their defaults."""
import os
import resource
import signal
import subprocess
import sys

import checks


def pairs(n):
    """A title and n pairs of short Chinese and English paragraphs, to
    standard output (t_atomic.sh, t_signals.sh)."""
    sys.stdout.write("标题\n\n" + "".join(
        "第%d段，这是一个很短的段落。\n\nParagraph %d.\n\n" % (i, i)
        for i in range(int(n))))


def vocatives(n):
    """A title and n parts, each opened by a vocative, to standard
    output (t_pdf.sh)."""
    sys.stdout.write("标题\n\n" + "".join(
        "各位同事！\n\n这是第%d段。\n\n" % i for i in range(int(n))))


def cpu(out, maxrc, *cmd):
    """Run cmd, its standard output to out, and print the processor
    seconds it took, or "fail" if its exit status passed maxrc
    (t_hostile.sh, t_markup.sh)."""
    with open(out, 'w') as f:
        r = subprocess.run(list(cmd), stdout=f, stderr=subprocess.DEVNULL)
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    print("%.2f" % (u.ru_utime + u.ru_stime) if r.returncode <= int(maxrc)
          else "fail")


def below(x, limit):
    """Exit 0 if the number x is below limit."""
    sys.exit(not float(x) < float(limit))


def exec_default(*cmd):
    """Run cmd with SIGINT, SIGTERM and SIGHUP at their defaults, as an
    interactive shell starts it (t_signals.sh: nohup leaves SIGHUP
    ignored)."""
    for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, signal.SIG_DFL)
    os.execv(cmd[0], list(cmd))


checks.main(globals())
