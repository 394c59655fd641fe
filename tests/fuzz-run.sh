#!/bin/sh
# Run the libFuzzer target for SECONDS (default 600) from the seeds:
# examples/, the golden inputs and tests/data/ (kept crashers
# included).  Run it in the build directory configured with
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
# Seeds: each file as it is, so its first byte picks the dialect.
for f in "$src"/examples/*.txt "$src"/tests/golden/*/*.txt \
    $(find "$src/tests/data" -type f); do
	cp "$f" "fuzz-seeds/$(printf %s "$f" | cksum | cut -d' ' -f1)"
done
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$src/tests/lsan.supp}
exec "$fz" -max_total_time="$secs" -timeout=60 -rss_limit_mb=3072 -max_len=4096 \
    -print_final_stats=1 -artifact_prefix=fuzz-artifacts/ "$@" \
    fuzz-corpus fuzz-seeds
