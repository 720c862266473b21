/*
 * mapfilter.c — the builtins map, filter and iter, as the generator expressions they are.
 *
 *     iter(xs)            ->  ($m for $m in xs)                               (next(iter(d)): d's first key)
 *     map(f, xs)          ->  (f($m) for $m in xs)
 *     map(f, xs, ys)      ->  (f($m0, $m1) for ($m0, $m1) in zip(xs, ys))    (the shortest ends it, as map's)
 *     filter(f, xs)       ->  ($m for $m in xs if f($m))
 *     filter(None, xs)    ->  ($m for $m in xs if $m)
 *
 * so that wherever kiln takes a generator expression (list(), sorted(), sum(), min(), max(), any(), all(),
 * set(), str.join, a for loop) it takes map and filter too, lowered by the same code. The rewrite is decided on
 * the syntax tree, before any type is known, and made only where the name is Python's builtin in the whole
 * module: no def, parameter, import, constant, assignment, except-as or other use of `map` (`filter`) than being
 * called. f must be a name (a kernel, a builtin such as str or abs, np.sqrt, an inner function, a variable holding
 * a lambda) or a lambda: it is read once per item, which is the same as once for those. The loop names hold a '$'
 * no Python name has, and the call's node id becomes the generator expression's (ids key type hints per loop).
 */
#include "mapfilter.h"
#include "outline.h"
#include <stdio.h>
#include <string.h>

enum { MF_MAP, MF_FILTER, MF_ITER };
static const char *const builtin_name[] = {"map", "filter", "iter"};

/* the pass: its node maker and the stack's floor, read once (its recursions stop there, as lowering's do: a 1 MiB
 * stack, an ASan build's frames) */
typedef struct Mf { Out o; uintptr_t floor; } Mf;

static void stack_check(Mf *m, Node *n) {
    if ((uintptr_t)__builtin_frame_address(0) < m->floor)
        ol_fail(&m->o, n, "expression nested too deeply for the stack left (split it into several statements)");
}

/* ---- is the name the builtin everywhere in the module? ---- */

/* the names among builtin_name a node's own name or names (a def's parameters, a lambda's) are: a bit each */
static unsigned named(const Node *n) {
    unsigned mask = 0;
    for (int k = MF_MAP; k <= MF_ITER; k++) {
        if (n->name && n->kind != N_STR && n->kind != N_ATTR && !strcmp(n->name, builtin_name[k])) mask |= 1u << k;
        for (int i = 0; (n->kind == S_DEF || n->kind == N_LAMBDA) && i < n->nnames; i++)
            if (n->names && n->names[i] && !strcmp(n->names[i], builtin_name[k])) mask |= 1u << k;
    }
    return mask;
}

/* the names (a bit each) that anything in n binds or uses other than as the callee of a call */
static unsigned other_uses(Mf *m, Node *n) {
    if (!n) return 0;
    stack_check(m, n);
    unsigned mask = 0;
    if (n->kind == N_NAME || n->kind == S_DEF || n->kind == S_GLOBAL_CONST || n->kind == S_EXCEPT || n->kind == N_LAMBDA)
        mask = named(n);
    if (!(n->kind == N_CALL && n->a && n->a->kind == N_NAME)) mask |= other_uses(m, n->a); /* a callee name: no use */
    mask |= other_uses(m, n->b) | other_uses(m, n->c);
    for (int i = 0; i < n->nkids; i++) mask |= other_uses(m, n->kids[i]);
    for (int i = 0; i < n->nkids2; i++) mask |= other_uses(m, n->kids2[i]);
    return mask;
}

/* ---- the rewrite ---- */

static Node *loop_name(Out *o, Node *call, int k) {
    char buf[48];
    snprintf(buf, sizeof buf, "$map%d_%d", call->id, k);
    return ol_name(o, ol_str(o, buf), call);
}

static Node *call_of(Out *o, Node *f, Node **args, int n, const Node *at) {
    Node *c = ol_mk(o, N_CALL, at);
    c->a = f;
    c->kids = ol_kids(o, args, n);
    c->nkids = n;
    return c;
}

/* the call n of map, filter or iter (k) made the generator expression it stands for, in place */
static void rewrite(Out *o, Node *n, int k) {
    const char *fname = builtin_name[k];
    if (k == MF_ITER) { /* iter(xs): its items one at a time, where a generator is taken; an iterator kept in a variable
                         * and advanced by next() is a generator expression kept in one: lowering says kiln has none */
        if (n->nkids2) ol_fail(o, n, "iter() takes no keyword arguments");
        if (n->nkids != 1)
            ol_fail(o, n, n->nkids == 2 ? "iter(callable, sentinel) is not supported (iter of an iterable is)" : "iter expected 1 argument, got %d",
                    n->nkids);
        Node *var = loop_name(o, n, 0), *clause = ol_mk(o, N_COMPFOR, n);
        clause->a = var;
        clause->b = n->kids[0];
        n->kind = N_GENEXP;
        n->a = ol_name(o, var->name, n);
        n->b = n->c = NULL;
        n->kids = ol_kids(o, &clause, 1);
        n->nkids = 1;
        n->kids2 = NULL; n->nkids2 = 0;
        n->names = NULL; n->nnames = 0;
        return;
    }
    if (n->nkids2) ol_fail(o, n, "%s() takes no keyword arguments", fname);
    if (k == MF_MAP && n->nkids < 2) ol_fail(o, n, "map() must have at least two arguments.");
    if (k == MF_FILTER && n->nkids != 2) ol_fail(o, n, "filter expected 2 arguments, got %d", n->nkids);
    Node *f = n->kids[0];
    bool none = k == MF_FILTER && f->kind == N_NONE;
    if (!none && f->kind != N_NAME && f->kind != N_ATTR && f->kind != N_LAMBDA)
        ol_fail(o, f, "kiln's %s() takes its function as a name (a kernel, a builtin, np.sqrt, a variable) or a lambda",
                fname);
    int nit = n->nkids - 1;
    Node *vars[64];
    if (nit > 64) ol_fail(o, n, "%s() of more than 64 iterables is not supported", fname);
    for (int i = 0; i < nit; i++) vars[i] = loop_name(o, n, i);
    Node *clause = ol_mk(o, N_COMPFOR, n);
    if (nit == 1) {
        clause->a = vars[0];
        clause->b = n->kids[1];
    } else {
        Node *t = ol_mk(o, N_TUPLE, n);
        t->kids = ol_kids(o, vars, nit);
        t->nkids = nit;
        clause->a = t;
        clause->b = call_of(o, ol_name(o, "zip", n), n->kids + 1, nit, n);
    }
    Node *elt = vars[0];
    if (k == MF_MAP) elt = call_of(o, f, vars, nit, n);
    else {
        Node *test = none ? ol_name(o, vars[0]->name, n) : call_of(o, f, vars, 1, n);
        clause->kids = ol_kids(o, &test, 1);
        clause->nkids = 1;
        elt = ol_name(o, vars[0]->name, n);
    }
    n->kind = N_GENEXP;
    n->a = elt;
    n->b = n->c = NULL;
    n->kids = ol_kids(o, &clause, 1);
    n->nkids = 1;
    n->kids2 = NULL; n->nkids2 = 0;
    n->names = NULL; n->nnames = 0;
}

static void walk(Mf *m, Node *n, unsigned on) {
    if (!n) return;
    stack_check(m, n);
    walk(m, n->a, on); walk(m, n->b, on); walk(m, n->c, on);
    for (int i = 0; i < n->nkids; i++) walk(m, n->kids[i], on);
    for (int i = 0; i < n->nkids2; i++) walk(m, n->kids2[i], on);
    if (n->kind != N_CALL || !n->a || n->a->kind != N_NAME) return;
    for (int k = MF_MAP; k <= MF_ITER; k++)
        if ((on >> k & 1) && !strcmp(n->a->name, builtin_name[k])) { rewrite(&m->o, n, k); return; }
}

void mf_desugar(Arena *a, Ast *ast, Diag *d) {
    Mf m = {{a, d, ast, NULL, {0}}, base_stack_floor()};
    unsigned used = 0; /* one scan of the module for both names */
    for (int i = 0; i < ast->ndefs; i++) used |= other_uses(&m, ast->defs[i]);
    for (int i = 0; i < ast->nconsts; i++) used |= other_uses(&m, ast->consts[i]);
    unsigned on = 0;
    for (int k = MF_MAP; k <= MF_ITER; k++)
        if (!(used >> k & 1) && !ast_binding(ast, builtin_name[k])) on |= 1u << k;
    if (!on) return;
    for (int i = 0; i < ast->ndefs; i++) walk(&m, ast->defs[i], on);
}
