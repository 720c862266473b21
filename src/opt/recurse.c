/*
 * recurse.c — a small self-recursive kernel runs two or three levels of its recursion per call (fib, a tree's size,
 * a divide-and-conquer sum): each call of itself is replaced by a copy of its own body, and where the whole stays
 * small (RECURSE_TOTAL) so are the calls of itself in those copies; the copies' copies' calls stay calls. A call of
 * a kernel costs every tier a frame (the interpreter and tier 1 fill it in memory, some thirty instructions at tier
 * 1); this makes a fraction of them and lets each tier see several levels' code at once (the leaves of fib,
 * `n < 2`, are tested in the caller). gcc does the same to a C fib (its recursive inlining); tier 2
 * does it in LLVM IR after tail-recursion elimination (back/llvm/direct.c), which turns fib's second call into a
 * loop first; that measured faster at tier 2 than this copy (fib(30): 2.43 against 2.87 ms), so tier 2's direct
 * entry makes each replaced call again (Func.recur says where), runs to the copy's continuation and leaves the copy
 * unreachable.
 * requires: SSA and the whole pipeline up to the last dce: the copies are of the optimized body, and no pass after
 * this one moves a value across blocks, so what a copy computes is used only inside it (or through its returns, the
 * continuation's parameter) and tier 2 may skip it.
 *
 * A kernel qualifies when it calls itself (not a parallel loop's body), has no loop (a loop's body dominates its
 * time, and its headers are where OSR enters: they stay the function's own), no try statement (a call that is a try
 * body's protected instruction cannot become blocks), at most RECURSE_MAX live instructions and RECURSE_CALLS calls
 * of itself, and returns one leaf value, None (a walk that fills an array) or a tuple of leaves that its calls read
 * leaf by leaf (`a, b = f(n - 1)`: each OP_EXTRACT becomes a parameter of the copy's continuation).
 *
 * The depth each tier counts (RecursionError at the same call, the interrupt checked as often): the call becomes an
 * OP_FRAME, the check the call made (aux: the frames below the function's own it was made from); every call in a
 * copy made for a call from k frames below is marked with k + 1 (INS_DEEPER's two bits, ir_call_levels), so its
 * callee runs that many levels deeper (frame.c's fr_invoke, tier 1's direct call and tier 2's depth_enter count
 * them, and check kiln_interrupt at any of that many levels in a row); the copy's OP_FRAMEs check k + 1 levels
 * deeper. What the copy raises, it raises at its own line of the same file, as the call would have. The function's
 * constants move to its entry block first, so that the copies share them (the interpreter and tier 1 fill every
 * constant of a frame at each call).
 */
#include "opt.h"
#include "../ir/unit.h"
#include <stdlib.h>

enum { RECURSE_MAX = 48, RECURSE_CALLS = 4, RECURSE_TOTAL = 160 };

/* f as it was before any call was replaced: each copy is made of this */
typedef struct Snap {
    Ins *ins;          /* f->ins.v[0..nins) */
    Ref *opnd;         /* f->opnd.v[0..nopnd) */
    Block *blk;        /* f->blocks.v[0..nblk), their vectors copied */
    uint32_t nins, nblk;
    uint32_t *order, norder; /* reverse postorder: definitions before uses */
} Snap;

static bool self_call(const Func *f, const Ins *in) {
    return in->op == OP_CALL && !(in->flags & INS_PAR) && in->aux >= 0 && (uint64_t)in->aux < f->callees.n &&
           f->callees.v[in->aux] && f->callees.v[in->aux]->ir == f;
}

/* numbers, array elements and calls: what a copy may hold (nothing that allocates, so what the copy makes of its
 * values is what a call would make of them, and tier 2 may make the call instead: see below) */
static bool copyable(int op) {
    unsigned fl = ir_flags(op);
    if (fl & F_PURE) return true;
    if ((fl & (F_RAISES | F_FOLD | F_READS | F_WRITES)) == (F_RAISES | F_FOLD)) return true; /* scalar, may raise */
    return op == OP_LOAD || op == OP_STORE || op == OP_BOUND || op == OP_CALL || op == OP_FRAME || op == OP_EXTRACT;
}

/* whether a tuple-valued call r is read only leaf by leaf (OP_EXTRACTs), which its copy's returns can stand for */
static bool only_extracts(const Func *f, Ref r) {
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        const Block *b = &f->blocks.v[bi];
        if (b->dead) continue;
        for (uint32_t k = 0; k < b->ins.n; k++) {
            const Ins *u = &f->ins.v[b->ins.v[k]];
            for (uint32_t j = 0; j < u->n; j++)
                if (f->opnd.v[u->opnd + j] == r && u->op != OP_EXTRACT) return false;
        }
        if (b->cond == r) return false;
        for (int s = 0; s < b->nsucc; s++)
            for (uint32_t k = 0; k < b->succ[s].args.n; k++) if (b->succ[s].args.v[k] == r) return false;
        for (uint32_t k = 0; k < b->rets.n; k++) if (b->rets.v[k] == r) return false;
    }
    return true;
}

/* whether f qualifies (above); its self calls' count into *ncalls */
static bool eligible(Func *f, const uint32_t *order, uint32_t norder, int *ncalls) {
    int calls = 0;
    bool tuple = f->ret && f->ret->kind == T_TUPLE, ok = f->ret && (f->ret->kind == T_NONE || ty_is_leaf(f->ret) || tuple);
    ok = ok && ir_has_loop(f) == 0 && ir_live_ins(f) <= RECURSE_MAX;
    int64_t nret = !ok || tuple ? -1 : f->ret->kind == T_NONE ? 0 : 1; /* a tuple's leaves: as its returns say */
    for (uint32_t i = 0; ok && i < norder; i++) {
        Block *b = &f->blocks.v[order[i]];
        if (b->term == TERM_TRY || b->term == TERM_RERAISE || b->term == TERM_NONE || (b->term == TERM_RAISE && b->nsucc))
            ok = false;
        if (b->term == TERM_RET) {
            if (nret < 0) nret = b->rets.n;
            if (b->rets.n != (uint64_t)nret || nret > TY_LEAVES_MAX) ok = false;
            for (uint32_t k = 0; ok && k < b->rets.n; k++) if (!ty_is_leaf(f->ins.v[b->rets.v[k]].ty)) ok = false;
        }
        for (uint32_t k = 0; k < b->ins.n; k++) {
            Ins *in = &f->ins.v[b->ins.v[k]];
            if (!copyable(in->op) || (in->op == OP_CALL && (in->flags & (INS_PAR | INS_DEEPER)))) ok = false;
            if (self_call(f, in)) {
                calls++;
                bool none = !in->ty || in->ty->kind == T_NONE; /* a call of a kernel that returns nothing */
                if (in->n != f->argty.n || none != (f->ret->kind == T_NONE) || (!none && in->ty != f->ret)) ok = false;
                if (tuple && !only_extracts(f, b->ins.v[k])) ok = false;
            }
        }
    }
    *ncalls = calls;
    /* a tuple's leaves are counted by a return that runs: a kernel that only raises keeps its calls */
    return ok && nret >= 0 && calls > 0 && calls <= RECURSE_CALLS;
}

static bool snap_take(Func *f, Snap *s) {
    s->nins = f->ins.n; s->nblk = f->blocks.n;
    s->ins = arena_alloc(f->a, sizeof(Ins) * s->nins);
    s->opnd = arena_alloc(f->a, sizeof(Ref) * (f->opnd.n ? f->opnd.n : 1));
    s->blk = arena_alloc(f->a, sizeof(Block) * s->nblk);
    if (!s->ins || !s->opnd || !s->blk) return false;
    memcpy(s->ins, f->ins.v, sizeof(Ins) * s->nins);
    memcpy(s->opnd, f->opnd.v, sizeof(Ref) * f->opnd.n);
    for (uint32_t bi = 0; bi < s->nblk; bi++) {
        Block *d = &s->blk[bi], *b = &f->blocks.v[bi];
        *d = *b;
        /* the vectors a copy reads: their own storage (splitting moves f's, ir_replace_uses rewrites them) */
        RefVec *v[5] = {&d->ins, &d->params, &d->succ[0].args, &d->succ[1].args, &d->rets};
        RefVec *w[5] = {&b->ins, &b->params, &b->succ[0].args, &b->succ[1].args, &b->rets};
        for (int j = 0; j < 5; j++) {
            v[j]->v = NULL; v[j]->n = v[j]->cap = 0;
            for (uint32_t k = 0; k < w[j]->n; k++) if (!vec_push(f->a, *v[j], w[j]->v[k])) return false;
        }
    }
    return true;
}

/* block bi split after its instruction at pos: what follows, and its terminator, go to a new block, which is
 * returned (0: out of memory) */
static uint32_t split_after(Func *f, uint32_t bi, uint32_t pos) {
    uint32_t c = ir_block(f);
    if (!c) return 0;
    Block *b = &f->blocks.v[bi], *nb = &f->blocks.v[c];
    for (uint32_t k = pos + 1; k < b->ins.n; k++) {
        if (!vec_push(f->a, nb->ins, b->ins.v[k])) return 0;
        f->ins.v[b->ins.v[k]].blk = c;
        b = &f->blocks.v[bi]; nb = &f->blocks.v[c];
    }
    b->ins.n = pos + 1;
    nb->term = b->term; nb->nsucc = b->nsucc; nb->cond = b->cond; nb->line = b->line;
    nb->ename = b->ename; nb->emsg = b->emsg; nb->rets = b->rets; nb->sealed = true;
    memcpy(nb->succ, b->succ, sizeof b->succ);
    for (int s = 0; s < nb->nsucc; s++) {
        Block *t = &f->blocks.v[nb->succ[s].to];
        for (uint32_t k = 0; k < t->preds.n; k++)
            if (t->preds.v[k].blk == bi && t->preds.v[k].succ == s) t->preds.v[k].blk = c;
    }
    b->term = TERM_NONE; b->nsucc = 0; b->cond = 0;
    memset(&b->rets, 0, sizeof b->rets);
    memset(b->succ, 0, sizeof b->succ);
    return c;
}

/* constant c's value as an instruction of the entry block (which dominates every copy): one already there, else a
 * new one. The interpreter and tier 1 fill a frame's constants at every call, so the copies add none they share */
static Ref entry_const(Func *f, const Ins *c) {
    Block *b = &f->blocks.v[0];
    for (uint32_t k = 0; k < b->ins.n; k++) {
        const Ins *e = &f->ins.v[b->ins.v[k]];
        if (e->op == OP_CONST && e->ty == c->ty && !memcmp(&f->cst.v[e->aux], &f->cst.v[c->aux], sizeof(Scalar))) return b->ins.v[k];
    }
    return ir_const(f, 0, c->ty, f->cst.v[c->aux], c->line);
}

/* every constant of f in the entry block, one of each value: the copies then share them (tier 1's fib(30) filled
 * three a call, two of them ones) */
static bool hoist_consts(Func *f) {
    for (uint32_t bi = 1; bi < f->blocks.n; bi++) {
        Block *b = &f->blocks.v[bi];
        if (b->dead) continue;
        uint32_t keep = 0;
        for (uint32_t k = 0; k < b->ins.n; k++) {
            Ref r = b->ins.v[k];
            const Ins *c = &f->ins.v[r];
            if (c->op != OP_CONST) { b->ins.v[keep++] = r; continue; }
            Ref e = entry_const(f, c); /* may grow block 0's vector: b stays valid, blocks are not added */
            if (!e) return false;
            b = &f->blocks.v[bi];
            if (e != r) ir_replace_uses(f, r, e);
            f->ins.v[r].blk = UINT32_MAX;
        }
        b->ins.n = keep;
    }
    return true;
}

/* one instruction of the snapshot copied into block nb, for a call made lvl frames below the function's own; map
 * holds what its operands became */
static Ref copy_ins(Func *f, const Snap *s, uint32_t nb, Ref cr, Ref *map, int lvl) {
    const Ins *c = &s->ins[cr];
    if (c->op == OP_CONST) return entry_const(f, c);
    if (c->op == OP_FRAME) return ir_emit(f, nb, OP_FRAME, NULL, NULL, 0, c->aux + lvl + 1, c->line);
    Ref *ops = arena_alloc(f->a, sizeof(Ref) * (c->n ? c->n : 1));
    if (!ops) return 0;
    for (uint32_t j = 0; j < c->n; j++) ops[j] = map[s->opnd[c->opnd + j]];
    Ref nr = ir_emit(f, nb, c->op, c->ty, ops, c->n, c->aux, c->line);
    if (nr) f->ins.v[nr].flags = (uint16_t)(c->flags | (c->op == OP_CALL ? (lvl + 1) << INS_DEEPER_SHIFT : 0));
    return nr;
}

/* the body copied for a self call made lvl frames below the function's own (operands args), its returns jumping to
 * block cont (with the value as its parameter where there is one); the copy's entry block, 0 when out of memory */
static uint32_t copy_body(Func *f, const Snap *s, const Ref *args, uint32_t cont, int lvl) {
    uint32_t *nbk = arena_alloc(f->a, sizeof(uint32_t) * s->nblk);
    Ref *map = arena_alloc(f->a, sizeof(Ref) * s->nins);
    if (!nbk || !map) return 0;
    memset(map, 0, sizeof(Ref) * s->nins);
    for (uint32_t i = 0; i < s->norder; i++) if (!(nbk[s->order[i]] = ir_block(f))) return 0;
    for (uint32_t i = 0; i < s->norder; i++) {
        uint32_t ob = s->order[i], nb = nbk[ob];
        const Block *b = &s->blk[ob];
        f->blocks.v[nb].sealed = true;
        for (uint32_t k = 0; k < b->params.n; k++)
            if (!(map[b->params.v[k]] = ir_param(f, nb, s->ins[b->params.v[k]].ty))) return 0;
        for (uint32_t k = 0; k < b->ins.n; k++) {
            Ref cr = b->ins.v[k];
            if (s->ins[cr].op == OP_PARAM) continue;
            if (s->ins[cr].op == OP_ARG) { map[cr] = args[s->ins[cr].aux]; continue; }
            if (!(map[cr] = copy_ins(f, s, nb, cr, map, lvl))) return 0;
        }
    }
    for (uint32_t i = 0; i < s->norder; i++) {
        uint32_t ob = s->order[i], nb = nbk[ob];
        const Block *b = &s->blk[ob];
        bool ok = true;
        switch (b->term) {
        case TERM_JMP: ok = ir_jmp(f, nb, nbk[b->succ[0].to], b->line); break;
        case TERM_BR: ok = ir_br(f, nb, map[b->cond], nbk[b->succ[0].to], nbk[b->succ[1].to], b->line); break;
        case TERM_RET:
            ok = ir_jmp(f, nb, cont, b->line);
            for (uint32_t k = 0; ok && k < b->rets.n; k++) ok = ir_edge_arg(f, nb, 0, k, map[b->rets.v[k]]);
            if (!ok) return 0;
            continue;
        case TERM_RAISE: {
            Block *t = &f->blocks.v[nb];
            t->term = TERM_RAISE; t->nsucc = 0; t->line = b->line; t->ename = b->ename; t->emsg = b->emsg;
            continue;
        }
        default: return 0;
        }
        for (int sc = 0; ok && sc < b->nsucc; sc++)
            for (uint32_t k = 0; ok && k < b->succ[sc].args.n; k++) ok = ir_edge_arg(f, nb, sc, k, map[b->succ[sc].args.v[k]]);
        if (!ok) return 0;
    }
    return nbk[0];
}

/* tuple-valued call r's continuation cont given a parameter per leaf (the types of the function's returned values),
 * each OP_EXTRACT of r replaced by its leaf's parameter and taken out of its block; false when out of memory */
static bool tuple_params(Func *f, const Snap *s, Ref r, uint32_t cont) {
    const Block *rb = NULL;
    for (uint32_t i = 0; i < s->norder && !rb; i++) if (s->blk[s->order[i]].term == TERM_RET) rb = &s->blk[s->order[i]];
    if (!rb) return false; /* eligible() saw one */
    Ref prm[TY_LEAVES_MAX];
    for (uint32_t k = 0; k < rb->rets.n; k++) if (!(prm[k] = ir_param(f, cont, s->ins[rb->rets.v[k]].ty))) return false;
    uint32_t nins = f->ins.n;
    for (Ref e = 1; e < nins; e++) {
        Ins *x = &f->ins.v[e];
        if (x->op != OP_EXTRACT || x->blk == UINT32_MAX || ir_arg(f, e, 0) != r || x->aux < 0 || (uint64_t)x->aux >= rb->rets.n) continue;
        Block *b = &f->blocks.v[x->blk];
        uint32_t keep = 0;
        for (uint32_t k = 0; k < b->ins.n; k++) if (b->ins.v[k] != e) b->ins.v[keep++] = b->ins.v[k];
        b->ins.n = keep;
        x->blk = UINT32_MAX;
        ir_replace_uses(f, e, prm[x->aux]);
    }
    return true;
}

/* the self call r, instruction pos of block bi: the block split after it, the body copied in between, the call an
 * OP_FRAME (the check it made, lvl frames below the function's own: the call was in a copy); false when out of
 * memory */
static bool expand(Func *f, const Snap *s, uint32_t bi, uint32_t pos, Ref r) {
    Ins call = f->ins.v[r];
    int lvl = ir_call_levels(call.flags) - 1;
    Ref *args = arena_alloc(f->a, sizeof(Ref) * (call.n ? call.n : 1));
    if (!args) return false;
    for (uint32_t j = 0; j < call.n; j++) args[j] = ir_arg(f, r, j);
    uint32_t cont = split_after(f, bi, pos);
    if (!cont) return false;
    if (call.ty && call.ty->kind == T_TUPLE) { /* a leaf each, as the copy's returns pass them: its reads read them */
        if (!tuple_params(f, s, r, cont)) return false;
    } else if (call.ty && call.ty->kind != T_NONE) { /* the value each of the copy's returns passes */
        Ref p = ir_param(f, cont, call.ty);
        if (!p) return false;
        ir_replace_uses(f, r, p);
    } else if (call.ty) { /* None, where anything reads it: a constant, as lowering makes None */
        Ref none = ir_const(f, 0, call.ty, (Scalar){.i = 0}, call.line);
        if (!none) return false;
        ir_replace_uses(f, r, none);
    }
    uint32_t entry = copy_body(f, s, args, cont, lvl);
    if (!entry || !ir_jmp(f, bi, entry, call.line)) return false;
    RecurSite site = {r, cont, args, call.n, call.ty};
    if (!lvl && !vec_push(f->a, f->recur, site)) return false; /* tier 2 makes the function's own calls again */
    Ins *in = &f->ins.v[r];
    in->op = OP_FRAME; in->ty = NULL; in->n = 0; in->aux = lvl; in->flags = 0;
    return true;
}

/* each self call made lvl frames below the function's own (made by f itself: 0), expanded; false when out of memory */
static bool expand_level(Func *f, const Snap *s, int lvl) {
    uint32_t nins = f->ins.n;
    for (Ref r = 1; r < nins; r++) {
        const Ins *in = &f->ins.v[r];
        if (in->blk == UINT32_MAX || !self_call(f, in) || ir_call_levels(in->flags) != lvl + 1) continue;
        Block *b = &f->blocks.v[in->blk];
        uint32_t pos = 0;
        while (pos < b->ins.n && b->ins.v[pos] != r) pos++;
        if (pos == b->ins.n) continue; /* not in its block: dead */
        if (!expand(f, s, in->blk, pos, r)) return false;
    }
    return true;
}


bool opt_recurse(Func *f) {
    if (!f->blocks.n || f->recur.n) return true;
    Snap s;
    memset(&s, 0, sizeof s);
    s.order = malloc(sizeof(uint32_t) * (f->blocks.n + 1));
    if (!s.order) return false;
    s.norder = ir_rpo(f, false, s.order);
    int ncalls = 0;
    bool ok = true;
    if (s.norder && eligible(f, s.order, s.norder, &ncalls)) {
        /* the calls the copies make expanded too where the whole stays small: three levels a call (fib(25) at tier
         * 1: 54.5 instructions a call of the kernel as written, 35.0 with two levels, 27.6 with three) */
        ok = hoist_consts(f);
        uint32_t body = ir_live_ins(f);
        ok = ok && snap_take(f, &s) && expand_level(f, &s, 0);
        int levels = 2;
        if (ok && ir_live_ins(f) + (uint32_t)(ncalls * ncalls) * body <= RECURSE_TOTAL) {
            ok = expand_level(f, &s, 1);
            levels = 3;
        }
        for (uint32_t i = 0; ok && i < f->recur.n; i++) {
            char note[200];
            snprintf(note, sizeof note, "recurse: line %u: %s() %s levels a call (its body copied here)",
                     f->ins.v[f->recur.v[i].site].line, f->name ? f->name : "?", levels == 3 ? "three" : "two");
            char *t = arena_strndup(f->a, note, strlen(note));
            ok = t && vec_push(f->a, f->notes, (const char *)t);
        }
    } else if (!s.norder) {
        ok = false;
    }
    free(s.order);
    return ok && !ir_failed(f);
}
