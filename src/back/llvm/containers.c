/*
 * containers.c — tier 2's direct paths for the container routines that run in hot loops: a list's append and its
 * pop from the end, inline when the list has room (or an item), a set's key operations through rt_set_keyn and a
 * dict's lookups and stores through rt_dict_keyn. Each does exactly what the runtime's routine does on its common
 * path (rt/list.c, rt/set.c, rt/dict.c) and falls back to
 * the frame helper, which does the whole operation, where that path does not apply: a list growing, an index
 * that is not the last, an empty list's IndexError, a set or a dict resizing, a missing key's KeyError.
 * Everything else goes through the helper.
 */
#include "ll.h"
#include "../../ir/lib.h"

#define H ll_host

/* a list's header field at byte offset off (RtList: data, len, item, cap, head, bound) */
static LLVMValueRef header(L *l, LLVMValueRef list, int off, LLVMTypeRef ty) {
    LLVMValueRef o = ci64(l, off);
    return ll_tbaa(l, ld(l, ty, LLVMBuildGEP2(l->b, l->i8, list, &o, 1, "")), TBAA_LIST);
}

static void set_header(L *l, LLVMValueRef list, int off, LLVMValueRef v) {
    LLVMValueRef o = ci64(l, off);
    ll_tbaa(l, st(l, v, LLVMBuildGEP2(l->b, l->i8, list, &o, 1, "")), TBAA_LIST);
}

/* an item the direct paths move: a number or a reference (one 8-byte address), as rt_item_store keeps them */
static bool simple_item(const Type *t) { return t && (t->kind == T_SCALAR || (ty_is_ref(t) && t->kind != T_TUPLE)); }

/* the item at p: a number as its element, a reference as its 8 bytes */
static LV item_load(L *l, const Type *t, LLVMValueRef p) {
    if (t->kind == T_SCALAR) return ll_load_elem(l, t, p);
    return one(ll_tbaa(l, ld(l, l->i64, p), TBAA_ELEM));
}

/* cond true: the fast block runs (the builder is left in it); false: the helper does the operation. join() ends
 * both and merges the result */
typedef struct Split { LLVMBasicBlockRef fast_end, slow_end, done; LV fast; } Split;

static void split(L *l, LLVMValueRef cond, Split *s, Ref r) {
    LLVMBasicBlockRef fast = LLVMAppendBasicBlockInContext(l->cx, l->fn, "fast");
    LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(l->cx, l->fn, "slow");
    s->done = LLVMAppendBasicBlockInContext(l->cx, l->fn, "");
    LLVMBuildCondBr(l->b, cond, fast, slow);
    LLVMPositionBuilderAtEnd(l->b, slow);
    ll_via_helper(l, r);
    s->slow_end = LLVMGetInsertBlock(l->b);
    LLVMPositionBuilderAtEnd(l->b, fast);
}

static void join(L *l, Split *s, Ref r, bool result) {
    LV slowv = l->val[r];
    s->fast_end = LLVMGetInsertBlock(l->b);
    LLVMBuildBr(l->b, s->done);
    LLVMPositionBuilderAtEnd(l->b, s->slow_end);
    LLVMBuildBr(l->b, s->done);
    LLVMPositionBuilderAtEnd(l->b, s->done);
    if (!result) return;
    LV v = {{0}, s->fast.n};
    for (int k = 0; k < v.n; k++) v.v[k] = ll_phi2(l, s->fast.v[k], s->fast_end, slowv.v[k], s->slow_end);
    l->val[r] = v;
}

/* l.append(v) with room: the item to data + len * item, len + 1 (rt_list_append's first case; the item size is
 * compared too: an empty list made before its type was known takes its size in the runtime) */
static bool list_append(L *l, Ref r) {
    const Type *item = ty_item(IN(l, AR(l, r, 0))->ty);
    if (!simple_item(item) || IN(l, r)->n != 2) return false;
    int64_t size = item->kind == T_SCALAR ? (int64_t)H->dtype_size((kiln_dtype)item->dtype) : 8; /* rt_item_size */
    LLVMValueRef list = LLVMBuildIntToPtr(l->b, V(l, AR(l, r, 0)), l->ptr, "");
    LLVMValueRef len = header(l, list, 8, l->i64), cap = header(l, list, 24, l->i64), isz = header(l, list, 16, l->i64);
    LLVMValueRef room = LLVMBuildAnd(l->b, LLVMBuildICmp(l->b, LLVMIntSLT, len, cap, ""),
                                     LLVMBuildICmp(l->b, LLVMIntEQ, isz, ci64(l, size), ""), "");
    if (ty_is_deque(IN(l, AR(l, r, 0))->ty)) /* a deque(maxlen=k) full drops its first item: the runtime's */
        room = LLVMBuildAnd(l->b, room, LLVMBuildICmp(l->b, LLVMIntEQ, header(l, list, 40, l->i64), ci64(l, 0), ""), "");
    Split s;
    split(l, room, &s, r);
    LLVMValueRef off = LLVMBuildNSWMul(l->b, len, ci64(l, size), "");
    LLVMValueRef p = LLVMBuildGEP2(l->b, l->i8, header(l, list, 0, l->ptr), &off, 1, "");
    Ref v = AR(l, r, 1);
    if (item->kind == T_SCALAR) ll_store_elem(l, IN(l, v)->ty, item->dtype, &l->val[v], p);
    else ll_tbaa(l, st(l, V(l, v), p), TBAA_ELEM);
    set_header(l, list, 8, LLVMBuildNSWAdd(l->b, len, ci64(l, 1), ""));
    join(l, &s, r, false);
    return true;
}

/* l.pop(0), a deque's popleft, of a list of two or more: the item read, the items start one later (data + item,
 * head + item, cap - 1, len - 1: rt_list_pop's drop_first where it need not start the allocation over) */
static bool list_pop_first(L *l, Ref r, const Type *item) {
    Ins *in = IN(l, r);
    LLVMValueRef list = LLVMBuildIntToPtr(l->b, V(l, AR(l, r, 0)), l->ptr, "");
    LLVMValueRef len = header(l, list, 8, l->i64);
    Split s;
    split(l, LLVMBuildICmp(l->b, LLVMIntSGT, len, ci64(l, 1), ""), &s, r);
    LLVMValueRef data = header(l, list, 0, l->ptr), isz = header(l, list, 16, l->i64);
    if (in->ty) s.fast = item_load(l, in->ty->kind == T_SCALAR ? in->ty : item, data);
    set_header(l, list, 0, LLVMBuildGEP2(l->b, l->i8, data, &isz, 1, ""));
    set_header(l, list, 32, LLVMBuildNSWAdd(l->b, header(l, list, 32, l->i64), isz, ""));
    set_header(l, list, 24, LLVMBuildNSWSub(l->b, header(l, list, 24, l->i64), ci64(l, 1), ""));
    set_header(l, list, 8, LLVMBuildNSWSub(l->b, len, ci64(l, 1), ""));
    join(l, &s, r, in->ty != NULL);
    return true;
}

/* whether r is the int constant v */
static bool const_is(L *l, Ref r, int64_t v) { return IN(l, r)->op == OP_CONST && l->f->cst.v[IN(l, r)->aux].i == v; }

/* l.pop() / l.pop(i) where i names the last item: len - 1, and the item read (rt_list_pop with nothing to move) */
static bool list_pop(L *l, Ref r) {
    Ins *in = IN(l, r);
    const Type *item = ty_item(IN(l, AR(l, r, 0))->ty);
    if (!simple_item(item) || (in->ty && !simple_item(in->ty))) return false;
    if (const_is(l, AR(l, r, 1), 0)) return list_pop_first(l, r, item);
    LLVMValueRef list = LLVMBuildIntToPtr(l->b, V(l, AR(l, r, 0)), l->ptr, "");
    LLVMValueRef len = header(l, list, 8, l->i64), i = V(l, AR(l, r, 1));
    LLVMValueRef last = LLVMBuildNSWSub(l->b, len, ci64(l, 1), "");
    LLVMValueRef is_last = LLVMBuildOr(l->b, LLVMBuildICmp(l->b, LLVMIntEQ, i, ci64(l, -1), ""),
                                       LLVMBuildICmp(l->b, LLVMIntEQ, i, last, ""), "");
    LLVMValueRef ok = LLVMBuildAnd(l->b, LLVMBuildICmp(l->b, LLVMIntSGT, len, ci64(l, 0), ""), is_last, "");
    Split s;
    split(l, ok, &s, r);
    if (in->ty) {
        LLVMValueRef off = LLVMBuildNSWMul(l->b, last, header(l, list, 16, l->i64), "");
        s.fast = item_load(l, in->ty->kind == T_SCALAR ? in->ty : item, LLVMBuildGEP2(l->b, l->i8, header(l, list, 0, l->ptr), &off, 1, ""));
    }
    set_header(l, list, 8, last);
    join(l, &s, r, in->ty != NULL);
    return true;
}

/* the leaf dtypes rt_set_keyn takes directly: numbers of 8 bytes (and bools, 0 or 1, inside tuples) */
static bool fast_leaf(const Type *t, bool in_tuple) {
    return t->kind == T_SCALAR && (t->dtype == KILN_INT64 || t->dtype == KILN_UINT64 || t->dtype == KILN_FLOAT64 ||
                                   (in_tuple && t->dtype == KILN_BOOL));
}

/* k in s, s.add(k), s.discard(k), s.remove(k) with a key of 8-byte leaves (a number, a flat tuple of them): the leaves
 * to a stack buffer and rt_set_keyn directly; where it answers -2 (a resize, a missing key's KeyError, an empty set
 * not sized yet), the general path through the helper does the operation instead (nothing was changed) */
static bool set_key(L *l, Ref r) {
    Ins *in = IN(l, r);
    const Type *sty = IN(l, AR(l, r, 0))->ty, *kt = sty->kind == T_SET ? sty->elems[0] : NULL;
    int mode = (int)(in->aux >> 8);
    if (!kt || mode == SETKEY_TOGGLE || l->gpu) return false;
    bool tuple = kt->kind == T_TUPLE;
    int n = tuple ? kt->n : 1;
    if (n < 1 || n > 12 || (int)in->n != 1 + n) return false;
    for (int i = 0; i < n; i++) if (!fast_leaf(tuple ? kt->elems[i] : kt, tuple)) return false;
    int64_t desc = n | (int64_t)tuple << 8;
    LLVMValueRef buf = l->keybuf;
    if (!buf) { /* one buffer for the function, in its entry block */
        LLVMBasicBlockRef here = LLVMGetInsertBlock(l->b), entry = LLVMGetEntryBasicBlock(l->fn);
        LLVMValueRef first = LLVMGetFirstInstruction(entry);
        if (first) LLVMPositionBuilderBefore(l->b, first);
        else LLVMPositionBuilderAtEnd(l->b, entry);
        buf = l->keybuf = LLVMBuildArrayAlloca(l->b, l->i64, ci64(l, 12), "setkey");
        LLVMPositionBuilderAtEnd(l->b, here);
    }
    for (int i = 0; i < n; i++) {
        const Type *lt = tuple ? kt->elems[i] : kt;
        desc |= (int64_t)lt->dtype << (12 + 4 * i);
        LLVMValueRef v = V(l, AR(l, r, 1 + i));
        if (lt->dtype == KILN_FLOAT64) v = LLVMBuildBitCast(l->b, v, l->i64, "");
        LLVMValueRef at = LLVMBuildGEP2(l->b, l->i64, buf, (LLVMValueRef[]){ci64(l, i)}, 1, "");
        st(l, v, at);
    }
    LLVMTypeRef p4[4] = {l->i64, l->ptr, l->i64, l->i64}, ft = LLVMFunctionType(l->i64, p4, 4, 0);
    LLVMValueRef args[4] = {V(l, AR(l, r, 0)), buf, ci64(l, mode), ci64(l, desc)};
    LLVMValueRef res = LLVMBuildCall2(l->b, ft, ll_ext_fn(l, "rt_set_keyn", ft), args, 4, "");
    LLVMBasicBlockRef fast = LLVMGetInsertBlock(l->b);
    LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(l->cx, l->fn, "setslow"), done = LLVMAppendBasicBlockInContext(l->cx, l->fn, "");
    LLVMBuildCondBr(l->b, LLVMBuildICmp(l->b, LLVMIntEQ, res, ci64(l, -2), ""), slow, done);
    LLVMPositionBuilderAtEnd(l->b, slow);
    ll_via_helper(l, r);
    LLVMValueRef sv = in->ty ? V(l, r) : NULL;
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(l->b);
    LLVMBuildBr(l->b, done);
    LLVMPositionBuilderAtEnd(l->b, done);
    if (in->ty) l->val[r] = one(ll_phi2(l, res, fast, sv, slow_end));
    return true;
}


/* d.get(k), k in d, d[k] (LIB_DICT_FIND) and d[k] = v (LIB_DICT_SET) of a dict whose keys are 8-byte numbers (and,
 * to set, whose values are 8-byte numbers or references): rt_dict_keyn directly. A key d[k] does not find (the
 * KeyError) and a set it answers -2 for (a growth) go through the helper, which does the whole operation */
static bool dict_key(L *l, Ref r, bool set) {
    Ins *in = IN(l, r);
    const Type *dt = IN(l, AR(l, r, 0))->ty, *kt = dt->kind == T_DICT ? dt->elems[0] : NULL;
    const Type *vt = dt->kind == T_DICT ? dt->elems[1] : NULL;
    if (!kt || !fast_leaf(kt, false) || in->n != (set ? 3u : 2u)) return false;
    const Type *kv = IN(l, AR(l, r, 1))->ty;
    if (kv->kind != T_SCALAR || kv->dtype != kt->dtype) return false;
    LLVMValueRef val = ci64(l, 0);
    if (set) {
        const Type *v = IN(l, AR(l, r, 2))->ty;
        bool same = vt->kind == T_SCALAR ? fast_leaf(vt, false) && v->kind == T_SCALAR && v->dtype == vt->dtype : v == vt;
        if (!simple_item(vt) || !same) return false;
        val = V(l, AR(l, r, 2));
        if (vt->kind == T_SCALAR && vt->dtype == KILN_FLOAT64) val = LLVMBuildBitCast(l->b, val, l->i64, "");
    }
    int mode = (int)(in->aux >> 8);
    LLVMValueRef key = V(l, AR(l, r, 1));
    if (kt->dtype == KILN_FLOAT64) key = LLVMBuildBitCast(l->b, key, l->i64, "");
    LLVMTypeRef p5[5] = {l->i64, l->i64, l->i64, l->i64, l->i64}, ft = LLVMFunctionType(l->i64, p5, 5, 0);
    LLVMValueRef args[5] = {V(l, AR(l, r, 0)), key, ci64(l, kt->dtype), val, ci64(l, set)};
    LLVMValueRef res = LLVMBuildCall2(l->b, ft, ll_ext_fn(l, "rt_dict_keyn", ft), args, 5, "");
    if (!set && mode == DICT_FIND_OR_NEG) { l->val[r] = one(res); return true; }
    LLVMValueRef found = LLVMBuildICmp(l->b, LLVMIntSGE, res, ci64(l, 0), ""); /* set: done */
    if (!set && mode == DICT_FIND_IN) { l->val[r] = one(LLVMBuildZExt(l->b, found, l->i64, "")); return true; }
    Split s; /* set's -2, or d[k]'s -1: the helper's */
    split(l, found, &s, r);
    s.fast = one(res);
    join(l, &s, r, in->ty != NULL);
    return true;
}

/* r's direct path, where it has one and the operation allows it; false: the helper's */
bool ll_container_op(L *l, Ref r) {
    if (l->gpu) return false;
    switch (IN(l, r)->aux & 0xff) {
    case LIB_SET_KEY: return set_key(l, r);
    case LIB_LIST_APPEND: return list_append(l, r);
    case LIB_LIST_POP: return list_pop(l, r);
    case LIB_DICT_FIND: return dict_key(l, r, false);
    case LIB_DICT_SET: return dict_key(l, r, true);
    default: return false;
    }
}
