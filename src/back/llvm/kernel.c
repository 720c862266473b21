/*
 * kernel.c — a CUDA kernel's GPU mode of the LLVM lowering (llvm.c's ll_build with l->gpu): the kernel's entry
 * and parameters, errors recorded for the host, NVVM intrinsics for the GPU's operations, shared, local and
 * dynamic shared arrays, atomics, float32 math, and index checks deferred so that a block's memory accesses
 * issue together. nvptx.c makes the module and the PTX.
 */
#include "ll.h"
#include "../../ir/gpu.h"
#include "../../ir/lib.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define H ll_host

/* the deferred index checks, raised in the order the kernel made them */
void ll_gpu_flush(L *l) {
    int n = l->ndefer;
    l->ndefer = 0;
    l->all_ok = NULL;
    for (int i = 0; i < n; i++) ll_raise_if(l, l->defer[i].bad, H->index, l->defer[i].k, ll_spill_index, &l->defer[i].sp);
}

/* what may run before a deferred check is raised: no side effect, no branch, no error of its own */
bool ll_gpu_deferrable(L *l, Ref r) {
    Ins *in = IN(l, r);
    int k = cls(in->ty);
    bool num = k == 'I' || k == 'U' || k == 'F' || k == 'S';
    switch (in->op) {
    case OP_CONST: case OP_ARG: case OP_PARAM: case OP_DIM: case OP_STRIDE: case OP_DATA: case OP_BOUND: case OP_SELECT:
    case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE: case OP_MKVIEW:
    case OP_FRAME: /* an inlined call's depth check: nothing in a kernel (a GPU thread does not recurse) */
        return true;
    case OP_LOAD: return IN(l, AR(l, r, 0))->ty->ndim >= 1 && num;
    case OP_STORE: { /* to the safe address unless every check so far passed: no store the CPU would not make */
        int v = cls(IN(l, AR(l, r, 1))->ty);
        return IN(l, AR(l, r, 0))->ty->ndim >= 1 && (v == 'I' || v == 'U' || v == 'F' || v == 'S');
    }
    case OP_ADD: case OP_SUB: case OP_MUL: case OP_NEG: case OP_AND: case OP_OR: case OP_XOR: case OP_INV: case OP_NOT:
        return num;
    case OP_CAST: { /* between numbers, except float to int (which raises) */
        int a = cls(IN(l, AR(l, r, 0))->ty);
        return num && (a == 'I' || a == 'U' || ((a == 'F' || a == 'S') && (k == 'F' || k == 'S')));
    }
    case OP_LIB: return (in->aux & 0xff) == LIB_GPU && gpu_is_register(gpu_kind(in->aux));
    default: return false;
    }
}

/* ---- complex numbers and abs, inline: a complex value is its two parts in registers; every
 * formula is the interpreter's (rt/arith.c, rt/eval.c), operation for operation, so the bits
 * agree: CPython's product and quotient (_Py_c_quot), NumPy's fused product and magnitude where
 * NumPy's loops fuse (the CPU has FMA: the same test as rt_cmul_np), hypot for Python's abs ---- */


/* a NumPy ufunc of one float32 (np.exp(x[i]) of a float32 array: lowered as f64 between two casts) on the GPU, in
 * float32: an exact intrinsic (sqrt, floor ...) gives the same bits as the CPU's f64-then-round; libdevice's float
 * routines are within their documented ulps (docs/gpu.md) and several times cheaper than the double ones. NULL:
 * not such a call */
LLVMValueRef ll_gpu_math_f32(L *l, const MathFn *m, LLVMValueRef x) {
    static const char *const f32fns[] = {"exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
                                         "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
                                         "erf", "erfc", "cbrt"};
    if (!LLVMIsAFPExtInst(x) || LLVMTypeOf(LLVMGetOperand(x, 0)) != l->f32 || m->arity != 1) return NULL;
    LLVMValueRef a = LLVMGetOperand(x, 0), res = NULL;
    LLVMTypeRef ft = LLVMFunctionType(l->f32, &l->f32, 1, 0);
    if (m->intrinsic) {
        res = LLVMBuildCall2(l->b, ft, LLVMGetIntrinsicDeclaration(l->m, LLVMLookupIntrinsicID(m->intrinsic, strlen(m->intrinsic)),
                                                                    &l->f32, 1), &a, 1, "");
    } else {
        for (size_t i = 0; i < sizeof f32fns / sizeof *f32fns && !res; i++)
            if (!strcmp(m->name, f32fns[i])) {
                char nv[48];
                snprintf(nv, sizeof nv, "__nv_%sf", m->name);
                res = LLVMBuildCall2(l->b, ft, ll_pure_fn(l, nv, ft), &a, 1, "");
            }
    }
    return res ? LLVMBuildFPExt(l->b, res, l->f64, "") : NULL;
}


/* ---- CUDA kernels (back/llvm/nvptx.c makes the module and the PTX) ----
 * The kernel's parameters are its argument slots, 8 bytes each (the host passes the slots kiln_call would
 * build, with device pointers for array data), then the error record; the entry stores the slots into a frame
 * on the stack that SROA dissolves, so every value is read as in the CPU tiers. The record travels where the
 * frame ABI passes Run (no GPU code reads a Run). An error claims the record (host memory the GPU maps: word 0
 * the call record's index + 1, then the frame's slots), saves the slots its helper reads and returns; after the launch the host replays that helper on the saved slots, so the exception and its
 * message are exactly the CPU tiers'. Nothing calls the runtime: what would (allocation of a non-constant
 * shape, lists, printing, recursion) makes the compile fail with its line. */

bool ll_gpu_kernel_fn(L *l, const char *name) {
    Code *c = l->c;
    uint32_t np = 0;
    for (uint32_t j = 0; j < c->nargs; j++) np += (uint32_t)c->arg_size[j];
    LLVMTypeRef *pt = malloc(sizeof(LLVMTypeRef) * (np + 1));
    if (!pt) { l->bail = "out of memory"; return false; }
    for (uint32_t j = 0; j < np; j++) pt[j] = l->i64;
    pt[np] = l->ptr; /* the error record */
    l->fn = LLVMAddFunction(l->m, name, LLVMFunctionType(LLVMVoidTypeInContext(l->cx), pt, np + 1, 0));
    free(pt);
    ll_fn_attr(l, l->fn, "nounwind");
    return true;
}

/* the frame, with the parameters in the argument slots */
void ll_gpu_kernel_entry(L *l) {
    Code *c = l->c;
    l->frame = LLVMBuildArrayAlloca(l->b, l->i64, LLVMConstInt(l->i32, c->nslots ? c->nslots : 1, 0), "frame");
    l->ret = LLVMBuildArrayAlloca(l->b, l->i64, LLVMConstInt(l->i32, 1, 0), "ret");
    l->run = LLVMGetParam(l->fn, LLVMCountParams(l->fn) - 1); /* the error record, handed to callees as their run */
    unsigned p = 0;
    LLVMTypeRef gptr = ptr_in(l, 1);
    for (uint32_t j = 0; j < c->nargs; j++)
        for (int32_t k = 0; k < c->arg_size[j]; k++) {
            LLVMValueRef v = LLVMGetParam(l->fn, p++);
            /* an array's data is global memory: said through the address space, so that LLVM's address-space
             * inference turns the generic loads and stores of its elements into ld.global / st.global */
            if (k == 0 && (int)j < l->u->nargs && l->u->args[j]->kind == T_ARRAY)
                v = LLVMBuildAddrSpaceCast(l->b, LLVMBuildIntToPtr(l->b, v, gptr, ""), l->ptr, "");
            st(l, v, slot_ptr(l, c->arg_slot[j] + k, 0));
        }
}

/* record the error of call record k for the host (the first thread's wins) and leave the kernel; spill saves
 * the slots k's helper reads, into the record */
void ll_gpu_raise(L *l, Helper h, XCall *k, void (*spill)(L *, void *), void *ctx) {
    if (!k) { LLVMBuildBr(l->b, l->err); return; }
    if (l->c->nslots >= GPU_ERR_SLOTS) { l->gpu_bail = "its frame has more slots than the GPU's error record holds"; l->bail = l->gpu_bail; }
    k->gpu_h = h;
    LLVMValueRef rec = l->run; /* a kernel's last parameter, passed down to the functions it calls */
    LLVMValueRef cx = LLVMBuildAtomicCmpXchg(l->b, rec, ci64(l, 0), ci64(l, k->pool + 1), LLVMAtomicOrderingMonotonic,
                                             LLVMAtomicOrderingMonotonic, 0);
    LLVMBasicBlockRef first = LLVMAppendBasicBlockInContext(l->cx, l->fn, "raise.first");
    LLVMBuildCondBr(l->b, LLVMBuildExtractValue(l->b, cx, 1, ""), first, l->err);
    LLVMPositionBuilderAtEnd(l->b, first);
    if (spill) {
        LLVMValueRef frame = l->frame, off = ci64(l, 8);
        l->frame = LLVMBuildGEP2(l->b, l->i8, rec, &off, 1, "");
        spill(l, ctx);
        l->frame = frame;
    }
    LLVMBuildBr(l->b, l->err);
}

void ll_gpu_unsupported(L *l, Ref r) {
    Ins *in = IN(l, r);
    char what[160];
    if (in->op == OP_CALL) snprintf(what, sizeof what, "a call of %s (recursive, or too large to inline)", l->f->callees.v[in->aux]->name);
    else if (in->op == OP_LIB) snprintf(what, sizeof what, "%s (a runtime library routine)", ir_lib_name(in->aux));
    else if (in->op == OP_POW) snprintf(what, sizeof what, "this power (** of %s: pow's special cases need the runtime)", cls(in->ty) == 'S' ? "float32" : "floats or complex");
    else snprintf(what, sizeof what, "this operation (%s)", ir_ops[in->op].name);
    ll_gpu_refuse(l, what, (int)in->line);
}

/* what (at line) is not supported in a CUDA kernel: the launch's error */
void ll_gpu_refuse(L *l, const char *what, int line) {
    char msg[300];
    snprintf(msg, sizeof msg, "%s is not supported in a CUDA kernel", what);
    if (!l->gpu_bail) { l->gpu_bail = ll_keep(l->u, msg); l->gpu_line = line; }
    l->bail = l->gpu_bail ? l->gpu_bail : "not supported in a CUDA kernel";
}

/* the first libdevice routine a kernel calls, and its line: what a missing libdevice's error names */
void ll_gpu_math_used(L *l, const char *name) {
    if (!l->math_line || *l->math_line) return;
    *l->math_line = l->at_line;
    *l->math_name = name;
}

static LLVMValueRef nvvm(L *l, const char *name, LLVMTypeRef ret) {
    return LLVMBuildCall2(l->b, LLVMFunctionType(ret, NULL, 0, 0), ll_pure_fn(l, name, LLVMFunctionType(ret, NULL, 0, 0)), NULL, 0, "");
}

/* np.zeros / cuda.local.array of a constant shape: zeroed memory on the thread's stack */
void ll_gpu_alloc(L *l, Ref r) {
    int64_t bytes = ll_const_bytes(l, r, 0, 64 << 10);
    if (bytes < 0) { ll_gpu_unsupported(l, r); return; }
    LLVMValueRef a = ll_entry_alloca(l, l->i8, (unsigned)bytes, "local");
    LLVMBuildMemSet(l->b, a, LLVMConstInt(l->i8, 0, 0), ci64(l, bytes), 16);
    ll_const_array(l, r, a, 0);
}

/* one block's shared array: a global of the shared address space, seen through a generic pointer */
static void gpu_shared(L *l, Ref r) {
    int64_t bytes = ll_const_bytes(l, r, 1, INT64_MAX);
    if (bytes < 0) { ll_gpu_unsupported(l, r); return; }
    char name[48];
    snprintf(name, sizeof name, "kiln_shared%u", (unsigned)r);
    LLVMTypeRef at = LLVMArrayType(l->i8, (unsigned)(bytes ? bytes : 1));
    LLVMValueRef g = LLVMAddGlobalInAddressSpace(l->m, at, name, 3);
    LLVMSetInitializer(g, LLVMGetUndef(at));
    LLVMSetLinkage(g, LLVMInternalLinkage);
    LLVMSetAlignment(g, 16);
    ll_const_array(l, r, LLVMBuildAddrSpaceCast(l->b, g, l->ptr, ""), 1);
}

/* the launch's dynamic shared memory as a 1-d array: an external shared global (PTX: .extern .shared), its length
 * the %dynamic_smem_size register's bytes over the item size */
static void gpu_dynamic_shared(L *l, Ref r) {
    const Type *t = IN(l, r)->ty;
    LLVMValueRef g = LLVMGetNamedGlobal(l->m, "kiln_dynamic_shared");
    if (!g) {
        LLVMTypeRef at = LLVMArrayType(l->i8, 0);
        g = LLVMAddGlobalInAddressSpace(l->m, at, "kiln_dynamic_shared", 3);
        LLVMSetLinkage(g, LLVMExternalLinkage);
        LLVMSetAlignment(g, 16);
    }
    LLVMTypeRef ft = LLVMFunctionType(l->i32, NULL, 0, 0);
    LLVMValueRef asm_ = LLVMGetInlineAsm(ft, "mov.u32 $0, %dynamic_smem_size;", 32, "=r", 2, 0, 0, LLVMInlineAsmDialectATT, 0);
    LLVMValueRef bytes = LLVMBuildZExt(l->b, LLVMBuildCall2(l->b, ft, asm_, NULL, 0, ""), l->i64, "");
    int64_t item = (int64_t)H->dtype_size((kiln_dtype)t->dtype);
    LV v = {{LLVMBuildAddrSpaceCast(l->b, g, l->ptr, ""), LLVMBuildUDiv(l->b, bytes, ci64(l, item), ""), ci64(l, item)}, 3};
    l->val[r] = v;
}

/* an element's old value in canonical form (ints widened to int64, as load) */
static LLVMValueRef widen(L *l, LLVMValueRef x, int dt) {
    if (dt == KILN_FLOAT32 || dt == KILN_FLOAT64 || elem_int(l, dt) == l->i64) return x;
    return dt_is_signed(dt) ? LLVMBuildSExt(l->b, x, l->i64, "") : LLVMBuildZExt(l->b, x, l->i64, "");
}

/* a float max/min (the new value when it compares greater/smaller, so NaN leaves the element): a CAS loop */
static LLVMValueRef float_minmax(L *l, LLVMValueRef p, LLVMValueRef v, LLVMTypeRef ft, bool max) {
    LLVMTypeRef it = ft == l->f64 ? l->i64 : l->i32;
    LLVMBasicBlockRef pre = LLVMGetInsertBlock(l->b), loop = LLVMAppendBasicBlockInContext(l->cx, l->fn, "cas"),
                      done = LLVMAppendBasicBlockInContext(l->cx, l->fn, "");
    LLVMValueRef init = ld(l, it, p);
    LLVMSetVolatile(init, 1);
    LLVMBuildBr(l->b, loop);
    LLVMPositionBuilderAtEnd(l->b, loop);
    LLVMValueRef cur = LLVMBuildPhi(l->b, it, "");
    LLVMValueRef curf = LLVMBuildBitCast(l->b, cur, ft, "");
    LLVMValueRef better = LLVMBuildFCmp(l->b, max ? LLVMRealOGT : LLVMRealOLT, v, curf, "");
    LLVMValueRef want = LLVMBuildSelect(l->b, better, LLVMBuildBitCast(l->b, v, it, ""), cur, "");
    LLVMValueRef cx = LLVMBuildAtomicCmpXchg(l->b, p, cur, want, LLVMAtomicOrderingMonotonic, LLVMAtomicOrderingMonotonic, 0);
    LLVMValueRef seen = LLVMBuildExtractValue(l->b, cx, 0, "");
    LLVMBuildCondBr(l->b, LLVMBuildExtractValue(l->b, cx, 1, ""), done, loop);
    LLVMBasicBlockRef back = LLVMGetInsertBlock(l->b);
    LLVMValueRef in[2] = {init, seen};
    LLVMBasicBlockRef from[2] = {pre, back};
    LLVMAddIncoming(cur, in, from, 2);
    LLVMPositionBuilderAtEnd(l->b, done);
    return curf;
}

static void gpu_atomic(L *l, Ref r, int k) {
    Ref arr = AR(l, r, 0);
    const Type *at = IN(l, arr)->ty;
    int dt = at->dtype, nv = k == GPU_ATOMIC_CAS ? 2 : 1;
    Ref idx[KILN_MAXDIM];
    for (int i = 0; i < at->ndim; i++) idx[i] = AR(l, r, (uint32_t)(1 + nv + i));
    LLVMValueRef p = ll_addr(l, arr, idx, at->ndim);
    bool fl = dt == KILN_FLOAT32 || dt == KILN_FLOAT64;
    LLVMTypeRef et = dt == KILN_FLOAT64 ? l->f64 : dt == KILN_FLOAT32 ? l->f32 : elem_int(l, dt);
    LLVMValueRef v = V(l, AR(l, r, (uint32_t)nv));
    if (!fl && et != l->i64) v = LLVMBuildTrunc(l->b, v, et, "");
    LLVMValueRef old;
    if (k == GPU_ATOMIC_CAS) {
        LLVMValueRef want = V(l, AR(l, r, 1));
        if (et != l->i64) want = LLVMBuildTrunc(l->b, want, et, "");
        old = LLVMBuildExtractValue(l->b, LLVMBuildAtomicCmpXchg(l->b, p, want, v, LLVMAtomicOrderingMonotonic,
                                                                 LLVMAtomicOrderingMonotonic, 0), 0, "");
    } else if (fl && (k == GPU_ATOMIC_MAX || k == GPU_ATOMIC_MIN)) {
        old = float_minmax(l, p, v, et, k == GPU_ATOMIC_MAX);
    } else {
        bool uns = dt_is_unsigned(dt);
        LLVMAtomicRMWBinOp op;
        switch (k) {
        case GPU_ATOMIC_ADD: op = fl ? LLVMAtomicRMWBinOpFAdd : LLVMAtomicRMWBinOpAdd; break;
        case GPU_ATOMIC_SUB: op = fl ? LLVMAtomicRMWBinOpFSub : LLVMAtomicRMWBinOpSub; break;
        case GPU_ATOMIC_MAX: op = uns ? LLVMAtomicRMWBinOpUMax : LLVMAtomicRMWBinOpMax; break;
        case GPU_ATOMIC_MIN: op = uns ? LLVMAtomicRMWBinOpUMin : LLVMAtomicRMWBinOpMin; break;
        case GPU_ATOMIC_AND: op = LLVMAtomicRMWBinOpAnd; break;
        case GPU_ATOMIC_OR: op = LLVMAtomicRMWBinOpOr; break;
        case GPU_ATOMIC_XOR: op = LLVMAtomicRMWBinOpXor; break;
        default: op = LLVMAtomicRMWBinOpXchg; break;
        }
        old = LLVMBuildAtomicRMW(l->b, op, p, v, LLVMAtomicOrderingMonotonic, 0);
    }
    l->val[r] = one(widen(l, old, dt));
}

/* NEP 50's OverflowError for a Python int stored into a narrower dtype: lowering reaches it only out of range, so
 * it raises, replayed on the host by the library helper; code after it in the block is unreachable */
void ll_gpu_int_bounds(L *l, Ref r) {
    Helper h;
    XCall *k = ll_helper_record(l, r, &h);
    ll_gpu_raise(l, h, k, ll_spill_ref, &r);
    LLVMPositionBuilderAtEnd(l->b, LLVMAppendBasicBlockInContext(l->cx, l->fn, "unreachable"));
}

void ll_gpu_op(L *l, Ref r) {
    Ins *in = IN(l, r);
    int k = gpu_kind(in->aux);
    if (k == GPU_LANEID) {
        l->val[r] = one(LLVMBuildZExt(l->b, nvvm(l, "llvm.nvvm.read.ptx.sreg.laneid", l->i32), l->i64, ""));
        return;
    }
    if (gpu_is_register(k)) {
        static const char *const regs[] = {"tid", "ctaid", "ntid", "nctaid"};
        char name[48];
        int which = (k - GPU_TID_X) / 3, axis = (k - GPU_TID_X) % 3;
        snprintf(name, sizeof name, "llvm.nvvm.read.ptx.sreg.%s.%c", regs[which], "xyz"[axis]);
        l->val[r] = one(LLVMBuildZExt(l->b, nvvm(l, name, l->i32), l->i64, ""));
        return;
    }
    if (k == GPU_SYNC || k == GPU_FENCE) {
        /* not pure: declared as plain functions LLVM must ll_keep, in order */
        const char *name = k == GPU_SYNC ? "llvm.nvvm.barrier0" : "llvm.nvvm.membar.gl";
        LLVMTypeRef ft = LLVMFunctionType(LLVMVoidTypeInContext(l->cx), NULL, 0, 0);
        LLVMValueRef f = LLVMGetNamedFunction(l->m, name);
        if (!f) f = LLVMAddFunction(l->m, name, ft);
        LLVMBuildCall2(l->b, ft, f, NULL, 0, "");
        return;
    }
    if (k == GPU_SHARED) { gpu_shared(l, r); return; }
    if (k == GPU_DYNSHARED) { gpu_dynamic_shared(l, r); return; }
    gpu_atomic(l, r, k);
}

/* the kernel u as function `name` of module m (which holds the global kiln_err), in GPU mode; the call
 * records of its raises into pool. 0, or -1 with why */
int ll_gpu_build(const BackEnv *env, Unit *u, LLVMContextRef cx, LLVMModuleRef m, const char *name, XCall **pool, int *npool,
                 GpuBuildInfo *info, char *why, size_t cap) {
    L l;
    memset(&l, 0, sizeof l);
    l.env = env; l.u = u; l.f = u->ir; l.c = u->code; l.osr = -1;
    l.cx = cx; l.m = m;
    l.b = LLVMCreateBuilderInContext(cx);
    l.i1 = LLVMInt1TypeInContext(cx); l.i8 = LLVMInt8TypeInContext(cx); l.i16 = LLVMInt16TypeInContext(cx);
    l.i32 = LLVMInt32TypeInContext(cx); l.i64 = LLVMInt64TypeInContext(cx);
    l.f32 = LLVMFloatTypeInContext(cx); l.f64 = LLVMDoubleTypeInContext(cx);
    l.ptr = ptr_in(&l, 0);
    struct Inl inl[INLINE_MAX];
    int ninl = 0;
    l.inl = inl; l.ninl = &ninl;
    l.pool = pool; l.npool = npool;
    l.stack[0] = u;
    l.gpu = true;
    Deferred defer[DEFER_MAX];
    l.defer = defer;
    l.bound_ok = calloc(u->ir->ins.n + 1, sizeof *l.bound_ok);
    LLVMTypeRef dt = LLVMArrayType(l.i8, 16);
    LLVMValueRef dg = LLVMAddGlobalInAddressSpace(m, dt, "kiln_safe", 1); /* where a load whose check failed reads */
    LLVMSetInitializer(dg, LLVMConstNull(dt));
    LLVMSetLinkage(dg, LLVMInternalLinkage);
    LLVMSetAlignment(dg, 16);
    l.dummy = LLVMConstAddrSpaceCast(dg, l.ptr);
    memset(info, 0, sizeof *info);
    l.math_line = &info->math_line; l.math_name = &info->math_name;
    bool ok = l.bound_ok && ll_build(&l, name, false);
    if (!l.bound_ok) snprintf(why, cap, "out of memory");
    free(l.bound_ok);
    info->line = l.gpu_line;
    LLVMDisposeBuilder(l.b);
    free(l.bb); free(l.end); free(l.val); free(l.phi);
    if (!ok) snprintf(why, cap, "%s", l.gpu_bail ? l.gpu_bail : l.bail ? l.bail : "?");
    return ok ? 0 : -1;
}

