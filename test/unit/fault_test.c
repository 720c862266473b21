/*
 * fault_test.c — fault injection: kiln's own calls to malloc, calloc,
 * realloc and strdup, to mmap and mprotect, and to read (the disk cache's
 * entry reads) are wrapped at link time (-Wl,--wrap=..., see the Makefile),
 * and the Nth of a kind fails (NULL, MAP_FAILED, -1 with ENOMEM) or, for
 * reads, returns its bytes with one bit flipped. For every N up to the
 * number of such calls a workload makes, the workload runs again: load a
 * module, call kernels with arrays, recursion, complex values, tuples and an
 * exception, on the interpreter, the baseline tier and tier 2 (from a disk
 * cache filled by a clean run first, so LLVM is not needed). Each call must
 * return what the clean run returned, or fail with an error that has a
 * message; never crash, and (in the ASan build, at exit) never leak.
 * The LLVM tier's own allocations are not wrapped (it is another object).
 */
#include "check.h"
#include "../../include/kiln.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef KILN_HAVE_LLVM
#define KILN_HAVE_LLVM 0
#endif

enum { F_ALLOC, F_MAP, F_READ, F_NONE };
static int fault_kind = F_NONE;
static long fault_at, fault_seen[3];

/* is this call of kind k the one to fail? */
static int hit(int k) {
    if (fault_kind == F_NONE) return 0;
    long n = __atomic_add_fetch(&fault_seen[k], 1, __ATOMIC_RELAXED);
    return k == fault_kind && n == fault_at;
}

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
void *__real_mmap(void *a, size_t n, int prot, int flags, int fd, off_t off);
int __real_mprotect(void *a, size_t n, int prot);
ssize_t __real_read(int fd, void *buf, size_t n);

void *__wrap_malloc(size_t n) { if (hit(F_ALLOC)) { errno = ENOMEM; return NULL; } return __real_malloc(n); }
void *__wrap_calloc(size_t n, size_t m) { if (hit(F_ALLOC)) { errno = ENOMEM; return NULL; } return __real_calloc(n, m); }
void *__wrap_realloc(void *p, size_t n) { if (hit(F_ALLOC)) { errno = ENOMEM; return NULL; } return __real_realloc(p, n); }
char *__wrap_strdup(const char *s) { if (hit(F_ALLOC)) { errno = ENOMEM; return NULL; } return __real_strdup(s); }
void *__wrap_mmap(void *a, size_t n, int prot, int flags, int fd, off_t off) {
    if (hit(F_MAP)) { errno = ENOMEM; return MAP_FAILED; }
    return __real_mmap(a, n, prot, flags, fd, off);
}
int __wrap_mprotect(void *a, size_t n, int prot) {
    if (hit(F_MAP)) { errno = ENOMEM; return -1; }
    return __real_mprotect(a, n, prot);
}
ssize_t __wrap_read(int fd, void *buf, size_t n) {
    ssize_t r = __real_read(fd, buf, n);
    if (hit(F_READ) && r > 0) ((unsigned char *)buf)[r / 2] ^= 0x10;
    return r;
}

static const char *SRC =
    "import math\n"
    "import numpy as np\n"
    "def fib(n):\n"
    "    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
    "def work(n, x):\n"
    "    a = np.zeros(n)\n"
    "    s = 0.0\n"
    "    for i in range(n):\n"
    "        a[i] = math.sin(i * x) + fib(i % 5)\n"
    "        s += a[i]\n"
    "    return (s, a, complex(s, 1.0) * 2, fib(n))\n"
    "def pick(a, i):\n"
    "    return a[i]\n"
    "def typo(n):\n"
    "    return n + undefined_name\n"
    "def grid(n, m):\n"
    "    g = np.zeros((n, m), dtype=np.int32)\n"
    "    i = 0\n"
    "    while i < n:\n"
    "        for j in range(m):\n"
    "            g[i, j] = (i * m + j) % 7\n"
    "        i += 1\n"
    "    return g, g.T\n"
    /* the runtime's array routines: grouped sums (a buffer), var (two temporaries), a sort, a product of
     * a strided view (packed for BLAS), a mask, nonzero */
    "def arrays(n):\n"
    "    a = np.zeros((n, n))\n"
    "    for i in range(n):\n"
    "        for j in range(n):\n"
    "            a[i, j] = math.sin(i * 0.5 + j)\n"
    "    m = a[:, ::2] @ a[::2, :]\n"
    "    s = np.sort(a[1:, 1:], axis=None)\n"
    "    return (a[1:, 1:].sum(), a.var(axis=0)[3], s[5], m[2, 3], np.nonzero(a > 0.9)[1].sum(), a[a < -0.9].shape)\n";

enum { NCALLS = 7, NTIERS = 4 };
/* auto runs with every budget at 1 and tier 2 compiled by the caller: tier-up at entry, OSR at the first loop */
static const kiln_tier tiers[NTIERS] = {KILN_TIER_INTERP, KILN_TIER_BASELINE, KILN_TIER_OPT, KILN_TIER_AUTO};
static char want[NTIERS][NCALLS][1024];
static char cache_dir[64];
static const int have_opt = KILN_HAVE_LLVM; /* LLVM=0 builds test two tiers */

/* one call's outcome as text: the value's repr or the error */
static void outcome(int rc, const kiln_value *res, const kiln_error *err, char *buf, size_t cap) {
    if (rc == 0) kiln_value_repr(res, buf, cap);
    else {
        char e[900];
        kiln_error_format(err, e, sizeof e);
        snprintf(buf, cap, "raised %s", e);
    }
}

/* the workload on one tier; got[k] is each call's outcome, or the load's error */
static void workload(int t, char got[NCALLS][1024]) {
    for (int k = 0; k < NCALLS; k++) strcpy(got[k], "not run");
    kiln_options o;
    kiln_options_init(&o);
    o.tier = tiers[t];
    o.disk_cache = tiers[t] == KILN_TIER_OPT || tiers[t] == KILN_TIER_AUTO;
    o.cache_dir = cache_dir;
    o.log = 0;
    kiln_ctx *ctx = kiln_ctx_new(&o);
    if (!ctx) { strcpy(got[0], "raised no context"); return; }
    kiln_error err;
    if (tiers[t] == KILN_TIER_AUTO) {
        const char *one[] = {"tier2_calls", "tier2_loops", "osr_poll"};
        for (int k = 0; k < 3; k++) kiln_set_tunable(ctx, one[k], 1);
        kiln_set_tunable(ctx, "tier2_background", 0);
        kiln_set_tunable(ctx, "tier2_delay_us", 0);
    }
    kiln_module *m = kiln_load_source(ctx, "fault.py", SRC, strlen(SRC), &err);
    if (!m) { outcome(-1, NULL, &err, got[0], 1024); kiln_ctx_free(ctx); return; }
    double data[5] = {1, 2, 3, 4, 5};
    kiln_array arr = {data, KILN_FLOAT64, 1, {5}, {8}};
    kiln_value args[NCALLS][2] = {{kiln_int(9), kiln_float(0.25)}, {kiln_arr(&arr), kiln_int(-2)}, {kiln_arr(&arr), kiln_int(7)},
                                  {kiln_int(1)}, {kiln_int(3), kiln_int(4)}, {kiln_int(4), kiln_int(1)}, {kiln_int(41)}};
    const char *names[NCALLS] = {"work", "pick", "pick", "typo", "grid", "work", "arrays"};
    for (int k = 0; k < NCALLS; k++) {
        kiln_func *f = kiln_lookup(m, names[k]);
        kiln_value res;
        int rc = kiln_call(f, args[k], kiln_func_nparams(f), &res, &err);
        outcome(rc, &res, &err, got[k], 1024);
        if (rc == 0) kiln_value_free(&res);
    }
    kiln_ctx_free(ctx);
}

/* run every tier with the Nth call of `kind` failing; returns whether the fault was reached */
static long failed_calls; /* outcomes that became errors: the faults do reach kiln */
static int sweep_one(int kind, long n, long *bad) {
    int reached = 0;
    for (int t = 0; t < NTIERS; t++) {
        if (tiers[t] == KILN_TIER_OPT && !have_opt) continue;
        char got[NCALLS][1024];
        fault_seen[kind] = 0;
        fault_at = n;
        fault_kind = kind;
        workload(t, got);
        fault_kind = F_NONE;
        int hit_here = fault_seen[kind] >= n;
        reached |= hit_here;
        for (int k = 0; k < NCALLS; k++) {
            /* past the fault, a call may instead fail with a message (or not run: the load failed) */
            int error = !strncmp(got[k], "raised ", 7) && strlen(got[k]) > 12;
            int skipped = !strcmp(got[k], "not run") && !strncmp(got[0], "raised ", 7);
            if (strcmp(got[k], want[t][k])) failed_calls++;
            if (!strcmp(got[k], want[t][k]) || (hit_here && (error || skipped))) continue;
            if (++*bad <= 10) printf("FAIL %s call %ld failed, tier %d, kernel call %d: got '%s', want '%s'\n",
                                     kind == F_ALLOC ? "allocation" : kind == F_MAP ? "mmap" : "read", n, t, k, got[k], want[t][k]);
        }
    }
    return reached;
}

int main(int argc, char **argv) {
    check_llvm_next_to(argc > 0 ? argv[0] : NULL);
    setenv("KILN_CACHE", "1", 1); /* make test turns the cache off for everything else; this test owns its directory */
    snprintf(cache_dir, sizeof cache_dir, "/tmp/kiln-fault-%d", (int)getpid());
    /* the clean run: the answers, and a disk cache holding tier 2's code */
    for (int t = 0; t < NTIERS; t++) workload(t, want[t]);
    for (int t = 0; t < NTIERS; t++) {
        if (tiers[t] == KILN_TIER_OPT && !have_opt) continue;
        for (int k = 0; k < NCALLS; k++) CHECK_STR(want[t][k], want[0][k]);
    }
    CHECK(strstr(want[0][2], "IndexError") != NULL);
    CHECK(strstr(want[0][3], "undefined_name") != NULL);
    const char *kinds[3] = {"allocation", "mmap/mprotect", "cache read"};
    for (int kind = 0; kind < 3; kind++) {
        long bad = 0, n = 1;
        failed_calls = 0;
        while (sweep_one(kind, n, &bad)) n++;
        printf("%s: failed each of %ld calls in turn: %ld kernel calls raised, %ld wrong outcomes\n", kinds[kind], n - 1,
               failed_calls, bad);
        CHECK(kind != F_ALLOC || failed_calls > 0); /* a failed mmap or read costs native code, not the answer */
        CHECK(bad == 0);
        CHECK(kind == F_READ && !have_opt ? 1 : n > 1); /* the workload does make such calls */
    }
    /* the cache survives: a corrupted read costs a recompile, never a wrong answer */
    char again[NCALLS][1024];
    if (have_opt) {
        workload(2, again);
        for (int k = 0; k < NCALLS; k++) CHECK_STR(again[k], want[2][k]);
    }
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", cache_dir);
    CHECK(system(cmd) == 0);
    return DONE();
}
