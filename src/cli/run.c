/*
 * run.c — `kiln run FILE FUNC [ARG ...]`: run a kernel once and print its
 * result as CPython prints repr() of the same value.
 */
#include "cli.h"
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <string.h>

static void help(void) {
    printf("usage: kiln run FILE FUNC [ARG ...] [options]\n"
           "\n"
           "Runs FUNC from the kernel file FILE with the given arguments and prints\n"
           "the result as Python's repr() (arrays as their .tolist()).\n"
           "\n"
           "options:\n"
           "  --tier interp|baseline|opt|auto   the execution tier (default auto: baseline)\n"
           "  --no-boundscheck                  do not check array indices\n"
           "  --fastmath                        tier 2 may reassociate float arithmetic (last bits may differ)\n"
           "  --parallel                        x = <elementwise array expression> split by rows across threads\n"
           "                                    (prange loops use threads anyway; KILN_NUM_THREADS: how many)\n"
           "  -O3                               tier 2 runs LLVM's O3 pipeline on loops over arrays (default O2)\n"
           "  --out PATH.npy                    write an array result to PATH.npy (any other result is printed)\n"
           "  --out-arg N=PATH.npy              after the call, write argument N (1-based; an array a kernel may\n"
           "                                    have changed in place) to PATH.npy; repeatable\n"
           "  --print-args                      after the result, print each argument as the call left it\n"
           "  --device cpu|cuda --grid B,T[,S]  launch FUNC as a CUDA kernel over B blocks of T threads (each N,\n"
           "                                    NxM or NxMxK; S bytes of dynamic shared memory): on the GPU (arrays\n"
           "                                    copied there and back) or on the CPU (threads in turn); then print the\n"
           "                                    array arguments (docs/gpu.md)\n"
           CLI_FIX_HELP
           "\n"
           "ARG: 3, -2.5, 1e3, (1+2j), True, None, (1, 2), [1.0, 2.0], list([1, 2]), np.zeros(SHAPE, dtype=D),\n"
           "     np.ones(...), np.arange(N, dtype=D),\n"
           "     np.array([1, 2], dtype=np.float32), np.float32(1.5), @file.npy, @=N (the same object as\n"
           "     argument N: one array passed twice), name=ARG\n"
           "exit status: 0 ok, 1 compile/runtime/input error, 2 bad usage\n");
}

/* Ctrl-C: the running kernel raises KeyboardInterrupt at its next check (kiln_interrupt), the
 * error is printed as any other and kiln exits 130 (128 + SIGINT, as a shell reports it). A second
 * Ctrl-C kills at once (the default action is back), for a loop tier 2 does not check. */
static kiln_ctx *interrupt_ctx;
static void on_sigint(int sig) {
    (void)sig;
    kiln_interrupt(interrupt_ctx);
    signal(SIGINT, SIG_DFL);
}

/* --out-arg N=PATH: N an argument that exists and is an array (checked before the call runs) */
static int out_arg_index(const char *spec, int nargs, const char **path) {
    char *end;
    long n = strtol(spec, &end, 10);
    if (end == spec || *end != '=' || !end[1]) return -2;
    *path = end + 1;
    return n >= 1 && n <= nargs ? (int)n - 1 : -1;
}

static bool out_args_ok(const CliArgs *a, const kiln_value *args, int nargs) {
    for (int k = 0; k < a->nout_arg; k++) {
        const char *path;
        int i = out_arg_index(a->out_arg[k], nargs, &path);
        if (i == -2) { fprintf(stderr, "error: --out-arg takes N=PATH.npy, not '%s'\n", a->out_arg[k]); return false; }
        if (i < 0) { fprintf(stderr, "error: --out-arg %s: the call has %d argument%s\n", a->out_arg[k], nargs, nargs == 1 ? "" : "s"); return false; }
        if (args[i].kind != KILN_ARRAY) { fprintf(stderr, "error: --out-arg %s: argument %d is not an array (--print-args prints any argument)\n", a->out_arg[k], i + 1); return false; }
    }
    return true;
}

static int write_out_args(const CliArgs *a, const kiln_value *args, int nargs) {
    for (int k = 0; k < a->nout_arg; k++) {
        const char *path;
        int i = out_arg_index(a->out_arg[k], nargs, &path);
        kiln_error err;
        if (kiln_npy_save(path, args[i].v.arr, &err)) { cli_print_error(&err); return -1; }
    }
    return 0;
}

int cmd_run(int argc, char **argv) {
    for (int i = 1; i < argc; i++) if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { help(); return EXIT_OK; }
    CliArgs a;
    if (cli_parse_common(argc, argv, &a, "run", NULL)) return EXIT_USAGE;
    kiln_options o;
    kiln_options_init(&o);
    o.tier = a.tier;
    o.boundscheck = a.boundscheck;
    o.fastmath = a.fastmath;
    o.parallel = a.parallel;
    o.opt_level = a.opt_level;
    kiln_ctx *ctx = kiln_ctx_new(&o);
    if (!ctx) { fprintf(stderr, "error: out of memory\n"); cli_args_free(&a); return EXIT_ERR; }
    interrupt_ctx = ctx;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigaction(SIGINT, &sa, NULL);
    ValPool pool = {0};
    kiln_value *args = NULL;
    int nargs = 0, rc = EXIT_ERR;
    kiln_func *fn;
    kiln_value after[CLI_SIG_ARGS];
    kiln_set_io set_io[CLI_SIG_ARGS]; /* a set's way back (its keys; its table is not needed here) */
    memset(set_io, 0, sizeof set_io);
    memset(after, 0, sizeof after);
    kiln_launch_cfg cfg;
    bool launch = a.device || a.grid;
    bool ready = false;
    if (launch && cli_launch_config(&a, &cfg)) rc = EXIT_USAGE;
    else ready = cli_prepare(ctx, &a, &fn, &args, &nargs, &pool) == 0 && out_args_ok(&a, args, nargs);
    if (ready && launch) {
        rc = cli_launch(ctx, fn, &cfg, args, nargs) || write_out_args(&a, args, nargs) ? EXIT_ERR : EXIT_OK;
    } else if (ready) {
        kiln_value res;
        kiln_error err;
        for (int i = 0; a.print_args && i < nargs && i < CLI_SIG_ARGS; i++) /* a list's final items come back */
            if (args[i].kind == KILN_LIST || args[i].kind == KILN_DICT) args[i].base = &after[i];
            else if (args[i].kind == KILN_SET) { set_io[i].out = &after[i]; args[i].base = &set_io[i]; }
        if (kiln_call(fn, args, nargs, &res, &err) != 0) {
            cli_print_error(&err);
            if (!strcmp(err.ename, "KeyboardInterrupt")) rc = 130;
        } else {
            rc = EXIT_OK;
            if (a.out && res.kind == KILN_ARRAY) {
                if (kiln_npy_save(a.out, res.v.arr, &err)) { cli_print_error(&err); rc = EXIT_ERR; }
            } else {
                /* a result --out cannot hold is printed rather than lost, and the file is left alone */
                if (a.out) fprintf(stderr, "warning: the result is not an array: printed here, %s not written\n", a.out);
                kiln_value_print(&res, stdout);
                putchar('\n');
            }
            kiln_value_free(&res);
            if (write_out_args(&a, args, nargs)) rc = EXIT_ERR;
            for (int i = 0; a.print_args && i < nargs && i < CLI_SIG_ARGS; i++) {
                printf("%s = ", kiln_func_param(fn, i));
                bool changed = (args[i].kind == KILN_LIST || args[i].kind == KILN_SET || args[i].kind == KILN_DICT) &&
                               after[i].kind == args[i].kind;
                kiln_value_print(changed ? &after[i] : &args[i], stdout);
                putchar('\n');
            }
        }
        for (int i = 0; i < nargs && i < CLI_SIG_ARGS; i++) kiln_value_free(&after[i]);
    }
    signal(SIGINT, SIG_DFL);
    interrupt_ctx = NULL;
    cli_pool_free(&pool);
    cli_args_free(&a);
    kiln_ctx_free(ctx);
    fflush(stdout);
    return rc;
}
