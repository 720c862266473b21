/*
 * cse.c — common subexpression elimination over the dominator tree.
 * requires: SSA, no unreachable blocks. preserves: semantics.
 * An instruction equal to one in a dominating position (same op, type,
 * flags, aux and operands; either order for a commutative op) is replaced by
 * it. The op table's F_CSE says which ops qualify: pure ones, and
 * ops that may raise but are deterministic (division, casts, math, bounds
 * checks): if the first did not raise, the second cannot (except past a try
 * body's block that ends with it: on the raised edge it did raise). Constants are
 * equal by type and value (not by their pool index). Loads, stores, calls and
 * allocations never merge. Dominators by Cooper, Harvey and Kennedy's
 * iterative algorithm on reverse postorder.
 */
#include "opt.h"
#include <string.h>

/* ops.h says which ops compute one value from equal operands (F_CSE) */
static bool eligible(int op) { return (ir_flags(op) & F_CSE) != 0; }

typedef struct Ent { uint64_t h; Ref r; } Ent;

typedef struct Cse {
    Func *f;
    Ref *rep;                  /* replacement of each removed instruction */
    Ent *tab; uint32_t cap;    /* open addressing, keyed by hash */
    Ref *undo; uint32_t nundo; /* slots filled, to empty them when leaving a subtree */
    uint32_t *undo_slot;
} Cse;

static Ref res(Cse *C, Ref r) { while (C->rep[r]) r = C->rep[r]; return r; }

static bool comm(const Ins *in) { return (ir_flags(in->op) & F_COMM) && in->n == 2; }

/* a CONST's aux is its index in the constant pool: constants are equal by type and value bits
 * (so 2 * 3 + 1 and 2 * 3 + 1 share their constants and then their arithmetic; -0.0 is not 0.0) */
static uint64_t aux_key(Cse *C, const Ins *in) {
    if (in->op != OP_CONST) return (uint64_t)in->aux;
    uint64_t w[2];
    memcpy(w, &C->f->cst.v[in->aux], sizeof w);
    return hash_mix(w[0]) ^ hash_mix(w[1] + 0x9E3779B97F4A7C15ull);
}

static bool same_aux(Cse *C, const Ins *x, const Ins *y) {
    if (x->op != OP_CONST) return x->aux == y->aux;
    return !memcmp(&C->f->cst.v[x->aux], &C->f->cst.v[y->aux], sizeof(Scalar));
}

static uint64_t key(Cse *C, Ref r) {
    Ins *in = &C->f->ins.v[r];
    uint64_t h = hash_mix((uint64_t)in->op * 0x9E3779B97F4A7C15ull ^ (uint64_t)(uintptr_t)in->ty);
    h = hash_mix(h ^ ((uint64_t)in->flags << 32) ^ aux_key(C, in));
    if (comm(in)) { /* op(a, b) and op(b, a): the operands as an unordered pair */
        uint64_t a = res(C, ir_arg(C->f, r, 0)), b = res(C, ir_arg(C->f, r, 1));
        return hash_mix(h ^ (a < b ? a : b) * 0x100000001b3ull ^ (a < b ? b : a) * 0x9E3779B97F4A7C15ull);
    }
    for (uint32_t j = 0; j < in->n; j++) h = hash_mix(h ^ ((uint64_t)res(C, ir_arg(C->f, r, j)) * 0x100000001b3ull + j));
    return h;
}

static bool same(Cse *C, Ref a, Ref b) {
    Ins *x = &C->f->ins.v[a], *y = &C->f->ins.v[b];
    if (x->op != y->op || x->ty != y->ty || x->flags != y->flags || !same_aux(C, x, y) || x->n != y->n) return false;
    if (comm(x) && res(C, ir_arg(C->f, a, 0)) == res(C, ir_arg(C->f, b, 1)) && res(C, ir_arg(C->f, a, 1)) == res(C, ir_arg(C->f, b, 0)))
        return true;
    for (uint32_t j = 0; j < x->n; j++)
        if (res(C, ir_arg(C->f, a, j)) != res(C, ir_arg(C->f, b, j))) return false;
    return true;
}

static void visit(Cse *C, uint32_t bi) {
    Func *f = C->f;
    Block *b = &f->blocks.v[bi];
    uint32_t w = 0;
    for (uint32_t k = 0; k < b->ins.n; k++) {
        Ref r = b->ins.v[k];
        Ins *in = &f->ins.v[r];
        if (!eligible(in->op) || !in->ty) { b->ins.v[w++] = r; continue; }
        uint64_t h = key(C, r);
        uint32_t i = (uint32_t)h & (C->cap - 1);
        Ref found = 0;
        while (C->tab[i].r) {
            if (C->tab[i].h == h && same(C, C->tab[i].r, r)) { found = C->tab[i].r; break; }
            i = (i + 1) & (C->cap - 1);
        }
        if (found) {
            C->rep[r] = found;
            in->blk = UINT32_MAX;
            continue;
        }
        /* the instruction a try body's block ends with (TERM_TRY) has no value on the raised edge, which the block
         * also dominates: it raised there. An equal one after the handlers must compute (and raise) again */
        if (b->term == TERM_TRY && k + 1 == b->ins.n) { b->ins.v[w++] = r; continue; }
        C->tab[i].h = h; C->tab[i].r = r;
        C->undo_slot[C->nundo++] = i;
        b->ins.v[w++] = r;
    }
    b->ins.n = w;
}

/* immediate dominators (Cooper, Harvey, Kennedy); UINT32_MAX for unreachable blocks */
bool opt_dominators(Func *f, uint32_t *idom) {
    uint32_t nb = f->blocks.n;
    uint32_t *order = arena_alloc(f->a, sizeof(uint32_t) * (nb + 1)), *rpo_num = arena_alloc(f->a, sizeof(uint32_t) * (nb + 1));
    if (!order || !rpo_num) return false;
    for (uint32_t i = 0; i < nb; i++) { rpo_num[i] = UINT32_MAX; idom[i] = UINT32_MAX; }
    uint32_t n = ir_rpo(f, false, order);
    if (!n) return false;
    for (uint32_t i = 0; i < n; i++) rpo_num[order[i]] = i;
    idom[0] = 0;
    for (bool changed = true; changed;) {
        changed = false;
        for (uint32_t i = 0; i < n; i++) {
            uint32_t bi = order[i];
            if (bi == 0) continue;
            Block *b = &f->blocks.v[bi];
            uint32_t ni2 = UINT32_MAX;
            for (uint32_t k = 0; k < b->preds.n; k++) {
                uint32_t p = b->preds.v[k].blk;
                if (idom[p] == UINT32_MAX) continue;
                if (ni2 == UINT32_MAX) { ni2 = p; continue; }
                uint32_t x = p, y = ni2;
                while (x != y) {
                    while (rpo_num[x] > rpo_num[y]) x = idom[x];
                    while (rpo_num[y] > rpo_num[x]) y = idom[y];
                }
                ni2 = x;
            }
            if (ni2 != UINT32_MAX && idom[bi] != ni2) { idom[bi] = ni2; changed = true; }
        }
    }
    return true;
}

bool opt_dominates(const uint32_t *idom, uint32_t a, uint32_t b) {
    for (;;) {
        if (b == a) return true;
        if (b == 0 || idom[b] == UINT32_MAX || idom[b] == b) return false;
        b = idom[b];
    }
}

bool opt_cse(Func *f) {
    uint32_t nb = f->blocks.n, ni = f->ins.n;
    uint32_t *stack = arena_alloc(f->a, sizeof(uint32_t) * nb * 2), *idom = arena_alloc(f->a, sizeof(uint32_t) * (nb + 1));
    Cse C = {0};
    C.f = f;
    C.rep = arena_alloc(f->a, sizeof(Ref) * ni);
    C.cap = 64;
    while (C.cap < 2 * ni) C.cap *= 2;
    C.tab = arena_alloc(f->a, sizeof(Ent) * C.cap);
    C.undo_slot = arena_alloc(f->a, sizeof(uint32_t) * (ni + 1));
    if (!stack || !idom || !C.rep || !C.tab || !C.undo_slot || !opt_dominators(f, idom)) return false;
    uint32_t sp;
    /* walk the dominator tree in preorder, scoping the table: children are the
     * blocks whose idom is the block, found by scanning (functions are small) */
    uint32_t *mark = arena_alloc(f->a, sizeof(uint32_t) * (nb + 1));
    if (!mark) return false;
    sp = 0;
    stack[sp++] = 0;
    stack[sp++] = 0; /* (block, phase) pairs: phase 0 enter, 1 leave */
    while (sp) {
        uint32_t phase = stack[--sp], bi = stack[--sp];
        if (phase == 1) { /* leave: forget what this subtree added */
            while (C.nundo > mark[bi]) C.tab[C.undo_slot[--C.nundo]].r = 0;
            continue;
        }
        mark[bi] = C.nundo;
        visit(&C, bi);
        stack[sp++] = bi; stack[sp++] = 1;
        for (uint32_t c = 0; c < nb; c++)
            if (c != bi && idom[c] == bi && !f->blocks.v[c].dead) { stack[sp++] = c; stack[sp++] = 0; }
    }
    /* rewrite every use through the replacements */
    for (uint32_t i = 0; i < f->opnd.n; i++) f->opnd.v[i] = res(&C, f->opnd.v[i]);
    for (uint32_t bi = 0; bi < nb; bi++) {
        Block *b = &f->blocks.v[bi];
        if (b->term == TERM_BR) b->cond = res(&C, b->cond);
        for (int s = 0; s < b->nsucc; s++)
            for (uint32_t k = 0; k < b->succ[s].args.n; k++) b->succ[s].args.v[k] = res(&C, b->succ[s].args.v[k]);
        for (uint32_t k = 0; k < b->rets.n; k++) b->rets.v[k] = res(&C, b->rets.v[k]);
    }
    return true;
}
