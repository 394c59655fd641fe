#!/bin/sh
# SIGINT, SIGTERM and SIGHUP stop docconv cleanly (issue 15, item 15):
# the exit status is 128+n, no temporary file is left in the output
# directory or in $TMPDIR (-o - needs none), the main process of -j
# stops its workers, and what was finished is whole.  Every wait is
# bounded; a run that ends before the signal reaches it is repeated
# with a bigger input, never counted as a pass.
. "${top_srcdir:-.}/tests/lib.sh"

command -v python3 >/dev/null || skip "python3 not found"
command -v xmllint >/dev/null || skip "xmllint not found"

# A background job of sh starts with SIGINT ignored, a suite run under
# nohup has SIGHUP ignored, and docconv keeps an ignored signal ignored
# (as nohup wants): start it with the three at their defaults, as an
# interactive shell would.
start() {
	python3 -c 'import os, signal, sys
for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
    signal.signal(s, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])' "$DOCCONV" "$@" 2>>"$T/err" &
	pid=$!
}

# Wait (at most 20 s) until the started process is docconv with its
# handlers in (the exec done, SIGINT caught).  A signal sent sooner
# reaches python, whose own handler notes it and then forgets it when
# the handler is reset, and docconv never sees it: on a loaded machine
# the start takes over a second.  Returns 0 once it is.
exe=$(readlink -f "$DOCCONV")
caught() {
	i=0
	while [ $i -lt 2000 ] && kill -0 $pid 2>/dev/null; do
		if [ "$(readlink /proc/$pid/exe 2>/dev/null)" = "$exe" ]; then
			c=$(sed -n 's/^SigCgt:[[:space:]]*//p' /proc/$pid/status 2>/dev/null)
			[ -n "$c" ] && [ $((0x$c & 2)) -ne 0 ] && return 0
		fi
		sleep 0.01
		i=$((i + 1))
	done
	return 1
}

# Wait (at most 30 s) for the process to end; rc is its exit status.
finish() {
	i=0
	while kill -0 $pid 2>/dev/null && [ $i -lt 600 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	if kill -0 $pid 2>/dev/null; then
		# What it is doing, for the log: the process, its workers,
		# their signal masks.
		for p in $pid $(pgrep -P $pid); do
			ps -o pid=,ppid=,stat=,wchan:24=,etime=,args= -p $p
			grep -E '^(State|SigBlk|SigIgn|SigCgt)' /proc/$p/status
			cat /proc/$p/wchan 2>/dev/null; echo
		done >&2
		kill -9 $pid $(pgrep -P $pid)
		fail "$what: still running 30 s after the signal"
	fi
	wait $pid
	rc=$?
}

# Wait (at most 20 s) until a file matching the find(1) arguments
# exists under $1, or the process has ended.  Returns 0 if it exists.
await() {
	dir=$1
	shift
	i=0
	while [ $i -lt 2000 ] && kill -0 $pid 2>/dev/null; do
		[ -n "$(find "$dir" "$@" 2>/dev/null | head -n 1)" ] && return 0
		sleep 0.01
		i=$((i + 1))
	done
	return 1
}

# workers_gone: every pid in $workers has exited, within 10 s in all.
workers_gone() {
	i=0
	for w in $workers; do
		while kill -0 $w 2>/dev/null && [ $i -lt 200 ]; do
			sleep 0.05
			i=$((i + 1))
		done
		kill -0 $w 2>/dev/null && fail "$what: worker $w still running"
	done
	return 0
}

mkinput() {	# mkinput FILE PARAGRAPHS
	python3 -c 'import sys
n = int(sys.argv[1])
sys.stdout.write("标题\n\n" + "".join("第%d段，这是一个很短的段落。\n\nParagraph %d.\n\n" % (i, i)
    for i in range(n)))' "$2" >"$1"
}

signum() { case $1 in INT) echo 2 ;; TERM) echo 15 ;; HUP) echo 1 ;; esac; }

# ---- one file: the temporary output beside the final one goes.
# (50,000 pairs of paragraphs are written for about a second after the
# temporary file appears on the loaded test machine, time enough to
# see it; a miss is tried again three times bigger.)
for c in INT:tei:50000 TERM:epub:50000 HUP:pdf:8000 TERM:pdf:8000 INT:epub:50000 HUP:tei:50000; do
	sig=${c%%:*}
	fmt=${c#*:}
	n=${fmt#*:}
	fmt=${fmt%:*}
	what="SIG$sig during --$fmt"
	try=0
	while :; do
		mkinput "$T/in.txt" $n
		rm -rf "$T/o"
		mkdir "$T/o"
		start -q --$fmt -o "$T/o" "$T/in.txt"
		if await "$T/o" -name '.in.*'; then
			kill -$sig $pid
			finish
			# Exit 0: it finished (the temporary file was
			# about to be renamed) before the signal came.
			[ $rc -ne 0 ] && break
		else
			finish
		fi
		try=$((try + 1))
		[ $try -lt 3 ] || fail "$what: the run always ended before the signal"
		n=$((n * 3))
	done
	[ $rc -eq $((128 + $(signum $sig))) ] ||
	    fail "$what: exit $rc, expected $((128 + $(signum $sig))): $(cat "$T/err")"
	left=$(ls -A "$T/o")
	[ -z "$left" ] || fail "$what: left in the output directory: $left"
done

# ---- -o -: nothing in $TMPDIR, during the run or after a signal.
mkdir "$T/tmp"
mkinput "$T/in.txt" 50000
what="-o - with SIGTERM"
TMPDIR="$T/tmp" start -q --epub -o - "$T/in.txt" >"$T/stdout"
caught || fail "$what: docconv did not start"
sleep 0.2
kill -TERM $pid
finish
[ $rc -eq 143 ] || [ $rc -eq 0 ] || fail "$what: exit $rc"
left=$(ls -A "$T/tmp")
[ -z "$left" ] || fail "$what: left in \$TMPDIR: $left"
what="-o - with no writable \$TMPDIR"
mkinput "$T/small.txt" 10
for fmt in tei epub pdf; do
	TMPDIR="$T/none" "$DOCCONV" -q --$fmt -o - "$T/small.txt" >"$T/stdout" 2>"$T/err" ||
	    fail "$what: --$fmt: exit $?: $(cat "$T/err")"
	case $fmt in
	tei) xmllint --noout "$T/stdout" ;;
	epub) unzip -tq "$T/stdout" >/dev/null ;;
	pdf) head -c 5 "$T/stdout" | grep -q '^%PDF-' ;;
	esac || fail "$what: --$fmt: not a whole file"
done
TMPDIR="$T/none" "$DOCCONV" -q -j 2 --dump-model "$T/small.txt" "$T/in.txt" \
    >"$T/stdout" 2>"$T/err" || fail "$what: -j 2 --dump-model: $(cat "$T/err")"

# ---- -j: a signal to the main process stops the workers too.
mkdir "$T/many"
for k in 1 2 3 4 5 6; do
	mkinput "$T/many/f$k.txt" 40000
done
for sig in TERM INT; do
	what="-j 2, SIG$sig to the main process"
	rm -rf "$T/o"
	mkdir "$T/o"
	start -j 2 --tei --epub -o "$T/o" "$T"/many/f*.txt
	await "$T/o" -name '.f*' || fail "$what: no conversion began"
	workers=$(pgrep -P $pid)
	[ -n "$workers" ] || fail "$what: no worker processes seen"
	kill -$sig $pid
	finish
	[ $rc -eq $((128 + $(signum $sig))) ] || fail "$what: exit $rc: $(cat "$T/err")"
	workers_gone
	for f in $(ls -A "$T/o"); do
		case $f in
		.*) fail "$what: left $f" ;;
		*.tei.xml) xmllint --noout "$T/o/$f" || fail "$what: $f is not whole" ;;
		*.epub) unzip -tq "$T/o/$f" >/dev/null || fail "$what: $f is not whole" ;;
		esac
	done
	grep -q 'stopped by signal' "$T/err" || fail "$what: no message saying so: $(cat "$T/err")"
done

# ---- -j: the main process killed (-9) still stops its workers.
what="-j 2, SIGKILL to the main process"
rm -rf "$T/o"
mkdir "$T/o"
start -q -j 2 --tei -o "$T/o" "$T"/many/f*.txt
await "$T/o" -name '.f*' || fail "$what: no conversion began"
workers=$(pgrep -P $pid)
kill -9 $pid
finish
workers_gone
left=$(ls -A "$T/o" | grep '^\.' || true)
[ -z "$left" ] || fail "$what: the workers left $left"
# ---- A FIFO nobody opens, or a reader that stopped reading: a signal
# still stops docconv (it was held while the finished file was copied
# out, and the run waited for SIGKILL), and nothing is left.
mkfifo "$T/fifo" "$T/fifo2" || skip "no mkfifo"
mkinput "$T/mid.txt" 3000
rm -rf "$T/tmp"
mkdir "$T/tmp"
what="-o a FIFO with no reader, SIGTERM"
TMPDIR="$T/tmp" start -q --tei -o "$T/fifo" "$T/mid.txt"
caught || fail "$what: docconv did not start"
sleep 1
kill -TERM $pid
finish
[ $rc -eq 143 ] || fail "$what: exit $rc: $(cat "$T/err")"
what="-o - into a stalled reader, SIGINT"
sleep 60 <"$T/fifo2" &
reader=$!
TMPDIR="$T/tmp" start -q --tei -o - "$T/mid.txt" >"$T/fifo2"
caught || fail "$what: docconv did not start"
sleep 1
kill -INT $pid
finish
kill $reader
[ $rc -eq 130 ] || fail "$what: exit $rc: $(cat "$T/err")"
left=$(ls -A "$T/tmp")
[ -z "$left" ] || fail "$what: left in \$TMPDIR: $left"
pass
