#!/bin/sh
# make bench, large collections (issue 14): 20,000 tiny files through
# --files-from with -j 1 and -j 2 (the same outputs), a batch stopped
# by SIGTERM halfway and resumed with --skip-existing (only the rest
# converted), then the GNU Parallel recipe and the Slurm array over
# the same number of files (byte-identical to -j 2).  Prints files/s.
# Usage: tests/bench/batch.sh DOCCONV SRCDIR
# Exits 1 if a check FAILs.
set -u
DOCCONV=$1
SRC=$2
N=${BENCH_FILES:-20000}
T=$(mktemp -d "${TMPDIR:-/tmp}/docconv-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export SOURCE_DATE_EPOCH=1605000000
fail=0

python3 "$SRC/tests/tiny_corpus.py" "$T/in" "$N"
find "$T/in" -name '*.txt' | sort >"$T/list"

now() { date +%s.%N; }
rate() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%7.2f s %8.0f files/s", b - a, n / (b - a) }'; }

for j in 1 2; do
	s0=$(now)
	"$DOCCONV" -q -j $j --files-from "$T/list" --tei -o "$T/j$j" ||
	    { echo "bench: -j $j failed"; exit 1; }
	printf '%-34s %s\n' "--files-from, -j $j, --tei" "$(rate "$s0" "$(now)" "$N")"
done
diff -r "$T/j1" "$T/j2" >/dev/null && v=PASS || v=FAIL
echo "-j 2 outputs identical to -j 1: $v"
[ $v = PASS ] || fail=1

# Stopped halfway, resumed.
"$DOCCONV" -q -j 2 --files-from "$T/list" --tei -o "$T/k" --report "$T/r1" &
pid=$!
i=0
while [ $i -lt 6000 ] && [ "$(ls "$T/k" 2>/dev/null | wc -l)" -lt $((N / 2)) ]; do
	sleep 0.05
	i=$((i + 1))
done
kill -TERM $pid
wait $pid
rc=$?
n1=$(ls "$T/k" | wc -l)
r1=$(wc -l <"$T/r1")
s0=$(now)
"$DOCCONV" -q -j 2 --files-from "$T/list" --tei -o "$T/k" --skip-existing \
    --report "$T/r2"
s1=$(now)
conv=$(grep -c '"status":"converted"' "$T/r2")
skip=$(grep -c '"status":"skipped"' "$T/r2")
[ $rc -eq 143 ] && [ "$r1" -eq "$n1" ] && [ "$conv" -eq $((N - n1)) ] &&
    [ "$skip" -eq "$n1" ] && diff -r "$T/j1" "$T/k" >/dev/null && v=PASS || v=FAIL
printf '%-34s %s\n' "resumed with --skip-existing" "$(rate "$s0" "$s1" "$N")"
echo "stopped (exit $rc) after $n1 files, resumed: $conv converted, $skip skipped: $v"
[ $v = PASS ] || fail=1
rm -rf "$T/j1" "$T/k"

# GNU Parallel and Slurm: their tests, at this size.
for t in t_parallel t_slurm; do
	BENCH_FILES=$N CHUNK=1000 DOCCONV=$DOCCONV top_srcdir=$SRC \
	    sh "$SRC/tests/$t.sh" >"$T/$t.out" 2>&1
	rc=$?
	case $rc in 0) v=PASS ;; 77) v=SKIP ;; *) v=FAIL ;; esac
	grep ' files in ' "$T/$t.out" | sed 's/^/  /'
	echo "$t at $N files: $v"
	[ $rc -eq 0 ] || [ $rc -eq 77 ] || { tail -n 5 "$T/$t.out"; fail=1; }
done
exit $fail
