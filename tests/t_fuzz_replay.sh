#!/bin/sh
# Replay the fuzzer's kept crashers (tests/data/fuzz/*) through the
# command line as tests/fuzz_parse reads them: the first byte picks
# the dialect (low nibble 15: json, else the byte mod 6), --lenient (bit 4) and the PDF layout
# (bits 5-7); the rest is the input.  Each must finish within the
# timeout with exit 0 (converted) or 1 (refused with a message), never
# a crash or a sanitizer report, and any TEI written must be
# well-formed.
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
	rm -rf "$T/o"
	mkdir "$T/o"
	timeout 120 "$DOCCONV" -q --input-format="$dia" $len $lay --dump-model \
	    --tei --epub --pdf -o "$T/o" "$T/in.txt" >/dev/null 2>"$T/err"
	rc=$?
	case $rc in
	0) ;;
	1) [ -s "$T/err" ] || fail "$(basename "$f"): exit 1 without a message" ;;
	124) fail "$(basename "$f"): timed out ($dia $len $lay)" ;;
	*) cat "$T/err" >&2
	   fail "$(basename "$f"): exit $rc ($dia $len $lay)" ;;
	esac
	if [ -f "$T/o/in.tei.xml" ]; then
		xmllint --noout "$T/o/in.tei.xml" ||
		    fail "$(basename "$f"): TEI not well-formed"
	fi
	n=$((n + 1))
done
echo "replayed $n fuzz inputs"
pass
