/*
 * itertools.c — itertools.product/permutations/combinations/
 * combinations_with_replacement/chain/pairwise and functools.reduce.
 *
 * Each call is a small Python function written for that call's shape (how many
 * iterables, which are ranges, the constant r) and parsed here, then lowered
 * as any generator or inner def is (closure.c): a for statement (or a
 * comprehension, list(), sorted(), sum() ...) iterating `itertools.product(a,
 * b)` runs the body of
 *
 *     def product(p0, p1):
 *         for x0 in p0:
 *             for x1 in p1:
 *                 yield (x0, x1)
 *
 * at its yield, with no iterator object and no tuple left in memory: nested
 * loops, as a programmer would write them. The functions follow CPython's own
 * definitions (Modules/itertoolsmodule.c, whose docs give them in Python): the
 * order of the tuples, a pool read once into a list before the first tuple
 * (so a list the loop's body changes does not change what is iterated), r = 0
 * giving one empty tuple; a negative r, CPython's ValueError "r must be
 * non-negative", is a compile error here since r is a constant. A range argument is not copied: its start, stop and step
 * become parameters and its items are computed (`start + i * step`). r must
 * be a compile-time constant, since it is the length of the tuples (kiln's
 * tuples have fixed types); so must `repeat`.
 *
 * functools.reduce(f, iterable[, initial]) is the same idea with a def called
 * in place: `acc = initial; for x in it: acc = f(acc, x)`; without an initial
 * value the first item starts, and an empty sequence raises CPython's
 * TypeError.
 */
#include "infer.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum { IT_PRODUCT, IT_PERMUTATIONS, IT_COMBINATIONS, IT_COMBINATIONS_WR, IT_CHAIN, IT_PAIRWISE, IT_ACCUMULATE, IT_GROUPBY,
       IT_REDUCE };
enum { IT_ARGS_MAX = 12, IT_R_MAX = 12, IT_TEXT_MAX = 16384 };

static const struct { int mod; const char *name; } table[] = {
    [IT_PRODUCT] = {MOD_ITERTOOLS, "product"}, [IT_PERMUTATIONS] = {MOD_ITERTOOLS, "permutations"},
    [IT_COMBINATIONS] = {MOD_ITERTOOLS, "combinations"},
    [IT_COMBINATIONS_WR] = {MOD_ITERTOOLS, "combinations_with_replacement"},
    [IT_CHAIN] = {MOD_ITERTOOLS, "chain"}, [IT_PAIRWISE] = {MOD_ITERTOOLS, "pairwise"},
    [IT_ACCUMULATE] = {MOD_ITERTOOLS, "accumulate"}, [IT_GROUPBY] = {MOD_ITERTOOLS, "groupby"},
    [IT_REDUCE] = {MOD_FUNCTOOLS, "reduce"},
};

int it_lookup(int mod, const char *name) {
    for (int k = 0; k < (int)NELEM(table); k++)
        if (table[k].mod == mod && !strcmp(table[k].name, name)) return k;
    return -1;
}

/* ---- the text of the function made for a call ---- */

typedef ItText Text;

void it_put(ItText *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(t->buf + t->n, t->cap - t->n, fmt, ap);
    va_end(ap);
    if (k < 0 || (size_t)k >= t->cap - t->n) inf_fail(t->I, t->at, "this %s is too large to expand", t->what);
    t->n += (size_t)k;
}

/* a new text for the itertools call at `call` */
static Text *new_text(Inf *I, Node *call) {
    Text *t = arena_alloc(I->a, sizeof *t);
    char *buf = arena_alloc(I->a, IT_TEXT_MAX);
    if (!t || !buf) inf_oom(I);
    *t = (Text){buf, IT_TEXT_MAX, 0, I, call, "itertools call"};
    return t;
}

static void indent(Text *t, int depth) { it_put(t, "%*s", 4 * depth, ""); }

/* The function reduce, accumulate or groupby calls: a lambda, an inner def or a kernel is the made function's
 * parameter IT_CALLEE; a builtin (max, math.gcd), which cannot be a variable's value, is the caller's expression
 * spliced where the body calls IT_CALLEE (a builtin's name is never one of the body's own names, which copying
 * renames) */
#define IT_CALLEE "__kiln_reduce_f"

static void splice(Node *n, Node *callee) {
    if (!n) return;
    if (n->kind == N_CALL && n->a->kind == N_NAME && !strcmp(n->a->name, IT_CALLEE)) n->a = callee;
    splice(n->a, callee); splice(n->b, callee); splice(n->c, callee);
    for (int i = 0; i < n->nkids; i++) splice(n->kids[i], callee);
    for (int i = 0; i < n->nkids2; i++) splice(n->kids2[i], callee);
}

/* one iterable of the call: a range (its three arguments become parameters s<k>, e<k>, t<k>) or any other
 * iterable, read once into a list (parameter p<k>, the call's argument list(<it>)) */
typedef struct Pool { bool range; Node *it; } Pool;

static Node *int_node(Inf *I, int64_t v, Node *at) {
    Node *n = inf_node(I, N_INT, at);
    n->v.i = v;
    return n;
}

/* the arguments the made function's parameters take for pool p, appended to args */
static void pool_args(Inf *I, Pool p, Node **args, int *nargs) {
    Node *it = p.it;
    if (p.range) {
        int n = it->nkids;
        args[(*nargs)++] = n == 1 ? int_node(I, 0, it) : it->kids[0];
        args[(*nargs)++] = n == 1 ? it->kids[0] : it->kids[1];
        args[(*nargs)++] = n == 3 ? it->kids[2] : int_node(I, 1, it);
        return;
    }
    Node *list = inf_node(I, N_CALL, it), *name = inf_node(I, N_NAME, it);
    name->name = "list";
    list->a = name;
    list->kids = arena_alloc(I->a, sizeof(Node *));
    if (!list->kids) inf_oom(I);
    list->kids[0] = it;
    list->nkids = 1;
    args[(*nargs)++] = list;
}

static void pool_params(Text *t, Pool p, int k) {
    if (p.range) it_put(t, "%ss%d, e%d, t%d", t->n && t->buf[t->n - 1] != '(' ? ", " : "", k, k, k);
    else it_put(t, "%sp%d", t->n && t->buf[t->n - 1] != '(' ? ", " : "", k);
}

/* n<k> = the pool's length (a range's, computed as CPython's range does, with its ValueError for step 0) */
static void pool_len(Text *t, Pool p, int k, int depth) {
    if (!p.range) { indent(t, depth); it_put(t, "n%d = len(p%d)\n", k, k); return; }
    indent(t, depth); it_put(t, "if t%d == 0:\n", k);
    indent(t, depth + 1); it_put(t, "raise ValueError(\"range() arg 3 must not be zero\")\n");
    indent(t, depth); it_put(t, "n%d = 0\n", k);
    indent(t, depth); it_put(t, "if t%d > 0 and s%d < e%d:\n", k, k, k);
    indent(t, depth + 1); it_put(t, "n%d = (e%d - s%d - 1) // t%d + 1\n", k, k, k, k);
    indent(t, depth); it_put(t, "if t%d < 0 and s%d > e%d:\n", k, k, k);
    indent(t, depth + 1); it_put(t, "n%d = (s%d - e%d - 1) // (-t%d) + 1\n", k, k, k, k);
}

/* the pool's item at index expression i */
static void pool_item(Text *t, Pool p, int k, const char *i) {
    if (p.range) it_put(t, "(s%d + %s * t%d)", k, i, k);
    else it_put(t, "p%d[%s]", k, i);
}

static void pool_iter(Text *t, Pool p, int k) {
    if (p.range) it_put(t, "range(s%d, e%d, t%d)", k, k, k);
    else it_put(t, "p%d", k);
}

/* the def's body for the generators; depth 1 is the body's indentation */
static void gen_product(Text *t, const Pool *p, int np) {
    for (int k = 0; k < np; k++) {
        indent(t, 1 + k); it_put(t, "for x%d in ", k); pool_iter(t, p[k], k); it_put(t, ":\n");
    }
    indent(t, 1 + np); it_put(t, "yield (");
    for (int k = 0; k < np; k++) it_put(t, "x%d, ", k);
    it_put(t, ")\n");
}

/* combinations (with replacement) and permutations of one pool, r items: r loops over indices */
static void gen_choose(Text *t, Pool p, int kind, int64_t r) {
    pool_len(t, p, 0, 1);
    for (int j = 0; j < r; j++) {
        int d = 1 + j;
        indent(t, d);
        if (kind == IT_PERMUTATIONS || j == 0) it_put(t, "for i%d in range(n0):\n", j);
        else it_put(t, "for i%d in range(i%d%s, n0):\n", j, j - 1, kind == IT_COMBINATIONS ? " + 1" : "");
        if (kind == IT_PERMUTATIONS && j > 0) { /* an index already taken by an outer position is skipped */
            indent(t, d + 1); it_put(t, "if ");
            for (int q = 0; q < j; q++) it_put(t, "%si%d == i%d", q ? " or " : "", j, q);
            it_put(t, ":\n");
            indent(t, d + 2); it_put(t, "continue\n");
        }
    }
    indent(t, 1 + (int)r); it_put(t, "yield (");
    for (int j = 0; j < r; j++) {
        char i[16];
        snprintf(i, sizeof i, "i%d", j);
        pool_item(t, p, 0, i);
        it_put(t, ", ");
    }
    it_put(t, ")\n");
}

static void gen_chain(Text *t, const Pool *p, int np) {
    for (int k = 0; k < np; k++) {
        indent(t, 1); it_put(t, "for x in "); pool_iter(t, p[k], k); it_put(t, ":\n");
        indent(t, 2); it_put(t, "yield x\n");
    }
    if (!np) { indent(t, 1); it_put(t, "return\n"); indent(t, 1); it_put(t, "yield 0\n"); }
}

/* accumulate(p, f=None, *, initial=None): the running results, CPython's order (f(acc, x); + when f is None) */
static void gen_accumulate(Text *t, Pool p, bool f, bool initial) {
    const char *open = f ? IT_CALLEE "(acc, " : "acc + (", *close = ")";
    if (initial) {
        indent(t, 1); it_put(t, "yield acc\n");
        indent(t, 1); it_put(t, "for x in "); pool_iter(t, p, 0); it_put(t, ":\n");
        indent(t, 2); it_put(t, "acc = %sx%s\n", open, close);
        indent(t, 2); it_put(t, "yield acc\n");
        return;
    }
    pool_len(t, p, 0, 1);
    indent(t, 1); it_put(t, "if n0 > 0:\n");
    indent(t, 2); it_put(t, "acc = "); pool_item(t, p, 0, "0"); it_put(t, "\n");
    indent(t, 2); it_put(t, "yield acc\n");
    indent(t, 2); it_put(t, "for i in range(1, n0):\n");
    indent(t, 3); it_put(t, "acc = %s", open); pool_item(t, p, 0, "i"); it_put(t, "%s\n", close);
    indent(t, 3); it_put(t, "yield acc\n");
}

/* groupby(p, key=None): (key, the run's items) for each run of consecutive items whose keys are equal (==, as
 * CPython compares them), each key computed once; a group is a list of its items (CPython's is an iterator over the
 * same items, valid until the next group is asked for) */
static void gen_groupby(Text *t, Pool p, bool f) {
    const char *open = f ? IT_CALLEE "(" : "(";
    pool_len(t, p, 0, 1);
    indent(t, 1); it_put(t, "i = 0\n");
    indent(t, 1); it_put(t, "while i < n0:\n");
    indent(t, 2); it_put(t, "x = "); pool_item(t, p, 0, "i"); it_put(t, "\n");
    indent(t, 2); it_put(t, "k = %sx)\n", open);
    indent(t, 2); it_put(t, "g = [x]\n");
    indent(t, 2); it_put(t, "i += 1\n");
    indent(t, 2); it_put(t, "while i < n0:\n");
    indent(t, 3); it_put(t, "x = "); pool_item(t, p, 0, "i"); it_put(t, "\n");
    indent(t, 3); it_put(t, "if not %sx) == k:\n", open);
    indent(t, 4); it_put(t, "break\n");
    indent(t, 3); it_put(t, "g.append(x)\n");
    indent(t, 3); it_put(t, "i += 1\n");
    indent(t, 2); it_put(t, "yield (k, g)\n");
}

/* accumulate's and groupby's function (a positional argument after the iterable, or the keyword fkw) and
 * accumulate's initial; NULL where absent or None */
static void func_args(Inf *I, Node *call, const char *nm, const char *fkw, Node **f, Node **initial) {
    *f = call->nkids > 1 ? call->kids[1] : NULL;
    *initial = NULL;
    if (call->nkids < 1) inf_fail(I, call, "%s() missing required argument 'iterable'", nm);
    if (call->nkids > 2) inf_fail(I, call, "%s() takes at most 2 arguments (%d given)", nm, call->nkids);
    for (int k = 0; k < call->nkids2; k++) {
        if (!strcmp(call->names[k], fkw) && !*f) *f = call->kids2[k];
        else if (initial && !strcmp(nm, "accumulate") && !strcmp(call->names[k], "initial")) *initial = call->kids2[k];
        else inf_fail(I, call->kids2[k], "%s() got an unexpected keyword argument '%s'", nm, call->names[k]);
    }
    if (*f && (*f)->kind == N_NONE) *f = NULL;
    if (*initial && (*initial)->kind == N_NONE) *initial = NULL;
}

static void gen_pairwise(Text *t, Pool p) {
    pool_len(t, p, 0, 1);
    indent(t, 1); it_put(t, "for i in range(n0 - 1):\n");
    indent(t, 2); it_put(t, "yield ("); pool_item(t, p, 0, "i"); it_put(t, ", "); pool_item(t, p, 0, "i + 1"); it_put(t, ")\n");
}

/* ---- the call's arguments ---- */

static bool is_range(Inf *I, Node *n) {
    return st_is_builtin_call(I, n, "range") && n->nkids >= 1 && n->nkids <= 3 && !n->nkids2;
}

static Pool pool_of(Inf *I, Node *it) {
    Pool p = {is_range(I, it), it};
    return p;
}

/* a keyword argument's value (NULL if absent); any other keyword is an error */
static Node *keyword(Inf *I, Node *call, const char *fname, const char *allowed) {
    Node *v = NULL;
    for (int k = 0; k < call->nkids2; k++) {
        if (!allowed || strcmp(call->names[k], allowed))
            inf_fail(I, call->kids2[k], "%s() got an unexpected keyword argument '%s'", fname, call->names[k]);
        v = call->kids2[k];
    }
    return v;
}

/* whether n is a constant int (a literal, or a name bound to a constant: a static argument, a module constant) */
static bool const_of(Inf *I, Node *n, int64_t *out) {
    if (cl_int_const(I, n, out)) return true;
    if (n->kind == N_NAME) return false;
    Val v = ex_expr(I, n); /* an expression of constants, folded as it is built */
    if (v.ty->kind != T_SCALAR || !dt_is_int(v.ty->dtype) || !v.r || ir_ins(I->f, v.r)->op != OP_CONST) return false;
    *out = I->f->cst.v[ir_ins(I->f, v.r)->aux].i;
    return true;
}

static int64_t const_arg(Inf *I, Node *n, const char *what) {
    int64_t v;
    if (const_of(I, n, &v)) return v;
    inf_fail(I, n, "%s must be a constant here: it is the length of the tuples, and a kiln tuple's length is part of its "
             "type (write a literal, or make the argument static)", what);
}

/* r for permutations() left out: the pool's length, which must be known (a tuple or a list display) */
static int64_t pool_length(Inf *I, Node *it) {
    if (it->kind == N_TUPLE || it->kind == N_LIST) return it->nkids;
    int64_t a[3] = {0, 0, 1};
    if (is_range(I, it)) { /* a range of constants: its length */
        int n = it->nkids;
        for (int i = 0; i < n; i++)
            if (!const_of(I, it->kids[i], &a[n == 1 ? 1 : i])) goto unknown;
        if (a[2] == 0) inf_fail(I, it, "range() arg 3 must not be zero");
        if (a[2] > 0) return a[0] < a[1] ? (a[1] - a[0] - 1) / a[2] + 1 : 0;
        return a[0] > a[1] ? (a[0] - a[1] - 1) / -a[2] + 1 : 0;
    }
    if (it->kind == N_CALL) goto unknown; /* a generator, zip(), a computed list: its length is not known */
    Val v = ex_expr(I, it);
    if (v.ty->kind == T_TUPLE) return v.ty->n;
unknown:
    inf_fail(I, it, "permutations() without r makes tuples as long as the iterable, which kiln must know when it "
             "compiles: give r, or pass a tuple or a range of constants");
}

/* set every node's position to the call's: messages and errors at run time point at the call */
static void place(Node *n, Node *at) {
    if (!n) return;
    n->line = at->line; n->col = at->col;
    place(n->a, at); place(n->b, at); place(n->c, at);
    for (int i = 0; i < n->nkids; i++) place(n->kids[i], at);
    for (int i = 0; i < n->nkids2; i++) place(n->kids2[i], at);
}

/* the one def of a text kiln wrote (an expansion), its nodes placed at `at` for messages */
Node *it_parse_def(Inf *I, const char *text, size_t n, const char *what, Node *at) {
    kiln_error e;
    memset(&e, 0, sizeof e);
    Diag d = {&e, what, text, n, NULL};
    Ast *ast = ast_parse_plain(I->a, what, text, n, &d);
    if (!ast || ast->ndefs != 1) inf_fail(I, at, "internal error: the expansion of %s did not parse: %s", what, e.message);
    place(ast->defs[0], at);
    return ast->defs[0];
}

static Node *parse_def(Inf *I, Text *t, Node *at) { return it_parse_def(I, t->buf, t->n, "<itertools>", at); }

/* the def in text lowered at call with args (nargs of them) as its arguments; what names the text in messages */
Val it_inline(Inf *I, Node *call, const char *text, size_t n, const char *what, Node **args, int nargs) {
    Node *def = it_parse_def(I, text, n, what, call);
    Node *c = arena_alloc(I->a, sizeof *c);
    Node **kids = arena_alloc(I->a, sizeof(Node *) * (size_t)(nargs ? nargs : 1));
    if (!c || !kids) inf_oom(I);
    *c = *call; /* the same id: the call site's hidden variables are named after it */
    memcpy(kids, args, sizeof(Node *) * (size_t)nargs);
    c->kids = kids; c->nkids = nargs; c->kids2 = NULL; c->nkids2 = 0; c->names = NULL;
    return nf_inline(I, c, def);
}

/* v held in the k-th hidden argument variable of call site call, a name it_inline's text reads as that argument:
 * an argument whose type a caller had to look at first is still computed once */
Node *it_held(Inf *I, Node *call, int k, Val v) {
    char fmt[32];
    snprintf(fmt, sizeof fmt, "$arg%d.%%d", k);
    Node *h = st_hidden(I, fmt, call);
    inf_assign(I, h, v);
    return h;
}

ItCall *it_call_new(Inf *I, Node *call, const char *what) {
    ItCall *c = arena_alloc(I->a, sizeof *c);
    if (!c) inf_oom(I);
    memset(c, 0, sizeof *c);
    c->I = I; c->call = call;
    c->t = (ItText){c->buf, sizeof c->buf, 0, I, call, what};
    return c;
}

void it_call_put(ItCall *c, const char *fmt, ...) {
    char tmp[2048];
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (k < 0 || (size_t)k >= sizeof tmp) inf_fail(c->I, c->call, "internal error: a line of %s is too long", c->t.what);
    ItText *t = &c->t;
    for (const char *q = tmp; *q; q++) { /* np. -> numpy's name for kiln, where np is a whole name */
        bool np = q[0] == 'n' && q[1] == 'p' && q[2] == '.' && (q == tmp || !(isalnum((unsigned char)q[-1]) || q[-1] == '_'));
        const char *w = np ? KILN_NP_NAME : q;
        size_t len = np ? strlen(w) : 1;
        if (t->n + len + 1 >= t->cap) inf_fail(c->I, c->call, "this %s is too large to expand", t->what);
        memcpy(t->buf + t->n, w, len);
        t->n += len;
        t->buf[t->n] = 0;
        q += np;
    }
}

Val it_call_hold(ItCall *c, Val v) {
    if (c->n >= (int)NELEM(c->args)) inf_fail(c->I, c->call, "internal error: %s takes too many arguments", c->t.what);
    c->args[c->n] = it_held(c->I, c->call, c->n, v);
    c->n++;
    return v;
}

Val it_call_inline(ItCall *c) { return it_inline(c->I, c->call, c->t.buf, c->t.n, c->t.what, c->args, c->n); }

Node *it_need(Inf *I, Node *call, Node *n, const char *fname, const char *param) {
    if (!n || n->kind == N_NONE) inf_fail(I, call, "%s() missing required argument '%s'", fname, param);
    return n;
}

/* a call node like call, with its arguments replaced */
static Node *rewritten(Inf *I, Node *call, Node **args, int nargs) {
    Node *c = arena_alloc(I->a, sizeof *c);
    Node **kids = arena_alloc(I->a, sizeof(Node *) * (size_t)(nargs ? nargs : 1));
    if (!c || !kids) inf_oom(I);
    *c = *call; /* the same id: the hidden variables of this call site are named after it */
    memcpy(kids, args, sizeof(Node *) * (size_t)nargs);
    c->kids = kids; c->nkids = nargs; c->kids2 = NULL; c->nkids2 = 0; c->names = NULL;
    return c;
}

/* the generator function for an itertools call (k: IT_*) and, in *callp, the call of it */
Node *it_generator(Inf *I, Node **callp, int k, const char **fname) {
    Node *call = *callp;
    const char *nm = table[k].name;
    *fname = nm;
    if (k == IT_REDUCE) return NULL;
    Text *t = new_text(I, call);
    Pool p[IT_ARGS_MAX];
    int np = 0;
    int64_t r = -1;
    if (k == IT_PRODUCT) {
        Node *rep = keyword(I, call, nm, "repeat");
        int64_t times = rep ? const_arg(I, rep, "product()'s repeat") : 1;
        if (times < 0) inf_fail(I, rep, "repeat argument cannot be negative");
        if ((int64_t)call->nkids * times > IT_ARGS_MAX)
            inf_fail(I, call, "product() of more than %d iterables is not supported", IT_ARGS_MAX);
        for (int64_t rep_i = 0; rep_i < times; rep_i++)
            for (int i = 0; i < call->nkids; i++) p[np++] = pool_of(I, call->kids[i]);
    } else if (k == IT_ACCUMULATE || k == IT_GROUPBY) {
        Node *f, *initial;
        func_args(I, call, nm, k == IT_ACCUMULATE ? "func" : "key", &f, &initial);
        Pool p0 = pool_of(I, call->kids[0]);
        bool builtin = f && ex_expr(I, f).ty->kind == T_BUILTIN; /* spliced; anything else is an argument */
        it_put(t, "def %s(", nm);
        pool_params(t, p0, 0);
        if (f && !builtin) it_put(t, ", %s", IT_CALLEE);
        if (initial) it_put(t, ", acc");
        it_put(t, "):\n");
        if (k == IT_ACCUMULATE) gen_accumulate(t, p0, f != NULL, initial != NULL);
        else gen_groupby(t, p0, f != NULL);
        Node *args[5];
        int nargs = 0;
        pool_args(I, p0, args, &nargs);
        if (f && !builtin) args[nargs++] = f;
        if (initial) args[nargs++] = initial;
        *callp = rewritten(I, call, args, nargs);
        Node *def = parse_def(I, t, call);
        if (builtin) splice(def, f);
        return def;
    } else if (k == IT_CHAIN) {
        keyword(I, call, nm, NULL);
        if (call->nkids > IT_ARGS_MAX) inf_fail(I, call, "chain() of more than %d iterables is not supported", IT_ARGS_MAX);
        for (int i = 0; i < call->nkids; i++) p[np++] = pool_of(I, call->kids[i]);
    } else {
        Node *rkw = keyword(I, call, nm, k == IT_PAIRWISE ? NULL : "r");
        int want = k == IT_PAIRWISE ? 1 : 2;
        int given = call->nkids + (rkw ? 1 : 0);
        if (call->nkids < 1) inf_fail(I, call, "%s() missing required argument 'iterable'", nm);
        if (given > want) inf_fail(I, call, "%s() takes at most %d arguments (%d given)", nm, want, given);
        if (rkw && call->nkids == 2) inf_fail(I, rkw, "%s() got multiple values for argument 'r'", nm);
        p[np++] = pool_of(I, call->kids[0]);
        Node *rn = call->nkids == 2 ? call->kids[1] : rkw;
        if (rn && !(k == IT_PERMUTATIONS && rn->kind == N_NONE)) {
            r = const_arg(I, rn, "r");
            if (r < 0) inf_fail(I, rn, "r must be non-negative"); /* CPython's ValueError, found when compiling (r is constant) */
        }
        else if (k == IT_PERMUTATIONS) r = pool_length(I, call->kids[0]);
        else if (k != IT_PAIRWISE) inf_fail(I, call, "%s() missing required argument 'r'", nm);
        if (r > IT_R_MAX) inf_fail(I, rn ? rn : call, "%s() with r > %d is not supported (each item of a tuple is a loop here)", nm, IT_R_MAX);
    }
    /* def <name>(params): body */
    it_put(t, "def %s(", nm);
    for (int i = 0; i < np; i++) pool_params(t, p[i], i);
    it_put(t, "):\n");
    if (k == IT_PRODUCT) gen_product(t, p, np);
    else if (k == IT_CHAIN) gen_chain(t, p, np);
    else if (k == IT_PAIRWISE) gen_pairwise(t, p[0]);
    else gen_choose(t, p[0], k, r);
    Node *args[3 * IT_ARGS_MAX];
    int nargs = 0;
    for (int i = 0; i < np; i++) pool_args(I, p[i], args, &nargs);
    *callp = rewritten(I, call, args, nargs);
    return parse_def(I, t, call);
}

/* the callee is spelled as one of these functions and the module imports itertools or functools: only
 * then is the callee evaluated (so that other calls add nothing to a kernel's IR) */
bool it_maybe_call(Inf *I, Node *call) {
    if (call->kind != N_CALL || (call->a->kind != N_NAME && call->a->kind != N_ATTR)) return false;
    bool named = false;
    for (int k = 0; k < (int)NELEM(table) && !named; k++) named = !strcmp(table[k].name, call->a->name);
    if (!named) return false;
    Ast *ast = I->env->ast;
    for (int i = 0; i < ast->nfrom; i++)
        if (!strncmp(ast->from_targets[i], "itertools", 9) || !strncmp(ast->from_targets[i], "functools", 9)) return true;
    return false;
}

/* ---- functools.reduce ---- */

Val it_call(Inf *I, Node *call, int k) {
    if (k != IT_REDUCE)
        inf_fail(I, call, "itertools.%s() is supported as the iterable of a for statement or a comprehension, and in list(), "
                 "sorted(), sum(), min(), max(), any() and all()", table[k].name);
    keyword(I, call, "reduce", NULL);
    if (call->nkids < 2 || call->nkids > 3)
        inf_fail(I, call, "reduce expected %s arguments, got %d", call->nkids < 2 ? "at least 2" : "at most 3", call->nkids);
    Text *t = new_text(I, call);
    Pool p = pool_of(I, call->kids[1]);
    Node *args[5]; /* the callee, a range's three (or the pool), the initial value */
    int nargs = 0;
    Val f = ex_expr(I, call->kids[0]);
    bool builtin = f.ty->kind == T_BUILTIN; /* spliced; anything else (a lambda, a def, a kernel) is an argument */
    it_put(t, "def reduce(%s", builtin ? "" : IT_CALLEE);
    if (!builtin) args[nargs++] = call->kids[0];
    pool_params(t, p, 0);
    if (call->nkids == 3) { /* acc = initial; acc = f(acc, x) for each item */
        it_put(t, ", acc):\n");
        indent(t, 1); it_put(t, "for x in "); pool_iter(t, p, 0); it_put(t, ":\n");
        indent(t, 2); it_put(t, "acc = %s(acc, x)\n", IT_CALLEE);
    } else { /* the first item starts */
        it_put(t, "):\n");
        pool_len(t, p, 0, 1);
        indent(t, 1); it_put(t, "if n0 == 0:\n");
        indent(t, 2); it_put(t, "raise TypeError(\"reduce() of empty iterable with no initial value\")\n");
        indent(t, 1); it_put(t, "acc = "); pool_item(t, p, 0, "0"); it_put(t, "\n");
        indent(t, 1); it_put(t, "for i in range(1, n0):\n");
        indent(t, 2); it_put(t, "acc = %s(acc, ", IT_CALLEE); pool_item(t, p, 0, "i"); it_put(t, ")\n");
    }
    indent(t, 1); it_put(t, "return acc\n");
    pool_args(I, p, args, &nargs);
    if (call->nkids == 3) args[nargs++] = call->kids[2];
    Node *def = parse_def(I, t, call);
    if (builtin) splice(def, call->kids[0]);
    return nf_inline(I, rewritten(I, call, args, nargs), def);
}
