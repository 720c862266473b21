/*
 * lift.c — an inner function that calls itself (a depth-first search, a recursive helper) lifted into a kernel of
 * its own.
 *
 * Lowering copies an inner function's body into each call (lower/closure.c), which a recursion cannot end. So, before
 * lowering, an inner `def f` whose body calls f becomes a module kernel named "outer.<locals>.f" (CPython's qualified
 * name, which no user name can be), taking first the enclosing function's variables its body reads (a closure's
 * captures, passed where it is called: read then, as Python's late-binding closure reads them; a list, dict or set
 * passed is the same object, so what the function does to it the caller sees), then its own parameters. Every call
 * f(args) in the enclosing function and in f itself becomes outer.<locals>.f(captures, args), and the def statement
 * is dropped. What this cannot keep is refused with the reason: f used other than called (passed, stored), a
 * `nonlocal` in f (an assignment that must reach the enclosing function's variable). A name f assigns is f's own, as
 * in Python, not a capture.
 */
#include "outline.h"
#include <stdio.h>
#include <string.h>

typedef struct Lift {
    Out *o;
    Node *outer;       /* the kernel */
    Names outer_vars;  /* its parameters and the names it assigns */
} Lift;

/* a name's uses below a node: calls name(...) and N_NAME nodes naming it (each call's callee is one of them) */
typedef struct Uses { const char *name; int calls, names; } Uses;

static bool count_uses(Node *n, void *ctx) {
    Uses *u = ctx;
    if (n->kind == N_CALL && n->a && n->a->kind == N_NAME && !strcmp(n->a->name, u->name)) u->calls++;
    else if (n->kind == N_NAME && !strcmp(n->name, u->name)) u->names++;
    return true;
}

/* whether the statements v call name, or (other) name it other than as a callee */
static void uses(Node **v, int n, const Node *skip, const char *name, bool *calls, bool *other) {
    Uses u = {name, 0, 0};
    for (int i = 0; i < n; i++) if (v[i] != skip) ol_visit(v[i], count_uses, &u);
    *calls = u.calls > 0;
    *other = u.names > u.calls;
}

typedef struct Collect { Out *o; Names *out; } Collect;

/* the names n reads (N_NAME anywhere below it), each once, in order */
static bool read_name(Node *n, void *ctx) {
    Collect *c = ctx;
    if (n->kind == N_NAME) ol_add(c->o, c->out, n->name);
    return true;
}

/* the names n's comprehensions, lambdas and inner defs bind for themselves (their own scopes: not captures) */
static bool scoped_name(Node *n, void *ctx) {
    Collect *c = ctx;
    if (n->kind == N_COMPFOR && n->a) ol_visit(n->a, read_name, c); /* the clause's target names */
    if (n->kind == N_LAMBDA || n->kind == S_DEF)
        for (int i = 0; i < n->nnames; i++) ol_add(c->o, c->out, n->names[i]);
    return true;
}

/* the first `nonlocal` statement below n, outside the defs inside it (their own) */
static bool find_nonlocal(Node *n, void *ctx) {
    Node **found = ctx;
    if (n->kind == S_NONLOCAL && !*found) *found = n;
    return n->kind != S_DEF && !*found;
}

typedef struct Rewrite { Lift *L; const char *name, *lifted; const Names *caps; } Rewrite;

/* a call name(args) made lifted(captures..., args) */
static bool rewrite_call(Node *n, void *ctx) {
    Rewrite *r = ctx;
    if (n->kind != N_CALL || !n->a || n->a->kind != N_NAME || strcmp(n->a->name, r->name)) return true;
    Out *o = r->L->o;
    Node **kids = ol_alloc(o, sizeof(Node *) * (r->caps->n + (size_t)n->nkids + 1));
    for (uint32_t i = 0; i < r->caps->n; i++) kids[i] = ol_name(o, r->caps->v[i], n);
    for (int i = 0; i < n->nkids; i++) kids[r->caps->n + (uint32_t)i] = n->kids[i];
    n->kids = kids;
    n->nkids += (int32_t)r->caps->n;
    n->a = ol_name(o, r->lifted, n->a);
    return true; /* its arguments may call it too */
}

/* f, an inner def of L->outer whose body calls it: a kernel of its own, the def statement s made a pass */
static void lift(Lift *L, Node *s) {
    Out *o = L->o;
    Node *f = s;
    bool calls, other;
    uses(f->kids, f->nkids, NULL, f->name, &calls, &other);
    if (!calls) return; /* not recursive: lowered at its calls, as every inner function */
    if (other) ol_fail(o, f, "inner function '%s' calls itself and is used as a value too: kiln makes a recursive inner "
                             "function a kernel of its own, which only calls reach", f->name);
    bool outer_calls, outer_other;
    uses(L->outer->kids, L->outer->nkids, s, f->name, &outer_calls, &outer_other);
    if (outer_other)
        ol_fail(o, f, "recursive inner function '%s' is used as a value (passed or stored): kiln makes it a kernel of its own, "
                      "which only calls reach", f->name);
    Node *nl = NULL;
    for (int i = 0; i < f->nkids && !nl; i++) ol_visit(f->kids[i], find_nonlocal, &nl);
    if (nl) ol_fail(o, nl, "'nonlocal' in a recursive inner function is not supported (kiln passes '%s' the enclosing "
                           "function's variables as arguments; return what changes instead)", f->name);
    /* its captures: what it reads that the kernel binds, but neither its parameters nor its own locals */
    Names own = {0}, rd = {0}, caps = {0};
    for (int k = 0; k < f->nnames; k++) ol_add(o, &own, f->names[k]);
    ol_fn_locals(o, f->kids, f->nkids, &own);
    Collect cr = {o, &rd}, cs = {o, &own};
    for (int i = 0; i < f->nkids; i++) { ol_visit(f->kids[i], read_name, &cr); ol_visit(f->kids[i], scoped_name, &cs); }
    for (uint32_t i = 0; i < rd.n; i++) {
        if (!ol_has(&L->outer_vars, rd.v[i]) || !strcmp(rd.v[i], f->name)) continue;
        if (ol_has(&own, rd.v[i])) continue; /* its own variable of that name */
        ol_add(o, &caps, rd.v[i]);
    }
    if (caps.n + (size_t)f->nnames > 64)
        ol_fail(o, f, "recursive inner function '%s' with %u captured variables and %d parameters: at most 64 in all", f->name,
                (unsigned)caps.n, f->nnames);
    char name[300];
    snprintf(name, sizeof name, "%s.<locals>.%s", L->outer->name, f->name);
    const char *lifted = ol_str(o, name);
    /* the kernel: the captures, then its parameters (with their defaults) */
    Node *k = ol_mk(o, S_DEF, f);
    k->name = lifted;
    k->nnames = (int32_t)caps.n + f->nnames;
    k->names = ol_alloc(o, sizeof(char *) * (size_t)(k->nnames ? k->nnames : 1));
    k->kids2 = ol_alloc(o, sizeof(Node *) * (size_t)(k->nnames ? k->nnames : 1));
    k->nkids2 = k->nnames;
    for (uint32_t i = 0; i < caps.n; i++) { k->names[i] = caps.v[i]; k->kids2[i] = NULL; }
    for (int i = 0; i < f->nnames; i++) {
        k->names[caps.n + (uint32_t)i] = f->names[i];
        k->kids2[caps.n + (uint32_t)i] = i < f->nkids2 ? f->kids2[i] : NULL;
    }
    k->kids = f->kids; k->nkids = f->nkids;
    k->op = f->op ? (uint8_t)(f->op + caps.n) : 0; /* *args and keyword-only parameters: after the captures */
    k->chain = f->chain ? (uint16_t)(f->chain + caps.n) : 0;
    Rewrite rw = {L, f->name, lifted, &caps};
    for (int i = 0; i < k->nkids; i++) ol_visit(k->kids[i], rewrite_call, &rw);
    for (int i = 0; i < L->outer->nkids; i++) if (L->outer->kids[i] != s) ol_visit(L->outer->kids[i], rewrite_call, &rw);
    PUSH(o, o->newdefs, k);
    s->kind = S_PASS; /* the def statement: nothing to bind now */
    s->kids = NULL; s->nkids = 0; s->kids2 = NULL; s->nkids2 = 0;
}

/* the inner defs of the kernel's body (in its blocks, not inside other defs) */
static void each_def(Lift *L, Node **v, int n) {
    for (int i = 0; i < n; i++) {
        Node *s = v[i];
        if (s->kind == S_DEF) { lift(L, s); continue; }
        if (s->kind == S_IF || s->kind == S_WHILE || s->kind == S_FOR || s->kind == S_TRY || s->kind == S_EXCEPT) {
            each_def(L, s->kids, s->nkids);
            each_def(L, s->kids2, s->nkids2);
        }
    }
}

void lf_lift(Arena *a, Ast *ast, Diag *d) {
    Out o;
    memset(&o, 0, sizeof o);
    o.a = a; o.d = d; o.ast = ast;
    int n = ast->ndefs;
    for (int i = 0; i < n; i++) {
        Lift L = {&o, ast->defs[i], {0}};
        ol_def_vars(&o, L.outer, &L.outer_vars);
        each_def(&L, L.outer->kids, L.outer->nkids);
    }
    ol_append_defs(&o);
}
