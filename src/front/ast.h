/*
 * ast.h — the syntax tree of a kernel file, with source positions.
 *
 * One Node struct for every kind keeps the parser and the walkers small; the
 * meaning of the child fields per kind is listed next to each kind. Nodes live
 * in the module's arena and are immutable after parsing, so many
 * specializations may walk one tree at once. `id` numbers nodes densely so that
 * compile-time side tables can be plain arrays.
 */
#ifndef KILN_AST_H
#define KILN_AST_H

#include "../base/base.h"
#include "../base/diag.h"

typedef enum {
    /* expressions */
    N_NAME,    /* name */
    N_INT,     /* v.i */
    N_FLOAT,   /* v.f */
    N_IMAG,    /* v.f: the imaginary part of a literal like 2j */
    N_STR,     /* name: the text */
    N_BOOL,    /* v.i */
    N_NONE,
    N_UNARY,   /* op, a */
    N_BINARY,  /* op, a, b */
    N_BOOLOP,  /* op (TK_AND/TK_OR), kids[0..n) */
    N_COMPARE, /* a, then kids2[i] compared by ops[i]: a < k0 <= k1 */
    N_IFEXP,   /* a if b else c  ->  a: value, b: test, c: orelse */
    N_CALL,    /* a: callee, kids: positional args, kids2/names: keyword args */
    N_SUBSCR,  /* a: value, kids: indices */
    N_ATTR,    /* a: value, name */
    N_TUPLE,   /* kids */
    N_SLICE,   /* in a subscript, start:stop:step: a, b, c, each NULL when left out */
    N_GENEXP,  /* (a for ... in ... if ...): a: the element, kids: N_COMPFOR clauses, outermost first */
    N_COMPFOR, /* for a in b if kids[0] if kids[1] ... (a clause of N_GENEXP) */
    N_LIST,    /* [kids] */
    N_LISTCOMP, /* [a for ... in ... if ...]: as N_GENEXP */
    N_DICT,    /* {kids[i]: kids2[i], ...} */
    N_DICTCOMP, /* {a: b for ... in ... if ...}: kids the N_COMPFOR clauses, as N_GENEXP */
    N_SET,     /* {kids}; no kids: an empty set (lowering's own, for set()) */
    N_SETCOMP, /* {a for ... in ... if ...}: as N_GENEXP */
    N_LAMBDA,  /* lambda names: a  ->  names: params, kids2: their defaults (NULL if none), a: the body */
    N_FSTRING, /* f"..." (with any strings next to it): kids: N_STR texts and N_FIELDs, in order */
    N_FIELD,   /* {a!op:name} of an f-string: a: the expression, op: 'r', 's', 'a' or 0, name: the format spec ("" if none) */
    N_STARRED, /* *a, an item of a tuple target (first, *rest = xs): a: the target it binds (a list); op 2: **a, an
                * item of a dict display ({**a, k: v}: the key, its value an N_NONE) */
    N_NAMEDEXPR, /* (a := b), an assignment expression: a: the N_NAME it binds, b: the value (also the result) */
    /* statements */
    S_EXPR,    /* a */
    S_ASSIGN,  /* kids: targets (a = b = v), a: value */
    S_AUGASSIGN, /* a: target, op, b: value */
    S_IF,      /* a: test, kids: body, kids2: orelse */
    S_WHILE,   /* a: test, kids: body, kids2: else (runs when the loop ends without break) */
    S_FOR,     /* a: target, b: iterable, kids: body, kids2: else */
    S_BREAK, S_CONTINUE, S_PASS,
    S_RETURN,  /* a: value or NULL */
    S_ASSERT,  /* a: test, b: message or NULL */
    S_RAISE,   /* a: exception expression (NULL: a bare raise, the exception being handled) */
    S_DEL,     /* kids: the targets */
    S_DEF,     /* name, params (names), defaults (kids2: one per param, NULL if none), kids: body */
    S_IMPORT,  /* name: module, b? alias in names[0] */
    S_GLOBAL_CONST, /* name = a at module level */
    S_YIELD,   /* a: value or NULL (a statement only: a generator function's yield) */
    S_NONLOCAL, /* names: the enclosing function's variables an inner function assigns */
    S_TRY,     /* kids: the body, kids2: its clauses (S_EXCEPT nodes) in order: excepts, then else, then finally */
    S_EXCEPT,  /* a clause of S_TRY: op: 0 except, 1 else, 2 finally; a: the class (a name or a tuple of names; NULL:
                * bare except), name: the 'as' name or NULL, kids: the body */
    S_PFOR,    /* a prange loop, outlined (front/prange.c): a: the loop variable, b: the prange call, name/v.i: the
                * kernel its body became (index in Ast.defs), kids: the names it reads from the function (passed
                * after $lo, $hi, $start, $step), kids2: its reductions, ops: their operators (TK_PLUS, TK_MINUS,
                * TK_STAR, TK_AMP, TK_PIPE, TK_CARET; TK_LT min, TK_GT max), c: an N_TUPLE of its subscript stores
                * into those names */
    N_KINDS
} NodeKind;

typedef struct Node Node;
struct Node {
    uint8_t kind;
    uint8_t op;          /* token code for operators; S_DEF: 1 + the index of its *args parameter (0: none) */
    uint16_t chain;      /* N_BINARY: binary nodes down its left spine (parse.c bounds it); S_DEF: 1 + the index of its
                          * first keyword-only parameter (the one after *args or a bare *; 0: none) */
    uint8_t *ops;        /* N_COMPARE: one token code per comparator */
    int32_t line, col;   /* 1-based */
    int32_t id;
    Node *a, *b, *c;
    Node **kids; int32_t nkids;
    Node **kids2; int32_t nkids2;
    const char *name;
    const char **names;  /* S_DEF: param names; N_CALL: keyword names */
    int32_t nnames;
    union { int64_t i; double f; } v;
};

/* a def's *args parameter's index, and where its keyword-only parameters start (after *args or a bare *): -1 if none */
static inline int ast_vararg(const Node *def) { return def->kind == S_DEF ? def->op - 1 : -1; }
static inline int ast_kwonly(const Node *def) { return def->kind == S_DEF ? def->chain - 1 : -1; }

/* bind(ctx, name) for each name an assignment expression (name := v) in expression e binds: the enclosing function's
 * names, also from inside a comprehension (Python's rule); a lambda's are its own */
static inline void ast_named_targets(const Node *e, void (*bind)(void *, const char *), void *ctx) {
    if (!e || e->kind == N_LAMBDA) return;
    if (e->kind == N_NAMEDEXPR) bind(ctx, e->a->name);
    ast_named_targets(e->a, bind, ctx); ast_named_targets(e->b, bind, ctx); ast_named_targets(e->c, bind, ctx);
    for (int i = 0; i < e->nkids; i++) ast_named_targets(e->kids[i], bind, ctx);
    for (int i = 0; i < e->nkids2; i++) ast_named_targets(e->kids2[i], bind, ctx);
}

/* the target a target list's item binds: itself, or for a starred item (*rest) the one inside */
static inline Node *ast_unstar(const Node *t) { return (Node *)(t->kind == N_STARRED ? t->a : t); }

/* A parsed file. */
typedef struct Ast {
    const char *file;
    const char *src; size_t len;
    Node **defs; int32_t ndefs;     /* S_DEF nodes */
    Node **consts; int32_t nconsts; /* S_GLOBAL_CONST nodes */
    const char *np_alias;           /* name numpy is imported as, or NULL */
    bool has_math;
    /* import bindings in source order (a later one wins): local name -> what it binds: a module
     * ("numpy", "math", "random"), a module's name ("math.sqrt", "numpy.float32", "random.randint"),
     * or, for name "*", the module a star import reads ("numpy"); from_lines: the import's line */
    const char **from_names; const char **from_targets; int32_t *from_lines; int32_t nfrom;
    bool own_prange;                /* the module defines a function named prange: its calls are calls */
    int32_t nnodes;
} Ast;

/* what the imports bind name to ("random", "numpy", "collections.namedtuple", ...), or NULL: the last binding wins */
static inline const char *ast_binding(const Ast *ast, const char *name) {
    const char *t = NULL;
    for (int i = 0; i < ast->nfrom; i++) if (!strcmp(ast->from_names[i], name)) t = ast->from_targets[i];
    return t;
}

/* Parse src into an AST allocated in arena. Returns NULL and fills d on error. */
Ast *ast_parse(Arena *arena, const char *file, const char *src, size_t len, Diag *d);
/* the same without outlining prange loops and array statements into kernels of their own (front/prange.c): for
 * text the compiler writes and lowers in place (lower/itertools.c), which must not refer to other kernels */
Ast *ast_parse_plain(Arena *arena, const char *file, const char *src, size_t len, Diag *d);

#endif
