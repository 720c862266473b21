#!/usr/bin/env python3
"""gpu_check.py — CUDA kernels (test/gpu/*.py) launched on the CPU and on the GPU, compared.

    python3 test/gpu_check.py KILN [--cuda] FILE...

Each file names its launches and what to check, in comments:
    # launch: KERNEL BLOCKS,THREADS ARG...   a launch (kiln run --device D --grid B,T FILE KERNEL ARG...)
    # expect: LINE                          after a launch: a line the CPU launch prints (all of them, in order)
    # ptx-has: REGEX / # ptx-lacks: REGEX   the PTX of the first launch's kernel (kiln explain --ptx=sm_90)
    # ulps: N                               the GPU may differ from the CPU by N units in the last place
                                            (libdevice's math functions), float32 or float64 by the value
Without --cuda (make test, no GPU needed): every launch on the CPU device on each tier must print the same
output and exit status, matching its expect lines; the PTX checks run (files whose kernels need libdevice are
skipped when none is installed). With --cuda (make test-gpu): the GPU's output, errors included, must equal the
CPU interpreter's (within the file's ulps). Every subprocess has a timeout and the run a total budget.
"""
import os
import re
import struct
import subprocess
import sys
import time

TIMEOUT = 120
BUDGET = 1200
TIERS = ("interp", "baseline", "opt", "auto")


def words_of(text):
    """split at spaces outside brackets: np.zeros((4, 4), dtype=np.int32) is one argument"""
    out, cur, depth = [], "", 0
    for ch in text.strip():
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch == " " and depth == 0:
            if cur:
                out.append(cur)
            cur = ""
        else:
            cur += ch
    if cur:
        out.append(cur)
    return out


def parse(path):
    launches, ptx_has, ptx_lacks, ulps = [], [], [], 0
    for line in open(path):
        if not line.startswith("#"):
            continue
        body = line[1:].strip()
        if body.startswith("launch:"):
            words = words_of(body[7:])
            launches.append({"kernel": words[0], "grid": words[1], "args": words[2:], "expect": []})
        elif body.startswith("expect:") and launches:
            launches[-1]["expect"].append(body[7:].strip())
        elif body.startswith("ptx-has:"):
            ptx_has.append(body[8:].strip())
        elif body.startswith("ptx-lacks:"):
            ptx_lacks.append(body[10:].strip())
        elif body.startswith("ulps:"):
            ulps = int(body[5:])
    return launches, ptx_has, ptx_lacks, ulps


# AddressSanitizer's swapcontext interceptor prints this once per process whatever the program tells it (kiln
# annotates its fiber switches, so ASan follows them): not an error of kiln's
ASAN_FIBER_NOTE = re.compile(r"==\d+==WARNING: ASan doesn't fully support makecontext/swapcontext.*\n")


def run(cmd, env=None):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, env=env)
        return p.returncode, p.stdout, ASAN_FIBER_NOTE.sub("", p.stderr)
    except subprocess.TimeoutExpired:
        return "timeout", "", "timed out after %d s" % TIMEOUT


def launch(kiln, path, l, device, tier="interp"):
    env = dict(os.environ, KILN_CACHE=os.environ.get("KILN_CACHE", "0"))
    return run([kiln, "run", "--tier", tier, "--device", device, "--grid", l["grid"], path, l["kernel"]] + l["args"], env)


def ulp_distance(a, b, single):
    if a == b or (a != a and b != b):
        return 0
    pack, unpack = ("f", "i") if single else ("d", "q")
    ia = struct.unpack(unpack, struct.pack(pack, a))[0]
    ib = struct.unpack(unpack, struct.pack(pack, b))[0]
    if (ia < 0) != (ib < 0):
        return abs(ia) + abs(ib)
    return abs(ia - ib)


NUM = re.compile(r"-?(?:\d+\.\d*(?:e[-+]?\d+)?|\d+e[-+]?\d+|inf|nan)")


def close_enough(cpu, gpu, ulps, single):
    """the two outputs with every float within ulps, everything else equal"""
    a, b = NUM.split(cpu), NUM.split(gpu)
    if a != b:
        return False
    for x, y in zip(NUM.findall(cpu), NUM.findall(gpu)):
        fx, fy = float(x), float(y)
        if single:
            fx, fy = struct.unpack("f", struct.pack("f", fx))[0], struct.unpack("f", struct.pack("f", fy))[0]
        if ulp_distance(fx, fy, single) > ulps:
            return False
    return True


def has_libdevice(kiln, path, l):
    rc, out, err = run([kiln, "explain", "--ptx=sm_90", path, l["kernel"]] + l["args"])
    return rc == 0 or "libdevice" not in err


def check_file(kiln, path, cuda, failures):
    launches, has, lacks, ulps = parse(path)
    passed = 0
    for l in launches:
        name = "%s: %s %s" % (os.path.basename(path), l["kernel"], l["grid"])
        ref = launch(kiln, path, l, "cpu")
        if ref[0] == "timeout":
            failures.append("%s: the CPU launch timed out" % name)
            continue
        if l["expect"] and ref[1].splitlines() != l["expect"]:
            failures.append("%s: the CPU launch printed\n%s%s\nexpected\n%s" % (name, ref[1], ref[2], "\n".join(l["expect"])))
            continue
        if cuda:
            got = launch(kiln, path, l, "cuda")
            single = "float32" in " ".join(l["args"])
            same = got[0] == ref[0] and got[2] == ref[2] and (got[1] == ref[1] or (ulps and close_enough(ref[1], got[1], ulps, single)))
            if not same:
                failures.append("%s: the GPU gave rc %s\n%s%s\nthe CPU rc %s\n%s%s" % (name, got[0], got[1][:2000], got[2][:2000],
                                                                                      ref[0], ref[1][:2000], ref[2][:2000]))
                continue
        else:
            bad = None
            for t in TIERS[1:]:
                other = launch(kiln, path, l, "cpu", t)
                if other != ref:
                    bad = "%s: tier %s gave rc %s\n%s%s\nthe interpreter rc %s\n%s%s" % (name, t, other[0], other[1][:2000], other[2][:2000],
                                                                                         ref[0], ref[1][:2000], ref[2][:2000])
                    break
            if bad:
                failures.append(bad)
                continue
        passed += 1
    if not cuda and launches and (has or lacks):
        l = launches[0]
        name = "%s: PTX of %s" % (os.path.basename(path), l["kernel"])
        rc, out, err = run([kiln, "explain", "--ptx=sm_90", path, l["kernel"]] + l["args"])
        if rc != 0 and "libdevice" in err:
            return passed  # a kernel with math functions: no libdevice here (the error path has its own test)
        if rc != 0:
            failures.append("%s: explain --ptx failed: %s" % (name, err))
            return passed
        for pat in has:
            if not re.search(pat, out):
                failures.append("%s: no match for %r" % (name, pat))
                return passed
        for pat in lacks:
            if re.search(pat, out):
                failures.append("%s: unexpected match for %r" % (name, pat))
                return passed
        if not re.search(r"\.visible \.entry kiln_%s\(" % re.escape(l["kernel"]), out) or ".target sm_90" not in out:
            failures.append("%s: no kernel entry for sm_90" % name)
            return passed
        passed += 1
    return passed


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    kiln, cuda = args[0], "--cuda" in args
    files = [a for a in args[1:] if a != "--cuda"]
    failures, passed, t0 = [], 0, time.time()
    for f in files:
        if time.time() - t0 > BUDGET:
            failures.append("the run's budget of %d s ran out before %s" % (BUDGET, f))
            break
        passed += check_file(kiln, f, cuda, failures)
    for f in failures:
        print("FAIL", f)
    print("%d passed, %d failed" % (passed, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
