/*
 * ll.h — inside the LLVM tier's object: the state of lowering one unit to LLVM IR (L) and the helpers
 * llvm.c (the CPU's tier 2, and the common lowering) and kernel.c (a CUDA kernel's GPU mode) share.
 * Functions here are the object's own (ll_), never libkiln's.
 */
#ifndef KILN_LLVM_LL_H
#define KILN_LLVM_LL_H

#include "kernel.h"
#include "../../ir/mathfn.h"
#include <llvm-c/Core.h>
#include <string.h>
#include <llvm/Config/llvm-config.h>

#define MAXC (1 + 2 * KILN_MAXDIM)
#define MAX_POOL 65536
#define INLINE_MAX 64      /* callees emitted into one module */

typedef struct LV { LLVMValueRef v[MAXC]; int n; } LV;
enum { SCOPE_MAX = 32 }; /* array arguments noalias.c tells apart: bits of L.scope_args */

enum { LOOP_CHECK = 1, LOOP_VEC_HINT = 2, LOOP_UNROLL = 4, LOOP_CONST = 8 };
                                            /* per block: an interrupt check at this header; a back edge to a nest of
                                             * constant trip counts (a vectorization hint); a back edge of a short
                                             * constant loop with a float recurrence (unrolled whole); a header whose
                                             * trip count is a constant; on a back edge with LOOP_VEC_HINT, log2 of
                                             * the vectors a trip in two bits above LOOP_IC_SHIFT, or LOOP_MASKED:
                                             * the last vector masked (llvm.c vector_trip) */
enum { LOOP_IC_SHIFT = 4, LOOP_MASKED = 64 };
typedef struct L {
    LLVMValueRef tbaa[2];       /* access tags: an array element, a list's header (tbaa) */
    uint8_t *loopflags;         /* per block: LOOP_* (loop_flags) */
    const BackEnv *env;
    Unit *u;
    Func *f;
    Code *c;
    LLVMContextRef cx;
    LLVMModuleRef m;
    LLVMBuilderRef b;
    LLVMValueRef fn, frame, ret, run;
    LLVMValueRef keybuf;        /* a set key's leaves for rt_set_keyn (containers.c's set_key), made on first use */
    LLVMTypeRef i1, i8, i16, i32, i64, f32, f64, ptr, helper_ty;
    LLVMBasicBlockRef *bb, *end, err;
    LLVMBasicBlockRef err_exit; /* the function's error exit; err is it, or in a try body (TERM_TRY) the raised edge's block */
    LV *val;
    const char *bail;
    LLVMBasicBlockRef entry;    /* where frames of inlined callees are allocated */
    /* callees emitted into this module (shared with nested lowerings) */
    struct Inl { Unit *u; LLVMValueRef fn; } *inl;
    int *ninl;
    Unit *stack[8];             /* the units being lowered, outermost first */
    int depth;
    bool avx512;
    char visa;                  /* the Jit's vector ISA for libmvec (fastmath) */
    int vlen;
    LV *phi;                    /* per block parameter: its phi */
    XCall **pool;               /* the compile's call records, in order (shared with nested lowerings) */
    int *npool;
    /* an OSR entry (osr >= 0: the loop header it was asked for at; heads: every header it starts at, switching on
     * Run.osr_at): only the blocks reachable from the headers; values defined elsewhere are read from the frame on entry;
     * values defined in those blocks and used across blocks live in allocas (home),
     * which SROA turns back into SSA, since their definitions need no longer
     * dominate their uses once the function starts in the middle of a loop */
    int at_line;                /* the line of the instruction being lowered */
    int32_t osr;
    bool *reach, *heads, *cross; /* heads: the loop headers it may start at (osr_switch) */
    LV *home;
    uint32_t *home_id;          /* a home's number in live's rows */
    uint64_t *live;             /* per block, the homes live into it (osr_liveness; NULL: all) */
    size_t live_w;              /* words a row */
    /* a CUDA kernel (back/llvm/nvptx.c): the entry takes the argument slots as kernel parameters, errors are
     * recorded for the host (gpu_raise), GPU operations become NVVM intrinsics, nothing calls the runtime */
    bool gpu;
    const char *gpu_bail;       /* what made a GPU kernel impossible (the message says it) */
    int gpu_line;               /* its line */
    /* a GPU kernel's index checks not branched on yet (gpu_flush): the loads after them issue at once, from a safe
     * address when the check failed, so that a loop's loads are in flight together; ok: per BOUND, its test */
    struct Deferred *defer;
    int ndefer;
    LLVMValueRef *bound_ok;
    LLVMValueRef all_ok;        /* every deferred check since the last flush passed (NULL: none pending) */
    LLVMValueRef dummy;         /* the safe address: a global of the kernel's module */
    int *math_line;             /* the first line that calls a libdevice routine (shared with nested lowerings) */
    const char **math_name;     /* and the routine */
    /* a self-recursive kernel's direct entry (direct.c): l->fn takes the arguments' components and depthv, this
     * call's recursion depth, and returns the result's; the frame is an alloca of its own */
    bool direct;
    LLVMValueRef depthv;
    /* array arguments told apart (noalias.c): those accessed (bit = argument index) and written, their OP_ARG
     * values, the argument whose element ld_elem/st_elem access now (1 + its index; 0: none), the metadata (made on
     * first use: the access's scope, the scopes it does not alias) */
    uint32_t scope_args, scope_written;
    Ref scope_ref[SCOPE_MAX];
    int scope_of;
    LLVMValueRef scope_md[SCOPE_MAX][2];
    int64_t local_bytes;        /* of the arrays in the frame (llvm.c local_array) */
    LLVMValueRef *dyn_buf;      /* per ALLOC whose shape is known when it runs: its frame buffer (or NULL) */
    struct Scan *scans;         /* the scans scan.c skips through (ll_scan_plan) */
    int nscans;
} L;

typedef struct IdxSpill { Ref idx, arr; int axis; LLVMValueRef orig, n; } IdxSpill;
typedef struct Deferred { XCall *k; IdxSpill sp; LLVMValueRef bad; } Deferred;
enum { DEFER_MAX = 64 };

static inline LLVMValueRef ci64(L *l, int64_t v) { return LLVMConstInt(l->i64, (unsigned long long)v, 1); }
static inline LLVMValueRef as_ptr_to(L *l, LLVMValueRef p, LLVMTypeRef ty) {
#if LLVM_VERSION_MAJOR < 15
    return LLVMBuildBitCast(l->b, p, LLVMPointerType(ty, 0), "");
#else
    (void)l; (void)ty;
    return p;
#endif
}
static inline LLVMTypeRef ptr_in(L *l, unsigned as) {
#if LLVM_VERSION_MAJOR < 15
    return LLVMPointerType(LLVMInt8TypeInContext(l->cx), as);
#else
    return LLVMPointerTypeInContext(l->cx, as);
#endif
}
static inline LLVMValueRef ld(L *l, LLVMTypeRef ty, LLVMValueRef p) { return LLVMBuildLoad2(l->b, ty, as_ptr_to(l, p, ty), ""); }
static inline LLVMValueRef st(L *l, LLVMValueRef v, LLVMValueRef p) { return LLVMBuildStore(l->b, v, as_ptr_to(l, p, LLVMTypeOf(v))); }
static inline LLVMValueRef slot_ptr(L *l, int32_t slot, int byte) {
    LLVMValueRef off = ci64(l, 8 * (int64_t)slot + byte);
    return LLVMBuildGEP2(l->b, l->i8, l->frame, &off, 1, "");
}
/* the address of the field at byte off of the struct at base (a Run's: offsetof(Run, depth)) */
static inline LLVMValueRef ll_field(L *l, LLVMValueRef base, size_t off) {
    LLVMValueRef o = ci64(l, (int64_t)off);
    return LLVMBuildGEP2(l->b, l->i8, base, &o, 1, "");
}
static inline LV one(LLVMValueRef x) { LV v = {{x}, 1}; return v; }
/* function attribute name (an enum attribute: "nounwind", "alwaysinline", "noinline", "cold") on f */
static inline void ll_fn_attr(L *l, LLVMValueRef f, const char *name) {
    LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex,
                            LLVMCreateEnumAttribute(l->cx, LLVMGetEnumAttributeKindForName(name, strlen(name)), 0));
}
/* at the join of two paths: a coming from block ba, b from bb */
static inline LLVMValueRef ll_phi2(L *l, LLVMValueRef a, LLVMBasicBlockRef ba, LLVMValueRef b, LLVMBasicBlockRef bb) {
    LLVMValueRef phi = LLVMBuildPhi(l->b, LLVMTypeOf(a), "");
    LLVMValueRef vals[2] = {a, b};
    LLVMBasicBlockRef from[2] = {ba, bb};
    LLVMAddIncoming(phi, vals, from, 2);
    return phi;
}
static inline Ins *IN(L *l, Ref r) { return &l->f->ins.v[r]; }
static inline LLVMValueRef V(L *l, Ref r) { return l->val[r].v[0]; }
static inline LLVMTypeRef elem_int(L *l, int dt) {
    switch (ll_host->dtype_size((kiln_dtype)dt)) {
    case 1: return l->i8;
    case 2: return l->i16;
    case 4: return l->i32;
    default: return l->i64;
    }
}
static inline Ref AR(L *l, Ref r, uint32_t k) { return ir_arg(l->f, r, k); }


/* a scalar type's class: 'F' float64, 'S' float32, 'U' uint64, 'Z'/'z' complex128/64, 'I' other ints; 0 else */
static inline int cls(const Type *t) {
    if (!t || t->kind != T_SCALAR) return 0;
    switch (t->dtype) {
    case KILN_FLOAT64: return 'F';
    case KILN_FLOAT32: return 'S';
    case KILN_UINT64: return 'U';
    case KILN_COMPLEX64: return 'z';
    case KILN_COMPLEX128: return 'Z';
    default: return 'I';
    }
}

/* the LLVM types of a value's components */
static inline int comps(L *l, const Type *t, LLVMTypeRef *ty) {
    if (t->kind == T_ARRAY) {
        ty[0] = l->ptr;
        for (int k = 0; k < 2 * t->ndim; k++) ty[1 + k] = l->i64;
        return 1 + 2 * t->ndim;
    }
    if (ty_is_ref(t)) { ty[0] = l->i64; return 1; } /* an RtList's (RtDict's, RtSet's, ...) address */
    if (t->kind != T_SCALAR) return 0;
    switch (cls(t)) {
    case 'F': ty[0] = l->f64; return 1;
    case 'S': ty[0] = l->f32; return 1;
    case 'Z': ty[0] = ty[1] = l->f64; return 2;
    case 'z': ty[0] = ty[1] = l->f32; return 2;
    default: ty[0] = l->i64; return 1;
    }
}

/* byte offset of component k within the value's slots */
static inline int comp_off(const Type *t, int k) {
    if (t->kind == T_SCALAR && t->dtype == KILN_COMPLEX128) return 8 * k;
    if (t->kind == T_SCALAR && t->dtype == KILN_COMPLEX64) return 4 * k;
    return 8 * k;
}

/* llvm.c */
bool ll_build(L *l, const char *name, bool avx512);                 /* the unit's function, in l->m */
bool ll_calls(Func *f, const Unit *callee);                            /* f calls callee (NULL: any kernel) */
char *ll_keep(Unit *u, const char *text);                              /* a string in the unit's arena */
XCall *ll_xcall(L *l, Ref r);                                          /* a call record of this compile */
void ll_raise_if(L *l, LLVMValueRef cond, Helper h, XCall *k, void (*spill)(L *, void *), void *ctx);
LLVMValueRef ll_addr(L *l, Ref arr, const Ref *idx, int nd);          /* an element's address */
LLVMValueRef ll_cmp(L *l, int op, int k, LLVMValueRef a, LLVMValueRef b); /* op of class-k numbers or vectors */
LLVMValueRef ll_pure_fn(L *l, const char *name, LLVMTypeRef fty);     /* a routine without side effects */
XCall *ll_helper_record(L *l, Ref r, Helper *hp);                      /* r's frame helper and its record */
void ll_spill_ref(L *l, void *r);                                      /* r's operands to their slots */
void ll_spill_index(L *l, void *p);                                    /* an IdxSpill's index and length */
void ll_via_helper(L *l, Ref r);                                       /* the general path: operands out, helper, result in */
LLVMValueRef ll_ext_fn(L *l, const char *name, LLVMTypeRef fty);      /* a runtime function by name */
enum { TBAA_ELEM, TBAA_LIST };
LLVMValueRef ll_tbaa(L *l, LLVMValueRef ins, int kind);                /* ins accesses an element or a list's header */
LV ll_load_elem(L *l, const Type *t, LLVMValueRef p);                 /* a number's element at p as its value */
LV ll_constant(L *l, Ref r);                                           /* an OP_CONST's value */
Ref ll_counted(Func *f, uint32_t h, bool (*back)(const void *cx, uint32_t pred), const void *cx, int64_t *start,
               int64_t *end);                                          /* a counted loop's counter, or 0 */
LV ll_arg_value(L *l, Ref r);                                          /* argument r (an OP_ARG) from its slot */
LLVMValueRef ll_entry_alloca(L *l, LLVMTypeRef t, unsigned n, const char *name); /* n t's in the frame */
void ll_const_array(L *l, Ref r, LLVMValueRef p, uint32_t from);      /* r: an array at p of a constant shape */
int64_t ll_const_bytes(L *l, Ref r, uint32_t from, int64_t max);      /* its bytes, or -1 */
LLVMValueRef ll_stride(L *l, const Type *t, const LV *a, int k);      /* axis k's stride of array a */
void ll_store_elem(L *l, const Type *vt, int dt, const LV *x, LLVMValueRef p); /* value x to an element of dtype dt */

/* noalias.c: a body where array arguments do not overlap, behind a check at entry */
void ll_scope_plan(L *l);                                              /* the arguments to tell apart, if any */
int ll_scope_root(L *l, Ref arr);                                      /* the told-apart argument arr is part of, or -1 */
void ll_scope_tag(L *l, LLVMValueRef access);                          /* an access to argument l->scope_of - 1 */
void ll_scope_guard(L *l);                                             /* the check, and the body for overlaps */
void ll_span(L *l, const Type *t, const LV *a, LLVMValueRef *lo, LLVMValueRef *hi, LLVMValueRef *empty); /* a's bytes */

/* scan.c: a scan's quiet stretches tested a vector at a time */
void ll_scan_plan(L *l, const uint32_t *pos);                           /* the scans of l->f (pos: reverse postorder) */
bool ll_scan(L *l, uint32_t bi);                                       /* bi's branch, a scan's test: with its skip */
void ll_scan_free(L *l);

/* tile.c */
bool ll_tile(L *l, uint32_t bi);                                       /* bi's jump into a small matmul nest, tiled */

/* link.cpp */
LLVMValueRef kiln_llvm_clone_fn(LLVMValueRef f, const char *name);   /* a copy of f in its module */

/* containers.c: tier 2's direct paths for list appends and pops and set keys */
bool ll_container_op(L *l, Ref r);                                     /* false: r goes through the helper */
bool ll_random_op(L *l, Ref r);                                        /* draws.c; false: the same */

/* direct.c: a self-recursive kernel's direct entry (l->direct) */
bool ll_direct_fn(L *l, const char *name);                             /* false: not a candidate, the frame ABI */
void ll_direct_entry(L *l);                                            /* the frame, the arguments in their slots */
LV ll_direct_arg(L *l, uint32_t j);                                    /* argument leaf j */
void ll_direct_fail(L *l);                                             /* the error exit's return */
void ll_direct_return(L *l, const LV *vals, uint32_t n);
bool ll_direct_call(L *l, Ref r, LLVMValueRef depth);                  /* a self call; false: not emitted */
bool ll_direct_call_of(L *l, Ref r, const Ref *args, uint32_t nargs, const Type *rty, LLVMValueRef depth);
bool ll_direct_unroll(L *l);                                            /* two levels per self call */
void ll_direct_sync_depth(L *l);                                       /* the depth to Run, for what reads it */

/* kernel.c: a CUDA kernel's GPU mode (l->gpu) */
bool ll_gpu_kernel_fn(L *l, const char *name);
void ll_gpu_kernel_entry(L *l);
void ll_gpu_raise(L *l, Helper h, XCall *k, void (*spill)(L *, void *), void *ctx);
void ll_gpu_unsupported(L *l, Ref r);
void ll_gpu_refuse(L *l, const char *what, int line);
void ll_gpu_op(L *l, Ref r);
void ll_gpu_alloc(L *l, Ref r);
void ll_gpu_int_bounds(L *l, Ref r);
void ll_gpu_flush(L *l);
bool ll_gpu_deferrable(L *l, Ref r);
LLVMValueRef ll_gpu_math_f32(L *l, const MathFn *m, LLVMValueRef x);
void ll_gpu_math_used(L *l, const char *name);

#endif
