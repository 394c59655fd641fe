# Shared helpers for the shell tests (sourced).  Exit 0 pass, 1 fail,
# 77 skip, as automake's harness expects.
: "${DOCCONV:?DOCCONV is not set: run through make check}"
: "${top_srcdir:=.}"
T=$(mktemp -d "${TMPDIR:-/tmp}/docconv-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }
pass() { exit 0; }
