/*
 * bce.c — bounds-check elimination for the common loop shapes.
 * requires: SSA, cse run (equal DIMs are one value). preserves: semantics.
 * In `for i in range(s, n)` with a constant s >= 0 (lowering marks the counter INS_NONNEG: it
 * counts up by one from s) the header branches on i < n, so in a block the loop body dominates
 * i is in [s, n). A check of a[..., i + c, ...] on axis k, c a small constant with s + c >= 0,
 * can neither wrap nor fail when n is L + d with d + c <= 0 and L a's length on axis k (the
 * stencil's a[i + 1] in range(1, len(a) - 1)): DIM(a, k) itself, or the same length reached another way (an array made by ALLOC has the extents it was made with, so
 * `out = np.empty_like(a)` has a's length; `out[i - 1]` in `range(1, len(a))` is safe). Other
 * checks stay (tier 2 removes or hoists more of them with LLVM's range-check elimination).
 * A constant n no larger than a constant length (an argument's fixed shape, or an ALLOC's constant
 * extent) is safe too: with static shapes, range(8) over an 8-long axis. A bound min(x, n) is below
 * n: a prange chunk's loop, range($lo, min($hi, len(a))), starts at $lo >= 0 (INS_NONNEG).
 * An index x % c or x & m below a constant length is safe anywhere. A copy has its source's lengths,
 * and a loop's array variable the lengths of every value it is given where each value the loop gives
 * it is of its own lengths (`grid = grid.copy()` each step: the first grid's). An index that is a sum of
 * counters of loops around the check (a window's a[j + k], a convolution's img[i + a, j + b]) is safe where the
 * sum of their bounds less one each, as linear forms of lengths, cancels to below the length
 * (counter_sum_flags).
 */
#include "opt.h"

/* a length, canonical: DIM of an ALLOC is the extent it was allocated with; a length is the
 * value ref (axis -1) or DIM(ref, axis) of an array that is not an ALLOC */
typedef struct Len { Ref r; int32_t axis; } Len;

static Len len_of_dim(Func *f, Ref arr, int32_t axis, int depth);

static Len len_of_value(Func *f, Ref x, int depth) {
    Ins *in = &f->ins.v[x];
    if (in->op == OP_DIM && depth < 8) return len_of_dim(f, ir_arg(f, x, 0), (int32_t)in->aux, depth + 1);
    return (Len){x, -1};
}

static bool int_const(Func *f, Ref r, int64_t *v) {
    Ins *in = &f->ins.v[r];
    if (in->op != OP_CONST || !in->ty || in->ty->kind != T_SCALAR || !dt_is_int(in->ty->dtype)) return false;
    *v = f->cst.v[in->aux].i;
    return true;
}

static bool same_len(Func *f, Len a, Len b) {
    int64_t x, y;
    if (a.r == b.r && a.axis == b.axis) return true;
    return a.axis < 0 && b.axis < 0 && int_const(f, a.r, &x) && int_const(f, b.r, &y) && x == y;
}

/* a loop's array variable (header parameter p) has the length every value it is given has, where each value the
 * loop gives it has p's own length (a copy of p: `grid = grid.copy()` each step keeps the first grid's shape) */
static Len len_of_param(Func *f, Ref p, int32_t axis, int depth) {
    Ins *a = &f->ins.v[p];
    Block *b = &f->blocks.v[a->blk];
    Len got = {0, -2};
    for (uint32_t i = 0; i < b->preds.n; i++) {
        Edge *e = &f->blocks.v[b->preds.v[i].blk].succ[b->preds.v[i].succ];
        if ((uint64_t)a->aux >= e->args.n) return (Len){p, axis};
        Ref v = e->args.v[a->aux];
        if (v == p) continue;
        Len l = len_of_dim(f, v, axis, depth + 1);
        if (l.r == p && l.axis == axis) continue; /* p's own length, carried */
        if (got.axis == -2) got = l;
        else if (!same_len(f, got, l)) return (Len){p, axis};
    }
    return got.axis == -2 ? (Len){p, axis} : got;
}

static Len len_of_dim(Func *f, Ref arr, int32_t axis, int depth) {
    Ins *a = &f->ins.v[arr];
    if (a->op == OP_ALLOC && a->ty && a->ty->kind == T_ARRAY && (int)a->n == a->ty->ndim && axis < (int32_t)a->n)
        return len_of_value(f, ir_arg(f, arr, (uint32_t)axis), depth);
    if (depth < 6 && a->op == OP_ACOPY && a->ty && a->ty->kind == T_ARRAY) /* a copy has its source's shape */
        return len_of_dim(f, ir_arg(f, arr, 0), axis, depth + 1);
    if (depth < 4 && a->op == OP_PARAM && a->ty && a->ty->kind == T_ARRAY && a->blk != UINT32_MAX)
        return len_of_param(f, arr, axis, depth);
    return (Len){arr, axis};
}

/* a length that is a constant (an ALLOC's constant extent, an argument's fixed shape), or -1 */
static int64_t const_len(Func *f, Len want) {
    int64_t len = -1;
    if (want.axis < 0) int_const(f, want.r, &len);
    else ir_fixed_dim(f, want.r, want.axis, &len);
    return len;
}

/* a constant bound n, plus off, no larger than a constant length (static shapes): for i in
 * range(8) indexing an argument of length 8 */
static bool const_within(Func *f, Len n, Len want, int64_t off) {
    int64_t k;
    return n.axis < 0 && int_const(f, n.r, &k) && k + off <= const_len(f, want);
}

/* a constant index 0 <= i < a constant length; or x % c (Python's: in [0, c) for c > 0) or x & m (m >= 0: in
 * [0, m]) below a constant length (the wrapped neighbours of a torus, grid[(i + 1) % n]) */
static bool const_index_within(Func *f, Ref idx, Len want) {
    int64_t i;
    if (int_const(f, idx, &i)) return i >= 0 && i < const_len(f, want);
    Ins *in = &f->ins.v[idx];
    if ((in->op != OP_MOD && in->op != OP_AND) || !in->ty || in->ty->kind != T_SCALAR || in->ty->dtype != KILN_INT64 ||
        !int_const(f, ir_arg(f, idx, 1), &i) || i < 0 || i == INT64_MAX)
        return false;
    int64_t above = in->op == OP_MOD ? i : i + 1; /* the index is below this */
    return above > 0 && above <= const_len(f, want);
}

/* idx as iv + c: iv itself, iv + k, k + iv or iv - k with k a small constant */
static Ref split_offset(Func *f, Ref idx, int64_t *c) {
    Ins *in = &f->ins.v[idx];
    int64_t k;
    *c = 0;
    if ((in->op == OP_ADD || in->op == OP_SUB) && in->ty && in->ty->dtype == KILN_INT64) {
        Ref x = ir_arg(f, idx, 0), y = ir_arg(f, idx, 1);
        if (int_const(f, y, &k) && k > -(1 << 30) && k < (1 << 30)) { *c = in->op == OP_ADD ? k : -k; return x; }
        if (in->op == OP_ADD && int_const(f, x, &k) && k > -(1 << 30) && k < (1 << 30)) { *c = k; return y; }
    }
    return idx;
}

/* the constant a header parameter starts at: what the header's one edge from outside the loop
 * (an edge from a block the body does not dominate) passes, when that is a constant */
static bool start_of(Func *f, const uint32_t *idom, Ref iv, uint32_t body, int64_t *s) {
    Ins *p = &f->ins.v[iv];
    Block *h = &f->blocks.v[p->blk];
    bool found = false;
    for (uint32_t i = 0; i < h->preds.n; i++) {
        Pred pr = h->preds.v[i];
        if (opt_dominates(idom, body, pr.blk)) continue; /* a back edge */
        Edge *e = &f->blocks.v[pr.blk].succ[pr.succ];
        if (p->aux >= e->args.n || found) return false;
        if (!int_const(f, e->args.v[p->aux], s)) return false;
        found = true;
    }
    return found;
}

/* b is min(x, y) as lowering writes it (x < y ? x : y): both are bounds on it */
static bool min_arms(Func *f, Ref b, Ref *x, Ref *y) {
    Ins *in = &f->ins.v[b];
    if (in->op != OP_SELECT) return false;
    Ref c = ir_arg(f, b, 0);
    Ins *ci = &f->ins.v[c];
    if (ci->op != OP_LT || ir_arg(f, c, 0) != ir_arg(f, b, 1) || ir_arg(f, c, 1) != ir_arg(f, b, 2)) return false;
    *x = ir_arg(f, b, 1); *y = ir_arg(f, b, 2);
    return true;
}

/* the loop runs while iv < bound (+ d): idx = iv + c stays below the length want */
static bool bound_within(Func *f, Ref bound_ref, Len want, int64_t c) {
    int64_t d;
    Ref bound = split_offset(f, bound_ref, &d);
    Len n = len_of_value(f, bound, 0);
    return n.r == want.r && n.axis == want.axis ? d + c <= 0 : const_within(f, n, want, d + c);
}

/* ---- sums of loop counters: a[i + k] in `for i in range(n - w + 1): for k in range(w)` ----
 * An index i1 + ... + c of counters (each INS_NONNEG: from a start >= 0 up by one while below its loop's bound
 * B, the loop's body dominating the check) is at least the sum of their starts plus c, and at most the sum of
 * (B - 1) plus c. The bounds are linear forms of lengths and other values; where the upper sum minus the length
 * cancels every one of them to a constant <= -1 the index is below the length: (n - w + 1 - 1) + (w - 1) =
 * n - 1 */
enum { LIN_ATOMS = 12, LIN_DEPTH = 8 };
typedef struct Lin { int n; Len atom[LIN_ATOMS]; int64_t coef[LIN_ATOMS]; int64_t c; } Lin;

/* l += sign * a (a length static shapes fix: its number) */
static bool lin_atom(Func *f, Lin *l, Len a, int64_t sign) {
    int64_t fixed = a.axis >= 0 ? const_len(f, a) : -1;
    if (fixed >= 0) { l->c += sign * fixed; return true; }
    for (int i = 0; i < l->n; i++)
        if (same_len(f, l->atom[i], a)) { l->coef[i] += sign; return true; }
    if (l->n == LIN_ATOMS) return false;
    l->atom[l->n] = a;
    l->coef[l->n++] = sign;
    return true;
}

/* l += sign * x, x's additions and subtractions of int64 values and constants taken apart */
static bool lin_add(Func *f, Lin *l, Ref x, int64_t sign, int depth) {
    Ins *in = &f->ins.v[x];
    int64_t k;
    if (int_const(f, x, &k)) {
        if (k <= -(1ll << 40) || k >= 1ll << 40) return false;
        l->c += sign * k;
        return true;
    }
    if (depth < LIN_DEPTH && (in->op == OP_ADD || in->op == OP_SUB) && in->ty && in->ty->kind == T_SCALAR &&
        in->ty->dtype == KILN_INT64)
        return lin_add(f, l, ir_arg(f, x, 0), sign, depth + 1) &&
               lin_add(f, l, ir_arg(f, x, 1), in->op == OP_ADD ? sign : -sign, depth + 1);
    return lin_atom(f, l, len_of_value(f, x, 0), sign);
}

/* the loop whose counter iv is, where block bi is in its body: its bound (iv < bound there) and start (-1: not a
 * constant; the counter is >= 0 all the same) */
static bool counter_loop(Func *f, const uint32_t *idom, uint32_t bi, Ref iv, Ref *bound, int64_t *start) {
    Ins *in = &f->ins.v[iv];
    if (in->op != OP_PARAM || !(in->flags & INS_NONNEG) || in->blk == UINT32_MAX) return false;
    Block *h = &f->blocks.v[in->blk];
    if (h->term != TERM_BR || f->ins.v[h->cond].op != OP_LT || ir_arg(f, h->cond, 0) != iv) return false;
    uint32_t body = h->succ[0].to;
    if (f->blocks.v[body].preds.n != 1 || !opt_dominates(idom, body, bi)) return false;
    *bound = ir_arg(f, h->cond, 1);
    if (!start_of(f, idom, iv, body, start) || *start < 0) *start = -1;
    return true;
}

/* the flags the check of idx against length want (in block bi) can have: NOWRAP | NOCHECK where 0 <= idx < want,
 * else none. (NOWRAP alone where only idx >= 0 is known was tried: a Levenshtein row loop's cur[j - 1] then ran
 * 1.8x slower at tier 2 — LLVM's loop passes took the plain unsigned check apart from the value stored the
 * iteration before, which the wrapping select had kept in a register) */
static uint16_t counter_sum_flags(Func *f, const uint32_t *idom, uint32_t bi, Ref idx, Len want) {
    Lin x = {0};
    if (!lin_add(f, &x, idx, 1, 0)) return 0;
    Lin up = {0};
    int64_t low = x.c;
    bool upper = true;
    for (int i = 0; i < x.n; i++) {
        Ref bound;
        int64_t start;
        if (x.coef[i] < 0 || x.atom[i].axis >= 0 || !counter_loop(f, idom, bi, x.atom[i].r, &bound, &start)) return 0;
        if (!x.coef[i]) continue;
        low += x.coef[i] * (start < 0 ? 0 : start);
        for (int64_t m = 0; upper && m < x.coef[i]; m++) upper = lin_add(f, &up, bound, 1, 0);
        up.c -= x.coef[i]; /* each counter is at most its bound - 1 */
    }
    if (low < 0) return 0;
    up.c += x.c;
    upper = upper && lin_atom(f, &up, want, -1);
    for (int i = 0; upper && i < up.n; i++) upper = up.coef[i] == 0;
    return upper && up.c <= -1 ? BOUND_NOWRAP | BOUND_NOCHECK : 0;
}

/* whether the check of a[iv + c] against length want (in block bi) can go: iv a counter of a loop whose body
 * holds it, in [s, n) with n the length plus d, d + c <= 0 (or a prange chunk's min($hi, len(a))) */
static bool single_counter(Func *f, const uint32_t *idom, uint32_t bi, Ref index, Len want) {
    int64_t c, s;
    Ref idx = split_offset(f, index, &c), bound, x, y;
    if (!counter_loop(f, idom, bi, idx, &bound, &s) || (c < 0 && (s < 0 || s + c < 0))) return false;
    /* the loop runs while iv < bound; a prange chunk's while iv < min($hi, len(a)) (front/prange.c) */
    if (!bound_within(f, bound, want, c) &&
        !(min_arms(f, bound, &x, &y) && (bound_within(f, x, want, c) || bound_within(f, y, want, c))))
        return false;
    return true;
}

bool opt_bce(Func *f) {
    uint32_t nb = f->blocks.n;
    uint32_t *idom = arena_alloc(f->a, sizeof(uint32_t) * (nb + 1));
    if (!idom || !opt_dominators(f, idom)) return false;
    for (uint32_t bi = 0; bi < nb; bi++) {
        Block *b = &f->blocks.v[bi];
        if (b->dead) continue;
        for (uint32_t k = 0; k < b->ins.n; k++) {
            Ref r = b->ins.v[k];
            Ins *in = &f->ins.v[r];
            if (in->op != OP_BOUND || (in->flags & BOUND_NOCHECK)) continue;
            Ref idx = ir_arg(f, r, 1);
            Len want = len_of_dim(f, ir_arg(f, r, 0), (int32_t)in->aux, 0);
            if (const_index_within(f, idx, want) || single_counter(f, idom, bi, idx, want))
                in->flags |= BOUND_NOCHECK | BOUND_NOWRAP;
            else
                in->flags |= counter_sum_flags(f, idom, bi, idx, want);
        }
    }
    return true;
}
