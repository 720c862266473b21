/*
 * order.c — reverse postorder of a function's reachable blocks, the one
 * order every walk that needs "definitions before uses" shares: dominators
 * (opt/cse.c), the baseline tier's block layout and the LLVM tier's lowering;
 * and whether a function loops (an edge back to a block at or before its
 * source in that order: block numbers are no order once opt/recurse.c has
 * copied blocks after those they return to).
 */
#include "ir.h"
#include <stdlib.h>
#include <string.h>

/* order[0..n): reverse postorder from block 0, successors in order (or the
 * false successor of a branch first: then, read backwards, each block's true
 * successor comes right after it). Returns n, 0 when out of memory. */
uint32_t ir_rpo(Func *f, bool false_first, uint32_t *order) {
    uint32_t nb = f->blocks.n, sp = 0, np = 0;
    uint32_t *stack = malloc(sizeof(uint32_t) * (nb + 1));
    uint8_t *seen = calloc(nb + 1, 1), *next = calloc(nb + 1, 1);
    if (!stack || !seen || !next) { free(stack); free(seen); free(next); return 0; }
    stack[sp++] = 0;
    seen[0] = 1;
    while (sp) { /* order gets the postorder, reversed below */
        uint32_t bi = stack[sp - 1];
        Block *b = &f->blocks.v[bi];
        bool pushed = false;
        while (next[bi] < b->nsucc) {
            int k = false_first && b->nsucc == 2 ? 1 - next[bi] : next[bi];
            next[bi]++;
            uint32_t t = b->succ[k].to;
            if (!seen[t]) { seen[t] = 1; stack[sp++] = t; pushed = true; break; }
        }
        if (!pushed) { order[np++] = bi; sp--; }
    }
    for (uint32_t i = 0; i < np / 2; i++) { uint32_t t = order[i]; order[i] = order[np - 1 - i]; order[np - 1 - i] = t; }
    free(stack); free(seen); free(next);
    return np;
}

/* the loop headers as tier 1 marks them (back/x64/gen.c counts there, and an OSR entry starts there): each live
 * block with a predecessor at or after it in ir_rpo(f, true)'s order; pos: each block's place in it (UINT32_MAX: not
 * reached); heads: f->blocks.n flags */
void ir_loop_heads_at(Func *f, const uint32_t *pos, bool *heads) {
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        const Block *b = &f->blocks.v[bi];
        heads[bi] = false;
        for (uint32_t k = 0; !b->dead && k < b->preds.n; k++) if (pos[b->preds.v[k].blk] >= pos[bi]) heads[bi] = true;
    }
}

/* the same with the order made here; false: out of memory */
bool ir_loop_heads(Func *f, bool *heads) {
    uint32_t nb = f->blocks.n, *order = malloc(sizeof(uint32_t) * (nb + 1)), *pos = malloc(sizeof(uint32_t) * (nb + 1));
    uint32_t n = order && pos ? ir_rpo(f, true, order) : 0;
    if (n) {
        for (uint32_t i = 0; i < nb; i++) pos[i] = UINT32_MAX;
        for (uint32_t i = 0; i < n; i++) pos[order[i]] = i;
        ir_loop_heads_at(f, pos, heads);
    }
    free(order);
    free(pos);
    return n != 0;
}

/* reach: the live blocks reachable from those from marks (work: room for every block); the answer: blocks times
 * their instructions */
static uint64_t reach_from(Func *f, const bool *from, bool *reach, uint32_t *work) {
    uint32_t nb = f->blocks.n, sp = 0;
    uint64_t blocks = 0, ins = 0;
    memset(reach, 0, nb);
    for (uint32_t bi = 0; bi < nb; bi++) if (from[bi] && !f->blocks.v[bi].dead) { reach[bi] = true; work[sp++] = bi; }
    while (sp) {
        const Block *b = &f->blocks.v[work[--sp]];
        blocks++;
        ins += b->ins.n;
        for (int s = 0; s < b->nsucc; s++) if (!reach[b->succ[s].to]) { reach[b->succ[s].to] = true; work[sp++] = b->succ[s].to; }
    }
    return blocks * ins;
}

/* the loop headers an OSR entry asked for at header starts at (back/llvm/llvm.c's switch; jit/tier.c enters it at
 * them): every loop header of f, so that one compile serves a function's loops one after another — but only header
 * where the entry made of all of them would cost much more than the one asked for: the entry reads each value handed
 * between its blocks at every block start (blocks x instructions of the blocks reachable from the headers), and in a
 * function of hundreds of blocks LLVM took minutes over them. heads, and reach (the blocks reachable from them; NULL:
 * not wanted): f->blocks.n flags each; false: out of memory */
bool ir_osr_heads(Func *f, uint32_t header, bool *heads, bool *reach) {
    uint32_t nb = f->blocks.n, *work = malloc(sizeof(uint32_t) * (nb + 1));
    bool *r = reach ? reach : malloc(nb + 1), ok = work && r && ir_loop_heads(f, heads);
    if (ok) {
        heads[header] = true;
        if (reach_from(f, heads, r, work) > OSR_ALL_HEADS_COST) {
            memset(heads, 0, nb);
            heads[header] = true;
            reach_from(f, heads, r, work);
        }
    }
    free(work);
    if (r != reach) free(r);
    return ok;
}

int ir_has_loop(Func *f) {
    uint32_t nb = f->blocks.n, *order = malloc(sizeof(uint32_t) * (nb + 1)), *pos = calloc(nb + 1, sizeof(uint32_t));
    uint32_t n = order && pos ? ir_rpo(f, false, order) : 0;
    int loop = n ? 0 : -1;
    for (uint32_t i = 0; i < n; i++) pos[order[i]] = i + 1;
    for (uint32_t i = 0; i < n && loop == 0; i++) {
        const Block *b = &f->blocks.v[order[i]];
        for (int k = 0; k < b->nsucc; k++) if (pos[b->succ[k].to] <= i + 1) loop = 1;
    }
    free(order);
    free(pos);
    return loop;
}
