"""Checks for t_fuzz_replay.sh (python3 t_fuzz_replay.py CHECK ARGS...,
checks.py): a kept crasher's bytes as the harness reads them."""
import checks


def crasher(*argv):
    """A kept input's text and options, as tests/fuzz_parse.c reads its
    bytes."""
    b = open(argv[0], 'rb').read()
    out = []
    if b[:2] == b'\x1bB' and len(b) > 2:
        # The command line's way: flags, as tests/fuzz_parse.c reads them.
        fl = b[2]
        b = b'\x1bO' + b[3:]
        out += ['--skip-existing'] if fl & 1 else []
        out += ['--report=REPORT'] if fl & 2 else []
        out += ['TWO'] if fl & 16 else []
    if b[:2] == b'\x1bF' and len(b) > 2:
        # Side files, as tests/fuzz_parse.c reads them.
        k = b[2] % 4
        b = b[3:]
        def take(b):
            n = b[0] << 8 | b[1] if len(b) >= 2 else 0
            b = b[2:]
            return b[:n], b[n:]
        side, b = take(b)
        open(argv[0] + '.side', 'wb').write(side)
        if k == 3:
            beads, b = take(b)
            open(argv[0] + '.align', 'wb').write(beads)
        out += [['--meta-file=SIDE', '--style=SIDE', '--translation=SIDE',
                 '--translation=SIDE'][k]]
        out += ['--alignment=ALIGN'] if k == 3 else []
        open(argv[0], 'wb').write(b)
    if b[:2] == b'\x1bO':
        b = b[2:]
        for name in ('title', 'author', 'place', 'date'):
            i = b.find(b'\0')
            if i < 0:
                b = b''
                out = ['skip']
                break
            v, b = b[:i], b[i + 1:]
            try:
                if v[:1] != b'\xff':
                    out.append('--%s=%s' % (name, v.decode('utf-8')))
            except UnicodeDecodeError:
                pass
        open(argv[0], 'wb').write(b)
    open(argv[1], 'w', encoding='utf-8').write(
        ''.join(o.replace('\n', ' ') + '\n' for o in out))


checks.main(globals())
