/*
 * lib.h — the runtime's library routines that OP_LIB calls on every tier
 * (their vocabulary is ir/lib.h): batched matrix products (rt/matmul.c),
 * sorting and selection (rt/sort.c), nonzero; reductions and scans are
 * rt/reduce.h's.
 */
#ifndef KILN_LIB_H
#define KILN_LIB_H

#include "reduce.h"

enum { LIB_BLAS_MIN = 32768 }; /* M*N*K from which float products go to BLAS */

/* a (batch..., M, K) @ b (batch..., K, N) into a new C array; 0, or -1 with the error raised */
int rt_matmul(Run *run, const RdArr *a, const RdArr *b, int nb, Slot *out, int line, const char *file);
bool rt_blas_available(void);
/* sort.c: a sorted (partitioned) copy or the indices that sort (partition) a along axis (-1: flattened) */
int rt_sort(Run *run, int routine, const RdArr *a, int axis, int64_t kth, Slot *out, int line, const char *file);
int rt_nonzero(Run *run, const RdArr *a, Slot *out, int line, const char *file);

#endif
