# Shared helpers for the shell tests (sourced).  Exit 0 pass, 1 fail,
# 77 skip, as automake's harness expects.
: "${DOCCONV:?DOCCONV is not set: run through make check}"
: "${top_srcdir:=.}"
T=$(mktemp -d "${TMPDIR:-/tmp}/docconv-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }
pass() { exit 0; }
# run ARGS...: docconv with its standard output and error in $T/out
# and $T/err, its exit status in rc; expect STATUS [MESSAGE]: that
# status, and the message (a grep pattern) on standard error, or fail
# naming $what.
run() {
	"$DOCCONV" "$@" >"$T/out" 2>"$T/err"
	rc=$?
}
expect() {
	[ "$rc" -eq "$1" ] || fail "$what: exit $rc, expected $1: $(cat "$T/err")"
	[ -z "${2:-}" ] || grep -q -- "$2" "$T/err" ||
	    fail "$what: message '$2' not in: $(cat "$T/err")"
}
# need TOOL...: skip unless every tool is installed.
need() {
	for _t; do
		command -v "$_t" >/dev/null 2>&1 || skip "$_t not installed"
	done
}

# Headless Chromium driven by puppeteer-core (from npm, or the copy
# DAISY Ace brings): need_chromium WHAT finds both, exports CHROMIUM
# and PUPPETEER_CORE for the node scripts, or skips saying what of
# WHAT is not tested.
need_chromium() {
	: "${CHROMIUM:=/usr/bin/chromium}"
	_core=${PUPPETEER_CORE:-}
	if [ -z "$_core" ] && command -v npm >/dev/null 2>&1; then
		_root=$(npm root -g 2>/dev/null)
		for _c in "$_root/puppeteer-core" \
		    "$_root/@daisy/ace-cli/node_modules/puppeteer-core"; do
			[ -d "$_c" ] && { _core=$_c; break; }
		done
	fi
	if [ ! -x "$CHROMIUM" ] || [ -z "$_core" ] ||
	    ! command -v node >/dev/null 2>&1; then
		skip "no headless Chromium test of $1 (chromium: $CHROMIUM;" \
		    "puppeteer-core: ${_core:-not found}); install-deps.sh" \
		    "installs both"
	fi
	PUPPETEER_CORE=$_core
	export CHROMIUM PUPPETEER_CORE
}

# epubcheck, as every EPUB test runs it: have_epubcheck says whether it
# can run; epubcheck_clean BOOK... is true when it reports 0 fatals,
# 0 errors and 0 warnings (infos are fine) for every book, else prints
# "FAIL: BOOK" and the report of each that is not.  All the books are
# checked in one JVM (tests/EpubCheckMany.java, run from its source):
# its start-up took some seconds a book.  Quick JIT and GC settings
# halve it again.  java -jar, as Debian 12's /usr/bin/epubcheck is the
# jar itself and no script.
EPUBCHECK_JAR=${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}
have_epubcheck() {
	command -v java >/dev/null 2>&1 && [ -f "$EPUBCHECK_JAR" ]
}
epubcheck_clean() {
	java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$EPUBCHECK_JAR" \
	    "${top_srcdir:-.}/tests/EpubCheckMany.java" "$@" 2>&1
}
