#!/usr/bin/env python3
"""minimize_test.py — gen.py's minimizer against a kiln stand-in with a planted bug.

The stand-in (written to a temporary directory) answers `kiln run [--tier T] FILE entry N X` the way
kiln does: CPython runs the file and prints the repr, or prints "FILE:LINE: Ename: msg" and exits 1.
Its baseline tier is wrong wherever the program calls abs() (one more than the true value). A
program with the planted call deep inside loops, branches and a helper function must come out of
gen.minimize as a few lines that still call abs() and still mismatch the same way, and the
found-file text must be a test/run case expecting CPython's answer. Ends with "N passed, N failed".

It also checks that gen.py cannot hang: with a stand-in kiln that never answers, each program's worker
is killed at its deadline and the program is reported as stuck, and a run past its wall-clock budget
stops handing out programs and fails, all within seconds.
"""
import os
import stat
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402

FAKE = r'''#!/usr/bin/env python3
import sys, traceback
argv = sys.argv[1:]
tier = argv[argv.index("--tier") + 1] if "--tier" in argv else "auto"
rest = [a for a in argv if a not in ("run", "--tier", tier)]
path, func, n, x = rest
src = open(path).read()
ns = {"__name__": "fake"}
try:
    exec(compile(src, path, "exec"), ns)
    r = ns[func](int(n), float(x))
except Exception as e:
    tb = [f for f in traceback.extract_tb(e.__traceback__) if f.filename == path]
    print("%s:%d: %s: %s" % (path, tb[-1].lineno if tb else 0, type(e).__name__, e), file=sys.stderr)
    sys.exit(1)
if tier == "baseline" and "abs(" in src:
    r = r + 1
print(repr(r))
'''

PROGRAM = '''import math

def helper(n, x):
    t = 0
    for k in range(n):
        t += k * 2
    return t

def entry(n, x):
    s = 0.0
    t = helper(n, x)
    for i in range(n):
        if i % 2 == 0:
            s += x * i
        else:
            s -= math.sqrt(i) + 1.0
    if t > 10:
        t -= 3
    if n > 1:
        s = s + (t * 2.0 - abs(x - 3.0) * (1.0 + 0.5))
    return s + t
'''

passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL %s%s" % (name, ("\n  got " + detail.replace("\n", "\n      ")) if detail else ""))


def write_exe(path, text):
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)


def run_gen(kiln, tmp, *opts):
    """gen.py with kiln on two workers: (the finished process, its seconds)"""
    t0 = time.time()
    r = subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), "--kiln", kiln, "--jobs", "2", "--keep", tmp] + list(opts),
                       capture_output=True, text=True, timeout=120)
    return r, time.time() - t0


def no_hang(tmp):
    """a kiln that never answers: stuck workers are killed and reported, the budget ends the run"""
    slow = os.path.join(tmp, "slow-kiln")
    write_exe(slow, "#!/bin/sh\nsleep 600\n")
    r, took = run_gen(slow, tmp, "--count", "3", "--deadline", "2")
    check("stuck workers are killed at their deadline and reported",
          r.returncode == 1 and r.stdout.count("STUCK seed 1 program") == 3 and "0 passed, 3 failed" in r.stdout
          and took < 60, "%.1f s\n%s%s" % (took, r.stdout, r.stderr))
    # a kiln that cannot even be started (not executable: a rebuild half-way): each worker dies at once,
    # and that is said at once, not after the deadline
    broken = os.path.join(tmp, "broken-kiln")
    with open(broken, "w") as f:
        f.write("not a program\n")
    r, took = run_gen(broken, tmp, "--count", "2", "--deadline", "300")
    check("a worker that dies is reported at once as DIED",
          r.returncode == 1 and r.stdout.count("DIED seed 1 program") == 2 and "0 passed, 2 failed" in r.stdout
          and took < 60, "%.1f s\n%s%s" % (took, r.stdout, r.stderr[-2000:]))
    r, took = run_gen(slow, tmp, "--count", "50", "--deadline", "3", "--budget", "1")
    check("a run past its budget stops and fails", r.returncode == 1 and "BUDGET: 48 of 50 programs not run" in r.stdout
          and took < 60, "%.1f s\n%s%s" % (took, r.stdout, r.stderr))


def main():
    with tempfile.TemporaryDirectory(prefix="kiln-min-") as tmp:
        kiln = os.path.join(tmp, "kiln")
        write_exe(kiln, FAKE)
        no_hang(tmp)
        path = os.path.join(tmp, "m.py")
        args = (5, 0.5)
        gen.MINIMIZE_LIMIT = 5  # no variant of PROGRAM loops; a stand-in slowed that much by a busy machine is a mistake
        before = gen.results(kiln, path, PROGRAM, args)
        check("the planted bug shows", not gen.agree(before) and before["baseline"] != before["cpython"], repr(before))
        small = gen.minimize(kiln, path, PROGRAM, args)
        after = gen.results(kiln, path, small, args)
        check("the minimized program still mismatches the same way",
              not gen.agree(after) and gen.shape(after) == gen.shape(before), repr(after))
        check("the minimized program still calls abs()", "abs(" in small, small)
        check("the helper function is deleted", "def helper" not in small, small)
        check("the loop and the branches are deleted", "for " not in small and "if " not in small, small)
        check("the expression around abs() is cut down", "math.sqrt" not in small and "1.0 + 0.5" not in small, small)
        body = [ln for ln in small.split("\n") if ln.strip() and not ln.startswith(("import", "def "))]
        check("a few lines are left", len(body) <= 3, small)
        text = gen.found_file(9, 4, small, after, args)
        check("the found file is a test/run case expecting CPython's answer",
              text.startswith(small.rstrip("\n")) and "# run: entry(5, 0.5)\n" in text
              and ("# expect: %s\n" % after["cpython"]) in text, text)
        # an error answer becomes an expect-error line, at the program's own line numbers
        err = gen.found_file(9, 4, "def entry(n, x):\n    return 1 // 0\n", {"cpython": "line 2: ZeroDivisionError: integer division or modulo by zero"}, (1, 0.0))
        check("an error answer becomes expect-error",
              "# expect-error: line 2: ZeroDivisionError: integer division or modulo by zero\n" in err, err)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
