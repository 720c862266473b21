/*
 * type.h — kiln's types: scalars (with NumPy 2 "weak" Python scalars), arrays
 * (dtype, rank, layout), tuples, and the static types that exist only at
 * compile time (None, dtypes, modules, functions).
 *
 * Types are interned per context, so two types are equal iff their pointers
 * are. Scalar and array types are made up front; tuples on demand.
 */
#ifndef KILN_TYPE_H
#define KILN_TYPE_H

#include "../base/base.h"
#include "../../include/kiln.h"

typedef enum {
    T_UNKNOWN,  /* not yet inferred (recursion, loop-carried widening): bottom */
    T_NONE,
    T_SCALAR,
    T_ARRAY,
    T_TUPLE,
    T_DTYPE,    /* a dtype as a value: np.float32, float, x.dtype */
    T_MODULE,   /* math, numpy */
    T_FUNC,     /* a kernel of this module: id = def index */
    T_BUILTIN,  /* a builtin callable: id = BI_* */
    T_CLOSURE,  /* a lambda or a def inside a kernel: id = its node's id (lowered where it is called) */
    T_STR,      /* a string literal (messages) */
    T_FORMAT,   /* what print() prints: elems sep, end (T_STR texts), then each item's type; layout: FORMAT_*
                 * (f-strings nest in it); compile time only */
    T_DICT,     /* a Python dict: elems[0] the key type, elems[1] the value type (T_UNKNOWN until learned); one slot,
                 * the RtDict's address (dtype int64) */
    T_LIST,     /* a Python list: elems[0] the item type (T_UNKNOWN: an empty list not typed yet); one slot, the
                 * RtList's address (dtype int64: a CAST to and from int64 is a move); layout LIST_DEQUE: a
                 * collections.deque (an RtList too: its maxlen the RtList's, rt/run.h) */
    T_SET,      /* a Python set: elems[0] the key type (T_UNKNOWN until learned); one slot, the RtSet's address */
    T_RNG,      /* NumPy's Generator (np.random.default_rng): one slot, the RtRng's address (tt->rng) */
    T_EXC,      /* the exception an except clause's `as` name holds: one slot, the record it is kept in (tt->exc) */
    T_STRING,   /* a Python str at run time (tt->string): one slot, the address of an RtList of its UTF-8 bytes (rt/str.c);
                 * a literal is a T_STR until it is stored, passed, returned or meets a run-time string */
    T_CLASS,    /* a named-tuple class (collections.namedtuple at module level), compile time only: names its class
                 * and fields, aux the module's defaults (lower's Lit, one per default, the last fields') */
    T_NBTYPE,   /* a Numba type written at module level (`int_array = types.int64[:]`), compile time only: lowering
                 * reads its constant's syntax where a container's type is taken (lower/nbtyped.c) */
} TypeKind;

enum { LAYOUT_C = 0, LAYOUT_ANY = 1 };  /* C-contiguous, or any strides */
/* a T_DICT's layout: a plain dict (KILN_FACTORY_NONE), or a collections.defaultdict and its default factory (kiln.h's
 * kiln_factory; lower/dict.c) */
extern const char *const ty_factory_names[KILN_FACTORY_COUNT]; /* "", "int", "float" ... */
/* An Optional (a function returning None on some paths and T on others) is the pair (bool: not None, T),
 * a tuple marked TUPLE_OPTIONAL: it travels through calls, returns and variables as tuples do */
enum { TUPLE_OPTIONAL = 1 };
enum { LIST_DEQUE = 1 }; /* a T_LIST's layout: a collections.deque (lower/deque.c) */
#define TY_TUPLE_MAX 64 /* items of a tuple: the arrays that build and join tuple types are this size, and the
                        * stacks that walk a tuple type's items depth first */
#define TY_LEAVES_MAX 256 /* scalar and array leaves of one flattened value (a call's operands, a return) */
enum { MOD_MATH, MOD_NUMPY, MOD_RANDOM, MOD_NP_RANDOM, MOD_NP_LINALG, /* math, numpy, random, numpy.random, numpy.linalg */
       MOD_CUDA, MOD_CUDA_TID, MOD_CUDA_CTAID, MOD_CUDA_NTID, MOD_CUDA_NCTAID, /* numba.cuda (kiln.cuda), cuda.threadIdx ... */
       MOD_CUDA_SHARED, MOD_CUDA_LOCAL, MOD_CUDA_ATOMIC, MOD_ITERTOOLS, MOD_FUNCTOOLS, MOD_HEAPQ, MOD_TIME, MOD_BISECT,
       MOD_NUMBA, MOD_NB_TYPED, MOD_NB_TYPES, /* numba, numba.typed, numba.types (lower/nbtyped.c) */
       MOD_COLLECTIONS, MOD_CMATH, MOD_COUNT };

/* a named tuple's class: its name and field names, interned by content (two modules' `Point = namedtuple('Point',
 * 'x y')` are one), and a 64-bit hash of them that signatures carry (jit_sig_encode) */
typedef struct TyNames {
    kiln_tuple_names api; /* the same names as kiln.h hands them over (a default value's, say: jit/dispatch.c) */
    const char *name;
    const char **fields;
    int32_t n;
    uint64_t hash;
    int32_t id;   /* its number in the context (isinstance's class) */
    const struct TyNames *next; /* the interning chain */
} TyNames;

typedef struct Type Type;
struct Type {
    uint8_t kind;
    uint8_t dtype;   /* T_SCALAR, T_ARRAY, T_DTYPE */
    uint8_t weak;    /* T_SCALAR: a Python int/float/complex/bool */
    uint8_t ndim;    /* T_ARRAY */
    uint8_t layout;  /* T_ARRAY; T_TUPLE: TUPLE_OPTIONAL for an Optional */
    uint16_t n;      /* T_TUPLE */
    int32_t id;      /* T_MODULE, T_FUNC, T_BUILTIN */
    const Type **elems;
    uint32_t nleaves; /* runtime values this type flattens to (tuples: sum) */
    const char *text; /* T_STR from ty_text: a string literal's text */
    const TyNames *names; /* T_TUPLE: a named tuple's class (NULL: a plain tuple); T_CLASS: the class */
    const void *aux;  /* T_CLASS: its defaults, as lowering keeps constants (lower.h's Lit) */
    int32_t ndefaults; /* T_CLASS */
    Type *next;       /* interning chain */
};

typedef struct TypeTab {
    Arena arena;
    Type unknown, none, str, rng, exc, string, nbtype;
    Type scalar[KILN_NDTYPE][2];
    Type array[KILN_NDTYPE][KILN_MAXDIM + 1][2];
    Type dtype[KILN_NDTYPE];
    Type module[MOD_COUNT];
    Type *dyn;        /* tuples, funcs, builtins */
    const TyNames *names; /* named-tuple classes */
} TypeTab;

void ty_init(TypeTab *tt);
void ty_free(TypeTab *tt);
const Type *ty_scalar(TypeTab *tt, kiln_dtype d, bool weak);
const Type *ty_array(TypeTab *tt, kiln_dtype d, int ndim, int layout);
const Type *ty_tuple(TypeTab *tt, const Type **elems, int n); /* NULL on OOM */
/* the names of a named-tuple class, interned (fields: n of them); NULL on OOM */
const TyNames *ty_names(TypeTab *tt, const char *name, const char *const *fields, int n);
uint64_t ty_names_hash(const char *name, const char *const *fields, int n); /* what TyNames.hash is */
/* a tuple of elems named as like is (a named tuple's class when like is one, else a plain tuple): what a tuple
 * becomes when its items' types change (a merge, a variable's leaves read back) */
const Type *ty_tuple_as(TypeTab *tt, const Type *like, const Type **elems, int n); /* NULL on OOM */
const Type *ty_named_tuple(TypeTab *tt, const TyNames *names, const Type **elems, int n); /* NULL on OOM */
/* a named-tuple class (not interned: one per module constant, its defaults its own); NULL on OOM */
const Type *ty_class(TypeTab *tt, const TyNames *names, const void *defaults, int ndefaults);
const Type *ty_func(TypeTab *tt, int kind, int id);            /* T_FUNC / T_BUILTIN */
const Type *ty_list(TypeTab *tt, const Type *item);            /* NULL on OOM */
const Type *ty_list_as(TypeTab *tt, const Type *item, int layout); /* LIST_DEQUE: a deque's; NULL on OOM */
static inline bool ty_is_deque(const Type *t) { return t->kind == T_LIST && t->layout == LIST_DEQUE; }
const Type *ty_dict(TypeTab *tt, const Type *key, const Type *value); /* NULL on OOM */
const Type *ty_dict_as(TypeTab *tt, const Type *key, const Type *value, int factory); /* a defaultdict's: KILN_FACTORY_*; NULL on OOM */
const Type *ty_set(TypeTab *tt, const Type *key);               /* NULL on OOM */
const Type *ty_optional(TypeTab *tt, const Type *t);           /* NULL on OOM */
const Type *ty_text(TypeTab *tt, const char *s);               /* the T_STR of a literal's text; NULL on OOM */
/* a T_FORMAT: FORMAT_PRINT (sep, end, items), FORMAT_GROUP (an f-string: "", "", its parts), FORMAT_FIELD
 * (an f-string's {value:spec}: the spec's text, the conversion's, the value's type); NULL on OOM */
enum { FORMAT_PRINT, FORMAT_GROUP, FORMAT_FIELD };
const Type *ty_format(TypeTab *tt, const Type **elems, int n, int kind);
static inline bool ty_is_optional(const Type *t) { return t->kind == T_TUPLE && t->layout == TUPLE_OPTIONAL; }
static inline const Type *ty_item(const Type *list) { return list->elems[0]; }
/* how a list's items are stored: a number as its dtype, a list as its address (int64) */
static inline int ty_item_dtype(const Type *list) { return list->elems[0]->kind == T_SCALAR ? list->elems[0]->dtype : KILN_INT64; }

/* dtype classes */
static inline bool dt_is_int(int d) { return d >= KILN_INT8 && d <= KILN_UINT64; }
static inline bool dt_is_signed(int d) { return d >= KILN_INT8 && d <= KILN_INT64; }
static inline bool dt_is_unsigned(int d) { return d >= KILN_UINT8 && d <= KILN_UINT64; }
static inline bool dt_is_float(int d) { return d == KILN_FLOAT32 || d == KILN_FLOAT64; }
static inline bool dt_is_complex(int d) { return d == KILN_COMPLEX64 || d == KILN_COMPLEX128; }
static inline bool dt_is_intlike(int d) { return d <= KILN_UINT64; } /* bool or int */
int dt_kind(int d);   /* 0 bool, 1 int, 2 float, 3 complex */
/* NumPy's casting rules (np.can_cast): no/equiv (the same dtype), safe, same_kind, unsafe */
enum { CAST_NO, CAST_EQUIV, CAST_SAFE, CAST_SAME_KIND, CAST_UNSAFE };
bool dt_can_cast(int from, int to, int rule);
extern const unsigned char dt_bits_tab[]; /* the table dt_bits reads (type.c) */
static inline int dt_bits(int d) { return dt_bits_tab[d]; } /* storage bits (complex: both parts); inline: every call's contiguity check reads it */
kiln_dtype dt_promote(kiln_dtype a, kiln_dtype b); /* NumPy's promote_types */

static inline bool ty_is_scalar(const Type *t) { return t->kind == T_SCALAR; }
/* a value that lives in frame slots (a tuple is its leaves; static types have no slots) */
/* a value that is one slot, the address of a runtime object the call owns (a list, dict, set, Generator, exception,
 * string) */
static inline bool ty_is_ref(const Type *t) {
    return t->kind == T_LIST || t->kind == T_DICT || t->kind == T_SET || t->kind == T_RNG || t->kind == T_EXC ||
           t->kind == T_STRING;
}
static inline bool ty_is_leaf(const Type *t) { return t->kind == T_SCALAR || t->kind == T_ARRAY || ty_is_ref(t); }
static inline bool ty_is_num(const Type *t, int d) { return t->kind == T_SCALAR && t->dtype == d; }

/* the result type of mixing two scalars in arithmetic, NEP 50 rules */
const Type *ty_promote(TypeTab *tt, const Type *a, const Type *b);
/* the type a control-flow merge gives two incoming types, or NULL if none */
const Type *ty_join(TypeTab *tt, const Type *a, const Type *b);

/* "int", "float32", "array(float64, 2d, C)", "tuple(int, float)" */
int ty_str(const Type *t, char *buf, size_t cap);
const char *ty_name(const Type *t); /* static buffer-free names for scalars; else "array" … */

#endif
