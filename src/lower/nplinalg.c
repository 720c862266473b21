/*
 * nplinalg.c — numpy.linalg.
 *
 * np.linalg.norm(x, ord=None, axis=None), computed as NumPy 2's own norm computes it, step for step, so that its order
 * of operations (and so its bits) is NumPy's:
 *   - the 2-norm of a whole vector (ord None or 2) or the Frobenius norm of a whole matrix (ord None or 'fro'):
 *     sqrt(dot(x, x)) of the flattened array (complex: the dots of the real and the imaginary parts added), dot
 *     BLAS's ?dot as NumPy's (rt/matmul.c);
 *   - along an axis: ord None/2 sqrt(sum(x * x)) (complex: (x.conj() * x).real), 1 sum(abs(x)), inf max(abs(x)),
 *     -inf min(abs(x)), 0 the count of nonzeros as floats — NumPy's pairwise sums, exact;
 *   - matrix norms of a whole 2-d array: ord 1 / -1 the largest / smallest column sum of abs(x), inf / -inf the
 *     largest / smallest row sum, 2 / -2 / 'nuc' the largest / smallest / sum of the singular values.
 * Ints and bools are converted to float64 first, as NumPy does; keepdims=True gives the norm in a new array with the
 * reduced axes of length 1. Other orders (p-norms) and tuple axes are compile errors that say so.
 *
 * The factorizations (solve, inv, det, slogdet, cholesky, eigvalsh, eigh, svd, qr, lstsq, pinv) are one LIB_LINALG
 * each (rt/linalg.c computes them as NumPy does); those with several results come back packed in one array, and the
 * views taken here are the tuple NumPy returns.
 */
#include "ewise.h"
#include "../ir/lib.h"
#include <float.h>
#include <math.h>
#include <string.h>

enum { ORD_NONE, ORD_FRO, ORD_NUC, ORD_NUM };

typedef struct Ord { int kind; double v; } Ord;

static Ord ord_of(Inf *I, Node *k) {
    Ord o = {ORD_NONE, 0};
    if (!k || k->kind == N_NONE) return o;
    if (k->kind == N_STR) {
        if (!strcmp(k->name, "fro") || !strcmp(k->name, "f")) { o.kind = ORD_FRO; return o; }
        if (!strcmp(k->name, "nuc")) { o.kind = ORD_NUC; return o; }
        inf_fail(I, k, "np.linalg.norm(): ord='%s' is not supported (None, 'fro', 'nuc', 0, 1, 2, inf, -inf, -1, -2)", k->name);
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
    if (o.kind == ORD_FRO || o.kind == ORD_NUC) inf_fail(I, at, "Invalid norm order '%s' for vectors", o.kind == ORD_FRO ? "fro" : "nuc");
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

static Val la_emit(Inf *I, const Type *t, const Ref *ops, int n, int op, int flags);

static Val matrix_norm(Inf *I, Val x, Ord o, Node *at) {
    if (o.kind == ORD_NUC || (o.kind == ORD_NUM && fabs(o.v) == 2)) { /* NumPy's _multi_svd_norm: of the singular values */
        if (dt_is_complex(x.ty->dtype)) inf_fail(I, at, "np.linalg.norm(): ord=%s of a complex matrix is not supported yet",
                                                 o.kind == ORD_NUC ? "'nuc'" : o.v > 0 ? "2" : "-2");
        /* amax(s, initial=0) for 2: an empty matrix's norm is 0 (-2's amin has no initial: NumPy's ValueError) */
        static const char two[] = "def norm(x):\n    s = " KILN_NP_NAME ".linalg.svd(x, compute_uv=False)\n"
                                  "    if s.shape[0] == 0:\n        return s.dtype.type(0)\n    return s.max()\n";
        static const char other[] = "def norm(x):\n    return " KILN_NP_NAME ".linalg.svd(x, compute_uv=False).%s()\n";
        char text[200];
        if (o.kind == ORD_NUM && o.v > 0) snprintf(text, sizeof text, "%s", two);
        else snprintf(text, sizeof text, other, o.kind == ORD_NUC ? "sum" : "min");
        Node *arg = it_held(I, at, 0, x);
        return it_inline(I, at, text, strlen(text), "<numpy.linalg>", &arg, 1);
    }
    if (o.kind != ORD_NUM || !(fabs(o.v) == 1 || isinf(o.v)))
        inf_fail(I, at, "Invalid norm order for matrices.");
    Val s = rd_axes(I, ew_force(I, ew_abs(I, x, at), at), RK_SUM, isinf(o.v) ? 2u : 1u, at); /* column (row) sums */
    return rd_whole(I, s, o.v > 0 ? RK_MAX : RK_MIN, at);
}

/* norm r of x (rank nd) along axis (< 0: all axes) with keepdims=True: a new C array with the reduced axes of length
 * 1, as NumPy's */
static Val kept_dims(Inf *I, Val r, int axis, int nd, Node *at) {
    Ref dims[KILN_MAXDIM], vd[KILN_MAXDIM], vs[KILN_MAXDIM];
    if (r.ew) r = ew_force(I, r, at);
    int dt = r.ty->dtype, n = 0;
    for (int k = 0; k < nd; k++) dims[k] = axis >= 0 && k != axis ? inf_dim(I, r, k - (k > axis)) : inf_k64(I, 1);
    Val out = val_of(I, inf_emit(I, OP_ALLOC, ty_array(I->tt, (kiln_dtype)dt, nd, LAYOUT_C), dims, (uint32_t)nd, 0));
    if (axis < 0) { /* the one element */
        Ref zero[KILN_MAXDIM];
        for (int k = 0; k < nd; k++) zero[k] = inf_k64(I, 0);
        inf_store(I, out.r, ex_coerce(I, r, ty_scalar(I->tt, (kiln_dtype)dt, false), at).r, zero, nd);
        return out;
    }
    for (int k = 0; k < nd; k++)
        if (k != axis) { vd[n] = dims[k]; vs[n] = inf_stride(I, out, k); n++; }
    ew_store_fresh(I, vw_make(I, out, inf_k64(I, 0), vd, vs, n, LAYOUT_ANY, at), r, at);
    return out;
}

Val nl_norm(Inf *I, Node *call) {
    if (call->nkids < 1) inf_fail(I, call, "norm() missing required argument 'x'");
    Node *arg[3];
    static const char *const params[] = {"ord", "axis", "keepdims", NULL};
    cl_np_bind(I, call, "norm", 1, params, 3, arg);
    if (arg[2] && arg[2]->kind != N_BOOL) inf_fail(I, arg[2], "np.linalg.norm(): keepdims must be True or False written in the call");
    bool keep = arg[2] && arg[2]->v.i;
    Ord o = ord_of(I, arg[0]);
    Val x = ex_expr(I, call->kids[0]);
    if (x.ty->kind == T_UNKNOWN) return x;
    if (x.ty->kind != T_ARRAY) inf_fail(I, call->kids[0], "np.linalg.norm() needs an array here, not %s", inf_tyname(I, x.ty));
    if (dt_is_intlike(x.ty->dtype)) x = la_cast(I, x, KILN_FLOAT64, call); /* x.astype(float) */
    int nd = x.ty->ndim;
    Node *ax = arg[1];
    if (!ax || ax->kind == N_NONE) {
        Val r;
        if (o.kind == ORD_NONE || (o.kind == ORD_FRO && nd == 2) || (o.kind == ORD_NUM && o.v == 2 && nd == 1)) r = dot_norm(I, x, call);
        else if (nd == 1) r = vector_norm(I, x, o, 1u, call);
        else if (nd == 2) r = matrix_norm(I, x, o, call);
        else inf_fail(I, call, "Improper number of dimensions to norm.");
        return keep ? kept_dims(I, r, -1, nd, call) : r;
    }
    if (ax->kind == N_TUPLE) inf_fail(I, ax, "np.linalg.norm(): a tuple axis is not supported (an integer or None)");
    int64_t a = cl_const_int(I, ax, "axis", " (it decides the result's shape)");
    if (a < -nd || a >= nd) inf_fail(I, ax, "axis %lld is out of bounds for array of dimension %d", (long long)a, nd);
    if (a < 0) a += nd;
    Val r = vector_norm(I, x, o, 1u << a, call);
    return keep ? kept_dims(I, r, (int)a, nd, call) : r;
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

/* np.linalg.solve(a, b), inv(a), det(a), cholesky(a), eigvalsh(a), eigh(a), eigvals(a), eig(a) (op: LA_*): a a 2-d
 * square matrix (checked at run time: LinAlgError), b 1-d (a vector: passed as an (n, 1) view and read back as one)
 * or 2-d. eig and eigvals of a real matrix give real arrays, as NumPy's do when every eigenvalue is real; a complex
 * eigenvalue raises where it runs (NumPy's complex result has another type: rt/linalg.c) */
Val nl_linalg(Inf *I, Node *call, int op) {
    static const char *const names[] = {"solve", "inv", "det", "cholesky", "eigvalsh", "eigh"};
    const char *fname = op == LA_EIG ? "eig" : op == LA_EIGVALS ? "eigvals" : names[op];
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
    bool values = op == LA_EIGVALSH || op == LA_EIGVALS, pair = op == LA_EIGH || op == LA_EIG;
    const Type *t = op == LA_DET ? ty_scalar(I->tt, (kiln_dtype)dt, false)
                                 : ty_array(I->tt, (kiln_dtype)dt, values ? 1 : 2, LAYOUT_C); /* eigh, eig: (n + 1, n) */
    Val r = val_of(I, inf_emit(I, OP_LIB, t, ops, (uint32_t)want, LIB_LINALG | (int64_t)(vec ? LA_SOLVE1 : op) << 8));
    if (pair) { /* (w, v): row 0 of the (n + 1) x n result, and the rows below it */
        Ref n = inf_dim(I, r, 1), row = inf_stride(I, r, 0), col = inf_stride(I, r, 1);
        Ref wd[1] = {n}, ws[1] = {col}, vd[2] = {n, n}, vs[2] = {row, col};
        Val pair[2] = {vw_make(I, r, inf_k64(I, 0), wd, ws, 1, LAYOUT_C, call),
                       vw_make(I, r, row, vd, vs, 2, LAYOUT_C, call)}; /* offset in bytes: one row */
        return inf_tuple(I, pair, 2);
    }
    if (!vec) return r;
    Ref dims[1] = {inf_dim(I, r, 0)}, strides[1] = {inf_stride(I, r, 0)}; /* the (n, 1) result as a vector */
    return vw_make(I, r, inf_k64(I, 0), dims, strides, 1, LAYOUT_C, call);
}

/* ---- np.linalg.svd, qr, lstsq, pinv: results packed in the rows of one array (rt/linalg.c), taken apart here ---- */

static Ref ix(Inf *I, int op, Ref a, Ref b) { return inf_emit(I, op, inf_i64(I), (Ref[]){a, b}, 2, 0); }

/* the smaller (max: the larger) of two int64s */
static Ref ix_pick(Inf *I, Ref a, Ref b, bool max) {
    Ref lt = inf_emit(I, OP_LT, inf_bool(I), (Ref[]){a, b}, 2, 0);
    return inf_emit(I, OP_SELECT, inf_i64(I), max ? (Ref[]){lt, b, a} : (Ref[]){lt, a, b}, 3, 0);
}

static Ref ix_min(Inf *I, Ref a, Ref b) { return ix_pick(I, a, b, false); }

/* rows r0 .. r0 + rows of packed result p, their first cols columns (cols NULL: one row, a vector of rows values), as
 * an array of its own in C order: NumPy's results are each their own C-contiguous array, and a view of the packed rows
 * (whose width is the widest part's) would have other strides, and give other last bits to sums that follow memory */
static Val la_part(Inf *I, Val p, Ref r0, Ref rows, Ref cols, Node *at) {
    Ref row = inf_stride(I, p, 0), col = inf_stride(I, p, 1), off = ix(I, OP_MUL, r0, row);
    if (!cols) return cl_acopy(I, vw_make(I, p, off, (Ref[]){rows}, (Ref[]){col}, 1, LAYOUT_C, at));
    return cl_acopy(I, vw_make(I, p, off, (Ref[]){rows, cols}, (Ref[]){row, col}, 2, LAYOUT_ANY, at));
}

/* a bool keyword that changes the result's type: written in the call */
static bool la_flag(Inf *I, Node *n, const char *fname, const char *param, bool dflt) {
    if (!n) return dflt;
    if (n->kind != N_BOOL) inf_fail(I, n, "np.linalg.%s(): %s must be True or False written in the call (it decides what "
                                          "the call returns)", fname, param);
    return n->v.i != 0;
}

/* the matrix argument of svd, qr, lstsq and pinv: a 2-d float array (ints as float64) */
static Val la_matrix(Inf *I, Node *call, Node *n, const char *fname) {
    if (!n) inf_fail(I, call, "np.linalg.%s() missing required argument 'a'", fname);
    Val a = la_arg(I, n, fname);
    if (a.ty->ndim < 2)
        inf_fail(I, n, "%d-dimensional array given. Array must be at least two-dimensional", a.ty->ndim);
    if (a.ty->ndim > 2)
        inf_fail(I, n, "np.linalg.%s() of a stack of matrices (%d dimensions) is not supported yet", fname, a.ty->ndim);
    return la_dtype(&a, 1) == (int)a.ty->dtype ? a : la_cast(I, a, KILN_FLOAT64, call);
}

/* an rcond: a number, as a float64 */
static Ref la_rcond(Inf *I, Node *n, const char *fname) {
    Val v = ex_expr(I, n);
    if (v.ty->kind != T_SCALAR || dt_is_complex(v.ty->dtype) || v.ty->dtype == KILN_BOOL)
        inf_fail(I, n, "np.linalg.%s(): rcond must be a real number here, not %s", fname, inf_tyname(I, v.ty));
    return ex_coerce(I, v, ty_scalar(I->tt, KILN_FLOAT64, false), n).r;
}

static Val la_emit(Inf *I, const Type *t, const Ref *ops, int n, int op, int flags) { /* one LIB_LINALG */
    return val_of(I, inf_emit(I, OP_LIB, t, ops, (uint32_t)n, LIB_LINALG | (int64_t)op << 8 | (int64_t)flags << 16));
}

/* np.linalg.svd(a, full_matrices=True, compute_uv=True, hermitian=False): (U, S, Vh), or S */
Val nl_svd(Inf *I, Node *call) {
    Node *arg[4];
    cl_np_bind(I, call, "svd", 0, (const char *const[]){"a", "full_matrices", "compute_uv", "hermitian", NULL}, 4, arg);
    if (la_flag(I, arg[3], "svd", "hermitian", false))
        inf_fail(I, arg[3], "np.linalg.svd(): hermitian=True is not supported yet");
    bool full = la_flag(I, arg[1], "svd", "full_matrices", true), uv = la_flag(I, arg[2], "svd", "compute_uv", true);
    Val a = la_matrix(I, call, arg[0], "svd");
    kiln_dtype dt = a.ty->dtype;
    if (!uv) return la_emit(I, ty_array(I->tt, dt, 1, LAYOUT_C), &a.r, 1, LA_SVD_N, 0);
    Val p = la_emit(I, ty_array(I->tt, dt, 2, LAYOUT_C), &a.r, 1, full ? LA_SVD_A : LA_SVD_S, 0);
    Ref m = inf_dim(I, a, 0), n = inf_dim(I, a, 1), k = ix_min(I, m, n);
    Val v[3] = {la_part(I, p, inf_k64(I, 0), m, full ? m : k, call), la_part(I, p, m, k, 0, call),
                la_part(I, p, ix(I, OP_ADD, m, inf_k64(I, 1)), full ? n : k, n, call)};
    return inf_tuple(I, v, 3);
}

/* np.linalg.qr(a, mode='reduced'): (Q, R) for 'reduced' and 'complete', R for 'r' */
Val nl_qr(Inf *I, Node *call) {
    Node *arg[2];
    cl_np_bind(I, call, "qr", 0, (const char *const[]){"a", "mode", NULL}, 2, arg);
    const char *mode = "reduced";
    if (arg[1]) {
        if (arg[1]->kind != N_STR) inf_fail(I, arg[1], "np.linalg.qr(): mode must be a string written in the call");
        mode = arg[1]->name;
        if (!strcmp(mode, "raw") || !strcmp(mode, "economic") || !strcmp(mode, "e") || !strcmp(mode, "full") ||
            !strcmp(mode, "f"))
            inf_fail(I, arg[1], "np.linalg.qr(): mode '%s' is not supported ('reduced', 'complete' and 'r' are)", mode);
        if (strcmp(mode, "reduced") && strcmp(mode, "complete") && strcmp(mode, "r"))
            inf_fail(I, arg[1], "Unrecognized mode '%s'", mode);
    }
    Val a = la_matrix(I, call, arg[0], "qr");
    const Type *t = ty_array(I->tt, a.ty->dtype, 2, LAYOUT_C);
    if (!strcmp(mode, "r")) return la_emit(I, t, &a.r, 1, LA_QR_R, 0);
    bool complete = !strcmp(mode, "complete");
    Val p = la_emit(I, t, &a.r, 1, complete ? LA_QR_COMPLETE : LA_QR_REDUCED, 0);
    Ref m = inf_dim(I, a, 0), n = inf_dim(I, a, 1), mc = complete ? m : ix_min(I, m, n);
    Val v[2] = {la_part(I, p, inf_k64(I, 0), m, mc, call), la_part(I, p, m, mc, n, call)};
    return inf_tuple(I, v, 2);
}

/* np.linalg.lstsq(a, b, rcond=None): (x, residuals, rank, s); b a vector or a matrix */
Val nl_lstsq(Inf *I, Node *call) {
    Node *arg[3];
    cl_np_bind(I, call, "lstsq", 0, (const char *const[]){"a", "b", "rcond", NULL}, 3, arg);
    if (!arg[1]) inf_fail(I, call, "np.linalg.lstsq() missing required argument 'b'");
    Val a = la_matrix(I, call, arg[0], "lstsq"), b = la_arg(I, arg[1], "lstsq");
    if (b.ty->ndim < 1 || b.ty->ndim > 2)
        inf_fail(I, arg[1], "np.linalg.lstsq(): b must have 1 or 2 dimensions here (it has %d)", b.ty->ndim);
    Val ab[2] = {a, b};
    int dt = la_dtype(ab, 2);
    if ((int)a.ty->dtype != dt) a = la_cast(I, a, dt, call);
    if ((int)b.ty->dtype != dt) b = la_cast(I, b, dt, call);
    bool vec = b.ty->ndim == 1;
    if (vec) /* b as an (m, 1) matrix */
        b = vw_make(I, b, inf_k64(I, 0), (Ref[]){inf_dim(I, b, 0), inf_k64(I, 1)}, (Ref[]){inf_stride(I, b, 0), inf_k64(I, 0)},
                    2, LAYOUT_ANY, call);
    bool given = arg[2] && arg[2]->kind != N_NONE;
    Ref ops[3] = {a.r, b.r, given ? la_rcond(I, arg[2], "lstsq") : inf_const_f(I, ty_scalar(I->tt, KILN_FLOAT64, false), 0)};
    Val p = la_emit(I, ty_array(I->tt, (kiln_dtype)dt, 2, LAYOUT_C), ops, 3, LA_LSTSQ, given ? LA_RCOND : 0);
    Ref m = inf_dim(I, a, 0), n = inf_dim(I, a, 1), k = ix_min(I, m, n), nrhs = inf_dim(I, b, 1);
    Ref last = ix(I, OP_ADD, n, inf_k64(I, 2));
    const Type *et = ty_scalar(I->tt, (kiln_dtype)dt, false);
    Ref rank = inf_load(I, p.r, et, (Ref[]){last, inf_k64(I, 0)}, 2);
    Ref count = inf_load(I, p.r, et, (Ref[]){last, inf_k64(I, 1)}, 2);
    count = inf_emit(I, OP_CAST, inf_i64(I), &count, 1, 0);
    Val x = vec ? cl_acopy(I, vw_make(I, p, inf_k64(I, 0), (Ref[]){n}, (Ref[]){inf_stride(I, p, 0)}, 1, LAYOUT_ANY, call))
                : la_part(I, p, inf_k64(I, 0), n, nrhs, call);
    Val v[4] = {x, la_part(I, p, n, count, 0, call),
                val_of(I, inf_emit(I, OP_CAST, ty_scalar(I->tt, KILN_INT32, false), &rank, 1, 0)),
                la_part(I, p, ix(I, OP_ADD, n, inf_k64(I, 1)), k, 0, call)};
    return inf_tuple(I, v, 4);
}

/* np.linalg.pinv(a, rcond=None, hermitian=False, *, rtol=<unset>): rcond 1e-15 unless given; rtol=None
 * max(m, n) * eps of a's type, a number that number */
Val nl_pinv(Inf *I, Node *call) {
    Node *arg[4];
    cl_np_bind(I, call, "pinv", 0, (const char *const[]){"a", "rcond", "hermitian", "rtol", NULL}, 3, arg);
    if (la_flag(I, arg[2], "pinv", "hermitian", false))
        inf_fail(I, arg[2], "np.linalg.pinv(): hermitian=True is not supported yet");
    Val a = la_matrix(I, call, arg[0], "pinv");
    bool rcond = arg[1] && arg[1]->kind != N_NONE, rtol = arg[3] != NULL;
    if (rcond && rtol) inf_fail(I, call, "`rtol` and `rcond` can't be both set.");
    const Type *f64 = ty_scalar(I->tt, KILN_FLOAT64, false);
    Ref r;
    if (rcond) r = la_rcond(I, arg[1], "pinv");
    else if (rtol && arg[3]->kind != N_NONE) r = la_rcond(I, arg[3], "pinv");
    else if (rtol) { /* None: max(m, n) * eps of a's dtype */
        Ref mx = ix_pick(I, inf_dim(I, a, 0), inf_dim(I, a, 1), true);
        mx = inf_emit(I, OP_CAST, f64, &mx, 1, 0);
        double eps = a.ty->dtype == KILN_FLOAT32 ? (double)FLT_EPSILON : DBL_EPSILON;
        r = inf_emit(I, OP_MUL, f64, (Ref[]){mx, inf_const_f(I, f64, eps)}, 2, 0);
    } else r = inf_const_f(I, f64, 1e-15);
    Ref ops[2] = {a.r, r};
    return la_emit(I, ty_array(I->tt, a.ty->dtype, 2, LAYOUT_C), ops, 2, LA_PINV, 0);
}

/* np.linalg.slogdet(a): (sign, log|det|), NumPy scalars of the result's type */
Val nl_slogdet(Inf *I, Node *call) {
    Node *arg[1];
    cl_np_bind(I, call, "slogdet", 0, (const char *const[]){"a", NULL}, 1, arg);
    Val a = la_matrix(I, call, arg[0], "slogdet");
    kiln_dtype dt = a.ty->dtype;
    Val p = la_emit(I, ty_array(I->tt, dt, 1, LAYOUT_C), &a.r, 1, LA_SLOGDET, 0);
    const Type *et = ty_scalar(I->tt, dt, false);
    Val v[2] = {val_of(I, inf_load(I, p.r, et, (Ref[]){inf_k64(I, 0)}, 1)),
                val_of(I, inf_load(I, p.r, et, (Ref[]){inf_k64(I, 1)}, 1))};
    return inf_tuple(I, v, 2);
}
