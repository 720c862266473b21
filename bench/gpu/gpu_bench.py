#!/usr/bin/env python3
"""gpu_bench.py — kiln's CUDA kernels beside Numba CUDA and CuPy, in one run on one GPU (issue 25's targets).

    python3 bench/gpu/gpu_bench.py [REPEATS] [--steady-only]

1. First call, in a process whose CUDA context already exists (made before the clock starts), of saxpy and
   mandelbrot: with an empty cache, and in a second process from the disk cache. Every measurement is a
   fresh process; medians of REPEATS processes.
2. Steady state: saxpy on 2**27 float32 (one element a thread; saxpy4: a grid-stride loop of four a trip),
   exp(a)*b+sqrt(c) on 2**27 float32, a sum of 2**27 float32,
   mandelbrot 4000x4000 with 100 iterations: median kernel time by CUDA events around each launch (kiln's
   launch waits for its kernel and reads its error record; the events see the GPU's time), and the wall time
   of a launch as the caller sees it. Bandwidth = bytes the kernel must move / time.
Results are checked against NumPy. Peers that are not installed are skipped, and the run says so.
"""
import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import types

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
KFILE = os.path.join(HERE, "kernels.py")


def load(impl, nocheck=False):
    """kernels.py compiled by impl ("kiln.cuda" or "numba.cuda"); nocheck: with boundscheck=False (Numba's default)"""
    mod = types.ModuleType("kernels_" + impl.replace(".", "_") + ("_nocheck" if nocheck else ""))
    mod.__file__ = KFILE
    mod.cuda = importlib.import_module(impl)
    src = open(KFILE).read()
    if nocheck:
        src = src.replace("@cuda.jit  # noqa", "@cuda.jit(boundscheck=False)  # noqa")
    exec(compile(src, KFILE, "exec"), mod.__dict__)
    return mod


def numba_cuda():
    """numba.cuda, with np.row_stack restored for numba-cuda releases that still call it (NumPy 2.5 removed it)"""
    if not hasattr(np, "row_stack"):
        np.row_stack = np.vstack
    return importlib.import_module("numba.cuda")


# ---- first calls, each in a fresh process ----

FIRST = r'''
import os, sys, time, json
import numpy as np
sys.path.insert(0, %(here)r)
impl, which = sys.argv[1], sys.argv[2]
if impl == "numba.cuda" and not hasattr(np, "row_stack"):
    np.row_stack = np.vstack
import importlib, types
if impl == "cupy":
    import cupy as cp
    cp.cuda.runtime.getDevice(); cp.zeros(1)  # the context, made before the clock
    x = cp.arange(1 << 20, dtype=cp.float32); y = cp.ones(1 << 20, dtype=cp.float32)
    if which == "saxpy":
        k = cp.ElementwiseKernel("float32 a, float32 x, float32 y", "float32 z", "z = a * x + y", "kiln_bench_saxpy")
        t0 = time.perf_counter(); z = k(np.float32(2.0), x, y); cp.cuda.runtime.deviceSynchronize(); t1 = time.perf_counter()
    else:
        k = cp.ElementwiseKernel("int32 w, int32 h, int32 m", "int32 n",
            "double cr = -2.0 + (i %% w) * 3.0 / w, ci = -1.5 + (i / w) * 3.0 / h, zr = 0, zi = 0; int c = 0;"
            "while (c < m && zr*zr + zi*zi <= 4.0) { double t = zr*zr - zi*zi + cr; zi = 2.0*zr*zi + ci; zr = t; c++; } n = c;",
            "kiln_bench_mandel")
        img = cp.zeros((400, 400), dtype=cp.int32)
        t0 = time.perf_counter(); k(400, 400, 100, img); cp.cuda.runtime.deviceSynchronize(); t1 = time.perf_counter()
else:
    cuda = importlib.import_module(impl)
    mod = types.ModuleType("k"); mod.__file__ = %(kfile)r; mod.cuda = cuda
    src = open(%(kfile)r).read()
    if os.environ.get("BENCH_NUMBA_CACHE"):
        src = src.replace("@cuda.jit  # noqa", "@cuda.jit(cache=True)  # noqa")
    exec(compile(src, %(kfile)r, "exec"), mod.__dict__)
    x = cuda.to_device(np.arange(1 << 20, dtype=np.float32)); y = cuda.to_device(np.ones(1 << 20, dtype=np.float32))
    out = cuda.device_array(1 << 20, dtype=np.float32); img = cuda.device_array((400, 400), dtype=np.int32)
    cuda.synchronize()
    t0 = time.perf_counter()
    if which == "saxpy":
        mod.saxpy[4096, 256](np.float32(2.0), x, y, out)
    else:
        mod.mandel[(25, 25), (16, 16)](img, 100)
    cuda.synchronize()
    t1 = time.perf_counter()
print(json.dumps({"ms": (t1 - t0) * 1e3}))
'''


def first_call(impl, which, env):
    code = FIRST % {"here": HERE, "kfile": KFILE}
    p = subprocess.run([sys.executable, "-c", code, impl, which], capture_output=True, text=True, timeout=300, env=env)
    if p.returncode:
        return None, p.stderr.strip().splitlines()[-1] if p.stderr.strip() else "failed"
    return json.loads(p.stdout.strip().splitlines()[-1])["ms"], None


def first_calls(repeats, impls):
    rows = []
    for impl in impls:
        for which in ("saxpy", "mandel"):
            cold, warm, why = [], [], None
            for r in range(repeats):
                d = tempfile.mkdtemp(prefix="gpubench")
                env = dict(os.environ, KILN_CACHE_DIR=d, NUMBA_CACHE_DIR=d, CUPY_CACHE_DIR=d)
                if impl == "numba.cuda":
                    env["BENCH_NUMBA_CACHE"] = "1"  # cache=True: the second process can load it
                ms, why = first_call(impl, which, env)
                if ms is None:
                    break
                cold.append(ms)
                ms, why = first_call(impl, which, env)
                if ms is None:
                    break
                warm.append(ms)
            if not cold or not warm:
                rows.append((impl, which, None, None, why))
                continue
            rows.append((impl, which, statistics.median(cold), statistics.median(warm), None))
    return rows


# ---- steady state ----

def timed(launch, sync, event_pair, runs):
    """median GPU time (events) and median wall time of one launch (ms)"""
    launch()
    sync()
    gpu, wall = [], []
    for _ in range(runs):
        start, end = event_pair()
        start.record()
        t0 = time.perf_counter()
        launch()
        sync()
        t1 = time.perf_counter()
        end.record()
        end.synchronize()
        gpu.append(start.elapsed(end))
        wall.append((t1 - t0) * 1e3)
    return statistics.median(gpu), statistics.median(wall)


def steady(runs, impls):
    import cupy as cp

    def events():
        class E:
            def __init__(self):
                self.e = cp.cuda.Event()

            def record(self):
                self.e.record()

            def synchronize(self):
                self.e.synchronize()

            def elapsed(self, other):
                return cp.cuda.get_elapsed_time(self.e, other.e)
        return E(), E()

    sync = cp.cuda.runtime.deviceSynchronize
    n = 1 << 27
    rng = np.random.default_rng(1)
    hx = rng.random(n, dtype=np.float32)
    hy = rng.random(n, dtype=np.float32)
    hc = rng.random(n, dtype=np.float32)
    x, y, c = cp.asarray(hx), cp.asarray(hy), cp.asarray(hc)
    out = cp.empty(n, dtype=cp.float32)
    s = cp.zeros(1, dtype=cp.float32)
    W = H = 4000
    img = cp.zeros((H, W), dtype=cp.int32)
    rows, results = [], {}
    threads = 256
    blocks = (n + threads - 1) // threads
    for impl in impls:
        if impl == "cupy":
            saxpy_k = cp.ElementwiseKernel("float32 a, float32 x, float32 y", "float32 z", "z = a * x + y", "b_saxpy")
            fused_k = cp.ElementwiseKernel("float32 a, float32 b, float32 c", "float32 z", "z = exp(a) * b + sqrt(c)", "b_fused")
            mandel_k = cp.ElementwiseKernel("int32 w, int32 h, int32 m", "int32 n",
                "double cr = -2.0 + (i % w) * 3.0 / w, ci = -1.5 + (i / w) * 3.0 / h, zr = 0, zi = 0; int k = 0;"
                "while (k < m && zr*zr + zi*zi <= 4.0) { double t = zr*zr - zi*zi + cr; zi = 2.0*zr*zi + ci; zr = t; k++; } n = k;",
                "b_mandel")
            cases = {
                "saxpy": lambda: saxpy_k(np.float32(2.0), x, y, out),
                "fused": lambda: fused_k(x, y, c, out),
                "sum": lambda: cp.sum(x, out=s.reshape(())),
                "mandel": lambda: mandel_k(W, H, 100, img),
            }
        else:
            m = load("kiln.cuda", impl.endswith("nocheck")) if impl.startswith("kiln.cuda") else load_numba()
            mb = ((W + 15) // 16, (H + 15) // 16)
            def sum_launch(m=m):
                s.fill(0)
                m.block_sum[264 * 4, 256](x, s)
            def fused_launch(m=m):
                try:
                    m.fused[blocks, threads](x, y, c, out)
                except Exception:  # a compiler without NumPy's functions in kernels: the math module's
                    m.fused = m.fused_math
                    m.fused[blocks, threads](x, y, c, out)
            cases = {
                "saxpy": lambda m=m: m.saxpy[blocks, threads](np.float32(2.0), x, y, out),
                "saxpy4": lambda m=m: m.saxpy4[264 * 4, 256](np.float32(2.0), x, y, out),
                "fused": fused_launch,
                "sum": sum_launch,
                "mandel": lambda m=m: m.mandel[mb, (16, 16)](img, 100),
            }
        for name, launch in cases.items():
            try:
                g, w = timed(launch, sync, events, runs)
            except Exception as e:  # a peer that cannot run a case: said, not fatal
                rows.append((impl, name, None, None, "%s: %s" % (type(e).__name__, str(e)[:200])))
                continue
            check = None
            if name in ("saxpy", "saxpy4"):
                check = np.array_equal(cp.asnumpy(out), np.float32(2.0) * hx + hy)
            elif name == "fused":
                ref = (np.exp(hx.astype(np.float64)) * hy + np.sqrt(hc.astype(np.float64))).astype(np.float32)
                check = float(np.max(np.abs(cp.asnumpy(out) - ref) / np.abs(ref))) < 2e-6  # float32 functions: a few ulps
            elif name == "sum":
                check = abs(float(cp.asnumpy(s).reshape(-1)[0]) - float(hx.astype(np.float64).sum())) / float(hx.sum()) < 1e-4
            elif name == "mandel":
                results.setdefault("mandel", []).append(cp.asnumpy(img).copy())
            rows.append((impl, name, g, w, check))
    if len(results.get("mandel", [])) > 1:
        same = all(np.array_equal(results["mandel"][0], r) for r in results["mandel"][1:])
        rows.append(("all", "mandel images equal", None, None, same))
    return rows, n


def load_numba():
    numba_cuda()
    return load("numba.cuda")


BYTES = {"saxpy": 3 * 4, "saxpy4": 3 * 4, "fused": 4 * 4, "sum": 4}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    steady_only = "--steady-only" in sys.argv  # skip the first calls (the part that takes most of the run)
    repeats = int(args[0]) if args else 5
    impls = ["kiln.cuda"]
    try:
        numba_cuda()
        impls.append("numba.cuda")
    except Exception as e:
        print("numba.cuda: not available (%s)" % e)
    try:
        import cupy  # noqa: F401
        impls.append("cupy")
    except Exception as e:
        print("cupy: not available (%s)" % e)
    import kiln.cuda
    print("GPU:", kiln.cuda.detect(), "| NumPy", np.__version__, "| kiln", __import__("kiln").__version__)
    print("\n== first call (ms), context made before the clock; median of %d fresh processes ==" % repeats)
    print("%-11s %-7s %12s %14s" % ("impl", "kernel", "empty cache", "from cache"))
    for impl, which, cold, warm, why in ([] if steady_only else first_calls(repeats, impls)):
        if cold is None:
            print("%-11s %-7s %s" % (impl, which, "failed: " + str(why)))
        else:
            print("%-11s %-7s %12.2f %14.3f" % (impl, which, cold, warm))
    rows, n = steady(max(20, repeats * 4), impls[:1] + ["kiln.cuda:nocheck"] + impls[1:])
    print("\n== steady state: median kernel time (CUDA events) and wall time per launch ==")
    print("(kiln.cuda:nocheck: boundscheck=False, as Numba compiles by default)")
    print("%-18s %-22s %10s %10s %10s %s" % ("impl", "case", "gpu ms", "wall ms", "TB/s", "check"))
    for impl, name, g, w, check in rows:
        if g is None:
            print("%-18s %-22s %s" % (impl, name, check))
            continue
        tbs = BYTES[name] * n / (g * 1e-3) / 1e12 if name in BYTES else float("nan")
        print("%-18s %-22s %10.4f %10.4f %10.2f %s" % (impl, name, g, w, tbs, check))


if __name__ == "__main__":
    main()
