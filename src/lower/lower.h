/*
 * lower.h — lowering's interface to the driver: typing one unit and building
 * its IR from the kernel's syntax tree (lower/infer.c and the files beside
 * it; infer.h is their shared internal state).
 *
 * Lowering sees the module only through a LowerEnv the driver fills in: the
 * kernels by index, the module constants by name, the settings that change
 * the IR, and callbacks for what only the driver can do (specialize a callee
 * for the argument types a call site has, forget the callees a discarded
 * round built, run the effects analysis across units). So lowering never
 * reaches into the driver's tables, and the driver's locking and caching
 * stay out of it.
 */
#ifndef KILN_LOWER_H
#define KILN_LOWER_H

#include "../ir/unit.h"
#include "../front/ast.h"
#include "../../include/kiln.h"

/* a compile-time constant value: module constants, defaults, literal arguments */
typedef struct Lit {
    const Type *ty;
    Scalar v;
    struct Lit *elems;    /* tuples; lists (count items) */
    const Scalar *data;   /* arrays (module constants only): the elements in C order, of ty's dtype */
    const int64_t *shape; /* arrays: ty->ndim lengths */
    int64_t count;        /* arrays: the number of elements; lists: of items */
    const char *name;     /* arrays: the constant's name (messages) */
    Node *node;           /* T_NBTYPE: the Numba type expression, read where it is used (lower/nbtyped.c) */
} Lit;

/* a kernel of the module as lowering sees it */
typedef struct Kernel {
    const char *name;
    Node *def;            /* its N_DEF */
    Lit **defaults;       /* per parameter, NULL where it has none (or NULL for none at all) */
} Kernel;

typedef struct LowerEnv {
    void *cx;                     /* the driver's: handed back to every callback */
    TypeTab *types;
    const kiln_options *opt;      /* boundscheck and fastmath change the IR */
    const int64_t *tune;          /* TUNE_* */
    const char *file, *src;       /* the module's text, for messages */
    size_t len;
    Ast *ast;                     /* the module's imports */
    int nkernels;
    Kernel (*kernel)(void *cx, int i);
    Lit *(*constant)(void *cx, const char *name);  /* a module constant, or NULL */
    /* the unit of kernel i for these argument types: found, or built now (a recursive call gets the
     * unit being built, state UNIT_BUILDING, ret its guess so far); NULL with err */
    Unit *(*callee)(void *cx, int i, const Type **args, int nargs, kiln_error *err);
    void *(*mark)(void *cx);                      /* before a round: where the callees it builds begin */
    void (*discard_guessed)(void *cx, void *mark); /* after a restarted round: drop those built on guesses */
    /* the frozen array copy (ALLOC_FROZEN) that f's code, or a unit it calls, may write into, with the
     * line of that write; 0 if none (the driver's effects analysis) */
    Ref (*frozen_written)(Func *f, uint32_t *line);
} LowerEnv;

/* collections.namedtuple's constructor (lower/namedtuple.c; jit/lit.c's constants too): call's arguments bound to
 * the fields of class cls (T_CLASS) as its __new__ binds them: out[i] the node of field i, NULL where its default
 * applies; NULL, or CPython's TypeError text (in msg) with *at the node it is about */
const char *nt_bind(const Type *cls, Node *call, Node **out, Node **at, char *msg, size_t cap);

/* type kernel k of env for u->args and build u->ir (u->ret, u->var_*): 0, or -1 with err */
int lower_unit(const LowerEnv *env, int k, Unit *u, kiln_error *err);

#endif
