/*
 * par.c — running a prange loop: its outlined body (a CALL marked INS_PAR,
 * lower/par.c) over the loop's iterations, serially or on the context's
 * threads, with a result that does not depend on which.
 *
 * A loop without reductions writes disjoint elements, so any split gives the
 * same result: the caller's tier runs it as one call over all iterations, or
 * the pool runs one task per thread (light bodies) or four (heavy ones, whose iterations may cost
 * unevenly). A loop with reductions is cut into
 * chunks by its trip count alone (par_chunks: at most PAR_MAX_CHUNKS chunks,
 * none shorter than PAR_MIN_CHUNK iterations unless the loop is); each chunk
 * starts from the operators' identities and runs its iterations in order, and
 * the partial results are combined left to right, starting from the values
 * the variables had before the loop: ((init op p0) op p1) op ... — with
 * rt/eval.c's operations, so every tier combines alike. One thread or 128, the
 * interpreter or tier 2: the same chunks, the same order, the same bits.
 *
 * Threads are used only when the body's code is tier-2 code (tier 0 and tier
 * 1 code keep counters and tier-up state that one thread at a time may touch;
 * they run the chunks serially in the same order). Each task gets a Run of its
 * own (its own buffers, depth and stack floor); the lists, dicts, sets and
 * strings a task made are handed to the caller's Run when it ends (an item of
 * the caller's list may be one of them: they live until the call returns, as
 * the caller's own do), and tasks share the caller's one-character strings;
 * an error stops the task, and
 * after every task has finished the error of the lowest task — the lowest
 * failing iteration, the one a serial run raises — is the one raised.
 */
#include "frame.h"
#include "../rt/eval.h"
#include "../rt/lib.h"
#include "../rt/pool.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum { PAR_MAX_CHUNKS = 1024, PAR_MIN_CHUNK = 64, PAR_TASKS_PER_THREAD = 4 };

int64_t fr_par_chunks(int64_t trip) {
    if (trip <= 0) return 0;
    int64_t n = (trip + PAR_MIN_CHUNK - 1) / PAR_MIN_CHUNK;
    return n < PAR_MAX_CHUNKS ? n : PAR_MAX_CHUNKS;
}

/* the first iteration of chunk c of n over trip iterations: the first trip % n chunks are one longer */
static int64_t chunk_lo(int64_t c, int64_t n, int64_t trip) {
    int64_t q = trip / n, r = trip % n;
    return c * q + (c < r ? c : r);
}

/* one call of the body over iterations [lo, hi), its result (the partials) into ret */
static int call_body(const Extra *x, Slot *s, int64_t lo, int64_t hi, Slot *ret, Run *run, int line, const char *file) {
    int64_t lead[2] = {lo, hi};
    return fr_invoke(run, s, ret, x, lead, 2, line, file);
}

/* ---- the reductions: identities are the body's business, the combine is here ---- */

typedef struct Reds {
    int n;
    const Type *ty[RED_MAX_COUNT];
    int op[RED_MAX_COUNT];
    int off[RED_MAX_COUNT];  /* slot offset of each partial in the body's result */
    int slots;               /* slots of one chunk's result */
} Reds;

static void reds_of(const Extra *x, int64_t packed, Reds *R) {
    const Type *ret = x->callee->ret;
    memset(R, 0, sizeof *R);
    if (!ret || ret->kind == T_NONE) return;
    R->n = ret->kind == T_TUPLE ? ret->n : 1;
    for (int k = 0; k < R->n; k++) {
        R->ty[k] = ret->kind == T_TUPLE ? ret->elems[k] : ret;
        R->op[k] = ir_red_op(packed, k);
        R->off[k] = R->slots;
        R->slots += slots_of(R->ty[k]);
    }
}

/* acc = acc op v, with the IR op's own semantics (rt/eval.c); min and max as Python's: the left one unless
 * the right one is smaller (larger) */
static void combine(const Type *t, int op, Slot *acc, Slot *v) {
    static const int ir_op[] = {[RED_ADD] = OP_ADD, [RED_MUL] = OP_MUL, [RED_AND] = OP_AND, [RED_OR] = OP_OR, [RED_XOR] = OP_XOR};
    Slot *ops[2] = {acc, v}, out[2];
    if (op == RED_MIN || op == RED_MAX) {
        Slot less;
        Slot *cmp[2] = {v, acc};
        ev_op(op == RED_MIN ? OP_LT : OP_GT, 0, 0, NULL, t, cmp, 2, &less);
        if (less.i) memcpy(acc, v, sizeof(Slot) * (size_t)slots_of(t));
        return;
    }
    ev_op(ir_op[op], 0, 0, t, t, ops, 2, out);
    memcpy(acc, out, sizeof(Slot) * (size_t)slots_of(t));
}

/* ---- running tasks ---- */

typedef struct Job {
    const Extra *x;
    Slot *s;                 /* the caller's frame: the operands */
    int64_t trip, nch;       /* nch: chunks (reductions), or 0 */
    int64_t u0, u1;          /* the units (chunks, or iterations) the tasks share */
    int64_t ntasks;
    Slot *parts;             /* nch results of R.slots slots */
    Reds R;
    Run *parent;
    int line;
    const char *file;
    pthread_mutex_t mu;      /* guards the error below */
    int64_t err_task;        /* the lowest task that failed, or -1 */
    Run err;
    _Atomic int64_t failed;  /* the same, read without the lock: tasks after it need not run */
} Job;

/* the units of work of task t: [*a, *b) — chunks with reductions, iterations without */
static void task_range(const Job *J, int64_t t, int64_t *a, int64_t *b) {
    *a = J->u0 + chunk_lo(t, J->ntasks, J->u1 - J->u0);
    *b = J->u0 + chunk_lo(t + 1, J->ntasks, J->u1 - J->u0);
}

/* the units [a, b) on run r: 0, or -1 with r's error raised */
static int run_units(Job *J, int64_t a, int64_t b, Run *r) {
    if (!J->nch) {
        Slot none[1];
        return call_body(J->x, J->s, a, b, none, r, J->line, J->file);
    }
    for (int64_t c = a; c < b; c++) {
        int64_t lo = chunk_lo(c, J->nch, J->trip), hi = chunk_lo(c + 1, J->nch, J->trip);
        if (call_body(J->x, J->s, lo, hi, &J->parts[c * J->R.slots], r, J->line, J->file)) return -1;
    }
    return 0;
}

static void task(void *arg, int64_t t, int w) {
    (void)w;
    Job *J = arg;
    if (t > atomic_load_explicit(&J->failed, memory_order_relaxed)) return; /* a lower task failed: its error wins */
    Run r;
    run_init(&r, J->parent->tune, J->parent->intr, base_stack_floor());
    r.epoch = J->parent->epoch;
    r.depth = J->parent->depth;
    r.pool = NULL; /* a parallel loop inside this one runs serially */
    r.ascii = J->parent->ascii; /* made before the tasks began (rt_str_share): read-only, shared */
    int64_t a, b;
    task_range(J, t, &a, &b);
    if (run_units(J, a, b, &r)) {
        pthread_mutex_lock(&J->mu);
        if (J->err_task < 0 || t < J->err_task) {
            J->err_task = t;
            J->err.code = r.code; J->err.line = r.line; J->err.file = r.file; J->err.ename = r.ename;
            memcpy(J->err.msg, r.msg, sizeof r.msg);
            atomic_store_explicit(&J->failed, t, memory_order_relaxed);
        }
        pthread_mutex_unlock(&J->mu);
    }
    pthread_mutex_lock(&J->mu);
    bool kept = run_adopt(J->parent, &r);
    if (!kept && (J->err_task < 0 || t < J->err_task)) { /* out of memory: this task's objects cannot outlive it */
        J->err_task = t;
        J->err.code = RE_NOMEM; J->err.line = J->line; J->err.file = J->file; J->err.ename = "MemoryError";
        snprintf(J->err.msg, sizeof J->err.msg, "out of memory keeping a parallel loop's lists and strings");
        atomic_store_explicit(&J->failed, t, memory_order_relaxed);
    }
    pthread_mutex_unlock(&J->mu);
    r.ascii = NULL; /* the caller's */
    run_release(&r);
}

static const char WAIT_TIER2[] = "the body is not tier-2 code yet";

/* a body is light when its IR has one loop (the chunk's own) and calls nothing: then only a long loop pays
 * for waking threads. Its IR decides, the same every time: worked out once per code object. */
static bool heavy(const Unit *u) {
    Code *c = u->code;
    int w = atomic_load_explicit(&c->par_weight, memory_order_relaxed);
    if (w) return w == 2;
    Func *f = u->ir;
    if (!f) return true;
    int loops = 0;
    bool calls = false;
    for (uint32_t b = 0; b < f->blocks.n; b++) {
        Block *bk = &f->blocks.v[b];
        if (bk->dead) continue; /* merged away: its edges are gone */
        for (int s = 0; s < 2; s++) if ((bk->term == TERM_JMP && s == 0) || bk->term == TERM_BR) loops += bk->succ[s].to <= b;
        for (uint32_t k = 0; k < bk->ins.n && !calls; k++) {
            int op = f->ins.v[bk->ins.v[k]].op;
            calls = op == OP_CALL || op == OP_LIB;
        }
    }
    w = loops > 1 || calls ? 2 : 1;
    atomic_store_explicit(&c->par_weight, (int8_t)w, memory_order_relaxed);
    return w == 2;
}

/* run the tasks on the pool: NULL, or why the loop must run serially */
static const char *parallel(Job *J, Run *run, int *nt) {
    if (!run->pool) return "inside another parallel loop, or without a context's threads";
    *nt = rt_pool_threads(run->pool, run->tune[TUNE_THREADS]);
    if (*nt < 2) return "one thread";
    if (!fr_native_tier2(J->x->callee->code)) return WAIT_TIER2;
    int64_t units = J->u1 - J->u0;
    if (units < 2) return J->nch ? "one chunk" : "one iteration";
    bool hv = heavy(J->x->callee);
    if (J->trip < run->tune[TUNE_PARALLEL_MIN] && !hv) return "a short loop with a light body (parallel_min)";
    /* a light body's iterations cost alike: one task a thread, no contended counter; a heavy one's may not
     * (mandelbrot's rows): four a thread, claimed as threads come free */
    J->ntasks = (int64_t)*nt * (hv ? PAR_TASKS_PER_THREAD : 1);
    if (J->ntasks > units) J->ntasks = units;
    if (rt_str_share(run)) return "out of memory for the shared one-character strings";
    J->err_task = -1;
    atomic_store(&J->failed, INT64_MAX);
    pthread_mutex_init(&J->mu, NULL);
    bool ran = rt_pool_run(run->pool, *nt, J->ntasks, task, J);
    pthread_mutex_destroy(&J->mu);
    return ran ? NULL : "the pool is busy (another thread's parallel loop)";
}

/* the error of the lowest failing task, raised on the caller's run */
static int raise_lowest(const Job *J, Run *run) {
    run_raise(run, J->err.code, J->err.line, J->err.file);
    run->ename = J->err.ename;
    memcpy(run->msg, J->err.msg, sizeof run->msg);
    return -1;
}

int fr_pcall(Run *run, Slot *s, int d, const Extra *x, int line, const char *file) {
    Job J;
    memset(&J, 0, sizeof J);
    J.x = x; J.s = s; J.parent = run; J.line = line; J.file = file;
    J.trip = s[x->slot[0]].i;
    reds_of(x, s[x->slot[2]].i, &J.R);
    J.nch = J.R.n ? fr_par_chunks(J.trip) : 0;
    if (J.trip <= 0) J.trip = 0;
    Slot local[64];
    size_t need = (size_t)(J.nch * J.R.slots);
    J.parts = need <= 64 ? local : malloc(sizeof(Slot) * need);
    if (!J.parts) return run_raise(run, RE_NOMEM, line, file);
    int rc = 0, nt = 1;
    J.u1 = J.nch ? J.nch : J.trip;
    const char *said = "";
    while (J.u0 < J.u1 && !rc) {
        const char *why = parallel(&J, run, &nt);
        if (run->log_par && why != said) /* once per decision: not once per sixteenth */
            run->log_par(run->log_arg, x->callee->name, J.trip, J.nch, why ? 0 : J.ntasks, nt, why);
        said = why;
        if (!why) {
            if (J.err_task >= 0) rc = raise_lowest(&J, run);
            break;
        }
        /* serially; while the body is still on its way to tier 2 (tier auto), a sixteenth at a time, so that
         * the rest runs in parallel once its tier-2 code is in (the split cannot change any result) */
        int64_t step = why == WAIT_TIER2 && J.u1 - J.u0 >= 16 ? (J.u1 + 15) / 16 : J.u1 - J.u0;
        int64_t end = J.u0 + step < J.u1 ? J.u0 + step : J.u1;
        rc = run_units(&J, J.u0, end, run);
        J.u0 = end;
    }
    if (!rc && J.R.n) {
        /* the values before the loop (the last operands), then each chunk's partials in order */
        Slot *acc = &s[d];
        int first = x->n - J.R.n;
        for (int k = 0; k < J.R.n; k++) {
            memcpy(&acc[J.R.off[k]], &s[x->slot[2 * (first + k)]], sizeof(Slot) * (size_t)slots_of(J.R.ty[k]));
            for (int64_t c = 0; c < J.nch; c++) combine(J.R.ty[k], J.R.op[k], &acc[J.R.off[k]], &J.parts[c * J.R.slots + J.R.off[k]]);
        }
    }
    if (J.parts != local) free(J.parts);
    return rc;
}
