#!/bin/sh
# Nothing lost: an output is whole or absent.  kill -9 mid-write
# leaves no file at the final path; the input is never overwritten; a
# read-only directory, a full disk, /dev/full are reported with exit 3
# and leave nothing behind; devices and FIFOs as -o are written into,
# never replaced.
#
# kill -9 cannot be caught, so the temporary file (.NAME.XXXXXX beside
# the output, hidden) stays behind: it is never at the final path, and
# the next run writing NAME removes it, saying so, unless a process
# holds it locked (a run writing it now).  This test checks that it is
# the only thing left, and that the next run removes it.
. "${top_srcdir:-.}/tests/lib.sh"
tools="python3 $top_srcdir/tests/tools.py"

command -v python3 >/dev/null || skip "python3 not found"
command -v xmllint >/dev/null || skip "xmllint not found"
# Never leave a test mount behind.
trap 'umount "$T/ro" "$T/small" 2>/dev/null; rm -rf "$T"' EXIT

ex="$top_srcdir/examples/speech-bilingual.zh-en.txt"

# ---- kill -9 while the output is being written.
$tools pairs 60000 >"$T/big.txt"
# PDF is slower: a tenth is enough for it.
head -n 24002 "$T/big.txt" >"$T/bigpdf.txt"
killed=0
for fmt in epub tei pdf; do
	case $fmt in tei) ext=tei.xml ;; *) ext=$fmt ;; esac
	what="kill -9 --$fmt"
	rm -rf "$T/k"
	mkdir "$T/k"
	in="$T/big.txt"
	[ $fmt = pdf ] && in="$T/bigpdf.txt"
	"$DOCCONV" -q --$fmt -o "$T/k/big.$ext" "$in" 2>/dev/null &
	pid=$!
	sleep 0.05
	# Wait until the temporary file has data in it (or the run ends);
	# the PDF is written all at once at the end, so only until it
	# exists.
	size=+0
	[ $fmt = pdf ] && size=-1
	i=0
	while [ $i -lt 3000 ] && kill -0 $pid 2>/dev/null; do
		[ -n "$(find "$T/k" -name ".big.$ext.*" -size $size 2>/dev/null)" ] &&
		    break
		sleep 0.005
		i=$((i + 1))
	done
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	# 137: killed by signal 9 (not a zombie that had already finished).
	if [ $? -eq 137 ]; then
		# Killed after the rename (while freeing the model): the
		# file at the final path must then be whole.
		if [ -e "$T/k/big.$ext" ]; then
			case $fmt in
			tei) xmllint --noout --nonet "$T/k/big.$ext" ;;
			epub) unzip -tq "$T/k/big.$ext" >/dev/null ;;
			pdf) qpdf --check "$T/k/big.$ext" >/dev/null ;;
			esac || fail "$what: a partial file at the final path"
			echo "$what: killed after the rename; the output is whole"
		fi
		# (The EPUB's zip is built in memory: libzip adds no
		# .XXXXXX file of its own any more.)
		for f in $(ls -A "$T/k"); do
			case $f in
			big.$ext) ;;	# checked whole above
			.big.$ext.??????)
				echo "$what: left $f (the next run removes it)" ;;
			# The PDF's scratch beside its temporary file,
			# killed between its g_mkstemp() and unlink().
			.big.pdf.??????.??????)
				scratch=$f
				echo "$what: left $f (the next run removes it)" ;;
			# Killed after the rename: whole, checked above.
			big.$ext) ;;
			*) fail "$what: unexpected file left: $f" ;;
			esac
		done
		killed=$((killed + 1))
		# The next run writes the whole file and removes the
		# leftover (PDF: slow, only if its scratch was left).
		if [ $fmt != pdf ] || [ -n "${scratch:-}" ]; then
			scratch=
			if [ $fmt = pdf ]; then
				run --pdf -o "$T/k/big.pdf" "$T/bigpdf.txt"
			else
				run --$fmt -o "$T/k/" "$T/big.txt"
			fi
			expect 0
			[ -s "$T/k/big.$ext" ] ||
			    fail "$what: no output on the next run"
			left=$(ls -A "$T/k" | grep '^\.' || true)
			[ -z "$left" ] || fail "$what: $left not removed"
		fi
	else
		echo "$what: finished before the kill"
	fi
done
[ $killed -ge 1 ] || fail "kill -9: every run finished before the kill"

# ---- What a killed run left is removed by the next run writing the
# same output, with a warning; not a file a process holds locked (a
# run writing it now), nor another output's.
what="stale temporary files"
mkdir "$T/st"
cp "$ex" "$T/st/s.txt"
for f in .s.tei.xml.Ab12Cd .s.epub.Qw34Er.Ty56Ui .s.tei.xml.Zx78Cv \
    .other.tei.xml.Ab12Cd .s.tei.xml.bak; do
	: >"$T/st/$f"
done
if command -v flock >/dev/null; then
	flock "$T/st/.s.tei.xml.Zx78Cv" sleep 10 &
	holder=$!
	sleep 0.3
else
	rm "$T/st/.s.tei.xml.Zx78Cv"
fi
run --tei --epub "$T/st/s.txt"
expect 0 ".s.tei.xml.Ab12Cd: WARNING: removed: a temporary file of s.tei.xml"
grep -q ".s.epub.Qw34Er.Ty56Ui: WARNING: removed" "$T/err" ||
    fail "$what: libzip's not removed: $(cat "$T/err")"
[ ! -e "$T/st/.s.tei.xml.Ab12Cd" ] && [ ! -e "$T/st/.s.epub.Qw34Er.Ty56Ui" ] ||
    fail "$what: not removed: $(ls -A "$T/st")"
[ -e "$T/st/.other.tei.xml.Ab12Cd" ] && [ -e "$T/st/.s.tei.xml.bak" ] ||
    fail "$what: another output's removed: $(ls -A "$T/st")"
if [ -n "${holder:-}" ]; then
	[ -e "$T/st/.s.tei.xml.Zx78Cv" ] || fail "$what: a locked one removed"
	kill $holder 2>/dev/null
fi

# ---- -j: a worker killed mid-file.  Its file is named as not
# converted, exit 3, every other file converted, nothing partial.
mkdir "$T/jin" "$T/jout"
head -n 12002 "$T/big.txt" >"$T/jin/f1.txt"
for i in 2 3 4 5 6 7 8 9 10 11 12; do cp "$T/jin/f1.txt" "$T/jin/f$i.txt"; done
"$DOCCONV" -q -j 2 --tei -o "$T/jout" "$T"/jin/*.txt 2>"$T/err" &
pid=$!
i=0
while [ $i -lt 2000 ] && [ -z "$(ls -A "$T/jout" 2>/dev/null)" ]; do
	sleep 0.005
	i=$((i + 1))
done
w=$(pgrep -P $pid | head -n 1)
[ -n "$w" ] && kill -9 "$w"
wait $pid
rc=$?
what="-j 2, a worker killed"
if [ -n "$w" ] && [ "$(ls "$T/jout" | wc -l)" -eq 12 ] &&
    ! grep -q "not converted" "$T/err"; then
	# Killed between files (idle, the other worker having taken the
	# rest): nothing was lost, and the death is still reported.
	expect 3 "a worker process failed"
	echo "$what: killed between files; every file converted"
elif [ -n "$w" ]; then
	expect 3 "not converted (a worker process died"
	bad=$(sed -n 's|.*/jin/\(f[0-9]*\)\.txt: not converted.*|\1|p' "$T/err")
	[ "$(echo "$bad" | wc -l)" -eq 1 ] || fail "$what: not named once: $bad"
	[ ! -e "$T/jout/$bad.tei.xml" ] || fail "$what: output for $bad"
	[ "$(ls "$T/jout" | wc -l)" -eq 11 ] ||
	    fail "$what: $(ls "$T/jout" | wc -l) outputs, not 11"
else
	echo "$what: no worker to kill (finished early)"
fi

# ---- The output may not be the input.
mkdir "$T/same"
cp "$top_srcdir/tests/data/tei/split-lead.tei.xml" "$T/same/a.tei.xml"
cp "$T/same/a.tei.xml" "$T/orig"
what="TEI beside itself"
run --tei "$T/same/a.tei.xml"
expect 2 "would overwrite the input"
what="-o the input"
run --tei -o "$T/same/a.tei.xml" "$T/same/a.tei.xml"
expect 2 "would overwrite the input"
ln "$T/same/a.tei.xml" "$T/same/hard.tei.xml"
ln -s a.tei.xml "$T/same/soft.tei.xml"
what="-o a hard link to the input"
run --tei -o "$T/same/hard.tei.xml" "$T/same/a.tei.xml"
expect 2 "would overwrite the input"
what="-o a symbolic link to the input"
run --tei -o "$T/same/soft.tei.xml" "$T/same/a.tei.xml"
expect 2 "would overwrite the input"
cmp -s "$T/orig" "$T/same/a.tei.xml" || fail "the input was changed"
cp "$ex" "$T/same/in.txt"
what="--epub -o the input"
run --epub -o "$T/same/in.txt" "$T/same/in.txt"
expect 2 "would overwrite the input"
cmp -s "$ex" "$T/same/in.txt" || fail "the text input was changed"
[ "$(ls -A "$T/same" | wc -l)" -eq 4 ] || fail "files left: $(ls -A "$T/same")"
# A clash with a file of the run is a usage error, said through msg.c
# as every other: a name's control characters escaped, never sent to
# the terminal (an ESC in a name cleared it).
mkdir "$T/esc"
e=$(printf 'a\033[2Jb')
cp "$ex" "$T/esc/$e.txt"
what="--report the output"
run --tei --report "$T/esc/$e.tei.xml" "$T/esc/$e.txt"
expect 2 'a\\x1B\[2Jb\.tei\.xml are one file'
! grep -q "$(printf '\033')" "$T/err" || fail "$what: an ESC on standard error"

# ---- A read-only target directory: a read-only mount as root (root
# ignores modes), mode 555 otherwise.
mkdir "$T/ro"
if [ "$(id -u)" -eq 0 ]; then
	mount -t tmpfs -o ro,size=64k tmpfs "$T/ro" 2>/dev/null && ro=mount
else
	chmod 555 "$T/ro" && ro=mode
fi
if [ -n "${ro:-}" ]; then
	what="read-only directory ($ro)"
	run --tei --epub --pdf -o "$T/ro/" "$ex"
	expect 3 "cannot create a file there"
	[ -z "$(ls -A "$T/ro")" ] || fail "$what: files left"
	[ "$ro" = mount ] && umount "$T/ro"
	chmod 755 "$T/ro"
else
	echo "read-only directory: cannot make one here; not tested"
fi

# ---- Full devices: /dev/full (a private node as root, so that a
# regression cannot replace the real one), and standard output on it.
full=/dev/full
if [ "$(id -u)" -eq 0 ] && mknod "$T/full" c 1 7 2>/dev/null; then
	full="$T/full"
	mknod "$T/null" c 1 3 || fail "mknod null"
fi
for fmt in tei epub pdf; do
	what="-o /dev/full --$fmt"
	run -q --$fmt -o "$full" "$ex"
	expect 3 "No space left on device"
	[ -c "$full" ] || fail "$what: $full is no longer a device"
	what="-o - >/dev/full --$fmt"
	"$DOCCONV" -q --$fmt -o - "$ex" >"$full" 2>"$T/err"
	rc=$?
	expect 3 "No space left on device"
done
if [ -c "$T/null" ]; then
	what="-o null device"
	run -q --tei -o "$T/null" "$ex"
	expect 0
	[ -c "$T/null" ] || fail "$what: the device was replaced by a file"
fi
# A FIFO is written into, not replaced.
mkfifo "$T/fifo"
cat "$T/fifo" >"$T/fromfifo" &
what="-o FIFO"
run -q --tei -o "$T/fifo" "$ex"
expect 0
wait
[ -p "$T/fifo" ] || fail "$what: the FIFO was replaced"
xmllint --noout "$T/fromfifo" || fail "$what: TEI read from the FIFO"
ls -A "${TMPDIR:-/tmp}" | grep -q '^\.docconv-stdout\.' &&
    echo "note: .docconv-stdout.* files in ${TMPDIR:-/tmp} (other runs?)"

# ---- A full file system (root only: a 64 KiB tmpfs).
mkdir "$T/small"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=64k tmpfs "$T/small" 2>/dev/null; then
	for fmt in tei epub pdf; do
		what="full file system --$fmt"
		in="$T/big.txt"
		[ $fmt = pdf ] && in="$T/bigpdf.txt"
		run -q --$fmt -o "$T/small/" "$in"
		expect 3 "No space left on device"
		[ -z "$(ls -A "$T/small")" ] ||
		    fail "$what: files left: $(ls -A "$T/small")"
	done
	umount "$T/small"
else
	echo "full file system: cannot mount a tmpfs here; not tested"
fi

pass
