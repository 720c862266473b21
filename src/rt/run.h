/*
 * run.h — what a running call needs: the value slots every tier's generic
 * entry uses, reference-counted array buffers, and the per-call state (depth,
 * buffers created, the error raised).
 *
 * Slot layout of values: a scalar is one 8-byte slot (complex128 two); an
 * array of rank r is 1 + 2r slots: data pointer, then shape, then strides in
 * bytes. Descriptors are values, so views and arrays in variables never
 * allocate; only array data does, in RtBufs owned by the call until returned.
 */
#ifndef KILN_RUN_H
#define KILN_RUN_H

#include "../base/base.h"
#include "../types/type.h"
#include "../../include/kiln.h"
#include "arith.h"
#include <stdatomic.h>

typedef union Slot {
    int64_t i;
    uint64_t u;
    double f;
    float f32;
    float c64[2];
    void *p;
} Slot;

typedef struct RtBuf {
    atomic_long refs;
    size_t size;
    size_t mapped;     /* bytes of its own mapping (large arrays, transparent huge pages), 0: malloc'd */
    _Alignas(16) unsigned char data[]; /* calloc's alignment: fresh pages stay untouched */
} RtBuf;

/* bytes every array buffer has past its last element: a[mask]'s compaction (ALLOC_PAST, ir/ir.h) stores each
 * element at the next free index, one past the end after the last True, and vector loops may read that far */
enum { RT_BUF_SLACK = 64 };

void rt_buf_free(RtBuf *b);

/* A Python list made or converted by a call. Its first three words are the 1-d array its items
 * form (data, length, item size in bytes), so OP_LVIEW reads a list's view as three loads. Lists
 * belong to the call (Run.lists) and are freed with it; a list of lists stores its lists' addresses.
 * The items need not start their allocation: a pop(0) (a deque's popleft) moves data one item on
 * and an insert(0) (appendleft) one item back into room left before them, in O(1); head is how
 * many bytes before data the allocation starts, cap counts the items from data on. A bounded
 * collections.deque (a T_LIST of LIST_DEQUE layout, deque(maxlen=k)) has bound k + 1 and never
 * holds (or has room for: cap + head / item <= k) more than k items, so an append finding
 * len < cap needs no other test; bound is 0 for every list and unbounded deque. */
typedef struct RtList {
    void *data;
    int64_t len;
    int64_t item;
    int64_t cap;
    int64_t head;
    int64_t bound;
} RtList;
_Static_assert(offsetof(RtList, len) == 8 && offsetof(RtList, item) == 16, "an RtList starts with its items' 1-d view");
_Static_assert(offsetof(RtList, cap) == 24 && offsetof(RtList, head) == 32 && offsetof(RtList, bound) == 40,
               "tier 2's inline append and pop(0) read and write cap, head and bound");

/* A Python dict made by a call: its entries in insertion order as two lists (a deletion closes the gap), and an
 * open-addressing index into them (entry + 1; 0 empty). Keys first: OP_LVIEW of a dict reads its keys' view. */
typedef struct RtDict {
    RtList keys, vals;
    int64_t *index;
    int64_t nindex;   /* a power of two, more than twice the entries */
} RtDict;

/* A Python set made by a call: CPython 3.11's open-addressing table, kept by setobject.c's own algorithms (probe
 * sequence, resizes, dummies, which operand an operation walks) so that a set iterates in the order CPython's does.
 * table: mask + 1 entries of `stride` bytes, each its key's hash (CPython's), its state (SET_EMPTY, SET_ACTIVE,
 * SET_DUMMY) and the key as a list item stores it. `items` lists the keys in table order for what reads them in turn
 * (loops, print, results): rebuilt when the set changed since (version != seen). `popped` holds pop()'s key. */
typedef struct RtSet {
    RtList items, popped;
    unsigned char *table;
    int64_t mask, fill, used, finger;   /* setobject.c's: fill counts dummies too; pop() starts at the finger */
    int64_t key, stride;                /* bytes of a key, of an entry */
    uint64_t version, seen;
    int plain;                          /* 1: keys compare bytewise (integers), 0: by value, -1: not known yet */
} RtSet;
enum { SET_EMPTY, SET_ACTIVE, SET_DUMMY };

/* NumPy's Generator (np.random.default_rng, rt/pcg64.c): a PCG64 state, made by a call */
typedef struct RtRng {
    unsigned __int128 state, inc;
    bool has32;        /* a 32-bit draw left over from the last 64-bit one (NumPy's has_uint32 / uinteger) */
    uint32_t half;
} RtRng;

/* a CUDA kernel's thread as the CPU runs it (jit/launch.c): its registers, and its block (one RtGpuBlock every
 * thread of the block points to): the block's shared arrays and the barrier (syncthreads: a switch to the block's
 * next thread; NULL: the launch runs its threads one after another, which a kernel without a barrier cannot tell
 * apart). back/gpu.c reads it; NULL outside a launch. */
typedef struct RtGpuShared { int64_t site, bytes; void *data; } RtGpuShared;
typedef struct RtGpuBlock {
    RtGpuShared *shared;   /* the block's shared arrays, by site (the launch frees them after the block) */
    int nshared, capshared;
    int64_t dyn_bytes;     /* the launch's dynamic shared memory (cuda.shared.array(0, dtype) views it) */
    int (*sync)(void *arg);/* 0 when every thread of the block reached the barrier */
    void *sync_arg;
} RtGpuBlock;
typedef struct RtGpu {
    int64_t reg[12];       /* threadIdx, blockIdx, blockDim, gridDim, x y z each (ir/gpu.h's GPU_TID_X order) */
    RtGpuBlock *block;
} RtGpu;

typedef struct Run {
    const int64_t *tune;   /* the context's tunables (TUNE_*: recursion limit, frame bytes on the stack) */
    int depth;
    uintptr_t stack_floor; /* a call whose frame would start below this raises RecursionError */
    const _Atomic uint64_t *intr; /* the context's interrupt count, and its value when the call began: */
    uint64_t epoch;               /* they differ once kiln_interrupt was called (KeyboardInterrupt) */
    VEC(RtBuf *) bufs;     /* heap vector: every buffer this call created */
    VEC(RtList *) lists;   /* heap vector: every list this call made */
    VEC(RtDict *) dicts;   /* and every dict */
    VEC(RtSet *) sets;     /* and every set */
    VEC(RtRng *) rngs;     /* and every Generator */
    struct { void *p; size_t bytes; } spare[8]; /* set tables a resize or a freed temporary let go, for the next of */
    int nspare;                                 /* their size (rt/set.c: fresh pages would fault in again) */
    VEC(struct RtExc *) saved; /* exceptions set aside while a finally clause runs (rt/exc.c), freed with the call */
    RtList *strpool[32];   /* strings nothing refers to any more (LIB_STR STR_FREE), made again by rt/str.c; they */
    int nstrpool;          /* stay in lists, which frees them with the call */
    RtList *ascii;         /* the 128 one-character ASCII strings, shared (strings are immutable), made when first
                            * wanted (rt/str.c: s[i], iteration, chr()); NULL: not yet */
    void (*print)(void *arg, const char *text, size_t n); /* where print() writes (NULL: stdout) */
    void *print_arg;
    struct RtPool *pool;   /* the context's threads for parallel loops (rt/pool.h); NULL: run them serially */
    RtGpu *gpu;            /* the CUDA thread this call is, under a CPU launch (NULL: none) */
    /* KILN_LOG=parallel: each parallel loop as it runs (tasks 0: serially, and why) */
    void (*log_par)(void *arg, const char *body, int64_t trip, int64_t chunks, int64_t tasks, int threads, const char *why);
    void *log_arg;
    int32_t osr_at;        /* the loop header a tier-1 call enters its OSR entry at (jit/tier.c; llvm.c's switch) */
    RtErr code;
    int line;
    const char *file;
    const char *ename;     /* for RE_RAISE / RE_INDEX */
    char msg[256];
} Run;

static inline int slots_of(const Type *t) {
    if (t->kind == T_ARRAY) return 1 + 2 * t->ndim;
    if (t->kind == T_SCALAR) return t->dtype == KILN_COMPLEX128 ? 2 : 1;
    if (ty_is_ref(t)) return 1;
    if (t->kind == T_TUPLE) {
        int n = 0;
        for (int i = 0; i < t->n; i++) n += slots_of(t->elems[i]);
        return n;
    }
    return 0;
}

/* the slots of a tuple's items before item k */
static inline int slots_of_before(const Type *t, int k) {
    int n = 0;
    for (int i = 0; i < k; i++) n += slots_of(t->elems[i]);
    return n;
}

/* a fresh call: tune and intr are the context's tunables and interrupt count; floor: the stack floor
 * of RecursionError (base_stack_floor()), or 0 for code that calls no kernel (it never checks it, and
 * the floor is a thread-local lookup on every call) */
void run_init(Run *r, const int64_t *tune, const _Atomic uint64_t *intr, uintptr_t floor);
static inline bool run_interrupted(const Run *r) {
    return atomic_load_explicit(r->intr, memory_order_relaxed) != r->epoch;
}
void run_release(Run *r);                 /* drop the call's references to buffers */
int run_raise(Run *r, RtErr code, int line, const char *file);
int run_raise_msg(Run *r, const char *cls, const char *msg, int line, const char *file); /* cls(msg), as raised; -1 */
int run_nomem(Run *r, const char *what, int line, const char *file); /* MemoryError: "out of memory <what>"; -1 */
bool run_adopt(Run *parent, Run *r);
/* allocate a zeroed C-contiguous array; writes its descriptor into out; -1 on error (raised) */
/* a new array of the shape; zeroed unless zero is false (the caller writes every element) */
int run_alloc(Run *r, int dtype, int ndim, const int64_t *dims, bool zero, Slot *out, int line, const char *file);
RtBuf *run_find_buf(Run *r, const void *data);
/* the buffer whose data starts at data, made by this call and proven unused from here (LIB_AFREE): let go
 * now rather than when the call returns (nothing when this call did not make it) */
void run_free_array(Run *r, const void *data);
/* the same for a list this call made (opt/arrfree.c: a list an iteration made and is done with): its items and
 * itself let go (the lists or strings it holds are the call's own, kept) */
void run_free_list(Run *r, RtList *l);
/* a new list of n zeroed items of `item` bytes (list.c); NULL with MemoryError raised */
RtList *run_list_new(Run *r, int64_t n, int64_t item, int line, const char *file);
/* room for n more items (an append, an insert, an extend); -1 with MemoryError raised */
int run_list_reserve(Run *r, RtList *l, int64_t n, int line, const char *file);
/* a list's items (list.c): a number as its dtype, a list as its address, a tuple as its leaves at 8 bytes a slot */
#define KILN_MAX_ITEM_SLOTS 64 /* slots of one item (a tuple's leaves) */
int64_t rt_item_size(const Type *t); /* bytes of one item of type t */
void rt_item_store(const Type *t, void *p, const Slot *v); /* an item from its slots */
void rt_item_load(const Type *t, const void *p, Slot *v);  /* an item into its slots */

/* loads and stores of one element in canonical slot form */
Slot rt_load_elem(const void *p, int dtype);
void rt_store_elem(void *p, int dtype, const Slot *v);
/* items 1 .. n-1 of the contiguous array at p (item bytes each) made copies of item 0: its filled prefix doubled,
 * log n memcpys (fills and reductions' identities) */
void rt_fill_copies(void *p, int64_t n, size_t item);

#endif
