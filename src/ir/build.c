/*
 * build.c — constructing IR: blocks, instructions, constants, terminators
 * and edges. Allocation failures are recorded in the arena (ir_failed) so
 * builders check once per statement instead of at every call.
 */
#include "ir.h"
#include <stdio.h>
#include <stdlib.h>

bool ir_init(Func *f, Arena *a, const char *name) {
    memset(f, 0, sizeof *f);
    f->a = a; f->name = name;
    Ins none = {0};
    return vec_push(a, f->ins, none);   /* Ref 0 = no value */
}

bool ir_failed(Func *f) { return f->a->failed; }

uint32_t ir_block(Func *f) {
    Block b;
    memset(&b, 0, sizeof b);
    b.ename = b.emsg = -1;
    if (!vec_push(f->a, f->blocks, b)) return 0;
    return f->blocks.n - 1;
}

Ref ir_emit(Func *f, uint32_t blk, int op, const Type *ty, const Ref *ops, uint32_t n, int64_t aux, uint32_t line) {
    Ins in = {0};
    in.op = (uint16_t)op; in.ty = ty; in.aux = aux; in.line = line; in.blk = blk;
    in.opnd = f->opnd.n; in.n = n;
    if (!vec_grow(f->a, f->opnd, n)) return 0;
    for (uint32_t i = 0; i < n; i++) f->opnd.v[f->opnd.n++] = ops[i];
    if (!vec_push(f->a, f->ins, in)) return 0;
    Ref r = f->ins.n - 1;
    if (!vec_push(f->a, f->blocks.v[blk].ins, r)) return 0;
    return r;
}

/* a constant into the pool, its unused bytes zeroed: only complex values use the union's second
 * word, and cse compares constants by their bytes (garbage there once made cse merge constants in
 * one build and not in another) */
bool ir_cst_add(Func *f, const Type *ty, Scalar v) {
    if (!(ty && ty->kind == T_SCALAR && dt_is_complex(ty->dtype))) memset((char *)&v + sizeof(double), 0, sizeof v - sizeof(double));
    return vec_push(f->a, f->cst, v);
}

Ref ir_const(Func *f, uint32_t blk, const Type *ty, Scalar v, uint32_t line) {
    if (!ir_cst_add(f, ty, v)) return 0;
    return ir_emit(f, blk, OP_CONST, ty, NULL, 0, f->cst.n - 1, line);
}

static bool add_pred(Func *f, uint32_t to, uint32_t from, int succ) {
    Pred p = {from, (uint8_t)succ};
    return vec_push(f->a, f->blocks.v[to].preds, p);
}

bool ir_jmp(Func *f, uint32_t from, uint32_t to, uint32_t line) {
    Block *b = &f->blocks.v[from];
    if (!ir_check(b->term == TERM_NONE, &f->broken, "a block was given a second terminator")) return false;
    b->term = TERM_JMP; b->nsucc = 1; b->line = line;
    b->succ[0].to = to;
    return add_pred(f, to, from, 0);
}

bool ir_br(Func *f, uint32_t from, Ref cond, uint32_t t, uint32_t e, uint32_t line) {
    Block *b = &f->blocks.v[from];
    if (!ir_check(b->term == TERM_NONE, &f->broken, "a block was given a second terminator")) return false;
    b->term = TERM_BR; b->nsucc = 2; b->cond = cond; b->line = line;
    b->succ[0].to = t; b->succ[1].to = e;
    return add_pred(f, t, from, 0) && add_pred(f, e, from, 1);
}

bool ir_try(Func *f, uint32_t from, uint32_t ok, uint32_t raised, uint32_t line) {
    Block *b = &f->blocks.v[from];
    if (!ir_check(b->term == TERM_NONE, &f->broken, "a block was given a second terminator")) return false;
    b->term = TERM_TRY; b->nsucc = 2; b->line = line;
    b->cond = b->ins.n ? b->ins.v[b->ins.n - 1] : 0; /* the instruction it protects */
    b->succ[0].to = ok; b->succ[1].to = raised;
    return add_pred(f, ok, from, 0) && add_pred(f, raised, from, 1);
}

/* A try block's raised edge belongs to the instruction it protects (Block.cond), which must stay its last and
 * still be one that may raise: a pass that folded it away (a range check proven, then removed as dead) would leave
 * another instruction last, one from before the try, whose exceptions the try must not catch. Such blocks become
 * plain jumps (their pads, unreachable, are dce's). */
bool ir_try_settle(Func *f) {
    bool changed = false;
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        Block *b = &f->blocks.v[bi];
        if (b->dead || b->term != TERM_TRY) continue;
        Ref last = b->ins.n ? b->ins.v[b->ins.n - 1] : 0;
        if (last && last == b->cond && (ir_flags(f->ins.v[last].op) & F_RAISES)) continue;
        Block *t = &f->blocks.v[b->succ[1].to];
        for (uint32_t k = 0; k < t->preds.n; k++)
            if (t->preds.v[k].blk == bi && t->preds.v[k].succ == 1) {
                memmove(&t->preds.v[k], &t->preds.v[k + 1], sizeof(Pred) * (t->preds.n - k - 1));
                t->preds.n--;
                break;
            }
        b->term = TERM_JMP; b->nsucc = 1; b->cond = 0;
        changed = true;
    }
    return changed;
}

/* a raise block (TERM_RAISE) of a try body: after raising it goes on to the try's handlers */
bool ir_raise_to(Func *f, uint32_t from, uint32_t to) {
    Block *b = &f->blocks.v[from];
    if (!ir_check(b->term == TERM_RAISE && !b->nsucc, &f->broken, "a raise that already goes on")) return false;
    b->nsucc = 1;
    b->succ[0].to = to;
    return add_pred(f, to, from, 0);
}

/* positional: while a phi's operands are read, reading another variable can
 * complete a later parameter of the same block first, so appending would put
 * that one's argument in this one's place */
bool ir_edge_arg(Func *f, uint32_t from, int succ, uint32_t idx, Ref v) {
    Edge *e = &f->blocks.v[from].succ[succ];
    Ref zero = 0;
    while (e->args.n <= idx)
        if (!vec_push(f->a, e->args, zero)) return false;
    e->args.v[idx] = v;
    return true;
}

Ref ir_param(Func *f, uint32_t blk, const Type *ty) {
    Block *b = &f->blocks.v[blk];
    Ref r = ir_emit(f, blk, OP_PARAM, ty, NULL, 0, b->params.n, 0);
    if (!r) return 0;
    b = &f->blocks.v[blk];
    /* params go first: move the new ref from the end of ins to after the last param */
    uint32_t np = b->params.n;
    memmove(&b->ins.v[np + 1], &b->ins.v[np], sizeof(Ref) * (b->ins.n - 1 - np));
    b->ins.v[np] = r;
    if (!vec_push(f->a, b->params, r)) return 0;
    return r;
}

int ir_str(Func *f, const char *s) {
    for (uint32_t i = 0; i < f->strs.n; i++)
        if (strcmp(f->strs.v[i], s) == 0) return (int)i;
    char *c = arena_strndup(f->a, s, strlen(s));
    if (!c || !vec_push(f->a, f->strs, (const char *)c)) return -1;
    return (int)f->strs.n - 1;
}

void ir_replace_uses(Func *f, Ref from, Ref to) {
    for (uint32_t i = 0; i < f->opnd.n; i++)
        if (f->opnd.v[i] == from) f->opnd.v[i] = to;
    for (uint32_t b = 0; b < f->blocks.n; b++) {
        Block *bl = &f->blocks.v[b];
        if (bl->cond == from) bl->cond = to;
        for (int s = 0; s < bl->nsucc; s++)
            for (uint32_t k = 0; k < bl->succ[s].args.n; k++)
                if (bl->succ[s].args.v[k] == from) bl->succ[s].args.v[k] = to;
        for (uint32_t k = 0; k < bl->rets.n; k++)
            if (bl->rets.v[k] == from) bl->rets.v[k] = to;
    }
}

bool ir_fixed_shape(const Func *f, int op, Ref r, int64_t k, int64_t *v) {
    int64_t n;
    if (!f->argfix || k < 0 || k >= KILN_MAXDIM) return false;
    if (op == OP_DIM) return ir_fixed_dim(f, r, (int)k, v);
    const Type *at = f->ins.v[r].ty;
    if (op != OP_STRIDE || !at || at->kind != T_ARRAY || at->layout != LAYOUT_C || !ir_fixed_dim(f, r, (int)k, &n) || n == 1) return false;
    int64_t s = dt_bits(at->dtype) / 8;
    for (int j = at->ndim - 1; j > k; j--) {
        if (!ir_fixed_dim(f, r, j, &n)) return false;
        s *= n;
    }
    *v = s;
    return true;
}
