/*
 * cli.h — the kiln command line: shared helpers of the subcommands.
 * Exit status: 0 success, 1 compile/runtime/input error, 2 bad usage.
 */
#ifndef KILN_CLI_H
#define KILN_CLI_H

#include "../../include/kiln.h"
#include <stdbool.h>
#include <stdio.h>

/* the command line's limits: each the size of an array on the stack */
#define CLI_TUPLE_MAX 64 /* items of a tuple written as an argument or in a signature (kiln's tuples: 64) */
#define CLI_NEST_MAX 32  /* tuples nested in tuples */
#define CLI_SIG_ARGS 64  /* arguments of one signature (a kernel has at most 64 parameters) */
#define CLI_SIGS_MAX 64  /* --sig options of one kiln warm or kiln aot run */

enum { EXIT_OK = 0, EXIT_ERR = 1, EXIT_USAGE = 2 };

typedef struct CliArgs {
    const char *file, *func;
    const char **pos; int npos;                /* positional kernel arguments (as many as given: cli_args_free) */
    const char **kwname, **kwval; int nkw;
    kiln_tier tier;
    bool boundscheck;
    bool fastmath;
    bool parallel;     /* --parallel: whole-array statements split across threads (kiln_options.parallel) */
    int opt_level;
    const char *out;                            /* --out PATH.npy */
    const char **out_arg; int nout_arg;          /* run --out-arg N=PATH.npy: argument N after the call */
    bool print_args;                            /* run --print-args */
    const char *device, *grid;                  /* run --device cpu|cuda, --grid BLOCKS,THREADS: a CUDA kernel launch */
    const char **fixes; int nfix;               /* --static NAMES, --static-shapes[=NAMES]: the option texts */
    const char *pass;                           /* explain --ir=after:PASS */
    bool asm_only;                              /* explain --asm */
    bool llvm;                                  /* explain --llvm */
    const char *ptx;                            /* explain --ptx[=ARCH] ("": the default architecture) */
    /* bench */
    int warmup, runs;
    double time_budget, bytes, flops;
    bool json, no_process;
    const char *plot;
} CliArgs;

/* parse "FILE FUNC ARG... --opts"; returns -1 and prints usage on error */
int cli_parse_common(int argc, char **argv, CliArgs *a, const char *cmd, bool (*extra)(const char *opt, CliArgs *a));
void cli_args_free(CliArgs *a);
/* a Python literal or @file.npy into a value; arrays and tuples are owned by the pool (it grows) */
typedef struct ValPool { void **ptrs; int n, cap; } ValPool;
/* an argument's text; lists: a [...] literal is a Python list (else an array; list([...]) is a list always) */
int cli_value(const char *text, kiln_value *out, ValPool *pool, kiln_error *err, bool lists);
void cli_pool_free(ValPool *pool);
void *cli_pool_add(ValPool *pool, void *x); /* x, kept until cli_pool_free (NULL, and x freed, when out of memory) */
void cli_print_error(const kiln_error *err);
/* load FILE, bind the arguments of FUNC (keywords by name, defaults) into *args (owned by the pool,
 * one slot per parameter: no limit on their number) */
int cli_prepare(kiln_ctx *ctx, CliArgs *a, kiln_func **fn, kiln_value **args, int *nargs, ValPool *pool);
/* launch.c: --device and --grid into cfg (0, or -1 with the error printed); the launch, then the arrays printed */
int cli_launch_config(const CliArgs *a, kiln_launch_cfg *cfg);
int cli_launch(kiln_ctx *ctx, kiln_func *fn, const kiln_launch_cfg *cfg, kiln_value *args, int nargs);
int cli_bind(kiln_module *m, CliArgs *a, kiln_func **fn, kiln_value **args, int *nargs, ValPool *pool);
/* --static / --static-shapes: parse one option (text, the NAMES after it or NULL) into a, or false */
bool cli_fix_option(const char *opt, const char *names, CliArgs *a);
/* make fn's parameters static as --static and --static-shapes say: 0, or -1 with a message printed */
int cli_apply_fixes(const CliArgs *a, kiln_func *fn);
#define CLI_FIX_HELP \
    "  --static NAME[,NAME...]           these parameters are static: their values are constants in the code\n" \
    "                                    and part of the specialization key ('*': every number/tuple argument)\n" \
    "  --static-shapes[=NAME,...]        the shapes of these array parameters (all when no names) are constants\n" \
    "                                    (static values and shapes: docs/specialization.md)\n"

int cmd_run(int argc, char **argv);
int cmd_bench(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_cache(int argc, char **argv);
int cmd_warm(int argc, char **argv);
int cmd_aot(int argc, char **argv);
/* bundle.c: kiln cache export|import|keygen */
int cli_export(const char *dir, const char *file, const char *keyfile);
int cli_import(const char *dir, int make_parent, const char *file, const char *keyfile);
int cli_keygen(const char *file);
/* sig.c: "f(f64[::1], i64)" into the function's name and a value of each argument type (owned by pool) */
/* args has room for CLI_SIG_ARGS */
/* what a signature says beyond the types: per argument, the parameter name of a static value (k=10; NULL for
 * a type) and whether an array's lengths were given (f64[8, 8]) */
typedef struct SigExtra { const char *names[CLI_SIG_ARGS]; bool lengths[CLI_SIG_ARGS]; } SigExtra;
int cli_parse_sig(const char *text, char *name, size_t cap, kiln_value *args, int *nargs, ValPool *pool, char *err, size_t ecap,
                  SigExtra *extra);
/* kiln warm and kiln aot: the signature's static values put at their parameters' places and made static,
 * and (static_shapes) every array's lengths, which the signature must give; 0, or -1 with err */
int cli_sig_bind(kiln_func *f, kiln_value *args, int *nargs, const SigExtra *x, bool static_shapes, char *err, size_t cap);

#endif
