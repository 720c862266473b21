/*
 * mathfn.h — the math functions kernels can call, one table: the vocabulary of
 * OP_MATH's aux, read by lowering, the printer, the constant folder and every
 * tier (the runtime's implementations are rt/arith.c's).
 * MF(id, python name, arity, result kind, semantics)
 * result kind: 'f' float, 'i' int (floor/ceil/trunc/round), 'b' bool.
 */
#ifndef KILN_MATHFN_H
#define KILN_MATHFN_H

#define MATH_FNS(MF) \
    MF(SQRT, "sqrt", 1, 'f', "square root; negative raises ValueError") \
    MF(EXP, "exp", 1, 'f', "e**x; overflow raises OverflowError") \
    MF(LOG, "log", 1, 'f', "natural log (log(x, base) as log(x)/log(base))") \
    MF(LOG2, "log2", 1, 'f', "base-2 log") \
    MF(LOG10, "log10", 1, 'f', "base-10 log") \
    MF(LOG1P, "log1p", 1, 'f', "log(1+x)") \
    MF(EXPM1, "expm1", 1, 'f', "e**x - 1") \
    MF(SIN, "sin", 1, 'f', "") MF(COS, "cos", 1, 'f', "") MF(TAN, "tan", 1, 'f', "") \
    MF(ASIN, "asin", 1, 'f', "") MF(ACOS, "acos", 1, 'f', "") MF(ATAN, "atan", 1, 'f', "") \
    MF(ATAN2, "atan2", 2, 'f', "atan2(y, x)") \
    MF(SINH, "sinh", 1, 'f', "") MF(COSH, "cosh", 1, 'f', "") MF(TANH, "tanh", 1, 'f', "") \
    MF(FABS, "fabs", 1, 'f', "") \
    MF(FMOD, "fmod", 2, 'f', "C fmod; y == 0 raises ValueError") \
    MF(HYPOT, "hypot", 2, 'f', "") \
    MF(POW, "pow", 2, 'f', "math.pow: C pow with CPython's error rules") \
    MF(COPYSIGN, "copysign", 2, 'f', "") \
    MF(FLOOR, "floor", 1, 'i', "largest int <= x") \
    MF(CEIL, "ceil", 1, 'i', "smallest int >= x") \
    MF(TRUNC, "trunc", 1, 'i', "x truncated toward 0") \
    MF(ROUND, "round", 1, 'i', "builtin round(x): half to even, an int") \
    MF(ROUNDN, "round", 2, 'f', "builtin round(x, n), correctly rounded decimal") \
    MF(ROUNDI, "round", 2, 'i', "builtin round(int, n): half to even at 10**-n") \
    MF(ISNAN, "isnan", 1, 'b', "") MF(ISINF, "isinf", 1, 'b', "") MF(ISFINITE, "isfinite", 1, 'b', "") \
    MF(DEGREES, "degrees", 1, 'f', "") MF(RADIANS, "radians", 1, 'f', "") \
    MF(ERF, "erf", 1, 'f', "") MF(ERFC, "erfc", 1, 'f', "") \
    MF(GAMMA, "gamma", 1, 'f', "") MF(LGAMMA, "lgamma", 1, 'f', "") \
    MF(ASINH, "asinh", 1, 'f', "") MF(ACOSH, "acosh", 1, 'f', "x < 1 raises ValueError") \
    MF(ATANH, "atanh", 1, 'f', "|x| >= 1 raises ValueError")

enum {
#define MF(id, nm, ar, k, doc) MF_##id,
    MATH_FNS(MF)
#undef MF
    MF_COUNT
};

typedef struct MathFn { const char *name; int arity; char kind; } MathFn;
extern const MathFn ir_mathfns[MF_COUNT]; /* ir/mathfn.c */
int ir_mathfn_lookup(const char *name); /* -1 if not a math function */

#endif
