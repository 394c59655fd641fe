#!/usr/bin/env python3
"""The source's shape (issue 22), in one process (tests/t_source.sh):
no circle between source files (callgraph.py over the objects) and
designated initialisers for every table indexed by an enum
(tables.py over the sources).  Each checker must also catch a planted
fault, and the call graph must hold an edge every build has (the
reader calls the role decoder), so that an nm that read nothing
cannot pass.

usage: t_source.py SRCDIR BUILDDIR TMPDIR"""
import glob, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import callgraph, tables

def main():
	srcdir, builddir, tmp = sys.argv[1:4]
	objs = sorted(glob.glob(os.path.join(builddir, "src", "*.o")))
	if not objs:
		return "no objects in %s/src: build first" % builddir
	edges = callgraph.graph(objs)
	if "roles.c" not in edges.get("recog.c", {}):
		return "callgraph.py read no call from recog.c to roles.c"
	circles = callgraph.sccs(edges)
	if circles:
		return "circles between source files: " + "; ".join(
		    " ".join(c) for c in circles)
	planted = {"a.c": {"b.c": ["b"]}, "b.c": {"a.c": ["a"]},
	    "c.c": {"a.c": ["a"]}}
	if callgraph.sccs(planted) != [["a.c", "b.c"]]:
		return "callgraph.py missed a planted circle"

	srcs = sorted(glob.glob(os.path.join(srcdir, "src", "*.[ch]")))
	bad = [b for f in srcs for b in tables.check(f)]
	if bad:
		return "positional tables indexed by an enum: " + " ".join(bad)
	t = os.path.join(tmp, "t.c")
	with open(t, "w") as f:
		f.write("enum e { E_A, E_B, E__MAX };\n"
		    "static const char *n[E__MAX] = {\n\t\"a\", \"b\"\n};\n"
		    "static const char *d[E__MAX] = { [E_A] = \"a\" };\n"
		    "static int z[E__MAX] = { 0 };\n"
		    "static const char *r[][E__MAX] = { { \"a\", \"b\" } };\n")
	if tables.check(t) != [t + ":2: n", t + ":7: r"]:
		return "tables.py: %s" % tables.check(t)
	return None

if __name__ == "__main__":
	why = main()
	if why:
		print("FAIL: " + why, file=sys.stderr)
	sys.exit(1 if why else 0)
