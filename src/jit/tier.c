/*
 * tier.c — the tier policy of tier auto: tier-1 code counts, LLVM compiles
 * in the background, the new code is swapped in, and a long tier-1 loop
 * jumps into it mid-call (on-stack replacement).
 *
 * Counting: each spec's Code carries a budget (hot). Tier-1 code subtracts
 * hot_call at entry and 1 at every loop header, a sub and a branch; at zero
 * it calls fh_hot -> the code's on_hot hook -> jit_tier_hot. Calls and iterations share the budget, as
 * V8's interrupt budget does: tier2_loops iterations, or tier2_calls calls.
 *
 * The worker: one thread per context, started by the first request, takes
 * the next job from a bounded queue (whole functions first, then loop
 * entries, hottest first), compiles it with LLVM under the LLVM lock
 * only (never the context lock, so new signatures keep compiling in the
 * foreground), and publishes with a release store: Code->native for the
 * whole function, an OsrEntry for a loop. Calls already running finish on
 * the old code; tier-1 code stays mapped until the spec is freed, so no
 * thread can ever be inside freed code (the spec outlives every call).
 *
 * OSR: every tier shares one frame layout and tier-1 code writes every value
 * through to its slot, so at a loop header the frame is the whole state. The
 * OSR entry is an LLVM function that starts at that header and reads what
 * is live there from the frame; the tier-1 call hands it its own frame and
 * result slots (and in Run.osr_at the header it is at) and returns what it
 * returns. One entry starts at every loop header of the function where that
 * costs LLVM little (ir_osr_heads), so loops one after another share it.
 */
#include "cache.h"
#include "../back/llvm/host.h"
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef KILN_HAVE_LLVM
#define KILN_HAVE_LLVM 0
#endif

void jit_tier_init(kiln_ctx *ctx) {
    Tier *t = &ctx->tier;
    pthread_mutex_init(&t->lock, NULL);
    pthread_cond_init(&t->wake, NULL);
    pthread_cond_init(&t->idle, NULL);
}

bool jit_tier_enabled(kiln_ctx *ctx, Spec *s) {
    if (!KILN_HAVE_LLVM || ctx->opt.tier != KILN_TIER_AUTO || s->interp_only || ctx->tier2_off) return false;
    return ctx->tune[TUNE_TIER2_CALLS] > 0 || ctx->tune[TUNE_TIER2_LOOPS] > 0;
}

/* the budget tier-1 code starts from, and what one call subtracts */
void jit_tier_budget(kiln_ctx *ctx, int64_t *budget, int64_t *per_call) {
    int64_t calls = ctx->tune[TUNE_TIER2_CALLS], loops = ctx->tune[TUNE_TIER2_LOOPS];
    if (!loops) { *budget = calls; *per_call = 1; return; }    /* calls only */
    *budget = loops;
    *per_call = calls ? (loops + calls - 1) / calls : 0;       /* 0: iterations only */
    if (*per_call > INT32_MAX) *per_call = INT32_MAX;
}

static void sig_text(Spec *s, char *buf, size_t cap) {
    size_t k = 0;
    buf[0] = 0;
    for (int i = 0; i < s->u.nargs && k < cap; i++) {
        char b[256];
        ty_str(s->u.args[i], b, sizeof b);
        k += (size_t)snprintf(buf + k, cap - k, "%s%s", i ? ", " : "", b);
    }
}

static int header_line(Spec *s, int32_t header) {
    return s->u.ir && header >= 0 && (uint32_t)header < s->u.ir->blocks.n ? (int)s->u.ir->blocks.v[header].line : 0;
}

static OsrEntry *osr_find(Spec *s, int32_t header) {
    int n = atomic_load_explicit(&s->nosr, memory_order_acquire);
    for (int i = 0; i < n; i++) if (s->osr[i].header == (uint32_t)header) return &s->osr[i];
    return NULL;
}

/* an entry compiled or on its way */
static bool osr_live(Spec *s) {
    int n = atomic_load_explicit(&s->nosr, memory_order_acquire);
    for (int i = 0; i < n; i++) if (atomic_load(&s->osr[i].state) != T2_FAILED) return true;
    return false;
}

/* the entry that starts at header, compiled (done) or not yet failed (!done) */
static OsrEntry *osr_at(Spec *s, int32_t header, bool done) {
    int n = atomic_load_explicit(&s->nosr, memory_order_acquire);
    for (int i = 0; i < n; i++) {
        int st = atomic_load_explicit(&s->osr[i].state, memory_order_acquire);
        if (s->osr[i].heads[header] && (done ? st == T2_DONE : st != T2_FAILED)) return &s->osr[i];
    }
    return NULL;
}

/* an entry on its way */
static bool osr_pending(Spec *s) {
    int n = atomic_load_explicit(&s->nosr, memory_order_acquire);
    for (int i = 0; i < n; i++) if (atomic_load(&s->osr[i].state) == T2_QUEUED) return true;
    return false;
}

static void *worker(void *arg);

/* under the tier lock */
static bool enqueue(kiln_ctx *ctx, Spec *s, int32_t header) {
    Tier *t = &ctx->tier;
    if (t->stop) return false;
    if (t->njobs >= ctx->tune[TUNE_TIER2_QUEUE]) return false;
    if (t->njobs == t->cap) {
        int cap = t->cap ? t->cap * 2 : 16;
        TierJob *j = realloc(t->jobs, sizeof *j * (size_t)cap);
        if (!j) return false;
        t->jobs = j; t->cap = cap;
    }
    if (!t->started) {
        if (base_thread_start_away(&t->thread, 0, worker, ctx)) return false; /* not on this caller's CPU */
        t->started = true;
    }
    t->jobs[t->njobs++] = (TierJob){s, header, clock_ns()};
    pthread_cond_signal(&t->wake);
    return true;
}

static void compile_job(kiln_ctx *ctx, TierJob j);

enum { CLAIM_NO, CLAIM_YES, CLAIM_FULL };

/* under the tier lock: claim the job (state QUEUED), and queue it unless it is
 * to be compiled by the caller (tier2_background = 0) */
static int claim(kiln_ctx *ctx, Spec *s, int32_t header, bool sync) {
    if (header < 0) {
        if (atomic_load(&s->t2) != T2_NONE) {
            if (atomic_load(&s->t2) == T2_QUEUED) s->heat++;
            return CLAIM_NO;
        }
        if (!sync && !enqueue(ctx, s, -1)) return CLAIM_FULL;
        atomic_store(&s->t2, T2_QUEUED);
        return CLAIM_YES;
    }
    /* one loop entry in the works per spec: the others' loops poll meanwhile. An entry starts at every loop header
     * of the function where that costs little (ir_osr_heads; llvm.c osr_switch), so a function's loops one after
     * another need one compile, not one each (which came after its loop had ended: a call with three loops
     * compiled three entries and entered one, or none) */
    int n = atomic_load(&s->nosr);
    if (osr_at(s, header, false) || osr_pending(s) || n == OSR_MAX) return CLAIM_NO;
    bool *heads = calloc(s->u.ir->blocks.n + 1, 1);
    if (!heads || !ir_osr_heads(s->u.ir, (uint32_t)header, heads, NULL)) { free(heads); return CLAIM_NO; }
    if (!sync && !enqueue(ctx, s, header)) { free(heads); return CLAIM_FULL; }
    s->osr[n].heads = heads;
    s->osr[n].header = (uint32_t)header;
    s->osr[n].fn = NULL;
    atomic_store(&s->osr[n].state, T2_QUEUED);
    atomic_store_explicit(&s->nosr, n + 1, memory_order_release);
    return CLAIM_YES;
}

void jit_tier_request(Spec *s, int32_t header) {
    kiln_ctx *ctx = s->fn->mod->ctx;
    Tier *t = &ctx->tier;
    bool sync = ctx->tune[TUNE_TIER2_BACKGROUND] == 0;
    pthread_mutex_lock(&t->lock);
    int c = claim(ctx, s, header, sync);
    bool say_full = c == CLAIM_FULL && !s->said_full;
    if (say_full) s->said_full = true;
    pthread_mutex_unlock(&t->lock);
    unsigned ch = header < 0 || say_full ? KILN_LOG_TIERS : KILN_LOG_OSR;
    if ((c == CLAIM_YES || say_full) && (ctx->opt.log & ch)) {
        char sig[512];
        sig_text(s, sig, sizeof sig);
        if (say_full)
            jit_log(ctx, "kiln: tier-up: %s(%s) not queued: the queue is full (tier2_queue %lld); it stays in tier 1 for now\n",
                   s->fn->name, sig, (long long)ctx->tune[TUNE_TIER2_QUEUE]);
        else if (header < 0) jit_log(ctx, "kiln: tier-up: %s(%s) queued for opt\n", s->fn->name, sig);
        else jit_log(ctx, "kiln: osr: %s(%s) loop at line %d queued for an opt entry\n", s->fn->name, sig, header_line(s, header));
    }
    if (c == CLAIM_YES && sync) compile_job(ctx, (TierJob){s, header, clock_ns()});
}

/* Counters say a specialization is hot, but its tier-1 code is younger than tier2_delay_us: a program this young
 * may well end before LLVM's compile (milliseconds, on the CPU beside the caller's, slowing it ~1.4x on a
 * 2-vCPU guest) pays off — the ski-rental rule: rent (run tier 1) about as long as buying (compiling) would
 * take, then buy. The budget starts over, sized to run out when the wait ends at the rate the last one was
 * spent, at most 100 budgets (each trip costs a cold path, and tight loops measured slower for a while after
 * each, for reasons the guest's lack of counters hid). (bench/tiering.py; docs/benchmarks.md, eighteenth session) */
static bool too_young(kiln_ctx *ctx, Spec *s, Code *c) {
    uint64_t now = clock_ns(), age = now - s->t1_ready_ns, delay = (uint64_t)ctx->tune[TUNE_TIER2_DELAY_US] * 1000;
    if (age >= delay) return false;
    int64_t budget, per_call;
    jit_tier_budget(ctx, &budget, &per_call);
    uint64_t since = atomic_load_explicit(&s->hot_since_ns, memory_order_relaxed);
    int64_t last = atomic_load_explicit(&s->hot_refill, memory_order_relaxed);
    uint64_t spent = now - (since ? since : s->t1_ready_ns);
    double next = spent ? (double)(last ? last : budget) * (double)(delay - age) / (double)spent : (double)budget;
    if (next < (double)budget) next = (double)budget;
    if (next > 100.0 * (double)budget) next = 100.0 * (double)budget; /* a burst's rate may not last: ask again */
    atomic_store_explicit(&s->hot_refill, (int64_t)next, memory_order_relaxed);
    atomic_store_explicit(&s->hot_since_ns, now, memory_order_relaxed);
    __atomic_store_n(&c->hot, (int64_t)next, __ATOMIC_RELAXED);
    if ((ctx->opt.log & KILN_LOG_TIERS) && !atomic_exchange(&s->said_delay, true)) {
        char sig[512];
        sig_text(s, sig, sizeof sig);
        jit_log(ctx, "kiln: tier-up: %s(%s) is hot after %.0f us; it waits until its tier-1 code is %lld us old "
                "(tier2_delay_us)\n", s->fn->name, sig, (double)age / 1e3, (long long)ctx->tune[TUNE_TIER2_DELAY_US]);
    }
    return true;
}

int64_t jit_tier_hot(Spec *s, int32_t header, void *frame, void *ret, void *run) {
    kiln_ctx *ctx = s->fn->mod->ctx;
    Code *c = s->u.code;
    if (atomic_load(&s->t2) == T2_NONE && atomic_load(&s->nosr) == 0 && too_young(ctx, s, c)) return 0;
    bool osr = header >= 0 && ctx->tune[TUNE_OSR] && !atomic_load(&ctx->tier2_off);
    if (atomic_load(&s->t2) == T2_NONE) jit_tier_request(s, -1); /* first: every later call gains */
    if (osr) {
        /* a second entry (where the first does not start here: ir_osr_heads kept it to its own header) only for a
         * loop that trips twice in a row: an outer loop whose inner loop has one gets there through it */
        int last = atomic_exchange_explicit(&s->osr_last, header, memory_order_relaxed);
        if (!osr_at(s, header, false) && (atomic_load(&s->nosr) == 0 || last == header)) jit_tier_request(s, header);
        OsrEntry *e = osr_at(s, header, true); /* compiled by now when tier2_background = 0 */
        if (e) {
            char sig[512] = "";
            if (ctx->opt.log & KILN_LOG_OSR) {
                sig_text(s, sig, sizeof sig);
                jit_log(ctx, "kiln: osr: %s(%s) jumps into opt code at the loop at line %d\n", s->fn->name, sig, header_line(s, header));
            }
            ((Run *)run)->osr_at = header;
            int r = ((NativeFn)e->fn)(frame, ret, run);
            if (r != OSR_NOT_HERE) {
                atomic_fetch_add_explicit(&s->osr_entries, 1, memory_order_relaxed);
                return r ? -1 : 1;
            }
            if (ctx->opt.log & KILN_LOG_OSR) /* tier 1 and the entry disagree on the loops: never, but not a wrong jump */
                jit_log(ctx, "kiln: osr: %s(%s) has no opt entry at the loop at line %d: it goes on in tier 1\n", s->fn->name,
                        sig, header_line(s, header));
        }
    }
    /* poll while a loop entry may still come or serve a later loop; past that, stop counting */
    bool wait = c->loops && ctx->tune[TUNE_OSR] && !atomic_load(&ctx->tier2_off) && (atomic_load(&s->nosr) < OSR_MAX || osr_live(s));
    __atomic_store_n(&c->hot, wait ? ctx->tune[TUNE_OSR_POLL] : INT64_MAX / 4, __ATOMIC_RELAXED);
    return 0;
}

/* a first call: arrays this large are worth tier 2 before any counter trips */
void jit_tier_called(Spec *s, const kiln_value *args, int nargs) {
    kiln_ctx *ctx = s->fn->mod->ctx;
    int64_t above = ctx->tune[TUNE_TIER2_ABOVE_ELEMENTS];
    if (!above || !jit_tier_enabled(ctx, s) || atomic_load(&s->t2) != T2_NONE) return;
    int64_t total = 0;
    for (int i = 0; i < nargs; i++) {
        if (args[i].kind != KILN_ARRAY) continue;
        int64_t n = 1;
        for (int k = 0; k < args[i].v.arr->ndim; k++) n *= args[i].v.arr->shape[k];
        total += n;
    }
    if (total >= above) jit_tier_request(s, -1);
}

/* ---- the worker ---- */

/* the next job: whole functions before loop entries (every later call of the
 * spec gains from the first, only the running call from the second, and it
 * gets there a few milliseconds later), then the hottest */
static int pick(Tier *t) {
    int best = 0;
    for (int i = 1; i < t->njobs; i++) {
        TierJob *a = &t->jobs[i], *b = &t->jobs[best];
        bool aw = a->header < 0, bw = b->header < 0;
        if (aw != bw ? aw : a->s->heat > b->s->heat) best = i;
    }
    return best;
}

static void job_done(kiln_ctx *ctx, TierJob j, bool ok, uint64_t ns, const char *why) {
    Spec *s = j.s;
    unsigned ch = j.header < 0 || !ok ? KILN_LOG_TIERS : KILN_LOG_OSR;
    if (ctx->opt.log & ch) { /* before publishing: the lines stay in the order things happen */
        char sig[512];
        sig_text(s, sig, sizeof sig);
        if (j.header < 0 && ok)
            jit_log(ctx, "kiln: tier-up: %s(%s) now runs opt code (compiled in %.2f ms)\n", s->fn->name, sig, (double)ns / 1e6);
        else if (ok)
            jit_log(ctx, "kiln: osr: %s(%s) opt entry for the loop at line %d ready (%.2f ms)\n", s->fn->name, sig,
                   header_line(s, j.header), (double)ns / 1e6);
        else
            jit_log(ctx, "kiln: tier-up: %s(%s) stays in tier 1: %s\n", s->fn->name, sig, why);
    }
    pthread_mutex_lock(&ctx->tier.lock);
    s->ns_tier2 += ns;
    if (j.header < 0) atomic_store(&s->t2, ok ? T2_DONE : T2_FAILED);
    else atomic_store_explicit(&osr_find(s, j.header)->state, ok ? T2_DONE : T2_FAILED, memory_order_release);
    pthread_mutex_unlock(&ctx->tier.lock);
}

/* the whole function (header < 0) or a loop entry, with LLVM: under the LLVM
 * lock only, on the worker or (tier2_background = 0) on the thread that asked */
static void compile_job(kiln_ctx *ctx, TierJob j) {
    Spec *s = j.s;
    Code *c = s->u.code;
    kiln_error err;
    memset(&err, 0, sizeof err);
    uint64_t t0 = clock_ns();
    bool ok = false;
    const char *why = "LLVM bailed out";
    NativeFn hit = NULL;
    char lock[4400];
    int held = -1;
    if (!jit_cache_fetch(ctx, s, j.header, &hit) || /* from the disk cache: no LLVM at all */
        ((held = jit_cache_lock(ctx, s, j.header, lock, sizeof lock)) == 0 && !jit_cache_fetch(ctx, s, j.header, &hit))) {
        if (j.header < 0) __atomic_store_n(&c->native, hit, __ATOMIC_RELEASE);
        else osr_find(s, j.header)->fn = (void *)hit;
        job_done(ctx, j, true, clock_ns() - t0, NULL);
        return;
    }
    pthread_mutex_lock(&ctx->llvm_lock);
    const Backend *be = atomic_load(&ctx->tier2_off) ? NULL : jit_llvm_backend(ctx, &err);
    if (!be && atomic_load(&ctx->tier2_off)) {
        why = "no LLVM tier";
    } else if (!be) {
        ctx->tier2_off = true; /* no LLVM tier here: stop counting everywhere */
        why = err.message;
    } else if (j.header < 0) {
        NativeFn before = fr_native(c);
        BackEnv env;
        jit_back_env(ctx, s, &env);
        env.state = ctx->llvm_state;
        ok = be->compile(&env, &s->u, &err) == 0 && fr_native(c) != before;
        if (!ok && c->bailout) why = c->bailout;
    } else {
        NativeFn fn = NULL;
        const LlvmTier *lt = ctx->llvm_tier;
        BackEnv env;
        jit_back_env(ctx, s, &env);
        env.state = ctx->llvm_state;
        ok = lt->compile_osr(&env, &s->u, (uint32_t)j.header, &fn, &err) == 0 && fn;
        if (ok) osr_find(s, j.header)->fn = (void *)fn;
        else if (err.message[0]) why = err.message;
    }
    pthread_mutex_unlock(&ctx->llvm_lock);
    if (held == 1) jit_cache_unlock(lock);
    job_done(ctx, j, ok, clock_ns() - t0, why);
}

static void *worker(void *arg) {
    kiln_ctx *ctx = arg;
    Tier *t = &ctx->tier;
#ifdef SCHED_IDLE
    if (ctx->tune[TUNE_TIER2_IDLE]) { /* compile on idle CPU time: callers keep theirs */
        struct sched_param sp = {0};
        pthread_setschedparam(pthread_self(), SCHED_IDLE, &sp);
    }
#endif
    pthread_mutex_lock(&t->lock);
    for (;;) {
        while (!t->stop && !t->njobs) pthread_cond_wait(&t->wake, &t->lock);
        if (t->stop) break;
        int i = pick(t);
        TierJob j = t->jobs[i];
        t->jobs[i] = t->jobs[--t->njobs];
        j.s->ns_queue += clock_ns() - j.t_queued;
        t->busy++;
        pthread_mutex_unlock(&t->lock);
        compile_job(ctx, j);
        pthread_mutex_lock(&t->lock);
        t->busy--;
        if (!t->njobs && !t->busy) pthread_cond_broadcast(&t->idle);
    }
    t->busy = 0;
    pthread_cond_broadcast(&t->idle);
    pthread_mutex_unlock(&t->lock);
    return NULL;
}

void kiln_wait_idle(kiln_ctx *ctx) {
    if (!ctx) return;
    Tier *t = &ctx->tier;
    pthread_mutex_lock(&t->lock);
    while (t->started && !t->stop && (t->njobs || t->busy)) pthread_cond_wait(&t->idle, &t->lock);
    pthread_mutex_unlock(&t->lock);
}

/* the job being compiled finishes (LLVM cannot be interrupted); queued ones are dropped */
void jit_tier_stop(kiln_ctx *ctx) {
    Tier *t = &ctx->tier;
    pthread_mutex_lock(&t->lock);
    t->stop = true;
    int dropped = t->njobs;
    t->njobs = 0;
    pthread_cond_broadcast(&t->wake);
    bool join = t->started;
    pthread_mutex_unlock(&t->lock);
    if (join) pthread_join(t->thread, NULL);
    if (dropped && (ctx->opt.log & KILN_LOG_TIERS)) jit_log(ctx, "kiln: tier-up: %d queued compiles dropped at shutdown\n", dropped);
    free(t->jobs);
    t->jobs = NULL;
    pthread_cond_destroy(&t->wake);
    pthread_cond_destroy(&t->idle);
    pthread_mutex_destroy(&t->lock);
}
