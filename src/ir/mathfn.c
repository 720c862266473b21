/*
 * mathfn.c — the math-function table (ir/mathfn.h): names, arities, result kinds.
 */
#include "mathfn.h"
#include <math.h>
#include <string.h>

/* the libm column as the routine's pointer of the row's arity (0 stays NULL) */
#define F1(ar, libm) ((ar) == 1 ? (double (*)(double))(void (*)(void))(libm) : NULL) /* via void (*)(void): the cast compilers accept between function types */
#define F2(ar, libm) ((ar) == 2 ? (double (*)(double, double))(void (*)(void))(libm) : NULL)

const MathFn ir_mathfns[MF_COUNT] = {
#define MF(id, py, np, ar, k, libm, err, intr, doc) {py, np, ar, k, F1(ar, libm), F2(ar, libm), err, intr},
    MATH_FNS(MF)
#undef MF
};

/* round's three entries (by arity and argument kind) are chosen by lowering, never by name */
int ir_mathfn_lookup(const char *name) {
    for (int i = 0; i < MF_COUNT; i++)
        if (strcmp(ir_mathfns[i].name, name) == 0 && i != MF_ROUND && i != MF_ROUNDN && i != MF_ROUNDI && i != MF_RINT) return i;
    return -1;
}

/* a libm routine with no error rule (rt/arith.c math_table returns its value), or one rt_math computes without one */
bool ir_mathfn_quiet(int fn) {
    if ((unsigned)fn >= MF_COUNT) return false;
    switch (fn) {
    case MF_DEGREES: case MF_RADIANS: case MF_HYPOT: case MF_ULP: case MF_ISNAN: case MF_ISINF: case MF_ISFINITE:
        return true;
    default: break;
    }
    const MathFn *m = &ir_mathfns[fn];
    return m->kind == 'f' && m->errors == ME_NONE && (m->f1 || m->f2);
}
