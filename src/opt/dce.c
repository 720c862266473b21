/*
 * dce.c — dead code elimination.
 * requires: SSA. Removes blocks unreachable from the entry (and their edges),
 * then values nothing live uses: an instruction is live if it has an effect
 * (writes, calls, may raise: a math function of floats that never raises,
 * ir_mathfn_quiet, has none) or feeds a live instruction, a branch, a block
 * argument of a live parameter, or a return. Unused block parameters go with
 * their arguments.
 */
#include "opt.h"
#include "../ir/mathfn.h"

static void unreachable(Func *f) {
    uint32_t n = f->blocks.n;
    bool *seen = arena_alloc(f->a, n);
    uint32_t *stack = arena_alloc(f->a, sizeof(uint32_t) * n);
    if (!seen || !stack) return;
    uint32_t sp = 0;
    seen[0] = true; stack[sp++] = 0;
    while (sp) {
        Block *b = &f->blocks.v[stack[--sp]];
        for (int s = 0; s < b->nsucc; s++)
            if (!seen[b->succ[s].to]) { seen[b->succ[s].to] = true; stack[sp++] = b->succ[s].to; }
    }
    for (uint32_t bi = 0; bi < n; bi++) {
        if (seen[bi] || f->blocks.v[bi].dead) continue;
        Block *b = &f->blocks.v[bi];
        b->dead = true;
        for (uint32_t k = 0; k < b->ins.n; k++) f->ins.v[b->ins.v[k]].blk = UINT32_MAX;
        for (int s = 0; s < b->nsucc; s++) {
            Block *t = &f->blocks.v[b->succ[s].to];
            for (uint32_t k = 0; k < t->preds.n; k++)
                if (t->preds.v[k].blk == bi) { t->preds.v[k] = t->preds.v[--t->preds.n]; k--; }
        }
    }
}

/* a math function of float numbers that CPython's math module computes without an error rule (atan2, hypot...) */
static bool quiet_math(const Func *f, const Ins *in) {
    if (in->op != OP_MATH || !ir_mathfn_quiet((int)in->aux) || !in->ty || in->ty->kind != T_SCALAR) return false;
    if (!dt_is_float(in->ty->dtype) && in->ty->dtype != KILN_BOOL) return false;
    for (uint32_t k = 0; k < in->n; k++) {
        Ref a = f->opnd.v[in->opnd + k];
        const Type *t = a && a < f->ins.n ? f->ins.v[a].ty : NULL;
        if (!t || t->kind != T_SCALAR || !dt_is_float(t->dtype)) return false;
    }
    return true;
}

static bool effect(const Func *f, Ins *in) {
    unsigned fl = ir_flags(in->op);
    if ((in->op == OP_MATH || in->op == OP_DIV) && (in->flags & INS_NUMPY)) return false; /* NumPy's: inf/nan, no exception */
    if (quiet_math(f, in)) return false;
    if (fl & (F_WRITES | F_RAISES)) return true;
    if (in->op == OP_BOUND && (in->flags & BOUND_NOCHECK)) return false;
    return false;
}

static void mark(Func *f, bool *live, Ref *work, uint32_t *sp, Ref r) {
    if (!r || r >= f->ins.n || live[r]) return;
    live[r] = true;
    work[(*sp)++] = r;
}

bool opt_dce(Func *f) {
    ir_try_settle(f);
    unreachable(f);
    uint32_t n = f->ins.n;
    bool *live = arena_alloc(f->a, n);
    Ref *work = arena_alloc(f->a, sizeof(Ref) * n);
    if (!live || !work) return false;
    uint32_t sp = 0;
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        Block *b = &f->blocks.v[bi];
        if (b->dead) continue;
        for (uint32_t k = 0; k < b->ins.n; k++) {
            Ins *in = &f->ins.v[b->ins.v[k]];
            if (effect(f, in) || in->op == OP_ARG) mark(f, live, work, &sp, b->ins.v[k]);
        }
        if (b->term == TERM_BR) mark(f, live, work, &sp, b->cond);
        for (uint32_t k = 0; k < b->rets.n; k++) mark(f, live, work, &sp, b->rets.v[k]);
    }
    while (sp) {
        Ref r = work[--sp];
        Ins *in = &f->ins.v[r];
        for (uint32_t j = 0; j < in->n; j++) mark(f, live, work, &sp, ir_arg(f, r, j));
        if (in->op == OP_PARAM && in->blk != UINT32_MAX) {
            Block *b = &f->blocks.v[in->blk];
            for (uint32_t k = 0; k < b->preds.n; k++) {
                Edge *e = &f->blocks.v[b->preds.v[k].blk].succ[b->preds.v[k].succ];
                if ((uint32_t)in->aux < e->args.n) mark(f, live, work, &sp, e->args.v[in->aux]);
            }
        }
    }
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        Block *b = &f->blocks.v[bi];
        if (b->dead) continue;
        /* drop dead parameters (and their argument in every incoming edge) */
        for (uint32_t k = b->params.n; k-- > 0;) {
            Ref p = b->params.v[k];
            if (live[p]) continue;
            for (uint32_t q = 0; q < b->preds.n; q++) {
                Edge *e = &f->blocks.v[b->preds.v[q].blk].succ[b->preds.v[q].succ];
                if (k < e->args.n) { memmove(&e->args.v[k], &e->args.v[k + 1], sizeof(Ref) * (e->args.n - k - 1)); e->args.n--; }
            }
            memmove(&b->params.v[k], &b->params.v[k + 1], sizeof(Ref) * (b->params.n - k - 1));
            b->params.n--;
        }
        for (uint32_t k = 0; k < b->params.n; k++) f->ins.v[b->params.v[k]].aux = k;
        uint32_t w = 0;
        for (uint32_t k = 0; k < b->ins.n; k++) {
            Ref r = b->ins.v[k];
            if (live[r]) b->ins.v[w++] = r;
            else f->ins.v[r].blk = UINT32_MAX;
        }
        b->ins.n = w;
    }
    if (ir_try_settle(f)) unreachable(f); /* a try's protected instruction was among the dead */
    return true;
}
