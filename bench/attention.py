#!/usr/bin/env python3
"""attention.py — the issue-9 attention seed example against its peers (make bench-attention).

q, k, v of shape (2, 8, 256, 64) float32 (default), in one run, warm medians:
  - kiln tier 2 on the whole-array form, unchanged from NumPy but for the import:
      s = np.einsum("bhqd,bhkd->bhqk", q, k) / np.sqrt(q.shape[-1])
      w = np.exp(s - s.max(axis=-1, keepdims=True)); w = w / w.sum(axis=-1, keepdims=True)
      o = np.einsum("bhqk,bhkd->bhqd", w, v)
  - NumPy eager on its matmul form (q @ k.transpose(0, 1, 3, 2) ..., w @ v);
  - NumPy eager on the einsum form itself;
  - Numba (@njit) on the loop version (bench/suite/attention.py's attention);
  - JAX jit on the einsum form, when JAX is installed.
Targets (issue 9): kiln at least as fast as NumPy's matmul form and faster
than Numba's loop version. OPENBLAS_NUM_THREADS is set to 1 for every peer
(kiln's BLAS and NumPy's alike) unless it is already set.

usage: python3 bench/attention.py [KILN] [RUNS] [B H N D]
"""
import os
import sys
import tempfile

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

from benchlib import kiln_warm_median, median_time  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KILN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "kiln")
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 21
SHAPE = tuple(int(x) for x in sys.argv[3:7]) if len(sys.argv) > 6 else (2, 8, 256, 64)

KERNEL = '''import numpy as np
def attention(q, k, v):
    s = np.einsum("bhqd,bhkd->bhqk", q, k) / np.sqrt(q.shape[-1])
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    w = w / w.sum(axis=-1, keepdims=True)
    return np.einsum("bhqk,bhkd->bhqd", w, v)
'''


def np_matmul_form(q, k, v):
    s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(q.shape[-1])
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    w = w / w.sum(axis=-1, keepdims=True)
    return w @ v




def kiln_time(tmp):
    path = os.path.join(tmp, "att.py")
    with open(path, "w") as f:
        f.write(KERNEL)
    return kiln_warm_median(KILN, path, "attention", ["@" + os.path.join(tmp, n + ".npy") for n in "qkv"], RUNS)


def numba_time(q, k, v):
    try:
        import numba
    except ImportError:
        return None
    sys.path.insert(0, os.path.join(ROOT, "bench", "suite"))
    import attention as loops
    fn = numba.njit(loops.attention)
    out = np.empty_like(q)
    return median_time(lambda: fn(q, k, v, out), max(3, RUNS // 4))


def jax_time(q, k, v):
    try:
        import jax
        import jax.numpy as jnp
    except ImportError:
        return None

    @jax.jit
    def att(q, k, v):
        s = jnp.einsum("bhqd,bhkd->bhqk", q, k) / jnp.sqrt(q.shape[-1])
        w = jnp.exp(s - s.max(axis=-1, keepdims=True))
        w = w / w.sum(axis=-1, keepdims=True)
        return jnp.einsum("bhqk,bhkd->bhqd", w, v)
    jq, jk, jv = (jnp.asarray(x) for x in (q, k, v))
    return median_time(lambda: att(jq, jk, jv).block_until_ready(), RUNS)


def main():
    tmp = tempfile.mkdtemp(prefix="kiln-att-")
    rng = np.random.default_rng(1)
    q, k, v = (rng.uniform(-0.5, 0.5, SHAPE).astype(np.float32) for _ in range(3))
    for n, x in zip("qkv", (q, k, v)):
        np.save(os.path.join(tmp, n + ".npy"), x)
    ns = {}
    exec(KERNEL, ns)
    t_mm = median_time(lambda: np_matmul_form(q, k, v), RUNS)
    t_es = median_time(lambda: ns["attention"](q, k, v), max(3, RUNS // 4))
    t_k = kiln_time(tmp)
    t_nb = numba_time(q, k, v)
    t_jx = jax_time(q, k, v)
    print("attention %s float32, warm medians (OPENBLAS_NUM_THREADS=%s)" % (SHAPE, os.environ["OPENBLAS_NUM_THREADS"]))
    rows = [("kiln (tier 2, einsum form)", t_k), ("NumPy matmul form", t_mm), ("NumPy einsum form", t_es),
            ("Numba loops (@njit)", t_nb), ("JAX jit (einsum form)", t_jx)]
    for name, t in rows:
        if t is None:
            print("%-28s %10s" % (name, "not installed"))
        else:
            print("%-28s %10.5f s   kiln is %.2fx as fast" % (name, t, t / t_k))


if __name__ == "__main__":
    main()
