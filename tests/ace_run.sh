# Sourced by the tests that run DAISY Ace.
# ace_run ACE OUTDIR EPUB LOG: DAISY Ace on EPUB, its report in OUTDIR.
# Ace runs a headless Chromium, which now and then fails to start on a
# loaded machine (no report at all, nothing about the book): such a run
# is tried once more.  A report is never retried.  Status as Ace's.
ace_run() {
	timeout 300 "$1" -f -s -o "$2" "$3" >"$4" 2>&1 && return 0
	[ -f "$2/report.json" ] && return 1
	echo "ace: no report (the browser did not run?); once more" >>"$4"
	timeout 300 "$1" -f -s -o "$2" "$3" >>"$4" 2>&1
}
