#!/usr/bin/env python3
"""File-level call graph of docconv's objects, from nm: a file uses
another when it refers to a symbol the other defines.  Prints every
circle (strongly connected set of files) and exits 1 if there is one.

usage: callgraph.py [-v] OBJ...    (default: src/*.o beside this script)
-v also prints each edge with the symbols behind it."""
import glob, os, subprocess, sys

def symbols(objs):
	"""Each object's defined and undefined global symbols, from one nm
	run (-A names the object on every line)."""
	defs = {o: set() for o in objs}
	uses = {o: set() for o in objs}
	out = subprocess.run(["nm", "-P", "-A"] + objs, capture_output=True,
	    text=True, check=True).stdout
	for line in out.splitlines():
		f = line.split()
		if len(f) < 3 or not f[0].endswith(":"):
			continue
		o, name, kind = f[0][:-1], f[1], f[2]
		if o not in defs:
			continue
		if kind == "U":
			uses[o].add(name)
		elif kind.isupper() and kind not in "NW":
			defs[o].add(name)
	return defs, uses

def graph(objs):
	"""file -> {file it uses: [the symbols]}, files named as sources."""
	d, u = symbols(objs)
	name = lambda o: os.path.basename(o)[:-2] + ".c"
	owner = {}
	for o in objs:
		for s in d[o]:
			owner[s] = name(o)
	edges = {name(o): {} for o in objs}
	for o in objs:
		for s in u[o]:
			m = owner.get(s)
			if m and m != name(o):
				edges[name(o)].setdefault(m, []).append(s)
	return edges

def sccs(edges):
	# Tarjan's algorithm, iterative enough for a few dozen files.
	index, low, stack, on, out = {}, {}, [], set(), []
	counter = [0]
	def visit(v):
		index[v] = low[v] = counter[0]; counter[0] += 1
		stack.append(v); on.add(v)
		for w in sorted(edges[v]):
			if w not in index:
				visit(w); low[v] = min(low[v], low[w])
			elif w in on:
				low[v] = min(low[v], index[w])
		if low[v] == index[v]:
			comp = []
			while True:
				w = stack.pop(); on.discard(w); comp.append(w)
				if w == v:
					break
			if len(comp) > 1:
				out.append(sorted(comp))
	for v in sorted(edges):
		if v not in index:
			visit(v)
	return out

def main():
	args = sys.argv[1:]
	verbose = "-v" in args
	objs = [a for a in args if a != "-v"]
	if not objs:
		here = os.path.dirname(os.path.abspath(__file__))
		objs = sorted(glob.glob(os.path.join(here, "..", "src", "*.o")))
	edges = graph(objs)
	if verbose:
		for n in sorted(edges):
			for m in sorted(edges[n]):
				print("%s -> %s: %s" % (n, m,
				    " ".join(sorted(edges[n][m]))))
	circles = sccs(edges)
	for c in circles:
		print("circle: " + " ".join(c))
		for n in c:
			for m in sorted(edges[n]):
				if m in c:
					print("  %s -> %s: %s" % (n, m,
					    " ".join(sorted(edges[n][m]))))
	return 1 if circles else 0

if __name__ == "__main__":
	sys.exit(main())
