#!/bin/sh
# make bench: docconv's speed and memory against the targets of issue 6.
# Usage: tests/bench/run.sh DOCCONV SRCDIR HBFLOOR
# Builds inputs x1, x20, x200 from examples/speech-bilingual.zh-en.txt,
# runs each backend several times and prints the median wall time,
# pages/s (PDF), input MB/s and peak RSS, each beside its target.
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

# Scaled inputs: the header once, the body (from the first salutation)
# repeated N times.
mk() {
	awk -v n="$1" '
		/^尊敬的/ && !body { body = 1 }
		body { b[++nb] = $0; next }
		{ print }
		END { for (i = 0; i < n; i++) for (j = 1; j <= nb; j++) print b[j] }
	' "$ex" >"$T/x$1.txt"
}
for s in 1 20 200; do mk $s; done

# run1 ARGS...: one timed run; sets wall (s) and rss (MB).
run1() {
	/usr/bin/time -v "$DOCCONV" -q "$@" 2>"$T/time" >/dev/null || {
		echo "bench: docconv $* failed:"; tail -5 "$T/time"; exit 1; }
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, a, ":");
		s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i]; print s }' "$T/time")
	rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$T/time")
}

# median of the arguments
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# verdict VALUE LIMIT: PASS if VALUE <= LIMIT
verdict() { awk -v v="$1" -v l="$2" 'BEGIN { print (v <= l) ? "PASS" : "MISS" }'; }

printf '%-22s %9s %9s %9s %9s  %s\n' "case" "median s" "pages/s" "MB/s" "peak MB" "target"
bench() {	# NAME SCALE TARGET_S TARGET_MB ARGS...
	name=$1 scale=$2 ts=$3 tm=$4; shift 4
	in="$T/x$scale.txt"
	walls= rsss=
	i=0
	while [ $i -lt "$RUNS" ]; do
		rm -rf "$T/o"; mkdir "$T/o"
		run1 "$@" -o "$T/o" "$in"
		walls="$walls $wall"; rsss="$rsss $rss"
		i=$((i + 1))
	done
	w=$(median $walls); r=$(median $rsss)
	mb=$(awk -v b="$(wc -c <"$in")" -v w="$w" 'BEGIN { printf "%.1f", b / 1048576 / (w > 0 ? w : 0.001) }')
	pps=-
	if [ -f "$T/o/x$scale.pdf" ]; then
		pages=$(pdfinfo "$T/o/x$scale.pdf" | awk '/^Pages:/ { print $2 }')
		pps=$(awk -v p="$pages" -v w="$w" 'BEGIN { printf "%.0f", p / (w > 0 ? w : 0.001) }')
		name="$name ($pages p)"
	fi
	tgt=
	[ "$ts" != - ] && tgt="<= $ts s $(verdict "$w" "$ts")"
	[ "$tm" != - ] && tgt="$tgt, <= $tm MB $(verdict "$r" "$tm")"
	printf '%-22s %9s %9s %9s %9s  %s\n' "$name" "$w" "$pps" "$mb" "$r" "$tgt"
	eval "rss_$(echo "$1$scale" | tr -dc 'a-z0-9')=$r"
}

bench "PDF x1" 1 0.15 - --pdf --paper a4 --layout columns
bench "PDF x20" 20 - 100 --pdf --paper a4 --layout columns
bench "PDF x200" 200 1.0 100 --pdf --paper a4 --layout columns
bench "EPUB x1" 1 - - --epub
bench "EPUB x200" 200 0.5 50 --epub
bench "TEI x1" 1 - - --tei
bench "TEI x200" 200 0.3 50 --tei
bench "JSON x1" 1 - - --json
bench "JSON x200" 200 0.3 50 --json

# Two files: x200 split into its Chinese and its English lines (4,800
# paragraphs a side), aligned (no target: for the record).
if python3 "$SRC/tests/split_bilingual.py" "$T/x200.txt" "$T/z200.txt" "$T/e200.txt"; then
	run1 --dump-alignment --translation "$T/e200.txt" "$T/z200.txt"
	printf '%-22s %9s %9s %9s %9s  %s\n' "align x200" "$wall" - - "$rss" "(no target)"
fi

# -j scaling: 200 single-speech files, PDF.
mkdir "$T/many" "$T/mo"
i=0; while [ $i -lt 200 ]; do cp "$ex" "$T/many/s$i.txt"; i=$((i + 1)); done
for j in 1 2; do
	s0=$(date +%s.%N)
	"$DOCCONV" -q -j $j --pdf -o "$T/mo" "$T/many"/*.txt || { echo "bench: -j $j failed"; exit 1; }
	s1=$(date +%s.%N)
	eval "j$j=$(awk -v a="$s0" -v b="$s1" 'BEGIN { printf "%.2f", b - a }')"
done
sp=$(awk -v a="$j1" -v b="$j2" 'BEGIN { printf "%.2f", a / b }')
printf '%-22s %9s s with -j 1, %s s with -j 2: %sx  target >= 1.7x %s\n' "-j 200 PDFs" "$j1" "$j2" "$sp" \
    "$(awk -v s="$sp" 'BEGIN { print (s >= 1.7) ? "PASS" : "MISS" }')"

# The floor: HarfBuzz alone shaping the x200 text.
if [ -n "$HBFLOOR" ] && [ -x "$HBFLOOR" ]; then
	zh=$(fc-match -f '%{file}:%{index}' 'Noto Serif CJK SC')
	en=$(fc-match -f '%{file}' 'Linux Libertine O')
	fl=$("$HBFLOOR" "$zh" "$en" "$T/x200.txt" | awk '{ print $1 }')
	printf '%-22s %9s  (PDF x200 within 4x of it: target <= %s s)\n' "HarfBuzz floor x200" "$fl" \
	    "$(awk -v f="$fl" 'BEGIN { printf "%.2f", 4 * f }')"
fi
