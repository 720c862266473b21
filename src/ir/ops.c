/*
 * ops.c — the op table's data, generated from ops.h.
 */
#include "ir.h"

const OpInfo ir_ops[OP_COUNT] = {
#define OP(n, ar, fl, rule, doc) {#n, ar, fl, rule, doc},
    IR_OPS(OP)
#undef OP
};
