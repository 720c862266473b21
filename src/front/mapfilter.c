/*
 * mapfilter.c — the builtins map and filter, as the generator expressions they are.
 *
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

enum { MF_MAP, MF_FILTER };
static const char *const builtin_name[] = {"map", "filter"};

/* ---- is the name the builtin everywhere in the module? ---- */

static bool in_names(const Node *n, const char *name) {
    for (int i = 0; i < n->nnames; i++) if (n->names && n->names[i] && !strcmp(n->names[i], name)) return true;
    return false;
}

/* the recursions below stop at the stack's floor, as lowering's does (a 1 MiB stack, an ASan build's frames) */
static void stack_check(Out *o, Node *n) {
    if ((uintptr_t)__builtin_frame_address(0) < base_stack_floor())
        ol_fail(o, n, "expression nested too deeply for the stack left (split it into several statements)");
}

/* true if anything in n binds or uses `name` other than as the callee of a call */
static bool other_use(Out *o, Node *n, const char *name) {
    if (!n) return false;
    stack_check(o, n);
    switch (n->kind) {
    case N_NAME: return !strcmp(n->name, name);
    case S_DEF: case S_GLOBAL_CONST: case S_EXCEPT:
        if (n->name && !strcmp(n->name, name)) return true;
        if (n->kind == S_DEF && in_names(n, name)) return true;
        break;
    case N_LAMBDA: if (in_names(n, name)) return true; break;
    case N_CALL:
        if (n->a && n->a->kind == N_NAME && !strcmp(n->a->name, name)) { /* the callee: not a use */
            for (int i = 0; i < n->nkids; i++) if (other_use(o, n->kids[i], name)) return true;
            for (int i = 0; i < n->nkids2; i++) if (other_use(o, n->kids2[i], name)) return true;
            return false;
        }
        break;
    default: break;
    }
    if (other_use(o, n->a, name) || other_use(o, n->b, name) || other_use(o, n->c, name)) return true;
    for (int i = 0; i < n->nkids; i++) if (other_use(o, n->kids[i], name)) return true;
    for (int i = 0; i < n->nkids2; i++) if (other_use(o, n->kids2[i], name)) return true;
    return false;
}

static bool is_builtin(Out *o, const Ast *ast, const char *name) {
    if (ol_binding(ast, name)) return false;
    for (int i = 0; i < ast->ndefs; i++) if (other_use(o, ast->defs[i], name)) return false;
    for (int i = 0; i < ast->nconsts; i++) if (other_use(o, ast->consts[i], name)) return false;
    return true;
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

/* the call n of map or filter (k) made the generator expression it stands for, in place */
static void rewrite(Out *o, Node *n, int k) {
    const char *fname = builtin_name[k];
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

static void walk(Out *o, Node *n, const bool *on) {
    if (!n) return;
    stack_check(o, n);
    walk(o, n->a, on); walk(o, n->b, on); walk(o, n->c, on);
    for (int i = 0; i < n->nkids; i++) walk(o, n->kids[i], on);
    for (int i = 0; i < n->nkids2; i++) walk(o, n->kids2[i], on);
    if (n->kind != N_CALL || !n->a || n->a->kind != N_NAME) return;
    for (int k = MF_MAP; k <= MF_FILTER; k++)
        if (on[k] && !strcmp(n->a->name, builtin_name[k])) { rewrite(o, n, k); return; }
}

void mf_desugar(Arena *a, Ast *ast, Diag *d) {
    Out o = {a, d, ast, NULL, {0}};
    bool on[2];
    for (int k = MF_MAP; k <= MF_FILTER; k++) on[k] = is_builtin(&o, ast, builtin_name[k]);
    if (!on[MF_MAP] && !on[MF_FILTER]) return;
    for (int i = 0; i < ast->ndefs; i++) walk(&o, ast->defs[i], on);
}
