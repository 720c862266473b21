/*
 * base.h — what every part of kiln uses: integer types, the arena, growable
 * vectors, interned-free string helpers, and the tunables table.
 *
 * Vectors are plain structs {ptr, len, cap} grown with vec_push; they live in
 * an arena (compile-time data) or on the heap (rt/ data that outlives a compile).
 */
#ifndef KILN_BASE_H
#define KILN_BASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <assert.h>
#include <pthread.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define UNUSED(x) ((void)(x))
#if defined(__GNUC__)
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define LIKELY(x) (x)
#define UNLIKELY(x) (x)
#endif

/* ---- arena: bump allocation, freed all at once ---- */
typedef struct ArenaBlock ArenaBlock;
typedef struct Arena {
    ArenaBlock *head;
    size_t used_total;
    bool failed; /* an allocation failed: the compile bails out with an error */
} Arena;

void arena_init(Arena *a);
void *arena_alloc(Arena *a, size_t n);   /* zeroed, 16-aligned; NULL on OOM */
void *arena_realloc(Arena *a, void *p, size_t old, size_t n);
char *arena_strndup(Arena *a, const char *s, size_t n);
void arena_free(Arena *a);

/* ---- vectors in an arena ---- */
#define VEC(T) struct { T *v; uint32_t n, cap; }
#define vec_grow(ar, vec, extra) \
    vec_grow_((ar), (void **)&(vec).v, &(vec).cap, (vec).n + (extra), sizeof(*(vec).v))
#define vec_push(ar, vec, x) \
    (vec_grow(ar, vec, 1) ? ((vec).v[(vec).n++] = (x), true) : false)
bool vec_grow_(Arena *a, void **p, uint32_t *cap, uint32_t need, size_t elem);

/* ---- heap vectors (runtime data) ---- */
bool hvec_grow_(void **p, uint32_t *cap, uint32_t need, size_t elem);
#define hvec_push(vec, x) \
    (hvec_grow_((void **)&(vec).v, &(vec).cap, (vec).n + 1, sizeof(*(vec).v)) \
         ? ((vec).v[(vec).n++] = (x), true) : false)

/* ---- hashing ---- */
uint64_t hash_bytes(const void *p, size_t n, uint64_t seed);
static inline uint64_t hash_mix(uint64_t h) {
    h ^= h >> 33; h *= 0xff51afd7ed558ccdULL; h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL; h ^= h >> 33; return h;
}

/* ---- monotonic clock ---- */
uint64_t clock_ns(void);

/* ---- shortest round-trip float repr, CPython's repr() rules ---- */
int fmt_double(double x, char *buf, size_t cap);           /* repr(float) */
int fmt_float32(float x, char *buf, size_t cap);           /* str(np.float32) */
int fmt_complex64(float re, float im, char *buf, size_t cap); /* str(np.complex64) */
/* the shortest digits that read back to x (x > 0 and finite; read as a float32 where f32), with decpt:
 * x ~= 0.DIG * 10^decpt (dig holds up to 17 digits and a NUL) */
void fmt_shortest(double x, bool f32, char *dig, int *decpt);
int fmt_complex(double re, double im, char *buf, size_t cap); /* repr(complex) */
double fmt_round_ndigits(double x, int64_t nd);             /* round(x, nd), correctly rounded */

/* ---- the thread's stack (stack.c): its low end plus a reserve (a quarter of it, at most 256 KiB) for
 * the runtime's own work; kernel calls below it raise RecursionError, the compiler's recursion
 * below it is a compile error ---- */
uintptr_t base_stack_floor(void);

/* ---- threads (thread.c): a background thread started on a CPU other than the caller's (the kernel would
 * start it on the caller's, sharing it until the next balancing tick), its stack of stack bytes (0: the
 * default); 0, or -1 when no thread was started ---- */
int base_thread_start_away(pthread_t *th, size_t stack, void *(*fn)(void *), void *arg);

/* ---- files (fileio.c): up to n bytes from fd, short reads and EINTR retried; the count read ---- */
size_t base_read_all(int fd, void *buf, size_t n);

/* ---- UTF-8 and Python's string escapes (utf8.c) ---- */
int utf8_put(uint32_t c, char *out); /* code point c as UTF-8 at out: its bytes (1 to 4) */
uint32_t utf8_code(const char *p, int n); /* the code point whose n bytes (1 to 4) start at p */
bool utf8_valid(const char *s, size_t n); /* well-formed UTF-8 (what a Python str encodes to) */
/* the escape at p (a backslash) of a string literal decoded into out (at most as many bytes as it is written with):
 * the bytes written, *used the bytes read; or UTF8_ESC_NONE (not an escape: the backslash stays), UTF8_ESC_BAD (a
 * malformed \x, \u, \U, or one beyond Unicode), UTF8_ESC_NUL (a NUL, *used set: kiln's literal texts are C strings) */
enum { UTF8_ESC_NONE = -1, UTF8_ESC_BAD = -2, UTF8_ESC_NUL = -3 };
int utf8_unescape(const char *p, const char *end, char *out, int *used);

/* ---- numbers as text, CPython's rules (numtext.c) ---- */
bool num_underscores_ok(const char *s, size_t n, int base, bool prefixed); /* a literal's digits: 1_000 yes, 1__0 no */
int num_py_float(const char *s, size_t n, double *out);                     /* float(s): 0, or -1 not a float */
int num_py_int(const char *s, size_t n, int64_t *out);                      /* int(s): 0, -1 invalid, -2 beyond int64 */
int num_py_int_base(const char *s, size_t n, int base, int64_t *out);       /* int(s, base), base 0 or 2..36: the same */

/* ---- tunables: one table, units and defaults (rt/tunables.c) ---- */
typedef enum {
    TUNE_MAX_RECURSION,    /* kernel frames before RecursionError */
    TUNE_MAX_SPECS,        /* specializations per function before refusing */
    TUNE_INFER_ROUNDS,     /* type-inference restarts before giving up */
    TUNE_FRAME_STACK_BYTES,/* interpreter frames up to this size live on the C stack */
    TUNE_BASELINE_MAX_IR,  /* functions with more IR instructions stay in the interpreter */
    TUNE_TIER2_MAX_IR,     /* functions with more IR instructions stay off LLVM */
    TUNE_TIER2_CALLS,      /* calls of a specialization before tier 2 (auto) */
    TUNE_TIER2_LOOPS,      /* loop iterations of a specialization before tier 2 (auto) */
    TUNE_TIER2_ABOVE_ELEMENTS, /* a call with this many array elements queues tier 2 at once */
    TUNE_OSR_POLL,         /* loop iterations between checks for tier-2 code */
    TUNE_OSR,              /* 1: long-running tier-1 loops jump into tier-2 code */
    TUNE_TIER2_QUEUE,      /* background compile jobs waiting at most */
    TUNE_TIER2_BACKGROUND, /* 1: tier 2 compiles on the worker thread; 0: in the calling thread */
    TUNE_TIER2_IDLE,       /* 1: the worker runs at idle priority (SCHED_IDLE) */
    TUNE_TIER2_DELAY_US,   /* tier-1 code runs at least this long before its first tier-up */
    TUNE_SPEC_LIMIT,       /* signatures per function compiled natively */
    TUNE_GLOBAL_SPEC_LIMIT,/* signatures per context compiled natively */
    TUNE_CACHE_MIN_COMPILE_US, /* tier-2 compiles shorter than this are not kept on disk */
    TUNE_CACHE_MIN_BYTES,  /* objects smaller than this are not kept on disk */
    TUNE_CACHE_MAX_BYTES,  /* the disk cache's size cap (least recently used entries go) */
    TUNE_CACHE_LOCK_WAIT_MS, /* how long to wait for another process compiling the same key */
    TUNE_STATIC_SHAPES,    /* 1: every array argument's shape is in the key and a constant in the code */
    TUNE_SPECULATE,        /* 1: tier auto speculates on the shapes a hot specialization always sees */
    TUNE_SPECULATE_CALLS,  /* calls profiled at least before speculating */
    TUNE_SPECULATE_MISSES, /* guard misses (over 1% of calls) before a speculation is dropped for good */
    TUNE_THREADS,          /* threads a parallel loop may use (0: the CPUs this process may use) */
    TUNE_PARALLEL_MIN,     /* iterations a prange loop with a light body needs before it uses threads */
    TUNE_CUDA_PRELOAD,     /* 1: opening the CUDA driver starts loading the LLVM tier on a background thread */
    TUNE_COUNT
} Tunable;
typedef struct { const char *name; const char *unit; int64_t dflt; const char *doc; } TunableInfo;
extern const TunableInfo tunables[TUNE_COUNT];
int tune_find(const char *name); /* index by name, -1 if none */

#endif
