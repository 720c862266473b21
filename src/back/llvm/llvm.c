/*
 * llvm.c — tier 2: typed IR to LLVM IR through the C API, the O2 pipeline
 * for the host CPU, and ORC's LLJIT. Built into build/libkiln-llvm.so and
 * loaded by libkiln on the first tier-2 compile (see host.h).
 *
 * The generated function has every tier's native signature,
 * int fn(Slot *frame, Slot *ret, Run *run): arguments are read from their
 * frame slots on entry, values then live in SSA registers (an array value is
 * its data pointer, shape and strides; a complex value its two parts), and
 * block parameters become phis. What is rare (complex arithmetic, floor
 * division, powers, math functions, N-d indexing, allocation, calls between
 * kernels) stores its operands to their frame slots and calls the same frame
 * helper the baseline tier calls. Floating point is never fast-math: results
 * are bit for bit the interpreter's.
 */
#include "ll.h"
#include "../../ir/mathfn.h"
#include "../../rt/lib.h"
#include "../../ir/gpu.h"
#include <llvm-c/Analysis.h>
#include <llvm-c/Core.h>
#include <llvm-c/DebugInfo.h>
#include <llvm/Config/llvm-config.h>
#include <llvm-c/Error.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>
#include <math.h>
#include <stddef.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

const KilnHost *ll_host;
#define H ll_host
void kiln_llvm_set_fast(LLVMValueRef v); /* fmf.cpp */

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

typedef struct Jit {
    LLVMTargetMachineRef tm;  /* position-independent, small code model: objects kiln's loader takes */
    char *cpu, *features;
    bool avx512;
    char visa;                /* libmvec's letter for the widest vector ISA: 'e' AVX-512, 'd' AVX2, 0 none */
    int vlen;                 /* float64 lanes of that ISA */
    int serial;
} Jit;

/* ---- per-context JIT ---- */

static void *state_init(kiln_error *err) {
    LLVMInitializeNativeTarget();
    LLVMInitializeNativeAsmPrinter();
    Jit *J = calloc(1, sizeof *J);
    if (!J) return NULL;
    char *triple = LLVMGetDefaultTargetTriple();
    LLVMTargetRef target;
    char *msg = NULL;
    if (LLVMGetTargetFromTriple(triple, &target, &msg)) {
        snprintf(err->message, sizeof err->message, "LLVM has no target for %s: %s", triple, msg);
        LLVMDisposeMessage(msg); LLVMDisposeMessage(triple); free(J);
        return NULL;
    }
    J->cpu = LLVMGetHostCPUName();
    J->features = LLVMGetHostCPUFeatures();
    J->avx512 = strstr(J->features, "+avx512f") != NULL;
    if (J->avx512) J->visa = 'e', J->vlen = 8;
    else if (strstr(J->features, "+avx2")) J->visa = 'd', J->vlen = 4;
    /* the host CPU and its features; code generation level from KILN_LLVM_CODEGEN (0-3, default 2) */
    const char *lv = getenv("KILN_LLVM_CODEGEN");
    int level = lv && *lv >= '0' && *lv <= '3' ? *lv - '0' : 2;
    J->tm = LLVMCreateTargetMachine(target, triple, J->cpu, J->features, (LLVMCodeGenOptLevel)level, LLVMRelocPIC,
                                    LLVMCodeModelSmall);
    LLVMDisposeMessage(triple);
    if (!J->tm) {
        snprintf(err->message, sizeof err->message, "LLVM cannot make a target machine for this CPU");
        LLVMDisposeMessage(J->cpu); LLVMDisposeMessage(J->features); free(J);
        return NULL;
    }
    return J;
}

static void state_free(void *state) {
    Jit *J = state;
    if (!J) return;
    if (J->tm) LLVMDisposeTargetMachine(J->tm);
    LLVMDisposeMessage(J->cpu);
    LLVMDisposeMessage(J->features);
    free(J);
}

/* ---- lowering ---- */

/* a copy of an LLVM string in the unit's arena */
char *ll_keep(Unit *u, const char *text) {
    size_t n = strlen(text);
    char *c = H->arena_alloc(&u->arena, n + 1);
    if (c) memcpy(c, text, n + 1);
    return c;
}

/* loads and stores through byte pointers: LLVM 15+ has opaque pointers; 14
 * still wants the pointer cast to the element type */

/* a pointer type of address space as (LLVM 14 has typed pointers only: to i8) */

/* type-based alias analysis, two kinds of memory only: array elements, and list headers (an RtList's view and
 * capacity). They never overlap, so an item store in a loop does not make LLVM reload the list's data pointer
 * and length; a list routine (an opaque call) still may change both */
LLVMValueRef ll_tbaa(L *l, LLVMValueRef ins, int kind) {
    if (!l->tbaa[kind]) {
        static const char *const names[] = {"kiln array element", "kiln list header"};
        LLVMMetadataRef name = LLVMMDStringInContext2(l->cx, "kiln", 4);
        LLVMMetadataRef root = LLVMMDNodeInContext2(l->cx, &name, 1);
        LLVMMetadataRef zero = LLVMValueAsMetadata(LLVMConstInt(l->i64, 0, 0));
        LLVMMetadataRef ty[3] = {LLVMMDStringInContext2(l->cx, names[kind], strlen(names[kind])), root, zero};
        LLVMMetadataRef t = LLVMMDNodeInContext2(l->cx, ty, 3);
        LLVMMetadataRef tag[3] = {t, t, zero};
        l->tbaa[kind] = LLVMMetadataAsValue(l->cx, LLVMMDNodeInContext2(l->cx, tag, 3));
    }
    LLVMSetMetadata(ins, LLVMGetMDKindIDInContext(l->cx, "tbaa", 4), l->tbaa[kind]);
    return ins;
}
/* an element's load or store: type-based alias information, and the scope of the argument it belongs to */
static LLVMValueRef elem_access(L *l, LLVMValueRef x) {
    if (l->scope_of) ll_scope_tag(l, x);
    return ll_tbaa(l, x, TBAA_ELEM);
}
static LLVMValueRef ld_elem(L *l, LLVMTypeRef ty, LLVMValueRef p) { return elem_access(l, ld(l, ty, p)); }

static LLVMValueRef st_elem(L *l, LLVMValueRef v, LLVMValueRef p) { return elem_access(l, st(l, v, p)); }
/* a runtime function by name (jit/symbols.c binds it when the object is loaded) */
LLVMValueRef ll_ext_fn(L *l, const char *name, LLVMTypeRef fty) {
    LLVMValueRef f = LLVMGetNamedFunction(l->m, name);
    if (!f) {
        f = LLVMAddFunction(l->m, name, fty);
        ll_fn_attr(l, f, "nounwind");
        /* the C library's routine as the other tiers call it: LLVM must not fold
         * or replace it by what it knows of "exp" */
        ll_fn_attr(l, f, "nobuiltin");
    }
    return f;
}

/* the frame helpers' names, as the runtime's symbol table has them */
static const char *helper_name(Helper h) {
    const struct { Helper h; const char *name; } t[] = {
        {H->generic, "fh_generic"}, {H->view, "fh_view"}, {H->alloc, "fh_alloc"}, {H->acopy, "fh_acopy"},
        {H->fill, "fh_fill"}, {H->ldn, "fh_ldn"}, {H->stn, "fh_stn"}, {H->call, "fh_call"},
        {H->error, "fh_error"}, {H->index, "fh_index"}, {H->raise, "fh_raise"}, {H->lib, "fh_lib"},
    };
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) if (t[i].h == h) return t[i].name;
    return NULL;
}

/* call record k of this compile, as an address: kiln_xc (the compile's table of
 * records, bound at load) plus its index */
static LLVMValueRef xcall_ptr(L *l, XCall *k) {
    LLVMValueRef g = LLVMGetNamedGlobal(l->m, "kiln_xc");
    if (!g) g = LLVMAddGlobal(l->m, l->i8, "kiln_xc");
    LLVMValueRef off = ci64(l, (int64_t)sizeof(XCall) * k->pool);
    return LLVMConstGEP2(l->i8, g, &off, 1);
}

static LV load_value(L *l, const Type *t, int32_t slot) {
    LV v = {{0}, 0};
    LLVMTypeRef ty[MAXC];
    v.n = comps(l, t, ty);
    for (int k = 0; k < v.n; k++) v.v[k] = ld(l, ty[k], slot_ptr(l, slot, comp_off(t, k)));
    return v;
}

static void store_value(L *l, const Type *t, int32_t slot, LV v) {
    for (int k = 0; k < v.n; k++) st(l, v.v[k], slot_ptr(l, slot, comp_off(t, k)));
}

static LLVMValueRef wrap(L *l, LLVMValueRef x, const Type *t) {
    int bits = 0;
    bool sign = true;
    switch (t->dtype) {
    case KILN_INT8: bits = 8; break;
    case KILN_INT16: bits = 16; break;
    case KILN_INT32: bits = 32; break;
    case KILN_UINT8: bits = 8; sign = false; break;
    case KILN_UINT16: bits = 16; sign = false; break;
    case KILN_UINT32: bits = 32; sign = false; break;
    default: return x;
    }
    LLVMValueRef tr = LLVMBuildTrunc(l->b, x, LLVMIntTypeInContext(l->cx, (unsigned)bits), "");
    return sign ? LLVMBuildSExt(l->b, tr, l->i64, "") : LLVMBuildZExt(l->b, tr, l->i64, "");
}

XCall *ll_xcall(L *l, Ref r) {
    XCall *k = H->arena_alloc(&l->u->arena, sizeof *k);
    if (!k || *l->npool >= MAX_POOL) { l->bail = k ? "too many call records" : "out of memory"; return NULL; }
    memset(k, 0, sizeof *k);
    k->line = r ? (int)IN(l, r)->line : 0;
    k->file = l->c->file;
    k->unit = l->u;
    k->ref = (int32_t)r;
    k->pool = *l->npool;
    l->pool[(*l->npool)++] = k;
    return k;
}

/* call a helper; on -1 leave through the error exit. Error paths are marked
 * cold, so that range-check elimination and the vectorizer treat them as rare */
static void call_helper_c(L *l, Helper h, XCall *k, bool cold) {
    if (!k) return;
    const char *hn = helper_name(h);
    if (!hn) { l->bail = "a helper without a name"; return; }
    LLVMValueRef fp = ll_ext_fn(l, hn, l->helper_ty);
    /* fh_error reads no slot (its record says it all): the frame does not escape on those paths, so a direct
     * entry's frame (direct.c) goes where nothing else reads it */
    LLVMValueRef args[3] = {h == H->error ? LLVMConstNull(l->ptr) : l->frame, l->run, xcall_ptr(l, k)};
    LLVMValueRef rc = LLVMBuildCall2(l->b, l->helper_ty, fp, args, 3, "");
    if (cold) LLVMAddCallSiteAttribute(rc, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(l->cx, LLVMGetEnumAttributeKindForName("cold", 4), 0));
    LLVMValueRef bad = LLVMBuildICmp(l->b, LLVMIntNE, rc, LLVMConstInt(l->i32, 0, 0), "");
    LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(l->cx, l->fn, "");
    LLVMBuildCondBr(l->b, bad, l->err, ok);
    LLVMPositionBuilderAtEnd(l->b, ok);
}

static void call_helper(L *l, Helper h, XCall *k) { call_helper_c(l, h, k, false); }

/* a cold block that raises through helper h, entered when cond is true */
void ll_raise_if(L *l, LLVMValueRef cond, Helper h, XCall *k, void (*spill)(L *, void *), void *ctx) {
    if (l->gpu) {
        LLVMBasicBlockRef bad = LLVMAppendBasicBlockInContext(l->cx, l->fn, "raise"), ok = LLVMAppendBasicBlockInContext(l->cx, l->fn, "");
        LLVMBuildCondBr(l->b, cond, bad, ok);
        LLVMPositionBuilderAtEnd(l->b, bad);
        ll_gpu_raise(l, h, k, spill, ctx);
        LLVMPositionBuilderAtEnd(l->b, ok);
        return;
    }
    LLVMBasicBlockRef bad = LLVMAppendBasicBlockInContext(l->cx, l->fn, "raise");
    LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(l->cx, l->fn, "");
    LLVMBuildCondBr(l->b, cond, bad, ok);
    LLVMPositionBuilderAtEnd(l->b, bad);
    if (spill) spill(l, ctx);
    call_helper_c(l, h, k, true);
    LLVMBuildBr(l->b, l->err);
    LLVMPositionBuilderAtEnd(l->b, ok);
}

/* the operands of r to their frame slots */
static void spill_operands(L *l, Ref r) {
    Ins *in = IN(l, r);
    for (uint32_t j = 0; j < in->n; j++) {
        Ref a = AR(l, r, j);
        if (l->val[a].n) store_value(l, IN(l, a)->ty, l->c->slot[a], l->val[a]);
    }
}

/* the general path: operands to the frame, a helper, the result back */
static bool inline_call(L *l, Ref r);

/* the call record of r's helper, and the helper */
XCall *ll_helper_record(L *l, Ref r, Helper *hp) {
    Ins *in = IN(l, r);
    XCall *k = ll_xcall(l, r);
    Extra *x;
    Helper h = H->generic;
    int nfixed = 0;
    switch (in->op) {
    case OP_VIEW: h = H->view; nfixed = 1; break;
    case OP_ALLOC: h = H->alloc; break;
    case OP_FILL: h = H->fill; break;
    case OP_ACOPY: h = H->acopy; break;
    case OP_LIB: h = H->lib; nfixed = 1; break;
    case OP_LOAD: h = H->ldn; nfixed = 1; break;
    case OP_STORE: h = H->stn; nfixed = 2; break;
    case OP_CALL: h = H->call; break;
    default: break;
    }
    x = H->extra(&l->u->arena, l->f, l->c->slot, r, nfixed);
    if (!x) l->bail = "out of memory";
    if (!x || !k) return NULL;
    k->x = x;
    k->d = in->ty ? l->c->slot[r] : 0;
    k->a = in->n ? l->c->slot[AR(l, r, 0)] : 0;
    k->b = in->n > 1 ? l->c->slot[AR(l, r, 1)] : 0;
    if (in->op == OP_LIB && (in->aux & 0xff) == LIB_INT_BOUNDS) k->b = (int32_t)(in->aux >> 8); /* the dtype, for kiln aot's fh_lib */
    *hp = h;
    return k;
}

void ll_via_helper(L *l, Ref r) {
    Ins *in = IN(l, r);
    if (in->op == OP_CALL && !(in->flags & INS_PAR) && inline_call(l, r)) return;
    if (l->gpu) { ll_gpu_unsupported(l, r); return; }
    if (in->op == OP_CALL) ll_direct_sync_depth(l); /* the frame helper counts frames from Run's depth */
    spill_operands(l, r);
    Helper h;
    XCall *k = ll_helper_record(l, r, &h);
    if (!k) return;
    call_helper(l, h, k);
    if (in->ty && ty_is_leaf(in->ty)) l->val[r] = load_value(l, in->ty, l->c->slot[r]);
}

void ll_spill_ref(L *l, void *r) { spill_operands(l, *(Ref *)r); }

void ll_spill_index(L *l, void *p) {
    IdxSpill *s = p;
    st(l, s->orig, slot_ptr(l, l->c->slot[s->idx], 0));
    st(l, s->n, slot_ptr(l, l->c->slot[s->arr] + 1 + s->axis, 0));
}

/* stride of axis k: for a C-contiguous array it follows from the shape, and the
 * innermost one is the item size, a constant the vectorizer can use */
LLVMValueRef ll_stride(L *l, const Type *t, const LV *a, int k) {
    int nd = t->ndim;
    if (t->layout != LAYOUT_C) return a->v[1 + nd + k];
    LLVMValueRef s = ci64(l, (int64_t)H->dtype_size((kiln_dtype)t->dtype));
    for (int j = nd - 1; j > k; j--) s = LLVMBuildNSWMul(l->b, s, a->v[1 + j], "");
    return s;
}
static LLVMValueRef stride(L *l, Ref arr, int k) { return ll_stride(l, IN(l, arr)->ty, &l->val[arr], k); }

/* an element's address. The indices are in range (checked, or the user turned checks off), so the
 * offset is within the array's own bytes: no product or sum wraps and the address stays inside its
 * allocation (nsw, inbounds) — which lets LLVM's scalar evolution see a[i, j + 1] one element after
 * a[i, j] and prove the loops over them independent */
LLVMValueRef ll_addr(L *l, Ref arr, const Ref *idx, int nd) {
    LV *a = &l->val[arr];
    LLVMValueRef off = LLVMBuildNSWMul(l->b, V(l, idx[0]), stride(l, arr, 0), "");
    for (int k = 1; k < nd; k++) off = LLVMBuildNSWAdd(l->b, off, LLVMBuildNSWMul(l->b, V(l, idx[k]), stride(l, arr, k), ""), "");
    return LLVMBuildInBoundsGEP2(l->b, l->i8, a->v[0], &off, 1, "");
}

/* n elements of type t in the entry block's frame (where LLVM's SROA and mem2reg look for them) */
LLVMValueRef ll_entry_alloca(L *l, LLVMTypeRef t, unsigned n, const char *name) {
    LLVMBuilderRef eb = LLVMCreateBuilderInContext(l->cx);
    LLVMValueRef first = LLVMGetFirstInstruction(l->entry);
    if (first) LLVMPositionBuilderBefore(eb, first); else LLVMPositionBuilderAtEnd(eb, l->entry);
    LLVMValueRef a = LLVMBuildArrayAlloca(eb, t, LLVMConstInt(l->i32, n ? n : 1, 0), name);
    LLVMSetAlignment(a, 16);
    LLVMDisposeBuilder(eb);
    return a;
}

/* an array descriptor at p for r's type: the constant shape of operands from..from+nd, C strides (all 0 for an empty
 * array, as the runtime's and NumPy's) */
void ll_const_array(L *l, Ref r, LLVMValueRef p, uint32_t from) {
    const Type *t = IN(l, r)->ty;
    int nd = t->ndim;
    LV v = {{p}, 1 + 2 * nd};
    int64_t stride = (int64_t)H->dtype_size((kiln_dtype)t->dtype);
    for (int k = 0; k < nd; k++)
        if (!LLVMConstIntGetSExtValue(V(l, AR(l, r, from + (uint32_t)k)))) stride = 0;
    for (int k = nd - 1; k >= 0; k--) {
        int64_t n = LLVMConstIntGetSExtValue(V(l, AR(l, r, from + (uint32_t)k)));
        v.v[1 + k] = ci64(l, n);
        v.v[1 + nd + k] = ci64(l, stride);
        stride *= n;
    }
    l->val[r] = v;
}

/* the bytes of r's array whose shape (operands from...) is constant, at most max; -1 where a length is not a
 * constant, is negative, or the lengths other than 0 make more bytes (NumPy bounds them even in an empty array:
 * np.zeros((0, n, n)) may be too big; the runtime raises those errors) */
int64_t ll_const_bytes(L *l, Ref r, uint32_t from, int64_t max) {
    const Type *t = IN(l, r)->ty;
    int64_t bytes = (int64_t)H->dtype_size((kiln_dtype)t->dtype);
    bool empty = false;
    for (int k = 0; k < t->ndim; k++) {
        LLVMValueRef d = V(l, AR(l, r, from + (uint32_t)k));
        if (!LLVMIsAConstantInt(d)) return -1;
        int64_t n = LLVMConstIntGetSExtValue(d);
        if (n < 0 || (n && bytes > max / n)) return -1;
        if (n) bytes *= n;
        else empty = true;
    }
    return empty ? 0 : bytes;
}

/* a new array nothing keeps past the call (ALLOC_LOCAL), of a constant shape of at most LOCAL_BYTES: in the
 * frame, zeroed where it is not all written first; false where it must come from the runtime. Up to
 * LOCAL_FRAME_BYTES of them a function (the frame stays small, recursion counted by calls) */
enum { LOCAL_BYTES = 1024, LOCAL_FRAME_BYTES = 4096 };
static bool local_array(L *l, Ref r) {
    Ins *in = IN(l, r);
    if (!(in->flags & ALLOC_LOCAL)) return false;
    int64_t bytes = ll_const_bytes(l, r, 0, LOCAL_BYTES);
    if (bytes >= 0 && (in->flags & ALLOC_PAST)) bytes += (int64_t)H->dtype_size((kiln_dtype)in->ty->dtype); /* one past */
    if (bytes < 0 || l->local_bytes + bytes > LOCAL_FRAME_BYTES) return false;
    l->local_bytes += bytes;
    LLVMValueRef a = ll_entry_alloca(l, l->i8, (unsigned)bytes, "local");
    if (!(in->flags & ALLOC_UNINIT) && bytes) LLVMBuildMemSet(l->b, a, LLVMConstInt(l->i8, 0, 0), ci64(l, bytes), 16);
    ll_const_array(l, r, a, 0);
    return true;
}

/* a new array nothing keeps past the call, of a shape known only when it runs (a row's length: `d = P[i] - P[j]`):
 * where it comes to at most DYN_BYTES, a buffer in the frame, else the runtime's. One buffer an ALLOC serves
 * every execution of it, as local_array's does: mark_local's array is no block argument, so when its ALLOC runs
 * again the last one's array is dead. Its AFREE lets go only an array from the runtime (afree_dyn) */
static bool dyn_local_array(L *l, Ref r) {
    enum { DYN_BYTES = 256 };
    Ins *in = IN(l, r);
    const Type *t = in->ty;
    if (!(in->flags & ALLOC_LOCAL) || l->gpu || t->ndim < 1) return false;
    if (l->local_bytes + DYN_BYTES > LOCAL_FRAME_BYTES) return false;
    if (!l->dyn_buf) {
        l->dyn_buf = H->arena_alloc(&l->u->arena, sizeof(LLVMValueRef) * l->f->ins.n);
        if (!l->dyn_buf) return false;
        memset(l->dyn_buf, 0, sizeof(LLVMValueRef) * l->f->ins.n);
    }
    int nd = t->ndim;
    int64_t item = (int64_t)H->dtype_size((kiln_dtype)t->dtype), cap = DYN_BYTES - (in->flags & ALLOC_PAST ? item : 0);
    LLVMValueRef bytes = ci64(l, item), fits = LLVMConstInt(l->i1, 1, 0), strides[KILN_MAXDIM];
    for (int k = nd - 1; k >= 0; k--) { /* each length at most cap (unsigned: none negative), their product too */
        LLVMValueRef d = V(l, AR(l, r, (uint32_t)k));
        strides[k] = bytes;
        fits = LLVMBuildAnd(l->b, fits, LLVMBuildICmp(l->b, LLVMIntULE, d, ci64(l, cap), ""), "");
        bytes = LLVMBuildMul(l->b, bytes, LLVMBuildSelect(l->b, fits, d, ci64(l, 0), ""), "");
        LLVMValueRef within = LLVMBuildICmp(l->b, LLVMIntULE, bytes, ci64(l, cap), "");
        bytes = LLVMBuildSelect(l->b, within, bytes, ci64(l, cap + 1), "");
    }
    fits = LLVMBuildAnd(l->b, fits, LLVMBuildICmp(l->b, LLVMIntULE, bytes, ci64(l, cap), ""), "");
    l->local_bytes += DYN_BYTES;
    LLVMValueRef buf = ll_entry_alloca(l, l->i8, DYN_BYTES, "local.dyn");
    l->dyn_buf[r] = buf;
    LLVMBasicBlockRef fast = LLVMAppendBasicBlockInContext(l->cx, l->fn, "local.fits");
    LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(l->cx, l->fn, "local.heap");
    LLVMBasicBlockRef join = LLVMAppendBasicBlockInContext(l->cx, l->fn, "");
    LLVMBuildCondBr(l->b, fits, fast, slow);
    LLVMPositionBuilderAtEnd(l->b, fast);
    if (!(in->flags & ALLOC_UNINIT)) LLVMBuildMemSet(l->b, buf, LLVMConstInt(l->i8, 0, 0), bytes, 16);
    LV fv = {{buf}, 1 + 2 * nd};
    LLVMValueRef empty = LLVMBuildICmp(l->b, LLVMIntEQ, bytes, ci64(l, 0), ""); /* NumPy's strides then all 0 */
    for (int k = 0; k < nd; k++) {
        fv.v[1 + k] = V(l, AR(l, r, (uint32_t)k));
        fv.v[1 + nd + k] = LLVMBuildSelect(l->b, empty, ci64(l, 0), strides[k], "");
    }
    LLVMBasicBlockRef fast_end = LLVMGetInsertBlock(l->b);
    LLVMBuildBr(l->b, join);
    LLVMPositionBuilderAtEnd(l->b, slow);
    ll_via_helper(l, r);
    LV sv = l->val[r];
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(l->b);
    LLVMBuildBr(l->b, join);
    LLVMPositionBuilderAtEnd(l->b, join);
    LV v = {{0}, fv.n};
    for (int k = 0; k < fv.n; k++) v.v[k] = ll_phi2(l, fv.v[k], fast_end, sv.v[k], slow_end);
    l->val[r] = v;
    return true;
}

/* the AFREE of an array dyn_local_array made: the runtime's let go, the frame's left */
static bool afree_dyn(L *l, Ref r) {
    Ref a = AR(l, r, 0);
    if (!l->dyn_buf || !l->dyn_buf[a]) return false;
    LLVMBasicBlockRef heap = LLVMAppendBasicBlockInContext(l->cx, l->fn, "free.heap");
    LLVMBasicBlockRef join = LLVMAppendBasicBlockInContext(l->cx, l->fn, "");
    LLVMBuildCondBr(l->b, LLVMBuildICmp(l->b, LLVMIntEQ, V(l, a), l->dyn_buf[a], ""), join, heap);
    LLVMPositionBuilderAtEnd(l->b, heap);
    ll_via_helper(l, r);
    LLVMBuildBr(l->b, join);
    LLVMPositionBuilderAtEnd(l->b, join);
    return true;
}

/* a new array from the runtime has the lengths it was asked for: where they are constants, LLVM sees them (and
 * a C-ordered array's strides) as constants too, as for arrays in the frame */
static void alloc_dims(L *l, Ref r) {
    const Type *t = IN(l, r)->ty;
    if (!t || t->kind != T_ARRAY || l->val[r].n < 1 + t->ndim || IN(l, r)->n < (uint32_t)t->ndim) return;
    for (int k = 0; k < t->ndim; k++) {
        LLVMValueRef n = V(l, AR(l, r, (uint32_t)k));
        if (n && LLVMIsAConstantInt(n)) l->val[r].v[1 + k] = n;
    }
}

/* a view is pointer arithmetic and the parts it is given: LLVM sees every stride and offset */
static void mkview(L *l, Ref r) {
    Ins *in = IN(l, r);
    LLVMValueRef off = V(l, AR(l, r, 1));
    LV v = {{LLVMBuildGEP2(l->b, l->i8, l->val[AR(l, r, 0)].v[0], &off, 1, "")}, 1 + 2 * in->ty->ndim};
    for (int k = 0; k < 2 * in->ty->ndim; k++) v.v[1 + k] = V(l, AR(l, r, (uint32_t)(2 + k)));
    l->val[r] = v;
}

/* a[i0, ..., ik-1] of an array of more axes: the view of its trailing axes at those (normalized, checked) indices,
 * built in registers as fr_view builds it in the frame — a row a[i] in a loop costs an add and a multiply, not a
 * helper call */
static void view(L *l, Ref r) {
    Ins *in = IN(l, r);
    Ref arr = AR(l, r, 0);
    const LV *a = &l->val[arr];
    int nd = IN(l, arr)->ty->ndim, k = (int)in->n - 1, nr = nd - k;
    LLVMValueRef off = ci64(l, 0);
    for (int i = 0; i < k; i++) {
        LLVMValueRef at = LLVMBuildMul(l->b, V(l, AR(l, r, (uint32_t)(1 + i))), ll_stride(l, IN(l, arr)->ty, a, i), "");
        off = LLVMBuildAdd(l->b, off, at, "");
    }
    LV v = {{LLVMBuildGEP2(l->b, l->i8, a->v[0], &off, 1, "")}, 1 + 2 * nr}; /* no inbounds: an empty list's NULL + 0 */
    for (int i = 0; i < nr; i++) {
        v.v[1 + i] = a->v[1 + k + i];
        v.v[1 + nr + i] = ll_stride(l, IN(l, arr)->ty, a, k + i);
    }
    l->val[r] = v;
}

static void load(L *l, Ref r) {
    Ins *in = IN(l, r);
    Ref arr = AR(l, r, 0);
    int nd = IN(l, arr)->ty->ndim;
    if (nd < 1) { ll_via_helper(l, r); return; }
    Ref idx[KILN_MAXDIM];
    for (int k = 0; k < nd; k++) idx[k] = AR(l, r, (uint32_t)(1 + k));
    LLVMValueRef p = ll_addr(l, arr, idx, nd);
    if (l->gpu && l->bound_ok) { /* an index whose check is deferred: the safe address if it failed */
        LLVMValueRef ok = NULL;
        for (int k = 0; k < nd; k++)
            if (l->bound_ok[idx[k]]) ok = ok ? LLVMBuildAnd(l->b, ok, l->bound_ok[idx[k]], "") : l->bound_ok[idx[k]];
        if (ok) p = LLVMBuildSelect(l->b, ok, p, l->dummy, "");
    }
    l->scope_of = ll_scope_root(l, arr) + 1;
    l->val[r] = ll_load_elem(l, in->ty, p);
    l->scope_of = 0;
}

/* a number's element at p as its value: an int of fewer bytes widened, a bool 0 or 1 */
LV ll_load_elem(L *l, const Type *t, LLVMValueRef p) {
    int dt = t->dtype;
    switch (cls(t)) {
    case 'F': return one(ld_elem(l, l->f64, p));
    case 'S': return one(ld_elem(l, l->f32, p));
    case 'Z': case 'z': {
        LLVMTypeRef ft = cls(t) == 'Z' ? l->f64 : l->f32;
        LLVMValueRef off = ci64(l, cls(t) == 'Z' ? 8 : 4);
        LV v = {{ld_elem(l, ft, p), ld_elem(l, ft, LLVMBuildGEP2(l->b, l->i8, p, &off, 1, ""))}, 2};
        return v;
    }
    default: {
        LLVMValueRef x = ld_elem(l, elem_int(l, dt), p);
        if (dt == KILN_BOOL) x = LLVMBuildZExt(l->b, LLVMBuildICmp(l->b, LLVMIntNE, x, LLVMConstInt(l->i8, 0, 0), ""), l->i64, "");
        else if (elem_int(l, dt) != l->i64) x = dt_is_signed(dt) ? LLVMBuildSExt(l->b, x, l->i64, "") : LLVMBuildZExt(l->b, x, l->i64, "");
        return one(x);
    }
    }
}

static void store(L *l, Ref r) {
    Ref arr = AR(l, r, 0), v = AR(l, r, 1);
    const Type *at = IN(l, arr)->ty;
    int nd = at->ndim, dt = at->dtype;
    if (nd < 1) { ll_via_helper(l, r); return; }
    Ref idx[KILN_MAXDIM];
    for (int k = 0; k < nd; k++) idx[k] = AR(l, r, (uint32_t)(2 + k));
    LLVMValueRef p = ll_addr(l, arr, idx, nd);
    if (l->gpu && l->all_ok) p = LLVMBuildSelect(l->b, l->all_ok, p, l->dummy, ""); /* a check before it failed */
    l->scope_of = ll_scope_root(l, arr) + 1;
    ll_store_elem(l, IN(l, v)->ty, dt, &l->val[v], p);
    l->scope_of = 0;
}

/* value x of type vt to an element of dtype dt at p (an int narrowed to the element's bytes) */
void ll_store_elem(L *l, const Type *vt, int dt, const LV *x, LLVMValueRef p) {
    switch (cls(vt)) {
    case 'F': case 'S': st_elem(l, x->v[0], p); return;
    case 'Z': case 'z': {
        LLVMValueRef off = ci64(l, cls(vt) == 'Z' ? 8 : 4);
        st_elem(l, x->v[0], p);
        st_elem(l, x->v[1], LLVMBuildGEP2(l->b, l->i8, p, &off, 1, ""));
        return;
    }
    default: {
        LLVMValueRef y = x->v[0];
        if (elem_int(l, dt) != l->i64) y = LLVMBuildTrunc(l->b, y, elem_int(l, dt), "");
        st_elem(l, y, p);
    }
    }
}

static void bound(L *l, Ref r) {
    Ins *in = IN(l, r);
    Ref arr = AR(l, r, 0), idx = AR(l, r, 1);
    int axis = (int)in->aux;
    LLVMValueRef i = V(l, idx), n = l->val[arr].v[1 + axis], j = i;
    if (!(in->flags & BOUND_NOWRAP)) {
        LLVMValueRef neg = LLVMBuildICmp(l->b, LLVMIntSLT, i, ci64(l, 0), "");
        j = LLVMBuildSelect(l->b, neg, LLVMBuildAdd(l->b, i, n, ""), i, "");
    }
    if (!(in->flags & BOUND_NOCHECK)) {
        XCall *k = ll_xcall(l, r);
        if (!k) return;
        k->d = l->c->slot[idx]; k->a = l->c->slot[arr]; k->b = axis;
        IdxSpill sp = {idx, arr, axis, i, n};
        LLVMValueRef bad = LLVMBuildICmp(l->b, LLVMIntUGE, j, n, "");
        if (l->gpu && l->defer && l->ndefer < DEFER_MAX) { /* raised at the next flush, in program order */
            l->defer[l->ndefer++] = (Deferred){k, sp, bad};
            l->bound_ok[r] = LLVMBuildNot(l->b, bad, "");
            l->all_ok = l->all_ok ? LLVMBuildAnd(l->b, l->all_ok, l->bound_ok[r], "") : l->bound_ok[r];
        } else {
            ll_raise_if(l, bad, H->index, k, ll_spill_index, &sp);
        }
    }
    l->val[r] = one(j);
}

static LLVMValueRef libm_call(L *l, const char *name, LLVMValueRef *x, int nargs);

static LLVMValueRef intrinsic(L *l, const char *name, LLVMTypeRef ty, LLVMValueRef *x, unsigned n) {
    LLVMTypeRef ts[1] = {ty}, ps[3] = {ty, ty, ty};
    LLVMValueRef fn = LLVMGetIntrinsicDeclaration(l->m, LLVMLookupIntrinsicID(name, strlen(name)), ts, 1);
    return LLVMBuildCall2(l->b, LLVMFunctionType(ty, ps, n, 0), fn, x, n, "");
}

static bool host_fma(void) {
    static int cached = -1; /* relaxed atomics: every thread computes the same answer */
    int v = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (v < 0) __atomic_store_n(&cached, v = __builtin_cpu_supports("fma") ? 1 : 0, __ATOMIC_RELAXED);
    return v;
}

/* x * y + z, fused (NumPy's rounding) or not */
static LLVMValueRef mul_add(L *l, LLVMValueRef x, LLVMValueRef y, LLVMValueRef z, bool fused) {
    if (!fused) return LLVMBuildFAdd(l->b, LLVMBuildFMul(l->b, x, y, ""), z, "");
    LLVMValueRef a[3] = {x, y, z};
    return intrinsic(l, "llvm.fma", LLVMTypeOf(x), a, 3);
}

static LV pair(LLVMValueRef re, LLVMValueRef im) { LV v = {{re, im}, 2}; return v; }

static LV cmul(L *l, LV a, LV b, bool numpy) {
    if (numpy && host_fma()) /* fma(ar, br, -(ai*bi)), fma(ar, bi, ai*br) */
        return pair(mul_add(l, a.v[0], b.v[0], LLVMBuildFNeg(l->b, LLVMBuildFMul(l->b, a.v[1], b.v[1], ""), ""), true),
                    mul_add(l, a.v[0], b.v[1], LLVMBuildFMul(l->b, a.v[1], b.v[0], ""), true));
    return pair(LLVMBuildFSub(l->b, LLVMBuildFMul(l->b, a.v[0], b.v[0], ""), LLVMBuildFMul(l->b, a.v[1], b.v[1], ""), ""),
                LLVMBuildFAdd(l->b, LLVMBuildFMul(l->b, a.v[0], b.v[1], ""), LLVMBuildFMul(l->b, a.v[1], b.v[0], ""), ""));
}

/* CPython's _Py_c_quot (rt_cdiv): both branches computed, one selected (a quotient in the branch
 * not taken may be inf or nan: no trap, no effect); a zero divisor raises */
static bool cdiv(L *l, Ref r, LV a, LV b) {
    LLVMTypeRef t = LLVMTypeOf(a.v[0]);
    LLVMValueRef br = b.v[0], bi = b.v[1], ar = a.v[0], ai = a.v[1];
    LLVMValueRef abr = intrinsic(l, "llvm.fabs", t, &br, 1), abi = intrinsic(l, "llvm.fabs", t, &bi, 1);
    LLVMValueRef first = LLVMBuildFCmp(l->b, LLVMRealOGE, abr, abi, "");
    LLVMValueRef second = LLVMBuildFCmp(l->b, LLVMRealOGE, abi, abr, "");
    XCall *k = ll_xcall(l, r);
    if (!k) return false;
    k->code = RE_ZDIV_COMPLEX;
    ll_raise_if(l, LLVMBuildAnd(l->b, first, LLVMBuildFCmp(l->b, LLVMRealOEQ, abr, LLVMConstReal(t, 0.0), ""), ""), H->error, k, NULL, NULL);
    LLVMValueRef r1 = LLVMBuildFDiv(l->b, bi, br, ""), d1 = LLVMBuildFAdd(l->b, br, LLVMBuildFMul(l->b, bi, r1, ""), "");
    LLVMValueRef re1 = LLVMBuildFDiv(l->b, LLVMBuildFAdd(l->b, ar, LLVMBuildFMul(l->b, ai, r1, ""), ""), d1, "");
    LLVMValueRef im1 = LLVMBuildFDiv(l->b, LLVMBuildFSub(l->b, ai, LLVMBuildFMul(l->b, ar, r1, ""), ""), d1, "");
    LLVMValueRef r2 = LLVMBuildFDiv(l->b, br, bi, ""), d2 = LLVMBuildFAdd(l->b, LLVMBuildFMul(l->b, br, r2, ""), bi, "");
    LLVMValueRef re2 = LLVMBuildFDiv(l->b, LLVMBuildFAdd(l->b, LLVMBuildFMul(l->b, ar, r2, ""), ai, ""), d2, "");
    LLVMValueRef im2 = LLVMBuildFDiv(l->b, LLVMBuildFSub(l->b, LLVMBuildFMul(l->b, ai, r2, ""), ar, ""), d2, "");
    LLVMValueRef nan = LLVMConstReal(t, NAN);
    l->val[r] = pair(LLVMBuildSelect(l->b, first, re1, LLVMBuildSelect(l->b, second, re2, nan, ""), ""),
                     LLVMBuildSelect(l->b, first, im1, LLVMBuildSelect(l->b, second, im2, nan, ""), ""));
    return true;
}

/* NumPy's complex magnitude (rt_cabs_np): inf if a part is, else nan if a part is, else
 * larger * sqrt(ratio * ratio + 1) */
static LLVMValueRef cabs_np(L *l, LV a) {
    LLVMTypeRef t = LLVMTypeOf(a.v[0]);
    LLVMValueRef re = intrinsic(l, "llvm.fabs", t, &a.v[0], 1), im = intrinsic(l, "llvm.fabs", t, &a.v[1], 1);
    LLVMValueRef inf = LLVMConstReal(t, INFINITY), zero = LLVMConstReal(t, 0.0), one = LLVMConstReal(t, 1.0);
    LLVMValueRef gt = LLVMBuildFCmp(l->b, LLVMRealOGT, re, im, "");
    LLVMValueRef larger = LLVMBuildSelect(l->b, gt, re, im, ""), smaller = LLVMBuildSelect(l->b, gt, im, re, "");
    LLVMValueRef ratio = LLVMBuildSelect(l->b, LLVMBuildFCmp(l->b, LLVMRealOEQ, larger, zero, ""), zero,
                                         LLVMBuildFDiv(l->b, smaller, larger, ""), "");
    LLVMValueRef s = mul_add(l, ratio, ratio, one, host_fma());
    LLVMValueRef h = LLVMBuildFMul(l->b, intrinsic(l, "llvm.sqrt", t, &s, 1), larger, "");
    LLVMValueRef anyinf = LLVMBuildOr(l->b, LLVMBuildFCmp(l->b, LLVMRealOEQ, re, inf, ""), LLVMBuildFCmp(l->b, LLVMRealOEQ, im, inf, ""), "");
    LLVMValueRef anynan = LLVMBuildFCmp(l->b, LLVMRealUNO, re, im, "");
    return LLVMBuildSelect(l->b, anyinf, inf, LLVMBuildSelect(l->b, anynan, LLVMConstReal(t, NAN), h, ""), "");
}

/* abs(x): ints wrap (abs of the most negative is itself), floats clear the sign, complex as
 * CPython (hypot, OverflowError when finite parts overflow) or NumPy computes it */
static bool absolute(L *l, Ref r) {
    Ins *in = IN(l, r);
    Ref a = AR(l, r, 0);
    int k = cls(IN(l, a)->ty);
    LLVMValueRef x = V(l, a);
    if (k == 'U') { l->val[r] = l->val[a]; return true; }
    if (k == 'I') {
        LLVMValueRef neg = LLVMBuildSub(l->b, ci64(l, 0), x, "");
        l->val[r] = one(wrap(l, LLVMBuildSelect(l->b, LLVMBuildICmp(l->b, LLVMIntSLT, x, ci64(l, 0), ""), neg, x, ""), in->ty));
        return true;
    }
    if (k == 'F' || k == 'S') { l->val[r] = one(intrinsic(l, "llvm.fabs", LLVMTypeOf(x), &x, 1)); return true; }
    if (in->flags & INS_NUMPY) { l->val[r] = one(cabs_np(l, l->val[a])); return true; }
    if (k != 'Z') return false; /* complex64 without NumPy's flag: hypotf, through the helper */
    LLVMValueRef h = libm_call(l, "hypot", l->val[a].v, 2), inf = LLVMConstReal(l->f64, INFINITY);
    LLVMValueRef ar = intrinsic(l, "llvm.fabs", l->f64, &l->val[a].v[0], 1), ai = intrinsic(l, "llvm.fabs", l->f64, &l->val[a].v[1], 1);
    LLVMValueRef finite = LLVMBuildAnd(l->b, LLVMBuildFCmp(l->b, LLVMRealOLT, ar, inf, ""), LLVMBuildFCmp(l->b, LLVMRealOLT, ai, inf, ""), "");
    XCall *kc = ll_xcall(l, r);
    if (!kc) return true;
    kc->code = RE_ABS_OVERFLOW;
    ll_raise_if(l, LLVMBuildAnd(l->b, finite, LLVMBuildFCmp(l->b, LLVMRealOEQ, h, inf, ""), ""), H->error, kc, NULL, NULL);
    l->val[r] = one(h);
    return true;
}

/* complex + - * / (complex64 /: NumPy's formula, through the helper), unary -, conjugate */
static bool complex_arith(L *l, Ref r) {
    Ins *in = IN(l, r);
    LV a = l->val[AR(l, r, 0)], b = in->n > 1 ? l->val[AR(l, r, 1)] : a;
    switch (in->op) {
    case OP_ADD: l->val[r] = pair(LLVMBuildFAdd(l->b, a.v[0], b.v[0], ""), LLVMBuildFAdd(l->b, a.v[1], b.v[1], "")); return true;
    case OP_SUB: l->val[r] = pair(LLVMBuildFSub(l->b, a.v[0], b.v[0], ""), LLVMBuildFSub(l->b, a.v[1], b.v[1], "")); return true;
    case OP_NEG: l->val[r] = pair(LLVMBuildFNeg(l->b, a.v[0], ""), LLVMBuildFNeg(l->b, a.v[1], "")); return true;
    case OP_CONJ: l->val[r] = pair(a.v[0], LLVMBuildFNeg(l->b, a.v[1], "")); return true;
    case OP_MUL: l->val[r] = cmul(l, a, b, (in->flags & INS_NUMPY) != 0); return true;
    case OP_DIV: return cls(in->ty) == 'Z' ? (cdiv(l, r, a, b), true) : false;
    default: return false;
    }
}

/* pow(x, n) for n = 2 or 3 with libm's bits, mostly without calling it. The product r = x * x (* x) and how far the
 * exact power is from it, e, come from fused multiply-adds: for a square exactly (x * x = r + e), for a cube to
 * within 2^-104 of it (x * x = p + pl, p * x = h + hl, both exact; x^3 = h + (hl + pl * x), rounded once to r).
 * glibc's pow (since 2.28; ARM's routine) is off by at most 0.54 ULP, and by at most 0.5171 ULP for these powers
 * of 2^-64 <= |x| < 2^64 (ir/mathfn.h), so wherever x^n is within 0.44 (0.48 for those x) of r's spacing of r —
 * more than 0.56 (0.52) ULP from every other double — pow must return r too. The test is a rounding:
 * r + e * (0.5 / band) == r (below a power of two, where the spacing is half, it only gets stricter). Where the
 * power may be subnormal or overflow (|x| outside [2^-500, 2^500) for a square, [2^-330, 2^330) for a cube; integer
 * compares of x's exponent) and outside the band, pow itself: about one call in 25 for x near 1. CPython's `x ** 2`
 * calls pow, which differs from x * x for 0.065% of doubles (docs/benchmarks.md): those all take the call, as
 * test/run/87_square.py counts; test/unit/base_test.c checks the C twin of this test (rt/arith.c
 * rt_pow_by_products, which the interpreter and tier 1 use) against this host's pow. Only with a hardware fused
 * multiply-add (tier 2 compiles for its host). *ok: whether r is pow's answer */
static LLVMValueRef power_test(L *l, LLVMValueRef x, int n, LLVMValueRef *ok) {
    LLVMValueRef fa[3] = {x, x, NULL};
    LLVMValueRef r = LLVMBuildFMul(l->b, x, x, "");
    fa[2] = LLVMBuildFNeg(l->b, r, "");
    LLVMValueRef e = intrinsic(l, "llvm.fma", l->f64, fa, 3);
    if (n == 3) {
        LLVMValueRef p = r, pl = e, h = LLVMBuildFMul(l->b, p, x, "");
        LLVMValueRef fb[3] = {p, x, LLVMBuildFNeg(l->b, h, "")};
        LLVMValueRef c = LLVMBuildFAdd(l->b, intrinsic(l, "llvm.fma", l->f64, fb, 3), LLVMBuildFMul(l->b, pl, x, ""), "");
        r = LLVMBuildFAdd(l->b, h, c, "");
        e = LLVMBuildFAdd(l->b, LLVMBuildFSub(l->b, h, r, ""), c, "");
    }
    long long lim = n == 2 ? POW_SQUARE_EXP : POW_CUBE_EXP;
    LLVMValueRef ux = LLVMBuildShl(l->b, LLVMBuildBitCast(l->b, x, l->i64, ""), ci64(l, 1), "");
    LLVMValueRef valid = LLVMBuildICmp(l->b, LLVMIntULT, LLVMBuildSub(l->b, ux, ci64(l, (1023 - lim) << 53), ""),
                                       ci64(l, (2 * lim) << 53), "");
    LLVMValueRef near = LLVMBuildICmp(l->b, LLVMIntULT, LLVMBuildSub(l->b, ux, ci64(l, (1023LL - POW_NEAR_EXP) << 53), ""),
                                      ci64(l, (2LL * POW_NEAR_EXP) << 53), "");
    LLVMValueRef k = LLVMBuildSelect(l->b, near, LLVMConstReal(l->f64, 0.5 / POW_BAND_NEAR), LLVMConstReal(l->f64, 0.5 / POW_BAND), "");
    LLVMValueRef back = LLVMBuildFAdd(l->b, r, LLVMBuildFMul(l->b, e, k, ""), "");
    *ok = LLVMBuildAnd(l->b, valid, LLVMBuildFCmp(l->b, LLVMRealOEQ, back, r, ""), "");
    return r;
}

/* power_test's product where it is pow's answer, else pow */
static LLVMValueRef power_as_pow(L *l, LLVMValueRef x, int n) {
    LLVMValueRef ok, r = power_test(l, x, n, &ok);
    LLVMBasicBlockRef call = LLVMAppendBasicBlockInContext(l->cx, l->fn, "pow.call");
    LLVMBasicBlockRef join = LLVMAppendBasicBlockInContext(l->cx, l->fn, "");
    LLVMBasicBlockRef from = LLVMGetInsertBlock(l->b);
    LLVMBuildCondBr(l->b, ok, join, call);
    LLVMPositionBuilderAtEnd(l->b, call);
    LLVMValueRef xy[2] = {x, LLVMConstReal(l->f64, (double)n)};
    LLVMValueRef z = libm_call(l, "pow", xy, 2);
    LLVMBuildBr(l->b, join);
    LLVMPositionBuilderAtEnd(l->b, join);
    return ll_phi2(l, r, from, z, call);
}

/* the n (2 or 3) for which x ** y may take power_test's product, or 0 */
static int product_power(L *l, LLVMValueRef y) {
    LLVMBool lossy;
    double v = LLVMIsAConstantFP(y) ? LLVMConstRealGetDouble(y, &lossy) : 0.0;
    return !l->gpu && host_fma() && (v == 2.0 || v == 3.0) ? (int)v : 0;
}

/* pow's result for x ** y, power_as_pow's for y a constant 2.0 or 3.0 */
static LLVMValueRef pow_call(L *l, LLVMValueRef *xy) {
    int n = product_power(l, xy[1]);
    return n ? power_as_pow(l, xy[0], n) : libm_call(l, "pow", xy, 2);
}

/* float ** float. NumPy's (and np.power's) is C's pow, called directly. Python's (rt_pow_f64's
 * CPython rules) calls pow directly when x is finite and nonzero and y finite, where those rules
 * reduce to pow's own result (a negative x's sign included), a NaN meaning a fractional power of a
 * negative number and an infinity an overflow, both raised; the rest (zeros, infinities, NaNs)
 * through the helper. Never plain x * x for ** 2 (glibc's pow rounds 0.065% of doubles the other
 * way, and CPython calls pow): pow_call takes the product only where pow must agree with it */
static void power(L *l, Ref r) {
    Ins *in = IN(l, r);
    LLVMValueRef xy[2] = {V(l, AR(l, r, 0)), V(l, AR(l, r, 1))};
    if (!(in->flags & POW_PYTHON)) { l->val[r] = one(pow_call(l, xy)); return; }
    /* a square or cube that power_test takes is finite and nonzero: none of the rules below apply to it */
    int n = product_power(l, xy[1]);
    LLVMValueRef ok, prod = n ? power_test(l, xy[0], n, &ok) : NULL;
    LLVMBasicBlockRef join = LLVMAppendBasicBlockInContext(l->cx, l->fn, "");
    LLVMBasicBlockRef from = LLVMGetInsertBlock(l->b);
    if (n) {
        LLVMBasicBlockRef rules = LLVMAppendBasicBlockInContext(l->cx, l->fn, "pow.check");
        LLVMBuildCondBr(l->b, ok, join, rules);
        LLVMPositionBuilderAtEnd(l->b, rules);
    }
    LLVMValueRef inf = LLVMConstReal(l->f64, INFINITY);
    LLVMValueRef ax = intrinsic(l, "llvm.fabs", l->f64, &xy[0], 1), ay = intrinsic(l, "llvm.fabs", l->f64, &xy[1], 1);
    LLVMValueRef usual = LLVMBuildAnd(l->b, LLVMBuildAnd(l->b, LLVMBuildFCmp(l->b, LLVMRealOLT, ax, inf, ""),
                                                         LLVMBuildFCmp(l->b, LLVMRealONE, ax, LLVMConstReal(l->f64, 0.0), ""), ""),
                                      LLVMBuildFCmp(l->b, LLVMRealOLT, ay, inf, ""), "");
    LLVMBasicBlockRef fast = LLVMAppendBasicBlockInContext(l->cx, l->fn, "pow");
    LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(l->cx, l->fn, "pow.rules");
    LLVMBuildCondBr(l->b, usual, fast, slow);
    LLVMPositionBuilderAtEnd(l->b, fast);
    LLVMValueRef z = libm_call(l, "pow", xy, 2);
    XCall *kf = ll_xcall(l, r), *ko = ll_xcall(l, r);
    if (!kf || !ko) return;
    kf->code = RE_POW_FRAC;
    ko->code = RE_POW_OVERFLOW;
    ll_raise_if(l, LLVMBuildFCmp(l->b, LLVMRealUNO, z, z, ""), H->error, kf, NULL, NULL);
    ll_raise_if(l, LLVMBuildFCmp(l->b, LLVMRealOEQ, intrinsic(l, "llvm.fabs", l->f64, &z, 1), inf, ""), H->error, ko, NULL, NULL);
    LLVMBasicBlockRef fast_end = LLVMGetInsertBlock(l->b);
    LLVMBuildBr(l->b, join);
    LLVMPositionBuilderAtEnd(l->b, slow);
    LLVMValueRef zs;
    if (l->gpu) { /* libdevice's pow keeps C99's special values, which are CPython's but for 0.0 ** negative */
        XCall *kz = ll_xcall(l, r);
        if (!kz) return;
        kz->code = RE_ZPOW_FLOAT;
        ll_raise_if(l, LLVMBuildAnd(l->b, LLVMBuildFCmp(l->b, LLVMRealOEQ, xy[0], LLVMConstReal(l->f64, 0.0), ""),
                                 LLVMBuildFCmp(l->b, LLVMRealOLT, xy[1], LLVMConstReal(l->f64, 0.0), ""), ""), H->error, kz, NULL, NULL);
        zs = libm_call(l, "pow", xy, 2);
    } else {
        ll_via_helper(l, r);
        zs = V(l, r);
    }
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(l->b);
    LLVMBuildBr(l->b, join);
    LLVMPositionBuilderAtEnd(l->b, join);
    LLVMValueRef v = ll_phi2(l, z, fast_end, zs, slow_end);
    if (n) {
        LLVMValueRef pv[1] = {prod};
        LLVMBasicBlockRef pb[1] = {from};
        LLVMAddIncoming(v, pv, pb, 1);
    }
    l->val[r] = one(v);
}

/* compare op (OP_EQ..OP_GE) of numbers of class k ('I', 'U', 'F' or 'S'; scalars or vectors of them) */
LLVMValueRef ll_cmp(L *l, int op, int k, LLVMValueRef a, LLVMValueRef b) {
    int i = op - OP_EQ;
    if (k == 'F' || k == 'S') {
        static const LLVMRealPredicate fp[] = {LLVMRealOEQ, LLVMRealUNE, LLVMRealOLT, LLVMRealOLE, LLVMRealOGT, LLVMRealOGE};
        return LLVMBuildFCmp(l->b, fp[i], a, b, "");
    }
    static const LLVMIntPredicate sp[] = {LLVMIntEQ, LLVMIntNE, LLVMIntSLT, LLVMIntSLE, LLVMIntSGT, LLVMIntSGE};
    static const LLVMIntPredicate up[] = {LLVMIntEQ, LLVMIntNE, LLVMIntULT, LLVMIntULE, LLVMIntUGT, LLVMIntUGE};
    return LLVMBuildICmp(l->b, (k == 'U' ? up : sp)[i], a, b, "");
}

static void compare(L *l, Ref r) {
    Ins *in = IN(l, r);
    Ref a = AR(l, r, 0), b = AR(l, r, 1);
    int k = cls(IN(l, a)->ty);
    LLVMValueRef c;
    if (k == 'I' || k == 'U' || k == 'F' || k == 'S') c = ll_cmp(l, in->op, k, V(l, a), V(l, b));
    else if ((k == 'Z' || k == 'z') && (in->op == OP_EQ || in->op == OP_NE)) { /* both parts equal; either differs */
        LV x = l->val[a], y = l->val[b];
        LLVMRealPredicate p = in->op == OP_EQ ? LLVMRealOEQ : LLVMRealUNE;
        LLVMValueRef c0 = LLVMBuildFCmp(l->b, p, x.v[0], y.v[0], ""), c1 = LLVMBuildFCmp(l->b, p, x.v[1], y.v[1], "");
        c = in->op == OP_EQ ? LLVMBuildAnd(l->b, c0, c1, "") : LLVMBuildOr(l->b, c0, c1, "");
    } else { ll_via_helper(l, r); return; }
    l->val[r] = one(LLVMBuildZExt(l->b, c, l->i64, ""));
}

/* a // b and a % b on integers, Python's rounding toward -inf: the machine's
 * truncating division, then one step down when the remainder's sign differs
 * from b's. b == -1 is taken apart (INT64_MIN / -1 traps on x86-64 and
 * wraps in kiln); b == 0 raises as in every tier. */
static LLVMValueRef int_divmod(L *l, Ref r, LLVMValueRef x, LLVMValueRef y, bool uns) {
    bool mod = IN(l, r)->op == OP_MOD;
    XCall *k = ll_xcall(l, r);
    if (!k) return NULL;
    k->code = mod ? RE_ZMOD_INT : RE_ZDIV_INT;
    ll_raise_if(l, LLVMBuildICmp(l->b, LLVMIntEQ, y, ci64(l, 0), ""), H->error, k, NULL, NULL);
    if (uns) return mod ? LLVMBuildURem(l->b, x, y, "") : LLVMBuildUDiv(l->b, x, y, "");
    if (LLVMIsAConstantInt(y)) { /* by a power of two 2^k: floor division is an arithmetic shift by k and the
                                  * remainder with the divisor's sign the low k bits, for either sign of x (LLVM
                                  * does not see through the sign fix-up below: `k % 2 == 0` and `k // 2` cost
                                  * a division's sequence each) */
        long long c = LLVMConstIntGetSExtValue(y);
        if (c > 0 && (c & (c - 1)) == 0)
            return mod ? LLVMBuildAnd(l->b, x, ci64(l, c - 1), "") : LLVMBuildAShr(l->b, x, ci64(l, __builtin_ctzll((unsigned long long)c)), "");
    }
    LLVMValueRef m1 = LLVMBuildICmp(l->b, LLVMIntEQ, y, ci64(l, -1), "");
    LLVMValueRef ys = LLVMBuildSelect(l->b, m1, ci64(l, 1), y, "");
    LLVMValueRef q = LLVMBuildSDiv(l->b, x, ys, ""), m = LLVMBuildSRem(l->b, x, ys, "");
    LLVMValueRef adj = LLVMBuildAnd(l->b, LLVMBuildICmp(l->b, LLVMIntNE, m, ci64(l, 0), ""),
                                    LLVMBuildICmp(l->b, LLVMIntSLT, LLVMBuildXor(l->b, m, y, ""), ci64(l, 0), ""), "");
    if (mod) return LLVMBuildSelect(l->b, adj, LLVMBuildAdd(l->b, m, y, ""), m, "");
    q = LLVMBuildSelect(l->b, adj, LLVMBuildSub(l->b, q, ci64(l, 1), ""), q, "");
    return LLVMBuildSelect(l->b, m1, LLVMBuildSub(l->b, ci64(l, 0), x, ""), q, "");
}

/* a << b and a >> b with Python's rules (rt_shl, rt_shr_*): a negative count raises, a count of 64 or more
 * gives 0 (or the sign, shifting a negative right) */
static LLVMValueRef int_shift(L *l, Ref r, LLVMValueRef x, LLVMValueRef y, bool uns) {
    XCall *k = ll_xcall(l, r);
    if (!k) return NULL;
    k->code = RE_NEG_SHIFT;
    ll_raise_if(l, LLVMBuildICmp(l->b, LLVMIntSLT, y, ci64(l, 0), ""), H->error, k, NULL, NULL);
    LLVMValueRef big = LLVMBuildICmp(l->b, LLVMIntUGE, y, ci64(l, 64), "");
    LLVMValueRef n = LLVMBuildSelect(l->b, big, ci64(l, 63), y, "");
    if (IN(l, r)->op == OP_SHL) return LLVMBuildSelect(l->b, big, ci64(l, 0), LLVMBuildShl(l->b, x, n, ""), "");
    if (!uns) return LLVMBuildAShr(l->b, x, n, "");
    return LLVMBuildSelect(l->b, big, ci64(l, 0), LLVMBuildLShr(l->b, x, n, ""), "");
}

/* a // b and a % b on floats: CPython's float_divmod (rt_floordiv_f64, rt_mod_f64) operation for operation, fmod
 * being exact everywhere, so every tier and the GPU give the same bits; b == 0 raises */
static LLVMValueRef float_divmod(L *l, Ref r, LLVMValueRef a, LLVMValueRef b) {
    bool mod = IN(l, r)->op == OP_MOD;
    LLVMTypeRef t = LLVMTypeOf(a);
    bool f32 = t == l->f32;
    XCall *k = ll_xcall(l, r);
    if (!k) return NULL;
    k->code = mod ? RE_ZMOD_FLOAT : RE_ZFLOORDIV_FLOAT;
    LLVMValueRef zero = LLVMConstReal(t, 0.0), one = LLVMConstReal(t, 1.0);
    ll_raise_if(l, LLVMBuildFCmp(l->b, LLVMRealOEQ, b, zero, ""), H->error, k, NULL, NULL);
    LLVMValueRef ab[2] = {a, b};
    LLVMValueRef m;
    if (l->gpu) {
        LLVMTypeRef ft = LLVMFunctionType(t, (LLVMTypeRef[]){t, t}, 2, 0);
        m = LLVMBuildCall2(l->b, ft, ll_pure_fn(l, f32 ? "__nv_fmodf" : "__nv_fmod", ft), ab, 2, "");
    } else {
        m = LLVMBuildFRem(l->b, a, b, ""); /* frem is C's fmod (exact) */
    }
    LLVMValueRef nz = LLVMBuildFCmp(l->b, LLVMRealUNE, m, zero, "");
    LLVMValueRef differ = LLVMBuildXor(l->b, LLVMBuildFCmp(l->b, LLVMRealOLT, b, zero, ""), LLVMBuildFCmp(l->b, LLVMRealOLT, m, zero, ""), "");
    LLVMValueRef adjust = LLVMBuildAnd(l->b, nz, differ, "");
    if (mod) {
        LLVMValueRef sign = intrinsic(l, "llvm.copysign", t, (LLVMValueRef[]){zero, b}, 2);
        return LLVMBuildSelect(l->b, nz, LLVMBuildSelect(l->b, adjust, LLVMBuildFAdd(l->b, m, b, ""), m, ""), sign, "");
    }
    LLVMValueRef div = LLVMBuildFDiv(l->b, LLVMBuildFSub(l->b, a, m, ""), b, "");
    div = LLVMBuildSelect(l->b, adjust, LLVMBuildFSub(l->b, div, one, ""), div, "");
    LLVMValueRef fl = intrinsic(l, "llvm.floor", t, &div, 1);
    LLVMValueRef up = LLVMBuildFCmp(l->b, LLVMRealOGT, LLVMBuildFSub(l->b, div, fl, ""), LLVMConstReal(t, 0.5), "");
    fl = LLVMBuildSelect(l->b, up, LLVMBuildFAdd(l->b, fl, one, ""), fl, "");
    LLVMValueRef q = LLVMBuildFDiv(l->b, a, b, "");
    LLVMValueRef signed0 = intrinsic(l, "llvm.copysign", t, (LLVMValueRef[]){zero, q}, 2);
    return LLVMBuildSelect(l->b, LLVMBuildFCmp(l->b, LLVMRealUNE, div, zero, ""), fl, signed0, "");
}

static void arith(L *l, Ref r) {
    Ins *in = IN(l, r);
    int k = cls(in->ty);
    if (k == 'Z' || k == 'z') {
        if (!complex_arith(l, r)) ll_via_helper(l, r);
        return;
    }
    Ref a = AR(l, r, 0);
    LLVMValueRef x = V(l, a), y = in->n > 1 ? V(l, AR(l, r, 1)) : NULL, z = NULL;
    if (k == 'I' || k == 'U') {
        switch (in->op) {
        case OP_ADD: z = LLVMBuildAdd(l->b, x, y, ""); break;
        case OP_SUB: z = LLVMBuildSub(l->b, x, y, ""); break;
        case OP_MUL: z = LLVMBuildMul(l->b, x, y, ""); break;
        case OP_AND: z = LLVMBuildAnd(l->b, x, y, ""); break;
        case OP_OR: z = LLVMBuildOr(l->b, x, y, ""); break;
        case OP_XOR: z = LLVMBuildXor(l->b, x, y, ""); break;
        case OP_NEG: z = LLVMBuildSub(l->b, ci64(l, 0), x, ""); break;
        case OP_INV: z = LLVMBuildXor(l->b, x, ci64(l, -1), ""); break;
        case OP_NOT: z = LLVMBuildXor(l->b, x, ci64(l, 1), ""); break;
        case OP_FLOORDIV: case OP_MOD:
            if (!(z = int_divmod(l, r, x, y, k == 'U'))) return;
            break;
        case OP_SHL: case OP_SHR:
            if (!(z = int_shift(l, r, x, y, k == 'U'))) return;
            break;
        default: ll_via_helper(l, r); return;
        }
        l->val[r] = one(wrap(l, z, in->ty));
        return;
    }
    if (k == 'F' || k == 'S') {
        switch (in->op) {
        case OP_ADD: z = LLVMBuildFAdd(l->b, x, y, ""); if (l->env->opt->fastmath) kiln_llvm_set_fast(z); break;
        case OP_SUB: z = LLVMBuildFSub(l->b, x, y, ""); if (l->env->opt->fastmath) kiln_llvm_set_fast(z); break;
        case OP_MUL: z = LLVMBuildFMul(l->b, x, y, ""); if (l->env->opt->fastmath) kiln_llvm_set_fast(z); break;
        case OP_NEG: z = LLVMBuildFNeg(l->b, x, ""); break;
        case OP_POW:
            if (k == 'S') { ll_via_helper(l, r); return; } /* powf: through the helper */
            power(l, r);
            return;
        case OP_DIV: {
            XCall *kc = ll_xcall(l, r);
            if (!kc) return;
            kc->code = (in->flags & DIV_INTS) ? RE_ZDIV : RE_ZDIV_FLOAT;
            if (!(in->flags & INS_NUMPY))
                ll_raise_if(l, LLVMBuildFCmp(l->b, LLVMRealOEQ, y, LLVMConstReal(LLVMTypeOf(y), 0.0), ""), H->error, kc, NULL, NULL);
            z = LLVMBuildFDiv(l->b, x, y, "");
            break;
        }
        case OP_FLOORDIV: case OP_MOD:
            if (!(z = float_divmod(l, r, x, y))) return;
            break;
        default: ll_via_helper(l, r); return;
        }
        l->val[r] = one(z);
        return;
    }
    ll_via_helper(l, r);
}

static void cast(L *l, Ref r) {
    Ins *in = IN(l, r);
    Ref a = AR(l, r, 0);
    const Type *at = IN(l, a)->ty, *rt = in->ty;
    if (at->kind == T_ARRAY || at->dtype == rt->dtype) { l->val[r] = l->val[a]; return; }
    int ka = cls(at), kr = cls(rt);
    LLVMValueRef x = V(l, a);
    if ((ka == 'I' || ka == 'U') && (kr == 'I' || kr == 'U') && rt->dtype != KILN_BOOL) { l->val[r] = one(wrap(l, x, rt)); return; }
    LLVMTypeRef ft = kr == 'F' ? l->f64 : l->f32;
    if (ka == 'I' && (kr == 'F' || kr == 'S')) { l->val[r] = one(LLVMBuildSIToFP(l->b, x, ft, "")); return; }
    if (ka == 'U' && (kr == 'F' || kr == 'S')) { l->val[r] = one(LLVMBuildUIToFP(l->b, x, ft, "")); return; }
    if (ka == 'F' && kr == 'S') { l->val[r] = one(LLVMBuildFPTrunc(l->b, x, l->f32, "")); return; }
    if (ka == 'S' && kr == 'F') { l->val[r] = one(LLVMBuildFPExt(l->b, x, l->f64, "")); return; }
    if ((ka == 'F' || ka == 'S') && rt->dtype == KILN_INT64) { /* int(x): inline in range; NaN, inf and past int64 raise */
        LLVMValueRef xd = ka == 'S' ? LLVMBuildFPExt(l->b, x, l->f64, "") : x;
        LLVMValueRef lo = LLVMBuildFCmp(l->b, LLVMRealOGE, xd, LLVMConstReal(l->f64, -9223372036854775808.0), "");
        LLVMValueRef hi = LLVMBuildFCmp(l->b, LLVMRealOLT, xd, LLVMConstReal(l->f64, 9223372036854775808.0), "");
        LLVMValueRef in_range = LLVMBuildAnd(l->b, lo, hi, "");
        if (in->flags & INS_NUMPY) { /* NumPy's element cast: x86-64's cvttsd2si, INT64_MIN out of range (rt_f2i_np) */
            LLVMValueRef t = LLVMBuildFPToSI(l->b, LLVMBuildSelect(l->b, in_range, xd, LLVMConstReal(l->f64, 0.0), ""), l->i64, "");
            l->val[r] = one(LLVMBuildSelect(l->b, in_range, t, LLVMConstInt(l->i64, (unsigned long long)INT64_MIN, 1), ""));
            return;
        }
        Helper h;
        XCall *k = ll_helper_record(l, r, &h);
        if (!k) return;
        ll_raise_if(l, LLVMBuildNot(l->b, in_range, ""), h, k, ll_spill_ref, &r);
        l->val[r] = one(LLVMBuildFPToSI(l->b, xd, l->i64, ""));
        return;
    }
    ll_via_helper(l, r);
}

/* ---- calls between kernels ---- */

/* the callee lowered into this module as an internal function with the frame
 * ABI; NULL when it is not a candidate (recursive, large, nested too deep) */
static LLVMValueRef callee_fn(L *l, Unit *c) {
    for (int i = 0; i < *l->ninl; i++) if (l->inl[i].u == c) return l->inl[i].fn;
    for (int i = 0; i <= l->depth; i++) if (l->stack[i] == c) return NULL;
    if (l->depth + 1 >= 8 || !c->ir || !c->code || ir_live_ins(c->ir) > 400 || *l->ninl >= INLINE_MAX) return NULL;
    L k;
    memset(&k, 0, sizeof k);
    k.env = l->env; k.u = c; k.f = c->ir; k.c = c->code;
    k.cx = l->cx; k.m = l->m;
    k.b = LLVMCreateBuilderInContext(l->cx);
    k.i1 = l->i1; k.i8 = l->i8; k.i16 = l->i16; k.i32 = l->i32; k.i64 = l->i64; k.f32 = l->f32; k.f64 = l->f64; k.ptr = l->ptr;
    k.inl = l->inl; k.ninl = l->ninl;
    k.pool = l->pool; k.npool = l->npool;
    memcpy(k.stack, l->stack, sizeof k.stack);
    k.depth = l->depth + 1;
    k.stack[k.depth] = c;
    k.osr = -1;
    k.visa = l->visa; k.vlen = l->vlen;
    k.gpu = l->gpu;
    k.math_line = l->math_line; k.math_name = l->math_name;
    Deferred kdefer[DEFER_MAX];
    if (l->gpu) {
        k.defer = kdefer;
        k.bound_ok = calloc(c->ir->ins.n + 1, sizeof *k.bound_ok);
        k.dummy = l->dummy;
        if (!k.bound_ok) k.defer = NULL;
    }
    char name[96];
    snprintf(name, sizeof name, "%s.inl%d", LLVMGetValueName(l->fn), *l->ninl);
    bool ok = ll_build(&k, name, l->avx512);
    free(k.bound_ok);
    if (k.gpu_bail && !l->gpu_bail) { l->gpu_bail = k.gpu_bail; l->gpu_line = k.gpu_line; }
    LLVMDisposeBuilder(k.b);
    free(k.bb); free(k.end); free(k.val); free(k.phi);
    if (!ok) {
        if (k.fn) LLVMDeleteFunction(k.fn);
        return NULL;
    }
    LLVMSetLinkage(k.fn, LLVMInternalLinkage);
    ll_fn_attr(l, k.fn, "alwaysinline");
    l->inl[*l->ninl].u = c;
    l->inl[*l->ninl].fn = k.fn;
    (*l->ninl)++;
    return k.fn;
}

/* a direct call of fn (a kernel with the frame ABI): its frame on our stack,
 * its result into our frame's slot for the call, and from there a value */
/* run->depth, the count of kernel frames that RecursionError limits */
static LLVMValueRef depth_ptr(L *l) { return ll_field(l, l->run, offsetof(Run, depth)); }

static void frame_call(L *l, Ref r, LLVMValueRef fn, const Code *cc, LLVMValueRef depth) {
    Ins *in = IN(l, r);
    LLVMBuilderRef eb = LLVMCreateBuilderInContext(l->cx);
    LLVMValueRef first = LLVMGetFirstInstruction(l->entry);
    if (first) LLVMPositionBuilderBefore(eb, first); else LLVMPositionBuilderAtEnd(eb, l->entry);
    LLVMValueRef frame = LLVMBuildArrayAlloca(eb, l->i64, LLVMConstInt(l->i32, cc->nslots ? cc->nslots : 1, 0), "frame");
    LLVMSetAlignment(frame, 16);
    LLVMDisposeBuilder(eb);
    LLVMValueRef fr8 = LLVMBuildBitCast(l->b, frame, l->ptr, "");
    for (uint32_t j = 0; j < in->n && j < cc->nargs; j++) {
        Ref a = AR(l, r, j);
        const Type *t = IN(l, a)->ty;
        LV *v = &l->val[a];
        for (int k = 0; k < v->n; k++) {
            LLVMValueRef off = ci64(l, 8 * (int64_t)cc->arg_slot[j] + comp_off(t, k));
            st(l, v->v[k], LLVMBuildGEP2(l->b, l->i8, fr8, &off, 1, ""));
        }
    }
    LLVMValueRef args[3] = {fr8, in->ty ? slot_ptr(l, l->c->slot[r], 0) : slot_ptr(l, 0, 0), l->run};
    LLVMTypeRef params[3] = {l->ptr, l->ptr, l->ptr};
    LLVMValueRef rc = LLVMBuildCall2(l->b, LLVMFunctionType(l->i32, params, 3, 0), fn, args, 3, "");
    if (depth) st(l, depth, depth_ptr(l)); /* a self call's depth back on both paths: a try may catch its raise */
    LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(l->cx, l->fn, "");
    LLVMBuildCondBr(l->b, LLVMBuildICmp(l->b, LLVMIntNE, rc, LLVMConstInt(l->i32, 0, 0), ""), l->err, ok);
    LLVMPositionBuilderAtEnd(l->b, ok);
    if (in->ty && ty_is_leaf(in->ty)) l->val[r] = load_value(l, in->ty, l->c->slot[r]);
}

static void intr_check_at(L *l, Ref r);

/* a load of a Run field that stays the same while the call runs (stack_floor, intr, epoch): marked so, LLVM
 * reuses one load across calls and loops instead of reading it again after each call */
static LLVMValueRef run_invariant(L *l, LLVMValueRef load) {
    LLVMSetMetadata(load, LLVMGetMDKindIDInContext(l->cx, "invariant.load", 14), LLVMMDNodeInContext(l->cx, NULL, 0));
    return load;
}

/* one kernel frame more, at call r from depth d: RecursionError past the limit (for a frame on the machine stack,
 * also past the stack's floor, Run.stack_floor); the callee's depth, or NULL (out of memory: bail set) */
static LLVMValueRef depth_enter(L *l, Ref r, LLVMValueRef d, bool stack) {
    XCall *k = ll_xcall(l, r);
    if (!k) return NULL;
    k->code = RE_RECURSION;
    /* a call from a copied body (opt/recurse.c) is made as many frames deeper than this function's own as it says */
    LLVMValueRef d1 = LLVMBuildAdd(l->b, d, LLVMConstInt(l->i32, (unsigned)ir_call_levels(IN(l, r)->flags), 0), "");
    LLVMValueRef max = LLVMConstInt(l->i32, (unsigned long long)l->env->tune[TUNE_MAX_RECURSION], 0);
    LLVMValueRef deep = LLVMBuildICmp(l->b, LLVMIntSGT, d1, max, "");
    if (stack) {
        LLVMTypeRef pt = l->ptr;
        LLVMValueRef fa_fn = LLVMGetIntrinsicDeclaration(l->m, LLVMLookupIntrinsicID("llvm.frameaddress", 17), &pt, 1);
        LLVMValueRef zero = LLVMConstInt(l->i32, 0, 0);
        LLVMValueRef fa = LLVMBuildPtrToInt(l->b, LLVMBuildCall2(l->b, LLVMFunctionType(l->ptr, &l->i32, 1, 0), fa_fn, &zero, 1, ""), l->i64, "");
        LLVMValueRef floor_ = run_invariant(l, ld(l, l->i64, ll_field(l, l->run, offsetof(Run, stack_floor))));
        deep = LLVMBuildOr(l->b, deep, LLVMBuildICmp(l->b, LLVMIntULT, fa, floor_, ""), "");
    }
    ll_raise_if(l, deep, H->error, k, NULL, NULL);
    return d1;
}

/* this call's depth: a direct entry's parameter, else Run's */
static LLVMValueRef depth_now(L *l) { return l->direct ? l->depthv : LLVMBuildLoad2(l->b, l->i32, depth_ptr(l), "depth"); }

/* the kernel being built calling itself (fib, quicksort): a direct call
 * instead of the frame helper's (~30 ns a call), the depth counted inline;
 * past the limit the helper raises RecursionError as in every tier */
/* this call's depth checked for one frame more, and kiln_interrupt's at every 16th level: the callee's depth, or
 * NULL (out of memory) */
static LLVMValueRef self_depth(L *l, Ref r) {
    LLVMValueRef d1 = depth_enter(l, r, depth_now(l), true);
    if (!d1) return NULL;
    /* kiln_interrupt, at every 16th level of depth: a recursion that runs long keeps passing them (one
     * that stays shallower is short), and fib(25) paid 25% for a check at every call */
    LLVMBasicBlockRef ck = LLVMAppendBasicBlockInContext(l->cx, l->fn, "intr"), go = LLVMAppendBasicBlockInContext(l->cx, l->fn, "");
    /* calls k levels apart (opt/recurse.c): at any of k levels in a row, else some depths would never check */
    unsigned k = (unsigned)ir_call_levels(IN(l, r)->flags);
    LLVMValueRef every = LLVMBuildICmp(l->b, LLVMIntULT, LLVMBuildAnd(l->b, d1, LLVMConstInt(l->i32, 15, 0), ""), LLVMConstInt(l->i32, k, 0), "");
    LLVMBuildCondBr(l->b, every, ck, go);
    LLVMPositionBuilderAtEnd(l->b, ck);
    intr_check_at(l, r);
    LLVMBuildBr(l->b, go);
    LLVMPositionBuilderAtEnd(l->b, go);
    return d1;
}

static bool self_call(L *l, Ref r) {
    if (l->osr >= 0 || l->gpu) return false; /* the OSR entry is not the function: the helper calls the spec's code; a
                                              * GPU kernel does not recurse */
    if (sizeof(Slot) * l->c->nslots > (size_t)l->env->tune[TUNE_FRAME_STACK_BYTES]) return false;
    LLVMValueRef d = depth_now(l), d1 = self_depth(l, r);
    if (!d1) return true;
    if (l->direct) return ll_direct_call(l, r, d1); /* false: the frame helper's path (it syncs the depth) */
    st(l, d1, depth_ptr(l));
    frame_call(l, r, l->fn, l->c, d);
    return true;
}

/* the call opt/recurse.c replaced by a copy of the body, when this builds a direct entry (and not an OSR entry or a
 * callee inlined elsewhere): OP_FRAME r is where it stood. Only while r is still its block's last instruction and
 * the block jumps (to the copy), as the pass left it: ins() and terminator() must agree, or the call would be made
 * and the copy run too */
static const RecurSite *recur_site(L *l, Ref r) {
    if (!l->direct || l->depth || l->osr >= 0 || l->gpu || !r || IN(l, r)->op != OP_FRAME) return NULL;
    if (IN(l, r)->blk >= l->f->blocks.n) return NULL;
    const Block *b = &l->f->blocks.v[IN(l, r)->blk];
    if (b->term != TERM_JMP || !b->ins.n || b->ins.v[b->ins.n - 1] != r) return NULL;
    for (uint32_t i = 0; i < l->f->recur.n; i++) if (l->f->recur.v[i].site == r) return &l->f->recur.v[i];
    return NULL;
}

/* ... made again as the direct call it was (tail-recursion elimination and direct.c's copy do better with the call
 * than with opt/recurse.c's copy: see there), its result in l->val[r]; the block's jump goes to the copy's
 * continuation instead (terminator), and the copy is never entered */
static void recall(L *l, Ref r, const RecurSite *rs) {
    LLVMValueRef d1 = self_depth(l, r);
    if (d1 && !ll_direct_call_of(l, r, rs->args, rs->nargs, rs->ty, d1)) l->bail = "a recursion's call does not match its direct entry";
}

/* f calls callee (a parallel loop's body is not a call of it), or with callee NULL any kernel (a parallel
 * loop's body too, and an OP_FRAME: whatever reads Run's depth) */
bool ll_calls(Func *f, const Unit *callee) {
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        Block *b = &f->blocks.v[bi];
        if (b->dead) continue;
        for (uint32_t k = 0; k < b->ins.n; k++) {
            Ins *in = &f->ins.v[b->ins.v[k]];
            if (in->op == OP_CALL && (!callee || (!(in->flags & INS_PAR) && f->callees.v[in->aux] == callee))) return true;
            if (in->op == OP_FRAME && !callee) return true; /* a call opt/inline.c inlined: it reads the depth */
        }
    }
    return false;
}

/* a call to a kernel compiled into this module (inlined by LLVM), or of the
 * kernel being built; false: the frame helper's general path. An inlined
 * callee is a frame as in every other tier: the depth counted and checked
 * (RecursionError at the same call as the interpreter's), kept in Run while
 * it runs (it may call on through the frame helper) */
static bool inline_call(L *l, Ref r) {
    Ins *in = IN(l, r);
    Unit *c = l->f->callees.v[in->aux];
    if (c == l->u && l->depth == 0) return self_call(l, r);
    LLVMValueRef fn = callee_fn(l, c);
    if (!fn) return false;
    if (l->gpu) { frame_call(l, r, fn, c->code, NULL); return true; } /* no Run: a GPU thread does not recurse */
    LLVMValueRef d = depth_now(l), d1 = depth_enter(l, r, d, false);
    if (!d1) return true;
    bool keep = ll_calls(c->ir, NULL); /* a callee that calls nothing reads no depth: no store */
    if (keep) st(l, d1, depth_ptr(l));
    frame_call(l, r, fn, c->code, keep ? d : NULL);
    return true;
}

/* ---- fastmath: libm calls the loop vectorizer may widen ----
 * Under --fastmath a math call names its libmvec variant (glibc's vector math
 * library, within 4 ulp where libm is within 1) through the vector-function ABI
 * attribute, and libm's routine is declared pure (kiln never reads errno), so
 * the loop vectorizer can call _ZGVdN4v_exp on four lanes instead of exp four
 * times: the exp/sqrt kernel becomes bandwidth-bound. Without fastmath the
 * calls stay nobuiltin and every tier rounds the same. */
LLVMValueRef ll_pure_fn(L *l, const char *name, LLVMTypeRef fty) {
    LLVMValueRef f = LLVMGetNamedFunction(l->m, name);
    if (f) return f;
    f = LLVMAddFunction(l->m, name, fty);
    ll_fn_attr(l, f, "nounwind");
    ll_fn_attr(l, f, "willreturn");
    /* memory(none), 0, from LLVM 16; readnone before (16 keeps it for parameters only) */
    unsigned mem = LLVMGetEnumAttributeKindForName("memory", 6);
    LLVMAttributeRef a = mem ? LLVMCreateEnumAttribute(l->cx, mem, 0) : LLVMCreateEnumAttribute(l->cx, LLVMGetEnumAttributeKindForName("readnone", 8), 0);
    LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, a);
    return f;
}

/* libm's `name` of nargs float64 arguments, called on x: under fastmath with
 * its libmvec variant named, when this CPU has one and kiln's loader can bind it */
static LLVMValueRef libm_call(L *l, const char *name, LLVMValueRef *x, int nargs) {
    LLVMTypeRef d[2] = {l->f64, l->f64}, ft = LLVMFunctionType(l->f64, d, (unsigned)nargs, 0);
    if (l->gpu) { /* libdevice's routine (linked into the module by nvptx.c) */
        char nv[64];
        snprintf(nv, sizeof nv, "__nv_%s", name);
        ll_gpu_math_used(l, name);
        return LLVMBuildCall2(l->b, ft, ll_pure_fn(l, nv, ft), x, (unsigned)nargs, "");
    }
    char vname[64];
    snprintf(vname, sizeof vname, "_ZGV%cN%d%s_%s", l->visa, l->vlen, nargs == 2 ? "vv" : "v", name);
    bool vec = l->env->opt->fastmath && l->visa && H->sym(vname);
    LLVMValueRef call = LLVMBuildCall2(l->b, ft, vec ? ll_pure_fn(l, name, ft) : ll_ext_fn(l, name, ft), x, (unsigned)nargs, "");
    if (!vec) return call;
    if (!LLVMGetNamedFunction(l->m, vname)) {
        LLVMTypeRef vt = LLVMVectorType(l->f64, (unsigned)l->vlen), vp[2] = {vt, vt};
        LLVMAddFunction(l->m, vname, LLVMFunctionType(vt, vp, (unsigned)nargs, 0));
    }
    char attr[160];
    int n = snprintf(attr, sizeof attr, "_ZGV_LLVM_N%d%s_%s(%s)", l->vlen, nargs == 2 ? "vv" : "v", name, vname);
    LLVMAddCallSiteAttribute(call, LLVMAttributeFunctionIndex,
                             LLVMCreateStringAttribute(l->cx, "vector-function-abi-variant", 27, attr, (unsigned)n));
    return call;
}

/* the vector variants declared for libm_call, kept in llvm.compiler.used: the
 * pipeline would drop them as unused before the vectorizer looks for them */
static void keep_vector_variants(L *l) {
    enum { VARIANTS_MAX = 64 }; /* past it a variant may be dropped: its loop stays scalar, never wrong */
    LLVMValueRef v[VARIANTS_MAX];
    unsigned n = 0;
    for (LLVMValueRef f = LLVMGetFirstFunction(l->m); f && n < VARIANTS_MAX; f = LLVMGetNextFunction(f))
        if (!strncmp(LLVMGetValueName(f), "_ZGV", 4)) v[n++] = LLVMConstBitCast(f, LLVMPointerType(l->i8, 0));
    if (!n) return;
    LLVMTypeRef at = LLVMArrayType(LLVMPointerType(l->i8, 0), n);
    LLVMValueRef g = LLVMAddGlobal(l->m, at, "llvm.compiler.used");
    LLVMSetInitializer(g, LLVMConstArray(LLVMPointerType(l->i8, 0), v, n));
    LLVMSetLinkage(g, LLVMAppendingLinkage);
    LLVMSetSection(g, "llvm.metadata");
}

/* math functions: the same libm routine the interpreter calls, by address, with
 * CPython's error rules inline (NaN from a number is a domain error; infinity
 * from a finite number a range error for the functions that can overflow) */
/* CPython's cmath on complex128 values (rt/cmath.c's rt_pycmath, by name from the runtime's symbol table): the
 * operands' parts through a small buffer in the entry block, the result's parts read back, and the error it returns
 * raised as the interpreter raises it (ValueError / OverflowError, "math domain error" / "math range error") */
static bool pycmath_call(L *l, Ref r) {
    Ins *in = IN(l, r);
    if (l->gpu) return false;
    LLVMValueRef buf = ll_entry_alloca(l, l->f64, 6, "cmath"), p[6];
    for (int k = 0; k < 6; k++) {
        LLVMValueRef ix = ci64(l, k);
        p[k] = LLVMBuildInBoundsGEP2(l->b, l->f64, buf, &ix, 1, "");
    }
    for (uint32_t j = 0; j < in->n && j < 2; j++) {
        LV *v = &l->val[AR(l, r, j)];
        for (int c = 0; c < v->n && c < 2; c++) LLVMBuildStore(l->b, v->v[c], p[2 * j + (uint32_t)c]);
    }
    LLVMTypeRef args[4] = {l->i32, l->ptr, l->ptr, l->ptr};
    LLVMTypeRef ft = LLVMFunctionType(l->i32, args, 4, 0);
    LLVMValueRef av[4] = {LLVMConstInt(l->i32, (unsigned long long)in->aux, 0), p[0], p[2], p[4]};
    LLVMValueRef err = LLVMBuildCall2(l->b, ft, ll_ext_fn(l, "rt_pycmath", ft), av, 4, "");
    l->val[r] = pair(LLVMBuildLoad2(l->b, l->f64, p[4], ""), LLVMBuildLoad2(l->b, l->f64, p[5], ""));
    static const RtErr codes[2] = {RE_MATH_DOMAIN, RE_MATH_RANGE};
    for (int k = 0; k < 2; k++) {
        XCall *x = ll_xcall(l, r);
        if (!x) return true;
        x->code = codes[k];
        ll_raise_if(l, LLVMBuildICmp(l->b, LLVMIntEQ, err, LLVMConstInt(l->i32, codes[k], 0), ""), H->error, x, NULL, NULL);
    }
    return true;
}

static bool math_call(L *l, Ref r) {
    Ins *in = IN(l, r);
    if (cls(in->ty) == 'Z' && !(in->flags & INS_NUMPY)) return pycmath_call(l, r); /* Python's cmath */
    if (cls(in->ty) == 'Z' || cls(in->ty) == 'z') return false; /* complex: libm's c* through the helper */
    if (in->aux == MF_HYPOT && !(in->flags & INS_NUMPY)) return false; /* math.hypot: CPython's vector_norm (rt/arith.c) */
    if (l->gpu && (in->flags & INS_NUMPY)) {
        LLVMValueRef f = ll_gpu_math_f32(l, &ir_mathfns[in->aux], V(l, AR(l, r, 0)));
        if (f) { l->val[r] = one(f); return true; }
    }
    /* the math-function table (ir/mathfn.h): its LLVM intrinsic (correctly rounded in hardware
     * and in libm alike), else its libm routine by name; its error rule checked inline below */
    const MathFn *m = &ir_mathfns[in->aux];
    LLVMTypeRef d1[1] = {l->f64};
    LLVMValueRef x = V(l, AR(l, r, 0)), res = NULL;
    int check = m->errors; /* ME_DOMAIN 1, ME_RANGE 2: an infinity from a finite x is then a range error */
    if (m->intrinsic && m->arity == 1) {
        LLVMValueRef fn = LLVMGetIntrinsicDeclaration(l->m, LLVMLookupIntrinsicID(m->intrinsic, strlen(m->intrinsic)), d1, 1);
        res = LLVMBuildCall2(l->b, LLVMFunctionType(l->f64, d1, 1, 0), fn, &x, 1, "");
    } else if (m->f1) {
        res = libm_call(l, m->name, &x, 1);
    } else if (in->aux == MF_POW) { /* np.power of floats and math.pow: C's pow (rt/arith.c), squares and cubes inline */
        LLVMValueRef args[2] = {x, V(l, AR(l, r, 1))};
        res = pow_call(l, args);
    } else if (m->f2) {
        LLVMValueRef args[2] = {x, V(l, AR(l, r, 1))};
        res = libm_call(l, m->name, args, 2);
    }
    if (!res) return false;
    if (check && !(in->flags & INS_NUMPY)) { /* math_1's rule on x, math_2's on x and y */
        LLVMValueRef inf = LLVMConstReal(l->f64, INFINITY);
        LLVMValueRef y = m->arity == 2 ? V(l, AR(l, r, 1)) : x;
        LLVMValueRef nan_from_num = LLVMBuildAnd(l->b, LLVMBuildFCmp(l->b, LLVMRealUNO, res, res, ""),
                                                 LLVMBuildFCmp(l->b, LLVMRealORD, x, y, ""), "");
        XCall *kd = ll_xcall(l, r);
        if (!kd) return true;
        kd->code = RE_MATH_DOMAIN;
        LLVMValueRef fabs_fn = LLVMGetIntrinsicDeclaration(l->m, LLVMLookupIntrinsicID("llvm.fabs", 9), d1, 1);
        LLVMTypeRef ft = LLVMFunctionType(l->f64, d1, 1, 0);
        LLVMValueRef ar = LLVMBuildCall2(l->b, ft, fabs_fn, &res, 1, ""), ax = LLVMBuildCall2(l->b, ft, fabs_fn, &x, 1, "");
        LLVMValueRef ay = LLVMBuildCall2(l->b, ft, fabs_fn, &y, 1, "");
        LLVMValueRef inf_from_finite = LLVMBuildAnd(l->b, LLVMBuildFCmp(l->b, LLVMRealOEQ, ar, inf, ""),
                                                    LLVMBuildAnd(l->b, LLVMBuildFCmp(l->b, LLVMRealOLT, ax, inf, ""),
                                                                 LLVMBuildFCmp(l->b, LLVMRealOLT, ay, inf, ""), ""), "");
        ll_raise_if(l, nan_from_num, H->error, kd, NULL, NULL);
        XCall *kr = ll_xcall(l, r);
        if (!kr) return true;
        kr->code = check == 2 ? RE_MATH_RANGE : RE_MATH_DOMAIN;
        ll_raise_if(l, inf_from_finite, H->error, kr, NULL, NULL);
    }
    l->val[r] = one(res);
    return true;
}

static LV constant(L *l, Ref r) {
    Ins *in = IN(l, r);
    Scalar *sc = &l->f->cst.v[in->aux];
    switch (cls(in->ty)) {
    case 'F': return one(LLVMConstReal(l->f64, sc->f));
    case 'S': return one(LLVMConstReal(l->f32, sc->f));
    case 'Z': { LV v = {{LLVMConstReal(l->f64, sc->c[0]), LLVMConstReal(l->f64, sc->c[1])}, 2}; return v; }
    case 'z': { LV v = {{LLVMConstReal(l->f32, sc->c[0]), LLVMConstReal(l->f32, sc->c[1])}, 2}; return v; }
    default: return one(ci64(l, sc->i));
    }
}
LV ll_constant(L *l, Ref r) { return constant(l, r); }

/* a constant's value: a scalar's, or for a zero placeholder of a list's, a string's ... type (a phi's value before a
 * loop first sets it, as a max()'s best item) the null address, so that no phi loses the edge it comes in on */
static void const_value(L *l, Ref r) {
    const Type *t = IN(l, r)->ty;
    if (t->kind == T_SCALAR) l->val[r] = constant(l, r);
    else if (ty_is_ref(t)) l->val[r] = one(ci64(l, 0));
}

/* an argument from its slot; the lengths its specialization fixes (static shapes) as constants, so
 * LLVM sees the trip counts and, for a C-contiguous array, the strides they make */
LV ll_arg_value(L *l, Ref r) {
    Ins *in = IN(l, r);
    LV v = l->direct ? ll_direct_arg(l, (uint32_t)in->aux) : load_value(l, in->ty, l->c->slot[r]);
    int64_t n;
    if (in->ty->kind == T_ARRAY)
        for (int k = 0; k < in->ty->ndim; k++) if (ir_fixed_dim(l->f, r, k, &n)) v.v[1 + k] = ci64(l, n);
    return v;
}

static void ins(L *l, Ref r) {
    Ins *in = IN(l, r);
    if (in->line) l->at_line = (int)in->line;
    if (l->ndefer && !ll_gpu_deferrable(l, r)) ll_gpu_flush(l);
    if (in->op == OP_FRAME) { /* a call opt/inline.c inlined: its depth check; a GPU thread does not recurse */
        const RecurSite *rs = recur_site(l, r);
        if (rs) recall(l, r, rs);
        else if (!l->gpu) depth_enter(l, r, LLVMBuildAdd(l->b, depth_now(l), LLVMConstInt(l->i32, (unsigned long long)in->aux, 0), ""), false);
        return;
    }
    if (!in->ty && in->op != OP_STORE && in->op != OP_FILL && in->op != OP_CALL && in->op != OP_LIB) return;
    switch (in->op) {
    case OP_CONST: const_value(l, r); return;
    case OP_ARG: if (ty_is_leaf(in->ty)) l->val[r] = ll_arg_value(l, r); return;
    case OP_EXTRACT:
        if (ty_is_leaf(in->ty)) l->val[r] = load_value(l, in->ty, l->c->slot[r]);
        return;
    case OP_PARAM: return; /* phis, made with the block */
    case OP_LVIEW: { /* an RtList starts with its items' view: data, length, item size */
        LLVMValueRef p = LLVMBuildIntToPtr(l->b, V(l, AR(l, r, 0)), l->ptr, "");
        LV v = {{ll_tbaa(l, ld(l, l->ptr, p), TBAA_LIST)}, 3};
        for (int k = 1; k < 3; k++) {
            LLVMValueRef off = ci64(l, 8 * k);
            v.v[k] = ll_tbaa(l, ld(l, l->i64, LLVMBuildGEP2(l->b, l->i8, p, &off, 1, "")), TBAA_LIST);
        }
        l->val[r] = v;
        return;
    }
    case OP_DIM: l->val[r] = one(l->val[AR(l, r, 0)].v[1 + in->aux]); return;
    case OP_STRIDE: l->val[r] = one(l->val[AR(l, r, 0)].v[1 + IN(l, AR(l, r, 0))->ty->ndim + in->aux]); return;
    case OP_MKVIEW: mkview(l, r); return;
    case OP_VIEW:
        if (l->gpu) ll_via_helper(l, r); /* a row of an index whose check a GPU kernel defers: not here */
        else view(l, r);
        return;
    case OP_DATA: l->val[r] = one(LLVMBuildPtrToInt(l->b, l->val[AR(l, r, 0)].v[0], l->i64, "")); return;
    case OP_BOUND: bound(l, r); return;
    case OP_LOAD: load(l, r); return;
    case OP_STORE: store(l, r); return;
    case OP_CAST: cast(l, r); return;
    case OP_SELECT: {
        LV *a = &l->val[AR(l, r, 1)], *b = &l->val[AR(l, r, 2)];
        LLVMValueRef c = LLVMBuildICmp(l->b, LLVMIntNE, V(l, AR(l, r, 0)), ci64(l, 0), "");
        LV v = {{0}, a->n};
        for (int k = 0; k < a->n; k++) v.v[k] = LLVMBuildSelect(l->b, c, a->v[k], b->v[k], "");
        l->val[r] = v;
        return;
    }
    case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE: compare(l, r); return;
    case OP_ADD: case OP_SUB: case OP_MUL: case OP_DIV: case OP_NEG: case OP_AND: case OP_OR: case OP_XOR:
    case OP_INV: case OP_NOT: case OP_FLOORDIV: case OP_MOD: case OP_POW: case OP_SHL: case OP_SHR:
        arith(l, r);
        return;
    case OP_MATH:
        if (!math_call(l, r)) ll_via_helper(l, r);
        return;
    case OP_CONJ:
        if (l->val[AR(l, r, 0)].n != 2 || !complex_arith(l, r)) ll_via_helper(l, r);
        return;
    case OP_REAL: case OP_IMAG: {
        LV *x = &l->val[AR(l, r, 0)];
        if (x->n != 2) { ll_via_helper(l, r); return; }
        l->val[r] = one(x->v[in->op == OP_IMAG]);
        return;
    }
    case OP_CPLX: l->val[r] = pair(V(l, AR(l, r, 0)), V(l, AR(l, r, 1))); return;
    case OP_ABS:
        if (!absolute(l, r)) ll_via_helper(l, r);
        return;
    case OP_LIB:
        if ((in->aux & 0xff) == LIB_AFREE && (l->gpu || LLVMIsAAllocaInst(V(l, AR(l, r, 0))))) return; /* in the frame */
        if ((in->aux & 0xff) == LIB_AFREE && afree_dyn(l, r)) return;
        if (l->gpu && (in->aux & 0xff) == LIB_GPU) ll_gpu_op(l, r);
        else if (l->gpu && (in->aux & 0xff) == LIB_INT_BOUNDS) ll_gpu_int_bounds(l, r);
        else if ((in->aux & 0xff) == LIB_RANDOM ? !ll_random_op(l, r) : !ll_container_op(l, r)) ll_via_helper(l, r);
        return;
    case OP_ALLOC:
        if (l->gpu) ll_gpu_alloc(l, r);
        else if (!local_array(l, r) && !dyn_local_array(l, r)) { ll_via_helper(l, r); alloc_dims(l, r); }
        return;
    default: ll_via_helper(l, r);
    }
}

/* ---- the function ---- */

static void make_phis(L *l, uint32_t bi) {
    Block *b = &l->f->blocks.v[bi];
    for (uint32_t k = 0; k < b->params.n; k++) {
        Ref p = b->params.v[k];
        LLVMTypeRef ty[MAXC];
        int n = comps(l, IN(l, p)->ty, ty);
        l->val[p].n = n;
        for (int c = 0; c < n; c++) l->val[p].v[c] = LLVMBuildPhi(l->b, ty[c], "");
        l->phi[p] = l->val[p];
    }
}

/* LLVM's diagnostics: warnings and remarks (a vectorization hint it could not follow) are not the
 * user's business, and its default handler would print them to stderr (or exit on an error) */
static void diagnostic(LLVMDiagnosticInfoRef d, void *cx) {
    L *l = cx;
    if (LLVMGetDiagInfoSeverity(d) == LLVMDSError && !l->bail) l->bail = "LLVM reported an error";
}

/* the loop metadata of a back edge: vectorize (LOOP_VEC_HINT: LLVM may reorder nothing there, reorders() saw to it),
 * with ic vectors a trip where that is more than one, or the last vector masked (vector_trip), or unroll whole
 * (LOOP_UNROLL: its parent, a loop with no recurrence of its own, then has straight-line code inside and vectorizes
 * across its own iterations, each lane one sum in Python's order, as gcc does a small matmul) */
static void loop_hint(L *l, LLVMValueRef br, uint8_t flags) {
    LLVMMetadataRef tmp = LLVMTemporaryMDNode(l->cx, NULL, 0), i1 = LLVMValueAsMetadata(LLVMConstInt(l->i1, 1, 0));
    LLVMMetadataRef en[2] = {LLVMMDStringInContext2(l->cx, "llvm.loop.vectorize.enable", 26), i1};
    int ic = 1 << ((flags >> LOOP_IC_SHIFT) & 3);
    LLVMMetadataRef il[2] = {LLVMMDStringInContext2(l->cx, "llvm.loop.interleave.count", 26),
                             LLVMValueAsMetadata(LLVMConstInt(l->i32, (unsigned long long)ic, 0))};
    LLVMMetadataRef pe[2] = {LLVMMDStringInContext2(l->cx, "llvm.loop.vectorize.predicate.enable", 36), i1};
    LLVMMetadataRef full = LLVMMDStringInContext2(l->cx, "llvm.loop.unroll.full", 21);
    LLVMMetadataRef ops[3] = {tmp};
    size_t n = 1;
    if (flags & LOOP_UNROLL) ops[n++] = LLVMMDNodeInContext2(l->cx, &full, 1);
    else {
        ops[n++] = LLVMMDNodeInContext2(l->cx, en, 2);
        if (ic > 1) ops[n++] = LLVMMDNodeInContext2(l->cx, il, 2);
        else if (flags & LOOP_MASKED) ops[n++] = LLVMMDNodeInContext2(l->cx, pe, 2);
    }
    LLVMMetadataRef loop = LLVMMDNodeInContext2(l->cx, ops, n);
    LLVMMetadataReplaceAllUsesWith(tmp, loop);
    LLVMSetMetadata(br, LLVMGetMDKindIDInContext(l->cx, "llvm.loop", 9), LLVMMetadataAsValue(l->cx, loop));
}

static void terminator(L *l, uint32_t bi) {
    Block *b = &l->f->blocks.v[bi];
    if (ll_tile(l, bi)) { l->end[bi] = LLVMGetInsertBlock(l->b); return; } /* into a small matmul nest: its tile */
    ll_scan(l, bi); /* a scan's test: its skip first, then the terminator as written */
    switch (b->term) {
    case TERM_JMP: {
        const RecurSite *rs = b->ins.n ? recur_site(l, b->ins.v[b->ins.n - 1]) : NULL;
        if (rs) { /* the call was made (recall): to the copy's continuation, the result its parameter */
            LLVMBuildBr(l->b, l->bb[rs->cont]);
            Block *cb = &l->f->blocks.v[rs->cont];
            LV *av = &l->val[rs->site];
            LLVMBasicBlockRef from = LLVMGetInsertBlock(l->b);
            for (int c = 0; cb->params.n && c < l->phi[cb->params.v[0]].n && c < av->n; c++)
                LLVMAddIncoming(l->phi[cb->params.v[0]].v[c], &av->v[c], &from, 1);
            break;
        }
        LLVMValueRef br = LLVMBuildBr(l->b, l->bb[b->succ[0].to]);
        if (l->loopflags && (l->loopflags[bi] & (LOOP_VEC_HINT | LOOP_UNROLL))) loop_hint(l, br, l->loopflags[bi]);
        break;
    }
    case TERM_BR: {
        LLVMValueRef c = LLVMBuildICmp(l->b, LLVMIntNE, V(l, b->cond), ci64(l, 0), "");
        LLVMBuildCondBr(l->b, c, l->bb[b->succ[0].to], l->bb[b->succ[1].to]);
        break;
    }
    case TERM_RET: {
        if (l->direct) {
            LV vals[MAXC];
            uint32_t n = 0;
            for (uint32_t k = 0; k < b->rets.n && n < MAXC; k++) vals[n++] = l->val[b->rets.v[k]];
            ll_direct_return(l, vals, n);
            break;
        }
        int32_t o = 0;
        for (uint32_t k = 0; k < b->rets.n; k++) {
            Ref v = b->rets.v[k];
            const Type *t = IN(l, v)->ty;
            for (int c = 0; c < l->val[v].n; c++) {
                LLVMValueRef off = ci64(l, 8 * o + comp_off(t, c));
                st(l, l->val[v].v[c], LLVMBuildGEP2(l->b, l->i8, l->ret, &off, 1, ""));
            }
            o += slots_of(t);
        }
        if (l->gpu && l->depth == 0) LLVMBuildRetVoid(l->b); /* a kernel's result is None */
        else LLVMBuildRet(l->b, LLVMConstInt(l->i32, 0, 0));
        break;
    }
    case TERM_RAISE: {
        XCall *k = ll_xcall(l, 0);
        if (!k) return;
        k->line = (int)b->line;
        k->ename = l->f->strs.v[b->ename];
        k->emsg = b->emsg >= 0 ? l->f->strs.v[b->emsg] : "";
        if (l->gpu) { ll_gpu_raise(l, H->raise, k, NULL, NULL); break; }
        if (b->nsucc) { /* in a try body: the exception set, on to the handlers */
            LLVMValueRef fp = ll_ext_fn(l, helper_name(H->raise), l->helper_ty);
            LLVMValueRef args[3] = {l->frame, l->run, xcall_ptr(l, k)};
            LLVMBuildCall2(l->b, l->helper_ty, fp, args, 3, "");
            LLVMBuildBr(l->b, l->bb[b->succ[0].to]);
            break;
        }
        call_helper(l, H->raise, k);
        LLVMBuildBr(l->b, l->err);
        break;
    }
    case TERM_TRY: LLVMBuildBr(l->b, l->bb[b->succ[0].to]); break; /* the raised edge: the block's raises (l->err) */
    case TERM_RERAISE: LLVMBuildBr(l->b, l->err_exit); break;
    default: (void)ir_check(false, &l->bail, "a block without a terminator");
    }
    l->end[bi] = LLVMGetInsertBlock(l->b);
}

static void add_incoming(L *l) {
    Func *f = l->f;
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        Block *b = &f->blocks.v[bi];
        if (b->dead || !b->params.n) continue;
        for (uint32_t q = 0; q < b->preds.n; q++) {
            Pred pr = b->preds.v[q];
            if (f->blocks.v[pr.blk].dead) continue;
            Edge *e = &f->blocks.v[pr.blk].succ[pr.succ];
            for (uint32_t k = 0; k < b->params.n; k++) {
                LV *pv = &l->phi[b->params.v[k]], *av = &l->val[e->args.v[k]];
                for (int c = 0; c < pv->n && c < av->n; c++) {
                    LLVMValueRef v = av->v[c];
                    LLVMBasicBlockRef from = l->end[pr.blk];
                    LLVMAddIncoming(pv->v[c], &v, &from, 1);
                }
            }
        }
    }
}

/* ---- OSR entries ---- */

/* use(arg, a) for each value block bi uses (its instructions' operands, its edges' arguments, its branch's condition,
 * its return values) that another block defines: what an OSR entry hands between blocks */
static void outside_uses(Func *f, uint32_t bi, void (*use)(void *arg, Ref a), void *arg) {
    Block *b = &f->blocks.v[bi];
    for (uint32_t k = 0; k < b->ins.n; k++)
        for (uint32_t j = 0; j < f->ins.v[b->ins.v[k]].n; j++) {
            Ref a = ir_arg(f, b->ins.v[k], j);
            if (f->ins.v[a].blk != bi) use(arg, a);
        }
    for (int s = 0; s < b->nsucc; s++)
        for (uint32_t k = 0; k < b->succ[s].args.n; k++) if (f->ins.v[b->succ[s].args.v[k]].blk != bi) use(arg, b->succ[s].args.v[k]);
    if (b->term == TERM_BR && f->ins.v[b->cond].blk != bi) use(arg, b->cond);
    for (uint32_t k = 0; k < b->rets.n; k++) if (f->ins.v[b->rets.v[k]].blk != bi) use(arg, b->rets.v[k]);
}

static void mark_cross(void *arg, Ref a) { ((L *)arg)->cross[a] = true; }

/* the loop headers the entry starts at (ir_osr_heads: every one of tier 1's where that costs little, else the one
 * asked for), the blocks reachable from them, and the values used outside their block */
static bool osr_scan(L *l) {
    Func *f = l->f;
    uint32_t nb = f->blocks.n;
    l->reach = calloc(nb + 1, 1);
    l->heads = calloc(nb + 1, 1);
    l->cross = calloc(f->ins.n + 1, 1);
    l->home = calloc(f->ins.n + 1, sizeof *l->home);
    if (!l->reach || !l->heads || !l->cross || !l->home || !H->osr_heads(f, (uint32_t)l->osr, l->heads, l->reach)) return false;
    for (uint32_t bi = 0; bi < nb; bi++)
        if (!f->blocks.v[bi].dead && l->reach[bi]) outside_uses(f, bi, mark_cross, l);
    return true;
}

/* in the entry block: constants and arguments as usual, values of blocks the
 * entry skips from their frame slots, homes for the rest seeded from theirs; hv: the headers' parameters as the
 * frame holds them (the values their phis get from the entry) */
static void osr_entry(L *l, LV *hv) {
    Func *f = l->f;
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        Block *b = &f->blocks.v[bi];
        if (b->dead) continue;
        for (uint32_t k = 0; k < b->ins.n; k++) {
            Ref r = b->ins.v[k];
            Ins *in = IN(l, r);
            if (!in->ty || !ty_is_leaf(in->ty)) continue;
            if (in->op == OP_CONST) { const_value(l, r); continue; }
            if (in->op == OP_ARG) { l->val[r] = ll_arg_value(l, r); continue; }
            if (!l->reach[bi]) { l->val[r] = load_value(l, in->ty, l->c->slot[r]); continue; }
            LV v = load_value(l, in->ty, l->c->slot[r]);
            if (l->heads[bi] && in->op == OP_PARAM) hv[r] = v;
            if (!l->cross[r]) continue;
            LLVMTypeRef ty[MAXC];
            int n = comps(l, in->ty, ty);
            l->home[r].n = n;
            for (int c = 0; c < n; c++) {
                l->home[r].v[c] = LLVMBuildAlloca(l->b, ty[c], "home");
                LLVMBuildStore(l->b, v.v[c], l->home[r].v[c]);
            }
        }
    }
}

/* a home block row uses (osr_liveness's gen) */
typedef struct Gen { L *l; uint64_t *row; } Gen;
static void mark_gen(void *arg, Ref a) {
    Gen *g = arg;
    if (g->l->home[a].n) g->row[g->l->home_id[a] / 64] |= 1ull << (g->l->home_id[a] % 64);
}

/* which homes are live into each block of the entry (a value used there or after), so that a block reads only
 * those: reading every home at every block start made LLVM's work blocks x values (a 265 KB function's entry took
 * 13 s). Backward dataflow over the entry's blocks, one bit per home; none (every home read) where the sets would
 * take more than 32 MB */
static void osr_liveness(L *l, const uint32_t *order, uint32_t norder) {
    Func *f = l->f;
    uint32_t nh = 0, nb = f->blocks.n;
    l->home_id = calloc(f->ins.n + 1, sizeof *l->home_id);
    if (!l->home_id) return;
    for (Ref r = 1; r < f->ins.n; r++) if (l->home[r].n) l->home_id[r] = nh++;
    size_t w = (nh + 63) / 64;
    if (!nh || (size_t)nb * w > ((size_t)4 << 20)) return;
    uint64_t *gen = calloc((size_t)nb * w, 8), *live = calloc((size_t)nb * w, 8), *t = calloc(w, 8);
    if (!gen || !live || !t) { free(gen); free(live); free(t); return; }
    for (uint32_t i = 0; i < norder; i++) {
        Gen g = {l, &gen[(size_t)order[i] * w]};
        outside_uses(f, order[i], mark_gen, &g);
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (uint32_t i = norder; i-- > 0;) {
            uint32_t bi = order[i];
            Block *b = &f->blocks.v[bi];
            uint64_t *in = &live[(size_t)bi * w];
            memset(t, 0, w * 8); /* t: live out, less what the block defines, plus what it uses */
            for (int s = 0; s < b->nsucc; s++)
                if (l->reach[b->succ[s].to]) for (size_t q = 0; q < w; q++) t[q] |= live[(size_t)b->succ[s].to * w + q];
            for (uint32_t k = 0; k < b->params.n + b->ins.n; k++) {
                Ref r = k < b->params.n ? b->params.v[k] : b->ins.v[k - b->params.n];
                if (l->home[r].n) t[l->home_id[r] / 64] &= ~(1ull << (l->home_id[r] % 64));
            }
            for (size_t q = 0; q < w; q++) {
                t[q] |= gen[(size_t)bi * w + q];
                if (t[q] != in[q]) { in[q] = t[q]; changed = true; }
            }
        }
    }
    free(gen);
    free(t);
    l->live = live;
    l->live_w = w;
}

/* the entry's way in: to the header Run.osr_at names (jit/tier.c sets it to the one tier 1 was hot at), or, where
 * that is not one of the headers (tier 1 and ir_loop_heads disagree: never, but not a wrong jump), OSR_NOT_HERE */
static void osr_switch(L *l) {
    Func *f = l->f;
    LLVMValueRef at = ld(l, l->i32, ll_field(l, l->run, offsetof(Run, osr_at)));
    LLVMBasicBlockRef none = LLVMAppendBasicBlockInContext(l->cx, l->fn, "osr.none");
    unsigned n = 0;
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) n += l->heads[bi] && l->bb[bi];
    LLVMValueRef sw = LLVMBuildSwitch(l->b, at, none, n);
    for (uint32_t bi = 0; bi < f->blocks.n; bi++)
        if (l->heads[bi] && l->bb[bi]) LLVMAddCase(sw, LLVMConstInt(l->i32, bi, 0), l->bb[bi]);
    LLVMPositionBuilderAtEnd(l->b, none);
    LLVMBuildRet(l->b, LLVMConstInt(l->i32, OSR_NOT_HERE, 0));
    LLVMPositionBuilderAtEnd(l->b, l->entry);
}

/* at the top of block bi: the values of other blocks from their homes, and
 * this block's parameters (its phis) into theirs */
static void osr_block_start(L *l, uint32_t bi) {
    Func *f = l->f;
    for (Ref r = 1; r < f->ins.n; r++) {
        LV *h = &l->home[r];
        if (!h->n) continue;
        if (f->ins.v[r].blk == bi && f->ins.v[r].op == OP_PARAM) {
            for (int c = 0; c < h->n; c++) LLVMBuildStore(l->b, l->phi[r].v[c], h->v[c]);
            l->val[r] = l->phi[r];
            continue;
        }
        if (l->live && !(l->live[(size_t)bi * l->live_w + l->home_id[r] / 64] >> (l->home_id[r] % 64) & 1)) continue;
        LLVMTypeRef ty[MAXC];
        comps(l, f->ins.v[r].ty, ty);
        LV v = {{0}, h->n};
        for (int c = 0; c < h->n; c++) v.v[c] = LLVMBuildLoad2(l->b, ty[c], h->v[c], "");
        l->val[r] = v;
    }
}

static void osr_def(L *l, Ref r) {
    LV *h = &l->home[r];
    for (int c = 0; c < h->n && c < l->val[r].n; c++) LLVMBuildStore(l->b, l->val[r].v[c], h->v[c]);
}

/* block bi's edges as phi incomings, while the arguments' values are current */
static void osr_incoming(L *l, uint32_t bi) {
    Block *b = &l->f->blocks.v[bi];
    if (b->term != TERM_JMP && b->term != TERM_BR && b->term != TERM_TRY && b->term != TERM_RAISE) return;
    for (int s = 0; s < b->nsucc; s++) {
        Block *to = &l->f->blocks.v[b->succ[s].to];
        for (uint32_t k = 0; k < to->params.n; k++) {
            LV *pv = &l->phi[to->params.v[k]], *av = &l->val[b->succ[s].args.v[k]];
            for (int c = 0; c < pv->n && c < av->n; c++) {
                LLVMValueRef v = av->v[c];
                LLVMBasicBlockRef from = l->end[bi];
                LLVMAddIncoming(pv->v[c], &v, &from, 1);
            }
        }
    }
}

/* ---- kiln_interrupt ----
 * Run.intr (the context's count) against Run.epoch (its value when the call began), as tiers 0
 * and 1 check it at every back edge. Tier 2 checks at every 16th level of a self-recursion (calls
 * through the frame helper check there), at the headers of loops that contain a call, and on the way into the
 * loops inside another loop (check_inner_entries; but a nest of constant trip counts, const_trips); an innermost
 * call-free loop has no check, because
 * an exit in its body would keep LLVM from vectorizing it (include/kiln.h says so). */
static void intr_check_at(L *l, Ref r) {
    XCall *k = ll_xcall(l, r);
    if (!k) return;
    k->code = RE_INTERRUPT;
    LLVMValueRef pp = run_invariant(l, ld(l, l->ptr, ll_field(l, l->run, offsetof(Run, intr))));
    LLVMValueRef now = ld(l, l->i64, pp);
    LLVMSetVolatile(now, 1); /* another thread changes it: read it on every pass */
    LLVMValueRef ep = run_invariant(l, ld(l, l->i64, ll_field(l, l->run, offsetof(Run, epoch))));
    ll_raise_if(l, LLVMBuildICmp(l->b, LLVMIntNE, now, ep, ""), H->error, k, NULL, NULL);
}

static void intr_check(L *l, uint32_t bi) {
    Block *b = &l->f->blocks.v[bi];
    uint32_t i = 0;
    while (i + 1 < b->ins.n && !l->f->ins.v[b->ins.v[i]].line) i++; /* the loop's line, as tiers 0 and 1 */
    intr_check_at(l, b->ins.n ? b->ins.v[i] : 0);
}

/* a counted loop with constant bounds (for i in range(8), the 8 a static shape made): its header h branches on
 * p < end, p a parameter of h that enters as the constant start and comes back as p + 1 on the edges from the
 * blocks back(cx, pred) says close the loop. p, or 0 for any other loop */
Ref ll_counted(Func *f, uint32_t h, bool (*back)(const void *cx, uint32_t pred), const void *cx, int64_t *start, int64_t *end) {
    Block *b = &f->blocks.v[h];
    if (b->term != TERM_BR) return 0;
    Ins *c = &f->ins.v[b->cond];
    if (c->op != OP_LT) return 0;
    Ref p = ir_arg(f, b->cond, 0), n = ir_arg(f, b->cond, 1);
    Ins *pi = &f->ins.v[p], *ni = &f->ins.v[n];
    if (pi->op != OP_PARAM || pi->blk != h || ni->op != OP_CONST || !ni->ty || !dt_is_int(ni->ty->dtype)) return 0;
    bool entered = false;
    for (uint32_t k = 0; k < b->preds.n; k++) {
        Pred pr = b->preds.v[k];
        Edge *e = &f->blocks.v[pr.blk].succ[pr.succ];
        if (pi->aux >= e->args.n) return 0;
        Ref v = e->args.v[pi->aux];
        Ins *vi = &f->ins.v[v];
        if (!back(cx, pr.blk)) { /* from outside: a constant */
            if (vi->op != OP_CONST || entered) return 0;
            *start = f->cst.v[vi->aux].i;
            entered = true;
        } else { /* a back edge: p + 1 */
            if (vi->op != OP_ADD || ir_arg(f, v, 0) != p) return 0;
            Ins *one = &f->ins.v[ir_arg(f, v, 1)];
            if (one->op != OP_CONST || f->cst.v[one->aux].i != 1) return 0;
        }
    }
    *end = f->cst.v[ni->aux].i;
    return entered ? p : 0;
}

/* a back edge goes to a lower place in reverse postorder */
struct Later { const uint32_t *pos; uint32_t h; };
static bool later(const void *cx, uint32_t pred) { const struct Later *w = cx; return w->pos[pred] >= w->pos[w->h]; }

/* the trips of a counted loop with constant bounds (ll_counted), -1 for any other loop */
static int64_t const_trips(Func *f, uint32_t h, const uint32_t *pos) {
    struct Later w = {pos, h};
    int64_t start, end;
    if (!ll_counted(f, h, later, &w, &start, &end)) return -1;
    return end > start ? end - start : 0;
}

/* a loop nest of constant trip counts doing at most this many inner iterations needs no check of its
 * own: it ends as soon as an innermost loop would (a few microseconds), and without the exit LLVM
 * unrolls and vectorizes it whole (static shapes: an 8 x 8 matmul's loops) */
#define INTR_BOUNDED_TRIPS (1 << 16)

/* whether LLVM, told to vectorize the loop headed h (blocks in[]), could reorder floating-point
 * arithmetic: the hint lets it (LoopVectorizeHints::allowReordering) change the order of a reduction
 * or recurrence, which changes the bits of its answer (s += x[i] over range(16)). Such a recurrence is
 * a float or complex header parameter, or a float element stored at an address the loop does not
 * vary (its indices computed from values made outside the loop), which LICM would turn into one */
static bool invariant(Func *f, Ref v, const bool *in, int depth) {
    Ins *x = &f->ins.v[v];
    if (x->blk == UINT32_MAX || !in[x->blk] || x->op == OP_CONST) return true;
    if (depth == 0 || x->op == OP_LOAD || x->op == OP_PARAM || x->op == OP_CALL || x->op == OP_LIB || x->op == OP_ALLOC) return false;
    for (uint32_t j = 0; j < x->n; j++) if (!invariant(f, ir_arg(f, v, j), in, depth - 1)) return false;
    return true;
}

static bool reorders(Func *f, uint32_t h, const bool *in) {
    Block *hb = &f->blocks.v[h];
    for (uint32_t k = 0; k < hb->params.n; k++) {
        const Type *t = f->ins.v[hb->params.v[k]].ty;
        if (t && t->kind == T_SCALAR && (dt_is_float(t->dtype) || dt_is_complex(t->dtype))) return true;
    }
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        if (!in[bi]) continue;
        Block *b = &f->blocks.v[bi];
        for (uint32_t k = 0; k < b->ins.n; k++) {
            Ref r = b->ins.v[k];
            Ins *st = &f->ins.v[r];
            if (st->op != OP_STORE) continue;
            const Type *t = f->ins.v[ir_arg(f, r, 1)].ty;
            if (!t || !(dt_is_float(t->dtype) || dt_is_complex(t->dtype))) continue;
            bool fixed = true;
            for (uint32_t j = 0; j < st->n && fixed; j++) fixed = j == 1 || invariant(f, ir_arg(f, r, j), in, 6);
            if (fixed) return true;
        }
    }
    return false;
}

/* an innermost loop of constant trips with a float recurrence is unrolled whole (LOOP_UNROLL) up to this many trips
 * and this many instructions in all: LLVM does it by itself up to ~16 trips of a small body, and a 64 x 64 matmul's
 * k loop then leaves its j loop vectorizable */
#define UNROLL_TRIPS 64
#define UNROLL_INS 1024

/* how a vectorized loop of trips constant trips runs its vectors (flags for its back edge): where its elements make
 * 2, 4 or 8 whole vectors of vbytes (its stores' narrowest element counting), as one trip of them all (LLVM's
 * interleave count, its exponent above LOOP_IC_SHIFT): left to itself LLVM runs a 64 x 64 matmul's j loop (its k
 * loop unrolled whole) one vector a trip, with a[i, k]'s 64 broadcasts hoisted out of it, more than the registers,
 * spilled and read back for each vector; one trip reads each once: float32 203 -> 115 us, float64 441 -> 195 us.
 * Where they make no whole number of 64-byte vectors (AVX-512's masked loads and stores), with the last vector
 * masked instead of a scalar remainder (LOOP_MASKED: LLVM's tail folding): the 3 x 3 stencil's 62 columns of
 * float32 ran 3 vectors, a half vector and 6 scalars, 443 -> 332 us (float64 656 -> 590; gcc -O3: 299, 577). (kiln
 * bench, static shapes; docs/benchmarks.md, seventeenth session) */
static int vector_trip(Func *f, const bool *in, int64_t trips, int vbytes) {
    int esize = 0;
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        Block *b = &f->blocks.v[bi];
        for (uint32_t k = 0; in[bi] && k < b->ins.n; k++) {
            Ins *x = &f->ins.v[b->ins.v[k]];
            if (x->op != OP_STORE) continue;
            const Type *at = f->ins.v[ir_arg(f, b->ins.v[k], 0)].ty;
            int sz = at && at->kind == T_ARRAY ? (int)H->dtype_size((kiln_dtype)at->dtype) : 0;
            if (sz && (!esize || sz < esize)) esize = sz;
        }
    }
    if (!esize || trips <= 0 || trips > 8 * vbytes) return 0;
    if ((trips * esize) % vbytes) return vbytes == 64 ? LOOP_MASKED : 0;
    int64_t v = trips * esize / vbytes;
    return (v == 2 ? 1 : v == 4 ? 2 : v == 8 ? 3 : 0) << LOOP_IC_SHIFT;
}

static uint32_t body_size(Func *f, const bool *in) {
    uint32_t n = 0;
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) if (in[bi]) n += f->blocks.v[bi].ins.n;
    return n;
}

/* the blocks of the loop headed h, in in[] (cleared first): h and every block that reaches one of its back edges'
 * sources without passing h (work: room for nb blocks) */
static void loop_body(Func *f, const uint32_t *pos, uint32_t h, bool *in, uint32_t *work) {
    uint32_t nb = f->blocks.n, sp = 0;
    memset(in, 0, nb + 1);
    in[h] = true;
    Block *hb = &f->blocks.v[h];
    for (uint32_t k = 0; k < hb->preds.n; k++)
        if (pos[hb->preds.v[k].blk] >= pos[h] && !in[hb->preds.v[k].blk]) { in[hb->preds.v[k].blk] = true; work[sp++] = hb->preds.v[k].blk; }
    while (sp) {
        Block *b = &f->blocks.v[work[--sp]];
        for (uint32_t k = 0; k < b->preds.n; k++)
            if (!in[b->preds.v[k].blk]) { in[b->preds.v[k].blk] = true; work[sp++] = b->preds.v[k].blk; }
    }
}

/* where a loop checks kiln_interrupt because loops run inside it (and no call does): on the way into each loop
 * directly inside it (the blocks of h's loop that enter an inner header x by a forward edge), not at h itself. A
 * nest of loops checks as often as before (each inner loop is entered once a trip of the loop around it), and a
 * trip that enters no inner loop is a trip of a call-free loop without one, as an innermost loop is: top_k's
 * scan, whose insertion loop runs on a few of its 10^6 trips, no longer reads the count on every trip (depth:
 * each block's number of loops around it, its own included) */
static void check_inner_entries(Func *f, const uint32_t *pos, uint32_t h, const bool *in, const bool *hdr, const uint32_t *depth,
                                uint8_t *chk) {
    for (uint32_t x = 0; x < f->blocks.n; x++) {
        if (x == h || !in[x] || !hdr[x] || depth[x] != depth[h] + 1) continue;
        Block *xb = &f->blocks.v[x];
        for (uint32_t k = 0; k < xb->preds.n; k++) {
            uint32_t p = xb->preds.v[k].blk;
            if (pos[p] < pos[x] && in[p]) chk[p] |= LOOP_CHECK;
        }
    }
}

/* LOOP_* per block: the blocks that get the interrupt check (the headers of loops that hold a call, the entries
 * of the loops inside a loop that holds another loop's header (check_inner_entries), unless the loop and those
 * inside it are counted with constant bounds of a small product), and the back edges that get the vectorization
 * hint (such a constant nest, or an innermost loop of 4 or more constant trips) (pos: each block's place in
 * reverse postorder; a back edge goes to a lower place) */
static uint8_t *loop_flags(Func *f, const uint32_t *pos, int vbytes) {
    uint32_t nb = f->blocks.n;
    uint8_t *chk = calloc(nb + 1, 1);
    bool *hdr = calloc(nb + 1, 1), *in = calloc(nb + 1, 1);
    uint32_t *work = malloc(sizeof(uint32_t) * (nb + 1)), *depth = calloc(nb + 1, sizeof(uint32_t));
    if (!chk || !hdr || !in || !work || !depth) { free(chk); free(hdr); free(in); free(work); free(depth); return NULL; }
    for (uint32_t h = 0; h < nb; h++)
        for (uint32_t k = 0; !f->blocks.v[h].dead && k < f->blocks.v[h].preds.n; k++)
            if (pos[f->blocks.v[h].preds.v[k].blk] >= pos[h]) hdr[h] = true;
    for (uint32_t h = 0; h < nb; h++) {
        if (!hdr[h]) continue;
        loop_body(f, pos, h, in, work);
        for (uint32_t bi = 0; bi < nb; bi++) depth[bi] += in[bi];
    }
    for (uint32_t h = 0; h < nb; h++) {
        if (!hdr[h]) continue;
        loop_body(f, pos, h, in, work);
        Block *hb = &f->blocks.v[h];
        int64_t trips = const_trips(f, h, pos), own = trips;
        if (trips > 0) chk[h] |= LOOP_CONST;
        bool call = false, inner = false;
        for (uint32_t bi = 0; bi < nb && !call; bi++) {
            if (!in[bi]) continue;
            if (bi != h && hdr[bi]) {
                inner = true;
                int64_t t = const_trips(f, bi, pos);
                trips = trips < 0 || t < 0 || t > INTR_BOUNDED_TRIPS ? -1 : trips * (t ? t : 1);
                if (trips > INTR_BOUNDED_TRIPS) trips = -1;
            }
            Block *b = &f->blocks.v[bi];
            for (uint32_t k = 0; k < b->ins.n && !call; k++) if (f->ins.v[b->ins.v[k]].op == OP_CALL) call = true;
        }
        int flag = 0;
        if (call) chk[h] |= LOOP_CHECK;
        else if (inner && trips < 0) check_inner_entries(f, pos, h, in, hdr, depth, chk);
        else if ((inner || trips >= 4) && !reorders(f, h, in)) flag = LOOP_VEC_HINT | vector_trip(f, in, own, vbytes);
        else if (!inner && trips > 16 && trips <= UNROLL_TRIPS && body_size(f, in) * trips <= UNROLL_INS) flag = LOOP_UNROLL;
        for (uint32_t k = 0; flag && k < hb->preds.n; k++) if (pos[hb->preds.v[k].blk] >= pos[h]) chk[hb->preds.v[k].blk] |= (uint8_t)flag;
    }
    free(hdr); free(in); free(work); free(depth);
    return chk;
}

bool ll_build(L *l, const char *name, bool avx512) {
    Func *f = l->f;
    bool kernel = l->gpu && l->depth == 0;
    if (kernel) {
        if (!ll_gpu_kernel_fn(l, name)) return false;
    } else if (!ll_direct_fn(l, name)) {
        LLVMTypeRef params[3] = {l->ptr, l->ptr, l->ptr};
        LLVMTypeRef fty = LLVMFunctionType(l->i32, params, 3, 0);
        l->fn = LLVMAddFunction(l->m, name, fty);
        l->frame = LLVMGetParam(l->fn, 0);
        l->ret = LLVMGetParam(l->fn, 1);
        l->run = LLVMGetParam(l->fn, 2);
        /* the frame is private to this call: nothing else points into it */
        LLVMAddAttributeAtIndex(l->fn, 1, LLVMCreateEnumAttribute(l->cx, LLVMGetEnumAttributeKindForName("noalias", 7), 0));
    }
    ll_fn_attr(l, l->fn, "nounwind");
    if (avx512) {
        LLVMAttributeRef a = LLVMCreateStringAttribute(l->cx, "prefer-vector-width", 19, "512", 3);
        LLVMAddAttributeAtIndex(l->fn, LLVMAttributeFunctionIndex, a);
    }
    LLVMTypeRef hp[3] = {l->ptr, l->ptr, l->ptr};
    l->helper_ty = LLVMFunctionType(l->i32, hp, 3, 0);
    uint32_t nb = f->blocks.n, norder;
    l->bb = calloc(nb + 1, sizeof *l->bb);
    l->end = calloc(nb + 1, sizeof *l->end);
    l->val = calloc(f->ins.n + 1, sizeof *l->val);
    l->phi = calloc(f->ins.n + 1, sizeof *l->phi);
    /* reverse postorder: definitions are lowered before their uses */
    uint32_t *order = malloc(sizeof(uint32_t) * (nb + 1));
    norder = order ? H->rpo(f, false, order) : 0;
    if (!l->bb || !l->end || !l->val || !l->phi || !norder || (l->osr >= 0 && !osr_scan(l))) {
        free(order); l->bail = "out of memory"; return false;
    }
    uint32_t *pos = order ? calloc(nb + 1, sizeof *pos) : NULL;
    for (uint32_t i = 0; pos && i < norder; i++) pos[order[i]] = i + 1;
    uint8_t *chk = pos && l->depth == 0 ? loop_flags(f, pos, avx512 ? 64 : 32) : NULL; /* inlined callees: their callers' loops check */
    l->loopflags = chk;
    ll_scope_plan(l);
    ll_scan_plan(l, pos);
    free(pos);
    if (l->depth == 0 && !chk) { free(order); ll_scan_free(l); l->bail = "out of memory"; return false; }
    if (l->osr >= 0) { /* only what the header reaches, still in reverse postorder */
        uint32_t k = 0;
        for (uint32_t i = 0; i < norder; i++) if (l->reach[order[i]]) order[k++] = order[i];
        norder = k;
    }
    LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(l->cx, l->fn, "entry");
    l->entry = entry;
    l->avx512 = avx512;
    for (uint32_t i = 0; i < norder; i++) l->bb[order[i]] = LLVMAppendBasicBlockInContext(l->cx, l->fn, "");
    l->err = l->err_exit = LLVMAppendBasicBlockInContext(l->cx, l->fn, "err");
    LLVMPositionBuilderAtEnd(l->b, l->err);
    if (kernel) LLVMBuildRetVoid(l->b); /* the error is recorded for the host (ll_gpu_raise) */
    else if (l->direct) ll_direct_fail(l);
    else LLVMBuildRet(l->b, LLVMConstInt(l->i32, (unsigned long long)-1, 1));
    LLVMPositionBuilderAtEnd(l->b, entry);
    if (kernel) ll_gpu_kernel_entry(l);
    if (l->direct) ll_direct_entry(l);
    bool hb = l->osr >= 0;
    LV *hv = hb ? calloc(f->ins.n + 1, sizeof *hv) : NULL;
    if (hb && !hv) { free(order); l->bail = "out of memory"; return false; }
    if (hb) osr_entry(l, hv);
    if (hb) osr_liveness(l, order, norder);
    if (hb) osr_switch(l);
    else LLVMBuildBr(l->b, l->bb[0]);
    for (uint32_t i = 0; i < norder; i++) {
        LLVMPositionBuilderAtEnd(l->b, l->bb[order[i]]);
        make_phis(l, order[i]);
    }
    for (uint32_t i = 0; hb && i < norder; i++) { /* each header's values on the way in from tier 1 */
        Block *b = &f->blocks.v[order[i]];
        for (uint32_t k = 0; l->heads[order[i]] && k < b->params.n; k++) {
            LV *pv = &l->phi[b->params.v[k]], *in = &hv[b->params.v[k]];
            for (int c = 0; c < pv->n && c < in->n; c++) LLVMAddIncoming(pv->v[c], &in->v[c], &entry, 1);
        }
    }
    free(hv);
    for (uint32_t i = 0; i < norder && !l->bail; i++) {
        uint32_t bi = order[i];
        Block *b = &f->blocks.v[bi];
        LLVMPositionBuilderAtEnd(l->b, l->bb[bi]);
        if (hb) osr_block_start(l, bi);
        if (chk && (chk[bi] & LOOP_CHECK) && !l->gpu) intr_check(l, bi); /* a GPU kernel is not interrupted */
        if (l->gpu && (b->term == TERM_TRY || b->term == TERM_RERAISE || (b->term == TERM_RAISE && b->nsucc))) {
            ll_gpu_refuse(l, "a try statement", (int)b->line); /* a thread's raise ends the kernel (no unwinding) */
            break;
        }
        for (uint32_t k = 0; k < b->ins.n && !l->bail; k++) {
            /* a try body's raise: the raised edge (a block without parameters), taken from the block's last
             * instruction only, the one that may raise (others, such as the dispatch's own helper calls, have
             * error paths that never run: pointing them there would put the edge before values it carries) */
            if (b->term == TERM_TRY && k + 1 == b->ins.n) l->err = l->bb[b->succ[1].to];
            ins(l, b->ins.v[k]);
            if (hb) osr_def(l, b->ins.v[k]);
        }
        if (l->bail) break; /* a value the terminator may need was never made */
        if (l->ndefer) ll_gpu_flush(l);
        terminator(l, bi);
        l->err = l->err_exit;
        if (hb) osr_incoming(l, bi);
    }
    free(order);
    free(chk);
    l->loopflags = NULL;
    ll_scan_free(l);
    if (l->bail) return false;
    if (!hb) add_incoming(l);
    ll_scope_guard(l);
    return true;
}

/* 0: no loop, 1: loops without array accesses, 2: loops and array accesses */
static int pipeline_kind(Func *f) {
    bool loop = H->has_loop(f) != 0, arrays = false; /* out of memory: the pipeline for loops, right for any function */
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        Block *b = &f->blocks.v[bi];
        if (b->dead) continue;
        for (uint32_t k = 0; k < b->ins.n; k++) {
            int op = f->ins.v[b->ins.v[k]].op;
            if (op == OP_LOAD || op == OP_STORE) arrays = true;
        }
    }
    return !loop ? 0 : arrays ? 2 : 1;
}

/* lower s (whole, or from loop header osr), run the pipeline, emit an object
 * and have the runtime load it (and keep it in the disk cache); 0 with *out,
 * or -1 with the reason in why */
static int jit_unit(const BackEnv *env, Unit *u, int32_t osr, NativeFn *out, char *why, size_t cap, uint64_t t[4]) {
    Code *c = u->code;
    Jit *J = env->state;
    bool keep_ir = env->opt->keep_llvm_ir && osr < 0;
    L l;
    memset(&l, 0, sizeof l);
    l.env = env; l.u = u; l.f = u->ir; l.c = c; l.osr = osr;
    l.cx = LLVMContextCreate();
    LLVMContextSetDiagnosticHandler(l.cx, diagnostic, &l);
    char name[96];
    if (osr < 0) snprintf(name, sizeof name, "kiln_%s", u->name);
    else snprintf(name, sizeof name, "kiln_%s_osr%d", u->name, osr);
    l.m = LLVMModuleCreateWithNameInContext(name, l.cx);
    char *triple = LLVMGetTargetMachineTriple(J->tm);
    LLVMSetTarget(l.m, triple);
    LLVMDisposeMessage(triple);
    LLVMTargetDataRef td = LLVMCreateTargetDataLayout(J->tm);
    LLVMSetModuleDataLayout(l.m, td);
    LLVMDisposeTargetData(td);
    l.b = LLVMCreateBuilderInContext(l.cx);
    l.i1 = LLVMInt1TypeInContext(l.cx); l.i8 = LLVMInt8TypeInContext(l.cx); l.i16 = LLVMInt16TypeInContext(l.cx);
    l.i32 = LLVMInt32TypeInContext(l.cx); l.i64 = LLVMInt64TypeInContext(l.cx);
    l.f32 = LLVMFloatTypeInContext(l.cx); l.f64 = LLVMDoubleTypeInContext(l.cx);
#if LLVM_VERSION_MAJOR < 15
    l.ptr = LLVMPointerType(l.i8, 0);
#else
    l.ptr = LLVMPointerTypeInContext(l.cx, 0);
#endif
    struct Inl inl[INLINE_MAX];
    int ninl = 0, npool = 0;
    XCall **pool = malloc(sizeof(XCall *) * MAX_POOL);
    l.inl = inl; l.ninl = &ninl;
    l.pool = pool; l.npool = &npool;
    l.stack[0] = u;
    l.visa = J->visa; l.vlen = J->vlen;
    t[0] = now_ns();
    bool ok = pool && ll_build(&l, name, J->avx512);
    if (ok) keep_vector_variants(&l);
    if (!pool) l.bail = "out of memory";
    t[1] = now_ns();
    if (ok && keep_ir) { char *ir = LLVMPrintModuleToString(l.m); c->llvm_before = ll_keep(u, ir); LLVMDisposeMessage(ir); }
#ifdef KILN_DEBUG
    /* the debug build (make test's sanitizer build) checks every module it made: LLVM's passes and code generator
     * assume valid IR and fail far from the cause otherwise */
    char *vmsg = NULL;
    if (ok && LLVMVerifyModule(l.m, LLVMReturnStatusAction, &vmsg)) {
        fprintf(stderr, "kiln: the LLVM module for %s is invalid:\n%s", name, vmsg ? vmsg : "?");
        LLVMDumpModule(l.m);
        abort();
    }
    LLVMDisposeMessage(vmsg);
#endif
    LLVMDisposeBuilder(l.b);
    free(l.bb); free(l.end); free(l.val); free(l.phi); free(l.reach); free(l.heads); free(l.cross); free(l.home); free(l.live); free(l.home_id);
    if (ok && atomic_load(env->stop)) { l.bail = "the context is being freed"; ok = false; }
    if (ok) {
        LLVMPassBuilderOptionsRef po = LLVMCreatePassBuilderOptions();
        /* loops over arrays pay for the full pipeline, with range-check elimination
         * first so that bounds checks leave the vectorizer's way; scalar loops (the
         * mandelbrot point) gain nothing from vectorization and get the cleanups and
         * LICM; straight-line code only the cleanups (KILN_LLVM_PIPELINE overrides) */
        const char *pipe = getenv("KILN_LLVM_PIPELINE");
        int kind = pipeline_kind(l.f);
        const char *full = env->opt->opt_level >= 3
                               ? "always-inline,function(sroa,instcombine,simplifycfg,loop-simplify,lcssa,loop(loop-rotate),irce),default<O3>"
                               : "always-inline,function(sroa,instcombine,simplifycfg,loop-simplify,lcssa,loop(loop-rotate),irce),default<O2>";
        /* a direct entry's self calls (direct.c): tail-recursion elimination (which finds `return f(a) + f(b)` only
         * with the CFG simplified before instcombine), then the loop it makes as kind 1's */
        const char *rec = "always-inline,function(sroa,early-cse,simplifycfg,instcombine,tailcallelim,simplifycfg,loop-simplify,lcssa,"
                          "loop-mssa(licm),gvn,instcombine,simplifycfg)";
        if (!pipe) pipe = kind == 2 ? full
                        : l.direct ? rec
                        : kind == 1 ? "always-inline,function(sroa,early-cse,instcombine,simplifycfg,loop-simplify,lcssa,loop-mssa(licm),gvn,instcombine,simplifycfg)"
                                    : "always-inline,function(sroa,early-cse,instcombine,simplifycfg)";
        /* a direct entry's recursion two levels a call (direct.c): its own tail call a loop first, then the copy
         * (which has that loop too) inlined at the calls that remain. Only where calls are all the body does
         * (no loop of its own): quicksort's partition loop gained nothing and its compile took 1.8x as long */
        LLVMErrorRef e = NULL;
        if (l.direct && kind == 0 && !getenv("KILN_LLVM_PIPELINE")) {
            e = LLVMRunPasses(l.m, "function(sroa,early-cse,simplifycfg,instcombine,tailcallelim,simplifycfg)", J->tm, po);
            if (!e) ll_direct_unroll(&l);
        }
        if (!e) e = LLVMRunPasses(l.m, pipe, J->tm, po);
        LLVMDisposePassBuilderOptions(po);
        if (e) { LLVMConsumeError(e); l.bail = "the LLVM pass pipeline failed"; ok = false; }
    }
    t[2] = now_ns();
    if (ok && keep_ir) {
        char *ir = LLVMPrintModuleToString(l.m);
        c->llvm_after = ll_keep(u, ir);
        LLVMDisposeMessage(ir);
        LLVMMemoryBufferRef mb;
        char *emsg = NULL;
        if (!LLVMTargetMachineEmitToMemoryBuffer(J->tm, l.m, LLVMAssemblyFile, &emsg, &mb)) {
            size_t n = LLVMGetBufferSize(mb);
            char *a = H->arena_alloc(&u->arena, n + 1);
            if (a) { memcpy(a, LLVMGetBufferStart(mb), n); a[n] = 0; c->llvm_asm = a; }
            LLVMDisposeMemoryBuffer(mb);
        } else LLVMDisposeMessage(emsg);
    }
    if (!ok) snprintf(why, cap, "%s", l.bail ? l.bail : "?");
    if (ok) {
        /* an object file, loaded by kiln's own loader (rt/elfload.c): the path a disk-cache hit takes too */
        LLVMMemoryBufferRef mb = NULL;
        char *emsg = NULL;
        if (LLVMTargetMachineEmitToMemoryBuffer(J->tm, l.m, LLVMObjectFile, &emsg, &mb)) {
            snprintf(why, cap, "LLVM could not generate code: %s", emsg ? emsg : "?");
            LLVMDisposeMessage(emsg);
            ok = false;
        } else {
            kiln_error err;
            memset(&err, 0, sizeof err);
            if (H->install(env->cx, u, osr, (const uint8_t *)LLVMGetBufferStart(mb), LLVMGetBufferSize(mb), name, pool, npool,
                           now_ns() - t[0], out, &err)) {
                snprintf(why, cap, "its object did not load: %.200s", err.message);
                ok = false;
            }
            LLVMDisposeMemoryBuffer(mb);
        }
    }
    LLVMDisposeModule(l.m);
    LLVMContextDispose(l.cx);
    free(pool);
    t[3] = now_ns();
    return ok ? 0 : -1;
}

/* LLVM's analyses (ScalarEvolution, loop passes) recurse per loop and per block: 2,000 loops in
 * one function took 24,000 frames and overflowed an 8 MiB stack. Every tier-2 compile therefore
 * runs on a thread of its own with a large stack (address space only: pages are touched as the
 * recursion goes), whatever thread asked for it: a caller on a small stack (a C program's worker
 * thread, tier auto's background thread) never lends LLVM its own. Functions past tier2_max_ir
 * never reach LLVM at all. */
enum { LLVM_STACK_BYTES = 256 << 20 };
typedef struct JitJob { const BackEnv *env; Unit *u; int32_t osr; NativeFn *out; char *why; size_t cap; uint64_t *t; int rc; } JitJob;

static void *jit_thread(void *p) {
    JitJob *j = p;
    j->rc = jit_unit(j->env, j->u, j->osr, j->out, j->why, j->cap, j->t);
    return NULL;
}

static int jit(const BackEnv *env, Unit *u, int32_t osr, NativeFn *out, char *why, size_t cap, uint64_t t[4]) {
    uint64_t nir = ir_live_ins(u->ir);
    memset(t, 0, 4 * sizeof *t);
    if ((int64_t)nir > env->tune[TUNE_TIER2_MAX_IR])
        return snprintf(why, cap, "%llu IR instructions, more than tier2_max_ir (%lld)", (unsigned long long)nir,
                        (long long)env->tune[TUNE_TIER2_MAX_IR]), -1;
    JitJob j = {env, u, osr, out, why, cap, t, -1};
    pthread_attr_t attr;
    pthread_t th;
    bool started = !pthread_attr_init(&attr) && !pthread_attr_setstacksize(&attr, LLVM_STACK_BYTES) &&
                   !pthread_create(&th, &attr, jit_thread, &j);
    pthread_attr_destroy(&attr);
    if (!started) return snprintf(why, cap, "no thread for the compile (%s)", strerror(errno)), -1;
    pthread_join(th, NULL);
    return j.rc;
}

static int llvm_compile(const BackEnv *env, Unit *u, kiln_error *err) {
    if (!u->code && H->interp_compile(env, u, err)) return -1;
    Code *c = u->code;
    NativeFn fn = NULL;
    char why[300];
    uint64_t t[4];
    int rc = jit(env, u, -1, &fn, why, sizeof why, t);
    /* last: a thread that sees the new code sees everything it needs (tier auto
     * swaps it in while other threads run the old) */
    if (!rc) __atomic_store_n(&c->native, fn, __ATOMIC_RELEASE);
    else c->bailout = ll_keep(u, why);
    if (env->opt->log & KILN_LOG_TIERS) {
        if (rc) env->log(env->cx, "kiln: %s stays on a lower tier: LLVM bailed out (%s)\n", u->name, why);
        else env->log(env->cx, "kiln: %s compiled by LLVM: lowering %.1f us, IR passes %.1f us, machine code %.1f us\n", u->name,
                    (double)(t[1] - t[0]) / 1e3, (double)(t[2] - t[1]) / 1e3, (double)(t[3] - t[2]) / 1e3);
    }
    return 0;
}

static int llvm_compile_osr(const BackEnv *env, Unit *u, uint32_t header, NativeFn *out, kiln_error *err) {
    *out = NULL;
    if (!u->code || !u->ir || header >= u->ir->blocks.n || u->ir->blocks.v[header].dead) {
        snprintf(err->message, sizeof err->message, "no loop header %u to enter", header);
        return -1;
    }
    char why[300];
    uint64_t t[4];
    if (jit(env, u, (int32_t)header, out, why, sizeof why, t)) {
        snprintf(err->message, sizeof err->message, "LLVM bailed out (%s)", why);
        return -1;
    }
    return 0;
}

static void llvm_release(Unit *u) { u->code = NULL; /* code is freed with the context's JIT */ }
static void llvm_dump(Unit *u, FILE *out) {
    Code *c = u->code;
    if (!c || !c->llvm_after) {
        fprintf(out, "no LLVM code for %s (%s)\n", u->name, c && c->bailout ? c->bailout : "compile it with --tier opt");
        return;
    }
    fprintf(out, "--- LLVM IR of %s as lowered ---\n%s\n--- after the pass pipeline ---\n%s\n", u->name,
            c->llvm_before ? c->llvm_before : "", c->llvm_after);
    if (c->llvm_asm) fprintf(out, "--- machine code (LLVM's assembly printer) ---\n%s", c->llvm_asm);
}

static const LlvmTier tier = {
    {"opt", KILN_TIER_OPT, llvm_compile, NULL /* libkiln enters the frame */, llvm_release, llvm_dump},
    state_init, state_free, llvm_compile_osr, ll_compile_ptx,
};

const LlvmTier *kiln_llvm_tier(const KilnHost *host) {
    if (!host || host->version != KILN_HOST_VERSION) return NULL;
    ll_host = host;
    return &tier;
}
