/*
 * front_fuzz.c — libFuzzer target for the front of the compiler on arbitrary
 * bytes: the lexer, the parser, name resolution, then for every function of
 * a module that loads, type inference, IR construction, the passes and the
 * baseline emitter under four signatures (ints, floats, float64 vectors,
 * float64 matrices). Nothing is run: a kernel may loop forever. Every input
 * must end in a module or a diagnostic, never a crash, a hang or a leak.
 * Seeds: the kernels of test/run (copied by make).   make fuzz FUZZ_TIME=3600
 */
#include "../../src/jit/jit.h"
#include <stdlib.h>

static kiln_ctx *ctx;

static void compile_all(kiln_module *m) {
    static double buf[16];
    kiln_array vec = {buf, KILN_FLOAT64, 1, {16}, {8}};
    kiln_array mat = {buf, KILN_FLOAT64, 2, {4, 4}, {32, 8}};
    for (int i = 0; i < m->nfuncs; i++) {
        kiln_func *f = &m->funcs[i];
        int n = kiln_func_nparams(f);
        if (n > 16) continue;
        kiln_value args[16];
        for (int sig = 0; sig < 4; sig++) {
            for (int k = 0; k < n; k++)
                args[k] = sig == 0 ? kiln_int(k + 1) : sig == 1 ? kiln_float(k + 0.5)
                        : kiln_arr(sig == 2 ? &vec : &mat);
            kiln_error err;
            (void)kiln_compile(f, args, n, &err);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!ctx) {
        kiln_options o;
        kiln_options_init(&o);
        o.tier = KILN_TIER_BASELINE;
        o.disk_cache = 0;
        o.log = 0;
        ctx = kiln_ctx_new(&o);
        if (!ctx) abort();
    }
    kiln_error err;
    kiln_module *m = kiln_load_source(ctx, "fuzz.py", (const char *)data, size, &err);
    if (m) compile_all(m);
    /* modules live as long as their context: start a fresh one now and then
     * so memory stays flat over millions of inputs */
    static int runs;
    if (++runs % 256 == 0) { kiln_ctx_free(ctx); ctx = NULL; }
    return 0;
}
