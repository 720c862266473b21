/*
 * print.c — what print() in a kernel writes: CPython's str() of each item
 * (repr() inside lists and tuples, where NumPy 2's scalars show as
 * np.float64(1.5)), joined by sep and ended by end, handed in one piece to
 * the call's print hook (the context's: stdout by default, sys.stdout in the
 * Python package).
 *
 * The items' types come as a T_FORMAT type (lowering builds it: sep, end,
 * then one type per item, strings as their text), their values as the slots
 * of the non-static leaves, in order.
 */
#include "lib.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct Text { char *p; size_t n, cap; bool oom; } Text;

static void add(Text *t, const char *s, size_t n) {
    if (t->oom) return;
    if (t->n + n + 1 > t->cap) {
        size_t cap = (t->n + n + 1) * 2;
        char *p = realloc(t->p, cap);
        if (!p) { t->oom = true; return; }
        t->p = p; t->cap = cap;
    }
    memcpy(t->p + t->n, s, n);
    t->n += n;
    t->p[t->n] = 0;
}

static void adds(Text *t, const char *s) { add(t, s, strlen(s)); }

/* a number: str() at the top, repr() inside a container (a NumPy scalar's shows its type) */
static void number(Text *t, const Type *ty, const Slot *v, bool inner) {
    char b[128];
    bool np = inner && !ty->weak;
    if (np && ty->dtype != KILN_BOOL) { adds(t, "np."); adds(t, kiln_dtype_name((kiln_dtype)ty->dtype)); adds(t, "("); }
    switch (ty->dtype) {
    case KILN_BOOL: adds(t, np ? (v->i ? "np.True_" : "np.False_") : v->i ? "True" : "False"); return;
    case KILN_FLOAT64: fmt_double(v->f, b, sizeof b); break;
    case KILN_COMPLEX128: fmt_complex(v[0].f, v[1].f, b, sizeof b); break;
    case KILN_UINT64: case KILN_UINT32: case KILN_UINT16: case KILN_UINT8: snprintf(b, sizeof b, "%" PRIu64, v->u); break;
    default: snprintf(b, sizeof b, "%" PRId64, v->i); break;
    }
    adds(t, b);
    if (np) adds(t, ")");
}

static int item(Text *t, const Type *ty, const Slot *s, const int32_t *ops, bool inner);

/* a list's items, read from its memory */
static void list(Text *t, const Type *ty, const RtList *l) {
    const Type *it = ty_item(ty);
    adds(t, "[");
    for (int64_t i = 0; i < l->len && !t->oom; i++) {
        Slot buf[KILN_MAX_ITEM_SLOTS];
        int32_t ops[KILN_MAX_ITEM_SLOTS];
        rt_item_load(it, (const char *)l->data + i * l->item, buf);
        for (int k = 0; k < KILN_MAX_ITEM_SLOTS; k++) ops[k] = k; /* the item's leaves lie one after another in buf */
        if (i) adds(t, ", ");
        item(t, it, buf, ops, true);
    }
    adds(t, "]");
}

/* item of type ty whose leaves are s[ops[0]], s[ops[1]] ...; the operands it used */
static int item(Text *t, const Type *ty, const Slot *s, const int32_t *ops, bool inner) {
    switch (ty->kind) {
    case T_STR: adds(t, ty->text); return 0;
    case T_NONE: adds(t, "None"); return 0;
    case T_SCALAR: number(t, ty, &s[ops[0]], inner); return 1;
    case T_LIST: list(t, ty, s[ops[0]].p); return 1;
    case T_TUPLE: {
        if (ty_is_optional(ty)) { /* None, or the value after the flag */
            if (s[ops[0]].i) return 1 + item(t, ty->elems[1], s, ops + 1, inner);
            adds(t, "None");
            return 1 + (int)ty->elems[1]->nleaves;
        }
        int used = 0;
        adds(t, "(");
        for (int k = 0; k < ty->n; k++) {
            if (k) adds(t, ", ");
            used += item(t, ty->elems[k], s, ops + used, true);
        }
        adds(t, ty->n == 1 ? ",)" : ")");
        return used;
    }
    default: return 0;
    }
}

int rt_print(Run *r, const Type *fmt, const Slot *s, const int32_t *ops, int line, const char *file) {
    Text t = {0};
    int used = 0;
    for (int k = 2; k < fmt->n; k++) {
        if (k > 2) adds(&t, fmt->elems[0]->text);
        used += item(&t, fmt->elems[k], s, ops + used, false);
    }
    adds(&t, fmt->elems[1]->text);
    if (t.oom) {
        free(t.p);
        run_raise(r, RE_NOMEM, line, file);
        r->ename = "MemoryError";
        snprintf(r->msg, sizeof r->msg, "out of memory formatting print()'s output");
        return -1;
    }
    if (r->print) r->print(r->print_arg, t.p ? t.p : "", t.n);
    else { fwrite(t.p ? t.p : "", 1, t.n, stdout); fflush(stdout); }
    free(t.p);
    return 0;
}
