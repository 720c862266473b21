/*
 * strfmt.c — the two older ways Python formats text, read as the f-strings they spell: "...".format(args) and
 * "..." % args (printf-style) of a literal. Each argument is evaluated once, in order, into a hidden variable (as
 * Python evaluates them before it formats), and the literal becomes an N_FSTRING whose fields read those
 * variables, so print.c and rt/print.c format them as they format any f-string. A conversion printf-style
 * formatting applies to its argument (%d of a float is int(x), %f of an int is float(x), %c of an int is chr(x))
 * becomes a call in the field; the rest maps onto the format-spec mini-language, which has the same widths,
 * precisions and flags (%-5d is {:<5d}, %+.3e is {:+.3e}, %#x is {:#x}, %05.1f is {:05.1f}, %s is {!s:>w}).
 */
#include "infer.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* argument k of the formatting at `at`, evaluated into its hidden variable ("$<tag><k>_<node>") */
static Node *arg_var(Inf *I, const char *tag, int k, Val v, Node *at) {
    char fmt[32];
    snprintf(fmt, sizeof fmt, "$%s%d_%%d", tag, k);
    Node *h = st_hidden(I, fmt, at);
    inf_assign(I, h, tx_value(I, v));
    return h;
}

static Node *text_node(Inf *I, const char *s, size_t n, Node *at) {
    Node *l = inf_node(I, N_STR, at);
    if (!(l->name = arena_strndup(I->a, s, n))) inf_oom(I);
    return l;
}

static Val fstring(Inf *I, Node *at, Node **kids, int nk) {
    Node *fs = inf_node(I, N_FSTRING, at);
    fs->kids = kids; fs->nkids = nk;
    return tx_fstring(I, fs);
}

/* ---- "...".format(args) ---- */

/* the argument a format field names: "" the next one, digits a position, else a keyword */
static Node *field_arg(Inf *I, Node *call, Node **pos, Node **kw, const char *name, int *next, Node *at) {
    if (!name[0]) {
        if (*next < 0) inf_fail(I, at, "cannot switch from manual field specification to automatic field numbering");
        if (*next >= call->nkids) inf_fail(I, at, "Replacement index %d out of range for positional args tuple", *next);
        return pos[(*next)++];
    }
    if (name[strspn(name, "0123456789")] == 0) {
        if (*next > 0) inf_fail(I, at, "cannot switch from automatic field numbering to manual field specification");
        *next = -1;
        int k = atoi(name);
        if (k >= call->nkids) inf_fail(I, at, "Replacement index %d out of range for positional args tuple", k);
        return pos[k];
    }
    for (int k = 0; k < call->nkids2; k++) if (!strcmp(call->names[k], name)) return kw[k];
    if (strpbrk(name, ".[")) inf_fail(I, at, "str.format(): a field's attribute or index ('%s') is not supported", name);
    inf_fail(I, at, "str.format(): no argument '%s' (KeyError in Python)", name);
}

enum { FORMAT_ARGS_MAX = 16 };

Val sf_format(Inf *I, Node *call, const char *text) {
    if (call->nkids + call->nkids2 > FORMAT_ARGS_MAX)
        inf_fail(I, call, "str.format() of more than %d arguments is not supported", FORMAT_ARGS_MAX);
    Node *pos[FORMAT_ARGS_MAX], *kw[FORMAT_ARGS_MAX];
    for (int k = 0; k < call->nkids + call->nkids2; k++) {
        Node *arg = k < call->nkids ? call->kids[k] : call->kids2[k - call->nkids];
        Node *h = arg_var(I, "fa", k, ex_expr(I, arg), call);
        if (k < call->nkids) pos[k] = h;
        else kw[k - call->nkids] = h;
    }
    size_t n = strlen(text);
    Node **kids = arena_alloc(I->a, sizeof(Node *) * (n + 1));
    char *lit = arena_alloc(I->a, n + 1);
    if (!kids || !lit) inf_oom(I);
    int nk = 0, next = 0;
    size_t w = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && (text[i] == '{' || text[i] == '}') && i + 1 < n && text[i + 1] == text[i]) { lit[w++] = text[i++]; continue; }
        if (i < n && text[i] == '}') inf_fail(I, call, "Single '}' encountered in format string");
        if (i < n && text[i] != '{') { lit[w++] = text[i]; continue; }
        if (w) { kids[nk++] = text_node(I, lit, w, call); w = 0; }
        if (i == n) break;
        size_t e = i + 1;
        while (e < n && text[e] != '}' && text[e] != '{') e++;
        if (e >= n || text[e] == '{') inf_fail(I, call, e >= n ? "Single '{' encountered in format string"
                                                              : "str.format(): a format spec with fields inside is not supported");
        char *f = arena_strndup(I->a, text + i + 1, e - i - 1);
        if (!f) inf_oom(I);
        char *spec = strchr(f, ':'), *bang = strchr(f, '!');
        if (bang && spec && bang > spec) bang = NULL; /* a '!' inside the spec */
        Node *fld = inf_node(I, N_FIELD, call);
        fld->name = spec ? spec + 1 : "";
        if (bang) {
            if ((bang[1] != 'r' && bang[1] != 's' && bang[1] != 'a') || (bang[2] && bang + 2 != spec))
                inf_fail(I, call, "str.format(): invalid conversion: expected '!r', '!s' or '!a'");
            fld->op = (uint8_t)bang[1];
            *bang = 0;
        }
        if (spec) *spec = 0;
        fld->a = field_arg(I, call, pos, kw, f, &next, call);
        kids[nk++] = fld;
        i = e;
    }
    return fstring(I, call, kids, nk);
}

/* format(value, spec): the field {value:spec} (spec a literal; none: str(value)) */
Val sf_format_call(Inf *I, Node *call) {
    if (call->nkids2) inf_fail(I, call, "format() takes no keyword arguments");
    if (call->nkids < 1 || call->nkids > 2) inf_fail(I, call, "format() takes 1 or 2 arguments (%d given)", call->nkids);
    const char *spec = "";
    if (call->nkids == 2) {
        Node *sp = call->kids[1];
        if (sp->kind != N_STR) inf_fail(I, sp, "format(): the format spec must be a string literal here (its fields are read when compiling)");
        spec = sp->name;
    }
    Node *fld = inf_node(I, N_FIELD, call);
    fld->a = call->kids[0];
    fld->name = spec;
    Node **kids = arena_alloc(I->a, sizeof(Node *));
    if (!kids) inf_oom(I);
    kids[0] = fld;
    return fstring(I, call, kids, 1);
}

/* ---- "..." % args ---- */

/* one conversion's parts: %[flags][width][.precision][length]type */
typedef struct Conv { bool left, zero, alt; char sign, type; int width, prec; } Conv;

/* the conversion after the '%' at text[*i] (*i left on its type); false at the end of the text */
static bool parse_conv(Inf *I, Node *at, const char *text, size_t *i, Conv *c) {
    memset(c, 0, sizeof *c);
    c->width = -1; c->prec = -1;
    size_t j = *i + 1;
    if (text[j] == '(') inf_fail(I, at, "'%%' formatting with a mapping key (%%(name)s) is not supported: write an f-string");
    for (;; j++) {
        if (text[j] == '-') c->left = true;
        else if (text[j] == '0') c->zero = true;
        else if (text[j] == '#') c->alt = true;
        else if (text[j] == '+') c->sign = '+';
        else if (text[j] == ' ') { if (!c->sign) c->sign = ' '; }
        else break;
    }
    if (text[j] == '*') inf_fail(I, at, "'%%' formatting with a width from the arguments (%%*d) is not supported");
    for (; text[j] >= '0' && text[j] <= '9'; j++) c->width = (c->width < 0 ? 0 : c->width * 10) + (text[j] - '0');
    if (text[j] == '.') {
        j++;
        if (text[j] == '*') inf_fail(I, at, "'%%' formatting with a precision from the arguments (%%.*f) is not supported");
        c->prec = 0;
        for (; text[j] >= '0' && text[j] <= '9'; j++) c->prec = c->prec * 10 + (text[j] - '0');
    }
    while (text[j] == 'h' || text[j] == 'l' || text[j] == 'L') j++; /* C's length modifiers: Python ignores them */
    if (c->width > 100000 || c->prec > 1000) inf_fail(I, at, "'%%' formatting: width or precision too big");
    *i = j;
    if (!text[j]) return false;
    c->type = text[j];
    return true;
}

/* the format spec of c for a value of kind 's' (text), 'i' (an integer type) or 'f' (a float type) */
static const char *spec_of(Inf *I, const Conv *c, char kind, char type) {
    char b[48];
    int n = 0;
    if (c->left) b[n++] = '<';
    else if (kind == 's' && c->width >= 0) b[n++] = '>'; /* printf pads text on the left; format() on the right */
    if (kind != 's' && c->sign) b[n++] = c->sign;
    if (kind != 's' && c->alt && type != 'd') b[n++] = '#';
    if (kind != 's' && c->zero && !c->left) b[n++] = '0';
    if (c->width >= 0) n += snprintf(b + n, sizeof b - (size_t)n, "%d", c->width);
    if (c->prec >= 0) n += snprintf(b + n, sizeof b - (size_t)n, ".%d", c->prec);
    if (type) b[n++] = type;
    b[n] = 0;
    char *s = arena_strndup(I->a, b, (size_t)n);
    if (!s) inf_oom(I);
    return s;
}

/* fn(h): a builtin applied to the argument's variable in the field */
static Node *applied(Inf *I, const char *fn, Node *h, Node *at) {
    Node *call = inf_node(I, N_CALL, at), *name = inf_node(I, N_NAME, at);
    Node **kids = arena_alloc(I->a, sizeof(Node *));
    if (!kids) inf_oom(I);
    name->name = fn;
    kids[0] = h;
    call->a = name; call->kids = kids; call->nkids = 1;
    return call;
}

static int64_t code_points(const char *s) {
    int64_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) n += (*p & 0xc0) != 0x80;
    return n;
}

/* the field for conversion c of argument h (given: its value before it was made a run-time value) */
static Node *conv_field(Inf *I, Node *at, const Conv *c, Node *h, Val given) {
    const Type *t = given.ty;
    Node *fld = inf_node(I, N_FIELD, at);
    bool number = t->kind == T_SCALAR && !dt_is_complex(t->dtype), integer = number && dt_is_intlike(t->dtype);
    const char *tn = tx_is(t) ? "str" : inf_tyname(I, t);
    fld->a = h;
    switch (c->type) {
    case 's': case 'r': case 'a':
        fld->op = (uint8_t)c->type;
        fld->name = spec_of(I, c, 's', 0);
        return fld;
    case 'd': case 'i': case 'u':
        if (!number) inf_fail(I, at, "%%%c format: a real number is required, not %s", c->type, tn);
        if (c->prec >= 0) inf_fail(I, at, "'%%' formatting: a precision with %%%c is not supported", c->type);
        if (!integer) fld->a = applied(I, "int", h, at);
        fld->name = spec_of(I, c, 'i', 'd');
        return fld;
    case 'o': case 'x': case 'X':
        if (!integer) inf_fail(I, at, "%%%c format: an integer is required, not %s", c->type, tn);
        fld->name = spec_of(I, c, 'i', c->type);
        return fld;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        if (!number) inf_fail(I, at, "must be real number, not %s", tn);
        if (t->dtype != KILN_FLOAT64) fld->a = applied(I, "float", h, at);
        fld->name = spec_of(I, c, 'f', c->type);
        return fld;
    default: /* 'c': an int's character, or a one-character string */
        if (t->kind == T_STR && code_points(tx_text(I, given)) != 1) inf_fail(I, at, "%%c requires int or char");
        if (t->kind == T_STRING) /* one character, checked where it formats */
            st_raise_if(I, inf_op2(I, OP_NE, inf_bool(I), tx_len(I, given), inf_k64(I, 1)), "TypeError", "%c requires int or char");
        else if (!integer && t->kind != T_STR) inf_fail(I, at, "%%c requires int or char, not %s", tn);
        if (integer) fld->a = applied(I, "chr", h, at);
        fld->name = spec_of(I, c, 's', 0);
        return fld;
    }
}

Val sf_percent(Inf *I, Node *at, const char *text, Val args) {
    bool tuple = args.ty->kind == T_TUPLE && !ty_is_optional(args.ty);
    int nargs = tuple ? args.ty->n : 1, used = 0;
    if (nargs > FORMAT_ARGS_MAX) inf_fail(I, at, "'%%' formatting of more than %d arguments is not supported", FORMAT_ARGS_MAX);
    Node *vars[FORMAT_ARGS_MAX];
    Val given[FORMAT_ARGS_MAX];
    for (int k = 0; k < nargs; k++) {
        Val v = tuple ? args.el[k] : args;
        given[k] = v;
        vars[k] = arg_var(I, "pa", k, v, at);
    }
    size_t n = strlen(text);
    Node **kids = arena_alloc(I->a, sizeof(Node *) * (n + 1));
    char *lit = arena_alloc(I->a, n + 1);
    if (!kids || !lit) inf_oom(I);
    int nk = 0;
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (text[i] != '%') { lit[w++] = text[i]; continue; }
        if (text[i + 1] == '%') { lit[w++] = '%'; i++; continue; }
        Conv c;
        if (!parse_conv(I, at, text, &i, &c)) inf_fail(I, at, "incomplete format");
        if (!strchr("sradiuoxXeEfFgGc", c.type)) {
            unsigned char ch = (unsigned char)c.type;
            inf_fail(I, at, "unsupported format character '%c' (0x%x) at index %d", ch < 0x80 ? ch : '?', ch, (int)i);
        }
        if (used >= nargs) inf_fail(I, at, "not enough arguments for format string");
        if (w) { kids[nk++] = text_node(I, lit, w, at); w = 0; }
        kids[nk++] = conv_field(I, at, &c, vars[used], given[used]);
        used++;
    }
    if (w) kids[nk++] = text_node(I, lit, w, at);
    if (used < nargs) inf_fail(I, at, "not all arguments converted during string formatting");
    return fstring(I, at, kids, nk);
}
