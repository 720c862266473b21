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
