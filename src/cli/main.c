/*
 * main.c — `kiln` entry point: dispatches to the subcommands.
 */
#include "cli.h"
#include "../jit/cache.h"
#include <string.h>

static void usage(FILE *out) {
    fprintf(out,
            "usage: kiln <command> [options]\n"
            "\n"
            "commands:\n"
            "  run FILE FUNC [ARG ...]      run a kernel and print its result as Python would\n"
            "  explain FILE FUNC [ARG ...]  show inferred types, IR after each pass, tier code\n"
            "  bench FILE FUNC [ARG ...]    first call by phase, warm calls, cold process, throughput\n"
            "  cache dir|ls|stats|verify|clear|prune|export|import   the disk cache of tier-2 code\n"
            "  warm FILE --sig 'f(f64[::1], i64)' ...   compile with tier 2 ahead of time into the disk cache\n"
            "  aot FILE --sig SIG ... -o NAME   export tier-2 code as NAME.o + NAME.h for C programs, no JIT\n"
            "\n"
            "ARG is a Python literal (3, -2.5, 1e3, (1+2j), True, (1, 2)), a list (an array),\n"
            "np.float32(1.5)-style typed scalars, or @PATH.npy. Use NAME=ARG for keywords.\n"
            "'kiln COMMAND --help' describes a command's options.\n");
}

int main(int argc, char **argv) {
    if (argc < 2) { usage(stderr); return EXIT_USAGE; }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) { usage(stdout); return EXIT_OK; }
    if (!strcmp(cmd, "--version")) { /* which LLVM tier 2 was built with: the README's two commands build the same one */
        const char *llvm = jit_cache_llvm_version();
        bool none = !strcmp(llvm, "none");
        printf("kiln %s (build %s, tier 2: %s%s)\n", KILN_VERSION, jit_cache_build_id(), none ? "not built, LLVM=0" : "LLVM ", none ? "" : llvm);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "run")) return cmd_run(argc - 1, argv + 1);
    if (!strcmp(cmd, "explain")) return cmd_explain(argc - 1, argv + 1);
    if (!strcmp(cmd, "bench")) return cmd_bench(argc - 1, argv + 1);
    if (!strcmp(cmd, "cache")) return cmd_cache(argc - 1, argv + 1);
    if (!strcmp(cmd, "warm")) return cmd_warm(argc - 1, argv + 1);
    if (!strcmp(cmd, "aot")) return cmd_aot(argc - 1, argv + 1);
    fprintf(stderr, "kiln: unknown command '%s'\n", cmd);
    usage(stderr);
    return EXIT_USAGE;
}
