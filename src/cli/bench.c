/*
 * bench.c — `kiln bench FILE FUNC [ARG ...]`: warmup measured the way it
 * should be, cold and warm never mixed.
 *   cold in process: the first call, split into parse, type inference and IR,
 *     passes, code generation and the run itself (LLVM's one-time load apart);
 *   warm: after --warmup calls, --runs timed calls (or as many as --time
 *     allows): median, p10, p90, min, with a warning when p90/p10 says the
 *     machine is noisy, throughput from --bytes/--flops or "# bench: FUNC
 *     bytes=N flops=N" in the kernel file, and a check that the results stay
 *     the same from call to call;
 *   dispatch: ns per call of a trivial kernel on the same tier;
 *   cold process: a fresh `kiln run` of the same call (this program re-executed),
 *     wall time from start to result.
 * --json prints the same as one JSON object; --plot FILE.svg draws latency per
 * call against call index.
 */
#include "cli.h"
#include "../jit/jit.h"
#include "../base/stats.h"
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static bool bench_opt(const char *opt, CliArgs *a) {
    if (!strncmp(opt, "--warmup=", 9)) { a->warmup = atoi(opt + 9); return true; }
    if (!strncmp(opt, "--runs=", 7)) { a->runs = atoi(opt + 7); return true; }
    if (!strncmp(opt, "--time=", 7)) { a->time_budget = atof(opt + 7); return true; }
    if (!strncmp(opt, "--bytes=", 8)) { a->bytes = atof(opt + 8); return true; }
    if (!strncmp(opt, "--flops=", 8)) { a->flops = atof(opt + 8); return true; }
    if (!strncmp(opt, "--plot=", 7)) { a->plot = opt + 7; return true; }
    if (!strcmp(opt, "--json")) { a->json = true; return true; }
    if (!strcmp(opt, "--no-process")) { a->no_process = true; return true; }
    return false;
}

/* "--runs 5" as well as "--runs=5": out (argc + 1 slots) gets the joined form; joined strings
 * go into pool, which the caller frees */
static int join_options(int argc, char **argv, char **out, ValPool *pool) {
    static const char *with_value[] = {"--warmup", "--runs", "--time", "--bytes", "--flops", "--plot"};
    int n = 0;
    for (int i = 0; i < argc; i++) {
        bool joined = false;
        for (size_t k = 0; k < sizeof with_value / sizeof *with_value && !joined; k++)
            if (!strcmp(argv[i], with_value[k]) && i + 1 < argc) {
                size_t len = strlen(argv[i]) + strlen(argv[i + 1]) + 2;
                char *j = cli_pool_add(pool, malloc(len));
                if (!j) break;
                snprintf(j, len, "%s=%s", argv[i], argv[i + 1]);
                out[n++] = j;
                i++;
                joined = true;
            }
        if (!joined) out[n++] = argv[i];
    }
    out[n] = NULL;
    return n;
}

/* "# bench: FUNC bytes=8e7 flops=2e7" in the kernel file */
static void declared(const char *file, const char *func, double *bytes, double *flops) {
    FILE *f = fopen(file, "r");
    if (!f) return;
    char line[512];
    size_t fl = strlen(func);
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "# bench: ", 9) || strncmp(line + 9, func, fl) || line[9 + fl] != ' ') continue;
        char *b = strstr(line, "bytes="), *p = strstr(line, "flops=");
        if (b && !*bytes) *bytes = atof(b + 6);
        if (p && !*flops) *flops = atof(p + 6);
    }
    fclose(f);
}

static void help(void) {
    printf("usage: kiln bench FILE FUNC [ARG ...] [options]\n"
           "\n"
           "Measures FUNC on the given arguments: the first call in this process by phase,\n"
           "warm calls after warm-up (median, p10, p90, min), throughput, dispatch overhead,\n"
           "and a fresh process from start to first result.\n"
           "\n"
           "options:\n"
           "  --tier interp|baseline|opt|auto   the tier (default auto)\n"
           "  --warmup N        calls before timing (default 3)\n"
           "  --runs N          timed calls (default 20), or --time SECONDS to run for that long\n"
           "  --bytes N         bytes one call moves, for GB/s (or '# bench: FUNC bytes=N' in FILE)\n"
           "  --flops N         floating-point operations per call, for GFLOP/s ('flops=N')\n"
           "  --json            one JSON object instead of text\n"
           "  --plot F.svg      latency per call against call index, first call and warm-up marked\n"
           "  --no-process      skip the fresh-process measurement\n"
           "  -O3, --fastmath, --no-boundscheck, --parallel   as for kiln run\n"
           CLI_FIX_HELP);
}

/* the first-N totals reported (compile included: what a program that calls N times pays) */
static const int first_ns[] = {1, 10, 100, 1000, 10000};
#define NFIRST 5

typedef struct Res {
    double parse, infer, passes, codegen, first_total, first_run, llvm_load;
    double first_n[NFIRST];   /* total latency of the first N calls; 0 if fewer ran */
    long opt_from;            /* first call that started on tier-2 code (tier auto), -1 none */
    long osr_call;            /* first call during which a loop jumped into tier-2 code, -1 none */
    TimeStats warm;
    double dispatch_ns;
    TimeStats process, process_warm; /* fresh processes with an empty / a warm disk cache */
    bool stable;
    char *first;              /* the first call's result as CPython's repr, at most RESULT_MAX bytes */
    bool first_cut;           /* ... cut there (a large array) */
} Res;

/* the most of a result's repr bench keeps: a 10^6-element array's would be ~20 MB of JSON */
enum { RESULT_MAX = 1 << 20 };

/* v's repr, at most RESULT_MAX bytes (malloc'd; NULL on OOM); *cut: it was longer */
static char *repr_of(const kiln_value *v, bool *cut) {
    int n = kiln_value_repr(v, NULL, 0);
    size_t cap = (n < 0 ? 0 : (size_t)n < RESULT_MAX ? (size_t)n : RESULT_MAX) + 1;
    char *s = malloc(cap);
    if (s) kiln_value_repr(v, s, cap);
    if (cut) *cut = n >= 0 && (size_t)n >= cap;
    return s;
}

static void sum_stats(kiln_module *m, kiln_stats *out) {
    memset(out, 0, sizeof *out);
    for (int i = 0; i < m->nfuncs; i++) {
        kiln_stats s;
        kiln_func_stats(&m->funcs[i], &s);
        out->ns_infer += s.ns_infer; out->ns_opt += s.ns_opt; out->ns_codegen += s.ns_codegen;
    }
}

/* after call i: did it start on tier-2 code, did a loop jump into it (tier auto) */
static void track_tiers(kiln_func *fn, long i, Res *R) {
    if (fn->mod->ctx->opt.tier != KILN_TIER_AUTO || (R->opt_from >= 0 && R->osr_call >= 0)) return;
    kiln_stats st;
    kiln_func_stats(fn, &st);
    if (R->opt_from < 0 && st.calls_opt > 0) R->opt_from = i;
    if (R->osr_call < 0 && st.osr_entries > 0) R->osr_call = i;
}

/* the same call as a fresh `kiln run`: wall time from fork to exit, with a
 * disk cache of its own (KILN_CACHE_DIR=dir): emptied before every run
 * (fresh) or kept (warm, filled by one untimed run first) */
static int process_runs(char **argv0_run, int n, const char *dir, bool fresh, TimeStats *out) {
    double t[16];
    int k = 0;
    setenv("KILN_CACHE_DIR", dir, 1);
    setenv("KILN_CACHE", "1", 1);
    for (int i = fresh ? 0 : -1; i < n && i < 16; i++) {
        if (fresh) {
            char cmd[4200];
            snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
            if (system(cmd)) return -1;
        }
        double t0 = now();
        pid_t pid = fork();
        if (pid < 0) return -1;
        if (pid == 0) {
            FILE *nul = freopen("/dev/null", "w", stdout);
            (void)nul;
            execv("/proc/self/exe", argv0_run);
            _exit(127);
        }
        int st;
        waitpid(pid, &st, 0);
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) return -1;
        if (i >= 0) t[k++] = now() - t0;
    }
    *out = stats_summarize(t, (size_t)k);
    return 0;
}

static double dispatch_ns(kiln_ctx *ctx) {
    const char *src = "def _kiln_nop(x):\n    return x\n";
    kiln_error err;
    kiln_module *m = kiln_load_source(ctx, "<dispatch>", src, strlen(src), &err);
    kiln_func *f = m ? kiln_lookup(m, "_kiln_nop") : NULL;
    if (!f) return 0;
    kiln_value a = kiln_int(1), r;
    kiln_call(f, &a, 1, &r, &err);
    double t[9];
    for (int k = 0; k < 9; k++) {
        double t0 = now();
        for (int i = 0; i < 100000; i++) kiln_call(f, &a, 1, &r, &err);
        t[k] = (now() - t0) / 100000 * 1e9;
    }
    return stats_summarize(t, 9).median;
}

static void print_text(const CliArgs *a, const Res *R, double bytes, double flops, const char *tier) {
    printf("kiln bench %s %s  [tier %s]\n", a->file, a->func, tier);
    printf("result: %s%s%s\n", R->first, R->first_cut ? " ... (cut at 1 MiB)" : "", R->stable ? "" : "  (changes from call to call: the kernel mutates its inputs?)");
    printf("\nfirst call in this process: %.3f ms\n", R->first_total * 1e3);
    printf("  parse            %10.1f us\n", R->parse * 1e6);
    if (R->llvm_load > 0) printf("  LLVM load+init   %10.1f us   (once per context, not per kernel)\n", R->llvm_load * 1e6);
    printf("  types + IR       %10.1f us\n", R->infer * 1e6);
    printf("  passes           %10.1f us\n", R->passes * 1e6);
    printf("  code generation  %10.1f us\n", R->codegen * 1e6);
    printf("  first run        %10.1f us\n", R->first_run * 1e6);
    printf("\nfirst N calls, compile (and LLVM's load) included:");
    for (int i = 0; i < NFIRST; i++) if (R->first_n[i] > 0) printf("  %d: %.3f ms", first_ns[i], R->first_n[i] * 1e3);
    printf("\n");
    if (R->opt_from >= 0) printf("tier 2 swapped in: call %ld is the first to start on it\n", R->opt_from + 1);
    if (R->osr_call >= 0) printf("OSR: call %ld jumped from a tier-1 loop into tier-2 code\n", R->osr_call + 1);
    printf("\nwarm (%zu calls after %d warm-up): median %.3f ms  p10 %.3f  p90 %.3f  min %.3f\n", R->warm.n, a->warmup,
           R->warm.median * 1e3, R->warm.p10 * 1e3, R->warm.p90 * 1e3, R->warm.min * 1e3);
    if (R->warm.p10 > 0 && R->warm.p90 / R->warm.p10 > 1.5)
        printf("  warning: p90/p10 = %.2f: the machine is noisy; compare only within one run\n", R->warm.p90 / R->warm.p10);
    if (bytes > 0) printf("  throughput %.2f GB/s (%.3g bytes per call)\n", bytes / R->warm.median / 1e9, bytes);
    if (flops > 0) printf("  throughput %.2f GFLOP/s (%.3g flops per call)\n", flops / R->warm.median / 1e9, flops);
    printf("\ndispatch: %.1f ns per call of a trivial kernel on this tier\n", R->dispatch_ns);
    if (R->process.n)
        printf("\ncold process (fresh kiln run, start to result, %zu runs): empty disk cache median %.2f ms  min %.2f\n", R->process.n,
               R->process.median * 1e3, R->process.min * 1e3);
    if (R->process_warm.n)
        printf("  warm disk cache median %.2f ms  min %.2f (tier 2 from the cache in tiers opt and auto; the baseline and\n"
               "  the interpreter do not use it)\n", R->process_warm.median * 1e3, R->process_warm.min * 1e3);
}

static void json_stats(const char *name, const TimeStats *s) {
    printf("\"%s\": {\"n\": %zu, \"median\": %.9g, \"p10\": %.9g, \"p90\": %.9g, \"min\": %.9g, \"max\": %.9g}", name, s->n,
           s->median, s->p10, s->p90, s->min, s->max);
}

static void print_json(const CliArgs *a, const Res *R, double bytes, double flops, const char *tier) {
    printf("{\"file\": \"%s\", \"func\": \"%s\", \"tier\": \"%s\", \"result\": \"", a->file, a->func, tier);
    for (const char *p = R->first; *p; p++) { if (*p == '"' || *p == '\\') putchar('\\'); putchar(*p); }
    printf("\", \"result_cut\": %s, \"stable\": %s,\n \"first_call\": {\"total\": %.9g, \"parse\": %.9g, \"llvm_load\": %.9g, \"infer\": %.9g, "
           "\"passes\": %.9g, \"codegen\": %.9g, \"run\": %.9g},\n ",
           R->first_cut ? "true" : "false", R->stable ? "true" : "false", R->first_total, R->parse, R->llvm_load, R->infer, R->passes, R->codegen, R->first_run);
    json_stats("warm", &R->warm);
    printf(",\n \"first_n\": {");
    for (int i = 0, k = 0; i < NFIRST; i++)
        if (R->first_n[i] > 0) printf("%s\"%d\": %.9g", k++ ? ", " : "", first_ns[i], R->first_n[i]);
    printf("}, \"opt_from_call\": %ld, \"osr_call\": %ld", R->opt_from >= 0 ? R->opt_from + 1 : -1, R->osr_call >= 0 ? R->osr_call + 1 : -1);
    printf(",\n \"warmup\": %d, \"noisy\": %s", a->warmup, R->warm.p10 > 0 && R->warm.p90 / R->warm.p10 > 1.5 ? "true" : "false");
    if (bytes > 0) printf(", \"gb_per_s\": %.6g", bytes / R->warm.median / 1e9);
    if (flops > 0) printf(", \"gflop_per_s\": %.6g", flops / R->warm.median / 1e9);
    printf(",\n \"dispatch_ns\": %.4g", R->dispatch_ns);
    if (R->process.n) { printf(",\n "); json_stats("cold_process", &R->process); }
    if (R->process_warm.n) { printf(",\n "); json_stats("cold_process_warm_cache", &R->process_warm); }
    printf("}\n");
}

int cmd_bench(int argc, char **argv) {
    for (int i = 1; i < argc; i++) if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { help(); return EXIT_OK; }
    ValPool joined = {0};
    char **av = calloc((size_t)argc + 1, sizeof *av);
    if (!av) { fprintf(stderr, "kiln bench: out of memory\n"); return EXIT_ERR; }
    int ac = join_options(argc, argv, av, &joined);
    CliArgs a;
    if (cli_parse_common(ac, av, &a, "bench", bench_opt)) { free(av); cli_pool_free(&joined); return EXIT_USAGE; }
    if (a.warmup == 0) a.warmup = 3;
    if (a.warmup < 0) a.warmup = 0;
    if (a.runs <= 0) a.runs = a.time_budget > 0 ? 1000000 : 20;
    declared(a.file, a.func, &a.bytes, &a.flops);
    kiln_options o;
    kiln_options_init(&o);
    o.tier = a.tier; o.boundscheck = a.boundscheck; o.fastmath = a.fastmath; o.opt_level = a.opt_level;
    o.parallel = a.parallel;
    kiln_ctx *ctx = kiln_ctx_new(&o);
    if (!ctx) { cli_args_free(&a); free(av); cli_pool_free(&joined); return EXIT_ERR; }
    Res R;
    memset(&R, 0, sizeof R);
    ValPool pool = {0};
    kiln_value *args = NULL;
    char **run_argv = NULL;
    int nargs = 0, rc = EXIT_ERR;
    kiln_error err;
    double t0 = now();
    kiln_module *m = kiln_load_file(ctx, a.file, &err);
    R.parse = now() - t0;
    kiln_func *fn;
    double *lat = NULL;
    if (!m) { cli_print_error(&err); goto out; }
    if (cli_bind(m, &a, &fn, &args, &nargs, &pool)) goto out;
    if (a.tier == KILN_TIER_OPT) { /* LLVM's load and start are per context: apart from the kernel */
        t0 = now();
        pthread_mutex_lock(&ctx->llvm_lock);
        const struct Backend *be = jit_llvm_backend(ctx, &err);
        pthread_mutex_unlock(&ctx->llvm_lock);
        R.llvm_load = now() - t0;
        if (!be) { cli_print_error(&err); goto out; }
    }
    kiln_value res;
    t0 = now();
    if (kiln_call(fn, args, nargs, &res, &err)) { cli_print_error(&err); goto out; }
    R.first_total = now() - t0;
    R.first = repr_of(&res, &R.first_cut);
    if (!R.first) { kiln_value_free(&res); fprintf(stderr, "kiln bench: out of memory\n"); goto out; }
    kiln_value_free(&res);
    kiln_stats st;
    sum_stats(m, &st);
    R.infer = (double)st.ns_infer * 1e-9; R.passes = (double)st.ns_opt * 1e-9; R.codegen = (double)st.ns_codegen * 1e-9;
    R.first_run = R.first_total - R.infer - R.passes - R.codegen;
    if (R.first_run < 0) R.first_run = 0;
    size_t cap = (size_t)a.warmup + (size_t)(a.runs < 100000 ? a.runs : 100000) + 1;
    lat = malloc(sizeof(double) * cap);
    if (!lat) goto out;
    size_t nl = 0;
    lat[nl++] = R.first_total;
    R.stable = true;
    R.opt_from = R.osr_call = -1;
    track_tiers(fn, 0, &R);
    double budget_end = a.time_budget > 0 ? now() + a.time_budget : 0;
    for (int i = 0; i < a.warmup + a.runs && nl < cap; i++) {
        t0 = now();
        if (kiln_call(fn, args, nargs, &res, &err)) { cli_print_error(&err); goto out; }
        lat[nl++] = now() - t0;
        track_tiers(fn, (long)nl - 1, &R);
        /* the last call's result against the first's (a repr formats every element: large arrays
         * would make each comparison cost more than the call) */
        bool stop = budget_end && i >= a.warmup && now() > budget_end;
        if (stop || i + 1 == a.warmup + a.runs || nl == cap) {
            char *rep = repr_of(&res, NULL);
            if (!rep || strcmp(rep, R.first) != 0) R.stable = false;
            free(rep);
        }
        kiln_value_free(&res);
        if (stop) break;
    }
    double cum = R.llvm_load; /* tier opt loaded LLVM before the first call; tier auto loads it on the way */
    for (size_t i = 0; i < nl; i++) {
        cum += lat[i];
        for (int k = 0; k < NFIRST; k++) if (i + 1 == (size_t)first_ns[k]) R.first_n[k] = cum;
    }
    double *warm = malloc(sizeof(double) * (nl + 1));
    if (!warm) goto out;
    size_t nw = nl > 1 + (size_t)a.warmup ? nl - 1 - (size_t)a.warmup : 0;
    memcpy(warm, lat + 1 + a.warmup, sizeof(double) * nw);
    R.warm = stats_summarize(warm, nw);
    free(warm);
    R.dispatch_ns = dispatch_ns(ctx);
    static const char *tiers[] = {"auto", "interp", "baseline", "opt"};
    if (!a.no_process) {
        int k = 0;
        if (!(run_argv = calloc((size_t)(a.npos + a.nkw + a.nfix + 12), sizeof *run_argv))) goto out;
        run_argv[k++] = "kiln"; run_argv[k++] = "run";
        run_argv[k++] = "--tier"; run_argv[k++] = (char *)tiers[a.tier];
        if (!a.boundscheck) run_argv[k++] = "--no-boundscheck";
        if (a.fastmath) run_argv[k++] = "--fastmath";
        if (a.parallel) run_argv[k++] = "--parallel";
        if (a.opt_level == 3) run_argv[k++] = "-O3";
        for (int i = 0; i < a.nfix; i++) run_argv[k++] = (char *)a.fixes[i]; /* --static=NAMES, --static-shapes[=NAMES] */
        run_argv[k++] = (char *)a.file; run_argv[k++] = (char *)a.func;
        for (int i = 0; i < a.npos; i++) run_argv[k++] = (char *)a.pos[i];
        for (int i = 0; i < a.nkw; i++) run_argv[k++] = (char *)a.kwname[i];
        run_argv[k] = NULL;
        char dir[] = "/tmp/kiln-bench-cache-XXXXXX";
        if (!mkdtemp(dir) || process_runs(run_argv, 5, dir, true, &R.process) || process_runs(run_argv, 5, dir, false, &R.process_warm))
            fprintf(stderr, "kiln bench: the fresh-process run failed\n");
        char cmd[100];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd)) fprintf(stderr, "kiln bench: cannot remove %s\n", dir);
    }
    if (a.plot) {
        SvgMark marks[4] = {{0, "first call: compile + run"}};
        size_t nm = 1;
        if (a.warmup) marks[nm++] = (SvgMark){(double)a.warmup + 0.5, "warm-up ends"};
        if (R.osr_call >= 0) marks[nm++] = (SvgMark){(double)R.osr_call, "OSR into tier 2"};
        if (R.opt_from >= 0) marks[nm++] = (SvgMark){(double)R.opt_from, "tier 2 swapped in"};
        char title[512];
        snprintf(title, sizeof title, "kiln bench %s %s [tier %s]: latency per call", a.file, a.func, tiers[a.tier]);
        if (svg_plot(a.plot, title, "call", "latency (log scale)", lat, nl, marks, nm))
            fprintf(stderr, "kiln bench: cannot write %s\n", a.plot);
    }
    if (a.json) print_json(&a, &R, a.bytes, a.flops, tiers[a.tier]);
    else print_text(&a, &R, a.bytes, a.flops, tiers[a.tier]);
    rc = EXIT_OK;
out:
    free(R.first);
    free(lat);
    free(run_argv);
    cli_pool_free(&pool);
    cli_args_free(&a);
    free(av);
    cli_pool_free(&joined);
    kiln_ctx_free(ctx);
    return rc;
}
