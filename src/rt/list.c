/*
 * list.c — Python lists at run time: growable arrays of items of one type,
 * owned by the call that made them (Run.lists), with CPython's growth,
 * clamping and error messages.
 *
 * An item is stored as its type's NumPy element (a float as 8 bytes, a bool
 * as 1), and a list of lists stores the inner lists' addresses; so a list's
 * items are always a plain 1-d C array, which every tier reads and writes
 * with its ordinary array loads and stores (OP_LVIEW gives that view). Only
 * what changes a list's length or storage comes here. Lists are never freed
 * before their call ends: a list's address can sit in another list, in a
 * variable and in a view at once, and the call is short compared with what
 * refcounting every assignment would cost.
 */
#include "lib.h"
#include <stdio.h>
#include <stdlib.h>

static int nomem(Run *r, int line, const char *file) { return run_nomem(r, "growing a list", line, file); }

RtList *run_list_new(Run *r, int64_t n, int64_t item, int line, const char *file) {
    if (n < 0) n = 0;
    RtList *l = calloc(1, sizeof *l);
    if (!l || !hvec_push(r->lists, l)) { free(l); nomem(r, line, file); return NULL; }
    l->item = item;
    if (n && run_list_reserve(r, l, n, line, file)) return NULL;
    if (n) memset(l->data, 0, (size_t)(n * item));
    l->len = n;
    return l;
}

/* CPython's over-allocation (list_resize): about 1/8 more, so appends are amortized O(1). Items that do not start
 * their allocation (a popleft left room before them) move to the start of a new one, sized for what they need: each
 * such move of len items follows at least len / 8 operations since the last, and a queue's memory follows its
 * length instead of its history */
int run_list_reserve(Run *r, RtList *l, int64_t n, int line, const char *file) {
    if (n <= l->cap - l->len) return 0;
    if (!n) return 0;
    if (n > INT64_MAX / 2 / l->item - l->len) return nomem(r, line, file);
    int64_t want = l->len + n;
    int64_t cap = want + (want >> 3) + (want < 9 ? 3 : 6);
    if (l->head) {
        void *p = malloc((size_t)(cap * l->item));
        if (!p) return nomem(r, line, file);
        memcpy(p, l->data, (size_t)(l->len * l->item));
        free((char *)l->data - l->head);
        l->data = p;
        l->head = 0;
    } else {
        void *p = realloc(l->data, (size_t)(cap * l->item));
        if (!p) return nomem(r, line, file);
        l->data = p;
    }
    l->cap = cap;
    return 0;
}

static void *at(const RtList *l, int64_t i) { return (char *)l->data + i * l->item; }

/* an empty list's items start their allocation again (all of it is room) */
static void start_over(RtList *l) {
    if (l->len || !l->head) return;
    l->cap += l->head / l->item;
    l->data = (char *)l->data - l->head;
    l->head = 0;
}

/* an empty list made before its item type was known (8-byte items) takes the size of what goes in */
static void take_size(RtList *l, int64_t item) {
    start_over(l);
    if (l->len || l->item == item) return;
    l->cap = l->cap * l->item / item;
    l->item = item;
}

/* ---- items: numbers as their dtype, lists as their address, tuples as their leaves at 8 bytes a slot ---- */

int64_t rt_item_size(const Type *t) {
    if (t->kind == T_SCALAR) return (int64_t)kiln_dtype_size((kiln_dtype)t->dtype);
    if (t->kind == T_TUPLE || t->kind == T_ARRAY) /* an array: its descriptor; an empty tuple: one unused slot, so */
        return 8 * (slots_of(t) ? slots_of(t) : 1); /* that sizes never divide by zero */
    return 8; /* a list's address (an untyped list's items: none yet) */
}

/* a tuple's leaves walk its slots: leaf after leaf, each at 8 bytes a slot */
static void item_io(const Type *t, char *p, Slot *v, bool store) {
    if (t->kind == T_TUPLE) {
        for (int k = 0; k < t->n; k++) {
            item_io(t->elems[k], p, v, store);
            p += 8 * slots_of(t->elems[k]);
            v += slots_of(t->elems[k]);
        }
        return;
    }
    if (t->kind == T_ARRAY) { /* data address, extents, strides: slot for slot */
        if (store) memcpy(p, v, 8 * (size_t)slots_of(t));
        else memcpy(v, p, 8 * (size_t)slots_of(t));
        return;
    }
    if (!ty_is_leaf(t)) return;
    int dt = t->kind == T_SCALAR ? t->dtype : KILN_INT64;
    if (store) rt_store_elem(p, dt, v);
    else if (dt == KILN_COMPLEX128) memcpy(v, p, 16);
    else v[0] = rt_load_elem(p, dt);
}

void rt_item_store(const Type *t, void *p, const Slot *v) { item_io(t, p, (Slot *)v, true); }
void rt_item_load(const Type *t, const void *p, Slot *v) { item_io(t, (char *)p, v, false); }

/* the first item dropped, in O(1): the items start one item later in their allocation */
static void drop_first(RtList *l) {
    l->data = (char *)l->data + l->item;
    l->head += l->item;
    l->cap--;
    l->len--;
    start_over(l);
}

/* whether a bounded deque has room for one more: if full, its first item (left: its last) dropped; false: maxlen 0 */
static bool make_room(RtList *l, bool left) {
    if (!l->bound || l->len < l->bound - 1) return true;
    if (l->bound == 1) return false;
    if (left) l->len--;
    else drop_first(l);
    return true;
}

int rt_list_append(Run *r, RtList *l, const Type *item, const Slot *v, int line, const char *file) {
    if (item->kind == T_SCALAR && l->len < l->cap && !l->bound) { /* the common case: room, a number */
        rt_store_elem(at(l, l->len++), item->dtype, v);
        return 0;
    }
    if (!make_room(l, false)) return 0; /* a full deque(maxlen=k): its first item goes */
    take_size(l, rt_item_size(item));
    if (run_list_reserve(r, l, 1, line, file)) return -1;
    rt_item_store(item, at(l, l->len++), v);
    return 0;
}

static int index_error(Run *r, const char *msg, int line, const char *file) {
    run_raise(r, RE_INDEX, line, file);
    r->ename = "IndexError";
    snprintf(r->msg, sizeof r->msg, "%s", msg);
    return -1;
}

int rt_list_pop(Run *r, RtList *l, const Type *item, int64_t i, int op, Slot *out, int line, const char *file) {
    if (!l->len) return index_error(r, op & LISTOP_DEQUE ? "pop from an empty deque" : "pop from empty list", line, file);
    if (i < 0) i += l->len;
    if (i < 0 || i >= l->len) return index_error(r, "pop index out of range", line, file);
    if (out && item->kind == T_SCALAR && item->dtype != KILN_COMPLEX128) out[0] = rt_load_elem(at(l, i), item->dtype);
    else if (out) rt_item_load(item, at(l, i), out);
    if (!i) { drop_first(l); return 0; } /* a queue's pop(0), a deque's popleft: nothing moves */
    memmove(at(l, i), at(l, i + 1), (size_t)((l->len - i - 1) * l->item));
    l->len--;
    return 0;
}

/* room for one item before the first, its address (NULL: out of memory): the room earlier pops left, or (a list of 8
 * or more) len / 8 + 4 items' room made by moving them up once, so that appendleft after appendleft is amortized O(1)
 * as append after append is; a short list moves its items up by one */
static char *open_first(Run *r, RtList *l, int line, const char *file) {
    if (l->head < l->item) {
        int64_t gap = l->len < 8 ? 1 : l->len / 8 + 4;
        if (run_list_reserve(r, l, gap, line, file)) return NULL;
        memmove(at(l, gap), l->data, (size_t)(l->len * l->item));
        l->data = at(l, gap);
        l->head += gap * l->item;
        l->cap -= gap;
    }
    l->data = (char *)l->data - l->item;
    l->head -= l->item;
    l->cap++;
    l->len++;
    return l->data;
}

int rt_list_insert(Run *r, RtList *l, const Type *item, int64_t i, const Slot *v, int op, int line, const char *file) {
    if (l->bound && l->len >= l->bound - 1 && !(op & LISTOP_LEFT))
        return index_error(r, "deque already at its maximum size", line, file);
    if (!make_room(l, true)) return 0;
    if (i < 0) i = i + l->len < 0 ? 0 : i + l->len;
    if (i > l->len) i = l->len;
    take_size(l, rt_item_size(item));
    if (!i) { /* appendleft, insert(0, v) */
        char *p = open_first(r, l, line, file);
        if (!p) return -1;
        rt_item_store(item, p, v);
        return 0;
    }
    if (run_list_reserve(r, l, 1, line, file)) return -1;
    memmove(at(l, i + 1), at(l, i), (size_t)((l->len - i) * l->item));
    rt_item_store(item, at(l, i), v);
    l->len++;
    return 0;
}

/* l.extend(m); extendleft (op LISTOP_LEFT): each of m's items put first in turn; a bounded deque full drops its first
 * (extendleft: its last) item for each, as CPython's */
int rt_list_extend(Run *r, RtList *l, const RtList *m, int op, int line, const char *file) {
    int64_t n = m->len, sz = m->item; /* read first: m may be l */
    if (!n) return 0;
    take_size(l, sz);
    bool left = op & LISTOP_LEFT;
    if (!left && !l->bound) {
        if (run_list_reserve(r, l, n, line, file)) return -1;
        memcpy(at(l, l->len), m->data, (size_t)(n * l->item));
        l->len += n;
        return 0;
    }
    char *copy = NULL;
    const char *src = m->data;
    if (m == l) { /* d.extend(d): the items as they were */
        if (!(copy = malloc((size_t)(n * sz)))) return nomem(r, line, file);
        memcpy(copy, m->data, (size_t)(n * sz));
        src = copy;
    }
    int err = 0;
    for (int64_t k = 0; k < n && !err && make_room(l, left); k++) {
        char *p = left ? open_first(r, l, line, file) : run_list_reserve(r, l, 1, line, file) ? NULL : at(l, l->len++);
        if (p) memcpy(p, src + k * sz, (size_t)sz);
        else err = -1;
    }
    free(copy);
    return err;
}

RtList *rt_list_from(Run *r, const RdArr *a, int64_t item, int line, const char *file) {
    int64_t n = a->ndim ? a->n[0] : 1;
    RtList *l = run_list_new(r, n, item, line, file);
    if (!l) return NULL;
    for (int64_t i = 0; i < n; i++) memcpy(at(l, i), a->data + i * (a->ndim ? a->s[0] : 0), (size_t)item);
    return l;
}

/* m * k: a new list (m a bounded deque: one of the same bound holding the repetition's last maxlen items, made
 * without the rest, as CPython's deque keeps them) */
RtList *rt_list_repeat(Run *r, const RtList *m, int64_t k, int line, const char *file) {
    if (k < 0 || !m->len) k = 0;
    if (m->bound) {
        int64_t cycles = m->len ? (m->bound - 1) / m->len + 1 : 0; /* enough repetitions to fill maxlen */
        int64_t total = m->len * (k < cycles ? k : cycles), keep = total < m->bound - 1 ? total : m->bound - 1;
        RtList *l = run_list_new(r, keep, m->item, line, file);
        if (!l) return NULL;
        l->bound = m->bound;
        for (int64_t j = 0, from = total - keep; j < keep; j++) memcpy(at(l, j), at(m, (from + j) % m->len), (size_t)m->item);
        return l;
    }
    if (k && m->len > INT64_MAX / k) { nomem(r, line, file); return NULL; }
    RtList *l = run_list_new(r, m->len * k, m->item, line, file);
    if (!l) return NULL;
    /* the items once, then the part made so far doubled: log2(k) copies, not k ([False] * n is one byte k times) */
    int64_t total = m->len * k * m->item, done = k ? m->len * m->item : 0;
    if (done) memcpy(l->data, m->data, (size_t)done);
    while (done < total) {
        int64_t n = done < total - done ? done : total - done;
        memcpy((char *)l->data + done, l->data, (size_t)n);
        done += n;
    }
    return l;
}

int rt_list_maxlen(Run *r, RtList *l, int64_t maxlen, int line, const char *file) {
    if (maxlen < 0 || maxlen == INT64_MAX) {
        run_raise(r, RE_RAISE, line, file);
        r->ename = "ValueError";
        snprintf(r->msg, sizeof r->msg, maxlen < 0 ? "maxlen must be non-negative" : "a maxlen of 2**63-1 is not supported (kiln keeps maxlen + 1)");
        return -1;
    }
    l->bound = maxlen + 1;
    while (l->len > maxlen) drop_first(l);
    return 0;
}

/* l[start:stop] = m's items (m empty: del l[start:stop]): CPython's clamping of a unit-step slice */
int rt_list_splice(Run *r, RtList *l, int64_t start, int64_t stop, int given, const RtList *m, int line, const char *file) {
    int64_t n = l->len;
    if (!(given & 1)) start = 0;
    else if (start < 0) start = start + n < 0 ? 0 : start + n;
    else if (start > n) start = n;
    if (!(given & 2)) stop = n;
    else if (stop < 0) stop = stop + n < 0 ? 0 : stop + n;
    else if (stop > n) stop = n;
    if (stop < start) stop = start;
    int64_t k = m->len, cut = stop - start;
    if (k) take_size(l, m->item);
    void *in = NULL;
    if (k && m == l) { /* a[1:2] = a: the items as they were */
        if (!(in = malloc((size_t)(k * l->item)))) { run_raise(r, RE_NOMEM, line, file); r->ename = "MemoryError"; return -1; }
        memcpy(in, m->data, (size_t)(k * l->item));
    }
    if (k > cut && run_list_reserve(r, l, k - cut, line, file)) { free(in); return -1; }
    if (n > stop) memmove(at(l, start + k), at(l, stop), (size_t)((n - stop) * l->item)); /* none: data may be NULL */
    if (k) memcpy(at(l, start), in ? in : m->data, (size_t)(k * l->item));
    l->len = n - cut + k;
    free(in);
    return 0;
}

void rt_list_reverse(RtList *l) {
    unsigned char tmp[16];
    for (int64_t i = 0, j = l->len - 1; i < j; i++, j--) {
        memcpy(tmp, at(l, i), (size_t)l->item);
        memcpy(at(l, i), at(l, j), (size_t)l->item);
        memcpy(at(l, j), tmp, (size_t)l->item);
    }
}

/* ---- np.array of nested lists ---- */

/* the shape of a list nested ndim deep: NumPy's ValueError when the lengths at one depth differ */
static int nested_shape(Run *r, const RtList *l, int ndim, int depth, int64_t *dims, int line, const char *file) {
    if (dims[depth] < 0) dims[depth] = l->len;
    else if (dims[depth] != l->len) {
        char shape[160];
        int k = snprintf(shape, sizeof shape, "(");
        for (int i = 0; i < depth && k < (int)sizeof shape - 24; i++) k += snprintf(shape + k, sizeof shape - (size_t)k, i ? ", %lld" : "%lld", (long long)dims[i]);
        snprintf(shape + k, sizeof shape - (size_t)k, depth == 1 ? ",)" : ")");
        run_raise(r, RE_RAISE, line, file);
        r->ename = "ValueError";
        snprintf(r->msg, sizeof r->msg, "setting an array element with a sequence. The requested array has an inhomogeneous shape after "
                 "%d dimensions. The detected shape was %.80s + inhomogeneous part.", depth, shape);
        return -1;
    }
    if (depth + 1 == ndim) return 0;
    for (int64_t i = 0; i < l->len; i++)
        if (nested_shape(r, *(RtList *const *)at(l, i), ndim, depth + 1, dims, line, file)) return -1;
    return 0;
}

static char *nested_copy(const RtList *l, int ndim, int depth, char *out) {
    if (depth + 1 == ndim) {
        memcpy(out, l->data, (size_t)(l->len * l->item));
        return out + l->len * l->item;
    }
    for (int64_t i = 0; i < l->len; i++) out = nested_copy(*(RtList *const *)at(l, i), ndim, depth + 1, out);
    return out;
}

int rt_list_array(Run *r, const RtList *l, int ndim, int dtype, Slot *out, int line, const char *file) {
    int64_t dims[KILN_MAXDIM];
    for (int k = 0; k < ndim; k++) dims[k] = -1;
    if (nested_shape(r, l, ndim, 0, dims, line, file)) return -1;
    for (int k = 0; k < ndim; k++) if (dims[k] < 0) dims[k] = 0; /* below an empty list: NumPy's shape (0,) then 0s */
    if (run_alloc(r, dtype, ndim, dims, false, out, line, file)) return -1;
    nested_copy(l, ndim, 0, out[0].p);
    return 0;
}

/* ---- searching: ==, as Python compares two items of one type ---- */

static bool item_eq(const Type *t, const char *p, const char *q);

bool rt_item_eq(const Type *t, const void *p, const void *q) { return item_eq(t, p, q); }

static bool item_eq(const Type *t, const char *p, const char *q) {
    if (t->kind == T_TUPLE) {
        for (int k = 0; k < t->n; k++) {
            if (!item_eq(t->elems[k], p, q)) return false;
            p += 8 * slots_of(t->elems[k]);
            q += 8 * slots_of(t->elems[k]);
        }
        return true;
    }
    if (t->kind == T_SET) {
        RtSet *a = *(RtSet *const *)p, *b = *(RtSet *const *)q;
        Slot eq;
        return a == b || (!rt_set_binop(NULL, SETOP_EQ, a, b, ty_item(t), &eq, 0, NULL) && eq.i);
    }
    if (t->kind == T_STRING) {
        const RtList *a = *(RtList *const *)p, *b = *(RtList *const *)q;
        return a->len == b->len && (!a->len || !memcmp(a->data, b->data, (size_t)a->len));
    }
    if (t->kind == T_LIST) {
        const RtList *a = *(RtList *const *)p, *b = *(RtList *const *)q;
        if (a == b) return true; /* CPython: identity first */
        if (a->len != b->len) return false;
        for (int64_t i = 0; i < a->len; i++)
            if (!item_eq(ty_item(t), at(a, i), at(b, i))) return false;
        return true;
    }
    switch (t->dtype) {
    case KILN_FLOAT64: { double x, y; memcpy(&x, p, 8); memcpy(&y, q, 8); return x == y; }
    case KILN_FLOAT32: { float x, y; memcpy(&x, p, 4); memcpy(&y, q, 4); return x == y; }
    case KILN_COMPLEX128: { double x[2], y[2]; memcpy(x, p, 16); memcpy(y, q, 16); return x[0] == y[0] && x[1] == y[1]; }
    case KILN_COMPLEX64: { float x[2], y[2]; memcpy(x, p, 8); memcpy(y, q, 8); return x[0] == y[0] && x[1] == y[1]; }
    default: return memcmp(p, q, (size_t)dt_bits(t->dtype) / 8) == 0; /* ints and bools: one representation each */
    }
}

/* ---- ordering: <, as Python compares two items of one type (tuples and lists element by element: the first pair
 * that is not equal decides, else the shorter is less; strings by code point, which UTF-8's bytes keep) ---- */

static bool item_lt(const Type *t, const char *p, const char *q) {
    if (t->kind == T_TUPLE) {
        for (int k = 0; k < t->n; k++) {
            if (!item_eq(t->elems[k], p, q)) return item_lt(t->elems[k], p, q);
            p += 8 * slots_of(t->elems[k]);
            q += 8 * slots_of(t->elems[k]);
        }
        return false;
    }
    if (t->kind == T_STRING) {
        const RtList *a = *(RtList *const *)p, *b = *(RtList *const *)q;
        int64_t n = a->len < b->len ? a->len : b->len;
        int c = n ? memcmp(a->data, b->data, (size_t)n) : 0;
        return c ? c < 0 : a->len < b->len;
    }
    if (t->kind == T_LIST) {
        const RtList *a = *(RtList *const *)p, *b = *(RtList *const *)q;
        for (int64_t i = 0; i < a->len && i < b->len; i++)
            if (!item_eq(ty_item(t), at(a, i), at(b, i))) return item_lt(ty_item(t), at(a, i), at(b, i));
        return a->len < b->len;
    }
    switch (t->dtype) {
    case KILN_FLOAT64: { double x, y; memcpy(&x, p, 8); memcpy(&y, q, 8); return x < y; }
    case KILN_FLOAT32: { float x, y; memcpy(&x, p, 4); memcpy(&y, q, 4); return x < y; }
    default: {
        Slot x = {.i = rt_load_elem(p, t->dtype).i}, y = {.i = rt_load_elem(q, t->dtype).i};
        return dt_is_unsigned(t->dtype) ? x.u < y.u : x.i < y.i;
    }
    }
}

int rt_list_argsort(Run *r, const RtList *l, const Type *item, Slot *out, int line, const char *file) {
    int64_t n = l->len;
    if (run_alloc(r, KILN_INT64, 1, &n, false, out, line, file)) return -1;
    int64_t *ix = out[0].p, *tmp = malloc(sizeof *tmp * (size_t)(n ? n : 1));
    if (!tmp) return nomem(r, line, file);
    for (int64_t i = 0; i < n; i++) ix[i] = i;
    /* bottom-up merge sort: a right item goes first only when it is less, so equal items keep their order */
    for (int64_t w = 1; w < n; w *= 2) {
        for (int64_t lo = 0; lo < n; lo += 2 * w) {
            int64_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n, a = lo, b = mid, k = lo;
            while (a < mid && b < hi) tmp[k++] = item_lt(item, at(l, ix[b]), at(l, ix[a])) ? ix[b++] : ix[a++];
            while (a < mid) tmp[k++] = ix[a++];
            while (b < hi) tmp[k++] = ix[b++];
        }
        memcpy(ix, tmp, sizeof *ix * (size_t)n);
    }
    free(tmp);
    return 0;
}

/* the repr CPython's "x is not in list" shows, for a scalar item */
static void item_repr(const Type *t, const Slot *x, char *buf, size_t cap) {
    kiln_value v = {0};
    v.kind = KILN_SCALAR; v.dtype = t->dtype; v.py = t->weak;
    if (t->dtype == KILN_FLOAT32) v.v.f = x->f32;
    else if (t->dtype == KILN_FLOAT64) v.v.f = x->f;
    else if (t->dtype == KILN_COMPLEX64) { v.v.c[0] = x->c64[0]; v.v.c[1] = x->c64[1]; }
    else if (t->dtype == KILN_COMPLEX128) { v.v.c[0] = x[0].f; v.v.c[1] = x[1].f; }
    else v.v.i = x->i;
    kiln_value_repr(&v, buf, cap);
}

int rt_list_find(Run *r, const RtList *l, const Type *lt, int mode, const Slot *x, int64_t start, int64_t stop, Slot *out,
                 int line, const char *file) {
    const Type *item = ty_item(lt);
    bool deque = mode & LIST_FIND_DEQUE;
    mode &= ~LIST_FIND_DEQUE;
    if (mode == LIST_FIND_EQ) { out->i = item_eq(lt, (const char *)&l, (const char *)x); return 0; }
    unsigned char key[8 * KILN_MAX_ITEM_SLOTS];
    rt_item_store(item, key, x);
    /* list.index's start and stop: slice rules, clamped */
    if (start < 0) start = start + l->len < 0 ? 0 : start + l->len;
    if (stop < 0) stop = stop + l->len < 0 ? 0 : stop + l->len;
    if (stop > l->len) stop = l->len;
    int64_t count = 0;
    for (int64_t i = start; i < stop; i++) {
        if (!item_eq(item, at(l, i), (const char *)key)) continue;
        switch (mode) {
        case LIST_FIND_INDEX: out->i = i; return 0;
        case LIST_FIND_IN: out->i = 1; return 0;
        case LIST_FIND_REMOVE:
            if (!i) { drop_first((RtList *)l); return 0; }
            memmove(at(l, i), at(l, i + 1), (size_t)((l->len - i - 1) * l->item));
            ((RtList *)l)->len--;
            return 0;
        default: count++;
        }
    }
    if (mode == LIST_FIND_COUNT || mode == LIST_FIND_IN) { out->i = count; return 0; }
    run_raise(r, RE_RAISE, line, file);
    r->ename = "ValueError";
    if (deque) { /* CPython's deque: "%R is not in deque" for index and remove alike */
        char v[200];
        rt_repr(item, x, v, sizeof v);
        snprintf(r->msg, sizeof r->msg, "%s is not in deque", v);
    } else if (mode != LIST_FIND_REMOVE && item->kind == T_STRING) { /* 'b' is not in list */
        char *q = rt_str_repr(x->p);
        snprintf(r->msg, sizeof r->msg, "%.200s is not in list", q ? q : "?");
        free(q);
    } else if (mode == LIST_FIND_REMOVE || item->kind != T_SCALAR) {
        snprintf(r->msg, sizeof r->msg, "list.%s(x): x not in list", mode == LIST_FIND_REMOVE ? "remove" : "index");
    } else {
        char v[96];
        item_repr(item, x, v, sizeof v);
        snprintf(r->msg, sizeof r->msg, "%s is not in list", v);
    }
    return -1;
}
