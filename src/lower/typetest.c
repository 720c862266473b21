/*
 * typetest.c — isinstance(x, classinfo), decided by x's type.
 *
 * A kernel's types are known when it compiles, so isinstance is a constant there (and an `if` on it prunes the
 * arm that cannot run, as a literal condition does: stmt.c's static_cond), except for an Optional, whose
 * answer is whether it holds a value at run time (a name's type decides an `if`; another expression is evaluated
 * once, where the condition is, and a call in it runs). The classes are
 * Python's and NumPy's, with their subclass relations: bool is an int; np.float64 is a float and np.complex128 a
 * complex (they subclass them), no other NumPy scalar is a Python number; np.generic > np.number > np.integer
 * (signedinteger, unsignedinteger) and np.inexact (floating, complexfloating); np.bool_ is only np.generic; a
 * dtype class (np.float32) is that scalar type; np.ndarray the arrays; a namedtuple class its instances (which are
 * tuples too); object everything. classinfo is one of
 * those or a tuple of them (nested tuples too), written in place: a class kiln does not know is a compile error.
 */
#include "infer.h"
#include <string.h>

enum {
    C_OBJECT, C_INT, C_FLOAT, C_COMPLEX, C_BOOL, C_STR, C_LIST, C_TUPLE, C_DICT, C_SET,
    C_NDARRAY, C_GENERIC, C_NUMBER, C_INTEGER, C_SIGNED, C_UNSIGNED, C_INEXACT, C_FLOATING, C_COMPLEXFLOATING,
    C_DTYPE, /* + the dtype: that NumPy scalar type */
    C_NAMED = C_DTYPE + KILN_NDTYPE, /* + a named-tuple class's id (TyNames.id) */
};

static const struct { const char *name; int c; } python_classes[] = {
    {"object", C_OBJECT}, {"int", C_INT}, {"float", C_FLOAT}, {"complex", C_COMPLEX}, {"bool", C_BOOL},
    {"str", C_STR}, {"list", C_LIST}, {"tuple", C_TUPLE}, {"dict", C_DICT}, {"set", C_SET},
};

static const struct { const char *name; int c; } numpy_classes[] = {
    {"ndarray", C_NDARRAY}, {"generic", C_GENERIC}, {"number", C_NUMBER}, {"integer", C_INTEGER},
    {"signedinteger", C_SIGNED}, {"unsignedinteger", C_UNSIGNED}, {"inexact", C_INEXACT}, {"floating", C_FLOATING},
    {"complexfloating", C_COMPLEXFLOATING},
};

/* the class a classinfo node names (C_*), or a compile error */
static int class_of(Inf *I, Node *n) {
    if (n->kind == N_NAME && !st_is_var(I, n->name))
        for (int k = 0; k < (int)NELEM(python_classes); k++)
            if (!strcmp(python_classes[k].name, n->name)) return python_classes[k].c;
    if (n->kind == N_ATTR) {
        const Type *m = ex_expr(I, n->a).ty;
        if (m->kind == T_MODULE && m->id == MOD_NUMPY)
            for (int k = 0; k < (int)NELEM(numpy_classes); k++)
                if (!strcmp(numpy_classes[k].name, n->name)) return numpy_classes[k].c;
    }
    const Type *t = ex_expr(I, n).ty;
    if (t->kind == T_DTYPE && !t->weak) return C_DTYPE + t->dtype; /* np.float32, np.int64 ... */
    if (t->kind == T_CLASS) return C_NAMED + t->names->id; /* a namedtuple class */
    inf_fail(I, n, "isinstance() arg 2 must be a type, a tuple of types or a union (kiln knows Python's numbers, str, "
                   "list, tuple, dict, set, object, np.ndarray and NumPy's scalar types and their classes)");
}

/* is a value of type t (not an Optional) an instance of class c? */
static bool instance(const Type *t, int c) {
    if (c == C_OBJECT) return true;
    switch (t->kind) {
    case T_SCALAR: {
        int d = t->dtype;
        if (t->weak)
            return (c == C_INT && dt_is_intlike(d)) || (c == C_BOOL && d == KILN_BOOL) ||
                   (c == C_FLOAT && dt_is_float(d)) || (c == C_COMPLEX && dt_is_complex(d));
        switch (c) {
        case C_FLOAT: return d == KILN_FLOAT64;
        case C_COMPLEX: return d == KILN_COMPLEX128;
        case C_GENERIC: return true;
        case C_NUMBER: return d != KILN_BOOL;
        case C_INTEGER: return dt_is_int(d);
        case C_SIGNED: return dt_is_signed(d);
        case C_UNSIGNED: return dt_is_unsigned(d);
        case C_INEXACT: return dt_is_float(d) || dt_is_complex(d);
        case C_FLOATING: return dt_is_float(d);
        case C_COMPLEXFLOATING: return dt_is_complex(d);
        default: return c == C_DTYPE + d;
        }
    }
    case T_ARRAY: return c == C_NDARRAY;
    case T_LIST: return c == C_LIST;
    case T_TUPLE: return c == C_TUPLE || (t->names && c == C_NAMED + t->names->id);
    case T_DICT: return c == C_DICT;
    case T_SET: return c == C_SET;
    case T_STR: case T_STRING: return c == C_STR;
    default: return false;
    }
}

/* an instance of any class classinfo names (a tuple: any of its items, nested tuples too) */
static bool instance_of_any(Inf *I, const Type *t, Node *classinfo) {
    if (classinfo->kind == N_TUPLE) {
        bool any = false;
        for (int i = 0; i < classinfo->nkids; i++) any |= instance_of_any(I, t, classinfo->kids[i]); /* each checked */
        return any;
    }
    return instance(t, class_of(I, classinfo));
}

static void check_args(Inf *I, Node *call) {
    if (call->nkids2) inf_fail(I, call, "isinstance() takes no keyword arguments");
    if (call->nkids != 2) inf_fail(I, call, "isinstance expected 2 arguments, got %d", call->nkids);
}

int tt_isinstance_static(Inf *I, Node *call) {
    check_args(I, call);
    if (call->kids[0]->kind != N_NAME) return -1; /* evaluated once, where the condition is (tt_isinstance) */
    Val x = ex_keep_optional(I, call->kids[0]);
    if (ty_is_optional(x.ty)) {
        if (!instance_of_any(I, x.ty->elems[1], call->kids[1])) return 0; /* not even when it holds a value */
        return -1;
    }
    return instance_of_any(I, x.ty, call->kids[1]);
}

Val tt_isinstance(Inf *I, Node *call) {
    check_args(I, call);
    Val x = ex_keep_optional(I, call->kids[0]);
    bool opt = ty_is_optional(x.ty);
    bool yes = instance_of_any(I, opt ? x.ty->elems[1] : x.ty, call->kids[1]);
    if (opt && yes) /* whether it holds a value */
        return val_of(I, inf_op2(I, OP_NE, inf_bool(I), x.el[0].r, inf_const_i(I, x.el[0].ty, 0)));
    return val_of(I, inf_const_i(I, inf_bool(I), yes));
}
