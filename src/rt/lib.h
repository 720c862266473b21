/*
 * lib.h — the runtime's library routines that OP_LIB calls on every tier:
 * reductions and scans (rt/reduce.c, routines RK_*), batched matrix
 * products (rt/matmul.c, LIB_MATMUL), sorting and selection (rt/sort.c),
 * and NEP 50's error for a Python int that does not fit an integer dtype
 * (the one routine on a scalar: it raises, so it sits in a cold block).
 * aux & 0xff picks the routine.
 */
#ifndef KILN_LIB_H
#define KILN_LIB_H

#include "reduce.h"

enum {
    LIB_MATMUL = 64,   /* aux: LIB_MATMUL | batch axes << 8 */
    LIB_SORT, LIB_ARGSORT, LIB_PARTITION, LIB_ARGPARTITION, /* aux: routine | (axis + 1) << 8 (0: flattened); b: kth */
    LIB_NONZERO,       /* the (ndim, count) int64 indices of the nonzero elements */
    LIB_INT_BOUNDS,    /* a scalar Python int (not an array) outside dtype aux >> 8: NEP 50's OverflowError */
};
enum { LIB_BLAS_MIN = 32768 }; /* M*N*K from which float products go to BLAS */

/* the routine's name, for IR dumps */
static inline const char *rt_lib_name(int64_t aux) {
    static const char *rk[RK_COUNT] = {"sum", "prod", "mean", "var", "std", "min", "max", "argmin", "argmax", "all", "any",
                                       "cumsum", "cumprod"};
    static const char *lib[] = {"matmul", "sort", "argsort", "partition", "argpartition", "nonzero", "int_bounds"};
    int r = (int)(aux & 0xff);
    if (r < RK_COUNT) return rk[r];
    return r >= LIB_MATMUL && r <= LIB_INT_BOUNDS ? lib[r - LIB_MATMUL] : "?";
}

/* a (batch..., M, K) @ b (batch..., K, N) into a new C array; 0, or -1 with the error raised */
int rt_matmul(Run *run, const RdArr *a, const RdArr *b, int nb, Slot *out, int line, const char *file);
bool rt_blas_available(void);
/* sort.c: a sorted (partitioned) copy or the indices that sort (partition) a along axis (-1: flattened) */
int rt_sort(Run *run, int routine, const RdArr *a, int axis, int64_t kth, Slot *out, int line, const char *file);
int rt_nonzero(Run *run, const RdArr *a, Slot *out, int line, const char *file);

#endif
