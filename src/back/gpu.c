/*
 * gpu.c — a CUDA kernel's GPU operations (ir/gpu.h, OP_LIB LIB_GPU) as the CPU
 * tiers run them, one thread at a time under a launch (jit/launch.c): the
 * index registers from Run.gpu, the barrier through the launch's scheduler,
 * one buffer per block and site for a shared array, atomics as plain
 * read-modify-writes (one thread runs at a time, so they are atomic).
 *
 * atomic.max/min keep the old element unless the new one compares greater
 * (smaller), so a NaN argument leaves the element as it is; the GPU backend
 * emits the same rule.
 */
#include "frame.h"
#include "../ir/gpu.h"
#include "../ir/lib.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int raise_msg(Run *run, const char *ename, const char *msg, int line, const char *file) {
    run_raise(run, RE_RAISE, line, file);
    run->ename = ename;
    snprintf(run->msg, sizeof run->msg, "%s", msg);
    return -1;
}

/* the block's buffer of a shared array site (zeroed when the block's first thread reaches it); dynamic: the launch's
 * dynamic shared memory (site -1, as many elements as its bytes hold) */
static int shared(Run *run, RtGpuBlock *g, Slot *s, int d, const Extra *x, bool dynamic, int line, const char *file) {
    const Type *t = x->rt;
    int64_t item = (int64_t)kiln_dtype_size((kiln_dtype)t->dtype), bytes = item;
    for (int k = 0; k < t->ndim && !dynamic; k++) bytes *= s[x->slot[k]].i;
    if (dynamic) bytes = g->dyn_bytes;
    int64_t site = dynamic ? -1 : gpu_site(x->aux);
    RtGpuShared *sh = NULL;
    for (int i = 0; i < g->nshared; i++) if (g->shared[i].site == site && g->shared[i].bytes == bytes) sh = &g->shared[i];
    if (!sh) {
        if (g->nshared == g->capshared) {
            int cap = g->capshared ? 2 * g->capshared : 8;
            RtGpuShared *n = realloc(g->shared, sizeof *n * (size_t)cap);
            if (!n) return run_raise(run, RE_NOMEM, line, file);
            g->shared = n; g->capshared = cap;
        }
        void *p = calloc(1, (size_t)(bytes ? bytes : 1));
        if (!p) return run_raise(run, RE_NOMEM, line, file);
        sh = &g->shared[g->nshared++];
        sh->site = site; sh->bytes = bytes; sh->data = p;
    }
    Slot *o = &s[d];
    o[0].p = sh->data;
    if (dynamic) {
        o[1].i = bytes / item;
        o[2].i = item;
        return 0;
    }
    int64_t stride = item;
    for (int k = t->ndim - 1; k >= 0; k--) {
        o[1 + k].i = s[x->slot[k]].i;
        o[1 + t->ndim + k].i = stride;
        stride *= s[x->slot[k]].i;
    }
    return 0;
}

/* x op y on an element of dtype dt, in the element's own arithmetic (ints wrap as they are stored) */
static Slot combine(int k, int dt, Slot x, Slot y) {
    Slot r = x;
    bool f64 = dt == KILN_FLOAT64, f32 = dt == KILN_FLOAT32, uns = dt_is_unsigned(dt);
    switch (k) {
    case GPU_ATOMIC_ADD:
        if (f64) r.f = x.f + y.f; else if (f32) r.f32 = x.f32 + y.f32; else r.u = x.u + y.u;
        break;
    case GPU_ATOMIC_SUB:
        if (f64) r.f = x.f - y.f; else if (f32) r.f32 = x.f32 - y.f32; else r.u = x.u - y.u;
        break;
    case GPU_ATOMIC_MAX: case GPU_ATOMIC_MIN: {
        bool gt = f64 ? y.f > x.f : f32 ? y.f32 > x.f32 : uns ? y.u > x.u : y.i > x.i;
        bool lt = f64 ? y.f < x.f : f32 ? y.f32 < x.f32 : uns ? y.u < x.u : y.i < x.i;
        if (k == GPU_ATOMIC_MAX ? gt : lt) r = y;
        break;
    }
    case GPU_ATOMIC_AND: r.u = x.u & y.u; break;
    case GPU_ATOMIC_OR: r.u = x.u | y.u; break;
    case GPU_ATOMIC_XOR: r.u = x.u ^ y.u; break;
    default: r = y; break; /* exch */
    }
    return r;
}

/* an atomic on the array at slot a: operands value (CAS: expected, value), then one normalized index per axis */
static int atomic(Slot *s, int d, int a, const Extra *x, int k) {
    const Type *at = x->at;
    int nv = k == GPU_ATOMIC_CAS ? 2 : 1, dt = at->dtype;
    char *p = s[a].p;
    for (int i = 0; i < at->ndim; i++) p += s[x->slot[nv + i]].i * s[a + 1 + at->ndim + i].i;
    Slot old = rt_load_elem(p, dt), nw;
    if (k == GPU_ATOMIC_CAS) {
        if (s[x->slot[0]].i != old.i) { s[d] = old; return 0; } /* ints sit in slots in one canonical form */
        nw = s[x->slot[1]];
    } else {
        nw = combine(k, dt, old, s[x->slot[0]]);
    }
    rt_store_elem(p, dt, &nw);
    s[d] = old;
    return 0;
}

int fr_gpu(Run *run, Slot *s, int d, int a, const Extra *x, int line, const char *file) {
    int k = gpu_kind(x->aux);
    RtGpu *g = run->gpu;
    if (gpu_is_atomic(k)) return atomic(s, d, a, x, k);
    if (!g) {
        char msg[200];
        snprintf(msg, sizeof msg, "cuda.%s%s in a call that is not a kernel launch (launch a CUDA kernel as "
                 "kernel[blocks, threads](args), or kiln run --device cpu|cuda --grid B,T)", gpu_name(k),
                 gpu_is_register(k) ? "" : "()");
        return raise_msg(run, "RuntimeError", msg, line, file);
    }
    if (k == GPU_LANEID) { /* the thread's number in its block, x fastest, modulo the warp's 32 */
        s[d].i = (g->reg[0] + g->reg[6] * (g->reg[1] + g->reg[7] * g->reg[2])) % 32;
        return 0;
    }
    if (gpu_is_register(k)) { s[d].i = g->reg[k - GPU_TID_X]; return 0; }
    switch (k) {
    case GPU_SYNC: return g->block->sync ? g->block->sync(g->block->sync_arg) : 0;
    case GPU_FENCE: return 0;
    default: return shared(run, g->block, s, d, x, k == GPU_DYNSHARED, line, file);
    }
}
