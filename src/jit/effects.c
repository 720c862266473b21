/*
 * effects.c — what a specialization's code may do, worked out once from its typed IR and kept in
 * the Spec: whether it is straight-line scalar code (no loop, call, library routine or allocation:
 * its run time is tiny and bounded, so kiln_call_hooked runs it without releasing the GIL), and which
 * argument leaves it may write into (so a read-only array is refused before the call, with NumPy's
 * error, instead of being written); and whether it writes into a module array constant's copy (a
 * compile error: such constants are frozen, read-only).
 */
#include "jit.h"
#include <stdlib.h>

/* one pass over the typed IR for the two facts kept in the Spec: straight-line scalar code (no back
 * edge, no call, no library routine, no allocation: Spec.bounded) and whether it calls kernels
 * (Spec.calls); no IR (not known): neither bounded nor call-free */
static void scan_ops(Spec *s) {
    Func *f = s->u.ir;
    bool bounded = f != NULL, calls = f == NULL;
    for (uint32_t bi = 0; f && bi < f->blocks.n; bi++) {
        Block *blk = &f->blocks.v[bi];
        if (blk->dead) continue;
        for (uint32_t k = 0; bounded && k < blk->preds.n; k++) bounded = blk->preds.v[k].blk < bi; /* no back edge */
        for (uint32_t k = 0; k < blk->ins.n; k++) {
            int op = f->ins.v[blk->ins.v[k]].op;
            calls |= op == OP_CALL;
            bounded &= op != OP_CALL && op != OP_LIB && op != OP_ALLOC && op != OP_ACOPY;
        }
    }
    atomic_store_explicit(&s->calls, calls ? 1 : 2, memory_order_relaxed);
    atomic_store_explicit(&s->bounded, bounded ? 1 : 2, memory_order_relaxed);
}

bool jit_spec_bounded(Spec *s) {
    if (!atomic_load_explicit(&s->bounded, memory_order_relaxed)) scan_ops(s);
    return atomic_load_explicit(&s->bounded, memory_order_relaxed) == 1;
}

bool jit_spec_calls(Spec *s) {
    if (!atomic_load_explicit(&s->calls, memory_order_relaxed)) scan_ops(s);
    return atomic_load_explicit(&s->calls, memory_order_relaxed) == 1;
}

/* ---- read-only arrays ----
 * Which argument leaves (ARG aux) a spec may write into: the roots of every STORE and FILL
 * destination, followed back through views, casts, selects and block parameters, and through calls
 * by the callee's own answer. A root that is a call's result counts every array the call was given
 * (the callee may return a view of one). Conservative where it cannot follow (recursion in progress,
 * more than 63 leaves): then every leaf counts as written. */
enum { WRITES_KNOWN = 63, WRITES_BUSY = 62, WRITES_ALL = (1ull << 62) - 1 };

static uint64_t writes_of(Spec *s, int depth);

/* the argument leaves (mask) and the frozen module-constant copies (*frozen: the last one found)
 * that the array at start may be, or be a view of */
static void mark_roots(Func *f, Ref start, uint64_t *mask, Ref *frozen, bool *seen, Ref *stack) {
    int sp = 0;
    stack[sp++] = start;
    while (sp) {
        Ref r = stack[--sp];
        if (!r || r >= f->ins.n || seen[r]) continue;
        seen[r] = true;
        Ins *in = &f->ins.v[r];
        if (!in->ty || (in->ty->kind != T_ARRAY && in->op != OP_EXTRACT && in->op != OP_CALL)) continue;
        switch (in->op) {
        case OP_ARG: *mask |= in->aux < WRITES_BUSY ? 1ull << in->aux : WRITES_ALL; break;
        case OP_ALLOC: if (in->flags & ALLOC_FROZEN) *frozen = r; break;
        case OP_VIEW: case OP_MKVIEW: case OP_CAST: stack[sp++] = ir_arg(f, r, 0); break;
        case OP_SELECT: stack[sp++] = ir_arg(f, r, 1); stack[sp++] = ir_arg(f, r, 2); break;
        case OP_EXTRACT: stack[sp++] = ir_arg(f, r, 0); break;
        case OP_CALL:
            for (uint32_t j = 0; j < in->n && sp < 1000; j++) stack[sp++] = ir_arg(f, r, j);
            break;
        case OP_PARAM: {
            Block *b = &f->blocks.v[in->blk];
            uint32_t k = 0;
            while (k < b->params.n && b->params.v[k] != r) k++;
            for (uint32_t p = 0; k < b->params.n && p < b->preds.n && sp < 1000; p++) {
                Edge *e = &f->blocks.v[b->preds.v[p].blk].succ[b->preds.v[p].succ];
                if (k < e->args.n) stack[sp++] = e->args.v[k];
            }
            break;
        }
        default: break; /* a fresh array */
        }
        if (sp >= 1000) { *mask |= WRITES_ALL; return; }
    }
}

/* every write a function's code may do: the destinations of STORE and FILL, and the arguments of a
 * call its callee may write; each followed to its roots (frozen: the last frozen copy written, if
 * any, and its line). The stores that fill a frozen copy (STORE_INIT) are its own, not writes. */
static uint64_t writes_scan(Func *f, int depth, Ref *frozen, uint32_t *line) {
    bool *seen = calloc(f->ins.n + 1, 1);
    Ref *stack = malloc(sizeof(Ref) * 1024);
    uint64_t mask = 0;
    if (!seen || !stack) { free(seen); free(stack); return WRITES_ALL; }
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        Block *b = &f->blocks.v[bi];
        if (b->dead) continue;
        for (uint32_t k = 0; k < b->ins.n; k++) {
            Ref r = b->ins.v[k], fr = 0;
            Ins *in = &f->ins.v[r];
            if (in->op == OP_STORE || in->op == OP_FILL) {
                Ref dst = ir_arg(f, r, 0);
                if (in->op == OP_STORE && (in->flags & STORE_INIT)) continue;
                memset(seen, 0, f->ins.n + 1);
                mark_roots(f, dst, &mask, &fr, seen, stack);
            } else if (in->op == OP_CALL) {
                uint64_t cm = writes_of(jit_spec_of(f->callees.v[in->aux]), depth + 1);
                for (uint32_t j = 0; j < in->n; j++) {
                    if (!(cm & (j < WRITES_BUSY ? 1ull << j : WRITES_ALL))) continue;
                    memset(seen, 0, f->ins.n + 1);
                    mark_roots(f, ir_arg(f, r, j), &mask, &fr, seen, stack);
                }
            }
            if (fr && frozen && !*frozen) { *frozen = fr; *line = in->line; }
        }
    }
    free(seen);
    free(stack);
    return mask;
}

static uint64_t writes_compute(Spec *s, int depth) {
    if (!s->u.ir || depth > 16) return WRITES_ALL;
    return writes_scan(s->u.ir, depth, NULL, NULL);
}

Ref jit_frozen_written(Func *f, uint32_t *line) {
    Ref frozen = 0;
    *line = 0;
    writes_scan(f, 0, &frozen, line);
    return frozen;
}

static uint64_t writes_of(Spec *s, int depth) {
    uint64_t w = atomic_load_explicit(&s->writes, memory_order_acquire);
    if (w & (1ull << WRITES_KNOWN)) return w & WRITES_ALL;
    if (w & (1ull << WRITES_BUSY)) return WRITES_ALL; /* recursion: what it may write is not known yet */
    atomic_store_explicit(&s->writes, 1ull << WRITES_BUSY, memory_order_relaxed);
    uint64_t m = writes_compute(s, depth);
    atomic_store_explicit(&s->writes, m | 1ull << WRITES_KNOWN, memory_order_release);
    return m;
}

/* a read-only array among the arguments the spec may write into: NumPy's error, before anything runs */
static int readonly_check(Spec *s, const kiln_value *v, int *leaf, uint64_t *mask, kiln_error *err) {
    if (v->kind == KILN_LIST) { /* its arrays are not leaves: what the kernel writes through the list is not tracked */
        (*leaf)++;
        for (int i = 0; i < v->n; i++)
            if ((v->v.items[i].kind == KILN_ARRAY && (v->v.items[i].flags & KILN_ARRAY_READONLY)) ||
                ((v->v.items[i].kind == KILN_LIST || v->v.items[i].kind == KILN_TUPLE) && jit_any_readonly(&v->v.items[i], 1))) {
                err_set(err, KILN_ERR_USAGE, "", "%s(): a read-only array inside a list argument (kiln does not follow what a kernel "
                        "writes through a list's arrays): pass a writable array, a copy (a.copy()), or the array itself",
                        s->fn->name);
                return -1;
            }
        return 0;
    }
    if (v->kind == KILN_TUPLE) {
        for (int i = 0; i < v->n; i++)
            if (readonly_check(s, &v->v.items[i], leaf, mask, err)) return -1;
        return 0;
    }
    if (v->kind == KILN_NONE) return 0; /* static: no leaf */
    int j = (*leaf)++;
    if (v->kind != KILN_ARRAY || !(v->flags & KILN_ARRAY_READONLY)) return 0;
    if (!*mask) *mask = writes_of(s, 0) | 1ull << WRITES_KNOWN;
    if (!(*mask & (j < WRITES_BUSY ? 1ull << j : WRITES_ALL))) return 0;
    err_set(err, KILN_ERR_RUNTIME, "ValueError", "assignment destination is read-only");
    snprintf(err->file, sizeof err->file, "%s", s->fn->mod->file);
    err->line = s->fn->def->line;
    return -1;
}

int jit_readonly_refused(Spec *s, const kiln_value *args, int nargs, kiln_error *err) {
    if (!jit_any_readonly(args, nargs)) return 0;
    uint64_t mask = 0;
    int leaf = 0;
    for (int i = 0; i < nargs; i++)
        if (readonly_check(s, &args[i], &leaf, &mask, err)) return -1;
    return 0;
}
