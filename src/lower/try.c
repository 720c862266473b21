/*
 * try.c — try statements: `try: ... except C [as e]: ... else: ...`.
 *
 * While a try body is lowered, every instruction that may raise ends its
 * block with TERM_TRY (ir/ir.h): on, if it did not raise; to a pad block, if
 * it did, and the pad jumps to the try's dispatch block with the variables'
 * values as they were before that instruction (SSA builds the dispatch's
 * parameters from its predecessors, as for any join: Python's rule that
 * assignments made before the raise stay made). A raise statement or a
 * raising check (TERM_RAISE) goes on to the dispatch too. The dispatch tests
 * the pending exception's class against each except clause in order
 * (OP_LIB LIB_EXC, rt/exc.c: the class or one of its bases is named), clears
 * it and runs the first clause that matches; none matching, it goes to the
 * enclosing try's dispatch, or leaves the function with the exception
 * (TERM_RERAISE). The handlers and the else clause are not protected by
 * their own try. Every tier takes the raised edge where its code would have
 * left the function (back/interp.c, back/x64/gen.c, back/llvm/llvm.c).
 *
 * Not supported, each a compile error: `finally`, a bare `raise` in a handler
 * and reading the `as` name (kiln has no exception objects), classes other
 * than the built-in ones kernels raise.
 */
#include "infer.h"
#include "../ir/lib.h"
#include "../rt/exc.h"
#include <string.h>

void tr_split(Inf *I) {
    uint32_t ok = inf_block(I), pad = inf_block(I);
    if (!ir_try(I->f, I->cur, ok, pad, (uint32_t)I->line)) inf_oom(I);
    inf_seal(I, ok); inf_seal(I, pad);
    I->cur = pad;
    inf_jump(I, I->trys[I->ntry - 1]);
    I->cur = ok;
}

/* the classes an except clause names (a name or a tuple of names) as a mask of rt/exc.h's classes */
static uint32_t clause_mask(Inf *I, Node *c) {
    if (!c->a) return 1u << rt_exc_lookup("BaseException"); /* bare except: everything */
    Node **names = c->a->kind == N_TUPLE ? c->a->kids : &c->a;
    int n = c->a->kind == N_TUPLE ? c->a->nkids : 1;
    uint32_t mask = 0;
    for (int i = 0; i < n; i++) {
        if (names[i]->kind != N_NAME)
            inf_fail(I, names[i], "an except clause names built-in exception classes here (a name or a tuple of names)");
        int k = rt_exc_lookup(names[i]->name);
        if (k < 0)
            inf_fail(I, names[i], "'%s' is not an exception class kiln knows (the built-in ones kernels raise: ValueError, "
                     "IndexError, ZeroDivisionError, Exception ...)", names[i]->name);
        mask |= 1u << k;
    }
    return mask;
}

/* whether name is read anywhere in the statements (an except clause's `as` name, which kiln does not bind) */
static bool reads(Node *n, const char *name) {
    if (!n) return false;
    if (n->kind == N_NAME && !strcmp(n->name, name)) return true;
    if (reads(n->a, name) || reads(n->b, name) || reads(n->c, name)) return true;
    for (int i = 0; i < n->nkids; i++) if (reads(n->kids[i], name)) return true;
    for (int i = 0; i < n->nkids2; i++) if (reads(n->kids2[i], name)) return true;
    return false;
}

static Ref exc_op(Inf *I, int what, uint32_t mask) {
    Ref zero = inf_k64(I, 0);
    return inf_emit(I, OP_LIB, what == EXC_MATCH ? inf_bool(I) : NULL, &zero, 1,
                    LIB_EXC | (int64_t)what << 8 | (int64_t)mask << 16);
}

/* the handlers, entered at the dispatch block with the exception pending; each ends at join */
static void dispatch(Inf *I, Node *s, uint32_t join) {
    bool all = false;
    for (int k = 0; k < s->nkids2 && !all && I->cur != NOBLOCK; k++) {
        Node *c = s->kids2[k];
        if (c->op != 0) continue;
        bool used = false;
        for (int i = 0; c->name && i < c->nkids; i++) used |= reads(c->kids[i], c->name);
        if (used)
            inf_fail(I, c, "the exception '%s' is not available in kernels (kiln makes no exception objects): catch it "
                     "without using it", c->name);
        uint32_t mask = clause_mask(I, c);
        I->line = c->line;
        uint32_t handler = inf_block(I), next = NOBLOCK;
        all = mask & (1u << rt_exc_lookup("BaseException"));
        if (all) inf_jump(I, handler);
        else {
            next = inf_block(I);
            inf_branch(I, exc_op(I, EXC_MATCH, mask), handler, next);
            inf_seal(I, next);
        }
        inf_seal(I, handler);
        I->cur = handler;
        exc_op(I, EXC_CLEAR, 0);
        st_body(I, c->kids, c->nkids);
        inf_jump(I, join);
        I->cur = next;
    }
    if (I->cur == NOBLOCK) return;
    /* no clause matched: the enclosing try's handlers, or out of the function */
    if (I->ntry) { inf_jump(I, I->trys[I->ntry - 1]); return; }
    I->f->blocks.v[I->cur].term = TERM_RERAISE;
    I->f->blocks.v[I->cur].line = (uint32_t)s->line;
    I->cur = NOBLOCK;
}

void tr_try(Inf *I, Node *s) {
    Node *els = NULL;
    for (int k = 0; k < s->nkids2; k++) {
        if (s->kids2[k]->op == 2)
            inf_fail(I, s->kids2[k], "'finally' clauses are not supported yet (write the cleanup after the try statement "
                     "and in its handlers)");
        if (s->kids2[k]->op == 1) els = s->kids2[k];
    }
    if (I->ntry >= INF_TRY_MAX) inf_fail(I, s, "try statements are nested more than %d deep", INF_TRY_MAX);
    uint32_t disp = inf_block(I), join = inf_block(I);
    I->trys[I->ntry++] = disp;
    st_body(I, s->kids, s->nkids);
    I->ntry--;
    if (els && I->cur != NOBLOCK) st_body(I, els->kids, els->nkids); /* not protected by this try */
    if (I->cur != NOBLOCK) inf_jump(I, join);
    inf_seal(I, disp);
    I->cur = disp;
    if (I->f->blocks.v[disp].preds.n == 0) I->cur = NOBLOCK; /* nothing in the body can raise */
    else dispatch(I, s, join);
    inf_seal(I, join);
    I->cur = join;
    if (I->f->blocks.v[join].preds.n == 0) I->cur = NOBLOCK;
}
