/*
 * str.c — Python strings as values: literals stored in variables, passed,
 * returned and put in tuples and lists; str(x), repr(x), f-strings, chr and
 * ord; + and *, comparisons, `in`, len, indexing and slicing, iteration over
 * the characters; int(s) and float(s) of a string made at run time; the
 * methods numeric code calls (find, count, startswith, endswith, upper,
 * lower, strip, replace, split, join, is*, padding); computed exception
 * messages. strfmt.c reads "...".format(...) and "..." % args of a literal as
 * the f-strings they spell.
 *
 * A literal stays a static T_STR (its text in Func.strs, folded where it
 * meets another literal: "a" + "b", "x" == "y") until it must exist at run
 * time; then it becomes a T_STRING made once per call in the entry block
 * (tx_value), so a loop that assigns a literal allocates nothing. The
 * routines are rt/str.c's, through LIB_STR.
 */
#include "infer.h"
#include "../ir/lib.h"
#include "../rt/lib.h"
#include <stdlib.h>
#include <string.h>

static Val mk(Inf *I, Ref r) { return val_of(I, r); }
static const Type *str_t(Inf *I) { return &I->tt->string; }
static const Type *bool_t(Inf *I) { return inf_bool(I); }
/* a literal's text: its index in Func.strs, or its type's (a static string argument, a variable holding one) */
const char *tx_text(Inf *I, Val v) { return v.str >= 0 ? I->f->strs.v[v.str] : v.ty->text ? v.ty->text : ""; }

bool tx_is(const Type *t) { return t->kind == T_STR || t->kind == T_STRING; }

static Ref lib(Inf *I, const Type *t, int op, int mode, const Ref *ops, int n) {
    return inf_emit(I, OP_LIB, t, ops, (uint32_t)n, LIB_STR | (int64_t)op << 8 | (int64_t)mode << 16);
}

static Val literal(Inf *I, const char *s) {
    Val v = mk(I, inf_static(I, &I->tt->str));
    v.str = ir_str(I->f, s);
    if (v.str < 0) inf_oom(I);
    return v;
}

/* the literal's run-time string: made once per call at the start of the entry block, right after its static text */
Val tx_value(Inf *I, Val v) {
    if (v.ty->kind != T_STR) return v;
    const char *s = tx_text(I, v);
    for (uint32_t i = 0; i < I->strlits.n; i++)
        if (!strcmp(I->strlits.v[i].text, s)) return mk(I, I->strlits.v[i].r);
    const Type *tt = ty_text(I->tt, s);
    if (!tt) inf_oom(I);
    Ref st = inf_static(I, tt);
    Ref r = ir_emit(I->f, 0, OP_LIB, str_t(I), &st, 1, LIB_STR | (int64_t)STR_LIT << 8, (uint32_t)I->line);
    if (!r) inf_oom(I);
    Block *b = &I->f->blocks.v[0];
    uint32_t at = 0;
    while (b->ins.v[at] != st) at++;
    memmove(&b->ins.v[at + 2], &b->ins.v[at + 1], sizeof(Ref) * (b->ins.n - 2 - at));
    b->ins.v[at + 1] = r;
    struct StrLit sl = {tt->text, r};
    if (!vec_push(I->a, I->strlits, sl)) inf_oom(I);
    return mk(I, r);
}

/* the values of a merge: one literal if every arm gives the same, else each arm's run-time string */
bool tx_merge_fix(Inf *I, Val *vals, int n, Val *out) {
    bool any = false, same = true;
    for (int i = 0; i < n; i++) {
        if (!tx_is(vals[i].ty)) continue;
        any = true;
        same &= vals[i].ty->kind == T_STR && vals[0].ty->kind == T_STR && !strcmp(tx_text(I, vals[i]), tx_text(I, vals[0]));
    }
    if (!any) return false;
    if (same) { *out = vals[0]; return true; }
    for (int i = 0; i < n; i++) vals[i] = tx_value(I, vals[i]);
    return false;
}

/* ---- the string of a value: str(), repr(), f-strings ---- */

/* what print() would write of the items (a FORMAT_PRINT with no sep or end) as a new string */
static Val formatted(Inf *I, const Type **items, int n, Ref *ops, int nops) {
    const Type *f[2 + 256];
    f[0] = f[1] = ty_text(I->tt, "");
    if (!f[0]) inf_oom(I);
    for (int k = 0; k < n; k++) f[2 + k] = items[k];
    const Type *fmt = ty_format(I->tt, f, 2 + n, FORMAT_PRINT);
    if (!fmt) inf_oom(I);
    ops[0] = inf_static(I, fmt);
    return mk(I, lib(I, str_t(I), STR_FORMAT, 0, ops, nops));
}

Val tx_fstring(Inf *I, Node *n) {
    Ref ops[1 + TY_LEAVES_MAX];
    int nops = 1;
    const Type *t = pr_item(I, n, ops, &nops);
    if (!t) return mk(I, inf_static(I, &I->tt->unknown));
    return formatted(I, &t, 1, ops, nops);
}

/* str(x), repr(x), ascii(x): conv 's', 'r' or 'a' (an f-string field's conversion) */
Val tx_str_call(Inf *I, Node *call, char conv) {
    const char *fname = conv == 's' ? "str" : conv == 'r' ? "repr" : "ascii";
    if (call->nkids2) inf_fail(I, call, "%s(): keyword arguments (encoding=, errors=) are not supported", fname);
    if (call->nkids > 1) inf_fail(I, call, conv == 's' ? "str() of bytes with an encoding is not supported (kiln has no bytes)"
                                                       : "%s() takes exactly one argument (%d given)", fname, call->nkids);
    if (!call->nkids && conv != 's') inf_fail(I, call, "%s() takes exactly one argument (0 given)", fname);
    if (!call->nkids) return literal(I, "");
    Node *a = call->kids[0];
    if (conv == 's' && (a->kind == N_STR)) return literal(I, a->name);
    Ref ops[1 + TY_LEAVES_MAX];
    int nops = 1;
    const Type *t = pr_item(I, a, ops, &nops);
    if (!t) return mk(I, inf_static(I, &I->tt->unknown));
    if (conv == 's' && t->kind == T_STRING) return mk(I, ops[1]); /* str of a string is that string */
    if (conv != 's') { /* a field with !r (!a) and no spec */
        const Type *f[3] = {ty_text(I->tt, ""), ty_text(I->tt, conv == 'r' ? "r" : "a"), t};
        if (!f[0] || !f[1] || !(t = ty_format(I->tt, f, 3, FORMAT_FIELD))) inf_oom(I);
    }
    return formatted(I, &t, 1, ops, nops);
}

/* chr(i), ord(c) */
Val tx_chr_ord(Inf *I, Node *call, bool chr) {
    if (call->nkids != 1 || call->nkids2) inf_fail(I, call, "%s() takes exactly one argument", chr ? "chr" : "ord");
    Val v = ex_expr(I, call->kids[0]);
    if (v.ty->kind == T_UNKNOWN) return v;
    if (chr) {
        if (v.ty->kind != T_SCALAR || !dt_is_intlike(v.ty->dtype))
            inf_fail(I, call, "'%s' object cannot be interpreted as an integer", inf_tyname(I, v.ty));
        Ref i = ex_coerce(I, v, inf_i64(I), call).r;
        return mk(I, lib(I, str_t(I), STR_CHR, 0, &i, 1));
    }
    if (!tx_is(v.ty)) inf_fail(I, call, "ord() expected string of length 1, but %s found", inf_tyname(I, v.ty));
    v = tx_value(I, v);
    return mk(I, lib(I, inf_i64(I), STR_ORD, 0, &v.r, 1));
}

/* int(s), float(s) of a run-time string */
Val tx_number(Inf *I, Val s, bool integer) {
    s = tx_value(I, s);
    return mk(I, lib(I, integer ? inf_i64(I) : ty_scalar(I->tt, KILN_FLOAT64, true), integer ? STR_INT : STR_FLOAT, 0, &s.r, 1));
}

/* int(s, base) of a string (a literal made at run time too) */
Val tx_int_base(Inf *I, Val s, Ref base) {
    s = tx_value(I, s);
    Ref ops[2] = {s.r, base};
    return mk(I, lib(I, inf_i64(I), STR_INT, 0, ops, 2));
}

/* ---- operators ---- */

Ref tx_len(Inf *I, Val s) {
    if (s.ty->kind == T_STR) { /* code points of the literal */
        int64_t n = 0;
        for (const unsigned char *p = (const unsigned char *)tx_text(I, s); *p; p++) n += (*p & 0xc0) != 0x80;
        return inf_k64(I, n);
    }
    return lib(I, inf_i64(I), STR_LEN, 0, &s.r, 1);
}

static bool int_like(const Type *t) { return t->kind == T_SCALAR && dt_is_intlike(t->dtype); }

static const char *py_name(Inf *I, const Type *t) { return tx_is(t) ? "str" : inf_tyname(I, t); }

Val tx_binop(Inf *I, int tok, Val a, Val b, Node *at) {
    if (a.ty->kind == T_UNKNOWN || b.ty->kind == T_UNKNOWN) return mk(I, inf_static(I, &I->tt->unknown));
    if (tok == TK_PLUS && tx_is(a.ty) && tx_is(b.ty)) {
        if (a.ty->kind == T_STR && b.ty->kind == T_STR) { /* folded */
            size_t na = strlen(tx_text(I, a)), nb = strlen(tx_text(I, b));
            char *s = arena_alloc(I->a, na + nb + 1);
            if (!s) inf_oom(I);
            memcpy(s, tx_text(I, a), na);
            memcpy(s + na, tx_text(I, b), nb + 1);
            return literal(I, s);
        }
        Ref ops[2] = {tx_value(I, a).r, tx_value(I, b).r};
        return mk(I, lib(I, str_t(I), STR_CAT, 0, ops, 2));
    }
    if (tok == TK_STAR && (tx_is(a.ty) ? int_like(b.ty) : int_like(a.ty))) { /* s * n, n * s */
        Val s = tx_value(I, tx_is(a.ty) ? a : b), n = tx_is(a.ty) ? b : a;
        Ref ops[2] = {s.r, ex_coerce(I, n, inf_i64(I), at).r};
        return mk(I, lib(I, str_t(I), STR_REPEAT, 0, ops, 2));
    }
    if (tok == TK_PERCENT && a.ty->kind == T_STR) return sf_percent(I, at, tx_text(I, a), b);
    if (tok == TK_PERCENT && tx_is(a.ty)) inf_fail(I, at, "'%%' formatting of a string made at run time is not supported (its fields must be known when compiling): write an f-string");
    inf_fail(I, at, "unsupported operand type(s) for %s: '%s' and '%s'", tok_str(tok), py_name(I, a.ty), py_name(I, b.ty));
}

static int cmp_mode(int tok) {
    switch (tok) {
    case TK_EQ: return STRCMP_EQ;
    case TK_NE: return STRCMP_NE;
    case TK_LT: return STRCMP_LT;
    case TK_LE: return STRCMP_LE;
    case TK_GT: return STRCMP_GT;
    default: return STRCMP_GE;
    }
}

Val tx_compare(Inf *I, int tok, Val a, Val b, Node *at) {
    if (!tx_is(a.ty) || !tx_is(b.ty)) { /* a string is never equal to a number, a tuple ...; no order between them */
        if (tok == TK_EQ || tok == TK_NE) return mk(I, inf_const_i(I, bool_t(I), tok == TK_NE));
        inf_fail(I, at, "'%s' not supported between instances of '%s' and '%s'", tok_str(tok), py_name(I, a.ty), py_name(I, b.ty));
    }
    int mode = cmp_mode(tok);
    if (a.ty->kind == T_STR && b.ty->kind == T_STR) {
        int c = strcmp(tx_text(I, a), tx_text(I, b)); /* UTF-8 bytes order as code points do */
        bool r = mode == STRCMP_EQ ? !c : mode == STRCMP_NE ? c != 0 : mode == STRCMP_LT ? c < 0 : mode == STRCMP_LE ? c <= 0
                 : mode == STRCMP_GT ? c > 0 : c >= 0;
        return mk(I, inf_const_i(I, bool_t(I), r));
    }
    Ref ops[2] = {tx_value(I, a).r, tx_value(I, b).r};
    return mk(I, lib(I, bool_t(I), STR_CMP, mode, ops, 2));
}

/* x in s: a substring */
Val tx_contains(Inf *I, Val x, Val s, Node *at) {
    if (!tx_is(x.ty)) inf_fail(I, at, "'in <string>' requires string as left operand, not %s", inf_tyname(I, x.ty));
    if (x.ty->kind == T_STR && s.ty->kind == T_STR) return mk(I, inf_const_i(I, bool_t(I), strstr(tx_text(I, s), tx_text(I, x)) != NULL));
    Ref ops[2] = {tx_value(I, s).r, tx_value(I, x).r};
    return mk(I, lib(I, bool_t(I), STR_FIND, STRFIND_IN, ops, 2));
}

Ref tx_truth(Inf *I, Val s) {
    if (s.ty->kind == T_STR) return inf_const_i(I, bool_t(I), tx_text(I, s)[0] != 0);
    return inf_op2(I, OP_NE, bool_t(I), tx_len(I, s), inf_k64(I, 0));
}

/* an int operand (a slice bound, an index), or 0 where left out (given tells which were) */
static Ref int_operand(Inf *I, Node *n, const char *what, bool *given) {
    *given = n && n->kind != N_NONE;
    if (!*given) return inf_k64(I, 0);
    Val v = ex_expr(I, n);
    if (v.ty->kind != T_SCALAR || !dt_is_intlike(v.ty->dtype))
        inf_fail(I, n, "%s must be integers or None, not %s", what, inf_tyname(I, v.ty));
    return ex_coerce(I, v, inf_i64(I), n).r;
}

Val tx_subscript(Inf *I, Node *sub, Val s) {
    if (sub->nkids != 1) inf_fail(I, sub, "string indices must be integers, not 'tuple'");
    s = tx_value(I, s);
    Node *k = sub->kids[0];
    if (k->kind == N_SLICE) {
        bool g[3];
        Ref ops[4] = {s.r, int_operand(I, k->a, "slice indices", &g[0]), int_operand(I, k->b, "slice indices", &g[1]),
                      int_operand(I, k->c, "slice indices", &g[2])};
        if (!g[2]) ops[3] = inf_k64(I, 1);
        return mk(I, lib(I, str_t(I), STR_SLICE, g[0] | g[1] << 1, ops, 4));
    }
    Val i = ex_expr(I, k);
    if (i.ty->kind == T_UNKNOWN) return i;
    if (i.ty->kind != T_SCALAR || !dt_is_intlike(i.ty->dtype))
        inf_fail(I, k, "string indices must be integers, not '%s'", inf_tyname(I, i.ty));
    Ref ops[2] = {s.r, ex_coerce(I, i, inf_i64(I), k).r};
    return mk(I, lib(I, str_t(I), STR_INDEX, 0, ops, 2));
}

/* the characters, as a list of one-character strings (what a for statement iterates) */
Val tx_chars(Inf *I, Val s) {
    s = tx_value(I, s);
    const Type *lt = ty_list(I->tt, str_t(I));
    if (!lt) inf_oom(I);
    return mk(I, lib(I, lt, STR_CHARS, 0, &s.r, 1));
}

/* raise ename(msg): the message computed (an f-string, s + str(x) ...), the exception made pending, then sent on */
void tx_raise(Inf *I, const char *ename, Node *msg, int line) {
    Val m = ex_expr(I, msg);
    if (m.ty->kind == T_UNKNOWN) { tr_reraise(I, line); return; }
    if (!tx_is(m.ty)) inf_fail(I, msg, "an exception message must be a string (here %s: write str(x) or an f-string)", inf_tyname(I, m.ty));
    const Type *cls = ty_text(I->tt, ename);
    if (!cls) inf_oom(I);
    Ref ops[2] = {inf_static(I, cls), tx_value(I, m).r};
    I->line = line;
    lib(I, NULL, STR_RAISE, 0, ops, 2);
    tr_reraise(I, line);
}

/* if bad: raise ename with a message of texts and ints made where it raises (NumPy's messages name shapes) */
/* NumPy's text of a shape, (3,) or (2,4), as message parts at p (at most 2 + 2 * nd); their count */
int tx_shape_parts(TxPart *p, const Ref *dims, int nd) {
    int n = 0;
    p[n++] = (TxPart){"(", 0};
    for (int k = 0; k < nd; k++) {
        p[n++] = (TxPart){NULL, dims[k]};
        if (k < nd - 1 || nd == 1) p[n++] = (TxPart){",", 0};
    }
    p[n++] = (TxPart){")", 0};
    return n;
}

void tx_raise_if(Inf *I, Ref bad, const char *ename, const TxPart *parts, int n) {
    enum { PARTS_MAX = 64 };
    if (n > PARTS_MAX) n = PARTS_MAX; /* callers stay far below it (a shape is at most 2 + 2 * KILN_MAXDIM parts) */
    uint32_t err = inf_block(I), ok = inf_block(I);
    inf_branch(I, bad, err, ok);
    inf_seal(I, err); inf_seal(I, ok);
    I->cur = err;
    const Type *items[PARTS_MAX];
    Ref ops[1 + PARTS_MAX];
    int nops = 1;
    for (int k = 0; k < n; k++) {
        items[k] = parts[k].text ? ty_text(I->tt, parts[k].text) : inf_i64(I);
        if (!items[k]) inf_oom(I);
        if (!parts[k].text) ops[nops++] = parts[k].v;
    }
    Val m = formatted(I, items, n, ops, nops);
    const Type *cls = ty_text(I->tt, ename);
    if (!cls) inf_oom(I);
    Ref rops[2] = {inf_static(I, cls), m.r};
    lib(I, NULL, STR_RAISE, 0, rops, 2);
    tr_reraise(I, I->line);
    I->cur = ok;
}

/* ---- methods ---- */

static Val str_arg(Inf *I, Node *call, int k, const char *m) {
    Val v = ex_expr(I, call->kids[k]);
    if (!tx_is(v.ty)) inf_fail(I, call->kids[k], "str.%s(): the argument must be str, not %s", m, inf_tyname(I, v.ty));
    return tx_value(I, v);
}

/* a start or end argument of find() & co.: an int, or None for its default */
static Ref slice_bound(Inf *I, Node *n, int64_t dflt, const char *m) {
    if (n->kind == N_NONE) return inf_k64(I, dflt);
    Val v = ex_expr(I, n);
    if (v.ty->kind != T_SCALAR || !dt_is_intlike(v.ty->dtype))
        inf_fail(I, n, "str.%s(): slice indices must be integers or None, not %s", m, inf_tyname(I, v.ty));
    return ex_coerce(I, v, inf_i64(I), n).r;
}

static void arity(Inf *I, Node *call, const char *m, int lo, int hi) {
    if (call->nkids2) inf_fail(I, call, "str.%s() takes no keyword arguments in kiln", m);
    if (call->nkids < lo || call->nkids > hi) {
        if (lo == hi) inf_fail(I, call, "str.%s() takes exactly %d argument%s (%d given)", m, lo, lo == 1 ? "" : "s", call->nkids);
        inf_fail(I, call, "str.%s() takes %d to %d arguments in kiln (%d given)", m, lo, hi, call->nkids);
    }
}

Val tx_method(Inf *I, Node *call, Val s, const char *m) {
    if (!strcmp(m, "format")) {
        if (s.ty->kind != T_STR) inf_fail(I, call, "str.format() of a string made at run time is not supported (its fields must be known when compiling): write an f-string");
        return sf_format(I, call, tx_text(I, s));
    }
    static const struct { const char *name; int mode; } cases[] = {
        {"upper", STRCASE_UPPER}, {"lower", STRCASE_LOWER}, {"strip", STRCASE_STRIP}, {"lstrip", STRCASE_LSTRIP}, {"rstrip", STRCASE_RSTRIP},
        {"title", STRCASE_TITLE}, {"capitalize", STRCASE_CAPITALIZE}, {"swapcase", STRCASE_SWAPCASE}};
    static const struct { const char *name; int mode; const Type *(*ty)(Inf *); } finds[] = {
        {"find", STRFIND_FIND, inf_i64}, {"rfind", STRFIND_RFIND, inf_i64}, {"index", STRFIND_INDEX, inf_i64},
        {"count", STRFIND_COUNT, inf_i64}, {"startswith", STRFIND_STARTS, inf_bool}, {"endswith", STRFIND_ENDS, inf_bool},
        {"rindex", STRFIND_RINDEX, inf_i64}};
    s = tx_value(I, s);
    for (size_t k = 0; k < NELEM(cases); k++)
        if (!strcmp(m, cases[k].name)) {
            bool strip = cases[k].mode == STRCASE_STRIP || cases[k].mode == STRCASE_LSTRIP || cases[k].mode == STRCASE_RSTRIP;
            arity(I, call, m, 0, strip ? 1 : 0);
            if (!call->nkids || call->kids[0]->kind == N_NONE) return mk(I, lib(I, str_t(I), STR_CASE, cases[k].mode, &s.r, 1));
            Ref ops[2] = {s.r, str_arg(I, call, 0, m).r}; /* strip(chars): those characters, not whitespace */
            return mk(I, lib(I, str_t(I), STR_CASE, cases[k].mode, ops, 2));
        }
    for (size_t k = 0; k < NELEM(finds); k++)
        if (!strcmp(m, finds[k].name)) {
            arity(I, call, m, 1, 3);
            Node *sub = call->kids[0];
            if (sub->kind == N_TUPLE && (finds[k].mode == STRFIND_STARTS || finds[k].mode == STRFIND_ENDS))
                inf_fail(I, sub, "str.%s() of a tuple of strings is not supported yet: test each one (or an any() of them)", m);
            Ref ops[4] = {s.r, str_arg(I, call, 0, m).r, 0, 0};
            if (call->nkids == 1) return mk(I, lib(I, finds[k].ty(I), STR_FIND, finds[k].mode, ops, 2));
            ops[2] = slice_bound(I, call->kids[1], 0, m); /* s[start:end] as the slice would take them */
            ops[3] = call->nkids > 2 ? slice_bound(I, call->kids[2], INT64_MAX, m) : inf_k64(I, INT64_MAX);
            return mk(I, lib(I, finds[k].ty(I), STR_FIND, finds[k].mode, ops, 4));
        }
    static const struct { const char *name; int mode; } tests[] = {
        {"isdigit", STRTEST_DIGIT}, {"isalpha", STRTEST_ALPHA}, {"isalnum", STRTEST_ALNUM}, {"isspace", STRTEST_SPACE},
        {"isupper", STRTEST_UPPER}, {"islower", STRTEST_LOWER}, {"istitle", STRTEST_TITLE}, {"isdecimal", STRTEST_DECIMAL},
        {"isnumeric", STRTEST_NUMERIC}, {"isascii", STRTEST_ASCII}};
    for (size_t k = 0; k < NELEM(tests); k++)
        if (!strcmp(m, tests[k].name)) {
            arity(I, call, m, 0, 0);
            return mk(I, lib(I, inf_bool(I), STR_TEST, tests[k].mode, &s.r, 1));
        }
    static const struct { const char *name; int mode; } pads[] = {
        {"ljust", STRPAD_LJUST}, {"rjust", STRPAD_RJUST}, {"center", STRPAD_CENTER}, {"zfill", STRPAD_ZFILL}};
    for (size_t k = 0; k < NELEM(pads); k++)
        if (!strcmp(m, pads[k].name)) {
            bool z = pads[k].mode == STRPAD_ZFILL;
            arity(I, call, m, 1, z ? 1 : 2);
            bool given;
            Ref ops[3] = {s.r, int_operand(I, call->kids[0], "a width", &given), 0};
            if (call->nkids > 1) ops[2] = str_arg(I, call, 1, m).r;
            else if (!z) ops[2] = tx_value(I, literal(I, " ")).r;
            return mk(I, lib(I, str_t(I), STR_PAD, pads[k].mode, ops, z ? 2 : 3));
        }
    if (!strcmp(m, "replace")) {
        arity(I, call, m, 2, 2);
        Ref ops[3] = {s.r, str_arg(I, call, 0, m).r, str_arg(I, call, 1, m).r};
        return mk(I, lib(I, str_t(I), STR_REPLACE, 0, ops, 3));
    }
    if (!strcmp(m, "split") || !strcmp(m, "rsplit")) { /* split(sep=None, maxsplit=-1), rsplit the same */
        Node *arg[2] = {NULL, NULL};
        if (call->nkids > 2) inf_fail(I, call, "str.%s() takes at most 2 arguments (%d given)", m, call->nkids);
        for (int k = 0; k < call->nkids; k++) arg[k] = call->kids[k];
        for (int k = 0; k < call->nkids2; k++) {
            int p = !strcmp(call->names[k], "sep") ? 0 : !strcmp(call->names[k], "maxsplit") ? 1 : -1;
            if (p < 0 || arg[p]) inf_fail(I, call->kids2[k], "str.%s() got an unexpected or repeated keyword argument '%s'", m, call->names[k]);
            arg[p] = call->kids2[k];
        }
        const Type *lt = ty_list(I->tt, str_t(I));
        if (!lt) inf_oom(I);
        int mode = m[0] == 'r' ? STRSPLIT_RSPLIT : STRSPLIT_SPLIT;
        bool given;
        Ref ops[3] = {s.r, arg[1] ? int_operand(I, arg[1], "maxsplit", &given) : inf_k64(I, -1), 0};
        if (!arg[0] || arg[0]->kind == N_NONE) return mk(I, lib(I, lt, STR_SPLIT, mode, ops, 2));
        Val sep = ex_expr(I, arg[0]);
        if (!tx_is(sep.ty)) inf_fail(I, arg[0], "must be str or None, not %s", inf_tyname(I, sep.ty));
        ops[2] = tx_value(I, sep).r;
        return mk(I, lib(I, lt, STR_SPLIT, mode, ops, 3));
    }
    if (!strcmp(m, "partition") || !strcmp(m, "rpartition")) { /* a tuple of three strings */
        arity(I, call, m, 1, 1);
        const Type *lt = ty_list(I->tt, str_t(I));
        if (!lt) inf_oom(I);
        Ref ops[2] = {s.r, str_arg(I, call, 0, m).r};
        Val parts = mk(I, lib(I, lt, STR_SPLIT, m[0] == 'r' ? STRSPLIT_RPARTITION : STRSPLIT_PARTITION, ops, 2));
        Val t = {0};
        t.str = -1;
        if (!(t.el = arena_alloc(I->a, sizeof(Val) * 3))) inf_oom(I);
        const Type *ts[3];
        for (int k = 0; k < 3; k++) { t.el[k] = ls_item(I, parts, inf_k64(I, k)); ts[k] = t.el[k].ty; }
        if (!(t.ty = ty_tuple(I->tt, ts, 3))) inf_oom(I);
        return t;
    }
    if (!strcmp(m, "splitlines")) {
        if (call->nkids + call->nkids2 > 1) inf_fail(I, call, "str.splitlines() takes at most 1 argument");
        Node *k = call->nkids ? call->kids[0] : call->nkids2 ? call->kids2[0] : NULL;
        if (call->nkids2 && strcmp(call->names[0], "keepends")) inf_fail(I, call, "str.splitlines() got an unexpected keyword argument '%s'", call->names[0]);
        if (k && k->kind != N_BOOL) inf_fail(I, k, "str.splitlines(): keepends must be True or False written in the call");
        const Type *lt = ty_list(I->tt, str_t(I));
        if (!lt) inf_oom(I);
        return mk(I, lib(I, lt, STR_SPLIT, k && k->v.i ? STRSPLIT_LINES_KEEP : STRSPLIT_LINES, &s.r, 1));
    }
    if (!strcmp(m, "join")) {
        arity(I, call, m, 1, 1);
        Node *it = call->kids[0];
        if (it->kind == N_GENEXP || it->kind == N_TUPLE) { /* ",".join(f(x) for x in xs), ",".join((a, b)): as a list */
            Node *lc = arena_alloc(I->a, sizeof *lc);
            if (!lc) inf_oom(I);
            *lc = *it;
            lc->kind = it->kind == N_GENEXP ? N_LISTCOMP : N_LIST;
            it = lc;
        }
        Val l = ex_expr(I, it);
        if (tx_is(l.ty)) l = tx_chars(I, tx_value(I, l)); /* a string's characters */
        if (l.ty->kind == T_LIST && ty_item(l.ty)->kind == T_UNKNOWN) return literal(I, "");
        if (l.ty->kind != T_LIST || ty_item(l.ty)->kind != T_STRING)
            inf_fail(I, call->kids[0], "str.join() takes strings (a list, a tuple display, a generator expression or a string) in kiln, not %s", inf_tyname(I, l.ty));
        Ref ops[2] = {s.r, l.r};
        return mk(I, lib(I, str_t(I), STR_JOIN, 0, ops, 2));
    }
    inf_fail(I, call, "str.%s() is not supported by kiln yet", m);
}
