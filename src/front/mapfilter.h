/*
 * mapfilter.h — the builtins map() and filter() rewritten as generator expressions, on the syntax tree
 * (mapfilter.c), wherever the module leaves those names to Python's builtins.
 */
#ifndef KILN_MAPFILTER_H
#define KILN_MAPFILTER_H

#include "ast.h"

void mf_desugar(Arena *a, Ast *ast, Diag *d); /* in place; a misuse (map(f), a keyword) fails through d */

#endif
