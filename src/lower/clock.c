/*
 * clock.c — the time module in kernels: time.time(), perf_counter(), monotonic(), process_time() and their _ns forms,
 * each a read of the clock where it is called (OP_LIB LIB_CLOCK, rt/clock.c: never folded, never moved), a Python
 * float of seconds or an int of nanoseconds, as CPython returns them. Timing a loop inside a kernel works as in
 * Python; the values themselves are the machine's, not reproducible.
 */
#include "infer.h"
#include "../ir/lib.h"
#include <string.h>

static const struct { const char *name; int which; } clocks[] = {
    {"time", PYCLOCK_TIME}, {"perf_counter", PYCLOCK_PERF}, {"monotonic", PYCLOCK_MONOTONIC}, {"process_time", PYCLOCK_PROCESS},
    {"time_ns", PYCLOCK_TIME | PYCLOCK_NS}, {"perf_counter_ns", PYCLOCK_PERF | PYCLOCK_NS},
    {"monotonic_ns", PYCLOCK_MONOTONIC | PYCLOCK_NS}, {"process_time_ns", PYCLOCK_PROCESS | PYCLOCK_NS},
};

int ck_lookup(const char *name) {
    for (int k = 0; k < (int)NELEM(clocks); k++) if (!strcmp(clocks[k].name, name)) return k;
    return -1;
}

Val ck_call(Inf *I, Node *call, int k) {
    if (call->nkids || call->nkids2) inf_fail(I, call, "time.%s() takes no arguments", clocks[k].name);
    bool ns = (clocks[k].which & PYCLOCK_NS) != 0;
    const Type *t = ty_scalar(I->tt, ns ? KILN_INT64 : KILN_FLOAT64, true); /* a Python int or float */
    Ref zero = inf_k64(I, 0);
    I->line = call->line;
    return val_of(I, inf_emit(I, OP_LIB, t, &zero, 1, LIB_CLOCK | (int64_t)clocks[k].which << 8));
}
