#!/bin/sh
# Regenerate golden siblings (.tree, .msgs) after a deliberate change:
# shows each diff and asks before overwriting (-y: without asking).
# Usage: tests/regen.sh [-y] [-t] [-J] [-w] [CASE.txt...]   (default:
# all cases; -t makes a .tei golden for each case too, -J a .json one;
# the .xhtml, .html, .pages and .tmx of what users read are made for
# every case whose writer has something to say, -w makes them all)
cd "$(dirname "$0")/.." || exit 1
DOCCONV=${DOCCONV:-./src/docconv}
. tests/golden_out.sh
T=$(mktemp -d "${TMPDIR:-/tmp}/docconv-regen.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
yes=0 tei=0 json=0 writers=0
while :; do
	case $1 in
	-y) yes=1 ;;
	-t) tei=1 ;;
	-J) json=1 ;;
	-w) writers=1 ;;
	*) break ;;
	esac
	shift
done
[ $# -gt 0 ] || set -- tests/golden/*/*.txt
for src; do
	base=${src%.txt}
	dir=$(dirname "$src")
	"$DOCCONV" --dump-model "$src" >"$base.tree.new" 2>"$base.msgs.raw"
	# A .tei golden is kept where one exists (or with -t: for all).
	if [ -f "$base.tei" ] || [ "$tei" = 1 ]; then
		SOURCE_DATE_EPOCH=0 "$DOCCONV" -q --tei -o "$base.tei.new" "$src"
		if cmp -s "$base.tei" "$base.tei.new"; then rm -f "$base.tei.new"
		else
			diff -u "$base.tei" "$base.tei.new" 2>/dev/null || echo "new: $base.tei"
			if [ $yes = 1 ]; then mv "$base.tei.new" "$base.tei"; else rm -f "$base.tei.new"; fi
		fi
	fi
	# Likewise a .json golden (-J: for all).
	if [ -f "$base.json" ] || [ "$json" = 1 ]; then
		SOURCE_DATE_EPOCH=0 "$DOCCONV" -q --json -o "$base.json.new" "$src"
		if cmp -s "$base.json" "$base.json.new"; then rm -f "$base.json.new"
		else
			diff -u "$base.json" "$base.json.new" 2>/dev/null || echo "new: $base.json"
			if [ $yes = 1 ]; then mv "$base.json.new" "$base.json"; else rm -f "$base.json.new"; fi
		fi
	fi
	# What users read: each writer's, where it has something to say
	# (golden_has; golden.sh fails a case without it), or with -w.
	for k in $GOLDEN_KINDS; do
		golden_out $k "$src" "$base.$k.new" "$T" ||
		    { echo "$src: --$k failed"; rm -f "$base.$k.new"; continue; }
		if [ ! -f "$base.$k" ] && [ "$writers" = 0 ] &&
		    ! golden_has $k "$base.$k.new"; then
			rm -f "$base.$k.new"
			continue
		fi
		if cmp -s "$base.$k" "$base.$k.new"; then rm -f "$base.$k.new"
		else
			diff -u "$base.$k" "$base.$k.new" 2>/dev/null || echo "new: $base.$k"
			if [ $yes = 1 ]; then mv "$base.$k.new" "$base.$k"; else rm -f "$base.$k.new"; fi
		fi
	done
	sed "s|$dir/||g" "$base.msgs.raw" >"$base.msgs.new"
	rm -f "$base.msgs.raw"
	for k in tree msgs; do
		new=$base.$k.new
		if [ $k = msgs ] && [ ! -s "$new" ]; then
			rm -f "$new" "$base.msgs"
			continue
		fi
		if [ -f "$base.$k" ] && cmp -s "$base.$k" "$new"; then
			rm -f "$new"
			continue
		fi
		diff -u "$base.$k" "$new" 2>/dev/null || echo "new: $base.$k"
		if [ $yes = 1 ]; then ans=y; else
			printf 'overwrite %s? [y/N] ' "$base.$k"; read -r ans
		fi
		[ "$ans" = y ] && mv "$new" "$base.$k" || rm -f "$new"
	done
done
