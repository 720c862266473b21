/*
 * dispatch.c — calling a kernel: the signature of the arguments (computed in
 * C, no strings, no allocation), the per-function specialization cache
 * (last-hit slot, then a lock-free open-addressed table), compiling on a
 * miss under the context lock, and the generic call path (flatten the
 * arguments into slots, run the tier's entry, rebuild the result).
 */
#include "jit.h"
#include "gpu.h"
#include "../rt/run.h"
#include "../rt/lib.h"
#include "../back/frame.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void jit_vlog(kiln_ctx *ctx, const char *fmt, va_list ap) { vfprintf(ctx->opt.log_file ? ctx->opt.log_file : stderr, fmt, ap); }

void jit_log(kiln_ctx *ctx, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    jit_vlog(ctx, fmt, ap);
    va_end(ap);
}

/* KILN_LOG=parallel: a prange loop as it runs (Run.log_par; arg: the context) */
void jit_log_parallel(void *arg, const char *body, int64_t trip, int64_t chunks, int64_t tasks, int threads, const char *why) {
    char ch[48] = "";
    if (chunks) snprintf(ch, sizeof ch, ", %lld chunk%s", (long long)chunks, chunks == 1 ? "" : "s");
    if (why) jit_log(arg, "kiln: parallel loop %s: %lld iterations%s, serially: %s\n", body, (long long)trip, ch, why);
    else jit_log(arg, "kiln: parallel loop %s: %lld iterations%s, %lld tasks on %d threads\n", body, (long long)trip, ch,
                 (long long)tasks, threads);
}

/* ---- signatures ---- */

static int is_c_contig(const kiln_array *a) {
    int64_t want = dt_bits(a->dtype) / 8; /* the dtype was checked by the caller */
    for (int k = a->ndim - 1; k >= 0; k--) {
        if (a->shape[k] != 1 && a->strides[k] != want) return 0;
        want *= a->shape[k];
    }
    return 1;
}

int kiln_array_is_c_contiguous(const kiln_array *a) { return (unsigned)a->dtype < KILN_NDTYPE && is_c_contig(a); }

/* a tuple's code: SIG_TUPLE and its length, then for a named tuple (dtype bits 1) its class's names' hash in two codes */
static uint32_t tuple_codes(uint32_t *codes, uint32_t n, int len, const uint64_t *names_hash) {
    codes[n++] = SIG_CODE(SIG_TUPLE, names_hash ? 1 : 0, 0, 0, 0) | (uint32_t)len << 16;
    if (!names_hash) return n;
    if (n + 2 > SIG_MAX) return SIG_MAX + 1;
    codes[n++] = (uint32_t)*names_hash;
    codes[n++] = (uint32_t)(*names_hash >> 32);
    return n;
}

/* whether a kiln_tuple_names names a class of n fields: ASCII identifiers, as collections.namedtuple's are */
static bool ident_char(unsigned char c, bool first) {
    return c == '_' || (unsigned)((c | 32) - 'a') < 26u || (!first && (unsigned)(c - '0') < 10u);
}

static bool ident_ok(const char *s) {
    if (!s || !ident_char((unsigned char)s[0], true)) return false;
    size_t k = 1;
    while (s[k] && k < 256 && ident_char((unsigned char)s[k], false)) k++;
    return !s[k];
}

static bool names_ok(const kiln_tuple_names *nm, int n) {
    if (!ident_ok(nm->name) || (n && !nm->fields)) return false;
    for (int i = 0; i < n; i++) if (!ident_ok(nm->fields[i])) return false;
    return true;
}

static uint64_t names_hash(const kiln_tuple_names *nm, int n) { return ty_names_hash(nm->name, (const char *const *)nm->fields, n); }

uint32_t jit_sig_encode(const Type *t, uint32_t *codes, uint32_t n) {
    if (n >= SIG_MAX) return SIG_MAX + 1;
    switch (t->kind) {
    case T_SCALAR: codes[n] = SIG_CODE(SIG_SCALAR, t->dtype, t->weak, 0, 0); return n + 1;
    case T_ARRAY: codes[n] = SIG_CODE(SIG_ARRAY, t->dtype, 0, t->ndim, t->layout); return n + 1;
    case T_NONE: codes[n] = SIG_CODE(SIG_NONE, 0, 0, 0, 0); return n + 1;
    case T_DTYPE: codes[n] = SIG_CODE(SIG_DTYPE, t->dtype, 0, 0, 0); return n + 1;
    case T_TUPLE:
        n = tuple_codes(codes, n, t->n, t->names ? &t->names->hash : NULL);
        for (int i = 0; i < t->n && n <= SIG_MAX; i++) n = jit_sig_encode(t->elems[i], codes, n);
        return n;
    case T_LIST: codes[n] = SIG_CODE(SIG_LIST, 0, 0, ty_is_deque(t) ? 5 : 0, 0); return jit_sig_encode(ty_item(t), codes, n + 1);
    case T_SET: codes[n] = SIG_CODE(SIG_LIST, 0, 0, 1, 0); return jit_sig_encode(ty_item(t), codes, n + 1); /* between kernels */
    case T_RNG: codes[n] = SIG_CODE(SIG_LIST, 0, 0, 3, 0); return n + 1; /* a Generator, between kernels */
    case T_STRING: codes[n] = SIG_CODE(SIG_LIST, 0, 0, 4, 0); return n + 1; /* a string (sig_of_value's too) */
    case T_DICT:
        codes[n] = SIG_CODE(SIG_LIST, 0, 0, 2, t->layout);
        n = jit_sig_encode(t->elems[0], codes, n + 1);
        return n > SIG_MAX ? n : jit_sig_encode(t->elems[1], codes, n);
    case T_UNKNOWN: codes[n] = SIG_CODE(SIG_UNKNOWN, 0, 0, 0, 0); return n + 1;
    default: return SIG_MAX + 1;
    }
}

static uint32_t sig_of_value(const kiln_value *v, uint32_t *codes, uint32_t n, int depth);

static bool empty_list(const kiln_value *v) { return v->kind == KILN_LIST && v->n == 0; }

_Static_assert(sizeof(kiln_value) == 40, "kiln_value's size is the C API's: maxlen sits in what was padding");

/* a list's kind and, for a bounded deque, a maxlen its items fit */
static bool deque_ok(const kiln_value *v) {
    if (v->kind != KILN_LIST) return true;
    return v->py == KILN_SEQ_LIST || v->py == KILN_SEQ_DEQUE || (v->py == KILN_SEQ_DEQUE_BOUNDED && v->maxlen >= 0 && v->n <= v->maxlen);
}

/* a list's codes: SIG_LIST, then its items' (which must all be the same; an empty inner list fits any
 * list, and a list of nothing but empty lists is a list of untyped lists) */
static uint32_t sig_of_list(const kiln_value *v, uint32_t *codes, uint32_t n, int depth) {
    if (v->n < 0 || (v->n && !v->v.items) || !deque_ok(v)) return SIG_MAX + 2;
    codes[n++] = SIG_CODE(SIG_LIST, 0, 0, v->kind == KILN_LIST && v->py ? 5 : 0, 0); /* a deque: jit_sig_encode's 5 */
    int first = -1;
    for (int i = 0; i < v->n && first < 0; i++) if (!empty_list(&v->v.items[i])) first = i;
    if (first < 0) {
        if (n >= SIG_MAX) return SIG_MAX + 1;
        for (int i = 1; i < v->n; i++) if (!v->v.items[i].py != !v->v.items[0].py) return SIG_MAX + 3; /* a list, a deque */
        for (int i = 0; i < v->n; i++) if (!deque_ok(&v->v.items[i])) return SIG_MAX + 2;
        if (v->n) codes[n++] = SIG_CODE(SIG_LIST, 0, 0, v->v.items[0].py ? 5 : 0, 0); /* [[], []] */
        codes[n] = SIG_CODE(SIG_UNKNOWN, 0, 0, 0, 0);
        return n + 1;
    }
    uint32_t end = sig_of_value(&v->v.items[first], codes, n, depth + 1);
    if (end > SIG_MAX) return end;
    int k = v->v.items[first].kind;
    if (k != KILN_SCALAR && k != KILN_LIST && k != KILN_TUPLE && k != KILN_ARRAY && k != KILN_STR) return SIG_MAX + 2; /* no None items */
    bool list_items = v->v.items[first].kind == KILN_LIST;
    uint32_t other[SIG_MAX + 2];
    for (int i = 0; i < v->n; i++) {
        if (i == first || (list_items && empty_list(&v->v.items[i]) && !v->v.items[i].py == !v->v.items[first].py &&
                           deque_ok(&v->v.items[i])))
            continue;
        uint32_t k = sig_of_value(&v->v.items[i], other, 0, depth + 1);
        if (k == 1 && end - n == 1 && v->v.items[i].kind == KILN_ARRAY && (other[0] ^ codes[n]) == SIG_LAYOUT_BITS) {
            codes[n] |= SIG_LAYOUT_BITS & SIG_CODE(0, 0, 0, 0, LAYOUT_ANY); /* arrays of one dtype and rank, some strided */
            continue;
        }
        if (k != end - n || memcmp(other, codes + n, sizeof(uint32_t) * k)) return SIG_MAX + 3; /* items of two types */
    }
    return end;
}

/* a set's key: a number or a tuple of them; a dict's (depth starting at -1): strings too */
static bool hashable(const kiln_value *v, int depth) {
    if (v->kind == KILN_SCALAR) return true;
    if (v->kind == KILN_STR && depth < 0) return v->n >= 0 && (v->v.s || !v->n);
    if (v->kind != KILN_TUPLE || depth > 8 || depth < -9 || (v->n && !v->v.items)) return false;
    for (int i = 0; i < v->n; i++) if (!hashable(&v->v.items[i], depth < 0 ? depth - 1 : depth + 1)) return false;
    return true;
}

/* a set's codes: a list's, marked (ndim 1), of hashable keys */
static uint32_t sig_of_set(const kiln_value *v, uint32_t *codes, uint32_t n, int depth) {
    if (v->n < 0 || (v->n && !v->v.items)) return SIG_MAX + 2;
    for (int i = 0; i < v->n; i++) if (!hashable(&v->v.items[i], 0)) return SIG_MAX + 2;
    kiln_value l = *v;
    l.kind = KILN_LIST;
    uint32_t end = sig_of_list(&l, codes, n, depth);
    if (end <= SIG_MAX) codes[n] = SIG_CODE(SIG_LIST, 0, 0, 1, 0);
    return end;
}

/* a dict's codes: a list's, marked (ndim 2), then its keys' (hashable) and its values' (numbers, arrays, lists,
 * tuples: a list's items), each of one type; an empty dict's are unknown */
static uint32_t sig_of_dict(const kiln_value *v, uint32_t *codes, uint32_t n, int depth) {
    if (v->n < 0 || (v->n && !v->v.items) || v->py >= KILN_FACTORY_COUNT) return SIG_MAX + 2;
    if (n + 3 > SIG_MAX) return SIG_MAX + 1;
    codes[n++] = SIG_CODE(SIG_LIST, 0, 0, 2, v->py); /* a defaultdict's factory in the layout bits (jit_sig_encode's) */
    if (!v->n) {
        codes[n++] = SIG_CODE(SIG_UNKNOWN, 0, 0, 0, 0);
        codes[n++] = SIG_CODE(SIG_UNKNOWN, 0, 0, 0, 0);
        return n;
    }
    for (int part = 0; part < 2; part++) { /* the keys' type, then the values' */
        const kiln_value *first = &v->v.items[part];
        if (part == 0 ? !hashable(first, -1) : first->kind == KILN_NONE || first->kind == KILN_DICT || first->kind == KILN_SET)
            return SIG_MAX + 2;
        uint32_t end = sig_of_value(first, codes, n, depth + 1), other[SIG_MAX + 2];
        if (end > SIG_MAX) return end;
        for (int i = 1; i < v->n; i++) {
            const kiln_value *x = &v->v.items[2 * i + part];
            if (part == 0 && !hashable(x, -1)) return SIG_MAX + 2;
            uint32_t k = sig_of_value(x, other, 0, depth + 1);
            if (k != end - n || memcmp(other, codes + n, sizeof(uint32_t) * k)) return SIG_MAX + 3; /* two types */
        }
        n = end;
    }
    return n;
}

/* the signature straight from kiln_values: the hot path of every call */
static uint32_t sig_of_value(const kiln_value *v, uint32_t *codes, uint32_t n, int depth) {
    if (n >= SIG_MAX || depth > 8) return SIG_MAX + 1;
    switch (v->kind) {
    case KILN_SCALAR:
        if ((unsigned)v->dtype >= KILN_NDTYPE) return SIG_MAX + 2;
        codes[n] = SIG_CODE(SIG_SCALAR, v->dtype, v->py ? 1 : 0, 0, 0);
        return n + 1;
    case KILN_ARRAY: {
        const kiln_array *a = v->v.arr;
        if (!a || a->ndim < 0 || a->ndim > KILN_MAXDIM || (unsigned)a->dtype >= KILN_NDTYPE) return SIG_MAX + 2;
        /* one pass, innermost axis first: valid shapes, emptiness and C contiguity */
        bool empty = false, contig = true;
        int64_t want = dt_bits(a->dtype) / 8;
        for (int k = a->ndim - 1; k >= 0; k--) {
            int64_t len = a->shape[k];
            if (len < 0) return SIG_MAX + 2;
            empty |= len == 0;
            contig &= len == 1 || a->strides[k] == want;
            want *= len;
        }
        if (!a->data && !empty) return SIG_MAX + 2;
        codes[n] = SIG_CODE(SIG_ARRAY, a->dtype, 0, a->ndim, contig ? LAYOUT_C : LAYOUT_ANY);
        return n + 1;
    }
    case KILN_NONE: codes[n] = SIG_CODE(SIG_NONE, 0, 0, 0, 0); return n + 1;
    case KILN_STR: /* Python's text: well-formed UTF-8, which every string routine may assume */
        if (v->n < 0 || (v->n && !v->v.s) || !utf8_valid(v->v.s, (size_t)v->n)) return SIG_MAX + 2;
        codes[n] = SIG_CODE(SIG_LIST, 0, 0, 4, 0);
        return n + 1;
    case KILN_LIST: return sig_of_list(v, codes, n, depth);
    case KILN_SET: return sig_of_set(v, codes, n, depth);
    case KILN_DICT: return sig_of_dict(v, codes, n, depth);
    case KILN_RNG:
        if (!v->base) return SIG_MAX + 2;
        codes[n] = SIG_CODE(SIG_LIST, 0, 0, 3, 0); /* as jit_sig_encode's T_RNG */
        return n + 1;
    case KILN_TUPLE:
        if (v->n < 0 || v->n > 0xffff || (v->n && !v->v.items) || (v->base && !names_ok(v->base, v->n))) return SIG_MAX + 2;
        if (v->base) {
            uint64_t h = names_hash(v->base, v->n);
            n = tuple_codes(codes, n, v->n, &h);
        } else n = tuple_codes(codes, n, v->n, NULL);
        if (n > SIG_MAX) return n;
        for (int i = 0; i < v->n; i++) {
            n = sig_of_value(&v->v.items[i], codes, n, depth + 1);
            if (n > SIG_MAX) return n;
        }
        return n;
    }
    return SIG_MAX + 2;
}

/* what is wrong with an argument sig_of_value refused (the slow path of an error) */
static void value_problem(const kiln_value *v, char *buf, size_t cap, int depth) {
    if (depth > 8) { snprintf(buf, cap, "tuples nested more than 8 deep"); return; }
    switch (v->kind) {
    case KILN_SCALAR: snprintf(buf, cap, "a scalar of unknown dtype %d", (int)v->dtype); return;
    case KILN_ARRAY: {
        const kiln_array *a = v->v.arr;
        if (!a) { snprintf(buf, cap, "an array value whose kiln_array pointer is NULL"); return; }
        if (a->ndim < 0 || a->ndim > KILN_MAXDIM) { snprintf(buf, cap, "an array of %d dimensions (0 to %d)", a->ndim, KILN_MAXDIM); return; }
        if ((unsigned)a->dtype >= KILN_NDTYPE) { snprintf(buf, cap, "an array of unknown dtype %d", (int)a->dtype); return; }
        for (int k = 0; k < a->ndim; k++)
            if (a->shape[k] < 0) { snprintf(buf, cap, "an array with a negative dimension (shape[%d] = %lld)", k, (long long)a->shape[k]); return; }
        snprintf(buf, cap, "an array with elements but no data (data is NULL)");
        return;
    }
    case KILN_TUPLE:
        if (v->n < 0 || v->n > 0xffff) { snprintf(buf, cap, "a tuple of length %d (0 to 65535)", v->n); return; }
        if (v->n && !v->v.items) { snprintf(buf, cap, "a tuple of %d items whose item pointer is NULL", v->n); return; }
        if (v->base && !names_ok(v->base, v->n)) {
            snprintf(buf, cap, "a named tuple whose class name or field names (base: kiln_tuple_names) are not %d+1 identifiers", v->n);
            return;
        }
        for (int i = 0; i < v->n; i++) {
            uint32_t codes[SIG_MAX + 2];
            if (sig_of_value(&v->v.items[i], codes, 0, depth + 1) >= SIG_MAX + 2) {
                char inner[200];
                value_problem(&v->v.items[i], inner, sizeof inner, depth + 1);
                snprintf(buf, cap, "a tuple whose item %d is %s", i, inner);
                return;
            }
        }
        snprintf(buf, cap, "a tuple too complex for a signature");
        return;
    case KILN_LIST: {
        if (v->n < 0 || (v->n && !v->v.items)) { snprintf(buf, cap, "a list of %d items whose item pointer is NULL or length negative", v->n); return; }
        if (v->py > KILN_SEQ_DEQUE_BOUNDED) { snprintf(buf, cap, "a list whose py (%d) is no kiln_seq (a list, a deque)", v->py); return; }
        if (!deque_ok(v)) { snprintf(buf, cap, "a deque of %d items whose maxlen (%d) is below that or negative", v->n, v->maxlen); return; }
        uint32_t codes[SIG_MAX + 2];
        if (sig_of_list(v, codes, 0, depth) == SIG_MAX + 3) {
            snprintf(buf, cap, "a list whose items have different types (a kiln list holds items of one type: all ints, all floats, ...)");
            return;
        }
        for (int i = 0; i < v->n; i++) {
            const kiln_value *it = &v->v.items[i];
            if (it->kind == KILN_NONE) {
                snprintf(buf, cap, "a list holding None (lists passed to a kernel hold numbers, arrays, lists and tuples)");
                return;
            }
            if (sig_of_value(it, codes, 0, depth + 1) >= SIG_MAX + 2) {
                char inner[200];
                value_problem(it, inner, sizeof inner, depth + 1);
                snprintf(buf, cap, "a list whose item %d is %s", i, inner);
                return;
            }
        }
        snprintf(buf, cap, "a list too deeply nested for a signature");
        return;
    }
    case KILN_SET: {
        if (v->n < 0 || (v->n && !v->v.items)) { snprintf(buf, cap, "a set of %d keys whose item pointer is NULL or length negative", v->n); return; }
        for (int i = 0; i < v->n; i++)
            if (!hashable(&v->v.items[i], 0)) {
                snprintf(buf, cap, "a set whose key %d is not a number or a tuple of numbers (a kiln set's keys)", i);
                return;
            }
        snprintf(buf, cap, "a set whose keys have different types (a kiln set holds keys of one type)");
        return;
    }
    case KILN_RNG: snprintf(buf, cap, "a Generator without its state (base is NULL: kiln.h's kiln_pcg64)"); return;
    case KILN_STR:
        if (v->n >= 0 && v->v.s) snprintf(buf, cap, "a string of %d bytes that is not valid UTF-8", v->n);
        else snprintf(buf, cap, "a string of %d bytes whose pointer is NULL or length negative", v->n);
        return;
    case KILN_DICT: {
        if (v->n < 0 || (v->n && !v->v.items)) { snprintf(buf, cap, "a dict of %d entries whose item pointer is NULL or length negative", v->n); return; }
        if (v->py >= KILN_FACTORY_COUNT) { snprintf(buf, cap, "a dict whose default factory (py) %d is no kiln_factory", v->py); return; }
        for (int i = 0; i < v->n; i++) {
            if (!hashable(&v->v.items[2 * i], -1)) {
                snprintf(buf, cap, "a dict whose key %d is not a number, a string or a tuple of them (a kiln dict's keys)", i);
                return;
            }
            int k = v->v.items[2 * i + 1].kind;
            if (k == KILN_NONE || k == KILN_DICT || k == KILN_SET) {
                snprintf(buf, cap, "a dict whose value %d is %s (a kiln dict's values are numbers, arrays, lists and tuples)", i,
                         k == KILN_NONE ? "None" : k == KILN_DICT ? "a dict" : "a set");
                return;
            }
        }
        snprintf(buf, cap, "a dict whose keys or values have different types (a kiln dict holds keys of one type and values of one type)");
        return;
    }
    case KILN_NONE: break;
    }
    snprintf(buf, cap, "a value of unknown kind %d", (int)v->kind);
}

/* the error for arguments sig_of_value refused: which one, and what is wrong with it */
static void bad_args(kiln_func *fn, const kiln_value *args, int nargs, uint32_t n, kiln_error *err) {
    if (n < SIG_MAX + 2) {
        err_set(err, KILN_ERR_USAGE, "", "the arguments of %s() are too complex a signature (more than %d type codes; at most 64 parameters)", fn->name, SIG_MAX);
        return;
    }
    for (int i = 0; i < nargs; i++) {
        uint32_t codes[SIG_MAX + 2];
        if (sig_of_value(&args[i], codes, 0, 0) < SIG_MAX + 2) continue;
        char what[300];
        value_problem(&args[i], what, sizeof what, 0);
        err_set(err, KILN_ERR_USAGE, "", "argument %d of %s() is not a valid kiln value: %s", i + 1, fn->name, what);
        return;
    }
    err_set(err, KILN_ERR_USAGE, "", "an argument of %s() is not a valid kiln value", fn->name);
}

const Type *jit_type_of_value(kiln_ctx *ctx, const kiln_value *v) {
    TypeTab *tt = &ctx->types;
    switch (v->kind) {
    case KILN_SCALAR: return ty_scalar(tt, (kiln_dtype)v->dtype, v->py != 0);
    case KILN_ARRAY: return ty_array(tt, v->v.arr->dtype, v->v.arr->ndim, is_c_contig(v->v.arr) ? LAYOUT_C : LAYOUT_ANY);
    case KILN_NONE: return &tt->none;
    case KILN_TUPLE: {
        const Type *e[KILN_CONST_TUPLE_MAX];
        if (v->n > KILN_CONST_TUPLE_MAX) return NULL;
        for (int i = 0; i < v->n; i++) if (!(e[i] = jit_type_of_value(ctx, &v->v.items[i]))) return NULL;
        const kiln_tuple_names *nm = v->base;
        const TyNames *names = nm ? ty_names(tt, nm->name, (const char *const *)nm->fields, v->n) : NULL;
        return nm && !names ? NULL : ty_named_tuple(tt, names, e, v->n);
    }
    case KILN_SET: {
        kiln_value l = *v;
        l.kind = KILN_LIST;
        const Type *lt = jit_type_of_value(ctx, &l);
        return lt ? ty_set(tt, ty_item(lt)) : NULL;
    }
    case KILN_RNG: return &tt->rng;
    case KILN_STR: return &tt->string;
    case KILN_DICT: {
        if (!v->n) return ty_dict_as(tt, &tt->unknown, &tt->unknown, v->py);
        const Type *k = jit_type_of_value(ctx, &v->v.items[0]), *x = jit_type_of_value(ctx, &v->v.items[1]);
        return k && x ? ty_dict_as(tt, k, x, v->py) : NULL;
    }
    case KILN_LIST: {
        const Type *item = &tt->unknown;
        for (int i = 0; i < v->n; i++) {
            const kiln_value *x = &v->v.items[i];
            bool fits = empty_list(x) && item->kind == T_LIST && !x->py == !ty_is_deque(item); /* an empty list (deque) */
            if (fits) continue;
            const Type *t = jit_type_of_value(ctx, x);
            if (!t) return NULL;
            if (item->kind == T_UNKNOWN || (item->kind == T_LIST && ty_item(item)->kind == T_UNKNOWN && t->layout == item->layout)) item = t;
            if (t != item && t->kind == T_ARRAY && item->kind == T_ARRAY && t->dtype == item->dtype && t->ndim == item->ndim)
                item = ty_array(tt, t->dtype, t->ndim, LAYOUT_ANY); /* C and strided arrays: any strides */
            else if (t != item) return NULL;
        }
        return ty_list_as(tt, item, v->py ? LIST_DEQUE : 0);
    }
    }
    return NULL;
}

static uint64_t sig_hash(const uint32_t *codes, uint32_t n) { return hash_bytes(codes, sizeof(uint32_t) * n, n); }

static bool sig_eq(const Spec *s, uint64_t h, const uint32_t *codes, uint32_t n) {
    return s->hash == h && s->ncodes == n && memcmp(s->codes, codes, sizeof(uint32_t) * n) == 0;
}

static Spec *table_find(kiln_func *fn, uint64_t h, const uint32_t *codes, uint32_t n) {
    SpecTab *t = atomic_load_explicit(&fn->tab, memory_order_acquire);
    if (!t) return NULL;
    for (uint32_t i = (uint32_t)h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
        Spec *s = atomic_load_explicit(&t->slots[i], memory_order_acquire);
        if (!s) return NULL;
        if (sig_eq(s, h, codes, n)) return s;
    }
}

/* publish under the context lock: readers see either the old or the new table */
static bool table_insert(kiln_func *fn, Spec *s) {
    SpecTab *t = atomic_load_explicit(&fn->tab, memory_order_relaxed);
    if (!t || (t->count + 1) * 2 > t->cap) {
        uint32_t cap = t ? t->cap * 2 : 8;
        SpecTab *nt = calloc(1, sizeof *nt);
        _Atomic(Spec *) *slots = calloc(cap, sizeof *slots);
        if (!nt || !slots) { free(nt); free(slots); return false; }
        nt->cap = cap; nt->slots = slots; nt->retired = t;
        for (uint32_t i = 0; t && i < t->cap; i++) {
            Spec *o = atomic_load_explicit(&t->slots[i], memory_order_relaxed);
            if (!o) continue;
            uint32_t j = (uint32_t)o->hash & (cap - 1);
            while (atomic_load_explicit(&slots[j], memory_order_relaxed)) j = (j + 1) & (cap - 1);
            atomic_store_explicit(&slots[j], o, memory_order_relaxed);
            nt->count++;
        }
        atomic_store_explicit(&fn->tab, nt, memory_order_release);
        t = nt;
    }
    uint32_t j = (uint32_t)s->hash & (t->cap - 1);
    while (atomic_load_explicit(&t->slots[j], memory_order_relaxed)) j = (j + 1) & (t->cap - 1);
    atomic_store_explicit(&t->slots[j], s, memory_order_release);
    t->count++;
    return true;
}

static void spec_free(Spec *s) {
    if (s->u.code) back_interp.release(&s->u);
    for (int i = 0; i < atomic_load(&s->nosr); i++) free(s->osr[i].heads);
    arena_free(&s->u.arena);
    free(s);
}

/* ---- specializations under construction ---- */

static Spec *pending_find(kiln_ctx *ctx, kiln_func *fn, uint64_t h, const uint32_t *codes, uint32_t n) {
    for (Spec *s = ctx->created; s; s = s->next_created)
        if (s->fn == fn && sig_eq(s, h, codes, n)) return s;
    return NULL;
}

/* free the specs created since mark (a restarted inference round, or a failed compile) */
void jit_discard_since(kiln_ctx *ctx, Spec *mark) {
    while (ctx->created && ctx->created != mark) {
        Spec *s = ctx->created;
        ctx->created = s->next_created;
        spec_free(s);
    }
}

/* after a restarted inference round: free the specs created since mark whose
 * types rest on that round's guesses; the others are right for their
 * signature and stay (a callee is compiled once, not once per round) */
void jit_discard_guessed(kiln_ctx *ctx, Spec *mark) {
    for (Spec **p = &ctx->created; *p && *p != mark;) {
        Spec *s = *p;
        if (s->u.on_guess) { *p = s->next_created; spec_free(s); }
        else p = &s->next_created;
    }
}

static void explain_recompile(kiln_ctx *ctx, kiln_func *fn, const Type **args, int nargs) {
    /* compare with the most recent earlier specialization, published or pending */
    Spec *prev = NULL;
    for (Spec *p = ctx->created; p && !prev; p = p->next_created)
        if (p->fn == fn) prev = p;
    if (!prev) prev = atomic_load(&fn->last);
    SpecTab *t = atomic_load(&fn->tab);
    for (uint32_t i = 0; !prev && t && i < t->cap; i++) prev = atomic_load(&t->slots[i]);
    if (!prev) return;
    for (int i = 0; i < nargs && i < prev->u.nargs; i++) {
        if (args[i] == prev->u.args[i]) continue;
        char a[256], b[256];
        ty_str(prev->u.args[i], a, sizeof a);
        ty_str(args[i], b, sizeof b);
        unsigned long long n = fn->nspecs + 1;
        for (Spec *p = ctx->created; p; p = p->next_created) n += p->fn == fn;
        jit_log(ctx, "kiln: recompiling %s: argument '%s' changed from %s to %s (specialization %llu)\n", fn->name,
               fn->def->names[i], a, b, n);
    }
}

/* the thrashing guard: past spec_limit signatures of one function, or
 * global_spec_limit in the context, new signatures run in the interpreter;
 * said once per function */
static bool spec_over_limit(kiln_ctx *ctx, kiln_func *fn, bool fixed) {
    if (ctx->opt.tier == KILN_TIER_INTERP) return false;
    uint64_t n = fn->nspecs - atomic_load_explicit(&fn->nfix_specs, memory_order_relaxed); /* those are bounded on their own (fix.c) */
    for (Spec *p = ctx->created; p; p = p->next_created) n += p->fn == fn && !p->fixed;
    bool local = !fixed && n >= (uint64_t)ctx->tune[TUNE_SPEC_LIMIT];
    bool global = ctx->tier.native_specs >= (uint64_t)ctx->tune[TUNE_GLOBAL_SPEC_LIMIT];
    if (!local && !global) return false;
    if (!fn->limit_said && (ctx->opt.log & KILN_LOG_RECOMPILES)) {
        if (local)
            jit_log(ctx, "kiln: %s has been compiled for %llu signatures (spec_limit %lld): further signatures run in the interpreter\n",
                   fn->name, (unsigned long long)n, (long long)ctx->tune[TUNE_SPEC_LIMIT]);
        else
            jit_log(ctx, "kiln: this context has compiled %llu signatures (global_spec_limit %lld): further signatures of %s run in the interpreter\n",
                   (unsigned long long)ctx->tier.native_specs, (long long)ctx->tune[TUNE_GLOBAL_SPEC_LIMIT], fn->name);
    }
    fn->limit_said = true;
    return true;
}

/* the newest specialization of fn keyed on static values or shapes, published or pending */
static Spec *last_fixed(kiln_ctx *ctx, kiln_func *fn) {
    for (Spec *p = ctx->created; p; p = p->next_created) if (p->fn == fn && p->fixed) return p;
    for (Spec *p = fn->specs; p; p = p->next_created) if (p->fixed) return p;
    return NULL;
}

static Spec *spec_build(kiln_ctx *ctx, kiln_func *fn, const Type **args, int nargs, const uint32_t *codes, uint32_t n,
                        const FixPlan *plan, const kiln_value *fixargs, kiln_error *err);

Spec *jit_spec_get(kiln_ctx *ctx, kiln_func *fn, const Type **args, int nargs, kiln_error *err) {
    uint32_t codes[SIG_MAX + 2], n = 0;
    for (int i = 0; i < nargs; i++) n = jit_sig_encode(args[i], codes, n);
    if (n > SIG_MAX) { err_set(err, KILN_ERR_USAGE, "", "the arguments of %s() are too complex a signature (more than %d type codes; at most 64 parameters)", fn->name, SIG_MAX); return NULL; }
    return spec_build(ctx, fn, args, nargs, codes, n, NULL, NULL, err);
}

/* the spec of this key: published, pending, or built now (fixargs: the call's arguments, whose static
 * values and shapes the key's words are) */
static Spec *spec_build(kiln_ctx *ctx, kiln_func *fn, const Type **args, int nargs, const uint32_t *codes, uint32_t n,
                        const FixPlan *plan, const kiln_value *fixargs, kiln_error *err) {
    uint64_t h = sig_hash(codes, n);
    Spec *s = table_find(fn, h, codes, n);
    if (s) return s;
    if ((s = pending_find(ctx, fn, h, codes, n))) return s;
    if (fn->nspecs >= (uint64_t)ctx->tune[TUNE_MAX_SPECS]) {
        err_set(err, KILN_ERR_USAGE, "", "%s() has been compiled for %llu signatures, the limit; refusing another",
                fn->name, (unsigned long long)fn->nspecs);
        return NULL;
    }
    bool interp_only = spec_over_limit(ctx, fn, fixargs != NULL);
    if (ctx->nbuilding >= (int)NELEM(ctx->building)) {
        err_set(err, KILN_ERR_COMPILE, "", "kernels call each other too deeply to compile (%d levels)", ctx->nbuilding);
        return NULL;
    }
    s = calloc(1, sizeof *s);
    if (!s) { err_set(err, KILN_ERR_USAGE, "", "out of memory"); return NULL; }
    arena_init(&s->u.arena);
    s->fn = fn; s->hash = h; s->ncodes = n;
    s->u.name = fn->name; s->u.file = fn->mod->file;
    memcpy(s->codes, codes, sizeof(uint32_t) * n);
    s->u.args = arena_alloc(&s->u.arena, sizeof(Type *) * (size_t)(nargs ? nargs : 1));
    if (!s->u.args) { spec_free(s); err_set(err, KILN_ERR_USAGE, "", "out of memory"); return NULL; }
    memcpy(s->u.args, args, sizeof(Type *) * (size_t)nargs);
    s->u.nargs = nargs;
    s->u.state = UNIT_BUILDING;
    s->interp_only = interp_only;
    Spec *prev_fixed = fixargs && (ctx->opt.log & KILN_LOG_RECOMPILES) ? last_fixed(ctx, fn) : NULL;
    if (fixargs && jit_fix_table(s, plan, fixargs, nargs)) { spec_free(s); err_set(err, KILN_ERR_USAGE, "", "out of memory"); return NULL; }
    if (!interp_only && ctx->opt.tier != KILN_TIER_INTERP) ctx->tier.native_specs++;
    if (ctx->opt.log & KILN_LOG_RECOMPILES) {
        explain_recompile(ctx, fn, args, nargs);
        if (fixargs) jit_fix_explain(ctx, s, prev_fixed);
    }
    s->next_created = ctx->created;
    ctx->created = s;
    ctx->building[ctx->nbuilding++] = s;
    int r = jit_compile(ctx, s, err);
    ctx->nbuilding--;
    if (r) return NULL; /* the outermost caller discards the pending specs */
    s->u.state = UNIT_READY;
    return s;
}

/* compile fn for the key codes[0..n) of these arguments (fixed: with static values or shapes) and
 * publish every spec built on the way */
static Spec *compile_top(kiln_ctx *ctx, kiln_func *fn, const kiln_value *args, int nargs, const uint32_t *codes, uint32_t n,
                         const FixPlan *plan, kiln_error *err) {
    const Type *types[KILN_MAX_PARAMS];
    for (int i = 0; i < nargs; i++) {
        types[i] = jit_type_of_value(ctx, &args[i]);
        if (!types[i]) { err_set(err, KILN_ERR_USAGE, "", "argument %d of %s() has an unsupported type", i + 1, fn->name); return NULL; }
    }
    Spec *s = spec_build(ctx, fn, types, nargs, codes, n, plan, plan ? args : NULL, err);
    if (!s) { jit_discard_since(ctx, NULL); return NULL; }
    bool fresh = false;
    for (Spec *p = ctx->created; p && !fresh; p = p->next_created) fresh = p == s;
    if (fresh && !plan) jit_speculate_watch(s, args, nargs); /* built for this call: before any other call sees it */
    while (ctx->created) {
        Spec *p = ctx->created;
        ctx->created = p->next_created;
        p->next_created = p->fn->specs;
        p->fn->specs = p;
        p->fn->nspecs++;
        if (p->fixed) atomic_fetch_add(&p->fn->nfix_specs, 1);
        if (!table_insert(p->fn, p)) { err_set(err, KILN_ERR_USAGE, "", "out of memory"); return NULL; }
    }
    return s;
}

/* ---- argument and result conversion ---- */

static int flatten_arg(Run *run, const kiln_value *v, const Type *t, Slot *out, int cap);

/* a list argument: the call's own RtList of the items (a list of lists: of the inner lists' addresses) */
static RtList *list_arg(Run *run, const kiln_value *v, const Type *t) {
    const Type *item = ty_item(t);
    RtList *l = run_list_new(run, v->n, rt_item_size(item), 0, "");
    if (!l) return NULL;
    if (v->py == KILN_SEQ_DEQUE_BOUNDED) l->bound = (int64_t)v->maxlen + 1;
    Slot s[KILN_MAX_ITEM_SLOTS];
    char *p = l->data;
    for (int i = 0; i < v->n; i++, p += l->item) {
        if (item->kind == T_SCALAR) { /* the common case: a number into its dtype */
            flatten_arg(run, &v->v.items[i], item, s, 2);
            rt_store_elem(p, item->dtype, s);
            continue;
        }
        if (item->kind != T_UNKNOWN && flatten_arg(run, &v->v.items[i], item, s, KILN_MAX_ITEM_SLOTS) < 0) return NULL;
        rt_item_store(item, p, s);
    }
    return l;
}

/* a set argument: the caller's table taken in as it is (kiln_set_io), else its keys added in the caller's order;
 * its version starts at 0, so a change shows */
static RtSet *set_arg(Run *run, const kiln_value *v, const Type *t) {
    const Type *key = ty_item(t);
    RtSet *set = run_set_new(run, rt_item_size(key), 0, "");
    if (!set) return NULL;
    Slot s[KILN_MAX_ITEM_SLOTS];
    const kiln_set_io *io = v->base;
    bool adopted = false;
    if (io && io->slots && key->kind != T_UNKNOWN && !rt_set_adopt_begin(set, io->mask)) {
        bool ok = true;
        for (int64_t i = 0; i <= io->mask && ok; i++) {
            int32_t k = io->slots[i];
            if (k == -2) rt_set_adopt_put(set, key, i, NULL);
            else if (k >= 0 && k < v->n && flatten_arg(run, &v->v.items[k], key, s, KILN_MAX_ITEM_SLOTS) >= 0) rt_set_adopt_put(set, key, i, s);
            else ok = k == -1;
        }
        adopted = ok && set->used == v->n && set->fill == io->fill && !rt_set_adopt_end(set, key, io->finger);
        if (!adopted) rt_set_clear(run, set, 0, "");
    }
    for (int i = 0; i < v->n && !adopted && key->kind != T_UNKNOWN; i++)
        if (flatten_arg(run, &v->v.items[i], key, s, KILN_MAX_ITEM_SLOTS) < 0 || rt_set_key(run, set, key, SETKEY_ADD, s, NULL, 0, "")) return NULL;
    set->version = 0;
    return set;
}

/* a dict argument: its entries set in the caller's order (insertion order, which is all a dict's order is) */
static RtDict *dict_arg(Run *run, const kiln_value *v, const Type *t) {
    const Type *kt = t->elems[0], *vt = t->elems[1];
    RtDict *d = run_dict_new(run, rt_item_size(kt), rt_item_size(vt), 0, "");
    if (!d) return NULL;
    Slot k[KILN_MAX_ITEM_SLOTS], x[KILN_MAX_ITEM_SLOTS];
    for (int i = 0; i < v->n && kt->kind != T_UNKNOWN; i++)
        if (flatten_arg(run, &v->v.items[2 * i], kt, k, KILN_MAX_ITEM_SLOTS) < 0 ||
            flatten_arg(run, &v->v.items[2 * i + 1], vt, x, KILN_MAX_ITEM_SLOTS) < 0 || rt_dict_set(run, d, kt, vt, k, x, 0, ""))
            return NULL;
    return d;
}

static int flatten_arg(Run *run, const kiln_value *v, const Type *t, Slot *out, int cap) {
    switch (t->kind) {
    case T_SCALAR:
        if (cap < 2) return -1;
        switch (t->dtype) {
        case KILN_FLOAT32: out[0].f32 = (float)v->v.f; return 1;
        case KILN_FLOAT64: out[0].f = v->v.f; return 1;
        case KILN_COMPLEX64: out[0].c64[0] = (float)v->v.c[0]; out[0].c64[1] = (float)v->v.c[1]; return 1;
        case KILN_COMPLEX128: out[0].f = v->v.c[0]; out[1].f = v->v.c[1]; return 2;
        case KILN_INT64: case KILN_UINT64: out[0].i = v->v.i; return 1;
        default: out[0].i = rt_wrap(v->v.i, t->dtype); return 1;
        }
    case T_ARRAY: {
        const kiln_array *a = v->v.arr;
        if (cap < 1 + 2 * a->ndim) return -1;
        out[0].p = a->data;
        for (int k = 0; k < a->ndim; k++) { out[1 + k].i = a->shape[k]; out[1 + a->ndim + k].i = a->strides[k]; }
        return 1 + 2 * a->ndim;
    }
    case T_TUPLE: {
        int n = 0;
        for (int i = 0; i < t->n; i++) {
            int k = flatten_arg(run, &v->v.items[i], t->elems[i], out + n, cap - n);
            if (k < 0) return -1;
            n += k;
        }
        return n;
    }
    case T_LIST:
        if (cap < 1) return -1;
        if (!(out[0].p = list_arg(run, v, t))) return -2;
        return 1;
    case T_SET:
        if (cap < 1) return -1;
        if (!(out[0].p = set_arg(run, v, t))) return -2;
        return 1;
    case T_DICT:
        if (cap < 1) return -1;
        if (!(out[0].p = dict_arg(run, v, t))) return -2;
        return 1;
    case T_STRING:
        if (cap < 1) return -1;
        if (!(out[0].p = rt_str_new(run, v->v.s, (size_t)v->n, 0, ""))) return -2;
        return 1;
    case T_RNG: {
        const kiln_pcg64 *st = v->base;
        if (cap < 1) return -1;
        RtRng *g = rt_rng_of(run, (unsigned __int128)st->state_hi << 64 | st->state_lo, (unsigned __int128)st->inc_hi << 64 | st->inc_lo,
                             st->has_uint32 != 0, st->uinteger);
        if (!g) return -2;
        out[0].p = g;
        return 1;
    }
    default: return 0;
    }
}

/* a set result's table (kiln.h's kiln_set_table), or NULL (out of memory, or a NaN key) */
static kiln_set_table *set_table(const RtSet *set, const Type *key) {
    kiln_set_table *t = calloc(1, sizeof *t);
    if (!t || !(t->slots = malloc(sizeof(int32_t) * (size_t)(set->mask + 1))) || rt_set_export(set, key, t->slots)) {
        if (t) free(t->slots);
        free(t);
        return NULL;
    }
    t->mask = set->mask; t->fill = set->fill; t->finger = set->finger;
    return t;
}

/* a named tuple result's names, one block the value owns (kiln_value_free frees it) */
static kiln_tuple_names *tuple_names(const TyNames *q) {
    size_t bytes = sizeof(kiln_tuple_names) + sizeof(char *) * (size_t)q->n + strlen(q->name) + 1;
    for (int i = 0; i < q->n; i++) bytes += strlen(q->fields[i]) + 1;
    kiln_tuple_names *nm = malloc(bytes);
    if (!nm) return NULL;
    const char **f = (const char **)(nm + 1);
    char *p = (char *)(f + q->n);
    nm->name = p; p = stpcpy(p, q->name) + 1;
    for (int i = 0; i < q->n; i++) { f[i] = p; p = stpcpy(p, q->fields[i]) + 1; }
    nm->fields = f;
    return nm;
}

static int build_result(Run *run, const Type *t, const Slot *in, kiln_value *out) {
    memset(out, 0, sizeof *out);
    switch (t->kind) {
    case T_NONE: out->kind = KILN_NONE; return 0;
    case T_STRING: { /* a copy with a NUL after it */
        const RtList *s = in[0].p;
        if (s->len > INT32_MAX - 1 || !(out->v.s = malloc((size_t)s->len + 1))) return -1;
        if (s->len) memcpy(out->v.s, s->data, (size_t)s->len);
        out->v.s[s->len] = 0;
        out->kind = KILN_STR; out->owned = 1; out->n = (int32_t)s->len;
        return 1;
    }
    case T_SCALAR:
        out->kind = KILN_SCALAR; out->dtype = t->dtype; out->py = t->weak;
        switch (t->dtype) {
        case KILN_FLOAT32: out->v.f = in[0].f32; return 1;
        case KILN_FLOAT64: out->v.f = in[0].f; return 1;
        case KILN_COMPLEX64: out->v.c[0] = in[0].c64[0]; out->v.c[1] = in[0].c64[1]; return 1;
        case KILN_COMPLEX128: out->v.c[0] = in[0].f; out->v.c[1] = in[1].f; return 2;
        default: out->v.i = in[0].i; return 1;
        }
    case T_ARRAY: {
        kiln_array *a = calloc(1, sizeof *a);
        if (!a) return -1;
        a->data = in[0].p; a->dtype = (kiln_dtype)t->dtype; a->ndim = t->ndim;
        for (int k = 0; k < t->ndim; k++) { a->shape[k] = in[1 + k].i; a->strides[k] = in[1 + t->ndim + k].i; }
        out->kind = KILN_ARRAY; out->owned = 1; out->v.arr = a;
        RtBuf *b = run_find_buf(run, a->data);
        if (b) { atomic_fetch_add(&b->refs, 1); out->base = b; }
        return 1 + 2 * t->ndim;
    }
    case T_TUPLE: {
        if (ty_is_optional(t)) { /* None, or the value after the flag */
            int k = 1 + slots_of(t->elems[1]);
            if (!in[0].i) { out->kind = KILN_NONE; return k; }
            return build_result(run, t->elems[1], in + 1, out) < 0 ? -1 : k;
        }
        out->v.items = calloc((size_t)(t->n ? t->n : 1), sizeof(kiln_value));
        if (!out->v.items || (t->names && !(out->base = tuple_names(t->names)))) { free(out->v.items); out->v.items = NULL; return -1; }
        out->kind = KILN_TUPLE; out->owned = 1; out->n = t->n;
        int used = 0;
        for (int i = 0; i < t->n; i++) {
            int k = build_result(run, t->elems[i], in + used, &out->v.items[i]);
            if (k < 0) { /* out of memory: release the items built so far (the failed one released its own) */
                for (int j = 0; j < i; j++) kiln_value_free(&out->v.items[j]);
                free(out->v.items);
                free(out->base);
                memset(out, 0, sizeof *out);
                return -1;
            }
            used += k;
        }
        return used;
    }
    case T_DICT: { /* key and value in turn, in insertion order */
        const RtDict *d = in[0].p;
        if (d->keys.len > INT32_MAX / 2) return -1;
        int32_t n = (int32_t)d->keys.len;
        out->v.items = calloc((size_t)(n ? 2 * n : 1), sizeof(kiln_value));
        if (!out->v.items) return -1;
        out->kind = KILN_DICT; out->owned = 1; out->n = n; out->py = t->layout; /* a defaultdict's factory */
        for (int32_t i = 0; i < 2 * n; i++) {
            const RtList *part = i % 2 ? &d->vals : &d->keys;
            const Type *pt = t->elems[i % 2];
            Slot s[KILN_MAX_ITEM_SLOTS];
            rt_item_load(pt, (const char *)part->data + (i / 2) * part->item, s);
            if (build_result(run, pt, s, &out->v.items[i]) < 0) { out->n = i / 2; kiln_value_free(out); return -1; }
        }
        return 1;
    }
    case T_LIST: case T_SET: { /* a set: its keys in CPython's order */
        const RtList *l = t->kind == T_SET ? rt_set_view(in[0].p) : in[0].p;
        const Type *item = ty_item(t);
        if (!l || l->len > INT32_MAX) return -1;
        out->v.items = calloc((size_t)(l->len ? l->len : 1), sizeof(kiln_value));
        if (!out->v.items) return -1;
        out->kind = t->kind == T_SET ? KILN_SET : KILN_LIST; out->owned = 1; out->n = (int32_t)l->len;
        if (ty_is_deque(t)) { /* a deque: its maxlen too */
            out->py = l->bound ? KILN_SEQ_DEQUE_BOUNDED : KILN_SEQ_DEQUE;
            if (l->bound > INT32_MAX) { kiln_value_free(out); return -1; }
            out->maxlen = l->bound ? (int32_t)(l->bound - 1) : 0;
        }
        if (t->kind == T_SET) out->base = set_table(in[0].p, item);
        for (int64_t i = 0; i < l->len; i++) {
            Slot s[KILN_MAX_ITEM_SLOTS];
            rt_item_load(item, (const char *)l->data + i * l->item, s);
            if (item->kind == T_UNKNOWN || build_result(run, item, s, &out->v.items[i]) < 0) {
                out->n = (int32_t)i;
                kiln_value_free(out);
                return -1;
            }
        }
        return 1;
    }
    default: out->kind = KILN_NONE; return 0;
    }
}

static void runtime_error(Run *run, kiln_error *err) {
    memset(err, 0, sizeof *err);
    err->kind = KILN_ERR_RUNTIME;
    snprintf(err->ename, sizeof err->ename, "%s", run->ename ? run->ename : "RuntimeError");
    snprintf(err->message, sizeof err->message, "%s", run->msg);
    snprintf(err->file, sizeof err->file, "%s", run->file ? run->file : "");
    err->line = run->line;
}

static Lit *default_of(kiln_func *fn, int i) { return fn->defaults ? fn->defaults[i] : NULL; }

static void lit_to_value(const Lit *l, kiln_value *out, kiln_value *pool, int *npool) {
    memset(out, 0, sizeof *out);
    const Type *t = l->ty;
    if (t->kind == T_SCALAR) {
        out->kind = KILN_SCALAR; out->dtype = t->dtype; out->py = t->weak;
        if (dt_is_float(t->dtype)) out->v.f = l->v.f;
        else if (dt_is_complex(t->dtype)) { out->v.c[0] = l->v.c[0]; out->v.c[1] = l->v.c[1]; }
        else out->v.i = l->v.i;
    } else if (t->kind == T_STR) { /* the text stays the module's */
        out->kind = KILN_STR; out->n = (int32_t)strlen(t->text); out->v.s = (char *)t->text;
    } else if (t->kind == T_TUPLE && *npool + t->n <= KILN_MAX_POOL) {
        out->kind = KILN_TUPLE; out->n = t->n;
        if (t->names) out->base = (void *)&t->names->api; /* a named tuple's names, the context's (not owned) */
        out->v.items = pool + *npool;
        *npool += t->n;
        for (int i = 0; i < t->n; i++) lit_to_value(&l->elems[i], &out->v.items[i], pool, npool);
    } else {
        out->kind = KILN_NONE;
    }
}

/* the arguments with the defaults of the parameters not given; full has room for KILN_MAX_PARAMS,
 * pool for KILN_MAX_POOL tuple items */
/* a def with *args or keyword-only parameters: the extra positional arguments as one tuple (its items in pool), the
 * parameters after them their defaults (the C API and the command line pass no keywords) */
static int bind_varargs(kiln_func *fn, const kiln_value *args, int nargs, kiln_value *full, kiln_value *pool, kiln_error *err) {
    int np = fn->def->nnames, va = ast_vararg(fn->def), kw = ast_kwonly(fn->def), npos = va >= 0 ? va : kw, npool = 0;
    if (va < 0 && nargs > npos) {
        err_set(err, KILN_ERR_USAGE, "", "%s() takes %d positional argument%s but %d were given", fn->name, npos, npos == 1 ? "" : "s", nargs);
        return -1;
    }
    if (np > KILN_MAX_PARAMS || (va >= 0 && nargs - npos > KILN_MAX_POOL)) {
        err_set(err, KILN_ERR_USAGE, "", "%s(): more than %d parameters or %d extra arguments", fn->name, KILN_MAX_PARAMS, KILN_MAX_POOL);
        return -1;
    }
    for (int i = 0; i < np; i++) {
        if (i < npos && i < nargs) { full[i] = args[i]; continue; }
        if (i == va) { /* *args: a tuple of the rest */
            int extra = nargs > npos ? nargs - npos : 0;
            memset(&full[i], 0, sizeof full[i]);
            full[i].kind = KILN_TUPLE; full[i].n = extra; full[i].v.items = pool;
            for (int k = 0; k < extra; k++) pool[k] = args[npos + k];
            npool = extra;
            continue;
        }
        Lit *l = default_of(fn, i);
        if (!l) {
            err_set(err, KILN_ERR_USAGE, "", i >= kw ? "%s() missing 1 required keyword-only argument: '%s'"
                                                     : "%s() missing 1 required positional argument: '%s'", fn->name, fn->def->names[i]);
            return -1;
        }
        lit_to_value(l, &full[i], pool, &npool);
    }
    return np;
}

int jit_bind_defaults(kiln_func *fn, const kiln_value *args, int nargs, kiln_value *full, kiln_value *pool, kiln_error *err) {
    int np = fn->def->nnames;
    if (ast_kwonly(fn->def) >= 0) return bind_varargs(fn, args, nargs, full, pool, err);
    if (nargs > np) {
        err_set(err, KILN_ERR_USAGE, "", "%s() takes %d positional argument%s but %d were given", fn->name, np, np == 1 ? "" : "s", nargs);
        return -1;
    }
    if (np > KILN_MAX_PARAMS) {
        err_set(err, KILN_ERR_USAGE, "", "%s() has %d parameters: kiln compiles functions of at most %d", fn->name, np, KILN_MAX_PARAMS);
        return -1;
    }
    int npool = 0;
    for (int i = 0; i < nargs; i++) full[i] = args[i];
    for (int i = nargs; i < np; i++) {
        Lit *l = default_of(fn, i);
        if (!l) {
            int missing = 0;
            for (int j = i; j < np; j++) missing += default_of(fn, j) == NULL;
            err_set(err, KILN_ERR_USAGE, "", "%s() missing %d required positional argument%s: '%s'", fn->name, missing,
                    missing == 1 ? "" : "s", fn->def->names[i]);
            return -1;
        }
        lit_to_value(l, &full[i], pool, &npool);
    }
    return np;
}

int kiln_func_default(const kiln_func *fn, int i, kiln_value *out) {
    if (!fn || !out || i < 0 || i >= fn->def->nnames || !fn->defaults || !fn->defaults[i]) return -1;
    kiln_value pool[KILN_MAX_POOL];
    int npool = 0;
    lit_to_value(fn->defaults[i], out, pool, &npool);
    if (out->kind == KILN_TUPLE) {
        kiln_value *items = malloc(sizeof(kiln_value) * (size_t)(out->n ? out->n : 1));
        if (!items) return -1;
        memcpy(items, out->v.items, sizeof(kiln_value) * (size_t)out->n);
        out->v.items = items;
    }
    return 0;
}

static int call_spec(kiln_func *fn, Spec *s, const kiln_value *args, int nargs, kiln_value *result, kiln_error *err, bool serial);

/* a call that leaves parameters to their defaults: bind them, then call as usual */
static int call_bound(kiln_func *fn, const kiln_value *args, int nargs, kiln_value *result, kiln_error *err,
                      const kiln_call_hooks *hooks);

static int __attribute__((noinline)) call_with_defaults(kiln_func *fn, const kiln_value *args, int nargs, kiln_value *result,
                                                        kiln_error *err, const kiln_call_hooks *hooks) {
    kiln_value full[KILN_MAX_PARAMS], pool[KILN_MAX_POOL];
    nargs = jit_bind_defaults(fn, args, nargs, full, pool, err);
    if (nargs < 0) return -1;
    return call_bound(fn, full, nargs, result, err, hooks);
}

/* whether the arguments have the signature of s, the function's last specialization: one code per
 * argument, compared as it is made (a tuple argument takes the full path) */
static inline bool last_hit(const Spec *s, const kiln_value *args, int nargs) {
    if (!s || s->ncodes != (uint32_t)nargs) return false;
    for (int i = 0; i < nargs; i++) {
        uint32_t code;
        /* only values of one code go through this buffer of one: a tuple, list, set or dict writes its items' too */
        int k = args[i].kind;
        if ((k != KILN_SCALAR && k != KILN_ARRAY && k != KILN_NONE && k != KILN_STR && k != KILN_RNG) ||
            sig_of_value(&args[i], &code, 0, 0) != 1 || code != s->codes[i])
            return false;
    }
    return true;
}

/* a fixing function's key over the limit of spec_limit static keys: the plain key of its types (said once) */
static bool fix_over_limit(kiln_func *fn) {
    kiln_ctx *ctx = fn->mod->ctx;
    if (atomic_load_explicit(&fn->nfix_specs, memory_order_relaxed) < (uint64_t)ctx->tune[TUNE_SPEC_LIMIT]) return false;
    if (!atomic_exchange(&fn->fix_limit_said, true) && (ctx->opt.log & KILN_LOG_RECOMPILES))
        jit_log(ctx, "kiln: %s has been compiled for %lld static values or shapes (spec_limit): further ones run one generic "
                "specialization that takes them as ordinary arguments\n", fn->name, (long long)ctx->tune[TUNE_SPEC_LIMIT]);
    return true;
}

/* the key of these arguments into codes: their types' codes (*ntypes of them), then what plan fixes of
 * their values and lengths (plan NULL: nothing); its length, or UINT32_MAX with err */
static uint32_t key_of(kiln_func *fn, const FixPlan *plan, const kiln_value *args, int nargs, uint32_t *codes, uint32_t *ntypes,
                       kiln_error *err) {
    uint32_t n = 0;
    for (int i = 0; i < nargs && n <= SIG_MAX; i++) n = sig_of_value(&args[i], codes, n, 0);
    if (n > SIG_MAX) { bad_args(fn, args, nargs, n, err); return UINT32_MAX; }
    *ntypes = n;
    return plan ? jit_fix_key(fn, plan, args, nargs, codes, n, err) : n;
}

/* a key with static words of a function past spec_limit of them: the spec of its types' key instead */
static Spec *find_past_limit(kiln_func *fn, const uint32_t *codes, uint32_t *n, uint32_t ntypes, uint64_t *h) {
    if (*n == ntypes || !fix_over_limit(fn)) return NULL;
    *n = ntypes;
    *h = sig_hash(codes, ntypes);
    return table_find(fn, *h, codes, ntypes);
}

/* the spec for these arguments: the key of their types (and, for a function with static parameters or
 * shapes, of their values and lengths), found or compiled now (releasing the caller's lock first) */
static Spec *find_spec(kiln_func *fn, const kiln_value *args, int nargs, kiln_error *err, const kiln_call_hooks *hooks,
                       void **held, bool *released, bool calling) {
    kiln_ctx *ctx = fn->mod->ctx;
    uint32_t codes[SIG_KEY_MAX + 2], ntypes;
    bool fixing = jit_fixing(fn);
    uint32_t n = key_of(fn, fixing ? &fn->fix : NULL, args, nargs, codes, &ntypes, err);
    if (n == UINT32_MAX) return NULL;
    Spec *last = atomic_load_explicit(&fn->last, memory_order_acquire);
    if (fixing && last && last->ncodes == n && !memcmp(last->codes, codes, sizeof(uint32_t) * n)) return last;
    uint64_t h = sig_hash(codes, n);
    Spec *s = table_find(fn, h, codes, n);
    if (!s) s = find_past_limit(fn, codes, &n, ntypes, &h);
    if (s) return s;
    if (hooks) { *held = hooks->release(); *released = true; } /* compiling: another thread may run meanwhile */
    pthread_mutex_lock(&ctx->lock);
    s = table_find(fn, h, codes, n);
    if (!s) s = find_past_limit(fn, codes, &n, ntypes, &h); /* another thread reached the limit while this one waited */
    bool fresh = !s;
    if (!s) s = compile_top(ctx, fn, args, nargs, codes, n, n > ntypes ? &fn->fix : NULL, err);
    pthread_mutex_unlock(&ctx->lock);
    if (s && fresh && calling) jit_tier_called(s, args, nargs);
    return s;
}

Spec *jit_spec_fixed(kiln_func *fn, const FixPlan *plan, const kiln_value *args, int nargs, kiln_error *err) {
    kiln_ctx *ctx = fn->mod->ctx;
    uint32_t codes[SIG_KEY_MAX + 2], ntypes;
    uint32_t n = key_of(fn, plan, args, nargs, codes, &ntypes, err);
    if (n == UINT32_MAX) return NULL;
    uint64_t h = sig_hash(codes, n);
    pthread_mutex_lock(&ctx->lock);
    Spec *s = table_find(fn, h, codes, n);
    if (!s && atomic_load(&fn->nfix_specs) >= (uint64_t)ctx->tune[TUNE_SPEC_LIMIT])
        err_set(err, KILN_ERR_USAGE, "", "%s() has spec_limit specializations with static values or shapes already", fn->name);
    else if (!s) s = compile_top(ctx, fn, args, nargs, codes, n, plan, err);
    pthread_mutex_unlock(&ctx->lock);
    return s;
}

int kiln_call(kiln_func *fn, const kiln_value *args, int nargs, kiln_value *result, kiln_error *err) {
    return kiln_call_hooked(fn, args, nargs, result, err, NULL);
}

int kiln_call_hooked(kiln_func *fn, const kiln_value *args, int nargs, kiln_value *result, kiln_error *err,
                     const kiln_call_hooks *hooks) {
    kiln_error dummy;
    if (!err) err = &dummy; /* filled only on failure: clearing 1 KiB per call would dominate dispatch */
    if (result) { result->kind = KILN_NONE; result->owned = 0; result->base = NULL; }
    if (!fn || (!args && nargs) || !result || nargs < 0) {
        err_set(err, KILN_ERR_USAGE, "", "kiln_call: %s", !fn ? "no function (NULL)" : nargs < 0 ? "a negative argument count" :
                !result ? "no result pointer (NULL)" : "no arguments (NULL) for a nonzero count");
        return -1;
    }
    if (nargs != fn->def->nnames || fn->def->chain) return call_with_defaults(fn, args, nargs, result, err, hooks); /* *args */
    return call_bound(fn, args, nargs, result, err, hooks);
}

int kiln_call_bound(kiln_func *fn, const kiln_value *args, int nargs, kiln_value *result, kiln_error *err,
                    const kiln_call_hooks *hooks) {
    kiln_error dummy;
    if (!err) err = &dummy;
    if (result) { result->kind = KILN_NONE; result->owned = 0; result->base = NULL; }
    if (!fn || (!args && nargs) || !result || nargs != fn->def->nnames) {
        err_set(err, KILN_ERR_USAGE, "", "kiln_call_bound: %s", !fn ? "no function (NULL)" : !result ? "no result pointer (NULL)"
                : nargs != fn->def->nnames ? "one argument per parameter is needed" : "no arguments (NULL) for a nonzero count");
        return -1;
    }
    int va = ast_vararg(fn->def);
    if (va >= 0 && args[va].kind != KILN_TUPLE) {
        err_set(err, KILN_ERR_USAGE, "", "kiln_call_bound: %s()'s *%s needs a tuple", fn->name, fn->def->names[va]);
        return -1;
    }
    return call_bound(fn, args, nargs, result, err, hooks);
}

/* kiln_call_hooked past its checks: one argument per parameter */
static int call_bound(kiln_func *fn, const kiln_value *args, int nargs, kiln_value *result, kiln_error *err,
                      const kiln_call_hooks *hooks) {
    void *held = NULL;
    bool released = false;
    /* the last-hit slot is compared argument by argument; the codes and their hash only past it */
    Spec *s = atomic_load_explicit(&fn->last, memory_order_acquire);
    if (!last_hit(s, args, nargs) || jit_fixing(fn)) {
        s = find_spec(fn, args, nargs, err, hooks, &held, &released, true);
        if (!s) { if (released) hooks->reacquire(held); return -1; }
        atomic_store_explicit(&fn->last, s, memory_order_release);
    }
    if (atomic_load_explicit(&s->spec_state, memory_order_relaxed) != SPEC_OFF) s = jit_speculate(s, args, nargs);
    if (jit_any_readonly(args, nargs) && jit_readonly_refused(s, args, nargs, err)) { if (released) hooks->reacquire(held); return -1; }
    if (!hooks) return call_spec(fn, s, args, nargs, result, err, false);
    bool bounded = jit_spec_bounded(s);
    if (!released && !bounded) { held = hooks->release(); released = true; }
    else if (released && bounded) { hooks->reacquire(held); released = false; }
    int rc = call_spec(fn, s, args, nargs, result, err, !released); /* the caller's lock (the GIL) held: serial */
    if (released) hooks->reacquire(held);
    return rc;
}

const kiln_value *jit_api_args(kiln_func *fn, const kiln_value *args, int *nargs, kiln_value *full, kiln_value *pool,
                               const char *what, kiln_error *err) {
    if (!fn || (!args && *nargs) || *nargs < 0) {
        err_set(err, KILN_ERR_USAGE, "", "%s: %s", what, !fn ? "no function (NULL)" : *nargs < 0 ? "a negative argument count"
                : "no arguments (NULL) for a nonzero count");
        return NULL;
    }
    if (*nargs == fn->def->nnames && !fn->def->chain) return args;
    *nargs = jit_bind_defaults(fn, args, *nargs, full, pool, err);
    return *nargs < 0 ? NULL : full;
}

int kiln_compile(kiln_func *fn, const kiln_value *args, int nargs, kiln_error *err) {
    kiln_error dummy;
    if (!err) err = &dummy;
    kiln_value full[KILN_MAX_PARAMS], pool[KILN_MAX_POOL];
    if (!(args = jit_api_args(fn, args, &nargs, full, pool, "kiln_compile", err))) return -1;
    void *held = NULL;
    bool released = false;
    return find_spec(fn, args, nargs, err, NULL, &held, &released, false) ? 0 : -1;
}

/* a set argument the kernel changed: its keys (and table) into the caller's kiln_set_io */
static int reflect_set(Run *run, const Type *t, RtSet *set, kiln_set_io *io) {
    if (!io->out || !set->version) return 0;
    Slot s = {.p = set};
    return build_result(run, t, &s, io->out) < 0 ? -1 : 0;
}

/* list (set) arguments whose caller asked for their final items (kiln_value.base): filled in after the call (a set
 * only when the kernel changed it) */
static int leaves_of(const Type *t) {
    if (t->kind != T_TUPLE) return slots_of(t) > 0;
    int n = 0;
    for (int k = 0; k < t->n; k++) n += leaves_of(t->elems[k]);
    return n;
}

/* argument i's type; an empty list (set) passed in is typed by what the kernel put in it (lowering retypes its
 * OP_ARG), so its final items are read as that */
static const Type *arg_type_after(const Spec *s, int i) {
    const Type *t = s->u.args[i];
    if ((t->kind != T_LIST && t->kind != T_SET && t->kind != T_DICT) || ty_item(t)->kind != T_UNKNOWN || !s->u.ir) return t;
    int leaf = 0;
    for (int j = 0; j < i; j++) leaf += leaves_of(s->u.args[j]);
    const Func *f = s->u.ir;
    for (uint32_t r = 1; r < f->ins.n; r++)
        if (f->ins.v[r].op == OP_ARG && f->ins.v[r].aux == leaf && f->ins.v[r].ty && f->ins.v[r].ty->kind == t->kind) return f->ins.v[r].ty;
    return t;
}

/* Generator arguments: the state they reached, back into the caller's kiln_pcg64 (after a raise too) */
static void reflect_rngs(const Spec *s, const kiln_value *args, int nargs, const Slot *in, const int *at) {
    for (int i = 0; i < nargs; i++) {
        if (args[i].kind != KILN_RNG || !args[i].base || s->u.args[i]->kind != T_RNG) continue;
        const RtRng *g = in[at[i]].p;
        kiln_pcg64 *st = args[i].base;
        st->state_hi = (uint64_t)(g->state >> 64); st->state_lo = (uint64_t)g->state;
        st->inc_hi = (uint64_t)(g->inc >> 64); st->inc_lo = (uint64_t)g->inc;
        st->has_uint32 = g->has32; st->uinteger = g->half;
    }
}

static int reflect_lists(Run *run, const Spec *s, const kiln_value *args, int nargs, const Slot *in, const int *at) {
    for (int i = 0; i < nargs; i++) {
        if (!args[i].base) continue;
        if (args[i].kind == KILN_SET && s->u.args[i]->kind == T_SET) {
            if (reflect_set(run, arg_type_after(s, i), in[at[i]].p, args[i].base)) return -1;
            continue;
        }
        if ((args[i].kind != KILN_LIST || s->u.args[i]->kind != T_LIST) && (args[i].kind != KILN_DICT || s->u.args[i]->kind != T_DICT))
            continue;
        kiln_value *dst = args[i].base;
        if (build_result(run, arg_type_after(s, i), &in[at[i]], dst) < 0) return -1;
    }
    return 0;
}

/* flatten the arguments, run the tier's entry, rebuild the result. serial: the caller's own lock
 * (Python's GIL) is held across the call, so its count needs no locked add (a `lock add` was ~4% of
 * a warm Python call); a C caller running the same spec at the same moment could lose a count */
static int call_spec(kiln_func *fn, Spec *s, const kiln_value *args, int nargs, kiln_value *result, kiln_error *err, bool serial) {
    kiln_ctx *ctx = fn->mod->ctx;
    Slot in[KILN_MAX_SLOTS], out[KILN_MAX_SLOTS];
    int used = 0, at[KILN_MAX_PARAMS];
    if (slots_of(s->u.ret) > KILN_MAX_SLOTS) {
        err_set(err, KILN_ERR_USAGE, "", "result too large (at most %d slots)", KILN_MAX_SLOTS);
        return -1;
    }
    Run run;
    run_init(&run, ctx->tune, &ctx->interrupts, jit_spec_calls(s) ? base_stack_floor() : 0);
    run.print = ctx->print;
    run.print_arg = ctx->print_arg;
    run.pool = ctx->pool;
    if (ctx->opt.log & KILN_LOG_PARALLEL) { run.log_par = jit_log_parallel; run.log_arg = ctx; }
    for (int i = 0; i < nargs; i++) {
        at[i] = used;
        int k = flatten_arg(&run, &args[i], s->u.args[i], in + used, KILN_MAX_SLOTS - used);
        if (k == -2) { run_release(&run); err_set(err, KILN_ERR_RUNTIME, "MemoryError", "out of memory converting a list argument"); return -1; }
        if (k < 0) { run_release(&run); err_set(err, KILN_ERR_USAGE, "", "too many argument values (at most %d slots)", KILN_MAX_SLOTS); return -1; }
        used += k;
    }
    const Code *c = s->u.code;
    NativeFn code = fr_native(c);
    int tier = !code ? 0 : (void *)code == c->mem.p ? 1 : 2; /* tier-1 code lives in c->mem */
    int r = back_interp.run(&s->u, in, out, &run);
    reflect_rngs(s, args, nargs, in, at);
    if (serial) atomic_store_explicit(&s->ncalls[tier], atomic_load_explicit(&s->ncalls[tier], memory_order_relaxed) + 1, memory_order_relaxed);
    else atomic_fetch_add_explicit(&s->ncalls[tier], 1, memory_order_relaxed);
    if (r) {
        runtime_error(&run, err);
        run_release(&run);
        return -1;
    }
    kiln_value tmp;
    if (build_result(&run, s->u.ret, out, result ? result : &tmp) < 0 || reflect_lists(&run, s, args, nargs, in, at) < 0) {
        if (result) kiln_value_free(result);
        run_release(&run);
        err_set(err, KILN_ERR_RUNTIME, "MemoryError", "out of memory building the result");
        return -1;
    }
    if (!result) kiln_value_free(&tmp);
    run_release(&run);
    return 0;
}

int kiln_func_signature(const kiln_func *fn, int i, char *buf, size_t cap) {
    if (!fn || i < 0 || (!buf && cap)) return -1;
    kiln_ctx *ctx = fn->mod->ctx;
    pthread_mutex_lock(&ctx->lock);
    int n = 0, rc = -1;
    for (Spec *s = fn->specs; s; s = s->next_created) if (s->u.ir && s->u.ret) n++;
    int want = n - 1 - i, k = 0; /* the list is newest first */
    for (Spec *s = fn->specs; s && rc < 0; s = s->next_created) {
        if (!s->u.ir || !s->u.ret || k++ != want) continue;
        char t[256], out[2048];
        size_t len = (size_t)snprintf(out, sizeof out, "(");
        for (int a = 0; a < s->u.nargs && len < sizeof out; a++) {
            ty_str(s->u.args[a], t, sizeof t);
            len += (size_t)snprintf(out + len, sizeof out - len, "%s%s", a ? ", " : "", t);
        }
        ty_str(s->u.ret, t, sizeof t);
        if (len < sizeof out) snprintf(out + len, sizeof out - len, ") -> %s", t);
        rc = snprintf(buf, cap, "%s", out);
    }
    pthread_mutex_unlock(&ctx->lock);
    return rc;
}

void kiln_func_stats(const kiln_func *fn, kiln_stats *out) {
    memset(out, 0, sizeof *out);
    kiln_ctx *ctx = fn->mod->ctx;
    pthread_mutex_lock(&ctx->lock);
    pthread_mutex_lock(&ctx->tier.lock);
    out->specializations = fn->nspecs;
    for (Spec *s = fn->specs; s; s = s->next_created) {
        out->calls_interp += atomic_load_explicit(&s->ncalls[0], memory_order_relaxed);
        out->calls_baseline += atomic_load_explicit(&s->ncalls[1], memory_order_relaxed);
        out->calls_opt += atomic_load_explicit(&s->ncalls[2], memory_order_relaxed);
        out->tier_ups += atomic_load(&s->t2) == T2_DONE;
        out->ns_tier2 += s->ns_tier2;
        out->ns_queue += s->ns_queue;
        out->osr_entries += atomic_load_explicit(&s->osr_entries, memory_order_relaxed);
        for (int i = 0; i < atomic_load(&s->nosr); i++) out->osr_compiles += atomic_load(&s->osr[i].state) == T2_DONE;
        out->interp_only += s->interp_only;
        out->fixed_specs += s->fixed;
        out->speculations += atomic_load(&s->speculated);
        out->guard_hits += atomic_load_explicit(&s->guard_hits, memory_order_relaxed);
        out->guard_misses += atomic_load_explicit(&s->guard_misses, memory_order_relaxed);
        out->ns_infer += s->ns_infer;
        out->ns_opt += s->ns_opt;
        out->ns_codegen += s->ns_codegen;
        for (uint32_t b = 0; s->u.ir && b < s->u.ir->blocks.n; b++)
            if (!s->u.ir->blocks.v[b].dead) out->ir_instructions += s->u.ir->blocks.v[b].ins.n;
        const Code *c = s->u.code;
        if (c) out->native_bytes += c->native_size;
    }
    out->calls = out->calls_interp + out->calls_baseline + out->calls_opt;
    pthread_mutex_unlock(&ctx->tier.lock);
    pthread_mutex_unlock(&ctx->lock);
}

void jit_func_free(kiln_func *fn) {
    for (Spec *s = fn->specs, *nx; s; s = nx) { nx = s->next_created; spec_free(s); }
    SpecTab *t = atomic_load(&fn->tab);
    while (t) { SpecTab *o = t->retired; free(t->slots); free(t); t = o; }
}

/* ---- for kernel launches (jit/launch.c) ---- */

Spec *jit_find_spec(kiln_func *fn, const kiln_value *args, int nargs, kiln_error *err) {
    void *held = NULL;
    bool released = false;
    return find_spec(fn, args, nargs, err, NULL, &held, &released, false);
}

int jit_flatten_args(Run *run, const Spec *s, const kiln_value *args, int nargs, Slot *in, int cap, kiln_error *err) {
    int used = 0;
    for (int i = 0; i < nargs; i++) {
        int k = flatten_arg(run, &args[i], s->u.args[i], in + used, cap - used);
        if (k == -2) { err_set(err, KILN_ERR_RUNTIME, "MemoryError", "out of memory converting a list argument"); return -1; }
        if (k < 0) { err_set(err, KILN_ERR_USAGE, "", "too many argument values (at most %d slots)", cap); return -1; }
        used += k;
    }
    return used;
}

void jit_runtime_error(Run *run, kiln_error *err) { runtime_error(run, err); }
