/*
 * value.c — kiln_value: constructors, freeing, and printing as CPython's
 * repr() of the equivalent Python value (arrays as their .tolist()).
 */
#include "run.h"
#include "lib.h"
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

/* compound literals, not a zeroed local then field stores: gcc built the latter as byte stores
 * followed by 16-byte loads of the same bytes, a store-forwarding stall (~15 cycles) on every
 * argument the Python package converts */
kiln_value kiln_int(int64_t x) { return (kiln_value){.kind = KILN_SCALAR, .dtype = KILN_INT64, .py = 1, .v.i = x}; }
kiln_value kiln_float(double x) { return (kiln_value){.kind = KILN_SCALAR, .dtype = KILN_FLOAT64, .py = 1, .v.f = x}; }
kiln_value kiln_bool(int b) { return (kiln_value){.kind = KILN_SCALAR, .dtype = KILN_BOOL, .py = 1, .v.i = b != 0}; }
kiln_value kiln_none(void) { return (kiln_value){.kind = KILN_NONE}; }
kiln_value kiln_arr(kiln_array *a) { return (kiln_value){.kind = KILN_ARRAY, .v.arr = a}; }
kiln_value kiln_list(kiln_value *items, int n) { return (kiln_value){.kind = KILN_LIST, .n = n, .v.items = items}; }
kiln_value kiln_complex(double re, double im) {
    return (kiln_value){.kind = KILN_SCALAR, .dtype = KILN_COMPLEX128, .py = 1, .v.c = {re, im}};
}

kiln_value kiln_scalar(kiln_dtype t, const void *p) {
    kiln_value v = {0};
    v.kind = KILN_SCALAR; v.dtype = (uint8_t)t;
    if ((unsigned)t >= KILN_NDTYPE || !p) { v.kind = KILN_NONE; return v; }
    if (t == KILN_COMPLEX128) memcpy(v.v.c, p, 16);
    else if (t == KILN_COMPLEX64) { float c[2]; memcpy(c, p, 8); v.v.c[0] = c[0]; v.v.c[1] = c[1]; }
    else if (t == KILN_FLOAT32) { float f; memcpy(&f, p, 4); v.v.f = f; }
    else if (t == KILN_FLOAT64) memcpy(&v.v.f, p, 8);
    else v.v.i = rt_load_elem(p, t).i;
    return v;
}

void kiln_value_free(kiln_value *v) {
    if (!v) return;
    if ((v->kind == KILN_TUPLE || v->kind == KILN_LIST || v->kind == KILN_DICT || v->kind == KILN_SET) && v->owned) {
        for (int i = 0; i < (v->kind == KILN_DICT ? 2 * v->n : v->n); i++) kiln_value_free(&v->v.items[i]);
        free(v->v.items);
        if (v->kind == KILN_SET && v->base) { /* its table */
            free(((kiln_set_table *)v->base)->slots);
            free(v->base);
        }
        if (v->kind == KILN_TUPLE) free(v->base); /* a named tuple's names: one block (jit/dispatch.c tuple_names) */
    }
    if (v->kind == KILN_STR && v->owned) free(v->v.s);
    if (v->kind == KILN_ARRAY && v->owned) {
        RtBuf *b = v->base;
        if (b && atomic_fetch_sub(&b->refs, 1) == 1) rt_buf_free(b);
        free(v->v.arr);
    }
    memset(v, 0, sizeof *v);
}

/* ---- repr ---- */

typedef struct Out { FILE *f; char *buf; size_t cap, len; } Out;

static void put(Out *o, const char *s) {
    size_t n = strlen(s);
    if (o->f) { fputs(s, o->f); o->len += n; return; }
    if (o->len < o->cap) {
        size_t k = o->cap - o->len - 1 < n ? o->cap - o->len - 1 : n;
        memcpy(o->buf + o->len, s, k);
        o->buf[o->len + k] = 0;
    }
    o->len += n;
}

static void put_scalar(Out *o, int dtype, int64_t i, double f, double re, double im) {
    char b[128];
    switch (dtype) {
    case KILN_BOOL: put(o, i ? "True" : "False"); return;
    case KILN_UINT64: snprintf(b, sizeof b, "%" PRIu64, (uint64_t)i); break;
    case KILN_FLOAT32: case KILN_FLOAT64: fmt_double(f, b, sizeof b); break;
    case KILN_COMPLEX64: case KILN_COMPLEX128: fmt_complex(re, im, b, sizeof b); break;
    default: snprintf(b, sizeof b, "%" PRId64, i); break;
    }
    put(o, b);
}

static void put_elem(Out *o, const char *p, int dtype) {
    if (dtype == KILN_COMPLEX128) { double c[2]; memcpy(c, p, 16); put_scalar(o, dtype, 0, 0, c[0], c[1]); return; }
    Slot s = rt_load_elem(p, dtype);
    if (dtype == KILN_FLOAT32) put_scalar(o, dtype, 0, s.f32, 0, 0);
    else if (dtype == KILN_COMPLEX64) put_scalar(o, dtype, 0, 0, s.c64[0], s.c64[1]);
    else put_scalar(o, dtype, s.i, s.f, 0, 0);
}

static size_t sat_add(size_t a, size_t b) { return a > SIZE_MAX - b ? SIZE_MAX : a + b; }
static size_t sat_mul(size_t a, size_t b) { return b && a > SIZE_MAX / b ? SIZE_MAX : a * b; }

/* the length of the repr of a sub-array with no elements (nested "[]"s), computed, not built:
 * a (9, 3444449, 24, 0) array from a .npy file has no data but 744 million inner lists */
static size_t empty_len(const kiln_array *a, int axis) {
    if (axis == a->ndim || a->shape[axis] == 0) return 2;
    size_t n = (size_t)a->shape[axis];
    return sat_add(sat_add(2, sat_mul(n, empty_len(a, axis + 1))), sat_mul(2, n - 1));
}

static bool no_elements(const kiln_array *a, int axis) {
    for (int k = axis; k < a->ndim; k++) if (a->shape[k] == 0) return true;
    return false;
}

static void put_array(Out *o, const kiln_array *a, const char *p, int axis) {
    if (axis == a->ndim) { put_elem(o, p, a->dtype); return; }
    if (!o->f && o->len >= o->cap && no_elements(a, axis)) { o->len = sat_add(o->len, empty_len(a, axis)); return; }
    put(o, "[");
    for (int64_t i = 0; i < a->shape[axis]; i++) {
        if (!o->f && o->len >= o->cap && no_elements(a, axis + 1)) { /* the rest of this level, counted */
            size_t rest = (size_t)(a->shape[axis] - i);
            o->len = sat_add(o->len, sat_mul(rest, sat_add(empty_len(a, axis + 1), 2)) - (i ? 0 : 2));
            break;
        }
        if (i) put(o, ", ");
        put_array(o, a, p + i * a->strides[axis], axis + 1);
    }
    put(o, "]");
}

static void put_value(Out *o, const kiln_value *v) {
    switch (v->kind) {
    case KILN_NONE: put(o, "None"); return;
    case KILN_STR: {
        RtList s = {v->v.s, v->n, 1, v->n, 0, 0};
        char *q = v->n >= 0 && (v->v.s || !v->n) ? rt_str_repr(&s) : NULL;
        put(o, q ? q : "<a string kiln cannot read>");
        free(q);
        return;
    }
    case KILN_SCALAR: put_scalar(o, v->dtype, v->v.i, v->v.f, v->v.c[0], v->v.c[1]); return;
    case KILN_ARRAY: put_array(o, v->v.arr, v->v.arr->data, 0); return;
    case KILN_TUPLE: {
        const kiln_tuple_names *nm = v->base; /* a named tuple: Point(x=1, y=2) */
        put(o, nm ? nm->name : "");
        put(o, "(");
        for (int i = 0; i < v->n; i++) {
            if (i) put(o, ", ");
            if (nm) { put(o, nm->fields[i]); put(o, "="); }
            put_value(o, &v->v.items[i]);
        }
        if (nm) { put(o, ")"); return; }
        put(o, v->n == 1 ? ",)" : ")");
        return;
    }
    case KILN_DICT: {
        bool counter = v->py == KILN_FACTORY_COUNTER, dd = v->py > 0 && v->py < KILN_FACTORY_COUNT && !counter;
        if (dd) { put(o, "defaultdict(<class '"); put(o, ty_factory_names[v->py]); put(o, "'>, "); }
        if (counter) { /* Counter({k: n, ...}) by count, larger first, the earlier first among equal ones */
            put(o, v->n ? "Counter({" : "Counter()");
            int64_t *count = malloc(sizeof(int64_t) * (size_t)(v->n ? v->n : 1)), *order = malloc(sizeof(int64_t) * (size_t)(v->n ? v->n : 1));
            bool ok = count && order;
            for (int i = 0; ok && i < v->n; i++) count[i] = v->v.items[2 * i + 1].v.i;
            ok = ok && !rt_counter_order(count, v->n, order);
            for (int j = 0; ok && j < v->n; j++) {
                if (j) put(o, ", ");
                put_value(o, &v->v.items[2 * order[j]]);
                put(o, ": ");
                put_value(o, &v->v.items[2 * order[j] + 1]);
            }
            if (v->n) put(o, ok ? "})" : "...})");
            free(count);
            free(order);
            return;
        }
        put(o, "{");
        for (int i = 0; i < v->n; i++) {
            if (i) put(o, ", ");
            put_value(o, &v->v.items[2 * i]);
            put(o, ": ");
            put_value(o, &v->v.items[2 * i + 1]);
        }
        put(o, dd ? "})" : "}");
        return;
    }
    case KILN_LIST: case KILN_SET: {
        if (v->kind == KILN_SET && !v->n) { put(o, "set()"); return; }
        bool dq = v->kind == KILN_LIST && v->py; /* a collections.deque */
        put(o, v->kind == KILN_SET ? "{" : dq ? "deque([" : "[");
        for (int i = 0; i < v->n; i++) {
            if (i) put(o, ", ");
            put_value(o, &v->v.items[i]);
        }
        put(o, v->kind == KILN_SET ? "}" : "]");
        if (dq && v->py == KILN_SEQ_DEQUE_BOUNDED) {
            char m[32];
            snprintf(m, sizeof m, ", maxlen=%d", (int)v->maxlen);
            put(o, m);
        }
        if (dq) put(o, ")");
        return;
    }
    }
}

int kiln_value_repr(const kiln_value *v, char *buf, size_t cap) {
    if (!v || (!buf && cap)) return -1;
    Out o = {NULL, buf, cap, 0};
    if (cap) buf[0] = 0;
    put_value(&o, v);
    return o.len > INT_MAX ? INT_MAX : (int)o.len;
}

int kiln_value_print(const kiln_value *v, FILE *out) {
    if (!v || !out) return -1;
    Out o = {out, NULL, 0, 0};
    put_value(&o, v);
    return (int)o.len;
}
