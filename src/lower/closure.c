/*
 * closure.c — lambdas and functions defined inside a kernel, lowered where
 * they are called.
 *
 * A `lambda` or an inner `def` is a static value (T_CLOSURE, its node's id):
 * it may sit in a variable and be called there, but it never leaves the
 * kernel (passing it to another kernel is an error that says so). A call
 * copies the function's body with its parameters and its own locals renamed
 * to hidden variables of this call site, assigns the arguments to them, and
 * lowers the copy in place: a lambda's body as an expression, a def's body as
 * statements whose `return` assigns a hidden result and jumps past the body.
 * A name the function does not bind is the enclosing kernel's variable, read
 * when the call runs: Python's late-binding closures. Defaults are evaluated
 * at the call (they must be literals, so that is the same value).
 */
#include "infer.h"
#include <stdio.h>
#include <string.h>

enum { NF_DEPTH_MAX = 16 }; /* inner functions calling inner functions; deeper (a cycle among them) is an error: one that
                              * calls itself was made a kernel of its own before lowering (front/lift.c) */

typedef struct Ren { const char **from, **to; int n, cap; Inf *I; } Ren;

static void ren_add(Ren *r, const char *from, const char *to) {
    if (r->n == r->cap) {
        int cap = r->cap ? 2 * r->cap : 16;
        const char **f = arena_realloc(r->I->a, r->from, sizeof(char *) * (size_t)r->cap, sizeof(char *) * (size_t)cap);
        const char **t = arena_realloc(r->I->a, r->to, sizeof(char *) * (size_t)r->cap, sizeof(char *) * (size_t)cap);
        if (!f || !t) inf_oom(r->I);
        r->from = f; r->to = t; r->cap = cap;
    }
    r->from[r->n] = from; r->to[r->n++] = to;
}

static bool has(const char *const *names, int n, const char *name) {
    for (int i = 0; i < n; i++) if (!strcmp(names[i], name)) return true;
    return false;
}

static Node *copy(Ren *r, Node *n, const char *const *shadow, int nshadow);

static Node **copy_list(Ren *r, Node **v, int n, const char *const *shadow, int nshadow) {
    if (!v) return NULL;
    Node **c = arena_alloc(r->I->a, sizeof(Node *) * (size_t)(n ? n : 1));
    if (!c) inf_oom(r->I);
    for (int i = 0; i < n; i++) c[i] = copy(r, v[i], shadow, nshadow);
    return c;
}

/* n with the renamed names replaced; a lambda or def inside keeps its own parameters (they shadow) */
static Node *copy(Ren *r, Node *n, const char *const *shadow, int nshadow) {
    if (!n) return NULL;
    Node *c = arena_alloc(r->I->a, sizeof *c);
    if (!c) inf_oom(r->I);
    *c = *n;
    /* a copy is a node of its own: a generator iterated inside its own loop's body (or an inner def's loop
     * copied twice) must not share the hidden variables named after its loops' ids */
    if (n->id >= 0) c->id = r->I->next_id++;
    if (n->kind == N_NAME) {
        if (has(shadow, nshadow, n->name)) return c;
        for (int i = r->n - 1; i >= 0; i--)
            if (!strcmp(r->from[i], n->name)) { c->name = r->to[i]; break; }
        return c;
    }
    if (n->kind == S_NONLOCAL) { /* its names are the enclosing function's: renamed as its variables are */
        const char **names = arena_alloc(r->I->a, sizeof(char *) * (size_t)n->nnames);
        if (!names) inf_oom(r->I);
        for (int k = 0; k < n->nnames; k++) {
            names[k] = n->names[k];
            if (has(shadow, nshadow, n->names[k])) continue;
            for (int i = r->n - 1; i >= 0; i--)
                if (!strcmp(r->from[i], n->names[k])) { names[k] = r->to[i]; break; }
        }
        c->names = names;
        return c;
    }
    if (n->kind == N_LAMBDA || n->kind == S_DEF) { shadow = n->names; nshadow = n->nnames; }
    if (n->kind == S_DEF) { /* its name is a local of the function being copied: renamed like other locals */
        for (int i = r->n - 1; i >= 0; i--)
            if (!strcmp(r->from[i], n->name)) { c->name = r->to[i]; break; }
    }
    c->a = copy(r, n->a, shadow, nshadow); c->b = copy(r, n->b, shadow, nshadow); c->c = copy(r, n->c, shadow, nshadow);
    c->kids = copy_list(r, n->kids, n->nkids, shadow, nshadow);
    c->kids2 = copy_list(r, n->kids2, n->nkids2, shadow, nshadow);
    return c;
}

/* a local of the def being called, once */
static void bind_local(void *r, const char *name) {
    Ren *locals = r;
    if (!has(locals->from, locals->n, name)) ren_add(locals, name, NULL);
}

static Val closure_value(Inf *I, Node *n) {
    for (uint32_t i = 0; i < I->closures.n; i++)
        if (I->closures.v[i] == n) goto known;
    if (!vec_push(I->a, I->closures, n)) inf_oom(I);
known:;
    const Type *t = ty_func(I->tt, T_CLOSURE, n->id);
    if (!t) inf_oom(I);
    return val_of(I, inf_static(I, t));
}

Val nf_lambda(Inf *I, Node *n) { return closure_value(I, n); }

void nf_def(Inf *I, Node *s) {
    for (int i = 0; i < s->nkids2; i++) /* defaults are evaluated at each call: literals only, so that is the same */
        if (s->kids2[i] && s->kids2[i]->kind != N_INT && s->kids2[i]->kind != N_FLOAT && s->kids2[i]->kind != N_BOOL &&
            s->kids2[i]->kind != N_NONE && s->kids2[i]->kind != N_STR && !(s->kids2[i]->kind == N_UNARY && s->kids2[i]->a->kind <= N_FLOAT))
            inf_fail(I, s->kids2[i], "a default of an inner function must be a literal here");
    Node t = {0};
    t.kind = N_NAME; t.name = s->name; t.line = s->line; t.col = s->col; t.id = -1;
    inf_assign(I, &t, closure_value(I, s));
}

static Node *def_of(Inf *I, const Type *t, Node *at) {
    for (uint32_t i = 0; i < I->closures.n; i++)
        if (I->closures.v[i]->id == t->id) return I->closures.v[i];
    inf_fail(I, at, "internal error: an inner function not defined in this kernel");
}

/* the names the nonlocal statements of body declare (not those of defs inside it: theirs are their own) */
static void scan_nonlocal(Node **body, int n, Ren *out) {
    for (int i = 0; i < n; i++) {
        Node *s = body[i];
        if (s->kind == S_NONLOCAL)
            for (int k = 0; k < s->nnames; k++)
                if (!has(out->from, out->n, s->names[k])) ren_add(out, s->names[k], NULL);
        if (s->kind == S_DEF) continue;
        if (s->kind == S_IF || s->kind == S_WHILE || s->kind == S_FOR || s->kind == S_TRY || s->kind == S_EXCEPT) {
            scan_nonlocal(s->kids, s->nkids, out);
            scan_nonlocal(s->kids2, s->nkids2, out);
        }
    }
}

/* the arguments of a call of def (bound as Python binds them, evaluated in the caller's scope) assigned to
 * hidden variables of this call site that stand for def's parameters; r gets def's parameters and its own
 * locals renamed to them */
static void bind_call(Inf *I, Node *call, Node *def, const char *fname, bool lambda, Ren *r, const char *tag) {
    call = cl_pack_varargs(I, call, def, fname);
    int np = def->nnames;
    Val *args = arena_alloc(I->a, sizeof(Val) * (size_t)(np ? np : 1));
    bool *set = arena_alloc(I->a, (size_t)(np ? np : 1));
    if (!args || !set) inf_oom(I);
    memset(set, 0, (size_t)(np ? np : 1));
    if (call->nkids > np) inf_fail(I, call, "%s() takes %d positional argument%s but %d were given", fname, np, np == 1 ? "" : "s", call->nkids);
    for (int i = 0; i < call->nkids; i++) { args[i] = ex_expr(I, call->kids[i]); set[i] = true; }
    for (int k = 0; k < call->nkids2; k++) {
        int i = 0;
        while (i < np && strcmp(def->names[i], call->names[k])) i++;
        if (i == np) inf_fail(I, call->kids2[k], "%s() got an unexpected keyword argument '%s'", fname, call->names[k]);
        if (set[i]) inf_fail(I, call->kids2[k], "%s() got multiple values for argument '%s'", fname, call->names[k]);
        args[i] = ex_expr(I, call->kids2[k]);
        set[i] = true;
    }
    for (int i = 0; i < np; i++) {
        if (set[i]) continue;
        if (!def->kids2 || !def->kids2[i]) inf_fail(I, call, "%s() missing required positional argument: '%s'", fname, def->names[i]);
        args[i] = ex_expr(I, def->kids2[i]);
    }
    /* parameters and the def's own locals become hidden variables of this call site; a name it declares nonlocal
     * stays the enclosing function's variable */
    Ren locals = {NULL, NULL, 0, 0, I};
    for (int i = 0; i < np; i++) ren_add(&locals, def->names[i], NULL);
    if (!lambda) {
        Ren outer = {NULL, NULL, 0, 0, I};
        scan_nonlocal(def->kids, def->nkids, &outer);
        inf_scan_binds(def->kids, def->nkids, bind_local, &locals);
        for (int k = 0; k < outer.n; k++) {
            if (has(def->names, np, outer.from[k])) inf_fail(I, def, "name '%s' is parameter and nonlocal", outer.from[k]);
            if (!st_is_var(I, outer.from[k])) inf_fail(I, def, "no binding for nonlocal '%s' found", outer.from[k]);
            for (int i = 0; i < locals.n; i++)
                if (locals.from[i] && !strcmp(locals.from[i], outer.from[k])) locals.from[i] = NULL;
        }
    }
    char fmt[160];
    for (int i = 0; i < locals.n; i++) {
        if (!locals.from[i]) continue; /* nonlocal */
        snprintf(fmt, sizeof fmt, "$%s%%d.%s", tag, locals.from[i]);
        ren_add(r, locals.from[i], st_hidden(I, fmt, call)->name);
    }
    for (int i = 0; i < np; i++) {
        Node t = {0};
        t.kind = N_NAME; t.name = r->to[i]; t.line = call->line; t.col = call->col; t.id = -1;
        inf_assign(I, &t, args[i]);
    }
}

Val nf_call(Inf *I, Node *call, Val f) { return nf_inline(I, call, def_of(I, f.ty, call)); }

/* whether argument n is a function: a lambda written there, or a name (np.sqrt, a kernel, a builtin, a variable)
 * that holds a lambda, an inner function, a kernel or a builtin (reading a name emits nothing that stays) */
static bool is_closure_arg(Inf *I, Node *n) {
    if (n->kind == N_LAMBDA) return true;
    if (n->kind != N_NAME && !(n->kind == N_ATTR && n->a->kind == N_NAME)) return false;
    int k = ex_expr(I, n).ty->kind;
    return k == T_CLOSURE || k == T_FUNC || k == T_BUILTIN;
}

bool nf_passes_closure(Inf *I, Node *call) {
    for (int i = 0; i < call->nkids; i++) if (is_closure_arg(I, call->kids[i])) return true;
    for (int i = 0; i < call->nkids2; i++) if (is_closure_arg(I, call->kids2[i])) return true;
    return false;
}

/* a name of def's body that is none of its own (a global it reads) and that this function has a local of: inlined
 * here, the body would read the local */
static const char *shadowed(Inf *I, Node *n, const Ren *own) {
    if (!n) return NULL;
    if (n->kind == N_NAME) {
        bool mine = false;
        for (int i = 0; i < own->n && !mine; i++) mine = !strcmp(own->from[i], n->name);
        for (uint32_t i = 0; i < I->vars.n && !mine; i++)
            if (!strcmp(I->vars.v[i].name, n->name)) return n->name;
    }
    const char *s;
    if ((s = shadowed(I, n->a, own)) || (s = shadowed(I, n->b, own)) || (s = shadowed(I, n->c, own))) return s;
    for (int i = 0; i < n->nkids; i++) if ((s = shadowed(I, n->kids[i], own))) return s;
    for (int i = 0; i < n->nkids2; i++) if ((s = shadowed(I, n->kids2[i], own))) return s;
    return NULL;
}

/* kernel def called with a lambda or an inner function among its arguments: its body lowered here, as an inner
 * function's is (the closure is called where the kernel calls it, with what it captured), instead of a
 * specialization of its own, which could not take a function that lives in this call */
Val nf_kernel_with_closure(Inf *I, Node *call, Node *def) {
    Ren own = {NULL, NULL, 0, 0, I};
    for (int i = 0; i < def->nnames; i++) ren_add(&own, def->names[i], NULL);
    inf_scan_binds(def->kids, def->nkids, bind_local, &own);
    for (int i = 0; i < def->nkids; i++) {
        const char *s = shadowed(I, def->kids[i], &own);
        if (s)
            inf_fail(I, call, "%s() takes a function here, so kiln lowers its body at this call; it reads the global '%s', "
                     "which is also a local of this function: rename one of them", def->name, s);
    }
    if (def == I->def || I->ninl >= NF_DEPTH_MAX / 2)
        inf_fail(I, call, "%s() is given a function and is called recursively (or such calls nest more than %d deep): kiln "
                 "lowers a kernel given a lambda, an inner function, a kernel or a builtin in place, which cannot recurse",
                 def->name, NF_DEPTH_MAX / 2);
    return nf_inline(I, call, def);
}

/* an empty list passed to an inner function that fills it (heappush(h, x) appending to h = []): its parameter learned
 * the item type in an earlier round, so the caller's variable learns it too, as if the appends were written where
 * it lives (else the parameter's typed list would be a new one, and the caller's stay empty) */
static void learn_lists(Inf *I, Node *call, const Ren *r) {
    for (int i = 0; i < call->nkids && i < r->n; i++) {
        Node *a = call->kids[i];
        if (a->kind != N_NAME) continue;
        const Type *item = inf_list_hint_of(I, r->to[i]);
        if (!item || !inf_has_var(I, a->name)) continue;
        Val v = inf_read_name(I, a);
        if (v.ty->kind == T_LIST && ty_item(v.ty)->kind == T_UNKNOWN) inf_list_learn(I, a, item, a);
    }
}

Val nf_inline(Inf *I, Node *call, Node *def) {
    bool lambda = def->kind == N_LAMBDA;
    const char *fname = lambda ? "<lambda>" : def->name;
    if (I->ninl >= NF_DEPTH_MAX) inf_fail(I, call, "inner functions call each other more than %d deep (inner functions that call each other in a cycle are "
                                               "not supported; one that calls itself is)", NF_DEPTH_MAX);
    if (!lambda && nf_is_generator(def))
        inf_fail(I, call, "%s() is a generator: kiln runs a generator only as the iterable of a for statement", fname);
    Ren r = {NULL, NULL, 0, 0, I};
    bind_call(I, call, def, fname, lambda, &r, "f");
    if (lambda) return ex_expr(I, copy(&r, def->a, NULL, 0));
    learn_lists(I, call, &r);
    /* a def: its statements, a return assigning the result and leaving */
    Node *result = st_hidden(I, "$f%d.return", call);
    Node **body = copy_list(&r, def->kids, def->nkids, NULL, 0);
    uint32_t exit = inf_block(I);
    int saved_base = I->loop_base;
    I->loop_base = I->nloops; /* break and continue in the body are the body's own loops' (the caller's stay) */
    I->inl[I->ninl++] = (Inline){result, exit};
    st_body(I, body, def->nkids);
    I->ninl--;
    I->loop_base = saved_base;
    if (I->cur != NOBLOCK) {
        inf_assign(I, result, val_of(I, inf_static(I, &I->tt->none))); /* falling off the end returns None */
        inf_jump(I, exit);
    }
    I->cur = exit;
    inf_seal(I, exit);
    if (I->f->blocks.v[exit].preds.n == 0) return val_of(I, inf_static(I, &I->tt->none)); /* every path raised: dead code */
    return inf_read_name(I, result);
}

/* ---- generator functions: lowered where a for statement iterates them ----
 * `for x in g(args): body` with g a def holding `yield` copies g's body as a call would (its parameters
 * and locals renamed to hidden variables of this loop), and each `yield v` in it assigns v to the loop's
 * target and lowers the loop's body there: Python's order of events, one value at a time, with no
 * generator object. break in the loop's body leaves the generator too; continue goes on after the
 * yield; g's return (or its end) ends the loop, which then runs its else clause. A generator used any
 * other way (called for its value, passed, iterated by a comprehension) is a compile error. */

static bool yields(Node **body, int n) {
    for (int i = 0; i < n; i++) {
        Node *s = body[i];
        if (!s) continue;
        if (s->kind == S_YIELD) return true;
        if ((s->kind == S_IF || s->kind == S_WHILE || s->kind == S_FOR || s->kind == S_TRY || s->kind == S_EXCEPT) &&
            (yields(s->kids, s->nkids) || yields(s->kids2, s->nkids2)))
            return true;
    }
    return false;
}

bool nf_is_generator(const Node *def) { return def && def->kind == S_DEF && yields(def->kids, def->nkids); }

/* whether a yield appears anywhere in body, inner defs included */
static bool any_yield(Node **body, int n) {
    for (int i = 0; i < n; i++) {
        Node *s = body[i];
        if (!s) continue;
        if (s->kind == S_YIELD) return true;
        if ((s->kind == S_IF || s->kind == S_WHILE || s->kind == S_FOR || s->kind == S_DEF || s->kind == S_TRY ||
             s->kind == S_EXCEPT) &&
            (any_yield(s->kids, s->nkids) || any_yield(s->kids2, s->nkids2)))
            return true;
    }
    return false;
}

/* whether the module or the kernel being lowered has a generator at all: where none does, nothing is
 * looked up (a call's name evaluated to see what it calls would add a constant to every kernel's IR) */
static bool generators_exist(Inf *I) {
    if (!I->gen_scan) {
        bool any = any_yield(I->def->kids, I->def->nkids);
        for (int k = 0; k < I->env->nkernels && !any; k++) {
            Node *d = I->env->kernel(I->env->cx, k).def;
            any = d && any_yield(d->kids, d->nkids);
        }
        I->gen_scan = any ? 2 : 1;
    }
    return I->gen_scan == 2;
}

/* the def a call names (a kernel, an inner def, or the one made for an itertools call, whose call is then
 * rewritten in *callp), or NULL */
static Node *called_def(Inf *I, Node **callp, const char **fname) {
    Node *call = *callp;
    if (it_maybe_call(I, call)) {
        Val f = ex_expr(I, call->a);
        if (f.ty->kind == T_BUILTIN && cl_itertools(f.ty->id) >= 0) return it_generator(I, callp, cl_itertools(f.ty->id), fname);
    }
    if (call->kind != N_CALL || call->a->kind != N_NAME || !generators_exist(I)) return NULL;
    Val f = ex_expr(I, call->a);
    if (f.ty->kind == T_FUNC) {
        Kernel k = I->env->kernel(I->env->cx, f.ty->id);
        *fname = k.name;
        return k.def;
    }
    if (f.ty->kind != T_CLOSURE) return NULL;
    Node *def = def_of(I, f.ty, call);
    *fname = def->kind == S_DEF ? def->name : "<lambda>";
    return def;
}

bool nf_is_generator_call(Inf *I, Node *n) {
    const char *fname;
    return nf_is_generator(called_def(I, &n, &fname));
}

bool nf_gen_for(Inf *I, Node *loop) {
    Node *call = loop->b, *count = NULL;
    Val start = {0};
    /* enumerate(g(...)[, start]): a counter beside the generator, the pair (count, value) at each yield */
    if (call->kind == N_CALL && st_is_builtin_call(I, call, "enumerate") && call->nkids >= 1 && call->nkids <= 2 && !call->nkids2 &&
        nf_is_generator_call(I, call->kids[0])) {
        start = call->nkids == 2 ? ex_expr(I, call->kids[1]) : val_of(I, inf_k64(I, 0));
        if (start.ty->kind != T_SCALAR || !dt_is_int(start.ty->dtype)) inf_fail(I, call->kids[1], "enumerate()'s start must be an integer");
        call = call->kids[0];
        count = st_hidden(I, "$g%d.count", call);
    }
    const char *fname;
    Node *def = called_def(I, &call, &fname);
    if (!nf_is_generator(def)) return false;
    if (count) inf_assign(I, count, ex_coerce(I, start, inf_i64(I), call));
    if (I->ngen >= (int)NELEM(I->gen) || I->ninl >= NF_DEPTH_MAX)
        inf_fail(I, call, "generators iterate each other more than %d deep (a recursive generator is not supported)", (int)NELEM(I->gen));
    Ren r = {NULL, NULL, 0, 0, I};
    bind_call(I, call, def, fname, false, &r, "g");
    Node **body = copy_list(&r, def->kids, def->nkids, NULL, 0);
    uint32_t done = inf_block(I), brk = loop->nkids2 ? inf_block(I) : done;
    Node *result = st_hidden(I, "$g%d.return", call); /* a return's value: ignored, as a for statement ignores it */
    int saved_base = I->loop_base;
    int saved_cur = I->gen_cur;
    I->gen[I->ngen++] = (GenCtx){loop, brk, I->ninl, I->gen_cur, I->ntry, count};
    I->gen_cur = I->ngen;
    I->loop_base = I->nloops; /* the generator's own loops */
    I->inl[I->ninl++] = (Inline){result, done};
    st_body(I, body, def->nkids);
    I->ninl--;
    I->ngen--;
    I->gen_cur = saved_cur;
    I->loop_base = saved_base;
    if (I->cur != NOBLOCK) inf_jump(I, done);
    I->cur = done;
    inf_seal(I, done);
    if (I->f->blocks.v[done].preds.n == 0) I->cur = NOBLOCK;
    if (brk == done) return true;
    if (I->cur != NOBLOCK) { /* the else clause: the generator ran out without a break */
        st_body(I, loop->kids2, loop->nkids2);
        if (I->cur != NOBLOCK) inf_jump(I, brk);
    }
    I->cur = brk;
    inf_seal(I, brk);
    if (I->f->blocks.v[brk].preds.n == 0) I->cur = NOBLOCK;
    return true;
}

void nf_yield(Inf *I, Node *s) {
    if (!I->gen_cur) inf_fail(I, s, "'yield' here: kiln runs a generator only as the iterable of a for statement in a kernel");
    GenCtx g = I->gen[I->gen_cur - 1];
    Val v = s->a ? ex_expr(I, s->a) : val_of(I, inf_static(I, &I->tt->none));
    if (v.ty->kind == T_UNKNOWN || I->cur == NOBLOCK) return;
    if (g.count) { /* enumerate's pair; the count moves on before the loop's body runs (a continue keeps it) */
        Val c = inf_read_name(I, g.count);
        inf_assign(I, g.count, val_of(I, inf_op2(I, OP_ADD, inf_i64(I), c.r, inf_k64(I, 1))));
        const Type *et[2] = {c.ty, v.ty};
        Val pair = {0};
        pair.ty = ty_tuple(I->tt, et, 2);
        pair.str = -1;
        pair.el = arena_alloc(I->a, 2 * sizeof(Val));
        if (!pair.ty || !pair.el) inf_oom(I);
        pair.el[0] = c; pair.el[1] = v;
        v = pair;
    }
    uint32_t after = inf_block(I);
    /* the loop's body, in the scope of the for statement: its returns, its loops and its own yields (of a
     * generator around the for statement) are that scope's */
    int saved_base = I->loop_base, saved_cur = I->gen_cur;
    if (I->ninl >= (int)NELEM(I->inl)) inf_fail(I, s, "generators and inner functions nest too deeply here");
    /* where a return in the loop's body goes: the for statement's own function (a copy on top of the
     * stack, so that what the body pushes cannot overwrite the generator's entry below it) */
    I->inl[I->ninl++] = g.outer_ninl ? I->inl[g.outer_ninl - 1] : (Inline){NULL, 0};
    I->gen_cur = g.outer_cur;
    /* a raise in the loop's body is the for statement's, not the generator's: the generator's try statements do
     * not catch it (their entries are kept aside while the body may push its own) */
    uint32_t saved_trys[INF_TRY_MAX];
    int saved_ntry = I->ntry;
    memcpy(saved_trys, I->trys, sizeof saved_trys);
    I->ntry = g.outer_ntry;
    if (I->nloops >= (int)NELEM(I->loops)) inf_fail(I, s, "loops are nested too deeply");
    I->loops[I->nloops++] = (Loop){after, g.brk};
    I->loop_base = I->nloops - 1;
    if (g.loop->a) inf_assign(I, g.loop->a, v);
    st_body(I, g.loop->kids, g.loop->nkids);
    I->nloops--;
    I->loop_base = saved_base;
    I->gen_cur = saved_cur;
    memcpy(I->trys, saved_trys, sizeof saved_trys);
    I->ntry = saved_ntry;
    I->ninl--;
    if (I->cur != NOBLOCK) inf_jump(I, after);
    I->cur = after;
    inf_seal(I, after);
    if (I->f->blocks.v[after].preds.n == 0) I->cur = NOBLOCK;
}
