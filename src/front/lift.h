/*
 * lift.h — recursive inner functions lifted into kernels of their own on the syntax tree (lift.c).
 */
#ifndef KILN_LIFT_H
#define KILN_LIFT_H

#include "ast.h"

/* every inner def of ast's kernels that calls itself becomes a kernel "outer.<locals>.name" (appended to ast->defs)
 * taking the enclosing function's variables it reads, then its parameters; its calls pass them. What cannot be
 * lifted is a diagnostic (longjmp through d) */
void lf_lift(Arena *a, Ast *ast, Diag *d);

#endif
