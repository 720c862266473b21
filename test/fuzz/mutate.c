/*
 * mutate.c — crash hunting on malformed and unusual kernels: mutates the
 * test kernels (delete, duplicate, swap and replace bytes, tokens and lines),
 * loads each mutant and calls every function in it with scalars, arrays and
 * tuples. Any result is fine as long as it is a value or a clean error; run
 * under ASan+UBSan (make test does), anything else aborts the run.
 *   mutate SEED COUNT FILES...      ends with "N passed, N failed"
 */
#include "../../include/kiln.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static uint64_t rng;
static uint64_t rnd(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

static char *slurp(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)len + 1);
    if (fread(b, 1, (size_t)len, f) != (size_t)len) { fclose(f); free(b); return NULL; }
    fclose(f);
    b[len] = 0;
    *n = (size_t)len;
    return b;
}

static const char *snippets[] = {
    " ", "\n", "\t", ":", "(", ")", "[", "]", ",", "0", "1.5", "-", "*", "**", "//", "%", "==", "<", "if ", "else",
    "return ", "for i in range(3):\n", "while ", "x", "a[0]", "a[-1]", "1j", "None", "True", "not ", " and ", " or ",
    "np.zeros(3)", "math.sqrt(", "def g(y):\n", "    ", "\n    pass\n", "break", "continue", "0x", "1e", "\"", "'",
    "\\\n", ";", "=", "+=", "lambda", "(1, 2)", "x.shape", "len(", "int(", "float(", "abs(", "9999999999999999999",
};

static size_t mutate(const char *src, size_t n, char *out, size_t cap) {
    memcpy(out, src, n);
    size_t len = n;
    int rounds = 1 + (int)(rnd() % 4);
    for (int r = 0; r < rounds && len > 0; r++) {
        size_t at = rnd() % len;
        switch (rnd() % 5) {
        case 0: { size_t k = 1 + rnd() % 8; if (at + k > len) k = len - at; memmove(out + at, out + at + k, len - at - k); len -= k; break; }
        case 1: { const char *s = snippets[rnd() % (sizeof snippets / sizeof *snippets)]; size_t k = strlen(s);
                  if (len + k < cap) { memmove(out + at + k, out + at, len - at); memcpy(out + at, s, k); len += k; } break; }
        case 2: out[at] = (char)(rnd() % 128); break;
        case 3: { size_t from = rnd() % len, k = 1 + rnd() % 40; if (from + k > len) k = len - from;
                  if (len + k < cap) { memmove(out + at + k, out + at, len - at); memmove(out + at, out + (from < at ? from : from + k), k); len += k; } break; }
        default: { /* delete a whole line */
            size_t s = at, e = at;
            while (s > 0 && out[s - 1] != '\n') s--;
            while (e < len && out[e] != '\n') e++;
            if (e < len) e++;
            memmove(out + s, out + e, len - e); len -= e - s; break; }
        }
    }
    return len;
}

int main(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: mutate SEED COUNT FILES...\n"); return 2; }
    rng = strtoull(argv[1], NULL, 10) * 2654435761u + 1;
    long count = atol(argv[2]);
    int nfiles = argc - 3;
    static char buf[1 << 20];
    double darr[6] = {1, 2, 3, 4, 5, 6};
    kiln_array a1 = {darr, KILN_FLOAT64, 1, {6}, {8}}, a2 = {darr, KILN_FLOAT64, 2, {2, 3}, {24, 8}};
    int64_t iarr[4] = {3, -1, 0, 7};
    kiln_array ai = {iarr, KILN_INT64, 1, {4}, {8}};
    kiln_value items[2] = {kiln_int(2), kiln_float(0.5)};
    kiln_value tup = {0};
    tup.kind = KILN_TUPLE; tup.n = 2; tup.v.items = items;
    kiln_value pool[] = {kiln_int(3), kiln_float(-1.5), kiln_int(0), kiln_complex(1, -1), kiln_bool(1), kiln_arr(&a1),
                         kiln_arr(&a2), kiln_arr(&ai), tup, kiln_none(), kiln_int(-2)};
    long loaded = 0, calls = 0, timeouts = 0, failed = 0;
    for (long it = 0; it < count; it++) {
        size_t n;
        char *src = slurp(argv[3 + rnd() % (size_t)nfiles], &n);
        if (!src) continue;
        size_t len = mutate(src, n, buf, sizeof buf);
        free(src);
        fflush(stdout);
        pid_t pid = fork();
        if (pid < 0) { perror("fork"); return 2; }
        if (pid > 0) {
            int st;
            waitpid(pid, &st, 0);
            if (WIFSIGNALED(st) && WTERMSIG(st) == SIGALRM) { timeouts++; continue; }
            if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
                failed++;
                char path[64];
                snprintf(path, sizeof path, "/tmp/kiln-mutant-%ld.py", it);
                FILE *o = fopen(path, "wb");
                if (o) { fwrite(buf, 1, len, o); fclose(o); }
                printf("FAIL mutant %ld crashed (status %d); saved as %s\n", it, st, path);
            }
            continue;
        }
        alarm(1);
        kiln_options o;
        kiln_options_init(&o);
        o.max_recursion = 200;
        kiln_ctx *ctx = kiln_ctx_new(&o);
        kiln_error err;
        kiln_module *m = kiln_load_source(ctx, "mutant.py", buf, len, &err);
        if (m) {
            loaded++;
            for (int fi = 0; fi < 64; fi++) {
                /* functions are found by name: scan the source for "def NAME(" */
                char name[64];
                const char *p = buf;
                int seen = 0;
                name[0] = 0;
                while ((p = strstr(p, "def ")) != NULL) {
                    const char *q = p + 4;
                    size_t k = 0;
                    while (k < 63 && q[k] && q[k] != '(' && q[k] != ' ' && q[k] != '\n') { name[k] = q[k]; k++; }
                    name[k] = 0;
                    if (seen++ == fi) break;
                    p = q;
                }
                if (!p) break;
                kiln_func *f = kiln_lookup(m, name);
                if (!f) continue;
                int np = kiln_func_nparams(f);
                for (int trial = 0; trial < 3 && np <= 8; trial++) {
                    kiln_value args[8], res;
                    for (int k = 0; k < np; k++) args[k] = pool[rnd() % (sizeof pool / sizeof *pool)];
                    /* small iteration counts: ints stay small */
                    if (kiln_call(f, args, np, &res, &err) == 0) kiln_value_free(&res);
                    calls++;
                    darr[0] = 1; iarr[0] = 3;
                }
            }
        }
        kiln_ctx_free(ctx);
        _exit(0);
    }
    printf("mutants: %ld (%ld ran past the time limit)\n", count, timeouts);
    printf("%ld passed, %ld failed\n", count - failed, failed);
    return failed ? 1 : 0;
}
