/*
 * noalias.c — tier 2's body for array arguments that do not overlap. `mm(a, b, c)` writes c and reads a and b;
 * LLVM cannot know that c's bytes are not a's or b's, so it keeps every load of b after each store to c and, to
 * vectorize, checks the three ranges again before every run of the inner loop (LoopVersioning), which keeps b's
 * rows from staying in registers across rows of c. NumPy arrays overlap only where the caller made them so
 * (`f(x, x)`, or views of one buffer), so one check at entry says it for the whole call: where the byte ranges
 * the array arguments span are apart, the body runs with every element access tagged with its argument's scope
 * and the other arguments' scopes it does not alias (LLVM's scoped noalias metadata, as C's `restrict` would
 * give); where two of them meet, a copy of the body without the tags runs (made after the body, by
 * kiln_llvm_clone_fn). An 8 x 8 float64 matmul with --static-shapes: 275 -> 181 us (gcc -O3: 147).
 *
 * Only what the tags say is claimed: an access gets them where its array is an argument or a view of one
 * (OP_MKVIEW, OP_VIEW: inside the argument's bytes), and only arguments the body writes are said apart from others
 * (two arguments only read may overlap: loads never conflict). Accesses through anything else (lists, runtime
 * routines, inlined callees) carry no tags, and LLVM assumes they may alias anything. Bodies
 * qualify where at least two array arguments are accessed, one is written, and a loop has a constant trip count
 * (a literal range, or shapes made constants: --static-shapes). The compile then optimizes two bodies: worth it
 * where LLVM unrolls short loops whole and would otherwise check the ranges again before each run of them (the
 * generic 8 x 8 matmul, shapes read at run time, gained nothing and compiled in 1.8x the time). Not in a GPU
 * kernel, an OSR entry or a direct entry.
 */
#include "ll.h"

#include <string.h>

/* the argument arr is (or is a view of), as an OP_ARG, or 0 */
static Ref root_arg(L *l, Ref arr) {
    while (IN(l, arr)->op == OP_MKVIEW || IN(l, arr)->op == OP_VIEW) arr = AR(l, arr, 0);
    Ins *in = IN(l, arr);
    return in->op == OP_ARG && in->ty && in->ty->kind == T_ARRAY && in->aux >= 0 && in->aux < SCOPE_MAX ? arr : 0;
}

static bool const_loop(L *l) {
    for (uint32_t bi = 0; l->loopflags && bi < l->f->blocks.n; bi++) if (l->loopflags[bi] & LOOP_CONST) return true;
    return false;
}

void ll_scope_plan(L *l) {
    Func *f = l->f;
    l->scope_args = l->scope_written = 0;
    if (l->gpu || l->depth || l->osr >= 0 || l->direct || !const_loop(l)) return;
    uint32_t seen = 0, written = 0;
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        Block *b = &f->blocks.v[bi];
        for (uint32_t k = 0; !b->dead && k < b->ins.n; k++) {
            Ref r = b->ins.v[k];
            Ins *in = IN(l, r);
            if (in->op != OP_LOAD && in->op != OP_STORE) continue;
            Ref a = root_arg(l, AR(l, r, 0));
            if (!a || IN(l, AR(l, r, 0))->ty->ndim < 1) continue;
            uint32_t bit = 1u << IN(l, a)->aux;
            seen |= bit;
            if (in->op == OP_STORE) written |= bit;
            l->scope_ref[IN(l, a)->aux] = a;
        }
    }
    if (!written || !(seen & (seen - 1))) return; /* fewer than two arguments, or nothing written */
    l->scope_args = seen;
    l->scope_written = written;
}

int ll_scope_root(L *l, Ref arr) {
    if (!l->scope_args) return -1;
    Ref a = root_arg(l, arr);
    return a && (l->scope_args >> IN(l, a)->aux & 1) ? (int)IN(l, a)->aux : -1;
}

static LLVMMetadataRef scope_node(L *l, int arg) {
    char nm[32];
    int n = snprintf(nm, sizeof nm, "kiln.arg%d", arg);
    LLVMMetadataRef dom = LLVMMDStringInContext2(l->cx, "kiln.args", 9);
    LLVMMetadataRef ops[2] = {LLVMMDStringInContext2(l->cx, nm, (size_t)n), LLVMMDNodeInContext2(l->cx, &dom, 1)};
    return LLVMMDNodeInContext2(l->cx, ops, 2);
}

/* argument i's scope, and the scopes it is said apart from: every other argument where i is written, the written
 * ones where it is only read */
static void make_md(L *l, int i) {
    LLVMMetadataRef mine = scope_node(l, i), others[SCOPE_MAX];
    size_t n = 0;
    bool w = l->scope_written >> i & 1;
    for (int j = 0; j < SCOPE_MAX; j++)
        if (j != i && (l->scope_args >> j & 1) && (w || (l->scope_written >> j & 1))) others[n++] = scope_node(l, j);
    l->scope_md[i][0] = LLVMMetadataAsValue(l->cx, LLVMMDNodeInContext2(l->cx, &mine, 1));
    l->scope_md[i][1] = n ? LLVMMetadataAsValue(l->cx, LLVMMDNodeInContext2(l->cx, others, n)) : NULL;
}

void ll_scope_tag(L *l, LLVMValueRef access) {
    int i = l->scope_of - 1;
    if (!l->scope_md[i][0]) make_md(l, i);
    LLVMSetMetadata(access, LLVMGetMDKindIDInContext(l->cx, "alias.scope", 11), l->scope_md[i][0]);
    if (l->scope_md[i][1]) LLVMSetMetadata(access, LLVMGetMDKindIDInContext(l->cx, "noalias", 7), l->scope_md[i][1]);
}

/* the bytes array a (of type t) spans, [lo, hi) as integers, and whether it has no element */
void ll_span(L *l, const Type *t, const LV *a, LLVMValueRef *lo, LLVMValueRef *hi, LLVMValueRef *empty) {
    LLVMValueRef base = LLVMBuildPtrToInt(l->b, a->v[0], l->i64, ""), zero = ci64(l, 0);
    LLVMValueRef down = zero, up = ci64(l, (int64_t)ll_host->dtype_size((kiln_dtype)t->dtype));
    *empty = LLVMConstInt(l->i1, 0, 0);
    for (int k = 0; k < t->ndim; k++) {
        LLVMValueRef n = a->v[1 + k];
        LLVMValueRef ext = LLVMBuildMul(l->b, LLVMBuildSub(l->b, n, ci64(l, 1), ""), ll_stride(l, t, a, k), "");
        LLVMValueRef neg = LLVMBuildICmp(l->b, LLVMIntSLT, ext, zero, "");
        down = LLVMBuildAdd(l->b, down, LLVMBuildSelect(l->b, neg, ext, zero, ""), "");
        up = LLVMBuildAdd(l->b, up, LLVMBuildSelect(l->b, neg, zero, ext, ""), "");
        *empty = LLVMBuildOr(l->b, *empty, LLVMBuildICmp(l->b, LLVMIntSLE, n, zero, ""), "");
    }
    *lo = LLVMBuildAdd(l->b, base, down, "");
    *hi = LLVMBuildAdd(l->b, base, up, "");
}

/* whether two of the arguments, one of them written, share a byte */
static LLVMValueRef overlap(L *l) {
    LLVMValueRef lo[SCOPE_MAX], hi[SCOPE_MAX], empty[SCOPE_MAX], any = LLVMConstInt(l->i1, 0, 0);
    for (int i = 0; i < SCOPE_MAX; i++) {
        if (!(l->scope_args >> i & 1)) continue;
        LV a = ll_arg_value(l, l->scope_ref[i]);
        ll_span(l, IN(l, l->scope_ref[i])->ty, &a, &lo[i], &hi[i], &empty[i]);
    }
    for (int i = 0; i < SCOPE_MAX; i++)
        for (int j = i + 1; j < SCOPE_MAX; j++) {
            if (!(l->scope_args >> i & 1) || !(l->scope_args >> j & 1) || !((l->scope_written >> i | l->scope_written >> j) & 1)) continue;
            LLVMValueRef meet = LLVMBuildAnd(l->b, LLVMBuildICmp(l->b, LLVMIntULT, lo[i], hi[j], ""),
                                             LLVMBuildICmp(l->b, LLVMIntULT, lo[j], hi[i], ""), "");
            LLVMValueRef some = LLVMBuildNot(l->b, LLVMBuildOr(l->b, empty[i], empty[j], ""), "");
            any = LLVMBuildOr(l->b, any, LLVMBuildAnd(l->b, meet, some, ""), "");
        }
    return any;
}

/* a tail call of f with fn's parameters, returned */
static void forward(L *l, LLVMValueRef fn, LLVMValueRef f) {
    LLVMValueRef args[3];
    unsigned np = LLVMCountParams(fn);
    for (unsigned i = 0; i < np && i < 3; i++) args[i] = LLVMGetParam(fn, i);
    LLVMValueRef res = LLVMBuildCall2(l->b, LLVMGlobalGetValueType(f), f, args, np, "");
    LLVMSetTailCall(res, 1);
    LLVMBuildRet(l->b, res);
}

/* after the body: it becomes NAME.apart, its copy without the tags NAME.overlapping, and NAME the check that
 * calls one or the other. Neither is inlined into the check: with the check's values in the same function, the
 * 8 x 8 matmul's generic body (shapes read at run time) ran 1.46x slower, with the same inner loops. */
void ll_scope_guard(L *l) {
    if (!l->scope_args) return;
    size_t len;
    char name[200], apart[220], other[220];
    const char *nm = LLVMGetValueName2(l->fn, &len);
    snprintf(name, sizeof name, "%.*s", (int)len, nm);
    snprintf(apart, sizeof apart, "%s.apart", name);
    snprintf(other, sizeof other, "%s.overlapping", name);
    LLVMValueRef body = l->fn, copy = kiln_llvm_clone_fn(body, other);
    LLVMSetValueName2(body, apart, strlen(apart));
    unsigned kinds[2] = {LLVMGetMDKindIDInContext(l->cx, "alias.scope", 11), LLVMGetMDKindIDInContext(l->cx, "noalias", 7)};
    for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(copy); b; b = LLVMGetNextBasicBlock(b))
        for (LLVMValueRef i = LLVMGetFirstInstruction(b); i; i = LLVMGetNextInstruction(i))
            if (LLVMIsALoadInst(i) || LLVMIsAStoreInst(i))
                for (int k = 0; k < 2; k++) LLVMSetMetadata(i, kinds[k], NULL);
    LLVMSetLinkage(body, LLVMInternalLinkage);
    LLVMSetLinkage(copy, LLVMInternalLinkage);
    ll_fn_attr(l, body, "noinline");
    ll_fn_attr(l, copy, "noinline");
    ll_fn_attr(l, copy, "cold");
    l->fn = LLVMAddFunction(l->m, name, LLVMGlobalGetValueType(body));
    ll_fn_attr(l, l->fn, "nounwind");
    LLVMPositionBuilderAtEnd(l->b, LLVMAppendBasicBlockInContext(l->cx, l->fn, "entry"));
    LLVMValueRef frame = l->frame;
    l->frame = LLVMGetParam(l->fn, 0); /* where ll_arg_value reads the arguments */
    LLVMBasicBlockRef yes = LLVMAppendBasicBlockInContext(l->cx, l->fn, "apart");
    LLVMBasicBlockRef no = LLVMAppendBasicBlockInContext(l->cx, l->fn, "overlapping");
    LLVMBuildCondBr(l->b, overlap(l), no, yes);
    l->frame = frame;
    LLVMPositionBuilderAtEnd(l->b, yes);
    forward(l, l->fn, body);
    LLVMPositionBuilderAtEnd(l->b, no);
    forward(l, l->fn, copy);
}
