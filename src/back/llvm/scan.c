/*
 * scan.c — tier 2's skip over the quiet stretches of a scan. A loop such as
 *
 *     for i in range(n):                     m = a[0]; k = 0
 *         v = x[i]                           for i in range(1, n):
 *         if v > buf[k - 1]:                     if a[i] > m:
 *             (insert v: rare)                       m = a[i]; k = i
 *
 * tests each element against a value that changes only where the test holds (top_k's threshold, argmax's running
 * maximum, a first match). On most trips nothing happens but the test: one compare and one branch an element, about
 * one element a cycle, since the branch it ends with cannot be removed. Here the header's test block gets a second
 * way on: at every W-th element (W elements are two vectors), if the next W elements are in the array and the loop's
 * range, one vector compare tests them all against the value as it is now; when no lane would take the rare path,
 * the loop goes on at element i + W with every other loop value unchanged, as the W trips would have left them.
 * Otherwise, and between those points, the trips run as written, so where the rare path runs, it runs at the same
 * element, in the same order, with the same values: the bits and the errors are the interpreter's.
 *
 * Matched exactly (match): the header holds its parameters, i < end and otherwise only values the quiet trips leave
 * as they are (a list's view and length); its true edge goes to the test block, entered from the header alone,
 * holding x[i] — a LOAD through i's BOUND, or of i itself (a for loop over x), of a 1-d array, or of a row x[r, i] of
 * a 2-d one with r fixed in the loop, of floats or ints — its compare with a value t (of x[i]'s type, or x[i] converted
 * to t's first: a float32 element against a float64, an int16 against an int; the lanes are converted as llvm.c's cast
 * converts one element, but a narrow int against an int compares at its own width, against), and otherwise only
 * instructions
 * that are pure or made of values the skipped trips would see unchanged (each ran on trip i: what it would raise, it
 * raised there). The quiet trips are those whose branch takes the edge that reaches the header through blocks of no
 * other work than i + 1, passing every other header value through unchanged; or, where the test's if became selects
 * (m = v if v > m else m), those on which every select gives its header value back — but not where t is fixed for
 * the loop and every select is a count or an any-of: LLVM vectorizes those whole, and a skip would be worse than no
 * skip wherever the test holds often (vector_reductions). Strided arrays, misaligned trips
 * and the last elements take the written path; a GPU kernel has no skip. An OSR entry (l->osr, tier 2 entered at a
 * loop header mid-call) has it: there the test block reads the loop's values from their homes (llvm.c osr_block_start)
 * before the skip is built, and the way back hands the header's phis their own values, which its start stores home. */
#include "ll.h"
#include <stdlib.h>

enum { SCAN_CHAIN_MAX = 8 };

typedef struct Scan {
    uint32_t h, b;      /* the loop's header and its test block */
    Ref i, end;         /* the counter (a header parameter) and its bound */
    Ref x, bnd, v, t;   /* the array, x[i]'s BOUND (0: x[i] of a for loop over x, no BOUND) and LOAD, the value
                         * it is compared with */
    Ref row;            /* x[r, i]: r's index (a normalized, steady value), else 0 */
    int axis;           /* i's axis of x: 0, or 1 (a row) */
    Ref conv;           /* a CAST of x[i] the compare reads instead (a float32 element against a float64 value, an
                         * int16 one against an int), else 0 */
    Ref cmp;            /* the compare */
    int quiet;          /* 1: a trip is quiet where the compare fails, 0: where it holds */
    uint8_t *memo;      /* while matching: steady's answer per instruction of the header and test block (0: not yet,
                         * 1: steady, 2: not), for the i, x[i] and BOUND tried now (forget) */
} Scan;

static Ins *I_(Func *f, Ref r) { return &f->ins.v[r]; }

/* v made before the loop headed h (a block earlier in reverse postorder: the header dominates the loop's blocks) */
static bool before(Func *f, const uint32_t *pos, uint32_t h, Ref v) {
    uint32_t d = I_(f, v)->blk;
    return d != UINT32_MAX && pos[d] && pos[d] < pos[h];
}

/* the value v stands for on the path so far: a block parameter the path set (from[k] -> to[k]) resolved */
static Ref through(const Ref *from, const Ref *to, uint32_t n, Ref v) {
    for (uint32_t k = n; k-- > 0;) if (from[k] == v) return to[k];
    return v;
}

/* r is i + 1 */
static bool next_of(Func *f, const Scan *sc, Ref r) {
    if (I_(f, r)->op != OP_ADD) return false;
    Ref a0 = ir_arg(f, r, 0), a1 = ir_arg(f, r, 1);
    Ref one = a0 == sc->i ? a1 : a1 == sc->i ? a0 : 0;
    if (!one || I_(f, one)->op != OP_CONST) return false;
    const Type *ct = I_(f, one)->ty;
    return ct && ct->kind == T_SCALAR && dt_is_int(ct->dtype) && f->cst.v[I_(f, one)->aux].i == 1;
}

/* what header parameter p gets back on a quiet trip, a: p itself, or i + 1 for i; with selects (the test block's
 * if made a select: m = v if v > m else m), select(cmp, X, p), quiet where cmp fails, or select(cmp, p, X), quiet
 * where it holds, all of one kind (*quiet: -1 until the first) */
static bool quiet_arg(Func *f, const Scan *sc, Ref p, Ref a, bool selects, int *quiet) {
    if (p == sc->i) return next_of(f, sc, a);
    if (a == p) return true;
    if (!selects || I_(f, a)->op != OP_SELECT || ir_arg(f, a, 0) != sc->cmp) return false;
    int q = ir_arg(f, a, 2) == p ? 1 : ir_arg(f, a, 1) == p ? 0 : -1;
    if (q < 0 || (*quiet >= 0 && *quiet != q)) return false;
    *quiet = q;
    return true;
}

/* the path from block s (the test block itself where selects is set) back to the header, through blocks that hold
 * nothing but i + 1, giving every header parameter what quiet_arg accepts */
static bool quiet_path(Func *f, uint32_t s, const Scan *sc, bool selects, int *quiet) {
    Ref from[64], to[64];
    uint32_t n = 0;
    for (int hop = 0; hop < SCAN_CHAIN_MAX; hop++) {
        Block *b = &f->blocks.v[s];
        if (b->dead || b->term != TERM_JMP) return false;
        for (uint32_t k = 0; k < b->ins.n && s != sc->b; k++) {
            Ins *x = I_(f, b->ins.v[k]);
            if (x->op != OP_PARAM && !next_of(f, sc, b->ins.v[k])) return false;
        }
        Edge *e = &b->succ[0];
        Block *to_b = &f->blocks.v[e->to];
        if (e->args.n != to_b->params.n) return false;
        if (e->to == sc->h) {
            for (uint32_t k = 0; k < to_b->params.n; k++)
                if (!quiet_arg(f, sc, to_b->params.v[k], through(from, to, n, e->args.v[k]), selects, quiet)) return false;
            return !selects || *quiet >= 0;
        }
        if (to_b->params.n + n > 64 || e->to == sc->b) return false;
        Ref vals[64];
        for (uint32_t k = 0; k < to_b->params.n; k++) vals[k] = through(from, to, n, e->args.v[k]);
        for (uint32_t k = 0; k < to_b->params.n; k++) { from[n] = to_b->params.v[k]; to[n++] = vals[k]; }
        s = e->to;
    }
    return false;
}

/* a value the skipped trips see unchanged: made before the loop, a header parameter other than i (a quiet trip
 * gives each back), or an instruction of the test block made of such values that writes, calls and allocates
 * nothing (it ran on trip i: what it raises, it raised there) */
static bool steady(Func *f, const uint32_t *pos, const Scan *sc, Ref r) {
    Ins *x = I_(f, r);
    if (x->op == OP_PARAM) return x->blk == sc->h ? r != sc->i : before(f, pos, sc->h, r); /* an outer loop's: before */
    if (x->blk != sc->b && x->blk != sc->h) return before(f, pos, sc->h, r);
    if (r == sc->v || r == sc->bnd || r == sc->conv) return false;
    if (sc->memo[r] & 3) return (sc->memo[r] & 3) == 1; /* operands shared down a chain (x1 = x0 * x0, ...): once each */
    int op = x->op;
    bool ok = !(ir_ops[op].flags & F_WRITES) && op != OP_CALL && op != OP_LIB && op != OP_ALLOC && op != OP_ACOPY && op != OP_FRAME;
    for (uint32_t k = 0; ok && k < x->n; k++) ok = steady(f, pos, sc, ir_arg(f, r, k));
    sc->memo[r] = (uint8_t)((sc->memo[r] & ~3) | (ok ? 1 : 2));
    return ok;
}

/* r is the same on every trip of the loop: made before it, or in its header or test block from such values (no
 * header parameter under it; memo's bits 2-3) */
static bool loop_free(Func *f, const uint32_t *pos, Scan *sc, Ref r) {
    Ins *x = I_(f, r);
    if (x->blk != sc->b && x->blk != sc->h) return before(f, pos, sc->h, r);
    if (x->op == OP_PARAM) return false;
    if (sc->memo[r] & 12) return (sc->memo[r] & 12) == 4;
    bool ok = true;
    for (uint32_t k = 0; ok && k < x->n; k++) ok = loop_free(f, pos, sc, ir_arg(f, r, k));
    sc->memo[r] = (uint8_t)(sc->memo[r] | (ok ? 4 : 8));
    return ok;
}

/* the selects on the compare are reductions LLVM's vectorizer takes whole (so the loop is better left to it): each
 * gives its header value p back, or on the other side, with t fixed for the loop, a loop-free value (an any-of) or p
 * plus or minus one (a count, an integer sum); or, of ints, the element itself where p is t (a running maximum or
 * minimum: m = v if v > m else m) */
static bool vector_reductions(Func *f, const uint32_t *pos, Scan *sc) {
    Block *tb = &f->blocks.v[sc->b];
    Ref cv = sc->conv ? sc->conv : sc->v;
    int op = I_(f, sc->cmp)->op;
    for (uint32_t k = 0; k < tb->ins.n; k++) {
        Ref r = tb->ins.v[k];
        if (I_(f, r)->op != OP_SELECT || ir_arg(f, r, 0) != sc->cmp) continue;
        Ref x = ir_arg(f, r, sc->quiet == 1 ? 1 : 2), p = ir_arg(f, r, sc->quiet == 1 ? 2 : 1);
        if (I_(f, p)->op != OP_PARAM || I_(f, p)->blk != sc->h) return false;
        if (x == cv && p == sc->t && dt_is_int(I_(f, cv)->ty->dtype) && op >= OP_LT && op <= OP_GE) continue;
        if (!loop_free(f, pos, sc, sc->t)) return false;
        if (loop_free(f, pos, sc, x)) continue;
        Ins *xi = I_(f, x);
        if ((xi->op != OP_ADD && xi->op != OP_SUB) || !xi->ty || xi->ty->kind != T_SCALAR || !dt_is_int(xi->ty->dtype))
            return false;
        Ref a0 = ir_arg(f, x, 0), a1 = ir_arg(f, x, 1);
        if (!(a0 == p && loop_free(f, pos, sc, a1)) && !(xi->op == OP_ADD && a1 == p && loop_free(f, pos, sc, a0))) return false;
    }
    return true;
}

/* steady's and loop_free's answers forgotten: they hold for one counter, x[i] and BOUND */
static void forget(Func *f, const Scan *sc) {
    const uint32_t blocks[2] = {sc->h, sc->b};
    for (int q = 0; q < 2; q++)
        for (uint32_t k = 0; k < f->blocks.v[blocks[q]].ins.n; k++) sc->memo[f->blocks.v[blocks[q]].ins.v[k]] = 0;
}

/* an element type the vector compare reads as the scalar path does */
static bool scan_type(const Type *t) {
    if (!t || t->kind != T_SCALAR) return false;
    int dt = t->dtype;
    return dt == KILN_FLOAT64 || dt == KILN_FLOAT32 || (dt_is_int(dt) && dt != KILN_BOOL);
}

/* v is x[i] of the test block, or x[r, i] with r steady (a row's elements): LOAD x, i's BOUND on the last axis, or
 * i itself (a for loop over x); x a 1-d or 2-d array the quiet trips leave as it is */
static bool element(Func *f, const uint32_t *pos, Scan *sc, Ref v) {
    Ins *vi = I_(f, v);
    if (vi->op != OP_LOAD || vi->blk != sc->b || (vi->n != 2 && vi->n != 3) || !scan_type(vi->ty)) return false;
    int axis = (int)vi->n - 2;
    Ref x = ir_arg(f, v, 0), idx = ir_arg(f, v, (uint32_t)(1 + axis));
    Ins *xi = I_(f, x);
    if (!xi->ty || xi->ty->kind != T_ARRAY || xi->ty->ndim != axis + 1 || !steady(f, pos, sc, x)) return false;
    sc->x = x; sc->v = v; sc->axis = axis;
    sc->bnd = sc->row = 0;
    forget(f, sc);
    if (idx != sc->i) {
        Ins *bi = I_(f, idx);
        if (bi->op != OP_BOUND || bi->blk != sc->b || ir_arg(f, idx, 0) != x || ir_arg(f, idx, 1) != sc->i || bi->aux != axis) return false;
        sc->bnd = idx;
        forget(f, sc);
    }
    if (axis == 1 && !steady(f, pos, sc, (sc->row = ir_arg(f, v, 1)))) return false;
    return true;
}

/* a conversion the vector path makes per lane as llvm.c's cast makes it per element: int to int, int to float, float
 * to float (float to int raises out of range: not here) */
static bool lane_cast(const Type *from, const Type *to) {
    if (!to || to->kind != T_SCALAR || to->dtype == KILN_BOOL || !scan_type(to)) return false;
    return dt_is_int(from->dtype) || !dt_is_int(to->dtype);
}

/* the compare's side s is x[i], or a CAST of it (sc->conv) */
static bool compared_element(Func *f, const uint32_t *pos, Scan *sc, Ref a) {
    sc->conv = 0;
    if (element(f, pos, sc, a)) return true;
    Ins *ci = I_(f, a);
    if (ci->op != OP_CAST || ci->blk != sc->b || !element(f, pos, sc, ir_arg(f, a, 0)) || !lane_cast(I_(f, sc->v)->ty, ci->ty))
        return false;
    sc->conv = a;
    forget(f, sc);
    return true;
}

/* with the compare cmp: x[i] (or its CAST) on one side, a steady value on the other, every other instruction of the test block
 * steady or pure (what a skipped trip would have made without raising), and the quiet trips found: the branch's
 * edge that comes back as quiet_path says (the other does not), or the selects the test block's jump passes */
static bool with_compare(Func *f, const uint32_t *pos, Scan *sc, Ref cmp) {
    Block *tb = &f->blocks.v[sc->b];
    Ins *c = I_(f, cmp);
    if (c->op < OP_EQ || c->op > OP_GE || c->blk != sc->b) return false;
    int side = 0;
    while (side < 2 && !compared_element(f, pos, sc, ir_arg(f, cmp, (uint32_t)side))) side++;
    if (side == 2) return false;
    sc->cmp = cmp;
    sc->t = ir_arg(f, cmp, (uint32_t)(1 - side));
    Ref cv = sc->conv ? sc->conv : sc->v;
    if (!steady(f, pos, sc, sc->t) || I_(f, sc->t)->ty->dtype != I_(f, cv)->ty->dtype) return false;
    for (uint32_t k = 0; k < tb->ins.n; k++) {
        Ref r = tb->ins.v[k];
        if (r != sc->v && r != sc->bnd && r != sc->conv && !steady(f, pos, sc, r) && !(ir_ops[I_(f, r)->op].flags & F_PURE))
            return false;
    }
    if (tb->term == TERM_JMP) {
        sc->quiet = -1;
        /* a count or an any-of against a value fixed for the loop, an int's running maximum: LLVM vectorizes it
         * whole, every element a lane, where the skip would leave every trip with a frequent hit as written (a
         * count above 0.1 of 10^6 uniform float32s 0.88 ms with the skip, 0.13 without; the maximum of 10^6
         * increasing int32s 1.03 ms with it) */
        return quiet_path(f, sc->b, sc, true, &sc->quiet) && !vector_reductions(f, pos, sc);
    }
    if (tb->cond != cmp || tb->succ[0].args.n || tb->succ[1].args.n || tb->succ[0].to == tb->succ[1].to) return false;
    int unused = -1;
    for (int q = 0; q < 2; q++)
        if (quiet_path(f, tb->succ[q].to, sc, false, &unused)) {
            sc->quiet = q; /* succ[1], the false edge, quiet: quiet where the compare fails */
            return !quiet_path(f, tb->succ[1 - q].to, sc, false, &unused);
        }
    return false;
}

/* the scan whose test block is b: true and *sc */
static bool match(Func *f, const uint32_t *pos, uint32_t b, Scan *sc) {
    Block *tb = &f->blocks.v[b];
    if (tb->dead || (tb->term != TERM_BR && tb->term != TERM_JMP) || tb->preds.n != 1 || tb->params.n) return false;
    uint32_t h = tb->preds.v[0].blk;
    Block *hb = &f->blocks.v[h];
    if (hb->dead || hb->term != TERM_BR || hb->succ[0].to != b || hb->succ[0].args.n || I_(f, hb->cond)->op != OP_LT)
        return false;
    sc->h = h; sc->b = b;
    sc->v = sc->bnd = 0;
    sc->i = ir_arg(f, hb->cond, 0);
    forget(f, sc);
    sc->end = ir_arg(f, hb->cond, 1);
    Ins *ii = I_(f, sc->i);
    if (ii->op != OP_PARAM || ii->blk != h || !ii->ty || ii->ty->kind != T_SCALAR || ii->ty->dtype != KILN_INT64 ||
        !steady(f, pos, sc, sc->end))
        return false;
    for (uint32_t k = 0; k < hb->ins.n; k++) /* besides the test, only what the quiet trips leave as it is (a list's view) */
        if (hb->ins.v[k] != hb->cond && !steady(f, pos, sc, hb->ins.v[k]) && hb->ins.v[k] != sc->i) return false;
    if (tb->term == TERM_BR) return with_compare(f, pos, sc, tb->cond);
    for (uint32_t k = 0; k < tb->ins.n; k++)
        if (I_(f, tb->ins.v[k])->op >= OP_EQ && I_(f, tb->ins.v[k])->op <= OP_GE && with_compare(f, pos, sc, tb->ins.v[k])) return true;
    return false;
}

void ll_scan_plan(L *l, const uint32_t *pos) {
    Func *f = l->f;
    l->scans = NULL;
    l->nscans = 0;
    uint8_t *memo = l->gpu || !pos ? NULL : calloc(f->ins.n + 1, 1);
    for (uint32_t b = 0; memo && b < f->blocks.n; b++) {
        Scan sc = {0};
        sc.memo = memo;
        if (!pos[b] || !match(f, pos, b, &sc)) continue;
        Scan *grown = realloc(l->scans, sizeof(Scan) * (size_t)(l->nscans + 1));
        if (!grown) break; /* without the skip: the loop as written */
        sc.memo = NULL;
        l->scans = grown;
        l->scans[l->nscans++] = sc;
    }
    free(memo); /* out of memory: no scans, the loops as written */
}

void ll_scan_free(L *l) {
    free(l->scans);
    l->scans = NULL;
    l->nscans = 0;
}

/* a vector of w lanes, each s */
static LLVMValueRef splat(L *l, LLVMValueRef s, unsigned w) {
    LLVMValueRef v = LLVMBuildInsertElement(l->b, LLVMGetUndef(LLVMVectorType(LLVMTypeOf(s), w)), s, LLVMConstInt(l->i32, 0, 0), "");
    return LLVMBuildShuffleVector(l->b, v, LLVMGetUndef(LLVMTypeOf(v)), LLVMConstNull(LLVMVectorType(l->i32, w)), "");
}

/* the w lanes of elements of type from as llvm.c's cast makes each element a to: ints first as a LOAD makes them (64
 * bits, extended by their sign), then wrapped to to's width or converted to float, floats widened or narrowed */
static LLVMValueRef lanes_cast(L *l, LLVMValueRef vec, const Type *from, const Type *to, unsigned w) {
    int ka = cls(from), kr = cls(to);
    LLVMTypeRef i64v = LLVMVectorType(l->i64, w);
    if (dt_is_int(from->dtype)) {
        if (elem_int(l, from->dtype) != l->i64)
            vec = dt_is_signed(from->dtype) ? LLVMBuildSExt(l->b, vec, i64v, "") : LLVMBuildZExt(l->b, vec, i64v, "");
        if (kr == 'F' || kr == 'S') {
            LLVMTypeRef ft = LLVMVectorType(kr == 'F' ? l->f64 : l->f32, w);
            return ka == 'U' ? LLVMBuildUIToFP(l->b, vec, ft, "") : LLVMBuildSIToFP(l->b, vec, ft, "");
        }
        LLVMTypeRef nt = elem_int(l, to->dtype);
        if (nt == l->i64) return vec;
        vec = LLVMBuildTrunc(l->b, vec, LLVMVectorType(nt, w), "");
        return dt_is_signed(to->dtype) ? LLVMBuildSExt(l->b, vec, i64v, "") : LLVMBuildZExt(l->b, vec, i64v, "");
    }
    if (ka == kr) return vec;
    return kr == 'F' ? LLVMBuildFPExt(l->b, vec, LLVMVectorType(l->f64, w), "") : LLVMBuildFPTrunc(l->b, vec, LLVMVectorType(l->f32, w), "");
}

/* whether the w elements from index j (a value, LLVM's) all take the quiet edge, tested as the scalar path tests
 * each (the compare of llvm.c's compare, against t as it is now): an i1 */
/* what the lanes are compared with: t splat (tv); for a narrow int element converted to int64 (narrow), tv is t at the
 * element's width, in whether t is in the element type's range, out the compare's answer for every lane where not */
typedef struct Against { LLVMValueRef tv, in, out; bool narrow; } Against;

/* x op t with x on the left, for every x of the element type, where t is above its range (above) or below it */
static bool out_of_range(int op, bool above) {
    switch (op) {
    case OP_EQ: return false;
    case OP_NE: return true;
    case OP_LT: case OP_LE: return above;
    default: return !above; /* GT, GE */
    }
}

/* Against for the scan: t as the scalar path compares it; a narrow element's compare at its own width (64 lanes of
 * int16 in two vectors, not eight vectors of int64) where t fits its type, and the constant answer where t does not */
static Against against(L *l, const Scan *sc, unsigned w) {
    Func *f = l->f;
    int dt = I_(f, sc->v)->ty->dtype;
    LLVMValueRef t = V(l, sc->t);
    Against a = {NULL, NULL, NULL, false};
    a.narrow = sc->conv && dt_is_int(dt) && elem_int(l, dt) != l->i64 && I_(f, sc->conv)->ty->dtype == KILN_INT64;
    if (a.narrow) {
        unsigned bits = LLVMGetIntTypeWidth(elem_int(l, dt));
        bool sgn = dt_is_signed(dt);
        int64_t lo = sgn ? -((int64_t)1 << (bits - 1)) : 0, hi = sgn ? ((int64_t)1 << (bits - 1)) - 1 : ((int64_t)1 << bits) - 1;
        a.in = LLVMBuildAnd(l->b, LLVMBuildICmp(l->b, LLVMIntSGE, t, ci64(l, lo), ""), LLVMBuildICmp(l->b, LLVMIntSLE, t, ci64(l, hi), ""), "");
        int op = I_(f, sc->cmp)->op;
        if (ir_arg(f, sc->cmp, 0) != sc->conv) /* t op x: as x op' t */
            op = op == OP_LT ? OP_GT : op == OP_GT ? OP_LT : op == OP_LE ? OP_GE : op == OP_GE ? OP_LE : op;
        LLVMValueRef above = LLVMBuildICmp(l->b, LLVMIntSGT, t, ci64(l, hi), "");
        a.out = LLVMBuildSelect(l->b, above, LLVMConstInt(l->i1, out_of_range(op, true), 0), LLVMConstInt(l->i1, out_of_range(op, false), 0), "");
        t = LLVMBuildTrunc(l->b, t, elem_int(l, dt), "");
    } else if (!sc->conv && dt_is_int(dt) && elem_int(l, dt) != l->i64) {
        t = LLVMBuildTrunc(l->b, t, elem_int(l, dt), "");
    }
    a.tv = splat(l, t, w);
    return a;
}

static LLVMValueRef quiet_at(L *l, const Scan *sc, LLVMValueRef j, unsigned w, const Against *ag) {
    LLVMValueRef tv = ag->tv;
    Func *f = l->f;
    const Type *et = I_(f, sc->v)->ty;
    int k = cls(et), dt = et->dtype;
    LLVMValueRef off = LLVMBuildNSWMul(l->b, j, ll_stride(l, I_(f, sc->x)->ty, &l->val[sc->x], sc->axis), "");
    if (sc->axis) off = LLVMBuildNSWAdd(l->b, off, LLVMBuildNSWMul(l->b, V(l, sc->row), ll_stride(l, I_(f, sc->x)->ty, &l->val[sc->x], 0), ""), "");
    LLVMValueRef p = LLVMBuildInBoundsGEP2(l->b, l->i8, l->val[sc->x].v[0], &off, 1, "");
    LLVMTypeRef lane = k == 'F' ? l->f64 : k == 'S' ? l->f32 : elem_int(l, dt);
    l->scope_of = ll_scope_root(l, sc->x) + 1;
    LLVMValueRef vec = ld(l, LLVMVectorType(lane, w), p);
    ll_tbaa(l, vec, TBAA_ELEM);
    if (l->scope_of) ll_scope_tag(l, vec);
    l->scope_of = 0;
    LLVMSetAlignment(vec, (unsigned)ll_host->dtype_size((kiln_dtype)dt));
    if (sc->conv && !ag->narrow) {
        vec = lanes_cast(l, vec, et, I_(f, sc->conv)->ty, w);
        k = cls(I_(f, sc->conv)->ty);
    } else if (k == 'I' && lane != l->i64 && !dt_is_signed(dt)) {
        k = 'U'; /* at the element's width (t has its dtype, or is in its range: exact) */
    }
    bool vfirst = ir_arg(f, sc->cmp, 0) == (sc->conv ? sc->conv : sc->v);
    LLVMValueRef held = ll_cmp(l, I_(f, sc->cmp)->op, k, vfirst ? vec : tv, vfirst ? tv : vec);
    if (ag->narrow) held = LLVMBuildSelect(l->b, ag->in, held, splat(l, ag->out, w), "");
    LLVMTypeRef bt = LLVMIntTypeInContext(l->cx, w);
    LLVMValueRef bits = LLVMBuildBitCast(l->b, held, bt, "");
    /* quiet: the compare failed on every lane, or held on every lane */
    return LLVMBuildICmp(l->b, LLVMIntEQ, bits, sc->quiet == 1 ? LLVMConstInt(bt, 0, 0) : LLVMConstAllOnes(bt), "");
}

/* before the test block bi's terminator, where it is a scan's (the builder at its end): the skip; the builder left
 * where the terminator as written goes. False: not a scan's (nothing built).
 *
 *   at every w-th element i:   fits?  (i >= 0, i + w within the array and the loop's range, elements adjacent)
 *   test:   the w elements from i quiet?  no: the trip as written
 *   skip:   j = i + w, and on by w while the w elements from j fit and are quiet
 *   back:   to the header with i = j, every other loop value as it is
 *
 * The skip is a loop of its own: a step of 1 or w chosen per trip became LLVM's select, which put the vector compare
 * on the counter's chain (a dynamic top_k's skips ran 3x slower than a static one's). */
bool ll_scan(L *l, uint32_t bi) {
    const Scan *sc = NULL;
    for (int k = 0; k < l->nscans && !sc; k++) if (l->scans[k].b == bi) sc = &l->scans[k];
    if (!sc) return false;
    Func *f = l->f;
    int64_t esize = (int64_t)ll_host->dtype_size((kiln_dtype)I_(f, sc->v)->ty->dtype), vbytes = l->avx512 ? 64 : 32;
    unsigned w = (unsigned)(2 * vbytes / esize);
    LLVMValueRef i = V(l, sc->i), wv = ci64(l, (int64_t)w);
    LLVMBasicBlockRef fits = LLVMAppendBasicBlockInContext(l->cx, l->fn, "scan.fits");
    LLVMBasicBlockRef test = LLVMAppendBasicBlockInContext(l->cx, l->fn, "scan.test");
    LLVMBasicBlockRef skip = LLVMAppendBasicBlockInContext(l->cx, l->fn, "scan.skip");
    LLVMBasicBlockRef more = LLVMAppendBasicBlockInContext(l->cx, l->fn, "scan.more");
    LLVMBasicBlockRef back = LLVMAppendBasicBlockInContext(l->cx, l->fn, "scan.back");
    LLVMBasicBlockRef trip = LLVMAppendBasicBlockInContext(l->cx, l->fn, "scan.trip");
    LLVMValueRef at = LLVMBuildICmp(l->b, LLVMIntEQ, LLVMBuildAnd(l->b, i, ci64(l, (int64_t)w - 1), ""), ci64(l, 0), "");
    LLVMBuildCondBr(l->b, at, fits, trip);
    LLVMPositionBuilderAtEnd(l->b, fits);
    LLVMValueRef last = LLVMBuildSub(l->b, l->val[sc->x].v[1 + sc->axis], wv, ""), lend = LLVMBuildSub(l->b, V(l, sc->end), wv, "");
    last = LLVMBuildSelect(l->b, LLVMBuildICmp(l->b, LLVMIntSLT, lend, last, ""), lend, last, ""); /* the last start that fits */
    LLVMValueRef ok = LLVMBuildAnd(l->b, LLVMBuildICmp(l->b, LLVMIntSGE, i, ci64(l, 0), ""), LLVMBuildICmp(l->b, LLVMIntSLE, i, last, ""), "");
    ok = LLVMBuildAnd(l->b, ok, LLVMBuildICmp(l->b, LLVMIntEQ, ll_stride(l, I_(f, sc->x)->ty, &l->val[sc->x], sc->axis), ci64(l, esize), ""), "");
    LLVMBuildCondBr(l->b, ok, test, trip);
    LLVMPositionBuilderAtEnd(l->b, test);
    Against ag = against(l, sc, w);
    LLVMValueRef first = LLVMBuildNSWAdd(l->b, i, wv, ""); /* made here: it comes into skip's phi from here */
    LLVMBuildCondBr(l->b, quiet_at(l, sc, i, w, &ag), skip, trip);
    LLVMPositionBuilderAtEnd(l->b, skip);
    LLVMValueRef j = LLVMBuildPhi(l->b, l->i64, "");
    LLVMAddIncoming(j, &first, &test, 1);
    LLVMBuildCondBr(l->b, LLVMBuildICmp(l->b, LLVMIntSLE, j, last, ""), more, back);
    LLVMPositionBuilderAtEnd(l->b, more);
    LLVMValueRef step = LLVMBuildNSWAdd(l->b, j, wv, "");
    LLVMAddIncoming(j, &step, &more, 1);
    LLVMBuildCondBr(l->b, quiet_at(l, sc, j, w, &ag), skip, back);
    LLVMPositionBuilderAtEnd(l->b, back);
    LLVMBuildBr(l->b, l->bb[sc->h]);
    Block *hb = &f->blocks.v[sc->h];
    for (uint32_t q = 0; q < hb->params.n; q++) {
        LV *pv = &l->phi[hb->params.v[q]];
        for (int c = 0; c < pv->n; c++) {
            LLVMValueRef in = hb->params.v[q] == sc->i ? j : pv->v[c];
            LLVMAddIncoming(pv->v[c], &in, &back, 1);
        }
    }
    LLVMPositionBuilderAtEnd(l->b, trip);
    return true;
}
