/*
 * sort.c — np.sort, np.argsort, np.partition, np.argpartition and
 * np.nonzero / one-argument np.where, for OP_LIB.
 *
 * Each lane along the axis (or the C-order flattening) is copied into
 * (key, index) items, ordered, and written to a new C-contiguous result.
 * Order: NumPy's (NaN after every number; complex values by real parts,
 * then imaginary parts, NaNs last); sorting is a stable merge sort,
 * so argsort gives equal elements in index order (NumPy's default
 * quicksort leaves their order unspecified; kind='stable' is the same).
 * Lanes of 256 or more real numbers sort by a stable LSD radix sort on a
 * key whose order is that one (equal keys exactly for what the merge
 * sort's comparison does not tell apart: -0.0 and 0.0, any two NaNs), so
 * both give the same bits; digits every key shares cost no pass, which
 * makes small-range ints two passes (10^5 int64: 11 ms → 1.1; doubles 9.5 → 2.0).
 * Partitions are a quickselect with a median-of-three pivot: the element at
 * kth is the one a full sort would put there, none before it is larger and
 * none after it smaller; the order inside each side is unspecified, as in
 * NumPy (and differs from NumPy's).
 */
#include "lib.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Item { union { double f; int64_t i; uint64_t u; } k; double im; int64_t idx; } Item; /* im: complex */

enum { KF, KI, KU, KC }; /* key class: float, signed, unsigned, complex */

static int key_class(int dt) { return dt_is_complex(dt) ? KC : dt_is_float(dt) ? KF : dt_is_unsigned(dt) ? KU : KI; }

/* NumPy's sort order of complex values: by real parts, then imaginary parts, NaNs last — a NaN
 * real part after every number, a NaN imaginary part after the numbers of its real part
 * (npysort's CDOUBLE_LT) */
static bool complex_less(double ar, double ai, double br, double bi) {
    if (ar < br) return !isnan(ai) || isnan(bi);
    if (ar > br) return isnan(bi) && !isnan(ai);
    if (ar == br || (isnan(ar) && isnan(br))) return ai < bi || (isnan(bi) && !isnan(ai));
    return isnan(br);
}

static bool less(int c, const Item *x, const Item *y) {
    switch (c) {
    case KF: return x->k.f < y->k.f || (!isnan(x->k.f) && isnan(y->k.f));
    case KC: return complex_less(x->k.f, x->im, y->k.f, y->im);
    case KU: return x->k.u < y->k.u;
    default: return x->k.i < y->k.i;
    }
}

static Item item_of(const char *p, int dt, int64_t idx) {
    Item it;
    it.idx = idx;
    it.im = 0;
    if (dt == KILN_COMPLEX128) { double z[2]; memcpy(z, p, sizeof z); it.k.f = z[0]; it.im = z[1]; return it; }
    if (dt == KILN_COMPLEX64) { float z[2]; memcpy(z, p, sizeof z); it.k.f = z[0]; it.im = z[1]; return it; }
    Slot v = rt_load_elem(p, dt);
    if (dt == KILN_FLOAT64) it.k.f = v.f;
    else if (dt == KILN_FLOAT32) it.k.f = v.f32;
    else it.k.i = v.i;
    return it;
}

static void store_key(char *p, int dt, const Item *it) {
    if (dt == KILN_COMPLEX128) { double z[2] = {it->k.f, it->im}; memcpy(p, z, sizeof z); return; }
    if (dt == KILN_COMPLEX64) { float z[2] = {(float)it->k.f, (float)it->im}; memcpy(p, z, sizeof z); return; }
    Slot v = {0};
    if (dt == KILN_FLOAT64) v.f = it->k.f;
    else if (dt == KILN_FLOAT32) v.f32 = (float)it->k.f;
    else v.i = it->k.i;
    rt_store_elem(p, dt, &v);
}

/* stable bottom-up merge sort of n items, tmp: n more */
static void merge_sort(Item *a, Item *tmp, int64_t n, int c) {
    for (int64_t w = 1; w < n; w *= 2) {
        for (int64_t lo = 0; lo < n; lo += 2 * w) {
            int64_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n, i = lo, j = mid, k = lo;
            while (i < mid && j < hi) tmp[k++] = less(c, &a[j], &a[i]) ? a[j++] : a[i++];
            while (i < mid) tmp[k++] = a[i++];
            while (j < hi) tmp[k++] = a[j++];
        }
        memcpy(a, tmp, sizeof(Item) * (size_t)n);
    }
}

/* shorter lanes: the merge sort (a radix pass clears and sums 2048 counters). Digits of 11 bits: 6 passes over a
 * 64-bit key where bytes take 8, each no slower here (10^5 random doubles: 2.6 ms in 8 passes, 1.2 in 6) */
enum { RADIX_MIN = 256, RADIX_BITS = 11 };
enum { RADIX_DIGITS = (64 + RADIX_BITS - 1) / RADIX_BITS, RADIX_SIZE = 1 << RADIX_BITS };

/* an unsigned key ordered as less() orders real items: a float's sign folded so that larger is larger, every NaN
 * after +inf with one key, -0.0 given 0.0's key (they are equal to less()); a signed int's sign bit flipped */
static inline uint64_t float_key(double x) {
    if (isnan(x)) return UINT64_MAX;
    if (x == 0) return 1ull << 63;
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return u >> 63 ? ~u : u | (1ull << 63);
}

/* the key of the real element at p, and in *raw its own bytes (little-endian: the word's low ones) */
static inline uint64_t elem_key(const char *p, int dt, uint64_t *raw) {
    switch (dt) {
    case KILN_FLOAT64: { double x; memcpy(&x, p, 8); memcpy(raw, p, 8); return float_key(x); }
    case KILN_INT64: memcpy(raw, p, 8); return *raw ^ (1ull << 63);
    case KILN_UINT64: memcpy(raw, p, 8); return *raw;
    case KILN_FLOAT32: { float x; uint32_t r; memcpy(&x, p, 4); memcpy(&r, p, 4); *raw = r; return float_key(x); }
    default: { /* narrower ints and bools: as loaded, widened */
        Slot v = rt_load_elem(p, dt);
        size_t esz = kiln_dtype_size((kiln_dtype)dt);
        *raw = esz == 1 ? *(const uint8_t *)p : esz == 2 ? *(const uint16_t *)p : *(const uint32_t *)p;
        return dt_is_unsigned(dt) ? (uint64_t)v.i : (uint64_t)v.i ^ (1ull << 63);
    }
    }
}

/* stable LSD radix sort of n keys a digit at a time, with their places in idx moved along (argsort) or none
 * (NULL); ktmp and itmp: n more each. The result is in key and idx. cnt: RADIX_SIZE counters. `differ`: the bits
 * where keys differ — a digit in which all keys agree costs no pass (and no counting: counting a digit every key
 * shares adds 1 to one counter n times, each add waiting for the last) */
static void radix_sort(uint64_t *key, int64_t *idx, uint64_t *ktmp, int64_t *itmp, int64_t n, uint64_t differ,
                       int64_t *cnt) {
    uint64_t *ks = key, *kd = ktmp;
    int64_t *is = idx, *id = itmp;
    const uint64_t mask = RADIX_SIZE - 1;
    for (int b = 0; b < RADIX_DIGITS; b++) {
        int sh = RADIX_BITS * b;
        if (!((differ >> sh) & mask)) continue;
        memset(cnt, 0, sizeof(int64_t) * RADIX_SIZE);
        for (int64_t i = 0; i < n; i++) cnt[(ks[i] >> sh) & mask]++;
        int64_t at = 0;
        for (int d = 0; d < RADIX_SIZE; d++) { int64_t k = cnt[d]; cnt[d] = at; at += k; }
        if (idx)
            for (int64_t i = 0; i < n; i++) { int64_t j = cnt[(ks[i] >> sh) & mask]++; kd[j] = ks[i], id[j] = is[i]; }
        else
            for (int64_t i = 0; i < n; i++) kd[cnt[(ks[i] >> sh) & mask]++] = ks[i];
        uint64_t *kt = ks; ks = kd; kd = kt;
        int64_t *it = is; is = id; id = it;
    }
    if (ks == key) return;
    memcpy(key, ks, sizeof(uint64_t) * (size_t)n);
    if (idx) memcpy(idx, is, sizeof(int64_t) * (size_t)n);
}

static void swap(Item *a, int64_t i, int64_t j) { Item t = a[i]; a[i] = a[j]; a[j] = t; }

/* reorder a so that a[kth] is in its sorted place, nothing larger before, nothing smaller after */
static void select_kth(Item *a, int64_t n, int64_t kth, int c) {
    int64_t lo = 0, hi = n - 1;
    while (hi > lo) {
        int64_t mid = lo + (hi - lo) / 2;
        if (less(c, &a[mid], &a[lo])) swap(a, mid, lo);
        if (less(c, &a[hi], &a[lo])) swap(a, hi, lo);
        if (less(c, &a[hi], &a[mid])) swap(a, hi, mid);
        Item pivot = a[mid];
        int64_t i = lo, j = hi;
        while (i <= j) {
            while (less(c, &a[i], &pivot)) i++;
            while (less(c, &pivot, &a[j])) j--;
            if (i <= j) { swap(a, i, j); i++; j--; }
        }
        if (kth <= j) hi = j;
        else if (kth >= i) lo = i;
        else return;
    }
}


/* the elements of a lane in order: along `axis` from C-order position `first` (a stride apart), or, axis < 0, all
 * of a in C order (the last index fastest, an odometer carrying into the axes before) */
typedef struct LaneWalk { const RdArr *a; int axis; int64_t off, at[KILN_MAXDIM]; } LaneWalk;

static void lw_start(LaneWalk *w, const RdArr *a, int axis, int64_t first) {
    w->a = a, w->axis = axis, w->off = 0;
    for (int k = a->ndim - 1; k >= 0; k--) {
        w->at[k] = first % a->n[k];
        w->off += w->at[k] * a->s[k];
        first /= a->n[k];
    }
}

static inline const char *lw_next(LaneWalk *w) {
    const RdArr *a = w->a;
    const char *p = a->data + w->off;
    if (w->axis >= 0) { w->off += a->s[w->axis]; return p; }
    for (int k = a->ndim - 1; k >= 0; k--) {
        w->off += a->s[k];
        if (++w->at[k] < a->n[k]) break;
        w->off -= w->at[k] * a->s[k];
        w->at[k] = 0;
    }
    return p;
}

/* the element bytes a key stands for (the inverse of elem_key where it has one) */
static uint64_t key_raw(uint64_t key, int dt) {
    if (dt_is_unsigned(dt)) return key;
    if (!dt_is_float(dt)) return key ^ (1ull << 63); /* two's complement: the low bytes are the narrow int's */
    uint64_t u = key >> 63 ? key & ~(1ull << 63) : ~key;
    if (dt == KILN_FLOAT64) return u;
    double x;
    float f;
    memcpy(&x, &u, 8);
    f = (float)x; /* exact: x was a float32 */
    uint32_t r;
    memcpy(&r, &f, 4);
    return r;
}

/* a long lane of real numbers by radix, into o (its elements `step` apart). argsort: the keys with their places.
 * sort: the keys alone, turned back into elements — but -0.0 and 0.0 share a key and so do all NaNs, so their own
 * bytes are kept aside in the order met (the stable order: where their key's run is, they come in that order).
 * buf: 4 x len words */
static void radix_lane(LaneWalk *w, int64_t len, int dt, bool args, uint64_t *buf, int64_t *cnt, char *o,
                       int64_t step, size_t osz) {
    uint64_t *key = buf, *ktmp = buf + len, all = ~0ull, any = 0, zkey = 1ull << 63;
    int64_t *idx = (int64_t *)(buf + 2 * len), *itmp = idx + len, nz = 0, nn = 0;
    uint64_t *zeros = (uint64_t *)idx, *nans = (uint64_t *)itmp; /* sort: the places' room holds them */
    bool flt = dt_is_float(dt);
    for (int64_t i = 0; i < len; i++) {
        uint64_t raw, k = elem_key(lw_next(w), dt, &raw);
        key[i] = k, all &= k, any |= k;
        if (args) idx[i] = i;
        else if (flt && k == zkey) zeros[nz++] = raw;
        else if (flt && k == UINT64_MAX) nans[nn++] = raw;
    }
    radix_sort(key, args ? idx : NULL, ktmp, itmp, len, all ^ any, cnt);
    nz = nn = 0;
    char *q = o;
    size_t by = (size_t)step * osz;
    for (int64_t i = 0; i < len; i++, q += by) {
        uint64_t v = args                           ? (uint64_t)idx[i]
                     : flt && key[i] == zkey        ? zeros[nz++]
                     : flt && key[i] == UINT64_MAX ? nans[nn++]
                                                    : key_raw(key[i], dt);
        switch (osz) { /* little-endian: an element's bytes are the low bytes of its word */
        case 8: memcpy(q, &v, 8); break;
        case 4: memcpy(q, &v, 4); break;
        case 2: memcpy(q, &v, 2); break;
        default: memcpy(q, &v, 1); break;
        }
    }
}

int rt_sort(Run *run, int routine, const RdArr *a, int axis, int64_t kth, Slot *out, int line, const char *file) {
    int nd = a->ndim, dt = a->dtype, c = key_class(dt);
    bool args = routine == LIB_ARGSORT || routine == LIB_ARGPARTITION, part = routine == LIB_PARTITION || routine == LIB_ARGPARTITION;
    int64_t total = 1, dims[KILN_MAXDIM];
    for (int k = 0; k < nd; k++) total *= a->n[k];
    int ond = axis < 0 ? 1 : nd;
    if (axis < 0) dims[0] = total; else memcpy(dims, a->n, sizeof(int64_t) * (size_t)nd);
    int64_t len = axis < 0 ? total : a->n[axis], inner = 1;
    if (axis >= 0) for (int k = axis + 1; k < nd; k++) inner *= a->n[k];
    if (part) {
        if (kth < 0) kth += len;
        if (kth < 0 || kth >= len) {
            char m[100];
            snprintf(m, sizeof m, "kth(=%lld) out of bounds (%lld)", (long long)kth, (long long)len);
            return run_raise_msg(run, "ValueError", m, line, file);
        }
    }
    int odt = args ? KILN_INT64 : dt;
    if (run_alloc(run, odt, ond, dims, false, out, line, file)) return -1;
    char *o = out[0].p;
    size_t osz = kiln_dtype_size((kiln_dtype)odt);
    if (!total) return 0;
    bool radix = !part && c != KC && len >= RADIX_MIN;
    size_t room = radix ? 4 * sizeof(uint64_t) : 2 * sizeof(Item); /* the items and a merge's tmp, or 4 words */
    Item *buf = malloc(room * (size_t)len);
    int64_t *cnt = radix ? malloc(sizeof(int64_t) * RADIX_SIZE) : NULL;
    if (!buf || (radix && !cnt)) { free(buf); free(cnt); run_raise(run, RE_NOMEM, line, file); return -1; }
    int64_t lanes = total / len;
    for (int64_t q = 0; q < lanes; q++) {
        /* lane q: its first element's C-order position, then steps of `inner` */
        int64_t first = axis < 0 ? 0 : (q / inner) * len * inner + q % inner, step = axis < 0 ? 1 : inner;
        LaneWalk w;
        lw_start(&w, a, axis, first);
        if (radix) {
            radix_lane(&w, len, dt, args, (uint64_t *)buf, cnt, o + (size_t)first * osz, step, osz);
            continue;
        }
        for (int64_t i = 0; i < len; i++) buf[i] = item_of(lw_next(&w), dt, i);
        if (part) select_kth(buf, len, kth, c);
        else merge_sort(buf, buf + len, len, c);
        for (int64_t i = 0; i < len; i++) {
            char *p = o + (size_t)(first + i * step) * osz;
            if (args) memcpy(p, &buf[i].idx, 8);
            else store_key(p, dt, &buf[i]);
        }
    }
    free(buf);
    free(cnt);
    return 0;
}

/* the C-order indices of a's nonzero elements, as a (count, ndim) int64 array: NumPy's PyArray_Nonzero fills one
 * such array and returns its columns, so its index arrays have a stride of ndim elements */
int rt_nonzero(Run *run, const RdArr *a, Slot *out, int line, const char *file) {
    int nd = a->ndim;
    int64_t total = 1, count = 0;
    for (int k = 0; k < nd; k++) total *= a->n[k];
    for (int pass = 0; pass < 2; pass++) {
        int64_t *o = pass ? out[0].p : NULL, j = 0;
        for (int64_t e = 0; e < total; e++) {
            int64_t off = 0, r = e, idx[KILN_MAXDIM];
            for (int k = nd - 1; k >= 0; k--) { idx[k] = r % a->n[k]; off += idx[k] * a->s[k]; r /= a->n[k]; }
            Slot v = rt_load_elem(a->data + off, a->dtype);
            bool nz = a->dtype == KILN_FLOAT64 ? v.f != 0 : a->dtype == KILN_FLOAT32 ? v.f32 != 0
                    : dt_is_complex(a->dtype) ? (a->dtype == KILN_COMPLEX64 ? v.c64[0] != 0 || v.c64[1] != 0
                                                 : ((const double *)(a->data + off))[0] != 0 || ((const double *)(a->data + off))[1] != 0)
                    : v.i != 0;
            if (!nz) continue;
            if (pass) for (int k = 0; k < nd; k++) o[j * nd + k] = idx[k];
            j++;
        }
        if (!pass) {
            count = j;
            int64_t dims[2] = {count, nd};
            if (run_alloc(run, KILN_INT64, 2, dims, false, out, line, file)) return -1;
        }
    }
    return 0;
}
