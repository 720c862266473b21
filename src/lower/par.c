/*
 * par.c — lowering a prange loop (S_PFOR, outlined by front/prange.c): one
 * parallel call of the kernel its body became.
 *
 * The call is an OP_CALL marked INS_PAR whose first two operands stand where
 * the callee has $lo and $hi: the loop's trip count and its reductions'
 * operators; back/par.c cuts the trip count into chunks (by size only), calls
 * the body per chunk — serially or on the context's threads — and combines
 * the chunks' partial results in chunk order, the same on every tier.
 *
 * A reduction's type is settled here: the body starts from the operator's
 * identity of the type the variable has before the loop and may widen it (a
 * sum that starts as the int 0 over floats); then the initial value is cast
 * to the widened type and the body specialized again, so the variable, the
 * partials and the combined result have one type — what serial Python gives
 * after the first iteration.
 */
#include "infer.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

static int red_code(int tok) {
    switch (tok) {
    case TK_PLUS: case TK_MINUS: return RED_ADD;
    case TK_STAR: return RED_MUL;
    case TK_AMP: return RED_AND;
    case TK_PIPE: return RED_OR;
    case TK_CARET: return RED_XOR;
    case TK_LT: return RED_MIN;
    case TK_GT: return RED_MAX;
    }
    return RED_NONE;
}

/* the extreme values of an integer dtype (bool: 0 and 1) */
static void int_range(int dt, int64_t *lo, uint64_t *hi) {
    int bits = 8 * (int)kiln_dtype_size((kiln_dtype)dt);
    if (dt == KILN_BOOL) { *lo = 0; *hi = 1; return; }
    if (dt_is_unsigned(dt)) { *lo = 0; *hi = bits == 64 ? UINT64_MAX : ((uint64_t)1 << bits) - 1; return; }
    *hi = ((uint64_t)1 << (bits - 1)) - 1;
    *lo = -(int64_t)*hi - 1;
}

/* $red_init(s, op): the identity of the operator for s's type, the value each chunk's partial starts from.
 * Floats add from -0.0 (x + -0.0 is x for every x, -0.0 included), min from +inf, max from -inf. */
Val pf_red_init(Inf *I, Node *call) {
    Val s = ex_expr(I, call->kids[0]);
    int code = red_code((int)call->kids[1]->v.i);
    const Type *t = s.ty;
    if (t->kind == T_UNKNOWN) return s;
    if (t->kind != T_SCALAR)
        inf_fail(I, call, "the reduction variable '%s' is %s: a prange reduction needs a number", call->kids[0]->name,
                 inf_tyname(I, t));
    int dt = t->dtype;
    if (dt_is_float(dt) || dt_is_complex(dt)) {
        double v = code == RED_ADD ? -0.0 : code == RED_MUL ? 1.0 : code == RED_MIN ? INFINITY : code == RED_MAX ? -INFINITY : 0.0;
        if (code == RED_AND || code == RED_OR || code == RED_XOR)
            inf_fail(I, call, "unsupported operand type(s) for a bitwise reduction: '%s'", inf_tyname(I, t));
        return val_of(I, inf_const_f(I, t, v));
    }
    int64_t lo;
    uint64_t hi;
    int_range(dt, &lo, &hi);
    int64_t v = code == RED_MUL ? 1 : code == RED_AND ? (int64_t)hi : code == RED_MIN ? (int64_t)hi : code == RED_MAX ? lo : 0;
    if (code == RED_AND && !dt_is_unsigned(dt) && dt != KILN_BOOL) v = -1;
    return val_of(I, inf_const_i(I, t, v));
}

/* kiln explain's "parallel loops" line (notes starting "prange: " print under their own heading) */
static void push_note(Inf *I, const char *b) {
    char *t = arena_strndup(I->a, b, strlen(b));
    if (!t || !vec_push(I->a, I->f->notes, (const char *)t)) inf_oom(I);
}

/* kiln explain's line for the loop ("prange: ..." notes print under their own heading) */
static void note(Inf *I, Node *s) {
    static const char *const opname[] = {[TK_PLUS] = "+", [TK_MINUS] = "+ (-= adds the negation)", [TK_STAR] = "*",
                                          [TK_AMP] = "&", [TK_PIPE] = "|", [TK_CARET] = "^", [TK_LT] = "min", [TK_GT] = "max"};
    char b[1024];
    int n = snprintf(b, sizeof b, "prange: line %d: parallel loop over %s, its body the kernel %s; ", s->line, s->a->name, s->name);
    if (!s->nkids2) n += snprintf(b + n, sizeof b - (size_t)n, "no reductions (any split gives the same result)");
    for (int k = 0; k < s->nkids2 && n < (int)sizeof b; k++)
        n += snprintf(b + n, sizeof b - (size_t)n, "%s%s (%s)", k ? ", " : "reductions: ", s->kids2[k]->name,
                      s->ops[k] < sizeof opname / sizeof *opname && opname[s->ops[k]] ? opname[s->ops[k]] : "?");
    for (int k = 0; k < s->nkids && n < (int)sizeof b; k++)
        n += snprintf(b + n, sizeof b - (size_t)n, "%s%s", k ? ", " : "; reads: ", s->kids[k]->name);
    if (s->nkids2 && n < (int)sizeof b)
        snprintf(b + n, sizeof b - (size_t)n, "; n iterations run as min(1024, ceil(n / 64)) chunks combined in order");
    push_note(I, b);
}

static const Type *leaf_type(const Type *ret, int k, int n) { return n == 1 ? ret : ret->elems[k]; }

/* the body's unit for these argument types; NULL while it is still being built (recursion through it) */
static Unit *body_unit(Inf *I, Node *s, const Type **types, int n) {
    Unit *u = I->env->callee(I->env->cx, (int)s->v.i, types, n, I->d.err);
    if (!u) longjmp(*I->d.jb, 1);
    if (u != I->unit && (u->state == UNIT_BUILDING || u->on_guess)) I->unit->on_guess = true; /* as call.c's */
    if (u->state == UNIT_BUILDING) {
        u->used_guess = true;
        if (!u->ret || u->ret->kind == T_UNKNOWN) return NULL;
    }
    return u;
}

/* the parallel call of body u with args (n of them: where u has $lo and $hi, the trip count and the packed
 * reduction operators), marked INS_PAR for back/par.c */
static Ref par_call(Inf *I, Node *s, Unit *u, const Val *args, int n) {
    Ref ops[TY_LEAVES_MAX];
    int nops = 0;
    for (int k = 0; k < n; k++) nops += cl_flatten(I, args[k], ops + nops, TY_LEAVES_MAX - nops);
    if (!vec_push(I->a, I->f->callees, u)) inf_oom(I);
    I->line = s->line;
    Ref r = inf_emit(I, OP_CALL, u->ret, ops, (uint32_t)nops, I->f->callees.n - 1);
    I->f->ins.v[r].flags |= INS_PAR;
    return r;
}

void pf_lower(Inf *I, Node *s) {
    Val start, stop, step;
    int64_t sv = st_range_args(I, s->b, "prange", &start, &stop, &step);
    Ref trip = st_trip_count(I, start.r, stop.r, step.r, sv > 0 ? 1 : sv < 0 ? -1 : 0);
    trip = inf_emit(I, OP_CAST, inf_i64(I), &trip, 1, 0);
    int ncap = s->nkids, nred = s->nkids2, n = 4 + ncap + nred;
    Val args[16];
    const Type *types[16];
    args[0] = val_of(I, trip);
    int64_t packed = 0;
    for (int k = 0; k < nred; k++) packed |= (int64_t)red_code(s->ops[k]) << (4 * k);
    args[1] = val_of(I, inf_k64(I, packed));
    args[2] = start; args[3] = step;
    for (int k = 0; k < ncap; k++) args[4 + k] = inf_read_name(I, s->kids[k]);
    for (int k = 0; k < nred; k++) args[4 + ncap + k] = inf_read_name(I, s->kids2[k]);
    for (int i = 0; s->c && i < s->c->nkids; i++) { /* a store into a captured dict: one table for every iteration */
        Node *st = s->c->kids[i], *root = st;
        while (root->kind == N_SUBSCR) root = root->a;
        for (int k = 0; k < ncap; k++)
            if (root->kind == N_NAME && !strcmp(root->name, s->kids[k]->name) && args[4 + k].ty->kind == T_DICT)
                inf_fail(I, st, "dict '%s' is written in the prange loop: its entries are one table every iteration "
                                "changes (fill it in a range loop, or write the values into an array)", root->name);
    }
    for (int k = 0; k < n; k++) {
        if (args[k].ty->kind == T_UNKNOWN) return;
        if (args[k].ty->kind == T_CLOSURE)
            inf_fail(I, k < 4 + ncap ? s->kids[k - 4] : s, "a lambda or an inner function cannot be used inside a prange "
                     "loop yet (define it inside the loop body, or make it a kernel)");
    }
    Unit *u = NULL;
    for (int round = 0;; round++) {
        for (int k = 0; k < n; k++) types[k] = k < 4 ? inf_i64(I) : args[k].ty;
        u = body_unit(I, s, types, n);
        if (!u) return;
        bool same = true;
        for (int k = 0; k < nred; k++) {
            const Type *p = leaf_type(u->ret, k, nred);
            if (p != args[4 + ncap + k].ty) { same = false; args[4 + ncap + k] = ex_coerce(I, args[4 + ncap + k], p, s->kids2[k]); }
        }
        if (same) break;
        if (round == 3) inf_fail(I, s, "the reductions of this prange loop do not settle on one type");
    }
    Ref r = par_call(I, s, u, args, n);
    note(I, s);
    for (int k = 0; k < nred; k++) {
        Ref v = nred == 1 ? r : inf_emit(I, OP_EXTRACT, leaf_type(u->ret, k, nred), &r, 1, k);
        inf_assign(I, s->kids2[k], val_of(I, v));
    }
}

/* ---- parallel=True: x = <elementwise expression>, split by rows ---- */

/* every call in e names a ufunc: the expression computed on blocks of rows is the whole one's rows */
static bool ufuncs_only(Inf *I, Node *e) {
    if (!e) return true;
    if (e->kind == N_CALL) {
        if (!cl_is_ufunc(I, e->a)) return false;
        for (int i = 0; i < e->nkids; i++) if (!ufuncs_only(I, e->kids[i])) return false;
        return true;
    }
    return ufuncs_only(I, e->a) && ufuncs_only(I, e->b);
}

/* the outlined statement (front/prange.c's f$pew...) called over the rows of out */
static void rows_call(Inf *I, Val out, Ref rows, void *ctx) {
    Node *s = ctx, *c = s->b;
    int n = 5 + c->nkids;
    Val args[16];
    const Type *types[16];
    args[0] = val_of(I, rows);
    args[1] = val_of(I, inf_k64(I, 0));
    args[2] = val_of(I, inf_k64(I, 0));
    args[3] = val_of(I, inf_k64(I, 1));
    args[4] = out;
    for (int k = 0; k < c->nkids; k++) args[5 + k] = inf_read_name(I, c->kids[k]);
    for (int k = 0; k < n; k++) types[k] = k < 4 ? inf_i64(I) : args[k].ty;
    Unit *u = body_unit(I, s, types, n);
    if (!u) return;
    par_call(I, s, u, args, n);
    char b[256];
    snprintf(b, sizeof b, "prange: line %d: parallel=True: the array expression %s %s is split by rows across "
             "threads from %lld elements (its body the kernel %s)", s->line, s->kind == S_RETURN ? "returned" : "assigned to",
             s->kind == S_RETURN ? "" : s->kids[0]->name,
             (long long)I->env->tune[TUNE_PARALLEL_MIN], c->a->name);
    push_note(I, b);
}

bool pf_value(Inf *I, Node *s, Val *out) {
    if (!ufuncs_only(I, s->a)) return false;
    Val v = ex_value(I, s->a);
    if (!v.ew || v.ty->kind != T_ARRAY || v.ty->ndim < 1) *out = v.ew ? ew_force(I, v, s->a) : v;
    else *out = ew_force_split(I, v, s->a, rows_call, s);
    return true;
}

bool pf_assign(Inf *I, Node *s) {
    Val v;
    if (!pf_value(I, s, &v)) return false;
    inf_assign(I, s->kids[0], v);
    return true;
}

Val pf_block(Inf *I, Node *call) {
    Val x = ex_value(I, call->kids[0]), out = ex_expr(I, call->kids[3]);
    Val lo_v = ex_expr(I, call->kids[1]), hi_v = ex_expr(I, call->kids[2]);
    const Type *i64 = inf_i64(I);
    /* the outlined body is called by its loop with ints and the result array; called any other way (the C
     * API can reach it by its index), it says so */
    if (lo_v.ty != i64 || hi_v.ty != i64 || out.ty->kind != T_ARRAY)
        inf_fail(I, call, "'%s' is the body of a parallel statement: it runs only from the statement", I->def->name);
    if (x.ty->kind != T_ARRAY || x.ty->ndim < out.ty->ndim) return x;
    Ref lo = lo_v.r, hi = hi_v.r;
    int nd = x.ty->ndim;
    Ref one = inf_op2(I, OP_EQ, inf_bool(I), inf_dim(I, x, 0), inf_k64(I, 1)); /* broadcast along the rows */
    Ref first = inf_sel(I, inf_i64(I), one, inf_k64(I, 0), lo);
    Ref dims[KILN_MAXDIM], strides[KILN_MAXDIM];
    dims[0] = inf_sel(I, inf_i64(I), one, inf_k64(I, 1), inf_op2(I, OP_SUB, inf_i64(I), hi, lo));
    for (int k = 0; k < nd; k++) {
        if (k) dims[k] = inf_dim(I, x, k);
        strides[k] = inf_stride(I, x, k);
    }
    Ref off = inf_op2(I, OP_MUL, inf_i64(I), first, strides[0]);
    return vw_make(I, x, off, dims, strides, nd, x.ty->layout, call);
}
