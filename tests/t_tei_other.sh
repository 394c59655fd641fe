#!/bin/sh
# TEI that docconv did not write (tests/data/tei-other/*.xml): each
# reads to the model in its .tree beside it and with the warnings in
# its .msgs; the same file with a namespace prefix, in UTF-16 (with and
# without a byte order mark) and in UTF-32 reads to the same model;
# no letter of its text is lost; the TEI docconv writes from it is
# valid against tei_all and reads back to the same model.
. "${top_srcdir:-.}/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || skip "python3 not installed"
command -v iconv >/dev/null 2>&1 || skip "iconv not installed"
SOURCE_DATE_EPOCH=1605000000
export SOURCE_DATE_EPOCH
D="$top_srcdir/tests/data/tei-other"

n=0
set --
for f in "$D"/*.xml; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	b="$T/$(basename "${f%.xml}")"
	"$DOCCONV" --dump-model "$f" >"$b.tree" 2>"$b.err" ||
	    fail "$f: exit status $?: $(cat "$b.err")"
	diff -u "${f%.xml}.tree" "$b.tree" || fail "$f: model differs"
	sed 's/^docconv: [^:]*:/docconv: FILE:/' "$b.err" >"$b.msgs"
	diff -u "${f%.xml}.msgs" "$b.msgs" || fail "$f: messages differ"
	python3 "$top_srcdir/tests/t_tei_other.py" "$f" "$b.tree" ||
	    fail "$f: text lost"

	# The same TEI with a prefix on every element.
	sed -e 's/<\([a-zA-Z]\)/<tei:\1/g' -e 's/<\/\([a-zA-Z]\)/<\/tei:\1/g' \
	    -e 's/xmlns=/xmlns:tei=/' -e 's/<tei:x:/<x:/g' \
	    -e 's/<\/tei:x:/<\/x:/g' "$f" >"$b.prefix.xml"
	grep -q '<tei:TEI' "$b.prefix.xml" || fail "prefix rewrite failed"
	sed 's/encoding="UTF-8"/encoding="UTF-16"/' "$f" |
	    iconv -f UTF-8 -t UTF-16 >"$b.u16.xml"
	sed 's/encoding="UTF-8"/encoding="UTF-16"/' "$f" |
	    iconv -f UTF-8 -t UTF-16BE >"$b.u16be.xml"
	sed 's/encoding="UTF-8"/encoding="UTF-32"/' "$f" |
	    iconv -f UTF-8 -t UTF-32 >"$b.u32.xml"
	for v in prefix u16 u16be u32; do
		"$DOCCONV" -q --dump-model "$b.$v.xml" >"$b.$v.tree" ||
		    fail "$f ($v): exit status $?"
		diff -u "$b.tree" "$b.$v.tree" ||
		    fail "$f ($v): model differs"
	done

	# docconv's TEI of it: valid, and read back the same.
	"$DOCCONV" -q --tei -o "$b.tei.xml" "$f" || fail "$f: --tei: $?"
	"$DOCCONV" -q --dump-model "$b.tei.xml" >"$b.again.tree" ||
	    fail "$f: reading its TEI: $?"
	diff -u "$b.tree" "$b.again.tree" ||
	    fail "$f: docconv's TEI of it reads back differently"
	set -- "$@" "$b.tei.xml"
done
[ $n -ge 2 ] || fail "only $n fixtures in $D"

# A group's every text is read: the second text's heading is there.
grep -q '第二封信' "$T/group.tree" || fail "group: the second text is lost"
grep -q '读文章' "$T/group.tree" || fail "group: choice not read as corr"
grep -q '读闻' "$T/group.tree" && fail "group: sic read beside corr"

[ -n "$TEI_SCHEMA" ] && [ -f "$TEI_SCHEMA" ] || skip "no TEI schema"
JING_JAR=${JING_JAR:-/usr/share/java/jing.jar}
if [ -f "$JING_JAR" ] && command -v java >/dev/null 2>&1; then
	jing() { java -jar "$JING_JAR" "$@"; }
elif ! command -v jing >/dev/null 2>&1; then
	skip "jing not installed"
fi
jing "$TEI_SCHEMA" "$@" >"$T/jing.out" 2>&1 || {
	cat "$T/jing.out" >&2
	fail "jing: TEI written from other TEI not valid"
}
pass
