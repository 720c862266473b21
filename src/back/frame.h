/*
 * frame.h — the frame layout every tier of a specialization shares, and the
 * operations on frames that are too long to inline (helpers called by the
 * interpreter's handlers and by native code alike).
 *
 * A frame is an array of 8-byte slots (rt/run.h gives the layout of values);
 * constants sit at the front, copied from a template at entry. Each tier
 * fills in an entry: the interpreter's code, or native code with the
 * signature int fn(Slot *frame, Slot *ret, Run *run) (0, or -1 with run's
 * error set).
 */
#ifndef KILN_FRAME_H
#define KILN_FRAME_H

#include "back.h"
#include "../rt/codemem.h"
#include "../rt/elfload.h"

/* operand lists and op details for the generic handlers */
typedef struct Extra {
    int op; unsigned flags; int64_t aux;
    const Type *rt, *at;
    Unit *callee;
    int n;
    int32_t slot[];  /* operand slots; for CALL/RET: slot, size pairs */
} Extra;

struct VI;
typedef int (*NativeFn)(Slot *frame, Slot *ret, Run *run);

typedef struct Code {
    struct VI *code;    /* interpreter code */
    uint16_t *vop;      /* the VM op of each instruction, for dumps */
    uint32_t *lines;
    uint32_t n;
    uint32_t nslots, ninit;
    Slot *init;
    uint32_t nargs;
    int32_t *arg_slot, *arg_size;
    int32_t *slot;      /* per IR value: its first slot */
    uint32_t *uses;     /* per IR value: how many uses */
    int32_t temp;       /* scratch slots for cyclic moves */
    const char *file;
    const char **strs;
    uint32_t *catch_;   /* try statements (TERM_TRY): triples (first, end, landing) of interpreter code, where a raise
                         * in [first, end) goes on at landing instead of leaving the function */
    uint32_t ncatch;
    Unit *unit;         /* the unit this code is of */
    HotHook on_hot;     /* tier-1 code's budget ran out (BackEnv.on_hot) */
    NativeFn native;    /* set when a native tier compiled this spec; tier 2 replaces tier 1's
                         * code atomically (read it with fr_native) */
    int64_t hot;        /* tier-up budget: tier-1 code subtracts per call and loop iteration */
    int64_t hot_call;   /* what one call subtracts */
    bool loops;         /* tier-1 code counts loop iterations (tier2_loops > 0; OSR is possible) */
    _Atomic int8_t par_weight; /* a prange body's: 0 not known yet, 1 light (one loop, no call), 2 heavy (back/par.c) */
    CodeMem mem;
    size_t native_size;
    const char *bailout; /* why the native tier did not compile it */
    char *llvm_before, *llvm_after, *llvm_asm; /* tier 2, with keep_llvm_ir */
    ElfImage image;                   /* tier-2 code, loaded by rt/elfload.c */
    ElfImage osr_image[OSR_MAX];      /* and the OSR entries' */
} Code;

static inline NativeFn fr_native(const Code *c) { return __atomic_load_n(&c->native, __ATOMIC_ACQUIRE); }
/* its native code is tier 2 (tier-1 code lives at c->mem.p and counts calls): code several threads may run at once */
static inline bool fr_native_tier2(const Code *c) {
    NativeFn fn = fr_native(c);
    return fn && (void *)fn != c->mem.p;
}

/* run a compiled spec on a fresh frame: args and ret are flattened slots */
int fr_enter(const Code *c, const Slot *args, Slot *ret, Run *run);
int fr_exec_interp(const Code *c, Slot *frame, Slot *ret, Run *run); /* interp.c */

/* the operand record of instruction r for a frame helper (slot: the frame layout;
 * the first nfixed operands travel in the XCall instead): one construction for
 * every native tier and for records the disk cache rebuilds; NULL on OOM */
Extra *fr_extra(Arena *a, Func *f, const int32_t *slot, Ref r, int nfixed);

RtErr fr_generic(Slot *s, int d, const Extra *x);
void fr_view(Slot *s, int d, int a, const Extra *x);
void fr_mkview(Slot *s, int d, int a, const Extra *x);
int fr_alloc(Run *run, Slot *s, int d, const Extra *x, int line, const char *file);
int fr_lib(Run *run, Slot *s, int d, int a, const Extra *x, int line, const char *file);
/* gpu.c: a CUDA kernel's LIB_GPU operation (ir/gpu.h) under a CPU launch (Run.gpu) */
int fr_gpu(Run *run, Slot *s, int d, int a, const Extra *x, int line, const char *file);
int fr_acopy(Run *run, Slot *s, int d, int a, const Extra *x, int line, const char *file);
void fr_fill(Slot *s, int a, int v, const Extra *x);
void fr_ldn(Slot *s, int d, int a, const Extra *x);
void fr_stn(Slot *s, int a, int v, const Extra *x);
int fr_call(Run *run, Slot *s, int d, const Extra *x, int line, const char *file);
/* the call x describes from frame s, its result into ret; lead: int values for the callee's first nlead
 * arguments in place of the operands' (a prange body's chunk bounds) */
int fr_invoke(Run *run, const Slot *s, Slot *ret, const Extra *x, const int64_t *lead, int nlead, int line, const char *file);
/* par.c: a CALL marked INS_PAR (a prange loop's body over its chunks), and how many chunks a loop of trip
 * iterations with reductions is cut into (by size only) */
int fr_pcall(Run *run, Slot *s, int d, const Extra *x, int line, const char *file);
int64_t fr_par_chunks(int64_t trip);
int fr_call_interp(Slot *fr, Slot *ret, Run *run, const Code *c); /* NativeFn's arguments, then the code */
int fr_index_error(Run *run, int line, const char *file, int64_t i, int axis, int64_t n);
int fr_int_bounds(Run *run, int line, const char *file, int64_t v, int dtype);

/* what native code passes to a frame helper: the operand and result slots of
 * one instruction, its line, and the op record */
struct XCall;
typedef int (*Helper)(union Slot *, struct Run *, const struct XCall *);
typedef struct XCall {
    int32_t d, a, b;
    int32_t pool, ref;   /* tier 2: index in the compile's record table, the IR instruction */
    Unit *unit;          /* tier 2: the unit whose lowering made it (an inlined callee's, perhaps) */
    int line;
    const char *file;
    const Extra *x;
    const char *ename, *emsg;
    RtErr code;
    Helper gpu_h;        /* a CUDA kernel's raise: the helper the host replays on the slots the GPU saved */
} XCall;

/* helpers native tiers call: int h(frame, run, call) -> 0, or -1 with the error raised */
int fh_generic(Slot *s, Run *run, const XCall *k);
int fh_view(Slot *s, Run *run, const XCall *k);
int fh_mkview(Slot *s, Run *run, const XCall *k);
int fh_alloc(Slot *s, Run *run, const XCall *k);
int fh_lib(Slot *s, Run *run, const XCall *k);
int fh_acopy(Slot *s, Run *run, const XCall *k);
int fh_fill(Slot *s, Run *run, const XCall *k);
int fh_ldn(Slot *s, Run *run, const XCall *k);
int fh_stn(Slot *s, Run *run, const XCall *k);
int fh_call(Slot *s, Run *run, const XCall *k);
int fh_error(Slot *s, Run *run, const XCall *k);
int fh_index(Slot *s, Run *run, const XCall *k);  /* d: original index slot, a: array, b: axis */
int fh_raise(Slot *s, Run *run, const XCall *k);
/* tier-1 code whose budget ran out (k->x->callee: the unit; aux: the loop
 * header, -1 at entry): its code's on_hot hook decides: 0 go on, 1 the call finished in tier-2 code (OSR)
 * with its result in ret, -1 error */
int64_t fh_hot(Slot *s, Run *run, const XCall *k, Slot *ret);

/* the block arguments of edge succ of block from, as slot copies in an order
 * that performs the parallel copy (a cycle parks one source in temp first);
 * slot: each IR value's first slot. Returns the count, at most 2 * 256. */

typedef struct FrMove { int32_t dst, src, n; } FrMove;
#define FR_MAX_MOVES 512
int fr_edge_moves(Func *f, const int32_t *slot, uint32_t from, int succ, int32_t temp, FrMove *out);

#endif
