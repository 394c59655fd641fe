#!/bin/sh
# make bench: docconv's speed and memory against the targets of issue 21.
# Usage: tests/bench/run.sh DOCCONV SRCDIR HBFLOOR
# Builds inputs x1, x200 and x1000 from examples/speech-bilingual.zh-en.txt
# (each copy of a long paragraph numbered in both languages, so that no
# paragraph repeats, as in a real document), runs each backend
# BENCH_RUNS times and prints the median wall and CPU time, pages/s
# (PDF), input MB/s and peak RSS, each target PASS or MISS.  Exits 1
# on any MISS.  The wall time is what is judged: on a busy machine the
# CPU column shows what the wall time would be on a quiet one.
set -u
DOCCONV=$1
SRC=$2
HBFLOOR=${3:-}
RUNS=${BENCH_RUNS:-3}
T=$(mktemp -d "${TMPDIR:-/tmp}/docconv-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export SOURCE_DATE_EPOCH=1605000000
ex="$SRC/examples/speech-bilingual.zh-en.txt"
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (Debian package time)"; exit 1; }
# A MISS anywhere (even inside $(...)) is noted in this file.
MISS="$T/missed"

# Scaled inputs: the header once, the body (from the first salutation)
# N times, a long paragraph of copy i carrying "(i)" after its first
# sentence (Chinese "（i）" before the first "。"); short lines
# (salutations, vocatives) repeat as they do in real speeches.
mk() {
	awk -v n="$1" '
		/^尊敬的/ && !body { body = 1 }
		body { b[++nb] = $0; next }
		{ print }
		END {
			for (i = 1; i <= n; i++)
				for (j = 1; j <= nb; j++)
					print num(b[j], i)
		}
		function num(s, i) {
			if (length(s) < 60)
				return s
			if (s ~ /。|，/) {
				if (!sub(/。/, "（" i "）。", s))
					s = s "（" i "）"
			} else if (!sub(/\. /, " (" i "). ", s))
				s = s " (" i ")"
			return s
		}
	' "$ex" >"$T/x$1.txt"
}
for s in 1 200 1000; do mk $s; done

# run1 ARGS...: one timed run; sets wall and cpu (s) and rss (MB).
run1() {
	/usr/bin/time -v "$DOCCONV" -q "$@" 2>"$T/time" >/dev/null || {
		echo "bench: docconv $* failed:"; tail -5 "$T/time"; exit 1; }
	tally
}

# tally: wall, CPU (user + sys) and peak RSS of the run /usr/bin/time -v saw.
tally() {
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, a, ":");
		s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i]; print s }' "$T/time")
	cpu=$(awk -F': ' '/(User|System) time/ { s += $2 }
		END { printf "%.2f", s }' "$T/time")
	rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$T/time")
}

# median of the arguments
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# verdict VALUE LIMIT: PASS if VALUE <= LIMIT; a MISS fails the bench.
verdict() {
	if awk -v v="$1" -v l="$2" 'BEGIN { exit !(v <= l) }'; then
		echo PASS
	else
		echo MISS
		: >"$MISS"
	fi
}

printf '%-20s %8s %8s %8s %7s %8s  %s\n' "case" "wall s" "CPU s" "pages/s" "MB/s" \
    "peak MB" "target"
# bench NAME SCALE TARGET_S TARGET_MB ARGS...: median of RUNS runs
# (one at x1000); sets w (median wall), c (median CPU), r (peak MB).
bench() {
	name=$1 scale=$2 ts=$3 tm=$4; shift 4
	in="$T/x$scale.txt"
	walls= cpus= rsss=
	n=$RUNS
	[ "$scale" -ge 1000 ] && n=1
	i=0
	while [ $i -lt "$n" ]; do
		rm -rf "$T/o"; mkdir "$T/o"
		run1 "$@" -o "$T/o" "$in"
		walls="$walls $wall"; cpus="$cpus $cpu"; rsss="$rsss $rss"
		i=$((i + 1))
	done
	w=$(median $walls); c=$(median $cpus); r=$(median $rsss)
	mb=$(awk -v b="$(wc -c <"$in")" -v w="$w" 'BEGIN { printf "%.1f", b / 1048576 / (w > 0 ? w : 0.001) }')
	pps=-
	if [ -f "$T/o/x$scale.pdf" ]; then
		pages=$(pdfinfo "$T/o/x$scale.pdf" | awk '/^Pages:/ { print $2 }')
		pps=$(awk -v p="$pages" -v w="$w" 'BEGIN { printf "%.0f", p / (w > 0 ? w : 0.001) }')
		name="$name ($pages p)"
	fi
	tgt=
	[ "$ts" != - ] && tgt="<= $ts s $(verdict "$w" "$ts")"
	[ "$tm" != - ] && tgt="${tgt:+$tgt, }<= $tm MB $(verdict "$r" "$tm")"
	printf '%-20s %8s %8s %8s %7s %8s  %s\n' "$name" "$w" "$c" "$pps" "$mb" "$r" "$tgt"
}

# The floor: HarfBuzz alone shaping the x200 text, best of RUNS.
fl=
if [ -n "$HBFLOOR" ] && [ -x "$HBFLOOR" ]; then
	zh=$(fc-match -f '%{file}:%{index}' 'Noto Serif CJK SC')
	en=$(fc-match -f '%{file}' 'Linux Libertine O')
	i=0
	while [ $i -lt "$RUNS" ]; do
		f1=$("$HBFLOOR" "$zh" "$en" "$T/x200.txt" | awk '{ print $1 }')
		fl=$(printf '%s\n' $fl $f1 | sort -g | head -1)
		i=$((i + 1))
	done
fi

pdf="--pdf --paper a4 --layout columns"
bench "PDF x1" 1 0.06 - $pdf
bench "PDF x200" 200 1.0 100 $pdf
pw=$w pc=$c
bench "PDF x1000" 1000 - 100 $pdf
if [ -n "$fl" ]; then
	lim=$(awk -v f="$fl" 'BEGIN { printf "%.2f", 4 * f }')
	printf '%-20s %8s %8s  PDF x200 %s s within 4x of it: <= %s s %s\n' \
	    "HarfBuzz floor x200" "$fl" - "$pw" "$lim" "$(verdict "$pw" "$lim")"
else
	echo "HarfBuzz floor x200: tests/bench/hbfloor not built: MISS"
	: >"$MISS"
fi

# What the line breaker costs: the share of PDF x200's CPU samples in
# linebreak.c (its functions are lb_*), by perf.
if command -v perf >/dev/null 2>&1 &&
    perf record -q -o "$T/perf.data" "$DOCCONV" -q $pdf -o "$T/o" \
    "$T/x200.txt" >/dev/null 2>&1; then
	perf report -i "$T/perf.data" --no-children --sort sym -g none \
	    2>/dev/null | awk -v c="$pc" '
		/^ *[0-9.]+%/ { t += $1; if ($NF ~ /^lb_/) b += $1 }
		END { printf "%-20s %8s %8.2f  %.1f%% of PDF x200 (perf samples in linebreak.c)\n",
		    "line breaker x200", "-", c * b / (t > 0 ? t : 1), b }'
else
	echo "line breaker x200: perf missing or not allowed: not measured"
fi

# EPUB and TEI against pandoc (Debian's package) on the same text:
# at most 1/25 of its time.  Without pandoc there is no target to
# meet: MISS.
# pandoc_time FORMAT: its wall time for x200 in pt.
pandoc_time() {
	pt=
	command -v pandoc >/dev/null 2>&1 || return 0
	/usr/bin/time -v pandoc -f markdown -t "$1" -o "$T/pandoc.$1" \
	    "$T/x200.txt" 2>"$T/time" >/dev/null || return 0
	tally
	pt=$wall ptc=$cpu
}
for f in epub tei; do
	F=$(echo $f | tr a-z A-Z)
	bench "$F x1" 1 - - --$f
	pandoc_time $f
	if [ -n "$pt" ]; then
		lim=$(awk -v p="$pt" 'BEGIN { printf "%.3f", p / 25 }')
		bench "$F x200" 200 "$lim" 50 --$f
		printf '%-20s %8s %8s  (%s x200 target: 1/25 of it)\n' \
		    "pandoc $f x200" "$pt" "$ptc" "$F"
	else
		bench "$F x200" 200 - 50 --$f
		echo "pandoc $f x200: pandoc missing or failed: MISS"
		: >"$MISS"
	fi
done
bench "JSON x1" 1 - - --json
bench "JSON x200" 200 0.3 50 --json

# Two files: x200 split into its Chinese and its English lines (4,800
# paragraphs a side), aligned (no target: for the record).
if python3 "$SRC/tests/split_bilingual.py" "$T/x200.txt" "$T/z200.txt" "$T/e200.txt"; then
	run1 --dump-alignment --translation "$T/e200.txt" "$T/z200.txt"
	printf '%-20s %8s %8s %8s %7s %8s  %s\n' "align x200" "$wall" "$cpu" - - "$rss" "(no target)"
fi

# -j scaling: 200 files, PDF, each a speech numbered differently.
mkdir "$T/many" "$T/mo"
i=0; while [ $i -lt 200 ]; do sed "s/。/（$i）。/" "$T/x1.txt" >"$T/many/s$i.txt"; i=$((i + 1)); done
for j in 1 2; do
	s0=$(date +%s.%N)
	"$DOCCONV" -q -j $j --pdf -o "$T/mo" "$T/many"/*.txt || { echo "bench: -j $j failed"; exit 1; }
	s1=$(date +%s.%N)
	eval "j$j=$(awk -v a="$s0" -v b="$s1" 'BEGIN { printf "%.2f", b - a }')"
done
sp=$(awk -v a="$j1" -v b="$j2" 'BEGIN { printf "%.2f", a / b }')
printf '%-20s %s s with -j 1, %s s with -j 2: %sx  >= 1.7x %s\n' "-j 200 PDFs" "$j1" "$j2" "$sp" \
    "$(verdict "$(awk -v s="$sp" 'BEGIN { print -s }')" -1.7)"

if [ -e "$MISS" ]; then
	echo "bench: a target was missed (MISS above)"
	exit 1
fi
echo "bench: every target PASS"
