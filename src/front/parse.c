/*
 * parse.c — recursive-descent parser for kernel files: Python's grammar,
 * restricted to the kernel subset. Every unsupported construct is recognised
 * and reported by name at its position ("'class' is not supported") rather
 * than as a generic syntax error. The grammar rule each function parses is in
 * the comment above it.
 */
#include "ast.h"
#include "lex.h"
#include "mapfilter.h"
#include "opfuncs.h"
#include "prange.h"
#include "lift.h"
#include <stdio.h>
#include <stdlib.h>

typedef struct P {
    Lexer lx;
    Arena *a;
    Diag *d;
    Token tok, peek;
    bool has_peek;
    int nnodes;
    int depth;           /* nesting of the recursive rules (parentheses, unary chains, blocks) */
    Ast *ast;
} P;

/* Bounds that keep every later recursive walk (inference, IR, the printers) far from the end of
 * the stack; CPython has similar ones ("too many nested parentheses"). */
enum { MAX_NEST = 200, MAX_CHAIN = 2000 };

NORETURN static void fail_at(P *p, Token t, const char *fmt, const char *arg) {
    diag_fail(p->d, t.line, t.col, fmt, arg);
}

static void nest_in(P *p) {
    if (++p->depth > MAX_NEST)
        fail_at(p, p->tok, "too many nested parentheses, operators or blocks (more than %s)", "200");
}

static void advance(P *p) {
    if (p->has_peek) { p->tok = p->peek; p->has_peek = false; }
    else p->tok = lex_next(&p->lx);
}

static Token *peek(P *p) {
    if (!p->has_peek) { p->peek = lex_next(&p->lx); p->has_peek = true; }
    return &p->peek;
}

static bool accept(P *p, int k) {
    if (p->tok.kind != k) return false;
    advance(p);
    return true;
}

NORETURN static void syntax(P *p) {
    if (p->tok.kind == TK_INDENT) fail_at(p, p->tok, "unexpected indent%s", "");
    if (p->tok.kind == TK_EOF) fail_at(p, p->tok, "unexpected end of file%s", "");
    fail_at(p, p->tok, "invalid syntax%s", "");
}

static void expect(P *p, int k) {
    if (p->tok.kind == k) { advance(p); return; }
    if (k == TK_COLON || k == TK_RPAREN || k == TK_RBRACK || k == TK_ASSIGN)
        fail_at(p, p->tok, "expected '%s'", tok_str(k));
    syntax(p);
}

static void *alloc(P *p, size_t n) {
    void *x = arena_alloc(p->a, n);
    if (!x) diag_fail(p->d, p->tok.line, p->tok.col, "out of memory");
    return x;
}

static Node *node(P *p, int kind, Token at) {
    Node *n = alloc(p, sizeof *n);
    n->kind = (uint8_t)kind;
    n->line = at.line; n->col = at.col;
    n->id = p->nnodes++;
    return n;
}

typedef VEC(Node *) NodeVec;
static void push(P *p, NodeVec *v, Node *n) {
    if (!vec_push(p->a, *v, n)) diag_fail(p->d, p->tok.line, p->tok.col, "out of memory");
}

static const char *ident(P *p) {
    if (p->tok.kind != TK_NAME) {
        if (p->tok.kind >= TK_FIRST_KW && p->tok.kind <= TK_LAST_KW) syntax(p);
        fail_at(p, p->tok, "expected a name%s", "");
    }
    const char *s = arena_strndup(p->a, p->tok.start, (size_t)p->tok.len);
    advance(p);
    return s;
}

static Node *test(P *p);

/* NAME ':=' test, after its NAME was read as e (an assignment expression: in parentheses, and as the whole condition
 * of an if, elif or while, as Python's grammar allows) */
static Node *named_expr(P *p, Node *e) {
    Token t = p->tok;
    if (e->kind != N_NAME) fail_at(p, t, "cannot use assignment expressions with %s", e->kind == N_SUBSCR ? "subscript" :
                                   e->kind == N_ATTR ? "attribute" : e->kind == N_TUPLE ? "tuple" : "expression");
    advance(p);
    Node *n = node(p, N_NAMEDEXPR, t);
    n->line = e->line; n->col = e->col;
    n->a = e;
    n->b = test(p);
    return n;
}

static Node *boolop(P *p, int op);

/* '**' mapping, an item of a dict display: an N_STARRED key holding the mapping and an N_NONE value (false: the
 * item is key ':' value) */
static bool dict_unpacked(P *p, Node **k, Node **v) {
    Token t = p->tok;
    if (!accept(p, TK_POW)) return false;
    *k = node(p, N_STARRED, t);
    (*k)->op = 2;
    (*k)->a = boolop(p, TK_OR); /* '**' expr: an or_test, as Python's grammar has it */
    *v = node(p, N_NONE, t);
    return true;
}

/* a condition: a test, or NAME := test */
static Node *condition(P *p) {
    Node *e = test(p);
    return p->tok.kind == TK_WALRUS ? named_expr(p, e) : e;
}
static Node *expr_bitor(P *p);
static Node *starred_or(P *p, Node *(*item)(P *));
static Node *factor(P *p);
static void block(P *p, NodeVec *body, const char *what, int line);

static bool starts_expr(int k) {
    switch (k) {
    case TK_NAME: case TK_INT: case TK_FLOAT: case TK_IMAG: case TK_STR: case TK_TRUE: case TK_FALSE:
    case TK_NONE: case TK_LPAREN: case TK_LBRACK: case TK_LBRACE: case TK_MINUS: case TK_PLUS:
    case TK_TILDE: case TK_NOT: case TK_LAMBDA: case TK_ELLIPSIS: case TK_AWAIT:
        return true;
    }
    return false;
}

/* testlist: test (',' test)* [','] — a tuple when there is a comma */
/* a testlist whose first item (at token at) is parsed already */
static Node *testlist_after(P *p, Node *first, Token at) {
    if (p->tok.kind != TK_COMMA) return first;
    NodeVec v = {0};
    push(p, &v, first);
    while (accept(p, TK_COMMA)) {
        if (!starts_expr(p->tok.kind) && p->tok.kind != TK_STAR) break;
        push(p, &v, starred_or(p, test));
    }
    Node *t = node(p, N_TUPLE, at);
    t->kids = v.v; t->nkids = (int32_t)v.n;
    return t;
}

static Node *testlist(P *p) {
    Token at = p->tok;
    Node *first = starred_or(p, test);
    return testlist_after(p, first, at);
}

static Node *for_target(P *p);
static Node *boolop(P *p, int op);

/* comp_for: ('for' target_list 'in' or_test ('if' or_test)*)+ after the element elt, which the
 * caller has parsed: a generator expression (each clause's node id is stable across compiles of
 * the function: lowering keys a loop's type hints by it) */
static Node *genexp(P *p, Node *elt, Token at) {
    Node *g = node(p, N_GENEXP, at);
    g->line = elt->line; g->col = elt->col;
    g->a = elt;
    NodeVec clauses = {0};
    while (p->tok.kind == TK_FOR) {
        Node *c = node(p, N_COMPFOR, p->tok);
        advance(p);
        c->a = for_target(p);
        if (p->tok.kind != TK_IN) fail_at(p, p->tok, "expected 'in'%s", "");
        advance(p);
        c->b = boolop(p, TK_OR);
        NodeVec ifs = {0};
        while (accept(p, TK_IF)) push(p, &ifs, boolop(p, TK_OR));
        c->kids = ifs.v; c->nkids = (int32_t)ifs.n;
        push(p, &clauses, c);
        if (p->tok.kind == TK_ASYNC) fail_at(p, p->tok, "'async for' is not supported%s", "");
    }
    g->kids = clauses.v; g->nkids = (int32_t)clauses.n;
    return g;
}

/* item | '*' expr: an item of a target list or a call's argument (lowering refuses a starred one in a value) */
static Node *starred_or(P *p, Node *(*item)(P *)) {
    if (p->tok.kind != TK_STAR) return item(p);
    Node *s = node(p, N_STARRED, p->tok);
    advance(p);
    s->a = expr_bitor(p);
    return s;
}

/* call_args: (test | NAME '=' test) (',' ...)* [','] | test comp_for */
static void call_args(P *p, Node *call) {
    NodeVec pos = {0}, kw = {0};
    VEC(const char *) names = {0};
    while (p->tok.kind != TK_RPAREN) {
        if (p->tok.kind == TK_POW) fail_at(p, p->tok, "keyword argument unpacking ('**') is not supported%s", "");
        if (p->tok.kind == TK_STAR) { /* f(*t): a tuple's items as positional arguments (lower/call.c) */
            if (kw.n) fail_at(p, p->tok, "iterable argument unpacking after a keyword argument is not supported%s", "");
            push(p, &pos, starred_or(p, test));
        } else if (p->tok.kind == TK_NAME && peek(p)->kind == TK_ASSIGN) {
            const char *nm = ident(p);
            advance(p);
            push(p, &kw, test(p));
            if (!vec_push(p->a, names, nm)) diag_fail(p->d, p->tok.line, p->tok.col, "out of memory");
        } else {
            if (kw.n) fail_at(p, p->tok, "positional argument follows keyword argument%s", "");
            Token at = p->tok;
            Node *e = test(p);
            if (p->tok.kind == TK_FOR) { /* f(x for x in a): the only argument */
                e = genexp(p, e, at);
                if (pos.n || kw.n || p->tok.kind != TK_RPAREN)
                    fail_at(p, p->tok, "Generator expression must be parenthesized%s", "");
            }
            push(p, &pos, e);
        }
        if (!accept(p, TK_COMMA)) break;
    }
    expect(p, TK_RPAREN);
    call->kids = pos.v; call->nkids = (int32_t)pos.n;
    call->kids2 = kw.v; call->nkids2 = (int32_t)kw.n;
    call->names = names.v; call->nnames = (int32_t)names.n;
}

static Node *test(P *p);

/* the decoded text of an f-string's literal part: {{ and }} are braces, backslash escapes as in strings */
static char *fstring_text(P *p, const char *s, size_t n, Token *at) {
    char *out = alloc(p, n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if ((c == '{' || c == '}') && i + 1 < n && s[i + 1] == c) { out[k++] = c; i++; continue; }
        if (c == '}') fail_at(p, *at, "f-string: single '}' is not allowed%s", "");
        if (c == '\\' && i + 1 < n) {
            if (s[i + 1] == '\n') { i++; continue; }
            int used, w = utf8_unescape(s + i, s + n, out + k, &used);
            if (w == UTF8_ESC_BAD) fail_at(p, *at, "f-string: malformed \\x, \\u or \\U escape, or one beyond Unicode%s", "");
            if (w == UTF8_ESC_NUL) fail_at(p, *at, "f-string: a NUL character is not supported (kiln's texts are C strings)%s", "");
            if (w >= 0) { k += (size_t)w; i += (size_t)used - 1; continue; }
        }
        out[k++] = c;
    }
    out[k] = 0;
    return out;
}

/* an f-string's text split into literal texts and {expression!conversion:spec} fields; each expression is
 * parsed where it stands in the source, so its errors point into the f-string */
static void fstring_parts(P *p, Token *t, NodeVec *parts) {
    const char *s = t->str;
    size_t n = strlen(s), lit = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && !(s[i] == '{' && !(i + 1 < n && s[i + 1] == '{'))) {
            if (s[i] == '{' || (s[i] == '}' && i + 1 < n && s[i + 1] == '}')) i++; /* a doubled brace */
            continue;
        }
        if (i > lit) { Node *l = node(p, N_STR, *t); l->name = fstring_text(p, s + lit, i - lit, t); push(p, parts, l); }
        if (i == n) break;
        /* the field: up to its '}' at depth 0, with its !conversion and :spec */
        size_t e = i + 1, colon = 0, bang = 0;
        int depth = 0;
        char quote = 0;
        for (; e < n; e++) {
            char c = s[e];
            if (quote) { if (c == quote) quote = 0; continue; }
            if (c == '\'' || c == '"') { quote = c; continue; }
            if (c == '(' || c == '[' || c == '{') depth++;
            else if ((c == ')' || c == ']' || c == '}') && depth) depth--;
            else if (c == '}' ) break;
            else if (!depth && c == '!' && e + 1 < n && s[e + 1] != '=' && !colon && !bang) bang = e;
            else if (!depth && c == ':' && !colon) colon = e;
        }
        if (e >= n) fail_at(p, *t, "f-string: expecting '}'%s", "");
        size_t end = bang ? bang : colon ? colon : e;
        /* the expression's place in the source: count the lines before it */
        const char *src = t->raw + (i + 1), *ls = t->line_start;
        int line = t->line;
        for (const char *q = t->raw; q < src; q++) if (*q == '\n') { line++; ls = q + 1; }
        P sub = *p;
        lex_init(&sub.lx, p->a, p->d, src, end - (i + 1));
        sub.lx.line = line; sub.lx.line_start = ls;
        sub.lx.at_line_start = false;
        sub.lx.paren = 1;
        sub.has_peek = false;
        advance(&sub);
        if (sub.tok.kind == TK_NEWLINE || sub.tok.kind == TK_EOF) fail_at(p, *t, "f-string: empty expression not allowed%s", "");
        Node *fld = node(p, N_FIELD, *t);
        fld->a = test(&sub);
        if (sub.tok.kind != TK_NEWLINE && sub.tok.kind != TK_EOF) syntax(&sub);
        p->nnodes = sub.nnodes;
        fld->line = fld->a->line; fld->col = fld->a->col;
        if (bang) {
            char c = s[bang + 1];
            if ((c != 'r' && c != 's' && c != 'a') || bang + 2 != (colon ? colon : e)) fail_at(p, *t, "f-string: invalid conversion character: expected 's', 'r', or 'a'%s", "");
            fld->op = (uint8_t)c;
        }
        fld->name = colon ? fstring_text(p, s + colon + 1, e - colon - 1, t) : "";
        if (strchr(fld->name, '{')) fail_at(p, *t, "f-string: a format spec with fields inside is not supported%s", "");
        push(p, parts, fld);
        i = e;
        lit = e + 1;
    }
}

/* atom: NAME | NUMBER | STRING+ | None | True | False | '(' [testlist] ')' */
/* the rest of {first, ...} or {first for ...}, its first element read */
static Node *set_display(P *p, Node *first, Token t) {
    Node *n;
    if (p->tok.kind == TK_FOR) {
        n = genexp(p, first, t);
        n->kind = N_SETCOMP;
        expect(p, TK_RBRACE);
        return n;
    }
    NodeVec v = {0};
    push(p, &v, first);
    while (accept(p, TK_COMMA) && p->tok.kind != TK_RBRACE) {
        if (p->tok.kind == TK_STAR) fail_at(p, p->tok, "unpacking with '*' in a set display is not supported%s", "");
        push(p, &v, test(p));
    }
    expect(p, TK_RBRACE);
    n = node(p, N_SET, t);
    n->kids = v.v; n->nkids = (int32_t)v.n;
    return n;
}

static Node *atom(P *p) {
    Token t = p->tok;
    Node *n;
    switch (t.kind) {
    case TK_NAME: n = node(p, N_NAME, t); n->name = ident(p); return n;
    case TK_INT:
        if (t.big) fail_at(p, t, "integer literal does not fit in int64%s", "");
        n = node(p, N_INT, t); n->v.i = t.v.i; advance(p); return n;
    case TK_FLOAT: n = node(p, N_FLOAT, t); n->v.f = t.v.f; advance(p); return n;
    case TK_IMAG: n = node(p, N_IMAG, t); n->v.f = t.v.f; advance(p); return n;
    case TK_TRUE: case TK_FALSE:
        n = node(p, N_BOOL, t); n->v.i = t.kind == TK_TRUE; advance(p); return n;
    case TK_NONE: n = node(p, N_NONE, t); advance(p); return n;
    case TK_STR: {
        bool f = false;
        NodeVec parts = {0};
        n = node(p, N_STR, t);
        char *s = NULL;
        while (p->tok.kind == TK_STR) { /* implicit concatenation; with an f-string: its parts in order */
            Token st = p->tok;
            advance(p);
            if (st.fstr) { f = true; fstring_parts(p, &st, &parts); continue; }
            if (f) { Node *lit = node(p, N_STR, st); lit->name = st.str; push(p, &parts, lit); continue; }
            if (!s) { s = st.str; continue; }
            size_t a = strlen(s), b = strlen(st.str);
            char *c = alloc(p, a + b + 1);
            memcpy(c, s, a); memcpy(c + a, st.str, b + 1);
            s = c;
        }
        if (!f) { n->name = s; return n; }
        if (s) { /* plain strings before the first f-string */
            n->name = s;
            NodeVec all = {0};
            push(p, &all, n);
            for (uint32_t i = 0; i < parts.n; i++) push(p, &all, parts.v[i]);
            parts = all;
        }
        Node *fs = node(p, N_FSTRING, t);
        fs->kids = parts.v; fs->nkids = (int32_t)parts.n;
        return fs;
    }
    case TK_LPAREN: {
        advance(p);
        if (accept(p, TK_RPAREN)) { n = node(p, N_TUPLE, t); return n; }
        if (p->tok.kind == TK_YIELD) fail_at(p, p->tok, "'yield' as a value is not supported (a generator's yield is a statement)%s", "");
        Token at = p->tok;
        bool star = p->tok.kind == TK_STAR; /* (*a, b): a starred item (lower/expr.c splices a tuple's items) */
        Node *e = starred_or(p, test);
        if (star && p->tok.kind != TK_COMMA) fail_at(p, p->tok, "cannot use starred expression here%s", "");
        if (p->tok.kind == TK_FOR) e = genexp(p, e, t); /* ((a, b) for ...): the element is one test */
        else {
            e = testlist_after(p, e, at);
            if (p->tok.kind == TK_FOR) fail_at(p, p->tok, "invalid syntax (a generator's element must be parenthesized)%s", "");
        }
        if (p->tok.kind == TK_WALRUS) e = named_expr(p, e);
        expect(p, TK_RPAREN);
        if (e->kind == N_TUPLE) { e->line = t.line; e->col = t.col; }
        return e;
    }
    case TK_LBRACK: { /* '[' [testlist_comp] ']' */
        advance(p);
        NodeVec v = {0};
        if (p->tok.kind != TK_RBRACK) {
            Node *first = starred_or(p, test); /* [*a, b]: lower/list.c joins the parts */
            if (p->tok.kind == TK_FOR && first->kind != N_STARRED) {
                n = genexp(p, first, t);
                n->kind = N_LISTCOMP;
                expect(p, TK_RBRACK);
                return n;
            }
            push(p, &v, first);
            while (accept(p, TK_COMMA) && p->tok.kind != TK_RBRACK) push(p, &v, starred_or(p, test));
        }
        expect(p, TK_RBRACK);
        n = node(p, N_LIST, t);
        n->kids = v.v; n->nkids = (int32_t)v.n;
        return n;
    }
    case TK_LBRACE: { /* '{' [key ':' value (',' key ':' value)* [','] | key ':' value comp_for] '}'; an item may be
                       * '**' mapping: an N_STARRED key (a: the mapping) with an N_NONE value */
        advance(p);
        NodeVec keys = {0}, vals = {0};
        if (p->tok.kind != TK_RBRACE) {
            if (p->tok.kind == TK_STAR) fail_at(p, p->tok, "unpacking with '*' in a set display is not supported%s", "");
            Node *k, *v;
            if (dict_unpacked(p, &k, &v)) goto items;
            k = test(p);
            if (p->tok.kind != TK_COLON) return set_display(p, k, t);
            advance(p);
            v = test(p);
            if (p->tok.kind == TK_FOR) {
                Node *pair = node(p, N_TUPLE, t);
                pair->kids = alloc(p, 2 * sizeof(Node *));
                pair->kids[0] = k; pair->kids[1] = v; pair->nkids = 2;
                n = genexp(p, pair, t);
                n->kind = N_DICTCOMP;
                expect(p, TK_RBRACE);
                return n;
            }
        items:
            push(p, &keys, k); push(p, &vals, v);
            while (accept(p, TK_COMMA) && p->tok.kind != TK_RBRACE) {
                if (dict_unpacked(p, &k, &v)) { push(p, &keys, k); push(p, &vals, v); continue; }
                push(p, &keys, test(p));
                expect(p, TK_COLON);
                push(p, &vals, test(p));
            }
        }
        expect(p, TK_RBRACE);
        n = node(p, N_DICT, t);
        n->kids = keys.v; n->nkids = (int32_t)keys.n;
        n->kids2 = vals.v; n->nkids2 = (int32_t)vals.n;
        return n;
    }
    case TK_ELLIPSIS: /* Python's Ellipsis, by its builtin name: an array subscript's `...` (lower/view.c vw_ellipsis) */
        n = node(p, N_NAME, t);
        n->name = "Ellipsis";
        advance(p);
        return n;
    case TK_AWAIT: fail_at(p, t, "'await' is not supported%s", "");
    case TK_YIELD: fail_at(p, t, "'yield' as a value is not supported (a generator's yield is a statement)%s", "");
    }
    syntax(p);
    return NULL;
}

static bool slice_part_ends(P *p) {
    int k = p->tok.kind;
    return k == TK_COLON || k == TK_COMMA || k == TK_RBRACK;
}

/* subscript: test | [test] ':' [test] [':' [test]] */
static Node *subscript(P *p) {
    Token t = p->tok;
    Node *e = t.kind == TK_COLON ? NULL : test(p);
    if (!accept(p, TK_COLON)) return e;
    Node *s = node(p, N_SLICE, t);
    s->a = e;
    if (!slice_part_ends(p)) s->b = test(p);
    if (accept(p, TK_COLON) && !slice_part_ends(p)) s->c = test(p);
    return s;
}

/* primary: atom ('(' call_args ')' | '[' subscripts ']' | '.' NAME)* */
static Node *primary(P *p) {
    Node *e = atom(p);
    for (int n = 0;; n++) {
        Token t = p->tok;
        /* each trailer nests the tree one level: inference and lowering recurse on it */
        if (n == MAX_CHAIN && (t.kind == TK_LPAREN || t.kind == TK_LBRACK || t.kind == TK_DOT))
            fail_at(p, t, "expression too long (more than %s calls, subscripts or attributes in a row)", "2000");
        if (accept(p, TK_LPAREN)) {
            Node *c = node(p, N_CALL, t);
            c->line = e->line; c->col = e->col;
            c->a = e;
            call_args(p, c);
            e = c;
        } else if (accept(p, TK_LBRACK)) {
            Node *s = node(p, N_SUBSCR, t);
            s->line = e->line; s->col = e->col;
            s->a = e;
            NodeVec v = {0};
            push(p, &v, subscript(p));
            while (accept(p, TK_COMMA)) {
                if (p->tok.kind == TK_RBRACK) break;
                push(p, &v, subscript(p));
            }
            expect(p, TK_RBRACK);
            /* a[(i, j)] is a[i, j] */
            if (v.n == 1 && v.v[0]->kind == N_TUPLE) { s->kids = v.v[0]->kids; s->nkids = v.v[0]->nkids; }
            else { s->kids = v.v; s->nkids = (int32_t)v.n; }
            e = s;
        } else if (accept(p, TK_DOT)) {
            Node *a = node(p, N_ATTR, t);
            a->line = e->line; a->col = e->col;
            a->a = e;
            a->name = ident(p);
            e = a;
        } else {
            return e;
        }
    }
}

/* power: primary ['**' factor] */
static Node *power(P *p) {
    Node *e = primary(p);
    Token t = p->tok;
    if (accept(p, TK_POW)) {
        Node *b = node(p, N_BINARY, t);
        nest_in(p);
        b->op = TK_POW; b->a = e; b->b = factor(p);
        p->depth--;
        b->line = e->line; b->col = e->col;
        return b;
    }
    return e;
}

/* factor: ('+'|'-'|'~') factor | power  — folds -LITERAL so that -2**63 fits */
static Node *factor(P *p) {
    Token t = p->tok;
    if (t.kind == TK_MINUS || t.kind == TK_PLUS || t.kind == TK_TILDE) {
        advance(p);
        if (t.kind == TK_MINUS && p->tok.kind == TK_INT && p->tok.big && peek(p)->kind != TK_POW) {
            Node *n = node(p, N_INT, t);
            n->v.i = INT64_MIN;
            advance(p);
            return n;
        }
        Node *u = node(p, N_UNARY, t);
        nest_in(p);
        u->op = (uint8_t)t.kind; u->a = factor(p);
        p->depth--;
        return u;
    }
    return power(p);
}

static Node *binary(P *p, Node *l, Token t, Node *r) {
    Node *b = node(p, N_BINARY, t);
    b->op = (uint8_t)t.kind; b->a = l; b->b = r;
    b->line = l->line; b->col = l->col;
    b->chain = (uint16_t)((l->kind == N_BINARY ? l->chain : 0) + 1);
    if (b->chain > MAX_CHAIN) fail_at(p, t, "expression too long (more than %s binary operators in a row)", "2000");
    return b;
}

/* term: factor (('*'|'/'|'//'|'%'|'@') factor)* */
static Node *term(P *p) {
    Node *e = factor(p);
    for (;;) {
        Token t = p->tok;
        if (t.kind != TK_STAR && t.kind != TK_SLASH && t.kind != TK_FLOORDIV && t.kind != TK_PERCENT && t.kind != TK_AT) return e;
        advance(p);
        e = binary(p, e, t, factor(p));
    }
}

/* arith: term (('+'|'-') term)* */
static Node *arith(P *p) {
    Node *e = term(p);
    while (p->tok.kind == TK_PLUS || p->tok.kind == TK_MINUS) {
        Token t = p->tok; advance(p);
        e = binary(p, e, t, term(p));
    }
    return e;
}

/* shift: arith (('<<'|'>>') arith)* */
static Node *shift(P *p) {
    Node *e = arith(p);
    while (p->tok.kind == TK_SHL || p->tok.kind == TK_SHR) {
        Token t = p->tok; advance(p);
        e = binary(p, e, t, arith(p));
    }
    return e;
}

/* bitand: shift ('&' shift)* ; bitxor: bitand ('^' bitand)* ; bitor: bitxor ('|' bitxor)* */
static Node *bitand_(P *p) {
    Node *e = shift(p);
    while (p->tok.kind == TK_AMP) { Token t = p->tok; advance(p); e = binary(p, e, t, shift(p)); }
    return e;
}
static Node *bitxor_(P *p) {
    Node *e = bitand_(p);
    while (p->tok.kind == TK_CARET) { Token t = p->tok; advance(p); e = binary(p, e, t, bitand_(p)); }
    return e;
}
static Node *expr_bitor(P *p) {
    Node *e = bitxor_(p);
    while (p->tok.kind == TK_PIPE) { Token t = p->tok; advance(p); e = binary(p, e, t, bitxor_(p)); }
    return e;
}

/* comparison: bitor (compop bitor)* ; compop: < > == >= <= != in, not in, is, is not */
static Node *comparison(P *p) {
    Node *e = expr_bitor(p);
    NodeVec rhs = {0};
    VEC(uint8_t) ops = {0};
    Token first = p->tok;
    for (;;) {
        int k = p->tok.kind;
        Token t = p->tok;
        if (k == TK_NOT && peek(p)->kind == TK_IN) { advance(p); k = TK_NOTIN; }
        else if (k == TK_IS && peek(p)->kind == TK_NOT) { advance(p); k = TK_ISNOT; }
        else if (k != TK_LT && k != TK_GT && k != TK_EQ && k != TK_GE && k != TK_LE && k != TK_NE &&
                 k != TK_IN && k != TK_IS) break;
        advance(p);
        /* each comparison is a block of its own downstream: the length is bounded like an operator chain */
        if (ops.n == MAX_CHAIN) fail_at(p, t, "expression too long (more than %s comparisons in a chain)", "2000");
        if (!vec_push(p->a, ops, (uint8_t)k)) diag_fail(p->d, t.line, t.col, "out of memory");
        push(p, &rhs, expr_bitor(p));
    }
    if (!rhs.n) return e;
    Node *c = node(p, N_COMPARE, first);
    c->line = e->line; c->col = e->col;
    c->a = e; c->kids2 = rhs.v; c->nkids2 = (int32_t)rhs.n; c->ops = ops.v;
    return c;
}

/* not_test: 'not' not_test | comparison */
static Node *not_test(P *p) {
    Token t = p->tok;
    if (accept(p, TK_NOT)) {
        Node *u = node(p, N_UNARY, t);
        nest_in(p);
        u->op = TK_NOT; u->a = not_test(p);
        p->depth--;
        return u;
    }
    return comparison(p);
}

/* and_test: not_test ('and' not_test)* ; or_test: and_test ('or' and_test)* */
static Node *boolop(P *p, int op) {
    Node *e = op == TK_OR ? boolop(p, TK_AND) : not_test(p);
    if (p->tok.kind != op) return e;
    NodeVec v = {0};
    push(p, &v, e);
    Token t = p->tok;
    while (p->tok.kind == op) {
        if (v.n == MAX_CHAIN) /* each operand is a block of its own downstream */
            diag_fail(p->d, p->tok.line, p->tok.col, "expression too long (more than 2000 '%s' operators in a row)", op == TK_OR ? "or" : "and");
        advance(p);
        push(p, &v, op == TK_OR ? boolop(p, TK_AND) : not_test(p));
    }
    Node *b = node(p, N_BOOLOP, t);
    b->line = e->line; b->col = e->col;
    b->op = (uint8_t)op; b->kids = v.v; b->nkids = (int32_t)v.n;
    return b;
}

/* test: or_test ['if' or_test 'else' test]; every parenthesized, bracketed or
 * argument expression comes through here, so this bounds their nesting */
static Node *test_(P *p);
static Node *test(P *p) {
    nest_in(p);
    Node *e = test_(p);
    p->depth--;
    return e;
}

/* parameters up to the token `end`: NAME [':' test] ['=' test] (',' ...)*, into f's names and kids2 (defaults,
 * NULL where none); annotations (a def's) are read and dropped. A def's may hold one `*name` (a tuple of the extra
 * positional arguments) or a bare `*`, after which the parameters are keyword-only (their defaults optional): f->op
 * and f->chain record where (ast_vararg, ast_kwonly) */
static void parameters(P *p, Node *f, int end, bool annotations, const char *what) {
    VEC(const char *) names = {0};
    NodeVec defs = {0};
    bool any_default = false, star = false;
    while (p->tok.kind != end) {
        if (p->tok.kind == TK_STAR && annotations && !star) { /* *args, or a bare * */
            Token st = p->tok;
            advance(p);
            star = true;
            if (p->tok.kind == TK_COMMA || p->tok.kind == end) {
                if (p->tok.kind == end || (advance(p), p->tok.kind == end))
                    diag_fail(p->d, st.line, st.col, "named arguments must follow bare *");
                f->chain = (uint16_t)(names.n + 1);
                continue;
            }
            Token pt = p->tok;
            const char *nm = ident(p);
            for (uint32_t i = 0; i < names.n; i++)
                if (strcmp(names.v[i], nm) == 0) diag_fail(p->d, pt.line, pt.col, "duplicate argument '%s' in function definition", nm);
            if (annotations && accept(p, TK_COLON)) test(p);
            if (p->tok.kind == TK_ASSIGN) diag_fail(p->d, p->tok.line, p->tok.col, "var-positional argument cannot have default value");
            f->op = (uint8_t)(names.n + 1);
            f->chain = (uint16_t)(names.n + 2);
            if (!vec_push(p->a, names, nm)) diag_fail(p->d, pt.line, pt.col, "out of memory");
            push(p, &defs, NULL);
            if (!accept(p, TK_COMMA)) break;
            continue;
        }
        if (p->tok.kind == TK_STAR && star) diag_fail(p->d, p->tok.line, p->tok.col, "* argument may appear only once");
        if (p->tok.kind == TK_STAR || p->tok.kind == TK_POW || p->tok.kind == TK_SLASH)
            diag_fail(p->d, p->tok.line, p->tok.col, "'%s' in %s is not supported", tok_str(p->tok.kind), what);
        Token pt = p->tok;
        const char *nm = ident(p);
        for (uint32_t i = 0; i < names.n; i++)
            if (strcmp(names.v[i], nm) == 0) diag_fail(p->d, pt.line, pt.col, "duplicate argument '%s' in function definition", nm);
        if (annotations && accept(p, TK_COLON)) test(p);
        Node *dflt = NULL;
        if (accept(p, TK_ASSIGN)) { dflt = test(p); any_default = !star; }
        else if (any_default && !star) diag_fail(p->d, pt.line, pt.col, "parameter without a default follows parameter with a default");
        if (!vec_push(p->a, names, nm)) diag_fail(p->d, pt.line, pt.col, "out of memory");
        push(p, &defs, dflt);
        if (!accept(p, TK_COMMA)) break;
    }
    if (star && names.n > 250) diag_fail(p->d, f->line, f->col, "more than 250 parameters with *args or keyword-only ones");
    f->names = names.v; f->nnames = (int32_t)names.n;
    f->kids2 = defs.v; f->nkids2 = (int32_t)defs.n;
}

/* lambdef: 'lambda' [parameters] ':' test */
static Node *lambdef(P *p) {
    Node *l = node(p, N_LAMBDA, p->tok);
    advance(p);
    parameters(p, l, TK_COLON, false, "a lambda's parameters");
    expect(p, TK_COLON);
    l->a = test(p);
    return l;
}

static Node *test_(P *p) {
    if (p->tok.kind == TK_LAMBDA) return lambdef(p);
    Node *e = boolop(p, TK_OR);
    Token t = p->tok;
    if (accept(p, TK_IF)) {
        Node *c = node(p, N_IFEXP, t);
        c->line = e->line; c->col = e->col;
        c->a = e; c->b = boolop(p, TK_OR);
        expect(p, TK_ELSE);
        c->c = test(p);
        return c;
    }
    return e;
}

static void check_target(P *p, Node *t) {
    switch (t->kind) {
    case N_NAME: case N_SUBSCR: return;
    case N_TUPLE: {
        int stars = 0;
        for (int i = 0; i < t->nkids; i++) {
            Node *k = t->kids[i];
            if (k->kind == N_STARRED && ++stars > 1) diag_fail(p->d, k->line, k->col, "multiple starred expressions in assignment");
            check_target(p, k->kind == N_STARRED ? k->a : k);
        }
        return;
    }
    case N_STARRED: diag_fail(p->d, t->line, t->col, "starred assignment target must be in a list or tuple");
    case N_ATTR: diag_fail(p->d, t->line, t->col, "assignment to an attribute is not supported");
    default: diag_fail(p->d, t->line, t->col, "cannot assign to this expression");
    }
}

static int aug_op(int k) {
    switch (k) {
    case TK_PLUSEQ: return TK_PLUS; case TK_MINUSEQ: return TK_MINUS; case TK_STAREQ: return TK_STAR;
    case TK_SLASHEQ: return TK_SLASH; case TK_FLOORDIVEQ: return TK_FLOORDIV; case TK_PERCENTEQ: return TK_PERCENT;
    case TK_POWEQ: return TK_POW; case TK_AMPEQ: return TK_AMP; case TK_PIPEEQ: return TK_PIPE;
    case TK_CARETEQ: return TK_CARET; case TK_SHLEQ: return TK_SHL; case TK_SHREQ: return TK_SHR;
    }
    return -1;
}

/* expr_stmt: testlist (augassign testlist | ('=' testlist)* | ':' test ['=' testlist]) */
static Node *expr_stmt(P *p) {
    Token t = p->tok;
    Node *e = testlist(p);
    if (p->tok.kind == TK_ATEQ) fail_at(p, p->tok, "the matrix product operator '@' is not supported yet%s", "");
    int op = aug_op(p->tok.kind);
    if (op >= 0) {
        if (e->kind != N_NAME && e->kind != N_SUBSCR)
            diag_fail(p->d, e->line, e->col, "illegal target for augmented assignment");
        Node *s = node(p, S_AUGASSIGN, t);
        advance(p);
        s->a = e; s->op = (uint8_t)op; s->b = testlist(p);
        return s;
    }
    if (p->tok.kind == TK_COLON) { /* annotated assignment: the annotation is ignored */
        if (e->kind != N_NAME) diag_fail(p->d, e->line, e->col, "only names may be annotated");
        advance(p);
        test(p);
        if (!accept(p, TK_ASSIGN)) { Node *s = node(p, S_PASS, t); return s; }
        Node *s = node(p, S_ASSIGN, t);
        NodeVec v = {0}; push(p, &v, e);
        s->kids = v.v; s->nkids = 1; s->a = testlist(p);
        return s;
    }
    if (p->tok.kind != TK_ASSIGN) {
        Node *s = node(p, S_EXPR, t);
        s->a = e;
        return s;
    }
    NodeVec targets = {0};
    while (accept(p, TK_ASSIGN)) {
        check_target(p, e);
        push(p, &targets, e);
        if (p->tok.kind == TK_YIELD) fail_at(p, p->tok, "'yield' as a value is not supported (a generator's yield is a statement)%s", "");
        e = testlist(p);
    }
    Node *s = node(p, S_ASSIGN, t);
    s->kids = targets.v; s->nkids = (int32_t)targets.n; s->a = e;
    return s;
}

/* a dotted module name: NAME ('.' NAME)* */
static const char *dotted(P *p) {
    char mod[256] = "";
    for (;;) {
        if (p->tok.kind != TK_NAME) syntax(p);
        size_t l = strlen(mod);
        if (l + (size_t)p->tok.len + 2 > sizeof mod) fail_at(p, p->tok, "module name too long%s", "");
        snprintf(mod + l, sizeof mod - l, "%s%.*s", l ? "." : "", p->tok.len, p->tok.start);
        advance(p);
        if (!accept(p, TK_DOT)) break;
    }
    return arena_strndup(p->a, mod, strlen(mod));
}

/* record an import binding: name -> target ("numpy", "math.sqrt", "random", "*" -> "numpy") */
static void bind_import(P *p, Token at, const char *name, const char *target) {
    Ast *ast = p->ast;
    int n = ast->nfrom;
    const char **nn = arena_realloc(p->a, ast->from_names, sizeof(char *) * (size_t)n, sizeof(char *) * (size_t)(n + 1));
    const char **tt = arena_realloc(p->a, ast->from_targets, sizeof(char *) * (size_t)n, sizeof(char *) * (size_t)(n + 1));
    int32_t *ll = arena_realloc(p->a, ast->from_lines, sizeof(int32_t) * (size_t)n, sizeof(int32_t) * (size_t)(n + 1));
    if (!nn || !tt || !ll) diag_fail(p->d, at.line, at.col, "out of memory");
    nn[n] = name; tt[n] = target; ll[n] = at.line;
    ast->from_names = nn; ast->from_targets = tt; ast->from_lines = ll; ast->nfrom = n + 1;
}

/* modules whose imports kiln accepts and ignores (decorators, typing helpers) */
static bool ignored_module(const char *mod) {
    return !strcmp(mod, "numba") || !strncmp(mod, "numba.", 6) || !strcmp(mod, "kiln") || !strcmp(mod, "__future__");
}

/* numba.cuda and kiln.cuda: Numba's CUDA kernel API (lower/cuda.c) */
static bool cuda_module(const char *mod) { return !strcmp(mod, "numba.cuda") || !strcmp(mod, "kiln.cuda"); }

/* "a.b" in p's arena */
static const char *dotted_join(P *p, Token at, const char *a, const char *b) {
    size_t n = strlen(a) + strlen(b) + 2;
    char *full = arena_alloc(p->a, n);
    if (!full) diag_fail(p->d, at.line, at.col, "out of memory");
    snprintf(full, n, "%s.%s", a, b);
    return full;
}

/* what a name imported from numba or kiln binds in kernels: cuda, the scalar types (from numba import
 * float32) as NumPy's, numba.typed's List and Dict and numba.types (lower/nbtyped.c: `from numba import types`,
 * `from numba.core import types`, `from numba.types import int64`); NULL for the rest (njit, prange ...:
 * decorators, and names kiln knows by themselves) */
static const char *numba_name(P *p, Token at, const char *mod, const char *name) {
    static const char *dtypes[] = {"float32", "float64", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
                                   "uint64", "complex64", "complex128"};
    if (!strcmp(mod, "numba.typed") && (!strcmp(name, "List") || !strcmp(name, "Dict"))) return dotted_join(p, at, mod, name);
    if (!strcmp(mod, "numba.types") || !strcmp(mod, "numba.core.types")) return dotted_join(p, at, "numba.types", name);
    if ((!strcmp(mod, "numba") || !strcmp(mod, "numba.core")) && !strcmp(name, "types")) return "numba.types";
    if (!strcmp(mod, "numba") && !strcmp(name, "typed")) return "numba.typed";
    if (strcmp(mod, "numba") && strcmp(mod, "kiln")) return NULL;
    if (!strcmp(name, "cuda")) return "cuda";
    for (size_t i = 0; i < sizeof dtypes / sizeof dtypes[0]; i++)
        if (!strcmp(name, dtypes[i])) return dotted_join(p, at, "numpy", name);
    return NULL;
}

/* import_stmt: 'import' dotted ['as' NAME] (',' dotted ['as' NAME])*
 *            | 'from' dotted 'import' ('*' | NAME ['as' NAME] (',' NAME ['as' NAME])* | '(' … ')')
 * Every import is accepted, as CPython accepts it: a binding records what the name is, and
 * lowering says so if compiled code uses a name of a module kiln does not compile. */
static Node *import_stmt(P *p) {
    Token t = p->tok;
    bool from = p->tok.kind == TK_FROM;
    advance(p);
    Node *s = node(p, S_IMPORT, t);
    Ast *ast = p->ast;
    if (!from) {
        do {
            const char *mod = dotted(p);
            const char *alias = NULL;
            if (accept(p, TK_AS)) alias = ident(p);
            if (cuda_module(mod)) { /* import numba.cuda as cuda: the CUDA kernel API (import numba.cuda binds numba) */
                if (alias) bind_import(p, t, alias, "cuda");
                continue;
            }
            if (!strcmp(mod, "numba") || !strncmp(mod, "numba.", 6)) { /* numba.typed.List, numba.types.int64 (nbtyped.c) */
                bind_import(p, t, alias ? alias : "numba", alias ? mod : "numba");
                continue;
            }
            if (ignored_module(mod)) continue;
            if (!alias) { /* 'import a.b' binds a */
                const char *dot = strchr(mod, '.');
                alias = dot ? arena_strndup(p->a, mod, (size_t)(dot - mod)) : mod;
                if (dot) mod = alias;
            }
            if (!s->name) s->name = mod;
            if (!strcmp(mod, "numpy")) ast->np_alias = alias;
            if (!strcmp(mod, "math") && !strcmp(alias, "math")) ast->has_math = true;
            bind_import(p, t, alias, mod);
        } while (accept(p, TK_COMMA));
        return s;
    }
    const char *mod = dotted(p);
    s->name = mod;
    if (p->tok.kind != TK_IMPORT) syntax(p);
    advance(p);
    bool ignored = ignored_module(mod);
    if (p->tok.kind == TK_STAR) {
        advance(p);
        if (!ignored) bind_import(p, t, "*", mod);
        return s;
    }
    bool paren = accept(p, TK_LPAREN);
    for (;;) {
        const char *name = ident(p);
        const char *alias = name;
        if (accept(p, TK_AS)) alias = ident(p);
        const char *kept = ignored ? numba_name(p, t, mod, name) : NULL;
        if (kept) bind_import(p, t, alias, kept);
        else if (cuda_module(mod)) bind_import(p, t, alias, dotted_join(p, t, "cuda", name));
        else if (!ignored) bind_import(p, t, alias, dotted_join(p, t, mod, name));
        if (!accept(p, TK_COMMA)) break;
        if (paren && p->tok.kind == TK_RPAREN) break;
    }
    if (paren) expect(p, TK_RPAREN);
    return s;
}

/* small_stmt: expr_stmt | pass | break | continue | return [testlist] | import | assert | raise */
static Node *small_stmt(P *p) {
    Token t = p->tok;
    Node *s;
    switch (t.kind) {
    case TK_PASS: advance(p); return node(p, S_PASS, t);
    case TK_BREAK: advance(p); return node(p, S_BREAK, t);
    case TK_CONTINUE: advance(p); return node(p, S_CONTINUE, t);
    case TK_RETURN:
        advance(p);
        s = node(p, S_RETURN, t);
        if (starts_expr(p->tok.kind)) s->a = testlist(p);
        return s;
    case TK_IMPORT: case TK_FROM: return import_stmt(p);
    case TK_ASSERT:
        advance(p);
        s = node(p, S_ASSERT, t);
        s->a = test(p);
        if (accept(p, TK_COMMA)) s->b = test(p);
        return s;
    case TK_RAISE:
        advance(p);
        s = node(p, S_RAISE, t);
        if (!starts_expr(p->tok.kind)) return s; /* a bare raise: a: NULL (lower/try.c) */
        s->a = test(p);
        if (p->tok.kind == TK_FROM) fail_at(p, p->tok, "'raise … from' is not supported%s", "");
        return s;
    case TK_DEL: { /* del_stmt: 'del' target (',' target)* [','] */
        advance(p);
        s = node(p, S_DEL, t);
        Node *e = testlist(p);
        if (e->kind == N_TUPLE) { s->kids = e->kids; s->nkids = e->nkids; }
        else {
            s->kids = alloc(p, sizeof(Node *));
            s->kids[0] = e; s->nkids = 1;
        }
        for (int i = 0; i < s->nkids; i++)
            if (s->kids[i]->kind != N_NAME && s->kids[i]->kind != N_SUBSCR) diag_fail(p->d, s->kids[i]->line, s->kids[i]->col, "cannot delete this expression");
        return s;
    }
    case TK_YIELD: /* yield_stmt: 'yield' [testlist]; a generator kiln lowers where a for statement iterates it */
        advance(p);
        if (p->tok.kind == TK_FROM) fail_at(p, p->tok, "'yield from' is not supported (write: for x in g(...): yield x)%s", "");
        s = node(p, S_YIELD, t);
        if (starts_expr(p->tok.kind)) s->a = testlist(p);
        return s;
    case TK_NONLOCAL: { /* nonlocal_stmt: 'nonlocal' NAME (',' NAME)* */
        advance(p);
        s = node(p, S_NONLOCAL, t);
        do {
            const char **names = arena_realloc(p->a, s->names, sizeof(char *) * (size_t)s->nnames, sizeof(char *) * (size_t)(s->nnames + 1));
            if (!names) diag_fail(p->d, t.line, t.col, "out of memory");
            names[s->nnames++] = ident(p);
            s->names = names;
        } while (accept(p, TK_COMMA));
        return s;
    }
    case TK_GLOBAL:
        fail_at(p, t, "'%s' is not supported", tok_str(t.kind));
    }
    return expr_stmt(p);
}

/* simple_stmts: small_stmt (';' small_stmt)* [';'] NEWLINE */
static void simple_stmts(P *p, NodeVec *out) {
    for (;;) {
        push(p, out, small_stmt(p));
        if (!accept(p, TK_SEMI)) break;
        if (p->tok.kind == TK_NEWLINE) break;
    }
    if (p->tok.kind != TK_NEWLINE && p->tok.kind != TK_EOF) syntax(p);
    advance(p);
}

static Node *stmt_into(P *p, NodeVec *out);

/* 'else' ':' block, the current token being the else: into s->kids2 (what: the block's name in messages) */
static void else_block(P *p, Node *s, const char *what) {
    Token e = p->tok;
    advance(p);
    expect(p, TK_COLON);
    NodeVec body = {0};
    block(p, &body, what, e.line);
    s->kids2 = body.v; s->nkids2 = (int32_t)body.n;
}

/* if_stmt: 'if' test ':' block ('elif' test ':' block)* ['else' ':' block] */
static Node *if_stmt(P *p) {
    Token t = p->tok;
    advance(p);
    Node *s = node(p, S_IF, t);
    s->a = condition(p);
    expect(p, TK_COLON);
    NodeVec body = {0};
    block(p, &body, "'if' statement", t.line);
    s->kids = body.v; s->nkids = (int32_t)body.n;
    if (p->tok.kind == TK_ELIF) {
        NodeVec e = {0};
        push(p, &e, if_stmt(p));
        s->kids2 = e.v; s->nkids2 = 1;
    } else if (p->tok.kind == TK_ELSE) {
        else_block(p, s, "'else' statement");
    }
    return s;
}

/* ['else' ':' block] after a loop: it runs when the loop ends without break (s->kids2) */
static void loop_else(P *p, Node *s) {
    if (p->tok.kind == TK_ELSE) else_block(p, s, "'else' clause");
}

/* try_stmt: 'try' ':' block (except_clause ':' block)+ ['else' ':' block] ['finally' ':' block]
 *         | 'try' ':' block 'finally' ':' block;  except_clause: 'except' [test ['as' NAME]] */
static Node *clause(P *p, int kind, const char *what) {
    Token t = p->tok;
    advance(p);
    Node *c = node(p, S_EXCEPT, t);
    c->op = (uint8_t)kind;
    if (kind == 0 && p->tok.kind != TK_COLON) {
        if (p->tok.kind == TK_STAR) fail_at(p, p->tok, "'except*' is not supported%s", "");
        c->a = test(p);
        if (accept(p, TK_AS)) c->name = ident(p);
    }
    expect(p, TK_COLON);
    NodeVec body = {0};
    block(p, &body, what, t.line);
    c->kids = body.v; c->nkids = (int32_t)body.n;
    return c;
}

/* with_stmt: 'with' test (',' test)* ':' block, written as what it does for the one context manager kernels take,
 * np.errstate(...): each manager checked by a call of the hidden $with (lowering: it must be np.errstate with settings
 * kiln's arithmetic already keeps), then the body as an `if True:` block (every pass handles that) */
static void with_stmt(P *p, NodeVec *out) {
    Token t = p->tok;
    advance(p);
    for (;;) {
        Token at = p->tok;
        Node *cm = test(p);
        if (p->tok.kind == TK_AS) fail_at(p, p->tok, "'with ... as NAME' is not supported (kernels take np.errstate(...) alone)%s", "");
        Node *call = node(p, N_CALL, at), *fn = node(p, N_NAME, at), *e = node(p, S_EXPR, at);
        fn->name = "$with";
        call->a = fn;
        call->kids = alloc(p, sizeof(Node *));
        call->kids[0] = cm;
        call->nkids = 1;
        e->a = call;
        push(p, out, e);
        if (!accept(p, TK_COMMA)) break;
    }
    expect(p, TK_COLON);
    Node *s = node(p, S_IF, t), *yes = node(p, N_BOOL, t);
    yes->v.i = 1;
    s->a = yes;
    NodeVec body = {0};
    block(p, &body, "'with' statement", t.line);
    s->kids = body.v; s->nkids = (int32_t)body.n;
    push(p, out, s);
}

static Node *try_stmt(P *p) {
    Token t = p->tok;
    advance(p);
    Node *s = node(p, S_TRY, t);
    expect(p, TK_COLON);
    NodeVec body = {0}, clauses = {0};
    block(p, &body, "'try' statement", t.line);
    s->kids = body.v; s->nkids = (int32_t)body.n;
    bool bare = false;
    while (p->tok.kind == TK_EXCEPT) {
        if (bare) fail_at(p, p->tok, "SyntaxError: default 'except:' must be last%s", "");
        Node *c = clause(p, 0, "'except' clause");
        bare = !c->a;
        push(p, &clauses, c);
    }
    if (p->tok.kind == TK_ELSE) {
        if (!clauses.n) syntax(p);
        push(p, &clauses, clause(p, 1, "'else' clause"));
    }
    if (p->tok.kind == TK_FINALLY) push(p, &clauses, clause(p, 2, "'finally' clause"));
    if (!clauses.n) fail_at(p, p->tok, "expected 'except' or 'finally' block%s", "");
    s->kids2 = clauses.v; s->nkids2 = (int32_t)clauses.n;
    return s;
}

/* while_stmt: 'while' test ':' block ['else' ':' block] */
static Node *while_stmt(P *p) {
    Token t = p->tok;
    advance(p);
    Node *s = node(p, S_WHILE, t);
    s->a = condition(p);
    expect(p, TK_COLON);
    NodeVec body = {0};
    block(p, &body, "'while' statement", t.line);
    s->kids = body.v; s->nkids = (int32_t)body.n;
    loop_else(p, s);
    return s;
}

/* target_list: target (',' target)* [','] ; target: NAME | '(' target_list ')' */
static Node *for_target(P *p) {
    Token t = p->tok;
    Node *first = starred_or(p, expr_bitor);
    Node *e = first;
    if (p->tok.kind == TK_COMMA) {
        NodeVec v = {0};
        push(p, &v, first);
        while (accept(p, TK_COMMA)) {
            if (p->tok.kind == TK_IN) break;
            push(p, &v, starred_or(p, expr_bitor));
        }
        e = node(p, N_TUPLE, t);
        e->kids = v.v; e->nkids = (int32_t)v.n;
    }
    check_target(p, e);
    return e;
}

/* for_stmt: 'for' target_list 'in' testlist ':' block */
static Node *for_stmt(P *p) {
    Token t = p->tok;
    advance(p);
    Node *s = node(p, S_FOR, t);
    s->a = for_target(p);
    if (p->tok.kind != TK_IN) fail_at(p, p->tok, "expected 'in'%s", "");
    advance(p);
    s->b = testlist(p);
    expect(p, TK_COLON);
    NodeVec body = {0};
    block(p, &body, "'for' statement", t.line);
    s->kids = body.v; s->nkids = (int32_t)body.n;
    loop_else(p, s);
    return s;
}

/* funcdef: 'def' NAME '(' [parameters] ')' ['->' test] ':' block */
static Node *funcdef(P *p, bool nested) {
    Token t = p->tok;
    (void)nested; /* a def in a function: a nested function, lowered where it is called */
    advance(p);
    Node *s = node(p, S_DEF, t);
    s->name = ident(p);
    expect(p, TK_LPAREN);
    parameters(p, s, TK_RPAREN, true, "a parameter list");
    expect(p, TK_RPAREN);
    if (accept(p, TK_ARROW)) test(p);
    expect(p, TK_COLON);
    NodeVec body = {0};
    block(p, &body, "function definition", t.line);
    s->kids = body.v; s->nkids = (int32_t)body.n;
    return s;
}

static void decorators(P *p) {
    while (p->tok.kind == TK_AT) { /* @njit, @kiln.jit(...): accepted and ignored */
        advance(p);
        test(p);
        if (p->tok.kind != TK_NEWLINE) syntax(p);
        advance(p);
    }
    if (p->tok.kind != TK_DEF) fail_at(p, p->tok, "decorators are only supported on functions%s", "");
}

/* stmt: compound_stmt | simple_stmts */
static Node *stmt_into(P *p, NodeVec *out) {
    Token t = p->tok;
    switch (t.kind) {
    case TK_IF: { Node *s = if_stmt(p); push(p, out, s); return s; }
    case TK_WHILE: { Node *s = while_stmt(p); push(p, out, s); return s; }
    case TK_FOR: { Node *s = for_stmt(p); push(p, out, s); return s; }
    case TK_DEF: { Node *s = funcdef(p, true); push(p, out, s); return s; }
    case TK_AT: { decorators(p); Node *s = funcdef(p, true); push(p, out, s); return s; }
    case TK_TRY: { Node *s = try_stmt(p); push(p, out, s); return s; }
    case TK_WITH: with_stmt(p, out); return out->n ? out->v[out->n - 1] : NULL;
    case TK_CLASS: case TK_ASYNC:
        fail_at(p, t, "'%s' statements are not supported", tok_str(t.kind));
    case TK_EXCEPT: case TK_FINALLY: case TK_ELIF: case TK_ELSE: syntax(p);
    case TK_INDENT: fail_at(p, t, "unexpected indent%s", "");
    }
    simple_stmts(p, out);
    return NULL;
}

/* block: simple_stmts | NEWLINE INDENT stmt+ DEDENT */
static void block(P *p, NodeVec *body, const char *what, int line) {
    if (p->tok.kind != TK_NEWLINE) { simple_stmts(p, body); return; }
    advance(p);
    if (p->tok.kind != TK_INDENT) {
        char msg[128];
        snprintf(msg, sizeof msg, "expected an indented block after %s on line %d", what, line);
        fail_at(p, p->tok, "%s", msg);
    }
    advance(p);
    nest_in(p);
    while (p->tok.kind != TK_DEDENT && p->tok.kind != TK_EOF) stmt_into(p, body);
    p->depth--;
    accept(p, TK_DEDENT);
}

static bool is_main_guard(Node *test_) {
    return test_->kind == N_COMPARE && test_->a->kind == N_NAME && strcmp(test_->a->name, "__name__") == 0;
}

/* file: (NEWLINE | toplevel)* EOF; toplevel: import | def | NAME '=' test | docstring | main guard */
/* module-level statements other than defs: imports (bound as they were parsed), docstrings, constants */
static void module_stmts(P *p, const NodeVec *v, NodeVec *consts) {
    for (uint32_t i = 0; i < v->n; i++) {
        Node *s = v->v[i];
        if (s->kind == S_IMPORT) continue;
        if (s->kind == S_EXPR && s->a->kind == N_STR) continue; /* module docstring */
        if (s->kind == S_ASSIGN && s->nkids == 1 && s->kids[0]->kind == N_NAME) {
            Node *c = node(p, S_GLOBAL_CONST, (Token){.line = s->line, .col = s->col});
            c->name = s->kids[0]->name; c->a = s->a;
            push(p, consts, c);
            continue;
        }
        if (s->kind == S_PASS) continue;
        diag_fail(p->d, s->line, s->col, "only imports, constants and function definitions are supported at module level");
    }
}

/* try at module level, the idiom `try: from numba import njit / except ImportError: ...`: kiln's imports do not
 * fail (it accepts every import, §1 of docs/language.md), so the body runs, then else and finally: their imports
 * and constants count; what the except clauses bind is dropped, as CPython never runs them */
static void module_try(P *p, NodeVec *consts) {
    Token t = p->tok;
    advance(p);
    expect(p, TK_COLON);
    NodeVec body = {0};
    block(p, &body, "'try' statement", t.line);
    module_stmts(p, &body, consts);
    bool clauses = false;
    while (p->tok.kind == TK_EXCEPT) {
        int32_t nfrom = p->ast->nfrom;
        clause(p, 0, "'except' clause");
        p->ast->nfrom = nfrom;
        clauses = true;
    }
    for (int k = 1; k <= 2; k++)
        if (p->tok.kind == (k == 1 ? TK_ELSE : TK_FINALLY)) {
            if (k == 1 && !clauses) syntax(p);
            Node *c = clause(p, k, k == 1 ? "'else' clause" : "'finally' clause");
            NodeVec cv = {c->kids, (uint32_t)c->nkids, (uint32_t)c->nkids};
            module_stmts(p, &cv, consts);
            clauses = true;
        }
    if (!clauses) fail_at(p, p->tok, "expected 'except' or 'finally' block%s", "");
}

static Node *str_node(P *p, const char *s, Token at) {
    Node *n = node(p, N_STR, at);
    n->name = s;
    return n;
}

/* class NAME(NamedTuple): a docstring, `pass`, and fields `name: type` or `name: type = default` (the annotation read
 * and dropped): the module constant NAME = collections.namedtuple('NAME', [fields], defaults=(...)) (jit/lit.c reads
 * the call, its callee the parser's own name $namedtuple). Another class is refused: kernels have no classes */
static void namedtuple_class(P *p, NodeVec *consts) {
    Token t = p->tok;
    advance(p);
    const char *name = ident(p);
    bool ok = accept(p, TK_LPAREN) && p->tok.kind == TK_NAME;
    const char *base = ok ? ident(p) : NULL;
    if (base && accept(p, TK_DOT)) { /* typing.NamedTuple */
        const char *attr = p->tok.kind == TK_NAME ? ident(p) : "";
        const char *mod = ast_binding(p->ast, base);
        ok = mod && !strcmp(mod, "typing") && !strcmp(attr, "NamedTuple");
    } else ok = ok && ast_binding(p->ast, base) && !strcmp(ast_binding(p->ast, base), "typing.NamedTuple");
    if (!ok || !accept(p, TK_RPAREN))
        fail_at(p, t, "'class' statements are not supported at module level (but for typing.NamedTuple's, whose fields "
                      "are kiln's named tuples)%s", "");
    expect(p, TK_COLON);
    expect(p, TK_NEWLINE);
    if (p->tok.kind != TK_INDENT) diag_fail(p->d, p->tok.line, p->tok.col, "expected an indented block after class definition on line %d", t.line);
    advance(p);
    NodeVec fields = {0}, defaults = {0};
    const char *first_default = NULL;
    while (p->tok.kind != TK_DEDENT && p->tok.kind != TK_EOF) {
        if (accept(p, TK_NEWLINE)) continue;
        Token at = p->tok;
        if (at.kind == TK_STR && fields.n == 0 && peek(p)->kind == TK_NEWLINE) { advance(p); continue; } /* a docstring */
        if (accept(p, TK_PASS)) { expect(p, TK_NEWLINE); continue; }
        if (at.kind != TK_NAME || peek(p)->kind != TK_COLON)
            fail_at(p, at, "a NamedTuple class holds fields ('name: type' or 'name: type = default') only here: methods and "
                           "other statements are not supported%s", "");
        const char *f = ident(p);
        advance(p);
        test(p); /* the annotation */
        if (accept(p, TK_ASSIGN)) {
            push(p, &defaults, test(p));
            if (!first_default) first_default = f;
        } else if (first_default)
            diag_fail(p->d, at.line, at.col, "Non-default namedtuple field %s cannot follow default field %s", f, first_default);
        push(p, &fields, str_node(p, f, at));
        expect(p, TK_NEWLINE);
    }
    accept(p, TK_DEDENT);
    Node *list = node(p, N_LIST, t), *call = node(p, N_CALL, t), *fn = node(p, N_NAME, t);
    list->kids = fields.v; list->nkids = (int32_t)fields.n;
    fn->name = "$namedtuple";
    Node **args = alloc(p, 2 * sizeof(Node *));
    args[0] = str_node(p, name, t); args[1] = list;
    call->a = fn; call->kids = args; call->nkids = 2;
    if (defaults.n) {
        Node *d = node(p, N_TUPLE, t);
        d->kids = defaults.v; d->nkids = (int32_t)defaults.n;
        call->kids2 = alloc(p, sizeof(Node *));
        call->kids2[0] = d; call->nkids2 = 1;
        call->names = alloc(p, sizeof(char *));
        call->names[0] = "defaults"; call->nnames = 1;
    }
    Node *c = node(p, S_GLOBAL_CONST, t);
    c->name = name; c->a = call;
    push(p, consts, c);
}

static void toplevel(P *p, NodeVec *defs, NodeVec *consts) {
    Token t = p->tok;
    if (t.kind == TK_AT) decorators(p);
    if (p->tok.kind == TK_DEF) { push(p, defs, funcdef(p, false)); return; }
    if (t.kind == TK_IF) {
        Node *s = if_stmt(p);
        if (!is_main_guard(s->a))
            diag_fail(p->d, t.line, t.col, "only imports, constants and function definitions are supported at module level");
        return;
    }
    if (t.kind == TK_TRY) { module_try(p, consts); return; }
    if (t.kind == TK_CLASS) { namedtuple_class(p, consts); return; }
    if (t.kind == TK_WITH || t.kind == TK_WHILE || t.kind == TK_FOR || t.kind == TK_ASYNC)
        fail_at(p, t, "'%s' statements are not supported at module level", tok_str(t.kind));
    NodeVec tmp = {0};
    simple_stmts(p, &tmp);
    module_stmts(p, &tmp, consts);
}

static Ast *parse(Arena *arena, const char *file, const char *src, size_t len, Diag *d, bool outline) {
    P p;
    memset(&p, 0, sizeof p);
    p.a = arena; p.d = d;
    jmp_buf jb;
    d->jb = &jb;
    d->file = file; d->src = src; d->len = len;
    if (setjmp(jb)) return NULL;
    p.ast = arena_alloc(arena, sizeof *p.ast);
    if (!p.ast) diag_fail(d, 0, 0, "out of memory");
    p.ast->file = file; p.ast->src = src; p.ast->len = len;
    for (size_t i = 0; i < len; i++)
        if (src[i] == 0) {
            int line = 1, col = 1;
            for (size_t j = 0; j < i; j++) { if (src[j] == '\n') { line++; col = 1; } else col++; }
            diag_fail(d, line, col, "source contains a null byte");
        }
    lex_init(&p.lx, arena, d, src, len);
    advance(&p);
    NodeVec defs = {0}, consts = {0};
    while (p.tok.kind != TK_EOF) {
        if (accept(&p, TK_NEWLINE)) continue;
        if (p.tok.kind == TK_INDENT) fail_at(&p, p.tok, "unexpected indent%s", "");
        toplevel(&p, &defs, &consts);
    }
    for (uint32_t i = 0; i < defs.n; i++)
        for (uint32_t j = 0; j < i; j++)
            if (strcmp(defs.v[i]->name, defs.v[j]->name) == 0)
                diag_fail(d, defs.v[i]->line, defs.v[i]->col, "function '%s' is defined twice (first on line %d)",
                          defs.v[i]->name, defs.v[j]->line);
    p.ast->defs = defs.v; p.ast->ndefs = (int32_t)defs.n;
    p.ast->consts = consts.v; p.ast->nconsts = (int32_t)consts.n;
    p.ast->nnodes = p.nnodes;
    mf_desugar(arena, p.ast, d);
    op_desugar(arena, p.ast, d);
    if (outline) lf_lift(arena, p.ast, d);
    if (outline) pr_outline(arena, p.ast, d);
    d->jb = NULL;
    return p.ast;
}

Ast *ast_parse(Arena *arena, const char *file, const char *src, size_t len, Diag *d) {
    return parse(arena, file, src, len, d, true);
}

Ast *ast_parse_plain(Arena *arena, const char *file, const char *src, size_t len, Diag *d) {
    return parse(arena, file, src, len, d, false);
}

