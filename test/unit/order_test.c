/* order_test.c — rt/order.c's layouts from programs written by hand (the kernels of test/run/147 and
 * test/python/test_order.py reach it through lowering; these reach what lowering never writes): a C-ordered shortcut, a
 * transposed operand, a copy in order 'K' with its length-1 axis, an operator computing into a large temporary, and
 * every malformed program answered with SystemError, never a crash or a read past the operands. */
#include "check.h"
#include "ir/lib.h"
#include "rt/lib.h"
#include <string.h>

static Run run;
static _Atomic uint64_t intr;

/* the strides of the array the program v (n values) lays out for dtype float64, or {-1} where it raised */
static int layout(const int64_t *v, int n, int64_t *strides, int nd) {
    Slot out[1 + 2 * KILN_MAXDIM];
    if (rt_keeporder(&run, KILN_FLOAT64, v, n, out, 1, "order_test")) {
        strides[0] = -1;
        return -1;
    }
    for (int k = 0; k < nd; k++) strides[k] = out[1 + nd + k].i;
    return 0;
}

static bool raised_system_error(const int64_t *v, int n) {
    int64_t s[KILN_MAXDIM];
    bool r = layout(v, n, s, 2) == -1 && run.ename && !strcmp(run.ename, "SystemError");
    run_release(&run);
    run_init(&run, NULL, &intr, 0);
    return r;
}

#define N(a) ((int)(sizeof a / sizeof *a))
#define LEAF(m, item) (KEEP_LEAF | (int64_t)(m) << 8 | (int64_t)(item) << 16)
#define CALL(kind, k) ((kind) | (int64_t)(k) << 8)

int main(void) {
    run_init(&run, NULL, &intr, 0);
    int64_t s[KILN_MAXDIM];

    /* x.T * 2.0 of a 3x4 C float64 x: x.T is (4, 3) with strides (8, 32), F-contiguous: the result too */
    int64_t ft[] = {2, 0, 4, 3, LEAF(2, 8), 4, 3, 8, 32, CALL(KEEP_UFUNC, 1)};
    CHECK(layout(ft, N(ft), s, 2) == 0 && s[0] == 8 && s[1] == 32);
    /* the same with lowering's C-order test holding: C at once, the program unread */
    int64_t plain[] = {2, 1, 4, 3, LEAF(2, 8), 4, 3, 8, 32, CALL(KEEP_UFUNC, 1)};
    CHECK(layout(plain, N(plain), s, 2) == 0 && s[0] == 24 && s[1] == 8);
    /* x.T + y with y C-contiguous (4, 3): the operands disagree, C order wins */
    int64_t mixed[] = {2, 0, 4, 3, LEAF(2, 8), 4, 3, 8, 32, LEAF(2, 8), 4, 3, 24, 8, CALL(KEEP_UFUNC, 2)};
    CHECK(layout(mixed, N(mixed), s, 2) == 0 && s[0] == 24 && s[1] == 8);
    /* a copy in order 'K' of a (3, 1, 4) view with strides (64, 999, 8): its axes by |stride|, the length-1 one outermost */
    int64_t copy[] = {3, 0, 3, 1, 4, LEAF(3, 8), 3, 1, 4, 64, 999, 8, CALL(KEEP_LIKE, 1)};
    CHECK(layout(copy, N(copy), s, 3) == 0 && s[0] == 32 && s[1] == 96 && s[2] == 8);
    /* (x.T * 2.0) - y of 300 x 301 float64 (705 KiB): the operator computes into the F temporary, as NumPy's does */
    int64_t reuse[] = {2, 0, 301, 300, LEAF(2, 8), 301, 300, 8, 2408, CALL(KEEP_UFUNC, 1) | (int64_t)8 << 24,
                       LEAF(2, 8), 301, 300, 2400, 8, CALL(KEEP_UFUNC, 2) | (int64_t)KEEP_REUSE0 << 16 | (int64_t)8 << 24, 1};
    CHECK(layout(reuse, N(reuse), s, 2) == 0 && s[0] == 8 && s[1] == 2408);
    reuse[N(reuse) - 1] = 0; /* its run-time condition false: C order wins again */
    CHECK(layout(reuse, N(reuse), s, 2) == 0 && s[0] == 2400 && s[1] == 8);
    run_release(&run);
    run_init(&run, NULL, &intr, 0);

    /* malformed programs: SystemError */
    CHECK(raised_system_error(NULL, 0));
    int64_t no_call[] = {2, 0, 4, 3, LEAF(2, 8), 4, 3, 8, 32};
    CHECK(raised_system_error(no_call, N(no_call)));
    int64_t short_leaf[] = {2, 0, 4, 3, LEAF(2, 8), 4, 3, 8};
    CHECK(raised_system_error(short_leaf, N(short_leaf)));
    int64_t underflow[] = {2, 0, 4, 3, LEAF(2, 8), 4, 3, 8, 32, CALL(KEEP_UFUNC, 2)};
    CHECK(raised_system_error(underflow, N(underflow)));
    int64_t bad_kind[] = {2, 0, 4, 3, LEAF(2, 8), 4, 3, 8, 32, CALL(7, 1)};
    CHECK(raised_system_error(bad_kind, N(bad_kind)));
    int64_t wrong_shape[] = {2, 0, 5, 3, LEAF(2, 8), 4, 3, 8, 32, CALL(KEEP_UFUNC, 1)};
    CHECK(raised_system_error(wrong_shape, N(wrong_shape)));
    int64_t deep[] = {9, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    CHECK(raised_system_error(deep, N(deep)));
    int64_t no_gate[] = {2, 0, 4, 3, LEAF(2, 8), 4, 3, 8, 32, CALL(KEEP_UFUNC, 1) | (int64_t)KEEP_REUSE0 << 16};
    CHECK(raised_system_error(no_gate, N(no_gate)));
    int64_t like_two[] = {2, 0, 4, 3, LEAF(2, 8), 4, 3, 8, 32, LEAF(2, 8), 4, 3, 8, 32, CALL(KEEP_LIKE, 2)};
    CHECK(raised_system_error(like_two, N(like_two)));
    run_release(&run);
    return DONE();
}
