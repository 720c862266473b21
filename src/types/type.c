/*
 * type.c — interning and NumPy 2 (NEP 50) promotion.
 *
 * Promotion: two NumPy ("strong") scalars promote by NumPy's promote_types
 * table. A Python scalar ("weak") adopts the other operand's dtype when its
 * kind (bool < int < float < complex) is not higher; otherwise the result is
 * the default type of the higher kind at a precision that keeps the strong
 * operand (complex with float32 gives complex64). Two Python scalars give a
 * Python scalar of the higher kind.
 */
#include "type.h"
#include <stdio.h>

/* tables indexed by kiln_dtype: unsized, so that a dtype added without its entry fails to compile */
static const char *dt_names[] = {
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float32", "float64", "complex64", "complex128",
};
_Static_assert(NELEM(dt_names) == KILN_NDTYPE, "a name for every dtype");

const char *kiln_dtype_name(kiln_dtype t) { return (unsigned)t < KILN_NDTYPE ? dt_names[t] : "?"; }

int dt_kind(int d) {
    if (d == KILN_BOOL) return 0;
    if (dt_is_int(d)) return 1;
    if (dt_is_float(d)) return 2;
    return 3;
}

/* NumPy's safe casts: a bool to anything; within a kind to as many bytes or more; an unsigned int to
 * a wider signed one; an int to float32 (complex64) when it has 16 bits or fewer, to float64
 * (complex128) always; a float to a complex of as wide parts. same_kind adds every cast to a later
 * kind (bool, unsigned, signed, float, complex in that order) but signed to unsigned. Checked
 * against np.can_cast for every pair of kiln's dtypes. */
static int np_kind(int d) { return d == KILN_BOOL ? 0 : dt_is_unsigned(d) ? 1 : dt_is_signed(d) ? 2 : dt_is_float(d) ? 3 : 4; }

static bool safe_cast(int s, int d) {
    int ks = np_kind(s), kd = np_kind(d), bs = dt_bits(s), bd = dt_bits(d);
    if (s == d || ks == 0) return true;
    if (kd == 0) return false;
    if (ks == kd) return bd >= bs;
    if (ks == 1 && kd == 2) return bd > bs;
    if (ks <= 2 && kd >= 3) {
        int fb = kd == 3 ? bd : bd / 2; /* the float part's bits */
        return bs < fb || fb == 64;
    }
    if (ks == 3 && kd == 4) return bd / 2 >= bs;
    return false;
}

bool dt_can_cast(int from, int to, int rule) {
    switch (rule) {
    case CAST_NO: case CAST_EQUIV: return from == to;
    case CAST_SAFE: return safe_cast(from, to);
    case CAST_SAME_KIND: return safe_cast(from, to) || (np_kind(from) <= np_kind(to) && !(np_kind(from) == 2 && np_kind(to) == 1));
    default: return true;
    }
}

const unsigned char dt_bits_tab[] = {8, 8, 16, 32, 64, 8, 16, 32, 64, 32, 64, 64, 128};
_Static_assert(sizeof dt_bits_tab == KILN_NDTYPE, "a size for every dtype");

size_t kiln_dtype_size(kiln_dtype t) { return (unsigned)t < KILN_NDTYPE ? (size_t)dt_bits(t) / 8 : 0; }

void ty_init(TypeTab *tt) {
    memset(tt, 0, sizeof *tt);
    arena_init(&tt->arena);
    tt->unknown.kind = T_UNKNOWN;
    tt->none.kind = T_NONE;
    tt->str.kind = T_STR;
    tt->nbtype.kind = T_NBTYPE;
    tt->rng.kind = T_RNG; tt->rng.nleaves = 1; tt->rng.dtype = KILN_INT64;
    tt->exc.kind = T_EXC; tt->exc.nleaves = 1; tt->exc.dtype = KILN_INT64;
    tt->string.kind = T_STRING; tt->string.nleaves = 1; tt->string.dtype = KILN_INT64;
    for (int d = 0; d < KILN_NDTYPE; d++) {
        for (int w = 0; w < 2; w++) {
            Type *s = &tt->scalar[d][w];
            s->kind = T_SCALAR; s->dtype = (uint8_t)d; s->weak = (uint8_t)w; s->nleaves = 1;
            for (int n = 0; n <= KILN_MAXDIM; n++) {
                Type *a = &tt->array[d][n][w];
                a->kind = T_ARRAY; a->dtype = (uint8_t)d; a->ndim = (uint8_t)n; a->layout = (uint8_t)w;
                a->nleaves = 1;
            }
        }
        tt->dtype[d].kind = T_DTYPE; tt->dtype[d].dtype = (uint8_t)d;
    }
    for (int m = 0; m < MOD_COUNT; m++) { tt->module[m].kind = T_MODULE; tt->module[m].id = m; }
}

void ty_free(TypeTab *tt) { arena_free(&tt->arena); }

const Type *ty_scalar(TypeTab *tt, kiln_dtype d, bool weak) { return &tt->scalar[d][weak ? 1 : 0]; }
const Type *ty_array(TypeTab *tt, kiln_dtype d, int ndim, int layout) { return &tt->array[d][ndim][layout]; }

const Type *ty_named_tuple(TypeTab *tt, const TyNames *names, const Type **elems, int n) {
    for (Type *t = tt->dyn; t; t = t->next) {
        if (t->kind != T_TUPLE || t->n != n || t->layout || t->names != names) continue;
        int i = 0;
        while (i < n && t->elems[i] == elems[i]) i++;
        if (i == n) return t;
    }
    Type *t = arena_alloc(&tt->arena, sizeof *t);
    const Type **e = arena_alloc(&tt->arena, sizeof(Type *) * (size_t)(n ? n : 1));
    if (!t || !e) return NULL;
    t->kind = T_TUPLE; t->n = (uint16_t)n; t->names = names;
    for (int i = 0; i < n; i++) { e[i] = elems[i]; t->nleaves += elems[i]->nleaves; }
    t->elems = e;
    t->next = tt->dyn; tt->dyn = t;
    return t;
}

const Type *ty_tuple(TypeTab *tt, const Type **elems, int n) { return ty_named_tuple(tt, NULL, elems, n); }

const Type *ty_tuple_as(TypeTab *tt, const Type *like, const Type **elems, int n) {
    return ty_named_tuple(tt, like && like->kind == T_TUPLE && like->n == n ? like->names : NULL, elems, n);
}

/* the name and the fields, each with its length, eight bytes to a multiply: a signature hashes a named tuple
 * argument's names on every call (a byte-at-a-time FNV was a fifth of such a call's time in the package) */
uint64_t ty_names_hash(const char *name, const char *const *fields, int n) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (int i = -1; i < n; i++) {
        const char *s = i < 0 ? name : fields[i];
        size_t len = strlen(s), k = 0;
        h = (h ^ len) * 0x100000001b3ull;
        for (;; k += 8) {
            uint64_t w = 0;
            memcpy(&w, s + k, len - k < 8 ? len - k : 8);
            h = (h ^ w) * 0x9e3779b97f4a7c15ull;
            h ^= h >> 29;
            if (len - k <= 8) break;
        }
    }
    return h;
}

const TyNames *ty_names(TypeTab *tt, const char *name, const char *const *fields, int n) {
    for (const TyNames *q = tt->names; q; q = q->next) {
        if (q->n != n || strcmp(q->name, name)) continue;
        int i = 0;
        while (i < n && !strcmp(q->fields[i], fields[i])) i++;
        if (i == n) return q;
    }
    TyNames *q = arena_alloc(&tt->arena, sizeof *q);
    const char **f = arena_alloc(&tt->arena, sizeof(char *) * (size_t)(n ? n : 1));
    if (!q || !f || !(q->name = arena_strndup(&tt->arena, name, strlen(name)))) return NULL;
    for (int i = 0; i < n; i++) if (!(f[i] = arena_strndup(&tt->arena, fields[i], strlen(fields[i])))) return NULL;
    q->fields = f; q->n = n; q->hash = ty_names_hash(name, fields, n);
    q->id = tt->names ? tt->names->id + 1 : 0;
    q->api.name = q->name; q->api.fields = f;
    q->next = tt->names; tt->names = q;
    return q;
}

const Type *ty_class(TypeTab *tt, const TyNames *names, const void *defaults, int ndefaults) {
    Type *t = arena_alloc(&tt->arena, sizeof *t);
    if (!t) return NULL;
    t->kind = T_CLASS; t->names = names; t->aux = defaults; t->ndefaults = ndefaults;
    t->next = tt->dyn; tt->dyn = t;
    return t;
}

const Type *ty_optional(TypeTab *tt, const Type *v) {
    for (Type *t = tt->dyn; t; t = t->next)
        if (t->kind == T_TUPLE && t->layout == TUPLE_OPTIONAL && t->elems[1] == v) return t;
    Type *t = arena_alloc(&tt->arena, sizeof *t);
    const Type **e = arena_alloc(&tt->arena, 2 * sizeof(Type *));
    if (!t || !e) return NULL;
    e[0] = ty_scalar(tt, KILN_BOOL, false);
    e[1] = v;
    t->kind = T_TUPLE; t->n = 2; t->layout = TUPLE_OPTIONAL; t->elems = e; t->nleaves = 1 + v->nleaves;
    t->next = tt->dyn; tt->dyn = t;
    return t;
}

const Type *ty_text(TypeTab *tt, const char *s) {
    for (Type *t = tt->dyn; t; t = t->next)
        if (t->kind == T_STR && !strcmp(t->text, s)) return t;
    Type *t = arena_alloc(&tt->arena, sizeof *t);
    char *c = arena_strndup(&tt->arena, s, strlen(s));
    if (!t || !c) return NULL;
    t->kind = T_STR; t->text = c;
    t->next = tt->dyn; tt->dyn = t;
    return t;
}

const Type *ty_format(TypeTab *tt, const Type **elems, int n, int kind) {
    Type *t = arena_alloc(&tt->arena, sizeof *t);
    const Type **e = arena_alloc(&tt->arena, sizeof(Type *) * (size_t)(n ? n : 1));
    if (!t || !e) return NULL;
    memcpy(e, elems, sizeof(Type *) * (size_t)n);
    t->kind = T_FORMAT; t->n = (uint16_t)n; t->elems = e; t->layout = (uint8_t)kind;
    t->next = tt->dyn; tt->dyn = t;
    return t;
}

const char *const ty_factory_names[KILN_FACTORY_COUNT] = {"", "int", "float", "bool", "complex", "str", "list", "set", "Counter"};

const Type *ty_dict_as(TypeTab *tt, const Type *key, const Type *value, int factory) {
    for (Type *t = tt->dyn; t; t = t->next)
        if (t->kind == T_DICT && t->elems[0] == key && t->elems[1] == value && t->layout == factory) return t;
    Type *t = arena_alloc(&tt->arena, sizeof *t);
    const Type **e = arena_alloc(&tt->arena, 2 * sizeof(Type *));
    if (!t || !e) return NULL;
    e[0] = key; e[1] = value;
    t->kind = T_DICT; t->n = 2; t->elems = e; t->nleaves = 1; t->dtype = KILN_INT64; t->layout = (uint8_t)factory;
    t->next = tt->dyn; tt->dyn = t;
    return t;
}

const Type *ty_dict(TypeTab *tt, const Type *key, const Type *value) { return ty_dict_as(tt, key, value, KILN_FACTORY_NONE); }

const Type *ty_set(TypeTab *tt, const Type *key) {
    for (Type *t = tt->dyn; t; t = t->next)
        if (t->kind == T_SET && t->elems[0] == key) return t;
    Type *t = arena_alloc(&tt->arena, sizeof *t);
    const Type **e = arena_alloc(&tt->arena, sizeof(Type *));
    if (!t || !e) return NULL;
    e[0] = key;
    t->kind = T_SET; t->n = 1; t->elems = e; t->nleaves = 1; t->dtype = KILN_INT64;
    t->next = tt->dyn; tt->dyn = t;
    return t;
}

const Type *ty_list(TypeTab *tt, const Type *item) { return ty_list_as(tt, item, 0); }

const Type *ty_list_as(TypeTab *tt, const Type *item, int layout) {
    for (Type *t = tt->dyn; t; t = t->next)
        if (t->kind == T_LIST && t->elems[0] == item && t->layout == layout) return t;
    Type *t = arena_alloc(&tt->arena, sizeof *t);
    const Type **e = arena_alloc(&tt->arena, sizeof(Type *));
    if (!t || !e) return NULL;
    e[0] = item;
    t->kind = T_LIST; t->n = 1; t->elems = e; t->nleaves = 1; t->layout = (uint8_t)layout;
    t->dtype = KILN_INT64;
    t->next = tt->dyn; tt->dyn = t;
    return t;
}

const Type *ty_func(TypeTab *tt, int kind, int id) {
    for (Type *t = tt->dyn; t; t = t->next)
        if (t->kind == kind && t->id == id) return t;
    Type *t = arena_alloc(&tt->arena, sizeof *t);
    if (!t) return NULL;
    t->kind = (uint8_t)kind; t->id = id;
    t->next = tt->dyn; tt->dyn = t;
    return t;
}

/* the float dtype that holds every value of an integer dtype the way NumPy promotes */
static int float_for(int d) {
    if (d == KILN_BOOL || d == KILN_INT8 || d == KILN_UINT8 || d == KILN_INT16 || d == KILN_UINT16)
        return KILN_FLOAT32;
    return KILN_FLOAT64;
}

kiln_dtype dt_promote(kiln_dtype a, kiln_dtype b) {
    if (a == b) return a;
    if (a == KILN_BOOL) return b;
    if (b == KILN_BOOL) return a;
    int ka = dt_kind(a), kb = dt_kind(b);
    if (ka < kb || (ka == kb && ka == 1 && dt_is_unsigned(a) && dt_is_signed(b))) {
        kiln_dtype t = a; a = b; b = t;
        int k = ka; ka = kb; kb = k;
    }
    /* now kind(a) >= kind(b) */
    if (ka == 1) { /* both ints; a signed when mixed */
        if (dt_is_signed(a) == dt_is_signed(b)) return dt_bits(a) >= dt_bits(b) ? a : b;
        /* a signed, b unsigned */
        if (dt_bits(a) > dt_bits(b)) return a;
        switch (dt_bits(b)) {
        case 8: return KILN_INT16;
        case 16: return KILN_INT32;
        case 32: return KILN_INT64;
        default: return KILN_FLOAT64;
        }
    }
    int fb = kb == 1 ? float_for(b) : kb == 2 ? (int)b : (b == KILN_COMPLEX64 ? KILN_FLOAT32 : KILN_FLOAT64);
    if (ka == 2) return (kiln_dtype)(a == KILN_FLOAT64 || fb == KILN_FLOAT64 ? KILN_FLOAT64 : KILN_FLOAT32);
    /* complex */
    if (a == KILN_COMPLEX128 || fb == KILN_FLOAT64) return KILN_COMPLEX128;
    return KILN_COMPLEX64;
}

/* default dtype of a Python scalar kind */
static kiln_dtype py_default(int kind) {
    static const kiln_dtype d[4] = {KILN_BOOL, KILN_INT64, KILN_FLOAT64, KILN_COMPLEX128};
    return d[kind];
}

const Type *ty_promote(TypeTab *tt, const Type *a, const Type *b) {
    if (a->kind == T_UNKNOWN || b->kind == T_UNKNOWN) return &tt->unknown;
    if (a->kind != T_SCALAR || b->kind != T_SCALAR) return NULL;
    int ka = dt_kind(a->dtype), kb = dt_kind(b->dtype);
    if (a->weak && b->weak) return ty_scalar(tt, py_default(ka > kb ? ka : kb), true);
    if (a->weak || b->weak) {
        const Type *w = a->weak ? a : b, *s = a->weak ? b : a;
        int kw = dt_kind(w->dtype), ks = dt_kind(s->dtype);
        if (kw <= ks) return s;
        if (kw == 3 && ks == 2) return ty_scalar(tt, s->dtype == KILN_FLOAT32 ? KILN_COMPLEX64 : KILN_COMPLEX128, false);
        return ty_scalar(tt, py_default(kw), false);
    }
    return ty_scalar(tt, dt_promote(a->dtype, b->dtype), false);
}

const Type *ty_join(TypeTab *tt, const Type *a, const Type *b) {
    if (a == b) return a;
    if (a->kind == T_UNKNOWN) return b;
    if (b->kind == T_UNKNOWN) return a;
    if ((a->kind == T_STR || a->kind == T_STRING) && (b->kind == T_STR || b->kind == T_STRING)) return &tt->string;
    if (a->kind == T_SCALAR && b->kind == T_SCALAR) {
        /* a variable keeps one type: weak only if every definition was */
        const Type *p = ty_promote(tt, a, b);
        if (p && (a->weak != b->weak)) p = ty_scalar(tt, p->dtype, false);
        return p;
    }
    if (a->kind == T_ARRAY && b->kind == T_ARRAY && a->dtype == b->dtype && a->ndim == b->ndim)
        return ty_array(tt, a->dtype, a->ndim, LAYOUT_ANY);
    if (ty_is_optional(a) || ty_is_optional(b)) { /* Optional(A) with Optional(B): Optional(A join B) */
        if (!ty_is_optional(a) || !ty_is_optional(b)) return NULL;
        const Type *j = ty_join(tt, a->elems[1], b->elems[1]);
        return j ? ty_optional(tt, j) : NULL;
    }
    if (a->kind == T_TUPLE && b->kind == T_TUPLE && a->n == b->n && a->names == b->names) { /* a Point is no plain tuple */
        const Type *e[TY_TUPLE_MAX];
        if (a->n > TY_TUPLE_MAX) return NULL;
        for (int i = 0; i < a->n; i++) {
            e[i] = ty_join(tt, a->elems[i], b->elems[i]);
            if (!e[i]) return NULL;
        }
        return ty_named_tuple(tt, a->names, e, a->n);
    }
    if ((a->kind == T_DICT && b->kind == T_DICT) || (a->kind == T_SET && b->kind == T_SET)) {
        /* an empty dict (set) not typed yet joins any dict (set); a defaultdict only one of its factory */
        if (a->layout != b->layout) return NULL;
        if (a->elems[0]->kind == T_UNKNOWN) return b;
        if (b->elems[0]->kind == T_UNKNOWN) return a;
        return NULL;
    }
    /* an empty list not typed yet joins any list: it holds nothing whose type could disagree */
    if (a->kind == T_LIST && b->kind == T_LIST && a->layout == b->layout) /* a deque joins deques only */
        return ty_item(a)->kind == T_UNKNOWN ? b : ty_item(b)->kind == T_UNKNOWN ? a : NULL;
    return NULL;
}

const char *ty_name(const Type *t) {
    static const char *py[4] = {"bool", "int", "float", "complex"};
    switch (t->kind) {
    case T_UNKNOWN: return "unknown";
    case T_NONE: return "None";
    case T_SCALAR: return t->weak ? py[dt_kind(t->dtype)] : dt_names[t->dtype];
    case T_ARRAY: return "array";
    case T_TUPLE: return t->names ? t->names->name : "tuple";
    case T_CLASS: return "type";
    case T_NBTYPE: return "Numba type";
    case T_DTYPE: return "dtype";
    case T_MODULE: return "module";
    case T_FUNC: return "function";
    case T_BUILTIN: return "builtin function";
    case T_CLOSURE: return "function";
    case T_STR: return "str";
    case T_LIST: return t->layout == LIST_DEQUE ? "deque" : "list";
    case T_DICT: return t->layout == KILN_FACTORY_COUNTER ? "Counter" : t->layout ? "defaultdict" : "dict";
    case T_SET: return "set";
    case T_RNG: return "Generator";
    case T_EXC: return "caught exception";
    case T_STRING: return "str";
    case T_FORMAT: return "print format";
    }
    return "?";
}

int ty_str(const Type *t, char *buf, size_t cap) {
    switch (t->kind) {
    case T_ARRAY:
        return snprintf(buf, cap, "array(%s, %dd, %s)", dt_names[t->dtype], t->ndim, t->layout == LAYOUT_C ? "C" : "A");
    case T_DTYPE: return snprintf(buf, cap, "dtype(%s)", dt_names[t->dtype]);
    case T_TUPLE: {
        if (ty_is_optional(t)) {
            size_t k = (size_t)snprintf(buf, cap, "Optional[");
            if (k < cap) k += (size_t)ty_str(t->elems[1], buf + k, cap - k);
            if (k < cap) k += (size_t)snprintf(buf + k, cap - k, "]");
            return (int)k;
        }
        size_t k = (size_t)snprintf(buf, cap, "%s(", t->names ? t->names->name : "tuple");
        for (int i = 0; i < t->n && k < cap; i++) {
            if (i) k += (size_t)snprintf(buf + k, cap - k, ", ");
            if (t->names && k < cap) k += (size_t)snprintf(buf + k, cap - k, "%s=", t->names->fields[i]);
            if (k < cap) k += (size_t)ty_str(t->elems[i], buf + k, cap - k);
        }
        if (k < cap) k += (size_t)snprintf(buf + k, cap - k, ")");
        return (int)k;
    }
    case T_DICT: {
        const char *what = t->layout == KILN_FACTORY_COUNTER ? "Counter" : t->layout ? "defaultdict" : "dict";
        if (t->elems[0]->kind == T_UNKNOWN) return snprintf(buf, cap, "%s", what);
        size_t k = (size_t)snprintf(buf, cap, "%s[", what);
        if (k < cap) k += (size_t)ty_str(t->elems[0], buf + k, cap - k);
        if (k < cap) k += (size_t)snprintf(buf + k, cap - k, ", ");
        if (k < cap) k += (size_t)ty_str(t->elems[1], buf + k, cap - k);
        if (k < cap) k += (size_t)snprintf(buf + k, cap - k, "]");
        return (int)k;
    }
    case T_LIST: case T_SET: {
        const char *what = t->kind == T_SET ? "set" : ty_name(t);
        if (ty_item(t)->kind == T_UNKNOWN) return snprintf(buf, cap, "%s", what);
        size_t k = (size_t)snprintf(buf, cap, "%s[", what);
        if (k < cap) k += (size_t)ty_str(ty_item(t), buf + k, cap - k);
        if (k < cap) k += (size_t)snprintf(buf + k, cap - k, "]");
        return (int)k;
    }
    default: return snprintf(buf, cap, "%s", ty_name(t));
    }
}
