/*
 * verify.c — structural checks of the IR, run after every pass in debug
 * builds and by the tests: operand counts and types, every use defined in a
 * live block, block arguments matching parameters, terminators present.
 */
#include "ir.h"
#include "lib.h"
#include "gpu.h"
#include <stdio.h>

#define BAD(...) do { snprintf(buf, cap, __VA_ARGS__); return buf; } while (0)

static bool live_ref(Func *f, Ref r) {
    return r > 0 && r < f->ins.n && f->ins.v[r].blk != UINT32_MAX && !f->blocks.v[f->ins.v[r].blk].dead;
}

static bool same_value_type(const Type *a, const Type *b) {
    if (a == b) return true;
    if (!a || !b) return false;
    if (a->kind == T_SCALAR && b->kind == T_SCALAR) return a->dtype == b->dtype;
    if (a->kind == T_LIST && b->kind == T_LIST) return true; /* one slot, an address, whatever the items */
    if (a->kind == T_DICT && b->kind == T_DICT) return true;
    if (a->kind == T_SET && b->kind == T_SET) return true;
    if (a->kind == T_RNG && b->kind == T_RNG) return true;
    if (a->kind == T_EXC && b->kind == T_EXC) return true;
    if (a->kind == T_STRING && b->kind == T_STRING) return true;
    return false;
}

const char *ir_verify(Func *f, char *buf, size_t cap) {
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        Block *b = &f->blocks.v[bi];
        if (b->dead) continue;
        if (bi && !b->preds.n && b->term == TERM_NONE) continue; /* unreachable: dce removes it */
        if (b->term == TERM_NONE) BAD("b%u has no terminator", bi);
        for (uint32_t k = 0; k < b->ins.n; k++) {
            Ref r = b->ins.v[k];
            Ins *in = &f->ins.v[r];
            if (in->blk != bi) BAD("%%%u is listed in b%u but belongs to b%u", r, bi, in->blk);
            int ar = ir_ops[in->op].arity;
            if (ar >= 0 && (int)in->n != ar) BAD("%%%u: %s takes %d operands, has %u", r, ir_ops[in->op].name, ar, in->n);
            for (uint32_t j = 0; j < in->n; j++)
                if (!live_ref(f, ir_arg(f, r, j))) BAD("%%%u: operand %u (%%%u) is not a live value", r, j, ir_arg(f, r, j));
            switch (ir_ops[in->op].rule) { /* the op table's type rule */
            case R_ARITH:
                for (uint32_t j = 0; j < 2; j++)
                    if (!same_value_type(f->ins.v[ir_arg(f, r, j)].ty, in->ty))
                        BAD("%%%u: %s operand %u has a different type from the result", r, ir_ops[in->op].name, j);
                break;
            case R_CMP:
                if (!same_value_type(f->ins.v[ir_arg(f, r, 0)].ty, f->ins.v[ir_arg(f, r, 1)].ty))
                    BAD("%%%u: comparison of different types", r);
                if (!in->ty || in->ty->kind != T_SCALAR || in->ty->dtype != KILN_BOOL) BAD("%%%u: comparison must give bool", r);
                break;
            case R_ARRAY: {
                const Type *at = f->ins.v[ir_arg(f, r, 0)].ty;
                int routine = in->op == OP_LIB ? (int)(in->aux & 0xff) : -1;
                if (routine == LIB_INT_BOUNDS || routine == LIB_LIST_NEW || routine == LIB_RANDOM || routine == LIB_DICT_NEW || routine == LIB_CLOCK ||
                    routine == LIB_EXC || routine == LIB_SET_NEW || routine == LIB_RNG_NEW || routine == LIB_KEEPORDER ||
                    (routine == LIB_GPU && !gpu_is_atomic(gpu_kind(in->aux)))) {
                    if ((at->kind != T_SCALAR || !dt_is_int(at->dtype)) && !(routine == LIB_EXC && at->kind == T_EXC))
                        BAD("%%%u: %s of a non-integer", r, ir_lib_name(in->aux));
                    break;
                }
                if (routine > LIB_DICT_NEW && routine <= LIB_DICT_PART) {
                    if (at->kind != T_DICT) BAD("%%%u: %s of a non-dict", r, ir_lib_name(in->aux));
                    break;
                }
                if (routine == LIB_RNG_DRAW || routine == LIB_RNG_FILL) {
                    if (at->kind != T_RNG) BAD("%%%u: %s of a non-Generator", r, ir_lib_name(in->aux));
                    break;
                }
                if (routine > LIB_SET_NEW && routine <= LIB_SET_RESERVE) {
                    if (at->kind != T_SET) BAD("%%%u: %s of a non-set", r, ir_lib_name(in->aux));
                    break;
                }
                if (routine == LIB_PYHYPOT) {
                    if (at->kind != T_LIST || ty_item(at)->kind != T_SCALAR || ty_item(at)->dtype != KILN_FLOAT64)
                        BAD("%%%u: pyhypot of a %s", r, ty_name(at));
                    break;
                }
                if (routine == LIB_PRINT || routine == LIB_PYHASH) {
                    if (at->kind != T_FORMAT) BAD("%%%u: %s without its format", r, ir_lib_name(in->aux));
                    break;
                }
                if (routine == LIB_STR) { /* operand 0: a string, a literal's text, a format, a code point or a list */
                    int op = (int)(in->aux >> 8 & 0xff);
                    bool ok = op == STR_LIT || op == STR_RAISE ? at->kind == T_STR : op == STR_FORMAT ? at->kind == T_FORMAT
                              : op == STR_CHR ? at->kind == T_SCALAR : op == STR_SORT ? at->kind == T_LIST : at->kind == T_STRING;
                    if (!ok) BAD("%%%u: str routine %d of a %s", r, op, ty_name(at));
                    break;
                }
                if (routine == LIB_AFREE) { /* an array or a list let go (opt/arrfree.c) */
                    if (at->kind != T_ARRAY && at->kind != T_LIST) BAD("%%%u: afree of a %s", r, ty_name(at));
                    break;
                }
                if (routine >= LIB_LIST_NEW && routine <= LIB_LIST_LAST && routine != LIB_LIST_FROM) {
                    if (at->kind != T_LIST) BAD("%%%u: %s of a non-list", r, ir_lib_name(in->aux));
                    break;
                }
                if (at->kind != T_ARRAY) BAD("%%%u: %s of a non-array", r, ir_ops[in->op].name);
                if (in->op == OP_MKVIEW && (!in->ty || in->ty->kind != T_ARRAY || (int)in->n != 2 + 2 * in->ty->ndim))
                    BAD("%%%u: mkview needs an offset, then a length and a stride per axis", r);
                if (in->op == OP_LOAD && (int)in->n != 1 + at->ndim) BAD("%%%u: load needs %d indices", r, at->ndim);
                if (in->op == OP_STORE && (int)in->n != 2 + at->ndim) BAD("%%%u: store needs %d indices", r, at->ndim);
                break;
            }
            default:
                if (in->op == OP_LVIEW && ((f->ins.v[ir_arg(f, r, 0)].ty->kind != T_LIST && f->ins.v[ir_arg(f, r, 0)].ty->kind != T_DICT) || !in->ty || in->ty->kind != T_ARRAY || in->ty->ndim != 1))
                    BAD("%%%u: lview takes a list and gives a 1-d array", r);
                break;
            }
        }
        for (int s = 0; s < b->nsucc; s++) {
            Edge *e = &b->succ[s];
            if (e->to >= f->blocks.n || f->blocks.v[e->to].dead) BAD("b%u jumps to a dead block b%u", bi, e->to);
            Block *t = &f->blocks.v[e->to];
            if (e->args.n != t->params.n) BAD("b%u -> b%u passes %u arguments for %u parameters", bi, e->to, e->args.n, t->params.n);
            for (uint32_t k = 0; k < e->args.n; k++) {
                if (!live_ref(f, e->args.v[k])) BAD("b%u -> b%u: argument %u is not a live value", bi, e->to, k);
                const Type *pt = f->ins.v[t->params.v[k]].ty, *at = f->ins.v[e->args.v[k]].ty;
                if (!same_value_type(pt, at) && !(pt->kind == T_ARRAY && at->kind == T_ARRAY))
                    BAD("b%u -> b%u: argument %u has the wrong type", bi, e->to, k);
            }
        }
        if (b->term == TERM_BR && !live_ref(f, b->cond)) BAD("b%u branches on a dead value", bi);
        if (b->term == TERM_TRY && f->blocks.v[b->succ[1].to].params.n)
            BAD("b%u: the block a raise goes to (b%u) has parameters", bi, b->succ[1].to);
        for (uint32_t k = 0; k < b->rets.n; k++)
            if (!live_ref(f, b->rets.v[k])) BAD("b%u returns a dead value", bi);
    }
    return NULL;
}
