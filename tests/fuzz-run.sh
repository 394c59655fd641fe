#!/bin/sh
# Run the libFuzzer target for SECONDS (default 600) from the seeds:
# examples/, the golden inputs and tests/data/ (kept crashers
# included), and side files (meta, style, translation, alignment)
# made from tests/data/meta, examples/*.style and tests/data/align.  Run it in the build directory configured with
# --enable-fuzz CC=clang, after make tests/fuzz_parse:
#
#   tests/fuzz-run.sh [SECONDS] [libFuzzer options...]
#
# New corpus entries go to fuzz-corpus/, crashers to fuzz-artifacts/.
# Inputs are at most 4 KiB (override: -max_len=N): small inputs run
# many times faster and reach the same code.
# Exit status: 0 if nothing was found, else libFuzzer's.
set -u
secs=${1:-600}
[ $# -gt 0 ] && shift
src=$(cd "$(dirname "$0")/.." && pwd)
fz=tests/fuzz_parse
[ -x "$fz" ] || { echo "fuzz-run.sh: no $fz here; configure --enable-fuzz CC=clang and make $fz" >&2; exit 2; }
mkdir -p fuzz-corpus fuzz-artifacts fuzz-seeds
# Seeds: the kept crashers as they are (their first byte is already
# the selector); every other file once per dialect, behind a selector
# byte giving that dialect (and a layout, and --lenient on odd ones).
for f in $(find "$src/tests/data/fuzz" -type f 2>/dev/null); do
	cp "$f" "fuzz-seeds/$(printf %s "$f" | cksum | cut -d' ' -f1)"
done
for f in "$src"/examples/*.txt "$src"/tests/golden/*/*.txt \
    $(find "$src/tests/data" -path '*/fuzz' -prune -o -type f -print); do
	for d in 0 1 2 3 4 5; do
		sel=$((d + 16 * (d % 2) + 32 * d))
		{ printf "\\$(printf %o $sel)"; cat "$f"; } \
		    >"fuzz-seeds/$(printf %s "$f$d" | cksum | cut -d' ' -f1)"
	done
done
# docconv's JSON, behind the selector that reads it as JSON (15).
for f in "$src"/tests/golden/*/*.json; do
	{ printf '\017'; cat "$f"; } \
	    >"fuzz-seeds/$(printf %s "$f" | cksum | cut -d' ' -f1)"
done
# Side files (ESC "F" K, see tests/fuzz_parse.c), each behind its
# two-byte length: a meta file, a style, a translation, a translation
# and its alignment file; the text last.
len2() {
	n=$(wc -c <"$1")
	printf "\\$(printf %o $((n >> 8)))\\$(printf %o $((n & 255)))"
}
A=$src/tests/data/align
for m in "$src"/tests/data/meta/*.meta; do
	{ printf '\000\033F\000'; len2 "$m"; cat "$m" "${m%.meta}.txt"; } \
	    >"fuzz-seeds/$(printf %s "$m" | cksum | cut -d' ' -f1)"
done
for st in "$src"/examples/*.style; do
	{ printf '\000\033F\001'; len2 "$st"; cat "$st" "$A/lecture.zh.txt"; } \
	    >"fuzz-seeds/$(printf %s "$st" | cksum | cut -d' ' -f1)"
done
for z in "$A"/*.zh.txt; do
	e=${z%.zh.txt}.en.txt
	{ printf '\000\033F\002'; len2 "$e"; cat "$e" "$z"; } \
	    >"fuzz-seeds/$(printf %s "$z.2" | cksum | cut -d' ' -f1)"
	{ printf '\000\033F\003'; len2 "$e"; cat "$e"; len2 "${z%.zh.txt}.align"
	  cat "${z%.zh.txt}.align" "$z"; } \
	    >"fuzz-seeds/$(printf %s "$z.3" | cksum | cut -d' ' -f1)"
done
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$src/tests/lsan.supp}
exec "$fz" -max_total_time="$secs" -timeout=60 -rss_limit_mb=3072 -max_len=4096 \
    -print_final_stats=1 -artifact_prefix=fuzz-artifacts/ \
    -dict="$src/tests/fuzz.dict" "$@" \
    fuzz-corpus fuzz-seeds
