/*
 * args_fuzz.c — libFuzzer target for the command line's parsers (src/cli):
 * the options of kiln run/bench/explain (cli_parse_common), kernel arguments
 * written as Python literals (cli_value: numbers, complex, tuples, nested
 * lists, np.array(..., dtype=...), NumPy scalars) and signatures
 * (cli_parse_sig: "f(f64[::1], i64)"). The input is split at NUL bytes into
 * argv. Every input is accepted or refused with a message; never a crash or
 * a leak. "@FILE" arguments (a .npy file) are left to npy_fuzz: a fuzzer
 * must not open arbitrary paths. Seeds: test/fuzz/corpus/args.
 */
#include "../../src/cli/cli.h"
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static bool quiet;
    if (!quiet) { /* usage messages go nowhere; sanitizer reports use fd 2, not this FILE */
        FILE *null = fopen("/dev/null", "w");
        if (null) stderr = null;
        quiet = true;
    }
    char *text = malloc(size + 1);
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = 0;
    char *argv[70];
    int argc = 0;
    argv[argc++] = "kiln";
    for (char *p = text; p < text + size && argc < 69; p += strlen(p) + 1) argv[argc++] = p;
    argv[argc] = NULL;
    CliArgs a;
    if (!cli_parse_common(argc, argv, &a, "run", NULL)) cli_args_free(&a); /* on failure it freed them itself */
    ValPool pool = {0};
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '@') continue;
        kiln_value v;
        kiln_error err;
        if (cli_value(argv[i], &v, &pool, &err, i % 2 == 0) == 0) { /* [...] read as an array and as a list */
            char buf[512];
            kiln_value_repr(&v, buf, sizeof buf);
        }
    }
    cli_pool_free(&pool);
    char name[128], why[256];
    kiln_value args[64];
    int nargs = 0;
    ValPool sp = {0};
    SigExtra extra;
    (void)cli_parse_sig(text, name, sizeof name, args, &nargs, &sp, why, sizeof why, &extra);
    cli_pool_free(&sp);
    free(text);
    return 0;
}
