/*
 * outline.c — the helpers front/'s outlining passes share (outline.h): node construction in the
 * module's arena with fresh ids, name sets, import bindings, the names a function assigns.
 */
#include "outline.h"
#include <stdarg.h>
#include <string.h>

void ol_fail(Out *o, Node *at, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_vset(o->d->err, o->d->file, o->d->src, o->d->len, at->line, at->col, fmt, ap);
    va_end(ap);
    longjmp(*o->d->jb, 1);
}

void *ol_alloc(Out *o, size_t n) {
    void *p = arena_alloc(o->a, n);
    if (!p) diag_fail(o->d, 0, 0, "out of memory");
    return p;
}

Node *ol_mk(Out *o, int kind, const Node *at) {
    Node *n = ol_alloc(o, sizeof *n);
    n->kind = (uint8_t)kind;
    n->line = at->line; n->col = at->col;
    n->id = o->ast->nnodes++;
    return n;
}

Node *ol_name(Out *o, const char *name, const Node *at) {
    Node *n = ol_mk(o, N_NAME, at);
    n->name = name;
    return n;
}

Node **ol_kids(Out *o, Node **v, int n) {
    Node **k = ol_alloc(o, sizeof(Node *) * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++) k[i] = v[i];
    return k;
}

bool ol_has(const Names *s, const char *name) {
    for (uint32_t i = 0; i < s->n; i++) if (!strcmp(s->v[i], name)) return true;
    return false;
}

void ol_add(Out *o, Names *s, const char *name) { if (!ol_has(s, name)) PUSH(o, *s, name); }

void ol_visit(Node *n, bool (*f)(Node *, void *), void *ctx) {
    if (!n || !f(n, ctx)) return;
    ol_visit(n->a, f, ctx);
    ol_visit(n->b, f, ctx);
    ol_visit(n->c, f, ctx);
    for (int i = 0; i < n->nkids; i++) ol_visit(n->kids[i], f, ctx);
    for (int i = 0; i < n->nkids2; i++) ol_visit(n->kids2[i], f, ctx);
}

bool ol_starts(const char *s, const char *p) { return s && !strncmp(s, p, strlen(p)); }

char *ol_str(Out *o, const char *s) {
    char *p = arena_strndup(o->a, s, strlen(s));
    if (!p) diag_fail(o->d, 0, 0, "out of memory");
    return p;
}

static void targets(Out *o, Node *t, Names *out) {
    t = ast_unstar(t);
    if (t->kind == N_NAME) ol_add(o, out, t->name);
    else if (t->kind == N_TUPLE || t->kind == N_LIST) for (int i = 0; i < t->nkids; i++) targets(o, t->kids[i], out);
}

void ol_def_vars(Out *o, const Node *def, Names *out) {
    for (int k = 0; k < def->nnames; k++) ol_add(o, out, def->names[k]);
    ol_fn_locals(o, def->kids, def->nkids, out);
}

void ol_append_defs(Out *o) {
    Ast *ast = o->ast;
    int n = ast->ndefs;
    if (!o->newdefs.n) return;
    Node **defs = ol_alloc(o, sizeof(Node *) * (size_t)(n + (int)o->newdefs.n));
    for (int i = 0; i < n; i++) defs[i] = ast->defs[i];
    for (uint32_t i = 0; i < o->newdefs.n; i++) defs[n + (int)i] = o->newdefs.v[i];
    ast->defs = defs;
    ast->ndefs = n + (int32_t)o->newdefs.n;
}

typedef struct Bind { Out *o; Names *out; } Bind;
static void bind_name(void *ctx, const char *name) { Bind *b = ctx; ol_add(b->o, b->out, name); }

void ol_fn_locals(Out *o, Node **v, int n, Names *out) {
    for (int i = 0; i < n; i++) {
        Node *s = v[i];
        Bind b = {o, out};
        if (s->kind != S_DEF) { ast_named_targets(s->a, bind_name, &b); ast_named_targets(s->b, bind_name, &b); } /* (x := v) */
        switch (s->kind) {
        case S_ASSIGN: for (int k = 0; k < s->nkids; k++) targets(o, s->kids[k], out); break;
        case S_AUGASSIGN: targets(o, s->a, out); break;
        case S_FOR: targets(o, s->a, out); /* fall through */
        case S_IF: case S_WHILE: case S_TRY: case S_EXCEPT:
            ol_fn_locals(o, s->kids, s->nkids, out); ol_fn_locals(o, s->kids2, s->nkids2, out); break;
        case S_DEF: ol_add(o, out, s->name); break;
        case S_PFOR: for (int k = 0; k < s->nkids2; k++) targets(o, s->kids2[k], out); break;
        default: break;
        }
    }
}
