/*
 * linalg.c — matrix products: a @ b, np.matmul, np.dot and np.einsum
 * (the contractions that are batched matrix products, as attention uses),
 * and a.astype(dtype).
 *
 * Every product becomes one OP_LIB (rt/matmul.c) on views of shape
 * (batch..., M, K) and (batch..., K, N) built from the operands' own
 * strides: an einsum's subscripts only decide which axis plays which part,
 * so "bhqd,bhkd->bhqk" reads k transposed in place, without a copy, and
 * the result is a view of the (batch..., M, N) product in the output's
 * subscript order. A missing M or N (a vector operand) is a length-1 axis
 * with stride 0, dropped again from the result. An einsum of one operand is
 * a view too (permuted axes, diagonals), summed where the output drops a label.
 */
#include "infer.h"
#include "../ir/lib.h"
#include <stdio.h>
#include <string.h>


/* a new array holding a's elements converted to dtype dt, laid out as a is (NumPy's astype, order 'K') */
Val la_cast(Inf *I, Val a, int dt, Node *at) {
    if (a.ty->kind != T_ARRAY) inf_fail(I, at, "astype() needs an array, not %s", inf_tyname(I, a.ty));
    Val o = ew_new_like(I, a, dt, at);
    ew_store_fresh(I, o, a, at);
    return o;
}

/* the common dtype of two product operands, each converted to it */
static int operands(Inf *I, Val *a, Val *b, Node *at, const char *nm) {
    for (int i = 0; i < 2; i++) {
        Val *v = i ? b : a;
        if (v->ty->kind != T_ARRAY)
            inf_fail(I, at, "%s: Input operand %d does not have enough dimensions (it is %s)", nm, i, inf_tyname(I, v->ty));
        if (v->ty->ndim == 0) inf_fail(I, at, "%s: Input operand %d does not have enough dimensions", nm, i);
    }
    int dt = dt_promote((kiln_dtype)a->ty->dtype, (kiln_dtype)b->ty->dtype);
    if (dt == KILN_BOOL) inf_fail(I, at, "%s of %s arrays is not supported yet", nm, kiln_dtype_name(dt));
    if (a->ty->dtype != dt) *a = la_cast(I, *a, dt, at);
    if (b->ty->dtype != dt) *b = la_cast(I, *b, dt, at);
    return dt;
}

/* the product of views a3 (batch..., M, K) and b3 (batch..., K, N): a new (batch..., M, N) */
static Val product(Inf *I, Val a3, Val b3, int nb, int dt, bool dot) {
    Ref ops[2] = {a3.r, b3.r};
    const Type *t = ty_array(I->tt, (kiln_dtype)dt, nb + 2, LAYOUT_C);
    return val_of(I, inf_emit(I, OP_LIB, t, ops, 2, LIB_MATMUL | (int64_t)nb << 8 | (int64_t)(dot ? MATMUL_DOT : 0) << 16));
}

/* r without the axes in mask (each of length 1); a scalar when none is left */
static Val drop(Inf *I, Val r, unsigned mask, Node *at) {
    int nd = r.ty->ndim, n = 0;
    Ref dims[KILN_MAXDIM], strides[KILN_MAXDIM];
    if (mask == (1u << nd) - 1) {
        Ref zero[KILN_MAXDIM];
        for (int k = 0; k < nd; k++) zero[k] = inf_k64(I, 0);
        return val_of(I, inf_load(I, r.r, ty_scalar(I->tt, r.ty->dtype, false), zero, nd));
    }
    if (!mask) return r;
    for (int k = 0; k < nd; k++)
        if (!((mask >> k) & 1)) { dims[n] = inf_dim(I, r, k); strides[n++] = inf_stride(I, r, k); }
    return vw_make(I, r, inf_k64(I, 0), dims, strides, n, LAYOUT_C, at);
}

/* a @ b with NumPy's matmul rules: vectors promoted to matrices and back, batch axes broadcast (dot: np.dot's) */
static Val matmul(Inf *I, Val a, Val b, Node *at, bool dot) {
    if (a.ty->kind == T_UNKNOWN) return a;
    if (b.ty->kind == T_UNKNOWN) return b;
    int dt = operands(I, &a, &b, at, "matmul");
    int na = a.ty->ndim, nbd = b.ty->ndim;
    int ba = na > 2 ? na - 2 : 0, bb = nbd > 2 ? nbd - 2 : 0, nb = ba > bb ? ba : bb;
    if (nb + 2 > KILN_MAXDIM) inf_fail(I, at, "matmul of more than %d dimensions is not supported", KILN_MAXDIM);
    if (na == 1 && nbd == 1) { /* the scalar itself: no (1, 1) array made and read (a dot in a loop allocates nothing) */
        Ref ops[2] = {a.r, b.r};
        int64_t fl = MATMUL_VEC | (dot ? MATMUL_DOT : 0);
        return val_of(I, inf_emit(I, OP_LIB, ty_scalar(I->tt, (kiln_dtype)dt, false), ops, 2, LIB_MATMUL | fl << 16));
    }
    Ref da[KILN_MAXDIM], sa[KILN_MAXDIM], db[KILN_MAXDIM], sb[KILN_MAXDIM];
    for (int k = 0; k < nb; k++) {
        int ka = k - (nb - ba), kb = k - (nb - bb);
        da[k] = ka < 0 ? inf_k64(I, 1) : inf_dim(I, a, ka); sa[k] = ka < 0 ? inf_k64(I, 0) : inf_stride(I, a, ka);
        db[k] = kb < 0 ? inf_k64(I, 1) : inf_dim(I, b, kb); sb[k] = kb < 0 ? inf_k64(I, 0) : inf_stride(I, b, kb);
    }
    if (na == 1) { da[nb] = inf_k64(I, 1); sa[nb] = inf_k64(I, 0); da[nb + 1] = inf_dim(I, a, 0); sa[nb + 1] = inf_stride(I, a, 0); }
    else for (int j = 0; j < 2; j++) { da[nb + j] = inf_dim(I, a, na - 2 + j); sa[nb + j] = inf_stride(I, a, na - 2 + j); }
    if (nbd == 1) { db[nb] = inf_dim(I, b, 0); sb[nb] = inf_stride(I, b, 0); db[nb + 1] = inf_k64(I, 1); sb[nb + 1] = inf_k64(I, 0); }
    else for (int j = 0; j < 2; j++) { db[nb + j] = inf_dim(I, b, nbd - 2 + j); sb[nb + j] = inf_stride(I, b, nbd - 2 + j); }
    Val a3 = vw_make(I, a, inf_k64(I, 0), da, sa, nb + 2, LAYOUT_ANY, at);
    Val b3 = vw_make(I, b, inf_k64(I, 0), db, sb, nb + 2, LAYOUT_ANY, at);
    Val r = product(I, a3, b3, nb, dt, dot);
    unsigned mask = (na == 1 ? 1u << nb : 0) | (nbd == 1 ? 1u << (nb + 1) : 0);
    return drop(I, r, mask, at);
}

Val la_matmul(Inf *I, Val a, Val b, Node *at) { return matmul(I, a, b, at, false); }

/* np.dot: matmul for vectors and matrices, multiplication with a scalar */
Val la_dot(Inf *I, Node *call) {
    if (call->nkids != 2 || call->nkids2) inf_fail(I, call, "np.dot() takes 2 positional arguments here");
    Val a = ex_expr(I, call->kids[0]), b = ex_expr(I, call->kids[1]);
    if (a.ty->kind == T_UNKNOWN || b.ty->kind == T_UNKNOWN) return a.ty->kind == T_UNKNOWN ? a : b;
    if (a.ty->kind == T_SCALAR || b.ty->kind == T_SCALAR) {
        if (a.ty->kind == T_SCALAR && b.ty->kind == T_SCALAR) return ex_binop(I, TK_STAR, a, b, call, call->kids[1]);
        return ew_force(I, ew_binop(I, TK_STAR, a, b, call), call);
    }
    if (a.ty->kind == T_ARRAY && b.ty->kind == T_ARRAY && (a.ty->ndim > 2 || b.ty->ndim > 2))
        inf_fail(I, call, "np.dot of arrays of more than 2 dimensions is not supported (np.matmul and einsum are)");
    return matmul(I, a, b, call, true);
}

Val la_matmul_call(Inf *I, Node *call) {
    if (call->nkids != 2 || call->nkids2) inf_fail(I, call, "np.matmul() takes 2 positional arguments here");
    return la_matmul(I, ex_expr(I, call->kids[0]), ex_expr(I, call->kids[1]), call);
}

/* ---- einsum ---- */

typedef struct Subs { char in[2][KILN_MAXDIM + 1], out[KILN_MAXDIM + 1]; int nin[2], nout; } Subs;

static void parse_subs(Inf *I, const char *s, int nops, Subs *q, Node *at) {
    memset(q, 0, sizeof *q);
    int op = 0;
    bool arrow = false;
    for (const char *p = s; *p; p++) {
        char c = *p;
        if (c == ' ') continue;
        if (c == ',' && !arrow) { if (++op > 1) inf_fail(I, at, "einsum with more than 2 operands is not supported yet"); continue; }
        if (c == '-' && p[1] == '>' && !arrow) { arrow = true; p++; continue; }
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            inf_fail(I, at, "invalid subscript '%c' in einstein sum subscripts string (letters only here; no '...')", c);
        int *n = arrow ? &q->nout : &q->nin[op];
        char *d = arrow ? q->out : q->in[op];
        if (*n == KILN_MAXDIM) inf_fail(I, at, "einsum: too many subscripts for one operand");
        if (memchr(d, c, (size_t)*n) && !arrow && nops == 2)
            inf_fail(I, at, "einsum: repeated subscript '%c' in one of two operands is not supported", c);
        d[(*n)++] = c;
    }
    if (op != nops - 1) inf_fail(I, at, "einsum: the subscripts name %d operand%s, the call passes %d", op + 1, op ? "s" : "", nops);
    if (!arrow) { /* implicit output: the labels that appear once, in alphabetical order */
        for (int c = 'A'; c <= 'z'; c++) {
            int cnt = 0;
            for (int i = 0; i < nops; i++) for (int j = 0; j < q->nin[i]; j++) cnt += q->in[i][j] == c;
            if (cnt == 1) q->out[q->nout++] = (char)c;
        }
    }
}

static int where(const char *s, int n, char c) {
    const char *p = memchr(s, c, (size_t)n);
    return p ? (int)(p - s) : -1;
}

/* np.einsum of one operand: the view NumPy returns (axes in the output's order; a label repeated in the input takes
 * the diagonal, its axes' strides added), summed over the labels the output leaves out (np.sum's pairwise order:
 * NumPy's einsum adds with its own loops, a deviation in the last bits of floats) in the operand's dtype */
static Val einsum1(Inf *I, Node *call, Node *sn, const Subs *q, Val a) {
    if (a.ty->ndim < q->nin[0])
        inf_fail(I, call->kids[1], "einstein sum subscripts string contains too many subscripts for operand 0");
    if (a.ty->ndim > q->nin[0])
        inf_fail(I, call->kids[1], "operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis "
                                   "provided to broadcast the extra dimensions.");
    char lab[KILN_MAXDIM];
    Ref d[KILN_MAXDIM], st[KILN_MAXDIM];
    int nl = 0;
    for (int j = 0; j < q->nin[0]; j++) {
        Ref dj = inf_dim(I, a, j), sj = inf_stride(I, a, j);
        int l = where(lab, nl, q->in[0][j]);
        if (l < 0) { lab[nl] = q->in[0][j]; d[nl] = dj; st[nl++] = sj; continue; }
        Ref ne = inf_op2(I, OP_NE, inf_bool(I), d[l], dj);
        TxPart msg[] = {{"dimensions in single operand for collapsing index '", 0}, {(char[]){lab[l], 0}, 0},
                        {"' don't match (", 0}, {NULL, d[l]}, {" != ", 0}, {NULL, dj}, {")", 0}};
        tx_raise_if(I, ne, "ValueError", msg, 7);
        st[l] = inf_op2(I, OP_ADD, inf_i64(I), st[l], sj);
    }
    for (int i = 0; i < q->nout; i++) {
        char c = q->out[i];
        if (where(q->out, i, c) >= 0) inf_fail(I, sn, "einstein sum subscripts string includes output subscript '%c' multiple times", c);
        if (where(lab, nl, c) < 0) inf_fail(I, sn, "einstein sum subscripts string included output subscript '%c' which never appeared in an input", c);
    }
    Val v = vw_make(I, a, inf_k64(I, 0), d, st, nl, LAYOUT_ANY, call);
    unsigned summed = 0;
    char kept[KILN_MAXDIM];
    int nk = 0;
    for (int l = 0; l < nl; l++) {
        if (where(q->out, q->nout, lab[l]) < 0) summed |= 1u << l;
        else kept[nk++] = lab[l];
    }
    if (summed) {
        v = rd_axes(I, v, RK_SUM, summed, call);
        if ((int)v.ty->dtype != (int)a.ty->dtype) { /* NumPy's einsum adds in the operand's dtype (wrapping, or bool's or) */
            const Type *t = nk ? ty_array(I->tt, a.ty->dtype, nk, LAYOUT_C) : ty_scalar(I->tt, a.ty->dtype, false);
            v = nk ? la_cast(I, v, a.ty->dtype, call) : ex_coerce(I, v, t, call);
        }
        if (!nk) return v;
    }
    Ref od[KILN_MAXDIM], os[KILN_MAXDIM];
    bool increasing = true;
    for (int i = 0, prev = -1; i < q->nout; i++) {
        int ax = where(kept, nk, q->out[i]);
        increasing &= ax > prev;
        prev = ax;
        od[i] = inf_dim(I, v, ax); os[i] = inf_stride(I, v, ax);
    }
    if (increasing && summed) return v;
    return vw_make(I, v, inf_k64(I, 0), od, os, q->nout, LAYOUT_ANY, call);
}

Val la_einsum(Inf *I, Node *call) {
    if ((call->nkids != 3 && call->nkids != 2) || call->nkids2)
        inf_fail(I, call, "np.einsum() here takes a subscripts string and one or two arrays");
    Node *sn = call->kids[0];
    if (sn->kind != N_STR) inf_fail(I, sn, "einsum subscripts must be a string constant");
    Subs q;
    parse_subs(I, sn->name, call->nkids - 1, &q, sn);
    if (call->nkids == 2) {
        Val a = ex_expr(I, call->kids[1]);
        if (a.ty->kind == T_UNKNOWN) return a;
        if (a.ty->kind != T_ARRAY) inf_fail(I, call->kids[1], "einsum operands must be arrays here");
        return einsum1(I, call, sn, &q, a);
    }
    Val ops[2] = {ex_expr(I, call->kids[1]), ex_expr(I, call->kids[2])};
    if (ops[0].ty->kind == T_UNKNOWN || ops[1].ty->kind == T_UNKNOWN) return ops[ops[0].ty->kind != T_UNKNOWN];
    for (int i = 0; i < 2; i++) {
        if (ops[i].ty->kind != T_ARRAY) inf_fail(I, call->kids[1 + i], "einsum operands must be arrays here");
        if (ops[i].ty->ndim != q.nin[i])
            inf_fail(I, call->kids[1 + i], "einstein sum subscripts string contains %s subscripts for operand %d",
                     ops[i].ty->ndim > q.nin[i] ? "too few" : "too many", i);
    }
    int dt = operands(I, &ops[0], &ops[1], call, "einsum");
    /* each label: batch (both inputs and the output), M (first and output), N (second and output), K (both, summed) */
    char batch[KILN_MAXDIM], m = 0, n = 0, k = 0;
    int nb = 0;
    for (int i = 0; i < q.nout; i++) {
        char c = q.out[i];
        int a = where(q.in[0], q.nin[0], c), b = where(q.in[1], q.nin[1], c);
        if (where(q.out, i, c) >= 0) inf_fail(I, sn, "einstein sum subscripts string includes output subscript '%c' multiple times", c);
        if (a < 0 && b < 0) inf_fail(I, sn, "einstein sum subscripts string included output subscript '%c' which never appeared in an input", c);
        if (a >= 0 && b >= 0) batch[nb++] = c;
        else if (a >= 0) { if (m) inf_fail(I, sn, "einsum: this contraction is not a batched matrix product (supported so far)"); m = c; }
        else { if (n) inf_fail(I, sn, "einsum: this contraction is not a batched matrix product (supported so far)"); n = c; }
    }
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < q.nin[i]; j++) {
            char c = q.in[i][j];
            if (where(q.out, q.nout, c) >= 0) continue;
            if (where(q.in[1 - i], q.nin[1 - i], c) < 0 || (k && k != c))
                inf_fail(I, sn, "einsum: this contraction is not a batched matrix product (supported so far)");
            k = c;
        }
    /* the views: (batch..., M, K) and (batch..., K, N); lengths of shared labels must agree */
    Ref d[2][KILN_MAXDIM], s[2][KILN_MAXDIM];
    char roles[2][3] = {{m, k}, {k, n}};
    for (int i = 0; i < 2; i++) {
        for (int j = 0; j < nb + 2; j++) {
            char c = j < nb ? batch[j] : roles[i][j - nb];
            int ax = c ? where(q.in[i], q.nin[i], c) : -1;
            d[i][j] = ax < 0 ? inf_k64(I, 1) : inf_dim(I, ops[i], ax);
            s[i][j] = ax < 0 ? inf_k64(I, 0) : inf_stride(I, ops[i], ax);
        }
    }
    Ref bad = inf_const_i(I, ty_scalar(I->tt, KILN_BOOL, true), 0);
    for (int j = 0; j < nb + 1; j++) { /* the batch axes and K: d[0][nb+1] is K in the first, d[1][nb] in the second */
        Ref x = d[0][j < nb ? j : nb + 1], y = d[1][j < nb ? j : nb];
        Ref o2[2] = {x, y};
        Ref ne = inf_emit(I, OP_NE, ty_scalar(I->tt, KILN_BOOL, true), o2, 2, 0);
        Ref o3[2] = {bad, ne};
        bad = inf_emit(I, OP_OR, ty_scalar(I->tt, KILN_BOOL, true), o3, 2, 0);
    }
    st_raise_if(I, bad, "ValueError", "einsum: operands have different lengths for the same subscript");
    Val a3 = vw_make(I, ops[0], inf_k64(I, 0), d[0], s[0], nb + 2, LAYOUT_ANY, call);
    Val b3 = vw_make(I, ops[1], inf_k64(I, 0), d[1], s[1], nb + 2, LAYOUT_ANY, call);
    Val r = product(I, a3, b3, nb, dt, false);
    /* the output in its subscripts' order */
    if (q.nout == 0) return drop(I, r, (1u << (nb + 2)) - 1, call);
    Ref od[KILN_MAXDIM], os[KILN_MAXDIM];
    bool increasing = true; /* axes of r in order (length-1 ones left out): still C-contiguous */
    for (int i = 0, prev = -1; i < q.nout; i++) {
        char c = q.out[i];
        int ax = c == m ? nb : c == n ? nb + 1 : where(batch, nb, c);
        increasing &= ax > prev;
        prev = ax;
        od[i] = inf_dim(I, r, ax); os[i] = inf_stride(I, r, ax);
    }
    return vw_make(I, r, inf_k64(I, 0), od, os, q.nout, increasing ? LAYOUT_C : LAYOUT_ANY, call);
}
