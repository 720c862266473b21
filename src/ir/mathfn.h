/*
 * mathfn.h — the math functions kernels can call, one table: the vocabulary of
 * OP_MATH's aux, read by lowering, the printer, the constant folder and every
 * tier (the runtime's implementations are rt/arith.c's).
 * MF(id, python name, arity, result kind, semantics)
 * result kind: 'f' float, 'i' int (floor/ceil/trunc/round), 'b' bool.
 */
#ifndef KILN_MATHFN_H
#define KILN_MATHFN_H

#include <stdbool.h>

/* MF(id, Python name, NumPy ufunc, arity, result kind, libm routine, errors, LLVM intrinsic, semantics)
 *   NumPy ufunc: its np.<name> as an elementwise math function (0: none, or lowered otherwise:
 *     np.floor & co. round, np.isnan & co. test)
 *   result kind: 'f' float, 'i' int (floor/ceil/trunc/round), 'b' bool
 *   libm routine: when the libm function of the Python name is the whole computation (then every tier
 *     calls it: the interpreter and baseline through rt/arith.c, tier 2 by name); 0: rt/arith.c's own code
 *   errors (CPython's math_1): ME_NONE; ME_DOMAIN: a NaN from a number, or an infinity from a finite
 *     number, is ValueError("math domain error"); ME_RANGE: the infinity is OverflowError("math range error")
 *   LLVM intrinsic: what tier 2 emits instead of the call (correctly rounded alike), or 0
 * On complex values (a complex result) OP_MATH is CPython's cmath (rt/cmath.c), or with INS_NUMPY NumPy's ufunc
 * (rt/arith.c rt_cmath); CRECT and CLOGB are cmath's alone (names no math attribute can match). */
#define MATH_FNS(MF) \
    MF(SQRT,     "sqrt",     "sqrt",     1, 'f', sqrt,     ME_DOMAIN, "llvm.sqrt",  "square root; negative raises ValueError") \
    MF(EXP,      "exp",      "exp",      1, 'f', exp,      ME_RANGE,  0,            "e**x; overflow raises OverflowError") \
    MF(LOG,      "log",      "log",      1, 'f', log,      ME_DOMAIN, 0,            "natural log (log(x, base) as log(x)/log(base))") \
    MF(LOG2,     "log2",     "log2",     1, 'f', log2,     ME_DOMAIN, 0,            "base-2 log") \
    MF(LOG10,    "log10",    "log10",    1, 'f', log10,    ME_DOMAIN, 0,            "base-10 log") \
    MF(LOG1P,    "log1p",    "log1p",    1, 'f', log1p,    ME_DOMAIN, 0,            "log(1+x)") \
    MF(EXPM1,    "expm1",    "expm1",    1, 'f', expm1,    ME_RANGE,  0,            "e**x - 1") \
    MF(SIN,      "sin",      "sin",      1, 'f', sin,      ME_DOMAIN, 0,            "") \
    MF(COS,      "cos",      "cos",      1, 'f', cos,      ME_DOMAIN, 0,            "") \
    MF(TAN,      "tan",      "tan",      1, 'f', tan,      ME_DOMAIN, 0,            "") \
    MF(ASIN,     "asin",     "arcsin",   1, 'f', asin,     ME_DOMAIN, 0,            "") \
    MF(ACOS,     "acos",     "arccos",   1, 'f', acos,     ME_DOMAIN, 0,            "") \
    MF(ATAN,     "atan",     "arctan",   1, 'f', atan,     ME_DOMAIN, 0,            "") \
    MF(ATAN2,    "atan2",    "arctan2",  2, 'f', atan2,    ME_NONE,   0,            "atan2(y, x)") \
    MF(SINH,     "sinh",     "sinh",     1, 'f', sinh,     ME_RANGE,  0,            "") \
    MF(COSH,     "cosh",     "cosh",     1, 'f', cosh,     ME_RANGE,  0,            "") \
    MF(TANH,     "tanh",     "tanh",     1, 'f', tanh,     ME_DOMAIN, 0,            "") \
    MF(FABS,     "fabs",     0,          1, 'f', fabs,     ME_NONE,   "llvm.fabs",  "") \
    MF(FMOD,     "fmod",     "fmod",     2, 'f', 0,        ME_NONE,   0,            "C fmod; y == 0 raises ValueError") \
    MF(HYPOT,    "hypot",    "hypot",    2, 'f', hypot,    ME_NONE,   0,            "") \
    MF(CBRT,     "cbrt",     "cbrt",     1, 'f', cbrt,     ME_NONE,   0,            "cube root (math.cbrt: Python 3.11)") \
    MF(EXP2,     "exp2",     "exp2",     1, 'f', exp2,     ME_RANGE,  0,            "2**x (math.exp2: Python 3.11)") \
    MF(POW,      "pow",      0,          2, 'f', 0,        ME_NONE,   0,            "math.pow: C pow with CPython's error rules") \
    MF(COPYSIGN, "copysign", "copysign", 2, 'f', copysign, ME_NONE,   0,            "") \
    MF(NEXTAFTER, "nextafter", "nextafter", 2, 'f', nextafter, ME_NONE, 0,          "the next float after x toward y") \
    MF(ULP,      "ulp",      0,          1, 'f', 0,        ME_NONE,   0,            "CPython's: the gap from |x| to the next float away from 0") \
    MF(FLOOR,    "floor",    0,          1, 'i', floor,    ME_NONE,   "llvm.floor", "largest int <= x") \
    MF(CEIL,     "ceil",     0,          1, 'i', ceil,     ME_NONE,   "llvm.ceil",  "smallest int >= x") \
    MF(TRUNC,    "trunc",    0,          1, 'i', trunc,    ME_NONE,   "llvm.trunc", "x truncated toward 0") \
    MF(RINT,     "rint",     "rint",     1, 'f', rint,     ME_NONE,   "llvm.rint",  "NumPy's rint: half to even, a float (no math.rint)") \
    MF(ROUND,    "round",    0,          1, 'i', 0,        ME_NONE,   0,            "builtin round(x): half to even, an int") \
    MF(ROUNDN,   "round",    0,          2, 'f', 0,        ME_NONE,   0,            "builtin round(x, n), correctly rounded decimal") \
    MF(ROUNDI,   "round",    0,          2, 'i', 0,        ME_NONE,   0,            "builtin round(int, n): half to even at 10**-n") \
    MF(ISNAN,    "isnan",    0,          1, 'b', 0,        ME_NONE,   0,            "") \
    MF(ISINF,    "isinf",    0,          1, 'b', 0,        ME_NONE,   0,            "") \
    MF(ISFINITE, "isfinite", 0,          1, 'b', 0,        ME_NONE,   0,            "") \
    MF(DEGREES,  "degrees",  0,          1, 'f', 0,        ME_NONE,   0,            "") \
    MF(RADIANS,  "radians",  0,          1, 'f', 0,        ME_NONE,   0,            "") \
    MF(ERF,      "erf",      0,          1, 'f', erf,      ME_NONE,   0,            "") \
    MF(ERFC,     "erfc",     0,          1, 'f', erfc,     ME_NONE,   0,            "") \
    MF(GAMMA,    "gamma",    0,          1, 'f', 0,        ME_NONE,   0,            "poles raise ValueError") \
    MF(LGAMMA,   "lgamma",   0,          1, 'f', 0,        ME_NONE,   0,            "poles raise ValueError") \
    MF(ASINH,    "asinh",    "arcsinh",  1, 'f', asinh,    ME_DOMAIN, 0,            "") \
    MF(ACOSH,    "acosh",    "arccosh",  1, 'f', acosh,    ME_DOMAIN, 0,            "x < 1 raises ValueError") \
    MF(ATANH,    "atanh",    "arctanh",  1, 'f', atanh,    ME_DOMAIN, 0,            "|x| >= 1 raises ValueError") \
    MF(CRECT,    "cmath.rect", 0,        2, 'f', 0,        ME_NONE,   0,            "cmath.rect(r, phi): a complex (rt/cmath.c)") \
    MF(CLOGB,    "cmath.log", 0,         2, 'f', 0,        ME_NONE,   0,            "cmath.log(z, base) of complex values (rt/cmath.c)") \
    MF(REMAINDER, "remainder", 0,        2, 'f', remainder, ME_DOMAIN, 0,           "IEEE 754's remainder: x - n*y, n the nearest integer (ties even)")

enum { ME_NONE, ME_DOMAIN, ME_RANGE };

enum {
#define MF(id, py, np, ar, k, libm, err, intr, doc) MF_##id,
    MATH_FNS(MF)
#undef MF
    MF_COUNT
};

typedef struct MathFn {
    const char *name;       /* Python's (math.<name>) */
    const char *numpy;      /* np.<numpy> as an elementwise math ufunc, or NULL */
    int arity;
    char kind;
    double (*f1)(double);   /* the libm routine of a one-argument function, or NULL (rt/arith.c computes it) */
    double (*f2)(double, double); /* of a two-argument one */
    int errors;             /* ME_* */
    const char *intrinsic;  /* tier 2's LLVM intrinsic, or NULL */
} MathFn;
extern const MathFn ir_mathfns[MF_COUNT]; /* ir/mathfn.c */
int ir_mathfn_lookup(const char *name); /* -1 if not a math function */
/* whether fn of real numbers never raises in CPython's math module (math.atan2, hypot, copysign, erf...): such an
 * OP_MATH of float operands is dead where its value is unused (opt/dce.c), as a call of cmath.polar whose phase is
 * never read */
bool ir_mathfn_quiet(int fn);

/* pow(x, 2) and pow(x, 3) as the product where libm's pow must return it (rt/arith.c rt_pow_by_products, and the
 * same test inline in tier 2: back/llvm/llvm.c power_test): the exact power within a band of the product's spacing
 * of it, and 2^-max <= |x| < 2^max, where the power is a normal double. The band is 1 less pow's error bound,
 * less a margin. glibc's pow (ARM's routine, e_pow.c) states its bound as ulperr_exp + |y log x| relerr_log 2^53
 * ULP, with ulperr_exp 0.511 and relerr_log 1.5 * 2^-68 (without FMA; 0.509 and 1.3 * 2^-68 with): 0.54 ULP at
 * worst over all x and y. For y = 2 or 3 and 2^-64 <= |x| < 2^64 (|y log x| <= 134) it is at most 0.5171 ULP, so
 * within POW_BAND_NEAR (0.48) of the spacing the product is pow's answer; elsewhere within POW_BAND (0.44). About
 * 4% of squares near 1 fall outside the band and call pow (12% with 0.44 alone); over 10^9 random doubles in each
 * of eight ranges the smallest distance at which this host's pow differed from the product was 0.491 of the
 * spacing (docs/benchmarks.md, nineteenth session) */
#define POW_BAND 0.44
#define POW_BAND_NEAR 0.48
#define POW_NEAR_EXP 64
#define POW_SQUARE_EXP 500
#define POW_CUBE_EXP 330

#endif
