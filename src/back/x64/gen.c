/*
 * gen.c — tier 1: one pass over the typed IR straight to x86-64.
 *
 * Values live in the frame slots the interpreter uses (the layout is shared,
 * so both tiers run the same specialization and call each other freely):
 * each instruction loads its operands into scratch registers, computes and
 * stores its result. Integer constants that fit are folded into
 * instructions as immediates; compares feed branches directly. What is rare
 * or long (complex arithmetic, floor division, powers, math functions, N-d
 * indexing, allocation, calls between kernels, raising errors) calls a C
 * helper with the frame, the run state and a record of the operands.
 *
 * Registers: rbx = frame, r12 = run state, r13 = result slots (rbp = the
 * tier-up budget in tier auto's functions with loops); rax, rcx, rdx and
 * xmm0-xmm2 are scratch. Errors leave through one exit that
 * returns -1 with the run's error already set.
 */
#include "enc.h"
#include "objdump.h"
#include "../frame.h"
#include "../../rt/eval.h"
#include "../../ir/mathfn.h"
#include <stdio.h>
#include <stdlib.h>

#define FR RBX
#define RUN R12
#define RET R13


/* ---- the generator ---- */

typedef struct Gen {
    Func *f;
    Code *c;
    Unit *u;
    XBuf b;
    int *blk;          /* label of each block */
    int err_exit, ret_label;
    int err_cur;       /* where a raise goes: err_exit, or a try statement's landing (TERM_TRY, a raise in a try body) */
    bool tiering;      /* count calls and loop iterations for tier auto (jit/tier.c) */
    bool lean;         /* no loop: rbp, r14 and r15 are never used, so neither saved nor restored */
    /* tier auto, a function with loops: the tier-up budget lives in rbp (loaded at entry, written back at every
     * exit and around calls of kernels, which may count on the same budget) instead of being subtracted in
     * memory at each loop header, where each iteration's subtraction waits on the last one's store (sort_check
     * 20000 warm, counted against not: 3% slower before, 1% after; docs/benchmarks.md, eighteenth session).
     * rbp is then no loop's pinned register. Other threads running the same code count apart and overwrite
     * each other's writes: the budget is a heuristic, so some iterations uncounted is fine */
    bool hot_reg;
    /* a loop-free function that calls itself with int and float64 arguments: such a call passes them in registers
     * (self_reg: r8-r11, xmm3-xmm6) as well as in the callee's frame and enters at self_entry (the prologue without
     * loading them), and where the result is one int or float64 (self_res 'I' or 'F') the callee leaves it in
     * SELF_RES or SELF_XRES too, so that neither side waits on the other's store (fib(30): the argument's load at
     * entry and the result's after the call were store-to-load forwards on the recursion's critical path). Other
     * callers enter at the start, which loads the registers from the frame */
    bool self_args;
    char self_res;
    int8_t self_reg[4];
    bool self_x[4];   /* self_reg[j] an xmm register */
    int start_label, self_entry;
    const BackEnv *env;
    const char *bail;
    int line;
    /* cold code emitted after the body: edge moves of taken branches, error calls */
    struct Cold { int label; int kind; uint32_t from; int succ; XCall *k; Helper h; int err; int32_t gp[16], xmm[16]; } *cold;
    int ncold, capcold;
    /* register cache: which slot each caller-saved register holds a copy of
     * (-1: none). Results are written through to their slots, so the cache
     * may be dropped at any time: at every label and after every call. */
    int32_t gp[16], xmm[16];
    unsigned pinned_gp, pinned_xmm; /* registers holding operands of the current instruction */
    int next_gp, next_xmm;
    bool fell_true;   /* the last branch falls through into its true block */
    int8_t *pin;      /* per IR value: a loop header parameter kept in this register (+1), 0 none */
    bool *pinned_block;
    /* loop headers inherit what the registers hold on entry (loop invariants stay in
     * registers); every back edge must still hold it, else the function is generated
     * again with that header's inheritance off */
    bool *loop_header, *inherit_off, *entry_seen;
    int32_t (*entry_gp)[16], (*entry_xmm)[16];
    bool retry;
    unsigned sticky_gp, sticky_xmm;
    /* per loop header: loop-invariant slots worth loading into registers on entry */
    struct Inv { int32_t slot; uint8_t xmm, dbl; } (*inv)[14];
    uint8_t *ninv;
    /* layout: reverse postorder, true successors first, so a loop body follows its
     * condition; pos is each block's place in it (back edges go to a lower place) */
    uint32_t *order, norder, *pos;
} Gen;

#define BACK(G, from, to) ((G)->pos[from] >= (G)->pos[to])

static int cls(const Type *t);

/* registers reserved for loop-carried values: from the top of each file, so the
 * cache allocator (which takes free registers from the bottom) rarely needs them */
static const int pin_xmm[] = {15, 14, 13, 12, 11};
static const int pin_gp[] = {R15, R14, RBP}; /* callee-saved: they survive helper calls */

/* caller-saved first: the allocator takes free registers in this order */
static const int cache_gp[] = {RSI, RDI, R8, R9, R10, R11, RDX, R14, R15, RBP}; /* rbp last: hot_reg's */
#define NCACHE_GP 10
#define CALLEE_SAVED(r) ((r) == RBP || (r) == R14 || (r) == R15)
#define FIRST_CACHE_XMM 3
/* a call of itself (Gen.self_args): the arguments' registers, the result's (cache registers, caller-saved) */
static const int self_arg_reg[] = {R8, R9, R10, R11}, self_arg_xmm[] = {3, 4, 5, 6};
#define SELF_ARGS_MAX 4
#define SELF_RES R8
#define SELF_XRES 3

enum { COLD_EDGE, COLD_HELPER, COLD_HOT };

static int32_t D(Gen *G, Ref r) { return 8 * G->c->slot[r]; }
static Ins *I_(Gen *G, Ref r) { return &G->f->ins.v[r]; }
static Ref A(Gen *G, Ref r, uint32_t k) { return ir_arg(G->f, r, k); }

/* ---- the register cache ---- */

static void cache_reset(Gen *G) {
    for (int i = 0; i < 16; i++) G->gp[i] = G->xmm[i] = -1;
    G->pinned_gp = G->pinned_xmm = 0;
}

static void cache_forget(Gen *G, int32_t slot, int n) {
    for (int i = 0; i < 16; i++) {
        if (G->gp[i] >= slot && G->gp[i] < slot + n) G->gp[i] = -1;
        if (G->xmm[i] >= slot && G->xmm[i] < slot + n) G->xmm[i] = -1;
    }
}

static void bind_label(Gen *G, int label) {
    xb_bind(&G->b, label);
    cache_reset(G);
}

/* a loop header: every edge into it leaves its pinned parameters in their registers */
static void bind_block(Gen *G, uint32_t bi) {
    bind_label(G, G->blk[bi]);
    Block *b = &G->f->blocks.v[bi];
    if (!G->loop_header[bi] && G->entry_seen[bi]) { /* pass_cache's: the one jump in left these */
        memcpy(G->gp, G->entry_gp[bi], sizeof G->gp);
        memcpy(G->xmm, G->entry_xmm[bi], sizeof G->xmm);
    }
    if (G->loop_header[bi] && !G->inherit_off[bi] && G->entry_seen[bi]) {
        memcpy(G->gp, G->entry_gp[bi], sizeof G->gp);
        memcpy(G->xmm, G->entry_xmm[bi], sizeof G->xmm);
        for (uint32_t k = 0; k < b->params.n; k++) cache_forget(G, G->c->slot[b->params.v[k]], slots_of(G->f->ins.v[b->params.v[k]].ty));
        for (int r = 0; r < 16; r++) {
            if (G->gp[r] >= 0) G->sticky_gp |= 1u << r;
            if (G->xmm[r] >= 0) G->sticky_xmm |= 1u << r;
        }
    }
    if (!G->pinned_block[bi]) return;
    for (uint32_t k = 0; k < b->params.n; k++) {
        Ref p = b->params.v[k];
        if (!G->pin[p]) continue;
        int r = G->pin[p] - 1;
        bool x = cls(G->f->ins.v[p].ty) == 'F' || cls(G->f->ins.v[p].ty) == 'S';
        if (x) G->xmm[r] = G->c->slot[p]; else G->gp[r] = G->c->slot[p];
    }
}

static int gp_of(Gen *G, int32_t slot);
static int xmm_of(Gen *G, int32_t slot, bool dbl);

/* load the loop's invariants into registers on the way in, so the header inherits them */
static void preload(Gen *G, uint32_t h) {
    Block *b = &G->f->blocks.v[h];
    unsigned pg = 0, px = 0;
    for (uint32_t k = 0; k < b->params.n; k++) { /* the header's pinned parameters stay put */
        Ref p = b->params.v[k];
        if (!G->pin[p]) continue;
        if (cls(G->f->ins.v[p].ty) == 'F' || cls(G->f->ins.v[p].ty) == 'S') px |= 1u << (G->pin[p] - 1);
        else pg |= 1u << (G->pin[p] - 1);
    }
    G->pinned_gp = pg; G->pinned_xmm = px;
    for (int i = 0; i < G->ninv[h]; i++) {
        struct Inv *v = &G->inv[h][i];
        if (v->xmm) xmm_of(G, v->slot, v->dbl); else gp_of(G, v->slot);
    }
    G->pinned_gp = G->pinned_xmm = 0;
}

/* a jump without edge moves from bi to a later block that has no other way in: that block starts with the registers
 * as the jump leaves them (bind_block), instead of loading again what they hold (fib's recursive arm, entered by the
 * branch on n < 2, read n from its slot right after the compare had it in a register) */
static void pass_cache(Gen *G, uint32_t bi, int succ) {
    uint32_t to = G->f->blocks.v[bi].succ[succ].to;
    if (G->f->blocks.v[to].preds.n != 1 || G->loop_header[to] || G->pinned_block[to] || G->pos[to] <= G->pos[bi]) return;
    memcpy(G->entry_gp[to], G->gp, sizeof G->gp);
    memcpy(G->entry_xmm[to], G->xmm, sizeof G->xmm);
    G->entry_seen[to] = true;
}

/* an edge into a loop header: forward edges define what the header inherits,
 * back edges must still hold it */
static void loop_edge(Gen *G, uint32_t from, uint32_t to) {
    if (!G->loop_header[to] || G->inherit_off[to]) return;
    Block *b = &G->f->blocks.v[to];
    if (!BACK(G, from, to)) {
        if (!G->entry_seen[to]) {
            memcpy(G->entry_gp[to], G->gp, sizeof G->gp);
            memcpy(G->entry_xmm[to], G->xmm, sizeof G->xmm);
            G->entry_seen[to] = true;
        } else { /* several ways in: keep what they agree on */
            for (int r = 0; r < 16; r++) {
                if (G->entry_gp[to][r] != G->gp[r]) G->entry_gp[to][r] = -1;
                if (G->entry_xmm[to][r] != G->xmm[r]) G->entry_xmm[to][r] = -1;
            }
        }
        /* pinned registers carry parameters, not inherited values */
        for (uint32_t k = 0; k < b->params.n; k++) {
            Ref p = b->params.v[k];
            if (!G->pin[p]) continue;
            bool x = cls(G->f->ins.v[p].ty) == 'F' || cls(G->f->ins.v[p].ty) == 'S';
            if (x) G->entry_xmm[to][G->pin[p] - 1] = -1; else G->entry_gp[to][G->pin[p] - 1] = -1;
        }
        return;
    }
    if (!G->entry_seen[to]) { G->inherit_off[to] = true; G->retry = true; return; }
    int32_t want_gp[16], want_xmm[16];
    memcpy(want_gp, G->entry_gp[to], sizeof want_gp);
    memcpy(want_xmm, G->entry_xmm[to], sizeof want_xmm);
    for (uint32_t k = 0; k < b->params.n; k++) {
        int32_t sl = G->c->slot[b->params.v[k]], n = slots_of(G->f->ins.v[b->params.v[k]].ty);
        for (int r = 0; r < 16; r++) {
            if (want_gp[r] >= sl && want_gp[r] < sl + n) want_gp[r] = -1;
            if (want_xmm[r] >= sl && want_xmm[r] < sl + n) want_xmm[r] = -1;
        }
    }
    for (int r = 0; r < 16; r++)
        if ((want_gp[r] >= 0 && G->gp[r] != want_gp[r]) || (want_xmm[r] >= 0 && G->xmm[r] != want_xmm[r])) {
            G->inherit_off[to] = true;
            G->retry = true;
            return;
        }
}

/* the blocks of the natural loop of header h (reverse reachability from its latches) */
static void loop_blocks(Gen *G, uint32_t h, bool *in, uint32_t *work) {
    Func *f = G->f;
    memset(in, 0, f->blocks.n);
    in[h] = true;
    uint32_t sp = 0;
    Block *hb = &f->blocks.v[h];
    for (uint32_t k = 0; k < hb->preds.n; k++)
        if (BACK(G, hb->preds.v[k].blk, h) && !in[hb->preds.v[k].blk]) { in[hb->preds.v[k].blk] = true; work[sp++] = hb->preds.v[k].blk; }
    while (sp) {
        Block *b = &f->blocks.v[work[--sp]];
        for (uint32_t k = 0; k < b->preds.n; k++)
            if (!in[b->preds.v[k].blk]) { in[b->preds.v[k].blk] = true; work[sp++] = b->preds.v[k].blk; }
    }
}

typedef struct Cand { int32_t slot; int count; uint8_t xmm, dbl; } Cand;

static void cand_add(Cand *c, int *n, int cap, int32_t slot, bool xmm, bool dbl) {
    for (int i = 0; i < *n; i++) if (c[i].slot == slot) { c[i].count++; return; }
    if (*n < cap) c[(*n)++] = (Cand){slot, 1, xmm, dbl};
}

/* per loop header, the most used values defined outside the loop: scalars, and the
 * data pointers, shapes and strides of arrays indexed inside it */
static bool find_invariants(Gen *G) {
    Func *f = G->f;
    uint32_t nb = f->blocks.n;
    G->inv = calloc(nb + 1, sizeof *G->inv);
    G->ninv = calloc(nb + 1, 1);
    bool *in = malloc(nb + 1);
    uint32_t *work = malloc(sizeof(uint32_t) * (nb + 1));
    Cand *c = malloc(sizeof(Cand) * 256);
    if (!G->inv || !G->ninv || !in || !work || !c) { free(in); free(work); free(c); return false; }
    for (uint32_t h = 0; h < nb; h++) {
        if (!G->loop_header[h]) continue;
        loop_blocks(G, h, in, work);
        int n = 0;
        for (uint32_t bi = 0; bi < nb; bi++) {
            if (!in[bi] || f->blocks.v[bi].dead) continue;
            Block *b = &f->blocks.v[bi];
            for (uint32_t k = 0; k < b->ins.n; k++) {
                Ref r = b->ins.v[k];
                Ins *ins = &f->ins.v[r];
                for (uint32_t j = 0; j < ins->n; j++) {
                    Ref a = ir_arg(f, r, j);
                    Ins *ai = &f->ins.v[a];
                    if (ai->blk == UINT32_MAX || in[ai->blk] || !ai->ty) continue;
                    int32_t sl = G->c->slot[a];
                    if (ai->ty->kind == T_ARRAY) {
                        if (ai->ty->ndim > 2) continue;
                        for (int q = 0; q < 1 + 2 * ai->ty->ndim; q++) cand_add(c, &n, 256, sl + q, false, false);
                        continue;
                    }
                    int kc = cls(ai->ty);
                    if (kc == 'F' || kc == 'S') cand_add(c, &n, 256, sl, true, kc == 'F');
                    else if (kc == 'I' || kc == 'U') cand_add(c, &n, 256, sl, false, false);
                }
            }
        }
        /* the most used first; at most 6 integer and 8 float registers */
        for (int i = 1; i < n; i++)
            for (int j = i; j > 0 && c[j].count > c[j - 1].count; j--) { Cand t = c[j]; c[j] = c[j - 1]; c[j - 1] = t; }
        int ng = 0, nx = 0;
        for (int i = 0; i < n && G->ninv[h] < 14; i++) {
            if (c[i].xmm ? nx >= 8 : ng >= 6) continue;
            if (c[i].xmm) nx++; else ng++;
            G->inv[h][G->ninv[h]++] = (struct Inv){c[i].slot, c[i].xmm, c[i].dbl};
        }
    }
    free(in); free(work); free(c);
    return true;
}

/* reverse postorder of the reachable blocks, visiting false successors first so
 * that each block's true successor is laid out right after it */
static bool layout(Gen *G) {
    uint32_t np = ir_rpo(G->f, true, G->order);
    if (!np) return false;
    G->norder = np;
    for (uint32_t i = 0; i < G->f->blocks.n; i++) G->pos[i] = UINT32_MAX;
    for (uint32_t i = 0; i < np; i++) G->pos[G->order[i]] = i;
    return true;
}

/* choose the loop headers' pinned parameters: scalars, a few per class */
static bool pick_pins(Gen *G) {
    Func *f = G->f;
    G->pin = calloc(f->ins.n, 1);
    G->pinned_block = calloc(f->blocks.n + 1, sizeof(bool));
    if (!G->pin || !G->pinned_block) return false;
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        Block *b = &f->blocks.v[bi];
        if (b->dead || !b->params.n) continue;
        bool loop = false;
        for (uint32_t k = 0; k < b->preds.n; k++) if (BACK(G, b->preds.v[k].blk, bi)) loop = true;
        if (!loop) continue;
        int nx = 0, ng = 0, maxg = (int)(sizeof pin_gp / sizeof *pin_gp) - (G->hot_reg ? 1 : 0); /* rbp: pin_gp's last */
        for (uint32_t k = 0; k < b->params.n; k++) {
            Ref p = b->params.v[k];
            int c = cls(f->ins.v[p].ty);
            if ((c == 'F' || c == 'S') && nx < (int)(sizeof pin_xmm / sizeof *pin_xmm)) G->pin[p] = (int8_t)(pin_xmm[nx++] + 1);
            else if ((c == 'I' || c == 'U') && ng < maxg) G->pin[p] = (int8_t)(pin_gp[ng++] + 1);
        }
        G->pinned_block[bi] = nx + ng > 0;
    }
    return true;
}

static int gp_take(Gen *G, int32_t slot) {
    cache_forget(G, slot, 1);
    int n = G->lean ? NCACHE_GP - 3 : G->hot_reg ? NCACHE_GP - 1 : NCACHE_GP; /* lean: the caller-saved registers only */
    for (int i = 0; i < n; i++)
        if (G->gp[cache_gp[i]] < 0 && !(G->pinned_gp & (1u << cache_gp[i]))) { G->gp[cache_gp[i]] = slot; return cache_gp[i]; }
    for (int pass = 0; pass < 2; pass++) /* evict a register loops rely on only when nothing else is left */
        for (int k = 0; k < n; k++) {
            int r = cache_gp[(G->next_gp++) % n];
            if (!(G->pinned_gp & (1u << r)) && (pass || !(G->sticky_gp & (1u << r)))) { G->gp[r] = slot; return r; }
        }
    return -1;
}

static int xmm_take(Gen *G, int32_t slot) {
    cache_forget(G, slot, 1);
    for (int r = FIRST_CACHE_XMM; r < 16; r++)
        if (G->xmm[r] < 0 && !(G->pinned_xmm & (1u << r))) { G->xmm[r] = slot; return r; }
    for (int pass = 0; pass < 2; pass++)
        for (int k = 0; k < 16; k++) {
            int r = FIRST_CACHE_XMM + (G->next_xmm++) % (16 - FIRST_CACHE_XMM);
            if (!(G->pinned_xmm & (1u << r)) && (pass || !(G->sticky_xmm & (1u << r)))) { G->xmm[r] = slot; return r; }
        }
    return -1;
}

/* the register holding slot's int value, loading it if needed (pinned for this instruction) */
static int gp_of(Gen *G, int32_t slot) {
    for (int i = 0; i < NCACHE_GP; i++)
        if (G->gp[cache_gp[i]] == slot) { G->pinned_gp |= 1u << cache_gp[i]; return cache_gp[i]; }
    int r = gp_take(G, slot);
    x_mov_rm(&G->b, r, RBX, 8 * slot);
    G->pinned_gp |= 1u << r;
    return r;
}

static int xmm_of(Gen *G, int32_t slot, bool dbl) {
    for (int r = FIRST_CACHE_XMM; r < 16; r++)
        if (G->xmm[r] == slot) { G->pinned_xmm |= 1u << r; return r; }
    int r = xmm_take(G, slot);
    x_movs_xm(&G->b, dbl, r, RBX, 8 * slot);
    G->pinned_xmm |= 1u << r;
    return r;
}

/* the cached register of slot, or -1 */
static int gp_has(Gen *G, int32_t slot) {
    for (int i = 0; i < NCACHE_GP; i++) if (G->gp[cache_gp[i]] == slot) return cache_gp[i];
    return -1;
}
static int xmm_has(Gen *G, int32_t slot) {
    for (int r = FIRST_CACHE_XMM; r < 16; r++) if (G->xmm[r] == slot) return r;
    return -1;
}

/* define slot from rax (int result): write through, keep a copy */
static void def_gp(Gen *G, int32_t slot, int from) {
    x_mov_mr(&G->b, RBX, 8 * slot, from);
    int r = gp_take(G, slot);
    if (r >= 0) x_mov_rr(&G->b, r, from);
}

/* load rax with slot's value (from the cache when there) */
static void rax_of(Gen *G, int reg, int32_t slot) {
    int c = gp_has(G, slot);
    if (c >= 0) x_mov_rr(&G->b, reg, c);
    else x_mov_rm(&G->b, reg, RBX, 8 * slot);
}

/* the register holding slot's value: the one caching it, else rax loaded from the frame (a store can go straight
 * from it) */
static int reg_of(Gen *G, int32_t slot) {
    int c = gp_has(G, slot);
    if (c >= 0) return c;
    x_mov_rm(&G->b, RAX, FR, 8 * slot);
    return RAX;
}

static XCall *xcall(Gen *G) {
    XCall *k = arena_alloc(&G->u->arena, sizeof *k);
    if (!k) { G->bail = "out of memory"; return NULL; }
    k->line = G->line;
    k->file = G->c->file;
    return k;
}

static int cold(Gen *G, int kind, uint32_t from, int succ, XCall *k, Helper h) {
    if (G->ncold == G->capcold) {
        int cap = G->capcold ? G->capcold * 2 : 32;
        void *p = realloc(G->cold, sizeof(*G->cold) * (size_t)cap);
        if (!p) { G->bail = "out of memory"; return 0; }
        G->cold = p; G->capcold = cap;
    }
    int l = xb_label(&G->b);
    struct Cold *cd = &G->cold[G->ncold++];
    cd->label = l; cd->kind = kind; cd->from = from; cd->succ = succ; cd->k = k; cd->h = h; cd->err = G->err_cur;
    memcpy(cd->gp, G->gp, sizeof G->gp); /* the registers as the branch leaves them */
    memcpy(cd->xmm, G->xmm, sizeof G->xmm);
    return l;
}

/* call h(frame, run, k) and leave through the error exit on -1 */
/* call h(frame, run, k), which writes slots [dst, dst+n), and leave through the
 * error exit on -1; callee-saved registers keep what they cache */
static void call_helper_w(Gen *G, Helper h, XCall *k, int32_t dst, int n) {
    if (!k) return;
    x_mov_rr(&G->b, RDI, FR);
    x_mov_rr(&G->b, RSI, RUN);
    x_mov_ri(&G->b, RDX, (int64_t)(intptr_t)k);
    x_mov_ri(&G->b, RAX, (int64_t)(intptr_t)h);
    x_call_r(&G->b, RAX);
    for (int r = 0; r < 16; r++) {
        if (!CALLEE_SAVED(r)) G->gp[r] = -1;
        G->xmm[r] = -1;
    }
    if (n) cache_forget(G, dst, n);
    x_test_rr(&G->b, RAX, RAX);
    x_jcc(&G->b, CC_NE, G->err_cur);
}

static void call_helper(Gen *G, Helper h, XCall *k) { call_helper_w(G, h, k, 0, 0); }

/* hot_reg's budget to memory and back (scratch: a register free at that point) */
static void hot_save(Gen *G, int scratch) {
    if (!G->hot_reg) return;
    x_mov_ri(&G->b, scratch, (int64_t)(intptr_t)&G->c->hot);
    x_mov_mr(&G->b, scratch, 0, RBP);
}
static void hot_load(Gen *G, int scratch) {
    if (!G->hot_reg) return;
    x_mov_ri(&G->b, scratch, (int64_t)(intptr_t)&G->c->hot);
    x_mov_rm(&G->b, RBP, scratch, 0);
}

static int cls(const Type *t) {
    if (!t || t->kind != T_SCALAR) return 0;
    switch (t->dtype) {
    case KILN_FLOAT64: return 'F';
    case KILN_FLOAT32: return 'S';
    case KILN_UINT64: return 'U';
    case KILN_COMPLEX64: case KILN_COMPLEX128: return 'C';
    default: return 'I';
    }
}

static void wrap(Gen *G, int r, const Type *t) {
    if (!t || t->kind != T_SCALAR) return;
    switch (t->dtype) {
    case KILN_INT8: x_ext(&G->b, r, W8, true); break;
    case KILN_INT16: x_ext(&G->b, r, W16, true); break;
    case KILN_INT32: x_ext(&G->b, r, W32, true); break;
    case KILN_UINT8: x_ext(&G->b, r, W8, false); break;
    case KILN_UINT16: x_ext(&G->b, r, W16, false); break;
    case KILN_UINT32: x_ext(&G->b, r, W32, false); break;
    default: break;
    }
}

/* an int constant that fits an imm32 */
static bool imm32_of(Gen *G, Ref r, int32_t *out) {
    Ins *in = I_(G, r);
    if (in->op != OP_CONST || cls(in->ty) != 'I') return false;
    int64_t v = G->f->cst.v[in->aux].i;
    if (v < INT32_MIN || v > INT32_MAX) return false;
    *out = (int32_t)v;
    return true;
}

static void generic(Gen *G, Ref r) {
    Extra *x = fr_extra(&G->u->arena, G->f, G->c->slot, r, 0);
    XCall *k = xcall(G);
    if (!x || !k) { G->bail = "out of memory"; return; }
    k->d = G->c->slot[r]; k->x = x;
    call_helper_w(G, fh_generic, k, k->d, slots_of(I_(G, r)->ty));
}

static const int int_cc[] = {CC_E, CC_NE, CC_L, CC_LE, CC_G, CC_GE};   /* EQ NE LT LE GT GE */
static const int uint_cc[] = {CC_E, CC_NE, CC_B, CC_BE, CC_A, CC_AE};

/* compare operands of r into flags; returns the cc that means "true" (float EQ/NE: see fcmp) */
static int icmp(Gen *G, Ref r) {
    Ins *in = I_(G, r);
    Ref a = A(G, r, 0), b = A(G, r, 1);
    int32_t imm;
    int ra = gp_of(G, G->c->slot[a]);
    if (imm32_of(G, b, &imm)) x_alu_ri(&G->b, ALU_CMP, ra, imm);
    else { int rb = gp_has(G, G->c->slot[b]); if (rb >= 0) x_alu_rr(&G->b, ALU_CMP, ra, rb); else x_alu_rm(&G->b, ALU_CMP, ra, FR, D(G, b)); }
    return (cls(I_(G, a)->ty) == 'U' ? uint_cc : int_cc)[in->op - OP_EQ];
}

/* float compare: ucomis with the operands ordered so that "above" means true
 * and unordered (NaN) means false; EQ and NE also look at PF */
static int fcmp(Gen *G, Ref r) {
    Ins *in = I_(G, r);
    Ref a = A(G, r, 0), b = A(G, r, 1);
    bool dbl = cls(I_(G, a)->ty) == 'F';
    bool swap = in->op == OP_LT || in->op == OP_LE;
    Ref x = swap ? b : a, y = swap ? a : b;
    int rx = xmm_of(G, G->c->slot[x], dbl);
    int ry = xmm_has(G, G->c->slot[y]);
    if (ry >= 0) x_ucomis_xx(&G->b, dbl, rx, ry);
    else x_ucomis_xm(&G->b, dbl, rx, FR, D(G, y));
    switch (in->op) {
    case OP_LT: case OP_GT: return CC_A;
    case OP_LE: case OP_GE: return CC_AE;
    case OP_EQ: return CC_E;
    default: return CC_NE;
    }
}

static void compare_value(Gen *G, Ref r) {
    Ins *in = I_(G, r);
    int k = cls(I_(G, A(G, r, 0))->ty);
    if (k == 'C' || k == 0) { generic(G, r); return; }
    if (k == 'I' || k == 'U') {
        int cc = icmp(G, r);
        x_setcc(&G->b, cc, RAX);
    } else {
        int cc = fcmp(G, r);
        x_setcc(&G->b, cc, RAX);
        if (in->op == OP_EQ) { x_setcc(&G->b, CC_NP, RCX); x_alu_rr(&G->b, ALU_AND, RAX, RCX); }
        if (in->op == OP_NE) { x_setcc(&G->b, CC_P, RCX); x_alu_rr(&G->b, ALU_OR, RAX, RCX); }
    }
    x_ext(&G->b, RAX, W8, false);
    def_gp(G, G->c->slot[r], RAX);
}

static void int_arith(Gen *G, Ref r) {
    Ins *in = I_(G, r);
    Ref a = A(G, r, 0);
    rax_of(G, RAX, G->c->slot[a]);
    if (in->n == 2) {
        Ref b = A(G, r, 1);
        int32_t imm;
        bool ib = imm32_of(G, b, &imm);
        int rb = ib ? -1 : gp_has(G, G->c->slot[b]);
        int alu = in->op == OP_ADD ? ALU_ADD : in->op == OP_SUB ? ALU_SUB : in->op == OP_AND ? ALU_AND
                : in->op == OP_OR ? ALU_OR : ALU_XOR;
        if (in->op == OP_MUL) {
            if (ib) { x_mov_ri(&G->b, RCX, imm); x_imul_rr(&G->b, RAX, RCX); }
            else if (rb >= 0) x_imul_rr(&G->b, RAX, rb);
            else x_imul_rm(&G->b, RAX, FR, D(G, b));
        } else if (ib) x_alu_ri(&G->b, alu, RAX, imm);
        else if (rb >= 0) x_alu_rr(&G->b, alu, RAX, rb);
        else x_alu_rm(&G->b, alu, RAX, FR, D(G, b));
    } else if (in->op == OP_NEG) x_neg(&G->b, RAX);
    else if (in->op == OP_INV) x_not(&G->b, RAX);
    else x_alu_ri(&G->b, ALU_XOR, RAX, 1); /* NOT of a bool */
    wrap(G, RAX, in->ty);
    def_gp(G, G->c->slot[r], RAX);
}

/* a // b and a % b on integers, Python's floor rounding: idiv, then one step
 * toward -inf when the remainder's sign differs from b's. b == -1 is taken
 * apart (INT64_MIN / -1 traps; kiln wraps), b == 0 raises as in every tier. */
static void int_divmod(Gen *G, Ref r) {
    Ins *in = I_(G, r);
    bool mod = in->op == OP_MOD;
    XCall *k = xcall(G);
    if (!k) return;
    k->code = mod ? RE_ZMOD_INT : RE_ZDIV_INT;
    rax_of(G, RCX, G->c->slot[A(G, r, 1)]);
    rax_of(G, RAX, G->c->slot[A(G, r, 0)]);
    G->gp[RDX] = -1; /* the division's; the cache is write-through */
    int err = cold(G, COLD_HELPER, 0, 0, k, fh_error);
    x_test_rr(&G->b, RCX, RCX);
    x_jcc(&G->b, CC_E, err);
    int done = xb_label(&G->b);
    if (cls(in->ty) == 'U') {
        x_alu_rr(&G->b, ALU_XOR, RDX, RDX);
        x_div(&G->b, RCX);
    } else {
        int normal = xb_label(&G->b), adjust = xb_label(&G->b);
        x_alu_ri(&G->b, ALU_CMP, RCX, -1);
        x_jcc(&G->b, CC_NE, normal);
        x_neg(&G->b, RAX);                  /* a // -1 = -a (wrapping), a % -1 = 0 */
        x_alu_rr(&G->b, ALU_XOR, RDX, RDX);
        x_jmp(&G->b, done);
        xb_bind(&G->b, normal);
        x_cqo(&G->b);
        x_idiv(&G->b, RCX);
        x_test_rr(&G->b, RDX, RDX);
        x_jcc(&G->b, CC_E, done);           /* exact */
        x_alu_rr(&G->b, ALU_XOR, RDX, RCX); /* sign of rem ^ b, without a scratch register */
        x_jcc(&G->b, CC_S, adjust);         /* the signs differ */
        x_alu_rr(&G->b, ALU_XOR, RDX, RCX);
        x_jmp(&G->b, done);
        xb_bind(&G->b, adjust);
        x_alu_rr(&G->b, ALU_XOR, RDX, RCX);
        x_alu_ri(&G->b, ALU_SUB, RAX, 1);
        x_alu_rr(&G->b, ALU_ADD, RDX, RCX);
    }
    xb_bind(&G->b, done); /* not a block boundary: the cache stays */
    if (mod) x_mov_rr(&G->b, RAX, RDX);
    wrap(G, RAX, in->ty);
    def_gp(G, G->c->slot[r], RAX);
}

static void float_arith(Gen *G, Ref r) {
    Ins *in = I_(G, r);
    bool dbl = cls(in->ty) == 'F';
    Ref a = A(G, r, 0);
    if (in->op == OP_NEG) { /* flip the sign bit: -x exactly, NaNs included */
        x_mov_rm(&G->b, RAX, FR, D(G, a));
        x_btc_ri(&G->b, RAX, dbl ? 63 : 31);
        x_mov_mr(&G->b, FR, D(G, r), RAX);
        cache_forget(G, G->c->slot[r], 1);
        return;
    }
    Ref b = A(G, r, 1);
    int op = in->op == OP_ADD ? SSE_ADD : in->op == OP_SUB ? SSE_SUB : in->op == OP_MUL ? SSE_MUL : SSE_DIV;
    if (in->op == OP_DIV && !(in->flags & INS_NUMPY)) { /* b == 0 (not NaN) raises */
        XCall *k = xcall(G);
        if (!k) return;
        k->code = (in->flags & DIV_INTS) ? RE_ZDIV : RE_ZDIV_FLOAT;
        int err = cold(G, COLD_HELPER, 0, 0, k, fh_error);
        int rb = xmm_of(G, G->c->slot[b], dbl);
        x_xorp_xx(&G->b, 2, 2);
        x_ucomis_xx(&G->b, dbl, rb, 2);
        int ok = xb_label(&G->b);
        x_jcc(&G->b, CC_P, ok);
        x_jcc(&G->b, CC_E, err);
        xb_bind(&G->b, ok); /* not a block boundary: the cache stays */
        int ra = xmm_of(G, G->c->slot[a], dbl);
        int rd = xmm_take(G, G->c->slot[r]);
        x_movap_xx(&G->b, rd, ra);
        x_sse_xx(&G->b, op, dbl, rd, rb);
        x_movs_mx(&G->b, dbl, FR, D(G, r), rd);
        return;
    }
    int ra = xmm_of(G, G->c->slot[a], dbl);
    int rb = xmm_has(G, G->c->slot[b]);
    if (rb >= 0) G->pinned_xmm |= 1u << rb;
    int rd = xmm_take(G, G->c->slot[r]);
    x_movap_xx(&G->b, rd, ra);
    if (rb >= 0) x_sse_xx(&G->b, op, dbl, rd, rb);
    else x_sse_xm(&G->b, op, dbl, rd, FR, D(G, b));
    x_movs_mx(&G->b, dbl, FR, D(G, r), rd);
}


static void move_slots(Gen *G, int32_t dst, int32_t src, int n) {
    for (int i = 0; i < n; i++) {
        int x = xmm_has(G, src + i);
        if (x >= 0 && n == 1) { /* a float in a register: store its 8 bytes straight from there */
            x_movs_mx(&G->b, true, FR, 8 * dst, x);
            continue;
        }
        x_mov_mr(&G->b, FR, 8 * (dst + i), reg_of(G, src + i));
    }
    cache_forget(G, dst, n);
}

/* ---- complex128 and abs inline: a complex value is two float64 slots (real, imaginary); the
 * formulas are the interpreter's (rt/eval.c), so the bits agree. NumPy's fused product (its
 * loops' FMA), division, powers and magnitudes go through the helper. ---- */

/* scratch register x (xmm0-2: never cached) = the float64 in slot */
static void part_to(Gen *G, int x, int32_t slot) {
    int c = xmm_has(G, slot);
    if (c >= 0) x_movap_xx(&G->b, x, c);
    else x_movs_xm(&G->b, true, x, FR, 8 * slot);
}

static void part_op(Gen *G, int op, int x, int32_t slot) {
    int c = xmm_has(G, slot);
    if (c >= 0) x_sse_xx(&G->b, op, true, x, c);
    else x_sse_xm(&G->b, op, true, x, FR, 8 * slot);
}

/* slot's 8 bytes with bit 63 flipped (btc) or cleared (btr) into dst: -x and abs(x) exactly */
static void sign_bit(Gen *G, int32_t dst, int32_t src, bool clear) {
    rax_of(G, RAX, src);
    if (clear) x_btr_ri(&G->b, RAX, 63);
    else x_btc_ri(&G->b, RAX, 63);
    x_mov_mr(&G->b, FR, 8 * dst, RAX);
    cache_forget(G, dst, 1);
}

static bool complex_arith(Gen *G, Ref r) {
    Ins *in = I_(G, r);
    if (in->ty->dtype != KILN_COMPLEX128) return false;
    int32_t d = G->c->slot[r], a = G->c->slot[A(G, r, 0)], b = in->n > 1 ? G->c->slot[A(G, r, 1)] : 0;
    switch (in->op) {
    case OP_ADD: case OP_SUB:
        for (int k = 0; k < 2; k++) { part_to(G, k, a + k); part_op(G, in->op == OP_ADD ? SSE_ADD : SSE_SUB, k, b + k); }
        break;
    case OP_MUL: /* CPython's: ar*br - ai*bi, ar*bi + ai*br */
        if ((in->flags & INS_NUMPY) && __builtin_cpu_supports("fma")) return false; /* NumPy fuses (rt_cmul_np) */
        part_to(G, 0, a); part_op(G, SSE_MUL, 0, b);
        part_to(G, 1, a + 1); part_op(G, SSE_MUL, 1, b + 1);
        x_sse_xx(&G->b, SSE_SUB, true, 0, 1);
        part_to(G, 1, a); part_op(G, SSE_MUL, 1, b + 1);
        part_to(G, 2, a + 1); part_op(G, SSE_MUL, 2, b);
        x_sse_xx(&G->b, SSE_ADD, true, 1, 2);
        break;
    case OP_NEG: sign_bit(G, d, a, false); sign_bit(G, d + 1, a + 1, false); return true;
    case OP_CONJ: move_slots(G, d, a, 1); sign_bit(G, d + 1, a + 1, false); return true;
    default: return false;
    }
    x_movs_mx(&G->b, true, FR, 8 * d, 0);
    x_movs_mx(&G->b, true, FR, 8 * (d + 1), 1);
    cache_forget(G, d, 2);
    return true;
}

/* .real, .imag, complex(a, b) of complex128: slot moves; abs of a float: its sign bit cleared */
static bool part_move(Gen *G, Ref r) {
    Ins *in = I_(G, r);
    Ref a = A(G, r, 0);
    int32_t d = G->c->slot[r], s = G->c->slot[a];
    const Type *at = I_(G, a)->ty;
    switch (in->op) {
    case OP_REAL: case OP_IMAG:
        if (at->dtype != KILN_COMPLEX128) return false;
        move_slots(G, d, s + (in->op == OP_IMAG), 1);
        return true;
    case OP_CPLX:
        if (in->ty->dtype != KILN_COMPLEX128) return false;
        move_slots(G, d, s, 1);
        move_slots(G, d + 1, G->c->slot[A(G, r, 1)], 1);
        return true;
    case OP_ABS:
        if (at->kind != T_SCALAR || at->dtype != KILN_FLOAT64 || in->ty->dtype != KILN_FLOAT64) return false;
        sign_bit(G, d, s, true);
        return true;
    default: return false;
    }
}

static void cast(Gen *G, Ref r) {
    Ins *in = I_(G, r);
    Ref a = A(G, r, 0);
    const Type *at = I_(G, a)->ty, *rt = in->ty;
    if (at->kind == T_ARRAY || at->dtype == rt->dtype) { move_slots(G, G->c->slot[r], G->c->slot[a], slots_of(rt)); return; }
    int ka = cls(at), kr = cls(rt);
    if ((ka == 'I' || ka == 'U') && (kr == 'I' || kr == 'U') && rt->dtype != KILN_BOOL) {
        rax_of(G, RAX, G->c->slot[a]);
        wrap(G, RAX, rt);
        def_gp(G, G->c->slot[r], RAX);
        return;
    }
    if (((ka == 'I' && at->dtype != KILN_BOOL) || ka == 'F' || ka == 'S') && (kr == 'F' || kr == 'S')) {
        int rd = xmm_take(G, G->c->slot[r]);
        x_xorp_xx(&G->b, rd, rd); /* no false dependence on the register's old value */
        if (ka == 'I') x_cvtsi2s_xm(&G->b, kr == 'F', rd, FR, D(G, a));
        else x_cvts2s_xm(&G->b, kr == 'F', rd, FR, D(G, a));
        x_movs_mx(&G->b, kr == 'F', FR, D(G, r), rd);
        return;
    }
    generic(G, r);
}

/* the address of element a[i0, i1, …] into rax */
static void elem_addr(Gen *G, Ref arr, int nd, const Ref *idx) {
    int32_t a = G->c->slot[arr];
    rax_of(G, RAX, G->c->slot[idx[0]]);
    x_imul_rr(&G->b, RAX, gp_of(G, a + 1 + nd));
    for (int k = 1; k < nd; k++) {
        rax_of(G, RCX, G->c->slot[idx[k]]);
        x_imul_rr(&G->b, RCX, gp_of(G, a + 1 + nd + k));
        x_alu_rr(&G->b, ALU_ADD, RAX, RCX);
    }
    x_alu_rr(&G->b, ALU_ADD, RAX, gp_of(G, a));
}

static int width_of(int dt) {
    switch (kiln_dtype_size((kiln_dtype)dt)) {
    case 1: return W8;
    case 2: return W16;
    case 4: return W32;
    default: return W64;
    }
}

static void load(Gen *G, Ref r) {
    Ins *in = I_(G, r);
    Ref arr = A(G, r, 0);
    int nd = I_(G, arr)->ty->ndim, dt = in->ty->dtype;
    if (nd == 0) {
        Extra *x = arena_alloc(&G->u->arena, sizeof(Extra) + sizeof(int32_t) * (size_t)(nd + 1));
        XCall *k = xcall(G);
        if (!x || !k) { G->bail = "out of memory"; return; }
        x->at = I_(G, arr)->ty; x->rt = in->ty; x->n = nd;
        for (int j = 0; j < nd; j++) x->slot[j] = G->c->slot[A(G, r, (uint32_t)(1 + j))];
        k->d = G->c->slot[r]; k->a = G->c->slot[arr]; k->x = x;
        call_helper_w(G, fh_ldn, k, k->d, slots_of(in->ty));
        return;
    }
    Ref idx[KILN_MAXDIM];
    for (int k = 0; k < nd; k++) idx[k] = A(G, r, (uint32_t)(1 + k));
    elem_addr(G, arr, nd, idx);
    if (dt == KILN_COMPLEX128) {
        x_mov_rm(&G->b, RCX, RAX, 0); x_mov_mr(&G->b, FR, D(G, r), RCX);
        x_mov_rm(&G->b, RCX, RAX, 8); x_mov_mr(&G->b, FR, D(G, r) + 8, RCX);
        cache_forget(G, G->c->slot[r], 2);
        return;
    }
    if (dt == KILN_FLOAT64 || dt == KILN_FLOAT32) {
        int rd = xmm_take(G, G->c->slot[r]);
        x_movs_xm(&G->b, dt == KILN_FLOAT64, rd, RAX, 0);
        x_movs_mx(&G->b, dt == KILN_FLOAT64, FR, D(G, r), rd);
        return;
    }
    if (dt == KILN_BOOL) {
        x_load(&G->b, RCX, RAX, 0, W8, false);
        x_test_rr(&G->b, RCX, RCX);
        x_setcc(&G->b, CC_NE, RCX);
        x_ext(&G->b, RCX, W8, false);
    } else {
        x_load(&G->b, RCX, RAX, 0, width_of(dt), dt_is_signed(dt));
    }
    if (dt == KILN_COMPLEX64) { x_mov_mr(&G->b, FR, D(G, r), RCX); cache_forget(G, G->c->slot[r], 1); return; }
    def_gp(G, G->c->slot[r], RCX);
}

static void store(Gen *G, Ref r) {
    Ins *in = I_(G, r);
    Ref arr = A(G, r, 0), v = A(G, r, 1);
    const Type *at = I_(G, arr)->ty;
    int nd = at->ndim, dt = at->dtype;
    if (nd == 0) {
        Extra *x = arena_alloc(&G->u->arena, sizeof(Extra) + sizeof(int32_t) * (size_t)(nd + 1));
        XCall *k = xcall(G);
        if (!x || !k) { G->bail = "out of memory"; return; }
        x->at = at; x->n = nd;
        for (int j = 0; j < nd; j++) x->slot[j] = G->c->slot[A(G, r, (uint32_t)(2 + j))];
        k->a = G->c->slot[arr]; k->b = G->c->slot[v]; k->x = x;
        call_helper(G, fh_stn, k);
        return;
    }
    (void)in;
    Ref idx[KILN_MAXDIM];
    for (int k = 0; k < nd; k++) idx[k] = A(G, r, (uint32_t)(2 + k));
    elem_addr(G, arr, nd, idx);
    int xv = xmm_has(G, G->c->slot[v]);
    if (xv >= 0 && (dt == KILN_FLOAT64 || dt == KILN_FLOAT32)) {
        x_movs_mx(&G->b, dt == KILN_FLOAT64, RAX, 0, xv);
        return;
    }
    rax_of(G, RCX, G->c->slot[v]);
    if (dt == KILN_COMPLEX128) {
        x_mov_mr(&G->b, RAX, 0, RCX);
        x_mov_rm(&G->b, RCX, FR, D(G, v) + 8);
        x_mov_mr(&G->b, RAX, 8, RCX);
        return;
    }
    x_store(&G->b, RAX, 0, RCX, width_of(dt));
}

static void bound(Gen *G, Ref r) {
    Ins *in = I_(G, r);
    Ref arr = A(G, r, 0), idx = A(G, r, 1);
    int axis = (int)in->aux;
    rax_of(G, RAX, G->c->slot[idx]);
    if (!(in->flags & BOUND_NOWRAP) || !(in->flags & BOUND_NOCHECK))
        rax_of(G, RCX, G->c->slot[arr] + 1 + axis);
    if (!(in->flags & BOUND_NOWRAP)) { /* a negative index counts from the end */
        int pos = xb_label(&G->b);
        x_test_rr(&G->b, RAX, RAX);
        x_jcc(&G->b, CC_NS, pos);
        x_alu_rr(&G->b, ALU_ADD, RAX, RCX);
        xb_bind(&G->b, pos); /* local: the cache stays valid on both paths */
    }
    if (!(in->flags & BOUND_NOCHECK)) {
        XCall *k = xcall(G);
        if (!k) return;
        k->d = G->c->slot[idx]; k->a = G->c->slot[arr]; k->b = axis;
        x_alu_rr(&G->b, ALU_CMP, RAX, RCX);
        x_jcc(&G->b, CC_AE, cold(G, COLD_HELPER, 0, 0, k, fh_index));
    }
    def_gp(G, G->c->slot[r], RAX);
}

static void helper_op(Gen *G, Ref r, Helper h, int nfixed) {
    Ins *in = I_(G, r);
    Extra *x = fr_extra(&G->u->arena, G->f, G->c->slot, r, nfixed);
    XCall *k = xcall(G);
    if (!x || !k) { G->bail = "out of memory"; return; }
    k->d = in->ty ? G->c->slot[r] : 0;
    k->a = in->n ? G->c->slot[A(G, r, 0)] : 0;
    k->b = in->n > 1 ? G->c->slot[A(G, r, 1)] : 0;
    k->x = x;
    call_helper_w(G, h, k, k->d, in->ty ? slots_of(in->ty) : 0);
}

static bool fused_cond(Gen *G, Ref r);
/* a call of another kernel (or this one) without the frame helper: the callee's frame on the machine
 * stack (its constants and the arguments stored into it), the checks fr_call makes (recursion depth,
 * stack left, an interrupt) inline, run->depth counted around a call through the callee's current
 * native code (read at each call: tier 2 replaces it), or fr_call_interp when it has none yet.
 * False (the helper's path) for a callee without code yet or with a frame too large for the stack. */
enum { DIRECT_INIT_MAX = 48 };

/* rax = Run's depth (plus more, frames inlined below the one checked); RecursionError (kr) when one more frame
 * would pass max_recursion */
static void depth_check(Gen *G, XCall *kr, int32_t more) {
    x_load(&G->b, RAX, RUN, (int32_t)offsetof(Run, depth), W32, true);
    if (more) x_alu_ri(&G->b, ALU_ADD, RAX, more);
    x_mov_rm(&G->b, RCX, RUN, (int32_t)offsetof(Run, tune)); /* the limit as the call runs (a tunable) */
    x_alu_rm(&G->b, ALU_CMP, RAX, RCX, (int32_t)(8 * TUNE_MAX_RECURSION));
    x_jcc(&G->b, CC_GE, cold(G, COLD_HELPER, 0, 0, kr, fh_error));
}

/* OP_FRAME: a call opt/inline.c inlined, the depth check the call made (nothing else: no frame was built) */
static void frame_check(Gen *G, Ref r) {
    XCall *kr = xcall(G);
    if (!kr) return;
    kr->code = RE_RECURSION;
    depth_check(G, kr, (int32_t)I_(G, r)->aux);
}
/* a call of itself (Gen.self_args): argument j into self_arg_reg[j] from the register caching it, or from the copy just
 * stored into the callee's frame where that register was already overwritten by an earlier argument's */
static void self_arg_moves(Gen *G, Ref r, const Code *cc) {
    unsigned written = 0, xwritten = 0;
    uint32_t n = I_(G, r)->n;
    for (uint32_t j = 0; j < n; j++) {
        int32_t slot = G->c->slot[A(G, r, j)];
        int dst = G->self_reg[j];
        if (G->self_x[j]) {
            int src = xmm_has(G, slot);
            if (src >= 0 && !(xwritten & (1u << src))) {
                if (src != dst) x_movap_xx(&G->b, dst, src);
            } else {
                x_movs_xm(&G->b, true, dst, RSP, 8 * cc->arg_slot[j]);
            }
            xwritten |= 1u << dst;
            continue;
        }
        int src = gp_has(G, slot);
        if (src >= 0 && !(written & (1u << src))) {
            if (src != dst) x_mov_rr(&G->b, dst, src);
        } else {
            x_mov_rm(&G->b, dst, RSP, 8 * cc->arg_slot[j]);
        }
        written |= 1u << dst;
    }
    for (uint32_t j = 0; j < n; j++) { /* they hold the arguments now */
        if (G->self_x[j]) G->xmm[G->self_reg[j]] = -1;
        else G->gp[G->self_reg[j]] = -1;
    }
}

/* the call itself, rax the callee's code: its own self_entry where that is still this code (tier 2 may have replaced
 * it since), the result then in SELF_RES; else rax's normal entry, the result loaded from its slot d */
static void self_call(Gen *G, int32_t d) {
    int fast = xb_label(&G->b), done = xb_label(&G->b);
    x_lea_l(&G->b, RCX, G->start_label);
    x_alu_rr(&G->b, ALU_CMP, RAX, RCX);
    x_jcc(&G->b, CC_E, fast);
    x_call_r(&G->b, RAX);
    /* after an error rax says so and the result is not read */
    if (G->self_res == 'I') x_mov_rm(&G->b, SELF_RES, FR, 8 * d);
    if (G->self_res == 'F') x_movs_xm(&G->b, true, SELF_XRES, FR, 8 * d);
    x_jmp(&G->b, done);
    xb_bind(&G->b, fast);
    x_call_l(&G->b, G->self_entry);
    xb_bind(&G->b, done); /* not a block boundary: the caller's cache is dropped after the call anyway */
}

static bool direct_call(Gen *G, Ref r) {
    Ins *in = I_(G, r);
    Unit *cu = G->f->callees.v[in->aux];
    const Code *cc = cu == G->u ? G->c : cu->code;
    if (!cc || cc->ninit > DIRECT_INIT_MAX || cc->nargs != in->n) return false;
    int64_t bytes = ((int64_t)sizeof(Slot) * (cc->nslots ? cc->nslots : 1) + 15) / 16 * 16;
    if (bytes > G->env->tune[TUNE_FRAME_STACK_BYTES] || bytes > (1 << 20)) return false;
    XCall *kr = xcall(G), *ki = xcall(G);
    if (!kr || !ki) return true;
    kr->code = RE_RECURSION;
    ki->code = RE_INTERRUPT;
    /* a call from a copied body (opt/recurse.c) is made that many frames deeper: rax is the depth it is made from */
    int32_t deeper = ir_call_levels(in->flags) - 1;
    depth_check(G, kr, deeper);
    x_alu_rm(&G->b, ALU_CMP, RSP, RUN, (int32_t)offsetof(Run, stack_floor));
    x_jcc(&G->b, CC_B, cold(G, COLD_HELPER, 0, 0, kr, fh_error));
    /* kiln_interrupt at every 16th level of depth, as tier 2's self calls: a recursion that runs long keeps
     * passing them, one that stays shallower is short (calls k levels apart: at any of k levels in a row, else
     * some depths would never check) */
    int deep = xb_label(&G->b);
    x_lea(&G->b, RCX, RAX, 1);
    x_alu_ri(&G->b, ALU_AND, RCX, 15);
    if (deeper) x_alu_ri(&G->b, ALU_CMP, RCX, deeper + 1);
    x_jcc(&G->b, deeper ? CC_AE : CC_NE, deep);
    x_mov_rm(&G->b, RCX, RUN, (int32_t)offsetof(Run, intr));
    x_mov_rm(&G->b, RCX, RCX, 0);
    x_alu_rm(&G->b, ALU_CMP, RCX, RUN, (int32_t)offsetof(Run, epoch));
    x_jcc(&G->b, CC_NE, cold(G, COLD_HELPER, 0, 0, ki, fh_error));
    xb_bind(&G->b, deep); /* not a block boundary: the cache stays */
    /* this call's depth parked in the frame's temporary area (a move's parking space, free across the call):
     * put back from there after the call, the depth in Run never waits on the callee's stores to it */
    int32_t park = G->c->temp + 2 * KILN_MAXDIM;
    if (deeper) { /* this function's own depth parked */
        x_lea(&G->b, RCX, RAX, -deeper);
        x_mov_mr(&G->b, FR, 8 * park, RCX);
    } else {
        x_mov_mr(&G->b, FR, 8 * park, RAX);
    }
    cache_forget(G, park, 1);
    x_alu_ri(&G->b, ALU_ADD, RAX, 1);
    x_store(&G->b, RUN, (int32_t)offsetof(Run, depth), RAX, W32);
    x_alu_ri(&G->b, ALU_SUB, RSP, (int32_t)bytes);
    for (uint32_t k = 0; k < cc->ninit; k++) {
        x_mov_ri(&G->b, RAX, cc->init[k].i);
        x_mov_mr(&G->b, RSP, (int32_t)(8 * k), RAX);
    }
    for (uint32_t j = 0; j < in->n; j++) {
        Ref a = A(G, r, j);
        int32_t src = G->c->slot[a], n = slots_of(I_(G, a)->ty);
        for (int32_t p = 0; p < n; p++) {
            x_mov_mr(&G->b, RSP, 8 * (cc->arg_slot[j] + p), reg_of(G, src + p));
        }
    }
    int32_t d = in->ty ? G->c->slot[r] : 0;
    bool self = cc == G->c && G->self_args;
    if (self) self_arg_moves(G, r, cc);
    x_mov_rr(&G->b, RDI, RSP);
    x_lea(&G->b, RSI, FR, 8 * d);
    x_mov_rr(&G->b, RDX, RUN);
    x_mov_ri(&G->b, RAX, (int64_t)(intptr_t)&cc->native);
    x_mov_rm(&G->b, RAX, RAX, 0);
    if (self) {
        self_call(G, d);
    } else if (cc != G->c) { /* a call of itself runs code that is installed (this, or tier 2's since): never NULL */
        x_test_rr(&G->b, RAX, RAX);
        int go = xb_label(&G->b);
        x_jcc(&G->b, CC_NE, go);
        x_mov_ri(&G->b, RCX, (int64_t)(intptr_t)cc); /* fr_call_interp's fourth argument */
        x_mov_ri(&G->b, RAX, (int64_t)(intptr_t)fr_call_interp);
        xb_bind(&G->b, go); /* not a block boundary: the cache stays */
        x_call_r(&G->b, RAX);
    } else {
        x_call_r(&G->b, RAX);
    }
    for (int q = 0; q < 16; q++) {
        if (!CALLEE_SAVED(q)) G->gp[q] = -1;
        G->xmm[q] = -1;
    }
    if (in->ty) cache_forget(G, d, slots_of(in->ty));
    if (self && G->self_res == 'I') G->gp[SELF_RES] = d; /* either way of the call left the result there */
    if (self && G->self_res == 'F') G->xmm[SELF_XRES] = d;
    x_alu_ri(&G->b, ALU_ADD, RSP, (int32_t)bytes);
    x_mov_rm(&G->b, RCX, FR, 8 * park);
    x_store(&G->b, RUN, (int32_t)offsetof(Run, depth), RCX, W32);
    x_test_rr(&G->b, RAX, RAX);
    x_jcc(&G->b, CC_NE, G->err_cur);
    return true;
}


static void ins(Gen *G, Ref r) {
    Ins *in = I_(G, r);
    G->line = (int)in->line;
    G->pinned_gp = G->pinned_xmm = 0;
    if (in->op >= OP_EQ && in->op <= OP_GE && fused_cond(G, r)) return; /* the branch computes it */
    switch (in->op) {
    case OP_CONST: case OP_ARG: case OP_PARAM: case OP_EXTRACT: return;
    case OP_DIM: move_slots(G, G->c->slot[r], G->c->slot[A(G, r, 0)] + 1 + (int32_t)in->aux, 1); return;
    case OP_BOUND: bound(G, r); return;
    case OP_LOAD: load(G, r); return;
    case OP_STORE: store(G, r); return;
    case OP_STRIDE: {
        int nd = I_(G, A(G, r, 0))->ty->ndim;
        move_slots(G, G->c->slot[r], G->c->slot[A(G, r, 0)] + 1 + nd + (int32_t)in->aux, 1);
        return;
    }
    case OP_DATA: move_slots(G, G->c->slot[r], G->c->slot[A(G, r, 0)], 1); return;
    case OP_LVIEW: { /* an RtList starts with its items' view: data, length, item size */
        int32_t d = G->c->slot[r];
        int p = gp_of(G, G->c->slot[A(G, r, 0)]);
        for (int k = 0; k < 3; k++) { x_mov_rm(&G->b, RAX, p, 8 * k); x_mov_mr(&G->b, FR, 8 * (d + k), RAX); }
        cache_forget(G, d, 3);
        return;
    }
    case OP_VIEW: helper_op(G, r, fh_view, 1); return;
    case OP_MKVIEW: helper_op(G, r, fh_mkview, 1); return;
    case OP_ALLOC: helper_op(G, r, fh_alloc, 0); return;
    case OP_FILL: helper_op(G, r, fh_fill, 0); return;
    case OP_ACOPY: helper_op(G, r, fh_acopy, 0); return;
    case OP_LIB: helper_op(G, r, fh_lib, 1); return;
    case OP_CALL: /* the callee may count on this function's budget: it sees ours and we see what it left */
        hot_save(G, RAX);
        if ((I_(G, r)->flags & INS_PAR) || !direct_call(G, r)) helper_op(G, r, fh_call, 0);
        hot_load(G, RCX);
        return;
    case OP_FRAME: frame_check(G, r); return;
    case OP_CAST: cast(G, r); return;
    case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE: compare_value(G, r); return;
    default: break;
    }
    if (!in->ty || !ty_is_leaf(in->ty)) return;
    int k = cls(in->ty);
    if (k == 'C' && complex_arith(G, r)) return;
    if (part_move(G, r)) return;
    switch (in->op) {
    case OP_ADD: case OP_SUB: case OP_MUL:
        if (k == 'I' || k == 'U') { int_arith(G, r); return; }
        if (k == 'F' || k == 'S') { float_arith(G, r); return; }
        break;
    case OP_AND: case OP_OR: case OP_XOR: case OP_NOT: case OP_INV:
        if (k == 'I' || k == 'U') { int_arith(G, r); return; }
        break;
    case OP_FLOORDIV: case OP_MOD:
        if (k == 'I' || k == 'U') { int_divmod(G, r); return; }
        break;
    case OP_NEG:
        if (k == 'I' || k == 'U') { int_arith(G, r); return; }
        if (k == 'F' || k == 'S') { float_arith(G, r); return; }
        break;
    case OP_DIV:
        if (k == 'F' || k == 'S') { float_arith(G, r); return; }
        break;
    case OP_SELECT:
        if (slots_of(in->ty) == 1) {
            x_mov_rm(&G->b, RAX, FR, D(G, A(G, r, 2)));
            x_alu_mi(&G->b, ALU_CMP, FR, D(G, A(G, r, 0)), 0);
            x_cmov_rm(&G->b, CC_NE, RAX, FR, D(G, A(G, r, 1)));
            x_mov_mr(&G->b, FR, D(G, r), RAX);
            cache_forget(G, G->c->slot[r], 1);
            return;
        }
        break;
    default: break;
    }
    generic(G, r);
}

/* ---- edges ---- */

/* the block arguments of an edge as a parallel copy (cycles go through the temp area) */
static void edge_moves(Gen *G, uint32_t from, int succ) {
    Func *f = G->f;
    Edge *e = &f->blocks.v[from].succ[succ];
    Block *to = &f->blocks.v[e->to];
    FrMove mv[FR_MAX_MOVES];
    int n = fr_edge_moves(f, G->c->slot, from, succ, G->c->temp, mv);
    for (int i = 0; i < n; i++) move_slots(G, mv[i].dst, mv[i].src, mv[i].n);
    if (G->loop_header[e->to] && !BACK(G, from, e->to) && !G->inherit_off[e->to]) preload(G, e->to);
    if (!G->pinned_block[e->to]) { loop_edge(G, from, e->to); return; }
    /* the pinned registers, from the sources' registers where they are still intact */
    unsigned written = 0;
    for (uint32_t k = 0; k < e->args.n; k++) {
        Ref p = to->params.v[k], v = e->args.v[k];
        if (!G->pin[p]) continue;
        int pr = G->pin[p] - 1;
        bool x = cls(f->ins.v[p].ty) == 'F' || cls(f->ins.v[p].ty) == 'S';
        int src = x ? xmm_has(G, G->c->slot[v]) : gp_has(G, G->c->slot[v]);
        if (src == pr && !(written & (1u << (pr + (x ? 16 : 0))))) { written |= 1u << (pr + (x ? 16 : 0)); continue; }
        bool ok = src >= 0 && !(written & (1u << (src + (x ? 16 : 0))));
        if (x) {
            if (ok) x_movap_xx(&G->b, pr, src);
            else x_movs_xm(&G->b, true, pr, FR, D(G, p));
        } else {
            if (ok) x_mov_rr(&G->b, pr, src);
            else x_mov_rm(&G->b, pr, FR, D(G, p));
        }
        written |= 1u << (pr + (x ? 16 : 0));
        /* the register now holds the parameter; what it cached before is gone */
        for (int i = 0; i < 16; i++) { if (x && i == pr) G->xmm[i] = -1; if (!x && i == pr) G->gp[i] = -1; }
    }
    loop_edge(G, from, e->to);
}

static bool has_moves(Gen *G, uint32_t from, int succ) {
    Edge *e = &G->f->blocks.v[from].succ[succ];
    Block *to = &G->f->blocks.v[e->to];
    for (uint32_t k = 0; k < e->args.n; k++)
        if (slots_of(G->f->ins.v[to->params.v[k]].ty) && G->c->slot[to->params.v[k]] != G->c->slot[e->args.v[k]]) return true;
    return false;
}

/* where the raises of block bi go: the error exit, or, in a try body (TERM_TRY, or TERM_RAISE going on), cold code
 * that takes the block's raised edge. What the registers cached is forgotten there (the raise may come from the
 * middle of an instruction); every value is in its slot, as at any label. */
static int try_landing(Gen *G, uint32_t bi) {
    Block *b = &G->f->blocks.v[bi];
    int succ = b->term == TERM_TRY ? 1 : b->term == TERM_RAISE && b->nsucc ? 0 : -1;
    if (succ < 0) return G->err_exit;
    int l = cold(G, COLD_EDGE, bi, succ, NULL, NULL);
    struct Cold *cd = &G->cold[G->ncold - 1];
    for (int r = 0; r < 16; r++) cd->gp[r] = cd->xmm[r] = -1;
    cd->err = G->err_exit;
    return l;
}

/* the label a branch to this edge should take */
static int edge_target(Gen *G, uint32_t from, int succ) {
    if (has_moves(G, from, succ)) return cold(G, COLD_EDGE, from, succ, NULL, NULL);
    return G->blk[G->f->blocks.v[from].succ[succ].to];
}

/* a compare used only by its own block's branch is computed by the branch */
static bool fused_cond(Gen *G, Ref c) {
    Ins *ci = I_(G, c);
    if (ci->op < OP_EQ || ci->op > OP_GE || G->c->uses[c] != 1 || ci->blk == UINT32_MAX) return false;
    Block *b = &G->f->blocks.v[ci->blk];
    if (b->term != TERM_BR || b->cond != c) return false;
    int k = cls(I_(G, A(G, c, 0))->ty);
    return k && k != 'C';
}

static void branch(Gen *G, uint32_t bi, uint32_t next) {
    Func *f = G->f;
    Block *b = &f->blocks.v[bi];
    Ref c = b->cond;
    Ins *ci = I_(G, c);
    int t = edge_target(G, bi, 0);
    if (!has_moves(G, bi, 0)) loop_edge(G, bi, b->succ[0].to);
    if (!has_moves(G, bi, 1)) loop_edge(G, bi, b->succ[1].to);
    const Type *ct = ci->n == 2 ? I_(G, A(G, c, 0))->ty : NULL;
    int k = cls(ct);
    bool fused = fused_cond(G, c) && ci->blk == bi;
    G->pinned_gp = G->pinned_xmm = 0;
    bool t_next = b->succ[0].to == next && !has_moves(G, bi, 0);
    if (fused && t_next && !has_moves(G, bi, 1)) {
        /* fall into the true block: branch to the false one on the negated condition */
        int f = G->blk[b->succ[1].to];
        G->fell_true = true;
        if (k == 'I' || k == 'U') {
            int cc = icmp(G, c) ^ 1;
            pass_cache(G, bi, 1);
            x_jcc(&G->b, cc, f);
            return;
        }
        int cc = fcmp(G, c);
        pass_cache(G, bi, 1);
        if (ci->op == OP_EQ) { x_jcc(&G->b, CC_P, f); x_jcc(&G->b, CC_NE, f); return; }
        if (ci->op == OP_NE) { int skip = xb_label(&G->b); x_jcc(&G->b, CC_P, skip); x_jcc(&G->b, CC_E, f); xb_bind(&G->b, skip); return; }
        x_jcc(&G->b, cc ^ 1, f); /* A -> BE, AE -> B: unordered goes to the false block */
        return;
    }
    bool t_plain = !has_moves(G, bi, 0);
    if (fused && (k == 'I' || k == 'U')) {
        int cc = icmp(G, c);
        if (t_plain) pass_cache(G, bi, 0);
        x_jcc(&G->b, cc, t);
    } else if (fused) {
        int cc = fcmp(G, c);
        if (t_plain) pass_cache(G, bi, 0);
        if (ci->op == OP_EQ) { int skip = xb_label(&G->b); x_jcc(&G->b, CC_P, skip); x_jcc(&G->b, CC_E, t); xb_bind(&G->b, skip); }
        else if (ci->op == OP_NE) { x_jcc(&G->b, CC_P, t); x_jcc(&G->b, CC_NE, t); }
        else x_jcc(&G->b, cc, t);
    } else {
        x_alu_mi(&G->b, ALU_CMP, FR, D(G, c), 0);
        if (t_plain) pass_cache(G, bi, 0);
        x_jcc(&G->b, CC_NE, t);
    }
    edge_moves(G, bi, 1);
    if (b->succ[1].to != next) {
        if (!has_moves(G, bi, 1)) pass_cache(G, bi, 1);
        x_jmp(&G->b, G->blk[b->succ[1].to]);
    }
}

static void epilogue(Gen *G);
static void term(Gen *G, uint32_t bi, uint32_t next) {
    Block *b = &G->f->blocks.v[bi];
    G->line = (int)b->line;
    switch (b->term) {
    case TERM_JMP:
        edge_moves(G, bi, 0);
        if (b->succ[0].to != next) {
            if (!has_moves(G, bi, 0)) pass_cache(G, bi, 0);
            x_jmp(&G->b, G->blk[b->succ[0].to]);
        }
        return;
    case TERM_BR: branch(G, bi, next); return;
    case TERM_RET: {
        int32_t o = 0;
        for (uint32_t k = 0; k < b->rets.n; k++) {
            Ref v = b->rets.v[k];
            int n = slots_of(I_(G, v)->ty);
            for (int j = 0; j < n; j++) { /* from the register holding it, if any (the slot was just stored) */
                int32_t slot = G->c->slot[v] + j;
                int g = gp_has(G, slot), x = n == 1 && cls(I_(G, v)->ty) == 'F' ? xmm_has(G, slot) : -1;
                if (g >= 0) x_mov_mr(&G->b, RET, 8 * (o + j), g);
                else if (x >= 0) x_movs_mx(&G->b, true, RET, 8 * (o + j), x);
                else {
                    x_mov_rm(&G->b, RAX, FR, D(G, v) + 8 * j);
                    x_mov_mr(&G->b, RET, 8 * (o + j), RAX);
                    g = RAX;
                }
                if (G->self_res == 'I' && g != SELF_RES) x_mov_rr(&G->b, SELF_RES, g); /* one int slot: g holds it */
                if (G->self_res == 'F') { /* one float64: from its register, else from the slot just written */
                    if (x >= 0 && x != SELF_XRES) x_movap_xx(&G->b, SELF_XRES, x);
                    else if (x < 0) x_movs_xm(&G->b, true, SELF_XRES, FR, D(G, v));
                }
            }
            o += n;
        }
        x_alu_rr(&G->b, ALU_XOR, RAX, RAX);
        epilogue(G); /* here, not a jump to a shared one */
        return;
    }
    case TERM_RAISE: {
        XCall *k = xcall(G);
        if (!k) return;
        k->ename = G->f->strs.v[b->ename];
        k->emsg = b->emsg >= 0 ? G->f->strs.v[b->emsg] : "";
        call_helper(G, fh_raise, k); /* it always raises: to err_cur (a try body's: the landing on to succ[0]) */
        x_jmp(&G->b, G->err_cur);
        return;
    }
    case TERM_RERAISE: x_jmp(&G->b, G->err_exit); return;
    case TERM_TRY: /* the raised edge's landing is err_cur's cold code (try_landing) */
        edge_moves(G, bi, 0);
        if (b->succ[0].to != next) x_jmp(&G->b, G->blk[b->succ[0].to]);
        return;
    default: (void)ir_check(false, &G->bail, "a block without a terminator");
    }
}

/* ---- tier-up counting (jit/tier.c) ---- */

/* subtract from the spec's budget; at zero the cold path asks the tier policy
 * (header: the loop header block, -1 at entry) */
static void hot_check(Gen *G, int32_t header, int64_t weight) {
    XCall *k = xcall(G);
    Extra *x = arena_alloc(&G->u->arena, sizeof(Extra) + sizeof(int32_t));
    if (!k || !x) { G->bail = "out of memory"; return; }
    memset(x, 0, sizeof *x);
    x->callee = G->u;
    x->aux = header;
    k->x = x;
    if (G->hot_reg) {
        x_alu_ri(&G->b, ALU_SUB, RBP, (int32_t)weight);
    } else {
        x_mov_ri(&G->b, RAX, (int64_t)(intptr_t)&G->c->hot);
        x_alu_mi(&G->b, ALU_SUB, RAX, 0, (int32_t)weight);
    }
    int back = xb_label(&G->b);
    x_jcc(&G->b, CC_LE, cold(G, COLD_HOT, (uint32_t)back, 0, k, NULL));
    xb_bind(&G->b, back); /* not bind_label: the registers still hold what they held */
}

/* at every loop header: has kiln_interrupt been called since the call began (Run.intr against
 * Run.epoch)? Then KeyboardInterrupt at the header's line. RAX only, as hot_check. */
static void interrupt_check(Gen *G, uint32_t bi) {
    XCall *k = xcall(G);
    if (!k) return;
    Block *b = &G->f->blocks.v[bi];
    for (uint32_t i = 0; i < b->ins.n && !(k->line = (int)G->f->ins.v[b->ins.v[i]].line); i++) {} /* the loop's line */
    k->code = RE_INTERRUPT;
    x_mov_rm(&G->b, RAX, RUN, (int32_t)offsetof(Run, intr));
    x_mov_rm(&G->b, RAX, RAX, 0);
    x_alu_rm(&G->b, ALU_CMP, RAX, RUN, (int32_t)offsetof(Run, epoch));
    x_jcc(&G->b, CC_NE, cold(G, COLD_HELPER, 0, 0, k, fh_error));
}

/* the budget ran out: fh_hot(frame, run, k, ret) with every caller-saved
 * register the code may be using kept on the stack; then go on (0), finish
 * with the result OSR code wrote (1), or leave with its error (-1) */
static void emit_hot(Gen *G, struct Cold *cd) {
    static const int keep[] = {RSI, RDI, R8, R9, R10, R11, RDX};
    for (int i = 0; i < 7; i++) x_push(&G->b, keep[i]);
    x_alu_ri(&G->b, ALU_SUB, RSP, 136); /* 7 pushes + 136: rsp stays 16-byte aligned */
    for (int i = 0; i < 16; i++) x_movs_mx(&G->b, true, RSP, 8 * i, i);
    x_mov_rr(&G->b, RDI, FR);
    x_mov_rr(&G->b, RSI, RUN);
    x_mov_ri(&G->b, RDX, (int64_t)(intptr_t)cd->k);
    x_mov_rr(&G->b, RCX, RET);
    hot_save(G, RAX); /* the policy reads the budget and may set it anew */
    x_mov_ri(&G->b, RAX, (int64_t)(intptr_t)fh_hot);
    x_call_r(&G->b, RAX);
    hot_load(G, RCX);
    for (int i = 0; i < 16; i++) x_movs_xm(&G->b, true, i, RSP, 8 * i);
    x_alu_ri(&G->b, ALU_ADD, RSP, 136);
    for (int i = 6; i >= 0; i--) x_pop(&G->b, keep[i]);
    x_test_rr(&G->b, RAX, RAX);
    x_jcc(&G->b, CC_E, (int)cd->from);
    x_jcc(&G->b, CC_S, G->err_exit);
    x_jmp(&G->b, G->ret_label);
}

static void emit_cold(Gen *G) {
    for (int i = 0; i < G->ncold; i++) {
        struct Cold cd = G->cold[i];
        xb_bind(&G->b, cd.label);
        memcpy(G->gp, cd.gp, sizeof G->gp);
        memcpy(G->xmm, cd.xmm, sizeof G->xmm);
        if (cd.kind == COLD_EDGE) {
            edge_moves(G, cd.from, cd.succ);
            x_jmp(&G->b, G->blk[G->f->blocks.v[cd.from].succ[cd.succ].to]);
        } else if (cd.kind == COLD_HOT) {
            emit_hot(G, &cd);
        } else {
            G->err_cur = cd.err;
            call_helper(G, cd.h, cd.k); /* it raises: to the error exit or a try's landing */
        }
    }
}

/* ---- the backend ---- */

/* Gen.self_args and self_res: a loop-free function with a direct call of itself, at most SELF_ARGS_MAX arguments each
 * one int or float64 slot (registers in order of each kind); its result one such slot on every return, of one kind */
static void self_convention(Gen *G) {
    Func *f = G->f;
    Code *c = G->c;
    G->self_args = false;
    G->self_res = 0;
    if (!G->lean || c->nargs > SELF_ARGS_MAX) return;
    for (uint32_t j = 0; j < c->nargs; j++) if (c->arg_size[j] != 1) return;
    char kind[SELF_ARGS_MAX] = {'I', 'I', 'I', 'I'}; /* a parameter never read travels as an int: its slot's bits */
    bool calls = false, ok = true;
    int res = -1; /* the returns' kind: -1 none yet, 0 mixed or other */
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        Block *b = &f->blocks.v[bi];
        if (b->dead) continue;
        for (uint32_t k = 0; k < b->ins.n; k++) {
            Ins *in = I_(G, b->ins.v[k]);
            if (in->op == OP_CALL && !(in->flags & INS_PAR) && f->callees.v[in->aux] == G->u) calls = true;
            if (in->op == OP_ARG && in->aux >= 0 && in->aux < (int64_t)c->nargs) {
                int k2 = cls(in->ty);
                if (k2 == 'I' || k2 == 'F') kind[in->aux] = (char)k2;
                else ok = false;
            }
        }
        if (b->term == TERM_RET) {
            int k2 = b->rets.n == 1 && slots_of(I_(G, b->rets.v[0])->ty) == 1 ? cls(I_(G, b->rets.v[0])->ty) : 0;
            if (k2 != 'I' && k2 != 'F') k2 = 0;
            res = res < 0 || res == k2 ? k2 : 0;
        }
    }
    if (!calls || !ok) return;
    int ni = 0, nx = 0;
    for (uint32_t j = 0; j < c->nargs; j++) {
        G->self_x[j] = kind[j] == 'F';
        G->self_reg[j] = (int8_t)(G->self_x[j] ? self_arg_xmm[nx++] : self_arg_reg[ni++]);
    }
    G->self_args = true;
    G->self_res = res > 0 ? (char)res : 0;
}

/* the registers back as the prologue found them, and return (eax already says how) */
static void epilogue(Gen *G) {
    hot_save(G, RCX); /* rax: the result code */
    if (!G->lean) { x_alu_ri(&G->b, ALU_ADD, RSP, 8); x_pop(&G->b, R15); x_pop(&G->b, R14); x_pop(&G->b, RBP); }
    x_pop(&G->b, R13); x_pop(&G->b, R12); x_pop(&G->b, RBX);
    x_ret(&G->b);
}

/* one attempt at the whole function into G->b; true if it must be redone */
static void generate(Gen *G) {
    xb_free(&G->b);
    xb_init(&G->b);
    free(G->cold); G->cold = NULL; G->ncold = G->capcold = 0;
    cache_reset(G);
    G->retry = false; G->bail = NULL; G->sticky_gp = G->sticky_xmm = 0; G->fell_true = false;
    memset(G->entry_seen, 0, G->f->blocks.n + 1);
    for (uint32_t bi = 0; bi < G->f->blocks.n; bi++) G->blk[bi] = xb_label(&G->b);
    G->err_exit = G->err_cur = xb_label(&G->b);
    int ret_label = G->ret_label = xb_label(&G->b);
    /* six pushes and 8 bytes keep rsp 16-byte aligned at helper calls; a lean function's three pushes alone do
     * (a call of a small kernel from a loop: 12 of the ~35 instructions it ran were these pushes and pops) */
    xb_bind(&G->b, G->start_label = xb_label(&G->b));
    x_push(&G->b, RBX); x_push(&G->b, R12); x_push(&G->b, R13);
    if (!G->lean) { x_push(&G->b, RBP); x_push(&G->b, R14); x_push(&G->b, R15); x_alu_ri(&G->b, ALU_SUB, RSP, 8); }
    x_mov_rr(&G->b, FR, RDI); x_mov_rr(&G->b, RET, RSI); x_mov_rr(&G->b, RUN, RDX);
    if (G->self_args) { /* the start loads the arguments a call of itself passes in registers; self_entry is entered with them */
        for (uint32_t j = 0; j < G->c->nargs; j++) {
            if (G->self_x[j]) x_movs_xm(&G->b, true, G->self_reg[j], FR, 8 * G->c->arg_slot[j]);
            else x_mov_rm(&G->b, G->self_reg[j], FR, 8 * G->c->arg_slot[j]);
        }
        int join = xb_label(&G->b);
        x_jmp(&G->b, join);
        xb_bind(&G->b, G->self_entry = xb_label(&G->b));
        x_push(&G->b, RBX); x_push(&G->b, R12); x_push(&G->b, R13);
        x_mov_rr(&G->b, FR, RDI); x_mov_rr(&G->b, RET, RSI); x_mov_rr(&G->b, RUN, RDX);
        xb_bind(&G->b, join);
        for (uint32_t j = 0; j < G->c->nargs; j++) {
            if (G->self_x[j]) G->xmm[G->self_reg[j]] = G->c->arg_slot[j];
            else G->gp[G->self_reg[j]] = G->c->arg_slot[j];
        }
    }
    hot_load(G, RAX);
    if (G->tiering && G->c->hot_call) hot_check(G, -1, G->c->hot_call);
    uint32_t prev = UINT32_MAX;
    for (uint32_t oi = 0; oi < G->norder && !G->bail; oi++) {
        uint32_t bi = G->order[oi];
        Block *b = &G->f->blocks.v[bi];
        /* entered only by falling through from the block laid out before it: what the
         * registers hold there still holds (a branch's other edge leaves, it never enters) */
        bool ft = false;
        if (b->preds.n == 1 && b->preds.v[0].blk == prev) {
            Block *pb = &G->f->blocks.v[prev];
            int sc = b->preds.v[0].succ;
            if (pb->term == TERM_JMP) ft = true;
            else if (pb->term == TERM_BR) ft = sc == (G->fell_true ? 0 : 1);
            else if (pb->term == TERM_TRY) ft = sc == 0; /* a try body's normal path: its raises leave from cold code */
        }
        G->err_cur = G->err_exit; /* a loop header's interrupt check leaves the function, as in every tier */
        bool entry = oi == 0 && b->preds.n == 0; /* what the prologue left in registers (Gen.self_args) still holds */
        if ((ft || entry) && !G->pinned_block[bi] && !G->loop_header[bi]) xb_bind(&G->b, G->blk[bi]);
        else bind_block(G, bi);
        if (G->loop_header[bi]) interrupt_check(G, bi);
        if (G->tiering && G->loop_header[bi] && G->c->loops) hot_check(G, (int32_t)bi, 1);
        G->fell_true = false;
        prev = bi;
        int landing = try_landing(G, bi);
        if (b->term == TERM_RAISE) G->err_cur = landing; /* the raise itself is the terminator */
        for (uint32_t k = 0; k < b->ins.n && !G->bail; k++) {
            if (k + 1 == b->ins.n) G->err_cur = landing; /* a try body's block raises from its last instruction only */
            ins(G, b->ins.v[k]);
        }
        G->err_cur = landing;
        uint32_t next = oi + 1 < G->norder ? G->order[oi + 1] : UINT32_MAX;
        term(G, bi, next);
    }
    xb_bind(&G->b, ret_label); /* tier 2 ran the call (emit_hot): its result only in the slot */
    if (G->self_res == 'I') x_mov_rm(&G->b, SELF_RES, RET, 0);
    if (G->self_res == 'F') x_movs_xm(&G->b, true, SELF_XRES, RET, 0);
    x_alu_rr(&G->b, ALU_XOR, RAX, RAX);
    epilogue(G);
    xb_bind(&G->b, G->err_exit);
    x_mov_ri(&G->b, RAX, 0xFFFFFFFFll); /* eax = -1 */
    epilogue(G);
    emit_cold(G);
}

static int x64_compile(const BackEnv *env, Unit *u, kiln_error *err) {
    if (!u->code && back_interp.compile(env, u, err)) return -1; /* the frame layout */
    Code *c = u->code;
    uint64_t nir = ir_live_ins(u->ir);
    if ((int64_t)nir > env->tune[TUNE_BASELINE_MAX_IR]) {
        c->bailout = "the function is larger than baseline_max_ir";
        if (env->opt->log & KILN_LOG_TIERS)
            env->log(env->cx, "kiln: %s stays in the interpreter: baseline bailed out (%llu IR instructions, limit %lld)\n",
                     u->name, (unsigned long long)nir, (long long)env->tune[TUNE_BASELINE_MAX_IR]);
        return 0;
    }
    Gen G;
    memset(&G, 0, sizeof G);
    G.f = u->ir; G.c = c; G.u = u; G.env = env;
    G.tiering = env->tiering;
    if (G.tiering) { c->hot = env->hot; c->hot_call = env->hot_call; }
    c->loops = G.tiering && env->tune[TUNE_TIER2_LOOPS] > 0; /* iterations count (and OSR is possible) */
    uint32_t nb = G.f->blocks.n + 1;
    G.blk = calloc(nb, sizeof(int));
    G.loop_header = calloc(nb, sizeof(bool));
    G.inherit_off = calloc(nb, sizeof(bool));
    G.entry_seen = calloc(nb, sizeof(bool));
    G.entry_gp = calloc(nb, sizeof *G.entry_gp);
    G.entry_xmm = calloc(nb, sizeof *G.entry_xmm);
    G.order = calloc(nb, sizeof(uint32_t));
    G.pos = calloc(nb, sizeof(uint32_t));
    if (G.blk && G.loop_header && G.inherit_off && G.entry_seen && G.entry_gp && G.entry_xmm && G.order && G.pos &&
        layout(&G)) {
        G.lean = true;
        ir_loop_heads_at(G.f, G.pos, G.loop_header); /* the rule an OSR entry's switch follows (llvm.c) */
        for (uint32_t bi = 0; bi < G.f->blocks.n; bi++) if (G.loop_header[bi]) G.lean = false;
        G.hot_reg = c->loops && !G.lean;
        self_convention(&G);
        if (!pick_pins(&G) || !find_invariants(&G)) G.bail = "out of memory";
        /* a back edge that loses an inherited register turns that header's inheritance
         * off; each attempt turns off at least one, so this ends */
        for (int attempt = 0; attempt < 64 && !G.bail; attempt++) {
            generate(&G);
            if (!G.retry || G.bail) break;
        }
        if (G.retry && !G.bail) G.bail = "loop registers did not settle";
    } else {
        G.bail = "out of memory";
    }
    if (!G.bail && !xb_finish(&G.b)) G.bail = G.b.oom ? "out of memory" : "an unbound label";
    if (!G.bail && rt_code_install(&c->mem, G.b.p, G.b.n)) G.bail = "cannot map executable memory";
    if (!G.bail) {
        __atomic_store_n(&c->native, (NativeFn)c->mem.p, __ATOMIC_RELEASE);
        c->native_size = G.b.n;
    } else {
        c->bailout = G.bail;
    }
    if (env->opt->log & KILN_LOG_TIERS) {
        if (G.bail) env->log(env->cx, "kiln: %s stays in the interpreter: baseline bailed out (%s)\n", u->name, G.bail);
        else env->log(env->cx, "kiln: %s compiled to %zu bytes of x86-64\n", u->name, G.b.n);
    }
    free(G.blk); free(G.cold); free(G.pin); free(G.pinned_block);
    free(G.loop_header); free(G.inherit_off); free(G.entry_seen); free(G.entry_gp); free(G.entry_xmm);
    free(G.inv); free(G.ninv); free(G.order); free(G.pos);
    xb_free(&G.b);
    return 0;
}

static int x64_run(Unit *u, const Slot *args, Slot *ret, Run *run) { return fr_enter(u->code, args, ret, run); }

static void x64_release(Unit *u) {
    Code *c = u->code;
    if (c) rt_code_free(&c->mem);
    u->code = NULL;
}

/* disassemble through objdump on a dumped buffer */
static void x64_dump(Unit *u, FILE *out) {
    Code *c = u->code;
    if (!c || !c->native) {
        fprintf(out, "no x86-64 code for %s (%s)\n", u->name, c && c->bailout ? c->bailout : "not compiled by the baseline tier");
        return;
    }
    fprintf(out, "x86-64 code for %s: %zu bytes at %p\n", u->name, c->native_size, c->mem.p);
    fflush(out);
    int fd;
    FILE *p = x64_objdump_open(c->mem.p, c->native_size, &fd);
    if (!p) { fprintf(out, "(cannot run objdump)\n"); return; }
    char line[512];
    for (int k = 0; fgets(line, sizeof line, p); k++)
        if (k >= 7) fputs(line, out); /* past objdump's header */
    if (x64_objdump_close(p, fd) != 0) fprintf(out, "(objdump is needed for the listing: apt-get install binutils)\n");
}

const Backend back_x64 = {"baseline", KILN_TIER_BASELINE, x64_compile, x64_run, x64_release, x64_dump};
