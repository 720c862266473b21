/*
 * merge.c — merge straight-line blocks.
 * requires: SSA, dce run (no unreachable blocks). A block whose only
 * predecessor jumps to it unconditionally is appended to that predecessor,
 * its parameters replaced by the jump's arguments. Loops built by the front
 * end end in an empty latch block; merging it away saves the interpreter a
 * dispatch per iteration and lets the baseline tier keep values in registers
 * across the back edge's moves.
 */
#include "opt.h"

static bool merge_one(Func *f, uint32_t p) {
    Block *pb = &f->blocks.v[p];
    if (pb->dead || pb->term != TERM_JMP) return false;
    uint32_t bi = pb->succ[0].to;
    Block *b = &f->blocks.v[bi];
    if (bi == 0 || bi == p || b->dead || b->preds.n != 1) return false;
    /* the parameters become the arguments */
    for (uint32_t k = 0; k < b->params.n; k++) {
        Ref prm = b->params.v[k], arg = f->blocks.v[p].succ[0].args.v[k];
        ir_replace_uses(f, prm, arg);
        f->ins.v[prm].blk = UINT32_MAX;
    }
    pb = &f->blocks.v[p];
    b = &f->blocks.v[bi];
    for (uint32_t k = b->params.n; k < b->ins.n; k++) {
        Ref r = b->ins.v[k];
        f->ins.v[r].blk = p;
        if (!vec_push(f->a, pb->ins, r)) return false;
        pb = &f->blocks.v[p];
        b = &f->blocks.v[bi];
    }
    pb->term = b->term; pb->nsucc = b->nsucc; pb->cond = b->cond; pb->line = b->line;
    pb->succ[0] = b->succ[0]; pb->succ[1] = b->succ[1];
    pb->rets = b->rets; pb->ename = b->ename; pb->emsg = b->emsg;
    for (int s = 0; s < pb->nsucc; s++) {
        Block *t = &f->blocks.v[pb->succ[s].to];
        for (uint32_t k = 0; k < t->preds.n; k++)
            if (t->preds.v[k].blk == bi && t->preds.v[k].succ == s) t->preds.v[k].blk = p;
    }
    b->dead = true;
    b->ins.n = 0; b->params.n = 0;
    return true;
}

bool opt_merge(Func *f) {
    bool changed = true;
    while (changed) {
        changed = false;
        for (uint32_t p = 0; p < f->blocks.n; p++)
            while (merge_one(f, p)) changed = true;
    }
    return !f->a->failed;
}
