/*
 * tile.c — tier 2's register tile for a small matmul nest of constant sizes. Where shapes are constants
 * (--static-shapes), the Python loops
 *
 *     for i in range(N):
 *         for j in range(P):
 *             s = ZERO
 *             for k in range(M):
 *                 s += a[i, k] * b[k, j]
 *             c[i, j] = s
 *
 * over C-ordered float arrays, with a row of c shorter than a vector (P * itemsize < the vector's bytes), become
 * vectors of R = vector bytes / row bytes rows of c: one lane per element of c, and for each k in order one
 * multiply of a vector of a[i, k] (each repeated P times) by b's row k (repeated R times) and one add. Each lane
 * does the adds its element's Python loop does, in the same order and with the same operands, so the bits are the
 * interpreter's. LLVM left to itself vectorizes such a nest across rows, four lanes at a time, and puts the result
 * together with shuffles: a 4 x 4 float32 matmul was 16 multiplies and 16 adds of 128-bit vectors where gcc -O3
 * (and this) makes 4 and 4 of 512-bit ones (docs/benchmarks.md, eighteenth session).
 *
 * The nest is matched exactly (those instructions and no others, the index checks proven away, no value of the
 * nest used after it); c must not share a byte with a or b (checked at run time before the nest: where they
 * meet, the loops run as written, since the tile reads all of a row group's a and b before it writes c).
 */
#include "ll.h"

enum { TILE_STEPS_MAX = 16 }; /* row groups times k: 8 x 8 float32 (32) ran 1.6x slower tiled than as LLVM makes it */

typedef struct Nest {
    uint32_t hi, exit;            /* the i loop's header and its exit */
    Ref a, b, c, zero;            /* the arrays, s's first value (a constant) */
    int64_t n, m, p;              /* trips of i, k, j */
    bool a_first, s_first;        /* the operands' order: a * b (else b * a), s + a * b (else a * b + s) */
    const Type *t;                /* the element type */
} Nest;

static Ins *I_(Func *f, Ref r) { return &f->ins.v[r]; }

static bool not_entry(const void *cx, uint32_t pred) { return pred != *(const uint32_t *)cx; }

/* h: a loop header entered from block entry, holding only its nparams params and the test of a counter that
 * runs from 0 by 1 (ll_counted) to n > 0: the counter (n), or 0 */
static Ref counter(Func *f, uint32_t h, uint32_t entry, uint32_t nparams, int64_t *n) {
    Block *b = &f->blocks.v[h];
    int64_t start;
    if (b->dead || b->term != TERM_BR || b->params.n != nparams || b->preds.n != 2 || b->ins.n != nparams + 1 ||
        b->ins.v[nparams] != b->cond)
        return 0;
    Ref x = ll_counted(f, h, not_entry, &entry, &start, n);
    return x && start == 0 && *n > 0 ? x : 0;
}

/* BOUND arr, idx [axis], proven in range and not negative */
static bool bound_of(Func *f, Ref r, Ref arr, Ref idx, int axis) {
    Ins *x = I_(f, r);
    return x->op == OP_BOUND && ir_arg(f, r, 0) == arr && ir_arg(f, r, 1) == idx && x->aux == axis &&
           (x->flags & (BOUND_NOWRAP | BOUND_NOCHECK)) == (BOUND_NOWRAP | BOUND_NOCHECK);
}

/* LOAD arr[i0, i1] through two proven BOUNDs: arr, or 0 */
static Ref load_of(Func *f, Ref r, Ref i0, Ref i1) {
    if (I_(f, r)->op != OP_LOAD || I_(f, r)->n != 3) return 0;
    Ref arr = ir_arg(f, r, 0);
    return bound_of(f, ir_arg(f, r, 1), arr, i0, 0) && bound_of(f, ir_arg(f, r, 2), arr, i1, 1) ? arr : 0;
}

/* block bi jumps to `to` and holds exactly the n instructions of want (any order) */
static bool holds(Func *f, uint32_t bi, uint32_t to, const Ref *want, uint32_t n) {
    Block *b = &f->blocks.v[bi];
    if (b->dead || b->term != TERM_JMP || b->succ[0].to != to || b->ins.n != n || b->params.n) return false;
    for (uint32_t k = 0; k < n; k++) {
        bool found = false;
        for (uint32_t q = 0; q < n && !found; q++) found = b->ins.v[k] == want[q];
        if (!found) return false;
    }
    return true;
}

/* a scalar of dtype dt (weak, a Python float, or strong: the same value in the IR) */
static bool scalar_of(const Type *t, int dt) { return t && t->kind == T_SCALAR && t->dtype == dt; }

static bool float_array(const Type *t, int dt) {
    return t && t->kind == T_ARRAY && t->ndim == 2 && t->layout == LAYOUT_C && t->dtype == dt;
}

/* the k loop's body bk: s + a[i, k] * b[k, j] (either order of either operation) and k + 1, back to hk */
static bool k_body(Func *f, uint32_t bk, uint32_t hk, Ref i, Ref j, Ref k, Ref s, Nest *ns) {
    Block *b = &f->blocks.v[bk];
    if (b->dead || b->term != TERM_JMP || b->succ[0].to != hk) return false;
    Ref snext = b->succ[0].args.v[I_(f, s)->aux], knext = b->succ[0].args.v[I_(f, k)->aux];
    Ins *add = I_(f, snext);
    int dt = ns->t->dtype;
    if (add->op != OP_ADD || !scalar_of(add->ty, dt)) return false;
    ns->s_first = ir_arg(f, snext, 0) == s;
    if (!ns->s_first && ir_arg(f, snext, 1) != s) return false;
    Ref mul = ir_arg(f, snext, ns->s_first ? 1 : 0);
    if (I_(f, mul)->op != OP_MUL || !scalar_of(I_(f, mul)->ty, dt)) return false;
    Ref x = ir_arg(f, mul, 0), y = ir_arg(f, mul, 1);
    Ref ax = load_of(f, x, i, k), by = load_of(f, y, k, j);
    ns->a_first = ax && by;
    if (!ns->a_first) { ax = load_of(f, y, i, k); by = load_of(f, x, k, j); }
    if (!ax || !by || !scalar_of(I_(f, x)->ty, dt) || !scalar_of(I_(f, y)->ty, dt)) return false;
    ns->a = ax; ns->b = by;
    Ref want[9] = {x, y, mul, snext, knext, ir_arg(f, x, 1), ir_arg(f, x, 2), ir_arg(f, y, 1), ir_arg(f, y, 2)};
    return holds(f, bk, hk, want, 9);
}

/* whether value v is made in one of the nest's blocks */
static bool of_nest(Func *f, Ref v, const uint32_t *nest) {
    uint32_t d = I_(f, v)->blk;
    for (int z = 0; z < 8; z++) if (nest[z] == d) return true;
    return false;
}

/* no value the nest makes is used outside it */
static bool sealed(Func *f, const uint32_t *nest) {
    for (uint32_t b = 0; b < f->blocks.n; b++) {
        Block *x = &f->blocks.v[b];
        bool in = false;
        for (int q = 0; q < 8; q++) in |= nest[q] == b;
        if (in || x->dead) continue;
        for (uint32_t q = 0; q < x->ins.n; q++)
            for (uint32_t a = 0; a < I_(f, x->ins.v[q])->n; a++) if (of_nest(f, ir_arg(f, x->ins.v[q], a), nest)) return false;
        for (int sc = 0; sc < x->nsucc; sc++)
            for (uint32_t a = 0; a < x->succ[sc].args.n; a++) if (of_nest(f, x->succ[sc].args.v[a], nest)) return false;
        for (uint32_t a = 0; a < x->rets.n; a++) if (of_nest(f, x->rets.v[a], nest)) return false;
        if (x->term == TERM_BR && of_nest(f, x->cond, nest)) return false;
    }
    return true;
}

/* the nest headed by hi, entered from block pre: true and *ns if it is one */
static bool match(Func *f, uint32_t pre, uint32_t hi, Nest *ns) {
    Ref i, j, k;
    int64_t n, m, p;
    if (!(i = counter(f, hi, pre, 1, &n))) return false;
    ns->hi = hi;
    Block *bhi = &f->blocks.v[hi];
    uint32_t bi = bhi->succ[0].to, hj = f->blocks.v[bi].succ[0].to;
    ns->exit = bhi->succ[1].to;
    if (f->blocks.v[ns->exit].params.n || !holds(f, bi, hj, NULL, 0) || !(j = counter(f, hj, bi, 1, &p))) return false;
    Block *bhj = &f->blocks.v[hj];
    uint32_t bj = bhj->succ[0].to, lj = bhj->succ[1].to;
    Block *bbj = &f->blocks.v[bj]; /* s's first value, a constant (made here or before), and into the k loop */
    if (bbj->dead || bbj->term != TERM_JMP || bbj->ins.n > 1 || bbj->params.n) return false;
    uint32_t hk = bbj->succ[0].to;
    Block *bhk = &f->blocks.v[hk];
    if (!(k = counter(f, hk, bj, 2, &m))) return false;
    Ref s = bhk->params.v[bhk->params.v[0] == k ? 1 : 0];
    const Type *t = I_(f, s)->ty;
    if (!t || t->kind != T_SCALAR || (t->dtype != KILN_FLOAT32 && t->dtype != KILN_FLOAT64)) return false;
    ns->zero = bbj->succ[0].args.v[I_(f, s)->aux];
    if (I_(f, ns->zero)->op != OP_CONST || !scalar_of(I_(f, ns->zero)->ty, t->dtype) || (bbj->ins.n && bbj->ins.v[0] != ns->zero))
        return false;
    ns->t = t;
    Block *blj = &f->blocks.v[lj]; /* i + 1 (counter checked the value), back to hi */
    if (lj == pre || blj->term != TERM_JMP || !holds(f, lj, hi, &blj->succ[0].args.v[I_(f, i)->aux], 1)) return false;
    if (!k_body(f, bhk->succ[0].to, hk, i, j, k, s, ns)) return false;
    uint32_t sk = bhk->succ[1].to; /* c[i, j] = s, j + 1, back to hj */
    Block *bsk = &f->blocks.v[sk];
    if (bsk->dead || bsk->term != TERM_JMP || bsk->ins.n != 4) return false;
    Ref st = 0;
    for (uint32_t q = 0; q < bsk->ins.n; q++) if (I_(f, bsk->ins.v[q])->op == OP_STORE) st = bsk->ins.v[q];
    if (!st || I_(f, st)->n != 4 || ir_arg(f, st, 1) != s) return false;
    ns->c = ir_arg(f, st, 0);
    Ref want[4] = {st, ir_arg(f, st, 2), ir_arg(f, st, 3), bsk->succ[0].args.v[I_(f, j)->aux]};
    if (!bound_of(f, want[1], ns->c, i, 0) || !bound_of(f, want[2], ns->c, j, 1)) return false;
    if (!holds(f, sk, hj, want, 4)) return false;
    if (!float_array(I_(f, ns->a)->ty, t->dtype) || !float_array(I_(f, ns->b)->ty, t->dtype) ||
        !float_array(I_(f, ns->c)->ty, t->dtype) || ns->c == ns->a || ns->c == ns->b)
        return false;
    ns->n = n; ns->m = m; ns->p = p;
    uint32_t nest[8] = {hi, bi, hj, bj, lj, hk, bhk->succ[0].to, sk};
    return sealed(f, nest);
}

/* a vector of `width` lanes from v's: lane q takes element (q / every) * stride + first, or q % from where repeat
 * (b's row again and again); a's element of each row P times) */
static LLVMValueRef spread(L *l, LLVMValueRef v, unsigned from, unsigned width, unsigned every, bool repeat, unsigned stride,
                           unsigned first) {
    LLVMValueRef mask[64];
    for (unsigned q = 0; q < width; q++)
        mask[q] = LLVMConstInt(l->i32, repeat ? q % from : q / every * stride + first, 0);
    return LLVMBuildShuffleVector(l->b, v, LLVMGetUndef(LLVMTypeOf(v)), LLVMConstVector(mask, width), "");
}

/* an element access's tags (the array's type and, in a body for apart arguments, its scope) and alignment */
static LLVMValueRef access(L *l, LLVMValueRef x, int64_t esize) {
    ll_tbaa(l, x, TBAA_ELEM);
    if (l->scope_of) ll_scope_tag(l, x);
    LLVMSetAlignment(x, (unsigned)esize);
    return x;
}

static LLVMValueRef at(L *l, LLVMValueRef base, int64_t off) {
    LLVMValueRef o = ci64(l, off);
    return LLVMBuildInBoundsGEP2(l->b, l->i8, base, &o, 1, "");
}

/* the nest's answer into c, group by group of r rows (the builder in the block that runs it) */
static void emit(L *l, const Nest *ns, int64_t r, int64_t esize, const int64_t *sa, int64_t sb, int64_t sc) {
    bool dbl = ns->t->dtype == KILN_FLOAT64;
    LLVMTypeRef et = dbl ? l->f64 : l->f32;
    unsigned lanes = (unsigned)(r * ns->p);
    unsigned alanes = (unsigned)(r * ns->m); /* the group's rows of a, back to back (sa[0] = m elements) */
    LLVMTypeRef rowt = LLVMVectorType(et, (unsigned)ns->p), blockt = LLVMVectorType(et, alanes);
    LLVMValueRef pa = l->val[ns->a].v[0], pb = l->val[ns->b].v[0], pc = l->val[ns->c].v[0];
    LLVMValueRef zero = LLVMBuildInsertElement(l->b, LLVMGetUndef(rowt), ll_constant(l, ns->zero).v[0], LLVMConstInt(l->i32, 0, 0), "");
    for (int64_t g = 0; g < ns->n / r; g++) {
        LLVMValueRef acc = spread(l, zero, 1, lanes, lanes, false, 0, 0);
        l->scope_of = ll_scope_root(l, ns->a) + 1;
        LLVMValueRef block = access(l, ld(l, blockt, at(l, pa, g * r * sa[0])), esize);
        for (int64_t k = 0; k < ns->m; k++) {
            l->scope_of = ll_scope_root(l, ns->b) + 1;
            LLVMValueRef row = access(l, ld(l, rowt, at(l, pb, k * sb)), esize);
            /* lane (row q, column j): a[q, k], in one shuffle of the block (gcc's vpermilps); b[k, j] */
            LLVMValueRef va = spread(l, block, alanes, lanes, (unsigned)ns->p, false, (unsigned)ns->m, (unsigned)k);
            LLVMValueRef vb = spread(l, row, (unsigned)ns->p, lanes, 0, true, 0, 0);
            LLVMValueRef prod = ns->a_first ? LLVMBuildFMul(l->b, va, vb, "") : LLVMBuildFMul(l->b, vb, va, "");
            acc = ns->s_first ? LLVMBuildFAdd(l->b, acc, prod, "") : LLVMBuildFAdd(l->b, prod, acc, "");
        }
        l->scope_of = ll_scope_root(l, ns->c) + 1;
        access(l, st(l, acc, at(l, pc, g * r * sc)), esize);
    }
    l->scope_of = 0;
}

static bool const_of(LLVMValueRef v, int64_t *out) {
    if (!v || !LLVMIsAConstantInt(v)) return false;
    *out = LLVMConstIntGetSExtValue(v);
    return true;
}

/* the terminator of block bi, where an edge of it enters the i loop of a nest tile.c makes vectors of: that edge
 * goes to a check that c shares no byte with a or b, then to the tile or the loops, both on to the nest's exit.
 * The builder is left in the check's block: the i loop's phi comes from there (a branch's other edge must then
 * carry no block arguments). False: not such a terminator (nothing built). */
bool ll_tile(L *l, uint32_t bi) {
    Func *f = l->f;
    Block *b = &f->blocks.v[bi];
    Nest ns = {0};
    if (l->gpu || l->osr >= 0 || (b->term != TERM_JMP && b->term != TERM_BR)) return false;
    int e = 0;
    while (e < b->nsucc && !match(f, bi, b->succ[e].to, &ns)) e++;
    if (e == b->nsucc || (b->nsucc == 2 && (f->blocks.v[b->succ[1 - e].to].params.n || b->succ[0].to == b->succ[1].to))) return false;
    int64_t esize = ns.t->dtype == KILN_FLOAT64 ? 8 : 4, vbytes = l->avx512 ? 64 : 32, rowbytes = ns.p * esize;
    if (rowbytes >= vbytes || vbytes % rowbytes) return false; /* a row fills vectors: LLVM's own loops do well */
    int64_t r = vbytes / rowbytes;
    if (ns.n % r || ns.n / r * ns.m > TILE_STEPS_MAX) return false;
    int64_t sa[2], sb[2], sc[2];
    for (int k = 0; k < 2; k++)
        if (!const_of(ll_stride(l, IN(l, ns.a)->ty, &l->val[ns.a], k), &sa[k]) ||
            !const_of(ll_stride(l, IN(l, ns.b)->ty, &l->val[ns.b], k), &sb[k]) ||
            !const_of(ll_stride(l, IN(l, ns.c)->ty, &l->val[ns.c], k), &sc[k]))
            return false;
    /* rows of c back to back, and of a (a group's rows of a one load of at most two vectors) */
    if (sa[1] != esize || sb[1] != esize || sc[1] != esize || sc[0] != rowbytes || sa[0] != ns.m * esize || r * sa[0] > 2 * vbytes)
        return false;
    LLVMBasicBlockRef check = LLVMAppendBasicBlockInContext(l->cx, l->fn, "tile.check");
    if (b->term == TERM_JMP) LLVMBuildBr(l->b, check);
    else {
        LLVMValueRef c = LLVMBuildICmp(l->b, LLVMIntNE, l->val[b->cond].v[0], ci64(l, 0), "");
        LLVMBuildCondBr(l->b, c, e == 0 ? check : l->bb[b->succ[0].to], e == 1 ? check : l->bb[b->succ[1].to]);
    }
    LLVMPositionBuilderAtEnd(l->b, check);
    LLVMValueRef lo[3], hi[3], empty[3];
    const Ref arr[3] = {ns.c, ns.a, ns.b};
    for (int q = 0; q < 3; q++) ll_span(l, IN(l, arr[q])->ty, &l->val[arr[q]], &lo[q], &hi[q], &empty[q]);
    LLVMValueRef meet = LLVMConstInt(l->i1, 0, 0);
    for (int q = 1; q < 3; q++)
        meet = LLVMBuildOr(l->b, meet, LLVMBuildAnd(l->b, LLVMBuildICmp(l->b, LLVMIntULT, lo[0], hi[q], ""),
                                                     LLVMBuildICmp(l->b, LLVMIntULT, lo[q], hi[0], ""), ""), "");
    LLVMBasicBlockRef tile = LLVMAppendBasicBlockInContext(l->cx, l->fn, "tile");
    LLVMBuildCondBr(l->b, meet, l->bb[ns.hi], tile);
    LLVMPositionBuilderAtEnd(l->b, tile);
    emit(l, &ns, r, esize, sa, sb[0], sc[0]);
    LLVMBuildBr(l->b, l->bb[ns.exit]);
    LLVMPositionBuilderAtEnd(l->b, check);
    return true;
}
