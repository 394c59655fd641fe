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
	python3 - "$tmp/ace.$name/report.json" "$name" <<'PY' || status=1
import json, sys
r = json.load(open(sys.argv[1], encoding='utf-8'))
name, bad = sys.argv[2], []
for doc in r.get('assertions', []):
    for a in doc.get('assertions', []):
        if a['earl:result']['earl:outcome'] != 'pass':
            bad.append('%s: %s (%s): %s' % (
                doc['earl:testSubject']['url'], a['earl:test']['dct:title'],
                a['earl:test'].get('earl:impact'),
                a['earl:result'].get('dct:description', '')[:300]))
if r['earl:result']['earl:outcome'] != 'pass':
    bad.append('overall outcome %s' % r['earl:result']['earl:outcome'])
need = {'schema:accessMode', 'schema:accessModeSufficient',
        'schema:accessibilityFeature', 'schema:accessibilityHazard',
        'schema:accessibilitySummary'}
missing = need - set(r.get('a11y-metadata', {}).get('present', []))
if missing:
    bad.append('metadata missing: ' + ', '.join(sorted(missing)))
if len(r.get('assertions', [])) < 3:
    bad.append('Ace checked only %d documents' % len(r['assertions']))
for b in bad:
    print('FAIL: %s: %s' % (name, b))
if not bad:
    print('ok: %s: Ace found no violation' % name)
sys.exit(1 if bad else 0)
PY
done
exit $status
