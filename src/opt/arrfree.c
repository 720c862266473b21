/*
 * arrfree.c — an array a loop's iteration makes and is done with is let go at
 * the end of the iteration, so a loop with temporaries (c = a + b, np.zeros(n),
 * a @ b, x.copy()) runs in the memory of one iteration, as NumPy's reference
 * counts give it, instead of keeping every array until the call returns (the
 * call's buffers, rt/run.c): 20,000 iterations of c = a + b on 10,000 complex
 * numbers took 3.1 GB and a page fault per 4 KiB written.
 * requires: SSA, dce (the uses are final); the last pass.
 * A candidate is an array an ALLOC, ACOPY, a reduction along axes, a matrix
 * product, a sort or nonzero makes (a buffer of its own, nothing else points
 * into it yet) in a block of a loop, or the result of a call there of a kernel
 * that returns such an array of its own making on every path and keeps
 * nothing of it (fresh_result: the callee ran on the same Run, whose buffer
 * it is). It is let go
 * (LIB_AFREE) when it and every view made of it (VIEW, MKVIEW) are used only by
 * what reads or writes their elements and header (LOAD, STORE's target, BOUND,
 * DIM, STRIDE, DATA, FILL, ACOPY's source, reductions, matmul's operands,
 * sorts, print): nothing that could keep it — no block argument, no return, no call,
 * no container, no try's protected instruction — and only inside its innermost
 * loop. It is let go where the iteration leaves the blocks its own block
 * dominates (at the end of each block of the loop, in no loop nested in it,
 * whose every way out goes back to the header, out of the loop or to a block
 * the array's does not dominate): past that point no use of this iteration's
 * array can come (a value the body makes reaches the next iteration only
 * through a header parameter, which it is not; reaching its uses again means
 * making it again), and each array is let go once. A path that returns or
 * raises keeps it until the call returns, as before.
 * Lists are treated alike (a list a routine made: a display, a comprehension,
 * a concatenation's copy, l * k; used only through its items' view, the list
 * routines working on it, as extend's source or in a search: list_harmless),
 * and so is an array or list variable the loop replaces each iteration
 * (carried: `grid = new`, `row = [1] + ... + [1]`), let go when replaced.
 */
#include "opt.h"
#include "../ir/lib.h"
#include "../ir/unit.h"
#include <stdio.h>
#include <string.h>

typedef struct Loops {
    uint32_t nb, nh;
    uint32_t *idom, *header; /* header[k]: the block of loop k */
    bool **body;             /* body[k][bi]: block bi is in loop k (its nested loops' blocks too) */
    uint32_t *size;
} Loops;

/* the natural loops: a header h with a predecessor u it dominates; its body what reaches u without h */
static bool find_loops(Func *f, Loops *L) {
    uint32_t nb = L->nb = f->blocks.n;
    L->idom = arena_alloc(f->a, sizeof(uint32_t) * (nb + 1));
    L->header = arena_alloc(f->a, sizeof(uint32_t) * (nb + 1));
    L->body = arena_alloc(f->a, sizeof(bool *) * (nb + 1));
    L->size = arena_alloc(f->a, sizeof(uint32_t) * (nb + 1));
    uint32_t *stack = arena_alloc(f->a, sizeof(uint32_t) * (nb + 1));
    if (!L->idom || !L->header || !L->body || !L->size || !stack || !opt_dominators(f, L->idom)) return false;
    L->nh = 0;
    for (uint32_t h = 0; h < nb; h++) {
        Block *b = &f->blocks.v[h];
        if (b->dead || L->idom[h] == UINT32_MAX) continue;
        bool *in = NULL;
        uint32_t sp = 0, n = 0;
        for (uint32_t k = 0; k < b->preds.n; k++) {
            uint32_t u = b->preds.v[k].blk;
            if (L->idom[u] == UINT32_MAX || !opt_dominates(L->idom, h, u)) continue;
            if (!in) {
                if (!(in = arena_alloc(f->a, nb))) return false;
                memset(in, 0, nb);
                in[h] = true;
                n = 1;
            }
            if (!in[u]) { in[u] = true; n++; stack[sp++] = u; }
        }
        if (!in) continue;
        while (sp) {
            Block *x = &f->blocks.v[stack[--sp]];
            for (uint32_t k = 0; k < x->preds.n; k++) {
                uint32_t p = x->preds.v[k].blk;
                if (!in[p] && L->idom[p] != UINT32_MAX) { in[p] = true; n++; stack[sp++] = p; }
            }
        }
        L->header[L->nh] = h; L->body[L->nh] = in; L->size[L->nh] = n;
        L->nh++;
    }
    return true;
}

/* the smallest loop holding block bi, or -1 */
static int innermost(const Loops *L, uint32_t bi) {
    int best = -1;
    for (uint32_t k = 0; k < L->nh; k++)
        if (L->body[k][bi] && (best < 0 || L->size[k] < L->size[best])) best = (int)k;
    return best;
}

/* the library routines that read their array operands and keep nothing of them; those of them that give an array
 * give a new one (rt/reduce.c, matmul.c, sort.c, linalg.c, correlate.c: run_alloc) */
static bool reads_arrays(int routine) {
    return routine < RK_COUNT || routine == LIB_MATMUL || (routine >= LIB_SORT && routine <= LIB_NONZERO) ||
           routine == LIB_LINALG || routine == LIB_CORRELATE;
}

/* a list a routine made (a display, a comprehension, a concatenation's copy, l * k): an RtList nothing else holds */
static bool made_list(const Ins *in) {
    if (!in->ty || in->ty->kind != T_LIST || in->op != OP_LIB) return false;
    int k = (int)(in->aux & 0xff);
    return k == LIB_LIST_NEW || k == LIB_LIST_FROM || k == LIB_LIST_REPEAT;
}

static bool made_here(const Ins *in) {
    if (made_list(in)) return true;
    if (!in->ty || in->ty->kind != T_ARRAY) return false;
    return in->op == OP_ALLOC || in->op == OP_ACOPY ||
           (in->op == OP_LIB && (reads_arrays((int)(in->aux & 0xff)) || (in->aux & 0xff) == LIB_KEEPORDER));
}

static bool fresh_result(Arena *a, Func *cf);

/* a call that gives an array (whether the callee made it is fresh_result's question) */
static bool array_call(Func *f, const Ins *in) {
    return in->op == OP_CALL && !(in->flags & INS_PAR) && in->ty && in->ty->kind == T_ARRAY && in->aux >= 0 &&
           (uint64_t)in->aux < f->callees.n;
}

/* an array made by this call's own instruction, or returned by a call of a kernel whose result is always an array it
 * made (fresh_result: the same Run holds it, the caller may let it go) */
static bool candidate(Func *f, const Ins *in) {
    if (made_here(in)) return true;
    if (!array_call(f, in)) return false;
    Unit *u = f->callees.v[in->aux];
    return u && u->ir && u->ir != f && u->state == UNIT_READY && fresh_result(f->a, u->ir);
}

/* whether instruction u uses list v only to read or change it in place: its items' view (LVIEW, itself to check),
 * the list routines working on it (operand 0), extend's and slice assignment's source (their items are copied), a
 * search; never an item stored elsewhere (a list appended to another list, put in a tuple, dict or call) */
static bool list_harmless(Func *f, Ref u, Ref v, bool *view) {
    const Ins *in = &f->ins.v[u];
    if (in->op == OP_LVIEW) { *view = true; return true; }
    if (in->op != OP_LIB) return false;
    int k = (int)(in->aux & 0xff);
    if (k == LIB_PRINT) return true;
    if (k < LIB_LIST_NEW || k > LIB_LIST_LAST || k == LIB_LIST_NEW || k == LIB_LIST_FROM) return false;
    for (uint32_t j = 1; j < in->n; j++)
        if (ir_arg(f, u, j) == v && !(k == LIB_LIST_EXTEND && j == 1) && !(k == LIB_LIST_SPLICE && j == 3) &&
            !(k == LIB_LIST_FIND && (in->aux >> 8) == LIST_FIND_EQ))
            return false;
    return true;
}

/* whether instruction u uses array v (one of a candidate's values) only to read or write elements or the header;
 * *view: u is a view of v's memory, itself to check. A list's: list_harmless; a list's items' view (LVIEW) may also
 * be copied into a new list (LIST_FROM) */
static bool harmless(Func *f, Ref u, Ref v, bool *view) {
    const Ins *in = &f->ins.v[u];
    *view = false;
    if (f->ins.v[v].ty && f->ins.v[v].ty->kind == T_LIST) return list_harmless(f, u, v, view);
    if (in->op == OP_LIB && (in->aux & 0xff) == LIB_LIST_FROM && ir_arg(f, u, 0) == v) return true;
    for (uint32_t j = 1; j < in->n && in->op != OP_LIB; j++) /* v anywhere but first: a stored value, an index */
        if (ir_arg(f, u, j) == v) return false;
    switch (in->op) {
    case OP_LOAD: case OP_STORE: case OP_BOUND: case OP_DIM: case OP_STRIDE: case OP_DATA: case OP_FILL: case OP_ACOPY:
        return true;
    case OP_VIEW: case OP_MKVIEW: *view = true; return true;
    case OP_LIB: {
        int k = (int)(in->aux & 0xff);
        return reads_arrays(k) || k == LIB_PRINT;
    }
    default: return false;
    }
}

/* users of each value (instructions only), as offsets into one array */
typedef struct Users { uint32_t *start; Ref *of; bool *esc, *phi; } Users; /* esc: a block argument, a return or a
                                                                              * branch's value; phi: a block argument */

/* (in arena a: a callee's IR is read, never written, and its arena may be in use by another thread) */
static bool find_users(Func *f, Arena *a, Users *U) {
    uint32_t n = f->ins.n, total = 0;
    U->start = arena_alloc(a, sizeof(uint32_t) * (n + 1));
    U->esc = arena_alloc(a, n + 1);
    U->phi = arena_alloc(a, n + 1);
    if (!U->start || !U->esc || !U->phi) return false;
    memset(U->start, 0, sizeof(uint32_t) * (n + 1));
    memset(U->esc, 0, n + 1);
    memset(U->phi, 0, n + 1);
    for (int pass = 0; pass < 2; pass++) {
        for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
            Block *b = &f->blocks.v[bi];
            if (b->dead) continue;
            for (uint32_t k = 0; k < b->ins.n; k++) {
                Ref r = b->ins.v[k];
                for (uint32_t j = 0; j < f->ins.v[r].n; j++) {
                    Ref a = ir_arg(f, r, j);
                    if (pass == 0) { U->start[a]++; total++; }
                    else U->of[--U->start[a]] = r;
                }
            }
            if (pass) continue;
            for (int s = 0; s < b->nsucc; s++)
                for (uint32_t k = 0; k < b->succ[s].args.n; k++) U->esc[b->succ[s].args.v[k]] = U->phi[b->succ[s].args.v[k]] = true;
            for (uint32_t k = 0; k < b->rets.n; k++) U->esc[b->rets.v[k]] = true;
            if (b->term == TERM_BR || b->term == TERM_TRY) U->esc[b->cond] = true;
        }
        if (pass == 0) { /* counts to ends, filled downwards */
            if (!(U->of = arena_alloc(a, sizeof(Ref) * (total + 1)))) return false;
            for (uint32_t r = 0, at = 0; r < n; r++) { at += U->start[r]; U->start[r] = at; }
            U->start[n] = total;
        }
    }
    return true;
}

/* how c itself may escape in stays(): not at all; by a return (not a block argument: a callee whose result c is);
 * as the caller has checked (carried(): c a loop's next value of a variable) */
enum { OWN_NONE, OWN_RETURNED, OWN_CHECKED };

/* whether candidate c and its views are used only harmlessly: by instructions in loop k's body (L non-NULL), or
 * anywhere (L NULL); own: whether c itself may escape (OWN_*; a view of it never) */
static bool stays(Func *f, const Users *U, const Loops *L, int k, Ref c, int own, Ref *work, uint32_t cap) {
    uint32_t n = 0, done = 0;
    work[n++] = c;
    while (done < n) {
        Ref v = work[done++];
        if (U->esc[v] && !(v == c && (own == OWN_CHECKED || (own == OWN_RETURNED && !U->phi[v])))) return false;
        for (uint32_t i = U->start[v]; i < U->start[v + 1]; i++) {
            Ref u = U->of[i];
            bool view;
            if ((L && !L->body[k][f->ins.v[u].blk]) || !harmless(f, u, v, &view)) return false;
            if (!view) continue;
            bool seen = false;
            for (uint32_t j = 0; j < n && !seen; j++) seen = work[j] == u;
            if (seen) continue;
            if (n == cap) return false;
            work[n++] = u;
        }
    }
    return true;
}

/* whether kernel body cf returns an array it made itself on every path, which nothing else keeps: each return's value
 * an array its own instruction made (made_here), used only harmlessly besides (no view of it returned, stored in a
 * container, passed on) */
static bool fresh_result(Arena *a, Func *cf) {
    if (!cf->ret || cf->ret->kind != T_ARRAY || cf->broken) return false;
    Users U = {0};
    enum { MAX_VIEWS = 64 };
    Ref *work = arena_alloc(a, sizeof(Ref) * MAX_VIEWS);
    if (!work || !find_users(cf, a, &U)) return false;
    bool any = false;
    for (uint32_t bi = 0; bi < cf->blocks.n; bi++) {
        Block *b = &cf->blocks.v[bi];
        if (b->dead || b->term != TERM_RET) continue;
        if (b->rets.n != 1) return false;
        Ref v = b->rets.v[0];
        if (!made_here(&cf->ins.v[v]) || !stays(cf, &U, NULL, 0, v, OWN_RETURNED, work, MAX_VIEWS)) return false;
        any = true;
    }
    return any;
}

/* whether block x of loop k is where an iteration leaves the blocks array block a dominates (its region): x is in
 * the region and in no loop nested in k, and every way out of x goes back to the header, out of the loop, or to a
 * block outside the region (which only a new pass through a reaches the region from again). Its end is after
 * every use of the array that iteration made; a try's block (its protected instruction must stay last) and a
 * block that returns or raises are not used */
static bool leaves_region(Func *f, const Loops *L, int k, uint32_t a, uint32_t x) {
    Block *xb = &f->blocks.v[x];
    if (xb->dead || L->idom[x] == UINT32_MAX || !opt_dominates(L->idom, a, x) || innermost(L, x) != k) return false;
    if (xb->term == TERM_TRY || xb->nsucc == 0) return false;
    for (int s = 0; s < xb->nsucc; s++) {
        uint32_t t = xb->succ[s].to;
        if (t != L->header[k] && opt_dominates(L->idom, a, t)) return false;
    }
    return true;
}

/* the new arrays (ALLOC) that nothing keeps past the call: they and their views used only harmlessly, anywhere,
 * never returned, passed on or carried by a block argument. ALLOC_LOCAL says so; tier 2 then keeps one of a
 * constant shape and a few bytes in its frame (back/llvm/llvm.c local_array), where LLVM may keep its elements
 * in registers; the other tiers let it go as any other */
static bool mark_local(Func *f, const Users *U, Ref *work, uint32_t cap) {
    for (Ref c = 0; c < f->ins.n; c++) {
        Ins *in = &f->ins.v[c];
        if (in->op != OP_ALLOC || in->blk == UINT32_MAX || f->blocks.v[in->blk].dead || !in->ty || in->ty->kind != T_ARRAY) continue;
        if (!stays(f, U, NULL, 0, c, OWN_NONE, work, cap)) continue;
        in->flags |= ALLOC_LOCAL;
        char note[120];
        snprintf(note, sizeof note, "local: line %u: the new array does not outlive the call", in->line);
        const char *kept = arena_strndup(f->a, note, strlen(note));
        if (!kept || !vec_push(f->a, f->notes, kept)) return false;
    }
    return true;
}

/* whether value v is a block argument only of edges from loop k's body to its header h, as the header's parameter
 * at (a next value of the variable it is), and no return's or branch's value */
static bool feeds_only(Func *f, const Loops *L, int k, Ref v, uint32_t at) {
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        const Block *b = &f->blocks.v[bi];
        if (b->dead) continue;
        if ((b->term == TERM_BR || b->term == TERM_TRY) && b->cond == v) return false;
        for (uint32_t j = 0; j < b->rets.n; j++) if (b->rets.v[j] == v) return false;
        for (int s = 0; s < b->nsucc; s++)
            for (uint32_t j = 0; j < b->succ[s].args.n; j++)
                if (b->succ[s].args.v[j] == v && (b->succ[s].to != L->header[k] || j != at || !L->body[k][bi])) return false;
    }
    return true;
}

/* An array variable a loop gives a new array each iteration (`grid = new` after `new = grid.copy()`, `x = x + dx`):
 * header parameter p of loop k whose every next value (each edge back from the body) is an array the iteration made
 * (candidate), used only harmlessly besides, and p itself used only harmlessly, anywhere, or returned (a use after
 * the loop, or a return, reads its last value, which is never let go). The array p held is let go where the iteration goes back (at the end of
 * each block that jumps back and nowhere else): nothing reads it past there, and the array that replaces it is
 * another buffer. The first iteration's p is the value the loop was entered with, which may be an argument (a
 * caller's buffer on the same Run) or kept elsewhere: LIB_AFREE's second operand, that value, says to keep it.
 * Without this a loop of 10^5 copies of an 8 x 8 array held them all until the call returned (33,000 page faults). */
static bool carried(Func *f, const Loops *L, const Users *U, int k, Ref *work, uint32_t cap) {
    uint32_t h = L->header[k];
    Block *hb = &f->blocks.v[h];
    if (hb->independent) return true;
    for (uint32_t pi = 0; pi < hb->params.n; pi++) {
        Ref p = hb->params.v[pi], entry = 0;
        const Type *pt = f->ins.v[p].ty;
        if (!pt || (pt->kind != T_ARRAY && pt->kind != T_LIST) || !stays(f, U, NULL, 0, p, OWN_RETURNED, work, cap)) continue;
        bool ok = true;
        uint32_t nentry = 0, nback = 0;
        for (uint32_t q = 0; q < hb->preds.n && ok; q++) {
            uint32_t x = hb->preds.v[q].blk;
            const Block *xb = &f->blocks.v[x];
            const Edge *e = &xb->succ[hb->preds.v[q].succ];
            if (pi >= e->args.n) { ok = false; break; }
            Ref v = e->args.v[pi];
            if (!L->body[k][x]) { entry = v; nentry++; continue; }
            const Ins *vi = &f->ins.v[v];
            ok = xb->nsucc == 1 && xb->term != TERM_TRY && v != p && vi->blk != UINT32_MAX && L->body[k][vi->blk] &&
                 candidate(f, vi) && feeds_only(f, L, k, v, pi) && stays(f, U, NULL, 0, v, OWN_CHECKED, work, cap);
            nback++;
        }
        if (!ok || nentry != 1 || !nback) continue;
        for (uint32_t q = 0; q < hb->preds.n; q++) {
            uint32_t x = hb->preds.v[q].blk;
            if (L->body[k][x] && !ir_emit(f, x, OP_LIB, NULL, (Ref[]){p, entry}, 2, LIB_AFREE, hb->line)) return false;
        }
        char note[160];
        snprintf(note, sizeof note, "free: line %u: the array variable each iteration replaces with a new one, when it is replaced",
                 hb->line);
        const char *kept = arena_strndup(f->a, note, strlen(note));
        if (!kept || !vec_push(f->a, f->notes, kept)) return false;
    }
    return true;
}

bool opt_arrfree(Func *f) {
    uint32_t n = f->ins.n;
    bool any = false;
    for (uint32_t r = 0; r < n; r++) {
        const Ins *in = &f->ins.v[r];
        if (in->blk != UINT32_MAX && in->op == OP_LIB && (in->aux & 0xff) == LIB_GPU) return true; /* a CUDA kernel */
        any |= in->blk != UINT32_MAX && !f->blocks.v[in->blk].dead && (made_here(in) || array_call(f, in)); /* a maybe */
    }
    if (!any) return true;
    Loops L = {0};
    Users U = {0};
    enum { MAX_VIEWS = 64 };
    Ref *work = arena_alloc(f->a, sizeof(Ref) * MAX_VIEWS);
    if (!work || !find_loops(f, &L) || !find_users(f, f->a, &U) || !mark_local(f, &U, work, MAX_VIEWS)) return false;
    if (!L.nh) return true;
    for (Ref c = 0; c < n; c++) {
        const Ins *in = &f->ins.v[c];
        if (in->blk == UINT32_MAX || f->blocks.v[in->blk].dead || !candidate(f, in) || L.idom[in->blk] == UINT32_MAX) continue;
        int k = innermost(&L, in->blk);
        if (k < 0 || f->blocks.v[L.header[k]].independent || !stays(f, &U, &L, k, c, OWN_NONE, work, MAX_VIEWS)) continue;
        uint32_t h = L.header[k], a = in->blk;
        const char *what = in->op == OP_ALLOC ? "new array" : in->op == OP_ACOPY ? "copy" : in->op == OP_CALL ? f->callees.v[in->aux]->name
                         : ir_lib_name(in->aux);
        uint32_t line = f->ins.v[c].line, hline = f->blocks.v[h].line, placed = 0;
        for (uint32_t x = 0; x < f->blocks.n; x++) {
            if (!L.body[k][x] || !leaves_region(f, &L, k, a, x)) continue;
            if (!ir_emit(f, x, OP_LIB, NULL, &c, 1, LIB_AFREE, line)) return false;
            placed++;
        }
        if (!placed) continue;
        char note[160];
        snprintf(note, sizeof note, "free: line %u: the %s%s made there, by each iteration of the loop at line %u", line, what,
                 in->op == OP_LIB ? " result" : in->op == OP_CALL ? "() result" : "", hline);
        const char *kept = arena_strndup(f->a, note, strlen(note));
        if (!kept || !vec_push(f->a, f->notes, kept)) return false;
    }
    for (uint32_t k = 0; k < L.nh; k++)
        if (!carried(f, &L, &U, (int)k, work, MAX_VIEWS)) return false;
    return true;
}
