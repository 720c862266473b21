/*
 * select.c — if-conversion: a branch whose arms compute a few pure values and meet again becomes those values
 * computed on both ways and OP_SELECTs of them (`0.0 if x < 0.0 else x`, `if a > m: m = a`).
 * requires: SSA, dce and merge run (no unreachable blocks, arms already single blocks).
 *
 * A block A ending in `br c, T, F` qualifies when each way reaches one join block D either directly or through a
 * block that A alone enters, holding at most ARM_MAX instructions that neither raise nor touch memory (F_PURE: so
 * computing the way not taken changes nothing, not even which error comes), jumping to D; D has no other way in,
 * and each of its parameters gets the same value both ways or is a one-slot scalar (a bool, an int, a float: what
 * every tier's OP_SELECT takes). The arms' instructions move into A, each parameter's value is the value of its way
 * (SELECT c, t, f), and A jumps to D. Arms that may raise (`1.0 / x if x else 0.0`) stay branches.
 *
 * Why: a small kernel of one block can be inlined (inline.c), and none with a conditional expression was; tier 1
 * and the interpreter pay a branch, a block and parameter moves for each `x if c else y`. LLVM if-converts by
 * itself, so tier 2 sees what it would have made. Conversions expose others (a nested conditional expression's inner
 * join becomes straight-line code), so the pass repeats, merging blocks in between, until nothing changes.
 */
#include "opt.h"

enum { ARM_MAX = 8 };

/* the way from A on its edge s: the arm block (or UINT32_MAX where the edge goes to the join directly), its join,
 * and the edge into the join (its arguments); false where it is neither */
typedef struct Way { uint32_t arm, join; Edge *into; } Way;

static bool way(Func *f, uint32_t a, int s, Way *w) {
    Block *A = &f->blocks.v[a];
    uint32_t t = A->succ[s].to;
    Block *T = &f->blocks.v[t];
    w->arm = UINT32_MAX; w->join = t; w->into = &A->succ[s];
    if (t == a || T->dead) return false;
    if (T->preds.n != 1 || T->params.n || T->term != TERM_JMP || A->succ[s].args.n) return true; /* direct */
    if (T->ins.n > ARM_MAX) return true;
    for (uint32_t k = 0; k < T->ins.n; k++) {
        int op = f->ins.v[T->ins.v[k]].op;
        if (op == OP_PARAM || !(ir_flags(op) & F_PURE)) return true;
    }
    w->arm = t; w->join = T->succ[0].to; w->into = &T->succ[0];
    return true;
}

static bool one_slot_scalar(const Type *t) { return t && t->kind == T_SCALAR && !dt_is_complex(t->dtype); }

/* A's branch converted, if it qualifies; false when not (or out of memory: f->a->failed) */
static bool convert(Func *f, uint32_t a) {
    Block *A = &f->blocks.v[a];
    if (A->dead || A->term != TERM_BR) return false;
    Way w[2];
    if (!way(f, a, 0, &w[0]) || !way(f, a, 1, &w[1])) return false;
    uint32_t d = w[0].join;
    Block *D = &f->blocks.v[d];
    if (d != w[1].join || d == a || D->preds.n != 2 || w[0].into->args.n != D->params.n || w[1].into->args.n != D->params.n)
        return false;
    for (uint32_t k = 0; k < D->params.n; k++)
        if (w[0].into->args.v[k] != w[1].into->args.v[k] && !one_slot_scalar(f->ins.v[D->params.v[k]].ty)) return false;
    /* the arms' instructions into A, in order (arm 0's first: neither reads the other's) */
    for (int s = 0; s < 2; s++) {
        if (w[s].arm == UINT32_MAX) continue;
        Block *T = &f->blocks.v[w[s].arm];
        for (uint32_t k = 0; k < T->ins.n; k++) {
            Ref r = T->ins.v[k];
            f->ins.v[r].blk = a;
            if (!vec_push(f->a, f->blocks.v[a].ins, r)) return false;
            T = &f->blocks.v[w[s].arm];
        }
    }
    A = &f->blocks.v[a];
    Ref c = A->cond;
    uint32_t line = A->line, np = D->params.n;
    RefVec args = {0};
    for (uint32_t k = 0; k < np; k++) {
        Ref t = w[0].into->args.v[k], e = w[1].into->args.v[k], v = t;
        if (t != e) {
            Ref ops[3] = {c, t, e};
            v = ir_emit(f, a, OP_SELECT, f->ins.v[f->blocks.v[d].params.v[k]].ty, ops, 3, 0, line);
            if (!v) return false;
        }
        if (!vec_push(f->a, args, v)) return false;
    }
    for (int s = 0; s < 2; s++) {
        if (w[s].arm == UINT32_MAX) continue;
        Block *T = &f->blocks.v[w[s].arm];
        T->dead = true; T->ins.n = 0; T->params.n = 0; T->preds.n = 0; T->nsucc = 0;
    }
    A = &f->blocks.v[a];
    A->term = TERM_JMP; A->nsucc = 1; A->cond = 0;
    A->succ[0].to = d; A->succ[0].args = args;
    A->succ[1].to = 0; A->succ[1].args.n = 0;
    D = &f->blocks.v[d];
    D->preds.n = 1;
    D->preds.v[0] = (Pred){a, 0};
    return true;
}

bool opt_select(Func *f) {
    for (bool changed = true; changed;) {
        changed = false;
        for (uint32_t a = 0; a < f->blocks.n; a++)
            if (convert(f, a)) changed = true;
        if (f->a->failed) return false;
        if (changed && !opt_merge(f)) return false;
    }
    return !f->a->failed;
}
