/*
 * outline.h — internal to front/: what prange.c (parallel loops), arraystmt.c (whole-array
 * statements) and lift.c (recursive inner functions) share while they outline code into kernels of its own: the pass's state, name sets,
 * and the helpers that build syntax-tree nodes (outline.c). Nodes made here get fresh ids and the
 * positions of the code they stand for, so diagnostics point at the user's source.
 */
#ifndef KILN_OUTLINE_H
#define KILN_OUTLINE_H

#include "ast.h"

typedef VEC(const char *) Names;
typedef VEC(Node *) Nodes;

typedef struct Out {
    Arena *a;
    Diag *d;
    Ast *ast;
    Node *def;          /* the kernel being outlined from */
    Nodes newdefs;
} Out;

#define PUSH(o, vec, x) do { if (!vec_push((o)->a, vec, x)) diag_fail((o)->d, 0, 0, "out of memory"); } while (0)

NORETURN void ol_fail(Out *o, Node *at, const char *fmt, ...) PRINTF_LIKE(3, 4); /* a diagnostic at a node */
void *ol_alloc(Out *o, size_t n);
Node *ol_mk(Out *o, int kind, const Node *at);                 /* a fresh node at at's position */
Node *ol_name(Out *o, const char *name, const Node *at);       /* an N_NAME */
Node **ol_kids(Out *o, Node **v, int n);                       /* a copy of a child array */
char *ol_str(Out *o, const char *s);
bool ol_has(const Names *s, const char *name);
void ol_add(Out *o, Names *s, const char *name);               /* once */
bool ol_starts(const char *s, const char *prefix);
void ol_fn_locals(Out *o, Node **v, int n, Names *out);        /* the names a function body assigns */
void ol_def_vars(Out *o, const Node *def, Names *out);         /* a def's parameters and the names its body assigns */
void ol_append_defs(Out *o);
/* f(node, ctx) for n and every node below it, parents first (a, b, c, kids, kids2; children read after f returns, so f
 * may replace them); where f returns false, not below that node */
void ol_visit(Node *n, bool (*f)(Node *, void *), void *ctx);                                   /* o->newdefs added after the module's kernels */

/* arraystmt.c: outline each candidate `x = <elementwise expression>` and `return <one>` of a body */
void ol_array_stmts(Out *o, Node **v, int n, const Names *locals);

#endif
