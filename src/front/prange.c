/*
 * prange.c — parallel loops: each `for i in prange(...)` of a kernel becomes a
 * call of a kernel of its own (outlining), decided on the syntax tree alone.
 *
 * Python's scoping is syntactic, so which names a loop body reads from the
 * function around it (captures), which it keeps to one iteration (privates:
 * assigned before they are read) and which carry a value from one iteration
 * to the next is all visible here, before any type is known. A carried name
 * is allowed only as a reduction — every assignment of it has the form
 * `s op= e`, `s = s op e` or `s = min(s, e)` with one operator class and s is
 * read nowhere else — and anything else that would make iterations depend on
 * each other is refused with the line that does it (docs/parallel.md lists
 * the rules). An array the body writes must be written at an index that
 * depends on the loop variable and read only at that same index.
 *
 * The loop is replaced by S_PFOR and its body moves into a new S_DEF named
 * `f$prange<line>_<col>` (a '$' no Python name has: users cannot call it):
 *
 *     def f$prange12_5($lo, $hi, $start, $step, captures..., reductions...):
 *         s = $red_init(s, op)             # the operator's identity, of s's type
 *         for $k in range($lo, $hi):
 *             i = $start + $k * $step      # (i ranges directly when the step is 1)
 *             body
 *         return s                         # a tuple for several, nothing for none
 *
 * Lowering (lower/stmt.c) calls it for chunks of the iteration space and
 * combines the partial results in a fixed order (back/par.c), so the answer
 * never depends on the number of threads. A prange inside the body (nested)
 * or in a nested function runs as range (lowering reads prange as range there). Whole-array statements
 * for parallel=True are outlined the same way (arraystmt.c; the shared helpers: outline.h).
 */
#include "prange.h"
#include "outline.h"
#include "lex.h"
#include <stdio.h>
#include <string.h>

typedef struct Red { const char *name; int op; Node *at; int stmts; } Red;

/* what one loop body does with names */
typedef struct Body {
    const char *var;    /* the loop variable */
    Names assigned;     /* every name the body assigns (targets, inner loop variables) */
    Nodes assign_at;    /* and where, one entry per assignment */
    Nodes reads;        /* every name read (N_NAME nodes), except a reduction's own operand */
    VEC(Red) reds;      /* reduction-shaped statements, one entry per name */
    Nodes stores;       /* subscript targets (a[i] = ..., a[i] += ...) */
    Nodes loads;        /* subscripts read */
    Nodes whole;        /* names used as a whole value (f(a), a.sum()), not a[...] or len(a) */
} Body;

/* ---- recognizing prange ---- */

/* prange(...), numba.prange(...), kiln.prange(...) (numba and kiln imports bind nothing) */
bool pr_is_prange_call(const Node *n) {
    if (!n || n->kind != N_CALL || !n->a) return false;
    if (n->a->kind == N_NAME) return !strcmp(n->a->name, "prange");
    return n->a->kind == N_ATTR && !strcmp(n->a->name, "prange") && n->a->a && n->a->a->kind == N_NAME;
}

/* ---- what a body reads and writes ---- */

static void reads_in(Out *o, Body *b, Node *e, const Names *bound);

/* names a comprehension or a lambda binds for its own body */
static void comp_bound(Out *o, Node *e, Names *bound) {
    if (!e) return;
    if (e->kind == N_NAME) { PUSH(o, *bound, e->name); return; }
    if (e->kind == N_TUPLE || e->kind == N_LIST)
        for (int i = 0; i < e->nkids; i++) comp_bound(o, e->kids[i], bound);
}

static bool whole_use_ok(const Node *parent, const Node *n) {
    if (!parent) return false;
    if (parent->kind == N_SUBSCR && parent->a == n) return true;                    /* a[...] */
    if (parent->kind == N_ATTR && parent->a == n)                                   /* a.shape */
        return !strcmp(parent->name, "shape") || !strcmp(parent->name, "size") || !strcmp(parent->name, "ndim") ||
               !strcmp(parent->name, "dtype");
    return parent->kind == N_CALL && parent->nkids == 1 && parent->kids[0] == n && parent->a->kind == N_NAME &&
           !strcmp(parent->a->name, "len");                                        /* len(a) */
}

static void reads_at(Out *o, Body *b, Node *e, const Names *bound, Node *parent);

static void reads_in(Out *o, Body *b, Node *e, const Names *bound) { reads_at(o, b, e, bound, NULL); }

static void reads_kids(Out *o, Body *b, Node *e, const Names *bound) {
    if (e->a) reads_at(o, b, e->a, bound, e);
    if (e->b) reads_at(o, b, e->b, bound, e);
    if (e->c) reads_at(o, b, e->c, bound, e);
    for (int i = 0; i < e->nkids; i++) if (e->kids[i]) reads_at(o, b, e->kids[i], bound, e);
    for (int i = 0; i < e->nkids2; i++) if (e->kids2[i]) reads_at(o, b, e->kids2[i], bound, e);
}

/* a draw from Python's or NumPy's random stream: random.random(), np.random.rand(), a name imported from
 * either module */
static bool random_call(const Ast *ast, const Node *call) {
    const Node *f = call->a;
    if (f->kind == N_NAME) {
        const char *t = ast_binding(ast, f->name);
        return ol_starts(t, "random.") || ol_starts(t, "numpy.random.");
    }
    if (f->kind != N_ATTR) return false;
    const Node *m = f->a;
    if (m->kind == N_NAME) {
        const char *t = ast_binding(ast, m->name);
        return t && (!strcmp(t, "random") || !strcmp(t, "numpy.random"));
    }
    return m->kind == N_ATTR && !strcmp(m->name, "random") && m->a->kind == N_NAME &&
           ((ast->np_alias && !strcmp(m->a->name, ast->np_alias)) || !strcmp(m->a->name, "np") || !strcmp(m->a->name, "numpy"));
}

static void reads_at(Out *o, Body *b, Node *e, const Names *bound, Node *parent) {
    if (!e) return;
    switch (e->kind) {
    case N_NAMEDEXPR: /* an assignment this loop's checks would not see */
        ol_fail(o, e, "an assignment expression (':=') in a prange loop is not supported (assign in a statement)");
    case N_NAME:
        if (bound && ol_has(bound, e->name)) return;
        PUSH(o, b->reads, e);
        if (!whole_use_ok(parent, e)) PUSH(o, b->whole, e);
        return;
    case N_SUBSCR:
        PUSH(o, b->loads, e);
        reads_kids(o, b, e, bound);
        return;
    case N_CALL:
        if (e->a->kind == N_NAME && !strcmp(e->a->name, "print") && !(bound && ol_has(bound, "print")))
            ol_fail(o, e, "print() inside a prange loop: the order of its output would depend on the schedule");
        if (random_call(o->ast, e))
            ol_fail(o, e, "a random draw inside a prange loop: the generator's state carries from one iteration to the "
                 "next, so the numbers would depend on the schedule (draw them before the loop, into an array)");
        reads_kids(o, b, e, bound);
        return;
    case N_LAMBDA: case N_GENEXP: case N_LISTCOMP: case N_DICTCOMP: case N_SETCOMP: {
        Names inner = {0};
        if (bound) for (uint32_t i = 0; i < bound->n; i++) PUSH(o, inner, bound->v[i]);
        if (e->kind == N_LAMBDA) for (int i = 0; i < e->nnames; i++) PUSH(o, inner, e->names[i]);
        else for (int i = 0; i < e->nkids; i++) if (e->kids[i]->kind == N_COMPFOR) comp_bound(o, e->kids[i]->a, &inner);
        reads_kids(o, b, e, &inner);
        return;
    }
    default:
        reads_kids(o, b, e, bound);
    }
}

/* ---- assignments and the reduction statements ---- */

static void note_assign(Out *o, Body *b, const char *name, Node *at) {
    PUSH(o, b->assigned, name);
    PUSH(o, b->assign_at, at);
}

static void targets(Out *o, Body *b, Node *t, Node *stmt) {
    t = ast_unstar(t);
    if (t->kind == N_NAME) { note_assign(o, b, t->name, stmt); return; }
    if (t->kind == N_TUPLE || t->kind == N_LIST) { for (int i = 0; i < t->nkids; i++) targets(o, b, t->kids[i], stmt); return; }
    if (t->kind == N_SUBSCR) { PUSH(o, b->stores, t); reads_kids(o, b, t, NULL); return; }
    reads_in(o, b, t, NULL);
}

static int red_class(int op) { return op == TK_MINUS ? TK_PLUS : op; }

static bool red_op(int op) {
    return op == TK_PLUS || op == TK_MINUS || op == TK_STAR || op == TK_AMP || op == TK_PIPE || op == TK_CARET;
}

static bool is_name(const Node *n, const char *name) { return n && n->kind == N_NAME && !strcmp(n->name, name); }

/* s op= e, s = s op e, s = e op s (op commutative), s = min(s, e) / max: the operator (TK_LT for min,
 * TK_GT for max), the other operand in *e; -1 if the statement is not one */
static int red_form(const Node *s, const char **name, Node **e) {
    if (s->kind == S_AUGASSIGN && s->a->kind == N_NAME && red_op(s->op)) { *name = s->a->name; *e = s->b; return s->op; }
    if (s->kind != S_ASSIGN || s->nkids != 1 || s->kids[0]->kind != N_NAME) return -1;
    const char *t = s->kids[0]->name;
    Node *v = s->a;
    *name = t;
    if (v->kind == N_BINARY && red_op(v->op)) {
        if (is_name(v->a, t)) { *e = v->b; return v->op; }
        if (is_name(v->b, t) && v->op != TK_MINUS) { *e = v->a; return v->op; }
    }
    if (v->kind == N_CALL && v->a->kind == N_NAME && v->nkids == 2 && !v->nkids2 &&
        (!strcmp(v->a->name, "min") || !strcmp(v->a->name, "max"))) {
        int op = !strcmp(v->a->name, "min") ? TK_LT : TK_GT;
        if (is_name(v->kids[0], t)) { *e = v->kids[1]; return op; }
        if (is_name(v->kids[1], t)) { *e = v->kids[0]; return op; }
    }
    return -1;
}

static Red *red_find(Body *b, const char *name) {
    for (uint32_t i = 0; i < b->reds.n; i++) if (!strcmp(b->reds.v[i].name, name)) return &b->reds.v[i];
    return NULL;
}

static void stmts(Out *o, Body *b, Node **v, int n, int loops);

static void stmt(Out *o, Body *b, Node *s, int loops) {
    const char *rn;
    Node *re;
    int op = red_form(s, &rn, &re);
    if (op >= 0) {
        reads_in(o, b, re, NULL);
        note_assign(o, b, rn, s);
        Red *r = red_find(b, rn);
        if (!r) { Red nr = {rn, op, s, 0}; PUSH(o, b->reds, nr); r = &b->reds.v[b->reds.n - 1]; }
        else if (red_class(r->op) != red_class(op))
            ol_fail(o, s, "'%s' is combined with two different operators in the prange loop (lines %d and %d): a reduction "
                 "uses one", rn, r->at->line, s->line);
        r->stmts++;
        return;
    }
    switch (s->kind) {
    case S_EXPR: reads_in(o, b, s->a, NULL); return;
    case S_ASSIGN:
        reads_in(o, b, s->a, NULL);
        for (int i = 0; i < s->nkids; i++) targets(o, b, s->kids[i], s);
        return;
    case S_AUGASSIGN:
        reads_in(o, b, s->b, NULL);
        reads_in(o, b, s->a, NULL); /* x op= e reads x */
        targets(o, b, s->a, s);
        return;
    case S_IF: reads_in(o, b, s->a, NULL); stmts(o, b, s->kids, s->nkids, loops); stmts(o, b, s->kids2, s->nkids2, loops); return;
    case S_WHILE: reads_in(o, b, s->a, NULL); stmts(o, b, s->kids, s->nkids, loops + 1); stmts(o, b, s->kids2, s->nkids2, loops); return;
    case S_FOR:
        reads_in(o, b, s->b, NULL);
        targets(o, b, s->a, s);
        stmts(o, b, s->kids, s->nkids, loops + 1);
        stmts(o, b, s->kids2, s->nkids2, loops);
        return;
    case S_BREAK:
        if (!loops) ol_fail(o, s, "'break' in a prange loop: every iteration runs (use a while loop to stop early)");
        return;
    case S_CONTINUE: case S_PASS: return;
    case S_RETURN: ol_fail(o, s, "'return' in a prange loop: every iteration runs; compute a result and return after the loop");
    case S_YIELD: ol_fail(o, s, "'yield' in a prange loop is not supported");
    case S_DEF: ol_fail(o, s, "a function defined inside a prange loop is not supported (define it before the loop)");
    case S_DEL: ol_fail(o, s, "'del' in a prange loop is not supported");
    case S_ASSERT: reads_in(o, b, s->a, NULL); if (s->b) reads_in(o, b, s->b, NULL); return;
    case S_RAISE: reads_in(o, b, s->a, NULL); return;
    case S_TRY: ol_fail(o, s, "a try statement in a prange loop is not supported (put the loop inside the try)");
    default: ol_fail(o, s, "this statement is not supported in a prange loop");
    }
}

static void stmts(Out *o, Body *b, Node **v, int n, int loops) {
    for (int i = 0; i < n; i++) stmt(o, b, v[i], loops);
}

/* ---- the checks ---- */

static int count_in(const Names *s, const char *name) {
    int k = 0;
    for (uint32_t i = 0; i < s->n; i++) k += !strcmp(s->v[i], name);
    return k;
}

static Node *first_read(const Body *b, const char *name) {
    for (uint32_t i = 0; i < b->reads.n; i++) if (!strcmp(b->reads.v[i]->name, name)) return b->reads.v[i];
    return NULL;
}

/* a reduction: every assignment of the name is one of its reduction statements and it is read nowhere else */
static bool is_reduction(const Body *b, const Red *r) {
    return count_in(&b->assigned, r->name) == r->stmts && !first_read(b, r->name);
}

/* definite assignment in statement order: a private name read before this iteration assigned it carries a
 * value from an earlier iteration */
static void def_check_expr(Out *o, const Body *b, const Names *priv, const Names *def, Node *e, const Names *bound);

static void def_check_kids(Out *o, const Body *b, const Names *priv, const Names *def, Node *e, const Names *bound) {
    Node *k[3] = {e->a, e->b, e->c};
    for (int i = 0; i < 3; i++) if (k[i]) def_check_expr(o, b, priv, def, k[i], bound);
    for (int i = 0; i < e->nkids; i++) if (e->kids[i]) def_check_expr(o, b, priv, def, e->kids[i], bound);
    for (int i = 0; i < e->nkids2; i++) if (e->kids2[i]) def_check_expr(o, b, priv, def, e->kids2[i], bound);
}

static void def_check_expr(Out *o, const Body *b, const Names *priv, const Names *def, Node *e, const Names *bound) {
    if (e->kind == N_NAME) {
        if (bound && ol_has(bound, e->name)) return;
        if (ol_has(priv, e->name) && !ol_has(def, e->name))
            ol_fail(o, e, "'%s' is read before this iteration of the prange loop assigns it: a value carried from one "
                 "iteration to the next is allowed only as a reduction (s += ..., s = min(s, ...))", e->name);
        return;
    }
    if (e->kind == N_LAMBDA || e->kind == N_GENEXP || e->kind == N_LISTCOMP || e->kind == N_DICTCOMP || e->kind == N_SETCOMP) {
        Names inner = {0};
        if (bound) for (uint32_t i = 0; i < bound->n; i++) PUSH(o, inner, bound->v[i]);
        if (e->kind == N_LAMBDA) for (int i = 0; i < e->nnames; i++) PUSH(o, inner, e->names[i]);
        else for (int i = 0; i < e->nkids; i++) if (e->kids[i]->kind == N_COMPFOR) comp_bound(o, e->kids[i]->a, &inner);
        def_check_kids(o, b, priv, def, e, &inner);
        return;
    }
    def_check_kids(o, b, priv, def, e, bound);
}

static void def_targets(Out *o, Names *def, Node *t) {
    t = ast_unstar(t);
    if (t->kind == N_NAME) ol_add(o, def, t->name);
    else if (t->kind == N_TUPLE || t->kind == N_LIST) for (int i = 0; i < t->nkids; i++) def_targets(o, def, t->kids[i]);
}

static void def_stmts(Out *o, const Body *b, const Names *priv, Names *def, Node **v, int n);

static void copy_names(Out *o, Names *to, const Names *from) {
    to->n = 0;
    for (uint32_t i = 0; i < from->n; i++) PUSH(o, *to, from->v[i]);
}

static void def_stmt(Out *o, const Body *b, const Names *priv, Names *def, Node *s) {
    const char *rn;
    Node *re;
    if (red_form(s, &rn, &re) >= 0 && red_find((Body *)b, rn) && is_reduction(b, red_find((Body *)b, rn))) {
        def_check_expr(o, b, priv, def, re, NULL);
        return;
    }
    switch (s->kind) {
    case S_EXPR: case S_RAISE: def_check_expr(o, b, priv, def, s->a, NULL); return;
    case S_ASSERT: def_check_expr(o, b, priv, def, s->a, NULL); if (s->b) def_check_expr(o, b, priv, def, s->b, NULL); return;
    case S_ASSIGN:
        def_check_expr(o, b, priv, def, s->a, NULL);
        for (int i = 0; i < s->nkids; i++) {
            if (s->kids[i]->kind == N_SUBSCR) def_check_expr(o, b, priv, def, s->kids[i], NULL);
            def_targets(o, def, s->kids[i]);
        }
        return;
    case S_AUGASSIGN:
        def_check_expr(o, b, priv, def, s->b, NULL);
        def_check_expr(o, b, priv, def, s->a, NULL);
        return;
    case S_IF: {
        def_check_expr(o, b, priv, def, s->a, NULL);
        Names t = {0}, e = {0};
        copy_names(o, &t, def); copy_names(o, &e, def);
        def_stmts(o, b, priv, &t, s->kids, s->nkids);
        def_stmts(o, b, priv, &e, s->kids2, s->nkids2);
        for (uint32_t i = 0; i < t.n; i++) if (ol_has(&e, t.v[i])) ol_add(o, def, t.v[i]);
        return;
    }
    case S_WHILE: case S_FOR: {
        def_check_expr(o, b, priv, def, s->kind == S_WHILE ? s->a : s->b, NULL);
        Names in = {0};
        copy_names(o, &in, def);
        if (s->kind == S_FOR) def_targets(o, &in, s->a);
        def_stmts(o, b, priv, &in, s->kids, s->nkids);
        Names els = {0};
        copy_names(o, &els, def);
        def_stmts(o, b, priv, &els, s->kids2, s->nkids2);
        return;
    }
    default: return;
    }
}

static void def_stmts(Out *o, const Body *b, const Names *priv, Names *def, Node **v, int n) {
    for (int i = 0; i < n; i++) def_stmt(o, b, priv, def, v[i]);
}

/* structural equality of two expressions (index lists) */
static bool same_expr(const Node *x, const Node *y) {
    if (!x || !y) return x == y;
    if (x->kind != y->kind || x->op != y->op || x->nkids != y->nkids || x->nkids2 != y->nkids2) return false;
    if ((x->name || y->name) && (!x->name || !y->name || strcmp(x->name, y->name))) return false;
    if ((x->kind == N_INT || x->kind == N_BOOL) && x->v.i != y->v.i) return false;
    if ((x->kind == N_FLOAT || x->kind == N_IMAG) && x->v.f != y->v.f) return false;
    if (!same_expr(x->a, y->a) || !same_expr(x->b, y->b) || !same_expr(x->c, y->c)) return false;
    for (int i = 0; i < x->nkids; i++) if (!same_expr(x->kids[i], y->kids[i])) return false;
    for (int i = 0; i < x->nkids2; i++) if (!same_expr(x->kids2[i], y->kids2[i])) return false;
    return true;
}

static bool same_index(const Node *x, const Node *y) {
    if (x->nkids != y->nkids) return false;
    for (int i = 0; i < x->nkids; i++) if (!same_expr(x->kids[i], y->kids[i])) return false;
    return true;
}

/* the array a subscript chain starts from: a in a[i][j] */
static Node *root_of(Node *s, Node **first) {
    *first = s;
    while (s->kind == N_SUBSCR) { *first = s; s = s->a; }
    return s;
}

static bool mentions(const Node *e, const Names *names) {
    if (!e) return false;
    if (e->kind == N_NAME) return ol_has(names, e->name);
    if (mentions(e->a, names) || mentions(e->b, names) || mentions(e->c, names)) return true;
    for (int i = 0; i < e->nkids; i++) if (mentions(e->kids[i], names)) return true;
    for (int i = 0; i < e->nkids2; i++) if (mentions(e->kids2[i], names)) return true;
    return false;
}

/* whether e makes a dict: a display or comprehension, or a call of dict, defaultdict, Counter, or numba.typed's Dict
 * (Dict(), Dict.empty(...)): what a name assigned it holds (a store into it shares one table among iterations) */
static bool makes_dict(const Node *e) {
    if (e->kind == N_DICT || e->kind == N_DICTCOMP) return true;
    if (e->kind != N_CALL) return false;
    const Node *f = e->a;
    if (f->kind == N_ATTR && !strcmp(f->name, "empty") && f->a->kind == N_NAME && !strcmp(f->a->name, "Dict")) return true;
    const char *name = f->kind == N_NAME ? f->name : f->kind == N_ATTR ? f->name : "";
    return !strcmp(name, "dict") || !strcmp(name, "defaultdict") || !strcmp(name, "Counter") || !strcmp(name, "Dict");
}

/* an assignment `name = <a dict>` in the function's statements */
static const Node *dict_binding(Node **v, int n, const char *name) {
    for (int i = 0; i < n; i++) {
        const Node *s = v[i], *d = NULL;
        if (s->kind == S_ASSIGN && makes_dict(s->a))
            for (int k = 0; k < s->nkids; k++) if (s->kids[k]->kind == N_NAME && !strcmp(s->kids[k]->name, name)) return s;
        if (s->kind == S_IF || s->kind == S_FOR || s->kind == S_WHILE || s->kind == S_TRY || s->kind == S_EXCEPT) {
            if (!d) d = dict_binding(s->kids, s->nkids, name);
            if (!d) d = dict_binding(s->kids2, s->nkids2, name);
            if (d) return d;
        }
    }
    return NULL;
}

/* the loop variable and the privates computed from it (k = 2 * i + 1) */
static void index_names(Out *o, const Body *b, Names *dep) {
    ol_add(o, dep, b->var);
    for (bool grew = true; grew;) {
        grew = false;
        for (uint32_t i = 0; i < b->assigned.n; i++) {
            Node *s = b->assign_at.v[i];
            if (ol_has(dep, b->assigned.v[i])) continue;
            Node *rhs = s->kind == S_ASSIGN || s->kind == S_AUGASSIGN ? (s->kind == S_ASSIGN ? s->a : s->b) : s->b;
            if (mentions(rhs, dep)) { ol_add(o, dep, b->assigned.v[i]); grew = true; }
        }
    }
}

static void check_arrays(Out *o, const Body *b, Node **fn_body, int fn_n) {
    Names dep = {0};
    index_names(o, b, &dep);
    for (uint32_t i = 0; i < b->stores.n; i++) {
        Node *first, *root = root_of(b->stores.v[i], &first);
        if (root->kind != N_NAME || ol_has(&b->assigned, root->name)) continue; /* an array of this iteration */
        const Node *d = dict_binding(fn_body, fn_n, root->name);
        if (d)
            ol_fail(o, b->stores.v[i], "dict '%s' (line %d) is written in the prange loop: its entries are one table every "
                 "iteration changes (fill it in a range loop, or write the values into an array)", root->name, d->line);
        if (!first->nkids || !mentions(first->kids[0], &dep))
            ol_fail(o, b->stores.v[i], "array '%s' is written at an index that does not depend on the prange variable '%s': "
                 "iterations would write the same elements", root->name, b->var);
        for (uint32_t j = 0; j < b->loads.n; j++) {
            Node *lf, *lr = root_of(b->loads.v[j], &lf);
            if (lr->kind != N_NAME || strcmp(lr->name, root->name) || b->loads.v[j] == b->stores.v[i]) continue;
            if (lf != b->loads.v[j] && lf->a->kind != N_NAME) continue; /* visited as part of its chain */
            bool ok = false;
            for (uint32_t k = 0; k < b->stores.n && !ok; k++) {
                Node *sf, *sr = root_of(b->stores.v[k], &sf);
                ok = sr->kind == N_NAME && !strcmp(sr->name, root->name) && same_index(sf, lf);
            }
            if (!ok)
                ol_fail(o, b->loads.v[j], "array '%s' is written in the prange loop (line %d) and read here at another index: "
                     "the result would depend on the order of iterations", root->name, b->stores.v[i]->line);
        }
        for (uint32_t j = 0; j < b->whole.n; j++)
            if (!strcmp(b->whole.v[j]->name, root->name))
                ol_fail(o, b->whole.v[j], "array '%s' is written in the prange loop (line %d) and used whole here: the "
                     "result would depend on the order of iterations", root->name, b->stores.v[i]->line);
    }
}

/* list, deque, dict, set and array methods that change their object, and a Generator's draws (which change its state) */
static void check_mutators(Out *o, const Body *b, Node *e) {
    static const char *const m[] = {"append", "extend", "insert", "pop", "remove", "clear", "reverse", "sort", "fill",
                                    "appendleft", "extendleft", "popleft", "rotate",
                                    "update", "setdefault", "popitem", "add", "discard", "resize", "put", "itemset",
                                    "intersection_update", "difference_update", "symmetric_difference_update", NULL};
    static const char *const draws[] = {"random", "integers", "uniform", "normal", "standard_normal", "exponential",
                                        "choice", "shuffle", "permutation", NULL};
    if (!e) return;
    if (e->kind == N_CALL && e->a->kind == N_ATTR && e->a->a->kind == N_NAME && !ol_has(&b->assigned, e->a->a->name)) {
        for (int i = 0; m[i]; i++)
            if (!strcmp(e->a->name, m[i]))
                ol_fail(o, e, "'%s.%s()' changes '%s' in every iteration of the prange loop: the result would depend on "
                     "the order of iterations", e->a->a->name, m[i], e->a->a->name);
        for (int i = 0; draws[i]; i++)
            if (!strcmp(e->a->name, draws[i]))
                ol_fail(o, e, "'%s.%s()' draws from a generator inside a prange loop: its state carries from one iteration to "
                     "the next, so the numbers would depend on the schedule (draw them before the loop, into an array)",
                     e->a->a->name, draws[i]);
    }
    if (e->kind == N_CALL && e->a->kind == N_ATTR && e->a->a->kind == N_SUBSCR) { /* rows[k].append(x) */
        Node *sub = e->a->a, *root = sub;
        while (root->kind == N_SUBSCR) root = root->a;
        bool own = sub->a->kind == N_NAME && sub->nkids == 1 && sub->kids[0]->kind == N_NAME && !strcmp(sub->kids[0]->name, b->var);
        if (root->kind == N_NAME && !ol_has(&b->assigned, root->name) && !own)
            for (int i = 0; m[i]; i++)
                if (!strcmp(e->a->name, m[i]))
                    ol_fail(o, e, "'%s[...].%s()' changes an item of '%s' that more than one iteration of the prange loop may reach "
                         "(two threads growing one list at once): index it by the prange variable '%s' alone, so that each "
                         "iteration has its own", root->name, m[i], root->name, b->var);
    }
    check_mutators(o, b, e->a); check_mutators(o, b, e->b); check_mutators(o, b, e->c);
    for (int i = 0; i < e->nkids; i++) check_mutators(o, b, e->kids[i]);
    for (int i = 0; i < e->nkids2; i++) check_mutators(o, b, e->kids2[i]);
}

/* the last line a statement spans */
static int last_line(const Node *e) {
    if (!e) return 0;
    int m = e->line, k;
    if ((k = last_line(e->a)) > m) m = k;
    if ((k = last_line(e->b)) > m) m = k;
    if ((k = last_line(e->c)) > m) m = k;
    for (int i = 0; i < e->nkids; i++) if ((k = last_line(e->kids[i])) > m) m = k;
    for (int i = 0; i < e->nkids2; i++) if ((k = last_line(e->kids2[i])) > m) m = k;
    return m;
}

/* a read, after the loop, of a name the loop keeps private: its value after the loop would be the last
 * iteration's in Python and nobody's in particular here */
static void after_expr(Out *o, const Node *e, const Names *watch, int end, const Node *loop) {
    if (!e) return;
    if (e->kind == N_NAME && e->line > end && ol_has(watch, e->name))
        ol_fail(o, (Node *)e, "'%s' is assigned in the prange loop on line %d and read after it: which iteration's value it "
                "holds would depend on the schedule", e->name, loop->line);
    after_expr(o, e->a, watch, end, loop); after_expr(o, e->b, watch, end, loop); after_expr(o, e->c, watch, end, loop);
    for (int i = 0; i < e->nkids; i++) after_expr(o, e->kids[i], watch, end, loop);
    for (int i = 0; i < e->nkids2; i++) after_expr(o, e->kids2[i], watch, end, loop);
}

static void unwatch(Names *watch, const Node *t) {
    t = ast_unstar(t);
    if (t->kind == N_TUPLE || t->kind == N_LIST) { for (int i = 0; i < t->nkids; i++) unwatch(watch, t->kids[i]); return; }
    if (t->kind != N_NAME) return;
    for (uint32_t i = 0; i < watch->n; i++)
        if (!strcmp(watch->v[i], t->name)) { watch->v[i] = watch->v[--watch->n]; return; }
}

/* the statements of the function: assignments are writes, not reads, and a plain assignment at its top
 * level after the loop gives the name a fresh value (later reads are of that one) */
static void after_stmts(Out *o, Node **v, int n, Names *watch, int end, const Node *loop, bool top) {
    for (int i = 0; i < n; i++) {
        Node *s = v[i];
        if (s == loop) continue;
        switch (s->kind) {
        case S_ASSIGN:
            after_expr(o, s->a, watch, end, loop);
            for (int k = 0; k < s->nkids; k++) if (s->kids[k]->kind == N_SUBSCR) after_expr(o, s->kids[k], watch, end, loop);
            if (top && s->line > end) for (int k = 0; k < s->nkids; k++) unwatch(watch, s->kids[k]);
            break;
        case S_FOR: case S_IF: case S_WHILE: case S_TRY: case S_EXCEPT:
            if (s->kind != S_TRY && (s->kind != S_EXCEPT || s->a)) after_expr(o, s->kind == S_FOR ? s->b : s->a, watch, end, loop);
            after_stmts(o, s->kids, s->nkids, watch, end, loop, false);
            after_stmts(o, s->kids2, s->nkids2, watch, end, loop, false);
            break;
        case S_DEF: break;
        default: after_expr(o, s, watch, end, loop); /* return, expressions, augmented assignments (they read) */
        }
    }
}

/* ---- building the outlined kernel ---- */

static Node *call2(Out *o, const char *fn, Node *x, Node *y, const Node *at) {
    Node *c = ol_mk(o, N_CALL, at);
    c->a = ol_name(o, fn, at);
    Node *k[2] = {x, y};
    c->nkids = y ? 2 : 1;
    c->kids = ol_kids(o, k, c->nkids);
    return c;
}

static Node *int_node(Out *o, int64_t v, const Node *at) {
    Node *n = ol_mk(o, N_INT, at);
    n->v.i = v;
    return n;
}

static Node *binop(Out *o, int op, Node *x, Node *y, const Node *at) {
    Node *n = ol_mk(o, N_BINARY, at);
    n->op = (uint8_t)op; n->a = x; n->b = y;
    return n;
}

static Node *assign(Out *o, const char *name, Node *v, const Node *at) {
    Node *s = ol_mk(o, S_ASSIGN, at);
    Node *t = ol_name(o, name, at);
    s->kids = ol_kids(o, &t, 1); s->nkids = 1; s->a = v;
    return s;
}

/* a length the body may compute again: a name, a constant, len(x), x.size, x.shape[k], and sums and
 * differences of them — pure and cheap. prange(n) with such an n gives the chunk loop the bound
 * min($hi, n), which is $hi, but lets bounds-check elimination (opt/bce.c) see that i < n: with n
 * = len(a), a[i] needs no check, as in the serial loop. */
static bool simple_len(const Node *e, int depth) {
    if (depth > 4) return false;
    switch (e->kind) {
    case N_NAME: case N_INT: return true;
    case N_BINARY: return (e->op == TK_PLUS || e->op == TK_MINUS) && simple_len(e->a, depth + 1) && simple_len(e->b, depth + 1);
    case N_CALL: return e->a->kind == N_NAME && !strcmp(e->a->name, "len") && e->nkids == 1 && !e->nkids2 && e->kids[0]->kind == N_NAME;
    case N_ATTR: return !strcmp(e->name, "size") && e->a->kind == N_NAME;
    case N_SUBSCR:
        return e->nkids == 1 && e->kids[0]->kind == N_INT && e->a->kind == N_ATTR && !strcmp(e->a->name, "shape") &&
               e->a->a->kind == N_NAME;
    default: return false;
    }
}

static void len_names(Out *o, const Node *e, Names *out) {
    if (!e) return;
    if (e->kind == N_NAME) ol_add(o, out, e->name);
    if (e->kind == N_CALL) { len_names(o, e->kids[0], out); return; }
    len_names(o, e->a, out);
    if (e->kind == N_BINARY) len_names(o, e->b, out);
}

/* ---- lengths computed again in the body ----
 * `n = x.shape[0]` (or `len(x)`, `x.size`, `n, m = x.shape`) set once at the function's top level
 * before the loop, with x a parameter the function never rebinds: the body computes n again from x
 * instead of receiving it as a plain int, so bounds-check elimination sees range(n) as
 * range(x.shape[0]) there too — the idiom Numba users write would otherwise keep every check. */

typedef struct Alias { const char *name; Node *len; } Alias;

static int assigns_in(const Node *s, const char *name);

static int target_count(const Node *t, const char *name) {
    t = ast_unstar(t);
    if (t->kind == N_NAME) return !strcmp(t->name, name);
    int k = 0;
    if (t->kind == N_TUPLE || t->kind == N_LIST) for (int i = 0; i < t->nkids; i++) k += target_count(t->kids[i], name);
    return k;
}

static int assigns_list(Node **v, int n, const char *name) {
    int k = 0;
    for (int i = 0; i < n; i++) k += assigns_in(v[i], name);
    return k;
}

/* how many times statement s (and what it holds) binds name */
static int assigns_in(const Node *s, const char *name) {
    switch (s->kind) {
    case S_ASSIGN: { int k = 0; for (int i = 0; i < s->nkids; i++) k += target_count(s->kids[i], name); return k; }
    case S_AUGASSIGN: return target_count(s->a, name);
    case S_FOR: return target_count(s->a, name) + assigns_list(s->kids, s->nkids, name) + assigns_list(s->kids2, s->nkids2, name);
    case S_IF: case S_WHILE: case S_TRY: case S_EXCEPT: return assigns_list(s->kids, s->nkids, name) + assigns_list(s->kids2, s->nkids2, name);
    case S_PFOR: { int k = 0; for (int i = 0; i < s->nkids2; i++) k += target_count(s->kids2[i], name); return k; }
    case S_DEF: case S_DEL: return 1; /* an inner def of that name, a del: not a fixed length */
    default: return 0;
    }
}

static bool is_param(const Node *def, const char *name) {
    for (int i = 0; i < def->nnames; i++) if (!strcmp(def->names[i], name)) return true;
    return false;
}

/* the length name is set to, as an expression the body can compute again, or NULL */
static Node *length_alias(Out *o, const char *name, Node **fn_body, int fn_n, const Node *loop) {
    if (assigns_list(fn_body, fn_n, name) != 1 || is_param(o->def, name)) return NULL;
    for (int i = 0; i < fn_n && fn_body[i]->line < loop->line; i++) {
        Node *st = fn_body[i];
        if (st->kind != S_ASSIGN || st->nkids != 1) continue;
        Node *t = st->kids[0], *v = st->a, *arr = NULL, *len = NULL;
        if (t->kind == N_NAME && !strcmp(t->name, name)) {
            if ((v->kind == N_CALL && v->nkids == 1) || v->kind == N_ATTR || v->kind == N_SUBSCR)
                if (simple_len(v, 0) && v->kind != N_NAME) { len = v; arr = v->kind == N_CALL ? v->kids[0] : v->a->kind == N_NAME ? v->a : v->a->a; }
        } else if (t->kind == N_TUPLE && v->kind == N_ATTR && !strcmp(v->name, "shape") && v->a->kind == N_NAME) {
            for (int k = 0; k < t->nkids; k++)
                if (t->kids[k]->kind == N_NAME && !strcmp(t->kids[k]->name, name)) { /* n, m = x.shape: x.shape[k] */
                    len = ol_mk(o, N_SUBSCR, v);
                    len->a = v;
                    Node *kk = int_node(o, k, v);
                    len->kids = ol_kids(o, &kk, 1); len->nkids = 1;
                    arr = v->a;
                }
        }
        if (len && arr->kind == N_NAME && is_param(o->def, arr->name) && !assigns_list(fn_body, fn_n, arr->name)) return len;
    }
    return NULL;
}

/* step 1 written or left out: the loop variable ranges directly */
static bool unit_step(const Node *call) {
    return call->nkids < 3 || (call->kids[2]->kind == N_INT && call->kids[2]->v.i == 1);
}

static Node *outline(Out *o, Node *loop, const Body *b, const Names *caps, const Red *reds, int nred, bool bound_again,
                     const Alias *al, int nal) {
    Node *call = loop->b;
    char nm[256];
    snprintf(nm, sizeof nm, "%s$prange%d_%d", o->def->name, loop->line, loop->col);
    Node *def = ol_mk(o, S_DEF, loop);
    def->name = ol_str(o, nm);
    int np = 4 + (int)caps->n + nred;
    def->names = ol_alloc(o, sizeof(char *) * (size_t)np);
    def->nnames = np;
    const char *fixed[4] = {"$lo", "$hi", "$start", "$step"};
    for (int i = 0; i < 4; i++) def->names[i] = fixed[i];
    for (uint32_t i = 0; i < caps->n; i++) def->names[4 + i] = caps->v[i];
    for (int i = 0; i < nred; i++) def->names[4 + caps->n + (uint32_t)i] = reds[i].name;
    def->kids2 = ol_alloc(o, sizeof(Node *) * (size_t)np);
    def->nkids2 = np;
    Nodes body = {0};
    for (int i = 0; i < nal; i++) PUSH(o, body, assign(o, al[i].name, al[i].len, loop)); /* n = x.shape[0] again */
    for (int i = 0; i < nred; i++) {
        Node *init = call2(o, "$red_init", ol_name(o, reds[i].name, loop), int_node(o, reds[i].op, loop), loop);
        PUSH(o, body, assign(o, reds[i].name, init, loop));
    }
    Node *f = ol_mk(o, S_FOR, loop);
    bool direct = unit_step(call);
    Node *lo = ol_name(o, "$lo", loop), *hi = ol_name(o, "$hi", loop);
    if (direct && call->nkids > 1) { /* range(start + lo, start + hi) */
        lo = binop(o, TK_PLUS, ol_name(o, "$start", loop), lo, loop);
        hi = binop(o, TK_PLUS, ol_name(o, "$start", loop), hi, loop);
    }
    if (bound_again) hi = call2(o, "min", hi, call->kids[0], call);
    f->a = ol_name(o, direct ? b->var : "$k", loop->a);
    f->b = call2(o, "range", lo, hi, call);
    Nodes fb = {0};
    if (!direct) {
        Node *k = binop(o, TK_STAR, ol_name(o, "$k", loop), ol_name(o, "$step", loop), loop);
        PUSH(o, fb, assign(o, b->var, binop(o, TK_PLUS, ol_name(o, "$start", loop), k, loop), loop->a));
    }
    for (int i = 0; i < loop->nkids; i++) PUSH(o, fb, loop->kids[i]);
    f->kids = fb.v; f->nkids = (int32_t)fb.n;
    PUSH(o, body, f);
    if (nred) {
        Node *ret = ol_mk(o, S_RETURN, loop);
        if (nred == 1) ret->a = ol_name(o, reds[0].name, loop);
        else {
            ret->a = ol_mk(o, N_TUPLE, loop);
            Node *v[64];
            for (int i = 0; i < nred; i++) v[i] = ol_name(o, reds[i].name, loop);
            ret->a->kids = ol_kids(o, v, nred); ret->a->nkids = nred;
        }
        PUSH(o, body, ret);
    }
    def->kids = body.v; def->nkids = (int32_t)body.n;
    return def;
}

/* ---- one loop ---- */

static Node *pfor(Out *o, Node *loop, Node **fn_body, int fn_n) {
    Node *call = loop->b;
    if (loop->a->kind != N_NAME) ol_fail(o, loop->a, "a prange loop's variable must be one name");
    if (loop->nkids2) ol_fail(o, loop, "a prange loop cannot have an else clause");
    if (call->nkids2) ol_fail(o, call, "prange() takes no keyword arguments");
    if (call->nkids < 1 || call->nkids > 3) ol_fail(o, call, "prange expected 1 to 3 arguments, got %d", call->nkids);
    Body b;
    memset(&b, 0, sizeof b);
    b.var = loop->a->name;
    stmts(o, &b, loop->kids, loop->nkids, 0);
    Names priv = {0}, caps = {0}, locals = {0};
    Red reds[16];
    int nred = 0;
    for (uint32_t i = 0; i < b.reds.n; i++) {
        Red *r = &b.reds.v[i];
        if (!is_reduction(&b, r)) {
            Node *rd = first_read(&b, r->name);
            if (rd && count_in(&b.assigned, r->name) == r->stmts)
                ol_fail(o, rd, "'%s' is a reduction (line %d) and is also read here: its value in the middle of the loop "
                     "would depend on the schedule", r->name, r->at->line);
            continue;
        }
        if (!strcmp(r->name, b.var)) ol_fail(o, r->at, "the prange variable '%s' cannot be assigned in the loop", b.var);
        if (nred == 16) ol_fail(o, r->at, "a prange loop may have at most 16 reductions");
        reds[nred++] = *r;
    }
    for (uint32_t i = 0; i < b.assigned.n; i++) {
        bool red = false;
        for (int k = 0; k < nred; k++) red |= !strcmp(reds[k].name, b.assigned.v[i]);
        if (!red) ol_add(o, &priv, b.assigned.v[i]);
        if (!strcmp(b.assigned.v[i], b.var)) ol_fail(o, b.assign_at.v[i], "the prange variable '%s' cannot be assigned in the loop", b.var);
    }
    Names def = {0};
    ol_add(o, &def, b.var);
    def_stmts(o, &b, &priv, &def, loop->kids, loop->nkids);
    check_arrays(o, &b, fn_body, fn_n);
    for (int i = 0; i < loop->nkids; i++) check_mutators(o, &b, loop->kids[i]);
    ol_add(o, &priv, b.var);
    Names watch = {0};
    for (uint32_t i = 0; i < priv.n; i++) PUSH(o, watch, priv.v[i]);
    after_stmts(o, fn_body, fn_n, &watch, last_line(loop), loop, true);
    for (int i = 0; i < o->def->nnames; i++) ol_add(o, &locals, o->def->names[i]);
    ol_fn_locals(o, fn_body, fn_n, &locals);
    Names want = {0}, bound = {0};
    for (uint32_t i = 0; i < b.reads.n; i++) ol_add(o, &want, b.reads.v[i]->name);
    bool bound_again = call->nkids == 1 && simple_len(call->kids[0], 0); /* the bound, computed again in the body */
    if (bound_again) len_names(o, call->kids[0], &bound);
    for (uint32_t i = 0; i < bound.n; i++) {
        bool red = false;
        for (int k = 0; k < nred; k++) red |= !strcmp(reds[k].name, bound.v[i]);
        if (red || ol_has(&priv, bound.v[i])) bound_again = false; /* the body assigns it: not the same value there */
    }
    if (bound_again) for (uint32_t i = 0; i < bound.n; i++) ol_add(o, &want, bound.v[i]);
    Alias al[16];
    int nal = 0;
    for (uint32_t i = 0; i < want.n; i++) {
        const char *n = want.v[i];
        if (!strcmp(n, b.var) || ol_has(&priv, n) || !ol_has(&locals, n)) continue;
        bool red = false;
        for (int k = 0; k < nred; k++) red |= !strcmp(reds[k].name, n);
        if (red) continue;
        Node *len = nal < 16 ? length_alias(o, n, fn_body, fn_n, loop) : NULL;
        if (len) { /* the body computes it again: the arrays it comes from are read instead */
            al[nal++] = (Alias){n, len};
            Names from = {0};
            len_names(o, len, &from);
            for (uint32_t k = 0; k < from.n; k++) if (!ol_has(&want, from.v[k])) ol_add(o, &want, from.v[k]);
            continue;
        }
        ol_add(o, &caps, n);
    }
    if (caps.n + (uint32_t)nred > 12)
        ol_fail(o, loop, "a prange loop may use at most 12 variables of the function around it (it uses %d)", (int)caps.n + nred);
    Node *def_node = outline(o, loop, &b, &caps, reds, nred, bound_again, al, nal);
    PUSH(o, o->newdefs, def_node);
    Node *s = ol_mk(o, S_PFOR, loop);
    s->a = loop->a; s->b = call;
    s->name = def_node->name;
    s->v.i = o->ast->ndefs + (int64_t)o->newdefs.n - 1;
    Node *cv[16], *rv[16];
    for (uint32_t i = 0; i < caps.n; i++) cv[i] = ol_name(o, caps.v[i], loop);
    for (int i = 0; i < nred; i++) rv[i] = ol_name(o, reds[i].name, reds[i].at);
    s->kids = ol_kids(o, cv, (int)caps.n); s->nkids = (int32_t)caps.n;
    s->kids2 = ol_kids(o, rv, nred); s->nkids2 = nred;
    s->ops = ol_alloc(o, (size_t)(nred ? nred : 1));
    for (int i = 0; i < nred; i++) s->ops[i] = (uint8_t)reds[i].op;
    /* the subscript stores into captures (an array's elements, each iteration its own; a dict's would share one table:
     * lowering, which knows the types, refuses that) */
    Nodes st = {0};
    for (uint32_t i = 0; i < b.stores.n; i++) {
        Node *first, *root = root_of(b.stores.v[i], &first);
        if (root->kind == N_NAME && ol_has(&caps, root->name)) PUSH(o, st, b.stores.v[i]);
    }
    s->c = ol_mk(o, N_TUPLE, loop);
    s->c->kids = ol_kids(o, st.v, (int)st.n); s->c->nkids = (int32_t)st.n;
    return s;
}

static void walk(Out *o, Node **v, int n, Node **fn_body, int fn_n) {
    for (int i = 0; i < n; i++) {
        Node *s = v[i];
        if (s->kind == S_FOR && pr_is_prange_call(s->b) && !(o->ast->own_prange && s->b->a->kind == N_NAME)) { v[i] = pfor(o, s, fn_body, fn_n); continue; }
        if (s->kind == S_FOR || s->kind == S_WHILE || s->kind == S_IF || s->kind == S_TRY || s->kind == S_EXCEPT) {
            walk(o, s->kids, s->nkids, fn_body, fn_n);
            walk(o, s->kids2, s->nkids2, fn_body, fn_n);
        }
    }
}

void pr_outline(Arena *a, Ast *ast, Diag *d) {
    Out o;
    memset(&o, 0, sizeof o);
    o.a = a; o.d = d; o.ast = ast;
    int n = ast->ndefs;
    for (int i = 0; i < n; i++) ast->own_prange |= !strcmp(ast->defs[i]->name, "prange");
    for (int i = 0; i < n; i++) {
        o.def = ast->defs[i];
        walk(&o, o.def->kids, o.def->nkids, o.def->kids, o.def->nkids);
        Names locals = {0};
        ol_def_vars(&o, o.def, &locals);
        ol_array_stmts(&o, o.def->kids, o.def->nkids, &locals);
    }
    ol_append_defs(&o);
}
