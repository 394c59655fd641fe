#!/bin/sh
# examples/parallel.sh, the README's GNU Parallel recipe: over 200
# files in chunks, on this machine and through --sshloginfile (":" is
# this machine, the way a login file names it), byte-identical outputs
# to -j 2, a report per chunk merged into one with every file once, and
# run again with --skip-existing nothing converted.
. "${top_srcdir:-.}/tests/lib.sh"

command -v parallel >/dev/null || skip "GNU Parallel not found (install-deps.sh installs it)"
command -v python3 >/dev/null || skip "python3 not found"
parallel --version 2>/dev/null | grep -q 'GNU parallel' ||
    skip "parallel is not GNU Parallel (moreutils?)"

# make bench runs this with BENCH_FILES=20000 and prints the times.
N=${BENCH_FILES:-200}
python3 "$top_srcdir/tests/tiny_corpus.py" "$T/in" "$N"
find "$T/in" -name "*.txt" | sort >"$T/list"
export SOURCE_DATE_EPOCH=1600000000 DOCCONV
CHUNK=${CHUNK:-30}
export CHUNK
s0=$(date +%s.%N)
"$DOCCONV" -q -j 2 --files-from "$T/list" --tei --epub -o "$T/j" ||
    fail "-j 2: exit $?"
s1=$(date +%s.%N)
echo "-j 2: $N files in $(awk -v a="$s0" -v b="$s1" 'BEGIN { printf "%.2f", b - a }') s"

# check_report FILE STATUS: every input once, with that status.
check_report() {
	python3 "$top_srcdir/tests/t_batch.py" merged "$1" "$T/list" "$2" ||
	    fail "$what: the merged report is wrong"
}

printf '2/:\n' >"$T/logins"
for how in "-j 2" "--sshloginfile $T/logins"; do
	what="parallel $how"
	rm -rf "$T/p"
	s0=$(date +%s.%N)
	# shellcheck disable=SC2086
	sh "$top_srcdir/examples/parallel.sh" "$T/list" "$T/p" $how -- \
	    --tei --epub 2>"$T/err" || fail "$what: exit $?: $(cat "$T/err")"
	s1=$(date +%s.%N)
	echo "$what: $N files in $(awk -v a="$s0" -v b="$s1" 'BEGIN { printf "%.2f", b - a }') s"
	grep -q "^$N files: $N converted, 0 skipped, 0 failed" "$T/err" ||
	    fail "$what: no summary: $(cat "$T/err")"
	[ "$(ls "$T/p/reports" | wc -l)" -eq $(((N + CHUNK - 1) / CHUNK)) ] ||
	    fail "$what: not one report per chunk of $CHUNK: $(ls "$T/p/reports")"
	check_report "$T/p/report.jsonl" converted
	mv "$T/p/report.jsonl" "$T/report.jsonl"
	mv "$T/p/reports" "$T/reports"
	diff -r "$T/j" "$T/p" >"$T/diff" ||
	    fail "$what: outputs differ from -j 2: $(head -n 5 "$T/diff")"
	mv "$T/reports" "$T/p/reports"
done
what="parallel run again"
sh "$top_srcdir/examples/parallel.sh" "$T/list" "$T/p" -j 2 -- --tei --epub \
    2>"$T/err" || fail "$what: exit $?: $(cat "$T/err")"
check_report "$T/p/report.jsonl" skipped
pass
