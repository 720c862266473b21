"""Every kernel of test/run called through the Python package, on every tier, against its expected
answer (kiln's, which is CPython + NumPy's but for documented deviations): values by repr (arrays
by .tolist(), as the command line prints them), errors by class, message and the kernel's line in
the traceback. Every test/err case whose error lies in a function body raises kiln.CompileError
with the .err file's exact text."""
import ast
import glob
import importlib.util
import math
import os
import re
import traceback

import numpy as np
import pytest

import cpython_check  # the run-line reader and the value formatting of the CPython oracle
import kiln

TIERS = ["interp", "baseline", "opt", "auto"]
RUN = sorted(glob.glob("test/run/*.py"))
ERR = sorted(glob.glob("test/err/*.py"))


def cases(path):
    """(line, call, expected, is_error) for each run/expect pair, skipping NumPy-version and FMA-only ones"""
    out, call, skip = [], None, False
    for i, line in enumerate(open(path).read().split("\n")):
        if line.startswith("# cpu: fma"):
            skip = skip or not cpython_check.HAS_FMA
        if line.startswith("# numpy: >="):
            need = tuple(int(x) for x in line[len("# numpy: >="):].split()[0].split("."))
            skip = skip or cpython_check.NUMPY < need
        if line.startswith("# run: "):
            call = line[7:]
        if (line.startswith("# expect: ") or line.startswith("# expect-error: ")) and call is not None:
            if not skip:
                out.append((i + 1, call, line.split(": ", 1)[1], line.startswith("# expect-error")))
            skip = False
    return out


def jitted_module(path, tier):
    """the file imported as a module (its lines in linecache), every function replaced by its kernel"""
    name = "kiln_case_%s_%s" % (re.sub(r"\W", "_", os.path.basename(path)[:-3]), tier)
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    for k, v in list(vars(mod).items()):
        if callable(v) and getattr(v, "__module__", None) == name and hasattr(v, "__code__"):
            setattr(mod, k, kiln.jit(v, tier=tier))
    return mod


def run(path, ns, call):
    tree = ast.parse(re.sub(r"@(\S+?\.npy)", r"np.load('\1')", call), mode="eval")
    tree = ast.fix_missing_locations(cpython_check.Lists().visit(tree))
    try:
        res = eval(compile(tree, "<run>", "eval"), dict(ns, inf=math.inf, nan=math.nan))
        return repr(cpython_check.to_py(res)), False
    except kiln.CompileError as e:
        return "CompileError: %s" % e, True
    except Exception as e:  # noqa: BLE001
        line = 0
        for fr in traceback.extract_tb(e.__traceback__):
            if os.path.abspath(fr.filename) == os.path.abspath(path):
                line = fr.lineno
        msg = str(e)
        return ("line %d: %s: %s" % (line, type(e).__name__, msg)) if msg else "line %d: %s" % (line, type(e).__name__), True


@pytest.mark.parametrize("tier", TIERS)
@pytest.mark.parametrize("path", RUN, ids=[os.path.basename(p) for p in RUN])
def test_run_file(path, tier):
    why = re.search(r"^# package: skip \((.*)", open(path).read(), re.M)
    if why:
        pytest.skip(why.group(1))
    mod = jitted_module(path, tier)
    ns = dict(vars(mod), np=np, math=math)
    bad = []
    for line, call, want, err in cases(path):
        got, got_err = run(path, ns, call)
        if got != want or got_err != err:
            bad.append("%s:%d: %s\n  want: %s\n  got:  %s" % (path, line, call, want, got))
    assert not bad, "\n".join(bad)


def err_line(text):
    m = re.match(r"FILE:(\d+):(\d+): error: ", text)
    return int(m.group(1)) if m else None


@pytest.mark.parametrize("path", ERR, ids=[os.path.basename(p) for p in ERR])
def test_err_file(path):
    # NAME.pyerr: where the package knows more than the file's text (the value a star import bound), its
    # message may say more than the CLI's
    expect = path[:-3] + (".pyerr" if os.path.exists(path[:-3] + ".pyerr") else ".err")
    want = open(expect).read().rstrip("\n").replace("FILE", path)
    line = err_line(open(path[:-3] + ".err").read())
    src = open(path).read()
    try:
        tree = ast.parse(src)
    except SyntaxError:
        pytest.skip("CPython cannot parse the file (a lexer or parser case)")
    funcs = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
    if "defined twice" in want or "already defined" in want:
        pytest.skip("Python itself keeps the last of two definitions: the package never sees the first")
    if line is None or not any(f.lineno <= line <= f.end_lineno for f in funcs):
        pytest.skip("the error is outside function bodies (a module-level case): the package compiles functions")
    try:
        mod = jitted_module(path, "interp")
    except Exception as e:  # noqa: BLE001  (the module's own top level fails under CPython)
        pytest.skip("CPython cannot import the file: %s" % e)
    calls = [c for _, c, _, _ in cases(path)] or [l[7:] for l in src.split("\n") if l.startswith("# run: ")]
    assert calls, "no # run: line"
    got, err = run(path, dict(vars(mod), np=np, math=math), calls[0])
    got = got.replace(os.path.abspath(path), path)
    assert err and got == "CompileError: " + want, "want:\n%s\ngot:\n%s" % (want, got)
