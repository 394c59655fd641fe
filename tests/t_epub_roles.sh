#!/bin/sh
# EPUB backend on a text holding every role of issue 11 (kicker,
# sources, editor's note, headings of two levels, speaker turns and a
# turn going on, caption and photo credit, sign-offs): the readers give
# each role; the book passes epubcheck (also with --embed-fonts) and
# DAISY Ace where installed; each block's pair has its role
# (t_epub_text.py); the contents list the headings; the package
# records the source and the editor, the title page shows them; in a
# Chinese-English text each role's pair holds both languages.  The
# fixtures' words are invented, the address in a reserved domain.
set -u

: "${DOCCONV:?}" "${top_srcdir:?}"
. "$top_srcdir/tests/ace_run.sh"
. "${top_srcdir:-.}/tests/lib.sh"
py="python3 $top_srcdir/tests/t_epub_roles.py"
if ! have_epubcheck ||
    ! command -v python3 >/dev/null 2>&1 || ! command -v unzip >/dev/null; then
	echo "SKIP: needs java, epubcheck ($EPUBCHECK_JAR), python3, unzip"
	exit 77
fi

tmp=$T
export SOURCE_DATE_EPOCH=1700000000
status=0
books=
TAB=$(printf '\t')

# A feature story: kicker, title and subtitle on one tab-separated
# line; source lines; an editor's note; numbered headings; an
# interview; a caption and its credit; the reporter's sign-off.
cat >"$tmp/roles.zh.txt" <<EOT
青岚镇织梦工坊纪事${TAB}星河纺车转起来${TAB}——访木樨村的织云人
来源：云杉晨报
原标题：纺车与星河
链接：https://example.invalid/yunshan/2031/0402/loom.html

编者按：木樨村的织云人把星光纺成了线，一座山村因此换了模样。本报今起刊发系列报道，讲述他们的故事。——编者

清晨的木樨村，纺车声此起彼伏。织云人柳絮坐在河边，把昨夜收来的星光一缕缕纺成细线。

一、纺车转起来

十年前，村里只有三架旧纺车。如今，家家户户都有了新纺车，星线一天能纺三斤。

（一）星线从哪里来

记者：星线从哪里来？

柳絮：从河边的露水里来。露水映着星光，一收一纺，就成了线。

每天天不亮，我们就去收露水，太阳一出来，星光就散了。

图为织云人在河边收集露水。

（石蒜 摄）

（二）星线卖到哪里去

记者：纺好的星线卖到哪里？

柳絮：先前只在镇上卖，现在海边的商人也来收了。

二、走出大山

织云人的日子越过越亮堂。村里办起了星线学堂，年轻人学会了纺线，也学会了把星线织成云锦。

（本报记者 青梧）
责任编辑：柏舟
EOT

# The same story in Chinese and English, block by block.
cat >"$tmp/roles.zh-en.txt" <<'EOT'
星河纺车转起来
The Star-River Wheel Turns

清晨的木樨村，纺车声此起彼伏。
Morning in Muxi rings with spinning wheels.

一、纺车转起来
I. The wheels turn

十年前，村里只有三架旧纺车。如今，家家户户都有了新纺车。
Ten years ago the village had three old wheels. Now every household has a new one.

记者：星线从哪里来？
Reporter: Where does the star thread come from?

柳絮：从河边的露水里来。
Liu Xu: From the dew by the river.

图为织云人在河边收集露水。
Weavers gather dew by the river.

二、走出大山
II. Out of the hills

织云人的日子越过越亮堂。
Life in the village grows brighter.

（本报记者 青梧）
(By our reporter Qing Wu)
EOT

# book NAME PATTERN...: the readers give NAME's fixture every role
# the patterns name (or this test checks little); its book, with and
# without fonts, passes epubcheck; each block's pair has its role.
# Leaves the book unpacked in $tmp/x.NAME.
book() {
	name=$1
	shift
	"$DOCCONV" -q --dump-model "$tmp/$name.txt" >"$tmp/$name.model" || {
		echo "FAIL: $name: docconv --dump-model failed"
		status=1
		return
	}
	missing=
	for want; do
		grep -q -- "$want" "$tmp/$name.model" ||
		    missing="$missing '$want'"
	done
	if [ -n "$missing" ]; then
		echo "FAIL: $name: the readers give none of$missing:"
		cat "$tmp/$name.model"
		status=1
	fi
	for fonts in "" --embed-fonts; do
		rm -rf "$tmp/o"
		mkdir -p "$tmp/o"
		if ! "$DOCCONV" -q --epub $fonts -o "$tmp/o" "$tmp/$name.txt"
		then
			echo "FAIL: $name: docconv --epub $fonts failed"
			status=1
			return
		fi
		# Checked at the end, all the books in one JVM.
		mkdir -p "$tmp/books"
		cp "$tmp/o/$name.epub" "$tmp/books/$name${fonts:+-fonts}.epub"
		books="$books $tmp/books/$name${fonts:+-fonts}.epub"
	done
	mkdir -p "$tmp/x.$name"
	unzip -q -o "$tmp/o/$name.epub" -d "$tmp/x.$name"
	python3 "$top_srcdir/tests/t_epub_text.py" \
	    "$tmp/x.$name/EPUB/text.xhtml" "$tmp/x.$name/EPUB/nav.xhtml" \
	    <"$tmp/$name.model" || status=1
}

book roles.zh '^kicker zh: ' '^source from zh: ' \
    '^source original-title zh: ' '^source url [a-z]*: https://' \
    '^meta editor: ' '^note$' '^heading level=1$' '^heading level=2$' \
    '^turn$' ' speaker=\[' '^caption caption$' '^caption credit$' \
    '^signoff byline$'
book roles.zh-en '^heading level=1$' '^  en speaker=\[' '^caption caption$' \
    '^signoff byline$'

# The bilingual book keeps its pairs: each heading, turn, caption and
# sign-off one pair holding both languages, the English marked.
$py roles_bi "$tmp/x.roles.zh-en/EPUB" || status=1

# What the issue asks for, said directly.
$py roles_zh "$tmp/x.roles.zh/EPUB" || status=1

# epubcheck: every book above with no message.  ($tmp has no spaces.)
# shellcheck disable=SC2086
[ -z "$books" ] || epubcheck_clean $books || status=1

# DAISY Ace, where it runs (t_epub_ace.sh says how to install it).
ace=
for a in ace ace-cli; do
	command -v $a >/dev/null 2>&1 && { ace=$a; break; }
done
: "${PUPPETEER_EXECUTABLE_PATH:=/usr/bin/chromium}"
export PUPPETEER_EXECUTABLE_PATH
if [ -n "$ace" ] && [ -x "$PUPPETEER_EXECUTABLE_PATH" ]; then
	export TMPDIR="$tmp"
	for name in roles.zh roles.zh-en; do
		rm -rf "$tmp/o"
		mkdir -p "$tmp/o"
		"$DOCCONV" -q --epub -o "$tmp/o" "$tmp/$name.txt" || status=1
		if ! ace_run "$ace" "$tmp/ace.$name" "$tmp/o/$name.epub" \
		    "$tmp/ace.log"; then
			echo "FAIL: $name: ace failed:"
			cat "$tmp/ace.log"
			status=1
			continue
		fi
		$py ace "$tmp/ace.$name/report.json" "$name" || status=1
	done
else
	echo "note: DAISY Ace not runnable here; its check was not made"
fi
[ $status -eq 0 ] && echo "ok: every role in the EPUB"
exit $status
