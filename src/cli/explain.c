/*
 * explain.c — `kiln explain FILE FUNC [ARG ...]`: what the compiler made of
 * a kernel for the signature of the given arguments.
 */
#include "cli.h"
#include "../jit/jit.h"
#include <stdlib.h>
#include <string.h>

static bool explain_opt(const char *opt, CliArgs *a) {
    if (!strncmp(opt, "--ir=after:", 11)) { a->pass = opt + 11; return true; }
    if (!strcmp(opt, "--asm")) { a->asm_only = true; return true; }
    if (!strcmp(opt, "--llvm")) { a->llvm = true; return true; }
    if (!strcmp(opt, "--ptx")) { a->ptx = ""; return true; }
    if (!strncmp(opt, "--ptx=", 6)) { a->ptx = opt + 6; return true; }
    return false;
}

int cmd_explain(int argc, char **argv) {
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: kiln explain FILE FUNC [ARG ...] [--ir=after:PASS] [--asm] [--tier T] [--no-boundscheck]\n"
                   "\nPrints the specialization key for the arguments' signature, the inferred\n"
                   "type of every local variable, the typed IR as built and after each pass\n"
                   "(or only after PASS: fold, dce), the interpreter's code and the baseline\n"
                   "tier's x86-64 code (--asm: only that, disassembled with objdump).\n"
                   "--llvm compiles with the optimizing tier and prints its LLVM IR before and\n"
                   "after the pass pipeline and the machine code LLVM generated.\n"
                   "--static NAMES and --static-shapes[=NAMES] as for kiln run: the key shows the\n"
                   "values and lengths the specialization fixes.\n"
                   "--ptx[=sm_XY] prints the PTX a CUDA kernel compiles to for these arguments\n"
                   "(default sm_80; no GPU needed; docs/gpu.md).\n");
            return EXIT_OK;
        }
    CliArgs a;
    if (cli_parse_common(argc, argv, &a, "explain", explain_opt)) return EXIT_USAGE;
    kiln_options o;
    kiln_options_init(&o);
    o.tier = a.llvm ? KILN_TIER_OPT : a.tier;
    o.boundscheck = a.boundscheck;
    o.fastmath = a.fastmath;
    o.parallel = a.parallel;
    o.opt_level = a.opt_level;
    o.keep_llvm_ir = a.llvm;
    kiln_ctx *ctx = kiln_ctx_new(&o);
    if (!ctx) { cli_args_free(&a); return EXIT_ERR; }
    ValPool pool = {0};
    kiln_value *args = NULL;
    int nargs = 0, rc = EXIT_ERR;
    kiln_func *fn;
    if (cli_prepare(ctx, &a, &fn, &args, &nargs, &pool) == 0) {
        kiln_error err;
        memset(&err, 0, sizeof err);
        char *ptx = NULL;
        if (a.ptx) {
            if (kiln_cuda_ptx(fn, args, nargs, *a.ptx ? a.ptx : NULL, &ptx, &err)) cli_print_error(&err);
            else { fputs(ptx, stdout); rc = EXIT_OK; }
            free(ptx);
        } else if (jit_explain(fn, args, nargs, stdout, a.pass, a.asm_only || a.llvm, &err)) cli_print_error(&err);
        else rc = EXIT_OK;
    }
    cli_pool_free(&pool);
    cli_args_free(&a);
    kiln_ctx_free(ctx);
    return rc;
}
