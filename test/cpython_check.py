#!/usr/bin/env python3
"""Run every test/run kernel under CPython + NumPy and compare with its # expect lines.

kiln's reference semantics are CPython's with NumPy 2 promotion (NEP 50); a NumPy 1.x is
refused (test/oracle.py): its promotion rules are not kiln's reference.
Cases with a line "# numpy: >=X.Y (why)" before "# run:" follow what NumPy X.Y and later do (its
summation order, floor of ints staying ints) and are skipped with an older NumPy.
Cases whose line before "# run:" says "# cpython: skip (why)" are kiln's
documented deviations (integer wrap-around, errors for NumPy scalar division
by zero) and are counted as skipped.

A file whose line "# cpython: skip-file (why)" says CPython cannot import it here (it needs Numba, say) has all its
cases counted as skipped.

usage: cpython_check.py [--fill] FILES...   (--fill rewrites the expect lines)
"""
import ast
import collections
import math
import re
import sys
import traceback
import warnings

from oracle import numpy2

np = numpy2("cpython_check.py")

NUMPY = tuple(int(x) for x in np.__version__.split(".")[:2])
warnings.simplefilter("ignore")


class Lists(ast.NodeTransformer):
    """[1.0, 2.0] in a run line is an array argument; list([1.0, 2.0]) a Python list (as kiln run reads them)."""

    def visit_Call(self, node):
        if isinstance(node.func, ast.Name) and node.func.id == "list" and len(node.args) == 1 and isinstance(node.args[0], ast.List):
            return node
        return self.generic_visit(node)

    def visit_List(self, node):
        return ast.Call(func=ast.Attribute(value=ast.Name(id="np", ctx=ast.Load()), attr="array", ctx=ast.Load()),
                        args=[node], keywords=[])



def has_fma():
    try:
        with open("/proc/cpuinfo") as f:
            return any(line.startswith("flags") and " fma " in line + " " for line in f)
    except OSError:
        return False


HAS_FMA = has_fma()

def to_py(v):
    if isinstance(v, np.ndarray):
        return v.tolist()
    if isinstance(v, np.generic):
        return v.item()
    if isinstance(v, tuple):
        items = tuple(to_py(x) for x in v)
        # a namedtuple of the kernels' own stays one (its repr); NumPy's result tuples (SlogdetResult ...) kiln returns
        # as plain tuples (docs/language.md §12d)
        named = hasattr(type(v), "_fields") and not type(v).__module__.startswith("numpy")
        return type(v)(*items) if named else items
    if isinstance(v, list):
        return [to_py(x) for x in v]
    if isinstance(v, collections.deque):  # a deque stays one (its repr, its maxlen)
        return collections.deque((to_py(x) for x in v), v.maxlen)
    if isinstance(v, dict):
        d = {to_py(k): to_py(x) for k, x in v.items()}
        if isinstance(v, collections.defaultdict):  # a defaultdict stays one (its repr), a Counter too
            d = collections.defaultdict(v.default_factory, d)
        elif isinstance(v, collections.Counter):
            d = collections.Counter(d)
        return d
    if isinstance(v, set) and any(isinstance(x, np.generic) for x in v): # kiln run prints NumPy scalars as numbers
        return {to_py(x) for x in v}
    return v


def run_case(path, ns, call):
    tree = ast.parse(re.sub(r"@(\S+?\.npy)", r"np.load('\1')", call), mode="eval")
    tree = ast.fix_missing_locations(Lists().visit(tree))
    try:
        # the command line reads bare inf and nan as floats (src/cli/args.c)
        res = eval(compile(tree, "<run>", "eval"), dict(ns, inf=math.inf, nan=math.nan))
        return repr(to_py(res)), False
    except Exception as e:
        line = 0
        for fr in traceback.extract_tb(e.__traceback__):
            if fr.filename == path:
                line = fr.lineno
        name = type(e).__name__
        msg = str(e)
        return "line %d: %s: %s" % (line, name, msg) if msg else "line %d: %s" % (line, name), True


def check(path, fill, counts):
    src = open(path).read()
    if re.search(r"^# cpython: skip-file", src, re.M):  # a file CPython cannot import here (it says why): all skipped
        counts[2] += len(re.findall(r"^# expect(-error)?: ", src, re.M))
        return
    ns = {"__name__": "kernels", "np": np, "math": math, "prange": range}  # prange: serial Python, as Numba without parallel=True
    exec(compile(src, path, "exec"), ns)
    lines = src.split("\n")
    out = []
    call = None
    skip = False
    for i, line in enumerate(lines):
        if line.startswith("# cpython: skip"):
            skip = True
        if line.startswith("# cpu: fma"):  # NumPy's SIMD loops round as FMA does on such a CPU only
            skip = skip or not HAS_FMA
        if line.startswith("# numpy: >="):
            need = tuple(int(x) for x in line[len("# numpy: >="):].split()[0].split("."))
            skip = skip or NUMPY < need
        if line.startswith("# run: "):
            call = line[7:]
        if (line.startswith("# expect: ") or line.startswith("# expect-error: ")) and call is not None:
            if skip:
                counts[2] += 1
                skip = False
                out.append(line)
                continue
            got, err = run_case(path, ns, call)
            want = line.split(": ", 1)[1]
            if fill:
                line = ("# expect-error: " if err else "# expect: ") + got
            elif got == want and err == line.startswith("# expect-error"):
                counts[0] += 1
            else:
                counts[1] += 1
                print("FAIL %s:%d: %s\n  want: %s\n  cpython: %s" % (path, i + 1, call, want, got))
        out.append(line)
    if fill:
        open(path, "w").write("\n".join(out))


def main():
    fill = "--fill" in sys.argv
    counts = [0, 0, 0]
    for p in [a for a in sys.argv[1:] if not a.startswith("--")]:
        check(p, fill, counts)
    print("%d passed, %d failed, %d skipped" % tuple(counts))
    sys.exit(1 if counts[1] else 0)


if __name__ == "__main__":
    main()
