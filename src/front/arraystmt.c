/*
 * arraystmt.c — whole-array statements for parallel=True, outlined on the syntax tree.
 *
 * `x = <elementwise expression>` (names, numbers, operators, NumPy calls), and `return <one>`, is
 * outlined as prange loops are (prange.c, outline.h), as
 *
 *     def f$pew12_5($lo, $hi, $start, $step, $out, names...):
 *         $out[$lo:$hi] = <the expression, each name x read as $blk(x, $lo, $hi, $out)>
 *
 * and the statement's b field gets a call of it (v.i: its index). Whether it is used is lowering's
 * decision (lower/par.c): only under parallel=True, only when every call is a ufunc and the value is an
 * array, and only for arrays of parallel_min elements or more; otherwise the statement runs as ever.
 * $blk(x, ...) is x's rows lo..hi when x has the result's rank (x itself where its first length is 1 and
 * broadcasts), and x as it is otherwise (a scalar, or a lower rank that broadcasts along the rows). */
#include "outline.h"
#include "lex.h"
#include <stdio.h>
#include <string.h>

static bool np_call(const Ast *ast, const Node *f) {
    if (f->kind == N_NAME) return ol_starts(ast_binding(ast, f->name), "numpy.") && !ol_starts(ast_binding(ast, f->name), "numpy.random.");
    return f->kind == N_ATTR && f->a->kind == N_NAME && ast->np_alias && !strcmp(f->a->name, ast->np_alias);
}

/* an elementwise candidate: its operators and calls counted in *ops */
static bool ew_candidate(const Ast *ast, const Node *e, int depth, int *ops) {
    if (depth > 64) return false;
    switch (e->kind) {
    case N_NAME: case N_INT: case N_FLOAT: case N_BOOL: return true;
    case N_BINARY:
        ++*ops;
        return e->op != TK_AT && ew_candidate(ast, e->a, depth + 1, ops) && ew_candidate(ast, e->b, depth + 1, ops);
    case N_UNARY: ++*ops; return e->op != TK_NOT && ew_candidate(ast, e->a, depth + 1, ops);
    case N_CALL:
        ++*ops;
        if (!np_call(ast, e->a) || e->nkids2 || !e->nkids) return false;
        for (int i = 0; i < e->nkids; i++) if (!ew_candidate(ast, e->kids[i], depth + 1, ops)) return false;
        return true;
    default: return false;
    }
}

static Node *blk_copy(Out *o, const Node *e, const Names *locals, const Node *at) {
    Node *n = ol_mk(o, e->kind, e);
    *n = *e;
    n->id = o->ast->nnodes - 1;
    if (e->kind == N_NAME) {
        if (!ol_has(locals, e->name)) return n;
        Node *c = ol_mk(o, N_CALL, e);
        c->a = ol_name(o, "$blk", e);
        Node *k[4] = {n, ol_name(o, "$lo", at), ol_name(o, "$hi", at), ol_name(o, "$out", at)};
        c->kids = ol_kids(o, k, 4); c->nkids = 4;
        return c;
    }
    if (e->a) n->a = e->kind == N_CALL ? e->a : blk_copy(o, e->a, locals, at);
    if (e->b) n->b = blk_copy(o, e->b, locals, at);
    if (e->nkids) {
        n->kids = ol_alloc(o, sizeof(Node *) * (size_t)e->nkids);
        for (int i = 0; i < e->nkids; i++) n->kids[i] = blk_copy(o, e->kids[i], locals, at);
    }
    return n;
}

static void leaf_names(Out *o, const Node *e, const Names *locals, Names *out) {
    if (e->kind == N_NAME) { if (ol_has(locals, e->name)) ol_add(o, out, e->name); return; }
    if (e->kind != N_CALL && e->a) leaf_names(o, e->a, locals, out);
    if (e->b) leaf_names(o, e->b, locals, out);
    for (int i = 0; i < e->nkids; i++) leaf_names(o, e->kids[i], locals, out);
}

static void pew(Out *o, Node *s, const Names *locals) {
    int ops = 0;
    bool ret = s->kind == S_RETURN;
    if (!s->a || (!ret && (s->nkids != 1 || s->kids[0]->kind != N_NAME)) || !ew_candidate(o->ast, s->a, 0, &ops) || !ops) return;
    Names caps = {0};
    leaf_names(o, s->a, locals, &caps);
    if (!caps.n || caps.n > 11) return;
    char nm[256];
    snprintf(nm, sizeof nm, "%s$pew%d_%d", o->def->name, s->line, s->col);
    Node *def = ol_mk(o, S_DEF, s);
    def->name = ol_str(o, nm);
    def->nnames = 5 + (int)caps.n;
    def->names = ol_alloc(o, sizeof(char *) * (size_t)def->nnames);
    const char *fixed[5] = {"$lo", "$hi", "$start", "$step", "$out"};
    for (int i = 0; i < 5; i++) def->names[i] = fixed[i];
    for (uint32_t i = 0; i < caps.n; i++) def->names[5 + i] = caps.v[i];
    def->kids2 = ol_alloc(o, sizeof(Node *) * (size_t)def->nnames);
    def->nkids2 = def->nnames;
    Node *sl = ol_mk(o, N_SLICE, s);
    sl->a = ol_name(o, "$lo", s); sl->b = ol_name(o, "$hi", s);
    Node *target = ol_mk(o, N_SUBSCR, s);
    target->a = ol_name(o, "$out", s);
    target->kids = ol_kids(o, &sl, 1); target->nkids = 1;
    Node *st = ol_mk(o, S_ASSIGN, s);
    st->kids = ol_kids(o, &target, 1); st->nkids = 1;
    st->a = blk_copy(o, s->a, &caps, s);
    def->kids = ol_kids(o, &st, 1); def->nkids = 1;
    PUSH(o, o->newdefs, def);
    Node *c = ol_mk(o, N_CALL, s);
    c->a = ol_name(o, def->name, s);
    Node *cv[16];
    for (uint32_t i = 0; i < caps.n; i++) cv[i] = ol_name(o, caps.v[i], s->a);
    c->kids = ol_kids(o, cv, (int)caps.n); c->nkids = (int32_t)caps.n;
    s->b = c;
    s->v.i = o->ast->ndefs + (int64_t)o->newdefs.n - 1;
}

void ol_array_stmts(Out *o, Node **v, int n, const Names *locals) {
    for (int i = 0; i < n; i++) {
        Node *s = v[i];
        if (s->kind == S_ASSIGN || s->kind == S_RETURN) pew(o, s, locals);
        if (s->kind == S_FOR || s->kind == S_WHILE || s->kind == S_IF || s->kind == S_TRY || s->kind == S_EXCEPT) {
            ol_array_stmts(o, s->kids, s->nkids, locals);
            ol_array_stmts(o, s->kids2, s->nkids2, locals);
        }
    }
}
