/*
 * fuse.c — lowering an elementwise tree (ewise.h, built by ewise.c) where its value is needed
 * as a whole: the broadcast shape from the leaves' shapes (NumPy's rule: axes aligned from the
 * right, a length-1 axis stretches, other mismatches raise ValueError), one result array (or a
 * store into an existing one, copying first where the destination overlaps an operand), and one
 * loop nest that evaluates the whole tree per element with NumPy's element semantics; a
 * reduction whose order cannot change its value is fused into the same loop.
 */
#include "ewise.h"
#include "../ir/lib.h"
#include "../rt/arith.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

/* the one element of a tree without axes (a value already computed is itself) */
Val ew_scalar(Inf *I, Val v, Node *at) {
    if (!v.ew) return v;
    return ex_coerce(I, ew_elem(I, v.ew, NULL, 0, NULL, 0), ew_strong(I, v.ew->ty), at);
}

/* ---- lowering a tree: shape, allocation, one loop nest ---- */

/* an array operand; mask[j]: 1 where axis j runs with the loop, 0 where it stretches (the index is
 * i * mask: an affine index with an invariant step, which LLVM's vectorizer versions on step == 1);
 * 0 as a Ref: no mask, the index is i */
/* use: what the loads read (0: v); gathered: read at other positions than the one written (EW_TAKE) */
struct Leaf { Val v; Ref use; bool gathered; Ref dim[KILN_MAXDIM], mask[KILN_MAXDIM]; };

static void leaves(Ew *e, Leaf *out, int *n, int cap, Inf *I) {
    if (!e) return;
    if (e->kind == EW_LEAF) {
        if (e->leaf.ty->kind != T_ARRAY) return;
        if (*n == cap) inf_fail(I, e->at, "array expression with more than %d array operands", cap);
        memset(&out[*n], 0, sizeof out[*n]);
        out[(*n)++].v = e->leaf;
        return;
    }
    for (int i = 0; i < 3; i++) leaves(e->k[i], out, n, cap, I);
}


/* dims[k] of the broadcast shape; raises ValueError where two lengths differ and neither is 1.
 * Each leaf axis gets a mask: 1 where it runs with the loop, 0 where it stretches.
 * Returns whether no axis stretches (then the loops index every operand directly). */
static Ref broadcast(Inf *I, Leaf *lv, int nl, int nd, Ref *dims) {
    Ref one = inf_const_i(I, inf_i64(I), 1), bad = inf_const_i(I, inf_bool(I), 0);
    for (int k = 0; k < nd; k++) {
        Ref d = one;
        for (int l = 0; l < nl; l++) {
            int m = lv[l].v.ty->ndim, j = k - (nd - m);
            if (j < 0) continue;
            Ref x = lv[l].dim[j] = inf_emit(I, OP_DIM, inf_i64(I), &lv[l].v.r, 1, j);
            Ref xn1 = inf_op2(I, OP_NE, inf_bool(I), x, one);
            Ref clash = inf_op2(I, OP_AND, inf_bool(I), inf_op2(I, OP_AND, inf_bool(I), xn1, inf_op2(I, OP_NE, inf_bool(I), d, one)),
                              inf_op2(I, OP_NE, inf_bool(I), x, d));
            bad = inf_op2(I, OP_OR, inf_bool(I), bad, clash);
            Ref ops[3] = {xn1, x, d};
            d = inf_emit(I, OP_SELECT, inf_i64(I), ops, 3, 0);
            lv[l].mask[j] = inf_emit(I, OP_CAST, inf_i64(I), &xn1, 1, 0); /* 1 or 0 */
        }
        dims[k] = d;
    }
    st_raise_if(I, bad, "ValueError", "operands could not be broadcast together");
    Ref same = inf_const_i(I, inf_bool(I), 1);
    for (int l = 0; l < nl; l++) {
        int m = lv[l].v.ty->ndim;
        for (int j = 0; j < m; j++)
            same = inf_op2(I, OP_AND, inf_bool(I), same, inf_op2(I, OP_EQ, inf_bool(I), lv[l].dim[j], dims[j + nd - m]));
    }
    return same;
}

static Val leaf_elem(Inf *I, Ew *e, Leaf *lv, int nl, const Ref *iv, int nd) {
    if (e->leaf.ty->kind != T_ARRAY) return e->leaf;
    Leaf *L = NULL;
    for (int l = 0; l < nl && !L; l++)
        if (lv[l].v.r == e->leaf.r) L = &lv[l];
    int m = e->leaf.ty->ndim;
    Ref ix[KILN_MAXDIM];
    for (int j = 0; j < m; j++) ix[j] = L->mask[j] ? inf_op2(I, OP_MUL, inf_i64(I), iv[j + nd - m], L->mask[j]) : iv[j + nd - m];
    return val_of(I, inf_load(I, L->use ? L->use : e->leaf.r, e->ty, ix, m));
}

/* operations and array operands of a tree, for kiln explain */
static void census(const Ew *e, int *ops, int *arrays) {
    if (!e) return;
    if (e->kind == EW_LEAF) { *arrays += e->leaf.ty->kind == T_ARRAY; return; }
    ++*ops;
    for (int i = 0; i < 3; i++) census(e->k[i], ops, arrays);
}

/* the fusion decision for kiln explain; into: the assignment target's type, or NULL for a new array */
static void note_fusion(Inf *I, const Ew *e, Node *at, const Type *into) {
    int ops = 0, arrays = 0;
    census(e, &ops, &arrays);
    char b[240], t[64];
    ty_str(into ? into : e->ty, t, sizeof t);
    int n = snprintf(b, sizeof b, "line %d:%d: %d elementwise operation%s over %d array%s fused into one loop nest of rank %d ",
                     at->line, at->col, ops, ops == 1 ? "" : "s", arrays, arrays == 1 ? "" : "s", into ? into->ndim : e->ndim);
    snprintf(b + n, sizeof b - (size_t)n, into ? "writing into an %s target (a temporary only where an operand overlaps it)"
                                               : "(one %s result, no temporaries)", t);
    char *s = arena_strndup(I->a, b, strlen(b));
    if (!s || !vec_push(I->a, I->f->notes, (const char *)s)) inf_oom(I);
}

static Val numpy_flag(Inf *I, Val v) {
    I->f->ins.v[v.r].flags |= INS_NUMPY;
    return v;
}

/* // % ** << >> with NumPy's element rules: x // 0 and x % 0 are 0 for integers, inf/nan for floats
 * (Python's formulas otherwise: floored, the sign of the divisor); float ** is C's pow; an integer
 * to a negative integer power raises ValueError as NumPy does; a shift count outside the type's
 * width gives 0 (-1 for a negative number shifted right) */
static Val numpy_arith(Inf *I, Ew *e, Val a, Val b) {
    const Type *t = e->ty, *bt = ty_scalar(I->tt, KILN_BOOL, false);
    Ref x = ex_coerce(I, a, t, e->at).r, y = ex_coerce(I, b, t, e->at).r;
    if (e->tok == TK_POW) {
        if (dt_is_float(t->dtype)) {
            const Type *f64 = ty_scalar(I->tt, KILN_FLOAT64, false);
            Ref ops[2] = {ex_coerce(I, val_of(I, x), f64, e->at).r, ex_coerce(I, val_of(I, y), f64, e->at).r};
            Val r = numpy_flag(I, val_of(I, inf_emit(I, OP_MATH, f64, ops, 2, MF_POW)));
            if (e->k[1]->ndim == 0) { /* NumPy's power loop with one exponent: 0.5 is sqrt, -1 is 1 / x, 2 is x * x */
                Val sq = numpy_flag(I, val_of(I, inf_emit(I, OP_MATH, f64, ops, 1, MF_SQRT)));
                Val rc = numpy_flag(I, val_of(I, inf_op2(I, OP_DIV, f64, inf_const_f(I, f64, 1.0), ops[0])));
                Ref x2 = inf_op2(I, OP_MUL, f64, ops[0], ops[0]);
                Ref half = inf_op2(I, OP_EQ, bt, ops[1], inf_const_f(I, f64, 0.5));
                Ref minus1 = inf_op2(I, OP_EQ, bt, ops[1], inf_const_f(I, f64, -1.0));
                Ref two = inf_op2(I, OP_EQ, bt, ops[1], inf_const_f(I, f64, 2.0));
                r = val_of(I, inf_sel(I, f64, half, sq.r, inf_sel(I, f64, minus1, rc.r, inf_sel(I, f64, two, x2, r.r))));
            }
            return ex_coerce(I, r, t, e->at);
        }
        Val r = val_of(I, inf_op2(I, OP_POW, t, x, y));
        if (!dt_is_complex(t->dtype)) return r;
        /* NumPy's complex power: nan, not ZeroDivisionError. `**` with a Python int exponent 2 or -1
         * takes ndarray's fast paths square and reciprocal (aux 1), with a Python float 0.5 sqrt
         * (aux 2); np.power and NumPy scalar exponents do not */
        const Type *et = e->k[1]->ty;
        if (!e->ufunc && e->k[1]->ndim == 0 && et->weak && (dt_is_int(et->dtype) || et->dtype == KILN_FLOAT64))
            I->f->ins.v[r.r].aux = dt_is_int(et->dtype) ? 1 : 2;
        return numpy_flag(I, r);
    }
    if (e->tok == TK_SHL || e->tok == TK_SHR) { /* a count outside [0, bits): 0, or -1 for a negative a shifted right */
        Ref zero = inf_const_i(I, t, 0);
        Ref ok = inf_op2(I, OP_AND, bt, inf_op2(I, OP_GE, bt, y, zero), inf_op2(I, OP_LT, bt, y, inf_const_i(I, t, dt_bits(t->dtype))));
        Ref o1[3] = {ok, y, zero};
        Ref r = inf_op2(I, e->tok == TK_SHL ? OP_SHL : OP_SHR, t, x, inf_emit(I, OP_SELECT, t, o1, 3, 0));
        Ref out = zero;
        if (e->tok == TK_SHR && dt_is_signed(t->dtype)) {
            Ref o2[3] = {inf_op2(I, OP_LT, bt, x, zero), inf_const_i(I, t, -1), zero};
            out = inf_emit(I, OP_SELECT, t, o2, 3, 0);
        }
        Ref o3[3] = {ok, r, out};
        return val_of(I, inf_emit(I, OP_SELECT, t, o3, 3, 0));
    }
    Ref zero = inf_const_i(I, t, 0), isz = inf_op2(I, OP_EQ, bt, y, zero);
    Ref ops[3] = {isz, inf_const_i(I, t, 1), y};
    Ref safe = inf_emit(I, OP_SELECT, t, ops, 3, 0);
    Ref r = inf_op2(I, e->tok == TK_FLOORDIV ? OP_FLOORDIV : OP_MOD, t, x, safe);
    if (e->trunc && dt_is_signed(t->dtype)) { /* the floored remainder, moved to the dividend's sign */
        Ref off = inf_op2(I, OP_AND, bt, inf_op2(I, OP_NE, bt, r, zero),
                          inf_op2(I, OP_NE, bt, inf_op2(I, OP_LT, bt, r, zero), inf_op2(I, OP_LT, bt, x, zero)));
        r = inf_sel(I, t, off, inf_op2(I, OP_SUB, t, r, safe), r);
    }
    Ref at0 = zero;
    if (dt_is_float(t->dtype)) {
        at0 = inf_op2(I, OP_DIV, t, x, y);
        I->f->ins.v[at0].flags |= INS_NUMPY;
        /* x % 0.0 is NumPy's fmod(x, 0.0): x itself if a NaN, else the CPU's default NaN, which on
         * x86-64 has its sign bit set (np.copysign shows it) */
        if (e->tok == TK_PERCENT) at0 = inf_sel(I, t, inf_op2(I, OP_NE, bt, x, x), x, inf_const_f(I, t, -NAN));
    }
    Ref o2[3] = {isz, at0, r};
    return val_of(I, inf_emit(I, OP_SELECT, t, o2, 3, 0));
}

/* complex a / b by NumPy's formula (Smith's, scaled by the reciprocal of the denominator, which
 * rounds differently from CPython's complex division); b == 0 gives inf/nan parts */
static Val complex_div(Inf *I, Ew *e, Val a, Val b) {
    const Type *t = e->ty, *ft = ty_scalar(I->tt, t->dtype == KILN_COMPLEX64 ? KILN_FLOAT32 : KILN_FLOAT64, false);
    const Type *bt = ty_scalar(I->tt, KILN_BOOL, false);
    Ref x = ex_coerce(I, a, t, e->at).r, y = ex_coerce(I, b, t, e->at).r;
    Ref ar = inf_emit(I, OP_REAL, ft, &x, 1, 0), ai = inf_emit(I, OP_IMAG, ft, &x, 1, 0);
    Ref br = inf_emit(I, OP_REAL, ft, &y, 1, 0), bi = inf_emit(I, OP_IMAG, ft, &y, 1, 0);
    Ref abr = inf_emit(I, OP_ABS, ft, &br, 1, 0), abi = inf_emit(I, OP_ABS, ft, &bi, 1, 0);
#define F2(op, p, q) inf_op2(I, op, ft, p, q)
#define DIVN(p, q) numpy_flag(I, val_of(I, F2(OP_DIV, p, q))).r
    Ref one = inf_const_f(I, ft, 1.0), zero = inf_const_f(I, ft, 0.0);
    /* |br| >= |bi|: rat = bi / br, scl = 1 / (br + bi * rat) */
    Ref rat1 = DIVN(bi, br), scl1 = DIVN(one, F2(OP_ADD, br, F2(OP_MUL, bi, rat1)));
    Ref r1 = F2(OP_MUL, F2(OP_ADD, ar, F2(OP_MUL, ai, rat1)), scl1), i1 = F2(OP_MUL, F2(OP_SUB, ai, F2(OP_MUL, ar, rat1)), scl1);
    /* both zero: the parts over |br| (inf or nan) */
    Ref r0 = DIVN(ar, abr), i0 = DIVN(ai, abr);
    /* otherwise: rat = br / bi, scl = 1 / (bi + br * rat) */
    Ref rat2 = DIVN(br, bi), scl2 = DIVN(one, F2(OP_ADD, bi, F2(OP_MUL, br, rat2)));
    Ref r2 = F2(OP_MUL, F2(OP_ADD, F2(OP_MUL, ar, rat2), ai), scl2), i2 = F2(OP_MUL, F2(OP_SUB, F2(OP_MUL, ai, rat2), ar), scl2);
#undef F2
#undef DIVN
    Ref ge = inf_op2(I, OP_GE, bt, abr, abi);
    Ref both0 = inf_op2(I, OP_AND, bt, inf_op2(I, OP_EQ, bt, abr, zero), inf_op2(I, OP_EQ, bt, abi, zero));
    Ref s1[3] = {both0, r0, r1}, s2[3] = {both0, i0, i1};
    Ref re = inf_emit(I, OP_SELECT, ft, s1, 3, 0), im = inf_emit(I, OP_SELECT, ft, s2, 3, 0);
    Ref s3[3] = {ge, re, r2}, s4[3] = {ge, im, i2};
    Ref parts[2] = {inf_emit(I, OP_SELECT, ft, s3, 3, 0), inf_emit(I, OP_SELECT, ft, s4, 3, 0)};
    return val_of(I, inf_emit(I, OP_CPLX, t, parts, 2, 0));
}

static Val elem_of(Inf *I, Ew *e, Leaf *lv, int nl, const Ref *iv, int nd);

/* one element of e's value, typed as e says: the scalar rules give a comparison a Python bool
 * (weak), which must not make the operator above it promote as a Python scalar would
 * (g_uint16 | ((s > 0) | 70000) is int64, not uint16); a scalar leaf stays what it is */
Val ew_elem(Inf *I, Ew *e, Leaf *lv, int nl, const Ref *iv, int nd) {
    if (e->kind == EW_LEAF) return leaf_elem(I, e, lv, nl, iv, nd);
    return ex_coerce(I, elem_of(I, e, lv, nl, iv, nd), e->ty, e->at);
}

static Val elem_of(Inf *I, Ew *e, Leaf *lv, int nl, const Ref *iv, int nd) {
    Val a = ew_elem(I, e->k[0], lv, nl, iv, nd);
    Node *at = e->at;
    switch (e->kind) {
    case EW_BIN: {
        Val b = ew_elem(I, e->k[1], lv, nl, iv, nd);
        if (e->ty->dtype == KILN_BOOL && (e->tok == TK_PLUS || e->tok == TK_STAR))
            return val_of(I, inf_op2(I, e->tok == TK_PLUS ? OP_OR : OP_AND, e->ty, ex_coerce(I, a, e->ty, at).r, ex_coerce(I, b, e->ty, at).r));
        if (e->tok == TK_FLOORDIV || e->tok == TK_PERCENT || e->tok == TK_POW || e->tok == TK_SHL || e->tok == TK_SHR)
            return numpy_arith(I, e, a, b);
        if (e->tok == TK_SLASH && dt_is_complex(e->ty->dtype)) return complex_div(I, e, a, b);
        Val r = ex_binop(I, e->tok, a, b, at, NULL);
        if (e->tok == TK_SLASH) numpy_flag(I, r);
        /* a complex product of arrays is NumPy's elementwise loop's (fused multiply-adds where the CPU has them) */
        if (e->tok == TK_STAR && dt_is_complex(e->ty->dtype) && I->f->ins.v[r.r].op == OP_MUL) numpy_flag(I, r);
        return r;
    }
    case EW_CMP: return ex_compare(I, e->tok, a, ew_elem(I, e->k[1], lv, nl, iv, nd), at);
    case EW_NEG: return val_of(I, inf_emit(I, OP_NEG, a.ty, &a.r, 1, 0));
    case EW_INVERT: {
        Val x = ex_coerce(I, a, e->ty, at);
        return val_of(I, inf_emit(I, e->ty->dtype == KILN_BOOL ? OP_NOT : OP_INV, e->ty, &x.r, 1, 0));
    }
    case EW_LOGIC: {
        Ref x = ex_truth(I, a, at);
        if (e->tok == OP_NOT) return val_of(I, inf_emit(I, OP_NOT, e->ty, &x, 1, 0));
        Ref y = ex_truth(I, ew_elem(I, e->k[1], lv, nl, iv, nd), at);
        return val_of(I, inf_op2(I, e->tok, e->ty, x, y));
    }
    case EW_ABS: return numpy_flag(I, val_of(I, inf_emit(I, OP_ABS, e->ty, &a.r, 1, 0))); /* complex: NumPy's cabs */
    case EW_SQUARE: a = ex_coerce(I, a, e->ty, at); return numpy_flag(I, val_of(I, inf_op2(I, OP_MUL, e->ty, a.r, a.r)));
    case EW_FLOATTEST:
        if (e->tok == MF_COPYSIGN) { /* np.signbit: the sign copysign reads, so -0.0 and -nan count */
            const Type *bt = ty_scalar(I->tt, KILN_BOOL, false);
            if (!dt_is_float(a.ty->dtype)) return val_of(I, dt_is_signed(a.ty->dtype) ? inf_op2(I, OP_LT, bt, a.r, inf_const_i(I, a.ty, 0))
                                                                                  : inf_const_i(I, bt, 0));
            const Type *f64 = ty_scalar(I->tt, KILN_FLOAT64, false); /* float32 widens with its sign, NaNs' too */
            Ref ops[2] = {inf_const_f(I, f64, 1.0), ex_coerce(I, a, f64, at).r};
            return val_of(I, inf_op2(I, OP_LT, bt, inf_emit(I, OP_MATH, f64, ops, 2, MF_COPYSIGN), inf_const_f(I, f64, 0.0)));
        }
        if (dt_is_complex(a.ty->dtype)) { /* NumPy: isnan/isinf of either part; isfinite of both */
            const Type *ft = ty_scalar(I->tt, a.ty->dtype == KILN_COMPLEX64 ? KILN_FLOAT32 : KILN_FLOAT64, false);
            Ref re = cl_float_test(I, e->tok, val_of(I, inf_emit(I, OP_REAL, ft, &a.r, 1, 0)), e->ty);
            Ref im = cl_float_test(I, e->tok, val_of(I, inf_emit(I, OP_IMAG, ft, &a.r, 1, 0)), e->ty);
            return val_of(I, inf_op2(I, e->tok == MF_ISFINITE ? OP_AND : OP_OR, e->ty, re, im));
        }
        if (!dt_is_float(a.ty->dtype)) /* integers and bools are finite numbers */
            return val_of(I, inf_const_i(I, e->ty, e->tok == MF_ISFINITE));
        return val_of(I, cl_float_test(I, e->tok, a, e->ty));
    case EW_MATH: case EW_ROUNDING: {
        if (e->kind == EW_ROUNDING && dt_is_intlike(e->ty->dtype)) return ex_coerce(I, a, e->ty, at);
        if (dt_is_complex(e->ty->dtype)) {
            Ref z = ex_coerce(I, a, e->ty, at).r;
            return numpy_flag(I, val_of(I, inf_emit(I, OP_MATH, e->ty, &z, 1, e->tok)));
        }
        const Type *f64 = ty_scalar(I->tt, KILN_FLOAT64, false);
        Ref ops[2] = {ex_coerce(I, a, f64, at).r, 0};
        if (e->k[1]) ops[1] = ex_coerce(I, ew_elem(I, e->k[1], lv, nl, iv, nd), f64, at).r;
        Val r = numpy_flag(I, val_of(I, inf_emit(I, OP_MATH, f64, ops, e->k[1] ? 2 : 1, e->tok)));
        if ((e->tok == MF_LOG || e->tok == MF_LOG2) && e->ty->dtype == KILN_FLOAT64) {
            /* NumPy 2.4's float64 log and log2 loops answer x < 0 with +nan; libm's is -nan (the sign
             * shows through np.copysign and np.signbit) */
            Ref neg = inf_op2(I, OP_LT, ty_scalar(I->tt, KILN_BOOL, false), ops[0], inf_const_f(I, f64, 0.0));
            r = val_of(I, inf_sel(I, f64, neg, inf_const_f(I, f64, NAN), r.r));
        }
        return ex_coerce(I, r, e->ty, at); /* float32: computed in double, rounded once */
    }
    case EW_MAXMIN: { /* NumPy: NaN wins; of equal values (0.0 and -0.0) the second */
        Val x = ex_coerce(I, a, e->ty, at), y = ex_coerce(I, ew_elem(I, e->k[1], lv, nl, iv, nd), e->ty, at);
        if (e->tie_first) { Val t = x; x = y; y = t; } /* then y wins only where it is beyond x, or NaN */
        const Type *bt = ty_scalar(I->tt, KILN_BOOL, false);
        if (dt_is_complex(e->ty->dtype)) { /* NumPy: x if x has a NaN part or x >= y (<= for minimum) in its order */
            const Type *ft = ty_scalar(I->tt, e->ty->dtype == KILN_COMPLEX64 ? KILN_FLOAT32 : KILN_FLOAT64, false);
            Ref xr = inf_emit(I, OP_REAL, ft, &x.r, 1, 0), xi = inf_emit(I, OP_IMAG, ft, &x.r, 1, 0);
            Ref yr = inf_emit(I, OP_REAL, ft, &y.r, 1, 0), yi = inf_emit(I, OP_IMAG, ft, &y.r, 1, 0);
            Ref nan = inf_op2(I, OP_OR, bt, inf_op2(I, OP_NE, bt, xr, xr), inf_op2(I, OP_NE, bt, xi, xi));
            Ref c = inf_op2(I, OP_OR, bt, nan, ex_complex_order(I, e->tok ? TK_GE : TK_LE, x, y));
            Ref parts[2] = {inf_sel(I, ft, c, xr, yr), inf_sel(I, ft, c, xi, yi)};
            return val_of(I, inf_emit(I, OP_CPLX, e->ty, parts, 2, 0));
        }
        Ref c = inf_op2(I, e->tok ? OP_GT : OP_LT, bt, x.r, y.r);
        if (dt_is_float(e->ty->dtype)) c = inf_op2(I, OP_OR, bt, c, inf_op2(I, OP_NE, bt, x.r, x.r));
        Ref ops[3] = {c, x.r, y.r};
        return val_of(I, inf_emit(I, OP_SELECT, e->ty, ops, 3, 0));
    }
    case EW_SIGN: { /* -1, 0 or 1; NaN stays NaN, -0.0 gives 0.0 */
        Val x = ex_coerce(I, a, e->ty, at);
        const Type *bt = ty_scalar(I->tt, KILN_BOOL, false);
        Ref zero = inf_const_i(I, e->ty, 0), one = inf_const_i(I, e->ty, 1), m1 = inf_const_i(I, e->ty, -1);
        Ref o1[3] = {inf_op2(I, OP_LT, bt, x.r, zero), m1, dt_is_float(e->ty->dtype) ? x.r : zero};
        Ref r = inf_emit(I, OP_SELECT, e->ty, o1, 3, 0);
        if (dt_is_float(e->ty->dtype)) { /* the remaining non-negative, non-NaN values: 0.0 */
            Ref o0[3] = {inf_op2(I, OP_EQ, bt, x.r, zero), zero, r};
            r = inf_emit(I, OP_SELECT, e->ty, o0, 3, 0);
        }
        Ref o2[3] = {inf_op2(I, OP_GT, bt, x.r, zero), one, r};
        return val_of(I, inf_emit(I, OP_SELECT, e->ty, o2, 3, 0));
    }
    case EW_TAKE: {
        Val j = ex_coerce(I, a, inf_i64(I), at);
        Ref ops[2] = {e->leaf.r, j.r};
        Ref b = inf_emit(I, OP_BOUND, inf_i64(I), ops, 2, 0);
        if (!I->env->opt->boundscheck) I->f->ins.v[b].flags |= BOUND_NOCHECK;
        return val_of(I, inf_load(I, e->leaf.r, e->ty, &b, 1));
    }
    case EW_PART:
        if (!dt_is_complex(a.ty->dtype)) /* real numbers: real and conj are the value, imag is 0 */
            return e->tok == OP_IMAG ? val_of(I, inf_const_i(I, e->ty, 0)) : ex_coerce(I, a, e->ty, at);
        return val_of(I, inf_emit(I, e->tok, e->ty, &a.r, 1, 0));
    case EW_WHERE: {
        Ref c = ex_truth(I, a, at);
        Val x = ex_coerce(I, ew_elem(I, e->k[1], lv, nl, iv, nd), e->ty, at);
        Val y = ex_coerce(I, ew_elem(I, e->k[2], lv, nl, iv, nd), e->ty, at);
        Ref ops[3] = {c, x.r, y.r};
        return val_of(I, inf_emit(I, OP_SELECT, e->ty, ops, 3, 0));
    }
    }
    inf_fail(I, at, "internal error: array expression node %d", e->kind);
}

/* where the innermost loop puts each element: stored into out, converted to its element type
 * (an assignment target may differ from the tree's), or, out 0, combined into the accumulator
 * variable acc of type acc_t by reduction `kind` (rt/reduce.h) */
typedef struct Store { Ew *e; Leaf *lv; int nl, nd; Ref out; Node *at; int kind; Node *acc; const Type *acc_t; } Store;

static Ref accumulate(Inf *I, Store *q, Val x) {
    const Type *t = q->acc_t, *bt = ty_scalar(I->tt, KILN_BOOL, false);
    Ref c = inf_read_name(I, q->acc).r;
    if (q->kind == RK_ALL || q->kind == RK_ANY)
        return inf_op2(I, q->kind == RK_ALL ? OP_AND : OP_OR, t, c, ex_truth(I, x, q->at));
    Ref v = ex_coerce(I, x, t, q->at).r;
    if (q->kind == RK_SUM) return inf_op2(I, OP_ADD, t, c, v);
    if (q->kind == RK_PROD) return inf_op2(I, OP_MUL, t, c, v);
    /* max/min: NaN wins and stays; of equal values the later (rt/reduce.c's FSTEP) */
    Ref take = inf_op2(I, q->kind == RK_MAX ? OP_GE : OP_LE, bt, v, c);
    if (dt_is_float(t->dtype)) {
        take = inf_op2(I, OP_OR, bt, take, inf_op2(I, OP_NE, bt, v, v));
        Ref keep = inf_op2(I, OP_NE, bt, c, c);
        take = inf_op2(I, OP_AND, bt, take, inf_emit(I, OP_NOT, bt, &keep, 1, 0));
    }
    Ref ops[3] = {take, v, c};
    return inf_emit(I, OP_SELECT, t, ops, 3, 0);
}

static void store_elem(Inf *I, const Ref *iv, void *p) {
    Store *q = p;
    if (!q->out) {
        inf_assign(I, q->acc, val_of(I, accumulate(I, q, ew_elem(I, q->e, q->lv, q->nl, iv, q->nd))));
        return;
    }
    const Type *et = ty_scalar(I->tt, I->f->ins.v[q->out].ty->dtype, false);
    Val x = ew_elem(I, q->e, q->lv, q->nl, iv, q->nd), v = ex_coerce(I, x, et, q->at);
    /* an array's floats into an integer array: NumPy's cast loop, no Python exception for NaN or
     * out-of-range values (a scalar stored everywhere was converted before the loop, as int() would) */
    if (v.r != x.r && dt_is_float(x.ty->dtype) && dt_is_int(et->dtype)) I->f->ins.v[v.r].flags |= INS_NUMPY;
    inf_store(I, q->out, v.r, iv, q->nd);
}

/* a store nest's iterations write distinct elements of a target no operand overlaps (ew_store's
 * direct path is taken only then): independent; a reduction's carry its accumulator */
static void nest(Inf *I, Store *q, const Ref *dims, Ref *iv) { st_nest(I, q->at, "ew", dims, q->nd, iv, store_elem, q, q->out != 0); }

/* a view of array a's memory as an array of dtype dt whose innermost stride is dt's size, a constant (rev: a's axes
 * reversed, the new innermost being a's first): with parts, a complex array's float parts (its innermost axis twice
 * as long: real, imaginary, real, ...) */
static Ref unit_view(Inf *I, Ref a, int dt, bool parts, bool rev) {
    const Type *t = I->f->ins.v[a].ty;
    int nd = t->ndim;
    Ref ops[2 + 2 * KILN_MAXDIM];
    ops[0] = a; ops[1] = inf_const_i(I, inf_i64(I), 0);
    for (int k = 0; k < nd; k++) {
        int ax = rev ? nd - 1 - k : k;
        ops[2 + k] = inf_emit(I, OP_DIM, inf_i64(I), &a, 1, ax);
        if (parts && k == nd - 1) ops[2 + k] = inf_op2(I, OP_MUL, inf_i64(I), ops[2 + k], inf_const_i(I, inf_i64(I), 2));
        ops[2 + nd + k] = k == nd - 1 ? inf_const_i(I, inf_i64(I), (int64_t)kiln_dtype_size((kiln_dtype)dt))
                                      : inf_emit(I, OP_STRIDE, inf_i64(I), &a, 1, ax);
    }
    return inf_emit(I, OP_MKVIEW, ty_array(I->tt, dt, nd, rev ? LAYOUT_ANY : t->layout), ops, (uint32_t)(2 + 2 * nd), 0);
}

/* the array itself, or where its innermost stride is known to be the item size, a view saying so
 * with a constant: tier 2 then sees unit-stride accesses it can vectorize (slices of C arrays,
 * u[1:-1, 2:], have "any" layout and runtime strides) */
static Ref unit_inner(Inf *I, Ref a) {
    const Type *t = I->f->ins.v[a].ty;
    return t->layout == LAYOUT_C || t->ndim == 0 ? a : unit_view(I, a, t->dtype, false, false);
}

/* whether array a's stride along axis ax is its item size (the innermost always, for a C array), and acc */
static Ref unit_stride(Inf *I, Ref a, int ax, Ref acc) {
    const Type *t = I->f->ins.v[a].ty;
    if (t->ndim == 0 || (t->layout == LAYOUT_C && ax == t->ndim - 1)) return acc;
    Ref s = inf_emit(I, OP_STRIDE, inf_i64(I), &a, 1, ax);
    Ref u = inf_op2(I, OP_EQ, inf_bool(I), s, inf_const_i(I, inf_i64(I), (int64_t)kiln_dtype_size((kiln_dtype)t->dtype)));
    return inf_op2(I, OP_AND, inf_bool(I), acc, u);
}

/* whether array a's innermost stride is its item size */
static Ref inner_is_unit(Inf *I, Ref a, Ref acc) { return unit_stride(I, a, I->f->ins.v[a].ty->ndim - 1, acc); }

/* whether tree e computes each part of a complex result from the same part of its operands
 * alone: + - and negation of complex arrays of one dtype dt (NumPy's complex add, subtract and
 * negative are those of the parts, exactly) */
static bool parts_apart(const Ew *e, int dt) {
    if (!e || e->ty->dtype != dt) return false;
    switch (e->kind) {
    case EW_LEAF: return e->leaf.ty->kind == T_ARRAY && e->leaf.ty->dtype == dt;
    case EW_NEG: return parts_apart(e->k[0], dt);
    case EW_BIN: return (e->tok == TK_PLUS || e->tok == TK_MINUS) && !e->ufunc && parts_apart(e->k[0], dt) && parts_apart(e->k[1], dt);
    default: return false;
    }
}

/* a complex array with a unit innermost stride seen as its parts */
static Ref flat_parts(Inf *I, Ref a) {
    return unit_view(I, a, I->f->ins.v[a].ty->dtype == KILN_COMPLEX64 ? KILN_FLOAT32 : KILN_FLOAT64, true, false);
}

/* tree e with every node's element type the part's and every leaf its flat_parts view (a copy in the arena) */
static Ew *parts_tree(Inf *I, const Ew *e, const Type *pt, const Leaf *lv, const Leaf *pl, int nl) {
    Ew *c = arena_alloc(I->a, sizeof *c);
    if (!c) inf_oom(I);
    *c = *e;
    c->ty = pt;
    if (e->kind == EW_LEAF) {
        for (int l = 0; l < nl; l++)
            if (lv[l].v.r == e->leaf.r) c->leaf = pl[l].v;
        return c;
    }
    for (int i = 0; i < 3; i++)
        if (e->k[i]) c->k[i] = parts_tree(I, e->k[i], pt, lv, pl, nl);
    return c;
}

/* the fast loops of lower_to over the parts of complex arrays, when parts_apart says the result's
 * parts are those of the same operation on the operands' parts: one loop of float additions,
 * which tier 2 vectorizes as it does float64's (a complex loop it splits and interleaves back) */
static bool lower_parts(Inf *I, Store *q, const Ref *dims) {
    int dt = q->e->ty->dtype;
    if (!dt_is_complex(dt) || !q->out || I->f->ins.v[q->out].ty->dtype != dt || !parts_apart(q->e, dt)) return false;
    Leaf pl[MAX_LEAVES];
    for (int l = 0; l < q->nl; l++) {
        memset(&pl[l], 0, sizeof pl[l]);
        pl[l].v = val_of(I, flat_parts(I, q->lv[l].v.r));
    }
    const Type *pt = ty_scalar(I->tt, dt == KILN_COMPLEX64 ? KILN_FLOAT32 : KILN_FLOAT64, false);
    Ew *pe = parts_tree(I, q->e, pt, q->lv, pl, q->nl);
    Ref pd[KILN_MAXDIM], iv[KILN_MAXDIM];
    memcpy(pd, dims, sizeof(Ref) * (size_t)q->nd);
    pd[q->nd - 1] = inf_op2(I, OP_MUL, inf_i64(I), dims[q->nd - 1], inf_const_i(I, inf_i64(I), 2));
    Store p = *q;
    p.e = pe; p.lv = pl; p.out = flat_parts(I, q->out);
    nest(I, &p, pd, iv);
    return true;
}

/* whether the stores of q may run over its arrays' axes reversed: a target and operands of any layout (an
 * F-contiguous result, rt/order.c, and transposed operands), all of the target's rank */
static bool reversible(Inf *I, const Store *q) {
    if (!q->out || q->nd < 2 || q->nl == 0 || I->f->ins.v[q->out].ty->layout == LAYOUT_C) return false;
    for (int l = 0; l < q->nl; l++)
        if (q->lv[l].v.ty->ndim != q->nd || q->lv[l].v.ty->layout == LAYOUT_C) return false;
    return true;
}

/* the loops of q over its arrays' axes reversed, each array a view whose innermost stride is the item size: memory
 * order for F-contiguous arrays, which tier 2 vectorizes (elementwise, so any order of the elements gives the same) */
static void nest_reversed(Inf *I, Store *q, const Ref *dims) {
    Leaf keep[MAX_LEAVES];
    memcpy(keep, q->lv, sizeof(Leaf) * (size_t)q->nl);
    for (int l = 0; l < q->nl; l++) { memset(q->lv[l].mask, 0, sizeof q->lv[l].mask); q->lv[l].use = unit_view(I, q->lv[l].v.r, q->lv[l].v.ty->dtype, false, true); }
    Ref out = q->out, rd[KILN_MAXDIM], iv[KILN_MAXDIM];
    for (int k = 0; k < q->nd; k++) rd[k] = dims[q->nd - 1 - k];
    q->out = unit_view(I, out, I->f->ins.v[out].ty->dtype, false, true);
    nest(I, q, rd, iv);
    memcpy(q->lv, keep, sizeof(Leaf) * (size_t)q->nl);
    q->out = out;
}

/* the loops writing tree e into out. Two versions: when `same` holds at run time (no operand
 * axis stretches: the usual case) and every innermost stride is the item size, plain indices
 * over unit-stride views, which tier 2 vectorizes; otherwise the general one, stretched axes
 * masked and strides read from the descriptors. Where every array may be F-contiguous, a third
 * first: when every first stride is the item size, the reversed axes' loops (nest_reversed) */
static void lower_to(Inf *I, Store *q, const Ref *dims, Ref same) {
    Ref iv[KILN_MAXDIM];
    Leaf *lv = q->lv;
    int nl = q->nl;
    Ref out = q->out;
    if (nl == 0 || q->nd == 0) { nest(I, q, dims, iv); return; }
    uint32_t done = inf_block(I);
    if (reversible(I, q)) {
        Ref f_ok = unit_stride(I, out, 0, same);
        for (int l = 0; l < nl; l++) f_ok = unit_stride(I, lv[l].v.r, 0, f_ok);
        uint32_t rev = inf_block(I), rest = inf_block(I);
        inf_branch(I, f_ok, rev, rest);
        inf_seal(I, rev); inf_seal(I, rest);
        I->cur = rev;
        nest_reversed(I, q, dims);
        inf_jump(I, done);
        I->cur = rest;
    }
    Ref fast_ok = out ? inner_is_unit(I, out, same) : same;
    for (int l = 0; l < nl; l++) fast_ok = inner_is_unit(I, lv[l].v.r, fast_ok);
    uint32_t fast = inf_block(I), slow = inf_block(I);
    inf_branch(I, fast_ok, fast, slow);
    inf_seal(I, fast); inf_seal(I, slow);
    I->cur = fast;
    if (!lower_parts(I, q, dims)) {
        Leaf keep[MAX_LEAVES];
        memcpy(keep, lv, sizeof(Leaf) * (size_t)nl);
        for (int l = 0; l < nl; l++) { memset(lv[l].mask, 0, sizeof lv[l].mask); lv[l].use = unit_inner(I, lv[l].v.r); }
        if (out) q->out = unit_inner(I, out);
        nest(I, q, dims, iv);
        memcpy(lv, keep, sizeof(Leaf) * (size_t)nl);
        q->out = out;
    }
    inf_jump(I, done);
    I->cur = slow;
    nest(I, q, dims, iv);
    inf_jump(I, done);
    I->cur = done;
    inf_seal(I, done);
}

/* the loops writing tree e into out */
static void lower(Inf *I, Ew *e, Leaf *lv, int nl, int nd, const Ref *dims, Ref same, Ref out, Node *at) {
    Store q = {e, lv, nl, nd, out, at, 0, NULL, NULL};
    lower_to(I, &q, dims, same);
}

/* whether reduction kind of a lazy expression into dtype odt can be one fused loop: the ones
 * whose value does not depend on the order of the elements (integer sums and products, min, max,
 * all, any), and float sums and products under --fastmath (any order goes: tier 2 vectorizes
 * them); otherwise float sums keep NumPy's pairwise order in rt/reduce.c */
bool ew_fusable_reduction(Inf *I, int kind, int odt) {
    switch (kind) {
    case RK_SUM: case RK_PROD: return dt_is_float(odt) ? I->env->opt->fastmath : !dt_is_complex(odt);
    case RK_MIN: case RK_MAX: return !dt_is_complex(odt); /* complex: NumPy's order, in rt/reduce.c */
    case RK_ALL: case RK_ANY: return true;
    default: return false;
    }
}

/* kind over every element of the lazy expression v: one loop, no temporary; a scalar of odt */
Val ew_reduce(Inf *I, Val v, int kind, int odt, Node *at) {
    Ew *e = v.ew;
    Leaf lv[MAX_LEAVES];
    int nl = 0;
    leaves(e, lv, &nl, MAX_LEAVES, I);
    Ref dims[KILN_MAXDIM];
    Ref same = broadcast(I, lv, nl, e->ndim, dims);
    const Type *t = ty_scalar(I->tt, (kiln_dtype)odt, false);
    if (kind == RK_MIN || kind == RK_MAX) {
        Ref empty = inf_const_i(I, inf_bool(I), 0);
        for (int k = 0; k < e->ndim; k++) empty = inf_op2(I, OP_OR, inf_bool(I), empty, inf_op2(I, OP_EQ, inf_bool(I), dims[k], inf_const_i(I, inf_i64(I), 0)));
        st_raise_if(I, empty, "ValueError", kind == RK_MAX ? "zero-size array to reduction operation maximum which has no identity"
                                                            : "zero-size array to reduction operation minimum which has no identity");
    }
    Node *acc = st_hidden(I, "$acc%d", at);
    Ref init;
    switch (kind) {
    case RK_SUM: case RK_ANY: init = dt_is_float(odt) ? inf_const_f(I, t, 0.0) : inf_const_i(I, t, 0); break;
    case RK_PROD: case RK_ALL: init = dt_is_float(odt) ? inf_const_f(I, t, 1.0) : inf_const_i(I, t, 1); break;
    default:
        if (dt_is_float(odt)) init = inf_const_f(I, t, kind == RK_MAX ? -INFINITY : INFINITY);
        else if (odt == KILN_BOOL) init = inf_const_i(I, t, kind == RK_MIN);
        else if (dt_is_unsigned(odt)) init = inf_const_i(I, t, kind == RK_MAX ? 0 : -1);
        else {
            int64_t hi = odt == KILN_INT64 ? INT64_MAX : (INT64_C(1) << (dt_bits(odt) - 1)) - 1;
            init = inf_const_i(I, t, kind == RK_MAX ? -hi - 1 : hi);
        }
    }
    inf_assign(I, acc, val_of(I, init));
    char b[200];
    snprintf(b, sizeof b, "line %d:%d: a reduction fused with the elementwise expression feeding it (one loop, no temporary)",
             at->line, at->col);
    char *s = arena_strndup(I->a, b, strlen(b));
    if (!s || !vec_push(I->a, I->f->notes, (const char *)s)) inf_oom(I);
    Store q = {e, lv, nl, e->ndim, 0, at, kind, acc, t};
    lower_to(I, &q, dims, same);
    return inf_read_name(I, acc);
}

static Val force(Inf *I, Ew *e, Node *at, bool note);

/* ---- NumPy's float sum of a 1-d expression or array, without a temporary or the runtime's call ---- */

/* NumPy sums a float expression by computing it into a contiguous temporary and adding that pairwise
 * (rt/reduce.c PAIRWISE): fewer than 8 elements in order from -0.0; up to 128 as 8 partial sums started at the
 * first 8 elements, each taking every 8th after them, combined ((0+1)+(2+3))+((4+5)+(6+7)), then the rest in
 * order; more in halves. The add reduction starts at its identity: the answer is 0.0 + that sum. Up to 128
 * elements the loops here add them in that order as they compute them (the rows and slices of small vectors:
 * distances, norms), in index order, so an element that raises raises as NumPy's temporary would; longer ones
 * are computed into the temporary and summed by the runtime. A mean is that sum over the length */
enum { PW_SMALL = 8, PW_BLOCK = 128 };
typedef struct PwSum { Ew *e; Leaf *lv; int nl; Node *at; const Type *t; Node *acc[8]; Ref base; } PwSum;

static Ref pw_elem(Inf *I, PwSum *p, Ref i) {
    Ref iv[1] = {i};
    return ex_coerce(I, ew_elem(I, p->e, p->lv, p->nl, iv, 1), p->t, p->at).r;
}

static void pw_add(Inf *I, PwSum *p, int k, Ref i) {
    Ref c = inf_read_name(I, p->acc[k]).r;
    inf_assign(I, p->acc[k], val_of(I, inf_op2(I, OP_ADD, p->t, c, pw_elem(I, p, i))));
}

/* partial sum 0 += the element at base + i */
static void pw_next(Inf *I, Ref i, void *ctx) {
    PwSum *p = ctx;
    pw_add(I, p, 0, inf_op2(I, OP_ADD, inf_i64(I), p->base, i));
}

/* block b of 8 after the first: partial sum k += the element at 8 + 8 b + k */
static void pw_block(Inf *I, Ref b, void *ctx) {
    PwSum *p = ctx;
    Ref j0 = inf_op2(I, OP_ADD, inf_i64(I), inf_op2(I, OP_MUL, inf_i64(I), b, inf_const_i(I, inf_i64(I), 8)),
                     inf_const_i(I, inf_i64(I), 8));
    for (int k = 0; k < 8; k++) pw_add(I, p, k, inf_op2(I, OP_ADD, inf_i64(I), j0, inf_const_i(I, inf_i64(I), k)));
}

/* partial sum 0 over the elements from base to n, in order */
static void pw_tail(Inf *I, PwSum *p, Ref base, Ref count) {
    p->base = base;
    st_loop(I, p->at, "$pwi%d", count, pw_next, p);
}

/* the sum from partial sum 0 (the identity 0.0 first), or for a mean that over n in the element type (rt/reduce.c
 * divide; n = 0 gives nan, as NumPy's) */
static Val pw_result(Inf *I, PwSum *p, int kind, Ref n) {
    Ref sum = inf_op2(I, OP_ADD, p->t, inf_const_f(I, p->t, 0.0), inf_read_name(I, p->acc[0]).r);
    if (kind != RK_MEAN) return val_of(I, sum);
    Ref by = inf_emit(I, OP_CAST, p->t, &n, 1, 0);
    return numpy_flag(I, val_of(I, inf_op2(I, OP_DIV, p->t, sum, by)));
}

Val ew_sum_pairwise(Inf *I, Val v, int kind, Node *at, Ref *len) {
    Ew *e = ew_of(I, v, at); /* an array itself: a leaf */
    PwSum p = {e, NULL, 0, at, ew_strong(I, e->ty), {NULL}, 0};
    Leaf lv[MAX_LEAVES];
    leaves(e, lv, &p.nl, MAX_LEAVES, I);
    p.lv = lv;
    Ref dims[1];
    broadcast(I, lv, p.nl, 1, dims);
    if (len) *len = dims[0];
    Ref n = dims[0], i64c[3] = {inf_const_i(I, inf_i64(I), PW_SMALL), inf_const_i(I, inf_i64(I), PW_BLOCK), inf_const_i(I, inf_i64(I), 0)};
    static const char *const names[8] = {"$pw0_%d", "$pw1_%d", "$pw2_%d", "$pw3_%d", "$pw4_%d", "$pw5_%d", "$pw6_%d", "$pw7_%d"};
    for (int k = 0; k < 8; k++) p.acc[k] = st_hidden(I, names[k], at);
    Node *res = st_hidden(I, "$pws%d", at);
    uint32_t small = inf_block(I), rest = inf_block(I), mid = inf_block(I), big = inf_block(I), done = inf_block(I);
    inf_branch(I, inf_op2(I, OP_LT, inf_bool(I), n, i64c[0]), small, rest);
    inf_seal(I, small); inf_seal(I, rest);
    I->cur = small; /* in order from -0.0 */
    inf_assign(I, p.acc[0], val_of(I, inf_const_f(I, p.t, -0.0)));
    pw_tail(I, &p, i64c[2], n);
    inf_assign(I, res, pw_result(I, &p, kind, n));
    inf_jump(I, done);
    I->cur = rest;
    inf_branch(I, inf_op2(I, OP_LE, inf_bool(I), n, i64c[1]), mid, big);
    inf_seal(I, mid); inf_seal(I, big);
    I->cur = mid; /* 8 partial sums, then the rest */
    for (int k = 0; k < 8; k++) inf_assign(I, p.acc[k], val_of(I, pw_elem(I, &p, inf_const_i(I, inf_i64(I), k))));
    Ref blocks = inf_op2(I, OP_SUB, inf_i64(I), inf_op2(I, OP_SHR, inf_i64(I), n, inf_const_i(I, inf_i64(I), 3)), inf_const_i(I, inf_i64(I), 1));
    st_loop(I, at, "$pwb%d", blocks, pw_block, &p);
    Ref r[8];
    for (int k = 0; k < 8; k++) r[k] = inf_read_name(I, p.acc[k]).r;
#define ADD(x, y) inf_op2(I, OP_ADD, p.t, x, y)
    inf_assign(I, p.acc[0], val_of(I, ADD(ADD(ADD(r[0], r[1]), ADD(r[2], r[3])), ADD(ADD(r[4], r[5]), ADD(r[6], r[7])))));
    Ref odd = inf_op2(I, OP_AND, inf_i64(I), n, inf_const_i(I, inf_i64(I), 7));
    pw_tail(I, &p, inf_op2(I, OP_SUB, inf_i64(I), n, odd), odd);
#undef ADD
    inf_assign(I, res, pw_result(I, &p, kind, n));
    inf_jump(I, done);
    I->cur = big; /* the temporary (an array itself needs none), summed by the runtime */
    inf_assign(I, res, rd_whole(I, e->kind == EW_LEAF ? e->leaf : force(I, e, at, false), kind, at));
    inf_jump(I, done);
    I->cur = done;
    inf_seal(I, done);
    return inf_read_name(I, res);
}

/* ---- a float sum or mean along the last axis of a short-rowed 2-d expression or array ---- */

/* whether tree e can be read a row at a time as row_tree makes it: its arrays of rank 2 C-contiguous (NumPy's
 * temporary is then C-ordered and add.reduce sums each row pairwise, as the runtime does: rt/reduce.c), no gather */
static bool rows_apart(const Ew *e) {
    if (!e) return true;
    if (e->kind == EW_TAKE) return false;
    if (e->kind == EW_LEAF)
        return e->leaf.ty->kind != T_ARRAY || e->leaf.ty->ndim < 2 || (e->leaf.ty->ndim == 2 && e->leaf.ty->layout == LAYOUT_C);
    for (int i = 0; i < 3; i++)
        if (!rows_apart(e->k[i])) return false;
    return true;
}

/* tree e's row i (its first index fixed; e of rank 2): each 2-d leaf's row i, or row 0 where its first axis has
 * length 1 and stretches; 1-d leaves and numbers as they are (a copy in the arena) */
static Ew *row_tree(Inf *I, const Ew *e, Ref i, Node *at) {
    Ew *c = arena_alloc(I->a, sizeof *c);
    if (!c) inf_oom(I);
    *c = *e;
    if (e->ndim == 2) c->ndim = 1;
    if (e->kind == EW_LEAF) {
        Val a = e->leaf;
        if (a.ty->kind != T_ARRAY || a.ty->ndim != 2) return c;
        Ref zero = inf_const_i(I, inf_i64(I), 0), one = inf_const_i(I, inf_i64(I), 1);
        Ref n0 = inf_emit(I, OP_DIM, inf_i64(I), &a.r, 1, 0), n1 = inf_emit(I, OP_DIM, inf_i64(I), &a.r, 1, 1);
        Ref s0 = inf_emit(I, OP_STRIDE, inf_i64(I), &a.r, 1, 0), s1 = inf_emit(I, OP_STRIDE, inf_i64(I), &a.r, 1, 1);
        Ref ops[3] = {inf_op2(I, OP_EQ, inf_bool(I), n0, one), zero, i};
        Ref r = inf_emit(I, OP_SELECT, inf_i64(I), ops, 3, 0);
        c->leaf = vw_make(I, a, inf_op2(I, OP_MUL, inf_i64(I), r, s0), &n1, &s1, 1, a.ty->layout, at);
        return c;
    }
    for (int k = 0; k < 3; k++)
        if (e->k[k]) c->k[k] = row_tree(I, e->k[k], i, at);
    return c;
}

typedef struct RowSum { Ew *e; Ref out; int kind; Node *at; Ref src; } RowSum;

static void row_copy(Inf *I, Ref i, void *ctx) {
    RowSum *q = ctx;
    Ref v = inf_load(I, q->src, ew_strong(I, q->e->ty), &i, 1);
    inf_store(I, q->out, v, &i, 1);
}

static void row_sum(Inf *I, Ref i, void *ctx) {
    RowSum *q = ctx;
    Val row = {0};
    row.str = -1;
    row.ew = row_tree(I, q->e, i, q->at);
    row.ty = ty_array(I->tt, q->e->ty->dtype, 1, LAYOUT_C);
    Val s = ew_sum_pairwise(I, row, q->kind, q->at, NULL);
    inf_store(I, q->out, s.r, &i, 1);
}

/* a float sum or mean along axis 1 of a 2-d expression or C-contiguous array v whose rows are short (up to
 * PW_BLOCK), without its temporary or the runtime's call: each row summed as ew_sum_pairwise sums a 1-d one, in
 * NumPy's order (0.0 + the row's pairwise sum); longer rows through `general`, the runtime's reduction. A call of it
 * per row had been most of a k-means step's assignment (`((C - X[i]) ** 2).sum(axis=1)`: ~300 ns a point) */
bool ew_rows_fit(Inf *I, Val v, Node *at) { return v.ty->kind == T_ARRAY && v.ty->ndim == 2 && rows_apart(ew_of(I, v, at)); }

Val ew_sum_rows(Inf *I, Val v, int kind, Node *at, Val (*general)(Inf *I, void *ctx), void *ctx) {
    Ew *e = ew_of(I, v, at);
    Leaf lv[MAX_LEAVES];
    int nl = 0;
    leaves(e, lv, &nl, MAX_LEAVES, I);
    Ref dims[2];
    broadcast(I, lv, nl, 2, dims); /* NumPy's ValueError before any row */
    const Type *rt = ty_array(I->tt, e->ty->dtype, 1, LAYOUT_C);
    /* one result made before the choice (a value joined from two ways would be a block argument, which opt/arrfree.c
     * does not let go: a loop of such sums kept every result until the call returned) */
    Ref out = inf_emit(I, OP_ALLOC, rt, &dims[0], 1, 0);
    I->f->ins.v[out].flags |= ALLOC_UNINIT;
    uint32_t small = inf_block(I), big = inf_block(I), done = inf_block(I);
    inf_branch(I, inf_op2(I, OP_LE, inf_bool(I), dims[1], inf_const_i(I, inf_i64(I), PW_BLOCK)), small, big);
    inf_seal(I, small); inf_seal(I, big);
    I->cur = small;
    RowSum q = {e, out, kind, at, 0};
    st_loop(I, at, "$row%d", dims[0], row_sum, &q);
    inf_jump(I, done);
    I->cur = big; /* the runtime's sums, copied in */
    q.src = general(I, ctx).r;
    st_loop(I, at, "$rowc%d", dims[0], row_copy, &q);
    inf_jump(I, done);
    I->cur = done;
    inf_seal(I, done);
    return val_of(I, out);
}

/* max or min of a 1-d array a (not an expression) of up to EXTREME_INLINE elements: the fused loop (ew_reduce),
 * whose steps are the runtime's one by one; longer ones through the runtime. The runtime's call costs ~65 ns and
 * its lanes 0.1 ns an element (rt/reduce.c extreme_f64), the loop's chain of compares 1.4-2.2 ns an element:
 * 32 strided elements 95 -> 44 ns, 64 contiguous ones 79 -> 140 ns (so not those) */
enum { EXTREME_INLINE = 32 };
Val ew_extreme_small(Inf *I, Val a, int kind, int odt, Node *at) {
    Val leaf = a;
    leaf.ew = ew_of(I, a, at);
    Ref n = inf_emit(I, OP_DIM, inf_i64(I), &a.r, 1, 0);
    Node *res = st_hidden(I, "$ext%d", at);
    uint32_t small = inf_block(I), big = inf_block(I), done = inf_block(I);
    Ref nonempty = inf_op2(I, OP_GT, inf_bool(I), n, inf_const_i(I, inf_i64(I), 0));
    Ref fits = inf_op2(I, OP_LE, inf_bool(I), n, inf_const_i(I, inf_i64(I), EXTREME_INLINE));
    inf_branch(I, inf_op2(I, OP_AND, inf_bool(I), nonempty, fits), small, big);
    inf_seal(I, small); inf_seal(I, big);
    I->cur = small;
    inf_assign(I, res, ew_reduce(I, leaf, kind, odt, at));
    inf_jump(I, done);
    I->cur = big; /* an empty one raises there, as NumPy words it */
    inf_assign(I, res, rd_whole(I, a, kind, at));
    inf_jump(I, done);
    I->cur = done;
    inf_seal(I, done);
    return inf_read_name(I, res);
}

/* ---- a new result's memory order: NumPy's order='K' (rt/order.c) ---- */

/* whether tree e reads an array of rank 2 or more that may be laid out other than in C order (where none does, every
 * call of the tree gives a C-contiguous result) */
static bool keeps_order(const Ew *e) {
    if (!e) return false;
    if (e->kind == EW_LEAF) return e->leaf.ty->kind == T_ARRAY && e->leaf.ty->ndim >= 2 && e->leaf.ty->layout != LAYOUT_C;
    for (int i = 0; i < 3; i++)
        if (keeps_order(e->k[i])) return true;
    return false;
}

static void keep_put(Inf *I, Ref *ops, uint32_t *n, Ref r, Node *at) {
    if (*n == LIB_KEEPORDER_MAX) inf_fail(I, at, "array expression too large to lay out");
    ops[(*n)++] = r;
}

/* the dtype of the inputs of the NumPy loop that computes node e: its result's, but for comparisons and logical
 * functions (the operands' common type), absolute values of complex numbers, float tests, a gather and a part of a
 * complex (which take their operand as it is) */
static int loop_input(Inf *I, const Ew *e) {
    switch (e->kind) {
    case EW_CMP: case EW_LOGIC:
        return e->k[1] ? (int)ty_promote(I->tt, e->k[0]->ty, e->k[1]->ty)->dtype : (int)e->k[0]->ty->dtype;
    case EW_ABS: case EW_FLOATTEST: case EW_TAKE: case EW_PART:
        return dt_is_complex(e->k[0]->ty->dtype) || e->kind != EW_ABS ? (int)e->k[0]->ty->dtype : (int)e->ty->dtype;
    default: return e->ty->dtype;
    }
}

/* whether the ufunc call e converts an operand of rank 2 or more: NumPy then leaves its trivial loop for the iterator
 * (check_for_trivial_loop copies only 0-d and 1-d operands to convert them) */
static bool converts(Inf *I, const Ew *e) {
    int dt = loop_input(I, e);
    for (int i = 0; i < 3; i++)
        if (e->k[i] && e->k[i]->ndim >= 2 && (int)e->k[i]->ty->dtype != dt) return true;
    return false;
}

/* whether e is a value NumPy computes into a new array of its own (a temporary an operator may reuse): a call's result
 * within the tree, not an operand the tree reads */
static bool temporary(const Ew *e) { return e && e->kind != EW_LEAF && e->ndim > 0; }

/* whether NumPy's operator for e may compute into temporary c's memory (numpy/_core/src/multiarray/temp_elide.c): c of
 * e's dtype, and the other operand o (NULL: none) one that converts to it safely */
static bool reusable_by(Inf *I, const Ew *e, const Ew *c, const Ew *o) {
    return temporary(c) && c->ty->dtype == e->ty->dtype && (!o || ty_promote(I->tt, c->ty, o->ty)->dtype == c->ty->dtype);
}

/* which array operands of e NumPy's operator may compute into, when a temporary of at least 256 KiB (the runtime
 * checks the size, and the shapes): KEEP_REUSE0 its first array operand in the program, KEEP_REUSE1 its second;
 * *gate: a run-time condition (a power's exponent), else 1. Operators only: a ufunc call never reuses */
static int reuse_flags(Inf *I, const Ew *e, Ref *gate) {
    *gate = inf_k64(I, 1);
    const Ew *a = e->k[0], *b = e->k[1];
    if (e->ufunc) return 0;
    switch (e->kind) {
    case EW_NEG: case EW_INVERT: return reusable_by(I, e, a, NULL) ? KEEP_REUSE0 : 0;
    case EW_ABS: return dt_is_complex(a->ty->dtype) || !reusable_by(I, e, a, NULL) ? 0 : KEEP_REUSE0;
    case EW_BIN: break;
    default: return 0;
    }
    switch (e->tok) {
    case TK_PLUS: case TK_STAR: case TK_AMP: case TK_PIPE: case TK_CARET: /* commutative: either operand */
        return (reusable_by(I, e, a, b) ? KEEP_REUSE0 : 0) |
               (reusable_by(I, e, b, a) ? (a->ndim > 0 ? KEEP_REUSE1 : KEEP_REUSE0) : 0);
    case TK_MINUS: case TK_SHL: case TK_SHR: case TK_FLOORDIV: return reusable_by(I, e, a, b) ? KEEP_REUSE0 : 0;
    case TK_SLASH: return dt_is_float(a->ty->dtype) || dt_is_complex(a->ty->dtype) ? (reusable_by(I, e, a, b) ? KEEP_REUSE0 : 0) : 0;
    case TK_POW: { /* a float or complex temporary to a Python int 2 or -1 or a Python float 0.5: square, reciprocal, sqrt in place */
        if (!(dt_is_float(a->ty->dtype) || dt_is_complex(a->ty->dtype)) || !reusable_by(I, e, a, NULL) || b->kind != EW_LEAF ||
            b->leaf.ty->kind != T_SCALAR || !b->leaf.ty->weak || !(dt_is_int(b->leaf.ty->dtype) || b->leaf.ty->dtype == KILN_FLOAT64))
            return 0;
        const Type *t = b->leaf.ty, *bt = inf_bool(I);
        Ref x = b->leaf.r, fast;
        if (dt_is_int(t->dtype))
            fast = inf_op2(I, OP_OR, bt, inf_op2(I, OP_EQ, bt, x, inf_const_i(I, t, 2)), inf_op2(I, OP_EQ, bt, x, inf_const_i(I, t, -1)));
        else
            fast = inf_op2(I, OP_EQ, bt, x, inf_const_f(I, t, 0.5));
        *gate = inf_emit(I, OP_CAST, inf_i64(I), &fast, 1, 0);
        return KEEP_REUSE0;
    }
    default: return 0;
    }
}

/* LIB_KEEPORDER's program for tree e, in postfix: its array operands and the NumPy calls over them (scalars and 0-d
 * values left out, as NumPy leaves them out of its order); returns whether e is an array. A gather a[idx] is laid
 * out as its indices are; np.where and a call that converts an operand by the iterator's order alone */
static bool keep_program(Inf *I, const Ew *e, Ref *ops, uint32_t *n, Node *at) {
    if (!e || e->ndim == 0) return false;
    if (e->kind == EW_LEAF) {
        const Type *t = e->leaf.ty;
        int m = t->ndim;
        keep_put(I, ops, n, inf_k64(I, KEEP_LEAF | (int64_t)m << 8 | (int64_t)kiln_dtype_size((kiln_dtype)t->dtype) << 16), at);
        for (int k = 0; k < m; k++) keep_put(I, ops, n, inf_emit(I, OP_DIM, inf_i64(I), &e->leaf.r, 1, k), at);
        for (int k = 0; k < m; k++) keep_put(I, ops, n, inf_emit(I, OP_STRIDE, inf_i64(I), &e->leaf.r, 1, k), at);
        return true;
    }
    int k = 0;
    for (int i = 0; i < 3; i++) k += keep_program(I, e->k[i], ops, n, at);
    Ref gate;
    int64_t reuse = reuse_flags(I, e, &gate), item = (int64_t)kiln_dtype_size((kiln_dtype)e->ty->dtype);
    int64_t kind = e->kind == EW_WHERE || converts(I, e) ? KEEP_ITER : KEEP_UFUNC;
    keep_put(I, ops, n, inf_k64(I, kind | (int64_t)k << 8 | reuse << 16 | item << 24), at);
    if (reuse) keep_put(I, ops, n, gate, at);
    return true;
}

static Ref iabs_ref(Inf *I, Ref x) {
    Ref neg = inf_op2(I, OP_LT, inf_bool(I), x, inf_k64(I, 0));
    return inf_sel(I, inf_i64(I), neg, inf_op2(I, OP_SUB, inf_i64(I), inf_k64(I, 0), x), x);
}

/* whether every operand of tree e of rank 2 or more, at run time, has its strides in C order, so that NumPy lays the
 * result out in C order: each pair of axes with |stride| no larger on the inner one (for a ufunc's result pairs where
 * either axis has length 1 or stride 0 say nothing; for a copy in order 'K', every axis counts), and acc */
static Ref c_ordered(Inf *I, const Ew *e, bool copy, Ref acc) {
    if (!e) return acc;
    if (e->kind != EW_LEAF) {
        for (int i = 0; i < 3; i++) acc = c_ordered(I, e->k[i], copy, acc);
        return acc;
    }
    const Type *t = e->leaf.ty;
    if (t->kind != T_ARRAY || t->ndim < 2 || t->layout == LAYOUT_C) return acc;
    Ref n[KILN_MAXDIM], s[KILN_MAXDIM];
    for (int k = 0; k < t->ndim; k++) {
        n[k] = inf_emit(I, OP_DIM, inf_i64(I), &e->leaf.r, 1, k);
        s[k] = iabs_ref(I, inf_emit(I, OP_STRIDE, inf_i64(I), &e->leaf.r, 1, k));
    }
    const Type *bt = inf_bool(I);
    for (int j = 0; j < t->ndim; j++)
        for (int k = j + 1; k < t->ndim && (!copy || k == j + 1); k++) { /* a copy's: adjacent axes, all of them */
            Ref ok = inf_op2(I, OP_LE, bt, s[k], s[j]);
            if (!copy) {
                Ref one = inf_k64(I, 1), zero = inf_k64(I, 0);
                Ref mute = inf_op2(I, OP_OR, bt, inf_op2(I, OP_EQ, bt, n[j], one), inf_op2(I, OP_EQ, bt, n[k], one));
                mute = inf_op2(I, OP_OR, bt, mute, inf_op2(I, OP_OR, bt, inf_op2(I, OP_EQ, bt, s[j], zero), inf_op2(I, OP_EQ, bt, s[k], zero)));
                ok = inf_op2(I, OP_OR, bt, ok, mute);
            }
            acc = inf_op2(I, OP_AND, bt, acc, ok);
        }
    return acc;
}

/* a new array (uninitialized) of dtype dt and tree e's broadcast shape dims, laid out as NumPy lays out e's value (copy:
 * a copy of it in order 'K'): in C order unless an operand may be in another; then as the runtime replays e's calls,
 * which it skips where every operand's strides are in C order (slices of C arrays: the usual case) */
static Ref alloc_like(Inf *I, const Ew *e, int dt, const Ref *dims, bool copy, Node *at) {
    if (e->ndim < 2 || !keeps_order(e)) {
        Ref out = inf_emit(I, OP_ALLOC, ty_array(I->tt, (kiln_dtype)dt, e->ndim, LAYOUT_C), dims, (uint32_t)e->ndim, 0);
        I->f->ins.v[out].flags |= ALLOC_UNINIT;
        return out;
    }
    copy |= e->kind == EW_LEAF; /* a bare operand forced (the temporary of an overlapping store, m[:] = m.T): its copy */
    Ref ops[LIB_KEEPORDER_MAX];
    uint32_t n = 0;
    keep_put(I, ops, &n, inf_k64(I, e->ndim), at);
    Ref plain = c_ordered(I, e, copy, inf_const_i(I, inf_bool(I), 1));
    keep_put(I, ops, &n, inf_emit(I, OP_CAST, inf_i64(I), &plain, 1, 0), at);
    for (int k = 0; k < e->ndim; k++) keep_put(I, ops, &n, dims[k], at);
    keep_program(I, e, ops, &n, at);
    if (copy) keep_put(I, ops, &n, inf_k64(I, KEEP_LIKE | 1 << 8), at);
    return inf_emit(I, OP_LIB, ty_array(I->tt, (kiln_dtype)dt, e->ndim, LAYOUT_ANY), ops, n, LIB_KEEPORDER);
}

/* a new array of a's shape and dtype dt, laid out as NumPy's order='K' lays out a copy of a (a.astype, np.copy,
 * np.empty_like...): C-contiguous for a C array; uninitialized */
Val ew_new_like(Inf *I, Val a, int dt, Node *at) {
    Ew *e = ew_of(I, a, at);
    Ref dims[KILN_MAXDIM];
    for (int k = 0; k < a.ty->ndim; k++) dims[k] = inf_emit(I, OP_DIM, inf_i64(I), &a.r, 1, k);
    return val_of(I, alloc_like(I, e, dt, dims, true, at));
}

/* the new array tree e is computed into (every element written: no zeroing), its leaves in lv, its
 * broadcast shape in dims, whether no operand stretches in *same */
static Ref result_of(Inf *I, Ew *e, Node *at, bool note, Leaf *lv, int *nl, Ref *dims, Ref *same) {
    *nl = 0;
    leaves(e, lv, nl, MAX_LEAVES, I);
    if (note) note_fusion(I, e, at, NULL);
    *same = broadcast(I, lv, *nl, e->ndim, dims);
    return alloc_like(I, e, e->ty->dtype, dims, false, at);
}

static Val force(Inf *I, Ew *e, Node *at, bool note) {
    Leaf lv[MAX_LEAVES];
    Ref dims[KILN_MAXDIM], same;
    int nl;
    Ref out = result_of(I, e, at, note, lv, &nl, dims, &same);
    lower(I, e, lv, nl, e->ndim, dims, same, out, at);
    return val_of(I, out);
}

Val ew_force(Inf *I, Val v, Node *at) { return v.ew ? force(I, v.ew, at, true) : v; }

Val ew_force_split(Inf *I, Val v, Node *at, void (*par)(Inf *I, Val out, Ref rows, void *ctx), void *ctx) {
    Ew *e = v.ew;
    Leaf lv[MAX_LEAVES];
    Ref dims[KILN_MAXDIM], same;
    int nl, nd = e->ndim;
    Ref out = result_of(I, e, at, true, lv, &nl, dims, &same); /* either path below writes every element */
    Ref size = dims[0];
    for (int k = 1; k < nd; k++) size = inf_op2(I, OP_MUL, inf_i64(I), size, dims[k]);
    Ref big = inf_op2(I, OP_GE, inf_bool(I), size, inf_k64(I, I->env->tune[TUNE_PARALLEL_MIN]));
    big = inf_op2(I, OP_AND, inf_bool(I), big, inf_op2(I, OP_GE, inf_bool(I), dims[0], inf_k64(I, 2)));
    uint32_t split = inf_block(I), serial = inf_block(I), join = inf_block(I);
    inf_branch(I, big, split, serial);
    I->cur = split; inf_seal(I, split);
    par(I, val_of(I, out), dims[0], ctx);
    inf_jump(I, join);
    I->cur = serial; inf_seal(I, serial);
    lower(I, e, lv, nl, nd, dims, same, out, at);
    inf_jump(I, join);
    I->cur = join; inf_seal(I, join);
    return val_of(I, out);
}

/* each leaf's axes against the target's lengths: a length-1 axis stretches, any other length
 * must match; returns whether none stretches */
static Ref broadcast_into(Inf *I, Leaf *lv, int nl, int nd, const Ref *dims) {
    Ref one = inf_const_i(I, inf_i64(I), 1), bad = inf_const_i(I, inf_bool(I), 0), same = inf_const_i(I, inf_bool(I), 1);
    for (int l = 0; l < nl; l++) {
        int m = lv[l].v.ty->ndim;
        for (int j = 0; j < m; j++) {
            Ref x = lv[l].dim[j] = inf_emit(I, OP_DIM, inf_i64(I), &lv[l].v.r, 1, j), d = dims[j + nd - m];
            Ref xn1 = inf_op2(I, OP_NE, inf_bool(I), x, one), eq = inf_op2(I, OP_EQ, inf_bool(I), x, d);
            bad = inf_op2(I, OP_OR, inf_bool(I), bad, inf_op2(I, OP_AND, inf_bool(I), xn1, inf_op2(I, OP_NE, inf_bool(I), x, d)));
            same = inf_op2(I, OP_AND, inf_bool(I), same, eq);
            lv[l].mask[j] = inf_emit(I, OP_CAST, inf_i64(I), &xn1, 1, 0);
        }
    }
    int arrays = 0, only = -1; /* one array among the leaves: the value has its shape, and NumPy's message names both */
    for (int l = 0; l < nl; l++) if (lv[l].v.ty->ndim > 0) { arrays++; only = l; }
    if (arrays != 1) {
        st_raise_if(I, bad, "ValueError", "could not broadcast the assigned value into the shape of the target");
        return same;
    }
    TxPart msg[2 + 2 * (2 + 2 * KILN_MAXDIM)];
    int n = 0;
    msg[n++] = (TxPart){"could not broadcast input array from shape ", 0};
    n += tx_shape_parts(msg + n, lv[only].dim, lv[only].v.ty->ndim);
    msg[n++] = (TxPart){" into shape ", 0};
    n += tx_shape_parts(msg + n, dims, nd);
    tx_raise_if(I, bad, "ValueError", msg, n);
    return same;
}

/* the lowest and one past the highest byte address a (an array value) covers, as ints */
static void extent(Inf *I, Val a, Ref *lo, Ref *hi) {
    Ref base = inf_emit(I, OP_DATA, inf_i64(I), &a.r, 1, 0), zero = inf_const_i(I, inf_i64(I), 0);
    Ref down = zero, up = inf_const_i(I, inf_i64(I), (int64_t)kiln_dtype_size((kiln_dtype)a.ty->dtype));
    for (int k = 0; k < a.ty->ndim; k++) {
        Ref n = inf_emit(I, OP_DIM, inf_i64(I), &a.r, 1, k), s = inf_emit(I, OP_STRIDE, inf_i64(I), &a.r, 1, k);
        Ref reach = inf_op2(I, OP_MUL, inf_i64(I), inf_op2(I, OP_SUB, inf_i64(I), n, inf_const_i(I, inf_i64(I), 1)), s);
        Ref neg = inf_op2(I, OP_LT, inf_bool(I), reach, zero);
        Ref o1[3] = {neg, reach, zero}, o2[3] = {neg, zero, reach};
        down = inf_op2(I, OP_ADD, inf_i64(I), down, inf_emit(I, OP_SELECT, inf_i64(I), o1, 3, 0));
        up = inf_op2(I, OP_ADD, inf_i64(I), up, inf_emit(I, OP_SELECT, inf_i64(I), o2, 3, 0));
    }
    *lo = inf_op2(I, OP_ADD, inf_i64(I), base, down);
    *hi = inf_op2(I, OP_ADD, inf_i64(I), base, up);
}

/* the arrays EW_TAKE nodes read: operands too, for the overlap test, though not broadcast */
static void take_bases(Ew *e, Leaf *out, int *n, int cap, Inf *I) {
    if (!e || e->kind == EW_LEAF) return;
    if (e->kind == EW_TAKE) {
        if (*n == cap) inf_fail(I, e->at, "array expression with more than %d array operands", cap);
        memset(&out[*n], 0, sizeof out[*n]);
        out[*n].gathered = true;
        out[(*n)++].v = e->leaf;
    }
    for (int i = 0; i < 3; i++) take_bases(e->k[i], out, n, cap, I);
}

/* whether an operand other than dst itself may share memory with dst (empty arrays share none) */
static Ref overlaps(Inf *I, Val dst, Leaf *lv, int nl) {
    Ref dlo, dhi, any = inf_const_i(I, inf_bool(I), 0), zero = inf_const_i(I, inf_i64(I), 0);
    extent(I, dst, &dlo, &dhi);
    Ref empty = inf_const_i(I, inf_bool(I), 0);
    for (int k = 0; k < dst.ty->ndim; k++)
        empty = inf_op2(I, OP_OR, inf_bool(I), empty, inf_op2(I, OP_EQ, inf_bool(I), inf_emit(I, OP_DIM, inf_i64(I), &dst.r, 1, k), zero));
    for (int l = 0; l < nl; l++) {
        if (lv[l].v.r == dst.r && !lv[l].gathered) continue; /* read and written at the same index: safe */
        Ref lo, hi;
        extent(I, lv[l].v, &lo, &hi);
        Ref o = inf_op2(I, OP_AND, inf_bool(I), inf_op2(I, OP_LT, inf_bool(I), dlo, hi), inf_op2(I, OP_LT, inf_bool(I), lo, dhi));
        for (int k = 0; k < lv[l].v.ty->ndim; k++)
            o = inf_op2(I, OP_AND, inf_bool(I), o, inf_op2(I, OP_NE, inf_bool(I), inf_emit(I, OP_DIM, inf_i64(I), &lv[l].v.r, 1, k), zero));
        any = inf_op2(I, OP_OR, inf_bool(I), any, o);
    }
    return inf_op2(I, OP_AND, inf_bool(I), any, inf_emit(I, OP_NOT, inf_bool(I), &empty, 1, 0));
}

/* dst[...] = v for an array dst (a view or a whole array): v broadcast to dst's shape, converted
 * to dst's dtype, written by one loop nest. When an operand overlaps dst (a[1:] = a[:-1]) the
 * value is computed into a temporary first, which is NumPy's answer. fresh: dst is (a view of) an
 * array allocated after every operand of v, which therefore cannot overlap it: no test. */
static void store(Inf *I, Val dst, Val v, Node *at, bool fresh) {
    if (v.ty->kind == T_UNKNOWN) return;
    Ew *e = ew_of(I, v, at);
    int nd = dst.ty->ndim;
    if (e->ndim > nd)
        inf_fail(I, at, "could not broadcast a %d-dimensional value into a %d-dimensional target", e->ndim, nd);
    if (dt_is_complex(e->ty->dtype) && !dt_is_complex(dst.ty->dtype))
        inf_fail(I, at, "cannot store complex values into a %s array", kiln_dtype_name(dst.ty->dtype));
    if (e->kind == EW_LEAF && e->leaf.ty->kind == T_SCALAR) { /* u8[:] = 300 raises, as NumPy 2 */
        e->leaf = ex_adopt(I, e->leaf, ty_scalar(I->tt, dst.ty->dtype, false), at);
        e->ty = e->leaf.ty;
    }
    Leaf lv[MAX_LEAVES];
    int nl = 0;
    leaves(e, lv, &nl, MAX_LEAVES, I);
    Ref dims[KILN_MAXDIM];
    for (int k = 0; k < nd; k++) dims[k] = inf_emit(I, OP_DIM, inf_i64(I), &dst.r, 1, k);
    note_fusion(I, e, at, dst.ty);
    Leaf rd[MAX_LEAVES];
    int nr = nl;
    memcpy(rd, lv, sizeof(Leaf) * (size_t)nl);
    take_bases(e, rd, &nr, MAX_LEAVES, I);
    Ref alias = nr && !fresh ? overlaps(I, dst, rd, nr) : 0;
    uint32_t copy = 0, direct = 0, done = 0;
    if (alias) {
        copy = inf_block(I), direct = inf_block(I), done = inf_block(I);
        inf_branch(I, alias, copy, direct);
        inf_seal(I, copy); inf_seal(I, direct);
        I->cur = copy;
        Val t = force(I, e, at, false); /* a fresh array: no alias */
        Leaf tl[1] = {{.v = t}};
        Ew *te = ew_of(I, t, at);
        Ref same = broadcast_into(I, tl, 1, nd, dims);
        lower(I, te, tl, 1, nd, dims, same, dst.r, at);
        inf_jump(I, done);
        I->cur = direct;
    }
    Ref same = broadcast_into(I, lv, nl, nd, dims);
    lower(I, e, lv, nl, nd, dims, same, dst.r, at);
    if (alias) {
        inf_jump(I, done);
        I->cur = done;
        inf_seal(I, done);
    }
}

void ew_store(Inf *I, Val dst, Val v, Node *at) { store(I, dst, v, at, false); }
void ew_store_fresh(Inf *I, Val dst, Val v, Node *at) { store(I, dst, v, at, true); }
