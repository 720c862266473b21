/*
 * mathfn.c — the math-function table (ir/mathfn.h): names, arities, result kinds.
 */
#include "mathfn.h"
#include <string.h>

const MathFn ir_mathfns[MF_COUNT] = {
#define MF(id, nm, ar, k, doc) {nm, ar, k},
    MATH_FNS(MF)
#undef MF
};

/* round's three entries (by arity and argument kind) are chosen by lowering, never by name */
int ir_mathfn_lookup(const char *name) {
    for (int i = 0; i < MF_COUNT; i++)
        if (strcmp(ir_mathfns[i].name, name) == 0 && i != MF_ROUND && i != MF_ROUNDN && i != MF_ROUNDI) return i;
    return -1;
}
