/*
 * stmt.c — statements and control flow: assignment, if/elif/else, while,
 * for over range / arrays / enumerate / zip / tuples, break, continue,
 * return, assert and raise.
 *
 * Loops share one skeleton: preheader -> header (condition) -> body -> latch
 * (advance) -> header, with the exit sealed after the last break. The loop
 * counter is a hidden SSA variable so the header parameter comes from the
 * same SSA machinery as user variables.
 */
#include "infer.h"
#include "../rt/exc.h"
#include <stdio.h>

static void stmt(Inf *I, Node *s);

void st_body(Inf *I, Node **stmts, int n) {
    for (int i = 0; i < n && I->cur != NOBLOCK; i++) stmt(I, stmts[i]);
}

static const Type *int_t(Inf *I) { return ty_scalar(I->tt, KILN_INT64, true); }
static const Type *bool_t(Inf *I) { return ty_scalar(I->tt, KILN_BOOL, true); }

static Node *name_node(Inf *I, const char *fmt, int id, Node *at) {
    Node *n = arena_alloc(I->a, sizeof *n);
    char buf[32];
    snprintf(buf, sizeof buf, fmt, id);
    if (!n || !(n->name = arena_strndup(I->a, buf, strlen(buf)))) inf_oom(I);
    n->kind = N_NAME; n->line = at->line; n->col = at->col; n->id = -1;
    return n;
}

/* hidden variables (loop counters): declared on first use in each round */
Node *st_hidden(Inf *I, const char *fmt, Node *loop) {
    Node *n = name_node(I, fmt, loop->id, loop);
    for (uint32_t i = 0; i < I->vars.n; i++)
        if (strcmp(I->vars.v[i].name, n->name) == 0) return n;
    VarInfo v = {n->name, NULL, NULL, -1, 0};
    if (!vec_push(I->a, I->vars, v)) inf_oom(I);
    return n;
}

static Val mkval(Inf *I, Ref r) { return val_of(I, r); }

static void loop_with(Inf *I, Node *at, const char *fmt, Ref n, StBody body, void *ctx, bool independent);

typedef struct Nest { const char *tag; const Ref *dims; int k, nd; Ref *iv; Node *at; StNestBody body; void *ctx; bool indep; } Nest;

static void nest_level(Inf *I, Nest *q);

static void nest_body(Inf *I, Ref i, void *p) {
    Nest *q = p, inner = *q;
    q->iv[q->k] = i;
    inner.k = q->k + 1;
    nest_level(I, &inner);
}

static void nest_level(Inf *I, Nest *q) {
    if (q->k == q->nd) { q->body(I, q->iv, q->ctx); return; }
    char fmt[32];
    snprintf(fmt, sizeof fmt, "$%s%d_%%d", q->tag, q->k);
    loop_with(I, q->at, fmt, q->dims[q->k], nest_body, q, q->indep && q->k == q->nd - 1);
}

/* for every index iv over dims (C order, iv[0] outermost): body(iv); independent: the innermost
 * loop's iterations touch disjoint elements and carry nothing (marked for the interpreter) */
void st_nest(Inf *I, Node *at, const char *tag, const Ref *dims, int nd, Ref *iv, StNestBody body, void *ctx, bool independent) {
    Nest q = {tag, dims, 0, nd, iv, at, body, ctx, independent};
    nest_level(I, &q);
}

/* for i in range(n): body(i), with a hidden counter variable named after fmt and at: the loops
 * that array operations (fused expressions, masks, fills) lower to */
void st_loop(Inf *I, Node *at, const char *fmt, Ref n, StBody body, void *ctx) { loop_with(I, at, fmt, n, body, ctx, false); }

static void loop_with(Inf *I, Node *at, const char *fmt, Ref n, StBody body, void *ctx, bool independent) {
    const Type *i64 = ty_scalar(I->tt, KILN_INT64, true);
    Node *var = st_hidden(I, fmt, at);
    inf_assign(I, var, val_of(I, inf_const_i(I, i64, 0)));
    uint32_t header = inf_block(I), loop = inf_block(I), exit = inf_block(I);
    I->f->blocks.v[header].independent = independent;
    inf_jump(I, header);
    I->cur = header;
    Val i = inf_read_name(I, var);
    if (I->f->ins.v[i.r].op == OP_PARAM) I->f->ins.v[i.r].flags |= INS_NONNEG;
    Ref cmp[2] = {i.r, n};
    inf_branch(I, inf_emit(I, OP_LT, ty_scalar(I->tt, KILN_BOOL, true), cmp, 2, 0), loop, exit);
    I->cur = loop;
    inf_seal(I, loop);
    body(I, i.r, ctx);
    Val i2 = inf_read_name(I, var);
    Ref inc[2] = {i2.r, inf_const_i(I, i64, 1)};
    inf_assign(I, var, val_of(I, inf_emit(I, OP_ADD, i64, inc, 2, 0)));
    inf_jump(I, header);
    inf_seal(I, header);
    I->cur = exit;
    inf_seal(I, exit);
}

/* an operand whose evaluation has no effect: a literal, a name, attributes of one */
static bool plain_operand(const Node *n) {
    if (n->kind == N_ATTR) return plain_operand(n->a);
    return n->kind == N_NAME || n->kind == N_STR || n->kind == N_INT;
}

/* `a == b` / `a != b` of two dtypes or two strings the compiler knows (x.dtype == np.float32, x.dtype.kind == 'f',
 * a static string argument), -1 otherwise */
static int static_equal(Inf *I, Node *n) {
    if (n->kind != N_COMPARE || n->nkids2 != 1 || (n->ops[0] != TK_EQ && n->ops[0] != TK_NE)) return -1;
    if (!plain_operand(n->a) || !plain_operand(n->kids2[0])) return -1;
    Val a = ex_expr(I, n->a), b = ex_expr(I, n->kids2[0]);
    int eq = -1;
    if (a.ty->kind == T_DTYPE && b.ty->kind == T_DTYPE) eq = a.ty->dtype == b.ty->dtype;
    else if (a.ty->kind == T_STR && b.ty->kind == T_STR) eq = !strcmp(tx_text(I, a), tx_text(I, b));
    return eq < 0 ? -1 : n->ops[0] == TK_EQ ? eq : !eq;
}

/* the length of the tuple a plain operand names (an *args tuple, say), or -1: a tuple's length is its type's */
static int static_tuple_len(Inf *I, Node *n) {
    if (!plain_operand(n) || n->kind == N_INT || n->kind == N_STR) return -1;
    Val v = ex_expr(I, n);
    return v.ty->kind == T_TUPLE && !ty_is_optional(v.ty) ? v.ty->n : -1;
}

/* `len(t) <op> k` of such a tuple and an int literal, -1 otherwise */
static int static_len_compare(Inf *I, Node *n) {
    if (n->kind != N_COMPARE || n->nkids2 != 1 || n->kids2[0]->kind != N_INT) return -1;
    if (!st_is_builtin_call(I, n->a, "len") || n->a->nkids != 1 || n->a->nkids2) return -1;
    int len = static_tuple_len(I, n->a->kids[0]);
    if (len < 0) return -1;
    int64_t k = n->kids2[0]->v.i;
    switch (n->ops[0]) {
    case TK_EQ: return len == k;
    case TK_NE: return len != k;
    case TK_LT: return len < k;
    case TK_LE: return len <= k;
    case TK_GT: return len > k;
    case TK_GE: return len >= k;
    default: return -1;
    }
}

/* a condition known at compile time: literal bools, numbers and None, `x is None` on static types, dtypes and strings compared, a
 * tuple's truth and its length compared with a literal (`if not args:`, `if len(args) == 2:`) */
int st_static_cond(Inf *I, Node *n) {
    if (n->kind == N_BOOL || n->kind == N_INT) return n->v.i != 0; /* literals: CPython compiles only the live arm */
    if (n->kind == N_FLOAT) return n->v.f != 0.0;
    if (n->kind == N_NONE) return 0;
    int len = static_tuple_len(I, n);
    if (len >= 0) return len > 0;
    if ((len = static_len_compare(I, n)) >= 0) return len;
    if (st_is_builtin_call(I, n, "isinstance")) return tt_isinstance_static(I, n); /* types are known: prune */
    int eq = static_equal(I, n);
    if (eq >= 0) return eq;
    if (n->kind == N_COMPARE && n->nkids2 == 1 && (n->ops[0] == TK_IS || n->ops[0] == TK_ISNOT)) {
        Val a = ex_keep_optional(I, n->a), b = ex_keep_optional(I, n->kids2[0]); /* an Optional is tested at run time */
        bool an = a.ty->kind == T_NONE, bn = b.ty->kind == T_NONE;
        if (ty_is_optional(a.ty) || ty_is_optional(b.ty)) return -1;
        int same = (an && bn) ? 1 : (an != bn ? 0 : -1);
        if (same < 0) return -1;
        return n->ops[0] == TK_IS ? same : !same;
    }
    if (n->kind == N_UNARY && n->op == TK_NOT) {
        int v = st_static_cond(I, n->a);
        return v < 0 ? -1 : !v;
    }
    return -1;
}

static void st_if(Inf *I, Node *s) {
    int sc = st_static_cond(I, s->a);
    if (sc >= 0) { /* prune the branch that cannot run, as Numba does */
        if (sc) st_body(I, s->kids, s->nkids);
        else st_body(I, s->kids2, s->nkids2);
        return;
    }
    uint32_t then = inf_block(I), els = inf_block(I), join = inf_block(I);
    ex_cond(I, s->a, then, els);
    I->cur = then; inf_seal(I, then);
    st_body(I, s->kids, s->nkids);
    inf_jump(I, join);
    I->cur = els; inf_seal(I, els);
    st_body(I, s->kids2, s->nkids2);
    inf_jump(I, join);
    I->cur = join;
    inf_seal(I, join);
    if (I->f->blocks.v[join].preds.n == 0) I->cur = NOBLOCK;
}

/* exit: where the loop's test sends it when it is done; brk: where break goes, after the else
 * clause (for/while ... else) if there is one, else exit itself */
typedef struct LoopBlocks { uint32_t header, body, latch, exit, brk; } LoopBlocks;

static LoopBlocks loop_open(Inf *I, Node *s) {
    LoopBlocks L;
    L.header = inf_block(I); L.body = inf_block(I); L.latch = inf_block(I); L.exit = inf_block(I);
    L.brk = s->nkids2 ? inf_block(I) : L.exit;
    I->blk_node.v[L.header] = s->id;
    inf_jump(I, L.header);
    I->cur = L.header;
    return L;
}

static void loop_body(Inf *I, LoopBlocks *L, Node *s, Node *target, Val *elem) {
    if (!I->f->blocks.v[L->body].sealed) { /* else the caller has begun the body: its element may have branched */
        I->cur = L->body;
        inf_seal(I, L->body);
    }
    if (target) inf_assign(I, target, *elem);
    if (I->nloops >= (int)NELEM(I->loops)) inf_fail(I, s, "loops are nested too deeply");
    I->loops[I->nloops++] = (Loop){L->latch, L->brk};
    st_body(I, s->kids, s->nkids);
    I->nloops--;
    inf_jump(I, L->latch);
    I->cur = L->latch;
    inf_seal(I, L->latch);
    if (I->f->blocks.v[L->latch].preds.n == 0) I->cur = NOBLOCK;
}

/* where the loop's test ended it: the else clause, then on with the code after the loop (where
 * break goes too) */
static void loop_done(Inf *I, Node *s, LoopBlocks *L) {
    I->cur = L->exit;
    inf_seal(I, L->exit);
    if (I->f->blocks.v[L->exit].preds.n == 0) I->cur = NOBLOCK;
    if (L->brk == L->exit) return;
    if (I->cur != NOBLOCK) {
        st_body(I, s->kids2, s->nkids2);
        inf_jump(I, L->brk);
    }
    I->cur = L->brk;
    inf_seal(I, L->brk);
    if (I->f->blocks.v[L->brk].preds.n == 0) I->cur = NOBLOCK;
}

static void loop_close(Inf *I, Node *s, LoopBlocks *L) {
    inf_jump(I, L->header);
    inf_seal(I, L->header);
    loop_done(I, s, L);
}

static void st_while(Inf *I, Node *s) {
    int sc = st_static_cond(I, s->a);
    if (sc == 0) { st_body(I, s->kids2, s->nkids2); return; } /* while False: ... else: */
    LoopBlocks L = loop_open(I, s);
    if (sc == 1) inf_jump(I, L.body);
    else ex_cond(I, s->a, L.body, L.exit);
    loop_body(I, &L, s, NULL, NULL);
    if (I->cur != NOBLOCK) inf_jump(I, L.header);
    inf_seal(I, L.header);
    loop_done(I, s, &L);
}

static Val int_arg(Inf *I, Node *n) {
    Val v = ex_expr(I, n);
    if (v.ty->kind == T_UNKNOWN) return v;
    if (v.ty->kind != T_SCALAR || !dt_is_intlike(v.ty->dtype))
        inf_fail(I, n, "'%s' object cannot be interpreted as an integer", inf_tyname(I, v.ty));
    return ex_coerce(I, v, int_t(I), n);
}

/* number of iterations of range(start, stop, step), step != 0, as uint64 */
Ref st_trip_count(Inf *I, Ref start, Ref stop, Ref step, int sign) {
    const Type *u = ty_scalar(I->tt, KILN_UINT64, false), *b = bool_t(I);
    Ref one = inf_const_i(I, u, 1), zero = inf_const_i(I, u, 0);
    Ref n[2] = {0, 0};
    for (int k = 0; k < 2; k++) {
        int sg = k == 0 ? 1 : -1;
        if (sign && sg != sign) continue;
        Ref has = inf_op2(I, sg > 0 ? OP_LT : OP_GT, b, start, stop);
        Ref us = inf_emit(I, OP_CAST, u, &start, 1, 0), ue = inf_emit(I, OP_CAST, u, &stop, 1, 0);
        Ref ust = inf_emit(I, OP_CAST, u, &step, 1, 0);
        Ref span = sg > 0 ? inf_op2(I, OP_SUB, u, ue, us) : inf_op2(I, OP_SUB, u, us, ue);
        Ref mag = sg > 0 ? ust : inf_op2(I, OP_SUB, u, zero, ust);
        Ref q = inf_op2(I, OP_FLOORDIV, u, inf_op2(I, OP_SUB, u, span, one), mag);
        Ref cnt = inf_op2(I, OP_ADD, u, q, one);
        Ref ops[3] = {has, cnt, zero};
        n[k] = inf_emit(I, OP_SELECT, u, ops, 3, 0);
    }
    if (sign > 0) return n[0];
    if (sign < 0) return n[1];
    Ref pos = inf_op2(I, OP_GT, b, step, inf_const_i(I, int_t(I), 0));
    Ref ops[3] = {pos, n[0], n[1]};
    return inf_emit(I, OP_SELECT, u, ops, 3, 0);
}

/* block blk raises ename(msg) at line: it leaves the function, or, in a try body, goes on to its handlers */
void st_raise_block(Inf *I, uint32_t blk, const char *ename, const char *msg, int line) {
    int en = ir_str(I->f, ename), em = ir_str(I->f, msg);
    if (en < 0 || em < 0) inf_oom(I);
    Block *b = &I->f->blocks.v[blk];
    b->term = TERM_RAISE; b->line = (uint32_t)line;
    b->ename = en; b->emsg = em;
    if (I->ntry && !ir_raise_to(I->f, blk, I->trys[I->ntry - 1])) inf_oom(I);
}

void st_raise_if(Inf *I, Ref bad, const char *ename, const char *msg) {
    uint32_t err = inf_block(I), ok = inf_block(I);
    inf_branch(I, bad, err, ok);
    inf_seal(I, err); inf_seal(I, ok);
    st_raise_block(I, err, ename, msg, I->line);
    I->cur = ok;
}

/* range(...)'s (or prange's) start, stop and step as ints, with CPython's ValueError for a zero step when it
 * runs; the step if it is a nonzero constant, else 0 */
int64_t st_range_args(Inf *I, Node *call, const char *fname, Val *start, Val *stop, Val *step) {
    int na = call->nkids;
    if (call->nkids2) inf_fail(I, call, "%s() takes no keyword arguments", fname);
    if (na < 1 || na > 3) inf_fail(I, call, "%s expected 1 to 3 arguments, got %d", fname, na);
    *start = na == 1 ? mkval(I, inf_const_i(I, int_t(I), 0)) : int_arg(I, call->kids[0]);
    *stop = int_arg(I, call->kids[na == 1 ? 0 : 1]);
    *step = na == 3 ? int_arg(I, call->kids[2]) : mkval(I, inf_const_i(I, int_t(I), 1));
    if (start->ty->kind == T_UNKNOWN || stop->ty->kind == T_UNKNOWN || step->ty->kind == T_UNKNOWN) {
        I->restart = true;
        inf_fail(I, call, "%s bounds of unknown type", fname);
    }
    Ins *si = &I->f->ins.v[step->r];
    int64_t sv = si->op == OP_CONST ? I->f->cst.v[si->aux].i : 0;
    /* range(a, b, 0), a static argument's 0 among them: CPython's ValueError when it runs */
    if (!sv) st_raise_if(I, inf_op2(I, OP_EQ, bool_t(I), step->r, inf_const_i(I, int_t(I), 0)), "ValueError",
                         "range() arg 3 must not be zero");
    return sv;
}

/* len(range(...)): its length, with CPython's OverflowError past sys.maxsize */
Val st_range_len(Inf *I, Node *call) {
    Val start, stop, step;
    int64_t sv = st_range_args(I, call, "range", &start, &stop, &step);
    Ref n = st_trip_count(I, start.r, stop.r, step.r, sv ? (sv > 0 ? 1 : -1) : 0);
    Ref len = inf_emit(I, OP_CAST, int_t(I), &n, 1, 0);
    st_raise_if(I, inf_op2(I, OP_LT, bool_t(I), len, inf_const_i(I, int_t(I), 0)), "OverflowError",
                "Python int too large to convert to C ssize_t");
    return mkval(I, len);
}

/* x in range(...), CPython's range_contains: an int or bool by arithmetic (between the bounds on the step's side, a
 * whole number of steps from start: unsigned differences, exact for every int64); a float where it equals one of the
 * range's ints (CPython compares item by item); a value of another kind never */
Val st_range_contains(Inf *I, Val x, Node *call) {
    Val start, stop, step;
    int64_t sv = st_range_args(I, call, "range", &start, &stop, &step);
    const Type *u = ty_scalar(I->tt, KILN_UINT64, false), *b = bool_t(I), *it = int_t(I);
    if (x.ty->kind != T_SCALAR || dt_is_complex(x.ty->dtype)) {
        if (x.ty->kind == T_SCALAR) inf_fail(I, call, "'in' range() of a complex number is not supported");
        return mkval(I, inf_const_i(I, b, 0));
    }
    Ref ok = inf_const_i(I, b, 1), xi;
    if (dt_is_float(x.ty->dtype)) { /* a whole number within int64 */
        Val xf = ex_coerce(I, x, ty_scalar(I->tt, KILN_FLOAT64, true), call);
        const Type *ft = xf.ty;
        ok = inf_op2(I, OP_AND, b, inf_op2(I, OP_GE, b, xf.r, inf_const_f(I, ft, -9223372036854775808.0)),
                     inf_op2(I, OP_LT, b, xf.r, inf_const_f(I, ft, 9223372036854775808.0)));
        Ref safe = inf_sel(I, ft, ok, xf.r, inf_const_f(I, ft, 0.0));
        xi = inf_emit(I, OP_CAST, it, &safe, 1, 0);
        ok = inf_op2(I, OP_AND, b, ok, inf_op2(I, OP_EQ, b, inf_emit(I, OP_CAST, ft, &xi, 1, 0), safe));
    } else {
        if (x.ty->dtype == KILN_UINT64) /* past int64: in no range */
            ok = inf_op2(I, OP_LE, b, x.r, inf_const_i(I, x.ty, INT64_MAX));
        xi = ex_coerce(I, x, it, call).r;
    }
    Ref in[2];
    for (int k = 0; k < 2; k++) { /* k 0: a positive step, 1: a negative one */
        Ref lo = k ? stop.r : start.r, hi = k ? start.r : stop.r;
        Ref inside = k ? inf_op2(I, OP_AND, b, inf_op2(I, OP_LT, b, lo, xi), inf_op2(I, OP_LE, b, xi, hi))
                       : inf_op2(I, OP_AND, b, inf_op2(I, OP_LE, b, lo, xi), inf_op2(I, OP_LT, b, xi, hi));
        Ref a = k ? start.r : xi, c = k ? xi : start.r;
        Ref diff = inf_op2(I, OP_SUB, u, inf_emit(I, OP_CAST, u, &a, 1, 0), inf_emit(I, OP_CAST, u, &c, 1, 0));
        Ref mag = inf_emit(I, OP_CAST, u, (Ref[]){k ? inf_op2(I, OP_SUB, it, inf_const_i(I, it, 0), step.r) : step.r}, 1, 0);
        Ref whole = inf_op2(I, OP_EQ, b, inf_op2(I, OP_MOD, u, diff, mag), inf_const_i(I, u, 0));
        in[k] = inf_sel(I, b, inside, whole, inf_const_i(I, b, 0));
    }
    Ref r = sv > 0 ? in[0] : sv < 0 ? in[1] : inf_sel(I, b, inf_op2(I, OP_GT, b, step.r, inf_const_i(I, it, 0)), in[0], in[1]);
    return mkval(I, inf_sel(I, b, ok, r, inf_const_i(I, b, 0)));
}

/* a counter known to start at >= 0: a constant, or a prange chunk's first index ($lo) */
static bool nonneg_start(Inf *I, Ref start) {
    Ins *in = &I->f->ins.v[start];
    return (in->op == OP_CONST && I->f->cst.v[in->aux].i >= 0) || (in->flags & INS_NONNEG);
}

static void counted_loop(Inf *I, Node *s, Val start, Ref n, Val step);

static void for_range(Inf *I, Node *s, Node *call) {
    Val start, stop, step;
    int64_t sv = st_range_args(I, call, "range", &start, &stop, &step);
    bool cstep = sv != 0;
    Node *iv = st_hidden(I, "$i%d", s);
    if (cstep && (sv == 1 || sv == -1)) {
        /* i runs from start while i < stop (or > for -1): i + 1 cannot overflow */
        inf_assign(I, iv, start);
        LoopBlocks L = loop_open(I, s);
        Val i = inf_read_name(I, iv);
        if (sv == 1 && nonneg_start(I, start.r) && I->f->ins.v[i.r].op == OP_PARAM)
            I->f->ins.v[i.r].flags |= INS_NONNEG; /* indices from it need no wrap-around */
        inf_branch(I, inf_op2(I, sv > 0 ? OP_LT : OP_GT, bool_t(I), i.r, stop.r), L.body, L.exit);
        loop_body(I, &L, s, s->a, &i);
        if (I->cur != NOBLOCK) {
            Val i2 = inf_read_name(I, iv);
            inf_assign(I, iv, mkval(I, inf_op2(I, OP_ADD, int_t(I), i2.r, step.r)));
        }
        loop_close(I, s, &L);
        return;
    }
    /* general steps: count iterations in uint64 so that no bound overflows */
    counted_loop(I, s, start, st_trip_count(I, start.r, stop.r, step.r, cstep ? (sv > 0 ? 1 : -1) : 0), step);
}

/* for i in reversed(range(...)): the range's last item first, n items, the step negated (exact mod 2**64: the last
 * item is in range, so start + (n - 1) * step lands on it whatever wraps on the way) */
static void for_reversed_range(Inf *I, Node *s, Node *call) {
    Val start, stop, step;
    int64_t sv = st_range_args(I, call, "range", &start, &stop, &step);
    Ref n = st_trip_count(I, start.r, stop.r, step.r, sv ? (sv > 0 ? 1 : -1) : 0);
    Ref last = inf_op2(I, OP_SUB, int_t(I), inf_emit(I, OP_CAST, int_t(I), &n, 1, 0), inf_const_i(I, int_t(I), 1));
    Val first = mkval(I, inf_op2(I, OP_ADD, int_t(I), start.r, inf_op2(I, OP_MUL, int_t(I), last, step.r)));
    counted_loop(I, s, first, n, mkval(I, inf_op2(I, OP_SUB, int_t(I), inf_const_i(I, int_t(I), 0), step.r)));
}

/* n items (uint64) of a range: start, start + step, ... */
static void counted_loop(Inf *I, Node *s, Val start, Ref n, Val step) {
    const Type *u = ty_scalar(I->tt, KILN_UINT64, false);
    Node *iv = st_hidden(I, "$i%d", s);
    Node *kv = st_hidden(I, "$k%d", s);
    inf_assign(I, iv, start);
    inf_assign(I, kv, mkval(I, inf_const_i(I, u, 0)));
    LoopBlocks L = loop_open(I, s);
    Val k = inf_read_name(I, kv);
    Val i = inf_read_name(I, iv);
    inf_branch(I, inf_op2(I, OP_LT, bool_t(I), k.r, n), L.body, L.exit);
    loop_body(I, &L, s, s->a, &i);
    if (I->cur != NOBLOCK) {
        Val i2 = inf_read_name(I, iv), k2 = inf_read_name(I, kv);
        inf_assign(I, iv, mkval(I, inf_op2(I, OP_ADD, int_t(I), i2.r, step.r)));
        inf_assign(I, kv, mkval(I, inf_op2(I, OP_ADD, u, k2.r, inf_const_i(I, u, 1))));
    }
    loop_close(I, s, &L);
}

/* a sequence walked by index: arrays, lists, ranges, and enumerate/zip over them (nested too:
 * enumerate(zip(a, b)) walks a and b by one index and gives (i, (a[i], b[i]))) */
enum { SEQ_ARRAY, SEQ_RANGE, SEQ_LIST /* its length read before each item, as CPython does */, SEQ_ENUMERATE, SEQ_ZIP };
typedef struct Seq {
    int kind;
    Val arr;
    Ref len;
    Ref start, step;   /* enumerate's start, a range's start and step (0: none) */
    int nsub;          /* enumerate's one sequence, zip's 1 to 8 */
    struct Seq *sub;
} Seq;

/* range(...), or a prange that runs as one: nested in a parallel loop, in a nested function, under
 * enumerate/zip (a module's own function named prange is a call) */
static bool range_like(Inf *I, Node *n) {
    if (st_is_builtin_call(I, n, "range")) return true;
    return pr_is_prange_call(n) && (n->a->kind != N_NAME || (st_is_builtin_call(I, n, "prange") && !I->env->ast->own_prange));
}

static Seq seq_of(Inf *I, Node *n, const Val *given);

/* enumerate(seq[, start]) or zip(seqs...): its sequences, then enumerate's start (Python's argument order) */
static Seq seq_combined(Inf *I, Node *it) {
    it = cl_unstarred(I, it); /* zip(*rows): the tuple's items are its arguments */
    bool enumerate = st_is_builtin_call(I, it, "enumerate");
    Seq q;
    memset(&q, 0, sizeof q);
    q.kind = enumerate ? SEQ_ENUMERATE : SEQ_ZIP;
    Node *startn = enumerate && it->nkids == 2 ? it->kids[1] : NULL;
    for (int k = 0; k < it->nkids2; k++) {
        if (!enumerate || strcmp(it->names[k], "start") || startn)
            inf_fail(I, it->kids2[k], "%s() keyword argument '%s' is not supported", enumerate ? "enumerate" : "zip",
                     it->names[k]);
        startn = it->kids2[k];
    }
    if (enumerate && (it->nkids < 1 || it->nkids > 2)) inf_fail(I, it, "enumerate() takes a sequence and a start here");
    if (!enumerate && (it->nkids < 1 || it->nkids > 8)) inf_fail(I, it, "zip() takes 1 to 8 sequences here");
    q.nsub = enumerate ? 1 : it->nkids;
    q.sub = arena_alloc(I->a, sizeof(Seq) * (size_t)q.nsub);
    if (!q.sub) inf_oom(I);
    for (int i = 0; i < q.nsub; i++) q.sub[i] = seq_of(I, it->kids[i], NULL);
    if (startn) {
        Val sv = ex_expr(I, startn);
        if (sv.ty->kind != T_SCALAR || !dt_is_intlike(sv.ty->dtype))
            inf_fail(I, startn, "'%s' object cannot be interpreted as an integer", inf_tyname(I, sv.ty));
        q.start = ex_coerce(I, sv, int_t(I), startn).r;
    }
    return q;
}

/* the sequence n walks; given: n's value, evaluated already (an iterable is evaluated once) */
static Seq seq_of(Inf *I, Node *n, const Val *given) {
    Seq q;
    memset(&q, 0, sizeof q);
    if (!given && (st_is_builtin_call(I, n, "enumerate") || st_is_builtin_call(I, n, "zip"))) return seq_combined(I, n);
    if (!given && range_like(I, n) && n->nkids == 1) {
        Val v = int_arg(I, n->kids[0]);
        q.kind = SEQ_RANGE;
        Ref zero = inf_const_i(I, int_t(I), 0);
        Ref ops[3] = {inf_op2(I, OP_GT, bool_t(I), v.r, zero), v.r, zero};
        q.len = inf_emit(I, OP_SELECT, int_t(I), ops, 3, 0);
        return q;
    }
    if (!given && range_like(I, n)) { /* range(start, stop[, step]): item k is start + k * step */
        Val start, stop, step;
        int64_t sv = st_range_args(I, n, "range", &start, &stop, &step);
        q.kind = SEQ_RANGE;
        q.start = start.r;
        q.step = step.r;
        Ref cnt = inf_emit(I, OP_CAST, int_t(I), (Ref[]){st_trip_count(I, start.r, stop.r, step.r, sv ? (sv > 0 ? 1 : -1) : 0)}, 1, 0);
        /* more than 2^63 - 1 items (range(-2**63, 2**63 - 1)): as many as an index can count */
        Ref ops[3] = {inf_op2(I, OP_LT, bool_t(I), cnt, inf_const_i(I, int_t(I), 0)), inf_const_i(I, int_t(I), INT64_MAX), cnt};
        q.len = inf_emit(I, OP_SELECT, int_t(I), ops, 3, 0);
        return q;
    }
    Val v = given ? *given : n->kind == N_SET ? se_display(I, n, true) : ex_expr(I, n);
    if (v.ty->kind == T_DICT) v = dc_part(I, v, 0); /* a dict iterates its keys */
    if (v.ty->kind == T_SET) v = se_items(I, v);     /* a set its keys, in CPython's order */
    if (tx_is(v.ty)) v = tx_chars(I, v);              /* a string its characters */
    if (v.ty->kind == T_LIST) { q.kind = SEQ_LIST; q.arr = v; return q; }
    if (v.ty->kind != T_ARRAY) inf_fail(I, n, "iterating over %s is not supported here", inf_tyname(I, v.ty));
    if (v.ty->ndim == 0) inf_fail(I, n, "iteration over a 0-d array");
    q.arr = v;
    q.len = inf_emit(I, OP_DIM, int_t(I), &v.r, 1, 0);
    return q;
}

static Val seq_at(Inf *I, Seq *q, Ref k) {
    if (q->kind == SEQ_RANGE)
        return mkval(I, q->step ? inf_op2(I, OP_ADD, int_t(I), inf_op2(I, OP_MUL, int_t(I), k, q->step), q->start) : k);
    if (q->kind == SEQ_LIST) return ls_item(I, q->arr, k);
    if (q->kind == SEQ_ENUMERATE || q->kind == SEQ_ZIP) { /* the tuple of the parts' items */
        Val elems[9];
        int ne = 0;
        if (q->kind == SEQ_ENUMERATE) elems[ne++] = q->start ? mkval(I, inf_op2(I, OP_ADD, int_t(I), k, q->start)) : mkval(I, k);
        for (int i = 0; i < q->nsub; i++) elems[ne++] = seq_at(I, &q->sub[i], k);
        return inf_tuple(I, elems, ne);
    }
    const Type *t = q->arr.ty;
    Ref ops[2] = {q->arr.r, k};
    if (t->ndim == 1) return mkval(I, inf_emit(I, OP_LOAD, ty_scalar(I->tt, t->dtype, false), ops, 2, 0));
    return mkval(I, inf_emit(I, OP_VIEW, ty_array(I->tt, t->dtype, t->ndim - 1, t->layout), ops, 2, 0));
}

bool st_is_var(Inf *I, const char *name) {
    for (uint32_t i = 0; i < I->vars.n; i++)
        if (strcmp(I->vars.v[i].name, name) == 0) return true;
    return false;
}

bool st_is_builtin_call(Inf *I, Node *n, const char *name) {
    return n->kind == N_CALL && n->a->kind == N_NAME && strcmp(n->a->name, name) == 0 && !st_is_var(I, name);
}

static Ref shorter(Inf *I, Ref n, Ref len) {
    if (!n) return len;
    Ref c = inf_op2(I, OP_LT, bool_t(I), len, n);
    Ref ops[3] = {c, len, n};
    return inf_emit(I, OP_SELECT, int_t(I), ops, 3, 0);
}

/* whether a list in q's leaves has an element type nothing gave it: a list nothing ever stores into */
static bool seq_never_filled(const Seq *q) {
    if (q->kind == SEQ_LIST) return q->arr.ty->elems[0]->kind == T_UNKNOWN;
    for (int i = 0; i < q->nsub; i++) if (seq_never_filled(&q->sub[i])) return true;
    return false;
}

/* n shortened to the lengths of q's leaves: those known before the loop (lists: false) or the lists' own,
 * read at each step (lists: true) */
static Ref seq_len(Inf *I, const Seq *q, Ref n, bool lists) {
    if (q->kind == SEQ_ENUMERATE || q->kind == SEQ_ZIP) {
        for (int i = 0; i < q->nsub; i++) n = seq_len(I, &q->sub[i], n, lists); /* zip stops at the shortest */
        return n;
    }
    if ((q->kind == SEQ_LIST) != lists) return n;
    return shorter(I, n, lists ? ls_len(I, q->arr) : q->len);
}

/* for ... in a sequence (or enumerate/zip of them); given: the iterable's value, evaluated already */
static void for_seq(Inf *I, Node *s, const Val *given) {
    Seq q = seq_of(I, s->b, given);
    if (seq_never_filled(&q)) { /* always empty, so no iteration (a body typed from nothing is no IR) */
        st_body(I, s->kids2, s->nkids2);
        return;
    }
    Ref n = seq_len(I, &q, 0, false);
    Node *kv = st_hidden(I, "$k%d", s);
    inf_assign(I, kv, mkval(I, inf_const_i(I, int_t(I), 0)));
    LoopBlocks L = loop_open(I, s);
    n = seq_len(I, &q, n, true);
    Val k = inf_read_name(I, kv);
    if (I->f->ins.v[k.r].op == OP_PARAM) I->f->ins.v[k.r].flags |= INS_NONNEG;
    inf_branch(I, inf_op2(I, OP_LT, bool_t(I), k.r, n), L.body, L.exit);
    I->cur = L.body;
    inf_seal(I, L.body);
    Val e = seq_at(I, &q, k.r);
    loop_body(I, &L, s, s->a, &e);
    if (I->cur != NOBLOCK) {
        Val k2 = inf_read_name(I, kv);
        inf_assign(I, kv, mkval(I, inf_op2(I, OP_ADD, int_t(I), k2.r, inf_const_i(I, int_t(I), 1))));
    }
    loop_close(I, s, &L);
}

/* for x in (a, b, c): the body is built once per element */
static void for_tuple(Inf *I, Node *s, Val t) {
    uint32_t exit = inf_block(I);
    for (int i = 0; i < t.ty->n && I->cur != NOBLOCK; i++) {
        uint32_t next = inf_block(I);
        inf_assign(I, s->a, t.el[i]);
        if (I->nloops >= (int)NELEM(I->loops)) inf_fail(I, s, "loops are nested too deeply");
        I->loops[I->nloops++] = (Loop){next, exit};
        st_body(I, s->kids, s->nkids);
        I->nloops--;
        inf_jump(I, next);
        I->cur = next;
        inf_seal(I, next);
        if (I->f->blocks.v[next].preds.n == 0) I->cur = NOBLOCK;
    }
    if (I->cur != NOBLOCK) st_body(I, s->kids2, s->nkids2); /* the else clause: no break was taken */
    inf_jump(I, exit);
    I->cur = exit;
    inf_seal(I, exit);
    if (I->f->blocks.v[exit].preds.n == 0) I->cur = NOBLOCK;
}

/* for k, v in d.items(): the keys and the values side by side (zip of the two lists) */
static bool for_items(Inf *I, Node *s) {
    Node *it = s->b;
    if (it->kind != N_CALL || it->a->kind != N_ATTR || strcmp(it->a->name, "items") || it->nkids || it->nkids2) return false;
    Val d = ex_expr(I, it->a->a);
    if (d.ty->kind != T_DICT) inf_fail(I, it, "'%s' object has no attribute 'items'", inf_tyname(I, d.ty));
    Node *ks = st_hidden(I, "$dk%d", s), *vs = st_hidden(I, "$dv%d", s);
    inf_assign(I, ks, dc_part(I, d, 0));
    inf_assign(I, vs, dc_part(I, d, 1));
    Node *z = arena_alloc(I->a, sizeof *z), *zn = arena_alloc(I->a, sizeof *zn), **kids = arena_alloc(I->a, 2 * sizeof(Node *));
    if (!z || !zn || !kids) inf_oom(I);
    memset(zn, 0, sizeof *zn);
    zn->kind = N_NAME; zn->name = "zip"; zn->line = it->line; zn->col = it->col; zn->id = -1;
    *z = *it;
    z->a = zn; kids[0] = ks; kids[1] = vs; z->kids = kids; z->nkids = 2;
    Node loop = *s;
    loop.b = z;
    for_seq(I, &loop, NULL);
    return true;
}

/* the loops over positions in C order (np.ndindex, np.ndenumerate, a.flat): one flat counter over the positions,
 * each turned into its indices (so that break and continue act on the one loop); the element is the tuple of
 * indices (ND_INDEX), that tuple and the array's element there (ND_ENUMERATE), or the element (ND_FLAT) */
static void for_positions(Inf *I, Node *s, const Ref *dims, int nd, Val arr, int kind) {
    Ref total = inf_const_i(I, int_t(I), 1);
    for (int k = 0; k < nd; k++) total = inf_op2(I, OP_MUL, int_t(I), total, dims[k]);
    Node *kv = st_hidden(I, "$nd%d", s);
    inf_assign(I, kv, mkval(I, inf_const_i(I, int_t(I), 0)));
    LoopBlocks L = loop_open(I, s);
    Val k = inf_read_name(I, kv);
    if (I->f->ins.v[k.r].op == OP_PARAM) I->f->ins.v[k.r].flags |= INS_NONNEG;
    inf_branch(I, inf_op2(I, OP_LT, bool_t(I), k.r, total), L.body, L.exit);
    I->cur = L.body;
    inf_seal(I, L.body);
    Val ix[KILN_MAXDIM];
    Ref iv[KILN_MAXDIM];
    Ref rest = k.r;
    for (int j = nd - 1; j >= 0; j--) { /* C order: the last index moves fastest */
        iv[j] = inf_op2(I, OP_MOD, int_t(I), rest, dims[j]);
        ix[j] = mkval(I, iv[j]);
        rest = inf_op2(I, OP_FLOORDIV, int_t(I), rest, dims[j]);
    }
    Val elem = inf_tuple(I, ix, nd);
    if (kind != ND_INDEX) { /* the indices are in range: no bounds check */
        Val v = mkval(I, inf_load(I, arr.r, ty_scalar(I->tt, arr.ty->dtype, false), iv, nd));
        Val pair[2] = {elem, v};
        elem = kind == ND_FLAT ? v : inf_tuple(I, pair, 2);
    }
    loop_body(I, &L, s, s->a, &elem);
    if (I->cur != NOBLOCK) {
        Val k2 = inf_read_name(I, kv);
        inf_assign(I, kv, mkval(I, inf_op2(I, OP_ADD, int_t(I), k2.r, inf_const_i(I, int_t(I), 1))));
    }
    loop_close(I, s, &L);
}

/* for idx in np.ndindex(shape) (or np.ndindex(d0, d1, ...)) */
static void for_ndindex(Inf *I, Node *s, Node *call) {
    if (call->nkids2) inf_fail(I, call, "np.ndindex() takes no keyword arguments");
    Ref dims[KILN_MAXDIM];
    int nd = 0;
    Node **args = call->kids;
    int nargs = call->nkids;
    Val t = {0};
    if (nargs == 1) { t = ex_expr(I, args[0]); if (t.ty->kind == T_UNKNOWN) return; }
    if (nargs == 1 && t.ty->kind == T_TUPLE) { /* np.ndindex(a.shape) */
        if (t.ty->n > KILN_MAXDIM) inf_fail(I, call, "np.ndindex() of more than %d dimensions is not supported", KILN_MAXDIM);
        for (int k = 0; k < t.ty->n; k++) {
            if (t.el[k].ty->kind != T_SCALAR || !dt_is_int(t.el[k].ty->dtype)) inf_fail(I, call, "np.ndindex() takes integers");
            dims[nd++] = ex_coerce(I, t.el[k], int_t(I), call).r;
        }
    } else {
        if (nargs > KILN_MAXDIM) inf_fail(I, call, "np.ndindex() of more than %d dimensions is not supported", KILN_MAXDIM);
        for (int k = 0; k < nargs; k++) {
            Val d = k == 0 && nargs == 1 ? t : ex_expr(I, args[k]);
            if (d.ty->kind != T_SCALAR || !dt_is_int(d.ty->dtype)) inf_fail(I, args[k], "np.ndindex() takes integers or a tuple of them");
            dims[nd++] = ex_coerce(I, d, int_t(I), args[k]).r;
        }
    }
    Ref neg = inf_const_i(I, bool_t(I), 0);
    for (int k = 0; k < nd; k++)
        neg = inf_op2(I, OP_OR, bool_t(I), neg, inf_op2(I, OP_LT, bool_t(I), dims[k], inf_const_i(I, int_t(I), 0)));
    st_raise_if(I, neg, "ValueError", "negative dimensions are not allowed");
    for_positions(I, s, dims, nd, (Val){0}, ND_INDEX);
}

/* for idx, v in np.ndenumerate(a) (call), for v in a.flat (call NULL, a given): a's positions in C order */
static void for_array_positions(Inf *I, Node *s, Node *call, Val a) {
    if (call) {
        if (call->nkids != 1 || call->nkids2) inf_fail(I, call, "np.ndenumerate() takes one argument, the array");
        a = ex_value(I, call->kids[0]);
        if (a.ty->kind == T_UNKNOWN) return;
        if (a.ew) a = ew_force(I, a, call->kids[0]);
        if (a.ty->kind != T_ARRAY) inf_fail(I, call->kids[0], "np.ndenumerate() of %s is not supported (an array is)", inf_tyname(I, a.ty));
    }
    Ref dims[KILN_MAXDIM];
    for (int k = 0; k < a.ty->ndim; k++) dims[k] = inf_emit(I, OP_DIM, int_t(I), &a.r, 1, k);
    for_positions(I, s, dims, a.ty->ndim, a, call ? ND_ENUMERATE : ND_FLAT);
}

static void st_for(Inf *I, Node *s) {
    Node *it = s->b;
    if (it->kind == N_GENEXP) { gx_for(I, s); return; }
    if (for_items(I, s)) return;
    if (nf_gen_for(I, s)) return;
    int nd = cl_nd_loop(I, it);
    if (nd == ND_INDEX) { for_ndindex(I, s, it); return; }
    if (nd == ND_ENUMERATE) { for_array_positions(I, s, it, (Val){0}); return; }
    if (it->kind == N_ATTR && !strcmp(it->name, "flat")) { /* for v in a.flat */
        Val a = ex_attr_array(I, it);
        if (a.ty->kind == T_ARRAY) for_array_positions(I, s, NULL, a);
        return;
    }
    if (range_like(I, it)) { for_range(I, s, it); return; }
    if (st_is_builtin_call(I, it, "reversed") && it->nkids == 1 && !it->nkids2 && range_like(I, it->kids[0])) {
        for_reversed_range(I, s, it->kids[0]);
        return;
    }
    if (st_is_builtin_call(I, it, "enumerate") || st_is_builtin_call(I, it, "zip")) { for_seq(I, s, NULL); return; }
    if (it->kind == N_TUPLE) { for_tuple(I, s, ex_expr(I, it)); return; }
    if (it->kind == N_SET) { for_seq(I, s, NULL); return; } /* a display of constants walks CPython's frozenset */
    Val v = ex_expr(I, it);
    if (v.ty->kind == T_TUPLE) { for_tuple(I, s, v); return; }
    if (v.ty->kind == T_ARRAY || v.ty->kind == T_LIST || v.ty->kind == T_DICT || v.ty->kind == T_SET || tx_is(v.ty)) {
        for_seq(I, s, &v); /* v: evaluated once (for x in f(y) calls f once) */
        return;
    }
    if (v.ty->kind == T_UNKNOWN) return;
    inf_fail(I, it, "'%s' object is not iterable", inf_tyname(I, v.ty));
}

/* what a returned tuple holds that no caller can receive (its leaves would come back as None): a dtype, a module, a
 * function, a Generator, an exception; NULL if nothing */
static const Type *unreturnable(const Type *t) {
    if (t->kind != T_TUPLE) return NULL;
    for (int k = 0; k < t->n; k++) {
        const Type *e = t->elems[k];
        if (e->kind == T_MODULE || e->kind == T_FUNC || e->kind == T_BUILTIN || e->kind == T_DTYPE || e->kind == T_RNG ||
            e->kind == T_EXC)
            return e;
        if ((e = unreturnable(e))) return e;
    }
    return NULL;
}

/* the type returns of a and b give: a join, or Optional[T] for None and T (a function returning None on some
 * paths: the caller tests it or gets TypeError using it) */
static const Type *ret_join(Inf *I, const Type *a, const Type *b) {
    const Type *j = ty_join(I->tt, a, b);
    if (j) return j;
    if (a->kind == T_NONE || b->kind == T_NONE) {
        const Type *t = a->kind == T_NONE ? b : a;
        if (ty_is_optional(t)) return t;
        if (ex_is_static(t)) return NULL;
        if (!(j = ty_optional(I->tt, t))) inf_oom(I);
        return j;
    }
    if (ty_is_optional(a) != ty_is_optional(b)) { /* Optional[A] and B */
        const Type *x = ty_is_optional(a) ? a->elems[1] : a, *y = ty_is_optional(b) ? b->elems[1] : b;
        if (!(j = ty_join(I->tt, x, y))) return NULL;
        if (!(j = ty_optional(I->tt, j))) inf_oom(I);
        return j;
    }
    return NULL;
}

const Type *st_ret_join(Inf *I, const Type *a, const Type *b) { return ret_join(I, a, b); }

static void st_return(Inf *I, Node *s) {
    Val v;
    if (I->ninl && I->inl[I->ninl - 1].result) { /* in an inner function lowered at its call: the result, then past
                                                   its body (an entry without a result: the kernel's own return) */
        Inline *in = &I->inl[I->ninl - 1];
        v = s->a ? ex_expr(I, s->a) : val_of(I, inf_static(I, &I->tt->none));
        inf_assign(I, in->result, v);
        tr_leave(I, false);
        inf_jump(I, in->exit);
        I->cur = NOBLOCK;
        return;
    }
    if (s->a && s->b && I->env->opt->parallel && pf_value(I, s, &v)) { /* return <array expression>, split by rows */
    } else if (s->a) v = ex_keep_optional(I, s->a);
    else { v.ty = &I->tt->none; v.r = inf_static(I, v.ty); v.el = NULL; }
    v = tx_value(I, v); /* a string literal returned: made at run time */
    if (v.ty->kind == T_RNG && !I->ninl)
        inf_fail(I, s->a, "returning a Generator is not supported (pass it to the kernels that draw from it)");
    if (v.ty->kind == T_EXC) inf_fail(I, s->a, "returning an exception is not supported (kiln has no exception objects)");
    if (v.ty->kind == T_MODULE || v.ty->kind == T_FUNC || v.ty->kind == T_BUILTIN || v.ty->kind == T_DTYPE)
        inf_fail(I, s->a, "returning a %s is not supported", ty_name(v.ty));
    const Type *held = I->ninl ? NULL : unreturnable(v.ty); /* an inner function's tuple stays in the kernel */
    if (held) inf_fail(I, s->a, "returning a tuple holding a %s is not supported", ty_name(held));
    if (!I->ret) { I->ret = v.ty; I->ret_line = s->line; }
    else {
        const Type *j = ret_join(I, I->ret, v.ty);
        if (!j) inf_fail(I, s, "function '%s' returns %s on line %d and %s on line %d", I->def->name,
                         inf_tyname(I, I->ret), I->ret_line, inf_tyname(I, v.ty), s->line);
        I->ret = j;
    }
    Ref leaves[TY_LEAVES_MAX];
    int n = cl_flatten(I, v, leaves, TY_LEAVES_MAX);
    tr_leave(I, false); /* the finally clauses it leaves run after the value is computed, before the return */
    if (I->cur == NOBLOCK) return; /* one of them returned or raised itself */
    Block *b = &I->f->blocks.v[I->cur];
    for (int i = 0; i < n; i++)
        if (!vec_push(I->a, I->f->blocks.v[I->cur].rets, leaves[i])) inf_oom(I);
    b = &I->f->blocks.v[I->cur];
    b->term = TERM_RET; b->line = (uint32_t)s->line;
    if (!vec_push(I->a, I->ret_blocks, I->cur)) inf_oom(I);
    I->cur = NOBLOCK;
}

/* raise e, e an except clause's `as` name (a local holding an exception): raised again; false when e is not one */
static bool raise_kept(Inf *I, Node *e, Node *s) {
    bool local = false;
    for (uint32_t i = 0; i < I->vars.n && !local; i++) local = !strcmp(I->vars.v[i].name, e->name);
    if (!local) return false;
    Val v = inf_read_name(I, e);
    if (v.ty->kind != T_EXC) return false;
    tr_raise_kept(I, s, v.r);
    return true;
}

static void st_raise(Inf *I, Node *s) {
    if (!s->a) { tr_bare_raise(I, s); return; }
    Node *e = s->a, *cls = e, *msg = NULL;
    if (e->kind == N_NAME && raise_kept(I, e, s)) return; /* raise e: an except clause's `as` name */
    if (e->kind == N_CALL) {
        cls = e->a;
        if (e->nkids > 1 || e->nkids2) inf_fail(I, e, "an exception takes at most one message argument here");
        if (e->nkids == 1) msg = e->kids[0];
    }
    bool linalg = tr_linalg_error(I, cls); /* raise np.linalg.LinAlgError(msg), as NumPy's own code does */
    if (cls->kind != N_NAME && !linalg)
        inf_fail(I, cls, "only built-in exception classes (and np.linalg.LinAlgError) can be raised");
    if (!linalg && s->id >= 0 && !rt_exc_raisable(rt_exc_lookup(cls->name))) /* kiln's own raises (no id): any class */
        inf_fail(I, cls, "raising '%s' is not supported (use a built-in exception class)", cls->name);
    if (msg && msg->kind != N_STR) { tx_raise(I, cls->name, msg, s->line); I->cur = NOBLOCK; return; }
    st_raise_block(I, I->cur, cls->name, msg ? msg->name : "", s->line);
    I->cur = NOBLOCK;
}

static void st_assert(Inf *I, Node *s) {
    uint32_t ok = inf_block(I), bad = inf_block(I);
    ex_cond(I, s->a, ok, bad);
    inf_seal(I, ok); inf_seal(I, bad);
    if (s->b && s->b->kind != N_STR) { /* a message computed only when the assertion fails, as in Python */
        I->cur = bad;
        tx_raise(I, "AssertionError", s->b, s->line);
    } else st_raise_block(I, bad, "AssertionError", s->b ? s->b->name : "", s->line);
    I->cur = ok;
}

static const char *ufunc_name(int tok) {
    switch (tok) {
    case TK_PLUS: return "add";
    case TK_MINUS: return "subtract";
    case TK_STAR: return "multiply";
    case TK_SLASH: return "divide";
    case TK_AMP: return "bitwise_and";
    case TK_PIPE: return "bitwise_or";
    default: return "bitwise_xor";
    }
}

/* a op= v on an array (or a view of one): NumPy updates the elements in place, so every other
 * name for them sees the change; the result must keep the kind of a's dtype (same_kind casting) */
void st_inplace(Inf *I, Node *s, Val cur) {
    Val rhs = ex_value(I, s->b);
    if (rhs.ty->kind == T_UNKNOWN) return;
    Val r = ew_binop(I, s->op, cur, rhs, s);
    int rd = r.ty->dtype, ad = cur.ty->dtype;
    if (dt_kind(rd) > dt_kind(ad))
        inf_fail(I, s, "Cannot cast ufunc '%s' output from dtype('%s') to dtype('%s') with casting rule 'same_kind'",
                 ufunc_name(s->op), kiln_dtype_name(rd), kiln_dtype_name(ad));
    ew_store(I, cur, r, s);
}

static void st_augassign(Inf *I, Node *s) {
    Node *t = s->a;
    if (t->kind == N_NAME) {
        Val cur = inf_read_name(I, t);
        if (cur.ty->kind == T_ARRAY) { st_inplace(I, s, cur); return; }
        if (cur.ty->kind == T_LIST && s->op == TK_PLUS) { inf_assign(I, t, ls_extend_op(I, cur, ex_expr(I, s->b), s)); return; }
        if (cur.ty->kind == T_SET) { inf_assign(I, t, se_augassign(I, s, cur, ex_expr(I, s->b))); return; }
        Val rhs = ex_expr(I, s->b); /* once: what follows may take it for any of the operators below */
        if (cur.ty->kind == T_DICT && cur.ty->layout == KILN_FACTORY_COUNTER && rhs.ty->kind == T_DICT &&
            rhs.ty->layout == KILN_FACTORY_COUNTER) { inf_assign(I, t, dc_counter_binop(I, s->op, cur, rhs, s, true)); return; } /* Counter's in-place operators */
        if (cur.ty->kind == T_DICT && s->op == TK_PIPE) { inf_assign(I, t, dc_merge(I, cur, rhs, s, true)); return; }
        inf_assign(I, t, ex_binop(I, s->op, cur, rhs, s, s->b));
        return;
    }
    /* a[i] op= v: evaluate a and i once */
    Val arr = ex_expr(I, t->a);
    if (arr.ty->kind == T_UNKNOWN) return;
    if (arr.ty->kind == T_LIST) { ls_augassign(I, s, arr); return; }
    if (arr.ty->kind == T_DICT) { dc_augassign(I, s, arr); return; }
    if (arr.ty->kind != T_ARRAY) inf_fail(I, t, "'%s' object does not support item assignment", inf_tyname(I, arr.ty));
    Ref idx[KILN_MAXDIM];
    int nidx;
    Val cur = ex_index(I, t, arr, idx, &nidx);
    if (nidx == -2) { /* a[mask] op= v: the selected values, combined, written back in the same order */
        cur = ew_force(I, cur, t);
        Val sel = fx_read(I, arr, cur, t);
        Val r = ew_force(I, ew_binop(I, s->op, sel, ex_value(I, s->b), s), s);
        fx_store(I, arr, cur, r, t);
        return;
    }
    if (nidx == -3) { /* a[rows, cols] op= v: gathered, combined, scattered (a repeated index counts once, as NumPy) */
        Val sel = fx_multi_read(I, arr, cur, t);
        fx_multi_store(I, arr, cur, ew_force(I, ew_binop(I, s->op, sel, ex_value(I, s->b), s), s), t);
        return;
    }
    if (nidx == -4) { /* m[:, cols] op= v: likewise */
        Val sel = fx_adv_read(I, cur, t);
        fx_adv_store(I, cur, ew_force(I, ew_binop(I, s->op, sel, ex_value(I, s->b), s), s), t);
        return;
    }
    if (cur.ty->kind == T_ARRAY) { st_inplace(I, s, cur); return; }
    Val rhs = ex_expr(I, s->b);
    Val r = ex_binop(I, s->op, cur, rhs, s, s->b);
    if (r.ty->kind == T_UNKNOWN) return;
    if (dt_is_complex(r.ty->dtype) && !dt_is_complex(arr.ty->dtype))
        inf_fail(I, s, "cannot store a complex value into a %s array", kiln_dtype_name(arr.ty->dtype));
    Val e = ex_coerce(I, r, ty_scalar(I->tt, arr.ty->dtype, false), s);
    inf_store(I, arr.r, e.r, idx, nidx);
}

/* del l[i], del l[a:b] (lists); arrays and tuples refuse deletion as NumPy and CPython do */
static void st_del(Inf *I, Node *s) {
    for (int i = 0; i < s->nkids && I->cur != NOBLOCK; i++) {
        Node *t = s->kids[i];
        if (t->kind == N_NAME) inf_fail(I, t, "'del' of a variable is not supported yet");
        Val c = ex_expr(I, t->a);
        if (c.ty->kind == T_UNKNOWN) continue;
        if (c.ty->kind == T_LIST) { ls_delete(I, t, c); continue; }
        if (c.ty->kind == T_DICT) { dc_delete(I, t, c); continue; }
        if (c.ty->kind == T_ARRAY) inf_fail(I, t, "cannot delete array elements");
        inf_fail(I, t, "'%s' object doesn't support item deletion", inf_tyname(I, c.ty));
    }
}

static void stmt(Inf *I, Node *s) {
    I->line = s->line;
    I->at = s;
    switch (s->kind) {
    case S_EXPR:
        if (s->a->kind == N_STR) return; /* docstring */
        ex_expr(I, s->a);
        return;
    case S_ASSIGN: {
        if (s->b && I->env->opt->parallel && pf_assign(I, s)) return; /* x = <array expression>, split by rows */
        /* into one subscript target an array expression stays lazy: its loop writes the target */
        Val v = s->nkids == 1 && s->kids[0]->kind == N_SUBSCR ? ex_value(I, s->a)
              : s->nkids == 1 && (s->kids[0]->kind == N_NAME || s->kids[0]->kind == N_TUPLE) ? ex_keep_optional(I, s->a)
              : ex_expr(I, s->a);
        for (int i = 0; i < s->nkids; i++) inf_assign(I, s->kids[i], v);
        return;
    }
    case S_AUGASSIGN: st_augassign(I, s); return;
    case S_IF: st_if(I, s); return;
    case S_WHILE: st_while(I, s); return;
    case S_FOR: st_for(I, s); return;
    case S_PFOR: pf_lower(I, s); return;
    case S_BREAK:
    case S_CONTINUE:
        if (I->nloops <= I->loop_base) inf_fail(I, s, "'%s' outside loop", s->kind == S_BREAK ? "break" : "continue");
        tr_leave(I, true);
        inf_jump(I, s->kind == S_BREAK ? I->loops[I->nloops - 1].brk : I->loops[I->nloops - 1].cont);
        return;
    case S_RETURN: st_return(I, s); return;
    case S_YIELD: nf_yield(I, s); return;
    case S_PASS: case S_IMPORT: return;
    case S_NONLOCAL: /* an inlined inner function's: its call kept those names the enclosing function's (closure.c) */
        if (!I->ninl) inf_fail(I, s, "no binding for nonlocal '%s' found", s->names[0]);
        return;
    case S_ASSERT: st_assert(I, s); return;
    case S_RAISE: st_raise(I, s); return;
    case S_TRY: tr_try(I, s); return;
    case S_DEF: nf_def(I, s); return;
    case S_DEL: st_del(I, s); return;
    default: inf_fail(I, s, "this statement is not supported inside a kernel");
    }
}
