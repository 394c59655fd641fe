#!/usr/bin/env python3
"""Every table indexed by an enum is written with designated
initialisers ([DC_TYPE_PARA] = ...), so that an entry cannot slide to
another's place when the enum grows or is reordered: an array whose
size names an enum's end (..._MAX, or DC_STYLE_FONTS) must start its
initialiser with a designator, unless it is all zeros ({ 0 }, { NULL }).
Prints each offender as FILE:LINE: NAME; exits 1 if there is one.

usage: tables.py [FILE...]    (default: src/*.[ch] beside this script)"""
import glob, os, re, sys

DECL = re.compile(r'\b(\w+)\s*((?:\[[^\]\n]*\])+)\s*=\s*\{')
ENUM_SIZE = re.compile(r'\b\w+__MAX\b|\bDC_STYLE_FONTS\b|\bDC_PUB_ISBN\b')
ZEROS = re.compile(r'^\s*(?:(?:0|NULL)\s*,?\s*)+\}')

def uncomment(s):
	# Comments become spaces of the same length (lines keep numbers).
	return re.sub(r'/\*.*?\*/', lambda m: re.sub(r'[^\n]', ' ',
	    m.group(0)), s, flags=re.S)

def check(path):
	s = uncomment(open(path, encoding="utf-8").read())
	bad = []
	for m in DECL.finditer(s):
		if not ENUM_SIZE.search(m.group(2)):
			continue
		rest = s[m.end():]
		# Only an inner dimension an enum's (rows by another
		# index): the rows' entries are designated.
		dims = re.findall(r'\[[^\]]*\]', m.group(2))
		if not ENUM_SIZE.search(dims[0]) and \
		    rest.lstrip().startswith("{"):
			rest = rest.lstrip()[1:]
		if ZEROS.match(rest) or rest.lstrip().startswith("["):
			continue
		# #define-generated rows (an X-macro) are designated there.
		if rest.lstrip().startswith("#"):
			continue
		bad.append("%s:%d: %s" % (path, s.count("\n", 0,
		    m.start()) + 1, m.group(1)))
	return bad

def main():
	files = sys.argv[1:]
	if not files:
		src = os.path.join(os.path.dirname(os.path.abspath(__file__)),
		    "..", "src")
		files = sorted(glob.glob(os.path.join(src, "*.[ch]")))
	bad = [b for f in files for b in check(f)]
	for b in bad:
		print("positional table indexed by an enum: " + b)
	return 1 if bad else 0

if __name__ == "__main__":
	sys.exit(main())
