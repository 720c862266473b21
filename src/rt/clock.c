/*
 * clock.c — the time module's clocks for kernels (LIB_CLOCK): time.time() reads CLOCK_REALTIME, perf_counter() and
 * monotonic() CLOCK_MONOTONIC (what CPython reads on Linux), process_time() CLOCK_PROCESS_CPUTIME_ID; the float forms
 * are seconds as CPython computes them from the nanoseconds (ns * 1e-9), the _ns forms the nanoseconds.
 */
#include "lib.h"
#include <time.h>

void rt_clock(int which, Slot *out) {
    static const clockid_t ids[] = {CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID};
    struct timespec ts = {0, 0};
    clock_gettime(ids[which & 3], &ts);
    int64_t ns = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
    if (which & PYCLOCK_NS) out->i = ns;
    else out->f = (double)ns * 1e-9;
}
