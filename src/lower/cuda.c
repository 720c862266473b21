/*
 * cuda.c — Numba's CUDA kernel API in kernels: cuda.grid(n), cuda.gridsize(n),
 * cuda.threadIdx/blockIdx/blockDim/gridDim.x|y|z, cuda.laneid, cuda.warpsize, cuda.syncthreads(),
 * cuda.threadfence(), cuda.shared.array(shape, dtype), cuda.local.array(shape,
 * dtype) and cuda.atomic.add/sub/max/min/and_/or_/xor/exch/compare_and_swap.
 *
 * Each becomes one OP_LIB LIB_GPU (ir/gpu.h), so a kernel is ordinary IR: the
 * CPU tiers run it thread by thread under a launch (back/gpu.c), the GPU
 * backend emits PTX for it. Indices are Python ints (int64), as every other
 * int in kiln (Numba types them int32). A local array is an ordinary zeroed
 * array (OP_ALLOC; the GPU backend puts a constant-shaped one on the thread's
 * stack); a shared array has a constant shape, one buffer per block and site
 * (the call's AST node: unique in its module).
 */
#include "infer.h"
#include "../ir/gpu.h"
#include "../ir/lib.h"

enum { CU_GRID, CU_GRIDSIZE, CU_SYNC, CU_FENCE, CU_SHARED, CU_LOCAL, CU_ATOMIC };

static const Type *i64w(Inf *I) { return ty_scalar(I->tt, KILN_INT64, true); }

int cu_submodule(int mod, const char *name) {
    static const char *regs[] = {"threadIdx", "blockIdx", "blockDim", "gridDim"};
    if (mod != MOD_CUDA) return -1;
    for (int i = 0; i < 4; i++) if (!strcmp(name, regs[i])) return MOD_CUDA_TID + i;
    if (!strcmp(name, "shared")) return MOD_CUDA_SHARED;
    if (!strcmp(name, "local")) return MOD_CUDA_LOCAL;
    if (!strcmp(name, "atomic")) return MOD_CUDA_ATOMIC;
    return -1;
}

int cu_lookup(int mod, const char *name) {
    if (mod == MOD_CUDA) {
        static const char *fns[] = {"grid", "gridsize", "syncthreads", "threadfence"};
        for (int i = 0; i < 4; i++) if (!strcmp(name, fns[i])) return CU_GRID + i;
    }
    if ((mod == MOD_CUDA_SHARED || mod == MOD_CUDA_LOCAL) && !strcmp(name, "array")) return mod == MOD_CUDA_SHARED ? CU_SHARED : CU_LOCAL;
    if (mod == MOD_CUDA_ATOMIC)
        for (int k = GPU_ATOMIC_ADD; k <= GPU_ATOMIC_CAS; k++)
            if (!strcmp(name, gpu_name(k) + 7)) return CU_ATOMIC + (k - GPU_ATOMIC_ADD);
    return -1;
}

/* one LIB_GPU of kind k with no operand of its own (a dummy 0 first, as LIB_RANDOM) */
static Ref gpu_op(Inf *I, int k, const Type *t) {
    Ref zero = inf_const_i(I, i64w(I), 0);
    return inf_emit(I, OP_LIB, t, &zero, 1, LIB_GPU | (int64_t)k << 8);
}

/* a value known to be >= 0: an index into an array needs no wrapping of negatives (BOUND_NOWRAP) */
static Ref nonneg(Inf *I, Ref r) {
    I->f->ins.v[r].flags |= INS_NONNEG;
    return r;
}

static Ref reg(Inf *I, int which, int axis) { return nonneg(I, gpu_op(I, GPU_TID_X + 3 * which + axis, i64w(I))); }

/* cuda.laneid, cuda.warpsize: a register and a constant of the cuda module itself (NULL name: not one of them) */
bool cu_module_value(Inf *I, const char *name, Val *out) {
    if (!strcmp(name, "laneid")) { *out = val_of(I, nonneg(I, gpu_op(I, GPU_LANEID, i64w(I)))); return true; }
    if (!strcmp(name, "warpsize")) { *out = val_of(I, inf_const_i(I, i64w(I), 32)); return true; }
    return false;
}

Val cu_register(Inf *I, int mod, const char *name, Node *at) {
    int axis = !strcmp(name, "x") ? 0 : !strcmp(name, "y") ? 1 : !strcmp(name, "z") ? 2 : -1;
    static const char *regs[] = {"threadIdx", "blockIdx", "blockDim", "gridDim"};
    if (axis < 0) inf_fail(I, at, "cuda.%s has no attribute '%s' (x, y and z)", regs[mod - MOD_CUDA_TID], name);
    return val_of(I, reg(I, mod - MOD_CUDA_TID, axis));
}

/* cuda.grid(n) (absolute thread index per axis) or cuda.gridsize(n) (threads in the grid per axis): an int for
 * n == 1, else an n-tuple */
static Val grid(Inf *I, Node *call, bool size) {
    const char *fn = size ? "cuda.gridsize" : "cuda.grid";
    if (call->nkids != 1 || call->nkids2) inf_fail(I, call, "%s() takes one argument, the number of dimensions (1, 2 or 3)", fn);
    int64_t n = cl_const_int(I, call->kids[0], fn, "the number of dimensions");
    if (n < 1 || n > 3) inf_fail(I, call->kids[0], "%s(%lld): the number of dimensions is 1, 2 or 3", fn, (long long)n);
    Val out = {0};
    out.el = arena_alloc(I->a, sizeof(Val) * 3);
    if (!out.el) inf_oom(I);
    const Type *ts[3];
    for (int k = 0; k < n; k++) {
        Ref a[2] = {reg(I, size ? 2 : 1, k), reg(I, size ? 3 : 2, k)};
        Ref r = nonneg(I, inf_emit(I, OP_MUL, i64w(I), a, 2, 0)); /* < 2**31 * 1024: no wrap */
        if (!size) { Ref b[2] = {reg(I, 0, k), r}; r = nonneg(I, inf_emit(I, OP_ADD, i64w(I), b, 2, 0)); }
        out.el[k] = val_of(I, r);
        ts[k] = i64w(I);
    }
    if (n == 1) return out.el[0];
    out.ty = ty_tuple(I->tt, ts, (int)n);
    if (!out.ty) inf_oom(I);
    out.str = -1;
    return out;
}

/* cuda.shared.array(shape, dtype) / cuda.local.array(shape, dtype) */
static Val array(Inf *I, Node *call, bool shared) {
    const char *fn = shared ? "cuda.shared.array" : "cuda.local.array";
    static const char *const params[] = {"shape", "dtype", NULL};
    Node *arg[2];
    cl_np_bind(I, call, fn, 0, params, 2, arg);
    if (!arg[0] || !arg[1]) inf_fail(I, call, "%s() needs a shape and a dtype", fn);
    Ref dims[KILN_MAXDIM];
    int nd = cl_shape_arg(I, arg[0], dims);
    int64_t elems = 1;
    for (int k = 0; k < nd; k++) {
        Ins *d = &I->f->ins.v[dims[k]];
        if (d->op != OP_CONST) inf_fail(I, arg[0], "%s(): the shape must be constant (ints, or a tuple of ints)", fn);
        int64_t v = I->f->cst.v[d->aux].i;
        if (v < 0 || v > (1 << 30)) inf_fail(I, arg[0], "%s(): a dimension of %lld is out of range", fn, (long long)v);
        elems *= v;
        if (elems > (1 << 30)) inf_fail(I, arg[0], "%s(): the array is too large", fn);
    }
    int dt = cl_dtype_arg(I, arg[1]);
    const Type *at = ty_array(I->tt, (kiln_dtype)dt, nd, LAYOUT_C);
    if (!shared) return val_of(I, inf_emit(I, OP_ALLOC, at, dims, (uint32_t)nd, 0));
    if (nd == 1 && elems == 0) /* Numba's dynamic shared memory: the launch's shared_bytes, as a 1-d array */
        return val_of(I, gpu_op(I, GPU_DYNSHARED, at));
    Ref ops[1 + KILN_MAXDIM];
    ops[0] = inf_const_i(I, i64w(I), 0);
    for (int k = 0; k < nd; k++) ops[1 + k] = dims[k];
    return val_of(I, inf_emit(I, OP_LIB, at, ops, (uint32_t)(1 + nd), LIB_GPU | (int64_t)GPU_SHARED << 8 | (int64_t)call->id << 16));
}

/* cuda.atomic.<op>(ary, idx, val) -> the old element; compare_and_swap(ary, old, val) on ary[0] of a 1-d array */
static Val atomic(Inf *I, Node *call, int k) {
    char fn[48];
    snprintf(fn, sizeof fn, "cuda.%s", gpu_name(k));
    bool cas = k == GPU_ATOMIC_CAS;
    if (call->nkids != 3 || call->nkids2) inf_fail(I, call, "%s() takes three arguments: %s", fn, cas ? "(array, old, value)" : "(array, index, value)");
    Val arr = ex_expr(I, call->kids[0]);
    if (arr.ty->kind != T_ARRAY) inf_fail(I, call->kids[0], "%s() needs an array, not %s", fn, inf_tyname(I, arr.ty));
    int dt = arr.ty->dtype;
    bool ints = dt_is_int(dt) && dt != KILN_BOOL, floats = dt == KILN_FLOAT32 || dt == KILN_FLOAT64;
    bool bitwise = k == GPU_ATOMIC_AND || k == GPU_ATOMIC_OR || k == GPU_ATOMIC_XOR;
    if (!(ints || (floats && !bitwise && !cas)) || (cas && dt != KILN_INT32 && dt != KILN_INT64 && dt != KILN_UINT32 && dt != KILN_UINT64))
        inf_fail(I, call->kids[0], "%s() is not supported on an array of %s (%s)", fn, kiln_dtype_name((kiln_dtype)dt),
                 cas ? "32- and 64-bit ints" : bitwise ? "ints" : "ints, float32 and float64");
    const Type *et = ty_scalar(I->tt, (kiln_dtype)dt, false);
    Ref idx[KILN_MAXDIM];
    int nidx = 1;
    if (cas) {
        if (arr.ty->ndim != 1) inf_fail(I, call->kids[0], "%s() works on element 0 of a 1-d array", fn);
        Val zero = val_of(I, inf_const_i(I, i64w(I), 0));
        ex_bounds(I, arr, &zero, &call->kids[0], 1, idx);
    } else {
        Val iv = ex_expr(I, call->kids[1]);
        Val vals[KILN_MAXDIM];
        Node *nodes[KILN_MAXDIM];
        if (iv.ty->kind == T_TUPLE && iv.ty->n <= KILN_MAXDIM) {
            nidx = iv.ty->n;
            for (int i = 0; i < nidx; i++) { vals[i] = iv.el[i]; nodes[i] = call->kids[1]; }
        } else {
            vals[0] = iv; nodes[0] = call->kids[1];
        }
        if (nidx != arr.ty->ndim)
            inf_fail(I, call->kids[1], "%s(): %d indices for a %d-dimensional array (one per axis)", fn, nidx, arr.ty->ndim);
        for (int i = 0; i < nidx; i++)
            if (vals[i].ty->kind != T_SCALAR || !dt_is_int(vals[i].ty->dtype) || vals[i].ty->dtype == KILN_BOOL)
                inf_fail(I, call->kids[1], "%s(): indices must be ints, not %s", fn, inf_tyname(I, vals[i].ty));
        ex_bounds(I, arr, vals, nodes, nidx, idx);
    }
    Ref ops[3 + KILN_MAXDIM];
    int n = 0;
    ops[n++] = arr.r;
    if (cas) ops[n++] = ex_adopt(I, ex_expr(I, call->kids[1]), et, call->kids[1]).r;
    ops[n++] = ex_adopt(I, ex_expr(I, call->kids[2]), et, call->kids[2]).r;
    for (int i = 0; i < nidx; i++) ops[n++] = idx[i];
    return val_of(I, inf_emit(I, OP_LIB, et, ops, (uint32_t)n, LIB_GPU | (int64_t)k << 8));
}

Val cu_call(Inf *I, Node *call, int k) {
    switch (k) {
    case CU_GRID: return grid(I, call, false);
    case CU_GRIDSIZE: return grid(I, call, true);
    case CU_SYNC: case CU_FENCE:
        if (call->nkids || call->nkids2) inf_fail(I, call, "cuda.%s() takes no arguments", k == CU_SYNC ? "syncthreads" : "threadfence");
        gpu_op(I, k == CU_SYNC ? GPU_SYNC : GPU_FENCE, NULL);
        return val_of(I, inf_static(I, &I->tt->none));
    case CU_SHARED: return array(I, call, true);
    case CU_LOCAL: return array(I, call, false);
    default: return atomic(I, call, GPU_ATOMIC_ADD + (k - CU_ATOMIC));
    }
}
