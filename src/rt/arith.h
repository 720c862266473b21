/*
 * arith.h — the scalar semantics of the kernel language, in one place.
 *
 * Every tier computes with these rules: the interpreter and the constant
 * folder call them directly, native tiers inline the simple ones and call the
 * rest as helpers. Errors are codes into one table of Python exception
 * classes and CPython's exact messages.
 */
#ifndef KILN_ARITH_H
#define KILN_ARITH_H

#include <stdint.h>
#include <stdbool.h>

#define RT_ERRORS(X) \
    X(RE_OK, "", "") \
    X(RE_ZDIV_INT, "ZeroDivisionError", "integer division or modulo by zero") \
    X(RE_ZMOD_INT, "ZeroDivisionError", "integer modulo by zero") \
    X(RE_ZDIV, "ZeroDivisionError", "division by zero") \
    X(RE_ZDIV_FLOAT, "ZeroDivisionError", "float division by zero") \
    X(RE_ZFLOORDIV_FLOAT, "ZeroDivisionError", "float floor division by zero") \
    X(RE_ZMOD_FLOAT, "ZeroDivisionError", "float modulo") \
    X(RE_ZDIV_COMPLEX, "ZeroDivisionError", "complex division by zero") \
    X(RE_ZPOW_FLOAT, "ZeroDivisionError", "0.0 cannot be raised to a negative power") \
    X(RE_ZPOW_COMPLEX, "ZeroDivisionError", "0.0 to a negative or complex power") \
    X(RE_POW_OVERFLOW, "OverflowError", "(34, 'Numerical result out of range')") \
    X(RE_CPOW_OVERFLOW, "OverflowError", "complex exponentiation") \
    X(RE_POW_FRAC, "ValueError", "negative number cannot be raised to a fractional power (the result would be complex)") \
    X(RE_NEG_INT_POW, "ValueError", "Integers to negative integer powers are not allowed.") \
    X(RE_NEG_SHIFT, "ValueError", "negative shift count") \
    X(RE_MATH_DOMAIN, "ValueError", "math domain error") \
    X(RE_MATH_RANGE, "OverflowError", "math range error") \
    X(RE_NAN_TO_INT, "ValueError", "cannot convert float NaN to integer") \
    X(RE_INF_TO_INT, "OverflowError", "cannot convert float infinity to integer") \
    X(RE_BIG_TO_INT, "OverflowError", "float too large to convert to int64") \
    X(RE_ABS_OVERFLOW, "OverflowError", "absolute value too large") \
    X(RE_ROUND_OVERFLOW, "OverflowError", "rounded value too large to represent") \
    X(RE_RANGE_STEP, "ValueError", "range() arg 3 must not be zero") \
    X(RE_INDEX, "IndexError", "index out of bounds") \
    X(RE_NEG_DIM, "ValueError", "negative dimensions are not allowed") \
    X(RE_NOMEM, "MemoryError", "Unable to allocate memory for an array") \
    X(RE_RECURSION, "RecursionError", "maximum recursion depth exceeded") \
    X(RE_INTERRUPT, "KeyboardInterrupt", "") \
    X(RE_RAISE, "Exception", "")

typedef enum {
#define X(n, e, m) n,
    RT_ERRORS(X)
#undef X
    RE_COUNT
} RtErr;

const char *rt_err_class(RtErr e);
const char *rt_err_msg(RtErr e);

typedef struct { double re, im; } cplx;
typedef struct { float re, im; } cplxf;

/* integers (canonical int64: signed values sign-extended, unsigned zero-extended) */
RtErr rt_floordiv_i64(int64_t a, int64_t b, int64_t *r);
RtErr rt_mod_i64(int64_t a, int64_t b, int64_t *r);
RtErr rt_floordiv_u64(uint64_t a, uint64_t b, uint64_t *r);
RtErr rt_mod_u64(uint64_t a, uint64_t b, uint64_t *r);
RtErr rt_pow_i64(int64_t a, int64_t b, int64_t *r);
RtErr rt_pow_u64(uint64_t a, uint64_t b, uint64_t *r);
RtErr rt_shl(int64_t a, int64_t b, int64_t *r);
RtErr rt_shr_i64(int64_t a, int64_t b, int64_t *r);
RtErr rt_shr_u64(uint64_t a, int64_t b, uint64_t *r);
int64_t rt_wrap(int64_t v, int dtype); /* canonicalize to a narrow int dtype */

/* floats: Python semantics */
RtErr rt_floordiv_f64(double a, double b, double *r);
RtErr rt_mod_f64(double a, double b, double *r);
RtErr rt_floordiv_f32(float a, float b, float *r);
RtErr rt_mod_f32(float a, float b, float *r);
RtErr rt_pow_f64(double a, double b, bool python, double *r);
RtErr rt_pow_f32(float a, float b, float *r);
RtErr rt_f2i(double x, int64_t *r);       /* int(x): truncation with Python's errors */
RtErr rt_f2u(double x, uint64_t *r);
int64_t rt_f2i_np(double x, int to); /* NumPy's array cast float -> integer dtype (x86-64's values) */

/* complex: CPython's algorithms */
RtErr rt_cdiv(cplx a, cplx b, cplx *r);
RtErr rt_cpow(cplx a, cplx b, cplx *r);
RtErr rt_cabs(cplx a, double *r);
cplx rt_cmul(cplx a, cplx b);
RtErr rt_cdivf(cplxf a, cplxf b, cplxf *r);
RtErr rt_cpowf(cplxf a, cplxf b, cplxf *r);
cplx rt_cpow_np(cplx a, cplx b, int fast);  /* NumPy's complex power (arrays), fast: `**`'s scalar paths */
cplxf rt_cpowf_np(cplxf a, cplxf b, int fast);
cplxf rt_cmulf(cplxf a, cplxf b);
double rt_cabs_np(cplx a);         /* NumPy's abs of a complex array element */
float rt_cabsf_np(cplxf a);
/* pow(x, 2) or pow(x, 3) as the product where libm's pow must return it (needs FMA); false: call pow */
bool rt_pow_by_products(double x, int n, double *out);
cplx rt_cmul_np(cplx a, cplx b);   /* NumPy's elementwise product: FMA where the CPU has it */
cplxf rt_cmulf_np(cplxf a, cplxf b);

/* math module functions (mathfn.h ids) */
RtErr rt_math(int fn, const double *x, double *r);
/* math.hypot(*v) and math.dist's norm as CPython 3.11 computes them (its vector_norm): sqrt of the sum of squares,
 * scaled, squared and summed without loss, the root corrected once; n values of any sign */
double rt_py_hypot(const double *v, int64_t n);
RtErr rt_math_ieee(int fn, const double *x, double *r);
bool rt_math_has_complex(int fn);                        /* NumPy's complex ufunc is libm's c<fn> */
void rt_cmath(int fn, const double z[2], double r[2]);   /* complex128 (re, im) */
void rt_cmathf(int fn, const float z[2], float r[2]);     /* complex64 */
/* CPython's cmath.<fn> (mathfn.h ids; rt/cmath.c) of complex a (rect: real parts a[0] and b[0]; log: a to base b) */
RtErr rt_pycmath(int fn, const double a[2], const double b[2], double r[2]);
int64_t rt_round_half_even_i64(int64_t x, int64_t nd); /* round(int, nd) */

#endif
