/*
 * nplinalg.c — numpy.linalg: np.linalg.norm(x, ord=None, axis=None), computed as NumPy 2's own
 * norm computes it, step for step, so that its order of operations (and so its bits) is NumPy's:
 *   - the 2-norm of a whole vector (ord None or 2) or the Frobenius norm of a whole matrix (ord None
 *     or 'fro'): sqrt(dot(x, x)) of the flattened array (complex: the dots of the real and the
 *     imaginary parts added). NumPy's dot is its BLAS's, whose order of additions is its own: kiln's
 *     dot (docs/language.md 12d) may differ in the last bit there;
 *   - along an axis: ord None/2 sqrt(sum(x * x)) (complex: (x.conj() * x).real), 1 sum(abs(x)), inf
 *     max(abs(x)), -inf min(abs(x)), 0 the count of nonzeros as floats — NumPy's pairwise sums, exact;
 *   - matrix norms of a whole 2-d array: ord 1 / -1 the largest / smallest column sum of abs(x), inf /
 *     -inf the largest / smallest row sum.
 * Ints and bools are converted to float64 first, as NumPy does. Other orders (p-norms, 2 and 'nuc'
 * of matrices, which need an SVD), tuple axes and keepdims=True are compile errors that say so.
 */
#include "ewise.h"
#include "../ir/lib.h"
#include <math.h>
#include <string.h>

enum { ORD_NONE, ORD_FRO, ORD_NUM };

typedef struct Ord { int kind; double v; } Ord;

static Ord ord_of(Inf *I, Node *k) {
    Ord o = {ORD_NONE, 0};
    if (!k || k->kind == N_NONE) return o;
    if (k->kind == N_STR) {
        if (!strcmp(k->name, "fro") || !strcmp(k->name, "f")) { o.kind = ORD_FRO; return o; }
        inf_fail(I, k, "np.linalg.norm(): ord='%s' is not supported (None, 'fro', 0, 1, 2, inf, -inf, -1)", k->name);
    }
    bool neg = k->kind == N_UNARY && k->op == TK_MINUS;
    Node *m = neg ? k->a : k;
    o.kind = ORD_NUM;
    if (m->kind == N_INT) o.v = (double)m->v.i;
    else if (m->kind == N_FLOAT) o.v = m->v.f;
    else if (m->kind == N_ATTR && !strcmp(m->name, "inf")) o.v = INFINITY; /* np.inf */
    else if (m->kind == N_NAME && !strcmp(m->name, "inf")) o.v = INFINITY; /* from numpy import inf */
    else inf_fail(I, k, "np.linalg.norm(): ord must be a constant here (it decides the computation)");
    if (neg) o.v = -o.v;
    return o;
}

static Val vector_norm(Inf *I, Val x, Ord o, unsigned axes, Node *at) {
    double v = o.kind == ORD_NUM ? o.v : 2;
    if (o.kind == ORD_FRO) inf_fail(I, at, "Invalid norm order 'fro' for vectors");
    if (v == INFINITY) return rd_axes(I, ew_force(I, ew_abs(I, x, at), at), RK_MAX, axes, at);
    if (v == -INFINITY) return rd_axes(I, ew_force(I, ew_abs(I, x, at), at), RK_MIN, axes, at);
    if (v == 1) return rd_axes(I, ew_force(I, ew_abs(I, x, at), at), RK_SUM, axes, at);
    if (v == 0) {
        Val nz = ew_compare(I, TK_NE, x, val_of(I, inf_k64(I, 0)), at);
        int rdt = x.ty->dtype == KILN_COMPLEX64 || x.ty->dtype == KILN_FLOAT32 ? KILN_FLOAT32 : KILN_FLOAT64;
        return rd_axes(I, la_cast(I, ew_force(I, nz, at), rdt, at), RK_SUM, axes, at);
    }
    if (v != 2) inf_fail(I, at, "np.linalg.norm(): ord=%g is not supported (None, 0, 1, 2, inf, -inf for vectors)", v);
    Val sq = dt_is_complex(x.ty->dtype) ? ew_part(I, ew_binop(I, TK_STAR, ew_part(I, x, OP_CONJ, at), x, at), OP_REAL, at)
                                       : ew_binop(I, TK_STAR, x, x, at);
    return ew_math(I, rd_axes(I, ew_force(I, sq, at), RK_SUM, axes, at), MF_SQRT, at);
}

/* sqrt(dot(x, x)) of the flattened x (complex: of its parts) */
static Val dot_norm(Inf *I, Val x, Node *at) {
    Val f = vw_ravel(I, x, at);
    Val sq;
    if (dt_is_complex(f.ty->dtype)) {
        Val re = ew_force(I, ew_part(I, f, OP_REAL, at), at), im = ew_force(I, ew_part(I, f, OP_IMAG, at), at);
        sq = ex_binop(I, TK_PLUS, la_matmul(I, re, re, at), la_matmul(I, im, im, at), at, NULL);
    } else {
        sq = la_matmul(I, f, f, at);
    }
    return ew_math(I, sq, MF_SQRT, at);
}

static Val matrix_norm(Inf *I, Val x, Ord o, Node *at) {
    if (o.kind != ORD_NUM || !(fabs(o.v) == 1 || isinf(o.v)))
        inf_fail(I, at, "np.linalg.norm(): ord=%g of a matrix is not supported (None, 'fro', 1, -1, inf, -inf; 2, -2 and "
                 "'nuc' need an SVD)", o.v);
    Val s = rd_axes(I, ew_force(I, ew_abs(I, x, at), at), RK_SUM, isinf(o.v) ? 2u : 1u, at); /* column (row) sums */
    return rd_whole(I, s, o.v > 0 ? RK_MAX : RK_MIN, at);
}

Val nl_norm(Inf *I, Node *call) {
    if (call->nkids < 1) inf_fail(I, call, "norm() missing required argument 'x'");
    Node *arg[3];
    static const char *const params[] = {"ord", "axis", "keepdims", NULL};
    cl_np_bind(I, call, "norm", 1, params, 3, arg);
    if (arg[2] && !(arg[2]->kind == N_BOOL && !arg[2]->v.i)) inf_fail(I, arg[2], "np.linalg.norm(): keepdims=True is not supported");
    Ord o = ord_of(I, arg[0]);
    Val x = ex_expr(I, call->kids[0]);
    if (x.ty->kind == T_UNKNOWN) return x;
    if (x.ty->kind != T_ARRAY) inf_fail(I, call->kids[0], "np.linalg.norm() needs an array here, not %s", inf_tyname(I, x.ty));
    if (dt_is_intlike(x.ty->dtype)) x = la_cast(I, x, KILN_FLOAT64, call); /* x.astype(float) */
    int nd = x.ty->ndim;
    Node *ax = arg[1];
    if (!ax || ax->kind == N_NONE) {
        if (o.kind == ORD_NONE || (o.kind == ORD_FRO && nd == 2) || (o.kind == ORD_NUM && o.v == 2 && nd == 1)) return dot_norm(I, x, call);
        if (nd == 1) return vector_norm(I, x, o, 1u, call);
        if (nd == 2) return matrix_norm(I, x, o, call);
        inf_fail(I, call, "Improper number of dimensions to norm.");
    }
    if (ax->kind == N_TUPLE) inf_fail(I, ax, "np.linalg.norm(): a tuple axis is not supported (an integer or None)");
    int64_t a = cl_const_int(I, ax, "axis", " (it decides the result's shape)");
    if (a < -nd || a >= nd) inf_fail(I, ax, "axis %lld is out of bounds for array of dimension %d", (long long)a, nd);
    return vector_norm(I, x, o, 1u << (a < 0 ? a + nd : a), call);
}

/* ---- np.linalg.solve, inv, det (rt/linalg.c) ---- */

/* argument n of fname as a float matrix or vector (a list becomes an array, as NumPy's asarray makes it) */
static Val la_arg(Inf *I, Node *n, const char *fname) {
    Val v = ex_expr(I, n);
    if (v.ty->kind == T_LIST) v = ls_to_array(I, v, n);
    if (v.ty->kind != T_ARRAY) inf_fail(I, n, "np.linalg.%s() needs an array, not %s", fname, inf_tyname(I, v.ty));
    if (dt_is_complex(v.ty->dtype)) inf_fail(I, n, "np.linalg.%s() of complex matrices is not supported yet", fname);
    return v;
}

/* the routine's float type: NumPy's (float32 only where every operand is float32; ints and bools as float64) */
static int la_dtype(const Val *v, int n) {
    for (int i = 0; i < n; i++) if (v[i].ty->dtype != KILN_FLOAT32) return KILN_FLOAT64;
    return KILN_FLOAT32;
}

/* np.linalg.solve(a, b), inv(a), det(a), cholesky(a), eigvalsh(a) (op: LA_*): a a 2-d square matrix (checked at run
 * time: LinAlgError), b 1-d (a vector: passed as an (n, 1) view and read back as one) or 2-d */
Val nl_linalg(Inf *I, Node *call, int op) {
    static const char *const names[] = {"solve", "inv", "det", "cholesky", "eigvalsh", "eigh"};
    const char *fname = names[op];
    int want = op == LA_SOLVE ? 2 : 1;
    /* NumPy's parameters: a (and b), then cholesky's upper and eigvalsh's UPLO, which kiln takes at their defaults
     * (the lower triangle) */
    const char *kw = op == LA_CHOLESKY ? "upper" : op == LA_EIGVALSH || op == LA_EIGH ? "UPLO" : NULL;
    const char *params[3] = {"a", op == LA_SOLVE ? "b" : kw, NULL};
    Node *arg[3];
    cl_np_bind(I, call, fname, 0, params, want, arg);
    Node *opt = kw ? arg[1] : NULL;
    if (opt && !(op == LA_CHOLESKY ? opt->kind == N_BOOL && !opt->v.i : opt->kind == N_STR && !strcmp(opt->name, "L")))
        inf_fail(I, opt, "np.linalg.%s(): only %s is supported (the lower triangle)", fname,
                 op == LA_CHOLESKY ? "upper=False" : "UPLO='L'");
    for (int i = 0; i < want; i++)
        if (!arg[i]) inf_fail(I, call, "np.linalg.%s() missing required argument '%s'", fname, params[i]);
    Val v[2];
    for (int i = 0; i < want; i++) v[i] = la_arg(I, arg[i], fname);
    if (v[0].ty->ndim < 2)
        inf_fail(I, arg[0], "%d-dimensional array given. Array must be at least two-dimensional", v[0].ty->ndim);
    if (v[0].ty->ndim > 2)
        inf_fail(I, arg[0], "np.linalg.%s() of a stack of matrices (%d dimensions) is not supported yet", fname,
                 v[0].ty->ndim);
    if (op == LA_SOLVE && (v[1].ty->ndim < 1 || v[1].ty->ndim > 2))
        inf_fail(I, arg[1], "np.linalg.solve(): b must have 1 or 2 dimensions here (it has %d)", v[1].ty->ndim);
    int dt = la_dtype(v, want);
    for (int i = 0; i < want; i++) if (v[i].ty->dtype != dt) v[i] = la_cast(I, v[i], dt, call);
    bool vec = op == LA_SOLVE && v[1].ty->ndim == 1;
    if (vec) { /* b as an (n, 1) matrix */
        Ref dims[2] = {inf_dim(I, v[1], 0), inf_k64(I, 1)}, strides[2] = {inf_stride(I, v[1], 0), inf_k64(I, 0)};
        v[1] = vw_make(I, v[1], inf_k64(I, 0), dims, strides, 2, LAYOUT_ANY, call);
    }
    Ref ops[2] = {v[0].r, want > 1 ? v[1].r : 0};
    const Type *t = op == LA_DET ? ty_scalar(I->tt, (kiln_dtype)dt, false)
                                 : ty_array(I->tt, (kiln_dtype)dt, op == LA_EIGVALSH ? 1 : 2, LAYOUT_C); /* eigh: (n + 1, n) */
    Val r = val_of(I, inf_emit(I, OP_LIB, t, ops, (uint32_t)want, LIB_LINALG | (int64_t)(vec ? LA_SOLVE1 : op) << 8));
    if (op == LA_EIGH) { /* (w, v): row 0 of the (n + 1) x n result, and the rows below it */
        Ref n = inf_dim(I, r, 1), row = inf_stride(I, r, 0), col = inf_stride(I, r, 1);
        Ref wd[1] = {n}, ws[1] = {col}, vd[2] = {n, n}, vs[2] = {row, col};
        Val pair = {0};
        pair.el = arena_alloc(I->a, 2 * sizeof(Val));
        if (!pair.el) inf_oom(I);
        pair.el[0] = vw_make(I, r, inf_k64(I, 0), wd, ws, 1, LAYOUT_C, call);
        pair.el[1] = vw_make(I, r, row, vd, vs, 2, LAYOUT_C, call); /* offset in bytes: one row */
        const Type *ts[2] = {pair.el[0].ty, pair.el[1].ty};
        pair.ty = ty_tuple(I->tt, ts, 2);
        if (!pair.ty) inf_oom(I);
        return pair;
    }
    if (!vec) return r;
    Ref dims[1] = {inf_dim(I, r, 0)}, strides[1] = {inf_stride(I, r, 0)}; /* the (n, 1) result as a vector */
    return vw_make(I, r, inf_k64(I, 0), dims, strides, 1, LAYOUT_C, call);
}
