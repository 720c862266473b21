/*
 * back.h — the seam between the runtime and the execution tiers. A backend
 * is one struct of function pointers; each Spec keeps one entry per tier.
 * The generic entry takes the flattened argument slots and writes the
 * flattened result slots (rt/run.h gives the layout).
 */
#ifndef KILN_BACK_H
#define KILN_BACK_H

#include "../rt/run.h"
#include "../jit/jit.h" /* Spec, kiln_ctx: the driver's (docs/architecture.md, "Debt") */

typedef struct Backend {
    const char *name;
    kiln_tier tier;
    /* compile s->ir into s's entry for this tier; -1 with err on failure */
    int (*compile)(kiln_ctx *ctx, Spec *s, kiln_error *err);
    /* run: args and ret are flattened slot arrays */
    int (*run)(Spec *s, const Slot *args, Slot *ret, Run *run);
    void (*release)(Spec *s);
    /* print the tier's code for `kiln explain` */
    void (*dump)(Spec *s, FILE *out);
} Backend;

extern const Backend back_interp;
extern const Backend back_x64;

#endif
