/*
 * bce.c — bounds-check elimination for the common loop shape.
 * requires: SSA, cse run (equal DIMs are one value). preserves: semantics.
 * In `for i in range(a.shape[k])` (or len(a)) the header branches on
 * i < DIM(a, k) with i counting up from a non-negative start; a check of
 * a[..., i, ...] on axis k in a block the loop body dominates can neither
 * wrap nor fail, so it is dropped. Other checks stay (tier 2 removes or
 * hoists more of them with LLVM's range-check elimination).
 */
#include "opt.h"

static bool dominates(const uint32_t *idom, uint32_t a, uint32_t b) {
    for (;;) {
        if (b == a) return true;
        if (b == 0 || idom[b] == UINT32_MAX || idom[b] == b) return false;
        b = idom[b];
    }
}

bool opt_bce(Func *f) {
    uint32_t nb = f->blocks.n;
    uint32_t *idom = arena_alloc(f->a, sizeof(uint32_t) * (nb + 1));
    if (!idom || !opt_dominators(f, idom)) return false;
    for (uint32_t bi = 0; bi < nb; bi++) {
        Block *b = &f->blocks.v[bi];
        if (b->dead) continue;
        for (uint32_t k = 0; k < b->ins.n; k++) {
            Ref r = b->ins.v[k];
            Ins *in = &f->ins.v[r];
            if (in->op != OP_BOUND || (in->flags & BOUND_NOCHECK)) continue;
            Ref arr = ir_arg(f, r, 0), idx = ir_arg(f, r, 1);
            Ins *iv = &f->ins.v[idx];
            if (iv->op != OP_PARAM || !(iv->flags & INS_NONNEG) || iv->blk == UINT32_MAX) continue;
            Block *h = &f->blocks.v[iv->blk];
            if (h->term != TERM_BR) continue;
            Ins *c = &f->ins.v[h->cond];
            if (c->op != OP_LT || ir_arg(f, h->cond, 0) != idx) continue;
            Ins *n = &f->ins.v[ir_arg(f, h->cond, 1)];
            if (n->op != OP_DIM || ir_arg(f, ir_arg(f, h->cond, 1), 0) != arr || n->aux != in->aux) continue;
            uint32_t body = h->succ[0].to;
            if (f->blocks.v[body].preds.n != 1 || !dominates(idom, body, bi)) continue;
            in->flags |= BOUND_NOCHECK | BOUND_NOWRAP;
        }
    }
    return true;
}
