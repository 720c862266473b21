/*
 * fix.c — compile-time specialization on values and shapes (docs/specialization.md): which
 * parameters of a function are static (their values), which axes of which array parameters are
 * (their lengths), the words they add to a call's specialization key, and the table of fixed leaves
 * a specialization's lowering binds as constants (ir/ir.h's LeafFix).
 *
 * The key: after the argument types' codes, for each parameter that fixes something, one code
 * SIG_FIX (kind) | what << 3 (0 a value, 1 a shape) | axes << 8 | parameter << 16, then the value's
 * scalars as they are stored (8 bytes, 16 for a complex: two or four words), or each fixed axis's
 * length (two words). The types already fix the structure, so the words are unambiguous.
 * Past spec_limit keys with fixed words, a call takes the plain key of its types: one generic
 * specialization for every further value, so a function called with ever new sizes never
 * recompiles in a loop.
 */
#include "jit.h"
#include "../rt/arith.h"
#include <stdio.h>

enum { FIX_VALUE, FIX_SHAPE };
#define FIX_CODE(what, axes, param) ((uint32_t)SIG_FIX | (uint32_t)(what) << 3 | (uint32_t)(axes) << 8 | (uint32_t)(param) << 16)

int kiln_func_param_index(const kiln_func *fn, const char *name) {
    if (!fn || !name) return -1;
    for (int i = 0; i < fn->def->nnames; i++) if (!strcmp(fn->def->names[i], name)) return i;
    return -1;
}

static void update_fixing(kiln_func *fn) {
    bool any = fn->fix.values_any || fn->fix.shapes_any || fn->fix.values;
    for (int i = 0; i < fn->def->nnames && i < KILN_MAX_PARAMS && !any; i++) any = fn->fix.axes[i] != 0;
    fn->fixing = any;
}

int kiln_func_set_static(kiln_func *fn, int param, int on) {
    if (!fn || param < -1 || param >= fn->def->nnames || param >= KILN_MAX_PARAMS) return -1;
    kiln_ctx *ctx = fn->mod->ctx;
    pthread_mutex_lock(&ctx->lock);
    if (param < 0) fn->fix.values_any = on != 0;
    else if (on) fn->fix.values |= 1ull << param;
    else fn->fix.values &= ~(1ull << param);
    update_fixing(fn);
    pthread_mutex_unlock(&ctx->lock);
    return 0;
}

int kiln_func_set_static_shape(kiln_func *fn, int param, unsigned axes) {
    if (!fn || param < -1 || param >= fn->def->nnames || param >= KILN_MAX_PARAMS || axes > KILN_ALL_AXES) return -1;
    kiln_ctx *ctx = fn->mod->ctx;
    pthread_mutex_lock(&ctx->lock);
    if (param < 0) { for (int i = 0; i < fn->def->nnames && i < KILN_MAX_PARAMS; i++) fn->fix.axes[i] = (uint8_t)axes; fn->fix.shapes_any = axes != 0; }
    else fn->fix.axes[param] = (uint8_t)axes;
    update_fixing(fn);
    pthread_mutex_unlock(&ctx->lock);
    return 0;
}

bool jit_fixing(const kiln_func *fn) { return fn->fixing || fn->mod->ctx->tune[TUNE_STATIC_SHAPES]; }

/* a scalar as the IR stores a constant of its dtype */
static Scalar scalar_of(const kiln_value *v) {
    Scalar s = SCALAR_ZERO;
    switch (v->dtype) {
    case KILN_FLOAT32: s.f = (double)(float)v->v.f; break;
    case KILN_FLOAT64: s.f = v->v.f; break;
    case KILN_COMPLEX64: s.c[0] = (double)(float)v->v.c[0]; s.c[1] = (double)(float)v->v.c[1]; break;
    case KILN_COMPLEX128: s.c[0] = v->v.c[0]; s.c[1] = v->v.c[1]; break;
    case KILN_INT64: case KILN_UINT64: s.i = v->v.i; break;
    default: s.i = rt_wrap(v->v.i, v->dtype); break;
    }
    return s;
}

/* a static value: numbers, bools, None, strings (of at most FIX_TEXT_MAX bytes, no NUL: they become literals) and
 * tuples of them */
enum { FIX_TEXT_MAX = 128 };
static bool staticable(const kiln_value *v, int depth) {
    if (v->kind == KILN_SCALAR || v->kind == KILN_NONE) return true;
    if (v->kind == KILN_STR) return v->n >= 0 && v->n <= FIX_TEXT_MAX && (!v->n || (v->v.s && !memchr(v->v.s, 0, (size_t)v->n)));
    if (v->kind != KILN_TUPLE || depth > 8) return false;
    for (int i = 0; i < v->n; i++) if (!staticable(&v->v.items[i], depth + 1)) return false;
    return true;
}

static uint32_t put_words(uint32_t *codes, uint32_t n, const void *p, int words) {
    for (int w = 0; w < words && n < SIG_KEY_MAX; w++) memcpy(&codes[n++], (const char *)p + 4 * w, 4);
    return n;
}

static uint32_t value_words(const kiln_value *v, uint32_t *codes, uint32_t n) {
    if (v->kind == KILN_SCALAR) {
        Scalar s = scalar_of(v);
        return put_words(codes, n, &s, dt_is_complex(v->dtype) ? 4 : 2);
    }
    if (v->kind == KILN_STR) { /* its length, then its bytes (zero-padded to a word) */
        char buf[FIX_TEXT_MAX + 4] = {0};
        memcpy(buf, v->v.s ? v->v.s : "", (size_t)v->n);
        if (n < SIG_KEY_MAX) codes[n++] = (uint32_t)v->n;
        return put_words(codes, n, buf, (v->n + 3) / 4);
    }
    if (v->kind == KILN_TUPLE) for (int i = 0; i < v->n; i++) n = value_words(&v->v.items[i], codes, n);
    return n;
}

/* the function's own plan (the context's static_shapes with it) */
static unsigned axes_of(const kiln_func *fn, const FixPlan *plan, int i) {
    return plan->axes[i] | (plan == &fn->fix && fn->mod->ctx->tune[TUNE_STATIC_SHAPES] ? KILN_ALL_AXES : 0);
}

static bool value_fixed(const FixPlan *plan, int i) { return plan->values_any || (plan->values >> i & 1); }

uint32_t jit_fix_key(kiln_func *fn, const FixPlan *plan, const kiln_value *args, int nargs, uint32_t *codes, uint32_t n, kiln_error *err) {
    for (int i = 0; i < nargs && i < KILN_MAX_PARAMS; i++) {
        const kiln_value *v = &args[i];
        if (value_fixed(plan, i)) {
            if (staticable(v, 0)) {
                if (n < SIG_KEY_MAX) codes[n++] = FIX_CODE(FIX_VALUE, 0, i);
                n = value_words(v, codes, n);
            } else if (plan->values >> i & 1) {
                err_set(err, KILN_ERR_USAGE, "", "argument '%s' of %s() is static: its value must be a number, a bool, None, a string "
                        "(of at most %d bytes, no NUL) or a tuple of them, not %s", fn->def->names[i], fn->name, FIX_TEXT_MAX,
                        v->kind == KILN_ARRAY ? "an array" : v->kind == KILN_LIST ? "a list" : v->kind == KILN_DICT ? "a dict" :
                        v->kind == KILN_STR ? "this string" : v->kind == KILN_SET ? "a set" : "a tuple holding an array or a list");
                return UINT32_MAX;
            }
        }
        unsigned axes = axes_of(fn, plan, i);
        if (axes && v->kind == KILN_ARRAY && v->v.arr->ndim > 0) {
            axes &= (1u << v->v.arr->ndim) - 1;
            if (n < SIG_KEY_MAX) codes[n++] = FIX_CODE(FIX_SHAPE, axes, i);
            for (int k = 0; k < v->v.arr->ndim; k++) if (axes >> k & 1) n = put_words(codes, n, &v->v.arr->shape[k], 2);
        }
    }
    if (n >= SIG_KEY_MAX) {
        err_set(err, KILN_ERR_USAGE, "", "the static values and shapes of %s()'s arguments are too long a key (at most %d words)", fn->name,
                SIG_KEY_MAX - SIG_MAX);
        return UINT32_MAX;
    }
    return n;
}

static int fill_values(Arena *a, const kiln_value *v, const Type *t, LeafFix *fix, int *leaf) {
    if (t->kind == T_TUPLE) {
        for (int i = 0; i < t->n; i++) if (fill_values(a, &v->v.items[i], t->elems[i], fix, leaf)) return -1;
        return 0;
    }
    if (!ty_is_leaf(t)) return 0;
    if (t->kind == T_SCALAR) { fix[*leaf].value = true; fix[*leaf].v = scalar_of(v); }
    if (t->kind == T_STRING) { /* the specialization's own copy: lowering binds it as a literal */
        char *c = arena_alloc(a, (size_t)v->n + 1);
        if (!c) return -1;
        memcpy(c, v->v.s ? v->v.s : "", (size_t)v->n);
        c[v->n] = 0;
        fix[*leaf].value = true; fix[*leaf].text = c;
    }
    (*leaf)++;
    return 0;
}

int jit_fix_table(Spec *s, const FixPlan *plan, const kiln_value *args, int nargs) {
    kiln_func *fn = s->fn;
    int total = 0;
    for (int i = 0; i < nargs; i++) total += s->u.args[i]->nleaves;
    LeafFix *fix = arena_alloc(&s->u.arena, sizeof(LeafFix) * (size_t)(total ? total : 1));
    if (!fix) return -1;
    memset(fix, 0, sizeof(LeafFix) * (size_t)(total ? total : 1));
    int leaf = 0;
    for (int i = 0; i < nargs; i++) {
        int first = leaf;
        if (value_fixed(plan, i) && staticable(&args[i], 0) && fill_values(&s->u.arena, &args[i], s->u.args[i], fix, &leaf)) return -1;
        leaf = first + s->u.args[i]->nleaves;
        unsigned axes = axes_of(fn, plan, i);
        if (axes && args[i].kind == KILN_ARRAY) {
            const kiln_array *a = args[i].v.arr;
            fix[first].axes = (uint8_t)(axes & ((1u << a->ndim) - 1));
            for (int k = 0; k < a->ndim; k++) fix[first].dim[k] = a->shape[k];
        }
    }
    s->u.fix = fix;
    s->u.nfix = total;
    s->fixed = true;
    return 0;
}

/* ---- what a specialization fixes, as text (KILN_LOG=recompiles, kiln explain) ---- */

static int fixed_text(const Type *t, const LeafFix *fix, int *leaf, char *buf, size_t cap) {
    if (t->kind == T_NONE) return snprintf(buf, cap, "None");
    if (t->kind == T_TUPLE) {
        size_t w = (size_t)snprintf(buf, cap, "(");
        for (int i = 0; i < t->n; i++) {
            if (i && w < cap) w += (size_t)snprintf(buf + w, cap - w, ", ");
            if (w < cap) w += (size_t)fixed_text(t->elems[i], fix, leaf, buf + w, cap - w);
        }
        if (w < cap) w += (size_t)snprintf(buf + w, cap - w, t->n == 1 ? ",)" : ")");
        return (int)w;
    }
    if (!ty_is_leaf(t)) return snprintf(buf, cap, "?");
    const LeafFix *x = &fix[(*leaf)++];
    if (t->kind == T_ARRAY) {
        size_t w = (size_t)snprintf(buf, cap, "shape (");
        for (int k = 0; k < t->ndim && w < cap; k++)
            w += (x->axes >> k & 1) ? (size_t)snprintf(buf + w, cap - w, "%s%lld", k ? ", " : "", (long long)x->dim[k])
                                    : (size_t)snprintf(buf + w, cap - w, "%s?", k ? ", " : "");
        if (w < cap) w += (size_t)snprintf(buf + w, cap - w, t->ndim == 1 ? ",)" : ")");
        return (int)w;
    }
    kiln_value v = {0};
    if (t->kind == T_STRING && x->text) {
        v.kind = KILN_STR; v.n = (int32_t)strlen(x->text); v.v.s = (char *)x->text;
        return kiln_value_repr(&v, buf, cap);
    }
    v.kind = KILN_SCALAR; v.dtype = t->dtype; v.py = t->weak;
    if (dt_is_float(t->dtype)) v.v.f = x->v.f;
    else if (dt_is_complex(t->dtype)) { v.v.c[0] = x->v.c[0]; v.v.c[1] = x->v.c[1]; }
    else v.v.i = x->v.i;
    return kiln_value_repr(&v, buf, cap);
}

/* what s fixes of parameter i ("10", "(3, 4)", "shape (8, 8)"), or "" when nothing */
void jit_fix_param_text(const Spec *s, int i, char *buf, size_t cap) {
    buf[0] = 0;
    if (!s->u.fix || i >= s->u.nargs) return;
    int leaf = 0;
    for (int j = 0; j < i; j++) leaf += s->u.args[j]->nleaves;
    const Type *t = s->u.args[i];
    int n = (int)t->nleaves;
    bool any = false;
    for (int k = 0; k < n; k++) any |= s->u.fix[leaf + k].value || s->u.fix[leaf + k].axes;
    bool none_static = t->kind == T_NONE && value_fixed(&s->fn->fix, i);
    if (!any && !none_static) return;
    fixed_text(t, s->u.fix, &leaf, buf, cap);
}

/* KILN_LOG=recompiles: what a new fixed specialization changed from the last one of its types */
void jit_fix_explain(kiln_ctx *ctx, Spec *s, Spec *prev) {
    if (!prev || !prev->fixed) return;
    for (int i = 0; i < s->u.nargs && i < prev->u.nargs; i++) if (s->u.args[i] != prev->u.args[i]) return; /* said as a type change */
    for (int i = 0; i < s->u.nargs; i++) {
        char a[200], b[200];
        jit_fix_param_text(prev, i, a, sizeof a);
        jit_fix_param_text(s, i, b, sizeof b);
        if (!strcmp(a, b)) continue;
        jit_log(ctx, "kiln: recompiling %s: static argument '%s' changed from %s to %s (specialization %llu)\n", s->fn->name,
                s->fn->def->names[i], a[0] ? a : "(not static)", b[0] ? b : "(not static)", (unsigned long long)s->fn->nfix_specs + 1);
    }
}
