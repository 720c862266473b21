/*
 * unit.h — one unit of compilation: a specialization as the compiler's
 * stages see it. Lowering fills in its types and IR, the tiers its code; the
 * driver's Spec (jit/jit.h) begins with one and adds what only the driver
 * needs (the signature key, tier-up state, counters). Passing a Unit instead
 * of a Spec is what keeps lowering and the backends below the driver: they
 * never see the dispatch tables, the context or the tier policy.
 */
#ifndef KILN_UNIT_H
#define KILN_UNIT_H

#include "ir.h"

/* loop entries (on-stack replacement) a unit may get: the driver's table and the code object's images */
#define OSR_MAX 4

/* a unit's progress through lowering */
enum { UNIT_BUILDING, UNIT_READY, UNIT_FAILED };

typedef struct Unit {
    Arena arena;            /* the IR and everything compiled for the unit */
    Func *ir;               /* NULL until lowered */
    void *code;             /* the frame layout and each tier's entry (back/frame.h's Code), NULL until tier 0 */
    const char *name;       /* the kernel's name */
    const char *file;       /* its source file, for messages */
    const Type **args;      /* top-level argument types */
    int nargs;
    const LeafFix *fix;     /* per argument leaf (OP_ARG's aux), nfix of them; NULL: nothing fixed */
    int nfix;
    const Type *ret;        /* NULL while unknown */
    int state;              /* UNIT_* */
    bool used_guess;        /* a recursive call read ret while the unit was being built */
    bool on_guess;          /* its types rest on a unit still being built (recursion) */
    const char **var_names; /* locals and their types, for `kiln explain` */
    const Type **var_types;
    int nvars;
} Unit;

#endif
