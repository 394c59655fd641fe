#!/bin/sh
# EPUB accessibility: DAISY Ace (npm @daisy/ace-cli, run offline with
# Debian's chromium) finds no violation in any example's book and sees
# the accessibility metadata.  Skips, saying so, where Ace or chromium
# is not installed:
#   apt-get install chromium
#   PUPPETEER_SKIP_DOWNLOAD=1 npm i -g @daisy/ace-cli
set -u

: "${DOCCONV:?}" "${top_srcdir:?}"
. "$top_srcdir/tests/ace_run.sh"
py="python3 $top_srcdir/tests/t_epub_ace.py"
ace=
for a in ace ace-cli; do
	if command -v $a >/dev/null 2>&1; then
		ace=$a
		break
	fi
done
: "${PUPPETEER_EXECUTABLE_PATH:=/usr/bin/chromium}"
export PUPPETEER_EXECUTABLE_PATH
if [ -z "$ace" ] || [ ! -x "$PUPPETEER_EXECUTABLE_PATH" ]; then
	echo "SKIP: DAISY Ace not runnable here (ace: ${ace:-not installed};" \
	    "chromium: $PUPPETEER_EXECUTABLE_PATH); install with:" \
	    "apt-get install chromium &&" \
	    "PUPPETEER_SKIP_DOWNLOAD=1 npm i -g @daisy/ace-cli"
	exit 77
fi
command -v python3 >/dev/null 2>&1 || { echo "SKIP: no python3"; exit 77; }

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1700000000
# Ace's browser profiles go here too, and are removed with it.
export TMPDIR="$tmp"
status=0

for f in "$top_srcdir"/examples/*.txt; do
	name=$(basename "$f" .txt)
	"$DOCCONV" -q --epub -o "$tmp" "$f" || { status=1; continue; }
	if ! ace_run "$ace" "$tmp/ace.$name" "$tmp/$name.epub" \
	    "$tmp/ace.log"; then
		echo "FAIL: $name: ace failed:"
		cat "$tmp/ace.log"
		status=1
		continue
	fi
	$py ace "$tmp/ace.$name/report.json" "$name" || status=1
done
exit $status
