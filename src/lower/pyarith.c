/*
 * pyarith.c — the builtins divmod, pow, bin, oct and hex.
 *
 * Each is a small Python function (below) lowered at the call as mathint.c's are (itertools.c's it_inline), so
 * every tier runs the same IR. divmod(a, b) is (a // b, a % b): CPython computes a float divmod's quotient and
 * remainder with the same steps as its // and % (floatobject.c's _float_div_mod and float_rem), and NumPy's
 * np.divmod is floor_divide and remainder, so the pair has their bits; only the message of a Python float's zero
 * divisor differs ("float divmod()"). pow(base, exp) is the expression base ** exp. pow(base, exp, mod) takes ints only, as
 * CPython's: square-and-multiply modulo |mod|, a negative exponent through the inverse (extended Euclid; CPython's
 * ValueError where there is none), the result with mod's sign. kiln's ints are 64-bit and wrap, so a modulus past
 * 3037000499 (whose residues' products pass 2^63) multiplies by doubling, each step reduced, never past 2^63.
 */
#include "infer.h"
#include <stdio.h>
#include <string.h>

static const char divmod_text[] =
    "def divmod(a, b):\n"
    "    return a // b, a % b\n";

static const char divmod_float_text[] = /* Python floats (either one): CPython's own message for a zero divisor */
    "def divmod(a, b):\n"
    "    if b == 0:\n"
    "        raise ZeroDivisionError(\"float divmod()\")\n"
    "    return a // b, a % b\n";

/* x * y modulo m for residues x, y < m: directly where m * m fits, else by doubling (r + x and x + x compared with
 * m before they are formed, so nothing passes m < 2^63); inside an if at the def's second level */
#define MULMOD(R, X, Y) \
    "            if small:\n" \
    "                " R " = " X " * " Y " % m\n" \
    "            else:\n" \
    "                p = 0\n" \
    "                x = " X "\n" \
    "                y = " Y "\n" \
    "                while y:\n" \
    "                    if y & 1:\n" \
    "                        p = p - (m - x) if p >= m - x else p + x\n" \
    "                    x = x - (m - x) if x >= m - x else x + x\n" \
    "                    y >>= 1\n" \
    "                " R " = p\n"

static const char pow_mod_text[] =
    "def pow(base, exp, mod):\n"
    "    b = int(base)\n"
    "    e = int(exp)\n"
    "    m = int(mod)\n"
    "    if m == 0:\n"
    "        raise ValueError(\"pow() 3rd argument cannot be 0\")\n"
    "    neg = m < 0\n"
    "    if neg:\n"
    "        m = -m\n"
    "    small = m <= 3037000499\n"
    "    b = b % m\n"
    "    r = 1 % m\n"
    "    if e < 0:\n" /* b's inverse modulo m: t0 * b = r0 (mod m) throughout */
    "        r0 = m\n"
    "        r1 = b\n"
    "        t0 = 0\n"
    "        t1 = 1\n"
    "        while r1:\n"
    "            q = r0 // r1\n"
    "            r0, r1 = r1, r0 - q * r1\n"
    "            t0, t1 = t1, t0 - q * t1\n"
    "        if r0 != 1:\n"
    "            raise ValueError(\"base is not invertible for the given modulus\")\n"
    "        b = t0 % m\n"
    "        r = b\n"            /* one factor now: -(e + 1) does not overflow where -e would */
    "        e = -(e + 1)\n"
    "    while e:\n"
    "        if e & 1:\n"
    MULMOD("r", "r", "b")
    "        e >>= 1\n"
    "        if e:\n"
    MULMOD("b", "b", "b")
    "    if neg and r:\n"
    "        r = r - m\n"
    "    return r\n";

static bool is_num(const Type *t) { return t->kind == T_SCALAR || t->kind == T_ARRAY; }
static bool is_complex(const Type *t) { return is_num(t) && dt_is_complex(t->dtype); }

Val pa_divmod(Inf *I, Node *call) {
    if (call->nkids2) inf_fail(I, call, "divmod() takes no keyword arguments");
    if (call->nkids != 2) inf_fail(I, call, "divmod expected 2 arguments, got %d", call->nkids);
    Val a = ex_expr(I, call->kids[0]), b = ex_expr(I, call->kids[1]);
    if (!is_num(a.ty) || !is_num(b.ty) || is_complex(a.ty) || is_complex(b.ty))
        inf_fail(I, call, "unsupported operand type(s) for divmod(): '%s' and '%s'", inf_tyname(I, a.ty), inf_tyname(I, b.ty));
    Node *args[2] = {it_held(I, call, 0, a), it_held(I, call, 1, b)};
    bool python = a.ty->kind == T_SCALAR && b.ty->kind == T_SCALAR && a.ty->weak && b.ty->weak;
    bool flt = dt_is_float(a.ty->dtype) || dt_is_float(b.ty->dtype);
    if (python && flt) return it_inline(I, call, divmod_float_text, sizeof divmod_float_text - 1, "<builtins>", args, 2);
    return it_inline(I, call, divmod_text, sizeof divmod_text - 1, "<builtins>", args, 2);
}

/* pow's arguments, positional or by CPython's keywords (base, exp, mod) */
static int pow_args(Inf *I, Node *call, Node **arg) {
    static const char *const names[] = {"base", "exp", "mod"};
    if (call->nkids > 3) inf_fail(I, call, "pow() takes at most 3 arguments (%d given)", call->nkids);
    arg[0] = arg[1] = arg[2] = NULL;
    for (int i = 0; i < call->nkids; i++) arg[i] = call->kids[i];
    for (int k = 0; k < call->nkids2; k++) {
        int i = 0;
        while (i < 3 && strcmp(names[i], call->names[k])) i++;
        if (i == 3) inf_fail(I, call->kids2[k], "pow() got an unexpected keyword argument '%s'", call->names[k]);
        if (arg[i]) inf_fail(I, call->kids2[k], "argument for pow() given by name ('%s') and position (%d)", names[i], i + 1);
        arg[i] = call->kids2[k];
    }
    for (int i = 0; i < 2; i++)
        if (!arg[i]) inf_fail(I, call, "pow() missing required argument '%s' (pos %d)", names[i], i + 1);
    return arg[2] && arg[2]->kind != N_NONE ? 3 : 2;
}

Val pa_pow(Inf *I, Node *call) {
    Node *arg[3];
    int n = pow_args(I, call, arg);
    if (n == 2) { /* base ** exp, written there: a literal negative exponent of an int gives a float, as ** does */
        Node *e = inf_node(I, N_BINARY, call);
        e->op = TK_POW; e->a = arg[0]; e->b = arg[1];
        e->chain = (uint16_t)((arg[0]->kind == N_BINARY ? arg[0]->chain : 0) + 1);
        return ex_expr(I, e);
    }
    Val v[3];
    Node *held[3];
    for (int i = 0; i < 3; i++) held[i] = it_held(I, call, i, v[i] = ex_expr(I, arg[i]));
    bool ints = true, python = true;
    for (int i = 0; i < 3; i++) {
        ints &= v[i].ty->kind == T_SCALAR && dt_is_intlike(v[i].ty->dtype);
        python &= v[i].ty->kind == T_SCALAR && v[i].ty->weak;
    }
    if (!python) /* NumPy's scalars and arrays have no three-argument power */
        inf_fail(I, call, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", inf_tyname(I, v[0].ty),
                 inf_tyname(I, v[1].ty), inf_tyname(I, v[2].ty));
    if (!ints) inf_fail(I, call, "pow() 3rd argument not allowed unless all arguments are integers");
    return it_inline(I, call, pow_mod_text, sizeof pow_mod_text - 1, "<builtins>", held, 3);
}

/* bin(x), oct(x), hex(x) (code 'b', 'o', 'x'): format(x, "#b") and its kin, which write what they write ('-0b101');
 * x an int, a bool or a NumPy integer (CPython's TypeError for anything else) */
Val pa_radix(Inf *I, Node *call, char code) {
    const char *fname = code == 'b' ? "bin" : code == 'o' ? "oct" : "hex";
    if (call->nkids2) inf_fail(I, call, "%s() takes no keyword arguments", fname);
    if (call->nkids != 1) inf_fail(I, call, "%s() takes exactly one argument (%d given)", fname, call->nkids);
    Val x = ex_expr(I, call->kids[0]);
    if (x.ty->kind != T_SCALAR || !dt_is_intlike(x.ty->dtype))
        inf_fail(I, call->kids[0], "'%s' object cannot be interpreted as an integer", inf_tyname(I, x.ty));
    Node *fmt = inf_node(I, N_NAME, call), *spec = inf_node(I, N_STR, call), *c = inf_node(I, N_CALL, call);
    Node **kids = arena_alloc(I->a, 2 * sizeof(Node *));
    char *text = arena_alloc(I->a, 3);
    if (!kids || !text) inf_oom(I);
    text[0] = '#'; text[1] = code; text[2] = 0;
    fmt->name = "format";
    spec->name = text;
    kids[0] = it_held(I, call, 0, x); kids[1] = spec;
    c->a = fmt; c->kids = kids; c->nkids = 2;
    return ex_expr(I, c);
}
