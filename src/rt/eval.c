/*
 * eval.c — the scalar semantics of every IR op, by value class:
 * int64-canonical integers (narrow ints re-wrapped after each op), uint64,
 * float32, float64, complex64, complex128. Errors come back as RtErr codes.
 */
#include "eval.h"
#include "../ir/mathfn.h"
#include <math.h>

enum { CL_I, CL_U, CL_S, CL_F, CL_Z, CL_C };

static int cls(int d) {
    switch (d) {
    case KILN_UINT64: return CL_U;
    case KILN_FLOAT32: return CL_S;
    case KILN_FLOAT64: return CL_F;
    case KILN_COMPLEX64: return CL_Z;
    case KILN_COMPLEX128: return CL_C;
    default: return CL_I;
    }
}

void ev_from_scalar(const Type *t, const Scalar *s, Slot *out) {
    switch (cls(t->dtype)) {
    case CL_S: out[0].f32 = (float)s->f; break;
    case CL_F: out[0].f = s->f; break;
    case CL_Z: out[0].c64[0] = (float)s->c[0]; out[0].c64[1] = (float)s->c[1]; break;
    case CL_C: out[0].f = s->c[0]; out[1].f = s->c[1]; break;
    default: out[0].i = s->i; break;
    }
}

void ev_to_scalar(const Type *t, const Slot *in, Scalar *s) {
    memset(s, 0, sizeof *s);
    switch (cls(t->dtype)) {
    case CL_S: s->f = in[0].f32; break;
    case CL_F: s->f = in[0].f; break;
    case CL_Z: s->c[0] = in[0].c64[0]; s->c[1] = in[0].c64[1]; break;
    case CL_C: s->c[0] = in[0].f; s->c[1] = in[1].f; break;
    default: s->i = in[0].i; break;
    }
}

/* read any scalar slot as double / complex (for conversions) */
static double as_f(int d, const Slot *s) {
    switch (cls(d)) {
    case CL_U: return (double)s->u;
    case CL_S: return s->f32;
    case CL_F: return s->f;
    case CL_Z: return s->c64[0];
    case CL_C: return s[0].f;
    default: return (double)s->i;
    }
}

static cplx as_c(int d, const Slot *s) {
    cplx c = {as_f(d, s), 0};
    if (d == KILN_COMPLEX64) c.im = s->c64[1];
    if (d == KILN_COMPLEX128) c.im = s[1].f;
    return c;
}

static void put_c(int d, cplx c, Slot *out) {
    if (d == KILN_COMPLEX64) { out->c64[0] = (float)c.re; out->c64[1] = (float)c.im; }
    else { out[0].f = c.re; out[1].f = c.im; }
}

/* np: an array's element cast by NumPy's loop (INS_NUMPY): a float to an integer takes x86-64's
 * values for NaN and out-of-range floats, where int() semantics raise */
static RtErr cast(int from, int to, const Slot *in, Slot *out, bool np) {
    int cf = cls(from), ct = cls(to);
    if (np && (cf == CL_S || cf == CL_F) && (ct == CL_I || ct == CL_U)) { out->i = rt_f2i_np(as_f(from, in), to); return RE_OK; }
    if (to == KILN_BOOL) {
        if (cf == CL_Z || cf == CL_C) { cplx c = as_c(from, in); out->i = c.re != 0 || c.im != 0; }
        else if (cf == CL_S || cf == CL_F) out->i = as_f(from, in) != 0;
        else out->i = in->i != 0;
        return RE_OK;
    }
    switch (ct) {
    case CL_I: case CL_U:
        if (cf == CL_I || cf == CL_U) { out->i = rt_wrap(in->i, to); return RE_OK; }
        if (cf == CL_S || cf == CL_F) {
            double x = as_f(from, in);
            RtErr e;
            if (ct == CL_U) { e = rt_f2u(x, &out->u); return e; }
            int64_t v;
            if (to != KILN_INT64 && !isnan(x) && !isinf(x) && x < 0 && x > -9.3e18) { /* narrow: wrap like numpy */
                e = rt_f2i(x, &v);
            } else e = rt_f2i(x, &v);
            if (e == RE_BIG_TO_INT && dt_is_unsigned(to)) { uint64_t u; e = rt_f2u(x, &u); v = (int64_t)u; }
            if (e) return e;
            out->i = rt_wrap(v, to);
            return RE_OK;
        }
        return RE_OK; /* complex -> int is rejected at compile time */
    case CL_S: out->f32 = cf == CL_I ? (float)in->i : cf == CL_U ? (float)in->u : (float)as_f(from, in); return RE_OK;
    case CL_F: out->f = as_f(from, in); return RE_OK;
    default: put_c(to, as_c(from, in), out); return RE_OK;
    }
}

#define CMP(x, y) \
    switch (op) { \
    case OP_EQ: out->i = (x) == (y); return RE_OK; \
    case OP_NE: out->i = (x) != (y); return RE_OK; \
    case OP_LT: out->i = (x) < (y); return RE_OK; \
    case OP_LE: out->i = (x) <= (y); return RE_OK; \
    case OP_GT: out->i = (x) > (y); return RE_OK; \
    case OP_GE: out->i = (x) >= (y); return RE_OK; \
    }

static RtErr ev_int(int op, int d, int64_t a, int64_t b, Slot *out) {
    int64_t r = 0;
    RtErr e = RE_OK;
    switch (op) {
    case OP_ADD: r = (int64_t)((uint64_t)a + (uint64_t)b); break;
    case OP_SUB: r = (int64_t)((uint64_t)a - (uint64_t)b); break;
    case OP_MUL: r = (int64_t)((uint64_t)a * (uint64_t)b); break;
    case OP_FLOORDIV: e = rt_floordiv_i64(a, b, &r); break;
    case OP_MOD: e = rt_mod_i64(a, b, &r); break;
    case OP_POW: e = rt_pow_i64(a, b, &r); break;
    case OP_NEG: r = (int64_t)(0 - (uint64_t)a); break;
    case OP_ABS: r = a < 0 ? (int64_t)(0 - (uint64_t)a) : a; break;
    case OP_INV: r = ~a; break;
    case OP_NOT: r = !a; break;
    case OP_AND: r = a & b; break;
    case OP_OR: r = a | b; break;
    case OP_XOR: r = a ^ b; break;
    case OP_SHL: e = rt_shl(a, b, &r); break;
    case OP_SHR: e = rt_shr_i64(a, b, &r); break;
    default: CMP(a, b); return RE_OK;
    }
    if (e) return e;
    out->i = rt_wrap(r, d);
    return RE_OK;
}

static RtErr ev_uint(int op, uint64_t a, uint64_t b, Slot *out) {
    switch (op) {
    case OP_FLOORDIV: return rt_floordiv_u64(a, b, &out->u);
    case OP_MOD: return rt_mod_u64(a, b, &out->u);
    case OP_POW: return rt_pow_u64(a, b, &out->u);
    case OP_SHR: return rt_shr_u64(a, (int64_t)b, &out->u);
    case OP_ABS: out->u = a; return RE_OK;
    case OP_SHL: return rt_shl((int64_t)a, (int64_t)b, &out->i);
    default: break;
    }
    CMP(a, b);
    return ev_int(op, KILN_UINT64, (int64_t)a, (int64_t)b, out);
}

static RtErr ev_f64(int op, unsigned flags, double a, double b, Slot *out) {
    switch (op) {
    case OP_ADD: out->f = a + b; return RE_OK;
    case OP_SUB: out->f = a - b; return RE_OK;
    case OP_MUL: out->f = a * b; return RE_OK;
    case OP_DIV:
        if (b == 0 && !(flags & INS_NUMPY)) return (flags & DIV_INTS) ? RE_ZDIV : RE_ZDIV_FLOAT;
        out->f = a / b; return RE_OK;
    case OP_FLOORDIV: return rt_floordiv_f64(a, b, &out->f);
    case OP_MOD: return rt_mod_f64(a, b, &out->f);
    case OP_POW: return rt_pow_f64(a, b, (flags & POW_PYTHON) != 0, &out->f);
    case OP_NEG: out->f = -a; return RE_OK;
    case OP_ABS: out->f = fabs(a); return RE_OK;
    default: break;
    }
    CMP(a, b);
    return RE_OK;
}

static RtErr ev_f32(int op, unsigned flags, float a, float b, Slot *out) {
    switch (op) {
    case OP_ADD: out->f32 = a + b; return RE_OK;
    case OP_SUB: out->f32 = a - b; return RE_OK;
    case OP_MUL: out->f32 = a * b; return RE_OK;
    case OP_DIV:
        if (b == 0 && !(flags & INS_NUMPY)) return RE_ZDIV_FLOAT;
        out->f32 = a / b; return RE_OK;
    case OP_FLOORDIV: return rt_floordiv_f32(a, b, &out->f32);
    case OP_MOD: return rt_mod_f32(a, b, &out->f32);
    case OP_POW: return rt_pow_f32(a, b, &out->f32);
    case OP_NEG: out->f32 = -a; return RE_OK;
    case OP_ABS: out->f32 = fabsf(a); return RE_OK;
    default: break;
    }
    CMP(a, b);
    return RE_OK;
}

static RtErr ev_c128(int op, unsigned flags, int64_t aux, const Type *rt, cplx a, cplx b, Slot *out) {
    cplx r = {0, 0};
    RtErr e = RE_OK;
    switch (op) {
    case OP_ADD: r.re = a.re + b.re; r.im = a.im + b.im; break;
    case OP_SUB: r.re = a.re - b.re; r.im = a.im - b.im; break;
    case OP_MUL: r = (flags & INS_NUMPY) ? rt_cmul_np(a, b) : rt_cmul(a, b); break;
    case OP_DIV: e = rt_cdiv(a, b, &r); break;
    case OP_POW: if (flags & INS_NUMPY) r = rt_cpow_np(a, b, (int)aux); else e = rt_cpow(a, b, &r); break;
    case OP_NEG: r.re = -a.re; r.im = -a.im; break;
    case OP_CONJ: r.re = a.re; r.im = -a.im; break;
    case OP_ABS: if (flags & INS_NUMPY) { out->f = rt_cabs_np(a); return RE_OK; } return rt_cabs(a, &out->f);
    case OP_REAL: out->f = a.re; return RE_OK;
    case OP_IMAG: out->f = a.im; return RE_OK;
    case OP_EQ: out->i = a.re == b.re && a.im == b.im; return RE_OK;
    case OP_NE: out->i = a.re != b.re || a.im != b.im; return RE_OK;
    default: return RE_OK;
    }
    (void)flags; (void)rt;
    if (e) return e;
    out[0].f = r.re; out[1].f = r.im;
    return RE_OK;
}

static RtErr ev_c64(int op, unsigned flags, int64_t aux, cplxf a, cplxf b, Slot *out) {
    cplxf r = {0, 0};
    RtErr e = RE_OK;
    switch (op) {
    case OP_ADD: r.re = a.re + b.re; r.im = a.im + b.im; break;
    case OP_SUB: r.re = a.re - b.re; r.im = a.im - b.im; break;
    case OP_MUL: r = (flags & INS_NUMPY) ? rt_cmulf_np(a, b) : rt_cmulf(a, b); break;
    case OP_DIV: e = rt_cdivf(a, b, &r); break;
    case OP_POW: if (flags & INS_NUMPY) r = rt_cpowf_np(a, b, (int)aux); else e = rt_cpowf(a, b, &r); break;
    case OP_NEG: r.re = -a.re; r.im = -a.im; break;
    case OP_CONJ: r.re = a.re; r.im = -a.im; break;
    case OP_ABS: out->f32 = (flags & INS_NUMPY) ? rt_cabsf_np(a) : hypotf(a.re, a.im); return RE_OK;
    case OP_REAL: out->f32 = a.re; return RE_OK;
    case OP_IMAG: out->f32 = a.im; return RE_OK;
    case OP_EQ: out->i = a.re == b.re && a.im == b.im; return RE_OK;
    case OP_NE: out->i = a.re != b.re || a.im != b.im; return RE_OK;
    default: return RE_OK;
    }
    if (e) return e;
    out->c64[0] = r.re; out->c64[1] = r.im;
    return RE_OK;
}

RtErr ev_op(int op, unsigned flags, int64_t aux, const Type *rt, const Type *at, Slot *const *ops, int n, Slot *out) {
    static const Slot zero[2];
    const Slot *a = n > 0 ? ops[0] : zero, *b = n > 1 ? ops[1] : zero;
    switch (op) {
    case OP_CAST: return cast(at->dtype, rt->dtype, a, out, (flags & INS_NUMPY) != 0);
    case OP_SELECT: {
        int k = slots_of(rt);
        const Slot *src = ops[0]->i ? ops[1] : ops[2];
        for (int i = 0; i < k; i++) out[i] = src[i];
        return RE_OK;
    }
    case OP_CPLX:
        if (rt->dtype == KILN_COMPLEX64) { out->c64[0] = a->f32; out->c64[1] = b->f32; }
        else { out[0].f = a->f; out[1].f = b->f; }
        return RE_OK;
    case OP_MATH: {
        if (aux == MF_ROUNDI) { out->i = rt_round_half_even_i64(a->i, b->i); return RE_OK; }
        if (rt->dtype == KILN_COMPLEX64) { rt_cmathf((int)aux, a->c64, out->c64); return RE_OK; }
        if (rt->dtype == KILN_COMPLEX128 && !(flags & INS_NUMPY)) { /* Python's cmath (rect: two floats) */
            bool rect = aux == MF_CRECT;
            double z[2] = {a[0].f, rect ? 0 : a[1].f}, w[2] = {b[0].f, rect || n < 2 ? 0 : b[1].f}, r[2];
            RtErr e = rt_pycmath((int)aux, z, w, r);
            out[0].f = r[0]; out[1].f = r[1];
            return e;
        }
        if (rt->dtype == KILN_COMPLEX128) {
            double z[2] = {a[0].f, a[1].f}, w[2];
            rt_cmath((int)aux, z, w);
            out[0].f = w[0]; out[1].f = w[1];
            return RE_OK;
        }
        double x[2] = {a->f, b->f};
        if (flags & INS_NUMPY) return rt_math_ieee((int)aux, x, &out->f);
        return rt_math((int)aux, x, &out->f);
    }
    default: break;
    }
    switch (cls(at->dtype)) {
    case CL_U: return ev_uint(op, a->u, b->u, out);
    case CL_S: return ev_f32(op, flags, a->f32, b->f32, out);
    case CL_F: return ev_f64(op, flags, a->f, b->f, out);
    case CL_Z: {
        cplxf x = {a->c64[0], a->c64[1]}, y = {b->c64[0], b->c64[1]};
        return ev_c64(op, flags, aux, x, y, out);
    }
    case CL_C: {
        cplx x = {a[0].f, a[1].f}, y = {b[0].f, b[1].f};
        return ev_c128(op, flags, aux, rt, x, y, out);
    }
    default: return ev_int(op, rt && rt->kind == T_SCALAR ? rt->dtype : KILN_INT64, a->i, b->i, out);
    }
}
