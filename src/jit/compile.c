/*
 * compile.c — the pipeline for one specialization: type inference and IR
 * construction, the pass pipeline, then lowering for the executing tier.
 * Phase times go to the spec's statistics. Lowering and the backends see
 * the spec as a Unit and the driver through an environment built here
 * (LowerEnv, BackEnv): callbacks into the driver, never its tables.
 */
#include "cache.h"
#include "../opt/opt.h"
#include "../back/back.h"
#include <stdarg.h>
#include <stdio.h>

/* ---- lowering's environment: the module seen through callbacks (lower/lower.h) ---- */

static Kernel env_kernel(void *cx, int i) {
    kiln_func *f = &((kiln_module *)cx)->funcs[i];
    return (Kernel){f->name, f->def, f->defaults};
}
static Lit *env_constant(void *cx, const char *name) { return jit_lit_lookup(cx, name); }
static Unit *env_callee(void *cx, int i, const Type **args, int nargs, kiln_error *err) {
    kiln_module *m = cx;
    Spec *s = jit_spec_get(m->ctx, &m->funcs[i], args, nargs, err);
    return s ? &s->u : NULL;
}
static void *env_mark(void *cx) { return ((kiln_module *)cx)->ctx->created; }
static void env_discard(void *cx, void *mark) { jit_discard_guessed(((kiln_module *)cx)->ctx, mark); }

int jit_lower(kiln_ctx *ctx, Spec *s, kiln_error *err) {
    kiln_module *m = s->fn->mod;
    LowerEnv env = {m, &ctx->types, &ctx->opt, ctx->tune, m->file, m->src, m->len, m->ast, m->nfuncs,
                    env_kernel, env_constant, env_callee, env_mark, env_discard, jit_frozen_written};
    return lower_unit(&env, s->fn->index, &s->u, err);
}

/* ---- the backends' environment (back/back.h) ---- */

static void env_log(void *cx, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    jit_vlog(cx, fmt, ap);
    va_end(ap);
}

static int64_t env_hot(Unit *u, int32_t header, void *frame, void *ret, void *run) {
    return jit_tier_hot(jit_spec_of(u), header, frame, ret, run);
}

/* everything but the LLVM tier's state, which is read under the LLVM lock (it is set when the tier loads) */
void jit_back_env(kiln_ctx *ctx, Spec *s, BackEnv *env) {
    memset(env, 0, sizeof *env);
    env->opt = &ctx->opt;
    env->tune = ctx->tune;
    env->log = env_log;
    env->cx = ctx;
    env->tiering = jit_tier_enabled(ctx, s);
    if (env->tiering) jit_tier_budget(ctx, &env->hot, &env->hot_call);
    env->on_hot = env_hot;
    env->stop = &ctx->tier.stop;
}

/* compile s with backend be (NULL: the interpreter, for the frame layout) */
static int back_compile(kiln_ctx *ctx, const Backend *be, Spec *s, kiln_error *err) {
    BackEnv env;
    jit_back_env(ctx, s, &env);
    if (be && be->tier == KILN_TIER_OPT) env.state = ctx->llvm_state; /* the caller holds the LLVM lock */
    return (be ? be : &back_interp)->compile(&env, &s->u, err);
}

static const Backend *backend_for(kiln_ctx *ctx, kiln_tier tier, kiln_error *err) {
    switch (tier) {
    case KILN_TIER_INTERP: return &back_interp;
    case KILN_TIER_AUTO: case KILN_TIER_BASELINE:
#if defined(__x86_64__)
        return &back_x64;
#else
        if (tier == KILN_TIER_AUTO) return &back_interp;
        err_set(err, KILN_ERR_USAGE, "", "the baseline tier generates x86-64 code and this is not an x86-64 machine");
        return NULL;
#endif
    case KILN_TIER_OPT: {
        pthread_mutex_lock(&ctx->llvm_lock);
        const Backend *be = jit_llvm_backend(ctx, err);
        pthread_mutex_unlock(&ctx->llvm_lock);
        return be;
    }
    }
    return NULL;
}

/* past the limits a signature runs in the interpreter: cheap to build, no
 * machine code, never tiered up (the thrashing guard) */
/* set while this thread finds the specialization of a GPU launch (jit/gpu.c): only the frame layout is made
 * (the GPU compiles the IR; a CPU call of that specialization later runs in the interpreter), which keeps
 * x86-64 code generation and the CPU disk-cache probe off a GPU kernel's first launch. Per thread, since a
 * compile holds the context's lock and another thread's call may be compiling for the CPU meanwhile. */
static __thread bool gpu_only;
void jit_compile_for_gpu(bool on) { gpu_only = on; }

static kiln_tier tier_for(kiln_ctx *ctx, Spec *s) {
    if (s->interp_only || gpu_only) return KILN_TIER_INTERP;
    return ctx->opt.tier;
}

/* tier 2 on demand: the frame layout, then the disk cache, and LLVM (loaded
 * now if need be) only on a miss */
static int compile_opt(kiln_ctx *ctx, Spec *s, kiln_error *err) {
    if (back_compile(ctx, NULL, s, err)) return -1;
    NativeFn fn;
    char lock[4400];
    int held = -1;
    if (!ctx->opt.keep_llvm_ir) {
        if (!jit_cache_fetch(ctx, s, -1, &fn) ||
            ((held = jit_cache_lock(ctx, s, -1, lock, sizeof lock)) == 0 && !jit_cache_fetch(ctx, s, -1, &fn))) {
            __atomic_store_n(&((Code *)s->u.code)->native, fn, __ATOMIC_RELEASE);
            return 0;
        }
    }
    const Backend *be = backend_for(ctx, KILN_TIER_OPT, err);
    int r = -1;
    if (be) {
        pthread_mutex_lock(&ctx->llvm_lock);
        r = back_compile(ctx, be, s, err);
        pthread_mutex_unlock(&ctx->llvm_lock);
    }
    if (held == 1) jit_cache_unlock(lock); /* the entry is written (or the compile failed) */
    return r;
}

/* tier auto: code a previous process compiled with LLVM is used at once,
 * with no baseline code and no counting (a warm disk cache pays nothing) */
static bool from_disk(kiln_ctx *ctx, Spec *s, kiln_error *err) {
    if (!atomic_load(&ctx->cache_on) || !jit_tier_enabled(ctx, s) || back_compile(ctx, NULL, s, err)) return false;
    NativeFn fn;
    if (jit_cache_fetch(ctx, s, -1, &fn)) return false;
    __atomic_store_n(&((Code *)s->u.code)->native, fn, __ATOMIC_RELEASE);
    atomic_store(&s->t2, T2_DONE);
    return true;
}

int jit_compile(kiln_ctx *ctx, Spec *s, kiln_error *err) {
    kiln_tier tier = tier_for(ctx, s);
    const Backend *be = tier == KILN_TIER_OPT ? NULL : backend_for(ctx, tier, err);
    if (!be && tier != KILN_TIER_OPT) return -1;
    uint64_t t0 = clock_ns();
    if (jit_lower(ctx, s, err)) return -1;
    uint64_t t1 = clock_ns();
    char msg[256];
    if (!opt_run(s->u.ir, NULL, NULL, msg, sizeof msg)) {
        err_set(err, KILN_ERR_COMPILE, "", "internal compiler error in '%s': %s", s->fn->name, msg);
        return -1;
    }
    uint64_t t2 = clock_ns();
    if (tier == KILN_TIER_OPT ? compile_opt(ctx, s, err) : !(tier == KILN_TIER_AUTO && from_disk(ctx, s, err)) && back_compile(ctx, be, s, err))
        return -1;
    uint64_t t3 = clock_ns();
    s->t1_ready_ns = t3;
    s->ns_infer += t1 - t0;
    s->ns_opt += t2 - t1;
    s->ns_codegen += t3 - t2;
    if (ctx->opt.log & KILN_LOG_COMPILES) {
        char sig[512] = "";
        size_t k = 0;
        for (int i = 0; i < s->u.nargs && k < sizeof sig; i++) {
            char b[256];
            ty_str(s->u.args[i], b, sizeof b);
            k += (size_t)snprintf(sig + k, sizeof sig - k, "%s%s", i ? ", " : "", b);
        }
        jit_log(ctx, "kiln: compiled %s(%s) for %s in %.1f us (infer %.1f, passes %.1f, lower %.1f)\n", s->fn->name, sig,
               be ? be->name : "opt", (double)(t3 - t0) / 1e3, (double)(t1 - t0) / 1e3, (double)(t2 - t1) / 1e3, (double)(t3 - t2) / 1e3);
    }
    return 0;
}
