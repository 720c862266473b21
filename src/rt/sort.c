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
    Item *buf = malloc(sizeof(Item) * (size_t)(2 * len));
    if (!buf) { run_raise(run, RE_NOMEM, line, file); return -1; }
    int64_t lanes = total / len;
    for (int64_t q = 0; q < lanes; q++) {
        /* lane q: its first element's C-order position, then steps of `inner` */
        int64_t first = axis < 0 ? 0 : (q / inner) * len * inner + q % inner, step = axis < 0 ? 1 : inner;
        for (int64_t i = 0; i < len; i++) {
            int64_t e = first + i * step, off = 0, r = e;
            for (int k = nd - 1; k >= 0; k--) { off += (r % a->n[k]) * a->s[k]; r /= a->n[k]; }
            buf[i] = item_of(a->data + off, dt, i);
        }
        if (part) select_kth(buf, len, kth, c);
        else merge_sort(buf, buf + len, len, c);
        for (int64_t i = 0; i < len; i++) {
            char *p = o + (size_t)(first + i * step) * osz;
            if (args) memcpy(p, &buf[i].idx, 8);
            else store_key(p, dt, &buf[i]);
        }
    }
    free(buf);
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
