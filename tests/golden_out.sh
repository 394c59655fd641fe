# What users read of a golden case, as text to compare (sourced by
# tests/golden.sh, which compares, and tests/regen.sh, which writes):
#   golden_out KIND SRC OUT TMPDIR
# KIND xhtml: the EPUB's package.opf, nav.xhtml and text.xhtml, each
# under a line naming it; html: the web page, its style sheet (the
# EPUB's style.css, which t_html.sh lays out) left out; pages: the
# PDF's pages as pdftotext -layout sets them out (one page a form
# feed); tmx: the pairs as a translation memory.  SOURCE_DATE_EPOCH=0;
# docconv's version is written VERSION.  Returns docconv's (or the
# tool's) exit status.  GOLDEN_KINDS lists the kinds: a new one is a
# case below and a word here (configure.ac distributes every sibling,
# whatever its kind).  golden_has KIND OUT says
# whether the writer had anything to say: a case without a sibling of
# a kind whose writer has is a case that golden.sh fails.
GOLDEN_KINDS="xhtml html pages tmx"
golden_out() {
	_k=$1 _src=$2 _out=$3 _t=$4
	rm -rf "$_t/gout"
	mkdir "$_t/gout" || return 1
	case $_k in
	xhtml)
		SOURCE_DATE_EPOCH=0 "$DOCCONV" -q --epub -o "$_t/gout/b.epub" \
		    "$_src" || return
		for _f in EPUB/package.opf EPUB/nav.xhtml EPUB/text.xhtml; do
			echo "==> $_f <=="
			unzip -p "$_t/gout/b.epub" "$_f" || return
		done >"$_t/gout/raw"
		;;
	html)
		SOURCE_DATE_EPOCH=0 "$DOCCONV" -q --html -o "$_t/gout/p.html" \
		    "$_src" || return
		# The style element's text, as one line.
		sed '/<style>/,/<\/style>/{
			/<style>/!{/<\/style>/!d;}
			s|<style>.*|<style>/* style.css */|
			s|.*</style>|</style>|
		}' "$_t/gout/p.html" >"$_t/gout/raw"
		;;
	pages)
		SOURCE_DATE_EPOCH=0 "$DOCCONV" -q --pdf -o "$_t/gout/p.pdf" \
		    "$_src" || return
		pdftotext -layout -enc UTF-8 "$_t/gout/p.pdf" "$_t/gout/raw" ||
		    return
		;;
	tmx)
		SOURCE_DATE_EPOCH=0 "$DOCCONV" -q --tmx -o "$_t/gout/raw" \
		    "$_src" || return
		;;
	*)
		return 2 ;;
	esac
	sed 's/docconv [0-9][0-9.]*/docconv VERSION/g
	    s/creationtoolversion="[^"]*"/creationtoolversion="VERSION"/' \
	    "$_t/gout/raw" >"$_out"
}

# Whether OUT, golden_out KIND's, says anything: a TMX only if the text
# has pairs (a unit); the book, the page and the PDF always.
golden_has() {
	case $1 in
	tmx) grep -q '<tu ' "$2" ;;
	*) [ -s "$2" ] ;;
	esac
}
