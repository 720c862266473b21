/*
 * runner.c — runs the kernel test cases through the kiln CLI.
 *
 *   runner KILN [--tier T] test/run/CASES.py    cases: "# run: f(args)" followed by
 *        "# expect: OUTPUT" or "# expect-error: line N: Ename: message" (a case after a line
 *        "# cpu: fma (why)" is skipped on a CPU without FMA)
 *   runner KILN [--tier T] --flag OPT ...         each case with `kiln run OPT` too (repeatable): every
 *        test/run kernel also runs with --static '*' and with --static-shapes (make test)
 *   runner KILN --err test/err/CASES.py          diagnostics: the file runs the call on
 *        its "# run:" line and stderr must equal FILE.err (FILE is replaced by the path)
 *
 * Each case runs as its own process with a time limit. Prints one line per
 * failure and ends with "N passed, N failed".
 */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int passed, failed;
static const char *flags[8]; /* --flag: extra options for every kiln run */
static int nflags;

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (!b || fread(b, 1, (size_t)n, f) != (size_t)n) { fclose(f); free(b); return NULL; }
    b[n] = 0;
    fclose(f);
    return b;
}

static char *read_fd(int fd) {
    size_t cap = 4096, len = 0;
    char *b = malloc(cap);
    for (;;) {
        if (len + 1 >= cap) { cap *= 2; b = realloc(b, cap); }
        ssize_t k = read(fd, b + len, cap - len - 1);
        if (k <= 0) break;
        len += (size_t)k;
    }
    b[len] = 0;
    return b;
}

/* run argv; capture stdout and stderr (through temp files to avoid pipe deadlock) */
static int run(char **argv, char **out, char **err) {
    char o[] = "/tmp/kiln-runner-out-XXXXXX", e[] = "/tmp/kiln-runner-err-XXXXXX";
    int fo = mkstemp(o), fe = mkstemp(e);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fo, 1); dup2(fe, 2);
        alarm(60);
        execv(argv[0], argv);
        _exit(127);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    lseek(fo, 0, SEEK_SET); lseek(fe, 0, SEEK_SET);
    *out = read_fd(fo); *err = read_fd(fe);
    close(fo); close(fe); unlink(o); unlink(e);
    if (WIFSIGNALED(st)) return 128 + WTERMSIG(st);
    return WEXITSTATUS(st);
}

static void rstrip(char *s) {
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\r')) s[--n] = 0;
}

/* split "f(a, (b, c), [d])" into func and top-level arguments */
static int split_call(char *call, char **func, char **args, int cap) {
    char *p = strchr(call, '(');
    if (!p) return -1;
    *p = 0;
    *func = call;
    char *end = strrchr(p + 1, ')');
    if (!end) return -1;
    *end = 0;
    int n = 0, depth = 0;
    char *start = p + 1;
    char quote = 0;
    for (char *q = p + 1;; q++) {
        if (quote) { if (*q == '\\' && q[1]) { q++; continue; } if (*q == quote) quote = 0; if (*q) continue; }
        if (*q == '\'' || *q == '"') { quote = *q; continue; }
        if (*q == '(' || *q == '[') depth++;
        else if (*q == ')' || *q == ']') depth--;
        if ((*q == ',' && depth == 0) || !*q) {
            char *a = start;
            while (*a == ' ') a++;
            char *z = q;
            while (z > a && z[-1] == ' ') z--;
            bool last = !*q;
            *z = 0;
            if (*a && n < cap) args[n++] = a;
            if (last) break;
            start = q + 1;
        }
    }
    return n;
}

static void fail(const char *file, int line, const char *what, const char *want, const char *got) {
    failed++;
    printf("FAIL %s:%d: %s\n  want: %s\n  got:  %s\n", file, line, what, want, got);
}

static void run_cases(const char *kiln, const char *tier, const char *file) {
    char *src = slurp(file);
    if (!src) { fail(file, 0, "cannot read", "", ""); return; }
    char *save = NULL;
    char *call = NULL;
    int lineno = 0, call_line = 0;
    bool need_fma = false; /* "# cpu: fma (why)": the expected bits are an FMA machine's (NumPy's SIMD loops) */
    for (char *line = strtok_r(src, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        lineno++;
        (void)lineno;
        if (!strncmp(line, "# cpu: fma", 10)) { need_fma = true; continue; }
        if (!strncmp(line, "# run: ", 7)) { call = line + 7; call_line = lineno; continue; }
        bool err = !strncmp(line, "# expect-error: ", 16);
        if (strncmp(line, "# expect: ", 10) && !err) continue;
        if (need_fma && !__builtin_cpu_supports("fma")) { need_fma = false; continue; }
        need_fma = false;
        const char *want = line + (err ? 16 : 10);
        if (!call) { fail(file, lineno, "expect without run", "", ""); continue; }
        char buf[4096];
        snprintf(buf, sizeof buf, "%s", call);
        char *func, *args[64];
        int na = split_call(buf, &func, args, 64);
        if (na < 0) { fail(file, call_line, "bad run line", "", call); continue; }
        char *argv[80];
        int k = 0;
        argv[k++] = (char *)kiln; argv[k++] = "run";
        if (tier) { argv[k++] = "--tier"; argv[k++] = (char *)tier; }
        for (int f = 0; f < nflags; f++) argv[k++] = (char *)flags[f];
        argv[k++] = (char *)file; argv[k++] = func;
        for (int i = 0; i < na; i++) argv[k++] = args[i];
        argv[k] = NULL;
        char *out, *errs;
        int rc = run(argv, &out, &errs);
        rstrip(out); rstrip(errs);
        if (err) {
            /* "line N: Ename: msg" -> "FILE:N: Ename: msg" */
            int ln = 0;
            const char *rest = want;
            if (sscanf(want, "line %d: ", &ln) == 1) rest = strchr(want, ':') + 2;
            char full[4096];
            snprintf(full, sizeof full, "%s:%d: %s", file, ln, rest);
            if (rc != 1 || strcmp(errs, full) != 0 || out[0]) fail(file, call_line, call, full, errs[0] ? errs : out);
            else passed++;
        } else {
            if (rc != 0 || strcmp(out, want) != 0) {
                char got[4096];
                snprintf(got, sizeof got, "%s%s[exit %d] %s", out, out[0] ? " " : "", rc, errs);
                fail(file, call_line, call, want, got);
            } else passed++;
        }
        free(out); free(errs);
    }
    free(src);
}

static void run_err(const char *kiln, const char *file) {
    char *src = slurp(file);
    char errpath[4096];
    snprintf(errpath, sizeof errpath, "%.*s.err", (int)(strlen(file) - 3), file);
    char *want = slurp(errpath);
    if (!src || !want) { fail(file, 0, "missing .py or .err", errpath, ""); free(src); free(want); return; }
    char *call = strstr(src, "# run: ");
    char buf[4096];
    if (call) {
        call += 7;
        size_t n = strcspn(call, "\n");
        snprintf(buf, sizeof buf, "%.*s", (int)n, call);
    } else snprintf(buf, sizeof buf, "f()");
    char *func, *args[64];
    int na = split_call(buf, &func, args, 64);
    char *argv[80];
    int k = 0;
    argv[k++] = (char *)kiln; argv[k++] = "run"; argv[k++] = (char *)file; argv[k++] = func;
    for (int i = 0; i < na; i++) argv[k++] = args[i];
    argv[k] = NULL;
    char *out, *errs;
    int rc = run(argv, &out, &errs);
    rstrip(errs); rstrip(want);
    /* the .err file names the kernel as FILE */
    char expect[8192];
    size_t w = 0;
    for (const char *p = want; *p && w < sizeof expect - 512; ) {
        if (!strncmp(p, "FILE", 4)) { w += (size_t)snprintf(expect + w, sizeof expect - w, "%s", file); p += 4; }
        else expect[w++] = *p++;
    }
    expect[w] = 0;
    if (rc != 1 || strcmp(errs, expect) != 0) {
        char got[8192];
        snprintf(got, sizeof got, "[exit %d] %s", rc, errs);
        fail(file, 0, "diagnostic", expect, got);
    } else passed++;
    free(out); free(errs); free(src); free(want);
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: runner KILN [--tier T] [--flag OPT]... FILES... | runner KILN --err FILES...\n"); return 2; }
    const char *kiln = argv[1], *tier = NULL;
    int i = 2;
    bool errmode = false;
    if (!strcmp(argv[i], "--tier")) { tier = argv[i + 1]; i += 2; }
    else if (!strcmp(argv[i], "--err")) { errmode = true; i++; }
    while (i + 1 < argc && !strcmp(argv[i], "--flag") && nflags < 8) { flags[nflags++] = argv[i + 1]; i += 2; }
    for (; i < argc; i++) {
        if (errmode) run_err(kiln, argv[i]);
        else run_cases(kiln, tier, argv[i]);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
