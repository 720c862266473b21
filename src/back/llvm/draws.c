/*
 * draws.c — tier 2's direct calls of the random streams' draws (LIB_RANDOM). random.random(), random.gauss(),
 * np.random.random(), standard_normal() and the bounded integer draws of randint/randbelow are plain functions of
 * the runtime (rt/random.c) that take no Run and raise nothing, so a loop of draws calls them as it calls libm, not
 * through the frame helper, which spills, gathers and dispatches for each (np.random.random(200000): about 19 ns a
 * draw, NumPy 2.5). The seeds, getrandbits and randrange (its ValueError) keep the helper. Same streams, same order,
 * same bits on every tier.
 */
#include "ll.h"
#include "../../ir/lib.h"

/* r's direct call where its draw has one; false: the helper's */
bool ll_random_op(L *l, Ref r) {
    Ins *in = IN(l, r);
    if (l->gpu || !in->ty) return false;
    const char *fn;
    bool real = true, arg = false;
    switch (in->aux >> 8) {
    case RND_PY_RANDOM: fn = "rt_py_random"; break;
    case RND_PY_GAUSS: fn = "rt_py_gauss"; break;
    case RND_NP_RANDOM: fn = "rt_np_random"; break;
    case RND_NP_GAUSS: fn = "rt_np_gauss"; break;
    case RND_PY_RANDBELOW: fn = "rt_py_randbelow", real = false, arg = true; break;
    case RND_NP_BOUNDED: fn = "rt_np_bounded", real = false, arg = true; break;
    default: return false;
    }
    LLVMTypeRef rt = real ? l->f64 : l->i64, p1[1] = {l->i64};
    LLVMTypeRef ft = LLVMFunctionType(rt, p1, arg ? 1 : 0, 0);
    LLVMValueRef a[1] = {arg ? V(l, AR(l, r, 0)) : NULL};
    l->val[r] = one(LLVMBuildCall2(l->b, ft, ll_ext_fn(l, fn, ft), a, arg ? 1 : 0, ""));
    return true;
}
