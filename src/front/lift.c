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

/* every child of n, in a fixed order */
static int children(Node *n, Node **out) {
    int k = 0;
    if (n->a) out[k++] = n->a;
    if (n->b) out[k++] = n->b;
    if (n->c) out[k++] = n->c;
    return k;
}

/* whether n (at any depth) calls name, or (use) names it other than as a callee */
static void uses(Node *n, const char *name, bool *calls, bool *other) {
    if (!n) return;
    if (n->kind == N_CALL && n->a && n->a->kind == N_NAME && !strcmp(n->a->name, name)) *calls = true;
    else if (n->kind == N_NAME && !strcmp(n->name, name)) *other = true;
    Node *c[3];
    int k = children(n, c);
    for (int i = 0; i < k; i++)
        if (!(n->kind == N_CALL && c[i] == n->a && n->a->kind == N_NAME && !strcmp(n->a->name, name))) uses(c[i], name, calls, other);
    for (int i = 0; i < n->nkids; i++) uses(n->kids[i], name, calls, other);
    for (int i = 0; i < n->nkids2; i++) uses(n->kids2[i], name, calls, other);
}

/* the names n reads (N_NAME anywhere below it), each once, in order */
static void reads(Out *o, Node *n, Names *out) {
    if (!n) return;
    if (n->kind == N_NAME) ol_add(o, out, n->name);
    Node *c[3];
    int k = children(n, c);
    for (int i = 0; i < k; i++) reads(o, c[i], out);
    for (int i = 0; i < n->nkids; i++) reads(o, n->kids[i], out);
    for (int i = 0; i < n->nkids2; i++) reads(o, n->kids2[i], out);
}

/* the names n's comprehensions, lambdas and inner defs bind for themselves (their own scopes: not captures) */
static void scoped(Out *o, Node *n, Names *out) {
    if (!n) return;
    if (n->kind == N_COMPFOR) {
        Names t = {0};
        reads(o, n->a, &t); /* the clause's target names */
        for (uint32_t i = 0; i < t.n; i++) ol_add(o, out, t.v[i]);
    }
    if (n->kind == N_LAMBDA || n->kind == S_DEF)
        for (int i = 0; i < n->nnames; i++) ol_add(o, out, n->names[i]);
    Node *c[3];
    int k = children(n, c);
    for (int i = 0; i < k; i++) scoped(o, c[i], out);
    for (int i = 0; i < n->nkids; i++) scoped(o, n->kids[i], out);
    for (int i = 0; i < n->nkids2; i++) scoped(o, n->kids2[i], out);
}

static Node *nonlocal_in(Node **v, int n) {
    for (int i = 0; i < n; i++) {
        Node *s = v[i];
        if (s->kind == S_NONLOCAL) return s;
        if (s->kind == S_DEF) continue; /* a def inside f: its own */
        Node *t = nonlocal_in(s->kids, s->nkids);
        if (!t) t = nonlocal_in(s->kids2, s->nkids2);
        if (t) return t;
    }
    return NULL;
}

/* every call name(args) below n made lifted(captures..., args) */
static void rewrite_calls(Lift *L, Node *n, const char *name, const char *lifted, const Names *caps) {
    if (!n) return;
    if (n->kind == N_CALL && n->a && n->a->kind == N_NAME && !strcmp(n->a->name, name)) {
        Node **kids = ol_alloc(L->o, sizeof(Node *) * (caps->n + (size_t)n->nkids + 1));
        for (uint32_t i = 0; i < caps->n; i++) kids[i] = ol_name(L->o, caps->v[i], n);
        for (int i = 0; i < n->nkids; i++) kids[caps->n + (uint32_t)i] = n->kids[i];
        n->kids = kids;
        n->nkids += (int32_t)caps->n;
        n->a = ol_name(L->o, lifted, n->a);
    }
    Node *c[3];
    int k = children(n, c);
    for (int i = 0; i < k; i++) rewrite_calls(L, c[i], name, lifted, caps);
    for (int i = 0; i < n->nkids; i++) rewrite_calls(L, n->kids[i], name, lifted, caps);
    for (int i = 0; i < n->nkids2; i++) rewrite_calls(L, n->kids2[i], name, lifted, caps);
}

/* f, an inner def of L->outer whose body calls it: a kernel of its own, the def statement s made a pass */
static void lift(Lift *L, Node *s) {
    Out *o = L->o;
    Node *f = s;
    bool calls = false, other = false;
    for (int i = 0; i < f->nkids; i++) uses(f->kids[i], f->name, &calls, &other);
    if (!calls) return; /* not recursive: lowered at its calls, as every inner function */
    if (other) ol_fail(o, f, "inner function '%s' calls itself and is used as a value too: kiln makes a recursive inner "
                             "function a kernel of its own, which only calls reach", f->name);
    bool outer_calls = false, outer_other = false;
    for (int i = 0; i < L->outer->nkids; i++) if (L->outer->kids[i] != s) uses(L->outer->kids[i], f->name, &outer_calls, &outer_other);
    if (outer_other)
        ol_fail(o, f, "recursive inner function '%s' is used as a value (passed or stored): kiln makes it a kernel of its own, "
                      "which only calls reach", f->name);
    Node *nl = nonlocal_in(f->kids, f->nkids);
    if (nl) ol_fail(o, nl, "'nonlocal' in a recursive inner function is not supported (kiln passes '%s' the enclosing "
                           "function's variables as arguments; return what changes instead)", f->name);
    /* its captures: what it reads that the kernel binds, but neither its parameters nor its own locals */
    Names own = {0}, rd = {0}, caps = {0};
    for (int k = 0; k < f->nnames; k++) ol_add(o, &own, f->names[k]);
    ol_fn_locals(o, f->kids, f->nkids, &own);
    for (int i = 0; i < f->nkids; i++) { reads(o, f->kids[i], &rd); scoped(o, f->kids[i], &own); }
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
    for (int i = 0; i < k->nkids; i++) rewrite_calls(L, k->kids[i], f->name, lifted, &caps);
    for (int i = 0; i < L->outer->nkids; i++) if (L->outer->kids[i] != s) rewrite_calls(L, L->outer->kids[i], f->name, lifted, &caps);
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
