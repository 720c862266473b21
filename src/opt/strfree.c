/*
 * strfree.c — strings a block makes and only reads are let go after their
 * last read, so a loop that builds text (s = "k" + str(i); t += len(s))
 * runs in the memory of one iteration instead of keeping every string until
 * the call returns. rt/str.c keeps the strings let go and makes the next
 * ones in them.
 * requires: SSA, after dce (the uses are final). A string is let go (LIB_STR
 * STR_FREE) when it is made by a string routine (not a literal, which is
 * made once per call and shared, nor an argument) and every use is in its
 * own block and only reads it: another string routine (they copy what they
 * keep), print(), a dict or list search. Any other use — a phi's argument, a
 * store into a list or dict, a call, a return, a try's protected
 * instruction — may keep it alive, and it stays until the call ends.
 */
#include "opt.h"
#include "../ir/lib.h"

static int routine(const Ins *in) { return in->op == OP_LIB ? (int)(in->aux & 0xff) : -1; }
static int str_op(const Ins *in) { return (int)(in->aux >> 8 & 0xff); }

/* a string made by a routine of its own (a new object nothing else holds yet) */
static bool fresh_string(const Ins *in) {
    return routine(in) == LIB_STR && in->ty && in->ty->kind == T_STRING && str_op(in) != STR_LIT;
}

/* whether the use by `in` only reads its operand */
static bool reads_only(const Ins *in) {
    int k = routine(in);
    return (k == LIB_STR && str_op(in) != STR_SORT && str_op(in) != STR_FREE) || k == LIB_PRINT || k == LIB_DICT_FIND ||
           k == LIB_LIST_FIND;
}

bool opt_strfree(Func *f) {
    uint32_t n = f->ins.n;
    bool any = false;
    for (uint32_t r = 0; r < n && !any; r++) any = f->ins.v[r].blk != UINT32_MAX && fresh_string(&f->ins.v[r]);
    if (!any) return true;
    /* per candidate: its block, whether it escapes, and the position of its last use in its block (0: none) */
    uint32_t *last = arena_alloc(f->a, sizeof(uint32_t) * n);
    bool *cand = arena_alloc(f->a, n), *esc = arena_alloc(f->a, n);
    if (!last || !cand || !esc) return false;
    memset(last, 0, sizeof(uint32_t) * n);
    memset(esc, 0, n);
    for (uint32_t r = 0; r < n; r++) cand[r] = f->ins.v[r].blk != UINT32_MAX && fresh_string(&f->ins.v[r]);
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        Block *b = &f->blocks.v[bi];
        if (b->dead) continue;
        for (uint32_t k = 0; k < b->ins.n; k++) {
            Ref r = b->ins.v[k];
            Ins *in = &f->ins.v[r];
            for (uint32_t j = 0; j < in->n; j++) {
                Ref a = ir_arg(f, r, j);
                if (!cand[a]) continue;
                if (f->ins.v[a].blk != bi || !reads_only(in) || (b->term == TERM_TRY && b->cond == r)) esc[a] = true;
                else last[a] = k + 1;
            }
        }
        for (int s = 0; s < b->nsucc; s++)
            for (uint32_t k = 0; k < b->succ[s].args.n; k++) esc[b->succ[s].args.v[k]] = true;
        for (uint32_t k = 0; k < b->rets.n; k++) esc[b->rets.v[k]] = true;
        if (b->term == TERM_BR || b->term == TERM_TRY) esc[b->cond] = true;
    }
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        Block *b = &f->blocks.v[bi];
        if (b->dead) continue;
        uint32_t frees = 0, count = b->ins.n;
        for (uint32_t k = 0; k < count; k++) {
            Ref r = b->ins.v[k];
            if (cand[r] && !esc[r] && f->ins.v[r].blk == bi) frees++;
        }
        if (!frees) continue;
        Ref *order = arena_alloc(f->a, sizeof(Ref) * (count + frees));
        int32_t *head = arena_alloc(f->a, sizeof(int32_t) * count), *next = arena_alloc(f->a, sizeof(int32_t) * count);
        if (!order || !head || !next) return false;
        /* each let go right after its last use (or after itself when unused): bucketed by that position */
        for (uint32_t k = 0; k < count; k++) head[k] = -1;
        for (uint32_t k = 0; k < count; k++) {
            Ref c = b->ins.v[k];
            if (!cand[c] || esc[c] || f->ins.v[c].blk != bi) continue;
            uint32_t at = last[c] ? last[c] - 1 : k;
            next[k] = head[at];
            head[at] = (int32_t)k;
        }
        uint32_t w = 0;
        for (uint32_t k = 0; k < count; k++) {
            order[w++] = b->ins.v[k];
            for (int32_t j = head[k]; j >= 0; j = next[j]) {
                Ref c = f->blocks.v[bi].ins.v[j];
                Ref fr = ir_emit(f, bi, OP_LIB, NULL, &c, 1, LIB_STR | (int64_t)STR_FREE << 8, f->ins.v[c].line);
                if (!fr) return false;
                order[w++] = fr;
            }
            b = &f->blocks.v[bi];
        }
        if (b->term == TERM_TRY && w && order[w - 1] != b->cond) { /* the protected instruction stays last */
            uint32_t at = 0;
            while (order[at] != b->cond) at++;
            memmove(&order[at], &order[at + 1], sizeof(Ref) * (w - 1 - at));
            order[w - 1] = b->cond;
        }
        b->ins.n = 0;
        for (uint32_t k = 0; k < w; k++) if (!vec_push(f->a, b->ins, order[k])) return false;
    }
    return true;
}
