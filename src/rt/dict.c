/*
 * dict.c — Python dicts at run time: the entries in insertion order (two
 * RtLists, keys and values, so a dict's keys and values are lists every tier
 * reads with its ordinary loads), and an open-addressing index of them.
 *
 * Keys are numbers or tuples of them, of one type (lowering checks), hashed
 * so that keys that compare equal (== as Python's, rt_item_eq: 0.0 and -0.0)
 * hash the same. A deletion empties its index slot by backward shift and
 * closes the gap in the entries, renumbering the later ones in the index (no
 * hashing; nothing to move for the last entry, popitem's), which keeps the
 * entries dense and in order. Dicts belong to the call (Run.dicts), as lists do.
 */
#include "lib.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int nomem(Run *r, int line, const char *file) { return run_nomem(r, "growing a dict", line, file); }

static uint64_t mix(uint64_t h) { /* splitmix64's finalizer */
    h ^= h >> 30; h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27; h *= 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

static uint64_t hash(const Type *t, const char *p) {
    if (t->kind == T_TUPLE) {
        uint64_t h = 0x345678;
        for (int k = 0; k < t->n; k++) { h = mix(h ^ hash(t->elems[k], p)); p += 8 * slots_of(t->elems[k]); }
        return h;
    }
    if (t->kind == T_STRING) { /* its bytes, FNV-1a, mixed */
        const RtList *s = *(RtList *const *)p;
        uint64_t h = 0xcbf29ce484222325ULL;
        for (int64_t i = 0; i < s->len; i++) h = (h ^ ((const unsigned char *)s->data)[i]) * 0x100000001b3ULL;
        return mix(h);
    }
    Slot v;
    if (t->dtype == KILN_FLOAT64 || t->dtype == KILN_FLOAT32) {
        double x = t->dtype == KILN_FLOAT64 ? rt_load_elem(p, t->dtype).f : rt_load_elem(p, t->dtype).f32;
        if (x == 0) x = 0; /* -0.0 == 0.0 */
        memcpy(&v.u, &x, 8);
        return mix(v.u);
    }
    if (t->dtype == KILN_COMPLEX128 || t->dtype == KILN_COMPLEX64) {
        double c[2];
        if (t->dtype == KILN_COMPLEX128) memcpy(c, p, 16);
        else { float f[2]; memcpy(f, p, 8); c[0] = f[0]; c[1] = f[1]; }
        for (int k = 0; k < 2; k++) if (c[k] == 0) c[k] = 0;
        uint64_t a, b;
        memcpy(&a, &c[0], 8); memcpy(&b, &c[1], 8);
        return mix(a ^ mix(b));
    }
    v = rt_load_elem(p, t->dtype);
    return mix(v.u);
}

RtDict *run_dict_new(Run *r, int64_t ksize, int64_t vsize, int line, const char *file) {
    RtDict *d = calloc(1, sizeof *d);
    if (!d || !hvec_push(r->dicts, d)) { free(d); nomem(r, line, file); return NULL; }
    d->keys.item = ksize;
    d->vals.item = vsize;
    return d;
}

static void *key_at(const RtDict *d, int64_t i) { return (char *)d->keys.data + i * d->keys.item; }

/* the entry holding key (bytes as the keys list stores them), or -1; *slot: where it is or would go */
static int64_t lookup(const RtDict *d, const Type *kt, const void *key, int64_t *slot) {
    if (!d->nindex) { *slot = -1; return -1; }
    uint64_t mask = (uint64_t)d->nindex - 1, i = hash(kt, key) & mask;
    for (;; i = (i + 1) & mask) {
        int64_t e = d->index[i];
        if (!e) { *slot = (int64_t)i; return -1; }
        if (rt_item_eq(kt, key_at(d, e - 1), key)) { *slot = (int64_t)i; return e - 1; }
    }
}

static int reindex(Run *r, RtDict *d, const Type *kt, int64_t want, int line, const char *file) {
    int64_t n = 8;
    while (n < 2 * want + 2) n *= 2;
    int64_t *ix = calloc((size_t)n, sizeof *ix);
    if (!ix) return nomem(r, line, file);
    free(d->index);
    d->index = ix;
    d->nindex = n;
    for (int64_t e = 0; e < d->keys.len; e++) {
        uint64_t i = hash(kt, key_at(d, e)) & (uint64_t)(n - 1);
        while (ix[i]) i = (i + 1) & (uint64_t)(n - 1);
        ix[i] = e + 1;
    }
    return 0;
}

int64_t rt_dict_find(const RtDict *d, const Type *kt, const Slot *key) {
    unsigned char k[8 * KILN_MAX_ITEM_SLOTS];
    int64_t slot;
    rt_item_store(kt, k, key);
    return lookup(d, kt, k, &slot);
}

int rt_dict_index(Run *r, const RtDict *d, const Type *kt, const Slot *key, int64_t *out, int line, const char *file) {
    *out = rt_dict_find(d, kt, key);
    if (*out >= 0) return 0;
    run_raise(r, RE_RAISE, line, file);
    r->ename = "KeyError";
    rt_repr(kt, key, r->msg, sizeof r->msg);
    return -1;
}

int rt_dict_set(Run *r, RtDict *d, const Type *kt, const Type *vt, const Slot *key, const Slot *val, int line, const char *file) {
    unsigned char k[8 * KILN_MAX_ITEM_SLOTS];
    if (!d->keys.len && (d->keys.item != rt_item_size(kt) || d->vals.item != rt_item_size(vt))) {
        /* an empty dict passed in before its types were known (8-byte entries): the sizes of what goes in */
        d->keys.item = rt_item_size(kt);
        d->vals.item = rt_item_size(vt);
        d->keys.cap = d->vals.cap = 0;
        free(d->keys.data); free(d->vals.data);
        d->keys.data = d->vals.data = NULL;
    }
    rt_item_store(kt, k, key);
    int64_t slot, e = lookup(d, kt, k, &slot);
    if (e >= 0) { rt_item_store(vt, (char *)d->vals.data + e * d->vals.item, val); return 0; }
    if (2 * (d->keys.len + 1) >= d->nindex) {
        if (reindex(r, d, kt, d->keys.len + 1, line, file)) return -1;
        lookup(d, kt, k, &slot);
    }
    if (run_list_reserve(r, &d->keys, 1, line, file) || run_list_reserve(r, &d->vals, 1, line, file)) return -1;
    memcpy(key_at(d, d->keys.len), k, (size_t)d->keys.item);
    rt_item_store(vt, (char *)d->vals.data + d->vals.len * d->vals.item, val);
    d->index[slot] = ++d->keys.len;
    d->vals.len++;
    return 0;
}

/* tier 2's direct path (back/llvm/containers.c) for a dict whose keys are 8-byte numbers (dtype: int64, uint64,
 * float64) — what hash() and rt_item_eq do for them, on the key's bits. set 0: the key's entry or -1. set 1: its
 * value (8 bytes) stored, an existing key's replaced or a new entry appended, and 0; or -2 where rt_dict_set must
 * do it (the index or the entries to grow, an empty dict's item sizes not yet its types') */
int64_t rt_dict_keyn(RtDict *d, int64_t key, int64_t dtype, int64_t val, int64_t set) {
    bool flt = dtype == KILN_FLOAT64;
    double x;
    memcpy(&x, &key, 8);
    uint64_t bits = (uint64_t)key;
    if (flt && x == 0) bits = 0; /* -0.0 == 0.0 */
    uint64_t i = 0, mask = (uint64_t)d->nindex - 1;
    int64_t e = -1;
    if (d->nindex && d->keys.item == 8)
        for (i = mix(bits) & mask;; i = (i + 1) & mask) {
            int64_t ix = d->index[i], k;
            if (!ix) break;
            memcpy(&k, key_at(d, ix - 1), 8);
            double y;
            memcpy(&y, &k, 8);
            if (flt ? x == y : k == key) { e = ix - 1; break; }
        }
    if (!set) return e;
    if (d->vals.item != 8 || d->keys.item != 8) return -2;
    if (e >= 0) { memcpy((char *)d->vals.data + e * 8, &val, 8); return 0; }
    if (!d->nindex || 2 * (d->keys.len + 1) >= d->nindex) return -2; /* the index to grow */
    if (d->keys.len >= d->keys.cap || d->vals.len >= d->vals.cap) return -2; /* the entries */
    memcpy(key_at(d, d->keys.len), &key, 8);
    memcpy((char *)d->vals.data + d->vals.len * 8, &val, 8);
    d->index[i] = ++d->keys.len;
    d->vals.len++;
    return 0;
}

/* index slot i emptied, linear probing's way (no tombstones): each later entry of its cluster whose home slot is not
 * cyclically in (i, j] moves back into the gap, so every key stays reachable from its home */
static void unindex(RtDict *d, const Type *kt, uint64_t i) {
    uint64_t mask = (uint64_t)d->nindex - 1;
    for (uint64_t j = (i + 1) & mask; d->index[j]; j = (j + 1) & mask) {
        uint64_t home = hash(kt, key_at(d, d->index[j] - 1)) & mask;
        bool stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
        if (stays) continue;
        d->index[i] = d->index[j];
        i = j;
    }
    d->index[i] = 0;
}

int rt_dict_delete(Run *r, RtDict *d, const Type *kt, const Slot *key, int line, const char *file) {
    unsigned char k[8 * KILN_MAX_ITEM_SLOTS];
    int64_t slot, e;
    rt_item_store(kt, k, key);
    if ((e = lookup(d, kt, k, &slot)) < 0) return rt_dict_index(r, d, kt, key, &e, line, file); /* its KeyError */
    unindex(d, kt, (uint64_t)slot);
    int64_t n = d->keys.len;
    if (e + 1 < n) { /* not the last entry (popitem's is): the later ones move down one, and so do their numbers */
        memmove(key_at(d, e), key_at(d, e + 1), (size_t)((n - e - 1) * d->keys.item));
        memmove((char *)d->vals.data + e * d->vals.item, (char *)d->vals.data + (e + 1) * d->vals.item, (size_t)((n - e - 1) * d->vals.item));
        for (int64_t i = 0; i < d->nindex; i++) if (d->index[i] > e + 1) d->index[i]--;
    }
    d->keys.len--; d->vals.len--;
    return 0;
}

/* d.copy(): the entries and the index as they are (a shallow copy: a list or an array among them is shared, as
 * CPython's copy shares its objects; everything lives until the call ends) */
RtDict *rt_dict_copy(Run *r, const RtDict *d, int line, const char *file) {
    RtDict *n = run_dict_new(r, d->keys.item, d->vals.item, line, file);
    int64_t len = d->keys.len;
    if (!n || (len && (run_list_reserve(r, &n->keys, len, line, file) || run_list_reserve(r, &n->vals, len, line, file)))) return NULL;
    if (len) {
        memcpy(n->keys.data, d->keys.data, (size_t)(len * d->keys.item));
        memcpy(n->vals.data, d->vals.data, (size_t)(len * d->vals.item));
    }
    n->keys.len = n->vals.len = len;
    if (d->nindex) {
        n->index = malloc(sizeof(int64_t) * (size_t)d->nindex);
        if (!n->index) { nomem(r, line, file); return NULL; }
        memcpy(n->index, d->index, sizeof(int64_t) * (size_t)d->nindex);
        n->nindex = d->nindex;
    }
    return n;
}

void rt_dict_clear(RtDict *d) {
    d->keys.len = d->vals.len = 0;
    if (d->index) memset(d->index, 0, sizeof(int64_t) * (size_t)d->nindex);
}
