"""peers.py — runs one bench kernel under a peer of kiln, for bench/peers/run.sh.

usage: python3 peers.py PEER FILE FUNC RUNS [ARG ...]
  PEER  numba    @njit(cache=True) on every function of FILE (the kernel files
                 are valid Python), FUNC called with the ARGs (ints, or floats with a '.')
        numpy | jax | torch   the vectorized form of FUNC below, where one
                 exists (exit 3 when it does not)
Prints "RESULT<TAB>FIRST_CALL_S<TAB>WARM_MEDIAN_S"; RUNS=0 prints only the
result after one call (run.sh times that process from start to first result).
Exit 4 when the peer is not installed, so run.sh can skip it with a note.

The vectorized forms time the kernel's core only (the sort, the top 10, the
attention), on inputs built once from the same generator, and their answers
use the same checksum, so a wrong one shows.
"""
import importlib.util
import math
import os
import statistics
import sys
import time


def load_module(path):
    spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # numba resolves globals through it
    spec.loader.exec_module(mod)
    return mod


def numba_kernel(path, func, cache):
    try:
        import numba
    except ImportError:
        sys.exit(4)
    mod = load_module(path)
    for name, obj in list(vars(mod).items()):
        if callable(obj) and getattr(obj, "__module__", None) == mod.__name__:
            setattr(mod, name, numba.njit(cache=cache)(obj))
    return getattr(mod, func)


def lcg_array(n, seed, shift, np):
    """the kernels' generator: s = (s * 1103515245 + 12345) % 2**31, s / 2**31 + shift"""
    out = [0.0] * n
    s = seed
    for i in range(n):
        s = (s * 1103515245 + 12345) % 2147483648
        out[i] = s / 2147483648.0 + shift
    return np.array(out)


def vector_forms(peer):
    """FUNC -> (build inputs from the args, run the core, checksum the output)"""
    import numpy as np
    if peer == "numpy":
        xp, jit = np, lambda f: f
    elif peer == "jax":
        try:
            import jax
            import jax.numpy as xp
        except ImportError:
            sys.exit(4)
        jax.config.update("jax_enable_x64", True)
        jit = jax.jit
    else:
        try:
            import torch as xp
        except ImportError:
            sys.exit(4)
        jit = xp.compile

    def asarr(a):
        return xp.asarray(a) if peer != "torch" else xp.from_numpy(a)

    def topk_core(x):
        if peer == "torch":
            return xp.topk(x, 10).values
        if peer == "jax":
            import jax
            return jax.lax.top_k(x, 10)[0]
        return -np.sort(-np.partition(x, -10)[-10:])

    def topk_sum(b):
        b = np.asarray(b, dtype=np.float32)
        t = np.float32(0.0)
        for j in range(10):
            t += b[j]
        return (float(t), float(b[0]), float(b[9]))

    def sort_sum(a):
        a = np.asarray(a)
        ok = int(bool(np.all(a[:-1] <= a[1:])))
        s = 0.0
        for i in range(a.shape[0]):
            s += a[i] * (i % 7)
        return (ok, float(s))

    def attention_core(q, k, v):
        d = q.shape[-1]
        s = (q @ k.transpose(-1, -2) if peer == "torch" else q @ xp.swapaxes(k, -1, -2))
        s = s * np.float32(1.0 / math.sqrt(d))
        m = s.max(-1, keepdims=True) if peer != "torch" else s.max(-1, keepdim=True).values
        e = xp.exp(s - m)
        z = e.sum(-1, keepdims=True) if peer != "torch" else e.sum(-1, keepdim=True)
        return (e @ v) / z

    def attention_build(b, h, n, d):
        c = b * h * n * d
        return [asarr(lcg_array(c, seed, -0.5, np).astype(np.float32).reshape(b, h, n, d)) for seed in (1, 2, 3)]

    def attention_sum(o):
        o = np.asarray(o)
        b, h, n, d = o.shape
        w = (1 + (np.arange(n)[:, None] + np.arange(d)[None, :]) % 3).astype(np.float32)
        t = np.float32(0.0)
        for x in (o * w).reshape(-1):  # float32, in order, as the kernel adds
            t += x
        return float(t)

    forms = {
        # 500 passes, as the kernel makes, each one compiled call (pairwise
        # summation: the last digits differ from the loop's)
        "pisum": (lambda: [asarr(np.arange(1, 10001, dtype=np.float64))],
                  Passes(jit(lambda k: (1.0 / (k * k)).sum()), 500), float),
        "sort_check": (lambda n: [asarr(lcg_array(n, 42, 0.0, np))],
                       (lambda a: xp.sort(a).values) if peer == "torch" else xp.sort, sort_sum),
        "top10": (lambda n: [asarr(lcg_array(n, 7, 0.0, np).astype(np.float32))], topk_core, topk_sum),
        "run": (attention_build, attention_core, attention_sum),
    }
    return {f: (b, c if isinstance(c, Passes) else jit(c), s) for f, (b, c, s) in forms.items()}


class Passes:
    """a compiled one-pass function called n times from Python"""
    def __init__(self, fn, n):
        self.fn, self.n = fn, n

    def __call__(self, *a):
        for _ in range(self.n):
            r = self.fn(*a)
        return r


def main():
    if len(sys.argv) < 5:
        sys.exit("usage: peers.py PEER FILE FUNC RUNS [ARG ...]")
    peer, path, func, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    try:
        import numpy  # noqa: F401  (the kernel files and every form need it)
    except ImportError:
        sys.exit(4)
    args = [float(a) if any(c in a for c in ".eE") else int(a) for a in sys.argv[5:]]
    if peer == "numba":
        # numba's disk cache and recursion do not mix: here a cached
        # recursive quicksort crashed the second process outright
        recursive = path.endswith(("fib.py", "quicksort.py"))
        if recursive:
            print("numba: %s is recursive: cache=False" % func, file=sys.stderr)
        fn = numba_kernel(path, func, not recursive)
        call, finish = (lambda: fn(*args)), (lambda r: r)
    elif peer in ("numpy", "jax", "torch"):
        forms = vector_forms(peer)
        if func not in forms:
            sys.exit(3)
        build, core, finish = forms[func]
        inputs = build(*args)
        call = lambda: core(*inputs)
    else:
        sys.exit("peers.py: unknown peer " + peer)
    t0 = time.perf_counter()
    r = call()
    if peer == "jax":
        r.block_until_ready()
    first = time.perf_counter() - t0
    result = finish(r)
    if runs == 0:
        print(result)
        return
    times = []
    for _ in range(min(3, runs)):
        call()
    for _ in range(runs):
        t0 = time.perf_counter()
        r = call()
        if peer == "jax":
            r.block_until_ready()
        times.append(time.perf_counter() - t0)
    print("%s\t%.9g\t%.9g" % (result, first, statistics.median(times)))


main()
