/*
 * inline.c — a call of a small scalar kernel replaced by the kernel's body (`compute(x)`, `x * x + 2 * x + 1`,
 * called from a loop). Tier 2 has LLVM's inliner; the interpreter and tier 1 called through a frame in memory every
 * time (tier 1: some thirty instructions a call, the arguments and the result through memory).
 * requires: SSA, fold, the callees' specializations built (lowering builds them before their caller's passes run).
 *
 * A callee qualifies when it is another kernel, built (not one still being built: recursion), and its IR is one
 * block of at most INLINE_MAX instructions on scalars and array headers that touch no memory, returning one leaf
 * value of the call's type: pure ones (arithmetic, comparisons, selects, complex parts, array lengths and strides),
 * scalar ones that may raise (division, %, **, casts, math functions: F_RAISES with F_FOLD), and the OP_FRAMEs of
 * calls inlined into it. The call becomes an OP_FRAME where it stood: the check the call made that one more frame
 * stays within max_recursion, so RecursionError comes at the same call on every tier (what else a call checks, the
 * stack left and kiln_interrupt, has nothing to guard in a body that neither recurses nor loops). The body is copied
 * next to it, its arguments replaced by the call's operands, its constants put in this function's pool.
 *
 * What may raise keeps its order and its line: a body with such copies (or OP_FRAMEs, one level deeper: aux) goes
 * after the call's OP_FRAME, each of them at the line it had in the callee, so the callee must come from this
 * function's source file (the message names the same file and line as before) and the call must not be a try
 * body's protected instruction (the one instruction of its block that may raise, and to the handler). A body of
 * pure operations goes before the call's OP_FRAME, which may then be protected (values that cannot raise may as
 * well be made before the check), each copy at the call's line. Runs after fold (lowering leaves blocks behind
 * constant branches that fold settles) and before cse and dce, which see the copies with their new operands; the
 * copies themselves were folded in the callee.
 */
#include "opt.h"
#include "../ir/unit.h"

enum { INLINE_MAX = 32, OPS_MAX = 8 };

/* whether r is the instruction a try body protects (its block's TERM_TRY raises from it) */
static bool protected_call(const Func *f, uint32_t bi, Ref r) {
    const Block *b = &f->blocks.v[bi];
    return b->term == TERM_TRY && b->cond == r;
}

/* a scalar operation that may raise (its copy keeps its line), or an inlined call's depth check */
static bool raises(int op) {
    return op == OP_FRAME || (ir_flags(op) & (F_RAISES | F_FOLD | F_READS | F_WRITES)) == (F_RAISES | F_FOLD);
}

/* the callee's body if call r (in block bi) qualifies (above), else NULL */
static Func *pure_body(Func *f, uint32_t bi, Ref r) {
    Ins *in = &f->ins.v[r];
    if (in->op != OP_CALL || (in->flags & INS_PAR) || in->aux < 0 || (uint64_t)in->aux >= f->callees.n) return NULL;
    Unit *u = f->callees.v[in->aux];
    Func *cf = u ? u->ir : NULL;
    if (!cf || cf == f || u->state != UNIT_READY || cf->argty.n != in->n || !in->ty || !ty_is_leaf(in->ty)) return NULL;
    if (!cf->blocks.n || cf->blocks.v[0].dead) return NULL;
    for (uint32_t bj = 1; bj < cf->blocks.n; bj++) if (!cf->blocks.v[bj].dead) return NULL;
    Block *b = &cf->blocks.v[0];
    if (b->term != TERM_RET || b->rets.n != 1 || b->ins.n > INLINE_MAX || cf->ins.v[b->rets.v[0]].ty != in->ty) return NULL;
    bool checks = false;
    for (uint32_t k = 0; k < b->ins.n; k++) {
        Ins *c = &cf->ins.v[b->ins.v[k]];
        if (c->op == OP_ARG) {
            if (c->aux < 0 || (uint64_t)c->aux >= in->n) return NULL;
            continue;
        }
        if (c->op == OP_PARAM || c->op == OP_EXTRACT || c->n > OPS_MAX) return NULL;
        if (raises(c->op)) checks = true;
        else if (!(ir_flags(c->op) & F_PURE)) return NULL;
    }
    if (checks && (!f->file || cf->file != f->file || protected_call(f, bi, r))) return NULL;
    return cf;
}

/* call r (at position pos of block bi) replaced: cf's body next to it, its uses pointed at the returned value, the
 * call itself an OP_FRAME; false on allocation failure */
static bool expand(Func *f, uint32_t bi, uint32_t pos, Ref r, Func *cf) {
    Block *cb = &cf->blocks.v[0];
    Ref *map = arena_alloc(f->a, sizeof(Ref) * cf->ins.n);
    if (!map) return false;
    uint32_t line = f->ins.v[r].line, before = f->blocks.v[bi].ins.n;
    bool checks = false;
    for (uint32_t k = 0; k < cb->ins.n; k++) {
        Ref cr = cb->ins.v[k];
        Ins c = cf->ins.v[cr]; /* a copy: emitting may move f's instructions, never cf's */
        if (c.op == OP_ARG) { map[cr] = ir_arg(f, r, (uint32_t)c.aux); continue; }
        Ref nr;
        bool raising = raises(c.op); /* at its own line; an inlined call's check one level deeper than this call */
        checks |= raising;
        if (c.op == OP_FRAME) nr = ir_emit(f, bi, OP_FRAME, NULL, NULL, 0, c.aux + 1, c.line);
        else if (c.op == OP_CONST) nr = ir_const(f, bi, c.ty, cf->cst.v[c.aux], line);
        else {
            Ref ops[OPS_MAX];
            for (uint32_t j = 0; j < c.n; j++) ops[j] = map[ir_arg(cf, cr, j)];
            nr = ir_emit(f, bi, c.op, c.ty, ops, c.n, c.aux, raising ? c.line : line);
        }
        if (!nr) return false;
        f->ins.v[nr].flags = c.flags;
        map[cr] = nr;
    }
    /* the copies were appended to the block: moved next to the call, in order (after it where some may raise, which
     * they must do after the call's check; else before it, where a try body's call stays its block's last) */
    Block *b = &f->blocks.v[bi];
    uint32_t added = b->ins.n - before, at = checks ? pos + 1 : pos;
    Ref *tail = arena_alloc(f->a, sizeof(Ref) * (added ? added : 1));
    if (!tail) return false;
    memcpy(tail, b->ins.v + before, sizeof(Ref) * added);
    memmove(b->ins.v + at + added, b->ins.v + at, sizeof(Ref) * (before - at));
    memcpy(b->ins.v + at, tail, sizeof(Ref) * added);
    /* the call's value is the returned one now; a try body's protected instruction (its TERM_TRY's cond) stays the
     * call, whose OP_FRAME is what may raise there */
    bool protects = protected_call(f, bi, r);
    ir_replace_uses(f, r, map[cb->rets.v[0]]);
    if (protects) f->blocks.v[bi].cond = r;
    Ins *in = &f->ins.v[r];
    in->op = OP_FRAME; in->ty = NULL; in->n = 0; in->aux = 0; in->flags = 0;
    char note[200];
    snprintf(note, sizeof note, "inline: line %u: %s() (%u instruction%s)", line, cf->name ? cf->name : "?",
             cb->ins.n, cb->ins.n == 1 ? "" : "s");
    char *s = arena_strndup(f->a, note, strlen(note));
    return s && vec_push(f->a, f->notes, (const char *)s);
}

bool opt_inline(Func *f) {
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        if (f->blocks.v[bi].dead) continue;
        for (uint32_t k = 0; k < f->blocks.v[bi].ins.n; k++) {
            Ref r = f->blocks.v[bi].ins.v[k];
            Func *cf = pure_body(f, bi, r);
            if (!cf) continue;
            uint32_t n = f->blocks.v[bi].ins.n;
            if (!expand(f, bi, k, r, cf)) return false;
            k += f->blocks.v[bi].ins.n - n; /* past the copies (they hold no call) */
        }
    }
    return true;
}
