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
                              "functions larger than this stay in the interpreter (KILN_BASELINE_MAX_IR)"},
};
