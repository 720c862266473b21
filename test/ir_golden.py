#!/usr/bin/env python3
"""ir_golden.py — golden IR tests: the typed IR of a kernel after a named pass, compared exactly.

Each test/ir/NAME.py is a kernel file whose header says what to compile and where to look:

    # ir: f(np.arange(4.0), 2)      the call (as `kiln run` takes it: FUNC ARGS in Python syntax)
    # after: cse                    a pass of src/opt/pipeline.c, or `built` (the IR as lowering built it)

and test/ir/NAME.ir holds the IR kiln printed there (`kiln explain FILE FUNC ARGS --ir=after:PASS`,
the signature and locals left out). A change to lowering or to a pass that changes the IR fails the
test with a diff; if the change is meant, `test/ir_golden.py --bless` rewrites the .ir files and the
diff goes into the commit for review (as cproc's tests and LLVM's FileCheck tests are kept).

usage: ir_golden.py KILN [--bless] [FILE.py ...]   (default: every test/ir/*.py)
"""
import difflib
import glob
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PASSES = ("built", "fold", "inline", "dce", "merge", "select", "cse", "bce", "strfree", "arrfree")


def header(path):
    """(func, args, pass) from the file's `# ir:` and `# after:` lines"""
    call = after = None
    for line in open(path):
        m = re.match(r"#\s*ir:\s*(\w+)\((.*)\)\s*$", line)
        if m:
            call = (m.group(1), m.group(2))
        m = re.match(r"#\s*after:\s*(\w+)\s*$", line)
        if m:
            after = m.group(1)
    if not call or after not in PASSES:
        raise ValueError("%s: needs '# ir: FUNC(ARGS)' and '# after: PASS' (one of %s)" % (path, ", ".join(PASSES)))
    return call[0], call[1], after


def split_args(text):
    """the top-level comma-separated arguments of a call's text"""
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


def ir_of(kiln, path):
    """the IR section kiln explain prints for the test, or raises with kiln's output"""
    func, args, after = header(path)
    cmd = [kiln, "explain", "--tier", "interp", path, func] + split_args(args)
    if after != "built":
        cmd.append("--ir=after:" + after)
    env = dict(os.environ, KILN_CACHE="0")
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=60, env=env)
    if r.returncode:
        raise RuntimeError("%s: kiln explain failed:\n%s%s" % (path, r.stdout, r.stderr))
    start = "--- typed IR as built ---" if after == "built" else "--- after %s ---" % after
    lines = r.stdout.split("\n")
    if start not in lines:
        raise RuntimeError("%s: no '%s' in kiln explain's output" % (path, start))
    i = lines.index(start)
    out = []
    for ln in lines[i:]:
        if out and ln.startswith("--- ") and ln != start:
            if after == "built" or not ln.startswith("--- after " + after):
                break
        out.append(ln)
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out) + "\n"


def main():
    argv = sys.argv[1:]
    if not argv or argv[0].startswith("-"):
        print(__doc__)
        return 2
    kiln, rest = argv[0], argv[1:]
    bless = "--bless" in rest
    files = [a for a in rest if a != "--bless"] or sorted(glob.glob(os.path.join(HERE, "ir", "*.py")))
    passed = failed = 0
    for path in files:
        golden = path[:-3] + ".ir"
        try:
            got = ir_of(kiln, path)
        except (RuntimeError, ValueError, subprocess.TimeoutExpired) as e:
            print("FAIL %s\n%s" % (path, e))
            failed += 1
            continue
        if bless:
            with open(golden, "w") as f:
                f.write(got)
            print("blessed %s" % golden)
            passed += 1
            continue
        want = open(golden).read() if os.path.exists(golden) else ""
        if got == want:
            passed += 1
            continue
        failed += 1
        print("FAIL %s: the IR differs from %s (if meant: test/ir_golden.py %s --bless %s)" % (path, golden, kiln, path))
        sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), got.splitlines(True), golden, "kiln"))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
