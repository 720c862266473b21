/*
 * eval.h — the reference evaluation of one scalar IR op on slot values.
 * The interpreter runs every op that has no fast handler through it, and the
 * constant folder folds through it, so folding can never disagree with
 * execution.
 */
#ifndef KILN_EVAL_H
#define KILN_EVAL_H

#include "../ir/ir.h"
#include "run.h"

/* Evaluate op (OP_*) with result type rt and operand type at on the operand
 * slots ops[0..n) (each pointing at the first slot of its value). */
RtErr ev_op(int op, unsigned flags, int64_t aux, const Type *rt, const Type *at, Slot *const *ops, int n, Slot *out);
/* IR constants <-> slots */
void ev_from_scalar(const Type *t, const Scalar *s, Slot *out);
void ev_to_scalar(const Type *t, const Slot *in, Scalar *s);

#endif
