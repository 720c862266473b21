/*
 * order.c — the memory order of a new array that NumPy would lay out as its operands are (order='K'): the
 * result of an elementwise expression, astype, np.copy, np.empty_like and the like (LIB_KEEPORDER).
 *
 * The order shows: in a.flags and a.strides, and in the bits of what reads the array in memory order, NumPy's
 * pairwise sums (rt/reduce.c follows the strides) and the BLAS call a matrix product picks. kiln fuses a tree of
 * ufunc calls into one loop with one result, but NumPy lays out each call's result from that call's operands,
 * so lowering hands over the tree (its operands' shapes and strides and the calls over them, in postfix) and
 * the calls are replayed here on shapes alone, each inner result a stand-in with the strides NumPy would give it.
 *
 * NumPy 2's rules (its ufunc machinery's trivial loop, and the iterator's axis ordering), checked against NumPy
 * 2.4 on random views by test/python/test_order.py:
 *   - a ufunc whose array operands have one shape and each of 2 or more axes is C- or F-contiguous by NumPy's
 *     flags (axes of length 1 skipped; an empty array is both), none C-only where another is F-only, gives an
 *     F-contiguous result where one was F-only, else a C-contiguous one;
 *   - a new array like one other (astype, np.copy, np.array, np.empty_like and the like: PyArray_NewLikeArray) is
 *     C-contiguous where that one is (or has one axis), F-contiguous where it is, else laid out with its axes by
 *     |stride|, its length-1 axes' strides counting too, ties in axis order;
 *   - otherwise (and always for np.where) the iterator's order: axes ranked by |stride|, the smallest innermost,
 *     by a stable insertion sort over all operands at once. An operand with stride 0 on either of two axes
 *     (broadcast along one, or of length 1) says nothing about the pair; where operands disagree the C order
 *     wins, and where none says anything the two keep their C order. The result's strides are then the item
 *     size times the lengths of the axes inside each;
 *   - an operator (+ - * / // << >> & | ^, unary - ~ and abs(), ** 2, ** -1, ** 0.5: not a ufunc called by name)
 *     whose operand is a temporary (an inner call's result) of its own dtype, of at least 256 KiB, the other operand
 *     a scalar or of the same shape and converting to it safely, computes into that temporary (temp_elide.c): the
 *     result is laid out as it is. Lowering says which operands may be reused; the sizes and shapes are checked here.
 */
#include "lib.h"
#include <string.h>

enum { STACK = 2 * 32 }; /* operands pending: at most one per array operand of a tree (lower/ewise.h MAX_LEAVES) */

/* an array's shape and strides (a stand-in's from its item size 1), and for a stand-in (temp: a call's result) its axes'
 * order, innermost first */
typedef struct Lay { int nd; bool temp; int64_t item, n[KILN_MAXDIM], s[KILN_MAXDIM]; int axes[KILN_MAXDIM]; } Lay;

enum { REUSE_BYTES = 256 * 1024 }; /* NumPy's NPY_MIN_ELIDE_BYTES */

/* whether an operator may compute into temporary t, the other operand o (NULL: a scalar): t large enough, o of its
 * shape */
static bool reusable(const Lay *t, const Lay *o, int64_t item) {
    if (!t->temp) return false;
    int64_t bytes = item;
    for (int j = 0; j < t->nd; j++) bytes *= t->n[j];
    if (bytes < REUSE_BYTES) return false;
    return !o || (o->nd == t->nd && !memcmp(o->n, t->n, sizeof(int64_t) * (size_t)t->nd));
}

static int64_t iabs64(int64_t x) { return x < 0 ? -x : x; }

/* NumPy's C (f false) or F contiguity flag of o */
static bool contiguous(const Lay *o, bool f) {
    for (int k = 0; k < o->nd; k++)
        if (o->n[k] == 0) return true;
    int64_t want = o->item;
    for (int j = 0; j < o->nd; j++) {
        int k = f ? j : o->nd - 1 - j;
        if (o->n[k] == 1) continue;
        if (o->s[k] != want) return false;
        want *= o->n[k];
    }
    return true;
}

/* the trivial loop's order for operands op[0..k) of result shape r: 'C', 'F', or 0 where it does not apply */
static int trivial(const Lay *op, int k, const Lay *r) {
    int order = 0;
    for (int i = 0; i < k; i++) {
        if (op[i].nd != r->nd || memcmp(op[i].n, r->n, sizeof(int64_t) * (size_t)r->nd)) return 0;
        if (op[i].nd < 2) continue;
        bool c = contiguous(&op[i], false), f = contiguous(&op[i], true);
        if (c && f) continue;
        int want = c ? 'C' : f ? 'F' : 0;
        if (!want || (order && order != want)) return 0;
        order = want;
    }
    return order ? order : 'C';
}

/* NumPy's new array like o in order 'K' (PyArray_NewLikeArray): 'C' where o is C-contiguous or has one axis, 'F'
 * where F-contiguous, else 0: its axes by |stride| */
static int like(const Lay *o) {
    return o->nd <= 1 || contiguous(o, false) ? 'C' : contiguous(o, true) ? 'F' : 0;
}

/* o's axes by |stride|, the largest outermost, ties in axis order (its strides of length-1 axes count): axes[0]
 * innermost */
static void sorted_strides(const Lay *o, int *axes) {
    int by[KILN_MAXDIM]; /* outermost first */
    for (int i = 0; i < o->nd; i++) {
        int j = i;
        while (j > 0 && iabs64(o->s[by[j - 1]]) < iabs64(o->s[i])) { by[j] = by[j - 1]; j--; }
        by[j] = i;
    }
    for (int i = 0; i < o->nd; i++) axes[i] = by[o->nd - 1 - i];
}

/* operand o's stride along axis k of a result of rank nd, as the iterator sees it: 0 where o lacks the axis or has
 * length 1 there */
static int64_t seen(const Lay *o, int nd, int k) {
    int j = k - (nd - o->nd);
    return j < 0 || o->n[j] == 1 ? 0 : o->s[j];
}

/* the iterator's order of the axes of result r over operands op[0..k): axes[0] innermost */
static void iterator_order(const Lay *op, int k, const Lay *r, int *axes) {
    int nd = r->nd;
    for (int i = 0; i < nd; i++) axes[i] = nd - 1 - i; /* the iterator starts from C order reversed */
    for (int i0 = 1; i0 < nd; i0++) {
        int a0 = axes[i0], pos = i0;
        for (int i1 = i0 - 1; i1 >= 0; i1--) {
            bool ambiguous = true, swap = false;
            for (int o = 0; o < k; o++) {
                int64_t s0 = seen(&op[o], nd, a0), s1 = seen(&op[o], nd, axes[i1]);
                if (!s0 || !s1) continue;
                if (iabs64(s1) <= iabs64(s0)) swap = false; /* C order wins a disagreement */
                else if (ambiguous) swap = true;
                ambiguous = false;
            }
            if (ambiguous) continue;
            if (!swap) break;
            pos = i1;
        }
        memmove(&axes[pos + 1], &axes[pos], sizeof(int) * (size_t)(i0 - pos));
        axes[pos] = a0;
    }
}

/* r's strides from its axes' order (axes[0] innermost) and item size */
static void lay_out(Lay *r, const int *axes) {
    int64_t s = r->item;
    for (int i = 0; i < r->nd; i++) {
        r->s[axes[i]] = s;
        s *= r->n[axes[i]];
    }
}

/* the stand-in for a call of kind over op[0..k): its broadcast shape (lowering raised where shapes clash) and order; an
 * operator's (reuse: KEEP_REUSE*, an operand's memory it may compute into, item: its item size) that of the temporary
 * operand it computes into, as NumPy's operators do, the first that may be */
static void call(const Lay *op, int k, int kind, int reuse, int64_t item, Lay *r) {
    for (int i = 0; i < k && i < 2; i++)
        if ((reuse & (i ? KEEP_REUSE1 : KEEP_REUSE0)) && reusable(&op[i], k == 2 ? &op[1 - i] : NULL, item)) {
            *r = op[i];
            return;
        }
    r->nd = 0;
    r->temp = true;
    r->item = 1;
    for (int i = 0; i < k; i++)
        if (op[i].nd > r->nd) r->nd = op[i].nd;
    for (int j = 0; j < r->nd; j++) r->n[j] = 1;
    for (int i = 0; i < k; i++)
        for (int j = 0; j < op[i].nd; j++) {
            int64_t *d = &r->n[j + r->nd - op[i].nd];
            if (*d == 1) *d = op[i].n[j];
        }
    int t = kind == KEEP_UFUNC ? trivial(op, k, r) : kind == KEEP_LIKE ? like(op) : 0;
    if (t) for (int i = 0; i < r->nd; i++) r->axes[i] = t == 'F' ? i : r->nd - 1 - i;
    else if (kind == KEEP_LIKE) sorted_strides(op, r->axes);
    else iterator_order(op, k, r, r->axes);
    lay_out(r, r->axes);
}

/* a malformed program (a compiler's error, never the user's): SystemError */
static int malformed(Run *run, int line, const char *file) {
    return run_raise_msg(run, "SystemError", "kiln: a malformed memory-order program (an internal error)", line, file);
}

/* v[0]: the result's rank, v[1]: 1 where every operand's strides are in C order (so is every result: no program read),
 * else 0, then the result's lengths; then in postfix each array operand (KEEP_LEAF | rank << 8 | item size << 16, its lengths,
 * its strides) and each call over the last k (KEEP_UFUNC or KEEP_ITER | k << 8): the last call's result, allocated */
int rt_keeporder(Run *run, int dtype, const int64_t *v, int n, Slot *out, int line, const char *file) {
    Lay st[STACK];
    int top = 0, i = 0;
    bool made = false; /* whether st[top - 1] is a call's stand-in: the program ends with a call */
    int64_t nd = n > 1 ? v[i++] : -1;
    bool plain = n > 1 && v[i++]; /* lowering found every operand's strides in C order: every call's result C */
    if (nd < 0 || nd > KILN_MAXDIM || i + nd > n) return malformed(run, line, file);
    const int64_t *dims = &v[i]; /* the result's shape */
    i += (int)nd;
    if (plain) return run_alloc(run, dtype, (int)nd, dims, false, out, line, file);
    while (i < n) {
        int64_t sym = v[i++], kind = sym & 0xff, m = sym >> 8 & 0xff;
        if (kind == KEEP_LEAF) {
            if (top == STACK || m > KILN_MAXDIM || i + 2 * m > n) return malformed(run, line, file);
            Lay *o = &st[top++];
            o->nd = (int)m;
            o->temp = false;
            o->item = sym >> 16;
            memcpy(o->n, &v[i], sizeof(int64_t) * (size_t)m);
            memcpy(o->s, &v[i + m], sizeof(int64_t) * (size_t)m);
            i += 2 * (int)m;
            made = false;
        } else {
            if ((kind != KEEP_UFUNC && kind != KEEP_ITER && kind != KEEP_LIKE) || m < 1 || m > top || (kind == KEEP_LIKE && m != 1))
                return malformed(run, line, file);
            int reuse = (int)(sym >> 16 & 0xff);
            if (reuse && (i == n || (uint64_t)v[i++] > 1)) return malformed(run, line, file);
            if (reuse && !v[i - 1]) reuse = 0; /* its run-time condition does not hold */
            Lay r;
            call(&st[top - m], (int)m, (int)kind, reuse, sym >> 24, &r);
            top -= (int)m;
            st[top++] = r;
            made = true;
        }
    }
    if (top != 1 || !made || st[0].nd != nd || memcmp(st[0].n, dims, sizeof(int64_t) * (size_t)nd)) return malformed(run, line, file);
    Lay r = st[0];
    if (run_alloc(run, dtype, r.nd, r.n, false, out, line, file)) return -1;
    r.item = (int64_t)kiln_dtype_size((kiln_dtype)dtype);
    lay_out(&r, r.axes);
    for (int j = 0; j < r.nd; j++) out[1 + r.nd + j].i = r.s[j];
    return 0;
}
