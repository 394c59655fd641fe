#!/bin/sh
# Replay the fuzzer's kept crashers (tests/data/fuzz/*) through the
# command line as tests/fuzz_parse reads them: the first byte picks
# the dialect (low nibble 15: json, else the byte mod 6), --lenient
# (bit 4) and the PDF layout
# (bits 5-7); the rest is the input, or, after ESC "O", the values of
# --title, --author, --place and --date, each ended by a NUL (0xFF
# first: not given), then the input; after ESC "B", a flags byte first
# (--skip-existing, --report, the input twice as two files: the ones
# the command line can replay); after ESC "F" and a byte K, side files
# each with a two-byte length, then the input: K mod 4 = 0 --meta-file,
# 1 --style, 2 --translation, 3 --translation and --alignment.  Each
# must finish within the
# timeout with exit 0 (converted) or 1 (refused with a message), never
# a crash or a sanitizer report, any TEI written must be well-formed,
# and the JSON written must read back to the same JSON.
. "${top_srcdir:-.}/tests/lib.sh"

dir="$top_srcdir/tests/data/fuzz"
set -- "$dir"/*
[ -e "$1" ] || skip "no kept fuzz inputs in $dir"
dialects="auto segmented bilingual news plain tei"
n=0
for f; do
	b=$(od -An -tu1 -N1 "$f" | tr -d ' ')
	[ -n "$b" ] || continue
	dia=$(echo $dialects | cut -d' ' -f$((b % 6 + 1)))
	[ $((b & 15)) -eq 15 ] && dia=json
	len=""
	[ $(((b >> 4) & 1)) -eq 1 ] && len=--lenient
	case $((b >> 5)) in
	1) lay="--layout=columns" ;;
	2) lay="--layout=facing" ;;
	3) lay="--layout=interleaved" ;;
	4) lay="--layout=zh" ;;
	5) lay="--layout=en" ;;
	*) lay="" ;;
	esac
	tail -c +2 "$f" >"$T/in.txt"
	# Option values: one line each, "-" for a value not given.
	python3 - "$T/in.txt" "$T/opts" <<'PY' || fail "$(basename "$f"): cannot read"
import sys
b = open(sys.argv[1], 'rb').read()
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
    open(sys.argv[1] + '.side', 'wb').write(side)
    if k == 3:
        beads, b = take(b)
        open(sys.argv[1] + '.align', 'wb').write(beads)
    out += [['--meta-file=SIDE', '--style=SIDE', '--translation=SIDE',
             '--translation=SIDE'][k]]
    out += ['--alignment=ALIGN'] if k == 3 else []
    open(sys.argv[1], 'wb').write(b)
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
    open(sys.argv[1], 'wb').write(b)
open(sys.argv[2], 'w', encoding='utf-8').write(
    ''.join(o.replace('\n', ' ') + '\n' for o in out))
PY
	grep -qx skip "$T/opts" && continue
	set --
	two=""
	side=""
	while IFS= read -r o; do
		case $o in
		--report=REPORT) set -- "$@" "--report=$T/report.jsonl" ;;
		TWO) cp "$T/in.txt" "$T/in2.md"; two="$T/in2.md" ;;
		*=SIDE) set -- "$@" "${o%SIDE}$T/in.txt.side"; side=1 ;;
		*=ALIGN) set -- "$@" "${o%ALIGN}$T/in.txt.align" ;;
		*) set -- "$@" "$o" ;;
		esac
	done <"$T/opts"
	rm -rf "$T/o"
	mkdir "$T/o"
	timeout 120 "$DOCCONV" -q --input-format="$dia" $len $lay "$@" \
	    --dump-model --tei --epub --pdf --json -o "$T/o" "$T/in.txt" $two \
	    >/dev/null 2>"$T/err"
	rc=$?
	case $rc in
	0) ;;
	1) [ -s "$T/err" ] || fail "$(basename "$f"): exit 1 without a message" ;;
	# A side file the command line refuses before any input is read.
	2) [ -n "$side" ] && [ -s "$T/err" ] ||
	       fail "$(basename "$f"): exit 2 ($dia $len $lay): $(cat "$T/err")" ;;
	124) fail "$(basename "$f"): timed out ($dia $len $lay)" ;;
	*) cat "$T/err" >&2
	   fail "$(basename "$f"): exit $rc ($dia $len $lay)" ;;
	esac
	if [ -f "$T/o/in.tei.xml" ]; then
		xmllint --noout "$T/o/in.tei.xml" ||
		    fail "$(basename "$f"): TEI not well-formed"
	fi
	# JSON -> model -> JSON: the same bytes, as the harness asserts.
	if [ -f "$T/o/in.json" ] && [ -z "$two" ]; then
		rm -rf "$T/j"
		mkdir "$T/j"
		"$DOCCONV" -q --input-format=json $len $lay "$@" --json \
		    -o "$T/j/in.json" "$T/o/in.json" 2>"$T/err" ||
		    fail "$(basename "$f"): the JSON written is refused: $(cat "$T/err")"
		cmp -s "$T/o/in.json" "$T/j/in.json" ||
		    fail "$(basename "$f"): JSON -> model -> JSON differs: $(diff "$T/o/in.json" "$T/j/in.json" | head -5)"
	fi
	n=$((n + 1))
done
echo "replayed $n fuzz inputs"
pass
