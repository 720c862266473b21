/*
 * genexp.c — builtins that consume an iterable element by element: sum(),
 * all(), any(), min()/max() of one iterable and list() (so list
 * comprehensions too), over a generator expression
 * (`sum(a[i] * b[i] for i in range(n) if a[i] > 0)`), an array (its
 * elements), a range, zip/enumerate or a tuple.
 *
 * Each call is lowered as the loop CPython runs: the call is rewritten into
 * statements (for, if, assignment to hidden accumulators, break) that the
 * statement lowering compiles like any user loop, so every tier runs the
 * same IR and the answer is CPython's, in its order: sum adds left to right
 * from start (0), min/max keep the first extreme (`item > best` replaces),
 * all/any stop at the first decisive element. A generator's loop variables
 * are renamed to hidden ones, so, as in Python 3, they never touch the
 * function's variables of the same name. Each clause's loop takes its node
 * id from the parser's clause node (N_COMPFOR), which is stable across the
 * rounds of type inference: loop-carried types (an int start widening to a
 * float sum) settle as in a user loop.
 */
#include "infer.h"
#include <stdio.h>
#include <string.h>

enum { GX_SUM, GX_ALL, GX_ANY, GX_MIN, GX_MAX, GX_LIST, GX_DICT, GX_SET };

typedef struct Gx {
    Inf *I;
    Node *at;                 /* the call, for positions of the synthetic nodes */
    const char **from, **to;  /* renamed generator variables */
    int nren, capren;
    const char *shadow[64];   /* names an inner generator binds, while it is copied */
    int nshadow;
} Gx;

static Node *mk(Gx *g, int kind) {
    Node *n = arena_alloc(g->I->a, sizeof *n);
    if (!n) inf_oom(g->I);
    memset(n, 0, sizeof *n);
    n->kind = (uint8_t)kind; n->line = g->at->line; n->col = g->at->col; n->id = -1;
    return n;
}

static Node **list(Gx *g, int n) {
    Node **v = arena_alloc(g->I->a, sizeof(Node *) * (size_t)(n ? n : 1));
    if (!v) inf_oom(g->I);
    return v;
}

/* a hidden variable of this call: "$g<call id>.<what>", declared for the round */
static Node *hidden(Gx *g, const char *what, int id) {
    char fmt[64];
    snprintf(fmt, sizeof fmt, "$g%%d.%s", what);
    Node *at = mk(g, N_NAME);
    at->id = id;
    Node *n = st_hidden(g->I, fmt, at);
    n->line = g->at->line; n->col = g->at->col;
    return n;
}

static Node *name(Gx *g, Node *hid) {
    Node *n = mk(g, N_NAME);
    n->name = hid->name;
    return n;
}

static Node *assign(Gx *g, Node *target, Node *value) {
    Node *s = mk(g, S_ASSIGN);
    s->kids = list(g, 1); s->kids[0] = target; s->nkids = 1;
    s->a = value;
    return s;
}

static Node *binary(Gx *g, int op, Node *a, Node *b) {
    Node *n = mk(g, N_BINARY);
    n->op = (uint8_t)op; n->a = a; n->b = b;
    return n;
}

static Node *compare(Gx *g, int op, Node *a, Node *b) {
    Node *n = mk(g, N_COMPARE);
    n->a = a;
    n->kids2 = list(g, 1); n->kids2[0] = b; n->nkids2 = 1;
    n->ops = arena_alloc(g->I->a, 1);
    if (!n->ops) inf_oom(g->I);
    n->ops[0] = (uint8_t)op;
    return n;
}

static Node *if_(Gx *g, Node *test, Node **body, int n) {
    Node *s = mk(g, S_IF);
    s->a = test; s->kids = body; s->nkids = n;
    return s;
}

static Node **one(Gx *g, Node *s) {
    Node **v = list(g, 1);
    v[0] = s;
    return v;
}

static Node **two(Gx *g, Node *s, Node *t) {
    Node **v = list(g, 2);
    v[0] = s; v[1] = t;
    return v;
}

/* ---- renaming a generator's variables: a copy of the expression with them replaced ---- */

static void bind_names(Gx *g, Node *target, int id) {
    target = ast_unstar(target);
    if (target->kind == N_TUPLE) {
        for (int i = 0; i < target->nkids; i++) bind_names(g, target->kids[i], id);
        return;
    }
    if (target->kind != N_NAME) inf_fail(g->I, target, "a generator's loop target must be a name or a tuple of names");
    if (g->nren == g->capren) {
        int cap = g->capren ? 2 * g->capren : 8;
        const char **f = arena_realloc(g->I->a, g->from, sizeof(char *) * (size_t)g->capren, sizeof(char *) * (size_t)cap);
        const char **t = arena_realloc(g->I->a, g->to, sizeof(char *) * (size_t)g->capren, sizeof(char *) * (size_t)cap);
        if (!f || !t) inf_oom(g->I);
        g->from = f; g->to = t; g->capren = cap;
    }
    char what[128];
    snprintf(what, sizeof what, "%s", target->name);
    g->from[g->nren] = target->name;
    g->to[g->nren++] = hidden(g, what, id)->name;
}

static Node *rename_copy(Gx *g, Node *n);

static Node **rename_list(Gx *g, Node **v, int n) {
    if (!v) return NULL;
    Node **c = list(g, n);
    for (int i = 0; i < n; i++) c[i] = rename_copy(g, v[i]);
    return c;
}

/* the names an inner generator's or comprehension's clauses bind: inside it they are its own */
static bool shadowed(Gx *g, const char *name) {
    for (int i = 0; i < g->nshadow; i++) if (!strcmp(g->shadow[i], name)) return true;
    return false;
}

static void shadow_targets(Gx *g, Node *t) {
    t = ast_unstar(t);
    if (t->kind == N_TUPLE) { for (int i = 0; i < t->nkids; i++) shadow_targets(g, t->kids[i]); return; }
    if (t->kind != N_NAME) return;
    if (g->nshadow == (int)NELEM(g->shadow)) inf_fail(g->I, t, "generator expressions nested too deeply");
    g->shadow[g->nshadow++] = t->name;
}

static Node *rename_copy(Gx *g, Node *n) {
    if (!n) return NULL;
    Node *c = arena_alloc(g->I->a, sizeof *c);
    if (!c) inf_oom(g->I);
    *c = *n;
    if (n->kind == N_NAME) {
        if (shadowed(g, n->name)) return c;
        for (int i = g->nren - 1; i >= 0; i--) /* the innermost binding wins */
            if (!strcmp(g->from[i], n->name)) { c->name = g->to[i]; break; }
        return c;
    }
    if (n->kind == N_GENEXP || n->kind == N_LISTCOMP || n->kind == N_DICTCOMP || n->kind == N_SETCOMP) { /* an inner one: its variables stay its own */
        Node *first_iter = n->nkids ? rename_copy(g, n->kids[0]->b) : NULL; /* evaluated outside it, as in Python */
        int saved = g->nshadow;
        for (int k = 0; k < n->nkids; k++) shadow_targets(g, n->kids[k]->a);
        c->a = rename_copy(g, n->a);
        c->kids = rename_list(g, n->kids, n->nkids);
        if (n->nkids) c->kids[0]->b = first_iter;
        g->nshadow = saved;
        return c;
    }
    c->a = rename_copy(g, n->a); c->b = rename_copy(g, n->b); c->c = rename_copy(g, n->c);
    c->kids = rename_list(g, n->kids, n->nkids);
    c->kids2 = rename_list(g, n->kids2, n->nkids2);
    return c;
}

/* ---- the loops ---- */

/* the loop nest of clauses[k..n) around `inner`; done (NULL or a test): after an inner loop,
 * an outer one breaks when it holds (all/any decided) */
static Node *nest(Gx *g, Node **clauses, int k, int n, Node **inner, int ninner, Node *done) {
    Node *c = clauses[k];
    Node *iter = rename_copy(g, c->b); /* the iterable sees the outer clauses' variables only */
    bind_names(g, c->a, c->id);
    Node *target = rename_copy(g, c->a);
    Node **ifs = rename_list(g, c->kids, c->nkids); /* before inner clauses bind their names */
    Node **body;
    int nbody;
    if (k + 1 < n) {
        Node *loop = nest(g, clauses, k + 1, n, inner, ninner, done);
        if (done) { body = two(g, loop, if_(g, done, one(g, mk(g, S_BREAK)), 1)); nbody = 2; }
        else { body = one(g, loop); nbody = 1; }
    } else {
        body = inner; nbody = ninner;
    }
    for (int i = c->nkids - 1; i >= 0; i--) { /* for x in it if c1 if c2: nested ifs */
        body = one(g, if_(g, ifs[i], body, nbody));
        nbody = 1;
    }
    Node *s = mk(g, S_FOR);
    s->id = c->id;
    s->a = target; s->b = iter;
    s->kids = body; s->nkids = nbody;
    return s;
}

/* the clauses of what the call consumes: a generator's own, or one `for $e in it` */
static Node **clauses_of(Gx *g, Node *arg, int *n, Node **elt) {
    if (arg->kind == N_GENEXP) { *n = arg->nkids; *elt = arg->a; return arg->kids; }
    Node *c = mk(g, N_COMPFOR);
    c->id = g->at->id;
    Node *e = mk(g, N_NAME);
    e->name = "$e";
    c->a = e; c->b = arg;
    *n = 1; *elt = e;
    return one(g, c);
}

static const char *const names[] = {"sum", "all", "any", "min", "max", "list", "dict", "set"};

/* kind's call; iter: the iterable's node (the call's argument, or a hidden variable holding it) */
static Val consume(Inf *I, Node *call, int kind, Node *iter) {
    const char *nm = names[kind];
    Gx g = {I, call, NULL, NULL, 0, 0, {0}, 0};
    Node *start = NULL, *key = NULL;
    if (kind == GX_SUM) {
        static const char *const params[] = {"iterable", "start", NULL};
        Node *arg[2];
        cl_np_bind(I, call, nm, 0, params, 2, arg);
        if (!arg[0]) inf_fail(I, call, "sum() takes at least 1 positional argument (0 given)");
        start = arg[1];
    } else {
        for (int k = 0; k < call->nkids2; k++) {
            if ((kind == GX_MIN || kind == GX_MAX) && !strcmp(call->names[k], "key")) { key = call->kids2[k]; continue; }
            inf_fail(I, call->kids2[k], "%s() takes no keyword argument '%s' here", nm, call->names[k]);
        }
        if (key && key->kind == N_NONE) key = NULL;
        if (call->nkids != 1 && (kind == GX_LIST || kind == GX_SET))
            inf_fail(I, call, "%s expected at most 1 argument, got %d", nm, call->nkids);
        if (call->nkids != 1) inf_fail(I, call, "%s() takes exactly one argument (%d given)", nm, call->nkids);
    }
    int nclauses;
    Node *elt;
    Node **clauses = clauses_of(&g, iter ? iter : call->kids[0], &nclauses, &elt);
    /* the element is renamed once every clause has bound its names: build the nest first */
    Node *acc = hidden(&g, "acc", call->id), *count = NULL, *item = NULL;
    Node *prologue, **inner;
    int ninner;
    Node *done = NULL;
    Node *placeholder = mk(&g, S_PASS);
    /* sum() of arrays (np.roll(g, i) for i in ...), learned when a round met int 0 + an array: the total starts at
     * 0 + the first item (NumPy's result type for it), then adds the others */
    bool arrays = kind == GX_SUM && !start && inf_sum_of_arrays(I, acc) != NULL;
    if (arrays) {
        count = hidden(&g, "n", call->id);
        prologue = assign(&g, name(&g, count), mk(&g, N_INT));
        inner = one(&g, placeholder); ninner = 1;
    } else if (kind == GX_SUM) {
        Node *zero = mk(&g, N_INT);
        prologue = assign(&g, name(&g, acc), start ? start : zero);
        inner = one(&g, placeholder); ninner = 1;
    } else if (kind == GX_LIST || kind == GX_SET) { /* acc = [] (an empty set); ... acc.append(e) (add): it learns its type */
        prologue = assign(&g, name(&g, acc), mk(&g, kind == GX_SET ? N_SET : N_LIST));
        inner = one(&g, placeholder); ninner = 1;
    } else if (kind == GX_DICT) { /* acc = {}; ... acc[k] = v: the dict learns its types */
        prologue = assign(&g, name(&g, acc), mk(&g, N_DICT));
        inner = one(&g, placeholder); ninner = 1;
    } else if (kind == GX_ALL || kind == GX_ANY) {
        Node *init = mk(&g, N_BOOL);
        init->v.i = kind == GX_ALL;
        prologue = assign(&g, name(&g, acc), init);
        inner = one(&g, placeholder); ninner = 1;
        done = name(&g, acc); /* any: found one; all: found a false one (not acc) */
        if (kind == GX_ALL) { done = mk(&g, N_UNARY); done->op = TK_NOT; done->a = name(&g, acc); }
    } else {
        count = hidden(&g, "n", call->id);
        item = hidden(&g, "item", call->id);
        prologue = assign(&g, name(&g, count), mk(&g, N_INT));
        inner = one(&g, placeholder); ninner = 1;
    }
    Node *loop = nest(&g, clauses, 0, nclauses, inner, ninner, done);
    Node *e = rename_copy(&g, elt);
    /* the element's statements, in the innermost loop */
    if (arrays) { /* if n == 0: acc = 0 + e else: acc = acc + e; n = n + 1 */
        Node *zero = mk(&g, N_INT), *zero2 = mk(&g, N_INT), *one_ = mk(&g, N_INT);
        one_->v.i = 1;
        Node *first = if_(&g, compare(&g, TK_EQ, name(&g, count), zero), one(&g, assign(&g, name(&g, acc), binary(&g, TK_PLUS, zero2, e))), 1);
        first->kids2 = one(&g, assign(&g, name(&g, acc), binary(&g, TK_PLUS, name(&g, acc), rename_copy(&g, elt))));
        first->nkids2 = 1;
        Node *blk = mk(&g, S_IF), *yes = mk(&g, N_BOOL);
        yes->v.i = 1;
        blk->a = yes; blk->kids = two(&g, first, assign(&g, name(&g, count), binary(&g, TK_PLUS, name(&g, count), one_))); blk->nkids = 2;
        *placeholder = *blk;
    } else if (kind == GX_SUM) {
        *placeholder = *assign(&g, name(&g, acc), binary(&g, TK_PLUS, name(&g, acc), e));
    } else if (kind == GX_DICT) { /* e is the pair (k, v) the parser made */
        Node *sub = mk(&g, N_SUBSCR);
        sub->a = name(&g, acc); sub->kids = one(&g, e->kids[0]); sub->nkids = 1;
        *placeholder = *assign(&g, sub, e->kids[1]);
    } else if (kind == GX_LIST || kind == GX_SET) {
        Node *m = mk(&g, N_ATTR), *c = mk(&g, N_CALL);
        m->a = name(&g, acc); m->name = kind == GX_SET ? "add" : "append";
        c->a = m; c->kids = one(&g, e); c->nkids = 1;
        placeholder->kind = S_EXPR;
        placeholder->a = c;
    } else if (kind == GX_ALL || kind == GX_ANY) {
        Node *flip = mk(&g, N_BOOL);
        flip->v.i = kind == GX_ANY;
        Node *test = e;
        if (kind == GX_ALL) { test = mk(&g, N_UNARY); test->op = TK_NOT; test->a = e; }
        *placeholder = *if_(&g, test, two(&g, assign(&g, name(&g, acc), flip), mk(&g, S_BREAK)), 2);
    } else {
        /* item = e; if n == 0: acc = item; n = 1 elif item > acc: acc = item (CPython: the first extreme
         * stays); the first branch assigns acc before the second reads it */
        Node *zero = mk(&g, N_INT);
        Node *first = compare(&g, TK_EQ, name(&g, count), zero);
        Node *one_ = mk(&g, N_INT);
        one_->v.i = 1;
        /* with key=: the key of each item, once; the first item of the extreme key is kept */
        Node *ik = item, *ak = acc, *kstmt = NULL;
        if (key) {
            ik = hidden(&g, "ikey", call->id);
            ak = hidden(&g, "akey", call->id);
            Node *kc = mk(&g, N_CALL);
            kc->a = key; kc->kids = one(&g, name(&g, item)); kc->nkids = 1;
            Node *src = call->nkids ? call->kids[0] : iter; /* the iterable as written (iter: a hidden copy's name) */
            if (key->kind == N_ATTR && !strcmp(key->name, "get") && key->a->kind == N_NAME && src->kind == N_NAME &&
                !strcmp(src->name, key->a->name) && (ex_expr(I, src).ty->kind == T_DICT || ex_expr(I, src).ty->kind == T_UNKNOWN)) {
                /* max(d, key=d.get): each key is d's own, so get finds it: d[k] (get's Optional would not compare; a dict
                 * still learning its types is unknown in a first round) */
                kc->kind = N_SUBSCR; kc->a = key->a;
            }
            kstmt = assign(&g, name(&g, ik), kc);
        }
        Node *better = compare(&g, kind == GX_MAX ? TK_GT : TK_LT, name(&g, ik), name(&g, ak));
        Node *take_first = assign(&g, name(&g, acc), name(&g, item)), *take_better = assign(&g, name(&g, acc), name(&g, item));
        Node **first_body = two(&g, take_first, assign(&g, name(&g, count), one_)), **better_body = one(&g, take_better);
        int nfirst = 2, nbetter = 1;
        if (key) {
            Node **f3 = list(&g, 3), **b2 = list(&g, 2);
            f3[0] = take_first; f3[1] = assign(&g, name(&g, ak), name(&g, ik)); f3[2] = first_body[1];
            b2[0] = take_better; b2[1] = assign(&g, name(&g, ak), name(&g, ik));
            first_body = f3; nfirst = 3; better_body = b2; nbetter = 2;
        }
        Node *take = if_(&g, first, first_body, nfirst);
        take->kids2 = one(&g, if_(&g, better, better_body, nbetter));
        take->nkids2 = 1;
        Node *blk = mk(&g, S_IF); /* a block of statements where the placeholder stood */
        Node *yes = mk(&g, N_BOOL);
        yes->v.i = 1;
        Node **stmts = list(&g, 3);
        int ns = 0;
        stmts[ns++] = assign(&g, name(&g, item), e);
        if (kstmt) stmts[ns++] = kstmt;
        stmts[ns++] = take;
        blk->a = yes; blk->kids = stmts; blk->nkids = ns;
        *placeholder = *blk;
    }
    Node *stmts[3] = {prologue, loop, NULL};
    int ns = 2;
    if (kind == GX_MIN || kind == GX_MAX || arrays) { /* empty: CPython's ValueError (sum of arrays: kiln's) */
        char msg[128];
        if (arrays) snprintf(msg, sizeof msg, "sum() of no arrays: Python gives the int 0 here, which kiln does not mix with arrays");
        else snprintf(msg, sizeof msg, "%s() arg is an empty sequence", nm);
        Node *raise = mk(&g, S_RAISE);
        Node *exc = mk(&g, N_CALL), *cls = mk(&g, N_NAME), *text = mk(&g, N_STR);
        cls->name = "ValueError";
        text->name = arena_strndup(I->a, msg, strlen(msg));
        exc->a = cls; exc->kids = one(&g, text); exc->nkids = 1;
        raise->a = exc;
        stmts[ns++] = if_(&g, compare(&g, TK_EQ, name(&g, count), mk(&g, N_INT)), one(&g, raise), 1);
    }
    if (arrays) { /* the total holds an (empty) array of its type from the start: read on every path, it is always set */
        const Type *t = inf_sum_of_arrays(I, acc);
        Ref dims[KILN_MAXDIM];
        for (int k = 0; k < t->ndim; k++) dims[k] = inf_k64(I, 0);
        inf_assign(I, acc, val_of(I, inf_emit(I, OP_ALLOC, ty_array(I->tt, t->dtype, t->ndim, LAYOUT_C), dims, (uint32_t)t->ndim, 0)));
    }
    st_body(I, stmts, ns);
    if (I->cur == NOBLOCK) inf_fail(I, call, "%s() never returns here", nm);
    return inf_read_name(I, name(&g, acc));
}

Val gx_call(Inf *I, Node *call, const char *name_) {
    for (int k = 0; k < (int)NELEM(names); k++)
        if (!strcmp(names[k], name_)) return consume(I, call, k, NULL);
    inf_fail(I, call, "%s() of an iterable is not supported", name_);
}

/* body's statements with each break that leaves the loop they are the body of (not an inner loop's, but one in
 * an inner loop's else clause) preceded by `flag = True`; copies where something changed */
static Node **flag_breaks(Gx *g, Node **v, int n, Node *flag, int *nout) {
    int cap = n + 1, k = 0;
    Node **out = list(g, cap);
    for (int i = 0; i < n; i++) {
        Node *s = v[i];
        if (s->kind == S_BREAK) {
            Node *yes = mk(g, N_BOOL);
            yes->v.i = 1;
            out = arena_realloc(g->I->a, out, sizeof(Node *) * (size_t)cap, sizeof(Node *) * (size_t)(cap + 1));
            if (!out) inf_oom(g->I);
            cap++;
            out[k++] = assign(g, name(g, flag), yes);
            out[k++] = s;
            continue;
        }
        Node *c = s;
        bool body = s->kind == S_IF || s->kind == S_TRY || s->kind == S_EXCEPT; /* their bodies are this loop's */
        bool orelse = body || s->kind == S_FOR || s->kind == S_WHILE;     /* an inner loop's else clause too */
        if (orelse) {
            c = mk(g, S_PASS);
            *c = *s;
            if (body) c->kids = flag_breaks(g, s->kids, s->nkids, flag, &c->nkids);
            c->kids2 = flag_breaks(g, s->kids2, s->nkids2, flag, &c->nkids2);
        }
        out[k++] = c;
    }
    *nout = k;
    return out;
}

/* for target in (e for ... in ... if ...): body [else: orelse] as the loops the generator runs, the target assigned
 * e in the innermost one and the body after it (a continue takes the next item). A break leaves every loop of the
 * nest: it sets a hidden flag that each outer loop tests after its inner one, and the else clause runs where the
 * flag is unset. The generator's own variables are hidden ones, as in consume() */
void gx_for(Inf *I, Node *s) {
    Node *gen = s->b;
    Gx g = {I, s, NULL, NULL, 0, 0, {0}, 0};
    Node *flag = hidden(&g, "brk", s->id);
    Node *no = mk(&g, N_BOOL);
    Node *prologue = assign(&g, name(&g, flag), no);
    int nbody;
    Node **body = flag_breaks(&g, s->kids, s->nkids, flag, &nbody);
    Node **inner = list(&g, nbody + 1);
    Node *placeholder = mk(&g, S_PASS);
    inner[0] = placeholder;
    memcpy(inner + 1, body, sizeof(Node *) * (size_t)nbody);
    Node *loop = nest(&g, gen->kids, 0, gen->nkids, inner, nbody + 1, name(&g, flag));
    *placeholder = *assign(&g, s->a, rename_copy(&g, gen->a)); /* after the nest: every clause has bound its names */
    Node *stmts[3] = {prologue, loop, NULL};
    int ns = 2;
    if (s->nkids2) {
        Node *unset = mk(&g, N_UNARY);
        unset->op = TK_NOT; unset->a = name(&g, flag);
        stmts[ns++] = if_(&g, unset, s->kids2, s->nkids2);
    }
    st_body(I, stmts, ns);
}

/* next(g) and next(g, default) of a generator expression g (map and filter are ones): the def
 *     def next($d):            # its default, if any, evaluated first as an argument is
 *         for $nx in g:
 *             return $nx
 *         return $d            # none: raise StopIteration
 * lowered at the call (closure.c), so a default of None makes the result an Optional as such a def's would be */
Val gx_next(Inf *I, Node *call) {
    if (call->nkids2) inf_fail(I, call, "next() takes no keyword arguments");
    if (call->nkids < 1 || call->nkids > 2) inf_fail(I, call, "next expected 1 or 2 arguments, got %d", call->nkids);
    Node *gen = call->kids[0];
    if (gen->kind != N_GENEXP)
        inf_fail(I, gen, "next() takes a generator expression here (or map() or filter(); kiln has no iterator objects)");
    Gx g = {I, call, NULL, NULL, 0, 0, {0}, 0};
    bool dflt = call->nkids == 2;
    Node *x = mk(&g, N_NAME), *loop = mk(&g, S_FOR), *ret = mk(&g, S_RETURN), *last, *def = mk(&g, S_DEF);
    x->name = "$nx";
    ret->a = name(&g, x);
    loop->id = call->id; /* the loop's own: hidden names and type hints are keyed by it */
    loop->a = x; loop->b = gen; loop->kids = one(&g, ret); loop->nkids = 1;
    if (dflt) {
        Node *d = mk(&g, N_NAME);
        d->name = "$d";
        last = mk(&g, S_RETURN);
        last->a = d;
        def->names = arena_alloc(I->a, sizeof(char *));
        def->kids2 = list(&g, 1);
        if (!def->names) inf_oom(I);
        def->names[0] = "$d"; def->nnames = 1; def->kids2[0] = NULL; def->nkids2 = 1;
    } else {
        Node *cls = mk(&g, N_NAME);
        cls->name = "StopIteration";
        last = mk(&g, S_RAISE);
        last->a = cls;
    }
    def->name = "next";
    def->kids = two(&g, loop, last); def->nkids = 2;
    Node c = *call;
    c.kids = dflt ? call->kids + 1 : NULL;
    c.nkids = dflt ? 1 : 0;
    return nf_inline(I, &c, def);
}

/* a comprehension as the call of kind its generator expression would be */
static Val comprehension(Inf *I, Node *comp, int kind) {
    Node gen = *comp, call = {0};
    gen.kind = N_GENEXP;
    Node *arg = &gen;
    call.kind = N_CALL; call.line = comp->line; call.col = comp->col; call.id = comp->id;
    call.kids = &arg; call.nkids = 1;
    return consume(I, &call, kind, NULL);
}

/* [e for ... in ... if ...]: list(e for ...) */
Val gx_listcomp(Inf *I, Node *comp) { return comprehension(I, comp, GX_LIST); }

/* {k: v for ...}: the dict a loop fills */
Val gx_dictcomp(Inf *I, Node *comp) { return comprehension(I, comp, GX_DICT); }

/* {e for ...}: the set a loop fills, adding in turn */
Val gx_setcomp(Inf *I, Node *comp) { return comprehension(I, comp, GX_SET); }

/* set(it) of an iterable that is not a set: a new set, its items added in turn (it: a generator expression, a call
 * that iterates, or NULL with v the value to walk) */
Val gx_set_of(Inf *I, Node *call, Node *it, const Val *v) {
    if (it) {
        Node *arg = it, c = *call;
        c.kids = &arg; c.nkids = 1; c.nkids2 = 0;
        return consume(I, &c, GX_SET, NULL);
    }
    return gx_call_value(I, call, "set", *v);
}

/* for e in it: target.method(e) — target a name (an empty set bound to it learns its type) or NULL with *tv the set
 * (put in a hidden variable); with keep, only the e in *keep are added (an intersection's walk of an iterable).
 * it: the iterable's node (a generator expression or a call that iterates) or NULL with *iv its value. at: the
 * argument, whose id names the hidden variables and the loop */
void gx_set_fill(Inf *I, Node *at, Node *target, const Val *tv, Node *it, const Val *iv, const char *method, const Val *keep) {
    Gx g = {I, at, NULL, NULL, 0, 0, {0}, 0};
    if (!target) {
        target = hidden(&g, "set", at->id);
        inf_assign(I, target, *tv);
    }
    if (!it) {
        Node *var = hidden(&g, "it", at->id);
        inf_assign(I, var, *iv);
        it = name(&g, var);
    }
    Node *cv = NULL;
    if (keep) {
        cv = hidden(&g, "keep", at->id);
        inf_assign(I, cv, *keep);
    }
    int nclauses;
    Node *elt;
    Node **clauses = clauses_of(&g, it, &nclauses, &elt);
    Node *placeholder = mk(&g, S_PASS);
    Node *loop = nest(&g, clauses, 0, nclauses, one(&g, placeholder), 1, NULL);
    Node *e = rename_copy(&g, elt);
    Node *item = hidden(&g, "item", at->id), *m = mk(&g, N_ATTR), *c = mk(&g, N_CALL);
    Node *t = mk(&g, N_NAME);
    t->name = target->name;
    m->a = t; m->name = method;
    c->a = m; c->kids = one(&g, name(&g, item)); c->nkids = 1;
    Node *call = mk(&g, S_EXPR);
    call->a = c;
    Node *then = keep ? if_(&g, compare(&g, TK_IN, name(&g, item), name(&g, cv)), one(&g, call), 1) : call;
    Node *blk = mk(&g, S_IF), *yes = mk(&g, N_BOOL);
    yes->v.i = 1;
    blk->a = yes; blk->kids = two(&g, assign(&g, name(&g, item), e), then); blk->nkids = 2;
    *placeholder = *blk;
    st_body(I, &loop, 1);
}

/* min/max of one iterable already evaluated (an array): iterated through a hidden variable */
Val gx_call_value(Inf *I, Node *call, const char *name_, Val v) {
    Gx g = {I, call, NULL, NULL, 0, 0, {0}, 0};
    Node *var = hidden(&g, "it", call->id);
    inf_assign(I, var, v);
    for (int k = 0; k < (int)NELEM(names); k++)
        if (!strcmp(names[k], name_)) return consume(I, call, k, name(&g, var));
    inf_fail(I, call, "%s() of an iterable is not supported", name_);
}
