/*
 * infer.h — internal to lower/: the state of typing one specialization and
 * building its IR in the same walk.
 *
 * Inference and IR construction are one pass over the AST (types flow forward
 * with the values; SSA is built on the fly with Braun et al.'s algorithm).
 * Where a loop-carried variable widens (s = 0; s += 0.5) or a recursive call's
 * return type is not known yet, the walk records a hint and restarts: types
 * only widen, so the rounds are few and bounded (TUNE_INFER_ROUNDS).
 */
#ifndef KILN_INFER_H
#define KILN_INFER_H

#include "lower.h"
#include "../ir/mathfn.h"
#include "../front/lex.h"
#include "../front/prange.h"

#define NOBLOCK UINT32_MAX
#define UNDEF UINT32_MAX   /* SSA read of a variable with no definition */
#define INF_LOOPS_MAX 64   /* loops nested in one kernel */
#define INF_TRY_MAX 16     /* try statements nested in one kernel */

typedef struct Ew Ew; /* ewise.c: a lazy elementwise array expression */
typedef struct Val {
    const Type *ty;
    Ew *ew;            /* a whole-array expression not computed yet (only between ex_value and ex_expr) */
    Ref r;             /* scalars, arrays, static values (canonical consts) */
    struct Val *el;    /* tuples: ty->n elements */
    int32_t str;       /* T_STR: index into Func.strs */
} Val;

/* a type an earlier round learned: for a node's variable (node >= 0), or a kind of hint (node < 0) of a variable. The
 * variable is named, not numbered: a hidden variable's index is the order of first use, which changes when a round
 * lowers a statement an earlier one skipped (its types not known yet) */
typedef struct Hint { int32_t node, leaf; const char *var; const Type *ty; } Hint;
typedef VEC(Hint) HintVec;

typedef struct VarInfo {
    const char *name;
    const Type *shape;  /* tuple structure, NULL for a single value */
    const Type *ty;     /* join of every value bound (for explain) */
    int32_t ssa0, nleaves;
} VarInfo;

typedef struct Loop { uint32_t cont, brk; } Loop;
typedef struct Inline { Node *result; uint32_t exit; } Inline; /* an inner function's body being lowered at a call
                                                                 * (result NULL: the kernel's own return, in a loop
                                                                 * body a generator's yield runs) */
/* a generator's body being lowered where a for statement iterates it: each yield runs the loop's body */
typedef struct GenCtx { Node *loop; uint32_t brk; int outer_ninl, outer_cur, outer_ntry; Node *count; } GenCtx; /* count: enumerate's;
                                                                                       * outer_ntry: the for's try depth */

typedef struct Inf {
    const LowerEnv *env;
    TypeTab *tt;
    Unit *unit;
    Node *def;
    Func *f;
    Arena *a;
    Diag d;
    uint32_t cur;
    int line;
    Node *at;               /* the node being compiled, for messages */
    const char *star_note;  /* while a star import resolves a name: what a "not supported" adds (else "") */
    VEC(VarInfo) vars;
    VEC(int32_t) ssa_var;   /* ssa id -> var index */
    VEC(int32_t) blk_node;  /* loop headers: the loop's node id, else -1 */
    Loop loops[INF_LOOPS_MAX]; /* the enclosing loops (nested deeper: a compile error) */
    int nloops;
    int loop_base;          /* loops[loop_base..nloops) are the function being lowered's own (an inner def's
                             * body lowered at a call starts its own above the caller's, which stay intact) */
    HintVec *hints;         /* survive restarts */
    bool restart;
    bool keep_optional;
    VEC(Node *) closures;   /* the lambdas and inner defs made this round (T_CLOSURE's id is the node's) */
    Inline inl[16];         /* inner functions being lowered, innermost last: where their returns go */
    GenCtx gen[8];          /* generators being lowered at their for statements, in the order they began */
    int ngen;
    int gen_cur;            /* 1 + the index of the generator whose body is being lowered (its yields), 0: none */
    int gen_scan;           /* whether the module has generators: 0 not looked yet, 1 no, 2 yes */
    uint32_t trys[INF_TRY_MAX]; /* the try statements whose bodies are being lowered, innermost last: their handlers'
                             * dispatch blocks, where a raise goes (lower/try.c) */
    int ntry;
    /* the finally clauses whose protected statements are being lowered, innermost last: a return, break or continue
     * leaving them lowers a copy of each first (lower/try.c) */
    struct FinCtx { Node *fin; int ntry, nloops; uint32_t func; } fins[INF_TRY_MAX];
    int nfin;
    Ref handling[INF_TRY_MAX]; /* the except clauses with a bare `raise` being lowered, innermost last: the record
                                * (EXC_NEW) each keeps its exception in (lower/try.c) */
    int nhandling;
    int32_t next_id;        /* the id of the next node copied for an inner function or a generator (above the
                             * module's; the same sequence every round, so hints keyed by node stay valid) */
    int ninl;     /* inner functions and generators being lowered in place, innermost last (inl) */
    const Type *ret;
    int ret_line;
    VEC(uint32_t) ret_blocks;
    VEC(Ref) statics;       /* one canonical const per static type */
    VEC(Ref) fwd;           /* removed trivial parameters: the value that replaces each */
    VEC(Ref) phis;          /* parameters made in sealed blocks, as (param, ssa) pairs (settle_unknown) */
    VEC(struct Frozen { Lit *lit; Ref r; }) frozen; /* module array constants' copies, made in the entry block */
    VEC(struct StrLit { const char *text; Ref r; }) strlits; /* string literals made at run time, in the entry block */
} Inf;

/* infer.c */
NORETURN void inf_fail(Inf *I, Node *n, const char *fmt, ...) PRINTF_LIKE(3, 4);
void inf_oom(Inf *I);
Ref inf_emit(Inf *I, int op, const Type *ty, const Ref *ops, uint32_t n, int64_t aux);
Ref inf_static(Inf *I, const Type *ty);
Ref inf_const_i(Inf *I, const Type *ty, int64_t v);
Ref inf_const_f(Inf *I, const Type *ty, double v);
Ref inf_zero(Inf *I, uint32_t blk, const Type *ty);
Ref inf_load(Inf *I, Ref arr, const Type *et, const Ref *iv, int n);  /* arr[iv...] of element type et */
Val inf_item0(Inf *I, Val v);  /* a 0-d array's item (a NumPy scalar); any other value as it is */
void inf_store(Inf *I, Ref arr, Ref v, const Ref *iv, int n);          /* arr[iv...] = v */
uint32_t inf_block(Inf *I);
void inf_seal(Inf *I, uint32_t blk);
void inf_jump(Inf *I, uint32_t to);
void inf_branch(Inf *I, Ref cond, uint32_t t, uint32_t e);
Val inf_read_name(Inf *I, Node *n);
void inf_assign(Inf *I, Node *target, Val v);
/* the names a body binds (its locals), each given to bind once or more */
void inf_scan_binds(Node **body, int n, void (*bind)(void *ctx, const char *name), void *ctx);
Val val_of(Inf *I, Ref r);
Val inf_tuple(Inf *I, const Val *v, int n); /* the tuple of the n values (a static structure, no instruction) */
Node *inf_node(Inf *I, int kind, Node *at); /* a node kiln makes (id -1), zeroed, at at's position */
/* an empty list in variable recv (a name) takes items of type item: a hint, and the round restarts */
void inf_list_learn(Inf *I, Node *recv, const Type *item, Node *at);
const Type *inf_sum_of_arrays(Inf *I, Node *acc); /* the array type a sum()'s total was found to hold, or NULL */
const Type *inf_list_hint_of(Inf *I, const char *name); /* the item type variable name's empty list learned, or NULL */
bool inf_has_var(Inf *I, const char *name);     /* name is a variable of the function (not a global) */
bool inf_list_widen(Inf *I, Node *recv, const Type *item); /* a hinted list's items widen (round restarts) */
void inf_dict_learn(Inf *I, Node *recv, const Type *box, Node *at);
bool inf_untyped_inside(const Type *t); /* unknown, or a list of (lists of ...) unknown items: what learning may refine */ /* an empty dict (set) in variable recv: its types */
const char *inf_tyname(Inf *I, const Type *t);

/* IR shorthands the array lowerings share (view, ewise, arrays, linalg, fancy,
 * sorting): the int64 and bool types, an int64 constant, an array's extent
 * and byte stride along axis k, a binary op and a select of a given type */
static inline const Type *inf_i64(Inf *I) { return ty_scalar(I->tt, KILN_INT64, true); }
static inline const Type *inf_bool(Inf *I) { return ty_scalar(I->tt, KILN_BOOL, true); }
static inline Ref inf_k64(Inf *I, int64_t v) { return inf_const_i(I, inf_i64(I), v); }
static inline Ref inf_dim(Inf *I, Val a, int k) { return inf_emit(I, OP_DIM, inf_i64(I), &a.r, 1, k); }
static inline Ref inf_stride(Inf *I, Val a, int k) { return inf_emit(I, OP_STRIDE, inf_i64(I), &a.r, 1, k); }
static inline Ref inf_op2(Inf *I, int op, const Type *t, Ref a, Ref b) {
    Ref o[2] = {a, b};
    return inf_emit(I, op, t, o, 2, 0);
}
static inline Ref inf_sel(Inf *I, const Type *t, Ref c, Ref a, Ref b) {
    Ref o[3] = {c, a, b};
    return inf_emit(I, OP_SELECT, t, o, 3, 0);
}

/* genexp.c: sum/all/any/min/max consuming an iterable (a generator expression, array, range ...) */
Val gx_call(Inf *I, Node *call, const char *name);
Val gx_call_value(Inf *I, Node *call, const char *name, Val v);
Val gx_listcomp(Inf *I, Node *comp); /* [e for ...] */
void gx_for(Inf *I, Node *s); /* for x in (e for ...): the generator's loops around the body */
Val gx_next(Inf *I, Node *call); /* next(generator expression[, default]) */
Val gx_dictcomp(Inf *I, Node *comp); /* {k: v for ...} */
Val gx_setcomp(Inf *I, Node *comp);  /* {e for ...} */
Val gx_set_of(Inf *I, Node *call, Node *it, const Val *v); /* set(it) of a non-set iterable: its items added in turn */
void gx_set_fill(Inf *I, Node *at, Node *target, const Val *tv, Node *it, const Val *iv, const char *method, const Val *keep);

/* expr.c */
Val ex_expr(Inf *I, Node *n);   /* the value of n; an array expression is computed here */
Val ex_value(Inf *I, Node *n);  /* the same, but an array expression stays lazy (operands of another) */
Val ex_keep_optional(Inf *I, Node *n); /* ex_expr, but an Optional result stays one (not checked and unwrapped) */
const Type *ex_binop_type(Inf *I, int tok, const Type *a, const Type *b, Node *at, Node *rhs, uint16_t *flags);
const Type *ex_compare_type(Inf *I, int tok, const Type *a, const Type *b, Node *at);
Val ex_compare(Inf *I, int tok, Val a, Val b, Node *at);
Ref ex_complex_order(Inf *I, int tok, Val x, Val y); /* NumPy's lexicographic x < y & co. of complex values */
Val ex_coerce(Inf *I, Val v, const Type *to, Node *at);
Val ex_adopt(Inf *I, Val v, const Type *to, Node *at); /* ex_coerce, with NEP 50's test of a Python int */
void ex_adopt_pair(Inf *I, int tok, Val *a, Val *b, Node *at);
Val ex_adopt_bound(Inf *I, Val v, const Type *ax, const Type *to, int side, Node *at); /* np.clip's bounds */
Ref ex_truth(Inf *I, Val v, Node *at);
void ex_cond(Inf *I, Node *n, uint32_t t, uint32_t e);
Val ex_binop(Inf *I, int tok, Val a, Val b, Node *at, Node *rhs);
Val ex_index(Inf *I, Node *sub, Val arr, Ref *idx, int *nidx);
Val ex_attr_array(Inf *I, Node *attr);                 /* a of a.flat / a.flags, made and checked */
bool ex_is_flat(Inf *I, Node *sub, Val *a);               /* sub is a.flat[...]: a evaluated */
void ex_flat_index(Inf *I, Node *sub, Val a, Ref *idx); /* a.flat[i]'s indices into a, i checked */
/* k int index values of arr (nodes: where each came from) normalized and checked by axis into idx (OP_BOUND) */
void ex_bounds(Inf *I, Val arr, const Val *vals, Node *const *nodes, int k, Ref *idx);
Val ex_merge(Inf *I, Val *vals, uint32_t *blks, int n, Node *at);
bool ex_is_static(const Type *t);

/* call.c */
Val cl_call(Inf *I, Node *n);
Node *cl_pack_varargs(Inf *I, Node *call, const Node *def, const char *fname); /* *args packed, keyword-only checked */
Ref cl_float_test(Inf *I, int fn, Val x, const Type *bt);
Val cl_attr(Inf *I, Node *n);
Val cl_global(Inf *I, Node *n, bool *found);
bool cl_py_builtin(const char *name); /* a name CPython's builtins module has */
int cl_itertools(int id);             /* a T_BUILTIN's IT_* (itertools.c), or -1 */
Val cl_lit(Inf *I, Lit *l);
int cl_flatten(Inf *I, Val v, Ref *out, int cap);
/* a dtype argument: np.float32, float, 'float32' ... */
int cl_dtype_arg(Inf *I, Node *n);
void cl_np_bind(Inf *I, Node *call, const char *fname, int skip, const char *const *params, int npos, Node **out);
void cl_np_default(Inf *I, Node *arg, const char *fname, const char *param, int dflt_kind); /* dflt_kind: N_NONE ... */
bool cl_int_const(Inf *I, Node *k, int64_t *v); /* a literal int or a name bound to a constant one, into *v */
int64_t cl_const_int(Inf *I, Node *k, const char *what, const char *why); /* that int, else an error */
int cl_shape_arg(Inf *I, Node *n, Ref *dims); /* an int or a tuple of ints: an array's shape; the rank */
Val cl_acopy(Inf *I, Val o); /* a C-order copy of an array */
Val cl_zero_d(Inf *I, Val o, Node *at); /* np.array(x) of a number */

/* stmt.c */
const Type *st_ret_join(Inf *I, const Type *a, const Type *b); /* what returns of a and b give (Optional) */
void st_body(Inf *I, Node **stmts, int n);
Node *st_hidden(Inf *I, const char *fmt, Node *at);
bool st_is_builtin_call(Inf *I, Node *n, const char *name); /* name(...), name not a local */
bool st_is_var(Inf *I, const char *name); /* a variable of this function (a local shadows a builtin) */
enum { ND_INDEX = 1, ND_ENUMERATE, ND_FLAT }; /* the C-order loops over positions: np.ndindex, np.ndenumerate, a.flat */
Node *cl_unstarred(Inf *I, Node *call); /* the call with f(*t)'s starred tuples spread into arguments */
Val cl_flag(Inf *I, Val a, const char *name, Node *at); /* a.flags.NAME: C or Fortran contiguity from the strides */
int cl_nd_loop(Inf *I, Node *n); /* a call of np.ndindex or np.ndenumerate: ND_INDEX, ND_ENUMERATE; else 0 */
void st_inplace(Inf *I, Node *s, Val cur); /* a op= v on the array cur (or a view of one), in place */
void st_raise_block(Inf *I, uint32_t blk, const char *ename, const char *msg, int line); /* blk raises */
void st_raise_if(Inf *I, Ref bad, const char *ename, const char *msg);
int st_static_cond(Inf *I, Node *n); /* a test's value when it is known when compiling (1, 0), else -1 */
int64_t st_range_args(Inf *I, Node *call, const char *fname, Val *start, Val *stop, Val *step); /* the constant step, or 0 */
Val st_range_len(Inf *I, Node *call);               /* len(range(...)) */
Val st_range_contains(Inf *I, Val x, Node *call);  /* x in range(...) */
Ref st_trip_count(Inf *I, Ref start, Ref stop, Ref step, int sign); /* range's length, uint64; sign: the step's, 0 unknown */

/* par.c: prange loops (S_PFOR) and the reduction identities their outlined bodies start from */
void pf_lower(Inf *I, Node *s);
Val pf_red_init(Inf *I, Node *call);
bool pf_assign(Inf *I, Node *s);    /* parallel=True: x = <elementwise expression> split by rows; false: not one */
bool pf_value(Inf *I, Node *s, Val *v); /* the same for s->a (an assignment's or a return's value) into *v */
Val pf_block(Inf *I, Node *call);   /* $blk(x, $lo, $hi, $out): x's rows lo..hi where it has the result's rank */
/* fuse.c: the lazy expression v computed into a new array, its rows split across threads by par (out: that
 * array, rows: its first length) when it has at least parallel_min elements, by one loop nest otherwise */
Val ew_force_split(Inf *I, Val v, Node *at, void (*par)(Inf *I, Val out, Ref rows, void *ctx), void *ctx);
bool cl_is_ufunc(Inf *I, Node *callee); /* call.c: callee names a NumPy ufunc (elementwise) */
typedef void (*StBody)(Inf *I, Ref i, void *ctx);
void st_loop(Inf *I, Node *at, const char *fmt, Ref n, StBody body, void *ctx);
typedef void (*StNestBody)(Inf *I, const Ref *iv, void *ctx);
void st_nest(Inf *I, Node *at, const char *tag, const Ref *dims, int nd, Ref *iv, StNestBody body, void *ctx, bool independent);

/* ewise.c */
bool ew_is_array(Val v);
Val ew_binop(Inf *I, int tok, Val a, Val b, Node *at);
Val ew_compare(Inf *I, int tok, Val a, Val b, Node *at);
Val ew_unary(Inf *I, int tok, Val a, Node *at);
Val ew_abs(Inf *I, Val a, Node *at);
/* a float ufunc's element type of operands x and y (y NULL: of one): NumPy's smallest float loop both cast to safely,
 * a Python scalar adopting the other's type first */
const Type *ew_float_result(Inf *I, const Type *x, const Type *y);
Val ew_part(Inf *I, Val a, int op, Node *at); /* real, imag, conj (OP_REAL...) */
int ew_ufunc_lookup(const char *name);
const char *ew_ufunc_name(int k);  /* ufunc k's np.<name> (NULL: a math function without one) */
int ew_ufunc_nargs(int k);          /* its number of operands */
Val ew_ufunc_call(Inf *I, Node *call, int u);
Val ew_round(Inf *I, Val a, int64_t decimals, Node *at);
Val ew_force(Inf *I, Val v, Node *at);
Val ew_new_like(Inf *I, Val a, int dt, Node *at); /* a new array laid out as a's copy in order 'K' (uninitialized) */
Val ew_scalar(Inf *I, Val v, Node *at); /* a lazy tree of scalars, computed: a NumPy scalar */
void ew_store(Inf *I, Val dst, Val v, Node *at);
void ew_store_fresh(Inf *I, Val dst, Val v, Node *at); /* dst new since v's operands: no overlap test */
Val ew_take(Inf *I, Val arr, Val idx, Node *at);
Val ew_clip(Inf *I, Val a, Val lo, Val hi, Node *at);
Val ew_where(Inf *I, Val cond, Val a, Val b, Node *at);
Val ew_math(Inf *I, Val a, int mf, Node *at); /* np.sqrt & co. of an array or a NumPy scalar */
bool ew_fusable_reduction(Inf *I, int kind, int odt);
Val ew_reduce(Inf *I, Val v, int kind, int odt, Node *at);
/* the float sum or mean of a 1-d expression or array in NumPy's pairwise order, inline up to 128 elements; *len:
 * the length, if len */
Val ew_sum_pairwise(Inf *I, Val v, int kind, Node *at, Ref *len);
Val ew_extreme_small(Inf *I, Val a, int kind, int odt, Node *at); /* max/min of a 1-d array: inline up to 32 elements */
/* a float sum or mean along axis 1 of a 2-d expression or array, each short row inline (general: the result for
 * long rows); ew_rows_fit says whether v can be read a row at a time */
bool ew_rows_fit(Inf *I, Val v, Node *at);
Val ew_sum_rows(Inf *I, Val v, int kind, Node *at, Val (*general)(Inf *I, void *ctx), void *ctx);

/* linalg.c */
Val la_cast(Inf *I, Val a, int dt, Node *at);
Val la_matmul(Inf *I, Val a, Val b, Node *at);
Val la_dot(Inf *I, Node *call);
Val la_matmul_call(Inf *I, Node *call);
Val la_einsum(Inf *I, Node *call);

/* reduction.c */
int rd_lookup(const char *name);
Val rd_call(Inf *I, Node *call, int which, const Val *self);
Val rd_contains(Inf *I, Val a, Val x, Node *at);
Val rd_whole(Inf *I, Val a, int kind, Node *at);
Val rd_axes(Inf *I, Val a, int kind, unsigned axes, Node *at); /* along the axes in the mask: an array, or a scalar for all */
Val nl_norm(Inf *I, Node *call); /* nplinalg.c: np.linalg.norm */
Val nl_linalg(Inf *I, Node *call, int op); /* nplinalg.c: np.linalg.solve, inv, det, cholesky, eigvalsh, eigh (LA_*) */
Val nl_svd(Inf *I, Node *call);   /* np.linalg.svd, qr, lstsq, pinv */
Val nl_qr(Inf *I, Node *call);
Val nl_lstsq(Inf *I, Node *call);
Val nl_pinv(Inf *I, Node *call);
Val nl_slogdet(Inf *I, Node *call); /* a reduction (RK_*) of every element of array a: a NumPy scalar */
Val cp_copyto(Inf *I, Node *call); /* copyto.c: np.copyto */

/* arrays.c */
Val ar_arange(Inf *I, Node *call);
Val ar_linspace(Inf *I, Node *call);
Val ar_eye(Inf *I, Node *call);
Val ar_concatenate(Inf *I, Node *call, bool stack);
Val ar_join(Inf *I, Node *call, Val *v, int n, bool stack, Node *axis); /* v: n arrays */
Val ar_join_list(Inf *I, Node *call, Val l, bool stack, int ax, bool np_array); /* l: a list of arrays */
Val ar_split(Inf *I, Node *call, bool even); /* np.split (even) and np.array_split: a list of views */
Val ls_new(Inf *I, const Type *item); /* a new empty list of items of type item */
void ls_append(Inf *I, Val l, Val v);
Val ar_roll(Inf *I, Node *call);
Val ar_diff(Inf *I, Node *call);
Val ar_tile(Inf *I, Node *call);
Val ar_repeat(Inf *I, Node *call);

/* closure.c */
Val nf_lambda(Inf *I, Node *n);
void nf_def(Inf *I, Node *s);
Val nf_call(Inf *I, Node *call, Val f);
bool nf_passes_closure(Inf *I, Node *call);               /* an argument is a lambda or an inner function */
Val nf_kernel_with_closure(Inf *I, Node *call, Node *def); /* a kernel given one: its body lowered at the call */
Val nf_inline(Inf *I, Node *call, Node *def); /* def's body lowered at call (its arguments bound to hidden variables) */
bool nf_is_generator(const Node *def); /* a def with a yield of its own */
bool nf_is_generator_call(Inf *I, Node *n); /* n calls one (list(g(n)) and the like iterate it as a generator expression) */
bool nf_gen_for(Inf *I, Node *loop); /* for x in g(...) with g a generator kernel: lowered; false: not one */
void nf_yield(Inf *I, Node *s);

/* itertools.c: itertools' combinatoric generators and functools.reduce, as functions made for each call */
int it_lookup(int mod, const char *name);       /* IT_* (BI_ITERTOOLS + k) of MOD_ITERTOOLS / MOD_FUNCTOOLS, or -1 */
bool it_maybe_call(Inf *I, Node *call);         /* spelled as one of them, in a module that imports either */
Node *it_generator(Inf *I, Node **callp, int k, const char **fname); /* the generator for the call; *callp: its call */
Val it_call(Inf *I, Node *call, int k);         /* reduce, or the error for a generator used as a value */
Node *it_parse_def(Inf *I, const char *text, size_t n, const char *what, Node *at); /* the def of a text kiln wrote */
Val it_inline(Inf *I, Node *call, const char *text, size_t n, const char *what, Node **args, int nargs); /* it, at call */
/* a text kiln writes for it_inline: buf of cap bytes, appended to by it_put (a compile error at `at`, naming `what`,
 * when it outgrows buf) */
typedef struct ItText { char *buf; size_t cap, n; Inf *I; Node *at; const char *what; } ItText;
void it_put(ItText *t, const char *fmt, ...) PRINTF_LIKE(2, 3);
Node *it_held(Inf *I, Node *call, int k, Val v); /* v computed once: a name for it_inline's k-th argument */
/* one call of a function kiln writes in Python (npufunc.c, npindex.c, npwrap.c): its text, and its arguments held in
 * hidden variables in the order the def takes them */
typedef struct ItCall { Inf *I; Node *call; Node *args[32]; int n; ItText t; char buf[8192]; } ItCall;
ItCall *it_call_new(Inf *I, Node *call, const char *what);
void it_call_put(ItCall *c, const char *fmt, ...) PRINTF_LIKE(2, 3); /* it_put, with "np." written as numpy's name */
Val it_call_hold(ItCall *c, Val v);          /* v the def's next parameter */
Val it_call_inline(ItCall *c);               /* the text lowered at the call */
Node *it_need(Inf *I, Node *call, Node *n, const char *fname, const char *param); /* n, or a missing-argument error */

/* npmisc.c: NumPy functions that are views, tests, index arithmetic or short Python definitions (np.flip, rot90,
 * isclose, unravel_index, median, unique, searchsorted, triu, outer, vstack ...) */
#define KILN_NP_NAME "__kiln_np" /* numpy, in the Python kiln writes (whatever the user's module calls it) */
#define KILN_MATH_NAME "__kiln_math" /* and math */
#define KILN_COLLECTIONS_NAME "__kiln_collections" /* and collections (dict.c's Counter) */
#define KILN_RANDOM_NAME "__kiln_random" /* and random (random.c's sample and choices) */
int nd_lookup(const char *name);          /* npdist.c: a legacy np.random distribution's index, or -1 */
Val nd_call(Inf *I, Node *call, int k);
/* npmisc.c's, npufunc.c's, npindex.c's, npwrap.c's, nppoly.c's and ewise.c's functions fit call.c's builtin ranges
 * (checked where they are listed) */
enum { NM_MAX = 400, NU_MAX = 100, NX_MAX = 100, NW_MAX = 50, PL_MAX = 50, UF_MAX = 300 };
int nm_lookup(const char *name);                /* its index (BI_NPMISC + k), or -1 */
bool nm_linalg(int k); /* npmisc.c: k is one of np.linalg's (matrix_power, matrix_rank, cond), not np's */
Val nm_call(Inf *I, Node *call, int k);
Val nm_array_arg(Inf *I, Node *n, const char *fname); /* an array argument (a list or tuple display made one) */

/* npufunc.c: NumPy ufuncs kiln writes in Python (gcd, lcm, logaddexp, heaviside, modf, divmod, reciprocal, spacing...) */
int nu_lookup(const char *name);                /* its index (BI_NPUFUNC + k), or -1 */
const char *nu_name(int k);                     /* np.<name> */
int nu_nargs(int k);                            /* its number of operands */
Val nu_call(Inf *I, Node *call, int k);
/* npindex.c: np.triu_indices, tril_indices, diag_indices, indices, take_along_axis, put_along_axis */
int nx_lookup(const char *name);                /* its index (BI_NPINDEX + k), or -1 */
Val nx_call(Inf *I, Node *call, int k);
/* npwrap.c: np.tensordot, atleast_1d/3d, hsplit/vsplit/dsplit, matrix_transpose, cumulative_sum/prod, isposinf ... */
int nw_lookup(const char *name);                /* its index (BI_NPWRAP + k), or -1 */
Val nw_call(Inf *I, Node *call, int k);
/* nppoly.c: np.polyval, polyfit, vander, polyadd, polysub, polymul, polyder, polyint */
int pl_lookup(const char *name);                /* its index (BI_NPPOLY + k), or -1 */
Val pl_call(Inf *I, Node *call, int k);
int nu_reduce_dtype(Inf *I, int k, int dt);     /* its reduction's dtype over elements of dtype dt, or -1 */
Val nm_ufunc_method(Inf *I, Node *call, const char *ufunc, int nargs, const char *method); /* np.add.reduce & co. */
Val nm_average_weighted(Inf *I, Node *call, Node *a, Node *w); /* np.average(a, weights=w), axis None */
Val nm_tolist(Inf *I, Node *call, Val a, bool item); /* a.tolist(), a.item() */
Val nm_method_as_function(Inf *I, Node *call, Val a, const char *name); /* a.NAME(...) as np.NAME(a, ...) */

/* clock.c: the time module's clocks (time.time, perf_counter, monotonic, process_time and their _ns forms) */
int ck_lookup(const char *name);                /* its index (BI_CLOCK + k), or -1 */
Val ck_call(Inf *I, Node *call, int k);

/* heapq.c: heapq's heappush, heappop, heapify, heappushpop, heapreplace on lists, as CPython's */
int hq_lookup(const char *name);                /* its index (BI_HEAPQ + k), or -1 */
Val hq_call(Inf *I, Node *call, int k);

/* bisect.c: bisect's bisect_left, bisect_right, bisect, insort_left, insort_right, insort, as CPython's _bisect */
int bs_lookup(const char *name);                /* its index (BI_BISECT + k), or -1 */
Val bs_call(Inf *I, Node *call, int k);

/* mathint.c: math's integer functions (isqrt, gcd, lcm, factorial, comb, perm), written in Python and inlined */
int mi_lookup(const char *name);                /* its index (BI_MATHINT + k), or -1 */
Val mi_call(Inf *I, Node *call, int k);

/* pyarith.c: the builtins divmod and pow, written in Python and inlined, and bin, oct, hex */
Val pa_divmod(Inf *I, Node *call);
Val pa_pow(Inf *I, Node *call);
Val pa_radix(Inf *I, Node *call, char code); /* bin ('b'), oct ('o'), hex ('x') */

/* typetest.c: isinstance(x, classinfo), decided by x's type (an Optional's at run time) */
int tt_isinstance_static(Inf *I, Node *call); /* 1 or 0, or -1 where only the run knows (an Optional) */
Val tt_isinstance(Inf *I, Node *call);

/* mathpy.c: math.isclose, prod, fsum and the methods int.bit_length, float.is_integer, written in Python */
int mp_lookup(const char *name);                /* its index (BI_MATHPY + k), or -1 */
int cm_lookup(const char *name);                /* cmath.c: its index (BI_CMATH + k), or -1 */
Val cm_call(Inf *I, Node *call, int k);
Val mp_call(Inf *I, Node *call, int k);
Val mp_hypot(Inf *I, Node *call); /* math.hypot(*coordinates) of other than two values */
bool mp_method(Inf *I, Node *call, Val o, const char *m, Val *out); /* false: not one of its methods */

/* unpack.c: what a tuple target takes apart: v (a tuple, a list, an array) as a tuple of one item per target of
 * t, a starred target's items a list (a list or an array checked when it runs, with CPython's ValueErrors) */
Val up_items(Inf *I, Node *t, Val v);

/* nbtyped.c: numba.typed's List and Dict (BI_NBTYPED + NB_*: a call of one, or of its empty_list / empty), and
 * nb_scalar: the dtype of a numba.types scalar name (types.int64), or -1 */
enum { NB_LIST, NB_DICT };
Val nb_call(Inf *I, Node *call, int k);
Val nb_method(Inf *I, Node *call, int k, const char *m);
int nb_scalar(const char *name);
Val dc_new(Inf *I, const Type *key, const Type *value); /* dict.c: an empty dict of those types */
Val dc_defaultdict(Inf *I, Node *call);         /* dict.c: collections.defaultdict(factory) */
Val dc_counter(Inf *I, Node *call);             /* dict.c: collections.Counter(iterable) */
Val dc_counter_binop(Inf *I, int tok, Val a, Val b, Node *at, bool inplace); /* Counter + - | & Counter, and op= */
Val dc_merge(Inf *I, Val a, Val b, Node *at, bool inplace); /* dict | dict, and d |= mapping or pairs */
Val dc_equal(Inf *I, Val a, Val b, Node *at); /* a == b, a dict on either side */

/* namedtuple.c: collections.namedtuple's classes (T_CLASS) and instances (tuples whose type has names): a call of
 * a class, an instance's field or _fields, a class's _fields and __name__, p._replace/_asdict, Point._make */
Val nt_new(Inf *I, Node *call, const Type *cls);
Val nt_attr(Inf *I, Val o, const char *a, Node *n);
Val nt_class_attr(Inf *I, const Type *cls, const char *a, Node *n);
Val nt_method(Inf *I, Node *call, Val o, const char *m);
Val nt_class_method(Inf *I, Node *call, const Type *cls, const char *m);

/* try.c: try statements */
void tr_try(Inf *I, Node *s);
void tr_split(Inf *I); /* the instruction just emitted may raise inside a try body: its block ends there */
void tr_leave(Inf *I, bool loop);
bool tr_linalg_error(Inf *I, Node *c); /* c is np.linalg.LinAlgError (raise, except) */
void tr_bare_raise(Inf *I, Node *s); /* `raise` in an except clause: the exception it handles, raised again */
void tr_reraise(Inf *I, int line);    /* the exception pending goes on: to the enclosing try's handlers, or out */
void tr_raise_kept(Inf *I, Node *s, Ref rec); /* `raise e` of an except clause's `as` name (rec: its record) */ /* a return (loop false) or a break/continue is about to leave: its finally clauses */

/* dict.c */
Val dc_display(Inf *I, Node *n);
Val dc_call(Inf *I, Node *call); /* dict(...) */
Val dc_get(Inf *I, Node *sub, Val d);
void dc_store(Inf *I, Node *sub, Val d, Val v);
void dc_augassign(Inf *I, Node *s, Val d);
Val dc_contains(Inf *I, Val d, Val k, Node *at);
Ref dc_len(Inf *I, Val d);
Val dc_part(Inf *I, Val d, int which); /* its keys (0) or values (1) as a list */
void dc_delete(Inf *I, Node *sub, Val d);
void dc_delete_key(Inf *I, Val d, Val k, Node *at);
Val dc_method(Inf *I, Node *call, Val d, const char *m);
Val dc_typed(Inf *I, const Type *t, Val v);
void dc_key_kind(Inf *I, const char *box, const Type *t, Node *at); /* box ("dict", "set") keys: numbers or tuples */
Val dc_fit(Inf *I, const char *box, const Type *want, Val v, Node *at, const char *what); /* v as a key (value) */

/* generator.c: NumPy's Generator */
Val gn_default_rng(Inf *I, Node *call);
Val gn_method(Inf *I, Node *call, Val g, const char *m);

/* set.c */
Val se_display(Inf *I, Node *n, bool iterated); /* {a, b, ...}; iterated: a for's iterable (CPython folds constants) */
Val se_comp(Inf *I, Node *n);                   /* {e for ...} */
Val se_call(Inf *I, Node *call);                /* set(), set(iterable) */
Val se_contains(Inf *I, Val s, Val k, Node *at);
Ref se_len(Inf *I, Val s);
Ref se_len_of(Inf *I, Val s, Node *n);          /* len(n) of the set s n made: a temporary's table let go */
Val se_items(Inf *I, Val s);                    /* its keys in its order, as a list (the set's own, read right away) */
Val se_binop(Inf *I, int tok, Val a, Val b, Node *at);
Val se_compare(Inf *I, int tok, Val a, Val b, Node *at);
Val se_method(Inf *I, Node *call, Val s, const char *m);
Val se_augassign(Inf *I, Node *st, Val s, Val b); /* s op= b in place: s */

/* print.c */
Val pr_print(Inf *I, Node *call);
/* an item of print() (or of str(), an f-string): its type (a literal's text; an f-string a FORMAT_GROUP), its leaves
 * appended to ops; NULL while a type is unknown */
const Type *pr_item(Inf *I, Node *a, Ref *ops, int *nops);

/* str.c: Python strings (T_STR literals, T_STRING at run time) */
bool tx_is(const Type *t);                      /* a string, literal or not */
const char *tx_text(Inf *I, Val v);             /* a literal's (T_STR's) text */
Val tx_value(Inf *I, Val v);                    /* a literal made a run-time string (others: v) */
bool tx_merge_fix(Inf *I, Val *vals, int n, Val *out); /* a merge of strings: true with *out one literal, else made */
Val tx_fstring(Inf *I, Node *n);                /* an f-string as a value */
Val tx_str_call(Inf *I, Node *call, char conv); /* str(x), repr(x), ascii(x): conv 's', 'r', 'a' */
Val tx_chr_ord(Inf *I, Node *call, bool chr);
Val tx_number(Inf *I, Val s, bool integer);     /* int(s), float(s) of a run-time string */
Val tx_int_base(Inf *I, Val s, Ref base);       /* int(s, base) */
Ref tx_len(Inf *I, Val s);
Ref tx_truth(Inf *I, Val s);
Val tx_binop(Inf *I, int tok, Val a, Val b, Node *at);
Val tx_compare(Inf *I, int tok, Val a, Val b, Node *at);
Val tx_contains(Inf *I, Val x, Val s, Node *at);
Val tx_subscript(Inf *I, Node *sub, Val s);
Val tx_chars(Inf *I, Val s);                    /* a list of its characters */
Val tx_method(Inf *I, Node *call, Val s, const char *m);
void tx_raise(Inf *I, const char *ename, Node *msg, int line); /* raise ename(msg), msg a string made at run time */
typedef struct TxPart { const char *text; Ref v; } TxPart; /* a message's text, or (text NULL) an int's value */
void tx_raise_if(Inf *I, Ref bad, const char *ename, const TxPart *parts, int n); /* a message made where it raises */
int tx_shape_parts(TxPart *p, const Ref *dims, int nd); /* NumPy's text of a shape, (3,) or (2,4), as parts: their count */

/* strfmt.c: "...".format(args) and "..." % args of a literal, as the f-strings they spell */
Val sf_format(Inf *I, Node *call, const char *text);     /* text.format(call's arguments) */
Val sf_percent(Inf *I, Node *at, const char *text, Val args); /* text % args (a tuple's items, or one value) */
Val sf_format_call(Inf *I, Node *call);                 /* format(value, spec) */

/* random.c */
/* cuda.c: Numba's CUDA kernel API (cuda.grid, cuda.threadIdx.x, shared arrays, atomics) */
int cu_submodule(int mod, const char *name);  /* cuda.threadIdx ...: its MOD_CUDA_*, or -1 */
int cu_lookup(int mod, const char *name);     /* a callable of cuda (CU_* for BI_CUDA + k), or -1 */
Val cu_register(Inf *I, int mod, const char *name, Node *at); /* cuda.threadIdx.x ... */
bool cu_module_value(Inf *I, const char *name, Val *out);      /* cuda.laneid, cuda.warpsize */
Val cu_call(Inf *I, Node *call, int k);
int rn_lookup(int mod, const char *name); /* a function of random (MOD_RANDOM) or numpy.random, or -1 */
Val rn_call(Inf *I, Node *call, int k);

/* list.c */
Val ls_display(Inf *I, Node *n);
Val ls_display_of(Inf *I, Node *n, Val *vals); /* the display n of items already computed */
Val ls_view(Inf *I, Val l);                 /* the items now: re-taken after anything that may grow the list */
Ref ls_len(Inf *I, Val l);
Val ls_item(Inf *I, Val l, Ref k);          /* l[k], k known to be in range */
Val ls_subscript(Inf *I, Node *sub, Val l);
void ls_store(Inf *I, Node *sub, Val l, Val v);
void ls_delete(Inf *I, Node *sub, Val l);
void ls_augassign(Inf *I, Node *s, Val l);
Val ls_method(Inf *I, Node *call, Val l, const char *m);
Val ls_binop(Inf *I, int tok, Val a, Val b, Node *at); /* ty NULL: no list operand */
Val ls_extend_op(Inf *I, Val l, Val m, Node *at);
Val ls_contains(Inf *I, Val l, Val x, Node *at);
Val ls_equal(Inf *I, Val a, Val b, Node *at);
Val ls_list_call(Inf *I, Node *call);
Val ls_iterable(Inf *I, Node *it); /* the items of the iterable written at it, as list(it) makes them */
bool ls_walked(Inf *I, Node *it);  /* whether list(it) walks it: a generator expression or function, range, zip, enumerate */
/* deque.c: collections.deque (a T_LIST of layout LIST_DEQUE; its methods shared with a list's are list.c's) */
Val dq_new(Inf *I, Node *call);                      /* deque(iterable=(), maxlen=None) */
Val dq_rotate(Inf *I, Node *call, Node *recv, Val d); /* d.rotate(n=1) */
Val dq_maxlen(Inf *I, Val d, Node *at);               /* d.maxlen: None or an int (an Optional) */
Val ls_sorted_call(Inf *I, Node *call);
Val ls_of_value(Inf *I, Val v, Node *it); /* list(v) of a value: a copy of a list, a tuple's or string's items... */
Val ls_to_array(Inf *I, Val l, Node *at);
Val ls_tuple_to_array(Inf *I, Val t, Node *at); /* a tuple's items as a new 1-d array (a[i] = (x, y)) */
Val ls_typed(Inf *I, const Type *item, Val v);
void ls_set_item(Inf *I, Val l, Ref k, Val v); /* l[k] = v, k known to be in range, v of l's item type */
Val ls_copy(Inf *I, Val l);
Val ls_list_of_untyped(Inf *I); /* a new empty untyped list */
const Type *ls_item_join(Inf *I, const Type *a, const Type *b); /* the type two items of one list share, or NULL */

/* fancy.c */
Val fx_read(Inf *I, Val arr, Val idx, Node *at);
void fx_store(Inf *I, Val arr, Val idx, Val v, Node *at);
/* several indices, some of them integer arrays (ex_index's nidx -3: idx a tuple of them): gather, scatter */
Val fx_multi_read(Inf *I, Val arr, Val idx, Node *at);
void fx_multi_store(Inf *I, Val arr, Val idx, Val v, Node *at);
/* one index array among slices (ex_index's nidx -4: the view, the array, its axis packed): gather, scatter */
Val fx_adv_read(Inf *I, Val packed, Node *at);
void fx_adv_store(Inf *I, Val packed, Val v, Node *at);

/* sorting.c */
int so_lookup(const char *name);
Val so_call(Inf *I, Node *call, int which, const Val *self);
Val so_sort_method(Inf *I, Node *call, Val a);
Val so_nonzero(Inf *I, Node *call, Val a);

/* view.c */
bool vw_is_newaxis(Node *k);
Node *vw_ellipsis(Inf *I, Node *sub, int nd, bool *view); /* the subscript with its `...` written out as full slices */
Val vw_subscript(Inf *I, Node *sub, Val arr);
typedef struct VwAdv { Val idx; int axis; } VwAdv; /* one 1-d integer array among slices (axis: in the view; -1 none) */
Val vw_subscript_adv(Inf *I, Node *sub, Val arr, VwAdv *adv);
Val vw_move_axis(Inf *I, Val a, int from, int to, Node *at); /* axis from moved to position to: a view */
/* a view of arr's memory: byte offset off, then nd lengths and strides */
Val vw_make(Inf *I, Val arr, Ref off, const Ref *dims, const Ref *strides, int nd, int layout, Node *at);
Val vw_part(Inf *I, Val a, bool imag, Node *at); /* a.real / a.imag of an array: a view of its parts */
bool vw_order_f(Inf *I, Node *call, Val a, const char *fname); /* ravel/flatten's order: 'F'? */
Val vw_transpose(Inf *I, Val a, Node *at);
Val vw_permute(Inf *I, Val a, Node *const *axes, int n, Node *at); /* a.transpose(axes): constant axes */
Val vw_axes(Inf *I, Val a, const int *order, Node *at); /* a view, axis k a's order[k] */
Val vw_flip(Inf *I, Val a, int axis, Node *at); /* np.flip: a view, axis < 0 every axis */
Val vw_rot90(Inf *I, Val a, int64_t k, Node *at); /* np.rot90(a, k) in axes (0, 1): a view */
Val vw_diagonal(Inf *I, Val a, Ref k, Node *at); /* a 2-d array's diagonal k, a view */
Val vw_reshape(Inf *I, Node *call, Val a, bool ravel);
Val vw_ravel(Inf *I, Val a, Node *at);

#endif
