/*
 * pool.c — the worker threads a context runs parallel loops on.
 *
 * Own threads rather than OpenMP's runtime: a region here is "tasks 0..n-1,
 * handed out in order" and nothing more, the pool belongs to one context
 * (two contexts never share or block each other), and the caller must be
 * able to fall back to running serially when the pool is busy (a parallel
 * loop reached from inside another one, or from a second thread of the
 * program) — libgomp would nest or queue instead. That takes ~200 lines.
 *
 * Start-up is lazy (a context that never runs a parallel loop starts no
 * thread). A region bumps a generation word; workers spin briefly on it
 * (regions tend to come back to back) and then sleep on it with a futex, so
 * an idle pool costs nothing and a warm one starts in about a microsecond.
 * Tasks are claimed with one atomic counter (dynamic scheduling: results do
 * not depend on it, back/par.c makes sure of that); the caller works too and
 * then waits, again spin-then-futex, for the workers that took part.
 */
#include "pool.h"
#include "../base/base.h"
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { POOL_MAX = 256, SPIN = 20000, GEN_SHIFT = 9, GEN_WORKERS = (1 << GEN_SHIFT) - 1 };
_Static_assert(POOL_MAX <= GEN_WORKERS, "the workers of a region fit below GEN_SHIFT");

struct RtPool {
    pthread_mutex_t mu;          /* starting and stopping threads */
    pthread_t th[POOL_MAX];
    _Atomic int started;         /* written under mu; read without it on the way into a region */
    _Atomic int cpus;            /* rt_cpus(), found on the first region that needs it (0: not yet) */
    atomic_flag busy;            /* a region is running */
    /* bumped to start a region, and to stop (the futex word workers sleep on): the region count above
     * GEN_SHIFT bits, below them how many workers take part — one word, so that a worker that wakes late,
     * after the region it was woken for, cannot read the next region's count of workers */
    _Atomic uint32_t gen;
    _Atomic uint32_t active;     /* workers of the running region not done yet (futex word) */
    _Atomic int stop;
    _Atomic int sleepers;
    RtTask fn;
    void *arg;
    int64_t ntasks;
    _Atomic int64_t next;        /* the next task to hand out */
};

typedef struct Worker { RtPool *p; int id; } Worker;

static void futex_wait(_Atomic uint32_t *w, uint32_t v) { syscall(SYS_futex, (uint32_t *)w, FUTEX_WAIT_PRIVATE, v, NULL, NULL, 0); }
static void futex_wake(_Atomic uint32_t *w) { syscall(SYS_futex, (uint32_t *)w, FUTEX_WAKE_PRIVATE, INT32_MAX, NULL, NULL, 0); }

static inline void relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

/* one task per thread (uniform work): thread w runs task w, no shared counter; more tasks than threads
 * (uneven work): claimed in order from one counter, which balances but makes every claim a contended
 * cache-line transfer (~0.15 us each on 16 cores) */
static void take_tasks(RtPool *p, int w, int nwork) {
    if (p->ntasks == nwork + 1) { p->fn(p->arg, w, w); return; }
    for (int64_t t; (t = atomic_fetch_add_explicit(&p->next, 1, memory_order_relaxed)) < p->ntasks;) p->fn(p->arg, t, w);
}

static void *worker(void *arg) {
    Worker me = *(Worker *)arg;
    free(arg);
    RtPool *p = me.p;
    uint32_t seen = 0;
    for (;;) {
        uint32_t g;
        for (int spin = 0; (g = atomic_load_explicit(&p->gen, memory_order_acquire)) == seen; spin++) {
            if (spin < SPIN) { relax(); continue; }
            atomic_fetch_add(&p->sleepers, 1);
            if (atomic_load_explicit(&p->gen, memory_order_acquire) == seen) futex_wait(&p->gen, seen);
            atomic_fetch_sub(&p->sleepers, 1);
            spin = 0;
        }
        seen = g;
        if (atomic_load(&p->stop)) return NULL;
        int nwork = (int)(g & GEN_WORKERS);
        if (me.id > nwork) continue; /* not one of this region's */
        take_tasks(p, me.id, nwork);
        if (atomic_fetch_sub_explicit(&p->active, 1, memory_order_acq_rel) == 1) futex_wake(&p->active);
    }
}

RtPool *rt_pool_new(void) {
    RtPool *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    pthread_mutex_init(&p->mu, NULL);
    atomic_flag_clear(&p->busy);
    return p;
}

void rt_pool_free(RtPool *p) {
    if (!p) return;
    pthread_mutex_lock(&p->mu);
    atomic_store(&p->stop, 1);
    atomic_fetch_add_explicit(&p->gen, 1u << GEN_SHIFT, memory_order_release);
    futex_wake(&p->gen);
    for (int i = 0; i < p->started; i++) pthread_join(p->th[i], NULL);
    pthread_mutex_unlock(&p->mu);
    pthread_mutex_destroy(&p->mu);
    free(p);
}

int rt_pool_threads(RtPool *p, int64_t want) {
    if (want <= 0) { /* the CPUs: a syscall and two files read, so once per pool, not once per region */
        int c = atomic_load_explicit(&p->cpus, memory_order_relaxed);
        if (!c) atomic_store_explicit(&p->cpus, c = rt_cpus(), memory_order_relaxed);
        want = c;
    }
    return want > 4096 ? 4096 : (int)want;
}

/* up to n workers running (never stopped until the pool is freed); the number running */
static int grow(RtPool *p, int n) {
    if (n > POOL_MAX) n = POOL_MAX;
    if (atomic_load_explicit(&p->started, memory_order_acquire) >= n) return n; /* warm: no lock */
    pthread_mutex_lock(&p->mu);
    while (p->started < n) {
        Worker *w = malloc(sizeof *w);
        if (!w) break;
        int id = atomic_load_explicit(&p->started, memory_order_relaxed);
        w->p = p; w->id = id + 1;
        /* kernels recurse: the main thread's usual stack; started off the caller's CPU, which the first
         * parallel loop keeps busy (base/thread.c) */
        if (base_thread_start_away(&p->th[id], (size_t)8 << 20, worker, w)) { free(w); break; }
        atomic_store_explicit(&p->started, id + 1, memory_order_release);
    }
    int have = atomic_load_explicit(&p->started, memory_order_relaxed);
    pthread_mutex_unlock(&p->mu);
    return have < n ? have : n;
}

bool rt_pool_run(RtPool *p, int threads, int64_t ntasks, RtTask fn, void *arg) {
    if (!p || threads < 2 || ntasks < 1 || atomic_flag_test_and_set_explicit(&p->busy, memory_order_acquire)) return false;
    int want = threads - 1;
    if ((int64_t)want > ntasks - 1) want = (int)(ntasks - 1);
    int nwork = grow(p, want);
    if (nwork < 1) { atomic_flag_clear_explicit(&p->busy, memory_order_release); return false; }
    p->fn = fn; p->arg = arg; p->ntasks = ntasks;
    atomic_store_explicit(&p->next, 0, memory_order_relaxed);
    atomic_store_explicit(&p->active, (uint32_t)nwork, memory_order_relaxed);
    uint32_t g = atomic_load_explicit(&p->gen, memory_order_relaxed);
    atomic_store_explicit(&p->gen, (((g >> GEN_SHIFT) + 1) << GEN_SHIFT) | (uint32_t)nwork, memory_order_release);
    if (atomic_load(&p->sleepers)) futex_wake(&p->gen);
    take_tasks(p, 0, nwork);
    uint32_t a;
    for (int spin = 0; (a = atomic_load_explicit(&p->active, memory_order_acquire)) != 0; spin++) {
        if (spin < SPIN) relax();
        else futex_wait(&p->active, a);
    }
    atomic_flag_clear_explicit(&p->busy, memory_order_release);
    return true;
}

/* ceil(quota / period) of the cgroup v2 cpu.max this process is in, or 0 for none */
static int cgroup_cpus(void) {
    char path[1024] = "/sys/fs/cgroup", line[512];
    FILE *f = fopen("/proc/self/cgroup", "r");
    if (f) { /* "0::/user.slice/...": the v2 hierarchy's path */
        while (fgets(line, sizeof line, f))
            if (!strncmp(line, "0::", 3)) {
                line[strcspn(line, "\n")] = 0;
                snprintf(path, sizeof path, "/sys/fs/cgroup%s", line + 3);
            }
        fclose(f);
    }
    strncat(path, "/cpu.max", sizeof path - strlen(path) - 1);
    f = fopen(path, "r");
    if (!f) f = fopen("/sys/fs/cgroup/cpu.max", "r");
    if (!f) return 0;
    long long quota = 0, period = 0;
    char q[32] = "";
    int n = fscanf(f, "%31s %lld", q, &period);
    fclose(f);
    if (n != 2 || !strcmp(q, "max") || period <= 0) return 0;
    quota = atoll(q);
    return quota > 0 ? (int)((quota + period - 1) / period) : 0;
}

int rt_cpus(void) {
    cpu_set_t set;
    int n = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : (int)sysconf(_SC_NPROCESSORS_ONLN);
    int q = cgroup_cpus();
    if (q > 0 && q < n) n = q;
    return n > 0 ? n : 1;
}
