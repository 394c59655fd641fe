#!/bin/sh
# docconv over GNU Parallel: a file list cut into chunks, one docconv
# per chunk (its fonts set up once for the chunk, not once per file),
# as many at a time as the machines have cores, one report per chunk,
# merged at the end.
#
# Usage: examples/parallel.sh LIST OUT [PARALLEL-OPTION...] -- [DOCCONV-OPTION...]
#
#   LIST  the files to convert, one a line (find corpus -name '*.txt')
#   OUT   the output directory; its reports/ gets report.N.jsonl per
#         chunk and OUT/report.jsonl is all of them
#
# On this machine:
#   examples/parallel.sh list.txt out -- --tei
# Over several machines that see the same files at the same paths
# (NFS and the like), docconv installed on each; a login file lists
# them as "8/user@host" (8 jobs there), ":" is this machine:
#   examples/parallel.sh list.txt /shared/out --sshloginfile nodes -- --tei
# Run it again after an interruption: --skip-existing converts only
# what is missing or older than its input.
#
# Environment: DOCCONV (default: docconv), CHUNK (files per docconv,
# default 1000).
set -eu
[ $# -ge 2 ] || { sed -n '6,8p' "$0" >&2; exit 2; }
list=$1
out=$2
shift 2
popts=
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
	popts="$popts $1"
	shift
done
[ $# -gt 0 ] && shift
mkdir -p "$out/reports"
rm -f "$out"/reports/report.*.jsonl
out=$(cd "$out" && pwd)
st=0
# shellcheck disable=SC2086
parallel --will-cite --pipe -N "${CHUNK:-1000}" $popts \
    "${DOCCONV:-docconv}" --files-from - -q --skip-existing -o "$out" \
    --report "$out/reports/report.{#}.jsonl" "$@" <"$list" || st=$?
cat "$out"/reports/report.*.jsonl >"$out/report.jsonl" 2>/dev/null || :
awk '/"status":"converted"/ { c++ } /"status":"skipped"/ { s++ }
    /"status":"failed"/ { f++ }
    END { printf "%d files: %d converted, %d skipped, %d failed\n",
        NR, c, s, f }' "$out/report.jsonl" >&2
# parallel's status: the number of jobs that failed (a docconv that
# refused a file exits 1); 0 when all is well.
exit $st
