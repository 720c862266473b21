/*
 * infer.c — typing a specialization and building its IR: the round driver,
 * SSA construction for local variables (Braun et al., "Simple and Efficient
 * Construction of Static Single Assignment Form", with block parameters for
 * phis), and the typing rules at control-flow merges.
 *
 * A merge gives a variable the join of its incoming types (NumPy promotion,
 * array layouts widen to "any"), with casts placed in the predecessors. A
 * loop header reads its type before the back edge exists; when the back edge
 * brings a wider type, the walk records a hint for (loop, variable) and starts
 * over. A variable assigned on only some paths reads as zero on the others
 * (documented in docs/language.md); one assigned on none is an error.
 */
#include "infer.h"
#include "../ir/lib.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

void inf_fail(Inf *I, Node *n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    if (!n) n = I->at;
    diag_vset(I->d.err, I->d.file, I->d.src, I->d.len, n ? n->line : I->line, n ? n->col : 1, fmt, ap);
    va_end(ap);
    longjmp(*I->d.jb, 1);
}

/* a failed construction: out of memory, or (f->broken) an ir_check of the builder: kiln's bug, said as such */
void inf_oom(Inf *I) {
    if (I->f && I->f->broken) inf_fail(I, NULL, "internal compiler error in '%s': %s", I->f->name, I->f->broken);
    inf_fail(I, NULL, "out of memory while compiling '%s'", I->f->name);
}

const char *inf_tyname(Inf *I, const Type *t) {
    char buf[256];
    ty_str(t, buf, sizeof buf);
    char *s = arena_strndup(I->a, buf, strlen(buf));
    if (!s) inf_oom(I);
    return s;
}

Ref inf_emit(Inf *I, int op, const Type *ty, const Ref *ops, uint32_t n, int64_t aux) {
    if (!ir_check(I->cur != NOBLOCK, &I->f->broken, "an instruction emitted after its block ended")) inf_oom(I);
    int64_t fixed; /* a.shape[k] or a.strides[k] of an argument whose specialization fixes it: the constant (opt/fold.c
                    * folds the ones lowering reaches through a variable not yet known to be the argument) */
    if ((op == OP_DIM || op == OP_STRIDE) && ir_fixed_shape(I->f, op, ops[0], aux, &fixed)) return inf_const_i(I, ty, fixed);
    Ref r = ir_emit(I->f, I->cur, op, ty, ops, n, aux, (uint32_t)I->line);
    if (!r) inf_oom(I);
    /* in a try body, an instruction that may raise ends its block (not one emitted into a block already ended, as a
     * cast for a successor's parameter is; not the try's own dispatch) */
    if (I->ntry && (ir_flags(op) & F_RAISES) && I->f->blocks.v[I->cur].term == TERM_NONE &&
        !(op == OP_LIB && (aux & 0xff) == LIB_EXC))
        tr_split(I);
    return r;
}

/* static values (None, dtypes, functions, unknown) have one canonical const per
 * function, in the entry block, so that merges of them are trivially equal */
Ref inf_static(Inf *I, const Type *ty) {
    for (uint32_t i = 0; i < I->statics.n; i++)
        if (I->f->ins.v[I->statics.v[i]].ty == ty) return I->statics.v[i];
    Scalar z = SCALAR_ZERO;
    Ref r = ir_const(I->f, 0, ty, z, 0);
    if (!r || !vec_push(I->a, I->statics, r)) inf_oom(I);
    /* keep it before any use: move to the front of the entry block */
    Block *b = &I->f->blocks.v[0];
    memmove(&b->ins.v[b->params.n + 1], &b->ins.v[b->params.n], sizeof(Ref) * (b->ins.n - 1 - b->params.n));
    b->ins.v[b->params.n] = r;
    return r;
}

static Ref const_in(Inf *I, uint32_t blk, const Type *ty, Scalar v) {
    Ref r = ir_const(I->f, blk, ty, v, (uint32_t)I->line);
    if (!r) inf_oom(I);
    return r;
}

Ref inf_const_i(Inf *I, const Type *ty, int64_t v) {
    Scalar s = SCALAR_ZERO;
    if (dt_is_float(ty->dtype)) s.f = (double)v;
    else if (dt_is_complex(ty->dtype)) s.c[0] = (double)v;
    else s.i = v;
    return const_in(I, I->cur, ty, s);
}

Ref inf_const_f(Inf *I, const Type *ty, double v) {
    Scalar s = SCALAR_ZERO;
    if (ty->dtype == KILN_FLOAT32) s.f = (float)v;
    else if (dt_is_complex(ty->dtype)) s.c[0] = v;
    else s.f = v;
    return const_in(I, I->cur, ty, s);
}

Ref inf_zero(Inf *I, uint32_t blk, const Type *ty) {
    if (ex_is_static(ty)) return inf_static(I, ty);
    if (ty->kind == T_LIST) { /* an empty list stands in */
        uint32_t save = I->cur;
        I->cur = blk;
        Ref n = inf_const_i(I, ty_scalar(I->tt, KILN_INT64, true), 0);
        Ref r = inf_emit(I, OP_LIB, ty, &n, 1, LIB_LIST_NEW);
        I->cur = save;
        return r;
    }
    if (ty->kind == T_ARRAY) {
        /* an array variable unassigned on this path: an empty array stands in */
        uint32_t save = I->cur;
        I->cur = blk;
        Ref dims[KILN_MAXDIM];
        for (int k = 0; k < ty->ndim; k++) dims[k] = inf_const_i(I, ty_scalar(I->tt, KILN_INT64, true), 0);
        Ref r = inf_emit(I, OP_ALLOC, ty_array(I->tt, ty->dtype, ty->ndim, LAYOUT_C), dims, (uint32_t)ty->ndim, 0);
        if (ty->layout != LAYOUT_C) r = inf_emit(I, OP_CAST, ty, &r, 1, 0);
        I->cur = save;
        return r;
    }
    Scalar z = SCALAR_ZERO;
    return const_in(I, blk, ty, z);
}

/* a 0-d array's item, as NumPy reads one where a number goes (a NumPy scalar); any other value as it is */
Val inf_item0(Inf *I, Val v) {
    if (v.ew || v.ty->kind != T_ARRAY || v.ty->ndim) return v;
    return val_of(I, inf_load(I, v.r, ty_scalar(I->tt, v.ty->dtype, false), NULL, 0));
}

Ref inf_load(Inf *I, Ref arr, const Type *et, const Ref *iv, int n) {
    Ref ops[1 + KILN_MAXDIM];
    ops[0] = arr;
    for (int k = 0; k < n; k++) ops[1 + k] = iv[k];
    return inf_emit(I, OP_LOAD, et, ops, (uint32_t)(1 + n), 0);
}

void inf_store(Inf *I, Ref arr, Ref v, const Ref *iv, int n) {
    Ref ops[2 + KILN_MAXDIM];
    ops[0] = arr; ops[1] = v;
    for (int k = 0; k < n; k++) ops[2 + k] = iv[k];
    inf_emit(I, OP_STORE, NULL, ops, (uint32_t)(2 + n), 0);
}

uint32_t inf_block(Inf *I) {
    uint32_t b = ir_block(I->f);
    if (ir_failed(I->f)) inf_oom(I);
    int32_t none = -1;
    while (I->blk_node.n <= b)
        if (!vec_push(I->a, I->blk_node, none)) inf_oom(I);
    return b;
}

void inf_jump(Inf *I, uint32_t to) {
    if (I->cur == NOBLOCK) return;
    if (!ir_jmp(I->f, I->cur, to, (uint32_t)I->line)) inf_oom(I);
    I->cur = NOBLOCK;
}

void inf_branch(Inf *I, Ref cond, uint32_t t, uint32_t e) {
    if (!ir_br(I->f, I->cur, cond, t, e, (uint32_t)I->line)) inf_oom(I);
    I->cur = NOBLOCK;
}

/* ---- SSA variables ---- */

static Ref read_var(Inf *I, int32_t ssa, uint32_t blk);

/* a removed parameter stands for the value that replaced it; uses already
 * emitted are rewritten once at the end of the round (forward_all) instead of
 * at every removal */
static Ref resolve(Inf *I, Ref r) {
    while (r != UNDEF && r < I->fwd.n && I->fwd.v[r]) r = I->fwd.v[r];
    return r;
}

static void forward(Inf *I, Ref from, Ref to) {
    Ref zero = 0;
    while (I->fwd.n <= from)
        if (!vec_push(I->a, I->fwd, zero)) inf_oom(I);
    I->fwd.v[from] = to;
}

static void forward_all(Inf *I) {
    Func *f = I->f;
    if (!I->fwd.n) return;
    for (uint32_t i = 0; i < f->opnd.n; i++) f->opnd.v[i] = resolve(I, f->opnd.v[i]);
    for (uint32_t b = 0; b < f->blocks.n; b++) {
        Block *bl = &f->blocks.v[b];
        if (bl->term == TERM_BR) bl->cond = resolve(I, bl->cond);
        for (int s = 0; s < bl->nsucc; s++)
            for (uint32_t k = 0; k < bl->succ[s].args.n; k++) bl->succ[s].args.v[k] = resolve(I, bl->succ[s].args.v[k]);
        for (uint32_t k = 0; k < bl->rets.n; k++) bl->rets.v[k] = resolve(I, bl->rets.v[k]);
    }
}

static void write_var(Inf *I, int32_t ssa, uint32_t blk, Ref v) {
    Block *b = &I->f->blocks.v[blk];
    Ref zero = 0;
    while (b->defs.n <= (uint32_t)ssa)
        if (!vec_push(I->a, b->defs, zero)) inf_oom(I);
    b->defs.v[ssa] = v;
}

/* the hint (node, variable var's name, leaf), or NULL */
static Hint *hint_find(Inf *I, int32_t node, int var, int32_t leaf) {
    const char *name = I->vars.v[var].name;
    for (uint32_t i = 0; i < I->hints->n; i++) {
        Hint *h = &I->hints->v[i];
        if (h->node == node && h->leaf == leaf && !strcmp(h->var, name)) return h;
    }
    return NULL;
}

/* the hint (node, var, leaf) set to ty: changed, or added (its name copied where hints live) */
static void hint_put(Inf *I, int32_t node, int var, int32_t leaf, const Type *ty) {
    Hint *o = hint_find(I, node, var, leaf);
    if (o) { o->ty = ty; return; }
    const char *name = I->vars.v[var].name;
    char *kept = arena_strndup(&I->unit->arena, name, strlen(name));
    Hint h = {node, leaf, kept, ty};
    if (!kept || !vec_push(&I->unit->arena, *I->hints, h)) inf_oom(I);
}

static const Type *hint_ty(Inf *I, int32_t node, int var, int32_t leaf) {
    Hint *h = hint_find(I, node, var, leaf);
    return h ? h->ty : NULL;
}

static const Type *hint_for(Inf *I, uint32_t blk, int32_t ssa) {
    int32_t node = I->blk_node.v[blk];
    if (node < 0) return NULL;
    int32_t var = I->ssa_var.v[ssa];
    return hint_ty(I, node, var, ssa - I->vars.v[var].ssa0);
}

static void set_hint(Inf *I, uint32_t blk, int32_t ssa, const Type *ty) {
    int32_t var = I->ssa_var.v[ssa];
    hint_put(I, I->blk_node.v[blk], var, ssa - I->vars.v[var].ssa0, ty);
}

static const Type *type_of(Inf *I, Ref r) { return r == UNDEF || !r ? NULL : I->f->ins.v[r].ty; }

/* variables that hold None on some paths and a value on others: Optionals (hints of node OPT_HINT) */
enum { OPT_HINT = -3 };

static const Type *opt_hint(Inf *I, int var) { return hint_ty(I, OPT_HINT, var, 0); }

/* None and T (or an Optional and either) meeting in a variable: the variable becomes Optional[T] and the round
 * restarts; false when they do not make one */
static bool make_optional(Inf *I, int var, const Type *a, const Type *b) {
    const Type *x = ty_is_optional(a) ? a->elems[1] : a, *y = ty_is_optional(b) ? b->elems[1] : b;
    if (x->kind == T_NONE) x = y;
    else if (y->kind == T_NONE) y = x;
    const Type *t = ty_join(I->tt, x, y);
    if (!t || ex_is_static(t) || t->kind == T_TUPLE || (a->kind != T_NONE && b->kind != T_NONE && !ty_is_optional(a) && !ty_is_optional(b)))
        return false;
    const Type *o = ty_optional(I->tt, t), *had = opt_hint(I, var);
    if (!o) inf_oom(I);
    if (had == o) return false;
    hint_put(I, OPT_HINT, var, 0, o);
    I->restart = true;
    return true;
}

/* sum() of arrays: genexp.c's running total (a hidden "$g<id>.acc") met the int 0 and an array; the next round starts
 * it at the first item instead (hints of node SUM_HINT) */
enum { SUM_HINT = -5 };

static int find_var(Inf *I, const char *name);

const Type *inf_sum_of_arrays(Inf *I, Node *acc) {
    int var = find_var(I, acc->name);
    return var >= 0 ? hint_ty(I, SUM_HINT, var, 0) : NULL;
}

static bool learn_sum_of_arrays(Inf *I, int var, const Type *a, const Type *b) {
    const char *name = I->vars.v[var].name;
    size_t n = strlen(name);
    bool total = !strncmp(name, "$g", 2) && n > 4 && !strcmp(name + n - 4, ".acc");
    bool arr = (a->kind == T_ARRAY && b->kind == T_SCALAR) || (b->kind == T_ARRAY && a->kind == T_SCALAR);
    if (!total || !arr || hint_ty(I, SUM_HINT, var, 0)) return false;
    hint_put(I, SUM_HINT, var, 0, a->kind == T_ARRAY ? a : b);
    I->restart = true;
    return true;
}

NORETURN static void conflict(Inf *I, int32_t ssa, const Type *a, int la, const Type *b, int lb) {
    VarInfo *v = &I->vars.v[I->ssa_var.v[ssa]];
    if (make_optional(I, I->ssa_var.v[ssa], a, b)) inf_fail(I, NULL, "(restarting: '%s' is an Optional)", v->name);
    if (learn_sum_of_arrays(I, I->ssa_var.v[ssa], a, b)) inf_fail(I, NULL, "(restarting: '%s' sums arrays)", v->name);
    if (!strncmp(v->name, "$g", 2)) /* a running total of genexp.c: sum() of arrays, or of mixed kinds */
        inf_fail(I, NULL, "sum(), min() or max() here would combine %s and %s: over arrays (the rows of a 2-d "
                 "array) they are not supported yet (np.sum(a, axis=0) is)", inf_tyname(I, a), inf_tyname(I, b));
    inf_fail(I, NULL, "variable '%s' is %s on line %d and %s on line %d, which do not unify",
             v->name, inf_tyname(I, a), la, inf_tyname(I, b), lb);
}

/* the value v converted to ty, placed at the end of block blk */
static Ref cast_in(Inf *I, uint32_t blk, Ref v, const Type *ty) {
    const Type *vt = type_of(I, v);
    if (vt == ty) return v;
    if (vt->kind == T_SCALAR && ty->kind == T_SCALAR && vt->dtype == ty->dtype) return v;
    if (vt->kind == T_UNKNOWN || ex_is_static(ty)) return v;
    uint32_t save = I->cur;
    int sl = I->line;
    I->cur = blk;
    I->line = (int)I->f->ins.v[v].line;
    Ref r = inf_emit(I, OP_CAST, ty, &v, 1, 0);
    I->cur = save;
    I->line = sl;
    return r;
}

static void remove_param(Inf *I, uint32_t blk, Ref p, Ref by) {
    Func *f = I->f;
    Block *b = &f->blocks.v[blk];
    uint32_t idx = (uint32_t)f->ins.v[p].aux;
    for (uint32_t k = 0; k < b->preds.n; k++) {
        Edge *e = &f->blocks.v[b->preds.v[k].blk].succ[b->preds.v[k].succ];
        if (idx < e->args.n) {
            memmove(&e->args.v[idx], &e->args.v[idx + 1], sizeof(Ref) * (e->args.n - idx - 1));
            e->args.n--;
        }
    }
    memmove(&b->params.v[idx], &b->params.v[idx + 1], sizeof(Ref) * (b->params.n - idx - 1));
    b->params.n--;
    for (uint32_t k = idx; k < b->params.n; k++) f->ins.v[b->params.v[k]].aux = k;
    for (uint32_t k = 0; k < b->ins.n; k++)
        if (b->ins.v[k] == p) { memmove(&b->ins.v[k], &b->ins.v[k + 1], sizeof(Ref) * (b->ins.n - k - 1)); b->ins.n--; break; }
    forward(I, p, by);
    f->ins.v[p].blk = UINT32_MAX; /* dead: no block holds it (still an OP_PARAM, never a constant) */
}

/* Braun's tryRemoveTrivialPhi */
static Ref trivial(Inf *I, uint32_t blk, Ref p) {
    Func *f = I->f;
    Block *b = &f->blocks.v[blk];
    uint32_t idx = (uint32_t)f->ins.v[p].aux;
    Ref same = 0;
    for (uint32_t k = 0; k < b->preds.n; k++) {
        Edge *e = &f->blocks.v[b->preds.v[k].blk].succ[b->preds.v[k].succ];
        Ref op = resolve(I, e->args.v[idx]);
        if (op == same || op == p) continue;
        if (same) return p;
        same = op;
    }
    if (!same) return p;
    remove_param(I, blk, p, same);
    return same;
}

/* Braun et al. recheck the users of a removed trivial parameter, which may have become trivial in
 * turn (a parameter whose operands were itself and a parameter since replaced by it); this does
 * the same at the end of a round, to a fixed point: a nested loop whose break and else paths meet
 * (for ... else inside a while) left such parameters, one of them typed from an incomplete one */
static void prune_trivial(Inf *I) {
    for (bool changed = true; changed;) {
        changed = false;
        for (uint32_t b = 0; b < I->f->blocks.n; b++)
            for (uint32_t k = I->f->blocks.v[b].params.n; k-- > 0;) {
                Ref p = I->f->blocks.v[b].params.v[k];
                if (trivial(I, b, p) != p) changed = true;
            }
    }
}

/* A parameter made in a sealed block takes its type from its operands as they are read; when the
 * first one is a parameter of the same cycle still being built (its type not known yet), it may be
 * left unknown although a later operand has a type (a for ... else inside a while read after the
 * loop). At the end of a round such a parameter of a loop header gets that type as a hint and the
 * round starts over, as a loop-carried type that widens does; one of another block is typed in
 * place: the join of its operands, each edge's value cast to it (the typed zero that stands for an
 * unassigned path made again), repeated while that settles others. */
static const Type *operand_join(Inf *I, Ins *in) {
    Block *b = &I->f->blocks.v[in->blk];
    const Type *t = NULL;
    for (uint32_t k = 0; k < b->preds.n; k++) {
        Edge *e = &I->f->blocks.v[b->preds.v[k].blk].succ[b->preds.v[k].succ];
        if ((uint32_t)in->aux >= e->args.n) continue;
        const Type *at = type_of(I, resolve(I, e->args.v[in->aux]));
        if (at && at->kind != T_UNKNOWN) t = t ? ty_join(I->tt, t, at) : at;
    }
    return t;
}

static void retype_in_place(Inf *I, Ref p, const Type *t) {
    I->f->ins.v[p].ty = t;
    uint32_t blk = I->f->ins.v[p].blk, idx = (uint32_t)I->f->ins.v[p].aux;
    for (uint32_t k = 0; k < I->f->blocks.v[blk].preds.n; k++) {
        Pred pr = I->f->blocks.v[blk].preds.v[k];
        Edge *e = &I->f->blocks.v[pr.blk].succ[pr.succ];
        if (idx >= e->args.n) continue;
        Ref v = resolve(I, e->args.v[idx]);
        Ins *vi = &I->f->ins.v[v];
        Ref nv = vi->op == OP_CONST && vi->ty->kind == T_UNKNOWN ? inf_zero(I, pr.blk, t) : v == p ? p : cast_in(I, pr.blk, v, t);
        I->f->blocks.v[pr.blk].succ[pr.succ].args.v[idx] = nv;
    }
}

static void settle_unknown(Inf *I) {
    for (bool changed = true; changed;) {
        changed = false;
        for (uint32_t i = 0; i < I->phis.n; i += 2) {
            Ref p = I->phis.v[i];
            int32_t ssa = (int32_t)I->phis.v[i + 1];
            Ins *in = &I->f->ins.v[p];
            if (resolve(I, p) != p || in->blk == UINT32_MAX || in->ty->kind != T_UNKNOWN) continue;
            const Type *t = operand_join(I, in);
            if (!t) continue;
            if (I->blk_node.v[in->blk] >= 0) { set_hint(I, in->blk, ssa, t); I->restart = true; continue; }
            retype_in_place(I, p, t);
            changed = true;
        }
    }
}

/* read all predecessors, join their types and attach the edge arguments */
static Ref add_operands(Inf *I, int32_t ssa, uint32_t blk, Ref p, bool fixed_type) {
    Block *b = &I->f->blocks.v[blk];
    uint32_t n = b->preds.n;
    Ref *vals = arena_alloc(I->a, sizeof(Ref) * n);
    if (!vals) inf_oom(I);
    const Type *t = fixed_type || I->f->ins.v[p].ty->kind != T_UNKNOWN ? I->f->ins.v[p].ty : NULL;
    int tline = 0;
    bool any = false;
    for (uint32_t k = 0; k < n; k++) {
        vals[k] = read_var(I, ssa, I->f->blocks.v[blk].preds.v[k].blk);
        if (vals[k] == UNDEF || vals[k] == p) continue;
        any = true;
        const Type *vt = type_of(I, vals[k]);
        if (!t) { t = vt; tline = (int)I->f->ins.v[vals[k]].line; continue; }
        const Type *j = ty_join(I->tt, t, vt);
        if (!j) conflict(I, ssa, t, tline, vt, (int)I->f->ins.v[vals[k]].line);
        if (j != t && fixed_type) {
            /* the loop-carried value widened: start over with the wider type */
            set_hint(I, blk, ssa, j);
            I->restart = true;
            return p;
        }
        t = j;
    }
    if (!any && !fixed_type) { remove_param(I, blk, p, UNDEF); return UNDEF; }
    if (!t) t = &I->tt->unknown;
    I->f->ins.v[p].ty = t;
    for (uint32_t k = 0; k < n; k++) {
        Pred pr = I->f->blocks.v[blk].preds.v[k];
        Ref v = vals[k];
        if (v == UNDEF) v = inf_zero(I, pr.blk, t);
        else if (v != p) v = cast_in(I, pr.blk, v, t);
        if (!ir_edge_arg(I->f, pr.blk, pr.succ, (uint32_t)I->f->ins.v[p].aux, v)) inf_oom(I);
    }
    return trivial(I, blk, p);
}

static Ref read_rec(Inf *I, int32_t ssa, uint32_t blk) {
    Block *b = &I->f->blocks.v[blk];
    Ref v;
    if (!b->sealed) {
        const Type *t = hint_for(I, blk, ssa);
        if (!t) {
            for (uint32_t k = 0; k < b->preds.n; k++) {
                Ref pv = read_var(I, ssa, I->f->blocks.v[blk].preds.v[k].blk);
                const Type *pt = type_of(I, pv);
                if (!pt) continue;
                t = t ? ty_join(I->tt, t, pt) : pt;
                if (!t) t = pt;
            }
        }
        if (!t) t = &I->tt->unknown;
        v = ir_param(I->f, blk, t);
        if (!v) inf_oom(I);
        b = &I->f->blocks.v[blk];
        if (!vec_push(I->a, b->incomplete, v) || !vec_push(I->a, b->incomplete, (Ref)ssa)) inf_oom(I);
    } else if (b->preds.n == 0) {
        v = UNDEF;
    } else if (b->preds.n == 1) {
        v = read_var(I, ssa, b->preds.v[0].blk);
    } else {
        const Type *h = hint_for(I, blk, ssa); /* a type an earlier round settled (settle_unknown) */
        Ref p = ir_param(I->f, blk, h ? h : &I->tt->unknown);
        if (!p) inf_oom(I);
        if (!vec_push(I->a, I->phis, p) || !vec_push(I->a, I->phis, (Ref)ssa)) inf_oom(I);
        write_var(I, ssa, blk, p);
        v = add_operands(I, ssa, blk, p, false);
    }
    write_var(I, ssa, blk, v);
    return v;
}

static Ref read_var(Inf *I, int32_t ssa, uint32_t blk) {
    Block *b = &I->f->blocks.v[blk];
    if ((uint32_t)ssa < b->defs.n && b->defs.v[ssa]) return resolve(I, b->defs.v[ssa]);
    return read_rec(I, ssa, blk);
}

void inf_seal(Inf *I, uint32_t blk) {
    Block *b = &I->f->blocks.v[blk];
    if (b->sealed) return;
    for (uint32_t k = 0; k < b->incomplete.n; k += 2) {
        Ref p = I->f->blocks.v[blk].incomplete.v[k];
        int32_t ssa = (int32_t)I->f->blocks.v[blk].incomplete.v[k + 1];
        if (p == UNDEF || I->f->ins.v[p].op != OP_PARAM || I->f->ins.v[p].blk != blk) continue;
        if (I->f->ins.v[p].ty->kind == T_UNKNOWN) {
            /* typed from nothing: take the join of the back edges and start over */
            const Type *t = NULL;
            for (uint32_t q = 0; q < I->f->blocks.v[blk].preds.n; q++) {
                const Type *pt = type_of(I, read_var(I, ssa, I->f->blocks.v[blk].preds.v[q].blk));
                if (pt && pt->kind != T_UNKNOWN) t = t ? ty_join(I->tt, t, pt) : pt;
            }
            if (t) { set_hint(I, blk, ssa, t); I->restart = true; }
        }
        if (I->restart) continue;
        add_operands(I, ssa, blk, p, true);
    }
    I->f->blocks.v[blk].sealed = true;
}

/* ---- variables by name ---- */

static int find_var(Inf *I, const char *name) {
    for (uint32_t i = 0; i < I->vars.n; i++)
        if (strcmp(I->vars.v[i].name, name) == 0) return (int)i;
    return -1;
}

static int32_t new_ssa(Inf *I, int var) {
    int32_t s = (int32_t)I->ssa_var.n;
    if (!vec_push(I->a, I->ssa_var, var)) inf_oom(I);
    return s;
}

static void add_var(Inf *I, const char *name) {
    if (find_var(I, name) >= 0) return;
    VarInfo v = {name, NULL, NULL, -1, 0};
    if (!vec_push(I->a, I->vars, v)) inf_oom(I);
}

/* every name bound anywhere in the function is local throughout, as in Python: assignment and for targets,
 * augmented assignments, inner defs' names (not their bodies: an inner def's locals are its own) */
static void scan_targets(Node *t, void (*bind)(void *, const char *), void *ctx) {
    t = ast_unstar(t);
    if (t->kind == N_NAME) bind(ctx, t->name);
    else if (t->kind == N_TUPLE)
        for (int i = 0; i < t->nkids; i++) scan_targets(t->kids[i], bind, ctx);
}

void inf_scan_binds(Node **body, int n, void (*bind)(void *ctx, const char *name), void *ctx) {
    for (int i = 0; i < n; i++) {
        Node *s = body[i];
        if (s->kind != S_DEF) { ast_named_targets(s->a, bind, ctx); ast_named_targets(s->b, bind, ctx); } /* (x := v) */
        switch (s->kind) {
        case S_ASSIGN: for (int k = 0; k < s->nkids; k++) scan_targets(s->kids[k], bind, ctx); break;
        case S_AUGASSIGN: scan_targets(s->a, bind, ctx); break;
        case S_FOR: scan_targets(s->a, bind, ctx); inf_scan_binds(s->kids, s->nkids, bind, ctx); inf_scan_binds(s->kids2, s->nkids2, bind, ctx); break;
        case S_IF: case S_WHILE: case S_TRY: case S_EXCEPT:
            if (s->kind == S_EXCEPT && s->op == 0 && s->name) bind(ctx, s->name); /* except C as name */
            inf_scan_binds(s->kids, s->nkids, bind, ctx); inf_scan_binds(s->kids2, s->nkids2, bind, ctx); break;
        case S_DEF: bind(ctx, s->name); break;
        case S_PFOR: for (int k = 0; k < s->nkids2; k++) scan_targets(s->kids2[k], bind, ctx); break;
        default: break;
        }
    }
}

static void bind_local(void *I, const char *name) { add_var(I, name); }

static Val read_leaves(Inf *I, Node *n, const Type *shape, int32_t *ssa) {
    Val v = {0};
    if (!shape) {
        Ref r = read_var(I, (*ssa)++, I->cur);
        if (r == UNDEF) inf_fail(I, n, "local variable '%s' referenced before assignment", n->name);
        return val_of(I, r);
    }
    v.ty = shape;
    v.el = arena_alloc(I->a, sizeof(Val) * shape->n);
    if (!v.el) inf_oom(I);
    const Type *e[TY_TUPLE_MAX];
    for (int i = 0; i < shape->n; i++) {
        v.el[i] = read_leaves(I, n, shape->elems[i]->kind == T_TUPLE ? shape->elems[i] : NULL, ssa);
        e[i] = v.el[i].ty;
    }
    v.ty = ty_is_optional(shape) ? ty_optional(I->tt, e[1]) : ty_tuple_as(I->tt, shape, e, shape->n); /* the leaves' types now */
    if (!v.ty) inf_oom(I);
    return v;
}

/* a syntax node kiln makes while lowering (no id: not the user's), zeroed, at the position of at */
Node *inf_node(Inf *I, int kind, Node *at) {
    Node *n = arena_alloc(I->a, sizeof *n);
    if (!n) inf_oom(I);
    memset(n, 0, sizeof *n);
    n->kind = (uint8_t)kind; n->line = at->line; n->col = at->col; n->id = -1;
    return n;
}

Val val_of(Inf *I, Ref r) {
    Val v = {0};
    v.r = r;
    v.ty = I->f->ins.v[r].ty;
    v.str = -1;
    return v;
}

Val inf_tuple(Inf *I, const Val *v, int n) {
    Val t = {0};
    t.str = -1;
    t.el = arena_alloc(I->a, sizeof(Val) * (size_t)(n ? n : 1));
    const Type **ts = arena_alloc(I->a, sizeof(Type *) * (size_t)(n ? n : 1));
    if (!t.el || !ts) inf_oom(I);
    for (int i = 0; i < n; i++) { t.el[i] = v[i]; ts[i] = v[i].ty; }
    t.ty = ty_tuple(I->tt, ts, n);
    if (!t.ty) inf_oom(I);
    return t;
}

Val inf_read_name(Inf *I, Node *n) {
    if (n->id >= 0) I->at = n;
    int var = find_var(I, n->name);
    if (var < 0) {
        bool found;
        Val g = cl_global(I, n, &found);
        if (!found && cl_py_builtin(n->name))
            inf_fail(I, n, "'%s' is a Python builtin kiln does not support yet", n->name);
        if (!found) inf_fail(I, n, "name '%s' is not defined", n->name);
        return g;
    }
    VarInfo *vi = &I->vars.v[var];
    if (vi->ssa0 < 0) inf_fail(I, n, "local variable '%s' referenced before assignment", n->name);
    int32_t ssa = vi->ssa0;
    return read_leaves(I, n, vi->shape, &ssa);
}

static bool same_shape(const Type *a, const Type *b) {
    if ((a->kind == T_TUPLE) != (b->kind == T_TUPLE)) return false;
    if (a->kind != T_TUPLE) return true;
    if (a->n != b->n || a->names != b->names) return false; /* a Point is no plain tuple: they print differently */
    for (int i = 0; i < a->n; i++)
        if (!same_shape(a->elems[i], b->elems[i])) return false;
    return true;
}

static void write_leaves(Inf *I, Val v, int32_t *ssa) {
    /* I->at is the assignment target */
    if (v.ty->kind != T_TUPLE) {
        Ref r = v.r;
        /* a literal reaches here only as a static string parameter's (its text in its type): anything else is made at
         * run time first (bind_name) */
        if (!ir_check(v.ty->kind != T_STR || v.ty->text, &I->f->broken, "a string literal bound without its text")) inf_oom(I);
        write_var(I, (*ssa)++, I->cur, r);
        return;
    }
    for (int i = 0; i < v.ty->n; i++) write_leaves(I, v.el[i], ssa);
}

/* the item types of the empty lists variables were bound to, learned from what went into them: hints
 * of node LIST_HINT, keyed by the variable's name */
enum { LIST_HINT = -2 };

static const Type *list_hint(Inf *I, int var) { return hint_ty(I, LIST_HINT, var, 0); }

const Type *inf_list_hint_of(Inf *I, const char *name) {
    int var = find_var(I, name);
    return var >= 0 ? list_hint(I, var) : NULL;
}

bool inf_has_var(Inf *I, const char *name) { return find_var(I, name) >= 0; }

/* an item of a wider type for a list typed by an earlier round's hint: that round may have seen a value before
 * its type widened (a sum that starts as the int 0); the hint widens and the round restarts. A list whose items
 * really are of two kinds still fails: its first item no longer fits the widened type */
static const Type *widened(Inf *I, const Type *had, const Type *item) {
    if (had->kind == T_SCALAR && item->kind == T_SCALAR) {
        const Type *j = ty_join(I->tt, had, item);
        return j && (j->weak == had->weak || had->weak) ? j : NULL; /* a Python number may widen to a NumPy one (sum(row) starts at 0) */
    }
    if (had->kind == T_LIST && item->kind == T_LIST) {
        const Type *j = widened(I, ty_item(had), ty_item(item));
        return j ? ty_list(I->tt, j) : NULL;
    }
    return had == item ? had : NULL;
}

bool inf_list_widen(Inf *I, Node *recv, const Type *item) {
    int var = recv && recv->kind == N_NAME ? find_var(I, recv->name) : -1;
    const Type *had = var >= 0 ? list_hint(I, var) : NULL;
    const Type *j = had ? widened(I, had, item) : NULL;
    if (!j || j == had) return false;
    hint_put(I, LIST_HINT, var, 0, j);
    I->restart = true;
    return true;
}

enum { DICT_HINT = -4 }; /* the type of the dict or set an empty display bound to a variable learned */

static const Type *dict_hint(Inf *I, int var) { return hint_ty(I, DICT_HINT, var, 0); }


/* a container whose type this round already knew is still untyped where it is filled: unless the round restarts
 * anyway, what was put in it would be dropped without a word; a compile error instead (a guard: every way a learned
 * type reaches its variable, bind_value's, should have typed it) */
static void unlearned(Inf *I, Node *at, const char *what) {
    if (!I->restart)
        inf_fail(I, at, "kiln cannot give this empty %s the type of what is put in it here: it was read out of another "
                        "container (x = rows[0]), whose type would not learn it; fill it through that container "
                        "(rows[0].append(v)), or make it where it is bound (x = %s)", what, what[0] == 'l' ? "[]" : what[0] == 'd' ? "{}" : "set()");
}

void inf_dict_learn(Inf *I, Node *recv, const Type *box, Node *at) {
    bool set = box->kind == T_SET;
    if (set && recv && recv->kind == N_SUBSCR && recv->nkids == 1 && recv->a->kind == N_NAME) {
        /* groups[k].add(x), groups a dict of empty sets (defaultdict(set)): its values are sets of x's type */
        int dv = find_var(I, recv->a->name);
        const Type *vt = dv >= 0 ? I->vars.v[dv].ty : NULL;
        if (vt && vt->kind == T_DICT && vt->elems[1]->kind == T_SET && vt->elems[1]->elems[0]->kind == T_UNKNOWN) {
            const Type *base = dict_hint(I, dv) ? dict_hint(I, dv) : vt;
            I->restart = true;
            if (base->kind != T_DICT || base->elems[0]->kind == T_UNKNOWN) return; /* the keys first (the next round) */
            const Type *d = ty_dict_as(I->tt, base->elems[0], box, base->layout);
            if (!d) inf_oom(I);
            hint_put(I, DICT_HINT, dv, 0, d);
            return;
        }
    }
    int var = recv && recv->kind == N_NAME ? find_var(I, recv->name) : -1;
    if (var < 0)
        inf_fail(I, at, set ? "kiln cannot tell the key type of this empty set: bind it to a variable first (s = set() ... s.add(k))"
                            : "kiln cannot tell the key and value types of this empty dict: bind it to a variable first (d = {} ... d[k] = v)");
    const Type *had = dict_hint(I, var);
    if (had == box) {
        unlearned(I, at, set ? "set" : "dict");
        return;
    }
    if (had && had->kind == T_DICT && box->kind == T_DICT && had->elems[0] == box->elems[0] && inf_untyped_inside(box->elems[1]) &&
        had->elems[1]->kind == T_LIST)
        return; /* d.setdefault(k, []) of a dict whose empty lists an earlier round typed (d[k].append(x)) */
    bool refines = had && had->kind == T_DICT && box->kind == T_DICT && had->elems[0] == box->elems[0] &&
                   had->elems[1]->kind == T_LIST && ls_item_join(I, had->elems[1], box->elems[1]) == box->elems[1];
    if (had && !refines) { /* (refines: values that were empty lists learn a later one's items, {i: [..] for i ...}) */
        char a[128], b[128];
        ty_str(had, a, sizeof a);
        ty_str(box, b, sizeof b);
        inf_fail(I, at, set ? "set '%s' is given keys of two types, %s and %s: a kiln set holds keys of one type"
                            : "dict '%s' is given entries of two types, %s and %s: a kiln dict holds keys of one type and values of one type",
                 recv->name, a, b);
    }
    hint_put(I, DICT_HINT, var, 0, box);
    I->restart = true;
}

/* what a container of type t holds k levels in (a list's items, a dict's values), or NULL */
static const Type *held_at(const Type *t, int k) {
    for (; t && k > 0; k--) t = t->kind == T_LIST ? ty_item(t) : t->kind == T_DICT ? t->elems[1] : NULL;
    return t;
}

void inf_list_learn(Inf *I, Node *recv, const Type *item, Node *at) {
    /* rows[i].append(x), rows a list of empty lists ([[] for _ in range(n)]): rows's items are lists of x's type */
    bool nested = false;
    int depth = 0; /* the list appended to is this many levels into the variable */
    if (recv && recv->kind == N_CALL && recv->a->kind == N_ATTR && !strcmp(recv->a->name, "setdefault") && recv->a->a->kind == N_NAME) {
        /* d.setdefault(k, []).append(x): as d[k].append(x); the default's kind of list (a deque's) is the values' */
        const Type *dflt = recv->nkids == 2 ? ex_expr(I, recv->kids[1]).ty : NULL; /* the round restarts: no IR kept */
        recv = recv->a->a;
        nested = true;
        depth = 1;
        if (dflt && dflt->kind == T_LIST) { /* the level's layout from the default itself */
            if (!(item = ty_list_as(I->tt, item, dflt->layout))) inf_oom(I);
            depth = 0;
        }
    }
    for (Node *r = recv; r && r->kind == N_SUBSCR && r->nkids == 1 && r->kids[0]->kind != N_SLICE; r = r->a)
        if (r->a->kind == N_NAME || r->a->kind == N_SUBSCR) { /* cube[i][j].append(x): one list level each */
            recv = r->a;
            nested = true;
            depth++;
        }
    /* each level wrapped as the variable's own level is (a list of deques stays one) */
    int var0 = recv && recv->kind == N_NAME ? find_var(I, recv->name) : -1;
    for (int k = depth; k >= 1; k--) {
        const Type *lvl = var0 >= 0 ? held_at(I->vars.v[var0].ty, k) : NULL;
        if (!(item = ty_list_as(I->tt, item, lvl && lvl->kind == T_LIST ? lvl->layout : 0))) inf_oom(I);
    }
    int var = recv && recv->kind == N_NAME ? find_var(I, recv->name) : -1;
    const Type *vt = var >= 0 ? I->vars.v[var].ty : NULL;
    if (var >= 0 && nested && vt && vt->kind == T_DICT && item->kind == T_LIST && inf_untyped_inside(vt->elems[1]) &&
        (dict_hint(I, var) || vt->elems[0]->kind == T_UNKNOWN)) {
        /* groups[k].append(x), groups = {} a dict of empty lists: its values are lists of x's type (item is list[x's
         * type] now); a dict display's values ({0: []}) stay as written */
        const Type *base = dict_hint(I, var) ? dict_hint(I, var) : vt; /* its key type: learned this round, maybe */
        I->restart = true;
        if (base->kind != T_DICT || base->elems[0]->kind == T_UNKNOWN) return; /* the keys first (the next round) */
        const Type *d = ty_dict_as(I->tt, base->elems[0], item, base->layout); /* a defaultdict stays one */
        if (!d) inf_oom(I);
        hint_put(I, DICT_HINT, var, 0, d);
        return;
    }
    if (var >= 0 && nested && (!vt || vt->kind != T_LIST))
        var = -1; /* d[k][i].append(x) and the like: not a list of lists */
    if (var < 0)
        inf_fail(I, at, "kiln cannot tell the item type of this empty list: bind it to a variable first (x = [] ... "
                 "x.append(v)), or start it with an item");
    const Type *had = list_hint(I, var), *j = had ? ls_item_join(I, had, item) : item;
    if (!j) {
        char a[96], b[96];
        ty_str(had, a, sizeof a);
        ty_str(item, b, sizeof b);
        inf_fail(I, at, "list '%s' is given items of two types, %s and %s: a kiln list holds items of one type", recv->name, a, b);
    }
    if (j == had) { /* known already (an empty inner list learns more in a later round) */
        unlearned(I, at, "list");
        return;
    }
    hint_put(I, LIST_HINT, var, 0, j);
    I->restart = true;
}

/* an item type that is, or holds, an empty list whose items are not known yet (what a hint may refine) */
bool inf_untyped_inside(const Type *t) { return t->kind == T_UNKNOWN || (t->kind == T_LIST && inf_untyped_inside(ty_item(t))); }

/* v as the Optional opt a variable holds: None is (False, zeros), a value (True, it) */
static Val to_optional(Inf *I, Val v, const Type *opt, Node *at) {
    const Type *t = opt->elems[1];
    Val r = {0};
    r.ty = opt; r.str = -1;
    r.el = arena_alloc(I->a, 2 * sizeof(Val));
    if (!r.el) inf_oom(I);
    bool none = v.ty->kind == T_NONE;
    if (ty_is_optional(v.ty)) { r.el[0] = v.el[0]; v = v.el[1]; } /* an Optional result: its own flag */
    else r.el[0] = val_of(I, const_in(I, I->cur, opt->elems[0], (Scalar){.i = !none}));
    if (none) r.el[1] = val_of(I, inf_zero(I, I->cur, t));
    else {
        const Type *j = ty_join(I->tt, v.ty, t);
        if (j != t) {
            char a[96], b[96];
            ty_str(v.ty, a, sizeof a);
            ty_str(t, b, sizeof b);
            inf_fail(I, at, "variable '%s' holds None or %s, not %s", at->name, b, a);
        }
        r.el[1] = ex_coerce(I, v, t, at);
    }
    return r;
}

static void bind_value(Inf *I, Node *t, Val v);

static void bind_name(Inf *I, Node *t, Val v) {
    bind_value(I, t, tx_value(I, v)); /* a string literal in a variable: made at run time */
}

/* bind v (a literal string stays one: a static string parameter the body never assigns) */
static void bind_value(Inf *I, Node *t, Val v) {
    if (t->id >= 0) I->at = t;
    int var = find_var(I, t->name);
    if (!ir_check(var >= 0, &I->f->broken, "a name bound that the scan of locals did not see")) inf_oom(I);
    if (v.ty->kind == T_LIST && list_hint(I, var) && inf_untyped_inside(ty_item(v.ty)) && ls_item_join(I, ty_item(v.ty), list_hint(I, var)) == list_hint(I, var))
        v = ls_typed(I, list_hint(I, var), v);
    if ((v.ty->kind == T_DICT || v.ty->kind == T_SET) && v.ty->elems[0]->kind == T_UNKNOWN && dict_hint(I, var) &&
        dict_hint(I, var)->kind == v.ty->kind)
        v = dc_typed(I, dict_hint(I, var), v);
    const Type *opt = opt_hint(I, var);
    if (opt && v.ty != opt && v.ty->kind != T_UNKNOWN) v = to_optional(I, v, opt, t);
    VarInfo *vi = &I->vars.v[var];
    if (v.ty->kind == T_MODULE)
        inf_fail(I, t, "cannot assign a %s to a variable", ty_name(v.ty));
    if (vi->ssa0 < 0) {
        vi->shape = v.ty->kind == T_TUPLE ? v.ty : NULL;
        vi->nleaves = (int32_t)(v.ty->kind == T_TUPLE ? v.ty->nleaves : 1);
        if (v.ty->kind == T_TUPLE) {
            /* count leaves including static ones */
            int32_t cnt = 0;
            const Type *stack[TY_TUPLE_MAX]; int sp = 0;
            stack[sp++] = v.ty;
            while (sp) {
                const Type *x = stack[--sp];
                if (x->kind == T_TUPLE) { for (int i = 0; i < x->n && sp < TY_TUPLE_MAX; i++) stack[sp++] = x->elems[i]; }
                else cnt++;
            }
            vi->nleaves = cnt;
        }
        vi->ssa0 = (int32_t)I->ssa_var.n;
        for (int32_t k = 0; k < vi->nleaves; k++) new_ssa(I, var);
        vi = &I->vars.v[var];
    } else {
        const Type *shape = vi->shape ? vi->shape : v.ty;
        if (!vi->shape && v.ty->kind == T_TUPLE)
            inf_fail(I, t, "variable '%s' holds a single value elsewhere and cannot also hold a tuple", t->name);
        if (vi->shape && !same_shape(shape, v.ty))
            inf_fail(I, t, "variable '%s' holds tuples of different shapes (%s here, %s elsewhere)", t->name,
                     inf_tyname(I, v.ty), inf_tyname(I, shape));
    }
    int32_t ssa = vi->ssa0;
    write_leaves(I, v, &ssa);
    vi = &I->vars.v[var];
    const Type *j = vi->ty ? ty_join(I->tt, vi->ty, v.ty) : v.ty;
    vi->ty = j ? j : v.ty;
}

void inf_assign(Inf *I, Node *t, Val v) {
    if (I->cur == NOBLOCK) return;
    switch (t->kind) {
    case N_NAME: bind_name(I, t, v); return;
    case N_TUPLE:
        if (ty_is_optional(v.ty)) { /* a, b = f(): unpacking None raises, as in Python */
            Ref none = inf_emit(I, OP_NOT, ty_scalar(I->tt, KILN_BOOL, true), &v.el[0].r, 1, 0);
            st_raise_if(I, none, "TypeError", "cannot unpack non-iterable NoneType object");
            v = v.el[1];
        }
        if (v.ty->kind == T_UNKNOWN) {
            for (int i = 0; i < t->nkids; i++) inf_assign(I, ast_unstar(t->kids[i]), v);
            return;
        }
        v = up_items(I, t, v); /* a list's or an array's items, a starred target's list */
        if (I->cur == NOBLOCK) return;
        if (v.ty->kind == T_UNKNOWN) {
            for (int i = 0; i < t->nkids; i++) inf_assign(I, ast_unstar(t->kids[i]), v);
            return;
        }
        if (v.ty->kind != T_TUPLE) inf_fail(I, t, "cannot unpack a value of type %s", inf_tyname(I, v.ty));
        if (v.ty->n != t->nkids)
            inf_fail(I, t, v.ty->n > t->nkids ? "too many values to unpack (expected %d)" : "not enough values to unpack (expected %d)",
                     t->nkids);
        for (int i = 0; i < t->nkids; i++) inf_assign(I, ast_unstar(t->kids[i]), v.el[i]);
        return;
    case N_SUBSCR: {
        Val arr;
        bool flat = ex_is_flat(I, t, &arr); /* a.flat[i] = v */
        if (!flat) arr = ex_expr(I, t->a);
        if (arr.ty->kind == T_UNKNOWN) return;
        if (arr.ty->kind == T_TUPLE) inf_fail(I, t, "'tuple' object does not support item assignment");
        if (arr.ty->kind == T_LIST) { ls_store(I, t, arr, v); return; }
        if (arr.ty->kind == T_DICT) { dc_store(I, t, arr, v); return; }
        if (arr.ty->kind != T_ARRAY) inf_fail(I, t, "'%s' object does not support item assignment", ty_name(arr.ty));
        if (v.ty->kind == T_TUPLE && !ty_is_optional(v.ty)) v = ls_tuple_to_array(I, v, t); /* NumPy reads it as an array */
        Ref idx[KILN_MAXDIM];
        int nidx = arr.ty->ndim;
        if (flat) {
            ex_flat_index(I, t, arr, idx);
        } else {
            Val sel = ex_index(I, t, arr, idx, &nidx);
            if (nidx == -2) { fx_store(I, arr, sel, v, t); return; }       /* an index array or a mask */
            if (nidx == -3) { fx_multi_store(I, arr, sel, v, t); return; } /* a[rows, cols] */
            if (nidx == -4) { fx_adv_store(I, sel, v, t); return; }         /* m[:, cols] */
            if (sel.ty->kind == T_ARRAY) { ew_store(I, sel, v, t); return; } /* a slice or a row: every element */
        }
        if (v.ew) v = ew_force(I, v, t);
        if (v.ty->kind == T_UNKNOWN) return;
        v = inf_item0(I, v); /* a 0-d array: its item, as NumPy stores it */
        if (v.ty->kind != T_SCALAR) inf_fail(I, t, "cannot store a %s into an array element", inf_tyname(I, v.ty));
        if (dt_is_complex(v.ty->dtype) && !dt_is_complex(arr.ty->dtype))
            inf_fail(I, t, "cannot store a complex value into a %s array", kiln_dtype_name(arr.ty->dtype));
        Val e = ex_adopt(I, v, ty_scalar(I->tt, arr.ty->dtype, false), t);
        inf_store(I, arr.r, e.r, idx, nidx);
        return;
    }
    default: inf_fail(I, t, "cannot assign to this expression");
    }
}

/* ---- function entry and the round driver ---- */

struct Rebound { const char *name; bool yes; };
static void rebound(void *ctx, const char *name) { struct Rebound *r = ctx; r->yes |= !strcmp(r->name, name); }

static void bind_params(Inf *I) {
    Node *def = I->def;
    uint32_t argi = 0;
    I->f->argfix = I->unit->fix;
    I->f->nargfix = I->unit->fix ? (uint32_t)I->unit->nfix : 0;
    for (int i = 0; i < def->nnames; i++) {
        const Type *t = I->unit->args[i];
        Val v = {0};
        v.str = -1;
        /* flatten the parameter's type into ARG leaves */
        const Type *stack[TY_TUPLE_MAX]; Val *slots[TY_TUPLE_MAX]; int sp = 0;
        v.ty = t;
        stack[sp] = t; slots[sp] = &v; sp++;
        while (sp) {
            sp--;
            const Type *x = stack[sp]; Val *dst = slots[sp];
            dst->ty = x; dst->str = -1;
            if (x->kind == T_TUPLE) {
                dst->el = arena_alloc(I->a, sizeof(Val) * x->n);
                if (!dst->el) inf_oom(I);
                for (int k = x->n - 1; k >= 0 && sp < TY_TUPLE_MAX; k--) { stack[sp] = x->elems[k]; slots[sp] = &dst->el[k]; sp++; }
            } else if (ex_is_static(x)) {
                dst->r = inf_static(I, x);
            } else {
                dst->r = inf_emit(I, OP_ARG, x, NULL, 0, argi);
                if (!strcmp(def->names[i], "$lo")) I->f->ins.v[dst->r].flags |= INS_NONNEG; /* a prange chunk's start */
                if (!vec_push(I->a, I->f->argty, x)) inf_oom(I);
                /* a static argument: its value, a constant; the ARG keeps its slot */
                if (argi < I->f->nargfix && I->f->argfix[argi].value && x->kind == T_SCALAR)
                    dst->r = const_in(I, I->cur, x, I->f->argfix[argi].v);
                if (argi < I->f->nargfix && I->f->argfix[argi].text && x->kind == T_STRING) { /* a static string: a literal */
                    if (!(dst->ty = ty_text(I->tt, I->f->argfix[argi].text))) inf_oom(I);
                    dst->r = inf_static(I, dst->ty);
                }
                argi++;
            }
        }
        Node tn = {0};
        tn.kind = N_NAME; tn.name = def->names[i]; tn.line = def->line; tn.col = def->col;
        struct Rebound rb = {def->names[i], false};
        if (v.ty->kind == T_STR) inf_scan_binds(def->kids, def->nkids, rebound, &rb);
        if (v.ty->kind == T_STR && !rb.yes) bind_value(I, &tn, v); /* folds where it is compared, as a literal does */
        else bind_name(I, &tn, v);
    }
}

/* a return of None or of T from a function returning Optional[T]: (False, zeros) or (True, the value) */
static void widen_to_optional(Inf *I, uint32_t b, const Type *rt) {
    const Type *leaves[TY_LEAVES_MAX]; int nl = 0;
    const Type *stack[TY_TUPLE_MAX]; int sp = 0;
    stack[sp++] = rt->elems[1];
    while (sp && nl < TY_LEAVES_MAX) {
        const Type *x = stack[--sp];
        if (x->kind == T_TUPLE) { for (int k = x->n - 1; k >= 0 && sp < TY_TUPLE_MAX; k--) stack[sp++] = x->elems[k]; }
        else if (!ex_is_static(x)) leaves[nl++] = x;
    }
    Block *bl = &I->f->blocks.v[b];
    if ((int)bl->rets.n != 0 && (int)bl->rets.n != nl) return; /* an Optional already (or an unknown-typed round) */
    Ref was[TY_LEAVES_MAX];
    int n = (int)bl->rets.n;
    if (n) memcpy(was, bl->rets.v, sizeof(Ref) * (size_t)n);
    bl->rets.n = 0;
    Scalar set = {.i = n != 0};
    Ref flag = const_in(I, b, rt->elems[0], set);
    if (!vec_push(I->a, I->f->blocks.v[b].rets, flag)) inf_oom(I);
    for (int k = 0; k < nl; k++) {
        Ref v = n ? was[k] : inf_zero(I, b, leaves[k]);
        if (!vec_push(I->a, I->f->blocks.v[b].rets, v)) inf_oom(I);
    }
}

static void fix_returns(Inf *I) {
    const Type *rt = I->ret ? I->ret : &I->tt->none;
    I->f->ret = rt;
    for (uint32_t i = 0; i < I->ret_blocks.n; i++) {
        uint32_t b = I->ret_blocks.v[i];
        if (ty_is_optional(rt)) widen_to_optional(I, b, rt);
        Block *bl = &I->f->blocks.v[b];
        /* cast each leaf to the joined return type's leaf */
        const Type *leaves[TY_LEAVES_MAX]; int nl = 0;
        const Type *stack[TY_TUPLE_MAX]; int sp = 0;
        stack[sp++] = rt;
        while (sp && nl < TY_LEAVES_MAX) {
            const Type *x = stack[--sp];
            if (x->kind == T_TUPLE) { for (int k = x->n - 1; k >= 0 && sp < TY_TUPLE_MAX; k--) stack[sp++] = x->elems[k]; }
            else if (!ex_is_static(x)) leaves[nl++] = x;
        }
        if ((int)bl->rets.n != nl) continue; /* unknown-typed round: discarded anyway */
        for (int k = 0; k < nl; k++) {
            Ref v = I->f->blocks.v[b].rets.v[k];
            Ref c = cast_in(I, b, v, leaves[k]);
            I->f->blocks.v[b].rets.v[k] = c;
        }
    }
}

static int one_round(Inf *I, kiln_error *err) {
    jmp_buf jb;
    I->d.jb = &jb;
    if (setjmp(jb)) return I->restart ? 1 : -1;
    Func *f = arena_alloc(I->a, sizeof *f);
    if (!f || !ir_init(f, I->a, I->def->name)) inf_oom(I);
    f->file = I->d.file;
    I->f = f;
    memset(&I->vars, 0, sizeof I->vars);
    memset(&I->ssa_var, 0, sizeof I->ssa_var);
    memset(&I->blk_node, 0, sizeof I->blk_node);
    memset(&I->ret_blocks, 0, sizeof I->ret_blocks);
    memset(&I->statics, 0, sizeof I->statics);
    memset(&I->fwd, 0, sizeof I->fwd);
    memset(&I->phis, 0, sizeof I->phis);
    memset(&I->frozen, 0, sizeof I->frozen);
    memset(&I->strlits, 0, sizeof I->strlits);
    memset(&I->closures, 0, sizeof I->closures);
    I->ninl = 0;
    I->nloops = 0; I->loop_base = 0; I->ngen = 0; I->gen_cur = 0; I->gen_scan = 0; I->restart = false; I->ntry = 0; I->nfin = 0;
    I->next_id = I->env->ast->nnodes; I->ret = NULL; I->ret_line = 0;
    I->line = I->def->line;
    uint32_t entry = inf_block(I);
    I->f->blocks.v[entry].sealed = true;
    I->cur = entry;
    for (int i = 0; i < I->def->nnames; i++) add_var(I, I->def->names[i]);
    inf_scan_binds(I->def->kids, I->def->nkids, bind_local, I);
    bind_params(I);
    st_body(I, I->def->kids, I->def->nkids);
    if (I->cur != NOBLOCK) {
        /* falling off the end returns None */
        const Type *none = &I->tt->none;
        if (I->ret && I->ret != none && I->ret->kind != T_UNKNOWN) {
            const Type *j = st_ret_join(I, I->ret, none); /* falling off the end returns None: an Optional */
            if (!j) inf_fail(I, NULL, "function '%s' returns %s on line %d but None at its end", I->def->name,
                             inf_tyname(I, I->ret), I->ret_line);
            I->ret = j;
        }
        if (!I->ret || I->ret->kind == T_UNKNOWN) I->ret = none;
        Block *b = &I->f->blocks.v[I->cur];
        b->term = TERM_RET;
        if (!vec_push(I->a, I->ret_blocks, I->cur)) inf_oom(I);
        I->cur = NOBLOCK;
    }
    if (I->restart) return 1;
    settle_unknown(I);
    if (I->restart) return 1;
    prune_trivial(I);
    forward_all(I);
    fix_returns(I);
    (void)err;
    return 0;
}

/* the column of name as a word on line of the source (1-based), else of the line's first character */
static int name_col(const Diag *d, uint32_t line, const char *name) {
    size_t len;
    const char *p = diag_line(d->src, d->len, (int)line, &len);
    if (!p) return 1;
    const char *eol = p + len;
    size_t n = strlen(name);
    for (const char *q = p; q + n <= eol; q++) {
        bool word = (q == p || !(isalnum((unsigned char)q[-1]) || q[-1] == '_')) &&
                    (q + n == eol || !(isalnum((unsigned char)q[n]) || q[n] == '_'));
        if (word && !memcmp(q, name, n)) return (int)(q - p) + 1;
    }
    const char *q = p;
    while (q < eol && (*q == ' ' || *q == '\t')) q++;
    return (int)(q - p) + 1;
}

/* a module array constant is frozen: no write into its copy, here or in a kernel it is passed to */
static int frozen_check(Inf *I) {
    uint32_t line;
    Ref fr = I->env->frozen_written(I->f, &line);
    if (!fr) return 0;
    const char *name = "?";
    for (uint32_t i = 0; i < I->frozen.n; i++)
        if (I->frozen.v[i].r == fr && I->frozen.v[i].lit->name) name = I->frozen.v[i].lit->name;
    diag_set(&I->d, (int)line, name_col(&I->d, line, name),
             "the module constant '%s' is a frozen array (read from a module global at compile time, as in Numba): "
             "kernels may read it but not write into it; write into a copy (%s.copy())", name, name);
    return -1;
}

int lower_unit(const LowerEnv *env, int k, Unit *s, kiln_error *err) {
    Inf I;
    memset(&I, 0, sizeof I);
    I.star_note = "";
    I.env = env; I.tt = env->types; I.unit = s; I.def = env->kernel(env->cx, k).def;
    I.a = &s->arena;
    I.d.err = err; I.d.file = env->file; I.d.src = env->src; I.d.len = env->len;
    HintVec hints = {0};
    I.hints = &hints;
    int64_t rounds = env->tune[TUNE_INFER_ROUNDS];
    for (int64_t round = 0; round < rounds; round++) {
        void *mark = env->mark(env->cx);
        s->used_guess = false;
        s->on_guess = false;
        int r = one_round(&I, err);
        if (r < 0) return -1;
        if (r == 0 && s->used_guess && I.f->ret != s->ret) {
            s->ret = I.f->ret;   /* the recursion's return type was a guess: retry with the new one */
            r = 1;
        }
        if (r == 0) {
            if (I.f->ret->kind == T_UNKNOWN) {
                diag_set(&I.d, I.def->line, I.def->col,
                         "cannot infer the return type of '%s': every path returns through a recursive call", I.def->name);
                return -1;
            }
            if (frozen_check(&I)) return -1;
            s->ir = I.f;
            s->ret = I.f->ret;
            s->var_names = arena_alloc(I.a, sizeof(char *) * (I.vars.n + 1));
            s->var_types = arena_alloc(I.a, sizeof(Type *) * (I.vars.n + 1));
            if (s->var_names && s->var_types)
                for (uint32_t i = 0; i < I.vars.n; i++)
                    if (I.vars.v[i].name[0] != '$' && I.vars.v[i].ty) {
                        s->var_names[s->nvars] = I.vars.v[i].name;
                        s->var_types[s->nvars++] = I.vars.v[i].ty;
                    }
            return 0;
        }
        /* discard the callee specs built on this round's guesses */
        env->discard_guessed(env->cx, mark);
    }
    diag_set(&I.d, I.def->line, I.def->col, "could not infer the types of '%s' (recursion or loop types do not settle)",
             I.def->name);
    return -1;
}
