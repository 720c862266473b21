/*
 * prange.h — parallel loops outlined on the syntax tree (prange.c).
 */
#ifndef KILN_PRANGE_H
#define KILN_PRANGE_H

#include "ast.h"

/* replace every prange loop of ast's kernels by S_PFOR and a kernel of its own (appended to ast->defs);
 * a loop whose iterations could depend on each other is a diagnostic (longjmp through d) */
void pr_outline(Arena *a, Ast *ast, Diag *d);
/* prange(...), numba.prange(...), kiln.prange(...) */
bool pr_is_prange_call(const Node *n);

#endif
