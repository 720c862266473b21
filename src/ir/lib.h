/*
 * lib.h — the vocabulary of OP_LIB, the library routines every tier calls:
 * reductions and scans (RK_*, with RdSpec packed into the aux), batched matrix
 * products, sorting and selection, nonzero, and NEP 50's error for a Python int
 * that does not fit an integer dtype. aux & 0xff picks the routine. Lowering
 * builds these, the printer names them; the routines themselves are rt/'s
 * (rt/lib.h, rt/reduce.h).
 */
#ifndef KILN_IR_LIB_H
#define KILN_IR_LIB_H

#include <stdbool.h>
#include <stdint.h>

/* LIB_LIST_POP / INSERT / EXTEND's aux >> 8: a collections.deque's operation (its messages: "pop from an empty deque",
 * "deque already at its maximum size"), and appendleft / extendleft (a bounded deque full: its last item dropped) */
enum { LISTOP_DEQUE = 1, LISTOP_LEFT = 2 };

enum { RK_SUM, RK_PROD, RK_MEAN, RK_VAR, RK_STD, RK_MIN, RK_MAX, RK_ARGMIN, RK_ARGMAX, RK_ALL, RK_ANY,
       RK_CUMSUM, RK_CUMPROD, RK_COUNT };

enum {
    LIB_MATMUL = 64,   /* aux: LIB_MATMUL | batch axes << 8 | MATMUL_* << 16 (np.dot's copies: rt/matmul.c) */
    LIB_SORT, LIB_ARGSORT, LIB_PARTITION, LIB_ARGPARTITION, /* aux: routine | (axis + 1) << 8 (0: flattened); b: kth */
    LIB_NONZERO,       /* the (count, ndim) int64 indices of the nonzero elements (NumPy's one array) */
    LIB_INT_BOUNDS,    /* a scalar Python int (not an array) outside dtype aux >> 8: NEP 50's OverflowError */
    /* Python lists (operand 0 a list unless said; they write the list, so lowering never reuses a view
     * taken before one of them) */
    LIB_LIST_NEW,      /* operand 0: n; a new list of n zeroed items (n < 0: empty) */
    LIB_LIST_APPEND,   /* l.append(v) (a bounded deque full: its first item dropped) */
    LIB_LIST_POP,      /* l.pop(i): the item; IndexError as CPython; aux >> 8: LISTOP_* */
    LIB_LIST_INSERT,   /* l.insert(i, v), i clamped as CPython; aux >> 8: LISTOP_* (LEFT: appendleft) */
    LIB_LIST_EXTEND,   /* l.extend(m), m a list of l's type (may be l); aux >> 8: LISTOP_LEFT: extendleft */
    LIB_LIST_FROM,     /* operand 0: a 1-d array; a new list of its items */
    LIB_LIST_REPEAT,   /* l * k: a new list */
    LIB_LIST_CLEAR,    /* l.clear() */
    LIB_LIST_REVERSE,  /* l.reverse() */
    LIB_LIST_ARRAY,    /* np.array(l) of a list of lists (nested to the result's rank): NumPy's inhomogeneous-shape
                        * ValueError */
    LIB_LIST_FIND,     /* operands l, start, stop, then x's leaves; aux >> 8: LIST_FIND_* (x has l's item type) */
    LIB_LIST_SPLICE,   /* l[start:stop] = m (operands l, start, stop, m); aux >> 8: bit 0 start given, bit 1 stop given */
    LIB_LIST_ARGSORT,  /* a 1-d int64 array: the stable order of l's items by Python's < (tuples, strings, lists, numbers) */
    LIB_LIST_MAXLEN,   /* a deque's maxlen: aux >> 8 0: set to operand 1 (ValueError if negative), 1: read (an int: maxlen
                        * + 1, 0 unbounded) */
    LIB_LIST_LAST = LIB_LIST_MAXLEN,
    LIB_RANDOM,        /* aux >> 8: RND_*; operand 0 an int (the seed, n, k or the range; 0 where none) */
    LIB_PRINT,         /* print(): operand 0 a static T_FORMAT (the items' types), then the items' leaves */
    /* Python dicts (operand 0 a dict unless said) */
    LIB_DICT_NEW,      /* operand 0: 0; a new empty dict */
    LIB_DICT_FIND,     /* the key's leaves; aux >> 8: DICT_FIND_* */
    LIB_DICT_SET,      /* d[k] = v: the key's leaves, then the value's */
    LIB_DICT_DEL,      /* del d[k] (KeyError) */
    LIB_DICT_CLEAR,    /* d.clear() */
    LIB_DICT_COPY,     /* d.copy(): a new dict of d's entries in d's order (shallow: what they hold is shared) */
    LIB_DICT_PART,     /* aux >> 8: 0 its keys, 1 its values, as a list (its own entries: read, not kept past a change) */
    LIB_GPU,           /* a CUDA kernel's thread registers, barrier, shared arrays and atomics: ir/gpu.h */
    LIB_EXC,           /* the exception a try statement caught (operand 0: 0): aux >> 8 & 0xff EXC_MATCH (a bool: it is
                        * one of the classes in the mask aux >> 16, rt/exc.h), EXC_CLEAR (it was handled), EXC_SAVE (an
                        * int, the record it is set aside in while a finally clause runs: none pending then) or
                        * EXC_RESTORE (operand 0 that record: pending again) */
    /* Python sets (operand 0 a set unless said; rt/set.c) */
    LIB_SET_NEW,       /* operand 0: 0; a new empty set */
    LIB_SET_KEY,       /* the key's leaves; aux >> 8: SETKEY_* */
    LIB_SET_POP,       /* s.pop(): a one-item list holding the key (KeyError when empty) */
    LIB_SET_CLEAR,     /* s.clear() */
    LIB_SET_ITEMS,     /* the keys in iteration order, as a list (the set's own: read, not kept past a change) */
    LIB_SET_BIN,       /* operands a, b (sets of one key type); aux >> 8: SETOP_* */
    LIB_SET_RESERVE,   /* operand 1: n keys about to be added (CPython's one resize before a dict's keys) */
    /* NumPy's Generator (rt/pcg64.c) */
    LIB_RNG_NEW,       /* operand 0: the seed; aux >> 8: 1 given, 0 None (the OS's entropy); a new Generator */
    LIB_RNG_DRAW,      /* operands g, a, b (floats), lo, span (ints); aux >> 8: RNG_*: one value (a float, an int) */
    LIB_RNG_FILL,      /* operands g, an array, a, b, lo, span; aux >> 8: RNG_*: the array filled as NumPy fills it (a C array), or
                        * permuted in place (SHUFFLE), or a sample of a range (SAMPLE*); aux >> 16: its rank */
    /* Python strings (rt/str.c): operand 0 a string (LIT: a static T_STR; FORMAT: a static T_FORMAT, then the items'
     * leaves; CHR: an int); aux >> 8 & 0xff: STR_*, aux >> 16 the routine's mode */
    LIB_STR,
    LIB_CLOCK,         /* operand 0: 0; aux >> 8: PYCLOCK_*: the time module's clock read now (a float of seconds, or _NS an
                        * int of nanoseconds): never folded, never moved past another effect */
    LIB_AFREE,         /* operand 0: an array a loop iteration made and is done with (opt/arrfree.c): its buffer let go;
                        * operand 1, if any: an array whose buffer is kept (operand 0 let go only if it is another) */
    LIB_LINALG,        /* aux >> 8 & 0xff: LA_*; operand 0 a float matrix, then b, rcond (below): rt/linalg.c */
    LIB_CORRELATE,     /* operands a, v (1-d, one numeric type); aux >> 8: the mode (0 'valid', 1 'same', 2 'full'), with
                        * CORR_CONVOLVE for np.convolve, else np.correlate: rt/correlate.c */
    LIB_PYHASH,        /* hash(x) of a number or a tuple of them: operand 0 a static T_FORMAT whose one item is x's type, then
                        * x's leaves; Python's hash (rt/set.c's), an int */
    LIB_PYHYPOT,       /* math.hypot(*v) of more or fewer than 2 values, math.dist: operand 0 a list of floats, CPython's
                        * vector_norm of them (rt/arith.c rt_py_hypot) */
    LIB_KEEPORDER,     /* a new array of the result's type (any layout), uninitialized, laid out as NumPy lays out the result of
                        * the calls in operands 0.. (ints: KEEP_* below; rt/order.c) */
    LIB_LAST = LIB_KEEPORDER,
};

/* LIB_KEEPORDER's operands: the result's rank, 1 where every array operand's strides are in C order (0: not known),
 * the result's lengths, then in postfix each array operand of the calls (KEEP_LEAF | rank << 8 |
 * item size << 16, then its lengths and its strides) and each call over the last k of them (KEEP_UFUNC, a ufunc: its
 * trivial loop's order where it applies, else the iterator's; KEEP_ITER, np.where: the iterator's; KEEP_LIKE, a copy
 * in order 'K' of one array (astype, np.copy, np.empty_like...); | k << 8) */
enum { KEEP_LEAF, KEEP_UFUNC, KEEP_ITER, KEEP_LIKE };
/* a call's | flags << 16: an operator that computes into its first (REUSE0) or second (REUSE1) array operand where that is
 * a temporary of at least 256 KiB of the call's dtype, whose item size is | item << 24; such a call is followed by a run-time
 * condition (an int, 0 or 1) */
enum { KEEP_REUSE0 = 1, KEEP_REUSE1 = 2 };
enum { LIB_KEEPORDER_MAX = 2048 }; /* its operands at most (32 arrays of rank 8 take 544; a call 2) */

/* what LIB_LINALG computes (aux >> 8 & 0xff; aux >> 16: LA_RCOND where rcond is given): np.linalg.solve(a, b), inv(a),
 * det(a), cholesky(a), eigvalsh(a), eigh(a) (an (n + 1) x n array: the eigenvalues, then the eigenvectors' matrix);
 * SOLVE1: solve of a vector b, passed as an (n, 1) matrix (its messages are NumPy's solve1's); svd(a) (SVD_N: the
 * values; SVD_S, SVD_A: U, S and V^T packed in the rows of one array), qr(a) (QR_R: R; QR_REDUCED, QR_COMPLETE: Q and
 * R packed), lstsq(a, b[, rcond]) (b an (m, k) matrix; operand 2 rcond; x, residuals, S, rank packed) and pinv(a,
 * rcond) (operand 1), slogdet(a) (sign and log|det| in a vector): rt/linalg.c says how each is packed */
enum { LA_SOLVE, LA_INV, LA_DET, LA_CHOLESKY, LA_EIGVALSH, LA_EIGH, LA_SOLVE1, LA_SVD_N, LA_SVD_S, LA_SVD_A, LA_QR_R,
       LA_QR_REDUCED, LA_QR_COMPLETE, LA_LSTSQ, LA_PINV, LA_SLOGDET, LA_EIGVALS, LA_EIG };
enum { LA_RCOND = 1 };
enum { CORR_CONVOLVE = 4 }; /* LIB_CORRELATE's np.convolve */
enum { MATMUL_DOT = 1,     /* LIB_MATMUL of np.dot */
       MATMUL_VEC = 2 };   /* of two vectors (1-d, the operands themselves): the scalar, no array made (rt_vdot) */

/* what LIB_CLOCK reads: time.time(), perf_counter(), monotonic(), process_time() and their _ns forms */
enum { PYCLOCK_TIME, PYCLOCK_PERF, PYCLOCK_MONOTONIC, PYCLOCK_PROCESS, PYCLOCK_NS = 8 };

/* what LIB_STR does. A new string: LIT (the literal's text), FORMAT (what print() would write of the items, with no
 * sep and end), CAT (a + b), REPEAT (a * n), INDEX (a[i]: IndexError), SLICE (a[start:stop:step]; operands start, stop,
 * step and mode: bit 0 start given, bit 1 stop given), CASE (mode STRCASE_*; the strips: operand b the characters when given), REPLACE (a.replace(b, c)), JOIN (a.join
 * of a list of strings), CHR (chr(i)). A number: CMP (mode the comparison token's STRCMP_*: a bool), LEN (code points),
 * FIND (mode STRFIND_*: b in a, a.find(b), a.count(b), a.startswith(b), a.endswith(b)), INT / FLOAT (int(a), float(a):
 * ValueError as CPython), ORD (ord(a): TypeError unless one character). A list of strings: CHARS (its characters, for
 * iteration), SPLIT (mode STRSPLIT_*: SPLIT and RSPLIT a.split() / a.rsplit(), operand b the most splits, -1 none,
 * then the separator when given; LINES and LINES_KEEP a.splitlines(keepends); PARTITION and RPARTITION operand b the
 * separator, a list of the three pieces). SORT: operand 0 a list of strings, sorted in place.
 * RAISE: operand 0 a static T_STR (an exception class's name), operand 1 the message: that exception made pending (the
 * raise that follows sends it on). FREE: operand 0, a string nothing refers to any more, kept for the next string.
 * TEST (mode STRTEST_*: isdigit ...: a bool); PAD (mode STRPAD_*: operands width and, but for ZFILL, the fill
 * character (a string): a new string). */
enum { STR_LIT, STR_FORMAT, STR_CAT, STR_REPEAT, STR_INDEX, STR_SLICE, STR_CASE, STR_REPLACE, STR_JOIN, STR_CHR,
       STR_CMP, STR_LEN, STR_FIND, STR_INT, STR_FLOAT, STR_ORD, STR_CHARS, STR_SPLIT, STR_SORT, STR_RAISE, STR_FREE, STR_TEST, STR_PAD };
enum { STRCMP_EQ, STRCMP_NE, STRCMP_LT, STRCMP_LE, STRCMP_GT, STRCMP_GE };
enum { STRSPLIT_SPLIT, STRSPLIT_LINES, STRSPLIT_LINES_KEEP, STRSPLIT_RSPLIT, STRSPLIT_PARTITION, STRSPLIT_RPARTITION };
enum { STRFIND_IN, STRFIND_FIND, STRFIND_COUNT, STRFIND_STARTS, STRFIND_ENDS, STRFIND_RFIND, STRFIND_INDEX, STRFIND_RINDEX };
enum { STRCASE_UPPER, STRCASE_LOWER, STRCASE_STRIP, STRCASE_LSTRIP, STRCASE_RSTRIP, STRCASE_TITLE, STRCASE_CAPITALIZE, STRCASE_SWAPCASE };
enum { STRTEST_DIGIT, STRTEST_ALPHA, STRTEST_ALNUM, STRTEST_SPACE, STRTEST_UPPER, STRTEST_LOWER, STRTEST_TITLE, STRTEST_DECIMAL,
       STRTEST_NUMERIC, STRTEST_ASCII };
enum { STRPAD_LJUST, STRPAD_RJUST, STRPAD_CENTER, STRPAD_ZFILL };

/* TOGGLE: discard the key if there, else add it (symmetric_difference_update of a dict's keys) */
enum { SETKEY_ADD, SETKEY_DISCARD, SETKEY_REMOVE /* KeyError */, SETKEY_IN, SETKEY_TOGGLE };
/* a new set (COPY of a, REBUILD: a's keys added in a's order, as the compiler re-creates a frozenset constant; b is a
 * again), a changed in place (no value; SWEEP: past a quarter of dummies, resized; TAKE: b's table becomes a's; FREE:
 * a set nothing refers to any more, an operator's result len() consumed, lets its table go to the call's spares), a
 * bool, or (LEN) an int */
enum { SETOP_COPY, SETOP_REBUILD, SETOP_OR, SETOP_AND, SETOP_SUB, SETOP_XOR,
       SETOP_IOR, SETOP_IAND, SETOP_ISUB, SETOP_IXOR, SETOP_SWEEP, SETOP_TAKE,
       SETOP_EQ, SETOP_LE, SETOP_LT, SETOP_DISJOINT, SETOP_LEN, SETOP_FREE /* a temporary's table let go */ };

/* EXC_NEW (operand 0: 0): a record the call owns, for a handler with a bare `raise`; EXC_STASH (operand: that
 * record): the exception being handled kept in it (none pending); EXC_UNSTASH: pending again (a bare `raise`) */
enum { EXC_MATCH, EXC_CLEAR, EXC_SAVE, EXC_RESTORE, EXC_NEW, EXC_STASH, EXC_UNSTASH };

enum { DICT_FIND_OR_NEG, DICT_FIND_OR_RAISE, DICT_FIND_IN }; /* the entry or -1; the entry or KeyError; k in d */

/* what a Generator draws (LIB_RNG_FILL, rt/pcg64.c) */
enum { RNG_RANDOM, RNG_UNIFORM, RNG_INTEGERS,
       RNG_SHUFFLE,          /* the array's items (rows) permuted in place; operand lo: an item's (row's) bytes */
       RNG_SAMPLE,           /* choice(pop, replace=False, shuffle=False) into the int64 array; operand lo: pop */
       RNG_SAMPLE_SHUFFLED,  /* the same with shuffle=True */
       RNG_PERMUTATION };    /* permutation(n): the int64 array's range(n), shuffled */

/* the random streams (rt/random.h): Python's random, NumPy's legacy np.random */
enum { RND_PY_SEED, RND_PY_RANDOM, RND_PY_GETRANDBITS, RND_PY_RANDBELOW, RND_PY_RANDRANGE /* operands start, stop */, RND_PY_GAUSS,
       RND_NP_SEED, RND_NP_RANDOM, RND_NP_GAUSS, RND_NP_BOUNDED, RND_COUNT };

/* l.index(x), l.count(x), x in l, l.remove(x), l == x (x a list of l's type) */
enum { LIST_FIND_INDEX, LIST_FIND_COUNT, LIST_FIND_IN, LIST_FIND_REMOVE, LIST_FIND_EQ,
       LIST_FIND_DEQUE = 16 /* or'ed in: a deque's ValueError ("x is not in deque") */ };

/* what a reduction or scan computes (OP_LIB's aux, unpacked by rd_unpack) */
typedef struct RdSpec {
    int kind;
    unsigned axes;     /* reduced axes (bit k: axis k) */
    int axis;          /* argmin/argmax/scans: the axis, -1 for the flattened array */
    bool keepdims;
    bool array_result; /* false: a scalar into out[0] */
    int odt;           /* the result's dtype */
    int64_t ddof;
} RdSpec;

static inline int64_t rd_pack(int kind, unsigned axes, int axis, bool keepdims, bool array_result, int odt) {
    return (int64_t)kind | (int64_t)(axes & 0xff) << 8 | (int64_t)(axis + 1) << 16 | (int64_t)keepdims << 24 |
           (int64_t)array_result << 25 | (int64_t)odt << 32;
}

static inline RdSpec rd_unpack(int64_t aux) {
    RdSpec q = {(int)(aux & 0xff), (unsigned)(aux >> 8) & 0xff, (int)((aux >> 16) & 0xff) - 1, (aux >> 24) & 1,
                (aux >> 25) & 1, (int)(aux >> 32) & 0xff, 0};
    return q;
}

/* a string routine's name (STR_*), for IR dumps */
static inline const char *ir_str_name(int op) {
    static const char *n[] = {"lit", "format", "cat", "repeat", "index", "slice", "case", "replace", "join", "chr", "cmp",
                              "len", "find", "int", "float", "ord", "chars", "split", "sort", "raise", "free", "test", "pad"};
    _Static_assert(sizeof n / sizeof n[0] == STR_PAD + 1, "a name for every STR_ routine");
    return op >= 0 && op <= STR_PAD ? n[op] : "?";
}

/* the routine's name, for IR dumps */
static inline const char *ir_lib_name(int64_t aux) {
    static const char *rk[] = {"sum", "prod", "mean", "var", "std", "min", "max", "argmin", "argmax", "all", "any",
                               "cumsum", "cumprod"};
    _Static_assert(sizeof rk / sizeof rk[0] == RK_COUNT, "a name for every RK_ reduction");
    static const char *lib[] = {"matmul", "sort", "argsort", "partition", "argpartition", "nonzero", "int_bounds",
                                "list_new", "list_append", "list_pop", "list_insert", "list_extend", "list_from",
                                "list_repeat", "list_clear", "list_reverse", "list_array", "list_find", "list_splice", "list_argsort", "list_maxlen", "random",
                                "print", "dict_new", "dict_find", "dict_set", "dict_del", "dict_clear", "dict_copy", "dict_part", "gpu",
                                "exc", "set_new", "set_key", "set_pop", "set_clear", "set_items", "set_bin", "set_reserve",
                                "rng_new", "rng_draw", "rng_fill", "str", "clock", "afree", "linalg", "correlate", "pyhash", "pyhypot", "keeporder"};
    _Static_assert(sizeof lib / sizeof lib[0] == LIB_LAST - LIB_MATMUL + 1, "a name for every LIB_ routine");
    int r = (int)(aux & 0xff);
    if (r < RK_COUNT) return rk[r];
    return r >= LIB_MATMUL && r <= LIB_LAST ? lib[r - LIB_MATMUL] : "?";
}

#endif
