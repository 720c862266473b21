/*
 * opfuncs.h — the operator module's functions (operator.add, itemgetter, attrgetter, methodcaller ...), str's methods
 * spelled through the type (str.lower) and sys's numbers (sys.maxsize) rewritten as the expressions, lambdas and
 * literals they are, on the syntax tree (opfuncs.c).
 */
#ifndef KILN_OPFUNCS_H
#define KILN_OPFUNCS_H

#include "ast.h"

void op_desugar(Arena *a, Ast *ast, Diag *d); /* in place; a misuse (a wrong count of arguments) fails through d */

#endif
