/*
 * reduce.h — reductions and scans over arrays in NumPy's order of operations
 * (rt/reduce.c), called by every tier through the frame helper of OP_LIB; what
 * to compute is ir/lib.h's RdSpec.
 */
#ifndef KILN_REDUCE_H
#define KILN_REDUCE_H

#include "run.h"
#include "../ir/lib.h"

/* an array operand: data, dtype, shape, strides in bytes */
typedef struct RdArr { char *data; int dtype, ndim; int64_t n[KILN_MAXDIM], s[KILN_MAXDIM]; } RdArr;

/* 0 with the result in out (an array descriptor, or one scalar slot), or -1 with the error raised */
int rt_reduce(Run *run, const RdSpec *q, const RdArr *a, Slot *out, int line, const char *file);

#endif
