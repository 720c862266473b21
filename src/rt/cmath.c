/*
 * cmath.c — Python's cmath module as CPython computes it, bit for bit: its formulas for finite arguments (the
 * rescalings that keep sqrt and log accurate for subnormal and huge parts, log1p near |z| = 1, the e-folded
 * exponentials past log(DBL_MAX / 4)), the C99 Annex G values it gives for infinite and NaN parts, and its errors:
 * ValueError("math domain error") where Annex G signals divide-by-zero or invalid, OverflowError("math range
 * error") where a finite argument overflows.
 *
 * NumPy's complex ufuncs are another thing (glibc's csqrt & co., rt/arith.c rt_cmath): OP_MATH on complex values
 * means this file's functions unless the instruction carries INS_NUMPY.
 *
 * Special values are written as rules on the classes of the two parts (-inf, finite, ±0, +inf, NaN), one function
 * each, not as CPython's 7x7 tables; test/python/test_cmath.py checks every class pair of every function against
 * CPython. Built with -ffp-contract=off, as all of rt/ is: a fused multiply-add would change the bits.
 */
#include "arith.h"
#include "../ir/mathfn.h"
#include <float.h>
#include <math.h>

#define LARGE (DBL_MAX / 4.)     /* beyond it, hypot and x + hypot may overflow: halve first */
#define SCALE_UP (2 * (DBL_MANT_DIG / 2) + 1) /* 2**53: a subnormal becomes normal */
#define SCALE_DOWN (-(SCALE_UP + 1) / 2)
#define P (3.141592653589793238462643383279502884)
#define P12 (0.5 * P)
#define P14 (0.25 * P)
#define P34 (0.75 * P)
#define LN2 (0.6931471805599453094)
#define LN10 (2.302585092994045684)
#define EE (2.718281828459045235360287471352662498)

typedef struct { double re, im; RtErr err; } Cx;

static Cx cx(double re, double im) { return (Cx){re, im, RE_OK}; }
static Cx cx_err(double re, double im, RtErr e) { return (Cx){re, im, e}; }
static bool finite2(double x, double y) { return isfinite(x) && isfinite(y); }
static double log_large(void) { return log(LARGE); }

/* ---- sqrt ---- */

static Cx c_sqrt(double x, double y) {
    if (!finite2(x, y)) {
        if (isinf(y)) return cx(INFINITY, y);                               /* any x, NaN too */
        if (isnan(x)) return cx(NAN, NAN);
        if (isinf(x)) {
            if (isnan(y)) return x < 0 ? cx(NAN, INFINITY) : cx(x, NAN);
            return x < 0 ? cx(0., copysign(INFINITY, y)) : cx(INFINITY, copysign(0., y));
        }
        return cx(NAN, NAN);                                                /* finite x, NaN y */
    }
    if (x == 0. && y == 0.) return cx(0., y);
    double ax = fabs(x), ay = fabs(y), s;
    if (ax < DBL_MIN && ay < DBL_MIN) { /* hypot of two subnormals would be subnormal: scale up first */
        ax = ldexp(ax, SCALE_UP);
        s = ldexp(sqrt(ax + hypot(ax, ldexp(ay, SCALE_UP))), SCALE_DOWN);
    } else {
        ax /= 8.;
        s = 2. * sqrt(ax + hypot(ax, ay / 8.));
    }
    double d = ay / (2. * s);
    return x >= 0. ? cx(s, copysign(d, y)) : cx(d, copysign(s, y));
}

/* ---- exp, cosh, sinh, tanh: an infinite real part with a finite nonzero imaginary part takes its signs from cos and
 * sin; the other non-finite cases are Annex G's values; EDOM where an infinite imaginary part meets a number ---- */

static Cx c_exp(double x, double y) {
    if (!finite2(x, y)) {
        RtErr e = isinf(y) && (isfinite(x) || x > 0) ? RE_MATH_DOMAIN : RE_OK;
        if (isinf(x) && isfinite(y) && y != 0.)
            return x > 0 ? cx(copysign(INFINITY, cos(y)), copysign(INFINITY, sin(y))) : cx(copysign(0., cos(y)), copysign(0., sin(y)));
        if (x == -INFINITY) return cx_err(0., y == 0. ? y : 0., e);
        if (x == INFINITY) return cx_err(INFINITY, y == 0. ? y : NAN, e);
        if (isnan(x)) return cx(NAN, y == 0. ? y : NAN);
        return cx_err(NAN, NAN, e);
    }
    double l, re, im;
    if (x > log_large()) { /* exp(x) would overflow where the product need not */
        l = exp(x - 1.);
        re = l * cos(y) * EE; im = l * sin(y) * EE;
    } else {
        l = exp(x);
        re = l * cos(y); im = l * sin(y);
    }
    return cx_err(re, im, isinf(re) || isinf(im) ? RE_MATH_RANGE : RE_OK);
}

/* cosh's and sinh's finite case: cos(y) f(x) + i sin(y) g(x) ((f, g) = (cosh, sinh) or (sinh, cosh)); past
 * log(DBL_MAX / 4) with x one nearer 0 and e multiplied back, so that a result that fits does not overflow on the way;
 * OverflowError where it does not fit */
static Cx hyperbolic(double x, double y, double (*f)(double), double (*g)(double)) {
    double re, im;
    if (fabs(x) > log_large()) {
        double xm1 = x - copysign(1., x);
        re = cos(y) * f(xm1) * EE; im = sin(y) * g(xm1) * EE;
    } else {
        re = cos(y) * f(x); im = sin(y) * g(x);
    }
    return cx_err(re, im, isinf(re) || isinf(im) ? RE_MATH_RANGE : RE_OK);
}

static Cx c_cosh(double x, double y) {
    if (!finite2(x, y)) {
        RtErr e = isinf(y) && !isnan(x) ? RE_MATH_DOMAIN : RE_OK;
        if (isinf(x) && isfinite(y) && y != 0.)
            return cx(copysign(INFINITY, cos(y)), x > 0 ? copysign(INFINITY, sin(y)) : -copysign(INFINITY, sin(y)));
        if (isinf(x)) return cx_err(INFINITY, y == 0. ? (x > 0 ? y : -y) : NAN, e);
        if (isnan(x)) return cx(NAN, y == 0. ? 0. : NAN);
        return cx_err(NAN, x == 0. ? 0. : NAN, e);                         /* finite x, y infinite or NaN */
    }
    return hyperbolic(x, y, cosh, sinh);
}

static Cx c_sinh(double x, double y) {
    if (!finite2(x, y)) {
        RtErr e = isinf(y) && !isnan(x) ? RE_MATH_DOMAIN : RE_OK;
        if (isinf(x) && isfinite(y) && y != 0.)
            return cx(x > 0 ? copysign(INFINITY, cos(y)) : -copysign(INFINITY, cos(y)), copysign(INFINITY, sin(y)));
        if (isinf(x)) return cx_err(y == 0. ? x : INFINITY, y == 0. ? y : NAN, e);
        if (isnan(x)) return cx(NAN, y == 0. ? y : NAN);
        return cx_err(x == 0. ? 0. : NAN, NAN, e);
    }
    return hyperbolic(x, y, sinh, cosh);
}

static Cx c_tanh(double x, double y) {
    if (!finite2(x, y)) {
        RtErr e = isinf(y) && isfinite(x) ? RE_MATH_DOMAIN : RE_OK;
        if (isinf(x) && isfinite(y) && y != 0.) return cx(x > 0 ? 1.0 : -1.0, copysign(0., 2. * sin(y) * cos(y)));
        if (isinf(x)) return cx(copysign(1., x), y == 0. ? y : 0.);
        if (isnan(x)) return cx(NAN, y == 0. ? y : NAN);
        return cx_err(x == 0. && isinf(y) ? x : NAN, NAN, e); /* CPython 3.11: tanh(+-0 + nan i) is nan + nan i */
    }
    if (fabs(x) > log_large()) /* 2 * y could overflow in the formula below */
        return cx(copysign(1., x), 4. * sin(y) * cos(y) * exp(-2. * fabs(x)));
    double tx = tanh(x), ty = tan(y), c = 1. / cosh(x), txty = tx * ty, denom = 1. + txty * txty;
    return cx(tx * (1. + ty * ty) / denom, ((ty / denom) * c) * c);
}

/* ---- log, log10 ---- */

static Cx c_log(double x, double y) {
    if (!finite2(x, y)) {
        if (isinf(y)) return cx(INFINITY, isnan(x) ? NAN : x == -INFINITY ? copysign(P34, y) : x == INFINITY ? copysign(P14, y) : copysign(P12, y));
        if (isinf(x)) return cx(INFINITY, isnan(y) ? NAN : x < 0 ? copysign(P, y) : copysign(0., y));
        return cx(NAN, NAN);
    }
    double ax = fabs(x), ay = fabs(y), re;
    if (ax > LARGE || ay > LARGE) {
        re = log(hypot(ax / 2., ay / 2.)) + LN2;
    } else if (ax < DBL_MIN && ay < DBL_MIN) {
        if (ax > 0. || ay > 0.) /* hypot would be subnormal: scale up */
            re = log(hypot(ldexp(ax, DBL_MANT_DIG), ldexp(ay, DBL_MANT_DIG))) - DBL_MANT_DIG * LN2;
        else
            return cx_err(-INFINITY, atan2(y, x), RE_MATH_DOMAIN);
    } else {
        double h = hypot(ax, ay);
        if (0.71 <= h && h <= 1.73) { /* log1p keeps the digits log(h) would lose near 1 */
            double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
            re = log1p((am - 1) * (am + 1) + an * an) / 2.;
        } else {
            re = log(h);
        }
    }
    return cx(re, atan2(y, x));
}

static Cx c_log10(double x, double y) {
    Cx r = c_log(x, y);
    r.re = r.re / LN10;
    r.im = r.im / LN10;
    return r;
}

/* ---- the inverse functions ---- */

static Cx c_acos(double x, double y) {
    if (!finite2(x, y)) {
        if (isinf(y)) return cx(isnan(x) ? NAN : x == -INFINITY ? P34 : x == INFINITY ? P14 : P12, -copysign(INFINITY, y));
        if (isinf(x)) return isnan(y) ? cx(NAN, INFINITY) : cx(x < 0 ? P : 0., -copysign(INFINITY, y));
        if (isnan(x)) return cx(NAN, NAN);
        return x == 0. ? cx(P12, NAN) : cx(NAN, NAN);
    }
    if (fabs(x) > LARGE || fabs(y) > LARGE) /* avoid overflow for large arguments */
        return cx(atan2(fabs(y), x), -copysign(log(hypot(x / 2., y / 2.)) + LN2 * 2., y));
    Cx s1 = c_sqrt(1. - x, -y), s2 = c_sqrt(1. + x, y);
    return cx(2. * atan2(s1.re, s2.re), asinh(s2.re * s1.im - s2.im * s1.re));
}

static Cx c_acosh(double x, double y) {
    if (!finite2(x, y)) return c_log(x, y); /* CPython 3.11's values are log's (later CPythons give acosh(+-0 + nan i) an
                                             * imaginary part of pi/2) */
    if (fabs(x) > LARGE || fabs(y) > LARGE)
        return cx(log(hypot(x / 2., y / 2.)) + LN2 * 2., atan2(y, x));
    Cx s1 = c_sqrt(x - 1., y), s2 = c_sqrt(x + 1., y);
    return cx(asinh(s1.re * s2.re + s1.im * s2.im), 2. * atan2(s1.im, s2.re));
}

static Cx c_asinh(double x, double y) {
    if (!finite2(x, y)) {
        if (isinf(y)) return cx(isnan(x) ? INFINITY : copysign(INFINITY, x), isnan(x) ? NAN : isinf(x) ? copysign(P14, y) : copysign(P12, y));
        if (isinf(x)) return cx(x, isnan(y) ? NAN : copysign(0., y));
        if (isnan(x)) return cx(NAN, y == 0. ? y : NAN);
        return cx(NAN, NAN);
    }
    if (fabs(x) > LARGE || fabs(y) > LARGE) {
        double l = log(hypot(x / 2., y / 2.)) + LN2 * 2.;
        return cx(y >= 0. ? copysign(l, x) : -copysign(l, -x), atan2(y, fabs(x)));
    }
    Cx s1 = c_sqrt(1. + y, -x), s2 = c_sqrt(1. - y, x);
    return cx(asinh(s1.re * s2.im - s2.re * s1.im), atan2(y, s1.re * s2.re - s1.im * s2.im));
}

static Cx c_atanh(double x, double y) {
    if (!finite2(x, y)) {
        if (isinf(y)) return cx(isnan(x) ? 0. : copysign(0., x), copysign(P12, y));
        if (isinf(x)) return cx(copysign(0., x), isnan(y) ? NAN : copysign(P12, y));
        if (x == 0.) return cx(x, NAN);
        return cx(NAN, NAN);
    }
    if (x < 0.) { /* atanh(z) = -atanh(-z): reduce to x >= 0 */
        Cx r = c_atanh(-x, -y);
        return cx_err(-r.re, -r.im, r.err);
    }
    double ay = fabs(y), big = sqrt(LARGE);
    if (x > big || ay > big) { /* |z| large: atanh(z) ~ 1/z +/- i pi/2 */
        double h = hypot(x / 2., y / 2.);
        return cx(x / 4. / h / h, copysign(P12, y));
    }
    if (x == 1. && ay < sqrt(DBL_MIN)) {
        if (ay == 0.) return cx_err(INFINITY, y, RE_MATH_DOMAIN);
        return cx(-log(sqrt(ay) / sqrt(hypot(ay, 2.))), copysign(atan2(2., -ay) / 2, y));
    }
    return cx(log1p(4. * x / ((1 - x) * (1 - x) + ay * ay)) / 4., -atan2(-2. * y, (1 - x) * (1 + x) - ay * ay) / 2.);
}

/* f(z) = -i g(iz): sin from sinh, tan from tanh, asin from asinh, atan from atanh; cos(z) = cosh(iz) */
static Cx rotated(Cx (*g)(double, double), double x, double y) {
    Cx s = g(-y, x);
    return cx_err(s.im, -s.re, s.err);
}

/* ---- rect(r, phi): exp(log(r) + i phi) for positive r, its negative for negative r (CPython's "spirit of C99") ---- */

static Cx c_rect(double r, double phi) {
    if (!finite2(r, phi)) {
        RtErr e = r != 0. && !isnan(r) && isinf(phi) ? RE_MATH_DOMAIN : RE_OK;
        if (isinf(r) && isfinite(phi) && phi != 0.)
            return r > 0 ? cx(copysign(INFINITY, cos(phi)), copysign(INFINITY, sin(phi)))
                         : cx(-copysign(INFINITY, cos(phi)), -copysign(INFINITY, sin(phi)));
        if (isinf(r)) return cx_err(phi == 0. ? r : INFINITY, phi == 0. ? (r > 0 ? phi : -phi) : NAN, e);
        if (isnan(r)) return cx(NAN, phi == 0. ? 0. : NAN);
        return cx_err(r == 0. ? 0. : NAN, r == 0. ? 0. : NAN, e);
    }
    if (phi == 0.0) return cx(r, r * phi); /* CPython's own branch (a -0.0 phi on some libms) */
    return cx(r * cos(phi), r * sin(phi));
}

/* cmath.<fn>(z) (z = a) or rect(a[0], b[0]) or log(a, base b), CPython's value in r; its error, RE_OK if none */
RtErr rt_pycmath(int fn, const double a[2], const double b[2], double r[2]) {
    Cx v;
    switch (fn) {
    case MF_SQRT: v = c_sqrt(a[0], a[1]); break;
    case MF_EXP: v = c_exp(a[0], a[1]); break;
    case MF_LOG: v = c_log(a[0], a[1]); break;
    case MF_LOG10: v = c_log10(a[0], a[1]); break;
    case MF_SIN: v = rotated(c_sinh, a[0], a[1]); break;
    case MF_COS: v = c_cosh(-a[1], a[0]); break;
    case MF_TAN: v = rotated(c_tanh, a[0], a[1]); break;
    case MF_SINH: v = c_sinh(a[0], a[1]); break;
    case MF_COSH: v = c_cosh(a[0], a[1]); break;
    case MF_TANH: v = c_tanh(a[0], a[1]); break;
    case MF_ASIN: v = rotated(c_asinh, a[0], a[1]); break;
    case MF_ACOS: v = c_acos(a[0], a[1]); break;
    case MF_ATAN: v = rotated(c_atanh, a[0], a[1]); break;
    case MF_ASINH: v = c_asinh(a[0], a[1]); break;
    case MF_ACOSH: v = c_acosh(a[0], a[1]); break;
    case MF_ATANH: v = c_atanh(a[0], a[1]); break;
    case MF_CRECT: v = c_rect(a[0], b[0]); break;
    case MF_CLOGB: { /* CPython: log(z), then log(base) (whose error is the one kept), then _Py_c_quot (EDOM for 0) */
        Cx x = c_log(a[0], a[1]), y = c_log(b[0], b[1]);
        cplx q;
        RtErr e = rt_cdiv((cplx){x.re, x.im}, (cplx){y.re, y.im}, &q);
        if (e != RE_OK) return RE_MATH_DOMAIN;
        v = cx_err(q.re, q.im, y.err);
        break;
    }
    default: return RE_MATH_DOMAIN;
    }
    r[0] = v.re;
    r[1] = v.im;
    return v.err;
}
