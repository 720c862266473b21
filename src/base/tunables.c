/*
 * tunables.c — the one table of thresholds and limits, with units and defaults.
 * Contexts copy the defaults and may override them (options, environment).
 */
#include "base.h"

const TunableInfo tunables[TUNE_COUNT] = {
    [TUNE_MAX_RECURSION] = {"max_recursion", "frames", 1000,
                            "kernel call depth before RecursionError (CPython's default)"},
    [TUNE_MAX_SPECS] = {"max_specializations", "signatures", 64,
                        "signatures one function may be compiled for"},
    [TUNE_INFER_ROUNDS] = {"infer_rounds", "restarts", 32,
                           "type-inference restarts (loop widening, recursion) before an error"},
    [TUNE_FRAME_STACK_BYTES] = {"frame_stack_bytes", "bytes", 4096,
                                "interpreter frames up to this size live on the C stack"},
    [TUNE_BASELINE_MAX_IR] = {"baseline_max_ir", "IR instructions", 100000,
                              "functions larger than this stay in the interpreter"},
    [TUNE_TIER2_MAX_IR] = {"tier2_max_ir", "IR instructions", 5000,
                           "functions larger than this stay on tier 1: LLVM's loop analyses grow faster than quadratically "
                           "(measured: 8,400 instructions in 1,200 loops 2 s, 14,000 in 2,000 loops 5 minutes)"},
    [TUNE_TIER2_CALLS] = {"tier2_calls", "calls", 1000,
                          "calls of one specialization before tier 1 queues it for tier 2 (tier auto; 0: never)"},
    [TUNE_TIER2_LOOPS] = {"tier2_loops", "loop iterations", 100000,
                          "loop iterations of one specialization before tier 2; calls and iterations add up (one budget)"},
    [TUNE_TIER2_ABOVE_ELEMENTS] = {"tier2_above_elements", "array elements", 1000000,
                                   "a first call whose array arguments hold this many elements queues tier 2 at once (0: off)"},
    [TUNE_OSR_POLL] = {"osr_poll", "loop iterations", 1000,
                       "once queued, a running tier-1 loop checks for its tier-2 entry this often"},
    [TUNE_OSR] = {"osr", "0/1", 1, "a long tier-1 loop jumps into tier-2 code in the middle of a call (on-stack replacement)"},
    [TUNE_TIER2_QUEUE] = {"tier2_queue", "jobs", 64, "background compile jobs waiting at most; more are dropped"},
    [TUNE_TIER2_BACKGROUND] = {"tier2_background", "0/1", 1,
                               "1: tier 2 compiles on a background thread; 0: the call whose counter ran out waits (deterministic, for tests)"},
    [TUNE_TIER2_IDLE] = {"tier2_idle", "0/1", 0,
                         "1: the background compiler runs at idle priority (Linux SCHED_IDLE), on CPU time callers leave"},
    [TUNE_TIER2_DELAY_US] = {"tier2_delay_us", "microseconds", 10000,
                             "a specialization's counters trip a tier-up only once its tier-1 code has existed this long "
                             "(a short program ends before LLVM's compile would pay off; 0: at once)"},
    [TUNE_SPEC_LIMIT] = {"spec_limit", "signatures", 8,
                         "signatures one function is compiled natively for; further ones run in the interpreter"},
    [TUNE_GLOBAL_SPEC_LIMIT] = {"global_spec_limit", "signatures", 4096,
                                "signatures compiled natively in one context; further ones run in the interpreter"},
    [TUNE_CACHE_MIN_COMPILE_US] = {"cache_min_compile_us", "microseconds", 0,
                                   "tier-2 compiles that took less are not written to the disk cache"},
    [TUNE_CACHE_MIN_BYTES] = {"cache_min_bytes", "bytes", 0, "objects smaller than this are not written to the disk cache"},
    [TUNE_CACHE_MAX_BYTES] = {"cache_max_bytes", "bytes", (int64_t)1 << 30,
                              "the disk cache's cap: past it the least recently used entries are removed (0: no cap)"},
    [TUNE_CACHE_LOCK_WAIT_MS] = {"cache_lock_wait_ms", "milliseconds", 5000,
                                 "a process missing a key another process is compiling waits this long for its entry"},
    [TUNE_STATIC_SHAPES] = {"static_shapes", "0/1", 0,
                            "1: every function is specialized on the shapes of its array arguments (a constant in the code, "
                            "docs/specialization.md), as kiln_func_set_static_shape(f, -1, KILN_ALL_AXES) does for one"},
    [TUNE_SPECULATE] = {"speculate", "0/1", 1,
                        "1: when tier 2 compiles a specialization whose array arguments had one shape on 99% of its calls, "
                        "tier auto also compiles a variant for that shape, run behind a guard (docs/specialization.md)"},
    [TUNE_SPECULATE_CALLS] = {"speculate_calls", "calls", 100, "calls a specialization must have had before its shapes are speculated on"},
    [TUNE_THREADS] = {"threads", "threads", 0,
                      "threads a parallel loop may use, the calling one included (0: the CPUs this process may use: its "
                      "affinity mask and cgroup quota); KILN_NUM_THREADS sets it too. Results do not depend on it"},
    [TUNE_PARALLEL_MIN] = {"parallel_min", "iterations", 32768,
                           "a prange loop whose body has no inner loop and calls nothing uses threads only from this many "
                           "iterations (waking a thread costs about as much as 10,000 light iterations); 0: always"},
    [TUNE_SPECULATE_MISSES] = {"speculate_misses", "calls", 100,
                               "calls the guard turned away (when over 1% of calls) before the variant is dropped for good"},
    [TUNE_CUDA_PRELOAD] = {"cuda_preload", "0/1", 0,
                           "1: when a context opens the CUDA driver, a background thread loads the LLVM tier and its NVPTX "
                           "target, which a GPU kernel's first compile would otherwise wait for; it pays only where the program "
                           "has other work first (measured on an H200: a launch right after the context's creation took 2.4 ms "
                           "instead of 0.8 from the disk cache, its dlopen contending with the launch's); 0: on first use"},
};

int tune_find(const char *name) {
    for (int i = 0; i < TUNE_COUNT; i++)
        if (!strcmp(tunables[i].name, name)) return i;
    return -1;
}
