#!/bin/sh
# Regenerate golden siblings (.tree, .msgs) after a deliberate change:
# shows each diff and asks before overwriting (-y: without asking).
# Usage: tests/regen.sh [-y] [CASE.txt...]   (default: all cases)
cd "$(dirname "$0")/.." || exit 1
DOCCONV=${DOCCONV:-./src/docconv}
yes=0
[ "$1" = -y ] && { yes=1; shift; }
[ $# -gt 0 ] || set -- tests/golden/*/*.txt
for src; do
	base=${src%.txt}
	dir=$(dirname "$src")
	"$DOCCONV" --dump-model "$src" >"$base.tree.new" 2>"$base.msgs.raw"
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
