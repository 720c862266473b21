/*
 * ewise.c — whole-array elementwise expressions: building the lazy tree (fuse.c lowers it).
 *
 * An operator, comparison or ufunc with an array operand does not compute
 * anything at once: it builds a lazy tree (Ew) whose leaves are arrays and
 * scalars already evaluated. The tree becomes code only where its value is
 * needed as a whole (ex_expr: assigned, returned, passed, indexed): then the
 * broadcast shape is computed from the leaves' shapes (NumPy's rule: axes
 * aligned from the right, a length-1 axis stretches, other mismatches raise
 * ValueError), one result array is allocated, and one loop nest evaluates the
 * whole tree per element with the scalar ops every tier already has. So
 * `np.exp(a) * b + np.sqrt(c)` is one loop with no temporary arrays; a
 * statement boundary (t = a * b; t + c) materializes t, as NumPy would.
 *
 * Element semantics are NumPy's, not Python's: x / 0.0 and sqrt(-1) give
 * inf/nan (INS_NUMPY on DIV and MATH), bool + bool is `or`, bool * bool is
 * `and`. Element types follow NumPy 2 promotion, the rules the scalar
 * operators already implement (array elements are strong NumPy scalars,
 * Python scalars are weak). Because the result is a new array that only the
 * loop writes, inputs never alias it.
 */
#include "ewise.h"
#include "../ir/lib.h"
#include "../rt/arith.h" /* rt_math_has_complex: which math functions have complex forms (rt/arith.c) */
#include <math.h>
#include <stdio.h>
#include <string.h>


/* np.<name> ufuncs and the node each builds: the math functions from their table (ir/mathfn.h's
 * NumPy column; a row without one gives a nameless entry, skipped), then the rest */
#define NP_UFUNC(id, py, np, ar, k, libm, err, intr, doc) {np, EW_MATH, MF_##id, ar},
static const struct { const char *name; int kind, fn, nargs; } ufuncs[] = {
    MATH_FNS(NP_UFUNC)
    {"abs", EW_ABS, 0, 1}, {"absolute", EW_ABS, 0, 1}, {"negative", EW_NEG, 0, 1}, {"square", EW_SQUARE, 0, 1},
    {"isnan", EW_FLOATTEST, MF_ISNAN, 1}, {"isinf", EW_FLOATTEST, MF_ISINF, 1}, {"isfinite", EW_FLOATTEST, MF_ISFINITE, 1},
    {"signbit", EW_FLOATTEST, MF_COPYSIGN, 1}, /* the sign bit, as copysign reads it */
    {"add", EW_BIN, TK_PLUS, 2}, {"subtract", EW_BIN, TK_MINUS, 2}, {"multiply", EW_BIN, TK_STAR, 2},
    {"divide", EW_BIN, TK_SLASH, 2}, {"true_divide", EW_BIN, TK_SLASH, 2},
    {"where", EW_WHERE, 0, 3},
    {"floor", EW_ROUNDING, MF_FLOOR, 1}, {"ceil", EW_ROUNDING, MF_CEIL, 1}, {"trunc", EW_ROUNDING, MF_TRUNC, 1},
    {"maximum", EW_MAXMIN, 1, 2}, {"minimum", EW_MAXMIN, 0, 2}, {"sign", EW_SIGN, 0, 1},
    {"real", EW_PART, OP_REAL, 1}, {"imag", EW_PART, OP_IMAG, 1}, {"conj", EW_PART, OP_CONJ, 1},
    {"conjugate", EW_PART, OP_CONJ, 1},
    {"power", EW_BIN, TK_POW, 2}, {"floor_divide", EW_BIN, TK_FLOORDIV, 2}, {"remainder", EW_BIN, TK_PERCENT, 2},
    {"mod", EW_BIN, TK_PERCENT, 2}, {"invert", EW_INVERT, 0, 1}, {"bitwise_not", EW_INVERT, 0, 1},
    {"bitwise_and", EW_BIN, TK_AMP, 2}, {"bitwise_or", EW_BIN, TK_PIPE, 2}, {"bitwise_xor", EW_BIN, TK_CARET, 2},
    {"logical_not", EW_LOGIC, OP_NOT, 1}, {"logical_and", EW_LOGIC, OP_AND, 2}, {"logical_or", EW_LOGIC, OP_OR, 2},
    {"logical_xor", EW_LOGIC, OP_XOR, 2}, {"clip", EW_CLIP, 0, 3},
    {"left_shift", EW_BIN, TK_SHL, 2}, {"right_shift", EW_BIN, TK_SHR, 2},
    {"less", EW_CMP, TK_LT, 2}, {"less_equal", EW_CMP, TK_LE, 2}, {"greater", EW_CMP, TK_GT, 2},
    {"greater_equal", EW_CMP, TK_GE, 2}, {"equal", EW_CMP, TK_EQ, 2}, {"not_equal", EW_CMP, TK_NE, 2},
    {"fabs", EW_MATH, MF_FABS, 1}, /* C's fabs: a float of any real input (NumPy has no complex loop) */
    {"positive", EW_NEG, TK_PLUS, 1}, /* +a: a copy */
    /* NumPy 2's array-API names of the same ufuncs (np.acos is np.arccos) */
    {"acos", EW_MATH, MF_ACOS, 1}, {"asin", EW_MATH, MF_ASIN, 1}, {"atan", EW_MATH, MF_ATAN, 1},
    {"atan2", EW_MATH, MF_ATAN2, 2}, {"acosh", EW_MATH, MF_ACOSH, 1}, {"asinh", EW_MATH, MF_ASINH, 1},
    {"atanh", EW_MATH, MF_ATANH, 1}, {"pow", EW_BIN, TK_POW, 2}, {"bitwise_invert", EW_INVERT, 0, 1},
    {"bitwise_left_shift", EW_BIN, TK_SHL, 2}, {"bitwise_right_shift", EW_BIN, TK_SHR, 2},
};
#undef NP_UFUNC
_Static_assert(NELEM(ufuncs) <= UF_MAX, "ewise.c's ufuncs fit call.c's builtin range");

const char *ew_ufunc_name(int k) { return ufuncs[k].name; }
int ew_ufunc_nargs(int k) { return ufuncs[k].nargs; }

int ew_ufunc_lookup(const char *name) {
    for (size_t i = 0; i < NELEM(ufuncs); i++)
        if (ufuncs[i].name && strcmp(ufuncs[i].name, name) == 0) return (int)i;
    return -1;
}

static Ew *node(Inf *I, int kind, const Type *ty, Node *at) {
    Ew *e = arena_alloc(I->a, sizeof *e);
    if (!e) inf_oom(I);
    e->kind = kind; e->ty = ty; e->at = at;
    return e;
}

/* a leaf (an array or scalar value) or the tree a lazy value carries; a 0-d array is read into its element, a NumPy
 * scalar (strong, as NumPy 2 promotes it), so that a tree without axes is a scalar computation (lazy below) */
Ew *ew_of(Inf *I, Val v, Node *at) {
    if (v.ew) return v.ew;
    if (v.ty->kind != T_ARRAY && v.ty->kind != T_SCALAR)
        inf_fail(I, at, "'%s' cannot be an operand of an array expression", inf_tyname(I, v.ty));
    v = inf_item0(I, v);
    Ew *e = node(I, EW_LEAF, v.ty->kind == T_ARRAY ? ty_scalar(I->tt, v.ty->dtype, false) : v.ty, at);
    e->leaf = v;
    e->ndim = v.ty->kind == T_ARRAY ? v.ty->ndim : 0;
    return e;
}

/* the lazy value of tree e */
static Val tree(Inf *I, Ew *e) {
    Val v = {0};
    v.str = -1;
    v.ew = e;
    v.ty = ty_array(I->tt, e->ty->dtype, e->ndim, LAYOUT_C);
    if (!v.ty) inf_oom(I);
    return v;
}

/* tree e's value: lazy where it has axes; without them (its operands NumPy scalars and 0-d arrays) the scalar it
 * computes, as NumPy unwraps a ufunc's 0-d result (np.exp(np.array(1.0)) is np.float64(2.718...)) except np.where's */
static Val lazy(Inf *I, Ew *e) { return e->ndim == 0 && e->kind != EW_WHERE ? ew_scalar(I, tree(I, e), e->at) : tree(I, e); }

static Ew *join(Inf *I, int kind, const Type *ty, Node *at, Ew *a, Ew *b, Ew *c) {
    Ew *e = node(I, kind, ty, at);
    e->k[0] = a; e->k[1] = b; e->k[2] = c;
    e->ndim = a->ndim;
    if (b && b->ndim > e->ndim) e->ndim = b->ndim;
    if (c && c->ndim > e->ndim) e->ndim = c->ndim;
    return e;
}

bool ew_is_array(Val v) { return v.ew || v.ty->kind == T_ARRAY; }

/* ---- building trees ---- */

/* NEP 50 where the operator is applied: a Python int leaf meeting an integer operand adopts its
 * dtype and must fit it (u8 + 300 raises OverflowError); the leaf becomes that NumPy integer, so
 * the loop computes in the narrow dtype and tests nothing per element */
static void adopt(Inf *I, int tok, Ew *x, Ew *y, Node *at) {
    bool lx = x->kind == EW_LEAF && x->leaf.ty->kind == T_SCALAR, ly = y->kind == EW_LEAF && y->leaf.ty->kind == T_SCALAR;
    Val a = lx ? x->leaf : (Val){.ty = x->ty}, b = ly ? y->leaf : (Val){.ty = y->ty};
    ex_adopt_pair(I, tok, &a, &b, at);
    if (lx) { x->leaf = a; x->ty = a.ty; }
    if (ly) { y->leaf = b; y->ty = b.ty; }
}

/* the tree of a `tok` b (a ufunc call marks it before it becomes a value: lazy() may compute it at once) */
static Ew *bin_tree(Inf *I, int tok, Val a, Val b, Node *at) {
    Ew *x = ew_of(I, a, at), *y = ew_of(I, b, at);
    const Type *t;
    if (x->ty->dtype == KILN_BOOL && y->ty->dtype == KILN_BOOL && (tok == TK_PLUS || tok == TK_STAR || tok == TK_MINUS)) {
        if (tok == TK_MINUS)
            inf_fail(I, at, "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` "
                     "operator, or the logical_xor function instead.");
        t = ty_scalar(I->tt, KILN_BOOL, false); /* NumPy: + is or, * is and */
    } else {
        switch (tok) {
        case TK_PLUS: case TK_MINUS: case TK_STAR: case TK_SLASH: case TK_AMP: case TK_PIPE: case TK_CARET: break;
        case TK_FLOORDIV: case TK_PERCENT: case TK_POW: case TK_SHL: case TK_SHR: break;
        default: inf_fail(I, at, "'%s' on whole arrays is not supported", tok_str(tok));
        }
        uint16_t flags;
        bool two_bools = x->ty->dtype == KILN_BOOL && y->ty->dtype == KILN_BOOL;
        if (two_bools && tok != TK_SLASH && tok != TK_AMP && tok != TK_PIPE && tok != TK_CARET)
            t = ty_scalar(I->tt, KILN_INT8, false); /* NumPy: // % ** << >> of bools compute in int8 */
        else
            t = ew_strong(I, ex_binop_type(I, tok, x->ty, y->ty, at, NULL, &flags));
        adopt(I, tok, x, y, at);
    }
    Ew *e = join(I, EW_BIN, t, at, x, y, NULL);
    e->tok = tok;
    return e;
}

Val ew_binop(Inf *I, int tok, Val a, Val b, Node *at) { return lazy(I, bin_tree(I, tok, a, b, at)); }

/* arr[idx] for a 1-d arr and an integer array (or expression) idx: idx's shape, arr's dtype;
 * each index wraps if negative and raises IndexError if out of range, as NumPy's take */
Val ew_take(Inf *I, Val arr, Val idx, Node *at) {
    Ew *x = ew_of(I, idx, at);
    if (!dt_is_int(x->ty->dtype)) inf_fail(I, at, "arrays used as indices must be of integer (or boolean) type");
    if (arr.ty->ndim != 1) inf_fail(I, at, "indexing a %d-dimensional array with an integer array is not supported yet", arr.ty->ndim);
    Ew *e = join(I, EW_TAKE, ty_scalar(I->tt, arr.ty->dtype, false), at, x, NULL, NULL);
    e->leaf = arr;
    return lazy(I, e);
}

/* np.clip(a, lo, hi): minimum(maximum(a, lo), hi), NaN kept, as NumPy computes it */
Val ew_clip(Inf *I, Val a, Val lo, Val hi, Node *at) {
    Ew *x = ew_of(I, a, at), *l = ew_of(I, lo, at), *h = ew_of(I, hi, at);
    if (x->kind == EW_LEAF && x->ty->weak) { /* NumPy clips np.asarray(a): a Python scalar becomes a NumPy one */
        x->leaf = ex_coerce(I, x->leaf, ew_strong(I, ty_promote(I->tt, x->ty, x->ty)), at);
        x->ty = x->leaf.ty;
    }
    /* NumPy promotes the NumPy operands together first, then the Python scalars adopt the result
     * (np.clip(bool_array, 70000, int8_array) is int8: 70000 raises) */
    const Type *ts[3] = {x->ty, l->ty, h->ty}, *t = NULL;
    for (int weak = 0; weak < 2; weak++)
        for (int i = 0; i < 3; i++)
            if (ts[i]->weak == weak) t = t ? ty_promote(I->tt, t, ts[i]) : ts[i];
    if (!t || dt_is_complex(t->dtype)) inf_fail(I, at, "np.clip of these values is not supported");
    t = ew_strong(I, t);
    if (l->kind == EW_LEAF && l->leaf.ty->kind == T_SCALAR) { l->leaf = ex_adopt_bound(I, l->leaf, x->ty, t, -1, at); l->ty = t; }
    if (h->kind == EW_LEAF && h->leaf.ty->kind == T_SCALAR) { h->leaf = ex_adopt_bound(I, h->leaf, x->ty, t, 1, at); h->ty = t; }
    Ew *m = join(I, EW_MAXMIN, t, at, x, l, NULL);
    m->tok = 1;
    Ew *e = join(I, EW_MAXMIN, t, at, m, h, NULL);
    e->tok = 0;
    /* NumPy's loop for bounds constant through it keeps x where x equals a bound (-0.0 clipped at 0.0
     * stays -0.0); with array bounds it takes the bound */
    m->tie_first = e->tie_first = l->ndim == 0 && h->ndim == 0;
    return lazy(I, e);
}

Val ew_compare(Inf *I, int tok, Val a, Val b, Node *at) {
    if (tok == TK_IS || tok == TK_ISNOT) inf_fail(I, at, "'is' is only supported with None");
    Ew *x = ew_of(I, a, at), *y = ew_of(I, b, at);
    (void)ex_compare_type(I, tok, x->ty, y->ty, at); /* the scalar rules reject what they must */
    Ew *e = join(I, EW_CMP, ty_scalar(I->tt, KILN_BOOL, false), at, x, y, NULL);
    e->tok = tok;
    return lazy(I, e);
}

Val ew_unary(Inf *I, int tok, Val a, Node *at) {
    Ew *x = ew_of(I, a, at);
    if (tok == TK_TILDE) { /* NumPy's invert: not for bools, ~ for integers */
        if (!dt_is_intlike(x->ty->dtype)) inf_fail(I, at, "ufunc 'invert' not supported for the input types");
        return lazy(I, join(I, EW_INVERT, ew_strong(I, x->ty->weak ? ty_promote(I->tt, x->ty, x->ty) : x->ty), at, x, NULL, NULL));
    }
    if (tok != TK_MINUS && tok != TK_PLUS) inf_fail(I, at, "unary '%s' on whole arrays is not supported yet", tok_str(tok));
    if (x->ty->dtype == KILN_BOOL)
        inf_fail(I, at, "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the "
                 "logical_not function instead.");
    return tok == TK_PLUS ? lazy(I, x) : lazy(I, join(I, EW_NEG, x->ty, at, x, NULL, NULL));
}

Val ew_abs(Inf *I, Val a, Node *at) {
    Ew *x = ew_of(I, a, at);
    const Type *t = x->ty;
    if (dt_is_complex(t->dtype)) t = ty_scalar(I->tt, t->dtype == KILN_COMPLEX64 ? KILN_FLOAT32 : KILN_FLOAT64, false);
    return lazy(I, join(I, EW_ABS, t, at, x, NULL, NULL));
}

/* the element type of a float ufunc: NumPy's smallest float that holds the input exactly —
 * float32 for float32, int16 and uint16, float64 for wider ints and Python scalars. NumPy's is
 * float16 for bool, int8 and uint8; kiln has no float16 and computes those in float64 (a
 * documented deviation). float32 is computed in double and rounded once: correctly rounded where
 * libm's double is; NumPy's own SIMD float32 exp/sin/... differ in the last bit for some inputs */
static int float_bits(int d) {
    if (d == KILN_BOOL || d == KILN_INT8 || d == KILN_UINT8) return 16;
    return d == KILN_FLOAT32 || d == KILN_INT16 || d == KILN_UINT16 ? 32 : 64;
}

/* of one operand, or two: NumPy takes the first loop both operands cast to safely (so uint16
 * with int16 is float32, not the float64 of their promotion to int32); a Python scalar first
 * adopts the other's type (NEP 50) */
const Type *ew_float_result(Inf *I, const Type *x, const Type *y) {
    if (y && (x->weak || y->weak)) { x = ty_promote(I->tt, x, y); y = NULL; }
    int b = x->weak ? 64 : float_bits(x->dtype);
    if (y && float_bits(y->dtype) > b) b = float_bits(y->dtype);
    return ty_scalar(I->tt, b == 32 ? KILN_FLOAT32 : KILN_FLOAT64, false);
}

/* np.real/imag/conj of a (op OP_REAL, OP_IMAG, OP_CONJ), also a.real, a.imag, a.conj(): a
 * lazy expression (NumPy's real and imag are views; kiln's are values, not assignable) */
Val ew_part(Inf *I, Val a, int op, Node *at) {
    Ew *x = ew_of(I, a, at);
    int d = x->ty->dtype;
    const Type *t = ew_strong(I, x->ty);
    if (dt_is_complex(d) && op != OP_CONJ) t = ty_scalar(I->tt, d == KILN_COMPLEX64 ? KILN_FLOAT32 : KILN_FLOAT64, false);
    Ew *e = join(I, EW_PART, t, at, x, NULL, NULL);
    e->tok = op;
    return lazy(I, e);
}

/* np.round of complex values, as NumPy's PyArray_Round: a copy whose real and imaginary parts are set to the parts
 * rounded (a number: the two parts rounded, made one complex again) */
static Val round_complex(Inf *I, Val a, Ew *x, int64_t decimals, Node *at) {
    if (!ew_is_array(a) || x->ndim == 0) {
        Val z = ew_scalar(I, lazy(I, x), at);
        Val re = ew_round(I, ew_part(I, z, OP_REAL, at), decimals, at), im = ew_round(I, ew_part(I, z, OP_IMAG, at), decimals, at);
        Ref ops[2] = {re.r, im.r};
        return val_of(I, inf_emit(I, OP_CPLX, z.ty, ops, 2, 0));
    }
    Val src = a.ew ? ew_force(I, a, at) : a, c = cl_acopy(I, src);
    for (int k = 0; k < 2; k++)
        ew_store(I, vw_part(I, c, k, at), ew_round(I, vw_part(I, src, k, at), decimals, at), at);
    return c;
}

Val ew_round(Inf *I, Val a, int64_t decimals, Node *at);

/* np.round(a, decimals) / np.around, as NumPy's PyArray_Round computes it: integers with
 * decimals >= 0 are a copy; floats are rint(a * 10**d) / 10**d, or rint(a / 10**-d) * 10**-d for
 * d < 0, in a's own float type (a Python float factor: float32 stays float32). Lazy, so it fuses. */
Val ew_round(Inf *I, Val a, int64_t decimals, Node *at) {
    Ew *x = ew_of(I, a, at);
    int d = x->ty->dtype;
    if (d == KILN_BOOL) inf_fail(I, at, "np.round of %s values is not supported", ty_name(x->ty));
    if (dt_is_complex(d)) return round_complex(I, a, x, decimals, at);
    if (dt_is_intlike(d)) {
        if (decimals < 0) inf_fail(I, at, "np.round of integers with negative decimals is not supported");
        if (!ew_is_array(a) || x->ndim == 0) return ew_scalar(I, lazy(I, x), at); /* of a 0-d array: its item */
        return cl_acopy(I, a.ew ? ew_force(I, a, at) : a);
    }
    if (decimals > 308 || decimals < -308) inf_fail(I, at, "np.round: decimals=%lld is out of range here", (long long)decimals);
    Val v = lazy(I, x);
    const Type *fw = ty_scalar(I->tt, KILN_FLOAT64, true);
    Val f = val_of(I, inf_const_f(I, fw, pow(10.0, (double)(decimals < 0 ? -decimals : decimals))));
    if (decimals) v = ew_binop(I, decimals > 0 ? TK_STAR : TK_SLASH, v, f, at);
    Ew *r = ew_of(I, v, at);
    Ew *e = join(I, EW_MATH, ew_float_result(I, r->ty, NULL), at, r, NULL, NULL);
    e->tok = MF_RINT;
    v = lazy(I, e);
    if (decimals) v = ew_binop(I, decimals > 0 ? TK_SLASH : TK_STAR, v, f, at);
    return ew_is_array(a) ? v : ew_scalar(I, v, at);
}

/* np.sqrt & co. (math function mf of one argument, MATH_FNS) of an array (lazy) or a NumPy scalar */
Val ew_math(Inf *I, Val a, int mf, Node *at) {
    Ew *x = ew_of(I, a, at);
    Ew *e = join(I, EW_MATH, ew_float_result(I, x->ty, NULL), at, x, NULL, NULL);
    e->tok = mf;
    Val v = lazy(I, e);
    return ew_is_array(a) ? v : ew_scalar(I, v, at);
}

/* np.where(cond, a, b) of arrays or scalars: lazy, a and b promoted together */
Val ew_where(Inf *I, Val cond, Val a, Val b, Node *at) {
    Ew *x = ew_of(I, cond, at), *ea = ew_of(I, a, at), *eb = ew_of(I, b, at);
    const Type *t = ty_promote(I->tt, ea->ty, eb->ty);
    if (ea->ty->kind != T_SCALAR || eb->ty->kind != T_SCALAR || !t) inf_fail(I, at, "np.where of these values is not supported");
    return lazy(I, join(I, EW_WHERE, ew_strong(I, t), at, x, ea, eb));
}

/* np.<ufunc>(..., out=o) or with o as the last positional argument (out=(o,) too): the value computed as without it,
 * then stored into o as NumPy's ufunc writes its output (inputs broadcast to o's shape, cast with casting='same_kind');
 * the call's value is o itself */
static Val with_out(Inf *I, Node *call, int u, Node *on, bool positional) {
    const char *nm = ufuncs[u].name;
    Node c = *call;
    c.nkids = ufuncs[u].nargs;
    c.nkids2 = 0;
    if (!positional) { /* the other keywords stay (and are refused as before) */
        Node **kids2 = arena_alloc(I->a, sizeof(Node *) * (size_t)(call->nkids2 ? call->nkids2 : 1));
        const char **names = arena_alloc(I->a, sizeof(char *) * (size_t)(call->nkids2 ? call->nkids2 : 1));
        if (!kids2 || !names) inf_oom(I);
        for (int k = 0; k < call->nkids2; k++)
            if (strcmp(call->names[k], "out")) { kids2[c.nkids2] = call->kids2[k]; names[c.nkids2++] = call->names[k]; }
        c.kids2 = kids2;
        c.names = names;
    }
    Val v = ew_ufunc_call(I, &c, u);
    if (v.ty->kind == T_UNKNOWN) return v;
    if (on->kind == N_TUPLE && on->nkids == 1) on = on->kids[0];
    Val o = ex_expr(I, on);
    if (o.ty->kind == T_UNKNOWN) return o;
    if (o.ty->kind != T_ARRAY || o.ew) inf_fail(I, on, "return arrays must be of ArrayType");
    int rd = v.ty->weak ? (int)ty_promote(I->tt, v.ty, v.ty)->dtype : (int)v.ty->dtype;
    if (!dt_can_cast(rd, o.ty->dtype, CAST_SAME_KIND))
        inf_fail(I, call, "Cannot cast ufunc '%s' output from dtype('%s') to dtype('%s') with casting rule 'same_kind'", nm,
                 kiln_dtype_name((kiln_dtype)rd), kiln_dtype_name((kiln_dtype)o.ty->dtype));
    int vd = v.ty->kind == T_ARRAY ? v.ty->ndim : 0;
    if (vd > o.ty->ndim)
        inf_fail(I, on, "non-broadcastable output operand with %d dimension%s doesn't match the broadcast shape of %d dimensions",
                 o.ty->ndim, o.ty->ndim == 1 ? "" : "s", vd);
    ew_store(I, o, v, call);
    return o;
}

Val ew_ufunc_call(Inf *I, Node *call, int u) {
    const char *nm = ufuncs[u].name;
    if (ufuncs[u].kind == EW_WHERE && call->nkids == 1 && !call->nkids2) /* np.where(cond): np.nonzero */
        return so_nonzero(I, call, ex_expr(I, call->kids[0]));
    if (ufuncs[u].kind != EW_WHERE) { /* a ufunc's output (np.clip's too): out= or one more positional */
        for (int k = 0; k < call->nkids2; k++)
            if (!strcmp(call->names[k], "out")) {
                if (call->nkids > ufuncs[u].nargs) inf_fail(I, call->kids2[k], "cannot specify 'out' as both a positional and keyword argument");
                if (call->kids2[k]->kind != N_NONE) return with_out(I, call, u, call->kids2[k], false);
            }
        if (call->nkids == ufuncs[u].nargs + 1 && !call->nkids2 && call->kids[ufuncs[u].nargs]->kind != N_NONE)
            return with_out(I, call, u, call->kids[ufuncs[u].nargs], true);
    }
    if (call->nkids2)
        inf_fail(I, call->kids2[0], "np.%s(): the keyword argument '%s' is not supported here%s", nm, call->names[0],
                 ufuncs[u].kind == EW_WHERE ? "" : " (out= is)");
    if (call->nkids != ufuncs[u].nargs)
        inf_fail(I, call, "np.%s() takes %d argument%s (%d given)", nm, ufuncs[u].nargs, ufuncs[u].nargs == 1 ? "" : "s", call->nkids);
    Val args[3];
    bool any_array = false;
    for (int i = 0; i < call->nkids; i++) {
        args[i] = ex_value(I, call->kids[i]);
        if (args[i].ty->kind == T_UNKNOWN) return args[i];
        any_array |= ew_is_array(args[i]);
    }
    Ew *x = ew_of(I, args[0], call->kids[0]);
    Val v;
    switch (ufuncs[u].kind) {
    case EW_BIN: {
        Ew *e = bin_tree(I, ufuncs[u].fn, args[0], args[1], call);
        e->ufunc = true;
        v = lazy(I, e);
        break;
    }
    case EW_CMP: v = ew_compare(I, ufuncs[u].fn, args[0], args[1], call); break;
    case EW_NEG:
        if (ufuncs[u].fn == TK_PLUS && x->ty->dtype == KILN_BOOL)
            inf_fail(I, call, "ufunc 'positive' did not contain a loop with signature matching types (bool)");
        v = ew_unary(I, ufuncs[u].fn == TK_PLUS ? TK_PLUS : TK_MINUS, args[0], call);
        break;
    case EW_INVERT: v = ew_unary(I, TK_TILDE, args[0], call); break;
    case EW_CLIP: v = ew_clip(I, args[0], args[1], args[2], call); break;
    case EW_LOGIC: { /* on truth values, giving bools */
        Ew *y = ufuncs[u].nargs == 2 ? ew_of(I, args[1], call->kids[1]) : NULL;
        Ew *e = join(I, EW_LOGIC, ty_scalar(I->tt, KILN_BOOL, false), call, x, y, NULL);
        e->tok = ufuncs[u].fn;
        v = lazy(I, e);
        break;
    }
    case EW_ABS: v = ew_abs(I, args[0], call); break;
    case EW_SQUARE:
        /* NumPy squares bools in int8 (np.square(True) is np.int8(1)) */
        v = lazy(I, join(I, EW_SQUARE, x->ty->dtype == KILN_BOOL ? ty_scalar(I->tt, KILN_INT8, false)
                                     : ew_strong(I, x->ty->weak ? ty_promote(I->tt, x->ty, x->ty) : x->ty), call, x, NULL, NULL));
        break;
    case EW_FLOATTEST: case EW_MATH: case EW_ROUNDING: {
        Ew *y = ufuncs[u].nargs == 2 ? ew_of(I, args[1], call->kids[1]) : NULL;
        if (ufuncs[u].fn == MF_FMOD && dt_is_intlike(x->ty->dtype) && dt_is_intlike(y->ty->dtype)) {
            Ew *e = bin_tree(I, TK_PERCENT, args[0], args[1], call); /* NumPy's integer fmod: C's truncated remainder */
            e->ufunc = e->trunc = true;
            v = lazy(I, e);
            break;
        }
        bool cx = dt_is_complex(x->ty->dtype) || (y && dt_is_complex(y->ty->dtype));
        bool cx_test = ufuncs[u].kind == EW_FLOATTEST && ufuncs[u].fn != MF_COPYSIGN; /* isnan & co. look at both parts */
        if (cx && !cx_test && !(ufuncs[u].kind == EW_MATH && !y && rt_math_has_complex(ufuncs[u].fn)))
            inf_fail(I, call, "np.%s of complex values is not supported: NumPy's ufunc has no complex loop either", nm);
        const Type *t = ufuncs[u].kind == EW_FLOATTEST ? ty_scalar(I->tt, KILN_BOOL, false)
                      : cx ? ew_strong(I, x->ty) /* complex64 stays complex64, as in NumPy */
                      : y ? ew_float_result(I, x->ty, y->ty)
                      : ufuncs[u].kind == EW_ROUNDING && dt_is_intlike(x->ty->dtype) /* NumPy 2: ints stay ints, bools bools */
                        ? ew_strong(I, x->ty->weak ? ty_promote(I->tt, x->ty, x->ty) : x->ty)
                      : ew_float_result(I, x->ty, NULL);
        if (ufuncs[u].fn == MF_NEXTAFTER && t->dtype == KILN_FLOAT32) /* a step of float32's own ulp, not double's */
            inf_fail(I, call, "np.nextafter of float32 values is not supported yet (float64 is)");
        Ew *e = join(I, ufuncs[u].kind, t, call, x, y, NULL);
        e->tok = ufuncs[u].fn;
        v = lazy(I, e);
        break;
    }
    case EW_MAXMIN: {
        Ew *y = ew_of(I, args[1], call->kids[1]);
        const Type *t = ty_promote(I->tt, x->ty, y->ty);
        if (!t) inf_fail(I, call, "np.%s of these values is not supported", nm);
        adopt(I, TK_PLUS, x, y, call);
        Ew *e = join(I, EW_MAXMIN, ew_strong(I, t), call, x, y, NULL);
        e->tok = ufuncs[u].fn;
        v = lazy(I, e);
        break;
    }
    case EW_SIGN:
        if (dt_is_complex(x->ty->dtype) || x->ty->dtype == KILN_BOOL) inf_fail(I, call, "np.sign of %s values is not supported", ty_name(x->ty));
        v = lazy(I, join(I, EW_SIGN, ew_strong(I, x->ty->weak ? ty_promote(I->tt, x->ty, x->ty) : x->ty), call, x, NULL, NULL));
        break;
    case EW_PART: /* np.real(a) / np.imag(a) of an array: its a.real / a.imag, a view */
        if (ufuncs[u].fn != OP_CONJ && args[0].ty->kind == T_ARRAY && !args[0].ew) v = vw_part(I, args[0], ufuncs[u].fn == OP_IMAG, call);
        else v = ew_part(I, args[0], ufuncs[u].fn, call);
        break;
    default: { /* where(cond, x, y): x and y promote together; cond by truth value */
        Ew *a = ew_of(I, args[1], call->kids[1]), *b = ew_of(I, args[2], call->kids[2]);
        const Type *t = ty_promote(I->tt, a->ty, b->ty);
        if (a->ty->kind != T_SCALAR || b->ty->kind != T_SCALAR || !t) inf_fail(I, call, "np.where of these values is not supported");
        return lazy(I, join(I, EW_WHERE, ew_strong(I, t), call, x, a, b)); /* np.where of scalars is a 0-d array */
    }
    }
    if (v.ew && v.ew != x && (v.ew->kind == EW_NEG || v.ew->kind == EW_INVERT || v.ew->kind == EW_ABS))
        v.ew->ufunc = true; /* np.negative(t) never computes into a temporary t, -t may (fuse.c reuse_flags) */
    return any_array ? v : ew_scalar(I, v, call);
}

/* a tree of scalars, computed with NumPy's element rules: a NumPy scalar (np.abs(7) is np.int64(7),
 * not a Python int), no loop */
