/*
 * set.c — Python sets at run time, iterating in CPython's order.
 *
 * A set's order is its hash table's: CPython walks the table slot by slot.
 * To print, list and loop over a set as CPython does, this file keeps the
 * table CPython 3.11 keeps (Objects/setobject.c's algorithms, written here
 * from their description, not copied): the same hashes (Python's numeric
 * hash: integers modulo 2**61 - 1, floats by their binary digits, complex and
 * tuples combined as CPython combines them), the same probe sequence (nine
 * linear probes, then the perturbed jump), the same growth (at 60% full, to
 * four times the live keys), dummies left by deletions and reused by the
 * next insertion that passes them, and for each operation the operand it
 * walks and the table it starts from (a copy merges, an intersection walks
 * the smaller set, a difference copies when the other set is small, a
 * symmetric difference starts from a copy of the other set). Tests compare
 * the orders with CPython's on random sequences of operations.
 *
 * What CPython decides by object identity kiln cannot: a NaN key is never
 * equal to another (CPython finds the same NaN object again), and its hash
 * (CPython's depends on the object's address) is 0 here: sets holding NaNs
 * may order differently.
 */
#include "lib.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { MINSIZE = 8, LINEAR_PROBES = 9, PERTURB_SHIFT = 5 };
#define MODULUS ((1ULL << 61) - 1)  /* Python's numeric hashes are residues modulo this prime */

static int nomem(Run *r, int line, const char *file) { return run_nomem(r, "growing a set", line, file); }

/* ---- Python's hash of a number or a tuple of them ---- */

static uint64_t fix_minus_one(uint64_t h) { return h == (uint64_t)-1 ? (uint64_t)-2 : h; }

static uint64_t hash_int(int64_t v, bool is_unsigned) {
    bool neg = !is_unsigned && v < 0;
    uint64_t m = neg ? 0 - (uint64_t)v : (uint64_t)v, x = m % MODULUS;
    return fix_minus_one(neg ? 0 - x : x);
}

static uint64_t hash_double(double v) {
    if (isnan(v)) return 0; /* CPython: the object's address (see the note atop) */
    if (isinf(v)) return v > 0 ? 314159 : (uint64_t)-314159;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) { sign = -1; m = -m; }
    uint64_t x = 0;
    while (m) { /* 28 bits at a time, reduced modulo 2**61 - 1 by rotation */
        x = ((x << 28) & MODULUS) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= MODULUS) x -= MODULUS;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & MODULUS) | x >> (61 - e);
    if (sign < 0) x = 0 - x;
    return fix_minus_one(x);
}

static uint64_t hash_slot(const Type *t, const Slot *v) {
    switch (t->dtype) {
    case KILN_FLOAT64: return hash_double(v->f);
    case KILN_FLOAT32: return hash_double(v->f32);
    case KILN_COMPLEX128: case KILN_COMPLEX64: {
        double re = t->dtype == KILN_COMPLEX64 ? v->c64[0] : v[0].f, im = t->dtype == KILN_COMPLEX64 ? v->c64[1] : v[1].f;
        return fix_minus_one(hash_double(re) + 1000003ULL * hash_double(im));
    }
    case KILN_BOOL: return v->i != 0;
    case KILN_UINT8: case KILN_UINT16: case KILN_UINT32: case KILN_UINT64: return hash_int(v->i, true);
    default: return hash_int(v->i, false);
    }
}

/* a tuple's hash: CPython's xxHash-shaped combination of its items' hashes */
static uint64_t hash_leaves(const Type *t, const Slot *v) {
    if (t->kind != T_TUPLE) return hash_slot(t, v);
    const uint64_t p1 = 11400714785074694791ULL, p2 = 14029467366897019727ULL, p5 = 2870177450012600261ULL;
    uint64_t acc = p5;
    for (int k = 0; k < t->n; v += slots_of(t->elems[k]), k++) {
        acc += hash_leaves(t->elems[k], v) * p2;
        acc = acc << 31 | acc >> 33;
        acc *= p1;
    }
    acc += (uint64_t)t->n ^ (p5 ^ 3527539ULL);
    return acc == (uint64_t)-1 ? 1546275796 : acc;
}

int64_t rt_py_hash_slots(const Type *t, const Slot *v) { return (int64_t)hash_leaves(t, v); }

int64_t rt_py_hash(const Type *t, const void *item) {
    Slot v[KILN_MAX_ITEM_SLOTS];
    rt_item_load(t, item, v);
    return (int64_t)hash_leaves(t, v);
}

/* ---- the table ---- */

static unsigned char *ent(const RtSet *s, uint64_t i) { return s->table + i * (uint64_t)s->stride; }
static int64_t hash_of(const unsigned char *e) { int64_t h; memcpy(&h, e, 8); return h; }
static int state_of(const unsigned char *e) { return e[8]; }
static unsigned char *key_of(unsigned char *e) { return e + 16; }
static void put(RtSet *s, unsigned char *e, const void *key, int64_t hash) {
    memcpy(e, &hash, 8);
    e[8] = SET_ACTIVE;
    memcpy(key_of(e), key, (size_t)s->key);
}

static void changed(RtSet *s) { s->version++; }

/* a zeroed table of n entries: a spare one of the same size if the call has one (its pages are mapped already) */
static unsigned char *table_new(Run *r, int64_t n, int64_t stride) {
    size_t bytes = (size_t)n * (size_t)stride;
    for (int i = 0; r && i < r->nspare; i++)
        if (r->spare[i].bytes == bytes) {
            unsigned char *t = r->spare[i].p;
            r->spare[i] = r->spare[--r->nspare];
            return memset(t, 0, bytes);
        }
    return calloc((size_t)n, (size_t)stride);
}

/* a table no set uses any more: kept for the next of its size while there is room, else freed */
static void table_drop(Run *r, unsigned char *t, int64_t n, int64_t stride) {
    size_t bytes = (size_t)n * (size_t)stride;
    if (!t) return;
    if (r && bytes >= 4096 && r->nspare < (int)NELEM(r->spare)) {
        r->spare[r->nspare].p = t;
        r->spare[r->nspare++].bytes = bytes;
        return;
    }
    free(t);
}

/* whether keys of type t are equal exactly when their bytes are (integers and bools, stored over zeroed bytes) */
static bool bitwise(const Type *t) {
    if (t->kind == T_TUPLE) {
        for (int k = 0; k < t->n; k++) if (!bitwise(t->elems[k])) return false;
        return true;
    }
    return t->kind == T_SCALAR && !dt_is_float(t->dtype) && !dt_is_complex(t->dtype);
}

static bool same_key(const RtSet *s, const Type *kt, const void *a, const void *b) {
    return s->plain == 1 ? !memcmp(a, b, (size_t)s->key) : rt_item_eq(kt, a, b);
}

/* key's bytes as the table stores them (a tuple's slots zeroed first: same_key may compare them bytewise) */
static void store_key(const RtSet *s, const Type *kt, unsigned char *k, const Slot *key) {
    if (kt->kind == T_TUPLE) memset(k, 0, (size_t)s->key);
    rt_item_store(kt, k, key);
}

RtSet *run_set_new(Run *r, int64_t key, int line, const char *file) {
    RtSet *s = calloc(1, sizeof *s);
    if (s) {
        s->key = key;
        s->stride = 16 + (key + 7) / 8 * 8;
        s->table = calloc(MINSIZE, (size_t)s->stride);
        s->mask = MINSIZE - 1;
        s->items.item = s->popped.item = key;
        s->seen = (uint64_t)-1;
        s->plain = -1;
    }
    if (!s || !s->table || !hvec_push(r->sets, s)) {
        if (s) free(s->table);
        free(s);
        nomem(r, line, file);
        return NULL;
    }
    return s;
}

/* the probe sequence: from hash & mask, nine linear probes while they stay in the table, then a perturbed jump */
typedef struct Probe { uint64_t mask, perturb, i; int left; unsigned char *e; } Probe;

static unsigned char *probe_at(const RtSet *s, Probe *p) {
    p->left = p->i + LINEAR_PROBES <= p->mask ? LINEAR_PROBES : 0;
    return p->e = ent(s, p->i);
}

static unsigned char *probe_first(const RtSet *s, Probe *p, int64_t hash) {
    p->mask = (uint64_t)s->mask;
    p->perturb = (uint64_t)hash;
    p->i = p->perturb & p->mask;
    return probe_at(s, p);
}

static unsigned char *probe_next(const RtSet *s, Probe *p) {
    if (p->left-- > 0) return p->e += s->stride;
    p->perturb >>= PERTURB_SHIFT;
    p->i = (p->i * 5 + 1 + p->perturb) & p->mask;
    return probe_at(s, p);
}

/* the active entry holding key, or NULL */
static unsigned char *find(const RtSet *s, const Type *kt, const void *key, int64_t hash) {
    Probe p;
    for (unsigned char *e = probe_first(s, &p, hash);; e = probe_next(s, &p)) {
        if (state_of(e) == SET_EMPTY) return NULL;
        if (state_of(e) == SET_ACTIVE && hash_of(e) == hash && same_key(s, kt, key_of(e), key)) return e;
    }
}

/* into a table without dummies, a key known to be absent: the first empty slot of the probe sequence */
static void insert_clean(RtSet *s, const void *key, int64_t hash) {
    Probe p;
    unsigned char *e = probe_first(s, &p, hash);
    while (state_of(e) != SET_EMPTY) e = probe_next(s, &p);
    put(s, e, key, hash);
}

/* a table of the smallest power of two above minused, the live keys inserted in the old table's order */
static int resize(Run *r, RtSet *s, int64_t minused, int line, const char *file) {
    int64_t size = MINSIZE;
    while (size <= minused) size <<= 1;
    if (size == MINSIZE && s->mask == MINSIZE - 1 && s->fill == s->used) return 0; /* CPython's small table: as it is */
    unsigned char *old = s->table;
    int64_t oldmask = s->mask;
    s->table = table_new(r, size, s->stride);
    if (!s->table) { s->table = old; return nomem(r, line, file); }
    s->mask = size - 1;
    s->fill = s->used;
    for (int64_t i = 0; i <= oldmask; i++) {
        unsigned char *e = old + i * s->stride;
        if (state_of(e) == SET_ACTIVE) insert_clean(s, key_of(e), hash_of(e));
    }
    table_drop(r, old, oldmask + 1, s->stride);
    changed(s);
    return 0;
}

static int grow_after_add(Run *r, RtSet *s, int line, const char *file) {
    if ((uint64_t)s->fill * 5 < (uint64_t)s->mask * 3) return 0;
    return resize(r, s, s->used > 50000 ? s->used * 2 : s->used * 4, line, file);
}

/* add key (its hash given): a dummy passed on the way is reused, else the empty slot that ends the search */
static int add_entry(Run *r, RtSet *s, const Type *kt, const void *key, int64_t hash, int line, const char *file) {
    unsigned char *freeslot = NULL;
    Probe p;
    for (unsigned char *e = probe_first(s, &p, hash);; e = probe_next(s, &p)) {
        if (state_of(e) == SET_EMPTY) {
            s->used++;
            changed(s);
            if (freeslot) { put(s, freeslot, key, hash); return 0; }
            s->fill++;
            put(s, e, key, hash);
            return grow_after_add(r, s, line, file);
        }
        if (state_of(e) == SET_ACTIVE && hash_of(e) == hash && same_key(s, kt, key_of(e), key)) return 0;
        if (state_of(e) == SET_DUMMY) freeslot = e;
    }
}

/* key's entry becomes a dummy; whether it was there */
static bool discard_entry(RtSet *s, const Type *kt, const void *key, int64_t hash) {
    unsigned char *e = find(s, kt, key, hash);
    if (!e) return false;
    int64_t dummy = -1;
    memcpy(e, &dummy, 8);
    e[8] = SET_DUMMY;
    s->used--;
    changed(s);
    return true;
}

static int clear(Run *r, RtSet *s, int line, const char *file) {
    unsigned char *t = calloc(MINSIZE, (size_t)s->stride);
    if (!t) return nomem(r, line, file);
    table_drop(r, s->table, s->mask + 1, s->stride);
    s->table = t;
    s->mask = MINSIZE - 1;
    s->fill = s->used = 0;
    changed(s);
    return 0;
}

void rt_set_clear(Run *r, RtSet *s, int line, const char *file) { clear(r, s, line, file); }

/* walk the live entries of s in table order */
#define EACH(s, e) for (unsigned char *e = (s)->table, *end_ = ent(s, (uint64_t)(s)->mask + 1); e < end_; e += (s)->stride) \
                       if (state_of(e) == SET_ACTIVE)

/* so |= other for two sets: one resize up front; an empty table of other's size copies other's slots */
static int merge(Run *r, RtSet *so, const RtSet *other, const Type *kt, int line, const char *file) {
    if (so == other || !other->used) return 0;
    if ((uint64_t)(so->fill + other->used) * 5 >= (uint64_t)so->mask * 3 &&
        resize(r, so, (so->used + other->used) * 2, line, file)) return -1;
    if (!so->fill && so->mask == other->mask && other->fill == other->used) {
        memcpy(so->table, other->table, (size_t)((other->mask + 1) * so->stride));
        so->fill = other->fill;
        so->used = other->used;
        changed(so);
        return 0;
    }
    if (!so->fill) {
        so->fill = so->used = other->used;
        EACH(other, e) insert_clean(so, key_of(e), hash_of(e));
        changed(so);
        return 0;
    }
    EACH(other, e) if (add_entry(r, so, kt, key_of(e), hash_of(e), line, file)) return -1;
    return 0;
}

static RtSet *copy(Run *r, const RtSet *s, const Type *kt, int line, const char *file) {
    RtSet *c = run_set_new(r, s->key, line, file);
    if (c) c->plain = s->plain;
    return c && !merge(r, c, s, kt, line, file) ? c : NULL;
}

static RtSet *intersection(Run *r, const RtSet *so, const RtSet *other, const Type *kt, int line, const char *file) {
    if (so == other) return copy(r, so, kt, line, file);
    RtSet *res = run_set_new(r, so->key, line, file);
    if (!res) return NULL;
    res->plain = so->plain;
    if (other->used > so->used) { const RtSet *t = so; so = other; other = t; } /* walk the smaller */
    EACH(other, e)
        if (find(so, kt, key_of(e), hash_of(e)) && add_entry(r, res, kt, key_of(e), hash_of(e), line, file)) return NULL;
    return res;
}

/* after discards: past a quarter of the table in dummies, a resize sweeps them */
static int sweep(Run *r, RtSet *s, int line, const char *file) {
    if ((uint64_t)(s->fill - s->used) <= (uint64_t)s->mask / 4) return 0;
    return resize(r, s, s->used > 50000 ? s->used * 2 : s->used * 4, line, file);
}

/* so -= other */
static int difference_update(Run *r, RtSet *so, const RtSet *other, const Type *kt, int line, const char *file) {
    if (so == other) return clear(r, so, line, file);
    EACH(other, e) discard_entry(so, kt, key_of(e), hash_of(e));
    return sweep(r, so, line, file);
}

static RtSet *difference(Run *r, const RtSet *so, const RtSet *other, const Type *kt, int line, const char *file) {
    if ((so->used >> 2) > other->used) { /* much larger than other: copy, then discard other's keys */
        RtSet *c = copy(r, so, kt, line, file);
        return c && !difference_update(r, c, other, kt, line, file) ? c : NULL;
    }
    RtSet *res = run_set_new(r, so->key, line, file);
    if (!res) return NULL;
    res->plain = so->plain;
    EACH(so, e)
        if (!find(other, kt, key_of(e), hash_of(e)) && add_entry(r, res, kt, key_of(e), hash_of(e), line, file)) return NULL;
    return res;
}

static int symmetric_update(Run *r, RtSet *so, const RtSet *other, const Type *kt, int line, const char *file) {
    if (so == other) return clear(r, so, line, file);
    EACH(other, e)
        if (!discard_entry(so, kt, key_of(e), hash_of(e)) && add_entry(r, so, kt, key_of(e), hash_of(e), line, file)) return -1;
    return 0;
}

static bool subset(const RtSet *a, const RtSet *b, const Type *kt) {
    if (a->used > b->used) return false;
    EACH(a, e) if (!find(b, kt, key_of(e), hash_of(e))) return false;
    return true;
}

static bool disjoint(const RtSet *a, const RtSet *b, const Type *kt) {
    if (a == b) return a->used == 0;
    if (b->used > a->used) { const RtSet *t = a; a = b; b = t; }
    EACH(b, e) if (find(a, kt, key_of(e), hash_of(e))) return false;
    return true;
}

/* t's table becomes a's, a's t's (CPython swaps the bodies; the pop finger stays a's) */
static void take(RtSet *a, RtSet *t) {
    unsigned char *tab = a->table;
    int64_t mask = a->mask, fill = a->fill, used = a->used;
    a->table = t->table; a->mask = t->mask; a->fill = t->fill; a->used = t->used;
    t->table = tab; t->mask = mask; t->fill = fill; t->used = used;
    changed(a);
    changed(t);
}

/* a &= b: the intersection, made apart, becomes a */
static int intersection_update(Run *r, RtSet *a, const RtSet *b, const Type *kt, int line, const char *file) {
    RtSet *t = intersection(r, a, b, kt, line, file);
    if (!t) return -1;
    take(a, t);
    return rt_set_binop(r, SETOP_FREE, t, t, kt, NULL, line, file); /* a's old table: nothing uses it */
}

/* a new set of s's keys added in s's order */
static RtSet *rebuild(Run *r, const RtSet *s, const Type *kt, int line, const char *file) {
    RtSet *n = run_set_new(r, s->key, line, file);
    if (!n) return NULL;
    n->plain = s->plain;
    EACH(s, e) if (add_entry(r, n, kt, key_of(e), hash_of(e), line, file)) return NULL;
    return n;
}

/* an empty set made before its key type was known (an empty set passed in, which the kernel types by what it adds):
 * entries of kt's size from now on */
static int fit(Run *r, RtSet *s, const Type *kt, int line, const char *file) {
    if (s->plain < 0) s->plain = bitwise(kt);
    if (s->plain == 1 && s->key == 8) return 0; /* the common case: sized (an int key) */
    int64_t key = rt_item_size(kt);
    if (s->key == key || s->used || s->fill) return 0;
    int64_t stride = 16 + (key + 7) / 8 * 8;
    unsigned char *t = calloc((size_t)s->mask + 1, (size_t)stride);
    if (!t) return nomem(r, line, file);
    free(s->table);
    s->table = t;
    s->key = s->items.item = s->popped.item = key;
    s->stride = stride;
    s->items.len = s->popped.len = 0;
    s->items.cap = s->popped.cap = 0;
    free(s->items.data); free(s->popped.data);
    s->items.data = s->popped.data = NULL;
    s->seen = (uint64_t)-1;
    return 0;
}

int rt_set_binop(Run *r, int op, RtSet *a, RtSet *b, const Type *kt, Slot *out, int line, const char *file) {
    RtSet *res = NULL;
    if (fit(r, a, kt, line, file) || fit(r, b, kt, line, file)) return -1;
    switch (op) {
    case SETOP_COPY: res = copy(r, a, kt, line, file); break;
    case SETOP_REBUILD: res = rebuild(r, a, kt, line, file); break;
    case SETOP_SWEEP: return sweep(r, a, line, file);
    case SETOP_TAKE: take(a, b); return 0;
    case SETOP_LEN: out->i = a->used; return 0;
    case SETOP_FREE: return clear(r, a, line, file); /* its table to the spares, an empty small one in its place */
    case SETOP_OR: res = copy(r, a, kt, line, file); if (res && merge(r, res, b, kt, line, file)) return -1; break;
    case SETOP_AND: res = intersection(r, a, b, kt, line, file); break;
    case SETOP_SUB: res = difference(r, a, b, kt, line, file); break;
    case SETOP_XOR: res = copy(r, b, kt, line, file); if (res && symmetric_update(r, res, a, kt, line, file)) return -1; break;
    case SETOP_IOR: return merge(r, a, b, kt, line, file);
    case SETOP_IAND: return intersection_update(r, a, b, kt, line, file);
    case SETOP_ISUB: return difference_update(r, a, b, kt, line, file);
    case SETOP_IXOR: return symmetric_update(r, a, b, kt, line, file);
    case SETOP_EQ: out->i = a->used == b->used && subset(a, b, kt); return 0;
    case SETOP_LE: out->i = subset(a, b, kt); return 0;
    case SETOP_LT: out->i = a->used < b->used && subset(a, b, kt); return 0;
    default: out->i = disjoint(a, b, kt); return 0;
    }
    if (!res) return -1;
    out->p = res;
    return 0;
}

int rt_set_key(Run *r, RtSet *s, const Type *kt, int mode, const Slot *key, Slot *out, int line, const char *file) {
    unsigned char k[8 * KILN_MAX_ITEM_SLOTS];
    if (fit(r, s, kt, line, file)) return -1;
    store_key(s, kt, k, key);
    int64_t h = (int64_t)hash_leaves(kt, key);
    switch (mode) {
    case SETKEY_ADD: return add_entry(r, s, kt, k, h, line, file);
    case SETKEY_IN: out->i = find(s, kt, k, h) != NULL; return 0;
    case SETKEY_DISCARD: discard_entry(s, kt, k, h); return 0;
    case SETKEY_TOGGLE: return discard_entry(s, kt, k, h) ? 0 : add_entry(r, s, kt, k, h, line, file);
    default:
        if (discard_entry(s, kt, k, h)) return 0;
        run_raise(r, RE_RAISE, line, file);
        r->ename = "KeyError";
        rt_repr(kt, key, r->msg, sizeof r->msg);
        return -1;
    }
}

/* k in s, s.add(k), s.discard(k), s.remove(k) as tier 2 calls them directly, for a key of 8-byte leaves: a number
 * (int64, uint64, float64) or a flat tuple of numbers and bools, its leaves in leaves[] (a float's bits). desc: the
 * number of leaves (bits 0-7), whether the key is a tuple (bit 8), each leaf's dtype (4 bits from bit 12). IN: the
 * answer; the others 0; -2 where the general path must run instead, before anything changed: an add that would
 * resize the table, a remove of a missing key (KeyError), a set whose entries are not sized yet */
static inline __attribute__((always_inline)) bool leaves_eq(const unsigned char *k, const int64_t *leaves, int n, int64_t desc) {
    for (int i = 0; i < n; i++) {
        int64_t x;
        memcpy(&x, k + 8 * i, 8);
        if ((desc >> (12 + 4 * i) & 0xf) == KILN_FLOAT64) {
            double f, g;
            memcpy(&f, &x, 8);
            memcpy(&g, &leaves[i], 8);
            if (f != g) return false;
        } else if (x != leaves[i]) return false;
    }
    return true;
}

/* rt_set_keyn's probe, its hash computed; n a constant where inlined for one leaf */
static inline __attribute__((always_inline)) int64_t keyn_op(RtSet *s, const int64_t *leaves, int64_t mode, int64_t desc, int64_t h, int n) {
    unsigned char *freeslot = NULL;
    Probe p;
    for (unsigned char *e = probe_first(s, &p, h);; e = probe_next(s, &p)) {
        int st = state_of(e);
        if (st == SET_EMPTY) {
            if (mode == SETKEY_IN || mode == SETKEY_DISCARD) return 0;
            if (mode != SETKEY_ADD) return -2;
            if (freeslot) e = freeslot;
            else if ((uint64_t)(s->fill + 1) * 5 >= (uint64_t)s->mask * 3) return -2; /* add_entry grows the table */
            else s->fill++;
            s->used++;
            changed(s);
            put(s, e, leaves, h);
            return 0;
        }
        if (st == SET_ACTIVE && hash_of(e) == h && leaves_eq(key_of(e), leaves, n, desc)) {
            if (mode == SETKEY_IN) return 1;
            if (mode == SETKEY_ADD) return 0;
            int64_t dummy = -1;
            memcpy(e, &dummy, 8);
            e[8] = SET_DUMMY;
            s->used--;
            changed(s);
            return 0;
        }
        if (st == SET_DUMMY) freeslot = e;
    }
}

static uint64_t leaf_hash(const int64_t *leaf, int dt) {
    double f;
    memcpy(&f, leaf, 8);
    return dt == KILN_FLOAT64 ? hash_double(f) : dt == KILN_BOOL ? *leaf != 0 : hash_int(*leaf, dt == KILN_UINT64);
}

int64_t rt_set_keyn(RtSet *s, const int64_t *leaves, int64_t mode, int64_t desc) {
    int n = (int)(desc & 0xff);
    if (s->key != 8 * n) return -2;
    if (!(desc >> 8 & 1)) return keyn_op(s, leaves, mode, desc, (int64_t)leaf_hash(leaves, (int)(desc >> 12 & 0xf)), 1);
    uint64_t acc = 2870177450012600261ULL; /* the leaves' hashes, combined as hash_leaves combines a tuple's */
    for (int i = 0; i < n; i++) {
        acc += leaf_hash(&leaves[i], (int)(desc >> (12 + 4 * i) & 0xf)) * 14029467366897019727ULL;
        acc = acc << 31 | acc >> 33;
        acc *= 11400714785074694791ULL;
    }
    acc += (uint64_t)n ^ (2870177450012600261ULL ^ 3527539ULL);
    return keyn_op(s, leaves, mode, desc, (int64_t)(acc == (uint64_t)-1 ? 1546275796 : acc), n);
}

/* so.update(a dict's keys) or set(d): CPython grows the table once for all of them first */
int rt_set_reserve(Run *r, RtSet *s, int64_t n, int line, const char *file) {
    if ((uint64_t)(s->fill + n) * 5 < (uint64_t)s->mask * 3) return 0;
    return resize(r, s, (s->used + n) * 2, line, file);
}

/* pop(): the first live entry from the finger on; its key in s->popped */
RtList *rt_set_pop(Run *r, RtSet *s, int line, const char *file) {
    if (!s->used) {
        run_raise(r, RE_RAISE, line, file);
        r->ename = "KeyError";
        snprintf(r->msg, sizeof r->msg, "'pop from an empty set'");
        return NULL;
    }
    if (!s->popped.cap && run_list_reserve(r, &s->popped, 1, line, file)) return NULL;
    uint64_t i = (uint64_t)s->finger & (uint64_t)s->mask;
    while (state_of(ent(s, i)) != SET_ACTIVE) i = (i + 1) & (uint64_t)s->mask;
    unsigned char *e = ent(s, i);
    memcpy(s->popped.data, key_of(e), (size_t)s->key);
    s->popped.len = 1;
    int64_t dummy = -1;
    memcpy(e, &dummy, 8);
    e[8] = SET_DUMMY;
    s->used--;
    s->finger = (int64_t)i + 1;
    changed(s);
    return &s->popped;
}

/* the keys in table order (the list is the set's own: read it before the set changes); NULL: out of memory */
const RtList *rt_set_view(RtSet *s) {
    if (s->seen == s->version) return &s->items;
    if (s->used > s->items.cap || !s->items.data) { /* never NULL: a view of the list adds offsets to its address */
        int64_t cap = s->used ? s->used : 1;
        void *p = realloc(s->items.data, (size_t)(cap * s->key));
        if (!p) return NULL;
        s->items.data = p;
        s->items.cap = cap;
    }
    int64_t n = 0;
    EACH(s, e) memcpy((char *)s->items.data + n++ * s->key, key_of(e), (size_t)s->key);
    s->items.len = n;
    s->seen = s->version;
    return &s->items;
}

RtList *rt_set_items(Run *r, RtSet *s, int line, const char *file) {
    if (!rt_set_view(s)) { nomem(r, line, file); return NULL; }
    return &s->items;
}

/* ---- a caller's table (the C API's kiln_set_io): taken in as it is, given back as it became ---- */

/* an empty table of mask + 1 slots for rt_set_adopt_put to fill; -1 out of memory or a mask that is not 2**k - 1 */
int rt_set_adopt_begin(RtSet *s, int64_t mask) {
    if (mask < MINSIZE - 1 || mask > ((int64_t)1 << 40) || (mask & (mask + 1))) return -1;
    unsigned char *t = calloc((size_t)mask + 1, (size_t)s->stride);
    if (!t) return -1;
    free(s->table);
    s->table = t;
    s->mask = mask;
    s->fill = s->used = 0;
    return 0;
}

/* the key (slots; NULL: a dummy) in table slot i */
void rt_set_adopt_put(RtSet *s, const Type *kt, int64_t i, const Slot *key) {
    if (i < 0 || i > s->mask) return;
    unsigned char *e = ent(s, (uint64_t)i), k[8 * KILN_MAX_ITEM_SLOTS];
    s->fill++;
    if (!key) {
        int64_t dummy = -1;
        memcpy(e, &dummy, 8);
        e[8] = SET_DUMMY;
        return;
    }
    if (s->plain < 0) s->plain = bitwise(kt);
    store_key(s, kt, k, key);
    put(s, e, k, (int64_t)hash_leaves(kt, key));
    s->used++;
}

/* whether the table holds every key where its probe sequence finds it, with room to spare (a caller's table whose
 * hashes differ from kiln's, a NaN's, fails: the caller then adds the keys instead) */
int rt_set_adopt_end(RtSet *s, const Type *kt, int64_t finger) {
    if (s->fill > s->mask) return -1;
    EACH(s, e) if (find(s, kt, key_of(e), hash_of(e)) != e) return -1;
    s->finger = finger;
    s->version = 0;
    return 0;
}

/* the table as slots (the index of each slot's key in iteration order, -1 empty, -2 dummy); -1 where it holds a NaN
 * (whose hash in CPython is its object's, not kiln's) */
int rt_set_export(const RtSet *s, const Type *kt, int32_t *slots) {
    int32_t k = 0;
    for (int64_t i = 0; i <= s->mask; i++) {
        unsigned char *e = ent(s, (uint64_t)i);
        if (state_of(e) == SET_ACTIVE && !rt_item_eq(kt, key_of(e), key_of(e))) return -1;
        slots[i] = state_of(e) == SET_ACTIVE ? k++ : state_of(e) == SET_DUMMY ? -2 : -1;
    }
    return 0;
}
