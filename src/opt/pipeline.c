/*
 * pipeline.c — the pass map. Passes run in this order on every
 * specialization; debug builds (KILN_DEBUG) verify the IR after each one.
 *
 *   fold  constant folding through rt/eval.c, branch folding
 *   inline  calls of small pure kernels replaced by their (already optimized) bodies, an OP_FRAME keeping the
 *           call's depth check; after fold, which settles the branches lowering left on constants
 *   dce   unreachable blocks, unused pure values and block parameters
 *   merge straight-line blocks joined (empty loop latches, if/else joins with one way in)
 *   select  if-conversion: a branch whose arms compute a few pure values becomes SELECTs of them
 *   cse   common subexpressions over the dominator tree (repeated bounds checks, z*z)
 *   bce   bounds checks of range(a.shape[k]) counters indexing a on axis k
 *   dce   again: what cse and merge left unused
 *   recurse  a small self-recursive kernel's calls of itself replaced by copies of its (optimized) body: two levels
 *            of the recursion a call, each copy's calls counted one frame deeper
 *   strfree  strings a block makes and only reads let go after their last read
 *   arrfree  arrays a loop iteration makes and does not keep let go at the end of the iteration; new arrays
 *            nothing keeps past the call marked ALLOC_LOCAL
 */
#include "opt.h"

const Pass opt_passes[] = {
    {"fold", opt_fold, "requires: SSA; preserves: types, semantics; may leave dead code"},
    {"inline", opt_inline, "requires: SSA, fold, the callees built; preserves semantics (RecursionError at the same call)"},
    {"dce", opt_dce, "requires: SSA; removes unreachable blocks and unused pure values"},
    {"merge", opt_merge, "requires: SSA, no unreachable blocks; preserves semantics; removes blocks"},
    {"select", opt_select, "requires: SSA, dce, merge; preserves semantics (only pure arms are speculated)"},
    {"cse", opt_cse, "requires: SSA, no unreachable blocks; preserves semantics"},
    {"bce", opt_bce, "requires: SSA, cse; preserves semantics; marks provably safe bounds checks"},
    {"dce", opt_dce, "requires: SSA; removes what cse made unused"},
    {"recurse", opt_recurse, "requires: SSA, the passes above; preserves semantics (RecursionError at the same call); moves no value across blocks"},
    {"strfree", opt_strfree, "requires: SSA, dce; adds frees of strings that do not escape their block"},
    {"arrfree", opt_arrfree, "requires: SSA, dce; adds frees of arrays that do not escape their loop's iteration, marks those that do not outlive the call"},
};
const int opt_npasses = (int)NELEM(opt_passes);

bool opt_run(Func *f, FILE *trace, const char *only, char *err, size_t cap) {
    for (int i = 0; i < opt_npasses; i++) {
        if (!opt_passes[i].run(f)) { snprintf(err, cap, "out of memory in pass %s", opt_passes[i].name); return false; }
#ifdef KILN_DEBUG
        char buf[256];
        const char *bad = ir_verify(f, buf, sizeof buf);
        if (bad) { snprintf(err, cap, "IR invalid after %s: %s", opt_passes[i].name, bad); return false; }
#endif
        if (trace && (!only || !strcmp(only, opt_passes[i].name))) {
            fprintf(trace, "--- after %s ---\n", opt_passes[i].name);
            ir_print(f, trace);
        }
    }
    err[0] = 0;
    return true;
}
