#!/usr/bin/env python3
"""layers.py — kiln's folders are layers: a file includes only headers of its own folder and of the
folders below it, in the order docs/architecture.md declares (and LAYERS below repeats).

The check reads every #include "..." under src/ and fails on
  - an include that points up (or sideways into a folder not in LAYERS), unless it is one of the
    KNOWN edges below: debt, listed so that it can only shrink (empty now);
  - a KNOWN edge that no longer exists (delete it from the list: the list stays the truth);
  - a cycle among the folders once the KNOWN edges are left out.
It prints the folder graph it found, then "N passed, N failed".

usage: layers.py [SRC_DIR]
"""
import os
import re
import sys

# bottom first; a folder may include itself and anything before it
LAYERS = ["base", "front", "types", "ir", "rt", "opt", "lower", "back", "back/x64", "back/llvm", "jit", "cli"]

# includes that point up (file -> header), each named in docs/architecture.md, "Debt": none since the
# backends and lowering take a Unit and an environment of callbacks (issue 20); an entry added here must
# say why, and the check fails when one no longer exists
KNOWN = set()


def folder_of(rel):
    parts = rel.split("/")[:-1]
    return "/".join(parts[:2]) if parts[0] == "back" and len(parts) > 1 else parts[0]


def edges(src):
    """(file, header) for every quoted include between two files under src, paths relative to src"""
    out = set()
    for root, _, files in os.walk(src):
        for f in files:
            if not f.endswith((".c", ".h", ".cpp")):
                continue
            path = os.path.join(root, f)
            with open(path, errors="replace") as fh:
                for line in fh:
                    m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
                    if not m:
                        continue
                    target = os.path.normpath(os.path.join(root, m.group(1)))
                    rel_t = os.path.relpath(target, src)
                    if rel_t.startswith(".."):
                        continue  # include/kiln.h: the public API, below everything
                    out.add((os.path.relpath(path, src).replace(os.sep, "/"), rel_t.replace(os.sep, "/")))
    return out


def cycle(graph):
    """a cycle in {folder: {folder}} as a list, or None"""
    state, stack = {}, []

    def visit(n):
        state[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if not state.get(m):
                c = visit(m)
                if c:
                    return c
        state[n] = 2
        stack.pop()
        return None

    for n in sorted(graph):
        if not state.get(n):
            c = visit(n)
            if c:
                return c
    return None


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
    found = edges(src)
    passed = failed = 0
    graph = {}
    for f, h in sorted(found):
        a, b = folder_of(f), folder_of(h)
        if a == b:
            continue
        if a not in LAYERS or b not in LAYERS:
            print("FAIL %s includes %s: folder %s is not in the declared layers" % (f, h, a if a not in LAYERS else b))
            failed += 1
            continue
        if LAYERS.index(b) > LAYERS.index(a):
            if (f, h) in KNOWN:
                passed += 1
                continue
            print("FAIL %s includes %s: %s is above %s (docs/architecture.md)" % (f, h, b, a))
            failed += 1
            continue
        graph.setdefault(a, set()).add(b)
        passed += 1
    for f, h in sorted(KNOWN):
        if (f, h) not in found:
            print("FAIL the known upward include %s -> %s is gone: delete it from KNOWN in test/layers.py" % (f, h))
            failed += 1
        elif folder_of(f) in LAYERS and folder_of(h) in LAYERS and LAYERS.index(folder_of(h)) <= LAYERS.index(folder_of(f)):
            print("FAIL %s -> %s no longer points up: delete it from KNOWN in test/layers.py" % (f, h))
            failed += 1
    c = cycle(graph)
    if c:
        print("FAIL the folders form a cycle: %s" % " -> ".join(c))
        failed += 1
    for a in LAYERS:
        print("  %-10s -> %s" % (a, ", ".join(sorted(graph.get(a, ()), key=LAYERS.index)) or "(nothing)"))
    print("  known upward includes: %d" % len(KNOWN & found))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
