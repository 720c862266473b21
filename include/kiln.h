/*
 * kiln.h — the whole public C API of kiln, a JIT compiler for numeric kernels.
 *
 * A kernel is a function in a statically typed subset of Python (docs/language.md).
 * kiln specializes each function on the types of the arguments it is called with,
 * compiles the specialization once, keeps it in a per-function cache and runs it.
 *
 * Lifecycle:
 *   kiln_ctx *ctx = kiln_ctx_new(NULL);                  // defaults + KILN_* environment
 *   kiln_module *m = kiln_load_file(ctx, "k.py", &err);  // parse; errors in err
 *   kiln_func *f = kiln_lookup(m, "saxpy");
 *   kiln_value args[3] = { kiln_float(2.0), kiln_arr(&x), kiln_arr(&y) };
 *   kiln_value res;
 *   if (kiln_call(f, args, 3, &res, &err) != 0) fprintf(stderr, "%s\n", err.message);
 *   kiln_value_free(&res);                               // frees owned arrays/tuples
 *   kiln_ctx_free(ctx);                                  // frees modules and code
 *
 * Thread safety: a context may be used from many threads at once (calls, loads,
 * lookups). Two contexts share nothing. No function keeps global state.
 */
#ifndef KILN_H
#define KILN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define KILN_VERSION "0.1.0"
#define KILN_MAXDIM 8 /* the highest array rank kiln accepts */

/* Element and scalar types, in NumPy's order of kinds. */
typedef enum kiln_dtype {
    KILN_BOOL,
    KILN_INT8, KILN_INT16, KILN_INT32, KILN_INT64,
    KILN_UINT8, KILN_UINT16, KILN_UINT32, KILN_UINT64,
    KILN_FLOAT32, KILN_FLOAT64,
    KILN_COMPLEX64, KILN_COMPLEX128,
    KILN_NDTYPE
} kiln_dtype;

/* Which tier runs a call. AUTO (the default): a new signature is compiled by
 * the baseline tier at once; code that gets hot (calls and loop iterations,
 * tunables tier2_calls / tier2_loops) is compiled by LLVM on a background
 * thread and swapped in, and a long-running loop jumps into it mid-call (OSR).
 * INTERP, BASELINE and OPT force one tier. */
typedef enum kiln_tier {
    KILN_TIER_AUTO, KILN_TIER_INTERP, KILN_TIER_BASELINE, KILN_TIER_OPT
} kiln_tier;

/* Log channels (bit set), also set by KILN_LOG=recompiles,compiles,... */
enum { KILN_LOG_RECOMPILES = 1, KILN_LOG_COMPILES = 2, KILN_LOG_TIERS = 4, KILN_LOG_OSR = 8, KILN_LOG_CACHE = 16,
       KILN_LOG_PARALLEL = 32 /* each parallel loop: iterations, chunks, tasks, threads, or why it ran serially */ };

typedef struct kiln_options {
    kiln_tier tier;        /* default KILN_TIER_AUTO */
    int boundscheck;       /* 1 (default): out-of-range indices raise IndexError */
    unsigned log;          /* KILN_LOG_* bits; default from KILN_LOG */
    FILE *log_file;        /* where log lines go; default stderr */
    const char *cache_dir; /* the disk cache's directory; default $KILN_CACHE_DIR, else $XDG_CACHE_HOME/kiln,
                            * else ~/.cache/kiln (created mode 0700) */
    int disk_cache;        /* 1 (default): tier-2 code is kept in and loaded from the disk cache
                            * (KILN_CACHE=0 in the environment turns it off too) */
    int max_recursion;     /* kernel call depth before RecursionError; default 1000 */
    int keep_llvm_ir;      /* 1: keep the LLVM IR and assembly of tier-2 code (for kiln explain --llvm) */
    int opt_level;         /* tier 2's LLVM pipeline for loops over arrays: 2 (default<O2>, the default) or 3 */
    int fastmath;          /* 1: tier 2 may reassociate float arithmetic (vectorized reductions);
                            * results may then differ from the other tiers in the last bits */
    int parallel;          /* 1: a statement `x = <elementwise array expression>` over at least the tunable
                            * parallel_min elements is split by rows across threads (results unchanged:
                            * docs/parallel.md). prange loops run on threads with or without it */
} kiln_options;

/* An array descriptor. It aliases memory owned by whoever filled it in:
 * kiln never frees an argument's data. Strides are in bytes, as in NumPy. */
typedef struct kiln_array {
    void *data;
    kiln_dtype dtype;
    int32_t ndim;
    int64_t shape[KILN_MAXDIM];
    int64_t strides[KILN_MAXDIM];
} kiln_array;

typedef enum kiln_kind { KILN_NONE, KILN_SCALAR, KILN_ARRAY, KILN_TUPLE, KILN_LIST, KILN_DICT, KILN_SET, KILN_RNG, KILN_STR } kiln_kind;

/* A tagged value: an argument or a result.
 * Scalars carry a dtype and whether they are Python scalars (int, float,
 * complex, bool: "weak" under NumPy 2 promotion) or NumPy scalars (np.float32…).
 * Results own their arrays and tuple items: release them with kiln_value_free.
 * A list (KILN_LIST: n items in v.items, all of one type; a list of lists nests; arrays of one dtype and rank,
 * C-ordered or strided, whose memory the call uses as it is) is copied into the call: the kernel works on its
 * own list (of the same arrays). Where the caller wants to see what the kernel did to it (Python's list.append
 * and item updates are visible to the caller), base points to a kiln_value that receives the list's final
 * items after the call (a list the caller owns: kiln_value_free); base NULL: the changes are dropped.
 * A dict (KILN_DICT) has n entries: v.items holds 2n values, key and value in turn, in insertion order; keys are
 * numbers or tuples of them, of one type, values of one type (what a list holds). As an argument it is copied into
 * the call as a list is, and base (as a list's) receives its final entries. A collections.defaultdict is a dict whose
 * py is its default factory (kiln_factory: KILN_FACTORY_INT ...; 0 a plain dict), as an argument and as a result.
 * A set (KILN_SET) has n keys (numbers or tuples of them, of one type) in v.items, in the order
 * CPython's set iterates them; as an argument its base, when not NULL, points to a kiln_set_io (below).
 * A string (KILN_STR) is n bytes of UTF-8 at v.s (no NUL needed; a result's has one after them and is owned).
 * A named tuple (collections.namedtuple's) is a KILN_TUPLE whose base points to a kiln_tuple_names (below) naming its
 * class and its n fields; base NULL: a plain tuple. A result's names are its own (kiln_value_free frees them).
 * A collections.deque is a KILN_LIST whose py is KILN_SEQ_DEQUE, or KILN_SEQ_DEQUE_BOUNDED with its maxlen in maxlen
 * (a bounded deque holds at most maxlen items), as an argument and as a result. */
typedef struct kiln_value {
    uint8_t kind;   /* kiln_kind */
    uint8_t dtype;  /* kiln_dtype, for scalars */
    uint8_t py;     /* 1: a Python scalar (int/float/complex/bool) */
    uint8_t owned;  /* 1: arr/tuple memory belongs to this value */
    int32_t n;      /* tuple or list length */
    void *base;     /* arrays returned by kiln: the buffer this value holds a reference to */
    union {
        int64_t i;       /* bool and signed ints (sign-extended) */
        uint64_t u;      /* unsigned ints */
        double f;        /* float64, and float32 widened */
        double c[2];     /* complex128, and complex64 widened */
        kiln_array *arr; /* arrays */
        struct kiln_value *items; /* tuples and lists */
        char *s;         /* strings: UTF-8 */
    } v;
    uint32_t flags; /* arguments: KILN_ARRAY_READONLY on an array whose memory must not be written: a kernel
                     * that may write into it is refused with NumPy's ValueError "assignment destination
                     * is read-only" before it runs (kiln_arr and {0} leave it 0) */
    int32_t maxlen; /* a KILN_LIST of py KILN_SEQ_DEQUE_BOUNDED: the deque's maxlen (0 or more) */
} kiln_value;

/* a KILN_LIST's kind (its kiln_value.py): a list, or a collections.deque without or with a maxlen */
typedef enum kiln_seq { KILN_SEQ_LIST, KILN_SEQ_DEQUE, KILN_SEQ_DEQUE_BOUNDED } kiln_seq;

/* a defaultdict's default factory (kiln_value.py of a KILN_DICT): what a missing key read is given */
typedef enum kiln_factory { KILN_FACTORY_NONE, KILN_FACTORY_INT, KILN_FACTORY_FLOAT, KILN_FACTORY_BOOL, KILN_FACTORY_COMPLEX,
                            KILN_FACTORY_STR, KILN_FACTORY_LIST, KILN_FACTORY_SET,
                            KILN_FACTORY_COUNTER, /* a collections.Counter: int counts; a missing key reads 0 and is not added */
                            KILN_FACTORY_COUNT } kiln_factory;

/* a named tuple's class: its name and the names of its fields (n: the tuple's length), ASCII identifiers */
typedef struct kiln_tuple_names {
    const char *name;
    const char *const *fields;
} kiln_tuple_names;

/* NumPy's Generator over a PCG64 bit generator, as an argument (KILN_RNG): base points to the caller's PCG64 state
 * (NumPy's bit_generator.state: the 128-bit state and increment, and the 32-bit half kept for the next bounded draw),
 * which the kernel draws from and which holds the advanced state after the call, also after a call that raised (as
 * a NumPy Generator has advanced by what was drawn before an error). */
typedef struct kiln_pcg64 {
    uint64_t state_hi, state_lo, inc_hi, inc_lo;
    int has_uint32;
    uint32_t uinteger;
} kiln_pcg64;

/* A set's hash table. A set iterates in its table's order, so kiln hands tables over with sets: a set result
 * (KILN_SET, owned) has its table in base (kiln_value_free frees it; NULL where the set holds a NaN, whose CPython
 * hash is its object's), so the caller can rebuild the very table and go on iterating, growing and popping as CPython
 * would; slots (mask + 1 of them, CPython's PySetObject layout) gives the index in v.items of the key in each table
 * slot, -1 for an empty slot, -2 for a dummy (a deleted key's); fill and finger are CPython's. */
typedef struct kiln_set_table {
    int64_t mask, fill, finger;
    int32_t *slots;
} kiln_set_table;

/* A set argument's base, when not NULL: the caller's table (slots NULL: none; a table whose keys are not where
 * kiln's hashes, which are Python's, lead: ignored), from which the kernel's set starts, else the keys are added in
 * v.items' order; and out, NULL or where the set's final keys (with their table) go when the kernel changed it. */
typedef struct kiln_set_io {
    int64_t mask, fill, finger;
    const int32_t *slots;
    kiln_value *out;
} kiln_set_io;
enum { KILN_ARRAY_READONLY = 1 };

/* Errors: compile errors (kind KILN_ERR_COMPILE, with a column and the source
 * line), runtime errors (KILN_ERR_RUNTIME, ename like "ZeroDivisionError"),
 * and usage errors (KILN_ERR_USAGE: bad arguments, unknown function, I/O). */
typedef enum kiln_errkind { KILN_OK, KILN_ERR_COMPILE, KILN_ERR_RUNTIME, KILN_ERR_USAGE } kiln_errkind;

typedef struct kiln_error {
    kiln_errkind kind;
    char file[256];     /* kernel file name ("" when none) */
    int line, col;      /* 1-based; 0 when unknown */
    char ename[32];     /* runtime: Python exception class name */
    char message[512];  /* the message, without file/line */
    char source[256];   /* compile: the offending source line */
} kiln_error;

typedef struct kiln_ctx kiln_ctx;
typedef struct kiln_module kiln_module;
typedef struct kiln_func kiln_func;

/* Per-function statistics; times in nanoseconds, summed over specializations. */
typedef struct kiln_stats {
    uint64_t calls;          /* completed calls (hits + misses) */
    uint64_t specializations;/* signatures compiled */
    uint64_t ns_infer;       /* type inference and IR building */
    uint64_t ns_opt;         /* IR passes */
    uint64_t ns_codegen;     /* lowering for the executing tier */
    uint64_t ir_instructions;/* IR instructions after the passes, summed */
    uint64_t native_bytes;   /* machine code generated by the baseline tier */
    uint64_t calls_interp;   /* top-level calls by the tier their code was in when they started */
    uint64_t calls_baseline;
    uint64_t calls_opt;
    uint64_t tier_ups;       /* specializations moved to tier 2 in the background (tier auto) */
    uint64_t ns_tier2;       /* background tier-2 compile time (whole functions and OSR entries) */
    uint64_t ns_queue;       /* time tier-2 jobs waited in the queue */
    uint64_t osr_compiles;   /* loop entries compiled for on-stack replacement */
    uint64_t osr_entries;    /* times a running tier-1 loop jumped into tier-2 code */
    uint64_t interp_only;    /* signatures past spec_limit / global_spec_limit, run by the interpreter */
    uint64_t fixed_specs;    /* specializations keyed on static values or shapes (those speculated on too) */
    uint64_t speculations;   /* shape variants tier auto compiled on its own (speculate) */
    uint64_t guard_hits;     /* calls a speculation's guard let into its variant */
    uint64_t guard_misses;   /* calls it turned away (they ran the generic code) */
} kiln_stats;

void kiln_options_init(kiln_options *o);
kiln_ctx *kiln_ctx_new(const kiln_options *o); /* NULL: defaults; returns NULL on OOM */
void kiln_ctx_free(kiln_ctx *ctx);

/* Load a module. name is used in messages. Returns NULL with *err filled in. */
kiln_module *kiln_load_source(kiln_ctx *ctx, const char *name, const char *src, size_t len, kiln_error *err);
kiln_module *kiln_load_file(kiln_ctx *ctx, const char *path, kiln_error *err);

kiln_func *kiln_lookup(kiln_module *m, const char *name); /* NULL if absent */
const char *kiln_func_name(const kiln_func *f);
int kiln_func_nparams(const kiln_func *f);
const char *kiln_func_param(const kiln_func *f, int i);
/* a def(x, *args, key=1): the index of its *args parameter (-1: none) and of its first keyword-only parameter (the
 * one after *args or a bare *; -1: none). kiln_call passes such a function's arguments by position: those past the
 * parameters before *args become the *args tuple, and the keyword-only parameters take their defaults */
int kiln_func_vararg(const kiln_func *f);
int kiln_func_kwonly(const kiln_func *f);
/* 1 when the kernel calls a method only Python lists have (append, extend, insert, pop, remove, index, count,
 * clear, reverse) on parameter i or on an item of it: kiln run reads a [...] argument for it as a list */
int kiln_func_param_is_list(const kiln_func *f, int i);
/* the default of parameter i into *out (tuples: items owned, kiln_value_free);
 * -1 if the parameter has none */
int kiln_func_default(const kiln_func *f, int i, kiln_value *out);

/* Call f. Specializes and compiles on the first call with a new signature.
 * Returns 0 and fills *result, or -1 and fills *err. args alias caller memory. */
int kiln_call(kiln_func *f, const kiln_value *args, int nargs, kiln_value *result, kiln_error *err);

/* What `kiln explain` prints for a call with these arguments, to out: the signature and key, the
 * types of the locals, the typed IR as built and after each pass (or only after the pass named by
 * what = "after:PASS"), the interpreter's code and the baseline tier's x86-64 (what = "asm": only
 * that); in a context with keep_llvm_ir, tier 2's LLVM IR and machine code too. It compiles and
 * runs the call once (a run-time error still shows the code). 0, or -1 with err. */
int kiln_explain(kiln_func *f, const kiln_value *args, int nargs, FILE *out, const char *what, kiln_error *err);

/* kiln_call with hooks around whatever may take long: a compile, and running a specialization
 * that has a loop, a call, a library routine or an array allocation. Straight-line scalar code
 * (x * x + 2 * x + 1) runs between no hooks: it takes tens of nanoseconds, less than the hooks.
 * The Python package releases the GIL in them. release's result is handed to reacquire.
 * The hooks release a lock the caller holds: calls made under it are taken to be serial (their
 * per-tier call counts are bumped without a locked add; a count can be lost only if another
 * caller, outside that lock, runs the same specialization at the same moment). */
typedef struct kiln_call_hooks { void *(*release)(void); void (*reacquire)(void *); } kiln_call_hooks;
int kiln_call_hooked(kiln_func *f, const kiln_value *args, int nargs, kiln_value *result, kiln_error *err,
                     const kiln_call_hooks *hooks);
/* kiln_call_hooked with the arguments already bound as Python binds a call's positional and keyword arguments: one
 * per parameter (nargs = kiln_func_nparams(f)), a *args parameter's a KILN_TUPLE of the extra positional ones, the
 * keyword-only parameters' values after it (kiln_func_default for those not given). kiln_call binds by position
 * only, its keyword-only parameters taking their defaults; the Python package binds keywords through this. */
int kiln_call_bound(kiln_func *f, const kiln_value *args, int nargs, kiln_value *result, kiln_error *err,
                    const kiln_call_hooks *hooks);

/* ---- CUDA kernels (docs/gpu.md): Numba's programming model (cuda.grid, cuda.threadIdx.x, shared arrays,
 * atomics ...), launched over a grid of blocks of threads, on an NVIDIA GPU or on the CPU ----
 * kiln_launch specializes f on the arguments as kiln_call does and runs it once per thread; f returns None.
 * KILN_DEVICE_CUDA: array arguments hold device pointers (kiln_cuda_malloc, or another library's memory:
 * CuPy, PyTorch); the kernel is compiled to PTX by the LLVM tier and to the GPU's binary by the CUDA driver
 * (libcuda.so.1, opened at the first GPU call: without it, "no CUDA driver"), kept in memory and in the disk
 * cache; the launch waits for the kernel and raises what it raised (IndexError naming the line ...).
 * KILN_DEVICE_CPU: host memory; every thread runs in turn on the calling thread (at syncthreads the block's
 * next thread runs): the reference the GPU's results are tested against. */
typedef enum kiln_device { KILN_DEVICE_CPU = 0, KILN_DEVICE_CUDA = 1 } kiln_device;
typedef struct kiln_launch_cfg {
    kiln_device device;
    unsigned grid[3];      /* blocks along x, y, z (0: 1) */
    unsigned block[3];     /* threads of a block along x, y, z (0: 1): at most 1024 in all */
    unsigned shared_bytes; /* dynamic shared memory per block (CUDA; kiln's kernels use static shared arrays) */
    void *stream;          /* CUDA: a CUstream of the current context (NULL: the default stream) */
} kiln_launch_cfg;
int kiln_launch(kiln_func *f, const kiln_launch_cfg *cfg, const kiln_value *args, int nargs, kiln_error *err);
/* CUDA memory in the primary context of device 0 (the one CuPy, PyTorch and Numba use): 0, or -1 with err */
enum { KILN_COPY_H2D, KILN_COPY_D2H, KILN_COPY_D2D };
int kiln_cuda_malloc(kiln_ctx *ctx, size_t bytes, void **dptr, kiln_error *err);
int kiln_cuda_free(kiln_ctx *ctx, void *dptr, kiln_error *err);
int kiln_cuda_copy(kiln_ctx *ctx, void *dst, const void *src, size_t bytes, int kind, kiln_error *err);
/* the GPU: 0 with its name, compute capability and driver version in info ("NVIDIA H200, sm_90, CUDA driver
 * 13.0"), or -1 with why in err (no driver, no device) */
int kiln_cuda_info(kiln_ctx *ctx, char *info, size_t cap, kiln_error *err);
/* the PTX f compiles to for these arguments and this architecture ("sm_90"; NULL: the GPU's, else sm_80),
 * malloc'd into *ptx; needs no GPU. 0, or -1 with err */
int kiln_cuda_ptx(kiln_func *f, const kiln_value *args, int nargs, const char *arch, char **ptx, kiln_error *err);

/* Specialize and compile f for the types of args without running it (their
 * values are not read; arrays need only dtype, ndim, shape and strides). With
 * tier opt this writes the disk cache: the "prewarm at deploy time" step. */
int kiln_compile(kiln_func *f, const kiln_value *args, int nargs, kiln_error *err);

/* Compile-time specialization (docs/specialization.md); set before calls of f start.
 * kiln_func_set_static(f, i, on): the value of parameter i (a number, a bool, None or a tuple of them) is part
 * of the specialization key and a constant in the code compiled for it: range(k) has a constant trip count,
 * np.zeros(k) a constant shape, branches on it fold. i = -1: every parameter whose argument is such a value
 * (arrays and lists stay ordinary). An array or a list given for a parameter made static by index is an error
 * at the call.
 * kiln_func_set_static_shape(f, i, axes): the lengths of these axes (bit k: axis k; KILN_ALL_AXES) of array
 * parameter i (-1: every array parameter; 0: none) are part of the key and constants in the code: loops over
 * them have constant trip counts, their bounds checks are decided at compile time.
 * The tunable static_shapes = 1 does this for every function of a context.
 * Past spec_limit keys with static values or shapes, a function's further calls run one generic
 * specialization that takes them as ordinary arguments (said under KILN_LOG=recompiles).
 * Both return 0, or -1 for a parameter f does not have. */
#define KILN_ALL_AXES 0xffu
int kiln_func_set_static(kiln_func *f, int param, int on);
int kiln_func_set_static_shape(kiln_func *f, int param, unsigned axes);
int kiln_func_param_index(const kiln_func *f, const char *name); /* -1 if f has no such parameter */

void kiln_func_stats(const kiln_func *f, kiln_stats *out);
/* the i-th signature f has been compiled for (0 the oldest), as "(float, array(float64, 1d, C)) -> float";
 * the length written (snprintf's), or -1 past the last */
int kiln_func_signature(const kiln_func *f, int i, char *buf, size_t cap);

/* Tunables (thresholds and limits, listed with units in docs/api.md): a context
 * starts from the defaults, then KILN_<NAME> environment variables
 * (KILN_TIER2_CALLS=10). Set them before the first call.
 * Return 0, or -1 for an unknown name or a negative value. */
int kiln_set_tunable(kiln_ctx *ctx, const char *name, int64_t value);
int kiln_get_tunable(const kiln_ctx *ctx, const char *name, int64_t *value);

/* Wait until no tier-2 compile is queued or running (tier auto); for tests and
 * benchmarks that want the steady state. Returns at once in other tiers. */
void kiln_wait_idle(kiln_ctx *ctx);

/* Interrupt every call of this context that is running now: each raises KeyboardInterrupt
 * (kiln_error.ename) at its next check, and the functions stay callable; calls started later
 * are not affected. Safe from a signal handler (one atomic increment) and from any thread.
 * Checked at every loop back edge and call in the interpreter and the baseline tier, and in
 * tier-2 code at calls (every 16th level of a direct self-recursion), the back edges of loops
 * that contain a call (a call of a small scalar kernel the compiler replaced by its body is no
 * call here) and the entries of loops inside another loop: an innermost call-free loop compiled by LLVM finishes
 * its run first (a check there would stop LLVM from vectorizing it), so does a trip of a call-free loop that enters
 * no loop inside it, and so does a call-free nest of loops with constant trip counts
 * of at most 65,536 inner iterations in all (range(8) over a static shape: LLVM unrolls it whole). */
void kiln_interrupt(kiln_ctx *ctx);
/* where print() in a kernel writes: fn(arg, text, n) gets each print()'s whole output (items, separators and the
 * end); by default (fn NULL) stdout. Set it before calls start; it may be called from any thread that calls a
 * kernel. */
void kiln_set_print(kiln_ctx *ctx, void (*fn)(void *arg, const char *text, size_t n), void *arg);

/* Value constructors. */
kiln_value kiln_int(int64_t x);           /* Python int */
kiln_value kiln_float(double x);          /* Python float */
kiln_value kiln_complex(double re, double im);
kiln_value kiln_bool(int b);
kiln_value kiln_none(void);
kiln_value kiln_scalar(kiln_dtype t, const void *p); /* a NumPy scalar read from *p */
kiln_value kiln_arr(kiln_array *a);       /* borrows a */
kiln_value kiln_list(kiln_value *items, int n); /* borrows items */
void kiln_value_free(kiln_value *v);      /* frees what v owns; v becomes None */

/* Array helpers. */
size_t kiln_dtype_size(kiln_dtype t);
const char *kiln_dtype_name(kiln_dtype t); /* "float64" … */
int kiln_array_is_c_contiguous(const kiln_array *a);

/* Print v as CPython prints repr() of the equivalent Python value
 * (arrays as their .tolist()). Returns bytes written (snprintf rules). */
int kiln_value_repr(const kiln_value *v, char *buf, size_t cap);
int kiln_value_print(const kiln_value *v, FILE *out);

/* Format err like the CLI: "file:line:col: error: msg\n  src\n  ^" or
 * "file:line: Ename: msg". */
int kiln_error_format(const kiln_error *err, char *buf, size_t cap);

/* .npy files (version 1.0/2.0/3.0, little-endian, C or Fortran order).
 * kiln_npy_load allocates data (free with kiln_array_free_data). */
int kiln_npy_load(const char *path, kiln_array *out, kiln_error *err);
int kiln_npy_save(const char *path, const kiln_array *a, kiln_error *err);
void kiln_array_free_data(kiln_array *a);

#ifdef __cplusplus
}
#endif
#endif
