/*
 * lib.h — the runtime's library routines that OP_LIB calls on every tier
 * (their vocabulary is ir/lib.h): batched matrix products (rt/matmul.c),
 * sorting and selection (rt/sort.c), nonzero; reductions and scans are
 * rt/reduce.h's.
 */
#ifndef KILN_LIB_H
#define KILN_LIB_H

#include "reduce.h"


/* a (batch..., M, K) @ b (batch..., K, N) into a new C array (dot: np.dot's, whose operands that are neither C- nor
 * F-contiguous are copied first); 0, or -1 with the error raised */
int rt_matmul(Run *run, const RdArr *a, const RdArr *b, int nb, bool dot, Slot *out, int line, const char *file);
int rt_vdot(Run *run, const RdArr *a, const RdArr *b, bool dot, Slot *out, int line, const char *file); /* vector . vector */
bool rt_blas_available(void);
/* NumPy's dotfunc of dtype dt: *out = sum of x[i] * y[i] for n elements, strides in bytes (BLAS's ?dot for floats) */
void rt_dotfunc(int dt, const char *x, int64_t sx, const char *y, int64_t sy, int64_t n, char *out);
/* correlate.c: np.correlate (how: mode 0 valid, 1 same, 2 full) or np.convolve (how | CORR_CONVOLVE) of the 1-d a and
 * v of one dtype: a new array */
int rt_correlate(Run *run, int how, const RdArr *a, const RdArr *v, Slot *out, int line, const char *file);
/* blas.c: the BLAS/LAPACK library (NumPy's OpenBLAS where loaded; KILN_BLAS names another, "0" none; then
 * Debian's, then fallback) that has every one of the n routines (plain names: "dgesv_", "cblas_dgemm"): their
 * addresses into addr and whether its integers are 64-bit (*wide); false if no library has them all */
bool rt_blas_symbols(const char *fallback, const char *const *syms, void **addr, int n, bool *wide);
/* an integer the library wrote through a pointer to an int64_t, as a value (a 32-bit library writes the low half) */
int64_t rt_blas_int(int64_t v, bool wide);
/* on: wait for, off: release the one OpenBLAS call at a time (matmul.c says why; np.linalg's LAPACK calls take it too) */
void rt_blas_lock(bool on);
/* sort.c: a sorted (partitioned) copy or the indices that sort (partition) a along axis (-1: flattened) */
int rt_sort(Run *run, int routine, const RdArr *a, int axis, int64_t kth, Slot *out, int line, const char *file);
int rt_nonzero(Run *run, const RdArr *a, Slot *out, int line, const char *file);
/* order.c: LIB_KEEPORDER: a new uninitialized array of dtype laid out as NumPy lays out the result of the calls the n
 * values v describe (ir/lib.h's KEEP_*) */
int rt_keeporder(Run *run, int dtype, const int64_t *v, int n, Slot *out, int line, const char *file);
/* linalg.c: LA_* (ir/lib.h) of the float matrix a (and b for LA_SOLVE, LA_SOLVE1, LA_LSTSQ; rcond for LA_LSTSQ, where
 * rcond_given, and LA_PINV): a new array, or the determinant */
int rt_linalg(Run *run, int op, const RdArr *a, const RdArr *b, double rcond, bool rcond_given, Slot *out, int line,
              const char *file);

/* arrayfmt.c: NumPy's str() (repr: its repr()) of the array of type t in slots v, malloc'd; NULL: out of memory */
char *rt_array_text(const Type *t, const Slot *v, bool repr);

/* list.c: what changes a Python list's length or storage (CPython's messages); -1 with the error raised */
int rt_list_append(Run *r, RtList *l, const Type *item, const Slot *v, int line, const char *file);
int rt_list_pop(Run *r, RtList *l, const Type *item, int64_t i, int op, Slot *out, int line, const char *file); /* out NULL: dropped; op LISTOP_* */
int rt_list_insert(Run *r, RtList *l, const Type *item, int64_t i, const Slot *v, int op, int line, const char *file); /* op LISTOP_* */
int rt_list_extend(Run *r, RtList *l, const RtList *m, int op, int line, const char *file); /* op LISTOP_* */
int rt_list_maxlen(Run *r, RtList *l, int64_t maxlen, int line, const char *file); /* deque(maxlen=...): ValueError if < 0 */
RtList *rt_list_from(Run *r, const RdArr *a, int64_t item, int line, const char *file); /* items of `item` bytes each */
RtList *rt_list_repeat(Run *r, const RtList *m, int64_t k, int line, const char *file);
void rt_list_reverse(RtList *l);
int rt_list_splice(Run *r, RtList *l, int64_t start, int64_t stop, int given, const RtList *m, int line, const char *file);
int rt_list_argsort(Run *r, const RtList *l, const Type *item, Slot *out, int line, const char *file); /* Python's <, stable */
/* a C array of dtype (the innermost lists' item dtype) from a list of lists nested ndim deep */
int rt_list_array(Run *r, const RtList *l, int ndim, int dtype, Slot *out, int line, const char *file);
/* LIST_FIND_* (ir/lib.h) of x (an item's slots; EQ: another list's) in l[start:stop] of type lt */
int rt_list_find(Run *r, const RtList *l, const Type *lt, int mode, const Slot *x, int64_t start, int64_t stop, Slot *out,
                 int line, const char *file);

/* print.c: print() of the items fmt (a T_FORMAT) describes, their leaves at s[ops[0]], s[ops[1]], ... */
int rt_print(Run *r, const Type *fmt, const Slot *s, const int32_t *ops, int line, const char *file);
/* the text print() would write of them (fmt a FORMAT_PRINT), malloc'd, its length in *n; NULL: out of memory */
char *rt_format_text(const Type *fmt, const Slot *s, const int32_t *ops, size_t *n);
/* the same into buf (cap bytes) while it fits: buf, or a malloc'd text when it did not; NULL: out of memory */
char *rt_format_into(const Type *fmt, const Slot *s, const int32_t *ops, char *buf, size_t cap, size_t *n);
/* whether an f-string's format spec is one rt_print formats for a value of type t */
bool rt_format_spec_ok(const char *spec, const Type *t);

/* str.c: Python strings (RtLists of UTF-8 bytes); -1 with the error raised */
RtList *rt_str_new(Run *r, const char *s, size_t n, int line, const char *file);
int64_t rt_str_len(const RtList *s);                 /* in code points */
int64_t rt_str_offset(const RtList *s, int64_t k);   /* the byte offset of code point k */
int rt_str_share(Run *r); /* the call's one-character strings made now (before parallel tasks share them); -1 OOM */
char *rt_str_repr(const RtList *s);                  /* repr(s), malloc'd; NULL: out of memory */
int rt_str_compare(const RtList *a, const RtList *b); /* -1, 0, 1 */
/* LIB_STR's routine op (STR_*, ir/lib.h) of operand 0 (slot a0 of frame fr; at its type) and the nb others at ops */
int rt_str(Run *r, int op, int mode, const Type *at, const Slot *fr, int32_t a0, const int32_t *ops, int nb, Slot *out,
           int line, const char *file);

/* dict.c: a dict's entries are found by key; -1 with the error raised (KeyError shows the key's repr) */
RtDict *run_dict_new(Run *r, int64_t ksize, int64_t vsize, int line, const char *file);
int64_t rt_dict_find(const RtDict *d, const Type *kt, const Slot *key); /* the entry, or -1 */
int rt_dict_index(Run *r, const RtDict *d, const Type *kt, const Slot *key, int64_t *out, int line, const char *file);
int rt_dict_set(Run *r, RtDict *d, const Type *kt, const Type *vt, const Slot *key, const Slot *val, int line, const char *file);
int rt_dict_delete(Run *r, RtDict *d, const Type *kt, const Slot *key, int line, const char *file);
void rt_dict_clear(RtDict *d);
RtDict *rt_dict_copy(Run *r, const RtDict *d, int line, const char *file);
/* set.c: sets in CPython's order; -1 with the error raised */
RtSet *run_set_new(Run *r, int64_t key, int line, const char *file);
int64_t rt_py_hash(const Type *t, const void *item);
int64_t rt_py_hash_slots(const Type *t, const Slot *v); /* hash() of a number or tuple in slots (its leaves, in order) */
int rt_counter_order(const int64_t *count, int64_t n, int64_t *order); /* print.c: a Counter's repr order; -1 out of memory */   /* Python's hash() of a number or tuple stored as a list item */
int rt_set_key(Run *r, RtSet *s, const Type *kt, int mode, const Slot *key, Slot *out, int line, const char *file);
int rt_set_binop(Run *r, int op, RtSet *a, RtSet *b, const Type *kt, Slot *out, int line, const char *file);
int rt_set_reserve(Run *r, RtSet *s, int64_t n, int line, const char *file);
int64_t rt_set_keyn(RtSet *s, const int64_t *leaves, int64_t mode, int64_t desc); /* tier 2's direct path; -2: the general one */
int64_t rt_dict_keyn(RtDict *d, int64_t key, int64_t dtype, int64_t val, int64_t set); /* the same for dicts */
void rt_set_clear(Run *r, RtSet *s, int line, const char *file);
RtList *rt_set_pop(Run *r, RtSet *s, int line, const char *file);
RtList *rt_set_items(Run *r, RtSet *s, int line, const char *file);
const RtList *rt_set_view(RtSet *s); /* rt_set_items without a call to raise in: NULL when out of memory */
int rt_set_adopt_begin(RtSet *s, int64_t mask);                          /* a caller's table, taken in as it is: */
void rt_set_adopt_put(RtSet *s, const Type *kt, int64_t i, const Slot *key); /* slot i's key (NULL: a dummy) */
int rt_set_adopt_end(RtSet *s, const Type *kt, int64_t finger);          /* -1: the keys are not where hashes lead */
int rt_set_export(const RtSet *s, const Type *kt, int32_t *slots);       /* the table as slots; -1: it holds a NaN */
/* pcg64.c: NumPy's Generator; -1 (NULL) with the error raised */
RtRng *rt_rng_new(Run *r, int64_t seed, bool given, int line, const char *file); /* default_rng(seed); given false: None */
RtRng *rt_rng_of(Run *r, unsigned __int128 state, unsigned __int128 inc, bool has32, uint32_t half); /* a caller's */
void rt_clock(int which, Slot *out); /* LIB_CLOCK: the time module's clock `which` (ir/lib.h's PYCLOCK_*) now */
int rt_rng_fill(Run *r, RtRng *g, int kind, double a, double b, int64_t lo, uint64_t span, void *out, int64_t n, int line,
                const char *file); /* RNG_*: n doubles (int64s) into out, as NumPy fills them */
int rt_rng_permute(Run *r, RtRng *g, int kind, void *data, int64_t n, int64_t stride, int64_t size, int line,
                   const char *file); /* RNG_SHUFFLE: n items of size bytes, stride apart; RNG_SAMPLE*: n of range(stride) */
bool rt_item_eq(const Type *t, const void *p, const void *q); /* list.c: == of two items of type t */
void rt_repr(const Type *ty, const Slot *v, char *buf, size_t cap); /* print.c */

#endif
