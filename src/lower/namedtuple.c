/*
 * namedtuple.c — collections.namedtuple's classes in kernels.
 *
 * A class is a module constant (jit/lit.c reads `Point = namedtuple('Point', 'x y', defaults=(0,))`) of the
 * compile-time type T_CLASS; its instances are tuples whose type carries the class's names (Type.names). So all a
 * tuple does a named tuple does, unchanged: index, unpack, iterate, compare, hash, key a dict or a set, sit in a
 * list, travel through calls and returns (a signature tells two classes apart by their names' hash). What a named
 * tuple adds is here, with CPython's rules and messages:
 *   - the constructor: positional, keyword and default arguments bound as the class's __new__ binds them;
 *   - p.x (a field by name), p._fields, Point._fields, Point.__name__;
 *   - p._replace(x=...), p._asdict() (a dict, so its values must have one type), Point._make(seq) (a tuple,
 *     a list or a 1-d array; a list's or an array's length is checked when it runs);
 *   - isinstance(p, Point) (lower/typetest.c), and the repr Point(x=1, y=2) (rt/print.c, from the type's names).
 * A value whose class two paths disagree on (a Point on one, a plain tuple on the other) is a compile error: they
 * print differently.
 */
#include "infer.h"
#include <string.h>

static const char *plural(int n) { return n == 1 ? "" : "s"; }

/* "'x'", "'x' and 'y'", "'x', 'y', and 'z'": the names CPython's missing-argument message lists */
static void name_list(char *buf, size_t cap, const char **names, int n) {
    size_t k = 0;
    buf[0] = 0;
    for (int i = 0; i < n && k < cap; i++)
        k += (size_t)snprintf(buf + k, cap - k, "%s'%s'", i == 0 ? "" : i == n - 1 ? (n == 2 ? " and " : ", and ") : ", ", names[i]);
}

const char *nt_bind(const Type *cls, Node *call, Node **out, Node **at, char *msg, size_t cap) {
    const TyNames *q = cls->names;
    int nf = q->n, nd = cls->ndefaults;
    for (int i = 0; i < nf; i++) out[i] = NULL;
    *at = call;
    if (call->nkids > nf) {
        if (nd) snprintf(msg, cap, "%s.__new__() takes from %d to %d positional arguments but %d were given", q->name, nf - nd + 1, nf + 1, call->nkids + 1);
        else snprintf(msg, cap, "%s.__new__() takes %d positional argument%s but %d were given", q->name, nf + 1, plural(nf + 1), call->nkids + 1);
        return msg;
    }
    for (int i = 0; i < call->nkids; i++) out[i] = call->kids[i];
    for (int k = 0; k < call->nkids2; k++) {
        int j = 0;
        while (j < nf && strcmp(q->fields[j], call->names[k])) j++;
        *at = call->kids2[k];
        if (j == nf) { snprintf(msg, cap, "%s.__new__() got an unexpected keyword argument '%s'", q->name, call->names[k]); return msg; }
        if (out[j]) { snprintf(msg, cap, "%s.__new__() got multiple values for argument '%s'", q->name, q->fields[j]); return msg; }
        out[j] = call->kids2[k];
    }
    const char *missing[TY_TUPLE_MAX];
    int nm = 0;
    for (int i = 0; i < nf - nd; i++) if (!out[i]) missing[nm++] = q->fields[i];
    if (!nm) return NULL;
    char names[TY_TUPLE_MAX * 8];
    name_list(names, sizeof names, missing, nm);
    *at = call;
    snprintf(msg, cap, "%s.__new__() missing %d required positional argument%s: %s", q->name, nm, plural(nm), names);
    return msg;
}

/* a tuple of values as an instance of the class named q */
static Val instance(Inf *I, const TyNames *q, Val t) {
    if (!(t.ty = ty_named_tuple(I->tt, q, t.ty->elems, t.ty->n))) inf_oom(I);
    return t;
}

/* an argument as a tuple item: a string literal made a string at run time, as a tuple display makes it */
static Val item(Inf *I, Node *n) { return tx_value(I, ex_expr(I, n)); }

static Val default_of(Inf *I, const Type *cls, int i) {
    Lit *d = (Lit *)cls->aux + (i - (cls->names->n - cls->ndefaults));
    return tx_value(I, cl_lit(I, d));
}

Val nt_new(Inf *I, Node *call, const Type *cls) {
    Node *arg[TY_TUPLE_MAX], *at;
    char msg[TY_TUPLE_MAX * 8 + 200];
    if (nt_bind(cls, call, arg, &at, msg, sizeof msg)) inf_fail(I, at, "%s", msg);
    Val v[TY_TUPLE_MAX];
    for (int i = 0; i < cls->names->n; i++) v[i] = arg[i] ? item(I, arg[i]) : default_of(I, cls, i);
    return instance(I, cls->names, inf_tuple(I, v, cls->names->n));
}

/* the field names as a tuple of strings */
static Val fields(Inf *I, const TyNames *q) {
    Val v[TY_TUPLE_MAX];
    for (int i = 0; i < q->n; i++) {
        v[i] = val_of(I, inf_static(I, &I->tt->str));
        if ((v[i].str = ir_str(I->f, q->fields[i])) < 0) inf_oom(I);
        v[i] = tx_value(I, v[i]);
    }
    return inf_tuple(I, v, q->n);
}

Val nt_attr(Inf *I, Val o, const char *a, Node *n) {
    const TyNames *q = o.ty->names;
    for (int i = 0; i < q->n; i++) if (!strcmp(q->fields[i], a)) return o.el[i];
    if (!strcmp(a, "_fields")) return fields(I, q);
    inf_fail(I, n, "'%s' object has no attribute '%s'", q->name, a);
}

Val nt_class_attr(Inf *I, const Type *cls, const char *a, Node *n) {
    if (!strcmp(a, "_fields")) return fields(I, cls->names);
    if (!strcmp(a, "__name__")) {
        Val v = val_of(I, inf_static(I, &I->tt->str));
        if ((v.str = ir_str(I->f, cls->names->name)) < 0) inf_oom(I);
        return v;
    }
    inf_fail(I, n, "type object '%s' has no attribute '%s' (kiln knows _fields, __name__ and _make)", cls->names->name, a);
}

/* p._replace(x=1): a new instance, the named fields replaced */
static Val replace(Inf *I, Node *call, Val o) {
    const TyNames *q = o.ty->names;
    if (call->nkids) inf_fail(I, call, "%s._replace() takes 1 positional argument but %d were given", q->name, call->nkids + 1);
    Val v[TY_TUPLE_MAX];
    for (int i = 0; i < q->n; i++) v[i] = o.el[i];
    char bad[512];
    size_t k = 0;
    for (int j = 0; j < call->nkids2; j++) {
        int i = 0;
        while (i < q->n && strcmp(q->fields[i], call->names[j])) i++;
        if (i < q->n) v[i] = item(I, call->kids2[j]);
        else if (k < sizeof bad) k += (size_t)snprintf(bad + k, sizeof bad - k, "%s'%s'", k ? ", " : "", call->names[j]);
    }
    if (k) inf_fail(I, call, "Got unexpected field names: [%s]", bad);
    return instance(I, q, inf_tuple(I, v, q->n));
}

/* p._asdict(): {'x': p.x, 'y': p.y}, written as the dict display it is */
static Val asdict(Inf *I, Node *call, Val o) {
    const TyNames *q = o.ty->names;
    if (call->nkids || call->nkids2) inf_fail(I, call, "%s._asdict() takes no arguments", q->name);
    for (int i = 1; i < q->n; i++)
        if (o.ty->elems[i] != o.ty->elems[0])
            inf_fail(I, call, "%s._asdict(): its fields hold %s and %s, and a kiln dict's values have one type", q->name,
                     inf_tyname(I, o.ty->elems[0]), inf_tyname(I, o.ty->elems[i]));
    char buf[TY_TUPLE_MAX * 80];
    ItText x = {buf, sizeof buf, 0, I, call, "_asdict()"};
    it_put(&x, "def asdict(p):\n    return {");
    for (int i = 0; i < q->n; i++) it_put(&x, "'%s': p[%d], ", q->fields[i], i);
    it_put(&x, "}\n");
    Node *arg = it_held(I, call, 0, o);
    return it_inline(I, call, x.buf, x.n, "<_asdict>", &arg, 1);
}

/* Point._make(seq): its items as the fields, as many as there are fields (CPython's TypeError otherwise) */
static Val make(Inf *I, Node *call, const Type *cls) {
    const TyNames *q = cls->names;
    if (call->nkids != 1 || call->nkids2) inf_fail(I, call, "%s._make() takes one argument (a tuple, a list or a 1-d array) here", q->name);
    Val s = ex_expr(I, call->kids[0]);
    if (s.ty->kind == T_TUPLE && !ty_is_optional(s.ty)) {
        if (s.ty->n != q->n) inf_fail(I, call, "Expected %d arguments, got %d", q->n, s.ty->n);
        Val v[TY_TUPLE_MAX];
        for (int i = 0; i < q->n; i++) v[i] = tx_value(I, s.el[i]);
        return instance(I, q, inf_tuple(I, v, q->n));
    }
    if (s.ty->kind != T_LIST && !(s.ty->kind == T_ARRAY && s.ty->ndim == 1))
        inf_fail(I, call, "%s._make() of %s is not supported (a tuple, a list or a 1-d array is)", q->name, inf_tyname(I, s.ty));
    char buf[TY_TUPLE_MAX * 16 + 200];
    ItText x = {buf, sizeof buf, 0, I, call, "_make()"};
    it_put(&x, "def make(v):\n    if len(v) != %d:\n        raise TypeError(f\"Expected %d arguments, got {len(v)}\")\n    return (",
           q->n, q->n);
    for (int i = 0; i < q->n; i++) it_put(&x, "v[%d], ", i);
    it_put(&x, ")\n");
    Node *arg = it_held(I, call, 0, s);
    return instance(I, q, it_inline(I, call, x.buf, x.n, "<_make>", &arg, 1));
}

Val nt_method(Inf *I, Node *call, Val o, const char *m) {
    if (!strcmp(m, "_replace")) return replace(I, call, o);
    if (!strcmp(m, "_asdict")) return asdict(I, call, o);
    inf_fail(I, call, "'%s' object has no attribute '%s'", o.ty->names->name, m);
}

Val nt_class_method(Inf *I, Node *call, const Type *cls, const char *m) {
    if (!strcmp(m, "_make")) return make(I, call, cls);
    inf_fail(I, call, "type object '%s' has no attribute '%s' (kiln knows _fields, __name__ and _make)", cls->names->name, m);
}
