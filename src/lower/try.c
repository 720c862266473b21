/*
 * try.c — try statements: `try: ... except C [as e]: ... else: ... finally: ...`.
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
 * A bare `raise` in a clause raises the exception it handles again: such a
 * clause keeps the exception in a record of its own (made once per call, in
 * the entry block) instead of clearing it, and the `raise` puts it back and
 * sends it on as a handler that matched nothing would.
 *
 * A clause that reads its `as` name keeps the exception the same way and
 * binds the name to the record (T_EXC): print() writes str(e) or repr(e)
 * from it, and `raise e` raises it again.
 *
 * `finally` (below) runs on every way out. Not supported, each a compile
 * error: other uses of an exception (kiln has no exception objects: e.args,
 * str(e)), classes other than the built-in ones kernels raise, a finally
 * clause around a yield.
 */
#include "infer.h"

bool tr_linalg_error(Inf *I, Node *c) {
    if (c->kind != N_ATTR || strcmp(c->name, "LinAlgError")) return false;
    const Type *m = ex_expr(I, c->a).ty;
    return m->kind == T_MODULE && m->id == MOD_NP_LINALG;
}
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
        Node *c = names[i];
        if (c->kind != N_NAME && !tr_linalg_error(I, c))
            inf_fail(I, c, "an except clause names built-in exception classes here (a name or a tuple of names, or "
                     "np.linalg.LinAlgError)");
        int k = rt_exc_lookup(c->name);
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

/* a LIB_EXC operation (arg: EXC_RESTORE's record, else 0) */
static Ref exc_op(Inf *I, int what, uint32_t mask, Ref arg) {
    Ref a = arg ? arg : inf_k64(I, 0);
    const Type *t = what == EXC_MATCH ? inf_bool(I) : what == EXC_SAVE ? inf_i64(I) : NULL;
    return inf_emit(I, OP_LIB, t, &a, 1, LIB_EXC | (int64_t)what << 8 | (int64_t)mask << 16);
}

/* the exception pending goes on: to the enclosing try's handlers, or out of the function */
void tr_reraise(Inf *I, int line) {
    if (I->ntry) { inf_jump(I, I->trys[I->ntry - 1]); return; }
    I->f->blocks.v[I->cur].term = TERM_RERAISE;
    I->f->blocks.v[I->cur].line = (uint32_t)line;
    I->cur = NOBLOCK;
}

/* whether the statements hold a bare `raise` of this clause's (not one inside a nested def, or a nested try's own
 * except clauses, which re-raise their own exception) */
static bool bare_raise(Node **v, int n) {
    for (int i = 0; i < n; i++) {
        Node *s = v[i];
        if (!s || s->kind == S_DEF) continue;
        if (s->kind == S_RAISE && !s->a) return true;
        if (bare_raise(s->kids, s->nkids)) return true;
        for (int k = 0; k < s->nkids2; k++) {
            Node *c = s->kids2[k];
            if (s->kind == S_TRY && c->op == 0) continue;
            if (s->kind == S_TRY ? bare_raise(c->kids, c->nkids) : bare_raise(&c, 1)) return true;
        }
    }
    return false;
}

/* instruction r, just appended to the entry block, moved to its front (after its parameters): the entry block may end
 * in a try's raising instruction, which must stay its last */
static void to_entry_front(Inf *I, Ref r) {
    Block *b = &I->f->blocks.v[0];
    uint32_t at = b->params.n;
    memmove(&b->ins.v[at + 1], &b->ins.v[at], sizeof(Ref) * (b->ins.n - 1 - at));
    b->ins.v[at] = r;
}

/* a record for a clause's exception, made at the start of the entry block (so every use is dominated), once per call */
static Ref new_record(Inf *I) {
    Ref zero = ir_const(I->f, 0, inf_i64(I), (Scalar){.i = 0}, 0);
    Ref r = zero ? ir_emit(I->f, 0, OP_LIB, &I->tt->exc, &zero, 1, LIB_EXC | (int64_t)EXC_NEW << 8, (uint32_t)I->line) : 0;
    if (!r) inf_oom(I);
    to_entry_front(I, r);
    to_entry_front(I, zero);
    return r;
}

void tr_bare_raise(Inf *I, Node *s) {
    if (!I->nhandling) inf_fail(I, s, "a bare 'raise' outside an except clause (no exception is being handled)");
    tr_raise_kept(I, s, I->handling[I->nhandling - 1]);
}

void tr_raise_kept(Inf *I, Node *s, Ref rec) {
    I->line = s->line;
    exc_op(I, EXC_UNSTASH, 0, rec);
    tr_reraise(I, s->line);
    I->cur = NOBLOCK;
}

/* the handlers, entered at the dispatch block with the exception pending; each ends at join */
static void dispatch(Inf *I, Node *s, uint32_t join) {
    bool all = false;
    for (int k = 0; k < s->nkids2 && !all && I->cur != NOBLOCK; k++) {
        Node *c = s->kids2[k];
        if (c->op != 0) continue;
        bool used = false; /* the `as` name read in the clause: the exception kept for it */
        for (int i = 0; c->name && i < c->nkids; i++) used |= reads(c->kids[i], c->name);
        uint32_t mask = clause_mask(I, c);
        I->line = c->line;
        uint32_t handler = inf_block(I), next = NOBLOCK;
        all = mask & (1u << rt_exc_lookup("BaseException"));
        if (all) inf_jump(I, handler);
        else {
            next = inf_block(I);
            inf_branch(I, exc_op(I, EXC_MATCH, mask, 0), handler, next);
            inf_seal(I, next);
        }
        inf_seal(I, handler);
        I->cur = handler;
        bool bare = bare_raise(c->kids, c->nkids);
        if (bare || used) { /* the exception kept for the clause's `raise` and its `as` name */
            if (I->nhandling >= INF_TRY_MAX) inf_fail(I, c, "except clauses with a bare 'raise' nested more than %d deep", INF_TRY_MAX);
            Ref rec = new_record(I);
            exc_op(I, EXC_STASH, 0, rec);
            if (used) {
                Node target = {0};
                target.kind = N_NAME; target.name = c->name; target.line = c->line; target.col = c->col; target.id = -1;
                inf_assign(I, &target, val_of(I, rec));
            }
            if (!bare) rec = 0;
            else I->handling[I->nhandling++] = rec;
            bare = rec != 0;
        } else {
            exc_op(I, EXC_CLEAR, 0, 0);
        }
        st_body(I, c->kids, c->nkids);
        if (bare) I->nhandling--;
        inf_jump(I, join);
        I->cur = next;
    }
    if (I->cur == NOBLOCK) return;
    tr_reraise(I, s->line); /* no clause matched */
}

/* try with except clauses (and else): the body protected by the dispatch of the clauses */
static void try_except(Inf *I, Node *s) {
    Node *els = NULL;
    for (int k = 0; k < s->nkids2; k++)
        if (s->kids2[k]->op == 1) els = s->kids2[k];
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

/* ---- finally ----
 * The clause runs on every way out of what it protects (the body, the except clauses, else): after it completes;
 * on an exception's way out (the clause's own dispatch block: the exception set aside in a record while the
 * clause runs, then pending again and on its way); and before a return, break or continue that leaves it
 * (tr_leave lowers a copy there, after a return's value is computed). A raise, return or break in the clause itself
 * wins over what was leaving, as in CPython. Each way lowers its own copy of the clause. */

static uint32_t func_id(Inf *I) { return I->ninl && I->inl[I->ninl - 1].result ? I->inl[I->ninl - 1].exit + 1 : 0; }

void tr_leave(Inf *I, bool loop) {
    int saved_nfin = I->nfin, saved_ntry = I->ntry;
    /* a clause's own try statements push entries where the ones it is lowered inside of are: kept aside */
    uint32_t saved_trys[INF_TRY_MAX];
    struct FinCtx saved_fins[INF_TRY_MAX];
    memcpy(saved_trys, I->trys, sizeof saved_trys);
    memcpy(saved_fins, I->fins, sizeof saved_fins);
    uint32_t fid = func_id(I);
    for (int k = I->nfin - 1; k >= 0 && I->cur != NOBLOCK; k--) {
        struct FinCtx f = saved_fins[k];
        if (f.func != fid || (loop && f.nloops < I->nloops)) break; /* it encloses the function, or the loop */
        I->nfin = k; I->ntry = f.ntry; /* the clause as lowered in place: what encloses its try protects it */
        st_body(I, f.fin->kids, f.fin->nkids);
    }
    memcpy(I->trys, saved_trys, sizeof saved_trys);
    memcpy(I->fins, saved_fins, sizeof saved_fins);
    I->nfin = saved_nfin; I->ntry = saved_ntry;
}

/* whether a yield is among the statements (a generator's finally would run when the generator is closed, which
 * kiln, lowering the loop's body at the yield, does not model) */
static bool has_yield(Node **v, int n) {
    for (int i = 0; i < n; i++) {
        Node *s = v[i];
        if (!s || s->kind == S_DEF) continue;
        if (s->kind == S_YIELD || has_yield(s->kids, s->nkids) || has_yield(s->kids2, s->nkids2)) return true;
    }
    return false;
}

void tr_try(Inf *I, Node *s) {
    Node *fin = NULL;
    bool handlers = false;
    for (int k = 0; k < s->nkids2; k++) {
        if (s->kids2[k]->op == 2) fin = s->kids2[k];
        if (s->kids2[k]->op == 0) handlers = true;
    }
    if (!fin) { try_except(I, s); return; }
    if (has_yield(s->kids, s->nkids) || has_yield(s->kids2, s->nkids2))
        inf_fail(I, fin, "a finally clause around a yield is not supported (it would run when the generator is closed)");
    if (I->ntry >= INF_TRY_MAX) inf_fail(I, s, "try statements are nested more than %d deep", INF_TRY_MAX);
    uint32_t out = inf_block(I); /* the exception's way out */
    I->fins[I->nfin++] = (struct FinCtx){fin, I->ntry, I->nloops, func_id(I)};
    I->trys[I->ntry++] = out;
    if (handlers) try_except(I, s);
    else st_body(I, s->kids, s->nkids);
    I->ntry--;
    I->nfin--;
    if (I->cur != NOBLOCK) st_body(I, fin->kids, fin->nkids); /* completed */
    uint32_t after = I->cur;
    inf_seal(I, out);
    if (I->f->blocks.v[out].preds.n) {
        I->cur = out;
        I->line = fin->line;
        Ref saved = exc_op(I, EXC_SAVE, 0, 0);
        st_body(I, fin->kids, fin->nkids);
        if (I->cur != NOBLOCK) {
            exc_op(I, EXC_RESTORE, 0, saved);
            tr_reraise(I, fin->line);
        }
    }
    I->cur = after;
}
