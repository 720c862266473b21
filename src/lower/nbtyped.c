/*
 * nbtyped.c — Numba's typed containers and type names, so Numba code that uses them runs unchanged:
 * numba.typed.List and Dict are kiln's lists and dicts (§6a, §6b of docs/language.md), and numba.types' names
 * are read where the containers take them:
 *
 *   List()                    an empty list, its item type learned from its use, as `[]`
 *   List(iterable)            list(iterable)
 *   List.empty_list(T)        an empty list of items of type T
 *   Dict()                    an empty dict, as `{}`
 *   Dict.empty(K, V)          an empty dict of keys K and values V (key_type=, value_type= too)
 *
 * A type is written as Numba writes it: types.int64 ... types.complex128, types.boolean, types.intp,
 * types.unicode_type, types.UniTuple(T, n), types.Tuple((A, B)), types.ListType(T), types.DictType(K, V), and an
 * array type T[:], T[:, :], T[:, ::1] (C-contiguous when the last axis is ::1). Numba's int64, float64,
 * complex128 and boolean items are Python's int, float, complex and bool (Numba hands them to Python as those),
 * the other widths NumPy scalars. The names are found through the module's imports (`from numba import types`,
 * `from numba.core import types`, `from numba.types import int64`, `import numba` then numba.types.int64).
 * A container is a kiln list or dict everywhere, so from Python it comes back as a list or a dict (Numba gives its
 * typed.List and typed.Dict), and its items are stored as kiln stores them: a value of another type is the compile
 * error a list's or a dict's is (Numba would convert it).
 */
#include "infer.h"
#include <string.h>

/* the dotted name node n spells through the imports ("numba.types.int64"), into buf; NULL if it is none */
static const char *dotted(Inf *I, Node *n, char *buf, size_t cap) {
    if (n->kind == N_ATTR) {
        char inner[256];
        const char *a = dotted(I, n->a, inner, sizeof inner);
        if (!a) return NULL;
        snprintf(buf, cap, "%s.%s", a, n->name);
    } else if (n->kind == N_NAME) {
        const char *t = ast_binding(I->env->ast, n->name);
        if (!t || st_is_var(I, n->name)) return NULL;
        snprintf(buf, cap, "%s", t);
    } else return NULL;
    if (!strncmp(buf, "numba.core.", 11)) memmove(buf + 6, buf + 11, strlen(buf + 11) + 1); /* numba.core.types: numba.types */
    return buf;
}

static const struct { const char *name; kiln_dtype dt; bool py; } scalars[] = {
    {"int64", KILN_INT64, true}, {"intp", KILN_INT64, true}, {"int_", KILN_INT64, true},
    {"float64", KILN_FLOAT64, true}, {"double", KILN_FLOAT64, true}, {"float_", KILN_FLOAT64, true},
    {"complex128", KILN_COMPLEX128, true}, {"boolean", KILN_BOOL, true}, {"bool_", KILN_BOOL, true},
    {"int8", KILN_INT8, false}, {"int16", KILN_INT16, false}, {"int32", KILN_INT32, false},
    {"uint8", KILN_UINT8, false}, {"uint16", KILN_UINT16, false}, {"uint32", KILN_UINT32, false},
    {"uint64", KILN_UINT64, false}, {"uintp", KILN_UINT64, false}, {"float32", KILN_FLOAT32, false},
    {"complex64", KILN_COMPLEX64, false},
};

int nb_scalar(const char *name) {
    for (int i = 0; i < (int)NELEM(scalars); i++) if (!strcmp(scalars[i].name, name)) return scalars[i].dt;
    return -1;
}

static const Type *type_of(Inf *I, Node *n);

/* T[:], T[:, ::1]: an array of T's dtype */
static const Type *array_type(Inf *I, Node *n) {
    const Type *e = type_of(I, n->a);
    if (e->kind != T_SCALAR) inf_fail(I, n, "an array type's item must be a scalar type (types.float64[:])");
    int nd = n->nkids;
    Node **ax = n->kids;
    if (nd > KILN_MAXDIM) inf_fail(I, n, "an array type of %d dimensions (kiln's arrays have at most %d)", nd, KILN_MAXDIM);
    bool c = false;
    for (int k = 0; k < nd; k++) {
        Node *s = ax[k];
        if (s->kind != N_SLICE || s->a || s->b || (s->c && !(s->c->kind == N_INT && s->c->v.i == 1 && k == nd - 1)))
            inf_fail(I, s, "an array type's axes are ':' (and '::1' for the last, C-contiguous)");
        c = s->c != NULL;
    }
    return ty_array(I->tt, (kiln_dtype)e->dtype, nd, c ? LAYOUT_C : LAYOUT_ANY);
}

static const Type *checked(Inf *I, const Type *t) {
    if (!t) inf_oom(I);
    return t;
}

/* types.UniTuple(T, n), types.Tuple((A, B)), types.ListType(T), types.DictType(K, V) */
static const Type *constructed(Inf *I, Node *n, const char *what) {
    if (n->nkids2) inf_fail(I, n, "types.%s() takes its arguments by position here", what);
    const Type *e[TY_TUPLE_MAX];
    if (!strcmp(what, "UniTuple") && n->nkids == 2) {
        int64_t k = cl_const_int(I, n->kids[1], "types.UniTuple()'s count", "");
        if (k < 0 || k > TY_TUPLE_MAX) inf_fail(I, n->kids[1], "types.UniTuple() of %lld items (0 to %d)", (long long)k, TY_TUPLE_MAX);
        for (int i = 0; i < k; i++) e[i] = type_of(I, n->kids[0]);
        return checked(I, ty_tuple(I->tt, e, (int)k));
    }
    if (!strcmp(what, "Tuple") && n->nkids == 1 && (n->kids[0]->kind == N_TUPLE || n->kids[0]->kind == N_LIST)) {
        Node *items = n->kids[0];
        if (items->nkids > TY_TUPLE_MAX) inf_fail(I, items, "types.Tuple() of more than %d types", TY_TUPLE_MAX);
        for (int i = 0; i < items->nkids; i++) e[i] = type_of(I, items->kids[i]);
        return checked(I, ty_tuple(I->tt, e, items->nkids));
    }
    if (!strcmp(what, "ListType") && n->nkids == 1) return checked(I, ty_list(I->tt, type_of(I, n->kids[0])));
    if (!strcmp(what, "DictType") && n->nkids == 2) return checked(I, ty_dict(I->tt, type_of(I, n->kids[0]), type_of(I, n->kids[1])));
    inf_fail(I, n, "types.%s() is not a type kiln reads here (types.UniTuple(T, n), types.Tuple((A, B)), types.ListType(T) "
                   "and types.DictType(K, V) are)", what);
}

/* the kiln type a Numba type expression names */
static const Type *type_of(Inf *I, Node *n) {
    if (n->kind == N_SUBSCR) return array_type(I, n);
    if (n->kind == N_NAME && !st_is_var(I, n->name)) { /* a module constant: `int_array = types.int64[:]` */
        Lit *l = I->env->constant(I->env->cx, n->name);
        if (l && l->ty->kind == T_NBTYPE) return type_of(I, l->node);
    }
    char buf[300];
    const char *d = dotted(I, n->kind == N_CALL ? n->a : n, buf, sizeof buf);
    if (d && !strncmp(d, "numba.types.", 12)) {
        const char *name = d + 12;
        if (n->kind == N_CALL) return constructed(I, n, name);
        for (size_t i = 0; i < NELEM(scalars); i++)
            if (!strcmp(scalars[i].name, name)) return ty_scalar(I->tt, scalars[i].dt, scalars[i].py);
        if (!strcmp(name, "unicode_type")) return &I->tt->string;
    }
    inf_fail(I, n, "a container's type is written as Numba writes it here (types.int64, types.float64[:], types.unicode_type, "
                   "types.UniTuple(types.int64, 2) ...)");
}

/* Dict.empty(key_type, value_type, n_keys=0) */
static Val dict_empty(Inf *I, Node *call) {
    static const char *const params[] = {"key_type", "value_type", "n_keys", NULL};
    Node *arg[3];
    cl_np_bind(I, call, "Dict.empty", 0, params, 3, arg);
    if (!arg[0] || !arg[1]) inf_fail(I, call, "Dict.empty() missing required argument '%s'", arg[0] ? "value_type" : "key_type");
    if (arg[2]) ex_expr(I, arg[2]); /* a size hint: evaluated, as Numba does, and not needed */
    const Type *k = type_of(I, arg[0]), *v = type_of(I, arg[1]);
    dc_key_kind(I, "dict", k, arg[0]); /* numbers, strings or tuples of them, as any dict's */
    return dc_new(I, k, v);
}

/* List.empty_list(item_type, allocated=0) */
static Val list_empty(Inf *I, Node *call) {
    static const char *const params[] = {"item_type", "allocated", NULL};
    Node *arg[2];
    cl_np_bind(I, call, "List.empty_list", 0, params, 2, arg);
    if (!arg[0]) inf_fail(I, call, "List.empty_list() missing required argument 'item_type'");
    if (arg[1]) ex_expr(I, arg[1]);
    return ls_new(I, type_of(I, arg[0]));
}

Val nb_call(Inf *I, Node *call, int k) {
    if (k == NB_LIST) {
        if (call->nkids2) inf_fail(I, call, "List() takes no keyword arguments");
        if (call->nkids > 1) inf_fail(I, call, "List() takes at most 1 argument (%d given)", call->nkids);
        return call->nkids ? ls_list_call(I, call) : ls_list_of_untyped(I);
    }
    if (call->nkids || call->nkids2) inf_fail(I, call, "Dict() takes no arguments here (Dict.empty(key_type, value_type) makes a typed one)");
    return dc_call(I, call);
}

Val nb_method(Inf *I, Node *call, int k, const char *m) {
    if (k == NB_LIST && !strcmp(m, "empty_list")) return list_empty(I, call);
    if (k == NB_DICT && !strcmp(m, "empty")) return dict_empty(I, call);
    inf_fail(I, call, "%s.%s is not supported (List(), List(iterable), List.empty_list(T), Dict() and Dict.empty(K, V) are)",
             k == NB_LIST ? "List" : "Dict", m);
}
