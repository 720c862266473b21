/*
 * frame.c — frame entry and the frame operations shared by the tiers:
 * generic scalar ops through eval.c, views, allocation, copies, fills,
 * N-d loads and stores, kernel-to-kernel calls, index errors.
 */
#include "frame.h"
#include "../rt/eval.h"
#include "../rt/lib.h"
#include "../rt/random.h"
#include "../rt/exc.h"
#include <alloca.h>
#include <stdio.h>
#include <stdlib.h>

static int run_code(const Code *c, Slot *fr, Slot *ret, Run *run) {
    NativeFn fn = fr_native(c);
    if (fn) return fn(fr, ret, run);
    return fr_exec_interp(c, fr, ret, run);
}

/* a direct call from tier-1 code to a callee without native code yet: its frame is ready */
int fr_call_interp(Slot *fr, Slot *ret, Run *run, const Code *c) { return fr_exec_interp(c, fr, ret, run); }

int fr_enter(const Code *c, const Slot *args, Slot *ret, Run *run) {
    size_t bytes = sizeof(Slot) * c->nslots;
    bool heap = bytes > (size_t)run->tune[TUNE_FRAME_STACK_BYTES];
    Slot *fr = heap ? malloc(bytes) : alloca(bytes);
    if (!fr) return run_raise(run, RE_NOMEM, 0, c->file);
    for (uint32_t k = 0; k < c->ninit; k++) fr[k] = c->init[k];
    for (uint32_t k = 0; k < c->nargs; k++) {
        Slot *d = &fr[c->arg_slot[k]];
        for (int32_t j = 0; j < c->arg_size[k]; j++) d[j] = args[j];
        args += c->arg_size[k];
    }
    run->depth++;
    int r = run_code(c, fr, ret, run);
    run->depth--;
    if (heap) free(fr);
    return r;
}

int fr_index_error(Run *run, int line, const char *file, int64_t i, int axis, int64_t n) {
    run_raise(run, RE_INDEX, line, file);
    run->ename = "IndexError";
    snprintf(run->msg, sizeof run->msg, "index %lld is out of bounds for axis %d with size %lld", (long long)i, axis,
             (long long)n);
    return -1;
}

/* NumPy 2 (NEP 50): a Python int adopts an integer array's dtype only if it fits */
int fr_int_bounds(Run *run, int line, const char *file, int64_t v, int dtype) {
    run_raise(run, RE_RAISE, line, file);
    run->ename = "OverflowError";
    snprintf(run->msg, sizeof run->msg, "Python integer %lld out of bounds for %s", (long long)v, kiln_dtype_name((kiln_dtype)dtype));
    return -1;
}

/* visit an array of rank r described at slots a (data, shape, strides) a row at a time, in C index order: fn gets a
 * row's first element, its length and its stride in bytes. Trailing axes laid out one after the other in memory are
 * one row (a C-contiguous array is a single row), so a copy or a fill is a memcpy or a tight loop, not a call per
 * element (a copy of an 8 x 8 array had cost 0.8 us) */
static void each_row(const Slot *a, int r, void (*fn)(char *p, int64_t n, int64_t stride, void *ctx), void *ctx) {
    for (int k = 0; k < r; k++) if (a[1 + k].i == 0) return;
    if (r == 0) { fn(a[0].p, 1, 0, ctx); return; }
    int64_t n = a[r].i, stride = a[2 * r].i;
    int inner = r - 1; /* the axes [inner, r) make one row */
    while (inner > 0 && a[r + inner].i == n * stride) n *= a[inner--].i; /* axis inner - 1's stride: the row's span */
    int64_t idx[KILN_MAXDIM] = {0};
    for (;;) {
        char *p = a[0].p;
        for (int k = 0; k < inner; k++) p += idx[k] * a[1 + r + k].i;
        fn(p, n, stride, ctx);
        int k = inner - 1;
        while (k >= 0 && ++idx[k] == a[1 + k].i) idx[k--] = 0;
        if (k < 0) return;
    }
}

/* n items of `item` bytes from p (stride apart) to q (stride apart): the sizes of kiln's dtypes as fixed-size moves */
static void move_items(char *q, int64_t qs, const char *p, int64_t ps, int64_t n, size_t item) {
    if (ps == (int64_t)item && qs == (int64_t)item) { memmove(q, p, (size_t)n * item); return; }
#define MOVE(sz) for (int64_t i = 0; i < n; i++) memcpy(q + i * qs, p + i * ps, sz); return;
    switch (item) {
    case 1: MOVE(1)
    case 2: MOVE(2)
    case 4: MOVE(4)
    case 8: MOVE(8)
    case 16: MOVE(16)
    default: MOVE(item)
    }
#undef MOVE
}

typedef struct FillCtx { int dtype; size_t item; const Slot *v; } FillCtx;
static void fill_row(char *p, int64_t n, int64_t stride, void *ctx) {
    FillCtx *f = ctx;
    rt_store_elem(p, f->dtype, f->v);
    if (stride == (int64_t)f->item) rt_fill_copies(p, n, f->item);
    else if (n > 1) move_items(p + stride, stride, p, 0, n - 1, f->item);
}

typedef struct CopyCtx { size_t item; char *dst; } CopyCtx;
static void copy_row(char *p, int64_t n, int64_t stride, void *ctx) {
    CopyCtx *c = ctx;
    move_items(c->dst, (int64_t)c->item, p, stride, n, c->item);
    c->dst += (size_t)n * c->item;
}

RtErr fr_generic(Slot *s, int d, const Extra *x) {
    Slot *ops[8];
    for (int k = 0; k < x->n && k < 8; k++) ops[k] = &s[x->slot[k]];
    return ev_op(x->op, x->flags, x->aux, x->rt, x->at, ops, x->n, &s[d]);
}

void fr_view(Slot *s, int d, int a, const Extra *x) {
    const Slot *arr = &s[a];
    int r = x->at->ndim, k = x->n;
    int64_t off = 0;
    for (int i = 0; i < k; i++) off += s[x->slot[i]].i * arr[1 + r + i].i;
    Slot tmp[1 + 2 * KILN_MAXDIM];
    tmp[0].p = off ? (char *)arr[0].p + off : arr[0].p; /* an empty list's data is NULL: no offset added to it */
    int nr = r - k;
    for (int i = 0; i < nr; i++) { tmp[1 + i] = arr[1 + k + i]; tmp[1 + nr + i] = arr[1 + r + k + i]; }
    memcpy(&s[d], tmp, sizeof(Slot) * (size_t)(1 + 2 * nr));
}

/* a view from its parts: x->slot holds the byte offset, then the result's shape and strides */
void fr_mkview(Slot *s, int d, int a, const Extra *x) {
    int nr = x->rt->ndim;
    Slot tmp[1 + 2 * KILN_MAXDIM];
    tmp[0].p = s[x->slot[0]].i ? (char *)s[a].p + s[x->slot[0]].i : s[a].p; /* an empty list's data is NULL */
    for (int i = 0; i < 2 * nr; i++) tmp[1 + i] = s[x->slot[1 + i]];
    memcpy(&s[d], tmp, sizeof(Slot) * (size_t)(1 + 2 * nr));
}

/* the array at slot a as the runtime reads it. Filled in place, each field once: a returned struct was copied out
 * in 16-byte loads of 8-byte stores (a store-forwarding stall each), and a {0} initializer made a `rep stos` —
 * together half of a 3-element np.dot's time */
static void rd_arr(RdArr *A, const Slot *s, int a, const Type *t) {
    A->data = s[a].p, A->dtype = t->dtype, A->ndim = t->ndim;
    for (int k = 0; k < KILN_MAXDIM; k++) {
        A->n[k] = k < A->ndim ? s[a + 1 + k].i : 0;
        A->s[k] = k < A->ndim ? s[a + 1 + A->ndim + k].i : 0;
    }
}

/* an item's slots from its leaves' operands (a tuple item is one operand per leaf), into buf */
static int gather(const Type *t, const Slot *s, const int32_t *ops, Slot *buf) {
    if (t->kind == T_TUPLE) {
        int used = 0;
        for (int k = 0; k < t->n; k++) used += gather(t->elems[k], s, ops + used, buf + slots_of_before(t, k));
        return used;
    }
    if (!ty_is_leaf(t)) return 0;
    for (int i = 0, n = slots_of(t); i < n; i++) buf[i] = s[ops[0] + i]; /* one or two slots: not memcpy's rep movs */
    return 1;
}

/* a list routine (LIB_LIST_*): operand 0 at slot a (the list; NEW: the length; FROM: the array), the others
 * at x->slot: APPEND the item's leaves; INSERT the index, then the leaves; POP the index; EXTEND and REPEAT
 * one value; FIND start, stop, then the leaves (EQ: the other list) */
static int fr_list(Run *run, Slot *s, int d, int a, const Extra *x, int routine, int line, const char *file) {
    RtList *l = s[a].p, *n = NULL;
    const Type *item = x->at->kind == T_LIST ? ty_item(x->at) : NULL;
    Slot buf[KILN_MAX_ITEM_SLOTS];
    switch (routine) {
    case LIB_LIST_NEW: n = run_list_new(run, s[a].i, rt_item_size(ty_item(x->rt)), line, file); break;
    case LIB_LIST_APPEND:
        if (item->kind != T_TUPLE) return rt_list_append(run, l, item, &s[x->slot[0]], line, file); /* one operand */
        gather(item, s, x->slot, buf);
        return rt_list_append(run, l, item, buf, line, file);
    case LIB_LIST_POP: return rt_list_pop(run, l, item, s[x->slot[0]].i, (int)(x->aux >> 8), x->rt ? &s[d] : NULL, line, file);
    case LIB_LIST_INSERT:
        if (item->kind != T_TUPLE) return rt_list_insert(run, l, item, s[x->slot[0]].i, &s[x->slot[1]], (int)(x->aux >> 8), line, file);
        gather(item, s, x->slot + 1, buf);
        return rt_list_insert(run, l, item, s[x->slot[0]].i, buf, (int)(x->aux >> 8), line, file);
    case LIB_LIST_EXTEND: return rt_list_extend(run, l, s[x->slot[0]].p, (int)(x->aux >> 8), line, file);
    case LIB_LIST_MAXLEN:
        if (x->aux >> 8) { s[d].i = l->bound; return 0; }
        return rt_list_maxlen(run, l, s[x->slot[0]].i, line, file);
    case LIB_LIST_FROM: {
        RdArr A;
        rd_arr(&A, s, a, x->at);
        n = rt_list_from(run, &A, rt_item_size(ty_item(x->rt)), line, file); /* a record, for a list of tuples */
        break;
    }
    case LIB_LIST_REPEAT: n = rt_list_repeat(run, l, s[x->slot[0]].i, line, file); break;
    case LIB_LIST_CLEAR: l->len = 0; return 0;
    case LIB_LIST_SPLICE:
        return rt_list_splice(run, l, s[x->slot[0]].i, s[x->slot[1]].i, (int)(x->aux >> 8), s[x->slot[2]].p, line, file);
    case LIB_LIST_REVERSE: rt_list_reverse(l); return 0;
    case LIB_LIST_ARRAY: return rt_list_array(run, l, x->rt->ndim, x->rt->dtype, &s[d], line, file);
    case LIB_LIST_ARGSORT: return rt_list_argsort(run, l, item, &s[d], line, file);
    case LIB_LIST_FIND: {
        int mode = (int)(x->aux >> 8);
        if (mode == LIST_FIND_EQ) buf[0] = s[x->slot[2]];
        else gather(item, s, x->slot + 2, buf);
        return rt_list_find(run, l, x->at, mode, buf, s[x->slot[0]].i, s[x->slot[1]].i, &s[d], line, file);
    }
    default: return run_raise(run, RE_INDEX, line, file);
    }
    if (!n) return -1;
    s[d].p = n;
    return 0;
}

/* a library routine (rt/lib.h) on the array at slot a: a reduction (x->slot[0], when present:
 * ddof), a matrix product (x->slot[0]: the second matrix, of a's type), a sort or partition
 * (x->slot[0]: kth) or nonzero */
/* a draw from a random stream (LIB_RANDOM): the operand at slot a is the seed, n, k or the range */
static int fr_random(Run *run, Slot *s, int d, int a, const Extra *x, int which, int line, const char *file) {
    switch (which) {
    case RND_PY_RANDRANGE: { /* randrange(start, stop): CPython's message shows start, stop and the width */
        int64_t start = s[a].i, stop = s[x->slot[0]].i, width = (int64_t)((uint64_t)stop - (uint64_t)start);
        if (stop > start && width > 0) { s[d].i = start + rt_py_randbelow(width); return 0; }
        run_raise(run, RE_RAISE, line, file);
        run->ename = "ValueError";
        snprintf(run->msg, sizeof run->msg, "empty range for randrange() (%lld, %lld, %lld)", (long long)start, (long long)stop,
                 (long long)width);
        return -1;
    }
    case RND_PY_SEED: rt_py_seed(s[a].i); return 0;
    case RND_PY_RANDOM: s[d].f = rt_py_random(); return 0;
    case RND_PY_GETRANDBITS: s[d].u = rt_py_getrandbits((int)s[a].i); return 0;
    case RND_PY_RANDBELOW: s[d].i = rt_py_randbelow(s[a].i); return 0;
    case RND_PY_GAUSS: s[d].f = rt_py_gauss(); return 0;
    case RND_NP_SEED: rt_np_seed((uint32_t)s[a].i); return 0;
    case RND_NP_RANDOM: s[d].f = rt_np_random(); return 0;
    case RND_NP_GAUSS: s[d].f = rt_np_gauss(); return 0;
    default: s[d].u = rt_np_bounded(s[a].u); return 0;
    }
}

/* a dict routine (LIB_DICT_*): operand 0 at slot a (the dict; NEW: 0), the key's leaves and the value's at x->slot */
static int fr_dict(Run *run, Slot *s, int d, int a, const Extra *x, int routine, int line, const char *file) {
    RtDict *dict = s[a].p;
    const Type *kt = x->at->kind == T_DICT ? x->at->elems[0] : NULL, *vt = x->at->kind == T_DICT ? x->at->elems[1] : NULL;
    Slot key[KILN_MAX_ITEM_SLOTS], val[KILN_MAX_ITEM_SLOTS];
    int used = routine == LIB_DICT_FIND || routine == LIB_DICT_SET || routine == LIB_DICT_DEL ? gather(kt, s, x->slot, key) : 0;
    switch (routine) {
    case LIB_DICT_NEW: {
        RtDict *n = run_dict_new(run, rt_item_size(x->rt->elems[0]), rt_item_size(x->rt->elems[1]), line, file);
        if (!n) return -1;
        s[d].p = n;
        return 0;
    }
    case LIB_DICT_FIND: {
        int mode = (int)(x->aux >> 8);
        if (mode == DICT_FIND_OR_RAISE) return rt_dict_index(run, dict, kt, key, &s[d].i, line, file);
        int64_t e = rt_dict_find(dict, kt, key);
        s[d].i = mode == DICT_FIND_IN ? e >= 0 : e;
        return 0;
    }
    case LIB_DICT_SET:
        gather(vt, s, x->slot + used, val);
        return rt_dict_set(run, dict, kt, vt, key, val, line, file);
    case LIB_DICT_DEL: return rt_dict_delete(run, dict, kt, key, line, file);
    case LIB_DICT_CLEAR: rt_dict_clear(dict); return 0;
    case LIB_DICT_COPY: return (s[d].p = rt_dict_copy(run, dict, line, file)) ? 0 : -1;
    default: s[d].p = (x->aux >> 8) ? &dict->vals : &dict->keys; return 0;
    }
}

/* a set routine (LIB_SET_*): operand 0 at slot a (the set; NEW: 0), KEY's leaves, BIN's other set, RESERVE's count at
 * x->slot */
static int fr_set(Run *run, Slot *s, int d, int a, const Extra *x, int routine, int line, const char *file) {
    RtSet *set = s[a].p;
    const Type *kt = x->at->kind == T_SET ? x->at->elems[0] : NULL;
    switch (routine) {
    case LIB_SET_NEW: {
        RtSet *n = run_set_new(run, rt_item_size(x->rt->elems[0]), line, file);
        if (!n) return -1;
        s[d].p = n;
        return 0;
    }
    case LIB_SET_KEY: {
        Slot key[KILN_MAX_ITEM_SLOTS];
        gather(kt, s, x->slot, key);
        return rt_set_key(run, set, kt, (int)(x->aux >> 8), key, &s[d], line, file);
    }
    case LIB_SET_BIN: return rt_set_binop(run, (int)(x->aux >> 8), set, s[x->slot[0]].p, kt, &s[d], line, file);
    case LIB_SET_RESERVE: return rt_set_reserve(run, set, s[x->slot[0]].i, line, file);
    case LIB_SET_CLEAR: rt_set_clear(run, set, line, file); return run->code ? -1 : 0;
    default: {
        RtList *l = routine == LIB_SET_POP ? rt_set_pop(run, set, line, file) : rt_set_items(run, set, line, file);
        if (!l) return -1;
        s[d].p = l;
        return 0;
    }
    }
}

/* a Generator routine (LIB_RNG_*): operand 0 at slot a (the Generator; NEW: the seed), the others at x->slot */
static int fr_rng(Run *run, Slot *s, int d, int a, const Extra *x, int routine, int line, const char *file) {
    int kind = (int)((x->aux >> 8) & 0xff);
    if (routine == LIB_RNG_NEW) {
        RtRng *g = rt_rng_new(run, s[a].i, kind, line, file);
        if (!g) return -1;
        s[d].p = g;
        return 0;
    }
    int k = routine == LIB_RNG_FILL; /* FILL: the array first, its slots */
    const Slot *arr = k ? &s[x->slot[0]] : NULL;
    double fa = s[x->slot[k]].f, fb = s[x->slot[k + 1]].f;
    int64_t lo = s[x->slot[k + 2]].i;
    uint64_t span = s[x->slot[k + 3]].u;
    if (!k) return rt_rng_fill(run, s[a].p, kind, fa, fb, lo, span, &s[d], 1, line, file);
    int64_t n = 1;
    int nd = (int)((x->aux >> 16) & 0xff); /* the array's rank */
    if (kind == RNG_SHUFFLE) /* along the first axis: its length and stride; lo the item's (row's) bytes */
        return rt_rng_permute(run, s[a].p, kind, arr[0].p, arr[1].i, arr[1 + nd].i, lo, line, file);
    for (int i = 0; i < nd; i++) n *= arr[1 + i].i;
    if (kind == RNG_SAMPLE || kind == RNG_SAMPLE_SHUFFLED || kind == RNG_PERMUTATION)
        return rt_rng_permute(run, s[a].p, kind, arr[0].p, n, lo, 8, line, file);
    return rt_rng_fill(run, s[a].p, kind, fa, fb, lo, span, arr[0].p, n, line, file);
}

int fr_lib(Run *run, Slot *s, int d, int a, const Extra *x, int line, const char *file) {
    if ((x->aux & 0xff) == LIB_GPU) return fr_gpu(run, s, d, a, x, line, file);
    if ((x->aux & 0xff) == LIB_EXC) { /* a try statement's dispatch and finally clauses: never raise */
        switch ((x->aux >> 8) & 0xff) {
        case EXC_CLEAR: rt_exc_clear(run); return 0;
        case EXC_SAVE: { /* out of memory: the exception stays pending (the clause is skipped, which is all that fails) */
            struct RtExc *e = rt_exc_save(run);
            s[d].p = e;
            return 0;
        }
        case EXC_RESTORE: if (s[a].p) rt_exc_restore(run, s[a].p); return 0;
        case EXC_NEW: s[d].p = rt_exc_new(run); return 0;
        case EXC_STASH: rt_exc_stash(run, s[a].p); return 0;
        case EXC_UNSTASH: rt_exc_unstash(run, s[a].p); return 0;
        default: s[d].i = rt_exc_matches(rt_exc_pending(run), (uint32_t)(x->aux >> 16)); return 0;
        }
    }
    if ((x->aux & 0xff) >= LIB_RNG_NEW && (x->aux & 0xff) <= LIB_RNG_FILL) return fr_rng(run, s, d, a, x, (int)(x->aux & 0xff), line, file);
    if ((x->aux & 0xff) >= LIB_SET_NEW && (x->aux & 0xff) <= LIB_SET_RESERVE) return fr_set(run, s, d, a, x, (int)(x->aux & 0xff), line, file);
    if ((x->aux & 0xff) >= LIB_DICT_NEW && (x->aux & 0xff) <= LIB_DICT_PART) return fr_dict(run, s, d, a, x, (int)(x->aux & 0xff), line, file);
    if ((x->aux & 0xff) == LIB_INT_BOUNDS) return fr_int_bounds(run, line, file, s[a].i, (int)(x->aux >> 8));
    if ((x->aux & 0xff) == LIB_RANDOM) return fr_random(run, s, d, a, x, (int)(x->aux >> 8), line, file);
    if ((x->aux & 0xff) == LIB_CLOCK) { rt_clock((int)(x->aux >> 8), &s[d]); return 0; }
    if ((x->aux & 0xff) == LIB_AFREE) {
        if (x->n >= 1 && s[x->slot[0]].p == s[a].p) return 0; /* the array (list) the loop was entered with */
        if (x->at && x->at->kind == T_LIST) run_free_list(run, s[a].p);
        else run_free_array(run, s[a].p);
        return 0;
    }
    if ((x->aux & 0xff) == LIB_PRINT) return rt_print(run, x->at, s, x->slot, line, file);
    if ((x->aux & 0xff) == LIB_KEEPORDER) { /* ints only: operand 0 at a, the others at x->slot */
        int64_t buf[128];
        int n = 1 + (int)x->n;
        if (n > LIB_KEEPORDER_MAX) return rt_keeporder(run, x->rt->dtype, NULL, 0, &s[d], line, file); /* it says so */
        int64_t *v = n <= 128 ? buf : malloc(sizeof(int64_t) * (size_t)n);
        if (!v) return run_raise(run, RE_NOMEM, line, file);
        v[0] = s[a].i;
        for (int k = 1; k < n; k++) v[k] = s[x->slot[k - 1]].i;
        int r = rt_keeporder(run, x->rt->dtype, v, n, &s[d], line, file);
        if (v != buf) free(v);
        return r;
    }
    if ((x->aux & 0xff) == LIB_PYHYPOT) {
        const RtList *l = s[a].p;
        s[d].f = rt_py_hypot(l->data, l->len);
        return 0;
    }
    if ((x->aux & 0xff) == LIB_PYHASH) { /* the value's leaves after the format that holds its type */
        Slot v[KILN_MAX_ITEM_SLOTS];
        gather(x->at->elems[0], s, x->slot, v);
        s[d].i = rt_py_hash_slots(x->at->elems[0], v);
        return 0;
    }
    if ((x->aux & 0xff) == LIB_STR)
        return rt_str(run, (int)(x->aux >> 8 & 0xff), (int)(x->aux >> 16), x->at, s, a, x->slot, (int)x->n, &s[d], line, file);
    if ((x->aux & 0xff) >= LIB_LIST_NEW && (x->aux & 0xff) <= LIB_LIST_LAST) return fr_list(run, s, d, a, x, (int)(x->aux & 0xff), line, file);
    RdArr A;
    rd_arr(&A, s, a, x->at);
    int routine = (int)(x->aux & 0xff);
    if (routine == LIB_MATMUL && (x->aux >> 16 & MATMUL_VEC)) { /* b: a vector of a's dtype */
        RdArr B;
        rd_arr(&B, s, x->slot[0], x->at);
        return rt_vdot(run, &A, &B, x->aux >> 16 & MATMUL_DOT, &s[d], line, file);
    }
    if (routine == LIB_MATMUL) {
        RdArr B;
        rd_arr(&B, s, x->slot[0], x->at);
        return rt_matmul(run, &A, &B, (int)(x->aux >> 8) & 0xff, (x->aux >> 16) & MATMUL_DOT, &s[d], line, file);
    }
    if (routine == LIB_NONZERO) return rt_nonzero(run, &A, &s[d], line, file);
    if (routine == LIB_CORRELATE) { /* v: of a's type (lowering makes it so) */
        RdArr B;
        rd_arr(&B, s, x->slot[0], x->at);
        return rt_correlate(run, (int)(x->aux >> 8), &A, &B, &s[d], line, file);
    }
    if (routine == LIB_LINALG) {
        int op = (int)(x->aux >> 8 & 0xff);
        bool has_b = op == LA_SOLVE || op == LA_SOLVE1 || op == LA_LSTSQ;
        /* b: of the result's type (lowering makes it so); rcond after it, or first (pinv) */
        RdArr B = A;
        if (has_b) rd_arr(&B, s, x->slot[0], x->at);
        double rcond = op == LA_LSTSQ ? s[x->slot[1]].f : op == LA_PINV ? s[x->slot[0]].f : 0;
        return rt_linalg(run, op, &A, &B, rcond, (x->aux >> 16) & LA_RCOND, &s[d], line, file);
    }
    if (routine > LIB_MATMUL && routine < LIB_NONZERO)
        return rt_sort(run, routine, &A, (int)((x->aux >> 8) & 0xff) - 1, x->n > 0 ? s[x->slot[0]].i : 0, &s[d], line, file);
    RdSpec q = rd_unpack(x->aux);
    if (x->n > 0) q.ddof = s[x->slot[0]].i;
    return rt_reduce(run, &q, &A, &s[d], line, file);
}

int fr_alloc(Run *run, Slot *s, int d, const Extra *x, int line, const char *file) {
    int64_t dims[KILN_MAXDIM];
    for (int k = 0; k < x->n; k++) dims[k] = s[x->slot[k]].i;
    return run_alloc(run, x->rt->dtype, x->n, dims, !(x->flags & ALLOC_UNINIT), &s[d], line, file);
}

int fr_acopy(Run *run, Slot *s, int d, int a, const Extra *x, int line, const char *file) {
    int r = x->at->ndim;
    Slot src[1 + 2 * KILN_MAXDIM];
    memcpy(src, &s[a], sizeof(Slot) * (size_t)(1 + 2 * r));
    int64_t dims[KILN_MAXDIM];
    for (int k = 0; k < r; k++) dims[k] = src[1 + k].i;
    if (run_alloc(run, x->at->dtype, r, dims, false, &s[d], line, file)) return -1;
    CopyCtx cc = {kiln_dtype_size((kiln_dtype)x->at->dtype), s[d].p};
    each_row(src, r, copy_row, &cc);
    return 0;
}

void fr_fill(Slot *s, int a, int v, const Extra *x) {
    FillCtx f = {x->at->dtype, kiln_dtype_size((kiln_dtype)x->at->dtype), &s[v]};
    each_row(&s[a], x->at->ndim, fill_row, &f);
}

static char *elem_addr(const Slot *a, int r, const Slot *s, const int32_t *idx) {
    char *p = a[0].p;
    for (int i = 0; i < r; i++) p += s[idx[i]].i * a[1 + r + i].i;
    return p;
}

void fr_ldn(Slot *s, int d, int a, const Extra *x) {
    const char *p = elem_addr(&s[a], x->at->ndim, s, x->slot);
    if (x->rt->dtype == KILN_COMPLEX128) memcpy(&s[d], p, 16);
    else s[d] = rt_load_elem(p, x->rt->dtype);
}

void fr_stn(Slot *s, int a, int v, const Extra *x) {
    rt_store_elem(elem_addr(&s[a], x->at->ndim, s, x->slot), x->at->dtype, &s[v]);
}

int fr_call(Run *run, Slot *s, int d, const Extra *x, int line, const char *file) {
    if (x->flags & INS_PAR) return fr_pcall(run, s, d, x, line, file);
    return fr_invoke(run, s, &s[d], x, NULL, 0, line, file);
}

int fr_invoke(Run *run, const Slot *s, Slot *ret, const Extra *x, const int64_t *lead, int nlead, int line, const char *file) {
    const Code *cc = x->callee->code;
    int levels = x->op == OP_CALL ? ir_call_levels(x->flags) : 1; /* more from a copied body (opt/recurse.c) */
    if (run->depth + levels > run->tune[TUNE_MAX_RECURSION] || (uintptr_t)__builtin_frame_address(0) < run->stack_floor)
        return run_raise(run, RE_RECURSION, line, file);
    if (run_interrupted(run)) return run_raise(run, RE_INTERRUPT, line, file);
    size_t bytes = sizeof(Slot) * cc->nslots;
    bool heap = bytes > (size_t)run->tune[TUNE_FRAME_STACK_BYTES];
    Slot *fr = heap ? malloc(bytes) : alloca(bytes);
    if (!fr) return run_raise(run, RE_NOMEM, line, file);
    for (uint32_t k = 0; k < cc->ninit; k++) fr[k] = cc->init[k];
    for (int k = 0; k < nlead; k++) fr[cc->arg_slot[k]].i = lead[k];
    for (int k = nlead; k < x->n; k++) {
        const Slot *from = &s[x->slot[2 * k]];
        Slot *to = &fr[cc->arg_slot[k]];
        for (int32_t j = 0; j < x->slot[2 * k + 1]; j++) to[j] = from[j];
    }
    run->depth += levels;
    int r = run_code(cc, fr, ret, run);
    run->depth -= levels;
    if (heap) free(fr);
    return r;
}

Extra *fr_extra(Arena *a, Func *f, const int32_t *slot, Ref r, int nfixed) {
    Ins *in = &f->ins.v[r];
    bool call = in->op == OP_CALL;
    int n = call ? 2 * (int)in->n : (int)in->n - nfixed;
    Extra *x = arena_alloc(a, sizeof(Extra) + sizeof(int32_t) * (size_t)(n > 0 ? n : 1));
    if (!x) return NULL;
    memset(x, 0, sizeof *x);
    x->op = in->op; x->flags = in->flags; x->aux = in->aux; x->rt = in->ty;
    x->at = in->op == OP_SELECT || !in->n ? in->ty : f->ins.v[ir_arg(f, r, 0)].ty;
    x->n = call ? (int)in->n : n;
    if (call) {
        x->callee = f->callees.v[in->aux];
        for (uint32_t j = 0; j < in->n; j++) {
            x->slot[2 * j] = slot[ir_arg(f, r, j)];
            x->slot[2 * j + 1] = slots_of(f->ins.v[ir_arg(f, r, j)].ty);
        }
    } else {
        for (int j = 0; j < n; j++) x->slot[j] = slot[ir_arg(f, r, (uint32_t)(j + nfixed))];
    }
    return x;
}

/* ---- helpers called from native code: 0, or -1 with the error raised ---- */


int fh_generic(Slot *s, Run *run, const XCall *k) {
    RtErr e = fr_generic(s, k->d, k->x);
    return e ? run_raise(run, e, k->line, k->file) : 0;
}
int fh_view(Slot *s, Run *run, const XCall *k) { (void)run; fr_view(s, k->d, k->a, k->x); return 0; }
int fh_mkview(Slot *s, Run *run, const XCall *k) { (void)run; fr_mkview(s, k->d, k->a, k->x); return 0; }
/* library operations of the runtime (reductions): one helper, the op in the record */
int fh_lib(Slot *s, Run *run, const XCall *k) { return fr_lib(run, s, k->d, k->a, k->x, k->line, k->file); }
int fh_alloc(Slot *s, Run *run, const XCall *k) { return fr_alloc(run, s, k->d, k->x, k->line, k->file); }
int fh_acopy(Slot *s, Run *run, const XCall *k) { return fr_acopy(run, s, k->d, k->a, k->x, k->line, k->file); }
int fh_fill(Slot *s, Run *run, const XCall *k) { (void)run; fr_fill(s, k->a, k->b, k->x); return 0; }
int fh_ldn(Slot *s, Run *run, const XCall *k) { (void)run; fr_ldn(s, k->d, k->a, k->x); return 0; }
int fh_stn(Slot *s, Run *run, const XCall *k) { (void)run; fr_stn(s, k->a, k->b, k->x); return 0; }
int fh_call(Slot *s, Run *run, const XCall *k) { return fr_call(run, s, k->d, k->x, k->line, k->file); }
int fh_error(Slot *s, Run *run, const XCall *k) { (void)s; return run_raise(run, k->code, k->line, k->file); }
int fh_index(Slot *s, Run *run, const XCall *k) {
    /* d: the original index slot, a: the array, b: the axis */
    return fr_index_error(run, k->line, k->file, s[k->d].i, k->b, s[k->a + 1 + k->b].i);
}
int fh_raise(Slot *s, Run *run, const XCall *k) {
    (void)s;
    run_raise(run, RE_RAISE, k->line, k->file);
    run->ename = k->ename;
    snprintf(run->msg, sizeof run->msg, "%s", k->emsg);
    return -1;
}

int64_t fh_hot(Slot *s, Run *run, const XCall *k, Slot *ret) {
    const Code *c = k->x->callee->code;
    return c->on_hot(k->x->callee, (int32_t)k->x->aux, s, ret, run);
}

/* ---- block arguments: the parallel copy of an edge, sequenced ---- */

static bool overlaps(int32_t a, int32_t an, int32_t b, int32_t bn) { return a < b + bn && b < a + an; }

int fr_edge_moves(Func *f, const int32_t *slot, uint32_t from, int succ, int32_t temp, FrMove *out) {
    Edge *e = &f->blocks.v[from].succ[succ];
    Block *to = &f->blocks.v[e->to];
    FrMove mv[FR_MAX_MOVES / 2];
    int n = 0, nout = 0;
    for (uint32_t k = 0; k < e->args.n && n < FR_MAX_MOVES / 2; k++) {
        Ref p = to->params.v[k], v = e->args.v[k];
        int32_t sz = slots_of(f->ins.v[p].ty);
        if (sz == 0 || slot[p] == slot[v]) continue;
        mv[n++] = (FrMove){slot[p], slot[v], sz};
    }
    while (n) {
        int pick = -1;
        for (int i = 0; i < n && pick < 0; i++) {
            bool blocked = false;
            for (int j = 0; j < n; j++)
                if (j != i && overlaps(mv[i].dst, mv[i].n, mv[j].src, mv[j].n)) blocked = true;
            if (!blocked) pick = i;
        }
        if (pick < 0) { /* a cycle: park one source in the temporary area */
            out[nout++] = (FrMove){temp, mv[0].src, mv[0].n};
            mv[0].src = temp;
            continue;
        }
        out[nout++] = mv[pick];
        mv[pick] = mv[--n];
    }
    return nout;
}
