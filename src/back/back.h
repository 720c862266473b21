/*
 * back.h — the seam between the driver and the execution tiers. A backend is
 * one struct of function pointers that compiles a Unit (ir/unit.h) into the
 * unit's code object and runs it; the generic entry takes the flattened
 * argument slots and writes the flattened result slots (rt/run.h gives the
 * layout).
 *
 * What a backend may know of the driver is all in BackEnv: the settings that
 * shape code, a logger, the tier-up budget of the unit (tier-1 code counts
 * calls and loop trips against it) and the hook that code calls when the
 * budget runs out. The hook rides on the code object (Code.on_hot), so the
 * frame helpers reach the tier policy without naming it.
 */
#ifndef KILN_BACK_H
#define KILN_BACK_H

#include <stdatomic.h>
#include "../rt/run.h"
#include "../ir/unit.h"
#include "../../include/kiln.h"

/* tier-1 code of unit u whose budget ran out at loop header `header` (-1: at entry): 0 go on,
 * 1 the call finished in tier-2 code (on-stack replacement) with its result in ret, -1 error */
typedef int64_t (*HotHook)(Unit *u, int32_t header, void *frame, void *ret, void *run);

typedef struct BackEnv {
    const kiln_options *opt;
    const int64_t *tune;              /* TUNE_* */
    void (*log)(void *cx, const char *fmt, ...) PRINTF_LIKE(2, 3);
    void *cx;                         /* the driver's: handed back to log */
    bool tiering;                     /* tier-1 code counts calls and iterations ... */
    int64_t hot, hot_call;            /* ... from this budget, a call subtracting hot_call */
    HotHook on_hot;                   /* kept on every code object the unit gets */
    void *state;                      /* the backend's own per-context state (LLVM's JIT) */
    const atomic_bool *stop;          /* the context is being freed: a compile in flight gives up */
} BackEnv;

typedef struct Backend {
    const char *name;
    kiln_tier tier;
    /* compile u->ir into u's code for this tier; -1 with err on failure */
    int (*compile)(const BackEnv *env, Unit *u, kiln_error *err);
    /* run: args and ret are flattened slot arrays */
    int (*run)(Unit *u, const Slot *args, Slot *ret, Run *run);
    void (*release)(Unit *u);
    /* print the tier's code for `kiln explain` */
    void (*dump)(Unit *u, FILE *out);
} Backend;

extern const Backend back_interp;
extern const Backend back_x64;

#endif
