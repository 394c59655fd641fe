#!/bin/sh
# Font roles: --list-fonts names a file per role; a missing font is an
# error naming the font and its Debian package.
: "${DOCCONV:?}" "${top_srcdir:?}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
rc=0
bad() { echo "FAIL: $*"; rc=1; }

"$DOCCONV" --list-fonts > "$tmp/list" || bad "--list-fonts failed"
cat "$tmp/list"
for r in "Chinese body" "Chinese heading" "English body" "English heading"; do
	f=$(grep "^$r " "$tmp/list" | sed 's/.*: //; s/ (face [0-9]*)$//')
	[ -n "$f" ] && [ -f "$f" ] || bad "$r: no font file ($f)"
done

mkdir "$tmp/data" "$tmp/data/fonts-config"
sed 's/Noto Serif CJK SC/Noto Serif CJK QQ/' "$top_srcdir/fonts-config/docconv.conf" \
    > "$tmp/data/fonts-config/docconv.conf"
DOCCONV_DATADIR="$tmp/data" "$DOCCONV" --list-fonts > /dev/null 2> "$tmp/err"
st=$?
cat "$tmp/err"
[ $st -eq 3 ] || bad "missing font: exit $st, not 3"
grep -q 'Noto Serif CJK QQ.*fonts-noto-cjk' "$tmp/err" || bad "missing font: message does not name font and package"
DOCCONV_DATADIR="$tmp/data" "$DOCCONV" -q --pdf -o "$tmp/x.pdf" \
    "$top_srcdir/examples/speech-bilingual.zh-en.txt" 2> /dev/null && bad "--pdf with a missing font succeeded"
[ -e "$tmp/x.pdf" ] && bad "--pdf with a missing font left a file"
exit $rc
