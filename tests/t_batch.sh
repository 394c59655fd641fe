#!/bin/sh
# Batches at scale (issue 14): --files-from (newline, -0, standard
# input), --skip-existing, --report, the progress and summary lines,
# a batch stopped by a signal and resumed, and -j 2 giving the same
# outputs as -j 1 over 2,000 files (20,000 in make bench).
. "${top_srcdir:-.}/tests/lib.sh"
py="python3 $top_srcdir/tests/t_batch.py"

command -v python3 >/dev/null || skip "python3 not found"

# check_report FILE N CONVERTED SKIPPED FAILED: every line is a JSON
# object with path, status, outputs and messages, N lines, so many of
# each status, each input once.
check_report() {
	$py report "$@" || fail "$what: report: $(cat "$T/perr")"
}

mkdir "$T/in"
$py inputs "$T/in"
(cd "$T/in" && ls f*.txt warn.txt empty.txt) | sed "s|^|$T/in/|" >"$T/list"
printf '\n' >>"$T/list"	# an empty line is no file

# ---- --files-from FILE, --report, the summary without a terminal.
what="--files-from list"
run --files-from "$T/list" --tei -o "$T/o" --report "$T/r1" -j 2
expect 1 "42 files: 41 converted, 0 skipped, 1 failed, [1-9][0-9]* warnings"
[ "$(ls "$T/o" | wc -l)" -eq 41 ] || fail "$what: $(ls "$T/o" | wc -l) outputs, expected 41"
check_report "$T/r1" 42 41 0 1
grep -q '"path":"[^"]*warn.txt","status":"converted".*WARNING' "$T/r1" ||
    fail "$what: the warning is not in the report"
what="-q"
run -q --files-from "$T/list" --tei -o "$T/oq"
grep -q 'files:' "$T/err" && fail "$what: a summary line under -q"

# ---- -0 from standard input, with the odd name.
what="-0 --files-from -"
(cd "$T/in" && find . -name '*.txt' ! -name empty.txt -print0) >"$T/list0"
(cd "$T/in" && "$DOCCONV" -0 --files-from - --tei -o "$T/o0" --report "$T/r0" \
    <"$T/list0" >"$T/out" 2>"$T/err")
rc=$?
expect 0 "42 files: 42 converted"
check_report "$T/r0" 42 42 0 0
[ -f "$T/o0/odd \"name\"\\ é
2.tei.xml" ] || fail "$what: the odd name not converted"
what="--files-from with - in it"
printf -- '-\n' | "$DOCCONV" --files-from - --tei >"$T/out" 2>"$T/err"
rc=$?
expect 2 "cannot name - as a file"
what="--files-from missing"
run --files-from "$T/nonexistent" --tei
expect 2 "nonexistent"
what="an empty list"
run --files-from /dev/null --tei
expect 0 "no files listed"

# ---- --skip-existing: only what changed is converted again.
what="--skip-existing, nothing changed"
run --files-from "$T/list" --tei -o "$T/o" --skip-existing --report "$T/r2"
expect 1 "42 files: 0 converted, 41 skipped, 1 failed"
check_report "$T/r2" 42 0 41 1
what="--skip-existing, one input changed"
sleep 0.01
touch "$T/in/f07.txt"
run --files-from "$T/list" --tei -o "$T/o" --skip-existing --report "$T/r3" -j 2
expect 1 "42 files: 1 converted, 40 skipped, 1 failed"
grep -q 'f07.txt","status":"converted"' "$T/r3" || fail "$what: f07 not converted"
what="--skip-existing, an output missing"
rm "$T/o/f09.tei.xml"
run --files-from "$T/list" --tei --epub -o "$T/o" --skip-existing
expect 1 "42 files: 41 converted, 0 skipped, 1 failed"
what="--skip-existing, a newer template directory"
cp -r "$top_srcdir/templates" "$T/tpl"
run --files-from "$T/list" --epub -o "$T/o" --skip-existing --template-dir "$T/tpl"
expect 1 "42 files: 41 converted, 0 skipped, 1 failed"
run --files-from "$T/list" --epub -o "$T/o" --skip-existing --template-dir "$T/tpl"
expect 1 "42 files: 0 converted, 41 skipped, 1 failed"

what="--skip-existing, a newer sidecar"
sleep 0.01
printf 'publisher = Ombrelle Press\n' >"$T/in/f11.meta"
run --files-from "$T/list" --epub -o "$T/o" --skip-existing --report "$T/r4"
expect 1 "42 files: 1 converted, 40 skipped, 1 failed"
grep -q 'f11.txt","status":"converted"' "$T/r4" || fail "$what: f11 not converted"
what="--skip-existing, a newer --meta-file"
sleep 0.01
printf 'publisher = Ombrelle Press\n' >"$T/press.meta"
run --files-from "$T/list" --epub -o "$T/o" --skip-existing --meta-file "$T/press.meta"
expect 1 "42 files: 41 converted, 0 skipped, 1 failed"
rm "$T/in/f11.meta"

# ---- JSON Lines under -j: one record a file, in input order (the first
# file the slowest), each naming its input as given; a reader that
# stops reading stops the batch.
what="JSON Lines under -j 2"
$py jl_inputs "$T/jl"
(cd "$T" && ls jl/a-long.txt jl/b*.txt >jl.list &&
    "$DOCCONV" -q -j 2 --json -o - --files-from jl.list >jl.out 2>"$T/err") ||
    fail "$what: exit $?: $(cat "$T/err")"
$py in_order "$T/jl.out" "$T/jl.list" || fail "$what: not in input order"
what="JSON Lines into | head"
for k in 1 2 3 4 5 6 7 8; do cp "$T/jl/a-long.txt" "$T/jl/c$k.txt"; done
ls "$T"/jl/c*.txt >"$T/jl.c"
"$DOCCONV" -q -j 2 --json -o - --files-from "$T/jl.c" 2>"$T/err" |
    head -c 100 >/dev/null
grep -q "standard output was closed\|writing to standard output" "$T/err" ||
    fail "$what: $(cat "$T/err")"

# ---- On a terminal: a progress line with the rate and time left.
if command -v script >/dev/null; then
	what="progress on a terminal"
	ls "$T"/in/f*.txt "$T/in/warn.txt" >"$T/longlist"
	script -qec "'$DOCCONV' --files-from '$T/longlist' --tei -o '$T/op'" \
	    /dev/null >"$T/tty" </dev/null || fail "$what: $(cat "$T/tty")"
	grep -q "files/s" "$T/tty" && grep -q "left" "$T/tty" ||
	    fail "$what: no progress line: $(cat "$T/tty")"
	grep -q "$(wc -l <"$T/longlist" | tr -d ' ') files: [0-9]* converted" "$T/tty" ||
	    fail "$what: no summary line: $(cat "$T/tty")"
	# A warning first clears the progress line it would be printed
	# over (the cursor waits at its start).
	$py progress "$T/tty" || fail "$what: a warning over the progress line"
	# With -j 2 the workers' warnings and the progress line share the
	# terminal: each is one write, so that no line comes between a
	# warning's clearing and its text.
	what="warnings of -j 2 beside the progress line"
	mkdir "$T/jw"
	for i in $(seq 1 40); do
		printf 'Tarn %d\n\nVelmo\001 dor.\n' $i >"$T/jw/w$i.txt"
	done
	script -qec "'$DOCCONV' -j 2 --tei -o '$T/jwo/' '$T'/jw/w*.txt" \
	    /dev/null >"$T/tty" </dev/null || fail "$what: $(cat "$T/tty")"
	$py progress40 "$T/tty" || fail "$what: a warning not cleared before"
else
	echo "no script(1): the terminal's progress line is not checked"
fi

# ---- 2,000 files: -j 2 gives what -j 1 gives; a batch stopped by
# SIGTERM leaves only whole files and report lines, and resumed with
# --skip-existing converts only the rest.
$py big "$T/big"
ls "$T"/big/*.txt >"$T/biglist"
export SOURCE_DATE_EPOCH=1600000000
what="2,000 files, -j 1"
run -q --files-from "$T/biglist" --tei -o "$T/j1" -j 1
expect 0
what="2,000 files, -j 2"
run -q --files-from "$T/biglist" --tei -o "$T/j2" -j 2
expect 0
[ "$(ls "$T/j1" | wc -l)" -eq 2000 ] || fail "$what: not 2,000 outputs"
diff -r "$T/j1" "$T/j2" >/dev/null || fail "$what: -j 2 differs from -j 1"

what="2,000 files, stopped and resumed"
"$DOCCONV" --files-from "$T/biglist" --tei -o "$T/k" -j 2 --report "$T/rk1" \
    >"$T/out" 2>"$T/err" &
pid=$!
i=0
while [ $i -lt 2000 ] && [ "$(ls "$T/k" 2>/dev/null | wc -l)" -lt 300 ]; do
	sleep 0.01
	i=$((i + 1))
done
kill -TERM $pid
i=0
while kill -0 $pid 2>/dev/null && [ $i -lt 600 ]; do
	sleep 0.05
	i=$((i + 1))
done
wait $pid
rc=$?
if [ $rc -eq 0 ]; then
	echo "$what: the batch ended before the signal; resuming is not checked"
else
	expect 143 "stopped by signal 15"
	grep -q "not converted" "$T/err" || fail "$what: the summary does not say so"
	left=$(ls -A "$T/k" | grep '^\.' || true)
	[ -z "$left" ] || fail "$what: left $left"
	n1=$(ls "$T/k" | wc -l)
	[ "$n1" -lt 2000 ] || fail "$what: all converted"
	check_report "$T/rk1" "$n1" "$n1" 0 0
	sleep 0.01
	run -q --files-from "$T/biglist" --tei -o "$T/k" -j 2 --skip-existing \
	    --report "$T/rk2"
	expect 0
	check_report "$T/rk2" 2000 $((2000 - n1)) "$n1" 0
	diff -r "$T/j1" "$T/k" >/dev/null || fail "$what: outputs differ from -j 1"
fi
pass
