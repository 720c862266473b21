/*
 * run.c — per-call runtime: buffers for arrays created by kernels, raising
 * errors with their source line, element loads and stores by dtype.
 */
#include "run.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

void run_init(Run *r, const int64_t *tune, const _Atomic uint64_t *intr, uintptr_t floor) {
    /* not memset: msg is written only when an error is raised */
    r->tune = tune;
    r->depth = 0;
    r->stack_floor = floor;
    r->intr = intr;
    r->epoch = atomic_load_explicit(intr, memory_order_relaxed);
    r->bufs.v = NULL; r->bufs.n = r->bufs.cap = 0;
    r->lists.v = NULL; r->lists.n = r->lists.cap = 0;
    r->dicts.v = NULL; r->dicts.n = r->dicts.cap = 0;
    r->sets.v = NULL; r->sets.n = r->sets.cap = 0;
    r->rngs.v = NULL; r->rngs.n = r->rngs.cap = 0;
    r->nspare = 0;
    r->nstrpool = 0;
    r->ascii = NULL;
    r->saved.v = NULL; r->saved.n = r->saved.cap = 0;
    r->print = NULL; r->print_arg = NULL;
    r->pool = NULL; r->log_par = NULL; r->log_arg = NULL;
    r->gpu = NULL;
    r->code = RE_OK;
    r->line = 0;
    r->file = NULL;
    r->ename = NULL;
    r->msg[0] = 0;
}

/* a list's items and itself (the allocation starts head bytes before the items) */
static void list_free(RtList *l) {
    free(l->head ? (char *)l->data - l->head : l->data);
    free(l);
}

void run_release(Run *r) {
    r->nstrpool = 0; /* its strings are lists: freed here */
    free(r->ascii);
    r->ascii = NULL;
    for (uint32_t i = 0; i < r->lists.n; i++) list_free(r->lists.v[i]);
    free(r->lists.v);
    memset(&r->lists, 0, sizeof r->lists);
    for (uint32_t i = 0; i < r->dicts.n; i++) {
        RtDict *d = r->dicts.v[i];
        free(d->keys.data); free(d->vals.data); free(d->index); free(d);
    }
    free(r->dicts.v);
    memset(&r->dicts, 0, sizeof r->dicts);
    for (uint32_t i = 0; i < r->sets.n; i++) {
        RtSet *t = r->sets.v[i];
        free(t->items.data); free(t->popped.data); free(t->table); free(t);
    }
    free(r->sets.v);
    memset(&r->sets, 0, sizeof r->sets);
    for (int i = 0; i < r->nspare; i++) free(r->spare[i].p);
    r->nspare = 0;
    for (uint32_t i = 0; i < r->rngs.n; i++) free(r->rngs.v[i]);
    free(r->rngs.v);
    memset(&r->rngs, 0, sizeof r->rngs);
    for (uint32_t i = 0; i < r->saved.n; i++) free(r->saved.v[i]);
    free(r->saved.v);
    memset(&r->saved, 0, sizeof r->saved);
    if (!r->bufs.v) return;
    for (uint32_t i = 0; i < r->bufs.n; i++) {
        RtBuf *b = r->bufs.v[i];
        if (atomic_fetch_sub(&b->refs, 1) == 1) rt_buf_free(b);
    }
    free(r->bufs.v);
    memset(&r->bufs, 0, sizeof r->bufs);
}

int run_raise(Run *r, RtErr code, int line, const char *file) {
    if (r->code) return -1; /* keep the first error */
    r->code = code;
    r->line = line;
    r->file = file;
    if (code != RE_INDEX && code != RE_RAISE && code != RE_NOMEM) {
        r->ename = rt_err_class(code);
        snprintf(r->msg, sizeof r->msg, "%s", rt_err_msg(code));
    }
    return -1;
}

int run_raise_msg(Run *r, const char *cls, const char *msg, int line, const char *file) {
    if (r->code) return -1; /* keep the first error */
    run_raise(r, RE_RAISE, line, file);
    r->ename = cls;
    snprintf(r->msg, sizeof r->msg, "%s", msg);
    return -1;
}

int run_nomem(Run *r, const char *what, int line, const char *file) {
    if (r->code) return -1; /* keep the first error */
    run_raise(r, RE_NOMEM, line, file);
    r->ename = "MemoryError";
    snprintf(r->msg, sizeof r->msg, "out of memory %s", what);
    return -1;
}

/* the lists (strings), dicts and sets r made, moved into parent's (a parallel task's, at its end); false: out of memory
 * (what could not move stays r's) */
bool run_adopt(Run *parent, Run *r) {
    while (r->lists.n) { if (!hvec_push(parent->lists, r->lists.v[r->lists.n - 1])) return false; r->lists.n--; }
    while (r->dicts.n) { if (!hvec_push(parent->dicts, r->dicts.v[r->dicts.n - 1])) return false; r->dicts.n--; }
    while (r->sets.n) { if (!hvec_push(parent->sets, r->sets.v[r->sets.n - 1])) return false; r->sets.n--; }
    r->nstrpool = 0; /* its strings went with its lists */
    return true;
}

RtBuf *run_find_buf(Run *r, const void *data) {
    const unsigned char *p = data;
    for (uint32_t i = r->bufs.n; i-- > 0;) {
        RtBuf *b = r->bufs.v[i];
        if (p >= b->data && p <= b->data + b->size) return b;
    }
    return NULL;
}

void run_free_array(Run *r, const void *data) {
    for (uint32_t i = r->bufs.n; i-- > 0;) {
        RtBuf *b = r->bufs.v[i];
        if ((const void *)b->data != data) continue;
        r->bufs.v[i] = r->bufs.v[--r->bufs.n]; /* the order of the call's buffers means nothing */
        if (atomic_fetch_sub(&b->refs, 1) == 1) rt_buf_free(b);
        return;
    }
}

void run_free_list(Run *r, RtList *l) {
    for (uint32_t i = r->lists.n; i-- > 0;) {
        if (r->lists.v[i] != l) continue;
        r->lists.v[i] = r->lists.v[--r->lists.n]; /* the order of the call's lists means nothing */
        list_free(l);
        return;
    }
}

static void human_size(double bytes, char *buf, size_t cap) {
    static const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    int u = 0;
    while (bytes >= 1024 && u < 6) { bytes /= 1024; u++; }
    if (u == 0) snprintf(buf, cap, "%.0f %s", bytes, units[u]);
    else snprintf(buf, cap, "%.2f %s", bytes, units[u]);
}

/* Arrays of BUF_HUGE bytes or more get a mapping of their own with transparent huge pages
 * asked for: the kernel zero-fills 2 MiB at a fault instead of 4 KiB, so a fresh 32 MiB result
 * costs 16 faults, not 8,192 (in a VM each fault is an exit: this was most of the time of a
 * fused expression over large arrays). Arrays of BUF_MID bytes up to that get a mapping of their
 * own too, in 64 KiB steps and without huge pages: malloc maps such a block afresh or returns the
 * top of its heap to the system when it is freed, so a loop making a 640 KB temporary an iteration
 * faulted its pages in every time (half the time of a distance matrix's loop went to the
 * kernel). Freed mappings wait in a small process-wide cache per kind (BUF_KEEP of them, their
 * pool's bytes in all) for the next array of about their size, as malloc's heap serves NumPy: an
 * array whose elements are all written first (ALLOC_UNINIT) then costs no zeroing at all.
 * Smaller arrays come from calloc/malloc. */
enum { BUF_MID = 128 << 10, BUF_HUGE = 4 << 20, BUF_KEEP = 8 };
typedef struct BufPool { size_t step, keep_bytes; RtBuf *keep[BUF_KEEP]; } BufPool;
static BufPool pools[2] = {{(size_t)64 << 10, (size_t)64 << 20, {0}}, {(size_t)2 << 20, (size_t)512 << 20, {0}}};
static pthread_mutex_t keep_lock = PTHREAD_MUTEX_INITIALIZER;

static BufPool *pool_of(size_t len) { return len >= BUF_HUGE ? &pools[1] : &pools[0]; }

static RtBuf *buf_reuse(BufPool *q, size_t len) {
    RtBuf *b = NULL;
    pthread_mutex_lock(&keep_lock);
    for (int i = 0; i < BUF_KEEP && !b; i++)
        if (q->keep[i] && q->keep[i]->mapped >= len && q->keep[i]->mapped <= 2 * len) { b = q->keep[i]; q->keep[i] = NULL; }
    pthread_mutex_unlock(&keep_lock);
    return b;
}

static RtBuf *buf_new(size_t bytes, bool zero) {
    size_t need = sizeof(RtBuf) + bytes + RT_BUF_SLACK;
    RtBuf *b;
    if (bytes < BUF_MID) {
        b = zero ? calloc(1, need) : malloc(need);
        if (b) b->mapped = 0;
        return b;
    }
    BufPool *q = pool_of(need);
    size_t len = (need + q->step - 1) / q->step * q->step;
    q = pool_of(len); /* the pool rt_buf_free will give it back to */
    if ((b = buf_reuse(q, len))) {
        if (zero) memset(b->data, 0, bytes);
        return b;
    }
    void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return NULL;
    if (q == &pools[1]) (void)madvise(p, len, MADV_HUGEPAGE); /* a hint: without THP this is still a correct mapping */
    b = p;
    b->mapped = len;
    return b;
}

void rt_buf_free(RtBuf *b) {
    if (!b) return;
    if (!b->mapped) { free(b); return; }
    BufPool *q = pool_of(b->mapped);
    pthread_mutex_lock(&keep_lock);
    size_t total = b->mapped;
    int slot = -1;
    for (int i = 0; i < BUF_KEEP; i++) {
        if (q->keep[i]) total += q->keep[i]->mapped;
        else if (slot < 0) slot = i;
    }
    if (slot >= 0 && total <= q->keep_bytes) { q->keep[slot] = b; b = NULL; }
    pthread_mutex_unlock(&keep_lock);
    if (b) munmap(b, b->mapped);
}

int run_alloc(Run *r, int dtype, int ndim, const int64_t *dims, bool zero, Slot *out, int line, const char *file) {
    size_t item = kiln_dtype_size((kiln_dtype)dtype);
    /* NumPy's order: extents left to right, an empty one skipped, a negative one an error, and the
       byte count of the nonzero extents past int64 "too big" at once, before any allocation is tried
       (so np.zeros((0, 2**62, 2**62)) is too big, as in NumPy, and no stride can overflow) */
    unsigned __int128 span = item;
    bool empty = false;
    for (int k = 0; k < ndim; k++) {
        if (dims[k] == 0) { empty = true; continue; }
        if (dims[k] < 0) return run_raise(r, RE_NEG_DIM, line, file);
        span *= (uint64_t)dims[k];
        if (span > (unsigned __int128)INT64_MAX) {
            if (!r->code && run_raise(r, RE_NEG_DIM, line, file))
                snprintf(r->msg, sizeof r->msg, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
            return -1;
        }
    }
    unsigned __int128 total = empty ? 0 : span;
    RtBuf *b = NULL;
    if (total < ((size_t)1 << 48)) b = buf_new((size_t)total, zero);
    if (!b || !hvec_push(r->bufs, b)) {
        rt_buf_free(b);
        char sz[64], shape[120];
        human_size((double)total, sz, sizeof sz);
        int k = snprintf(shape, sizeof shape, "(");
        for (int i = 0; i < ndim && k < (int)sizeof shape - 24; i++)
            k += snprintf(shape + k, sizeof shape - (size_t)k, i ? ", %lld" : "%lld", (long long)dims[i]);
        snprintf(shape + k, sizeof shape - (size_t)k, ndim == 1 ? ",)" : ")");
        run_raise(r, RE_NOMEM, line, file);
        r->ename = "MemoryError";
        snprintf(r->msg, sizeof r->msg, "Unable to allocate %.40s for an array with shape %.120s and data type %.12s", sz, shape,
                 kiln_dtype_name((kiln_dtype)dtype));
        return -1;
    }
    atomic_init(&b->refs, 1);
    b->size = (size_t)total;
    out[0].p = b->data;
    int64_t stride = empty ? 0 : (int64_t)item; /* an empty array's strides are all 0, as NumPy makes them */
    for (int k = ndim - 1; k >= 0; k--) {
        out[1 + k].i = dims[k];
        out[1 + ndim + k].i = stride;
        stride *= dims[k];
    }
    return 0;
}

void rt_fill_copies(void *p, int64_t n, size_t item) {
    char *q = p;
    for (int64_t done = 1; done < n;) {
        int64_t k = done < n - done ? done : n - done;
        memcpy(q + (size_t)done * item, q, (size_t)k * item);
        done += k;
    }
}

Slot rt_load_elem(const void *p, int dtype) {
    Slot s;
    s.i = 0;
    switch (dtype) {
    case KILN_BOOL: s.i = *(const uint8_t *)p != 0; break;
    case KILN_INT8: s.i = *(const int8_t *)p; break;
    case KILN_INT16: s.i = *(const int16_t *)p; break;
    case KILN_INT32: s.i = *(const int32_t *)p; break;
    case KILN_INT64: case KILN_UINT64: memcpy(&s.i, p, 8); break;
    case KILN_UINT8: s.i = *(const uint8_t *)p; break;
    case KILN_UINT16: s.i = *(const uint16_t *)p; break;
    case KILN_UINT32: s.i = *(const uint32_t *)p; break;
    case KILN_FLOAT32: memcpy(&s.f32, p, 4); break;
    case KILN_FLOAT64: memcpy(&s.f, p, 8); break;
    case KILN_COMPLEX64: memcpy(s.c64, p, 8); break;
    default: break;
    }
    return s;
}

void rt_store_elem(void *p, int dtype, const Slot *v) {
    switch (dtype) {
    case KILN_BOOL: *(uint8_t *)p = v->i != 0; break;
    case KILN_INT8: case KILN_UINT8: *(uint8_t *)p = (uint8_t)v->i; break;
    case KILN_INT16: case KILN_UINT16: { uint16_t x = (uint16_t)v->i; memcpy(p, &x, 2); break; }
    case KILN_INT32: case KILN_UINT32: { uint32_t x = (uint32_t)v->i; memcpy(p, &x, 4); break; }
    case KILN_INT64: case KILN_UINT64: memcpy(p, &v->i, 8); break;
    case KILN_FLOAT32: memcpy(p, &v->f32, 4); break;
    case KILN_FLOAT64: memcpy(p, &v->f, 8); break;
    case KILN_COMPLEX64: memcpy(p, v->c64, 8); break;
    case KILN_COMPLEX128: memcpy(p, v, 16); break;
    default: break;
    }
}
