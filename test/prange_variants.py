#!/usr/bin/env python3
"""prange_variants.py — the test/run kernels with their loops made parallel, compared bit for bit.

For each test/run file, every `for x in range(...)` that kiln accepts as `prange` (its iterations are
independent, or carry only reductions: front/prange.c decides) becomes one, one loop at a time; files
where none does are left out. The interpreter, on one thread, then gives each case's expected output
(its chunk order is the reference: float sums may differ from CPython's serial order in the last bits),
and test/runner checks every other configuration against it: tier 2 on 1, 2, 3 and 8 threads (8 is
oversubscribed on purpose), the baseline tier and tier auto on 2.

usage: prange_variants.py KILN RUNNER OUTDIR FILES...   (prints the runner's "N passed, N failed" per
configuration and a total). parallel_min is 0 there: the tests' loops are short, and would otherwise run serially
"""
import concurrent.futures
import os
import re
import subprocess
import sys

from ir_golden import split_args  # the same splitting of a run line's arguments

LOOP = re.compile(r"^(\s+for\s+\w+\s+in\s+)range\(")
TIMEOUT = 60


def accepted(kiln, path):
    """the file parses with its prange loops (the dependence checks run when the file is read)"""
    r = subprocess.run([kiln, "run", path, "__no_such_kernel__"], capture_output=True, text=True, timeout=TIMEOUT)
    return "has no function '__no_such_kernel__'" in r.stderr


def variant(kiln, src, out):
    lines = src.split("\n")
    converted = 0
    for i, line in enumerate(lines):
        m = LOOP.match(line)
        if not m:
            continue
        lines[i] = LOOP.sub(r"\1prange(", line, count=1)
        with open(out, "w") as f:
            f.write("\n".join(lines))
        if accepted(kiln, out):
            converted += 1
        else:
            lines[i] = line
    with open(out, "w") as f:
        f.write("\n".join(lines))
    return converted


def split_call(call):
    """f(a, b) -> ("f", ["a", "b"]): commas at depth 0, as test/runner.c splits them"""
    name, rest = call.split("(", 1)
    return name.strip(), split_args(rest.rsplit(")", 1)[0])


def expect_of(kiln, path, call, env):
    """the interpreter's expect line for a case, or None when it cannot be one line (a compile error: the
    loop made parallel uses what a parallel loop may not, such as a lambda of the function around it)"""
    f, args = split_call(call)
    try:
        r = subprocess.run([kiln, "run", "--tier", "interp", path, f, *args], capture_output=True, text=True,
                           timeout=TIMEOUT, env=env)
    except subprocess.TimeoutExpired:
        return None
    if r.returncode == 0 and "\n" not in r.stdout.rstrip():
        return "# expect: " + r.stdout.rstrip()
    m = re.fullmatch(re.escape(path) + r":(\d+): ([A-Za-z]+Error.*|KeyboardInterrupt.*)", r.stderr.rstrip())
    return "# expect-error: line %s: %s" % (m.group(1), m.group(2)) if m and r.returncode == 1 else None


def fill(kiln, path):
    """the interpreter's outputs, on one thread, as the file's expect lines; cases it cannot express go"""
    out = []
    call = None
    env = dict(os.environ, KILN_NUM_THREADS="1", KILN_CACHE="0")
    for line in open(path).read().split("\n"):
        if line.startswith("# cpu: fma"):
            line = "#"  # the interpreter's bits are the reference here, whatever the CPU (lines keep their numbers)
        if line.startswith("# run: "):
            call = line[7:]
            out.append(line)
            continue
        if (line.startswith("# expect: ") or line.startswith("# expect-error: ")) and call:
            e = expect_of(kiln, path, call, env)
            if e is None:
                out[-1] = "# (case left out: no one-line answer)"  # its run line; lines keep their numbers
                call = None
            line = e or "#"
        out.append(line)
    with open(path, "w") as fh:
        fh.write("\n".join(out))


def main():
    kiln, runner, outdir, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    os.makedirs(outdir, exist_ok=True)
    def prepare(p):
        """the file's variant and its expect lines, or 0 loops (the file is left out)"""
        dst = os.path.join(outdir, os.path.basename(p))
        n = variant(kiln, open(p).read(), dst)
        if n:
            fill(kiln, dst)
        else:
            os.remove(dst)
        return dst, n

    # the files prepared on every CPU (each step is a kiln process); the variants listed in the files' order
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        done = list(pool.map(prepare, files))
    made = [dst for dst, n in done if n]
    loops = sum(n for _, n in done)
    print("%d loops made parallel in %d files" % (loops, len(made)))
    configs = [("opt", "1"), ("opt", "2"), ("opt", "3"), ("opt", "8"), ("baseline", "2"), ("auto", "2")]
    tp = tf = 0
    for tier, threads in configs:
        r = subprocess.run([runner, kiln, "--tier", tier, *made], capture_output=True, text=True,
                           env=dict(os.environ, KILN_NUM_THREADS=threads, KILN_CACHE="0", KILN_PARALLEL_MIN="0"))
        last = r.stdout.strip().split("\n")[-1]
        m = re.match(r"(\d+) passed, (\d+) failed", last)
        for line in r.stdout.split("\n"):
            if line.startswith("FAIL") or line.startswith("  "):
                print("[%s, %s threads] %s" % (tier, threads, line))
        if not m:
            tf += 1
            print("[%s, %s threads] runner: %s" % (tier, threads, last))
            continue
        tp += int(m.group(1))
        tf += int(m.group(2))
    print("%d passed, %d failed" % (tp, tf))
    sys.exit(1 if tf else 0)


if __name__ == "__main__":
    main()
