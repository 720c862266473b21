/*
 * warm.c — `kiln warm FILE.py --sig 'f(f64[::1], i64)' [--sig ...]`: compile
 * signatures with tier 2 ahead of time and keep them in the disk cache, so
 * that the first process of a deployment loads them instead of compiling.
 * Signatures: sig.c.
 */
#include "cli.h"
#include <stdlib.h>
#include <string.h>

static void help(void) {
    printf("usage: kiln warm FILE.py --sig 'FUNC(TYPE, ...)' [--sig ...] [-O3] [--fastmath] [--parallel] [--no-boundscheck] [--static-shapes]\n"
           "\n"
           "Compiles each signature with tier 2 and keeps the code in the disk cache (kiln cache dir),\n"
           "so that later processes load it instead of compiling. Types: int float complex bool,\n"
           "i8..i64 u8..u64 f32 f64 c64 c128 b1 (NumPy scalars), f64[::1] / f64[:, ::1] (C-contiguous\n"
           "arrays), f64[:] / f64[:, :] (any layout), (i64, f64) tuples, none.\n"
           "Static values (docs/specialization.md): NAME=VALUE after the types, as 'topk(f32[::1], k=10)': the\n"
           "parameter is static and the code is compiled for that value, as kiln run --static NAME does.\n"
           "--static-shapes: the arrays' lengths, given in the signature as f64[8, 8], are static.\n");
}

int cmd_warm(int argc, char **argv) {
    const char *file = NULL, *sigs[CLI_SIGS_MAX];
    int nsig = 0;
    kiln_options o;
    bool static_shapes = false;
    kiln_options_init(&o);
    o.tier = KILN_TIER_OPT;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { help(); return EXIT_OK; }
        if ((!strcmp(a, "--sig") || !strncmp(a, "--sig=", 6)) && nsig == CLI_SIGS_MAX) { fprintf(stderr, "kiln warm: at most %d --sig in one run\n", CLI_SIGS_MAX); return EXIT_USAGE; }
        if (!strcmp(a, "--sig") && i + 1 < argc) sigs[nsig++] = argv[++i];
        else if (!strncmp(a, "--sig=", 6)) sigs[nsig++] = a + 6;
        else if (!strcmp(a, "-O3")) o.opt_level = 3;
        else if (!strcmp(a, "--fastmath")) o.fastmath = 1;
        else if (!strcmp(a, "--parallel")) o.parallel = 1;
        else if (!strcmp(a, "--static-shapes")) static_shapes = true;
        else if (!strcmp(a, "--no-boundscheck")) o.boundscheck = 0;
        else if (a[0] == '-') { fprintf(stderr, "kiln warm: unknown option '%s' (see kiln warm --help)\n", a); return EXIT_USAGE; }
        else if (!file) file = a;
        else { fprintf(stderr, "kiln warm: one kernel file at a time\n"); return EXIT_USAGE; }
    }
    if (!file || !nsig) { fprintf(stderr, "kiln warm: expected FILE.py and at least one --sig (see kiln warm --help)\n"); return EXIT_USAGE; }
    if (getenv("KILN_CACHE") && !strcmp(getenv("KILN_CACHE"), "0")) { fprintf(stderr, "kiln warm: the disk cache is off (KILN_CACHE=0)\n"); return EXIT_USAGE; }
    kiln_ctx *ctx = kiln_ctx_new(&o);
    if (!ctx) return EXIT_ERR;
    kiln_error err;
    int rc = EXIT_OK;
    kiln_module *m = kiln_load_file(ctx, file, &err);
    if (!m) { cli_print_error(&err); kiln_ctx_free(ctx); return EXIT_ERR; }
    for (int i = 0; i < nsig && rc == EXIT_OK; i++) {
        char name[128], msg[256];
        kiln_value args[CLI_SIG_ARGS];
        int nargs;
        ValPool pool = {0};
        kiln_func *f = NULL;
        SigExtra extra;
        if (cli_parse_sig(sigs[i], name, sizeof name, args, &nargs, &pool, msg, sizeof msg, &extra)) {
            fprintf(stderr, "kiln warm: bad signature '%s': %s\n", sigs[i], msg);
            rc = EXIT_USAGE;
        } else if (!(f = kiln_lookup(m, name))) {
            fprintf(stderr, "kiln warm: %s has no function '%s'\n", file, name);
            rc = EXIT_ERR;
        } else if (cli_sig_bind(f, args, &nargs, &extra, static_shapes, msg, sizeof msg)) {
            fprintf(stderr, "kiln warm: %s: %s\n", sigs[i], msg);
            rc = EXIT_USAGE;
        } else if (kiln_compile(f, args, nargs, &err)) {
            cli_print_error(&err);
            rc = EXIT_ERR;
        } else {
            printf("warmed %s\n", sigs[i]);
        }
        cli_pool_free(&pool);
    }
    kiln_ctx_free(ctx);
    return rc;
}
