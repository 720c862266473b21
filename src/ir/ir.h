/*
 * ir.h — kiln's typed SSA IR: a function is arrays of instructions and blocks;
 * values are instruction indices (Ref), operands live in one pool, and blocks
 * take parameters instead of phi nodes. Terminators are fields of the block
 * (jump, branch, return, raise) so that SSA construction can append block
 * arguments to edges without moving instructions.
 */
#ifndef KILN_IR_H
#define KILN_IR_H

#include "../base/base.h"
#include "../base/diag.h" /* NORETURN */
#include "../types/type.h"
#include "ops.h"
#include <stdio.h>

typedef uint32_t Ref;     /* index into Func.ins; 0 is "no value" */

/* a compile-time constant */
typedef union Scalar {
    int64_t i;   /* bool, signed ints (sign-extended), unsigned ints (zero-extended) */
    uint64_t u;
    double f;    /* float64; float32 values are kept as the exact float32 value */
    double c[2]; /* complex (complex64 parts are exact float32 values) */
} Scalar;
/* a Scalar of zeros, all 16 bytes: `Scalar s = {0}` sets only its first member, and clang leaves c[1] as the stack
 * had it (np.ones(n, dtype=complex) made 1+1j in the clang builds, the constant 1 built as {0} then c[0] = 1) */
#define SCALAR_ZERO {.c = {0, 0}}

typedef struct Ins {
    uint16_t op;
    uint16_t flags;   /* op-specific: BOUND_NOWRAP, BOUND_NOCHECK */
    uint32_t line;
    const Type *ty;   /* result type; NULL for no result */
    uint32_t opnd;    /* first operand in Func.opnd */
    uint32_t n;       /* operand count */
    uint32_t blk;
    int64_t aux;
} Ins;

enum { BOUND_NOWRAP = 1, BOUND_NOCHECK = 2 };
/* on a value: known to be >= 0 (a counter of range(k, n) with k >= 0 and step 1) */
enum { INS_NONNEG = 0x100 };
/* DIV and MATH in whole-array expressions: NumPy's semantics, no Python exception
 * (x / 0.0 is inf or nan, sqrt(-1) is nan, exp(1000) is inf) */
enum { INS_NUMPY = 0x200 };
/* CALL: a prange loop's outlined body, run over chunks of its iterations (back/par.c): operand 0 the trip
 * count (the callee's $lo), operand 1 the reductions' operators packed 4 bits each, RED_* (its $hi), the rest
 * the callee's own; the result is the reductions combined in chunk order */
enum { INS_PAR = 0x400 };
/* CALL: made from a copy of the function's body that opt/recurse.c put in place of a call of itself, one or two
 * frames below the function's own (two bits: the copies nest): the callee runs that many levels deeper than a call
 * the function made itself would (every tier counts them, ir_call_levels) */
enum { INS_DEEPER_SHIFT = 11, INS_DEEPER = 3 << INS_DEEPER_SHIFT };
/* the frames a call adds to the depth: 1, or more from a copied body */
static inline int ir_call_levels(unsigned flags) { return 1 + (int)((flags & INS_DEEPER) >> INS_DEEPER_SHIFT); }
enum { RED_NONE, RED_ADD, RED_MUL, RED_AND, RED_OR, RED_XOR, RED_MIN, RED_MAX, RED_MAX_COUNT = 16 };
static inline int ir_red_op(int64_t packed, int k) { return (int)(((uint64_t)packed >> (4 * k)) & 15); }
/* ALLOC: every element is written before it is read (a fused expression's result), no zeroing;
 * ALLOC_FROZEN: a module array constant's copy (its stores follow it), which nothing else may write;
 * ALLOC_LOCAL: nothing keeps the array or a view of it past the call (opt/arrfree.c mark_local);
 * ALLOC_PAST: stores may reach one element past its end (a[mask]'s compaction stores every element at the next
 * free index): the runtime's buffers have RT_BUF_SLACK bytes there, an array in tier 2's frame room for one more */
enum { ALLOC_UNINIT = 1, ALLOC_FROZEN = 2, ALLOC_PAST = 4, ALLOC_LOCAL = 8 };
/* STORE: one of the stores that fill a frozen copy (not a write a kernel makes) */
enum { STORE_INIT = 4 };
/* DIV: both operands were ints (message "division by zero"); POW: Python float rules */
enum { DIV_INTS = 1, POW_PYTHON = 1 };

/* Exceptions a try statement catches (lower/try.c): TERM_TRY ends a block whose last instruction may raise:
 * succ[0] if it did not, succ[1] (a block without parameters, entered with the run's exception pending) if it
 * did. TERM_RAISE with nsucc 1 raises and then goes to succ[0] with the exception pending (a raise inside a
 * try body); with nsucc 0 it leaves the function. TERM_RERAISE leaves the function with the exception the run
 * holds (no except clause matched). */
typedef enum { TERM_NONE, TERM_JMP, TERM_BR, TERM_RET, TERM_RAISE, TERM_TRY, TERM_RERAISE } TermKind;

typedef VEC(Ref) RefVec;

typedef struct Edge { uint32_t to; RefVec args; } Edge;
typedef struct Pred { uint32_t blk; uint8_t succ; } Pred;

typedef struct Block {
    RefVec ins;          /* instructions in order; params first */
    RefVec params;
    VEC(Pred) preds;
    RefVec defs;         /* SSA construction: current def per variable */
    RefVec incomplete;   /* SSA construction: params awaiting operands (var ids in aux) */
    uint8_t term;
    uint8_t nsucc;
    bool sealed, dead;
    bool independent;    /* a loop header whose iterations do not depend on each other (an elementwise
                          * nest's innermost loop): the interpreter may run its body op by op over chunks */
    Ref cond;            /* TERM_BR */
    Edge succ[2];        /* TERM_JMP: succ[0]; TERM_BR: [0] if cond true, [1] if false; TERM_TRY: [0] normal, [1] raised */
    RefVec rets;         /* TERM_RET: flattened return values */
    uint32_t line;       /* line of the terminator */
    int32_t ename, emsg; /* TERM_RAISE: indices into Func.strs (-1: no message) */
} Block;

struct Unit;

/* what a specialization fixes of one flattened argument leaf (docs/specialization.md): a static
 * argument's value, or the lengths of some axes of an array. Lowering binds them as constants (the
 * interpreter evaluates the same constants the compiled tiers fold), and tier 2 also builds the
 * array's shape and strides from them. The leaf's slot is still passed: the calling convention of
 * a specialization does not depend on what it fixes. */
typedef struct LeafFix {
    bool value;                 /* v is the leaf's value (a scalar), or text is (a string) */
    uint8_t axes;               /* bit k: dim[k] is the length of axis k (an array) */
    Scalar v;
    const char *text;           /* a static string's UTF-8 (NUL-free), else NULL */
    int64_t dim[KILN_MAXDIM];
} LeafFix;

/* a call of the function itself that opt/recurse.c replaced by a copy of its body: site is the OP_FRAME it became
 * (its block's last instruction, the block jumping to the copy), cont the block the copy's returns go to (with the
 * result as its parameter where the call had one), args the call's operands. Tier 2's direct entry makes the call
 * there instead and goes to cont (back/llvm/direct.c); nothing after that pass moves instructions between blocks */
typedef struct RecurSite { Ref site; uint32_t cont; const Ref *args; uint32_t nargs; const Type *ty; } RecurSite;

typedef struct Func {
    Arena *a;
    const char *name;
    const char *file;         /* its source file (lowering's), for what compares modules: opt/inline.c */
    VEC(Ins) ins;
    RefVec opnd;
    VEC(Block) blocks;
    VEC(Scalar) cst;
    VEC(const char *) strs;
    VEC(struct Unit *) callees; /* OP_CALL's aux indexes this (unit.h) */
    VEC(const Type *) argty;  /* flattened argument types */
    const LeafFix *argfix;    /* per argument leaf, nargfix of them (the unit's fix); NULL: nothing fixed */
    uint32_t nargfix;
    const Type *ret;          /* return type (T_NONE for no value) */
    VEC(const char *) notes;  /* decisions worth showing in kiln explain (array expression fusion) */
    const char *broken;       /* the first ir_check that failed on this function, or NULL */
    VEC(RecurSite) recur;     /* opt/recurse.c's copies of its own body, where its calls of itself were */
} Func;

/* ir_check(cond, why, msg): an invariant of a compiler stage (what lowering built, what a backend
 * expects of the IR). It is a bug in kiln if false. Debug builds (KILN_DEBUG: the sanitizer build of
 * make test) stop there, naming the place; release builds set *why = msg and the expression is
 * false, so the stage gives up and its caller falls back instead of running wrong code or killing
 * the process: a native tier's code is not installed (a lower tier runs the function), a function
 * lowering could not build is a compile error "internal compiler error: msg" (LuaJIT's lj_assertJ
 * pattern). */
NORETURN void ir_check_failed(const char *file, int line, const char *msg);
#ifdef KILN_DEBUG
#define ir_check(cond, why, msg) ((cond) || (ir_check_failed(__FILE__, __LINE__, (msg)), false))
#else
#define ir_check(cond, why, msg) ((cond) || (*(why) = (msg), false))
#endif

static inline Ins *ir_ins(Func *f, Ref r) { return &f->ins.v[r]; }
static inline Ref ir_arg(Func *f, Ref r, uint32_t k) { return f->opnd.v[f->ins.v[r].opnd + k]; }
/* what the specialization fixes of argument value r (an OP_ARG), or NULL */
static inline const LeafFix *ir_argfix(const Func *f, Ref r) {
    const Ins *in = &f->ins.v[r];
    return in->op == OP_ARG && f->argfix && (uint64_t)in->aux < f->nargfix ? &f->argfix[in->aux] : NULL;
}
/* DIM or STRIDE (op) aux k of argument array r as the specialization fixes it: true and *v. A stride
 * is fixed when the array is C-contiguous and axis k and those inside it are fixed (an axis of
 * length 1 may have any stride: it stays read) */
bool ir_fixed_shape(const Func *f, int op, Ref r, int64_t k, int64_t *v);
/* the length of axis k of array r when the specialization fixes it: true and *n */
static inline bool ir_fixed_dim(const Func *f, Ref r, int k, int64_t *n) {
    const LeafFix *x = ir_argfix(f, r);
    if (!x || k < 0 || k >= KILN_MAXDIM || !(x->axes & (1u << k))) return false;
    *n = x->dim[k];
    return true;
}
static inline unsigned ir_flags(int op) { return ir_ops[op].flags; }

/* construction (build.c) */
bool ir_init(Func *f, Arena *a, const char *name);
uint32_t ir_block(Func *f);                                       /* new empty block */
Ref ir_emit(Func *f, uint32_t blk, int op, const Type *ty, const Ref *ops, uint32_t n, int64_t aux, uint32_t line);
Ref ir_const(Func *f, uint32_t blk, const Type *ty, Scalar v, uint32_t line);
bool ir_cst_add(Func *f, const Type *ty, Scalar v); /* into the pool (canonical bytes); false on OOM */
bool ir_jmp(Func *f, uint32_t from, uint32_t to, uint32_t line);
bool ir_br(Func *f, uint32_t from, Ref cond, uint32_t t, uint32_t e, uint32_t line);
bool ir_try(Func *f, uint32_t from, uint32_t ok, uint32_t raised, uint32_t line); /* TERM_TRY */
bool ir_try_settle(Func *f); /* try blocks whose protected instruction is gone become jumps; whether any did */
bool ir_raise_to(Func *f, uint32_t from, uint32_t to); /* a TERM_RAISE block goes on to `to` (a try's handlers) */
bool ir_edge_arg(Func *f, uint32_t from, int succ, uint32_t idx, Ref v); /* block argument idx of an edge */
Ref ir_param(Func *f, uint32_t blk, const Type *ty);
int ir_str(Func *f, const char *s);
void ir_replace_uses(Func *f, Ref from, Ref to);
bool ir_failed(Func *f);
uint32_t ir_rpo(Func *f, bool false_first, uint32_t *order); /* order.c: reverse postorder, 0 = no memory */
void ir_loop_heads_at(Func *f, const uint32_t *pos, bool *heads); /* order.c: tier 1's loop headers */
bool ir_loop_heads(Func *f, bool *heads);                         /* the same, ir_rpo(f, true) made here */
#define OSR_ALL_HEADS_COST 400000 /* order.c ir_osr_heads: an entry at every loop header up to this cost */
bool ir_osr_heads(Func *f, uint32_t header, bool *heads, bool *reach); /* order.c: the headers an OSR entry starts at */
int ir_has_loop(Func *f); /* order.c: 1 if an edge goes back in reverse postorder, 0 if none, -1 out of memory */
/* the instructions of the blocks still in the function */
static inline uint32_t ir_live_ins(const Func *f) {
    uint32_t n = 0;
    for (uint32_t b = 0; b < f->blocks.n; b++) if (!f->blocks.v[b].dead) n += f->blocks.v[b].ins.n;
    return n;
}

/* printing and checking (print.c, verify.c) */
void ir_print(Func *f, FILE *out);
/* returns NULL if the IR is well formed, else a message */
const char *ir_verify(Func *f, char *buf, size_t cap);

#endif
