/*
 * opfuncs.c — functions and constants spelled through a module or a type (the operator module's functions, str's
 * methods, sys's numbers) as the expressions, lambdas and literals they are, on the syntax tree.
 *
 *     operator.add(x, y)              ->  x + y                           (called where it is written)
 *     operator.add                    ->  lambda $a, $b: $a + $b          (a value: key=, reduce, map, a variable)
 *     operator.itemgetter(1)          ->  lambda $o: $o[1]                (itemgetter(1, 2): ($o[1], $o[2]))
 *     operator.attrgetter('x.y')      ->  lambda $o: $o.x.y               (several names: a tuple)
 *     operator.methodcaller('m', a)   ->  lambda $o: $o.m(a)
 *
 * so that everything that takes an operator or a lambda (sorted's key, functools.reduce, itertools.accumulate,
 * map, max's key, a call of a variable) takes the operator module's functions, lowered by the same code. The
 * rewrite is made on `operator.NAME` where `operator` is the module (an `import operator`, or `import operator as
 * op`) and on a name imported from it (`from operator import itemgetter`), unless the module binds that name some
 * other way (a def, a parameter, an assignment, a loop variable). The lambdas' parameters hold a '$' no Python
 * name has. itemgetter's and methodcaller's arguments are read at each call of the lambda (CPython reads them
 * once, when itemgetter is called: the same for the literals and names they are written with). A name kiln does
 * not know (operator.length_hint) is left as it is and lowering refuses it, naming the module.
 *
 * A string method spelled through the type, the way keys and maps are written, is the same idea:
 *
 *     str.lower(s)                    ->  s.lower()
 *     str.lower                       ->  lambda $s: $s.lower()           (sorted(words, key=str.lower), map(str.strip, xs))
 *
 * where `str` is Python's builtin (nothing in the module binds the name). And the sys module's numbers a kernel
 * reads are the constants they are on every 64-bit CPython: `sys.maxsize`, `sys.maxunicode`, `sys.float_info.epsilon`
 * (max, min, dig, mant_dig, max_exp, min_exp, radix), also imported by name (`from sys import maxsize`).
 */
#include "opfuncs.h"
#include "outline.h"
#include "lex.h"
#include <stdio.h>
#include <string.h>

enum { K_BINARY, K_COMPARE, K_UNARY, K_CALL1, K_CONTAINS, K_GETITEM, K_ITEMGETTER, K_ATTRGETTER, K_METHODCALLER };

static const struct { const char *name; int kind, tok; const char *fn; } ops[] = {
    {"add", K_BINARY, TK_PLUS, 0}, {"sub", K_BINARY, TK_MINUS, 0}, {"mul", K_BINARY, TK_STAR, 0},
    {"truediv", K_BINARY, TK_SLASH, 0}, {"floordiv", K_BINARY, TK_FLOORDIV, 0}, {"mod", K_BINARY, TK_PERCENT, 0},
    {"pow", K_BINARY, TK_POW, 0}, {"matmul", K_BINARY, TK_AT, 0}, {"and_", K_BINARY, TK_AMP, 0},
    {"or_", K_BINARY, TK_PIPE, 0}, {"xor", K_BINARY, TK_CARET, 0}, {"lshift", K_BINARY, TK_SHL, 0},
    {"rshift", K_BINARY, TK_SHR, 0}, {"concat", K_BINARY, TK_PLUS, 0},
    {"lt", K_COMPARE, TK_LT, 0}, {"le", K_COMPARE, TK_LE, 0}, {"eq", K_COMPARE, TK_EQ, 0}, {"ne", K_COMPARE, TK_NE, 0},
    {"ge", K_COMPARE, TK_GE, 0}, {"gt", K_COMPARE, TK_GT, 0}, {"is_", K_COMPARE, TK_IS, 0},
    {"is_not", K_COMPARE, TK_ISNOT, 0},
    {"neg", K_UNARY, TK_MINUS, 0}, {"pos", K_UNARY, TK_PLUS, 0}, {"invert", K_UNARY, TK_TILDE, 0},
    {"inv", K_UNARY, TK_TILDE, 0}, {"not_", K_UNARY, TK_NOT, 0},
    {"abs", K_CALL1, 0, "abs"}, {"truth", K_CALL1, 0, "bool"}, {"index", K_CALL1, 0, "int"},
    {"contains", K_CONTAINS, TK_IN, 0}, {"getitem", K_GETITEM, 0, 0},
    {"itemgetter", K_ITEMGETTER, 0, 0}, {"attrgetter", K_ATTRGETTER, 0, 0}, {"methodcaller", K_METHODCALLER, 0, 0},
};

static int lookup(const char *name) {
    for (int k = 0; k < (int)NELEM(ops); k++) if (!strcmp(ops[k].name, name)) return k;
    return -1;
}

static int arity(int k) {
    switch (ops[k].kind) {
    case K_UNARY: case K_CALL1: return 1;
    case K_BINARY: case K_COMPARE: case K_CONTAINS: case K_GETITEM: return 2;
    default: return -1; /* the getters: any number of arguments, making a function */
    }
}

/* ---- names the module binds other than by importing: those are not the operator module's ---- */

typedef struct Bound { Out *o; Names names; } Bound;

static void target_names(Bound *b, Node *t) {
    if (!t) return;
    t = ast_unstar(t);
    if (t->kind == N_NAME) ol_add(b->o, &b->names, t->name);
    if (t->kind == N_TUPLE || t->kind == N_LIST) for (int i = 0; i < t->nkids; i++) target_names(b, t->kids[i]);
}

static bool collect(Node *n, void *ctx) {
    Bound *b = ctx;
    switch (n->kind) {
    case S_DEF: case N_LAMBDA:
        if (n->kind == S_DEF) ol_add(b->o, &b->names, n->name);
        for (int i = 0; i < n->nnames; i++) ol_add(b->o, &b->names, n->names[i]);
        break;
    case S_ASSIGN: for (int i = 0; i < n->nkids; i++) target_names(b, n->kids[i]); break;
    case S_AUGASSIGN: case S_FOR: case N_COMPFOR: target_names(b, n->a); break;
    case N_NAMEDEXPR: target_names(b, n->a); break;
    case S_GLOBAL_CONST: ol_add(b->o, &b->names, n->name); break;
    case S_EXCEPT: if (n->name) ol_add(b->o, &b->names, n->name); break;
    default: break;
    }
    return true;
}

/* ---- the rewrite ---- */

typedef struct Op { Out o; Names bound; } Op;

/* the operator function n names (-1: none): `operator.NAME` of the module, or a name imported from it */
static int named(Op *m, const Node *n) {
    const Ast *ast = m->o.ast;
    if (n->kind == N_ATTR && n->a->kind == N_NAME && !ol_has(&m->bound, n->a->name)) {
        const char *t = ast_binding(ast, n->a->name);
        return t && !strcmp(t, "operator") ? lookup(n->name) : -1;
    }
    if (n->kind == N_NAME && !ol_has(&m->bound, n->name)) {
        const char *t = ast_binding(ast, n->name);
        return t && !strncmp(t, "operator.", 9) ? lookup(t + 9) : -1;
    }
    return -1;
}

static Node *param(Op *m, const Node *at, int i) {
    char buf[48];
    snprintf(buf, sizeof buf, "$op%d_%d", at->id, i);
    return ol_name(&m->o, ol_str(&m->o, buf), at);
}

/* the expression operator function k computes of args (arity(k) of them), at `at` */
static Node *applied(Op *m, int k, Node **args, const Node *at) {
    Out *o = &m->o;
    Node *e;
    switch (ops[k].kind) {
    case K_BINARY:
        e = ol_mk(o, N_BINARY, at);
        e->op = (uint8_t)ops[k].tok; e->a = args[0]; e->b = args[1];
        e->chain = (uint16_t)((args[0]->kind == N_BINARY ? args[0]->chain : 0) + 1);
        return e;
    case K_COMPARE: case K_CONTAINS: {
        e = ol_mk(o, N_COMPARE, at);
        bool in = ops[k].kind == K_CONTAINS; /* contains(a, b) is b in a */
        e->a = in ? args[1] : args[0];
        e->kids2 = ol_kids(o, in ? &args[0] : &args[1], 1);
        e->nkids2 = 1;
        e->ops = ol_alloc(o, 1);
        e->ops[0] = (uint8_t)ops[k].tok;
        return e;
    }
    case K_UNARY:
        e = ol_mk(o, N_UNARY, at);
        e->op = (uint8_t)ops[k].tok; e->a = args[0];
        return e;
    case K_CALL1:
        e = ol_mk(o, N_CALL, at);
        e->a = ol_name(o, ops[k].fn, at);
        e->kids = ol_kids(o, args, 1); e->nkids = 1;
        return e;
    default: /* K_GETITEM */
        e = ol_mk(o, N_SUBSCR, at);
        e->a = args[0];
        e->kids = ol_kids(o, &args[1], 1); e->nkids = 1;
        return e;
    }
}

static Node *lambda_of(Op *m, Node **params, int n, Node *body, const Node *at) {
    Node *l = ol_mk(&m->o, N_LAMBDA, at);
    l->names = ol_alloc(&m->o, sizeof(char *) * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++) l->names[i] = params[i]->name;
    l->nnames = n;
    l->kids2 = ol_alloc(&m->o, sizeof(Node *) * (size_t)(n ? n : 1)); /* no defaults */
    for (int i = 0; i < n; i++) l->kids2[i] = NULL;
    l->nkids2 = n;
    l->a = body;
    return l;
}

/* $o.a.b for the text "a.b" */
static Node *attr_chain(Op *m, Node *obj, const char *text, Node *at) {
    Node *e = obj;
    for (const char *p = text;;) {
        const char *dot = strchr(p, '.');
        size_t len = dot ? (size_t)(dot - p) : strlen(p);
        if (!len) ol_fail(&m->o, at, "attrgetter(): an attribute name is empty");
        char part[128];
        snprintf(part, sizeof part, "%.*s", (int)(len < 127 ? len : 127), p);
        Node *a = ol_mk(&m->o, N_ATTR, at);
        a->a = e; a->name = ol_str(&m->o, part);
        e = a;
        if (!dot) return e;
        p = dot + 1;
    }
}

/* itemgetter(...), attrgetter(...), methodcaller(name, ...) called at call: the function they make, a lambda */
static Node *getter(Op *m, int k, Node *call) {
    Out *o = &m->o;
    const char *nm = ops[k].name;
    Node *obj = param(m, call, 0);
    Node *body;
    if (ops[k].kind == K_METHODCALLER) {
        if (call->nkids < 1 || call->kids[0]->kind != N_STR)
            ol_fail(o, call, "methodcaller() takes the method's name as a string written in the call here");
        Node *f = ol_mk(o, N_ATTR, call);
        f->a = obj; f->name = call->kids[0]->name;
        body = ol_mk(o, N_CALL, call);
        body->a = f;
        body->kids = ol_kids(o, call->kids + 1, call->nkids - 1); body->nkids = call->nkids - 1;
        body->kids2 = call->kids2; body->nkids2 = call->nkids2; body->names = call->names; body->nnames = call->nnames;
        return lambda_of(m, &obj, 1, body, call);
    }
    if (call->nkids2) ol_fail(o, call, "%s() takes no keyword arguments", nm);
    if (call->nkids < 1) ol_fail(o, call, "%s expected 1 argument, got 0", nm);
    Node *items[64];
    if (call->nkids > 64) ol_fail(o, call, "%s() of more than 64 items is not supported", nm);
    for (int i = 0; i < call->nkids; i++) {
        Node *a = call->kids[i];
        if (ops[k].kind == K_ATTRGETTER) {
            if (a->kind != N_STR) ol_fail(o, a, "attrgetter() takes attribute names as strings written in the call here");
            items[i] = attr_chain(m, i ? ol_name(o, obj->name, call) : obj, a->name, call);
        } else {
            Node *s = ol_mk(o, N_SUBSCR, call);
            s->a = i ? ol_name(o, obj->name, call) : obj;
            s->kids = ol_kids(o, &a, 1); s->nkids = 1;
            items[i] = s;
        }
    }
    if (call->nkids == 1) body = items[0];
    else {
        body = ol_mk(o, N_TUPLE, call);
        body->kids = ol_kids(o, items, call->nkids); body->nkids = call->nkids;
    }
    return lambda_of(m, &obj, 1, body, call);
}

/* str.NAME (N_ATTR of the builtin str): the method's name, else NULL */
static const char *str_method(Op *m, const Node *n) {
    if (n->kind != N_ATTR || n->a->kind != N_NAME || strcmp(n->a->name, "str") || ol_has(&m->bound, "str") ||
        ast_binding(m->o.ast, "str"))
        return NULL;
    return n->name[0] == '_' ? NULL : n->name; /* str.__len__ & co.: not rewritten (refused where used) */
}

static void replace(Node *n, const Node *with);

/* sys's constants: a name under sys (maxsize), or under sys.float_info (epsilon) */
static const struct { const char *under, *name; bool f; int64_t i; double d; } sys_consts[] = {
    {"sys", "maxsize", false, INT64_MAX, 0}, {"sys", "maxunicode", false, 0x10FFFF, 0},
    {"sys.float_info", "epsilon", true, 0, 2.220446049250313e-16}, {"sys.float_info", "max", true, 0, 1.7976931348623157e308},
    {"sys.float_info", "min", true, 0, 2.2250738585072014e-308}, {"sys.float_info", "dig", false, 15, 0},
    {"sys.float_info", "mant_dig", false, 53, 0}, {"sys.float_info", "max_exp", false, 1024, 0},
    {"sys.float_info", "min_exp", false, -1021, 0}, {"sys.float_info", "radix", false, 2, 0},
};

/* what the module path n spells ("sys", "sys.float_info"), written into buf: names bound by importing sys */
static bool sys_path(Op *m, const Node *n, char *buf, size_t cap) {
    if (n->kind == N_NAME) {
        const char *t = ol_has(&m->bound, n->name) ? NULL : ast_binding(m->o.ast, n->name);
        if (!t || strncmp(t, "sys", 3) || (t[3] && t[3] != '.')) return false;
        snprintf(buf, cap, "%s", t);
        return true;
    }
    if (n->kind != N_ATTR || !sys_path(m, n->a, buf, cap)) return false;
    size_t k = strlen(buf);
    snprintf(buf + k, cap - k, ".%s", n->name);
    return true;
}

/* n, a sys constant, made the literal it is (false: not one) */
static bool sys_constant(Op *m, Node *n) {
    char path[96];
    if (!(n->kind == N_ATTR || n->kind == N_NAME) || !sys_path(m, n, path, sizeof path)) return false;
    const char *dot = strrchr(path, '.');
    if (!dot) return false;
    for (size_t k = 0; k < NELEM(sys_consts); k++)
        if ((size_t)(dot - path) == strlen(sys_consts[k].under) && !strncmp(path, sys_consts[k].under, (size_t)(dot - path)) &&
            !strcmp(dot + 1, sys_consts[k].name)) {
            Node *c = ol_mk(&m->o, sys_consts[k].f ? N_FLOAT : N_INT, n);
            if (sys_consts[k].f) c->v.f = sys_consts[k].d; else c->v.i = sys_consts[k].i;
            replace(n, c);
            return true;
        }
    return false;
}

/* n rewritten in place into what it stands for (its node id stays: ids key type hints per site) */
static void replace(Node *n, const Node *with) {
    int32_t id = n->id;
    *n = *with;
    n->id = id;
}

static void walk(Op *m, Node *n) {
    if (!n) return;
    if (sys_constant(m, n)) return;
    if (n->kind == N_CALL && str_method(m, n->a)) { /* str.lower(s, ...) -> s.lower(...) */
        if (n->nkids < 1) ol_fail(&m->o, n, "unbound method str.%s() needs an argument", n->a->name);
        for (int i = 0; i < n->nkids; i++) walk(m, n->kids[i]);
        for (int i = 0; i < n->nkids2; i++) walk(m, n->kids2[i]);
        n->a->a = n->kids[0];
        n->kids++;
        n->nkids--;
        return;
    }
    if (str_method(m, n)) { /* str.lower as a value: lambda $s: $s.lower() */
        Node *s = param(m, n, 0), *f = ol_mk(&m->o, N_ATTR, n), *c = ol_mk(&m->o, N_CALL, n);
        f->a = ol_name(&m->o, s->name, n); f->name = n->name;
        c->a = f;
        replace(n, lambda_of(m, &s, 1, c, n));
        return;
    }
    if (n->kind == N_CALL) {
        int k = named(m, n->a);
        if (k >= 0) {
            for (int i = 0; i < n->nkids; i++) walk(m, n->kids[i]);
            for (int i = 0; i < n->nkids2; i++) walk(m, n->kids2[i]);
            int want = arity(k);
            if (want < 0) { replace(n, getter(m, k, n)); return; }
            if (n->nkids2) ol_fail(&m->o, n, "%s() takes no keyword arguments", ops[k].name);
            if (n->nkids != want) ol_fail(&m->o, n, "%s expected %d argument%s, got %d", ops[k].name, want, want == 1 ? "" : "s", n->nkids);
            replace(n, applied(m, k, n->kids, n));
            return;
        }
    }
    if (n->kind == N_ATTR || n->kind == N_NAME) {
        int k = named(m, n);
        if (k >= 0) {
            if (arity(k) < 0)
                ol_fail(&m->o, n, "operator.%s makes a function when called: call it here (operator.%s(...))", ops[k].name, ops[k].name);
            Node *params[2] = {param(m, n, 0), param(m, n, 1)}, *uses[2];
            for (int i = 0; i < arity(k); i++) uses[i] = ol_name(&m->o, params[i]->name, n);
            replace(n, lambda_of(m, params, arity(k), applied(m, k, uses, n), n));
            return;
        }
    }
    walk(m, n->a); walk(m, n->b); walk(m, n->c);
    for (int i = 0; i < n->nkids; i++) walk(m, n->kids[i]);
    for (int i = 0; i < n->nkids2; i++) walk(m, n->kids2[i]);
}

/* whether the module mentions `str.` anywhere (the one pass worth making without an operator import) */
static bool names_str(Node *n, void *ctx) {
    if (n->kind == N_ATTR && n->a && n->a->kind == N_NAME && !strcmp(n->a->name, "str")) *(bool *)ctx = true;
    return !*(bool *)ctx;
}

void op_desugar(Arena *a, Ast *ast, Diag *d) {
    bool any = false;
    for (int i = 0; i < ast->nfrom && !any; i++) any = !strncmp(ast->from_targets[i], "operator", 8) &&
                                                     (!ast->from_targets[i][8] || ast->from_targets[i][8] == '.');
    for (int i = 0; i < ast->nfrom && !any; i++) any = !strncmp(ast->from_targets[i], "sys", 3) &&
                                                     (!ast->from_targets[i][3] || ast->from_targets[i][3] == '.');
    for (int i = 0; i < ast->ndefs && !any; i++) ol_visit(ast->defs[i], names_str, &any);
    if (!any) return;
    Op m = {{a, d, ast, NULL, {0}}, {0}};
    Bound b = {&m.o, {0}};
    for (int i = 0; i < ast->ndefs; i++) ol_visit(ast->defs[i], collect, &b);
    for (int i = 0; i < ast->nconsts; i++) ol_visit(ast->consts[i], collect, &b);
    m.bound = b.names;
    for (int i = 0; i < ast->ndefs; i++) walk(&m, ast->defs[i]);
}
