/*
 * direct.c — a self-recursive kernel's direct entry (fib, a tree walk, quicksort's halves). Tier 2 builds the
 * body as an internal function that takes its arguments' components in registers and its recursion depth as a
 * parameter, and returns its result's components, so that a self call is an ordinary call: no frame filled in
 * memory, no depth counter stored to Run around it, no result read back from a slot. LLVM's tail-recursion
 * elimination then turns `fib(n - 1) + fib(n - 2)`'s second call into a loop (the depth a loop-carried value, so
 * RecursionError comes at the same call as before). The frame ABI's entry, int fn(Slot *frame, Slot *ret, Run *run),
 * which every other caller and tier uses, becomes a wrapper around it.
 *
 * The contract inside the direct function:
 * - it leaves by an error with run->code set (every helper and routine raises through Run; LIB_SET_CLEAR's
 *   helper tests the same word) and its result is then poison, which no caller reads: each call is followed by
 *   the test, whose error edge LLVM may fold away only where nothing but the return uses the result;
 * - run->depth holds this call's depth only where something that counts frames reads it: a call through the
 *   frame helper, an inlined callee's frame call, a parallel loop; it is stored just before those
 *   (ll_direct_sync_depth), and the wrapper puts its caller's depth back.
 * Only kernels whose arguments and result are leaves (numbers, arrays, references; a None result) qualify.
 */
#include "ll.h"

#include <stddef.h>

enum { DIRECT_PARAMS_MAX = 64 }; /* argument components in registers; beyond, the frame ABI */

/* the result's LLVM type: void for None, the component, or a struct of the components */
static LLVMTypeRef result_type(L *l) {
    LLVMTypeRef ty[MAXC];
    const Type *t = l->f->ret;
    int n = t->kind == T_NONE ? 0 : comps(l, t, ty);
    return n == 0 ? LLVMVoidTypeInContext(l->cx) : n == 1 ? ty[0] : LLVMStructTypeInContext(l->cx, ty, (unsigned)n, 0);
}

/* the arguments' components in order, their LLVM types into p (DIRECT_PARAMS_MAX + MAXC of them); how many, or -1
 * where a leaf has none (a tuple) or there are more than DIRECT_PARAMS_MAX */
static int arg_params(L *l, LLVMTypeRef *p) {
    int n = 0;
    for (uint32_t j = 0; j < l->f->argty.n && n <= DIRECT_PARAMS_MAX; j++) {
        int k = comps(l, l->f->argty.v[j], p + n);
        if (!k) return -1;
        n += k;
    }
    return n <= DIRECT_PARAMS_MAX ? n : -1;
}

static bool eligible(L *l) {
    if (l->gpu || l->depth || l->osr >= 0 || l->c->nargs != l->f->argty.n || !ll_calls(l->f, l->u)) return false;
    /* its self calls are direct only where the frame fits the stack budget (as self_call's frame-ABI calls) */
    if (sizeof(Slot) * l->c->nslots > (size_t)l->env->tune[TUNE_FRAME_STACK_BYTES]) return false;
    LLVMTypeRef ty[DIRECT_PARAMS_MAX + MAXC];
    const Type *t = l->f->ret;
    return arg_params(l, ty) >= 0 && t && (t->kind == T_NONE || comps(l, t, ty) > 0);
}

/* Run.code, the pending error (RE_OK: none) */
static LLVMValueRef failed(L *l, LLVMValueRef run) {
    LLVMTypeRef ct = LLVMIntTypeInContext(l->cx, 8 * sizeof(RtErr));
    return LLVMBuildICmp(l->b, LLVMIntNE, ld(l, ct, ll_field(l, run, offsetof(Run, code))), LLVMConstInt(ct, 0, 0), "");
}

/* int name(Slot *frame, Slot *ret, Run *run): the arguments from their slots, the direct function at the
 * caller's depth, the caller's depth back, the result to ret */
static void wrapper(L *l, const char *name) {
    LLVMTypeRef params[3] = {l->ptr, l->ptr, l->ptr};
    LLVMValueRef w = LLVMAddFunction(l->m, name, LLVMFunctionType(l->i32, params, 3, 0));
    ll_fn_attr(l, w, "nounwind");
    LLVMValueRef frame = LLVMGetParam(w, 0), ret = LLVMGetParam(w, 1), run = LLVMGetParam(w, 2);
    LLVMPositionBuilderAtEnd(l->b, LLVMAppendBasicBlockInContext(l->cx, w, "entry"));
    LLVMValueRef a[DIRECT_PARAMS_MAX + 2];
    LLVMTypeRef ty[MAXC];
    unsigned n = 0;
    for (uint32_t j = 0; j < l->f->argty.n; j++) {
        const Type *t = l->f->argty.v[j];
        int k = comps(l, t, ty);
        for (int c = 0; c < k; c++) {
            LLVMValueRef off = ci64(l, 8 * (int64_t)l->c->arg_slot[j] + comp_off(t, c));
            a[n++] = ld(l, ty[c], LLVMBuildGEP2(l->b, l->i8, frame, &off, 1, ""));
        }
    }
    LLVMValueRef dp = ll_field(l, run, offsetof(Run, depth));
    LLVMValueRef depth = ld(l, l->i32, dp);
    a[n++] = depth;
    a[n++] = run;
    LLVMValueRef res = LLVMBuildCall2(l->b, LLVMGlobalGetValueType(l->fn), l->fn, a, n, "");
    st(l, depth, dp);
    LLVMBasicBlockRef bad = LLVMAppendBasicBlockInContext(l->cx, w, "raised"), ok = LLVMAppendBasicBlockInContext(l->cx, w, "");
    LLVMBuildCondBr(l->b, failed(l, run), bad, ok);
    LLVMPositionBuilderAtEnd(l->b, bad);
    LLVMBuildRet(l->b, LLVMConstInt(l->i32, (unsigned long long)-1, 1));
    LLVMPositionBuilderAtEnd(l->b, ok);
    const Type *t = l->f->ret;
    int k = t->kind == T_NONE ? 0 : comps(l, t, ty);
    for (int c = 0; c < k; c++) {
        LLVMValueRef v = k == 1 ? res : LLVMBuildExtractValue(l->b, res, (unsigned)c, "");
        LLVMValueRef off = ci64(l, comp_off(t, c));
        st(l, v, LLVMBuildGEP2(l->b, l->i8, ret, &off, 1, ""));
    }
    LLVMBuildRet(l->b, LLVMConstInt(l->i32, 0, 0));
}

bool ll_direct_fn(L *l, const char *name) {
    if (!eligible(l)) return false;
    LLVMTypeRef p[DIRECT_PARAMS_MAX + MAXC];
    unsigned np = (unsigned)arg_params(l, p);
    p[np++] = l->i32;
    p[np++] = l->ptr;
    char dn[128];
    snprintf(dn, sizeof dn, "%s.direct", name);
    l->fn = LLVMAddFunction(l->m, dn, LLVMFunctionType(result_type(l), p, np, 0));
    LLVMSetLinkage(l->fn, LLVMInternalLinkage);
    l->depthv = LLVMGetParam(l->fn, np - 2);
    l->run = LLVMGetParam(l->fn, np - 1);
    l->ret = NULL;
    l->direct = true;
    wrapper(l, name);
    return true;
}

/* at the top of the entry block: the frame, where helpers read operands and inlined callees' results land
 * (LLVM keeps only what some path reads), with the arguments in their slots as the frame ABI has them */
void ll_direct_entry(L *l) {
    uint32_t ns = l->c->nslots ? l->c->nslots : 1;
    l->frame = LLVMBuildAlloca(l->b, LLVMArrayType(l->i64, ns), "frame");
    LLVMSetAlignment(l->frame, 16);
    unsigned q = 0;
    LLVMTypeRef ty[MAXC];
    for (uint32_t j = 0; j < l->f->argty.n; j++) {
        const Type *t = l->f->argty.v[j];
        int k = comps(l, t, ty);
        for (int c = 0; c < k; c++) st(l, LLVMGetParam(l->fn, q++), slot_ptr(l, l->c->arg_slot[j], comp_off(t, c)));
    }
}

/* argument leaf j's value: its parameters */
LV ll_direct_arg(L *l, uint32_t j) {
    LV v = {{0}, 0};
    LLVMTypeRef ty[MAXC];
    unsigned q = 0;
    for (uint32_t i = 0; i < j && i < l->f->argty.n; i++) q += (unsigned)comps(l, l->f->argty.v[i], ty);
    if (j < l->f->argty.n) v.n = comps(l, l->f->argty.v[j], ty);
    for (int c = 0; c < v.n; c++) v.v[c] = LLVMGetParam(l->fn, q + (unsigned)c);
    return v;
}

/* the error exit: Run holds the exception; the result is never read */
void ll_direct_fail(L *l) {
    LLVMTypeRef rt = result_type(l);
    if (LLVMGetTypeKind(rt) == LLVMVoidTypeKind) LLVMBuildRetVoid(l->b);
    else LLVMBuildRet(l->b, LLVMGetPoison(rt));
}

/* a return of vals (the block's values, their components in order) */
void ll_direct_return(L *l, const LV *vals, uint32_t n) {
    LLVMValueRef c[MAXC];
    int k = 0;
    for (uint32_t i = 0; i < n; i++)
        for (int j = 0; j < vals[i].n && k < MAXC; j++) c[k++] = vals[i].v[j];
    LLVMTypeRef rt = result_type(l);
    if (LLVMGetTypeKind(rt) == LLVMVoidTypeKind) LLVMBuildRetVoid(l->b);
    else if (LLVMGetTypeKind(rt) != LLVMStructTypeKind) LLVMBuildRet(l->b, c[0]);
    else LLVMBuildAggregateRet(l->b, c, (unsigned)k);
}

/* a self call r at depth (already checked against the limits): its arguments' components, the direct call, the
 * error test, the result's components; false (nothing emitted) where an argument's components do not match the
 * parameters', and r goes through the frame helper */
bool ll_direct_call(L *l, Ref r, LLVMValueRef depth) {
    Ins *in = IN(l, r);
    Ref args[DIRECT_PARAMS_MAX + 1];
    if (in->n > DIRECT_PARAMS_MAX) return false;
    for (uint32_t j = 0; j < in->n; j++) args[j] = AR(l, r, j);
    return ll_direct_call_of(l, r, args, in->n, in->ty, depth);
}

/* the same with the call's operands and result type given (r: where the result goes, l->val[r]) */
bool ll_direct_call_of(L *l, Ref r, const Ref *args, uint32_t nargs, const Type *rty, LLVMValueRef depth) {
    LLVMTypeRef fty = LLVMGlobalGetValueType(l->fn);
    unsigned np = LLVMCountParamTypes(fty);
    LLVMTypeRef pt[DIRECT_PARAMS_MAX + 2];
    LLVMGetParamTypes(fty, pt);
    LLVMValueRef a[DIRECT_PARAMS_MAX + 2];
    unsigned n = 0;
    for (uint32_t j = 0; j < nargs; j++) {
        LV *v = &l->val[args[j]];
        for (int c = 0; c < v->n; c++) {
            if (n + 2 >= np || LLVMTypeOf(v->v[c]) != pt[n]) return false;
            a[n++] = v->v[c];
        }
    }
    if (n + 2 != np) return false;
    a[n++] = depth;
    a[n++] = l->run;
    LLVMValueRef res = LLVMBuildCall2(l->b, fty, l->fn, a, n, "");
    /* out of a try body, a return of its own: where only arithmetic follows the call before the return,
     * LLVM folds the test away (the result is poison on that path anyway) and the call is a tail call */
    LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(l->cx, l->fn, ""), fail = l->err;
    if (l->err == l->err_exit) fail = LLVMAppendBasicBlockInContext(l->cx, l->fn, "raised");
    LLVMBuildCondBr(l->b, failed(l, l->run), fail, ok);
    if (fail != l->err) {
        LLVMPositionBuilderAtEnd(l->b, fail);
        ll_direct_fail(l);
    }
    LLVMPositionBuilderAtEnd(l->b, ok);
    if (!rty || !ty_is_leaf(rty)) return true;
    LLVMTypeRef ty[MAXC];
    LV v = {{0}, comps(l, rty, ty)};
    for (int c = 0; c < v.n; c++) v.v[c] = v.n == 1 ? res : LLVMBuildExtractValue(l->b, res, (unsigned)c, "");
    l->val[r] = v;
    return true;
}

/* this call's depth to Run, for what is about to read it (the frame helper's calls, inlined callees) */
void ll_direct_sync_depth(L *l) {
    if (l->direct) st(l, l->depthv, ll_field(l, l->run, offsetof(Run, depth)));
}

/* the calls to from inside f, pointed at to */
static void redirect_self_calls(LLVMValueRef f, LLVMValueRef from, LLVMValueRef to) {
    for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(f); b; b = LLVMGetNextBasicBlock(b))
        for (LLVMValueRef i = LLVMGetFirstInstruction(b); i; i = LLVMGetNextInstruction(i))
            if (LLVMGetInstructionOpcode(i) == LLVMCall && LLVMGetCalledValue(i) == from)
                LLVMSetOperand(i, (unsigned)LLVMGetNumOperands(i) - 1, to);
}

static unsigned instruction_count(LLVMValueRef f) {
    unsigned n = 0;
    for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(f); b; b = LLVMGetNextBasicBlock(b))
        for (LLVMValueRef i = LLVMGetFirstInstruction(b); i; i = LLVMGetNextInstruction(i)) n++;
    return n;
}

/* a copy of the direct function, named name, always inlined: its self calls call the original */
static LLVMValueRef copy_of(L *l, const char *name) {
    LLVMValueRef g = kiln_llvm_clone_fn(l->fn, name);
    LLVMSetLinkage(g, LLVMInternalLinkage);
    ll_fn_attr(l, g, "alwaysinline");
    return g;
}

/* Two levels of the recursion per call, as gcc's recursive inlining does: a copy of the direct function, the
 * original calling it and it calling the original, inlined, so that each
 * call that remains runs two levels' bodies. Run after tail-recursion elimination, so the copy brings its loop along.
 * fib(30) at tier 2: 3.35 -> 2.43 ms (three levels 2.65, four 2.55: measured with more copies in a chain); its
 * compile 10.6 -> 13.2-14.3 ms, LLVM's load included. jit_unit asks for it only where the body has no loop
 * (quicksort, whose partition loop dominates, ran as fast and compiled in 1.8x the time). The copy counts its depth
 * and checks its limits as the original does (it is the same code at depth + 1), so RecursionError and the interrupt
 * checks come at the same calls. Only small bodies (the copy doubles the code at each self call); false where it was
 * not done. */
bool ll_direct_unroll(L *l) {
    enum { UNROLL_MAX_INSTRUCTIONS = 300 };
    if (!l->direct || instruction_count(l->fn) > UNROLL_MAX_INSTRUCTIONS) return false;
    size_t len;
    char cn[180];
    const char *nm = LLVMGetValueName2(l->fn, &len);
    snprintf(cn, sizeof cn, "%.*s.level2", (int)len, nm);
    redirect_self_calls(l->fn, l->fn, copy_of(l, cn));
    return true;
}
