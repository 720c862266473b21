/*
 * expr.c — typing and lowering expressions: literals, operators with NumPy 2
 * promotion and Python's semantics, comparisons and their chains, `and`/`or`
 * with Python's value semantics, conditional expressions, truth values,
 * subscripts of arrays and tuples.
 */
#include "infer.h"
#include "../ir/lib.h"
#include <math.h>
#include <stdio.h>

bool ex_is_static(const Type *t) {
    return t->kind == T_NONE || t->kind == T_DTYPE || t->kind == T_MODULE || t->kind == T_FUNC ||
           t->kind == T_BUILTIN || t->kind == T_UNKNOWN || t->kind == T_STR || t->kind == T_FORMAT || t->kind == T_CLOSURE || t->kind == T_CLASS || t->kind == T_NBTYPE;
}

static Val mk(Inf *I, Ref r) { return val_of(I, r); }
static Val value_of(Inf *I, Node *n);
static Val unknown(Inf *I) { return mk(I, inf_static(I, &I->tt->unknown)); }
static const Type *bool_t(Inf *I) { return ty_scalar(I->tt, KILN_BOOL, true); }

static Val cst(Inf *I, const Type *t, Scalar s) {
    Ref r = ir_const(I->f, I->cur, t, s, (uint32_t)I->line);
    if (!r) inf_oom(I);
    return mk(I, r);
}

Val ex_coerce(Inf *I, Val v, const Type *to, Node *at) {
    if (to->kind == T_STRING && v.ty->kind == T_STR) return tx_value(I, v);
    if (v.ty == to || v.ty->kind == T_UNKNOWN || to->kind == T_UNKNOWN) { v.ty = to->kind == T_UNKNOWN ? v.ty : to; return v; }
    if (v.ty->kind == T_SCALAR && to->kind == T_SCALAR) {
        if (v.ty->dtype == to->dtype) {
            /* the same dtype, another strength (np.int64(v) of a Python int, int() of a NumPy one): the
             * value's instruction must carry it, or a local, a phi, a tuple or a call's result would
             * read back the old strength from its instruction and promote by the wrong NEP 50 rule */
            if (v.r && I->f->ins.v[v.r].ty && I->f->ins.v[v.r].ty != to && I->f->ins.v[v.r].ty->kind == T_SCALAR)
                return mk(I, inf_emit(I, OP_CAST, to, &v.r, 1, 0));
            v.ty = to;
            return v;
        }
        if (dt_is_complex(v.ty->dtype) && !dt_is_complex(to->dtype))
            inf_fail(I, at, "cannot convert complex to %s", ty_name(to));
        /* constants convert now, exactly as the CAST would at run time */
        return mk(I, inf_emit(I, OP_CAST, to, &v.r, 1, 0));
    }
    if (v.ty->kind == T_ARRAY && to->kind == T_ARRAY && v.ty->dtype == to->dtype && v.ty->ndim == to->ndim)
        return mk(I, inf_emit(I, OP_CAST, to, &v.r, 1, 0));
    inf_fail(I, at, "cannot convert %s to %s", inf_tyname(I, v.ty), inf_tyname(I, to));
}

/* ---- NEP 50: a Python int meeting a NumPy integer ----
 * NumPy 2 gives a Python int the integer dtype it meets only if the value fits: u8 + 300 raises
 * OverflowError("Python integer 300 out of bounds for uint8"), and so do u8[0] = 300 and
 * np.maximum(u8, -1). Comparisons instead compare the true values (u8 < 300 is True). kiln's
 * Python ints are int64, so the test concerns the narrower dtypes and uint64's negative half. */

static int tok_op(int tok);

/* whether v is a Python int that `to`, a NumPy integer dtype narrower than int64 (or uint64), may not hold */
static bool weak_int_into(const Type *v, const Type *to) {
    return v->kind == T_SCALAR && v->weak && v->dtype == KILN_INT64 && to && to->kind == T_SCALAR && !to->weak &&
           dt_is_int(to->dtype) && to->dtype != KILN_INT64;
}

static void int_range(int dt, int64_t *lo, int64_t *hi) {
    int b = dt_bits(dt);
    if (dt == KILN_UINT64 || dt == KILN_INT64) { *lo = dt == KILN_INT64 ? INT64_MIN : 0; *hi = INT64_MAX; }
    else if (dt_is_unsigned(dt)) { *lo = 0; *hi = (INT64_C(1) << b) - 1; }
    else { *lo = -(INT64_C(1) << (b - 1)); *hi = (INT64_C(1) << (b - 1)) - 1; }
}

static bool const_int(Inf *I, Val v, int64_t *c) {
    Ins *in = &I->f->ins.v[v.r];
    if (in->op != OP_CONST) return false;
    *c = I->f->cst.v[in->aux].i;
    return true;
}

/* v converted to `to`, raising NEP 50's OverflowError where v is a Python int that does not fit:
 * a constant is judged now (out of range: a raise at run time, where the statement runs); any
 * other value by a range test whose failing branch calls the runtime for the message */
Val ex_adopt(Inf *I, Val v, const Type *to, Node *at) {
    if (!weak_int_into(v.ty, to)) return ex_coerce(I, v, to, at);
    int64_t lo, hi, c;
    int_range(to->dtype, &lo, &hi);
    const Type *bt = bool_t(I);
    if (const_int(I, v, &c)) {
        if (c < lo || c > hi) {
            char m[96];
            snprintf(m, sizeof m, "Python integer %lld out of bounds for %s", (long long)c, kiln_dtype_name(to->dtype));
            st_raise_if(I, inf_const_i(I, bt, 1), "OverflowError", m);
        }
        return ex_coerce(I, v, to, at);
    }
    Ref bad = inf_op2(I, OP_LT, bt, v.r, inf_const_i(I, v.ty, lo));
    if (hi < INT64_MAX) bad = inf_op2(I, OP_OR, bt, bad, inf_op2(I, OP_GT, bt, v.r, inf_const_i(I, v.ty, hi)));
    uint32_t err = inf_block(I), ok = inf_block(I);
    inf_branch(I, bad, err, ok);
    inf_seal(I, err); inf_seal(I, ok);
    I->cur = err;
    inf_emit(I, OP_LIB, v.ty, &v.r, 1, LIB_INT_BOUNDS | (int64_t)to->dtype << 8); /* raises */
    st_raise_if(I, inf_const_i(I, bt, 1), "OverflowError", "Python integer out of bounds");
    I->cur = ok;
    return ex_coerce(I, v, to, at);
}

/* np.clip's bound v (side -1: the lower, 1: the upper) for an array of type ax, computed in `to`:
 * NumPy's _clip drops a Python int bound at or beyond an integer ax's range on its own side
 * (np.clip(u8, -1, 3) clips at 0..3) — here it becomes `to`'s own extreme (or an infinity), which
 * clips nothing; any other bound must fit `to`, as ex_adopt (np.clip(u8, 300, 400) raises) */
Val ex_adopt_bound(Inf *I, Val v, const Type *ax, const Type *to, int side, Node *at) {
    if (!weak_int_into(v.ty, ax)) return ex_adopt(I, v, to, at);
    int64_t lo, hi, c, tlo, thi;
    int_range(ax->dtype, &lo, &hi);
    Ref none;
    if (dt_is_float(to->dtype)) none = inf_const_f(I, to, side < 0 ? -INFINITY : INFINITY);
    else if (to->dtype == KILN_UINT64) none = inf_const_i(I, to, side < 0 ? 0 : -1); /* -1: all ones, 2**64 - 1 */
    else { int_range(to->dtype, &tlo, &thi); none = inf_const_i(I, to, side < 0 ? tlo : thi); }
    if (const_int(I, v, &c)) return (side < 0 ? c <= lo : c >= hi) ? val_of(I, none) : ex_adopt(I, v, to, at);
    Ref beyond = inf_op2(I, side < 0 ? OP_LE : OP_GE, bool_t(I), v.r, inf_const_i(I, v.ty, side < 0 ? lo : hi));
    Val inside = val_of(I, inf_sel(I, v.ty, beyond, inf_const_i(I, v.ty, 0), v.r)); /* only a kept bound is tested */
    return val_of(I, inf_sel(I, to, beyond, none, ex_adopt(I, inside, to, at).r));
}

/* the truth of `x tok w` (w_left: `w tok x`) for every x of the dtype when the Python int w lies
 * above (side 1) or below (side -1) its range */
static bool out_of_range_cmp(int tok, int side, bool w_left) {
    if (w_left) /* w tok x is x tok' w */
        tok = tok == TK_LT ? TK_GT : tok == TK_GT ? TK_LT : tok == TK_LE ? TK_GE : tok == TK_GE ? TK_LE : tok;
    switch (tok) {
    case TK_LT: case TK_LE: return side > 0;
    case TK_GT: case TK_GE: return side < 0;
    case TK_EQ: return false;
    default: return true; /* != */
    }
}

/* a NumPy integer x against a Python int w that may lie outside x's dtype: the true values
 * compared, as NumPy 2 does; 0 when the ordinary rule applies (w a constant inside the range) */
static Ref wide_compare(Inf *I, int tok, Val a, Val b, Node *at) {
    bool w_left = weak_int_into(a.ty, b.ty);
    Val w = w_left ? a : b, x = w_left ? b : a;
    int64_t lo, hi, c;
    int_range(x.ty->dtype, &lo, &hi);
    if (const_int(I, w, &c)) {
        if (c >= lo && c <= hi) return 0;
        return cst(I, bool_t(I), (Scalar){.i = out_of_range_cmp(tok, c > hi ? 1 : -1, w_left)}).r;
    }
    const Type *wt = ty_scalar(I->tt, x.ty->dtype == KILN_UINT64 ? KILN_UINT64 : KILN_INT64, false);
    Ref ops[2] = {ex_coerce(I, a, wt, at).r, ex_coerce(I, b, wt, at).r};
    Ref r = inf_emit(I, tok_op(tok), bool_t(I), ops, 2, 0);
    if (x.ty->dtype != KILN_UINT64) return r; /* every value of the narrower dtypes is an int64 */
    Ref neg = inf_op2(I, OP_LT, bool_t(I), w.r, inf_const_i(I, w.ty, 0));
    return inf_sel(I, bool_t(I), neg, cst(I, bool_t(I), (Scalar){.i = out_of_range_cmp(tok, -1, w_left)}).r, r);
}

Ref ex_truth(Inf *I, Val v, Node *at) {
    switch (v.ty->kind) {
    case T_UNKNOWN: return inf_static(I, &I->tt->unknown);
    case T_NONE: return cst(I, bool_t(I), (Scalar){.i = 0}).r;
    case T_TUPLE: return cst(I, bool_t(I), (Scalar){.i = v.ty->n > 0}).r;
    case T_LIST: return inf_op2(I, OP_NE, bool_t(I), ls_len(I, v), inf_k64(I, 0));
    case T_DICT: return inf_op2(I, OP_NE, bool_t(I), dc_len(I, v), inf_k64(I, 0));
    case T_SET: return inf_op2(I, OP_NE, bool_t(I), se_len(I, v), inf_k64(I, 0));
    case T_STR: case T_STRING: return tx_truth(I, v);
    case T_SCALAR: {
        if (v.ty->dtype == KILN_BOOL) return v.r;
        Scalar z = SCALAR_ZERO;
        Ref ops[2] = {v.r, cst(I, v.ty, z).r};
        return inf_emit(I, OP_NE, bool_t(I), ops, 2, 0);
    }
    case T_ARRAY:
        inf_fail(I, at, "the truth value of an array is ambiguous (use a comparison of its elements)");
    default:
        inf_fail(I, at, "%s has no truth value here", inf_tyname(I, v.ty));
    }
}

static int tok_op(int tok) {
    switch (tok) {
    case TK_PLUS: return OP_ADD; case TK_MINUS: return OP_SUB; case TK_STAR: return OP_MUL;
    case TK_SLASH: return OP_DIV; case TK_FLOORDIV: return OP_FLOORDIV; case TK_PERCENT: return OP_MOD;
    case TK_POW: return OP_POW; case TK_AMP: return OP_AND; case TK_PIPE: return OP_OR; case TK_CARET: return OP_XOR;
    case TK_SHL: return OP_SHL; case TK_SHR: return OP_SHR;
    case TK_LT: return OP_LT; case TK_LE: return OP_LE; case TK_GT: return OP_GT; case TK_GE: return OP_GE;
    case TK_EQ: return OP_EQ; case TK_NE: return OP_NE;
    }
    return -1;
}


static bool neg_int_literal(Node *n) {
    return n && ((n->kind == N_INT && n->v.i < 0) ||
                 (n->kind == N_UNARY && n->op == TK_MINUS && n->a->kind == N_INT && n->a->v.i > 0));
}

NORETURN static void bad_operands(Inf *I, Node *at, int tok, Val a, Val b) {
    inf_fail(I, at, "unsupported operand type(s) for %s: '%s' and '%s'", tok_str(tok), inf_tyname(I, a.ty),
             inf_tyname(I, b.ty));
}

static Val tuple_concat(Inf *I, Val a, Val b) {
    int n = a.ty->n + b.ty->n;
    if (n > TY_TUPLE_MAX) inf_fail(I, NULL, "tuples of more than %d elements are not supported", TY_TUPLE_MAX);
    Val r = {0};
    const Type *ts[TY_TUPLE_MAX];
    r.el = arena_alloc(I->a, sizeof(Val) * (size_t)(n ? n : 1));
    if (!r.el) inf_oom(I);
    for (int i = 0; i < a.ty->n; i++) { r.el[i] = a.el[i]; ts[i] = a.el[i].ty; }
    for (int i = 0; i < b.ty->n; i++) { r.el[a.ty->n + i] = b.el[i]; ts[a.ty->n + i] = b.el[i].ty; }
    r.ty = ty_tuple(I->tt, ts, n);
    if (!r.ty) inf_oom(I);
    return r;
}

/* the result type of scalar a <tok> b (NumPy 2 promotion, Python's int/bool rules) and the op's flags */
const Type *ex_binop_type(Inf *I, int tok, const Type *ta, const Type *tb, Node *at, Node *rhs, uint16_t *flags) {
    Val a = {.ty = ta}, b = {.ty = tb};
    if (ta->kind != T_SCALAR || tb->kind != T_SCALAR) bad_operands(I, at, tok, a, b);
    int op = tok_op(tok);
    const Type *t = ty_promote(I->tt, ta, tb);
    int kind = dt_kind(t->dtype);
    *flags = 0;
    switch (op) {
    case OP_ADD: case OP_SUB: case OP_MUL:
        if (kind == 0) t = ty_scalar(I->tt, KILN_INT64, t->weak);
        break;
    case OP_DIV:
        if (kind <= 1) { t = ty_scalar(I->tt, KILN_FLOAT64, t->weak); *flags = DIV_INTS; }
        break;
    case OP_FLOORDIV: case OP_MOD:
        if (kind == 3) bad_operands(I, at, tok, a, b);
        if (kind == 0) t = ty_scalar(I->tt, KILN_INT64, t->weak);
        break;
    case OP_POW:
        if (kind == 0) t = ty_scalar(I->tt, KILN_INT64, t->weak);
        if (dt_kind(t->dtype) == 1 && t->weak && neg_int_literal(rhs)) t = ty_scalar(I->tt, KILN_FLOAT64, true); /* Python ints: 2 ** -1 is 0.5 */
        if (t->weak) *flags = POW_PYTHON;
        break;
    case OP_AND: case OP_OR: case OP_XOR:
        if (kind > 1) bad_operands(I, at, tok, a, b);
        break;
    case OP_SHL: case OP_SHR:
        if (kind > 1) bad_operands(I, at, tok, a, b);
        if (kind == 0) t = ty_scalar(I->tt, KILN_INT64, t->weak);
        break;
    default: bad_operands(I, at, tok, a, b);
    }
    return t;
}

Val ex_binop(Inf *I, int tok, Val a, Val b, Node *at, Node *rhs) {
    if (a.ty->kind == T_UNKNOWN || b.ty->kind == T_UNKNOWN) return unknown(I);
    if (tx_is(a.ty) || tx_is(b.ty)) return tx_binop(I, tok, a, b, at);
    if (tok == TK_PLUS && a.ty->kind == T_TUPLE && b.ty->kind == T_TUPLE) return tuple_concat(I, a, b);
    if (a.ty->kind == T_ARRAY || b.ty->kind == T_ARRAY)
        inf_fail(I, at, "'%s=' on whole arrays is not supported yet", tok_str(tok));
    uint16_t flags;
    const Type *t = ex_binop_type(I, tok, a.ty, b.ty, at, rhs, &flags);
    if ((tok == TK_SHL || tok == TK_SHR) && !t->weak) /* NumPy scalars shift as arrays do: a negative count gives 0 */
        return ew_scalar(I, ew_binop(I, tok, a, b, at), at);
    /* NumPy bools: + is or, * is and, - raises, // % ** compute in int8 (ewise.c's rules; not / & | ^,
     * which agree with Python's and which the element code computes through here) */
    if (a.ty->dtype == KILN_BOOL && b.ty->dtype == KILN_BOOL && (!a.ty->weak || !b.ty->weak) &&
        (tok == TK_PLUS || tok == TK_MINUS || tok == TK_STAR || tok == TK_FLOORDIV || tok == TK_PERCENT || tok == TK_POW))
        return ew_scalar(I, ew_binop(I, tok, a, b, at), at);
    ex_adopt_pair(I, tok, &a, &b, at);
    Val x = ex_coerce(I, a, t, at), y = ex_coerce(I, b, t, at);
    Ref ops[2] = {x.r, y.r};
    Ref r = inf_emit(I, tok_op(tok), t, ops, 2, 0);
    /* a NumPy complex scalar's power is NumPy's (npy_cpow: 0j ** -1 is nan+nanj, no ZeroDivisionError) */
    if (tok == TK_POW && dt_is_complex(t->dtype) && !t->weak) flags |= INS_NUMPY;
    I->f->ins.v[r].flags = flags;
    return mk(I, r);
}

/* NumPy's a <tok> b adopts a Python int operand into the other's integer dtype (not for /, which
 * computes in float64): the int must fit it */
void ex_adopt_pair(Inf *I, int tok, Val *a, Val *b, Node *at) {
    if (tok == TK_SLASH) return;
    if (weak_int_into(a->ty, b->ty)) *a = ex_adopt(I, *a, b->ty, at);
    else if (weak_int_into(b->ty, a->ty)) *b = ex_adopt(I, *b, a->ty, at);
}

/* the operand type of scalar comparison a <tok> b (raises where Python would) */
const Type *ex_compare_type(Inf *I, int tok, const Type *ta, const Type *tb, Node *at) {
    if (ta->kind != T_SCALAR || tb->kind != T_SCALAR)
        inf_fail(I, at, "'%s' not supported between instances of '%s' and '%s'", tok_str(tok), inf_tyname(I, ta),
                 inf_tyname(I, tb));
    const Type *t = ty_promote(I->tt, ta, tb);
    /* Python's complex numbers have no order; NumPy's have (ex_complex_order) */
    if (dt_is_complex(t->dtype) && tok != TK_EQ && tok != TK_NE && ta->weak && tb->weak)
        inf_fail(I, at, "'%s' not supported between instances of '%s' and '%s'", tok_str(tok), ty_name(ta), ty_name(tb));
    return t;
}

/* NumPy's order of complex values x tok y (< <= > >=): by the real parts, then the imaginary
 * parts; a NaN imaginary part leaves only the tie on the real parts to decide (loops.c.src's CLT
 * & co.) */
Ref ex_complex_order(Inf *I, int tok, Val x, Val y) {
    const Type *ft = ty_scalar(I->tt, x.ty->dtype == KILN_COMPLEX64 ? KILN_FLOAT32 : KILN_FLOAT64, false), *bt = bool_t(I);
    Ref xr = inf_emit(I, OP_REAL, ft, &x.r, 1, 0), xi = inf_emit(I, OP_IMAG, ft, &x.r, 1, 0);
    Ref yr = inf_emit(I, OP_REAL, ft, &y.r, 1, 0), yi = inf_emit(I, OP_IMAG, ft, &y.r, 1, 0);
    int strict = tok == TK_LT || tok == TK_LE ? OP_LT : OP_GT;
    Ref nonan = inf_op2(I, OP_AND, bt, inf_op2(I, OP_EQ, bt, xi, xi), inf_op2(I, OP_EQ, bt, yi, yi));
    Ref by_real = inf_op2(I, OP_AND, bt, inf_op2(I, strict, bt, xr, yr), nonan);
    Ref by_imag = inf_op2(I, OP_AND, bt, inf_op2(I, OP_EQ, bt, xr, yr), inf_op2(I, tok_op(tok), bt, xi, yi));
    return inf_op2(I, OP_OR, bt, by_real, by_imag);
}

static Val compare(Inf *I, int tok, Val a, Val b, Node *at);

/* a comparison of Python numbers is a Python bool; one with a NumPy scalar is a NumPy bool, whose
 * + and * are or and and, and whose - raises (np.float64(1) < 3 is np.True_) */
Val ex_compare(Inf *I, int tok, Val a, Val b, Node *at) {
    Val r = compare(I, tok, a, b, at);
    bool numpy = a.ty->kind == T_SCALAR && b.ty->kind == T_SCALAR && (!a.ty->weak || !b.ty->weak);
    if (!numpy || r.ty->kind != T_SCALAR || !r.ty->weak) return r;
    const Type *nb = ty_scalar(I->tt, KILN_BOOL, false);
    Ins *in = &I->f->ins.v[r.r];
    if (in->op == OP_CONST) return cst(I, nb, (Scalar){.i = I->f->cst.v[in->aux].i}); /* constants are shared */
    in->ty = nb; /* the comparison's own instruction, made just now */
    return mk(I, r.r);
}

/* Tuples compare as Python's do: == and != item by item (tuples of other lengths, or a tuple and a
 * non-tuple, are simply unequal), < <= > >= by the first pair of items that differ, then by length.
 * CPython tests items for identity before ==, which only shows for NaN: kiln takes one SSA value
 * on both sides as one object (docs/language.md, "Tuples"). Items are pure values, so all are
 * compared and the answers combined without branches. */
static Ref bool_k(Inf *I, bool v) { return cst(I, bool_t(I), (Scalar){.i = v}).r; }
static Ref bool_not(Inf *I, Ref r) { return inf_emit(I, OP_NOT, bool_t(I), &r, 1, 0); }

static Ref item_truth(Inf *I, int tok, Val x, Val y, Node *at);

/* x == y for two items, as a bool reference */
static Ref item_eq(Inf *I, Val x, Val y, Node *at) {
    if (x.ty->kind == T_TUPLE || y.ty->kind == T_TUPLE) {
        if (x.ty->kind != T_TUPLE || y.ty->kind != T_TUPLE || x.ty->n != y.ty->n) return bool_k(I, false);
        Ref r = bool_k(I, true);
        for (int i = 0; i < x.ty->n; i++) r = inf_op2(I, OP_AND, bool_t(I), r, item_eq(I, x.el[i], y.el[i], at));
        return r;
    }
    /* the same value on both sides is one object to CPython, whose `is` test comes first: equal,
       even when it is a NaN (x = a[0]; (x, 1) == (x, 1) is True) */
    if (x.ty->kind == T_SCALAR && x.ty == y.ty && !x.ew && !y.ew && x.r == y.r) return bool_k(I, true);
    return item_truth(I, TK_EQ, x, y, at);
}

/* x <tok> y for two items (a scalar or None comparison, or tuples again) */
static Ref item_truth(Inf *I, int tok, Val x, Val y, Node *at) {
    if (x.ty->kind == T_ARRAY || y.ty->kind == T_ARRAY)
        inf_fail(I, at, "'%s' of tuples that hold arrays is not supported (an array's truth value is ambiguous)", tok_str(tok));
    if (x.ew) x = ew_force(I, x, at);
    if (y.ew) y = ew_force(I, y, at);
    return ex_truth(I, compare(I, tok, x, y, at), at);
}

static Val tuple_compare(Inf *I, int tok, Val a, Val b, Node *at) {
    if (tok == TK_EQ || tok == TK_NE) {
        Ref eq = item_eq(I, a, b, at);
        return mk(I, tok == TK_EQ ? eq : bool_not(I, eq));
    }
    if (a.ty->kind != T_TUPLE || b.ty->kind != T_TUPLE)
        inf_fail(I, at, "'%s' not supported between instances of '%s' and '%s'", tok_str(tok), inf_tyname(I, a.ty), inf_tyname(I, b.ty));
    int n = a.ty->n < b.ty->n ? a.ty->n : b.ty->n;
    /* from the last common item back: r = a[i] == b[i] ? r : a[i] <tok> b[i] */
    int len_tok = tok == TK_LT || tok == TK_LE ? (tok == TK_LT ? a.ty->n < b.ty->n : a.ty->n <= b.ty->n)
                                               : (tok == TK_GT ? a.ty->n > b.ty->n : a.ty->n >= b.ty->n);
    Ref r = bool_k(I, len_tok);
    for (int i = n - 1; i >= 0; i--) {
        Ref eq = item_eq(I, a.el[i], b.el[i], at);
        int64_t k;
        if (const_int(I, mk(I, eq), &k) && k) continue; /* equal for sure (None and None): the order is decided later */
        int strict = tok == TK_LT || tok == TK_LE ? TK_LT : TK_GT; /* items that differ: < decides for <= too */
        Ref ord = item_truth(I, strict, a.el[i], b.el[i], at);
        r = inf_op2(I, OP_OR, bool_t(I), inf_op2(I, OP_AND, bool_t(I), eq, r), inf_op2(I, OP_AND, bool_t(I), bool_not(I, eq), ord));
    }
    return mk(I, r);
}

/* x in t: any item equal to x (Python's `in` on a tuple); on other containers a clear error */
static Val contains(Inf *I, int tok, Val x, Val t, Node *at) {
    if (tx_is(t.ty)) {
        Val r = tx_contains(I, x, t, at);
        return tok == TK_IN ? r : mk(I, bool_not(I, r.r));
    }
    if (t.ty->kind == T_LIST || t.ty->kind == T_DICT || t.ty->kind == T_SET) {
        Val r = t.ty->kind == T_LIST ? ls_contains(I, t, x, at) : t.ty->kind == T_SET ? se_contains(I, t, x, at) : dc_contains(I, t, x, at);
        return tok == TK_IN ? r : mk(I, bool_not(I, r.r));
    }
    if (ew_is_array(t)) {
        Val r = rd_contains(I, t, x, at);
        return tok == TK_IN || r.ty->kind != T_SCALAR ? r : mk(I, bool_not(I, r.r));
    }
    if (t.ty->kind != T_TUPLE) {
        if (t.ty->kind == T_SCALAR || t.ty->kind == T_NONE)
            inf_fail(I, at, "argument of type '%s' is not iterable", inf_tyname(I, t.ty));
        inf_fail(I, at, "'%s' is supported on tuples; not on %s yet", tok_str(tok), inf_tyname(I, t.ty));
    }
    Ref r = bool_k(I, false);
    for (int i = 0; i < t.ty->n; i++) r = inf_op2(I, OP_OR, bool_t(I), r, item_eq(I, x, t.el[i], at));
    return mk(I, tok == TK_IN ? r : bool_not(I, r));
}

static void py_full_name(const Type *t, char *buf, size_t cap);

static Val compare(Inf *I, int tok, Val a, Val b, Node *at) {
    if (a.ty->kind == T_UNKNOWN || b.ty->kind == T_UNKNOWN) return unknown(I);
    if (tok == TK_IN || tok == TK_NOTIN) return contains(I, tok, a, b, at);
    if ((ty_is_optional(a.ty) && b.ty->kind == T_NONE) || (ty_is_optional(b.ty) && a.ty->kind == T_NONE)) { /* r is None */
        Ref set = (ty_is_optional(a.ty) ? a : b).el[0].r;
        bool is = tok == TK_IS || tok == TK_EQ;
        return is ? mk(I, bool_not(I, set)) : mk(I, set);
    }
    if ((a.ty->kind == T_SET || b.ty->kind == T_SET) && tok != TK_IS && tok != TK_ISNOT) return se_compare(I, tok, a, b, at);
    if (a.ty->kind == T_DTYPE && b.ty->kind == T_DTYPE && (tok == TK_EQ || tok == TK_NE)) /* x.dtype == np.float32: folded */
        return cst(I, bool_t(I), (Scalar){.i = (a.ty->dtype == b.ty->dtype) == (tok == TK_EQ)});
    if ((tx_is(a.ty) || tx_is(b.ty)) && tok != TK_IS && tok != TK_ISNOT && a.ty->kind != T_NONE && b.ty->kind != T_NONE)
        return tx_compare(I, tok, a, b, at);
    if ((a.ty->kind == T_TUPLE || b.ty->kind == T_TUPLE) && tok != TK_IS && tok != TK_ISNOT) return tuple_compare(I, tok, a, b, at);
    if (tok == TK_IS || tok == TK_ISNOT || ((tok == TK_EQ || tok == TK_NE) && (a.ty->kind == T_NONE || b.ty->kind == T_NONE))) {
        bool an = a.ty->kind == T_NONE, bn = b.ty->kind == T_NONE;
        if (a.ty->kind == b.ty->kind && (a.ty->kind == T_LIST || a.ty->kind == T_SET || a.ty->kind == T_DICT) &&
            (tok == TK_IS || tok == TK_ISNOT)) /* the same list (set, dict) */
            return mk(I, inf_op2(I, tok == TK_IS ? OP_EQ : OP_NE, bool_t(I), inf_emit(I, OP_CAST, inf_i64(I), &a.r, 1, 0),
                                 inf_emit(I, OP_CAST, inf_i64(I), &b.r, 1, 0)));
        if (!an && !bn) inf_fail(I, at, "'is' is only supported with None (and two lists, sets or dicts)");
        bool same = an && bn;
        bool r = (tok == TK_IS || tok == TK_EQ) ? same : !same;
        return cst(I, bool_t(I), (Scalar){.i = r});
    }
    if ((a.ty->kind == T_LIST || b.ty->kind == T_LIST) && (tok == TK_EQ || tok == TK_NE)) {
        Val r = ls_equal(I, a, b, at);
        return tok == TK_EQ ? r : mk(I, bool_not(I, r.r));
    }
    if (a.ty->kind == T_LIST || b.ty->kind == T_LIST) inf_fail(I, at, "'%s' between lists is not supported yet", tok_str(tok));
    if ((a.ty->kind == T_DICT || b.ty->kind == T_DICT) && (tok == TK_EQ || tok == TK_NE)) {
        Val r = dc_equal(I, a, b, at);
        return tok == TK_EQ ? r : mk(I, bool_not(I, r.r));
    }
    if ((a.ty->kind == T_NONE) != (b.ty->kind == T_NONE) && (a.ty->kind == T_SCALAR || b.ty->kind == T_SCALAR) &&
        tok != TK_EQ && tok != TK_NE) { /* x < None: CPython's TypeError where it runs (a loop may make the None an Optional) */
        char na[48], nb[48], msg[160];
        py_full_name(a.ty, na, sizeof na);
        py_full_name(b.ty, nb, sizeof nb);
        snprintf(msg, sizeof msg, "'%s' not supported between instances of '%s' and '%s'", tok_str(tok), na, nb);
        st_raise_if(I, cst(I, bool_t(I), (Scalar){.i = 1}).r, "TypeError", msg);
        return cst(I, bool_t(I), (Scalar){.i = 0});
    }
    if (a.ty->kind == T_ARRAY || b.ty->kind == T_ARRAY)
        inf_fail(I, at, "chained comparisons of whole arrays ('%s') are ambiguous", tok_str(tok));
    const Type *t = ex_compare_type(I, tok, a.ty, b.ty, at);
    if (weak_int_into(a.ty, b.ty) || weak_int_into(b.ty, a.ty)) {
        Ref r = wide_compare(I, tok, a, b, at);
        if (r) return mk(I, r);
    }
    Val x = ex_coerce(I, a, t, at), y = ex_coerce(I, b, t, at);
    if (dt_is_complex(t->dtype) && tok != TK_EQ && tok != TK_NE) return mk(I, ex_complex_order(I, tok, x, y));
    Ref ops[2] = {x.r, y.r};
    return mk(I, inf_emit(I, tok_op(tok), bool_t(I), ops, 2, 0));
}

/* merge the values computed on each predecessor edge of block m (in pred order) */
Val ex_merge(Inf *I, Val *vals, uint32_t *blks, int n, Node *at) {
    (void)blks;
    uint32_t m = I->cur;
    const Type *t = vals[0].ty;
    for (int i = 1; i < n; i++) {
        const Type *j = ty_join(I->tt, t, vals[i].ty);
        if (!j) inf_fail(I, at, "the branches give %s and %s, which do not unify", inf_tyname(I, t), inf_tyname(I, vals[i].ty));
        t = j;
    }
    Val r = {0};
    r.ty = t; r.str = -1;
    if (t->kind == T_STR || t->kind == T_STRING) { /* strings: one literal, or each arm's run-time string */
        if (tx_merge_fix(I, vals, n, &r)) return r;
        r.ty = t = &I->tt->string;
    }
    if (t->kind == T_TUPLE) {
        r.el = arena_alloc(I->a, sizeof(Val) * t->n);
        Val *col = arena_alloc(I->a, sizeof(Val) * (size_t)n);
        if (!r.el || !col) inf_oom(I);
        const Type *ts[TY_TUPLE_MAX]; /* t is a tuple type: at most TY_TUPLE_MAX items */
        for (int e = 0; e < t->n; e++) {
            for (int i = 0; i < n; i++) col[i] = vals[i].el[e];
            r.el[e] = ex_merge(I, col, blks, n, at);
            ts[e] = r.el[e].ty;
        }
        r.ty = ty_tuple_as(I->tt, t, ts, t->n);
        return r;
    }
    if (ex_is_static(t)) { r.r = inf_static(I, t); return r; }
    Ref p = ir_param(I->f, m, t);
    if (!p) inf_oom(I);
    for (int i = 0; i < n; i++) {
        Pred pr = I->f->blocks.v[m].preds.v[i];
        Val v = vals[i];
        Ref a = v.r;
        if (v.ty != t && !(v.ty->kind == T_SCALAR && v.ty->dtype == t->dtype)) {
            uint32_t save = I->cur;
            I->cur = pr.blk;
            a = ex_coerce(I, v, t, at).r;
            I->cur = save;
        }
        if (!ir_edge_arg(I->f, pr.blk, pr.succ, (uint32_t)I->f->ins.v[p].aux, a)) inf_oom(I);
    }
    return mk(I, p);
}

/* An arm typed unknown while the other has a type: the other types the expression, as a variable
 * assigned on two paths is typed by the path that has one (infer.c's settle_unknown gives the
 * unknown path a zero). An arm is unknown because it returns through a recursive call still being
 * inferred (fib's `n if n < 2 else fib(n - 1) + fib(n - 2)`: the round is inferred again with the
 * return type it found, used_guess, so the zero never reaches code), or because it reads an item of a
 * container nothing was put in yet (`cum.append(x if not cum else cum[-1] + x)`: that read raises
 * where it runs, and the append types the list, which starts the round over). Before, outside a
 * guessed round the whole expression stayed unknown, and the append that used it was dropped: the
 * list came back empty. */
static Val stand_in(Inf *I, const Type *like) {
    Scalar z;
    memset(&z, 0, sizeof z);
    return cst(I, like, z);
}

static Val boolop_value(Inf *I, Node *n) {
    uint32_t join = inf_block(I);
    Val *vals = arena_alloc(I->a, sizeof(Val) * (size_t)n->nkids);
    if (!vals) inf_oom(I);
    for (int i = 0; i < n->nkids; i++) {
        Val v = ex_expr(I, n->kids[i]);
        if (v.ty->kind == T_UNKNOWN && i > 0 && vals[0].ty->kind == T_SCALAR) v = stand_in(I, vals[0].ty);
        if (v.ty->kind == T_UNKNOWN) return unknown(I);
        vals[i] = v;
        if (i == n->nkids - 1) { inf_jump(I, join); break; }
        Ref c = ex_truth(I, v, n->kids[i]);
        uint32_t next = inf_block(I);
        if (n->op == TK_OR) inf_branch(I, c, join, next);
        else inf_branch(I, c, next, join);
        I->cur = next;
        inf_seal(I, next);
    }
    I->cur = join;
    Val r = ex_merge(I, vals, NULL, n->nkids, n);
    inf_seal(I, join);
    return r;
}

/* x is None, x == None ...: an Optional operand is tested, not unwrapped */
static bool none_test(Node *n) {
    int op = n->ops[0];
    return n->nkids2 == 1 && (op == TK_IS || op == TK_ISNOT || op == TK_EQ || op == TK_NE) &&
           (n->a->kind == N_NONE || n->kids2[0]->kind == N_NONE);
}

static Val compare_value(Inf *I, Node *n) {
    I->keep_optional = none_test(n);
    Val a = ex_value(I, n->a);
    if (n->nkids2 == 1 && (n->ops[0] == TK_IN || n->ops[0] == TK_NOTIN) && st_is_builtin_call(I, n->kids2[0], "range")) {
        if (a.ty->kind == T_UNKNOWN) return a;
        Val r = st_range_contains(I, a.ew ? ew_force(I, a, n->a) : a, n->kids2[0]);
        return n->ops[0] == TK_IN ? r : mk(I, bool_not(I, r.r));
    }
    if (n->nkids2 == 1) {
        I->keep_optional = none_test(n);
        Val b = ex_value(I, n->kids2[0]);
        bool arrays = a.ty->kind != T_UNKNOWN && b.ty->kind != T_UNKNOWN && (ew_is_array(a) || ew_is_array(b)) &&
                      a.ty->kind != T_NONE && b.ty->kind != T_NONE && a.ty->kind != T_TUPLE && b.ty->kind != T_TUPLE &&
                      n->ops[0] != TK_IN && n->ops[0] != TK_NOTIN;
        return arrays ? ew_compare(I, n->ops[0], a, b, n) : ex_compare(I, n->ops[0], a, b.ew ? ew_force(I, b, n) : b, n);
    }
    if (a.ew) a = ew_force(I, a, n->a);
    /* a < b < c: b evaluated once, later comparisons skipped once one is false */
    uint32_t join = inf_block(I);
    Val *vals = arena_alloc(I->a, sizeof(Val) * (size_t)n->nkids2);
    if (!vals) inf_oom(I);
    for (int i = 0; i < n->nkids2; i++) {
        Val b = ex_expr(I, n->kids2[i]);
        Val c = ex_compare(I, n->ops[i], a, b, n);
        if (c.ty->kind == T_UNKNOWN) return unknown(I);
        vals[i] = c;
        if (i == n->nkids2 - 1) { inf_jump(I, join); break; }
        uint32_t next = inf_block(I);
        inf_branch(I, c.r, next, join);
        I->cur = next;
        inf_seal(I, next);
        a = b;
    }
    I->cur = join;
    Val r = ex_merge(I, vals, NULL, n->nkids2, n);
    inf_seal(I, join);
    return r;
}

void ex_cond(Inf *I, Node *n, uint32_t t, uint32_t e) {
    if (n->kind == N_UNARY && n->op == TK_NOT) { ex_cond(I, n->a, e, t); return; }
    if (n->kind == N_BOOLOP) {
        for (int i = 0; i < n->nkids - 1; i++) {
            uint32_t next = inf_block(I);
            if (n->op == TK_AND) ex_cond(I, n->kids[i], next, e);
            else ex_cond(I, n->kids[i], t, next);
            I->cur = next;
            inf_seal(I, next);
        }
        ex_cond(I, n->kids[n->nkids - 1], t, e);
        return;
    }
    if (n->kind == N_COMPARE && n->nkids2 > 1) {
        Val a = ex_expr(I, n->a);
        for (int i = 0; i < n->nkids2; i++) {
            Val b = ex_expr(I, n->kids2[i]);
            Val c = ex_compare(I, n->ops[i], a, b, n);
            if (i == n->nkids2 - 1) { inf_branch(I, ex_truth(I, c, n), t, e); return; }
            uint32_t next = inf_block(I);
            inf_branch(I, ex_truth(I, c, n), next, e);
            I->cur = next;
            inf_seal(I, next);
            a = b;
        }
    }
    Val v = ex_expr(I, n);
    inf_branch(I, ex_truth(I, v, n), t, e);
}

static Val ifexp(Inf *I, Node *n) {
    int sc = st_static_cond(I, n->b); /* a test known when compiling: only its arm, as CPython compiles only that one */
    if (sc >= 0) return ex_expr(I, sc ? n->a : n->c);
    uint32_t t = inf_block(I), e = inf_block(I), join = inf_block(I);
    ex_cond(I, n->b, t, e);
    Val vals[2];
    I->cur = t; inf_seal(I, t);
    vals[0] = ex_expr(I, n->a);
    uint32_t tend = I->cur;
    I->cur = e; inf_seal(I, e);
    vals[1] = ex_expr(I, n->c);
    for (int k = 0; k < 2; k++) /* one arm recursing while the other types the expression: see stand_in */
        if (vals[k].ty->kind == T_UNKNOWN && vals[1 - k].ty->kind == T_SCALAR) {
            uint32_t cur = I->cur;
            I->cur = k ? cur : tend;
            vals[k] = stand_in(I, vals[1 - k].ty);
            I->cur = cur;
        }
    uint32_t eend = I->cur;
    I->cur = tend; /* the join's predecessors in the arms' order: the merge pairs them with vals */
    inf_jump(I, join);
    I->cur = eend;
    inf_jump(I, join);
    I->cur = join;
    if (vals[0].ty->kind == T_UNKNOWN || vals[1].ty->kind == T_UNKNOWN) { inf_seal(I, join); return unknown(I); }
    Val r = ex_merge(I, vals, NULL, 2, n);
    inf_seal(I, join);
    return r;
}

static Val unary(Inf *I, Node *n) {
    Val v = ex_value(I, n->a);
    if (v.ty->kind == T_UNKNOWN) return unknown(I);
    if (ew_is_array(v) && n->op != TK_NOT) return ew_unary(I, n->op, v, n); /* - + ~ elementwise */
    if (v.ew) v = ew_force(I, v, n->a);
    if (n->op == TK_NOT) {
        Ref t = ex_truth(I, v, n->a);
        return mk(I, inf_emit(I, OP_NOT, bool_t(I), &t, 1, 0));
    }
    if (v.ty->kind == T_ARRAY) inf_fail(I, n, "unary '%s' on whole arrays is not supported yet", tok_str(n->op));
    if (v.ty->kind != T_SCALAR) inf_fail(I, n, "bad operand type for unary %s: '%s'", tok_str(n->op), inf_tyname(I, v.ty));
    int d = v.ty->dtype;
    if (n->op == TK_TILDE) {
        if (dt_kind(d) > 1) inf_fail(I, n, "bad operand type for unary ~: '%s'", ty_name(v.ty));
        if (d == KILN_BOOL && !v.ty->weak) return mk(I, inf_emit(I, OP_NOT, v.ty, &v.r, 1, 0));
    }
    if (d == KILN_BOOL && !v.ty->weak && n->op == TK_MINUS)
        inf_fail(I, n, "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the "
                 "logical_not function instead.");
    if (d == KILN_BOOL) v = ex_coerce(I, v, ty_scalar(I->tt, KILN_INT64, v.ty->weak), n);
    if (n->op == TK_PLUS) return v;
    return mk(I, inf_emit(I, n->op == TK_MINUS ? OP_NEG : OP_INV, v.ty, &v.r, 1, 0));
}

static int64_t const_index(Inf *I, Node *k) {
    int64_t v;
    if (cl_int_const(I, k, &v)) return v;
    inf_fail(I, k, "tuple indices must be integer constants");
}

Val ex_index(Inf *I, Node *sub, Val arr, Ref *idx, int *nidx) {
    const Type *t = arr.ty;
    bool ellipsis;
    sub = vw_ellipsis(I, sub, t->ndim, &ellipsis);
    int k = sub->nkids;
    for (int i = 0; i < k; i++)
        if (ellipsis || sub->kids[i]->kind == N_SLICE || vw_is_newaxis(sub->kids[i])) {
            VwAdv adv;
            Val v = vw_subscript_adv(I, sub, arr, &adv);
            *nidx = -1;
            if (adv.axis < 0) return v;
            /* m[:, cols]: the view, the index array and the axis packed for fancy.c's fx_adv_read / _store */
            Val parts[3] = {v, adv.idx, val_of(I, inf_k64(I, adv.axis))};
            *nidx = -4;
            return inf_tuple(I, parts, 3);
        }
    Val vals[KILN_MAXDIM];
    Node *nodes[KILN_MAXDIM] = {NULL};
    memset(vals, 0, sizeof vals); /* gcc 12 cannot see the branches below fill what ex_bounds reads */
    if (k == 1) {
        Node *kn = sub->kids[0];
        Val v = ex_value(I, kn);
        if (v.ty->kind == T_UNKNOWN) { *nidx = 0; return unknown(I); }
        if (v.ty->kind == T_LIST) v = ls_to_array(I, v, kn); /* a[[0, 2]]: NumPy reads the list as an index array */
        if (ew_is_array(v)) { *nidx = -2; return v; } /* an index array: the caller gathers or scatters */
        if (v.ty->kind == T_TUPLE && !ty_is_optional(v.ty) && v.ty->n <= KILN_MAXDIM) { /* a[t]: t's items index, as NumPy's */
            k = v.ty->n;
            bool arrays = false;
            for (int i = 0; i < k; i++) {
                vals[i] = v.el[i]; nodes[i] = kn;
                if (vals[i].ty->kind == T_LIST) vals[i] = ls_to_array(I, vals[i], kn);
                if (vals[i].ew) vals[i] = ew_force(I, vals[i], kn);
                arrays |= vals[i].ty->kind == T_ARRAY;
            }
            if (arrays) { *nidx = -3; return inf_tuple(I, vals, k); } /* a[np.ix_(rows, cols)]: index arrays, as below */
        } else {
            vals[0] = v; nodes[0] = kn;
        }
    } else {
        if (k > KILN_MAXDIM) inf_fail(I, sub, "too many indices for array: array is %d-dimensional, but %d were indexed", t->ndim, k);
        bool arrays = false;
        for (int i = 0; i < k; i++) {
            nodes[i] = sub->kids[i];
            vals[i] = ex_expr(I, nodes[i]);
            if (vals[i].ty->kind == T_UNKNOWN) { *nidx = 0; return unknown(I); }
            if (vals[i].ty->kind == T_LIST) vals[i] = ls_to_array(I, vals[i], nodes[i]); /* NumPy reads it as an array */
            if (vals[i].ew) vals[i] = ew_force(I, vals[i], nodes[i]);
            arrays |= vals[i].ty->kind == T_ARRAY;
        }
        if (arrays) { *nidx = -3; return inf_tuple(I, vals, k); } /* a[rows, cols]: for fancy.c's fx_multi_read / _store */
    }
    if (k > t->ndim)
        inf_fail(I, sub, "too many indices for array: array is %d-dimensional, but %d were indexed", t->ndim, k);
    ex_bounds(I, arr, vals, nodes, k, idx);
    *nidx = k;
    Ref ops[1 + KILN_MAXDIM];
    ops[0] = arr.r;
    for (int i = 0; i < k; i++) ops[1 + i] = idx[i];
    if (k == t->ndim) return mk(I, inf_emit(I, OP_LOAD, ty_scalar(I->tt, t->dtype, false), ops, (uint32_t)(1 + k), 0));
    return mk(I, inf_emit(I, OP_VIEW, ty_array(I->tt, t->dtype, t->ndim - k, t->layout), ops, (uint32_t)(1 + k), 0));
}

void ex_bounds(Inf *I, Val arr, const Val *vals, Node *const *nodes, int k, Ref *idx) {
    const Type *i64 = ty_scalar(I->tt, KILN_INT64, true);
    for (int i = 0; i < k; i++) {
        Node *kn = nodes[i];
        Val v = vals[i];
        if (v.ty->kind != T_SCALAR || !dt_is_int(v.ty->dtype)) {
            if (v.ty->kind == T_SCALAR && v.ty->dtype == KILN_BOOL)
                inf_fail(I, kn, "boolean indices are not supported yet");
            inf_fail(I, kn, "only integers are valid array indices here, not %s", inf_tyname(I, v.ty));
        }
        v = ex_coerce(I, v, i64, kn);
        Ref ops[2] = {arr.r, v.r};
        Ref b = inf_emit(I, OP_BOUND, i64, ops, 2, i);
        Ins *in = &I->f->ins.v[b];
        Ins *vi = &I->f->ins.v[v.r];
        if ((vi->op == OP_CONST && I->f->cst.v[vi->aux].i >= 0) || (vi->flags & INS_NONNEG)) in->flags |= BOUND_NOWRAP;
        if (!I->env->opt->boundscheck) in->flags |= BOUND_NOCHECK;
        idx[i] = b;
    }
}

/* t[start:stop:step] of a tuple, the bounds constants (a tuple's length is its type's): a tuple of those items, by
 * Python's slice.indices. Kept out of line, its items in the arena: subscript() is on expression lowering's
 * recursion, whose depth the stack bounds (a 1,500-operator expression under ASan) */
__attribute__((noinline)) static Val tuple_slice(Inf *I, Val t, Node *sl) {
    int64_t len = t.ty->n, step = 1, start, stop;
    Node *b[3] = {sl->a, sl->b, sl->c};
    bool given[3];
    int64_t v[3] = {0, 0, 0};
    for (int i = 0; i < 3; i++) {
        given[i] = b[i] && b[i]->kind != N_NONE;
        if (given[i]) {
            if (!cl_int_const(I, b[i], &v[i]))
                inf_fail(I, b[i], "a tuple's slice bounds must be integer constants (the result's length is its type's)");
        }
    }
    if (given[2]) step = v[2];
    if (step == 0) inf_fail(I, sl, "slice step cannot be zero");
    int64_t lo = step < 0 ? -1 : 0, hi = step < 0 ? len - 1 : len;
    start = !given[0] ? (step < 0 ? hi : lo) : v[0] < 0 ? (v[0] + len < lo ? lo : v[0] + len) : (v[0] > hi ? hi : v[0]);
    stop = !given[1] ? (step < 0 ? lo : hi) : v[1] < 0 ? (v[1] + len < lo ? lo : v[1] + len) : (v[1] > hi ? hi : v[1]);
    Val *items = arena_alloc(I->a, sizeof(Val) * (size_t)(len ? len : 1));
    if (!items) inf_oom(I);
    int n = 0;
    for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step) items[n++] = t.el[i];
    return inf_tuple(I, items, n);
}

/* the array whose attribute attr names (a.flat, a.flags): a lazy array expression made, anything but an array (or
 * unknown) CPython's AttributeError at compile time */
Val ex_attr_array(Inf *I, Node *attr) {
    Val a = ex_expr(I, attr->a);
    if (a.ew) a = ew_force(I, a, attr->a);
    if (a.ty->kind != T_ARRAY && a.ty->kind != T_UNKNOWN)
        inf_fail(I, attr, "'%s' object has no attribute '%s'", inf_tyname(I, a.ty), attr->name);
    return a;
}

/* whether sub is a.flat[...]: a evaluated into *a (an array, or unknown) */
bool ex_is_flat(Inf *I, Node *sub, Val *a) {
    if (sub->a->kind != N_ATTR || strcmp(sub->a->name, "flat")) return false;
    *a = ex_attr_array(I, sub->a);
    return true;
}

/* a.flat[i]: the indices of the position i names in C order (i negative: from the end), NumPy's IndexError where i
 * is out of range */
void ex_flat_index(Inf *I, Node *sub, Val a, Ref *idx) {
    if (sub->nkids != 1 || sub->kids[0]->kind == N_SLICE)
        inf_fail(I, sub, "a.flat is indexed by one integer here (slices and index arrays of it are not supported)");
    Node *kn = sub->kids[0];
    Val v = ex_value(I, kn);
    if (v.ty->kind == T_UNKNOWN) { for (int k = 0; k < a.ty->ndim; k++) idx[k] = inf_const_i(I, inf_i64(I), 0); return; }
    if (v.ty->kind != T_SCALAR || !dt_is_int(v.ty->dtype) || v.ty->dtype == KILN_BOOL)
        inf_fail(I, kn, "only integers are valid a.flat indices here, not %s", inf_tyname(I, v.ty));
    Ref i = ex_coerce(I, v, inf_i64(I), kn).r, dims[KILN_MAXDIM], size = inf_const_i(I, inf_i64(I), 1);
    for (int k = 0; k < a.ty->ndim; k++) {
        dims[k] = inf_emit(I, OP_DIM, inf_i64(I), &a.r, 1, k);
        size = inf_op2(I, OP_MUL, inf_i64(I), size, dims[k]);
    }
    Ref zero = inf_const_i(I, inf_i64(I), 0), neg = inf_op2(I, OP_LT, bool_t(I), i, zero);
    Ref ops[3] = {neg, inf_op2(I, OP_ADD, inf_i64(I), i, size), i};
    Ref p = inf_emit(I, OP_SELECT, inf_i64(I), ops, 3, 0);
    Ref bad = inf_op2(I, OP_OR, bool_t(I), inf_op2(I, OP_LT, bool_t(I), p, zero), inf_op2(I, OP_GE, bool_t(I), p, size));
    TxPart msg[4] = {{"index ", 0}, {NULL, i}, {" is out of bounds for size ", 0}, {NULL, size}};
    tx_raise_if(I, bad, "IndexError", msg, 4);
    for (int j = a.ty->ndim - 1; j >= 0; j--) { /* C order: the last index moves fastest */
        idx[j] = inf_op2(I, OP_MOD, inf_i64(I), p, dims[j]);
        p = inf_op2(I, OP_FLOORDIV, inf_i64(I), p, dims[j]);
    }
}

__attribute__((noinline)) static Val subscript(Inf *I, Node *n) { /* out of line: ex_index's locals off the recursion */
    if (n->a->kind == N_ATTR && !strcmp(n->a->name, "flags") && n->nkids == 1 && n->kids[0]->kind == N_STR) {
        Val a = ex_attr_array(I, n->a); /* a.flags['C_CONTIGUOUS'] */
        return a.ty->kind == T_UNKNOWN ? unknown(I) : cl_flag(I, a, n->kids[0]->name, n->kids[0]);
    }
    Val fa;
    if (ex_is_flat(I, n, &fa)) {
        if (fa.ty->kind == T_UNKNOWN) return unknown(I);
        Ref idx[KILN_MAXDIM];
        ex_flat_index(I, n, fa, idx);
        return mk(I, inf_load(I, fa.r, ty_scalar(I->tt, fa.ty->dtype, false), idx, fa.ty->ndim));
    }
    Val v = ex_expr(I, n->a);
    if (v.ty->kind == T_UNKNOWN) return unknown(I);
    if (v.ty->kind == T_TUPLE) {
        if (n->nkids != 1) inf_fail(I, n, "tuple indices must be integers");
        if (n->kids[0]->kind == N_SLICE) return tuple_slice(I, v, n->kids[0]);
        int64_t k = const_index(I, n->kids[0]);
        if (k < 0) k += v.ty->n;
        if (k < 0 || k >= v.ty->n) inf_fail(I, n->kids[0], "tuple index out of range");
        return v.el[k];
    }
    if (v.ty->kind == T_LIST) return ls_subscript(I, n, v);
    if (v.ty->kind == T_DICT) return dc_get(I, n, v);
    if (tx_is(v.ty)) return tx_subscript(I, n, v);
    if (v.ty->kind != T_ARRAY) inf_fail(I, n, "'%s' object is not subscriptable", inf_tyname(I, v.ty));
    Ref idx[KILN_MAXDIM];
    int nidx;
    Val r = ex_index(I, n, v, idx, &nidx);
    return nidx == -2 ? fx_read(I, v, r, n) : nidx == -3 ? fx_multi_read(I, v, r, n) : nidx == -4 ? fx_adv_read(I, r, n) : r;
}

/* (a, b, ...); keep: the tuple is assigned or returned whole, so an Optional item stays one (a, b = f(x), g(x)) */
static Val tuple_expr(Inf *I, Node *n, bool keep) {
    Val r = {0};
    r.str = -1;
    if (n->nkids > TY_TUPLE_MAX) inf_fail(I, n, "tuples of more than %d elements are not supported", TY_TUPLE_MAX);
    const Type *ts[TY_TUPLE_MAX];
    bool starred = false;
    for (int i = 0; i < n->nkids; i++) starred |= n->kids[i]->kind == N_STARRED;
    r.el = arena_alloc(I->a, sizeof(Val) * (size_t)(starred ? TY_TUPLE_MAX : n->nkids ? n->nkids : 1));
    if (!r.el) inf_oom(I);
    int m = 0; /* items, a starred tuple's spliced in: (*t, x); at most TY_TUPLE_MAX */
    for (int i = 0; i < n->nkids; i++) {
        I->keep_optional = keep;
        Node *k = n->kids[i];
        Val v = ex_expr(I, k->kind == N_STARRED ? k->a : k);
        if (k->kind == N_STARRED) {
            if (v.ty->kind != T_TUPLE || ty_is_optional(v.ty))
                inf_fail(I, k, "(*x, ...) of %s is not supported: a tuple's length is known when compiling (write [*x, ...] "
                         "for a list)", inf_tyname(I, v.ty));
            if (m + v.ty->n > TY_TUPLE_MAX) inf_fail(I, n, "tuples of more than %d elements are not supported", TY_TUPLE_MAX);
            for (int j = 0; j < v.ty->n; j++) { r.el[m] = tx_value(I, v.el[j]); ts[m] = r.el[m].ty; m++; }
            continue;
        }
        if (m >= TY_TUPLE_MAX) inf_fail(I, n, "tuples of more than %d elements are not supported", TY_TUPLE_MAX);
        r.el[m] = tx_value(I, v); /* a literal in a tuple: made at run time */
        ts[m] = r.el[m].ty;
        m++;
    }
    r.ty = ty_tuple(I->tt, ts, m);
    if (!r.ty) inf_oom(I);
    return r;
}

Val ex_expr(Inf *I, Node *n) {
    Val v = ex_value(I, n);
    return v.ew ? ew_force(I, v, n) : v;
}

/* an Optional used as its value: None raises TypeError where Python's operation on None would */
static Val unwrap(Inf *I, Val v, Node *n) {
    Ref none = inf_emit(I, OP_NOT, bool_t(I), &v.el[0].r, 1, 0);
    I->line = n->line;
    st_raise_if(I, none, "TypeError", "a function's None result was used as a value (Python raises TypeError at the operation)");
    return v.el[1];
}

/* Python's name of a value's type in TypeError messages */
static const char *py_type_name(const Type *t) {
    if (t->kind == T_ARRAY) return "numpy.ndarray";
    if (t->kind == T_SCALAR && !t->weak) return kiln_dtype_name((kiln_dtype)t->dtype); /* NumPy's: 'numpy.<dtype>' below */
    return ty_name(t);
}

/* Python's full name of a value's type: 'int', 'numpy.float64', 'NoneType' */
static void py_full_name(const Type *t, char *buf, size_t cap) {
    if (t->kind == T_NONE) { snprintf(buf, cap, "NoneType"); return; }
    snprintf(buf, cap, "%s%s", t->kind == T_SCALAR && !t->weak ? "numpy." : "", py_type_name(t));
}

/* a op b with an Optional operand: CPython's TypeError naming both operands' types when one is None */
static void unwrap_operands(Inf *I, int tok, Val *a, Val *b) {
    const Type *x = ty_is_optional(a->ty) ? a->ty->elems[1] : a->ty, *y = ty_is_optional(b->ty) ? b->ty->elems[1] : b->ty;
    Ref anone = ty_is_optional(a->ty) ? bool_not(I, a->el[0].r) : cst(I, bool_t(I), (Scalar){.i = 0}).r;
    Ref bnone = ty_is_optional(b->ty) ? bool_not(I, b->el[0].r) : cst(I, bool_t(I), (Scalar){.i = 0}).r;
    char msg[3][160];
    char full[2][48];
    for (int k = 0; k < 2; k++) py_full_name(k ? y : x, full[k], sizeof full[k]);
    const char *op = tok_str(tok);
    snprintf(msg[0], sizeof msg[0], "unsupported operand type(s) for %s: 'NoneType' and 'NoneType'", op);
    snprintf(msg[1], sizeof msg[1], "unsupported operand type(s) for %s: 'NoneType' and '%s'", op, full[1]);
    snprintf(msg[2], sizeof msg[2], "unsupported operand type(s) for %s: '%s' and 'NoneType'", op, full[0]);
    st_raise_if(I, inf_op2(I, OP_AND, bool_t(I), anone, bnone), "TypeError", msg[0]);
    st_raise_if(I, anone, "TypeError", msg[1]);
    st_raise_if(I, bnone, "TypeError", msg[2]);
    if (ty_is_optional(a->ty)) *a = a->el[1];
    if (ty_is_optional(b->ty)) *b = b->el[1];
}

Val ex_keep_optional(Inf *I, Node *n) {
    I->keep_optional = true;
    return ex_expr(I, n);
}

Val ex_value(Inf *I, Node *n) {
    bool keep = I->keep_optional;
    I->keep_optional = false;
    Val v = n->kind == N_TUPLE ? tuple_expr(I, n, keep) : value_of(I, n);
    if (ty_is_optional(v.ty) && !keep) v = unwrap(I, v, n);
    return v;
}

static Val value_of(Inf *I, Node *n) {
    if (I->cur == NOBLOCK) inf_fail(I, n, "internal error: expression in unreachable code");
    /* every expression comes through here: the recursion over a deep one stops at the stack's floor */
    if ((uintptr_t)__builtin_frame_address(0) < base_stack_floor())
        inf_fail(I, n, "expression nested too deeply for the stack left (split it into several statements)");
    int saved = I->line;
    I->line = n->line;
    I->at = n;
    Val v;
    switch (n->kind) {
    case N_INT: v = cst(I, ty_scalar(I->tt, KILN_INT64, true), (Scalar){.i = n->v.i}); break;
    case N_FLOAT: v = cst(I, ty_scalar(I->tt, KILN_FLOAT64, true), (Scalar){.f = n->v.f}); break;
    case N_IMAG: v = cst(I, ty_scalar(I->tt, KILN_COMPLEX128, true), (Scalar){.c = {0.0, n->v.f}}); break;
    case N_BOOL: v = cst(I, bool_t(I), (Scalar){.i = n->v.i}); break;
    case N_NONE: v = mk(I, inf_static(I, &I->tt->none)); break;
    case N_STR:
        v = mk(I, inf_static(I, &I->tt->str));
        v.str = ir_str(I->f, n->name);
        if (v.str < 0) inf_oom(I);
        break;
    case N_NAME: v = inf_read_name(I, n); break;
    case N_ATTR: v = cl_attr(I, n); break;
    case N_CALL: v = cl_call(I, n); break;
    case N_UNARY: v = unary(I, n); break;
    case N_BINARY: {
        I->keep_optional = true;
        Val a = ex_value(I, n->a);
        I->keep_optional = true;
        Val b = ex_value(I, n->b);
        I->line = n->line;
        if (n->op == TK_PERCENT && a.ty->kind == T_STR) { v = tx_binop(I, n->op, a, b, n); break; } /* any value formats */
        if (ty_is_optional(a.ty) || ty_is_optional(b.ty)) unwrap_operands(I, n->op, &a, &b);
        if ((a.ty->kind == T_LIST || b.ty->kind == T_LIST) && (ew_is_array(a) || ew_is_array(b))) { /* NumPy reads the list as an array */
            if (a.ty->kind == T_LIST) a = ls_to_array(I, a, n->a);
            if (b.ty->kind == T_LIST) b = ls_to_array(I, b, n->b);
        }
        if (a.ty->kind == T_DICT && b.ty->kind == T_DICT && a.ty->layout == KILN_FACTORY_COUNTER && b.ty->layout == KILN_FACTORY_COUNTER) {
            v = dc_counter_binop(I, n->op, a, b, n, false);
            break;
        }
        if (a.ty->kind == T_DICT && n->op == TK_PIPE) { v = dc_merge(I, a, b, n, false); break; }
        if (a.ty->kind == T_SET || b.ty->kind == T_SET) { v = se_binop(I, n->op, a, b, n); break; }
        if (a.ty->kind == T_LIST || b.ty->kind == T_LIST) { v = ls_binop(I, n->op, a, b, n); break; }
        bool arrays = a.ty->kind != T_UNKNOWN && b.ty->kind != T_UNKNOWN && (ew_is_array(a) || ew_is_array(b));
        if (n->op == TK_AT) v = la_matmul(I, ew_force(I, a, n->a), ew_force(I, b, n->b), n);
        else v = arrays ? ew_binop(I, n->op, a, b, n) : ex_binop(I, n->op, a, b, n, n->b);
        break;
    }
    case N_BOOLOP: v = boolop_value(I, n); break;
    case N_COMPARE: v = compare_value(I, n); break;
    case N_IFEXP: v = ifexp(I, n); break;
    case N_NAMEDEXPR: v = ex_expr(I, n->b); inf_assign(I, n->a, v); break; /* (x := v): bound, and its value */
    case N_SUBSCR: v = subscript(I, n); break;
    case N_TUPLE: v = tuple_expr(I, n, false); break;
    case N_LIST: v = ls_display(I, n); break;
    case N_LISTCOMP: v = gx_listcomp(I, n); break;
    case N_LAMBDA: v = nf_lambda(I, n); break;
    case N_DICT: v = dc_display(I, n); break;
    case N_DICTCOMP: v = gx_dictcomp(I, n); break;
    case N_SET: v = se_display(I, n, false); break;
    case N_SETCOMP: v = se_comp(I, n); break;
    case N_FSTRING: v = tx_fstring(I, n); break;
    case N_GENEXP: /* map() and filter() are generator expressions too (front/mapfilter.c) */
        inf_fail(I, n, "a generator expression (map(), filter() and iter() are ones) is consumed where it is written: by a for "
                       "loop, list(), set(), sorted(), sum(), min(), max(), all(), any() or str.join(); kiln keeps none in a "
                       "variable");
    case N_STARRED: inf_fail(I, n, "'*' unpacks into a target (first, *rest = items) or a call's arguments (f(*t)) here; a starred item in a value is not supported");
    default: inf_fail(I, n, "this expression is not supported");
    }
    I->line = saved;
    return v;
}
