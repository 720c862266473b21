/*
 * fold.c — constant folding.
 * requires: SSA. preserves: types and semantics (ops that would raise are
 * left for run time, so the error keeps its line). Branches on constants
 * become jumps and selects on constants become their chosen operand. The lengths and strides a
 * specialization fixes (static shapes, Func.argfix) become constants.
 */
#include "opt.h"
#include "../rt/eval.h"

static bool is_const(Func *f, Ref r) {
    Ins *in = &f->ins.v[r];
    return in->op == OP_CONST && in->ty && in->ty->kind == T_SCALAR;
}

/* a.shape[k] or a.strides[k] of an argument whose specialization fixes it (static shapes) */
static bool fold_fixed(Func *f, Ref r, bool *changed) {
    Ins *in = &f->ins.v[r];
    Scalar s = SCALAR_ZERO;
    if (!ir_fixed_shape(f, in->op, ir_arg(f, r, 0), in->aux, &s.i)) return true;
    if (!ir_cst_add(f, in->ty, s)) return false;
    in = &f->ins.v[r];
    in->op = OP_CONST; in->aux = f->cst.n - 1; in->n = 0;
    *changed = true;
    return true;
}

static bool fold_ins(Func *f, Ref r, bool *changed) {
    Ins *in = &f->ins.v[r];
    if ((in->op == OP_DIM || in->op == OP_STRIDE) && f->argfix) return fold_fixed(f, r, changed);
    if (!(ir_flags(in->op) & F_FOLD) || !in->ty || in->ty->kind != T_SCALAR || in->n == 0 || in->n > 3) return true;
    if (in->op == OP_SELECT) {
        Ref c = ir_arg(f, r, 0);
        if (!is_const(f, c)) return true;
        Ref pick = ir_arg(f, r, f->cst.v[f->ins.v[c].aux].i ? 1 : 2);
        ir_replace_uses(f, r, pick);
        *changed = true;
        return true;
    }
    Slot vals[3][2], out[2];
    Slot *ops[3];
    for (uint32_t k = 0; k < in->n; k++) {
        Ref a = ir_arg(f, r, k);
        if (!is_const(f, a)) return true;
        ev_from_scalar(f->ins.v[a].ty, &f->cst.v[f->ins.v[a].aux], vals[k]);
        ops[k] = vals[k];
    }
    const Type *at = f->ins.v[ir_arg(f, r, 0)].ty;
    memset(out, 0, sizeof out);
    if (ev_op(in->op, in->flags, in->aux, in->ty, at, ops, (int)in->n, out) != RE_OK) return true;
    Scalar s;
    ev_to_scalar(in->ty, out, &s);
    if (!ir_cst_add(f, in->ty, s)) return false;
    in = &f->ins.v[r];
    in->op = OP_CONST; in->aux = f->cst.n - 1; in->n = 0;
    *changed = true;
    return true;
}

static void fold_branch(Func *f, uint32_t bi, bool *changed) {
    Block *b = &f->blocks.v[bi];
    if (b->term != TERM_BR || !is_const(f, b->cond)) return;
    int keep = f->cst.v[f->ins.v[b->cond].aux].i ? 0 : 1;
    Edge drop = b->succ[1 - keep];
    Block *t = &f->blocks.v[drop.to];
    for (uint32_t k = 0; k < t->preds.n; k++)
        if (t->preds.v[k].blk == bi && t->preds.v[k].succ == 1 - keep) {
            memmove(&t->preds.v[k], &t->preds.v[k + 1], sizeof(Pred) * (t->preds.n - k - 1));
            t->preds.n--;
            break;
        }
    b->succ[0] = b->succ[keep];
    b->term = TERM_JMP; b->nsucc = 1; b->cond = 0;
    Block *kt = &f->blocks.v[b->succ[0].to];
    for (uint32_t k = 0; k < kt->preds.n; k++)
        if (kt->preds.v[k].blk == bi) kt->preds.v[k].succ = 0;
    *changed = true;
}

bool opt_fold(Func *f) {
    bool changed = true;
    for (int round = 0; changed && round < 8; round++) {
        changed = false;
        for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
            Block *b = &f->blocks.v[bi];
            if (b->dead) continue;
            for (uint32_t k = 0; k < f->blocks.v[bi].ins.n; k++)
                if (!fold_ins(f, f->blocks.v[bi].ins.v[k], &changed)) return false;
            fold_branch(f, bi, &changed);
        }
    }
    return true;
}
