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
py="python3 $top_srcdir/tests/t_fuzz_replay.py"

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
	$py crasher "$T/in.txt" "$T/opts" || fail "$(basename "$f"): cannot read"
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
