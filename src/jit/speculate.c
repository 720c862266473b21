/*
 * speculate.c — shape speculation in tier auto (docs/specialization.md): a specialization whose
 * calls all bring arrays of one shape gets a variant compiled for that shape (the shape a constant,
 * as kiln_func_set_static_shape makes it), run behind a guard that compares the shape words.
 *
 * The profile: the first call's lengths of the top-level array arguments (prof_dims, set before the
 * spec is published), then a count of calls that had them and of calls that did not. Counting stops
 * at the decision, taken by the first call that finds the spec queued for tier 2 (its counters ran
 * out: it is hot): with speculate_calls calls or more and the one shape on 99% of them, the variant
 * is compiled (tier 1 now, tier 2 queued at once) and calls whose shapes match run it once its
 * tier-2 code is in; otherwise the spec stops being watched and its calls pay one load.
 * The guard: a call whose shapes differ runs the generic code and is counted; past speculate_misses
 * misses that are over 1% of the guarded calls, the variant is dropped for good (a workload that
 * changed shape). So a function is compiled at most twice for speculation's sake, and never in a loop.
 * The counters are relaxed loads and stores (no locked adds on the call path): under concurrent
 * calls a count may be lost, which only delays a decision.
 */
#include "jit.h"
#include <stdio.h>

static void bump(_Atomic uint64_t *c) { atomic_store_explicit(c, atomic_load_explicit(c, memory_order_relaxed) + 1, memory_order_relaxed); }

/* an int argument: the profile watches its value (a size, a count), as it watches an array's lengths */
static bool int_watched(const kiln_value *v) { return v->kind == KILN_SCALAR && dt_is_intlike(v->dtype) && v->dtype != KILN_UINT64; }

/* one the variant takes as a static value */
static bool small_int(const kiln_value *v) { return int_watched(v) && v->v.i >= -SPEC_SMALL_INT && v->v.i <= SPEC_SMALL_INT; }

/* the lengths of the top-level array arguments and the values of the int ones, in order, into words:
 * how many, or -1 if over the cap */
static int profile_words(const kiln_value *args, int nargs, int64_t *words) {
    int n = 0;
    for (int i = 0; i < nargs; i++) {
        if (int_watched(&args[i])) {
            if (n == SPEC_PROFILE_DIMS) return -1;
            words[n++] = args[i].v.i;
            continue;
        }
        if (args[i].kind != KILN_ARRAY) continue;
        const kiln_array *a = args[i].v.arr;
        if (n + a->ndim > SPEC_PROFILE_DIMS) return -1;
        for (int k = 0; k < a->ndim; k++) words[n++] = a->shape[k];
    }
    return n;
}

/* the guard: the arguments have the profile's lengths and int values (the spec's types are the call's) */
static bool same_shapes(const Spec *s, const kiln_value *args, int nargs) {
    int64_t words[SPEC_PROFILE_DIMS];
    return profile_words(args, nargs, words) == s->prof_n && !memcmp(words, s->prof_dims, sizeof(int64_t) * (size_t)s->prof_n);
}

void jit_speculate_watch(Spec *s, const kiln_value *args, int nargs) {
    kiln_ctx *ctx = s->fn->mod->ctx;
    if (!ctx->tune[TUNE_SPECULATE] || !jit_tier_enabled(ctx, s) || s->fixed) return;
    int n = profile_words(args, nargs, s->prof_dims);
    bool arrays = false;
    for (int i = 0; i < nargs; i++) arrays |= args[i].kind == KILN_ARRAY;
    if (n <= 0 || !arrays) return; /* no arrays (or too many axes): nothing to speculate on */
    s->prof_n = n;
    atomic_store_explicit(&s->spec_state, SPEC_PROFILING, memory_order_relaxed);
}

static void shapes_text(const Spec *s, char *buf, size_t cap) {
    size_t w = 0;
    int n = 0;
    buf[0] = 0;
    for (int i = 0; i < s->u.nargs && w < cap; i++) {
        const Type *t = s->u.args[i];
        if (t->kind == T_SCALAR && dt_is_intlike(t->dtype) && t->dtype != KILN_UINT64) {
            w += (size_t)snprintf(buf + w, cap - w, "%s%s = %lld", w ? ", " : "", s->fn->def->names[i], (long long)s->prof_dims[n++]);
            continue;
        }
        if (t->kind != T_ARRAY) continue;
        w += (size_t)snprintf(buf + w, cap - w, "%s%s (", w ? ", " : "", s->fn->def->names[i]);
        for (int k = 0; k < t->ndim && w < cap; k++) w += (size_t)snprintf(buf + w, cap - w, "%s%lld", k ? ", " : "", (long long)s->prof_dims[n++]);
        if (w < cap) w += (size_t)snprintf(buf + w, cap - w, t->ndim == 1 ? ",)" : ")");
    }
}

/* the spec is hot (queued for tier 2): speculate on its shapes, or stop watching it */
static void decide(Spec *s, const kiln_value *args, int nargs) {
    int want = SPEC_PROFILING;
    if (!atomic_compare_exchange_strong(&s->spec_state, &want, SPEC_DECIDING)) return; /* another call decides */
    kiln_func *fn = s->fn;
    kiln_ctx *ctx = fn->mod->ctx;
    uint64_t same = atomic_load_explicit(&s->prof_same, memory_order_relaxed), other = atomic_load_explicit(&s->prof_other, memory_order_relaxed);
    bool log = (ctx->opt.log & KILN_LOG_TIERS) != 0;
    char shapes[512];
    shapes_text(s, shapes, sizeof shapes);
    const char *no = other * 100 > same + other ? "the shapes vary"
                   : same < (uint64_t)ctx->tune[TUNE_SPECULATE_CALLS] ? "too few calls"
                   : !same_shapes(s, args, nargs) ? "this call's shapes differ"
                   : atomic_load(&fn->nfix_specs) >= (uint64_t)ctx->tune[TUNE_SPEC_LIMIT] ? "spec_limit fixed keys already" : NULL;
    if (log)
        jit_log(ctx, "kiln: speculate: %s profile: %s on %llu of %llu calls: %s%s\n", fn->name, shapes, (unsigned long long)same,
                (unsigned long long)(same + other), no ? "no variant, " : "compiling a variant for these shapes", no ? no : "");
    Spec *v = NULL;
    if (!no) {
        FixPlan plan = {0};
        for (int i = 0; i < nargs && i < KILN_MAX_PARAMS; i++) {
            if (args[i].kind == KILN_ARRAY) plan.axes[i] = KILN_ALL_AXES;
            if (small_int(&args[i])) plan.values |= 1ull << i;
        }
        kiln_error err;
        v = jit_spec_fixed(fn, &plan, args, nargs, &err);
        if (!v && log) jit_log(ctx, "kiln: speculate: %s: the variant failed to compile (%s); no speculation\n", fn->name, err.message);
        if (v && v != s) jit_tier_request(v, -1);
    }
    atomic_store(&s->spec_why, no ? no : v && v != s ? NULL : "the variant failed to compile");
    if (v && v != s) { atomic_store_explicit(&s->variant, v, memory_order_release); atomic_store(&s->speculated, true); }
    atomic_store_explicit(&s->spec_state, v && v != s ? SPEC_GUARDED : SPEC_OFF, memory_order_release);
}

/* a guard that keeps failing: the variant goes, for good */
static void drop(Spec *s) {
    int want = SPEC_GUARDED;
    if (!atomic_compare_exchange_strong(&s->spec_state, &want, SPEC_OFF)) return;
    atomic_store_explicit(&s->variant, NULL, memory_order_release);
    kiln_ctx *ctx = s->fn->mod->ctx;
    if (ctx->opt.log & KILN_LOG_TIERS)
        jit_log(ctx, "kiln: speculate: %s: the guard turned away %llu of %llu calls: the variant is dropped, no more speculation\n",
                s->fn->name, (unsigned long long)atomic_load(&s->guard_misses),
                (unsigned long long)(atomic_load(&s->guard_misses) + atomic_load(&s->guard_hits)));
}

Spec *jit_speculate(Spec *s, const kiln_value *args, int nargs) {
    int st = atomic_load_explicit(&s->spec_state, memory_order_acquire);
    if (st == SPEC_GUARDED) {
        Spec *v = atomic_load_explicit(&s->variant, memory_order_acquire);
        if (!v) return s;
        if (same_shapes(s, args, nargs)) {
            bump(&s->guard_hits);
            return atomic_load_explicit(&v->t2, memory_order_acquire) == T2_DONE ? v : s; /* its tier-2 code, once in */
        }
        bump(&s->guard_misses);
        uint64_t miss = atomic_load_explicit(&s->guard_misses, memory_order_relaxed), hit = atomic_load_explicit(&s->guard_hits, memory_order_relaxed);
        if (miss >= (uint64_t)s->fn->mod->ctx->tune[TUNE_SPECULATE_MISSES] && miss * 100 > miss + hit) drop(s);
        return s;
    }
    if (st != SPEC_PROFILING) return s;
    bump(same_shapes(s, args, nargs) ? &s->prof_same : &s->prof_other);
    if (atomic_load_explicit(&s->t2, memory_order_relaxed) != T2_NONE) decide(s, args, nargs);
    return s;
}

void jit_speculate_text(const Spec *s, char *buf, size_t cap) {
    buf[0] = 0;
    int st = atomic_load(&s->spec_state);
    const char *why = atomic_load(&s->spec_why);
    if (st == SPEC_OFF && !why && !atomic_load(&s->speculated)) return; /* never watched */
    char prof[512];
    shapes_text(s, prof, sizeof prof);
    unsigned long long same = atomic_load(&s->prof_same), all = same + atomic_load(&s->prof_other);
    unsigned long long hit = atomic_load(&s->guard_hits), miss = atomic_load(&s->guard_misses);
    if (st == SPEC_PROFILING || st == SPEC_DECIDING)
        snprintf(buf, cap, "profiling: %s on %llu of %llu calls", prof, same, all);
    else if (st == SPEC_GUARDED)
        snprintf(buf, cap, "a variant for %s (profile: %llu of %llu calls); the guard let in %llu calls, turned away %llu", prof, same,
                 all, hit, miss);
    else if (atomic_load(&s->speculated))
        snprintf(buf, cap, "dropped: the guard turned away %llu of %llu calls (no more speculation)", miss, hit + miss);
    else
        snprintf(buf, cap, "no variant: %s (profile: %s on %llu of %llu calls)", why ? why : "?", prof, same, all);
}
