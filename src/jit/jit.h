/*
 * jit.h — the driver's structures: context, module, function, specialization
 * (jit/ compiles and dispatches; the runtime library generated code calls is rt/).
 *
 * A kiln_func owns a table of specializations keyed by signature (per
 * argument: kind, dtype, Python-or-NumPy scalar, rank, layout). The table is
 * read without locks: a last-hit slot, then an open-addressed array that is
 * replaced (never mutated in place) when it grows. Compiles take the
 * context's lock. A Spec owns its arena (IR) and one entry per tier.
 */
#ifndef KILN_JIT_H
#define KILN_JIT_H

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include "../base/base.h"
#include "../base/diag.h"
#include "../front/ast.h"
#include "../types/type.h"
#include "../ir/unit.h"
#include "../lower/lower.h" /* Lit, and lowering's environment */
#include "../../include/kiln.h"

/* the most elements a module array constant may hold: each becomes a store in every kernel that reads
 * it (the copy it gets), so a larger table belongs in an argument */
#define KILN_CONST_ARRAY_MAX 256
/* the most items of a constant tuple (a module constant, a default) */
#define KILN_CONST_TUPLE_MAX TY_TUPLE_MAX


/* the limits of one call, each the size of the arrays that hold it on the stack */
#define KILN_MAX_PARAMS 64 /* parameters of a kernel (and values of its arguments, defaults bound) */
#define KILN_MAX_SLOTS 64  /* flattened slots of the arguments, and of the result (jit/dispatch.c) */
#define KILN_MAX_POOL 64   /* tuple items of the default values bound for one call */

/* signature codes: one uint32 per argument; tuples open a group */
enum { SIG_SCALAR, SIG_ARRAY, SIG_TUPLE, SIG_NONE, SIG_DTYPE, SIG_LIST, SIG_UNKNOWN, /* a list: then its item's codes (ndim 1:
                                                                                  * a set, 2: a dict, then its value's) */
       SIG_FIX }; /* a static value or shape (jit/fix.c): then its words */
#define SIG_MAX 64       /* codes of the argument types */
#define SIG_KEY_MAX 160  /* and of the static values and shapes after them */
/* callee compiles nested in one compile (a deeper chain of first calls is a compile error) */
#define JIT_BUILD_DEPTH 256
/* the specs one disk-cache entry covers: a spec and the callees its tier-2 code calls (jit_cache_specs) */
#define JIT_CACHE_SPECS 256
#define SIG_CODE(kind, dt, weak, ndim, layout) \
    ((uint32_t)(kind) | (uint32_t)(dt) << 3 | (uint32_t)(weak) << 7 | (uint32_t)(ndim) << 8 | (uint32_t)(layout) << 12)
#define SIG_LAYOUT_BITS SIG_CODE(0, 0, 0, 0, 1) /* an array code's layout (LAYOUT_C 0, LAYOUT_ANY 1) */

/* tier-2 state of a specialization, and of each of its OSR entries */
enum { T2_NONE, T2_QUEUED, T2_DONE, T2_FAILED };

typedef struct OsrEntry {
    uint32_t header;          /* the loop header block it was asked for at */
    bool *heads;              /* the headers it starts at (ir_osr_heads: that one, or every loop's), per block */
    _Atomic int state;        /* T2_* */
    void *fn;                 /* NativeFn, published by state = T2_DONE */
} OsrEntry;

/* what a key fixes beyond the argument types (jit/fix.c): a function's static parameters and shapes,
 * or the shapes tier auto speculates on (jit/speculate.c) */
typedef struct FixPlan {
    uint64_t values;                 /* bit i: parameter i's value is static */
    bool values_any;                 /* every parameter whose argument can be static is */
    bool shapes_any;
    uint8_t axes[KILN_MAX_PARAMS];   /* bit k: the length of axis k of array parameter i is fixed */
} FixPlan;

/* speculation on shapes (jit/speculate.c) */
enum { SPEC_OFF, SPEC_PROFILING, SPEC_DECIDING, SPEC_GUARDED };
#define SPEC_PROFILE_DIMS 16 /* lengths of the top-level array arguments (and int values) a profile compares */
#define SPEC_SMALL_INT (1 << 20) /* an int argument the profile always saw is made static within +-this */

typedef struct Spec {
    Unit u;                /* what lowering and the tiers see (first: jit_spec_of) */
    struct kiln_func *fn;
    uint64_t hash;
    uint32_t ncodes;
    uint32_t codes[SIG_KEY_MAX];
    bool fixed;            /* keyed on static values or shapes too (u.fix) */
    kiln_error err;        /* u.state == UNIT_FAILED */
    uint64_t ns_infer, ns_opt, ns_codegen;
    struct Spec *next_created;
    /* tiering (jit/tier.c): fields the worker writes are read under the tier lock */
    bool interp_only;         /* past spec_limit: the interpreter runs it, it never tiers up */
    _Atomic uint64_t writes;  /* bit j: the code may write into argument leaf j's memory (bit 63: known) */
    _Atomic uint8_t bounded;  /* 0 not known yet, 1 straight-line scalar code (no loop, call, library
                               * routine or allocation: its run time is bounded and tiny), 2 not */
    _Atomic uint8_t calls;    /* 0 not known yet, 1 its code calls kernels (OP_CALL), 2 it does not */
    _Atomic int t2;           /* T2_*: the whole function in tier 2 */
    uint32_t heat;            /* hot trips while queued: the job's priority */
    bool said_full;           /* "queue full" was logged */
    atomic_bool said_delay;   /* the tier2_delay_us wait was logged */
    uint64_t t1_ready_ns;     /* when its tier-1 code was made (clock_ns), for tier2_delay_us: */
    _Atomic uint64_t hot_since_ns; /* when the budget was last started over while waiting (relaxed: calls on */
    _Atomic int64_t hot_refill;    /* other threads may refill it too, each as good), and with how much */
    uint64_t ns_tier2, ns_queue;
    OsrEntry osr[OSR_MAX];
    _Atomic int nosr;
    _Atomic int osr_last;     /* the loop header of the last poll */
    atomic_uint_fast64_t ncalls[3]; /* top-level calls started in interp, baseline, opt code */
    /* speculation (jit/speculate.c): the first call's shapes, how many calls had them, the variant */
    _Atomic int spec_state;        /* SPEC_*: SPEC_OFF for specs it does not watch */
    int64_t prof_dims[SPEC_PROFILE_DIMS];
    int prof_n;
    _Atomic uint64_t prof_same, prof_other, guard_hits, guard_misses;
    _Atomic(struct Spec *) variant; /* compiled for prof_dims, run when the guard holds */
    atomic_bool speculated;         /* it had a variant (kiln_stats) */
    _Atomic(const char *) spec_why; /* why the decision made no variant (a static string), or NULL */
    atomic_uint_fast64_t osr_entries;
    _Atomic(struct GpuCode *) gpu;  /* its CUDA kernel, loaded on the context's GPU (jit/gpu.c) */
} Spec;

/* the Spec a unit belongs to: every unit the driver hands out is the first member of one */
static inline Spec *jit_spec_of(Unit *u) { return (Spec *)u; }
_Static_assert(offsetof(Spec, u) == 0, "a Spec begins with its Unit");

typedef struct SpecTab {
    uint32_t cap;           /* power of two */
    uint32_t count;
    _Atomic(Spec *) *slots;
    struct SpecTab *retired; /* older tables, freed with the function */
} SpecTab;

struct kiln_func {
    struct kiln_module *mod;
    Node *def;
    int index;
    const char *name;
    Lit **defaults;          /* per parameter, NULL if none */
    _Atomic(Spec *) last;
    _Atomic(SpecTab *) tab;
    uint64_t nspecs;
    bool limit_said;         /* the spec_limit line was logged */
    FixPlan fix;             /* static parameters and shapes (jit/fix.c): set before calls start, read by every call */
    bool fixing;             /* the plan fixes anything: calls make the longer key */
    _Atomic uint64_t nfix_specs; /* specializations keyed on values or shapes (bounded by spec_limit) */
    atomic_bool fix_limit_said;
    Spec *specs;             /* every spec, for freeing and stats */
};

struct kiln_module {
    struct kiln_ctx *ctx;
    Arena arena;
    char *src; size_t len;
    char *file;
    Ast *ast;
    struct kiln_func *funcs;
    int nfuncs;
    const char **cnames; Lit **cvals; int nconsts; /* module-level constants */
    struct kiln_module *next;
};

/* the background compiler: one worker thread per context, started on the
 * first tier-up, and a bounded queue of jobs (a spec, header -1 for the
 * whole function or a loop header for an OSR entry) */
typedef struct TierJob { Spec *s; int32_t header; uint64_t t_queued; } TierJob;
typedef struct Tier {
    pthread_mutex_t lock;
    pthread_cond_t wake, idle;
    pthread_t thread;
    bool started;
    atomic_bool stop;         /* set at context free: the worker exits, a compile in flight skips its passes */
    TierJob *jobs;
    int njobs, cap;
    int busy;                 /* jobs being compiled */
    uint64_t native_specs;    /* natively compiled specs, for global_spec_limit */
} Tier;

struct kiln_ctx {
    kiln_options opt;
    int64_t tune[TUNE_COUNT];
    pthread_mutex_t lock;     /* compiles, module list, types, logging */
    TypeTab types;
    struct kiln_module *mods;
    Spec *building[JIT_BUILD_DEPTH]; /* the compile stack (nested callee compiles) */
    int nbuilding;
    Spec *created;            /* specs created under the current outermost compile */
    void *llvm_dl;            /* the LLVM tier: its shared object, table and JIT, loaded on first use */
    const void *llvm_tier;
    void *llvm_state;
    pthread_mutex_t llvm_lock; /* loading LLVM and compiling with it (foreground or worker) */
    struct RtCuda *cuda;       /* the CUDA driver and device (jit/gpu.c), opened at the first GPU call */
    struct GpuCode *gpu_codes; /* every kernel loaded on it, freed with the context */
    pthread_mutex_t gpu_lock;  /* opening the driver and compiling kernels for it */
    pthread_t gpu_preload;     /* loading the LLVM tier once the driver is open (tunable cuda_preload) */
    bool gpu_preloading;
    atomic_bool tier2_off;     /* the LLVM tier could not be loaded: tier 1 stops counting */
    struct RtPool *pool;       /* threads for parallel loops (rt/pool.c), started on the first one */
    Tier tier;
    /* kiln aot (cli/aot.c): each tier-2 object installed is also handed to this */
    void (*aot_sink)(void *cx, Spec *s, const uint8_t *obj, size_t n, const char *sym, const void *tab, int ntab);
    void *aot_cx;
    char cache_dir[4096];      /* the disk cache (jit/cache.c) */
    int cache_make_parent;     /* it is ~/.cache/kiln: ~/.cache may be created too */
    atomic_bool cache_on;
    void (*print)(void *arg, const char *text, size_t n); /* kiln_set_print's hook (NULL: stdout) */
    void *print_arg;
    _Atomic uint64_t interrupts;  /* kiln_interrupt's count: a call started at count n stops when it changes */
    atomic_uint cache_stores;
};

/* dispatch.c */
Spec *jit_spec_get(kiln_ctx *ctx, kiln_func *fn, const Type **args, int nargs, kiln_error *err);
void jit_discard_since(kiln_ctx *ctx, Spec *mark);
void jit_discard_guessed(kiln_ctx *ctx, Spec *mark);
int jit_bind_defaults(struct kiln_func *fn, const kiln_value *args, int nargs, kiln_value *full, kiln_value *pool, kiln_error *err);
/* an API entry's arguments checked (what: the entry, for the message) and, with some left out, their defaults bound
 * into full (pool: their tuples' items): the arguments to use (*nargs updated), or NULL with err */
const kiln_value *jit_api_args(struct kiln_func *fn, const kiln_value *args, int *nargs, kiln_value *full, kiln_value *pool,
                               const char *what, kiln_error *err);
void jit_func_free(struct kiln_func *fn);
uint32_t jit_sig_encode(const Type *t, uint32_t *codes, uint32_t n);
const Type *jit_type_of_value(kiln_ctx *ctx, const kiln_value *v);
void jit_log(kiln_ctx *ctx, const char *fmt, ...) PRINTF_LIKE(2, 3);
void jit_log_parallel(void *ctx, const char *body, int64_t trip, int64_t chunks, int64_t tasks, int threads, const char *why);
void jit_vlog(kiln_ctx *ctx, const char *fmt, va_list ap);

/* fix.c: static arguments and shapes */
bool jit_fixing(const struct kiln_func *fn);  /* calls of fn make the longer key */
/* append the static values' and shapes' words to codes[0..n): the new length, or UINT32_MAX with err */
uint32_t jit_fix_key(struct kiln_func *fn, const FixPlan *plan, const kiln_value *args, int nargs, uint32_t *codes, uint32_t n,
                     kiln_error *err);
/* s->u.fix from the arguments: 0, or -1 out of memory */
int jit_fix_table(Spec *s, const FixPlan *plan, const kiln_value *args, int nargs);
/* the spec of fn for these arguments with what plan fixes: found or compiled now (takes the context lock) */
Spec *jit_spec_fixed(struct kiln_func *fn, const FixPlan *plan, const kiln_value *args, int nargs, kiln_error *err);

/* speculate.c: shape speculation in tier auto */
void jit_speculate_watch(Spec *s, const kiln_value *args, int nargs); /* a new spec: profile it when it may pay */
Spec *jit_speculate(Spec *s, const kiln_value *args, int nargs);      /* the spec to run this call */
void jit_speculate_text(const Spec *s, char *buf, size_t cap);        /* its state, for kiln explain ("" if unwatched) */
void jit_fix_param_text(const Spec *s, int i, char *buf, size_t cap);
void jit_fix_explain(kiln_ctx *ctx, Spec *s, Spec *prev);

/* llvm_load.c: tier 2, loaded on first use */
const struct Backend *jit_llvm_backend(kiln_ctx *ctx, kiln_error *err);
void jit_llvm_lib_identity(char *buf, size_t cap); /* the tier library's path, size and mtime */
void jit_llvm_unload(kiln_ctx *ctx);

/* tier.c: counters, the background compiler, OSR */
void jit_tier_init(kiln_ctx *ctx);
void jit_tier_stop(kiln_ctx *ctx);              /* join the worker; queued jobs are dropped */
bool jit_tier_enabled(kiln_ctx *ctx, Spec *s);  /* tier-1 code of s counts calls and iterations */
void jit_tier_budget(kiln_ctx *ctx, int64_t *budget, int64_t *per_call);
void jit_tier_request(Spec *s, int32_t header);  /* queue s (or its loop entry) for tier 2 */
int64_t jit_tier_hot(Spec *s, int32_t header, void *frame, void *ret, void *run);
void jit_tier_called(Spec *s, const kiln_value *args, int nargs); /* a first call: the cost estimate */

/* lit.c: compile-time constant values */
Lit *jit_lit_eval(kiln_module *m, Node *n, Diag *d);
/* jit_lit_eval for a whole module constant or default: tuples at most KILN_CONST_TUPLE_MAX items */
Lit *jit_lit_value(kiln_module *m, Node *n, Diag *d);
Lit *jit_lit_lookup(kiln_module *m, const char *name);

/* compile.c: the pipeline for one spec (infer -> passes -> tier) */
int jit_compile(kiln_ctx *ctx, Spec *s, kiln_error *err);
/* what a backend gets for compiling s in ctx: settings, logger, tier-up budget and hook (back/back.h) */
struct BackEnv;
void jit_back_env(kiln_ctx *ctx, Spec *s, struct BackEnv *env);

/* explain.c: print what the compiler did for one signature */
/* effects.c: straight-line scalar code (bounded run time); a read-only array argument the code may
 * write into: -1 with NumPy's ValueError in err */
bool jit_spec_bounded(Spec *s);
/* whether s's code calls kernels (then a call needs the stack floor that RecursionError checks against) */
bool jit_spec_calls(Spec *s);
int jit_readonly_refused(Spec *s, const kiln_value *args, int nargs, kiln_error *err);
/* the frozen copy of a module array constant (ALLOC_FROZEN) that f's code, or a kernel it calls, may
 * write into, and the line of that write; 0 if none (effects.c) */
Ref jit_frozen_written(Func *f, uint32_t *line);
/* whether any argument (or tuple item) is a read-only array: inline, since every call asks and
 * nearly every answer is no */
static inline bool jit_any_readonly(const kiln_value *args, int nargs) {
    for (int i = 0; i < nargs; i++) {
        if (args[i].kind == KILN_ARRAY && (args[i].flags & KILN_ARRAY_READONLY)) return true;
        if ((args[i].kind == KILN_TUPLE || args[i].kind == KILN_LIST) && jit_any_readonly(args[i].v.items, args[i].n)) return true;
    }
    return false;
}
int jit_explain(kiln_func *fn, const kiln_value *args, int nargs, FILE *out, const char *pass, bool asm_only, kiln_error *err);

/* compile.c: type s and build its IR (lowering, with the environment the driver gives it) */
int jit_lower(kiln_ctx *ctx, Spec *s, kiln_error *err);

#endif
