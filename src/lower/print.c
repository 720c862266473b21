/*
 * print.c — print(*items, sep=' ', end='\n') in a kernel: one OP_LIB
 * (LIB_PRINT) whose first operand is a static T_FORMAT (sep, end and each
 * item's type, string literals as their text) and whose other operands are
 * the items' leaves; rt/print.c writes CPython's str() of them through the
 * call's print hook. Numbers, strings, None, lists, tuples and Optionals
 * print; arrays (rt/arrayfmt.c: NumPy's str() and, inside containers, repr())
 * of every dtype (complex ones as NumPy's ComplexFloatingFormat writes them) and scalars of every dtype (float32's
 * own digits) too. An f-string item is a FORMAT_GROUP of its
 * texts and FORMAT_FIELDs (a value with its format spec, rt/print.c's
 * formatting of Python's mini-language for numbers).
 */
#include "infer.h"
#include "../ir/lib.h"
#include "../rt/lib.h"
#include <stdio.h>
#include <string.h>

static void printable(Inf *I, const Type *t, Node *at) {
    switch (t->kind) {
    case T_STR: case T_NONE: case T_EXC: case T_STRING: return;
    case T_SCALAR: return;
    case T_LIST: case T_SET: printable(I, ty_item(t), at); return;
    case T_DICT: printable(I, t->elems[0], at); printable(I, t->elems[1], at); return; /* {k: v, ...}, in order */
    case T_TUPLE: for (int k = 0; k < t->n; k++) printable(I, t->elems[k], at); return;
    case T_UNKNOWN: return;
    case T_ARRAY:
        if (t->ndim == 0) /* inside a container (NumPy's repr() there) */
            inf_fail(I, at, "print() of a 0-d array inside a container is not supported yet (NumPy's repr() of it)");
        return;
    default: inf_fail(I, at, "print() of %s is not supported", ty_name(t));
    }
}

/* sep= / end=: a string literal, or None for the default */
static const Type *text_arg(Inf *I, Node *n, const char *dflt, const char *what) {
    if (!n || n->kind == N_NONE) return ty_text(I->tt, dflt);
    if (n->kind != N_STR) inf_fail(I, n, "print(): %s= must be a string written in the call", what);
    const Type *t = ty_text(I->tt, n->name);
    if (!t) inf_oom(I);
    return t;
}

static const Type *text(Inf *I, const char *s) {
    const Type *t = ty_text(I->tt, s);
    if (!t) inf_oom(I);
    return t;
}

/* whether n is written as a dtype object (a.dtype, np.dtype(...)), which prints as its name, rather than as a scalar
 * type (np.float32 prints as <class 'numpy.float32'>), which kiln does not tell from it by value */
static bool dtype_value(Node *n) {
    if (n->kind == N_ATTR) return !strcmp(n->name, "dtype");
    return n->kind == N_CALL && n->a->kind == N_ATTR && !strcmp(n->a->name, "dtype");
}

const Type *pr_item(Inf *I, Node *a, Ref *ops, int *nops) {
    if (a->kind == N_FSTRING) {
        if (a->nkids > 254) inf_fail(I, a, "an f-string of more than 254 parts is not supported");
        const Type *parts[256];
        parts[0] = parts[1] = text(I, "");
        for (int k = 0; k < a->nkids; k++) {
            Node *p = a->kids[k];
            if (p->kind == N_STR) { parts[2 + k] = text(I, p->name); continue; }
            if (p->op == 'r' && !p->name[0] && dtype_value(p->a)) { /* {a.dtype!r}: dtype('float32') */
                Val d = ex_expr(I, p->a);
                if (d.ty->kind == T_DTYPE) {
                    char r[64];
                    snprintf(r, sizeof r, "dtype('%s')", kiln_dtype_name((kiln_dtype)d.ty->dtype));
                    parts[2 + k] = text(I, r);
                    continue;
                }
            }
            const Type *v = pr_item(I, p->a, ops, nops); /* a field: {value!conv:spec} */
            if (!v) return NULL;
            if (v->kind == T_LIST || v->kind == T_TUPLE || v->kind == T_NONE) {
                if (p->name[0]) inf_fail(I, p, "f-string: a format spec for %s is not supported", ty_name(v));
                parts[2 + k] = v;
                continue;
            }
            char conv[2] = {(char)p->op, 0};
            const Type *f[3] = {text(I, p->name), text(I, conv), v};
            const Type *as = p->op ? &I->tt->str : v; /* !r and !s format the text */
            if (p->name[0] && !rt_format_spec_ok(p->name, as)) inf_fail(I, p, "f-string: format spec '%s' is not supported for %s", p->name, ty_name(as));
            if (!(parts[2 + k] = ty_format(I->tt, f, 3, FORMAT_FIELD))) inf_oom(I);
        }
        const Type *g = ty_format(I->tt, parts, 2 + a->nkids, FORMAT_GROUP);
        if (!g) inf_oom(I);
        return g;
    }
    Val v = ex_keep_optional(I, a); /* print(f(x)) prints None or the value */
    if (v.ty->kind == T_UNKNOWN) return NULL;
    if (v.ty->kind == T_ARRAY && v.ty->ndim == 0) /* NumPy's str() and format() of a 0-d array are its item's */
        v = inf_item0(I, ew_force(I, v, a));
    if (v.ty->kind == T_DTYPE && dtype_value(a)) return text(I, kiln_dtype_name((kiln_dtype)v.ty->dtype)); /* str(a.dtype): its name */
    printable(I, v.ty, a);
    if (v.ty->kind == T_STR) return text(I, tx_text(I, v));
    *nops += cl_flatten(I, v, ops + *nops, TY_LEAVES_MAX + 1 - *nops);
    return v.ty;
}

Val pr_print(Inf *I, Node *call) {
    Node *sep = NULL, *end = NULL;
    for (int k = 0; k < call->nkids2; k++) {
        const char *nm = call->names[k];
        Node *v = call->kids2[k];
        if (!strcmp(nm, "sep")) sep = v;
        else if (!strcmp(nm, "end")) end = v;
        else if (!strcmp(nm, "flush")) { if (v->kind != N_BOOL) inf_fail(I, v, "print(): flush= must be True or False written in the call"); }
        else if (!strcmp(nm, "file")) { if (v->kind != N_NONE) inf_fail(I, v, "print(): file= is not supported (kernels print to stdout)"); }
        else inf_fail(I, v, "'%s' is an invalid keyword argument for print()", nm);
    }
    if (call->nkids > 256) inf_fail(I, call, "print() of more than 256 items is not supported");
    const Type *fmt[2 + 256];
    Ref ops[1 + TY_LEAVES_MAX];
    int nops = 1;
    fmt[0] = text_arg(I, sep, " ", "sep");
    fmt[1] = text_arg(I, end, "\n", "end");
    for (int i = 0; i < call->nkids; i++) {
        fmt[2 + i] = pr_item(I, call->kids[i], ops, &nops);
        if (!fmt[2 + i]) return val_of(I, inf_static(I, &I->tt->unknown));
    }
    const Type *f = ty_format(I->tt, fmt, 2 + call->nkids, FORMAT_PRINT);
    if (!f) inf_oom(I);
    ops[0] = inf_static(I, f);
    inf_emit(I, OP_LIB, NULL, ops, (uint32_t)nops, LIB_PRINT);
    return val_of(I, inf_static(I, &I->tt->none));
}
