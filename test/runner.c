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
 * failure and ends with "N passed, N failed". Files run -j N at a time (default: the CPUs online, at most
 * 8; KILN_RUNNER_JOBS), the output in the files' order whatever the order they finish in.
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

static const char *kiln_path, *tier_name;
static bool errmode;

static void run_file(const char *file) {
    if (errmode) run_err(kiln_path, file);
    else run_cases(kiln_path, tier_name, file);
}

/* a file's report from its child: its output, then a last line "\1counts P F" */
static void report(const char *file, const char *tmp) {
    char *text = slurp(tmp);
    unlink(tmp);
    char *mark = text ? strstr(text, "\1counts ") : NULL;
    int p = 0, f = 0;
    if (!mark || sscanf(mark + 8, "%d %d", &p, &f) != 2) {
        if (text) fputs(text, stdout);
        fail(file, 0, "the runner's child for this file ended without its counts", "", "");
    } else {
        *mark = 0;
        fputs(text, stdout);
        passed += p; failed += f;
    }
    free(text);
}

/* the files, at most `jobs` at once, each in a child of its own (the cases are independent processes; a 2-core
 * CI machine ran them one at a time). Each child writes its report to a file of its own and the parent prints
 * the reports in the files' order as they complete, so the output is what one at a time prints. */
static void run_files(char **files, int n, int jobs) {
    if (jobs <= 1 || n <= 1) { for (int i = 0; i < n; i++) run_file(files[i]); return; }
    pid_t *pid = calloc((size_t)n, sizeof *pid);
    char (*tmp)[40] = calloc((size_t)n, sizeof *tmp);
    bool *done = calloc((size_t)n, sizeof *done);
    if (!pid || !tmp || !done) { fprintf(stderr, "runner: out of memory\n"); exit(2); }
    int next = 0, shown = 0, running = 0;
    while (shown < n) {
        while (running < jobs && next < n) {
            snprintf(tmp[next], sizeof tmp[next], "/tmp/kiln-runner-file-XXXXXX");
            int fd = mkstemp(tmp[next]);
            if (fd < 0) { perror("runner: mkstemp"); exit(2); }
            fflush(stdout);
            pid_t c = fork();
            if (c < 0) { perror("runner: fork"); exit(2); }
            if (c == 0) {
                dup2(fd, 1);
                close(fd);
                passed = failed = 0;
                run_file(files[next]);
                printf("\1counts %d %d\n", passed, failed);
                fflush(stdout);
                _exit(0);
            }
            close(fd);
            pid[next++] = c;
            running++;
        }
        int st;
        pid_t c = waitpid(-1, &st, 0);
        if (c < 0) { if (errno == EINTR) continue; perror("runner: waitpid"); exit(2); }
        for (int i = 0; i < next; i++) if (pid[i] == c) { done[i] = true; running--; }
        while (shown < n && done[shown]) { report(files[shown], tmp[shown]); shown++; }
    }
    free(pid); free(tmp); free(done);
}

/* -j N, else KILN_RUNNER_JOBS, else the CPUs online (at most 8) */
static int jobs_default(void) {
    const char *e = getenv("KILN_RUNNER_JOBS");
    if (e && *e) return atoi(e) > 0 ? atoi(e) : 1;
    long c = sysconf(_SC_NPROCESSORS_ONLN);
    return c < 1 ? 1 : c > 8 ? 8 : (int)c;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: runner KILN [-j N] [--tier T] [--flag OPT]... FILES... | runner KILN [-j N] --err FILES...\n"); return 2; }
    kiln_path = argv[1];
    int i = 2, jobs = jobs_default();
    if (i + 1 < argc && !strcmp(argv[i], "-j")) { jobs = atoi(argv[i + 1]) > 0 ? atoi(argv[i + 1]) : 1; i += 2; }
    if (i < argc && !strcmp(argv[i], "--tier") && i + 1 < argc) { tier_name = argv[i + 1]; i += 2; }
    else if (i < argc && !strcmp(argv[i], "--err")) { errmode = true; i++; }
    while (i + 1 < argc && !strcmp(argv[i], "--flag") && nflags < 8) { flags[nflags++] = argv[i + 1]; i += 2; }
    run_files(argv + i, argc - i, jobs);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
