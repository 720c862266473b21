/*
 * reduce.h — reductions and scans over arrays in NumPy's order of operations
 * (rt/reduce.c), called by every tier through the frame helper of OP_LIB.
 */
#ifndef KILN_REDUCE_H
#define KILN_REDUCE_H

#include "run.h"

enum { RK_SUM, RK_PROD, RK_MEAN, RK_VAR, RK_STD, RK_MIN, RK_MAX, RK_ARGMIN, RK_ARGMAX, RK_ALL, RK_ANY,
       RK_CUMSUM, RK_CUMPROD, RK_COUNT };

/* an array operand: data, dtype, shape, strides in bytes */
typedef struct RdArr { char *data; int dtype, ndim; int64_t n[KILN_MAXDIM], s[KILN_MAXDIM]; } RdArr;

/* what to compute (OP_LIB's aux, unpacked by rd_unpack) */
typedef struct RdSpec {
    int kind;
    unsigned axes;     /* reduced axes (bit k: axis k) */
    int axis;          /* argmin/argmax/scans: the axis, -1 for the flattened array */
    bool keepdims;
    bool array_result; /* false: a scalar into out[0] */
    int odt;           /* the result's dtype */
    int64_t ddof;
} RdSpec;

static inline int64_t rd_pack(int kind, unsigned axes, int axis, bool keepdims, bool array_result, int odt) {
    return (int64_t)kind | (int64_t)(axes & 0xff) << 8 | (int64_t)(axis + 1) << 16 | (int64_t)keepdims << 24 |
           (int64_t)array_result << 25 | (int64_t)odt << 32;
}

static inline RdSpec rd_unpack(int64_t aux) {
    RdSpec q = {(int)(aux & 0xff), (unsigned)(aux >> 8) & 0xff, (int)((aux >> 16) & 0xff) - 1, (aux >> 24) & 1,
                (aux >> 25) & 1, (int)(aux >> 32) & 0xff, 0};
    return q;
}

/* 0 with the result in out (an array descriptor, or one scalar slot), or -1 with the error raised */
int rt_reduce(Run *run, const RdSpec *q, const RdArr *a, Slot *out, int line, const char *file);

#endif
